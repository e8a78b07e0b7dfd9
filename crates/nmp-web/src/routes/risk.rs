//! `/risk`: the risk–capacity gap monitor, one forecast (`?source=`, default the latest Early
//! Warning Project release) beside every state's capacity, flagged where risk is high or rising
//! and no national mechanism is operational. A `source` that is not a forecast is answered with
//! the form again and the problem explained (400), never an error page. The page's words are in
//! the request's language (the forecasts' names, statuses and the problem built here, not by the
//! API's shared functions); the states' names and assessments' words stay as recorded.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::api::query::RISK_SOURCE;
use crate::lang::{t, ta};
use crate::params::Params;
use crate::views::analysis::{escape, html, link, quoted, vocab_here};
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
    status: String,
    functions: String,
    initiatives: usize,
    networks: String,
    assessment: String,
    /// Whether `assessment` is the assessment's own (English) words.
    assessment_en: bool,
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

impl RiskPage {
    fn intro(&self) -> String {
        let flagged = format!("<strong>{}</strong>", escape(&t("an-flagged")));
        let method = link("/about#method", &escape(&t("an-method")));
        html("an-risk-intro", &[], &[("flagged", &flagged), ("method", &method)])
    }

    fn nmp_note(&self) -> String {
        let nmp = format!("<strong>{}</strong>", escape(&t("an-risk-nmp-own")));
        html("an-risk-nmp-note", &[], &[("nmp", &nmp)])
    }

    fn published(&self, g: &Gap) -> String {
        let datasets = link("/datasets", &escape(&t("an-datasets-link")));
        html(
            "an-risk-published",
            &[],
            &[
                ("publisher", &crate::views::analysis::english(&g.publisher)),
                ("datasets", &datasets),
            ],
        )
    }

    /// How many are flagged, since when changes are counted, and the downloads.
    fn summary(&self, g: &Gap) -> String {
        let flagged = ta(
            "an-risk-flagged-count",
            &[
                ("flagged", &self.flagged.to_string()),
                ("total", &self.rows.len().to_string()),
            ],
        );
        let since = match (&g.previous, self.is_nmp) {
            (Some(p), true) => ta("an-risk-since-computation", &[("previous", p)]),
            (Some(p), false) => ta("an-risk-since-project", &[("previous", p)]),
            (None, true) => t("an-risk-no-earlier-computation"),
            (None, false) => t("an-risk-no-earlier-project"),
        };
        let slug = &g.source.slug;
        let csv = link(&format!("/api/v1/risk/gap.csv?source={slug}&limit=500"), "CSV");
        let json = link(&format!("/api/v1/risk/gap?source={slug}&limit=500"), "JSON");
        let download = html("an-risk-download", &[], &[("csv", &csv), ("json", &json)]);
        format!("{} {} {download}", escape(&flagged), escape(&since))
    }
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| crate::lang::pct(v, 1)).unwrap_or_else(|| t("an-not-given"))
}

/// How the page names a forecast, in the request's language (the words of
/// `Forecast::label`, which the API and the report keep in English).
fn choice_label(c: &SourceChoice) -> String {
    let family = match c.family.as_str() {
        "nmp" => t("an-nmp-computation"),
        _ => "Early Warning Project".to_string(),
    };
    match c.forecast_year {
        Some(y) => ta(
            "an-forecast-choice",
            &[
                ("family", &family),
                ("slug", &c.slug),
                ("from", &y.to_string()),
                ("to", &(y + 1).to_string()),
            ],
        ),
        None => ta("an-forecast-choice-no-year", &[("family", &family), ("slug", &c.slug)]),
    }
}

/// Why `slug` cannot be shown, in the request's language (the words of
/// `risk_gap::unknown_source`, which the API keeps in English).
fn unknown_source(slug: &str, all: &[SourceChoice]) -> String {
    let source = quoted(slug);
    if all.is_empty() {
        return ta("an-risk-unknown-none", &[("source", &source)]);
    }
    let known: Vec<&str> = all.iter().map(|c| c.slug.as_str()).collect();
    ta("an-risk-unknown", &[("source", &source), ("known", &known.join(", "))])
}

fn rows(gap: &Gap) -> Vec<Row> {
    gap.rows
        .iter()
        .map(|r| Row {
            iso3: r.iso3.to_lowercase(),
            name: r.name.clone(),
            rank: ewp_series::rank_here(r.rank),
            risk: percent(r.risk),
            change: match (r.risk, r.previous_risk) {
                (Some(now), Some(before)) => ta(
                    "an-change-points",
                    &[("change", &format!("{:+.1}", (now - before) * 100.0))],
                ),
                _ if gap.previous.is_some() => t("an-not-assessed-before"),
                _ => String::new(),
            },
            rising: r.rising,
            high: r.high,
            status: vocab_here("an-gap-status", &r.mechanism_status, status_label(&r.mechanism_status)),
            functions: match &r.functions_edition {
                Some(e) => ta(
                    "an-functions-operational",
                    &[
                        ("operational", &r.functions_operational.to_string()),
                        ("rated", &r.functions_rated.to_string()),
                        ("edition", e),
                    ],
                ),
                None => t("an-not-rated"),
            },
            initiatives: r.initiatives,
            networks: if r.networks.is_empty() {
                t("an-none")
            } else {
                r.networks.replace(';', ", ")
            },
            assessment: r
                .latest_assessment
                .as_ref()
                .map(|a| format!("{} ({})", a.summary, a.assessed_on))
                .unwrap_or_else(|| t("an-none-yet")),
            assessment_en: r.latest_assessment.is_some(),
            flagged: r.flagged,
        })
        .collect()
}

async fn show(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let p = Params::parse(q.as_deref(), &[&RISK_SOURCE], false)?;
    let all = s.store.forecasts().await?;
    let (mut choices, default) = risk_gap::choices(&all);
    for c in &mut choices {
        c.label = choice_label(c);
    }
    let wanted = p.get(&RISK_SOURCE).map(str::to_string).or(default);
    let mut gap = match &wanted {
        Some(slug) => risk_gap::gap(&s.store, &all, slug).await?,
        None => None,
    };
    if let Some(g) = &mut gap {
        g.source.label = choice_label(&g.source);
    }
    let problem = match (&wanted, &gap) {
        (Some(slug), None) => Some(unknown_source(slug, &choices)),
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
