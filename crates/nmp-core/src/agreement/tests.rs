//! Tests against published worked examples and on small made-up ratings (not real data).

use super::*;

/// Reliability data given as one row per rater (as the literature prints it), `0` = missing,
/// turned into one row per unit.
fn by_unit(raters: &[&[i64]]) -> Vec<Vec<Option<i64>>> {
    let units = raters.iter().map(|r| r.len()).max().unwrap();
    (0..units)
        .map(|u| raters.iter().map(|r| r.get(u).copied().filter(|&v| v != 0)).collect())
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn alpha(data: &[Vec<Option<i64>>], metric: Metric) -> f64 {
    krippendorff_alpha(data, metric).unwrap()
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
/// twelve units, missing data (0 here).
fn krippendorff_2011() -> Vec<Vec<Option<i64>>> {
    by_unit(&[
        &[1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        &[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        &[0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        &[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ])
}

/// The computational example of Wikipedia's "Krippendorff's alpha" article: three coders,
/// fifteen units, missing data (0 here).
fn wikipedia() -> Vec<Vec<Option<i64>>> {
    by_unit(&[
        &[0, 0, 0, 0, 0, 3, 4, 1, 2, 1, 1, 3, 3, 0, 3],
        &[1, 0, 2, 1, 3, 3, 4, 3, 0, 0, 0, 0, 0, 0, 0],
        &[0, 0, 2, 1, 3, 4, 4, 0, 2, 1, 1, 3, 3, 0, 4],
    ])
}

#[test]
fn krippendorff_2011_published_values() {
    let data = krippendorff_2011();
    // Published: nominal 0.743, ordinal 0.815, interval 0.849.
    assert_eq!(round3(alpha(&data, Metric::Nominal)), 0.743);
    assert_eq!(round3(alpha(&data, Metric::Ordinal)), 0.815);
    assert_eq!(round3(alpha(&data, Metric::Interval)), 0.849);
    // The PyPI `krippendorff` package (0.9.0) gives, on the same data:
    assert!((alpha(&data, Metric::Nominal) - 0.743421052631579).abs() < 1e-12);
    assert!((alpha(&data, Metric::Ordinal) - 0.8153875037548814).abs() < 1e-12);
    assert!((alpha(&data, Metric::Interval) - 0.8491071428571428).abs() < 1e-12);
}

#[test]
fn krippendorff_2011_counts_and_percent_agreement() {
    let r = reliability(&krippendorff_2011(), Metric::Ordinal);
    // Unit 12 has one value and drops out; n = 40 pairable values, as in the paper.
    assert_eq!((r.units, r.raters, r.values), (11, 4, 40));
    assert_eq!(r.alpha, krippendorff_alpha(&krippendorff_2011(), Metric::Ordinal));
    // 86 of the 110 ordered pairs within units agree (counted by hand).
    assert!((r.percent_agreement.unwrap() - 86.0 / 110.0).abs() < 1e-12);
}

#[test]
fn wikipedia_published_values() {
    let data = wikipedia();
    // Published: nominal 0.691, interval 0.811.
    assert_eq!(round3(alpha(&data, Metric::Nominal)), 0.691);
    assert_eq!(round3(alpha(&data, Metric::Interval)), 0.811);
    // The PyPI `krippendorff` package (0.9.0) gives 0.691358 and 0.810845.
    assert!((alpha(&data, Metric::Nominal) - 0.691358024691358).abs() < 1e-12);
    assert!((alpha(&data, Metric::Interval) - 0.8108448928121059).abs() < 1e-12);
    let r = reliability(&data, Metric::Nominal);
    // Units 2 and 14 have no value and unit 1 has one: 12 pairable units and n = 26 values.
    assert_eq!((r.units, r.raters, r.values), (12, 3, 26));
}

#[test]
fn perfect_agreement_is_one() {
    let data = by_unit(&[&[1, 2, 3, 2, 0], &[1, 2, 3, 2, 3], &[0, 2, 3, 2, 3]]);
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        assert_eq!(krippendorff_alpha(&data, metric), Some(1.0), "{metric:?}");
    }
    assert_eq!(percent_agreement(&data), Some(1.0));
}

#[test]
fn no_variation_is_undefined() {
    let data = by_unit(&[&[2, 2, 2], &[2, 2, 0], &[2, 0, 2]]);
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        assert_eq!(krippendorff_alpha(&data, metric), None, "{metric:?}");
    }
    // The raters still agree on every pair.
    assert_eq!(percent_agreement(&data), Some(1.0));
    // A different value in a unit rated once does not make variation.
    let mut with_single = data.clone();
    with_single.push(vec![Some(4), None, None]);
    assert_eq!(krippendorff_alpha(&with_single, Metric::Interval), None);
}

#[test]
fn a_unit_with_one_value_contributes_nothing() {
    let data = krippendorff_2011();
    let mut more = data.clone();
    more.push(vec![None, Some(5), None, None]);
    more.push(vec![Some(1)]);
    more.push(vec![]);
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        assert_eq!(reliability(&more, metric), reliability(&data, metric));
    }
}

#[test]
fn no_pairable_values_is_undefined() {
    let data = by_unit(&[&[1, 0, 3], &[0, 2, 0]]);
    let r = reliability(&data, Metric::Ordinal);
    assert_eq!(
        r,
        Reliability {
            alpha: None,
            percent_agreement: None,
            units: 0,
            raters: 0,
            values: 0
        }
    );
    assert_eq!(reliability(&[], Metric::Nominal).alpha, None);
    assert_eq!(percent_agreement(&[]), None);
}

#[test]
fn rows_of_unequal_length_are_missing_ratings() {
    let short = vec![
        vec![Some(1), Some(1)],
        vec![Some(2), Some(3), Some(2)],
        vec![Some(3)],
        vec![Some(1), None, Some(2), Some(1)],
    ];
    let padded: Vec<Vec<Option<i64>>> = short
        .iter()
        .map(|row| (0..4).map(|r| row.get(r).copied().flatten()).collect())
        .collect();
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        assert_eq!(reliability(&short, metric), reliability(&padded, metric));
    }
    let r = reliability(&short, Metric::Nominal);
    // Units 1, 2 and 4 are pairable; rater 4 rated unit 4.
    assert_eq!((r.units, r.raters, r.values), (3, 4, 8));
}

#[test]
fn raters_only_count_in_pairable_units() {
    // The third rater rated only a unit nobody else rated.
    let data = by_unit(&[&[1, 2, 0], &[1, 3, 0], &[0, 0, 2]]);
    let r = reliability(&data, Metric::Nominal);
    assert_eq!((r.units, r.raters, r.values), (2, 2, 4));
}

#[test]
fn systematic_disagreement_is_negative() {
    // Two raters who always say the opposite: o_12 = o_21 = 2, n = 4,
    // alpha = 1 − 3 · 4 / (2 · 2 · 2) = −0.5.
    let data = by_unit(&[&[1, 2], &[2, 1]]);
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        assert!((alpha(&data, metric) + 0.5).abs() < 1e-12, "{metric:?}");
    }
    assert_eq!(percent_agreement(&data), Some(0.0));
}

#[test]
fn metrics_differ_as_their_differences_say() {
    // Nominal alpha does not see how far apart levels are; interval alpha does.
    let near = by_unit(&[&[1, 2, 3, 4, 5], &[2, 2, 3, 4, 5]]);
    let far = by_unit(&[&[1, 2, 3, 4, 5], &[5, 2, 3, 4, 5]]);
    assert_eq!(alpha(&near, Metric::Nominal), alpha(&far, Metric::Nominal));
    assert!(alpha(&near, Metric::Interval) > alpha(&far, Metric::Interval));
    assert!(alpha(&near, Metric::Ordinal) > alpha(&far, Metric::Ordinal));
    // Shifting every rank changes neither nominal, ordinal nor interval alpha.
    let shifted: Vec<Vec<Option<i64>>> = krippendorff_2011()
        .iter()
        .map(|row| row.iter().map(|v| v.map(|v| v + 10)).collect())
        .collect();
    for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
        let (a, b) = (alpha(&krippendorff_2011(), metric), alpha(&shifted, metric));
        assert!((a - b).abs() < 1e-12, "{metric:?}");
    }
}

#[test]
fn ordinal_ignores_unused_levels_between() {
    // Ordinal differences depend on the ratings between two levels, not on their ranks: ranks
    // 1, 2, 3 and 1, 2, 9 give the same ordinal alpha, but not the same interval alpha.
    let dense = by_unit(&[&[1, 2, 3, 1], &[1, 3, 3, 2]]);
    let sparse = by_unit(&[&[1, 2, 9, 1], &[1, 9, 9, 2]]);
    assert!((alpha(&dense, Metric::Ordinal) - alpha(&sparse, Metric::Ordinal)).abs() < 1e-12);
    assert!((alpha(&dense, Metric::Interval) - alpha(&sparse, Metric::Interval)).abs() > 1e-3);
}

#[test]
fn unit_disagreement_is_mean_squared_rank_difference() {
    assert_eq!(unit_disagreement(&[Some(1), Some(3), None]), Some(4.0));
    // Pairs (1,2), (1,3), (2,3): (1 + 4 + 1) / 3.
    assert_eq!(unit_disagreement(&[Some(1), Some(2), Some(3)]), Some(2.0));
    assert_eq!(unit_disagreement(&[Some(2), Some(2), Some(2)]), Some(0.0));
    assert_eq!(unit_disagreement(&[Some(2), None]), None);
    assert_eq!(unit_disagreement(&[]), None);
    // Sorting by it puts the most disputed unit first.
    let units = krippendorff_2011();
    let most = units
        .iter()
        .enumerate()
        .filter_map(|(u, row)| Some((u, unit_disagreement(row)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap();
    // Unit 6 (1, 2, 3, 4) is the one the observers disagree on most.
    assert_eq!(most.0, 5);
}
