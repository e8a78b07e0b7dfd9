//! A published edition's report for readers, at stable URLs: `/editions/{slug}/report.pdf` (the
//! PDF of its final build), `/editions/{slug}/report-site.zip` (the static site of that build as
//! one ZIP) and `/editions/{slug}/datapackage.zip` (the build's data package as one ZIP: the frozen
//! facts the PDF was typeset from, which rebuild it byte for byte). An edition that is
//! not published, or not built since it was, is a 404 that says so.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use nmp_store::entity::edition;

use crate::views::reports::{self, Report};
use crate::workspace::{build_date, read_files};
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{slug}/report.pdf", get(pdf))
        .route("/editions/{slug}/report-site.zip", get(site))
        .route("/editions/{slug}/datapackage.zip", get(data))
}

/// The report of `slug`, or a 404 saying why there is none.
async fn built(state: &AppState, slug: &str) -> Result<Report, WebError> {
    if let Some(r) = reports::report(state, slug).await? {
        return Ok(r);
    }
    let known = state
        .store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [slug.to_string()])
        .await?
        .into_iter()
        .next();
    Err(WebError::NotFound(match known {
        None => format!("There is no edition {slug:?}."),
        Some(e) if e.status != "published" || e.snapshot_hash.is_none() => {
            format!("Edition {slug} is not published yet: its report is offered once the editors publish and build it.")
        }
        Some(_) => format!(
            "The report of edition {slug} has not been built since it was published; its current data are at /editions/{slug}/datapackage.json meanwhile."
        ),
    }))
}

fn attachment(content_type: &'static str, disposition: String, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".to_string()),
        ],
        bytes,
    )
        .into_response()
}

async fn pdf(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, WebError> {
    let r = built(&s, &slug).await?;
    let bytes = tokio::fs::read(r.folder.join("report.pdf"))
        .await
        .map_err(|e| WebError::Internal(format!("the report of edition {slug} cannot be read: {e}")))?;
    Ok(attachment(
        "application/pdf",
        format!("inline; filename=\"nmp-{slug}.pdf\""),
        bytes,
    ))
}

async fn site(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, WebError> {
    let r = built(&s, &slug).await?;
    pack(&r, "site", format!("nmp-{slug}-site")).await
}

async fn data(State(s): State<AppState>, Path(slug): Path<String>) -> Result<Response, WebError> {
    let r = built(&s, &slug).await?;
    pack(&r, "data", format!("nmp-{slug}-datapackage")).await
}

/// The folder `sub` of the report's build as one ZIP under the folder `name`, dated the build's
/// day (the same build gives the same bytes).
async fn pack(r: &Report, sub: &str, name: String) -> Result<Response, WebError> {
    let folder = r.folder.join(sub);
    let date = build_date(&r.built_at);
    let disposition = format!("attachment; filename=\"{name}.zip\"");
    let packed = tokio::task::spawn_blocking(move || {
        let files = read_files(&folder).map_err(|e| e.to_string())?;
        nmp_report::output::zip(&name, &files, date).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| WebError::Internal(format!("packing stopped: {e}")))?
    .map_err(|e| WebError::Internal(format!("the report of edition {} cannot be packed: {e}", r.slug)))?;
    Ok(attachment("application/zip", disposition, packed))
}
