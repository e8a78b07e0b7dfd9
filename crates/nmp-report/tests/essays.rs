//! Expert opinion essays in an edition, on SQLite and (when configured) PostgreSQL: an essay is a
//! part of kind `essay` with an author; its text and byline are facts that need a citation; the
//! PDF, the static site and the Markdown print it in its own section, "Expert opinion", after the
//! thematic sections; and the data package carries it through the round trip.
//!
//! The essay here is synthetic (and says so in its title and text): the starter dataset records
//! no essay.

use nmp_report::ReportError;
use nmp_store::entity::{citation, edition_part, source};
use nmp_store::testing::{TestDb, engines};
use nmp_store::{Set, Store};

const TITLE: &str = "Synthetic test essay: not a real essay";
const AUTHOR: &str = "Synthetic Test Author, Synthetic Institute for Tests";
const BODY: &str =
    "Synthetic opening paragraph of a test essay; it states no fact.\n\nSynthetic closing paragraph, second of two.";

async fn seeded() -> Vec<TestDb> {
    let dbs = engines().await;
    for db in &dbs {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    }
    dbs
}

/// Adds the synthetic essay to the 2017 edition, uncited; returns its row.
async fn add_essay(s: &Store) -> edition_part::Model {
    let e = s.frozen_edition("2017").await.unwrap().unwrap().0;
    let mut w = s.writer("editor@example.org").await.unwrap();
    let part = w
        .insert(edition_part::ActiveModel {
            edition_id: Set(e.edition_id),
            part_key: Set("synthetic-essay".into()),
            position: Set(6),
            title: Set(TITLE.into()),
            body: Set(Some(BODY.into())),
            kind: Set("essay".into()),
            author: Set(Some(AUTHOR.into())),
            ..Default::default()
        })
        .await
        .unwrap();
    w.commit().await.unwrap();
    part
}

async fn cite(s: &Store, part: &edition_part::Model, field: Option<&str>) {
    let src = s.all::<source::Entity>().await.unwrap().remove(0);
    let mut w = s.writer("editor@example.org").await.unwrap();
    w.insert(citation::ActiveModel {
        source_id: Set(src.source_id),
        entity: Set("edition_part".into()),
        entity_id: Set(part.edition_part_id.to_string()),
        field: Set(field.map(str::to_string)),
        locator: Set(Some("synthetic locator".into())),
        ..Default::default()
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
}

fn file(files: &[(String, Vec<u8>)], name: &str) -> String {
    let bytes = &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is written"))
        .1;
    String::from_utf8(bytes.clone()).unwrap()
}

#[tokio::test]
async fn an_essay_is_cited_printed_in_its_own_section_and_survives_the_round_trip() {
    let targets = engines().await;
    for (db, fresh) in seeded().await.into_iter().zip(targets) {
        let s = &db.store;
        let before = nmp_report::load(s, "2017", true).await.unwrap();
        assert!(before.snapshot.parts.iter().all(|p| !p.is_essay()));
        let pages_before = nmp_report::render(&before).unwrap().pages;
        // Parts recorded before essays existed are chapters (the column's default), and a
        // chapter's kind is left out of the snapshot, so earlier snapshots hash as they did.
        let parts = s.all::<edition_part::Entity>().await.unwrap();
        assert!(parts.iter().all(|p| p.kind == "chapter"), "{}", db.engine);
        let json = String::from_utf8(before.snapshot.to_json().unwrap()).unwrap();
        assert!(!json.contains("\"kind\":\"chapter\""), "{}", db.engine);

        // Uncited, the essay's text and byline block publishing, each listed.
        let part = add_essay(s).await;
        let label = "edition_part \"synthetic-essay\" of edition \"2017\"";
        assert_eq!(
            nmp_report::publish::uncited(s, "2017").await.unwrap(),
            vec![format!("{label}: body"), format!("{label}: author")],
            "{}",
            db.engine
        );
        // A citation of the text alone leaves the byline uncited.
        cite(s, &part, Some("body")).await;
        let err = nmp_report::publish::publish(s, "2017", "editor@example.org")
            .await
            .unwrap_err();
        let ReportError::Uncited { facts, .. } = &err else {
            panic!("{}: expected Uncited, got {err}", db.engine)
        };
        assert_eq!(facts, &vec![format!("{label}: author")], "{}", db.engine);
        let e = s.frozen_edition("2017").await.unwrap().unwrap().0;
        assert_eq!(s.edition_lock(e.edition_id).await.unwrap(), None, "nothing was frozen");
        cite(s, &part, None).await;
        assert!(nmp_report::publish::uncited(s, "2017").await.unwrap().is_empty());

        // The snapshot: the essay in table-of-contents order, with its author and citations.
        let draft = nmp_report::load(s, "2017", true).await.unwrap();
        let keys: Vec<&str> = draft.snapshot.parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "introduction",
                "part-i",
                "part-ii",
                "part-iii",
                "conclusion",
                "synthetic-essay"
            ],
            "{}",
            db.engine
        );
        let essay = &draft.snapshot.parts[5];
        assert!(essay.is_essay() && essay.profiles.is_empty());
        assert_eq!(essay.author.as_deref(), Some(AUTHOR));
        assert_eq!(essay.body.as_deref(), Some(BODY));
        let about: Vec<&str> = essay.citations.iter().map(|c| c.about.as_str()).collect();
        assert_eq!(about, ["body", "part"], "{}", db.engine);
        let json = String::from_utf8(draft.snapshot.to_json().unwrap()).unwrap();
        assert!(
            json.contains("\"kind\":\"essay\"") && json.contains(AUTHOR),
            "{}",
            db.engine
        );

        // The PDF: typesets without warnings, and the section adds pages. Its bookmarks (the
        // PDF outline, plain strings in the file, like the printed contents) have the section
        // after the thematic one and before the annex, and the essay under it.
        let pdf = nmp_report::render(&draft).unwrap();
        assert!(pdf.warnings.is_empty(), "warnings: {:?}", pdf.warnings);
        assert!(
            pdf.pages > pages_before,
            "{}: {} pages with the essay, {pages_before} without",
            db.engine,
            pdf.pages
        );
        let bytes = String::from_utf8_lossy(&pdf.pdf);
        let bookmark = |title: &str| {
            bytes
                .find(&format!("/Title({title})"))
                .unwrap_or_else(|| panic!("no bookmark {title:?}"))
        };
        let section = bookmark("Expert opinion");
        assert!(bookmark("Civil society, corporations and religious organisations") < section);
        assert!(section < bookmark("Annex: data tables"));
        // The essay's bookmark names the section's as its parent (`N 0 obj <<... /Title(...)`).
        let number = {
            let head = &bytes[..section];
            let obj = head.rfind(" 0 obj").unwrap();
            head[head[..obj].rfind('\n').unwrap() + 1..obj].to_string()
        };
        let essay_at = bookmark(TITLE);
        let dict = &bytes[bytes[..essay_at].rfind("<<").unwrap()..essay_at];
        assert!(dict.contains(&format!("/Parent {number} 0 R")), "{dict}");
        let before_bytes = nmp_report::render(&before).unwrap().pdf;
        assert!(!String::from_utf8_lossy(&before_bytes).contains("/Title(Expert opinion)"));

        // The site: its own page, linked from the contents and the navigation; no part page.
        let site = nmp_report::site::build(&draft).unwrap();
        let page = file(&site, "essays.html");
        assert!(page.contains("<h1>Expert opinion</h1>"), "{page}");
        assert!(page.contains(TITLE) && page.contains(AUTHOR), "{page}");
        assert!(page.contains("Synthetic closing paragraph, second of two."), "{page}");
        assert!(page.contains("class=\"byline\""), "{page}");
        let index = file(&site, "index.html");
        assert!(
            index.contains("href=\"essays.html#essay-synthetic-essay\"") && index.contains(TITLE),
            "the contents do not list the essay"
        );
        let toc = &index[index.find("<ol class=\"toc\">").unwrap()..];
        let themes = toc.find("href=\"themes.html\">Civil society").unwrap();
        let annex = toc.find("href=\"annex.html\">Annex").unwrap();
        let listed = toc.find("href=\"essays.html\">Expert opinion").unwrap();
        assert!(themes < listed && listed < annex, "essays come after the themes");
        assert!(file(&site, "annex.html").contains("href=\"essays.html\">Expert opinion"));
        assert!(!site.iter().any(|(n, _)| n == "parts/synthetic-essay.html"));

        // The Markdown: after the thematic sections, before the annex, with the byline.
        let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
        let at = |needle: &str| {
            markdown
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} is not in the Markdown"))
        };
        let section = at("# Expert opinion\n");
        assert!(at("# Civil society, corporations and religious organisations") < section);
        assert!(section < at("# Annex: data tables"));
        assert!(section < at(&format!("## {TITLE}\n")));
        assert!(markdown.contains(&format!("*{AUTHOR}*^[")), "the byline with its notes");
        assert!(at("Synthetic opening paragraph") > section);

        // Published, it is frozen with the essay; the data package carries kind and author,
        // and loading it into an empty database gives the same snapshot and the same PDF.
        nmp_report::publish::publish(s, "2017", "editor@example.org")
            .await
            .unwrap();
        let frozen = nmp_report::load(s, "2017", false).await.unwrap();
        assert!(frozen.snapshot.parts.iter().any(|p| p.is_essay()));
        let parts_csv = file(&frozen.datapackage, "edition_parts.csv");
        assert!(
            parts_csv.lines().next().unwrap().ends_with(",kind,author"),
            "{parts_csv}"
        );
        assert!(parts_csv.contains(&format!(",essay,{AUTHOR:?}")), "{parts_csv}");
        let final_pdf = nmp_report::render(&frozen).unwrap();

        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in &frozen.datapackage {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        nmp_datapackage::import::import(&fresh.store, dir.path(), "system:test")
            .await
            .unwrap();
        let loaded = fresh
            .store
            .rows_where::<edition_part::Entity, _>(edition_part::Column::PartKey, ["synthetic-essay".to_string()])
            .await
            .unwrap();
        assert_eq!(loaded.len(), 1);
        assert_eq!(
            (loaded[0].kind.as_str(), loaded[0].author.as_deref()),
            ("essay", Some(AUTHOR))
        );
        nmp_report::publish::publish(&fresh.store, "2017", "system:test")
            .await
            .unwrap();
        let rebuilt = nmp_report::load(&fresh.store, "2017", false).await.unwrap();
        assert_eq!(
            rebuilt.sha256, frozen.sha256,
            "{}: the round trip changed the snapshot",
            db.engine
        );
        assert!(
            nmp_report::render(&rebuilt).unwrap().pdf == final_pdf.pdf,
            "{}: the round trip changed the PDF",
            db.engine
        );
        fresh.finish().await;
        db.finish().await;
    }
}

#[tokio::test]
async fn an_edition_without_essays_prints_no_essay_section() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let draft = nmp_report::load(&db.store, "2017", true).await.unwrap();
    let site = nmp_report::site::build(&draft).unwrap();
    assert!(!site.iter().any(|(n, _)| n == "essays.html"));
    assert!(!file(&site, "index.html").contains("Expert opinion"));
    let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
    assert!(!markdown.contains("Expert opinion"));
    db.finish().await;
}
