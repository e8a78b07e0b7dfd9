//! Seeding the outcome-assessment records of the starter dataset: initiative kinds, initiatives
//! with their partners (every fact cited, like a mechanism's), and NMP's proposed assessment
//! frameworks with their criteria and levels (NMP's proposals are not cited: they are
//! instruments, not facts; a framework taken from a document, the UN Framework of Analysis, is
//! cited with its criteria and their indicators).
//!
//! Like the rest of the seed, nothing present is overwritten: a kind is matched by code, an
//! initiative by slug, a framework by slug and version.

use std::collections::{BTreeMap, BTreeSet};

use nmp_store::entity::{
    criterion, criterion_indicator, criterion_level, framework, initiative, initiative_kind, initiative_partner,
};
use nmp_store::{Set, Store};

use super::{Seeder, text};
use crate::IngestError;
use crate::starter::Dataset;
use crate::starter::model::{Framework, Initiative, InitiativeKind};

/// What the database already holds of the outcome-assessment records.
pub(super) struct Present {
    kinds: BTreeMap<String, i32>,
    initiatives: BTreeSet<String>,
    frameworks: BTreeSet<(String, i32)>,
}

impl Present {
    pub(super) async fn read(store: &Store) -> Result<Present, IngestError> {
        Ok(Present {
            kinds: store
                .all::<initiative_kind::Entity>()
                .await?
                .into_iter()
                .map(|k| (k.code, k.initiative_kind_id))
                .collect(),
            initiatives: store
                .all::<initiative::Entity>()
                .await?
                .into_iter()
                .map(|i| i.slug)
                .collect(),
            frameworks: store
                .all::<framework::Entity>()
                .await?
                .into_iter()
                .map(|f| (f.slug, f.framework_version))
                .collect(),
        })
    }
}

impl Seeder {
    /// Kinds, initiatives and frameworks that are not there yet. Runs after the mechanisms and
    /// organisations, which initiatives point to.
    pub(super) async fn outcomes(&mut self, data: &Dataset, mut present: Present) -> Result<(), IngestError> {
        for k in &data.initiative_kinds {
            if present.kinds.contains_key(&k.value.code) {
                self.report.already_present += 1;
            } else {
                let id = self.initiative_kind(&k.value).await?;
                present.kinds.insert(k.value.code.clone(), id);
            }
        }
        for i in &data.initiatives {
            if present.initiatives.contains(&i.value.slug) {
                self.report.already_present += 1;
            } else {
                self.initiative(&i.value, &present.kinds).await?;
            }
        }
        for f in &data.frameworks {
            let key = (f.value.slug.clone(), f.value.version as i32);
            if present.frameworks.contains(&key) {
                self.report.already_present += 1;
            } else {
                self.framework(&f.value).await?;
            }
        }
        Ok(())
    }

    async fn initiative_kind(&mut self, k: &InitiativeKind) -> Result<i32, IngestError> {
        let row = self
            .w
            .insert(initiative_kind::ActiveModel {
                code: Set(k.code.clone()),
                label: Set(k.label.clone()),
                description: Set(k.description.clone()),
                ..Default::default()
            })
            .await?;
        self.count("initiative_kind");
        Ok(row.initiative_kind_id)
    }

    async fn initiative(&mut self, i: &Initiative, kinds: &BTreeMap<String, i32>) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(initiative::ActiveModel {
                slug: Set(i.slug.clone()),
                country_iso3: Set(i.country.clone()),
                mechanism_id: Set(i.mechanism.as_ref().map(|m| self.mechanisms[m])),
                initiative_kind_id: Set(kinds[&i.kind]),
                title: Set(i.title.clone()),
                started_on: Set(text(&i.started_on)),
                ended_on: Set(text(&i.ended_on)),
                lead_organization_id: Set(i.lead_organization.as_ref().map(|o| self.organizations[o])),
                description: Set(i.description.clone()),
                note: Set(i.note.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.initiative_id;
        self.count("initiative");
        self.cite_all("initiative", id, &i.sources, &i.citation).await?;
        for p in &i.partner {
            let r = self
                .w
                .insert(initiative_partner::ActiveModel {
                    initiative_id: Set(id),
                    organization_id: Set(self.organizations[&p.organization]),
                    role: Set(p.role.clone()),
                    note: Set(p.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("initiative_partner");
            self.cite_all("initiative_partner", r.initiative_partner_id, &p.sources, &[])
                .await?;
        }
        Ok(())
    }

    async fn framework(&mut self, f: &Framework) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(framework::ActiveModel {
                slug: Set(f.slug.clone()),
                framework_version: Set(f.version as i32),
                title: Set(f.title.clone()),
                description: Set(f.description.clone()),
                note: Set(f.note.clone()),
                ..Default::default()
            })
            .await?;
        self.count("framework");
        self.cite_all("framework", row.framework_id, &f.sources, &[]).await?;
        for (position, c) in f.criterion.iter().enumerate() {
            let crit = self
                .w
                .insert(criterion::ActiveModel {
                    framework_id: Set(row.framework_id),
                    code: Set(c.code.clone()),
                    position: Set(position as i32 + 1),
                    label: Set(c.label.clone()),
                    description: Set(c.description.clone()),
                    category: Set(c.category.clone()),
                    note: Set(c.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("criterion");
            self.cite_all("criterion", crit.criterion_id, &c.sources, &[]).await?;
            for (position, i) in c.indicator.iter().enumerate() {
                let row = self
                    .w
                    .insert(criterion_indicator::ActiveModel {
                        criterion_id: Set(crit.criterion_id),
                        code: Set(i.code.trim().to_string()),
                        position: Set(position as i32 + 1),
                        text: Set(i.text.trim().to_string()),
                        note: Set(i.note.clone()),
                        ..Default::default()
                    })
                    .await?;
                self.count("criterion_indicator");
                self.cite_all("criterion_indicator", row.criterion_indicator_id, &i.sources, &[])
                    .await?;
            }
            for (rank, l) in c.level.iter().enumerate() {
                self.w
                    .insert(criterion_level::ActiveModel {
                        criterion_id: Set(crit.criterion_id),
                        rank: Set(rank as i32 + 1),
                        label: Set(l.label.clone()),
                        descriptor: Set(l.descriptor.clone()),
                        ..Default::default()
                    })
                    .await?;
                self.count("criterion_level");
            }
        }
        Ok(())
    }
}
