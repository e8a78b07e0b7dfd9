//! Line charts over evenly spaced x labels (years, editions). Each series gets a colour and a
//! marker shape; a missing value breaks the line rather than bridging the gap.
//!
//! Several series are named directly, beside their last values, rather than in a legend. Lines
//! that coincide stay visible: where a stretch of one line lies on another, the earlier line is
//! drawn wider underneath (a casing), and markers at equal values sit side by side.

use crate::bar::empty_chart;
use crate::scale::{Linear, all_integers, nice_ticks};
use crate::svg::{
    AXIS, Anchor, Doc, FONT_SIZE, GRID, LegendItem, MUTED, PAD, Swatch, TEXT, esc, human_with, legend, legend_height,
    marker, num, text_width, truncate, with_unit,
};
use crate::{Frame, Series, colour};

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
/// The widest a direct label may be before it is shortened.
const MAX_DIRECT_LABEL: f64 = 240.0;
/// The most rows x labels alternate between.
const MAX_LABEL_ROWS: usize = 3;
/// Vertical distance between rows of x labels.
const LABEL_ROW: f64 = 15.0;
/// Vertical distance between direct labels.
const DIRECT_LINE: f64 = 15.0;
/// How far apart markers at the same value are moved.
const MARKER_SPREAD: f64 = 7.0;

/// Renders a line chart as a standalone SVG document.
pub fn line(chart: &LineChart) -> String {
    line_with(chart, &Frame::default())
}

/// Whether two values are the same for drawing purposes.
fn same(a: f64, b: f64) -> bool {
    a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The value of series `s` at `i`, if finite.
fn value(chart: &LineChart, s: usize, i: usize) -> Option<f64> {
    chart.series[s].values.get(i).copied().filter(|v| v.is_finite())
}

/// The series with the same value as series `s` at `i` (including `s`), in series order.
fn coinciding_at(chart: &LineChart, s: usize, i: usize) -> Vec<usize> {
    let Some(v) = value(chart, s, i) else { return Vec::new() };
    (0..chart.series.len())
        .filter(|t| value(chart, *t, i).is_some_and(|w| same(v, w)))
        .collect()
}

/// Places direct labels: each wants the height of its series' last value; labels are kept
/// `DIRECT_LINE` apart and inside `(top, bottom)`. Returns the heights in the order given.
pub(crate) fn spread_labels(wanted: &[f64], top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|a, b| wanted[*a].total_cmp(&wanted[*b]).then(a.cmp(b)));
    let mut placed: Vec<f64> = order.iter().map(|i| wanted[*i]).collect();
    for k in 1..placed.len() {
        placed[k] = placed[k].max(placed[k - 1] + DIRECT_LINE);
    }
    if let Some(last) = placed.last().copied()
        && last > bottom
    {
        let shift = last - bottom;
        for y in &mut placed {
            *y -= shift;
        }
        for k in (0..placed.len().saturating_sub(1)).rev() {
            placed[k] = placed[k].min(placed[k + 1] - DIRECT_LINE);
        }
    }
    if let Some(first) = placed.first_mut()
        && *first < top
    {
        *first = top;
        for k in 1..placed.len() {
            placed[k] = placed[k].max(placed[k - 1] + DIRECT_LINE);
        }
    }
    let mut out = vec![0.0; wanted.len()];
    for (k, i) in order.into_iter().enumerate() {
        out[i] = placed[k];
    }
    out
}

/// Renders a line chart as an SVG document in `frame`.
pub fn line_with(chart: &LineChart, frame: &Frame) -> String {
    let id = frame.id("line", &chart.title, &chart.description, WIDTH);
    let width = frame.width_or(WIDTH);
    let n = chart.x_labels.len();
    let finite = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.values.iter().take(n))
            .filter(|v| v.is_finite())
    };
    if n == 0 || finite().next().is_none() {
        return empty_chart(&id, &chart.title, &chart.description, frame);
    }
    let lo = finite().fold(0.0_f64, |lo, v| lo.min(*v));
    let hi = finite().fold(0.0_f64, |hi, v| hi.max(*v));
    let ticks = nice_ticks(lo, hi, 5, all_integers(finite()));

    // Series with something to draw, named beside their last value when there are several (and
    // not so many that their names cannot stack beside the plot).
    let drawn: Vec<usize> = (0..chart.series.len())
        .filter(|s| (0..n).any(|i| value(chart, *s, i).is_some()))
        .collect();
    // On a narrow drawing the names may take at most a third of the width.
    let max_direct = MAX_DIRECT_LABEL.min(width / 3.0);
    let direct = drawn.len() > 1 && drawn.len() as f64 * DIRECT_LINE <= PLOT_HEIGHT;
    let direct_names: Vec<String> = drawn
        .iter()
        .map(|s| truncate(&chart.series[*s].name, FONT_SIZE, max_direct))
        .collect();
    let label_room = if direct {
        direct_names
            .iter()
            .map(|l| text_width(l, FONT_SIZE))
            .fold(0.0, f64::max)
            + 34.0
    } else {
        0.0
    };

    let items: Vec<LegendItem<'_>> = if chart.series.len() > 1 && !direct {
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

    let header = Doc::header_height(&chart.title, frame);
    let legend_h = legend_height(&items, width - 2.0 * PAD);
    let plot_top = header + legend_h + if legend_h > 0.0 { 8.0 } else { 0.0 } + 28.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let tick_width = ticks
        .values
        .iter()
        .map(|v| text_width(&human_with(*v, ticks.decimals), FONT_SIZE))
        .fold(0.0, f64::max);
    let left = PAD + tick_width + 8.0;
    let right = width - PAD - label_room;
    let step = (right - left) / n as f64;
    // X labels too wide for their step alternate between two or three rows rather than being
    // left out; beyond three rows, only every k-th point is labelled.
    let label_w = chart
        .x_labels
        .iter()
        .map(|l| text_width(l, FONT_SIZE))
        .fold(0.0, f64::max);
    let needed = ((label_w + 10.0) / step).ceil().max(1.0) as usize;
    let label_rows = needed.min(MAX_LABEL_ROWS);
    let every = needed.div_ceil(label_rows);
    let height = plot_bottom + 8.0 + FONT_SIZE + (label_rows - 1) as f64 * LABEL_ROW + PAD;

    let mut doc = Doc::new(&id, width, height, &chart.title, &chart.description, frame);
    legend(&mut doc, &items, PAD, header, width - 2.0 * PAD);
    let y = Linear::new((ticks.min, ticks.max), (plot_bottom, plot_top));
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
    for (k, (i, label)) in chart
        .x_labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .enumerate()
    {
        let row = k % label_rows;
        let room = (step * (every * label_rows) as f64 - 10.0).max(step);
        let shown = truncate(label, FONT_SIZE, room);
        let title = (shown != *label).then_some(label.as_str());
        let ty = plot_bottom + 8.0 + FONT_SIZE + row as f64 * LABEL_ROW;
        doc.text_with_title(x(i), ty, Anchor::Middle, TEXT, &shown, title);
        let tick_end = if row == 0 { plot_bottom + 4.0 } else { ty - FONT_SIZE };
        doc.line(x(i), plot_bottom, x(i), tick_end, AXIS);
    }
    doc.raw("</g>\n");

    // Casings: a stretch of a line that other, later lines lie on is drawn wider underneath them,
    // the widest first, so that each coinciding line shows as a band around the next.
    let mut casings: Vec<(f64, usize, usize)> = Vec::new();
    for s in 0..chart.series.len() {
        for i in 0..n.saturating_sub(1) {
            let here = coinciding_at(chart, s, i);
            let next = coinciding_at(chart, s, i + 1);
            let both: Vec<usize> = here.into_iter().filter(|t| next.contains(t)).collect();
            let later = both.iter().filter(|t| **t > s).count();
            if later > 0 {
                casings.push((2.0 + 4.0 * later as f64, s, i));
            }
        }
    }
    if !casings.is_empty() {
        casings.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        doc.raw("<g class=\"casings\" aria-hidden=\"true\">\n");
        for (width, s, i) in casings {
            let (Some(a), Some(b)) = (value(chart, s, i), value(chart, s, i + 1)) else {
                continue;
            };
            doc.raw(&format!(
                "<path class=\"casing\" d=\"M{},{}L{},{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" \
                 stroke-linecap=\"round\"/>\n",
                num(x(i)),
                num(y.map(a)),
                num(x(i + 1)),
                num(y.map(b)),
                colour(s),
                num(width),
            ));
        }
        doc.raw("</g>\n");
    }

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
            // Markers at the same value sit side by side, in series order.
            let together = coinciding_at(chart, si, i);
            let rank = together.iter().position(|t| *t == si).unwrap_or(0) as f64;
            let dx = (rank - (together.len() as f64 - 1.0) / 2.0) * MARKER_SPREAD;
            if step >= MIN_MARKER_STEP {
                doc.raw(&marker(si, x(i) + dx, y.map(*value), colour, &title));
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

    if direct {
        // Each series named beside the plot, as near the height of its last value as the other
        // names allow, joined to that value by a thin leader.
        let last: Vec<(usize, f64)> = drawn
            .iter()
            .filter_map(|s| (0..n).rev().find_map(|i| value(chart, *s, i).map(|v| (i, v))))
            .collect();
        let wanted: Vec<f64> = last.iter().map(|(_, v)| y.map(*v)).collect();
        let placed = spread_labels(&wanted, plot_top, plot_bottom);
        let label_x = right + 12.0;
        doc.raw("<g class=\"direct-labels\">\n");
        for (k, s) in drawn.iter().enumerate() {
            let (i, _) = last[k];
            let (from_y, ly) = (wanted[k], placed[k]);
            let colour = colour(*s);
            doc.raw(&format!(
                "<path class=\"leader\" d=\"M{},{}L{},{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1\"/>\n",
                num(x(i) + 6.0),
                num(from_y),
                num(label_x - 2.0),
                num(ly),
            ));
            doc.raw(&marker(*s, label_x + 5.0, ly, colour, ""));
            let name = &chart.series[*s].name;
            let title = (direct_names[k] != *name).then_some(name.as_str());
            doc.text_with_title(
                label_x + 14.0,
                ly + FONT_SIZE * 0.36,
                Anchor::Start,
                TEXT,
                &direct_names[k],
                title,
            );
        }
        doc.raw("</g>\n");
    }
    doc.finish()
}
