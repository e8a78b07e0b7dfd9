//! A paragraph's pieces: runs of text, tabs, breaks, note references and images, under
//! hyperlinks, insertions, fields and content controls.

use super::*;

impl<'a, 'input> Converter<'_, 'a, 'input> {
    /// The pieces of a paragraph.
    pub(super) fn inlines(&mut self, p: Node<'_, '_>) -> Vec<Inline> {
        let mut out = Vec::new();
        self.inline_children(p, &mut out);
        out
    }

    /// The pieces under `node` (a paragraph, hyperlink, insertion, field, content control).
    pub(super) fn inline_children(&mut self, node: Node<'_, '_>, out: &mut Vec<Inline>) {
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
    pub(super) fn run(&mut self, r: Node<'_, '_>, out: &mut Vec<Inline>) {
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
}
