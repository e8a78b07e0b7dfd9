//! Footnotes and endnotes: numbered on first reference, written after the text as `[^n]: text`.

use super::*;

impl<'a, 'input> Converter<'_, 'a, 'input> {
    /// The number of note `id`, given on first reference; `None` when the note is not defined.
    pub(super) fn note(&mut self, kind: NoteKind, id: &str) -> Option<usize> {
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
    pub(super) fn note_node(&self, kind: NoteKind, id: &str) -> Option<Node<'a, 'input>> {
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
    pub(super) fn notes(&mut self) -> Vec<String> {
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
