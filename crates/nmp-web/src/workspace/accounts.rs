//! Accounts, for administrators (`/staff/accounts`): the list (name, email, role, active, second
//! factor, last sign-in), creating an account (its one-time set-password link is shown once, and
//! mailed when an SMTP server is set), and per account: changing the role, deactivating or
//! reactivating, issuing a new link, and resetting a lost second factor. The use cases are
//! `nmp_store::auth`'s (`admin.rs`); role and activity changes carry the version the page showed,
//! so a stale one is the 409 page, never an overwrite.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::{AccountRole, MailStatus};
use nmp_mail::{Delivery, Mail};
use nmp_store::StoreError;
use nmp_store::auth::{AccountRow, AuthError, LinkPurpose, NewAccount};
use nmp_store::entity::{account, organization};

use super::{Admins, Nav, Problem, render, role_label};
use crate::AppState;
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError, refusal_text};
use crate::lang::{t, ta};

/// An account in the list or on its page.
pub(crate) struct AccountView {
    id: i32,
    version: i32,
    name: String,
    email: String,
    role: String,
    role_label: String,
    organization: Option<String>,
    organization_id: Option<i32>,
    active: bool,
    password_set: bool,
    two_factor: bool,
    last_sign_in: Option<String>,
}

impl AccountView {
    fn of(row: AccountRow) -> AccountView {
        let a = row.account;
        let role = AccountRole::parse("role", &a.role).ok();
        AccountView {
            id: a.account_id,
            version: a.version,
            name: a.name,
            email: a.email,
            role_label: role.map_or_else(|| t("st-unknown-role"), role_label),
            role: a.role,
            organization: row.organization,
            organization_id: a.organization_id,
            active: a.active,
            password_set: a.password_hash.is_some(),
            two_factor: row.two_factor,
            last_sign_in: row
                .last_sign_in
                .map(|t| format!("{} {:02}:{:02} UTC", t.date(), t.hour(), t.minute())),
        }
    }

    fn is_partner(&self) -> bool {
        self.role == AccountRole::Partner.code()
    }
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct ListPage {
    nav: Nav,
    rows: Vec<AccountView>,
    roles: Vec<(&'static str, String)>,
    organizations: Vec<(i32, String)>,
    form: Form,
    errors: Vec<Problem>,
}

impl ListPage {
    fn value(&self, name: &str) -> &str {
        self.form.text(name)
    }
}

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    nav: Nav,
    a: AccountView,
    me: bool,
    roles: Vec<(&'static str, String)>,
    organizations: Vec<(i32, String)>,
}

#[derive(Template)]
#[template(path = "staff/account_link.html")]
struct LinkPage {
    nav: Nav,
    a: AccountView,
    created: bool,
    link: String,
    days: i64,
    mail: Option<String>,
}

fn roles() -> Vec<(&'static str, String)> {
    AccountRole::ALL.iter().map(|r| (r.code(), role_label(*r))).collect()
}

async fn organizations(state: &AppState) -> Result<Vec<(i32, String)>, WorkspaceError> {
    let mut all: Vec<(i32, String)> = state
        .store
        .all::<organization::Entity>()
        .await?
        .into_iter()
        .map(|o| (o.organization_id, o.name))
        .collect();
    all.sort_by_key(|a| a.1.to_lowercase());
    Ok(all)
}

/// What a store refusal looks like on these pages.
fn refused(e: AuthError, id: Option<i32>) -> WorkspaceError {
    let back = id.map(|id| format!("/staff/accounts/{id}"));
    let back_text = t("st-back-to-account");
    let link = back.as_deref().map(|b| (b, back_text.as_str()));
    let not_done = t("st-not-done");
    match e {
        AuthError::Invalid(v) => WorkspaceError::Fields(vec![v]),
        AuthError::Refused(why) => match refusal_text(&why) {
            Some(text) => WorkspaceError::message(StatusCode::UNPROCESSABLE_ENTITY, &not_done, &text, link),
            None => WorkspaceError::message_en(StatusCode::UNPROCESSABLE_ENTITY, &not_done, &why, link),
        },
        AuthError::Store(StoreError::Conflict { .. }) => WorkspaceError::message(
            StatusCode::CONFLICT,
            &t("auth-changed-by-someone"),
            &t("st-account-conflict"),
            link,
        ),
        AuthError::Store(StoreError::NotFound { .. }) => {
            WorkspaceError::not_found(format!("account {}", id.unwrap_or_default()))
        }
        other => other.into(),
    }
}

/// The 422 "Not saved" page for a problem with `field` said in the request's language.
fn not_saved(field: &str, text: &str) -> WorkspaceError {
    let line = ta("st-problem", &[("field", &super::field_name(field)), ("text", text)]);
    WorkspaceError::message(StatusCode::UNPROCESSABLE_ENTITY, &t("auth-not-saved"), &line, None)
}

/// The `version` field of a form, or a 422 naming it.
fn version(form: &Form) -> Result<i32, WorkspaceError> {
    form.text("version")
        .trim()
        .parse()
        .map_err(|_| not_saved("version", &t("st-account-no-version")))
}

/// An organisation chosen in a form (empty for none), or the problem with it.
fn organization_id(form: &Form) -> Result<Option<i32>, Problem> {
    let text = form.text("organization_id").trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| {
        let quoted = format!("{text:?}");
        Problem::said(
            "organization_id",
            ta("st-account-bad-organisation", &[("value", &quoted)]),
        )
    })
}

async fn row(state: &AppState, id: i32) -> Result<AccountView, WorkspaceError> {
    match state.store.account_row(id).await? {
        Some(row) => Ok(AccountView::of(row)),
        None => Err(WorkspaceError::not_found(format!("account {id}"))),
    }
}

/// The set-password link for `token`.
fn link(state: &AppState, token: &str) -> String {
    format!("{}/set-password/{token}", state.mail.public_url.trim_end_matches('/'))
}

/// Mails the link when an SMTP server is set (the outbox is not used: the administrator has the
/// link on the page), and records the message in the mail log without the link. Returns what
/// happened, for the page.
/// The page that shows a new or reissued set-password link (and whether it was mailed).
async fn link_page(
    state: &AppState,
    staff: &Staff<Admins>,
    account: &account::Model,
    token: &str,
    created: bool,
) -> Result<Response, WorkspaceError> {
    let link = link(state, token);
    let mail = mail_link(state, staff, account, &link).await?;
    let view = LinkPage {
        nav: Nav::of(staff),
        a: row(state, account.account_id).await?,
        created,
        link,
        days: LinkPurpose::SetPassword.lifetime().whole_days(),
        mail,
    };
    Ok(render(StatusCode::OK, &view))
}

async fn mail_link(
    state: &AppState,
    staff: &Staff<Admins>,
    account: &account::Model,
    link: &str,
) -> Result<Option<String>, WorkspaceError> {
    if !state.mail.mailer.uses_smtp() {
        return Ok(None);
    }
    let days = LinkPurpose::SetPassword.lifetime().whole_days();
    let (subject, body) = (t("st-account-mail-subject"), |link: &str| {
        account_mail_body(
            &account.name,
            &staff.account.name,
            &account.role,
            days,
            link,
            &account.email,
        )
    });
    let mail = Mail {
        to: account.email.clone(),
        subject: subject.clone(),
        body: body(link),
    };
    let (status, detail, said) = match state.mail.mailer.send(&mail).await {
        Ok(Delivery::Sent(reply)) => (
            MailStatus::Sent,
            reply,
            ta("st-link-mailed", &[("email", &account.email)]),
        ),
        Ok(Delivery::Outbox(path)) => (MailStatus::Outbox, path.display().to_string(), t("st-link-outbox")),
        Err(e) => (
            MailStatus::Failed,
            e.to_string(),
            ta("st-link-mail-failed", &[("error", &e.to_string())]),
        ),
    };
    state
        .store
        .record_account_mail(
            &staff.account.email,
            &account.email,
            &subject,
            &body(&t("st-account-mail-no-link")),
            status,
            &detail,
        )
        .await
        .map_err(|e| refused(e, None))?;
    Ok(Some(said))
}

async fn list_page(
    state: &AppState,
    staff: &Staff<Admins>,
    form: Form,
    errors: Vec<Problem>,
) -> Result<ListPage, WorkspaceError> {
    let rows = state
        .store
        .account_rows()
        .await?
        .into_iter()
        .map(AccountView::of)
        .collect();
    Ok(ListPage {
        nav: Nav::of(staff),
        rows,
        roles: roles(),
        organizations: organizations(state).await?,
        form,
        errors,
    })
}

pub(super) async fn list(State(state): State<AppState>, staff: Staff<Admins>) -> Result<Response, WorkspaceError> {
    let view = list_page(&state, &staff, Form(Vec::new()), Vec::new()).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn create(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let role = AccountRole::parse("role", form.text("role").trim());
    let organization = organization_id(&form);
    let new = match (role, organization) {
        (Ok(role), Ok(organization_id)) => NewAccount {
            email: form.text("email").to_string(),
            name: form.text("name").to_string(),
            role,
            organization_id,
        },
        (role, organization) => {
            let mut errors = Vec::new();
            if let Err(e) = role {
                errors.push(Problem::store("role", &e.message));
            }
            if let Err(problem) = organization {
                errors.push(problem);
            }
            let view = list_page(&state, &staff, form, errors).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
    };
    let (account, token) = match state.store.add_account(&staff.account.email, &new).await {
        Ok(created) => created,
        Err(AuthError::Invalid(e)) => {
            let view = list_page(&state, &staff, form, vec![Problem::store(&e.field, &e.message)]).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view));
        }
        Err(e) => return Err(refused(e, None)),
    };
    link_page(&state, &staff, &account, &token, true).await
}

pub(super) async fn show(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    Path(id): Path<i32>,
) -> Result<Response, WorkspaceError> {
    let view = AccountPage {
        nav: Nav::of(&staff),
        me: staff.account.account_id == id,
        a: row(&state, id).await?,
        roles: roles(),
        organizations: organizations(&state).await?,
    };
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn change_role(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    Path(id): Path<i32>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let version = version(&form)?;
    let role = AccountRole::parse("role", form.text("role").trim()).map_err(|e| WorkspaceError::Fields(vec![e]))?;
    let organization_id = if role == AccountRole::Partner {
        organization_id(&form).map_err(|p| not_saved("organization_id", &p.text))?
    } else {
        None
    };
    state
        .store
        .change_role(&staff.account, id, version, role, organization_id)
        .await
        .map_err(|e| refused(e, Some(id)))?;
    Ok(Redirect::to(&format!("/staff/accounts/{id}")).into_response())
}

pub(super) async fn set_active(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    Path(id): Path<i32>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let version = version(&form)?;
    let active = match form.text("active") {
        "true" => true,
        "false" => false,
        other => {
            let quoted = format!("{other:?}");
            return Err(not_saved("active", &ta("st-account-bad-active", &[("value", &quoted)])));
        }
    };
    state
        .store
        .set_account_active(&staff.account, id, version, active)
        .await
        .map_err(|e| refused(e, Some(id)))?;
    Ok(Redirect::to(&format!("/staff/accounts/{id}")).into_response())
}

pub(super) async fn reissue_link(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    Path(id): Path<i32>,
    CsrfForm(_): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let (account, token) = state
        .store
        .reissue_link(&staff.account.email, id)
        .await
        .map_err(|e| refused(e, Some(id)))?;
    link_page(&state, &staff, &account, &token, false).await
}

pub(super) async fn reset_two_factor(
    State(state): State<AppState>,
    staff: Staff<Admins>,
    Path(id): Path<i32>,
    CsrfForm(_): CsrfForm,
) -> Result<Response, WorkspaceError> {
    row(&state, id).await?;
    state
        .store
        .reset_two_factor(&staff.account.email, id)
        .await
        .map_err(|e| refused(e, Some(id)))?;
    Ok(Redirect::to(&format!("/staff/accounts/{id}")).into_response())
}

/// The body of the mail that gives a new account its set-password link, in the page's language
/// (that of the administrator who made the account: the account records no language).
fn account_mail_body(name: &str, admin: &str, role: &str, days: i64, link: &str, email: &str) -> String {
    let role = nmp_i18n::vocabulary_label(crate::lang::lang(), "AccountRole", role).unwrap_or_else(|| {
        AccountRole::parse("role", role)
            .map_or("staff", AccountRole::label)
            .to_string()
    });
    ta(
        "st-account-mail-body",
        &[
            ("name", name),
            ("admin", admin),
            ("role", &role),
            ("days", &days.to_string()),
            ("link", link),
            ("email", email),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_mail_is_in_the_administrator_s_language() {
        let english = account_mail_body(
            "Ana",
            "Ben",
            "reviewer",
            7,
            "https://x/set-password/T",
            "ana@example.org",
        );
        assert!(
            english.starts_with("Dear Ana,\n\nBen has given you an account (Reviewer)"),
            "{english}"
        );
        assert!(
            english.contains("\n\nhttps://x/set-password/T\n\n") && english.contains("7 days"),
            "{english}"
        );
        let french = crate::lang::within(nmp_i18n::Lang::Fr, || {
            account_mail_body(
                "Ana",
                "Ben",
                "reviewer",
                7,
                "https://x/set-password/T",
                "ana@example.org",
            )
        });
        assert!(
            french.starts_with("Bonjour Ana,\n\nBen vous a ouvert un compte (Relecteur)"),
            "{french}"
        );
        assert!(
            french.contains("pendant 7 jours") && french.contains("ana@example.org"),
            "{french}"
        );
        let spanish = crate::lang::within(nmp_i18n::Lang::Es, || t("st-account-mail-subject"));
        assert_eq!(spanish, "Su cuenta en NMP");
    }
}
