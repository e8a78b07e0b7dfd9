//! The public edition page and the API show who was responsible for what, and when: the phases
//! of the handover from AIPR to I-GMAP on the 2020 transition document, the part each role covers,
//! and the contributor roles for student research assistants and partner institutions. The two
//! contributors with those roles are synthetic test data (the starter dataset credits no one so).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_store::Set;
use nmp_store::entity::{edition, edition_contributor};
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

async fn get(db: &TestDb, path: &str) -> (StatusCode, String) {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn the_edition_page_shows_phases_parts_and_the_new_contributor_roles() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let ed = s
            .rows_where::<edition::Entity, _>(edition::Column::Slug, ["2020-transition".to_string()])
            .await
            .unwrap()
            .pop()
            .expect("the transition document is in the starter dataset");
        let mut w = s.writer("system:test").await.unwrap();
        for (name, role) in [
            ("Synthetic Student (test data)", "student_research_assistant"),
            ("Synthetic Partner College (test data)", "partner_institution"),
        ] {
            w.insert(edition_contributor::ActiveModel {
                edition_id: Set(ed.edition_id),
                name: Set(name.into()),
                role: Set(role.into()),
                affiliation: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        }
        w.commit().await.unwrap();

        let (status, page) = get(&db, "/editions/2020-transition").await;
        assert_eq!(status, StatusCode::OK, "{}", db.engine);
        assert!(page.contains("Policy paper"), "{}", db.engine);
        assert!(
            page.contains("Phase: Phased three-year transfer of the report from AIPR to I-GMAP"),
            "{}: the phase is shown",
            db.engine
        );
        assert!(page.contains("(2019 to 2021)"), "{}: with its dates", db.engine);
        assert!(
            page.contains("(part: Highlighted Mechanisms)"),
            "{}: AIPG's role covers one part",
            db.engine
        );
        assert_eq!(page.matches("class=\"phase\"").count(), 3, "{}", db.engine);
        assert!(
            page.contains("Synthetic Student (test data), student research assistant"),
            "{}",
            db.engine
        );
        assert!(
            page.contains("Synthetic Partner College (test data), partner institution"),
            "{}",
            db.engine
        );

        // AIPR alone before the transfer, on an annual edition.
        let (_, page) = get(&db, "/editions/2018").await;
        assert!(
            page.contains("before the transfer of the report to I-GMAP") && page.contains("(2015 to 2018)"),
            "{}",
            db.engine
        );

        // The API carries the same facts.
        let (status, body) = get(&db, "/api/v1/editions/2020-transition").await;
        assert_eq!(status, StatusCode::OK);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let publishers = json["publishers"].as_array().unwrap();
        assert_eq!(publishers.len(), 3);
        assert!(
            publishers
                .iter()
                .all(|p| p["phase_from"] == "2019" && p["phase_until"] == "2021")
        );
        assert!(
            publishers
                .iter()
                .any(|p| p["role"] == "author" && p["part"] == "Highlighted Mechanisms")
        );
        let roles: Vec<&str> = json["contributors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["role_code"].as_str().unwrap())
            .collect();
        assert!(roles.contains(&"student_research_assistant") && roles.contains(&"partner_institution"));
        db.finish().await;
    }
}

#[tokio::test]
async fn an_edition_is_cited_with_each_publishing_organisation_once_and_without_its_launch_host() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        // The transition document has three rows for two organisations (I-GMAP twice).
        let (status, json) = get(&db, "/cite/editions/2020-transition.json").await;
        assert_eq!(status, StatusCode::OK, "{}: {json}", db.engine);
        let csl: serde_json::Value = serde_json::from_str(&json).unwrap();
        let authors: Vec<&str> = csl[0]["author"]
            .as_array()
            .expect("authors")
            .iter()
            .map(|a| a["literal"].as_str().unwrap())
            .collect();
        assert_eq!(authors.len(), 2, "{}: {authors:?}", db.engine);
        assert_eq!(
            authors.iter().filter(|a| a.contains("I-GMAP")).count(),
            1,
            "{authors:?}"
        );
        // The 2015 booklet's launch host (White & Case) is credited on the page, not cited.
        let (_, json) = get(&db, "/cite/editions/2015.json").await;
        assert!(!json.contains("White & Case"), "{}: {json}", db.engine);
        assert!(json.contains("Auschwitz Institute"), "{}: {json}", db.engine);
        db.finish().await;
    }
}
