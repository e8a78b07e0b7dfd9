//! Bulk record imports and exports, on SQLite and (when configured) PostgreSQL: a generated
//! 10,000-row XLSX of synthetic mechanisms with errors in chosen rows is rejected with exactly those
//! rows and columns and writes nothing; the same file without errors imports in one transaction; a
//! dry run writes nothing; a student's import becomes proposals; a CSV renamed `.xlsx` is a clear
//! error; export → import changes nothing; an edited export updates, a stale one is refused.
//!
//! Every generated value is labelled synthetic. Timings are printed, never asserted.

use std::time::Instant;

use nmp_core::vocab::AccountRole;
use nmp_ingest::IngestError;
use nmp_ingest::records::RecordKind;
use nmp_ingest::records::import::{ImportReport, Importer, RowAction, import};
use nmp_ingest::seed::seed_embedded;
use nmp_ingest::sheet::{self, Format};
use nmp_store::Store;
use nmp_store::entity::{audit_event, citation, mechanism, proposal};
use nmp_store::testing::engines;
use rust_xlsxwriter::Workbook;

const ROWS: usize = 10_000;
const SOURCE: &str = "aipr-2017-docslib";
const COUNTRIES: [&str; 6] = ["KEN", "TZA", "UGA", "ARG", "PRY", "GHA"];
const HEADER: [&str; 9] = [
    "slug",
    "name",
    "country_iso3",
    "level",
    "mechanism_type",
    "created_on",
    "lead_organization",
    "source",
    "locator",
];

fn editor() -> Importer {
    Importer::Direct {
        actor: "system:import".into(),
    }
}

/// A synthetic mechanism row, with the cell of `bad` (column, value) replaced.
fn mechanism_row(i: usize, bad: Option<(usize, &str)>) -> Vec<String> {
    let mut row = vec![
        format!("synthetic-mechanism-{i:05}"),
        format!("Synthetic mechanism {i} (synthetic test data)"),
        COUNTRIES[i % COUNTRIES.len()].to_string(),
        "national".into(),
        "committee".into(),
        format!("{}-{:02}", 2000 + i % 20, 1 + i % 12),
        "binghamton-university".into(),
        SOURCE.into(),
        format!("p. {}", 1 + i % 90),
    ];
    if let Some((col, value)) = bad {
        row[col] = value.to_string();
    }
    row
}

/// The errors planted in the big file: spreadsheet row, column index, bad value.
const PLANTED: [(usize, usize, &str); 3] = [(17, 3, "galactic"), (4711, 5, "2012-13"), (9999, 2, "XXZ")];

/// A workbook with a `mechanisms` sheet of `ROWS` synthetic rows (row 1 the header), written
/// with rust_xlsxwriter as a spreadsheet program would, and the planted errors when asked for.
fn big_workbook(with_errors: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("mechanisms").unwrap();
    for (j, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, j as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        let row_number = i + 2;
        let bad = PLANTED
            .iter()
            .find(|p| with_errors && p.0 == row_number)
            .map(|p| (p.1, p.2));
        for (j, text) in mechanism_row(i, bad).iter().enumerate() {
            sheet.write_string(row_number as u32 - 1, j as u16, text).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

async fn count<E: nmp_store::EntityTrait>(s: &Store) -> usize
where
    E::Column: std::str::FromStr,
{
    s.all::<E>().await.unwrap().len()
}

async fn run(
    s: &Store,
    file: &str,
    bytes: &[u8],
    kind: RecordKind,
    who: &Importer,
    dry: bool,
) -> Result<ImportReport, IngestError> {
    import(s, file, bytes, kind, who, dry, &mut |_| {}).await
}

#[tokio::test]
async fn ten_thousand_rows_are_rejected_by_their_errors_or_written_in_one_transaction() {
    let bad = big_workbook(true);
    let good = big_workbook(false);
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let mechanisms = count::<mechanism::Entity>(s).await;
        let events = count::<audit_event::Entity>(s).await;

        // Errors in rows 17, 4711 and 9999: exactly those are reported, nothing is written.
        let started = Instant::now();
        let err = run(s, "synthetic.xlsx", &bad, RecordKind::Mechanisms, &editor(), false)
            .await
            .unwrap_err();
        let IngestError::Cells { file, problems } = err else {
            panic!("expected cell problems, got {err}");
        };
        assert_eq!(file, "synthetic.xlsx");
        let found: Vec<(usize, Option<&str>)> = problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
        assert_eq!(
            found,
            [
                (17, Some("D (level)")),
                (4711, Some("F (created_on)")),
                (9999, Some("C (country_iso3)"))
            ],
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| p.sheet == "mechanisms"));
        assert!(problems[0].message.contains("galactic") && problems[2].message.contains("XXZ"));
        eprintln!(
            "{}: checking 10,000 rows with 3 errors took {:.2} s",
            db.engine,
            started.elapsed().as_secs_f64()
        );
        assert_eq!(count::<mechanism::Entity>(s).await, mechanisms);
        assert_eq!(count::<audit_event::Entity>(s).await, events);

        // A dry run of the good file reports 10,000 creates and writes nothing.
        let dry = run(s, "synthetic.xlsx", &good, RecordKind::Mechanisms, &editor(), true)
            .await
            .unwrap();
        assert_eq!(dry.count(RowAction::Create), ROWS);
        assert!(dry.dry_run && dry.rows.iter().all(|r| r.key.is_none()));
        assert_eq!(count::<mechanism::Entity>(s).await, mechanisms);
        assert_eq!(count::<audit_event::Entity>(s).await, events);

        // The good file: all 10,000 rows and their citations, in one transaction.
        let citations = count::<citation::Entity>(s).await;
        let started = Instant::now();
        let report = run(s, "synthetic.xlsx", &good, RecordKind::Mechanisms, &editor(), false)
            .await
            .unwrap();
        eprintln!(
            "{}: importing 10,000 rows took {:.2} s ({:.2} s checking, {:.2} s writing)",
            db.engine,
            started.elapsed().as_secs_f64(),
            report.check_seconds,
            report.write_seconds
        );
        assert_eq!(report.count(RowAction::Create), ROWS);
        assert_eq!(count::<mechanism::Entity>(s).await, mechanisms + ROWS);
        assert_eq!(count::<citation::Entity>(s).await, citations + ROWS);
        let new: Vec<mechanism::Model> = s
            .all::<mechanism::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.slug.starts_with("synthetic-mechanism-"))
            .collect();
        assert_eq!(new.len(), ROWS);
        // One transaction: every row carries the transaction's one timestamp.
        assert!(
            new.iter()
                .all(|m| m.created_at == new[0].created_at && m.updated_by == "system:import")
        );
        let m4711 = new.iter().find(|m| m.slug == "synthetic-mechanism-04709").unwrap();
        assert_eq!(m4711.country_iso3.as_deref(), Some(COUNTRIES[4709 % 6]));
        assert_eq!(s.verify_audit_chain().await.unwrap().events as usize, events + 2 * ROWS);
        db.finish().await;
    }
}

#[tokio::test]
async fn export_then_import_changes_nothing_and_an_edited_export_updates_with_its_citation() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        for kind in RecordKind::ALL {
            for format in [Format::Csv, Format::Xlsx] {
                let bytes = nmp_ingest::records::export::export(s, kind, format).await.unwrap();
                let events = count::<audit_event::Entity>(s).await;
                let name = format!("{}.{}", kind.name(), format.extension());
                let report = run(s, &name, &bytes, kind, &editor(), false).await.unwrap();
                assert!(!report.rows.is_empty(), "{name}");
                assert_eq!(
                    report.count(RowAction::Unchanged),
                    report.rows.len(),
                    "{name}: {report:#?}"
                );
                assert_eq!(count::<audit_event::Entity>(s).await, events, "{name}");
            }
        }

        // Edit one cell of the CSV export and cite it: one update, with its citation.
        let ken = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
        let mut sheet = nmp_ingest::records::export::sheet(s, RecordKind::Mechanisms)
            .await
            .unwrap();
        let col = |name: &str| sheet.columns.iter().position(|c| c.name == name).unwrap();
        let (name, source, locator) = (col("name"), col("source"), col("locator"));
        let row = sheet
            .rows
            .iter_mut()
            .find(|r| r[0] == ken.mechanism_id.to_string())
            .unwrap();
        row[name] = format!("{} (synthetic edit)", ken.name);
        row[source] = SOURCE.into();
        row[locator] = "p. 3".into();
        let edited = String::from_utf8(nmp_ingest::sheet::write::csv(&sheet).unwrap()).unwrap();
        let report = run(
            s,
            "edited.csv",
            edited.as_bytes(),
            RecordKind::Mechanisms,
            &editor(),
            false,
        )
        .await
        .unwrap();
        assert_eq!(report.count(RowAction::Update), 1, "{report:#?}");
        let row = report.rows.iter().find(|r| r.action == RowAction::Update).unwrap();
        assert_eq!(row.changed, ["name"]);
        let now = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
        assert_eq!(now.version, ken.version + 1);
        assert!(now.name.ends_with("(synthetic edit)"));
        let cites = s
            .citations_for("mechanism", &ken.mechanism_id.to_string())
            .await
            .unwrap();
        assert!(
            cites
                .iter()
                .any(|(c, src)| src.slug == SOURCE && c.locator.as_deref() == Some("p. 3"))
        );

        // The same file again is stale: refused, naming the version.
        let err = run(
            s,
            "edited.csv",
            edited.as_bytes(),
            RecordKind::Mechanisms,
            &editor(),
            false,
        )
        .await
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("was changed since this file was made") && err.contains("column B (version)"),
            "{err}"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_students_import_becomes_proposals_within_their_assignment() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let editor_account = s
            .create_account(
                "system:test",
                "editor@example.org",
                "Synthetic editor",
                AccountRole::Editor,
            )
            .await
            .unwrap();
        let student = s
            .create_account(
                "system:test",
                "student@example.org",
                "Synthetic student",
                AccountRole::Student,
            )
            .await
            .unwrap();
        let edition = s.all::<nmp_store::entity::edition::Entity>().await.unwrap()[0].edition_id;
        s.assign(
            &editor_account,
            edition,
            student.account_id,
            Some("KEN"),
            None,
            "2099-01-01",
            None,
        )
        .await
        .unwrap();
        let importer = Importer::for_account(student.clone()).unwrap();
        let csv = format!(
            "mechanism,occurred_on,kind,title,source,locator\n\
             ken-national-committee,2016-03,training,Synthetic training (synthetic test data),{SOURCE},p. 9\n\
             ken-national-committee,2016-04,meeting,Synthetic meeting (synthetic test data),{SOURCE},p. 10\n"
        );
        let activities = count::<nmp_store::entity::activity::Entity>(s).await;
        let report = run(
            s,
            "activities.csv",
            csv.as_bytes(),
            RecordKind::Activities,
            &importer,
            false,
        )
        .await
        .unwrap();
        assert!(report.proposed);
        assert_eq!(report.count(RowAction::Create), 2);
        assert_eq!(count::<nmp_store::entity::activity::Entity>(s).await, activities);
        let proposals = s.proposals(None, Some(student.account_id)).await.unwrap();
        assert_eq!(proposals.len(), 2);
        assert!(proposals.iter().all(|p| p.entity == "activity" && p.action == "create"));
        assert!(
            proposals
                .iter()
                .any(|p| p.message.as_deref() == Some("Imported from activities.csv, sheet activities, row 3"))
        );
        assert!(proposals.iter().all(|p| {
            p.citation_json
                .as_deref()
                .is_some_and(|c| c.contains("p. 9") || c.contains("p. 10"))
        }));

        // A row outside the assignment (a Ugandan mechanism) rejects the whole file.
        let outside = format!(
            "{csv}uga-national-committee,2016-05,meeting,Synthetic meeting (synthetic test data),{SOURCE},p. 11\n"
        );
        let err = run(
            s,
            "activities.csv",
            outside.as_bytes(),
            RecordKind::Activities,
            &importer,
            false,
        )
        .await
        .unwrap_err()
        .to_string();
        assert!(err.contains("row 4") && err.contains("open assignments"), "{err}");
        assert_eq!(count::<proposal::Entity>(s).await, 2);

        // A reviewer may not import at all.
        let reviewer = s
            .create_account(
                "system:test",
                "reviewer@example.org",
                "Synthetic reviewer",
                AccountRole::Reviewer,
            )
            .await
            .unwrap();
        assert!(Importer::for_account(reviewer).unwrap_err().contains("reviewers"));
        db.finish().await;
    }
}

#[tokio::test]
async fn bad_files_and_bad_headers_are_clear_errors_and_write_nothing() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let events = count::<audit_event::Entity>(s).await;
    let csv = "slug,name\nsynthetic-org,Synthetic organisation (synthetic test data)\n";

    // A CSV file renamed .xlsx.
    let err = run(
        s,
        "organizations.xlsx",
        csv.as_bytes(),
        RecordKind::Organizations,
        &editor(),
        false,
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("organizations.xlsx: the file is named .xlsx but is not an XLSX workbook"),
        "{err}"
    );
    assert!(err.contains("CSV file renamed .xlsx"), "{err}");

    // An unknown column is named; a missing required column too.
    let unknown = "slug,name,kind,sector,colour\nsynthetic-org,Synthetic organisation,ngo,,red\n";
    let err = run(
        s,
        "o.csv",
        unknown.as_bytes(),
        RecordKind::Organizations,
        &editor(),
        false,
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("row 1, column E (colour): unknown column \"colour\""),
        "{err}"
    );
    let missing = "slug,name\nsynthetic-org,Synthetic organisation\n";
    let err = run(
        s,
        "o.csv",
        missing.as_bytes(),
        RecordKind::Organizations,
        &editor(),
        false,
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(err.contains("missing column kind: new records need it"), "{err}");

    // A workbook without the kind's sheet names the sheets it has.
    let mut book = Workbook::new();
    book.add_worksheet().set_name("first").unwrap();
    book.add_worksheet().set_name("second").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = run(s, "two.xlsx", &bytes, RecordKind::Sources, &editor(), false)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no sheet named \"sources\"") && err.contains("first, second"),
        "{err}"
    );
    assert_eq!(count::<audit_event::Entity>(s).await, events);
    db.finish().await;
}

#[tokio::test]
async fn the_template_has_a_readme_and_a_sheet_per_kind_with_the_export_layout() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let bytes = nmp_ingest::records::export::template(s).await.unwrap();
    let tables = sheet::read("template.xlsx", &bytes).unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t.sheet.as_str()).collect();
    assert_eq!(
        names,
        [
            "README",
            "sources",
            "organizations",
            "mechanisms",
            "memberships",
            "activities",
            "citations",
            "lists"
        ]
    );
    for kind in RecordKind::ALL {
        let t = tables.iter().find(|t| t.sheet == kind.name()).unwrap();
        assert_eq!(t.header, nmp_ingest::records::columns(kind).unwrap(), "{}", kind.name());
        assert!(t.rows.is_empty());
    }
    // The lists sheet holds the vocabularies the drop-downs offer.
    let lists = tables.iter().find(|t| t.sheet == "lists").unwrap();
    let column_holding = |code: &str| {
        (0..lists.header.len()).find(|&j| {
            lists.header.get(j).map(String::as_str) == Some(code)
                || lists
                    .rows
                    .iter()
                    .any(|r| r.cells.get(j).map(String::as_str) == Some(code))
        })
    };
    assert!(column_holding("focal_point").is_some() && column_holding("KEN").is_some());
    db.finish().await;
}

#[tokio::test]
async fn citations_name_their_record_by_slug_or_number() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let ken = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
    let before = s
        .citations_for("mechanism", &ken.mechanism_id.to_string())
        .await
        .unwrap()
        .len();
    let csv = format!(
        "source,entity,entity_key,field,locator\n\
         {SOURCE},mechanism,ken-national-committee,acronym,p. 4\n\
         {SOURCE},mechanism,no-such-mechanism,,p. 5\n"
    );
    let err = run(s, "c.csv", csv.as_bytes(), RecordKind::Citations, &editor(), false)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("row 3, column C (entity_key): no mechanism has the slug \"no-such-mechanism\""),
        "{err}"
    );
    assert!(!err.contains("row 2"), "{err}");
    let good: String = csv.lines().take(2).map(|l| format!("{l}\n")).collect();
    let report = run(s, "c.csv", good.as_bytes(), RecordKind::Citations, &editor(), false)
        .await
        .unwrap();
    assert_eq!(report.count(RowAction::Create), 1);
    let after = s
        .citations_for("mechanism", &ken.mechanism_id.to_string())
        .await
        .unwrap();
    assert_eq!(after.len(), before + 1);
    assert!(
        after
            .iter()
            .any(|(c, _)| c.field.as_deref() == Some("acronym") && c.locator.as_deref() == Some("p. 4"))
    );
    db.finish().await;
}
