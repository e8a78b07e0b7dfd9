//! Importing from a spreadsheet in the workspace: check (a dry run that shows what would change,
//! or every problem in a table), confirm (written for editors, proposed for researchers), and the
//! template and export downloads. Accounts and rows are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{fetch, get, multipart_body, post_multipart, staff, zip_bomb, zip_of};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::organization;
use nmp_store::testing::engines;

const SOURCE: &str = "aipr-2017-docslib";

fn organizations_csv(suffix: &str) -> String {
    format!(
        "slug,name,kind,country_iso3,source,locator\n\
         synthetic-ministry-{suffix},Synthetic ministry {suffix} (synthetic test data),ministry,KEN,{SOURCE},p. 2\n\
         synthetic-agency-{suffix},Synthetic agency {suffix} (synthetic test data),government_agency,KEN,{SOURCE},p. 3\n"
    )
}

#[tokio::test]
async fn an_editor_checks_a_file_confirms_it_and_the_records_are_written() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let page = get(s, "/staff/import", Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("enctype=\"multipart/form-data\"") && page.body.contains("template.xlsx"));

        let csv = organizations_csv("a");
        let checked = post_multipart(
            s,
            "/staff/import",
            Some(&editor),
            &[("kind", "organizations"), ("step", "check")],
            Some(("file", "orgs.csv", csv.as_bytes())),
        )
        .await;
        assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
        assert!(checked.body.contains("would create 2 and change 0"), "{}", checked.body);
        let synthetic = |orgs: Vec<organization::Model>| {
            orgs.into_iter()
                .filter(|o| o.slug.starts_with("synthetic-"))
                .collect::<Vec<_>>()
        };
        assert!(synthetic(s.all::<organization::Entity>().await.unwrap()).is_empty());

        // Confirming sends the file back from the page.
        let data = checked.hidden("file_data");
        let done = post_multipart(
            s,
            "/staff/import",
            Some(&editor),
            &[
                ("kind", "organizations"),
                ("step", "import"),
                ("file_name", "orgs.csv"),
                ("file_data", &data),
            ],
            None,
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("Imported: 2 records created"), "{}", done.body);
        let new = synthetic(s.all::<organization::Entity>().await.unwrap());
        assert_eq!(new.len(), 2);
        assert!(new.iter().all(|o| o.updated_by == "editor@example.org"));
        let cites = s
            .citations_for("organization", &new[0].organization_id.to_string())
            .await
            .unwrap();
        assert_eq!(cites.len(), 1);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_bad_file_is_a_table_of_problems_and_a_researchers_import_is_proposed() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let bad = "slug,name,kind,country_iso3,source\nsynthetic-x,Synthetic x,galactic,XXZ,no-such-source\n";
    let answer = post_multipart(
        s,
        "/staff/import",
        Some(&editor),
        &[("kind", "organizations"), ("step", "check")],
        Some(("file", "bad.csv", bad.as_bytes())),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    for expected in [
        "C (kind)",
        "galactic",
        "D (country_iso3)",
        "E (source)",
        "nothing was imported",
    ] {
        assert!(answer.body.contains(expected), "{expected}: {}", answer.body);
    }
    assert!(!answer.body.contains("name=\"file_data\""));

    // A CSV renamed .xlsx is a clear message, not a 500.
    let renamed = post_multipart(
        s,
        "/staff/import",
        Some(&editor),
        &[("kind", "organizations"), ("step", "check")],
        Some(("file", "orgs.xlsx", organizations_csv("b").as_bytes())),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(renamed.body.contains("CSV file renamed .xlsx"), "{}", renamed.body);

    // A researcher's confirmed import is proposed, row by row.
    let researcher = staff(s, "researcher@example.org", AccountRole::Researcher).await;
    let csv = organizations_csv("c");
    let checked = post_multipart(
        s,
        "/staff/import",
        Some(&researcher),
        &[("kind", "organizations"), ("step", "check")],
        Some(("file", "orgs.csv", csv.as_bytes())),
    )
    .await;
    assert!(checked.body.contains("would propose 2 new"), "{}", checked.body);
    let data = checked.hidden("file_data");
    let done = post_multipart(
        s,
        "/staff/import",
        Some(&researcher),
        &[
            ("kind", "organizations"),
            ("step", "import"),
            ("file_name", "orgs.csv"),
            ("file_data", &data),
        ],
        None,
    )
    .await;
    assert!(done.body.contains("Proposed: 2 changes"), "{}", done.body);
    assert_eq!(s.proposals(None, Some(researcher.account_id)).await.unwrap().len(), 2);

    // Without the form's token: refused.
    let mut forged = editor.clone();
    forged.csrf = "0".repeat(64);
    let refused = post_multipart(
        s,
        "/staff/import",
        Some(&forged),
        &[("kind", "organizations")],
        Some(("file", "orgs.csv", csv.as_bytes())),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    db.finish().await;
}

#[tokio::test]
async fn the_template_and_exports_download_as_spreadsheets() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let reviewer = staff(s, "reviewer@example.org", AccountRole::Reviewer).await;
    let app = nmp_web::router(nmp_web::AppState::new(s.clone()));
    let request = axum::http::Request::builder()
        .uri("/staff/import/template.xlsx")
        .header("cookie", format!("nmp_session={}", reviewer.token))
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app, request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml")
    );
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let tables = nmp_ingest::sheet::read("t.xlsx", &bytes).unwrap();
    assert!(tables.iter().any(|t| t.sheet == "mechanisms"));

    let csv = get(s, "/staff/export/mechanisms.csv", Some(&reviewer)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("mechanism_id,version,slug,"));
    let table = nmp_ingest::sheet::read("m.csv", csv.body.as_bytes()).unwrap().remove(0);
    assert_eq!(table.rows.len(), 19, "the starter dataset's 19 mechanisms");
    let missing = get(s, "/staff/export/nothing.csv", Some(&reviewer)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    db.finish().await;
}

#[tokio::test]
async fn uploads_over_the_limit_zip_bombs_and_early_files_are_refused_and_workbooks_still_import() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let cookie = format!("nmp_session={}", editor.token);
    let fields = [
        ("csrf", editor.csrf.as_str()),
        ("kind", "organizations"),
        ("step", "check"),
    ];

    // Over 16 MB: refused while it is read, naming the file and the limit.
    let mut big = organizations_csv("big").into_bytes();
    big.resize(nmp_web::IMPORT_MAX_FILE_BYTES + 1, b'\n');
    let (content_type, body) = multipart_body(&fields, &[("file", "big.csv", &big)]);
    let answer = fetch(s, "POST", "/staff/import", Some(&cookie), Some(&content_type), body).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        answer
            .text()
            .contains("big.csv is larger than 16 MB; split it into smaller files."),
        "{}",
        answer.text()
    );

    // A workbook that would expand to 2 GiB, and one carrying an archive: refused, nothing read.
    let bomb = zip_bomb("xl");
    let (content_type, body) = multipart_body(&fields, &[("file", "orgs.xlsx", &bomb)]);
    let answer = fetch(s, "POST", "/staff/import", Some(&cookie), Some(&content_type), body).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer
            .text()
            .contains("orgs.xlsx: the workbook was refused: it would expand to 2.0 GiB when opened"),
        "{}",
        answer.text()
    );
    let inner = zip_of(&[("payload.txt", b"synthetic")]);
    let nested = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/media/image1.png", &inner),
    ]);
    let (content_type, body) = multipart_body(&fields, &[("file", "orgs.xlsx", &nested)]);
    let answer = fetch(s, "POST", "/staff/import", Some(&cookie), Some(&content_type), body).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer
            .text()
            .contains("it holds another archive inside (xl/media/image1.png)"),
        "{}",
        answer.text()
    );

    // The file before the form's token: refused before it is read.
    let (content_type, body) = multipart_body(&[], &[("file", "orgs.csv", organizations_csv("e").as_bytes())]);
    let answer = fetch(s, "POST", "/staff/import", Some(&cookie), Some(&content_type), body).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);

    // A request that says it is larger than the route takes: refused before the file is read.
    let (content_type, body) = multipart_body(&fields, &[("file", "huge.csv", b"slug\n")]);
    let app = nmp_web::router(common::state(s));
    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/staff/import")
        .header("cookie", &cookie)
        .header("content-type", content_type)
        .header("content-length", (100 * 1024 * 1024).to_string())
        .body(axum::body::Body::from(body))
        .unwrap();
    let response = tower::ServiceExt::oneshot(app, request).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let page = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert!(String::from_utf8_lossy(&page).contains("huge.csv is larger than 16 MB"));

    // A real workbook (the export of organisations) still checks.
    let export = fetch(
        s,
        "GET",
        "/staff/export/organizations.xlsx",
        Some(&cookie),
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(export.status, StatusCode::OK);
    let (content_type, body) = multipart_body(&fields, &[("file", "organizations.xlsx", &export.bytes)]);
    let answer = fetch(s, "POST", "/staff/import", Some(&cookie), Some(&content_type), body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert!(answer.text().contains("The file holds no changes"), "{}", answer.text());
    db.finish().await;
}
