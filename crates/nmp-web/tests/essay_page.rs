//! A published expert opinion essay's page (issue 20), on SQLite and (when configured)
//! PostgreSQL: hidden until its edition is published, then shown with its authors, text, notes
//! and "How to cite" block, described in its `<head>` for Google Scholar (Highwire `<meta>` tags)
//! and reference managers (JSON-LD), with its citation as BibTeX, RIS and CSL-JSON, and linked
//! from the edition's page. The rows are written directly; the essay, its authors and text are
//! synthetic test data and say so.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{edition, edition_contributor, edition_part, essay, essay_call, essay_version};
use nmp_store::testing::{TestDb, engines};
use nmp_store::{Set, Store};
use tower::ServiceExt;

const SLUG: &str = "essays-test";
const PART: &str = "prevention-at-home";
const PAGE: &str = "/editions/essays-test/essays/prevention-at-home";
const TITLE: &str = "Synthetic essay: prevention begins at home";
const ORCID: &str = "0000-0002-1825-0097";

/// The essay's Markdown: a starter source with a page, a mechanism, and an author's footnote.
const BODY: &str = "Synthetic opening paragraph citing a booklet [@aipr-booklet-launch, p. 4].\n\n\
                    A second paragraph on a mechanism [@mechanism:arg-national-mechanism] with a note.[^1]\n\n\
                    [^1]: Synthetic author footnote.\n";

async fn get(db: &TestDb, path: &str) -> (StatusCode, String, String) {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, content_type, String::from_utf8(body.to_vec()).unwrap())
}

/// Writes an unpublished edition with an editor, a call, an essay that came through the workflow
/// (two authors, the first with an affiliation and an ORCID iD) printed as part `PART`, and an
/// essay part typed in by staff with no essay row; returns the edition.
async fn add_edition(s: &Store) -> edition::Model {
    let editor = s
        .create_account(
            "system:test",
            "editor@example.org",
            "Synthetic Editor",
            AccountRole::Editor,
        )
        .await
        .unwrap();
    let mut w = s.writer("test").await.unwrap();
    let e = w
        .insert(edition::ActiveModel {
            slug: Set(SLUG.into()),
            title: Set("Synthetic essays edition".into()),
            subtitle: Set(None),
            kind: Set("annual_report".into()),
            status: Set("drafting".into()),
            period_start: Set(None),
            period_end: Set(None),
            published_on: Set(Some("2026-11-30".into())),
            pages: Set(None),
            licence: Set(Some("CC BY 4.0".into())),
            snapshot_hash: Set(None),
            note: Set(None),
            methodology: Set(None),
            language: Set("en".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(edition_contributor::ActiveModel {
        edition_id: Set(e.edition_id),
        name: Set("Synthetic Volume Editor".into()),
        role: Set("editor".into()),
        affiliation: Set(None),
        ..Default::default()
    })
    .await
    .unwrap();
    let part = w
        .insert(edition_part::ActiveModel {
            edition_id: Set(e.edition_id),
            part_key: Set(PART.into()),
            position: Set(1),
            title: Set(TITLE.into()),
            page: Set(None),
            summary: Set(Some("Synthetic abstract of a test essay.".into())),
            owner_organization_id: Set(None),
            body: Set(Some(BODY.into())),
            kind: Set("essay".into()),
            author: Set(Some("Ana Synthetic (Synthetic Institute); Bo Testcase".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(edition_part::ActiveModel {
        edition_id: Set(e.edition_id),
        part_key: Set("typed-essay".into()),
        position: Set(2),
        title: Set("Synthetic essay typed in by staff".into()),
        page: Set(None),
        summary: Set(Some("Synthetic summary of the typed essay.".into())),
        owner_organization_id: Set(None),
        body: Set(Some("Synthetic typed paragraph.\n".into())),
        kind: Set("essay".into()),
        author: Set(Some("Cy Typed (Synthetic College)".into())),
        ..Default::default()
    })
    .await
    .unwrap();
    let call = w
        .insert(essay_call::ActiveModel {
            edition_id: Set(e.edition_id),
            title: Set("Synthetic call".into()),
            description: Set(None),
            deadline: Set("2026-06-30".into()),
            guest_editor_id: Set(None),
            anonymity: Set("single".into()),
            status: Set("open".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let row = w
        .insert(essay::ActiveModel {
            call_id: Set(call.call_id),
            author_name: Set("Ana Synthetic".into()),
            author_email: Set("author@example.org".into()),
            language: Set("en".into()),
            token_hash: Set("0".repeat(64)),
            expires_at: Set(part.created_at),
            revoked_at: Set(None),
            due_on: Set("2026-06-30".into()),
            stage: Set("ready".into()),
            accepted_at: Set(None),
            declined_note: Set(None),
            invited_by: Set(editor.account_id),
            reminders_sent: Set(0),
            last_reminder_at: Set(None),
            edition_part_id: Set(Some(part.edition_part_id)),
            proofs_approved_at: Set(None),
            proofs_note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let authors = format!(
        r#"[{{"name":"Ana Synthetic","affiliation":"Synthetic Institute","orcid":"{ORCID}"}},{{"name":"Bo Testcase"}}]"#
    );
    w.insert(essay_version::ActiveModel {
        essay_id: Set(row.essay_id),
        number: Set(1),
        kind: Set("submission".into()),
        title: Set(TITLE.into()),
        abstract_text: Set("Synthetic abstract of a test essay.".into()),
        keywords: Set("prevention\n\nsynthetic keyword\n".into()),
        authors_json: Set(authors),
        competing_interests: Set("None declared (synthetic).".into()),
        licence: Set(String::new()),
        body: Set(BODY.into()),
        source_format: Set("markdown".into()),
        sha256: Set("0".repeat(64)),
        made_by: Set("author".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
    e
}

/// Marks the edition published (bypassing the real publishing, which builds a snapshot).
async fn publish(s: &Store, e: &edition::Model) {
    let mut w = s.writer("test").await.unwrap();
    w.update::<edition::Entity>(e.edition_id, e.version, |row| row.status = Set("published".into()))
        .await
        .unwrap();
    w.commit().await.unwrap();
}

/// `text` with the five HTML entities an attribute may hold read back.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `(name, content)` of each `<meta name="citation_…" content="…">` tag, in order.
fn citation_meta(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("<meta name=\"citation_") {
        let tag = &rest[at..];
        let end = tag.find('>').expect("a meta tag ends");
        let tag = &tag[..end];
        let attr = |name: &str| {
            let start = tag.find(&format!("{name}=\"")).expect("the attribute") + name.len() + 2;
            let len = tag[start..].find('"').expect("the attribute's end");
            unescape(&tag[start..start + len])
        };
        out.push((attr("name"), attr("content")));
        rest = &rest[at + end..];
    }
    out
}

/// The text of the page's JSON-LD script.
fn json_ld(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("a JSON-LD script") + open.len();
    let len = page[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&page[start..start + len]).expect("the JSON-LD parses")
}

#[tokio::test]
async fn an_essay_page_appears_with_its_edition_and_describes_itself_for_scholar() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let e = add_edition(&db.store).await;

        let (status, _, _) = get(&db, PAGE).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}: not before publication", db.engine);
        let (status, _, _) = get(&db, &format!("{PAGE}/cite.bib")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "nor its citation");
        let (status, _, edition_page) = get(&db, "/editions/essays-test").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !edition_page.contains(PAGE),
            "an unpublished edition does not link its essays"
        );

        publish(&db.store, &e).await;
        let (status, content_type, page) = get(&db, PAGE).await;
        assert_eq!(status, StatusCode::OK, "{}: {page}", db.engine);
        assert!(content_type.starts_with("text/html"));

        // The page itself.
        assert!(page.contains(&format!("<h1>{TITLE}</h1>")), "the title heads the page");
        assert!(page.contains("Synthetic Institute"), "the first author's affiliation");
        assert!(
            page.contains(&format!("href=\"https://orcid.org/{ORCID}\"")),
            "the ORCID link"
        );
        assert!(page.contains(&format!("ORCID {ORCID}")));
        assert!(page.contains("href=\"/editions/essays-test\""), "the edition is linked");
        assert!(page.contains("datetime=\"2026-11-30\""), "the date of publication");
        assert!(page.contains("Synthetic abstract of a test essay."));
        assert!(page.contains("synthetic keyword"));
        assert!(page.contains("None declared (synthetic)."), "competing interests");
        assert!(
            page.contains("CC BY 4.0"),
            "the edition's licence, the version having none"
        );
        assert!(
            page.contains("AIPR Launches Booklet on National Mechanisms for Prevention"),
            "the cited source's title is in the notes"
        );
        assert!(
            page.contains("href=\"/mechanisms/arg-national-mechanism\""),
            "the cited record is linked"
        );
        assert!(page.contains("Synthetic author footnote."), "the author's footnote");
        assert!(page.contains(">Notes<"), "the notes' heading");
        let ana = page.find("Ana Synthetic").expect("the first author");
        let bo = page.find("Bo Testcase").expect("the second author");
        assert!(ana < bo, "authors in the essay's order");
        assert!(
            page.contains("Synthetic, Ana; Testcase, Bo. “Synthetic essay: prevention begins at home.” In Synthetic essays edition, edited by Synthetic Volume Editor."),
            "the plain-text citation"
        );
        for ext in ["bib", "ris", "json"] {
            assert!(
                page.contains(&format!("href=\"{PAGE}/cite.{ext}\"")),
                "the {ext} download"
            );
        }

        // Highwire tags.
        let meta = citation_meta(&page);
        let value = |name: &str| {
            meta.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("no {name} in {meta:?}"))
        };
        assert_eq!(value("citation_title"), TITLE);
        let authors: Vec<usize> = meta
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| n == "citation_author")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(authors.len(), 2, "{meta:?}");
        assert_eq!(meta[authors[0]].1, "Synthetic, Ana");
        assert_eq!(meta[authors[1]].1, "Testcase, Bo");
        assert_eq!(
            meta[authors[0] + 1],
            (
                "citation_author_institution".to_string(),
                "Synthetic Institute".to_string()
            ),
            "the institution follows its author"
        );
        assert_eq!(
            meta[authors[0] + 2],
            (
                "citation_author_orcid".to_string(),
                format!("https://orcid.org/{ORCID}")
            )
        );
        assert!(
            authors[1] > authors[0] + 2,
            "the second author comes after the first's details"
        );
        assert_eq!(value("citation_publication_date"), "2026/11/30");
        assert_eq!(
            value("citation_pdf_url"),
            "http://127.0.0.1:8080/editions/essays-test/report.pdf"
        );
        assert_eq!(value("citation_inbook_title"), "Synthetic essays edition");
        assert_eq!(
            value("citation_abstract_html_url"),
            format!("http://127.0.0.1:8080{PAGE}")
        );

        // JSON-LD.
        let ld = json_ld(&page);
        assert_eq!(ld["@type"], "ScholarlyArticle");
        assert_eq!(ld["headline"], TITLE);
        assert_eq!(ld["author"][0]["sameAs"], format!("https://orcid.org/{ORCID}"));
        assert_eq!(ld["isPartOf"]["editor"][0]["name"], "Synthetic Volume Editor");

        // Exports.
        let (status, content_type, bib) = get(&db, &format!("{PAGE}/cite.bib")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/x-bibtex"), "{content_type}");
        assert!(bib.trim_start().starts_with("@incollection{"), "{bib}");
        assert!(bib.contains("nmp-essays-test-prevention-at-home"), "the key: {bib}");
        assert!(bib.contains("prevention begins at home"), "the title: {bib}");
        let (status, content_type, ris) = get(&db, &format!("{PAGE}/cite.ris")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/x-research-info-systems"));
        assert!(ris.contains("TY  - CHAP"), "{ris}");
        let (status, content_type, csl) = get(&db, &format!("{PAGE}/cite.json")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.starts_with("application/vnd.citationstyles.csl+json"));
        let csl: serde_json::Value = serde_json::from_str(&csl).unwrap();
        assert_eq!(csl[0]["title"], TITLE);
        let (status, _, _) = get(&db, &format!("{PAGE}/cite.txt")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "an unknown format");

        // The edition links its essays; unknown keys and chapters have no essay page.
        let (_, _, edition_page) = get(&db, "/editions/essays-test").await;
        assert!(
            edition_page.contains(&format!("href=\"{PAGE}\"")),
            "the edition links the essay"
        );
        assert!(edition_page.contains("href=\"/editions/essays-test/essays/typed-essay\""));
        let (status, _, _) = get(&db, "/editions/essays-test/essays/no-such-essay").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = get(&db, "/editions/no-such-edition/essays/prevention-at-home").await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A part typed in by staff, with no essay row, has its page too.
        let (status, _, typed) = get(&db, "/editions/essays-test/essays/typed-essay").await;
        assert_eq!(status, StatusCode::OK, "{typed}");
        assert!(typed.contains("Synthetic essay typed in by staff"));
        assert!(typed.contains("Cy Typed (Synthetic College)"), "the byline as typed");
        assert!(
            typed.contains("Synthetic summary of the typed essay."),
            "the summary as abstract"
        );
        assert!(typed.contains("Synthetic typed paragraph."), "the text");
        let meta = citation_meta(&typed);
        assert!(
            meta.contains(&("citation_author".to_string(), "Typed, Cy".to_string())),
            "{meta:?}"
        );
        assert!(meta.contains(&(
            "citation_author_institution".to_string(),
            "Synthetic College".to_string()
        )));

        // In French: the same page, its links kept in French.
        let (status, _, fr) = get(&db, &format!("/fr{PAGE}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(fr.contains("<html lang=\"fr\""));
        assert!(
            fr.contains("href=\"/fr/editions/essays-test\""),
            "the edition link in French"
        );
        assert!(fr.contains("lang=\"en\""), "the English essay is marked as English");
        assert!(fr.contains(TITLE));
        db.finish().await;
    }
}
