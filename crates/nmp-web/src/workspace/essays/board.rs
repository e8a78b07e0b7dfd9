//! The edition's essay board, its calls, and inviting authors. Editors see every call of the
//! edition and open new ones (naming a guest editor, or none); a guest editor sees only the calls
//! they edit, with their essays, and invites authors to them.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::essays::{Author, NewCall, overdue};
use nmp_core::vocab::EssayStage;
use nmp_i18n::Lang;
use nmp_store::auth::SignedIn;
use nmp_store::entity::{account, edition, essay_call};

use super::{call_of, problems, require_handler};
use crate::AppState;
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::workspace::{Deciders, Nav, decides, render};

/// An essay on the board.
pub(super) struct Card {
    pub id: i32,
    pub title: String,
    pub author: String,
    pub due: String,
    pub overdue: bool,
}

/// A call as the board lists it.
pub(super) struct CallRow {
    pub call: essay_call::Model,
    /// Its guest editor's name and role, if it has one.
    pub guest_editor: Option<String>,
}

/// One column of the board.
pub(super) struct Column {
    pub code: &'static str,
    pub label: &'static str,
    pub cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "staff/essays.html")]
struct BoardPage {
    nav: Nav,
    slug: String,
    title: String,
    /// Whether the "Open a call" form is shown: for editors, on an edition not yet published.
    can_open: bool,
    calls: Vec<CallRow>,
    /// The active staff accounts a call may name as its guest editor: `(id, name (role))`.
    people: Vec<(i32, String)>,
    columns: Vec<Column>,
    notice: Option<String>,
    link: Option<String>,
    errors: Vec<(String, String)>,
    /// The call form as typed: title, description, deadline, anonymity, guest editor's id.
    call_form: (String, String, String, String, String),
    /// The invitation form as typed: call, name, email, due, language.
    invite_form: (i32, String, String, String, String),
}

async fn edition_of(state: &AppState, slug: &str) -> Result<edition::Model, WorkspaceError> {
    let found = state.store.frozen_edition(slug).await?;
    found.map(|(e, _)| e).ok_or_else(|| {
        WorkspaceError::message(
            StatusCode::NOT_FOUND,
            "No such edition",
            &format!("There is no edition {slug:?}."),
            Some(("/staff/editions", "Editions")),
        )
    })
}

struct Typed {
    notice: Option<String>,
    link: Option<String>,
    errors: Vec<(String, String)>,
    call_form: (String, String, String, String, String),
    invite_form: (i32, String, String, String, String),
}

impl Default for Typed {
    fn default() -> Self {
        Typed {
            notice: None,
            link: None,
            errors: Vec::new(),
            call_form: (
                String::new(),
                String::new(),
                String::new(),
                "double".into(),
                String::new(),
            ),
            invite_form: (0, String::new(), String::new(), String::new(), "en".into()),
        }
    }
}

/// The board of edition `slug` as `staff` may see it: every call for editors, the calls they
/// edit for a guest editor; anyone else is refused with a 403 page.
async fn board(
    state: &AppState,
    staff: &SignedIn,
    slug: &str,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let ed = edition_of(state, slug).await?;
    let editor = decides(staff.role);
    let calls: Vec<essay_call::Model> = state
        .store
        .essay_calls(ed.edition_id)
        .await?
        .into_iter()
        .filter(|c| super::handles(staff, c))
        .collect();
    if !editor && calls.is_empty() {
        return Err(WorkspaceError::forbidden_en(
            &format!(
                "The essays of {} are for the editors and for the guest editors of its calls; you are the guest editor of none of them.",
                ed.title
            ),
            Some(("/staff", &crate::lang::t("auth-your-workspace"))),
        ));
    }
    let essays: Vec<_> = state
        .store
        .essays_of_edition(ed.edition_id)
        .await?
        .into_iter()
        .filter(|e| calls.iter().any(|c| c.call_id == e.call_id))
        .collect();
    let accounts = state.store.all::<account::Entity>().await?;
    let label = |a: &account::Model| format!("{} ({})", a.name, a.role);
    let people = if editor {
        accounts
            .iter()
            .filter(|a| a.active)
            .map(|a| (a.account_id, label(a)))
            .collect()
    } else {
        Vec::new()
    };
    let calls = calls
        .into_iter()
        .map(|call| CallRow {
            guest_editor: call
                .guest_editor_id
                .and_then(|g| accounts.iter().find(|a| a.account_id == g))
                .map(label),
            call,
        })
        .collect();
    let today = nmp_collect::today();
    let mut columns: Vec<Column> = EssayStage::ALL
        .iter()
        .map(|s| Column {
            code: s.code(),
            label: s.label(),
            cards: Vec::new(),
        })
        .collect();
    for e in essays {
        let file = state.store.essay_file(e.essay_id).await?;
        let title = file
            .as_ref()
            .and_then(|f| f.latest().map(|v| v.title.clone()))
            .unwrap_or_else(|| "(no manuscript yet)".into());
        if let Some(col) = columns.iter_mut().find(|c| c.code == e.stage) {
            col.cards.push(Card {
                id: e.essay_id,
                title,
                author: e.author_name.clone(),
                due: e.due_on.clone(),
                overdue: overdue(&e, &today),
            });
        }
    }
    let page = BoardPage {
        nav: Nav::of(staff),
        slug: ed.slug.clone(),
        title: ed.title.clone(),
        can_open: editor && ed.status != "published",
        calls,
        people,
        columns,
        notice: typed.notice,
        link: typed.link,
        errors: typed.errors,
        call_form: typed.call_form,
        invite_form: typed.invite_form,
    };
    Ok(render(status, &page))
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    board(&state, &staff, &slug, Typed::default(), StatusCode::OK).await
}

pub(super) async fn open_call(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let ed = edition_of(&state, &slug).await?;
    let guest = form.text("guest_editor_id").trim().to_string();
    let guest_editor_id = match guest.as_str() {
        "" => Ok(None),
        id => id.parse::<i32>().map(Some).map_err(|_| {
            vec![(
                "guest_editor_id".to_string(),
                format!("{id:?} is not a staff account's key: choose the guest editor from the list, or none"),
            )]
        }),
    };
    let call = NewCall {
        edition_id: ed.edition_id,
        title: form.text("title").to_string(),
        description: Some(form.text("description").to_string()),
        deadline: form.text("deadline").to_string(),
        guest_editor_id: guest_editor_id.clone().unwrap_or(None),
        anonymity: form.text("anonymity").to_string(),
    };
    let result = match guest_editor_id {
        Ok(_) => match nmp_collect::essays::open_call(&state.store, &staff.account, &call).await {
            Ok(_) => return Ok(Redirect::to(&format!("/staff/editions/{slug}/essays")).into_response()),
            Err(e) => problems(e)?,
        },
        Err(refused) => refused,
    };
    let typed = Typed {
        errors: result,
        call_form: (
            call.title.clone(),
            form.text("description").to_string(),
            call.deadline.clone(),
            call.anonymity.clone(),
            guest,
        ),
        ..Default::default()
    };
    board(&state, &staff, &slug, typed, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub(super) async fn invite(
    State(state): State<AppState>,
    Path(call_id): Path<i32>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let call = call_of(&state, call_id).await?;
    require_handler(&staff, &call)?;
    let ed = state
        .store
        .get::<edition::Entity>(call.edition_id)
        .await?
        .expect("a call's edition exists");
    let who = Author {
        name: form.text("author_name").to_string(),
        email: form.text("author_email").to_string(),
        due_on: form.text("due_on").to_string(),
        language: Lang::from_code(form.text("language")).unwrap_or_default(),
    };
    let result = nmp_collect::essays::invite_author(
        &state.store,
        &state.mail.mailer,
        &state.mail.public_url,
        &staff.account,
        call_id,
        &who,
    )
    .await;
    match result {
        Ok(invited) => {
            let typed = Typed {
                notice: Some(format!(
                    "{} is invited. The invitation was mailed ({}). Their personal link, shown only now:",
                    invited.essay.author_name, invited.mail.status
                )),
                link: Some(invited.link),
                ..Default::default()
            };
            board(&state, &staff, &ed.slug, typed, StatusCode::OK).await
        }
        Err(e) => {
            let typed = Typed {
                errors: problems(e)?,
                invite_form: (
                    call_id,
                    who.name.clone(),
                    who.email.clone(),
                    who.due_on.clone(),
                    who.language.code().to_string(),
                ),
                ..Default::default()
            };
            board(&state, &staff, &ed.slug, typed, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
