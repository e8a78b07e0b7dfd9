//! An essay as HTML for a page that holds it under its own `<h1>`: headings one level down,
//! raw HTML escaped, unsafe links dropped, citations and author footnotes numbered together as
//! superscript links to one list of notes at the end.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::parse::{Parsed, Piece, parse};
use super::{Reference, Resolve};

/// What the caller may set about the HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlOptions {
    /// The heading of the list of notes (`Notes`, or its translation).
    pub notes_heading: String,
    /// The word before a figure's number (`Figure`, or its translation).
    pub figure_label: String,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            notes_heading: "Notes".to_string(),
            figure_label: "Figure".to_string(),
        }
    }
}

/// The essay as HTML with the default options (notes headed `Notes`).
pub fn to_html(markdown: &str, resolver: &dyn Resolve) -> String {
    to_html_with(markdown, resolver, &HtmlOptions::default())
}

/// The essay as HTML. Each citation group is `<sup class="cite"><a href="#essay-note-N"
/// id="essay-cite-N">N</a></sup>` (spaces before it dropped, as pandoc does for notes); an author footnote's reference is the same with
/// `class="cite footnote"` (a footnote referenced again links with `id="essay-cite-N-2"`, …).
/// The notes follow in `<section class="essay-notes">`, each `<li id="essay-note-N">` ending
/// with a `↩` link back to its first reference. An embedded figure is `<figure
/// class="essay-figure" id="essay-figure-N">`: the drawing (the SVG written in, or an `<img>`
/// when the resolver gives an address), then `<figcaption>` with `Figure N.`, the caption and
/// the credit; a figure the resolver cannot draw shows its key in its place. Problems [`super::references`] reports do not
/// stop the rendering: a malformed citation stays as text, an unresolved one shows its key.
pub fn to_html_with(markdown: &str, resolver: &dyn Resolve, options: &HtmlOptions) -> String {
    let parsed = parse(markdown);
    let mut notes = Notes::default();
    let body = render(&parsed, &parsed.body, resolver, &mut notes, false, options);
    let mut out = body;
    if notes.list.is_empty() {
        return out;
    }
    let mut items = String::new();
    // Rendering a footnote may number further footnotes it references: walk by index.
    let mut n = 0;
    while n < notes.list.len() {
        let number = n + 1;
        let content = match notes.list[n].clone() {
            Note::Cite(references) => {
                let mut content = cite_html(&references, resolver);
                content.push(' ');
                content.push_str(&back_link(number));
                content
            }
            Note::Footnote(label) => {
                let pieces = parsed
                    .definitions
                    .get(&label)
                    .map(|d| d.pieces.as_slice())
                    .unwrap_or_default();
                let html = render(&parsed, pieces, resolver, &mut notes, true, options);
                let back = back_link(number);
                let trimmed = html.trim_end();
                match trimmed.strip_suffix("</p>") {
                    Some(head) => format!("{head} {back}</p>"),
                    None => format!("{trimmed} {back}"),
                }
            }
        };
        let _ = writeln!(items, "<li id=\"essay-note-{number}\">{content}</li>");
        n += 1;
    }
    let _ = write!(
        out,
        "<section class=\"essay-notes\">\n<h2>{}</h2>\n<ol>\n{items}</ol>\n</section>\n",
        escape(&options.notes_heading)
    );
    out
}

/// A note in the list.
#[derive(Debug, Clone)]
enum Note {
    Cite(Vec<Reference>),
    Footnote(String),
}

/// The notes numbered so far.
#[derive(Debug, Default)]
struct Notes {
    list: Vec<Note>,
    /// Footnote label → (number, references so far).
    footnotes: BTreeMap<String, (usize, usize)>,
}

/// The back link of note `number` to its first reference.
fn back_link(number: usize) -> String {
    format!("<a href=\"#essay-cite-{number}\" class=\"essay-back\" role=\"doc-backlink\">↩</a>")
}

/// Pieces as HTML; `in_note` renders citations in the text rather than as notes.
fn render(
    parsed: &Parsed<'_>,
    pieces: &[Piece<'_>],
    resolver: &dyn Resolve,
    notes: &mut Notes,
    in_note: bool,
    options: &HtmlOptions,
) -> String {
    let mut events: Vec<Event<'_>> = Vec::with_capacity(pieces.len());
    // For each open link or image, whether it was kept.
    let mut links: Vec<bool> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Cite(references) => {
                if in_note {
                    events.push(Event::InlineHtml(cite_html(references, resolver).into()));
                } else {
                    // The note mark follows the word: "text¹", not "text ¹".
                    if let Some(Event::Text(text)) = events.last_mut() {
                        let trimmed = text.trim_end().to_string();
                        if trimmed.is_empty() {
                            events.pop();
                        } else {
                            *text = trimmed.into();
                        }
                    }
                    notes.list.push(Note::Cite(references.clone()));
                    let n = notes.list.len();
                    events.push(Event::InlineHtml(
                        format!("<sup class=\"cite\"><a href=\"#essay-note-{n}\" id=\"essay-cite-{n}\">{n}</a></sup>")
                            .into(),
                    ));
                }
            }
            Piece::Note(label) => {
                if !parsed.definitions.contains_key(label) {
                    events.push(Event::Text(format!("[^{label}]").into()));
                    continue;
                }
                let (n, seen) = match notes.footnotes.get_mut(label) {
                    Some((n, seen)) => {
                        *seen += 1;
                        (*n, *seen)
                    }
                    None => {
                        notes.list.push(Note::Footnote(label.clone()));
                        let n = notes.list.len();
                        notes.footnotes.insert(label.clone(), (n, 1));
                        (n, 1)
                    }
                };
                let id = if seen == 1 {
                    format!("essay-cite-{n}")
                } else {
                    format!("essay-cite-{n}-{seen}")
                };
                events.push(Event::InlineHtml(
                    format!("<sup class=\"cite footnote\"><a href=\"#essay-note-{n}\" id=\"{id}\">{n}</a></sup>")
                        .into(),
                ));
            }
            Piece::Figure(embed) => events.push(Event::Html(figure_html(embed, resolver, options).into())),
            Piece::Event(event) => match event {
                Event::Start(Tag::Heading { level, .. }) => events.push(Event::Start(Tag::Heading {
                    level: shift(*level),
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })),
                Event::End(TagEnd::Heading(level)) => events.push(Event::End(TagEnd::Heading(shift(*level)))),
                Event::Html(html) | Event::InlineHtml(html) => events.push(Event::Text(html.clone())),
                Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
                Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    let keep = safe_url(dest_url);
                    links.push(keep);
                    if keep {
                        events.push(event.clone());
                    }
                }
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if links.pop().unwrap_or(false) {
                        events.push(event.clone());
                    }
                }
                Event::InlineMath(text) | Event::DisplayMath(text) => events.push(Event::Code(text.clone())),
                Event::FootnoteReference(label) => events.push(Event::Text(CowStr::from(format!("[^{label}]")))),
                Event::Start(Tag::FootnoteDefinition(_)) | Event::End(TagEnd::FootnoteDefinition) => {}
                event => events.push(event.clone()),
            },
        }
    }
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

/// An embedded figure as HTML.
fn figure_html(embed: &super::Embed, resolver: &dyn Resolve, options: &HtmlOptions) -> String {
    let n = embed.number;
    let label = format!(
        "<span class=\"essay-figure-label\">{} {n}.</span>",
        escape(&options.figure_label)
    );
    match resolver.figure(embed) {
        Some(placed) => {
            let drawing = match &placed.href {
                Some(href) if safe_url(href) => format!(
                    "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                    escape(href),
                    escape(&placed.alt)
                ),
                _ => format!("<div class=\"essay-figure-drawing\">{}</div>", placed.svg),
            };
            let credit = if placed.credit.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"essay-figure-credit\">{}</span>", escape(&placed.credit))
            };
            format!(
                "<figure class=\"essay-figure\" id=\"essay-figure-{n}\">\n{drawing}\n<figcaption>{label} {}{credit}</figcaption>\n</figure>\n",
                escape(&embed.caption)
            )
        }
        None => format!(
            "<figure class=\"essay-figure essay-figure-missing\" id=\"essay-figure-{n}\">\n<p \
             class=\"essay-figure-key\">nmp:{}</p>\n<figcaption>{label} {}</figcaption>\n</figure>\n",
            escape(&embed.key.to_string()),
            escape(&embed.caption)
        ),
    }
}

/// A citation group's note text: its items joined by `; `, each linked when it has a page.
fn cite_html(references: &[Reference], resolver: &dyn Resolve) -> String {
    let items: Vec<String> = references
        .iter()
        .map(|reference| match resolver.cite(reference) {
            Some(cited) => match cited.href {
                Some(href) if safe_url(&href) => {
                    format!("<a href=\"{}\">{}</a>", escape(&href), escape(&cited.text))
                }
                _ => escape(&cited.text),
            },
            None => escape(&unresolved_text(reference)),
        })
        .collect();
    items.join("; ")
}

/// What a note says for a reference the resolver does not know: its key and locator.
pub(crate) fn unresolved_text(reference: &Reference) -> String {
    match &reference.locator {
        Some(locator) => format!("{}, {locator}", reference.key),
        None => reference.key.to_string(),
    }
}

/// A heading one level down (`#` becomes `<h2>`; `<h6>` stays).
fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Whether a link may be kept: relative, a fragment, or `http:`, `https:` or `mailto:`
/// (browsers ignore tabs, line breaks and other control characters in a scheme, so they are
/// ignored here too).
pub(crate) fn safe_url(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Text escaped for HTML content and attributes.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
