//! A call's guest editor acts on that call alone (issue 20): an editor opens call A naming a
//! researcher as its guest editor (a key that is no staff account, or a deactivated account's, is
//! refused, naming the field)
//! and call B without one; the researcher finds call A on their overview, sees the board with
//! call A only, invites an author, assigns a reviewer and decides on the essay, each audited as
//! them; they are refused (403, saying why) on call B and its essay, on opening a call and on
//! publishing; another researcher is refused the board; the editor still does everything. On
//! SQLite and (when configured) PostgreSQL; people, the edition and the text are synthetic.

mod common;

use axum::http::StatusCode;
use common::{Answer, get, post, staff};
use nmp_collect::essays::{Manuscript, answer_invitation, submit};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::entity::{account, audit_event};
use nmp_store::testing::engines;

/// The personal link a page shows once (`<code class="link" id="new-link">`).
fn new_link(page: &Answer) -> String {
    let marker = "id=\"new-link\">";
    let start = page.body.find(marker).expect("the page shows the new link") + marker.len();
    let rest = &page.body[start..];
    rest[..rest.find("</code>").unwrap()].to_string()
}

/// Who wrote the audit events of `entity` (a table), in order.
async fn actors(s: &Store, entity: &str) -> Vec<String> {
    s.all::<audit_event::Entity>()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == entity)
        .map(|e| e.actor)
        .collect()
}

/// The author behind `link` accepts (the essay at `version`) and submits a synthetic manuscript.
async fn author_submits(s: &Store, link: &str, version: i32) {
    let token = link.rsplit('/').next().unwrap();
    let accepted = answer_invitation(s, token, version, true, None).await.unwrap();
    let manuscript = Manuscript {
        title: "Prevention in practice (synthetic)".into(),
        ..common::essays::manuscript("A synthetic text about prevention.\n")
    };
    submit(s, token, accepted.version, &manuscript).await.unwrap();
}

#[tokio::test]
async fn a_guest_editor_acts_on_the_essays_of_their_call_and_nothing_else() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let guest = staff(s, "guest@example.org", AccountRole::Researcher).await;
        let bystander = staff(s, "bystander@example.org", AccountRole::Researcher).await;
        let ed = nmp_store::testing::synthetic_edition(s, "guest-essays", "Guest essays edition (synthetic)").await;
        let board = "/staff/editions/guest-essays/essays";
        let open = format!("{board}/calls");

        // A guest editor who is no staff account, not a key at all, or a deactivated account:
        // refused, naming the field; the form offers active accounts only.
        let editor_row = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
        let former = s
            .create_account(
                "system:test",
                "former@example.org",
                "Former Guest",
                AccountRole::Student,
            )
            .await
            .unwrap();
        s.set_account_active(&editor_row, former.account_id, former.version, false)
            .await
            .unwrap();
        let page = get(s, board, Some(&editor)).await;
        assert!(page.body.contains("Synthetic researcher (researcher)"), "{engine}");
        assert!(!page.body.contains("Former Guest"), "{engine}");
        let former_id = former.account_id.to_string();
        for (bad, says) in [
            ("987654", "no staff account has the key 987654"),
            ("someone", "is not a staff account&#39;s key"),
            (former_id.as_str(), "the account of former@example.org is deactivated"),
        ] {
            let refused = post(
                s,
                &open,
                &editor,
                &[
                    ("title", "Refused call (synthetic)"),
                    ("deadline", "2099-03-01"),
                    ("anonymity", "double"),
                    ("guest_editor_id", bad),
                ],
            )
            .await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{engine}: {}",
                refused.body
            );
            assert!(refused.body.contains("guest_editor_id"), "{engine}: {}", refused.body);
            assert!(refused.body.contains(says), "{engine}: {}", refused.body);
            // The form keeps what was typed.
            assert!(refused.body.contains("Refused call (synthetic)"), "{engine}");
        }
        assert!(s.essay_calls(ed.edition_id).await.unwrap().is_empty(), "{engine}");

        // Call A names the researcher as its guest editor; call B has none.
        let guest_id = guest.account_id.to_string();
        for (title, g) in [("Call A (synthetic)", guest_id.as_str()), ("Call B (synthetic)", "")] {
            let opened = post(
                s,
                &open,
                &editor,
                &[
                    ("title", title),
                    ("deadline", "2099-03-01"),
                    ("anonymity", "double"),
                    ("guest_editor_id", g),
                ],
            )
            .await;
            assert_eq!(opened.status, StatusCode::SEE_OTHER, "{engine}: {}", opened.body);
        }
        let calls = s.essay_calls(ed.edition_id).await.unwrap();
        let (a, b) = (&calls[0], &calls[1]);
        assert_eq!(a.guest_editor_id, Some(guest.account_id), "{engine}");
        assert_eq!(b.guest_editor_id, None, "{engine}");
        let page = get(s, board, Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}");
        assert!(
            page.body.contains("Guest editor: Synthetic researcher (researcher)"),
            "{engine}"
        );
        assert!(page.body.contains("No guest editor"), "{engine}");
        assert!(page.body.contains("name=\"guest_editor_id\""), "{engine}");

        // The guest editor finds the call on their overview and sees the board with call A only.
        let home = get(s, "/staff", Some(&guest)).await;
        assert!(home.body.contains("Essay calls you edit as guest editor"), "{engine}");
        assert!(
            home.body.contains(&format!("href=\"{board}\">Call A (synthetic)</a>")),
            "{engine}: {}",
            home.body
        );
        assert!(!home.body.contains("Call B (synthetic)"), "{engine}");
        let page = get(s, board, Some(&guest)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}: {}", page.body);
        assert!(page.body.contains("Call A (synthetic)"), "{engine}");
        assert!(!page.body.contains("Call B (synthetic)"), "{engine}");
        assert!(!page.body.contains("Open a call"), "{engine}");

        // They invite an author to call A (audited as them); the editor invites one to call B.
        let invite = |email: &'static str| {
            [
                ("author_name", "Synthetic Author"),
                ("author_email", email),
                ("due_on", "2099-02-01"),
                ("language", "en"),
            ]
        };
        let invited = post(
            s,
            &format!("/staff/essay-calls/{}/invite", a.call_id),
            &guest,
            &invite("author-a@example.org"),
        )
        .await;
        assert_eq!(invited.status, StatusCode::OK, "{engine}: {}", invited.body);
        let link_a = new_link(&invited);
        let to_b = format!("/staff/essay-calls/{}/invite", b.call_id);
        let refused = post(s, &to_b, &guest, &invite("author-b@example.org")).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{engine}");
        assert!(
            refused.body.contains("not its guest editor"),
            "{engine}: {}",
            refused.body
        );
        let invited = post(s, &to_b, &editor, &invite("author-b@example.org")).await;
        assert_eq!(invited.status, StatusCode::OK, "{engine}: {}", invited.body);
        let essays = s.essays_of_edition(ed.edition_id).await.unwrap();
        assert_eq!(essays.len(), 2, "{engine}");
        let (essay_a, essay_b) = (essays[0].essay_id, essays[1].essay_id);
        assert_eq!(essays[0].call_id, a.call_id, "{engine}");
        assert_eq!(actors(s, "essay").await[0], "guest@example.org", "{engine}");
        author_submits(s, &link_a, essays[0].version).await;
        let page = get(s, board, Some(&guest)).await;
        assert!(
            page.body.contains(&format!("href=\"/staff/essays/{essay_a}\"")),
            "{engine}"
        );
        assert!(
            !page.body.contains(&format!("href=\"/staff/essays/{essay_b}\"")),
            "{engine}"
        );

        // On the essay of call A, the guest editor assigns a reviewer and decides.
        let page = get(s, &format!("/staff/essays/{essay_a}"), Some(&guest)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}: {}", page.body);
        let asked = post(
            s,
            &format!("/staff/essays/{essay_a}/reviewers"),
            &guest,
            &[
                ("reviewer_name", "Synthetic Reviewer"),
                ("reviewer_email", "reviewer@example.org"),
                ("due_on", "2099-02-15"),
            ],
        )
        .await;
        assert_eq!(asked.status, StatusCode::OK, "{engine}: {}", asked.body);
        assert!(asked.body.contains("is asked to review"), "{engine}");
        let file = s.essay_file(essay_a).await.unwrap().unwrap();
        assert_eq!(file.reviews.len(), 1, "{engine}");
        assert_eq!(file.essay.stage, "in_review", "{engine}");
        assert_eq!(actors(s, "essay_review").await, ["guest@example.org"], "{engine}");
        let version = file.latest().unwrap().version_id.to_string();
        let decided = post(
            s,
            &format!("/staff/essays/{essay_a}/decide"),
            &guest,
            &[
                ("version_id", &version),
                ("decision", "minor_revisions"),
                ("letter", "Dear author, please revise (synthetic letter)."),
            ],
        )
        .await;
        assert_eq!(decided.status, StatusCode::OK, "{engine}: {}", decided.body);
        let file = s.essay_file(essay_a).await.unwrap().unwrap();
        assert_eq!(file.decisions.len(), 1, "{engine}");
        assert_eq!(file.essay.stage, "revisions", "{engine}");
        assert_eq!(actors(s, "essay_decision").await, ["guest@example.org"], "{engine}");

        // The essay of call B, opening a call and publishing are refused, and nothing changes.
        let due_b = s.essay_file(essay_b).await.unwrap().unwrap().essay.due_on;
        let page = get(s, &format!("/staff/essays/{essay_b}"), Some(&guest)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{engine}");
        assert!(page.body.contains("Call B (synthetic)"), "{engine}: {}", page.body);
        for action in ["due", "revoke", "reviewers"] {
            let refused = post(
                s,
                &format!("/staff/essays/{essay_b}/{action}"),
                &guest,
                &[("due_on", "2099-12-31")],
            )
            .await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{engine} {action}");
        }
        let file_b = s.essay_file(essay_b).await.unwrap().unwrap();
        assert_eq!(file_b.essay.due_on, due_b, "{engine}");
        assert!(file_b.essay.revoked_at.is_none(), "{engine}");
        let refused = post(
            s,
            &open,
            &guest,
            &[
                ("title", "Call C (synthetic)"),
                ("deadline", "2099-03-01"),
                ("anonymity", "double"),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{engine}");
        assert_eq!(s.essay_calls(ed.edition_id).await.unwrap().len(), 2, "{engine}");
        let refused = post(s, "/staff/editions/guest-essays/publish", &guest, &[("confirm", "yes")]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{engine}");

        // Someone who edits no call of the edition is refused its board, and its essays.
        let page = get(s, board, Some(&bystander)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{engine}");
        assert!(page.body.contains("guest editor of none"), "{engine}: {}", page.body);
        let page = get(s, &format!("/staff/essays/{essay_a}"), Some(&bystander)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{engine}");

        // The editor still handles both calls.
        let page = get(s, board, Some(&editor)).await;
        assert!(
            page.body.contains("Call A (synthetic)") && page.body.contains("Call B (synthetic)"),
            "{engine}"
        );
        let page = get(s, &format!("/staff/essays/{essay_a}"), Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}");
        let moved = post(
            s,
            &format!("/staff/essays/{essay_b}/due"),
            &editor,
            &[("due_on", "2099-04-30")],
        )
        .await;
        assert_eq!(moved.status, StatusCode::OK, "{engine}: {}", moved.body);
        let file_b = s.essay_file(essay_b).await.unwrap().unwrap();
        assert_eq!(file_b.essay.due_on, "2099-04-30", "{engine}");
        assert_eq!(
            actors(s, "essay").await.last().unwrap(),
            "editor@example.org",
            "{engine}"
        );
        db.finish().await;
    }
}
