//! What the essay targets (`essay_markdown`, `essay_docx`) check of an essay's outputs beyond
//! "no panic": a resolver that resolves every citation and draws every figure, so that all of
//! the renderers' paths run, and checkers of the HTML and of the Typst markup that fail when
//! anything an author wrote became markup or code. Each checker returns what is wrong, and the
//! targets assert that nothing is.

use nmp_essay::markdown::{Cited, Embed, Placed, Reference, Resolve};

/// Resolves every citation (a note naming the key and the locator as written, linked to a
/// relative page) and draws every figure (a fixed SVG written in for even numbers, an `<img>`
/// address for odd ones), with the author's caption in the credit so that it is escaped twice.
pub struct Everything;

/// The SVG file of figure `number` in the Typst markup: what the Typst check looks for.
pub fn figure_file(number: usize) -> String {
    format!("/figures/fuzz-figure-{number}.svg")
}

impl Resolve for Everything {
    fn cite(&self, reference: &Reference) -> Option<Cited> {
        Some(Cited {
            text: format!("Synthetic note for {reference}"),
            href: Some(format!("/essays/cited/{}", reference.key)),
        })
    }

    fn figure(&self, embed: &Embed) -> Option<Placed> {
        let n = embed.number;
        Some(Placed {
            svg: format!("<svg class=\"fuzz-figure\" data-number=\"{n}\"></svg>"),
            href: (n % 2 == 1).then(|| format!("/figures/fuzz-{n}.svg")),
            file: figure_file(n),
            alt: format!("Synthetic drawing of nmp:{}", embed.key),
            credit: format!("Synthetic credit for {}", embed.caption),
        })
    }
}

/// The elements the essay's HTML may hold: pulldown-cmark's for the Markdown an essay may use,
/// the notes' and figures' own, and the resolver's SVG.
const HTML_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "del",
    "a",
    "sup",
    "section",
    "ol",
    "ul",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "img",
    "figure",
    "figcaption",
    "span",
    "div",
    "svg",
];

/// The attributes it may hold (no `on…` handler, no `style` other than a table's alignment).
const HTML_ATTRIBUTES: &[&str] = &[
    "href",
    "title",
    "src",
    "alt",
    "start",
    "class",
    "id",
    "role",
    "loading",
    "style",
    "data-number",
];

/// An attribute value as a browser reads it: character references decoded.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether an address would run code: `javascript:`, `vbscript:` or `data:`, as a browser reads
/// it (control characters and spaces ignored, any case).
fn runs_code(url: &str) -> bool {
    let cleaned: String = decode(url)
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// What is wrong with the essay's HTML, if anything: an element or attribute not in the lists
/// above (raw HTML passed through, an event handler), a link or image address that runs code,
/// or `<script` in any case anywhere.
pub fn check_html(html: &str) -> Result<(), String> {
    if html.to_ascii_lowercase().contains("<script") {
        return Err("the HTML holds <script".into());
    }
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let start = i + found;
        let mut j = start + 1;
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        let name_start = j;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        if name.is_empty() {
            // `<` not starting a tag ("< 3"): harmless text.
            if b.get(name_start)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'!' || *c == b'?')
            {
                return Err(format!("a tag that cannot be read at byte {start}"));
            }
            i = start + 1;
            continue;
        }
        if !HTML_TAGS.contains(&name.as_str()) {
            return Err(format!("the element <{name}> at byte {start}"));
        }
        // Attributes, up to the tag's end.
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                None => return Err(format!("the tag <{name}> at byte {start} does not end")),
                Some(b'>') => {
                    j += 1;
                    break;
                }
                Some(b'/') if b.get(j + 1) == Some(&b'>') => {
                    j += 2;
                    break;
                }
                _ => {}
            }
            let attr_start = j;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
                j += 1;
            }
            let attr = html[attr_start..j].to_ascii_lowercase();
            if attr.is_empty() || !HTML_ATTRIBUTES.contains(&attr.as_str()) {
                return Err(format!(
                    "the attribute {:?} of <{name}> at byte {start}",
                    &html[attr_start..(attr_start + 16).min(html.len())]
                ));
            }
            if b.get(j) != Some(&b'=') {
                continue;
            }
            if b.get(j + 1) != Some(&b'"') {
                return Err(format!(
                    "the attribute {attr} of <{name}> at byte {start} is not quoted"
                ));
            }
            let value_start = j + 2;
            let Some(len) = html[value_start..].find('"') else {
                return Err(format!("the attribute {attr} of <{name}> at byte {start} does not end"));
            };
            let value = &html[value_start..value_start + len];
            if value.contains(['<', '>']) {
                return Err(format!("the attribute {attr} of <{name}> holds < or >: {value:?}"));
            }
            if (attr == "href" || attr == "src") && runs_code(value) {
                return Err(format!("<{name} {attr}=\"{value}\"> runs code"));
            }
            if attr == "style" && !value.starts_with("text-align: ") {
                return Err(format!("<{name} style=\"{value}\">"));
            }
            j = value_start + len + 1;
        }
        i = j;
    }
    Ok(())
}

/// The functions the essay's Typst markup may call after `#`.
const TYPST_CALLS: &[&str] = &[
    "footnote",
    "essay-figure",
    "link",
    "raw",
    "emph",
    "strong",
    "strike",
    "super",
    "sub",
    "quote",
    "list",
    "enum",
    "table",
    "linebreak",
    "line",
];

/// The words the writer's code uses inside argument lists.
const TYPST_WORDS: &[&str] = &[
    "block",
    "true",
    "lang",
    "start",
    "columns",
    "align",
    "left",
    "right",
    "center",
    "auto",
    "table.header",
    "length",
    "100%",
    "none",
];

/// A reader of the Typst markup the essay writer produces: markup (text, with every character
/// that can be markup written after a backslash), `#` calls of [`TYPST_CALLS`] with argument
/// lists (strings, content blocks, numbers, [`TYPST_WORDS`]) and trailing content blocks, and
/// the `<essay-fn-N>` labels of footnotes. Anything else is text that became markup or code.
struct Typst<'a> {
    b: &'a [u8],
    i: usize,
}

impl Typst<'_> {
    fn err<T>(&self, what: &str) -> Result<T, String> {
        let from = self.i.saturating_sub(30);
        let to = (self.i + 30).min(self.b.len());
        Err(format!(
            "{what} at byte {} (…{}…)",
            self.i,
            String::from_utf8_lossy(&self.b[from..to])
        ))
    }

    /// Markup up to the end of the input, or to the `]` that closes a content block.
    fn markup(&mut self, in_block: bool) -> Result<(), String> {
        // Only spaces and digits since a line or content block began (a `.` then would make a
        // numbered item, a `=` a heading).
        let mut line_start = true;
        let mut after_digit = false;
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return if in_block {
                    self.err("a content block that does not close")
                } else {
                    Ok(())
                };
            };
            match c {
                b'\\' => {
                    self.i += 2;
                    line_start = false;
                }
                b'#' => {
                    self.i += 1;
                    self.call()?;
                    line_start = false;
                }
                b']' if in_block => {
                    self.i += 1;
                    return Ok(());
                }
                b'<' => {
                    self.label()?;
                    line_start = false;
                }
                b'=' if line_start => {
                    while self.b.get(self.i) == Some(&b'=') {
                        self.i += 1;
                    }
                    // The writer's heading marker: a space and the heading's text, or nothing (an
                    // empty heading, its trailing space trimmed at a line's or block's end).
                    if !matches!(self.b.get(self.i), None | Some(b' ' | b'\n' | b']')) {
                        return self.err("a heading's = not followed by a space");
                    }
                    line_start = false;
                }
                b'.' if line_start && after_digit => return self.err("a numbered item made of text"),
                b'[' | b']' | b'$' | b'`' | b'@' | b'*' | b'_' | b'~' | b'/' | b'-' | b'+' | b'=' | b'>' => {
                    return self.err(&format!("the markup character {:?} unescaped", c as char));
                }
                b'\n' => {
                    self.i += 1;
                    line_start = true;
                }
                b' ' => self.i += 1,
                _ => {
                    self.i += 1;
                    line_start = line_start && c.is_ascii_digit();
                }
            }
            after_digit = c.is_ascii_digit();
        }
    }

    /// A call after `#`: the function's name, its arguments, its trailing content blocks; what
    /// follows must not continue it.
    fn call(&mut self) -> Result<(), String> {
        let start = self.i;
        while self
            .b
            .get(self.i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
        {
            self.i += 1;
        }
        let name = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
        if !TYPST_CALLS.contains(&name.as_str()) {
            self.i = start;
            return self.err(&format!("a call of #{name:?}"));
        }
        if self.b.get(self.i) == Some(&b'(') {
            self.i += 1;
            self.args()?;
        }
        while self.b.get(self.i) == Some(&b'[') {
            self.i += 1;
            self.markup(true)?;
        }
        match self.b.get(self.i) {
            Some(b'(' | b'[' | b';') => self.err("text that continues a call"),
            Some(b'.') if self.b.get(self.i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                self.err("text that continues a call")
            }
            _ => Ok(()),
        }
    }

    /// An argument list after its `(`, up to its `)`.
    fn args(&mut self) -> Result<(), String> {
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return self.err("an argument list that does not close");
            };
            match c {
                b')' => {
                    self.i += 1;
                    return Ok(());
                }
                b' ' | b'\n' | b',' | b':' => self.i += 1,
                b'"' => self.string()?,
                b'[' => {
                    self.i += 1;
                    self.markup(true)?;
                }
                b'(' => {
                    self.i += 1;
                    self.args()?;
                }
                b'<' => self.label()?,
                c if c.is_ascii_digit() => {
                    while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                        self.i += 1;
                    }
                    if self.b.get(self.i) == Some(&b'%') {
                        self.i += 1;
                    }
                }
                c if c.is_ascii_alphabetic() => {
                    let start = self.i;
                    while self
                        .b
                        .get(self.i)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-')
                    {
                        self.i += 1;
                    }
                    let word = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
                    if !TYPST_WORDS.contains(&word.as_str()) {
                        self.i = start;
                        return self.err(&format!("the word {word:?} in code"));
                    }
                }
                _ => return self.err(&format!("{:?} in an argument list", c as char)),
            }
        }
    }

    /// A string literal, from its opening quote.
    fn string(&mut self) -> Result<(), String> {
        self.i += 1;
        loop {
            match self.b.get(self.i) {
                None => return self.err("a string that does not end"),
                Some(b'\\') => self.i += 2,
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\n' | b'\r') => return self.err("a line break in a string"),
                Some(_) => self.i += 1,
            }
        }
    }

    /// A footnote's label, `<essay-fn-N>`.
    fn label(&mut self) -> Result<(), String> {
        let rest = &self.b[self.i..];
        let Some(after) = rest.strip_prefix(b"<essay-fn-") else {
            return self.err("a < that is no footnote label");
        };
        let digits = after.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || after.get(digits) != Some(&b'>') {
            return self.err("a footnote label that is not <essay-fn-N>");
        }
        self.i += b"<essay-fn-".len() + digits + 1;
        Ok(())
    }
}

/// What is wrong with the essay's Typst markup, if anything (see [`Typst`]).
pub fn check_typst(typst: &str) -> Result<(), String> {
    Typst {
        b: typst.as_bytes(),
        i: 0,
    }
    .markup(false)
}

/// The number of times the Typst markup places figure `number` as the resolver drew it. The
/// text cannot forge it: a `#` of the author's text is written `\#`, and in a string literal a
/// `"` is written `\"`, so `#essay-figure("` followed by the file is only ever a real call.
pub fn typst_figure_calls(typst: &str, number: usize) -> usize {
    typst
        .matches(&format!("#essay-figure(\"{}\", ", figure_file(number)))
        .count()
}

/// The number of times the HTML places figure `number`.
pub fn html_figure_elements(html: &str, number: usize) -> usize {
    html.matches(&format!("<figure class=\"essay-figure\" id=\"essay-figure-{number}\">"))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_checks_find_what_they_look_for() {
        assert!(check_html("<p>a &lt;script&gt; <a href=\"https://x\">b</a></p>\n").is_ok());
        assert!(check_html("<p>1 < 2</p>").is_ok());
        assert!(check_html("<p><SCRIPT>x</SCRIPT></p>").is_err());
        assert!(check_html("<p><iframe src=\"x\"></iframe></p>").is_err());
        assert!(check_html("<img src=\"x\" onerror=\"alert(1)\">").is_err());
        assert!(check_html("<a href=\"java&#x09;script:alert(1)\">x</a>").is_err());
        assert!(check_html("<a href=\" JaVaScRiPt:alert(1)\">x</a>").is_err());
        assert!(check_html("<td style=\"text-align: left\">x</td>").is_ok());
        assert!(check_html("<td style=\"background: url(x)\">x</td>").is_err());
    }

    #[test]
    fn typst_checks_find_what_they_look_for() {
        let ok = "== Head\n\nText \\#x \\[a\\] #emph[b] and #footnote[n] <essay-fn-1> #raw(\"#evil()\")\n\n\
                  #table(\n  columns: 2,\n  align: (left, auto,),\n  table.header([a], [b], ),\n  [c], [d], \n)\n\n\
                  #essay-figure(\"/figures/fuzz-figure-1.svg\", \"alt\", [c \\#], [d])\n\n#line(length: 100%)\n";
        assert_eq!(check_typst(ok), Ok(()));
        assert_eq!(typst_figure_calls(ok, 1), 1);
        for bad in [
            "#eval(\"x\")",
            "text #emph[x",
            "a $x$",
            "a `x`",
            "a @label",
            "#raw(\"x)",
            "#emph[x](y)",
            "x\n1. item",
            "a // comment",
            "<other>",
            "#table(foo: 1)",
        ] {
            assert!(check_typst(bad).is_err(), "{bad}");
        }
    }
}
