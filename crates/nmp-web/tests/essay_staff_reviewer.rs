//! A staff reviewer (issue 20), on SQLite and PostgreSQL: the editor asks a staff account to
//! review an essay; the request is mailed with the workspace's address (no personal link); the
//! reviewer finds it on their workspace's overview and under "Your essay reviews", reads the
//! essay (without its author's name: the call is double-anonymous) and submits the report once,
//! audited as themselves; another account is refused the page. The people, the edition and the
//! essay are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{account, audit_event, essay_review, mail};
use nmp_store::testing::engines;

#[tokio::test]
async fn a_staff_reviewer_reviews_in_the_workspace() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let reviewer = staff(s, "staff-reviewer@example.org", AccountRole::Reviewer).await;
        let stranger = staff(s, "researcher@example.org", AccountRole::Researcher).await;
        let editor_row = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let body = "Synthetic text to review, on a committee [@mechanism:arg-national-mechanism].\n";
        let (essay_id, _) = common::essays::submitted_essay(s, &editor_row, dir.path(), "staff-reviews", body).await;

        // The form offers staff accounts; a key that is not one is refused, naming the field.
        let page = get(s, &format!("/staff/essays/{essay_id}"), Some(&editor)).await.body;
        assert!(
            page.contains(&format!(
                "<option value=\"{}\">Synthetic reviewer (reviewer)</option>",
                reviewer.account_id
            )),
            "{engine}: {page}"
        );
        let actions = format!("/staff/essays/{essay_id}/reviewers");
        let bad = post(
            s,
            &actions,
            &editor,
            &[("reviewer_account_id", "x"), ("due_on", "2099-02-01")],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{engine}");
        assert!(bad.body.contains("is not a staff account"), "{engine}: {}", bad.body);

        let id = reviewer.account_id.to_string();
        let asked = post(
            s,
            &actions,
            &editor,
            &[("reviewer_account_id", id.as_str()), ("due_on", "2099-02-01")],
        )
        .await;
        assert_eq!(asked.status, StatusCode::OK, "{engine}: {}", asked.body);
        assert!(
            asked.body.contains("They review in their workspace"),
            "{engine}: {}",
            asked.body
        );
        let review = s
            .all::<essay_review::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.essay_id == essay_id)
            .expect("the review is recorded");
        assert_eq!(review.reviewer_account_id, Some(reviewer.account_id), "{engine}");
        assert_eq!(review.reviewer_email, "staff-reviewer@example.org");
        assert_eq!(
            review.token_hash, None,
            "{engine}: no personal link for a staff reviewer"
        );
        let path = format!("/staff/reviews/{}", review.review_id);
        let sent = s
            .all::<mail::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.kind == "essay-review")
            .expect("the request is mailed");
        assert_eq!(sent.to_address, "staff-reviewer@example.org");
        assert!(sent.body.contains(&format!("{path}\n")), "{engine}: {}", sent.body);
        assert!(sent.body.contains("Sign in to NMP"), "{engine}: {}", sent.body);
        assert!(!sent.body.contains("/essay-review/"), "{engine}");

        // The reviewer finds it on their overview and in their list, and reads the essay.
        let overview = get(s, "/staff", Some(&reviewer)).await.body;
        assert!(
            overview.contains("Essays to review") && overview.contains(&path),
            "{engine}: {overview}"
        );
        let list = get(s, "/staff/reviews", Some(&reviewer)).await;
        assert_eq!(list.status, StatusCode::OK, "{engine}");
        assert!(
            list.body
                .contains(&format!("<a href=\"{path}\">Prevention begins at home (synthetic)</a>")),
            "{engine}: {}",
            list.body
        );
        assert!(list.body.contains("waiting for your report"), "{engine}");
        let open = get(s, &path, Some(&reviewer)).await;
        assert_eq!(open.status, StatusCode::OK, "{engine}: {}", open.body);
        assert!(open.body.contains("Synthetic text to review"), "{engine}");
        assert!(
            !open.body.contains("Synthetic Author"),
            "{engine}: the call is double-anonymous"
        );

        // Another account is refused the review, and so is its report.
        let refused = get(s, &path, Some(&stranger)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{engine}");
        assert!(
            refused.body.contains("only they read and submit it here"),
            "{engine}: {}",
            refused.body
        );
        let version = review.version.to_string();
        let report = [
            ("version", version.as_str()),
            ("recommendation", "minor_revisions"),
            ("to_author", "Synthetic comments for the author."),
            ("to_editor", "Synthetic note for the editor."),
        ];
        let forged = post(s, &path, &stranger, &report).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "{engine}");
        let missing = get(s, "/staff/reviews/999999", Some(&reviewer)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{engine}");

        // A report without comments for the author is refused with what was typed kept.
        let empty = post(
            s,
            &path,
            &reviewer,
            &[("version", version.as_str()), ("recommendation", "accept")],
        )
        .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{engine}");
        // The report is taken once, audited as the reviewer.
        let taken = post(s, &path, &reviewer, &report).await;
        assert_eq!(taken.status, StatusCode::SEE_OTHER, "{engine}: {}", taken.body);
        assert_eq!(taken.location.as_deref(), Some(path.as_str()));
        let row = s.get::<essay_review::Entity>(review.review_id).await.unwrap().unwrap();
        assert_eq!(row.recommendation.as_deref(), Some("minor_revisions"), "{engine}");
        assert!(row.submitted_at.is_some());
        let actor = s
            .all::<audit_event::Entity>()
            .await
            .unwrap()
            .into_iter()
            .rev()
            .find(|e| e.entity == "essay_review")
            .unwrap()
            .actor;
        assert_eq!(actor, "reviewer:staff-reviewer@example.org", "{engine}");
        let again = post(s, &path, &reviewer, &report).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{engine}");
        let list = get(s, "/staff/reviews", Some(&reviewer)).await.body;
        assert!(list.contains("submitted"), "{engine}");
        let overview = get(s, "/staff", Some(&reviewer)).await.body;
        assert!(
            !overview.contains("Essays to review"),
            "{engine}: nothing waits on the reviewer"
        );

        // The editor reads the report on the essay's page.
        let page = get(s, &format!("/staff/essays/{essay_id}"), Some(&editor)).await.body;
        assert!(page.contains("Synthetic note for the editor."), "{engine}");
        db.finish().await;
    }
}
