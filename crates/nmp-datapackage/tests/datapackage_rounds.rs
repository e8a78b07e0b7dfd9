//! An edition with assessment rounds: its package holds the rounds, their frameworks, targets
//! and consensus with evidence, and the individual ratings only of the round that releases
//! them, under pseudonyms; it loads back into a new database (released raters as deactivated
//! placeholder accounts) and exports to the same bytes.

use nmp_core::vocab::{AccountRole, RoundState};
use nmp_datapackage::datapackage;
use nmp_datapackage::import::import;
use nmp_ingest::seed::seed_embedded;
use nmp_store::entity::{account, assessment_round, citation, initiative, initiative_kind};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput, Reconciliation};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

fn evidence(page: i32) -> Vec<EvidenceInput> {
    vec![EvidenceInput {
        source: "aipr-2017-docslib".into(),
        locator: Some(format!("p. {page}")),
        quote: Some("Test quote".into()),
    }]
}

/// Opens a round of `edition` on `mechanisms` and `initiatives` with `raters`, has every
/// rater rate every target (rater `r` gives level `1 + (target + criterion + r) % 4`), and
/// reconciles every target and criterion; returns the round's id.
async fn round(
    s: &Store,
    edition: &str,
    initiatives: &[&str],
    mechanisms: &[&str],
    raters: &[i32],
    editor: i32,
    release: bool,
) -> i32 {
    let framework = s
        .frameworks()
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.row.slug == "nmp-outcomes")
        .expect("the starter dataset has the default framework");
    let mut w = s.writer("editor@example.org").await.unwrap();
    let id = w
        .open_round(
            &NewRound {
                countries: Vec::new(),
                assessed_on: None,
                edition: edition.into(),
                framework_id: framework.row.framework_id,
                title: format!("Test round of {edition}"),
                due_on: "2030-01-31".into(),
                note: None,
                initiatives: initiatives.iter().map(|i| i.to_string()).collect(),
                mechanisms: mechanisms.iter().map(|m| m.to_string()).collect(),
                raters: raters.to_vec(),
            },
            Some(editor),
        )
        .await
        .unwrap();
    w.commit().await.unwrap();
    let view = s.round_view(id).await.unwrap().unwrap();
    for (t, target) in view.targets.iter().enumerate() {
        for (r, rater) in raters.iter().enumerate() {
            let inputs: Vec<RatingInput> = view
                .framework
                .criteria
                .iter()
                .enumerate()
                .map(|(c, criterion)| RatingInput {
                    trend: None,
                    criterion_id: criterion.row.criterion_id,
                    level_id: Some(criterion.levels[(t + c + r) % 4].criterion_level_id),
                    rationale: format!("Test rationale {t}.{c}.{r}"),
                    evidence: evidence(c as i32 + 1),
                })
                .collect();
            let mut w = s.writer("rater@example.org").await.unwrap();
            w.submit_ratings(target.row.round_target_id, *rater, &inputs)
                .await
                .unwrap();
            w.commit().await.unwrap();
        }
        for criterion in &view.framework.criteria {
            let mut w = s.writer("editor@example.org").await.unwrap();
            w.reconcile(
                &Reconciliation {
                    trend: None,
                    round_target_id: target.row.round_target_id,
                    criterion_id: criterion.row.criterion_id,
                    level_id: Some(criterion.levels[1].criterion_level_id),
                    rationale: "Test consensus".into(),
                    evidence: evidence(9),
                    base_version: None,
                },
                Some(editor),
            )
            .await
            .unwrap();
            w.commit().await.unwrap();
        }
    }
    if release {
        let row = s
            .rounds(None)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.assessment_round_id == id)
            .unwrap();
        let mut w = s.writer("editor@example.org").await.unwrap();
        w.set_round_state(id, row.version, RoundState::Closed, true)
            .await
            .unwrap();
        w.commit().await.unwrap();
    }
    id
}

fn csv_rows(package: &nmp_datapackage::DataPackage, name: &str) -> Vec<csv::StringRecord> {
    let bytes = &package.files.iter().find(|(n, _)| n == name).unwrap().1;
    csv::Reader::from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[tokio::test]
async fn rounds_travel_with_consensus_and_released_ratings_only_and_load_back() {
    let targets = engines().await;
    for (db, fresh) in engines().await.into_iter().zip(targets) {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let editor = s
            .create_account("system:test", "editor@example.org", "Edna Editor", AccountRole::Editor)
            .await
            .unwrap();
        let mut raters = Vec::new();
        for (email, name) in [
            ("ada@example.org", "Ada Rater"),
            ("bo@example.org", "Bo Rater"),
            ("cy@example.org", "Cy Rater"),
        ] {
            raters.push(
                s.create_account("system:test", email, name, AccountRole::Student)
                    .await
                    .unwrap()
                    .account_id,
            );
        }
        // A test initiative (the starter dataset may hold none yet).
        let kind = s
            .all::<initiative_kind::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|k| k.code == "training")
            .unwrap();
        let mut w = s.writer("editor@example.org").await.unwrap();
        let init = w
            .insert(initiative::ActiveModel {
                slug: Set("test-ken-training".into()),
                country_iso3: Set(Some("KEN".into())),
                initiative_kind_id: Set(kind.initiative_kind_id),
                title: Set("Test training (test data)".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(s.all::<nmp_store::entity::source::Entity>().await.unwrap()[0].source_id),
            entity: Set("initiative".into()),
            entity_id: Set(init.initiative_id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();

        let released = round(
            s,
            "2018",
            &["test-ken-training"],
            &["ken-national-committee"],
            &raters,
            editor.account_id,
            true,
        )
        .await;
        let internal = round(
            s,
            "2018",
            &[],
            &["cod-national-committee"],
            &raters[..2],
            editor.account_id,
            false,
        )
        .await;
        let other = round(
            s,
            "2017",
            &[],
            &["ken-national-committee"],
            &raters[..2],
            editor.account_id,
            false,
        )
        .await;

        let package = datapackage(s, "2018").await.unwrap();
        let rows = |name: &str| package.rows.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(rows("assessment_rounds"), 2, "{}", db.engine);
        assert_eq!(rows("round_targets"), 3);
        assert_eq!(rows("frameworks"), 1);
        assert_eq!(rows("criteria"), 6);
        assert_eq!(rows("criterion_levels"), 24);
        assert_eq!(rows("consensus"), 3 * 6);
        assert_eq!(
            rows("initiatives") as u64,
            s.counts().await.unwrap()["initiatives"],
            "every initiative"
        );
        // Only the released round's raters and ratings, 3 raters × 2 targets × 6 criteria.
        assert_eq!(rows("round_raters"), 3);
        assert_eq!(rows("ratings"), 36);
        assert_eq!(rows("rating_evidence"), 36);
        let pseudonyms: Vec<String> = csv_rows(&package, "round_raters.csv")
            .iter()
            .map(|r| format!("{}:{}", &r[1], &r[2]))
            .collect();
        assert_eq!(
            pseudonyms,
            [
                format!("{released}:R1"),
                format!("{released}:R2"),
                format!("{released}:R3")
            ]
        );
        // Consensus evidence of this edition's rounds only.
        let consensus_ids: Vec<String> = csv_rows(&package, "consensus.csv")
            .iter()
            .map(|r| r[0].to_string())
            .collect();
        let cited: Vec<String> = csv_rows(&package, "citations.csv")
            .iter()
            .filter(|r| &r[2] == "consensus")
            .map(|r| r[3].to_string())
            .collect();
        assert_eq!(cited.len(), 18);
        assert!(cited.iter().all(|c| consensus_ids.contains(c)), "{cited:?}");
        let all_consensus_cites = s
            .all::<citation::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.entity == "consensus")
            .count();
        assert_eq!(all_consensus_cites, 18 + 6, "round {other} of 2017 has evidence too");
        // No account leaves with the package: no email, no name, no account column.
        for (name, bytes) in &package.files {
            let text = String::from_utf8(bytes.clone()).unwrap();
            for secret in [
                "example.org",
                "Ada Rater",
                "Edna Editor",
                "opened_by",
                "decided_by",
                "account_id",
            ] {
                assert!(!text.contains(secret), "{name} holds {secret:?}");
            }
        }

        // Back into a new database: the same package, placeholder raters, no account named.
        let dir = tempfile::tempdir().unwrap();
        package.write_to(&dir.path().join("p")).unwrap();
        import(&fresh.store, &dir.path().join("p"), "system:test")
            .await
            .unwrap();
        let again = datapackage(&fresh.store, "2018").await.unwrap();
        assert_eq!(
            again.files, package.files,
            "{}: the round trip changes nothing",
            db.engine
        );
        let accounts = fresh.store.all::<account::Entity>().await.unwrap();
        assert_eq!(accounts.len(), 3, "one placeholder per released rater");
        for a in &accounts {
            assert!(!a.active && a.password_hash.is_none(), "{a:?}");
            assert!(a.email.ends_with("@imported.invalid"), "{}", a.email);
            assert!(a.name.contains("imported from a data package"), "{}", a.name);
        }
        let original = s.round_view(released).await.unwrap().unwrap();
        let loaded = fresh.store.round_view(released).await.unwrap().unwrap();
        assert_eq!(loaded.round.opened_by, None);
        assert!(
            loaded
                .consensus
                .iter()
                .all(|c| c.row.decided_by.is_none() && c.evidence.len() == 1)
        );
        assert_eq!(loaded.ratings.len(), 36);
        for c in &original.framework.criteria {
            assert_eq!(
                loaded.matrix(c.row.criterion_id),
                original.matrix(c.row.criterion_id),
                "the agreement data of {}",
                c.row.code
            );
        }
        let hidden = fresh.store.round_view(internal).await.unwrap().unwrap();
        assert!(hidden.ratings.is_empty() && hidden.raters.is_empty());
        assert_eq!(hidden.consensus.len(), 6);
        assert!(hidden.problems().is_empty(), "{:?}", hidden.problems());
        assert!(
            fresh.store.round_view(other).await.unwrap().is_none(),
            "2017's round stays out"
        );
        assert!(
            fresh
                .store
                .all::<assessment_round::Entity>()
                .await
                .unwrap()
                .iter()
                .all(|r| r.opened_by.is_none())
        );
        fresh.store.verify_audit_chain().await.unwrap();
        fresh.finish().await;
        db.finish().await;
    }
}

#[tokio::test]
async fn a_package_written_before_outcome_assessments_still_loads() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let package = datapackage(&db.store, "2017").await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let outcome = [
        "initiative_kinds",
        "initiatives",
        "initiative_partners",
        "frameworks",
        "criteria",
        "criterion_levels",
        "assessment_rounds",
        "round_targets",
        "round_raters",
        "ratings",
        "rating_evidence",
        "consensus",
    ];
    for (name, bytes) in &package.files {
        if name == "datapackage.json" {
            let mut desc: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            let resources = desc["resources"].as_array_mut().unwrap();
            let before = resources.len();
            resources.retain(|r| !outcome.contains(&r["name"].as_str().unwrap()));
            assert_eq!(before - resources.len(), outcome.len());
            std::fs::write(dir.path().join(name), serde_json::to_vec(&desc).unwrap()).unwrap();
        } else if !outcome.contains(&name.trim_end_matches(".csv")) {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
    }
    let fresh = engines().await.remove(0);
    let loaded = import(&fresh.store, dir.path(), "system:test").await.unwrap();
    assert_eq!(loaded.edition, "2017");
    assert!(loaded.rows.iter().all(|(r, _)| !outcome.contains(&r.as_str())));
    assert_eq!(fresh.store.counts().await.unwrap()["initiative_kinds"], 0);
    assert_eq!(
        fresh.store.counts().await.unwrap()["mechanisms"],
        db.store.counts().await.unwrap()["mechanisms"]
    );
    fresh.finish().await;
    db.finish().await;
}
