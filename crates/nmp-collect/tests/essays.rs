//! An expert opinion essay from the call to the proofs, on the seeded starter dataset, on SQLite
//! and (when configured) PostgreSQL: invitation by link, a Markdown submission citing a starter
//! source and mechanism, a reviewer asking for minor revisions, a revision, acceptance, a
//! copyedit, proofs in the edition and their approval; and every refusal the issue names. The
//! people, the edition "Test essays edition" and the essay's text are synthetic test data.

use nmp_collect::CollectError;
use nmp_collect::essays::{
    Author, AuthorLine, Manuscript, NewCall, ReviewReport, Reviewer, answer_invitation, answer_proofs, assign_reviewer,
    copyedit, decide, invite_author, open_author_link, open_call, send_to_proofs, set_due, submit, submit_review,
};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, edition, edition_part};
use nmp_store::testing::engines;

fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_string()
}

async fn ready(s: &Store, dir: &std::path::Path) -> (Mailer, account::Model, edition::Model) {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
    })
    .unwrap();
    let (editor, ed) = nmp_store::testing::essays_fixture(s, "test-essays", "Test essays edition (synthetic)").await;
    (mailer, editor, ed)
}

fn manuscript(body: &str) -> Manuscript {
    Manuscript {
        title: "Prevention begins at home".into(),
        abstract_text: "A synthetic abstract for the test.".into(),
        keywords: "prevention, national mechanisms".into(),
        authors: vec![AuthorLine {
            name: "Synthetic Author".into(),
            affiliation: Some("Test University".into()),
            orcid: Some("https://orcid.org/0000-0002-1825-0097".into()),
        }],
        competing_interests: "None declared.".into(),
        licence_consent: true,
        body: body.into(),
        source_format: "markdown".into(),
    }
}

fn fields(e: CollectError) -> Vec<(String, String)> {
    match e {
        CollectError::Invalid(v) => v.into_iter().map(|e| (e.field.clone(), e.message.clone())).collect(),
        other => panic!("expected a validation error, got {other}"),
    }
}

const BODY: &str = "# Why it matters\n\nThe committee [@mechanism:arg-national-mechanism] met often.[^1] \
See also [@aipr-booklet-launch, p. 4].\n\n[^1]: A synthetic footnote.\n";

#[tokio::test]
async fn an_essay_goes_from_the_call_to_approved_proofs() {
    for db in engines().await {
        let s = &db.store;
        let dir = tempfile::tempdir().unwrap();
        let (mailer, editor, ed) = ready(s, dir.path()).await;
        let call = open_call(
            s,
            &editor,
            &NewCall {
                edition_id: ed.edition_id,
                title: "National mechanisms ten years on".into(),
                description: Some("Synthetic call.".into()),
                deadline: "2099-03-01".into(),
                guest_editor_id: None,
                anonymity: "double".into(),
            },
        )
        .await
        .unwrap();
        let invited = invite_author(
            s,
            &mailer,
            "https://nmp.example.org",
            &editor,
            call.call_id,
            &Author {
                name: "Synthetic Author".into(),
                email: "author@example.org".into(),
                due_on: "2099-02-01".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(invited.essay.stage, "invited");
        assert!(invited.mail.body.contains(&invited.link), "{}", invited.mail.body);
        assert!(invited.link.starts_with("https://nmp.example.org/essay/"));
        assert_ne!(
            invited.essay.token_hash,
            token_of(&invited.link),
            "only the hash is kept"
        );
        let token = token_of(&invited.link);
        assert!(matches!(
            open_author_link(s, "nope").await,
            Err(CollectError::Link(nmp_collect::LinkProblem::Unknown))
        ));

        let accepted = answer_invitation(s, &token, invited.essay.version, true, None)
            .await
            .unwrap();
        assert!(accepted.accepted_at.is_some());

        // Bad input: an unknown source and record, a bad ORCID check digit, no consent. Nothing
        // is written.
        let mut bad = manuscript("Text [@no-such-source] and [@mechanism:no-such-mechanism].\n");
        bad.authors[0].orcid = Some("0000-0002-1825-0098".into());
        bad.licence_consent = false;
        let problems = fields(submit(s, &token, accepted.version, &bad).await.unwrap_err());
        let text = format!("{problems:?}");
        assert!(text.contains("no-such-source"), "{text}");
        assert!(text.contains("no-such-mechanism"), "{text}");
        assert!(
            problems
                .iter()
                .any(|(f, m)| f == "author_1_orcid" && m.contains("check digit")),
            "{text}"
        );
        assert!(problems.iter().any(|(f, _)| f == "licence_consent"), "{text}");
        assert!(open_author_link(s, &token).await.unwrap().versions.is_empty());

        let v1 = submit(s, &token, accepted.version, &manuscript(BODY)).await.unwrap();
        assert_eq!((v1.number, v1.kind.as_str()), (1, "submission"));
        let refs = s.essay_references(v1.version_id).await.unwrap();
        let keys: Vec<(String, String)> = refs.iter().map(|r| (r.kind.clone(), r.key.clone())).collect();
        assert_eq!(
            keys,
            vec![
                ("mechanism".to_string(), "arg-national-mechanism".to_string()),
                ("source".to_string(), "aipr-booklet-launch".to_string())
            ]
        );
        assert_eq!(refs[1].locator.as_deref(), Some("p. 4"));
        let citing = s.essays_citing("mechanism", "arg-national-mechanism").await.unwrap();
        assert_eq!(citing.len(), 1);
        assert_eq!(citing[0].title, "Prevention begins at home");
        // The same form posted again (a second tab) is refused: the essay moved on.
        assert!(submit(s, &token, accepted.version, &manuscript(BODY)).await.is_err());

        let assigned = assign_reviewer(
            s,
            &mailer,
            "https://nmp.example.org",
            &editor,
            v1.essay_id,
            &Reviewer {
                name: "Synthetic Reviewer".into(),
                email: "reviewer@example.org".into(),
                account_id: None,
                due_on: "2099-02-15".into(),
            },
        )
        .await
        .unwrap();
        assert!(assigned.link.contains("/essay-review/"));
        let review_token = token_of(&assigned.link);
        let report = ReviewReport {
            recommendation: "minor_revisions".into(),
            to_author: "Please define the acronym.".into(),
            to_editor: "Sound.".into(),
        };
        let reviewed = submit_review(s, &review_token, assigned.review.version, &report)
            .await
            .unwrap();
        assert_eq!(reviewed.recommendation.as_deref(), Some("minor_revisions"));
        let twice = submit_review(s, &review_token, reviewed.version, &report)
            .await
            .unwrap_err();
        assert!(twice.to_string().contains("already submitted"), "{twice}");

        let decided = decide(
            s,
            &mailer,
            &editor,
            v1.essay_id,
            v1.version_id,
            "minor_revisions",
            "Dear author, please revise.",
        )
        .await
        .unwrap();
        assert_eq!(decided.essay.stage, "revisions");
        assert!(decided.mail.body.contains("please revise"));
        // The revisions are due 30 days from the decision; the editor can move the date, and a
        // date that is none is refused with the field named.
        let in_days = |n: i64| (time::OffsetDateTime::now_utc().date() + time::Duration::days(n)).to_string();
        assert_eq!(decided.essay.due_on, in_days(nmp_collect::essays::MINOR_REVISIONS_DAYS));
        let bad = set_due(s, &editor, v1.essay_id, "next month").await.unwrap_err();
        assert_eq!(fields(bad)[0].0, "due_on");
        let moved = set_due(s, &editor, v1.essay_id, &in_days(45)).await.unwrap();
        assert_eq!((moved.due_on.as_str(), moved.reminders_sent), (in_days(45).as_str(), 0));

        let file = open_author_link(s, &token).await.unwrap();
        let v2 = submit(
            s,
            &token,
            file.essay.version,
            &manuscript(&BODY.replace("met often", "met often (NPM: national prevention mechanism)")),
        )
        .await
        .unwrap();
        assert_eq!((v2.number, v2.kind.as_str()), (2, "revision"));

        // A decision on a version that is not the latest is refused.
        let stale = decide(s, &mailer, &editor, v1.essay_id, v1.version_id, "accept", "Accepted.")
            .await
            .unwrap_err();
        assert!(stale.to_string().contains("latest is version 2"), "{stale}");
        decide(s, &mailer, &editor, v1.essay_id, v2.version_id, "accept", "Accepted.")
            .await
            .unwrap();

        let v3 = copyedit(
            s,
            &editor,
            v1.essay_id,
            v2.version_id,
            &v2.title,
            &v2.abstract_text,
            &v2.body.replace("met often", "met regularly"),
        )
        .await
        .unwrap();
        assert_eq!((v3.number, v3.kind.as_str()), (3, "copyedit"));
        let (essay, mail) = send_to_proofs(s, &mailer, "https://nmp.example.org", &editor, v1.essay_id)
            .await
            .unwrap();
        assert_eq!(essay.stage, "proofs");
        assert_eq!(
            essay.due_on,
            in_days(nmp_collect::essays::PROOFS_DAYS),
            "proofs are due in two weeks"
        );
        assert!(mail.subject.contains("Prevention begins at home"));
        let part = s
            .get::<edition_part::Entity>(essay.edition_part_id.unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(part.kind, "essay");
        assert_eq!(part.edition_id, ed.edition_id);
        assert_eq!(part.part_key, "prevention-begins-at-home");
        assert_eq!(part.author.as_deref(), Some("Synthetic Author (Test University)"));
        assert!(part.body.as_deref().unwrap().contains("met regularly"));

        let asked = answer_proofs(s, &token, essay.version, false, "").await.unwrap_err();
        assert!(asked.to_string().contains("say what should change"), "{asked}");
        let ready = answer_proofs(s, &token, essay.version, true, "").await.unwrap();
        assert_eq!(ready.stage, "ready");
        assert!(ready.proofs_approved_at.is_some());
        let late = set_due(s, &editor, v1.essay_id, &in_days(3)).await.unwrap_err();
        assert!(
            late.to_string().contains("due date"),
            "nothing waits on the author now: {late}"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn declining_closes_the_essay_and_closed_stages_refuse_work() {
    for db in engines().await {
        let s = &db.store;
        let dir = tempfile::tempdir().unwrap();
        let (mailer, editor, ed) = ready(s, dir.path()).await;
        let bad_call = open_call(
            s,
            &editor,
            &NewCall {
                edition_id: ed.edition_id,
                title: " ".into(),
                deadline: "tomorrow".into(),
                anonymity: "triple".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
        let f: Vec<String> = fields(bad_call).into_iter().map(|(f, _)| f).collect();
        assert_eq!(f, vec!["title", "deadline", "anonymity"]);
        let call = open_call(
            s,
            &editor,
            &NewCall {
                edition_id: ed.edition_id,
                title: "Theme".into(),
                deadline: "2099-03-01".into(),
                anonymity: "single".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let invited = invite_author(
            s,
            &mailer,
            "http://localhost",
            &editor,
            call.call_id,
            &Author {
                name: "Synthetic Author".into(),
                email: "author@example.org".into(),
                due_on: "2099-02-01".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let token = token_of(&invited.link);
        let declined = answer_invitation(s, &token, invited.essay.version, false, Some("No time, sorry."))
            .await
            .unwrap();
        assert_eq!(declined.stage, "declined");
        assert_eq!(declined.declined_note.as_deref(), Some("No time, sorry."));
        let late = submit(s, &token, declined.version, &manuscript(BODY))
            .await
            .unwrap_err();
        assert!(late.to_string().contains("declined"), "{late}");
        db.finish().await;
    }
}
