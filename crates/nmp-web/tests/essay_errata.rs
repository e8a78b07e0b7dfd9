//! The staff edition page lists, under an erratum, the essays that rely on the record it
//! corrects (issue 20): an essay submitted citing a starter mechanism, edition 2017 published,
//! an erratum whose location names the mechanism as essays cite it, and one naming no record.
//! Both engines. The people, the edition "Test essays edition" and the essay are synthetic.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_collect::essays::{
    Author, AuthorLine, Manuscript, NewCall, answer_invitation, invite_author, open_call, submit,
};
use nmp_core::vocab::AccountRole;
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::account;
use nmp_store::testing::engines;

/// Submits a synthetic essay citing `[@mechanism:arg-national-mechanism]`; its id.
async fn essay_citing_a_mechanism(s: &Store, editor: &account::Model, dir: &std::path::Path) -> i32 {
    let settings = MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
    };
    let mailer = Mailer::new(settings).unwrap();
    let ed = nmp_store::testing::synthetic_edition(s, "test-essays", "Test essays edition (synthetic)").await;
    let call = NewCall {
        edition_id: ed.edition_id,
        title: "National mechanisms ten years on (synthetic)".into(),
        description: None,
        deadline: "2099-03-01".into(),
        guest_editor_id: None,
        anonymity: "double".into(),
    };
    let call = open_call(s, editor, &call).await.unwrap();
    let author = Author {
        name: "Synthetic Author".into(),
        email: "author@example.org".into(),
        due_on: "2099-02-01".into(),
        ..Default::default()
    };
    let invited = invite_author(s, &mailer, "https://nmp.example.org", editor, call.call_id, &author)
        .await
        .unwrap();
    let token = invited.link.rsplit('/').next().unwrap().to_string();
    let accepted = answer_invitation(s, &token, invited.essay.version, true, None)
        .await
        .unwrap();
    let manuscript = Manuscript {
        title: "Prevention begins at home (synthetic)".into(),
        abstract_text: "A synthetic abstract.".into(),
        keywords: "prevention".into(),
        authors: vec![AuthorLine {
            name: "Synthetic Author".into(),
            affiliation: None,
            orcid: None,
        }],
        competing_interests: "None declared.".into(),
        licence_consent: true,
        body: "The committee [@mechanism:arg-national-mechanism] met often.\n".into(),
        source_format: "markdown".into(),
    };
    submit(s, &token, accepted.version, &manuscript).await.unwrap().essay_id
}

#[tokio::test]
async fn the_staff_edition_page_lists_the_essays_relying_on_an_erratum_s_record() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let editor_row = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let essay_id = essay_citing_a_mechanism(s, &editor_row, dir.path()).await;
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
