//! Editions of the report: the list and the edition page (publishers and their roles, authors,
//! parts, and the mechanisms each part featured).

use std::collections::HashMap;

use nmp_core::vocab::{ContributorRole, EditionKind, EditionStatus, PartKind, ProfileSection, PublisherRole};
use nmp_store::entity::{country, edition, mechanism, organization, profile};
use nmp_store::{EditionRows, Store};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Cite, Citer, Note, label};
use crate::WebError;

/// An edition as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionItem {
    /// Slug (the year, for annual reports).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Kind code.
    pub kind: String,
    /// Status code.
    pub status: String,
    /// Publication date (ISO 8601, reduced precision).
    pub published_on: Option<String>,
    /// Page count.
    pub pages: Option<i32>,
    /// Licence, where recorded.
    pub licence: Option<String>,
    /// Mechanisms featured.
    pub profile_count: usize,
}

/// An organisation's role in the edition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublisherView {
    /// Organisation name.
    pub organization: String,
    /// Role code.
    pub role: String,
    /// Role label.
    pub role_label: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// An author.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContributorView {
    /// Name.
    pub name: String,
    /// Role label.
    pub role: String,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A mechanism featured in the edition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileView {
    /// Mechanism slug.
    pub mechanism: String,
    /// Mechanism name.
    pub mechanism_name: String,
    /// Heading as printed.
    pub heading: Option<String>,
    /// Country name.
    pub country_name: Option<String>,
    /// Section code.
    pub section: String,
    /// Section label.
    pub section_label: String,
    /// First page.
    pub page: Option<i32>,
    /// Citations.
    pub cites: Vec<Cite>,
    /// The organisation responsible for this profile's text, when it is not the part's owner.
    pub owner: Option<String>,
}

/// A part of the edition, with the mechanisms it featured.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartView {
    /// Position in the table of contents.
    pub position: i32,
    /// Title.
    pub title: String,
    /// What kind of part it is (`chapter`, `essay`).
    pub kind: String,
    /// Its label.
    pub kind_label: String,
    /// Who wrote it, name and affiliation as printed (an essay's byline).
    pub author: Option<String>,
    /// First page.
    pub page: Option<i32>,
    /// What it holds.
    pub summary: Option<String>,
    /// Mechanisms featured in it.
    pub profiles: Vec<ProfileView>,
    /// Citations.
    pub cites: Vec<Cite>,
    /// The organisation responsible for this part, when the edition is shared.
    pub owner: Option<String>,
}

/// An edition with everything recorded about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: EditionItem,
    /// Kind label.
    pub kind_label: String,
    /// Status label.
    pub status_label: String,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
    /// Publishers and partners.
    pub publishers: Vec<PublisherView>,
    /// Authors.
    pub contributors: Vec<ContributorView>,
    /// Parts in order.
    pub parts: Vec<PartView>,
    /// Featured mechanisms not placed in a part.
    pub other_profiles: Vec<ProfileView>,
    /// Numbered notes.
    pub notes: Vec<Note>,
}

impl EditionDetail {
    /// Marks of one field, for templates.
    pub fn marks(&self, field: &str) -> Vec<&Cite> {
        super::marks(&self.cites, field)
    }
    /// Marks of the whole record, for templates.
    pub fn record_marks(&self) -> Vec<&Cite> {
        super::record_marks(&self.cites)
    }
}

/// Every edition, newest first.
pub(crate) async fn list(store: &Store) -> Result<Vec<EditionItem>, WebError> {
    let profiles = store.all::<profile::Entity>().await?;
    let mut out: Vec<EditionItem> = store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| item(e, &profiles))
        .collect();
    out.sort_by(|a, b| b.slug.cmp(&a.slug));
    Ok(out)
}

fn item(e: edition::Model, profiles: &[profile::Model]) -> EditionItem {
    EditionItem {
        profile_count: profiles.iter().filter(|p| p.edition_id == e.edition_id).count(),
        slug: e.slug,
        title: e.title,
        subtitle: e.subtitle,
        kind: e.kind,
        status: e.status,
        published_on: e.published_on,
        pages: e.pages,
        licence: e.licence,
    }
}

/// One edition by slug.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<EditionDetail>, WebError> {
    let Some(rows) = store.edition_rows(slug).await? else {
        return Ok(None);
    };
    let EditionRows {
        edition: e,
        publishers,
        contributors,
        parts,
        mut profiles,
        citations,
    } = rows;
    let id = e.edition_id;
    profiles.sort_by_key(|p| (p.page, p.profile_id));
    let orgs: HashMap<i32, String> = store
        .rows_where::<organization::Entity, _>(
            organization::Column::OrganizationId,
            publishers
                .iter()
                .map(|p| p.organization_id)
                .chain(parts.iter().filter_map(|p| p.owner_organization_id))
                .chain(profiles.iter().filter_map(|p| p.owner_organization_id)),
        )
        .await?
        .into_iter()
        .map(|o| (o.organization_id, o.name))
        .collect();
    let mechanisms: HashMap<i32, mechanism::Model> = store
        .rows_where::<mechanism::Entity, _>(mechanism::Column::MechanismId, profiles.iter().map(|p| p.mechanism_id))
        .await?
        .into_iter()
        .map(|m| (m.mechanism_id, m))
        .collect();
    let countries: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();

    let mut citer = Citer::default();
    citer.adopt(citations);
    let cites = citer.cite("edition", id);
    let publishers_view = publishers
        .iter()
        .map(|p| PublisherView {
            organization: orgs.get(&p.organization_id).cloned().unwrap_or_default(),
            role_label: label::<PublisherRole>(&p.role),
            role: p.role.clone(),
            note: p.note.clone(),
            cites: citer.cite("edition_publisher", p.edition_publisher_id),
        })
        .collect();
    let contributors_view = contributors
        .iter()
        .map(|c| ContributorView {
            name: c.name.clone(),
            role: label::<ContributorRole>(&c.role),
            affiliation: c.affiliation.clone(),
            cites: citer.cite("edition_contributor", c.edition_contributor_id),
        })
        .collect();
    let profile_view = |p: &profile::Model, citer: &mut Citer| {
        let m = mechanisms.get(&p.mechanism_id);
        ProfileView {
            mechanism: m.map(|m| m.slug.clone()).unwrap_or_default(),
            mechanism_name: m.map(|m| m.name.clone()).unwrap_or_default(),
            heading: p.heading.clone(),
            country_name: m
                .and_then(|m| m.country_iso3.as_ref())
                .and_then(|c| countries.get(c).cloned()),
            section_label: label::<ProfileSection>(&p.section),
            section: p.section.clone(),
            page: p.page,
            cites: citer.cite("profile", p.profile_id),
            owner: p
                .owner_organization_id
                .filter(|o| {
                    let part_owner = p
                        .edition_part_id
                        .and_then(|id| parts.iter().find(|x| x.edition_part_id == id))
                        .and_then(|x| x.owner_organization_id);
                    part_owner != Some(*o)
                })
                .and_then(|o| orgs.get(&o).cloned()),
        }
    };
    let mut parts_view = Vec::new();
    for part in &parts {
        let part_cites = citer.cite("edition_part", part.edition_part_id);
        let in_part: Vec<ProfileView> = profiles
            .iter()
            .filter(|p| p.edition_part_id == Some(part.edition_part_id))
            .map(|p| profile_view(p, &mut citer))
            .collect();
        parts_view.push(PartView {
            position: part.position,
            title: part.title.clone(),
            kind_label: label::<PartKind>(&part.kind),
            kind: part.kind.clone(),
            author: part.author.clone(),
            page: part.page,
            summary: part.summary.clone(),
            profiles: in_part,
            cites: part_cites,
            owner: part.owner_organization_id.and_then(|o| orgs.get(&o).cloned()),
        });
    }
    let other_profiles = profiles
        .iter()
        .filter(|p| p.edition_part_id.is_none())
        .map(|p| profile_view(p, &mut citer))
        .collect();
    Ok(Some(EditionDetail {
        kind_label: label::<EditionKind>(&e.kind),
        status_label: label::<EditionStatus>(&e.status),
        note: e.note.clone(),
        cites,
        publishers: publishers_view,
        contributors: contributors_view,
        parts: parts_view,
        other_profiles,
        item: item(e, &profiles),
        notes: citer.notes,
    }))
}
