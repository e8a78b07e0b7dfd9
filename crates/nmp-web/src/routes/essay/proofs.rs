//! `/essay/{token}/proofs.pdf`: the author's proofs as the real pages of the report. The
//! edition is typeset as a draft, as it is in the store now (the workspace's preview), and only
//! the essay's pages are printed, with the page numbers, notes and running heads they have in
//! the report. Reached from the proofs on the author's page, while the essay is at the proofs or
//! ready for publication.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use nmp_core::vocab::EssayStage;
use nmp_i18n::{Lang, t};
use nmp_store::entity::{edition, edition_part};

use super::author::open;
use crate::auth::{WorkspaceError, no_store};
use crate::{AppState, WebError};

pub(super) async fn pdf(State(state): State<AppState>, Path(token): Path<String>) -> Result<Response, WorkspaceError> {
    let file = match open(&state, &token).await? {
        Ok(f) => f,
        Err(page) => return Ok(page),
    };
    let lang = Lang::from_code(&file.essay.language).unwrap_or_default();
    let at_proofs = [EssayStage::Proofs, EssayStage::Ready]
        .iter()
        .any(|s| s.code() == file.essay.stage);
    let part = match file.essay.edition_part_id {
        Some(id) if at_proofs => state.store.get::<edition_part::Entity>(id).await?,
        _ => None,
    };
    let edition = state.store.get::<edition::Entity>(file.call.edition_id).await?;
    let (Some(part), Some(edition)) = (part, edition) else {
        return Err(not_yet(lang));
    };
    let draft = nmp_report::ReportBuild::preview(&edition.slug)
        .load(&state.store)
        .await
        .map_err(|e| unavailable(lang, &e.to_string()))?;
    let key = part.part_key.clone();
    let report = tokio::task::spawn_blocking(move || nmp_report::render_part(&draft, &key))
        .await
        .map_err(|e| WebError::Internal(format!("the proofs stopped: {e}")))?
        .map_err(|e| unavailable(lang, &e.to_string()))?;
    Ok((
        StatusCode::OK,
        no_store(),
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"proofs-{}.pdf\"", part.part_key),
            ),
        ],
        report.pdf,
    )
        .into_response())
}

/// The essay is not at the proofs: there are no pages to show yet (or any more).
fn not_yet(lang: Lang) -> WorkspaceError {
    WorkspaceError::message(
        StatusCode::NOT_FOUND,
        &t(lang, "ea-proofs-pdf-none-title"),
        &t(lang, "ea-proofs-pdf-none"),
        None,
    )
}

/// The draft could not be typeset: the editors' problem, said to the author plainly.
fn unavailable(lang: Lang, why: &str) -> WorkspaceError {
    tracing::warn!("an essay's proofs could not be typeset: {why}");
    WorkspaceError::message(
        StatusCode::SERVICE_UNAVAILABLE,
        &t(lang, "ea-proofs-pdf-none-title"),
        &t(lang, "ea-proofs-pdf-failed"),
        None,
    )
}
