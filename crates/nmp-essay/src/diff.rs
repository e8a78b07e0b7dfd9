//! What changed between two versions of an essay: a line diff (the `similar` crate, patience
//! algorithm) with the changed words marked inside lines that were replaced, and the diff as an
//! HTML table.
//!
//! Long unchanged stretches are collapsed: [`diff`] keeps [`CONTEXT`] unchanged lines around
//! each change and replaces the rest of a stretch by one line tagged [`Tag::Skipped`] with the
//! number of lines it hides ([`diff_with_context`] with `None` keeps every line, and so does a
//! diff with no change: it has nothing to give context to).

use std::fmt::Write as _;

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

/// How many unchanged lines [`diff`] keeps before and after each change.
pub const CONTEXT: usize = 3;

/// Below this similarity (0 to 1) two paired lines are shown as wholly deleted and inserted,
/// without marking words: marks over most of a line say less than none.
const WORD_DIFF_MIN_RATIO: f32 = 0.4;

/// What a line of the diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// In both versions.
    Equal,
    /// Only in the new version.
    Insert,
    /// Only in the old version.
    Delete,
    /// This many unchanged lines, not shown (its `segments` are empty and its line numbers are
    /// those of the first hidden line).
    Skipped(usize),
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// What the line is.
    pub tag: Tag,
    /// Its number in the old version (1-based), if it is there.
    pub old_line: Option<usize>,
    /// Its number in the new version (1-based), if it is there.
    pub new_line: Option<usize>,
    /// The line's text (without its line break) in pieces; `true` marks the words that changed
    /// within a line that was replaced. A wholly inserted or deleted line has no marked piece.
    pub segments: Vec<(bool, String)>,
}

/// The difference between two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// The lines, in order.
    pub lines: Vec<DiffLine>,
    /// How many lines were inserted.
    pub inserted: usize,
    /// How many lines were deleted.
    pub deleted: usize,
}

/// The diff of two texts by line, with [`CONTEXT`] unchanged lines around changes.
pub fn diff(old: &str, new: &str) -> Diff {
    diff_with_context(old, new, Some(CONTEXT))
}

/// The diff of two texts by line; with `Some(n)`, unchanged stretches longer than needed for
/// `n` lines of context are collapsed into [`Tag::Skipped`] lines; with `None` every line is kept.
pub fn diff_with_context(old: &str, new: &str, context: Option<usize>) -> Diff {
    let text_diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old, new);
    let old_lines: Vec<&str> = text_diff.old_slices().iter().map(|l| strip(l)).collect();
    let new_lines: Vec<&str> = text_diff.new_slices().iter().map(|l| strip(l)).collect();
    let mut lines = Vec::new();
    let (mut inserted, mut deleted) = (0, 0);
    for op in text_diff.ops() {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    lines.push(DiffLine {
                        tag: Tag::Equal,
                        old_line: Some(old_index + i + 1),
                        new_line: Some(new_index + i + 1),
                        segments: vec![(false, old_lines[old_index + i].to_string())],
                    });
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                deleted += old_len;
                for (i, line) in old_lines.iter().enumerate().skip(old_index).take(old_len) {
                    lines.push(whole(Tag::Delete, Some(i + 1), None, line));
                }
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                inserted += new_len;
                for (i, line) in new_lines.iter().enumerate().skip(new_index).take(new_len) {
                    lines.push(whole(Tag::Insert, None, Some(i + 1), line));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                deleted += old_len;
                inserted += new_len;
                let paired = old_len.min(new_len);
                let mut old_marked = Vec::new();
                let mut new_marked = Vec::new();
                for i in 0..paired {
                    let (o, n) = words(old_lines[old_index + i], new_lines[new_index + i]);
                    old_marked.push(o);
                    new_marked.push(n);
                }
                for i in 0..old_len {
                    let segments = old_marked
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| vec![(false, old_lines[old_index + i].to_string())]);
                    lines.push(DiffLine {
                        tag: Tag::Delete,
                        old_line: Some(old_index + i + 1),
                        new_line: None,
                        segments,
                    });
                }
                for i in 0..new_len {
                    let segments = new_marked
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| vec![(false, new_lines[new_index + i].to_string())]);
                    lines.push(DiffLine {
                        tag: Tag::Insert,
                        old_line: None,
                        new_line: Some(new_index + i + 1),
                        segments,
                    });
                }
            }
        }
    }
    let lines = match context {
        Some(context) if inserted + deleted > 0 => collapse(lines, context),
        _ => lines,
    };
    Diff {
        lines,
        inserted,
        deleted,
    }
}

/// A line without its line break.
fn strip(line: &str) -> &str {
    line.strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(line)
}

/// A wholly inserted or deleted line.
fn whole(tag: Tag, old_line: Option<usize>, new_line: Option<usize>, text: &str) -> DiffLine {
    DiffLine {
        tag,
        old_line,
        new_line,
        segments: vec![(false, text.to_string())],
    }
}

/// A line in pieces, `true` marking changed words.
type Marked = Vec<(bool, String)>;

/// The old and new line in pieces, the words that changed marked (none if the lines have too
/// little in common).
fn words(old: &str, new: &str) -> (Marked, Marked) {
    let word_diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    if word_diff.ratio() < WORD_DIFF_MIN_RATIO {
        return (vec![(false, old.to_string())], vec![(false, new.to_string())]);
    }
    let mut old_segments: Marked = Vec::new();
    let mut new_segments: Marked = Vec::new();
    for change in word_diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut old_segments, false, value);
                push(&mut new_segments, false, value);
            }
            ChangeTag::Delete => push(&mut old_segments, true, value),
            ChangeTag::Insert => push(&mut new_segments, true, value),
        }
    }
    (old_segments, new_segments)
}

/// Appends a piece, joined to the last one if marked the same (whitespace alone between two
/// marked pieces is marked too, so that a changed phrase is one mark).
fn push(segments: &mut Marked, marked: bool, value: &str) {
    if let Some(last) = segments.last_mut()
        && last.0 == marked
    {
        last.1.push_str(value);
        return;
    }
    segments.push((marked, value.to_string()));
    // Join "changed, space, changed" into one mark.
    let n = segments.len();
    if marked && n >= 3 && segments[n - 3].0 && !segments[n - 2].0 && segments[n - 2].1.chars().all(char::is_whitespace)
    {
        let last = segments.pop().map(|s| s.1).unwrap_or_default();
        let space = segments.pop().map(|s| s.1).unwrap_or_default();
        if let Some(prev) = segments.last_mut() {
            prev.1.push_str(&space);
            prev.1.push_str(&last);
        }
    }
}

/// Keeps `context` unchanged lines around changes, replacing the rest of each unchanged stretch
/// by one [`Tag::Skipped`] line.
fn collapse(lines: Vec<DiffLine>, context: usize) -> Vec<DiffLine> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if lines[i].tag != Tag::Equal {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].tag == Tag::Equal {
            i += 1;
        }
        let end = i; // exclusive
        let keep_before = if start == 0 { 0 } else { context };
        let keep_after = if end == lines.len() { 0 } else { context };
        let len = end - start;
        // Hiding a single line saves nothing: the skip marker takes its place.
        if len <= keep_before + keep_after + 1 {
            out.extend_from_slice(&lines[start..end]);
            continue;
        }
        out.extend_from_slice(&lines[start..start + keep_before]);
        let first_hidden = &lines[start + keep_before];
        out.push(DiffLine {
            tag: Tag::Skipped(len - keep_before - keep_after),
            old_line: first_hidden.old_line,
            new_line: first_hidden.new_line,
            segments: Vec::new(),
        });
        out.extend_from_slice(&lines[end - keep_after..end]);
    }
    out
}

impl Diff {
    /// Whether the two texts have the same lines (line breaks aside).
    pub fn unchanged(&self) -> bool {
        self.inserted == 0 && self.deleted == 0
    }

    /// The diff as `<table class="diff">`: one row per line, with its old and new line numbers,
    /// `class="equal"`, `"insert"`, `"delete"` or `"skipped"`; a wholly inserted (deleted)
    /// line's text is in `<ins>` (`<del>`), a replaced line's changed words are. A skipped row
    /// is one cell `⋯` with the number of hidden lines in `data-lines`. All text is escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<table class=\"diff\">\n<tbody>\n");
        for line in &self.lines {
            let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            let (class, mark) = match line.tag {
                Tag::Equal => ("equal", None),
                Tag::Insert => ("insert", Some("ins")),
                Tag::Delete => ("delete", Some("del")),
                Tag::Skipped(n) => {
                    let _ = writeln!(
                        out,
                        "<tr class=\"skipped\"><td colspan=\"3\" data-lines=\"{n}\">⋯</td></tr>"
                    );
                    continue;
                }
            };
            let _ = write!(
                out,
                "<tr class=\"{class}\"><td class=\"old\">{}</td><td class=\"new\">{}</td><td class=\"text\">",
                number(line.old_line),
                number(line.new_line)
            );
            let any_marked = line.segments.iter().any(|s| s.0);
            match mark {
                Some(mark) if !any_marked => {
                    let text: String = line.segments.iter().map(|s| s.1.as_str()).collect();
                    let _ = write!(out, "<{mark}>{}</{mark}>", escape(&text));
                }
                _ => {
                    for (marked, text) in &line.segments {
                        match mark {
                            Some(mark) if *marked => {
                                let _ = write!(out, "<{mark}>{}</{mark}>", escape(text));
                            }
                            _ => out.push_str(&escape(text)),
                        }
                    }
                }
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

/// Text escaped for HTML content and attributes.
fn escape(text: &str) -> String {
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
