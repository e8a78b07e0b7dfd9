//! The failed-sign-in log, for administrators: the latest failed and throttled sign-in attempts
//! (the email typed, the client address, when) and, per client, how many failures and how many
//! different emails, so password spraying from one address stands out.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::review::timestamp;
use super::{Admins, Nav, render};
use crate::AppState;
use crate::auth::{Staff, WorkspaceError};

/// Attempts shown.
const SHOWN: u64 = 500;

/// One attempt, for people.
struct AttemptRow {
    when: String,
    email: String,
    client: String,
    throttled: bool,
}

/// One client's attempts among those shown.
struct ClientRow {
    client: String,
    failed: usize,
    throttled: usize,
    emails: usize,
    last: String,
}

#[derive(Template)]
#[template(path = "staff/sign_ins.html")]
struct SignInsPage {
    nav: Nav,
    shown: u64,
    attempts: Vec<AttemptRow>,
    clients: Vec<ClientRow>,
}

impl SignInsPage {
    /// The word the introduction sets in italics: "Throttled".
    fn throttled_html(&self) -> String {
        format!(
            "<em>{}</em>",
            super::escape(&crate::lang::t("st-sign-ins-throttled-word"))
        )
    }
}

pub(super) async fn log(State(state): State<AppState>, staff: Staff<Admins>) -> Result<Response, WorkspaceError> {
    let entries = state.store.sign_in_log(SHOWN).await?;
    let mut by_client: BTreeMap<&str, (usize, usize, Vec<&str>, String)> = BTreeMap::new();
    for e in &entries {
        let c = by_client
            .entry(e.client.as_str())
            .or_insert_with(|| (0, 0, Vec::new(), timestamp(e.at)));
        if e.throttled {
            c.1 += 1;
        } else {
            c.0 += 1;
        }
        if !c.2.contains(&e.email.as_str()) {
            c.2.push(e.email.as_str());
        }
    }
    let mut clients: Vec<ClientRow> = by_client
        .into_iter()
        .map(|(client, (failed, throttled, emails, last))| ClientRow {
            client: client.to_string(),
            failed,
            throttled,
            emails: emails.len(),
            last,
        })
        .collect();
    clients.sort_by_key(|c| std::cmp::Reverse(c.failed + c.throttled));
    let view = SignInsPage {
        nav: Nav::of(&staff),
        shown: SHOWN,
        clients,
        attempts: entries
            .into_iter()
            .map(|e| AttemptRow {
                when: timestamp(e.at),
                email: e.email,
                client: e.client,
                throttled: e.throttled,
            })
            .collect(),
    };
    Ok(render(StatusCode::OK, &view))
}
