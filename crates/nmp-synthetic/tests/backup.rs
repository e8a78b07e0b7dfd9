//! The synthetic dataset (the starter countries, frameworks and initiatives; synthetic
//! mechanisms, editions, profiles, citations, raters, an assessment round with ratings, evidence
//! and consensus) through a backup and a restore on each engine, and from SQLite to PostgreSQL:
//! every table the dataset fills comes back row for row, with the same audit chain.

use nmp_store::backup;
use nmp_store::testing::{TestDb, blank_postgres, engines};
use nmp_synthetic::{Scale, load};

async fn restore_and_compare(target: &TestDb, file: &std::path::Path, dir: &std::path::Path, name: &str) {
    let restored = target
        .store
        .restore(backup::check(file).unwrap(), &mut |_| {})
        .await
        .unwrap();
    assert!(restored.audit.is_ok(), "{}: {:?}", target.engine, restored.audit);
    let again = dir.join(name);
    target.store.backup(&again, &mut |_| {}).await.unwrap();
    assert_eq!(
        backup::table_rows(&again).unwrap(),
        backup::table_rows(file).unwrap(),
        "{}: every row",
        target.engine
    );
}

#[tokio::test]
async fn the_synthetic_dataset_survives_a_backup_and_a_restore() {
    for db in engines().await {
        load(&db.store, 7, &Scale::small(), false).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("synthetic.jsonl.gz");
        let checked = db.store.backup(&file, &mut |_| {}).await.unwrap();
        let empty: Vec<&str> = checked
            .header
            .tables
            .iter()
            .filter(|t| t.rows == 0)
            .map(|t| t.name.as_str())
            .collect();
        eprintln!("{}: empty tables {empty:?}", db.engine);
        for table in [
            "rating",
            "rating_evidence",
            "consensus",
            "round_rater",
            "round_target",
            "profile",
            "citation",
        ] {
            assert!(!empty.contains(&table), "{}: the dataset fills {table}", db.engine);
        }
        let target = db.blank().await;
        restore_and_compare(&target, &file, dir.path(), "same-engine.jsonl.gz").await;
        if db.engine == "sqlite"
            && let Some(pg) = blank_postgres().await
        {
            restore_and_compare(&pg, &file, dir.path(), "to-postgres.jsonl.gz").await;
            pg.finish().await;
        }
        target.finish().await;
        db.finish().await;
    }
}
