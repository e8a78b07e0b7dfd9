//! Bar charts, grouped or stacked. Categories run along the x axis when their labels fit under the
//! bars (two lines at most, 24 categories at most); otherwise the chart turns on its side, with the
//! labels on the left, so long names are never rotated or overlapped.

use crate::scale::{Linear, Ticks, all_integers, nice_ticks};
use crate::svg::{
    AXIS, Anchor, Doc, FONT_SIZE, GRID, LegendItem, MUTED, PAD, Swatch, TEXT, esc, human, human_with, legend,
    legend_height, num, text_width, truncate, with_unit, wrap,
};
use crate::{Frame, Series, colour};

/// A bar chart: one bar per category and series, side by side or stacked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    /// Shown above the chart and used as its accessible name.
    pub title: String,
    /// The accessible description (what the chart shows, for screen readers).
    pub description: String,
    /// The category labels, in display order.
    pub categories: Vec<String>,
    /// The series; each one's values align with `categories`.
    pub series: Vec<Series>,
    /// Stack the series in one bar per category instead of placing them side by side.
    pub stacked: bool,
    /// The unit of the values (`"%"`, `"mechanisms"`), shown on the value axis and in hover titles.
    pub unit: String,
}

/// Chart width in pixels (unless the frame sets one).
const WIDTH: f64 = 800.0;
/// Height of the plot area of an upright chart.
const PLOT_HEIGHT: f64 = 260.0;
/// Line height of category labels.
const LINE: f64 = 15.0;
/// The widest a category label may be in a chart on its side (at most 40% of the width).
const MAX_LABEL: f64 = 250.0;
/// Above this many bars, values are left to the hover titles.
const MAX_VALUE_LABELS: usize = 60;

/// One bar segment, ready to draw.
struct Segment {
    category: usize,
    series: usize,
    value: f64,
    from: f64,
    to: f64,
}

impl BarChart {
    /// Whether every value outside series `index` is zero or missing: the chart then says no
    /// more than that one series does (every function "none or not assessed", say), and a page
    /// may put a sentence in its place.
    pub fn only(&self, index: usize) -> bool {
        self.series
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .flat_map(|(_, s)| s.values.iter().take(self.categories.len()))
            .all(|v| !v.is_finite() || *v == 0.0)
    }
}

/// Renders a bar chart as a standalone SVG document.
pub fn bar(chart: &BarChart) -> String {
    bar_with(chart, &Frame::default())
}

/// Renders a bar chart as an SVG document in `frame`.
pub fn bar_with(chart: &BarChart, frame: &Frame) -> String {
    let id = frame.id("bar", &chart.title, &chart.description, WIDTH);
    let width = frame.width_or(WIDTH);
    let n = chart.categories.len();
    let s = chart.series.len();
    if n == 0 || s == 0 {
        return empty_chart(&id, &chart.title, &chart.description, frame);
    }
    let segments = segments(chart);
    let (mut lo, hi) = extent(&segments);
    if lo < 0.0 {
        // Room below the lowest bar for its value label, away from the category labels.
        lo -= (hi - lo) * 0.1;
    }
    let integer = all_integers(chart.series.iter().flat_map(|series| series.values.iter()));
    let ticks = nice_ticks(lo, hi, 5, integer);

    let names: Vec<String> = chart.series.iter().map(|series| series.name.clone()).collect();
    let items: Vec<LegendItem<'_>> = if s > 1 {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| LegendItem {
                colour: colour(i),
                label: name,
                swatch: Swatch::Square,
            })
            .collect()
    } else {
        Vec::new()
    };

    // Upright if every category label fits under its bars in two lines.
    let tick_width = ticks
        .values
        .iter()
        .map(|v| text_width(&human_with(*v, ticks.decimals), FONT_SIZE))
        .fold(0.0, f64::max);
    let left = PAD + tick_width + 8.0;
    let slot = (width - left - PAD) / n as f64;
    let wrapped: Option<Vec<Vec<String>>> = if n <= 24 {
        chart
            .categories
            .iter()
            .map(|c| wrap(c, FONT_SIZE, slot - 8.0, 2))
            .collect()
    } else {
        None
    };
    let drawing = Drawing {
        chart,
        frame,
        id: &id,
        segments: &segments,
        ticks: &ticks,
        items: &items,
        width,
    };
    match wrapped {
        Some(labels) => upright(&drawing, left, &labels),
        None => sideways(&drawing),
    }
}

/// The bar segments of every finite value, stacked or side by side.
fn segments(chart: &BarChart) -> Vec<Segment> {
    let mut out = Vec::new();
    for category in 0..chart.categories.len() {
        let (mut up, mut down) = (0.0, 0.0);
        for (series, values) in chart.series.iter().enumerate() {
            let Some(value) = values.values.get(category).copied().filter(|v| v.is_finite()) else {
                continue;
            };
            let (from, to) = if !chart.stacked {
                (0.0, value)
            } else if value >= 0.0 {
                up += value;
                (up - value, up)
            } else {
                down += value;
                (down - value, down)
            };
            out.push(Segment {
                category,
                series,
                value,
                from,
                to,
            });
        }
    }
    out
}

/// The value range the axis must cover (always including zero).
fn extent(segments: &[Segment]) -> (f64, f64) {
    segments.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), seg| {
        (lo.min(seg.from.min(seg.to)), hi.max(seg.from.max(seg.to)))
    })
}

/// The hover text of one segment.
fn hover(chart: &BarChart, seg: &Segment) -> String {
    let category = chart.categories.get(seg.category).map_or("", String::as_str);
    let series = chart.series.get(seg.series).map_or("", |s| s.name.as_str());
    let value = with_unit(seg.value, &chart.unit);
    if chart.series.len() > 1 || !series.is_empty() && series != category {
        format!("{category} — {series}: {value}")
    } else {
        format!("{category}: {value}")
    }
}

/// A value as written on a bar: the number, with the unit only if it is a percent sign (other
/// units are on the axis).
fn short_value(value: f64, unit: &str) -> String {
    if unit.trim() == "%" {
        with_unit(value, unit)
    } else {
        human(value)
    }
}

/// The totals written at the end of each bar (or stack), as (category, series, end value, label).
fn value_labels(chart: &BarChart, segments: &[Segment]) -> Vec<(usize, usize, f64, String)> {
    if segments.len() > MAX_VALUE_LABELS {
        return Vec::new();
    }
    if !chart.stacked || chart.series.len() == 1 {
        return segments
            .iter()
            .map(|seg| (seg.category, seg.series, seg.to, short_value(seg.value, &chart.unit)))
            .collect();
    }
    let mut out = Vec::new();
    for category in 0..chart.categories.len() {
        let in_stack = segments.iter().filter(|seg| seg.category == category);
        let (total, top) = in_stack.fold((0.0, 0.0_f64), |(total, top), seg| (total + seg.value, top.max(seg.to)));
        if segments.iter().any(|seg| seg.category == category) {
            out.push((category, 0, top, short_value(total, &chart.unit)));
        }
    }
    out
}

/// What both bar layouts draw from.
struct Drawing<'a> {
    chart: &'a BarChart,
    frame: &'a Frame,
    id: &'a str,
    segments: &'a [Segment],
    ticks: &'a Ticks,
    items: &'a [LegendItem<'a>],
    /// The drawing's width (the frame's, or [`WIDTH`]).
    width: f64,
}

fn upright(d: &Drawing<'_>, left: f64, labels: &[Vec<String>]) -> String {
    let Drawing {
        chart,
        frame,
        id,
        segments,
        ticks,
        items,
        width,
    } = *d;
    let n = chart.categories.len();
    let s = chart.series.len();
    let header = Doc::header_height(&chart.title, frame);
    let legend_h = legend_height(items, width - 2.0 * PAD);
    let plot_top = header + legend_h + if legend_h > 0.0 { 8.0 } else { 0.0 } + 28.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let right = width - PAD;
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let height = plot_bottom + 8.0 + lines as f64 * LINE + PAD;

    let mut doc = Doc::new(id, width, height, &chart.title, &chart.description, frame);
    legend(&mut doc, items, PAD, header, width - 2.0 * PAD);
    let y = Linear::new((ticks.min, ticks.max), (plot_bottom, plot_top));

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
    let slot = (right - left) / n as f64;
    for (i, lines) in labels.iter().enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        for (k, text) in lines.iter().enumerate() {
            doc.text(
                cx,
                plot_bottom + 8.0 + FONT_SIZE + k as f64 * LINE,
                Anchor::Middle,
                TEXT,
                text,
            );
        }
    }
    doc.raw("</g>\n");

    let groups = if chart.stacked { 1 } else { s };
    let bar_w = (slot * if groups > 1 { 0.8 } else { 0.65 } / groups as f64).min(56.0);
    let gap = if groups > 1 { 1.0 } else { 0.0 };
    let bar_x = |seg: &Segment| {
        let cx = left + slot * (seg.category as f64 + 0.5);
        let index = if chart.stacked { 0 } else { seg.series };
        cx - bar_w * groups as f64 / 2.0 + bar_w * index as f64
    };
    doc.raw("<g class=\"bars\">\n");
    for seg in segments {
        let (y0, y1) = (y.map(seg.from), y.map(seg.to));
        let stack_gap = if chart.stacked && seg.from != 0.0 { 0.5 } else { 0.0 };
        doc.raw(&format!(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>\n",
            num(bar_x(seg) + gap / 2.0),
            num(y0.min(y1)),
            num((bar_w - gap).max(0.5)),
            num(((y0 - y1).abs() - stack_gap).max(0.0)),
            colour(seg.series),
            esc(&hover(chart, seg)),
        ));
    }
    doc.raw("</g>\n");

    let labels = value_labels(chart, segments);
    let room = if chart.stacked { slot * 0.95 } else { bar_w + 6.0 };
    if labels.iter().all(|(_, _, _, text)| text_width(text, FONT_SIZE) <= room) {
        doc.raw("<g class=\"values\" aria-hidden=\"true\">\n");
        for (category, series, end, text) in &labels {
            let index = if chart.stacked { 0 } else { *series };
            let cx =
                left + slot * (*category as f64 + 0.5) - bar_w * groups as f64 / 2.0 + bar_w * (index as f64 + 0.5);
            let ty = if *end >= 0.0 {
                y.map(*end) - 4.0
            } else {
                y.map(*end) + FONT_SIZE + 2.0
            };
            doc.text(cx, ty, Anchor::Middle, TEXT, text);
        }
        doc.raw("</g>\n");
    }
    doc.finish()
}

fn sideways(d: &Drawing<'_>) -> String {
    let Drawing {
        chart,
        frame,
        id,
        segments,
        ticks,
        items,
        width,
    } = *d;
    let n = chart.categories.len();
    let s = chart.series.len();
    let groups = if chart.stacked { 1 } else { s };
    let thickness = if groups > 1 { 12.0 } else { 16.0 };
    let max_label = MAX_LABEL.min(width * 0.4);
    let labels: Vec<Vec<String>> = chart.categories.iter().map(|c| side_label(c, max_label)).collect();
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let row = (thickness * groups as f64 + 10.0).max(lines as f64 * LINE + 8.0);

    let label_w = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);
    let left = PAD + label_w + 10.0;
    let values = value_labels(chart, segments);
    let value_w = values
        .iter()
        .map(|(_, _, _, text)| text_width(text, FONT_SIZE))
        .fold(0.0, f64::max);
    let right = width - PAD - if values.is_empty() { 0.0 } else { value_w + 6.0 };

    let header = Doc::header_height(&chart.title, frame);
    let legend_h = legend_height(items, width - 2.0 * PAD);
    let plot_top = header + legend_h + if legend_h > 0.0 { 12.0 } else { 4.0 };
    let plot_bottom = plot_top + row * n as f64;
    let bars_h = thickness * groups as f64;
    let unit_h = if chart.unit.trim().is_empty() { 0.0 } else { LINE + 4.0 };
    let height = plot_bottom + 8.0 + FONT_SIZE + unit_h + PAD;

    let mut doc = Doc::new(id, width, height, &chart.title, &chart.description, frame);
    legend(&mut doc, items, PAD, header, width - 2.0 * PAD);
    let x = Linear::new((ticks.min, ticks.max), (left, right));

    doc.raw("<g class=\"axis\" font-size=\"12\">\n");
    for tick in &ticks.values {
        let tx = x.map(*tick);
        doc.line(tx, plot_top, tx, plot_bottom, if *tick == 0.0 { AXIS } else { GRID });
        doc.text(
            tx,
            plot_bottom + 8.0 + FONT_SIZE,
            Anchor::Middle,
            MUTED,
            &human_with(*tick, ticks.decimals),
        );
    }
    if unit_h > 0.0 {
        let y = plot_bottom + 8.0 + FONT_SIZE + LINE + 2.0;
        doc.text((left + right) / 2.0, y, Anchor::Middle, MUTED, chart.unit.trim());
    }
    for (i, (category, lines)) in chart.categories.iter().zip(&labels).enumerate() {
        let cy = plot_top + row * (i as f64 + 0.5);
        let shortened = lines.last().is_some_and(|l| l.ends_with('…'));
        let title = shortened.then_some(category.as_str());
        let first = cy + 4.0 - (lines.len() as f64 - 1.0) * LINE / 2.0;
        for (k, line) in lines.iter().enumerate() {
            let y = first + k as f64 * LINE;
            doc.text_with_title(left - 10.0, y, Anchor::End, TEXT, line, title.filter(|_| k == 0));
        }
    }
    doc.raw("</g>\n");

    let bar_y = |category: usize, series: usize| {
        let index = if chart.stacked { 0 } else { series };
        plot_top + row * category as f64 + (row - bars_h) / 2.0 + thickness * index as f64
    };
    doc.raw("<g class=\"bars\">\n");
    for seg in segments {
        let (x0, x1) = (x.map(seg.from), x.map(seg.to));
        let stack_gap = if chart.stacked && seg.from != 0.0 { 0.5 } else { 0.0 };
        let gap = if groups > 1 { 1.0 } else { 0.0 };
        doc.raw(&format!(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>\n",
            num(x0.min(x1) + if seg.to >= seg.from { stack_gap } else { 0.0 }),
            num(bar_y(seg.category, seg.series) + gap / 2.0),
            num(((x1 - x0).abs() - stack_gap).max(0.0)),
            num(thickness - gap),
            colour(seg.series),
            esc(&hover(chart, seg)),
        ));
    }
    doc.raw("</g>\n");

    if !values.is_empty() {
        doc.raw("<g class=\"values\" aria-hidden=\"true\">\n");
        for (category, series, end, text) in &values {
            let cy = bar_y(*category, *series) + thickness / 2.0 + 4.0;
            if *end >= 0.0 {
                doc.text(x.map(*end) + 4.0, cy, Anchor::Start, TEXT, text);
            } else {
                doc.text(x.map(*end) - 4.0, cy, Anchor::End, TEXT, text);
            }
        }
        doc.raw("</g>\n");
    }
    doc.finish()
}

/// A category label for a chart on its side: wrapped into two lines of at most `max_label`
/// pixels, the second shortened with an ellipsis if need be.
fn side_label(category: &str, max_label: f64) -> Vec<String> {
    if let Some(lines) = wrap(category, FONT_SIZE, max_label, 2) {
        return lines;
    }
    let mut first = String::new();
    let mut words = category.split_whitespace().peekable();
    while let Some(word) = words.peek() {
        let candidate = if first.is_empty() {
            (*word).to_owned()
        } else {
            format!("{first} {word}")
        };
        if text_width(&candidate, FONT_SIZE) > max_label {
            break;
        }
        first = candidate;
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    if first.is_empty() {
        return vec![truncate(category, FONT_SIZE, max_label)];
    }
    vec![first, truncate(&rest.join(" "), FONT_SIZE, max_label)]
}

/// A chart with nothing to plot: its title and a short note.
pub(crate) fn empty_chart(id: &str, title: &str, description: &str, frame: &Frame) -> String {
    let header = Doc::header_height(title, frame);
    let width = frame.width_or(WIDTH);
    let mut doc = Doc::new(id, width, header + 40.0 + PAD, title, description, frame);
    doc.text(width / 2.0, header + 24.0, Anchor::Middle, MUTED, "No data to show.");
    doc.finish()
}
