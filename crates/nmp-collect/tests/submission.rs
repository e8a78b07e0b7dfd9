//! Attached documents, a respondent reporting a mechanism the platform does not hold, and a
//! submission written in one transaction, on SQLite and (when configured) PostgreSQL, on the
//! seeded starter dataset. Respondents, answers, files and accounts are synthetic test data.

use nmp_collect::attach::{MAX_FILE_BYTES, MAX_FILES, Upload};
use nmp_collect::invite::{Invitee, invite, return_with_issues};
use nmp_collect::respond::{Answers, Save, open, save, save_with};
use nmp_collect::{CollectError, questionnaire};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, invitation, membership, organization, proposal, source};
use nmp_store::testing::engines;
use serde_json::json;

struct World {
    editor: account::Model,
    questionnaire: i32,
    mailer: Mailer,
    _dir: tempfile::TempDir,
}

async fn world(s: &Store) -> World {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.path().join("outbox"),
    })
    .unwrap();
    let editor = s
        .create_account(
            "system:test",
            "editor@example.org",
            "Synthetic Editor",
            AccountRole::Editor,
        )
        .await
        .unwrap();
    let q = questionnaire::create_default(s, "editor@example.org", "2017")
        .await
        .unwrap();
    World {
        editor,
        questionnaire: q.questionnaire_id,
        mailer,
        _dir: dir,
    }
}

/// Invites a synthetic respondent about `mechanism` (or a country's mechanism not yet held) and
/// returns the link's token.
async fn invite_about(s: &Store, w: &World, email: &str, country: &str, mechanism: Option<i32>) -> String {
    let who = Invitee {
        name: format!("Synthetic Respondent {email}"),
        email: email.into(),
        organization_id: None,
        country_iso3: Some(country.into()),
        mechanism_id: mechanism,
        due_on: "2099-01-31".into(),
        ..Default::default()
    };
    let invited = invite(s, &w.mailer, "http://nmp.test", &w.editor, w.questionnaire, &who)
        .await
        .unwrap();
    invited.link.rsplit('/').next().unwrap().to_string()
}

fn file(name: &str, bytes: &[u8]) -> Upload {
    Upload {
        question_key: "documents".into(),
        file_name: name.into(),
        bytes: bytes.to_vec(),
        truncated: false,
    }
}

/// A small PDF-looking file holding every byte value, so a round trip that altered any byte fails.
fn synthetic_pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% Synthetic test document (NMP test data)\n".to_vec();
    bytes.extend(0..=255u8);
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

#[tokio::test]
async fn documents_attach_to_a_draft_within_the_limits_and_come_back_byte_for_byte() {
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let token = invite_about(s, &w, "files@example.org", "GHA", Some(gha.mechanism_id)).await;
        let opened = open(s, &token).await.unwrap();
        assert!(opened.attachments.is_empty());
        let pdf = synthetic_pdf();

        // A good file is stored with the draft, byte for byte.
        let mut answers: Answers = opened.answers.clone();
        answers.insert("acronym".into(), json!("NPC-FILES"));
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![file("C:\\fakepath\\Decree 2011.pdf", &pdf)],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert!(errors.is_empty(), "{} {errors:?}", db.engine);
        assert_eq!(after.invitation.state, "draft");
        assert_eq!(after.attachments.len(), 1);
        let info = &after.attachments[0];
        assert_eq!(
            (
                info.file_name.as_str(),
                info.content_type.as_str(),
                info.size_bytes as usize
            ),
            ("Decree 2011.pdf", "application/pdf", pdf.len())
        );
        let stored = nmp_collect::attach::get(s, info.attachment_id).await.unwrap().unwrap();
        assert_eq!(stored.content, pdf, "{}: identical bytes", db.engine);
        assert_eq!(stored.sha256.len(), 64);

        // Saving the draft again without files keeps it.
        let (after, _) = save(s, &token, answers.clone(), false).await.unwrap();
        assert_eq!(after.attachments.len(), 1, "a draft save keeps the file");

        // A file whose content is not what its name says, a kind not accepted, and an oversize
        // file: each refused with a message keyed by the question, none stored; the answers
        // typed with them are saved.
        answers.insert("acronym".into(), json!("NPC-KEPT"));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b'x');
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![
                    file("report.pdf", b"PK\x03\x04 synthetic zip, not a PDF"),
                    file("tool.exe", b"MZ synthetic"),
                    file("big.pdf", &big),
                ],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        let message = errors.get("documents").cloned().unwrap_or_default();
        assert!(
            message.contains("report.pdf is named as PDF but its content is not PDF"),
            "{message}"
        );
        assert!(
            message.contains("tool.exe: this kind of file is not accepted"),
            "{message}"
        );
        assert!(message.contains("big.pdf is larger than 10.0 MB"), "{message}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(after.attachments.len(), 1, "{}: nothing stored", db.engine);
        assert_eq!(after.answers["acronym"], "NPC-KEPT", "nothing typed is lost");

        // At most MAX_FILES per response: the eleventh is refused.
        let notes: Vec<Upload> = (0..MAX_FILES)
            .map(|i| file(&format!("note-{i}.txt"), format!("Synthetic note {i}").as_bytes()))
            .collect();
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: notes,
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(after.attachments.len(), MAX_FILES);
        assert!(
            errors["documents"].contains("note-9.txt was not attached: a response may hold at most 10 files"),
            "{errors:?}"
        );

        // Removing one before submitting; a file of another response cannot be removed.
        let gone = after.attachments[1].attachment_id;
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                remove: vec![gone],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.attachments.len(), MAX_FILES - 1);
        assert!(nmp_collect::attach::get(s, gone).await.unwrap().is_none());
        let other = invite_about(s, &w, "other@example.org", "GHA", Some(gha.mechanism_id)).await;
        let refused = save_with(
            s,
            &other,
            Save {
                remove: vec![after.attachments[0].attachment_id],
                ..Save::default()
            },
        )
        .await;
        assert!(
            matches!(refused, Err(CollectError::Invalid(ref e)) if e[0].field == "remove"),
            "{refused:?}"
        );
        // Files go only to file questions.
        let wrong = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![Upload {
                    question_key: "acronym".into(),
                    ..file("a.pdf", &pdf)
                }],
                ..Save::default()
            },
        )
        .await;
        assert!(matches!(wrong, Err(CollectError::Invalid(_))), "{wrong:?}");

        // Submitted with its files; the export lists them; a submitted response takes no more.
        let (after, errors) = save(s, &token, answers.clone(), true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.invitation.state, "submitted");
        assert_eq!(after.attachments.len(), MAX_FILES - 1);
        let csv = nmp_collect::export::responses_csv(s, w.questionnaire).await.unwrap();
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(",documents"), "{header}");
        assert!(csv.contains("Decree 2011.pdf; note-1.txt; note-2.txt"), "{csv}");
        let late = save_with(
            s,
            &token,
            Save {
                uploads: vec![file("late.pdf", &pdf)],
                ..Save::default()
            },
        )
        .await;
        assert!(matches!(late, Err(CollectError::Invalid(_))));
        assert_eq!(
            nmp_collect::attach::list(s, after.invitation.invitation_id)
                .await
                .unwrap()
                .len(),
            MAX_FILES - 1
        );
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

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
