//! Reading an edition's snapshot from the store: the edition and its parts and profiles, each
//! fact with its citations, numbered into one bibliography in reading order (the edition, then
//! each chapter and its profiles, then the annex and the thematic sections, then the outcome
//! assessments, then the essays).
//!
//! The mechanisms and everything under them come from the store's one read model
//! ([`nmp_store::MechanismBundle`]); a profile is mapped from it in `profile.rs`, the figures in
//! `overview.rs`, the citations numbered in `bib.rs`.

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::vocab::{ContributorRole, EditionKind, EditionStatus, PartKind, PublisherRole};
use nmp_store::bundle::{Activities, Selection};
use nmp_store::entity::{
    country, edition, edition_contributor, edition_part, edition_publisher, mechanism, organization, profile,
};
use nmp_store::{CitationIndex, MechanismBundle, Store};

use crate::ReportError;
use crate::bib::Bib;
use crate::outcomes::OutcomeSources;
use crate::overview::{World, overview, themes};
use crate::profile::ProfileContext;
use crate::snapshot::*;
use crate::text::vocab;

/// Reads the snapshot of the edition `edition_slug`.
pub async fn build(store: &Store, edition_slug: &str) -> Result<Snapshot, ReportError> {
    Ok(build_checked(store, edition_slug).await?.0)
}

/// What an edition's snapshot is read from.
struct Sources {
    edition: edition::Model,
    organizations: BTreeMap<i32, organization::Model>,
    countries: Vec<country::Model>,
    bundle: MechanismBundle,
    publishers: Vec<edition_publisher::Model>,
    contributors: Vec<edition_contributor::Model>,
    parts: Vec<edition_part::Model>,
    profiles: Vec<profile::Model>,
    edition_citations: CitationIndex,
    outcomes: OutcomeSources,
    /// The essays that came through the editorial workflow, by the id of the part printing
    /// them.
    essays: BTreeMap<i32, EssayMeta>,
}

impl Sources {
    async fn read(store: &Store, edition_slug: &str) -> Result<Sources, ReportError> {
        let rows = store
            .edition_rows(edition_slug)
            .await?
            .ok_or_else(|| ReportError::UnknownEdition(edition_slug.to_string()))?;
        let e = &rows.edition;
        // Profiles show the activities of the edition's period (all of them when it has none).
        let period = Activities::Within {
            start: e.period_start.clone(),
            end: e.period_end.clone(),
        };
        let outcomes = OutcomeSources::read(store, &rows.edition).await?;
        let lang = nmp_i18n::Lang::from_code(&rows.edition.language).unwrap_or_default();
        let mut essays = BTreeMap::new();
        for p in rows.parts.iter().filter(|p| p.kind == PartKind::Essay.code()) {
            if let Some(meta) = crate::essay::meta(store, p, lang).await? {
                essays.insert(p.edition_part_id, meta);
            }
        }
        Ok(Sources {
            outcomes,
            essays,
            organizations: store
                .all::<organization::Entity>()
                .await?
                .into_iter()
                .map(|o| (o.organization_id, o))
                .collect(),
            countries: store.all::<country::Entity>().await?,
            bundle: store.mechanism_bundle(Selection::All, &period).await?,
            edition: rows.edition,
            publishers: rows.publishers,
            contributors: rows.contributors,
            parts: rows.parts,
            profiles: rows.profiles,
            edition_citations: rows.citations,
        })
    }

    /// The bibliography, with the citations of every record the edition shows (taken over, not
    /// copied: the synthetic edition has 100,000).
    fn bib(&mut self) -> Bib {
        let mut cited = std::mem::take(&mut self.bundle.citations);
        cited.merge(std::mem::take(&mut self.edition_citations));
        cited.merge(self.outcomes.take_citations());
        Bib::new(cited)
    }

    fn org_name(&self, id: i32) -> String {
        self.organizations
            .get(&id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| format!("organisation {id}"))
    }

    /// The organisations credited on the cover and in "how to cite", each once, in the order of
    /// their first row: an organisation with several rows (two roles, or a role for one part)
    /// has its roles joined. The acronym is left out when it is the name.
    fn publisher_list(&self) -> Vec<Publisher> {
        let mut list: Vec<(i32, Publisher)> = Vec::new();
        for p in &self.publishers {
            let role = vocab::<PublisherRole>(self.lang(), &p.role);
            if let Some((_, listed)) = list.iter_mut().find(|(id, _)| *id == p.organization_id) {
                if !listed.role.split(", ").any(|r| r.eq_ignore_ascii_case(&role)) {
                    listed.role = format!("{}, {}", listed.role, role.to_lowercase());
                }
                continue;
            }
            let name = self.org_name(p.organization_id);
            let acronym = self
                .organizations
                .get(&p.organization_id)
                .and_then(|o| o.acronym.clone())
                .filter(|a| *a != name);
            list.push((p.organization_id, Publisher { name, acronym, role }));
        }
        list.into_iter().map(|(_, p)| p).collect()
    }

    /// The edition: its record, publishers and contributors, cited first.
    /// The edition's language: the vocabularies' labels in the snapshot are in it.
    fn lang(&self) -> nmp_i18n::Lang {
        nmp_i18n::Lang::from_code(&self.edition.language).unwrap_or_default()
    }

    fn edition(&self, bib: &mut Bib) -> Edition {
        let e = &self.edition;
        let mut cited: Vec<(&str, String, &str)> = vec![("edition", e.edition_id.to_string(), "edition")];
        cited.extend(
            self.publishers
                .iter()
                .map(|p| ("edition_publisher", p.edition_publisher_id.to_string(), "publisher")),
        );
        cited.extend(self.contributors.iter().map(|c| {
            (
                "edition_contributor",
                c.edition_contributor_id.to_string(),
                "contributor",
            )
        }));
        let edition_notes = bib.notes(&cited);
        if e.methodology.is_some() {
            let label = format!("edition {:?}", e.slug);
            bib.show(
                "edition",
                e.edition_id.to_string(),
                label,
                vec![Some("methodology")],
                None,
            );
        }
        Edition {
            slug: e.slug.clone(),
            title: e.title.clone(),
            subtitle: e.subtitle.clone(),
            kind: vocab::<EditionKind>(self.lang(), &e.kind),
            status: e.status.clone(),
            status_label: vocab::<EditionStatus>(self.lang(), &e.status),
            year: nmp_core::edition_year(&e.slug, e.published_on.as_deref()),
            published_on: e.published_on.clone(),
            pages: e.pages,
            licence: e.licence.clone(),
            methodology: e.methodology.clone(),
            language: e.language.clone(),
            note: e.note.clone(),
            publishers: self.publisher_list(),
            contributors: self
                .contributors
                .iter()
                .map(|c| Contributor {
                    name: c.name.clone(),
                    role: vocab::<ContributorRole>(self.lang(), &c.role),
                    affiliation: c.affiliation.clone(),
                })
                .collect(),
            citations: edition_notes,
        }
    }

    /// Parts in order, each with its profiles; profiles in no known chapter go last (an essay
    /// holds no profiles: one recorded in an essay is printed with them).
    fn groups(&self) -> Vec<(Option<&edition_part::Model>, Vec<&profile::Model>)> {
        let essay = PartKind::Essay.code();
        let known_parts: BTreeSet<i32> = self
            .parts
            .iter()
            .filter(|p| p.kind != essay)
            .map(|p| p.edition_part_id)
            .collect();
        let order = |p: &&profile::Model| (p.page.unwrap_or(i32::MAX), p.heading.clone(), p.mechanism_id);
        let mut groups: Vec<(Option<&edition_part::Model>, Vec<&profile::Model>)> = self
            .parts
            .iter()
            .map(|p| {
                let mut in_part: Vec<&profile::Model> = self
                    .profiles
                    .iter()
                    .filter(|x| {
                        x.edition_part_id == Some(p.edition_part_id) && known_parts.contains(&p.edition_part_id)
                    })
                    .collect();
                in_part.sort_by_key(order);
                (Some(p), in_part)
            })
            .collect();
        let mut loose: Vec<&profile::Model> = self
            .profiles
            .iter()
            .filter(|p| p.edition_part_id.is_none_or(|id| !known_parts.contains(&id)))
            .collect();
        if !loose.is_empty() {
            loose.sort_by_key(order);
            groups.push((None, loose));
        }
        groups
    }

    /// A part's heading and citations (an essay's are numbered later, after the themes, and
    /// recorded in `essays`).
    fn part(
        &self,
        part: Option<&edition_part::Model>,
        index: usize,
        essays: &mut Vec<(usize, i32)>,
        bib: &mut Bib,
    ) -> Part {
        let Some(p) = part else {
            return Part {
                key: "other".into(),
                kind: PartKind::Chapter.code().into(),
                title: "Other profiles".into(),
                author: None,
                page: None,
                summary: None,
                body: None,
                citations: vec![],
                profiles: vec![],
                essay: None,
            };
        };
        let essay = self.essays.get(&p.edition_part_id).cloned();
        // An essay from the editorial workflow is its authors' signed text, reviewed and
        // accepted, citing its own sources in its notes: its text and byline need no citation
        // of the part. What staff type in as an essay does, as any chapter's text.
        let fields = [("summary", &p.summary), ("body", &p.body), ("author", &p.author)]
            .into_iter()
            .filter(|(_, v)| v.is_some())
            .map(|(f, _)| Some(f))
            .filter(|_| essay.is_none())
            .collect();
        bib.show(
            "edition_part",
            p.edition_part_id.to_string(),
            format!("edition_part {:?} of edition {:?}", p.part_key, self.edition.slug),
            fields,
            None,
        );
        let citations = if p.kind == PartKind::Essay.code() {
            essays.push((index, p.edition_part_id));
            vec![]
        } else {
            bib.notes(&[("edition_part", p.edition_part_id.to_string(), "part")])
        };
        Part {
            key: p.part_key.clone(),
            kind: p.kind.clone(),
            title: p.title.clone(),
            author: p.author.clone(),
            page: p.page,
            summary: p.summary.clone(),
            body: p.body.clone(),
            citations,
            profiles: vec![],
            essay,
        }
    }
}

/// Reads the snapshot of the edition `edition_slug`, with every fact it shows that no citation
/// covers (`record: field`).
pub(crate) async fn build_checked(store: &Store, edition_slug: &str) -> Result<(Snapshot, Vec<String>), ReportError> {
    let mut src = Sources::read(store, edition_slug).await?;
    let mut bib = src.bib();
    let edition = src.edition(&mut bib);

    let org_name = |id: i32| src.org_name(id);
    let lang = src.lang();
    let context = ProfileContext {
        edition_id: src.edition.edition_id,
        countries: &src.countries,
        bundle: &src.bundle,
        org_name: &org_name,
        lang,
    };
    let mut parts = Vec::new();
    // The essays are printed after the thematic sections: their sources are numbered then.
    let mut essays = Vec::new();
    for (part, in_part) in src.groups() {
        let mut out = src.part(part, parts.len(), &mut essays, &mut bib);
        out.profiles = in_part
            .into_iter()
            .filter_map(|p| context.profile(p, &mut bib))
            .collect();
        parts.push(out);
    }

    let facts = store.indicator_facts().await?;
    let featured: BTreeSet<i32> = src.profiles.iter().map(|p| p.mechanism_id).collect();
    let mechanisms: BTreeMap<i32, &mechanism::Model> = src
        .bundle
        .mechanisms
        .iter()
        .map(|r| (r.mechanism.mechanism_id, &r.mechanism))
        .collect();
    // The figures read rows in id order, the order their sources are numbered in.
    let mut statuses: Vec<_> = src.bundle.mechanisms.iter().flat_map(|r| &r.statuses).collect();
    statuses.sort_by_key(|s| s.mechanism_status_id);
    let mut members: Vec<_> = src.bundle.mechanisms.iter().flat_map(|r| &r.members).collect();
    members.sort_by_key(|x| x.membership_id);
    let world = World {
        year: edition.year,
        countries: &src.countries,
        facts: &facts,
        mechanisms: &mechanisms,
        statuses: &statuses,
        members: &members,
        organizations: &src.organizations,
        featured: &featured,
        lang,
    };
    let mut overview = overview(&world, &mut bib);
    overview.risk_gap = crate::risk::risk_gap(store, edition.year).await?;
    let themes = themes(&world, &mut bib);
    // The outcome assessments are printed after the thematic sections, before the essays.
    let outcomes = src.outcomes.rounds(&src.countries, &mut bib);
    for (index, id) in essays {
        parts[index].citations = bib.notes(&[("edition_part", id.to_string(), "part")]);
    }
    let uncited = bib.uncited();
    let snapshot = Snapshot {
        format: FORMAT,
        edition,
        overview,
        parts,
        themes,
        bibliography: bib.sources,
        outcomes,
    };
    Ok((snapshot, uncited))
}
