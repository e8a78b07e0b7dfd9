//! The body of the document as Markdown blocks: headings, quotes, list items, tables and
//! paragraphs in document order, then the footnotes (and endnotes) numbered in the order the
//! text refers to them.

use std::collections::HashMap;

use roxmltree::Node;

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

    /// A table as a GFM pipe table: the first row is the header; a cell's paragraphs are
    /// joined with spaces; a cell spanning columns is followed by empty cells.
    fn table(&mut self, tbl: Node<'_, '_>) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for tr in tbl.children().filter(|n| is(*n, "tr")) {
            let mut row = Vec::new();
            for tc in cells(tr) {
                row.push(self.cell_text(tc));
                let span = child(tc, "tcPr")
                    .and_then(|pr| child_val(pr, "gridSpan"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                row.extend(std::iter::repeat_n(String::new(), span - 1));
            }
            rows.push(row);
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 || rows.iter().all(|r| r.iter().all(String::is_empty)) {
            return;
        }
        let line = |row: &[String]| {
            let mut s = String::from("|");
            for i in 0..width {
                let cell = row.get(i).map_or("", String::as_str);
                s.push_str(&format!(" {cell} |"));
            }
            s
        };
        let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(width))];
        out.extend(rows[1..].iter().map(|r| line(r)));
        self.blocks.push(Block::Table(out.join("\n")));
    }

    /// A table cell's text on one line; a table inside it is kept as its cells' text.
    fn cell_text(&mut self, tc: Node<'_, '_>) -> String {
        let mut parts = Vec::new();
        self.flat_text(tc, &mut parts, false);
        parts.join(" ")
    }

    /// The paragraphs under `node` as one-line texts, tables inside flattened (and counted).
    fn flat_text(&mut self, node: Node<'_, '_>, out: &mut Vec<String>, nested: bool) {
        for n in node.children().filter(Node::is_element) {
            self.flat_one(n, out, nested);
        }
    }

    /// One node's paragraphs as one-line texts (see [`Converter::flat_text`]).
    fn flat_one(&mut self, n: Node<'_, '_>, out: &mut Vec<String>, nested: bool) {
        {
            if is(n, "p") {
                let text = render(&self.inlines(n)).replace('\n', " ");
                let text = text.trim();
                if !text.is_empty() {
                    out.push(text.to_owned());
                }
            } else if is(n, "tbl") {
                if !nested {
                    self.nested_tables += 1;
                }
                for tr in n.children().filter(|r| is(*r, "tr")) {
                    for tc in cells(tr) {
                        self.flat_text(tc, out, true);
                    }
                }
            } else if is(n, "sdt") || is(n, "sdtContent") || is(n, "customXml") || is(n, "ins") {
                self.flat_text(n, out, nested);
            }
        }
    }

    /// The pieces of a paragraph.
    fn inlines(&mut self, p: Node<'_, '_>) -> Vec<Inline> {
        let mut out = Vec::new();
        self.inline_children(p, &mut out);
        out
    }

    /// The pieces under `node` (a paragraph, hyperlink, insertion, field, content control).
    fn inline_children(&mut self, node: Node<'_, '_>, out: &mut Vec<Inline>) {
        for n in node.children().filter(Node::is_element) {
            let name = n.tag_name().name();
            if is(n, "r") {
                self.run(n, out);
            } else if is(n, "hyperlink") {
                let mut content = Vec::new();
                self.inline_children(n, &mut content);
                let url = rel_id(n)
                    .and_then(|id| self.parts.rels.external(id))
                    .filter(|u| linkable(u));
                match url {
                    Some(url) => out.push(Inline::Link(url.to_owned(), content)),
                    None => out.extend(content),
                }
            } else if is(n, "sdt") {
                if let Some(content) = child(n, "sdtContent") {
                    self.inline_children(content, out);
                }
            } else if is(n, "ins")
                || is(n, "moveTo")
                || is(n, "smartTag")
                || is(n, "customXml")
                || is(n, "fldSimple")
                || is(n, "dir")
                || is(n, "bdo")
            {
                self.inline_children(n, out);
            } else if name == "oMathPara" || name == "oMath" {
                let text: String = n
                    .descendants()
                    .filter(|d| d.is_element() && d.tag_name().name() == "t")
                    .filter_map(|d| d.text())
                    .collect();
                out.push(Inline::Text(text, Fmt::default()));
            } else if is(n, "drawing") || is(n, "pict") || is(n, "object") || name == "AlternateContent" {
                self.images += 1;
            }
        }
    }

    /// One run: its text, tabs, breaks, note references and images.
    fn run(&mut self, r: Node<'_, '_>, out: &mut Vec<Inline>) {
        let rpr = child(r, "rPr");
        let base = rpr
            .and_then(|p| child_val(p, "rStyle"))
            .map_or(Fmt::default(), |s| self.parts.styles.run(s, Fmt::default()));
        let fmt = rpr.map_or(base, |p| RunProps::read(p).over(base));
        for n in r.children().filter(Node::is_element) {
            let name = n.tag_name().name();
            if is(n, "t") {
                // Word trims the spaces around a text that does not say xml:space="preserve".
                let raw = n.text().unwrap_or_default();
                let preserve = n
                    .attribute(("http://www.w3.org/XML/1998/namespace", "space"))
                    .is_some_and(|v| v == "preserve");
                let raw = if preserve {
                    raw
                } else {
                    raw.trim_matches([' ', '\t', '\n', '\r'])
                };
                let text = raw.replace(['\n', '\r', '\t'], " ");
                out.push(Inline::Text(text, fmt));
            } else if is(n, "tab") || is(n, "ptab") {
                out.push(Inline::Text(" ".to_owned(), fmt));
            } else if is(n, "noBreakHyphen") {
                out.push(Inline::Text("-".to_owned(), fmt));
            } else if is(n, "br") {
                if !matches!(attr(n, "type"), Some("page" | "column")) {
                    out.push(Inline::Break);
                }
            } else if is(n, "cr") {
                out.push(Inline::Break);
            } else if is(n, "footnoteReference") || is(n, "endnoteReference") {
                let kind = if name == "footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                if let Some(id) = attr(n, "id") {
                    if let Some(number) = self.note(kind, id) {
                        out.push(Inline::Note(number));
                    } else {
                        self.missing_notes += 1;
                    }
                }
            } else if is(n, "drawing") || is(n, "pict") || is(n, "object") || name == "AlternateContent" {
                self.images += 1;
            }
        }
    }

    /// The number of note `id`, given on first reference; `None` when the note is not defined.
    fn note(&mut self, kind: NoteKind, id: &str) -> Option<usize> {
        let key = (kind, id.to_owned());
        if let Some(n) = self.note_numbers.get(&key) {
            return Some(*n);
        }
        self.note_node(kind, id)?;
        self.note_order.push(key.clone());
        let number = self.note_order.len();
        self.note_numbers.insert(key, number);
        Some(number)
    }

    /// The definition of note `id` (not a separator).
    fn note_node(&self, kind: NoteKind, id: &str) -> Option<Node<'a, 'input>> {
        let (doc, tag) = match kind {
            NoteKind::Foot => (self.parts.footnotes?, "footnote"),
            NoteKind::End => (self.parts.endnotes?, "endnote"),
        };
        doc.root_element().children().find(|n| {
            is(*n, tag)
                && attr(*n, "id") == Some(id)
                && !matches!(
                    attr(*n, "type"),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                )
        })
    }

    /// The note definitions, `[^n]: text`, in the order of their numbers; a note's later
    /// paragraphs (and lines) indented by four spaces. Notes that notes refer to are numbered
    /// after them.
    fn notes(&mut self) -> Vec<String> {
        let mut defs = Vec::new();
        let mut i = 0;
        while i < self.note_order.len() {
            let (kind, id) = self.note_order[i].clone();
            i += 1;
            let Some(node) = self.note_node(kind, &id) else {
                continue;
            };
            let mut paras = Vec::new();
            for n in node.children().filter(Node::is_element) {
                if is(n, "p") {
                    let lines = lines(&render(&self.inlines(n)));
                    if !lines.is_empty() {
                        paras.push(lines.join("\\\n    "));
                    }
                } else {
                    let mut flat = Vec::new();
                    self.flat_one(n, &mut flat, false);
                    paras.extend(flat.iter().map(|t| escape_line_start(t)));
                }
            }
            defs.push(format!("[^{i}]: {}", paras.join("\n\n    ")).trim_end().to_owned());
        }
        defs
    }
}

/// The cells of a table row (inside content controls too).
fn cells<'a, 'input>(tr: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
    let mut out = Vec::new();
    for n in tr.children().filter(Node::is_element) {
        if is(n, "tc") {
            out.push(n);
        } else if is(n, "sdt") {
            if let Some(inner) = child(n, "sdtContent") {
                out.extend(cells(inner));
            }
        } else if is(n, "customXml") {
            out.extend(cells(n));
        }
    }
    out
}
