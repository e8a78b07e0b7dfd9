//! Reading an essay once into what every output uses: pulldown-cmark's events, with each
//! paragraph's adjacent text (and soft line breaks) merged so that a citation split across
//! text events is still found, citation groups and footnote references taken out as pieces of
//! their own, embedded figures (`![Caption](nmp:…)`, see [`super::figure`]) taken out as blocks
//! of their own, footnote definitions set apart, and the problems with their lines.

use std::collections::BTreeMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::figure::{Embed, FigureKey};
use super::{MarkdownProblem, RecordKind, RefKey, Reference};

/// The Markdown extensions an essay may use.
pub(crate) fn options() -> Options {
    Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A piece of an essay.
#[derive(Debug, Clone)]
pub(crate) enum Piece<'a> {
    /// A Markdown event (never a footnote reference, never a footnote definition).
    Event(Event<'a>),
    /// A citation group, its items in order.
    Cite(Vec<Reference>),
    /// A reference to a defined footnote, by its normalised label.
    Note(String),
    /// An embedded figure, in place of its paragraph (or, refused with a problem, within the
    /// text).
    Figure(Embed),
}

/// An author footnote's definition.
#[derive(Debug, Clone)]
pub(crate) struct Definition<'a> {
    /// Its content.
    pub pieces: Vec<Piece<'a>>,
}

/// An essay read once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed<'a> {
    /// The text outside footnote definitions.
    pub body: Vec<Piece<'a>>,
    /// Footnote definitions by normalised label (the first, if defined twice).
    pub definitions: BTreeMap<String, Definition<'a>>,
    /// Every reference, in the order of the source.
    pub references: Vec<Reference>,
    /// Every embedded figure with a valid key, in the order of the source.
    pub figures: Vec<Embed>,
    /// Every problem, by line.
    pub problems: Vec<MarkdownProblem>,
}

/// A footnote label as matched (GFM matches labels without regard to case).
pub(crate) fn normalise_label(label: &str) -> String {
    label.to_lowercase()
}

/// A run of text waiting to be scanned for citations.
struct Segment {
    text: String,
    /// Where it starts in the source.
    start: usize,
    /// Whether the source holds exactly this text (no escape or entity), so that its `[` may
    /// open a citation.
    verbatim: bool,
}

/// Line numbers from byte offsets.
struct Lines(Vec<usize>);

impl Lines {
    fn new(source: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

struct State<'a> {
    source: &'a str,
    lines: Lines,
    parsed: Parsed<'a>,
    pending: Vec<Segment>,
    /// The definition being read: its label, line and pieces.
    definition: Option<(String, usize, Vec<Piece<'a>>)>,
    /// Footnote labels referenced, with the line of the first reference.
    referenced: BTreeMap<String, usize>,
    /// Lines where each label is defined.
    defined: BTreeMap<String, usize>,
    code_depth: usize,
    link_depth: usize,
    /// The figure being read (between its image's start and end).
    embed: Option<Reading>,
    /// A figure just ended that stands alone so far: its line (its paragraph must end next).
    after_embed: Option<usize>,
}

/// A figure being read.
struct Reading {
    /// Its key, or what is wrong with it.
    key: Result<FigureKey, String>,
    /// The address as written.
    dest: String,
    line: usize,
    caption: String,
    /// Whether it opens its paragraph (the paragraph's start was taken out).
    alone: bool,
}

/// Reads an essay.
pub(crate) fn parse(source: &str) -> Parsed<'_> {
    let mut state = State {
        source,
        lines: Lines::new(source),
        parsed: Parsed::default(),
        pending: Vec::new(),
        definition: None,
        referenced: BTreeMap::new(),
        defined: BTreeMap::new(),
        code_depth: 0,
        link_depth: 0,
        embed: None,
        after_embed: None,
    };
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        if let Some(reading) = &mut state.embed {
            match event {
                Event::Text(text) | Event::Code(text) => reading.caption.push_str(&text),
                Event::SoftBreak | Event::HardBreak => reading.caption.push(' '),
                Event::End(TagEnd::Image) => state.end_embed(),
                _ => {}
            }
            continue;
        }
        if let Some(line) = state.after_embed.take() {
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                continue;
            }
            state.not_alone(line);
            // The paragraph goes on: its start goes back before the figure.
            let target = state.target();
            let at = target.len().saturating_sub(1);
            target.insert(at, Piece::Event(Event::Start(Tag::Paragraph)));
        }
        match event {
            Event::Text(text) if state.code_depth == 0 => {
                let verbatim = source.get(range.clone()) == Some(text.as_ref());
                state.pending.push(Segment {
                    text: text.to_string(),
                    start: range.start,
                    verbatim,
                });
            }
            Event::SoftBreak => state.pending.push(Segment {
                text: "\n".to_string(),
                start: range.start,
                verbatim: false,
            }),
            event => {
                state.flush();
                state.event(event, range.start);
            }
        }
    }
    state.flush();
    state.finish()
}

impl<'a> State<'a> {
    /// Where pieces go now: the footnote being defined, or the body.
    fn target(&mut self) -> &mut Vec<Piece<'a>> {
        match &mut self.definition {
            Some((_, _, pieces)) => pieces,
            None => &mut self.parsed.body,
        }
    }

    fn push(&mut self, piece: Piece<'a>) {
        self.target().push(piece);
    }

    /// Starts reading a figure embedded as an image with an `nmp:` address.
    fn start_embed(&mut self, dest: &str, line: usize) {
        let key = FigureKey::parse(&dest["nmp:".len()..]);
        let in_paragraph = matches!(self.target().last(), Some(Piece::Event(Event::Start(Tag::Paragraph))));
        let alone = in_paragraph && self.definition.is_none() && self.link_depth == 0;
        if alone {
            self.target().pop();
        }
        self.embed = Some(Reading {
            key,
            dest: dest.to_string(),
            line,
            caption: String::new(),
            alone,
        });
    }

    /// Ends the figure being read.
    fn end_embed(&mut self) {
        let Some(reading) = self.embed.take() else {
            return;
        };
        let caption = reading.caption.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = format!("![{caption}]({})", reading.dest);
        let key = match reading.key {
            Ok(key) => Some(key),
            Err(message) => {
                self.problem(reading.line, format!("{shown} is not a figure NMP can draw: {message}"));
                None
            }
        };
        if caption.is_empty() {
            self.problem(
                reading.line,
                format!(
                    "the figure {shown} has no caption: write it between the brackets, like ![States with a \
                     national mechanism, 2024]({})",
                    reading.dest
                ),
            );
        }
        if self.definition.is_some() {
            self.problem(
                reading.line,
                format!("{shown} is in a footnote; a figure goes in the text"),
            );
        } else if self.link_depth > 0 {
            self.problem(
                reading.line,
                format!("{shown} is inside a link; a figure cannot be a link"),
            );
        } else if !reading.alone {
            self.not_alone(reading.line);
        }
        let Some(key) = key else {
            if reading.alone {
                // Nothing to show: the paragraph's end, which follows, is dropped like its start.
                self.after_embed = None;
                self.push(Piece::Event(Event::Start(Tag::Paragraph)));
            }
            return;
        };
        let embed = Embed {
            key,
            caption,
            number: self.parsed.figures.len() + 1,
            line: reading.line,
        };
        self.parsed.figures.push(embed.clone());
        self.push(Piece::Figure(embed));
        if reading.alone {
            self.after_embed = Some(reading.line);
        }
    }

    /// The problem of a figure that shares its paragraph with text.
    fn not_alone(&mut self, line: usize) {
        self.problem(
            line,
            "a figure (![Caption](nmp:…)) must be a paragraph of its own: leave a blank line before and \
             after it"
                .to_string(),
        );
    }

    fn problem(&mut self, line: usize, message: String) {
        self.parsed.problems.push(MarkdownProblem { line, message });
    }

    fn event(&mut self, event: Event<'a>, offset: usize) {
        let line = self.lines.line(offset);
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.definition = Some((normalise_label(&label), line, Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, line, pieces)) = self.definition.take() {
                    if let Some(first) = self.defined.get(&label) {
                        let message = format!("footnote [^{label}] is defined twice (first on line {first})");
                        self.problem(line, message);
                    } else {
                        self.defined.insert(label.clone(), line);
                        self.parsed.definitions.insert(label, Definition { pieces });
                    }
                }
            }
            Event::FootnoteReference(label) => {
                let label = normalise_label(&label);
                self.referenced.entry(label.clone()).or_insert(line);
                self.push(Piece::Note(label));
            }
            Event::Start(Tag::Image { dest_url, .. })
                if self.code_depth == 0 && dest_url.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("nmp:")) =>
            {
                self.start_embed(&dest_url, line);
            }
            event => {
                match &event {
                    Event::Start(Tag::CodeBlock(_)) => self.code_depth += 1,
                    Event::End(TagEnd::CodeBlock) => self.code_depth = self.code_depth.saturating_sub(1),
                    Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.link_depth += 1,
                    Event::End(TagEnd::Link | TagEnd::Image) => self.link_depth = self.link_depth.saturating_sub(1),
                    _ => {}
                }
                self.push(Piece::Event(event));
            }
        }
    }

    /// Scans the pending text for citation groups and undefined footnote references, and
    /// pushes it as text and citation pieces.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let segments = std::mem::take(&mut self.pending);
        let mut merged = String::new();
        // (start in `merged`, segment index)
        let mut starts = Vec::with_capacity(segments.len());
        for (i, segment) in segments.iter().enumerate() {
            starts.push((merged.len(), i));
            merged.push_str(&segment.text);
        }
        // The segment holding byte `at` of `merged`, and the source offset of that byte.
        let locate = |at: usize| -> (bool, usize) {
            let index = starts.partition_point(|&(start, _)| start <= at).max(1) - 1;
            let (start, i) = starts[index];
            let segment = &segments[i];
            if segment.verbatim {
                (true, segment.start + (at - start))
            } else {
                (false, segment.start)
            }
        };
        let mut text = String::new();
        let mut i = 0;
        while let Some(found) = merged[i..].find('[') {
            let open = i + found;
            text.push_str(&merged[i..open]);
            let (verbatim, offset) = locate(open);
            // `\[` is an escaped bracket (pulldown-cmark gives its text without the backslash).
            let backslashes = self
                .source
                .get(..offset)
                .unwrap_or_default()
                .bytes()
                .rev()
                .take_while(|&b| b == b'\\')
                .count();
            let verbatim = verbatim && backslashes % 2 == 0;
            let rest = &merged[open + 1..];
            let line = self.lines.line(offset);
            if verbatim && rest.starts_with('@') {
                let close = rest.find(['[', ']']).filter(|&i| rest[i..].starts_with(']'));
                let Some(close) = close else {
                    let shown: String = rest
                        .chars()
                        .take_while(|&c| c != '[')
                        .take(40)
                        .collect::<String>()
                        .replace('\n', " ");
                    self.problem(
                        line,
                        format!(
                            "the citation \"[{shown}\" has no closing \"]\" (a citation is \
                             written on plain text, like [@source-slug, p. 4])"
                        ),
                    );
                    text.push('[');
                    i = open + 1;
                    continue;
                };
                let inner = &rest[..close];
                let raw = &merged[open..open + close + 2];
                i = open + close + 2;
                if self.link_depth > 0 {
                    self.problem(
                        line,
                        format!(
                            "{} is inside a link's text; put the citation outside the link",
                            raw.replace('\n', " ")
                        ),
                    );
                    text.push_str(raw);
                    continue;
                }
                match parse_group(inner, line) {
                    Ok(references) => {
                        if !text.is_empty() {
                            let done = std::mem::take(&mut text);
                            self.push(Piece::Event(Event::Text(CowStr::from(done))));
                        }
                        self.parsed.references.extend(references.iter().cloned());
                        self.push(Piece::Cite(references));
                    }
                    Err(message) => {
                        let shown = raw.replace('\n', " ");
                        self.problem(line, format!("{shown} is not a valid citation: {message}"));
                        text.push_str(raw);
                    }
                }
            } else {
                if verbatim
                    && rest.starts_with('^')
                    && let Some(close) = rest.find(']')
                {
                    let label = &rest[1..close];
                    if !label.is_empty() && !label.contains(|c: char| c.is_whitespace() || c == '[') {
                        let message = format!("footnote [^{label}] has no definition");
                        self.problem(line, message);
                    }
                }
                text.push('[');
                i = open + 1;
            }
        }
        text.push_str(&merged[i..]);
        if !text.is_empty() {
            self.push(Piece::Event(Event::Text(CowStr::from(text))));
        }
    }

    fn finish(mut self) -> Parsed<'a> {
        let unused: Vec<(String, usize)> = self
            .defined
            .iter()
            .filter(|(label, _)| !self.referenced.contains_key(*label))
            .map(|(label, line)| (label.clone(), *line))
            .collect();
        for (label, line) in unused {
            self.problem(line, format!("footnote [^{label}] is defined but never referenced"));
        }
        self.parsed.problems.sort_by_key(|p| p.line);
        self.parsed
    }
}

/// The items of a citation group's text (between the brackets), or what is wrong with it.
pub(crate) fn parse_group(inner: &str, line: usize) -> Result<Vec<Reference>, String> {
    let mut references = Vec::new();
    for item in inner.split(';') {
        let item = item.trim();
        let Some(after) = item.strip_prefix('@') else {
            return Err(if item.is_empty() {
                "an item is empty (items are separated by \";\")".to_string()
            } else {
                format!("the item {item:?} does not start with @")
            });
        };
        let key_end = after
            .find(|c: char| c == ',' || c.is_whitespace())
            .unwrap_or(after.len());
        let key = parse_key(&after[..key_end])?;
        let rest = after[key_end..].trim_start();
        let locator = if rest.is_empty() {
            None
        } else if let Some(locator) = rest.strip_prefix(',') {
            let locator = locator.split_whitespace().collect::<Vec<_>>().join(" ");
            if locator.is_empty() {
                return Err(format!(
                    "nothing follows the comma after @{key} (write a locator like \"p. 4\", or no comma)"
                ));
            }
            Some(locator)
        } else {
            return Err(format!(
                "{rest:?} follows @{key}; a locator comes after a comma, like [@{key}, p. 4]"
            ));
        };
        references.push(Reference { key, locator, line });
    }
    Ok(references)
}

/// A key as written after `@`.
pub(crate) fn parse_key(text: &str) -> Result<RefKey, String> {
    if text.is_empty() {
        return Err("no key follows @".to_string());
    }
    if let Some((kind, key)) = text.split_once(':') {
        let kinds: Vec<&str> = RecordKind::ALL.iter().map(|k| k.code()).collect();
        let Some(kind) = RecordKind::parse(kind) else {
            return Err(format!(
                "{kind:?} is not a kind of record NMP cites (the kinds are {})",
                kinds.join(", ")
            ));
        };
        if key.is_empty() {
            return Err(format!("no key follows \"{kind}:\""));
        }
        if let Some(bad) = key
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '/')))
        {
            return Err(format!(
                "the {kind} key {key:?} holds {bad:?} (keys are letters, digits, \"-\", \".\", \"_\" and \"/\")"
            ));
        }
        return Ok(RefKey::Record {
            kind,
            key: key.to_string(),
        });
    }
    if let Some(bad) = text
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_')))
    {
        return Err(format!(
            "the source key {text:?} holds {bad:?} (source keys are lowercase letters, digits, \"-\", \".\" and \"_\")"
        ));
    }
    Ok(RefKey::Source(text.to_string()))
}
