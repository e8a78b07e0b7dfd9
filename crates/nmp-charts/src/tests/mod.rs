//! Tests of the public API: well-formed, accessible, escaped and deterministic documents, the bars,
//! points and countries they contain, and PNG output.

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

#[test]
fn map_class_colours_can_be_overridden() {
    let chart = MapChart {
        colours: vec!["#123456".to_owned()],
        ..sample_map()
    };
    let svg = map(&chart).svg;
    let kenya = svg.split("data-m49=\"404\"").nth(1).expect("Kenya is drawn");
    assert!(kenya.starts_with(" fill=\"#123456\""), "class 0 uses the override");
    let argentina = svg.split("data-m49=\"032\"").nth(1).expect("Argentina is drawn");
    assert!(
        argentina.starts_with(&format!(" fill=\"{}\"", PALETTE[1])),
        "other classes keep the palette"
    );
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

#[test]
fn map_draws_the_world_coloured_by_class() {
    let chart = sample_map();
    let result = map(&chart);
    assert!(result.drawn.len() >= 170, "{} countries", result.drawn.len());
    for code in ["404", "032", "250", "643", "242", "840", "076", "156"] {
        assert!(result.drawn.contains(code), "{code} drawn");
    }
    assert!(!result.drawn.contains("010"), "Antarctica is left out");
    let doc = check_accessible(&result.svg, &chart.title, "960");
    let country = |code: &str| doc.descendants().find(|n| n.attribute("data-m49") == Some(code));
    let title_of = |node: roxmltree::Node<'_, '_>| {
        node.children()
            .find(|c| c.tag_name().name() == "title")
            .and_then(|t| t.text())
            .map(str::to_owned)
    };
    let kenya = country("404").expect("Kenya");
    assert_eq!(kenya.attribute("fill"), Some(PALETTE[0]));
    assert_eq!(title_of(kenya).as_deref(), Some("Kenya: standing mechanism since 2012"));
    let argentina = country("032").expect("Argentina");
    assert_eq!(argentina.attribute("fill"), Some(PALETTE[1]));
    assert_eq!(title_of(argentina).as_deref(), Some("Argentina: Ad hoc"));
    let brazil = country("076").expect("Brazil");
    assert_eq!(brazil.attribute("fill"), Some(NO_DATA));
    assert_eq!(title_of(brazil).as_deref(), Some("Brazil: No data"));
    // Every drawn country is one path.
    assert_eq!(count_class(&doc, "path", "country"), result.drawn.len());
    assert!(doc.descendants().any(|n| n.text() == Some("No data")));
}

#[test]
fn map_legend_has_no_data_only_when_needed() {
    let everyone = map(&MapChart::default()).drawn;
    let chart = MapChart {
        classes: strings(&["Yes"]),
        values: everyone.iter().map(|code| (code.clone(), 0)).collect(),
        ..sample_map()
    };
    let svg = map(&chart).svg;
    let doc = check_accessible(&svg, &chart.title, "960");
    assert!(!doc.descendants().any(|n| n.text() == Some("No data")));
    assert!(doc.descendants().any(|n| n.text() == Some("Yes")));
    // A class index outside the classes counts as no data.
    let out_of_range = MapChart {
        values: BTreeMap::from([("404".to_owned(), 7)]),
        ..sample_map()
    };
    let svg = map(&out_of_range).svg;
    assert!(svg.contains(&format!("data-m49=\"404\" fill=\"{NO_DATA}\"")));
}

#[test]
fn map_has_no_line_across_the_antimeridian() {
    let svg = map(&MapChart::default()).svg;
    let doc = check_accessible(&svg, "", "960");
    for path in doc.descendants().filter(|n| n.attribute("class") == Some("country")) {
        let d = path.attribute("d").unwrap_or_default();
        for ring in d.split('M').filter(|r| !r.is_empty()) {
            let xs: Vec<f64> = ring
                .trim_end_matches('Z')
                .split(' ')
                .filter_map(|p| p.split(',').next().and_then(|x| x.parse().ok()))
                .collect();
            for pair in xs.windows(2) {
                assert!(
                    (pair[1] - pair[0]).abs() < 300.0,
                    "jump in {:?}",
                    path.attribute("data-m49")
                );
            }
            let (first, last) = (xs.first().copied().unwrap_or(0.0), xs.last().copied().unwrap_or(0.0));
            assert!(
                (last - first).abs() < 300.0,
                "closing jump in {:?}",
                path.attribute("data-m49")
            );
        }
    }
}

#[test]
fn antimeridian_cut_keeps_both_sides() {
    // A square from 170°E to 170°W.
    let ring = [(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0), (170.0, 0.0)];
    let pieces = crate::map::cut_at_antimeridian(&ring);
    assert_eq!(pieces.len(), 2);
    assert!(pieces[0].iter().all(|(lon, _)| *lon >= 170.0));
    assert!(pieces[1].iter().all(|(lon, _)| *lon <= -170.0));
    assert_eq!(crate::map::cut_at_antimeridian(&ring[..1]).len(), 1);
}

#[test]
fn map_is_centred_on_greenwich() {
    // The vertical centre line of the map is the prime meridian: it runs through Ghana (288), with
    // Côte d'Ivoire (384) wholly west of it and Benin (204) wholly east.
    let svg = map(&MapChart::default()).svg;
    let doc = check_accessible(&svg, "", "960");
    let xs = |code: &str| -> Vec<f64> {
        let d = doc
            .descendants()
            .find(|n| n.attribute("data-m49") == Some(code))
            .and_then(|n| n.attribute("d"));
        d.unwrap_or_default()
            .split(['M', ' ', 'Z'])
            .filter_map(|p| p.split(',').next().and_then(|x| x.parse().ok()))
            .collect()
    };
    let ghana = xs("288");
    assert!(ghana.iter().any(|x| *x < 480.0) && ghana.iter().any(|x| *x > 480.0));
    assert!(xs("384").iter().all(|x| *x < 480.0));
    assert!(xs("204").iter().all(|x| *x > 480.0));
    assert!(!xs("204").is_empty());
}

fn decode(bytes: &[u8]) -> tiny_skia::Pixmap {
    assert!(bytes.starts_with(&[0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n']));
    tiny_skia::Pixmap::decode_png(bytes).expect("decodes")
}

#[test]
fn png_renders_at_the_requested_width_with_text() {
    let image = decode(&png(&bar(&sample_bar(false)), 1200).expect("renders"));
    assert_eq!(image.width(), 1200);
    assert!(image.height() > 400);

    // Text alone renders, so fonts were found.
    let text = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\">\
                <text x=\"5\" y=\"15\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">Text</text></svg>";
    let image = decode(&png(text, 100).expect("renders"));
    assert_eq!((image.width(), image.height()), (100, 20));
    assert!(image.pixels().iter().any(|p| p.red() < 128), "no text was drawn");

    let image = decode(&png(&map(&sample_map()).svg, 960).expect("renders"));
    assert_eq!(image.width(), 960);
}

#[test]
fn png_rejects_bad_input() {
    assert!(matches!(png("<svg", 100), Err(ChartError::Svg(_))));
    assert!(matches!(
        png(&bar(&sample_bar(false)), 0),
        Err(ChartError::Size { width: 0 })
    ));
    assert!(matches!(
        png(&bar(&sample_bar(false)), 100_000),
        Err(ChartError::Size { .. })
    ));
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
fn map_countries_link_to_their_pages() {
    let frame = Frame {
        links: BTreeMap::from([
            ("404".to_owned(), "/countries/ken".to_owned()),
            ("032".to_owned(), "/countries/arg".to_owned()),
        ]),
        ..Frame::under_heading()
    };
    let svg = map_with(&sample_map(), &frame).svg;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(
        doc.root_element().attribute("role"),
        Some("group"),
        "links inside an img are hidden"
    );
    let links: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "a").collect();
    assert_eq!(links.len(), 2);
    let kenya = links
        .iter()
        .find(|a| a.attribute("href") == Some("/countries/ken"))
        .expect("Kenya links to its page");
    assert_eq!(kenya.attribute("tabindex"), Some("-1"), "out of the tab order");
    assert_eq!(
        kenya.attribute("aria-label"),
        Some("Kenya: standing mechanism since 2012")
    );
    let path = kenya.first_element_child().expect("the country inside the link");
    assert_eq!(path.attribute("data-m49"), Some("404"));
    let plain = map(&sample_map()).svg;
    assert!(!plain.contains("<a "), "a download has no links");
    assert!(plain.contains("role=\"img\""));
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

fn element_attrs<'a>(doc: &'a roxmltree::Document<'a>, tag: &str, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag && n.attribute("class") == Some(class))
        .collect()
}

#[test]
fn coinciding_lines_stay_visible_and_lines_are_named_directly() {
    let chart = LineChart {
        series: vec![
            series("States with a national mechanism", &[15.0, 9.0, 14.0, 14.0, 14.0]),
            series("Mechanisms (all levels)", &[18.0, 9.0, 14.0, 14.0, 16.0]),
        ],
        ..sample_line()
    };
    let svg = line(&chart);
    let doc = check_accessible(&svg, &chart.title, "800");
    // 2015–2017 and 2017–2018 coincide: the first series is cased there, wider, underneath.
    let casings = element_attrs(&doc, "path", "casing");
    assert_eq!(casings.len(), 2, "{svg}");
    assert!(casings.iter().all(|c| c.attribute("stroke") == Some(PALETTE[0])));
    assert!(casings.iter().all(|c| c.attribute("stroke-width") == Some("6")));
    let first_line = svg.find("class=\"line\"").unwrap();
    assert!(svg.find("class=\"casing\"").unwrap() < first_line, "drawn underneath");
    // Markers at the same value sit side by side: at 2016 (9 and 9) the two are apart.
    let points = element_attrs(&doc, "circle", "point");
    let squares = element_attrs(&doc, "rect", "point");
    assert_eq!((points.len(), squares.len()), (5, 5));
    let circle_x: f64 = points[1].attribute("cx").unwrap().parse().unwrap();
    let square_x: f64 = squares[1].attribute("x").unwrap().parse::<f64>().unwrap() + 3.5;
    assert!((square_x - circle_x - 7.0).abs() < 0.01, "{circle_x} {square_x}");
    let circle_x0: f64 = points[0].attribute("cx").unwrap().parse().unwrap();
    let square_x0: f64 = squares[0].attribute("x").unwrap().parse::<f64>().unwrap() + 3.5;
    assert!((square_x0 - circle_x0).abs() < 0.01, "15 and 18 are not moved");
    // Named beside the lines instead of in a legend.
    assert!(element_attrs(&doc, "g", "legend").is_empty());
    let labels = element_attrs(&doc, "g", "direct-labels");
    assert_eq!(labels.len(), 1);
    let names: Vec<&str> = labels[0]
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| n.last_child().and_then(|c| c.text()))
        .collect();
    assert_eq!(
        names,
        vec!["States with a national mechanism", "Mechanisms (all levels)"]
    );
    // Both end near 14–16: the names keep at least a line apart.
    let ys: Vec<f64> = labels[0]
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .map(|n| n.attribute("y").unwrap().parse().unwrap())
        .collect();
    assert!((ys[0] - ys[1]).abs() >= 15.0 - 1e-9, "{ys:?}");

    let one = line(&LineChart {
        series: vec![series("Only", &[1.0, 2.0, 3.0, 4.0, 5.0])],
        ..sample_line()
    });
    assert!(
        !one.contains("direct-labels") && !one.contains("casing"),
        "one line needs no name"
    );
    let apart = line(&sample_line());
    assert!(
        !apart.contains("class=\"casing\""),
        "lines that never meet have no casing"
    );
}

#[test]
fn direct_labels_spread_inside_the_plot() {
    let placed = crate::line::spread_labels(&[100.0, 100.0, 100.0], 0.0, 400.0);
    assert_eq!(placed, vec![100.0, 115.0, 130.0]);
    let placed = crate::line::spread_labels(&[395.0, 399.0], 0.0, 400.0);
    assert_eq!(placed, vec![385.0, 400.0], "pushed up from the bottom");
    let placed = crate::line::spread_labels(&[50.0, 10.0], 20.0, 400.0);
    assert_eq!(placed, vec![50.0, 20.0], "kept below the top");
}

#[test]
fn wide_x_labels_alternate_rows_instead_of_disappearing() {
    let chart = LineChart {
        x_labels: strings(&[
            "expanding-the-ranks",
            "2015",
            "2017",
            "2018",
            "2020-transition",
            "a-much-longer-edition-name",
            "2022",
        ]),
        series: vec![
            series(
                "States with a national mechanism",
                &[15.0, 9.0, 14.0, 14.0, 14.0, 15.0, 16.0],
            ),
            series("Mechanisms (all levels)", &[18.0, 9.0, 14.0, 14.0, 16.0, 17.0, 18.0]),
        ],
        ..sample_line()
    };
    let svg = line(&chart);
    let doc = check_accessible(&svg, &chart.title, "800");
    let axis = element_attrs(&doc, "g", "axis").remove(0);
    let labels: Vec<(&str, f64)> = axis
        .children()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| Some((n.last_child()?.text()?, n.attribute("y")?.parse().ok()?)))
        .filter(|(t, _)| chart.x_labels.iter().any(|l| l == t))
        .collect();
    assert_eq!(labels.len(), 7, "every edition is labelled: {labels:?}");
    let rows: BTreeMap<String, usize> = labels.iter().fold(BTreeMap::new(), |mut m, (_, y)| {
        *m.entry(format!("{y}")).or_insert(0) += 1;
        m
    });
    assert!(rows.len() >= 2, "on alternating rows: {rows:?}");
    assert_ne!(labels[0].1, labels[1].1, "neighbours are on different rows");
}

mod phone;
