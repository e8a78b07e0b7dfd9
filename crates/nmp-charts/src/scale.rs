//! Axes: round tick values ("nice" steps of 1, 2 and 5 times a power of ten) and linear scales
//! from data values to pixels.

/// The ticks of one axis: the domain they span and the values to label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    /// The lowest tick, and the start of the axis.
    pub(crate) min: f64,
    /// The highest tick, and the end of the axis.
    pub(crate) max: f64,
    /// The tick values from `min` to `max`.
    pub(crate) values: Vec<f64>,
    /// How many decimals the tick labels need (0 to 2).
    pub(crate) decimals: usize,
}

/// The smallest step used: tick labels have at most two decimals.
const MIN_STEP: f64 = 0.01;

/// Ticks covering `lo..=hi` with about `target` intervals. With `integer`, steps are whole numbers
/// (counts never get a tick at 0.5).
pub(crate) fn nice_ticks(lo: f64, hi: f64, target: usize, integer: bool) -> Ticks {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo < MIN_STEP {
        if lo == 0.0 && hi == 0.0 {
            hi = 1.0;
        } else {
            let pad = (lo.abs() * 0.1).max(1.0);
            if lo >= 0.0 && lo - pad < 0.0 {
                lo = 0.0;
            } else {
                lo -= pad;
            }
            hi += pad;
        }
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mut step = nice_step(raw).max(MIN_STEP);
    if integer {
        step = step.max(1.0);
    }
    let first = (lo / step + 1e-9).floor();
    let last = (hi / step - 1e-9).ceil();
    let decimals = decimals_for(step);
    let count = (last - first).max(1.0) as usize;
    let values: Vec<f64> = (0..=count)
        .map(|i| round_to((first + i as f64) * step, decimals))
        .collect();
    Ticks {
        min: values.first().copied().unwrap_or(lo),
        max: values.last().copied().unwrap_or(hi),
        values,
        decimals,
    }
}

/// 1, 2 or 5 times a power of ten, whichever is nearest to `raw` (the thresholds are the
/// geometric means, as in d3's `tickIncrement`).
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * power
}

fn decimals_for(step: f64) -> usize {
    if step >= 1.0 - 1e-9 {
        0
    } else if (step * 10.0 - (step * 10.0).round()).abs() < 1e-6 {
        1
    } else {
        2
    }
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    let rounded = (value * factor).round() / factor;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// Maps a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// A scale from `domain` to `range` (either may be reversed).
    pub(crate) fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    /// The pixel position of `value`.
    pub(crate) fn map(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (value - self.d0) / span * (self.r1 - self.r0)
    }
}

/// Whether every finite value is a whole number.
pub(crate) fn all_integers<'a>(values: impl IntoIterator<Item = &'a f64>) -> bool {
    values.into_iter().filter(|v| v.is_finite()).all(|v| v.fract() == 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 47.0, 5, true).values,
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
        );
        assert_eq!(nice_ticks(0.0, 3.0, 5, true).values, vec![0.0, 1.0, 2.0, 3.0]);
        let shares = nice_ticks(0.0, 0.9, 5, false);
        assert_eq!(shares.values, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(shares.decimals, 1);
        assert_eq!(
            nice_ticks(-12.0, 30.0, 5, true).values,
            vec![-20.0, -10.0, 0.0, 10.0, 20.0, 30.0]
        );
        assert_eq!(nice_ticks(0.0, 0.0, 5, true).values, vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5, false).max, 1.0);
        let same = nice_ticks(7.0, 7.0, 5, true);
        assert!(same.min <= 7.0 && same.max > 7.0);
    }

    #[test]
    fn linear_maps_ends() {
        let scale = Linear::new((0.0, 10.0), (300.0, 100.0));
        assert_eq!(scale.map(0.0), 300.0);
        assert_eq!(scale.map(10.0), 100.0);
        assert_eq!(scale.map(5.0), 200.0);
    }
}
