//! Sources that outlive link rot and citation export, on the seeded starter dataset: the public
//! list shows a source's archived copy beside the original; every public record page has a "How
//! to cite" block whose BibTeX, RIS and CSL-JSON exports parse; the staff sources page lists the
//! latest link checks worst first and lets editors (not students) set the archive fields, a bad
//! URL refused naming its field. Archive addresses and accounts here are synthetic test data.

mod common;

use axum::http::StatusCode;
use biblatex::{Bibliography, ChunksExt};
use common::{fetch, get, post, post_multipart, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::source;
use nmp_store::linkcheck::Fetched;
use nmp_store::testing::engines;

const ARCHIVE: &str = "https://archive.example.org/synthetic/i-gmap-natmec";

async fn natmec(s: &nmp_store::Store) -> source::Model {
    s.all::<source::Entity>()
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.slug == "i-gmap-natmec")
        .unwrap()
}

#[tokio::test]
async fn the_source_list_shows_the_archived_copy_and_sources_export_in_three_formats() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let src = natmec(s).await;
    s.set_source_archive("system:test", "i-gmap-natmec", src.version, ARCHIVE, "2026-11-30")
        .await
        .unwrap();

    let page = get(s, "/sources", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let item = &page.body[page.body.find("id=\"source-i-gmap-natmec\"").unwrap()..];
    let item = &item[..item.find("</li>").unwrap()];
    let original = item.find(src.url.as_deref().unwrap()).expect("the original link");
    let archived = item
        .find(&format!("<a class=\"archived\" href=\"{ARCHIVE}\""))
        .expect("the archived link");
    assert!(original < archived, "the archived copy follows the original: {item}");
    assert!(item.contains("Accessed 2026-11-30."), "{item}");
    assert!(item.contains("href=\"/cite/sources/i-gmap-natmec.bib\""), "{item}");

    let bib = fetch(s, "GET", "/cite/sources/i-gmap-natmec.bib", None, None, Vec::new()).await;
    assert_eq!(bib.status, StatusCode::OK);
    assert_eq!(bib.header("content-type"), "application/x-bibtex; charset=utf-8");
    assert_eq!(bib.header("cache-control"), "no-store");
    let parsed = Bibliography::parse(&bib.text()).unwrap();
    let e = parsed.get("source-i-gmap-natmec").unwrap();
    assert_eq!(e.get("title").unwrap().format_verbatim(), src.title);
    assert_eq!(
        e.get("publisher").unwrap().format_verbatim(),
        "Binghamton University, I-GMAP"
    );
    assert_eq!(e.get("url").unwrap().format_verbatim(), src.url.clone().unwrap());
    assert_eq!(e.get("urldate").unwrap().format_verbatim(), "2026-11-30");
    assert!(e.get("note").unwrap().format_verbatim().contains(ARCHIVE));

    let ris = fetch(s, "GET", "/cite/sources/i-gmap-natmec.ris", None, None, Vec::new()).await;
    assert_eq!(
        ris.header("content-type"),
        "application/x-research-info-systems; charset=utf-8"
    );
    let text = ris.text();
    assert!(
        text.starts_with("TY  - ELEC\r\n") && text.ends_with("ER  - \r\n"),
        "{text}"
    );
    assert!(text.contains(&format!("UR  - {}\r\n", src.url.unwrap())), "{text}");

    let csl = fetch(s, "GET", "/cite/sources/i-gmap-natmec.json", None, None, Vec::new()).await;
    assert_eq!(
        csl.header("content-type"),
        "application/vnd.citationstyles.csl+json; charset=utf-8"
    );
    let v: serde_json::Value = serde_json::from_str(&csl.text()).unwrap();
    assert_eq!(v[0]["type"], "webpage");
    assert_eq!(v[0]["archive_location"], ARCHIVE);
    assert_eq!(v[0]["accessed"]["date-parts"], serde_json::json!([[2026, 11, 30]]));

    for missing in [
        "/cite/sources/no-such-source.bib",
        "/cite/sources/i-gmap-natmec.pdf",
        "/cite/sources/i-gmap-natmec",
        "/cite/people/anyone.ris",
        "/cite/countries/KEN.bib",
    ] {
        assert_eq!(get(s, missing, None).await.status, StatusCode::NOT_FOUND, "{missing}");
    }
    db.finish().await;
}

#[tokio::test]
async fn every_public_record_page_says_how_to_cite_it_and_its_exports_parse() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let today = nmp_web::cite::today();
    for (page, kind, key, title) in [
        ("/countries/ken", "countries", "ken", "Kenya"),
        (
            "/mechanisms/ken-national-committee",
            "mechanisms",
            "ken-national-committee",
            "",
        ),
        (
            "/initiatives/che-gaamac-co-founding",
            "initiatives",
            "che-gaamac-co-founding",
            "",
        ),
        (
            "/networks/icglr-regional-committee",
            "networks",
            "icglr-regional-committee",
            "",
        ),
        ("/editions/2017", "editions", "2017", ""),
    ] {
        let answer = get(s, page, None).await;
        assert_eq!(answer.status, StatusCode::OK, "{page}");
        let block = &answer.body[answer
            .body
            .find("<h2 id=\"how-to-cite\">How to cite</h2>")
            .unwrap_or_else(|| panic!("{page} has no How to cite"))..];
        let text = &block[block.find("<p class=\"citation\">").unwrap()..];
        let text = &text[..text.find("</p>").unwrap()];
        assert!(
            text.contains(&format!("http://127.0.0.1:8080/{kind}/{key}")),
            "{page}: {text}"
        );
        assert!(text.contains(title), "{page}: {text}");
        if kind != "editions" {
            assert!(text.contains("National Mechanisms Platform (NMP)."), "{page}: {text}");
        }
        for ext in ["bib", "ris", "json"] {
            let href = format!("/cite/{kind}/{key}.{ext}");
            assert!(block.contains(&format!("href=\"{href}\"")), "{page} links {href}");
            let file = fetch(s, "GET", &href, None, None, Vec::new()).await;
            assert_eq!(file.status, StatusCode::OK, "{href}");
            let body = file.text();
            match ext {
                "bib" => {
                    let parsed = Bibliography::parse(&body).unwrap_or_else(|e| panic!("{href}: {e:?}"));
                    let e = parsed.iter().next().unwrap();
                    assert_eq!(e.get("urldate").unwrap().format_verbatim(), today, "{href}");
                }
                "ris" => assert!(body.contains(&format!("Y2  - {today}\r\n")), "{href}: {body}"),
                _ => {
                    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                    assert_eq!(v[0]["URL"], format!("http://127.0.0.1:8080/{kind}/{key}"), "{href}");
                    if kind == "editions" {
                        assert_eq!(v[0]["type"], "report");
                        assert!(v[0]["author"].as_array().is_some_and(|a| !a.is_empty()), "{body}");
                    } else {
                        assert_eq!(v[0]["author"][0]["literal"], "National Mechanisms Platform (NMP)");
                    }
                }
            }
        }
    }
    // Organisations have no page of their own, but cite like the others.
    let org = fetch(s, "GET", "/cite/organizations/aipr.ris", None, None, Vec::new()).await;
    assert_eq!(org.status, StatusCode::OK);
    assert!(
        org.text()
            .contains("UR  - http://127.0.0.1:8080/organizations/aipr\r\n")
    );
    db.finish().await;
}

#[tokio::test]
async fn the_staff_sources_page_lists_dead_links_first_and_editors_set_the_archive() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let sources = s.link_targets(None).await.unwrap();
        let (dead, fine) = (&sources[0], &sources[1]);
        s.record_link_checks(
            "system:test",
            time::OffsetDateTime::now_utc(),
            vec![
                Fetched {
                    source_id: fine.source_id,
                    url: fine.url.clone(),
                    status_code: Some(200),
                    final_url: Some(fine.url.clone()),
                    content_sha256: Some("0".repeat(64)),
                    ..Default::default()
                },
                Fetched {
                    source_id: dead.source_id,
                    url: dead.url.clone(),
                    status_code: Some(404),
                    final_url: Some(dead.url.clone()),
                    ..Default::default()
                },
            ],
        )
        .await
        .unwrap();
        let editor = staff(s, "sources-editor@example.org", AccountRole::Editor).await;
        let student = staff(s, "sources-student@example.org", AccountRole::Student).await;

        let page = get(s, "/staff/sources", Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", db.engine);
        let at = |slug: &str| page.body.find(&format!("id=\"source-{slug}\"")).unwrap();
        assert!(at(&dead.slug) < at(&fine.slug), "dead first");
        assert!(page.body.contains("dead: 1"), "the counts");
        let dead_row = &page.body[at(&dead.slug)..];
        assert!(dead_row[..dead_row.find("</tr>").unwrap()].contains("outcome-dead\">dead</span> 404"));

        let src = natmec(s).await;
        let path = "/staff/sources/i-gmap-natmec/archive";
        let version = src.version.to_string();
        let bad = post(
            s,
            path,
            &editor,
            &[
                ("version", &version),
                ("archived_url", "archive.example.org/x"),
                ("accessed_on", "2026-11"),
            ],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body
                .contains("archived_url: &quot;archive.example.org/x&quot; is not a web address")
                || bad
                    .body
                    .contains("archived_url: &#34;archive.example.org/x&#34; is not a web address"),
            "{}",
            bad.body
        );
        assert!(
            bad.body.contains("value=\"archive.example.org/x\""),
            "what was typed is shown again"
        );
        assert_eq!(natmec(s).await.version, src.version, "nothing written");

        let refused = post(
            s,
            path,
            &student,
            &[("version", &version), ("archived_url", ARCHIVE), ("accessed_on", "")],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(
            get(s, "/staff/sources", Some(&student)).await.status,
            StatusCode::FORBIDDEN
        );

        let saved = post(
            s,
            path,
            &editor,
            &[
                ("version", &version),
                ("archived_url", ARCHIVE),
                ("accessed_on", "2026-11"),
            ],
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let after = natmec(s).await;
        assert_eq!(after.archived_url.as_deref(), Some(ARCHIVE));
        assert_eq!(after.accessed_on.as_deref(), Some("2026-11"));
        assert_eq!(after.updated_by, "sources-editor@example.org");
        // The same version again is a conflict, never an overwrite.
        let stale = post(
            s,
            path,
            &editor,
            &[("version", &version), ("archived_url", ""), ("accessed_on", "")],
        )
        .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        db.finish().await;
    }
}

/// A minimal PDF, generated here (synthetic test data).
const PDF: &[u8] =
    b"%PDF-1.4\n% synthetic archived copy\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::test]
async fn an_editor_uploads_an_archived_file_the_list_links_it_and_it_downloads_the_same_bytes() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "files-editor@example.org", AccountRole::Editor).await;
        let student = staff(s, "files-student@example.org", AccountRole::Student).await;
        let path = "/staff/sources/i-gmap-natmec/file";

        let page = get(s, "/staff/sources", Some(&editor)).await;
        assert!(
            page.body
                .contains("action=\"/staff/sources/i-gmap-natmec/file\" enctype=\"multipart/form-data\""),
            "the upload form"
        );

        // Refused kinds name the field and write nothing.
        for (name, bytes) in [
            ("tool.exe", b"MZ\x90\x00synthetic".to_vec()),
            ("bundle.zip", common::zip_of(&[("a.txt", b"synthetic")])),
            ("fake.pdf", b"not a PDF at all".to_vec()),
        ] {
            let refused = post_multipart(s, path, Some(&editor), &[], Some(("file", name, &bytes))).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name} on {}",
                db.engine
            );
            assert!(
                refused.body.contains("i-gmap-natmec</a>: file: ") && refused.body.contains(name),
                "{name}: {}",
                refused.body
            );
            assert!(
                s.source_archive_summaries().await.unwrap().is_empty(),
                "{name}: nothing written"
            );
        }
        // A student may not upload; an anonymous visitor is sent to sign in.
        let student_try = post_multipart(s, path, Some(&student), &[], Some(("file", "copy.pdf", PDF))).await;
        assert_eq!(student_try.status, StatusCode::FORBIDDEN);
        let anonymous = post_multipart(s, path, None, &[], Some(("file", "copy.pdf", PDF))).await;
        assert!(
            anonymous.location.as_deref().is_some_and(|l| l.starts_with("/login")),
            "{:?}",
            anonymous.location
        );
        assert!(s.source_archive_summaries().await.unwrap().is_empty());

        let saved = post_multipart(s, path, Some(&editor), &[], Some(("file", "natmec-copy.pdf", PDF))).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let sha = nmp_core::sha256_hex(PDF);
        let stored = s.source_archive_file("i-gmap-natmec").await.unwrap().unwrap();
        assert_eq!(stored.sha256, sha);
        assert_eq!(stored.uploaded_by, "files-editor@example.org");

        let list = get(s, "/sources", None).await;
        let item = &list.body[list.body.find("id=\"source-i-gmap-natmec\"").unwrap()..];
        let item = &item[..item.find("</li>").unwrap()];
        assert!(
            item.contains(&format!(
                "href=\"/sources/i-gmap-natmec/archive\" download>Archived copy (PDF, {} bytes, sha256 {}…)</a>",
                PDF.len(),
                &sha[..8]
            )),
            "{item}"
        );
        assert!(item.contains(&sha), "the whole SHA-256: {item}");

        let download = fetch(s, "GET", "/sources/i-gmap-natmec/archive", None, None, Vec::new()).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.bytes, PDF, "{}", db.engine);
        assert_eq!(download.header("content-type"), "application/pdf");
        assert_eq!(
            download.header("content-disposition"),
            "attachment; filename=\"natmec-copy.pdf\"; filename*=UTF-8''natmec-copy.pdf"
        );
        assert_eq!(
            download.header("content-security-policy"),
            nmp_web::security::CONTENT_SECURITY_POLICY
        );
        assert_eq!(download.header("x-content-type-options"), "nosniff");
        assert_eq!(download.header("x-frame-options"), "DENY");

        // Replacing with an HTML snapshot: one file, the new bytes; a refused file keeps it.
        let html = b"<!doctype html><title>Synthetic snapshot</title><p>synthetic</p>\n";
        let replaced = post_multipart(s, path, Some(&editor), &[], Some(("file", "snapshot.html", html))).await;
        assert_eq!(replaced.status, StatusCode::SEE_OTHER, "{}", replaced.body);
        let refused = post_multipart(s, path, Some(&editor), &[], Some(("file", "x.exe", b"MZ"))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let download = fetch(s, "GET", "/sources/i-gmap-natmec/archive", None, None, Vec::new()).await;
        assert_eq!(download.bytes, html);
        assert_eq!(download.header("content-type"), "text/html");
        assert!(download.header("content-disposition").starts_with("attachment;"));
        assert_eq!(s.source_archive_summaries().await.unwrap().len(), 1);

        // A source without a file, and no source at all.
        let other = s
            .all::<source::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.slug != "i-gmap-natmec")
            .unwrap();
        for missing in [
            "/sources/no-such-source/archive".to_string(),
            format!("/sources/{}/archive", other.slug),
        ] {
            assert_eq!(get(s, &missing, None).await.status, StatusCode::NOT_FOUND, "{missing}");
        }
        db.finish().await;
    }
}
