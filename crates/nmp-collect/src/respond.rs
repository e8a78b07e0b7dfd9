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

use std::collections::BTreeMap;

use nmp_core::ValidationError;
use nmp_core::vocab::{ChangeAction, InvitationState, ReviewState};
use nmp_store::auth::token_hash;
use nmp_store::entity::{
    attachment, country, invitation, mechanism, organization, profile, proposal, question, questionnaire, source,
};
use nmp_store::records::workspace::Proposer;
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, schema, value_text};
use nmp_store::{Set, Store, Writer};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

use crate::attach::{self, Upload};
use crate::{CollectError, LinkProblem, invalid, now, today};

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
    let created = proposal::Entity::find()
        .filter(proposal::Column::InvitationId.eq(inv.invitation_id))
        .filter(proposal::Column::Entity.eq("mechanism"))
        .filter(proposal::Column::Action.eq(ChangeAction::Create.code()))
        .filter(proposal::Column::State.eq(ReviewState::Approved.code()))
        .one(store.conn())
        .await?;
    Ok(created.and_then(|p| p.entity_id).and_then(|k| k.parse().ok()))
}

/// Opens the questionnaire behind a personal link.
pub async fn open(store: &Store, token: &str) -> Result<Opened, CollectError> {
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(token_hash(token.trim())))
        .one(store.conn())
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
        Some(iso3) => country::Entity::find_by_id(iso3.clone())
            .one(store.conn())
            .await?
            .map(|c| c.name),
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

async fn profile_of(
    store: &Store,
    q: &questionnaire::Model,
    mechanism_id: i32,
) -> Result<Option<profile::Model>, CollectError> {
    Ok(profile::Entity::find()
        .filter(profile::Column::EditionId.eq(q.edition_id))
        .filter(profile::Column::MechanismId.eq(mechanism_id))
        .one(store.conn())
        .await?)
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

/// Checks one answer's text; `Err` is the message for beside the question.
async fn check(store: &Store, q: &question::Model, raw: &str) -> Result<Result<Value, String>, CollectError> {
    let text = raw.trim();
    if text.chars().count() > schema::MAX_TEXT_CHARS {
        return Ok(Err(format!("is longer than {} characters", schema::MAX_TEXT_CHARS)));
    }
    if let (Some(table), Some(field)) = (&q.target_table, &q.target_field) {
        return Ok(schema::parse_field(table, field, text)?);
    }
    Ok(match q.kind.as_str() {
        "number" => text
            .parse::<f64>()
            .map(|n| Value::String(n.to_string()))
            .map_err(|_| format!("{text:?} is not a number")),
        "date" => nmp_core::PartialDate::parse(&q.question_key, text)
            .map(|d| Value::String(d.to_string()))
            .map_err(|e| e.message),
        "yes_no" if text != "yes" && text != "no" => Err("answer yes or no".into()),
        "single_choice" => {
            let options = choices(store, q).await?;
            if options.iter().any(|(c, _)| c == text) {
                Ok(Value::String(text.into()))
            } else {
                Err(format!("{text:?} is not one of the choices"))
            }
        }
        "short_text" if text.contains('\n') => Err("must be one line".into()),
        _ => Ok(Value::String(text.into())),
    })
}

/// Problems with answers, each keyed by the question (`acronym`, `members.2.role`).
pub type AnswerErrors = BTreeMap<String, String>;

/// Checks `answers`; on submission, required questions must be answered.
pub async fn validate(
    store: &Store,
    opened: &Opened,
    answers: &Answers,
    submit: bool,
) -> Result<AnswerErrors, CollectError> {
    let mut errors = AnswerErrors::new();
    for q in opened.questions.iter().filter(|q| q.group_key.is_none()) {
        if q.kind == "group" {
            let children: Vec<&question::Model> = opened
                .questions
                .iter()
                .filter(|c| c.group_key.as_deref() == Some(q.question_key.as_str()))
                .collect();
            let rows = answers
                .get(&q.question_key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for (i, row) in rows.iter().enumerate() {
                for c in &children {
                    let raw = row.get(child_name(c)).map(value_text).unwrap_or_default();
                    if raw.trim().is_empty() {
                        continue;
                    }
                    if let Err(message) = check(store, c, &raw).await? {
                        errors.insert(format!("{}.{i}.{}", q.question_key, child_name(c)), message);
                    }
                }
            }
            continue;
        }
        if q.kind == "file" {
            // Files are checked as they arrive (see `save_with`).
            continue;
        }
        let raw = answers.get(&q.question_key).map(value_text).unwrap_or_default();
        if raw.trim().is_empty() {
            if submit && q.required {
                errors.insert(q.question_key.clone(), "please answer this question".into());
            }
            continue;
        }
        if let Err(message) = check(store, q, &raw).await? {
            errors.insert(q.question_key.clone(), message);
        }
    }
    Ok(errors)
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

fn add_error(errors: &mut AnswerErrors, key: &str, message: String) {
    errors
        .entry(key.to_string())
        .and_modify(|e| {
            e.push_str("; ");
            e.push_str(&message);
        })
        .or_insert(message);
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
    let mut errors = validate(store, &opened, &answers, submit).await?;

    // Files: removals must be this response's; each upload is checked, and the count is kept.
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
    let mut count = kept.len();
    let mut accepted: Vec<(Upload, attach::Checked)> = Vec::new();
    for up in uploads {
        if !file_questions.iter().any(|q| q.question_key == up.question_key) {
            return Err(invalid(&up.question_key, "this question does not take files"));
        }
        match attach::check(&up) {
            Err(message) => add_error(&mut errors, &up.question_key, message),
            Ok(_) if count >= attach::MAX_FILES => add_error(
                &mut errors,
                &up.question_key,
                format!(
                    "{} was not attached: a response may hold at most {} files; remove one first",
                    attach::clean_name(&up.file_name),
                    attach::MAX_FILES
                ),
            ),
            Ok(checked) => {
                count += 1;
                accepted.push((up, checked));
            }
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

/// One proposal a submission makes: the change, the field its citation supports, and the
/// planned proposal (by index) creating the record it belongs to.
#[derive(Clone, Debug)]
struct Planned {
    /// The change.
    change: Change,
    /// The field the response supports (`None` for a whole new row).
    field: Option<String>,
    /// For a row of a new mechanism: the index of the planned mechanism.
    parent: Option<usize>,
}

/// Writes a submission on `w`: the response's source, the earlier pending proposals superseded,
/// the invitation submitted, and every planned proposal citing the source. The caller commits;
/// any failure drops the writer, so nothing is written.
async fn submit_answers(
    w: &mut Writer,
    opened: &Opened,
    answers: Answers,
    planned: Vec<Planned>,
) -> Result<(), CollectError> {
    let inv = &opened.invitation;
    let q = &opened.questionnaire;
    // The response itself becomes the source the accepted facts cite.
    let org = match inv.organization_id {
        Some(id) => organization::Entity::find_by_id(id)
            .one(w.conn())
            .await?
            .map(|o| o.name),
        None => None,
    };
    let day = today();
    // One source per submission: `response-<invitation>-<n>` (a response returned with issues
    // may be submitted again within the same second).
    let earlier = source::Entity::find()
        .filter(source::Column::Slug.starts_with(format!("response-{}-", inv.invitation_id)))
        .count(w.conn())
        .await?;
    let mut source = Fields::new();
    source.insert(
        "slug".into(),
        format!("response-{}-{}", inv.invitation_id, earlier + 1).into(),
    );
    source.insert(
        "title".into(),
        format!(
            "Response to \"{}\" by {}{}",
            q.title,
            inv.respondent_name,
            org.as_ref().map(|o| format!(", {o}")).unwrap_or_default()
        )
        .into(),
    );
    source.insert("kind".into(), "questionnaire_response".into());
    source.insert("author".into(), inv.respondent_name.clone().into());
    source.insert(
        "publisher".into(),
        org.clone().map(Value::String).unwrap_or(Value::Null),
    );
    source.insert("published_on".into(), day.clone().into());
    let files = if opened.attachments.is_empty() {
        String::new()
    } else {
        " Documents attached to it are kept with the invitation.".to_string()
    };
    source.insert(
        "note".into(),
        format!(
            "Submitted through the NMP questionnaire on {day} (invitation {}); the answers are kept with the invitation.{files}",
            inv.invitation_id
        )
        .into(),
    );
    let change = Change {
        table: "source".into(),
        action: ChangeAction::Create,
        key: None,
        base_version: None,
        fields: source,
    };
    let src = w.apply(&change, None).await?.expect("a created record");
    // Earlier pending proposals from this invitation are superseded by this submission.
    let pending = proposal::Entity::find()
        .filter(proposal::Column::InvitationId.eq(inv.invitation_id))
        .filter(proposal::Column::State.eq(ReviewState::Proposed.code()))
        .all(w.conn())
        .await?;
    for p in pending {
        w.update::<proposal::Entity>(p.proposal_id, p.version, |row| {
            row.state = Set(ReviewState::Rejected.code().to_string());
            row.decision_comment = Set(Some("Superseded: the respondent submitted the response again.".into()));
        })
        .await?;
    }
    let submitted_at = now();
    w.update::<invitation::Entity>(inv.invitation_id, inv.version, |row| {
        row.answers_json = Set(Some(serde_json::to_string(&answers).expect("answers serialise")));
        row.state = Set(InvitationState::Submitted.code().to_string());
        row.submitted_at = Set(Some(submitted_at));
        row.source_id = Set(Some(src.key));
    })
    .await?;

    let proposer = Proposer {
        actor: format!("respondent:{}", inv.respondent_email),
        account_id: None,
        invitation_id: Some(inv.invitation_id),
    };
    let message = format!("From the questionnaire response of {}", inv.respondent_name);
    let mut written: Vec<proposal::Model> = Vec::with_capacity(planned.len());
    for p in planned {
        let cite = CitationInput {
            source: SourceRef::Existing(src.key),
            field: p.field.clone(),
            locator: None,
            quote: None,
        };
        let parent = p.parent.and_then(|i| written.get(i));
        let message = match parent {
            Some(parent) => format!(
                "{message}; a row of the new {} proposed in proposal {}, which must be approved first",
                parent.entity, parent.proposal_id
            ),
            None => message.clone(),
        };
        let row = w
            .propose_checked(&proposer, &p.change, Some(&cite), Some(&message), parent)
            .await?;
        written.push(row);
    }
    Ok(())
}

/// A slug for a mechanism a respondent reports: `<iso3>-<name>` in lower case, hyphenated, at
/// most 100 characters, with the invitation's number added if the platform already uses it.
async fn new_mechanism_slug(store: &Store, inv: &invitation::Model, name: &str) -> Result<String, CollectError> {
    let mut words = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            words.push(c.to_ascii_lowercase());
        } else if !words.ends_with('-') {
            words.push('-');
        }
    }
    let words = words.trim_matches('-');
    let words = if words.is_empty() { "mechanism" } else { words };
    let base = match &inv.country_iso3 {
        Some(iso3) => format!("{}-{words}", iso3.to_ascii_lowercase()),
        None => words.to_string(),
    };
    let fit = |text: String, room: usize| -> String {
        let cut: String = text.chars().take(room).collect();
        cut.trim_end_matches('-').to_string()
    };
    let mut slug = fit(base.clone(), 100);
    if store.mechanism_by_slug(&slug).await?.is_some() {
        let suffix = format!("-r{}", inv.invitation_id);
        slug = format!("{}{suffix}", fit(base, 100 - suffix.len()));
    }
    Ok(slug)
}

/// The changes a submission proposes, each with the field its citation supports: updates of the
/// invitation's mechanism (and its profile in the edition) where an answer differs, or, when the
/// invitation names no mechanism, one creating it; and a new row per row of each repeating group.
async fn changes(store: &Store, opened: &Opened, answers: &Answers) -> Result<Vec<Planned>, CollectError> {
    let inv = &opened.invitation;
    let mut out = Vec::new();
    let top = || opened.questions.iter().filter(|q| q.group_key.is_none());
    let raw_answer = |q: &question::Model| answers.get(&q.question_key).map(value_text).unwrap_or_default();
    // The mechanism the rows belong to: its key, or the index of the proposal creating it.
    let (mid, parent) = match opened.mechanism_id {
        Some(mid) => {
            let mechanism = store.record("mechanism", mid).await?;
            let profile = match profile_of(store, &opened.questionnaire, mid).await? {
                Some(p) => store.record("profile", p.profile_id).await?,
                None => None,
            };
            for q in top() {
                let (Some(table), Some(field)) = (&q.target_table, &q.target_field) else {
                    continue;
                };
                let record = match table.as_str() {
                    "mechanism" => mechanism.as_ref(),
                    "profile" => profile.as_ref(),
                    _ => None,
                };
                let Some(record) = record else { continue };
                let raw = raw_answer(q);
                if raw.trim().is_empty() {
                    continue;
                }
                let value = match schema::parse_field(table, field, &raw)? {
                    Ok(v) => v,
                    Err(message) => return Err(invalid(&q.question_key, message)),
                };
                if record.fields.get(field) == Some(&value) {
                    continue;
                }
                let mut fields = Fields::new();
                fields.insert(field.clone(), value);
                out.push(Planned {
                    change: Change {
                        table: table.clone(),
                        action: ChangeAction::Update,
                        key: Some(record.key),
                        base_version: Some(record.version),
                        fields,
                    },
                    field: Some(field.clone()),
                    parent: None,
                });
            }
            (mid, None)
        }
        None => {
            // A mechanism the platform does not hold: one proposal creates it from the answers
            // about it. (Answers about the edition's profile stay with the response: there is no
            // profile to change until an editor writes one.)
            let mut form: BTreeMap<String, String> = BTreeMap::new();
            let mut question_of: BTreeMap<String, String> = BTreeMap::new();
            for q in top() {
                if let (Some("mechanism"), Some(field)) = (q.target_table.as_deref(), &q.target_field) {
                    form.insert(field.clone(), raw_answer(q));
                    question_of.insert(field.clone(), q.question_key.clone());
                }
            }
            let name = form.get("name").cloned().unwrap_or_default();
            form.insert("slug".into(), new_mechanism_slug(store, inv, &name).await?);
            if let Some(iso3) = &inv.country_iso3 {
                form.insert("country_iso3".into(), iso3.clone());
            }
            match schema::parse("mechanism", &form)? {
                Ok(fields) => out.push(Planned {
                    change: Change {
                        table: "mechanism".into(),
                        action: ChangeAction::Create,
                        key: None,
                        base_version: None,
                        fields,
                    },
                    field: None,
                    parent: None,
                }),
                Err(problems) => {
                    let errors = problems
                        .into_iter()
                        .map(|p| {
                            let key = question_of.get(&p.field).cloned().unwrap_or(p.field);
                            ValidationError::new(key, p.message)
                        })
                        .collect();
                    return Err(CollectError::Invalid(errors));
                }
            }
            (0, Some(0))
        }
    };
    // Rows of repeating groups: proposed new records of the group's table.
    for g in opened.questions.iter().filter(|q| q.kind == "group") {
        let Some(table) = &g.target_table else { continue };
        let children: Vec<&question::Model> = opened
            .questions
            .iter()
            .filter(|c| c.group_key.as_deref() == Some(g.question_key.as_str()))
            .collect();
        let rows = answers
            .get(&g.question_key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (i, row) in rows.iter().enumerate() {
            let mut form: BTreeMap<String, String> = BTreeMap::new();
            for c in &children {
                if let Some(field) = &c.target_field {
                    let raw = row.get(child_name(c)).map(value_text).unwrap_or_default();
                    if !raw.trim().is_empty() {
                        form.insert(field.clone(), raw);
                    }
                }
            }
            if form.is_empty() {
                continue;
            }
            // For a new mechanism the key is a placeholder here, left empty in the proposal and
            // filled in when it is approved after the mechanism.
            form.insert("mechanism_id".into(), mid.to_string());
            if table == "mechanism_function" {
                form.insert("edition_id".into(), opened.questionnaire.edition_id.to_string());
            }
            if table == "membership" {
                form.insert("confidence".into(), "sourced".into());
            }
            match schema::parse(table, &form)? {
                Ok(mut fields) => {
                    if parent.is_some() {
                        fields.insert("mechanism_id".into(), Value::Null);
                    }
                    out.push(Planned {
                        change: Change {
                            table: table.clone(),
                            action: ChangeAction::Create,
                            key: None,
                            base_version: None,
                            fields,
                        },
                        field: None,
                        parent,
                    })
                }
                Err(problems) => {
                    let errors = problems
                        .into_iter()
                        .map(|p| ValidationError::new(format!("{}.{i}.{}", g.question_key, p.field), p.message))
                        .collect();
                    return Err(CollectError::Invalid(errors));
                }
            }
        }
    }
    Ok(out)
}
