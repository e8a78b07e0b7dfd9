//! Loading the starter dataset into the store, in one audited transaction (`system:seed`).
//!
//! Seeding adds what is missing and never overwrites: a record whose key (slug, ISO code) is
//! already in the database is left as it is, with everything under it, because an editor may have
//! corrected it since. Loading twice therefore changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::PartialDate;
use nmp_core::vocab::PartKind;
use nmp_store::entity::{
    activity, citation, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, network, network_count, network_membership, organization,
    profile, source,
};
use nmp_store::{Set, Store, Writer};

use crate::countries::CountryRef;
use crate::starter::model::{Citation, Edition, Mechanism, Network};
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
        self.w
            .insert(country::ActiveModel {
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
            })
            .await?;
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
                accessed_on: Set(None),
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

    async fn edition<'e>(&mut self, e: &'e Edition) -> Result<(&'e Edition, BTreeMap<String, i32>), IngestError> {
        let row = self
            .w
            .insert(edition::ActiveModel {
                slug: Set(e.slug.clone()),
                title: Set(e.title.clone()),
                subtitle: Set(e.subtitle.clone()),
                kind: Set(e.kind.code().into()),
                status: Set(e.status.code().into()),
                period_start: Set(None),
                period_end: Set(None),
                published_on: Set(text(&e.published_on)),
                pages: Set(e.pages.map(|p| p as i32)),
                licence: Set(e.licence.clone()),
                snapshot_hash: Set(None),
                note: Set(e.note.clone()),
                methodology: Set(e.methodology.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.edition_id;
        self.editions.insert(e.slug.clone(), id);
        self.count("edition");
        self.cite_all("edition", id, &e.sources, &e.citation).await?;
        for p in &e.publisher {
            let r = self
                .w
                .insert(edition_publisher::ActiveModel {
                    edition_id: Set(id),
                    organization_id: Set(self.organizations[&p.organization]),
                    role: Set(p.role.code().into()),
                    note: Set(p.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("edition_publisher");
            self.cite_all("edition_publisher", r.edition_publisher_id, &p.sources, &[])
                .await?;
        }
        for p in &e.contributor {
            let r = self
                .w
                .insert(edition_contributor::ActiveModel {
                    edition_id: Set(id),
                    name: Set(p.name.clone()),
                    role: Set(p.role.code().into()),
                    affiliation: Set(p.affiliation.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("edition_contributor");
            self.cite_all("edition_contributor", r.edition_contributor_id, &p.sources, &[])
                .await?;
        }
        let mut parts = BTreeMap::new();
        for p in &e.part {
            let r = self
                .w
                .insert(edition_part::ActiveModel {
                    edition_id: Set(id),
                    part_key: Set(p.key.clone()),
                    position: Set(p.position as i32),
                    title: Set(p.title.clone()),
                    page: Set(p.page.map(|n| n as i32)),
                    summary: Set(p.summary.clone()),
                    body: Set(p.body.clone()),
                    kind: Set(p.kind.unwrap_or(PartKind::Chapter).code().into()),
                    author: Set(p.author.clone()),
                    ..Default::default()
                })
                .await?;
            parts.insert(p.key.clone(), r.edition_part_id);
            self.count("edition_part");
            self.cite_all("edition_part", r.edition_part_id, &p.sources, &[])
                .await?;
        }
        Ok((e, parts))
    }

    async fn profiles(&mut self, e: &Edition, parts: &BTreeMap<String, i32>) -> Result<(), IngestError> {
        for p in &e.profile {
            let r = self
                .w
                .insert(profile::ActiveModel {
                    edition_id: Set(self.editions[&e.slug]),
                    mechanism_id: Set(self.mechanisms[&p.mechanism]),
                    section: Set(p.section.code().into()),
                    edition_part_id: Set(p.part.as_ref().map(|k| parts[k])),
                    heading: Set(p.heading.clone()),
                    page: Set(p.page.map(|n| n as i32)),
                    owner_organization_id: Set(None),
                    assignee_account_id: Set(None),
                    review_state: Set("approved".into()),
                    history: Set(None),
                    mandate: Set(None),
                    structure: Set(None),
                    outputs: Set(None),
                    challenges: Set(None),
                    recent_developments: Set(None),
                    ..Default::default()
                })
                .await?;
            self.count("profile");
            self.cite_all("profile", r.profile_id, &p.sources, &[]).await?;
        }
        Ok(())
    }

    async fn mechanism(&mut self, m: &Mechanism) -> Result<(), IngestError> {
        let i = m.instrument.as_ref();
        let row = self
            .w
            .insert(mechanism::ActiveModel {
                slug: Set(m.slug.clone()),
                country_iso3: Set(m.country.clone()),
                name: Set(m.name.clone()),
                local_name: Set(m.local_name.clone()),
                acronym: Set(m.acronym.clone()),
                level: Set(m.level.code().into()),
                mechanism_type: Set(m.kind.code().into()),
                created_on: Set(text(&m.created_on)),
                launched_on: Set(text(&m.launched_on)),
                lead_organization_id: Set(m.lead_organization.as_ref().map(|k| self.organizations[k])),
                website: Set(m.website.clone()),
                mandate: Set(m.mandate.clone()),
                instrument_kind: Set(i.map(|i| i.kind.code().into())),
                instrument_number: Set(i.and_then(|i| i.number.clone())),
                instrument_date: Set(i.and_then(|i| text(&i.date))),
                instrument_title: Set(i.and_then(|i| i.title.clone())),
                instrument_url: Set(i.and_then(|i| i.url.clone())),
                note: Set(m.note.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.mechanism_id;
        self.mechanisms.insert(m.slug.clone(), id);
        self.count("mechanism");
        self.cite_all("mechanism", id, &m.sources, &m.citation).await?;
        for st in &m.status {
            let r = self
                .w
                .insert(mechanism_status::ActiveModel {
                    mechanism_id: Set(id),
                    status: Set(st.status.code().into()),
                    status_on: Set(text(&st.on)),
                    confidence: Set(st.confidence.code().into()),
                    note: Set(st.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("mechanism_status");
            self.cite_all("mechanism_status", r.mechanism_status_id, &st.sources, &[])
                .await?;
        }
        for mem in &m.member {
            let r = self
                .w
                .insert(membership::ActiveModel {
                    mechanism_id: Set(id),
                    organization_id: Set(self.organizations[&mem.organization]),
                    role: Set(mem.role.code().into()),
                    since_on: Set(text(&mem.since)),
                    until_on: Set(text(&mem.until)),
                    confidence: Set(mem.confidence.code().into()),
                    note: Set(mem.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("membership");
            self.cite_all("membership", r.membership_id, &mem.sources, &[]).await?;
        }
        for f in &m.function {
            let r = self
                .w
                .insert(mechanism_function::ActiveModel {
                    mechanism_id: Set(id),
                    edition_id: Set(self.editions[&f.edition]),
                    function_id: Set(self.functions[&f.function]),
                    level: Set(f.level.code().into()),
                    evidence: Set(f.evidence.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("mechanism_function");
            self.cite_all("mechanism_function", r.mechanism_function_id, &f.sources, &[])
                .await?;
        }
        for a in &m.activity {
            let r = self
                .w
                .insert(activity::ActiveModel {
                    mechanism_id: Set(id),
                    occurred_on: Set(a.on.to_string()),
                    kind: Set(a.kind.clone()),
                    function_id: Set(a.function.as_ref().map(|f| self.functions[f])),
                    title: Set(a.title.clone()),
                    description: Set(a.description.clone()),
                    outcome: Set(a.outcome.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("activity");
            self.cite_all("activity", r.activity_id, &a.sources, &[]).await?;
        }
        Ok(())
    }

    async fn network(&mut self, n: &Network) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(network::ActiveModel {
                slug: Set(n.slug.clone()),
                name: Set(n.name.clone()),
                acronym: Set(n.acronym.clone()),
                kind: Set(n.kind.code().into()),
                founded_on: Set(text(&n.founded_on)),
                secretariat_organization_id: Set(n.secretariat.as_ref().map(|k| self.organizations[k])),
                description: Set(n.description.clone()),
                note: Set(n.note.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.network_id;
        self.count("network");
        self.cite_all("network", id, &n.sources, &n.citation).await?;
        for m in &n.member {
            let r = self
                .w
                .insert(network_membership::ActiveModel {
                    network_id: Set(id),
                    country_iso3: Set(m.country.clone()),
                    role: Set(m.role.code().into()),
                    joined_on: Set(text(&m.joined_on)),
                    left_on: Set(text(&m.left_on)),
                    confidence: Set(m.confidence.code().into()),
                    note: Set(m.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("network_membership");
            self.cite_all("network_membership", r.network_membership_id, &m.sources, &[])
                .await?;
        }
        for c in &n.count {
            let r = self
                .w
                .insert(network_count::ActiveModel {
                    network_id: Set(id),
                    counted_on: Set(c.on.to_string()),
                    member_count: Set(c.members as i32),
                    note: Set(c.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("network_count");
            self.cite_all("network_count", r.network_count_id, &c.sources, &[])
                .await?;
        }
        Ok(())
    }
}
