//! Word documents built in memory, converted to Markdown, compared with the exact text; and
//! files that must be refused.

use std::io::{Cursor, Write};

use nmp_essay::docx::{DocxError, to_markdown};
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A ZIP archive of `parts` (name, text), deflated.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).expect("start part");
        zip.write_all(text.as_bytes()).expect("write part");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// Optional parts of a test document.
#[derive(Default)]
struct Parts<'a> {
    styles: Option<&'a str>,
    numbering: Option<&'a str>,
    footnotes: Option<&'a str>,
    /// External hyperlink relationships: id and URL.
    links: &'a [(&'a str, &'a str)],
}

/// A .docx whose body holds `body` (WordprocessingML paragraphs and tables).
fn docx(body: &str, parts: Parts<'_>) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, url) in parts.links {
        rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{url}" TargetMode="External"/>"#
        ));
    }
    rels.push_str("</Relationships>");
    let wrap =
        |root: &str, inner: &str| format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:{root} {NS}>{inner}</w:{root}>"#);
    let styles = parts.styles.map(|s| wrap("styles", s));
    let numbering = parts.numbering.map(|s| wrap("numbering", s));
    let footnotes = parts.footnotes.map(|s| wrap("footnotes", s));
    let mut all = vec![
        ("[Content_Types].xml", content_types.to_owned()),
        ("_rels/.rels", root_rels.to_owned()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
    ];
    for (name, part) in [
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
    ] {
        if let Some(p) = part {
            all.push((name, p));
        }
    }
    let refs: Vec<(&str, &str)> = all.iter().map(|(n, t)| (*n, t.as_str())).collect();
    package(&refs)
}

/// A paragraph of plain runs.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// Converts and returns the Markdown, failing on an error.
fn md(bytes: &[u8]) -> String {
    to_markdown(bytes).expect("converts").markdown
}

const STYLES: &str = r#"
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My section heading"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
"#;

#[test]
fn headings_and_quotes_follow_the_paragraph_styles() {
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Early warning in practice</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>A German-named style</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>Based on heading 2</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Outline level 2</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>First quoted.</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>Second quoted.</w:t></w:r></w:p>"#,
        "<w:p/>",
        r#"<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>"#,
        &p("Body “text” stays Unicode — here."),
    ]
    .concat();
    let out = md(&docx(
        &body,
        Parts {
            styles: Some(STYLES),
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "# Early warning in practice\n\n# Background\n\n## A German-named style\n\n## Based on heading 2\n\n\
         ### Outline level 2\n\n> First quoted.\n>\n> Second quoted.\n\nBody “text” stays Unicode — here.\n"
    );
}

#[test]
fn builtin_style_ids_work_without_styles_xml() {
    let body = r#"<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Third</w:t></w:r></w:p>"#;
    assert_eq!(md(&docx(body, Parts::default())), "### Third\n");
}

#[test]
fn bold_and_italic_runs_merge_with_spaces_outside() {
    let body = concat!(
        "<w:p>",
        r#"<w:r><w:t xml:space="preserve">Plain </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">bold </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>text</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> and </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:i/></w:rPr><w:t>ital</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:i w:val="true"/></w:rPr><w:t>ics</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:i w:val="false"/></w:rPr><w:t xml:space="preserve">, </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>both</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">, </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:strike/></w:rPr><w:t>gone</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve">, </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>strong</w:t></w:r>"#,
        r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>"#,
        r#"<w:r><w:tab/><w:t>tabbed</w:t><w:sym w:font="Wingdings" w:char="F04A"/></w:r>"#,
        r#"<w:r><w:br/><w:t xml:space="preserve"> next line</w:t></w:r>"#,
        "</w:p>",
    );
    let out = md(&docx(
        body,
        Parts {
            styles: Some(STYLES),
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "Plain **bold text** and *italics*, ***both***, ~~gone~~, **strong**2 tabbed\\\nnext line\n"
    );
}

#[test]
fn bold_runs_around_a_space_become_one() {
    let body = concat!(
        "<w:p>",
        r#"<w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> </w:t></w:r>"#,
        r#"<w:r><w:rPr><w:b/></w:rPr><w:t>b</w:t></w:r>"#,
        "</w:p>",
    );
    assert_eq!(md(&docx(body, Parts::default())), "**a b**\n");
}

#[test]
fn hyperlinks_become_links_and_anchors_text() {
    let body = concat!(
        "<w:p>",
        r#"<w:r><w:t xml:space="preserve">See </w:t></w:r>"#,
        r#"<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the report</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t xml:space="preserve"> and </w:t></w:r>"#,
        r#"<w:hyperlink w:anchor="_Toc1"><w:r><w:t>section 2</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t xml:space="preserve">, not </w:t></w:r>"#,
        r#"<w:hyperlink r:id="rId10"><w:r><w:t>this</w:t></w:r></w:hyperlink>"#,
        r#"<w:r><w:t>.</w:t></w:r>"#,
        "</w:p>",
    );
    let out = md(&docx(
        body,
        Parts {
            links: &[
                ("rId9", "https://example.org/a report (2020).pdf"),
                ("rId10", "javascript:alert(1)"),
            ],
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "See [the report](https://example.org/a%20report%20%282020%29.pdf) and section 2, not this.\n"
    );
}

const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
"#;

/// A list paragraph of numbering `num` at level `ilvl`.
fn li(num: u8, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn bulleted_and_numbered_lists() {
    let body = [
        p("Before."),
        li(1, 0, "apples"),
        li(1, 1, "green ones"),
        li(1, 0, "pears"),
        p("Between."),
        li(2, 0, "first"),
        li(2, 1, "sub a"),
        li(2, 1, "sub b"),
        li(2, 0, "second"),
        p("After."),
    ]
    .concat();
    let out = md(&docx(
        &body,
        Parts {
            styles: Some(STYLES),
            numbering: Some(NUMBERING),
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "Before.\n\n- apples\n  - green ones\n- pears\n\nBetween.\n\n1. first\n   1. sub a\n   2. sub b\n2. second\n\nAfter.\n"
    );
}

#[test]
fn two_footnotes_numbered_in_order_of_appearance() {
    let footnotes = r#"
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Later in the file, second in the text.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>with</w:t></w:r><w:r><w:t xml:space="preserve"> two paragraphs.</w:t></w:r></w:p><w:p><w:r><w:t>The second paragraph.</w:t></w:r></w:p></w:footnote>
"#;
    let body = concat!(
        r#"<w:p><w:r><w:t>A claim.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> Another.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
    );
    let out = md(&docx(
        body,
        Parts {
            footnotes: Some(footnotes),
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "A claim.[^1] Another.[^2]\n\n[^1]: First, *with* two paragraphs.\n\n    The second paragraph.\n\n\
         [^2]: Later in the file, second in the text.\n"
    );
}

/// A table cell holding `inner`.
fn tc(inner: &str) -> String {
    format!("<w:tc><w:tcPr/>{inner}</w:tc>")
}

#[test]
fn a_table_becomes_a_pipe_table() {
    let body = [
        p("Table 1."),
        "<w:tbl><w:tblPr/><w:tblGrid/>".to_owned(),
        format!("<w:tr>{}{}</w:tr>", tc(&p("Country")), tc(&p("Mechanisms"))),
        format!(
            "<w:tr>{}{}</w:tr>",
            tc(&format!("{}{}", p("Kenya"), p("(east)"))),
            tc(&p("3 | three"))
        ),
        format!("<w:tr>{}</w:tr>", tc(&p("Ghana"))),
        "</w:tbl>".to_owned(),
        p("After."),
    ]
    .concat();
    let converted = to_markdown(&docx(&body, Parts::default())).expect("converts");
    assert_eq!(
        converted.markdown,
        "Table 1.\n\n| Country | Mechanisms |\n| --- | --- |\n| Kenya (east) | 3 \\| three |\n| Ghana |  |\n\nAfter.\n"
    );
    assert!(converted.warnings.is_empty(), "{:?}", converted.warnings);
}

#[test]
fn a_table_inside_a_table_is_kept_as_text_with_a_warning() {
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(&p("x")), tc(&p("y")));
    let body = format!(
        "<w:tbl><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl>",
        tc(&p("Head")),
        tc(&format!("{}{inner}", p("Outer")))
    );
    let converted = to_markdown(&docx(&body, Parts::default())).expect("converts");
    assert_eq!(converted.markdown, "| Head |\n| --- |\n| Outer x y |\n");
    assert_eq!(
        converted.warnings,
        vec!["a table inside a table was kept as text".to_owned()]
    );
}

#[test]
fn images_are_left_out_with_one_warning() {
    let body = [
        p("Figure:"),
        r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:r><w:t xml:space="preserve">Inline </w:t></w:r><w:r><w:pict/></w:r><w:r><w:t>picture.</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let converted = to_markdown(&docx(&body, Parts::default())).expect("converts");
    assert_eq!(converted.markdown, "Figure:\n\nInline picture.\n");
    assert_eq!(
        converted.warnings,
        vec!["2 images were left out (images are not taken from Word files; add figures with the editor)".to_owned()]
    );

    let one = to_markdown(&docx(
        r#"<w:p><w:r><w:t>x</w:t><w:drawing/></w:r></w:p>"#,
        Parts::default(),
    ))
    .expect("converts");
    assert_eq!(
        one.warnings,
        vec!["an image was left out (images are not taken from Word files; add figures with the editor)".to_owned()]
    );
}

#[test]
fn markdown_typed_in_word_is_escaped() {
    let body = [
        p("This is *not bold* and __not__ either."),
        p("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; `code` ~~no~~ a|b"),
        p("# not a heading"),
        p("- not a list"),
        p("1. not a list either"),
        p("&gt; not a quote"),
        p("[a link](https://x.org) and ![image](y.png) and [see @x] and C:\\path"),
    ]
    .concat();
    let out = md(&docx(&body, Parts::default()));
    assert_eq!(
        out,
        "This is \\*not bold\\* and \\_\\_not\\_\\_ either.\n\n\
         \\<script\\>alert(1)\\</script\\> \\&amp; \\`code\\` \\~\\~no\\~\\~ a\\|b\n\n\
         \\# not a heading\n\n\
         \\- not a list\n\n\
         1\\. not a list either\n\n\
         \\> not a quote\n\n\
         \\[a link\\](https://x.org) and !\\[image\\](y.png) and \\[see @x\\] and C:\\\\path\n"
    );
}

#[test]
fn citations_typed_in_word_are_kept() {
    let body = [
        p("As shown [@aipr-2017, p. 4] and [@mechanism:kenya-ncic; @ewp-2023]."),
        // Split over runs of the same formatting, as Word often does.
        r#"<w:p><w:r><w:t xml:space="preserve">Split [@aipr</w:t></w:r><w:r><w:t>-2017] here.</w:t></w:r></w:p>"#
            .to_owned(),
        p("Not a citation: [@bad key] or [@x, &lt;b&gt;]."),
        p("[@aipr-2017]: at the start"),
    ]
    .concat();
    let out = md(&docx(&body, Parts::default()));
    assert_eq!(
        out,
        "As shown [@aipr-2017, p. 4] and [@mechanism:kenya-ncic; @ewp-2023].\n\n\
         Split [@aipr-2017] here.\n\n\
         Not a citation: \\[@bad key\\] or \\[@x, \\<b\\>\\].\n\n\
         [@aipr-2017]\\: at the start\n"
    );
}

#[test]
fn output_holds_no_raw_html_and_ends_with_one_newline() {
    let body = [
        p("&lt;div onclick=x&gt;"),
        p("&lt;!-- comment --&gt;"),
        p("&lt;https://autolink.example&gt;"),
        "<w:p/><w:p/>".to_owned(),
        p("end   "),
    ]
    .concat();
    let out = md(&docx(&body, Parts::default()));
    for (i, _) in out.match_indices('<') {
        assert!(out[..i].ends_with('\\'), "unescaped < at {i} in {out:?}");
    }
    assert!(out.ends_with("end\n") && !out.ends_with("\n\n"), "{out:?}");
    assert!(!out.contains("\n\n\n"), "{out:?}");
}

#[test]
fn an_empty_document_converts_to_nothing_with_a_warning() {
    let converted = to_markdown(&docx("<w:p/>", Parts::default())).expect("converts");
    assert_eq!(converted.markdown, "");
    assert_eq!(converted.warnings, vec!["the Word document holds no text".to_owned()]);
}

#[test]
fn conversion_is_deterministic() {
    let body = [p("One."), li(1, 0, "two"), p("Three [@x].")].concat();
    let bytes = docx(
        &body,
        Parts {
            numbering: Some(NUMBERING),
            ..Parts::default()
        },
    );
    assert_eq!(to_markdown(&bytes), to_markdown(&bytes));
}

#[test]
fn random_bytes_are_not_a_word_document() {
    let bytes: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err = to_markdown(&bytes).expect_err("refused");
    assert!(matches!(err, DocxError::NotDocx(_)), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("this file is not a Word document (.docx): "),
        "{err}"
    );
}

#[test]
fn a_zip_without_the_document_part_is_refused() {
    let no_word = package(&[("[Content_Types].xml", "<Types/>"), ("readme.txt", "hello")]);
    let err = to_markdown(&no_word).expect_err("refused");
    assert!(matches!(err, DocxError::NotDocx(_)), "{err:?}");

    let no_document = package(&[("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<x/>")]);
    let err = to_markdown(&no_document).expect_err("refused");
    assert_eq!(err, DocxError::NotDocx("it has no word/document.xml".to_owned()));
    assert!(err.to_string().contains("it has no word/document.xml"), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_opened() {
    // 8 MiB of spaces deflate to a few kilobytes: over the 100 times that documents expand,
    // for a part over 1 MiB (nmp_core::upload::package's limits). Written in 64 KiB steps.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).expect("start");
    zip.write_all(format!("<w:document {NS}><w:body>").as_bytes())
        .expect("write");
    let blanks = vec![b' '; 64 * 1024];
    for _ in 0..128 {
        zip.write_all(&blanks).expect("write");
    }
    zip.write_all(b"</w:body></w:document>").expect("write");
    let bytes = zip.finish().expect("finish").into_inner();
    assert!(bytes.len() < 200 * 1024, "{}", bytes.len());
    let err = to_markdown(&bytes).expect_err("refused");
    assert!(matches!(err, DocxError::Refused(_)), "{err:?}");
    assert!(err.to_string().contains("zip bomb"), "{err}");
}

#[test]
fn a_document_that_is_not_well_formed_xml_is_refused_with_its_line() {
    let bytes = package(&[
        ("[Content_Types].xml", "<Types/>"),
        (
            "word/document.xml",
            "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n<w:body><w:p></w:body></w:document>",
        ),
    ]);
    let err = to_markdown(&bytes).expect_err("refused");
    let message = err.to_string();
    assert!(
        matches!(err, DocxError::Damaged { ref part, .. } if part == "word/document.xml"),
        "{err:?}"
    );
    assert!(
        message.starts_with("this Word document is damaged: its part word/document.xml is not well-formed XML ("),
        "{message}"
    );
    assert!(message.contains("3:"), "names the line: {message}");
}

#[test]
fn a_colon_after_a_note_at_a_line_start_stays_text() {
    let footnotes = r#"<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> - a dash first.</w:t></w:r></w:p></w:footnote>"#;
    let body = r#"<w:p><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t xml:space="preserve">: not a definition</w:t></w:r></w:p>"#;
    let out = md(&docx(
        body,
        Parts {
            footnotes: Some(footnotes),
            ..Parts::default()
        },
    ));
    assert_eq!(out, "[^1]\\: not a definition\n\n[^1]: \\- a dash first.\n");
}

#[test]
fn deeply_nested_xml_is_refused_not_walked() {
    let depth = 20_000; // under 1 MiB, so the package check lets it through
    let body = format!(
        "<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>",
        "<w:ins>".repeat(depth),
        "</w:ins>".repeat(depth)
    );
    let err = to_markdown(&docx(&body, Parts::default())).expect_err("refused");
    assert!(
        err.to_string()
            .contains("word/document.xml nests elements more than 256 levels deep"),
        "{err}"
    );
    // Moderate nesting converts.
    let body = format!(
        "<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>",
        "<w:ins>".repeat(50),
        "</w:ins>".repeat(50)
    );
    assert_eq!(md(&docx(&body, Parts::default())), "deep\n");
}

#[test]
fn spaces_around_text_count_only_where_xml_space_preserves_them() {
    let body = concat!(
        "<w:p>",
        r#"<w:r><w:t>  trimmed  </w:t></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> kept </w:t></w:r>"#,
        r#"<w:r><w:t>end</w:t></w:r>"#,
        "</w:p>",
    );
    assert_eq!(md(&docx(body, Parts::default())), "trimmed kept end\n");
}

#[test]
fn numbering_continues_after_a_paragraph_and_items_keep_their_breaks() {
    let item_with_break = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>two</w:t><w:br/><w:t>- still two</w:t></w:r></w:p>"#;
    let body = [
        li(2, 0, "one"),
        item_with_break.to_owned(),
        p("A paragraph."),
        li(2, 0, "three"),
        r#"<w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>Line</w:t><w:br/><w:t>1. line</w:t></w:r></w:p>"#
            .to_owned(),
    ]
    .concat();
    let out = md(&docx(
        &body,
        Parts {
            styles: Some(STYLES),
            numbering: Some(NUMBERING),
            ..Parts::default()
        },
    ));
    assert_eq!(
        out,
        "1. one\n2. two\\\n   \\- still two\n\nA paragraph.\n\n3. three\n\n> Line\\\n> 1\\. line\n"
    );
}
