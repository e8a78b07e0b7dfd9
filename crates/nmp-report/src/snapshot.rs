//! The edition snapshot: everything one edition shows, read from the store into one plain,
//! deterministic structure (sorted, no wall clock), serialised as `/edition.json` for the
//! template and hashed to identify the facts a PDF was built from.
//!
//! The overview counts (states with a national mechanism, by UN region) are in `overview.rs`.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::vocab::{
    ContributorRole, EditionKind, EditionStatus, InstrumentKind, MechanismLevel, MechanismStatus, MechanismType,
    MemberRole, ProfileSection, PublisherRole, SourceKind,
};
use nmp_store::Store;
use nmp_store::entity::{
    activity, country, edition, edition_contributor, edition_part, edition_publisher, mechanism, mechanism_status,
    membership, organization, profile,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ReportError;
use crate::overview::overview;
pub use crate::overview::{CountryRow, Overview, RegionRow};

/// The English label of a vocabulary code, or the code itself when it is not in the vocabulary.
macro_rules! label {
    ($vocab:ty, $code:expr) => {
        <$vocab>::parse("", &$code)
            .map(|v| v.label().to_string())
            .unwrap_or_else(|_| $code.to_string())
    };
}

/// Everything one edition shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Version of this structure, for the template.
    pub format: u32,
    /// The edition itself.
    pub edition: Edition,
    /// The global overview.
    pub overview: Overview,
    /// The edition's parts in order, each with its profiles.
    pub parts: Vec<Part>,
    /// Every source cited by anything above, numbered in order of first citation.
    pub bibliography: Vec<Source>,
}

/// The edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// Slug (`2017`).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Kind (label).
    pub kind: String,
    /// Status code (`published`, `drafting`, ...).
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// The year it stands for: its slug when that is a year, else its publication year.
    pub year: Option<i32>,
    /// Publication date (partial date text).
    pub published_on: Option<String>,
    /// Licence, when recorded.
    pub licence: Option<String>,
    /// Publishers and partners with their roles.
    pub publishers: Vec<Publisher>,
    /// Authors and editors.
    pub contributors: Vec<Contributor>,
}

/// An organisation that published an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Role (label).
    pub role: String,
}

/// A person who wrote or edited an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    /// Name.
    pub name: String,
    /// Role (label).
    pub role: String,
    /// Affiliation.
    pub affiliation: Option<String>,
}

/// One part of the edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Key within the edition (`part-i`).
    pub key: String,
    /// Title as printed.
    pub title: String,
    /// What the part holds, when it holds no profiles.
    pub summary: Option<String>,
    /// The profiles in the part, by page and heading.
    pub profiles: Vec<Profile>,
}

/// A mechanism as the edition features it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Heading as printed, or the mechanism's name.
    pub heading: String,
    /// Section (label).
    pub section: String,
    /// Page in the original edition.
    pub page: Option<i32>,
    /// Slug of the mechanism.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Local name.
    pub local_name: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// Country name (`None` for regional or international mechanisms).
    pub country: Option<String>,
    /// Level (label).
    pub level: String,
    /// Type (label).
    pub kind: String,
    /// Created on (partial date).
    pub created_on: Option<String>,
    /// Launched on (partial date).
    pub launched_on: Option<String>,
    /// Founding instrument.
    pub instrument: Option<Instrument>,
    /// Lead institution.
    pub lead: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Mandate.
    pub mandate: Option<String>,
    /// Members with roles.
    pub members: Vec<Member>,
    /// Status history, oldest first.
    pub statuses: Vec<Status>,
    /// Activities, oldest first.
    pub activities: Vec<Activity>,
    /// Citations of the mechanism and its history, members and activities.
    pub citations: Vec<Citation>,
}

/// A founding instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Kind (label).
    pub kind: String,
    /// Number.
    pub number: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// A member organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Organisation name.
    pub organization: String,
    /// Role (label).
    pub role: String,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
}

/// A step of the status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// Status (label).
    pub status: String,
    /// From when.
    pub on: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// An activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// When.
    pub on: String,
    /// Kind (free text).
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
}

/// A citation, pointing into the bibliography.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Number of the source in the bibliography (1-based).
    pub source: usize,
    /// What it supports: `mechanism`, `status`, `member`, `activity`, or a field name.
    pub about: String,
    /// Where in the source.
    pub locator: Option<String>,
}

/// A source of the bibliography.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Number (1-based).
    pub number: usize,
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Kind (label).
    pub kind: String,
    /// Author.
    pub author: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Publication date.
    pub published_on: Option<String>,
    /// URL.
    pub url: Option<String>,
}

impl Snapshot {
    /// The canonical JSON of the snapshot (field order fixed by the struct, maps sorted).
    pub fn to_json(&self) -> Result<Vec<u8>, ReportError> {
        serde_json::to_vec(self).map_err(|e| ReportError::Snapshot(e.to_string()))
    }

    /// SHA-256 of the canonical JSON, in hex.
    pub fn sha256(&self) -> Result<String, ReportError> {
        Ok(hex::encode(Sha256::digest(self.to_json()?)))
    }
}

/// The year an edition stands for: its slug when it is a year, else its publication year.
pub fn edition_year(slug: &str, published_on: Option<&str>) -> Option<i32> {
    slug.parse()
        .ok()
        .or_else(|| published_on.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok()))
}

/// Whether the partial date `date` falls in the period from `start` to `end` (either may be
/// open; both are inclusive), compared at the coarser precision: `2017-05` is in `2017`, and
/// `2017` is in `2017-03`..`2018`.
fn in_period(date: &str, start: Option<&str>, end: Option<&str>) -> bool {
    use std::cmp::Ordering;
    let compare = |bound: &str| {
        let n = date.len().min(bound.len());
        date.get(..n).cmp(&bound.get(..n))
    };
    start.is_none_or(|s| compare(s) != Ordering::Less) && end.is_none_or(|e| compare(e) != Ordering::Greater)
}

/// Reads the snapshot of the edition `edition_slug`.
pub async fn build(store: &Store, edition_slug: &str) -> Result<Snapshot, ReportError> {
    let e = store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [edition_slug.to_string()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ReportError::UnknownEdition(edition_slug.to_string()))?;
    let year = edition_year(&e.slug, e.published_on.as_deref());

    let organizations: BTreeMap<i32, organization::Model> = store
        .all::<organization::Entity>()
        .await?
        .into_iter()
        .map(|o| (o.organization_id, o))
        .collect();
    let org_name = |id: i32| {
        organizations
            .get(&id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| format!("organisation {id}"))
    };
    let countries = store.all::<country::Entity>().await?;
    let country_names: BTreeMap<String, String> = countries
        .iter()
        .map(|c| (c.country_iso3.clone(), c.name.clone()))
        .collect();

    // The edition, its publishers and contributors.
    let publishers = store
        .rows_where::<edition_publisher::Entity, _>(edition_publisher::Column::EditionId, [e.edition_id])
        .await?
        .into_iter()
        .map(|p| Publisher {
            name: org_name(p.organization_id),
            acronym: organizations.get(&p.organization_id).and_then(|o| o.acronym.clone()),
            role: label!(PublisherRole, p.role),
        })
        .collect();
    let contributors = store
        .rows_where::<edition_contributor::Entity, _>(edition_contributor::Column::EditionId, [e.edition_id])
        .await?
        .into_iter()
        .map(|c| Contributor {
            name: c.name,
            role: label!(ContributorRole, c.role),
            affiliation: c.affiliation,
        })
        .collect();

    // Parts and profiles.
    let mut parts = store
        .rows_where::<edition_part::Entity, _>(edition_part::Column::EditionId, [e.edition_id])
        .await?;
    parts.sort_by(|a, b| (a.position, &a.part_key).cmp(&(b.position, &b.part_key)));
    let profiles = store
        .rows_where::<profile::Entity, _>(profile::Column::EditionId, [e.edition_id])
        .await?;
    let mechanism_ids: Vec<i32> = profiles.iter().map(|p| p.mechanism_id).collect();
    let mechanisms: BTreeMap<i32, mechanism::Model> = store
        .rows_where::<mechanism::Entity, _>(mechanism::Column::MechanismId, mechanism_ids.clone())
        .await?
        .into_iter()
        .map(|m| (m.mechanism_id, m))
        .collect();
    let statuses = store
        .rows_where::<mechanism_status::Entity, _>(mechanism_status::Column::MechanismId, mechanism_ids.clone())
        .await?;
    let members = store
        .rows_where::<membership::Entity, _>(membership::Column::MechanismId, mechanism_ids.clone())
        .await?;
    // A report covers its period: when the edition records one, only the activities in it.
    let activities: Vec<activity::Model> = store
        .rows_where::<activity::Entity, _>(activity::Column::MechanismId, mechanism_ids.clone())
        .await?
        .into_iter()
        .filter(|a| in_period(&a.occurred_on, e.period_start.as_deref(), e.period_end.as_deref()))
        .collect();

    // Citations of every record shown, keyed by (table, key).
    let mut cited: BTreeMap<
        (String, String),
        Vec<(nmp_store::entity::citation::Model, nmp_store::entity::source::Model)>,
    > = BTreeMap::new();
    for (table, keys) in [
        (
            "mechanism",
            mechanism_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
        ),
        (
            "mechanism_status",
            statuses.iter().map(|s| s.mechanism_status_id.to_string()).collect(),
        ),
        (
            "membership",
            members.iter().map(|m| m.membership_id.to_string()).collect(),
        ),
        (
            "activity",
            activities.iter().map(|a| a.activity_id.to_string()).collect(),
        ),
    ] {
        for (c, s) in store.citations_of(table, keys).await? {
            cited
                .entry((table.to_string(), c.entity_id.clone()))
                .or_default()
                .push((c, s));
        }
    }
    let mut bibliography: Vec<Source> = Vec::new();
    let mut numbers: BTreeMap<i32, usize> = BTreeMap::new();

    let mut out_parts: Vec<Part> = Vec::new();
    let mut groups: Vec<(Option<i32>, Part)> = parts
        .iter()
        .map(|p| {
            (
                Some(p.edition_part_id),
                Part {
                    key: p.part_key.clone(),
                    title: p.title.clone(),
                    summary: p.summary.clone(),
                    profiles: vec![],
                },
            )
        })
        .collect();
    let known_parts: BTreeSet<i32> = parts.iter().map(|p| p.edition_part_id).collect();
    if profiles
        .iter()
        .any(|p| p.edition_part_id.is_none_or(|id| !known_parts.contains(&id)))
    {
        groups.push((
            None,
            Part {
                key: "other".into(),
                title: "Other profiles".into(),
                summary: None,
                profiles: vec![],
            },
        ));
    }
    for (part_id, mut part) in groups {
        let mut in_part: Vec<&profile::Model> = profiles
            .iter()
            .filter(|p| match part_id {
                Some(id) => p.edition_part_id == Some(id),
                None => p.edition_part_id.is_none_or(|id| !known_parts.contains(&id)),
            })
            .collect();
        in_part.sort_by_key(|p| (p.page.unwrap_or(i32::MAX), p.heading.clone(), p.mechanism_id));
        for p in in_part {
            let Some(m) = mechanisms.get(&p.mechanism_id) else {
                continue;
            };
            let id = m.mechanism_id;
            let mut my_statuses: Vec<&mechanism_status::Model> =
                statuses.iter().filter(|s| s.mechanism_id == id).collect();
            // Dated steps in date order, then the undated ones.
            my_statuses.sort_by_key(|s| (s.status_on.is_none(), s.status_on.clone(), s.mechanism_status_id));
            let mut my_members: Vec<&membership::Model> = members.iter().filter(|s| s.mechanism_id == id).collect();
            my_members.sort_by_key(|x| (x.role != "chair", org_name(x.organization_id), x.membership_id));
            let mut my_activities: Vec<&activity::Model> = activities.iter().filter(|s| s.mechanism_id == id).collect();
            my_activities.sort_by_key(|a| (a.occurred_on.clone(), a.activity_id));

            let mut keys: Vec<(String, String, String)> =
                vec![("mechanism".into(), id.to_string(), "mechanism".into())];
            keys.extend(my_statuses.iter().map(|s| {
                (
                    "mechanism_status".into(),
                    s.mechanism_status_id.to_string(),
                    "status".into(),
                )
            }));
            keys.extend(
                my_members
                    .iter()
                    .map(|s| ("membership".into(), s.membership_id.to_string(), "member".into())),
            );
            keys.extend(
                my_activities
                    .iter()
                    .map(|s| ("activity".into(), s.activity_id.to_string(), "activity".into())),
            );
            let mut citations = Vec::new();
            let mut seen = BTreeSet::new();
            for (table, key, about) in keys {
                for (c, s) in cited.get(&(table, key)).into_iter().flatten() {
                    let number = *numbers.entry(s.source_id).or_insert_with(|| {
                        bibliography.push(Source {
                            number: bibliography.len() + 1,
                            slug: s.slug.clone(),
                            title: s.title.clone(),
                            kind: label!(SourceKind, s.kind),
                            author: s.author.clone(),
                            publisher: s.publisher.clone(),
                            published_on: s.published_on.clone(),
                            url: s.url.clone(),
                        });
                        bibliography.len()
                    });
                    // One note per source and locator: the profile says which source backs it.
                    if seen.insert((number, c.locator.clone())) {
                        citations.push(Citation {
                            source: number,
                            about: c.field.clone().unwrap_or_else(|| about.clone()),
                            locator: c.locator.clone(),
                        });
                    }
                }
            }

            part.profiles.push(Profile {
                heading: p.heading.clone().unwrap_or_else(|| m.name.clone()),
                section: label!(ProfileSection, p.section),
                page: p.page,
                slug: m.slug.clone(),
                name: m.name.clone(),
                local_name: m.local_name.clone(),
                acronym: m.acronym.clone(),
                country: m
                    .country_iso3
                    .as_ref()
                    .map(|c| country_names.get(c).cloned().unwrap_or_else(|| c.clone())),
                level: label!(MechanismLevel, m.level),
                kind: label!(MechanismType, m.mechanism_type),
                created_on: m.created_on.clone(),
                launched_on: m.launched_on.clone(),
                instrument: m.instrument_kind.as_ref().map(|k| Instrument {
                    kind: label!(InstrumentKind, k),
                    number: m.instrument_number.clone(),
                    date: m.instrument_date.clone(),
                    title: m.instrument_title.clone(),
                    url: m.instrument_url.clone(),
                }),
                lead: m.lead_organization_id.map(org_name),
                website: m.website.clone(),
                mandate: m.mandate.clone(),
                members: my_members
                    .iter()
                    .map(|x| Member {
                        organization: org_name(x.organization_id),
                        role: label!(MemberRole, x.role),
                        since: x.since_on.clone(),
                        until: x.until_on.clone(),
                    })
                    .collect(),
                statuses: my_statuses
                    .iter()
                    .map(|s| Status {
                        status: label!(MechanismStatus, s.status),
                        on: s.status_on.clone(),
                        note: s.note.clone(),
                    })
                    .collect(),
                activities: my_activities
                    .iter()
                    .map(|a| Activity {
                        on: a.occurred_on.clone(),
                        kind: a.kind.clone(),
                        title: a.title.clone(),
                        description: a.description.clone(),
                    })
                    .collect(),
                citations,
            });
        }
        out_parts.push(part);
    }

    let overview = overview(store, &countries, year).await?;
    Ok(Snapshot {
        format: 1,
        edition: Edition {
            slug: e.slug.clone(),
            title: e.title.clone(),
            subtitle: e.subtitle.clone(),
            kind: label!(EditionKind, e.kind),
            status: e.status.clone(),
            status_label: label!(EditionStatus, e.status),
            year,
            published_on: e.published_on.clone(),
            licence: e.licence.clone(),
            publishers,
            contributors,
        },
        overview,
        parts: out_parts,
        bibliography,
    })
}

#[cfg(test)]
mod tests {
    use super::in_period;

    #[test]
    fn a_period_holds_the_dates_inside_it_at_any_precision() {
        assert!(in_period("2017-05-03", Some("2017"), Some("2017")));
        assert!(in_period("2017", Some("2017-03"), Some("2018")));
        assert!(in_period("2016-12", None, Some("2017")));
        assert!(in_period("1999", None, None));
        assert!(!in_period("2016-12-31", Some("2017"), Some("2017")));
        assert!(!in_period("2018-01", Some("2017"), Some("2017-12")));
    }
}
