//! Scatter plots: labelled points on two numeric axes, coloured and shaped by group.

use crate::bar::empty_chart;
use crate::scale::{Linear, all_integers, nice_ticks};
use crate::svg::{
    AXIS, Anchor, Doc, FONT_SIZE, GRID, LegendItem, MUTED, PAD, Swatch, esc, human, human_with, legend, legend_height,
    marker, text_width, truncate,
};
use crate::{Frame, colour};

/// One point of a scatter plot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Point {
    /// What the point is (a country name), shown on hover.
    pub label: String,
    /// Position on the x axis.
    pub x: f64,
    /// Position on the y axis.
    pub y: f64,
    /// Index into [`ScatterChart::groups`]; it sets the colour and marker shape.
    pub group: usize,
}

/// A scatter plot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScatterChart {
    /// Shown above the chart and used as its accessible name.
    pub title: String,
    /// The accessible description (what the chart shows, for screen readers).
    pub description: String,
    /// The points; those with a non-finite coordinate are left out.
    pub points: Vec<Point>,
    /// The group names, shown in the legend when there is more than one.
    pub groups: Vec<String>,
    /// The x axis title.
    pub x_label: String,
    /// The y axis title.
    pub y_label: String,
}

const WIDTH: f64 = 800.0;
const PLOT_HEIGHT: f64 = 360.0;
/// The colour of points whose group is not in the list of groups.
const OTHER: &str = "#777777";

/// Renders a scatter plot as a standalone SVG document.
pub fn scatter(chart: &ScatterChart) -> String {
    scatter_with(chart, &Frame::default())
}

/// Renders a scatter plot as an SVG document in `frame`.
pub fn scatter_with(chart: &ScatterChart, frame: &Frame) -> String {
    let id = frame.id("scatter", &chart.title, &chart.description, WIDTH);
    let width = frame.width_or(WIDTH);
    let points: Vec<&Point> = chart
        .points
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    if points.is_empty() {
        return empty_chart(&id, &chart.title, &chart.description, frame);
    }
    let range = |f: fn(&Point) -> f64| {
        points
            .iter()
            .map(|p| f(p))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
    };
    // A little room around the points, so none sits on the frame.
    let padded = |(lo, hi): (f64, f64)| {
        let pad = (hi - lo) * 0.03;
        (if lo >= 0.0 { (lo - pad).max(0.0) } else { lo - pad }, hi + pad)
    };
    let (x_lo, x_hi) = padded(range(|p| p.x));
    let (y_lo, y_hi) = padded(range(|p| p.y));
    let x_ticks = nice_ticks(x_lo, x_hi, 6, all_integers(points.iter().map(|p| &p.x)));
    let y_ticks = nice_ticks(y_lo, y_hi, 5, all_integers(points.iter().map(|p| &p.y)));

    let items: Vec<LegendItem<'_>> = if chart.groups.len() > 1 {
        chart
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| LegendItem {
                colour: colour(i),
                label: g,
                swatch: Swatch::Marker(i),
            })
            .collect()
    } else {
        Vec::new()
    };

    let header = Doc::header_height(&chart.title, frame);
    let legend_h = legend_height(&items, width - 2.0 * PAD);
    let plot_top = header + legend_h + if legend_h > 0.0 { 8.0 } else { 0.0 } + 28.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let tick_width = y_ticks
        .values
        .iter()
        .map(|v| text_width(&human_with(*v, y_ticks.decimals), FONT_SIZE))
        .fold(0.0, f64::max);
    let left = PAD + tick_width + 8.0;
    // Room for half of the last x tick label.
    let last_x = x_ticks
        .values
        .last()
        .map_or(0.0, |v| text_width(&human_with(*v, x_ticks.decimals), FONT_SIZE));
    let right = width - PAD - (last_x / 2.0).max(8.0);
    let x_title_h = if chart.x_label.trim().is_empty() { 0.0 } else { 20.0 };
    let height = plot_bottom + 8.0 + FONT_SIZE + x_title_h + PAD;

    let mut doc = Doc::new(&id, width, height, &chart.title, &chart.description, frame);
    legend(&mut doc, &items, PAD, header, width - 2.0 * PAD);
    let x = Linear::new((x_ticks.min, x_ticks.max), (left, right));
    let y = Linear::new((y_ticks.min, y_ticks.max), (plot_bottom, plot_top));

    doc.raw("<g class=\"axis\" font-size=\"12\">\n");
    for tick in &y_ticks.values {
        let ty = y.map(*tick);
        doc.line(left, ty, right, ty, if *tick == y_ticks.min { AXIS } else { GRID });
        doc.text(
            left - 8.0,
            ty + 4.0,
            Anchor::End,
            MUTED,
            &human_with(*tick, y_ticks.decimals),
        );
    }
    for tick in &x_ticks.values {
        let tx = x.map(*tick);
        doc.line(
            tx,
            plot_top,
            tx,
            plot_bottom,
            if *tick == x_ticks.min { AXIS } else { GRID },
        );
        doc.text(
            tx,
            plot_bottom + 8.0 + FONT_SIZE,
            Anchor::Middle,
            MUTED,
            &human_with(*tick, x_ticks.decimals),
        );
    }
    if !chart.y_label.trim().is_empty() {
        let shown = truncate(chart.y_label.trim(), FONT_SIZE, width - 2.0 * PAD);
        doc.text(PAD, plot_top - 16.0, Anchor::Start, MUTED, &shown);
    }
    if x_title_h > 0.0 {
        let shown = truncate(chart.x_label.trim(), FONT_SIZE, right - left);
        doc.text(
            (left + right) / 2.0,
            plot_bottom + 8.0 + FONT_SIZE + 20.0,
            Anchor::Middle,
            MUTED,
            &shown,
        );
    }
    doc.raw("</g>\n<g class=\"points\">\n");
    for point in points {
        let known = point.group < chart.groups.len() || chart.groups.is_empty();
        let fill = if known { colour(point.group) } else { OTHER };
        let group = chart.groups.get(point.group).filter(|_| chart.groups.len() > 1);
        let name = match group {
            Some(group) => format!("{} ({group})", point.label),
            None => point.label.clone(),
        };
        let axis = |label: &str, value: f64| {
            if label.trim().is_empty() {
                human(value)
            } else {
                format!("{} {}", label.trim(), human(value))
            }
        };
        let hover = format!(
            "{name}: {}; {}",
            axis(&chart.x_label, point.x),
            axis(&chart.y_label, point.y)
        );
        let title = format!("<title>{}</title>", esc(&hover));
        doc.raw(&marker(point.group, x.map(point.x), y.map(point.y), fill, &title));
    }
    doc.raw("</g>\n");
    doc.finish()
}
