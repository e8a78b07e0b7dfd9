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
    assert_eq!(csrf, csrf_cookie);
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

/// Signs in over HTTP and returns the `nmp_session` cookie's value.
async fn sign_in(store: &Store, email: &str, password: &str) -> Answer {
    let form = send(store, "GET", "/login", &[], &[]).await;
    let csrf = form.csrf();
    send(
        store,
        "POST",
        "/login",
        &[("nmp_csrf", &csrf)],
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
async fn wrong_password_and_unknown_email_answer_the_same_and_five_failures_throttle() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "bo@example.org", AccountRole::Researcher).await;
        let wrong = sign_in(s, "bo@example.org", "not the password").await;
        let unknown = sign_in(s, "nobody@example.org", "not the password").await;
        assert_eq!(wrong.status, unknown.status);
        assert!(wrong.body.contains("The email or password is not correct."));
        assert!(unknown.body.contains("The email or password is not correct."));
        assert!(wrong.cookie("nmp_session").is_none());
        for _ in 0..4 {
            sign_in(s, "bo@example.org", "not the password").await;
        }
        let throttled = sign_in(s, "bo@example.org", PASSWORD).await;
        assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(throttled.body.contains("Too many failed sign-in attempts"));
        assert!(throttled.cookie("nmp_session").is_none());
        db.finish().await;
    }
}

#[tokio::test]
async fn posts_without_the_right_csrf_token_are_403() {
    for db in engines().await {
        let s = &db.store;
        account_via_link(s, "cy@example.org", AccountRole::Admin).await;
        let csrf = send(s, "GET", "/login", &[], &[]).await.csrf();
        let form = [("email", "cy@example.org"), ("password", PASSWORD)];
        let missing = send(s, "POST", "/login", &[("nmp_csrf", &csrf)], &form).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN);
        let mut with_wrong = form.to_vec();
        let wrong = "0".repeat(64);
        with_wrong.push(("csrf", &wrong));
        let wrong_token = send(s, "POST", "/login", &[("nmp_csrf", &csrf)], &with_wrong).await;
        assert_eq!(wrong_token.status, StatusCode::FORBIDDEN);
        let mut with_right = form.to_vec();
        with_right.push(("csrf", &csrf));
        let no_cookie = send(s, "POST", "/login", &[], &with_right).await;
        assert_eq!(no_cookie.status, StatusCode::FORBIDDEN);
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
        let csrf = page.cookie("nmp_csrf");
        assert_eq!(page.status, StatusCode::GONE);
        assert!(page.body.contains("expired"), "{}", page.body);
        let csrf = csrf.unwrap_or_else(|| "x".repeat(64));
        let post = send(
            s,
            "POST",
            &format!("/set-password/{token}"),
            &[("nmp_csrf", &csrf)],
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
        let csrf = send(s, "GET", "/reset-password", &[], &[]).await.csrf();
        let known = send(
            s,
            "POST",
            "/reset-password",
            &[("nmp_csrf", &csrf)],
            &[("csrf", &csrf), ("email", "ed@example.org")],
        )
        .await;
        let unknown = send(
            s,
            "POST",
            "/reset-password",
            &[("nmp_csrf", &csrf)],
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
            let account = s.verify_login(&email, PASSWORD).await.unwrap();
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
