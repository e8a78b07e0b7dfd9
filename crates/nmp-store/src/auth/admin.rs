//! Administering accounts (the web's `/staff/accounts` and `nmp user`): the list with each
//! account's second factor and last sign-in, creating an account with its set-password link in one
//! transaction, changing a role, deactivating and reactivating, and issuing a new link.
//!
//! Role and activity changes name the version the administrator read (a stale one is a
//! [`StoreError::Conflict`](crate::StoreError::Conflict), never an overwrite), and an administrator
//! cannot demote or deactivate themselves ([`AuthError::Refused`]), so an administrator always
//! remains. Deactivating ends the account's sessions, pending sign-ins and unused links.

use std::collections::HashMap;

use nmp_core::ValidationError;
use nmp_core::vocab::{AccountRole, MailStatus};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use time::OffsetDateTime;

use super::{AuthError, LinkPurpose, normalize_email, now, random_token, token_hash};
use crate::entity::{account, login_attempt, mail, one_time_link, organization, pending_sign_in, session, two_factor};
use crate::{Store, Writer};

/// An account as the administrators' list shows it.
#[derive(Clone, Debug)]
pub struct AccountRow {
    /// The account.
    pub account: account::Model,
    /// Whether it signs in with a second factor.
    pub two_factor: bool,
    /// When its password was last accepted at sign-in (UTC), if ever.
    pub last_sign_in: Option<OffsetDateTime>,
    /// The name of the organisation a partner works for.
    pub organization: Option<String>,
}

/// A new account.
#[derive(Clone, Debug)]
pub struct NewAccount {
    /// Email (unique).
    pub email: String,
    /// The person's name.
    pub name: String,
    /// Role.
    pub role: AccountRole,
    /// The organisation a partner works for (required for partners, refused for others).
    pub organization_id: Option<i32>,
}

/// Checks that a partner has an organisation that exists and nobody else has one.
async fn check_organization(w: &Writer, role: AccountRole, organization_id: Option<i32>) -> Result<(), AuthError> {
    match (role, organization_id) {
        (AccountRole::Partner, None) => Err(ValidationError::new(
            "organization_id",
            "a partner account needs the organisation it works for",
        )
        .into()),
        (AccountRole::Partner, Some(id)) => {
            if organization::Entity::find_by_id(id).one(w.conn()).await?.is_none() {
                return Err(
                    ValidationError::new("organization_id", format!("no organisation has the key {id}")).into(),
                );
            }
            Ok(())
        }
        (_, Some(_)) => {
            Err(ValidationError::new("organization_id", "only partner accounts belong to an organisation").into())
        }
        (_, None) => Ok(()),
    }
}

impl Writer {
    /// Creates an active account without a password, inside this write. A duplicate email is an
    /// error naming `email`. (The organisation is checked by the callers that take one.)
    pub(crate) async fn insert_account(
        &mut self,
        email: &str,
        name: &str,
        role: AccountRole,
        organization_id: Option<i32>,
    ) -> Result<account::Model, AuthError> {
        let email = normalize_email(email)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(ValidationError::new("name", "the name must not be empty").into());
        }
        let taken = account::Entity::find()
            .filter(account::Column::Email.eq(email.clone()))
            .one(self.conn())
            .await?;
        if taken.is_some() {
            return Err(ValidationError::new("email", format!("an account with email {email} already exists")).into());
        }
        Ok(self
            .insert(account::ActiveModel {
                email: Set(email),
                name: Set(name.to_string()),
                role: Set(role.code().to_string()),
                password_hash: Set(None),
                active: Set(true),
                organization_id: Set(organization_id),
                ..Default::default()
            })
            .await?)
    }

    /// Issues a one-time link for `account` inside this write, ending its older usable links of
    /// the same purpose (or of every purpose with `end_all`), and returns the raw token: the only
    /// time it exists outside the link.
    pub(crate) async fn insert_link(
        &mut self,
        account: &account::Model,
        purpose: LinkPurpose,
        end_all: bool,
    ) -> Result<String, AuthError> {
        let token = random_token();
        let expires_at = now() + purpose.lifetime();
        self.end_links(account.account_id, (!end_all).then_some(purpose))
            .await?;
        let row = one_time_link::ActiveModel {
            token_hash: Set(token_hash(&token)),
            account_id: Set(account.account_id),
            purpose: Set(purpose.code().to_string()),
            expires_at: Set(expires_at),
            used_at: Set(None),
            ..Default::default()
        };
        let summary = serde_json::json!({
            "account_id": account.account_id,
            "purpose": purpose.code(),
            "expires_at": expires_at.to_string(),
        });
        self.insert_many(vec![row], &format!("account:{}", account.account_id), summary)
            .await?;
        Ok(token)
    }
}

impl Store {
    /// Every account, by email, with its second factor, last sign-in and organisation.
    pub async fn account_rows(&self) -> Result<Vec<AccountRow>, AuthError> {
        let accounts = self.accounts().await?;
        let factors: HashMap<i32, bool> = two_factor::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|f| (f.account_id, f.enabled_at.is_some()))
            .collect();
        let last: HashMap<String, OffsetDateTime> = login_attempt::Entity::find()
            .select_only()
            .column(login_attempt::Column::Email)
            .column_as(login_attempt::Column::AttemptedAt.max(), "last")
            .filter(login_attempt::Column::Succeeded.eq(true))
            .group_by(login_attempt::Column::Email)
            .into_tuple::<(String, OffsetDateTime)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let organizations: HashMap<i32, String> = organization::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|o| (o.organization_id, o.name))
            .collect();
        Ok(accounts
            .into_iter()
            .map(|account| AccountRow {
                two_factor: factors.get(&account.account_id).copied().unwrap_or(false),
                last_sign_in: last.get(&account.email).copied(),
                organization: account.organization_id.and_then(|id| organizations.get(&id).cloned()),
                account,
            })
            .collect())
    }

    /// One account's row of [`Store::account_rows`].
    pub async fn account_row(&self, account_id: i32) -> Result<Option<AccountRow>, AuthError> {
        Ok(self
            .account_rows()
            .await?
            .into_iter()
            .find(|r| r.account.account_id == account_id))
    }

    /// Creates an account and its set-password link in one transaction (nothing is written if
    /// anything is wrong) and returns the account and the link's token.
    pub async fn add_account(&self, actor: &str, new: &NewAccount) -> Result<(account::Model, String), AuthError> {
        let mut w = self.writer(actor).await?;
        check_organization(&w, new.role, new.organization_id).await?;
        let account = w
            .insert_account(&new.email, &new.name, new.role, new.organization_id)
            .await?;
        let token = w.insert_link(&account, LinkPurpose::SetPassword, true).await?;
        w.commit().await?;
        Ok((account, token))
    }

    async fn account_at(&self, account_id: i32) -> Result<account::Model, AuthError> {
        Ok(self
            .get::<account::Entity>(account_id)
            .await?
            .ok_or_else(|| crate::StoreError::NotFound {
                entity: "account".into(),
                key: account_id.to_string(),
            })?)
    }

    /// Changes an account's role (a partner's with its organisation; other roles have none), as
    /// `admin`, who read it at `version`. An administrator cannot change their own role.
    pub async fn change_role(
        &self,
        admin: &account::Model,
        account_id: i32,
        version: i32,
        role: AccountRole,
        organization_id: Option<i32>,
    ) -> Result<account::Model, AuthError> {
        if admin.account_id == account_id && role != AccountRole::Admin {
            return Err(AuthError::Refused(
                "You cannot change your own role: another administrator must do it, so that an administrator always remains.".into(),
            ));
        }
        self.account_at(account_id).await?;
        let mut w = self.writer(&admin.email).await?;
        check_organization(&w, role, organization_id).await?;
        let row = w
            .update::<account::Entity>(account_id, version, |row| {
                row.role = Set(role.code().to_string());
                row.organization_id = Set(organization_id);
            })
            .await?;
        w.commit().await?;
        Ok(row)
    }

    /// Deactivates (ending its sessions, pending sign-ins and unused links) or reactivates an
    /// account, as `admin`, who read it at `version`. An administrator cannot deactivate
    /// themselves.
    pub async fn set_account_active(
        &self,
        admin: &account::Model,
        account_id: i32,
        version: i32,
        active: bool,
    ) -> Result<account::Model, AuthError> {
        if admin.account_id == account_id && !active {
            return Err(AuthError::Refused(
                "You cannot deactivate your own account: another administrator must do it.".into(),
            ));
        }
        self.account_at(account_id).await?;
        let mut w = self.writer(&admin.email).await?;
        let row = w
            .update::<account::Entity>(account_id, version, |row| {
                row.active = Set(active);
            })
            .await?;
        if !active {
            let key = format!("account:{account_id}");
            w.delete_many::<session::Entity, _>(session::Column::AccountId, account_id, &key)
                .await?;
            w.delete_many::<pending_sign_in::Entity, _>(pending_sign_in::Column::AccountId, account_id, &key)
                .await?;
            w.end_links(account_id, None).await?;
        }
        w.commit().await?;
        Ok(row)
    }

    /// A new set-password link for an active account, ending every older unused link of it.
    /// Returns the account and the token.
    pub async fn reissue_link(&self, actor: &str, account_id: i32) -> Result<(account::Model, String), AuthError> {
        let account = self.account_at(account_id).await?;
        if !account.active {
            return Err(AuthError::Refused(
                "This account is deactivated: reactivate it before issuing a link.".into(),
            ));
        }
        let mut w = self.writer(actor).await?;
        let token = w.insert_link(&account, LinkPurpose::SetPassword, true).await?;
        w.commit().await?;
        Ok((account, token))
    }

    /// Records a mail about an account (kind `account`) in the mail log. The caller passes the
    /// body without the link: a link's token is never stored in the clear.
    pub async fn record_account_mail(
        &self,
        actor: &str,
        to: &str,
        subject: &str,
        body_without_link: &str,
        status: MailStatus,
        detail: &str,
    ) -> Result<(), AuthError> {
        let row = mail::ActiveModel {
            invitation_id: Set(None),
            kind: Set("account".to_string()),
            to_address: Set(to.to_string()),
            subject: Set(subject.to_string()),
            body: Set(body_without_link.to_string()),
            status: Set(status.code().to_string()),
            detail: Set(Some(detail.to_string())),
            created_at: Set(now()),
            ..Default::default()
        };
        let mut w = self.writer(actor).await?;
        let summary = serde_json::json!({ "kind": "account", "to": to, "status": status.code() });
        w.insert_many(vec![row], "mail:account", summary).await?;
        w.commit().await?;
        Ok(())
    }
}
