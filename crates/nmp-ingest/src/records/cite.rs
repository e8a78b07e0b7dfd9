//! The citation a row of an import file gives (`source` or `source_id`, `locator`, `quote`),
//! checked as the workspace's form checks it.

use nmp_store::records::schema;
use nmp_store::records::{CitationInput, SourceRef};

use super::Keys;
use super::layout::Layout;
use super::problems::Problems;
use crate::sheet;

/// The longest locator accepted, in characters (as in the workspace's form).
const MAX_LOCATOR_CHARS: usize = 500;

/// The row's citation from `source`/`source_id`, `locator` and `quote`: `Ok(None)` when the row
/// names no source, `Err(())` when a problem with it was reported.
pub(super) fn citation(
    l: &Layout,
    keys: &Keys,
    row: &sheet::Row,
    problems: &mut Problems,
) -> Result<Option<CitationInput>, ()> {
    let n = row.number;
    let before = problems.list.len();
    let slug = l.cell(row, l.cite_source);
    let number = l.cell(row, l.cite_source_id);
    let source = if !slug.is_empty() {
        let id = keys.id("source", slug);
        if id.is_none() {
            problems.add(n, l.label(l.cite_source), format!("no source has the slug {slug:?}"));
        }
        id
    } else if !number.is_empty() {
        let id = number
            .parse::<i32>()
            .ok()
            .filter(|id| keys.key("source", *id).is_some());
        if id.is_none() {
            problems.add(
                n,
                l.label(l.cite_source_id),
                format!("no source has the number {number:?}"),
            );
        }
        id
    } else {
        None
    };
    let locator = l.cell(row, l.locator);
    let quote = l.cell(row, l.quote);
    if locator.chars().count() > MAX_LOCATOR_CHARS {
        problems.add(
            n,
            l.label(l.locator),
            format!("is longer than {MAX_LOCATOR_CHARS} characters"),
        );
    }
    if quote.chars().count() > schema::MAX_TEXT_CHARS {
        problems.add(
            n,
            l.label(l.quote),
            format!("is longer than {} characters", schema::MAX_TEXT_CHARS),
        );
    }
    if slug.is_empty() && number.is_empty() && !(locator.is_empty() && quote.is_empty()) {
        problems.add(
            n,
            l.label(l.cite_source),
            "missing source: a locator or quote needs its source (its slug)",
        );
    }
    if problems.list.len() > before {
        return Err(());
    }
    let opt = |t: &str| (!t.is_empty()).then(|| t.to_string());
    Ok(source.map(|id| CitationInput {
        source: SourceRef::Existing(id),
        field: None,
        locator: opt(locator),
        quote: opt(quote),
    }))
}
