//! Search on the seeded starter dataset: the public page and its API answer (grouped hits with
//! highlighted snippets, facet counts as filter links, notes instead of errors on bad input),
//! the header's search box, the staff search finding the page of an uploaded PDF, and the
//! staff sources page saying why a file's text is missing. Files and accounts are synthetic test
//! data.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Session, post_multipart, staff};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_search::SearchIndex;
use nmp_search::testing::pdf_with_pages;
use nmp_store::Store;
use nmp_store::testing::engines;
use tower::ServiceExt;

struct Site {
    app: axum::Router,
    _dir: tempfile::TempDir,
}

async fn site(store: &Store) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(SearchIndex::open(dir.path()).unwrap());
    index.refresh(store).await.unwrap();
    Site {
        app: nmp_web::router(common::state(store).with_search(index)),
        _dir: dir,
    }
}

async fn ask(site: &Site, path: &str, session: Option<&Session>) -> (StatusCode, String) {
    let mut request = Request::builder().uri(path);
    if let Some(s) = session {
        request = request.header(header::COOKIE, format!("nmp_session={}", s.token));
    }
    let response = site
        .app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn the_public_search_finds_the_committees_with_snippets_and_facet_counts() {
    let db = nmp_store::testing::blank_sqlite().await;
    let s = &db.store;
    s.migrate().await.unwrap();
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let site = site(s).await;

    let (status, page) = ask(&site, "/search?q=pr%C3%A9vention", None).await;
    assert_eq!(status, StatusCode::OK);
    for href in [
        "/mechanisms/cod-national-committee",
        "/mechanisms/caf-national-committee",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(page.contains("<mark>prévention</mark>"), "highlighted");
    assert!(page.contains("<h2>Mechanisms <small>"), "grouped by kind");
    let facet = page.find("country=COD").map(|i| &page[i.saturating_sub(80)..i + 20]);
    assert!(
        page.contains("href=\"/search?q=pr%C3%A9vention&#38;country=COD\""),
        "a facet link: {facet:?}"
    );
    assert!(page.contains("action=\"/search\" role=\"search\""), "the header's box");

    // Filtered by country through the facet link: the CAR committee is gone.
    let (_, cod) = ask(&site, "/search?q=pr%C3%A9vention&country=COD", None).await;
    assert!(cod.contains("/mechanisms/cod-national-committee"));
    assert!(!cod.contains("href=\"/mechanisms/caf-national-committee\""));
    assert!(cod.contains("aria-current=\"true\""), "the filter is shown as chosen");

    // The API: the same search as JSON, strict about its parameters.
    let (status, json) = ask(&site, "/api/v1/search?q=pr%C3%A9vention&limit=50", None).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mechanisms = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "mechanism")
        .unwrap();
    assert!(
        mechanisms["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["url"] == "/mechanisms/caf-national-committee")
    );
    let kind = v["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "kind")
        .unwrap();
    assert!(kind["values"][0]["count"].as_u64().unwrap() >= 1);
    assert!(v["total"].as_u64().unwrap() >= 2);
    // Without counts: the same hits, no total, no facets; a page ignores `counts`.
    let (status, bare) = ask(&site, "/api/v1/search?q=pr%C3%A9vention&limit=50&counts=none", None).await;
    assert_eq!(status, StatusCode::OK);
    let bare: serde_json::Value = serde_json::from_str(&bare).unwrap();
    assert!(bare["total"].is_null(), "{}", bare["total"]);
    assert_eq!(bare["facets"], serde_json::json!([]));
    assert_eq!(bare["groups"], v["groups"]);
    let (_, page) = ask(&site, "/search?q=pr%C3%A9vention&counts=none", None).await;
    assert!(page.contains("country=COD"), "the page still shows its filters");
    let (status, body) = ask(&site, "/api/v1/search?q=x&counts=some", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("counts"), "{body}");
    // Across languages: the Spanish spelling finds the committees named in French or English.
    let (_, cousins) = ask(&site, "/search?q=prevencion&limit=200", None).await;
    assert!(cousins.contains("href=\"/mechanisms/caf-national-committee\""));
    let (status, _) = ask(&site, "/api/v1/search?q=x&colour=red", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, doc) = ask(&site, "/api/openapi.json", None).await;
    assert!(doc.contains("\"/api/v1/search\""), "in the OpenAPI document");
}

#[tokio::test]
async fn bad_search_input_gives_a_page_with_a_note_never_an_error() {
    let db = nmp_store::testing::blank_sqlite().await;
    let s = &db.store;
    s.migrate().await.unwrap();
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let site = site(s).await;
    let long = "genocide%20".repeat(1000);
    let cases = [
        ("/search?q=%22pr%C3%A9vention", "searched as plain words"),
        ("/search?q=AND", "no word to search for"),
        ("/search?q=-+OR+(", "no word to search for"),
        (&format!("/search?q={long}") as &str, "500 characters"),
        ("/search?q=geno%00cide%07", "result"),
        ("/search?q=genocide&country=XXX", "No record has country"),
        ("/search?q=genocide&kind=nonsense", "No record has kind"),
        ("/search?q=a&q=b", "could not be read"),
        ("/search?q=%ZZ", "0 results"),
        ("/search?q=", "Type one or more words"),
        ("/search?q=genocide&limit=99999", "could not be read"),
    ];
    for (path, note) in cases {
        let (status, page) = ask(&site, path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(page.contains(note), "{path}: {note}");
    }
}

#[tokio::test]
async fn staff_find_the_page_of_an_uploaded_pdf_and_see_why_a_scan_has_no_text() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let site = site(s).await;
        let editor = staff(s, "search-editor@example.org", AccountRole::Editor).await;
        let pdf = pdf_with_pages(&[
            "Synthetic test report (NMP test data), page one",
            "Page two says nothing in particular",
            "On page three the committee adopted the quillforth protocol",
        ]);
        let saved = post_multipart(
            s,
            "/staff/sources/i-gmap-natmec/file",
            Some(&editor),
            &[],
            Some(("file", "synthetic-report.pdf", &pdf)),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

        let (status, page) = ask(&site, "/staff/search?q=%22quillforth+protocol%22", Some(&editor)).await;
        assert_eq!(status, StatusCode::OK, "{}", db.engine);
        assert!(
            page.contains("href=\"/sources/i-gmap-natmec/archive#page=3\""),
            "{page}"
        );
        assert!(page.contains("synthetic-report.pdf, page 3"));
        assert!(page.contains("<mark>quillforth</mark>"));
        // Its source's file is public, so the public finds it too; anonymous visitors are sent
        // to sign in for the staff search.
        let (_, public) = ask(&site, "/search?q=quillforth", None).await;
        assert!(public.contains("#page=3"));
        let (status, _) = ask(&site, "/staff/search?q=quillforth", None).await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        let scan = pdf_with_pages(&["", ""]);
        let saved = post_multipart(
            s,
            "/staff/sources/i-gmap-natmec/file",
            Some(&editor),
            &[],
            Some(("file", "scan.pdf", &scan)),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let (_, sources) = ask(&site, "/staff/sources", Some(&editor)).await;
        assert!(sources.contains("Its text is not searchable"), "{}", db.engine);
        assert!(sources.contains("scanned document"));
        let (_, gone) = ask(&site, "/search?q=quillforth", None).await;
        assert!(!gone.contains("#page=3"), "the replaced file's pages are gone");
        db.finish().await;
    }
}
