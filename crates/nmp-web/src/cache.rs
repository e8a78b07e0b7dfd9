//! The read cache: finished answers to public GET requests, kept in memory and served again until
//! the data change.
//!
//! - What is cached: a GET without `Cookie` or `Authorization` whose answer is a `200` marked
//!   `Cache-Control: public` (the ETag layer marks every public read so; sign-in pages say
//!   `no-store`, `/healthz` too) without `Set-Cookie`, up to [`MAX_BODY`] bytes. The key is the
//!   path, the query and the `Accept-Encoding` header (the answer is stored after compression).
//! - Invalidation: every entry is tagged with the store's data generation when its answer was
//!   begun, and only served while the generation is unchanged. This process's writes move the
//!   generation as they commit; other processes' writes (an import beside the server, other
//!   instances on PostgreSQL) are heard as they commit on PostgreSQL (`LISTEN nmp_writes`, see
//!   `nmp_store`'s generation), and otherwise (SQLite, or while that connection is lost) noticed
//!   by reading the audit head, at most every [`CHECK_EVERY`], so they show within that interval.
//! - `If-None-Match` is answered here from the stored ETag (`304`), hits or misses alike.
//! - Memory: at most [`MAX_TOTAL`] bytes of bodies; when full, the cache starts afresh.
//! - Single flight: requests that miss the same key together wait for the first one's answer
//!   instead of each building it (64 simultaneous first requests for one page would otherwise
//!   build it 64 times, and hold 64 copies in memory). A key whose answer turned out not to be
//!   kept (an error, a private or large answer) is remembered for the generation, so later
//!   requests for it run side by side instead of one after another.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use nmp_store::Store;
use tokio::sync::watch;

/// Largest answer kept.
pub(crate) const MAX_BODY: usize = 2 * 1024 * 1024;
/// Most bytes kept in all.
pub(crate) const MAX_TOTAL: usize = 64 * 1024 * 1024;
/// How often, at most, the audit head is read to notice other processes' writes.
pub(crate) const CHECK_EVERY: Duration = Duration::from_millis(500);

/// One stored answer.
struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    map: HashMap<String, Arc<Entry>>,
    bytes: usize,
    /// Keys whose answer at this generation was not kept: not worth waiting for.
    uncacheable: HashSet<String>,
}

/// The answers being built: a follower waits until the leader's sender is dropped.
type InFlight = HashMap<String, (u64, watch::Receiver<()>)>;

/// The cache, shared by every request.
pub(crate) struct ReadCache {
    store: Store,
    entries: RwLock<Entries>,
    check_every: Duration,
    started: Instant,
    /// When the audit head was last read, in milliseconds since `started` (+1, 0 = never).
    last_check_ms: AtomicU64,
    in_flight: Mutex<InFlight>,
}

/// What a request that missed does: build the answer itself (leading, if others may wait for
/// it), or wait for the request already building it.
enum Miss {
    Lead(Leader),
    Wait(watch::Receiver<()>),
    Alone,
}

/// The request building a key's answer. Dropping it (answered, failed or cancelled) wakes the
/// requests waiting for that key.
struct Leader {
    cache: Arc<ReadCache>,
    key: String,
    _done: watch::Sender<()>,
    receiver: watch::Receiver<()>,
}

impl Drop for Leader {
    fn drop(&mut self) {
        let mut in_flight = self.cache.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if in_flight
            .get(&self.key)
            .is_some_and(|(_, r)| r.same_channel(&self.receiver))
        {
            in_flight.remove(&self.key);
        }
    }
}

impl ReadCache {
    pub(crate) fn new(store: Store, check_every: Duration) -> ReadCache {
        ReadCache {
            store,
            entries: RwLock::default(),
            check_every,
            started: Instant::now(),
            last_check_ms: AtomicU64::new(0),
            in_flight: Mutex::default(),
        }
    }

    /// After a miss on `key` at `generation`: lead, wait, or (for a key known not to be kept)
    /// go alone.
    fn miss(self: &Arc<Self>, key: &str, generation: u64) -> Miss {
        {
            let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
            if entries.generation == generation && entries.uncacheable.contains(key) {
                return Miss::Alone;
            }
        }
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, receiver)) = in_flight.get(key)
            && *at == generation
        {
            return Miss::Wait(receiver.clone());
        }
        let (done, receiver) = watch::channel(());
        in_flight.insert(key.to_string(), (generation, receiver.clone()));
        Miss::Lead(Leader {
            cache: self.clone(),
            key: key.to_string(),
            _done: done,
            receiver,
        })
    }

    /// Remembers that `key`'s answer at `generation` is not kept.
    fn not_kept(&self, key: &str, generation: u64) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if generation > entries.generation {
            *entries = Entries {
                generation,
                ..Entries::default()
            };
        }
        if generation == entries.generation {
            entries.uncacheable.insert(key.to_string());
        }
    }

    /// The data generation, reading the audit head first if the last look is old and other
    /// processes' writes are not heard as they commit (PostgreSQL's `LISTEN`, when live).
    async fn generation(&self) -> u64 {
        let now = self.started.elapsed().as_millis() as u64 + 1;
        let last = self.last_check_ms.load(Ordering::Relaxed);
        let due = last == 0
            || (!self.store.hears_writes() && now.saturating_sub(last) >= self.check_every.as_millis() as u64);
        if due
            && self
                .last_check_ms
                .compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
            && let Err(e) = self.store.check_for_writes().await
        {
            tracing::warn!(error = %e, "could not read the audit head; the read cache may be stale");
        }
        self.store.data_generation()
    }

    fn get(&self, key: &str, generation: u64) -> Option<Arc<Entry>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        if entries.generation != generation {
            return None;
        }
        entries.map.get(key).cloned()
    }

    fn put(&self, key: String, generation: u64, entry: Entry) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if generation < entries.generation {
            return; // begun before a write: already stale
        }
        if generation > entries.generation || entries.bytes + entry.body.len() > MAX_TOTAL {
            *entries = Entries {
                generation,
                ..Entries::default()
            };
        }
        entries.bytes += entry.body.len();
        if let Some(old) = entries.map.insert(key, Arc::new(entry)) {
            entries.bytes -= old.body.len();
        }
    }
}

fn cacheable_request(request: &Request) -> bool {
    request.method() == Method::GET
        && !request.headers().contains_key(header::COOKIE)
        && !request.headers().contains_key(header::AUTHORIZATION)
}

fn cacheable_response(response: &Response) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|d| d.trim() == "public"))
}

/// Whether an `If-None-Match` value names `etag` (or is `*`).
pub(crate) fn etag_matches(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    if_none_match
        .as_bytes()
        .split(|b| *b == b',')
        .any(|t| t.trim_ascii() == etag.as_bytes() || t.trim_ascii() == b"*")
}

/// The answer from a stored entry: `304` if the client has it, else the stored `200`.
fn answer(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Response {
    let etag = entry.headers.get(header::ETAG);
    if let (Some(inm), Some(etag)) = (if_none_match, etag)
        && etag_matches(inm, etag)
    {
        let mut not_modified = Response::new(Body::empty());
        *not_modified.status_mut() = StatusCode::NOT_MODIFIED;
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(v) = entry.headers.get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        return not_modified;
    }
    let mut response = Response::new(Body::from(entry.body.clone()));
    *response.headers_mut() = entry.headers.clone();
    response
}

fn key(request: &Request) -> String {
    let uri = request.uri();
    let target = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    let encoding = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    let mut key = String::with_capacity(target.len() + encoding.len() + 1);
    key.push_str(&String::from_utf8_lossy(encoding));
    key.push('\n');
    key.push_str(target);
    key
}

/// The middleware: serve from the cache, or answer and keep the answer.
pub(crate) async fn serve(State(cache): State<Arc<ReadCache>>, mut request: Request, next: Next) -> Response {
    if !cacheable_request(&request) {
        return next.run(request).await;
    }
    let generation = cache.generation().await;
    let key = key(&request);
    let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
    if let Some(entry) = cache.get(&key, generation) {
        return answer(&entry, if_none_match.as_ref());
    }
    let leader = match cache.miss(&key, generation) {
        Miss::Lead(leader) => Some(leader),
        Miss::Alone => None,
        Miss::Wait(mut receiver) => {
            // Woken when the leader is done (the sender dropped), whatever its outcome.
            let _ = receiver.changed().await;
            if let Some(entry) = cache.get(&key, generation) {
                return answer(&entry, if_none_match.as_ref());
            }
            None
        }
    };
    let response = next.run(request).await;
    if !cacheable_response(&response) {
        if leader.is_some() {
            cache.not_kept(&key, generation);
        }
        return response;
    }
    let (parts, body) = response.into_parts();
    // The ETag layer inside has buffered the answer already (and refused huge ones).
    let Ok(body) = to_bytes(body, usize::MAX).await else {
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::from("the answer could not be read"))
            .expect("a plain response");
    };
    let entry = Entry {
        headers: parts.headers,
        body,
    };
    let response = answer(&entry, if_none_match.as_ref());
    if entry.body.len() <= MAX_BODY {
        cache.put(key, generation, entry);
    } else if leader.is_some() {
        cache.not_kept(&key, generation);
    }
    drop(leader);
    response
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    use super::ReadCache;

    /// How often a page was built, and the most builds that ran at once.
    #[derive(Default)]
    struct Builds {
        total: AtomicUsize,
        running: AtomicUsize,
        most_at_once: AtomicUsize,
    }

    impl Builds {
        async fn build(&self) {
            self.total.fetch_add(1, Ordering::SeqCst);
            let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
            self.most_at_once.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(200)).await;
            self.running.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// A router whose `/slow` page takes a while to build; `/missing` is a slow 404, never kept.
    fn app(cache: Arc<ReadCache>, builds: Arc<Builds>) -> Router {
        let slow = {
            let builds = builds.clone();
            move || async move {
                builds.build().await;
                "the answer"
            }
        };
        let missing = move || async move {
            builds.build().await;
            (StatusCode::NOT_FOUND, "no such page")
        };
        Router::new()
            .route("/slow", get(slow))
            .route("/missing", get(missing))
            .layer(axum::middleware::from_fn(crate::http::etag))
            .layer(axum::middleware::from_fn_with_state(cache, super::serve))
    }

    async fn burst(app: &Router, path: &str, n: usize) -> Vec<StatusCode> {
        let requests = (0..n).map(|_| {
            let app = app.clone();
            let path = path.to_string();
            tokio::spawn(async move {
                let response = app
                    .oneshot(Request::get(path).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                response.status()
            })
        });
        let mut statuses = Vec::new();
        for r in requests.collect::<Vec<_>>() {
            statuses.push(r.await.unwrap());
        }
        statuses
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn requests_missing_together_wait_for_one_answer() {
        let db = nmp_store::testing::engines().await.remove(0);
        let cache = Arc::new(ReadCache::new(db.store.clone(), Duration::from_secs(3600)));
        let builds = Arc::new(Builds::default());
        let app = app(cache, builds.clone());

        let statuses = burst(&app, "/slow", 32).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
        assert_eq!(builds.total.load(Ordering::SeqCst), 1, "built once for 32 requests");

        // An answer that is not kept: the first burst waits for the leader (the key is not known
        // yet), then each follower builds its own; from then on the key is known, and requests
        // for it run side by side.
        let builds_missing = |b: &Builds| b.total.load(Ordering::SeqCst) - 1;
        let statuses = burst(&app, "/missing", 4).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::NOT_FOUND));
        assert_eq!(builds_missing(&builds), 4, "a 404 is never served from the cache");
        builds.most_at_once.store(0, Ordering::SeqCst);
        let statuses = burst(&app, "/missing", 4).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::NOT_FOUND));
        assert_eq!(builds_missing(&builds), 8);
        assert!(
            builds.most_at_once.load(Ordering::SeqCst) > 1,
            "requests for a key known not to be kept do not wait for each other"
        );
    }
}
