//! The published consensus, flat: one row per published edition, target and criterion, with what
//! the analysis page groups by (the edition's year, the target's country and UN region, the
//! criterion's place in its framework). Only editions that are published (frozen, see
//! [`Store::edition_lock`]) count; individual ratings are never read out here.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::EntityTrait;
use serde::Serialize;

use crate::entity::{country, edition, edition_snapshot};
use crate::{Result, Store};

/// One consensus rating of a published edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublishedConsensus {
    /// The edition's slug.
    pub edition: String,
    /// The year the edition stands for (see `nmp_core::edition_year`), when it has one.
    pub edition_year: Option<i32>,
    /// `initiative` or `mechanism`.
    pub target_kind: String,
    /// The initiative's or mechanism's slug.
    pub target_slug: String,
    /// Its title or name.
    pub target_label: String,
    /// Its country (ISO3), when it has one.
    pub country_iso3: Option<String>,
    /// The UN geoscheme region of that country (`africa`), when known.
    pub un_region: Option<String>,
    /// The criterion's code (stable across framework versions).
    pub criterion: String,
    /// The criterion's label.
    pub criterion_label: String,
    /// The criterion's position in its framework (from 1).
    pub position: i32,
    /// The rank of the consensus level (1 = lowest).
    pub rank: i32,
    /// How many levels the criterion has.
    pub of: i32,
    /// The level's label.
    pub level: String,
    /// The labels of all the criterion's levels, lowest rank first (the scale the level is on).
    pub scale: Vec<String>,
}

impl Store {
    /// Every consensus rating of every published edition, in edition order (year, then slug),
    /// then target (label, slug), then criterion position.
    pub async fn published_consensus(&self) -> Result<Vec<PublishedConsensus>> {
        let published: BTreeSet<i32> = edition_snapshot::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|s| s.edition_id)
            .collect();
        if published.is_empty() {
            return Ok(Vec::new());
        }
        let editions: Vec<edition::Model> = edition::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|e| published.contains(&e.edition_id))
            .collect();
        let mut out = Vec::new();
        let mut isos = BTreeSet::new();
        for e in &editions {
            let year = nmp_core::edition_year(&e.slug, e.published_on.as_deref());
            for view in self.edition_rounds(e.edition_id).await? {
                for t in &view.targets {
                    for c in &view.framework.criteria {
                        let Some(k) = view.consensus_of(t.row.round_target_id, c.row.criterion_id) else {
                            continue;
                        };
                        let Some(level) = c.level(k.row.criterion_level_id) else {
                            continue;
                        };
                        if let Some(iso) = &t.country_iso3 {
                            isos.insert(iso.clone());
                        }
                        out.push(PublishedConsensus {
                            edition: e.slug.clone(),
                            edition_year: year,
                            target_kind: t.kind.to_string(),
                            target_slug: t.slug.clone(),
                            target_label: t.label.clone(),
                            country_iso3: t.country_iso3.clone(),
                            un_region: None,
                            criterion: c.row.code.clone(),
                            criterion_label: c.row.label.clone(),
                            position: c.row.position,
                            rank: level.rank,
                            of: i32::try_from(c.levels.len()).unwrap_or(i32::MAX),
                            level: level.label.clone(),
                            scale: c.levels.iter().map(|l| l.label.clone()).collect(),
                        });
                    }
                }
            }
        }
        let regions: BTreeMap<String, Option<String>> = self
            .rows_where::<country::Entity, _>(country::Column::CountryIso3, isos)
            .await?
            .into_iter()
            .map(|c| (c.country_iso3, c.un_region))
            .collect();
        for row in &mut out {
            row.un_region = row
                .country_iso3
                .as_ref()
                .and_then(|iso| regions.get(iso).cloned().flatten());
        }
        out.sort_by(|a, b| {
            (a.edition_year, &a.edition, &a.target_label, &a.target_slug, a.position).cmp(&(
                b.edition_year,
                &b.edition,
                &b.target_label,
                &b.target_slug,
                b.position,
            ))
        });
        Ok(out)
    }
}
