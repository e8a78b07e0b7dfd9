//! Agreement between raters who rated the same units independently (an assessment round's
//! ratings, before reconciliation), computed from plain ratings without I/O.
//!
//! The data are one row per **unit** (a rated thing: a mechanism on a criterion, say) and one
//! column per **rater**; a rating is a level's rank (1 = the lowest level), and `None` means that
//! rater did not rate that unit. Only units with at least two ratings can show agreement or
//! disagreement ("pairable" units); a unit rated once contributes nothing.
//!
//! - [`krippendorff_alpha`]: Krippendorff's alpha, `1 − observed disagreement / disagreement
//!   expected by chance`, where chance means the same ratings paired at random across units.
//!   1 is perfect agreement, 0 is agreement no better than chance, and below 0 the raters
//!   disagree systematically. It allows any number of raters and missing ratings. Computed
//!   through the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
//!   Alpha-Reliability", with three levels of measurement ([`Metric`]): nominal (any two
//!   different levels disagree equally), ordinal (levels are ordered, and two levels are further
//!   apart the more ratings fall between them, Krippendorff's ordinal difference) and interval
//!   (levels are equally spaced; the difference is the squared difference of ranks). Undefined
//!   (`None`) without pairable ratings or when all pairable ratings are the same level (nothing
//!   could be disagreed on).
//! - [`percent_agreement`]: the share of pairs of ratings of the same unit that are the same
//!   level, over all such pairs. Easy to read, but not corrected for chance: raters who mostly
//!   use one level agree often by chance alone.
//! - [`unit_disagreement`]: how far the raters of one unit are apart (the mean squared
//!   difference of ranks over pairs of ratings), to list a round's units from the most disputed.
//!
//! Rows may have different lengths: a missing column is a missing rating.

use std::collections::BTreeMap;

/// Level of measurement: how the difference between two levels is weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Levels are categories: any two different levels disagree equally.
    Nominal,
    /// Levels are ordered: the difference grows with the ratings that fall between them.
    Ordinal,
    /// Levels are equally spaced ranks: the difference is the squared difference of ranks.
    Interval,
}

/// The agreement statistics of one set of reliability data, with what they rest on.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    /// Krippendorff's alpha, `None` when undefined (see [`krippendorff_alpha`]).
    pub alpha: Option<f64>,
    /// The share of agreeing pairs of ratings within units, `None` without pairs.
    pub percent_agreement: Option<f64>,
    /// Pairable units: units with at least two ratings.
    pub units: usize,
    /// Raters with at least one rating in a pairable unit.
    pub raters: usize,
    /// Pairable ratings: the ratings of pairable units (Krippendorff's `n`).
    pub values: usize,
}

/// Krippendorff's alpha of `data` (rows = units, columns = raters) at the level of measurement
/// `metric`. `None` when it is undefined: fewer than two pairable ratings, or no variation among
/// them (the disagreement expected by chance is zero).
pub fn krippendorff_alpha(data: &[Vec<Option<i64>>], metric: Metric) -> Option<f64> {
    Coincidences::of(&pairable_units(data))?.alpha(metric)
}

/// The share of ordered pairs of ratings of the same unit (two different raters) that are the
/// same level, over all such pairs in pairable units; `None` when there are no pairs.
pub fn percent_agreement(data: &[Vec<Option<i64>>]) -> Option<f64> {
    let (mut agreeing, mut pairs) = (0u128, 0u128);
    for unit in pairable_units(data) {
        let m = unit.len() as u128;
        pairs += m * (m - 1);
        for count in counts(&unit).into_values() {
            let count = count as u128;
            agreeing += count * (count - 1);
        }
    }
    (pairs > 0).then(|| agreeing as f64 / pairs as f64)
}

/// Alpha, percent agreement and the counts they rest on, for `data` at `metric`.
pub fn reliability(data: &[Vec<Option<i64>>], metric: Metric) -> Reliability {
    let pairable: Vec<usize> = (0..data.len())
        .filter(|&u| data[u].iter().flatten().count() >= 2)
        .collect();
    let columns = data.iter().map(Vec::len).max().unwrap_or(0);
    let raters = (0..columns)
        .filter(|&r| pairable.iter().any(|&u| data[u].get(r).copied().flatten().is_some()))
        .count();
    Reliability {
        alpha: krippendorff_alpha(data, metric),
        percent_agreement: percent_agreement(data),
        units: pairable.len(),
        raters,
        values: pairable.iter().map(|&u| data[u].iter().flatten().count()).sum(),
    }
}

/// How much the raters of one unit disagree: the mean squared difference of ranks over all pairs
/// of its ratings (0 = all agree); `None` with fewer than two ratings. For sorting a round's
/// units from the most disputed.
pub fn unit_disagreement(values: &[Option<i64>]) -> Option<f64> {
    let values: Vec<f64> = values.iter().flatten().map(|&v| v as f64).collect();
    let m = values.len();
    if m < 2 {
        return None;
    }
    let mut sum = 0.0;
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            sum += (a - b) * (a - b);
        }
    }
    let pairs = (m * (m - 1) / 2) as f64;
    Some(sum / pairs).filter(|d| d.is_finite())
}

/// The ratings of each unit that has at least two.
fn pairable_units(data: &[Vec<Option<i64>>]) -> Vec<Vec<i64>> {
    data.iter()
        .map(|row| row.iter().flatten().copied().collect::<Vec<_>>())
        .filter(|unit| unit.len() >= 2)
        .collect()
}

/// How often each value occurs among `values`.
fn counts(values: &[i64]) -> BTreeMap<i64, usize> {
    let mut counts = BTreeMap::new();
    for &v in values {
        *counts.entry(v).or_insert(0) += 1;
    }
    counts
}

/// The coincidence matrix of pairable units (Krippendorff 2011): `o[c][k]` counts the pairs of
/// values `(c, k)` within units, each unit's pairs weighted `1 / (m_u − 1)` so that every pairable
/// value counts once; its marginals `n_c` and their total `n` (the number of pairable values).
struct Coincidences {
    /// The distinct values, ascending.
    values: Vec<i64>,
    /// `o[c][k]`, indexed like `values`.
    o: Vec<Vec<f64>>,
    /// `n_c`, the row sums of `o`.
    marginals: Vec<f64>,
    /// `n`, the sum of `marginals`.
    n: f64,
}

impl Coincidences {
    /// `None` without pairable units.
    fn of(units: &[Vec<i64>]) -> Option<Self> {
        if units.is_empty() {
            return None;
        }
        let values: Vec<i64> = counts(&units.concat()).into_keys().collect();
        let index: BTreeMap<i64, usize> = values.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let mut o = vec![vec![0.0; values.len()]; values.len()];
        for unit in units {
            let weight = 1.0 / (unit.len() - 1) as f64;
            let unit_counts: Vec<(usize, f64)> = counts(unit)
                .into_iter()
                .filter_map(|(v, count)| Some((*index.get(&v)?, count as f64)))
                .collect();
            for &(c, count_c) in &unit_counts {
                for &(k, count_k) in &unit_counts {
                    let pairs = if c == k {
                        count_c * (count_c - 1.0)
                    } else {
                        count_c * count_k
                    };
                    o[c][k] += pairs * weight;
                }
            }
        }
        let marginals: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
        let n = marginals.iter().sum();
        Some(Coincidences {
            values,
            o,
            marginals,
            n,
        })
    }

    /// The squared differences `δ²(c, k)` between the `c`-th and `k`-th values under `metric`.
    fn distances(&self, metric: Metric) -> Vec<Vec<f64>> {
        // cumulative[i] = n_0 + … + n_i, for the ordinal difference.
        let cumulative: Vec<f64> = self
            .marginals
            .iter()
            .scan(0.0, |sum, n_g| {
                *sum += n_g;
                Some(*sum)
            })
            .collect();
        let v = self.values.len();
        (0..v)
            .map(|c| (0..v).map(|k| self.distance(metric, &cumulative, c, k)).collect())
            .collect()
    }

    /// `δ²(c, k)`: 0 for the same value; for different values 1 (nominal), the squared
    /// difference of ranks (interval), or `(n_c + … + n_k − (n_c + n_k) / 2)²` (ordinal, with
    /// the values between `c` and `k` in ascending order).
    fn distance(&self, metric: Metric, cumulative: &[f64], c: usize, k: usize) -> f64 {
        if c == k {
            return 0.0;
        }
        let x = match metric {
            Metric::Nominal => 1.0,
            Metric::Ordinal => {
                let (lo, hi) = (c.min(k), c.max(k));
                let between = cumulative[hi] - cumulative[lo] + self.marginals[lo];
                between - (self.marginals[c] + self.marginals[k]) / 2.0
            }
            Metric::Interval => self.values[c] as f64 - self.values[k] as f64,
        };
        x * x
    }

    /// `α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck`; `None` when the expected disagreement is
    /// zero (or the result is not a finite number).
    fn alpha(&self, metric: Metric) -> Option<f64> {
        if self.n < 2.0 {
            return None;
        }
        let d = self.distances(metric);
        let (mut observed, mut expected) = (0.0, 0.0);
        for (c, row) in d.iter().enumerate() {
            for (k, delta) in row.iter().enumerate() {
                observed += self.o[c][k] * delta;
                expected += self.marginals[c] * self.marginals[k] * delta;
            }
        }
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - (self.n - 1.0) * observed / expected).filter(|a| a.is_finite())
    }
}

#[cfg(test)]
mod tests;
