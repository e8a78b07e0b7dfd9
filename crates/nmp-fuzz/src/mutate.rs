//! A small seeded mutator for the stable test's short random run: each input is a corpus file
//! changed a few times (bits flipped, bytes set, inserted, deleted or repeated, a token of the
//! formats inserted, a piece of another corpus file spliced in). It finds less than libFuzzer's
//! coverage-guided search, but it runs on the stable toolchain in every CI run, with the same seed
//! each time unless `NMP_FUZZ_SEED` says otherwise.

/// A xorshift64* generator: deterministic for a seed, and enough for choosing mutations.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed` (0 is replaced by a fixed odd number).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Pieces of the formats the targets read: separators, quotes, line ends, signs, numbers at the
/// edges of their types, dates, marks of the input container and of XML.
pub const TOKENS: &[&[u8]] = &[
    b",",
    b"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"-",
    b"+",
    b".",
    b"&",
    b"=",
    b"%",
    b"%FF",
    b"\xEF\xBB\xBF",
    b"\0",
    b"\xFF",
    b"0",
    b"-1",
    b"2024",
    b"1799",
    b"2201",
    b"9999",
    b"2147483647",
    b"-2147483648",
    b"4294967296",
    b"18446744073709551616",
    b"1e309",
    b"NaN",
    b"inf",
    b"2015-02-29",
    b"2016-02-29",
    b"0000-01-01",
    b"@@ ",
    b"\n@@ ",
    b"<c r=\"XFD1048576\"><v>1</v></c>",
    b"<c r=\"A1\" t=\"e\"><v>#N/A</v></c>",
    b"<c r=\"B2\" t=\"s\"><v>99</v></c>",
    b"<row r=\"1048576\">",
    b"PK\x03\x04",
    b"%PDF-",
    b"word/",
    b"xl/",
    b"{\"\":[{}]}",
    b"[",
    b"]",
    b"{",
    b"}",
    b"null",
    b"g.members.0.role=",
    b"q.name=",
    b"risk.2024and2025.from2023",
];

/// A mutation of one of `corpus` (which must not be empty): one to four changes, each drawn by
/// `rng`, the result at most `max_len` bytes.
pub fn mutate(rng: &mut Rng, corpus: &[Vec<u8>], max_len: usize) -> Vec<u8> {
    let mut data = corpus[rng.below(corpus.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next_u64() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                data.insert(i, rng.next_u64() as u8);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                data.drain(start..end);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let piece = data[start..end].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, piece);
            }
            5 | 6 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(len + 1);
                data.splice(at..at, token.iter().copied());
            }
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(256)).min(other.len());
                    let at = rng.below(len + 1);
                    data.splice(at..at, other[start..end].iter().copied());
                }
            }
        }
    }
    data.truncate(max_len);
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs() {
        let corpus = vec![b"iso3,year,indicator,value\nKEN,2020,gdp,1\n".to_vec(), Vec::new()];
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..50).map(|_| mutate(&mut rng, &corpus, 100)).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        assert!(run(7).iter().all(|d| d.len() <= 100));
    }
}
