//! After acceptance: the copyeditor's changes (a new version of kind `copyedit`, whose diff the
//! author sees with the proofs), sending the essay to proofs (it goes into its edition as an
//! `edition_part` of kind `essay`, so that the draft report prints its real pages), and the
//! author's answer to the proofs (approved: ready for publication; changes asked: back to the
//! copyeditor).

use nmp_core::vocab::{EssayStage, EssayVersionKind, PartKind};
use nmp_i18n::t_args;
use nmp_mail::{Mail, Mailer};
use nmp_store::entity::{account, edition_part, essay, essay_version, mail};
use nmp_store::{Set, Store};

use super::submit::{Manuscript, authors_of, check_manuscript, write_version};
use super::{author_link_hint, edition_of, essay_file, lang_of, open_author_link, require_stage};
use crate::invite::deliver;
use crate::{CollectError, invalid, now};

/// The copyeditor saves an edited text (and, if need be, title and abstract) as a new version.
/// `based_on` is the version the copyeditor edited: if another version was written since,
/// nothing is saved and the message says so.
pub async fn copyedit(
    store: &Store,
    editor: &account::Model,
    essay_id: i32,
    based_on: i32,
    title: &str,
    abstract_text: &str,
    body: &str,
) -> Result<essay_version::Model, CollectError> {
    let file = essay_file(store, essay_id).await?;
    require_stage(
        &file.essay,
        &[EssayStage::Accepted, EssayStage::Copyediting],
        "copyedit it",
    )?;
    let latest = file.latest().expect("an accepted essay has a version").clone();
    if latest.version_id != based_on {
        return Err(invalid(
            "version",
            format!(
                "version {} was written since you opened the text: open it again and redo your changes on it",
                latest.number
            ),
        ));
    }
    let m = Manuscript {
        title: title.to_string(),
        abstract_text: abstract_text.to_string(),
        keywords: latest.keywords.clone(),
        authors: authors_of(&latest),
        competing_interests: latest.competing_interests.clone(),
        licence_consent: true,
        body: body.to_string(),
        source_format: "markdown".to_string(),
    };
    if m.body.replace("\r\n", "\n") == latest.body
        && m.title.trim() == latest.title
        && m.abstract_text.trim() == latest.abstract_text
    {
        return Err(invalid("body", "nothing changed: there is no new version to save"));
    }
    let ed = edition_of(store, &file.call).await?;
    let mut checked = check_manuscript(store, &m, ed.licence.as_deref()).await?;
    checked.licence = latest.licence.clone();
    let mut w = store.writer(&editor.email).await?;
    let version = write_version(
        &mut w,
        &file.essay,
        latest.number + 1,
        EssayVersionKind::Copyedit,
        &m,
        &checked,
        &editor.email,
    )
    .await?;
    if file.essay.stage != EssayStage::Copyediting.code() {
        w.update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.stage = Set(EssayStage::Copyediting.code().to_string());
        })
        .await?;
    }
    w.commit().await?;
    Ok(version)
}

/// A part key for an essay in its edition: the title's words as a slug, or `essay-N` when the
/// title gives none or the slug is taken.
fn part_key(title: &str, essay_id: i32, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() || taken.contains(&slug) {
        format!("essay-{essay_id}")
    } else {
        slug
    }
}

/// The byline printed under an essay's title: each author with their affiliation.
pub fn byline(version: &essay_version::Model) -> String {
    authors_of(version)
        .iter()
        .map(|a| match &a.affiliation {
            Some(aff) => format!("{} ({aff})", a.name),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sends the essay to proofs: its latest version goes into the edition (a new part of kind
/// `essay` after the others, or the same part updated), and the author is mailed their link.
pub async fn send_to_proofs(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    editor: &account::Model,
    essay_id: i32,
) -> Result<(essay::Model, mail::Model), CollectError> {
    let file = essay_file(store, essay_id).await?;
    require_stage(
        &file.essay,
        &[EssayStage::Accepted, EssayStage::Copyediting],
        "send it to proofs",
    )?;
    let latest = file.latest().expect("an accepted essay has a version").clone();
    let ed = edition_of(store, &file.call).await?;
    let parts = store.edition_parts_of(ed.edition_id).await?;
    let mut w = store.writer(&editor.email).await?;
    let byline = byline(&latest);
    let part = match file
        .essay
        .edition_part_id
        .and_then(|id| parts.iter().find(|p| p.edition_part_id == id))
    {
        Some(p) => {
            w.update::<edition_part::Entity>(p.edition_part_id, p.version, |row| {
                row.title = Set(latest.title.clone());
                row.summary = Set(Some(latest.abstract_text.clone()));
                row.body = Set(Some(latest.body.clone()));
                row.author = Set(Some(byline.clone()));
            })
            .await?
        }
        None => {
            let taken: Vec<String> = parts.iter().map(|p| p.part_key.clone()).collect();
            let position = parts.iter().map(|p| p.position).max().unwrap_or(0) + 1;
            w.insert(edition_part::ActiveModel {
                edition_id: Set(ed.edition_id),
                part_key: Set(part_key(&latest.title, essay_id, &taken)),
                position: Set(position),
                title: Set(latest.title.clone()),
                page: Set(None),
                summary: Set(Some(latest.abstract_text.clone())),
                owner_organization_id: Set(None),
                body: Set(Some(latest.body.clone())),
                kind: Set(PartKind::Essay.code().to_string()),
                author: Set(Some(byline.clone())),
                ..Default::default()
            })
            .await?
        }
    };
    let essay = w
        .update::<essay::Entity>(essay_id, file.essay.version, |row| {
            row.stage = Set(EssayStage::Proofs.code().to_string());
            row.edition_part_id = Set(Some(part.edition_part_id));
            row.proofs_approved_at = Set(None);
            // The proofs are due a set time from now; the reminders start again.
            row.due_on = Set(super::due_after(super::PROOFS_DAYS));
            row.reminders_sent = Set(0);
            row.last_reminder_at = Set(None);
        })
        .await?;
    w.commit().await?;
    let lang = lang_of(&essay);
    let sent = deliver(
        store,
        mailer,
        None,
        "essay-proofs",
        Mail {
            to: essay.author_email.clone(),
            subject: t_args(lang, "essay-mail-proofs-subject", &[("title", &latest.title)]),
            body: t_args(
                lang,
                "essay-mail-proofs-body",
                &[
                    ("name", &essay.author_name),
                    ("title", &latest.title),
                    ("hint", &author_link_hint(base_url)),
                    ("editor", &editor.name),
                ],
            ) + "\n",
        },
    )
    .await?;
    Ok((essay, sent))
}

/// The author approves the proofs (`approve`), or asks for changes with a note; the essay row
/// must still be at `expected_version`.
pub async fn answer_proofs(
    store: &Store,
    token: &str,
    expected_version: i32,
    approve: bool,
    note: &str,
) -> Result<essay::Model, CollectError> {
    let file = open_author_link(store, token).await?;
    require_stage(&file.essay, &[EssayStage::Proofs], "answer the proofs")?;
    if !approve && note.trim().is_empty() {
        return Err(invalid("proofs_note", "say what should change in the proofs"));
    }
    let note = note.trim().to_string();
    let mut w = store.writer(&format!("author:{}", file.essay.author_email)).await?;
    let row = w
        .update::<essay::Entity>(file.essay.essay_id, expected_version, |row| {
            if approve {
                row.stage = Set(EssayStage::Ready.code().to_string());
                row.proofs_approved_at = Set(Some(now()));
            } else {
                row.stage = Set(EssayStage::Copyediting.code().to_string());
            }
            row.proofs_note = Set((!note.is_empty()).then_some(note.clone()));
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::part_key;

    #[test]
    fn part_keys_are_slugs_of_the_title_unless_taken() {
        assert_eq!(
            part_key("Prévention: une approche nationale", 7, &[]),
            "prevention-une-approche-nationale"
        );
        assert_eq!(part_key("Prévention", 7, &["prevention".to_string()]), "essay-7");
        assert_eq!(part_key("¿?", 3, &[]), "essay-3");
        assert!(part_key(&"word ".repeat(40), 1, &[]).len() <= 61);
    }
}
