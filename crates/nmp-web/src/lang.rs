//! The language of the interface, from the URL: `/fr/...` and `/es/...` serve the pages of the
//! root (English) with their interface in French or Spanish.
//!
//! - [`prefixed`], a layer inside the read cache (so that `/fr/countries` and `/countries` are
//!   kept apart): strips the prefix, runs the request with its language in a task-local (what
//!   the templates read through [`t`], [`code`] and [`switch`]), then puts the prefix back on the
//!   page's own links (`href="/..."`, `action="/..."`) and on a redirect's `Location`, so that a
//!   reader who chose French stays in French. Static files and the API keep their one address.
//! - [`negotiate`], a layer outside the cache: a first visit to `/` (no `Referer` from this
//!   site) whose browser prefers French or Spanish (`Accept-Language`) is sent to `/fr/` or
//!   `/es/`; the switcher's "English" link, coming from the site, is not.
//!
//! An unknown prefix (`/de/...`) matches no route: the site's 404, in English.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_i18n::Lang;

/// Largest page whose links are rewritten (a bigger one is served as it is).
const MAX_PAGE: usize = 16 * 1024 * 1024;

/// Paths that have one address whatever the language.
const SHARED: [&str; 5] = ["/static/", "/api/", "/favicon", "/fr/", "/es/"];

#[derive(Clone)]
struct Current {
    lang: Lang,
    /// The path and query as the routes see them (without the prefix).
    path: String,
}

tokio::task_local! {
    static CURRENT: Current;
}

/// The language of the request being answered (English outside a request).
pub(crate) fn lang() -> Lang {
    CURRENT.try_with(|c| c.lang).unwrap_or_default()
}

/// A recorded partial date (`2014`, `2014-12`, `2014-12-05`) as the page's language writes it:
/// as recorded on English pages, in words on French and Spanish ones ("5 décembre 2014",
/// "diciembre de 2014"); a text that is not such a date is returned as it is.
pub(crate) fn date(text: &str) -> String {
    match lang() {
        Lang::En => text.to_string(),
        other => nmp_core::PartialDate::parse("date", text)
            .map(|d| nmp_i18n::dates::format(other, &d))
            .unwrap_or_else(|_| text.to_string()),
    }
}

/// A count as the page's language writes it ("12,345", "12 345", "12.345").
pub(crate) fn num(n: impl TryInto<i64>) -> String {
    nmp_i18n::numbers::integer(lang(), n.try_into().unwrap_or(i64::MAX))
}

/// `x` with `decimals` digits as the page's language writes it ("0.667", "0,667").
pub(crate) fn dec(x: f64, decimals: u8) -> String {
    nmp_i18n::numbers::decimal(lang(), x, decimals)
}

/// A share (`0.145`) as a percentage in the page's language ("14.5%", "14,5 %").
pub(crate) fn pct(share: f64, decimals: u8) -> String {
    nmp_i18n::numbers::percent(lang(), share, decimals)
}

/// The language's code, for `lang` attributes.
pub(crate) fn code() -> &'static str {
    lang().code()
}

/// The interface message `key` in the request's language.
pub(crate) fn t(key: &str) -> String {
    nmp_i18n::t(lang(), key)
}

/// The interface message `key` with its placeholders filled.
pub(crate) fn ta(key: &str, args: &[(&str, &str)]) -> String {
    nmp_i18n::t_args(lang(), key, args)
}

/// [`ta`] with one number, for messages whose form depends on it (`{ $count ->`).
pub(crate) fn tn(key: &str, name: &str, n: usize) -> String {
    nmp_i18n::t_count(lang(), key, name, n)
}

/// The review's title as the report prints it (in English, as it was published).
const REVIEW: &str = "National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes";

/// The message `key` as HTML, its `{ $review }` the review's title in a `<cite>` (marked as
/// English on a French or Spanish page).
pub(crate) fn review_html(key: &str) -> String {
    const MARK: &str = "\u{1}";
    let text = crate::auth::footer::escape(&ta(key, &[("review", MARK)]));
    text.replacen(MARK, &format!("<cite{}>{REVIEW}</cite>", english_attr()), 1)
}

/// The label of the vocabulary code `code` in the request's language, or `english` (the
/// vocabulary's own label) when the language has none.
pub(crate) fn label(code: &str, english: &str) -> String {
    nmp_i18n::choice_label(lang(), code).unwrap_or_else(|| english.to_string())
}

/// ` lang="fr"` (the request's language) when it is not English: for a translated text in a
/// part shared with pages not translated yet, whose content is marked as English around it.
pub(crate) fn own_attr() -> String {
    match lang() {
        Lang::En => String::new(),
        other => format!(" lang=\"{}\"", other.code()),
    }
}

/// ` lang="en"` when the request's language is not English: the attribute for a text that
/// exists only in English (a record's prose, an untranslated page), so that screen readers read
/// it as English.
pub(crate) fn english_attr() -> &'static str {
    if lang() == Lang::En { "" } else { " lang=\"en\"" }
}

/// `f` (rendering a page) with the interface in `lang` rather than the URL's: the respondent's
/// pages, in the invitation's language.
pub(crate) fn within<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let path = CURRENT.try_with(|c| c.path.clone()).unwrap_or_else(|_| "/".into());
    CURRENT.sync_scope(Current { lang, path }, f)
}

/// One entry of the language switcher.
pub(crate) struct Alternate {
    /// The language.
    pub lang: Lang,
    /// This page in that language.
    pub href: String,
    /// Whether it is the page shown.
    pub current: bool,
}

/// This page in each language, English first.
pub(crate) fn switch() -> Vec<Alternate> {
    let (now, path) = CURRENT
        .try_with(|c| (c.lang, c.path.clone()))
        .unwrap_or_else(|_| (Lang::En, "/".into()));
    Lang::ALL
        .into_iter()
        .map(|l| Alternate {
            lang: l,
            href: href_in(l, &path),
            current: l == now,
        })
        .collect()
}

/// `path` (a path of the root site) in `lang`.
fn href_in(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => path.to_string(),
        other => format!("/{}{path}", other.code()),
    }
}

/// The language a path's prefix names and the path without it (`/fr/countries` → French,
/// `/countries`; `/fr` → French, `/`), or `None` for a path of the root site.
fn split(path: &str) -> Option<(Lang, &str)> {
    for lang in [Lang::Fr, Lang::Es] {
        let prefix = format!("/{}", lang.code());
        if let Some(rest) = path.strip_prefix(&prefix)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return Some((lang, if rest.is_empty() { "/" } else { rest }));
        }
    }
    None
}

/// The layer: serves `/fr/...` and `/es/...` with the interface in that language.
pub(crate) async fn prefixed(mut request: Request, next: Next) -> Response {
    let uri = request.uri().clone();
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    let Some((lang, rest)) = split(uri.path()) else {
        let current = Current {
            lang: Lang::En,
            path: format!("{}{query}", uri.path()),
        };
        let mut response = CURRENT.scope(current, next.run(request)).await;
        content_language(&mut response, Lang::En);
        return response;
    };
    if uri.path() == format!("/{}", lang.code()) {
        return Redirect::permanent(&format!("/{}/{query}", lang.code())).into_response();
    }
    let inner = format!("{rest}{query}");
    match inner.parse::<Uri>() {
        Ok(u) => *request.uri_mut() = u,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    }
    let current = Current { lang, path: inner };
    let response = CURRENT.scope(current, next.run(request)).await;
    let mut response = relink(response, lang).await;
    content_language(&mut response, lang);
    response
}

fn content_language(response: &mut Response, lang: Lang) {
    if crate::http::is_plain_html(response) {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    }
}

/// The response with its links (and redirect) kept in `lang`.
async fn relink(mut response: Response, lang: Lang) -> Response {
    if let Some(location) = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok())
        && let Some(moved) = prefix_path(location, lang)
        && let Ok(v) = HeaderValue::from_str(&moved)
    {
        response.headers_mut().insert(header::LOCATION, v);
    }
    if !crate::http::is_plain_html(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "the page was too large to serve").into_response();
    };
    let page = String::from_utf8_lossy(&bytes);
    let relinked = prefix_links(&page, lang);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(relinked))
}

/// A site path in `lang` (`/countries` → `/fr/countries`), or `None` for one that stays as it
/// is (static files, the API, another site, a path already in a language).
fn prefix_path(target: &str, lang: Lang) -> Option<String> {
    if !target.starts_with('/') || target.starts_with("//") || SHARED.iter().any(|s| target.starts_with(s)) {
        return None;
    }
    Some(href_in(lang, target))
}

const HREFLANG: &[u8] = b"hreflang=\"";

/// `page` with its `href="/..."` and `action="/..."` links in `lang`, except the language
/// switcher's and alternates' (an `href` right after `hreflang="..."`).
pub(crate) fn prefix_links(page: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 32);
    let mut rest = page;
    loop {
        let next = ["href=\"/", "action=\"/"]
            .iter()
            .filter_map(|pat| rest.find(pat).map(|i| (i, pat.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        let value_at = at + len - 1;
        out.push_str(&rest[..value_at]);
        // Bytes, not a string slice: the text before may end inside an accented letter.
        let before = &out.as_bytes()[out.len().saturating_sub(len + 16)..];
        let switcher = before.windows(HREFLANG.len()).any(|w| w == HREFLANG);
        let value = &rest[value_at..];
        let end = value.find('"').unwrap_or(value.len());
        match prefix_path(&value[..end], lang) {
            Some(moved) if !switcher => out.push_str(&moved),
            _ => out.push_str(&value[..end]),
        }
        rest = &value[end..];
    }
}

/// The layer: a first visit to the home page in the browser's language, when it is French or
/// Spanish.
pub(crate) async fn negotiate(request: Request, next: Next) -> Response {
    if request.method() != Method::GET || request.uri().path() != "/" {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let from_here = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<Uri>().ok())
        .and_then(|u| u.authority().map(|a| a.as_str().eq_ignore_ascii_case(host)))
        .unwrap_or(false);
    let wanted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default();
    if !from_here && wanted != Lang::En {
        let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        let mut response = Redirect::to(&format!("/{}/{query}", wanted.code())).into_response();
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Accept-Language, Referer"));
        return response;
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_written_in_the_page_s_language() {
        let at = |lang: Lang, text: &str| within(lang, || date(text));
        assert_eq!(at(Lang::En, "2014-12-05"), "2014-12-05");
        assert_eq!(at(Lang::Fr, "2014-12-01"), "1er décembre 2014");
        assert_eq!(at(Lang::Fr, "2014-12"), "décembre 2014");
        assert_eq!(at(Lang::Es, "2014-12-05"), "5 de diciembre de 2014");
        assert_eq!(at(Lang::Es, "2014"), "2014");
        assert_eq!(at(Lang::Fr, "around 2014"), "around 2014");
    }

    use super::*;

    #[test]
    fn prefixes_name_a_language_only_as_a_whole_segment() {
        assert_eq!(split("/fr/countries"), Some((Lang::Fr, "/countries")));
        assert_eq!(split("/es"), Some((Lang::Es, "/")));
        assert_eq!(split("/fr/"), Some((Lang::Fr, "/")));
        assert_eq!(split("/frontier"), None);
        assert_eq!(split("/en/countries"), None, "English is the root");
        assert_eq!(split("/countries"), None);
    }

    #[test]
    fn links_stay_in_the_language_but_shared_addresses_do_not_move() {
        let page = r##"<a href="/countries?region=africa">x</a><form action="/search"><link href="/static/nmp.css"><a href="/api/v1/countries">api</a><a href="https://example.org/">out</a><a hreflang="en" href="/countries">English</a><a href="//cdn">cdn</a><a href="#main">skip</a><a href="/fr/x">already</a>"##;
        let out = prefix_links(page, Lang::Fr);
        assert!(out.contains(r#"href="/fr/countries?region=africa""#), "{out}");
        assert!(out.contains(r#"action="/fr/search""#), "{out}");
        assert!(out.contains(r#"href="/static/nmp.css""#));
        assert!(out.contains(r#"href="/api/v1/countries""#));
        assert!(out.contains(r#"href="https://example.org/""#));
        assert!(
            out.contains(r#"hreflang="en" href="/countries""#),
            "the switcher's link is left: {out}"
        );
        assert!(out.contains(r#"href="//cdn""#));
        assert!(out.contains(r##"href="#main""##));
        assert!(out.contains(r#"href="/fr/x""#) && !out.contains("/fr/fr/"));
    }

    #[test]
    fn links_after_accented_text_are_rewritten_without_splitting_a_letter() {
        for text in ["é", "éé", "Réseaux à «", "ñ¿"] {
            for pad in 0..20 {
                let page = format!("{}{text}<a href=\"/networks\">x</a>", "a".repeat(pad));
                assert!(
                    prefix_links(&page, Lang::Fr).contains("href=\"/fr/networks\""),
                    "{page}"
                );
            }
        }
    }
}
