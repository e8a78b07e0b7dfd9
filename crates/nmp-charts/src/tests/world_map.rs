//! The world map: countries coloured by class, the legend's no-data entry, the antimeridian,
//! the centring on Greenwich, links to country pages and overridden class colours.

use super::*;

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
