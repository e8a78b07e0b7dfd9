//! Synthetic documents for the search benchmark (`nmp demo synthetic --documents N`): N
//! sources, each with an archived plain-text file of about two pages (some 5,000 characters) in
//! English, French or Spanish, made of words from a small vocabulary per language. Every title
//! ends in "(synthetic data)" and every text starts with "[Synthetic text]". The same seed gives
//! the same documents. Written in one audited transaction (one event per table).

use nmp_ingest::IngestError;
use nmp_store::entity::{source, source_archive_file};
use nmp_store::{ColumnTrait, Set, Store};

use crate::model::LABEL;
use crate::rng::Rng;

/// About how many characters a document holds (two pages of text).
const DOCUMENT_CHARS: usize = 5_000;

/// The words documents are made of, per language (ISO 639-1 code).
pub const VOCABULARY: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "prevention",
            "genocide",
            "atrocity",
            "crimes",
            "committee",
            "national",
            "mechanism",
            "early",
            "warning",
            "human",
            "rights",
            "council",
            "government",
            "ministry",
            "report",
            "mandate",
            "training",
            "civil",
            "society",
            "focal",
            "point",
            "regional",
            "network",
            "justice",
            "peace",
            "risk",
            "assessment",
            "violence",
            "minorities",
            "protection",
            "monitoring",
            "decree",
            "commission",
            "dialogue",
            "reconciliation",
            "policy",
            "members",
            "meeting",
            "annual",
            "plan",
        ],
    ),
    (
        "fr",
        &[
            "prévention",
            "génocide",
            "crimes",
            "comité",
            "national",
            "mécanisme",
            "alerte",
            "précoce",
            "droits",
            "humains",
            "conseil",
            "gouvernement",
            "ministère",
            "rapport",
            "mandat",
            "formation",
            "société",
            "civile",
            "réseau",
            "régional",
            "justice",
            "paix",
            "risque",
            "évaluation",
            "violence",
            "minorités",
            "protection",
            "surveillance",
            "décret",
            "commission",
            "dialogue",
            "réconciliation",
            "politique",
            "membres",
            "réunion",
            "annuel",
            "plan",
            "humanité",
        ],
    ),
    (
        "es",
        &[
            "prevención",
            "genocidio",
            "atrocidades",
            "crímenes",
            "comisión",
            "nacional",
            "mecanismo",
            "alerta",
            "temprana",
            "derechos",
            "humanos",
            "consejo",
            "gobierno",
            "ministerio",
            "informe",
            "mandato",
            "formación",
            "sociedad",
            "civil",
            "red",
            "regional",
            "justicia",
            "paz",
            "riesgo",
            "evaluación",
            "violencia",
            "minorías",
            "protección",
            "monitoreo",
            "decreto",
            "diálogo",
            "reconciliación",
            "política",
            "miembros",
            "reunión",
            "anual",
            "plan",
            "humanidad",
        ],
    ),
];

/// One generated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The source's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// ISO 639-1 code.
    pub language: &'static str,
    /// Its text.
    pub text: String,
}

/// The documents for `seed`, `count` of them (pure).
pub fn documents(seed: u64, count: usize) -> Vec<Document> {
    let mut rng = Rng::new(seed ^ 0x5eed_d0c5);
    (0..count)
        .map(|i| {
            let (language, words) = VOCABULARY[i % VOCABULARY.len()];
            let title_words: Vec<&str> = (0..5).map(|_| *rng.pick(words)).collect();
            let mut text = String::from("[Synthetic text] ");
            while text.len() < DOCUMENT_CHARS {
                let sentence: Vec<&str> = (0..rng.between(8, 16)).map(|_| *rng.pick(words)).collect();
                text.push_str(&sentence.join(" "));
                text.push_str(". ");
            }
            Document {
                slug: format!("synthetic-document-{:05}", i + 1),
                title: format!("Synthetic document {}: {} {LABEL}", i + 1, title_words.join(" ")),
                language,
                text,
            }
        })
        .collect()
}

/// Writes `count` synthetic documents as sources with archived text files; refuses a database
/// that already holds them.
pub async fn add_documents(store: &Store, seed: u64, count: usize) -> Result<usize, IngestError> {
    let docs = documents(seed, count);
    let existing = store.all::<source::Entity>().await?;
    if existing.iter().any(|s| s.slug.starts_with("synthetic-document-")) {
        return Err(IngestError::Refused(
            "the database already holds synthetic documents".into(),
        ));
    }
    let mut w = store.writer(crate::ACTOR).await?;
    let sources: Vec<source::ActiveModel> = docs
        .iter()
        .map(|d| source::ActiveModel {
            slug: Set(d.slug.clone()),
            title: Set(d.title.clone()),
            kind: Set("document".into()),
            publisher: Set(Some(format!("Synthetic publisher {LABEL}"))),
            published_on: Set(Some("2020".into())),
            language: Set(Some(d.language.into())),
            note: Set(Some("Generated for the search benchmark (synthetic data).".into())),
            ..Default::default()
        })
        .collect();
    w.insert_many_editable(sources, "synthetic-documents", serde_json::json!({ "sources": count }))
        .await?;
    let ids: std::collections::HashMap<String, i32> = w
        .read_matching::<source::Entity>(source::Column::Slug.starts_with("synthetic-document-"))
        .await?
        .into_iter()
        .map(|s| (s.slug, s.source_id))
        .collect();
    let now = sea_orm::prelude::TimeDateTimeWithTimeZone::now_utc();
    let files: Vec<source_archive_file::ActiveModel> = docs
        .iter()
        .filter_map(|d| {
            let bytes = d.text.clone().into_bytes();
            Some(source_archive_file::ActiveModel {
                source_id: Set(*ids.get(&d.slug)?),
                file_name: Set(format!("{}.txt", d.slug)),
                content_type: Set("text/plain".into()),
                size_bytes: Set(i32::try_from(bytes.len()).ok()?),
                sha256: Set(nmp_core::sha256_hex(&bytes)),
                content: Set(bytes),
                uploaded_at: Set(now),
                uploaded_by: Set(crate::ACTOR.into()),
                ..Default::default()
            })
        })
        .collect();
    w.insert_many(files, "synthetic-documents", serde_json::json!({ "files": count }))
        .await?;
    w.commit().await?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_two_pages_labelled_and_the_same_for_a_seed() {
        let docs = documents(7, 6);
        assert_eq!(docs, documents(7, 6));
        assert_eq!(
            docs.iter().map(|d| d.language).collect::<Vec<_>>(),
            ["en", "fr", "es", "en", "fr", "es"]
        );
        for d in &docs {
            assert!(d.title.ends_with(LABEL) && d.text.starts_with("[Synthetic text]"));
            assert!(
                (DOCUMENT_CHARS..DOCUMENT_CHARS + 400).contains(&d.text.len()),
                "{}",
                d.text.len()
            );
        }
    }
}
