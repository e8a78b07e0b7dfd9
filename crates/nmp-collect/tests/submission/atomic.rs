//! A submission that fails midway leaves nothing written.

use super::*;

/// A trigger that makes inserting a membership proposal fail, as a database failure midway
/// through a submission would (test-only SQL: triggers differ between the engines).
async fn break_membership_proposals(s: &Store, engine: &str, on: bool) {
    let statements: &[&str] = match (engine, on) {
        ("sqlite", true) => &[
            "CREATE TRIGGER nmp_test_fail BEFORE INSERT ON proposal WHEN NEW.entity = 'membership' BEGIN SELECT RAISE(ABORT, 'synthetic failure midway'); END",
        ],
        ("sqlite", false) => &["DROP TRIGGER nmp_test_fail"],
        (_, true) => &[
            "CREATE FUNCTION nmp_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.entity = 'membership' THEN RAISE EXCEPTION 'synthetic failure midway'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER nmp_test_fail BEFORE INSERT ON proposal FOR EACH ROW EXECUTE FUNCTION nmp_test_fail()",
        ],
        (_, false) => &["DROP TRIGGER nmp_test_fail ON proposal"],
    };
    for sql in statements {
        nmp_store::testing::execute(s, sql).await;
    }
}

#[tokio::test]
async fn a_submission_that_fails_midway_leaves_nothing_written() {
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let token = invite_about(s, &w, "atomic@example.org", "GHA", Some(gha.mechanism_id)).await;
        let mut answers: Answers = open(s, &token).await.unwrap().answers;
        answers.insert("acronym".into(), json!("NPC-ATOMIC"));
        let org = s.all::<organization::Entity>().await.unwrap()[0].organization_id;
        answers.insert(
            "members".into(),
            json!([{ "organization_id": org.to_string(), "role": "member" }]),
        );
        let (draft, _) = save(s, &token, answers.clone(), false).await.unwrap();
        assert_eq!(draft.invitation.state, "draft");
        let sources_before = s.all::<source::Entity>().await.unwrap().len();
        let events_before = s.audit_log(None, 0, 1).await.unwrap().1;

        // The mechanism's proposal is written first, then the member's fails: nothing stays,
        // not the source, the submission, the first proposal, nor the file sent with it.
        break_membership_proposals(s, db.engine, true).await;
        let failed = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                submit: true,
                uploads: vec![file("decree.pdf", &synthetic_pdf())],
                remove: Vec::new(),
            },
        )
        .await;
        let text = format!("{failed:?}");
        assert!(text.contains("synthetic failure midway"), "{}: {text}", db.engine);
        let inv = s
            .get::<invitation::Entity>(draft.invitation.invitation_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(inv.state, "draft", "{}", db.engine);
        assert!(inv.submitted_at.is_none() && inv.source_id.is_none());
        assert_eq!(inv.version, draft.invitation.version);
        assert_eq!(
            s.all::<source::Entity>().await.unwrap().len(),
            sources_before,
            "no source"
        );
        assert!(s.proposals(None, None).await.unwrap().is_empty(), "no proposal");
        assert!(
            nmp_collect::attach::list(s, inv.invitation_id)
                .await
                .unwrap()
                .is_empty(),
            "no file"
        );
        assert_eq!(
            s.audit_log(None, 0, 1).await.unwrap().1,
            events_before,
            "no audit event"
        );
        s.verify_audit_chain().await.unwrap();

        // The same submission goes through once the database accepts it.
        break_membership_proposals(s, db.engine, false).await;
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.invitation.state, "submitted");
        assert_eq!(s.proposals(Some(ReviewState::Proposed), None).await.unwrap().len(), 2);
        db.finish().await;
    }
}
