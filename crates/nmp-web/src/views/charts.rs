//! The analysis figures: chart specifications built from the indicators, rendered by
//! `nmp-charts` (the same module the PDF report uses). Each figure also has its data as rows, for
//! the table beside it and the CSV download.

use std::collections::BTreeMap;

use nmp_charts::{BarChart, LineChart, MapChart, Point, ScatterChart, Series};
use nmp_core::indicators::{Facts, compute, exists};
use nmp_core::vocab::{FunctionLevel, MechanismStatus, UnRegionalGroup, geo_label};

use super::analysis::{Analysis, EditionChoice, HighRisk};
use super::label;

/// A figure: its SVG and its data.
pub(crate) struct Figure {
    /// Short name used in URLs (`by-region`).
    pub name: &'static str,
    /// Title.
    pub title: String,
    /// The SVG document.
    pub svg: String,
    /// Column headers of the data.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<String>>,
    /// Codes of the countries a map could not draw (too small for the 1:110m map), if a map.
    pub not_drawn: Vec<String>,
}

impl Figure {
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
    let when = a
        .edition
        .as_ref()
        .map(|e| format!("edition {}", e.slug))
        .unwrap_or_else(|| "all recorded data".into());
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
    let title = format!("States with a national mechanism, by UN region ({when})");
    Figure {
        name: "by-region",
        svg: nmp_charts::bar(&BarChart {
            title: title.clone(),
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
        }),
        title,
        header: vec![
            "region".into(),
            "states with a mechanism".into(),
            "states".into(),
            "share".into(),
        ],
        rows: rows
            .iter()
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
        not_drawn: vec![],
    }
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
                label::<MechanismStatus>(&k)
            }
        })
        .collect();
    let title = format!("Mechanisms by latest status ({when})");
    Figure {
        name: "by-status",
        svg: nmp_charts::bar(&BarChart {
            title: title.clone(),
            description: format!("Bars: the number of mechanisms whose latest recorded status is each status, {when}."),
            categories: categories.clone(),
            series: vec![Series {
                name: "Mechanisms".into(),
                values: entries.iter().map(|(_, v)| *v as f64).collect(),
            }],
            stacked: false,
            unit: "mechanisms".into(),
        }),
        title,
        header: vec!["status".into(), "mechanisms".into()],
        rows: categories
            .into_iter()
            .zip(entries)
            .map(|(c, (_, v))| vec![c, v.to_string()])
            .collect(),
        not_drawn: vec![],
    }
}

fn functions(a: &Analysis, when: &str) -> Figure {
    let rows = &a.indicators.functions;
    let levels = [
        FunctionLevel::Operational,
        FunctionLevel::Partial,
        FunctionLevel::Planned,
        FunctionLevel::None,
    ];
    let series = levels
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
    let title = format!("How mechanisms carry out the four functions ({when})");
    Figure {
        name: "functions",
        svg: nmp_charts::bar(&BarChart {
            title: title.clone(),
            description: format!(
                "Stacked bars: for each function, how many mechanisms carry it out operationally, partly, in plan, or not (or were not assessed), {when}."
            ),
            categories: rows.iter().map(|r| r.label.clone()).collect(),
            series,
            stacked: true,
            unit: "mechanisms".into(),
        }),
        title,
        header: vec![
            "function".into(),
            "operational".into(),
            "partial".into(),
            "planned".into(),
            "none or not assessed".into(),
            "assessed".into(),
        ],
        rows: rows
            .iter()
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
        not_drawn: vec![],
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
    let title = "States with a national mechanism and mechanisms recorded, by edition".to_string();
    Figure {
        name: "over-editions",
        svg: nmp_charts::line(&LineChart {
            title: title.clone(),
            description: "Lines: for each edition, the states with a national mechanism known to exist by the edition's year, and all mechanisms known to exist by then.".into(),
            x_labels: points.iter().map(|p| p.0.clone()).collect(),
            series: vec![
                Series { name: "States with a national mechanism".into(), values: points.iter().map(|p| p.1 as f64).collect() },
                Series { name: "Mechanisms (all levels)".into(), values: points.iter().map(|p| p.2 as f64).collect() },
            ],
            unit: "count".into(),
        }),
        title,
        header: vec!["edition".into(), "states with a national mechanism".into(), "mechanisms".into()],
        rows: points.into_iter().map(|(e, s, m)| vec![e, s.to_string(), m.to_string()]).collect(),
        not_drawn: vec![],
    }
}

fn map_status(
    facts: &Facts,
    a: &Analysis,
    m49: &BTreeMap<String, String>,
    names: &BTreeMap<String, String>,
    when: &str,
) -> Figure {
    let year = a.edition.as_ref().and_then(|e| e.year);
    let classes = vec![
        "Established or active".to_string(),
        "Proposed or in process".into(),
        "Dormant".into(),
        "No mechanism recorded".into(),
    ];
    let mut best: BTreeMap<String, usize> = BTreeMap::new();
    for m in facts.mechanisms.iter().filter(|m| m.level == "national") {
        let Some(iso3) = &m.iso3 else { continue };
        if !exists(m, year) {
            continue;
        }
        let latest = m
            .statuses
            .iter()
            .filter(|s| s.on.is_none_or(|d| year.is_none_or(|y| d.date.year() <= y)))
            .max_by_key(|s| s.on);
        let class = match latest.map(|s| s.status) {
            Some(MechanismStatus::Proposed | MechanismStatus::InProcess) => 1,
            Some(MechanismStatus::Dormant) => 2,
            _ => 0,
        };
        let entry = best.entry(iso3.clone()).or_insert(class);
        *entry = (*entry).min(class);
    }
    let mut values = BTreeMap::new();
    let mut hover = BTreeMap::new();
    let mut rows = Vec::new();
    for (iso3, code) in m49 {
        let class = best.get(iso3).copied().unwrap_or(3);
        let name = names.get(iso3).cloned().unwrap_or_else(|| iso3.clone());
        values.insert(code.clone(), class);
        hover.insert(code.clone(), format!("{name}: {}", classes[class]));
        if class != 3 {
            rows.push(vec![name, iso3.clone(), classes[class].clone()]);
        }
    }
    let title = format!("National mechanisms by status ({when})");
    let drawn = nmp_charts::map(&MapChart {
        title: title.clone(),
        description: format!(
            "World map: each state coloured by the status of its national mechanism, {when}; states without a recorded mechanism in grey."
        ),
        classes,
        values,
        hover,
        colours: vec![
            nmp_charts::PALETTE[0].into(),
            nmp_charts::PALETTE[1].into(),
            nmp_charts::PALETTE[2].into(),
            "#eeeeee".into(),
        ],
    });
    let not_drawn = m49
        .iter()
        .filter(|(_, code)| !drawn.drawn.contains(*code))
        .map(|(iso3, _)| names.get(iso3).cloned().unwrap_or_else(|| iso3.clone()))
        .collect();
    Figure {
        name: "map-status",
        title,
        svg: drawn.svg,
        header: vec!["country".into(), "iso3".into(), "status".into()],
        rows,
        not_drawn,
    }
}

/// A short name of the risk dataset for titles: "EWP 2024".
fn short(h: &HighRisk) -> String {
    match h.dataset.strip_prefix("ewp-") {
        Some(year) => format!("EWP {year}"),
        None => h.dataset.clone(),
    }
}

const RISK_GROUPS: [&str; 3] = ["mechanism", "network only", "neither"];

fn high_risk_scatter(h: &HighRisk) -> Figure {
    let title = format!("The 30 highest-risk states and national mechanisms ({})", short(h));
    Figure {
        name: "high-risk",
        svg: nmp_charts::scatter(&ScatterChart {
            title: title.clone(),
            description: "Scatter: each of the highest-risk states by its Early Warning Project rank (x) and two-year risk (y), marked by whether it has a national mechanism, only a network membership, or neither.".into(),
            points: h
                .rows
                .iter()
                .map(|r| Point { label: r.name.clone(), x: r.rank as f64, y: r.risk * 100.0, group: RISK_GROUPS.iter().position(|g| *g == r.category).unwrap_or(2) })
                .collect(),
            groups: vec!["National mechanism".into(), "Network membership only".into(), "Neither".into()],
            x_label: "Rank (1 = highest risk)".into(),
            y_label: "Two-year risk of a new mass killing (%)".into(),
        }),
        title,
        header: vec!["rank".into(), "country".into(), "iso3".into(), "risk".into(), "national mechanism".into(), "networks".into()],
        rows: h
            .rows
            .iter()
            .map(|r| vec![r.rank.to_string(), r.name.clone(), r.iso3.clone(), format!("{:.1}%", r.risk * 100.0), if r.has_mechanism { "yes".into() } else { "no".into() }, r.networks.replace(';', "; ")])
            .collect(),
        not_drawn: vec![],
    }
}

fn high_risk_map(h: &HighRisk, m49: &BTreeMap<String, String>) -> Figure {
    let classes = vec![
        "Top 30 with a national mechanism".to_string(),
        "Top 30 with a network membership only".into(),
        "Top 30 with neither".into(),
        "Not in the top 30".into(),
    ];
    let mut values: BTreeMap<String, usize> = m49.values().map(|code| (code.clone(), 3)).collect();
    let mut hover = BTreeMap::new();
    for r in &h.rows {
        if let Some(code) = m49.get(&r.iso3) {
            let class = RISK_GROUPS.iter().position(|g| *g == r.category).unwrap_or(2);
            values.insert(code.clone(), class);
            hover.insert(
                code.clone(),
                format!(
                    "{} (rank {}, risk {:.1}%): {}",
                    r.name,
                    r.rank,
                    r.risk * 100.0,
                    classes[class]
                ),
            );
        }
    }
    let title = format!("The 30 highest-risk states on the map ({})", short(h));
    let drawn = nmp_charts::map(&MapChart {
        title: title.clone(),
        description: "World map of the Early Warning Project's 30 highest-risk states, coloured by whether each has a national mechanism, only a network membership, or neither.".into(),
        classes,
        values,
        hover,
        colours: vec![nmp_charts::PALETTE[0].into(), nmp_charts::PALETTE[1].into(), nmp_charts::PALETTE[2].into(), "#eeeeee".into()],
    });
    let not_drawn = h
        .rows
        .iter()
        .filter(|r| m49.get(&r.iso3).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r.name.clone())
        .collect();
    Figure {
        name: "map-high-risk",
        title,
        svg: drawn.svg,
        header: vec!["rank".into(), "country".into(), "category".into()],
        rows: h
            .rows
            .iter()
            .map(|r| vec![r.rank.to_string(), r.name.clone(), r.category.clone()])
            .collect(),
        not_drawn,
    }
}

/// The UN regional group label of a code, for tables.
pub(crate) fn group_label(code: &str) -> String {
    if code == "none" {
        "None".into()
    } else {
        label::<UnRegionalGroup>(&code)
    }
}

fn map_networks(
    facts: &Facts,
    a: &Analysis,
    m49: &BTreeMap<String, String>,
    names: &BTreeMap<String, String>,
    when: &str,
) -> Figure {
    let year = a.edition.as_ref().and_then(|e| e.year);
    let mut per_country: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for n in &facts.networks {
        let joined = n.joined.is_none_or(|d| year.is_none_or(|y| d.date.year() <= y));
        let still = n.left.is_none_or(|l| year.is_some_and(|y| l.date.year() > y));
        if joined && still {
            let list = per_country.entry(n.iso3.as_str()).or_default();
            if !list.contains(&n.network.as_str()) {
                list.push(n.network.as_str());
            }
        }
    }
    let classes = vec![
        "One network".to_string(),
        "Two networks".into(),
        "Three or more".into(),
        "None recorded".into(),
    ];
    let mut values = BTreeMap::new();
    let mut hover = BTreeMap::new();
    let mut rows = Vec::new();
    for (iso3, code) in m49 {
        let nets = per_country.get(iso3.as_str()).cloned().unwrap_or_default();
        let class = match nets.len() {
            0 => 3,
            n => (n - 1).min(2),
        };
        let name = names.get(iso3).cloned().unwrap_or_else(|| iso3.clone());
        values.insert(code.clone(), class);
        hover.insert(
            code.clone(),
            if nets.is_empty() {
                format!("{name}: no network recorded")
            } else {
                format!("{name}: {}", nets.join(", "))
            },
        );
        if !nets.is_empty() {
            rows.push(vec![name, iso3.clone(), nets.len().to_string(), nets.join("; ")]);
        }
    }
    let title = format!("Membership of prevention networks ({when})");
    let drawn = nmp_charts::map(&MapChart {
        title: title.clone(),
        description: format!(
            "World map: each state coloured by how many of the recorded prevention networks it belongs to, {when}."
        ),
        classes,
        values,
        hover,
        colours: vec!["#56b4e9".into(), "#0072b2".into(), "#003f63".into(), "#eeeeee".into()],
    });
    let not_drawn = rows
        .iter()
        .filter(|r| m49.get(&r[1]).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r[0].clone())
        .collect();
    Figure {
        name: "map-networks",
        title,
        svg: drawn.svg,
        header: vec!["country".into(), "iso3".into(), "networks".into(), "which".into()],
        rows,
        not_drawn,
    }
}

/// A choropleth of one imported indicator (its latest year), in quintiles.
pub(crate) fn indicator_map(
    title: &str,
    unit: Option<&str>,
    values: &[(String, f64)],
    m49: &BTreeMap<String, String>,
    names: &BTreeMap<String, String>,
) -> Figure {
    let mut sorted: Vec<f64> = values.iter().map(|(_, v)| *v).filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let cut = |q: usize| {
        sorted
            .get((sorted.len() * q / 5).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    let bounds = [cut(1), cut(2), cut(3), cut(4)];
    let fmt = |v: f64| {
        if v.abs() >= 100.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.3}")
        }
    };
    let classes: Vec<String> = (0..5)
        .map(|i| match i {
            0 => format!("below {}", fmt(bounds[0])),
            4 => format!("{} and above", fmt(bounds[3])),
            _ => format!("{} to {}", fmt(bounds[i - 1]), fmt(bounds[i])),
        })
        .collect();
    let mut map_values = BTreeMap::new();
    let mut hover = BTreeMap::new();
    let mut rows = Vec::new();
    for (iso3, v) in values {
        let Some(code) = m49.get(iso3) else { continue };
        let class = bounds.iter().take_while(|b| v >= *b).count();
        let name = names.get(iso3).cloned().unwrap_or_else(|| iso3.clone());
        map_values.insert(code.clone(), class);
        hover.insert(
            code.clone(),
            format!(
                "{name}: {}{}",
                fmt(*v),
                unit.map(|u| format!(" {u}")).unwrap_or_default()
            ),
        );
        rows.push(vec![name, iso3.clone(), fmt(*v)]);
    }
    let drawn = nmp_charts::map(&MapChart {
        title: title.to_string(),
        description: format!(
            "World map: {title}, each state coloured by the quintile of its value; states without a value in grey."
        ),
        classes,
        values: map_values,
        hover,
        colours: vec![
            "#fde0c5".into(),
            "#facba6".into(),
            "#f59e72".into(),
            "#d55e00".into(),
            "#8c3d00".into(),
        ],
    });
    let not_drawn = rows
        .iter()
        .filter(|r| m49.get(&r[1]).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r[0].clone())
        .collect();
    Figure {
        name: "map-indicator",
        title: title.to_string(),
        svg: drawn.svg,
        header: vec!["country".into(), "iso3".into(), "value".into()],
        rows,
        not_drawn,
    }
}
