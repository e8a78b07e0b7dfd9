//! Which expert opinion essays rely on the record an erratum corrects (issue 20): the erratum's
//! location names the record as essays cite it (`Profile of [@mechanism:ug-nccpg]`, `Table 2
//! of [@aipr-2017-report]`, one key or several), and every essay whose latest version cites one
//! of those keys is listed ([`Store::essays_citing`]).

use std::collections::BTreeMap;

use nmp_essay::markdown::{RecordKind, RefKey, references};

use crate::essays::CitingEssay;
use crate::{Result, Store};

/// The `(kind, key)` pairs, as `essay_reference` stores them (`("mechanism", slug)`,
/// `("source", slug)`), that an erratum's location cites, in the order written and without
/// repeats. Empty when the location cites nothing, or when a citation in it is malformed (the
/// location is free text, not checked as an essay is). A country is looked up under its code
/// as written and in upper and lower case, since essays may cite `[@country:KEN]` or
/// `[@country:ken]`.
pub fn cited_keys(location: &str) -> Vec<(String, String)> {
    let Ok(refs) = references(location) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for r in refs {
        let (kind, keys) = match r.key {
            RefKey::Source(slug) => ("source".to_string(), vec![slug]),
            RefKey::Record {
                kind: RecordKind::Country,
                key,
            } => (
                RecordKind::Country.code().to_string(),
                vec![key.clone(), key.to_ascii_uppercase(), key.to_ascii_lowercase()],
            ),
            RefKey::Record { kind, key } => (kind.code().to_string(), vec![key]),
        };
        for key in keys {
            let pair = (kind.clone(), key);
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

impl Store {
    /// The essays that rely on what an erratum corrects: those whose latest version cites a
    /// record or source named in the erratum's `location` as a citation key ([`cited_keys`]),
    /// by essay, each once. Empty when the location names none.
    pub async fn essays_relying_on(&self, location: &str) -> Result<Vec<CitingEssay>> {
        let mut out: BTreeMap<i32, CitingEssay> = BTreeMap::new();
        for (kind, key) in cited_keys(location) {
            for essay in self.essays_citing(&kind, &key).await? {
                out.entry(essay.essay_id).or_insert(essay);
            }
        }
        Ok(out.into_values().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::cited_keys;

    fn pair(kind: &str, key: &str) -> (String, String) {
        (kind.to_string(), key.to_string())
    }

    #[test]
    fn a_location_s_citation_keys_are_read_as_essays_cite_them() {
        assert_eq!(
            cited_keys("Profile of [@mechanism:ug-nccpg], table 2 of [@aipr-2017-report, p. 4; @mechanism:ug-nccpg]"),
            vec![pair("mechanism", "ug-nccpg"), pair("source", "aipr-2017-report")]
        );
        assert_eq!(
            cited_keys("[@country:Ken]"),
            vec![pair("country", "Ken"), pair("country", "KEN"), pair("country", "ken")]
        );
    }

    #[test]
    fn a_location_without_keys_or_with_a_malformed_one_cites_nothing() {
        assert!(cited_keys("Kenya profile, p. 3").is_empty());
        assert!(cited_keys("Profile of [@mechanism:").is_empty());
    }
}
