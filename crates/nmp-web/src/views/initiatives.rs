//! Initiatives: the list (flat rows, also CSV, with its filters) and the detail (every fact with
//! its citations numbered in display order, partners with their roles, and the consensus ratings
//! of published editions with their evidence). Individual raters' ratings are never shown here:
//! the store's [`nmp_store::outcomes::InitiativeView`] carries published consensus only.

use std::collections::{BTreeMap, BTreeSet};

use nmp_store::Store;
use nmp_store::entity::{country, initiative, initiative_kind, initiative_partner, mechanism, organization, source};
use nmp_store::outcomes::{InitiativeView, PublishedRating};
use serde::Serialize;
use utoipa::ToSchema;

use super::mechanisms::OrgRef;
use super::{Cite, Citer, Note};
use crate::WebError;
use crate::params::Page;

/// One initiative as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InitiativeItem {
    /// Stable slug.
    pub slug: String,
    /// Title, as the sources give it.
    pub title: String,
    /// Kind code (see `kind_label`; the kinds are data, listed at `/initiatives`).
    pub kind: String,
    /// Kind label.
    pub kind_label: String,
    /// ISO alpha-3 of its country; absent for a regional or international initiative.
    pub country_iso3: Option<String>,
    /// Country name.
    pub country_name: Option<String>,
    /// UN geoscheme region code of its country.
    pub un_region: Option<String>,
    /// Slug of the mechanism that runs or carries it.
    pub mechanism: Option<String>,
    /// Name of that mechanism.
    pub mechanism_name: Option<String>,
    /// Started (ISO 8601, reduced precision).
    pub started_on: Option<String>,
    /// Ended.
    pub ended_on: Option<String>,
    /// Slug of the lead institution.
    pub lead_organization: Option<String>,
    /// Name of the lead institution.
    pub lead_organization_name: Option<String>,
    /// Number of partner organisations recorded.
    pub partner_count: usize,
    /// Number of citations of the initiative record and its fields.
    pub citation_count: u64,
}

/// Filters of the initiative list (the store's: the database applies them). `None` means "any".
pub use nmp_store::initiative_list::InitiativeListFilter as InitiativeFilter;

/// A partner organisation of an initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartnerView {
    /// The organisation.
    pub organization: OrgRef,
    /// Its role in words (`co-organiser`, `funder`).
    pub role: Option<String>,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// One piece of evidence for a consensus rating.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceView {
    /// The source's slug (see `/api/v1/sources/{slug}`).
    pub source: String,
    /// The source's title.
    pub title: String,
    /// Where in the source.
    pub locator: Option<String>,
    /// The source's words.
    pub quote: Option<String>,
    /// Its note number on the page.
    pub note: usize,
}

/// A published consensus rating: the level the editors agreed for one criterion, with their
/// rationale and evidence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingView {
    /// Edition slug.
    pub edition: String,
    /// Edition title.
    pub edition_title: String,
    /// Framework slug and version (`nmp-outcomes v1`).
    pub framework: String,
    /// Criterion code.
    pub criterion: String,
    /// Criterion label.
    pub criterion_label: String,
    /// The level's rank (1 = lowest).
    pub rank: i32,
    /// How many levels the criterion has.
    pub of: i32,
    /// The level's label.
    pub level: String,
    /// The editors' rationale.
    pub rationale: String,
    /// The evidence.
    pub evidence: Vec<EvidenceView>,
}

/// The consensus ratings of one edition, for the page.
pub struct EditionRatings<'a> {
    /// Edition slug.
    pub edition: &'a str,
    /// Edition title.
    pub title: &'a str,
    /// Framework slug and version.
    pub framework: &'a str,
    /// Its ratings, in criterion order.
    pub ratings: Vec<&'a RatingView>,
}

/// An initiative with everything recorded about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InitiativeDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: InitiativeItem,
    /// What it is and does, as the sources say.
    pub description: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// The lead institution.
    pub lead: Option<OrgRef>,
    /// Partner organisations.
    pub partners: Vec<PartnerView>,
    /// Citations of the record and its fields.
    pub cites: Vec<Cite>,
    /// Its consensus ratings in published editions (newest edition first, then criterion order).
    /// Only consensus is published: individual raters' ratings are not.
    pub ratings: Vec<RatingView>,
    /// Translations of its title, description or note, in any language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<crate::views::translated::TranslationView>,
}

/// The fields of an initiative the page marks one by one; citations of any other field are shown
/// beside the title with those of the whole record.
const MARKED: [&str; 8] = [
    "kind",
    "country",
    "started_on",
    "ended_on",
    "lead_organization",
    "mechanism",
    "description",
    "note",
];

impl InitiativeDetail {
    /// The translation of `field` into the page's language, if NMP holds one.
    pub fn translated(&self, field: &str) -> Option<&crate::views::translated::TranslationView> {
        crate::views::translated::here(&self.translations, field)
    }

    /// Marks of one field, for templates.
    pub fn marks(&self, field: &str) -> Vec<&Cite> {
        crate::views::marks(&self.cites, field)
    }

    /// Marks shown beside the title: the whole record's, the title's, and those of fields the
    /// page does not show on their own.
    pub fn title_marks(&self) -> Vec<&Cite> {
        self.cites
            .iter()
            .filter(|c| c.field.as_deref().is_none_or(|f| !MARKED.contains(&f)))
            .collect()
    }

    /// The ratings grouped by edition, in the order they are listed.
    pub fn ratings_by_edition(&self) -> Vec<EditionRatings<'_>> {
        let mut out: Vec<EditionRatings<'_>> = Vec::new();
        for r in &self.ratings {
            match out.last_mut() {
                Some(group) if group.edition == r.edition && group.framework == r.framework => group.ratings.push(r),
                _ => out.push(EditionRatings {
                    edition: &r.edition,
                    title: &r.edition_title,
                    framework: &r.framework,
                    ratings: vec![r],
                }),
            }
        }
        out
    }
}

/// What every list needs beside the initiatives: kinds, countries, mechanisms and organisations
/// by key.
struct Lookups {
    kinds: BTreeMap<i32, initiative_kind::Model>,
    countries: BTreeMap<String, country::Model>,
    mechanisms: BTreeMap<i32, mechanism::Model>,
    organizations: BTreeMap<i32, organization::Model>,
}

impl Lookups {
    async fn read(store: &Store, rows: &[initiative::Model]) -> Result<Lookups, WebError> {
        Ok(Lookups {
            kinds: kinds(store)
                .await?
                .into_iter()
                .map(|k| (k.initiative_kind_id, k))
                .collect(),
            countries: store
                .rows_where::<country::Entity, _>(
                    country::Column::CountryIso3,
                    rows.iter()
                        .filter_map(|r| r.country_iso3.clone())
                        .collect::<BTreeSet<_>>(),
                )
                .await?
                .into_iter()
                .map(|c| (c.country_iso3.clone(), c))
                .collect(),
            mechanisms: store
                .rows_where::<mechanism::Entity, _>(
                    mechanism::Column::MechanismId,
                    rows.iter().filter_map(|r| r.mechanism_id).collect::<BTreeSet<_>>(),
                )
                .await?
                .into_iter()
                .map(|m| (m.mechanism_id, m))
                .collect(),
            organizations: store
                .rows_where::<organization::Entity, _>(
                    organization::Column::OrganizationId,
                    rows.iter()
                        .filter_map(|r| r.lead_organization_id)
                        .collect::<BTreeSet<_>>(),
                )
                .await?
                .into_iter()
                .map(|o| (o.organization_id, o))
                .collect(),
        })
    }

    fn item(&self, r: &initiative::Model, partner_count: usize, citation_count: u64) -> InitiativeItem {
        let kind = self.kinds.get(&r.initiative_kind_id);
        let country = r.country_iso3.as_ref().and_then(|c| self.countries.get(c));
        let mechanism = r.mechanism_id.and_then(|m| self.mechanisms.get(&m));
        let lead = r.lead_organization_id.and_then(|o| self.organizations.get(&o));
        InitiativeItem {
            slug: r.slug.clone(),
            title: r.title.clone(),
            kind: kind.map(|k| k.code.clone()).unwrap_or_default(),
            kind_label: kind.map(|k| k.label.clone()).unwrap_or_default(),
            country_iso3: r.country_iso3.clone(),
            country_name: country.map(|c| c.name.clone()),
            un_region: country.and_then(|c| c.un_region.clone()),
            mechanism: mechanism.map(|m| m.slug.clone()),
            mechanism_name: mechanism.map(|m| m.name.clone()),
            started_on: r.started_on.clone(),
            ended_on: r.ended_on.clone(),
            lead_organization: lead.map(|o| o.slug.clone()),
            lead_organization_name: lead.map(|o| o.name.clone()),
            partner_count,
            citation_count,
        }
    }
}

/// The kinds of initiative, in display order (the order they were recorded).
pub(crate) async fn kinds(store: &Store) -> Result<Vec<initiative_kind::Model>, WebError> {
    Ok(store.all::<initiative_kind::Entity>().await?)
}

/// The flat rows of `rows` (a light read: no partners' details, citations or ratings), with
/// countries first by name, then regional and international ones, each by title.
async fn items(store: &Store, rows: Vec<initiative::Model>) -> Result<Vec<InitiativeItem>, WebError> {
    let lookups = Lookups::read(store, &rows).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.initiative_id).collect();
    let mut partners: BTreeMap<i32, usize> = BTreeMap::new();
    for p in store
        .rows_where::<initiative_partner::Entity, _>(initiative_partner::Column::InitiativeId, ids.clone())
        .await?
    {
        *partners.entry(p.initiative_id).or_default() += 1;
    }
    let cited = store
        .citation_counts("initiative", ids.iter().map(i32::to_string))
        .await?;
    let mut out: Vec<InitiativeItem> = rows
        .iter()
        .map(|r| {
            lookups.item(
                r,
                partners.get(&r.initiative_id).copied().unwrap_or(0),
                cited.get(&r.initiative_id.to_string()).copied().unwrap_or(0),
            )
        })
        .collect();
    sort(&mut out);
    Ok(out)
}

/// Countries by name first, then regional and international initiatives; each by title.
fn sort(items: &mut [InitiativeItem]) {
    items.sort_by(|a, b| {
        (a.country_name.is_none(), &a.country_name, &a.title, &a.slug).cmp(&(
            b.country_name.is_none(),
            &b.country_name,
            &b.title,
            &b.slug,
        ))
    });
}

/// The initiatives matching `filter` in list order: the page `page` (every one when `None`) and
/// the number over all pages. The database filters, orders, pages and counts
/// (`nmp_store::initiative_list`); no request reads the whole table.
pub(crate) async fn list(
    store: &Store,
    filter: &InitiativeFilter,
    page: Option<Page>,
) -> Result<(Vec<InitiativeItem>, usize), WebError> {
    let (limit, offset) = Page::bounds(page);
    let listed = store.initiative_list(filter, limit, offset).await?;
    let total = usize::try_from(listed.total).unwrap_or(usize::MAX);
    Ok((items(store, listed.rows).await?, total))
}

/// The initiatives of one country (ISO alpha-3, upper case).
pub(crate) async fn of_country(store: &Store, iso3: &str) -> Result<Vec<InitiativeItem>, WebError> {
    let rows = store
        .rows_where::<initiative::Entity, _>(initiative::Column::CountryIso3, [iso3.to_string()])
        .await?;
    items(store, rows).await
}

/// The initiatives a mechanism runs or carries.
pub(crate) async fn of_mechanism(store: &Store, mechanism_id: i32) -> Result<Vec<InitiativeItem>, WebError> {
    let rows = store
        .rows_where::<initiative::Entity, _>(initiative::Column::MechanismId, [mechanism_id])
        .await?;
    items(store, rows).await
}

fn org_ref(o: &organization::Model) -> OrgRef {
    OrgRef::of(o)
}

/// One initiative by slug, with its notes: the facts cited first (record, then partners), then
/// the evidence of its published ratings, numbered in the order the page shows them.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<(InitiativeDetail, Vec<Note>)>, WebError> {
    let Some(view) = store.initiative(slug).await? else {
        return Ok(None);
    };
    let InitiativeView {
        row,
        kind,
        country_name,
        mechanism,
        lead,
        partners,
        citations: _,
        ratings,
    } = view;
    let mut citer = Citer::default();
    citer.load(store, "initiative", [row.initiative_id.to_string()]).await?;
    citer
        .load(
            store,
            "initiative_partner",
            partners.iter().map(|(p, _)| p.initiative_partner_id.to_string()),
        )
        .await?;
    let cites = citer.cite("initiative", row.initiative_id, &row.title);
    let country = match &row.country_iso3 {
        Some(iso) => store
            .rows_where::<country::Entity, _>(country::Column::CountryIso3, [iso.clone()])
            .await?
            .pop(),
        None => None,
    };
    let item = InitiativeItem {
        slug: row.slug.clone(),
        title: row.title.clone(),
        kind: kind.code.clone(),
        kind_label: kind.label.clone(),
        country_iso3: row.country_iso3.clone(),
        country_name: country_name.or_else(|| country.as_ref().map(|c| c.name.clone())),
        un_region: country.and_then(|c| c.un_region),
        mechanism: mechanism.as_ref().map(|(s, _)| s.clone()),
        mechanism_name: mechanism.map(|(_, n)| n),
        started_on: row.started_on.clone(),
        ended_on: row.ended_on.clone(),
        lead_organization: lead.as_ref().map(|o| o.slug.clone()),
        lead_organization_name: lead.as_ref().map(|o| o.name.clone()),
        partner_count: partners.len(),
        citation_count: cites.len() as u64,
    };
    let mut partners: Vec<PartnerView> = partners
        .iter()
        .map(|(p, o)| PartnerView {
            organization: org_ref(o),
            role: p.role.clone(),
            note: p.note.clone(),
            cites: citer.cite(
                "initiative_partner",
                p.initiative_partner_id,
                &format!("{} as a partner of {}", o.name, row.title),
            ),
        })
        .collect();
    partners.sort_by(|a, b| a.organization.name.cmp(&b.organization.name));
    let id = row.initiative_id.to_string();
    let translations = crate::views::translated::of(store, &mut citer, "initiative", std::slice::from_ref(&id), |_| {
        row.title.clone()
    })
    .await?
    .remove(&id)
    .unwrap_or_default();
    let mut lead = lead.as_ref().map(org_ref);
    let mut orgs: Vec<&mut OrgRef> = lead.as_mut().into_iter().collect();
    for p in &mut partners {
        orgs.push(&mut p.organization);
    }
    OrgRef::translate(store, &mut citer, orgs).await?;
    let ratings = rating_views(store, &mut citer, ratings).await?;
    Ok(Some((
        InitiativeDetail {
            item,
            description: row.description,
            note: row.note,
            lead,
            partners,
            cites,
            ratings,
            translations,
        },
        citer.notes,
    )))
}

/// The published ratings with their evidence numbered into `citer`'s notes.
async fn rating_views(
    store: &Store,
    citer: &mut Citer,
    ratings: Vec<PublishedRating>,
) -> Result<Vec<RatingView>, WebError> {
    let ids: BTreeSet<i32> = ratings
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| e.source_id))
        .collect();
    let sources: BTreeMap<i32, source::Model> = store
        .rows_where::<source::Entity, _>(source::Column::SourceId, ids)
        .await?
        .into_iter()
        .map(|s| (s.source_id, s))
        .collect();
    Ok(ratings
        .into_iter()
        .map(|r| RatingView {
            evidence: r
                .evidence
                .iter()
                .map(|e| EvidenceView {
                    note: sources
                        .get(&e.source_id)
                        .map(|s| {
                            citer
                                .cite_source(
                                    s,
                                    e.locator.as_deref(),
                                    e.quote.as_deref(),
                                    "an outcome rating's evidence",
                                )
                                .note
                        })
                        .unwrap_or(0),
                    source: e.source_slug.clone(),
                    title: e.source_title.clone(),
                    locator: e.locator.clone(),
                    quote: e.quote.clone(),
                })
                .collect(),
            edition: r.edition,
            edition_title: r.edition_title,
            framework: r.framework,
            criterion: r.criterion,
            criterion_label: r.criterion_label,
            rank: r.rank,
            of: r.of,
            level: r.level,
            rationale: r.rationale,
        })
        .collect())
}
