//! `/analysis` (the indicators and figures of an edition, with the outcome assessments of
//! published editions), its figure downloads
//! (`/analysis/figures/{name}.svg|png|csv`), `/compare` and `/datasets`.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_core::vocab::{MechanismType, geo_label};
use nmp_store::entity::{country, dataset, indicator, observation};

use crate::api::query::EDITION;
use crate::params::{Accepts, Param, Params};

/// The countries to compare (the `/compare` page): names or ISO codes, one per box or
/// comma-separated.
const COUNTRIES: Param = Param {
    name: "countries",
    accepts: Accepts::Text,
    description: "Two to five countries: names in English, French or Spanish, or ISO codes",
};
use crate::views::analysis::{self, Analysis, HighRisk};
use crate::views::charts::{self, Figure, Outcomes, group_label};
use crate::views::countries::{self, CountryDetail};
use crate::views::country_names::{CountryNames, Lookup};
use crate::views::label;
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/analysis", get(show_analysis))
        .route("/analysis/figures/{file}", get(figure_file))
        .route("/compare", get(compare))
        .route("/datasets", get(datasets))
        .route("/datasets/{slug}/{code}", get(indicator_page))
        .route("/datasets/{slug}/{code}/{file}", get(indicator_file))
}

/// What the analysis page and its downloads are built from.
pub(crate) struct Bench {
    pub analysis: Analysis,
    pub high_risk: Option<HighRisk>,
    pub figures: Vec<Figure>,
    /// The outcome assessments of published editions, as of the edition shown.
    pub outcomes: Outcomes,
    /// The facts everything above was computed from.
    pub facts: nmp_core::indicators::Facts,
}

/// Builds the analysis of the edition named by the `edition` parameter (default: the latest;
/// `all` for all data recorded).
pub(crate) async fn bench(s: &AppState, p: &Params) -> Result<Bench, WebError> {
    let facts = analysis::facts(&s.store).await?;
    let editions = analysis::editions(&s.store).await?;
    let a = analysis::for_param(&s.store, &facts, p.get(&EDITION)).await?;
    let high_risk = analysis::high_risk(&s.store, &facts, 30).await?;
    let countries = s.store.all::<country::Entity>().await?;
    let m49: BTreeMap<String, String> = countries
        .iter()
        .map(|c| (c.country_iso3.clone(), c.m49.clone()))
        .collect();
    let names: BTreeMap<String, String> = countries.into_iter().map(|c| (c.country_iso3, c.name)).collect();
    let figures = charts::figures(&a, &facts, &editions, high_risk.as_ref(), &m49, &names);
    let outcomes = charts::outcomes(&s.store.published_consensus().await?, a.edition.as_ref());
    Ok(Bench {
        analysis: a,
        high_risk,
        figures,
        outcomes,
        facts,
    })
}

struct Row {
    label: String,
    count: usize,
    of: usize,
    share: String,
    change: String,
}

#[derive(Template)]
#[template(path = "analysis.html")]
struct AnalysisPage {
    editions: Vec<String>,
    selected: String,
    /// As of when the figures count ("as of edition 2018").
    as_of: String,
    previous: Option<String>,
    headline: Row,
    mechanism_total: usize,
    groups: Vec<Row>,
    breadth: Vec<(String, String, usize, String)>,
    mean_breadth: String,
    non_state: String,
    networks: Vec<(String, usize, String)>,
    high_risk: Option<HighRisk>,
    high_risk_counts: (usize, usize, usize),
    /// States risen into the EWP top 30 since the release before the latest.
    risen: Option<crate::views::ewp_series::RisenView>,
    figures: Vec<Figure>,
    outcomes: Outcomes,
    query: String,
}

fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}

async fn show_analysis(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Html<String>, WebError> {
    let p = Params::parse(q.as_deref(), &[&EDITION], false)?;
    let Bench {
        analysis: a,
        high_risk,
        figures,
        outcomes,
        ..
    } = bench(&s, &p).await?;
    let i = &a.indicators;
    let change = a.change.as_ref();
    let mechanism_names: BTreeMap<String, String> = s
        .store
        .all::<nmp_store::entity::mechanism::Entity>()
        .await?
        .into_iter()
        .map(|m| (m.slug, m.name))
        .collect();
    let network_names: BTreeMap<String, String> = s
        .store
        .all::<nmp_store::entity::network::Entity>()
        .await?
        .into_iter()
        .map(|n| (n.slug, n.name))
        .collect();
    let high_risk_counts = high_risk
        .as_ref()
        .map(|h| {
            let n = |c: &str| h.rows.iter().filter(|r| r.category == c).count();
            (n("mechanism"), n("network only"), n("neither"))
        })
        .unwrap_or_default();
    let page = AnalysisPage {
        editions: analysis::editions(&s.store)
            .await?
            .into_iter()
            .map(|e| e.slug)
            .collect(),
        selected: a
            .edition
            .as_ref()
            .map(|e| e.slug.clone())
            .unwrap_or_else(|| "all".into()),
        as_of: a.as_of(),
        previous: a.previous.as_ref().map(|e| e.slug.clone()),
        headline: Row {
            label: "States with a national mechanism".into(),
            count: i.states_with_mechanism.count,
            of: i.states_with_mechanism.of,
            share: format!("{:.1}%", i.states_with_mechanism.share * 100.0),
            change: change.map(|c| signed(c.states_with_mechanism)).unwrap_or_default(),
        },
        mechanism_total: i.mechanisms_by_level.values().sum(),
        groups: i
            .by_group
            .iter()
            .map(|r| Row {
                label: group_label(&r.group),
                count: r.with_mechanism.count,
                of: r.with_mechanism.of,
                share: format!("{:.0}%", r.with_mechanism.share * 100.0),
                change: String::new(),
            })
            .collect(),
        breadth: i
            .breadth
            .iter()
            .map(|b| {
                let name = mechanism_names
                    .get(&b.mechanism)
                    .cloned()
                    .unwrap_or_else(|| b.mechanism.clone());
                (
                    b.mechanism.clone(),
                    name,
                    b.sectors.count,
                    b.sector_codes
                        .iter()
                        .map(|c| label::<nmp_core::vocab::Sector>(c))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
            .collect(),
        mean_breadth: format!("{:.1}", i.mean_breadth),
        non_state: format!("{} of {}", i.with_non_state_members.count, i.with_non_state_members.of),
        networks: i
            .networks
            .iter()
            .map(|n| {
                let regions = n
                    .by_region
                    .iter()
                    .map(|(r, c)| format!("{} {c}", geo_label(r)))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    network_names
                        .get(&n.network)
                        .cloned()
                        .unwrap_or_else(|| n.network.clone()),
                    n.members,
                    regions,
                )
            })
            .collect(),
        high_risk,
        high_risk_counts,
        risen: crate::views::ewp_series::risen_view(&s.store).await?,
        figures,
        outcomes,
        query: a
            .edition
            .as_ref()
            .map(|e| format!("?edition={}", e.slug))
            .unwrap_or_else(|| "?edition=all".into()),
    };
    Ok(Html(page.render()?))
}

async fn figure_file(
    State(s): State<AppState>,
    Path(file): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let p = Params::parse(q.as_deref(), &[&EDITION], true)?;
    let (name, ext) = file
        .rsplit_once('.')
        .ok_or_else(|| WebError::NotFound(format!("There is no figure file {file:?}.")))?;
    if !matches!(ext, "svg" | "png" | "csv") {
        return Err(WebError::NotFound(format!(
            "Figures come as .svg, .png or .csv, not {ext:?}."
        )));
    }
    let Bench { figures, outcomes, .. } = bench(&s, &p).await?;
    let figure = figures
        .into_iter()
        .chain(outcomes.figures())
        .find(|f| f.name == name)
        .ok_or_else(|| WebError::NotFound(format!("There is no figure {name:?}.")))?;
    Ok(match ext {
        "svg" => ([(header::CONTENT_TYPE, "image/svg+xml")], figure.svg).into_response(),
        "png" => {
            let png = nmp_charts::png(&figure.svg, 1600).map_err(|e| WebError::Internal(e.to_string()))?;
            ([(header::CONTENT_TYPE, "image/png")], png).into_response()
        }
        _ => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], figure.csv()).into_response(),
    })
}

/// One of the five country boxes of `/compare`: what was typed and what it was found to be.
struct CountryBox {
    /// As typed.
    typed: String,
    /// What is wrong with it, if anything.
    problem: Option<String>,
    /// Countries it may have meant: (name, link to the comparison with it instead).
    suggestions: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    countries: Vec<CountryDetail>,
    boxes: Vec<CountryBox>,
    /// Whether a box has a problem.
    box_problems: bool,
    /// A problem with the whole list (too few or too many countries).
    problem: Option<String>,
    /// Every country for the type-ahead: (name, the other names and codes it is found by).
    choices: Vec<(String, String)>,
    risks: Vec<String>,
    type_labels: Vec<String>,
    /// The EWP two-year risk of the countries per release (`None` without imported releases).
    ewp_chart: Option<String>,
}

/// The names typed into `/compare`: every `countries` value (the form sends one per box, a link
/// may give several separated by commas), in order, without the empty ones.
fn typed_countries(raw: Option<&str>) -> Result<Vec<String>, WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| WebError::bad_param("query", "the query string is not valid URL encoding"))?;
    Ok(pairs
        .into_iter()
        .filter(|(k, _)| k == COUNTRIES.name)
        .flat_map(|(_, v)| v.split(',').map(|x| x.trim().to_string()).collect::<Vec<_>>())
        .filter(|x| !x.is_empty())
        .collect())
}

/// `/compare` with `typed`, the `i`-th name replaced by `iso3`.
fn compare_link(typed: &[String], i: usize, iso3: &str) -> String {
    let list: Vec<String> = typed
        .iter()
        .enumerate()
        .map(|(j, t)| if j == i { iso3.to_lowercase() } else { t.clone() })
        .collect();
    let query = serde_urlencoded::to_string([(COUNTRIES.name, list.join(","))]).unwrap_or_default();
    format!("/compare?{query}")
}

async fn compare(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, WebError> {
    let typed = typed_countries(q.as_deref())?;
    let all = s.store.all::<country::Entity>().await?;
    let names = CountryNames::new(
        all.iter()
            .map(|c| (c.country_iso3.as_str(), c.iso2.as_str(), c.name.as_str())),
    );
    let mut boxes = Vec::new();
    let mut found = Vec::new();
    for (i, text) in typed.iter().enumerate() {
        let (problem, suggested) = match names.lookup(text) {
            Lookup::Found(c) if found.contains(&c.iso3) => {
                (Some(format!("{} is already in the list", c.name)), Vec::new())
            }
            Lookup::Found(c) => {
                found.push(c.iso3);
                (None, Vec::new())
            }
            Lookup::Ambiguous(cs) => (
                Some(format!("{text:?} is the name of more than one country; choose one")),
                cs,
            ),
            Lookup::Unknown(cs) if cs.is_empty() => (
                Some(format!(
                    "{text:?} is not the name or ISO code of a UN member or observer state"
                )),
                cs,
            ),
            Lookup::Unknown(cs) => (
                Some(format!(
                    "{text:?} is not the name or ISO code of a UN member or observer state; did you mean one of these?"
                )),
                cs,
            ),
        };
        boxes.push(CountryBox {
            typed: text.clone(),
            problem,
            suggestions: suggested
                .into_iter()
                .map(|c| (c.name, compare_link(&typed, i, &c.iso3)))
                .collect(),
        });
    }
    let problem = (!typed.is_empty() && !(2..=5).contains(&typed.len()))
        .then(|| format!("Give two to five countries; {} were given.", typed.len()));
    let box_problems = boxes.iter().any(|b| b.problem.is_some());
    let ok = problem.is_none() && !box_problems;
    boxes.resize_with(boxes.len().max(5), || CountryBox {
        typed: String::new(),
        problem: None,
        suggestions: Vec::new(),
    });
    let mut details = Vec::new();
    if ok {
        for code in &found {
            if let Some(d) = countries::detail(&s.store, code).await? {
                details.push(d);
            }
        }
    }
    let facts = analysis::facts(&s.store).await?;
    let high = analysis::high_risk(&s.store, &facts, 1000).await?;
    let risks = details
        .iter()
        .map(|d| {
            high.as_ref()
                .and_then(|h| h.rows.iter().find(|r| r.iso3 == d.item.iso3))
                .map(|r| format!("rank {} ({:.1}%)", r.rank, r.risk * 100.0))
                .unwrap_or_else(|| "no data".into())
        })
        .collect();
    let type_labels = details
        .iter()
        .map(|d| {
            d.mechanisms
                .iter()
                .map(|m| label::<MechanismType>(&m.item.kind))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect();
    let series = crate::views::ewp_series::load(&s.store).await?;
    let named: Vec<(&str, &str)> = details
        .iter()
        .map(|d| (d.item.iso3.as_str(), d.item.name.as_str()))
        .collect();
    let ewp_chart = series.chart(&named);
    let mut choices: Vec<(String, String)> = all
        .iter()
        .map(|c| (c.name.clone(), names.keys_of(&c.country_iso3).join(" ")))
        .collect();
    choices.sort();
    let status = if ok { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let page = ComparePage {
        countries: details,
        boxes,
        box_problems,
        problem,
        choices,
        risks,
        type_labels,
        ewp_chart,
    };
    Ok((status, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "datasets.html")]
struct DatasetsPage {
    datasets: Vec<(dataset::Model, Vec<indicator::Model>)>,
}

async fn datasets(State(s): State<AppState>) -> Result<Html<String>, WebError> {
    let indicators = s.store.all::<indicator::Entity>().await?;
    let datasets = s
        .store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .map(|d| {
            let own = indicators
                .iter()
                .filter(|i| i.dataset_id == d.dataset_id)
                .cloned()
                .collect();
            (d, own)
        })
        .collect();
    Ok(Html(DatasetsPage { datasets }.render()?))
}

/// The latest year's map of one imported indicator, with its dataset.
async fn indicator_figure(
    s: &AppState,
    slug: &str,
    code: &str,
) -> Result<(dataset::Model, indicator::Model, i32, Figure), WebError> {
    let missing = || WebError::NotFound(format!("There is no indicator {code:?} in a dataset {slug:?}."));
    let ds = s
        .store
        .rows_where::<dataset::Entity, _>(dataset::Column::Slug, [slug.to_string()])
        .await?
        .pop()
        .ok_or_else(missing)?;
    let ind = s
        .store
        .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, [ds.dataset_id])
        .await?
        .into_iter()
        .find(|i| i.code == code)
        .ok_or_else(missing)?;
    let observations = s
        .store
        .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, [ind.indicator_id])
        .await?;
    let year = observations
        .iter()
        .map(|o| o.year)
        .max()
        .ok_or_else(|| WebError::NotFound(format!("The indicator {code:?} has no values.")))?;
    let values: Vec<(String, f64)> = observations
        .into_iter()
        .filter(|o| o.year == year)
        .map(|o| (o.country_iso3, o.value))
        .collect();
    let countries = s.store.all::<country::Entity>().await?;
    let m49: BTreeMap<String, String> = countries
        .iter()
        .map(|c| (c.country_iso3.clone(), c.m49.clone()))
        .collect();
    let names: BTreeMap<String, String> = countries.into_iter().map(|c| (c.country_iso3, c.name)).collect();
    let title = format!("{} ({}), {year}", ind.label, ds.title);
    let figure = charts::indicator_map(&title, ind.unit.as_deref(), &values, &m49, &names);
    Ok((ds, ind, year, figure))
}

#[derive(Template)]
#[template(path = "indicator.html")]
struct IndicatorPage {
    dataset: dataset::Model,
    indicator: indicator::Model,
    year: i32,
    figure: Figure,
}

async fn indicator_page(
    State(s): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let (dataset, indicator, year, figure) = indicator_figure(&s, &slug, &code).await?;
    Ok(Html(
        IndicatorPage {
            dataset,
            indicator,
            year,
            figure,
        }
        .render()?,
    ))
}

async fn indicator_file(
    State(s): State<AppState>,
    Path((slug, code, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let (_, _, _, figure) = indicator_figure(&s, &slug, &code).await?;
    Ok(match file.as_str() {
        "map.svg" => ([(header::CONTENT_TYPE, "image/svg+xml")], figure.svg).into_response(),
        "map.png" => {
            let png = nmp_charts::png(&figure.svg, 1600).map_err(|e| WebError::Internal(e.to_string()))?;
            ([(header::CONTENT_TYPE, "image/png")], png).into_response()
        }
        "data.csv" => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], figure.csv()).into_response(),
        _ => {
            return Err(WebError::NotFound(format!(
                "Indicator files are map.svg, map.png and data.csv, not {file:?}."
            )));
        }
    })
}
