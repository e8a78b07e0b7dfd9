//! A choropleth's classes by quintile: the cut points of a set of values into five classes of
//! (nearly) equal counts, their legend labels, and the colours the maps of one indicator use.
//! Shared by the website's indicator maps and the maps an essay embeds, so that the same values
//! are classed and labelled the same way everywhere.

use std::collections::BTreeMap;

use crate::MapChart;

/// The five colours of the quintiles, light to dark (a sequential orange, colour-blind safe).
pub const QUINTILE_COLOURS: [&str; 5] = ["#fde0c5", "#facba6", "#f59e72", "#d55e00", "#8c3d00"];

/// The classes of a set of values by quintile.
#[derive(Debug, Clone, PartialEq)]
pub struct Quintiles {
    /// The four cut points: class `i` holds the values below `bounds[i]` and at or above
    /// `bounds[i - 1]`.
    pub bounds: [f64; 4],
}

impl Quintiles {
    /// The cut points of `values` (non-finite values are left out; none: all zero).
    pub fn of(values: impl IntoIterator<Item = f64>) -> Quintiles {
        let mut sorted: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        let cut = |q: usize| {
            sorted
                .get((sorted.len() * q / 5).min(sorted.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0.0)
        };
        Quintiles {
            bounds: [cut(1), cut(2), cut(3), cut(4)],
        }
    }

    /// The class of a value, 0 to 4.
    pub fn class(&self, value: f64) -> usize {
        self.bounds.iter().take_while(|b| value >= **b).count()
    }

    /// The legend's labels: `below 0.012`, `0.012 to 0.034`, …, `0.210 and above`.
    pub fn labels(&self) -> Vec<String> {
        let b = &self.bounds;
        (0..5)
            .map(|i| match i {
                0 => format!("below {}", value_text(b[0])),
                4 => format!("{} and above", value_text(b[3])),
                _ => format!("{} to {}", value_text(b[i - 1]), value_text(b[i])),
            })
            .collect()
    }

    /// A map of `values` (M49 code to value) in these classes, with the quintiles' colours and
    /// legend; `hover` is left for the caller.
    pub fn map(&self, title: &str, description: &str, values: &BTreeMap<String, f64>) -> MapChart {
        MapChart {
            title: title.to_string(),
            description: description.to_string(),
            classes: self.labels(),
            values: values.iter().map(|(code, v)| (code.clone(), self.class(*v))).collect(),
            hover: BTreeMap::new(),
            colours: QUINTILE_COLOURS.iter().map(|c| c.to_string()).collect(),
        }
    }
}

/// A value as legends and tables print it: whole above 100, three decimals below.
pub fn value_text(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_values_cut_into_five_classes_of_two() {
        let q = Quintiles::of((1..=10).map(f64::from));
        assert_eq!(q.bounds, [3.0, 5.0, 7.0, 9.0]);
        let classes: Vec<usize> = (1..=10).map(|v| q.class(f64::from(v))).collect();
        assert_eq!(classes, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(
            q.labels(),
            [
                "below 3.000",
                "3.000 to 5.000",
                "5.000 to 7.000",
                "7.000 to 9.000",
                "9.000 and above"
            ]
        );
    }

    #[test]
    fn no_values_and_non_finite_values_do_not_panic() {
        assert_eq!(Quintiles::of([]).bounds, [0.0; 4]);
        assert_eq!(Quintiles::of([f64::NAN, 2.0]).bounds, [2.0; 4]);
        assert_eq!(value_text(1234.5), "1234");
    }
}
