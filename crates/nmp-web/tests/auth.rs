//! Sign-in over HTTP: one-time links, login and logout, cookies, CSRF, throttling, and the
//! permission matrix of `docs/permissions.md` for the routes that exist.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::auth::{LinkPurpose, token_hash};
use nmp_store::entity::one_time_link;
use nmp_store::testing::engines;
use sea_orm::EntityTrait;
use sea_orm::sea_query::Expr;
use tower::ServiceExt;

const PASSWORD: &str = "correct horse battery staple";

struct Answer {
    status: StatusCode,
    location: Option<String>,
    set_cookies: Vec<String>,
    body: String,
}

impl Answer {
    /// The value a `Set-Cookie` gives `name`.
    fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies.iter().find_map(|c| {
            let (pair, _) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = pair.split_once('=')?;
            (k == name).then(|| v.to_string())
        })
    }

    /// The hidden `csrf` field of the page's form.
    fn csrf(&self) -> String {
        let start = self.body.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        self.body[start..start + 64].to_string()
    }
}

async fn send(store: &Store, method: &str, path: &str, cookies: &[(&str, &str)], form: &[(&str, &str)]) -> Answer {
    let app = nmp_web::router(nmp_web::AppState::new(store.clone()));
    let mut request = Request::builder().method(method).uri(path);
    if !cookies.is_empty() {
        let header: Vec<String> = cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        request = request.header(header::COOKIE, header.join("; "));
    }
    let body = if method == "POST" {
        request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        Body::from(serde_urlencoded::to_string(form).unwrap())
    } else {
        Body::empty()
    };
    let response = app.oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    let set_cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        set_cookies,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// An account with a password set through its one-time link, over HTTP.
async fn account_via_link(store: &Store, email: &str, role: AccountRole) {
    store
        .create_account("system:test", email, "Test Person", role)
        .await
        .unwrap();
    let (_, token) = store
        .issue_link("system:test", email, LinkPurpose::SetPassword)
        .await
        .unwrap();
    let path = format!("/set-password/{token}");
    let form = send(store, "GET", &path, &[], &[]).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains(email));
    let csrf_cookie = form.cookie("nmp_csrf").expect("a pre-session CSRF cookie");
    let csrf = form.csrf();
    assert_ne!(
        csrf, csrf_cookie,
        "the form carries the nonce's signature, not the nonce"
    );
    let done = send(
        store,
        "POST",
        &path,
        &[("nmp_csrf", &csrf_cookie)],
        &[("csrf", &csrf), ("password", PASSWORD), ("confirm_password", PASSWORD)],
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Your password has been set"));
}

/// A pre-sign-in CSRF pair from the sign-in page: the `nmp_csrf` cookie's nonce and the form's
/// token.
async fn pre_session(store: &Store) -> (String, String) {
    let form = send(store, "GET", "/login", &[], &[]).await;
    (form.cookie("nmp_csrf").expect("a pre-session CSRF cookie"), form.csrf())
}

/// Signs in over HTTP and returns the `nmp_session` cookie's value.
async fn sign_in(store: &Store, email: &str, password: &str) -> Answer {
    let (nonce, csrf) = pre_session(store).await;
    send(
        store,
        "POST",
        "/login",
        &[("nmp_csrf", &nonce)],
        &[("csrf", &csrf), ("email", email), ("password", password)],
    )
    .await
}

#[tokio::test]
async fn a_link_sets_the_password_then_sign_in_account_and_sign_out_work() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "ana@example.org", AccountRole::Editor).await;

        let answer = sign_in(s, "ana@example.org", PASSWORD).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        assert_eq!(answer.location.as_deref(), Some("/staff"));
        let set = answer
            .set_cookies
            .iter()
            .find(|c| c.starts_with("nmp_session="))
            .unwrap()
            .clone();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
            "{set}"
        );
        assert!(!set.contains("Secure"), "no Secure without TLS: {set}");
        let token = answer.cookie("nmp_session").unwrap();

        let page = send(s, "GET", "/account", &[("nmp_session", &token)], &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("ana@example.org") && page.body.contains("Editor"));
        let csrf = page.csrf();

        // The database holds the token's hash, never the token.
        let ids = nmp_store::testing::texts(s, "SELECT session_id FROM session").await;
        assert_eq!(ids, vec![token_hash(&token)]);

        // Signing in again from the same browser rotates the session: the old token stops working.
        let login_csrf = send(s, "GET", "/login", &[("nmp_session", &token)], &[]).await.csrf();
        assert_eq!(login_csrf, csrf, "signed in, forms carry the session's token");
        let again = send(
            s,
            "POST",
            "/login",
            &[("nmp_session", &token)],
            &[
                ("csrf", &login_csrf),
                ("email", "ana@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let token2 = again.cookie("nmp_session").unwrap();
        assert_ne!(token, token2);
        let old = send(s, "GET", "/account", &[("nmp_session", &token)], &[]).await;
        assert_eq!(old.status, StatusCode::SEE_OTHER, "the old session was ended");

        // Logout needs the session's CSRF token.
        let refused = send(s, "POST", "/logout", &[("nmp_session", &token2)], &[("csrf", &csrf)]).await;
        assert_eq!(
            refused.status,
            StatusCode::FORBIDDEN,
            "the old session's token is not this one's"
        );
        let csrf2 = send(s, "GET", "/account", &[("nmp_session", &token2)], &[])
            .await
            .csrf();
        let out = send(s, "POST", "/logout", &[("nmp_session", &token2)], &[("csrf", &csrf2)]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(
            out.set_cookies
                .iter()
                .any(|c| c.starts_with("nmp_session=;") && c.contains("Max-Age=0"))
        );
        let after = send(s, "GET", "/account", &[("nmp_session", &token2)], &[]).await;
        assert_eq!(after.status, StatusCode::SEE_OTHER);
        assert_eq!(after.location.as_deref(), Some("/login"));
        db.finish().await;
    }
}

#[tokio::test]
async fn wrong_password_and_unknown_email_answer_the_same() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "bo@example.org", AccountRole::Researcher).await;
        let wrong = sign_in(s, "bo@example.org", "not the password").await;
        let unknown = sign_in(s, "nobody@example.org", "not the password").await;
        assert_eq!(wrong.status, unknown.status);
        assert!(wrong.body.contains("The email or password is not correct."));
        assert!(unknown.body.contains("The email or password is not correct."));
        assert!(wrong.cookie("nmp_session").is_none());
        db.finish().await;
    }
}

/// Signs in through a server whose trusted proxy header is `trusted`, the request carrying
/// `X-Forwarded-For: forwarded`.
async fn sign_in_via_proxy(store: &Store, trusted: Option<&str>, forwarded: &str, email: &str) -> Answer {
    let (nonce, csrf) = pre_session(store).await;
    let state = nmp_web::AppState::new(store.clone())
        .with_trusted_proxy_header(trusted.map(|h| header::HeaderName::from_bytes(h.as_bytes()).unwrap()));
    let body =
        serde_urlencoded::to_string([("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)]).unwrap();
    let request = Request::post("/login")
        .header(header::COOKIE, format!("nmp_csrf={nonce}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded)
        .body(Body::from(body))
        .unwrap();
    let response = nmp_web::router(state).oneshot(request).await.unwrap();
    let status = response.status();
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location: retry_after,
        set_cookies: Vec::new(),
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

#[tokio::test]
async fn throttling_slows_the_guessing_client_not_the_account_and_trusts_the_proxy_header_only_when_configured() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "bo@example.org", AccountRole::Editor).await;
        // A guesser behind the proxy at 198.51.100.66 has failed ten times for bo just now.
        nmp_store::testing::failed_attempts(s, "bo@example.org", "198.51.100.66", 10).await;
        let xff = Some("X-Forwarded-For");
        let guesser = sign_in_via_proxy(s, xff, "192.0.2.1, 198.51.100.66", "bo@example.org").await;
        assert_eq!(guesser.status, StatusCode::TOO_MANY_REQUESTS, "{}", guesser.body);
        assert!(guesser.body.contains("Too many failed sign-in attempts"));
        let wait: u64 = guesser.location.expect("a Retry-After header").parse().unwrap();
        assert!((1..=128).contains(&wait), "{wait}");
        // The editor, from their own address, is not locked out.
        let owner = sign_in_via_proxy(s, xff, "203.0.113.10", "bo@example.org").await;
        assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);
        // Without the setting the header is not believed: a client cannot claim to be the
        // guesser's address (nor a fresh one for each guess); the connection's address counts.
        let unconfigured = sign_in_via_proxy(s, None, "198.51.100.66", "bo@example.org").await;
        assert_eq!(unconfigured.status, StatusCode::SEE_OTHER, "{}", unconfigured.body);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_right_token() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "fa@example.org", AccountRole::Editor).await;
        let (nonce, csrf) = pre_session(s).await;
        let body = serde_urlencoded::to_string([
            ("csrf", csrf.as_str()),
            ("email", "fa@example.org"),
            ("password", PASSWORD),
        ])
        .unwrap();
        let post = |site: &'static str| {
            Request::post("/login")
                .header(header::COOKIE, format!("nmp_csrf={nonce}"))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", site)
                .body(Body::from(body.clone()))
                .unwrap()
        };
        let app = || nmp_web::router(nmp_web::AppState::new(s.clone()));
        let cross = app().oneshot(post("cross-site")).await.unwrap();
        assert_eq!(cross.status(), StatusCode::FORBIDDEN);
        let same = app().oneshot(post("same-origin")).await.unwrap();
        assert_eq!(same.status(), StatusCode::SEE_OTHER);
        db.finish().await;
    }
}

#[tokio::test]
async fn the_failed_sign_in_log_is_for_administrators() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "ad@example.org", AccountRole::Admin).await;
        account_via_link(s, "ed@example.org", AccountRole::Editor).await;
        sign_in(s, "nobody-at-all@example.org", "not the password").await;
        let admin = sign_in(s, "ad@example.org", PASSWORD)
            .await
            .cookie("nmp_session")
            .unwrap();
        let editor = sign_in(s, "ed@example.org", PASSWORD)
            .await
            .cookie("nmp_session")
            .unwrap();
        let page = send(s, "GET", "/staff/sign-ins", &[("nmp_session", &admin)], &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("nobody-at-all@example.org"), "{}", page.body);
        assert!(page.body.contains("unknown"), "the client column: {}", page.body);
        assert!(!page.body.contains(">ad@example.org<"), "successes are not listed");
        let refused = send(s, "GET", "/staff/sign-ins", &[("nmp_session", &editor)], &[]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        db.finish().await;
    }
}

#[tokio::test]
async fn posts_without_the_right_csrf_token_are_403() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "cy@example.org", AccountRole::Admin).await;
        let (nonce, csrf) = pre_session(s).await;
        let form = [("email", "cy@example.org"), ("password", PASSWORD)];
        let missing = send(s, "POST", "/login", &[("nmp_csrf", &nonce)], &form).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN);
        let mut with_wrong = form.to_vec();
        let wrong = "0".repeat(64);
        with_wrong.push(("csrf", &wrong));
        let wrong_token = send(s, "POST", "/login", &[("nmp_csrf", &nonce)], &with_wrong).await;
        assert_eq!(wrong_token.status, StatusCode::FORBIDDEN);
        let mut with_right = form.to_vec();
        with_right.push(("csrf", &csrf));
        let no_cookie = send(s, "POST", "/login", &[], &with_right).await;
        assert_eq!(no_cookie.status, StatusCode::FORBIDDEN);
        // A cookie planted by someone else, with the same value in their form (plain double
        // submit), does not pass: the form must carry the servers' signature of the cookie.
        let planted = "a".repeat(64);
        let mut with_planted = form.to_vec();
        with_planted.push(("csrf", &planted));
        let fixed = send(s, "POST", "/login", &[("nmp_csrf", &planted)], &with_planted).await;
        assert_eq!(fixed.status, StatusCode::FORBIDDEN);
        assert!(fixed.cookie("nmp_session").is_none());
        // The right pair passes (the password is checked: a wrong one is the ordinary answer).
        let ok = send(s, "POST", "/login", &[("nmp_csrf", &nonce)], &with_right).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let reset = send(s, "POST", "/reset-password", &[], &[("email", "cy@example.org")]).await;
        assert_eq!(reset.status, StatusCode::FORBIDDEN);

        // Signed in: the password change needs the session's token.
        let token = sign_in(s, "cy@example.org", PASSWORD)
            .await
            .cookie("nmp_session")
            .unwrap();
        let change = [
            ("current_password", PASSWORD),
            ("new_password", "a new long password"),
            ("confirm_password", "a new long password"),
        ];
        let refused = send(s, "POST", "/account/password", &[("nmp_session", &token)], &change).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let session_csrf = send(s, "GET", "/account/password", &[("nmp_session", &token)], &[])
            .await
            .csrf();
        let mut change = change.to_vec();
        change.push(("csrf", &session_csrf));
        let changed = send(s, "POST", "/account/password", &[("nmp_session", &token)], &change).await;
        assert_eq!(changed.status, StatusCode::OK);
        assert!(
            changed.body.contains("Your password has been changed"),
            "{}",
            changed.body
        );
        assert_eq!(
            sign_in(s, "cy@example.org", "a new long password").await.status,
            StatusCode::SEE_OTHER
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn used_expired_and_unknown_links_get_a_clear_page() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "di@example.org", AccountRole::Student).await;
        let (_, token) = s
            .issue_link("system:test", "di@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        s.set_password_with_link(&token, "a reset long password").await.unwrap();
        let used = send(s, "GET", &format!("/set-password/{token}"), &[], &[]).await;
        assert_eq!(used.status, StatusCode::GONE);
        assert!(used.body.contains("already been used"), "{}", used.body);

        let (_, token) = s
            .issue_link("system:test", "di@example.org", LinkPurpose::ResetPassword)
            .await
            .unwrap();
        nmp_store::testing::run(
            s,
            one_time_link::Entity::update_many().col_expr(
                one_time_link::Column::ExpiresAt,
                Expr::value(time::macros::datetime!(2000-01-01 00:00 UTC)),
            ),
        )
        .await;
        let page = send(s, "GET", &format!("/set-password/{token}"), &[], &[]).await;
        assert_eq!(page.status, StatusCode::GONE);
        assert!(page.body.contains("expired"), "{}", page.body);
        let (nonce, csrf) = pre_session(s).await;
        let post = send(
            s,
            "POST",
            &format!("/set-password/{token}"),
            &[("nmp_csrf", &nonce)],
            &[("csrf", &csrf), ("password", PASSWORD), ("confirm_password", PASSWORD)],
        )
        .await;
        assert_eq!(post.status, StatusCode::GONE);

        let unknown = send(s, "GET", "/set-password/nonsense", &[], &[]).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(unknown.body.contains("not valid"));
        db.finish().await;
    }
}

#[tokio::test]
async fn reset_requests_answer_the_same_for_any_email() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "ed@example.org", AccountRole::Reviewer).await;
        let reset_form = send(s, "GET", "/reset-password", &[], &[]).await;
        let (nonce, csrf) = (reset_form.cookie("nmp_csrf").unwrap(), reset_form.csrf());
        let known = send(
            s,
            "POST",
            "/reset-password",
            &[("nmp_csrf", &nonce)],
            &[("csrf", &csrf), ("email", "ed@example.org")],
        )
        .await;
        let unknown = send(
            s,
            "POST",
            "/reset-password",
            &[("nmp_csrf", &nonce)],
            &[("csrf", &csrf), ("email", "nobody@example.org")],
        )
        .await;
        assert_eq!(known.status, StatusCode::OK);
        assert_eq!((known.status, known.body), (unknown.status, unknown.body));
        db.finish().await;
    }
}

#[tokio::test]
async fn the_session_cookie_is_secure_behind_tls() {
    let db = engines().await.remove(0);
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(
            Request::get("/login")
                .header("x-forwarded-proto", "https")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let set = response.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        set.contains("Secure") && set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    assert_eq!(response.headers().get(header::CACHE_CONTROL).unwrap(), "no-store");
    db.finish().await;
}

/// `docs/permissions.md`, for the routes that exist: public pages for everyone, `/account` for
/// any signed-in role, anonymous users sent to `/login`.
#[tokio::test]
async fn permission_matrix_for_existing_routes() {
    for db in engines().await {
        let s = &db.store;
        let mut sessions = vec![("anonymous".to_string(), None)];
        for role in AccountRole::ALL {
            let email = format!("{}@example.org", role.code());
            s.create_account("system:test", &email, "Test", *role).await.unwrap();
            let (_, link) = s
                .issue_link("system:test", &email, LinkPurpose::SetPassword)
                .await
                .unwrap();
            s.set_password_with_link(&link, PASSWORD).await.unwrap();
            let account = s.verify_login(&email, PASSWORD, "test").await.unwrap();
            let session = s.create_session(&account, None, None).await.unwrap();
            sessions.push((role.code().to_string(), Some(session.token)));
        }
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/permissions.md")).unwrap();
        for (who, token) in &sessions {
            assert!(
                doc.contains(&format!("| {who} ")) || doc.contains(&format!(" {who} |")),
                "{who} in the doc"
            );
            let cookies: Vec<(&str, &str)> = token.iter().map(|t| ("nmp_session", t.as_str())).collect();
            for path in ["/account", "/account/password"] {
                let answer = send(s, "GET", path, &cookies, &[]).await;
                match token {
                    Some(_) => assert_eq!(answer.status, StatusCode::OK, "{who} {path}"),
                    None => {
                        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{who} {path}");
                        assert_eq!(answer.location.as_deref(), Some("/login"));
                    }
                }
            }
            for path in ["/", "/countries", "/mechanisms", "/api/v1/countries", "/login"] {
                let answer = send(s, "GET", path, &cookies, &[]).await;
                assert_eq!(answer.status, StatusCode::OK, "{who} {path}");
            }
        }
        db.finish().await;
    }
}
