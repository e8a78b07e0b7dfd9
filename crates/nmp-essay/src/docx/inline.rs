//! A paragraph's content as Markdown text: runs of the same formatting merged into one
//! `**...**`, `*...*` or `~~...~~` with the whitespace outside the markers, hyperlinks,
//! footnote references, hard line breaks, and Word's text escaped so that it never becomes
//! Markdown syntax or raw HTML by accident.
//!
//! One exception to the escaping: an author who types a citation in Word
//! (`[@aipr-2017, p. 4]`, `[@mechanism:slug]`, `[@a; @b, ch. 2]`) means a citation, so a
//! bracketed sequence that matches [`citation_len`]'s pattern is kept as typed.

use super::parts::Fmt;

/// A piece of a paragraph.
#[derive(Debug, Clone)]
pub(crate) enum Inline {
    /// Text as Word holds it (not yet escaped), with its formatting.
    Text(String, Fmt),
    /// A line break (`w:br`, `w:cr`).
    Break,
    /// A footnote reference, by its number.
    Note(usize),
    /// A hyperlink to a web address.
    Link(String, Vec<Inline>),
}

/// Characters that mean something in CommonMark (with GFM tables and strikethrough) anywhere
/// in a line, escaped with a backslash.
const SIGNIFICANT: &[char] = &['\\', '*', '_', '[', ']', '<', '>', '#', '`', '~', '|', '&'];

/// The length in bytes of the citation at the start of `s`, if `s` starts with one:
/// `[@key]`, `[@key, locator]`, `[@key; @key, locator]`, where a key is made of
/// `A-Z a-z 0-9 : . _ / -` and a locator of anything but brackets, line ends and the
/// characters that could make Markdown or HTML (`<`, `>`, `*`, `_`, a backtick, `\`, `&`, `|`).
pub(crate) fn citation_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let key_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b':' | b'.' | b'_' | b'/' | b'-');
    if !s.starts_with("[@") {
        return None;
    }
    let mut i = 2;
    loop {
        let start = i;
        while i < b.len() && key_byte(b[i]) {
            i += 1;
        }
        if i == start {
            return None;
        }
        if s[i..].starts_with(", ") {
            i += 2;
            while let Some(c) = s[i..].chars().next() {
                if c == ']' || (c == ';' && s[i..].starts_with("; @")) {
                    break;
                }
                if matches!(c, '[' | '<' | '>' | '*' | '_' | '`' | '\\' | '&' | '|' | '\n' | '\r') {
                    return None;
                }
                i += c.len_utf8();
            }
        }
        if s[i..].starts_with(']') {
            return Some(i + 1);
        }
        if s[i..].starts_with("; @") {
            i += 3;
            continue;
        }
        return None;
    }
}

/// Escapes Word text for Markdown, keeping citations as typed.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '['
            && let Some(len) = citation_len(rest)
        {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            // `[@key]: ...` at a line's start would be a link reference definition.
            if let Some(after) = rest.strip_prefix(':') {
                out.push_str("\\:");
                rest = after;
            }
            continue;
        }
        if SIGNIFICANT.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Escapes what would start a block at the start of a line that is already escaped inline:
/// `-`, `+`, `=` (lists, thematic breaks, setext underlines) and `1.` / `1)` (ordered lists).
pub(crate) fn escape_line_start(line: &str) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

/// Whether `out` ends with a bracket that Markdown reads (a citation or a footnote reference),
/// after which a `:` would make a link reference or footnote definition.
fn ends_with_live_bracket(out: &str) -> bool {
    out.ends_with(']') && !out.ends_with("\\]")
}

/// Renders a paragraph's pieces; hard breaks come out as `\n` (the caller lays out the lines).
pub(crate) fn render(pieces: &[Inline]) -> String {
    let mut pieces = pieces.to_vec();
    adopt_spaces(&mut pieces);
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Inline::Text(_, fmt) => {
                let fmt = *fmt;
                let mut text = String::new();
                while let Some(Inline::Text(t, f)) = pieces.get(i)
                    && *f == fmt
                {
                    text.push_str(t);
                    i += 1;
                }
                push_text(&mut out, &text, fmt);
                continue;
            }
            Inline::Break => out.push('\n'),
            Inline::Note(n) => out.push_str(&format!("[^{n}]")),
            Inline::Link(url, content) => {
                let label = render(content).replace('\n', " ");
                let label = label.trim();
                if !label.is_empty() {
                    if out.ends_with('!') && !out.ends_with("\\!") {
                        out.pop();
                        out.push_str("\\!");
                    }
                    out.push_str(&format!("[{label}]({})", destination(url)));
                }
            }
        }
        i += 1;
    }
    out
}

/// Gives whitespace-only text between two pieces of the same formatting that formatting, so
/// that `**a** **b**` comes out as `**a b**`.
fn adopt_spaces(pieces: &mut [Inline]) {
    for i in 1..pieces.len().saturating_sub(1) {
        let (Inline::Text(t, _), Inline::Text(_, before), Inline::Text(_, after)) =
            (&pieces[i], &pieces[i - 1], &pieces[i + 1])
        else {
            continue;
        };
        if t.trim().is_empty() && before == after {
            let fmt = *before;
            if let Inline::Text(_, f) = &mut pieces[i] {
                *f = fmt;
            }
        }
    }
}

/// Appends `text` with `fmt`'s markers around it, its leading and trailing spaces outside.
fn push_text(out: &mut String, text: &str, fmt: Fmt) {
    let mut escaped = escape(text);
    if escaped.starts_with(':') && ends_with_live_bracket(out) {
        escaped.insert(0, '\\');
    }
    let core = escaped.trim_matches(' ');
    if core.is_empty() || fmt == Fmt::default() {
        out.push_str(&escaped);
        return;
    }
    let lead = &escaped[..escaped.len() - escaped.trim_start_matches(' ').len()];
    let trail = &escaped[escaped.trim_end_matches(' ').len()..];
    let (mut open, mut close) = (String::new(), String::new());
    for (on, marker) in [(fmt.strike, "~~"), (fmt.bold, "**"), (fmt.italic, "*")] {
        if on {
            open.push_str(marker);
            close.insert_str(0, marker);
        }
    }
    out.push_str(lead);
    out.push_str(&open);
    out.push_str(core);
    out.push_str(&close);
    out.push_str(trail);
}

/// A link destination with the characters that would end or break it percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a hyperlink target may become a Markdown link: web and mail addresses only.
pub(crate) fn linkable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|p| lower.starts_with(p)) && lower.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_recognised_and_nothing_else() {
        assert_eq!(citation_len("[@aipr-2017, p. 4] rest"), Some(18));
        assert_eq!(citation_len("[@mechanism:slug]"), Some(17));
        assert_eq!(citation_len("[@a; @b, ch. 2]"), Some(15));
        assert_eq!(citation_len("[@a, p. 4; @b]"), Some(14));
        assert_eq!(citation_len("[@]"), None);
        assert_eq!(citation_len("[@a b]"), None);
        assert_eq!(citation_len("[@a, <script>]"), None);
        assert_eq!(citation_len("[@a"), None);
        assert_eq!(citation_len("[see @a]"), None);
    }

    #[test]
    fn line_starts_that_would_make_blocks_are_escaped() {
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("2024. A year"), "2024\\. A year");
        assert_eq!(escape_line_start("1) one"), "1\\) one");
        assert_eq!(escape_line_start("12345678901. long"), "12345678901. long");
        assert_eq!(escape_line_start("plain"), "plain");
    }
}
