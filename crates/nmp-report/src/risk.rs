//! The overview's risk–capacity gap table: the store's gap ([`nmp_store::risk_gap`], the same
//! computation as `/risk` and `GET /api/v1/risk/gap`) for the Early Warning Project release of
//! the edition's year, with capacity read as of that year, mapped to the snapshot with its
//! figures as printed. Only the high-risk (top 30) and rising states are kept: the rest of the
//! forecast is on the website and in the API.

use nmp_store::Store;
use nmp_store::entity::dataset;
use nmp_store::risk_gap::{self, Gap, GapRow, status_label};

use crate::ReportError;
use crate::snapshot::{RiskGap, RiskGapRow};

/// The gap table of an edition of `year`, or `None` when no release is dated by then (or the
/// edition has no year).
pub(crate) async fn risk_gap(store: &Store, year: Option<i32>) -> Result<Option<RiskGap>, ReportError> {
    let Some(year) = year else {
        return Ok(None);
    };
    let all = store.forecasts().await?;
    let Some(forecast) = risk_gap::for_edition(&all, year) else {
        return Ok(None);
    };
    let facts = store.indicator_facts().await?;
    let Some(gap) = store.risk_gap(&facts, &all, &forecast.slug, Some(year)).await? else {
        return Ok(None);
    };
    let record = store.get::<dataset::Entity>(forecast.dataset_id).await?;
    Ok(Some(map(&gap, &forecast.title, record.as_ref())))
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "not given".into())
}

/// A rank as printed: `7`, or `12.5` for a tie the publisher averaged.
fn rank_text(rank: Option<f64>) -> String {
    match rank {
        Some(r) if r.fract() == 0.0 => format!("{r:.0}"),
        Some(r) => format!("{r:.1}"),
        None => "not assessed".into(),
    }
}

fn row(r: &GapRow) -> RiskGapRow {
    RiskGapRow {
        rank: rank_text(r.rank),
        iso3: r.iso3.clone(),
        name: r.name.clone(),
        risk: percent(r.risk),
        change: match (r.risk, r.previous_risk) {
            (Some(now), Some(before)) => Some(format!("{:+.1} pt", (now - before) * 100.0)),
            _ => None,
        },
        high: r.high,
        rising: r.rising,
        mechanism: status_label(&r.mechanism_status).to_string(),
        functions: match &r.functions_edition {
            Some(e) => format!("{} of {} operational ({e})", r.functions_operational, r.functions_rated),
            None => "not rated".into(),
        },
        initiatives: r.initiatives,
        networks: r
            .networks
            .split(';')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect(),
        assessment: r
            .latest_assessment
            .as_ref()
            .map(|a| format!("{} ({})", a.summary, a.assessed_on)),
        flagged: r.flagged,
    }
}

fn map(gap: &Gap, title: &str, record: Option<&dataset::Model>) -> RiskGap {
    RiskGap {
        source: gap.source.slug.clone(),
        label: gap.source.label.clone(),
        title: title.to_string(),
        publisher: gap.publisher.clone(),
        version: gap.version.clone(),
        url: record.and_then(|d| d.url.clone()),
        file_sha256: record.and_then(|d| d.file_sha256.clone()),
        previous: gap.previous.clone(),
        states: gap.rows.len(),
        flagged: gap.flagged().count(),
        rows: gap.rows.iter().filter(|r| r.high || r.rising).map(row).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rank_is_printed_whole_unless_it_is_a_tie() {
        assert_eq!(rank_text(Some(7.0)), "7");
        assert_eq!(rank_text(Some(12.5)), "12.5");
        assert_eq!(rank_text(None), "not assessed");
    }
}
