//! Writing SVG: XML escaping, number formatting, the document frame with its accessible title and
//! description, text measuring and wrapping, and the legend every chart shares.

use std::fmt::Write as _;

use crate::{FONT_FAMILY, Frame};

/// Body text size in pixels (axis labels, legends, value labels).
pub(crate) const FONT_SIZE: f64 = 12.0;
/// The visible title's size in pixels.
pub(crate) const TITLE_SIZE: f64 = 14.0;
/// Text colour.
pub(crate) const TEXT: &str = "#222222";
/// Secondary text colour (tick labels, units).
pub(crate) const MUTED: &str = "#555555";
/// Axis line colour.
pub(crate) const AXIS: &str = "#888888";
/// Gridline colour.
pub(crate) const GRID: &str = "#e3e3e3";
/// Outer margin of every chart.
pub(crate) const PAD: f64 = 16.0;

/// Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Formats a coordinate or length with at most two decimals, no trailing zeros and no `-0`.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    trim(format!("{value:.2}"))
}

/// Formats a value for people: at most two decimals, thousands separated by commas.
pub(crate) fn human(value: f64) -> String {
    human_with(value, 2)
}

/// Formats a value for people with at most `decimals` decimals (tick labels use the tick step's).
pub(crate) fn human_with(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = trim(format!("{value:.decimals$}"));
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 4 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Appends the unit to a formatted value: `12%`, `12 mechanisms`, or just `12`.
pub(crate) fn with_unit(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    let value = human(value);
    match unit {
        "" => value,
        "%" | "‰" => format!("{value}{unit}"),
        _ => format!("{value} {unit}"),
    }
}

fn trim(mut text: String) -> String {
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

/// A stable identifier for a chart, from its kind, title and description (FNV-1a, 64 bits).
pub(crate) fn chart_id(kind: &str, title: &str, description: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind
        .bytes()
        .chain([0])
        .chain(title.bytes())
        .chain([0])
        .chain(description.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("nmp-{kind}-{hash:016x}")
}

/// An estimate of the rendered width of `text` in DejaVu Sans at `size` pixels.
///
/// DejaVu Sans is wide; the per-character advances here are rounded up from its metrics so that
/// layouts err on the side of space.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | 'I' => 0.32,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '—' | '@' => 0.95,
            c if c.is_ascii_uppercase() => 0.72,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_ascii() => 0.62,
            _ => 0.75,
        })
        .sum();
    em * size
}

/// Shortens `text` with an ellipsis so that it fits in `max` pixels.
pub(crate) fn truncate(text: &str, size: f64, max: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut candidate = out.clone();
        candidate.push(c);
        candidate.push('…');
        if text_width(&candidate, size) > max {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// Wraps `text` at spaces into at most `max_lines` lines no wider than `max` pixels, or `None` if
/// it does not fit.
pub(crate) fn wrap(text: &str, size: f64, max: f64, max_lines: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size) <= max {
            current = candidate;
        } else {
            if current.is_empty() || text_width(word, size) > max {
                return None;
            }
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    (lines.len() <= max_lines).then_some(lines)
}

/// Horizontal alignment of a text element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Self::Start => "",
            Self::Middle => " text-anchor=\"middle\"",
            Self::End => " text-anchor=\"end\"",
        }
    }
}

/// An SVG document being written.
pub(crate) struct Doc {
    buf: String,
}

impl Doc {
    /// Opens the document: root element, accessible title and description, and the visible title
    /// unless the frame hides it.
    pub(crate) fn new(id: &str, width: f64, height: f64, title: &str, description: &str, frame: &Frame) -> Self {
        let mut buf = String::with_capacity(16 * 1024);
        let (w, h) = (num(width), num(height));
        let _ = write!(
            buf,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
             role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\" \
             font-family=\"{FONT_FAMILY}\" font-size=\"{size}\" fill=\"{TEXT}\">\n\
             <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
            size = num(FONT_SIZE),
            role = if frame.links.is_empty() { "img" } else { "group" },
            title = esc(title),
            desc = esc(description),
        );
        let mut doc = Self { buf };
        if !title.trim().is_empty() && !frame.hide_title {
            let shown = truncate(title.trim(), TITLE_SIZE, width - 2.0 * PAD);
            let _ = writeln!(
                doc.buf,
                "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"bold\">{text}</text>",
                x = num(PAD),
                y = num(PAD + TITLE_SIZE),
                size = num(TITLE_SIZE),
                text = esc(&shown),
            );
        }
        doc
    }

    /// The height the visible title takes, including the space under it.
    pub(crate) fn header_height(title: &str, frame: &Frame) -> f64 {
        if title.trim().is_empty() || frame.hide_title {
            PAD
        } else {
            PAD + TITLE_SIZE + 12.0
        }
    }

    /// Appends raw, already escaped markup.
    pub(crate) fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// Appends a text element; `text` is escaped here.
    pub(crate) fn text(&mut self, x: f64, y: f64, anchor: Anchor, fill: &str, text: &str) {
        self.text_with_title(x, y, anchor, fill, text, None);
    }

    /// Appends a text element with a hover title (used when the text was shortened).
    pub(crate) fn text_with_title(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        fill: &str,
        text: &str,
        title: Option<&str>,
    ) {
        let fill_attr = if fill == TEXT {
            String::new()
        } else {
            format!(" fill=\"{fill}\"")
        };
        let title = title.map(|t| format!("<title>{}</title>", esc(t))).unwrap_or_default();
        let _ = writeln!(
            self.buf,
            "<text x=\"{x}\" y=\"{y}\"{anchor}{fill_attr}>{title}{text}</text>",
            x = num(x),
            y = num(y),
            anchor = anchor.attr(),
            text = esc(text),
        );
    }

    /// Appends a line.
    pub(crate) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str) {
        let _ = writeln!(
            self.buf,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"1\" \
             shape-rendering=\"crispEdges\"/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
        );
    }

    /// Closes the document and returns it.
    pub(crate) fn finish(mut self) -> String {
        self.buf.push_str("</svg>\n");
        self.buf
    }
}

/// The mark a legend entry shows next to its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    /// A filled square (bars, map classes).
    Square,
    /// A short line with the series' marker (line charts).
    Line(usize),
    /// The series' marker alone (scatter plots).
    Marker(usize),
}

/// One legend entry.
pub(crate) struct LegendItem<'a> {
    pub(crate) colour: &'a str,
    pub(crate) label: &'a str,
    pub(crate) swatch: Swatch,
}

const SWATCH: f64 = 12.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 20.0;
const ROW: f64 = 20.0;
/// The widest a legend label may be before it is shortened.
const MAX_LABEL: f64 = 300.0;

fn swatch_width(swatch: Swatch) -> f64 {
    match swatch {
        Swatch::Line(_) => 24.0,
        Swatch::Square | Swatch::Marker(_) => SWATCH,
    }
}

/// Places the legend items in rows no wider than `max_width`: each item's x offset and row.
fn legend_layout(items: &[LegendItem<'_>], max_width: f64) -> Vec<(f64, usize, String)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut row) = (0.0, 0);
    for item in items {
        let label = truncate(item.label, FONT_SIZE, MAX_LABEL.min(max_width - 40.0));
        let width = swatch_width(item.swatch) + SWATCH_GAP + text_width(&label, FONT_SIZE);
        if x > 0.0 && x + width > max_width {
            x = 0.0;
            row += 1;
        }
        out.push((x, row, label));
        x += width + ITEM_GAP;
    }
    out
}

/// The height a legend of these items takes in `max_width` (zero for no items).
pub(crate) fn legend_height(items: &[LegendItem<'_>], max_width: f64) -> f64 {
    let rows = legend_layout(items, max_width).last().map_or(0, |(_, row, _)| row + 1);
    rows as f64 * ROW
}

/// Draws the legend with its top-left corner at (`x0`, `y0`).
pub(crate) fn legend(doc: &mut Doc, items: &[LegendItem<'_>], x0: f64, y0: f64, max_width: f64) {
    if items.is_empty() {
        return;
    }
    doc.raw("<g class=\"legend\">\n");
    for (item, (dx, row, label)) in items.iter().zip(legend_layout(items, max_width)) {
        let x = x0 + dx;
        let mid = y0 + row as f64 * ROW + ROW / 2.0;
        match item.swatch {
            Swatch::Square => doc.raw(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{s}\" height=\"{s}\" fill=\"{}\"/>\n",
                num(x),
                num(mid - SWATCH / 2.0),
                item.colour,
                s = num(SWATCH),
            )),
            Swatch::Line(series) => {
                doc.raw(&format!(
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                    num(x),
                    num(x + 24.0),
                    item.colour,
                    y = num(mid),
                ));
                doc.raw(&marker(series, x + 12.0, mid, item.colour, ""));
            }
            Swatch::Marker(series) => doc.raw(&marker(series, x + SWATCH / 2.0, mid, item.colour, "")),
        }
        let text_x = x + swatch_width(item.swatch) + SWATCH_GAP;
        let title = (label != item.label).then_some(item.label);
        doc.text_with_title(text_x, mid + FONT_SIZE * 0.36, Anchor::Start, TEXT, &label, title);
    }
    doc.raw("</g>\n");
}

/// A point marker whose shape depends on the series (circle, square, diamond, triangle), so that
/// series stay apart in black-and-white print. `inner` is placed inside the element (a `<title>`).
pub(crate) fn marker(series: usize, x: f64, y: f64, colour: &str, inner: &str) -> String {
    let class = if inner.is_empty() { "" } else { " class=\"point\"" };
    let stroke = "stroke=\"#ffffff\" stroke-width=\"0.75\"";
    let close = |tag: &str| {
        if inner.is_empty() {
            "/>\n".to_owned()
        } else {
            format!(">{inner}</{tag}>\n")
        }
    };
    match series % 4 {
        0 => format!(
            "<circle{class} cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{colour}\" {stroke}{}",
            num(x),
            num(y),
            close("circle")
        ),
        1 => format!(
            "<rect{class} x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{colour}\" {stroke}{}",
            num(x - 3.5),
            num(y - 3.5),
            close("rect")
        ),
        2 => format!(
            "<path{class} d=\"M{},{}l5,5l-5,5l-5,-5z\" fill=\"{colour}\" {stroke}{}",
            num(x),
            num(y - 5.0),
            close("path")
        ),
        _ => format!(
            "<path{class} d=\"M{},{}l4.6,8l-9.2,0z\" fill=\"{colour}\" {stroke}{}",
            num(x),
            num(y - 5.0),
            close("path")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml_specials_and_drops_control_characters() {
        assert_eq!(
            esc("<script>&\"'</script>\u{1}"),
            "&lt;script&gt;&amp;&quot;&apos;&lt;/script&gt;"
        );
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(human(12345.5), "12,345.5");
        assert_eq!(human(1234.0), "1234");
        assert_eq!(human(-1_234_567.0), "-1,234,567");
        assert_eq!(with_unit(12.0, "%"), "12%");
        assert_eq!(with_unit(3.0, "mechanisms"), "3 mechanisms");
    }

    #[test]
    fn wraps_and_truncates() {
        assert_eq!(wrap("one two", FONT_SIZE, 1000.0, 2), Some(vec!["one two".to_owned()]));
        assert_eq!(
            wrap("one two", FONT_SIZE, 30.0, 2),
            Some(vec!["one".to_owned(), "two".to_owned()])
        );
        assert_eq!(wrap("one two three", FONT_SIZE, 30.0, 2), None);
        let short = truncate("a very long label indeed", FONT_SIZE, 60.0);
        assert!(short.ends_with('…') && text_width(&short, FONT_SIZE) <= 60.0);
    }
}
