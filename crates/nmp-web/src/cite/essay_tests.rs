//! An essay's citation in each format and as its page's metadata, parsed back: BibTeX with the
//! `biblatex` crate, RIS line by line, CSL-JSON and JSON-LD with serde_json, the Highwire `<meta>`
//! tags with a small parser of their own. The essay is a synthetic test value.

use biblatex::{Bibliography, ChunksExt};
use serde_json::{Value, json};

use super::scholar::{highwire_meta, json_ld, meta_html};
use super::*;

const TITLE: &str = "Early warning & \"prevention\" </script><script>alert(1)</script> (synthetic)";

fn essay() -> EssayCitation {
    EssayCitation {
        key: "nmp-essays-2026-early-warning".into(),
        title: TITLE.into(),
        authors: vec![
            Contributor {
                name: "Jane Q.  Doe".into(),
                organisation: false,
                affiliation: Some("University of Test & Review".into()),
                orcid: Some("0000-0002-1825-0097".into()),
            },
            Contributor::person("Amani Otieno"),
        ],
        abstract_text: Some("What early warning\nchanged (synthetic).".into()),
        keywords: vec!["early warning".into(), " ".into(), "atrocity prevention".into()],
        edition_title: "National Mechanisms Review 2026".into(),
        editors: vec![
            Contributor::person("Mary Smith"),
            Contributor::organisation("Editorial Board of NMP"),
        ],
        publishers: vec!["Binghamton University, I-GMAP".into(), "Test Institute".into()],
        published_on: Some("2026-03-15".into()),
        year: 2026,
        pages: Some((12, 30)),
        url: "https://nmp.example.org/essays/2026-early-warning".into(),
        pdf_url: Some("https://nmp.example.org/essays/2026-early-warning.pdf".into()),
        language: "en".into(),
        licence: Some("https://creativecommons.org/licenses/by/4.0/".into()),
    }
}

#[test]
fn names_split_into_family_and_given_unless_they_cannot_be() {
    let split = |name: &str| Contributor::person(name).family_given();
    let pair = |f: &str, g: &str| Some((f.to_string(), g.to_string()));
    assert_eq!(split("Jane Q.  Doe"), pair("Doe", "Jane Q."));
    assert_eq!(split("Ludwig van Beethoven"), pair("van Beethoven", "Ludwig"));
    assert_eq!(split("Ban, Ki-moon"), pair("Ban", "Ki-moon"));
    assert_eq!(split("García Márquez, Gabriel"), pair("García Márquez", "Gabriel"));
    assert_eq!(split("Plato"), None);
    assert_eq!(
        split("Synthetic Author (browser test)"),
        None,
        "a note in brackets is no family name"
    );
    assert_eq!(Contributor::person("Jane Doe (ret.)").sort_name(), "Jane Doe (ret.)");
    assert_eq!(split(", Jane"), None);
    assert_eq!(Contributor::organisation("Office of Test, Ltd.").family_given(), None);
    assert_eq!(
        Contributor::organisation("Office of Test, Ltd.").sort_name(),
        "Office of Test, Ltd."
    );
    let mut c = Contributor::person("A B");
    c.orcid = Some("https://orcid.org/0000-0002-1825-0097/".into());
    assert_eq!(c.orcid_id().as_deref(), Some("0000-0002-1825-0097"));
    assert_eq!(c.orcid_url().as_deref(), Some("https://orcid.org/0000-0002-1825-0097"));
}

#[test]
fn bibtex_is_an_incollection_with_people_split_and_organisations_whole() {
    let text = essay().render(Format::Bibtex);
    assert!(
        text.starts_with("@incollection{nmp-essays-2026-early-warning,\n"),
        "{text}"
    );
    for line in [
        "author = {Doe, Jane Q. and Otieno, Amani},",
        "editor = {Smith, Mary and {Editorial Board of NMP}},",
        "booktitle = {{National Mechanisms Review 2026}},",
        "publisher = {{Binghamton University, I-GMAP} and {Test Institute}},",
        "pages = {12--30},",
        "year = {2026},",
        "month = {mar},",
        "url = {https://nmp.example.org/essays/2026-early-warning},",
        "keywords = {early warning, atrocity prevention},",
        "abstract = {What early warning changed (synthetic).},",
        "language = {en},",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
    assert!(!text.contains("doi"), "{text}");
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let e = bib.get("nmp-essays-2026-early-warning").expect("the key");
    assert_eq!(e.entry_type.to_string(), "incollection");
    let authors = e.author().expect("authors");
    assert_eq!(authors.len(), 2);
    assert_eq!(
        (authors[0].name.as_str(), authors[0].given_name.as_str()),
        ("Doe", "Jane Q.")
    );
    assert_eq!(
        (authors[1].name.as_str(), authors[1].given_name.as_str()),
        ("Otieno", "Amani")
    );
    let editors = e.editors().expect("editors");
    assert_eq!(editors[0].0.len(), 2, "{text}");
    assert_eq!(editors[0].0[1].name, "Editorial Board of NMP");
    assert_eq!(editors[0].0[1].given_name, "");
    let field = |name: &str| e.get(name).map(|f| f.format_verbatim()).unwrap_or_default();
    assert_eq!(field("title"), TITLE);
    assert_eq!(field("booktitle"), "National Mechanisms Review 2026");
}

#[test]
fn ris_is_a_chap_with_one_line_per_author_editor_and_keyword() {
    let text = essay().render(Format::Ris);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"TY  - CHAP"));
    assert_eq!(lines.last(), Some(&"ER  - "));
    let tagged = |tag: &str| -> Vec<&str> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(tag).and_then(|l| l.strip_prefix("  - ")))
            .collect()
    };
    assert_eq!(tagged("AU"), ["Doe, Jane Q.", "Otieno, Amani"]);
    assert_eq!(tagged("ED"), ["Smith, Mary", "Editorial Board of NMP"]);
    assert_eq!(tagged("T2"), ["National Mechanisms Review 2026"]);
    assert_eq!(tagged("PB"), ["Binghamton University, I-GMAP; Test Institute"]);
    assert_eq!(tagged("PY"), ["2026"]);
    assert_eq!(tagged("DA"), ["2026/03/15/"]);
    assert_eq!(tagged("SP"), ["12"]);
    assert_eq!(tagged("EP"), ["30"]);
    assert_eq!(tagged("AB"), ["What early warning changed (synthetic)."]);
    assert_eq!(tagged("KW"), ["early warning", "atrocity prevention"]);
    assert_eq!(tagged("UR"), ["https://nmp.example.org/essays/2026-early-warning"]);
    assert_eq!(tagged("LA"), ["en"]);
    assert_eq!(tagged("ID"), ["nmp-essays-2026-early-warning"]);
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "no bare line break inside a value"
    );
}

#[test]
fn csl_json_is_a_chapter_with_split_names() {
    let text = essay().render(Format::CslJson);
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item["id"], "nmp-essays-2026-early-warning");
    assert_eq!(item["type"], "chapter");
    assert_eq!(item["title"], TITLE);
    assert_eq!(
        item["author"],
        json!([{ "family": "Doe", "given": "Jane Q." }, { "family": "Otieno", "given": "Amani" }])
    );
    assert_eq!(
        item["editor"],
        json!([{ "family": "Smith", "given": "Mary" }, { "literal": "Editorial Board of NMP" }])
    );
    assert_eq!(item["container-title"], "National Mechanisms Review 2026");
    assert_eq!(item["issued"]["date-parts"], json!([[2026, 3, 15]]));
    assert_eq!(item["page"], "12-30");
    assert!(item["abstract"].is_string());
    assert_eq!(item["keyword"], "early warning, atrocity prevention");
    assert_eq!(item["URL"], "https://nmp.example.org/essays/2026-early-warning");
    assert_eq!(item["language"], "en");
    assert_eq!(item["license"], "https://creativecommons.org/licenses/by/4.0/");
    assert_eq!(item["publisher"], "Binghamton University, I-GMAP; Test Institute");
}

#[test]
fn the_common_citable_of_an_essay_is_a_chapter_too() {
    let c = essay().citable();
    assert_eq!(c.work, Work::Essay);
    assert_eq!(c.issued.as_deref(), Some("2026-03-15"));
    let bib = Format::Bibtex.render(&c);
    assert!(bib.starts_with("@incollection{"), "{bib}");
    assert!(bib.contains("booktitle = {{National Mechanisms Review 2026}}"), "{bib}");
    assert!(Format::Ris.render(&c).starts_with("TY  - CHAP\r\n"));
    let csl: Value = serde_json::from_str(&Format::CslJson.render(&c)).unwrap();
    assert_eq!(csl[0]["type"], "chapter");
}

#[test]
fn plain_text_names_the_edition_its_editors_and_pages() {
    let mut e = essay();
    e.title = "Early warning".into();
    assert_eq!(
        e.plain_text(),
        "Doe, Jane Q.; Otieno, Amani. “Early warning.” In National Mechanisms Review 2026, edited by Mary Smith \
         and Editorial Board of NMP, 12–30. Binghamton University, I-GMAP; Test Institute, 2026-03-15. \
         https://nmp.example.org/essays/2026-early-warning."
    );
    e.published_on = None;
    e.pages = None;
    e.editors.clear();
    assert!(
        e.plain_text()
            .contains("In National Mechanisms Review 2026. Binghamton University, I-GMAP; Test Institute, 2026."),
        "{}",
        e.plain_text()
    );
}

/// The `(name, content)` of each `<meta name="…" content="…">` line, entities decoded.
fn parse_meta(html: &str) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    html.lines()
        .map(|line| {
            let rest = line
                .strip_prefix("<meta name=\"")
                .unwrap_or_else(|| panic!("not a meta line: {line:?}"));
            let (name, rest) = rest.split_once("\" content=\"").expect("a content attribute");
            let content = rest.strip_suffix("\">").expect("the element's end");
            assert!(
                !content.contains(['"', '<', '>']),
                "an unescaped character in {content:?}"
            );
            (unescape(name), unescape(content))
        })
        .collect()
}

#[test]
fn highwire_tags_parse_back_with_authors_in_order_and_institutions_after_them() {
    let e = essay();
    let html = meta_html(&highwire_meta(&e));
    let tags = parse_meta(&html);
    let get = |name: &str| -> Vec<&str> {
        tags.iter()
            .filter(|(n, _)| n == name)
            .map(|(_, c)| c.as_str())
            .collect()
    };
    assert_eq!(get("citation_title"), [TITLE]);
    assert_eq!(get("citation_author"), ["Doe, Jane Q.", "Otieno, Amani"]);
    // Each institution and ORCID iD comes after the author it belongs to, before the next one.
    let names: Vec<&str> = tags.iter().map(|(n, _)| n.as_str()).collect();
    let first = names.iter().position(|n| *n == "citation_author").expect("an author");
    assert_eq!(
        &names[first..first + 4],
        [
            "citation_author",
            "citation_author_institution",
            "citation_author_orcid",
            "citation_author"
        ]
    );
    assert_eq!(tags[first + 1].1, "University of Test & Review");
    assert_eq!(tags[first + 2].1, "https://orcid.org/0000-0002-1825-0097");
    assert_eq!(tags[first + 3].1, "Otieno, Amani");
    assert_ne!(names.get(first + 4), Some(&"citation_author_institution"));
    assert_eq!(get("citation_publication_date"), ["2026/03/15"]);
    assert_eq!(get("citation_inbook_title"), ["National Mechanisms Review 2026"]);
    assert_eq!(get("citation_book_title"), ["National Mechanisms Review 2026"]);
    assert_eq!(
        get("citation_publisher"),
        ["Binghamton University, I-GMAP", "Test Institute"]
    );
    assert_eq!(get("citation_firstpage"), ["12"]);
    assert_eq!(get("citation_lastpage"), ["30"]);
    assert_eq!(
        get("citation_pdf_url"),
        ["https://nmp.example.org/essays/2026-early-warning.pdf"]
    );
    assert_eq!(get("citation_abstract_html_url"), [e.url.as_str()]);
    assert_eq!(get("citation_fulltext_html_url"), [e.url.as_str()]);
    assert_eq!(get("citation_language"), ["en"]);
    assert_eq!(get("citation_keywords"), ["early warning", "atrocity prevention"]);
    assert!(!html.contains("</script>"), "{html}");

    // Without a day the date is the year alone; without pages or a PDF their tags are left out.
    let mut e = essay();
    e.published_on = Some("2026-03".into());
    e.pages = None;
    e.pdf_url = None;
    let tags = highwire_meta(&e);
    assert!(tags.contains(&("citation_publication_date", "2026".into())));
    assert!(
        !tags
            .iter()
            .any(|(n, _)| matches!(*n, "citation_firstpage" | "citation_lastpage" | "citation_pdf_url"))
    );
}

#[test]
fn json_ld_is_a_scholarly_article_that_cannot_end_its_script_element() {
    let text = json_ld(&essay());
    assert!(
        !text.contains('<') && !text.contains('>') && !text.contains('&'),
        "{text}"
    );
    assert!(text.contains("\\u003c/script\\u003e"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(v["@context"], "https://schema.org");
    assert_eq!(v["@type"], "ScholarlyArticle");
    assert_eq!(v["headline"], TITLE, "the escapes read back as the title");
    assert_eq!(v["name"], TITLE);
    assert_eq!(v["author"][0]["@type"], "Person");
    assert_eq!(v["author"][0]["name"], "Jane Q. Doe");
    assert_eq!(v["author"][0]["familyName"], "Doe");
    assert_eq!(v["author"][0]["sameAs"], "https://orcid.org/0000-0002-1825-0097");
    assert_eq!(
        v["author"][0]["affiliation"],
        json!({ "@type": "Organization", "name": "University of Test & Review" })
    );
    assert_eq!(v["author"][1]["name"], "Amani Otieno");
    assert!(v["author"][1].get("sameAs").is_none());
    assert_eq!(v["datePublished"], "2026-03-15");
    assert_eq!(v["abstract"], "What early warning\nchanged (synthetic).");
    assert_eq!(v["keywords"], json!(["early warning", "atrocity prevention"]));
    assert_eq!(v["inLanguage"], "en");
    assert_eq!(v["license"], "https://creativecommons.org/licenses/by/4.0/");
    assert_eq!(v["isPartOf"]["@type"], "Report");
    assert_eq!(v["isPartOf"]["name"], "National Mechanisms Review 2026");
    assert_eq!(v["isPartOf"]["publisher"][0]["name"], "Binghamton University, I-GMAP");
    assert_eq!(v["isPartOf"]["editor"][1]["@type"], "Organization");
    assert_eq!(v["url"], "https://nmp.example.org/essays/2026-early-warning");
    assert_eq!(v["pageStart"], "12");
    assert_eq!(v["pageEnd"], "30");

    let mut e = essay();
    e.licence = Some("CC BY 4.0".into());
    e.abstract_text = Some("A\u{2028}B".into());
    let text = json_ld(&e);
    assert!(text.contains("\\u2028"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["license"], json!({ "@type": "CreativeWork", "name": "CC BY 4.0" }));
}
