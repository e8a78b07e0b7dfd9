//! The open-data API on the starter dataset: lists, filters, pagination, CSV, details, errors, the
//! OpenAPI document, caching headers, and a corpus of malformed requests that must never get a 500.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_store::testing::{TestDb, engines};
use serde_json::Value;
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn request(db: &TestDb, path: &str, headers: &[(&str, &str)]) -> Answer {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let response = app.oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(db: &TestDb, path: &str) -> Answer {
    request(db, path, &[]).await
}

async fn seeded() -> Vec<TestDb> {
    let dbs = engines().await;
    for db in &dbs {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    }
    dbs
}

#[tokio::test]
async fn lists_filter_paginate_and_come_as_csv() {
    for db in seeded().await {
        let all = get(&db, "/api/v1/countries").await.json();
        assert_eq!(all["total"], 195, "{}", db.engine);
        assert_eq!(all["items"].as_array().unwrap().len(), 100, "default limit");
        let page = get(&db, "/api/v1/countries?limit=10&offset=190").await.json();
        assert_eq!(page["items"].as_array().unwrap().len(), 5);
        assert_eq!((page["limit"].as_u64(), page["offset"].as_u64()), (Some(10), Some(190)));

        let with = get(&db, "/api/v1/countries?has_mechanism=yes&limit=1000").await.json();
        let items = with["items"].as_array().unwrap();
        assert!(items.iter().all(|c| c["mechanism_count"].as_u64().unwrap() > 0));
        let mechanisms = get(&db, "/api/v1/mechanisms?limit=1000").await.json();
        let mut countries: Vec<&str> = mechanisms["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["country_iso3"].as_str())
            .collect();
        countries.sort();
        countries.dedup();
        assert_eq!(
            items.len(),
            countries.len(),
            "countries with a mechanism = distinct countries of mechanisms"
        );

        let african = get(&db, "/api/v1/countries?group=african&limit=1000").await.json();
        assert_eq!(african["total"], 54);
        let latam = get(&db, "/api/v1/countries?network=latin-american-network&limit=1000")
            .await
            .json();
        assert_eq!(latam["total"], 18, "18 founding states");

        let csv = get(&db, "/api/v1/mechanisms.csv?region=africa").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let mut lines = csv.body.lines();
        assert!(lines.next().unwrap().starts_with("slug,name,acronym,country_iso3"));
        let rows = lines.count();
        let json = get(&db, "/api/v1/mechanisms?region=africa").await.json();
        assert_eq!(
            rows as u64,
            json["total"].as_u64().unwrap(),
            "CSV and JSON hold the same rows"
        );
        assert_eq!(csv.headers["x-total-count"].to_str().unwrap(), rows.to_string());
        assert_eq!(
            get(&db, "/api/v1/mechanisms?region=africa&format=csv").await.body,
            csv.body
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn details_carry_citations_as_numbered_notes() {
    let db = seeded().await.remove(0);
    let kenya = get(&db, "/api/v1/countries/ken").await.json();
    assert_eq!(kenya["iso3"], "KEN");
    let mechanisms = kenya["mechanisms"].as_array().unwrap();
    assert!(!mechanisms.is_empty());
    let notes = kenya["notes"].as_array().unwrap();
    assert!(!notes.is_empty());
    for (i, note) in notes.iter().enumerate() {
        assert_eq!(
            note["note"].as_u64().unwrap() as usize,
            i + 1,
            "notes are numbered 1..n in order"
        );
    }
    let first = &mechanisms[0]["cites"][0];
    assert!(first["note"].as_u64().unwrap() as usize <= notes.len());

    let apb = get(&db, "/api/v1/mechanisms/usa-atrocities-prevention-board")
        .await
        .json();
    assert_eq!(apb["mechanism"]["instrument"]["kind"], "presidential_directive");
    assert!(apb["mechanism"]["members"].as_array().unwrap().len() >= 10);
    let network = get(&db, "/api/v1/networks/latin-american-network").await.json();
    assert_eq!(network["members"].as_array().unwrap().len(), 18);
    let edition = get(&db, "/api/v1/editions/2017").await.json();
    let featured: usize = edition["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["profiles"].as_array().unwrap().len())
        .sum();
    assert_eq!(featured, 8, "the 2017 edition featured 8 mechanisms");
    let sources = get(&db, "/api/v1/sources?limit=1000").await.json();
    let slug = sources["items"][0]["slug"].as_str().unwrap().to_string();
    let source = get(&db, &format!("/api/v1/sources/{slug}")).await.json();
    assert_eq!(
        source["citation_count"].as_u64().unwrap() as usize,
        source["cited_by"].as_array().unwrap().len()
    );
    let citations = get(&db, &format!("/api/v1/citations?source={slug}&limit=1000"))
        .await
        .json();
    assert_eq!(citations["total"], source["citation_count"]);
    db.finish().await;
}

#[tokio::test]
async fn errors_name_the_parameter_and_unknown_records_are_404() {
    let db = seeded().await.remove(0);
    for (path, field) in [
        ("/api/v1/countries?region=mars", "region"),
        ("/api/v1/countries?has_mechanism=maybe", "has_mechanism"),
        ("/api/v1/countries?limit=0", "limit"),
        ("/api/v1/countries?limit=5000", "limit"),
        ("/api/v1/countries?limit=", "limit"),
        ("/api/v1/countries?region=", "region"),
        ("/api/v1/citations?source=", "source"),
        ("/api/v1/countries.csv?limit=", "limit"),
        ("/api/v1/high-risk?top=0", "top"),
        ("/api/v1/high-risk?limit=0", "limit"),
        ("/api/v1/indicators?edition=1999", "edition"),
        ("/api/v1/indicators?edition=", "edition"),
        ("/api/v1/countries?offset=-3", "offset"),
        ("/api/v1/countries?colour=red", "colour"),
        ("/api/v1/countries?format=xml", "format"),
        ("/api/v1/mechanisms?type=club", "type"),
        ("/api/v1/mechanisms?status=asleep", "status"),
        ("/api/v1/countries?region=africa&region=asia", "region"),
    ] {
        let a = get(&db, path).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{path}");
        let json = a.json();
        assert_eq!(json["error"]["code"], "bad_parameter", "{path}");
        assert_eq!(json["error"]["field"], field, "{path}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
    // The bounds said are the bounds checked (and documented: tests/openapi.rs).
    for limit in ["0", "1001"] {
        let a = get(&db, &format!("/api/v1/countries?limit={limit}")).await.json();
        let message = a["error"]["message"].as_str().unwrap();
        assert!(message.contains("from 1 to 1000"), "limit={limit}: {message}");
    }
    for path in [
        "/api/v1/countries/xyz",
        "/api/v1/mechanisms/nope",
        "/api/v1/networks/nope",
        "/api/v1/editions/1999",
        "/api/v1/sources/nope",
        "/api/v2/countries",
    ] {
        let a = get(&db, path).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(a.json()["error"]["code"], "not_found", "{path}");
    }
    db.finish().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let db = engines().await.remove(0);
    let doc = get(&db, "/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/v1/countries",
        "/api/v1/countries/{iso3}",
        "/api/v1/mechanisms",
        "/api/v1/mechanisms/{slug}",
        "/api/v1/networks",
        "/api/v1/networks/{slug}",
        "/api/v1/editions",
        "/api/v1/editions/{slug}",
        "/api/v1/sources",
        "/api/v1/sources/{slug}",
        "/api/v1/citations",
        "/api/v1/initiatives",
        "/api/v1/initiatives/{slug}",
    ] {
        assert!(paths.contains_key(p), "OpenAPI lacks {p}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in ["CountryItem", "MechanismDetail", "ErrorBody", "Note"] {
        assert!(schemas.contains_key(s), "OpenAPI lacks schema {s}");
    }
    // Every $ref points at a schema that exists.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        assert!(schemas.contains_key(name), "dangling $ref {name}");
    }
    db.finish().await;
}

#[tokio::test]
async fn reads_have_etags_cors_and_gzip() {
    let db = seeded().await.remove(0);
    let a = get(&db, "/api/v1/networks").await;
    let etag = a.headers[header::ETAG].to_str().unwrap().to_string();
    assert!(a.headers[header::CACHE_CONTROL].to_str().unwrap().contains("max-age"));
    assert_eq!(a.headers["access-control-allow-origin"], "*");
    let again = request(&db, "/api/v1/networks", &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    let other = request(&db, "/api/v1/networks", &[("if-none-match", "\"stale\"")]).await;
    assert_eq!(other.status, StatusCode::OK);
    let gz = request(&db, "/api/v1/countries?limit=1000", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.headers[header::CONTENT_ENCODING], "gzip");
    let page = get(&db, "/countries").await;
    assert!(page.headers.contains_key(header::ETAG), "pages get ETags too");
    db.finish().await;
}

#[tokio::test]
async fn no_malformed_request_gets_a_500() {
    let db = seeded().await.remove(0);
    let long = "a".repeat(5000);
    let corpus: Vec<String> = vec![
        "/countries/%00".into(),
        "/countries/%FF%FE".into(),
        "/countries/../../etc/passwd".into(),
        "/countries/ke".into(),
        "/countries/KEN".into(),
        "/countries/k%C3%A9n".into(),
        format!("/countries/{long}"),
        "/mechanisms/%2e%2e".into(),
        format!("/mechanisms/{long}"),
        "/mechanisms/'%20OR%201=1--".into(),
        "/networks/%3Cscript%3E".into(),
        "/editions/-1".into(),
        "/editions/99999999999999999999".into(),
        "/sources?x=%ZZ".into(),
        "/countries?region=%ZZ".into(),
        "/countries?region=africa&region=".into(),
        "/countries?has_mechanism=%00".into(),
        "/countries?network=nope".into(),
        "/countries?=&&&=".into(),
        format!("/countries?region={long}"),
        "/mechanisms?type=%E2%80%AE".into(),
        "/mechanisms?status=1&status=2".into(),
        "/initiatives/%2e%2e".into(),
        format!("/initiatives/{long}"),
        "/initiatives?kind=%E2%80%AE&country=%00".into(),
        "/initiatives?country=usa&country=ken".into(),
        "/api/v1/initiatives?mechanism=%27;DROP%20TABLE%20initiative;--".into(),
        "/api/v1/initiatives/%F0%9F%92%A9".into(),
        "/api/v1/countries?limit=1e9".into(),
        "/api/v1/countries?limit=18446744073709551616".into(),
        "/api/v1/countries?offset=99999999999".into(),
        "/api/v1/countries?offset=9223372036854775807".into(),
        "/api/v1/countries/%00".into(),
        "/api/v1/mechanisms/%F0%9F%92%A9".into(),
        "/api/v1/citations?entity=%27;DROP%20TABLE%20citation;--".into(),
        "/api/v1/citations?source=%00".into(),
        format!("/api/v1/sources/{long}"),
        "/api/v1/".into(),
        "/api".into(),
        "/api/openapi.json?x=1".into(),
        "/static/../Cargo.toml".into(),
        "/static/nmp.css?v=%ZZ".into(),
        "//".into(),
        "/healthz?x=%ZZ".into(),
        "/about?%".into(),
        "/data?format=csv".into(),
    ];
    for path in &corpus {
        let a = get(&db, path).await;
        assert!(
            a.status.as_u16() < 500,
            "{path} answered {}: {}",
            a.status,
            &a.body[..a.body.len().min(200)]
        );
    }
    // SQL in a parameter is data, not SQL: the citation table is still there.
    assert!(db.store.counts().await.unwrap()["citations"] > 0);
    db.finish().await;
}
