//! Comparing two rankings: ranks (ties get their average rank), Spearman's rank correlation,
//! and the overlap of two top-k lists.

/// Ranks of `values`, 1 = largest, ties sharing their average rank.
pub fn ranks_desc(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = avg;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rank correlation of `a` and `b` (the Pearson correlation of their ranks); `None`
/// when there are fewer than two values or one side has no variation.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    pearson(&ranks_desc(a), &ranks_desc(b))
}

/// Pearson's correlation of `a` and `b`.
pub fn pearson(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    (saa > 0.0 && sbb > 0.0).then(|| sab / (saa * sbb).sqrt())
}

/// The indices of the `k` largest values (ties broken by position).
pub fn top_k(values: &[f64], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

/// How many of the `k` largest of `a` are among the `k` largest of `b` (same positions = same
/// countries).
pub fn top_k_overlap(a: &[f64], b: &[f64], k: usize) -> usize {
    let tb = top_k(b, k);
    top_k(a, k).iter().filter(|i| tb.contains(i)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_their_average_rank() {
        assert_eq!(ranks_desc(&[3.0, 1.0, 3.0, 2.0]), vec![1.5, 4.0, 1.5, 3.0]);
    }

    #[test]
    fn spearman_is_one_for_the_same_order_and_minus_one_reversed() {
        let a = [0.1, 0.5, 0.3, 0.9];
        assert!((spearman(&a, &[1.0, 5.0, 3.0, 9.0]).unwrap() - 1.0).abs() < 1e-12);
        assert!((spearman(&a, &[9.0, 1.0, 3.0, 0.0]).unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&a, &[1.0; 4]), None);
    }

    #[test]
    fn top_k_overlap_counts_shared_members() {
        let a = [5.0, 4.0, 3.0, 2.0, 1.0];
        let b = [5.0, 1.0, 3.0, 4.0, 2.0];
        assert_eq!(top_k_overlap(&a, &b, 2), 1);
        assert_eq!(top_k_overlap(&a, &b, 3), 2);
        assert_eq!(top_k_overlap(&a, &a, 5), 5);
    }
}
