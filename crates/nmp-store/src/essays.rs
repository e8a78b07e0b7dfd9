//! The reads of the expert opinion essays' workflow (issue 20; the writes are
//! `nmp_collect::essays`): an edition's calls and essays, an essay or a review by its link, an
//! essay's versions, reviews and decisions, what its references point at, and which essays cite
//! a record (for errata).

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::{
    country, dataset, edition, edition_part, essay, essay_call, essay_decision, essay_reference, essay_review,
    essay_version, indicator, initiative, mechanism, mechanism_status, network, organization, source,
};
use nmp_core::vocab::{MechanismStatus, MechanismType};

use crate::{Result, Store};

/// What an essay's reference points at: the record's title and its page on the site (a path),
/// when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefTarget {
    /// The record's name or title as the site shows it.
    pub title: String,
    /// Its page (`/mechanisms/…`), if it has one.
    pub path: Option<String>,
    /// For a source: its author, publisher and date as cited (the notes print it).
    pub detail: Option<String>,
    /// For a mechanism: its country, type, creation date and latest status, the data a reviewer
    /// checks the essay against (the workspace shows it; the notes do not).
    pub facts: Option<String>,
}

/// Everything the workspace shows of one essay.
#[derive(Clone, Debug)]
pub struct EssayFile {
    /// The essay.
    pub essay: essay::Model,
    /// Its call.
    pub call: essay_call::Model,
    /// Every version, oldest first.
    pub versions: Vec<essay_version::Model>,
    /// Every review assignment, oldest first.
    pub reviews: Vec<essay_review::Model>,
    /// Every decision, oldest first.
    pub decisions: Vec<essay_decision::Model>,
}

impl EssayFile {
    /// The latest version, if the author has submitted one.
    pub fn latest(&self) -> Option<&essay_version::Model> {
        self.versions.last()
    }

    /// The review round the essay is in: one more than the decisions asking for revisions.
    pub fn round(&self) -> i32 {
        1 + self
            .decisions
            .iter()
            .filter(|d| d.decision == "minor_revisions" || d.decision == "major_revisions")
            .count() as i32
    }
}

/// An essay that cites a record, for the record's errata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitingEssay {
    /// The essay.
    pub essay_id: i32,
    /// The title of its latest version.
    pub title: String,
    /// Its author.
    pub author_name: String,
    /// Its stage (`EssayStage` code).
    pub stage: String,
}

impl Store {
    /// The calls for essays of an edition, oldest first.
    pub async fn essay_calls(&self, edition_id: i32) -> Result<Vec<essay_call::Model>> {
        Ok(essay_call::Entity::find()
            .filter(essay_call::Column::EditionId.eq(edition_id))
            .order_by_asc(essay_call::Column::CallId)
            .all(&self.db)
            .await?)
    }

    /// The calls whose guest editor is the account `account_id`, oldest first.
    pub async fn essay_calls_of_guest_editor(&self, account_id: i32) -> Result<Vec<essay_call::Model>> {
        Ok(essay_call::Entity::find()
            .filter(essay_call::Column::GuestEditorId.eq(account_id))
            .order_by_asc(essay_call::Column::CallId)
            .all(&self.db)
            .await?)
    }

    /// The essays of an edition's calls, oldest first.
    pub async fn essays_of_edition(&self, edition_id: i32) -> Result<Vec<essay::Model>> {
        let calls: Vec<i32> = self.essay_calls(edition_id).await?.iter().map(|c| c.call_id).collect();
        Ok(essay::Entity::find()
            .filter(essay::Column::CallId.is_in(calls))
            .order_by_asc(essay::Column::EssayId)
            .all(&self.db)
            .await?)
    }

    /// The essay whose author's link has the token with SHA-256 `token_hash`.
    pub async fn essay_by_token_hash(&self, token_hash: &str) -> Result<Option<essay::Model>> {
        Ok(essay::Entity::find()
            .filter(essay::Column::TokenHash.eq(token_hash))
            .one(&self.db)
            .await?)
    }

    /// The review whose reviewer's link has the token with SHA-256 `token_hash`.
    pub async fn essay_review_by_token_hash(&self, token_hash: &str) -> Result<Option<essay_review::Model>> {
        Ok(essay_review::Entity::find()
            .filter(essay_review::Column::TokenHash.eq(token_hash))
            .one(&self.db)
            .await?)
    }

    /// The essay printed as the edition part `edition_part_id`, if one is.
    pub async fn essay_of_part(&self, edition_part_id: i32) -> Result<Option<essay::Model>> {
        Ok(essay::Entity::find()
            .filter(essay::Column::EditionPartId.eq(edition_part_id))
            .one(&self.db)
            .await?)
    }

    /// The reviews assigned to a staff account, newest first.
    pub async fn essay_reviews_of_account(&self, account_id: i32) -> Result<Vec<essay_review::Model>> {
        Ok(essay_review::Entity::find()
            .filter(essay_review::Column::ReviewerAccountId.eq(account_id))
            .order_by_desc(essay_review::Column::ReviewId)
            .all(&self.db)
            .await?)
    }

    /// Everything about one essay; `None` if there is no such essay.
    pub async fn essay_file(&self, essay_id: i32) -> Result<Option<EssayFile>> {
        let Some(essay) = self.get::<essay::Entity>(essay_id).await? else {
            return Ok(None);
        };
        let call = self
            .get::<essay_call::Entity>(essay.call_id)
            .await?
            .expect("an essay's call exists (foreign key)");
        let versions = essay_version::Entity::find()
            .filter(essay_version::Column::EssayId.eq(essay_id))
            .order_by_asc(essay_version::Column::Number)
            .all(&self.db)
            .await?;
        let reviews = essay_review::Entity::find()
            .filter(essay_review::Column::EssayId.eq(essay_id))
            .order_by_asc(essay_review::Column::ReviewId)
            .all(&self.db)
            .await?;
        let decisions = essay_decision::Entity::find()
            .filter(essay_decision::Column::EssayId.eq(essay_id))
            .order_by_asc(essay_decision::Column::DecisionId)
            .all(&self.db)
            .await?;
        Ok(Some(EssayFile {
            essay,
            call,
            versions,
            reviews,
            decisions,
        }))
    }

    /// The references a version makes, in the order written.
    pub async fn essay_references(&self, version_id: i32) -> Result<Vec<essay_reference::Model>> {
        Ok(essay_reference::Entity::find()
            .filter(essay_reference::Column::VersionId.eq(version_id))
            .order_by_asc(essay_reference::Column::ReferenceId)
            .all(&self.db)
            .await?)
    }

    /// The essays whose latest version cites the record `(kind, key)` (`("mechanism", slug)`,
    /// `("source", slug)`), by essay.
    pub async fn essays_citing(&self, kind: &str, key: &str) -> Result<Vec<CitingEssay>> {
        let refs = essay_reference::Entity::find()
            .filter(essay_reference::Column::Kind.eq(kind))
            .filter(essay_reference::Column::Key.eq(key))
            .all(&self.db)
            .await?;
        let mut out: BTreeMap<i32, CitingEssay> = BTreeMap::new();
        for r in refs {
            if out.contains_key(&r.essay_id) {
                continue;
            }
            let Some(file) = self.essay_file(r.essay_id).await? else {
                continue;
            };
            let Some(latest) = file.latest() else { continue };
            if latest.version_id != r.version_id
                && !self
                    .essay_references(latest.version_id)
                    .await?
                    .iter()
                    .any(|x| x.kind == kind && x.key == key)
            {
                continue;
            }
            out.insert(
                r.essay_id,
                CitingEssay {
                    essay_id: r.essay_id,
                    title: latest.title.clone(),
                    author_name: file.essay.author_name.clone(),
                    stage: file.essay.stage.clone(),
                },
            );
        }
        Ok(out.into_values().collect())
    }

    /// What the reference `(kind, key)` points at; `None` when NMP holds no such source or
    /// record. `kind` is `source` or a record kind (`mechanism`, `initiative`, `network`,
    /// `country`, `organization`, `edition`, `indicator`).
    pub async fn essay_reference_target(&self, kind: &str, key: &str) -> Result<Option<RefTarget>> {
        let target = |title: String, path: Option<String>| RefTarget {
            title,
            path,
            detail: None,
            facts: None,
        };
        Ok(match kind {
            "source" => source::Entity::find()
                .filter(source::Column::Slug.eq(key))
                .one(&self.db)
                .await?
                .map(|s| {
                    let detail = [s.author.clone(), s.publisher.clone(), s.published_on.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ");
                    RefTarget {
                        title: s.title,
                        path: Some(format!("/sources#source-{}", s.slug)),
                        detail: (!detail.is_empty()).then_some(detail),
                        facts: None,
                    }
                }),
            "mechanism" => match mechanism::Entity::find()
                .filter(mechanism::Column::Slug.eq(key))
                .one(&self.db)
                .await?
            {
                Some(m) => Some(RefTarget {
                    detail: None,
                    facts: self.mechanism_facts(&m).await?,
                    title: m.name,
                    path: Some(format!("/mechanisms/{}", m.slug)),
                }),
                None => None,
            },
            "initiative" => initiative::Entity::find()
                .filter(initiative::Column::Slug.eq(key))
                .one(&self.db)
                .await?
                .map(|m| target(m.title, Some(format!("/initiatives/{}", m.slug)))),
            "network" => network::Entity::find()
                .filter(network::Column::Slug.eq(key))
                .one(&self.db)
                .await?
                .map(|m| target(m.name, Some(format!("/networks/{}", m.slug)))),
            "organization" => organization::Entity::find()
                .filter(organization::Column::Slug.eq(key))
                .one(&self.db)
                .await?
                .map(|m| target(m.name, None)),
            "edition" => edition::Entity::find()
                .filter(edition::Column::Slug.eq(key))
                .one(&self.db)
                .await?
                .map(|m| target(m.title, Some(format!("/editions/{}", m.slug)))),
            "country" => self.get::<country::Entity>(key.to_ascii_uppercase()).await?.map(|c| {
                target(
                    c.name,
                    Some(format!("/countries/{}", c.country_iso3.to_ascii_lowercase())),
                )
            }),
            "indicator" => {
                let found = indicator::Entity::find()
                    .filter(indicator::Column::Code.eq(key))
                    .order_by_asc(indicator::Column::IndicatorId)
                    .one(&self.db)
                    .await?;
                match found {
                    Some(i) => {
                        let ds = self.get::<dataset::Entity>(i.dataset_id).await?;
                        Some(target(i.label, ds.map(|d| format!("/datasets/{}/{}", d.slug, i.code))))
                    }
                    None => None,
                }
            }
            _ => None,
        })
    }

    /// What a reviewer checks a cited mechanism against: its country, type, when it was created
    /// and its latest recorded status with the date (`Kenya · national committee · created
    /// 2011-01-01 · status: active (2019-06-30)`); `None` when nothing is recorded.
    async fn mechanism_facts(&self, m: &mechanism::Model) -> Result<Option<String>> {
        let mut parts = Vec::new();
        if let Some(iso) = &m.country_iso3
            && let Some(c) = self.get::<country::Entity>(iso.clone()).await?
        {
            parts.push(c.name);
        }
        parts.push(nmp_core::vocab::label::<MechanismType>(&m.mechanism_type).to_lowercase());
        if let Some(d) = &m.created_on {
            parts.push(format!("created {d}"));
        }
        let latest = mechanism_status::Entity::find()
            .filter(mechanism_status::Column::MechanismId.eq(m.mechanism_id))
            .order_by_desc(mechanism_status::Column::StatusOn)
            .order_by_desc(mechanism_status::Column::MechanismStatusId)
            .one(&self.db)
            .await?;
        if let Some(st) = latest {
            let label = nmp_core::vocab::label::<MechanismStatus>(&st.status).to_lowercase();
            parts.push(match st.status_on {
                Some(on) => format!("status: {label} ({on})"),
                None => format!("status: {label}"),
            });
        }
        Ok((!parts.is_empty()).then(|| parts.join(" · ")))
    }

    /// What stops edition `edition_id` from being published on account of its essays: an essay
    /// in the edition (from the proofs on) whose author has not approved the proofs. Empty when
    /// there is nothing.
    pub async fn essay_problems(&self, edition_id: i32) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for e in self.essays_of_edition(edition_id).await? {
            if e.edition_part_id.is_some() && e.stage != "ready" && e.stage != "published" {
                let title = match self.essay_file(e.essay_id).await? {
                    Some(f) => f.latest().map(|v| v.title.clone()).unwrap_or_default(),
                    None => String::new(),
                };
                out.push(format!(
                    "essay {} “{title}” by {}: its proofs are not approved (stage {}); wait for the author, or take it out of the edition",
                    e.essay_id, e.author_name, e.stage
                ));
            }
        }
        Ok(out)
    }

    /// The edition parts of an edition, in table-of-contents order.
    pub async fn edition_parts_of(&self, edition_id: i32) -> Result<Vec<edition_part::Model>> {
        Ok(edition_part::Entity::find()
            .filter(edition_part::Column::EditionId.eq(edition_id))
            .order_by_asc(edition_part::Column::Position)
            .all(&self.db)
            .await?)
    }
}
