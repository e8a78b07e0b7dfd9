//! Whether NMP can draw a figure an essay embeds (`![Caption](nmp:…)`, issue 20): an
//! indicator's map needs the dataset, the indicator and values for the year; the report's own
//! figures are always drawn (from the edition's snapshot). The drawing itself is the report's
//! (`nmp_report::embed`).

use nmp_essay::markdown::FigureKey;

use crate::entity::{dataset, indicator, observation};
use crate::{Result, Store};

impl Store {
    /// Why NMP cannot draw the figure `key`, in a sentence naming what is missing; `None` when
    /// it can.
    pub async fn essay_figure_problem(&self, key: &FigureKey) -> Result<Option<String>> {
        let FigureKey::Indicator { dataset, code, year } = key else {
            return Ok(None);
        };
        let Some(ds) = self
            .rows_where::<dataset::Entity, _>(dataset::Column::Slug, [dataset.clone()])
            .await?
            .pop()
        else {
            return Ok(Some(format!(
                "NMP holds no dataset {dataset:?} (the datasets and their indicators are listed on /datasets)"
            )));
        };
        let Some(ind) = self
            .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, [ds.dataset_id])
            .await?
            .into_iter()
            .find(|i| i.code == *code)
        else {
            return Ok(Some(format!(
                "the dataset {dataset:?} has no indicator {code:?} (its indicators are listed on /datasets)"
            )));
        };
        let mut years: Vec<i32> = self
            .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, [ind.indicator_id])
            .await?
            .into_iter()
            .map(|o| o.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        Ok(match (year, years.first(), years.last()) {
            (_, None, _) | (_, _, None) => Some(format!("the indicator {code:?} of {dataset:?} has no values yet")),
            (Some(y), Some(first), Some(last)) if !years.contains(y) => Some(format!(
                "the indicator {code:?} of {dataset:?} has no values for {y} (it has values for {first} to {last})"
            )),
            _ => None,
        })
    }
}
