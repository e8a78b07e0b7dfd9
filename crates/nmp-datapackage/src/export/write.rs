//! Writing a data package to a directory, all or nothing: the files go into a temporary directory
//! next to the target, which is renamed into place only when every file is written. A failure
//! removes the temporary directory, so it never leaves a half-written package behind.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::package::DataPackage;
use crate::DataPackageError;

static NEXT: AtomicU32 = AtomicU32::new(0);

fn failed(path: &Path, message: impl std::fmt::Display) -> DataPackageError {
    DataPackageError::Write {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

impl DataPackage {
    /// Writes every file into `dir`, which must not exist or be empty; its parent directories
    /// are created. Either all files are written or, on error, nothing is left behind.
    pub fn write_to(&self, dir: &Path) -> Result<(), DataPackageError> {
        let existed = match fs::read_dir(dir) {
            Ok(mut entries) => {
                if entries.next().is_some() {
                    return Err(failed(
                        dir,
                        "the directory exists and is not empty; name a new or empty directory",
                    ));
                }
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(failed(dir, e)),
        };
        let name = dir
            .file_name()
            .ok_or_else(|| failed(dir, "does not name a directory"))?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| failed(&parent, e))?;
        let temp = parent.join(format!(
            ".{}.partial-{}-{}",
            name.to_string_lossy(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        fs::create_dir(&temp).map_err(|e| failed(&temp, e))?;
        let result = self.write_files(&temp).and_then(|()| {
            if existed {
                // Empty (checked above); a rename onto a directory is not portable.
                fs::remove_dir(dir).map_err(|e| failed(dir, e))?;
            }
            fs::rename(&temp, dir).map_err(|e| {
                if existed {
                    // Put back the empty directory the caller gave.
                    let _ = fs::create_dir(dir);
                }
                failed(dir, e)
            })
        });
        if result.is_err() {
            // Best effort: the error being returned is the one that matters.
            let _ = fs::remove_dir_all(&temp);
        }
        result
    }

    fn write_files(&self, temp: &Path) -> Result<(), DataPackageError> {
        for (name, bytes) in &self.files {
            let plain = !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0']);
            if !plain {
                return Err(failed(Path::new(name), "a package file name must be a plain file name"));
            }
            let path = temp.join(name);
            let mut file = fs::File::create_new(&path).map_err(|e| failed(&path, e))?;
            file.write_all(bytes).map_err(|e| failed(&path, e))?;
            file.sync_all().map_err(|e| failed(&path, e))?;
        }
        Ok(())
    }
}
