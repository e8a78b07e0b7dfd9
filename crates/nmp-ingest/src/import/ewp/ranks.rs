//! Ranks from risks, and whether a file's ranks agree with its risks.
//!
//! EWP ranks the countries of a release from the highest risk (rank 1) down, and gives tied
//! risks consecutive ranks (in the 2024 file, two countries with the same two-year risk are
//! ranked 50 and 51). So:
//!
//! - a computed rank is the position in the file's rows sorted by risk, highest first, tied
//!   risks keeping the file's order (R's `rank(-risk, ties.method = "first")`);
//! - a file's rank *agrees* when it lies within the ranks its risk's tie group spans: at least
//!   1 + the number of higher risks, at most the number of risks at least as high. Every rank of
//!   the 2024 file agrees by this rule; a rank outside it disagrees.

/// Ranks 1..=n of `risks` (highest first, ties in the order given).
pub fn ordinal(risks: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..risks.len()).collect();
    order.sort_by(|&a, &b| risks[b].total_cmp(&risks[a]).then(a.cmp(&b)));
    let mut ranks = vec![0.0; risks.len()];
    for (position, &i) in order.iter().enumerate() {
        ranks[i] = (position + 1) as f64;
    }
    ranks
}

/// The positions whose rank lies outside the span of its risk's tie group.
pub fn disagreements(risks: &[f64], ranks: &[f64]) -> Vec<usize> {
    let mut sorted: Vec<f64> = risks.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    (0..risks.len().min(ranks.len()))
        .filter(|&i| {
            let r = risks[i];
            let higher = sorted.partition_point(|v| v.total_cmp(&r).is_gt());
            let at_least = sorted.partition_point(|v| v.total_cmp(&r).is_ge());
            !((higher + 1) as f64 <= ranks[i] && ranks[i] <= at_least as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_take_consecutive_ranks_in_file_order() {
        assert_eq!(ordinal(&[0.1, 0.3, 0.2, 0.3]), [4.0, 1.0, 3.0, 2.0]);
        assert_eq!(ordinal(&[]), Vec::<f64>::new());
    }

    #[test]
    fn a_rank_within_its_tie_group_agrees_and_one_outside_does_not() {
        let risks = [0.3, 0.2, 0.2, 0.1];
        assert!(disagreements(&risks, &[1.0, 3.0, 2.0, 4.0]).is_empty());
        assert!(disagreements(&risks, &[1.0, 2.0, 3.0, 4.0]).is_empty());
        assert_eq!(disagreements(&risks, &[2.0, 1.0, 3.0, 4.0]), [0, 1]);
        assert_eq!(disagreements(&risks, &[1.0, 2.0, 3.0, 5.0]), [3]);
    }
}
