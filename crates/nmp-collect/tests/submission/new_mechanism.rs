//! A respondent reporting a mechanism the platform does not hold: its rows follow it into the
//! records.

use super::*;

#[tokio::test]
async fn a_respondent_reports_a_new_mechanism_whose_rows_follow_it_into_the_records() {
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        assert!(
            s.all::<nmp_store::entity::mechanism::Entity>()
                .await
                .unwrap()
                .iter()
                .all(|m| m.country_iso3.as_deref() != Some("NGA"))
        );
        let token = invite_about(s, &w, "new@example.org", "NGA", None).await;
        let opened = open(s, &token).await.unwrap();
        assert!(opened.new_mechanism());
        assert_eq!(opened.country_name.as_deref(), Some("Nigeria"));
        assert!(opened.answers.is_empty(), "nothing to pre-fill");

        // Required answers about the mechanism are asked for.
        let (_, errors) = save(s, &token, Answers::new(), true).await.unwrap();
        assert!(
            errors.contains_key("name") && errors.contains_key("level"),
            "{errors:?}"
        );

        let orgs = s.all::<organization::Entity>().await.unwrap();
        let org = orgs[0].organization_id;
        let answers: Answers = serde_json::from_value(json!({
            "name": "Synthetic National Committee (test data)",
            "acronym": "SNC-TEST",
            "level": "national",
            "mechanism_type": "committee",
            "created_on": "2019-05",
            "challenges": "Synthetic challenges, kept with the response",
            "members": [{ "organization_id": org.to_string(), "role": "chair", "since_on": "2019" }],
            "activities": [{ "occurred_on": "2020-02", "kind": "training", "title": "Synthetic training (test data)" }],
        }))
        .unwrap();
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{} {errors:?}", db.engine);
        assert_eq!(after.invitation.state, "submitted");
        let mut proposals = s.proposals(Some(ReviewState::Proposed), None).await.unwrap();
        proposals.sort_by_key(|p| p.proposal_id);
        let shape: Vec<(&str, &str, Option<i32>)> = proposals
            .iter()
            .map(|p| (p.entity.as_str(), p.action.as_str(), p.parent_proposal_id))
            .collect();
        let parent = proposals[0].proposal_id;
        assert_eq!(
            shape,
            [
                ("mechanism", "create", None),
                ("membership", "create", Some(parent)),
                ("activity", "create", Some(parent)),
            ],
            "{}",
            db.engine
        );
        let (member_change, _) = Store::proposal_change(&proposals[1]).unwrap();
        assert!(
            member_change.fields["mechanism_id"].is_null(),
            "the key waits for the mechanism"
        );

        // A row cannot be approved before its mechanism.
        let early = s
            .decide(&w.editor, proposals[1].proposal_id, proposals[1].version, true, None)
            .await;
        let text = format!("{early:?}");
        assert!(text.contains(&format!("approve proposal {parent} first")), "{text}");

        // The mechanism, then its member: the member points to the new mechanism, both cite the
        // response.
        s.decide(&w.editor, parent, proposals[0].version, true, None)
            .await
            .unwrap();
        let m = s
            .mechanism_by_slug("nga-synthetic-national-committee-test-data")
            .await
            .unwrap()
            .expect("the new mechanism, under a slug made from its country and name");
        assert_eq!(m.country_iso3.as_deref(), Some("NGA"));
        assert_eq!(m.acronym.as_deref(), Some("SNC-TEST"));
        assert_eq!(m.created_on.as_deref(), Some("2019-05"));
        let src = after.invitation.source_id.unwrap();
        let cites = s.citations_for("mechanism", &m.mechanism_id.to_string()).await.unwrap();
        assert!(cites.iter().any(|(_, source)| source.source_id == src));
        let member = s
            .decide(&w.editor, proposals[1].proposal_id, proposals[1].version, true, None)
            .await
            .unwrap();
        let key: i32 = member.entity_id.unwrap().parse().unwrap();
        let row = s.get::<membership::Entity>(key).await.unwrap().unwrap();
        assert_eq!(
            (row.mechanism_id, row.organization_id, row.role.as_str()),
            (m.mechanism_id, org, "chair")
        );
        assert!(
            s.citations_for("membership", &key.to_string())
                .await
                .unwrap()
                .iter()
                .any(|(_, source)| source.source_id == src)
        );

        // Returned with issues and submitted again: the answers now change the mechanism that
        // was created, rather than proposing it a second time; the pending activity is superseded.
        let inv_id = after.invitation.invitation_id;
        return_with_issues(s, &w.editor, inv_id, "Please check the acronym")
            .await
            .unwrap();
        let reopened = open(s, &token).await.unwrap();
        assert!(!reopened.new_mechanism());
        assert_eq!(reopened.mechanism_id, Some(m.mechanism_id));
        let mut answers = reopened.answers.clone();
        answers.insert("acronym".into(), json!("SNC-FIXED"));
        answers.remove("members");
        answers.remove("activities");
        let (_, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let pending: Vec<proposal::Model> = s
            .proposals_of_invitation(inv_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.state == "proposed")
            .collect();
        let shape: Vec<(&str, &str, Option<String>)> = pending
            .iter()
            .map(|p| (p.entity.as_str(), p.action.as_str(), p.entity_id.clone()))
            .collect();
        assert_eq!(
            shape,
            [("mechanism", "update", Some(m.mechanism_id.to_string()))],
            "{}",
            db.engine
        );
        let activity = s
            .get::<proposal::Entity>(proposals[2].proposal_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(activity.state, "rejected", "superseded");

        // Rejecting a reported mechanism rejects the rows proposed under it.
        let token = invite_about(s, &w, "second@example.org", "MWI", None).await;
        let answers: Answers = serde_json::from_value(json!({
            "name": "Synthetic Focal Point (test data)",
            "level": "national",
            "mechanism_type": "focal_point",
            "members": [{ "organization_id": org.to_string(), "role": "member" }],
        }))
        .unwrap();
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let mine: Vec<proposal::Model> = s.proposals_of_invitation(after.invitation.invitation_id).await.unwrap();
        assert_eq!(mine.len(), 2);
        let mech = mine.iter().find(|p| p.entity == "mechanism").unwrap();
        s.decide(
            &w.editor,
            mech.proposal_id,
            mech.version,
            false,
            Some("Not a mechanism"),
        )
        .await
        .unwrap();
        let child = s
            .get::<proposal::Entity>(mine.iter().find(|p| p.entity == "membership").unwrap().proposal_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(child.state, "rejected");
        assert!(
            child
                .decision_comment
                .unwrap()
                .contains(&format!("Rejected with proposal {}", mech.proposal_id))
        );
        assert!(
            s.mechanism_by_slug("mwi-synthetic-focal-point-test-data")
                .await
                .unwrap()
                .is_none()
        );
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}
