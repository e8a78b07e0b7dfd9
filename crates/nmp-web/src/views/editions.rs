//! Editions of the report: the list and the edition page (publishers and their roles, authors,
//! parts, and the mechanisms each part featured).

use std::collections::HashMap;

use nmp_core::vocab::{ContributorRole, EditionKind, EditionStatus, PartKind, ProfileSection, PublisherRole};
use nmp_store::entity::{country, edition, edition_part, mechanism, organization, profile};
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
    /// The phase of the series the role belongs to, where recorded.
    pub phase: Option<String>,
    /// When the phase began (ISO 8601, reduced precision), where known.
    pub phase_from: Option<String>,
    /// When the phase ended (ISO 8601, reduced precision), where known.
    pub phase_until: Option<String>,
    /// The title of the part the role covers; none for the whole edition.
    pub part: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

impl PublisherView {
    /// The phase's dates as a range for pages ("2019 to 2021", "from 2019", "until 2018"), in
    /// the request's language.
    pub fn phase_dates(&self) -> Option<String> {
        use crate::lang::ta;
        match (&self.phase_from, &self.phase_until) {
            (Some(a), Some(b)) if a == b => Some(a.clone()),
            (Some(a), Some(b)) => Some(ta("ls-phase-range", &[("from", a), ("until", b)])),
            (Some(a), None) => Some(ta("ls-phase-from", &[("from", a)])),
            (None, Some(b)) => Some(ta("ls-phase-until", &[("until", b)])),
            (None, None) => None,
        }
    }
}

/// An author.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContributorView {
    /// Name.
    pub name: String,
    /// Role label.
    pub role: String,
    /// Role code.
    pub role_code: String,
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
    /// Its key in the edition (an essay's page is `/editions/{slug}/essays/{part_key}`).
    pub part_key: String,
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
    /// Translations of its title, subtitle, methodology or note, in any language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<super::translated::TranslationView>,
}

impl EditionDetail {
    /// The translation of `field` into the page's language, if NMP holds one.
    pub fn translated(&self, field: &str) -> Option<&super::translated::TranslationView> {
        super::translated::here(&self.translations, field)
    }

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
    let profiles = store.profile_counts_by_edition().await?;
    let mut out: Vec<EditionItem> = store
        .all::<edition::Entity>()
        .await?
        .into_iter()
        .map(|e| {
            let count = profiles.get(&e.edition_id).copied().unwrap_or(0);
            item(e, usize::try_from(count).unwrap_or(usize::MAX))
        })
        .collect();
    out.sort_by(|a, b| b.slug.cmp(&a.slug));
    Ok(out)
}

fn item(e: edition::Model, profile_count: usize) -> EditionItem {
    EditionItem {
        profile_count,
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

/// What an edition page is mapped from: the edition's rows and the names they refer to.
struct EditionPage {
    rows: EditionRows,
    orgs: HashMap<i32, String>,
    mechanisms: HashMap<i32, mechanism::Model>,
    countries: HashMap<String, String>,
}

impl EditionPage {
    async fn read(store: &Store, mut rows: EditionRows) -> Result<EditionPage, WebError> {
        rows.profiles.sort_by_key(|p| (p.page, p.profile_id));
        let org_ids = rows
            .publishers
            .iter()
            .map(|p| p.organization_id)
            .chain(rows.parts.iter().filter_map(|p| p.owner_organization_id))
            .chain(rows.profiles.iter().filter_map(|p| p.owner_organization_id));
        let orgs = store
            .rows_where::<organization::Entity, _>(organization::Column::OrganizationId, org_ids)
            .await?
            .into_iter()
            .map(|o| (o.organization_id, o.name))
            .collect();
        let mechanism_ids = rows.profiles.iter().map(|p| p.mechanism_id);
        let mechanisms = store
            .rows_where::<mechanism::Entity, _>(mechanism::Column::MechanismId, mechanism_ids)
            .await?
            .into_iter()
            .map(|m| (m.mechanism_id, m))
            .collect();
        let countries = store
            .all::<country::Entity>()
            .await?
            .into_iter()
            .map(|c| (c.country_iso3, c.name))
            .collect();
        Ok(EditionPage {
            rows,
            orgs,
            mechanisms,
            countries,
        })
    }

    fn publishers(&self, citer: &mut Citer) -> Vec<PublisherView> {
        self.rows
            .publishers
            .iter()
            .map(|p| PublisherView {
                organization: self.orgs.get(&p.organization_id).cloned().unwrap_or_default(),
                role_label: label::<PublisherRole>(&p.role),
                role: p.role.clone(),
                note: p.note.clone(),
                phase: p.phase.clone(),
                phase_from: p.phase_from.clone(),
                phase_until: p.phase_until.clone(),
                part: p
                    .edition_part_id
                    .and_then(|id| self.rows.parts.iter().find(|x| x.edition_part_id == id))
                    .map(|x| x.title.clone()),
                cites: citer.cite(
                    "edition_publisher",
                    p.edition_publisher_id,
                    &format!(
                        "{}, {} of edition {}",
                        self.orgs
                            .get(&p.organization_id)
                            .map(String::as_str)
                            .unwrap_or_default(),
                        label::<PublisherRole>(&p.role).to_lowercase(),
                        self.rows.edition.slug
                    ),
                ),
            })
            .collect()
    }

    fn contributors(&self, citer: &mut Citer) -> Vec<ContributorView> {
        self.rows
            .contributors
            .iter()
            .map(|c| ContributorView {
                name: c.name.clone(),
                role: label::<ContributorRole>(&c.role),
                role_code: c.role.clone(),
                affiliation: c.affiliation.clone(),
                cites: citer.cite(
                    "edition_contributor",
                    c.edition_contributor_id,
                    &format!(
                        "{}, {} of edition {}",
                        c.name,
                        label::<ContributorRole>(&c.role).to_lowercase(),
                        self.rows.edition.slug
                    ),
                ),
            })
            .collect()
    }

    fn profile(&self, p: &profile::Model, citer: &mut Citer) -> ProfileView {
        let m = self.mechanisms.get(&p.mechanism_id);
        let part_owner = p
            .edition_part_id
            .and_then(|id| self.rows.parts.iter().find(|x| x.edition_part_id == id))
            .and_then(|x| x.owner_organization_id);
        ProfileView {
            mechanism: m.map(|m| m.slug.clone()).unwrap_or_default(),
            mechanism_name: m.map(|m| m.name.clone()).unwrap_or_default(),
            heading: p.heading.clone(),
            country_name: m
                .and_then(|m| m.country_iso3.as_ref())
                .and_then(|c| self.countries.get(c).cloned()),
            section_label: label::<ProfileSection>(&p.section),
            section: p.section.clone(),
            page: p.page,
            cites: citer.cite(
                "profile",
                p.profile_id,
                &format!("the profile of {}", m.map(|m| m.name.as_str()).unwrap_or_default()),
            ),
            owner: p
                .owner_organization_id
                .filter(|o| part_owner != Some(*o))
                .and_then(|o| self.orgs.get(&o).cloned()),
        }
    }

    fn part(&self, part: &edition_part::Model, citer: &mut Citer) -> PartView {
        let cites = citer.cite(
            "edition_part",
            part.edition_part_id,
            &format!("the part “{}”", part.title),
        );
        let profiles = self
            .rows
            .profiles
            .iter()
            .filter(|p| p.edition_part_id == Some(part.edition_part_id))
            .map(|p| self.profile(p, citer))
            .collect();
        PartView {
            position: part.position,
            part_key: part.part_key.clone(),
            title: part.title.clone(),
            kind_label: label::<PartKind>(&part.kind),
            kind: part.kind.clone(),
            author: part.author.clone(),
            page: part.page,
            summary: part.summary.clone(),
            profiles,
            cites,
            owner: part.owner_organization_id.and_then(|o| self.orgs.get(&o).cloned()),
        }
    }
}

/// One edition by slug, mapped from the store's read model ([`EditionRows`]).
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<EditionDetail>, WebError> {
    let Some(mut rows) = store.edition_rows(slug).await? else {
        return Ok(None);
    };
    let mut citer = Citer::default();
    citer.adopt(std::mem::take(&mut rows.citations));
    let page = EditionPage::read(store, rows).await?;
    let e = &page.rows.edition;
    let cites = citer.cite("edition", e.edition_id, &format!("edition {}", e.slug));
    let publishers = page.publishers(&mut citer);
    let contributors = page.contributors(&mut citer);
    let parts = page.rows.parts.iter().map(|part| page.part(part, &mut citer)).collect();
    let other_profiles = page
        .rows
        .profiles
        .iter()
        .filter(|p| p.edition_part_id.is_none())
        .map(|p| page.profile(p, &mut citer))
        .collect();
    let id = e.edition_id.to_string();
    let title = e.title.clone();
    let translations = crate::views::translated::of(store, &mut citer, "edition", std::slice::from_ref(&id), |_| {
        title.clone()
    })
    .await?
    .remove(&id)
    .unwrap_or_default();
    Ok(Some(EditionDetail {
        translations,
        kind_label: label::<EditionKind>(&e.kind),
        status_label: label::<EditionStatus>(&e.status),
        note: e.note.clone(),
        cites,
        publishers,
        contributors,
        parts,
        other_profiles,
        item: item(
            e.clone(),
            page.rows
                .profiles
                .iter()
                .filter(|p| p.edition_id == e.edition_id)
                .count(),
        ),
        notes: citer.notes,
    }))
}
