//! The staff edition page lists, under an erratum, the essays that rely on the record it
//! corrects (issue 20): an essay submitted citing a starter mechanism, edition 2017 published,
//! an erratum whose location names the mechanism as essays cite it, and one naming no record.
//! Both engines. The people, the edition "Test essays edition" and the essay are synthetic.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::account;
use nmp_store::testing::engines;

#[tokio::test]
async fn the_staff_edition_page_lists_the_essays_relying_on_an_erratum_s_record() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let editor_row = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let body = "The committee [@mechanism:arg-national-mechanism] met often.\n";
        let (essay_id, _) = common::essays::submitted_essay(s, &editor_row, dir.path(), "test-essays", body).await;
        let published = post(s, "/staff/editions/2017/publish", &editor, &[("confirm", "yes")]).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{engine}: {}", published.body);

        // The form says how to name a record so that its essays are listed.
        let page = get(s, "/staff/editions/2017", Some(&editor)).await.body;
        assert!(
            page.contains("name it as essays cite it, e.g. [@mechanism:ug-nccpg]"),
            "{engine}: {page}"
        );

        for (location, correction) in [
            (
                "Profile of [@mechanism:arg-national-mechanism]",
                "Synthetic correction one",
            ),
            ("Argentina profile, p. 3", "Synthetic correction two"),
        ] {
            let form = [
                ("issued_on", "2026-12-01"),
                ("location", location),
                ("correction", correction),
            ];
            let recorded = post(s, "/staff/editions/2017/errata", &editor, &form).await;
            assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{engine}: {}", recorded.body);
        }
        let page = get(s, "/staff/editions/2017", Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}");
        let body = page.body;
        let link = format!(
            "<a href=\"/staff/essays/{essay_id}\">Prevention begins at home (synthetic)</a>, by Synthetic Author (Submitted)"
        );
        assert!(body.contains(&link), "{engine}: {body}");
        // Only under the erratum that names the mechanism, after it and before the next.
        assert_eq!(body.matches("Essays that rely on this record:").count(), 1, "{engine}");
        let (one, two) = (
            body.find("Synthetic correction one").unwrap(),
            body.find("Synthetic correction two").unwrap(),
        );
        let at = body.find(&link).unwrap();
        assert!(
            one < at && at < two,
            "{engine}: the essay is listed under the first erratum"
        );
        db.finish().await;
    }
}
