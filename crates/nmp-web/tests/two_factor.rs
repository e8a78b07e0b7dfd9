//! Two-factor sign-in and the administrators' account pages over HTTP, on SQLite and (when
//! configured) PostgreSQL: setting up a second factor, the whole sign-in with a code (a wrong code,
//! a recovery code, a pending sign-in that is not a session), the setting that sends editors to set
//! one up first, and `/staff/accounts` for an administrator and for an editor. Accounts are
//! synthetic test data.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Answer, PASSWORD, staff};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::auth::{LinkPurpose, TwoFactorPolicy, code_at};
use nmp_store::entity::{audit_event, login_attempt, two_factor};
use nmp_store::testing::{engines, run};
use nmp_store::{ColumnTrait, EntityTrait, QueryFilter};
use sea_orm::sea_query::Expr;
use tower::ServiceExt;

/// A browser: keeps the cookies the server sets, and sends them back.
struct Browser {
    store: Store,
    policy: TwoFactorPolicy,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new(store: &Store, policy: TwoFactorPolicy) -> Browser {
        Browser {
            store: store.clone(),
            policy,
            cookies: BTreeMap::new(),
        }
    }

    async fn send(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        let state = common::state(&self.store).with_two_factor(self.policy.clone());
        let app = nmp_web::router(state);
        let mut request = Request::builder().method(method).uri(path);
        if !self.cookies.is_empty() {
            let cookie: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(header::COOKIE, cookie.join("; "));
        }
        let body = if method == "GET" {
            Body::empty()
        } else {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(serde_urlencoded::to_string(form).unwrap())
        };
        let response = app.oneshot(request.body(body).unwrap()).await.unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_string());
        let set_cookies: Vec<String> = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        for c in &set_cookies {
            let pair = c.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            location,
            set_cookies,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&mut self, path: &str) -> Answer {
        self.send("GET", path, &[]).await
    }

    /// POSTs `form` with the CSRF token of the form on `page`.
    async fn post_from(&mut self, page: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        let csrf = self.get(page).await.csrf();
        let mut fields = vec![("csrf", csrf.as_str())];
        fields.extend_from_slice(form);
        self.send("POST", path, &fields).await
    }

    async fn sign_in(&mut self, email: &str, password: &str) -> Answer {
        self.post_from("/login", "/login", &[("email", email), ("password", password)])
            .await
    }

    fn has(&self, cookie: &str) -> bool {
        self.cookies.contains_key(cookie)
    }
}

fn unix_now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

/// The text of the first `<code>` after `marker`.
fn code_after(body: &str, marker: &str) -> String {
    let rest = &body[body.find(marker).unwrap_or_else(|| panic!("no {marker:?} in {body}"))..];
    let start = rest.find("<code>").unwrap() + 6;
    rest[start..start + rest[start..].find("</code>").unwrap()].to_string()
}

/// Every `<li><code>...</code></li>` of a page (the recovery codes).
fn listed_codes(body: &str) -> Vec<String> {
    body.split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find("</code>").unwrap()].to_string())
        .collect()
}

/// Forgets the last accepted time step, so that the current code is accepted again (a test signs
/// in twice within 30 seconds).
async fn forget_last_step(store: &Store, account_id: i32) {
    run(
        store,
        two_factor::Entity::update_many()
            .col_expr(two_factor::Column::LastUsedStep, Expr::value(Option::<i64>::None))
            .filter(two_factor::Column::AccountId.eq(account_id)),
    )
    .await;
}

/// An account with a password (set through its link).
async fn account(store: &Store, email: &str, role: AccountRole) -> i32 {
    let a = store
        .create_account("system:test", email, "Synthetic Person", role)
        .await
        .unwrap();
    let (_, token) = store
        .issue_link("system:test", email, LinkPurpose::SetPassword)
        .await
        .unwrap();
    store.set_password_with_link(&token, PASSWORD).await.unwrap();
    a.account_id
}

#[tokio::test]
async fn setting_up_a_second_factor_then_signing_in_with_a_code() {
    for db in engines().await {
        let s = &db.store;
        let id = account(s, "ana@example.org", AccountRole::Researcher).await;
        let mut b = Browser::new(s, TwoFactorPolicy::off());
        let signed = b.sign_in("ana@example.org", PASSWORD).await;
        assert_eq!(signed.location.as_deref(), Some("/staff"), "{}", signed.body);

        // Set up: the page shows a QR code and the key; a wrong code switches nothing on.
        let off = b.get("/account/two-factor").await;
        assert_eq!(off.status, StatusCode::OK);
        assert!(off.body.contains("Two-factor sign-in is <strong>off</strong>"));
        let started = b
            .post_from("/account/two-factor", "/account/two-factor/start", &[])
            .await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
        let setup = b.get("/account/two-factor").await;
        assert!(
            setup.body.contains("src=\"data:image/png;base64,iVBORw0KGgo"),
            "{}",
            setup.body
        );
        assert!(setup.body.contains("otpauth://totp/NMP:ana%40example.org?"));
        let secret = code_after(&setup.body, "Key (type it").replace(' ', "");
        assert_eq!(secret.len(), 32, "{secret}");
        let wrong = b
            .post_from(
                "/account/two-factor",
                "/account/two-factor/confirm",
                &[("code", "12345x")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("The code is not correct"), "{}", wrong.body);
        let code = code_at(&secret, unix_now()).unwrap();
        let on = b
            .post_from("/account/two-factor", "/account/two-factor/confirm", &[("code", &code)])
            .await;
        assert_eq!(on.status, StatusCode::OK, "{}", on.body);
        let recovery = listed_codes(&on.body);
        assert_eq!(recovery.len(), 10, "{}", on.body);
        assert!(on.body.contains("shown only this once"));
        let account_page = b.get("/account").await;
        assert!(account_page.body.contains("<dt>Two-factor sign-in</dt><dd>On</dd>"));

        // Sign out and in again: the password alone gives no session, only a pending sign-in.
        let out = b.post_from("/account", "/logout", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(!b.has("nmp_session"));
        let first = b.sign_in("ana@example.org", PASSWORD).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        assert_eq!(first.location.as_deref(), Some("/login/code"));
        let pending = first
            .set_cookies
            .iter()
            .find(|c| c.starts_with("nmp_pending="))
            .unwrap();
        assert!(
            pending.contains("HttpOnly") && pending.contains("SameSite=Lax"),
            "{pending}"
        );
        assert!(!b.has("nmp_session"));
        let staff_page = b.get("/staff").await;
        assert_eq!(
            staff_page.location.as_deref(),
            Some("/login"),
            "a pending sign-in is not a session"
        );

        // A wrong code: the form again, no session, a failed attempt recorded.
        let form = b.get("/login/code").await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("ana@example.org"));
        let bad = b
            .post_from("/login/code", "/login/code", &[("code", "aaaa-bbbb-cccc-dddd")])
            .await;
        assert_eq!(bad.status, StatusCode::OK);
        assert!(bad.body.contains("The code is not correct"), "{}", bad.body);
        assert!(!b.has("nmp_session"));
        // The code that switched it on was used: it is refused as such.
        let replay = b.post_from("/login/code", "/login/code", &[("code", &code)]).await;
        assert!(replay.body.contains("already been used"), "{}", replay.body);
        assert!(!b.has("nmp_session"));

        // The right code: the session starts and the pending cookie is cleared.
        forget_last_step(s, id).await;
        let code = code_at(&secret, unix_now()).unwrap();
        let done = b.post_from("/login/code", "/login/code", &[("code", &code)]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert_eq!(done.location.as_deref(), Some("/staff"));
        assert!(b.has("nmp_session") && !b.has("nmp_pending"));
        assert_eq!(b.get("/staff").await.status, StatusCode::OK);
        let failed = s
            .all::<login_attempt::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|a| !a.succeeded)
            .count();
        assert_eq!(failed, 2, "the wrong and the used code");

        // A recovery code signs in once.
        b.post_from("/account", "/logout", &[]).await;
        b.sign_in("ana@example.org", PASSWORD).await;
        let with_recovery = b
            .post_from("/login/code", "/login/code", &[("code", &recovery[0])])
            .await;
        assert_eq!(
            with_recovery.location.as_deref(),
            Some("/staff"),
            "{}",
            with_recovery.body
        );
        let status = b.get("/account/two-factor").await;
        assert!(
            status.body.contains("Unused recovery codes: <strong>9</strong>"),
            "{}",
            status.body
        );
        b.post_from("/account", "/logout", &[]).await;
        b.sign_in("ana@example.org", PASSWORD).await;
        let again = b
            .post_from("/login/code", "/login/code", &[("code", &recovery[0])])
            .await;
        assert!(again.body.contains("already been used"), "{}", again.body);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_pending_sign_in_ends_after_five_wrong_codes_and_then_asks_for_the_password() {
    for db in engines().await {
        let s = &db.store;
        account(s, "bo@example.org", AccountRole::Reviewer).await;
        let bo = s.account_by_email("bo@example.org").await.unwrap().unwrap();
        let enrolment = s.start_two_factor(&bo).await.unwrap();
        let code = code_at(&enrolment.secret, unix_now()).unwrap();
        s.confirm_two_factor(&bo, &code).await.unwrap();

        let mut b = Browser::new(s, TwoFactorPolicy::off());
        // Without a pending sign-in, the code page sends the browser to sign in.
        assert_eq!(b.get("/login/code").await.location.as_deref(), Some("/login"));
        b.sign_in("bo@example.org", PASSWORD).await;
        for _ in 0..4 {
            let wrong = b
                .post_from("/login/code", "/login/code", &[("code", "not-a-code")])
                .await;
            assert_eq!(wrong.status, StatusCode::OK);
        }
        let csrf = b.get("/login").await.csrf();
        let ended = b
            .send("POST", "/login/code", &[("csrf", &csrf), ("code", "not-a-code")])
            .await;
        assert_eq!(ended.status, StatusCode::GONE, "{}", ended.body);
        assert!(ended.body.contains("Sign in again with your password"));
        assert!(!b.has("nmp_pending"), "the cookie is cleared");
        assert!(!b.has("nmp_session"));
        // Five failures within 15 minutes: the code step is refused for now.
        let throttled = b.sign_in("bo@example.org", PASSWORD).await;
        assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{}", throttled.body);
        db.finish().await;
    }
}

#[tokio::test]
async fn the_setting_sends_editors_without_a_second_factor_to_set_one_up_first() {
    for db in engines().await {
        let s = &db.store;
        account(s, "ed@example.org", AccountRole::Editor).await;
        account(s, "re@example.org", AccountRole::Researcher).await;
        let required = TwoFactorPolicy::parse("require_two_factor", "true").unwrap();
        let mut editor = Browser::new(s, required.clone());
        let signed = editor.sign_in("ed@example.org", PASSWORD).await;
        assert_eq!(signed.location.as_deref(), Some("/account/two-factor"));
        assert!(editor.has("nmp_session"));
        for path in ["/staff", "/staff/records", "/staff/review", "/account"] {
            let answer = editor.get(path).await;
            assert_eq!(answer.status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(answer.location.as_deref(), Some("/account/two-factor"), "{path}");
        }
        let page = editor.get("/account/two-factor").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Your role must sign in with a second factor"));
        // The JSON API answers 403 (and changes nothing).
        let csrf = page.csrf();
        let app = nmp_web::router(common::state(s).with_two_factor(required.clone()));
        let request = Request::builder()
            .method("PATCH")
            .uri("/api/v1/records/mechanism/1")
            .header(header::COOKIE, format!("nmp_session={}", editor.cookies["nmp_session"]))
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{\"version\": 1, \"fields\": {}}"))
            .unwrap();
        let api = app.oneshot(request).await.unwrap();
        assert_eq!(api.status(), StatusCode::FORBIDDEN);

        // A researcher is not required to.
        let mut researcher = Browser::new(s, required.clone());
        assert_eq!(
            researcher.sign_in("re@example.org", PASSWORD).await.location.as_deref(),
            Some("/staff")
        );
        assert_eq!(researcher.get("/staff").await.status, StatusCode::OK);

        // Once set up, the editor goes on.
        editor
            .post_from("/account/two-factor", "/account/two-factor/start", &[])
            .await;
        let setup = editor.get("/account/two-factor").await;
        let secret = code_after(&setup.body, "Key (type it").replace(' ', "");
        let code = code_at(&secret, unix_now()).unwrap();
        let on = editor
            .post_from("/account/two-factor", "/account/two-factor/confirm", &[("code", &code)])
            .await;
        assert_eq!(on.status, StatusCode::OK, "{}", on.body);
        assert_eq!(editor.get("/staff").await.status, StatusCode::OK);
        db.finish().await;
    }
}

#[tokio::test]
async fn administrators_manage_accounts_on_the_web_and_editors_may_not() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let admin = staff(s, "admin@example.org", AccountRole::Admin).await;
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let admin_id = admin.account_id;

        // Editors and anonymous visitors are kept out; the editor's menu has no Accounts.
        for path in ["/staff/accounts", &format!("/staff/accounts/{admin_id}")] {
            assert_eq!(common::get(s, path, Some(&editor)).await.status, StatusCode::FORBIDDEN);
            assert_eq!(common::get(s, path, None).await.location.as_deref(), Some("/login"));
        }
        let refused = common::post(
            s,
            "/staff/accounts",
            &editor,
            &[("name", "X"), ("email", "x@example.org"), ("role", "admin")],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(s.account_by_email("x@example.org").await.unwrap().is_none());
        assert!(
            !common::get(s, "/staff", Some(&editor))
                .await
                .body
                .contains("/staff/accounts")
        );

        // The list.
        let list = common::get(s, "/staff/accounts", Some(&admin)).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("editor@example.org") && list.body.contains("<th scope=\"col\">Two-factor</th>"));
        assert!(
            common::get(s, "/staff", Some(&admin))
                .await
                .body
                .contains("href=\"/staff/accounts\"")
        );

        // Creating: the link is shown once and works; bad input writes nothing.
        let created = common::post(
            s,
            "/staff/accounts",
            &admin,
            &[
                ("name", "Synthetic Newcomer"),
                ("email", "new@example.org"),
                ("role", "student"),
            ],
        )
        .await;
        assert_eq!(created.status, StatusCode::OK, "{}", created.body);
        assert!(created.body.contains("shown only this once"));
        let link = code_after(&created.body, "shown only this once");
        let token = link.rsplit('/').next().unwrap();
        assert!(link.starts_with("http://127.0.0.1:8080/set-password/"), "{link}");
        assert_eq!(s.link_account(token).await.unwrap().email, "new@example.org");
        assert!(created.body.contains("nothing was mailed"));
        let duplicate = common::post(
            s,
            "/staff/accounts",
            &admin,
            &[("name", "Again"), ("email", "NEW@example.org"), ("role", "student")],
        )
        .await;
        assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(duplicate.body.contains("already exists"), "{}", duplicate.body);
        let partner = common::post(
            s,
            "/staff/accounts",
            &admin,
            &[("name", "Pat"), ("email", "pat@example.org"), ("role", "partner")],
        )
        .await;
        assert_eq!(partner.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(partner.body.contains("organisation"), "{}", partner.body);
        assert!(s.account_by_email("pat@example.org").await.unwrap().is_none());

        // Changing a role: the page's version, and a stale one is a 409.
        let new = s.account_by_email("new@example.org").await.unwrap().unwrap();
        let page = common::get(s, &format!("/staff/accounts/{}", new.account_id), Some(&admin)).await;
        assert_eq!(page.status, StatusCode::OK);
        let version = page.hidden("version");
        let path = format!("/staff/accounts/{}/role", new.account_id);
        let changed = common::post(s, &path, &admin, &[("version", &version), ("role", "researcher")]).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
        assert_eq!(
            s.account_by_email("new@example.org").await.unwrap().unwrap().role,
            "researcher"
        );
        let stale = common::post(s, &path, &admin, &[("version", &version), ("role", "editor")]).await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert!(stale.body.contains("nothing was saved"), "{}", stale.body);
        assert_eq!(
            s.account_by_email("new@example.org").await.unwrap().unwrap().role,
            "researcher"
        );

        // An administrator cannot demote or deactivate themselves.
        let me = common::get(s, &format!("/staff/accounts/{admin_id}"), Some(&admin)).await;
        let my_version = me.hidden("version");
        let demote = common::post(
            s,
            &format!("/staff/accounts/{admin_id}/role"),
            &admin,
            &[("version", &my_version), ("role", "editor")],
        )
        .await;
        assert_eq!(demote.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(demote.body.contains("cannot change your own role"), "{}", demote.body);
        let leave = common::post(
            s,
            &format!("/staff/accounts/{admin_id}/active"),
            &admin,
            &[("version", &my_version), ("active", "false")],
        )
        .await;
        assert!(
            leave.body.contains("cannot deactivate your own account"),
            "{}",
            leave.body
        );

        // Deactivating the editor ends their session.
        let editor_account = s.account_by_email("editor@example.org").await.unwrap().unwrap();
        let off = common::post(
            s,
            &format!("/staff/accounts/{}/active", editor.account_id),
            &admin,
            &[("version", &editor_account.version.to_string()), ("active", "false")],
        )
        .await;
        assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
        assert_eq!(
            common::get(s, "/staff", Some(&editor)).await.location.as_deref(),
            Some("/login")
        );

        // A new link ends the older one.
        let reissued = common::post(s, &format!("/staff/accounts/{}/link", new.account_id), &admin, &[]).await;
        assert_eq!(reissued.status, StatusCode::OK, "{}", reissued.body);
        let second = code_after(&reissued.body, "shown only this once");
        assert!(s.link_account(token).await.is_err(), "the older link ended");
        assert!(s.link_account(second.rsplit('/').next().unwrap()).await.is_ok());

        // Resetting a lost second factor is audited.
        let enrolment = s.start_two_factor(&new).await.unwrap();
        s.confirm_two_factor(&new, &code_at(&enrolment.secret, unix_now()).unwrap())
            .await
            .unwrap();
        let reset = common::post(
            s,
            &format!("/staff/accounts/{}/two-factor/reset", new.account_id),
            &admin,
            &[],
        )
        .await;
        assert_eq!(reset.status, StatusCode::SEE_OTHER);
        assert!(!s.two_factor_enabled(new.account_id).await.unwrap());
        let events = s.all::<audit_event::Entity>().await.unwrap();
        assert!(
            events
                .iter()
                .any(|e| e.entity == "two_factor" && e.action == "reset" && e.actor == "admin@example.org")
        );
        db.finish().await;
    }
}
