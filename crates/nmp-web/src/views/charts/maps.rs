//! The analysis page's maps (the world choropleths of mechanisms, networks, the highest-risk
//! states and imported indicators) and the high-risk scatter.

use std::collections::BTreeMap;

use nmp_charts::{Frame, MapChart, MapSvg, Point, QUINTILE_COLOURS, Quintiles, ScatterChart, value_text};
use nmp_core::indicators::{Facts, Standing, national_standing};

use super::Figure;
use crate::views::analysis::{Analysis, HighRisk};

/// The frame of a map on the page: no visible title (the heading says it), each country linked
/// to its page.
fn on_page(m49: &BTreeMap<String, String>) -> Frame {
    Frame {
        links: m49
            .iter()
            .map(|(iso3, code)| (code.clone(), format!("/countries/{}", iso3.to_lowercase())))
            .collect(),
        ..Frame::under_heading()
    }
}

/// Renders a map standalone (the download) and for the page: (standalone, inline).
fn render(chart: &MapChart, m49: &BTreeMap<String, String>) -> (MapSvg, String) {
    let inline = super::responsive(|f| nmp_charts::map_with(chart, f).svg, &on_page(m49));
    (nmp_charts::map(chart), inline)
}

/// The legend label of the states without a national mechanism recorded.
const NO_MECHANISM: &str = "No mechanism recorded";

/// The map's colour of each standing, in [`Standing::ALL`] order: the first three count as
/// states with a mechanism; "Dissolved" is a mid grey, between the colours and "none".
const STANDING_COLOURS: [&str; 4] = [
    nmp_charts::PALETTE[0],
    nmp_charts::PALETTE[1],
    nmp_charts::PALETTE[2],
    "#8c8c8c",
];

/// The states by the standing of their national mechanisms (`national_standing`, the rule the
/// indicators count by), as of the analysis' year. The legend has every standing that occurs and
/// "No mechanism recorded"; the table lists every state with a standing, and whether it counts
/// as a state with a mechanism.
pub(super) fn map_status(
    facts: &Facts,
    a: &Analysis,
    m49: &BTreeMap<String, String>,
    names: &BTreeMap<String, String>,
    when: &str,
) -> Figure {
    let year = a.edition.as_ref().and_then(|e| e.year);
    let standing = national_standing(facts, year);
    let shown: Vec<Standing> = Standing::ALL
        .into_iter()
        .filter(|s| standing.values().any(|x| x == s))
        .collect();
    let mut classes: Vec<String> = shown.iter().map(|s| s.label().to_string()).collect();
    classes.push(NO_MECHANISM.into());
    let none = shown.len();
    let mut colours: Vec<String> = shown
        .iter()
        .map(|s| STANDING_COLOURS[Standing::ALL.iter().position(|x| x == s).unwrap_or(0)].to_string())
        .collect();
    colours.push("#eeeeee".into());
    let mut values = BTreeMap::new();
    let mut hover = BTreeMap::new();
    let mut rows = Vec::new();
    for (iso3, code) in m49 {
        let s = standing.get(iso3).copied();
        let class = s.and_then(|s| shown.iter().position(|x| *x == s)).unwrap_or(none);
        let name = names.get(iso3).cloned().unwrap_or_else(|| iso3.clone());
        values.insert(code.clone(), class);
        hover.insert(code.clone(), format!("{name}: {}", classes[class]));
        if let Some(s) = s {
            rows.push(vec![
                name,
                iso3.clone(),
                s.label().to_string(),
                if s.counts() { "yes" } else { "no" }.to_string(),
            ]);
        }
    }
    let chart = MapChart {
        title: format!("National mechanisms by status, {when}"),
        description: format!(
            "World map: each state coloured by the status of its national mechanism, {when}; states whose mechanisms had all been dissolved in dark grey, states without a recorded mechanism in light grey."
        ),
        classes,
        values,
        hover,
        colours,
    };
    let (drawn, inline) = render(&chart, m49);
    let not_drawn = m49
        .iter()
        .filter(|(_, code)| !drawn.drawn.contains(*code))
        .map(|(iso3, _)| names.get(iso3).cloned().unwrap_or_else(|| iso3.clone()))
        .collect();
    Figure {
        name: "map-status".into(),
        title: chart.title,
        svg: drawn.svg,
        inline,
        instead: None,
        note: Some(status_note(&standing, when)),
        header: vec![
            "country".into(),
            "iso3".into(),
            "status".into(),
            "counted as a state with a mechanism".into(),
        ],
        rows,
        not_drawn,
    }
}

/// How to read the status map: which colours are the states with a mechanism, and how many.
fn status_note(standing: &BTreeMap<String, Standing>, when: &str) -> String {
    let counted = standing.values().filter(|s| s.counts()).count();
    let dissolved = standing.len() - counted;
    let colours: Vec<String> = Standing::ALL
        .into_iter()
        .filter(|s| s.counts() && standing.values().any(|x| x == s))
        .map(|s| s.label().to_lowercase())
        .collect();
    let mut note = format!(
        "The {counted} states in colour ({}) are the states with a national mechanism, {when}.",
        colours.join("; ")
    );
    if dissolved > 0 {
        note.push_str(&format!(
            " {dissolved} {} in dark grey had a national mechanism that had been dissolved by then, and {} not counted.",
            if dissolved == 1 { "state" } else { "states" },
            if dissolved == 1 { "is" } else { "are" },
        ));
    }
    note.push_str(" Select a country to open its page.");
    note
}

/// A short name of the risk dataset for titles: "EWP 2024".
fn short(h: &HighRisk) -> String {
    match h.dataset.strip_prefix("ewp-") {
        Some(year) => format!("EWP {year}"),
        None => h.dataset.clone(),
    }
}

const RISK_GROUPS: [&str; 3] = ["mechanism", "network only", "neither"];

pub(super) fn high_risk_scatter(h: &HighRisk) -> Figure {
    let title = format!("The 30 highest-risk states and national mechanisms ({})", short(h));
    let chart = ScatterChart {
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
        };
    Figure {
        name: "high-risk".into(),
        svg: nmp_charts::scatter(&chart),
        inline: super::responsive(|f| nmp_charts::scatter_with(&chart, f), &Frame::under_heading()),
        instead: None,
        note: None,
        title,
        header: vec![
            "rank".into(),
            "country".into(),
            "iso3".into(),
            "risk".into(),
            "national mechanism".into(),
            "networks".into(),
        ],
        rows: h
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.name.clone(),
                    r.iso3.clone(),
                    format!("{:.1}%", r.risk * 100.0),
                    if r.has_mechanism { "yes".into() } else { "no".into() },
                    r.networks.replace(';', "; "),
                ]
            })
            .collect(),
        not_drawn: vec![],
    }
}

pub(super) fn high_risk_map(h: &HighRisk, m49: &BTreeMap<String, String>) -> Figure {
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
    let (drawn, inline) = render(&MapChart {
        title: title.clone(),
        description: "World map of the Early Warning Project's 30 highest-risk states, coloured by whether each has a national mechanism, only a network membership, or neither.".into(),
        classes,
        values,
        hover,
        colours: vec![nmp_charts::PALETTE[0].into(), nmp_charts::PALETTE[1].into(), nmp_charts::PALETTE[2].into(), "#eeeeee".into()],
    }, m49);
    let not_drawn = h
        .rows
        .iter()
        .filter(|r| m49.get(&r.iso3).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r.name.clone())
        .collect();
    Figure {
        name: "map-high-risk".into(),
        title,
        svg: drawn.svg,
        inline,
        instead: None,
        note: None,
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
pub(super) fn map_networks(
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
    let title = format!("Membership of prevention networks, {when}");
    let (drawn, inline) = render(
        &MapChart {
            title: title.clone(),
            description: format!(
                "World map: each state coloured by how many of the recorded prevention networks it belongs to, {when}."
            ),
            classes,
            values,
            hover,
            colours: vec!["#56b4e9".into(), "#0072b2".into(), "#003f63".into(), "#eeeeee".into()],
        },
        m49,
    );
    let not_drawn = rows
        .iter()
        .filter(|r| m49.get(&r[1]).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r[0].clone())
        .collect();
    Figure {
        name: "map-networks".into(),
        title,
        svg: drawn.svg,
        inline,
        instead: None,
        note: None,
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
    let quintiles = Quintiles::of(values.iter().map(|(_, v)| *v));
    let fmt = value_text;
    let mut map_values = BTreeMap::new();
    let mut hover = BTreeMap::new();
    let mut rows = Vec::new();
    for (iso3, v) in values {
        let Some(code) = m49.get(iso3) else { continue };
        let class = quintiles.class(*v);
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
    let (drawn, inline) = render(
        &MapChart {
            title: title.to_string(),
            description: format!(
                "World map: {title}, each state coloured by the quintile of its value; states without a value in grey."
            ),
            classes: quintiles.labels(),
            values: map_values,
            hover,
            colours: QUINTILE_COLOURS.iter().map(|c| c.to_string()).collect(),
        },
        m49,
    );
    let not_drawn = rows
        .iter()
        .filter(|r| m49.get(&r[1]).is_none_or(|c| !drawn.drawn.contains(c)))
        .map(|r| r[0].clone())
        .collect();
    Figure {
        name: "map-indicator".into(),
        title: title.to_string(),
        svg: drawn.svg,
        inline,
        instead: None,
        note: None,
        header: vec!["country".into(), "iso3".into(), "value".into()],
        rows,
        not_drawn,
    }
}
