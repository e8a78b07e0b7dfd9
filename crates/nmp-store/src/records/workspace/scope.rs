//! Whether a change is in an account's scope: the rules of [`nmp_core::policy::scope`], with the
//! rows they need looked up (a student's open assignments, the country a record belongs to, the
//! owner of an edition part, a cited record).

use nmp_core::policy::scope::{self as policy, Ownership, Reach};
use nmp_core::vocab::{AccountRole, AssignmentState, ChangeAction};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use super::refused;
use crate::entity::{account, assignment, edition_part, mechanism};
use crate::records::apply::ApplyError;
use crate::records::{Change, Fields, check_table};
use crate::{Result, Store, StoreError};

impl Store {
    /// The rows of `table` a student's open assignments reach: those of the assigned countries,
    /// and (for profiles) the assigned profiles. What the student's record lists show first.
    pub async fn assigned_scope(&self, account_id: i32, table: &str) -> Result<crate::records::RecordScope> {
        let open: Vec<assignment::Model> = assignment::Entity::find()
            .filter(assignment::Column::AssigneeAccountId.eq(account_id))
            .filter(assignment::Column::State.eq(AssignmentState::Open.code()))
            .all(&self.db)
            .await?;
        let mut countries: Vec<String> = open.iter().filter_map(|a| a.country_iso3.clone()).collect();
        countries.sort();
        countries.dedup();
        let keys = if table == "profile" {
            open.iter().filter_map(|a| a.profile_id).collect()
        } else {
            Vec::new()
        };
        Ok(crate::records::RecordScope { countries, keys })
    }

    /// Whether `account` (with `role`) may make `change`: `Ok(())`, or a refusal that says why.
    /// Editors and administrators may change anything; see [`nmp_core::policy`] for the rest.
    pub async fn scope(
        &self,
        account: &account::Model,
        role: AccountRole,
        change: &Change,
    ) -> std::result::Result<(), ApplyError> {
        check_table(&change.table)?;
        match policy::reach(role) {
            Reach::Everything => return Ok(()),
            Reach::Nothing(why) => return Err(refused(why)),
            Reach::InScope => {}
        }
        if policy::open_to_all(&change.table, change.action) {
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
                _ => self.partner_may(account.organization_id, &table, &fields).await?,
            };
            if !ok {
                return Err(refused(policy::out_of_scope(role)));
            }
        }
        Ok(())
    }

    /// The country a record belongs to, following `mechanism_id` and citations.
    async fn country_of(&self, table: &str, fields: &Fields) -> Result<Option<String>> {
        match table {
            "mechanism" => Ok(fields.get("country_iso3").and_then(Value::as_str).map(str::to_string)),
            "mechanism_status" | "membership" | "mechanism_function" | "activity" | "profile" => {
                let Some(id) = policy::int_field(fields, "mechanism_id") else {
                    return Ok(None);
                };
                Ok(self.get::<mechanism::Entity>(id).await?.and_then(|m| m.country_iso3))
            }
            "citation" => {
                let Some((entity, id)) = policy::cited(fields) else {
                    return Ok(None);
                };
                if entity == "citation" || check_table(entity).is_err() {
                    return Ok(None);
                }
                match self.record(entity, id).await? {
                    Some(r) => Box::pin(self.country_of(entity, &r.fields)).await,
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// Whether a record is in a student's open assignments: one of their profiles (or a citation
    /// of one), or a record of one of their countries.
    async fn student_may(&self, account_id: i32, table: &str, fields: &Fields, key: Option<i32>) -> Result<bool> {
        let open: Vec<assignment::Model> = assignment::Entity::find()
            .filter(assignment::Column::AssigneeAccountId.eq(account_id))
            .filter(assignment::Column::State.eq(AssignmentState::Open.code()))
            .all(&self.db)
            .await?;
        let profiles: Vec<i32> = open.iter().filter_map(|a| a.profile_id).collect();
        if policy::profile_assigned(&profiles, table, fields, key) {
            return Ok(true);
        }
        let Some(country) = self.country_of(table, fields).await? else {
            return Ok(false);
        };
        let countries: Vec<&str> = open.iter().filter_map(|a| a.country_iso3.as_deref()).collect();
        Ok(policy::country_assigned(&countries, &country))
    }

    /// Whether a partner's organisation owns a record, looking up the edition part or the cited
    /// record that decides it.
    async fn partner_may(&self, organization: Option<i32>, table: &str, fields: &Fields) -> Result<bool> {
        let Some(org) = organization else { return Ok(false) };
        match policy::owned_by(org, table, fields) {
            Ownership::Decided(owned) => Ok(owned),
            Ownership::Part(part) => Ok(self
                .get::<edition_part::Entity>(part)
                .await?
                .is_some_and(|p| p.owner_organization_id == Some(org))),
            Ownership::Cited(entity, id) => match self.record(entity, id).await? {
                Some(r) => Box::pin(self.partner_may(Some(org), entity, &r.fields)).await,
                None => Ok(false),
            },
        }
    }
}
