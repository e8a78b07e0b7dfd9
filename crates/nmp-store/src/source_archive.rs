//! The archived file of a source (issue 25): an editor uploads a PDF, HTML or plain-text snapshot
//! of a source, kept with its SHA-256 in `source_archive_file`, one per source. Uploading again
//! replaces the file in one transaction (the old row goes only if the new one is written), audited
//! as two batch events without the bytes. What a file may be (its kind, its size) is checked
//! before it gets here, by the web server; the store refuses only what it cannot keep.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;

use crate::entity::{source, source_archive_file};
use crate::{Result, Store, StoreError};

/// The media types an archived file may have.
pub const CONTENT_TYPES: &[&str] = &["application/pdf", "text/html", "text/plain"];

/// An archived file without its bytes, for lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveFileSummary {
    /// The source's slug.
    pub slug: String,
    /// The file's name.
    pub file_name: String,
    /// Its media type.
    pub content_type: String,
    /// Its size in bytes.
    pub size_bytes: i32,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// When it was uploaded.
    pub uploaded_at: OffsetDateTime,
    /// Who uploaded it.
    pub uploaded_by: String,
}

impl Store {
    /// Stores `bytes` as the archived file of the source `slug`, replacing any file it had, and
    /// returns its summary (the SHA-256 is computed here). Refused, naming the field `file`,
    /// when the file is empty, its name is empty or its type is not one of [`CONTENT_TYPES`].
    pub async fn put_source_archive_file(
        &self,
        actor: &str,
        slug: &str,
        file_name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<ArchiveFileSummary> {
        let invalid = |message: &str| -> StoreError { nmp_core::ValidationError::new("file", message).into() };
        if bytes.is_empty() {
            return Err(invalid("is empty: choose a file that holds the archived copy"));
        }
        if file_name.trim().is_empty() {
            return Err(invalid("has no name"));
        }
        if !CONTENT_TYPES.contains(&content_type) {
            return Err(invalid(&format!(
                "is of type {content_type}; an archived copy is a PDF, an HTML page or plain text"
            )));
        }
        let size_bytes = i32::try_from(bytes.len()).map_err(|_| invalid("is too large to keep"))?;
        let source = self.source_by_slug(slug).await?;
        let sha256 = nmp_core::sha256_hex(&bytes);
        let mut w = self.writer(actor).await?;
        let batch = format!("source:{slug}");
        w.delete_many::<source_archive_file::Entity, _>(
            source_archive_file::Column::SourceId,
            source.source_id,
            &batch,
        )
        .await?;
        let now = w.now();
        let row = source_archive_file::ActiveModel {
            source_id: Set(source.source_id),
            file_name: Set(file_name.trim().to_string()),
            content_type: Set(content_type.to_string()),
            size_bytes: Set(size_bytes),
            sha256: Set(sha256.clone()),
            content: Set(bytes),
            uploaded_at: Set(now),
            uploaded_by: Set(actor.to_string()),
            ..Default::default()
        };
        let summary = serde_json::json!({
            "source": slug,
            "file_name": file_name.trim(),
            "content_type": content_type,
            "size_bytes": size_bytes,
            "sha256": sha256,
        });
        w.insert_many(vec![row], &batch, summary).await?;
        w.commit().await?;
        Ok(ArchiveFileSummary {
            slug: slug.to_string(),
            file_name: file_name.trim().to_string(),
            content_type: content_type.to_string(),
            size_bytes,
            sha256,
            uploaded_at: now,
            uploaded_by: actor.to_string(),
        })
    }

    /// Every source's archived file, without the bytes, by slug.
    pub async fn source_archive_summaries(&self) -> Result<Vec<ArchiveFileSummary>> {
        use source_archive_file::Column as C;
        let slugs: std::collections::HashMap<i32, String> = self
            .all::<source::Entity>()
            .await?
            .into_iter()
            .map(|s| (s.source_id, s.slug))
            .collect();
        let rows: Vec<(i32, String, String, i32, String, OffsetDateTime, String)> = source_archive_file::Entity::find()
            .select_only()
            .columns([
                C::SourceId,
                C::FileName,
                C::ContentType,
                C::SizeBytes,
                C::Sha256,
                C::UploadedAt,
                C::UploadedBy,
            ])
            .order_by_asc(C::SourceId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut out: Vec<ArchiveFileSummary> = rows
            .into_iter()
            .filter_map(
                |(source_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by)| {
                    Some(ArchiveFileSummary {
                        slug: slugs.get(&source_id)?.clone(),
                        file_name,
                        content_type,
                        size_bytes,
                        sha256,
                        uploaded_at,
                        uploaded_by,
                    })
                },
            )
            .collect();
        out.sort_by(|a, b| a.slug.cmp(&b.slug));
        Ok(out)
    }

    /// The archived file of the source `slug` with its bytes, for a download; `None` when the
    /// source has none. A source that does not exist is `NotFound`.
    pub async fn source_archive_file(&self, slug: &str) -> Result<Option<source_archive_file::Model>> {
        let source = self.source_by_slug(slug).await?;
        Ok(source_archive_file::Entity::find()
            .filter(source_archive_file::Column::SourceId.eq(source.source_id))
            .one(&self.db)
            .await?)
    }

    async fn source_by_slug(&self, slug: &str) -> Result<source::Model> {
        source::Entity::find()
            .filter(source::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "source".into(),
                key: slug.to_string(),
            })
    }
}
