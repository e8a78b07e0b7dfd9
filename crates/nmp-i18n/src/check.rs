//! The completeness check of the translations: every message of the English files exists in
//! French and Spanish with the same placeholders (`{ $date }`), no language has a message
//! English lacks, and every file parses. Run by this crate's tests (so by `.ci/run`); a
//! translator runs it alone with `cargo test -p nmp-i18n`.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::Lang;

/// A file of messages: its language, its name (`main.ftl`) and its text.
pub type Source<'a> = (Lang, &'a str, &'a str);

/// The project's message files, as compiled into the binary.
pub fn sources() -> Vec<Source<'static>> {
    vec![
        (Lang::En, "main.ftl", include_str!("../locales/en/main.ftl")),
        (Lang::Fr, "main.ftl", include_str!("../locales/fr/main.ftl")),
        (Lang::Es, "main.ftl", include_str!("../locales/es/main.ftl")),
        (Lang::En, "site.ftl", include_str!("../locales/en/site.ftl")),
        (Lang::Fr, "site.ftl", include_str!("../locales/fr/site.ftl")),
        (Lang::Es, "site.ftl", include_str!("../locales/es/site.ftl")),
        (Lang::En, "record.ftl", include_str!("../locales/en/record.ftl")),
        (Lang::Fr, "record.ftl", include_str!("../locales/fr/record.ftl")),
        (Lang::Es, "record.ftl", include_str!("../locales/es/record.ftl")),
        (Lang::En, "lists.ftl", include_str!("../locales/en/lists.ftl")),
        (Lang::Fr, "lists.ftl", include_str!("../locales/fr/lists.ftl")),
        (Lang::Es, "lists.ftl", include_str!("../locales/es/lists.ftl")),
        (Lang::En, "analysis.ftl", include_str!("../locales/en/analysis.ftl")),
        (Lang::Fr, "analysis.ftl", include_str!("../locales/fr/analysis.ftl")),
        (Lang::Es, "analysis.ftl", include_str!("../locales/es/analysis.ftl")),
        (Lang::En, "staff.ftl", include_str!("../locales/en/staff.ftl")),
        (Lang::Fr, "staff.ftl", include_str!("../locales/fr/staff.ftl")),
        (Lang::Es, "staff.ftl", include_str!("../locales/es/staff.ftl")),
        (Lang::En, "desk.ftl", include_str!("../locales/en/desk.ftl")),
        (Lang::Fr, "desk.ftl", include_str!("../locales/fr/desk.ftl")),
        (Lang::Es, "desk.ftl", include_str!("../locales/es/desk.ftl")),
        (Lang::En, "report.ftl", include_str!("../locales/en/report.ftl")),
        (Lang::Fr, "report.ftl", include_str!("../locales/fr/report.ftl")),
        (Lang::Es, "report.ftl", include_str!("../locales/es/report.ftl")),
        (Lang::En, "essays.ftl", include_str!("../locales/en/essays.ftl")),
        (Lang::Fr, "essays.ftl", include_str!("../locales/fr/essays.ftl")),
        (Lang::Es, "essays.ftl", include_str!("../locales/es/essays.ftl")),
        (Lang::En, "errata.ftl", include_str!("../locales/en/errata.ftl")),
        (Lang::Fr, "errata.ftl", include_str!("../locales/fr/errata.ftl")),
        (Lang::Es, "errata.ftl", include_str!("../locales/es/errata.ftl")),
    ]
}

/// Message keys and the placeholders each uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

/// Every problem of `sources`, as sentences naming the language, file and key; empty when
/// complete.
pub fn problems(sources: &[Source<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    let mut by_file: BTreeMap<&str, BTreeMap<Lang, Messages>> = BTreeMap::new();
    for (lang, file, text) in sources {
        let resource = match fluent_syntax::parser::parse(text.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    out.push(format!(
                        "{}/{file}: cannot be read at byte {}: {:?}",
                        lang.code(),
                        e.pos.start,
                        e.kind
                    ));
                }
                r
            }
        };
        let mut messages = Messages::new();
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                messages.insert(m.id.name.to_string(), vars);
            }
        }
        by_file.entry(file).or_default().insert(*lang, messages);
    }
    for (file, langs) in &by_file {
        let Some(english) = langs.get(&Lang::En) else {
            out.push(format!("en/{file}: missing (every file needs its English reference)"));
            continue;
        };
        for lang in [Lang::Fr, Lang::Es] {
            let Some(other) = langs.get(&lang) else {
                out.push(format!("{}/{file}: missing", lang.code()));
                continue;
            };
            for (key, vars) in english {
                match other.get(key) {
                    None => out.push(format!("{}/{file}: the message {key} is missing", lang.code())),
                    Some(v) if v != vars => out.push(format!(
                        "{}/{file}: the message {key} has the placeholders {} where English has {}",
                        lang.code(),
                        list(v),
                        list(vars)
                    )),
                    Some(_) => {}
                }
            }
            for key in other.keys().filter(|k| !english.contains_key(*k)) {
                out.push(format!("{}/{file}: the message {key} is not in English", lang.code()));
            }
        }
    }
    out
}

fn list(vars: &BTreeSet<String>) -> String {
    if vars.is_empty() {
        "none".into()
    } else {
        vars.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ")
    }
}

fn pattern_vars(p: &Pattern<String>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<String>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<String>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.clone());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for n in &arguments.named {
                inline_vars(&n.value, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_s_translations_are_complete() {
        let problems = problems(&sources());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_message_file_on_disk_is_checked() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let checked: Vec<(String, String)> = sources()
            .iter()
            .map(|(l, f, _)| (l.code().to_string(), f.to_string()))
            .collect();
        for lang in ["en", "fr", "es"] {
            for entry in std::fs::read_dir(root.join(lang)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                assert!(
                    checked.contains(&(lang.to_string(), name.clone())),
                    "{lang}/{name} is loaded by the site but not listed in check::sources()"
                );
            }
        }
    }

    #[test]
    fn a_missing_message_or_placeholder_is_reported() {
        let sources = sources();
        let french = sources[1].2;
        // Remove a message from the French file.
        let without: String = french
            .lines()
            .filter(|l| !l.starts_with("respond-save ="))
            .map(|l| format!("{l}\n"))
            .collect();
        let broken = [sources[0], (Lang::Fr, "main.ftl", without.as_str()), sources[2]];
        assert_eq!(
            problems(&broken),
            vec!["fr/main.ftl: the message respond-save is missing".to_string()]
        );
        // Rename a placeholder in the Spanish file, add a message English lacks.
        let renamed = sources[2].2.replace("hasta el { $date }", "hasta el { $fecha }") + "extra = más\n";
        let broken = [sources[0], sources[1], (Lang::Es, "main.ftl", renamed.as_str())];
        assert_eq!(
            problems(&broken),
            vec![
                "es/main.ftl: the message respond-saved has the placeholders $fecha where English has $date"
                    .to_string(),
                "es/main.ftl: the message extra is not in English".to_string(),
            ]
        );
        // A file that does not parse says where.
        let bad = [sources[0], (Lang::Fr, "main.ftl", "= no key\n"), sources[2]];
        assert!(
            problems(&bad)[0].starts_with("fr/main.ftl: cannot be read at byte 0"),
            "{:?}",
            problems(&bad)
        );
    }
}
