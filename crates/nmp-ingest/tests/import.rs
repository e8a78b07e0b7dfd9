//! Imports of external data: the Early Warning Project files (synthetic fixtures in
//! `tests/fixtures/ewp/`, laid out under EWP's file names in a temporary directory) and generic long-format CSV. Each writes the dataset, its indicators and
//! observations; a re-import replaces them; a dry run and a bad file write nothing; the audit chain
//! verifies afterwards.

use std::path::{Path, PathBuf};

use nmp_ingest::import::indicators::IndicatorsOptions;
use nmp_ingest::import::{ACTOR, ewp, indicators, sha256_hex};
use nmp_ingest::seed::seed_embedded;
use nmp_store::entity::{dataset, indicator, observation};
use nmp_store::testing::engines;
use nmp_store::{Counts, Store};

const FORECASTS: &str = "final_forecasts_data_01Jan2030.csv";

/// The synthetic fixture files, kept under names that cannot be mistaken for EWP's own files.
fn source(name: &str) -> PathBuf {
    let file = if name == FORECASTS {
        "forecasts.csv"
    } else {
        "namesheet.csv"
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ewp")
        .join(file)
}

/// The fixtures laid out as EWP publishes them, in a temporary directory.
fn fixtures() -> tempfile::TempDir {
    fixtures_with("", "")
}

/// A copy of the fixtures in a temporary directory, with `from` replaced by `to` in the forecasts.
fn fixtures_with(from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [FORECASTS, ewp::NAMESHEET] {
        let text = std::fs::read_to_string(source(name)).unwrap();
        let text = if name == FORECASTS {
            assert!(text.contains(from), "{from:?} not in the fixture");
            text.replacen(from, to, 1)
        } else {
            text
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn imported(c: &Counts) -> (u64, u64, u64) {
    (c["datasets"], c["indicators"], c["observations"])
}

#[tokio::test]
async fn ewp_import_writes_the_dataset_and_lists_the_unmatched_rows() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let report = ewp::import(s, fixtures().path(), false, ACTOR).await.unwrap();

        assert_eq!(report.dataset.slug, "ewp-2030");
        assert_eq!(report.dataset.version.as_deref(), Some("2030-01-01"));
        assert_eq!(
            report.dataset.title,
            "Early Warning Project Statistical Risk Assessment 2030"
        );
        assert_eq!(report.forecast_year, 2030);
        assert_eq!((report.rows_read, report.matched), (6, 4), "{}", db.engine);
        let unmatched: Vec<(&str, u32)> = report
            .unmatched
            .iter()
            .map(|u| (u.ewp_name.as_str(), u.ccode))
            .collect();
        assert_eq!(unmatched, [("Atlantis", 999)]);
        assert!(report.unmatched[0].reason.contains("not in the crosswalk"));
        // Kosovo is matched to XKX with a note, reported with its values, not dropped.
        let kosovo = &report.outside[0];
        assert_eq!((kosovo.ewp_name.as_str(), kosovo.code.as_str()), ("Kosovo", "XKX"));
        assert_eq!((kosovo.rank_2yr, kosovo.risk_2yr), (4.0, 0.04025));
        assert!(kosovo.note.contains("not one of the 195 states"), "{}", kosovo.note);
        assert!(
            report
                .recognised
                .iter()
                .any(|l| l == "rank of the two-year risk: read from rank.2030and2031.from2029 (agrees with the risks)"),
            "{:?}",
            report.recognised
        );
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w.contains("Atlantis (ccode 999) is not in the crosswalk")),
            "{:?}",
            report.warnings
        );
        assert_eq!(report.outcome.observations_written, 16);
        let top: Vec<(f64, Option<&str>)> = report.top.iter().map(|t| (t.rank, t.iso3.as_deref())).collect();
        assert_eq!(
            top,
            [
                (1.0, Some("TCD")),
                (2.0, None),
                (3.0, Some("MMR")),
                (4.0, None),
                (5.0, Some("VNM")),
                (6.0, Some("SDN"))
            ]
        );

        let datasets = s.all::<dataset::Entity>().await.unwrap();
        assert_eq!(datasets.len(), 1);
        let d = &datasets[0];
        let bytes = std::fs::read(source(FORECASTS)).unwrap();
        assert_eq!(d.file_sha256.as_deref(), Some(sha256_hex(&bytes).as_str()));
        assert_eq!(d.file_name.as_deref(), Some(FORECASTS));
        assert_eq!(d.licence, None);
        assert_eq!(d.note.as_deref(), Some("The repository states no licence (not found)"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://github.com/EarlyWarningProject/2030-Statistical-Risk-Assessment")
        );
        let inds = s.all::<indicator::Entity>().await.unwrap();
        let codes: Vec<&str> = inds.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["risk_2yr", "rank_2yr", "risk_1yr", "rank_1yr"]);
        assert_eq!(inds[0].unit.as_deref(), Some("probability"));
        assert_eq!(inds[1].unit.as_deref(), Some("rank"));
        assert!(
            inds[0]
                .description
                .as_deref()
                .unwrap_or_default()
                .contains("risk.2030and2031.from2029")
        );
        let obs = s.all::<observation::Entity>().await.unwrap();
        assert_eq!(obs.len(), 16);
        assert!(obs.iter().all(|o| o.year == 2030));
        let chad_risk = obs
            .iter()
            .find(|o| o.country_iso3 == "TCD" && o.indicator_id == inds[0].indicator_id)
            .unwrap();
        assert_eq!(chad_risk.value, 0.1311);
        let sudan_rank = obs
            .iter()
            .find(|o| o.country_iso3 == "SDN" && o.indicator_id == inds[3].indicator_id)
            .unwrap();
        assert_eq!(sudan_rank.value, 6.0);
        assert!(!obs.iter().any(|o| o.country_iso3 == "SRB"));

        // Re-import: replaced, not doubled.
        let before = s.counts().await.unwrap();
        let again = ewp::import(s, fixtures().path(), false, ACTOR).await.unwrap();
        assert!(again.outcome.replaced);
        assert_eq!(again.outcome.observations_removed, 16);
        let after = s.counts().await.unwrap();
        assert_eq!(imported(&after), (1, 4, 16), "{}", db.engine);
        assert!(after["audit_events"] > before["audit_events"]);
        assert_eq!(s.all::<dataset::Entity>().await.unwrap()[0].version, 2);

        // Dry run: nothing written, not even an audit event.
        let dry = ewp::import(s, fixtures().path(), true, ACTOR).await.unwrap();
        assert!(dry.outcome.dry_run && dry.outcome.replaced);
        assert_eq!(dry.outcome.observations_written, 16);
        assert_eq!(s.counts().await.unwrap(), after);

        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn an_ewp_dry_run_on_an_empty_dataset_writes_nothing() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let before = s.counts().await.unwrap();
    let report = ewp::import(s, fixtures().path(), true, ACTOR).await.unwrap();
    assert!(report.outcome.dry_run && !report.outcome.replaced);
    assert_eq!(report.outcome.observations_written, 16);
    assert_eq!(s.counts().await.unwrap(), before);
    db.finish().await;
}

#[tokio::test]
async fn an_ewp_value_that_is_not_a_number_fails_naming_file_row_and_column() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let before = s.counts().await.unwrap();
    let dir = fixtures_with("0.04025,4,", "abc,4,");
    let err = ewp::import(s, dir.path(), false, ACTOR).await.unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "{FORECASTS}:5:risk.2030and2031.from2029: \"abc\" is not a number"
        )),
        "{err}"
    );
    assert_eq!(s.counts().await.unwrap(), before, "nothing may be written");
    db.finish().await;
}

#[tokio::test]
async fn an_ewp_directory_needs_exactly_one_forecasts_file() {
    let db = engines().await.remove(0);
    let s = &db.store;
    let empty = tempfile::tempdir().unwrap();
    let err = ewp::import(s, empty.path(), false, ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&empty.path().display().to_string()), "{err}");
    assert!(
        err.contains("no forecasts file here (final_forecasts_data_*.csv or base<YEAR>-run-<YYYY-MM-DD>.csv)"),
        "{err}"
    );

    let two = fixtures_with("Chad", "Chad");
    std::fs::copy(
        two.path().join(FORECASTS),
        two.path().join("final_forecasts_data_02Jan2030.csv"),
    )
    .unwrap();
    let err = ewp::import(s, two.path(), false, ACTOR).await.unwrap_err().to_string();
    assert!(err.starts_with(&two.path().display().to_string()), "{err}");
    assert!(err.contains("2 forecasts files here"), "{err}");
    db.finish().await;
}

fn options(slug: &str, dry_run: bool) -> IndicatorsOptions {
    IndicatorsOptions {
        slug: slug.into(),
        title: "Test indicators".into(),
        publisher: "Test publisher".into(),
        version: Some("v1".into()),
        url: None,
        licence: Some("CC-BY-4.0".into()),
        dry_run,
    }
}

async fn import_text(
    s: &Store,
    dir: &Path,
    name: &str,
    text: &str,
    dry_run: bool,
) -> Result<indicators::IndicatorsReport, nmp_ingest::IngestError> {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    indicators::import(s, &path, &options("test-indicators", dry_run), ACTOR, &mut |_| {}).await
}

const GOOD: &str = "iso3,year,indicator,value\nKEN,2020,gdp,1.5\nKEN,2021,gdp,1.75\nUGA,2020,gdp,-0.5\nKEN,2020,pop,53.77\nUGA,2020,pop,45.74\n";

#[tokio::test]
async fn a_long_file_imports_and_a_reimport_replaces_it() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let dir = tempfile::tempdir().unwrap();

        let report = import_text(s, dir.path(), "good.csv", GOOD, false).await.unwrap();
        assert_eq!(report.rows_read, 5);
        assert_eq!(report.indicators, ["gdp", "pop"]);
        assert_eq!((report.countries, report.years), (2, Some((2020, 2021))));
        assert_eq!(report.outcome.observations_written, 5);
        assert_eq!(imported(&s.counts().await.unwrap()), (1, 2, 5), "{}", db.engine);
        let d = &s.all::<dataset::Entity>().await.unwrap()[0];
        assert_eq!(d.slug, "test-indicators");
        assert_eq!(d.file_name.as_deref(), Some("good.csv"));
        assert_eq!(d.file_sha256.as_deref(), Some(sha256_hex(GOOD.as_bytes()).as_str()));
        assert_eq!(d.licence.as_deref(), Some("CC-BY-4.0"));

        // Same file again: same counts.
        let again = import_text(s, dir.path(), "good.csv", GOOD, false).await.unwrap();
        assert!(again.outcome.replaced);
        assert_eq!(again.outcome.observations_removed, 5);
        assert_eq!(imported(&s.counts().await.unwrap()), (1, 2, 5));

        // A smaller file: the indicator it no longer has goes, its observations with it.
        let smaller = "iso3,year,indicator,value\nKEN,2022,gdp,2.5\n";
        import_text(s, dir.path(), "smaller.csv", smaller, false).await.unwrap();
        assert_eq!(imported(&s.counts().await.unwrap()), (1, 1, 1));
        let obs = s.all::<observation::Entity>().await.unwrap();
        assert_eq!(
            (obs[0].country_iso3.as_str(), obs[0].year, obs[0].value),
            ("KEN", 2022, 2.5)
        );

        // Dry run: nothing changes.
        let before = s.counts().await.unwrap();
        let dry = import_text(s, dir.path(), "good.csv", GOOD, true).await.unwrap();
        assert!(dry.outcome.dry_run);
        assert_eq!(dry.outcome.observations_written, 5);
        assert_eq!(s.counts().await.unwrap(), before);

        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

/// Imports `text` into a seeded database, expects it to fail, checks nothing was written, and
/// returns the message.
async fn rejected(text: &str) -> String {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let before = s.counts().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let err = import_text(s, dir.path(), "bad.csv", text, false)
        .await
        .unwrap_err()
        .to_string();
    assert_eq!(s.counts().await.unwrap(), before, "nothing may be written: {err}");
    db.finish().await;
    err
}

fn good_with(row: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = GOOD.lines().collect();
    lines[row - 1] = replacement;
    lines.join("\n") + "\n"
}

#[tokio::test]
async fn a_bad_header_names_the_file_and_the_expected_header() {
    let err = rejected("iso,year,indicator,value\nKEN,2020,gdp,1\n").await;
    assert!(
        err.ends_with("bad.csv:1: expected the header iso3,year,indicator,value, found iso,year,indicator,value"),
        "{err}"
    );
    let err = rejected("iso3,year,indicator,value,unit\nKEN,2020,gdp,1,usd\n").await;
    assert!(err.contains("expected the header iso3,year,indicator,value"), "{err}");
}

#[tokio::test]
async fn each_kind_of_bad_row_is_reported_with_row_and_column() {
    for (row, line, expected) in [
        (3, "KEN,20.5,gdp,1", "bad.csv:3:year: \"20.5\" is not a year"),
        (4, "UGA,2201,gdp,1", "bad.csv:4:year: year 2201 is outside 1800-2200"),
        (2, "KEN,2020,gdp,1,5", "bad.csv:2: expected 4 fields"),
        (5, "KEN,2020,pop,12%", "bad.csv:5:value: \"12%\" is not a number"),
        (6, "UGA,2020,pop,", "bad.csv:6:value: empty"),
        (2, "XKX,2020,gdp,1", "bad.csv:2:iso3: unknown country \"XKX\""),
        (2, "Kenya,2020,gdp,1", "bad.csv:2:iso3: unknown country \"Kenya\""),
        (
            3,
            "ken,2021,gdp,1",
            "bad.csv:3:iso3: unknown country \"ken\": ISO alpha-3 codes are upper case (KEN)",
        ),
        (
            4,
            "KEN,2020,gdp,9",
            "bad.csv:4:indicator: duplicate of row 2: KEN 2020 gdp appears twice",
        ),
    ] {
        let err = rejected(&good_with(row, line)).await;
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
        assert!(err.contains("1 problem(s), nothing was written"), "{err}");
    }
}

#[tokio::test]
async fn several_bad_rows_are_reported_together() {
    let text =
        "iso3,year,indicator,value\nKEN,2020,gdp,x\nFRA,1700,gdp,1\nZZZ,2020,gdp,1\nFRA,2020,gdp,1\nFRA,2020,gdp,2\n";
    let err = rejected(text).await;
    for expected in [
        "bad.csv:2:value: \"x\" is not a number",
        "bad.csv:3:year: year 1700 is outside 1800-2200",
        "bad.csv:4:iso3: unknown country \"ZZZ\"",
        "bad.csv:6:indicator: duplicate of row 5",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert!(
        err.starts_with("bad.csv: 4 problem(s)") || err.contains("bad.csv: 4 problem(s)"),
        "{err}"
    );
}

#[tokio::test]
async fn more_than_fifty_problems_are_cut_short() {
    let mut text = String::from("iso3,year,indicator,value\n");
    for i in 0..120 {
        text.push_str(&format!("KEN,{},gdp,n/a\n", 1900 + i));
    }
    let err = rejected(&text).await;
    assert!(err.contains("120 problem(s)"), "{err}");
    assert!(err.contains("bad.csv:51:value"), "{err}");
    assert!(!err.contains("bad.csv:52:value"), "{err}");
    assert!(err.ends_with("and 70 more"), "{err}");
}

/// 210,600 rows: three countries, every year from 1800 to 2200, 175 indicators; written while
/// it is read, in three batches.
fn large_file() -> String {
    let mut text = String::from("iso3,year,indicator,value\n");
    for i in 0..175 {
        for c in ["KEN", "UGA", "TZA"] {
            for y in 1800..=2200 {
                text.push_str(&format!("{c},{y},ind{i},{}.5\n", y - 1800));
            }
        }
    }
    text
}

#[tokio::test]
async fn a_large_file_is_written_while_it_is_read_and_a_late_problem_undoes_it() {
    let text = large_file();
    let rows = text.lines().count() - 1;
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let before = s.counts().await.unwrap();

        // A bad last row, after two batches went to the database: nothing stays.
        let bad = format!("{text}KEN,2020,late,not-a-number\n");
        let err = import_text(s, dir.path(), "late.csv", &bad, false)
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("late.csv:{}:value", rows + 2)), "{err}");
        assert_eq!(s.counts().await.unwrap(), before, "{}: nothing written", db.engine);

        let report = import_text(s, dir.path(), "large.csv", &text, false).await.unwrap();
        assert_eq!(report.outcome.observations_written, rows as u64);
        let after = s.counts().await.unwrap();
        assert_eq!(imported(&after), (1, 175, rows as u64), "{}", db.engine);
        // The dataset, its 175 indicators, and ONE event for all the observations.
        assert_eq!(after["audit_events"], before["audit_events"] + 1 + 175 + 1);
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}
