//! Reminders for expert opinion essays (issue 20), on SQLite and (when configured) PostgreSQL: an
//! invited author due in three days is reminded once ("soon"), a reviewer past their due date
//! gets "overdue", a submitted review and a revoked author's link get nothing, a dry run sends and
//! writes nothing, and a second run on the same day sends nothing. The people, the edition and
//! the essay are synthetic test data.

use nmp_collect::essays::{
    Author, AuthorLine, Manuscript, NewCall, ReviewReport, Reviewer, assign_reviewer, invite_author, open_call,
    remind_essays, revoke_author_link, submit, submit_review,
};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, essay, essay_review, mail};
use nmp_store::testing::engines;
use time::{Duration, OffsetDateTime};

fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_string()
}

/// Today plus `days`, as `YYYY-MM-DD`.
fn day(days: i64) -> String {
    let d = (OffsetDateTime::now_utc() + Duration::days(days)).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

async fn ready(s: &Store, dir: &std::path::Path) -> (Mailer, account::Model, i32) {
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
    })
    .unwrap();
    let (editor, ed) =
        nmp_store::testing::essays_fixture(s, "test-reminders", "Test reminders edition (synthetic)").await;
    let call = open_call(
        s,
        &editor,
        &NewCall {
            edition_id: ed.edition_id,
            title: "Synthetic theme".into(),
            deadline: day(30),
            anonymity: "double".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    (mailer, editor, call.call_id)
}

fn manuscript() -> Manuscript {
    Manuscript {
        title: "A synthetic essay".into(),
        abstract_text: "A synthetic abstract for the test.".into(),
        keywords: "prevention".into(),
        authors: vec![AuthorLine {
            name: "Synthetic Writer".into(),
            affiliation: None,
            orcid: None,
        }],
        competing_interests: "None declared.".into(),
        licence_consent: true,
        body: "# Synthetic\n\nA synthetic paragraph.\n".into(),
        source_format: "markdown".into(),
    }
}

fn author(name: &str, email: &str, due_on: String) -> Author {
    Author {
        name: name.into(),
        email: email.into(),
        due_on,
        ..Default::default()
    }
}

fn reviewer(name: &str, email: &str, due_on: String) -> Reviewer {
    Reviewer {
        name: name.into(),
        email: email.into(),
        account_id: None,
        due_on,
    }
}

#[tokio::test]
async fn authors_and_reviewers_are_reminded_once_while_they_owe_something() {
    for db in engines().await {
        let s = &db.store;
        let dir = tempfile::tempdir().unwrap();
        let (mailer, editor, call) = ready(s, dir.path()).await;
        let base = "https://nmp.example.org";

        // An author due in three days; another whose link is revoked.
        let soon = invite_author(
            s,
            &mailer,
            base,
            &editor,
            call,
            &author("Synthetic Soon", "soon@example.org", day(3)),
        )
        .await
        .unwrap();
        let revoked = invite_author(
            s,
            &mailer,
            base,
            &editor,
            call,
            &author("Synthetic Gone", "gone@example.org", day(3)),
        )
        .await
        .unwrap();
        revoke_author_link(s, &editor, revoked.essay.essay_id).await.unwrap();

        // A submitted essay with a late reviewer and one who has reported (both due yesterday).
        let writer = invite_author(
            s,
            &mailer,
            base,
            &editor,
            call,
            &author("Synthetic Writer", "writer@example.org", day(30)),
        )
        .await
        .unwrap();
        let v1 = submit(s, &token_of(&writer.link), writer.essay.version, &manuscript())
            .await
            .unwrap();
        let late = assign_reviewer(
            s,
            &mailer,
            base,
            &editor,
            v1.essay_id,
            &reviewer("Synthetic Late", "late@example.org", day(-1)),
        )
        .await
        .unwrap();
        let done = assign_reviewer(
            s,
            &mailer,
            base,
            &editor,
            v1.essay_id,
            &reviewer("Synthetic Done", "done@example.org", day(-1)),
        )
        .await
        .unwrap();
        let report = ReviewReport {
            recommendation: "accept".into(),
            to_author: "Clear and sound (synthetic).".into(),
            to_editor: String::new(),
        };
        submit_review(s, &token_of(&done.link), done.review.version, &report)
            .await
            .unwrap();
        let mails_before = s.all::<mail::Entity>().await.unwrap().len();

        // A dry run lists them and sends and writes nothing.
        let listed = remind_essays(s, &mailer, true).await.unwrap();
        let who: Vec<_> = listed
            .iter()
            .map(|r| (r.who, r.to.as_str(), r.why, r.review_id))
            .collect();
        assert_eq!(
            who,
            vec![
                ("author", "soon@example.org", "soon", None),
                ("reviewer", "late@example.org", "overdue", Some(late.review.review_id)),
            ],
            "{}",
            db.engine
        );
        assert!(listed.iter().all(|r| r.status.is_none()));
        assert_eq!(s.all::<mail::Entity>().await.unwrap().len(), mails_before);
        let untouched = s.get::<essay::Entity>(soon.essay.essay_id).await.unwrap().unwrap();
        assert_eq!((untouched.reminders_sent, untouched.version), (0, soon.essay.version));
        assert!(untouched.last_reminder_at.is_none());

        // The real run mails both, records the mails and counts the reminders.
        let sent = remind_essays(s, &mailer, false).await.unwrap();
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert!(sent.iter().all(|r| r.status.as_deref() == Some("outbox")), "{sent:?}");
        let mails = s.all::<mail::Entity>().await.unwrap();
        let reminders: Vec<&mail::Model> = mails.iter().filter(|m| m.kind == "essay-reminder").collect();
        assert_eq!(
            reminders.iter().map(|m| m.to_address.as_str()).collect::<Vec<_>>(),
            ["soon@example.org", "late@example.org"]
        );
        let to_author = reminders[0];
        assert!(to_author.subject.starts_with("Reminder (due "), "{}", to_author.subject);
        assert!(to_author.body.contains("Dear Synthetic Soon"), "{}", to_author.body);
        assert!(
            to_author.body.contains("invitation we sent you on"),
            "{}",
            to_author.body
        );
        assert!(!to_author.body.contains(&token_of(&soon.link)), "no link in a reminder");
        let filed = std::fs::read_to_string(to_author.detail.as_deref().unwrap()).unwrap();
        assert!(filed.contains("soon@example.org"), "{filed}");
        let to_reviewer = reminders[1];
        assert!(
            to_reviewer.subject.contains("past the due date"),
            "{}",
            to_reviewer.subject
        );
        assert!(
            to_reviewer.subject.contains("A synthetic essay"),
            "{}",
            to_reviewer.subject
        );
        assert!(!to_reviewer.body.contains("Synthetic Writer"), "double-anonymous");
        assert!(
            !to_reviewer.body.contains(&token_of(&late.link)),
            "no link in a reminder"
        );

        let counted = s.get::<essay::Entity>(soon.essay.essay_id).await.unwrap().unwrap();
        assert_eq!(counted.reminders_sent, 1);
        assert!(counted.last_reminder_at.is_some());
        let counted = s
            .get::<essay_review::Entity>(late.review.review_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(counted.reminders_sent, 1);
        let other = s
            .get::<essay_review::Entity>(done.review.review_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(other.reminders_sent, 0);

        // Not twice on one day.
        assert!(remind_essays(s, &mailer, false).await.unwrap().is_empty());
        assert_eq!(s.all::<mail::Entity>().await.unwrap().len(), mails.len());
        assert!(s.verify_audit_chain().await.is_ok());
        db.finish().await;
    }
}
