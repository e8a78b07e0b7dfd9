//! The world map: countries from Natural Earth 1:110m (the npm package `world-atlas` 2, vendored in
//! `data/reference/world-atlas/`), in the Equal Earth projection, coloured by class.
//!
//! The geometry is decoded, cut at the antimeridian, projected and written as path data once per
//! process; [`map`] then only colours it. Countries are keyed by their UN M49 / ISO 3166 numeric
//! code as a three-digit string.
//!
//! Three Natural Earth features have no ISO code. Following the UN M49 list, which the map is keyed
//! on, they are drawn as part of the state whose code covers them (see [`UNCODED`]); the boundary
//! between the two parts still shows as a thin line. Antarctica is left out: it is not a state and
//! would take a fifth of the height.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::projection::equal_earth;
use crate::svg::{Anchor, Doc, LegendItem, MUTED, PAD, Swatch, esc, legend, legend_height, num};
use crate::topo::decode;
use crate::{Frame, NO_DATA, colour};

/// A choropleth world map: each country coloured by the class of its value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapChart {
    /// Shown above the map and used as its accessible name.
    pub title: String,
    /// The accessible description (what the map shows, for screen readers).
    pub description: String,
    /// The class labels, in legend order; class `i` is drawn in [`crate::PALETTE`]`[i]`.
    pub classes: Vec<String>,
    /// Country code (three-digit M49, e.g. `"404"`) to class index. Countries without a value, or
    /// with an index outside `classes`, are drawn in light grey as "No data".
    pub values: BTreeMap<String, usize>,
    /// Country code to the text shown when hovering over it; the default is the country's name
    /// and class.
    pub hover: BTreeMap<String, String>,
    /// Colours of the classes (`"#rrggbb"`), overriding [`crate::PALETTE`] class by class: a
    /// "none" class, for example, reads best in a light neutral. Empty: the palette.
    pub colours: Vec<String>,
}

/// A rendered map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapSvg {
    /// The SVG document.
    pub svg: String,
    /// The codes of every country drawn (the rest, mostly small island states, are not on a
    /// 1:110m map and should be listed beside it).
    pub drawn: BTreeSet<String>,
}

/// The vendored Natural Earth 1:110m countries (TopoJSON).
const WORLD_JSON: &str = include_str!("../../../data/reference/world-atlas/countries-110m.json");

/// Features without an ISO code, by their Natural Earth name, and the M49 code they are drawn with.
pub(crate) const UNCODED: [(&str, &str); 3] = [("Kosovo", "688"), ("N. Cyprus", "196"), ("Somaliland", "706")];

/// Codes left off the map.
const EXCLUDED: [&str; 1] = ["010"];

/// Map width in pixels.
const WIDTH: f64 = 960.0;
/// Space around the land inside the map area.
const MAP_PAD: f64 = 6.0;

/// The projected world, ready to colour.
struct World {
    /// Code to (Natural Earth name, SVG path data relative to the map area).
    countries: BTreeMap<String, (String, String)>,
    /// Height of the map area.
    height: f64,
}

/// A country's rings, projected but not yet placed.
struct Projected {
    code: String,
    name: String,
    rings: Vec<Vec<(f64, f64)>>,
}

fn world() -> Result<&'static World, &'static str> {
    static WORLD: OnceLock<Result<World, String>> = OnceLock::new();
    WORLD.get_or_init(build_world).as_ref().map_err(String::as_str)
}

fn build_world() -> Result<World, String> {
    let features = decode(WORLD_JSON, "countries").map_err(|e| e.to_string())?;
    let x_max = equal_earth(180.0, 0.0).0;
    let scale = (WIDTH - 2.0 * MAP_PAD) / (2.0 * x_max);

    // Project every ring first, then place them once the northern and southern extent is known.
    let mut projected: Vec<Projected> = Vec::new();
    let (mut y_min, mut y_max) = (f64::INFINITY, f64::NEG_INFINITY);
    for feature in features {
        let code = match &feature.id {
            Some(id) => id.clone(),
            None => match UNCODED.iter().find(|(name, _)| *name == feature.name) {
                Some((_, code)) => (*code).to_owned(),
                None => continue,
            },
        };
        if EXCLUDED.contains(&code.as_str()) {
            continue;
        }
        let mut rings = Vec::new();
        for ring in feature.polygons.iter().flatten() {
            for piece in cut_at_antimeridian(ring) {
                let points: Vec<(f64, f64)> = piece.iter().map(|(lon, lat)| equal_earth(*lon, *lat)).collect();
                for (_, y) in &points {
                    y_min = y_min.min(*y);
                    y_max = y_max.max(*y);
                }
                rings.push(points);
            }
        }
        projected.push(Projected {
            code,
            name: feature.name,
            rings,
        });
    }
    if projected.is_empty() || y_min >= y_max || !y_max.is_finite() {
        return Err("the map has no countries".to_owned());
    }

    let mut countries: BTreeMap<String, (String, String)> = BTreeMap::new();
    for Projected { code, name, rings } in projected {
        let entry = countries.entry(code).or_insert_with(|| (name, String::new()));
        for ring in rings {
            let pixels = ring
                .iter()
                .map(|(x, y)| (WIDTH / 2.0 + x * scale, MAP_PAD + (y_max - y) * scale));
            append_ring(&mut entry.1, pixels);
        }
    }
    countries.retain(|_, (_, d)| !d.is_empty());
    Ok(World {
        countries,
        height: (y_max - y_min) * scale + 2.0 * MAP_PAD,
    })
}

/// Splits a ring wherever it crosses the antimeridian (a jump of more than 180° in longitude), and
/// closes each piece along the ±180° meridian, so that no fill or border runs across the map.
pub(crate) fn cut_at_antimeridian(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let Some(first) = ring.first() else { return Vec::new() };
    let mut pieces: Vec<Vec<(f64, f64)>> = vec![vec![*first]];
    for pair in ring.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (b.0 - a.0).abs() > 180.0 {
            let side = if a.0 > 0.0 { 180.0 } else { -180.0 };
            let b_lon = b.0 + 2.0 * side;
            let t = if b_lon == a.0 {
                0.0
            } else {
                (side - a.0) / (b_lon - a.0)
            };
            let lat = a.1 + t * (b.1 - a.1);
            if let Some(piece) = pieces.last_mut() {
                piece.push((side, lat));
            }
            pieces.push(vec![(-side, lat)]);
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push(b);
        }
    }
    if pieces.len() > 1 {
        // The ring is closed, so its last piece continues into its first.
        let last = pieces.pop().unwrap_or_default();
        let head = std::mem::take(&mut pieces[0]);
        pieces[0] = last.into_iter().chain(head.into_iter().skip(1)).collect();
        for piece in &mut pieces {
            close_along_meridian(piece);
        }
    }
    pieces
}

/// Adds points along the ±180° meridian from a piece's end back to its start, so the closing edge
/// follows the curved edge of the projection.
fn close_along_meridian(piece: &mut Vec<(f64, f64)>) {
    let (Some(&(lon0, lat0)), Some(&(lon1, lat1))) = (piece.first(), piece.last()) else {
        return;
    };
    if lon0.abs() != 180.0 || lon1 != lon0 {
        return;
    }
    let steps = ((lat0 - lat1).abs() / 2.0).ceil() as usize;
    for k in 1..steps {
        piece.push((lon0, lat1 + (lat0 - lat1) * k as f64 / steps as f64));
    }
}

/// Writes a ring as path data with one decimal, skipping repeated points and slivers.
fn append_ring(d: &mut String, pixels: impl Iterator<Item = (f64, f64)>) {
    let mut points: Vec<(String, String)> = Vec::new();
    for (x, y) in pixels {
        let point = (num1(x), num1(y));
        if points.last() != Some(&point) {
            points.push(point);
        }
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if points.len() < 3 {
        return;
    }
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x},{y}", if i == 0 { "M" } else { " " });
    }
    d.push('Z');
}

fn num1(value: f64) -> String {
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// Renders the world map as a standalone document: each drawn country a `<path>` with its
/// `data-m49` code, its class colour and a hover title, with the legend below.
pub fn map(chart: &MapChart) -> MapSvg {
    map_with(chart, &Frame::default())
}

/// Renders the world map in `frame`; a country with a link in the frame is wrapped in an `<a>`
/// (out of the tab order) named by its hover text.
pub fn map_with(chart: &MapChart, frame: &Frame) -> MapSvg {
    let id = frame.id("map", &chart.title, &chart.description, WIDTH);
    let width = frame.width_or(WIDTH);
    // The land is projected once at the default width and scaled to the frame's.
    let k = width / WIDTH;
    let header = Doc::header_height(&chart.title, frame);
    let world = match world() {
        Ok(world) => world,
        Err(message) => {
            let mut doc = Doc::new(&id, width, header + 40.0 + PAD, &chart.title, &chart.description, frame);
            doc.text(
                width / 2.0,
                header + 24.0,
                Anchor::Middle,
                MUTED,
                &format!("Map unavailable: {message}"),
            );
            return MapSvg {
                svg: doc.finish(),
                drawn: BTreeSet::new(),
            };
        }
    };
    let class_of = |code: &str| {
        chart
            .values
            .get(code)
            .copied()
            .filter(|class| *class < chart.classes.len())
    };
    let class_colour = |i: usize| chart.colours.get(i).map_or(colour(i), String::as_str);
    let any_missing = world.countries.keys().any(|code| class_of(code).is_none());
    let mut items: Vec<LegendItem<'_>> = chart
        .classes
        .iter()
        .enumerate()
        .map(|(i, label)| LegendItem {
            colour: class_colour(i),
            label,
            swatch: Swatch::Square,
        })
        .collect();
    if any_missing {
        items.push(LegendItem {
            colour: NO_DATA,
            label: "No data",
            swatch: Swatch::Square,
        });
    }
    let legend_top = header + world.height * k + 8.0;
    let legend_h = legend_height(&items, width - 2.0 * PAD);
    let height = legend_top + legend_h + PAD;

    let mut doc = Doc::new(&id, width, height, &chart.title, &chart.description, frame);
    let (transform, stroke) = if width == WIDTH {
        (format!("translate(0,{})", num(header)), "0.5".to_owned())
    } else {
        (format!("translate(0,{}) scale({})", num(header), k), num(0.5 / k))
    };
    doc.raw(&format!(
        "<g class=\"countries\" transform=\"{transform}\" stroke=\"#ffffff\" stroke-width=\"{stroke}\" \
         stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n"
    ));
    let mut drawn = BTreeSet::new();
    for (code, (name, d)) in &world.countries {
        let class = class_of(code);
        let fill = class.map_or(NO_DATA, class_colour);
        let hover = match (chart.hover.get(code), class) {
            (Some(text), _) => text.clone(),
            (None, Some(class)) => format!("{name}: {}", chart.classes.get(class).map_or("", String::as_str)),
            (None, None) => format!("{name}: No data"),
        };
        let path = format!(
            "<path class=\"country\" data-m49=\"{}\" fill=\"{fill}\" d=\"{d}\"><title>{}</title></path>",
            esc(code),
            esc(&hover),
        );
        match frame.links.get(code) {
            Some(href) => doc.raw(&format!(
                "<a href=\"{}\" tabindex=\"-1\" aria-label=\"{}\">{path}</a>\n",
                esc(href),
                esc(&hover)
            )),
            None => doc.raw(&format!("{path}\n")),
        }
        drawn.insert(code.clone());
    }
    doc.raw("</g>\n");
    legend(&mut doc, &items, PAD, legend_top, width - 2.0 * PAD);
    MapSvg {
        svg: doc.finish(),
        drawn,
    }
}
