//! The report: the 2017 edition builds a reproducible PDF, the snapshot hash follows the facts,
//! and errors name what went wrong.

use nmp_report::ReportError;
use nmp_store::Set;
use nmp_store::entity::mechanism;
use nmp_store::testing::engines;

#[tokio::test]
async fn edition_2017_builds_a_reproducible_pdf() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let first = nmp_report::build(&db.store, "2017", false).await.unwrap();
        assert!(first.pdf.starts_with(b"%PDF-"), "{}", db.engine);
        assert!(first.pages > 5, "only {} pages", first.pages);
        assert!(first.warnings.is_empty(), "warnings: {:?}", first.warnings);
        let second = nmp_report::build(&db.store, "2017", false).await.unwrap();
        assert_eq!(first.snapshot_sha256, second.snapshot_sha256);
        assert!(first.pdf == second.pdf, "two builds of one snapshot differ");
        // --draft adds the watermark to a published edition: other bytes, same snapshot.
        let draft = nmp_report::build(&db.store, "2017", true).await.unwrap();
        assert_eq!(draft.snapshot_sha256, first.snapshot_sha256);
        assert!(draft.pdf != first.pdf, "the draft has no watermark");
        db.finish().await;
    }
}

#[tokio::test]
async fn snapshot_hash_is_stable_and_follows_the_facts() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let before = nmp_report::snapshot::build(&db.store, "2017").await.unwrap();
        let again = nmp_report::snapshot::build(&db.store, "2017").await.unwrap();
        assert_eq!(before.sha256().unwrap(), again.sha256().unwrap());
        assert!(!before.bibliography.is_empty());
        assert!(before.parts.iter().any(|p| !p.profiles.is_empty()));

        // Change the acronym of a mechanism the edition features.
        let slug = before
            .parts
            .iter()
            .flat_map(|p| &p.profiles)
            .map(|p| p.slug.clone())
            .next()
            .unwrap();
        let m = db.store.mechanism_by_slug(&slug).await.unwrap().unwrap();
        let mut w = db.store.writer("test@example.org").await.unwrap();
        w.update::<mechanism::Entity>(m.mechanism_id, m.version, |row| {
            row.acronym = Set(Some("CHANGED".into()))
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        let after = nmp_report::snapshot::build(&db.store, "2017").await.unwrap();
        assert_ne!(before.sha256().unwrap(), after.sha256().unwrap());
        db.finish().await;
    }
}

#[tokio::test]
async fn unknown_edition_is_named() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let err = nmp_report::build(&db.store, "1999", false).await.unwrap_err();
    assert!(matches!(err, ReportError::UnknownEdition(_)), "{err}");
    assert!(err.to_string().contains("1999"), "{err}");
    db.finish().await;
}

#[tokio::test]
async fn template_errors_carry_a_line_number() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let snapshot = nmp_report::snapshot::build(&db.store, "2017").await.unwrap();
    let broken = "#let data = json(\"/edition.json\")\n= Title\n\n#data.no_such_field\n";
    let err = nmp_report::render_with_template(&snapshot, &Default::default(), true, broken).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, ReportError::Typeset(_)), "{text}");
    assert!(text.contains("/main.typ:4"), "{text}");
    db.finish().await;
}
