//! Country names as people type them, for `/compare`: ISO 3166-1 alpha-3 and alpha-2 codes, the
//! names the database holds, and the names in English, French and Spanish from the `keshvar`
//! crate (its translations and its unofficial names), compared without regard to case, accents
//! or punctuation ("cote d'ivoire" is "Côte d'Ivoire", "Costa de Marfil" is "Costa de Marfíl").
//! A name that fits no country, or several, gets suggestions.

use std::collections::{BTreeMap, BTreeSet};

use keshvar::Alpha3;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The languages whose names are accepted.
pub(crate) const LANGUAGES: &[&str] = &["en", "fr", "es"];

/// How many suggestions an unknown name gets at most.
const SUGGESTIONS: usize = 5;

/// `text` folded for comparison: accents removed, lower case, every run of characters that are
/// not letters or digits made one space.
pub(crate) fn fold(text: &str) -> String {
    let bare: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    bare.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A country as the picker offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Named {
    /// ISO alpha-3, upper case.
    pub iso3: String,
    /// The name the database holds.
    pub name: String,
}

/// What a typed name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// One country.
    Found(Named),
    /// Several countries have that name.
    Ambiguous(Vec<Named>),
    /// No country has it; the closest names, if any.
    Unknown(Vec<Named>),
}

/// Every name of every country, folded.
pub(crate) struct CountryNames {
    /// Folded name or code → the countries (ISO alpha-3) that have it.
    keys: BTreeMap<String, BTreeSet<String>>,
    /// ISO alpha-3 → the name the database holds.
    names: BTreeMap<String, String>,
    /// ISO alpha-3 → its folded names and codes.
    per_country: BTreeMap<String, BTreeSet<String>>,
}

impl CountryNames {
    /// The names of `countries` (ISO alpha-3, ISO alpha-2, name as the database holds them) with
    /// keshvar's English, French and Spanish names and unofficial names of each.
    pub(crate) fn new<'a>(countries: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut out = CountryNames {
            keys: BTreeMap::new(),
            names: BTreeMap::new(),
            per_country: BTreeMap::new(),
        };
        for (iso3, iso2, name) in countries {
            let iso3 = iso3.to_ascii_uppercase();
            let mut all = vec![iso3.clone(), iso2.to_string(), name.to_string()];
            if let Ok(code) = Alpha3::try_from(iso3.as_str()) {
                let c = code.to_country();
                all.push(c.iso_short_name().to_string());
                all.extend(c.unofficial_name_list().iter().map(|n| n.to_string()));
                all.extend(
                    LANGUAGES
                        .iter()
                        .filter_map(|l| c.translations().get(l).map(|n| n.to_string())),
                );
            }
            for key in all.iter().map(|n| fold(n)).filter(|k| !k.is_empty()) {
                out.keys.entry(key.clone()).or_default().insert(iso3.clone());
                out.per_country.entry(iso3.clone()).or_default().insert(key);
            }
            out.names.insert(iso3, name.to_string());
        }
        out
    }

    /// Every folded name and code of the country `iso3`, for the type-ahead.
    pub(crate) fn keys_of(&self, iso3: &str) -> Vec<&str> {
        self.per_country
            .get(iso3)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    fn named(&self, iso3: &str) -> Named {
        Named {
            iso3: iso3.to_string(),
            name: self.names.get(iso3).cloned().unwrap_or_default(),
        }
    }

    fn all_named(&self, codes: impl IntoIterator<Item = String>) -> Vec<Named> {
        let mut out: Vec<Named> = codes.into_iter().map(|c| self.named(&c)).collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The country `text` names.
    pub(crate) fn lookup(&self, text: &str) -> Lookup {
        let key = fold(text);
        if let Some(found) = self.keys.get(&key) {
            return match found.len() {
                1 => Lookup::Found(self.named(found.iter().next().map(String::as_str).unwrap_or_default())),
                _ => Lookup::Ambiguous(self.all_named(found.iter().cloned())),
            };
        }
        Lookup::Unknown(self.suggest(&key))
    }

    /// The countries with a name that begins with, or holds a word beginning with, `key`; else
    /// those whose names are closest to it in spelling.
    fn suggest(&self, key: &str) -> Vec<Named> {
        if key.is_empty() {
            return Vec::new();
        }
        let mut hits: BTreeSet<String> = BTreeSet::new();
        for (name, codes) in &self.keys {
            if name.len() > 3 && (name.starts_with(key) || name.contains(&format!(" {key}"))) {
                hits.extend(codes.iter().cloned());
            }
        }
        if hits.is_empty() {
            let mut scored: Vec<(f64, &String)> = self
                .keys
                .iter()
                .filter(|(name, _)| name.len() > 3)
                .flat_map(|(name, codes)| codes.iter().map(move |c| (strsim::jaro_winkler(key, name), c)))
                .filter(|(score, _)| *score >= 0.8)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (_, code) in scored {
                if hits.len() == SUGGESTIONS {
                    break;
                }
                hits.insert(code.clone());
            }
        }
        let mut out = self.all_named(hits);
        out.truncate(SUGGESTIONS);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> CountryNames {
        CountryNames::new([
            ("CIV", "CI", "Côte d'Ivoire"),
            ("KEN", "KE", "Kenya"),
            ("COG", "CG", "Congo"),
            ("COD", "CD", "Democratic Republic of the Congo"),
            ("DEU", "DE", "Germany"),
            ("ESP", "ES", "Spain"),
        ])
    }

    fn found(n: &CountryNames, text: &str) -> String {
        match n.lookup(text) {
            Lookup::Found(c) => c.iso3,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn codes_and_names_in_three_languages_in_any_case_and_without_accents() {
        let n = names();
        for text in [
            "civ",
            "CI",
            "Côte d'Ivoire",
            "cote d ivoire",
            "COTE D'IVOIRE",
            "Costa de Marfil",
        ] {
            assert_eq!(found(&n, text), "CIV", "{text}");
        }
        assert_eq!(found(&n, "Allemagne"), "DEU", "French");
        assert_eq!(found(&n, "Alemania"), "DEU", "Spanish");
        assert_eq!(found(&n, "Espagne"), "ESP");
        assert_eq!(found(&n, "españa"), "ESP");
        assert_eq!(found(&n, "espana"), "ESP");
        assert_eq!(found(&n, "ken"), "KEN");
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let n = names();
        match n.lookup("cote") {
            Lookup::Unknown(s) => assert_eq!(s[0].iso3, "CIV"),
            other => panic!("{other:?}"),
        }
        match n.lookup("Kenia") {
            Lookup::Unknown(s) => assert!(s.iter().any(|c| c.iso3 == "KEN"), "{s:?}"),
            Lookup::Found(c) => assert_eq!(c.iso3, "KEN", "Kenia is Kenya in Spanish"),
            other => panic!("{other:?}"),
        }
        match n.lookup("Atlantis") {
            Lookup::Unknown(s) => assert!(s.is_empty(), "{s:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(fold("  Côte   d’Ivoire "), "cote d ivoire");
    }

    #[test]
    fn a_name_two_countries_share_is_ambiguous() {
        // Synthetic codes: no two real states share a name in English, French or Spanish.
        let n = CountryNames::new([("XAA", "XA", "Atlantis"), ("XAB", "XB", "Atlantis")]);
        match n.lookup("atlantis") {
            Lookup::Ambiguous(cs) => {
                assert_eq!(cs.iter().map(|c| c.iso3.as_str()).collect::<Vec<_>>(), ["XAA", "XAB"])
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(found(&n, "xab"), "XAB", "the code still tells them apart");
    }
}
