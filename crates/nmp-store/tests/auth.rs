//! Accounts, one-time links, passwords, throttling and sessions, on both engines.

use nmp_core::vocab::AccountRole;
use nmp_store::auth::{AuthError, LinkProblem, LinkPurpose, token_hash};
use nmp_store::entity::{login_attempt, one_time_link, session};
use nmp_store::testing::{engines, failed_attempts, run, texts};
use sea_orm::EntityTrait;
use sea_orm::sea_query::Expr;

const PASSWORD: &str = "correct horse battery staple";

fn long_ago() -> time::OffsetDateTime {
    time::macros::datetime!(2000-01-01 00:00 UTC)
}

async fn account_with_password(store: &nmp_store::Store, email: &str, role: AccountRole) {
    store
        .create_account("system:test", email, "Test Person", role)
        .await
        .unwrap();
    let (_, token) = store
        .issue_link("system:test", email, LinkPurpose::SetPassword)
        .await
        .unwrap();
    store.set_password_with_link(&token, PASSWORD).await.unwrap();
}

#[tokio::test]
async fn a_link_sets_the_password_once_and_sign_in_works() {
    for db in engines().await {
        let s = &db.store;
        let account = s
            .create_account("system:test", " Ana@Example.org ", "Ana", AccountRole::Editor)
            .await
            .unwrap();
        assert_eq!(account.email, "ana@example.org");
        assert!(account.password_hash.is_none());
        let (_, token) = s
            .issue_link("system:test", "ana@example.org", LinkPurpose::SetPassword)
            .await
            .unwrap();
        assert_eq!(s.link_account(&token).await.unwrap().account_id, account.account_id);
        // Too short a password is refused and the link stays usable.
        match s.set_password_with_link(&token, "short").await {
            Err(AuthError::Invalid(e)) => assert_eq!(e.field, "password"),
            other => panic!("{}: {other:?}", db.engine),
        }
        s.set_password_with_link(&token, PASSWORD).await.unwrap();
        assert!(matches!(
            s.set_password_with_link(&token, PASSWORD).await,
            Err(AuthError::Link(LinkProblem::Used))
        ));
        assert!(matches!(
            s.link_account("not-a-token").await,
            Err(AuthError::Link(LinkProblem::Unknown))
        ));
        let signed_in = s.verify_login("ANA@example.org", PASSWORD, OWNER).await.unwrap();
        assert_eq!(signed_in.account_id, account.account_id);
        assert!(
            signed_in
                .password_hash
                .as_deref()
                .is_some_and(|h| h.starts_with("$argon2id$"))
        );

        // A changed password replaces the old one.
        s.change_password(account.account_id, PASSWORD, "another long password")
            .await
            .unwrap();
        assert!(matches!(
            s.change_password(account.account_id, PASSWORD, "yet another password")
                .await,
            Err(AuthError::WrongCurrentPassword)
        ));
        s.verify_login("ana@example.org", "another long password", OWNER)
            .await
            .unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn expired_links_are_refused() {
    for db in engines().await {
        let s = &db.store;
        s.create_account("system:test", "bo@example.org", "Bo", AccountRole::Student)
            .await
            .unwrap();
        let (_, token) = s
            .issue_link("system:test", "bo@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        run(
            s,
            one_time_link::Entity::update_many().col_expr(one_time_link::Column::ExpiresAt, Expr::value(long_ago())),
        )
        .await;
        assert!(matches!(
            s.set_password_with_link(&token, PASSWORD).await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        db.finish().await;
    }
}

const ATTACKER: &str = "198.51.100.66";
const OWNER: &str = "203.0.113.10";

#[tokio::test]
async fn unknown_email_and_wrong_password_are_the_same_error_and_a_guessing_pair_is_slowed() {
    for db in engines().await {
        let s = &db.store;
        account_with_password(s, "cy@example.org", AccountRole::Researcher).await;
        let unknown = s
            .verify_login("nobody@example.org", PASSWORD, ATTACKER)
            .await
            .unwrap_err();
        let wrong = s
            .verify_login("cy@example.org", "wrong password!", ATTACKER)
            .await
            .unwrap_err();
        assert!(matches!(unknown, AuthError::BadCredentials));
        assert!(matches!(wrong, AuthError::BadCredentials));
        assert_eq!(unknown.to_string(), wrong.to_string());
        // Eight failures for this pair: the next attempt waits 32 s after the last, even with the
        // right password, and says how long.
        failed_attempts(s, "cy@example.org", ATTACKER, 7).await;
        match s.verify_login("cy@example.org", PASSWORD, ATTACKER).await {
            Err(AuthError::Throttled { retry_after }) => {
                assert!((1..=32).contains(&retry_after), "{retry_after}");
            }
            other => panic!("expected a wait, got {other:?}"),
        }
        // The refused attempt is logged as throttled, with the client, and is not a failure.
        let log = s.sign_in_log(10).await.unwrap();
        assert!(log[0].throttled && log[0].client == ATTACKER && log[0].email == "cy@example.org");
        assert_eq!(s.pair_failures("cy@example.org", ATTACKER).await.unwrap().count, 8);
        // Once the failures are older than the window, the pair may try again.
        run(
            s,
            login_attempt::Entity::update_many().col_expr(login_attempt::Column::AttemptedAt, Expr::value(long_ago())),
        )
        .await;
        assert!(s.verify_login("cy@example.org", PASSWORD, ATTACKER).await.is_ok());
        db.finish().await;
    }
}

#[tokio::test]
async fn an_attacker_cannot_lock_the_owner_of_an_account_out() {
    for db in engines().await {
        let s = &db.store;
        account_with_password(s, "cy@example.org", AccountRole::Editor).await;
        failed_attempts(s, "cy@example.org", ATTACKER, 12).await;
        assert!(matches!(
            s.verify_login("cy@example.org", PASSWORD, ATTACKER).await,
            Err(AuthError::Throttled { .. })
        ));
        // The editor, from their own connection, signs in at once.
        let signed_in = s.verify_login("cy@example.org", PASSWORD, OWNER).await.unwrap();
        assert_eq!(signed_in.email, "cy@example.org");
        db.finish().await;
    }
}

#[tokio::test]
async fn one_client_spraying_a_password_over_many_accounts_is_slowed() {
    for db in engines().await {
        let s = &db.store;
        account_with_password(s, "di@example.org", AccountRole::Researcher).await;
        // One failure each for twelve different emails: no pair is slowed, but the client is.
        for n in 0..12 {
            failed_attempts(s, &format!("person{n}@example.org"), ATTACKER, 1).await;
        }
        assert!(matches!(
            s.verify_login("di@example.org", PASSWORD, ATTACKER).await,
            Err(AuthError::Throttled { .. })
        ));
        assert_eq!(s.client_failures(ATTACKER).await.unwrap().count, 12);
        // Anyone else is not.
        assert!(s.verify_login("di@example.org", PASSWORD, OWNER).await.is_ok());
        db.finish().await;
    }
}

#[tokio::test]
async fn sessions_are_stored_hashed_rotated_and_deleted() {
    for db in engines().await {
        let s = &db.store;
        account_with_password(s, "di@example.org", AccountRole::Admin).await;
        let account = s.verify_login("di@example.org", PASSWORD, OWNER).await.unwrap();
        let first = s.create_session(&account, Some("test-agent"), None).await.unwrap();
        let found = s.session(&first.token).await.unwrap().unwrap();
        assert_eq!(found.account.account_id, account.account_id);
        assert_eq!(found.role, AccountRole::Admin);
        assert_eq!(found.csrf_token, first.csrf_token);

        let ids = texts(s, "SELECT session_id FROM session").await;
        assert_eq!(ids, vec![token_hash(&first.token)], "{}", db.engine);
        assert!(!ids.contains(&first.token));

        // Signing in again replaces the browser's session.
        let second = s.create_session(&account, None, Some(&first.token)).await.unwrap();
        assert_ne!(first.token, second.token);
        assert!(s.session(&first.token).await.unwrap().is_none());
        assert!(s.session(&second.token).await.unwrap().is_some());

        s.delete_session(&second.token).await.unwrap();
        assert!(s.session(&second.token).await.unwrap().is_none());
        assert!(texts(s, "SELECT session_id FROM session").await.is_empty());

        // Expired sessions are not accepted.
        let third = s.create_session(&account, None, None).await.unwrap();
        run(
            s,
            session::Entity::update_many().col_expr(session::Column::ExpiresAt, Expr::value(long_ago())),
        )
        .await;
        assert!(s.session(&third.token).await.unwrap().is_none());
        db.finish().await;
    }
}

#[tokio::test]
async fn the_audit_log_holds_no_password_hash_and_no_token() {
    for db in engines().await {
        let s = &db.store;
        s.create_account("system:test", "ed@example.org", "Ed", AccountRole::Reviewer)
            .await
            .unwrap();
        let (_, link) = s
            .issue_link("system:test", "ed@example.org", LinkPurpose::SetPassword)
            .await
            .unwrap();
        s.set_password_with_link(&link, PASSWORD).await.unwrap();
        let account = s.verify_login("ed@example.org", PASSWORD, OWNER).await.unwrap();
        let session = s.create_session(&account, None, None).await.unwrap();
        s.change_password(account.account_id, PASSWORD, "a different long password")
            .await
            .unwrap();
        s.delete_session(&session.token).await.unwrap();

        let json = texts(
            s,
            "SELECT COALESCE(before_json, '') || ' ' || COALESCE(after_json, '') FROM audit_event",
        )
        .await;
        assert!(json.len() >= 6, "{}: {json:?}", db.engine);
        let all = json.join("\n");
        assert!(!all.contains("argon2"), "{}: {all}", db.engine);
        assert!(!all.contains("password_hash"), "{}: {all}", db.engine);
        for secret in [&link, &session.token, &session.csrf_token, &token_hash(&session.token)] {
            assert!(
                !all.contains(secret.as_str()),
                "{}: audit log contains a secret",
                db.engine
            );
        }
        assert!(
            all.contains("\"role\":\"reviewer\""),
            "account rows are still audited: {all}"
        );
        assert_eq!(s.verify_audit_chain().await.unwrap().events as usize, json.len());
        db.finish().await;
    }
}

#[tokio::test]
async fn duplicate_emails_and_bad_input_name_the_field() {
    for db in engines().await {
        let s = &db.store;
        s.create_account("system:test", "fa@example.org", "Fa", AccountRole::Partner)
            .await
            .unwrap();
        for (email, name, field) in [
            ("FA@example.org", "Fa again", "email"),
            ("not an email", "X", "email"),
            ("gi@example.org", "  ", "name"),
        ] {
            match s.create_account("system:test", email, name, AccountRole::Partner).await {
                Err(AuthError::Invalid(e)) => assert_eq!(e.field, field, "{email}"),
                other => panic!("{email}: {other:?}"),
            }
        }
        match s
            .issue_link("system:test", "nobody@example.org", LinkPurpose::ResetPassword)
            .await
        {
            Err(AuthError::Invalid(e)) => assert_eq!(e.field, "email"),
            other => panic!("{other:?}"),
        }
        assert_eq!(s.accounts().await.unwrap().len(), 1);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_newer_link_a_new_password_or_a_sign_in_ends_the_older_links() {
    for db in engines().await {
        let s = &db.store;
        let account = s
            .create_account("system:test", "cy@example.org", "Cy", AccountRole::Researcher)
            .await
            .unwrap();
        // Two resets: only the newer link works.
        let (_, first) = s
            .issue_link("system:test", "cy@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        let (_, second) = s
            .issue_link("system:test", "cy@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        assert!(
            matches!(
                s.set_password_with_link(&first, PASSWORD).await,
                Err(AuthError::Link(LinkProblem::Expired))
            ),
            "{}",
            db.engine
        );
        // A link of the other purpose is a different link: a reset does not end it, setting the
        // password does.
        let (_, set) = s
            .issue_link("system:test", "cy@example.org", LinkPurpose::SetPassword)
            .await
            .unwrap();
        assert_eq!(s.link_account(&second).await.unwrap().account_id, account.account_id);
        s.set_password_with_link(&second, PASSWORD).await.unwrap();
        assert!(matches!(
            s.link_account(&set).await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        // A link requested (say, from the web form) before signing in ends with the sign-in.
        let (_, requested) = s
            .issue_link("system:test", "cy@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        let signed_in = s.verify_login("cy@example.org", PASSWORD, OWNER).await.unwrap();
        s.create_session(&signed_in, None, None).await.unwrap();
        assert!(matches!(
            s.set_password_with_link(&requested, "a password nobody asked for")
                .await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        // And one issued before a password change ends with the change.
        let (_, before_change) = s
            .issue_link("system:test", "cy@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        s.change_password(account.account_id, PASSWORD, "another long password")
            .await
            .unwrap();
        assert!(matches!(
            s.link_account(&before_change).await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        s.verify_login("cy@example.org", "another long password", OWNER)
            .await
            .unwrap();
        // The audit chain still verifies with the expiry events in it.
        assert!(s.verify_audit_chain().await.unwrap().events > 0, "{}", db.engine);
        db.finish().await;
    }
}
