//! Helpers shared by the starter-dataset tests: the embedded files with one edit, and loading
//! files that must be refused with nothing written.

use nmp_ingest::seed::seed_files;
use nmp_ingest::starter::{DataFile, embedded_files};
use nmp_store::testing::engines;

/// The embedded starter files with the first `from` in the file whose path ends with
/// `path_suffix` replaced by `to`.
pub fn with_replaced(path_suffix: &str, from: &str, to: &str) -> Vec<DataFile> {
    let mut files = embedded_files();
    let file = files
        .iter_mut()
        .find(|f| f.path.ends_with(path_suffix))
        .expect("file exists");
    assert!(file.text.contains(from), "{from:?} not in {path_suffix}");
    file.text = file.text.replacen(from, to, 1);
    files
}

/// Loading `files` fails; nothing is written. The error's text.
pub async fn rejected(files: Vec<DataFile>) -> String {
    let db = engines().await.remove(0);
    let err = seed_files(&db.store, files).await.unwrap_err().to_string();
    let counts = db.store.counts().await.unwrap();
    assert!(counts.values().all(|n| *n == 0), "nothing may be written: {counts:?}");
    db.finish().await;
    err
}
