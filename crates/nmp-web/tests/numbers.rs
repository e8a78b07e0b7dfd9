//! One number per concept, and charts that say something (issue 23, parts 2 and 3), on the
//! starter dataset and both engines.
//!
//! For every edition `/analysis` offers, the count of states with a national mechanism is the same
//! in `/analysis`'s key figure, the indicator API, the status map's data (the states counted) and
//! the map itself (its coloured countries); the home page gives the latest edition's count, says
//! as of when, and lists exactly those states. The map's legend names every status that occurs.
//! A functions chart with nothing but "none or not assessed" is a sentence; chart titles are not
//! repeated under their headings; coinciding lines stay visible; map countries link to their
//! pages.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::get;
use nmp_store::Set;
use nmp_store::entity::{edition, function, mechanism_function};
use nmp_store::testing::{TestDb, engines};

/// The text of the `<section>` labelled by `id` (up to its closing tag; figure sections do not
/// nest).
fn section<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!("aria-labelledby=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = body[start..].find("</section>").map_or(body.len(), |e| start + e);
    &body[start..end]
}

/// The number in the element marked `data-figure="states-with-mechanism"`.
fn states_figure(body: &str) -> usize {
    let marker = "data-figure=\"states-with-mechanism\">";
    let start = body.find(marker).expect("the states-with-mechanism figure") + marker.len();
    let digits: String = body[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("a number")
}

/// The first `<svg>...</svg>` of `html`.
fn svg(html: &str) -> &str {
    let start = html.find("<svg").expect("an SVG");
    let end = html[start..].find("</svg>").expect("a closed SVG") + start + 6;
    &html[start..end]
}

/// The legend entries of a chart.
fn legend(svg: &str) -> Vec<String> {
    let start = svg.find("<g class=\"legend\">").expect("a legend");
    let end = svg[start..].find("</g>").unwrap() + start;
    svg[start..end]
        .split("</text>")
        .filter_map(|t| t.rsplit_once('>').map(|(_, label)| label.to_string()))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// Countries linked from a map, with the class their hover text names: (iso3, class).
fn linked(svg: &str) -> Vec<(String, String)> {
    svg.split("<a href=\"/countries/")
        .skip(1)
        .map(|rest| {
            let iso3 = rest[..rest.find('"').unwrap()].to_string();
            let label_at = rest.find("aria-label=\"").unwrap() + 12;
            let label = &rest[label_at..label_at + rest[label_at..].find('"').unwrap()];
            let class = label.rsplit_once(": ").map(|(_, c)| c).unwrap_or_default();
            (iso3, class.to_string())
        })
        .collect()
}

const COUNTED: [&str; 3] = ["Established or active", "Proposed or in process", "Dormant"];

/// The status map's data rows: (iso3, status, counted).
async fn map_rows(db: &TestDb, query: &str) -> Vec<(String, String, bool)> {
    let csv = get(&db.store, &format!("/analysis/figures/map-status.csv{query}"), None).await;
    assert_eq!(csv.status, StatusCode::OK, "{query}");
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        ["country", "iso3", "status", "counted as a state with a mechanism"],
        "{query}"
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_lowercase(), r[2].to_string(), &r[3] == "yes")
        })
        .collect()
}

async fn seeded() -> Vec<TestDb> {
    let mut out = Vec::new();
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        out.push(db);
    }
    out
}

/// The edition slugs `/analysis` offers (with `all`), in its order.
fn editions_offered(body: &str) -> Vec<String> {
    let select = &body[body.find("id=\"f-edition\"").expect("the edition select")..];
    let select = &select[..select.find("</select>").unwrap()];
    select
        .split("<option value=\"")
        .skip(1)
        .map(|o| o[..o.find('"').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn home_map_and_analysis_count_the_same_states_for_every_edition() {
    for db in seeded().await {
        let engine = db.store.engine().name();
        let analysis = get(&db.store, "/analysis", None).await;
        assert_eq!(analysis.status, StatusCode::OK);
        let offered = editions_offered(&analysis.body);
        assert!(
            offered.len() >= 5 && offered.last().map(String::as_str) == Some("all"),
            "{offered:?}"
        );
        let mut seen_dissolved = false;
        for slug in &offered {
            let query = format!("?edition={slug}");
            let page = get(&db.store, &format!("/analysis{query}"), None).await;
            assert_eq!(page.status, StatusCode::OK, "{engine} {slug}");
            let headline = states_figure(&page.body);

            let api = get(&db.store, &format!("/api/v1/indicators{query}"), None).await;
            let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
            let api_count = json["analysis"]["indicators"]["states_with_mechanism"]["count"]
                .as_u64()
                .unwrap() as usize;
            assert_eq!(api_count, headline, "{engine} {slug}: the API and the page");

            let rows = map_rows(&db, &query).await;
            let counted: BTreeSet<&str> = rows.iter().filter(|r| r.2).map(|r| r.0.as_str()).collect();
            assert_eq!(
                counted.len(),
                headline,
                "{engine} {slug}: the map's data and the key figure"
            );
            for (iso3, status, is_counted) in &rows {
                assert_eq!(
                    *is_counted,
                    COUNTED.contains(&status.as_str()),
                    "{engine} {slug} {iso3}: {status}"
                );
            }

            // The map as drawn: its coloured countries are the counted ones (less those too small
            // to draw), and its legend names every status that occurs.
            let figure = section(&page.body, "fig-map-status");
            let map = svg(figure);
            let coloured: BTreeSet<String> = linked(map)
                .into_iter()
                .filter(|(_, class)| COUNTED.contains(&class.as_str()))
                .map(|(iso3, _)| iso3)
                .collect();
            let drawn: BTreeSet<String> = linked(map).into_iter().map(|(iso3, _)| iso3).collect();
            let counted_drawn: BTreeSet<String> = counted
                .iter()
                .filter(|c| drawn.contains(**c))
                .map(|c| c.to_string())
                .collect();
            assert_eq!(coloured, counted_drawn, "{engine} {slug}: the map's colours");
            assert!(coloured.len() + 3 >= headline, "{engine} {slug}: few too small to draw");
            let legend = legend(map);
            for (_, status, _) in &rows {
                assert!(legend.contains(status), "{engine} {slug}: {status} not in {legend:?}");
            }
            assert!(legend.contains(&"No mechanism recorded".to_string()));
            assert!(
                figure.contains(&format!("The {headline} states in colour")),
                "{engine} {slug}: the map says what it counts"
            );
            if rows.iter().any(|r| r.1 == "Dissolved") {
                seen_dissolved = true;
                assert!(legend.contains(&"Dissolved".to_string()));
            }
        }
        assert!(
            seen_dissolved,
            "{engine}: Rwanda's commission is dissolved in all data recorded, and the map shows it"
        );

        // The home page: the latest edition (the analysis' default), said so, with its states.
        let latest = offered[offered.len() - 2].clone();
        let default = get(&db.store, "/analysis", None).await;
        let latest_count = states_figure(&default.body);
        assert!(default.body.contains(&format!("Key figures, as of edition {latest}")));
        let home = get(&db.store, "/", None).await;
        assert_eq!(home.status, StatusCode::OK);
        assert_eq!(states_figure(&home.body), latest_count, "{engine}: home and /analysis");
        assert_eq!(
            map_rows(&db, "").await.iter().filter(|r| r.2).count(),
            latest_count,
            "{engine}: home and the map"
        );
        assert!(
            home.body.contains(&format!("as of edition {latest}")),
            "{engine}: the home page says as of when"
        );
        let table = section(&home.body, "with-mechanisms");
        let listed = table.matches("<th scope=\"row\">").count();
        assert_eq!(
            listed, latest_count,
            "{engine}: the home table lists the states counted"
        );
        let home_map = svg(section(&home.body, "map-heading"));
        let home_coloured = linked(home_map)
            .into_iter()
            .filter(|(_, class)| COUNTED.contains(&class.as_str()))
            .count();
        assert!(home_coloured <= latest_count && home_coloured + 3 >= latest_count);
        // A mechanism first dated after the latest edition is recorded but not counted, and the
        // page says why.
        let not_counted = &table[table.find("id=\"not-counted\"").expect("the not-counted list")..];
        assert!(not_counted.contains("first dated 2024"), "{engine}: {not_counted}");
        assert!(
            !table.contains("<a href=\"/countries/zmb\">"),
            "{engine}: Zambia's 2024 committee"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_functions_chart_with_nothing_assessed_is_a_sentence() {
    for db in seeded().await {
        let engine = db.store.engine().name();
        let page = get(&db.store, "/analysis?edition=2018", None).await;
        let functions = section(&page.body, "fig-functions");
        assert!(!functions.contains("<svg"), "{engine}: no chart of nothing");
        assert!(
            functions.contains(
                "No assessments of how mechanisms carry out the four functions are recorded for edition 2018"
            ),
            "{engine}: {functions}"
        );
        assert!(
            functions.contains("functions.csv?edition=2018"),
            "the data is still there"
        );

        // One synthetic assessment (test data): the chart comes back for that edition only.
        let mech = db
            .store
            .mechanism_by_slug("ken-national-committee")
            .await
            .unwrap()
            .unwrap();
        let ed = db
            .store
            .rows_where::<edition::Entity, _>(edition::Column::Slug, ["2018".to_string()])
            .await
            .unwrap()
            .pop()
            .unwrap();
        let f = db.store.all::<function::Entity>().await.unwrap().remove(0);
        let mut w = db.store.writer("test").await.unwrap();
        w.insert(mechanism_function::ActiveModel {
            mechanism_id: Set(mech.mechanism_id),
            edition_id: Set(ed.edition_id),
            function_id: Set(f.function_id),
            level: Set("operational".into()),
            evidence: Set(Some("synthetic test assessment".into())),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        let page = get(&db.store, "/analysis?edition=2018", None).await;
        let functions = section(&page.body, "fig-functions");
        assert!(
            functions.contains("<svg"),
            "{engine}: one operational function is worth a chart"
        );
        assert!(!functions.contains("chart-instead"));
        let other = get(&db.store, "/analysis?edition=2017", None).await;
        assert!(section(&other.body, "fig-functions").contains("chart-instead"));
        db.finish().await;
    }
}

#[tokio::test]
async fn charts_do_not_repeat_their_headings_lines_stay_visible_and_maps_link_countries() {
    for db in seeded().await {
        let engine = db.store.engine().name();
        let page = get(&db.store, "/analysis?edition=2018", None).await;
        for id in [
            "fig-by-region",
            "fig-by-status",
            "fig-over-editions",
            "fig-map-status",
            "fig-map-networks",
        ] {
            let figure = section(&page.body, id);
            let heading_at = figure.find(&format!("id=\"{id}\">")).unwrap() + id.len() + 6;
            let heading = &figure[heading_at..heading_at + figure[heading_at..].find("</h2>").unwrap()];
            let chart = svg(figure);
            assert!(chart.contains("<title id="), "{engine} {id}: the chart keeps its name");
            assert!(
                !chart.contains("font-weight=\"bold\""),
                "{engine} {id}: no visible title under {heading:?}"
            );
            assert_eq!(
                chart.matches(heading).count(),
                1,
                "{engine} {id}: only the accessible name says {heading:?}"
            );
        }
        // The download keeps its title (it stands alone) and has no links.
        let download = get(&db.store, "/analysis/figures/map-status.svg?edition=2018", None).await;
        assert!(download.body.contains("font-weight=\"bold\""));
        assert!(!download.body.contains("<a href"));

        // States and mechanisms coincide from 2015 to 2018: the lines stay apart.
        let over = svg(section(&page.body, "fig-over-editions"));
        assert!(
            over.contains("class=\"casing\""),
            "{engine}: coinciding stretches are cased"
        );
        assert!(
            over.contains("class=\"direct-labels\""),
            "{engine}: lines are named beside them"
        );
        assert!(!over.contains("class=\"legend\""));

        // Map countries link to their pages, inside the SVG, which is then not an image.
        let map = svg(section(&page.body, "fig-map-status"));
        assert!(
            map.contains("<a href=\"/countries/ken\""),
            "{engine}: Kenya links to its page"
        );
        assert!(map.contains("role=\"group\""));
        assert!(linked(map).len() > 150, "{engine}: every drawn state links");
        let home = get(&db.store, "/", None).await;
        assert!(svg(section(&home.body, "map-heading")).contains("<a href=\"/countries/arg\""));
        let kenya = get(&db.store, "/countries/ken", None).await;
        assert_eq!(kenya.status, StatusCode::OK);
        db.finish().await;
    }
}
