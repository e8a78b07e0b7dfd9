//! Who is signed in, on public pages: the footer names the signed-in account and links the
//! workspace instead of offering to sign in, and a record's public page links its workspace form
//! for the roles that may change any record (administrators, editors, researchers), not for
//! students, reviewers, partners or visitors. Both engines; accounts are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{get, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::testing::engines;

#[tokio::test]
async fn the_footer_names_the_signed_in_account_and_editors_get_an_edit_link() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let m = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
        let edit = format!("href=\"/staff/records/mechanism/{}\"", m.mechanism_id);
        let page = "/mechanisms/ken-national-committee";

        let visitor = get(s, page, None).await.body;
        assert!(visitor.contains("<a href=\"/login\">Sign in</a>"), "{engine}");
        assert!(
            !visitor.contains("Signed in as") && !visitor.contains(&edit),
            "{engine}"
        );

        let researcher = staff(s, "researcher@example.org", AccountRole::Researcher).await;
        let seen = get(s, page, Some(&researcher)).await;
        assert_eq!(seen.status, StatusCode::OK);
        assert!(
            seen.body
                .contains("Signed in as <strong>Synthetic researcher</strong> (Researcher)"),
            "{engine}: {}",
            seen.body
        );
        assert!(!seen.body.contains("<a href=\"/login\">Sign in</a>"), "{engine}");
        assert!(seen.body.contains(&edit), "{engine}: the edit link");
        assert_eq!(
            get(
                s,
                &format!("/staff/records/mechanism/{}", m.mechanism_id),
                Some(&researcher)
            )
            .await
            .status,
            StatusCode::OK,
            "{engine}: the link leads to the form"
        );
        // In French, the footer and the edit link are French (issue 22).
        let fr = get(s, &format!("/fr{page}"), Some(&researcher)).await.body;
        assert!(
            fr.contains("Connecté en tant que <strong>Synthetic researcher</strong> (Chercheur)"),
            "{engine}: {fr}"
        );
        assert!(fr.contains("Modifier cet enregistrement"), "{engine}: {fr}");
        assert!(!fr.contains("Signed in as"), "{engine}");
        // Editions, initiatives and networks too; a list page has no record to edit.
        let e = get(s, "/editions/2017", Some(&researcher)).await.body;
        assert!(e.contains("href=\"/staff/records/edition/"), "{engine}");
        assert!(
            !get(s, "/mechanisms", Some(&researcher))
                .await
                .body
                .contains("Edit this record")
        );

        for role in [AccountRole::Student, AccountRole::Reviewer, AccountRole::Partner] {
            let who = staff(s, &format!("{}@example.org", role.code()), role).await;
            let body = get(s, page, Some(&who)).await.body;
            assert!(body.contains("Signed in as"), "{engine}: {role:?}");
            assert!(!body.contains(&edit), "{engine}: {role:?} gets no edit link");
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn the_site_has_an_icon() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    assert!(
        get(s, "/", None)
            .await
            .body
            .contains("<link rel=\"icon\" href=\"/favicon.svg\"")
    );
    for path in ["/favicon.svg", "/favicon.ico"] {
        let icon = get(s, path, None).await;
        assert_eq!(icon.status, StatusCode::OK, "{path}");
        assert!(icon.body.starts_with("<svg") && icon.body.contains("</svg>"), "{path}");
    }
    db.finish().await;
}
