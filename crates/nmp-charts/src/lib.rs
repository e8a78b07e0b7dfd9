//! SVG charts and the world map, shared by the website and the PDF report.
//!
//! Every function here is pure: it takes a description of a chart and returns an SVG document as a
//! string (the map also returns the codes of the countries it drew). The only data read is the world
//! map vendored from the npm package `world-atlas` (Natural Earth 1:110m), embedded at compile time
//! from `data/reference/world-atlas/`. [`png`] rasterises any of these documents with `resvg`.
//!
//! The documents are meant to look sober in print and on screen: one font family
//! ([`FONT_FAMILY`]), thin grey gridlines, the colour-blind-safe Okabe–Ito [`PALETTE`], and no
//! gradients. Each one carries `role="img"` with `aria-labelledby` pointing to its `<title>` and
//! `<desc>`, and every bar, point and country has a `<title>` that browsers show on hover. The same
//! input always gives the same bytes.

#![forbid(unsafe_code)]

mod bar;
mod line;
mod map;
mod png;
mod projection;
mod quintiles;
mod scale;
mod scatter;
mod svg;
#[cfg(test)]
mod tests;
mod topo;

pub use bar::{BarChart, bar, bar_with};
pub use line::{LineChart, line, line_with};
pub use map::{MapChart, MapSvg, map, map_with};
pub use png::png;
pub use quintiles::{QUINTILE_COLOURS, Quintiles, value_text};
pub use scatter::{Point, ScatterChart, scatter, scatter_with};

use std::collections::BTreeMap;

/// How a chart sits on the page that shows it. The default is a standalone document (a download,
/// a figure of the PDF): visible title, no links. Each chart kind has a `*_with` function taking
/// a frame; the plain function uses the default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Leave the visible title out, because the page shows it as the heading above the chart. The
    /// title stays the document's accessible name.
    pub hide_title: bool,
    /// Maps only: country code (three-digit M49) to the address its shape links to (the
    /// country's page). Linked shapes are `<a>` elements out of the tab order, for pointer users;
    /// the page is expected to list the same links in a table. A map with links is a `group`
    /// rather than an `img`, whose content assistive technology would not expose.
    pub links: BTreeMap<String, String>,
    /// The width of the drawing in pixels, instead of the chart kind's own (800, the map 960).
    /// Text keeps its size, so a narrow drawing (about [`PHONE_WIDTH`]) shown on a phone at its
    /// natural width keeps legible labels where the wide one, scaled down, would not: bar labels
    /// move beside the bars, legends wrap, the map's legend grows relative to the land.
    pub width: Option<f64>,
}

/// A drawing width for phones: about the width a page's content has on a 390-pixel screen.
pub const PHONE_WIDTH: f64 = 360.0;

impl Frame {
    /// A frame for a chart placed under a heading that already says what its title says.
    pub fn under_heading() -> Frame {
        Frame {
            hide_title: true,
            ..Frame::default()
        }
    }

    /// The same frame drawn `width` pixels wide.
    pub fn with_width(mut self, width: f64) -> Frame {
        self.width = Some(width);
        self
    }

    /// The drawing's width: the frame's, or `default` (the chart kind's own).
    pub(crate) fn width_or(&self, default: f64) -> f64 {
        self.width.filter(|w| w.is_finite() && *w >= 200.0).unwrap_or(default)
    }

    /// The chart's element id: [`svg::chart_id`]'s, with the width added for a drawing of
    /// another width than the kind's own, so that a page may hold both drawings of one chart.
    pub(crate) fn id(&self, kind: &str, title: &str, description: &str, default: f64) -> String {
        let id = svg::chart_id(kind, title, description);
        let width = self.width_or(default);
        if width == default {
            id
        } else {
            format!("{id}-w{}", width.round())
        }
    }
}

/// The Okabe–Ito colour-blind-safe palette, in the order series and classes use it.
///
/// Reordered from the published order so that the first colours are the ones that read best on
/// white (blue, orange, bluish green, reddish purple), with yellow and black last.
pub const PALETTE: [&str; 8] = [
    "#0072b2", // blue
    "#e69f00", // orange
    "#009e73", // bluish green
    "#cc79a7", // reddish purple
    "#56b4e9", // sky blue
    "#d55e00", // vermillion
    "#f0e442", // yellow
    "#000000", // black
];

/// The colour of countries without a value on the map ("No data").
pub const NO_DATA: &str = "#d9d9d9";

/// The font family every text element uses (DejaVu Sans is what [`png`] finds on the server).
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, sans-serif";

/// One named row of values: a bar series (aligned with the categories) or a line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// The name shown in the legend and in hover titles.
    pub name: String,
    /// One value per category or x label; non-finite values are treated as missing.
    pub values: Vec<f64>,
}

/// What can go wrong when rendering a chart to PNG.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// The SVG document could not be parsed.
    #[error("the SVG could not be read: {0}")]
    Svg(String),
    /// The requested width is zero, too large, or gives an empty image.
    #[error("cannot render a PNG {width} pixels wide (allowed: 1 to {max})", max = png::MAX_WIDTH_PX)]
    Size {
        /// The width that was asked for.
        width: u32,
    },
    /// The rendered image could not be encoded as PNG.
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The colour of series or class `index` (the palette repeats after eight).
pub fn colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}
