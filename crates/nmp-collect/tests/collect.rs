//! Questionnaire → invitation → draft → submission → proposals citing the response → review, on
//! the seeded starter dataset, on SQLite and (when configured) PostgreSQL. Respondents, answers
//! and accounts are synthetic test data.

use nmp_collect::invite::{Invitee, invite, remind, return_with_issues, revoke};
use nmp_collect::respond::{Answers, open, save, set_language};
use nmp_collect::{CollectError, LinkProblem, questionnaire};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_i18n::Lang;
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, questionnaire as questionnaire_entity};
use nmp_store::testing::engines;
use serde_json::json;

fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_string()
}

/// The seeded starter dataset, a mailer writing to an outbox in `dir`, a synthetic editor and the
/// 2017 edition's default questionnaire.
async fn ready(s: &Store, dir: &std::path::Path) -> (Mailer, account::Model, questionnaire_entity::Model) {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
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
    (mailer, editor, q)
}

#[tokio::test]
async fn a_respondent_answers_and_an_editor_accepts_part_of_it() {
    for db in engines().await {
        let s = &db.store;
        let dir = tempfile::tempdir().unwrap();
        let (mailer, editor, q) = ready(s, dir.path()).await;
        assert!(
            questionnaire::create_default(s, "editor@example.org", "2017")
                .await
                .is_err(),
            "only once"
        );
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let who = Invitee {
            name: "Synthetic Respondent".into(),
            email: "respondent@example.org".into(),
            organization_id: None,
            country_iso3: Some("GHA".into()),
            mechanism_id: Some(gha.mechanism_id),
            due_on: "2099-01-31".into(),
            ..Default::default()
        };
        // Bad input names each field.
        let bad = Invitee {
            email: "nope".into(),
            due_on: "soon".into(),
            ..who.clone()
        };
        match invite(s, &mailer, "http://nmp.test", &editor, q.questionnaire_id, &bad).await {
            Err(CollectError::Invalid(e)) => {
                let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["respondent_email", "due_on"], "{}", db.engine);
            }
            other => panic!("{other:?}"),
        }
        let invited = invite(s, &mailer, "http://nmp.test", &editor, q.questionnaire_id, &who)
            .await
            .unwrap();
        assert_eq!(invited.mail.status, "outbox");
        // The body is quoted-printable: undo its soft line breaks before looking for the link.
        let filed = std::fs::read_to_string(invited.mail.detail.as_deref().unwrap())
            .unwrap()
            .replace("=\r\n", "")
            .replace("=\n", "")
            .replace("=3D", "=");
        assert!(filed.contains(&invited.link), "the mail holds the link");
        let token = token_of(&invited.link);
        assert!(
            !invited.invitation.token_hash.contains(&token),
            "only the hash is stored"
        );

        // The questionnaire opens pre-filled with what the platform holds.
        let opened = open(s, &token).await.unwrap();
        assert_eq!(opened.answers["name"], gha.name.as_str());
        assert!(matches!(
            open(s, "not-a-token").await,
            Err(CollectError::Link(LinkProblem::Unknown))
        ));

        // A draft with a bad date: the error is keyed by the question, the draft is saved.
        let mut answers: Answers = opened.answers.clone();
        answers.insert("acronym".into(), json!("NPC-SYN"));
        answers.insert("created_on".into(), json!("2011-13"));
        answers.insert(
            "civil_society".into(),
            json!("Synthetic answer kept in the response only"),
        );
        let orgs = s.all::<nmp_store::entity::organization::Entity>().await.unwrap();
        answers.insert(
            "members".into(),
            json!([{ "organization_id": orgs[0].organization_id.to_string(), "role": "member", "since_on": "2015" }, { "organization_id": "", "role": "", "since_on": "" }]),
        );
        let (after, errors) = save(s, &token, answers.clone(), true).await.unwrap();
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["created_on"], "{}", db.engine);
        assert_eq!(after.invitation.state, "draft");
        assert_eq!(after.answers["acronym"], "NPC-SYN", "nothing typed is lost");
        assert!(s.proposals(None, None).await.unwrap().is_empty());

        // Submitted: a source for the response, one proposal per changed field and per new row.
        answers.insert(
            "created_on".into(),
            opened.answers.get("created_on").cloned().unwrap_or(json!("")),
        );
        let (after, errors) = save(s, &token, answers.clone(), true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.invitation.state, "submitted");
        assert!(!after.editable);
        let source_id = after.invitation.source_id.unwrap();
        let source = s
            .get::<nmp_store::entity::source::Entity>(source_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(source.kind, "questionnaire_response");
        let proposals = s.proposals(Some(ReviewState::Proposed), None).await.unwrap();
        let tables: Vec<(&str, &str)> = proposals
            .iter()
            .map(|p| (p.entity.as_str(), p.action.as_str()))
            .collect();
        assert_eq!(tables.len(), 2, "{tables:?}");
        assert!(tables.contains(&("mechanism", "update")) && tables.contains(&("membership", "create")));
        assert!(
            proposals
                .iter()
                .all(|p| p.invitation_id == Some(after.invitation.invitation_id) && p.proposed_by.is_none())
        );

        // The editor accepts the acronym and rejects the membership.
        for p in &proposals {
            let approve = p.entity == "mechanism";
            s.decide(&editor, p.proposal_id, p.version, approve, None)
                .await
                .unwrap();
        }
        let m = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(m.acronym.as_deref(), Some("NPC-SYN"));
        let cites = s.citations_for("mechanism", &m.mechanism_id.to_string()).await.unwrap();
        assert!(
            cites
                .iter()
                .any(|(c, src)| src.source_id == source_id && c.field.as_deref() == Some("acronym"))
        );

        // Returned with issues: the link opens again, with the comment.
        let inv = return_with_issues(
            s,
            &editor,
            after.invitation.invitation_id,
            "Please add the decree number",
        )
        .await
        .unwrap();
        assert_eq!(inv.state, "has_issues");
        let reopened = open(s, &token).await.unwrap();
        assert!(reopened.editable);
        assert_eq!(
            reopened.invitation.review_comment.as_deref(),
            Some("Please add the decree number")
        );

        // The CSV export lists the response with its review state.
        let csv = nmp_collect::export::responses_csv(s, q.questionnaire_id).await.unwrap();
        assert!(csv.contains("Synthetic Respondent") && csv.contains("has_issues") && csv.contains("NPC-SYN"));

        // Reminders: nothing is due for 2099; revoking closes the link.
        assert!(remind(s, &mailer, "http://nmp.test", true).await.unwrap().is_empty());
        revoke(s, &editor, inv.invitation_id).await.unwrap();
        assert!(matches!(
            open(s, &token).await,
            Err(CollectError::Link(LinkProblem::Revoked))
        ));
        assert!(s.verify_audit_chain().await.is_ok());
        db.finish().await;
    }
}

#[tokio::test]
async fn overdue_invitations_get_a_reminder_once_a_week() {
    let db = engines().await.remove(0);
    let s = &db.store;
    let dir = tempfile::tempdir().unwrap();
    let (mailer, editor, q) = ready(s, dir.path()).await;
    let yesterday = (time::OffsetDateTime::now_utc() - time::Duration::days(1)).date();
    let who = Invitee {
        name: "Synthetic Late Respondent".into(),
        email: "late@example.org".into(),
        due_on: format!(
            "{:04}-{:02}-{:02}",
            yesterday.year(),
            u8::from(yesterday.month()),
            yesterday.day()
        ),
        ..Default::default()
    };
    invite(s, &mailer, "http://nmp.test", &editor, q.questionnaire_id, &who)
        .await
        .unwrap();
    let sent = remind(s, &mailer, "http://nmp.test", false).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].why, "overdue");
    assert!(
        remind(s, &mailer, "http://nmp.test", false).await.unwrap().is_empty(),
        "not twice in a week"
    );
    let mails = s.all::<nmp_store::entity::mail::Entity>().await.unwrap();
    assert_eq!(
        mails.iter().map(|m| m.kind.as_str()).collect::<Vec<_>>(),
        ["invitation", "reminder"]
    );
    db.finish().await;
}

#[tokio::test]
async fn the_form_and_the_mails_speak_the_invitation_s_language_and_read_its_dates() {
    for db in engines().await {
        let s = &db.store;
        let dir = tempfile::tempdir().unwrap();
        let (mailer, editor, q) = ready(s, dir.path()).await;
        let who = Invitee {
            name: "Synthetic Répondante".into(),
            email: "repondante@example.org".into(),
            country_iso3: Some("COD".into()),
            due_on: "2099-12-29".into(),
            language: Lang::Fr,
            ..Default::default()
        };
        let invited = invite(s, &mailer, "http://nmp.test", &editor, q.questionnaire_id, &who)
            .await
            .unwrap();
        assert_eq!(invited.invitation.language, "fr");
        assert_eq!(invited.mail.subject, format!("Invitation : {}", q.title));
        assert!(
            invited
                .mail
                .body
                .contains("Merci de répondre avant le 29 décembre 2099"),
            "{}",
            invited.mail.body
        );
        assert!(invited.mail.body.contains(&invited.link));

        // Dates as French speakers type them are read and kept as ISO 8601.
        let token = token_of(&invited.link);
        let opened = open(s, &token).await.unwrap();
        assert_eq!(opened.language(), Lang::Fr);
        // The default questionnaire speaks French and Spanish, kept with its revision.
        let created_on = opened
            .questions
            .iter()
            .find(|q| q.question_key == "created_on")
            .unwrap();
        let fr = |field| questionnaire::translated(created_on.translations_json.as_deref(), Lang::Fr, field);
        assert_eq!(
            fr("prompt").as_deref(),
            Some("Quand a-t-il été créé (décidé ou décrété) ?")
        );
        assert!(fr("help").unwrap().contains("5 mars 2012"));
        assert_eq!(
            questionnaire::translated(created_on.translations_json.as_deref(), Lang::En, "prompt"),
            None
        );
        let title =
            questionnaire::translated(opened.questionnaire.translations_json.as_deref(), Lang::Es, "title").unwrap();
        assert!(
            title.starts_with("Cuestionario sobre los mecanismos nacionales") && title.ends_with(')'),
            "{title}"
        );
        assert!(
            opened.questions.iter().all(|q| questionnaire::translated(
                q.translations_json.as_deref(),
                Lang::Es,
                "prompt"
            )
            .is_some()),
            "every question has its Spanish"
        );
        let mut answers: Answers = opened.answers.clone();
        answers.insert("name".into(), json!("Comité synthétique"));
        answers.insert("created_on".into(), json!("29/12/2018"));
        answers.insert("launched_on".into(), json!("1er janvier 2019"));
        let (after, errors) = save(s, &token, answers.clone(), false).await.unwrap();
        assert!(errors.is_empty(), "{}: {errors:?}", db.engine);
        assert_eq!(after.answers["created_on"], "2018-12-29");
        assert_eq!(after.answers["launched_on"], "2019-01-01");
        // A date that is none is refused in French, with an example.
        answers.insert("created_on".into(), json!("29 brumaire 2018"));
        let (_, errors) = save(s, &token, answers.clone(), false).await.unwrap();
        assert!(
            errors["created_on"].contains("n'est pas une date") && errors["created_on"].contains("29/12/2018"),
            "{errors:?}"
        );

        // Switched to English, the same numbers are ambiguous and both readings are offered;
        // the reminders follow the language chosen.
        let switched = set_language(s, &token, Lang::En).await.unwrap();
        assert_eq!(switched.invitation.language, "en");
        answers.insert("created_on".into(), json!("03/04/2018"));
        let (_, errors) = save(s, &token, answers.clone(), false).await.unwrap();
        let message = &errors["created_on"];
        assert!(
            message.contains("3 April 2018") && message.contains("4 March 2018"),
            "{message}"
        );
        set_language(s, &token, Lang::Es).await.unwrap();
        answers.insert("created_on".into(), json!("29 de diciembre de 2018"));
        answers.insert("name".into(), json!(""));
        let (after, errors) = save(s, &token, answers, true).await.unwrap();
        assert_eq!(after.answers["created_on"], "2018-12-29");
        assert_eq!(errors["name"], "responda a esta pregunta, por favor", "{errors:?}");
    }
}
