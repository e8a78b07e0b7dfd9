//! The starter loader's optional source fields `accessed_on` and `archived_url` (issue 25): they
//! load when a source gives them, and a bad one is refused with its file, line and field with
//! nothing written. The values are synthetic and only ever loaded into a test database.

use nmp_ingest::seed::seed_files;
use nmp_ingest::starter::{DataFile, embedded_files};
use nmp_store::entity::source;
use nmp_store::testing::engines;

const KEY_LINE: &str = "key = \"i-gmap-natmec\"\n";

/// The starter files with the source `i-gmap-natmec` given `extra` lines.
fn with_extra(extra: &str) -> Vec<DataFile> {
    let mut files = embedded_files();
    let f = files.iter_mut().find(|f| f.path.ends_with("sources.toml")).unwrap();
    assert!(f.text.contains(KEY_LINE));
    f.text = f.text.replacen(KEY_LINE, &format!("{KEY_LINE}{extra}"), 1);
    files
}

#[tokio::test]
async fn accessed_on_and_archived_url_load_from_the_sources_file() {
    for db in engines().await {
        let files =
            with_extra("accessed_on = \"2026-11\"\narchived_url = \"https://archive.example.org/synthetic/natmec\"\n");
        seed_files(&db.store, files).await.unwrap();
        let src = db
            .store
            .all::<source::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.slug == "i-gmap-natmec")
            .unwrap();
        assert_eq!(src.accessed_on.as_deref(), Some("2026-11"), "{}", db.engine);
        assert_eq!(
            src.archived_url.as_deref(),
            Some("https://archive.example.org/synthetic/natmec")
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_bad_archived_url_or_accessed_on_is_refused_by_file_line_and_field() {
    let db = engines().await.remove(0);
    let err = seed_files(&db.store, with_extra("archived_url = \"archive.example.org/natmec\"\n"))
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("data/starter/sources.toml:"), "{err}");
    assert!(
        err.contains("source \"i-gmap-natmec\": archived_url: \"archive.example.org/natmec\" is not a web address"),
        "{err}"
    );
    let err = seed_files(&db.store, with_extra("accessed_on = \"2026-13\"\n"))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("data/starter/sources.toml:") && err.contains("\"2026-13\" is not a date"),
        "{err}"
    );
    let counts = db.store.counts().await.unwrap();
    assert!(counts.values().all(|n| *n == 0), "nothing written: {counts:?}");
    db.finish().await;
}
