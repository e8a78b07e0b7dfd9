//! Citations as readers see them: the citations of the records a page or a report shows, loaded
//! once and looked up by record ([`CitationIndex`]), and the numbers they are given in the order
//! they are first shown ([`Numbering`]). The website numbers notes per source, locator and quote;
//! the report numbers its bibliography per source: both with the one numbering type.

use std::collections::{BTreeMap, HashMap};

use crate::entity::{citation, source};
use crate::{Result, Store};

/// A citation with its source.
pub type Cited = (citation::Model, source::Model);

/// The citations of a set of records, by `(table, key)`, each list in citation-id order.
#[derive(Debug, Clone, Default)]
pub struct CitationIndex {
    by_record: HashMap<(String, String), Vec<Cited>>,
}

impl CitationIndex {
    /// Loads the citations of the records `keys` of `table` (batched look-ups).
    pub async fn load(&mut self, store: &Store, table: &str, keys: impl IntoIterator<Item = String>) -> Result<()> {
        for (c, s) in store.citations_of(table, keys).await? {
            self.by_record
                .entry((c.entity.clone(), c.entity_id.clone()))
                .or_default()
                .push((c, s));
        }
        Ok(())
    }

    /// Adds the citations of `other` (records read by another query).
    pub fn merge(&mut self, other: CitationIndex) {
        for (record, list) in other.by_record {
            self.by_record.entry(record).or_default().extend(list);
        }
    }

    /// The citations of one record, in citation-id order (empty when it has none or was not
    /// loaded).
    pub fn of(&self, table: &str, key: &str) -> &[Cited] {
        self.by_record
            .get(&(table.to_string(), key.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// How many citations one record has.
    pub fn count(&self, table: &str, key: &str) -> u64 {
        self.of(table, key).len() as u64
    }
}

/// Numbers given in order of first appearance: 1, 2, 3...
#[derive(Debug, Clone)]
pub struct Numbering<K: Ord> {
    numbers: BTreeMap<K, usize>,
}

impl<K: Ord> Default for Numbering<K> {
    fn default() -> Self {
        Numbering {
            numbers: BTreeMap::new(),
        }
    }
}

impl<K: Ord> Numbering<K> {
    /// The number of `key`, and whether it is new (given now, the next after the last).
    pub fn number(&mut self, key: K) -> (usize, bool) {
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(key).or_insert(next);
        (number, number == next)
    }

    /// How many numbers were given.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// Whether no number was given yet.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Numbering;

    #[test]
    fn numbers_follow_first_appearance() {
        let mut n = Numbering::default();
        assert_eq!(n.number("b"), (1, true));
        assert_eq!(n.number("a"), (2, true));
        assert_eq!(n.number("b"), (1, false));
        assert_eq!(n.number("c"), (3, true));
        assert_eq!(n.len(), 3);
    }
}
