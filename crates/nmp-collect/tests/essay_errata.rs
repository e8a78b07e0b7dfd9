//! An erratum lists the essays that rely on the record it corrects (issue 20): an essay is
//! submitted through the workflow citing a starter mechanism and source, and an erratum whose
//! location names them as essays cite them (`[@mechanism:…]`) finds it; a location naming no
//! key, or another record, finds none. Both engines. The people, the edition "Test essays
//! edition" and the essay are synthetic test data.

use nmp_collect::essays::{
    Author, AuthorLine, Manuscript, NewCall, answer_invitation, invite_author, open_call, submit,
};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::testing::engines;

const BODY: &str = "The committee [@mechanism:arg-national-mechanism] met often. See [@aipr-booklet-launch, p. 4].\n";

/// Submits a synthetic essay citing `BODY`'s mechanism and source; its id.
async fn essay_citing(s: &Store, dir: &std::path::Path) -> i32 {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let settings = MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
    };
    let mailer = Mailer::new(settings).unwrap();
    let (editor, ed) = nmp_store::testing::essays_fixture(s, "test-essays", "Test essays edition (synthetic)").await;
    let call = NewCall {
        edition_id: ed.edition_id,
        title: "National mechanisms ten years on (synthetic)".into(),
        description: None,
        deadline: "2099-03-01".into(),
        guest_editor_id: None,
        anonymity: "double".into(),
    };
    let call = open_call(s, &editor, &call).await.unwrap();
    let author = Author {
        name: "Synthetic Author".into(),
        email: "author@example.org".into(),
        due_on: "2099-02-01".into(),
        ..Default::default()
    };
    let invited = invite_author(s, &mailer, "https://nmp.example.org", &editor, call.call_id, &author)
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
        body: BODY.into(),
        source_format: "markdown".into(),
    };
    submit(s, &token, accepted.version, &manuscript).await.unwrap().essay_id
}

#[tokio::test]
async fn an_erratum_naming_a_cited_record_lists_the_essays_relying_on_it() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        let dir = tempfile::tempdir().unwrap();
        let essay_id = essay_citing(s, dir.path()).await;

        let found = s
            .essays_relying_on("Profile of [@mechanism:arg-national-mechanism]")
            .await
            .unwrap();
        assert_eq!(found.len(), 1, "{engine}: {found:?}");
        assert_eq!(found[0].essay_id, essay_id, "{engine}");
        assert_eq!(found[0].title, "Prevention begins at home (synthetic)", "{engine}");
        assert_eq!(found[0].author_name, "Synthetic Author", "{engine}");
        assert_eq!(found[0].stage, "submitted", "{engine}");

        // The source too; both keys at once list the essay once.
        let both = "[@aipr-booklet-launch, p. 4; @mechanism:arg-national-mechanism]";
        assert_eq!(
            s.essays_relying_on("Table 1 of [@aipr-booklet-launch]").await.unwrap(),
            found,
            "{engine}"
        );
        assert_eq!(s.essays_relying_on(both).await.unwrap(), found, "{engine}");

        // No key, or a record no essay cites: none.
        assert!(
            s.essays_relying_on("Argentina profile, p. 3").await.unwrap().is_empty(),
            "{engine}"
        );
        let other = s.essays_relying_on("[@mechanism:no-such-mechanism]").await.unwrap();
        assert!(other.is_empty(), "{engine}: {other:?}");
        db.finish().await;
    }
}
