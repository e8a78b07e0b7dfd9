//! The author's manuscript: what it must hold (title, abstract, keywords, authors with
//! affiliations and checked ORCID iDs, a competing-interests statement, consent to the edition's
//! licence, a Markdown text whose citations name sources and records NMP holds), and its
//! submission as a new, immutable version with the references it makes.

use std::collections::BTreeMap;

use nmp_core::ValidationError;
use nmp_core::vocab::{EssayStage, EssayVersionKind};
use nmp_essay::markdown::{RefKey, Reference};
use nmp_essay::orcid::Orcid;
use nmp_store::entity::{essay, essay_reference, essay_version};
use nmp_store::essays::EssayFile;
use nmp_store::{Set, Store};
use serde::{Deserialize, Serialize};

use super::{edition_of, open_author_link, require_stage};
use crate::{CollectError, invalid};

/// The longest abstract, in words.
pub const ABSTRACT_WORDS: usize = 300;
/// The most keywords.
pub const MAX_KEYWORDS: usize = 10;

/// One author as printed: name, affiliation, ORCID iD.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorLine {
    /// Name as printed.
    pub name: String,
    /// Affiliation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// ORCID iD (`0000-0002-1825-0097`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orcid: Option<String>,
}

/// What an author (or the copyeditor) submits.
#[derive(Clone, Debug, Default)]
pub struct Manuscript {
    /// Title.
    pub title: String,
    /// Abstract (plain text, at most [`ABSTRACT_WORDS`] words).
    pub abstract_text: String,
    /// Keywords, separated by commas or new lines.
    pub keywords: String,
    /// The authors, in order.
    pub authors: Vec<AuthorLine>,
    /// Competing interests ("None declared." is a statement too).
    pub competing_interests: String,
    /// Whether the author agrees to publish under the edition's licence.
    pub licence_consent: bool,
    /// The text, CommonMark with footnotes and citations.
    pub body: String,
    /// `markdown` (typed) or `docx` (converted from an upload).
    pub source_format: String,
}

/// A manuscript that passed every check, ready to be written.
#[derive(Clone, Debug)]
pub struct Checked {
    /// Keywords, one per entry.
    pub keywords: Vec<String>,
    /// Authors with their ORCID iDs in canonical form.
    pub authors: Vec<AuthorLine>,
    /// The references the text makes, `(kind, key, locator)`, in order.
    pub references: Vec<(String, String, Option<String>)>,
    /// The licence the author agreed to (the edition's).
    pub licence: String,
}

fn ref_kind_key(key: &RefKey) -> (String, String) {
    match key {
        RefKey::Source(slug) => ("source".to_string(), slug.clone()),
        RefKey::Record { kind, key } => (kind.code().to_string(), key.clone()),
    }
}

/// Checks a manuscript whole and says everything that is wrong at once, each problem naming
/// its field (`body` problems name the line).
pub async fn check_manuscript(store: &Store, m: &Manuscript, licence: Option<&str>) -> Result<Checked, CollectError> {
    let mut errors = Vec::new();
    if m.title.trim().is_empty() {
        errors.push(ValidationError::new("title", "is required"));
    }
    let words = m.abstract_text.split_whitespace().count();
    if words == 0 {
        errors.push(ValidationError::new("abstract", "is required"));
    } else if words > ABSTRACT_WORDS {
        errors.push(ValidationError::new(
            "abstract",
            format!("has {words} words; at most {ABSTRACT_WORDS}"),
        ));
    }
    let keywords: Vec<String> = m
        .keywords
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    if keywords.len() > MAX_KEYWORDS {
        errors.push(ValidationError::new(
            "keywords",
            format!("{} keywords; at most {MAX_KEYWORDS}", keywords.len()),
        ));
    }
    let mut authors = Vec::new();
    if m.authors.iter().all(|a| a.name.trim().is_empty()) {
        errors.push(ValidationError::new("authors", "name at least one author"));
    }
    for (i, a) in m.authors.iter().enumerate() {
        let n = i + 1;
        if a.name.trim().is_empty() {
            if a.affiliation.as_deref().is_some_and(|x| !x.trim().is_empty())
                || a.orcid.as_deref().is_some_and(|x| !x.trim().is_empty())
            {
                errors.push(ValidationError::new(
                    format!("author_{n}_name"),
                    format!("author {n} has an affiliation or ORCID iD but no name"),
                ));
            }
            continue;
        }
        let orcid = match a.orcid.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            None => None,
            Some(text) => match Orcid::parse(text) {
                Ok(o) => Some(o.as_str().to_string()),
                Err(e) => {
                    errors.push(ValidationError::new(format!("author_{n}_orcid"), e.to_string()));
                    None
                }
            },
        };
        authors.push(AuthorLine {
            name: a.name.trim().to_string(),
            affiliation: a
                .affiliation
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string),
            orcid,
        });
    }
    if m.competing_interests.trim().is_empty() {
        errors.push(ValidationError::new(
            "competing_interests",
            "is required (write “None declared.” if there are none)",
        ));
    }
    if !m.licence_consent {
        errors.push(ValidationError::new(
            "licence_consent",
            format!(
                "the essay is published under the edition's licence ({}); tick the box to agree",
                licence.unwrap_or("not yet set")
            ),
        ));
    }
    let mut references = Vec::new();
    if m.body.trim().is_empty() {
        errors.push(ValidationError::new("body", "is required: the essay's text"));
    } else {
        match nmp_essay::markdown::references(&m.body) {
            Err(problems) => {
                for p in problems {
                    errors.push(ValidationError::new("body", p.to_string()));
                }
            }
            Ok(refs) => {
                let mut known: BTreeMap<(String, String), bool> = BTreeMap::new();
                for Reference { key, locator, line } in refs {
                    let (kind, k) = ref_kind_key(&key);
                    let found = match known.get(&(kind.clone(), k.clone())) {
                        Some(f) => *f,
                        None => {
                            let f = store.essay_reference_target(&kind, &k).await?.is_some();
                            known.insert((kind.clone(), k.clone()), f);
                            f
                        }
                    };
                    if !found {
                        let what = if kind == "source" {
                            format!(
                                "[@{k}] cites a source NMP does not hold (a source is cited by its slug, as on the sources page)"
                            )
                        } else {
                            format!("[@{kind}:{k}] cites {kind} “{k}”, which NMP does not hold")
                        };
                        errors.push(ValidationError::new("body", format!("line {line}: {what}")));
                    }
                    references.push((kind, k, locator));
                }
            }
        }
        // The figures it embeds (malformed ones are among the problems above).
        for embed in nmp_essay::markdown::figures(&m.body) {
            if let Some(problem) = store.essay_figure_problem(&embed.key).await? {
                errors.push(ValidationError::new(
                    "body",
                    format!(
                        "line {}: the figure ![{}](nmp:{}) cannot be drawn: {problem}",
                        embed.line, embed.caption, embed.key
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(CollectError::Invalid(errors));
    }
    Ok(Checked {
        keywords,
        authors,
        references,
        licence: licence.unwrap_or_default().to_string(),
    })
}

/// Writes a checked manuscript as version `number` of `essay` (inside the caller's writer).
pub(crate) async fn write_version(
    w: &mut nmp_store::Writer,
    essay: &essay::Model,
    number: i32,
    kind: EssayVersionKind,
    m: &Manuscript,
    checked: &Checked,
    made_by: &str,
) -> Result<essay_version::Model, CollectError> {
    let authors_json = serde_json::to_string(&checked.authors).expect("authors serialise");
    let body = m.body.replace("\r\n", "\n");
    let version = w
        .insert(essay_version::ActiveModel {
            essay_id: Set(essay.essay_id),
            number: Set(number),
            kind: Set(kind.code().to_string()),
            title: Set(m.title.trim().to_string()),
            abstract_text: Set(m.abstract_text.trim().to_string()),
            keywords: Set(checked.keywords.join("\n")),
            authors_json: Set(authors_json),
            competing_interests: Set(m.competing_interests.trim().to_string()),
            licence: Set(checked.licence.clone()),
            sha256: Set(nmp_core::sha256_hex(body.as_bytes())),
            body: Set(body),
            source_format: Set(m.source_format.clone()),
            made_by: Set(made_by.to_string()),
            ..Default::default()
        })
        .await?;
    for (kind, key, locator) in &checked.references {
        w.insert(essay_reference::ActiveModel {
            essay_id: Set(essay.essay_id),
            version_id: Set(version.version_id),
            kind: Set(kind.clone()),
            key: Set(key.clone()),
            locator: Set(locator.clone()),
            ..Default::default()
        })
        .await?;
    }
    Ok(version)
}

/// The authors of a version, as written.
pub fn authors_of(version: &essay_version::Model) -> Vec<AuthorLine> {
    serde_json::from_str(&version.authors_json).unwrap_or_default()
}

/// The author submits a manuscript through their link: the first submission (after accepting,
/// or accepting by submitting) or a revision when the editor asked for one. `expected_version`
/// is the essay row's version the form was read at. Nothing is written unless everything passes.
pub async fn submit(
    store: &Store,
    token: &str,
    expected_version: i32,
    m: &Manuscript,
) -> Result<essay_version::Model, CollectError> {
    let file: EssayFile = open_author_link(store, token).await?;
    let e = &file.essay;
    require_stage(e, &[EssayStage::Invited, EssayStage::Revisions], "submit a manuscript")?;
    if e.version != expected_version {
        return Err(invalid(
            "essay",
            "the essay changed since this page was opened (perhaps in another tab): open the link again; your text is kept below",
        ));
    }
    let ed = edition_of(store, &file.call).await?;
    let checked = check_manuscript(store, m, ed.licence.as_deref()).await?;
    let number = file.versions.last().map_or(1, |v| v.number + 1);
    let kind = if file.versions.is_empty() {
        EssayVersionKind::Submission
    } else {
        EssayVersionKind::Revision
    };
    let actor = format!("author:{}", e.author_email);
    let mut w = store.writer(&actor).await?;
    let version = write_version(&mut w, e, number, kind, m, &checked, "author").await?;
    let accepted = e.accepted_at.is_none();
    w.update::<essay::Entity>(e.essay_id, expected_version, |row| {
        row.stage = Set(EssayStage::Submitted.code().to_string());
        if accepted {
            row.accepted_at = Set(Some(crate::now()));
        }
    })
    .await?;
    w.commit().await?;
    Ok(version)
}
