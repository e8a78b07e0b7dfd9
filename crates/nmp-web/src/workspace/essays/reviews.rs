//! A staff reviewer's essay reviews (issue 20): an editor may ask a staff account to review an
//! essay instead of an external reviewer by link. `/staff/reviews` lists the reviews assigned to
//! the signed-in account, and `/staff/reviews/{review}` is the review page itself (the one
//! external reviewers open by link, `routes::essay::review`), for its reviewer alone: another
//! account is refused with a 403 page saying why. The report is audited as `reviewer:EMAIL`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use nmp_store::entity::{edition, essay_review};
use nmp_store::essays::EssayFile;

use crate::AppState;
use crate::auth::{CurrentUser, Staff, WorkspaceError, check_csrf};
use crate::routes::essay::review::{answer_report, report_of, show_review};
use crate::workspace::{Nav, render};

/// A review in the list.
pub(crate) struct ReviewRow {
    /// The review's key (its page is `/staff/reviews/{id}`).
    pub id: i32,
    /// The title of the version to review.
    pub title: String,
    /// The edition's title.
    pub edition: String,
    /// The review round.
    pub round: i32,
    /// When the report is due.
    pub due_on: String,
    /// `submitted`, `overdue` or `due`.
    pub state: &'static str,
}

#[derive(Template)]
#[template(path = "staff/reviews.html")]
struct ReviewsPage {
    nav: Nav,
    rows: Vec<ReviewRow>,
}

/// The reviews assigned to `account_id`, newest first.
pub(crate) async fn reviews_of(state: &AppState, account_id: i32) -> Result<Vec<ReviewRow>, WorkspaceError> {
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let mut rows = Vec::new();
    for review in state.store.essay_reviews_of_account(account_id).await? {
        let Some(file) = state.store.essay_file(review.essay_id).await? else {
            continue;
        };
        let title = file
            .versions
            .iter()
            .find(|v| v.version_id == review.version_id)
            .map_or_else(String::new, |v| v.title.clone());
        let edition = state
            .store
            .get::<edition::Entity>(file.call.edition_id)
            .await?
            .map_or_else(String::new, |e| e.title);
        let state = if review.submitted_at.is_some() {
            "submitted"
        } else if review.due_on < today {
            "overdue"
        } else {
            "due"
        };
        rows.push(ReviewRow {
            id: review.review_id,
            title,
            edition,
            round: review.round,
            due_on: review.due_on,
            state,
        });
    }
    Ok(rows)
}

pub(super) async fn list(State(state): State<AppState>, staff: Staff) -> Result<Response, WorkspaceError> {
    let rows = reviews_of(&state, staff.account.account_id).await?;
    Ok(render(
        StatusCode::OK,
        &ReviewsPage {
            nav: Nav::of(&staff),
            rows,
        },
    ))
}

/// The review `id` with its essay, if it is the signed-in person's; a 404 or 403 page otherwise.
async fn open(state: &AppState, staff: &Staff, id: i32) -> Result<(essay_review::Model, EssayFile), WorkspaceError> {
    let back = Some(("/staff/reviews", "Your essay reviews"));
    let Some(review) = state.store.get::<essay_review::Entity>(id).await? else {
        return Err(WorkspaceError::message(
            StatusCode::NOT_FOUND,
            "No such review",
            &format!("There is no essay review {id}."),
            back,
        ));
    };
    let mine = nmp_collect::essays::open_staff_review(&state.store, staff.account.account_id, id)
        .await
        .map_err(|e| crate::WebError::Internal(e.to_string()))?;
    mine.ok_or_else(|| {
        WorkspaceError::forbidden_en(
            &format!(
                "This review of an essay was asked of {}; only they read and submit it here.",
                review.reviewer_name
            ),
            back,
        )
    })
}

pub(super) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    staff: Staff,
    Path(id): Path<i32>,
) -> Result<Response, WorkspaceError> {
    let (review, file) = open(&state, &staff, id).await?;
    show_review(&state, &headers, &user, &review, &file).await
}

pub(super) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    staff: Staff,
    Path(id): Path<i32>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WorkspaceError> {
    let csrf = form.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
    check_csrf(&headers, &user, csrf)?;
    let (review, file) = open(&state, &staff, id).await?;
    let (report, expected) = report_of(&form);
    let result =
        nmp_collect::essays::submit_staff_review(&state.store, staff.account.account_id, id, expected, &report).await;
    let back = format!("/staff/reviews/{id}");
    answer_report(&state, &headers, &user, (&review, &file), report, result, &back).await
}
