//! Seeding an edition of the starter dataset: the edition, its publishers, contributors and
//! parts, and (once the mechanisms are in) its profiles.

use std::collections::BTreeMap;

use nmp_core::vocab::PartKind;
use nmp_store::Set;
use nmp_store::entity::{edition, edition_contributor, edition_part, edition_publisher, profile};

use super::{Seeder, text};
use crate::IngestError;
use crate::starter::model::{Citation, Edition, Publisher};

impl Seeder {
    pub(super) async fn edition<'e>(
        &mut self,
        e: &'e Edition,
    ) -> Result<(&'e Edition, BTreeMap<String, i32>), IngestError> {
        let row = self
            .w
            .insert(edition::ActiveModel {
                slug: Set(e.slug.clone()),
                title: Set(e.title.clone()),
                subtitle: Set(e.subtitle.clone()),
                kind: Set(e.kind.code().into()),
                status: Set(e.status.code().into()),
                period_start: Set(None),
                period_end: Set(None),
                published_on: Set(text(&e.published_on)),
                pages: Set(e.pages.map(|p| p as i32)),
                licence: Set(e.licence.clone()),
                snapshot_hash: Set(None),
                note: Set(e.note.clone()),
                methodology: Set(e.methodology.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.edition_id;
        self.editions.insert(e.slug.clone(), id);
        self.count("edition");
        self.cite_all("edition", id, &e.sources, &e.citation).await?;
        // Roles for the whole edition first, then (once the parts exist) roles for one part.
        for p in e.publisher.iter().filter(|p| p.part.is_none()) {
            self.publisher(id, p, None).await?;
        }
        for p in &e.contributor {
            let r = self
                .w
                .insert(edition_contributor::ActiveModel {
                    edition_id: Set(id),
                    name: Set(p.name.clone()),
                    role: Set(p.role.code().into()),
                    affiliation: Set(p.affiliation.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("edition_contributor");
            self.cite_all("edition_contributor", r.edition_contributor_id, &p.sources, &[])
                .await?;
        }
        let mut parts = BTreeMap::new();
        for p in &e.part {
            let r = self
                .w
                .insert(edition_part::ActiveModel {
                    edition_id: Set(id),
                    part_key: Set(p.key.clone()),
                    position: Set(p.position as i32),
                    title: Set(p.title.clone()),
                    page: Set(p.page.map(|n| n as i32)),
                    summary: Set(p.summary.clone()),
                    body: Set(p.body.clone()),
                    kind: Set(p.kind.unwrap_or(PartKind::Chapter).code().into()),
                    author: Set(p.author.clone()),
                    ..Default::default()
                })
                .await?;
            parts.insert(p.key.clone(), r.edition_part_id);
            self.count("edition_part");
            self.cite_all("edition_part", r.edition_part_id, &p.sources, &[])
                .await?;
        }
        for p in e.publisher.iter().filter(|p| p.part.is_some()) {
            let part = p.part.as_ref().map(|k| parts[k]);
            self.publisher(id, p, part).await?;
        }
        Ok((e, parts))
    }

    /// One organisation's role in the edition (for one part, when `part` is given), with its
    /// sources and the sources of its phase (cited as the field `phase`).
    async fn publisher(&mut self, edition: i32, p: &Publisher, part: Option<i32>) -> Result<(), IngestError> {
        let r = self
            .w
            .insert(edition_publisher::ActiveModel {
                edition_id: Set(edition),
                organization_id: Set(self.organizations[&p.organization]),
                role: Set(p.role.code().into()),
                note: Set(p.note.clone()),
                phase: Set(p.phase.clone()),
                phase_from: Set(text(&p.phase_from)),
                phase_until: Set(text(&p.phase_until)),
                edition_part_id: Set(part),
                ..Default::default()
            })
            .await?;
        self.count("edition_publisher");
        let phase: Vec<Citation> = p
            .phase_sources
            .iter()
            .map(|source| Citation {
                field: "phase".into(),
                source: source.clone(),
                quote: None,
            })
            .collect();
        self.cite_all("edition_publisher", r.edition_publisher_id, &p.sources, &phase)
            .await
    }

    pub(super) async fn profiles(&mut self, e: &Edition, parts: &BTreeMap<String, i32>) -> Result<(), IngestError> {
        for p in &e.profile {
            let r = self
                .w
                .insert(profile::ActiveModel {
                    edition_id: Set(self.editions[&e.slug]),
                    mechanism_id: Set(self.mechanisms[&p.mechanism]),
                    section: Set(p.section.code().into()),
                    edition_part_id: Set(p.part.as_ref().map(|k| parts[k])),
                    heading: Set(p.heading.clone()),
                    page: Set(p.page.map(|n| n as i32)),
                    owner_organization_id: Set(None),
                    assignee_account_id: Set(None),
                    review_state: Set("approved".into()),
                    history: Set(None),
                    mandate: Set(None),
                    structure: Set(None),
                    outputs: Set(None),
                    challenges: Set(None),
                    recent_developments: Set(None),
                    ..Default::default()
                })
                .await?;
            self.count("profile");
            self.cite_all("profile", r.profile_id, &p.sources, &[]).await?;
        }
        Ok(())
    }
}
