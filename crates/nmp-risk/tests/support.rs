//! Shared by the tests: SYNTHETIC data generated from a seed (never real country-years).

/// A small generator (SplitMix64) for reproducible synthetic data.
pub struct Gen(pub u64);

impl Gen {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// Synthetic logistic data: `n` rows of `beta.len()` predictors (the second nearly collinear
/// with the first when there are two or more), outcomes drawn from logistic(intercept + x·beta).
pub fn logistic_data(seed: u64, n: usize, intercept: f64, beta: &[f64]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let mut g = Gen(seed);
    let (mut xs, mut ys) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let mut x: Vec<f64> = (0..beta.len()).map(|_| g.normal()).collect();
        if x.len() > 1 {
            x[1] = x[0] + 0.5 * x[1];
        }
        let eta = intercept + x.iter().zip(beta).map(|(a, b)| a * b).sum::<f64>();
        let p = 1.0 / (1.0 + (-eta).exp());
        ys.push(if g.uniform() < p { 1.0 } else { 0.0 });
        xs.push(x);
    }
    (xs, ys)
}
