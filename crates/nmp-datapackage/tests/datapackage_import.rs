//! Loading an edition's data package into a new database: every row comes back with its key,
//! bad packages are refused with every problem named by file, row and column, and nothing is
//! written unless everything is right. Runs on SQLite and (when configured) PostgreSQL.

use std::path::Path;

use nmp_datapackage::DataPackageError;
use nmp_datapackage::datapackage;
use nmp_datapackage::import::import;
use nmp_ingest::seed::seed_embedded;
use nmp_store::entity::{citation, mechanism, mechanism_status, source, translation};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

/// Writes the 2017 package of a seeded database into `dir`.
async fn write_2017(store: &Store, dir: &Path) {
    let package = datapackage(store, "2017").await.unwrap();
    for (name, bytes) in &package.files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

/// Replaces `from` by `to` in one CSV file of the package (once).
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[tokio::test]
async fn a_package_loads_into_a_new_database_with_its_keys() {
    let targets = engines().await;
    for (db, fresh) in engines().await.into_iter().zip(targets) {
        seed_embedded(&db.store).await.unwrap();
        // A translation travels with the package (a synthetic one: the starter data has none).
        let ken = db
            .store
            .mechanism_by_slug("ken-national-committee")
            .await
            .unwrap()
            .unwrap();
        let mut w = db.store.writer("editor@example.org").await.unwrap();
        w.insert(translation::ActiveModel {
            entity: Set("mechanism".into()),
            entity_id: Set(ken.mechanism_id.to_string()),
            field: Set("name".into()),
            language: Set("fr".into()),
            text: Set("Comité national synthétique (traduction d'essai)".into()),
            by_nmp: Set(true),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        write_2017(&db.store, dir.path()).await;
        let loaded = import(&fresh.store, dir.path(), "system:test").await.unwrap();
        assert_eq!(loaded.edition, "2017");
        let key = ken.mechanism_id.to_string();
        let fr = fresh
            .store
            .translations("mechanism", std::slice::from_ref(&key), "fr")
            .await
            .unwrap();
        assert_eq!(
            fr.get(&key, "name").map(|t| (t.text.as_str(), t.by_nmp)),
            Some(("Comité national synthétique (traduction d'essai)", true)),
            "{}: the translation loaded",
            db.engine
        );
        assert_eq!(loaded.snapshot_hash, None);
        let rows: usize = loaded.rows.iter().map(|(_, n)| n).sum();
        assert!(rows > 500, "{}: only {rows} rows", db.engine);

        // Same rows, same keys: the package of the loaded database is byte for byte the same.
        let again = datapackage(&fresh.store, "2017").await.unwrap();
        let original = datapackage(&db.store, "2017").await.unwrap();
        assert_eq!(again.files, original.files, "{}", db.engine);
        let m = fresh
            .store
            .mechanism_by_slug("ken-national-committee")
            .await
            .unwrap()
            .unwrap();
        let before = db
            .store
            .mechanism_by_slug("ken-national-committee")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.mechanism_id, before.mechanism_id);

        // New rows get new keys (the key sequences moved past the loaded ones).
        let mut w = fresh.store.writer("editor@example.org").await.unwrap();
        let s = w
            .insert(source::ActiveModel {
                slug: Set("synthetic-test-source".into()),
                title: Set("Synthetic test source".into()),
                kind: Set("web_page".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let max = db
            .store
            .all::<source::Entity>()
            .await
            .unwrap()
            .last()
            .unwrap()
            .source_id;
        assert!(s.source_id > max, "{}: new key {} collides", db.engine, s.source_id);
        w.commit().await.unwrap();
        fresh.store.verify_audit_chain().await.unwrap();
        fresh.finish().await;
        db.finish().await;
    }
}

#[tokio::test]
async fn every_problem_is_named_by_file_row_and_column_and_nothing_is_written() {
    let source_db = engines().await.remove(0);
    seed_embedded(&source_db.store).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_2017(&source_db.store, dir.path()).await;
    // A level that is not a code, a mechanism key that is not a number, and a citation of an
    // unknown source.
    edit(
        dir.path(),
        "mechanisms.csv",
        ",national,committee,",
        ",nationwide,committee,",
    );
    let status = &source_db.store.all::<mechanism_status::Entity>().await.unwrap()[0];
    edit(
        dir.path(),
        "mechanism_statuses.csv",
        &format!("\r\n{},{},", status.mechanism_status_id, status.mechanism_id),
        &format!("\r\n{},one,", status.mechanism_status_id),
    );
    let first = &source_db.store.all::<citation::Entity>().await.unwrap()[0];
    edit(
        dir.path(),
        "citations.csv",
        &format!("\r\n{},{},", first.citation_id, first.source_id),
        &format!("\r\n{},9999,", first.citation_id),
    );
    for target in engines().await {
        let err = import(&target.store, dir.path(), "system:test").await.unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, DataPackageError::Rows { .. }), "{text}");
        assert!(
            text.contains("mechanisms.csv:") && text.contains(":level: \"nationwide\" is not one of"),
            "{text}"
        );
        assert!(
            text.contains("mechanism_statuses.csv:2:mechanism_id: \"one\" is not an integer"),
            "{text}"
        );
        assert!(
            text.contains("citations.csv:2:source_id: 9999 names no row of sources.csv"),
            "{text}"
        );
        assert_eq!(
            target.store.all::<mechanism::Entity>().await.unwrap().len(),
            0,
            "{}",
            target.engine
        );
        assert_eq!(
            target.store.counts().await.unwrap()["audit_events"],
            0,
            "nothing was written"
        );
        target.finish().await;
    }
    source_db.finish().await;
}

#[tokio::test]
async fn a_missing_file_or_a_database_with_records_is_refused() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_2017(&db.store, dir.path()).await;

    // Loading into a database that already holds records.
    let err = import(&db.store, dir.path(), "system:test")
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("already holds records") && err.contains("countries"),
        "{err}"
    );

    // A resource whose file is gone, and a header that does not match the schema.
    std::fs::remove_file(dir.path().join("networks.csv")).unwrap();
    edit(dir.path(), "sources.csv", "source_id,slug", "source_id,name");
    let fresh = engines().await.remove(0);
    let err = import(&fresh.store, dir.path(), "system:test")
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("networks.csv"), "{err}");
    assert!(err.contains("sources.csv:1: the header is source_id,name"), "{err}");
    assert_eq!(fresh.store.counts().await.unwrap()["countries"], 0);
    fresh.finish().await;
    db.finish().await;
}
