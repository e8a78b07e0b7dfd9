//! Writing a [`Plan`]: one audited transaction, one bulk insert (and one audit event) per table,
//! keys read back by natural key (slug, or the columns that make a row unique in the plan).

use std::collections::BTreeMap;

use nmp_core::vocab::{ContributorRole, EditionKind, EditionStatus, PublisherRole};
use nmp_ingest::IngestError;
use nmp_ingest::countries::{self, CountryRef};
use nmp_store::entity::{
    country, edition, edition_contributor, edition_part, edition_publisher, function, organization, source,
};
use nmp_store::{ColumnTrait, Set, Store};

use crate::facts::{write_citations, write_facts, write_mechanisms, write_profiles};
use crate::loader::{ACTOR, Loader, note};
use crate::model::{self, Plan, PlanCountry, Scale};
use crate::outcomes::{self, Keys};
use crate::{plan, plan_outcomes};

/// What a synthetic load wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticReport {
    /// The seed.
    pub seed: u64,
    /// Rows written per table.
    pub rows: BTreeMap<&'static str, u64>,
    /// The slug of the edition with a profile of every mechanism.
    pub full_edition: String,
}

/// Writes the countries of the reference list if the database has none, and the starter
/// dataset's functions if it has none; returns the member states and the function codes.
async fn reference_data(l: &mut Loader) -> Result<(Vec<PlanCountry>, Vec<(i32, String)>), IngestError> {
    let have_countries = l.w.read_all::<country::Entity>().await?;
    if have_countries.is_empty() {
        let list = countries::load(countries::UN_REGIONAL_GROUPS_CSV)?;
        l.put("country", list.iter().map(country_row).collect::<Vec<_>>())
            .await?;
    }
    let have_functions = l.w.read_all::<function::Entity>().await?;
    if have_functions.is_empty() {
        let starter = nmp_ingest::starter::parse(nmp_ingest::starter::embedded_files())?;
        let rows = starter
            .functions
            .iter()
            .map(|f| function::ActiveModel {
                code: Set(f.value.code.clone()),
                label: Set(f.value.label.clone()),
                description: Set(f.value.description.clone()),
                ..Default::default()
            })
            .collect::<Vec<_>>();
        l.put("function", rows).await?;
    }
    let mut members: Vec<PlanCountry> =
        l.w.read_all::<country::Entity>()
            .await?
            .into_iter()
            .filter(|c| c.un_status == "member")
            .map(|c| PlanCountry {
                iso3: c.country_iso3,
                region: c.un_region,
            })
            .collect();
    members.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    let mut functions: Vec<(i32, String)> =
        l.w.read_all::<function::Entity>()
            .await?
            .into_iter()
            .map(|f| (f.function_id, f.code))
            .collect();
    functions.sort();
    Ok((members, functions))
}

fn country_row(c: &CountryRef) -> country::ActiveModel {
    countries::row(
        c,
        c.group_source.as_ref().map(|s| format!("UN regional group from {s}")),
    )
}

/// Generates and writes everything in one transaction.
pub(super) async fn write(store: &Store, seed: u64, scale: &Scale) -> Result<SyntheticReport, IngestError> {
    let mut l = Loader {
        w: store.writer(ACTOR).await?,
        seed,
        rows: BTreeMap::new(),
    };
    let (countries, functions) = reference_data(&mut l).await?;
    let codes: Vec<String> = functions.iter().map(|(_, c)| c.clone()).collect();
    let mut p = plan::plan(seed, scale, &countries, &codes);
    let frame = outcomes::frame(&mut l).await?;
    plan_outcomes::outcomes(&mut p, scale, &frame.kind_labels(), &frame.levels());
    let function_ids: Vec<i32> = functions.iter().map(|(id, _)| *id).collect();

    let sources = write_sources(&mut l, &p).await?;
    let orgs = write_organizations(&mut l, &p).await?;
    let (editions, parts) = write_editions(&mut l, &p, &orgs).await?;
    let mechanisms = write_mechanisms(&mut l, &p, &orgs).await?;
    let facts = write_facts(&mut l, &p, &mechanisms, &orgs, &editions, &function_ids).await?;
    let profiles = write_profiles(&mut l, &p, &mechanisms, &editions, &parts).await?;
    let full = p.editions.iter().position(|e| e.full).map(|i| editions[i]);
    let keys = Keys {
        mechanisms: &mechanisms,
        organizations: &orgs,
        sources: &sources,
    };
    let assessed = outcomes::write(&mut l, &p, &frame, &keys, full).await?;
    write_citations(&mut l, &p, &keys, &facts, &profiles, &parts, &assessed).await?;
    let full_edition = p
        .editions
        .iter()
        .find(|e| e.full)
        .map(|e| e.slug.clone())
        .unwrap_or_default();
    l.w.commit().await?;
    Ok(SyntheticReport {
        seed,
        rows: l.rows,
        full_edition,
    })
}

async fn write_sources(l: &mut Loader, p: &Plan) -> Result<Vec<i32>, IngestError> {
    let rows = p.sources.iter().map(|s| source::ActiveModel {
        slug: Set(s.slug.clone()),
        title: Set(s.title.clone()),
        kind: Set(s.kind.into()),
        author: Set(None),
        publisher: Set(Some(s.publisher.clone())),
        published_on: Set(Some(s.published_on.clone())),
        url: Set(Some(s.url.clone())),
        accessed_on: Set(None),
        language: Set(Some("en".into())),
        note: Set(note(p.seed)),
        ..Default::default()
    });
    l.put("source", rows).await?;
    let by_slug = l
        .keys::<source::Entity, String>(source::Column::Slug.starts_with("synthetic-"), |s| {
            (s.slug, s.source_id)
        })
        .await?;
    Ok(p.sources.iter().map(|s| by_slug[&s.slug]).collect())
}

async fn write_organizations(l: &mut Loader, p: &Plan) -> Result<Vec<i32>, IngestError> {
    let rows = p
        .organizations
        .iter()
        .map(|o| organization::ActiveModel {
            slug: Set(o.slug.clone()),
            name: Set(o.name.clone()),
            local_name: Set(None),
            acronym: Set(o.acronym.clone()),
            kind: Set(o.kind.into()),
            country_iso3: Set(o.country.clone()),
            parent_id: Set(None),
            website: Set(None),
            note: Set(note(p.seed)),
            sector: Set(Some(o.sector.into())),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("organization", rows).await?;
    let by_slug = l
        .keys::<organization::Entity, String>(organization::Column::Slug.starts_with("synthetic-"), |o| {
            (o.slug, o.organization_id)
        })
        .await?;
    Ok(p.organizations.iter().map(|o| by_slug[&o.slug]).collect())
}

/// Editions with their publisher and authors, and the parts of the full edition.
async fn write_editions(l: &mut Loader, p: &Plan, orgs: &[i32]) -> Result<(Vec<i32>, Vec<i32>), IngestError> {
    let rows = p
        .editions
        .iter()
        .map(|e| edition::ActiveModel {
            slug: Set(e.slug.clone()),
            title: Set(e.title.clone()),
            subtitle: Set(Some(e.subtitle.clone())),
            kind: Set(EditionKind::AnnualReport.code().into()),
            // The full edition is the one being written (and previewed); the others are out.
            status: Set(if e.full {
                EditionStatus::Drafting
            } else {
                EditionStatus::Published
            }
            .code()
            .into()),
            period_start: Set(Some(e.year.to_string())),
            period_end: Set(Some(e.year.to_string())),
            published_on: Set(Some(e.published_on.clone())),
            pages: Set(None),
            licence: Set(None),
            snapshot_hash: Set(None),
            note: Set(note(p.seed)),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("edition", rows).await?;
    let by_slug = l
        .keys::<edition::Entity, String>(edition::Column::Slug.starts_with("synthetic-"), |e| {
            (e.slug, e.edition_id)
        })
        .await?;
    let ids: Vec<i32> = p.editions.iter().map(|e| by_slug[&e.slug]).collect();

    let publishers = ids
        .iter()
        .map(|&id| edition_publisher::ActiveModel {
            edition_id: Set(id),
            organization_id: Set(orgs[p.publisher]),
            role: Set(PublisherRole::Publisher.code().into()),
            note: Set(None),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("edition_publisher", publishers).await?;
    let mut contributors = Vec::new();
    for &id in &ids {
        for (name, role) in [
            ("Synthetic Author One", ContributorRole::LeadAuthor),
            ("Synthetic Author Two", ContributorRole::CoAuthor),
        ] {
            contributors.push(edition_contributor::ActiveModel {
                edition_id: Set(id),
                name: Set(format!("{name} {}", model::LABEL)),
                role: Set(role.code().into()),
                affiliation: Set(Some(p.organizations[p.publisher].name.clone())),
                ..Default::default()
            });
        }
    }
    l.put("edition_contributor", contributors).await?;

    let full = p
        .editions
        .iter()
        .position(|e| e.full)
        .map(|i| ids[i])
        .unwrap_or_default();
    let parts = p
        .parts
        .iter()
        .map(|x| edition_part::ActiveModel {
            edition_id: Set(full),
            part_key: Set(x.key.clone()),
            position: Set(x.position),
            title: Set(x.title.clone()),
            page: Set(None),
            summary: Set(x.summary.clone()),
            kind: Set("chapter".into()),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    l.put("edition_part", parts).await?;
    let by_key = l
        .keys::<edition_part::Entity, String>(edition_part::Column::EditionId.eq(full), |x| {
            (x.part_key, x.edition_part_id)
        })
        .await?;
    Ok((ids, p.parts.iter().map(|x| by_key[&x.key]).collect()))
}
