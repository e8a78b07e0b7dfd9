//! The documents of the index: sources' archived files (public: anyone may download them from
//! the sources page) and the documents attached to questionnaire responses (staff only), one
//! index document per page of text. A file is read again only when its SHA-256 changes; a file
//! whose text cannot be read is indexed by its name and metadata, with the reason.

use std::collections::HashMap;

use nmp_store::Store;
use nmp_store::entity::{attachment, invitation, source};

use crate::doc::{Dim, IndexDoc, Kind, language_of, year_of};
use crate::extract::{Extracted, extract};
use crate::schema::Lang;

/// A file to index, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    /// `archive:SLUG` or `attachment:ID`: the scope its pages are replaced under.
    pub key: String,
    /// SHA-256 of its bytes: a file is read again only when it changes.
    pub sha256: String,
    /// Its name.
    pub file_name: String,
    /// Its media type.
    pub content_type: String,
    what: What,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum What {
    Archive {
        slug: String,
        title: String,
        language: Option<String>,
        year: Option<String>,
    },
    Attachment {
        id: i32,
        invitation_id: i32,
    },
}

/// Every file to index, without bytes.
pub async fn files(store: &Store) -> nmp_store::Result<Vec<FileRef>> {
    let sources: HashMap<String, source::Model> = store
        .all::<source::Entity>()
        .await?
        .into_iter()
        .map(|s| (s.slug.clone(), s))
        .collect();
    let mut out = Vec::new();
    for f in store.source_archive_summaries().await? {
        let Some(s) = sources.get(&f.slug) else { continue };
        out.push(FileRef {
            key: format!("archive:{}", f.slug),
            sha256: f.sha256,
            file_name: f.file_name,
            content_type: f.content_type,
            what: What::Archive {
                slug: f.slug.clone(),
                title: s.title.clone(),
                language: s.language.clone(),
                year: year_of(s.published_on.as_deref()),
            },
        });
    }
    let invitations: Vec<i32> = store
        .all::<invitation::Entity>()
        .await?
        .into_iter()
        .map(|i| i.invitation_id)
        .collect();
    for a in store.attachment_summaries(&invitations).await? {
        out.push(FileRef {
            key: format!("attachment:{}", a.attachment_id),
            sha256: a.sha256,
            file_name: a.file_name,
            content_type: a.content_type,
            what: What::Attachment {
                id: a.attachment_id,
                invitation_id: a.invitation_id,
            },
        });
    }
    Ok(out)
}

/// Reads a file's bytes; `None` when it has gone since it was listed.
pub async fn bytes_of(store: &Store, file: &FileRef) -> nmp_store::Result<Option<Vec<u8>>> {
    Ok(match &file.what {
        What::Archive { slug, .. } => store.source_archive_file(slug).await?.map(|f| f.content),
        What::Attachment { id, .. } => store.get::<attachment::Entity>(*id).await?.map(|a| a.content),
    })
}

/// The index documents of a file: one per page of text, or one saying why there is none.
pub fn file_docs(file: &FileRef, bytes: &[u8]) -> Vec<IndexDoc> {
    let extracted = extract(&file.file_name, &file.content_type, bytes);
    let (kind, public, url, context, given, facets) = match &file.what {
        What::Archive {
            slug,
            title,
            language,
            year,
        } => {
            let mut facets = vec![(Dim::Kind, Kind::Document.code().to_string())];
            facets.extend(language.iter().map(|l| (Dim::Language, l.clone())));
            facets.extend(year.iter().map(|y| (Dim::Year, y.clone())));
            (
                Kind::Document,
                true,
                format!("/sources/{slug}/archive"),
                format!("Archived copy of “{title}”"),
                language.as_deref().and_then(Lang::from_code),
                facets,
            )
        }
        What::Attachment { id, invitation_id } => (
            Kind::Attachment,
            false,
            format!("/staff/attachments/{id}"),
            format!("Attached to the response of invitation {invitation_id}"),
            None,
            vec![(Dim::Kind, Kind::Attachment.code().to_string())],
        ),
    };
    let base = |page: u64| IndexDoc {
        key: format!("{}#{page}", file.key),
        scope: format!("file:{}", file.key),
        kind,
        public,
        title: file.file_name.clone(),
        texts: Vec::new(),
        url: if page > 0 && file.content_type == "application/pdf" {
            format!("{url}#page={page}")
        } else {
            url.clone()
        },
        context: context.clone(),
        page,
        missing: None,
        facets: facets.clone(),
        language: None,
    };
    match extracted {
        Extracted::Missing(why) => {
            let mut d = base(0);
            d.missing = Some(why);
            d.text(given, Some(&context));
            vec![d]
        }
        Extracted::Pages(pages) => {
            let whole: String = pages.iter().take(3).map(String::as_str).collect::<Vec<_>>().join(" ");
            let lang = language_of(given, &whole);
            let paged = pages.len() > 1 || file.content_type == "application/pdf";
            pages
                .into_iter()
                .enumerate()
                .filter(|(_, text)| !text.trim().is_empty())
                .map(|(i, text)| {
                    let mut d = base(if paged { i as u64 + 1 } else { 0 });
                    d.text(lang, Some(&text));
                    d.language = lang.map(|l| l.code().to_string());
                    if given.is_none()
                        && let Some(l) = lang
                    {
                        d.facets.push((Dim::Language, l.code().to_string()));
                    }
                    d
                })
                .collect()
        }
    }
}
