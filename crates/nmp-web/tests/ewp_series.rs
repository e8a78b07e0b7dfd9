//! Two Early Warning Project releases imported side by side make a time series: the risk per
//! release on a country's page and in `/compare`, "risen into the top 30 since the last release"
//! on `/analysis`, and the series in the API. The releases are generated here and are
//! **synthetic test data** (made-up risks, fictional years 2031 and 2032) in the 2024 layout.
//! Each ends with Kosovo (COW 347), which is not one of the 195 states: it is shown apart.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

use nmp_ingest::testing::release;

async fn get(db: &TestDb, path: &str) -> (StatusCode, String) {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, String::from_utf8(body).unwrap())
}

#[tokio::test]
async fn two_releases_show_as_a_series_and_a_list_of_risers() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        // One release: a chart with one point, no "risen" list yet.
        let first = release(2031, 31, true);
        nmp_ingest::import::ewp::import(s, first.path(), false, "test")
            .await
            .unwrap();
        let (_, analysis) = get(&db, "/analysis").await;
        assert!(
            !analysis.contains("Risen into the top 30"),
            "one release: nothing to compare"
        );

        let second = release(2032, 12, true);
        nmp_ingest::import::ewp::import(s, second.path(), false, "test")
            .await
            .unwrap();

        let (status, page) = get(&db, "/countries/ken").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Early Warning Project risk over the releases"), "{page}");
        assert!(page.contains("<svg") && page.contains("2031–2032") && page.contains("2032–2033"));
        // The data table beside the chart: 2031 rank 31 (risk 5.0%), 2032 rank 12 (14.5%).
        assert!(page.contains("<td>5.0%</td><td>31</td>"), "{page}");
        assert!(page.contains("<td>14.5%</td><td>12</td>"), "{page}");
        // In French and Spanish, as each language writes a percentage (issue 22).
        let (_, fr) = get(&db, "/fr/countries/ken").await;
        assert!(fr.contains("<td>14,5\u{202F}%</td><td>12</td>"), "{fr}");
        assert!(fr.contains("Le risque selon l&#39;Early Warning Project"), "{fr}");
        assert!(
            fr.contains("Suivre ce pays (<span lang=\"en\">Kenya</span>) dans votre liste de suivi"),
            "{fr}"
        );
        let (_, es) = get(&db, "/es/countries/ken").await;
        assert!(es.contains("<td>14,5\u{A0}%</td><td>12</td>"), "{es}");
        // A state no release assesses has no such section.
        let (_, iceland) = get(&db, "/countries/isl").await;
        assert!(!iceland.contains("Early Warning Project risk over the releases"));

        let (status, compare) = get(&db, "/compare?countries=ken,tcd").await;
        assert_eq!(status, StatusCode::OK);
        assert!(compare.contains("Early Warning Project risk over the releases"));
        assert!(compare.contains("Kenya") && compare.contains("Chad") && compare.contains("<svg"));

        let (_, analysis) = get(&db, "/analysis").await;
        assert!(
            analysis.contains("Risen into the top 30 since the last release"),
            "{analysis}"
        );
        assert!(
            analysis.contains("<a href=\"/countries/ken\">Kenya</a></th><td>31</td><td>12</td><td>14.5%</td>"),
            "{analysis}"
        );
        // Kenya's rise pushes Bangladesh (30th) out; nobody else rises.
        let start = analysis.find("Risen into the top 30").unwrap();
        let table = &analysis[start..start + analysis[start..].find("</table>").unwrap()];
        assert_eq!(table.matches("<tr><th scope=\"row\">").count(), 1, "{table}");

        let (status, json) = get(&db, "/api/v1/high-risk/series?country=ken").await;
        assert_eq!(status, StatusCode::OK);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["releases"][1]["dataset"], "ewp-2032");
        assert_eq!(v["risen_into_top_30"][0]["iso3"], "KEN");
        assert_eq!(v["risen_into_top_30"][0]["previous_rank"], 31.0);
        let ken = v["countries"]["KEN"].as_array().unwrap();
        assert_eq!(ken.len(), 2);
        assert_eq!(ken[1]["rank_2yr"], 12.0);
        assert!(v["countries"].get("TCD").is_none(), "only the country asked for");
        assert_eq!(
            v["outside"].as_array().map(Vec::len),
            Some(0),
            "only the country asked for"
        );

        // Kosovo: in neither the states' series nor the top 30, listed apart with its note.
        let (_, json) = get(&db, "/api/v1/high-risk/series").await;
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(v["countries"].get("XKX").is_none());
        let outside = v["outside"].as_array().unwrap();
        assert_eq!(outside.len(), 2, "one per release: {outside:?}");
        assert_eq!(
            (&outside[1]["dataset"], &outside[1]["code"], &outside[1]["name"]),
            (&"ewp-2032".into(), &"XKX".into(), &"Kosovo".into())
        );
        assert_eq!(
            (&outside[1]["rank_2yr"], &outside[1]["risk_2yr"]),
            (&36.0.into(), &0.025.into())
        );
        assert!(
            outside[1]["note"]
                .as_str()
                .unwrap()
                .contains("not one of the 195 states")
        );
        let (_, json) = get(&db, "/api/v1/high-risk/series?country=xkx").await;
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["outside"].as_array().map(Vec::len), Some(2));
        let (_, json) = get(&db, "/api/v1/high-risk?limit=100").await;
        assert!(!json.contains("XKX"), "not among the states: {json}");
        assert!(
            analysis.contains(
                "Also assessed, outside the 195 states: Kosovo (XKX), rank 36, two-year risk 2.5% (Kosovo (COW 347) has no ISO 3166-1 code;"
            ),
            "{analysis}"
        );
        assert_eq!(analysis.matches("Also assessed, outside the 195 states").count(), 1);
        db.finish().await;
    }
}
