//! The staff workspace under `/staff`: editing records with their citations, the review queue,
//! assignments, the audit history, questionnaires, editions (publishing, building the report) and,
//! for administrators, accounts. Handlers are thin: their extractors check the role (`Staff<Deciders>`, see
//! `docs/permissions.md`) and the CSRF token of every POST (`CsrfForm`); they call one store use
//! case from `nmp_store::records` and return `Result<Response, WorkspaceError>`, using `?`. Every
//! page is personal: never cached.

mod accounts;
pub(crate) mod api;
mod assessments;
mod assignments;
mod audit;
mod collect;
mod editions;
mod essays;
mod forms;
mod import;
mod pick;
mod records;
mod review;
mod search;
mod sign_ins;
mod source_files;
mod sources;
mod uncited;
mod watchlist;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_store::auth::SignedIn;
use nmp_store::records::workspace::{edit_mode, may_decide, may_review};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::{Roles, Staff, WorkspaceError, page};

/// The largest file a staff import takes.
pub use import::MAX_FILE_BYTES as IMPORT_MAX_FILE_BYTES;

pub(crate) fn router() -> Router<AppState> {
    essays::routes(assessments::routes(Router::new()))
        .route("/staff", get(dashboard))
        .route("/staff/records", get(records::index))
        .route("/staff/records/{table}", get(records::list).post(records::create))
        .route("/staff/records/{table}/new", get(records::new_form))
        .route(
            "/staff/records/{table}/{id}",
            get(records::edit_form).post(records::save),
        )
        .route("/staff/records/{table}/{id}/delete", post(records::delete))
        .route("/staff/records/{table}/{id}/history", get(audit::history))
        .route("/staff/pick/{table}", get(pick::search))
        .route("/staff/review", get(review::queue))
        .route("/staff/proposals/{id}", get(review::show))
        .route("/staff/proposals/{id}/decide", post(review::decide))
        .route("/staff/assignments", get(assignments::list).post(assignments::create))
        .route("/staff/assignments/{id}/done", post(assignments::done))
        .route("/staff/audit", get(audit::log))
        .route("/staff/sign-ins", get(sign_ins::log))
        .route("/staff/search", get(search::page))
        .route("/staff/sources", get(sources::list))
        .route("/staff/sources/{source}/archive", post(sources::set_archive))
        .route(
            "/staff/sources/{source}/file",
            post(source_files::upload).layer(DefaultBodyLimit::max(source_files::MAX_BODY_BYTES)),
        )
        .route(
            "/staff/import",
            get(import::form)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(import::MAX_BODY_BYTES)),
        )
        .route("/staff/import/template.xlsx", get(import::template))
        .route("/staff/export/{file}", get(import::export))
        .route("/staff/questionnaires", get(collect::list).post(collect::create))
        .route("/staff/questionnaires/{id}", get(collect::show))
        .route("/staff/questionnaires/{id}/invitations", post(collect::invite))
        .route("/staff/questionnaires/{id}/remind", post(collect::remind))
        .route("/staff/questionnaires/{id}/revision", post(collect::revision))
        .route("/staff/questionnaires/{id}/responses.csv", get(collect::csv))
        .route("/staff/questionnaires/{id}/responses.xlsx", get(collect::xlsx))
        .route("/staff/invitations/{id}", get(collect::response))
        .route("/staff/invitations/{id}/{action}", post(collect::act))
        .route("/staff/mail", get(collect::mail_log))
        .route("/staff/watchlist", get(watchlist::show).post(watchlist::change))
        .route("/staff/alerts/read", post(watchlist::mark_read))
        .route("/staff/editions", get(editions::list))
        .route("/staff/editions/{edition}", get(editions::show))
        .route(
            "/staff/editions/{edition}/publish",
            get(editions::confirm).post(editions::publish),
        )
        .route("/staff/editions/{edition}/errata", post(editions::erratum))
        .route("/staff/editions/{edition}/build", post(editions::build))
        .route("/staff/editions/{edition}/preview.pdf", get(editions::preview))
        .route(
            "/staff/editions/{edition}/builds/{build}/{file}",
            get(editions::download),
        )
        .route("/staff/attachments/{id}", get(collect::download))
        .route("/staff/accounts", get(accounts::list).post(accounts::create))
        .route("/staff/accounts/{id}", get(accounts::show))
        .route("/staff/accounts/{id}/role", post(accounts::change_role))
        .route("/staff/accounts/{id}/active", post(accounts::set_active))
        .route("/staff/accounts/{id}/link", post(accounts::reissue_link))
        .route(
            "/staff/accounts/{id}/two-factor/reset",
            post(accounts::reset_two_factor),
        )
}

/// The workspace's JSON API (`PATCH /api/v1/records/{table}/{id}`), with its part of the OpenAPI
/// document.
pub(crate) fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(api::patch))
}

pub(crate) use audit::record_html as audit_record_html;
pub use editions::Builds;
pub(crate) use editions::{FinalBuild, build_date, read_files};
pub use uncited::UncitedFacts;

/// What the workspace's navigation shows for the signed-in person.
pub(crate) struct Nav {
    pub name: String,
    /// The role's label in the request's language.
    pub role: String,
    pub csrf: String,
    pub can_edit: bool,
    pub can_review: bool,
    pub can_decide: bool,
    pub can_see_editions: bool,
    pub can_admin: bool,
}

impl Nav {
    pub(crate) fn of(s: &SignedIn) -> Nav {
        Nav {
            name: s.account.name.clone(),
            role: role_label(s.role),
            csrf: s.csrf_token.clone(),
            can_edit: edit_mode(s.role).is_some(),
            can_review: may_review(s.role),
            can_decide: may_decide(s.role),
            can_see_editions: editions::READERS.contains(&s.role),
            can_admin: ADMINS.contains(&s.role),
        }
    }
}

/// Roles that may change records (directly or as proposals).
pub(crate) const EDITORS_AND_PROPOSERS: &[AccountRole] = &[
    AccountRole::Admin,
    AccountRole::Editor,
    AccountRole::Researcher,
    AccountRole::Student,
    AccountRole::Partner,
];
/// Roles that read the review queue and the audit log.
pub(crate) const REVIEWERS: &[AccountRole] = &[AccountRole::Admin, AccountRole::Editor, AccountRole::Reviewer];
/// Roles that decide proposals and make assignments.
pub(crate) const DECIDERS: &[AccountRole] = &[AccountRole::Admin, AccountRole::Editor];

/// Roles that administer accounts.
pub(crate) const ADMINS: &[AccountRole] = &[AccountRole::Admin];

/// Names a set of roles as a type, for [`Staff`].
macro_rules! roles {
    ($(#[$doc:meta])* $name:ident = $roles:expr) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl Roles for $name {
            const ROLES: &'static [AccountRole] = $roles;
        }
    };
}

roles!(
    /// Those who change records: [`EDITORS_AND_PROPOSERS`].
    Proposers = EDITORS_AND_PROPOSERS
);
roles!(
    /// Those who read the review queue and the audit log: [`REVIEWERS`].
    Reviewers = REVIEWERS
);
roles!(
    /// Those who decide proposals, make assignments and run data collection: [`DECIDERS`].
    Deciders = DECIDERS
);
roles!(
    /// Those who administer accounts: [`ADMINS`].
    Admins = ADMINS
);
roles!(
    /// Those who see editions, their builds and previews.
    EditionReaders = editions::READERS
);

/// Renders a workspace page with `status` (never cached).
pub(crate) fn render(status: StatusCode, template: &impl Template) -> Response {
    page(status, template, None)
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct Dashboard {
    nav: Nav,
    assignments: Vec<assignments::AssignmentRow>,
    rounds: Vec<assessments::RoundRow>,
    /// The essay calls the person edits as their guest editor.
    guest_calls: Vec<essays::GuestCall>,
    /// The essay reviews asked of the person that wait for their report.
    essay_reviews: Vec<essays::ReviewRow>,
    proposals: Vec<review::ProposalRow>,
    queue: Option<usize>,
    alerts: Vec<watchlist::AlertRow>,
}

async fn dashboard(State(state): State<AppState>, staff: Staff) -> Result<Response, WorkspaceError> {
    let store = &state.store;
    let me = staff.account.account_id;
    let assignments = assignments::rows(store, Some(me), false).await?;
    let rounds = assessments::round_rows(&state, &staff).await?;
    let guest_calls = essays::guest_calls(&state, me).await?;
    let mut essay_reviews = essays::reviews_of(&state, me).await?;
    essay_reviews.retain(|r| r.state != "submitted");
    let mine = store.proposals(None, Some(me)).await?;
    let proposals = review::rows(store, mine.into_iter().take(20).collect()).await?;
    let queue = if may_review(staff.role) {
        Some(store.proposals(Some(ReviewState::Proposed), None).await?.len())
    } else {
        None
    };
    let alerts = watchlist::alert_rows(store, me, true).await?;
    let view = Dashboard {
        alerts,
        nav: Nav::of(&staff),
        assignments,
        rounds,
        guest_calls,
        essay_reviews,
        proposals,
        queue,
    };
    Ok(render(StatusCode::OK, &view))
}

/// The label of `role` in the request's language ("Administrator", "Administrateur").
pub(crate) fn role_label(role: AccountRole) -> String {
    crate::lang::t(&format!("st-role-{}", role.code()))
}

/// A text that a page shows as it is typed in a template: HTML, so not escaped again.
pub(crate) type Html = askama::filters::HtmlSafeOutput<String>;

/// `text` escaped as the templates escape a value (`&`, `<`, `>`, `"`, `'`).
pub(crate) fn escape(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|e| e.to_string())
        .unwrap_or_default()
}

/// A message as element content: `&`, `<` and `>` escaped, quotes and apostrophes kept as a
/// template's own text has them (so that English pages read as they did before translation).
fn content(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;")
}

/// The message `key` in the request's language, as element content.
pub(crate) fn say(key: &str) -> Html {
    askama::filters::HtmlSafeOutput(content(&crate::lang::t(key)))
}

/// The message `key` with its placeholders `plain` (text, escaped) and `marked` (HTML, placed as
/// it is: a `<strong>`, a link, a name marked as English), as element content.
pub(crate) fn say_html(key: &str, plain: &[(&str, &str)], marked: &[(&str, &str)]) -> Html {
    let markers: Vec<String> = (0..plain.len() + marked.len())
        .map(|i| format!("\u{1}{i}\u{2}"))
        .collect();
    let names = plain.iter().chain(marked).map(|(name, _)| *name);
    let args: Vec<(&str, &str)> = names.zip(markers.iter().map(String::as_str)).collect();
    let mut text = content(&crate::lang::ta(key, &args));
    for (i, value) in plain
        .iter()
        .map(|(_, v)| escape(v))
        .chain(marked.iter().map(|(_, v)| v.to_string()))
        .enumerate()
    {
        text = text.replacen(&markers[i], &value, 1);
    }
    askama::filters::HtmlSafeOutput(text)
}

/// The message `key` with one placeholder, `name`, holding HTML.
pub(crate) fn say_one(key: &str, name: &str, html: &str) -> Html {
    say_html(key, &[], &[(name, html)])
}

/// The message `key` with its placeholders, all text, as element content.
pub(crate) fn say_with(key: &str, args: &[(&str, &str)]) -> Html {
    say_html(key, args, &[])
}

/// The message `key` whose form depends on the number `count` (its placeholder `count`).
pub(crate) fn say_n(key: &str, count: usize) -> Html {
    askama::filters::HtmlSafeOutput(content(&crate::lang::tn(key, "count", count)))
}

/// `text` in a `<strong>`, escaped.
pub(crate) fn strong(text: &str) -> String {
    format!("<strong>{}</strong>", escape(text))
}

/// The message `key` in a `<strong>`.
pub(crate) fn strong_t(key: &str) -> String {
    format!("<strong>{}</strong>", content(&crate::lang::t(key)))
}

/// `text` (a record's name, a value as recorded), escaped and marked as English on a French or
/// Spanish page.
pub(crate) fn english(text: &str) -> String {
    match crate::lang::english_attr() {
        "" => escape(text),
        attr => format!("<span{attr}>{}</span>", escape(text)),
    }
}

/// [`english`] for a template: a value as recorded, marked as English on a French or Spanish
/// page (as it was, unmarked, on an English page).
pub(crate) fn en(text: &str) -> Html {
    askama::filters::HtmlSafeOutput(english(text))
}

/// The label of a state code (`open`, `done`, `proposed`...) of `what` (`assignment`, `round`,
/// `proposal`) in the request's language; the code itself when it has none (as the pages show
/// it in English).
pub(crate) fn state_label(what: &str, code: &str) -> String {
    known(&format!("st-{what}-state-{code}"), code.to_string())
}

/// The label of a proposal's action ("Create", "Update", "Delete": the vocabulary's English
/// labels) in the request's language.
pub(crate) fn action_label(english: &str) -> String {
    let key = match english {
        "Create" => "st-action-create",
        "Update" => "st-action-update",
        "Delete" => "st-action-delete",
        "Change" => "st-action-change",
        _ => return english.to_string(),
    };
    crate::lang::t(key)
}

/// The label of an audit event's action (`create`, `update`, `enable`...) in the request's
/// language; the code itself in English, as the log shows it.
pub(crate) fn event_action(code: &str) -> String {
    known(&format!("st-event-{code}"), code.to_string())
}

/// The label of a link check's outcome (`dead`, `changed`, `unchecked`...) in the request's
/// language; the code itself in English.
pub(crate) fn outcome_label(code: &str) -> String {
    known(&format!("st-outcome-{code}"), code.to_string())
}

/// What an imported row does (`create`, `update`, `unchanged`) in the request's language; the
/// code itself in English.
pub(crate) fn row_action(code: &str) -> String {
    known(&format!("st-row-{code}"), code.to_string())
}

/// A problem with a submitted value, as a form's list of problems shows it: the field (see
/// [`field_name`]) and what is wrong, which is either in the request's language or the store's
/// English (marked as such on a French or Spanish page).
pub(crate) struct Problem {
    /// The field as the page names it.
    pub field: String,
    text: String,
    english: bool,
}

impl Problem {
    /// A problem the store found (its message is English).
    pub(crate) fn store(field: &str, message: &str) -> Problem {
        Problem {
            field: field_name(field),
            text: message.to_string(),
            english: true,
        }
    }

    /// A problem this crate says, in the request's language.
    pub(crate) fn said(field: &str, text: String) -> Problem {
        Problem {
            field: field_name(field),
            text,
            english: false,
        }
    }

    /// "field: what is wrong", as HTML.
    pub(crate) fn line(&self) -> Html {
        let text = if self.english {
            english(&self.text)
        } else {
            escape(&self.text)
        };
        say_html("st-problem", &[("field", &self.field)], &[("text", &text)])
    }
}

/// A link to `href` reading `text` (the message `key`).
pub(crate) fn link(href: &str, key: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(href), content(&crate::lang::t(key)))
}

/// A field's name as a page shows it beside a problem: the form's name (`organization_id`) in
/// English, as before; in French and Spanish the field's label, when one is known.
pub(crate) fn field_name(field: &str) -> String {
    let lang = crate::lang::lang();
    if lang == nmp_i18n::Lang::En {
        return field.to_string();
    }
    let (new_source, name) = match field.strip_prefix("source.") {
        Some(rest) => (true, rest),
        None => (false, field.strip_prefix("citation.").unwrap_or(field)),
    };
    let key = format!("st-field-{}", name.replace('_', "-"));
    let label = nmp_i18n::t_if(lang, &key).unwrap_or_else(|| name.to_string());
    if new_source {
        crate::lang::ta("st-field-of-new-source", &[("field", &label)])
    } else {
        label
    }
}

/// A message of the workspace in the request's language when it has one (`key`), else `english`:
/// for names built from a table or column (their label, or a new table's words).
pub(crate) fn known(key: &str, english: String) -> String {
    match crate::lang::lang() {
        nmp_i18n::Lang::En => english,
        lang => nmp_i18n::t_if(lang, key).unwrap_or(english),
    }
}

/// Whether `role` decides proposals (used by templates through the views).
pub(crate) fn decides(role: AccountRole) -> bool {
    may_decide(role)
}
