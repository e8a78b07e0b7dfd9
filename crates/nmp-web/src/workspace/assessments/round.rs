//! One round's page: the targets with each rater's progress and the consensus recorded; for
//! editors, the agreement per criterion and over the round (Krippendorff's alpha for ordinal
//! data, percent agreement, units and raters; for countries also on trends), the places raters disagree (most first), closing
//! the round, releasing its ratings, and reminding the raters who have not finished.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::agreement::{Metric, reliability, unit_disagreement};
use nmp_core::vocab::RoundState;
use nmp_store::auth::SignedIn;
use nmp_store::outcomes::{CountryAssessment, RoundView};

use super::runs_rounds;
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::workspace::review::{code_word, escape, said_text};
use crate::workspace::{Deciders, Nav, render};
use crate::{AppState, WebError};

/// Agreement on one criterion (or over the round).
struct AgreementRow {
    label: String,
    alpha: String,
    percent: String,
    units: usize,
    raters: usize,
    values: usize,
}

/// A target and criterion where raters disagree.
struct Disagreement {
    target: i32,
    target_label: String,
    criterion: String,
    ratings: String,
    spread: f64,
    consensus: Option<String>,
}

/// A target with its progress.
struct TargetRow {
    id: i32,
    label: String,
    kind: &'static str,
    raters: Vec<(String, bool)>,
    mine: Option<bool>,
    /// The criteria with a consensus, of all.
    consensus: (usize, usize),
}

#[derive(Template)]
#[template(path = "staff/round.html")]
struct RoundPage {
    nav: Nav,
    editor: bool,
    id: i32,
    title: String,
    edition: String,
    framework: String,
    due_on: String,
    open: bool,
    release: bool,
    version: i32,
    note: Option<String>,
    raters: Vec<(String, String)>,
    targets: Vec<TargetRow>,
    agreement: Vec<AgreementRow>,
    overall: Option<AgreementRow>,
    trends: Option<AgreementRow>,
    disagreements: Vec<Disagreement>,
    problems: Vec<String>,
    /// What reminding the raters did, as HTML.
    notice: Option<String>,
}

fn figure(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| crate::lang::t("dk-undefined"), |v| format!("{v:.digits$}"))
}

fn agreement_row(label: String, matrix: &[Vec<Option<i64>>]) -> AgreementRow {
    let r = reliability(matrix, Metric::Ordinal);
    AgreementRow {
        label,
        alpha: figure(r.alpha, 3),
        percent: r
            .percent_agreement
            .map_or_else(|| crate::lang::t("dk-undefined"), |p| format!("{:.0}%", p * 100.0)),
        units: r.units,
        raters: r.raters,
        values: r.values,
    }
}

/// The round `id` if `signed_in` may see it: editors every round, raters their own.
pub(super) async fn visible_round(
    state: &AppState,
    signed_in: &SignedIn,
    id: i32,
) -> Result<RoundView, WorkspaceError> {
    let view = state
        .store
        .round_view(id)
        .await?
        .ok_or_else(|| WorkspaceError::not_found(format!("assessment round {id}")))?;
    let editor = runs_rounds(signed_in.role);
    if !editor && view.rater_of(signed_in.account.account_id).is_none() {
        return Err(WorkspaceError::forbidden(
            &crate::lang::t("dk-not-rater-of-round"),
            Some(("/staff/assessments", &crate::lang::t("dk-assessments"))),
        ));
    }
    Ok(view.visible_to(signed_in.account.account_id, editor))
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    id: i32,
    notice: Option<String>,
) -> Result<RoundPage, WorkspaceError> {
    let view = visible_round(state, signed_in, id).await?;
    let editor = runs_rounds(signed_in.role);
    let me = view
        .rater_of(signed_in.account.account_id)
        .map(|r| r.row.round_rater_id);
    let criteria = &view.framework.criteria;
    let targets = view
        .targets
        .iter()
        .map(|t| {
            let tid = t.row.round_target_id;
            TargetRow {
                id: tid,
                label: t.label.clone(),
                kind: t.kind,
                raters: if editor {
                    view.raters
                        .iter()
                        .map(|r| (r.row.pseudonym.clone(), view.submitted(r.row.round_rater_id, tid)))
                        .collect()
                } else {
                    Vec::new()
                },
                mine: me.map(|m| view.submitted(m, tid)),
                consensus: (
                    criteria
                        .iter()
                        .filter(|c| view.consensus_of(tid, c.row.criterion_id).is_some())
                        .count(),
                    criteria.len(),
                ),
            }
        })
        .collect();
    let mut agreement = Vec::new();
    let mut overall = None;
    let mut trends = None;
    let mut disagreements = Vec::new();
    if editor {
        let mut all_units = Vec::new();
        for c in criteria {
            let matrix = view.matrix(c.row.criterion_id);
            agreement.push(agreement_row(c.row.label.clone(), &matrix));
            for (t, unit) in view.targets.iter().zip(&matrix) {
                let Some(spread) = unit_disagreement(unit) else {
                    continue;
                };
                if spread <= 0.0 {
                    continue;
                }
                let ratings = view
                    .ratings_of(t.row.round_target_id, c.row.criterion_id)
                    .iter()
                    .map(|r| {
                        let who = view
                            .raters
                            .iter()
                            .find(|x| x.row.round_rater_id == r.row.round_rater_id)
                            .map(|x| x.row.pseudonym.clone())
                            .unwrap_or_default();
                        let level = c
                            .level(r.row.criterion_level_id)
                            .map(|l| l.label.clone())
                            .unwrap_or_default();
                        format!("{who}: {} {level}", r.rank)
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                let consensus = view
                    .consensus_of(t.row.round_target_id, c.row.criterion_id)
                    .and_then(|k| c.level(k.row.criterion_level_id))
                    .map(|l| format!("{} {}", l.rank, l.label));
                disagreements.push(Disagreement {
                    target: t.row.round_target_id,
                    target_label: t.label.clone(),
                    criterion: c.row.label.clone(),
                    ratings,
                    spread,
                    consensus,
                });
            }
            all_units.extend(matrix);
        }
        overall = Some(agreement_row(crate::lang::t("dk-all-criteria"), &all_units));
        let countries: Vec<Vec<Option<i64>>> = view
            .targets
            .iter()
            .filter(|t| t.kind == "country")
            .flat_map(|t| view.trend_matrix(t.row.round_target_id))
            .collect();
        if !countries.is_empty() {
            trends = Some(agreement_row(crate::lang::t("dk-trends-all-criteria"), &countries));
        }
        disagreements.sort_by(|a, b| b.spread.total_cmp(&a.spread).then(a.target_label.cmp(&b.target_label)));
    }
    Ok(RoundPage {
        nav: Nav::of(signed_in),
        editor,
        id,
        title: view.round.title.clone(),
        edition: view.edition_slug.clone(),
        framework: format!(
            "{} (version {})",
            view.framework.row.title, view.framework.row.framework_version
        ),
        due_on: view.round.due_on.clone(),
        open: view.round.state == RoundState::Open.code(),
        release: view.round.release_ratings,
        version: view.round.version,
        note: view.round.note.clone(),
        raters: if editor {
            view.raters
                .iter()
                .map(|r| (r.row.pseudonym.clone(), r.name.clone()))
                .collect()
        } else {
            Vec::new()
        },
        targets,
        agreement,
        overall,
        trends,
        disagreements,
        problems: if editor { view.problems() } else { Vec::new() },
        notice,
    })
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let view = page(&state, &staff, id, None).await?;
    Ok(render(StatusCode::OK, &view))
}

pub(super) async fn set_state(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let version = form.text("version").trim().parse::<i32>().unwrap_or_default();
    let next = match form.text("state") {
        "closed" => RoundState::Closed,
        _ => RoundState::Open,
    };
    let release = form.get("release_ratings").is_some_and(|v| v == "on" || v == "1");
    let mut w = state.store.writer(&staff.account.email).await?;
    w.set_round_state(id, version, next, release).await?;
    w.commit().await?;
    if next == RoundState::Closed {
        announce_assessments(&state, id).await?;
    }
    Ok(Redirect::to(&format!("/staff/assessments/{id}")).into_response())
}

/// Closing a round releases its reconciled country assessments: the followers of each assessed
/// state get a watchlist alert (on `/staff`) and a mail. Closing it again alerts no one twice.
async fn announce_assessments(state: &AppState, id: i32) -> Result<(), WorkspaceError> {
    let Some(view) = state.store.round_view(id).await? else {
        return Ok(());
    };
    let mut alerts = Vec::new();
    for t in &view.targets {
        let Some(a) = CountryAssessment::of(&view, t) else {
            continue;
        };
        let on = a.assessed_on.clone().unwrap_or_default();
        let summary = a.summary();
        alerts.extend(state.store.raise_assessment_alert(&a.iso3, &on, &summary).await?);
    }
    let mail = &state.mail;
    nmp_collect::alerts::mail_alerts(&state.store, &mail.mailer, &mail.public_url, &alerts)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(())
}

/// Mails every rater who has targets left to rate, and logs each mail.
pub(super) async fn remind(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    staff: Staff<Deciders>,
    _: CsrfForm,
) -> Result<Response, WorkspaceError> {
    if state.store.round_view(id).await?.is_none() {
        return Err(WorkspaceError::not_found(format!("assessment round {id}")));
    }
    let mail = &state.mail;
    let sent: Vec<String> =
        nmp_collect::ratings::remind_raters(&state.store, &mail.mailer, &mail.public_url, Some(id), false)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .into_iter()
            .map(|r| {
                let status = code_word("mail-status", r.status.as_deref().unwrap_or_default());
                said_text(
                    "dk-rater-reminded",
                    &[("to", &r.to), ("left", &r.left.to_string()), ("status", &status)],
                    &[],
                )
            })
            .collect();
    let notice = if sent.is_empty() {
        escape(&crate::lang::t("dk-no-rater-reminders"))
    } else {
        said_text("dk-raters-reminded", &[], &[("list", &sent.join("; "))])
    };
    let view = page(&state, &staff, id, Some(notice)).await?;
    Ok(render(StatusCode::OK, &view))
}
