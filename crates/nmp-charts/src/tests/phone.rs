//! Narrow drawings for phones ([`Frame::with_width`]): the document is as wide as asked, nothing
//! is drawn outside it, labels keep their size, a long-labelled bar chart turns on its side, the
//! map keeps its legend, and the narrow drawing's ids differ from the wide one's.

use super::{sample_bar, sample_line, sample_map, sample_scatter, series, strings};
use crate::{BarChart, Frame, PHONE_WIDTH, bar_with, line_with, map_with, scatter_with};

fn width(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.root_element().attribute("width").unwrap().parse().unwrap()
}

/// Every text's anchor point lies inside the document, and every text is 12 pixels or more.
fn texts_inside(svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let w = width(svg);
    for t in doc.descendants().filter(|n| n.tag_name().name() == "text") {
        let x: f64 = t.attribute("x").unwrap().parse().unwrap();
        assert!((0.0..=w).contains(&x), "text {:?} at x={x} outside 0..{w}", t.text());
    }
    assert!(!svg.contains("font-size=\"8\"") && !svg.contains("font-size=\"6\""));
}

fn root_id(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.root_element().attribute("aria-labelledby").unwrap().to_owned()
}

#[test]
fn every_kind_draws_at_the_phone_width_with_its_own_ids() {
    let phone = Frame::under_heading().with_width(PHONE_WIDTH);
    let wide = Frame::under_heading();
    let pairs = [
        (
            bar_with(&sample_bar(false), &wide),
            bar_with(&sample_bar(false), &phone),
        ),
        (line_with(&sample_line(), &wide), line_with(&sample_line(), &phone)),
        (
            scatter_with(&sample_scatter(), &wide),
            scatter_with(&sample_scatter(), &phone),
        ),
        (map_with(&sample_map(), &wide).svg, map_with(&sample_map(), &phone).svg),
    ];
    for (wide, narrow) in pairs {
        assert_eq!(width(&narrow), PHONE_WIDTH);
        assert!(width(&wide) > 700.0);
        texts_inside(&narrow);
        assert_ne!(root_id(&wide), root_id(&narrow), "a page can hold both drawings");
    }
}

#[test]
fn a_bar_chart_too_narrow_for_its_labels_turns_on_its_side() {
    let chart = BarChart {
        categories: strings(&["Africa", "Americas", "Asia", "Europe", "Oceania", "Unknown region"]),
        series: vec![series("States", &[54.0, 35.0, 48.0, 44.0, 14.0, 0.0])],
        ..sample_bar(false)
    };
    let upright = bar_with(&chart, &Frame::default());
    let narrow = bar_with(&chart, &Frame::default().with_width(PHONE_WIDTH));
    // Upright, the category labels sit under the bars (anchored in the middle); on its side,
    // they end at the bars' left edge.
    let anchors = |svg: &str, anchor: &str| {
        let doc = roxmltree::Document::parse(svg).unwrap();
        doc.descendants()
            .filter(|n| n.tag_name().name() == "text" && n.text() == Some("Oceania"))
            .filter(|n| n.attribute("text-anchor") == Some(anchor))
            .count()
    };
    assert_eq!(anchors(&upright, "middle"), 1, "{upright}");
    assert_eq!(anchors(&narrow, "end"), 1, "{narrow}");
}

#[test]
fn the_narrow_map_scales_the_land_and_keeps_the_legend() {
    let narrow = map_with(&sample_map(), &Frame::default().with_width(PHONE_WIDTH)).svg;
    assert!(narrow.contains("scale(0.375)"), "the land is scaled to 360/960");
    for class in ["Standing", "Ad hoc", "None", "No data"] {
        assert!(narrow.contains(&format!(">{class}<")), "legend names {class}");
    }
    // A width too small to lay out falls back to the kind's own.
    let tiny = map_with(&sample_map(), &Frame::default().with_width(10.0)).svg;
    assert_eq!(width(&tiny), 960.0);
}
