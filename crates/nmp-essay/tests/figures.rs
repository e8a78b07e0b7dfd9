//! Figures embedded in an essay's Markdown (`![Caption](nmp:…)`): what is read, what is refused
//! with its line, and how HTML and Typst place them.

use nmp_essay::markdown::{
    Cited, Embed, FigureKey, HtmlOptions, Placed, Reference, ReportFigure, Resolve, figures, plain_text, references,
    to_html, to_html_with, to_typst,
};

/// Draws every figure as a tiny SVG, or as an address when `href` is set.
struct Drawn {
    href: bool,
}

impl Resolve for Drawn {
    fn cite(&self, r: &Reference) -> Option<Cited> {
        Some(Cited {
            text: format!("Cited {}", r.key),
            href: None,
        })
    }

    fn figure(&self, embed: &Embed) -> Option<Placed> {
        Some(Placed {
            svg: format!("<svg data-key=\"{}\"></svg>", embed.key),
            href: self.href.then(|| format!("figures/f{}.svg", embed.number)),
            file: format!("/figures/essay-x-{}.svg", embed.number),
            alt: format!("Map of {}", embed.key),
            credit: "Source: a dataset <2024>".into(),
        })
    }
}

/// Draws nothing.
struct Nothing;

impl Resolve for Nothing {
    fn cite(&self, _r: &Reference) -> Option<Cited> {
        None
    }
}

const TEXT: &str = "Some text.[@src-a]\n\n![Risk of mass killing, 2024](nmp:indicator/ewp-sra/mk/2024)\n\nMore *text*.\n\n![States with a mechanism](nmp:report/map)\n";

#[test]
fn figures_are_read_in_order_with_caption_number_and_line() {
    let found = figures(TEXT);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].key,
        FigureKey::Indicator {
            dataset: "ewp-sra".into(),
            code: "mk".into(),
            year: Some(2024)
        }
    );
    assert_eq!(found[0].caption, "Risk of mass killing, 2024");
    assert_eq!((found[0].number, found[0].line), (1, 3));
    assert_eq!(found[1].key, FigureKey::Report(ReportFigure::Map));
    assert_eq!((found[1].number, found[1].line), (2, 7));
    assert!(references(TEXT).is_ok(), "{:?}", references(TEXT));
    assert_eq!(
        plain_text(TEXT),
        "Some text.\n\nRisk of mass killing, 2024\n\nMore text.\n\nStates with a mechanism"
    );
}

fn problems(markdown: &str) -> Vec<String> {
    references(markdown)
        .expect_err("problems expected")
        .into_iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_figure_nmp_cannot_draw_is_a_problem_naming_its_line() {
    let p = problems("Text.\n\n![A pie](nmp:report/pie)\n");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("line 3: ![A pie](nmp:report/pie) is not a figure NMP can draw"),
        "{p:?}"
    );
    assert!(p[0].contains("nmp:report/by-region"), "{p:?}");
    assert!(figures("Text.\n\n![A pie](nmp:report/pie)\n").is_empty());
}

#[test]
fn a_figure_needs_a_caption_and_a_paragraph_of_its_own() {
    let p = problems("![](nmp:report/map)\n");
    assert!(p[0].contains("has no caption"), "{p:?}");

    let p = problems("See ![Map](nmp:report/map) here.\n");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("line 1: a figure"), "{p:?}");
    assert!(p[0].contains("paragraph of its own"), "{p:?}");

    let p = problems("![Map](nmp:report/map)\nand text after it.\n");
    assert!(p[0].contains("paragraph of its own"), "{p:?}");

    let p = problems("# ![Map](nmp:report/map)\n");
    assert!(p[0].contains("paragraph of its own"), "{p:?}");

    let p = problems("Text.[^1]\n\n[^1]: ![Map](nmp:report/map)\n");
    assert!(p.iter().any(|m| m.contains("is in a footnote")), "{p:?}");
}

#[test]
fn other_images_and_code_are_not_figures() {
    assert!(figures("![A photo](https://example.org/a.png)\n").is_empty());
    assert!(figures("`![Map](nmp:report/map)`\n").is_empty());
    assert!(figures("```\n![Map](nmp:report/map)\n```\n").is_empty());
}

#[test]
fn html_places_a_drawn_figure_as_a_block_with_number_caption_and_credit() {
    let html = to_html(TEXT, &Drawn { href: false });
    assert!(
        html.contains("<figure class=\"essay-figure\" id=\"essay-figure-1\">\n<div class=\"essay-figure-drawing\"><svg data-key=\"indicator/ewp-sra/mk/2024\"></svg></div>"),
        "{html}"
    );
    assert!(
        html.contains("<figcaption><span class=\"essay-figure-label\">Figure 1.</span> Risk of mass killing, 2024 <span class=\"essay-figure-credit\">Source: a dataset &lt;2024&gt;</span></figcaption>"),
        "{html}"
    );
    assert!(html.contains("id=\"essay-figure-2\""), "{html}");
    // The figure replaces its paragraph: no <p> around it.
    assert!(!html.contains("<p><figure"), "{html}");
    assert!(!html.contains("<p></p>"), "{html}");

    let html = to_html_with(
        TEXT,
        &Drawn { href: true },
        &HtmlOptions {
            notes_heading: "Notas".into(),
            figure_label: "Figura".into(),
        },
    );
    assert!(
        html.contains("<img src=\"figures/f1.svg\" alt=\"Map of indicator/ewp-sra/mk/2024\" loading=\"lazy\">"),
        "{html}"
    );
    assert!(html.contains("Figura 2.</span> States with a mechanism"), "{html}");
    assert!(!html.contains("<svg"), "{html}");
}

#[test]
fn html_shows_the_key_of_a_figure_it_cannot_draw() {
    let html = to_html(TEXT, &Nothing);
    assert!(
        html.contains("<figure class=\"essay-figure essay-figure-missing\" id=\"essay-figure-2\">\n<p class=\"essay-figure-key\">nmp:report/map</p>"),
        "{html}"
    );
}

#[test]
fn typst_calls_the_templates_figure_function_with_escaped_text() {
    let typst = to_typst(
        "![Risk *now* #1](nmp:indicator/ewp-sra/mk)\n\nText.\n",
        &Drawn { href: false },
    );
    assert_eq!(
        typst,
        "#essay-figure(\"/figures/essay-x-1.svg\", \"Map of indicator/ewp-sra/mk\", [Risk now \\#1], [Source: a dataset \\<2024\\>])\n\nText.\n"
    );
    let typst = to_typst("![Map](nmp:report/map)\n", &Nothing);
    assert_eq!(typst, "#essay-figure(none, \"nmp:report/map\", [Map], [])\n");
}
