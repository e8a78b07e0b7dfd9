//! Proposals: recording a change as one (checked first, so the queue holds only changes that
//! could be written), the change a proposal holds, approving or rejecting it by the rules of
//! [`nmp_core::policy::proposals`], and the review queue's lists.

use nmp_core::ValidationError;
use nmp_core::policy::proposals as policy;
use nmp_core::vocab::{ChangeAction, ReviewState};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use time::OffsetDateTime;

use super::{Proposer, refused};
use crate::entity::{account, proposal};
use crate::records::apply::ApplyError;
use crate::records::{Change, CitationInput, Fields, Record, check_table};
use crate::{Result, Store, StoreError};

impl Store {
    /// Records `change` (with its citation and the proposer's `message`) as a proposal by
    /// `account`. The values are checked now, so the queue holds only changes that could be
    /// written; an update or delete must name the record's current version.
    pub async fn propose(
        &self,
        account: &account::Model,
        change: &Change,
        citation: Option<&CitationInput>,
        message: Option<&str>,
    ) -> std::result::Result<proposal::Model, ApplyError> {
        let proposer = Proposer {
            actor: account.email.clone(),
            account_id: Some(account.account_id),
            invitation_id: None,
        };
        self.propose_as(&proposer, change, citation, message).await
    }

    /// [`Store::propose`] on behalf of any [`Proposer`]: a staff account or a questionnaire
    /// respondent.
    pub async fn propose_as(
        &self,
        proposer: &Proposer,
        change: &Change,
        citation: Option<&CitationInput>,
        message: Option<&str>,
    ) -> std::result::Result<proposal::Model, ApplyError> {
        let mut w = self.writer(&proposer.actor).await?;
        let row = w.propose_checked(proposer, change, citation, message, None).await?;
        w.commit().await?;
        Ok(row)
    }

    /// Writes `change` at once on behalf of `actor` (an editor), with its citation.
    pub async fn apply_direct(
        &self,
        actor: &str,
        change: &Change,
        citation: Option<&CitationInput>,
    ) -> std::result::Result<Option<Record>, ApplyError> {
        let mut w = self.writer(actor).await?;
        let record = w.apply(change, citation).await?;
        w.commit().await?;
        Ok(record)
    }

    /// The change a proposal holds.
    pub fn proposal_change(p: &proposal::Model) -> std::result::Result<(Change, Option<CitationInput>), ApplyError> {
        let bad = |what: &str| StoreError::Invalid(ValidationError::new(what, "the stored proposal is not readable"));
        let action = ChangeAction::parse("action", &p.action).map_err(StoreError::Invalid)?;
        let fields: Fields = match &p.after_json {
            Some(text) => serde_json::from_str(text).map_err(|_| bad("after_json"))?,
            None => Fields::new(),
        };
        let citation = match &p.citation_json {
            Some(text) => Some(serde_json::from_str(text).map_err(|_| bad("citation_json"))?),
            None => None,
        };
        let change = Change {
            table: p.entity.clone(),
            action,
            key: p.entity_id.as_deref().and_then(|k| k.parse().ok()),
            base_version: p.base_version,
            fields,
        };
        Ok((change, citation))
    }

    /// Approves (writing the change and its citation) or rejects proposal `id`, which the editor
    /// read at `version`, with an optional comment for the proposer. Approving a change whose
    /// record moved on since it was proposed is a [`StoreError::Conflict`]; nothing is written and
    /// the proposal stays in the queue. A row under a parent proposal takes the key of the record
    /// the parent created (`<table>_id`); a questionnaire row naming a new institution on a new
    /// mechanism also takes the mechanism its response's approved proposal created. Rejecting a
    /// proposal rejects the rows waiting for it.
    pub async fn decide(
        &self,
        editor: &account::Model,
        id: i32,
        version: i32,
        approve: bool,
        comment: Option<&str>,
    ) -> std::result::Result<proposal::Model, ApplyError> {
        let mut w = self.writer(&editor.email).await?;
        let p = proposal::Entity::find_by_id(id)
            .one(w.conn())
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "proposal".into(),
                key: id.to_string(),
            })?;
        policy::decidable(id, &p.state).map_err(refused)?;
        let mut entity_id = p.entity_id.clone();
        if approve {
            let (mut change, citation) = Self::proposal_change(&p)?;
            if let Some(parent_id) = p.parent_proposal_id {
                let (table, key) = parent_record(w.conn(), id, parent_id).await?;
                // The row belongs to the record its parent proposal created: point to it.
                change.fields.insert(format!("{table}_id"), key.into());
            }
            if let Some(key) = response_mechanism(w.conn(), &p, &change).await? {
                change.fields.insert("mechanism_id".into(), key.into());
            }
            // An update whose own fields are unchanged since it was proposed applies to the
            // current version (other fields may have moved on: answers proposed field by field
            // from one questionnaire response, say). If any of its fields changed, it conflicts.
            if change.action == ChangeAction::Update
                && let (Some(key), Some(base)) = (change.key, change.base_version)
                && let Some(current) = crate::records::record_on(w.conn(), &change.table, key).await?
                && current.version != base
            {
                let before: Fields = p
                    .before_json
                    .as_deref()
                    .and_then(|t| serde_json::from_str(t).ok())
                    .unwrap_or_default();
                if policy::rebases(&change.fields, &current.fields, &before) {
                    change.base_version = Some(current.version);
                }
            }
            if let Some(record) = w.apply(&change, citation.as_ref()).await? {
                entity_id = Some(record.key.to_string());
            }
        }
        let state = policy::decision(approve);
        let comment = comment.map(str::trim).filter(|c| !c.is_empty()).map(str::to_string);
        if !approve {
            // Rows proposed under a record that will not be created cannot be approved either.
            let mut children = proposal::Entity::find()
                .filter(proposal::Column::ParentProposalId.eq(id))
                .filter(proposal::Column::State.eq(ReviewState::Proposed.code()))
                .all(w.conn())
                .await?;
            // Rows of a response's new mechanism that belong to another new record first (a
            // member institution not in the list) wait for this mechanism too.
            if p.entity == "mechanism"
                && p.action == ChangeAction::Create.code()
                && let Some(inv) = p.invitation_id
            {
                let waiting = proposal::Entity::find()
                    .filter(proposal::Column::InvitationId.eq(inv))
                    .filter(proposal::Column::State.eq(ReviewState::Proposed.code()))
                    .filter(proposal::Column::ProposalId.ne(id))
                    .all(w.conn())
                    .await?;
                for c in waiting {
                    if !children.iter().any(|k| k.proposal_id == c.proposal_id) && lacks_mechanism(&c) {
                        children.push(c);
                    }
                }
            }
            for c in children {
                w.update::<proposal::Entity>(c.proposal_id, c.version, |row| {
                    row.state = Set(ReviewState::Rejected.code().to_string());
                    row.decided_by = Set(Some(editor.account_id));
                    row.decision_comment = Set(Some(policy::rejected_with(id, &p.entity)));
                })
                .await?;
            }
        }
        let now = OffsetDateTime::now_utc();
        let row = w
            .update::<proposal::Entity>(id, version, |row| {
                row.state = Set(state.code().to_string());
                row.decided_by = Set(Some(editor.account_id));
                row.decided_at = Set(Some(
                    now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now),
                ));
                row.decision_comment = Set(comment);
                row.entity_id = Set(entity_id);
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// Proposals, newest first: those in `state` (all if `None`), by `proposer` (anyone if `None`).
    pub async fn proposals(&self, state: Option<ReviewState>, proposer: Option<i32>) -> Result<Vec<proposal::Model>> {
        let mut query = proposal::Entity::find().order_by_desc(proposal::Column::ProposalId);
        if let Some(s) = state {
            query = query.filter(proposal::Column::State.eq(s.code()));
        }
        if let Some(p) = proposer {
            query = query.filter(proposal::Column::ProposedBy.eq(p));
        }
        Ok(query.all(&self.db).await?)
    }

    /// The proposals about one record, newest first.
    pub async fn proposals_for(&self, table: &str, key: i32) -> Result<Vec<proposal::Model>> {
        Ok(proposal::Entity::find()
            .filter(proposal::Column::Entity.eq(table))
            .filter(proposal::Column::EntityId.eq(key.to_string()))
            .order_by_desc(proposal::Column::ProposalId)
            .all(&self.db)
            .await?)
    }
}

/// The table and key of the record that proposal `parent_id` created, for approving proposal `id`
/// that belongs to it; a refusal that says what to do while the parent waits or was rejected.
async fn parent_record<C: sea_orm::ConnectionTrait>(
    conn: &C,
    id: i32,
    parent_id: i32,
) -> std::result::Result<(String, i32), ApplyError> {
    let parent = proposal::Entity::find_by_id(parent_id)
        .one(conn)
        .await?
        .ok_or_else(|| refused(policy::parent_missing(id, parent_id)))?;
    let created = parent.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let key = policy::parent_key(parent_id, &parent.entity, &parent.state, created).map_err(refused)?;
    Ok((parent.entity, key))
}

/// Whether proposal `p` creates a row of a questionnaire response whose mechanism is left empty
/// although its parent proposal (if any) creates something else: a row naming a new institution
/// on a mechanism the same response proposes (a row has one parent proposal, the institution's).
fn lacks_mechanism(p: &proposal::Model) -> bool {
    p.invitation_id.is_some()
        && p.action == ChangeAction::Create.code()
        && p.entity != "mechanism"
        && p.after_json
            .as_deref()
            .and_then(|t| serde_json::from_str::<Fields>(t).ok())
            .is_some_and(|f| f.get("mechanism_id").is_some_and(serde_json::Value::is_null))
}

/// For a row that [`lacks_mechanism`]: the mechanism its response's approved proposal created,
/// or a refusal naming that proposal while it waits (or was rejected). `None` for other rows,
/// and for rows whose parent proposal is the mechanism's (filled in from the parent).
async fn response_mechanism<C: sea_orm::ConnectionTrait>(
    conn: &C,
    p: &proposal::Model,
    change: &Change,
) -> std::result::Result<Option<i32>, ApplyError> {
    let filled = change.fields.get("mechanism_id").is_some_and(|v| !v.is_null());
    if filled || !lacks_mechanism(p) {
        return Ok(None);
    }
    let Some(inv) = p.invitation_id else {
        return Ok(None);
    };
    let mechanisms = proposal::Entity::find()
        .filter(proposal::Column::InvitationId.eq(inv))
        .filter(proposal::Column::Entity.eq("mechanism"))
        .filter(proposal::Column::Action.eq(ChangeAction::Create.code()))
        .order_by_desc(proposal::Column::ProposalId)
        .all(conn)
        .await?;
    // The approved one if any, else the latest (pending, or rejected).
    let Some(m) = mechanisms
        .iter()
        .find(|m| m.state == ReviewState::Approved.code())
        .or(mechanisms.first())
    else {
        return Ok(None);
    };
    let created = m.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    let key = policy::parent_key(m.proposal_id, &m.entity, &m.state, created).map_err(refused)?;
    Ok(Some(key))
}

impl crate::Writer {
    /// Records `change` as a proposal by `proposer` in this writer's transaction, with the record as
    /// it was when proposed (`before`, `None` for a create). The caller has checked the change
    /// ([`Writer::propose_checked`] does; bulk imports check every row first and write all their
    /// proposals in one transaction).
    pub async fn propose(
        &mut self,
        proposer: &Proposer,
        change: &Change,
        before: Option<&Record>,
        citation: Option<&CitationInput>,
        message: Option<&str>,
    ) -> Result<proposal::Model> {
        self.propose_under(proposer, change, before, citation, message, None)
            .await
    }

    /// Checks `change` on this writer's transaction (values, references, unique values, the
    /// record's version, a new source's fields) and records it as a proposal, so that a caller
    /// writing several proposals with other rows (a questionnaire submission) writes all or
    /// nothing. `parent` is the proposal creating the record this row belongs to: the change leaves
    /// the record's key (`<table>_id`, `mechanism_id` for a new mechanism) empty, and approving it
    /// fills that in from the parent, which must be approved first.
    pub async fn propose_checked(
        &mut self,
        proposer: &Proposer,
        change: &Change,
        citation: Option<&CitationInput>,
        message: Option<&str>,
        parent: Option<&proposal::Model>,
    ) -> std::result::Result<proposal::Model, ApplyError> {
        check_table(&change.table)?;
        if change.action != ChangeAction::Delete {
            let merged = crate::records::merged_fields(self.conn(), change).await?;
            let errors = crate::records::schema::check_fields(self.conn(), &change.table, change.key, &merged).await?;
            if !errors.is_empty() {
                return Err(ApplyError::Fields(errors));
            }
        }
        if let Some(p) = parent {
            policy::may_belong(&p.action, change.action).map_err(refused)?;
        }
        let before = match change.key {
            Some(key) => {
                let current = crate::records::record_on(self.conn(), &change.table, key)
                    .await?
                    .ok_or_else(|| StoreError::NotFound {
                        entity: change.table.clone(),
                        key: key.to_string(),
                    })?;
                let expected = change.base_version.unwrap_or_default();
                if current.version != expected {
                    return Err(StoreError::Conflict {
                        entity: change.table.clone(),
                        key: key.to_string(),
                        expected,
                        current: current.version,
                    }
                    .into());
                }
                Some(current)
            }
            None => None,
        };
        if let Some(c) = citation
            && let crate::records::SourceRef::New(fields) = &c.source
        {
            let errors = crate::records::schema::check_fields(self.conn(), "source", None, fields).await?;
            if !errors.is_empty() {
                return Err(ApplyError::Fields(crate::records::apply::prefixed("source.", errors)));
            }
        }
        Ok(self
            .propose_under(
                proposer,
                change,
                before.as_ref(),
                citation,
                message,
                parent.map(|p| p.proposal_id),
            )
            .await?)
    }

    async fn propose_under(
        &mut self,
        proposer: &Proposer,
        change: &Change,
        before: Option<&Record>,
        citation: Option<&CitationInput>,
        message: Option<&str>,
        parent: Option<i32>,
    ) -> Result<proposal::Model> {
        let to_json = |v: &Fields| serde_json::to_string(v).expect("JSON objects serialise");
        self.insert(proposal::ActiveModel {
            entity: Set(change.table.clone()),
            entity_id: Set(change.key.map(|k| k.to_string())),
            action: Set(change.action.code().to_string()),
            base_version: Set(change.base_version),
            before_json: Set(before.map(|r| to_json(&r.fields))),
            after_json: Set((change.action != ChangeAction::Delete).then(|| to_json(&change.fields))),
            citation_json: Set(citation.map(|c| serde_json::to_string(c).expect("citations serialise"))),
            message: Set(message.map(str::trim).filter(|m| !m.is_empty()).map(str::to_string)),
            state: Set(ReviewState::Proposed.code().to_string()),
            proposed_by: Set(proposer.account_id),
            invitation_id: Set(proposer.invitation_id),
            decided_by: Set(None),
            decided_at: Set(None),
            decision_comment: Set(None),
            parent_proposal_id: Set(parent),
            ..Default::default()
        })
        .await
    }
}
