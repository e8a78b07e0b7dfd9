//! Line charts: coinciding lines stay visible and are named at their ends, direct labels stay
//! inside the plot, and wide x labels alternate rows instead of disappearing.

use super::*;

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
