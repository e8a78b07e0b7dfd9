//! Tables as GFM pipe tables, and the flattened text of a cell (tables inside it kept as their
//! cells' text).

use super::*;

impl<'a, 'input> Converter<'_, 'a, 'input> {
    /// A table as a GFM pipe table: the first row is the header; a cell's paragraphs are
    /// joined with spaces; a cell spanning columns is followed by empty cells.
    pub(super) fn table(&mut self, tbl: Node<'_, '_>) {
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
    pub(super) fn cell_text(&mut self, tc: Node<'_, '_>) -> String {
        let mut parts = Vec::new();
        self.flat_text(tc, &mut parts, false);
        parts.join(" ")
    }

    /// The paragraphs under `node` as one-line texts, tables inside flattened (and counted).
    pub(super) fn flat_text(&mut self, node: Node<'_, '_>, out: &mut Vec<String>, nested: bool) {
        for n in node.children().filter(Node::is_element) {
            self.flat_one(n, out, nested);
        }
    }

    /// One node's paragraphs as one-line texts (see [`Converter::flat_text`]).
    pub(super) fn flat_one(&mut self, n: Node<'_, '_>, out: &mut Vec<String>, nested: bool) {
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
