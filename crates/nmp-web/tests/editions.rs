//! Editions in the workspace, as an editor uses them: the preview PDF, a build started from the
//! web with its downloads (the PDF, and everything as one ZIP archive), publishing refused while
//! a fact is uncited and then done, and the final build giving the very PDF that
//! `nmp report build` (the library's build) makes. Both engines. Accounts and the uncited row
//! are synthetic test data.

mod common;

use std::io::Read;

use axum::http::StatusCode;
use common::{Session, get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::entity::{membership, organization};
use nmp_store::testing::engines;
use sea_orm::ActiveValue::Set;

fn sha(bytes: &[u8]) -> String {
    nmp_core::sha256_hex(bytes)
}

/// Starts a build and waits until a new one is listed; its id.
async fn build(s: &Store, editor: &Session, draft: bool) -> String {
    let before = get(s, "/staff/editions/2017", Some(editor)).await.body;
    let listed = |body: &str| body.matches("/staff/editions/2017/builds/").count();
    let form: &[(&str, &str)] = if draft { &[("draft", "on")] } else { &[] };
    let started = post(s, "/staff/editions/2017/build", editor, form).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    for _ in 0..600 {
        let page = get(s, "/staff/editions/2017", Some(editor)).await;
        assert!(!page.body.contains("The last build failed"), "{}", page.body);
        if listed(&page.body) > listed(&before) {
            // Newest first: the first link is the new build.
            let at = page.body.find("/staff/editions/2017/builds/").unwrap();
            let rest = &page.body[at + "/staff/editions/2017/builds/".len()..];
            return rest[..rest.find('/').unwrap()].to_string();
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the build did not finish in two minutes");
}

/// A GET's raw bytes and headers (the common client reads bodies as text).
async fn bytes(s: &Store, path: &str, session: &Session) -> (StatusCode, String, String, Vec<u8>) {
    fetch(s, path, Some(session)).await
}

/// [`bytes`], signed in or not.
async fn fetch(s: &Store, path: &str, session: Option<&Session>) -> (StatusCode, String, String, Vec<u8>) {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let app = nmp_web::router(common::state(s));
    let mut request = Request::builder().uri(path);
    if let Some(session) = session {
        request = request.header(header::COOKIE, format!("nmp_session={}", session.token));
    }
    let request = request.body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (kind, disposition) = (header(header::CONTENT_TYPE), header(header::CONTENT_DISPOSITION));
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, kind, disposition, body)
}

#[tokio::test]
async fn an_editor_previews_builds_downloads_and_publishes_edition_2017() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let engine = db.engine;

        // The list and the page: 2017 is not published yet.
        let list = get(s, "/staff/editions", Some(&editor)).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("href=\"/staff/editions/2017\""), "{}", list.body);
        let page = get(s, "/staff/editions/2017", Some(&editor)).await;
        assert!(
            page.body.contains("its data are not frozen in NMP yet")
                && !page.body.contains("published · not published"),
            "{engine}: {}",
            page.body
        );
        assert!(
            page.body.contains("it can be published"),
            "{engine}: every fact of 2017 is cited"
        );

        // The preview: a draft PDF of the edition as it is now.
        let (status, kind, _, pdf) = bytes(s, "/staff/editions/2017/preview.pdf", &editor).await;
        assert_eq!(status, StatusCode::OK, "{engine}");
        assert_eq!(kind, "application/pdf");
        assert!(pdf.starts_with(b"%PDF-"), "{engine}");
        let draft = nmp_report::render(&nmp_report::load(s, "2017", true).await.unwrap()).unwrap();
        assert_eq!(
            sha(&pdf),
            sha(&draft.pdf),
            "{engine}: the preview is the library's draft"
        );

        // A draft build from the web: the PDF and the archive of everything.
        let id = build(s, &editor, true).await;
        let (status, kind, disposition, built) =
            bytes(s, &format!("/staff/editions/2017/builds/{id}/report.pdf"), &editor).await;
        assert_eq!(status, StatusCode::OK, "{engine}");
        assert_eq!(kind, "application/pdf");
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert_eq!(sha(&built), sha(&draft.pdf), "{engine}: the build's PDF is the draft");
        let (status, kind, _, zipped) =
            bytes(s, &format!("/staff/editions/2017/builds/{id}/outputs.zip"), &editor).await;
        assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/zip"), "{engine}");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
        let root = format!("nmp-2017-{id}");
        let mut inner = Vec::new();
        archive
            .by_name(&format!("{root}/report.pdf"))
            .unwrap()
            .read_to_end(&mut inner)
            .unwrap();
        assert_eq!(sha(&inner), sha(&built), "{engine}: the archive holds the same PDF");
        for name in ["site/index.html", "data/datapackage.json", "edition.json", "build.json"] {
            assert!(
                archive.by_name(&format!("{root}/{name}")).is_ok(),
                "{engine}: {name} in the archive"
            );
        }
        // An unknown build or file is a 404, and a path cannot escape the builds folder.
        for path in [
            "/staff/editions/2017/builds/20000101T000000Z-nothing/report.pdf".to_string(),
            format!("/staff/editions/2017/builds/{id}/build.json"),
            "/staff/editions/2017/builds/..%2F..%2Fetc/report.pdf".to_string(),
        ] {
            assert_eq!(
                get(s, &path, Some(&editor)).await.status,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }

        // Not published: readers are offered no report, and told why.
        let none = get(s, "/editions/2017/report.pdf", None).await;
        assert_eq!(none.status, StatusCode::NOT_FOUND, "{engine}");
        assert!(none.body.contains("not published yet"), "{}", none.body);
        assert!(!get(s, "/editions/2017", None).await.body.contains("Read the report"));

        // An uncited fact: publishing is refused, naming it, and nothing is frozen.
        let member = add_uncited_member(s).await;
        // The confirmation page refuses up front, naming the problem.
        let page = get(s, "/staff/editions/2017/publish", Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}: {}", page.body);
        assert!(
            page.body.contains("cannot be published yet: 1 fact(s)"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("Yes, publish"), "{engine}: no form to confirm");
        let refused = post(s, "/staff/editions/2017/publish", &editor, &[("confirm", "yes")]).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{engine}: {}",
            refused.body
        );
        assert!(refused.body.contains("Not published"), "{}", refused.body);
        assert!(
            refused.body.contains(&format!("membership {}", member.membership_id)),
            "{engine}: the uncited membership is named: {}",
            refused.body
        );
        assert!(
            s.frozen_edition("2017").await.unwrap().unwrap().1.is_none(),
            "{engine}: nothing frozen"
        );

        // Without it, publishing works; the final build is the library's PDF of the snapshot.
        let mut w = s.writer("editor@example.org").await.unwrap();
        w.delete::<membership::Entity>(member.membership_id, member.version)
            .await
            .unwrap();
        w.commit().await.unwrap();
        // Publishing asks first, saying what will be frozen; without the confirmation nothing is.
        let confirm = get(s, "/staff/editions/2017/publish", Some(&editor)).await;
        assert_eq!(confirm.status, StatusCode::OK, "{engine}: {}", confirm.body);
        let preview = nmp_report::load_preview(s, "2017").await.unwrap();
        let profiles: usize = preview.snapshot.parts.iter().map(|p| p.profiles.len()).sum();
        for wanted in [
            "cannot be undone".to_string(),
            format!("with {profiles} mechanism profile(s)"),
            format!("{} source(s) in the bibliography", preview.snapshot.bibliography.len()),
            preview.sha256.clone(),
            "Yes, publish edition 2017".to_string(),
        ] {
            assert!(
                confirm.body.contains(&wanted),
                "{engine}: {wanted:?} on the confirmation page"
            );
        }
        let unconfirmed = post(s, "/staff/editions/2017/publish", &editor, &[]).await;
        assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
        assert!(
            s.frozen_edition("2017").await.unwrap().unwrap().1.is_none(),
            "{engine}: not published without the confirmation"
        );
        let published = post(s, "/staff/editions/2017/publish", &editor, &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{engine}: {}", published.body);
        let page = get(s, "/staff/editions/2017", Some(&editor)).await;
        assert!(
            page.body.contains("its data are frozen in NMP (snapshot sha256"),
            "{}",
            page.body
        );
        // Published, not built since: the draft build is not offered as the report.
        let unbuilt = get(s, "/editions/2017/report.pdf", None).await;
        assert_eq!(unbuilt.status, StatusCode::NOT_FOUND, "{engine}");
        assert!(
            unbuilt.body.contains("has not been built since it was published"),
            "{}",
            unbuilt.body
        );
        assert!(
            get(s, "/editions/2017", None)
                .await
                .body
                .contains("has not been typeset here yet")
        );
        let id = build(s, &editor, false).await;
        let (_, _, _, final_pdf) = bytes(s, &format!("/staff/editions/2017/builds/{id}/report.pdf"), &editor).await;
        let library = nmp_report::render(&nmp_report::load(s, "2017", false).await.unwrap()).unwrap();
        assert_eq!(
            sha(&final_pdf),
            sha(&library.pdf),
            "{engine}: same PDF as nmp report build"
        );
        assert_ne!(
            sha(&final_pdf),
            sha(&draft.pdf),
            "{engine}: the final build is not marked DRAFT"
        );

        // Readers: the edition page offers the PDF, the web version and the data package, with
        // the fingerprints to verify them; the URLs are stable (not the build's id).
        let public = get(s, "/editions/2017", None).await.body;
        for wanted in [
            "Read the report",
            "href=\"/editions/2017/report.pdf\"",
            "href=\"/editions/2017/report-site.zip\"",
            "href=\"/editions/2017/datapackage.zip\"",
            "Verify this edition",
            library.snapshot_sha256.as_str(),
        ] {
            assert!(public.contains(wanted), "{engine}: {wanted} on the edition page");
        }
        assert!(!public.contains(&id), "{engine}: the page names no build");
        let (status, kind, disposition, pdf) = fetch(s, "/editions/2017/report.pdf", None).await;
        assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/pdf"), "{engine}");
        assert_eq!(disposition, "inline; filename=\"nmp-2017.pdf\"");
        assert_eq!(
            sha(&pdf),
            sha(&final_pdf),
            "{engine}: the public PDF is the final build's"
        );
        for (path, inside) in [
            ("/editions/2017/report-site.zip", "nmp-2017-site/index.html"),
            (
                "/editions/2017/datapackage.zip",
                "nmp-2017-datapackage/datapackage.json",
            ),
        ] {
            let (status, kind, _, zipped) = fetch(s, path, None).await;
            assert_eq!(
                (status, kind.as_str()),
                (StatusCode::OK, "application/zip"),
                "{engine}: {path}"
            );
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
            assert!(archive.by_name(inside).is_ok(), "{engine}: {inside} in {path}");
        }
        // Errata are entered on the edition's page: a bad date is named and nothing is written;
        // a good one is listed.
        let bad = post(
            s,
            "/staff/editions/2017/errata",
            &editor,
            &[
                ("issued_on", "last week"),
                ("location", "Kenya profile"),
                ("correction", "Synthetic correction"),
            ],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{engine}");
        assert!(
            bad.body.contains("Issued on: ") && bad.body.contains("last week"),
            "{}",
            bad.body
        );
        let e = s.frozen_edition("2017").await.unwrap().unwrap().0;
        assert!(
            s.errata(e.edition_id).await.unwrap().is_empty(),
            "{engine}: nothing written"
        );
        let good = post(
            s,
            "/staff/editions/2017/errata",
            &editor,
            &[
                ("issued_on", "2026-12"),
                ("location", "Kenya profile"),
                ("correction", "Synthetic correction for the test"),
            ],
        )
        .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{engine}: {}", good.body);
        let page = get(s, "/staff/editions/2017", Some(&editor)).await.body;
        assert!(
            page.contains("Synthetic correction for the test"),
            "{engine}: the erratum is listed"
        );
        assert_eq!(s.errata(e.edition_id).await.unwrap().len(), 1);

        // The edition list, the home page and /data point to it.
        for page in ["/editions", "/", "/data"] {
            let body = get(s, page, None).await.body;
            assert!(
                body.contains("href=\"/editions/2017/report.pdf\""),
                "{engine}: {page} links the report"
            );
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn students_and_partners_cannot_see_editions_and_unknown_editions_are_404() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let student = staff(s, "student@example.org", AccountRole::Student).await;
    assert_eq!(
        get(s, "/staff/editions/2017/preview.pdf", Some(&student)).await.status,
        StatusCode::FORBIDDEN
    );
    let researcher = staff(s, "researcher@example.org", AccountRole::Researcher).await;
    let page = get(s, "/staff/editions/2017", Some(&researcher)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Build the report"), "researchers do not build");
    let refused = post(s, "/staff/editions/2017/build", &researcher, &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let missing = get(s, "/staff/editions/1999", Some(&researcher)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("1999"), "{}", missing.body);
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let missing = get(s, "/staff/editions/1999/preview.pdf", Some(&editor)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    db.finish().await;
}

/// Adds a membership without a citation to a mechanism the 2017 edition profiles.
async fn add_uncited_member(s: &Store) -> membership::Model {
    let m = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
    let org = s.all::<organization::Entity>().await.unwrap().remove(0);
    let mut w = s.writer("editor@example.org").await.unwrap();
    let member = w
        .insert(membership::ActiveModel {
            mechanism_id: Set(m.mechanism_id),
            organization_id: Set(org.organization_id),
            role: Set("member".into()),
            confidence: Set("sourced".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    w.commit().await.unwrap();
    member
}

/// The edition page's uncited facts are computed once per state of the data: the same answer is
/// reused while nothing is written, and a write (this process's, or another's) shows at once.
#[tokio::test]
async fn uncited_facts_are_kept_until_the_data_change() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let uncited = common::state(s).uncited;

        let first = uncited.of(s, "2017").await.unwrap();
        assert!(first.is_empty(), "{engine}: every fact of 2017 is cited: {first:?}");
        let again = uncited.of(s, "2017").await.unwrap();
        assert!(
            std::sync::Arc::ptr_eq(&first, &again),
            "{engine}: nothing written, the kept answer"
        );

        // This process writes an uncited membership of a mechanism 2017 profiles.
        let member = add_uncited_member(s).await;
        let after_write = uncited.of(s, "2017").await.unwrap();
        assert!(
            after_write
                .iter()
                .any(|f| f.contains(&format!("membership {}", member.membership_id))),
            "{engine}: the new uncited membership is listed: {after_write:?}"
        );

        // Another process (a second pool on the same database) deletes it.
        let other = db.reopen().await;
        let mut w = other.writer("editor@example.org").await.unwrap();
        w.delete::<membership::Entity>(member.membership_id, member.version)
            .await
            .unwrap();
        w.commit().await.unwrap();
        let after_other = uncited.of(s, "2017").await.unwrap();
        assert!(
            after_other.is_empty(),
            "{engine}: another process's write is seen: {after_other:?}"
        );
        db.finish().await;
    }
}
