//! An essay taken through the workflow's first steps for the web tests: a synthetic edition, a
//! call, an invited author who accepts and submits a manuscript. Everything is synthetic test
//! data and says so.

use nmp_collect::essays::{
    Author, AuthorLine, Manuscript, NewCall, answer_invitation, invite_author, open_call, submit,
};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::account;

/// A mailer writing to an outbox under `dir`.
pub fn mailer(dir: &std::path::Path) -> Mailer {
    Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.join("outbox"),
    })
    .unwrap()
}

/// A synthetic manuscript with the text `body`.
pub fn manuscript(body: &str) -> Manuscript {
    Manuscript {
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
        body: body.into(),
        source_format: "markdown".into(),
    }
}

/// An essay invited to a call in a new synthetic edition `slug`, accepted by its author, with the
/// author's personal link's token and the essay's row version, ready for [`submit`].
pub async fn invited_essay(s: &Store, editor: &account::Model, mailer: &Mailer, slug: &str) -> (String, i32) {
    let ed = nmp_store::testing::synthetic_edition(s, slug, "Test essays edition (synthetic)").await;
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
    let invited = invite_author(s, mailer, "https://nmp.example.org", editor, call.call_id, &author)
        .await
        .unwrap();
    let token = invited.link.rsplit('/').next().unwrap().to_string();
    let accepted = answer_invitation(s, &token, invited.essay.version, true, None)
        .await
        .unwrap();
    (token, accepted.version)
}

/// An essay submitted with the text `body` in a new synthetic edition `slug`: its id and the
/// author's token.
pub async fn submitted_essay(
    s: &Store,
    editor: &account::Model,
    dir: &std::path::Path,
    slug: &str,
    body: &str,
) -> (i32, String) {
    let mailer = mailer(dir);
    let (token, version) = invited_essay(s, editor, &mailer, slug).await;
    let essay_id = submit(s, &token, version, &manuscript(body)).await.unwrap().essay_id;
    (essay_id, token)
}
