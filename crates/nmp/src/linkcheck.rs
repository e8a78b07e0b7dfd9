//! Visiting the sources' URLs for `nmp sources check`: concurrently but politely (at most
//! `concurrency` requests at once and `per_host` to any one host, a User-Agent naming NMP, a
//! timeout per URL), following redirects, and hashing each successful answer's body as it
//! streams in. What came back is classified and stored by `nmp_store::linkcheck`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use nmp_store::linkcheck::{Fetched, LinkTarget};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// How to visit.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Requests at once, over all hosts.
    pub concurrency: usize,
    /// Requests at once to one host.
    pub per_host: usize,
    /// The longest one URL may take, answer and body included.
    pub timeout: Duration,
    /// The User-Agent header.
    pub user_agent: String,
}

/// At most this many redirects are followed.
const MAX_REDIRECTS: usize = 10;

/// Visits every target and returns what each answered, in the targets' order; `progress` is
/// called as each visit ends, with how many have ended.
pub(crate) async fn visit_all(
    targets: &[LinkTarget],
    options: &Options,
    progress: impl Fn(usize, &LinkTarget, &Fetched),
) -> anyhow::Result<Vec<Fetched>> {
    let client = reqwest::Client::builder()
        .user_agent(options.user_agent.clone())
        .timeout(options.timeout)
        .connect_timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .build()?;
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    for t in targets {
        hosts
            .entry(host(&t.url))
            .or_insert_with(|| Arc::new(Semaphore::new(options.per_host.max(1))));
    }
    let mut done = 0;
    let mut results: Vec<Option<Fetched>> = vec![None; targets.len()];
    let mut visits = futures_util::stream::iter(targets.iter().enumerate())
        .map(|(i, t)| {
            let client = client.clone();
            let gate = hosts[&host(&t.url)].clone();
            let timeout = options.timeout;
            async move {
                let _permit = gate.acquire_owned().await;
                (i, visit(&client, t, timeout).await)
            }
        })
        .buffer_unordered(options.concurrency.max(1));
    while let Some((i, fetched)) = visits.next().await {
        done += 1;
        progress(done, &targets[i], &fetched);
        results[i] = Some(fetched);
    }
    Ok(results.into_iter().flatten().collect())
}

/// The host part of a URL (the whole text when it does not parse, so each such URL is its own
/// "host" and the visit reports the parse error).
fn host(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| format!("{h}:{}", u.port_or_known_default().unwrap_or(0)))
        })
        .unwrap_or_else(|| url.to_string())
}

/// One visit: the status after redirects, where they ended, and the body's SHA-256 when the
/// status is below 400; or why no answer came.
async fn visit(client: &reqwest::Client, target: &LinkTarget, timeout: Duration) -> Fetched {
    let mut fetched = Fetched {
        source_id: target.source_id,
        url: target.url.clone(),
        ..Default::default()
    };
    let answer = match client.get(&target.url).send().await {
        Ok(a) => a,
        Err(e) => {
            fetched.error = Some(describe(&e, timeout));
            fetched.checked_at = Some(time::OffsetDateTime::now_utc());
            return fetched;
        }
    };
    let status = answer.status().as_u16();
    fetched.final_url = Some(answer.url().to_string());
    if status < 400 {
        let mut hasher = Sha256::new();
        let mut body = answer;
        loop {
            match body.chunk().await {
                Ok(Some(bytes)) => hasher.update(&bytes),
                Ok(None) => {
                    fetched.status_code = Some(i32::from(status));
                    fetched.content_sha256 = Some(hex::encode(hasher.finalize()));
                    break;
                }
                Err(e) => {
                    // The answer began but its body did not arrive: no answer to compare.
                    fetched.final_url = None;
                    fetched.error = Some(format!("the body did not arrive: {}", describe(&e, timeout)));
                    break;
                }
            }
        }
    } else {
        fetched.status_code = Some(i32::from(status));
    }
    fetched.checked_at = Some(time::OffsetDateTime::now_utc());
    fetched
}

/// A short, plain reason for a failed visit.
fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    if e.is_timeout() {
        return format!("timed out after {} s", timeout.as_secs_f64());
    }
    if e.is_redirect() {
        return format!("more than {MAX_REDIRECTS} redirects");
    }
    if e.is_builder() {
        return format!("not a URL that can be visited: {e}");
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
