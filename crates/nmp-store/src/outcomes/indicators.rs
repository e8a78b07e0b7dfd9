//! The indicators of a framework's criteria (the UN Framework of Analysis gives indicators per
//! risk factor): read with their sources for the pages, and copied with a criterion when a
//! framework version is copied.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::Evidence;
use super::read::evidence_of;
use crate::entity::{citation, criterion, criterion_indicator};
use crate::records::apply::ApplyError;
use crate::{Result, Set, Store, Writer};

/// An indicator with its sources.
#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    /// The row (number, wording, note).
    pub row: criterion_indicator::Model,
    /// Its sources.
    pub sources: Vec<Evidence>,
}

impl Store {
    /// The indicators of framework version `framework_id`, by criterion id, in position order.
    pub async fn criterion_indicators(&self, framework_id: i32) -> Result<BTreeMap<i32, Vec<Indicator>>> {
        let criteria: Vec<i32> = criterion::Entity::find()
            .filter(criterion::Column::FrameworkId.eq(framework_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| c.criterion_id)
            .collect();
        if criteria.is_empty() {
            return Ok(BTreeMap::new());
        }
        let rows = criterion_indicator::Entity::find()
            .filter(criterion_indicator::Column::CriterionId.is_in(criteria))
            .order_by_asc(criterion_indicator::Column::Position)
            .order_by_asc(criterion_indicator::Column::CriterionIndicatorId)
            .all(&self.db)
            .await?;
        let mut cited: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
        for (c, s) in self
            .citations_of(
                "criterion_indicator",
                rows.iter().map(|r| r.criterion_indicator_id.to_string()),
            )
            .await?
        {
            cited.entry(c.entity_id.clone()).or_default().push(evidence_of(&c, &s));
        }
        let mut out: BTreeMap<i32, Vec<Indicator>> = BTreeMap::new();
        for row in rows {
            out.entry(row.criterion_id).or_default().push(Indicator {
                sources: cited
                    .remove(&row.criterion_indicator_id.to_string())
                    .unwrap_or_default(),
                row,
            });
        }
        Ok(out)
    }
}

impl Writer {
    /// Copies the indicators of criterion `from` (with their citations) to criterion `to`.
    pub(super) async fn copy_indicators(&mut self, from: i32, to: i32) -> std::result::Result<(), ApplyError> {
        let rows = criterion_indicator::Entity::find()
            .filter(criterion_indicator::Column::CriterionId.eq(from))
            .order_by_asc(criterion_indicator::Column::Position)
            .all(self.conn())
            .await?;
        for r in rows {
            let copy = self
                .insert(criterion_indicator::ActiveModel {
                    criterion_id: Set(to),
                    code: Set(r.code.clone()),
                    position: Set(r.position),
                    text: Set(r.text.clone()),
                    note: Set(r.note.clone()),
                    ..Default::default()
                })
                .await?;
            let cites = citation::Entity::find()
                .filter(citation::Column::Entity.eq("criterion_indicator"))
                .filter(citation::Column::EntityId.eq(r.criterion_indicator_id.to_string()))
                .all(self.conn())
                .await?;
            for c in cites {
                self.insert(citation::ActiveModel {
                    source_id: Set(c.source_id),
                    entity: Set("criterion_indicator".into()),
                    entity_id: Set(copy.criterion_indicator_id.to_string()),
                    field: Set(c.field),
                    locator: Set(c.locator),
                    quote: Set(c.quote),
                    ..Default::default()
                })
                .await?;
            }
        }
        Ok(())
    }
}
