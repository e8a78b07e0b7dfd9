//! The report in a language (issue 22): the edition's `language` picks the report's own words
//! (`templates/lang/{en,fr,es}.typ`), which define the same names with the same parameters; a
//! French or Spanish edition's PDF has its fixed labels, headings, running heads and dates in that
//! language, and an English edition's snapshot is what it was before languages.

use std::collections::BTreeMap;

use nmp_store::Set;
use nmp_store::entity::edition;
use nmp_store::testing::engines;

/// Every top-level definition of a words file: its name and its parameters (`""` for a value).
fn definitions(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("#let "))
        .map(|rest| {
            let end = rest.find(['(', ' ', '=']).unwrap_or(rest.len());
            let name = rest[..end].to_string();
            let params = if rest[end..].starts_with('(') {
                rest[end..rest.find(')').map_or(rest.len(), |i| i + 1)].to_string()
            } else {
                String::new()
            };
            (name, params)
        })
        .collect()
}

/// What `other` lacks, adds or declares differently from English, as sentences.
fn differences(english: &str, other: &str) -> Vec<String> {
    let (en, them) = (definitions(english), definitions(other));
    let mut out = Vec::new();
    for (name, params) in &en {
        match them.get(name) {
            None => out.push(format!("{name} is missing")),
            Some(p) if p != params => out.push(format!("{name} takes {p:?} where English takes {params:?}")),
            Some(_) => {}
        }
    }
    out.extend(
        them.keys()
            .filter(|n| !en.contains_key(*n))
            .map(|n| format!("{n} is not in English")),
    );
    out
}

#[test]
fn the_three_languages_define_the_same_words() {
    let [(_, english), others @ ..] = nmp_report::LANG_TEMPLATES;
    assert!(definitions(english).len() > 100, "the English words file is read");
    for (code, text) in others {
        assert_eq!(
            differences(english, text),
            Vec::<String>::new(),
            "templates/lang/{code}.typ"
        );
    }
    // The check sees a missing definition and a changed parameter list.
    let french = nmp_report::lang_template("fr");
    let without = french.replace("#let contents = [Table des matières]\n", "");
    assert_eq!(differences(english, &without), vec!["contents is missing".to_string()]);
    let changed = french.replace("#let level-of(k) =", "#let level-of(k, n) =");
    assert_eq!(
        differences(english, &changed),
        vec!["level-of takes \"(k, n)\" where English takes \"(k)\"".to_string()]
    );
    // An unknown code gets the English words.
    assert_eq!(nmp_report::lang_template("de"), english);
}

/// The text of a PDF, its lines joined by spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text is read");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date with at least a month (`2014-12`, `2014-12-01`) as the report writes it in `code`
/// (nmp-i18n's dates, which the respondent's form echoes back too).
fn in_words(code: &str, date: &str) -> Option<String> {
    let lang = nmp_i18n::Lang::from_code(code)?;
    let d = nmp_core::PartialDate::parse("date", date).ok()?;
    (date.len() >= 7).then(|| nmp_i18n::dates::format(lang, &d))
}

#[tokio::test]
async fn a_french_or_spanish_edition_s_report_is_written_in_its_language() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();

        // English, as recorded: the snapshot says nothing of a language, the words are English.
        let english = nmp_report::load(s, "2017", true).await.unwrap();
        assert_eq!(english.snapshot.edition.language, "en");
        let json = String::from_utf8(english.snapshot.to_json().unwrap()).unwrap();
        assert!(!json.contains("\"language\""), "an English snapshot hashes as before");
        let text = pdf_text(&nmp_report::render(&english).unwrap().pdf);
        assert!(
            text.contains("Contents") && text.contains("Global overview"),
            "{}",
            &text[..400]
        );

        let cases = [
            (
                "fr",
                ["Table des matières", "Vue d'ensemble mondiale", "Bibliographie"],
                "Contents",
            ),
            ("es", ["Índice", "Panorama mundial", "Bibliografía"], "Global overview"),
        ];
        for (code, words, english_word) in cases {
            let row = s.edition_rows("2017").await.unwrap().unwrap().edition;
            let mut w = s.writer("editor@example.org").await.unwrap();
            w.update::<edition::Entity>(row.edition_id, row.version, |e| e.language = Set(code.into()))
                .await
                .unwrap();
            w.commit().await.unwrap();

            let draft = nmp_report::load(s, "2017", true).await.unwrap();
            assert_eq!(draft.snapshot.edition.language, code);
            let json = String::from_utf8(draft.snapshot.to_json().unwrap()).unwrap();
            assert!(
                json.contains(&format!("\"language\":\"{code}\"")),
                "{code}: the snapshot records it"
            );
            let pdf = nmp_report::render(&draft).unwrap();
            assert!(pdf.warnings.is_empty(), "{code}: {:?}", pdf.warnings);
            let text = pdf_text(&pdf.pdf).replace('’', "'");
            for word in words {
                assert!(text.contains(word), "{code}: the PDF says {word:?}");
            }
            assert!(
                !text.contains(english_word),
                "{code}: the PDF still says {english_word:?}"
            );
            // The vocabularies' labels and the fixed headings are in the language too: a
            // profile's type, the thematic sections' titles.
            let lang = nmp_i18n::Lang::from_code(code).unwrap();
            let profile = draft
                .snapshot
                .parts
                .iter()
                .flat_map(|p| &p.profiles)
                .next()
                .expect("the 2017 edition has profiles");
            let m = s.mechanism_by_slug(&profile.slug).await.unwrap().unwrap();
            let kind = nmp_i18n::choice_label(lang, &m.mechanism_type).unwrap();
            assert_eq!(profile.kind, kind, "{code}: the profile's type");
            assert!(text.contains(&kind), "{code}: the PDF says {kind:?}");
            let theme = nmp_i18n::t(lang, "rs-theme-civil-society");
            assert!(
                draft.snapshot.themes.iter().any(|t| t.title == theme),
                "{code}: the theme is titled {theme:?}"
            );
            assert!(text.contains(&theme), "{code}: the PDF says {theme:?}");
            // The draft mark and the dates follow the language.
            let mark = if code == "fr" { "BROUILLON" } else { "BORRADOR" };
            assert!(text.contains(mark), "{code}: the draft is marked {mark}");
            let dates: Vec<String> = draft
                .snapshot
                .bibliography
                .iter()
                .filter_map(|s| s.published_on.as_deref().and_then(|d| in_words(code, d)))
                .collect();
            assert!(!dates.is_empty(), "the 2017 bibliography has dated sources");
            for date in &dates {
                assert!(text.contains(date.as_str()), "{code}: the PDF writes the date {date:?}");
            }
        }
        db.finish().await;
    }
}

/// Every vocabulary whose labels the report prints has French and Spanish words for each value
/// (else a French report would print an English label among French ones).
#[test]
fn every_label_the_report_prints_has_french_and_spanish_words() {
    let mut missing = Vec::new();
    for name in [
        "MechanismLevel",
        "MechanismType",
        "MechanismStatus",
        "MemberRole",
        "FunctionLevel",
        "OrganizationKind",
        "ProfileSection",
        "InstrumentKind",
        "EditionKind",
        "EditionStatus",
        "PublisherRole",
        "ContributorRole",
        "UnRegionalGroup",
    ] {
        for (code, _) in nmp_core::vocab::options(name).unwrap() {
            for lang in [nmp_i18n::Lang::Fr, nmp_i18n::Lang::Es] {
                if nmp_i18n::vocabulary_label(lang, name, code).is_none() {
                    missing.push(format!("{name} {code} ({})", lang.code()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no words for: {missing:?}");
}

/// The template's plain member role (`member-role`, a member whose role goes without saying) is
/// the very label the snapshot holds for it in each language.
#[test]
fn the_plain_member_role_is_the_snapshot_s_label() {
    for lang in nmp_i18n::Lang::ALL {
        let words = nmp_report::lang_template(lang.code());
        let defined = words
            .lines()
            .find_map(|l| l.strip_prefix("#let member-role = "))
            .unwrap_or_else(|| panic!("{}: member-role is defined", lang.code()))
            .trim()
            .trim_matches('"')
            .to_string();
        assert_eq!(
            defined,
            nmp_report::text::vocab::<nmp_core::vocab::MemberRole>(lang, "member"),
            "{}",
            lang.code()
        );
    }
}
