//! Facet counts on the lists (Datasette's `_facet`): for each filter of a list, every value with
//! the number of rows it would show if it were chosen, the other active filters applied. The
//! lists count the rows they have already read, so a count costs no query of its own; the same
//! pass filters the rows ([`apply`]). The mechanism and source lists, filtered and paged by the
//! database, have each filter's values counted there (one `GROUP BY` each) and labelled by [`counted`].

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

/// One value of a filter with the rows it selects.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacetValue {
    /// The value as the filter's parameter takes it.
    pub value: String,
    /// The value in words.
    pub label: String,
    /// Rows matching this value and the other active filters.
    pub count: usize,
}

/// Every filter of a list (by parameter name) with its values and their counts.
pub type Facets = BTreeMap<String, Vec<FacetValue>>;

/// One filter of a list of `T`.
pub(crate) struct Facet<T> {
    /// The parameter's name.
    pub field: &'static str,
    /// The values offered, in the order shown, with their labels. Values the rows hold that are
    /// not offered are added after them, labelled by themselves.
    pub options: Vec<(String, String)>,
    /// The values a row has for this filter (several for a country's networks).
    pub of: fn(&T) -> Vec<String>,
    /// The value chosen, if any.
    pub chosen: Option<String>,
}

impl<T> Facet<T> {
    fn matches(&self, row: &T) -> bool {
        self.chosen.as_ref().is_none_or(|c| (self.of)(row).contains(c))
    }
}

/// The rows matching every chosen value, and each filter's values with their counts.
pub(crate) fn apply<T>(rows: Vec<T>, facets: &[Facet<T>]) -> (Vec<T>, Facets) {
    let matched: Vec<Vec<bool>> = rows
        .iter()
        .map(|row| facets.iter().map(|f| f.matches(row)).collect())
        .collect();
    let mut counts = Facets::new();
    for (i, facet) in facets.iter().enumerate() {
        let mut per_value: BTreeMap<String, usize> = BTreeMap::new();
        for (row, m) in rows.iter().zip(&matched) {
            let others = m.iter().enumerate().all(|(j, ok)| j == i || *ok);
            if others {
                for v in (facet.of)(row) {
                    *per_value.entry(v).or_default() += 1;
                }
            }
        }
        counts.insert(facet.field.to_string(), counted(&facet.options, per_value));
    }
    let kept = rows
        .into_iter()
        .zip(matched)
        .filter(|(_, m)| m.iter().all(|ok| *ok))
        .map(|(row, _)| row)
        .collect();
    (kept, counts)
}

/// A filter's values from the number of rows each selects (counted by the list or by the
/// database): the values offered, in their order with their labels, then the values the rows hold
/// that are not offered, labelled by themselves.
pub(crate) fn counted(options: &[(String, String)], mut per_value: BTreeMap<String, usize>) -> Vec<FacetValue> {
    let mut values: Vec<FacetValue> = options
        .iter()
        .map(|(value, label)| FacetValue {
            count: per_value.remove(value).unwrap_or(0),
            value: value.clone(),
            label: label.clone(),
        })
        .collect();
    values.extend(per_value.into_iter().map(|(value, count)| FacetValue {
        label: value.clone(),
        value,
        count,
    }));
    values
}

/// A filter's choices for a page's drop-down, each label followed by its count: `Africa (54)`.
/// The labels are as the list has them (the records' names, in English).
pub(crate) fn choices(facets: &Facets, field: &str) -> Vec<(String, String)> {
    choices_in(facets, field, |_, label| label.to_string())
}

/// [`choices`] with each label shown as `shown(value, label)` says: a vocabulary's value in the
/// page's language (`Comité (3)`). Only pages call this; the API's facets keep their English.
pub(crate) fn choices_in(facets: &Facets, field: &str, shown: impl Fn(&str, &str) -> String) -> Vec<(String, String)> {
    facets
        .get(field)
        .map(|values| {
            values
                .iter()
                .map(|v| (v.value.clone(), format!("{} ({})", shown(&v.value, &v.label), v.count)))
                .collect()
        })
        .unwrap_or_default()
}

/// The value `code` of the closed vocabulary `vocab` (`status`, `source-kind`, `network-role`,
/// `language`, ...) as a page in the request's language shows it: the message
/// `ls-{vocab}-{code}` (underscores as hyphens), or `english` (the vocabulary's own label) in
/// English and for a code without a translation.
pub(crate) fn word(vocab: &str, code: &str, english: &str) -> String {
    let lang = crate::lang::lang();
    if lang == nmp_i18n::Lang::En || code.is_empty() {
        return english.to_string();
    }
    nmp_i18n::t_if(lang, &format!("ls-{vocab}-{}", code.replace('_', "-"))).unwrap_or_else(|| english.to_string())
}

/// A single optional value as a list (for [`Facet::of`]).
pub(crate) fn one(value: &Option<String>) -> Vec<String> {
    value.iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Row {
        region: Option<String>,
        tags: Vec<String>,
    }

    fn row(region: &str, tags: &[&str]) -> Row {
        Row {
            region: Some(region.to_string()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn facets(region: Option<&str>, tag: Option<&str>) -> Vec<Facet<Row>> {
        vec![
            Facet {
                field: "region",
                options: vec![
                    ("a".into(), "A".into()),
                    ("b".into(), "B".into()),
                    ("c".into(), "C".into()),
                ],
                of: |r| one(&r.region),
                chosen: region.map(str::to_string),
            },
            Facet {
                field: "tag",
                options: Vec::new(),
                of: |r| r.tags.clone(),
                chosen: tag.map(str::to_string),
            },
        ]
    }

    fn count(f: &Facets, field: &str, value: &str) -> usize {
        f[field].iter().find(|v| v.value == value).map(|v| v.count).unwrap()
    }

    #[test]
    fn each_filter_counts_under_the_others() {
        let rows = vec![row("a", &["x"]), row("a", &["x", "y"]), row("b", &["y"]), row("b", &[])];
        let (kept, f) = apply(rows.clone(), &facets(None, None));
        assert_eq!(kept.len(), 4);
        assert_eq!((count(&f, "region", "a"), count(&f, "region", "b")), (2, 2));
        assert_eq!(count(&f, "region", "c"), 0, "an offered value no row has counts 0");
        assert_eq!((count(&f, "tag", "x"), count(&f, "tag", "y")), (2, 2));

        let (kept, f) = apply(rows.clone(), &facets(Some("a"), Some("y")));
        assert_eq!(kept, vec![row("a", &["x", "y"])]);
        // The region counts apply the tag filter only, the tag counts the region filter only.
        assert_eq!((count(&f, "region", "a"), count(&f, "region", "b")), (1, 1));
        assert_eq!((count(&f, "tag", "x"), count(&f, "tag", "y")), (2, 1));
        assert_eq!(choices(&f, "region")[0], ("a".to_string(), "A (1)".to_string()));
    }
}
