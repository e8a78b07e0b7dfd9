//! Backups and restores, on SQLite and (when configured) PostgreSQL: every table of the schema
//! is in the backup, a restore gives back every row exactly (also across engines), and a damaged
//! file, a newer schema or a database that is not empty are refused with nothing written.
//! All rows are synthetic test data.

mod fixtures;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use nmp_core::vocab::AccountRole;
use nmp_store::auth::LinkPurpose;
use nmp_store::backup::{self, Checked};
use nmp_store::entity::{
    assignment, attachment, edition, erratum, invitation, mail, observation, observation_outside, organization,
    proposal, question, questionnaire, source,
};
use nmp_store::migration::{Migrator, SEEDED_TABLES};
use nmp_store::testing::{
    TestDb, assessment_fixture, blank_postgres, blank_sqlite, engines, migrate_first, synthetic_indicator, texts,
};
use nmp_store::{Set, Store};
use sea_orm_migration::MigratorTrait;
use serde_json::Value as Json;

const PASSWORD: &str = "correct horse battery staple";

/// Awkward reals: each must come back with the same bits.
const REALS: [f64; 7] = [0.1, 1.0 / 3.0, 1e300, -0.0, 5e-324, 123_456.789, -2.5e-10];

fn at(micros: i64) -> time::OffsetDateTime {
    time::macros::datetime!(2024-02-29 23:59:59 UTC) + time::Duration::microseconds(micros)
}

/// Fills `store` with synthetic rows of many kinds: an account with a password, a session, sign-in
/// attempts and a link; countries, organisations whose parent has a larger key than its child,
/// sources (the newest deleted, so the key sequence is ahead of the largest key); an edition with
/// an erratum and an assignment, a
/// questionnaire with a question and an invitation, an attachment holding every byte value, a
/// mail; a dataset whose observations are awkward reals; proposals whose parent has a larger key;
/// an outcome framework; and the audit events of all of it.
async fn fill(store: &Store) -> i32 {
    store
        .create_account("system:test", "ana@example.org", "Ana Synthetic", AccountRole::Editor)
        .await
        .unwrap();
    let (_, token) = store
        .issue_link("system:test", "ana@example.org", LinkPurpose::SetPassword)
        .await
        .unwrap();
    store.set_password_with_link(&token, PASSWORD).await.unwrap();
    assert!(
        store
            .verify_login("ana@example.org", "wrong password", "test")
            .await
            .is_err()
    );
    let ana = store.verify_login("ana@example.org", PASSWORD, "test").await.unwrap();
    store
        .create_session(&ana, Some("Test browser ü 🌍"), None)
        .await
        .unwrap();
    store
        .issue_link("system:test", "ana@example.org", LinkPurpose::ResetPassword)
        .await
        .unwrap();

    let mut w = store.writer("ana@example.org").await.unwrap();
    let land = fixtures::country(&mut w, "XAA", "Synthetic Land \"quoted\" \\ back\nslash\ttab 🌍").await;
    fixtures::country(&mut w, "XBB", "Other Synthetic Land").await;
    fixtures::mechanism(&mut w, "synthetic-committee", "XAA").await;
    let child = fixtures::organization(&mut w, "synthetic-child", Some("XAA")).await;
    let parent = fixtures::organization(&mut w, "synthetic-parent", None).await;
    w.update::<organization::Entity>(child.organization_id, child.version, |row| {
        row.parent_id = Set(Some(parent.organization_id));
    })
    .await
    .unwrap();
    fixtures::source(&mut w, "synthetic-kept").await;
    let gone = fixtures::source(&mut w, "synthetic-deleted").await;
    w.delete::<source::Entity>(gone.source_id, gone.version).await.unwrap();

    let e = w
        .insert(edition::ActiveModel {
            slug: Set("synthetic-2099".into()),
            title: Set("Synthetic edition (test data)".into()),
            kind: Set("annual_report".into()),
            status: Set("collecting".into()),
            pages: Set(Some(-1)),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(erratum::ActiveModel {
        edition_id: Set(e.edition_id),
        issued_on: Set("2099-06".into()),
        location: Set("p. 1".into()),
        correction: Set("A synthetic correction".into()),
        note: Set(None),
        ..Default::default()
    })
    .await
    .unwrap();
    w.insert(assignment::ActiveModel {
        edition_id: Set(e.edition_id),
        assignee_account_id: Set(ana.account_id),
        country_iso3: Set(Some("XBB".into())),
        profile_id: Set(None),
        due_on: Set("2099-01-01".into()),
        state: Set("open".into()),
        note: Set(None),
        assigned_by: Set(ana.account_id),
        ..Default::default()
    })
    .await
    .unwrap();
    let q = w
        .insert(questionnaire::ActiveModel {
            edition_id: Set(e.edition_id),
            slug: Set("synthetic-questionnaire".into()),
            title: Set("Synthetic questionnaire".into()),
            revision: Set(1),
            previous_id: Set(None),
            intro: Set(Some(String::new())),
            status: Set("open".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(question::ActiveModel {
        questionnaire_id: Set(q.questionnaire_id),
        position: Set(1),
        question_key: Set("q1".into()),
        group_key: Set(None),
        section: Set(Some("Section".into())),
        prompt: Set("A synthetic question?".into()),
        help: Set(None),
        kind: Set("text".into()),
        vocabulary: Set(None),
        target_table: Set(None),
        target_field: Set(None),
        required: Set(true),
        ..Default::default()
    })
    .await
    .unwrap();
    let inv = w
        .insert(invitation::ActiveModel {
            questionnaire_id: Set(q.questionnaire_id),
            respondent_name: Set("Synthetic Respondent".into()),
            respondent_email: Set("respondent@example.org".into()),
            organization_id: Set(Some(child.organization_id)),
            country_iso3: Set(Some(land.country_iso3.clone())),
            mechanism_id: Set(None),
            token_hash: Set("ab".repeat(32)),
            expires_at: Set(at(123_456)),
            revoked_at: Set(None),
            due_on: Set("2099-12-31".into()),
            state: Set("draft".into()),
            answers_json: Set(Some(r#"{"q1":"an answer with \"quotes\""}"#.into())),
            submitted_at: Set(Some(at(1))),
            review_comment: Set(None),
            source_id: Set(None),
            last_reminder_at: Set(None),
            reminders_sent: Set(0),
            invited_by: Set(ana.account_id),
            ..Default::default()
        })
        .await
        .unwrap();
    let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    w.insert_many(
        vec![attachment::ActiveModel {
            invitation_id: Set(inv.invitation_id),
            question_key: Set("q1".into()),
            file_name: Set("every-byte.bin".into()),
            content_type: Set("application/octet-stream".into()),
            size_bytes: Set(bytes.len() as i32),
            sha256: Set(nmp_core::sha256_hex(&bytes)),
            content: Set(bytes),
            created_at: Set(at(0)),
            ..Default::default()
        }],
        "test",
        serde_json::json!({"attachments": 1}),
    )
    .await
    .unwrap();
    w.insert_many(
        vec![mail::ActiveModel {
            invitation_id: Set(Some(inv.invitation_id)),
            kind: Set("invitation".into()),
            to_address: Set("respondent@example.org".into()),
            subject: Set("Synthetic".into()),
            body: Set("Line one\r\nLine two\n".into()),
            status: Set("sent".into()),
            detail: Set(None),
            created_at: Set(at(999_999)),
            ..Default::default()
        }],
        "test",
        serde_json::json!({"mails": 1}),
    )
    .await
    .unwrap();
    let i = synthetic_indicator(&mut w, "synthetic-data").await;
    let observations = REALS.iter().enumerate().map(|(n, v)| observation::ActiveModel {
        indicator_id: Set(i.indicator_id),
        country_iso3: Set("XAA".into()),
        year: Set(2000 + n as i32),
        value: Set(*v),
        ..Default::default()
    });
    w.insert_many(observations, "test", serde_json::json!({"observations": REALS.len()}))
        .await
        .unwrap();
    // A value of an entity outside the states (synthetic), with a note and one without.
    let outside = [(2000, 0.125, Some("synthetic: not a state")), (2001, -1.5e-300, None)]
        .into_iter()
        .map(|(year, value, note)| observation_outside::ActiveModel {
            indicator_id: Set(i.indicator_id),
            code: Set("XKX".into()),
            name: Set("Kosovo".into()),
            year: Set(year),
            value: Set(value),
            note: Set(note.map(str::to_string)),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    w.insert_many(outside, "test", serde_json::json!({})).await.unwrap();
    let proposal_row = |message: &str| proposal::ActiveModel {
        entity: Set("source".into()),
        entity_id: Set(None),
        action: Set("create".into()),
        after_json: Set(Some("{}".into())),
        message: Set(Some(message.into())),
        state: Set("pending".into()),
        proposed_by: Set(Some(ana.account_id)),
        ..Default::default()
    };
    let child_proposal = w.insert(proposal_row("child")).await.unwrap();
    let parent_proposal = w.insert(proposal_row("parent")).await.unwrap();
    w.update::<proposal::Entity>(child_proposal.proposal_id, child_proposal.version, |row| {
        row.parent_proposal_id = Set(Some(parent_proposal.proposal_id));
    })
    .await
    .unwrap();
    assessment_fixture(&mut w, "synthetic-initiative", Some("XAA"), &["a", "b"], 3).await;
    w.commit().await.unwrap();
    gone.source_id
}

/// Rows per table, counted by the database.
async fn counts(store: &Store) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for table in store.table_columns().await.unwrap().keys() {
        let n = texts(store, &format!("SELECT CAST(COUNT(*) AS TEXT) FROM \"{table}\"")).await;
        counts.insert(table.clone(), n[0].parse().unwrap());
    }
    counts
}

async fn backup_of(store: &Store, dir: &Path, name: &str) -> (PathBuf, Checked) {
    let path = dir.join(name);
    let checked = store.backup(&path, &mut |_| {}).await.unwrap();
    (path, checked)
}

async fn restore(target: &Store, path: &Path) -> backup::Restored {
    target.restore(backup::check(path).unwrap(), &mut |_| {}).await.unwrap()
}

/// Blank databases (no tables) on each engine.
async fn blanks() -> Vec<TestDb> {
    let mut dbs = vec![blank_sqlite().await];
    if let Some(pg) = postgres_blank().await {
        dbs.push(pg);
    }
    dbs
}

/// A blank PostgreSQL database, or `None` (a failure under `NMP_REQUIRE_POSTGRES=1`).
async fn postgres_blank() -> Option<TestDb> {
    let pg = blank_postgres().await;
    if pg.is_none() {
        assert_ne!(
            std::env::var("NMP_REQUIRE_POSTGRES").as_deref(),
            Ok("1"),
            "NMP_REQUIRE_POSTGRES=1 but NMP_TEST_POSTGRES_URL is not set"
        );
        eprintln!("note: backup tests ran on SQLite only; set NMP_TEST_POSTGRES_URL to run them on PostgreSQL too");
    }
    pg
}

#[tokio::test]
async fn a_fresh_database_holds_rows_only_in_the_seeded_tables() {
    for db in engines().await {
        let with_rows: Vec<String> = counts(&db.store)
            .await
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            with_rows, SEEDED_TABLES,
            "{}: a migration writes rows into a table not in SEEDED_TABLES (a restore would refuse every database)",
            db.engine
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_backup_holds_every_table_and_a_restore_gives_back_every_row() {
    for db in engines().await {
        let deleted_source = fill(&db.store).await;
        let dir = tempfile::tempdir().unwrap();
        let (first, checked) = backup_of(&db.store, dir.path(), "first.jsonl.gz").await;
        assert!(first.exists() && !dir.path().join("first.jsonl.gz.partial").exists());

        // Every table of the schema, with every column: nothing is left out.
        let schema = db.store.table_columns().await.unwrap();
        let backed_up: BTreeMap<String, Vec<String>> = checked
            .header
            .tables
            .iter()
            .map(|t| {
                let mut columns: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
                columns.sort();
                (t.name.clone(), columns)
            })
            .collect();
        assert_eq!(backed_up, schema, "{}: the backup's tables and columns", db.engine);
        let source_counts = counts(&db.store).await;
        let header_counts: BTreeMap<String, u64> =
            checked.header.tables.iter().map(|t| (t.name.clone(), t.rows)).collect();
        assert_eq!(header_counts, source_counts, "{}: the header's row counts", db.engine);
        for table in [
            "account",
            "session",
            "login_attempt",
            "one_time_link",
            "organization",
            "mechanism",
            "source",
            "edition",
            "questionnaire",
            "question",
            "invitation",
            "attachment",
            "mail",
            "observation",
            "observation_outside",
            "proposal",
            "erratum",
            "assignment",
            "criterion_level",
            "audit_event",
        ] {
            assert!(source_counts[table] > 0, "{}: the fixture fills {table}", db.engine);
        }
        let latest = Migrator::migrations().len();
        assert_eq!(checked.header.migrations.len(), latest);
        assert_eq!(checked.header.source_engine, db.engine);
        let sources = checked.header.tables.iter().find(|t| t.name == "source").unwrap();
        assert_eq!(
            sources.auto_key.as_ref().map(|a| a.high_water),
            Some(i64::from(deleted_source)),
            "{}: the sequence's high-water mark counts the deleted row",
            db.engine
        );
        let order: Vec<&str> = checked.header.tables.iter().map(|t| t.name.as_str()).collect();
        let position = |t: &str| order.iter().position(|n| *n == t).unwrap();
        assert!(position("country") < position("organization") && position("edition") < position("questionnaire"));

        // Restore into a database with no tables, as `nmp restore` does with a new file.
        let target = db.blank().await;
        let restored = restore(&target.store, &first).await;
        assert_eq!(restored.migrated_before, latest);
        assert_eq!(restored.migrated_after.unwrap(), 0);
        assert_eq!(restored.counts, source_counts, "{}: counts after restoring", db.engine);
        assert_eq!(counts(&target.store).await, source_counts);
        assert_eq!(
            restored.audit.unwrap(),
            db.store.verify_audit_chain().await.unwrap(),
            "{}: the same audit chain, intact",
            db.engine
        );

        // Every row of every table is the same: the restored copy backs up to the same content.
        let (second, again) = backup_of(&target.store, dir.path(), "second.jsonl.gz").await;
        assert_eq!(again.header.tables, checked.header.tables, "{}", db.engine);
        assert_eq!(
            backup::table_rows(&second).unwrap(),
            backup::table_rows(&first).unwrap(),
            "{}: every row",
            db.engine
        );

        // Independently of the backup's own encoding: typed rows read through the entities.
        let bits = |rows: Vec<observation::Model>| rows.iter().map(|o| o.value.to_bits()).collect::<Vec<_>>();
        let restored_values = target.store.all::<observation::Entity>().await.unwrap();
        let source_values = db.store.all::<observation::Entity>().await.unwrap();
        // (SQLite itself keeps -0.0 as 0; every other value keeps its bits.)
        assert_eq!(source_values.iter().map(|o| o.value).collect::<Vec<_>>(), REALS);
        assert_eq!(bits(restored_values), bits(source_values), "{}", db.engine);
        assert_eq!(
            target.store.all::<observation_outside::Entity>().await.unwrap(),
            db.store.all::<observation_outside::Entity>().await.unwrap(),
            "{}",
            db.engine
        );
        assert_eq!(
            target.store.all::<attachment::Entity>().await.unwrap(),
            db.store.all::<attachment::Entity>().await.unwrap()
        );
        assert_eq!(
            target.store.all::<invitation::Entity>().await.unwrap(),
            db.store.all::<invitation::Entity>().await.unwrap()
        );
        assert!(
            target
                .store
                .verify_login("ana@example.org", PASSWORD, "test")
                .await
                .is_ok(),
            "{}: the password still works",
            db.engine
        );

        // New rows take keys past every key the backed-up database handed out.
        let mut w = target.store.writer("system:test").await.unwrap();
        let next = fixtures::source(&mut w, "after-restore").await;
        w.commit().await.unwrap();
        assert!(
            next.source_id > deleted_source,
            "{}: new key {} reuses a deleted one",
            db.engine,
            next.source_id
        );
        assert!(target.store.verify_audit_chain().await.is_ok());

        target.finish().await;
        db.finish().await;
    }
}

/// The engine-neutral promise: SQLite → PostgreSQL → SQLite gives back the same rows.
#[tokio::test]
async fn a_backup_crosses_from_sqlite_to_postgres_and_back() {
    let sqlite = engines().await.into_iter().next().unwrap();
    fill(&sqlite.store).await;
    let dir = tempfile::tempdir().unwrap();
    let (first, one) = backup_of(&sqlite.store, dir.path(), "sqlite.jsonl.gz").await;
    let Some(pg) = postgres_blank().await else {
        // Without PostgreSQL: SQLite → SQLite → SQLite, which still checks the two hops.
        let middle = blank_sqlite().await;
        restore(&middle.store, &first).await;
        let (second, _) = backup_of(&middle.store, dir.path(), "middle.jsonl.gz").await;
        assert_eq!(
            backup::table_rows(&second).unwrap(),
            backup::table_rows(&first).unwrap()
        );
        middle.finish().await;
        sqlite.finish().await;
        return;
    };
    let restored = restore(&pg.store, &first).await;
    assert!(restored.audit.is_ok());
    let (second, two) = backup_of(&pg.store, dir.path(), "postgres.jsonl.gz").await;
    assert_eq!(two.header.source_engine, "postgres");
    assert_eq!(
        two.header.tables, one.header.tables,
        "tables, columns, counts and sequences"
    );
    assert_eq!(
        backup::table_rows(&second).unwrap(),
        backup::table_rows(&first).unwrap(),
        "SQLite → PostgreSQL"
    );
    let back = blank_sqlite().await;
    let restored = restore(&back.store, &second).await;
    assert_eq!(
        restored.audit.unwrap(),
        sqlite.store.verify_audit_chain().await.unwrap()
    );
    let (third, three) = backup_of(&back.store, dir.path(), "sqlite-again.jsonl.gz").await;
    assert_eq!(three.header.tables, one.header.tables);
    assert_eq!(
        backup::table_rows(&third).unwrap(),
        backup::table_rows(&first).unwrap(),
        "PostgreSQL → SQLite"
    );
    assert_eq!(counts(&back.store).await, counts(&sqlite.store).await);
    back.finish().await;
    pg.finish().await;
    sqlite.finish().await;
}

/// The backup's content lines (header, tables, rows), without the end line.
fn lines(path: &Path) -> Vec<String> {
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()));
    let mut lines: Vec<String> = reader.lines().map(Result::unwrap).collect();
    let end = lines.pop().unwrap();
    assert!(end.starts_with("{\"end\":"), "{end}");
    lines
}

/// Writes `lines` as a backup with a correct end line (as someone who edits a backup and
/// recomputes its hash would).
fn write_lines(path: &Path, lines: &[String]) {
    let mut content = String::new();
    for line in lines {
        content.push_str(line);
        content.push('\n');
    }
    let rows = lines.iter().filter(|l| l.starts_with('[')).count();
    let tables = lines.iter().filter(|l| l.starts_with("{\"table\":")).count();
    let end = serde_json::json!({
        "end": "nmp-backup", "tables": tables, "rows": rows, "sha256": nmp_core::sha256_hex(content.as_bytes())
    });
    gzip(path, format!("{content}{end}\n").as_bytes());
}

fn gzip(path: &Path, bytes: &[u8]) {
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(path).unwrap(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap();
}

fn refused(path: &Path) -> String {
    let e = backup::check(path)
        .expect_err("a damaged backup is refused")
        .to_string();
    assert!(
        e.starts_with(&path.display().to_string()),
        "the error names the file: {e}"
    );
    e
}

#[tokio::test]
async fn a_damaged_or_altered_backup_is_refused_before_anything_is_written() {
    let db = engines().await.into_iter().next().unwrap();
    fill(&db.store).await;
    let dir = tempfile::tempdir().unwrap();
    let (good, _) = backup_of(&db.store, dir.path(), "good.jsonl.gz").await;
    let bytes = std::fs::read(&good).unwrap();
    let bad = dir.path().join("bad.jsonl.gz");

    for cut in [bytes.len() - 1, bytes.len() - 9, bytes.len() / 2, 20] {
        std::fs::write(&bad, &bytes[..cut]).unwrap();
        let e = refused(&bad);
        assert!(e.contains("cut short") || e.contains("damaged"), "cut at {cut}: {e}");
    }
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    std::fs::write(&bad, &flipped).unwrap();
    refused(&bad);

    // Decompressed, edited and compressed again, keeping the recorded hash.
    let content = lines(&good);
    let end_line = {
        let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&good).unwrap()));
        reader.lines().last().unwrap().unwrap()
    };
    let edited: Vec<String> = content
        .iter()
        .map(|l| l.replace("Other Synthetic Land", "Other Synthetic Lane"))
        .collect();
    assert_ne!(edited, content);
    gzip(&bad, format!("{}\n{end_line}\n", edited.join("\n")).as_bytes());
    let e = refused(&bad);
    assert!(e.contains("SHA-256") && e.contains("altered"), "{e}");

    // A row removed, the hash recomputed: the header's count no longer matches.
    let row = content.iter().position(|l| l.starts_with("[\"XBB\"")).unwrap();
    let mut fewer = content.clone();
    fewer.remove(row);
    write_lines(&bad, &fewer);
    let e = refused(&bad);
    assert!(e.contains("table country has 1 rows but its header counts 2"), "{e}");

    // A cell of the wrong type, the hash recomputed.
    let typed: Vec<String> = content
        .iter()
        .map(|l| {
            if l.contains("every-byte.bin") {
                l.replace("\"every-byte.bin\"", "17")
            } else {
                l.clone()
            }
        })
        .collect();
    write_lines(&bad, &typed);
    let e = refused(&bad);
    assert!(e.contains("table attachment") && e.contains("column file_name"), "{e}");

    std::fs::write(&bad, b"country_iso3,name\nXAA,Synthetic\n").unwrap();
    assert!(refused(&bad).contains("not an NMP backup"));
    gzip(&bad, b"{\"hello\": 1}\n");
    assert!(refused(&bad).contains("not an NMP backup"));

    // A file changed between its check and its loading (a mail row, loaded after most tables):
    // the load's transaction rolls back, on either engine.
    let mut swapped = content.clone();
    let mail_row = swapped.iter().position(|l| l.contains("Line one")).unwrap();
    swapped[mail_row] = swapped[mail_row].replace("Line one", "Line 1");
    for target in blanks().await {
        std::fs::copy(&good, &bad).unwrap();
        let checked = backup::check(&bad).unwrap();
        write_lines(&bad, &swapped);
        let e = target
            .store
            .restore(checked, &mut |_| {})
            .await
            .expect_err("the file changed after its check")
            .to_string();
        assert!(e.contains("changed after it was checked"), "{}: {e}", target.engine);
        let left: Vec<(String, u64)> = counts(&target.store)
            .await
            .into_iter()
            .filter(|(t, n)| *n > 0 && !SEEDED_TABLES.contains(&t.as_str()))
            .collect();
        assert!(left.is_empty(), "{}: nothing was written: {left:?}", target.engine);
        assert_eq!(
            texts(&target.store, "SELECT CAST(last_event_id AS TEXT) FROM audit_head").await,
            ["0"],
            "{}",
            target.engine
        );
        target.finish().await;
    }
    db.finish().await;
}

#[tokio::test]
async fn a_database_that_is_not_empty_is_refused() {
    for db in engines().await {
        fill(&db.store).await;
        let dir = tempfile::tempdir().unwrap();
        let (file, _) = backup_of(&db.store, dir.path(), "backup.jsonl.gz").await;
        let target = db.blank().await;
        target.store.migrate().await.unwrap();
        let mut w = target.store.writer("system:test").await.unwrap();
        fixtures::source(&mut w, "already-here").await;
        w.commit().await.unwrap();
        let before = counts(&target.store).await;
        let e = target
            .store
            .restore(backup::check(&file).unwrap(), &mut |_| {})
            .await
            .expect_err("a database with rows is refused")
            .to_string();
        assert!(
            e.contains("the database is not empty: table audit_event holds 1 row")
                || e.contains("table source holds 1 row"),
            "{}: {e}",
            db.engine
        );
        assert_eq!(counts(&target.store).await, before, "{}: nothing changed", db.engine);
        // A database without tables has nothing to back up.
        let blank = db.blank().await;
        let nothing = dir.path().join("nothing.jsonl.gz");
        let e = blank
            .store
            .backup(&nothing, &mut |_| {})
            .await
            .expect_err("no tables")
            .to_string();
        assert!(e.contains("the database has no tables"), "{e}");
        assert!(
            std::fs::read_dir(dir.path()).unwrap().count() == 1,
            "only the first backup is there"
        );
        blank.finish().await;
        // Writing a backup never overwrites a file either.
        let e = db
            .store
            .backup(&file, &mut |_| {})
            .await
            .expect_err("the file exists")
            .to_string();
        assert!(e.contains("already exists"), "{e}");
        target.finish().await;
        db.finish().await;
    }
}

#[tokio::test]
async fn an_older_backup_is_restored_then_migrated_and_a_newer_one_is_refused() {
    let latest = Migrator::migrations().len() as u32;
    for old in blanks().await {
        // A database one migration behind this nmp, with a row in it.
        migrate_first(&old.store, latest - 1).await;
        // Written without reading the row back: the entity may hold columns that the latest
        // migration adds (m0018 adds `source.archived_url`), which this schema lacks.
        let mut w = old.store.writer("system:test").await.unwrap();
        w.insert_many_editable(
            vec![nmp_store::entity::source::ActiveModel {
                slug: nmp_store::Set("from-an-older-schema".into()),
                title: nmp_store::Set("Synthetic source from an older schema".into()),
                kind: nmp_store::Set("web_page".into()),
                ..Default::default()
            }],
            "test:older-schema",
            serde_json::json!({}),
        )
        .await
        .unwrap();
        w.commit().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (file, checked) = backup_of(&old.store, dir.path(), "old.jsonl.gz").await;
        assert_eq!(checked.header.migrations.len() as u32, latest - 1);

        let target = old.blank().await;
        let restored = restore(&target.store, &file).await;
        assert_eq!(restored.migrated_before as u32, latest - 1);
        assert_eq!(restored.migrated_after.unwrap(), 1, "{}", old.engine);
        assert_eq!(target.store.schema_version().await.unwrap() as u32, latest);
        assert!(restored.audit.is_ok());
        assert_eq!(
            texts(&target.store, "SELECT slug FROM source").await,
            ["from-an-older-schema"]
        );

        // A database already at the latest schema cannot take the older backup.
        let newer_db = old.blank().await;
        newer_db.store.migrate().await.unwrap();
        let e = newer_db
            .store
            .restore(backup::check(&file).unwrap(), &mut |_| {})
            .await
            .expect_err("schemas differ")
            .to_string();
        assert!(e.contains("already at schema"), "{e}");

        // A backup from a later nmp (one more migration) is refused before anything happens.
        let mut content = lines(&file);
        let mut header: Json = serde_json::from_str(&content[0]).unwrap();
        let names = header["migrations"].as_array_mut().unwrap();
        names.push(Json::from(Migrator::migrations().last().unwrap().name()));
        names.push(Json::from("m9999_from_the_future"));
        content[0] = header.to_string();
        let future = dir.path().join("future.jsonl.gz");
        write_lines(&future, &content);
        let blank = old.blank().await;
        let e = blank
            .store
            .restore(backup::check(&future).unwrap(), &mut |_| {})
            .await
            .expect_err("a newer schema")
            .to_string();
        assert!(e.contains("newer than this nmp's"), "{e}");
        assert_eq!(blank.store.schema_version().await.unwrap(), 0, "nothing was migrated");

        blank.finish().await;
        newer_db.finish().await;
        target.finish().await;
        old.finish().await;
    }
}
