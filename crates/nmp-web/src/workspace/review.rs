//! The review queue: pending proposals, one proposal with its before/after diff and citation, and
//! the editor's decision (approve or reject, with a comment the proposer sees).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::{ChangeAction, ReviewState};
use nmp_store::auth::SignedIn;
use nmp_store::entity::{account, invitation, proposal, source};
use nmp_store::records::apply::ApplyError;
use nmp_store::records::workspace::may_review;
use nmp_store::records::{Fields, Namer, Record, SourceRef, schema};
use nmp_store::{Store, StoreError};

use super::forms::shown;
use super::records::title;
use super::{Deciders, Nav, Reviewers, render};
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// A proposal in a list.
pub(crate) struct ProposalRow {
    pub id: i32,
    pub what: String,
    /// [`ProposalRow::what`] as HTML, the record's name marked as English on a French or
    /// Spanish page.
    pub what_html: String,
    pub action: &'static str,
    /// The action's code (`create`, `update`, `delete`).
    pub action_code: String,
    pub proposer: String,
    /// [`ProposalRow::proposer`] as HTML, the name marked as English on a French or Spanish page.
    pub proposer_html: String,
    pub when: String,
    pub state: String,
    pub comment: Option<String>,
}

/// A timestamp for people: `2026-11-25 10:04 UTC`.
pub(crate) fn timestamp(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// [`timestamp`] as HTML: a `<time data-local>` element, which the script rewrites in the
/// reader's own time zone (the UTC text stays without it). For templates, with `|safe`.
pub(crate) fn local_time(t: time::OffsetDateTime) -> String {
    let iso = t
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    format!("<time datetime=\"{iso}\" data-local>{}</time>", timestamp(t))
}

/// HTML a page writes as it is: a message already escaped, for templates (not escaped again).
pub(crate) type Html = askama::filters::HtmlSafeOutput<String>;

/// `text` escaped as the templates escape a value (`&`, `<`, `>`, `"`, `'`).
pub(crate) fn escape(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|e| e.to_string())
        .unwrap_or_default()
}

/// A message as element content: `&`, `<` and `>` escaped, quotes and apostrophes kept as a
/// template's own text has them (so that the English pages read as they did before).
pub(crate) fn content(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;")
}

/// The message `key` (of `desk.ftl`) in the request's language, as element content.
pub(crate) fn say(key: &str) -> Html {
    askama::filters::HtmlSafeOutput(content(&crate::lang::t(key)))
}

/// The message `key` with its placeholders `plain` (text, escaped) and `marked` (HTML placed as
/// it is: a link, a `<code>`, a name marked as English), as element content.
pub(crate) fn say_html(key: &str, plain: &[(&str, &str)], marked: &[(&str, &str)]) -> Html {
    askama::filters::HtmlSafeOutput(said(key, plain, marked))
}

/// [`say_html`] as a `String`.
pub(crate) fn said(key: &str, plain: &[(&str, &str)], marked: &[(&str, &str)]) -> String {
    fill(content, key, plain, marked)
}

/// [`said`] for a text the pages showed as a value (built in Rust, escaped by the template):
/// its quotes and apostrophes escaped too, as they were.
pub(crate) fn said_text(key: &str, plain: &[(&str, &str)], marked: &[(&str, &str)]) -> String {
    fill(escape, key, plain, marked)
}

/// The message `key` escaped by `escaped`, its placeholders `plain` escaped as values and
/// `marked` placed as they are.
fn fill(escaped: fn(&str) -> String, key: &str, plain: &[(&str, &str)], marked: &[(&str, &str)]) -> String {
    let markers: Vec<String> = (0..plain.len() + marked.len())
        .map(|i| format!("\u{1}{i}\u{2}"))
        .collect();
    let names = plain.iter().chain(marked).map(|(name, _)| *name);
    let args: Vec<(&str, &str)> = names.zip(markers.iter().map(String::as_str)).collect();
    let mut text = escaped(&crate::lang::ta(key, &args));
    let values = plain
        .iter()
        .map(|(_, v)| escape(v))
        .chain(marked.iter().map(|(_, v)| v.to_string()));
    for (marker, value) in markers.iter().zip(values) {
        text = text.replacen(marker.as_str(), &value, 1);
    }
    text
}

/// The message `key` with its placeholders, all text, as element content.
pub(crate) fn say_with(key: &str, args: &[(&str, &str)]) -> Html {
    say_html(key, args, &[])
}

/// The message `key` whose form depends on the number `count` (its placeholder `count`).
pub(crate) fn say_n(key: &str, count: usize) -> Html {
    askama::filters::HtmlSafeOutput(content(&crate::lang::tn(key, "count", count)))
}

/// `text` (a record's name or prose, a message of the store) escaped, and marked as English on
/// a French or Spanish page.
pub(crate) fn english(text: &str) -> String {
    match crate::lang::english_attr() {
        "" => escape(text),
        attr => format!("<span{attr}>{}</span>", escape(text)),
    }
}

/// [`english`] for a template.
pub(crate) fn en(text: &str) -> Html {
    askama::filters::HtmlSafeOutput(english(text))
}

/// A link to `href` reading the message `key`.
pub(crate) fn link(href: &str, key: &str) -> String {
    format!("<a href=\"{}\">{}</a>", escape(href), content(&crate::lang::t(key)))
}

/// The message `key` in a `<strong>`.
pub(crate) fn strong(key: &str) -> String {
    format!("<strong>{}</strong>", content(&crate::lang::t(key)))
}

/// A link to proposal `id` reading the message `key` (`Proposal 12`, `proposal 12`).
pub(crate) fn proposal_link(id: impl std::fmt::Display, key: &str) -> String {
    let id = id.to_string();
    format!(
        "<a href=\"/staff/proposals/{id}\">{}</a>",
        content(&crate::lang::ta(key, &[("id", &id)]))
    )
}

/// The word for the code `code` of `kind` (a state, a status, a kind: `dk-{kind}-{code}`) in the
/// request's language; `english` (what the page showed before it was translated) when there is
/// none.
pub(crate) fn word(kind: &str, code: &str, english: &str) -> String {
    let key = format!("dk-{kind}-{}", code.replace(['_', ' '], "-"));
    nmp_i18n::t_if(crate::lang::lang(), &key).unwrap_or_else(|| english.to_string())
}

/// [`word`] for a code that the English page shows as it is (`open`, `submitted`).
pub(crate) fn code_word(kind: &str, code: &str) -> String {
    word(kind, code, code)
}

/// A form field as a refusal names it: by its name (`due_on`) in English, as before; in French
/// and Spanish by its label on the form (`dk-field-...`) when there is one.
pub(crate) fn field_name(field: &str) -> String {
    let lang = crate::lang::lang();
    if lang == nmp_i18n::Lang::En {
        return field.to_string();
    }
    nmp_i18n::t_if(lang, &format!("dk-field-{}", field.replace('_', "-"))).unwrap_or_else(|| field.to_string())
}

/// A refusal of a form as HTML: the field it names (as the page names it, see [`field_name`]),
/// and its message; `english_only` when the message is the store's (it exists in English only,
/// and is marked so on a French or Spanish page).
pub(crate) fn field_problem(field: &str, message: &str, english_only: bool) -> String {
    let text = if english_only {
        english(message)
    } else {
        escape(message)
    };
    said_text("dk-field-problem", &[("field", field)], &[("problem", &text)])
}

/// The refusals of a form (field, message) as HTML, the field named for the page: `ours`, this
/// crate's messages (already in the request's language), then the store's (in English).
pub(crate) fn field_problems(ours: &[(String, String)], theirs: &[(String, String)]) -> Vec<String> {
    let ours = ours.iter().map(|(f, m)| field_problem(&field_name(f), m, false));
    let theirs = theirs.iter().map(|(f, m)| field_problem(&field_name(f), m, true));
    ours.chain(theirs).collect()
}

/// The names of the accounts and of the questionnaire respondents, by their keys.
struct People {
    accounts: HashMap<i32, String>,
    respondents: HashMap<i32, String>,
}

async fn names(store: &Store) -> Result<People, WebError> {
    Ok(People {
        accounts: store
            .all::<account::Entity>()
            .await?
            .into_iter()
            .map(|a| (a.account_id, a.name))
            .collect(),
        respondents: store
            .all::<invitation::Entity>()
            .await?
            .into_iter()
            .map(|i| (i.invitation_id, i.respondent_name))
            .collect(),
    })
}

/// Who proposed it: the account's name, or the respondent of a questionnaire response; as
/// text, and as HTML with the name marked as English on a French or Spanish page.
fn proposer_name(names: &People, p: &proposal::Model) -> (String, String) {
    match (p.proposed_by, p.invitation_id) {
        (Some(id), _) => {
            let name = names.accounts.get(&id).cloned().unwrap_or_default();
            let html = english(&name);
            (name, html)
        }
        (None, Some(inv)) => match names.respondents.get(&inv) {
            Some(name) => (
                crate::lang::ta("dk-by-respondent", &[("name", name)]),
                said_text("dk-by-respondent", &[], &[("name", &english(name))]),
            ),
            None => {
                let text = crate::lang::ta("dk-by-invitation", &[("invitation", &inv.to_string())]);
                let html = escape(&text);
                (text, html)
            }
        },
        (None, None) => (String::new(), String::new()),
    }
}

fn after_fields(p: &proposal::Model) -> Fields {
    p.after_json
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

fn before_fields(p: &proposal::Model) -> Fields {
    p.before_json
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// What a proposal is about, in words: "Mechanism: Kenya's committee" (named as the record is,
/// or as the proposal would make it); as text, and as HTML with the name marked as English on a
/// French or Spanish page.
async fn what(namer: &mut Namer<'_>, store: &Store, p: &proposal::Model) -> Result<(String, String), WebError> {
    let key = p.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let current = match key {
        Some(k) => store.record(&p.entity, k).await?,
        None => None,
    };
    let mut new = false;
    let name = match current {
        Some(r) => namer.record(&r).await?,
        None => {
            let mut r = nmp_store::records::Record {
                table: p.entity.clone(),
                key: key.unwrap_or_default(),
                version: 0,
                updated_by: String::new(),
                fields: before_fields(p),
            };
            r.fields.extend(after_fields(p));
            new = key.is_none() && p.action == "create";
            namer.record(&r).await?
        }
    };
    let table = title(&p.entity);
    let key = if new { "dk-what-new" } else { "dk-what" };
    Ok((
        crate::lang::ta(key, &[("table", &table), ("name", &name)]),
        said_text(key, &[("table", &table)], &[("name", &english(&name))]),
    ))
}

/// List rows for proposals.
pub(crate) async fn rows(store: &Store, proposals: Vec<proposal::Model>) -> Result<Vec<ProposalRow>, WebError> {
    let names = names(store).await?;
    let mut namer = store.namer();
    let mut out = Vec::new();
    for p in proposals {
        let (proposer, proposer_html) = proposer_name(&names, &p);
        let (what, what_html) = what(&mut namer, store, &p).await?;
        out.push(ProposalRow {
            id: p.proposal_id,
            what,
            what_html,
            action: ChangeAction::parse("action", &p.action)
                .map(|a| a.label())
                .unwrap_or("Change"),
            action_code: p.action.clone(),
            proposer,
            proposer_html,
            when: local_time(p.created_at),
            state: p.state.clone(),
            comment: p.decision_comment.clone(),
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "staff/review.html")]
struct QueuePage {
    nav: Nav,
    rows: Vec<ProposalRow>,
}

pub(super) async fn queue(State(state): State<AppState>, staff: Staff<Reviewers>) -> Result<Response, WorkspaceError> {
    let pending = state.store.proposals(Some(ReviewState::Proposed), None).await?;
    let view = QueuePage {
        nav: Nav::of(&staff),
        rows: rows(&state.store, pending).await?,
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Template)]
#[template(path = "staff/proposal.html")]
struct ProposalPage {
    nav: Nav,
    id: i32,
    version: i32,
    /// What the proposal is about, as HTML.
    what_html: String,
    action: &'static str,
    action_code: String,
    /// Who proposed it, as HTML.
    proposer_html: String,
    when: String,
    state: String,
    message: Option<String>,
    /// (field, before, proposed, current) for the fields the proposal touches.
    diff: Vec<(String, String, String, String)>,
    moved_on: bool,
    /// The citation in words, as HTML.
    citation: Option<String>,
    /// Who decided, when, as HTML.
    decided: Option<String>,
    comment: Option<String>,
    can_decide: bool,
    record_link: Option<String>,
    /// What refused the decision, as HTML.
    error: Option<String>,
    /// Documents attached to the questionnaire response the proposal came from: (id, file name,
    /// type, size).
    attachments: Vec<(i32, String, String, String)>,
    /// The proposals creating the records this row belongs to: (id, table in words, the new
    /// record's name, state). A row naming a new institution on a new mechanism has two: the
    /// institution's (its parent) and the mechanism of the same response.
    parents: Vec<(i32, String, String, String)>,
}

impl ProposalPage {
    /// The message saying which proposal creates the record a row belongs to: with the new
    /// record's name or without, and asking to approve it first while it is pending.
    fn parent_key(&self, name: &str, state: &str) -> &'static str {
        match (name.is_empty(), state == ReviewState::Proposed.code()) {
            (true, false) => "dk-parent",
            (true, true) => "dk-parent-pending",
            (false, false) => "dk-parent-named",
            (false, true) => "dk-parent-named-pending",
        }
    }
}

async fn proposal_page(
    store: &Store,
    signed_in: &SignedIn,
    p: &proposal::Model,
    error: Option<String>,
) -> Result<ProposalPage, WebError> {
    let names = names(store).await?;
    let before = before_fields(p);
    let after = after_fields(p);
    let key = p.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let current = match key {
        Some(k) => store.record(&p.entity, k).await?,
        None => None,
    };
    let mut namer = store.namer();
    let diff = diff(&mut namer, p, &before, &after, current.as_ref()).await?;
    let pending = p.state == ReviewState::Proposed.code();
    let moved_on = pending && p.base_version.is_some() && current.as_ref().map(|r| r.version) != p.base_version;
    let citation = citation_text(store, p).await?;
    let decided = p.decided_by.map(|d| {
        said_text(
            "dk-decided",
            &[
                ("state", &code_word("proposal-state", &p.state)),
                ("when", &p.decided_at.map(timestamp).unwrap_or_default()),
            ],
            &[("name", &english(&names.accounts.get(&d).cloned().unwrap_or_default()))],
        )
    });
    let record_link = match (key, &current) {
        (Some(k), Some(_)) => Some(format!("/staff/records/{}/{k}", p.entity)),
        _ => None,
    };
    let attachments = match p.invitation_id {
        Some(inv) if may_review(signed_in.role) => nmp_collect::attach::list(store, inv)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .into_iter()
            .map(|a| {
                let size = a.size_text();
                (a.0.attachment_id, a.0.file_name, a.0.content_type, size)
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut parents = Vec::new();
    if let Some(id) = p.parent_proposal_id
        && let Some(parent) = store.get::<proposal::Entity>(id).await?
    {
        parents.push(parent);
    }
    // A row left without its mechanism although its parent creates something else waits for
    // the mechanism its response proposed too.
    let lacks_mechanism = p.invitation_id.is_some()
        && p.action == "create"
        && after.get("mechanism_id").is_some_and(serde_json::Value::is_null)
        && parents.iter().all(|q| q.entity != "mechanism");
    if lacks_mechanism && let Some(inv) = p.invitation_id {
        let mechanism = store
            .proposals_of_invitation(inv)
            .await?
            .into_iter()
            .filter(|q| q.entity == "mechanism" && q.action == "create")
            // The approved one, else the newest.
            .max_by_key(|q| q.state == ReviewState::Approved.code());
        parents.extend(mechanism);
    }
    let parents = parents
        .into_iter()
        .map(|q| {
            let name = shown(after_fields(&q).get("name"));
            (q.proposal_id, title(&q.entity), name, q.state)
        })
        .collect();
    Ok(ProposalPage {
        nav: Nav::of(signed_in),
        id: p.proposal_id,
        version: p.version,
        what_html: what(&mut namer, store, p).await?.1,
        action: ChangeAction::parse("action", &p.action)
            .map(|a| a.label())
            .unwrap_or("Change"),
        action_code: p.action.clone(),
        proposer_html: proposer_name(&names, p).1,
        when: local_time(p.created_at),
        state: p.state.clone(),
        message: p.message.clone(),
        diff,
        moved_on,
        citation,
        decided,
        comment: p.decision_comment.clone(),
        can_decide: pending && super::decides(signed_in.role),
        record_link,
        error,
        attachments,
        parents,
    })
}

/// (field, before, proposed, current) for the fields the proposal touches, the values named for
/// people (a reference by the name of the row it points to, a code by its label).
async fn diff(
    namer: &mut Namer<'_>,
    p: &proposal::Model,
    before: &Fields,
    after: &Fields,
    current: Option<&Record>,
) -> Result<Vec<(String, String, String, String)>, WebError> {
    let mut diff = Vec::new();
    let null = serde_json::Value::Null;
    for spec in schema::fields(&p.entity)? {
        let touched = match p.action.as_str() {
            "update" => after.contains_key(&spec.name),
            "create" => !shown(after.get(&spec.name)).is_empty(),
            _ => !shown(before.get(&spec.name)).is_empty(),
        };
        if touched {
            let now = match current {
                Some(r) => {
                    namer
                        .value(&p.entity, &spec.name, r.fields.get(&spec.name).unwrap_or(&null))
                        .await?
                }
                None => String::new(),
            };
            diff.push((
                spec.label(),
                namer
                    .value(&p.entity, &spec.name, before.get(&spec.name).unwrap_or(&null))
                    .await?,
                namer
                    .value(&p.entity, &spec.name, after.get(&spec.name).unwrap_or(&null))
                    .await?,
                now,
            ));
        }
    }
    Ok(diff)
}

/// The proposal's citation in words: the source, the field it supports, where, and the quote.
async fn citation_text(store: &Store, p: &proposal::Model) -> Result<Option<String>, WebError> {
    let text = match Store::proposal_change(p)
        .map_err(|e| WebError::Internal(e.to_string()))?
        .1
    {
        None => None,
        Some(c) => {
            let source = match &c.source {
                SourceRef::Existing(id) => match store.get::<source::Entity>(*id).await? {
                    Some(s) => format!("{} ({})", english(&s.title), escape(&s.slug)),
                    None => said_text("dk-source-gone", &[("id", &id.to_string())], &[]),
                },
                SourceRef::New(fields) => said_text(
                    "dk-new-source",
                    &[("slug", &shown(fields.get("slug")))],
                    &[("title", &english(&shown(fields.get("title"))))],
                ),
            };
            let mut text = source;
            if let Some(f) = &c.field {
                let label = schema::fields(&p.entity)?
                    .iter()
                    .find(|s| s.name == *f)
                    .map_or_else(|| f.clone(), |s| s.label().to_lowercase());
                text.push_str(&said_text("dk-supports-field", &[], &[("field", &english(&label))]));
            }
            if let Some(l) = &c.locator {
                text.push_str(&said_text("dk-cited-at", &[], &[("where", &english(l))]));
            }
            if let Some(q) = &c.quote {
                text.push_str(&said_text("dk-cited-quote", &[], &[("quote", &english(q))]));
            }
            Some(text)
        }
    };
    Ok(text)
}

/// Proposal `id`, when the signed-in person may see it: their own, or any for reviewers.
async fn visible(state: &AppState, signed_in: &SignedIn, id: i32) -> Result<proposal::Model, WorkspaceError> {
    let p = state
        .store
        .get::<proposal::Entity>(id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("proposal {id} does not exist")))?;
    if p.proposed_by != Some(signed_in.account.account_id) && !may_review(signed_in.role) {
        return Err(WorkspaceError::forbidden(
            &crate::lang::t("dk-own-proposals-only"),
            Some(("/staff", &crate::lang::t("dk-your-workspace"))),
        ));
    }
    Ok(p)
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let p = visible(&state, &staff, id).await?;
    let view = proposal_page(&state.store, &staff, &p, None).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let p = visible(&state, &staff, id).await?;
    let again = |status: StatusCode, error: String| with_error(&state, &staff, &p, status, error);
    let approve = match form.text("decision") {
        "approve" => true,
        "reject" => false,
        other => {
            let text = crate::lang::ta("dk-not-a-decision", &[("given", &format!("{other:?}"))]);
            let error = field_problem(&field_name("decision"), &text, false);
            return again(StatusCode::UNPROCESSABLE_ENTITY, error).await;
        }
    };
    let Ok(version) = form.text("version").trim().parse::<i32>() else {
        let text = crate::lang::t("dk-reload-and-decide");
        let error = field_problem(&field_name("version"), &text, false);
        return again(StatusCode::UNPROCESSABLE_ENTITY, error).await;
    };
    let comment = form.get("comment");
    match state.store.decide(&staff.account, id, version, approve, comment).await {
        Ok(_) => Ok(Redirect::to(&format!("/staff/proposals/{id}")).into_response()),
        Err(ApplyError::Store(StoreError::Conflict { entity, .. })) if entity != "proposal" => {
            again(StatusCode::CONFLICT, escape(&crate::lang::t("dk-record-changed"))).await
        }
        Err(ApplyError::Store(StoreError::Conflict { .. })) => {
            again(StatusCode::CONFLICT, escape(&crate::lang::t("dk-decided-first"))).await
        }
        Err(ApplyError::Fields(errors)) => {
            let text = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
            let error = said_text("dk-not-approved", &[], &[("problems", &english(&text))]);
            again(StatusCode::UNPROCESSABLE_ENTITY, error).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The proposal's page again, as it now is, with `error` (HTML) on top.
async fn with_error(
    state: &AppState,
    signed_in: &SignedIn,
    p: &proposal::Model,
    status: StatusCode,
    error: String,
) -> Result<Response, WorkspaceError> {
    let fresh = state.store.get::<proposal::Entity>(p.proposal_id).await?;
    let fresh = fresh.unwrap_or_else(|| p.clone());
    let view = proposal_page(&state.store, signed_in, &fresh, Some(error)).await?;
    Ok(render(status, &view))
}
