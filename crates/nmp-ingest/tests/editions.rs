//! Editions in the starter dataset: publisher rows with their phases and parts load as written
//! (the handover of the report from AIPR to I-GMAP), and a bad role, a phase that ends before it
//! begins, an unknown organisation or part, or a phase without a source is refused with the file,
//! line and field, with nothing written. Both engines for the load; the refusals on the first.

mod support;

use nmp_ingest::seed::seed_embedded;
use nmp_ingest::starter::DataFile;
use nmp_store::entity::{citation, organization};
use nmp_store::testing::engines;
use support::rejected;

const EDITIONS: &str = "data/starter/editions.toml";

/// The starter files with the first `from` in editions.toml replaced by `to`, and that file's
/// new text.
fn with_replaced(from: &str, to: &str) -> (Vec<DataFile>, String) {
    let files = support::with_replaced(EDITIONS, from, to);
    let text = files
        .iter()
        .find(|f| f.path == EDITIONS)
        .expect("editions.toml")
        .text
        .clone();
    (files, text)
}

/// The 1-based line of the first `needle` at or after the first `after` in `text`.
fn line_of(text: &str, after: &str, needle: &str) -> usize {
    let start = text.find(after).expect("anchor in text");
    let at = start + text[start..].find(needle).expect("needle after anchor");
    text[..at].matches('\n').count() + 1
}

#[tokio::test]
async fn the_handover_loads_with_shared_phases_parts_and_phase_citations() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let orgs = s.all::<organization::Entity>().await.unwrap();
        let org = |slug: &str| orgs.iter().find(|o| o.slug == slug).unwrap().organization_id;
        let (aipr, igmap) = (org("aipr"), org("i-gmap"));

        let rows = s
            .edition_rows("2020-transition")
            .await
            .unwrap()
            .expect("the transition document");
        assert_eq!(rows.edition.kind, "policy_paper");
        assert_eq!(rows.edition.published_on.as_deref(), Some("2020-05-12"));
        assert_eq!(rows.publishers.len(), 3, "{}", db.engine);
        for p in &rows.publishers {
            assert_eq!(p.phase_from.as_deref(), Some("2019"), "{}", db.engine);
            assert_eq!(p.phase_until.as_deref(), Some("2021"), "{}", db.engine);
            assert!(p.phase.as_deref().unwrap().contains("shared"), "{:?}", p.phase);
        }
        let part = |key: &str| rows.parts.iter().find(|x| x.part_key == key).map(|x| x.edition_part_id);
        let aipg_part = rows
            .publishers
            .iter()
            .find(|p| p.organization_id == aipr)
            .expect("AIPG's row");
        assert_eq!(aipg_part.role, "author");
        assert_eq!(aipg_part.edition_part_id, part("highlighted-mechanisms"));
        let igmap_rows: Vec<_> = rows.publishers.iter().filter(|p| p.organization_id == igmap).collect();
        assert_eq!(igmap_rows.len(), 2, "I-GMAP publishes the whole and wrote one part");
        assert!(
            igmap_rows
                .iter()
                .any(|p| p.role == "publisher" && p.edition_part_id.is_none())
        );
        assert!(
            igmap_rows
                .iter()
                .any(|p| p.role == "author" && p.edition_part_id == part("vision"))
        );
        assert_eq!(
            rows.profiles.len(),
            1,
            "only the first highlighted mechanism is recorded"
        );

        // The phase is cited as the field `phase`, besides the row's own sources.
        let cites = s.all::<citation::Entity>().await.unwrap();
        for p in &rows.publishers {
            let of_row: Vec<_> = cites
                .iter()
                .filter(|c| c.entity == "edition_publisher" && c.entity_id == p.edition_publisher_id.to_string())
                .collect();
            assert!(of_row.iter().any(|c| c.field.is_none()), "{}", db.engine);
            assert!(
                of_row.iter().any(|c| c.field.as_deref() == Some("phase")),
                "{}",
                db.engine
            );
        }

        // AIPR alone before the transfer, on the 2015-2018 editions.
        for slug in ["2015", "2017", "2018"] {
            let rows = s.edition_rows(slug).await.unwrap().unwrap();
            let publishers: Vec<_> = rows.publishers.iter().filter(|p| p.role == "publisher").collect();
            assert_eq!(publishers.len(), 1, "{slug}: one publisher");
            assert_eq!(publishers[0].organization_id, aipr, "{slug}");
            assert_eq!(publishers[0].phase_from.as_deref(), Some("2015"), "{slug}");
            assert_eq!(publishers[0].phase_until.as_deref(), Some("2018"), "{slug}");
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn a_bad_role_is_refused_at_its_line() {
    let (files, text) = with_replaced(
        "role = \"author\"\npart = \"vision\"",
        "role = \"sponsor\"\npart = \"vision\"",
    );
    let err = rejected(files).await;
    let line = line_of(&text, "slug = \"2020-transition\"", "role = \"sponsor\"");
    assert!(
        err.contains(&format!("{EDITIONS}:{line}: role: \"sponsor\" is not one of:")),
        "{err}"
    );
    assert!(err.contains("partner_institution"), "{err}");
}

#[tokio::test]
async fn a_phase_that_ends_before_it_begins_is_refused_naming_the_field() {
    let (files, text) = with_replaced("phase_from = \"2015\"", "phase_from = \"2019\"");
    let err = rejected(files).await;
    let line = line_of(&text, "slug = \"2015\"", "phase_until = \"2018\"");
    assert!(
        err.contains(&format!(
            "{EDITIONS}:{line}: edition \"2015\": publisher.phase_until: 2018 is before phase_from 2019"
        )),
        "{err}"
    );
}

#[tokio::test]
async fn an_unknown_organisation_or_part_is_refused_naming_the_field() {
    let (files, text) = with_replaced(
        "organization = \"i-gmap\"\nrole = \"author\"",
        "organization = \"no-such-institute\"\nrole = \"author\"",
    );
    let err = rejected(files).await;
    let line = line_of(&text, "slug = \"2020-transition\"", "\"no-such-institute\"");
    assert!(
        err.contains(&format!(
            "{EDITIONS}:{line}: edition \"2020-transition\": publisher.organization: unknown organization \"no-such-institute\""
        )),
        "{err}"
    );

    let (files, text) = with_replaced("part = \"vision\"", "part = \"no-such-part\"");
    let err = rejected(files).await;
    let line = line_of(&text, "slug = \"2020-transition\"", "part = \"no-such-part\"");
    assert!(
        err.contains(&format!(
            "{EDITIONS}:{line}: edition \"2020-transition\": publisher.part: unknown part \"no-such-part\""
        )),
        "{err}"
    );
}

#[tokio::test]
async fn a_phase_without_a_source_and_an_unknown_phase_source_are_refused() {
    let (files, _) = with_replaced(
        "phase_sources = [\"i-gmap-map-project\", \"aipg-expanding-the-ranks\"]\n",
        "",
    );
    let err = rejected(files).await;
    assert!(
        err.contains(EDITIONS)
            && err.contains("edition \"expanding-the-ranks\": publisher.phase_sources: the phase of \"i-gmap\" as publisher has no source"),
        "{err}"
    );

    let (files, _) = with_replaced(
        "phase_sources = [\"i-gmap-map-project\", \"aipg-expanding-the-ranks\"]",
        "phase_sources = [\"no-such-source\"]",
    );
    let err = rejected(files).await;
    assert!(
        err.contains("publisher.phase_sources: unknown source \"no-such-source\""),
        "{err}"
    );
}
