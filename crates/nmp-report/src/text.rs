//! Small text helpers shared by the site and the Markdown: dates in words, paragraphs, the
//! edition's citation line and the agreement figures (the template has its own copies in
//! Typst).

use nmp_i18n::Lang;

use crate::snapshot::Snapshot;

/// A partial date (`2014`, `2014-12`, `2014-12-05`) in words, in English (`5 December 2014`, as
/// [`nmp_i18n::dates::format`] writes it); anything else as it is.
pub fn fmt_date(date: &str) -> String {
    fmt_date_in(Lang::En, date)
}

/// A partial date in words in `lang`: `5 December 2014`, `5 décembre 2014` (`1er décembre
/// 2014`), `5 de diciembre de 2014`; `décembre 2014`, `diciembre de 2014`; anything else as it
/// is.
pub fn fmt_date_in(lang: Lang, date: &str) -> String {
    nmp_core::PartialDate::parse("date", date)
        .map(|d| nmp_i18n::dates::format(lang, &d))
        .unwrap_or_else(|_| date.to_string())
}

/// The label of the vocabulary value `code` in `lang`: in English as the vocabulary says it
/// (so English reports stay as they were), in French and Spanish from the interface's messages
/// ([`nmp_i18n::vocabulary_label`], the words the site uses), falling back to English where
/// they have none.
pub fn vocab<V: nmp_core::vocab::Vocabulary>(lang: Lang, code: &str) -> String {
    let english = nmp_core::vocab::label::<V>(code);
    let name = std::any::type_name::<V>().rsplit("::").next().unwrap_or_default();
    match lang {
        Lang::En => english,
        other => nmp_i18n::vocabulary_label(other, name, code).unwrap_or(english),
    }
}

/// A fixed heading of the report (`rs-theme-civil-society`, `rs-narrative-history`): as
/// recorded in English, from the messages in French and Spanish.
pub fn heading_in(lang: Lang, prefix: &str, key: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_string(),
        other => {
            nmp_i18n::t_if(other, &format!("{prefix}-{}", key.replace('_', "-"))).unwrap_or_else(|| english.to_string())
        }
    }
}

/// The paragraphs of a text stored with blank lines between them.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The year an edition is cited with: its year, else its slug.
pub fn year(snapshot: &Snapshot) -> String {
    snapshot
        .edition
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| snapshot.edition.slug.clone())
}

/// How to cite the edition: publishers (year). Title: subtitle. Kind, edition slug.
pub fn how_to_cite(snapshot: &Snapshot) -> String {
    let e = &snapshot.edition;
    let publishers: Vec<&str> = e.publishers.iter().map(|p| p.name.as_str()).collect();
    let mut text = format!("{} ({}). {}", publishers.join(" and "), year(snapshot), e.title);
    if let Some(sub) = &e.subtitle {
        text.push_str(&format!(": {sub}"));
    }
    text.push_str(&format!(". {}, edition {}.", e.kind, e.slug));
    text
}

/// How to cite the edition in `lang` (the words "and" and "edition" in it; the names, title
/// and kind as recorded): the same as [`how_to_cite`] in English.
pub fn how_to_cite_in(lang: Lang, snapshot: &Snapshot) -> String {
    let e = &snapshot.edition;
    let publishers = e
        .publishers
        .iter()
        .map(|p| p.name.clone())
        .reduce(|before, after| nmp_i18n::t_args(lang, "rs-cite-and", &[("before", &before), ("after", &after)]))
        .unwrap_or_default();
    let mut text = format!("{publishers} ({}). {}", year(snapshot), e.title);
    if let Some(sub) = &e.subtitle {
        text.push_str(&format!(": {sub}"));
    }
    text.push_str(". ");
    text.push_str(&nmp_i18n::t_args(
        lang,
        "rs-cite-edition",
        &[("kind", &e.kind), ("slug", &e.slug)],
    ));
    text
}

/// Krippendorff's alpha to three decimals, or a dash when undefined.
pub fn alpha(a: Option<f64>) -> String {
    a.map(|a| format!("{a:.3}")).unwrap_or_else(|| "–".into())
}

/// A share (0 to 1) as a whole percentage, or a dash when undefined.
pub fn percent(p: Option<f64>) -> String {
    p.map(|p| format!("{}%", (100.0 * p).round()))
        .unwrap_or_else(|| "–".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words_at_their_precision() {
        assert_eq!(fmt_date("2014"), "2014");
        assert_eq!(fmt_date("2014-12"), "December 2014");
        assert_eq!(fmt_date("2014-12-05"), "5 December 2014");
        assert_eq!(fmt_date("2014-13"), "2014-13");
        assert_eq!(fmt_date_in(Lang::Fr, "2014-12-05"), "5 décembre 2014");
        assert_eq!(fmt_date_in(Lang::Fr, "2014-12-01"), "1er décembre 2014");
        assert_eq!(fmt_date_in(Lang::Fr, "2014-12"), "décembre 2014");
        assert_eq!(fmt_date_in(Lang::Es, "2014-12-05"), "5 de diciembre de 2014");
        assert_eq!(fmt_date_in(Lang::Es, "2014-12"), "diciembre de 2014");
        assert_eq!(fmt_date_in(Lang::Es, "2014"), "2014");
        assert_eq!(fmt_date_in(Lang::En, "2014-12-05"), fmt_date("2014-12-05"));
    }

    #[test]
    fn paragraphs_are_split_on_blank_lines_and_reflowed() {
        assert_eq!(paragraphs("One\nline.\n\n\nTwo."), vec!["One line.", "Two."]);
        assert!(paragraphs("  \n\n ").is_empty());
    }
}
