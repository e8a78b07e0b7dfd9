//! The respondent's side: opening the personal link, the questionnaire pre-filled with what the
//! platform holds, saving drafts, and submitting. A submission creates a `source` for the response
//! (kind `questionnaire_response`) and proposes, field by field, every answer that differs from the
//! record, each citing that source; rows of repeating groups become proposed new records. Answers
//! without a target field stay in the response. When the invitation names no mechanism (a country
//! whose mechanism the platform does not yet hold), the answers about the mechanism become one
//! proposal creating it, and each row of members, functions and activities a proposal under it,
//! approvable once the mechanism is. Documents attached to `file` questions are checked and stored
//! with the draft ([`crate::attach`]). A submission writes the source, the invitation's new state,
//! its files and every proposal in ONE transaction: if anything fails, nothing is written.
//! Resubmitting (after an editor returned the response with issues) replaces the pending
//! proposals of the earlier submission.
//!
//! This module opens the link, reads a submitted form's answers ([`answers_from_form`]) and saves;
//! `validate` checks the answers ([`validate()`], over the pure [`check_answers`]), and `submit` plans
//! and writes what a submission proposes.

use std::collections::BTreeMap;

use nmp_core::vocab::InvitationState;
use nmp_i18n::Lang;
use nmp_store::auth::token_hash;
use nmp_store::entity::{attachment, country, invitation, mechanism, profile, question, questionnaire};
use nmp_store::records::{schema, value_text};
use nmp_store::{Set, Store};
use serde_json::Value;

use crate::attach::{self, Upload};
use crate::{CollectError, LinkProblem, invalid, now};

mod submit;
mod validate;

use submit::{changes, submit_answers};
use validate::add_error;
pub use validate::{AnswerErrors, Choices, check_answers, dates_as_iso, is_date, validate};

/// The answers: question key → text, a list of codes (several choices), or rows of a group
/// (`[{"role": "member", ...}]`, keyed by the part of the child's key after the dot).
pub type Answers = serde_json::Map<String, Value>;

/// An opened questionnaire.
#[derive(Clone, Debug)]
pub struct Opened {
    /// The invitation (and response).
    pub invitation: invitation::Model,
    /// The questionnaire.
    pub questionnaire: questionnaire::Model,
    /// Its questions, in order.
    pub questions: Vec<question::Model>,
    /// The answers so far, or what the platform holds.
    pub answers: Answers,
    /// Whether the respondent may still change them.
    pub editable: bool,
    /// The mechanism the answers are about: the invitation's, or the one its response reported
    /// once an editor approved creating it.
    pub mechanism_id: Option<i32>,
    /// Its name.
    pub mechanism_name: Option<String>,
    /// The country the answers are about, by name.
    pub country_name: Option<String>,
    /// The documents attached so far.
    pub attachments: Vec<attach::Info>,
}

impl Opened {
    /// Whether the answers describe a mechanism the platform does not hold yet (the invitation
    /// names none, and no proposal of this response creating it was approved): submitting
    /// proposes creating it.
    pub fn new_mechanism(&self) -> bool {
        self.mechanism_id.is_none()
    }
}

/// The mechanism an invitation's answers are about: the one it names or, for a mechanism the
/// respondent reported, the one an editor created by approving the response's proposal (so that a
/// response returned with issues and submitted again changes it rather than proposing it twice).
pub async fn mechanism_of(store: &Store, inv: &invitation::Model) -> Result<Option<i32>, CollectError> {
    if inv.mechanism_id.is_some() {
        return Ok(inv.mechanism_id);
    }
    let created = store.approved_creation(inv.invitation_id, "mechanism").await?;
    Ok(created.and_then(|p| p.entity_id).and_then(|k| k.parse().ok()))
}

impl Opened {
    /// The language of the form and its messages: the invitation's (which the respondent may
    /// change with [`set_language`]).
    pub fn language(&self) -> Lang {
        Lang::from_code(&self.invitation.language).unwrap_or_default()
    }
}

/// Records the language the respondent behind `token` chose for the form (and the mails that
/// follow), submitted or not.
pub async fn set_language(store: &Store, token: &str, lang: Lang) -> Result<Opened, CollectError> {
    let opened = open(store, token).await?;
    if opened.language() == lang {
        return Ok(opened);
    }
    let inv = &opened.invitation;
    let mut w = store.writer(&format!("respondent:{}", inv.respondent_email)).await?;
    w.update::<invitation::Entity>(inv.invitation_id, inv.version, |row| {
        row.language = Set(lang.code().to_string());
    })
    .await?;
    w.commit().await?;
    open(store, token).await
}

/// Opens the questionnaire behind a personal link.
pub async fn open(store: &Store, token: &str) -> Result<Opened, CollectError> {
    let inv = store
        .invitation_by_token_hash(&token_hash(token.trim()))
        .await?
        .ok_or(CollectError::Link(LinkProblem::Unknown))?;
    if inv.revoked_at.is_some() {
        return Err(CollectError::Link(LinkProblem::Revoked));
    }
    if inv.expires_at <= now() {
        return Err(CollectError::Link(LinkProblem::Expired));
    }
    opened(store, inv).await
}

/// The questionnaire of an invitation, with its answers (for the workspace's response page too).
pub async fn opened(store: &Store, inv: invitation::Model) -> Result<Opened, CollectError> {
    let q = store
        .get::<questionnaire::Entity>(inv.questionnaire_id)
        .await?
        .ok_or_else(|| invalid("questionnaire", "the invitation's questionnaire no longer exists"))?;
    let questions = crate::questionnaire::questions(store, q.questionnaire_id).await?;
    let mechanism_id = mechanism_of(store, &inv).await?;
    let answers = match &inv.answers_json {
        Some(text) => serde_json::from_str(text).unwrap_or_default(),
        None => prefill(store, mechanism_id, &q, &questions).await?,
    };
    let mechanism_name = match mechanism_id {
        Some(id) => store.get::<mechanism::Entity>(id).await?.map(|m| m.name),
        None => None,
    };
    let country_name = match &inv.country_iso3 {
        Some(iso3) => store.get::<country::Entity>(iso3.clone()).await?.map(|c| c.name),
        None => None,
    };
    let attachments = attach::list(store, inv.invitation_id).await?;
    let editable = matches!(inv.state.as_str(), "invited" | "draft" | "has_issues");
    Ok(Opened {
        invitation: inv,
        questionnaire: q,
        questions,
        answers,
        editable,
        mechanism_id,
        mechanism_name,
        country_name,
        attachments,
    })
}

pub(super) async fn profile_of(
    store: &Store,
    q: &questionnaire::Model,
    mechanism_id: i32,
) -> Result<Option<profile::Model>, CollectError> {
    Ok(store.profile_of(q.edition_id, mechanism_id).await?)
}

/// What the platform holds for the questions' target fields.
async fn prefill(
    store: &Store,
    mechanism_id: Option<i32>,
    q: &questionnaire::Model,
    questions: &[question::Model],
) -> Result<Answers, CollectError> {
    let mut answers = Answers::new();
    let Some(mid) = mechanism_id else {
        return Ok(answers);
    };
    let mechanism = store.record("mechanism", mid).await?;
    let profile = match profile_of(store, q, mid).await? {
        Some(p) => store.record("profile", p.profile_id).await?,
        None => None,
    };
    for question in questions.iter().filter(|x| x.group_key.is_none()) {
        let record = match question.target_table.as_deref() {
            Some("mechanism") => mechanism.as_ref(),
            Some("profile") => profile.as_ref(),
            _ => None,
        };
        if let (Some(r), Some(field)) = (record, &question.target_field) {
            let text = r.text(field);
            if !text.is_empty() {
                answers.insert(question.question_key.clone(), Value::String(text));
            }
        }
    }
    Ok(answers)
}

/// The choices a question offers: `(code or key, label)`.
pub async fn choices(store: &Store, q: &question::Model) -> Result<Vec<(String, String)>, CollectError> {
    if q.kind == "yes_no" {
        return Ok(vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())]);
    }
    if let (Some(table), Some(field)) = (&q.target_table, &q.target_field) {
        let spec = schema::fields(table)?.iter().find(|f| &f.name == field).cloned();
        if let Some(spec) = spec {
            if let Some(target) = &spec.target {
                return Ok(schema::choices(store, target).await?);
            }
            let options = spec.options();
            if !options.is_empty() {
                return Ok(options
                    .into_iter()
                    .map(|(c, l)| (c.to_string(), l.to_string()))
                    .collect());
            }
        }
    }
    if let Some(v) = &q.vocabulary {
        return Ok(nmp_core::vocab::options(v)
            .unwrap_or_default()
            .into_iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect());
    }
    Ok(Vec::new())
}

/// The part of a child question's key after its group's (`members.role` → `role`).
pub fn child_name(q: &question::Model) -> String {
    q.question_key
        .rsplit_once('.')
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| q.question_key.clone())
}

/// Rows a repeating group may have in a form: `g.GROUP.I.FIELD` with a larger I is ignored.
pub const MAX_GROUP_ROWS: usize = 500;

/// The field of a group row whose presence removes the row when the form is saved
/// (`g.GROUP.I._remove`, a checkbox beside a filled row).
pub const REMOVE_ROW: &str = "_remove";

/// The choice of a row's institution meaning "not in the list": the row then names it in the
/// field [`other_key`], and submitting proposes it as a new organisation.
pub const OTHER: &str = "other";

/// Whether a group's child question chooses an institution (its target field points to
/// `organization`), so that its row may name one not in the list instead.
pub fn offers_other(q: &question::Model) -> bool {
    let (Some(table), Some(field)) = (&q.target_table, &q.target_field) else {
        return false;
    };
    q.group_key.is_some()
        && schema::fields(table)
            .ok()
            .and_then(|fields| fields.iter().find(|f| &f.name == field).cloned())
            .is_some_and(|f| f.target.as_deref() == Some("organization"))
}

/// The row field naming an institution not in the list, beside the child question `q` that
/// chooses one (`organization_id` → `organization_id_other`).
pub fn other_key(q: &question::Model) -> String {
    format!("{}_other", child_name(q))
}

/// The institution a group row names as not in the list, for the child question `q`: the name
/// typed, when the row chose "Other" or left the list blank.
pub fn other_named(q: &question::Model, row: &Value) -> Option<String> {
    let chosen = row.get(child_name(q)).map(value_text).unwrap_or_default();
    let name = row.get(other_key(q)).map(value_text).unwrap_or_default();
    let name = name.trim();
    let chosen = chosen.trim();
    (!name.is_empty() && (chosen.is_empty() || chosen == OTHER)).then(|| name.to_string())
}

/// The answers in a submitted form (its fields in order): `q.KEY` (repeated for the several codes
/// of a `multiple_choice` question) and `g.GROUP.I.FIELD` for row I of a repeating group (rows
/// left blank are dropped, and so are rows ticked for removal ([`REMOVE_ROW`]); the others are
/// kept in order of I). Other fields are not answers.
pub fn answers_from_form(form: &[(String, String)], questions: &[question::Model]) -> Answers {
    let mut answers = Answers::new();
    let mut groups: BTreeMap<String, BTreeMap<usize, serde_json::Map<String, Value>>> = BTreeMap::new();
    for (k, v) in form {
        if let Some(key) = k.strip_prefix("q.") {
            let multiple = questions
                .iter()
                .any(|q| q.question_key == key && q.kind == "multiple_choice");
            if multiple {
                let list = answers
                    .entry(key.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list
                    && !v.is_empty()
                {
                    items.push(Value::String(v.clone()));
                }
            } else {
                answers.insert(key.to_string(), Value::String(v.clone()));
            }
        } else if let Some(rest) = k.strip_prefix("g.") {
            let mut parts = rest.splitn(3, '.');
            if let (Some(g), Some(i), Some(field)) = (parts.next(), parts.next(), parts.next())
                && let Ok(i) = i.parse::<usize>()
                && i < MAX_GROUP_ROWS
            {
                groups
                    .entry(g.to_string())
                    .or_default()
                    .entry(i)
                    .or_default()
                    .insert(field.to_string(), Value::String(v.clone()));
            }
        }
    }
    for (g, rows) in groups {
        let rows: Vec<Value> = rows
            .into_values()
            .filter(|r| !r.contains_key(REMOVE_ROW))
            .filter(|r| r.values().any(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())))
            .map(Value::Object)
            .collect();
        answers.insert(g, Value::Array(rows));
    }
    answers
}

/// What one save of the form carries.
#[derive(Clone, Debug, Default)]
pub struct Save {
    /// The answers typed.
    pub answers: Answers,
    /// Submit (rather than save a draft).
    pub submit: bool,
    /// Files to attach.
    pub uploads: Vec<Upload>,
    /// Attachments to remove (`attachment_id`s of this response).
    pub remove: Vec<i32>,
}

/// Saves the answers behind `token` as a draft or, with `submit`, submits them. Bad answers are
/// returned keyed by question (the draft is saved all the same, so nothing typed is lost; a
/// submission with errors stays a draft).
pub async fn save(
    store: &Store,
    token: &str,
    answers: Answers,
    submit: bool,
) -> Result<(Opened, AnswerErrors), CollectError> {
    save_with(
        store,
        token,
        Save {
            answers,
            submit,
            ..Save::default()
        },
    )
    .await
}

/// [`save`] with files: `request.uploads` are checked (a refused file is not stored, and its
/// message is keyed by its question), `request.remove` are removed, and both are written with the
/// draft, or with the submission in its one transaction.
pub async fn save_with(store: &Store, token: &str, request: Save) -> Result<(Opened, AnswerErrors), CollectError> {
    let Save {
        answers,
        submit,
        uploads,
        remove,
    } = request;
    let opened = open(store, token).await?;
    if !opened.editable {
        return Err(invalid(
            "state",
            "this response has been submitted and is with the research team",
        ));
    }
    let answers = dates_as_iso(&opened.questions, answers, opened.language());
    let mut errors = validate(store, &opened, &answers, submit).await?;

    // Files: removals must be this response's; each upload is checked, and what the response
    // holds is counted ([`attach::Budget`]).
    for id in &remove {
        if !opened.attachments.iter().any(|a| a.attachment_id == *id) {
            return Err(invalid(
                "remove",
                format!("attachment {id} is not part of this response"),
            ));
        }
    }
    let kept: Vec<&attach::Info> = opened
        .attachments
        .iter()
        .filter(|a| !remove.contains(&a.attachment_id))
        .collect();
    let file_questions: Vec<&question::Model> = opened
        .questions
        .iter()
        .filter(|q| q.kind == "file" && q.group_key.is_none())
        .collect();
    let mut budget = attach::Budget::of(&opened.attachments, &remove);
    let mut accepted: Vec<(Upload, attach::Checked)> = Vec::new();
    for up in uploads {
        if !file_questions.iter().any(|q| q.question_key == up.question_key) {
            return Err(invalid(&up.question_key, "this question does not take files"));
        }
        let taken = attach::check(&up).and_then(|checked| {
            budget.refuse_file(&up.file_name)?;
            budget.refuse_size(&up.file_name, up.bytes.len())?;
            Ok(checked)
        });
        match taken {
            Err(message) => add_error(&mut errors, &up.question_key, message),
            Ok(checked) => accepted.push((up, checked)),
        }
    }
    if submit {
        for q in file_questions.iter().filter(|q| q.required) {
            let has = kept.iter().any(|a| a.question_key == q.question_key)
                || accepted.iter().any(|(u, _)| u.question_key == q.question_key);
            if !has && !errors.contains_key(&q.question_key) {
                errors.insert(q.question_key.clone(), "please attach a file".into());
            }
        }
    }

    // What a submission would propose is worked out (and checked) before anything is written.
    let mut planned = Vec::new();
    if submit && errors.is_empty() {
        match changes(store, &opened, &answers).await {
            Ok(c) => planned = c,
            Err(CollectError::Invalid(problems)) => {
                for p in problems {
                    errors.insert(p.field, p.message);
                }
            }
            Err(e) => return Err(e),
        }
    }
    let inv = &opened.invitation;
    let actor = format!("respondent:{}", inv.respondent_email);
    let mut w = store.writer(&actor).await?;
    for id in &remove {
        w.delete_many::<attachment::Entity, _>(attachment::Column::AttachmentId, *id, &format!("attachment:{id}"))
            .await?;
    }
    for (up, checked) in accepted {
        let summary = serde_json::json!({
            "invitation_id": inv.invitation_id,
            "question_key": up.question_key,
            "file_name": checked.file_name,
            "content_type": checked.content_type,
            "size_bytes": up.bytes.len(),
            "sha256": checked.sha256,
        });
        let row = attachment::ActiveModel {
            invitation_id: Set(inv.invitation_id),
            question_key: Set(up.question_key.clone()),
            file_name: Set(checked.file_name.clone()),
            content_type: Set(checked.content_type.to_string()),
            size_bytes: Set(i32::try_from(up.bytes.len()).expect("checked to be at most 10 MB")),
            sha256: Set(checked.sha256.clone()),
            content: Set(up.bytes),
            created_at: Set(now()),
            ..Default::default()
        };
        w.insert_many(
            vec![row],
            &format!("attachment:invitation-{}", inv.invitation_id),
            summary,
        )
        .await?;
    }
    if !submit || !errors.is_empty() {
        let json = serde_json::to_string(&answers).expect("answers serialise");
        let state = if inv.state == "has_issues" {
            InvitationState::HasIssues
        } else {
            InvitationState::Draft
        };
        w.update::<invitation::Entity>(inv.invitation_id, inv.version, |row| {
            row.answers_json = Set(Some(json));
            row.state = Set(state.code().to_string());
        })
        .await?;
        w.commit().await?;
        let reopened = open(store, token).await?;
        return Ok((reopened, errors));
    }
    submit_answers(&mut w, &opened, answers, planned).await?;
    w.commit().await?;
    Ok((open(store, token).await?, errors))
}
