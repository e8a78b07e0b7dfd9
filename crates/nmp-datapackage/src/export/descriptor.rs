//! The `datapackage.json` descriptor: package metadata (title, licence, sources, contributors)
//! and its JSON shape.

use nmp_core::PartialDate;
use nmp_store::entity::{edition, edition_publisher, organization};
use serde::Serialize;

/// I-GMAP's page on the report, where the editions are listed.
pub const NATMEC_URL: &str = "https://www.binghamton.edu/i-gmap/research_and_engagement/natmec.html";

/// The descriptor's file name.
pub const DESCRIPTOR: &str = "datapackage.json";

/// What the package holds of an edition's assessment rounds, for its description.
const ROUNDS: &str = "the frameworks they apply with their criteria and levels, what they rate, and the consensus ratings with their evidence; individual raters' ratings and their evidence only for rounds whose ratings the editors released, and then under pseudonymous rater ids (R1, R2, ...) without any account, name or email";

/// `mechanism_statuses` → `Mechanism statuses`.
pub(super) fn title_of(resource: &str) -> String {
    let words = resource.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn package_json(
    edition: &edition::Model,
    publishers: &[edition_publisher::Model],
    organizations: &[organization::Model],
    resources: Vec<ResourceJson>,
) -> PackageJson {
    let slug = &edition.slug;
    let report = match &edition.subtitle {
        Some(sub) => format!("{}: {sub}", edition.title),
        None => edition.title.clone(),
    };
    let (licenses, licence_note) = licenses(edition.licence.as_deref());
    let rounds = ROUNDS;
    let description = [
        format!(
            "Data from NMP, the National Mechanisms Platform, for the {slug} edition of the report \"{report}\"."
        ),
        match &edition.snapshot_hash {
            Some(sha) => format!(
                "This package was frozen when the {slug} edition was published, together with the snapshot of everything the edition shows (SHA-256 {sha}, recorded in editions.csv as snapshot_hash). It holds the platform's data at that moment (every country, organisation, source, citation, function, mechanism, network and initiative, with mechanism statuses, memberships and activities, network memberships and counts, initiative kinds and partners, and translations of records) plus the edition's own records (the edition, its publishers, contributors, parts, mechanism profiles and function assessments, and its assessment rounds: {rounds})."
            ),
            None => format!(
                "The {slug} edition is not published (frozen) in NMP, so this package holds the platform's current data as of the export (every country, organisation, source, citation, function, mechanism, network and initiative, with mechanism statuses, memberships and activities, network memberships and counts, initiative kinds and partners, and translations of records) plus the edition's own records (the edition, its publishers, contributors, parts, mechanism profiles and function assessments, and its assessment rounds: {rounds}). It is therefore not necessarily the data as the edition printed it."
            ),
        },
        "An empty cell means NULL: not known or not recorded, unless the field's description says otherwise. Each field's description comes from the NMP data dictionary. The bookkeeping columns created_at, updated_at, updated_by and version are left out.".to_string(),
        licence_note,
    ]
    .join("\n\n");
    // An organisation with several rows (two phases, or a role for one part) is listed once per
    // Data Package role.
    let mut listed = std::collections::BTreeSet::new();
    let contributors = publishers
        .iter()
        .filter(|p| {
            let role = match p.role.as_str() {
                "publisher" | "co_publisher" => "publisher",
                "author" => "author",
                _ => "contributor",
            };
            listed.insert((p.organization_id, role))
        })
        .filter_map(|p| {
            let org = organizations.iter().find(|o| o.organization_id == p.organization_id)?;
            Some(ContributorJson {
                title: org.name.clone(),
                // Data Package v1 roles; the edition's own role is in edition_publishers.csv.
                role: match p.role.as_str() {
                    "publisher" | "co_publisher" => "publisher",
                    "author" => "author",
                    _ => "contributor",
                },
                path: org.website.clone(),
            })
        })
        .collect();
    let created = edition
        .published_on
        .as_deref()
        .and_then(|d| PartialDate::parse("published_on", d).ok())
        .filter(|d| d.precision == nmp_core::DatePrecision::Day)
        .map(|d| format!("{d}T00:00:00Z"));
    PackageJson {
        profile: "tabular-data-package",
        name: format!("nmp-edition-{}", slug.to_lowercase()),
        title: format!("NMP data for the {slug} edition of \"{}\"", edition.title),
        description,
        version: env!("CARGO_PKG_VERSION"),
        created,
        licenses,
        keywords: vec!["atrocity prevention", "genocide prevention", "national mechanisms"],
        sources: vec![SourceJson {
            title: format!("{report} ({slug} edition)"),
            path: NATMEC_URL,
        }],
        contributors,
        resources,
    }
}

/// The `licenses` of the package and a sentence for its description. A licence is declared only
/// when the edition records one as an identifier or a URL; nothing is ever assumed.
pub(super) fn licenses(licence: Option<&str>) -> (Vec<LicenseJson>, String) {
    let Some(licence) = licence.map(str::trim).filter(|l| !l.is_empty()) else {
        return (
            Vec::new(),
            "The licence under which this edition was published has not been recorded, so this package declares no licence.".to_string(),
        );
    };
    let declared = format!("The edition was published under the licence {licence}.");
    if licence.starts_with("https://") || licence.starts_with("http://") {
        let license = LicenseJson {
            name: None,
            path: Some(licence.to_string()),
            title: licence.to_string(),
        };
        (vec![license], declared)
    } else if licence
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        let license = LicenseJson {
            name: Some(licence.to_string()),
            path: None,
            title: licence.to_string(),
        };
        (vec![license], declared)
    } else {
        (
            Vec::new(),
            format!(
                "The edition's licence is recorded as \"{licence}\". It is not declared in machine-readable form because it is neither a licence identifier nor a URL."
            ),
        )
    }
}

#[derive(Serialize)]
pub(super) struct PackageJson {
    pub(super) profile: &'static str,
    pub(super) name: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) created: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) licenses: Vec<LicenseJson>,
    pub(super) keywords: Vec<&'static str>,
    pub(super) sources: Vec<SourceJson>,
    pub(super) contributors: Vec<ContributorJson>,
    pub(super) resources: Vec<ResourceJson>,
}

#[derive(Serialize)]
pub(super) struct LicenseJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) path: Option<String>,
    pub(super) title: String,
}

#[derive(Serialize)]
pub(super) struct SourceJson {
    pub(super) title: String,
    pub(super) path: &'static str,
}

#[derive(Serialize)]
pub(super) struct ContributorJson {
    pub(super) title: String,
    pub(super) role: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) path: Option<String>,
}

#[derive(Serialize)]
pub(super) struct ResourceJson {
    pub(super) name: &'static str,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) path: String,
    pub(super) profile: &'static str,
    pub(super) format: &'static str,
    pub(super) mediatype: &'static str,
    pub(super) encoding: &'static str,
    pub(super) bytes: usize,
    pub(super) schema: SchemaJson,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SchemaJson {
    pub(super) fields: Vec<FieldJson>,
    pub(super) primary_key: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) foreign_keys: Vec<ForeignKeyJson>,
}

#[derive(Serialize)]
pub(super) struct FieldJson {
    pub(super) name: &'static str,
    #[serde(rename = "type")]
    pub(super) ty: &'static str,
    pub(super) description: String,
    #[serde(skip_serializing_if = "ConstraintsJson::is_empty")]
    pub(super) constraints: ConstraintsJson,
}

#[derive(Serialize)]
pub(super) struct ConstraintsJson {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(super) required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(super) unique: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) pattern: Option<&'static str>,
    #[serde(rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub(super) values: Vec<&'static str>,
}

impl ConstraintsJson {
    fn is_empty(&self) -> bool {
        !self.required && !self.unique && self.pattern.is_none() && self.values.is_empty()
    }
}

#[derive(Serialize)]
pub(super) struct ForeignKeyJson {
    pub(super) fields: &'static str,
    pub(super) reference: ReferenceJson,
}

#[derive(Serialize)]
pub(super) struct ReferenceJson {
    pub(super) resource: &'static str,
    pub(super) fields: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_sentence_case() {
        assert_eq!(title_of("mechanism_statuses"), "Mechanism statuses");
        assert_eq!(title_of("countries"), "Countries");
    }

    #[test]
    fn a_licence_is_declared_only_as_recorded() {
        let (none, note) = licenses(None);
        assert!(none.is_empty());
        assert!(note.contains("has not been recorded"), "{note}");
        let (id, _) = licenses(Some("CC-BY-4.0"));
        assert_eq!(id[0].name.as_deref(), Some("CC-BY-4.0"));
        let (url, _) = licenses(Some("https://creativecommons.org/licenses/by/4.0/"));
        assert!(url[0].path.is_some() && url[0].name.is_none());
        let (free, note) = licenses(Some("All rights reserved"));
        assert!(free.is_empty());
        assert!(note.contains("All rights reserved"), "{note}");
    }
}
