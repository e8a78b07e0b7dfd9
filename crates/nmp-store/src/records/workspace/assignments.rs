//! Assignments (a country or a profile of an edition given to someone, due on a day), checked by
//! the rules of [`nmp_core::policy::assignments`]; which organisation a partner account works
//! for; and the owners of an edition's profiles.

use nmp_core::ValidationError;
use nmp_core::policy::assignments as policy;
use nmp_core::vocab::{AccountRole, AssignmentState};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{AssignmentView, refused, today};
use crate::entity::{account, assignment, edition_part, profile};
use crate::records::Fields;
use crate::records::apply::ApplyError;
use crate::{Result, Store, StoreError};

impl Store {
    /// Assigns a country (`country_iso3`) or a profile of an edition to `assignee`, due on
    /// `due_on` (`YYYY-MM-DD`). Exactly one of country and profile must be given.
    #[expect(
        clippy::too_many_arguments,
        reason = "the editor, the edition and what an assignment names (who, what, when, why), each checked by nmp_core::policy"
    )]
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
        let due = due_on.trim();
        let mut errors = policy::check(due, country_iso3.is_some(), profile_id.is_some());
        let assignee_account = self.get::<account::Entity>(assignee).await?;
        errors.extend(policy::check_assignee(
            assignee_account.as_ref().map(|a| a.role.as_str()),
        ));
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
                && !crate::records::schema::exists_on(&self.db, target, v).await?
            {
                errors.push(ValidationError::new(
                    name,
                    format!("no {target} has the key {}", crate::records::value_text(v)),
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
                let overdue = policy::overdue(&a.state, &a.due_on, &today);
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
        if !policy::may_complete(current.assignee_account_id == account.account_id, role) {
            return Err(refused(policy::ONLY_ASSIGNEE_COMPLETES));
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
            && !crate::records::schema::exists_on(&self.db, "organization", &org.into()).await?
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
