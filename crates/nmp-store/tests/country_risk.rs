//! Qualitative country risk assessments through the outcome-assessment machinery (issue 26), on
//! SQLite and PostgreSQL: a round on countries at a date, ratings with a level and a trend,
//! reconciliation with a trend, agreement on levels and trends, and the public read
//! (`latest_country_assessment`) that shows only reconciled, released assessments, newest first.
//! Every refusal leaves nothing written. The framework and data are synthetic test data.

#[expect(dead_code, reason = "this test needs only some of the shared fixtures")]
mod fixtures;

use nmp_core::vocab::{AccountRole, RoundState};
use nmp_store::entity::{assessment_round, edition, rating};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput, Reconciliation};
use nmp_store::records::apply::ApplyError;
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

struct World {
    framework_id: i32,
    criteria: Vec<(i32, Vec<i32>)>,
    raters: Vec<i32>,
    editor: i32,
}

async fn world(store: &Store) -> World {
    let mut w = store.writer("test").await.unwrap();
    fixtures::country(&mut w, "KEN", "Kenya").await;
    fixtures::country(&mut w, "UGA", "Uganda").await;
    fixtures::source(&mut w, "src-a").await;
    w.insert(edition::ActiveModel {
        slug: Set("test-2026".into()),
        title: Set("Synthetic edition".into()),
        kind: Set("annual_report".into()),
        status: Set("draft".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    let fixture =
        nmp_store::testing::assessment_fixture(&mut w, "risk-test", Some("KEN"), &["rf_a", "rf_b", "rf_c"], 4).await;
    w.commit().await.unwrap();
    let mut raters = Vec::new();
    for name in ["ana", "ben"] {
        let a = store
            .create_account("test", &format!("{name}@example.org"), name, AccountRole::Researcher)
            .await
            .unwrap();
        raters.push(a.account_id);
    }
    let editor = store
        .create_account("test", "ed@example.org", "Ed", AccountRole::Editor)
        .await
        .unwrap()
        .account_id;
    World {
        framework_id: fixture.framework_id,
        criteria: fixture.criteria,
        raters,
        editor,
    }
}

fn evidence() -> Vec<EvidenceInput> {
    vec![EvidenceInput {
        source: "src-a".into(),
        locator: Some("p. 2".into()),
        quote: None,
    }]
}

fn ratings(world: &World, ranks: [usize; 3], trends: [Option<&str>; 3]) -> Vec<RatingInput> {
    world
        .criteria
        .iter()
        .zip(ranks.iter().zip(trends))
        .map(|((id, levels), (rank, trend))| RatingInput {
            criterion_id: *id,
            level_id: Some(levels[rank - 1]),
            trend: trend.map(Into::into),
            rationale: "The synthetic source says so.".into(),
            evidence: evidence(),
        })
        .collect()
}

fn new_round(world: &World, countries: &[&str], assessed_on: Option<&str>) -> NewRound {
    NewRound {
        edition: "test-2026".into(),
        framework_id: world.framework_id,
        title: "Country risk".into(),
        due_on: "2026-07-31".into(),
        note: None,
        initiatives: Vec::new(),
        mechanisms: Vec::new(),
        countries: countries.iter().map(|c| (*c).to_string()).collect(),
        assessed_on: assessed_on.map(Into::into),
        raters: world.raters.clone(),
    }
}

fn fields(e: ApplyError) -> Vec<String> {
    match e {
        ApplyError::Fields(list) => list.into_iter().map(|f| f.field).collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

async fn count<E: sea_orm::EntityTrait>(store: &Store) -> usize {
    store.all::<E>().await.unwrap().len()
}

/// Opens a round on `countries` at `date`, has both raters rate with `ranks` and trends, and
/// returns (round id, target id of the first country).
async fn rated_round(store: &Store, world: &World, date: &str, ranks: [[usize; 3]; 2]) -> (i32, i32) {
    let mut w = store.writer("ed@example.org").await.unwrap();
    let round = w
        .open_round(&new_round(world, &["ken"], Some(date)), Some(world.editor))
        .await
        .unwrap();
    w.commit().await.unwrap();
    let view = store.round_view(round).await.unwrap().unwrap();
    let target = view.targets[0].row.round_target_id;
    let trends = [Some("rising"), Some("steady"), Some("falling")];
    for (rater, ranks) in world.raters.iter().zip(ranks) {
        let mut w = store.writer("rater").await.unwrap();
        w.submit_ratings(target, *rater, &ratings(world, ranks, trends))
            .await
            .unwrap();
        w.commit().await.unwrap();
    }
    (round, target)
}

async fn reconcile(store: &Store, world: &World, target: i32, which: usize, rank: usize, trend: &str) {
    let (criterion, levels) = &world.criteria[which];
    let mut w = store.writer("ed@example.org").await.unwrap();
    w.reconcile(
        &Reconciliation {
            round_target_id: target,
            criterion_id: *criterion,
            level_id: Some(levels[rank - 1]),
            trend: Some(trend.into()),
            rationale: "Reconciled on the synthetic evidence.".into(),
            evidence: evidence(),
            base_version: None,
        },
        Some(world.editor),
    )
    .await
    .unwrap();
    w.commit().await.unwrap();
}

async fn close(store: &Store, round: i32) {
    let r = store.get::<assessment_round::Entity>(round).await.unwrap().unwrap();
    let mut w = store.writer("ed@example.org").await.unwrap();
    w.set_round_state(round, r.version, RoundState::Closed, false)
        .await
        .unwrap();
    w.commit().await.unwrap();
}

#[tokio::test]
async fn a_country_round_rates_levels_and_trends_and_publishes_the_latest_reconciled_assessment() {
    for db in engines().await {
        let store = &db.store;
        let world = world(store).await;

        // Bad openings name their field, and nothing is written.
        for (countries, date, field) in [
            (vec!["XXX"], Some("2026-06-30"), "countries"),
            (vec!["KEN", "ken"], Some("2026-06-30"), "countries"),
            (vec!["KEN"], None, "assessed_on"),
            (vec!["KEN"], Some("2026-06"), "assessed_on"),
            (vec![], Some("2026-06-30"), "assessed_on"),
        ] {
            let mut w = store.writer("ed@example.org").await.unwrap();
            let e = w
                .open_round(&new_round(&world, &countries, date), Some(world.editor))
                .await
                .unwrap_err();
            assert!(fields(e).contains(&field.to_string()), "{countries:?} {date:?}");
        }
        assert_eq!(count::<assessment_round::Entity>(store).await, 0);

        // A round on Kenya: the target is the country, at the assessment date.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let round = w
            .open_round(&new_round(&world, &["KEN"], Some("2026-06-30")), Some(world.editor))
            .await
            .unwrap();
        w.commit().await.unwrap();
        let view = store.round_view(round).await.unwrap().unwrap();
        assert_eq!(view.targets.len(), 1);
        let t = &view.targets[0];
        assert_eq!((t.kind, t.slug.as_str(), t.label.as_str()), ("country", "KEN", "Kenya"));
        assert_eq!(t.row.assessed_on.as_deref(), Some("2026-06-30"));
        let target = t.row.round_target_id;

        // A rating of a country needs a trend of the vocabulary for every risk factor.
        let mut w = store.writer("ana").await.unwrap();
        let e = w
            .submit_ratings(
                target,
                world.raters[0],
                &ratings(&world, [1, 2, 3], [None, Some("up"), Some("rising")]),
            )
            .await
            .unwrap_err();
        let names = fields(e);
        assert!(names.contains(&"rf_a.trend".to_string()), "{names:?}");
        assert!(names.contains(&"rf_b.trend".to_string()), "{names:?}");
        assert!(!names.contains(&"rf_c.trend".to_string()), "{names:?}");
        drop(w);
        assert_eq!(count::<rating::Entity>(store).await, 0);

        let trends = [Some("rising"), Some("steady"), Some("falling")];
        for (rater, ranks) in world.raters.iter().zip([[1, 2, 4], [1, 2, 3]]) {
            let mut w = store.writer("rater").await.unwrap();
            w.submit_ratings(target, *rater, &ratings(&world, ranks, trends))
                .await
                .unwrap();
            w.commit().await.unwrap();
        }
        let view = store.round_view(round).await.unwrap().unwrap();
        assert_eq!(
            view.target_matrix(target),
            vec![vec![Some(1), Some(1)], vec![Some(2), Some(2)], vec![Some(4), Some(3)]]
        );
        assert_eq!(
            view.trend_matrix(target),
            vec![vec![Some(3), Some(3)], vec![Some(2), Some(2)], vec![Some(1), Some(1)]]
        );

        // A consensus of a country needs a trend; nothing is written without one.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let e = w
            .reconcile(
                &Reconciliation {
                    round_target_id: target,
                    criterion_id: world.criteria[0].0,
                    level_id: Some(world.criteria[0].1[0]),
                    trend: None,
                    rationale: "No trend.".into(),
                    evidence: evidence(),
                    base_version: None,
                },
                Some(world.editor),
            )
            .await
            .unwrap_err();
        assert_eq!(fields(e), vec!["trend".to_string()]);
        drop(w);

        // Reconciled in part and open: not public. Closed but in part: still not public.
        reconcile(store, &world, target, 0, 1, "rising").await;
        reconcile(store, &world, target, 1, 2, "steady").await;
        assert!(store.latest_country_assessment("KEN").await.unwrap().is_none());
        close(store, round).await;
        assert!(store.latest_country_assessment("KEN").await.unwrap().is_none());

        // Reconciled whole and closed: the public read gives it, with agreement.
        reconcile(store, &world, target, 2, 3, "falling").await;
        let a = store.latest_country_assessment("ken").await.unwrap().unwrap();
        assert_eq!(a.iso3, "KEN");
        assert_eq!(a.assessed_on.as_deref(), Some("2026-06-30"));
        let got: Vec<(i32, Option<&str>)> = a.factors.iter().map(|f| (f.rank, f.trend.as_deref())).collect();
        assert_eq!(
            got,
            vec![(1, Some("rising")), (2, Some("steady")), (3, Some("falling"))]
        );
        assert_eq!(a.factors[0].evidence[0].source_slug, "src-a");
        assert_eq!(a.highest_rank(), Some(3));
        assert_eq!(a.rising().len(), 1);
        assert_eq!(a.levels.units, 3);
        assert_eq!(a.levels.raters, 2);
        let percent = a.levels.percent_agreement.unwrap();
        assert!((percent - 2.0 / 3.0).abs() < 1e-9, "{percent}");
        assert!(a.levels.alpha.unwrap() < 1.0);
        assert_eq!(a.trends.alpha, Some(1.0));
        assert!(store.latest_country_assessment("UGA").await.unwrap().is_none());

        // A later assessment becomes the latest; the history keeps both, newest first.
        let (later, later_target) = rated_round(store, &world, "2026-11-30", [[2, 3, 4], [2, 3, 4]]).await;
        for (which, rank, trend) in [(0, 2, "rising"), (1, 3, "rising"), (2, 4, "steady")] {
            reconcile(store, &world, later_target, which, rank, trend).await;
        }
        assert_eq!(
            store.latest_country_assessment("KEN").await.unwrap().unwrap().round_id,
            round,
            "an open round is not released"
        );
        close(store, later).await;
        let all = store.country_assessments("KEN").await.unwrap();
        let dates: Vec<Option<&str>> = all.iter().map(|a| a.assessed_on.as_deref()).collect();
        assert_eq!(dates, vec![Some("2026-11-30"), Some("2026-06-30")]);
        assert_eq!(all[0].rising().len(), 2);
        assert_eq!(all[0].levels.alpha, Some(1.0));
        let latest = store.latest_country_assessments().await.unwrap();
        assert_eq!(latest.keys().collect::<Vec<_>>(), vec!["KEN"]);
        assert_eq!(latest["KEN"].round_id, later);

        // Outcome assessments are unchanged: a trend on an initiative is refused.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let mut outcome = new_round(&world, &[], None);
        outcome.initiatives = vec!["risk-test".into()];
        let oround = w.open_round(&outcome, Some(world.editor)).await.unwrap();
        w.commit().await.unwrap();
        let otarget = store.round_view(oround).await.unwrap().unwrap().targets[0]
            .row
            .round_target_id;
        let mut w = store.writer("ana").await.unwrap();
        let e = w
            .submit_ratings(
                otarget,
                world.raters[0],
                &ratings(&world, [1, 1, 1], [Some("rising"), None, None]),
            )
            .await
            .unwrap_err();
        assert_eq!(fields(e), vec!["rf_a.trend".to_string()]);
        drop(w);
        let mut w = store.writer("ana").await.unwrap();
        w.submit_ratings(
            otarget,
            world.raters[0],
            &ratings(&world, [1, 1, 1], [None, None, None]),
        )
        .await
        .unwrap();
        w.commit().await.unwrap();
        db.finish().await;
    }
}
