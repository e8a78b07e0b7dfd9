//! Reminders to raters, on SQLite and (when configured) PostgreSQL: a round of the starter
//! dataset's 2018 edition with NMP's default framework and one starter initiative, rated by two
//! synthetic accounts; only the rater with targets left is reminded, a dry run sends nothing, and
//! each mail sent is in the mail log.

use nmp_core::vocab::AccountRole;
use nmp_mail::{MailSettings, Mailer};
use nmp_store::entity::{framework, mail};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput};
use nmp_store::testing::engines;

#[tokio::test]
async fn only_raters_with_targets_left_are_reminded_and_each_mail_is_logged() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(MailSettings {
            from: "nmp@example.org".into(),
            smtp: None,
            outbox: dir.path().join("outbox"),
        })
        .unwrap();
        let mut raters = Vec::new();
        for who in ["rater-one", "rater-two"] {
            let a = s
                .create_account("system:test", &format!("{who}@example.org"), who, AccountRole::Student)
                .await
                .unwrap();
            raters.push(a.account_id);
        }
        let frameworks = s.all::<framework::Entity>().await.unwrap();
        let outcomes = frameworks
            .iter()
            .find(|f| f.slug == "nmp-outcomes")
            .expect("the default framework");
        let mut w = s.writer("system:test").await.unwrap();
        let round = NewRound {
            countries: Vec::new(),
            assessed_on: None,
            edition: "2018".into(),
            framework_id: outcomes.framework_id,
            title: "Synthetic round (test)".into(),
            due_on: "2099-01-31".into(),
            initiatives: vec!["usa-elie-wiesel-act".into()],
            raters: raters.clone(),
            ..Default::default()
        };
        let id = w.open_round(&round, None).await.unwrap();
        w.commit().await.unwrap();

        // Rater one submits; rater two is the only one with a target left.
        let view = s.round_view(id).await.unwrap().unwrap();
        let inputs: Vec<RatingInput> = view
            .framework
            .criteria
            .iter()
            .map(|c| RatingInput {
                trend: None,
                criterion_id: c.row.criterion_id,
                level_id: Some(c.levels[0].criterion_level_id),
                rationale: "Synthetic rationale (test data)".into(),
                evidence: vec![EvidenceInput {
                    source: "gpo-statute-132-5586".into(),
                    locator: Some("sec. 5".into()),
                    quote: None,
                }],
            })
            .collect();
        let mut w = s.writer("rater-one@example.org").await.unwrap();
        w.submit_ratings(view.targets[0].row.round_target_id, raters[0], &inputs)
            .await
            .unwrap();
        w.commit().await.unwrap();

        let due = nmp_collect::ratings::remind_raters(s, &mailer, "http://nmp.test", None, true)
            .await
            .unwrap();
        assert_eq!(due.len(), 1, "{}: {due:?}", db.engine);
        assert_eq!(
            (due[0].to.as_str(), due[0].left, due[0].status.clone()),
            ("rater-two@example.org", 1, None)
        );
        assert!(
            s.all::<mail::Entity>().await.unwrap().is_empty(),
            "a dry run sends nothing"
        );

        let sent = nmp_collect::ratings::remind_raters(s, &mailer, "http://nmp.test", Some(id), false)
            .await
            .unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].status.as_deref(), Some("outbox"));
        let log = s.all::<mail::Entity>().await.unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].kind, "rating_reminder");
        assert!(log[0].body.contains("Elie Wiesel") && log[0].body.contains(&format!("/staff/assessments/{id}")));
        db.finish().await;
    }
}
