//! The model's files in an EWP release directory, found by name: the coefficient file
//! (`coefficients_<date>.csv`) and, when the release has it, the panel the model was trained on
//! (`prepared<B>predictors-<date>.csv`). The forecasts file is found by `nmp import ewp`'s rules
//! (the `nmp` binary asks `nmp_ingest`).

use std::path::{Path, PathBuf};

use crate::RiskError;

/// The model's files of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFiles {
    /// The coefficient file.
    pub coefficients: PathBuf,
    /// The training panel, when present.
    pub panel: Option<PathBuf>,
}

fn is_coefficients(name: &str) -> bool {
    name.starts_with("coefficients") && name.ends_with(".csv")
}

fn is_panel(name: &str) -> bool {
    name.starts_with("prepared") && name.contains("predictors") && name.ends_with(".csv")
}

/// Finds exactly one coefficient file and at most one panel in `dir`.
pub fn locate(dir: &Path) -> Result<ModelFiles, RiskError> {
    let here = dir.display().to_string();
    let listing = std::fs::read_dir(dir)
        .map_err(|e| RiskError::at(&here, None, None, format!("cannot read the directory: {e}")))?;
    let (mut coefficients, mut panels) = (Vec::new(), Vec::new());
    for entry in listing {
        let entry = entry.map_err(|e| RiskError::at(&here, None, None, format!("cannot read the directory: {e}")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_coefficients(&name) {
            coefficients.push(entry.path());
        } else if is_panel(&name) {
            panels.push(entry.path());
        }
    }
    coefficients.sort();
    panels.sort();
    let names = |v: &[PathBuf]| {
        v.iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let coefficients = match coefficients.len() {
        0 => {
            return Err(RiskError::at(
                &here,
                None,
                None,
                "no coefficient file here (coefficients_<date>.csv)",
            ));
        }
        1 => coefficients.remove(0),
        n => {
            return Err(RiskError::at(
                &here,
                None,
                None,
                format!(
                    "{n} coefficient files here ({}); keep exactly one",
                    names(&coefficients)
                ),
            ));
        }
    };
    if panels.len() > 1 {
        return Err(RiskError::at(
            &here,
            None,
            None,
            format!("{} panels here ({}); keep at most one", panels.len(), names(&panels)),
        ));
    }
    Ok(ModelFiles {
        coefficients,
        panel: panels.pop(),
    })
}
