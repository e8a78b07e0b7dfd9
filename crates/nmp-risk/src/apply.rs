//! Risks from coefficients: the linear predictor, then the logistic function; and how far they
//! are from the published ones.

use crate::coefficients::Coefficients;
use crate::enet::logistic;
use crate::forecasts::ForecastRow;

/// One country's computed risk beside the published one.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedRow {
    /// The country's name.
    pub name: String,
    /// COW country code.
    pub ccode: i64,
    /// The computed two-year risk.
    pub risk: f64,
    /// The published two-year risk.
    pub published: f64,
}

/// Computed risks and how they compare with the published ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// One row per country, in the file's order.
    pub rows: Vec<AppliedRow>,
    /// The largest |computed − published|.
    pub max_abs_diff: f64,
    /// logit(published) − linear predictor: smallest, mean, largest. A constant gap (small
    /// spread) means the ranking agrees and something shifts every country alike.
    pub logit_gap: (f64, f64, f64),
}

/// The logit, ln(p / (1 − p)).
pub fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

/// Applies `linear_predictor` to every row and compares with the published risks.
pub fn apply_with(rows: &[ForecastRow], linear_predictor: impl Fn(&[f64]) -> f64) -> Applied {
    let mut out = Vec::with_capacity(rows.len());
    let (mut lo, mut hi, mut sum, mut max) = (f64::INFINITY, f64::NEG_INFINITY, 0.0, 0.0_f64);
    for r in rows {
        let eta = linear_predictor(&r.x);
        let risk = logistic(eta);
        let gap = logit(r.published) - eta;
        lo = lo.min(gap);
        hi = hi.max(gap);
        sum += gap;
        max = max.max((risk - r.published).abs());
        out.push(AppliedRow {
            name: r.name.clone(),
            ccode: r.ccode,
            risk,
            published: r.published,
        });
    }
    Applied {
        rows: out,
        max_abs_diff: max,
        logit_gap: (lo, sum / rows.len().max(1) as f64, hi),
    }
}

/// Applies the coefficients as written.
pub fn apply(coef: &Coefficients, rows: &[ForecastRow]) -> Applied {
    apply_with(rows, |x| coef.linear_predictor(x))
}

/// How far the rounding of a coefficient file can move one row's linear predictor: half a unit
/// of the last decimal written, times each predictor's absolute value, summed (intercept
/// included). Returns the largest over `rows` and the predictor contributing most to it.
pub fn rounding_bound(coef: &Coefficients, rows: &[ForecastRow]) -> Option<(f64, String)> {
    let half = 0.5 * 10f64.powi(-(coef.decimals? as i32));
    let mut worst = (0.0, String::new());
    for r in rows {
        let total = half * (1.0 + r.x.iter().map(|v| v.abs()).sum::<f64>());
        if total > worst.0 {
            let top =
                r.x.iter()
                    .enumerate()
                    .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
                    .map(|(j, _)| coef.names[j].clone())
                    .unwrap_or_default();
            worst = (total, top);
        }
    }
    Some(worst)
}
