//! A build's outputs: the files of `report.pdf`, `site/`, `data/` and `edition.json` that a
//! [`crate::ReportBuild`] makes ([`Output`]), written all or nothing into a new directory
//! ([`write_all_or_nothing`]) or packed into one ZIP archive ([`zip()`]). The command line
//! (`nmp report build`) and the workspace's build button use the same functions, so both give
//! the same files.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ReportError;

/// What a build made.
#[derive(Debug, Clone)]
pub struct Output {
    /// Relative paths (`/` separated) and contents, `report.pdf` first.
    pub files: Vec<(String, Vec<u8>)>,
    /// Pages of the PDF.
    pub pages: usize,
    /// SHA-256 of the PDF (hex).
    pub pdf_sha256: String,
    /// SHA-256 of the snapshot it was built from (hex).
    pub snapshot_sha256: String,
    /// Whether the pages say DRAFT.
    pub draft: bool,
    /// Typst warnings, each with file and line.
    pub warnings: Vec<String>,
}

impl Output {
    /// The PDF's bytes.
    pub fn pdf(&self) -> &[u8] {
        self.files
            .iter()
            .find(|(name, _)| name == "report.pdf")
            .map(|(_, b)| b.as_slice())
            .unwrap_or_default()
    }
}

/// An output error: the path and what went wrong.
fn io_error(path: &Path, what: &str, e: impl std::fmt::Display) -> ReportError {
    ReportError::Output(format!("{what} {}: {e}", path.display()))
}

/// Refuses a target that exists and is not an empty directory.
pub fn check_target(out: &Path) -> Result<(), ReportError> {
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(ReportError::Output(format!(
                    "{} is not empty: choose a new or empty directory",
                    out.display()
                )));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(out, "cannot use as the output directory", e)),
    }
}

/// Whether `name` is a plain relative path: no empty, `.` or `..` parts.
fn plain(name: &str) -> bool {
    !name
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
}

/// Writes the files (relative paths, `/` separated) into a temporary directory beside `out`,
/// then renames it to `out`. On error nothing is left behind.
pub fn write_all_or_nothing(out: &Path, files: &[(String, Vec<u8>)]) -> Result<(), ReportError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> Result<(), ReportError> {
        std::fs::create_dir_all(&tmp).map_err(|e| io_error(&tmp, "cannot create", e))?;
        for (file, bytes) in files {
            if !plain(file) {
                return Err(ReportError::Output(format!(
                    "refusing to write {file:?}: not a plain relative path"
                )));
            }
            let path = tmp.join(file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| io_error(dir, "cannot create", e))?;
            }
            std::fs::write(&path, bytes).map_err(|e| io_error(&path, "cannot write", e))?;
        }
        check_target(out)?;
        if out.exists() {
            std::fs::remove_dir(out).map_err(|e| io_error(out, "cannot replace", e))?;
        }
        std::fs::rename(&tmp, out).map_err(|e| io_error(out, "cannot move the report into", e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// The files as one ZIP archive under the folder `root`, every entry dated `date` (year,
/// month, day; clamped to what ZIP can hold), so the same files give the same archive.
pub fn zip(root: &str, files: &[(String, Vec<u8>)], date: (i32, u8, u8)) -> Result<Vec<u8>, ReportError> {
    let bad = |e: zip::result::ZipError| ReportError::Output(format!("cannot pack the archive: {e}"));
    let (y, m, d) = date;
    let year = u16::try_from(y.clamp(1980, 2107)).unwrap_or(1980);
    let stamp = zip::DateTime::from_date_and_time(year, m, d, 0, 0, 0).unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        if !plain(name) {
            return Err(ReportError::Output(format!(
                "refusing to pack {name:?}: not a plain relative path"
            )));
        }
        writer.start_file(format!("{root}/{name}"), options).map_err(bad)?;
        writer
            .write_all(bytes)
            .map_err(|e| ReportError::Output(format!("cannot pack {name}: {e}")))?;
    }
    Ok(writer.finish().map_err(bad)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
        list.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect()
    }

    #[test]
    fn writes_into_a_new_directory_and_refuses_a_full_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_all_or_nothing(&out, &files(&[("a.txt", b"one"), ("site/b.txt", b"two")])).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        assert_eq!(std::fs::read(out.join("site/b.txt")).unwrap(), b"two");
        let err = check_target(&out).unwrap_err().to_string();
        assert!(err.contains("not empty") && err.contains("out"), "{err}");
        // No temporary directory is left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out")]);
    }

    #[test]
    fn an_empty_directory_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        check_target(dir.path()).unwrap();
        write_all_or_nothing(dir.path(), &files(&[("report.pdf", b"%PDF-")])).unwrap();
        assert!(dir.path().join("report.pdf").exists());
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let err = write_all_or_nothing(&out, &files(&[("a.txt", b"one"), ("../escape.txt", b"no")])).unwrap_err();
        assert!(err.to_string().contains("escape.txt"), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing half-written"
        );
    }

    #[test]
    fn the_archive_holds_the_files_and_is_the_same_each_time() {
        let list = files(&[("report.pdf", b"%PDF-1.7 x"), ("site/index.html", b"<html>")]);
        let a = zip("nmp-2017", &list, (2017, 11, 1)).unwrap();
        let b = zip("nmp-2017", &list, (2017, 11, 1)).unwrap();
        assert_eq!(a, b, "byte-identical archives");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("nmp-2017/site/index.html").unwrap(), &mut text).unwrap();
        assert_eq!(text, "<html>");
        assert!(zip("x", &files(&[("../a", b"")]), (2017, 1, 1)).is_err());
    }
}
