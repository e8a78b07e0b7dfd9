//! A country page leads with a summary generated from its cited facts, each sentence marked with
//! the notes of the facts it states, and every source note says which facts it supports; the
//! same in the JSON API. Both engines, on the starter dataset.

mod common;

use axum::http::StatusCode;
use common::get;
use nmp_store::testing::engines;

#[tokio::test]
async fn a_country_page_leads_with_a_cited_summary_and_notes_say_what_they_support() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();

        // DR Congo: one mechanism, launched by a decree in 2014, one activity, one network.
        let page = get(s, "/countries/cod", None).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = &page.body;
        let start = body.find("<p class=\"lede summary\">").expect("a summary");
        let summary = &body[start..start + body[start..].find("</p>").unwrap()];
        for phrase in [
            "The Democratic Republic of the Congo has one recorded mechanism, the Comité national",
            "a national committee, launched in 2014 by a decree.",
            "Its latest recorded status is “established” (2014).",
            "One activity is recorded: Installation of the National Committee",
            "The Democratic Republic of the Congo belongs to one prevention network: ICGLR",
        ] {
            assert!(summary.contains(phrase), "{engine}: {phrase:?} in {summary}");
        }
        // Each sentence carries notes, and each note it points to is on the page.
        let marks: Vec<&str> = summary
            .split("href=\"#note-")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(marks.len() >= 4, "{engine}: {summary}");
        for n in marks {
            assert!(body.contains(&format!("<li id=\"note-{n}\">")), "{engine}: note {n}");
        }
        // The notes say which facts they support.
        assert!(
            body.contains("Supports: ") && body.contains(": status “established” (2014-12-05)"),
            "{engine}: {body}"
        );
        assert!(body.contains("Democratic Republic of the Congo in ICGLR"), "{engine}");

        // Angola: no mechanism recorded, said as such.
        let ago = get(s, "/countries/ago", None).await.body;
        assert!(
            ago.contains("No national mechanism is recorded for Angola in the sources NMP holds"),
            "{engine}: {ago}"
        );

        // The API gives the same summary and notes.
        let api = get(s, "/api/v1/countries/cod", None).await;
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        let sentences = json["summary"].as_array().expect("a summary");
        assert!(
            sentences[0]["text"]
                .as_str()
                .unwrap()
                .contains("has one recorded mechanism")
        );
        assert!(
            json["notes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|n| !n["supports"].as_array().unwrap().is_empty()),
            "{engine}: every note supports something"
        );
    }
}

/// A country page shows each mechanism's latest ten activities, says how many there are in all
/// and links to the mechanism's page, which shows every one; the summary counts them all, and the
/// country's API carries the same ten with the total. Both engines; the extra activities are
/// synthetic test rows added to the starter dataset.
#[tokio::test]
async fn a_country_page_shows_the_latest_activities_and_links_to_every_one() {
    use nmp_store::Set;
    use nmp_store::entity::{activity, mechanism};
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let m = s
            .rows_where::<mechanism::Entity, _>(mechanism::Column::CountryIso3, ["COD".to_string()])
            .await
            .unwrap()
            .remove(0);
        let mut w = s.writer("system:test").await.unwrap();
        for year in 1990..2002 {
            w.insert(activity::ActiveModel {
                mechanism_id: Set(m.mechanism_id),
                occurred_on: Set(year.to_string()),
                kind: Set("training".into()),
                title: Set(format!("Synthetic workshop of {year} (test data)")),
                ..Default::default()
            })
            .await
            .unwrap();
        }
        w.commit().await.unwrap();
        // The starter dataset's one activity and the twelve synthetic ones.
        let page = get(s, "/countries/cod", None).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = &page.body;
        assert!(body.contains("The latest 10 of 13 activities."), "{engine}");
        assert!(
            body.contains(&format!("href=\"/mechanisms/{}#activities\"", m.slug)),
            "{engine}"
        );
        assert!(
            body.contains("13 activities are recorded"),
            "{engine}: the summary counts all"
        );
        // The oldest three are left out here, and are on the mechanism's page.
        for year in 1990..1993 {
            assert!(
                !body.contains(&format!("Synthetic workshop of {year} ")),
                "{engine}: {year}"
            );
        }
        assert!(body.contains("Synthetic workshop of 1993 "), "{engine}");
        let own = get(s, &format!("/mechanisms/{}", m.slug), None).await;
        assert!(own.body.contains("Synthetic workshop of 1990 "), "{engine}");
        assert!(own.body.contains("id=\"activities\""), "{engine}");
        assert!(!own.body.contains("The latest 10 of"), "{engine}");

        let api = get(s, "/api/v1/countries/COD", None).await;
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        let first = &json["mechanisms"][0];
        assert_eq!(first["activities"].as_array().unwrap().len(), 10, "{engine}");
        assert_eq!(first["activities_total"], 13, "{engine}");
        db.finish().await;
    }
}
