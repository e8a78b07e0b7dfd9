//! An assessment round through the workspace over HTTP, on SQLite and (when configured)
//! PostgreSQL: an editor opens it, two students rate one initiative blind (neither sees the
//! other's rating before submitting), the round page shows the disagreement and the agreement
//! figures, the editor reconciles, a second editor saving the same criterion gets the 409 page,
//! and every refusal names its field. The framework, initiative and accounts are synthetic test
//! data; the sources are the starter dataset's.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::testing::engines;

/// A two-criterion framework with three levels each and one initiative; returns the framework
/// id and, per criterion, (criterion id, level ids).
async fn setup(store: &Store) -> (i32, Vec<(i32, Vec<i32>)>) {
    let mut w = store.writer("system:test").await.unwrap();
    let f = nmp_store::testing::assessment_fixture(
        &mut w,
        "synthetic-training",
        Some("KEN"),
        &["institutionalisation", "results"],
        3,
    )
    .await;
    w.commit().await.unwrap();
    (f.framework_id, f.criteria)
}

/// A full rating form: `ranks` per criterion, with the reason `why` and one piece of evidence.
fn rating_form(criteria: &[(i32, Vec<i32>)], ranks: [usize; 2], why: &str) -> Vec<(String, String)> {
    let mut form = Vec::new();
    for ((id, levels), rank) in criteria.iter().zip(ranks) {
        form.push((format!("c{id}-level"), levels[rank - 1].to_string()));
        form.push((format!("c{id}-rationale"), format!("{why} on {id}")));
        form.push((format!("c{id}-source-1"), "psd-10-fas".to_string()));
        form.push((format!("c{id}-locator-1"), "p. 2".to_string()));
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn two_students_rate_blind_and_an_editor_reconciles() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let (framework_id, criteria) = setup(s).await;
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let other = staff(s, "editor-2@example.org", AccountRole::Editor).await;
        let ana = staff(s, "ana@example.org", AccountRole::Student).await;
        let ben = staff(s, "ben@example.org", AccountRole::Student).await;

        let list = get(s, "/staff/assessments", Some(&editor)).await;
        assert_eq!(list.status, StatusCode::OK, "{}", db.engine);
        assert!(list.body.contains("Open a round") && list.body.contains("Synthetic framework"));

        // One rater is not enough; the page keeps what was typed.
        let framework = framework_id.to_string();
        let (ana_id, ben_id) = (ana.account_id.to_string(), ben.account_id.to_string());
        let mut form = vec![
            ("title", "Synthetic round"),
            ("edition", "2018"),
            ("framework_id", framework.as_str()),
            ("due_on", "2030-01-31"),
            ("initiatives", "synthetic-training"),
            ("raters", ana_id.as_str()),
        ];
        let refused = post(s, "/staff/assessments", &editor, &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("at least two raters") && refused.body.contains("Synthetic round"));
        assert!(s.rounds(None).await.unwrap().is_empty(), "nothing written");
        form.push(("raters", ben_id.as_str()));
        let opened = post(s, "/staff/assessments", &editor, &form).await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let round_path = opened.location.unwrap();
        let round_id: i32 = round_path.rsplit('/').next().unwrap().parse().unwrap();
        let view = s.round_view(round_id).await.unwrap().unwrap();
        let target_path = format!("{round_path}/targets/{}", view.targets[0].row.round_target_id);

        // Students see their round and the blind form; a student may not open rounds.
        let mine = get(s, &round_path, Some(&ana)).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(mine.body.contains("rate it") && !mine.body.contains("Where raters disagree"));
        let forbidden = post(s, "/staff/assessments", &ana, &form).await;
        assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
        let blank = get(s, &target_path, Some(&ana)).await;
        assert!(blank.body.contains("Submit my ratings") && blank.body.contains("Emerging descriptor"));

        // Without evidence: refused, naming the field, nothing written.
        let mut no_evidence = rating_form(&criteria, [2, 3], "ANA-REASON");
        no_evidence.retain(|(k, _)| !k.starts_with(&format!("c{}-source", criteria[1].0)));
        let refused = post(s, &target_path, &ana, &pairs(&no_evidence)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("results.evidence"), "{}", refused.body);
        assert!(s.round_view(round_id).await.unwrap().unwrap().ratings.is_empty());

        // Ana submits; Ben, before submitting, sees none of it.
        let done = post(
            s,
            &target_path,
            &ana,
            &pairs(&rating_form(&criteria, [2, 3], "ANA-REASON")),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let ben_before = get(s, &target_path, Some(&ben)).await;
        assert!(ben_before.body.contains("Submit my ratings"));
        assert!(!ben_before.body.contains("ANA-REASON"), "blind until Ben submits");
        let ana_after = get(s, &target_path, Some(&ana)).await;
        assert!(ana_after.body.contains("ANA-REASON") && !ana_after.body.contains("Submit my ratings"));
        let again = post(s, &target_path, &ana, &pairs(&rating_form(&criteria, [1, 1], "AGAIN"))).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("already submitted"));

        let done = post(
            s,
            &target_path,
            &ben,
            &pairs(&rating_form(&criteria, [3, 3], "BEN-REASON")),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let ben_after = get(s, &target_path, Some(&ben)).await;
        assert!(ben_after.body.contains("ANA-REASON") && ben_after.body.contains("BEN-REASON"));

        // The editor sees the disagreement (on institutionalisation only) and the agreement.
        let round = get(s, &round_path, Some(&editor)).await;
        assert!(round.body.contains("Where raters disagree"));
        assert!(
            round.body.contains("R1: 2 Emerging · R2: 3 Established"),
            "{}",
            round.body
        );
        assert!(!round.body.contains("R1: 3 Established · R2: 3 Established"));
        assert!(round.body.contains("has no consensus"));

        // Reconciliation; the second editor on the same (empty) base version gets the 409 page.
        let institutionalisation = criteria[0].0;
        let consensus_path = format!("{target_path}/criteria/{institutionalisation}");
        let level = criteria[0].1[1].to_string();
        let consensus = [
            ("version", ""),
            ("level", level.as_str()),
            ("rationale", "CONSENSUS-REASON"),
            ("source-1", "psd-10-fas"),
            ("locator-1", "p. 2"),
        ];
        let student = post(s, &consensus_path, &ana, &consensus).await;
        assert_eq!(student.status, StatusCode::FORBIDDEN);
        let saved = post(s, &consensus_path, &editor, &consensus).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let lost = post(s, &consensus_path, &other, &consensus).await;
        assert_eq!(lost.status, StatusCode::CONFLICT, "{}", lost.body);
        let no_rating = post(
            s,
            &format!("{target_path}/criteria/{}", criteria[1].0 + 1000),
            &editor,
            &consensus,
        )
        .await;
        assert_eq!(no_rating.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = get(s, &target_path, Some(&editor)).await;
        assert!(page.body.contains("CONSENSUS-REASON"));
        let view = s.round_view(round_id).await.unwrap().unwrap();
        assert_eq!(view.consensus.len(), 1);
        assert_eq!(view.problems().len(), 1, "{:?}", view.problems());
        db.finish().await;
    }
}
