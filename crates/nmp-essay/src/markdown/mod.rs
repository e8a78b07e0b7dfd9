//! An essay's Markdown: CommonMark with footnotes, tables and strikethrough, and citations of
//! NMP's sources and records in pandoc's bracket syntax.
//!
//! A citation group is `[@key]`, `[@key, p. 4]` or `[@a; @b, pp. 3–5]`: items separated by `;`,
//! each `@` and a key, then optionally `, ` and a locator. A bare key (`aipr-2017-report`:
//! lowercase letters, digits, `-`, `.`, `_`) cites a **source**; `kind:key` cites a **record**
//! (`[@mechanism:ken-national-committee]`, `[@country:KEN]`,
//! `[@indicator:mechanisms-established/2017]`, kinds in [`RecordKind`]). Any `[@` in the text
//! (not in code, not escaped as `\[`) starts a citation, so a malformed one is a problem rather
//! than silently text. Citations inside a link's text are refused (a link cannot hold a note).
//!
//! An essay may also embed a figure NMP draws, `![Caption](nmp:indicator/DATASET/CODE)` or
//! `![Caption](nmp:report/map)`, in a paragraph of its own (see [`figure`]).
//!
//! - [`references`] lists what an essay cites, or its problems (malformed citations, footnotes
//!   referenced but not defined or defined but not referenced, figures NMP cannot draw), each
//!   with its line; [`figures`] lists the figures it embeds;
//! - [`check`] also asks whether NMP holds each thing cited;
//! - [`to_html`] and [`to_typst`] render the essay, citations resolved by the caller's
//!   [`Resolve`]; raw HTML is shown as text, never passed through, and links other than
//!   `http(s):`, `mailto:` and relative ones are dropped (their text kept);
//! - [`plain_text`] and [`word_count`] for abstracts, search and page descriptions.
//!
//! Citations and author footnotes are numbered together, in order of first appearance. A
//! citation inside an author footnote is written in the footnote's text rather than as a note
//! of its own.

pub mod figure;
mod html;
mod parse;
mod typst;

use std::fmt;

pub use figure::{Embed, FigureKey, Placed, ReportFigure};
pub use html::{HtmlOptions, to_html, to_html_with};
pub use typst::to_typst;

use parse::{Piece, parse};

/// The kinds of record an essay may cite as `[@kind:key]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// A national mechanism for atrocity prevention (key: its slug).
    Mechanism,
    /// An initiative (key: its slug).
    Initiative,
    /// A network of mechanisms (key: its slug).
    Network,
    /// A country (key: its ISO 3166-1 alpha-3 code, `KEN`).
    Country,
    /// An organisation (key: its slug).
    Organization,
    /// An edition of the report (key: its year or slug).
    Edition,
    /// An indicator, optionally with an edition (`mechanisms-established/2017`).
    Indicator,
}

impl RecordKind {
    /// Every kind, in the order they are listed in messages.
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Mechanism,
        RecordKind::Initiative,
        RecordKind::Network,
        RecordKind::Country,
        RecordKind::Organization,
        RecordKind::Edition,
        RecordKind::Indicator,
    ];

    /// The code written before the `:` in a citation, `mechanism`.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Mechanism => "mechanism",
            RecordKind::Initiative => "initiative",
            RecordKind::Network => "network",
            RecordKind::Country => "country",
            RecordKind::Organization => "organization",
            RecordKind::Edition => "edition",
            RecordKind::Indicator => "indicator",
        }
    }

    /// The kind with this code (exactly, lowercase), if any.
    pub fn parse(code: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a citation item names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefKey {
    /// A source, by its slug.
    Source(String),
    /// A record of one of NMP's kinds, by its key.
    Record {
        /// The record's kind.
        kind: RecordKind,
        /// Its key (slug, code, or `indicator/edition`), as written.
        key: String,
    },
}

/// Written as in a citation, without the `@`: `aipr-2017-report`, `mechanism:ken-nc`.
impl fmt::Display for RefKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefKey::Source(slug) => f.write_str(slug),
            RefKey::Record { kind, key } => write!(f, "{kind}:{key}"),
        }
    }
}

/// One item of a citation group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// What is cited.
    pub key: RefKey,
    /// Where in it (`p. 4`), as written after the key's comma.
    pub locator: Option<String>,
    /// The line of the citation group (1-based).
    pub line: usize,
}

/// Written as a one-item citation: `[@key, p. 4]`.
impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.locator {
            Some(locator) => write!(f, "[@{}, {locator}]", self.key),
            None => write!(f, "[@{}]", self.key),
        }
    }
}

/// Something wrong in an essay's Markdown, at a line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct MarkdownProblem {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong, in English.
    pub message: String,
}

/// A cited item as the caller resolves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The note's text for this item, plain text with its locator:
    /// `AIPR, Annual report 2017, p. 4`.
    pub text: String,
    /// The page of the record or source, if it has one.
    pub href: Option<String>,
}

/// How the caller turns a reference into a note's text.
pub trait Resolve {
    /// The item's text and link, or `None` if it cannot be resolved (the note then shows the
    /// raw key and locator).
    fn cite(&self, reference: &Reference) -> Option<Cited>;

    /// The embedded figure as drawn, or `None` if it cannot be drawn (the output then shows its
    /// caption and key in a box saying so).
    fn figure(&self, _embed: &Embed) -> Option<Placed> {
        None
    }
}

/// A resolver that resolves nothing: every note shows its raw keys.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unresolved;

impl Resolve for Unresolved {
    fn cite(&self, _reference: &Reference) -> Option<Cited> {
        None
    }
}

/// The references an essay makes, in the order of the text, or every problem found: malformed
/// citations (`[@planet:mars]`), citations in a link's text, footnotes referenced but not
/// defined, defined but not referenced, or defined twice.
pub fn references(markdown: &str) -> Result<Vec<Reference>, Vec<MarkdownProblem>> {
    let parsed = parse(markdown);
    if parsed.problems.is_empty() {
        Ok(parsed.references)
    } else {
        Err(parsed.problems)
    }
}

/// The figures an essay embeds, in the order of the text (those with a key NMP can draw; the
/// others are among the problems [`references`] reports).
pub fn figures(markdown: &str) -> Vec<Embed> {
    parse(markdown).figures
}

/// As [`references`], and each reference must be `known` (held by NMP):
/// `line 12: [@no-such-source] cites a source NMP does not hold`.
pub fn check(markdown: &str, known: &dyn Fn(&RefKey) -> bool) -> Result<Vec<Reference>, Vec<MarkdownProblem>> {
    let parsed = parse(markdown);
    let mut problems = parsed.problems;
    for reference in &parsed.references {
        if known(&reference.key) {
            continue;
        }
        let message = match &reference.key {
            RefKey::Source(slug) => format!("[@{slug}] cites a source NMP does not hold"),
            RefKey::Record { kind, key } => {
                format!("[@{kind}:{key}] cites {kind} {key:?}, which NMP does not hold")
            }
        };
        problems.push(MarkdownProblem {
            line: reference.line,
            message,
        });
    }
    if problems.is_empty() {
        Ok(parsed.references)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// The essay's text without markup, notes or citations: blocks (paragraphs, headings, list
/// items, table rows, code blocks) separated by a blank line, spaces within a block collapsed.
/// Raw HTML is left out; images count by their alt text, figures by their caption.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let parsed = parse(markdown);
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_html = false;
    let end_block = |current: &mut String, blocks: &mut Vec<String>| {
        let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !block.is_empty() {
            blocks.push(block);
        }
        current.clear();
    };
    for piece in &parsed.body {
        let event = match piece {
            Piece::Event(event) => event,
            Piece::Figure(embed) => {
                end_block(&mut current, &mut blocks);
                current.push_str(&embed.caption);
                end_block(&mut current, &mut blocks);
                continue;
            }
            _ => continue,
        };
        match event {
            Event::Text(text) if !in_html => current.push_str(text),
            Event::Code(code) => current.push_str(code),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::HtmlBlock) => in_html = true,
            Event::End(TagEnd::HtmlBlock) => in_html = false,
            Event::End(TagEnd::TableCell) => current.push(' '),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::BlockQuote(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => end_block(&mut current, &mut blocks),
            _ => {}
        }
    }
    end_block(&mut current, &mut blocks);
    blocks.join("\n\n")
}

/// The number of words in [`plain_text`]: runs of non-space characters with at least one letter
/// or digit (so a lone dash is not a word).
pub fn word_count(markdown: &str) -> usize {
    plain_text(markdown)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
