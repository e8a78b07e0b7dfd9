//! Two-factor sign-in and the administrators' account changes, on both engines: RFC 6238's test
//! vectors, setting up and confirming a second factor, the sign-in's second step (replay refused,
//! recovery codes used once, a pending sign-in's expiry and attempt limit), the setting that
//! requires it, switching it off, an administrator's reset, and what reaches the audit log.
//! Accounts are synthetic test data.

use nmp_core::vocab::AccountRole;
use nmp_store::StoreError;
use nmp_store::auth::{
    AuthError, LinkProblem, LinkPurpose, MAX_CODE_ATTEMPTS, NewAccount, NextStep, RECOVERY_CODE_COUNT, TwoFactorPolicy,
    check_code, code_at,
};
use nmp_store::entity::{account, audit_event, login_attempt, pending_sign_in, two_factor};
use nmp_store::testing::{engines, run};
use nmp_store::{ColumnTrait, EntityTrait, QueryFilter, Store};
use sea_orm::sea_query::Expr;

const PASSWORD: &str = "correct horse battery staple";

/// "12345678901234567890", the RFC 6238 appendix B key for HMAC-SHA-1, in base32.
const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn unix_now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

async fn account_with_password(store: &Store, email: &str, role: AccountRole) -> account::Model {
    store
        .create_account("system:test", email, "Synthetic Person", role)
        .await
        .unwrap();
    let (_, token) = store
        .issue_link("system:test", email, LinkPurpose::SetPassword)
        .await
        .unwrap();
    store.set_password_with_link(&token, PASSWORD).await.unwrap()
}

/// Sets up and confirms a second factor for `account`: its secret and recovery codes.
async fn enable(store: &Store, account: &account::Model) -> (String, Vec<String>) {
    let enrolment = store.start_two_factor(account).await.unwrap();
    let code = code_at(&enrolment.secret, unix_now()).unwrap();
    let codes = store.confirm_two_factor(account, &code).await.unwrap();
    (enrolment.secret, codes)
}

/// Forgets the last accepted step, so that the current code is accepted again: the one way a
/// test can sign in twice within 30 seconds.
async fn forget_last_step(store: &Store, account_id: i32) {
    run(
        store,
        two_factor::Entity::update_many()
            .col_expr(two_factor::Column::LastUsedStep, Expr::value(Option::<i64>::None))
            .filter(two_factor::Column::AccountId.eq(account_id)),
    )
    .await;
}

async fn audit(store: &Store) -> Vec<audit_event::Model> {
    store.all::<audit_event::Entity>().await.unwrap()
}

#[test]
fn codes_match_the_rfc_6238_test_vectors() {
    // RFC 6238 appendix B, SHA-1: the eight-digit values, of which a six-digit code is the last
    // six digits (the same truncation modulo 10^6).
    for (time, eight) in [
        (59u64, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ] {
        let code = code_at(RFC_SECRET, time).unwrap();
        assert_eq!(code, eight[2..], "T = {time}");
        assert_eq!(check_code(RFC_SECRET, &code, time), Some(time / 30), "T = {time}");
    }
}

#[test]
fn a_code_is_right_one_step_either_side_and_no_further() {
    let t = 1_234_567_890u64;
    let code = code_at(RFC_SECRET, t).unwrap();
    let step = t / 30;
    assert_eq!(check_code(RFC_SECRET, &code, t + 30), Some(step));
    assert_eq!(check_code(RFC_SECRET, &code, t - 30), Some(step));
    assert_eq!(check_code(RFC_SECRET, &code, t + 60), None);
    assert_eq!(check_code(RFC_SECRET, &code, t - 60), None);
    assert_eq!(
        check_code(RFC_SECRET, &format!("{} {}", &code[..3], &code[3..]), t),
        Some(step)
    );
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    assert_eq!(check_code(RFC_SECRET, &wrong, t), None);
    assert_eq!(check_code(RFC_SECRET, "12345", t), None);
    assert_eq!(check_code(RFC_SECRET, "abcdef", t), None);
}

#[tokio::test]
async fn a_second_factor_is_confirmed_with_a_code_and_then_asked_for_at_sign_in() {
    for db in engines().await {
        let s = &db.store;
        let ana = account_with_password(s, "ana@example.org", AccountRole::Editor).await;
        assert!(!s.two_factor_enabled(ana.account_id).await.unwrap());
        let enrolment = s.start_two_factor(&ana).await.unwrap();
        assert_eq!(enrolment.secret.len(), 32);
        assert!(
            enrolment.uri.starts_with("otpauth://totp/NMP:ana%40example.org?"),
            "{}",
            enrolment.uri
        );
        assert!(enrolment.uri.contains(&format!("secret={}", enrolment.secret)));
        assert!(
            enrolment
                .qr_png_base64
                .as_deref()
                .is_some_and(|q| q.starts_with("iVBORw0KGgo"))
        );
        // Not on until confirmed; a wrong code confirms nothing.
        assert!(!s.two_factor_enabled(ana.account_id).await.unwrap());
        assert_eq!(
            s.next_step(&ana, &TwoFactorPolicy::off()).await.unwrap(),
            NextStep::Session
        );
        assert!(matches!(
            s.confirm_two_factor(&ana, "000000x").await,
            Err(AuthError::WrongCode)
        ));
        let shown = s.pending_enrolment(&ana).await.unwrap().unwrap();
        assert_eq!(shown.secret, enrolment.secret, "reloading shows the same key");
        let code = code_at(&enrolment.secret, unix_now()).unwrap();
        let codes = s.confirm_two_factor(&ana, &code).await.unwrap();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        assert!(s.two_factor_enabled(ana.account_id).await.unwrap());
        assert_eq!(s.recovery_codes_left(ana.account_id).await.unwrap(), 10);
        assert!(s.pending_enrolment(&ana).await.unwrap().is_none());
        assert!(matches!(s.start_two_factor(&ana).await, Err(AuthError::Refused(_))));
        assert_eq!(
            s.next_step(&ana, &TwoFactorPolicy::off()).await.unwrap(),
            NextStep::Code
        );

        // The second step: the code that confirmed the set-up was used, so it is refused now.
        let token = s.begin_second_step(&ana, "test").await.unwrap();
        assert_eq!(s.pending_sign_in(&token).await.unwrap().account_id, ana.account_id);
        assert!(matches!(
            s.finish_second_step(&token, &code, "test").await,
            Err(AuthError::CodeUsed)
        ));
        forget_last_step(s, ana.account_id).await;
        let signed = s.finish_second_step(&token, &code, "test").await.unwrap();
        assert_eq!(signed.account_id, ana.account_id);
        // The pending sign-in is over, and its token opens nothing.
        assert!(matches!(s.pending_sign_in(&token).await, Err(AuthError::SignInExpired)));
        assert!(matches!(
            s.finish_second_step(&token, &code, "test").await,
            Err(AuthError::SignInExpired)
        ));
        // A replay with a new pending sign-in: the same code is refused.
        let again = s.begin_second_step(&ana, "test").await.unwrap();
        assert!(matches!(
            s.finish_second_step(&again, &code, "test").await,
            Err(AuthError::CodeUsed)
        ));
        // The session knows the account has a second factor.
        let session = s.create_session(&signed, None, None).await.unwrap();
        assert!(s.session(&session.token).await.unwrap().unwrap().two_factor);
        // The refused codes are failed sign-in attempts; the right one a success.
        let attempts: Vec<_> = s
            .all::<login_attempt::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.email == "ana@example.org")
            .collect();
        let failed = attempts.iter().filter(|a| !a.succeeded).count();
        let succeeded = attempts.iter().filter(|a| a.succeeded).count();
        assert_eq!((failed, succeeded), (2, 1), "{attempts:?}");
        db.finish().await;
    }
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    for db in engines().await {
        let s = &db.store;
        let bo = account_with_password(s, "bo@example.org", AccountRole::Admin).await;
        let (secret, codes) = enable(s, &bo).await;
        let token = s.begin_second_step(&bo, "test").await.unwrap();
        // Typed in capitals, with spaces for dashes: the same code.
        let typed = codes[3].to_uppercase().replace('-', " ");
        assert_eq!(
            s.finish_second_step(&token, &typed, "test").await.unwrap().account_id,
            bo.account_id
        );
        assert_eq!(s.recovery_codes_left(bo.account_id).await.unwrap(), 9);
        let token = s.begin_second_step(&bo, "test").await.unwrap();
        assert!(matches!(
            s.finish_second_step(&token, &codes[3], "test").await,
            Err(AuthError::CodeUsed)
        ));
        assert!(matches!(
            s.finish_second_step(&token, "aaaa-bbbb-cccc-dddd", "test").await,
            Err(AuthError::WrongCode)
        ));
        assert_eq!(
            s.finish_second_step(&token, &codes[4], "test")
                .await
                .unwrap()
                .account_id,
            bo.account_id
        );
        assert_eq!(s.recovery_codes_left(bo.account_id).await.unwrap(), 8);
        // Each use is an audit event; no event carries a code or the secret.
        let events = audit(s).await;
        let uses: Vec<_> = events
            .iter()
            .filter(|e| e.entity == "recovery_code" && e.action == "use")
            .collect();
        assert_eq!(uses.len(), 2);
        assert!(
            uses[1]
                .after_json
                .as_deref()
                .unwrap()
                .contains("\"recovery_codes_left\":8")
        );
        let everything = format!("{events:?}").to_lowercase();
        assert!(!everything.contains(&secret.to_lowercase()));
        for code in &codes {
            assert!(!everything.contains(&code.replace('-', "")) && !everything.contains(code));
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn a_pending_sign_in_expires_and_ends_after_five_wrong_codes() {
    for db in engines().await {
        let s = &db.store;
        let cy = account_with_password(s, "cy@example.org", AccountRole::Researcher).await;
        let (secret, _) = enable(s, &cy).await;
        forget_last_step(s, cy.account_id).await;
        let right = code_at(&secret, unix_now()).unwrap();
        let wrong = format!("{:06}", (right.parse::<u32>().unwrap() + 500_000) % 1_000_000);

        // Past its five minutes, even the right code is refused.
        let token = s.begin_second_step(&cy, "test").await.unwrap();
        run(
            s,
            pending_sign_in::Entity::update_many().col_expr(
                pending_sign_in::Column::ExpiresAt,
                Expr::value(time::macros::datetime!(2000-01-01 00:00 UTC)),
            ),
        )
        .await;
        assert!(matches!(
            s.finish_second_step(&token, &right, "test").await,
            Err(AuthError::SignInExpired)
        ));

        // Four wrong codes are answered as wrong; the fifth ends the pending sign-in.
        let token = s.begin_second_step(&cy, "test").await.unwrap();
        for _ in 1..MAX_CODE_ATTEMPTS {
            assert!(matches!(
                s.finish_second_step(&token, &wrong, "test").await,
                Err(AuthError::WrongCode)
            ));
        }
        assert!(matches!(
            s.finish_second_step(&token, &wrong, "test").await,
            Err(AuthError::SignInExpired)
        ));
        assert!(matches!(
            s.finish_second_step(&token, &right, "test").await,
            Err(AuthError::SignInExpired)
        ));
        assert!(
            s.get::<pending_sign_in::Entity>(nmp_store::auth::token_hash(&token))
                .await
                .unwrap()
                .is_none(),
            "the ended pending sign-in is deleted"
        );
        // Five failed codes within 15 minutes: the second step is refused for now, and the
        // expired pending sign-in was removed when the last one began.
        assert!(matches!(
            s.begin_second_step(&cy, "test").await,
            Err(AuthError::Throttled { .. })
        ));
        assert!(s.all::<pending_sign_in::Entity>().await.unwrap().is_empty());
        db.finish().await;
    }
}

#[tokio::test]
async fn the_setting_sends_listed_roles_without_a_second_factor_to_set_one_up() {
    for db in engines().await {
        let s = &db.store;
        let required = TwoFactorPolicy::parse("require_two_factor", "true").unwrap();
        let editor = account_with_password(s, "ed@example.org", AccountRole::Editor).await;
        let admin = account_with_password(s, "ad@example.org", AccountRole::Admin).await;
        let researcher = account_with_password(s, "re@example.org", AccountRole::Researcher).await;
        assert_eq!(s.next_step(&editor, &required).await.unwrap(), NextStep::Enrol);
        assert_eq!(s.next_step(&admin, &required).await.unwrap(), NextStep::Enrol);
        assert_eq!(s.next_step(&researcher, &required).await.unwrap(), NextStep::Session);
        assert_eq!(
            s.next_step(&editor, &TwoFactorPolicy::off()).await.unwrap(),
            NextStep::Session
        );
        let listed = TwoFactorPolicy::parse("require_two_factor", "researcher").unwrap();
        assert_eq!(s.next_step(&researcher, &listed).await.unwrap(), NextStep::Enrol);
        assert_eq!(s.next_step(&editor, &listed).await.unwrap(), NextStep::Session);

        // A signed-in editor must set one up; once it is on, they may go on (and sign in with a
        // code whether or not the setting is on).
        let session = s.create_session(&editor, None, None).await.unwrap();
        let signed_in = s.session(&session.token).await.unwrap().unwrap();
        assert!(signed_in.must_enrol(&required));
        assert!(!signed_in.must_enrol(&TwoFactorPolicy::off()));
        enable(s, &editor).await;
        let signed_in = s.session(&session.token).await.unwrap().unwrap();
        assert!(!signed_in.must_enrol(&required));
        assert_eq!(s.next_step(&editor, &required).await.unwrap(), NextStep::Code);
        assert_eq!(
            s.next_step(&editor, &TwoFactorPolicy::off()).await.unwrap(),
            NextStep::Code
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn switching_off_needs_the_password_and_a_code_and_an_administrator_can_reset() {
    for db in engines().await {
        let s = &db.store;
        let di = account_with_password(s, "di@example.org", AccountRole::Student).await;
        let (secret, codes) = enable(s, &di).await;
        forget_last_step(s, di.account_id).await;
        let code = code_at(&secret, unix_now()).unwrap();
        assert!(matches!(
            s.disable_two_factor(di.account_id, "not the password", &code).await,
            Err(AuthError::WrongCurrentPassword)
        ));
        assert!(matches!(
            s.disable_two_factor(di.account_id, PASSWORD, "aaaa-bbbb-cccc-dddd")
                .await,
            Err(AuthError::WrongCode)
        ));
        assert!(s.two_factor_enabled(di.account_id).await.unwrap());
        // New recovery codes replace the old ones (a recovery code may stand for the app's code).
        let renewed = s.new_recovery_codes(&di, &codes[0]).await.unwrap();
        let token = s.begin_second_step(&di, "test").await.unwrap();
        assert!(matches!(
            s.finish_second_step(&token, &codes[1], "test").await,
            Err(AuthError::WrongCode)
        ));
        s.disable_two_factor(di.account_id, PASSWORD, &renewed[0])
            .await
            .unwrap();
        assert!(!s.two_factor_enabled(di.account_id).await.unwrap());
        assert_eq!(s.recovery_codes_left(di.account_id).await.unwrap(), 0);
        assert!(matches!(s.pending_sign_in(&token).await, Err(AuthError::SignInExpired)));
        assert!(matches!(
            s.disable_two_factor(di.account_id, PASSWORD, &renewed[1]).await,
            Err(AuthError::Refused(_))
        ));

        // On again, then lost: an administrator resets it.
        enable(s, &di).await;
        assert!(s.reset_two_factor("admin@example.org", di.account_id).await.unwrap());
        assert!(!s.two_factor_enabled(di.account_id).await.unwrap());
        assert!(s.two_factor(di.account_id).await.unwrap().is_none());
        assert!(!s.reset_two_factor("admin@example.org", di.account_id).await.unwrap());

        let events = audit(s).await;
        let actions: Vec<(&str, &str)> = events
            .iter()
            .filter(|e| e.entity == "two_factor" && e.action != "import" && e.action != "delete_many")
            .map(|e| (e.action.as_str(), e.actor.as_str()))
            .collect();
        assert_eq!(
            actions,
            [
                ("enable", "di@example.org"),
                ("disable", "di@example.org"),
                ("enable", "di@example.org"),
                ("reset", "admin@example.org"),
                ("reset", "admin@example.org"),
            ]
        );
        assert!(
            events
                .iter()
                .any(|e| e.entity == "recovery_code" && e.action == "renew")
        );
        let everything = format!("{events:?}");
        assert!(!everything.contains(&secret));
        db.finish().await;
    }
}

#[tokio::test]
async fn administrators_create_change_deactivate_and_reissue_links() {
    for db in engines().await {
        let s = &db.store;
        let admin = account_with_password(s, "admin@example.org", AccountRole::Admin).await;
        let new = NewAccount {
            email: " Eve@Example.org ".into(),
            name: "Eve Synthetic".into(),
            role: AccountRole::Researcher,
            organization_id: None,
        };
        let (eve, token) = s.add_account(&admin.email, &new).await.unwrap();
        assert_eq!(eve.email, "eve@example.org");
        assert_eq!(s.link_account(&token).await.unwrap().account_id, eve.account_id);
        // Nothing is written on bad input: a duplicate, a partner without organisation.
        match s.add_account(&admin.email, &new).await {
            Err(AuthError::Invalid(e)) => assert_eq!(e.field, "email"),
            other => panic!("{}: {other:?}", db.engine),
        }
        let partner = NewAccount {
            email: "pat@example.org".into(),
            name: "Pat".into(),
            role: AccountRole::Partner,
            organization_id: None,
        };
        match s.add_account(&admin.email, &partner).await {
            Err(AuthError::Invalid(e)) => assert_eq!(e.field, "organization_id"),
            other => panic!("{}: {other:?}", db.engine),
        }
        assert!(s.account_by_email("pat@example.org").await.unwrap().is_none());

        // Roles: a stale version is a conflict; administrators cannot demote themselves.
        let eve = s
            .change_role(&admin, eve.account_id, eve.version, AccountRole::Editor, None)
            .await
            .unwrap();
        assert_eq!(eve.role, "editor");
        assert!(matches!(
            s.change_role(&admin, eve.account_id, eve.version - 1, AccountRole::Student, None)
                .await,
            Err(AuthError::Store(StoreError::Conflict { .. }))
        ));
        assert!(matches!(
            s.change_role(&admin, admin.account_id, admin.version, AccountRole::Editor, None)
                .await,
            Err(AuthError::Refused(_))
        ));
        assert!(matches!(
            s.set_account_active(&admin, admin.account_id, admin.version, false)
                .await,
            Err(AuthError::Refused(_))
        ));

        // Deactivating ends sessions and links; a deactivated account gets no link.
        s.set_password_with_link(&token, PASSWORD).await.unwrap();
        let eve = s.verify_login("eve@example.org", PASSWORD, "test").await.unwrap();
        let session = s.create_session(&eve, None, None).await.unwrap();
        let (_, reset) = s
            .issue_link("system:test", "eve@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        let eve = s
            .set_account_active(&admin, eve.account_id, eve.version, false)
            .await
            .unwrap();
        assert!(!eve.active);
        assert!(s.session(&session.token).await.unwrap().is_none());
        assert!(matches!(
            s.link_account(&reset).await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        assert!(matches!(
            s.reissue_link(&admin.email, eve.account_id).await,
            Err(AuthError::Refused(_))
        ));
        let eve = s
            .set_account_active(&admin, eve.account_id, eve.version, true)
            .await
            .unwrap();
        let (_, first) = s.reissue_link(&admin.email, eve.account_id).await.unwrap();
        let (_, second) = s.reissue_link(&admin.email, eve.account_id).await.unwrap();
        assert!(matches!(
            s.link_account(&first).await,
            Err(AuthError::Link(LinkProblem::Expired))
        ));
        assert_eq!(s.link_account(&second).await.unwrap().account_id, eve.account_id);

        // The list: second factor and last sign-in.
        enable(s, &admin).await;
        let rows = s.account_rows().await.unwrap();
        let of = |email: &str| rows.iter().find(|r| r.account.email == email).unwrap();
        assert!(of("admin@example.org").two_factor);
        assert!(!of("eve@example.org").two_factor);
        assert!(of("eve@example.org").last_sign_in.is_some());
        assert!(of("admin@example.org").last_sign_in.is_none());
        assert!(matches!(
            s.change_role(&admin, 999_999, 1, AccountRole::Editor, None).await,
            Err(AuthError::Store(StoreError::NotFound { .. }))
        ));
        db.finish().await;
    }
}
