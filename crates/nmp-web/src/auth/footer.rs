//! Who is signed in, on every page: for a request with a session, an HTML page's footer says
//! "Signed in as NAME (role) · Workspace" instead of "Sign in", and a public page of a record the
//! account may change directly or propose changes to (administrators, editors, researchers:
//! every record) gains an "Edit this record" link to its workspace form. Pages are rendered
//! without knowing the visitor (so the read cache can keep them for everyone); this layer adds
//! the visitor afterwards, only for signed-in requests, which the cache never keeps.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use nmp_core::policy::scope::{Reach, reach};
use nmp_store::Store;
use nmp_store::entity::{edition, initiative, mechanism, network};

use super::session::{SESSION_COOKIE, cookie};
use crate::AppState;

/// The footer's link for visitors, which a signed-in page replaces (in the page's language).
fn sign_in() -> String {
    format!("<a href=\"/login\">{}</a>", escape(&crate::lang::t("site-sign-in")))
}
/// Where the edit link goes: before the page's first heading ends.
const HEADING_END: &str = "</h1>";
/// Largest page rewritten (a bigger one is served as it is).
const MAX_PAGE: usize = 8 * 1024 * 1024;

/// Text made safe to place in HTML (also used by the respondent's page).
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The key of the `E` row whose slug `column` is `slug`, if there is one.
async fn key_of<E: nmp_store::EntityTrait>(
    store: &Store,
    column: E::Column,
    slug: &str,
    key: impl Fn(&E::Model) -> i32,
) -> Option<i32> {
    let rows = store.rows_where::<E, _>(column, [slug.to_string()]).await.ok()?;
    rows.first().map(key)
}

/// The workspace form of the record a public path shows (`/mechanisms/{slug}`,
/// `/initiatives/{slug}`, `/networks/{slug}`, `/editions/{slug}`), if it is one.
async fn record_of(store: &Store, path: &str) -> Option<String> {
    let mut parts = path.trim_start_matches('/').split('/');
    let (kind, slug) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || slug.is_empty() {
        return None;
    }
    let id = match kind {
        "mechanisms" => key_of::<mechanism::Entity>(store, mechanism::Column::Slug, slug, |m| m.mechanism_id).await,
        "initiatives" => key_of::<initiative::Entity>(store, initiative::Column::Slug, slug, |m| m.initiative_id).await,
        "networks" => key_of::<network::Entity>(store, network::Column::Slug, slug, |m| m.network_id).await,
        "editions" => key_of::<edition::Entity>(store, edition::Column::Slug, slug, |m| m.edition_id).await,
        _ => None,
    }?;
    let table = kind.trim_end_matches('s');
    Some(format!("/staff/records/{table}/{id}"))
}

/// The layer: rewrites the footer (and adds the edit link) of HTML pages for signed-in requests.
pub async fn signed_in(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let token = cookie(request.headers(), SESSION_COOKIE);
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let Some(token) = token else { return response };
    if !crate::http::is_plain_html(&response) {
        return response;
    }
    let Ok(Some(who)) = state.store.session(&token).await else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(mut page) = String::from_utf8(bytes.to_vec()) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let sign_in = sign_in();
    if page.contains(&sign_in) {
        let role = nmp_i18n::vocabulary_label(crate::lang::lang(), "AccountRole", who.role.code())
            .unwrap_or_else(|| who.role.label().to_string());
        let footer = crate::views::analysis::html(
            "site-signed-in",
            &[("role", &role)],
            &[
                ("name", &format!("<strong>{}</strong>", escape(&who.account.name))),
                (
                    "workspace",
                    &format!("<a href=\"/staff\">{}</a>", escape(&crate::lang::t("site-workspace"))),
                ),
            ],
        );
        page = page.replacen(&sign_in, &footer, 1);
    }
    if reach(who.role) == Reach::Everything
        && !path.starts_with("/staff")
        && let Some(href) = record_of(&state.store, &path).await
        && let Some(at) = page.find(HEADING_END)
    {
        let link = format!(
            "{HEADING_END}<p class=\"edit-link\"><a href=\"{href}\">{}</a> <small>({})</small></p>",
            escape(&crate::lang::t("st-edit-this-record")),
            escape(&crate::lang::t("site-workspace-lower")),
        );
        page.replace_range(at..at + HEADING_END.len(), &link);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(page))
}
