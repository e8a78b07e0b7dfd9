//! The data dictionary (`docs/data-dictionary.md`, embedded at build time) read as data, so that
//! the descriptions, types and references in an exported package, and the fields of the staff
//! workspace's forms, are the ones the dictionary documents and cannot drift from them.
//!
//! Each table is a ``### `table` `` section: introductory prose, then a Markdown table with one
//! ``| `column` | type | meaning |`` row per column. The type cell is parsed for the kind of value
//! (`integer`, `text`, `boolean`, `partial date (text)`, `code (→ Vocabulary)`), for
//! `primary key` and `unique`, and for the table a column points to (``→ `organization` ``).

/// Where the dictionary lives, as named in error messages.
pub const FILE: &str = "docs/data-dictionary.md";

const TEXT: &str = include_str!("../../../docs/data-dictionary.md");

/// What kind of value a column holds, as the dictionary's type cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `integer` or `big integer`.
    Integer,
    /// `boolean`.
    Boolean,
    /// `text`, with or without a stated length.
    Text,
    /// `partial date (text)`: ISO 8601 at reduced precision.
    PartialDate,
    /// `code (→ Name)`: a code of the named vocabulary.
    Code(String),
    /// `timestamp (UTC)`: bookkeeping, never exported.
    Timestamp,
    /// `bytes`: a file's content (`attachment.content`), never exported or edited in a form.
    Bytes,
}

/// One documented column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Column name.
    pub name: String,
    /// Kind of value.
    pub kind: Kind,
    /// Whether it is the table's primary key.
    pub primary_key: bool,
    /// Whether its values are unique.
    pub unique: bool,
    /// The table it points to, if it is a foreign key.
    pub target: Option<String>,
    /// The "meaning" cell, as written (Markdown).
    pub meaning: String,
}

/// One documented table.
#[derive(Debug, Clone)]
pub struct Table {
    /// The prose before its column list, for readers (see [`for_readers`]).
    pub intro: String,
    /// Its columns, in the dictionary's order.
    pub columns: Vec<Column>,
}

impl Table {
    /// The documented column `name`.
    pub fn column(&self, table: &str, name: &str) -> Result<&Column, DictionaryError> {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .ok_or_else(|| problem(format!("table `{table}` does not document column `{name}`")))
    }
}

/// Something the dictionary does not document, or documents in a shape this reader does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{FILE}: {message}")]
pub struct DictionaryError {
    /// What is missing or malformed.
    pub message: String,
}

fn problem(message: String) -> DictionaryError {
    DictionaryError { message }
}

/// The section of the embedded dictionary that documents `table`.
pub fn table(table: &str) -> Result<Table, DictionaryError> {
    parse(TEXT, table)
}

fn parse(text: &str, table: &str) -> Result<Table, DictionaryError> {
    let heading = format!("### `{table}`");
    let mut lines = text.lines().skip_while(|l| l.trim_end() != heading);
    if lines.next().is_none() {
        return Err(problem(format!("no section {heading}")));
    }
    let section: Vec<&str> = lines.take_while(|l| !l.starts_with('#')).collect();
    let prose: Vec<&str> = section
        .iter()
        .take_while(|l| !l.starts_with('|'))
        .map(|l| l.trim_end())
        .collect();
    let intro = for_readers(&prose);
    let mut columns = Vec::new();
    for line in section.iter().filter(|l| l.starts_with("| `")) {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        let cells: Vec<&str> = inner.splitn(3, '|').map(str::trim).collect();
        let [name, ty, meaning] = cells[..] else {
            return Err(problem(format!(
                "table `{table}`: a column row does not have three cells: {line}"
            )));
        };
        columns.push(Column {
            name: name.trim_matches('`').to_string(),
            kind: kind(table, name, ty)?,
            primary_key: ty.contains("primary key"),
            unique: ty.contains("unique"),
            target: between(ty, "→ `", "`").map(str::to_string),
            meaning: meaning.to_string(),
        });
    }
    if columns.is_empty() {
        return Err(problem(format!("{heading} documents no columns")));
    }
    Ok(Table { intro, columns })
}

/// The prose before a table's column list, for readers of exported data: paragraphs kept as
/// Markdown, without what only concerns the starter files (from "Starter file" to the end of its
/// paragraph), and links to other parts of the dictionary reduced to their text.
fn for_readers(lines: &[&str]) -> String {
    let text = lines.join("\n");
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            let p = p.trim();
            let p = match p.find("Starter file") {
                Some(at) => p[..at].trim_end(),
                None => p,
            };
            without_anchor_links(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// `[text](#anchor)` → `text`.
fn without_anchor_links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(mid) = rest.find("](#") {
        let (Some(open), Some(close)) = (rest[..mid].rfind('['), rest[mid..].find(')')) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[mid + close + 1..];
    }
    out.push_str(rest);
    out
}

fn kind(table: &str, column: &str, ty: &str) -> Result<Kind, DictionaryError> {
    Ok(if ty.starts_with("integer") || ty.starts_with("big integer") {
        Kind::Integer
    } else if ty.starts_with("boolean") {
        Kind::Boolean
    } else if ty.starts_with("partial date") {
        Kind::PartialDate
    } else if ty.starts_with("timestamp") {
        Kind::Timestamp
    } else if let Some(name) = between(ty, "code (→ ", ")") {
        Kind::Code(name.to_string())
    } else if ty.starts_with("text") {
        Kind::Text
    } else if ty == "bytes" {
        Kind::Bytes
    } else {
        return Err(problem(format!(
            "table `{table}`, column {column}: unknown type {ty:?}"
        )));
    })
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_gives_its_intro_and_typed_columns() {
        let t = table("profile").expect("profile is documented");
        assert!(t.intro.starts_with("What one edition says about one mechanism"));
        let pk = t.column("profile", "profile_id").expect("pk");
        assert!(pk.primary_key);
        assert_eq!(pk.kind, Kind::Integer);
        let part = t.column("profile", "edition_part_id").expect("fk");
        assert_eq!(part.target.as_deref(), Some("edition_part"));
        let section = t.column("profile", "section").expect("code");
        assert_eq!(section.kind, Kind::Code("ProfileSection".into()));
        assert!(t.column("profile", "nothing").is_err());

        let c = table("country").expect("country is documented");
        let iso2 = c.column("country", "iso2").expect("iso2");
        assert!(iso2.unique && iso2.kind == Kind::Text && iso2.target.is_none());
        let since = c.column("country", "un_member_since").expect("date");
        assert_eq!(since.kind, Kind::PartialDate);
    }

    #[test]
    fn intros_leave_out_the_starter_files_and_dictionary_links() {
        let f = table("function").expect("function is documented");
        assert_eq!(
            f.intro,
            "The vocabulary of mechanism functions, which `mechanism_function` and `activity` point to. It is\ndata, not code: see Functions (data, not code)."
        );
        let c = table("citation").expect("citation is documented");
        assert!(c.intro.contains("\n\n`field` NULL means"), "{}", c.intro);
        for name in ["organization", "mechanism", "source", "edition", "profile"] {
            let t = table(name).expect("documented");
            assert!(!t.intro.contains("Starter file"), "{name}: {}", t.intro);
            assert!(!t.intro.is_empty(), "{name}");
        }
    }

    #[test]
    fn an_unknown_table_is_an_error_naming_the_dictionary() {
        let e = table("no_such_table").expect_err("not documented");
        assert!(e.to_string().contains(FILE), "{e}");
    }

    #[test]
    fn a_section_ends_at_the_next_heading() {
        let text = "### `a`\n\nIntro\nmore.\n\n| column | type | meaning |\n|---|---|---|\n| `a_id` | integer, primary key | Row. |\n\n### `b`\n\n| `b_id` | integer | B. |\n";
        let t = parse(text, "a").expect("parses");
        assert_eq!(t.intro, "Intro\nmore.");
        assert_eq!(t.columns.len(), 1);
    }
}
