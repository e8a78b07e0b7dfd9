//! The report's figures, drawn by `nmp-charts` from the snapshot alone (so the same snapshot
//! gives the same SVGs): states with a national mechanism by UN region and by UN regional
//! group, and the world map; and the maps the essays embed, frozen in the snapshot.

use std::collections::BTreeMap;

use nmp_charts::{BarChart, MapChart, Series};

use crate::snapshot::{RegionRow, Snapshot};

/// The report's accent colour (the website's).
const ACCENT: &str = "#7a1f2b";
/// The colour of "none": a light warm grey.
const NEUTRAL: &str = "#ddd5cf";

/// The figures as virtual file names (`by-region.svg`, `essay-PART-1.svg`) to SVG documents.
pub fn build(snapshot: &Snapshot) -> BTreeMap<String, String> {
    let o = &snapshot.overview;
    let when = o
        .year
        .map(|y| format!("as of {y}"))
        .unwrap_or_else(|| "all recorded data".into());
    let mut figures = BTreeMap::new();
    figures.insert("by-region.svg".to_string(), bars(&o.regions, "UN region", &when));
    figures.insert("by-group.svg".to_string(), bars(&o.groups, "UN regional group", &when));
    let with: BTreeMap<&str, &str> = o.countries.iter().map(|c| (c.m49.as_str(), c.name.as_str())).collect();
    let values = o
        .m49
        .iter()
        .map(|code| (code.clone(), if with.contains_key(code.as_str()) { 0 } else { 1 }))
        .collect();
    figures.insert(
        "map.svg".to_string(),
        nmp_charts::map(&MapChart {
            title: format!("States with a national mechanism ({when})"),
            description: format!("World map: states with at least one national mechanism, {when}, in colour."),
            classes: vec!["National mechanism".into(), "None recorded".into()],
            values,
            hover: BTreeMap::new(),
            colours: vec![ACCENT.into(), NEUTRAL.into()],
        })
        .svg,
    );
    // The maps the essays embed, as drawn when the snapshot was built (the report's own figures
    // they embed are the ones above).
    for meta in snapshot.parts.iter().filter_map(|p| p.essay.as_ref()) {
        for f in meta.figures.iter().filter(|f| !f.svg.is_empty()) {
            figures.insert(f.file.clone(), f.svg.clone());
        }
    }
    figures
}

/// Stacked bars of states with and without a national mechanism, one bar per row.
fn bars(rows: &[RegionRow], what: &str, when: &str) -> String {
    let svg = nmp_charts::bar(&BarChart {
        title: format!("States with a national mechanism, by {what} ({when})"),
        description: format!(
            "Stacked bars: for each {what}, the states with at least one national mechanism and the states without one, {when}."
        ),
        categories: rows.iter().map(|r| r.region.clone()).collect(),
        series: vec![
            Series {
                name: "With a mechanism".into(),
                values: rows.iter().map(|r| r.with_mechanism as f64).collect(),
            },
            Series {
                name: "Without".into(),
                values: rows
                    .iter()
                    .map(|r| r.states.saturating_sub(r.with_mechanism) as f64)
                    .collect(),
            },
        ],
        stacked: true,
        unit: "states".into(),
    });
    // The charts' palette is the website's colour-blind-safe one; the report recolours its two
    // series in its own accent and a light neutral (nmp-charts has no per-chart colours for bars).
    svg.replace(nmp_charts::PALETTE[0], ACCENT)
        .replace(nmp_charts::PALETTE[1], NEUTRAL)
}
