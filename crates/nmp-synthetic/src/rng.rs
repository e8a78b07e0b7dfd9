//! A small deterministic random number generator (SplitMix64) and synthetic text.
//!
//! Written here rather than taken from a crate so that the same seed gives the same dataset in
//! every version of NMP: general-purpose generators do not promise a stable stream across
//! releases.

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough for made-up data.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5EED_0F5E_ED0F_5EED)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i32
    }

    /// One of `items`.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Shuffles `items` in place (Fisher-Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// A date in `year` at a random precision (year, month or day), as ISO 8601 text.
    pub(crate) fn partial_date(&mut self, year: i32) -> String {
        match self.below(4) {
            0 => format!("{year}"),
            1 => format!("{year}-{:02}", self.between(1, 12)),
            _ => format!("{year}-{:02}-{:02}", self.between(1, 12), self.between(1, 28)),
        }
    }

    /// A full date in `year`.
    pub(crate) fn day(&mut self, year: i32) -> String {
        format!("{year}-{:02}-{:02}", self.between(1, 12), self.between(1, 28))
    }

    /// `sentences` sentences of synthetic prose on the work of a mechanism.
    pub(crate) fn prose(&mut self, sentences: usize) -> String {
        let mut out = String::new();
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            let sentence = format!(
                "{} {} {} {} {}.",
                self.pick(SUBJECTS),
                self.pick(VERBS),
                self.pick(OBJECTS),
                self.pick(WITH),
                self.pick(ENDINGS)
            );
            out.push_str(&sentence);
        }
        out
    }
}

const SUBJECTS: &[&str] = &[
    "The synthetic committee",
    "Its secretariat",
    "The member ministries",
    "A working group of the mechanism",
    "The chair",
    "Civil society members",
    "The focal points",
    "The technical team",
];

const VERBS: &[&str] = &[
    "reviewed",
    "drafted",
    "presented",
    "discussed",
    "adopted",
    "published",
    "updated",
    "coordinated",
];

const OBJECTS: &[&str] = &[
    "an early warning report",
    "a national action plan",
    "its annual work programme",
    "training materials for civil servants",
    "a risk assessment framework",
    "a protocol for data sharing",
    "recommendations on the protection of vulnerable populations",
    "a communication strategy",
];

const WITH: &[&str] = &[
    "with partner agencies",
    "together with the legislature",
    "in consultation with civil society",
    "with the support of a regional network",
    "with the national human rights institution",
    "at a public meeting",
];

const ENDINGS: &[&str] = &[
    "during the period under review",
    "after a series of workshops",
    "as planned in its mandate",
    "following a request from the government",
    "although funding remained limited",
    "in several provinces",
];

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_same_seed_gives_the_same_stream_and_another_seed_another() {
        let a: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        let b: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        let c: Vec<u64> = (0..5).scan(Rng::new(8), |r, _| Some(r.next_u64())).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(7) < 7);
            assert!((3..=5).contains(&r.between(3, 5)));
        }
    }
}
