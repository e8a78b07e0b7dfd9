//! `/essay-review/{token}`: the reviewer's page (see the module above), which a staff reviewer
//! also reads in the workspace (`/staff/reviews/{review}`, `workspace::essays::reviews`, through
//! [`show_review`] and [`answer_report`]). In English: reviewers are asked in English, as the
//! review's working language.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::CollectError;
use nmp_collect::essays::{ReviewReport, authors_of, reviewers_see_author};
use nmp_core::vocab::EssayDecision;
use nmp_i18n::Lang;
use nmp_store::entity::essay_review;
use nmp_store::essays::EssayFile;

use super::{failure, link_page, problems};
use crate::AppState;
use crate::auth::{CurrentUser, WorkspaceError, check_csrf, form_csrf, page};
use crate::views::essays::CitedRow;

#[derive(Template)]
#[template(path = "essay_review.html")]
struct ReviewPage {
    csrf: String,
    title: String,
    /// The author's byline, or `None` when the call is double-anonymous.
    byline: Option<String>,
    abstract_text: String,
    keywords: String,
    html: String,
    cited: Vec<CitedRow>,
    version_number: i32,
    due: String,
    row_version: i32,
    submitted: bool,
    recommendation: String,
    to_author: String,
    to_editor: String,
    choices: Vec<(&'static str, &'static str)>,
    errors: Vec<(String, String)>,
    notice: Option<String>,
}

async fn open(
    state: &AppState,
    token: &str,
) -> Result<Result<(essay_review::Model, EssayFile), Response>, WorkspaceError> {
    match nmp_collect::essays::open_review_link(&state.store, token).await {
        Ok(x) => Ok(Ok(x)),
        Err(CollectError::Link(p)) => Ok(Err(link_page(p, Lang::En))),
        Err(e) => Err(failure(e)),
    }
}

/// What the page shows besides the review: the report as typed, what is wrong, a notice.
#[derive(Default)]
pub(crate) struct Shown {
    typed: Option<ReviewReport>,
    errors: Vec<(String, String)>,
    notice: Option<String>,
}

async fn render(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    review: &essay_review::Model,
    file: &EssayFile,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let Shown { typed, errors, notice } = shown;
    let (csrf, cookie) = form_csrf(headers, user);
    let version = file
        .versions
        .iter()
        .find(|v| v.version_id == review.version_id)
        .expect("a review's version is the essay's");
    let edition = state
        .store
        .get::<nmp_store::entity::edition::Entity>(file.call.edition_id)
        .await?
        .map(|e| e.slug);
    let figures = crate::views::essays::Figures::Now {
        edition: edition.as_deref(),
        lang: nmp_i18n::Lang::En,
    };
    let rendered = crate::views::essays::render(&state.store, &version.body, ("Notes", "Figure"), figures).await?;
    let byline = reviewers_see_author(file).then(|| {
        authors_of(version)
            .iter()
            .map(|a| match &a.affiliation {
                Some(x) => format!("{} ({x})", a.name),
                None => a.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let typed = typed.unwrap_or_else(|| ReviewReport {
        recommendation: review.recommendation.clone().unwrap_or_default(),
        to_author: review.to_author.clone().unwrap_or_default(),
        to_editor: review.to_editor.clone().unwrap_or_default(),
    });
    let view = ReviewPage {
        csrf,
        title: version.title.clone(),
        byline,
        abstract_text: version.abstract_text.clone(),
        keywords: version.keywords.lines().collect::<Vec<_>>().join(", "),
        html: rendered.html,
        cited: rendered.cited,
        version_number: version.number,
        due: review.due_on.clone(),
        row_version: review.version,
        submitted: review.submitted_at.is_some(),
        recommendation: typed.recommendation,
        to_author: typed.to_author,
        to_editor: typed.to_editor,
        choices: EssayDecision::ALL.iter().map(|d| (d.code(), d.label())).collect(),
        errors,
        notice,
    };
    Ok(page(status, &view, cookie))
}

pub(super) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, WorkspaceError> {
    let (review, file) = match open(&state, &token).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    show_review(&state, &headers, &user, &review, &file).await
}

/// The review page of `review` (of the essay `file`) as it stands.
pub(crate) async fn show_review(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    review: &essay_review::Model,
    file: &EssayFile,
) -> Result<Response, WorkspaceError> {
    render(state, headers, user, review, file, Shown::default(), StatusCode::OK).await
}

/// The report of a review form, and the row version it was typed on.
pub(crate) fn report_of(form: &[(String, String)]) -> (ReviewReport, i32) {
    let get = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let report = ReviewReport {
        recommendation: get("recommendation"),
        to_author: get("to_author"),
        to_editor: get("to_editor"),
    };
    (report, get("version").trim().parse().unwrap_or(-1))
}

/// The answer to a submitted report: back to the page (`back`) when it was taken, or the page
/// again with what is wrong and the report as typed.
pub(crate) async fn answer_report(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    (review, file): (&essay_review::Model, &EssayFile),
    report: ReviewReport,
    result: Result<essay_review::Model, CollectError>,
    back: &str,
) -> Result<Response, WorkspaceError> {
    match result {
        Ok(_) => Ok(Redirect::to(back).into_response()),
        Err(e) => {
            let errors = problems(e)?;
            let status = if review.submitted_at.is_some() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let notice = Some("Your report was not submitted; what you typed is kept below.".to_string());
            render(
                state,
                headers,
                user,
                review,
                file,
                Shown {
                    typed: Some(report),
                    errors,
                    notice,
                },
                status,
            )
            .await
        }
    }
}

pub(super) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WorkspaceError> {
    let csrf = form.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
    check_csrf(&headers, &user, csrf)?;
    let (review, file) = match open(&state, &token).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let (report, expected) = report_of(&form);
    let result = nmp_collect::essays::submit_review(&state.store, &token, expected, &report).await;
    let back = format!("/essay-review/{token}");
    answer_report(&state, &headers, &user, (&review, &file), report, result, &back).await
}
