//! The body of the document as Markdown blocks: headings, quotes, list items, tables and
//! paragraphs in document order, then the footnotes (and endnotes) numbered in the order the
//! text refers to them.

use std::collections::HashMap;

use roxmltree::Node;

mod notes;
mod runs;
mod tables;

use super::inline::{Inline, escape_line_start, linkable, render};
use super::parts::{Fmt, Kind, ListKind, Numbering, Rels, RunProps, Styles, attr, child, child_val, is, rel_id};

/// A block of the output.
#[derive(Debug)]
enum Block {
    /// `#` to `######`, one line.
    Heading(u8, String),
    /// Lines of a quote paragraph (without `> `).
    Quote(Vec<String>),
    /// A list item: its marker (`- `, `3. `), its indent, its lines.
    Item(String, usize, Vec<String>),
    /// A paragraph's lines.
    Para(Vec<String>),
    /// A pipe table, ready.
    Table(String),
}

/// The parts a conversion reads, parsed.
pub(crate) struct Parts<'a, 'input> {
    /// `word/document.xml`.
    pub document: &'a roxmltree::Document<'input>,
    /// The document's relationships.
    pub rels: &'a Rels,
    /// The styles.
    pub styles: &'a Styles,
    /// The numbering definitions.
    pub numbering: &'a Numbering,
    /// The footnotes part, if any.
    pub footnotes: Option<&'a roxmltree::Document<'input>>,
    /// The endnotes part, if any.
    pub endnotes: Option<&'a roxmltree::Document<'input>>,
}

/// Where a note is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

/// The conversion's state.
struct Converter<'p, 'a, 'input> {
    parts: &'p Parts<'a, 'input>,
    blocks: Vec<Block>,
    /// Notes by their kind and id in the document, to their number.
    note_numbers: HashMap<(NoteKind, String), usize>,
    /// Notes in the order of their numbers.
    note_order: Vec<(NoteKind, String)>,
    /// The next number of each ordered list level, by numbering id and level.
    counters: HashMap<(String, u8), u32>,
    /// The content indent of each open list level.
    list_indents: Vec<usize>,
    images: usize,
    nested_tables: usize,
    missing_notes: usize,
}

/// Converts the document; returns the Markdown and the warnings.
pub(crate) fn convert(parts: &Parts<'_, '_>) -> (String, Vec<String>) {
    let mut c = Converter {
        parts,
        blocks: Vec::new(),
        note_numbers: HashMap::new(),
        note_order: Vec::new(),
        counters: HashMap::new(),
        list_indents: Vec::new(),
        images: 0,
        nested_tables: 0,
        missing_notes: 0,
    };
    if let Some(body) = child(parts.document.root_element(), "body") {
        c.blocks_of(body);
    }
    let mut out = join(&c.blocks);
    let notes = c.notes();
    if !notes.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&notes.join("\n\n"));
    }
    let mut warnings = Vec::new();
    match c.images {
        0 => {}
        1 => warnings.push(
            "an image was left out (images are not taken from Word files; add figures with the editor)".to_owned(),
        ),
        n => warnings.push(format!(
            "{n} images were left out (images are not taken from Word files; add figures with the editor)"
        )),
    }
    match c.nested_tables {
        0 => {}
        1 => warnings.push("a table inside a table was kept as text".to_owned()),
        n => warnings.push(format!("{n} tables inside tables were kept as text")),
    }
    if c.missing_notes > 0 {
        warnings.push(format!(
            "{} footnote reference(s) had no footnote text in the file and were left out",
            c.missing_notes
        ));
    }
    if out.trim().is_empty() {
        warnings.push("the Word document holds no text".to_owned());
        return (String::new(), warnings);
    }
    out.push('\n');
    (out, warnings)
}

/// Joins blocks: one blank line between blocks, one line break between items of a list, and
/// consecutive quote paragraphs kept in one quote.
fn join(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for block in blocks {
        let text = match block {
            Block::Heading(level, text) => format!("{} {text}", "#".repeat(usize::from(*level))),
            Block::Quote(lines) => lines.iter().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\\\n"),
            Block::Item(marker, indent, lines) => {
                let pad = " ".repeat(*indent);
                let cont = " ".repeat(indent + marker.len());
                let mut s = format!("{pad}{marker}{}", lines.first().map_or("", String::as_str));
                for l in lines.iter().skip(1) {
                    s.push_str(&format!("\\\n{cont}{l}"));
                }
                s
            }
            Block::Para(lines) => lines.join("\\\n"),
            Block::Table(t) => t.clone(),
        };
        match (prev, block) {
            (None, _) => {}
            (Some(Block::Item(..)), Block::Item(..)) => out.push('\n'),
            (Some(Block::Quote(_)), Block::Quote(_)) => out.push_str("\n>\n"),
            _ => out.push_str("\n\n"),
        }
        out.push_str(&text);
        prev = Some(block);
    }
    out
}

/// A paragraph's rendered text as lines: hard breaks split it, each line trimmed, empty lines
/// dropped, and what would start a block at a line's start escaped.
fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line_start)
        .collect()
}

impl<'a, 'input> Converter<'_, 'a, 'input> {
    /// The blocks of a body (or of a content control inside it), in order.
    fn blocks_of(&mut self, parent: Node<'_, '_>) {
        for node in parent.children().filter(Node::is_element) {
            if is(node, "p") {
                self.paragraph(node);
            } else if is(node, "tbl") {
                self.list_indents.clear();
                self.table(node);
            } else if is(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.blocks_of(content);
                }
            } else if is(node, "customXml") || is(node, "ins") || is(node, "moveTo") {
                self.blocks_of(node);
            }
        }
    }

    /// One body paragraph: a heading, a quote, a list item or a paragraph.
    fn paragraph(&mut self, p: Node<'_, '_>) {
        let ppr = child(p, "pPr");
        let style = ppr.and_then(|pp| child_val(pp, "pStyle"));
        let mut kind = style.map_or(Kind::Body, |s| self.parts.styles.kind(s));
        if let Some(level) = ppr
            .and_then(|pp| child_val(pp, "outlineLvl"))
            .and_then(|v| v.parse().ok())
        {
            kind = super::parts::heading_at_outline(level);
        }
        let text = render(&self.inlines(p));
        let lines = lines(&text);
        let list = if kind == Kind::Body {
            self.list_of(ppr, style)
        } else {
            None
        };
        if lines.is_empty() {
            return;
        }
        if list.is_none() {
            self.list_indents.clear();
        }
        let block = match (kind, list) {
            (Kind::Heading(level), _) => Block::Heading(level, lines.join(" ")),
            (Kind::Quote, _) => Block::Quote(lines),
            (Kind::Body, Some((num_id, level, list_kind))) => self.item(num_id, level, list_kind, lines),
            (Kind::Body, None) => Block::Para(lines),
        };
        self.blocks.push(block);
    }

    /// The numbering of a paragraph (its own, or its style's): id, level and kind.
    fn list_of(&self, ppr: Option<Node<'_, '_>>, style: Option<&str>) -> Option<(String, u8, ListKind)> {
        let own = ppr.and_then(|pp| child(pp, "numPr"));
        let from_style = style.and_then(|s| self.parts.styles.numbering(s));
        let num_id = own
            .and_then(|n| child_val(n, "numId"))
            .map(str::to_owned)
            .or_else(|| from_style.as_ref().map(|(id, _)| id.clone()))?;
        if num_id == "0" {
            return None;
        }
        let level = own
            .and_then(|n| child_val(n, "ilvl"))
            .and_then(|l| l.parse().ok())
            .or_else(|| from_style.and_then(|(_, l)| l))
            .unwrap_or(0u8)
            .min(8);
        match self.parts.numbering.kind(&num_id, level) {
            ListKind::None => None,
            kind => Some((num_id, level, kind)),
        }
    }

    /// A list item at `level`, indented under the items above it.
    fn item(&mut self, num_id: String, level: u8, kind: ListKind, lines: Vec<String>) -> Block {
        let depth = usize::from(level).min(self.list_indents.len());
        self.list_indents.truncate(depth);
        let indent = if depth == 0 { 0 } else { self.list_indents[depth - 1] };
        // Deeper levels of this numbering start again under a new item, as in Word.
        self.counters.retain(|(id, l), _| *id != num_id || *l <= level);
        let marker = match kind {
            ListKind::Ordered(start) => {
                let next = self.counters.entry((num_id, level)).or_insert(start);
                let marker = format!("{next}. ");
                *next = next.saturating_add(1);
                marker
            }
            _ => "- ".to_owned(),
        };
        self.list_indents.push(indent + marker.len());
        Block::Item(marker, indent, lines)
    }
}
