//! An essay as Typst markup for the report's PDF, to be included under the essay's own title.
//!
//! Headings go one level down (`#` becomes `==`); emphasis, strong and strikethrough use the
//! function forms `#emph[…]`, `#strong[…]` and `#strike[…]` (Typst's `_…_` and `*…*` work
//! only at word boundaries, Markdown's also inside words); lists are `#list(…)` and
//! `#enum(…)`, block quotes `#quote(block: true)[…]`, code `#raw(…)`, links `#link("…")[…]`
//! (only `http(s):` and `mailto:`; others keep their text), tables `#table(…)`, images their
//! alt text; an embedded figure is `#essay-figure(…)`, a function the report's template puts in
//! the scope of its `eval` (see [`to_typst`]). Citations and author footnotes are `#footnote[…]` where they stand (spaces before
//! a citation dropped, as pandoc does for notes); a footnote
//! referenced again is `#footnote(<essay-fn-N>)`. All text is escaped: every character that
//! can be Typst markup is written with a backslash, so nothing an author writes is code.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use super::html::{safe_url, unresolved_text};
use super::parse::{Parsed, Piece, parse};
use super::{Reference, Resolve};

/// The essay as Typst markup.
///
/// An embedded figure the resolver draws is `#essay-figure(FILE, ALT, [CAPTION], [CREDIT])`
/// (FILE the SVG's path); one it cannot draw is `#essay-figure(none, KEY, [CAPTION], [])`. The
/// template defines `essay-figure` and passes it to `eval` in its scope.
pub fn to_typst(markdown: &str, resolver: &dyn Resolve) -> String {
    let parsed = parse(markdown);
    let mut writer = Writer {
        parsed: &parsed,
        resolver,
        out: String::new(),
        need_break: false,
        after_code: false,
        prev_digit: false,
        line_start: true,
        code_block: None,
        links: Vec::new(),
        footnotes: BTreeMap::new(),
        rendering: Vec::new(),
    };
    writer.pieces(&parsed.body, false);
    let mut out = writer.out;
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

struct Writer<'p, 'a> {
    parsed: &'p Parsed<'a>,
    resolver: &'p dyn Resolve,
    out: String,
    /// A block ended: the next block needs a blank line first.
    need_break: bool,
    /// The last thing written was an embedded expression (`#f[…]`), which a directly following
    /// `(`, `[`, `.name` or `;` would continue.
    after_code: bool,
    /// The last character of text written was a digit (so a `.` after it could make a
    /// numbered list item).
    prev_digit: bool,
    /// Only spaces and digits were written since a line or content block began (so a `.` now
    /// could make a numbered list item).
    line_start: bool,
    /// The code block being read: its language and text.
    code_block: Option<(String, String)>,
    /// For each open link, whether it was written (unsafe and relative links are not).
    links: Vec<bool>,
    /// Footnote label → its Typst label number, once placed.
    footnotes: BTreeMap<String, usize>,
    /// Footnotes being written (so that one referring to itself does not recurse).
    rendering: Vec<String>,
}

impl Writer<'_, '_> {
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
        self.after_code = false;
        self.prev_digit = false;
        self.line_start = text.ends_with(['\n', '[', '(', ' ']);
    }

    /// Writes code that ends an embedded expression.
    fn code(&mut self, text: &str) {
        self.raw(text);
        self.after_code = true;
    }

    /// Starts a block: a blank line after the previous one.
    fn block(&mut self) {
        if self.need_break {
            self.raw("\n");
        }
        self.need_break = false;
    }

    /// Ends a block.
    fn end_block(&mut self) {
        self.raw("\n");
        self.need_break = true;
    }

    /// Opens a content block or argument list: what follows starts afresh.
    fn open(&mut self, text: &str) {
        self.raw(text);
        self.need_break = false;
    }

    fn text(&mut self, text: &str) {
        let mut first = true;
        for c in text.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c };
            let escape = match c {
                '\\' | '#' | '*' | '_' | '$' | '@' | '<' | '>' | '[' | ']' | '`' | '~' | '=' | '-' | '+' | '/' => true,
                '.' => (self.prev_digit && self.line_start) || (first && self.after_code),
                '(' | ';' => first && self.after_code,
                _ => false,
            };
            if escape {
                self.out.push('\\');
            }
            self.out.push(c);
            self.prev_digit = c.is_ascii_digit();
            self.line_start = self.line_start && (c.is_ascii_digit() || c == ' ');
            self.after_code = false;
            first = false;
        }
    }

    fn pieces(&mut self, pieces: &[Piece<'_>], in_note: bool) {
        for piece in pieces {
            match piece {
                Piece::Cite(references) => {
                    if in_note {
                        self.cite(references);
                    } else {
                        // The note mark follows the word: "text¹", not "text ¹"; but the space
                        // after a heading's `==` stays (without it the line is no heading).
                        let trimmed = self.out.trim_end_matches(' ').len();
                        let line = &self.out[..trimmed];
                        let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
                        let heading_marker = !line.is_empty() && line.chars().all(|c| c == '=');
                        if !heading_marker {
                            self.out.truncate(trimmed);
                        }
                        self.open("#footnote[");
                        self.cite(references);
                        self.code("]");
                    }
                }
                Piece::Note(label) => self.note(label),
                Piece::Figure(embed) => self.figure(embed),
                Piece::Event(event) => self.event(event),
            }
        }
    }

    /// An embedded figure: a block of its own.
    fn figure(&mut self, embed: &super::Embed) {
        self.block();
        let (file, alt, credit) = match self.resolver.figure(embed) {
            Some(placed) => (string(&placed.file), string(&placed.alt), placed.credit),
            None => ("none".to_string(), string(&format!("nmp:{}", embed.key)), String::new()),
        };
        self.open(&format!("#essay-figure({file}, {alt}, ["));
        self.text(&embed.caption);
        self.open("], [");
        self.text(&credit);
        self.code("])");
        self.end_block();
    }

    /// A citation group's text: items joined by `; `, linked when they have a page.
    fn cite(&mut self, references: &[Reference]) {
        for (i, reference) in references.iter().enumerate() {
            if i > 0 {
                self.text("; ");
            }
            match self.resolver.cite(reference) {
                Some(cited) => match cited.href {
                    Some(href) if absolute_url(&href) => {
                        self.open(&format!("#link({})[", string(&href)));
                        self.text(&cited.text);
                        self.code("]");
                    }
                    _ => self.text(&cited.text),
                },
                None => self.text(&unresolved_text(reference)),
            }
        }
    }

    fn note(&mut self, label: &str) {
        if let Some(n) = self.footnotes.get(label) {
            let n = *n;
            self.code(&format!("#footnote(<essay-fn-{n}>)"));
            return;
        }
        let Some(definition) = self.parsed.definitions.get(label) else {
            self.text(&format!("[^{label}]"));
            return;
        };
        if self.rendering.iter().any(|l| l == label) {
            return;
        }
        let n = self.footnotes.len() + 1;
        self.footnotes.insert(label.to_string(), n);
        self.rendering.push(label.to_string());
        let need_break = self.need_break;
        self.open("#footnote[");
        self.pieces(&definition.pieces, true);
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.code(&format!("] <essay-fn-{n}>"));
        self.need_break = need_break;
        self.rendering.pop();
    }

    fn event(&mut self, event: &Event<'_>) {
        if let Some((lang, code)) = &mut self.code_block {
            match event {
                Event::Text(text) => code.push_str(text),
                Event::End(TagEnd::CodeBlock) => {
                    let lang = std::mem::take(lang);
                    let mut code = std::mem::take(code);
                    self.code_block = None;
                    if code.ends_with('\n') {
                        code.pop();
                    }
                    let lang = if lang.is_empty() {
                        String::new()
                    } else {
                        format!("lang: {}, ", string(&lang))
                    };
                    self.code(&format!("#raw(block: true, {lang}{})", string(&code)));
                    self.end_block();
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(text),
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                self.code(&format!("#raw({})", string(code)))
            }
            Event::Html(html) | Event::InlineHtml(html) => self.text(html),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.code("#linebreak()"),
            Event::Rule => {
                self.block();
                self.code("#line(length: 100%)");
                self.end_block();
            }
            Event::TaskListMarker(done) => self.text(if *done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]")),
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.block(),
            Tag::Heading { level, .. } => {
                self.block();
                let depth = (heading_depth(*level) + 1).min(6);
                self.raw(&format!("{} ", "=".repeat(depth)));
                self.need_break = false;
            }
            Tag::BlockQuote(_) => {
                self.block();
                self.open("#quote(block: true)[\n");
            }
            Tag::CodeBlock(kind) => {
                self.block();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or_default().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code_block = Some((lang, String::new()));
            }
            Tag::List(start) => {
                self.block();
                if !self.out.is_empty() && !self.out.ends_with(['\n', '[']) {
                    self.raw("\n");
                }
                match start {
                    Some(n) => self.open(&format!("#enum(start: {n},\n")),
                    None => self.open("#list(\n"),
                }
            }
            Tag::Item => self.open("  ["),
            Tag::Table(alignments) => {
                self.block();
                let align: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        Alignment::None => "auto",
                        Alignment::Left => "left",
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                    })
                    .collect();
                let mut head = format!("#table(\n  columns: {},\n", alignments.len().max(1));
                if alignments.iter().any(|a| *a != Alignment::None) {
                    let _ = writeln!(head, "  align: ({},),", align.join(", "));
                }
                self.open(&head);
            }
            Tag::TableHead => self.open("  table.header("),
            Tag::TableRow => self.open("  "),
            Tag::TableCell => self.open("["),
            Tag::Emphasis => self.open("#emph["),
            Tag::Strong => self.open("#strong["),
            Tag::Strikethrough => self.open("#strike["),
            Tag::Superscript => self.open("#super["),
            Tag::Subscript => self.open("#sub["),
            Tag::Link { dest_url, .. } => {
                let keep = absolute_url(dest_url);
                if keep {
                    self.open(&format!("#link({})[", string(dest_url)));
                }
                self.links.push(keep);
            }
            Tag::Image { .. } => {}
            Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {}
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => self.block(),
        }
    }

    fn end(&mut self, tag: &TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::Heading(_) => self.end_block(),
            TagEnd::BlockQuote(_) => {
                self.trim();
                self.code("\n]");
                self.end_block();
            }
            TagEnd::CodeBlock => {}
            TagEnd::List(_) => {
                self.code(")");
                self.end_block();
            }
            TagEnd::Item => {
                self.trim();
                self.code("],\n");
            }
            TagEnd::Table => {
                self.code(")");
                self.end_block();
            }
            TagEnd::TableHead => self.code("),\n"),
            TagEnd::TableRow => self.code("\n"),
            TagEnd::TableCell => self.code("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {
                self.code("]")
            }
            TagEnd::Link => {
                if self.links.pop().unwrap_or(false) {
                    self.code("]");
                }
            }
            TagEnd::Image => {}
            TagEnd::FootnoteDefinition | TagEnd::MetadataBlock(_) => {}
            TagEnd::DefinitionList | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => self.end_block(),
        }
    }

    /// Drops trailing whitespace (before closing a content block).
    fn trim(&mut self) {
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
    }
}

/// The Markdown heading's depth, 1 to 6.
fn heading_depth(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a link is kept in the PDF: an absolute `http(s):` or `mailto:` URL (a relative link
/// means nothing on paper).
fn absolute_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    safe_url(url) && (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
}

/// A Typst string literal.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
