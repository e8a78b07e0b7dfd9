//! An edition's files in the workspace: a past build's `report.pdf` or all its files as one ZIP
//! archive, and the editor's preview (a draft PDF typeset in this process, where Typst keeps its
//! memoised layout between builds, so a rebuild after a small edit is quick).

use std::path::Path as FsPath;
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::builds::{BuildInfo, INFO, build_date, read_files};
use super::report_failure;
use crate::auth::{Staff, WorkspaceError, no_store};
use crate::workspace::EditionReaders;
use crate::{AppState, WebError};

/// A build's `report.pdf`, or all its files as one ZIP archive (`outputs.zip`).
pub(in crate::workspace) async fn download(
    State(state): State<AppState>,
    Path((slug, id, file)): Path<(String, String, String)>,
    _: Staff<EditionReaders>,
) -> Result<Response, WorkspaceError> {
    let gone = || {
        WorkspaceError::message(
            StatusCode::NOT_FOUND,
            &crate::lang::t("dk-no-such-build"),
            &crate::lang::ta(
                "dk-no-such-build-text",
                &[
                    ("slug", &format!("{slug:?}")),
                    ("id", &format!("{id:?}")),
                    ("file", &format!("{file:?}")),
                ],
            ),
            Some((
                &format!("/staff/editions/{slug}"),
                &crate::lang::t("dk-back-to-edition"),
            )),
        )
    };
    let folder = state.builds.folder(&slug, &id).ok_or_else(gone)?;
    let name = format!("nmp-{slug}-{id}");
    let (bytes, content_type, download) = match file.as_str() {
        "report.pdf" => match tokio::fs::read(folder.join("report.pdf")).await {
            Ok(b) => (b, "application/pdf", format!("{name}.pdf")),
            Err(_) => return Err(gone()),
        },
        "outputs.zip" => {
            let packed = tokio::task::spawn_blocking(move || zip_folder(&folder, &name)).await;
            match packed {
                Ok(Ok((bytes, name))) => (bytes, "application/zip", format!("{name}.zip")),
                Ok(Err(e)) => return Err(report_failure(&slug, e)),
                Err(_) => return Err(gone()),
            }
        }
        _ => return Err(gone()),
    };
    let disposition = format!("attachment; filename=\"{download}\"");
    Ok((
        StatusCode::OK,
        no_store(),
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// Every file of a build folder, packed under the folder `name`.
fn zip_folder(folder: &FsPath, name: &str) -> Result<(Vec<u8>, String), nmp_report::ReportError> {
    let files = read_files(folder).map_err(|e| nmp_report::ReportError::Output(e.to_string()))?;
    let date = std::fs::read(folder.join(INFO))
        .ok()
        .and_then(|b| serde_json::from_slice::<BuildInfo>(&b).ok())
        .map_or((1980, 1, 1), |i| build_date(&i.built_at));
    Ok((nmp_report::output::zip(name, &files, date)?, name.to_string()))
}

/// The editor's preview: the edition as it is now, typeset as a draft in this process.
pub(in crate::workspace) async fn preview(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    _: Staff<EditionReaders>,
) -> Result<Response, WorkspaceError> {
    let edition = match nmp_report::ReportBuild::preview(&slug).load(&state.store).await {
        Ok(e) => e,
        Err(e) => return Err(report_failure(&slug, e)),
    };
    let started = Instant::now();
    let report = match tokio::task::spawn_blocking(move || nmp_report::render(&edition)).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Err(report_failure(&slug, e)),
        Err(e) => return Err(WebError::Internal(format!("the preview stopped: {e}")).into()),
    };
    Ok((
        StatusCode::OK,
        no_store(),
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"nmp-{slug}-preview.pdf\""),
            ),
            (
                header::HeaderName::from_static("x-typeset-ms"),
                format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0),
            ),
        ],
        report.pdf,
    )
        .into_response())
}
