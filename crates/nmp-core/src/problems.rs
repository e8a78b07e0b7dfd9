//! Problems found in the rows of a data file (an indicator import, a data package), each as
//! `FILE:ROW:COLUMN: message` (the header being row 1): the first [`MAX_REPORTED`] are kept and
//! all are counted, so that one run reports every problem without an unbounded list. Each crate
//! turns a non-empty list into its own error.

/// How many problems are kept (the rest are counted).
pub const MAX_REPORTED: usize = 50;

/// Collects row problems, keeping the first [`MAX_REPORTED`] and counting the rest.
#[derive(Debug, Default)]
pub struct RowProblems {
    kept: Vec<String>,
    total: usize,
}

impl RowProblems {
    /// Records `FILE:ROW:COLUMN: message` (or `FILE:ROW: message` without a column).
    pub fn add(&mut self, file: &str, row: usize, column: Option<&str>, message: impl FnOnce() -> String) {
        self.total += 1;
        if self.kept.len() < MAX_REPORTED {
            let at = match column {
                Some(c) => format!("{file}:{row}:{c}"),
                None => format!("{file}:{row}"),
            };
            self.kept.push(format!("{at}: {}", message()));
        }
    }

    /// How many problems there are.
    pub fn total(&self) -> usize {
        self.total
    }

    /// `Ok` when there are none, else the problems kept and how many there are in all.
    pub fn finish(self) -> Result<(), (Vec<String>, usize)> {
        if self.total == 0 {
            Ok(())
        } else {
            Err((self.kept, self.total))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_and_counts_them_all() {
        let mut p = RowProblems::default();
        assert_eq!(RowProblems::default().finish(), Ok(()));
        for row in 0..MAX_REPORTED + 5 {
            p.add("f.csv", row + 2, Some("year"), || "bad".into());
        }
        p.add("f.csv", 9, None, || "whole row".into());
        assert_eq!(p.total(), MAX_REPORTED + 6);
        let (kept, total) = p.finish().unwrap_err();
        assert_eq!((kept.len(), total), (MAX_REPORTED, MAX_REPORTED + 6));
        assert_eq!(kept[0], "f.csv:2:year: bad");
    }
}
