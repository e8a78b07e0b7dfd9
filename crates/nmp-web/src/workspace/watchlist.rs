//! The watchlist (issue 26, part 5): everyone signed in follows states, or the top 30 of every
//! forecast, on `/staff/watchlist` (the country page links here with `?follow=ISO3`), sets the
//! rise in two-year risk that alerts them, and sees their alerts; `/staff` shows the unread ones
//! in a panel with "mark as read". Each person sees and changes only their own follows and alerts
//! (the store's functions take their account).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use nmp_store::entity::{country, dataset, watch_alert};
use nmp_store::watchlist::{DEFAULT_MIN_RISE, Target};
use nmp_store::{Store, StoreError};

use super::{Nav, Problem, render};
use crate::auth::{CsrfForm, Staff, WorkspaceError};
use crate::{AppState, WebError};

/// An alert as the workspace shows it.
pub(crate) struct AlertRow {
    pub id: i32,
    pub when: String,
    pub iso3: String,
    /// What kind of alert, in the request's language.
    pub kind: String,
    pub message: String,
    pub source: String,
    pub read: bool,
}

/// The alerts of `account_id` as rows, newest first (only unread with `unread_only`).
pub(crate) async fn alert_rows(store: &Store, account_id: i32, unread_only: bool) -> Result<Vec<AlertRow>, WebError> {
    let slugs: HashMap<i32, String> = store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .map(|d| (d.dataset_id, d.slug))
        .collect();
    Ok(store
        .alerts(account_id, unread_only)
        .await?
        .into_iter()
        .map(|a: watch_alert::Model| AlertRow {
            id: a.watch_alert_id,
            when: a.created_at.date().to_string(),
            iso3: a.country_iso3.to_lowercase(),
            kind: crate::lang::t(match a.kind.as_str() {
                "entered_top_30" => "st-alert-top-30",
                "risk_up" => "st-alert-risk-up",
                _ => "st-alert-assessment",
            }),
            message: a.message,
            source: a.dataset_id.and_then(|d| slugs.get(&d).cloned()).unwrap_or_default(),
            read: a.read_at.is_some(),
        })
        .collect())
}

struct FollowRow {
    target: String,
    label: String,
    min_rise: String,
}

#[derive(Template)]
#[template(path = "staff/watchlist.html")]
struct WatchlistPage {
    nav: Nav,
    follows: Vec<FollowRow>,
    countries: Vec<(String, String)>,
    chosen: String,
    default_rise: String,
    alerts: Vec<AlertRow>,
    errors: Vec<Problem>,
}

impl WatchlistPage {
    fn following(&self, target: &str) -> bool {
        self.follows.iter().any(|f| f.target == target)
    }

    /// What a follow is, as HTML: a state's name as recorded (marked as English on a French or
    /// Spanish page), or the top 30.
    fn what(&self, f: &FollowRow) -> String {
        if f.target == "top30" {
            super::escape(&f.label)
        } else {
            super::english(&f.label)
        }
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct WatchQuery {
    /// A state to preselect in the follow form (from its country page).
    follow: Option<String>,
}

async fn page(
    state: &AppState,
    staff: &Staff,
    chosen: String,
    errors: Vec<Problem>,
) -> Result<WatchlistPage, WorkspaceError> {
    let store = &state.store;
    let countries: Vec<(String, String)> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let names: HashMap<&str, &str> = countries.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let follows = store
        .watches(staff.account.account_id)
        .await?
        .into_iter()
        .map(|w| FollowRow {
            label: match &w.country_iso3 {
                Some(c) => names.get(c.as_str()).map_or_else(|| c.clone(), |n| (*n).to_string()),
                None => crate::lang::t("st-watch-top30"),
            },
            target: w.country_iso3.unwrap_or_else(|| "top30".into()),
            min_rise: format!("{}", w.min_rise),
        })
        .collect();
    Ok(WatchlistPage {
        nav: Nav::of(staff),
        follows,
        chosen,
        default_rise: format!("{DEFAULT_MIN_RISE}"),
        alerts: alert_rows(store, staff.account.account_id, false).await?,
        errors,
        countries,
    })
}

/// `GET /staff/watchlist`.
pub(super) async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<WatchQuery>,
) -> Result<Response, WorkspaceError> {
    let chosen = q.follow.map(|c| c.trim().to_ascii_uppercase()).unwrap_or_default();
    let view = page(&state, &staff, chosen, Vec::new()).await?;
    Ok(render(StatusCode::OK, &view))
}

/// `POST /staff/watchlist`: `action` `follow` (with `target` and `min_rise`) or `unfollow`.
pub(super) async fn change(
    State(state): State<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let target_text = form.text("target").to_string();
    let refused = |problem: Problem| refused(&state, &staff, &target_text, problem);
    let target = match Target::parse(&target_text) {
        Ok(target) => target,
        Err(e) => return refused(Problem::store(&e.field, &e.message)).await,
    };
    let outcome = match form.text("action") {
        "unfollow" => state.store.unfollow(&staff.account, &target).await.map(|_| ()),
        "follow" => {
            let rise = match form.text("min_rise").trim() {
                "" => None,
                text => match text.parse::<f64>() {
                    Ok(rise) => Some(rise),
                    Err(_) => {
                        let quoted = format!("{text:?}");
                        let said = crate::lang::ta("st-watch-not-a-number", &[("value", &quoted)]);
                        return refused(Problem::said("min_rise", said)).await;
                    }
                },
            };
            state.store.follow(&staff.account, &target, rise).await.map(|_| ())
        }
        other => {
            let quoted = format!("{other:?}");
            let said = crate::lang::ta("st-watch-bad-action", &[("value", &quoted)]);
            return refused(Problem::said("action", said)).await;
        }
    };
    match outcome {
        Ok(()) => Ok(Redirect::to("/staff/watchlist").into_response()),
        Err(StoreError::Invalid(e)) => refused(Problem::store(&e.field, &e.message)).await,
        Err(e) => Err(e.into()),
    }
}

/// The page again with the problem of the form that was not saved (422).
async fn refused(state: &AppState, staff: &Staff, target: &str, problem: Problem) -> Result<Response, WorkspaceError> {
    let view = page(state, staff, target.to_ascii_uppercase(), vec![problem]).await?;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
}

/// `POST /staff/alerts/read`: `alert` is an alert's number, or `all`; back to `back` (`/staff`
/// or `/staff/watchlist`).
pub(super) async fn mark_read(
    State(state): State<AppState>,
    staff: Staff,
    CsrfForm(form): CsrfForm,
) -> Result<Response, WorkspaceError> {
    let which = match form.text("alert").trim() {
        "all" => None,
        text => Some(text.parse::<i32>().map_err(|_| {
            let quoted = format!("{text:?}");
            let said = crate::lang::ta("st-watch-bad-alert", &[("value", &quoted)]);
            let line = crate::lang::ta("st-problem", &[("field", &super::field_name("alert")), ("text", &said)]);
            WorkspaceError::message(
                StatusCode::UNPROCESSABLE_ENTITY,
                &crate::lang::t("auth-not-saved"),
                &line,
                None,
            )
        })?),
    };
    state.store.mark_alerts_read(&staff.account, which).await?;
    let back = if form.text("back") == "/staff/watchlist" {
        "/staff/watchlist"
    } else {
        "/staff"
    };
    Ok(Redirect::to(back).into_response())
}
