//! `/analysis` (the indicators and figures of an edition, with the outcome assessments of
//! published editions), its figure downloads
//! (`/analysis/figures/{name}.svg|png|csv`), `/compare` and `/datasets`. The pages speak the
//! request's language; the charts, their downloads and the figures' data keep their English
//! words (marked `lang="en"` on a French or Spanish page), as do the records' names.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_core::vocab::{MechanismType, Sector, geo_label};
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
use crate::lang::{t, ta};
use crate::views::analysis::{self, Analysis, HighRisk, english, escape, html, link, quoted, vocab_here};
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
    /// As of when the figures count ("as of edition 2018"), in the request's language.
    as_of: String,
    previous: Option<String>,
    headline: Row,
    mechanism_total: usize,
    groups: Vec<Row>,
    breadth: Vec<(String, String, usize, String)>,
    mean_breadth: String,
    /// Mechanisms with non-state members, of the mechanisms with members recorded.
    non_state: (usize, usize),
    networks: Vec<(String, usize, String)>,
    high_risk: Option<HighRisk>,
    high_risk_counts: (usize, usize, usize),
    /// States risen into the EWP top 30 since the release before the latest.
    risen: Option<crate::views::ewp_series::RisenView>,
    figures: Vec<Figure>,
    outcomes: Outcomes,
    query: String,
    /// The figures' titles in the request's language, by figure name (the others, the outcome
    /// figures named by their criterion, keep their English title, marked so).
    headings: BTreeMap<String, String>,
    /// The sentences shown instead of a chart, in the request's language, by figure name.
    instead: BTreeMap<String, String>,
}

impl AnalysisPage {
    /// A figure's title as the page shows it.
    fn title<'a>(&'a self, f: &'a Figure) -> &'a str {
        self.headings.get(&f.name).unwrap_or(&f.title)
    }

    /// Whether the figure's title is in the request's language.
    fn translated(&self, f: &Figure) -> bool {
        self.headings.contains_key(&f.name)
    }

    /// The caption of a figure's data table, as HTML.
    fn data_caption(&self, f: &Figure) -> String {
        let title = if self.translated(f) {
            escape(self.title(f))
        } else {
            english(&f.title)
        };
        html("an-figure-caption", &[], &[("title", &title)])
    }

    fn lede(&self) -> String {
        let method = link("/about#method", &escape(&t("an-method")));
        html("an-lede", &[], &[("method", &method)])
    }

    fn high_risk_intro(&self) -> String {
        let page = link("/risk", &escape(&t("an-risk-title")));
        html("an-high-risk-intro", &[], &[("page", &page)])
    }

    fn high_risk_counts(&self, h: &HighRisk) -> String {
        let (mechanism, network, neither) = self.high_risk_counts;
        let dataset = link("/datasets", &english(&h.title));
        html(
            "an-high-risk-counts",
            &[
                ("total", &h.rows.len().to_string()),
                ("mechanism", &mechanism.to_string()),
                ("network", &network.to_string()),
                ("neither", &neither.to_string()),
            ],
            &[("dataset", &dataset)],
        )
    }

    fn outside(&self, h: &HighRisk) -> String {
        let list: Vec<String> = h.outside.iter().map(|o| o.summary_html()).collect();
        html("an-outside", &[], &[("list", &list.join("; "))])
    }

    fn outcomes_intro(&self, edition: &str) -> String {
        let initiatives = link("/initiatives", &escape(&t("an-initiatives")));
        if self.selected != edition && self.selected != "all" {
            html(
                "an-outcomes-intro-latest",
                &[("edition", edition), ("selected", &self.selected)],
                &[("initiatives", &initiatives)],
            )
        } else {
            html(
                "an-outcomes-intro",
                &[("edition", edition)],
                &[("initiatives", &initiatives)],
            )
        }
    }
}

/// The titles of the figures the page translates, by name: the same words as the charts' own
/// titles (`views::charts`), which stay in English in the downloads.
fn headings(figures: &[Figure], when: &str, high_risk: Option<&HighRisk>) -> BTreeMap<String, String> {
    let dataset = high_risk
        .map(|h| match h.dataset.strip_prefix("ewp-") {
            Some(year) => format!("EWP {year}"),
            None => h.dataset.clone(),
        })
        .unwrap_or_default();
    figures
        .iter()
        .filter_map(|f| {
            let key = match f.name.as_str() {
                "map-networks" => "an-fig-map-networks",
                "by-region" => "an-fig-by-region",
                "by-status" => "an-fig-by-status",
                "functions" => "an-fig-functions",
                "over-editions" => "an-fig-over-editions",
                "map-status" => "an-fig-map-status",
                "high-risk" => "an-fig-high-risk",
                "map-high-risk" => "an-fig-map-high-risk",
                _ => return None,
            };
            Some((f.name.clone(), ta(key, &[("when", when), ("dataset", &dataset)])))
        })
        .collect()
}

/// The sentence the functions figure shows instead of a chart of nothing (the words of
/// `views::charts`), in the request's language.
fn functions_instead(a: &Analysis) -> String {
    let mechanisms: usize = a.indicators.mechanisms_by_level.values().sum();
    let assessed: usize = a.indicators.functions.iter().map(|f| f.assessed).sum();
    let edition = a.edition.as_ref().map(|e| e.slug.as_str());
    let key = match (assessed, edition) {
        (0, Some(_)) => "an-functions-none-edition",
        (0, None) => "an-functions-none-any",
        (_, Some(_)) => "an-functions-not-carried-edition",
        (_, None) => "an-functions-not-carried-any",
    };
    ta(
        key,
        &[
            ("edition", edition.unwrap_or_default()),
            ("mechanisms", &mechanisms.to_string()),
            ("assessed", &assessed.to_string()),
        ],
    )
}

fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}

async fn show_analysis(State(s): State<AppState>, RawQuery(q): RawQuery) -> Result<Html<String>, WebError> {
    let p = Params::parse(q.as_deref(), &[&EDITION], false)?;
    let editions = analysis::editions(&s.store).await?;
    if let Some(slug) = p.get(&EDITION).filter(|e| *e != "all")
        && !editions.iter().any(|e| e.slug == slug)
    {
        let known: Vec<&str> = editions.iter().map(|e| e.slug.as_str()).collect();
        return Err(WebError::page(
            StatusCode::BAD_REQUEST,
            ta(
                "an-bad-edition",
                &[("edition", &quoted(slug)), ("editions", &known.join(", "))],
            ),
        ));
    }
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
    let as_of = a.as_of_here();
    let headings = headings(&figures, &as_of, high_risk.as_ref());
    let instead = figures
        .iter()
        .filter(|f| f.name == "functions" && f.instead.is_some())
        .map(|f| (f.name.clone(), functions_instead(&a)))
        .collect();
    let page = AnalysisPage {
        editions: editions.into_iter().map(|e| e.slug).collect(),
        selected: a
            .edition
            .as_ref()
            .map(|e| e.slug.clone())
            .unwrap_or_else(|| "all".into()),
        as_of,
        previous: a.previous.as_ref().map(|e| e.slug.clone()),
        headline: Row {
            label: t("an-states-with"),
            count: i.states_with_mechanism.count,
            of: i.states_with_mechanism.of,
            share: crate::lang::pct(i.states_with_mechanism.share, 1),
            change: change.map(|c| signed(c.states_with_mechanism)).unwrap_or_default(),
        },
        mechanism_total: i.mechanisms_by_level.values().sum(),
        groups: i
            .by_group
            .iter()
            .map(|r| Row {
                label: vocab_here("an-group", &r.group, &group_label(&r.group)),
                count: r.with_mechanism.count,
                of: r.with_mechanism.of,
                share: crate::lang::pct(r.with_mechanism.share, 0),
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
                        .map(|c| vocab_here("an-sector", c, &label::<Sector>(c)))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
            .collect(),
        mean_breadth: crate::lang::dec(i.mean_breadth, 1),
        non_state: (i.with_non_state_members.count, i.with_non_state_members.of),
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
        headings,
        instead,
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
        .ok_or_else(|| not_found("an-no-figure-file", &[("file", &quoted(&file))]))?;
    if !matches!(ext, "svg" | "png" | "csv") {
        return Err(not_found("an-figure-types", &[("ext", &quoted(ext))]));
    }
    let Bench { figures, outcomes, .. } = bench(&s, &p).await?;
    let figure = figures
        .into_iter()
        .chain(outcomes.figures())
        .find(|f| f.name == name)
        .ok_or_else(|| not_found("an-no-figure", &[("name", &quoted(name))]))?;
    Ok(match ext {
        "svg" => ([(header::CONTENT_TYPE, "image/svg+xml")], figure.svg).into_response(),
        "png" => {
            let png = nmp_charts::png(&figure.svg, 1600).map_err(|e| WebError::Internal(e.to_string()))?;
            ([(header::CONTENT_TYPE, "image/png")], png).into_response()
        }
        _ => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], figure.csv()).into_response(),
    })
}

/// A 404 of these pages, its message `key` in the request's language.
fn not_found(key: &str, args: &[(&str, &str)]) -> WebError {
    WebError::page(StatusCode::NOT_FOUND, ta(key, args))
}

/// One of the five country boxes of `/compare`: what was typed and what it was found to be.
struct CountryBox {
    /// As typed.
    typed: String,
    /// What is wrong with it, if anything, as HTML in the request's language.
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
    /// A problem with the whole list (too few or too many countries), in the request's language.
    problem: Option<String>,
    /// Every country for the type-ahead: (name, the other names and codes it is found by).
    choices: Vec<(String, String)>,
    risks: Vec<String>,
    type_labels: Vec<String>,
    /// The EWP two-year risk of the countries per release (`None` without imported releases).
    ewp_chart: Option<String>,
}

impl ComparePage {
    /// A country's UN regional group in the request's language.
    fn group(&self, c: &CountryDetail) -> Option<String> {
        let english = c.un_regional_group_label.as_deref()?;
        let code = c.item.un_regional_group.as_deref().unwrap_or_default();
        Some(vocab_here("an-group", code, english))
    }

    /// A mechanism's latest status by its code: the code itself in English, as recorded, its label
    /// in French or Spanish.
    fn status(&self, code: &str) -> String {
        vocab_here("an-mstatus", code, code)
    }
}

/// The names typed into `/compare`: every `countries` value (the form sends one per box, a link
/// may give several separated by commas), in order, without the empty ones.
fn typed_countries(raw: Option<&str>) -> Result<Vec<String>, WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| WebError::page(StatusCode::BAD_REQUEST, t("an-compare-bad-query")))?;
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
        let quoted_text = quoted(text);
        let typed_text = [("text", quoted_text.as_str())];
        let (problem, suggested) = match names.lookup(text) {
            Lookup::Found(c) if found.contains(&c.iso3) => (
                Some(html("an-compare-already", &[], &[("country", &english(&c.name))])),
                Vec::new(),
            ),
            Lookup::Found(c) => {
                found.push(c.iso3);
                (None, Vec::new())
            }
            Lookup::Ambiguous(cs) => (Some(html("an-compare-ambiguous", &typed_text, &[])), cs),
            Lookup::Unknown(cs) if cs.is_empty() => (Some(html("an-compare-unknown", &typed_text, &[])), cs),
            Lookup::Unknown(cs) => (Some(html("an-compare-unknown-suggest", &typed_text, &[])), cs),
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
        .then(|| ta("an-compare-count", &[("count", &typed.len().to_string())]));
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
                .map(|r| {
                    ta(
                        "an-compare-rank",
                        &[("rank", &r.rank.to_string()), ("risk", &crate::lang::pct(r.risk, 1))],
                    )
                })
                .unwrap_or_else(|| t("an-compare-no-data"))
        })
        .collect();
    let type_labels = details
        .iter()
        .map(|d| {
            d.mechanisms
                .iter()
                .map(|m| crate::lang::label(&m.item.kind, &label::<MechanismType>(&m.item.kind)))
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

impl DatasetsPage {
    /// The caption of a dataset's indicators, as HTML.
    fn indicators_caption(&self, d: &dataset::Model) -> String {
        html("an-indicators-caption", &[], &[("dataset", &english(&d.title))])
    }
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
    let missing = || {
        not_found(
            "an-no-indicator",
            &[("code", &quoted(code)), ("dataset", &quoted(slug))],
        )
    };
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
        .ok_or_else(|| not_found("an-no-values", &[("code", &quoted(code))]))?;
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

impl IndicatorPage {
    /// What the indicator is: its dataset, publisher and version, the year and unit of its
    /// values, as HTML (the dataset's words marked as English on a French or Spanish page).
    fn about(&self) -> String {
        let d = &self.dataset;
        let (dataset, publisher) = (english(&d.title), english(&d.publisher));
        let published = match &d.dataset_version {
            Some(v) => html(
                "an-published-version",
                &[("version", v)],
                &[("dataset", &dataset), ("publisher", &publisher)],
            ),
            None => html("an-published", &[], &[("dataset", &dataset), ("publisher", &publisher)]),
        };
        let year = self.year.to_string();
        let values = match &self.indicator.unit {
            Some(u) => html("an-values-unit", &[("year", &year)], &[("unit", &english(u))]),
            None => html("an-values", &[("year", &year)], &[]),
        };
        let mut out = format!("{published} {values}");
        if let Some(d) = &self.indicator.description {
            out.push(' ');
            out.push_str(&english(d));
        }
        out
    }

    /// The caption of the data table, as HTML.
    fn caption(&self) -> String {
        html(
            "an-values-caption",
            &[("year", &self.year.to_string())],
            &[("indicator", &english(&self.indicator.label))],
        )
    }
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
            return Err(not_found("an-indicator-files", &[("file", &quoted(&file))]));
        }
    })
}
