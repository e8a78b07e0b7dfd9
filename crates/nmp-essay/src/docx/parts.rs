//! The parts around `word/document.xml` that the conversion reads: the relationships (hyperlink
//! targets, where the other parts are), the styles (a paragraph style's name, outline level,
//! numbering and run formatting) and the numbering definitions (bulleted or ordered, and where
//! each level starts). Each reads a parsed part and keeps only plain values.

use std::collections::HashMap;

use roxmltree::Node;

/// WordprocessingML's namespaces: transitional (what Word writes) and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// The relationships namespace of `r:id` attributes, transitional and strict.
const R: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/// Whether `node` is the WordprocessingML element `name`.
pub(crate) fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace().is_some_and(|n| W.contains(&n))
}

/// The first WordprocessingML child element `name` of `node`.
pub(crate) fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|c| is(*c, name))
}

/// The WordprocessingML attribute `name` (`w:val`, `w:id`, ...) of `node`.
pub(crate) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|n| W.contains(&n)))
        .map(|a| a.value())
}

/// The relationship attribute `r:id` of `node`.
pub(crate) fn rel_id<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "id" && a.namespace().is_some_and(|n| R.contains(&n)))
        .map(|a| a.value())
}

/// The `w:val` of the child `name` of `node`, when there is such a child.
pub(crate) fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// A toggle property (`<w:b/>`, `<w:i w:val="0"/>`): on unless its value says off.
pub(crate) fn toggle(props: Node<'_, '_>, name: &str) -> Option<bool> {
    child(props, name).map(|c| !matches!(attr(c, "val"), Some("0" | "false" | "off")))
}

/// Bold, italic and struck through: the run formatting that Markdown can say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fmt {
    /// `**...**`
    pub bold: bool,
    /// `*...*`
    pub italic: bool,
    /// `~~...~~`
    pub strike: bool,
}

/// The formatting that a `w:rPr` sets (`None` for each property it does not mention).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    strike: Option<bool>,
}

impl RunProps {
    /// Reads a `w:rPr` element.
    pub(crate) fn read(rpr: Node<'_, '_>) -> Self {
        RunProps {
            bold: toggle(rpr, "b"),
            italic: toggle(rpr, "i"),
            strike: toggle(rpr, "strike").or_else(|| toggle(rpr, "dstrike")),
        }
    }

    /// `self` over `base`: what `self` does not say, `base` does.
    pub(crate) fn over(self, base: Fmt) -> Fmt {
        Fmt {
            bold: self.bold.unwrap_or(base.bold),
            italic: self.italic.unwrap_or(base.italic),
            strike: self.strike.unwrap_or(base.strike),
        }
    }
}

/// The relationships of `word/document.xml`: id to target, and whether the target is outside
/// the package (a web address).
#[derive(Debug, Default)]
pub(crate) struct Rels {
    by_id: HashMap<String, (String, bool)>,
    /// Targets by relationship type's last segment (`styles`, `numbering`, `footnotes`, ...).
    by_type: HashMap<String, String>,
}

impl Rels {
    /// Reads `word/_rels/document.xml.rels`.
    pub(crate) fn read(doc: &roxmltree::Document<'_>) -> Self {
        let mut rels = Rels::default();
        for r in doc
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
        {
            let (Some(id), Some(target)) = (r.attribute("Id"), r.attribute("Target")) else {
                continue;
            };
            let external = r
                .attribute("TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("External"));
            rels.by_id.insert(id.to_owned(), (target.to_owned(), external));
            if let Some(kind) = r.attribute("Type").and_then(|t| t.rsplit('/').next()) {
                rels.by_type.entry(kind.to_owned()).or_insert_with(|| target.to_owned());
            }
        }
        rels
    }

    /// The external target (a web address) of relationship `id`, if it is external.
    pub(crate) fn external(&self, id: &str) -> Option<&str> {
        self.by_id
            .get(id)
            .filter(|(_, external)| *external)
            .map(|(t, _)| t.as_str())
    }

    /// The part name of the part of `kind` (`styles`, `numbering`, `footnotes`, `endnotes`),
    /// resolved against `word/`, or Word's usual name when the relationships do not say.
    pub(crate) fn part(&self, kind: &str) -> String {
        match self.by_type.get(kind) {
            Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_owned(),
            Some(t) => format!("word/{}", t.trim_start_matches("./")),
            None => format!("word/{kind}.xml"),
        }
    }
}

/// What a paragraph style says, read through the styles it is based on.
#[derive(Debug, Default, Clone)]
struct Style {
    /// The style's name, lowercased (`heading 1`, `title`, `quote`).
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, Option<u8>)>,
    run: RunProps,
}

/// What a paragraph is, by its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A heading of level 1 to 6.
    Heading(u8),
    /// A block quote.
    Quote,
    /// Body text.
    Body,
}

/// The styles of `word/styles.xml`, by style id.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    by_id: HashMap<String, Style>,
}

/// How many `basedOn` links are followed (Word's chains are short; a loop stops here).
const MAX_BASED_ON: usize = 16;

impl Styles {
    /// Reads `word/styles.xml`.
    pub(crate) fn read(doc: &roxmltree::Document<'_>) -> Self {
        let mut by_id = HashMap::new();
        for s in doc.root_element().children().filter(|n| is(*n, "style")) {
            let Some(id) = attr(s, "styleId") else { continue };
            let ppr = child(s, "pPr");
            let num = ppr.and_then(|p| child(p, "numPr")).and_then(|n| {
                let id = child_val(n, "numId")?.to_owned();
                Some((id, child_val(n, "ilvl").and_then(|l| l.parse().ok())))
            });
            let style = Style {
                name: child_val(s, "name").unwrap_or(id).to_lowercase(),
                based_on: child_val(s, "basedOn").map(str::to_owned),
                outline: ppr
                    .and_then(|p| child_val(p, "outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                num,
                run: child(s, "rPr").map(RunProps::read).unwrap_or_default(),
            };
            by_id.insert(id.to_owned(), style);
        }
        Styles { by_id }
    }

    /// The style `id` and those it is based on, nearest first.
    fn chain<'s>(&'s self, id: &'s str) -> impl Iterator<Item = (&'s str, Option<&'s Style>)> + 's {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            let style = self.by_id.get(id);
            next = style.and_then(|s| s.based_on.as_deref());
            Some((id, style))
        })
        .take(MAX_BASED_ON)
    }

    /// What a paragraph of style `id` is: "Title" is a first-level heading, "heading N" one of
    /// level N (at most 6), a style with an outline level L one of level L + 1, "Quote" and
    /// "Intense Quote" a quote. Without `styles.xml`, Word's built-in style ids say the same.
    pub(crate) fn kind(&self, id: &str) -> Kind {
        for (id, style) in self.chain(id) {
            let name = style.map_or_else(|| id.to_lowercase(), |s| s.name.clone());
            if let Some(kind) = kind_by_name(&name) {
                return kind;
            }
            if let Some(level) = style.and_then(|s| s.outline) {
                return heading_at_outline(level);
            }
        }
        Kind::Body
    }

    /// The numbering (`numId`, `ilvl`) that style `id` gives its paragraphs.
    pub(crate) fn numbering(&self, id: &str) -> Option<(String, Option<u8>)> {
        self.chain(id).find_map(|(_, s)| s.and_then(|s| s.num.clone()))
    }

    /// The run formatting of character style `id`, over `base`.
    pub(crate) fn run(&self, id: &str, base: Fmt) -> Fmt {
        let chain: Vec<_> = self.chain(id).filter_map(|(_, s)| s).collect();
        let mut fmt = base;
        for s in chain.iter().rev() {
            fmt = s.run.over(fmt);
        }
        fmt
    }
}

/// A heading for Word's outline level `level` (0 is the first level; 9 is body text).
pub(crate) fn heading_at_outline(level: u8) -> Kind {
    if level >= 9 {
        Kind::Body
    } else {
        Kind::Heading((level + 1).min(6))
    }
}

/// The kind a style name (or a built-in style id, lowercased) says, if it says one.
fn kind_by_name(name: &str) -> Option<Kind> {
    let name = name.trim();
    if name == "title" {
        return Some(Kind::Heading(1));
    }
    if matches!(
        name,
        "quote" | "intense quote" | "intensequote" | "block text" | "blocktext"
    ) {
        return Some(Kind::Quote);
    }
    let rest = name.strip_prefix("heading")?.trim();
    let level: u8 = rest.parse().ok()?;
    (1..=9).contains(&level).then(|| Kind::Heading(level.min(6)))
}

/// How a list level is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListKind {
    /// `- `
    Bullet,
    /// `1. `, starting at the given number.
    Ordered(u32),
    /// Numbering `none`: the paragraph is body text.
    None,
}

/// The numbering definitions of `word/numbering.xml`.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstract_of: HashMap<String, String>,
    levels: HashMap<(String, u8), ListKind>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub(crate) fn read(doc: &roxmltree::Document<'_>) -> Self {
        let mut n = Numbering::default();
        for node in doc.root_element().children() {
            if is(node, "num") {
                if let (Some(id), Some(abs)) = (attr(node, "numId"), child_val(node, "abstractNumId")) {
                    n.abstract_of.insert(id.to_owned(), abs.to_owned());
                }
            } else if is(node, "abstractNum") {
                let Some(abs) = attr(node, "abstractNumId") else {
                    continue;
                };
                for lvl in node.children().filter(|c| is(*c, "lvl")) {
                    let Some(ilvl) = attr(lvl, "ilvl").and_then(|v| v.parse::<u8>().ok()) else {
                        continue;
                    };
                    let kind = match child_val(lvl, "numFmt") {
                        Some("bullet") => ListKind::Bullet,
                        Some("none") => ListKind::None,
                        _ => ListKind::Ordered(child_val(lvl, "start").and_then(|s| s.parse().ok()).unwrap_or(1)),
                    };
                    n.levels.insert((abs.to_owned(), ilvl), kind);
                }
            }
        }
        n
    }

    /// How level `ilvl` of numbering `num_id` is numbered; a bullet when the definitions do
    /// not say.
    pub(crate) fn kind(&self, num_id: &str, ilvl: u8) -> ListKind {
        self.abstract_of
            .get(num_id)
            .and_then(|abs| self.levels.get(&(abs.clone(), ilvl)))
            .copied()
            .unwrap_or(ListKind::Bullet)
    }
}
