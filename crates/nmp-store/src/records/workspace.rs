//! The staff workspace's rules and queues: who may change what ([`edit_mode`], [`Store::scope`]),
//! proposals and their review ([`Store::propose`], [`Store::decide`]), assignments, and the
//! audit history of a record or of everything.
//!
//! - Administrators and editors write directly (still audited).
//! - Researchers propose changes to any record; students only to the records of their open
//!   assignments (a country's mechanisms and their rows, or one profile); partners only to the
//!   profiles and edition parts their organisation owns. Anyone who may propose may also propose
//!   a new source. Reviewers read the queue and the log but change nothing.
//! - A proposal keeps the record's version; approving it writes the change against that version,
//!   so a record that moved on since is a conflict, never a silent overwrite.

use nmp_core::ValidationError;
use nmp_core::vocab::{AccountRole, AssignmentState, ChangeAction, ReviewState};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::Value;
use time::OffsetDateTime;

use super::apply::ApplyError;
use super::{Change, CitationInput, Fields, Record, check_table};
use crate::entity::{account, assignment, audit_event, edition_part, mechanism, profile, proposal};
use crate::{Result, Store, StoreError};

/// How an account's changes take effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditMode {
    /// Written at once (administrators, editors).
    Direct,
    /// Kept as a proposal until an editor approves it.
    Propose,
}

/// How `role`'s changes take effect; `None` if the role changes nothing.
pub fn edit_mode(role: AccountRole) -> Option<EditMode> {
    match role {
        AccountRole::Admin | AccountRole::Editor => Some(EditMode::Direct),
        AccountRole::Researcher | AccountRole::Student | AccountRole::Partner => Some(EditMode::Propose),
        AccountRole::Reviewer => None,
    }
}

/// Whether `role` may see the review queue and the audit log.
pub fn may_review(role: AccountRole) -> bool {
    matches!(role, AccountRole::Admin | AccountRole::Editor | AccountRole::Reviewer)
}

/// Whether `role` may approve or reject proposals and make assignments.
pub fn may_decide(role: AccountRole) -> bool {
    matches!(role, AccountRole::Admin | AccountRole::Editor)
}

fn refused(message: impl Into<String>) -> ApplyError {
    ApplyError::Fields(vec![ValidationError::new("record", message)])
}

/// Today's date (UTC) as `YYYY-MM-DD`, the form `assignment.due_on` is kept in.
pub fn today() -> String {
    let d = OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Who a proposal comes from.
#[derive(Clone, Debug)]
pub struct Proposer {
    /// The audit log's actor (`ana@example.org`, `respondent:x@example.org`).
    pub actor: String,
    /// The staff account, if any.
    pub account_id: Option<i32>,
    /// The questionnaire invitation, for a respondent's answers.
    pub invitation_id: Option<i32>,
}

/// An assignment with what it is about, for lists.
#[derive(Clone, Debug)]
pub struct AssignmentView {
    /// The row.
    pub assignment: assignment::Model,
    /// Whether it is open after its due date.
    pub overdue: bool,
}

impl Store {
    /// Whether `account` (with `role`) may make `change`: `Ok(())`, or a refusal that says why.
    /// Editors and administrators may change anything; see the module documentation for the rest.
    pub async fn scope(
        &self,
        account: &account::Model,
        role: AccountRole,
        change: &Change,
    ) -> std::result::Result<(), ApplyError> {
        check_table(&change.table)?;
        match role {
            AccountRole::Admin | AccountRole::Editor | AccountRole::Researcher => return Ok(()),
            AccountRole::Reviewer => return Err(refused("reviewers read and comment; they do not change records")),
            AccountRole::Student | AccountRole::Partner => {}
        }
        if change.table == "source" && change.action == ChangeAction::Create {
            return Ok(());
        }
        // The record as it is and as it would be must both be in scope.
        let mut versions: Vec<(String, Fields, Option<i32>)> = Vec::new();
        if let Some(key) = change.key {
            let current = self
                .record(&change.table, key)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    entity: change.table.clone(),
                    key: key.to_string(),
                })?;
            versions.push((change.table.clone(), current.fields, Some(key)));
        }
        if change.action != ChangeAction::Delete {
            let mut merged = versions.first().map(|v| v.1.clone()).unwrap_or_default();
            merged.extend(change.fields.clone());
            versions.push((change.table.clone(), merged, change.key));
        }
        for (table, fields, key) in versions {
            let ok = match role {
                AccountRole::Student => self.student_may(account.account_id, &table, &fields, key).await?,
                _ => self.partner_may(account.organization_id, &table, &fields, key).await?,
            };
            if !ok {
                return Err(refused(match role {
                    AccountRole::Student => {
                        "students may change only the records of their open assignments (ask an editor to assign the country or profile)"
                    }
                    _ => "partner accounts may change only the profiles and edition parts their organisation owns",
                }));
            }
        }
        Ok(())
    }

    /// The country a record belongs to, following `mechanism_id` and citations.
    async fn country_of(&self, table: &str, fields: &Fields) -> Result<Option<String>> {
        let text = |name: &str| fields.get(name).and_then(Value::as_str).map(str::to_string);
        let int = |name: &str| {
            fields
                .get(name)
                .and_then(Value::as_i64)
                .and_then(|v| i32::try_from(v).ok())
        };
        match table {
            "mechanism" => Ok(text("country_iso3")),
            "mechanism_status" | "membership" | "mechanism_function" | "activity" | "profile" => {
                let Some(id) = int("mechanism_id") else { return Ok(None) };
                Ok(self.get::<mechanism::Entity>(id).await?.and_then(|m| m.country_iso3))
            }
            "citation" => {
                let (Some(entity), Some(id)) = (text("entity"), text("entity_id").and_then(|k| k.parse().ok())) else {
                    return Ok(None);
                };
                if entity == "citation" || check_table(&entity).is_err() {
                    return Ok(None);
                }
                match self.record(&entity, id).await? {
                    Some(r) => Box::pin(self.country_of(&entity, &r.fields)).await,
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    async fn student_may(&self, account_id: i32, table: &str, fields: &Fields, key: Option<i32>) -> Result<bool> {
        let open: Vec<assignment::Model> = assignment::Entity::find()
            .filter(assignment::Column::AssigneeAccountId.eq(account_id))
            .filter(assignment::Column::State.eq(AssignmentState::Open.code()))
            .all(&self.db)
            .await?;
        if table == "profile"
            && let Some(k) = key
            && open.iter().any(|a| a.profile_id == Some(k))
        {
            return Ok(true);
        }
        if table == "citation"
            && fields.get("entity").and_then(Value::as_str) == Some("profile")
            && let Some(id) = fields
                .get("entity_id")
                .and_then(Value::as_str)
                .and_then(|k| k.parse::<i32>().ok())
            && open.iter().any(|a| a.profile_id == Some(id))
        {
            return Ok(true);
        }
        let Some(country) = self.country_of(table, fields).await? else {
            return Ok(false);
        };
        Ok(open.iter().any(|a| a.country_iso3.as_deref() == Some(country.as_str())))
    }

    async fn partner_may(
        &self,
        organization: Option<i32>,
        table: &str,
        fields: &Fields,
        key: Option<i32>,
    ) -> Result<bool> {
        let Some(org) = organization else { return Ok(false) };
        let int = |name: &str| {
            fields
                .get(name)
                .and_then(Value::as_i64)
                .and_then(|v| i32::try_from(v).ok())
        };
        match table {
            "edition_part" => Ok(int("owner_organization_id") == Some(org)),
            "profile" => {
                if int("owner_organization_id") == Some(org) {
                    return Ok(true);
                }
                let Some(part) = int("edition_part_id") else {
                    return Ok(false);
                };
                Ok(self
                    .get::<edition_part::Entity>(part)
                    .await?
                    .is_some_and(|p| p.owner_organization_id == Some(org)))
            }
            "citation" => {
                let entity = fields.get("entity").and_then(Value::as_str).unwrap_or_default();
                let id = fields
                    .get("entity_id")
                    .and_then(Value::as_str)
                    .and_then(|k| k.parse().ok());
                match (entity, id) {
                    ("profile" | "edition_part", Some(id)) => match self.record(entity, id).await? {
                        Some(r) => Box::pin(self.partner_may(Some(org), entity, &r.fields, Some(id))).await,
                        None => Ok(false),
                    },
                    _ => Ok(false),
                }
            }
            _ => {
                let _ = key;
                Ok(false)
            }
        }
    }

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
    /// the proposal stays in the queue.
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
        if p.state != ReviewState::Proposed.code() {
            return Err(refused(format!("proposal {id} has already been {}", p.state)));
        }
        let mut entity_id = p.entity_id.clone();
        if approve {
            let (mut change, citation) = Self::proposal_change(&p)?;
            if let Some(parent_id) = p.parent_proposal_id {
                let (table, key) = parent_record(w.conn(), id, parent_id).await?;
                // The row belongs to the record its parent proposal created: point to it.
                change.fields.insert(format!("{table}_id"), key.into());
            }
            // An update whose own fields are unchanged since it was proposed applies to the
            // current version (other fields may have moved on: answers proposed field by field
            // from one questionnaire response, say). If any of its fields changed, it conflicts.
            if change.action == ChangeAction::Update
                && let (Some(key), Some(base)) = (change.key, change.base_version)
                && let Some(current) = super::record_on(w.conn(), &change.table, key).await?
                && current.version != base
            {
                let before: Fields = p
                    .before_json
                    .as_deref()
                    .and_then(|t| serde_json::from_str(t).ok())
                    .unwrap_or_default();
                if change.fields.keys().all(|f| current.fields.get(f) == before.get(f)) {
                    change.base_version = Some(current.version);
                }
            }
            if let Some(record) = w.apply(&change, citation.as_ref()).await? {
                entity_id = Some(record.key.to_string());
            }
        }
        let state = if approve {
            ReviewState::Approved
        } else {
            ReviewState::Rejected
        };
        let comment = comment.map(str::trim).filter(|c| !c.is_empty()).map(str::to_string);
        if !approve {
            // Rows proposed under a record that will not be created cannot be approved either.
            let children = proposal::Entity::find()
                .filter(proposal::Column::ParentProposalId.eq(id))
                .filter(proposal::Column::State.eq(ReviewState::Proposed.code()))
                .all(w.conn())
                .await?;
            for c in children {
                w.update::<proposal::Entity>(c.proposal_id, c.version, |row| {
                    row.state = Set(ReviewState::Rejected.code().to_string());
                    row.decided_by = Set(Some(editor.account_id));
                    row.decision_comment = Set(Some(format!(
                        "Rejected with proposal {id}, which would have created the {} it belongs to.",
                        p.entity
                    )));
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

    /// Assigns a country (`country_iso3`) or a profile of an edition to `assignee`, due on
    /// `due_on` (`YYYY-MM-DD`). Exactly one of country and profile must be given.
    #[allow(clippy::too_many_arguments)]
    pub async fn assign(
        &self,
        editor: &account::Model,
        edition_id: i32,
        assignee: i32,
        country_iso3: Option<&str>,
        profile_id: Option<i32>,
        due_on: &str,
        note: Option<&str>,
    ) -> std::result::Result<assignment::Model, ApplyError> {
        let mut errors = Vec::new();
        let due = due_on.trim();
        match nmp_core::PartialDate::parse("due_on", due) {
            Ok(_) if due.len() == 10 => {}
            _ => errors.push(ValidationError::new(
                "due_on",
                format!("{due:?} is not a date (YYYY-MM-DD)"),
            )),
        }
        if country_iso3.is_some() == profile_id.is_some() {
            errors.push(ValidationError::new(
                "country_iso3",
                "give either a country or a profile",
            ));
        }
        match self.get::<account::Entity>(assignee).await? {
            Some(a) if matches!(a.role.as_str(), "researcher" | "student" | "editor" | "partner") => {}
            Some(_) => errors.push(ValidationError::new(
                "assignee_account_id",
                "only researchers, students, editors and partners take assignments",
            )),
            None => errors.push(ValidationError::new("assignee_account_id", "no such account")),
        }
        let mut fields = Fields::new();
        fields.insert("edition_id".into(), edition_id.into());
        if let Some(c) = country_iso3 {
            fields.insert("country_iso3".into(), c.into());
        }
        if let Some(p) = profile_id {
            fields.insert("profile_id".into(), p.into());
        }
        for (name, target) in [
            ("edition_id", "edition"),
            ("country_iso3", "country"),
            ("profile_id", "profile"),
        ] {
            if let Some(v) = fields.get(name)
                && !super::schema::exists_on(&self.db, target, v).await?
            {
                errors.push(ValidationError::new(
                    name,
                    format!("no {target} has the key {}", super::value_text(v)),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ApplyError::Fields(errors));
        }
        let mut w = self.writer(&editor.email).await?;
        let row = w
            .insert(assignment::ActiveModel {
                edition_id: Set(edition_id),
                assignee_account_id: Set(assignee),
                country_iso3: Set(country_iso3.map(str::to_string)),
                profile_id: Set(profile_id),
                due_on: Set(due.to_string()),
                state: Set(AssignmentState::Open.code().to_string()),
                note: Set(note.map(str::trim).filter(|n| !n.is_empty()).map(str::to_string)),
                assigned_by: Set(editor.account_id),
                ..Default::default()
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// Assignments, by due date: `assignee`'s (everyone's if `None`), only overdue ones if asked.
    pub async fn assignments(&self, assignee: Option<i32>, only_overdue: bool) -> Result<Vec<AssignmentView>> {
        let mut query = assignment::Entity::find()
            .order_by_asc(assignment::Column::DueOn)
            .order_by_asc(assignment::Column::AssignmentId);
        if let Some(a) = assignee {
            query = query.filter(assignment::Column::AssigneeAccountId.eq(a));
        }
        let today = today();
        Ok(query
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| {
                let overdue = a.state == AssignmentState::Open.code() && a.due_on < today;
                AssignmentView { assignment: a, overdue }
            })
            .filter(|v| !only_overdue || v.overdue)
            .collect())
    }

    /// Marks assignment `id` (read at `version`) done; its assignee or an editor may.
    pub async fn complete_assignment(
        &self,
        account: &account::Model,
        role: AccountRole,
        id: i32,
        version: i32,
    ) -> std::result::Result<assignment::Model, ApplyError> {
        let Some(current) = self.get::<assignment::Entity>(id).await? else {
            return Err(StoreError::NotFound {
                entity: "assignment".into(),
                key: id.to_string(),
            }
            .into());
        };
        if current.assignee_account_id != account.account_id && !may_decide(role) {
            return Err(refused("only the assignee or an editor may close an assignment"));
        }
        let mut w = self.writer(&account.email).await?;
        let row = w
            .update::<assignment::Entity>(id, version, |row| {
                row.state = Set(AssignmentState::Done.code().to_string());
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// Ties a partner account to the organisation it works for (or unties it with `None`).
    pub async fn set_account_organization(
        &self,
        actor: &str,
        account_id: i32,
        organization_id: Option<i32>,
    ) -> std::result::Result<account::Model, ApplyError> {
        if let Some(org) = organization_id
            && !super::schema::exists_on(&self.db, "organization", &org.into()).await?
        {
            return Err(ApplyError::Fields(vec![ValidationError::new(
                "organization",
                format!("no organization has the key {org}"),
            )]));
        }
        let Some(current) = self.get::<account::Entity>(account_id).await? else {
            return Err(StoreError::NotFound {
                entity: "account".into(),
                key: account_id.to_string(),
            }
            .into());
        };
        let mut w = self.writer(actor).await?;
        let row = w
            .update::<account::Entity>(account_id, current.version, |row| {
                row.organization_id = Set(organization_id);
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// The audit events of one record, newest first.
    pub async fn history(&self, table: &str, key: &str) -> Result<Vec<audit_event::Model>> {
        Ok(audit_event::Entity::find()
            .filter(audit_event::Column::Entity.eq(table))
            .filter(audit_event::Column::EntityId.eq(key))
            .order_by_desc(audit_event::Column::AuditEventId)
            .all(&self.db)
            .await?)
    }

    /// A page of the whole audit log, newest first, optionally of one actor, with the number of
    /// events that match.
    pub async fn audit_log(
        &self,
        actor: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<audit_event::Model>, u64)> {
        let mut query = audit_event::Entity::find();
        if let Some(a) = actor {
            query = query.filter(audit_event::Column::Actor.eq(a));
        }
        let total = query.clone().count(&self.db).await?;
        let rows = query
            .order_by_desc(audit_event::Column::AuditEventId)
            .offset(offset)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok((rows, total))
    }

    /// Profiles of an edition with the organisations that own them (directly or through their
    /// part), for the edition's page: `(profile, owner organisation id)`.
    pub async fn profile_owners(&self, edition_id: i32) -> Result<Vec<(profile::Model, Option<i32>)>> {
        let parts: std::collections::HashMap<i32, Option<i32>> = edition_part::Entity::find()
            .filter(edition_part::Column::EditionId.eq(edition_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.edition_part_id, p.owner_organization_id))
            .collect();
        Ok(profile::Entity::find()
            .filter(profile::Column::EditionId.eq(edition_id))
            .order_by_asc(profile::Column::ProfileId)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| {
                let owner = p
                    .owner_organization_id
                    .or_else(|| p.edition_part_id.and_then(|id| parts.get(&id).copied().flatten()));
                (p, owner)
            })
            .collect())
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
        .ok_or_else(|| {
            refused(format!(
                "proposal {id} belongs to proposal {parent_id}, which no longer exists"
            ))
        })?;
    let created = parent.entity_id.as_deref().and_then(|k| k.parse::<i32>().ok());
    match (parent.state.as_str(), created) {
        ("approved", Some(key)) => Ok((parent.entity, key)),
        ("proposed", _) => Err(refused(format!(
            "approve proposal {parent_id} first: it creates the {} this row belongs to",
            parent.entity
        ))),
        _ => Err(refused(format!(
            "proposal {parent_id}, which would have created the {} this row belongs to, was {}; reject this one too",
            parent.entity, parent.state
        ))),
    }
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
            let merged = super::merged_fields(self.conn(), change).await?;
            let errors = super::schema::check_fields(self.conn(), &change.table, change.key, &merged).await?;
            if !errors.is_empty() {
                return Err(ApplyError::Fields(errors));
            }
        }
        if let Some(p) = parent
            && (p.action != ChangeAction::Create.code() || change.action != ChangeAction::Create)
        {
            return Err(refused("only a new row can belong to a proposal creating a record"));
        }
        let before = match change.key {
            Some(key) => {
                let current = super::record_on(self.conn(), &change.table, key)
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
            && let super::SourceRef::New(fields) = &c.source
        {
            let errors = super::schema::check_fields(self.conn(), "source", None, fields).await?;
            if !errors.is_empty() {
                return Err(ApplyError::Fields(super::apply::prefixed("source.", errors)));
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
