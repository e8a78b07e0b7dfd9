//! Invitations: a respondent (person, organisation, country, the mechanism their answers are
//! about, email, due date, language) gets a personal link; the token is random, stored only as its SHA-256,
//! expires, and can be revoked. Invitations and reminders are mailed, in the invitation's
//! language, (or filed in the outbox) and
//! every message is recorded in `mail`. Reminders (which are due, and sending them) are in
//! `reminders.rs`.

use nmp_core::vocab::{InvitationState, MailStatus};
use nmp_i18n::{Lang, t_args};
use nmp_mail::{Delivery, Mail, Mailer};
use nmp_store::auth::{random_token, token_hash};
use nmp_store::entity::{account, invitation, mail, organization, questionnaire};
use nmp_store::{Set, Store};
use time::{Date, Duration};

use crate::{CollectError, invalid, now};

mod reminders;

pub use reminders::{REMIND_BEFORE_DAYS, REMIND_OVERDUE_EVERY, Reminder, remind, reminder_due};

/// How long a link works after its due date.
pub const GRACE_AFTER_DUE: Duration = Duration::days(60);

/// Who is invited, about what, by when.
#[derive(Clone, Debug, Default)]
pub struct Invitee {
    /// The person's name.
    pub name: String,
    /// Their email.
    pub email: String,
    /// The organisation they answer for.
    pub organization_id: Option<i32>,
    /// The country their answers are about.
    pub country_iso3: Option<String>,
    /// The mechanism their answers are about (pre-fills the questionnaire).
    pub mechanism_id: Option<i32>,
    /// Due date, `YYYY-MM-DD`.
    pub due_on: String,
    /// The language of the form and the mails.
    pub language: Lang,
}

/// A new invitation, with the personal link (shown once) and what happened to the mail.
#[derive(Debug)]
pub struct Invited {
    /// The row.
    pub invitation: invitation::Model,
    /// The respondent's link.
    pub link: String,
    /// The invitation mail.
    pub mail: mail::Model,
}

fn parse_day(field: &str, text: &str) -> Result<Date, CollectError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format).map_err(|_| invalid(field, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

pub(crate) fn is_email(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 254
        && t.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !t.contains(char::is_whitespace))
}

/// The link a respondent opens.
pub fn link(base_url: &str, token: &str) -> String {
    format!("{}/respond/{token}", base_url.trim_end_matches('/'))
}

/// Invites `who` to answer `questionnaire_id` on behalf of `editor`, and mails the link.
pub async fn invite(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    editor: &account::Model,
    questionnaire_id: i32,
    who: &Invitee,
) -> Result<Invited, CollectError> {
    let mut errors = Vec::new();
    if who.name.trim().is_empty() {
        errors.push(nmp_core::ValidationError::new("respondent_name", "is required"));
    }
    if !is_email(&who.email) {
        errors.push(nmp_core::ValidationError::new(
            "respondent_email",
            format!("{:?} is not an email address", who.email),
        ));
    }
    let due = match parse_day("due_on", &who.due_on) {
        Ok(d) => Some(d),
        Err(CollectError::Invalid(mut e)) => {
            errors.append(&mut e);
            None
        }
        Err(e) => return Err(e),
    };
    let Some(q) = store.get::<questionnaire::Entity>(questionnaire_id).await? else {
        return Err(invalid(
            "questionnaire",
            format!("questionnaire {questionnaire_id} does not exist"),
        ));
    };
    if q.status != "open" {
        errors.push(nmp_core::ValidationError::new(
            "questionnaire",
            format!("{} is {}, not open for answers", q.slug, q.status),
        ));
    }
    let mut refs = nmp_store::records::Fields::new();
    if let Some(o) = who.organization_id {
        refs.insert("organization_id".into(), o.into());
    }
    if let Some(c) = &who.country_iso3 {
        refs.insert("country_iso3".into(), c.clone().into());
    }
    if let Some(m) = who.mechanism_id {
        refs.insert("mechanism_id".into(), m.into());
    }
    for (field, target) in [
        ("organization_id", "organization"),
        ("country_iso3", "country"),
        ("mechanism_id", "mechanism"),
    ] {
        if let Some(v) = refs.get(field)
            && !nmp_store::records::schema::exists(store, target, v).await?
        {
            errors.push(nmp_core::ValidationError::new(
                field,
                format!("no {target} has the key {v}"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(CollectError::Invalid(errors));
    }
    let due = due.expect("checked above");
    let token = random_token();
    let expires = due.midnight().assume_utc() + GRACE_AFTER_DUE;
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .insert(invitation::ActiveModel {
            questionnaire_id: Set(questionnaire_id),
            respondent_name: Set(who.name.trim().to_string()),
            respondent_email: Set(who.email.trim().to_string()),
            organization_id: Set(who.organization_id),
            country_iso3: Set(who.country_iso3.clone()),
            mechanism_id: Set(who.mechanism_id),
            token_hash: Set(token_hash(&token)),
            expires_at: Set(expires),
            revoked_at: Set(None),
            due_on: Set(who.due_on.trim().to_string()),
            state: Set(InvitationState::Invited.code().to_string()),
            answers_json: Set(None),
            submitted_at: Set(None),
            review_comment: Set(None),
            source_id: Set(None),
            last_reminder_at: Set(None),
            reminders_sent: Set(0),
            invited_by: Set(editor.account_id),
            language: Set(who.language.code().to_string()),
            ..Default::default()
        })
        .await?;
    w.commit().await?;
    let link = link(base_url, &token);
    let lang = who.language;
    let body = t_args(
        lang,
        "mail-invitation-body",
        &[
            ("name", &row.respondent_name),
            ("title", &q.title),
            ("due", &due_in(lang, &row.due_on)),
            ("expires", &due_in(lang, &expires.date().to_string())),
            ("link", &link),
            ("editor", &editor.name),
        ],
    ) + "\n";
    let sent = deliver(
        store,
        mailer,
        Some(row.invitation_id),
        "invitation",
        Mail {
            to: row.respondent_email.clone(),
            subject: t_args(lang, "mail-invitation-subject", &[("title", &q.title)]),
            body,
        },
    )
    .await?;
    Ok(Invited {
        invitation: row,
        link,
        mail: sent,
    })
}

/// A due date (`YYYY-MM-DD`) written in full in `lang` ("29 décembre 2018"), or as stored when
/// it is not a date.
pub fn due_in(lang: Lang, due_on: &str) -> String {
    nmp_core::PartialDate::parse("due_on", due_on)
        .map(|d| nmp_i18n::dates::format(lang, &d))
        .unwrap_or_else(|_| due_on.to_string())
}

/// Sends `mail` and records what happened in the `mail` table (a failure is recorded too, and
/// returned as the row with status `failed`).
pub async fn deliver(
    store: &Store,
    mailer: &Mailer,
    invitation_id: Option<i32>,
    kind: &str,
    message: Mail,
) -> Result<mail::Model, CollectError> {
    let (status, detail) = match mailer.send(&message).await {
        Ok(Delivery::Sent(reply)) => (MailStatus::Sent, reply),
        Ok(Delivery::Outbox(path)) => (MailStatus::Outbox, path.display().to_string()),
        Err(e) => (MailStatus::Failed, e.to_string()),
    };
    let row = mail::ActiveModel {
        invitation_id: Set(invitation_id),
        kind: Set(kind.to_string()),
        to_address: Set(message.to.clone()),
        subject: Set(message.subject.clone()),
        body: Set(message.body.clone()),
        status: Set(status.code().to_string()),
        detail: Set(Some(detail)),
        created_at: Set(now()),
        ..Default::default()
    };
    let mut w = store.writer("system:mail").await?;
    let summary =
        serde_json::json!({ "kind": kind, "to": message.to, "status": status.code(), "invitation": invitation_id });
    w.insert_many(vec![row], &format!("mail:{kind}"), summary).await?;
    w.commit().await?;
    let latest = store.latest_mail().await?.expect("the row just written");
    Ok(latest)
}

/// Revokes an invitation's link.
pub async fn revoke(
    store: &Store,
    editor: &account::Model,
    invitation_id: i32,
) -> Result<invitation::Model, CollectError> {
    let Some(inv) = store.get::<invitation::Entity>(invitation_id).await? else {
        return Err(invalid(
            "invitation",
            format!("invitation {invitation_id} does not exist"),
        ));
    };
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .update::<invitation::Entity>(invitation_id, inv.version, |row| {
            row.revoked_at = Set(Some(now()));
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Returns a submitted response to the respondent with the editor's comment: the link opens the
/// questionnaire again, with the comment shown.
pub async fn return_with_issues(
    store: &Store,
    editor: &account::Model,
    invitation_id: i32,
    comment: &str,
) -> Result<invitation::Model, CollectError> {
    let Some(inv) = store.get::<invitation::Entity>(invitation_id).await? else {
        return Err(invalid(
            "invitation",
            format!("invitation {invitation_id} does not exist"),
        ));
    };
    if comment.trim().is_empty() {
        return Err(invalid("comment", "say what the respondent should look at again"));
    }
    if inv.state != InvitationState::Submitted.code() {
        return Err(invalid(
            "state",
            format!("the response is {}, not submitted", inv.state),
        ));
    }
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .update::<invitation::Entity>(invitation_id, inv.version, |row| {
            row.state = Set(InvitationState::HasIssues.code().to_string());
            row.review_comment = Set(Some(comment.trim().to_string()));
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// Marks a submitted response as reviewed (its proposals are decided one by one in the queue).
pub async fn mark_reviewed(
    store: &Store,
    editor: &account::Model,
    invitation_id: i32,
) -> Result<invitation::Model, CollectError> {
    let Some(inv) = store.get::<invitation::Entity>(invitation_id).await? else {
        return Err(invalid(
            "invitation",
            format!("invitation {invitation_id} does not exist"),
        ));
    };
    if inv.state != InvitationState::Submitted.code() {
        return Err(invalid(
            "state",
            format!("the response is {}, not submitted", inv.state),
        ));
    }
    let mut w = store.writer(&editor.email).await?;
    let row = w
        .update::<invitation::Entity>(invitation_id, inv.version, |row| {
            row.state = Set(InvitationState::Reviewed.code().to_string());
        })
        .await?;
    w.commit().await?;
    Ok(row)
}

/// The organisation's name, for display.
pub async fn organization_name(store: &Store, id: Option<i32>) -> Result<Option<String>, CollectError> {
    Ok(match id {
        Some(id) => store.get::<organization::Entity>(id).await?.map(|o| o.name),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shape() {
        assert!(is_email("a@example.org"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@example.org"));
    }
}
