//! Cross-reference checks of the starter dataset: unique keys, every reference resolves, every
//! record cited. All problems are collected so one run shows them all.

use std::collections::BTreeSet;

use nmp_core::slug;
use nmp_core::vocab::PartKind;

use super::{Dataset, Located, split_ref};
use crate::IngestError;

mod outcomes;

use outcomes::{check_frameworks, check_initiatives};

/// Fields of a mechanism that a `[[mechanism.citation]]` may name.
const MECHANISM_FIELDS: &[&str] = &[
    "name",
    "local_name",
    "acronym",
    "level",
    "type",
    "created_on",
    "launched_on",
    "lead_organization",
    "website",
    "mandate",
    "instrument",
    "note",
    "status",
    "member",
    "activity",
];
const NETWORK_FIELDS: &[&str] = &[
    "name",
    "acronym",
    "kind",
    "founded_on",
    "secretariat",
    "description",
    "note",
];
const EDITION_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "kind",
    "status",
    "published_on",
    "pages",
    "licence",
    "note",
    "methodology",
];

struct Checker<'a> {
    data: &'a Dataset,
    errors: Vec<IngestError>,
    sources: BTreeSet<&'a str>,
    organizations: BTreeSet<&'a str>,
    functions: BTreeSet<&'a str>,
    editions: BTreeSet<&'a str>,
    mechanisms: BTreeSet<&'a str>,
    initiative_kinds: BTreeSet<&'a str>,
    countries: &'a BTreeSet<String>,
}

/// The 1-based line of the first `needle` after `anchor` in `text` (or of `anchor` itself).
fn line_of(text: &str, anchor: &str, needle: &str) -> Option<usize> {
    let start = text.find(anchor).unwrap_or(0);
    let at = text[start..]
        .find(needle)
        .map(|i| start + i)
        .or_else(|| text.find(anchor))?;
    Some(text[..at].matches('\n').count() + 1)
}

impl<'a> Checker<'a> {
    fn fail<T>(&mut self, at: &Located<T>, anchor: &str, needle: &str, message: String) {
        let file = &self.data.files[at.file];
        self.errors.push(IngestError::File {
            file: file.path.clone(),
            line: line_of(&file.text, anchor, needle),
            message,
        });
    }

    fn unique<T>(&mut self, items: &'a [Located<T>], what: &str, key: impl Fn(&'a T) -> &'a str) -> BTreeSet<&'a str> {
        let mut set = BTreeSet::new();
        let is_code = what.ends_with("code");
        for item in items {
            let k = key(&item.value);
            let anchor = format!("\"{k}\"");
            if !is_code && let Err(e) = slug::validate(what, k) {
                self.fail(item, &anchor, &anchor, e.to_string());
            }
            if !set.insert(k) {
                self.fail(item, &anchor, &anchor, format!("{what} {k:?} is used twice"));
            }
        }
        set
    }

    fn refs<T>(&mut self, at: &Located<T>, record: &str, anchor: &str, field: &str, refs: &[String]) {
        for r in refs {
            let (key, _) = split_ref(r);
            if !self.sources.contains(key) {
                let needle = format!("\"{r}\"");
                self.fail(
                    at,
                    anchor,
                    &needle,
                    format!("{record}: {field}: unknown source {key:?}"),
                );
            }
        }
    }

    fn known<T>(&mut self, at: &Located<T>, record: &str, anchor: &str, field: &str, value: Option<&str>, set: Set) {
        let Some(value) = value else { return };
        let ok = match set {
            Set::Organization => self.organizations.contains(value),
            Set::Function => self.functions.contains(value),
            Set::Edition => self.editions.contains(value),
            Set::Mechanism => self.mechanisms.contains(value),
            Set::InitiativeKind => self.initiative_kinds.contains(value),
            Set::Country => self.countries.contains(value),
        };
        if !ok {
            let needle = format!("\"{value}\"");
            self.fail(
                at,
                anchor,
                &needle,
                format!("{record}: {field}: unknown {} {value:?}", set.name()),
            );
        }
    }
}

#[derive(Clone, Copy)]
enum Set {
    Organization,
    Function,
    Edition,
    Mechanism,
    InitiativeKind,
    Country,
}

impl Set {
    fn name(self) -> &'static str {
        match self {
            Set::Organization => "organization",
            Set::Function => "function",
            Set::Edition => "edition",
            Set::Mechanism => "mechanism",
            Set::InitiativeKind => "initiative kind (a code of initiative_kinds.toml)",
            Set::Country => "country (ISO alpha-3 of a UN member or observer state)",
        }
    }
}

/// Checks every cross-reference of `data` against itself and the country list.
pub fn check(data: &Dataset, countries: &BTreeSet<String>) -> Result<(), IngestError> {
    let mut c = Checker {
        data,
        errors: Vec::new(),
        sources: BTreeSet::new(),
        organizations: BTreeSet::new(),
        functions: BTreeSet::new(),
        editions: BTreeSet::new(),
        mechanisms: BTreeSet::new(),
        initiative_kinds: BTreeSet::new(),
        countries,
    };
    c.sources = c.unique(&data.sources, "source key", |s| s.key.as_str());
    c.organizations = c.unique(&data.organizations, "organization key", |o| o.key.as_str());
    c.functions = c.unique(&data.functions, "function code", |f| f.code.as_str());
    for f in &data.functions {
        if let Err(e) = slug::validate_code("code", &f.value.code) {
            let anchor = format!("\"{}\"", f.value.code);
            c.fail(f, &anchor, &anchor, format!("function: {e}"));
        }
    }
    c.editions = c.unique(&data.editions, "edition slug", |e| e.slug.as_str());
    c.mechanisms = c.unique(&data.mechanisms, "mechanism slug", |m| m.slug.as_str());
    c.unique(&data.networks, "network slug", |n| n.slug.as_str());

    for s in &data.sources {
        if s.value.url.as_deref().is_none_or(str::is_empty) {
            let anchor = format!("\"{}\"", s.value.key);
            c.fail(
                s,
                &anchor,
                &anchor,
                format!("source {:?}: url: every starter source needs its URL", s.value.key),
            );
        }
        if let Some(a) = s.value.archived_url.as_deref() {
            let web = a.strip_prefix("https://").or_else(|| a.strip_prefix("http://"));
            if web.is_none_or(|rest| rest.is_empty() || rest.contains(char::is_whitespace)) {
                let anchor = format!("\"{}\"", s.value.key);
                c.fail(
                    s,
                    &anchor,
                    &anchor,
                    format!(
                        "source {:?}: archived_url: {a:?} is not a web address (it must start with http:// or https://)",
                        s.value.key
                    ),
                );
            }
        }
    }
    for o in &data.organizations {
        let (v, anchor) = (&o.value, format!("\"{}\"", o.value.key));
        let record = format!("organization {:?}", v.key);
        c.known(o, &record, &anchor, "parent", v.parent.as_deref(), Set::Organization);
        c.known(o, &record, &anchor, "country", v.country.as_deref(), Set::Country);
        c.refs(o, &record, &anchor, "sources", &v.sources);
        if v.sources.is_empty() {
            c.fail(
                o,
                &anchor,
                &anchor,
                format!("{record}: sources: every record needs at least one source"),
            );
        }
    }
    for f in &data.functions {
        let anchor = format!("\"{}\"", f.value.code);
        c.refs(
            f,
            &format!("function {:?}", f.value.code),
            &anchor,
            "sources",
            &f.value.sources,
        );
    }
    for m in &data.mechanisms {
        check_mechanism(&mut c, m);
    }
    for n in &data.networks {
        let (v, anchor) = (&n.value, format!("\"{}\"", n.value.slug));
        let record = format!("network {:?}", v.slug);
        c.known(
            n,
            &record,
            &anchor,
            "secretariat",
            v.secretariat.as_deref(),
            Set::Organization,
        );
        cited(&mut c, n, &record, &anchor, &v.sources, &v.citation, NETWORK_FIELDS);
        for member in &v.member {
            c.known(
                n,
                &record,
                &anchor,
                "member.country",
                Some(&member.country),
                Set::Country,
            );
            c.refs(n, &record, &anchor, "member.sources", &member.sources);
        }
        for count in &v.count {
            c.refs(n, &record, &anchor, "count.sources", &count.sources);
        }
    }
    for e in &data.editions {
        check_edition(&mut c, e);
    }
    check_initiatives(&mut c);
    check_frameworks(&mut c);
    match c.errors.len() {
        0 => Ok(()),
        1 => Err(c.errors.remove(0)),
        _ => Err(IngestError::Many(c.errors)),
    }
}

fn cited<T>(
    c: &mut Checker<'_>,
    at: &Located<T>,
    record: &str,
    anchor: &str,
    sources: &[String],
    citations: &[super::model::Citation],
    fields: &[&str],
) {
    c.refs(at, record, anchor, "sources", sources);
    for citation in citations {
        c.refs(
            at,
            record,
            anchor,
            "citation.source",
            std::slice::from_ref(&citation.source),
        );
        if !fields.contains(&citation.field.as_str()) {
            let needle = format!("\"{}\"", citation.field);
            c.fail(
                at,
                anchor,
                &needle,
                format!(
                    "{record}: citation.field: {:?} is not one of {}",
                    citation.field,
                    fields.join(", ")
                ),
            );
        }
    }
    if sources.is_empty() && citations.is_empty() {
        c.fail(
            at,
            anchor,
            anchor,
            format!("{record}: every record needs at least one source or citation"),
        );
    }
}

fn check_mechanism(c: &mut Checker<'_>, m: &Located<super::model::Mechanism>) {
    let (v, anchor) = (&m.value, format!("\"{}\"", m.value.slug));
    let record = format!("mechanism {:?}", v.slug);
    c.known(m, &record, &anchor, "country", v.country.as_deref(), Set::Country);
    c.known(
        m,
        &record,
        &anchor,
        "lead_organization",
        v.lead_organization.as_deref(),
        Set::Organization,
    );
    cited(c, m, &record, &anchor, &v.sources, &v.citation, MECHANISM_FIELDS);
    for s in &v.status {
        c.refs(m, &record, &anchor, "status.sources", &s.sources);
    }
    for member in &v.member {
        c.known(
            m,
            &record,
            &anchor,
            "member.organization",
            Some(&member.organization),
            Set::Organization,
        );
        c.refs(m, &record, &anchor, "member.sources", &member.sources);
    }
    for f in &v.function {
        c.known(m, &record, &anchor, "function.edition", Some(&f.edition), Set::Edition);
        c.known(
            m,
            &record,
            &anchor,
            "function.function",
            Some(&f.function),
            Set::Function,
        );
        c.refs(m, &record, &anchor, "function.sources", &f.sources);
    }
    for a in &v.activity {
        c.known(
            m,
            &record,
            &anchor,
            "activity.function",
            a.function.as_deref(),
            Set::Function,
        );
        c.refs(m, &record, &anchor, "activity.sources", &a.sources);
    }
}

fn check_edition(c: &mut Checker<'_>, e: &Located<super::model::Edition>) {
    let (v, anchor) = (&e.value, format!("\"{}\"", e.value.slug));
    let record = format!("edition {:?}", v.slug);
    cited(c, e, &record, &anchor, &v.sources, &v.citation, EDITION_FIELDS);
    for p in &v.publisher {
        c.known(
            e,
            &record,
            &anchor,
            "publisher.organization",
            Some(&p.organization),
            Set::Organization,
        );
        c.refs(e, &record, &anchor, "publisher.sources", &p.sources);
    }
    for p in &v.contributor {
        c.refs(e, &record, &anchor, "contributor.sources", &p.sources);
    }
    let parts: BTreeSet<&str> = v.part.iter().map(|p| p.key.as_str()).collect();
    check_phases(c, e, &record, &anchor, &parts);
    if parts.len() != v.part.len() {
        c.fail(
            e,
            &anchor,
            &anchor,
            format!("{record}: part.key: keys must be unique within the edition"),
        );
    }
    for p in &v.part {
        c.refs(e, &record, &anchor, "part.sources", &p.sources);
        if p.kind == Some(PartKind::Essay) && p.author.as_deref().is_none_or(|a| a.trim().is_empty()) {
            c.fail(
                e,
                &anchor,
                &format!("\"{}\"", p.key),
                format!(
                    "{record}: part.author: part {:?} is an essay, and an essay is printed with its author's name",
                    p.key
                ),
            );
        }
    }
    let essays: BTreeSet<&str> = v
        .part
        .iter()
        .filter(|p| p.kind == Some(PartKind::Essay))
        .map(|p| p.key.as_str())
        .collect();
    for p in &v.profile {
        c.known(
            e,
            &record,
            &anchor,
            "profile.mechanism",
            Some(&p.mechanism),
            Set::Mechanism,
        );
        c.refs(e, &record, &anchor, "profile.sources", &p.sources);
        if let Some(part) = p.part.as_deref()
            && !parts.contains(part)
        {
            let needle = format!("\"{part}\"");
            c.fail(
                e,
                &anchor,
                &needle,
                format!("{record}: profile.part: unknown part {part:?}"),
            );
        }
        if let Some(part) = p.part.as_deref()
            && essays.contains(part)
        {
            c.fail(
                e,
                &anchor,
                &format!("\"{part}\""),
                format!("{record}: profile.part: part {part:?} is an essay, which holds no mechanism profiles"),
            );
        }
    }
}

/// The phases of an edition's publisher rows: a known part, dates in order, every phase
/// sourced, and no row repeating another's organisation, role, part and phase start.
fn check_phases(
    c: &mut Checker<'_>,
    e: &Located<super::model::Edition>,
    record: &str,
    anchor: &str,
    parts: &BTreeSet<&str>,
) {
    let mut seen = BTreeSet::new();
    for p in &e.value.publisher {
        c.refs(e, record, anchor, "publisher.phase_sources", &p.phase_sources);
        if let Some(part) = p.part.as_deref()
            && !parts.contains(part)
        {
            c.fail(
                e,
                anchor,
                &format!("part = \"{part}\""),
                format!("{record}: publisher.part: unknown part {part:?}"),
            );
        }
        if let (Some(from), Some(until)) = (p.phase_from, p.phase_until) {
            let (from, until) = (from.to_string(), until.to_string());
            if until < from && !from.starts_with(&until) {
                c.fail(
                    e,
                    anchor,
                    &format!("phase_until = \"{until}\""),
                    format!("{record}: publisher.phase_until: {until} is before phase_from {from}"),
                );
            }
        }
        let phased = p.phase.is_some() || p.phase_from.is_some() || p.phase_until.is_some();
        if phased && p.phase_sources.is_empty() {
            c.fail(
                e,
                anchor,
                &format!("\"{}\"", p.organization),
                format!(
                    "{record}: publisher.phase_sources: the phase of {:?} as {} has no source",
                    p.organization,
                    p.role.code()
                ),
            );
        }
        if !p.phase_sources.is_empty() && !phased {
            c.fail(
                e,
                anchor,
                &format!("\"{}\"", p.organization),
                format!(
                    "{record}: publisher.phase_sources: {:?} as {} has sources for a phase but no phase",
                    p.organization,
                    p.role.code()
                ),
            );
        }
        let from = p.phase_from.map(|d| d.to_string());
        if !seen.insert((p.organization.as_str(), p.role.code(), p.part.as_deref(), from.clone())) {
            c.fail(
                e,
                anchor,
                &format!("\"{}\"", p.organization),
                format!(
                    "{record}: publisher: {:?} as {} (part {}, phase from {}) is given twice",
                    p.organization,
                    p.role.code(),
                    p.part.as_deref().unwrap_or("none"),
                    from.as_deref().unwrap_or("unknown")
                ),
            );
        }
    }
}

/// Fields of an initiative that an `[[initiative.citation]]` may name.
const INITIATIVE_FIELDS: &[&str] = &[
    "title",
    "country",
    "mechanism",
    "kind",
    "started_on",
    "ended_on",
    "lead_organization",
    "description",
    "note",
    "partner",
];

/// The byte offset, at or after `from`, of the `n`-th (from 0) line of `text` that starts with
/// `header` (comments and other text do not count): where the `n`-th record of a file (or of a
/// block) starts, so that a problem is located in its own record even when two records share a
/// key.
fn nth_offset(text: &str, from: usize, header: &str, n: usize) -> usize {
    let mut offset = from;
    let mut found = 0;
    for line in text[from..].split_inclusive('\n') {
        if line.trim_start().starts_with(header) {
            if found == n {
                return offset;
            }
            found += 1;
        }
        offset += line.len();
    }
    from
}

/// The 1-based line of the first `needle` at or after byte `start` of `text` (or of `start`).
fn line_from(text: &str, start: usize, needle: &str) -> usize {
    let at = text[start..].find(needle).map_or(start, |i| start + i);
    text[..at].matches('\n').count() + 1
}

impl Checker<'_> {
    /// A problem in the `n`-th record of file `file` that starts with `header`, on the line of
    /// the first `needle` in it.
    fn fail_in(&mut self, file: usize, header: &str, n: usize, needle: &str, message: String) {
        let start = nth_offset(&self.data.files[file].text, 0, header, n);
        self.fail_at(file, start, needle, message);
    }

    /// A problem in file `file`, on the line of the first `needle` at or after byte `start`.
    fn fail_at(&mut self, file: usize, start: usize, needle: &str, message: String) {
        let f = &self.data.files[file];
        self.errors.push(IngestError::File {
            file: f.path.clone(),
            line: Some(line_from(&f.text, start, needle)),
            message,
        });
    }
}

/// The index of each record within its file (the `n` of [`nth_offset`]).
fn positions<T>(items: &[Located<T>]) -> Vec<usize> {
    let mut seen: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    items
        .iter()
        .map(|item| {
            let n = seen.entry(item.file).or_default();
            *n += 1;
            *n - 1
        })
        .collect()
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}
