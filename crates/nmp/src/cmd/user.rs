//! `nmp user`: staff accounts from the command line.
//!
//! - `nmp user add --email E --name N --role R [--organization SLUG]` creates an account (a
//!   partner's with the organisation they work for) and prints a one-time link where the person
//!   sets their password;
//! - `nmp user reset --email E` prints a new one-time link for a forgotten password (the web
//!   platform does not send email yet);
//! - `nmp user reset-two-factor --email E` removes an account's lost second factor (for the last
//!   administrator, who has nobody to do it on the web);
//! - `nmp user list` lists the accounts.
//!
//! Administrators do the same on the web (`/staff/accounts`), through the same store use cases.
//!
//! Links are printed once and stored only as a hash; they use the configured `addr`.

use anyhow::Context;
use clap::Subcommand;
use nmp_core::vocab::AccountRole;
use nmp_store::auth::{LinkPurpose, NewAccount};
use nmp_store::entity::organization;

use crate::config::Config;

/// Who the audit log names for these commands.
const ACTOR: &str = "system:nmp-user";

/// What to do with accounts.
#[derive(Subcommand, Debug)]
pub(crate) enum UserAction {
    /// Create an account and print a one-time link to set its password
    Add {
        /// Email address (unique; it signs in with it)
        #[arg(long)]
        email: String,
        /// The person's name
        #[arg(long)]
        name: String,
        /// Role: admin, editor, researcher, student, reviewer or partner
        #[arg(long)]
        role: String,
        /// For a partner: the slug of the organisation they work for (its profiles and edition
        /// parts are what they may propose changes to)
        #[arg(long)]
        organization: Option<String>,
    },
    /// Print a new one-time link to reset an account's password
    Reset {
        /// The account's email
        #[arg(long)]
        email: String,
    },
    /// Remove an account's second factor (two-factor sign-in) and recovery codes, when the person
    /// lost them: they sign in with their password alone, or set up a new one if their role must
    /// have it
    ResetTwoFactor {
        /// The account's email
        #[arg(long)]
        email: String,
    },
    /// List the accounts
    List,
}

pub(crate) async fn run(config: &Config, action: UserAction) -> anyhow::Result<()> {
    match action {
        UserAction::Add {
            email,
            name,
            role,
            organization,
        } => {
            let role = AccountRole::parse("role", role.trim())?;
            let store = super::open(config).await?;
            let organization_id = match (role, organization.as_deref()) {
                (AccountRole::Partner, None) => {
                    anyhow::bail!("--organization: a partner account needs the slug of its organisation")
                }
                (AccountRole::Partner, Some(slug)) => {
                    let found = store
                        .rows_where::<organization::Entity, _>(organization::Column::Slug, [slug.trim().to_string()])
                        .await?;
                    match found.first() {
                        Some(o) => Some(o.organization_id),
                        None => anyhow::bail!("--organization: no organisation has the slug {slug:?}"),
                    }
                }
                (_, Some(_)) => anyhow::bail!("--organization: only partner accounts belong to an organisation"),
                (_, None) => None,
            };
            let new = NewAccount {
                email,
                name,
                role,
                organization_id,
            };
            let (account, token) = store
                .add_account(ACTOR, &new)
                .await
                .context("creating the account and its set-password link")?;
            println!("created account {} ({}, {})", account.email, account.name, role.code());
            println!(
                "one-time link to set the password (valid {} days, works once):",
                LinkPurpose::SetPassword.lifetime().whole_days()
            );
            println!("{}", link(config, &token));
        }
        UserAction::Reset { email } => {
            let store = super::open(config).await?;
            let (account, token) = store.issue_link(ACTOR, &email, LinkPurpose::ResetPassword).await?;
            println!(
                "one-time link to reset the password of {} (valid {} hours, works once):",
                account.email,
                LinkPurpose::ResetPassword.lifetime().whole_hours()
            );
            println!("{}", link(config, &token));
        }
        UserAction::ResetTwoFactor { email } => {
            let store = super::open(config).await?;
            let Some(account) = store.account_by_email(&email).await? else {
                anyhow::bail!("--email: there is no account with email {}", email.trim());
            };
            if store.reset_two_factor(ACTOR, account.account_id).await? {
                println!(
                    "removed the second factor of {}: they sign in with their password (and set up a new one if their role must have it)",
                    account.email
                );
            } else {
                println!("{} had no second factor; nothing to remove", account.email);
            }
        }
        UserAction::List => {
            let store = super::open(config).await?;
            let accounts = store.account_rows().await?;
            if accounts.is_empty() {
                println!("no accounts (add one with `nmp user add --email E --name N --role R`)");
            }
            for row in accounts {
                let a = row.account;
                let two_factor = if row.two_factor {
                    "two-factor on"
                } else {
                    "two-factor off"
                };
                let password = if a.password_hash.is_some() {
                    "password set"
                } else {
                    "no password"
                };
                let active = if a.active { "active" } else { "inactive" };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    a.email, a.name, a.role, active, password, two_factor
                );
            }
        }
    }
    Ok(())
}

fn link(config: &Config, token: &str) -> String {
    format!("http://{}/set-password/{token}", config.addr)
}
