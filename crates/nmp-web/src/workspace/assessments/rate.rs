//! One target of a round. A rater who has not submitted sees the blind rating form (every
//! criterion: a level with its descriptor, a rationale, evidence); after submitting, and for
//! editors, the ratings side by side with their evidence (for a country, each with its trend); editors also reconcile each criterion
//! (a consensus level, rationale and evidence; a consensus saved by someone else since the page
//! was read is a 409, and nothing is written).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_core::vocab::{RiskTrend, RoundState, label};
use nmp_store::auth::SignedIn;
use nmp_store::entity::source;
use nmp_store::outcomes::{Evidence, EvidenceInput, RatingInput, Reconciliation, RoundView};
use nmp_store::records::apply::ApplyError;

use super::round::visible_round;
use super::runs_rounds;
use crate::AppState;
use crate::auth::{CsrfForm, Form, Staff, WorkspaceError};
use crate::workspace::review::{field_name, field_problem, word};
use crate::workspace::{Deciders, Nav, render};

/// How many evidence rows a form offers per criterion.
const EVIDENCE_ROWS: usize = 2;

/// A level of a criterion.
struct LevelView {
    id: i32,
    rank: i32,
    label: String,
    descriptor: String,
}

/// One rater's rating, as shown side by side.
struct RatingCell {
    rater: String,
    level: String,
    trend: String,
    rationale: String,
    evidence: Vec<String>,
}

/// What a criterion's form holds: the chosen level, the rationale, the evidence rows.
#[derive(Default)]
struct Entry {
    level: String,
    trend: String,
    rationale: String,
    evidence: Vec<(String, String, String)>,
}

/// A criterion with its levels, the ratings and consensus so far, and its forms' values.
struct CriterionView {
    id: i32,
    label: String,
    description: String,
    levels: Vec<LevelView>,
    ratings: Vec<RatingCell>,
    consensus: Option<RatingCell>,
    consensus_version: String,
    entry: Entry,
    /// The refusals of this criterion, as HTML.
    errors: Vec<String>,
}

#[derive(Template)]
#[template(path = "staff/target.html")]
struct TargetPage {
    nav: Nav,
    round: i32,
    round_title: String,
    target: i32,
    label: String,
    kind: &'static str,
    slug: String,
    framework: String,
    can_rate: bool,
    sees_ratings: bool,
    editor: bool,
    country: bool,
    trends: Vec<(&'static str, String)>,
    criteria: Vec<CriterionView>,
    sources: Vec<(String, String)>,
    /// The refusals of the form, as HTML.
    errors: Vec<String>,
}

impl TargetPage {
    /// The target's public page.
    fn public_href(&self) -> String {
        match self.kind {
            "initiative" => format!("/initiatives/{}", self.slug),
            "country" => format!("/countries/{}", self.slug),
            _ => format!("/mechanisms/{}", self.slug),
        }
    }
}

/// A trend (`rising`) in the request's language.
fn trend_word(code: &str) -> String {
    word("trend", code, &label::<RiskTrend>(code))
}

/// A refusal of the store (field, message) as HTML.
fn problem(field: &str, message: &str) -> String {
    field_problem(&field_name(field), message, true)
}

fn evidence_text(e: &Evidence) -> String {
    let mut text = e.source_title.clone();
    if let Some(l) = &e.locator {
        text.push_str(&format!(", {l}"));
    }
    if let Some(q) = &e.quote {
        text.push_str(&format!(": \u{201c}{q}\u{201d}"));
    }
    text
}

fn entry_from(form: Option<&Form>, prefix: &str) -> Entry {
    let Some(form) = form else {
        return Entry {
            evidence: vec![Default::default(); EVIDENCE_ROWS],
            ..Default::default()
        };
    };
    Entry {
        level: form.text(&format!("{prefix}level")).to_string(),
        trend: form.text(&format!("{prefix}trend")).to_string(),
        rationale: form.text(&format!("{prefix}rationale")).to_string(),
        evidence: (1..=EVIDENCE_ROWS)
            .map(|n| {
                (
                    form.text(&format!("{prefix}source-{n}")).to_string(),
                    form.text(&format!("{prefix}locator-{n}")).to_string(),
                    form.text(&format!("{prefix}quote-{n}")).to_string(),
                )
            })
            .collect(),
    }
}

fn evidence_of(entry: &Entry) -> Vec<EvidenceInput> {
    entry
        .evidence
        .iter()
        .map(|(s, l, q)| EvidenceInput {
            source: s.clone(),
            locator: Some(l.clone()),
            quote: Some(q.clone()),
        })
        .collect()
}

/// The form values of a rating submission (`c{id}-level`, ...) or of one criterion's
/// reconciliation (`level`, ...), with the criterion the reconciliation is for.
enum Posted<'a> {
    None,
    Rating(&'a Form),
    Reconciliation(i32, &'a Form),
}

async fn page(
    state: &AppState,
    signed_in: &SignedIn,
    view: &RoundView,
    target: i32,
    posted: Posted<'_>,
    errors: Vec<(String, String)>,
) -> Result<TargetPage, WorkspaceError> {
    let t = view
        .target(target)
        .ok_or_else(|| WorkspaceError::not_found(format!("target {target} of this round")))?;
    let editor = runs_rounds(signed_in.role);
    let me = view
        .rater_of(signed_in.account.account_id)
        .map(|r| r.row.round_rater_id);
    let submitted = me.is_some_and(|m| view.submitted(m, target));
    let open = view.round.state == RoundState::Open.code();
    let can_rate = me.is_some() && !submitted && open;
    let sees_ratings = editor || submitted;
    let mut sources: Vec<(String, String)> = state
        .store
        .all::<source::Entity>()
        .await?
        .into_iter()
        .map(|s| (s.slug, s.title))
        .collect();
    sources.sort_by(|a, b| a.1.cmp(&b.1));
    let criteria = view
        .framework
        .criteria
        .iter()
        .map(|c| {
            let cid = c.row.criterion_id;
            let cell = |rater: String, level_id: i32, trend: Option<&str>, rationale: &str, evidence: &[Evidence]| {
                RatingCell {
                    rater,
                    level: c
                        .level(level_id)
                        .map(|l| format!("{} · {}", l.rank, l.label))
                        .unwrap_or_default(),
                    trend: trend.map(trend_word).unwrap_or_default(),
                    rationale: rationale.to_string(),
                    evidence: evidence.iter().map(evidence_text).collect(),
                }
            };
            let ratings = if sees_ratings {
                view.ratings_of(target, cid)
                    .into_iter()
                    .map(|r| {
                        let who = view
                            .raters
                            .iter()
                            .find(|x| x.row.round_rater_id == r.row.round_rater_id)
                            .map(|x| format!("{} ({})", x.row.pseudonym, x.name))
                            .unwrap_or_default();
                        cell(
                            who,
                            r.row.criterion_level_id,
                            r.row.trend.as_deref(),
                            &r.row.rationale,
                            &r.evidence,
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let consensus = view.consensus_of(target, cid);
            let entry = match &posted {
                Posted::Rating(form) => entry_from(Some(form), &format!("c{cid}-")),
                Posted::Reconciliation(id, form) if *id == cid => entry_from(Some(form), ""),
                _ => match consensus {
                    Some(k) if editor => Entry {
                        level: k.row.criterion_level_id.to_string(),
                        trend: k.row.trend.clone().unwrap_or_default(),
                        rationale: k.row.rationale.clone(),
                        evidence: (0..EVIDENCE_ROWS)
                            .map(|n| {
                                k.evidence
                                    .get(n)
                                    .map(|e| {
                                        (
                                            e.source_slug.clone(),
                                            e.locator.clone().unwrap_or_default(),
                                            e.quote.clone().unwrap_or_default(),
                                        )
                                    })
                                    .unwrap_or_default()
                            })
                            .collect(),
                    },
                    _ => entry_from(None, ""),
                },
            };
            let prefix = format!("{}.", c.row.code);
            let errors = errors
                .iter()
                .filter(|(f, _)| match &posted {
                    Posted::Rating(_) => f.starts_with(&prefix),
                    Posted::Reconciliation(id, _) => *id == cid,
                    Posted::None => false,
                })
                .map(|(f, m)| problem(f, m))
                .collect();
            CriterionView {
                id: cid,
                label: c.row.label.clone(),
                description: c.row.description.clone().unwrap_or_default(),
                levels: c
                    .levels
                    .iter()
                    .map(|l| LevelView {
                        id: l.criterion_level_id,
                        rank: l.rank,
                        label: l.label.clone(),
                        descriptor: l.descriptor.clone().unwrap_or_default(),
                    })
                    .collect(),
                ratings,
                consensus: consensus.map(|k| {
                    cell(
                        "Consensus".into(),
                        k.row.criterion_level_id,
                        k.row.trend.as_deref(),
                        &k.row.rationale,
                        &k.evidence,
                    )
                }),
                consensus_version: consensus.map(|k| k.row.version.to_string()).unwrap_or_default(),
                entry,
                errors,
            }
        })
        .collect();
    Ok(TargetPage {
        nav: Nav::of(signed_in),
        round: view.round.assessment_round_id,
        round_title: view.round.title.clone(),
        target,
        label: t.label.clone(),
        kind: t.kind,
        slug: t.slug.clone(),
        framework: format!(
            "{} (version {})",
            view.framework.row.title, view.framework.row.framework_version
        ),
        can_rate,
        sees_ratings,
        editor,
        country: t.kind == "country",
        trends: RiskTrend::ALL
            .iter()
            .map(|x| (x.code(), trend_word(x.code())))
            .collect(),
        criteria,
        sources,
        errors: errors.iter().map(|(f, m)| problem(f, m)).collect(),
    })
}

pub(super) async fn show(
    State(state): State<AppState>,
    Path((round, target)): Path<(i32, i32)>,
    staff: Staff,
) -> Result<Response, WorkspaceError> {
    let view = visible_round(&state, &staff, round).await?;
    let page = page(&state, &staff, &view, target, Posted::None, Vec::new()).await?;
    Ok(render(StatusCode::OK, &page))
}

pub(super) async fn submit(
    State(state): State<AppState>,
    Path((round, target)): Path<(i32, i32)>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let view = visible_round(&state, &staff, round).await?;
    if view.target(target).is_none() {
        return Err(WorkspaceError::not_found(format!("target {target} of this round")));
    }
    if view.rater_of(staff.account.account_id).is_none() {
        return Err(WorkspaceError::forbidden(
            &crate::lang::t("dk-only-raters-rate"),
            Some((
                &format!("/staff/assessments/{round}"),
                &crate::lang::t("dk-back-to-round"),
            )),
        ));
    }
    let inputs: Vec<RatingInput> = view
        .framework
        .criteria
        .iter()
        .map(|c| {
            let cid = c.row.criterion_id;
            let entry = entry_from(Some(&form), &format!("c{cid}-"));
            RatingInput {
                criterion_id: cid,
                level_id: entry.level.trim().parse().ok(),
                trend: Some(entry.trend.clone()),
                rationale: entry.rationale.clone(),
                evidence: evidence_of(&entry),
            }
        })
        .collect();
    let mut w = state.store.writer(&staff.account.email).await?;
    match w.submit_ratings(target, staff.account.account_id, &inputs).await {
        Ok(()) => {
            w.commit().await?;
            Ok(Redirect::to(&format!("/staff/assessments/{round}/targets/{target}")).into_response())
        }
        Err(ApplyError::Fields(problems)) => {
            drop(w);
            let errors = problems.into_iter().map(|p| (p.field, p.message)).collect();
            let page = page(&state, &staff, &view, target, Posted::Rating(&form), errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn reconcile(
    State(state): State<AppState>,
    Path((round, target, criterion)): Path<(i32, i32, i32)>,
    staff: Staff<Deciders>,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let view = visible_round(&state, &staff, round).await?;
    if view.target(target).is_none() {
        return Err(WorkspaceError::not_found(format!("target {target} of this round")));
    }
    let entry = entry_from(Some(&form), "");
    let input = Reconciliation {
        round_target_id: target,
        criterion_id: criterion,
        level_id: entry.level.trim().parse().ok(),
        trend: Some(entry.trend.clone()),
        rationale: entry.rationale.clone(),
        evidence: evidence_of(&entry),
        base_version: form.text("version").trim().parse().ok(),
    };
    let mut w = state.store.writer(&staff.account.email).await?;
    match w.reconcile(&input, Some(staff.account.account_id)).await {
        Ok(_) => {
            w.commit().await?;
            Ok(Redirect::to(&format!("/staff/assessments/{round}/targets/{target}#c{criterion}")).into_response())
        }
        Err(ApplyError::Fields(problems)) => {
            drop(w);
            let errors = problems.into_iter().map(|p| (p.field, p.message)).collect();
            let page = page(
                &state,
                &staff,
                &view,
                target,
                Posted::Reconciliation(criterion, &form),
                errors,
            )
            .await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}
