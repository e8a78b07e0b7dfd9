//! The index on disk and keeping it up to date.
//!
//! Layout of the index directory: `schema-version` (the [`SCHEMA_VERSION`] it was written
//! with), `files.json` (each indexed file's SHA-256, by key) and `tantivy/` (the index). An
//! index that is missing, of another schema version or without its file list is built from
//! scratch when opened.
//!
//! Keeping up to date ([`SearchIndex::refresh`]): when the store's data generation has moved
//! since the last refresh, every record is indexed again (records are few: this is a full
//! rebuild of the small record kinds, well under a second for the starter data), and documents
//! incrementally: only files that are new or whose SHA-256 changed are read and extracted again,
//! and the pages of files that are gone are deleted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use nmp_store::Store;
use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, INDEX_WRITER_LOCK};
use tantivy::schema::{Facet, TantivyDocument, Term};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy};
use tokio::sync::Mutex;

use crate::doc::{IndexDoc, language_of};
use crate::files::{FileRef, bytes_of, file_docs, files};
use crate::records::{Labels, labels, records};
use crate::schema::{Fields, Lang, SCHEMA_VERSION, register_analysers, schema};
use crate::{Result, SearchError};

/// The stored texts are compressed in blocks of about this size. A hit's snippet needs its stored
/// text, and reading a document decompresses its whole block: tantivy's 16 KB blocks hold about
/// three two-page documents, so most of each block was decompressed for nothing (a profile put
/// that at a tenth of a search's time); at 4 KB a document is about one block.
const DOCSTORE_BLOCK_BYTES: usize = 4096;
/// Decompressed blocks kept per segment (a few MB: a block holds one document of a few KB), so
/// the hits of a search repeated soon after are not decompressed again.
const DOCSTORE_CACHE_BLOCKS: usize = 256;

/// Memory the index writer may use for its buffers.
const WRITER_HEAP: usize = 64 * 1024 * 1024;

/// What a (re)indexing did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Record documents written.
    pub records: usize,
    /// Files read and extracted.
    pub files_read: usize,
    /// Files unchanged since the last refresh (not read).
    pub files_kept: usize,
    /// Files whose pages were removed.
    pub files_removed: usize,
    /// Page documents written.
    pub pages: usize,
    /// Files whose text could not be read.
    pub files_without_text: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// The state shared by searches and the indexer.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    pub(crate) labels: Arc<Labels>,
    /// The SHA-256 of each indexed file, by key.
    files: BTreeMap<String, String>,
    /// Why each file's text is missing, by key.
    pub(crate) missing: BTreeMap<String, String>,
    /// The data generation last indexed (`None`: never in this process).
    generation: Option<u64>,
    /// The store's audit head last indexed, by this process or (read from `files.json`) before.
    indexed_head: Option<i64>,
}

/// The search index of one database.
pub struct SearchIndex {
    dir: PathBuf,
    pub(crate) index: Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    /// The writer, opened when the index is first written to (a server whose index is current
    /// at start may never write: an open writer holds its threads and a 10,000-document queue,
    /// 2.4 MB), and taken when the index is dropped, to wait for its merges.
    writer: Mutex<Option<IndexWriter>>,
    pub(crate) shared: RwLock<Shared>,
    /// Whether the index must be built whole before it answers (new, or another schema version).
    needs_build: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct FileList {
    files: BTreeMap<String, String>,
    missing: BTreeMap<String, String>,
    /// The store's audit head the index reflects (see `Store::audit_head_id`).
    #[serde(default)]
    audit_head: Option<i64>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty, to be built) when it is missing or of
    /// another schema version. See [`SearchIndex::needs_build`].
    pub fn open(dir: impl AsRef<Path>) -> Result<SearchIndex> {
        let dir = dir.as_ref().to_path_buf();
        let version_file = dir.join("schema-version");
        let data = dir.join("tantivy");
        let version = std::fs::read_to_string(&version_file).ok();
        let list: Option<FileList> = std::fs::read(dir.join("files.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        let current = version.as_deref().map(str::trim) == Some(&SCHEMA_VERSION.to_string()) && list.is_some();
        let (schema, fields) = schema();
        let index = if current && data.is_dir() {
            Index::open_in_dir(&data).map_err(|e| SearchError::index(&dir, e))?
        } else {
            if data.exists() {
                std::fs::remove_dir_all(&data).map_err(|e| SearchError::io(&data, e))?;
            }
            std::fs::create_dir_all(&data).map_err(|e| SearchError::io(&data, e))?;
            let _ = std::fs::remove_file(&version_file);
            let settings = tantivy::IndexSettings {
                docstore_blocksize: DOCSTORE_BLOCK_BYTES,
                ..Default::default()
            };
            Index::builder()
                .schema(schema)
                .settings(settings)
                .create_in_dir(&data)
                .map_err(|e| SearchError::index(&dir, e))?
        };
        register_analysers(&index);
        refuse_if_written_elsewhere(&dir, &index)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(DOCSTORE_CACHE_BLOCKS)
            .try_into()
            .map_err(|e| SearchError::index(&dir, e))?;
        let list = list.filter(|_| current).unwrap_or(FileList {
            files: BTreeMap::new(),
            missing: BTreeMap::new(),
            audit_head: None,
        });
        Ok(SearchIndex {
            dir,
            index,
            fields,
            reader,
            writer: Mutex::new(None),
            shared: RwLock::new(Shared {
                labels: Arc::default(),
                files: list.files,
                missing: list.missing,
                generation: None,
                indexed_head: list.audit_head,
            }),
            needs_build: (!current).into(),
        })
    }

    /// The directory of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the index was missing or of another schema version when opened, and has not been
    /// built since.
    pub fn needs_build(&self) -> bool {
        self.needs_build.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Why the text of the file `key` (`archive:SLUG`, `attachment:ID`) is missing, if it is.
    pub fn missing_text(&self, key: &str) -> Option<String> {
        self.shared.read().ok()?.missing.get(key).cloned()
    }

    /// Rebuilds the index from scratch: every record and every file.
    pub async fn rebuild(&self, store: &Store) -> Result<IndexReport> {
        let mut guard = self.writer.lock().await;
        let writer = self.writer(&mut guard)?;
        self.rebuild_with(store, writer).await
    }

    async fn rebuild_with(&self, store: &Store, writer: &mut IndexWriter) -> Result<IndexReport> {
        writer
            .delete_all_documents()
            .map_err(|e| SearchError::index(&self.dir, e))?;
        if let Ok(mut s) = self.shared.write() {
            s.files.clear();
            s.missing.clear();
        }
        let report = self.update(store, writer).await?;
        // A whole build leaves one segment: a search then looks each term up once, not once per
        // segment the writer's threads made.
        let segments = self
            .index
            .searchable_segment_ids()
            .map_err(|e| SearchError::index(&self.dir, e))?;
        if segments.len() > 1 {
            off_runtime(|| {
                writer
                    .merge(&segments)
                    .wait()
                    .map_err(|e| SearchError::index(&self.dir, e))?;
                self.reader.reload().map_err(|e| SearchError::index(&self.dir, e))
            })?;
        }
        Ok(report)
    }

    /// Brings the index up to date if the store's data changed since the last refresh (or since
    /// the process started); builds it whole if it needs it. Returns `None` when nothing changed.
    pub async fn refresh(&self, store: &Store) -> Result<Option<IndexReport>> {
        let mut guard = self.writer.lock().await;
        if self.needs_build() {
            let writer = self.writer(&mut guard)?;
            return self.rebuild_with(store, writer).await.map(Some);
        }
        let generation = store.check_for_writes().await?;
        let (last, indexed_head) = self
            .shared
            .read()
            .map(|s| (s.generation, s.indexed_head))
            .unwrap_or_default();
        if last == Some(generation) {
            return Ok(None);
        }
        // The first refresh of a process: an index written after the last write is current, and
        // only the facet labels (kept in memory) are read, not the records (reading every record
        // to throw its documents away made a server's resident memory at start 20 MB larger on
        // the synthetic data). Indexing again would delete and add every record, leaving deleted
        // documents that every search steps over until a merge.
        if last.is_none() && indexed_head.is_some() && indexed_head == Some(store.audit_head_id().await?) {
            let labels = labels(store).await?;
            if let Ok(mut s) = self.shared.write() {
                s.labels = Arc::new(labels);
                s.generation = Some(generation);
            }
            return Ok(None);
        }
        let writer = self.writer(&mut guard)?;
        self.update(store, writer).await.map(Some)
    }

    /// The index's writer, opened on first use.
    fn writer<'a>(&self, guard: &'a mut Option<IndexWriter>) -> Result<&'a mut IndexWriter> {
        let writer = match guard.take() {
            Some(writer) => writer,
            None => {
                let writer: IndexWriter = self
                    .index
                    .writer(WRITER_HEAP)
                    .map_err(|e| SearchError::index(&self.dir, e))?;
                // Every change of the records deletes and adds them all again: merge a segment
                // once a third of it is deleted, so searches do not step over the old copies for
                // long.
                let mut policy = tantivy::indexer::LogMergePolicy::default();
                policy.set_del_docs_ratio_before_merge(0.3);
                writer.set_merge_policy(Box::new(policy));
                writer
            }
        };
        Ok(guard.insert(writer))
    }

    /// Refreshes only when this process wrote since the last refresh (no database query when it
    /// did not): what a search calls first, so that it sees the server's own writes at once.
    /// Other processes' writes are seen by [`SearchIndex::keep_up_to_date`].
    pub async fn refresh_if_stale(&self, store: &Store) -> Result<()> {
        let last = self.shared.read().map(|s| s.generation).unwrap_or_default();
        if self.needs_build() || last.is_some_and(|g| g < store.data_generation()) {
            self.refresh(store).await?;
        }
        Ok(())
    }

    /// Refreshes every `every` until the process ends, logging what changed and any failure.
    pub fn keep_up_to_date(self: Arc<Self>, store: Store, every: Duration) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                match self.refresh(&store).await {
                    Ok(Some(r)) => tracing::info!(
                        records = r.records,
                        files_read = r.files_read,
                        pages = r.pages,
                        elapsed_ms = r.elapsed.as_millis() as u64,
                        "search index updated"
                    ),
                    Ok(None) => {}
                    Err(e) => tracing::warn!("search index not updated: {e}"),
                }
                tokio::time::sleep(every).await;
            }
        })
    }

    async fn update(&self, store: &Store, writer: &mut IndexWriter) -> Result<IndexReport> {
        let started = Instant::now();
        let generation = store.check_for_writes().await?;
        let head = store.audit_head_id().await?;
        let mut report = IndexReport::default();
        let (docs, labels) = records(store).await?;
        off_runtime(|| {
            writer.delete_term(Term::from_field_text(self.fields.scope, "record"));
            for d in &docs {
                writer
                    .add_document(self.document(d))
                    .map_err(|e| SearchError::index(&self.dir, e))?;
            }
            Ok::<_, SearchError>(())
        })?;
        report.records = docs.len();

        let known = self.shared.read().map(|s| s.files.clone()).unwrap_or_default();
        let listed = files(store).await?;
        let mut now_files = BTreeMap::new();
        let mut missing = self.shared.read().map(|s| s.missing.clone()).unwrap_or_default();
        for file in &listed {
            now_files.insert(file.key.clone(), file.sha256.clone());
            if known.get(&file.key) == Some(&file.sha256) {
                report.files_kept += 1;
                continue;
            }
            let Some(bytes) = bytes_of(store, file).await? else {
                continue;
            };
            let pages = extract_pages(file.clone(), bytes).await?;
            writer.delete_term(Term::from_field_text(self.fields.scope, &format!("file:{}", file.key)));
            missing.remove(&file.key);
            for d in &pages {
                if let Some(why) = &d.missing {
                    missing.insert(file.key.clone(), why.clone());
                    report.files_without_text += 1;
                }
                writer
                    .add_document(self.document(d))
                    .map_err(|e| SearchError::index(&self.dir, e))?;
            }
            report.files_read += 1;
            report.pages += pages.len();
        }
        for gone in known.keys().filter(|k| !now_files.contains_key(*k)) {
            writer.delete_term(Term::from_field_text(self.fields.scope, &format!("file:{gone}")));
            missing.remove(gone);
            report.files_removed += 1;
        }
        off_runtime(|| {
            writer.commit().map_err(|e| SearchError::index(&self.dir, e))?;
            self.reader.reload().map_err(|e| SearchError::index(&self.dir, e))
        })?;
        let list = FileList {
            files: now_files.clone(),
            missing: missing.clone(),
            audit_head: Some(head),
        };
        let list_path = self.dir.join("files.json");
        let json = serde_json::to_vec(&list).map_err(|e| SearchError::Io {
            path: list_path.clone(),
            message: e.to_string(),
        })?;
        std::fs::write(&list_path, json).map_err(|e| SearchError::io(&list_path, e))?;
        let version_path = self.dir.join("schema-version");
        std::fs::write(&version_path, SCHEMA_VERSION.to_string()).map_err(|e| SearchError::io(&version_path, e))?;
        if let Ok(mut s) = self.shared.write() {
            s.labels = Arc::new(labels);
            s.files = now_files;
            s.missing = missing;
            s.generation = Some(generation);
            s.indexed_head = Some(head);
        }
        self.needs_build.store(false, std::sync::atomic::Ordering::SeqCst);
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// The tantivy document of an index document; each piece of text goes to its language's
    /// field, or to all three when its language is unknown.
    fn document(&self, d: &IndexDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, &d.key);
        doc.add_text(f.scope, &d.scope);
        doc.add_text(f.kind, d.kind.code());
        doc.add_text(f.visibility, if d.public { "public" } else { "staff" });
        doc.add_text(f.title, &d.title);
        doc.add_text(f.cognate, &d.title);
        for (lang, text) in &d.texts {
            doc.add_text(f.cognate, text);
            match language_of(*lang, text) {
                Some(l) => doc.add_text(f.text_of(l), text),
                None => {
                    for l in Lang::ALL {
                        doc.add_text(f.text_of(l), text);
                    }
                }
            }
        }
        doc.add_text(f.url, &d.url);
        doc.add_text(f.context, &d.context);
        doc.add_u64(f.page, d.page);
        if let Some(m) = &d.missing {
            doc.add_text(f.missing, m);
        }
        for (dim, value) in &d.facets {
            doc.add_facet(f.facet, Facet::from_path([dim.code(), value.as_str()]));
        }
        if let Some(l) = &d.language {
            doc.add_text(f.language, l);
        }
        doc
    }
}

/// Refuses an index that another process is writing (another `nmp serve` on the same database
/// and search folder), as opening its writer would, without opening one: takes and at once
/// releases the writer's own lock (tantivy's `INDEX_WRITER_LOCK`, an exclusive `flock` held while
/// a writer is open), which is busy while another process has its writer open.
fn refuse_if_written_elsewhere(dir: &Path, index: &Index) -> Result<()> {
    match index.directory().acquire_lock(&INDEX_WRITER_LOCK) {
        Ok(_released_here) => Ok(()),
        Err(LockError::LockBusy) => Err(SearchError::Io {
            path: dir.to_path_buf(),
            message: "another process is writing this index (another nmp serve on the same \
                      database?): give each server its own search_dir"
                .into(),
        }),
        Err(LockError::IoError(e)) => Err(SearchError::Io {
            path: dir.to_path_buf(),
            message: format!("cannot take the index's writer lock: {e}"),
        }),
    }
}

impl Drop for SearchIndex {
    /// Waits for the writer's merges to finish, so that a closed index no longer writes to its
    /// directory (the next opening may remove it and build anew).
    fn drop(&mut self) {
        if let Some(writer) = self.writer.get_mut().take()
            && let Err(e) = writer.wait_merging_threads()
        {
            tracing::warn!(dir = %self.dir.display(), "search index merges did not finish: {e}");
        }
    }
}

/// Extracts a file's pages off the async threads (PDF extraction can take a while).
async fn extract_pages(file: FileRef, bytes: Vec<u8>) -> Result<Vec<IndexDoc>> {
    tokio::task::spawn_blocking(move || file_docs(&file, &bytes))
        .await
        .map_err(|e| SearchError::Io {
            path: PathBuf::new(),
            message: format!("text extraction stopped: {e}"),
        })
}

/// Runs `work` (indexing, a commit: CPU and disk, no `.await`) so that it does not hold up the
/// server's other requests: on a multi-threaded runtime the worker hands its other tasks on
/// first (`block_in_place`); elsewhere (tests, commands) it simply runs.
fn off_runtime<T>(work: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => tokio::task::block_in_place(work),
        _ => work(),
    }
}
