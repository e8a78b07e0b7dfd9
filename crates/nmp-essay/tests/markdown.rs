//! Essay Markdown: citation syntax, problems, checking, HTML, Typst and plain text.

use nmp_essay::markdown::{
    Cited, HtmlOptions, MarkdownProblem, RecordKind, RefKey, Reference, Resolve, Unresolved, check, plain_text,
    references, to_html, to_html_with, to_typst, word_count,
};

/// Knows one source and one mechanism.
struct Catalogue;

impl Resolve for Catalogue {
    fn cite(&self, r: &Reference) -> Option<Cited> {
        let locator = r.locator.as_ref().map(|l| format!(", {l}")).unwrap_or_default();
        match &r.key {
            RefKey::Source(s) if s == "aipr-2017-report" => Some(Cited {
                text: format!("AIPR, Annual report 2017{locator}"),
                href: Some("https://nmp.example/sources/aipr-2017-report".to_string()),
            }),
            RefKey::Record {
                kind: RecordKind::Mechanism,
                key,
            } if key == "ken-national-committee" => Some(Cited {
                text: format!("Kenya National Committee{locator}"),
                href: None,
            }),
            _ => None,
        }
    }
}

fn source(slug: &str, locator: Option<&str>, line: usize) -> Reference {
    Reference {
        key: RefKey::Source(slug.to_string()),
        locator: locator.map(str::to_string),
        line,
    }
}

fn record(kind: RecordKind, key: &str, locator: Option<&str>, line: usize) -> Reference {
    Reference {
        key: RefKey::Record {
            kind,
            key: key.to_string(),
        },
        locator: locator.map(str::to_string),
        line,
    }
}

fn problems(markdown: &str) -> Vec<String> {
    match references(markdown) {
        Ok(refs) => panic!("expected problems, got {refs:?}"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

// --- Syntax -----------------------------------------------------------------------------------

#[test]
fn citation_groups_items_and_locators() {
    let md = "One [@aipr-2017-report].\n\nTwo [@aipr-2017-report, p. 4] and \
              [@a; @mechanism:ken-national-committee, pp. 3–5].\n\n\
              Three [@country:KEN] [@indicator:mechanisms-established/2017] [@x_y.z-1].\n";
    let refs = references(md).unwrap();
    assert_eq!(
        refs,
        vec![
            source("aipr-2017-report", None, 1),
            source("aipr-2017-report", Some("p. 4"), 3),
            source("a", None, 3),
            record(RecordKind::Mechanism, "ken-national-committee", Some("pp. 3–5"), 3),
            record(RecordKind::Country, "KEN", None, 5),
            record(RecordKind::Indicator, "mechanisms-established/2017", None, 5),
            source("x_y.z-1", None, 5),
        ]
    );
}

#[test]
fn every_record_kind_is_read_and_round_trips_its_code() {
    for kind in RecordKind::ALL {
        assert_eq!(RecordKind::parse(kind.code()), Some(kind));
        let md = format!("See [@{}:k1].", kind.code());
        assert_eq!(references(&md).unwrap(), vec![record(kind, "k1", None, 1)]);
    }
    assert_eq!(RecordKind::parse("Mechanism"), None);
    assert_eq!(RecordKind::parse("planet"), None);
    assert_eq!(RecordKind::Organization.code(), "organization");
}

#[test]
fn keys_and_references_display_as_written() {
    let r = record(RecordKind::Mechanism, "ken", Some("§ 2"), 1);
    assert_eq!(r.key.to_string(), "mechanism:ken");
    assert_eq!(r.to_string(), "[@mechanism:ken, § 2]");
    assert_eq!(source("a", None, 1).to_string(), "[@a]");
}

#[test]
fn a_citation_split_across_lines_and_text_events_is_found() {
    // pulldown-cmark splits text at brackets and soft line breaks.
    let md = "Text [@a;\n@b, p.\n7] end, and *emphasis* then [@c].";
    let refs = references(md).unwrap();
    assert_eq!(
        refs,
        vec![source("a", None, 1), source("b", Some("p. 7"), 1), source("c", None, 3)]
    );
}

#[test]
fn citations_in_code_or_escaped_are_not_citations() {
    let md = "Code `[@not-one]` and\n\n```\n[@nor-this]\n```\n\n    [@indented]\n\n\
              Escaped \\[@escaped] and entity &#91;@entity] but \\\\[@after-backslash].";
    assert_eq!(references(md).unwrap(), vec![source("after-backslash", None, 9)]);
    let html = to_html(md, &Unresolved);
    assert!(html.contains("<code>[@not-one]</code>"), "{html}");
    assert!(html.contains("[@escaped]"), "{html}");
    assert_eq!(html.matches("<sup").count(), 1, "{html}");
}

#[test]
fn bad_citations_are_problems_naming_their_line() {
    let md = "Fine [@a].\n\nBad [@planet:mars] here.\n\nAlso [@Upper] and [@a b] and [@a;] and [@a,] and [@].";
    let problems = problems(md);
    assert_eq!(problems.len(), 6, "{problems:#?}");
    assert!(
        problems[0].starts_with(
            "line 3: [@planet:mars] is not a valid citation: \"planet\" is not a kind of record NMP cites"
        ),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("mechanism, initiative, network, country, organization, edition, indicator"));
    assert!(problems[1].starts_with("line 5: [@Upper]"), "{}", problems[1]);
    assert!(problems[1].contains("lowercase"), "{}", problems[1]);
    assert!(problems[2].contains("a locator comes after a comma"), "{}", problems[2]);
    assert!(problems[3].contains("an item is empty"), "{}", problems[3]);
    assert!(problems[4].contains("nothing follows the comma"), "{}", problems[4]);
    assert!(problems[5].contains("no key follows @"), "{}", problems[5]);
}

#[test]
fn an_unclosed_citation_is_a_problem() {
    let problems = problems("Text [@aipr-2017-report, p. *4*] end.");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("line 1: the citation \"[@aipr-2017-report, p. \" has no closing"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_citation_inside_a_link_is_a_problem() {
    let problems = problems("See [the report [@a]](https://example.org).");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("[@a] is inside a link's text"), "{}", problems[0]);
}

#[test]
fn other_brackets_are_left_alone() {
    let md = "A [plain] bracket, an [email@example.org], a [link](https://x.org), a [ref][r].\n\n[r]: https://y.org\n";
    assert_eq!(references(md).unwrap(), vec![]);
}

#[test]
fn footnotes_undefined_and_unused_are_problems() {
    let md = "Text[^1] and[^3] and again[^1].\n\n[^1]: Defined.\n\n[^2]: Never used.\n";
    let problems = problems(md);
    assert_eq!(
        problems,
        vec![
            "line 1: footnote [^3] has no definition".to_string(),
            "line 5: footnote [^2] is defined but never referenced".to_string(),
        ]
    );
}

#[test]
fn footnote_labels_match_without_regard_to_case_and_duplicates_are_problems() {
    assert_eq!(references("A[^Note].\n\n[^note]: x\n").unwrap(), vec![]);
    let problems = problems("A[^n].\n\n[^n]: x\n\n[^n]: y\n");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0], "line 5: footnote [^n] is defined twice (first on line 3)");
}

#[test]
fn references_in_footnotes_are_listed_with_their_line() {
    let md = "Body[^n].\n\n[^n]: See [@aipr-2017-report, p. 2].\n";
    assert_eq!(
        references(md).unwrap(),
        vec![source("aipr-2017-report", Some("p. 2"), 3)]
    );
}

#[test]
fn problem_display_is_line_and_message() {
    let p = MarkdownProblem {
        line: 12,
        message: "x".to_string(),
    };
    assert_eq!(p.to_string(), "line 12: x");
}

// --- Checking -----------------------------------------------------------------------------------

#[test]
fn check_asks_about_every_reference() {
    let known = |key: &RefKey| match key {
        RefKey::Source(s) => s == "aipr-2017-report",
        RefKey::Record { kind, key } => *kind == RecordKind::Country && key == "KEN",
    };
    let ok = "A [@aipr-2017-report] and [@country:KEN].";
    assert_eq!(check(ok, &known).unwrap().len(), 2);
    let md = "A [@aipr-2017-report].\n\n\n\nB [@no-such-source] and [@mechanism:x].\n\nC [@planet:z]";
    let problems: Vec<String> = check(md, &known).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert_eq!(
        problems[0],
        "line 5: [@no-such-source] cites a source NMP does not hold"
    );
    assert_eq!(
        problems[1],
        "line 5: [@mechanism:x] cites mechanism \"x\", which NMP does not hold"
    );
    assert!(problems[2].starts_with("line 7: [@planet:z] is not a valid citation"));
}

// --- HTML ------------------------------------------------------------------------------------------

#[test]
fn html_numbers_citations_and_footnotes_together() {
    let md = "# Intro\n\nFirst [@aipr-2017-report, p. 4], then a note[^n], \
              then [@a; @mechanism:ken-national-committee] and the note again[^n].\n\n\
              [^n]: An *author* note.\n";
    let html = to_html(md, &Catalogue);
    assert!(html.starts_with("<h2>Intro</h2>\n"), "{html}");
    assert!(html.contains("First<sup class=\"cite\"><a href=\"#essay-note-1\" id=\"essay-cite-1\">1</a></sup>"));
    assert!(
        html.contains("a note<sup class=\"cite footnote\"><a href=\"#essay-note-2\" id=\"essay-cite-2\">2</a></sup>"),
        "{html}"
    );
    assert!(html.contains("then<sup class=\"cite\"><a href=\"#essay-note-3\" id=\"essay-cite-3\">3</a></sup>"));
    assert!(
        html.contains("again<sup class=\"cite footnote\"><a href=\"#essay-note-2\" id=\"essay-cite-2-2\">2</a></sup>"),
        "{html}"
    );
    let notes = &html[html.find("<section class=\"essay-notes\">").expect(&html)..];
    assert!(notes.starts_with("<section class=\"essay-notes\">\n<h2>Notes</h2>\n<ol>\n"));
    assert!(notes.contains(
        "<li id=\"essay-note-1\"><a href=\"https://nmp.example/sources/aipr-2017-report\">AIPR, Annual report 2017, p. 4</a> <a href=\"#essay-cite-1\""
    ), "{notes}");
    assert!(
        notes.contains("<li id=\"essay-note-2\"><p>An <em>author</em> note. <a href=\"#essay-cite-2\""),
        "{notes}"
    );
    // Unresolved keys show raw; items are joined by "; "; no link without an href.
    assert!(
        notes.contains("<li id=\"essay-note-3\">a; Kenya National Committee <a href=\"#essay-cite-3\""),
        "{notes}"
    );
    assert_eq!(notes.matches("<li ").count(), 3);
    assert_eq!(notes.matches("↩").count(), 3);
    // The body has no note list of pulldown-cmark's own.
    assert!(!html.contains("footnote-definition"), "{html}");
}

#[test]
fn html_notes_follow_first_appearance_even_when_defined_early() {
    let md = "[^late]: Defined first, used second.\n\n[^early]: Used first.\n\nA[^early] B[^late] C [@x].";
    let html = to_html(md, &Unresolved);
    let early = html.find("<li id=\"essay-note-1\"><p>Used first.").expect(&html);
    let late = html.find("<li id=\"essay-note-2\"><p>Defined first").expect(&html);
    assert!(early < late);
    assert!(html.contains("<li id=\"essay-note-3\">x <a"), "{html}");
    // The definitions are not in the body.
    assert!(html.find("Used first").unwrap() > html.find("essay-notes").unwrap());
}

#[test]
fn html_without_notes_has_no_notes_section_and_heading_is_translatable() {
    let html = to_html("Just *text*.", &Catalogue);
    assert_eq!(html, "<p>Just <em>text</em>.</p>\n");
    let options = HtmlOptions {
        notes_heading: "Notes & <références>".to_string(),
        ..HtmlOptions::default()
    };
    let html = to_html_with("A [@a].", &Unresolved, &options);
    assert!(html.contains("<h2>Notes &amp; &lt;références&gt;</h2>"), "{html}");
}

#[test]
fn html_headings_shift_down_one_level() {
    let html = to_html("# One\n\n## Two\n\n###### Six\n", &Unresolved);
    assert_eq!(html, "<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n");
}

#[test]
fn html_escapes_raw_html() {
    let md = "<script>alert('x')</script>\n\nInline <img src=x onerror=alert(1)> and <b>bold</b>.\n\n<div onclick=\"evil()\">\nblock\n</div>\n";
    let html = to_html(md, &Unresolved);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("<div"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
            || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
}

#[test]
fn html_drops_unsafe_links_and_keeps_safe_ones() {
    let md = "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](java\tscript:x) \
              [d](data:text/html,<script>) [e](vbscript:x) ![f](javascript:x)\n\n\
              [g](https://example.org/?q=\"x\") [h](/mechanisms/ken) [i](#sec) [j](mailto:a@b.org) <https://auto.org>\n\n\
              [k]: javascript:alert(2)\n\n[k]\n";
    let html = to_html(md, &Unresolved);
    let lower = html.to_lowercase();
    assert!(!lower.contains("javascript:"), "{html}");
    assert!(!lower.contains("vbscript:"), "{html}");
    assert!(!lower.contains("data:"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    // Their text stays (a tab in a destination makes no link at all).
    assert!(html.starts_with("<p>a b [c](java\tscript:x) d e f</p>\n"), "{html}");
    assert!(html.contains("<p>k</p>"), "{html}");
    assert!(
        html.contains("<a href=\"https://example.org/?q=%22x%22\">g</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"/mechanisms/ken\">h</a>"), "{html}");
    assert!(html.contains("<a href=\"#sec\">i</a>"), "{html}");
    assert!(html.contains("<a href=\"mailto:a@b.org\">j</a>"), "{html}");
    assert!(html.contains("<a href=\"https://auto.org\">"), "{html}");
}

#[test]
fn html_resolver_links_are_escaped_and_checked() {
    struct Evil;
    impl Resolve for Evil {
        fn cite(&self, r: &Reference) -> Option<Cited> {
            Some(Cited {
                text: format!("<b>{}</b>", r.key),
                href: Some(if r.locator.is_some() {
                    "javascript:alert(1)".to_string()
                } else {
                    "https://x.org/?a=1&b=\"2\"".to_string()
                }),
            })
        }
    }
    let html = to_html("A [@a] B [@b, p. 1].", &Evil);
    assert!(
        html.contains("<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;a&lt;/b&gt;</a>"),
        "{html}"
    );
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        html.contains("&lt;b&gt;b&lt;/b&gt; <a href=\"#essay-cite-2\""),
        "{html}"
    );
}

#[test]
fn html_tables_strikethrough_and_citations_in_footnotes() {
    let md = "| a | b |\n|---|--:|\n| ~~x~~ | [@aipr-2017-report] |\n\nText[^n].\n\n[^n]: As [@aipr-2017-report, p. 9] says.\n";
    let html = to_html(md, &Catalogue);
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<del>x</del>"), "{html}");
    assert!(
        html.contains("<td style=\"text-align: right\"><sup class=\"cite\"><a href=\"#essay-note-1\""),
        "{html}"
    );
    // A citation inside a footnote is written in the footnote, not numbered.
    assert!(html.contains("<li id=\"essay-note-2\"><p>As <a href=\"https://nmp.example/sources/aipr-2017-report\">AIPR, Annual report 2017, p. 9</a> says."), "{html}");
    assert!(!html.contains("essay-note-3"), "{html}");
}

#[test]
fn html_renders_despite_problems() {
    let md = "Bad [@planet:mars], undefined[^9], unclosed [@a and fine [@b].";
    let html = to_html(md, &Unresolved);
    assert!(html.contains("[@planet:mars]"), "{html}");
    assert!(html.contains("undefined[^9]"), "{html}");
    assert!(html.contains("<li id=\"essay-note-1\">b <a"), "{html}");
    let problems = problems(md);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[2].contains("\"[@a and fine \" has no closing"), "{problems:?}");
}

// --- Typst ---------------------------------------------------------------------------------------

#[test]
fn typst_structure() {
    let md = "# Intro\n\n## Part\n\nSome *emph*, **strong**, ~~gone~~ and `code \"q\"`.\n\n\
              - one\n- two\n\n3. three\n4. four\n\n> Quoted\n\n```rust\nlet x = \"y\";\n```\n\n\
              [site](https://example.org/a\"b) and [rel](/x) and [bad](javascript:x)\n\n\
              ![a diagram](https://x.org/d.png)\n\n---\n";
    let typst = to_typst(md, &Unresolved);
    assert!(typst.starts_with("== Intro\n\n=== Part\n\n"), "{typst}");
    assert!(
        typst.contains("Some #emph[emph], #strong[strong], #strike[gone] and #raw(\"code \\\"q\\\"\")\\."),
        "{typst}"
    );
    assert!(typst.contains("#list(\n  [one],\n  [two],\n)"), "{typst}");
    assert!(typst.contains("#enum(start: 3,\n  [three],\n  [four],\n)"), "{typst}");
    assert!(typst.contains("#quote(block: true)[\nQuoted\n]"), "{typst}");
    assert!(
        typst.contains("#raw(block: true, lang: \"rust\", \"let x \\= \\\"y\\\";\")")
            || typst.contains("#raw(block: true, lang: \"rust\", \"let x = \\\"y\\\";\")"),
        "{typst}"
    );
    assert!(
        typst.contains("#link(\"https://example.org/a%22b\")[site]")
            || typst.contains("#link(\"https://example.org/a\\\"b\")[site]"),
        "{typst}"
    );
    assert!(typst.contains(" and rel and bad"), "{typst}");
    assert!(!typst.contains("javascript"), "{typst}");
    assert!(typst.contains("a diagram"), "{typst}");
    assert!(!typst.contains("d.png"), "{typst}");
    assert!(typst.contains("#line(length: 100%)"), "{typst}");
}

#[test]
fn typst_tables() {
    let md = "| Name | Count |\n|:-----|------:|\n| a*b* | 2 |\n| c | 3 |\n";
    let typst = to_typst(md, &Unresolved);
    assert!(typst.contains("#table(\n  columns: 2,\n  align: (left, right,),\n  table.header([Name], [Count], ),\n  [a#emph[b]], [2], \n  [c], [3], \n)"), "{typst}");
}

#[test]
fn typst_footnotes_and_citations() {
    let md = "A [@aipr-2017-report, p. 4] b[^n] c [@a; @mechanism:ken-national-committee] d[^n].\n\n[^n]: Note *text* [@aipr-2017-report].\n";
    let typst = to_typst(md, &Catalogue);
    assert_eq!(
        typst,
        "A#footnote[#link(\"https://nmp.example/sources/aipr-2017-report\")[AIPR, Annual report 2017, p. 4]] \
         b#footnote[Note #emph[text] #link(\"https://nmp.example/sources/aipr-2017-report\")[AIPR, Annual report 2017]\\.] <essay-fn-1> \
         c#footnote[a; Kenya National Committee] d#footnote(<essay-fn-1>)\\.\n"
    );
}

#[test]
fn typst_escapes_adversarial_text() {
    let md = "#set page(width: 1pt)\n\nMoney $x$ and @label and <label> // comment /* block */\n\n\
              = not a heading, - not a list, + no, / term: no, `tick`, ~tilde~, \\\\back\\\\, [br], *, _u_\n\n\
              1. real list\n\n2\\. not a list\n\nSee https://example.org/(x and #footnote[x]";
    let typst = to_typst(md, &Unresolved);
    assert!(typst.starts_with("\\#set page(width: 1pt)\n"), "{typst}");
    assert!(
        typst.contains("Money \\$x\\$ and \\@label and \\<label\\> \\/\\/ comment \\/\\* block \\*\\/"),
        "{typst}"
    );
    assert!(
        typst.contains("\\= not a heading, \\- not a list, \\+ no, \\/ term: no, #raw(\"tick\"), "),
        "{typst}"
    );
    assert!(typst.contains("\\\\back\\\\, \\[br\\]"), "{typst}");
    assert!(typst.contains("\n2\\. not a list\n"), "{typst}");
    assert!(
        typst.contains("https:\\/\\/example.org\\/(x and \\#footnote\\[x\\]"),
        "{typst}"
    );
    // No unescaped markup character survives outside what the writer itself produced.
    for line in typst.lines() {
        let mut escaped = false;
        for c in line.chars() {
            if escaped {
                escaped = false;
                continue;
            }
            if c == '\\' {
                escaped = true;
                continue;
            }
            assert!(
                !matches!(c, '$' | '@' | '<' | '>' | '/' | '_' | '*'),
                "unescaped {c:?} in {line:?}"
            );
        }
    }
}

#[test]
fn typst_text_after_code_does_not_continue_it() {
    let typst = to_typst("*a*(b) **c**.d `e`[f] *g*;h", &Unresolved);
    assert_eq!(typst, "#emph[a]\\(b) #strong[c]\\.d #raw(\"e\")\\[f\\] #emph[g]\\;h\n");
}

#[test]
fn typst_escapes_link_urls_and_raw_html() {
    let md = "[x](https://e.org/\"\\)#x) <b>#bold</b>\n\n<div>\n#evil()\n</div>\n";
    let typst = to_typst(md, &Unresolved);
    assert!(!typst.replace("\\#", "").contains("#evil"), "{typst}");
    assert!(!typst.replace("\\#", "").contains("#bold"), "{typst}");
    assert!(typst.contains("\\#evil()"), "{typst}");
    assert!(typst.contains("\\<b\\>\\#bold\\<\\/b\\>"), "{typst}");
    // The URL is one well-formed Typst string.
    let start = typst.find("#link(\"").expect(&typst) + 7;
    let rest = &typst[start..];
    let mut end = None;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            end = Some(i);
            break;
        }
    }
    let end = end.expect(&typst);
    assert!(rest[end..].starts_with("\")[x]"), "{typst}");
}

#[test]
fn typst_headings_with_numbers_and_nested_lists() {
    let md = "###### Deep\n\n1. a\n   - b\n   - c\n2. d\n";
    let typst = to_typst(md, &Unresolved);
    assert!(typst.starts_with("====== Deep\n"), "{typst}");
    assert!(
        typst.contains("#enum(start: 1,\n  [a\n#list(\n  [b],\n  [c],\n)],\n  [d],\n)"),
        "{typst}"
    );
}

// --- Plain text and words ------------------------------------------------------------------------

#[test]
fn plain_text_drops_markup_notes_and_html() {
    let md = "# Title\n\nSome *emph* text [@a, p. 3] with a note[^n] and `code`.\n\n\
              <div>hidden html</div>\n\n- one\n- two\n\n[^n]: The note.\n";
    let text = plain_text(md);
    assert_eq!(text, "Title\n\nSome emph text with a note and code.\n\none\n\ntwo");
    assert_eq!(word_count(md), 11);
}

#[test]
fn word_count_ignores_punctuation_only_tokens() {
    assert_eq!(
        word_count("One — two - three.\n\n---\n\n| a | b |\n|---|---|\n| c | d |"),
        7
    );
    assert_eq!(word_count(""), 0);
}

// --- Robustness ---------------------------------------------------------------------------------

#[test]
fn odd_inputs_never_panic_and_are_deterministic() {
    let inputs = [
        "",
        "[",
        "[@",
        "[@]",
        "[^",
        "[^]",
        "[@a",
        "]@a[",
        "[@a]]]",
        "[[@a]]",
        "[@a][@b]",
        "[@a](https://x.org)",
        "![@a](x)",
        "[^1]: only a definition",
        "[^a]: x [^a]\n\nT[^a]",
        "> [@a]\n> - [^b]\n\n[^b]: [^c]\n\n[^c]: [^b] [@d]",
        "| [@a |\n|---|\n| b] |",
        "# [@a]\n\n#",
        "\u{0}[@a]\u{feff}",
        "**[@a]** _[@b, p. 1]_ ~~[@c]~~",
        "[@a, p. [4]]",
        "[@é]",
        "[@mechanism:]",
        "[@:x]",
        "text\r\nwith [@a]\r\nCRLF",
    ];
    for input in inputs {
        let first = (
            references(input),
            to_html(input, &Catalogue),
            to_typst(input, &Catalogue),
            plain_text(input),
        );
        let second = (
            references(input),
            to_html(input, &Catalogue),
            to_typst(input, &Catalogue),
            plain_text(input),
        );
        assert_eq!(first, second, "{input:?}");
    }
}

#[test]
fn citations_inside_emphasis_and_quotes_are_found() {
    let md = "**[@a]** _[@b, p. 1]_\n\n> Quote [@c].\n\n- item [@d]\n";
    let keys: Vec<String> = references(md).unwrap().iter().map(|r| r.key.to_string()).collect();
    assert_eq!(keys, vec!["a", "b", "c", "d"]);
}

#[test]
fn crlf_line_numbers() {
    let refs = references("one\r\n\r\ntwo [@a]\r\nthree [@b]").unwrap();
    assert_eq!(refs[0].line, 3);
    assert_eq!(refs[1].line, 4);
}

#[test]
fn mutually_referring_footnotes_terminate() {
    let md = "T[^b].\n\n[^b]: see [^c]\n\n[^c]: see [^b]\n";
    let typst = to_typst(md, &Unresolved);
    assert!(typst.contains("<essay-fn-1>"), "{typst}");
    let html = to_html(md, &Unresolved);
    assert!(html.contains("essay-note-2"), "{html}");
    assert!(!html.contains("essay-note-3"), "{html}");
}

#[test]
fn typst_escapes_what_the_resolver_gives() {
    struct Odd;
    impl Resolve for Odd {
        fn cite(&self, r: &Reference) -> Option<Cited> {
            Some(Cited {
                text: format!("#set text(red) $x$ @{}", r.key),
                href: Some("https://e.org/?q=\"a\\b\"".to_string()),
            })
        }
    }
    let typst = to_typst("A [@a].", &Odd);
    assert_eq!(
        typst,
        "A#footnote[#link(\"https://e.org/?q=\\\"a\\\\b\\\"\")[\\#set text(red) \\$x\\$ \\@a]]\\.\n"
    );
}

#[test]
fn generated_token_soup_never_panics() {
    const TOKENS: [&str; 28] = [
        "[",
        "]",
        "@",
        "^",
        "a",
        "mechanism:",
        ";",
        ", ",
        "p. 4",
        "\n",
        "\n\n",
        " ",
        "*",
        "`",
        "\\",
        "(",
        ")",
        "#",
        "$",
        "<b>",
        "- ",
        "1. ",
        "> ",
        "|",
        "---",
        "é",
        "[^1]",
        "[^1]: ",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..400 {
        let mut md = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            md.push_str(TOKENS[(seed >> 33) as usize % TOKENS.len()]);
        }
        let _ = references(&md);
        let _ = check(&md, &|_| false);
        let html = to_html(&md, &Catalogue);
        assert!(!html.contains("<b>"), "{md:?}: {html}");
        let _ = to_typst(&md, &Catalogue);
        let _ = word_count(&md);
    }
}

#[test]
fn a_heading_that_starts_with_a_citation_stays_a_heading_in_typst() {
    // Found by the `essay_markdown` fuzz target: the space after `==` was trimmed before the
    // note, so the line was no longer a heading.
    let typst = to_typst("# [@a] and text\n", &Unresolved);
    assert!(typst.starts_with("== #footnote["), "{typst}");
    let typst = to_typst("Text\n=\n\nWord [@a].\n", &Unresolved);
    assert!(typst.starts_with("== Text"), "{typst}");
    assert!(typst.contains("Word#footnote["), "{typst}");
}
