//! Line charts over evenly spaced x labels (years, editions). Each series gets a colour and a
//! marker shape; a missing value breaks the line rather than bridging the gap.

use crate::bar::empty_chart;
use crate::scale::{Linear, all_integers, nice_ticks};
use crate::svg::{
    AXIS, Anchor, Doc, FONT_SIZE, GRID, LegendItem, MUTED, PAD, Swatch, TEXT, chart_id, esc, human_with, legend,
    legend_height, marker, num, text_width, truncate, with_unit,
};
use crate::{Series, colour};

/// A line chart: one line per series across the x labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineChart {
    /// Shown above the chart and used as its accessible name.
    pub title: String,
    /// The accessible description (what the chart shows, for screen readers).
    pub description: String,
    /// The labels along the x axis, evenly spaced, in order.
    pub x_labels: Vec<String>,
    /// The series; each one's values align with `x_labels`.
    pub series: Vec<Series>,
    /// The unit of the values, shown above the value axis and in hover titles.
    pub unit: String,
}

const WIDTH: f64 = 800.0;
const PLOT_HEIGHT: f64 = 260.0;
/// Below this spacing between points, markers are invisible hover targets only.
const MIN_MARKER_STEP: f64 = 14.0;

/// Renders a line chart as an SVG document.
pub fn line(chart: &LineChart) -> String {
    let id = chart_id("line", &chart.title, &chart.description);
    let n = chart.x_labels.len();
    let finite = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.values.iter().take(n))
            .filter(|v| v.is_finite())
    };
    if n == 0 || finite().next().is_none() {
        return empty_chart(&id, &chart.title, &chart.description);
    }
    let lo = finite().fold(0.0_f64, |lo, v| lo.min(*v));
    let hi = finite().fold(0.0_f64, |hi, v| hi.max(*v));
    let ticks = nice_ticks(lo, hi, 5, all_integers(finite()));

    let items: Vec<LegendItem<'_>> = if chart.series.len() > 1 {
        chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendItem {
                colour: colour(i),
                label: &s.name,
                swatch: Swatch::Line(i),
            })
            .collect()
    } else {
        Vec::new()
    };

    let header = Doc::header_height(&chart.title);
    let legend_h = legend_height(&items, WIDTH - 2.0 * PAD);
    let plot_top = header + legend_h + if legend_h > 0.0 { 8.0 } else { 0.0 } + 28.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let tick_width = ticks
        .values
        .iter()
        .map(|v| text_width(&human_with(*v, ticks.decimals), FONT_SIZE))
        .fold(0.0, f64::max);
    let left = PAD + tick_width + 8.0;
    let right = WIDTH - PAD;
    let height = plot_bottom + 8.0 + FONT_SIZE + PAD;

    let mut doc = Doc::new(&id, WIDTH, height, &chart.title, &chart.description);
    legend(&mut doc, &items, PAD, header, WIDTH - 2.0 * PAD);
    let y = Linear::new((ticks.min, ticks.max), (plot_bottom, plot_top));
    let step = (right - left) / n as f64;
    let x = |i: usize| left + step * (i as f64 + 0.5);

    doc.raw("<g class=\"axis\" font-size=\"12\">\n");
    for tick in &ticks.values {
        let ty = y.map(*tick);
        doc.line(left, ty, right, ty, if *tick == 0.0 { AXIS } else { GRID });
        doc.text(
            left - 8.0,
            ty + 4.0,
            Anchor::End,
            MUTED,
            &human_with(*tick, ticks.decimals),
        );
    }
    if !chart.unit.trim().is_empty() {
        doc.text(PAD, plot_top - 16.0, Anchor::Start, MUTED, chart.unit.trim());
    }
    // Label every k-th point so that labels never touch.
    let label_w = chart
        .x_labels
        .iter()
        .map(|l| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);
    let every = ((label_w + 10.0) / step).ceil().max(1.0) as usize;
    for (i, label) in chart.x_labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let room = (step * every as f64 - 10.0).max(step);
        let shown = truncate(label, FONT_SIZE, room);
        let title = (shown != *label).then_some(label.as_str());
        doc.text_with_title(x(i), plot_bottom + 8.0 + FONT_SIZE, Anchor::Middle, TEXT, &shown, title);
        doc.line(x(i), plot_bottom, x(i), plot_bottom + 4.0, AXIS);
    }
    doc.raw("</g>\n");

    for (si, series) in chart.series.iter().enumerate() {
        let colour = colour(si);
        let mut d = String::new();
        let mut pen_down = false;
        for (i, value) in series.values.iter().take(n).enumerate() {
            if value.is_finite() {
                d.push_str(if pen_down { "L" } else { "M" });
                d.push_str(&format!("{},{}", num(x(i)), num(y.map(*value))));
                pen_down = true;
            } else {
                pen_down = false;
            }
        }
        doc.raw(&format!("<g class=\"series\" data-series=\"{}\">\n", esc(&series.name)));
        if d.contains('L') {
            doc.raw(&format!(
                "<path class=\"line\" d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" \
                 stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
            ));
        }
        for (i, value) in series.values.iter().take(n).enumerate().filter(|(_, v)| v.is_finite()) {
            let label = chart.x_labels.get(i).map_or("", String::as_str);
            let value_text = with_unit(*value, &chart.unit);
            let hover = if chart.series.len() > 1 || !series.name.is_empty() {
                format!("{label} — {}: {value_text}", series.name)
            } else {
                format!("{label}: {value_text}")
            };
            let title = format!("<title>{}</title>", esc(&hover));
            if step >= MIN_MARKER_STEP {
                doc.raw(&marker(si, x(i), y.map(*value), colour, &title));
            } else {
                doc.raw(&format!(
                    "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{colour}\" fill-opacity=\"0\">{title}</circle>\n",
                    num(x(i)),
                    num(y.map(*value)),
                ));
            }
        }
        doc.raw("</g>\n");
    }
    doc.finish()
}
