//! `/risk`: the risk–capacity gap monitor, one forecast (`?source=`, default the latest Early
//! Warning Project release) beside every state's capacity, flagged where risk is high or rising
//! and no national mechanism is operational. A `source` that is not a forecast is answered with
//! the form again and the problem explained (400), never an error page.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::api::query::RISK_SOURCE;
use crate::params::Params;
use crate::views::ewp_series;
use crate::views::risk_gap::{self, SourceChoice};
use crate::{AppState, WebError};
use nmp_store::risk_gap::{Gap, status_label};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/risk", get(show))
}

/// A row as the page shows it.
struct Row {
    iso3: String,
    name: String,
    rank: String,
    risk: String,
    change: String,
    rising: bool,
    high: bool,
    status: &'static str,
    functions: String,
    initiatives: usize,
    networks: String,
    assessment: String,
    flagged: bool,
}

#[derive(Template)]
#[template(path = "risk.html")]
struct RiskPage {
    choices: Vec<SourceChoice>,
    selected: String,
    problem: Option<String>,
    gap: Option<Gap>,
    rows: Vec<Row>,
    flagged: usize,
    is_nmp: bool,
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "not given".into())
}

fn rows(gap: &Gap) -> Vec<Row> {
    gap.rows
        .iter()
        .map(|r| Row {
            iso3: r.iso3.to_lowercase(),
            name: r.name.clone(),
            rank: ewp_series::rank_text(r.rank),
            risk: percent(r.risk),
            change: match (r.risk, r.previous_risk) {
                (Some(now), Some(before)) => format!("{:+.1} pt", (now - before) * 100.0),
                _ if gap.previous.is_some() => "not assessed before".into(),
                _ => String::new(),
            },
            rising: r.rising,
            high: r.high,
            status: status_label(&r.mechanism_status),
            functions: match &r.functions_edition {
                Some(e) => format!("{} of {} operational ({e})", r.functions_operational, r.functions_rated),
                None => "not rated".into(),
            },
            initiatives: r.initiatives,
            networks: if r.networks.is_empty() {
                "none".into()
            } else {
                r.networks.replace(';', ", ")
            },
            assessment: r
                .latest_assessment
                .as_ref()
                .map(|a| format!("{} ({})", a.summary, a.assessed_on))
                .unwrap_or_else(|| "none yet".into()),
            flagged: r.flagged,
        })
        .collect()
}

async fn show(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let p = Params::parse(q.as_deref(), &[&RISK_SOURCE], false)?;
    let all = s.store.forecasts().await?;
    let (choices, default) = risk_gap::choices(&all);
    let wanted = p.get(&RISK_SOURCE).map(str::to_string).or(default);
    let gap = match &wanted {
        Some(slug) => risk_gap::gap(&s.store, &all, slug).await?,
        None => None,
    };
    let problem = match (&wanted, &gap) {
        (Some(slug), None) => Some(risk_gap::unknown_source(slug, &choices)),
        _ => None,
    };
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = RiskPage {
        selected: gap.as_ref().map(|g| g.source.slug.clone()).unwrap_or_default(),
        rows: gap.as_ref().map(rows).unwrap_or_default(),
        flagged: gap.as_ref().map_or(0, |g| g.rows.iter().filter(|r| r.flagged).count()),
        is_nmp: gap.as_ref().is_some_and(|g| g.source.family == "nmp"),
        choices,
        problem,
        gap,
    };
    Ok((status, Html(page.render()?)).into_response())
}
