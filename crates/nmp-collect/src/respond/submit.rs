//! Submitting a response: the changes it proposes ([`changes`]: updates where an answer differs
//! from the record, a new mechanism when the invitation names none, a new row per row of a
//! repeating group) and writing them ([`submit_answers`]) with the response's source, in the
//! caller's one transaction.

use std::collections::BTreeMap;

use nmp_core::ValidationError;
use nmp_core::vocab::{ChangeAction, InvitationState, ReviewState};
use nmp_store::entity::{invitation, organization, proposal, question};
use nmp_store::records::workspace::Proposer;
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, schema, value_text};
use nmp_store::{Set, Store, Writer};
use serde_json::Value;

use super::{Answers, Opened, child_name, other_key, other_named, profile_of};
use crate::{CollectError, invalid, now, today};

/// One proposal a submission makes: the change, the field its citation supports, and the
/// planned proposal (by index) creating the record it belongs to.
#[derive(Clone, Debug)]
pub(super) struct Planned {
    /// The change.
    change: Change,
    /// The field the response supports (`None` for a whole new row).
    field: Option<String>,
    /// For a row of a new record (a new mechanism, or an institution named as not in the list):
    /// the index of the planned proposal creating it.
    parent: Option<usize>,
    /// For a row naming a new institution on a new mechanism: the index of the planned
    /// mechanism, which the row also waits for.
    also_under: Option<usize>,
}

impl Planned {
    /// A new row of `table` with `fields`, under the planned proposals `parent` and `also_under`.
    fn create(table: &str, fields: Fields, parent: Option<usize>, also_under: Option<usize>) -> Planned {
        Planned {
            change: Change {
                table: table.to_string(),
                action: ChangeAction::Create,
                key: None,
                base_version: None,
                fields,
            },
            field: None,
            parent,
            also_under,
        }
    }
}

/// Writes a submission on `w`: the response's source, the earlier pending proposals superseded,
/// the invitation submitted, and every planned proposal citing the source. The caller commits;
/// any failure drops the writer, so nothing is written.
pub(super) async fn submit_answers(
    w: &mut Writer,
    opened: &Opened,
    answers: Answers,
    planned: Vec<Planned>,
) -> Result<(), CollectError> {
    let inv = &opened.invitation;
    let q = &opened.questionnaire;
    // The response itself becomes the source the accepted facts cite.
    let org = match inv.organization_id {
        Some(id) => w.find_by_key::<organization::Entity>(id).await?.map(|o| o.name),
        None => None,
    };
    let day = today();
    // One source per submission: `response-<invitation>-<n>` (a response returned with issues
    // may be submitted again within the same second).
    let earlier = w
        .sources_with_slug_prefix(&format!("response-{}-", inv.invitation_id))
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
    let pending = w.pending_proposals_of_invitation(inv.invitation_id).await?;
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
        let mut message = match parent {
            Some(parent) => format!(
                "{message}; a row of the new {} proposed in proposal {}, which must be approved first",
                parent.entity, parent.proposal_id
            ),
            None => message.clone(),
        };
        if let Some(also) = p.also_under.and_then(|i| written.get(i)) {
            message.push_str(&format!(
                "; it also belongs to the new {} proposed in proposal {}, to be approved first too",
                also.entity, also.proposal_id
            ));
        }
        let row = w
            .propose_checked(&proposer, &p.change, Some(&cite), Some(&message), parent)
            .await?;
        written.push(row);
    }
    Ok(())
}

/// A slug for a record of `table` (`mechanism` or `organization`) a respondent reports:
/// `<iso3>-<name>` in lower case, hyphenated, at most 100 characters, with the invitation's number
/// (and a count) added if the platform already uses it or `taken` holds it.
async fn new_slug(
    store: &Store,
    inv: &invitation::Model,
    table: &str,
    name: &str,
    taken: &[String],
) -> Result<String, CollectError> {
    let mut words = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            words.push(c.to_ascii_lowercase());
        } else if !words.ends_with('-') {
            words.push('-');
        }
    }
    let words = words.trim_matches('-');
    let words = if words.is_empty() { table } else { words };
    let base = match &inv.country_iso3 {
        Some(iso3) => format!("{}-{words}", iso3.to_ascii_lowercase()),
        None => words.to_string(),
    };
    let fit = |text: &str, room: usize| -> String {
        let cut: String = text.chars().take(room).collect();
        cut.trim_end_matches('-').to_string()
    };
    let used = |slug: String| async move {
        if taken.contains(&slug) {
            return Ok::<bool, CollectError>(true);
        }
        Ok(match table {
            "mechanism" => store.mechanism_by_slug(&slug).await?.is_some(),
            _ => !store
                .rows_where::<organization::Entity, _>(organization::Column::Slug, [slug])
                .await?
                .is_empty(),
        })
    };
    let mut slug = fit(&base, 100);
    let mut n = 1;
    while used(slug.clone()).await? {
        let suffix = if n == 1 {
            format!("-r{}", inv.invitation_id)
        } else {
            format!("-r{}-{n}", inv.invitation_id)
        };
        slug = format!("{}{suffix}", fit(&base, 100 - suffix.len()));
        n += 1;
    }
    Ok(slug)
}

/// The proposal creating an institution a respondent named as not in the list: kind `other`
/// (the response does not say), the invitation's country, and a note saying where it came from.
async fn new_organization(
    store: &Store,
    inv: &invitation::Model,
    name: &str,
    taken: &[String],
) -> Result<Result<Planned, Vec<ValidationError>>, CollectError> {
    let mut form: BTreeMap<String, String> = BTreeMap::new();
    form.insert("name".into(), name.to_string());
    form.insert("slug".into(), new_slug(store, inv, "organization", name, taken).await?);
    form.insert("kind".into(), "other".into());
    if let Some(iso3) = &inv.country_iso3 {
        form.insert("country_iso3".into(), iso3.clone());
    }
    form.insert(
        "note".into(),
        format!(
            "Named by a respondent as not in the platform's list (questionnaire response, invitation {}). Its kind is not known yet; the country is the invitation's.",
            inv.invitation_id
        ),
    );
    Ok(schema::parse("organization", &form)?.map(|fields| Planned::create("organization", fields, None, None)))
}

/// The changes a submission proposes, each with the field its citation supports: updates of the
/// invitation's mechanism (and its profile in the edition) where an answer differs, or, when the
/// invitation names no mechanism, one creating it; and a new row per row of each repeating group.
pub(super) async fn changes(store: &Store, opened: &Opened, answers: &Answers) -> Result<Vec<Planned>, CollectError> {
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
                    also_under: None,
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
            form.insert("slug".into(), new_slug(store, inv, "mechanism", &name, &[]).await?);
            if let Some(iso3) = &inv.country_iso3 {
                form.insert("country_iso3".into(), iso3.clone());
            }
            match schema::parse("mechanism", &form)? {
                Ok(fields) => out.push(Planned::create("mechanism", fields, None, None)),
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
    // Rows of repeating groups: proposed new records of the group's table. An institution named
    // as not in the list becomes one proposal creating it (once per name), before its rows,
    // unless the platform holds one of that name after all.
    let mut new_orgs: BTreeMap<String, usize> = BTreeMap::new();
    let mut org_slugs: Vec<String> = Vec::new();
    // The institutions the platform holds, read once a row names one not in the list.
    let mut known: Option<Vec<organization::Model>> = None;
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
            // The institution the row names as not in the list: the field it fills, and the
            // index of the planned proposal creating it.
            let mut named: Option<(String, usize)> = None;
            for c in &children {
                if let Some(field) = &c.target_field {
                    if let Some(name) = other_named(c, row) {
                        // An institution the platform holds after all (same name or acronym,
                        // whatever the case): the row points to it.
                        if known.is_none() {
                            known = Some(store.all::<organization::Entity>().await?);
                        }
                        let same = |t: &str| t.trim().to_lowercase() == name.to_lowercase();
                        if let Some(o) = known.iter().flatten().find(|o| {
                            same(&o.name)
                                || o.acronym.as_deref().is_some_and(same)
                                || o.local_name.as_deref().is_some_and(same)
                        }) {
                            form.insert(field.clone(), o.organization_id.to_string());
                            continue;
                        }
                        let at = match new_orgs.get(&name.to_lowercase()) {
                            Some(at) => *at,
                            None => match new_organization(store, inv, &name, &org_slugs).await? {
                                Ok(planned) => {
                                    if let Some(slug) = planned.change.fields.get("slug").and_then(Value::as_str) {
                                        org_slugs.push(slug.to_string());
                                    }
                                    out.push(planned);
                                    new_orgs.insert(name.to_lowercase(), out.len() - 1);
                                    out.len() - 1
                                }
                                Err(problems) => {
                                    let errors = problems
                                        .into_iter()
                                        .map(|p| {
                                            ValidationError::new(
                                                format!("{}.{i}.{}", g.question_key, other_key(c)),
                                                p.message,
                                            )
                                        })
                                        .collect();
                                    return Err(CollectError::Invalid(errors));
                                }
                            },
                        };
                        // A placeholder key, left empty in the proposal (as for a new mechanism).
                        form.insert(field.clone(), "0".into());
                        named = Some((field.clone(), at));
                        continue;
                    }
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
                    // A row naming a new institution belongs to the proposal creating it; if the
                    // mechanism is new too, approving the row takes the mechanism this response's
                    // approved proposal created (see `Store::decide`).
                    let row_parent = match &named {
                        Some((field, at)) => {
                            fields.insert(field.clone(), Value::Null);
                            Some(*at)
                        }
                        None => parent,
                    };
                    out.push(Planned::create(table, fields, row_parent, named.as_ref().and(parent)))
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
