//! Tests of the public API: well-formed, accessible, escaped and deterministic documents, and the
//! bars and points they contain; the world map (`world_map.rs`), line charts (`lines.rs`), PNG output
//! (`raster.rs`) and narrow drawings for phones (`phone.rs`) each in their own file, sharing the
//! samples and helpers here.

use std::collections::BTreeMap;

use resvg::tiny_skia;

use crate::{
    BarChart, ChartError, Frame, LineChart, MapChart, NO_DATA, PALETTE, Point, ScatterChart, Series, bar, bar_with,
    line, line_with, map, map_with, png, scatter, scatter_with,
};

fn series(name: &str, values: &[f64]) -> Series {
    Series {
        name: name.to_owned(),
        values: values.to_vec(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn sample_bar(stacked: bool) -> BarChart {
    BarChart {
        title: "Mechanisms by type".to_owned(),
        description: "Number of national mechanisms by type and region.".to_owned(),
        categories: strings(&["Africa", "Americas", "Asia", "Europe", "Oceania"]),
        series: vec![
            series("Standing", &[12.0, 8.0, 10.0, 6.0, 2.0]),
            series("Ad hoc", &[4.0, 0.0, 7.0, 9.0, 1.0]),
        ],
        stacked,
        unit: "mechanisms".to_owned(),
    }
}

fn sample_line() -> LineChart {
    LineChart {
        title: "Reports submitted".to_owned(),
        description: "Reports submitted per year.".to_owned(),
        x_labels: strings(&["2019", "2020", "2021", "2022", "2023"]),
        series: vec![
            series("Treaty bodies", &[10.0, 12.0, 9.0, 15.0, 18.0]),
            series("UPR", &[5.0, 6.0, 8.0, 7.0, 9.0]),
        ],
        unit: "reports".to_owned(),
    }
}

fn sample_scatter() -> ScatterChart {
    ScatterChart {
        title: "Staff and mandate".to_owned(),
        description: "Staff against number of functions.".to_owned(),
        points: vec![
            Point {
                label: "Kenya".to_owned(),
                x: 12.0,
                y: 4.0,
                group: 0,
            },
            Point {
                label: "Argentina".to_owned(),
                x: 30.0,
                y: 6.0,
                group: 1,
            },
            Point {
                label: "Fiji".to_owned(),
                x: 3.0,
                y: 2.0,
                group: 2,
            },
        ],
        groups: strings(&["Africa", "Americas", "Asia-Pacific"]),
        x_label: "Staff".to_owned(),
        y_label: "Functions".to_owned(),
    }
}

fn sample_map() -> MapChart {
    MapChart {
        title: "Mechanism status".to_owned(),
        description: "Countries by the status of their national mechanism.".to_owned(),
        classes: strings(&["Standing", "Ad hoc", "None"]),
        values: BTreeMap::from([("404".to_owned(), 0), ("032".to_owned(), 1), ("250".to_owned(), 2)]),
        hover: BTreeMap::from([("404".to_owned(), "Kenya: standing mechanism since 2012".to_owned())]),
        colours: vec![],
    }
}

/// Parses the document and checks the accessible name and description; returns the document.
fn check_accessible<'a>(svg: &'a str, title: &str, width: &str) -> roxmltree::Document<'a> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("role"), Some("img"));
    let view_box = root.attribute("viewBox").unwrap_or_default();
    assert!(view_box.starts_with(&format!("0 0 {width} ")), "{view_box}");
    let labelled_by: Vec<&str> = root
        .attribute("aria-labelledby")
        .unwrap_or_default()
        .split(' ')
        .collect();
    assert_eq!(labelled_by.len(), 2);
    let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
    let title_el = by_id(labelled_by[0]).expect("title element");
    assert_eq!(title_el.tag_name().name(), "title");
    assert_eq!(title_el.text().unwrap_or_default(), title);
    assert_eq!(by_id(labelled_by[1]).expect("desc element").tag_name().name(), "desc");
    assert_eq!(root.attribute("font-family"), Some("DejaVu Sans, Arial, sans-serif"));
    doc
}

fn count_class(doc: &roxmltree::Document<'_>, tag: &str, class: &str) -> usize {
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag && n.attribute("class") == Some(class))
        .count()
}

#[test]
fn every_chart_is_well_formed_and_labelled() {
    check_accessible(&bar(&sample_bar(false)), "Mechanisms by type", "800");
    check_accessible(&bar(&sample_bar(true)), "Mechanisms by type", "800");
    check_accessible(&line(&sample_line()), "Reports submitted", "800");
    check_accessible(&scatter(&sample_scatter()), "Staff and mandate", "800");
    check_accessible(&map(&sample_map()).svg, "Mechanism status", "960");
    check_accessible(
        &bar(&BarChart {
            title: "Empty".to_owned(),
            ..BarChart::default()
        }),
        "Empty",
        "800",
    );
    check_accessible(&line(&LineChart::default()), "", "800");
    check_accessible(&scatter(&ScatterChart::default()), "", "800");
}

#[test]
fn ids_differ_between_charts() {
    let a = bar(&sample_bar(false));
    let b = bar(&BarChart {
        title: "Another title".to_owned(),
        ..sample_bar(false)
    });
    let id = |svg: &str| {
        let doc = roxmltree::Document::parse(svg).map(|d| d.root_element().attribute("id").map(str::to_owned));
        doc.ok().flatten()
    };
    assert_ne!(id(&a), id(&b));
    assert!(id(&a).is_some());
}

#[test]
fn bar_chart_has_one_bar_per_category_and_series() {
    for stacked in [false, true] {
        let chart = sample_bar(stacked);
        let svg = bar(&chart);
        let doc = check_accessible(&svg, &chart.title, "800");
        assert_eq!(count_class(&doc, "rect", "bar"), 5 * 2, "stacked: {stacked}");
        // Two series: a legend naming both.
        assert!(doc.descendants().any(|n| n.text() == Some("Ad hoc")));
    }
    // Long labels turn the chart on its side; the bars are all still there.
    let long = BarChart {
        categories: (0..30)
            .map(|i| format!("A rather long category name number {i}"))
            .collect(),
        series: vec![
            series("One", &[1.0; 30]),
            series("Two", &[2.0; 30]),
            series("Three", &[3.0; 30]),
        ],
        ..sample_bar(false)
    };
    let svg = bar(&long);
    let doc = check_accessible(&svg, &long.title, "800");
    assert_eq!(count_class(&doc, "rect", "bar"), 30 * 3);
}

#[test]
fn bars_have_hover_titles_and_axis_ticks() {
    let svg = bar(&BarChart {
        series: vec![series("", &[12.0, 8.0, 10.0, 6.0, 2.0])],
        ..sample_bar(false)
    });
    let doc = check_accessible(&svg, "Mechanisms by type", "800");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .filter_map(|n| {
            n.children()
                .find(|c| c.tag_name().name() == "title")
                .and_then(|t| t.text())
        })
        .collect();
    assert_eq!(titles.first(), Some(&"Africa: 12 mechanisms"));
    for tick in ["0", "2", "4", "6", "8", "10", "12"] {
        assert!(
            doc.descendants()
                .any(|n| n.tag_name().name() == "text" && n.text() == Some(tick)),
            "tick {tick}"
        );
    }
    // One series: no legend.
    assert!(!svg.contains("class=\"legend\""));
}

#[test]
fn non_finite_values_are_left_out() {
    let chart = BarChart {
        series: vec![
            series("A", &[1.0, f64::NAN, 3.0, f64::INFINITY, 0.0]),
            series("B", &[1.0, 2.0, f64::NEG_INFINITY]),
        ],
        ..sample_bar(true)
    };
    let svg = bar(&chart);
    let doc = check_accessible(&svg, &chart.title, "800");
    assert_eq!(count_class(&doc, "rect", "bar"), 3 + 2);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));

    let lines = LineChart {
        series: vec![series("A", &[1.0, f64::NAN, 3.0, 4.0, f64::INFINITY])],
        ..sample_line()
    };
    let svg = line(&lines);
    let doc = check_accessible(&svg, &lines.title, "800");
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    let d = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("line"))
        .and_then(|n| n.attribute("d"));
    // The gap breaks the line into two pieces.
    assert_eq!(d.map(|d| d.matches('M').count()), Some(2));

    let points = ScatterChart {
        points: vec![
            Point {
                label: "ok".to_owned(),
                x: 1.0,
                y: 2.0,
                group: 0,
            },
            Point {
                label: "bad".to_owned(),
                x: f64::NAN,
                y: 2.0,
                group: 0,
            },
        ],
        ..sample_scatter()
    };
    let svg = scatter(&points);
    let doc = check_accessible(&svg, &points.title, "800");
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("point"))
            .count(),
        1
    );
}

#[test]
fn text_is_escaped() {
    let nasty = "<script>alert('x')</script> & \"co\"";
    let chart = BarChart {
        title: nasty.to_owned(),
        description: nasty.to_owned(),
        categories: vec![nasty.to_owned(), "Plain".to_owned()],
        series: vec![series(nasty, &[1.0, 2.0]), series("B & C", &[3.0, 4.0])],
        stacked: false,
        unit: "<b>".to_owned(),
    };
    let svg = bar(&chart);
    assert!(!svg.contains("<script>") && !svg.contains("<b>"));
    let doc = check_accessible(&svg, nasty, "800");
    assert!(doc.descendants().any(|n| n.text() == Some("B & C")));

    let svg = line(&LineChart {
        title: nasty.to_owned(),
        x_labels: vec![nasty.to_owned(), "b".to_owned()],
        series: vec![series(nasty, &[1.0, 2.0])],
        ..sample_line()
    });
    assert!(!svg.contains("<script>"));
    check_accessible(&svg, nasty, "800");

    let svg = scatter(&ScatterChart {
        title: nasty.to_owned(),
        points: vec![Point {
            label: nasty.to_owned(),
            x: 1.0,
            y: 1.0,
            group: 0,
        }],
        groups: vec![nasty.to_owned(), "b".to_owned()],
        x_label: nasty.to_owned(),
        y_label: nasty.to_owned(),
        ..ScatterChart::default()
    });
    assert!(!svg.contains("<script>"));
    check_accessible(&svg, nasty, "800");

    let mut chart = sample_map();
    chart.title = nasty.to_owned();
    chart.classes[0] = nasty.to_owned();
    chart.hover.insert("404".to_owned(), nasty.to_owned());
    let svg = map(&chart).svg;
    assert!(!svg.contains("<script>"));
    let doc = check_accessible(&svg, nasty, "960");
    let kenya = doc
        .descendants()
        .find(|n| n.attribute("data-m49") == Some("404"))
        .expect("Kenya");
    assert_eq!(
        kenya
            .children()
            .find(|c| c.tag_name().name() == "title")
            .and_then(|t| t.text()),
        Some(nasty)
    );
}

#[test]
fn output_is_deterministic() {
    assert_eq!(bar(&sample_bar(false)), bar(&sample_bar(false)));
    assert_eq!(bar(&sample_bar(true)), bar(&sample_bar(true)));
    assert_eq!(line(&sample_line()), line(&sample_line()));
    assert_eq!(scatter(&sample_scatter()), scatter(&sample_scatter()));
    assert_eq!(map(&sample_map()), map(&sample_map()));
}

#[test]
fn numbers_have_at_most_two_decimals() {
    let chart = BarChart {
        series: vec![series("A", &[1.0 / 3.0, 2.0 / 3.0, 0.1, 0.2, 0.3])],
        ..sample_bar(false)
    };
    for svg in [bar(&chart), map(&sample_map()).svg] {
        let long_decimal = svg
            .as_bytes()
            .windows(4)
            .any(|w| w[0] == b'.' && w[1].is_ascii_digit() && w[2].is_ascii_digit() && w[3].is_ascii_digit());
        assert!(!long_decimal);
    }
}

/// The bold text elements: the visible title.
fn visible_titles(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == "text" && n.attribute("font-weight") == Some("bold"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

fn height(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.root_element().attribute("height").unwrap().parse().unwrap()
}

#[test]
fn a_chart_under_a_heading_has_no_visible_title_but_keeps_its_name() {
    let frame = Frame::under_heading();
    let charts = [
        (
            bar(&sample_bar(true)),
            bar_with(&sample_bar(true), &frame),
            "Mechanisms by type",
            "800",
        ),
        (
            line(&sample_line()),
            line_with(&sample_line(), &frame),
            "Reports submitted",
            "800",
        ),
        (
            scatter(&sample_scatter()),
            scatter_with(&sample_scatter(), &frame),
            "Staff and mandate",
            "800",
        ),
        (
            map(&sample_map()).svg,
            map_with(&sample_map(), &frame).svg,
            "Mechanism status",
            "960",
        ),
    ];
    for (standalone, framed, title, width) in charts {
        let doc = check_accessible(&standalone, title, width);
        assert_eq!(
            visible_titles(&doc),
            vec![title.to_owned()],
            "a download shows its title"
        );
        let doc = check_accessible(&framed, title, width);
        assert!(visible_titles(&doc).is_empty(), "the heading above says it: {title}");
        assert!(height(&framed) < height(&standalone), "no room kept for it: {title}");
    }
}

#[test]
fn only_tells_a_chart_that_says_nothing_beyond_one_series() {
    let none_only = BarChart {
        series: vec![
            series("Operational", &[0.0, 0.0, f64::NAN]),
            series("None or not assessed", &[16.0, 16.0, 16.0]),
        ],
        categories: strings(&["a", "b", "c"]),
        ..BarChart::default()
    };
    assert!(none_only.only(1));
    assert!(!none_only.only(0));
    assert!(!sample_bar(true).only(1), "Africa has 12 standing");
    let beyond = BarChart {
        series: vec![
            series("Operational", &[0.0, 0.0, 0.0, 5.0]),
            series("None", &[1.0, 2.0, 3.0]),
        ],
        categories: strings(&["a", "b", "c"]),
        ..BarChart::default()
    };
    assert!(beyond.only(1), "values beyond the categories are not drawn");
}

mod lines;
mod phone;
mod raster;
mod world_map;
