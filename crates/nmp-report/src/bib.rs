//! The report's citations: the citations of every record an edition shows, numbered into one
//! bibliography in reading order (one number per source), and the facts shown, so that
//! publishing can refuse a fact no citation covers.

use std::collections::BTreeSet;

use nmp_core::vocab::{SourceKind, label};
use nmp_store::entity::{mechanism, source};
use nmp_store::{CitationIndex, Numbering};

use crate::snapshot::{Citation, Evidence, Source};

/// The citations of the records shown, the bibliography they are numbered into, and the facts
/// shown (for the check that publishing makes: every fact shown is cited).
pub(crate) struct Bib {
    cited: CitationIndex,
    numbering: Numbering<i32>,
    pub(crate) sources: Vec<Source>,
    shown: Vec<Shown>,
}

/// Facts of one record that the edition shows.
#[derive(Debug, Clone)]
struct Shown {
    table: &'static str,
    key: String,
    /// How the record is named in messages.
    label: String,
    /// The fields shown; `None` means the record as a whole (a status step, a membership).
    fields: Vec<Option<&'static str>>,
    /// A field of the parent record (table, key) whose citation also covers this record: the
    /// mechanism's `member` covers each membership, the initiative's `partner` each partner.
    parent: Option<(&'static str, String, &'static str)>,
}

/// Citation fields that cover several columns.
fn covers(cited_field: &str, field: &str) -> bool {
    let singular = cited_field.strip_suffix('s').unwrap_or(cited_field);
    cited_field == field
        || singular == field
        || match cited_field {
            "instrument" => field.starts_with("instrument_"),
            "lead_organization" | "lead" => field == "lead_organization_id",
            "country" => field == "country_iso3",
            "type" => field == "mechanism_type",
            _ => false,
        }
}

/// The bibliography entry of a source.
fn entry(number: usize, s: &source::Model) -> Source {
    Source {
        number,
        slug: s.slug.clone(),
        title: s.title.clone(),
        kind: label::<SourceKind>(&s.kind),
        author: s.author.clone(),
        publisher: s.publisher.clone(),
        published_on: s.published_on.clone(),
        url: s.url.clone(),
        accessed_on: s.accessed_on.clone(),
    }
}

impl Bib {
    /// A bibliography over the citations of every record the edition shows.
    pub(crate) fn new(cited: CitationIndex) -> Bib {
        Bib {
            cited,
            numbering: Numbering::default(),
            sources: Vec::new(),
            shown: Vec::new(),
        }
    }

    /// Records that the edition shows `fields` of a record.
    pub(crate) fn show(
        &mut self,
        table: &'static str,
        key: String,
        label: String,
        fields: Vec<Option<&'static str>>,
        parent: Option<(&'static str, String, &'static str)>,
    ) {
        if !fields.is_empty() {
            self.shown.push(Shown {
                table,
                key,
                label,
                fields,
                parent,
            });
        }
    }

    /// Records the fields of a mechanism that a table or profile shows.
    pub(crate) fn show_mechanism(&mut self, m: &mechanism::Model, fields: &[&'static str]) {
        let value = serde_json::to_value(m).unwrap_or_default();
        let present = fields
            .iter()
            .filter(|f| value.get(**f).is_some_and(|v| !v.is_null()))
            .map(|f| Some(*f))
            .collect();
        self.show(
            "mechanism",
            m.mechanism_id.to_string(),
            format!("mechanism {:?}", m.slug),
            present,
            None,
        );
    }

    /// Records that a row under a mechanism (a status step, a membership, an activity) is shown
    /// as a whole; a citation of the mechanism naming `parent_field` also covers it.
    pub(crate) fn show_row(
        &mut self,
        table: &'static str,
        key: String,
        label: String,
        parent: Option<(i32, &'static str)>,
    ) {
        let parent = parent.map(|(id, field)| ("mechanism", id.to_string(), field));
        self.show(table, key, label, vec![None], parent);
    }

    /// Every fact shown that no citation covers, as `record: field`, in the order shown.
    pub(crate) fn uncited(&self) -> Vec<String> {
        let fields_of = |table: &str, key: &str| -> Vec<Option<String>> {
            self.cited.of(table, key).iter().map(|(c, _)| c.field.clone()).collect()
        };
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for s in &self.shown {
            let cited = fields_of(s.table, &s.key);
            if cited.iter().any(Option::is_none) {
                continue;
            }
            // A citation of the mechanism naming `member` (say) backs each membership; one of
            // the mechanism as a whole backs only the mechanism's own fields.
            let by_parent = s
                .parent
                .as_ref()
                .is_some_and(|(table, id, field)| fields_of(table, id).iter().flatten().any(|f| covers(f, field)));
            for field in &s.fields {
                let ok = match field {
                    None => !cited.is_empty() || by_parent,
                    Some(f) => cited.iter().flatten().any(|c| covers(c, f)),
                };
                let line = match field {
                    Some(f) => format!("{}: {f}", s.label),
                    None => format!("{}: the record", s.label),
                };
                if !ok && seen.insert(line.clone()) {
                    out.push(line);
                }
            }
        }
        out
    }

    /// The notes of the rows `(table, key, what they are)`, one per source, locator and field: a
    /// citation naming a field says so in `about`, others take the row's category.
    pub(crate) fn notes(&mut self, rows: &[(&str, String, &str)]) -> Vec<Citation> {
        let mut notes = Vec::new();
        let mut seen = BTreeSet::new();
        for (table, key, about) in rows {
            for (c, s) in self.cited.of(table, key) {
                if !printed(table, c.field.as_deref()) {
                    continue;
                }
                let (number, new) = self.numbering.number(s.source_id);
                if new {
                    self.sources.push(entry(number, s));
                }
                // A citation naming a field keeps its own note even when its source already
                // backs the record: the note says what it supports.
                if seen.insert((number, c.locator.clone(), c.field.clone())) {
                    notes.push(Citation {
                        source: number,
                        about: c.field.clone().unwrap_or_else(|| about.to_string()),
                        locator: c.locator.clone(),
                    });
                }
            }
        }
        notes
    }

    /// The bibliography number of source `s` (numbered now when it is new).
    pub(crate) fn number(&mut self, s: &source::Model) -> usize {
        let (number, new) = self.numbering.number(s.source_id);
        if new {
            self.sources.push(entry(number, s));
        }
        number
    }

    /// The citations of one record as evidence: each with its source's number, its locator and
    /// its quote, in citation order.
    pub(crate) fn evidence(&mut self, table: &str, key: &str) -> Vec<Evidence> {
        let cited: Vec<(Option<String>, Option<String>, source::Model)> = self
            .cited
            .of(table, key)
            .iter()
            .map(|(c, s)| (c.locator.clone(), c.quote.clone(), s.clone()))
            .collect();
        cited
            .into_iter()
            .map(|(locator, quote, s)| Evidence {
                source: self.number(&s),
                locator,
                quote,
            })
            .collect()
    }

    /// The bibliography numbers of the sources of the rows `(table, key)`, sorted.
    pub(crate) fn numbers(&mut self, rows: &[(&str, String)]) -> Vec<usize> {
        let rows: Vec<(&str, String, &str)> = rows.iter().map(|(t, k)| (*t, k.clone(), "")).collect();
        let numbers: BTreeSet<usize> = self.notes(&rows).into_iter().map(|c| c.source).collect();
        numbers.into_iter().collect()
    }
}

/// Whether the report prints the fact a citation of `table` naming `field` backs: it prints a
/// publisher's organisation and role but not the phase of the series the role belongs to, so the
/// phase's sources are cited on the platform's pages, not in the report.
fn printed(table: &str, field: Option<&str>) -> bool {
    !(table == "edition_publisher" && field == Some("phase"))
}
