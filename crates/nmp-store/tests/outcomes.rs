//! Outcome assessments in the store: a round from opening to consensus, on SQLite and
//! PostgreSQL, with every refusal the issue names (a rating without evidence, a level not in the
//! framework, a second submission, a reconciliation of a criterion nobody rated, an edit to a
//! frozen framework, concurrent reconciliations) leaving nothing written.

#[expect(dead_code, reason = "this test needs only some of the shared fixtures")]
mod fixtures;

use nmp_core::vocab::AccountRole;
use nmp_store::entity::{edition, rating};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput, Reconciliation};
use nmp_store::records::apply::ApplyError;
use nmp_store::records::{Change, ChangeAction};
use nmp_store::testing::engines;
use nmp_store::{Set, Store, StoreError, Writer};

struct World {
    framework_id: i32,
    criteria: Vec<(i32, Vec<i32>)>,
    raters: Vec<i32>,
    editor: i32,
}

async fn edition(w: &mut Writer, slug: &str) -> edition::Model {
    w.insert(edition::ActiveModel {
        slug: Set(slug.into()),
        title: Set(format!("Synthetic edition {slug}")),
        subtitle: Set(None),
        kind: Set("annual_report".into()),
        status: Set("draft".into()),
        period_start: Set(None),
        period_end: Set(None),
        published_on: Set(None),
        pages: Set(None),
        licence: Set(None),
        snapshot_hash: Set(None),
        note: Set(None),
        methodology: Set(None),
        ..Default::default()
    })
    .await
    .unwrap()
}

async fn world(store: &Store) -> World {
    let mut w = store.writer("test").await.unwrap();
    fixtures::country(&mut w, "KEN", "Kenya").await;
    fixtures::source(&mut w, "src-a").await;
    fixtures::source(&mut w, "src-b").await;
    edition(&mut w, "test-2026").await;
    let fixture =
        nmp_store::testing::assessment_fixture(&mut w, "ken-training", Some("KEN"), &["results", "resources"], 3).await;
    let (framework_id, criteria) = (fixture.framework_id, fixture.criteria);
    w.commit().await.unwrap();
    let mut raters = Vec::new();
    for name in ["ana", "ben"] {
        let a = store
            .create_account("test", &format!("{name}@example.org"), name, AccountRole::Student)
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
        framework_id,
        criteria,
        raters,
        editor,
    }
}

fn evidence(source: &str) -> Vec<EvidenceInput> {
    vec![EvidenceInput {
        source: source.into(),
        locator: Some("p. 4".into()),
        quote: None,
    }]
}

fn ratings(world: &World, ranks: [usize; 2]) -> Vec<RatingInput> {
    world
        .criteria
        .iter()
        .zip(ranks)
        .map(|((id, levels), rank)| RatingInput {
            trend: None,
            criterion_id: *id,
            level_id: Some(levels[rank - 1]),
            rationale: "Because the source says so.".into(),
            evidence: evidence("src-a"),
        })
        .collect()
}

fn field_names(e: ApplyError) -> Vec<String> {
    match e {
        ApplyError::Fields(list) => list.into_iter().map(|f| f.field).collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

async fn rating_count(store: &Store) -> usize {
    let w = store.writer("count").await.unwrap();
    w.read_all::<rating::Entity>().await.unwrap().len()
}

#[tokio::test]
async fn a_round_from_opening_to_consensus_refuses_every_bad_input() {
    for db in engines().await {
        let store = &db.store;
        let world = world(store).await;
        let mut w = store.writer("ed@example.org").await.unwrap();
        let round = NewRound {
            countries: Vec::new(),
            assessed_on: None,
            edition: "test-2026".into(),
            framework_id: world.framework_id,
            title: "First round".into(),
            due_on: "2026-12-31".into(),
            note: None,
            initiatives: vec!["ken-training".into()],
            mechanisms: vec![],
            raters: world.raters.clone(),
        };
        let round_id = w.open_round(&round, Some(world.editor)).await.unwrap();
        w.commit().await.unwrap();
        let view = store.round_view(round_id).await.unwrap().unwrap();
        assert_eq!(view.targets.len(), 1, "{}", db.engine);
        assert_eq!(
            view.raters.iter().map(|r| r.row.pseudonym.as_str()).collect::<Vec<_>>(),
            ["R1", "R2"]
        );
        let target = view.targets[0].row.round_target_id;

        // A round needs two raters; a bad date names its field.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let bad = NewRound {
            countries: Vec::new(),
            assessed_on: None,
            raters: vec![world.raters[0]],
            due_on: "2026-12".into(),
            ..round.clone()
        };
        let fields = field_names(w.open_round(&bad, None).await.unwrap_err());
        assert!(
            fields.contains(&"raters".to_string()) && fields.contains(&"due_on".to_string()),
            "{fields:?}"
        );
        drop(w);

        // No evidence; a level of another criterion; a rater who is not one.
        let mut no_evidence = ratings(&world, [2, 3]);
        no_evidence[0].evidence.clear();
        let mut w = store.writer("ana@example.org").await.unwrap();
        let fields = field_names(
            w.submit_ratings(target, world.raters[0], &no_evidence)
                .await
                .unwrap_err(),
        );
        assert_eq!(fields, ["results.evidence"]);
        let mut wrong_level = ratings(&world, [2, 3]);
        wrong_level[0].level_id = Some(world.criteria[1].1[0]);
        let fields = field_names(
            w.submit_ratings(target, world.raters[0], &wrong_level)
                .await
                .unwrap_err(),
        );
        assert_eq!(fields, ["results.level"]);
        let fields = field_names(
            w.submit_ratings(target, world.editor, &ratings(&world, [1, 1]))
                .await
                .unwrap_err(),
        );
        assert_eq!(fields, ["rater"]);
        drop(w);
        assert_eq!(rating_count(store).await, 0, "{}: nothing written", db.engine);

        // Reconciling before anyone rated is refused.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let early = Reconciliation {
            trend: None,
            round_target_id: target,
            criterion_id: world.criteria[0].0,
            level_id: Some(world.criteria[0].1[1]),
            rationale: "Agreed.".into(),
            evidence: evidence("src-b"),
            base_version: None,
        };
        let fields = field_names(w.reconcile(&early, Some(world.editor)).await.unwrap_err());
        assert_eq!(fields, ["criterion"]);
        drop(w);

        // Ana submits; she sees only her own; a second submission is refused.
        let mut w = store.writer("ana@example.org").await.unwrap();
        w.submit_ratings(target, world.raters[0], &ratings(&world, [2, 3]))
            .await
            .unwrap();
        w.commit().await.unwrap();
        let mut w = store.writer("ana@example.org").await.unwrap();
        let fields = field_names(
            w.submit_ratings(target, world.raters[0], &ratings(&world, [1, 1]))
                .await
                .unwrap_err(),
        );
        assert_eq!(fields, ["ratings"]);
        drop(w);
        let view = store.round_view(round_id).await.unwrap().unwrap();
        assert_eq!(
            view.visible_to(world.raters[1], false).ratings.len(),
            0,
            "Ben has not submitted"
        );
        assert_eq!(view.visible_to(world.raters[0], false).ratings.len(), 2);

        // The framework is frozen now.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let mut fields = serde_json::Map::new();
        fields.insert("label".into(), "Renamed".into());
        let change = Change {
            table: "criterion".into(),
            action: ChangeAction::Update,
            key: Some(world.criteria[0].0),
            base_version: Some(1),
            fields,
        };
        let names = field_names(w.apply(&change, None).await.unwrap_err());
        assert_eq!(names, ["framework_id"]);
        let copy = w.copy_framework(world.framework_id).await.unwrap();
        w.commit().await.unwrap();
        let copy = store.framework(copy).await.unwrap().unwrap();
        assert_eq!(copy.row.framework_version, 2);
        assert!(!copy.frozen);
        assert_eq!(copy.criteria.len(), 2);
        assert_eq!(copy.criteria[0].levels.len(), 3);

        // Ben submits; both see both; the disagreement is in the matrix.
        let mut w = store.writer("ben@example.org").await.unwrap();
        w.submit_ratings(target, world.raters[1], &ratings(&world, [3, 3]))
            .await
            .unwrap();
        w.commit().await.unwrap();
        let view = store.round_view(round_id).await.unwrap().unwrap();
        assert_eq!(view.visible_to(world.raters[1], false).ratings.len(), 4);
        assert_eq!(view.matrix(world.criteria[0].0), vec![vec![Some(2), Some(3)]]);
        assert_eq!(store.outcome_problems(view.round.edition_id).await.unwrap().len(), 2);

        // Reconciliation; the second editor on the same base version gets a conflict.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let id = w.reconcile(&early, Some(world.editor)).await.unwrap();
        w.commit().await.unwrap();
        let mut w = store.writer("other@example.org").await.unwrap();
        let err = w.reconcile(&early, Some(world.editor)).await.unwrap_err();
        assert!(matches!(err, ApplyError::Store(StoreError::Conflict { .. })), "{err}");
        drop(w);
        let mut w = store.writer("ed@example.org").await.unwrap();
        let later = Reconciliation {
            trend: None,
            base_version: Some(1),
            level_id: Some(world.criteria[0].1[2]),
            ..early.clone()
        };
        assert_eq!(w.reconcile(&later, Some(world.editor)).await.unwrap(), id);
        w.commit().await.unwrap();
        let view = store.round_view(round_id).await.unwrap().unwrap();
        let k = view.consensus_of(target, world.criteria[0].0).unwrap();
        assert_eq!((k.rank, k.row.version, k.evidence.len()), (3, 2, 1));
        assert_eq!(k.evidence[0].source_slug, "src-b");
        let problems = store.outcome_problems(view.round.edition_id).await.unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("Criterion resources"), "{problems:?}");

        // Unknown things are named.
        let mut w = store.writer("ed@example.org").await.unwrap();
        let bad = Reconciliation {
            trend: None,
            criterion_id: world.criteria[1].0,
            level_id: Some(world.criteria[1].1[0]),
            evidence: evidence("no-such-source"),
            ..early.clone()
        };
        let fields = field_names(w.reconcile(&bad, Some(world.editor)).await.unwrap_err());
        assert_eq!(fields, ["consensus.evidence.1.source"]);
        drop(w);
        db.finish().await;
    }
}
