//! NMP in English, French and Spanish.
//!
//! - [`Lang`]: the three languages, from a code, a URL prefix or an `Accept-Language` header.
//! - [`t`] and [`t_args`]: a message of the interface in a language, from the
//!   [Project Fluent](https://projectfluent.org) files in `locales/{en,fr,es}/*.ftl`, compiled
//!   into the binary. A message missing in French or Spanish falls back to English, and the
//!   missing key is logged once.
//! - [`dates`]: dates as people type them in each language (`29/12/2018`, `29 décembre 2018`,
//!   `2018-12-29`), and written back in full (`29 décembre 2018`).
//! - [`numbers`]: numbers and percentages as each language writes them ("1 234,5", "14,5 %").
//! - [`check`]: the completeness check: every message in all three languages, with the same
//!   placeholders (run by this crate's tests, so by `.ci/run`).

#![forbid(unsafe_code)]

pub mod check;
pub mod dates;
pub mod numbers;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeables: the pages set `dir` and `lang` themselves.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The ISO 639-1 code (`en`, `fr`, `es`), as in `lang` attributes and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's own name ("Français"), as a language switcher shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The language of a code or tag (`fr`, `FR`, `fr-CA`), if it is one of the three.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The preferred of the three languages in an `Accept-Language` header (by its `q`
    /// weights, then its order), English when it names none of them.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (i, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_code) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                best = Some((q, i, lang));
            }
        }
        best.map(|(_, _, l)| l).unwrap_or_default()
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Fr => langid!("fr"),
            Lang::Es => langid!("es"),
        }
    }
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// The message `key` in `lang` itself, if that language has it (no fallback, nothing logged):
/// for texts that are translated only sometimes, such as the label of a choice by its code.
pub fn t_if(lang: Lang, key: &str) -> Option<String> {
    LOCALES.lookup_single_language::<&str>(&lang.langid(), key, None).ok()
}

/// The label of a choice by its code (`committee` → "Comité"), if the language has one.
pub fn choice_label(lang: Lang, code: &str) -> Option<String> {
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    t_if(lang, &format!("choice-{}", code.replace('_', "-")))
}

/// Where the labels of a vocabulary are among the messages, when not under `choice-CODE`: the
/// prefix of their keys (`ls-status-dormant`), by the vocabulary's name in the data dictionary.
const VOCABULARY_KEYS: &[(&str, &str)] = &[
    ("MechanismStatus", "ls-status"),
    ("OrganizationKind", "org-kind"),
    ("ProfileSection", "ls-profile-section"),
    ("EditionKind", "ls-edition-kind"),
    ("EditionStatus", "dk-edition-status"),
    ("PublisherRole", "ls-publisher-role"),
    ("ContributorRole", "ls-contributor-role"),
    ("UnRegionalGroup", "an-group"),
    ("AccountRole", "st-role"),
    ("EssayStage", "es-stage"),
    ("EssayDecision", "es-decision"),
    ("EssayVersionKind", "es-kind"),
];

/// The label of `code` of the vocabulary `vocabulary` (its name in the data dictionary,
/// `MechanismStatus`) in `lang`, if the language has one: from the vocabulary's own keys where
/// it has them, else from the shared `choice-CODE`.
pub fn vocabulary_label(lang: Lang, vocabulary: &str, code: &str) -> Option<String> {
    match VOCABULARY_KEYS.iter().find(|(name, _)| *name == vocabulary) {
        Some((_, prefix)) if !code.is_empty() => t_if(lang, &format!("{prefix}-{}", code.replace('_', "-"))),
        Some(_) => None,
        None => choice_label(lang, code),
    }
}

/// The message `key` in `lang`, its placeholders filled from `args` (`{ $name }`).
pub fn t_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.to_string()), FluentValue::from(v.to_string())))
        .collect();
    lookup(lang, key, Some(&map))
}

/// The message `key` in `lang` with the number `n` as its placeholder `name`: a number, so that
/// the message can choose its plural form (`{ $count -> [one] ... *[other] ... }`).
pub fn t_count(lang: Lang, key: &str, name: &str, n: usize) -> String {
    let mut map: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
    map.insert(Cow::Owned(name.to_string()), FluentValue::from(n));
    lookup(lang, key, Some(&map))
}

fn lookup(lang: Lang, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>) -> String {
    if let Some(text) = LOCALES.try_lookup_complete(&lang.langid(), key, args) {
        return text;
    }
    missing_once(lang, key);
    LOCALES
        .try_lookup_complete(&Lang::En.langid(), key, args)
        .unwrap_or_else(|| key.to_string())
}

/// Logs a message missing in a language, once per language and key.
fn missing_once(lang: Lang, key: &str) {
    static SEEN: OnceLock<Mutex<HashSet<(Lang, String)>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Mutex::default);
    let first = seen
        .lock()
        .map(|mut s| s.insert((lang, key.to_string())))
        .unwrap_or(false);
    if first {
        tracing::warn!(
            lang = lang.code(),
            key,
            "a message is missing in this language: shown in English"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_come_from_codes_and_headers() {
        assert_eq!(Lang::from_code("FR-ca"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_accept_language("de-DE,es;q=0.8,fr;q=0.9"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("es-AR, en;q=0.5"), Lang::Es);
        assert_eq!(Lang::from_accept_language("de, it"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::En);
        assert_eq!(Lang::from_accept_language("fr;q=0, es;q=0.1"), Lang::Es);
    }

    #[test]
    fn messages_are_found_in_each_language_with_their_placeholders() {
        assert_eq!(t(Lang::En, "lang-name"), "English");
        assert_eq!(t(Lang::Fr, "lang-name"), "Français");
        assert_eq!(
            t_args(Lang::Es, "respond-submitted-on", &[("date", "29 de diciembre de 2018")]),
            "Su respuesta se envió el 29 de diciembre de 2018. Gracias."
        );
        // A key in no language is shown as itself; one missing in French falls back to English.
        assert_eq!(t(Lang::Fr, "no-such-key"), "no-such-key");
        // Choices by code: the vocabulary's, or nothing for a record's number.
        assert_eq!(
            choice_label(Lang::Fr, "ministerial_resolution").as_deref(),
            Some("Arrêté ministériel")
        );
        assert_eq!(
            choice_label(Lang::Es, "task_force").as_deref(),
            Some("Grupo de trabajo")
        );
        assert_eq!(choice_label(Lang::Fr, "42"), None);
        assert_eq!(choice_label(Lang::Fr, "no_such_code"), None);
    }
}
