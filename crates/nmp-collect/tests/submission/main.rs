//! Attached documents, a respondent reporting a mechanism the platform does not hold, and a
//! submission written in one transaction, on SQLite and (when configured) PostgreSQL, on the
//! seeded starter dataset. Respondents, answers, files and accounts are synthetic test data.

use nmp_collect::attach::{MAX_FILE_BYTES, MAX_FILES, Upload};
use nmp_collect::invite::{Invitee, invite, return_with_issues};
use nmp_collect::respond::{Answers, Save, open, save, save_with};
use nmp_collect::{CollectError, questionnaire};
use nmp_core::vocab::{AccountRole, ReviewState};
use nmp_mail::{MailSettings, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, invitation, membership, organization, proposal, source};
use nmp_store::testing::engines;
use serde_json::json;

struct World {
    editor: account::Model,
    questionnaire: i32,
    mailer: Mailer,
    _dir: tempfile::TempDir,
}

async fn world(s: &Store) -> World {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mailer = Mailer::new(MailSettings {
        from: "NMP <nmp@example.org>".into(),
        smtp: None,
        outbox: dir.path().join("outbox"),
    })
    .unwrap();
    let editor = s
        .create_account(
            "system:test",
            "editor@example.org",
            "Synthetic Editor",
            AccountRole::Editor,
        )
        .await
        .unwrap();
    let q = questionnaire::create_default(s, "editor@example.org", "2017")
        .await
        .unwrap();
    World {
        editor,
        questionnaire: q.questionnaire_id,
        mailer,
        _dir: dir,
    }
}

/// Invites a synthetic respondent about `mechanism` (or a country's mechanism not yet held) and
/// returns the link's token.
async fn invite_about(s: &Store, w: &World, email: &str, country: &str, mechanism: Option<i32>) -> String {
    let who = Invitee {
        name: format!("Synthetic Respondent {email}"),
        email: email.into(),
        organization_id: None,
        country_iso3: Some(country.into()),
        mechanism_id: mechanism,
        due_on: "2099-01-31".into(),
        ..Default::default()
    };
    let invited = invite(s, &w.mailer, "http://nmp.test", &w.editor, w.questionnaire, &who)
        .await
        .unwrap();
    invited.link.rsplit('/').next().unwrap().to_string()
}

fn file(name: &str, bytes: &[u8]) -> Upload {
    Upload {
        question_key: "documents".into(),
        file_name: name.into(),
        bytes: bytes.to_vec(),
        truncated: false,
    }
}

/// A small PDF-looking file holding every byte value, so a round trip that altered any byte fails.
fn synthetic_pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% Synthetic test document (NMP test data)\n".to_vec();
    bytes.extend(0..=255u8);
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

mod atomic;
mod attachments;
mod new_mechanism;
mod new_organisation;
