//! Each format parsed back: BibTeX with the `biblatex` crate, RIS line by line, CSL-JSON with
//! serde_json. The citations are synthetic test values with every character the formats treat
//! specially.

use biblatex::{Bibliography, ChunksExt};
use nmp_core::vocab::SourceKind;

use super::*;

fn tricky() -> Citable {
    Citable {
        key: "source-test-tricky".into(),
        work: Work::Source(SourceKind::Report),
        title: "Costs & benefits: 100% of {early} warning_systems #1 $5 ~ ^\\ (synthetic)\nsecond line".into(),
        authors: vec!["Office of Test & Review, Ltd.".into(), "Doe, Jane".into()],
        publisher: Some("Test Institute {Synthetic}".into()),
        container: None,
        issued: Some("2014-12".into()),
        url: Some("https://example.org/a_b%20c?x=1&y={2}".into()),
        accessed: Some("2026-11-30".into()),
        archived_url: Some("https://web.archive.org/web/2026/https://example.org/a_b".into()),
        language: Some("en".into()),
    }
}

#[test]
fn bibtex_parses_back_with_the_same_values() {
    let c = tricky();
    let text = Format::Bibtex.render(&c);
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), 1, "{text}");
    let e = bib.get("source-test-tricky").expect("the key");
    assert_eq!(e.entry_type.to_string(), "techreport", "{text}");
    let field = |name: &str| e.get(name).map(|f| f.format_verbatim()).unwrap_or_default();
    assert_eq!(
        field("title"),
        "Costs & benefits: 100% of {early} warning_systems #1 $5 ~ ^\\ (synthetic) second line",
        "{text}"
    );
    assert_eq!(field("institution"), "Test Institute {Synthetic}");
    assert_eq!(field("url"), "https://example.org/a_b%20c?x=1&y={2}", "{text}");
    assert_eq!(field("year"), "2014");
    assert_eq!(field("urldate"), "2026-11-30");
    assert!(field("note").contains("web.archive.org"));
    // Each author is one protected name, never split at its comma.
    let authors = e.get("author").unwrap();
    let verbatim: Vec<String> = authors
        .iter()
        .filter_map(|c| match &c.v {
            biblatex::Chunk::Verbatim(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(verbatim, ["Office of Test & Review, Ltd.", "Doe, Jane"], "{text}");
    assert!(text.contains("month = {dec}") || text.contains("month = dec"), "{text}");
    assert!(
        text.contains("\\textasciitilde{}")
            && text.contains("\\textasciicircum{}")
            && text.contains("\\textbackslash{}"),
        "{text}"
    );
}

#[test]
fn ris_has_one_tag_per_line_from_ty_to_er() {
    let text = Format::Ris.render(&tricky());
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"TY  - RPRT"));
    assert_eq!(lines.last(), Some(&"ER  - "));
    for l in &lines {
        assert!(
            l.len() >= 6 && l.as_bytes()[2..6] == *b"  - " && l[..2].chars().all(|c| c.is_ascii_alphanumeric()),
            "not a RIS line: {l:?}"
        );
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "no bare line break inside a value"
    );
    let tags: Vec<&str> = lines.iter().map(|l| &l[..2]).collect();
    assert_eq!(tags.iter().filter(|t| **t == "AU").count(), 2);
    assert!(lines.contains(&"DA  - 2014/12//"), "{text}");
    assert!(lines.contains(&"PY  - 2014"));
    assert!(lines.contains(&"Y2  - 2026-11-30"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("TI  - Costs & benefits") && l.ends_with("second line"))
    );
}

#[test]
fn csl_json_parses_back_with_the_schemas_variables() {
    let text = Format::CslJson.render(&tricky());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let item = &v.as_array().unwrap()[0];
    assert_eq!(item["id"], "source-test-tricky");
    assert_eq!(item["type"], "report");
    assert!(
        item["title"]
            .as_str()
            .unwrap()
            .starts_with("Costs & benefits: 100% of {early}")
    );
    assert_eq!(item["author"][0]["literal"], "Office of Test & Review, Ltd.");
    assert_eq!(item["issued"]["date-parts"], serde_json::json!([[2014, 12]]));
    assert_eq!(item["accessed"]["date-parts"], serde_json::json!([[2026, 11, 30]]));
    assert_eq!(item["URL"], "https://example.org/a_b%20c?x=1&y={2}");
    assert_eq!(item["publisher"], "Test Institute {Synthetic}");
}

#[test]
fn a_page_cites_nmp_with_its_url_and_the_access_date() {
    let c = of_page(
        "https://nmp.example.org/",
        "countries",
        "KEN",
        "Kenya",
        Some("2026-12-06".into()),
    );
    assert_eq!(c.url.as_deref(), Some("https://nmp.example.org/countries/ken"));
    assert_eq!(c.authors, [NMP_NAME]);
    let text = plain_text(&c, "[date]");
    assert_eq!(
        text,
        "National Mechanisms Platform (NMP). “Kenya.” National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes. https://nmp.example.org/countries/ken. Accessed 2026-12-06."
    );
    let how = HowToCite::record("https://nmp.example.org", "mechanisms", "ken-x", "X");
    assert!(
        how.text.ends_with("Accessed [the date you read this page]."),
        "{}",
        how.text
    );
    assert_eq!(how.links[0], ("BibTeX", "/cite/mechanisms/ken-x.bib".to_string()));
    let csl: serde_json::Value = serde_json::from_str(&Format::CslJson.render(&c)).unwrap();
    assert_eq!(csl[0]["type"], "webpage");
    assert_eq!(csl[0]["container-title"], REVIEW_TITLE);
}
