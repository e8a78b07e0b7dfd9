//! An institution not in the list becomes a proposed organisation with its rows under it.

use super::*;

/// The proposals of an invitation as (table, action, parent's index in the list).
fn shape_of(proposals: &[proposal::Model]) -> Vec<(&str, &str, Option<usize>)> {
    proposals
        .iter()
        .map(|p| {
            let parent = p
                .parent_proposal_id
                .and_then(|id| proposals.iter().position(|q| q.proposal_id == id));
            (p.entity.as_str(), p.action.as_str(), parent)
        })
        .collect()
}

#[tokio::test]
async fn an_institution_not_in_the_list_becomes_a_proposed_organisation_with_its_rows_under_it() {
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let token = invite_about(s, &w, "other@example.org", "GHA", Some(gha.mechanism_id)).await;
        let orgs = s.all::<organization::Entity>().await.unwrap();
        let listed = orgs[0].organization_id;
        let held = orgs[1].clone();
        let name = "Synthetic Ministry of Dialogue (test data)";

        // "Other" without a name, or a name beside an institution from the list: the problem
        // is keyed by the row and the name's field.
        let mut answers = open(s, &token).await.unwrap().answers;
        answers.insert(
            "members".into(),
            json!([
                { "organization_id": "other", "role": "member" },
                { "organization_id": listed.to_string(), "organization_id_other": name, "role": "member" },
            ]),
        );
        let (_, errors) = save(s, &token, answers, true).await.unwrap();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["members.0.organization_id_other", "members.1.organization_id_other"],
            "{}",
            db.engine
        );
        assert!(errors["members.0.organization_id_other"].contains("name the institution"));
        assert!(errors["members.1.organization_id_other"].contains("Other (not in the list)"));

        // Two rows naming the same institution (one with "Other", one with the list left
        // blank, in another case): one proposed organisation, both rows under it.
        let mut answers = open(s, &token).await.unwrap().answers;
        answers.insert(
            "members".into(),
            json!([
                { "organization_id": "other", "organization_id_other": name, "role": "chair", "since_on": "2020" },
                { "organization_id": "", "organization_id_other": name.to_uppercase(), "role": "secretariat" },
                { "organization_id": listed.to_string(), "role": "observer" },
                // Named as not in the list, but held: the row points to it.
                { "organization_id": "other", "organization_id_other": format!("  {}  ", held.name.to_uppercase()), "role": "partner" },
            ]),
        );
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{} {errors:?}", db.engine);
        let inv = after.invitation.invitation_id;
        let mine = s.proposals_of_invitation(inv).await.unwrap();
        assert_eq!(
            shape_of(&mine),
            [
                ("organization", "create", None),
                ("membership", "create", Some(0)),
                ("membership", "create", Some(0)),
                ("membership", "create", None),
                ("membership", "create", None),
            ],
            "{}",
            db.engine
        );
        let (held_change, _) = Store::proposal_change(&mine[4]).unwrap();
        assert_eq!(held_change.fields["organization_id"], json!(held.organization_id));
        let (org_change, citation) = Store::proposal_change(&mine[0]).unwrap();
        assert_eq!(org_change.fields["name"], json!(name));
        assert_eq!(org_change.fields["kind"], json!("other"));
        assert_eq!(org_change.fields["country_iso3"], json!("GHA"));
        assert_eq!(
            org_change.fields["slug"],
            json!("gha-synthetic-ministry-of-dialogue-test-data")
        );
        assert!(citation.is_some(), "the new organisation cites the response");
        let (member_change, _) = Store::proposal_change(&mine[1]).unwrap();
        assert!(
            member_change.fields["organization_id"].is_null(),
            "waits for the organisation"
        );
        assert_eq!(member_change.fields["mechanism_id"], json!(gha.mechanism_id));
        assert!(
            mine[1]
                .message
                .as_deref()
                .unwrap()
                .contains("new organization proposed in proposal")
        );

        // The row first: refused, naming the organisation's proposal. Then the organisation and
        // its rows: they point to it.
        let early = s
            .decide(&w.editor, mine[1].proposal_id, mine[1].version, true, None)
            .await;
        assert!(
            format!("{early:?}").contains(&format!("approve proposal {} first", mine[0].proposal_id)),
            "{early:?}"
        );
        let org = s
            .decide(&w.editor, mine[0].proposal_id, mine[0].version, true, None)
            .await
            .unwrap();
        let org_id: i32 = org.entity_id.unwrap().parse().unwrap();
        let created = s.get::<organization::Entity>(org_id).await.unwrap().unwrap();
        assert_eq!(created.name, name);
        for p in &mine[1..3] {
            let done = s.decide(&w.editor, p.proposal_id, p.version, true, None).await.unwrap();
            let key: i32 = done.entity_id.unwrap().parse().unwrap();
            let row = s.get::<membership::Entity>(key).await.unwrap().unwrap();
            assert_eq!((row.mechanism_id, row.organization_id), (gha.mechanism_id, org_id));
        }

        // On a mechanism the response reports too, the row waits for both: the institution
        // (its parent) and the mechanism.
        let token = invite_about(s, &w, "both@example.org", "NGA", None).await;
        let answers: Answers = serde_json::from_value(json!({
            "name": "Synthetic Peace Forum (test data)",
            "level": "national",
            "mechanism_type": "committee",
            "members": [{ "organization_id": "other", "organization_id_other": "Synthetic Council of Elders (test data)", "role": "member" }],
        }))
        .unwrap();
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{} {errors:?}", db.engine);
        let mine = s.proposals_of_invitation(after.invitation.invitation_id).await.unwrap();
        assert_eq!(
            shape_of(&mine),
            [
                ("mechanism", "create", None),
                ("organization", "create", None),
                ("membership", "create", Some(1)),
            ],
            "{}",
            db.engine
        );
        let (mech, org, member) = (&mine[0], &mine[1], &mine[2]);
        assert!(member.message.as_deref().unwrap().contains(&format!(
            "also belongs to the new mechanism proposed in proposal {}",
            mech.proposal_id
        )));
        let org = s
            .decide(&w.editor, org.proposal_id, org.version, true, None)
            .await
            .unwrap();
        let early = s
            .decide(&w.editor, member.proposal_id, member.version, true, None)
            .await;
        assert!(
            format!("{early:?}").contains(&format!("approve proposal {} first", mech.proposal_id)),
            "{early:?}"
        );
        let mech = s
            .decide(&w.editor, mech.proposal_id, mech.version, true, None)
            .await
            .unwrap();
        let member = s
            .decide(&w.editor, member.proposal_id, member.version, true, None)
            .await
            .unwrap();
        let row = s
            .get::<membership::Entity>(member.entity_id.unwrap().parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (row.mechanism_id.to_string(), row.organization_id.to_string()),
            (mech.entity_id.unwrap(), org.entity_id.unwrap())
        );

        // Rejecting the reported mechanism rejects such a row too; the institution stays
        // proposed (it may exist all the same).
        let token = invite_about(s, &w, "rejected@example.org", "MWI", None).await;
        let answers: Answers = serde_json::from_value(json!({
            "name": "Synthetic Peace Desk (test data)",
            "level": "national",
            "mechanism_type": "focal_point",
            "members": [{ "organization_id_other": "Synthetic Office of Mediation (test data)", "role": "member" }],
        }))
        .unwrap();
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let mine = s.proposals_of_invitation(after.invitation.invitation_id).await.unwrap();
        s.decide(&w.editor, mine[0].proposal_id, mine[0].version, false, None)
            .await
            .unwrap();
        let states: Vec<String> = s
            .proposals_of_invitation(after.invitation.invitation_id)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.state)
            .collect();
        assert_eq!(states, ["rejected", "proposed", "rejected"], "{}", db.engine);
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}
