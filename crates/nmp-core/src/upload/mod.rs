//! What an uploaded file must be before it is stored or opened, checked from its bytes alone:
//! one of the accepted kinds ([`ALLOWED`], by extension), with content that is what the extension
//! says (a PDF starts `%PDF-`, a DOC is an OLE file, a text file is UTF-8 without NUL bytes, ...),
//! and for the ZIP-based documents (DOCX, XLSX, ODT) a package that is neither a "zip bomb" nor
//! an archive carrying other archives ([`package`]).
//!
//! [`check`] is pure (bytes in, the kind or an [`UploadProblem`] out) and is a fuzz target; the
//! limits on size and number of files are enforced earlier, while a request is read (see
//! `nmp_collect::attach` and the web server's upload reader).

pub mod package;

use std::fmt;

pub use package::{Package, PackageProblem};

/// An accepted kind of file: its extensions, its media type, and what people call it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    /// Extensions, lower case, without the dot.
    pub extensions: &'static [&'static str],
    /// The media type it is stored and served with.
    pub media_type: &'static str,
    /// What people call it: "Word (DOCX)".
    pub label: &'static str,
}

/// The kinds of file a respondent may attach.
pub const ALLOWED: &[Kind] = &[
    Kind {
        extensions: &["pdf"],
        media_type: "application/pdf",
        label: "PDF",
    },
    Kind {
        extensions: &["doc"],
        media_type: "application/msword",
        label: "Word 97-2003 (DOC)",
    },
    Kind {
        extensions: &["docx"],
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        label: "Word (DOCX)",
    },
    Kind {
        extensions: &["odt"],
        media_type: "application/vnd.oasis.opendocument.text",
        label: "OpenDocument text (ODT)",
    },
    Kind {
        extensions: &["xlsx"],
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        label: "Excel (XLSX)",
    },
    Kind {
        extensions: &["csv"],
        media_type: "text/csv",
        label: "CSV",
    },
    Kind {
        extensions: &["txt"],
        media_type: "text/plain",
        label: "plain text (TXT)",
    },
    Kind {
        extensions: &["png"],
        media_type: "image/png",
        label: "PNG",
    },
    Kind {
        extensions: &["jpg", "jpeg"],
        media_type: "image/jpeg",
        label: "JPEG",
    },
];

/// The accepted kinds, for messages and help text: "PDF, DOC, DOCX, ...".
pub fn allowed_list() -> String {
    ALLOWED
        .iter()
        .flat_map(|k| k.extensions.iter().map(|e| e.to_uppercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why an uploaded file was refused. The text names the file and says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadProblem {
    /// No bytes.
    Empty {
        /// The file's name.
        file: String,
    },
    /// An extension not in [`ALLOWED`].
    NotAccepted {
        /// The file's name.
        file: String,
    },
    /// Content that is not what the extension says.
    NotWhatItSays {
        /// The file's name.
        file: String,
        /// What its extension says it is.
        label: &'static str,
    },
    /// A DOCX, XLSX or ODT whose package was refused.
    Package {
        /// The file's name.
        file: String,
        /// What its extension says it is.
        label: &'static str,
        /// Why.
        problem: PackageProblem,
    },
}

impl fmt::Display for UploadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UploadProblem::Empty { file } => write!(f, "{file} is empty"),
            UploadProblem::NotAccepted { file } => write!(
                f,
                "{file}: this kind of file is not accepted; please send one of {}",
                allowed_list()
            ),
            UploadProblem::NotWhatItSays { file, label } => write!(
                f,
                "{file} is named as {label} but its content is not {label}; please check the file, or save it in one of {}",
                allowed_list()
            ),
            UploadProblem::Package { file, label, problem } => {
                write!(f, "{file} was refused as {label}: {problem}")
            }
        }
    }
}

impl std::error::Error for UploadProblem {}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];

/// The lower-case extension of a file name, or "".
pub fn extension(file: &str) -> String {
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Checks a file named `file` (already without folders) from its bytes: an accepted kind by its
/// extension, content that is that kind, and for DOCX, XLSX and ODT a plausible package
/// ([`package::check`]). Returns the kind.
///
/// Pure: whatever `file` and `bytes` are, it returns (a fuzz target).
pub fn check(file: &str, bytes: &[u8]) -> Result<&'static Kind, UploadProblem> {
    if bytes.is_empty() {
        return Err(UploadProblem::Empty { file: file.into() });
    }
    let ext = extension(file);
    let Some(kind) = ALLOWED.iter().find(|k| k.extensions.contains(&ext.as_str())) else {
        return Err(UploadProblem::NotAccepted { file: file.into() });
    };
    let not_it = || UploadProblem::NotWhatItSays {
        file: file.into(),
        label: kind.label,
    };
    let package = match ext.as_str() {
        "docx" => Some(Package::Docx),
        "xlsx" => Some(Package::Xlsx),
        "odt" => Some(Package::Odt),
        _ => None,
    };
    if let Some(package) = package {
        if !bytes.starts_with(ZIP) {
            return Err(not_it());
        }
        return match package::check(bytes, package) {
            Ok(_) => Ok(kind),
            Err(PackageProblem::NotThePackage(_)) => Err(not_it()),
            Err(problem) => Err(UploadProblem::Package {
                file: file.into(),
                label: kind.label,
                problem,
            }),
        };
    }
    let matches = match ext.as_str() {
        "pdf" => bytes.starts_with(b"%PDF-"),
        "doc" => bytes.starts_with(OLE),
        "png" => bytes.starts_with(PNG),
        "jpg" | "jpeg" => bytes.starts_with(JPEG),
        "csv" | "txt" => {
            let binary = [b"%PDF-".as_slice(), ZIP, OLE, PNG, JPEG]
                .iter()
                .any(|m| bytes.starts_with(m));
            !binary && !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
        }
        _ => false,
    };
    if matches { Ok(kind) } else { Err(not_it()) }
}

#[cfg(test)]
mod tests;
