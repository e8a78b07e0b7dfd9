//! The country reference list: the 193 UN member states and the two observer states.
//!
//! ISO codes, the M49 code, names and UN geoscheme region and sub-region come from the `keshvar`
//! crate; the UN regional group comes from `data/reference/un-regional-groups.csv` (its source is
//! written in each row and in `un-regional-groups.md`), which is also the list of which states
//! are included.

use keshvar::Alpha3;
use nmp_core::vocab::{UnRegionalGroup, UnStatus, validate_iso3};

use nmp_store::Set;
use nmp_store::entity::country;

use crate::IngestError;

/// The regional groups file, embedded in the binary.
pub const UN_REGIONAL_GROUPS_CSV: &str = include_str!("../../../data/reference/un-regional-groups.csv");
const FILE: &str = "data/reference/un-regional-groups.csv";
const OBSERVERS: [&str; 2] = ["PSE", "VAT"];

/// One country of the reference list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRef {
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// UN M49 (= ISO numeric) code, three digits.
    pub m49: String,
    /// English short name as the UN uses it (UN M49), or the ISO short name where the reference
    /// file's UN name is out of date.
    pub name: String,
    /// UN geoscheme (M49) region code, e.g. `africa` (see `nmp_core::vocab::geo_label`).
    pub region: Option<String>,
    /// UN geoscheme (M49) sub-region code, e.g. `eastern-africa`.
    pub subregion: Option<String>,
    /// UN regional group.
    pub group: Option<UnRegionalGroup>,
    /// Member or observer.
    pub status: UnStatus,
    /// Where the regional group came from.
    pub group_source: Option<String>,
}

#[derive(serde::Deserialize)]
struct Row {
    iso3: String,
    un_regional_group: String,
    source: String,
    un_name: String,
}

/// States whose `un_name` in the reference file predates a change of name the UN has since
/// adopted; for these the current ISO 3166 short name from keshvar is used instead (see
/// `data/reference/un-regional-groups.md`).
const OUTDATED_UN_NAMES: [&str; 3] = ["MKD", "NLD", "TUR"];

/// Reads the reference list from `csv_text` (the embedded file by default).
pub fn load(csv_text: &str) -> Result<Vec<CountryRef>, IngestError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (index, row) in reader.deserialize::<Row>().enumerate() {
        let line = index + 2;
        let err = |message: String| IngestError::File {
            file: FILE.into(),
            line: Some(line),
            message,
        };
        let row = row.map_err(|e| err(e.to_string()))?;
        validate_iso3("iso3", &row.iso3).map_err(|e| err(e.to_string()))?;
        let country = Alpha3::try_from(row.iso3.as_str())
            .map_err(|_| err(format!("iso3: {:?} is not a known ISO 3166-1 code", row.iso3)))?
            .to_country();
        let group = match row.un_regional_group.as_str() {
            "" => None,
            code => Some(UnRegionalGroup::parse("un_regional_group", code).map_err(|e| err(e.to_string()))?),
        };
        let status = if OBSERVERS.contains(&row.iso3.as_str()) {
            UnStatus::Observer
        } else {
            UnStatus::Member
        };
        out.push(CountryRef {
            iso2: country.alpha2().to_string(),
            m49: country.number().to_string(),
            name: if row.un_name.is_empty() || OUTDATED_UN_NAMES.contains(&row.iso3.as_str()) {
                country.iso_short_name().to_string()
            } else {
                row.un_name
            },
            region: country.maybe_region().map(|r| r.to_string()),
            subregion: country.maybe_subregion().map(|r| r.to_string()),
            group,
            status,
            group_source: Some(row.source).filter(|s| !s.is_empty()),
            iso3: row.iso3,
        });
    }
    Ok(out)
}

/// The `country` row of `c` (not yet a UN member date), with `note`.
pub fn row(c: &CountryRef, note: Option<String>) -> country::ActiveModel {
    country::ActiveModel {
        country_iso3: Set(c.iso3.clone()),
        iso2: Set(c.iso2.clone()),
        m49: Set(c.m49.clone()),
        name: Set(c.name.clone()),
        un_region: Set(c.region.clone()),
        un_subregion: Set(c.subregion.clone()),
        un_regional_group: Set(c.group.map(|g| g.code().to_string())),
        un_status: Set(c.status.code().into()),
        un_member_since: Set(None),
        note: Set(note),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_193_members_and_2_observers_consistent_with_keshvar() {
        let countries = load(UN_REGIONAL_GROUPS_CSV).unwrap();
        let members: Vec<_> = countries.iter().filter(|c| c.status == UnStatus::Member).collect();
        assert_eq!(members.len(), 193);
        assert_eq!(countries.len(), 195);
        for c in &members {
            let k = Alpha3::try_from(c.iso3.as_str()).unwrap().to_country();
            assert!(
                k.un_member(),
                "{} is listed as a UN member but keshvar disagrees",
                c.iso3
            );
            assert_eq!(c.m49.len(), 3, "{}", c.iso3);
        }
        let ken = countries.iter().find(|c| c.iso3 == "KEN").unwrap();
        assert_eq!((ken.iso2.as_str(), ken.m49.as_str()), ("KE", "404"));
        assert_eq!(ken.group, Some(UnRegionalGroup::African));
        let name = |iso: &str| countries.iter().find(|c| c.iso3 == iso).unwrap().name.clone();
        assert_eq!(
            name("COD"),
            "Democratic Republic of the Congo",
            "UN names, not ISO's inverted ones"
        );
        assert_eq!(name("TZA"), "United Republic of Tanzania");
        assert_eq!(
            name("MKD"),
            "North Macedonia",
            "an outdated UN name gives way to the current ISO name"
        );
        assert_eq!(ken.subregion.as_deref(), Some("eastern-africa"));
        assert_eq!(ken.region.as_deref(), Some("africa"));
        let count = |g| countries.iter().filter(|c| c.group == Some(g)).count();
        assert_eq!(count(UnRegionalGroup::African), 54);
        assert_eq!(count(UnRegionalGroup::EasternEuropean), 23);
        assert_eq!(count(UnRegionalGroup::Grulac), 33);
    }

    #[test]
    fn a_bad_row_is_reported_with_its_line() {
        let text = "iso3,un_regional_group,source,un_name\nKEN,african,x,Kenya\nXXQ,african,x,Nowhere\n";
        let err = load(text).unwrap_err().to_string();
        assert!(err.contains("un-regional-groups.csv:3"), "{err}");
        assert!(err.contains("XXQ"), "{err}");
        let err = load("iso3,un_regional_group,source,un_name\nKEN,africa,x,Kenya\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains(":2") && err.contains("un_regional_group"), "{err}");
    }
}
