//! Loading the starter dataset into the store, in one audited transaction (`system:seed`).
//!
//! Seeding adds what is missing and never overwrites: a record whose key (slug, ISO code) is
//! already in the database is left as it is, with everything under it, because an editor may have
//! corrected it since. Loading twice therefore changes nothing.
//!
//! This module holds the run and the reference records (countries, sources, organisations,
//! functions); `editions.rs` writes editions with their parts and profiles, `mechanisms.rs`
//! mechanisms with their facts, and networks, `initiatives.rs` initiatives with their kinds and
//! partners, and the assessment frameworks.

mod editions;
mod initiatives;
mod mechanisms;

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::PartialDate;
use nmp_store::entity::{citation, country, edition, function, mechanism, network, organization, source};
use nmp_store::{Set, Store, Writer};

use crate::countries::CountryRef;
use crate::starter::model::Citation;
use crate::starter::{Dataset, check, split_ref};
use crate::{IngestError, countries};

const ACTOR: &str = "system:seed";

/// What a seed run inserted, per table, and how many top-level records it found already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Rows inserted per table.
    pub inserted: BTreeMap<&'static str, u64>,
    /// Top-level records (countries, sources, organisations, ...) already present and left as they were.
    pub already_present: u64,
}

impl SeedReport {
    /// Total rows inserted.
    pub fn total_inserted(&self) -> u64 {
        self.inserted.values().sum()
    }
}

/// Parses, checks and loads the embedded starter dataset and country list.
pub async fn seed_embedded(store: &Store) -> Result<SeedReport, IngestError> {
    let files = crate::starter::embedded_files();
    seed_files(store, files).await
}

/// Parses, checks and loads a starter dataset from `files`.
pub async fn seed_files(store: &Store, files: Vec<crate::starter::DataFile>) -> Result<SeedReport, IngestError> {
    let countries = countries::load(countries::UN_REGIONAL_GROUPS_CSV)?;
    let codes: BTreeSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
    let data = crate::starter::parse(files)?;
    check(&data, &codes)?;
    seed(store, &countries, &data).await
}

fn text(date: &Option<PartialDate>) -> Option<String> {
    date.map(|d| d.to_string())
}

struct Seeder {
    w: Writer,
    report: SeedReport,
    sources: BTreeMap<String, i32>,
    organizations: BTreeMap<String, i32>,
    functions: BTreeMap<String, i32>,
    editions: BTreeMap<String, i32>,
    mechanisms: BTreeMap<String, i32>,
}

/// Loads an already checked dataset.
pub async fn seed(store: &Store, countries: &[CountryRef], data: &Dataset) -> Result<SeedReport, IngestError> {
    let existing_countries: BTreeSet<String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| c.country_iso3)
        .collect();
    let mut s = Seeder {
        w: store.writer(ACTOR).await?,
        report: SeedReport::default(),
        sources: store
            .all::<source::Entity>()
            .await?
            .into_iter()
            .map(|r| (r.slug, r.source_id))
            .collect(),
        organizations: store
            .all::<organization::Entity>()
            .await?
            .into_iter()
            .map(|r| (r.slug, r.organization_id))
            .collect(),
        functions: store
            .all::<function::Entity>()
            .await?
            .into_iter()
            .map(|r| (r.code, r.function_id))
            .collect(),
        editions: store
            .all::<edition::Entity>()
            .await?
            .into_iter()
            .map(|r| (r.slug, r.edition_id))
            .collect(),
        mechanisms: store
            .all::<mechanism::Entity>()
            .await?
            .into_iter()
            .map(|r| (r.slug, r.mechanism_id))
            .collect(),
    };
    let outcomes = initiatives::Present::read(store).await?;
    let networks: BTreeSet<String> = store
        .all::<network::Entity>()
        .await?
        .into_iter()
        .map(|r| r.slug)
        .collect();

    for c in countries {
        if existing_countries.contains(&c.iso3) {
            s.report.already_present += 1;
        } else {
            s.country(c).await?;
        }
    }
    for src in &data.sources {
        if s.sources.contains_key(&src.value.key) {
            s.report.already_present += 1;
        } else {
            s.source(&src.value).await?;
        }
    }
    s.organizations(data).await?;
    for f in &data.functions {
        if s.functions.contains_key(&f.value.code) {
            s.report.already_present += 1;
        } else {
            s.function(&f.value).await?;
        }
    }
    let mut new_editions = Vec::new();
    for e in &data.editions {
        if s.editions.contains_key(&e.value.slug) {
            s.report.already_present += 1;
        } else {
            new_editions.push(s.edition(&e.value).await?);
        }
    }
    for m in &data.mechanisms {
        if s.mechanisms.contains_key(&m.value.slug) {
            s.report.already_present += 1;
        } else {
            s.mechanism(&m.value).await?;
        }
    }
    for n in &data.networks {
        if networks.contains(&n.value.slug) {
            s.report.already_present += 1;
        } else {
            s.network(&n.value).await?;
        }
    }
    for (e, parts) in new_editions {
        s.profiles(e, &parts).await?;
    }
    s.outcomes(data, outcomes).await?;
    s.w.commit().await?;
    Ok(s.report)
}

impl Seeder {
    fn count(&mut self, table: &'static str) {
        *self.report.inserted.entry(table).or_default() += 1;
    }

    async fn cite(
        &mut self,
        entity: &str,
        id: &str,
        field: Option<&str>,
        reference: &str,
        quote: Option<&str>,
    ) -> Result<(), IngestError> {
        let (key, locator) = split_ref(reference);
        let source_id = self.sources[key];
        self.w
            .insert(citation::ActiveModel {
                source_id: Set(source_id),
                entity: Set(entity.into()),
                entity_id: Set(id.into()),
                field: Set(field.map(Into::into)),
                locator: Set(locator.map(Into::into)),
                quote: Set(quote.map(Into::into)),
                ..Default::default()
            })
            .await?;
        self.count("citation");
        Ok(())
    }

    async fn cite_all(
        &mut self,
        entity: &str,
        id: i32,
        sources: &[String],
        citations: &[Citation],
    ) -> Result<(), IngestError> {
        let id = id.to_string();
        for r in sources {
            self.cite(entity, &id, None, r, None).await?;
        }
        for c in citations {
            self.cite(entity, &id, Some(&c.field), &c.source, c.quote.as_deref())
                .await?;
        }
        Ok(())
    }

    async fn country(&mut self, c: &CountryRef) -> Result<(), IngestError> {
        let note = match (&c.group, &c.group_source) {
            (None, _) => Some(
                "UN regional group: none listed in the source of data/reference/un-regional-groups.csv".to_string(),
            ),
            (Some(_), Some(src)) => Some(format!("UN regional group from {src}")),
            _ => None,
        };
        self.w.insert(countries::row(c, note)).await?;
        self.count("country");
        Ok(())
    }

    async fn source(&mut self, s: &crate::starter::model::Source) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(source::ActiveModel {
                slug: Set(s.key.clone()),
                title: Set(s.title.clone()),
                kind: Set(s.kind.code().into()),
                author: Set(s.author.clone()),
                publisher: Set(s.publisher.clone()),
                published_on: Set(text(&s.published_on)),
                url: Set(s.url.clone()),
                accessed_on: Set(text(&s.accessed_on)),
                archived_url: Set(s.archived_url.clone()),
                language: Set(s.language.clone()),
                note: Set(s.note.clone()),
                ..Default::default()
            })
            .await?;
        self.sources.insert(s.key.clone(), row.source_id);
        self.count("source");
        Ok(())
    }

    /// Organisations in an order where every parent comes before its children.
    async fn organizations(&mut self, data: &Dataset) -> Result<(), IngestError> {
        let mut pending: Vec<_> = data.organizations.iter().map(|o| &o.value).collect();
        pending.retain(|o| {
            let present = self.organizations.contains_key(&o.key);
            if present {
                self.report.already_present += 1;
            }
            !present
        });
        while !pending.is_empty() {
            let (ready, rest): (Vec<_>, Vec<_>) = pending
                .into_iter()
                .partition(|o| o.parent.as_ref().is_none_or(|p| self.organizations.contains_key(p)));
            if ready.is_empty() {
                let keys: Vec<_> = rest.iter().map(|o| o.key.as_str()).collect();
                return Err(IngestError::File {
                    file: "data/starter/organizations.toml".into(),
                    line: None,
                    message: format!("parent: the organisations {keys:?} are each other's parents (a cycle)"),
                });
            }
            for o in ready {
                let row = self
                    .w
                    .insert(organization::ActiveModel {
                        slug: Set(o.key.clone()),
                        name: Set(o.name.clone()),
                        local_name: Set(o.local_name.clone()),
                        acronym: Set(o.acronym.clone()),
                        kind: Set(o.kind.code().into()),
                        country_iso3: Set(o.country.clone()),
                        parent_id: Set(o.parent.as_ref().map(|p| self.organizations[p])),
                        website: Set(o.website.clone()),
                        note: Set(o.note.clone()),
                        sector: Set(o.sector.map(|s| s.code().to_string())),
                        ..Default::default()
                    })
                    .await?;
                self.organizations.insert(o.key.clone(), row.organization_id);
                self.count("organization");
                self.cite_all("organization", row.organization_id, &o.sources, &[])
                    .await?;
            }
            pending = rest;
        }
        Ok(())
    }

    async fn function(&mut self, f: &crate::starter::model::Function) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(function::ActiveModel {
                code: Set(f.code.clone()),
                label: Set(f.label.clone()),
                description: Set(f.description.clone()),
                ..Default::default()
            })
            .await?;
        self.functions.insert(f.code.clone(), row.function_id);
        self.count("function");
        self.cite_all("function", row.function_id, &f.sources, &[]).await
    }
}
