//! `/analysis` (the indicators and figures of an edition, with the outcome assessments of
//! published editions), its figure downloads
//! (`/analysis/figures/{name}.svg|png|csv`), `/compare` and `/datasets`.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_core::vocab::{MechanismType, geo_label};
use nmp_store::entity::{country, dataset, indicator, observation};

use crate::api::query::EDITION;
use crate::params::{Accepts, Param, Params};

/// The countries to compare, `,`-separated ISO alpha-3 codes (the `/compare` page).
const COUNTRIES: Param = Param {
    name: "countries",
    accepts: Accepts::Text,
    description: "Two to five ISO alpha-3 codes, comma-separated",
};
use crate::views::analysis::{self, Analysis, HighRisk};
use crate::views::charts::{self, Figure, Outcomes, group_label};
use crate::views::countries::{self, CountryDetail};
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

#[derive(Template)]
#[template(path = "compare.html")]
struct ComparePage {
    countries: Vec<CountryDetail>,
    asked: String,
    risks: Vec<String>,
    type_labels: Vec<String>,
    /// The EWP two-year risk of the countries per release (`None` without imported releases).
    ewp_chart: Option<String>,
}

async fn compare(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Html<String>, WebError> {
    let p = Params::parse(q.as_deref(), &[&COUNTRIES], false)?;
    let asked = p.get(&COUNTRIES).unwrap_or("").to_string();
    let codes: Vec<&str> = asked.split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
    if !codes.is_empty() && !(2..=5).contains(&codes.len()) {
        return Err(WebError::bad_param(
            "countries",
            "give two to five ISO alpha-3 codes separated by commas, e.g. ken,tza,uga",
        ));
    }
    let mut details = Vec::new();
    for code in &codes {
        let d = countries::detail(&s.store, code).await?.ok_or_else(|| {
            WebError::bad_param(
                "countries",
                &format!("{code:?} is not the ISO alpha-3 code of a UN member or observer state"),
            )
        })?;
        details.push(d);
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
    Ok(Html(
        ComparePage {
            countries: details,
            asked,
            risks,
            type_labels,
            ewp_chart,
        }
        .render()?,
    ))
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
