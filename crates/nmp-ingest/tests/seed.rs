//! The starter dataset: it parses, every reference resolves, it loads in one transaction, a second
//! load changes nothing, and a bad file is rejected with its file and line with nothing written.

use nmp_ingest::seed::{seed_embedded, seed_files};
use nmp_ingest::starter::{DataFile, embedded_files};
use nmp_store::entity::{edition, mechanism, network, organization, source};
use nmp_store::testing::engines;

#[tokio::test]
async fn the_starter_dataset_loads_once_and_every_mechanism_is_cited() {
    for db in engines().await {
        let s = &db.store;
        let report = seed_embedded(s).await.unwrap();
        let counts = s.counts().await.unwrap();
        assert_eq!(counts["countries"], 195, "{}", db.engine);
        assert!(counts["mechanisms"] >= 12, "{counts:?}");
        assert!(counts["networks"] >= 4);
        assert!(counts["editions"] >= 3);
        assert_eq!(report.inserted["mechanism"], counts["mechanisms"]);
        assert_eq!(
            report.total_inserted(),
            counts["audit_events"],
            "one audit event per row"
        );
        assert!(
            s.uncited::<mechanism::Entity>().await.unwrap().is_empty(),
            "every mechanism has a citation"
        );
        assert!(s.uncited::<network::Entity>().await.unwrap().is_empty());
        assert!(s.uncited::<edition::Entity>().await.unwrap().is_empty());
        assert!(s.uncited::<organization::Entity>().await.unwrap().is_empty());
        for src in s.all::<source::Entity>().await.unwrap() {
            assert!(
                src.url.as_deref().is_some_and(|u| u.starts_with("http")),
                "{} has no URL",
                src.slug
            );
        }
        let drc = s
            .mechanism_by_slug("cod-national-committee")
            .await
            .unwrap()
            .expect("DRC committee");
        assert_eq!(drc.instrument_number.as_deref(), Some("18/058"));
        assert_eq!(drc.launched_on.as_deref(), Some("2014-12-05"));

        let again = seed_embedded(s).await.unwrap();
        assert_eq!(again.total_inserted(), 0, "{}: second load inserts nothing", db.engine);
        assert_eq!(
            s.counts().await.unwrap(),
            counts,
            "{}: second load changes nothing",
            db.engine
        );
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

fn with_replaced(path_suffix: &str, from: &str, to: &str) -> Vec<DataFile> {
    let mut files = embedded_files();
    let file = files
        .iter_mut()
        .find(|f| f.path.ends_with(path_suffix))
        .expect("file exists");
    assert!(file.text.contains(from), "{from:?} not in {path_suffix}");
    file.text = file.text.replacen(from, to, 1);
    files
}

async fn rejected(files: Vec<DataFile>) -> String {
    let db = engines().await.remove(0);
    let err = seed_files(&db.store, files).await.unwrap_err().to_string();
    let counts = db.store.counts().await.unwrap();
    assert!(counts.values().all(|n| *n == 0), "nothing may be written: {counts:?}");
    db.finish().await;
    err
}

#[tokio::test]
async fn a_malformed_file_names_file_line_and_field_and_writes_nothing() {
    let err = rejected(with_replaced(
        "mechanisms/cod.toml",
        "level = \"national\"",
        "level = \"planetary\"",
    ))
    .await;
    assert!(err.contains("data/starter/mechanisms/cod.toml:"), "{err}");
    assert!(err.contains("planetary"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().trim().parse().expect("a line number");
    let text = &embedded_files()
        .into_iter()
        .find(|f| f.path.ends_with("cod.toml"))
        .unwrap()
        .text;
    assert!(
        text.lines().nth(line - 1).unwrap().contains("level"),
        "line {line} is the level line: {err}"
    );

    let err = rejected(with_replaced(
        "mechanisms/cod.toml",
        "launched_on = \"2014-12-05\"",
        "launched_on = \"2014-13-05\"",
    ))
    .await;
    assert!(err.contains("cod.toml:") && err.contains("2014-13-05"), "{err}");

    let err = rejected(with_replaced(
        "editions.toml",
        "slug = \"2017\"",
        "slug = \"2017\"\ncolour = \"red\"",
    ))
    .await;
    assert!(err.contains("editions.toml:") && err.contains("colour"), "{err}");

    // A part may be an essay (the starter dataset records none), and an essay has an author.
    let err = rejected(with_replaced(
        "editions.toml",
        "key = \"part-iii\"",
        "key = \"part-iii\"\nkind = \"essay\"",
    ))
    .await;
    assert!(
        err.contains("editions.toml:") && err.contains("part.author") && err.contains("\"part-iii\" is an essay"),
        "{err}"
    );
    let err = rejected(with_replaced(
        "editions.toml",
        "key = \"part-iii\"",
        "key = \"part-iii\"\nkind = \"opinion\"",
    ))
    .await;
    assert!(
        err.contains("editions.toml:") && err.contains("chapter, essay"),
        "{err}"
    );
}

#[tokio::test]
async fn a_broken_reference_is_named_with_its_record_and_field() {
    let files = with_replaced(
        "mechanisms/cod.toml",
        "sources = [\"7sur7-drc-committee-installed\"",
        "sources = [\"no-such-source\"",
    );
    let err = rejected(files).await;
    assert!(err.contains("mechanisms/cod.toml:"), "{err}");
    assert!(
        err.contains("mechanism \"cod-national-committee\"") && err.contains("unknown source \"no-such-source\""),
        "{err}"
    );

    let err = rejected(with_replaced(
        "mechanisms/ken.toml",
        "country = \"KEN\"",
        "country = \"XKX\"",
    ))
    .await;
    assert!(
        err.contains("ken.toml:") && err.contains("country") && err.contains("XKX"),
        "{err}"
    );
}
