//! `nmp import ewp` across the Early Warning Project's releases, on files these tests generate.
//! **Every value in them is synthetic test data** (made-up risks for the 20 Correlates of War
//! codes below, fictional release years 2031 and 2032); only the column layouts follow the
//! releases': the 2023–2025 files (`risk.<Y>and<Y+1>.from<B>`, ranks beside, the 2025 rank naming
//! its own year) and the 2019–2022 files (`country`, `COW`, `risk_in_<Y>_<YY>`, no ranks).
//!
//! Renamed, missing and disagreeing rank columns are read or computed and reported; a missing
//! risk column fails naming the file and the forms looked for, and writes nothing; two releases
//! sit side by side as two datasets; Kosovo (347) is matched to XKX with a note and its values
//! are stored in `observation_outside`, replaced with its release.

use std::fmt::Write as _;
use std::path::Path;

use nmp_ingest::import::{ACTOR, ewp};
use nmp_ingest::seed::seed_embedded;
use nmp_store::entity::{country, dataset, indicator, observation, observation_outside};
use nmp_store::testing::engines;

/// `(ewp_name, ccode)` of the generated rows: names and codes as in the crosswalk, plus Kosovo.
const COUNTRIES: [(&str, u32); 20] = [
    ("Chad", 483),
    ("Sudan", 625),
    ("Burma/Myanmar", 775),
    ("Kenya", 501),
    ("Uganda", 500),
    ("Tanzania", 510),
    ("Rwanda", 517),
    ("Burundi", 516),
    ("Ethiopia", 530),
    ("Somalia", 520),
    ("Mali", 432),
    ("Niger", 436),
    ("Nigeria", 475),
    ("Ghana", 452),
    ("Senegal", 433),
    ("Guinea", 438),
    ("Kosovo", 347),
    ("Serbia", 345),
    ("Peru", 135),
    ("Chile", 155),
];

/// The synthetic two-year risk of row `i` in a release: falling with `i`, except that `swap`
/// exchanges two rows' risks (to move a country up between releases).
fn risk(i: usize, swap: Option<(usize, usize)>) -> f64 {
    let j = match swap {
        Some((a, b)) if i == a => b,
        Some((a, b)) if i == b => a,
        _ => i,
    };
    0.2 - 0.005 * j as f64
}

/// A generated 2023–2025-style file for first forecast year `y`. `rank_header` names the rank
/// column (`None`: no rank column); `bad_rank` writes a wrong rank in the first row.
fn modern(y: i32, rank_header: Option<&str>, bad_rank: bool, swap: Option<(usize, usize)>) -> String {
    let mut out = format!("\"\",\"ewp_name\",\"risk.{y}and{}.from{}\"", y + 1, y - 1);
    if let Some(h) = rank_header {
        let _ = write!(out, ",\"{h}\"");
    }
    let _ = writeln!(
        out,
        ",\"risk.{y}only.from{}\",\"riskrank.{y}only.from{}\",\"ccode\"",
        y - 1,
        y - 1
    );
    let mut rows: Vec<(usize, f64)> = (0..COUNTRIES.len()).map(|i| (i, risk(i, swap))).collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (rank, (i, r)) in rows.iter().enumerate() {
        let (name, code) = COUNTRIES[*i];
        let _ = write!(out, "\"{}\",\"{name}\",{r:.4}", rank + 1);
        if rank_header.is_some() {
            let shown = if bad_rank && rank == 0 { 17 } else { rank + 1 };
            let _ = write!(out, ",{shown}");
        }
        let _ = writeln!(out, ",{:.4},{},{code}", r / 2.0, rank + 1);
    }
    out
}

/// A generated 2019–2022-style file (`base<B>-run-...`): no rank columns at all.
fn old_style(y: i32) -> String {
    let mut out = format!(
        "\"country\",\"SFTGcode\",\"COW\",\"risk_in_{y}\",\"risk_in_{y}_{:02}\"\n",
        (y + 1) % 100
    );
    for (i, (name, code)) in COUNTRIES.iter().enumerate().rev() {
        let r = risk(i, None);
        let _ = writeln!(out, "\"{name}\",\"XXX\",{code},{:.4},{r:.4}", r / 2.0);
    }
    out
}

fn release(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(file), text).unwrap();
    dir
}

async fn values(s: &nmp_store::Store, slug: &str, code: &str) -> Vec<(String, i32, f64)> {
    let ds = s.all::<dataset::Entity>().await.unwrap();
    let d = ds.iter().find(|d| d.slug == slug).expect(slug);
    let inds = s.all::<indicator::Entity>().await.unwrap();
    let ind = inds
        .iter()
        .find(|i| i.dataset_id == d.dataset_id && i.code == code)
        .expect(code);
    let mut out: Vec<(String, i32, f64)> = s
        .all::<observation::Entity>()
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.indicator_id == ind.indicator_id)
        .map(|o| (o.country_iso3, o.year, o.value))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The values of `slug` in `observation_outside`: (indicator code, code, name, year, value), by
/// indicator code.
async fn outside_values(s: &nmp_store::Store, slug: &str) -> Vec<(String, String, String, i32, f64)> {
    let ds = s.all::<dataset::Entity>().await.unwrap();
    let d = ds.iter().find(|d| d.slug == slug).expect(slug);
    let inds = s.all::<indicator::Entity>().await.unwrap();
    let mut out: Vec<(String, String, String, i32, f64)> = s
        .all::<observation_outside::Entity>()
        .await
        .unwrap()
        .into_iter()
        .filter_map(|o| {
            let ind = inds
                .iter()
                .find(|i| i.indicator_id == o.indicator_id && i.dataset_id == d.dataset_id)?;
            assert!(o.note.as_deref().is_some_and(|n| n.contains("user-assigned")), "{o:?}");
            Some((ind.code.clone(), o.code, o.name, o.year, o.value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn kosovo(year: i32, rank: f64, risk: f64) -> Vec<(String, String, String, i32, f64)> {
    [
        ("rank_1yr", rank),
        ("rank_2yr", rank),
        ("risk_1yr", risk / 2.0),
        ("risk_2yr", risk),
    ]
    .into_iter()
    .map(|(code, v)| (code.to_string(), "XKX".to_string(), "Kosovo".to_string(), year, v))
    .collect()
}

#[tokio::test]
async fn kosovo_is_stored_apart_from_the_states_and_replaced_with_its_release() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let states = s.all::<country::Entity>().await.unwrap().len();
        let rank = Some("rank.2031and2032.from2030");
        let file = "final_forecasts_data_1Oct2031.csv";
        let first = release(file, &modern(2031, rank, false, None));
        let r = ewp::import(s, first.path(), false, ACTOR).await.unwrap();
        assert_eq!(r.outcome.outside_written, 4, "{}", db.engine);
        // Kosovo is the 17th row: rank 17, two-year risk 0.12, one-year 0.06.
        assert_eq!(
            outside_values(s, "ewp-2031").await,
            kosovo(2031, 17.0, 0.12),
            "{}",
            db.engine
        );
        // Not a state: no country row, no observation, the top 30 and the counts unchanged.
        assert_eq!(s.all::<country::Entity>().await.unwrap().len(), states);
        assert!(
            values(s, "ewp-2031", "rank_2yr")
                .await
                .iter()
                .all(|(c, _, _)| c != "XKX")
        );
        assert_eq!(r.matched, 19);
        assert!(r.top.iter().all(|t| t.iso3.as_deref() != Some("XKX")));

        // Kosovo moves to first place: a dry run writes nothing, a re-import replaces its rows.
        let moved = release(file, &modern(2031, rank, false, Some((0, 16))));
        let dry = ewp::import(s, moved.path(), true, ACTOR).await.unwrap();
        assert_eq!(dry.outcome.outside_written, 4);
        assert_eq!(
            outside_values(s, "ewp-2031").await,
            kosovo(2031, 17.0, 0.12),
            "{}",
            db.engine
        );
        let again = ewp::import(s, moved.path(), false, ACTOR).await.unwrap();
        assert!(again.outcome.replaced);
        assert_eq!(
            outside_values(s, "ewp-2031").await,
            kosovo(2031, 1.0, 0.2),
            "{}",
            db.engine
        );
        assert_eq!(s.all::<observation_outside::Entity>().await.unwrap().len(), 4);

        // A second release sits beside the first, each with its own rows.
        let second = release("final_forecasts_data_1Oct2032.csv", &modern(2032, None, false, None));
        ewp::import(s, second.path(), false, ACTOR).await.unwrap();
        assert_eq!(
            outside_values(s, "ewp-2032").await,
            kosovo(2032, 17.0, 0.12),
            "{}",
            db.engine
        );
        assert_eq!(outside_values(s, "ewp-2031").await, kosovo(2031, 1.0, 0.2));
        assert_eq!(s.all::<observation_outside::Entity>().await.unwrap().len(), 8);
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

fn value(v: &[(String, i32, f64)], iso3: &str) -> Option<f64> {
    v.iter().find(|(c, _, _)| c == iso3).map(|(_, _, x)| *x)
}

#[tokio::test]
async fn a_renamed_rank_column_is_read_and_said() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    // As in the 2025 release: the rank column names its own first year as base year.
    let dir = release(
        "final_forecasts_data_3Sep2031.csv",
        &modern(2031, Some("rank.2031and2032.from2031"), false, None),
    );
    let r = ewp::import(s, dir.path(), false, ACTOR).await.unwrap();
    assert_eq!((r.dataset.slug.as_str(), r.forecast_year), ("ewp-2031", 2031));
    let text = r.recognised.join("\n");
    assert!(
        text.contains("two-year risk 2031-2032 from data through 2030: risk.2031and2032.from2030"),
        "{text}"
    );
    assert!(
        text.contains("rank of the two-year risk: read from rank.2031and2032.from2031 (agrees with the risks)"),
        "{text}"
    );
    assert!(
        text.contains("rank.2031and2032.from2031 names another base year than risk.2031and2032.from2030"),
        "{text}"
    );
    assert!(
        r.warnings.iter().any(|w| w.contains("no name sheet")),
        "{:?}",
        r.warnings
    );
    let ranks = values(s, "ewp-2031", "rank_2yr").await;
    assert_eq!(value(&ranks, "TCD"), Some(1.0));
    assert_eq!(value(&ranks, "CHL"), Some(20.0));
    assert_eq!(ranks.len(), 19, "every state but Kosovo");
    db.finish().await;
}

#[tokio::test]
async fn missing_rank_columns_are_computed_from_the_risks_in_an_old_style_release() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let dir = release("base2030-run-2031-09-30.csv", &old_style(2031));
    let r = ewp::import(s, dir.path(), false, ACTOR).await.unwrap();
    assert_eq!(r.dataset.slug, "ewp-2031");
    assert_eq!(r.dataset.version.as_deref(), Some("2031-09-30"));
    let text = r.recognised.join("\n");
    assert!(
        text.contains("country name: country") && text.contains("COW country code: COW"),
        "{text}"
    );
    assert!(text.contains("two-year risk 2031-2032: risk_in_2031_32"), "{text}");
    assert!(
        text.contains("rank of the two-year risk: no rank column, computed from the risks"),
        "{text}"
    );
    assert!(
        text.contains("rank of the one-year risk: no rank column, computed from the risks"),
        "{text}"
    );
    // The old-style file lists the countries from the lowest risk up: Chad comes last, ranked 1.
    let ranks = values(s, "ewp-2031", "rank_2yr").await;
    assert_eq!((value(&ranks, "TCD"), value(&ranks, "CHL")), (Some(1.0), Some(20.0)));
    let codes: Vec<&str> = r.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["risk_2yr", "rank_2yr", "risk_1yr", "rank_1yr"]);
    assert!(
        r.indicators[1]
            .description
            .as_deref()
            .unwrap_or_default()
            .contains("computed from the risks: the release has no rank column")
    );
    db.finish().await;
}

#[tokio::test]
async fn a_rank_that_disagrees_with_the_risks_is_replaced_and_reported() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let dir = release(
        "final_forecasts_data_1Oct2031.csv",
        &modern(2031, Some("rank.2031and2032.from2030"), true, None),
    );
    let r = ewp::import(s, dir.path(), false, ACTOR).await.unwrap();
    let line = r
        .recognised
        .iter()
        .find(|l| l.starts_with("rank of the two-year risk"))
        .unwrap();
    assert!(
        line.contains(
            "rank.2031and2032.from2030 disagrees with the risks in 1 row(s) (row 2 Chad: 17 where the risks give 1)"
        ),
        "{line}"
    );
    let ranks = values(s, "ewp-2031", "rank_2yr").await;
    assert_eq!(value(&ranks, "TCD"), Some(1.0), "the computed rank, not the file's 17");
    db.finish().await;
}

#[tokio::test]
async fn a_missing_risk_column_fails_naming_file_and_forms_and_writes_nothing() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let good = release(
            "final_forecasts_data_1Oct2031.csv",
            &modern(2031, Some("rank.2031and2032.from2030"), false, None),
        );
        ewp::import(s, good.path(), false, ACTOR).await.unwrap();
        let before = s.counts().await.unwrap();
        // The same release with its two-year risk column renamed beyond recognition.
        let text = modern(2031, Some("rank.2031and2032.from2030"), false, None).replacen(
            "risk.2031and2032.from2030",
            "probability_2031",
            1,
        );
        let bad = release("final_forecasts_data_1Oct2031.csv", &text);
        let err = ewp::import(s, bad.path(), false, ACTOR).await.unwrap_err().to_string();
        let file = bad.path().join("final_forecasts_data_1Oct2031.csv");
        assert!(
            err.starts_with(&format!("{}:1: no column for the two-year risk", file.display())),
            "{err}"
        );
        assert!(err.contains("risk.<Y>and<Y+1>.from<B> or risk_in_<Y>_<YY>"), "{err}");
        assert_eq!(
            s.counts().await.unwrap(),
            before,
            "nothing written, the earlier import kept ({})",
            db.engine
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn two_releases_sit_side_by_side_and_a_reimport_replaces_only_its_own() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let first = release(
            "final_forecasts_data_1Oct2031.csv",
            &modern(2031, Some("rank.2031and2032.from2030"), false, None),
        );
        // The next release: Chile (row 19) and Chad (row 0) swap risks.
        let second = release(
            "final_forecasts_data_1Oct2032.csv",
            &modern(2032, Some("rank.2032and2033.from2032"), false, Some((0, 19))),
        );
        ewp::import(s, first.path(), false, ACTOR).await.unwrap();
        ewp::import(s, second.path(), false, ACTOR).await.unwrap();
        let slugs: Vec<String> = s
            .all::<dataset::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.slug)
            .collect();
        assert_eq!(slugs, ["ewp-2031", "ewp-2032"], "{}", db.engine);
        let (r1, r2) = (
            values(s, "ewp-2031", "rank_2yr").await,
            values(s, "ewp-2032", "rank_2yr").await,
        );
        assert_eq!((value(&r1, "CHL"), value(&r2, "CHL")), (Some(20.0), Some(1.0)));
        assert!(r1.iter().all(|(_, y, _)| *y == 2031) && r2.iter().all(|(_, y, _)| *y == 2032));

        // Re-importing the first release replaces it, and leaves the second alone.
        let again = ewp::import(s, first.path(), false, ACTOR).await.unwrap();
        assert!(again.outcome.replaced);
        assert_eq!(s.all::<dataset::Entity>().await.unwrap().len(), 2);
        assert_eq!(values(s, "ewp-2032", "rank_2yr").await, r2);
        assert_eq!(values(s, "ewp-2031", "rank_2yr").await, r1);
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn kosovo_is_matched_to_xkx_with_a_note_in_every_layout() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    for (file, text) in [
        ("base2030-run-2031-09-30.csv", old_style(2031)),
        (
            "final_forecasts_data_9Nov_synthetic.csv",
            modern(2031, None, false, None),
        ),
    ] {
        let dir = release(file, &text);
        let r = ewp::import(s, dir.path(), true, ACTOR).await.unwrap();
        let k = r.outside.iter().find(|o| o.code == "XKX").expect("Kosovo reported");
        assert_eq!(k.ewp_name, "Kosovo");
        assert_eq!(k.rank_2yr, 17.0, "{file}");
        assert!(k.note.contains("user-assigned") && k.note.contains("not as observations of a state"));
        assert_eq!(
            r.outcome.outside_written, 4,
            "{file}: risk and rank, two-year and one-year"
        );
        assert!(r.unmatched.is_empty(), "{file}: {:?}", r.unmatched);
        assert_eq!(r.matched, 19);
    }
    // The undated name is keyed by the forecast year.
    let dir = release(
        "final_forecasts_data_9Nov_synthetic.csv",
        &modern(2031, None, false, None),
    );
    let r = ewp::import(s, dir.path(), true, ACTOR).await.unwrap();
    assert!(r.undated);
    assert_eq!(
        (r.dataset.slug.as_str(), r.dataset.version.as_deref()),
        ("ewp-2031", None)
    );
    db.finish().await;
}

#[test]
fn the_generated_files_are_what_the_tests_say() {
    let m = modern(2031, Some("rank.2031and2032.from2031"), false, None);
    assert!(m.starts_with("\"\",\"ewp_name\",\"risk.2031and2032.from2030\",\"rank.2031and2032.from2031\""));
    assert_eq!(m.lines().count(), 21);
    assert!(old_style(2031).starts_with("\"country\",\"SFTGcode\",\"COW\",\"risk_in_2031\",\"risk_in_2031_32\""));
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").is_dir());
}
