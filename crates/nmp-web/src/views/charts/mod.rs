//! The analysis figures: chart specifications built from the indicators, rendered by
//! `nmp-charts` (the same module the PDF report uses). Each figure also has its data as rows, for
//! the table beside it and the CSV download.
//!
//! A figure is rendered twice: standalone for the downloads (with its title), and for the page,
//! under a heading that says its title (so the chart does not repeat it), with the countries of a
//! map linked to their pages. A figure whose chart would say nothing (every function "none or not
//! assessed") carries a sentence to show instead.

use std::collections::BTreeMap;

use nmp_charts::{BarChart, Frame, LineChart, PHONE_WIDTH, Series};
use nmp_core::indicators::{Facts, compute};
use nmp_core::vocab::{FunctionLevel, MechanismStatus, UnRegionalGroup, geo_label};

mod maps;
mod outcomes;

pub(crate) use maps::indicator_map;
use maps::{high_risk_map, high_risk_scatter, map_networks, map_status};
pub(crate) use outcomes::{Outcomes, outcomes};

use super::analysis::{Analysis, EditionChoice, HighRisk};
use super::label;

/// A figure: its SVG and its data.
pub(crate) struct Figure {
    /// Short name used in URLs (`by-region`).
    pub name: String,
    /// Title.
    pub title: String,
    /// The standalone SVG document (the download): titled, without links.
    pub svg: String,
    /// The SVG as the page shows it, under a heading with the title: no visible title of its
    /// own, a map's countries linked to their pages.
    pub inline: String,
    /// A sentence the page shows instead of the chart, when the chart would say nothing.
    pub instead: Option<String>,
    /// A sentence under the chart saying how to read it (what counts), if needed.
    pub note: Option<String>,
    /// Column headers of the data.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<String>>,
    /// Codes of the countries a map could not draw (too small for the 1:110m map), if a map.
    pub not_drawn: Vec<String>,
}

/// A chart as a page embeds it: drawn at its own width and at [`PHONE_WIDTH`], one shown by the
/// stylesheet (`.chart-wide`, `.chart-narrow`) according to the screen's width, so that a phone
/// shows labels at their size instead of a wide drawing scaled down to illegible text.
pub(crate) fn responsive(draw: impl Fn(&Frame) -> String, frame: &Frame) -> String {
    let narrow = frame.clone().with_width(PHONE_WIDTH);
    format!(
        "<div class=\"chart-wide\">{}</div><div class=\"chart-narrow\">{}</div>",
        draw(frame),
        draw(&narrow)
    )
}

impl Figure {
    /// A bar chart figure, rendered standalone and for the page.
    pub(crate) fn bar(name: &str, chart: &BarChart, header: Vec<String>, rows: Vec<Vec<String>>) -> Figure {
        Figure {
            name: name.into(),
            title: chart.title.clone(),
            svg: nmp_charts::bar(chart),
            inline: responsive(|f| nmp_charts::bar_with(chart, f), &Frame::under_heading()),
            instead: None,
            note: None,
            header,
            rows,
            not_drawn: vec![],
        }
    }

    /// A line chart figure, rendered standalone and for the page.
    pub(crate) fn line(name: &str, chart: &LineChart, header: Vec<String>, rows: Vec<Vec<String>>) -> Figure {
        Figure {
            name: name.into(),
            title: chart.title.clone(),
            svg: nmp_charts::line(chart),
            inline: responsive(|f| nmp_charts::line_with(chart, f), &Frame::under_heading()),
            instead: None,
            note: None,
            header,
            rows,
            not_drawn: vec![],
        }
    }

    /// The data as CSV.
    pub(crate) fn csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(&self.header);
        for row in &self.rows {
            let _ = w.write_record(row);
        }
        w.into_inner().unwrap_or_default()
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Every figure of the analysis page, in page order.
pub(crate) fn figures(
    a: &Analysis,
    facts: &Facts,
    editions: &[EditionChoice],
    high: Option<&HighRisk>,
    m49: &BTreeMap<String, String>,
    names: &BTreeMap<String, String>,
) -> Vec<Figure> {
    let when = a.as_of();
    let mut out = vec![
        map_networks(facts, a, m49, names, &when),
        by_region(a, &when),
        by_status(a, &when),
        functions(a, &when),
        over_editions(facts, editions),
        map_status(facts, a, m49, names, &when),
    ];
    if let Some(h) = high {
        out.push(high_risk_scatter(h));
        out.push(high_risk_map(h, m49));
    }
    out
}

fn by_region(a: &Analysis, when: &str) -> Figure {
    let rows = &a.indicators.by_region;
    let categories: Vec<String> = rows.iter().map(|r| geo_label(&r.group)).collect();
    let with: Vec<f64> = rows.iter().map(|r| r.with_mechanism.count as f64).collect();
    let without: Vec<f64> = rows
        .iter()
        .map(|r| (r.with_mechanism.of - r.with_mechanism.count) as f64)
        .collect();
    let chart = BarChart {
        title: format!("States with a national mechanism, by UN region, {when}"),
        description: format!(
            "Stacked bars: for each UN region, the states with at least one national mechanism and the states without one, {when}."
        ),
        categories: categories.clone(),
        series: vec![
            Series {
                name: "With a mechanism".into(),
                values: with,
            },
            Series {
                name: "Without".into(),
                values: without,
            },
        ],
        stacked: true,
        unit: "states".into(),
    };
    Figure::bar(
        "by-region",
        &chart,
        vec![
            "region".into(),
            "states with a mechanism".into(),
            "states".into(),
            "share".into(),
        ],
        rows.iter()
            .zip(categories)
            .map(|(r, name)| {
                vec![
                    name,
                    r.with_mechanism.count.to_string(),
                    r.with_mechanism.of.to_string(),
                    pct(r.with_mechanism.share),
                ]
            })
            .collect(),
    )
}

fn by_status(a: &Analysis, when: &str) -> Figure {
    let entries: Vec<(String, usize)> = a
        .indicators
        .mechanisms_by_status
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    let categories: Vec<String> = entries
        .iter()
        .map(|(k, _)| {
            if k == "unknown" {
                "Not recorded".into()
            } else {
                label::<MechanismStatus>(k)
            }
        })
        .collect();
    let chart = BarChart {
        title: format!("Mechanisms by latest status, {when}"),
        description: format!("Bars: the number of mechanisms whose latest recorded status is each status, {when}."),
        categories: categories.clone(),
        series: vec![Series {
            name: "Mechanisms".into(),
            values: entries.iter().map(|(_, v)| *v as f64).collect(),
        }],
        stacked: false,
        unit: "mechanisms".into(),
    };
    Figure::bar(
        "by-status",
        &chart,
        vec!["status".into(), "mechanisms".into()],
        categories
            .into_iter()
            .zip(entries)
            .map(|(c, (_, v))| vec![c, v.to_string()])
            .collect(),
    )
}

/// The levels of the functions chart, in series order; the last is "none or not assessed".
const LEVELS: [FunctionLevel; 4] = [
    FunctionLevel::Operational,
    FunctionLevel::Partial,
    FunctionLevel::Planned,
    FunctionLevel::None,
];

fn functions(a: &Analysis, when: &str) -> Figure {
    let rows = &a.indicators.functions;
    let series = LEVELS
        .iter()
        .map(|l| Series {
            name: if *l == FunctionLevel::None {
                "None or not assessed".into()
            } else {
                l.label().into()
            },
            values: rows
                .iter()
                .map(|r| r.levels.get(l.code()).map(|s| s.count as f64).unwrap_or(0.0))
                .collect(),
        })
        .collect();
    let chart = BarChart {
        title: format!("How mechanisms carry out the four functions, {when}"),
        description: format!(
            "Stacked bars: for each function, how many mechanisms carry it out operationally, partly, in plan, or not (or were not assessed), {when}."
        ),
        categories: rows.iter().map(|r| r.label.clone()).collect(),
        series,
        stacked: true,
        unit: "mechanisms".into(),
    };
    let mut figure = Figure::bar(
        "functions",
        &chart,
        vec![
            "function".into(),
            "operational".into(),
            "partial".into(),
            "planned".into(),
            "none or not assessed".into(),
            "assessed".into(),
        ],
        rows.iter()
            .map(|r| {
                let n = |l: FunctionLevel| r.levels.get(l.code()).map(|s| s.count).unwrap_or(0).to_string();
                vec![
                    r.label.clone(),
                    n(FunctionLevel::Operational),
                    n(FunctionLevel::Partial),
                    n(FunctionLevel::Planned),
                    n(FunctionLevel::None),
                    r.assessed.to_string(),
                ]
            })
            .collect(),
    );
    if chart.only(LEVELS.len() - 1) {
        figure.instead = Some(nothing_assessed(a));
    }
    figure
}

/// What the page says instead of a functions chart whose every bar is "none or not assessed".
fn nothing_assessed(a: &Analysis) -> String {
    let mechanisms: usize = a.indicators.mechanisms_by_level.values().sum();
    let assessed: usize = a.indicators.functions.iter().map(|f| f.assessed).sum();
    let which = match &a.edition {
        Some(e) => format!("edition {}", e.slug),
        None => "any edition".into(),
    };
    if assessed == 0 {
        format!(
            "No assessments of how mechanisms carry out the four functions are recorded for {which}, so there is nothing to chart: each of the {mechanisms} mechanisms counts as \"none or not assessed\" for every function."
        )
    } else {
        format!(
            "The {assessed} function assessments recorded for {which} all find the function not carried out, so there is nothing to chart."
        )
    }
}

fn over_editions(facts: &Facts, editions: &[EditionChoice]) -> Figure {
    let points: Vec<(String, usize, usize)> = editions
        .iter()
        .map(|e| {
            let i = compute(facts, e.year, Some(&e.slug));
            (
                e.slug.clone(),
                i.states_with_mechanism.count,
                i.mechanisms_by_level.values().sum(),
            )
        })
        .collect();
    let chart = LineChart {
        title: "States with a national mechanism and mechanisms recorded, by edition".into(),
        description: "Lines: for each edition, the states with a national mechanism known to exist by the edition's year, and all mechanisms known to exist by then.".into(),
        x_labels: points.iter().map(|p| p.0.clone()).collect(),
        series: vec![
            Series { name: "States with a national mechanism".into(), values: points.iter().map(|p| p.1 as f64).collect() },
            Series { name: "Mechanisms (all levels)".into(), values: points.iter().map(|p| p.2 as f64).collect() },
        ],
        unit: "count".into(),
    };
    Figure::line(
        "over-editions",
        &chart,
        vec![
            "edition".into(),
            "states with a national mechanism".into(),
            "mechanisms".into(),
        ],
        points
            .into_iter()
            .map(|(e, s, m)| vec![e, s.to_string(), m.to_string()])
            .collect(),
    )
}

pub(crate) fn group_label(code: &str) -> String {
    if code == "none" {
        "None".into()
    } else {
        label::<UnRegionalGroup>(code)
    }
}
