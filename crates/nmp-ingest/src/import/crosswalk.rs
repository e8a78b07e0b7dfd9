//! The Early Warning Project's country names and Correlates of War (COW) codes, matched to ISO
//! 3166-1 alpha-3: `data/reference/ewp-crosswalk.csv` (its source and method are in
//! `ewp-crosswalk.md` beside it), embedded in the binary.
//!
//! One row per entry of the project's `countrynamesheet_complete.csv`. `iso3` is empty where the
//! entity is not one of the 195 states NMP covers (Kosovo, Taiwan, historical states); the note
//! says why.

use std::collections::HashSet;

use crate::IngestError;

/// The crosswalk file, embedded.
pub const EWP_CROSSWALK_CSV: &str = include_str!("../../../../data/reference/ewp-crosswalk.csv");
const FILE: &str = "data/reference/ewp-crosswalk.csv";

/// One crosswalk entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CrosswalkEntry {
    /// The name EWP uses (`ewp_name`).
    pub ewp_name: String,
    /// The Correlates of War country code (`ccode`).
    pub ccode: u32,
    /// ISO 3166-1 alpha-3, or `None` when the entity is not one of the 195 states.
    #[serde(deserialize_with = "empty_as_none")]
    pub iso3: Option<String>,
    /// Why the mapping is what it is, where that is not obvious.
    pub note: String,
}

fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s: String = serde::Deserialize::deserialize(d)?;
    Ok(if s.is_empty() { None } else { Some(s) })
}

/// The crosswalk.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    /// Its entries, in file order.
    pub entries: Vec<CrosswalkEntry>,
}

impl Crosswalk {
    /// The embedded crosswalk.
    pub fn embedded() -> Result<Crosswalk, IngestError> {
        Crosswalk::parse(EWP_CROSSWALK_CSV)
    }

    /// Parses a crosswalk, checking that names and codes are unique and ISO codes well formed.
    pub fn parse(text: &str) -> Result<Crosswalk, IngestError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| err(Some(1), e.to_string()))?.clone();
        if headers.iter().collect::<Vec<_>>() != ["ewp_name", "ccode", "iso3", "note"] {
            return Err(err(
                Some(1),
                format!(
                    "expected the header ewp_name,ccode,iso3,note, found {}",
                    headers.iter().collect::<Vec<_>>().join(",")
                ),
            ));
        }
        let mut entries: Vec<CrosswalkEntry> = Vec::new();
        let mut names = HashSet::new();
        let mut codes = HashSet::new();
        for (i, row) in reader.deserialize::<CrosswalkEntry>().enumerate() {
            let line = i + 2;
            let entry = row.map_err(|e| err(Some(line), e.to_string()))?;
            if !names.insert(entry.ewp_name.clone()) {
                return Err(err(Some(line), format!("ewp_name {:?} appears twice", entry.ewp_name)));
            }
            if !codes.insert(entry.ccode) {
                return Err(err(Some(line), format!("ccode {} appears twice", entry.ccode)));
            }
            if let Some(iso3) = &entry.iso3 {
                nmp_core::vocab::validate_iso3("iso3", iso3).map_err(|e| err(Some(line), e.to_string()))?;
            } else if entry.note.is_empty() {
                return Err(err(Some(line), "an entry without iso3 needs a note saying why".into()));
            }
            entries.push(entry);
        }
        Ok(Crosswalk { entries })
    }

    /// The entry for exactly this name and code.
    pub fn get(&self, ewp_name: &str, ccode: u32) -> Option<&CrosswalkEntry> {
        self.entries.iter().find(|e| e.ewp_name == ewp_name && e.ccode == ccode)
    }

    /// The entry with this code, whatever its name.
    pub fn by_code(&self, ccode: u32) -> Option<&CrosswalkEntry> {
        self.entries.iter().find(|e| e.ccode == ccode)
    }

    /// The entry with this name, whatever its code.
    pub fn by_name(&self, ewp_name: &str) -> Option<&CrosswalkEntry> {
        self.entries.iter().find(|e| e.ewp_name == ewp_name)
    }
}

fn err(line: Option<usize>, message: String) -> IngestError {
    IngestError::File {
        file: FILE.into(),
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_crosswalk_covers_the_name_sheet_and_names_only_our_states() {
        let cw = Crosswalk::embedded().unwrap();
        assert_eq!(
            cw.entries.len(),
            174,
            "one row per entry of countrynamesheet_complete.csv"
        );
        let ours: HashSet<String> = crate::countries::load(crate::countries::UN_REGIONAL_GROUPS_CSV)
            .unwrap()
            .into_iter()
            .map(|c| c.iso3)
            .collect();
        let mut seen = HashSet::new();
        for e in &cw.entries {
            if let Some(iso3) = &e.iso3 {
                assert!(ours.contains(iso3), "{} maps to {iso3}, not one of the 195", e.ewp_name);
                assert!(seen.insert(iso3.clone()), "{iso3} is mapped twice");
            }
        }
        assert_eq!(cw.get("Kosovo", 347).and_then(|e| e.iso3.as_deref()), None);
        assert_eq!(cw.get("Taiwan", 713).and_then(|e| e.iso3.as_deref()), None);
        assert_eq!(cw.get("Serbia", 345).and_then(|e| e.iso3.as_deref()), Some("SRB"));
        assert_eq!(
            cw.get("Democratic Republic of Vietnam", 816)
                .and_then(|e| e.iso3.as_deref()),
            Some("VNM")
        );
        assert_eq!(
            cw.get("Burma/Myanmar", 775).and_then(|e| e.iso3.as_deref()),
            Some("MMR")
        );
    }

    #[test]
    fn a_duplicate_code_is_refused() {
        let err = Crosswalk::parse("ewp_name,ccode,iso3,note\nA,1,KEN,\nB,1,UGA,\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":3: ccode 1 appears twice"), "{err}");
    }
}
