//! The starter dataset's checks of initiatives (with their partners and citations) and of the
//! assessment frameworks: every reference resolved, every date and code well formed, each problem
//! with its file and line, as the rest of the starter checks do.

use super::*;

/// Initiative kinds, then initiatives with their partners and citations.
pub(super) fn check_initiatives(c: &mut Checker<'_>) {
    let data = c.data;
    let mut kinds = BTreeSet::new();
    for (k, n) in data.initiative_kinds.iter().zip(positions(&data.initiative_kinds)) {
        let v = &k.value;
        let needle = format!("\"{}\"", v.code);
        if let Err(e) = slug::validate_code("code", &v.code) {
            c.fail_in(k.file, "[[kind]]", n, &needle, format!("initiative kind: {e}"));
        }
        if !kinds.insert(v.code.as_str()) {
            c.fail_in(
                k.file,
                "[[kind]]",
                n,
                &needle,
                format!("initiative kind code {:?} is used twice", v.code),
            );
        }
        if blank(&v.label) {
            c.fail_in(
                k.file,
                "[[kind]]",
                n,
                "label",
                format!("initiative kind {:?}: label: give a label", v.code),
            );
        }
    }
    c.initiative_kinds = kinds;

    let header = "[[initiative]]";
    let mut slugs = BTreeSet::new();
    for (i, n) in data.initiatives.iter().zip(positions(&data.initiatives)) {
        let v = &i.value;
        let record = format!("initiative {:?}", v.slug);
        let slug_needle = format!("\"{}\"", v.slug);
        if let Err(e) = slug::validate("slug", &v.slug) {
            c.fail_in(i.file, header, n, &slug_needle, format!("{record}: {e}"));
        }
        if !slugs.insert(v.slug.as_str()) {
            c.fail_in(
                i.file,
                header,
                n,
                &slug_needle,
                format!("initiative slug {:?} is used twice", v.slug),
            );
        }
        if blank(&v.title) {
            c.fail_in(i.file, header, n, "title", format!("{record}: title: give the title"));
        }
        let known = |c: &mut Checker<'_>, field: &str, value: Option<&str>, set: Set| {
            let Some(value) = value else { return };
            let ok = match set {
                Set::Organization => c.organizations.contains(value),
                Set::Mechanism => c.mechanisms.contains(value),
                Set::InitiativeKind => c.initiative_kinds.contains(value),
                Set::Country => c.countries.contains(value),
                Set::Function => c.functions.contains(value),
                Set::Edition => c.editions.contains(value),
            };
            if !ok {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{value}\""),
                    format!("{record}: {field}: unknown {} {value:?}", set.name()),
                );
            }
        };
        known(c, "country", v.country.as_deref(), Set::Country);
        known(c, "mechanism", v.mechanism.as_deref(), Set::Mechanism);
        known(c, "kind", Some(&v.kind), Set::InitiativeKind);
        known(
            c,
            "lead_organization",
            v.lead_organization.as_deref(),
            Set::Organization,
        );
        if let (Some(start), Some(end)) = (v.started_on, v.ended_on) {
            let (start, end) = (start.to_string(), end.to_string());
            if end < start && !start.starts_with(&end) {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    "ended_on",
                    format!("{record}: ended_on: {end} is before started_on {start}"),
                );
            }
        }
        let mut refs: Vec<(&str, &str)> = v.sources.iter().map(|r| ("sources", r.as_str())).collect();
        refs.extend(v.citation.iter().map(|x| ("citation.source", x.source.as_str())));
        for citation in &v.citation {
            if !INITIATIVE_FIELDS.contains(&citation.field.as_str()) {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{}\"", citation.field),
                    format!(
                        "{record}: citation.field: {:?} is not one of {}",
                        citation.field,
                        INITIATIVE_FIELDS.join(", ")
                    ),
                );
            }
        }
        if v.sources.is_empty() && v.citation.is_empty() {
            c.fail_in(
                i.file,
                header,
                n,
                &slug_needle,
                format!("{record}: every record needs at least one source or citation"),
            );
        }
        let mut partners = BTreeSet::new();
        for p in &v.partner {
            known(c, "partner.organization", Some(&p.organization), Set::Organization);
            if !partners.insert(p.organization.as_str()) {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{}\"", p.organization),
                    format!("{record}: partner.organization: {:?} is listed twice", p.organization),
                );
            }
            if v.lead_organization.as_deref() == Some(p.organization.as_str()) {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{}\"", p.organization),
                    format!(
                        "{record}: partner.organization: {:?} is the lead organisation; partners are the others",
                        p.organization
                    ),
                );
            }
            if p.sources.is_empty() {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{}\"", p.organization),
                    format!(
                        "{record}: partner {:?}: sources: every partner needs at least one source",
                        p.organization
                    ),
                );
            }
            refs.extend(p.sources.iter().map(|r| ("partner.sources", r.as_str())));
        }
        for (field, r) in refs {
            let (key, _) = split_ref(r);
            if !c.sources.contains(key) {
                c.fail_in(
                    i.file,
                    header,
                    n,
                    &format!("\"{r}\""),
                    format!("{record}: {field}: unknown source {key:?}"),
                );
            }
        }
    }
}

/// Assessment frameworks: slug, version, unique criteria codes, at least two levels each.
pub(super) fn check_frameworks(c: &mut Checker<'_>) {
    let data = c.data;
    let header = "[[framework]]";
    let mut versions = BTreeSet::new();
    for (f, n) in data.frameworks.iter().zip(positions(&data.frameworks)) {
        let v = &f.value;
        let record = format!("framework {:?} version {}", v.slug, v.version);
        let slug_needle = format!("\"{}\"", v.slug);
        if let Err(e) = slug::validate("slug", &v.slug) {
            c.fail_in(f.file, header, n, &slug_needle, format!("framework: {e}"));
        }
        if v.version == 0 {
            c.fail_in(
                f.file,
                header,
                n,
                "version",
                format!("{record}: version: versions are numbered from 1"),
            );
        }
        if !versions.insert((v.slug.as_str(), v.version)) {
            c.fail_in(f.file, header, n, "version", format!("{record} is listed twice"));
        }
        if blank(&v.title) {
            c.fail_in(f.file, header, n, "title", format!("{record}: title: give a title"));
        }
        if v.criterion.is_empty() {
            c.fail_in(
                f.file,
                header,
                n,
                &slug_needle,
                format!("{record}: criterion: a framework needs at least one criterion"),
            );
        }
        let mut codes = BTreeSet::new();
        let text = &data.files[f.file].text;
        let block = nth_offset(text, 0, header, n);
        for r in &v.sources {
            unknown_source(c, f.file, block, r, &format!("{record}: sources"));
        }
        for (k, criterion) in v.criterion.iter().enumerate() {
            let at = nth_offset(text, block, "[[framework.criterion]]", k);
            let needle = "code";
            if let Err(e) = slug::validate_code("criterion.code", &criterion.code) {
                c.fail_at(f.file, at, needle, format!("{record}: {e}"));
            }
            if !codes.insert(criterion.code.as_str()) {
                c.fail_at(
                    f.file,
                    at,
                    needle,
                    format!("{record}: criterion.code: {:?} is used twice", criterion.code),
                );
            }
            if blank(&criterion.label) {
                c.fail_at(
                    f.file,
                    at,
                    "label",
                    format!("{record}: criterion {:?}: label: give a label", criterion.code),
                );
            }
            if criterion.level.len() < 2 {
                c.fail_at(
                    f.file,
                    at,
                    needle,
                    format!(
                        "{record}: criterion {:?}: level: a criterion needs at least two ordered levels",
                        criterion.code
                    ),
                );
            }
            check_criterion_extras(c, f.file, at, &record, criterion);
            let mut labels = BTreeSet::new();
            for (l, level) in criterion.level.iter().enumerate() {
                if blank(&level.label) || !labels.insert(level.label.trim()) {
                    let level_at = nth_offset(text, at, "[[framework.criterion.level]]", l);
                    c.fail_at(
                        f.file,
                        level_at,
                        "label",
                        format!(
                            "{record}: criterion {:?}: level.label: each level needs its own label ({:?})",
                            criterion.code, level.label
                        ),
                    );
                }
            }
        }
    }
}

/// A source reference that names no source of the dataset.
fn unknown_source(c: &mut Checker<'_>, file: usize, at: usize, reference: &str, what: &str) {
    let (key, _) = split_ref(reference);
    if !c.sources.contains(key) {
        c.fail_at(
            file,
            at,
            &format!("\"{reference}\""),
            format!("{what}: unknown source {key:?}"),
        );
    }
}

/// What only some frameworks give per criterion (the UN Framework of Analysis): a category
/// code, sources, and indicators, each numbered once, worded and cited.
fn check_criterion_extras(
    c: &mut Checker<'_>,
    file: usize,
    at: usize,
    record: &str,
    criterion: &crate::starter::model::FrameworkCriterion,
) {
    let code = &criterion.code;
    if let Some(category) = &criterion.category
        && let Err(e) = slug::validate_code("criterion.category", category)
    {
        c.fail_at(file, at, "category", format!("{record}: criterion {code:?}: {e}"));
    }
    for r in &criterion.sources {
        unknown_source(c, file, at, r, &format!("{record}: criterion {code:?}: sources"));
    }
    let data = c.data;
    let text = &data.files[file].text;
    let mut numbers = BTreeSet::new();
    for (i, indicator) in criterion.indicator.iter().enumerate() {
        let here = nth_offset(text, at, "[[framework.criterion.indicator]]", i);
        let what = format!("{record}: criterion {code:?}: indicator {:?}", indicator.code);
        if blank(&indicator.code) || !numbers.insert(indicator.code.trim()) {
            c.fail_at(
                file,
                here,
                "code",
                format!("{what}: code: give each indicator its own number"),
            );
        }
        if blank(&indicator.text) {
            c.fail_at(
                file,
                here,
                "text",
                format!("{what}: text: give the indicator's wording"),
            );
        }
        if indicator.sources.is_empty() {
            c.fail_at(
                file,
                here,
                "code",
                format!("{what}: sources: every indicator needs at least one source"),
            );
        }
        for r in &indicator.sources {
            unknown_source(c, file, here, r, &format!("{what}: sources"));
        }
    }
}
