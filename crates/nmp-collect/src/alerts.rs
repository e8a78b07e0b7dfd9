//! The watchlist's mail: after alerts are raised (`Store::raise_forecast_alerts`,
//! `Store::raise_assessment_alert`), each follower gets one message listing theirs, sent (or
//! filed in the outbox) and recorded in `mail` through [`deliver`](crate::invite::deliver),
//! like invitations and reminders. A failed delivery is recorded, not an error: the alerts stay
//! on the follower's workspace either way.

use std::collections::BTreeMap;

use nmp_mail::{Mail, Mailer};
use nmp_store::Store;
use nmp_store::entity::{account, mail, watch_alert};

use crate::CollectError;
use crate::invite::deliver;

/// The message to `who` about `alerts` (theirs), with links under `base_url`.
pub fn message(who: &account::Model, alerts: &[&watch_alert::Model], base_url: &str) -> Mail {
    let base = base_url.trim_end_matches('/');
    let subject = match alerts {
        [one] => format!("Watchlist: {}", one.message.trim_end_matches('.')),
        _ => format!("Watchlist: {} alerts on the states you follow", alerts.len()),
    };
    let mut body = format!("Dear {},\n\n", who.name);
    body.push_str("The states you follow on your watchlist moved:\n\n");
    for a in alerts {
        body.push_str(&format!(
            "- {}\n  {base}/countries/{}\n",
            a.message,
            a.country_iso3.to_lowercase()
        ));
    }
    body.push_str(&format!(
        "\nThe alerts are on your workspace ({base}/staff), where you can mark them as read; you choose what you follow at {base}/staff/watchlist.\n\nA statistical forecast says which states resemble those where mass killings began; it is not a prediction that one will.\n"
    ));
    Mail {
        to: who.email.clone(),
        subject,
        body,
    }
}

/// Mails `alerts` to their followers, one message each (inactive accounts get none), and
/// returns the `mail` rows written.
pub async fn mail_alerts(
    store: &Store,
    mailer: &Mailer,
    base_url: &str,
    alerts: &[watch_alert::Model],
) -> Result<Vec<mail::Model>, CollectError> {
    let mut by_account: BTreeMap<i32, Vec<&watch_alert::Model>> = BTreeMap::new();
    for a in alerts {
        by_account.entry(a.account_id).or_default().push(a);
    }
    let mut sent = Vec::new();
    for (account_id, theirs) in by_account {
        let Some(who) = store.get::<account::Entity>(account_id).await? else {
            continue;
        };
        if !who.active {
            continue;
        }
        sent.push(deliver(store, mailer, None, "alert", message(&who, &theirs, base_url)).await?);
    }
    Ok(sent)
}
