//! The starter dataset: real, cited facts about national mechanisms, networks, editions and
//! initiatives, and NMP's proposed assessment frameworks, kept as TOML under `data/starter/` and
//! embedded in the binary so that `nmp seed` works anywhere. [`parse`] reads every file and checks every cross-reference before anything is
//! written; all problems are reported together, each with its file and line.

mod check;
pub mod model;

use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

pub use check::check;
use model::{
    Edition, EditionsFile, Framework, FrameworksFile, Function, FunctionsFile, Initiative, InitiativeKind,
    InitiativeKindsFile, InitiativesFile, Mechanism, MechanismsFile, Network, NetworksFile, Organization,
    OrganizationsFile, Source, SourcesFile,
};

use crate::IngestError;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../data/starter");

/// A file of the dataset: its path (as shown in messages) and its text.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// Path relative to the repository, e.g. `data/starter/mechanisms/cod.toml`.
    pub path: String,
    /// Contents.
    pub text: String,
}

/// A record and the file it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The record.
    pub value: T,
    /// Index into [`Dataset::files`].
    pub file: usize,
}

/// The parsed starter dataset.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The files it was read from.
    pub files: Vec<DataFile>,
    /// Bibliography.
    pub sources: Vec<Located<Source>>,
    /// Organisations.
    pub organizations: Vec<Located<Organization>>,
    /// Function vocabulary.
    pub functions: Vec<Located<Function>>,
    /// Mechanisms.
    pub mechanisms: Vec<Located<Mechanism>>,
    /// Networks.
    pub networks: Vec<Located<Network>>,
    /// Editions.
    pub editions: Vec<Located<Edition>>,
    /// Initiative kinds (`initiative_kinds.toml`; optional).
    pub initiative_kinds: Vec<Located<InitiativeKind>>,
    /// Initiatives (`initiatives.toml`; optional).
    pub initiatives: Vec<Located<Initiative>>,
    /// Assessment frameworks (`frameworks.toml` and `risk_frameworks.toml`; optional).
    pub frameworks: Vec<Located<Framework>>,
}

/// The dataset embedded in the binary.
pub fn embedded_files() -> Vec<DataFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<DataFile>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            out.push(DataFile {
                path: format!("data/starter/{}", file.path().display()),
                text: text.to_string(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// The dataset in a directory laid out like `data/starter/`.
pub fn files_from_dir(dir: &Path) -> Result<Vec<DataFile>, IngestError> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| IngestError::File {
            file: d.display().to_string(),
            line: None,
            message: format!("cannot read directory: {e}"),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|e| IngestError::File {
                    file: path.display().to_string(),
                    line: None,
                    message: format!("cannot read: {e}"),
                })?;
                files.push(DataFile {
                    path: path.display().to_string(),
                    text,
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn parse_file<T: DeserializeOwned>(file: &DataFile) -> Result<T, IngestError> {
    toml::from_str(&file.text).map_err(|e| {
        let message = e.message().to_string();
        // A value the vocabulary refuses is named by its key (`role: "x" is not one of ...`).
        let key = e.span().and_then(|s| key_at(&file.text, s.start));
        IngestError::File {
            file: file.path.clone(),
            line: e.span().map(|s| file.text[..s.start].matches('\n').count() + 1),
            message: match key {
                Some(key) if !message.contains(key) => format!("{key}: {message}"),
                _ => message,
            },
        }
    })
}

/// The key of the `key = value` line that holds byte `at` of `text`, if that line is one.
fn key_at(text: &str, at: usize) -> Option<&str> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.';
    (!key.is_empty() && key.chars().all(bare)).then_some(key)
}

/// Parses the files into a dataset (syntax and vocabularies only; see [`check`] for the rest).
pub fn parse(files: Vec<DataFile>) -> Result<Dataset, IngestError> {
    let mut data = Dataset::default();
    let mut errors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (index, file) in files.iter().enumerate() {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let in_mechanisms = file.path.contains("/mechanisms/") || file.path.starts_with("mechanisms/");

        let result = match (in_mechanisms, name) {
            (true, _) => parse_file::<MechanismsFile>(file).map(|f| data.mechanisms.extend(f.mechanism.into_iter().map(|value| Located { value, file: index }))),
            (false, "sources.toml") => parse_file::<SourcesFile>(file).map(|f| data.sources.extend(f.source.into_iter().map(|value| Located { value, file: index }))),
            (false, "organizations.toml") => {
                parse_file::<OrganizationsFile>(file).map(|f| data.organizations.extend(f.organization.into_iter().map(|value| Located { value, file: index })))
            }
            (false, "functions.toml") => {
                parse_file::<FunctionsFile>(file).map(|f| data.functions.extend(f.function.into_iter().map(|value| Located { value, file: index })))
            }
            (false, "networks.toml") => parse_file::<NetworksFile>(file).map(|f| data.networks.extend(f.network.into_iter().map(|value| Located { value, file: index }))),
            (false, "editions.toml") => parse_file::<EditionsFile>(file).map(|f| data.editions.extend(f.edition.into_iter().map(|value| Located { value, file: index }))),
            (false, "initiative_kinds.toml") => {
                parse_file::<InitiativeKindsFile>(file).map(|f| data.initiative_kinds.extend(f.kind.into_iter().map(|value| Located { value, file: index })))
            }
            (false, "initiatives.toml") => {
                parse_file::<InitiativesFile>(file).map(|f| data.initiatives.extend(f.initiative.into_iter().map(|value| Located { value, file: index })))
            }
            (false, "frameworks.toml" | "risk_frameworks.toml") => {
                parse_file::<FrameworksFile>(file).map(|f| data.frameworks.extend(f.framework.into_iter().map(|value| Located { value, file: index })))
            }
            (false, other) if other.ends_with(".toml") => Err(IngestError::File {
                file: file.path.clone(),
                line: None,
                message: "unknown file: expected sources, organizations, functions, networks, editions, initiative_kinds, initiatives, frameworks or risk_frameworks .toml, or mechanisms/*.toml".into(),
            }),
            _ => Ok(()),
        };
        seen.insert(name.to_string());
        if let Err(e) = result {
            errors.push(e);
        }
    }
    for required in [
        "sources.toml",
        "organizations.toml",
        "functions.toml",
        "networks.toml",
        "editions.toml",
    ] {
        if !seen.contains(required) {
            errors.push(IngestError::File {
                file: required.into(),
                line: None,
                message: "missing".into(),
            });
        }
    }
    data.files = files;
    match errors.len() {
        0 => Ok(data),
        1 => Err(errors.remove(0)),
        _ => Err(IngestError::Many(errors)),
    }
}

/// Splits a source reference `key@locator` into its key and locator.
pub fn split_ref(reference: &str) -> (&str, Option<&str>) {
    match reference.split_once('@') {
        Some((key, locator)) => (key.trim(), Some(locator.trim()).filter(|l| !l.is_empty())),
        None => (reference.trim(), None),
    }
}
