//! Reading an edition's snapshot from the store: the edition and its parts and profiles, each
//! fact with its citations, numbered into one bibliography in reading order (the edition, then
//! each chapter and its profiles, then the annex and the thematic sections, then the essays).

use std::collections::{BTreeMap, BTreeSet};

use nmp_core::vocab::{
    ContributorRole, EditionKind, EditionStatus, FunctionLevel, InstrumentKind, MechanismLevel, MechanismStatus,
    MechanismType, MemberRole, PartKind, ProfileSection, PublisherRole, SourceKind, UnRegionalGroup, geo_label,
};
use nmp_store::Store;
use nmp_store::entity::{
    activity, citation, country, edition, edition_contributor, edition_part, edition_publisher, function, mechanism,
    mechanism_function, mechanism_status, membership, organization, profile, source,
};

use crate::ReportError;
use crate::overview::{World, overview, themes};
use crate::snapshot::*;

/// The English label of a vocabulary code, or the code itself when it is not in the vocabulary.
macro_rules! label {
    ($vocab:ty, $code:expr) => {
        <$vocab>::parse("", &$code)
            .map(|v| v.label().to_string())
            .unwrap_or_else(|_| $code.to_string())
    };
}

/// The profile's text fields, in the order a profile prints them.
pub(crate) const NARRATIVE: [(&str, &str); 6] = [
    ("history", "History"),
    ("mandate", "Mandate"),
    ("structure", "Structure"),
    ("outputs", "Outputs"),
    ("challenges", "Challenges"),
    ("recent_developments", "Recent developments"),
];

/// The citations of the records shown, the bibliography they are numbered into, and the facts
/// shown (for the check that publishing makes: every fact shown is cited).
pub(crate) struct Bib {
    cited: BTreeMap<(String, String), Vec<(citation::Model, source::Model)>>,
    numbers: BTreeMap<i32, usize>,
    sources: Vec<Source>,
    shown: Vec<Shown>,
}

/// Facts of one record that the edition shows.
#[derive(Debug, Clone)]
struct Shown {
    table: &'static str,
    key: String,
    /// How the record is named in messages.
    label: String,
    /// The fields shown; `None` means the record as a whole (a status step, a membership).
    fields: Vec<Option<&'static str>>,
    /// A field of the parent mechanism whose citation also covers this record (`member` covers
    /// each membership).
    parent: Option<(String, &'static str)>,
}

/// Citation fields that cover several columns.
fn covers(cited_field: &str, field: &str) -> bool {
    let singular = cited_field.strip_suffix('s').unwrap_or(cited_field);
    cited_field == field
        || singular == field
        || match cited_field {
            "instrument" => field.starts_with("instrument_"),
            "lead_organization" | "lead" => field == "lead_organization_id",
            "country" => field == "country_iso3",
            "type" => field == "mechanism_type",
            _ => false,
        }
}

impl Bib {
    async fn load(store: &Store, tables: Vec<(&str, Vec<String>)>) -> Result<Bib, ReportError> {
        let mut cited: BTreeMap<(String, String), Vec<(citation::Model, source::Model)>> = BTreeMap::new();
        for (table, keys) in tables {
            for (c, s) in store.citations_of(table, keys).await? {
                cited
                    .entry((table.to_string(), c.entity_id.clone()))
                    .or_default()
                    .push((c, s));
            }
        }
        Ok(Bib {
            cited,
            numbers: BTreeMap::new(),
            sources: Vec::new(),
            shown: Vec::new(),
        })
    }

    /// Records that the edition shows `fields` of a record.
    fn show(
        &mut self,
        table: &'static str,
        key: String,
        label: String,
        fields: Vec<Option<&'static str>>,
        parent: Option<(String, &'static str)>,
    ) {
        if !fields.is_empty() {
            self.shown.push(Shown {
                table,
                key,
                label,
                fields,
                parent,
            });
        }
    }

    /// Records the fields of a mechanism that a table or profile shows.
    pub(crate) fn show_mechanism(&mut self, m: &mechanism::Model, fields: &[&'static str]) {
        let value = serde_json::to_value(m).unwrap_or_default();
        let present = fields
            .iter()
            .filter(|f| value.get(**f).is_some_and(|v| !v.is_null()))
            .map(|f| Some(*f))
            .collect();
        self.show(
            "mechanism",
            m.mechanism_id.to_string(),
            format!("mechanism {:?}", m.slug),
            present,
            None,
        );
    }

    /// Records that a row under a mechanism (a status step, a membership, an activity) is shown
    /// as a whole; a citation of the mechanism naming `parent_field` also covers it.
    pub(crate) fn show_row(
        &mut self,
        table: &'static str,
        key: String,
        label: String,
        parent: Option<(i32, &'static str)>,
    ) {
        let parent = parent.map(|(id, field)| (id.to_string(), field));
        self.show(table, key, label, vec![None], parent);
    }

    /// Every fact shown that no citation covers, as `record: field`, in the order shown.
    pub(crate) fn uncited(&self) -> Vec<String> {
        let fields_of = |table: &str, key: &str| -> Vec<Option<String>> {
            self.cited
                .get(&(table.to_string(), key.to_string()))
                .map(|list| list.iter().map(|(c, _)| c.field.clone()).collect())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for s in &self.shown {
            let cited = fields_of(s.table, &s.key);
            if cited.iter().any(Option::is_none) {
                continue;
            }
            // A citation of the mechanism naming `member` (say) backs each membership; one of
            // the mechanism as a whole backs only the mechanism's own fields.
            let by_parent = s
                .parent
                .as_ref()
                .is_some_and(|(id, field)| fields_of("mechanism", id).iter().flatten().any(|f| covers(f, field)));
            for field in &s.fields {
                let ok = match field {
                    None => !cited.is_empty() || by_parent,
                    Some(f) => cited.iter().flatten().any(|c| covers(c, f)),
                };
                let line = match field {
                    Some(f) => format!("{}: {f}", s.label),
                    None => format!("{}: the record", s.label),
                };
                if !ok && seen.insert(line.clone()) {
                    out.push(line);
                }
            }
        }
        out
    }

    fn number(&mut self, s: &source::Model) -> usize {
        if let Some(n) = self.numbers.get(&s.source_id) {
            return *n;
        }
        let number = self.sources.len() + 1;
        self.sources.push(Source {
            number,
            slug: s.slug.clone(),
            title: s.title.clone(),
            kind: label!(SourceKind, s.kind),
            author: s.author.clone(),
            publisher: s.publisher.clone(),
            published_on: s.published_on.clone(),
            url: s.url.clone(),
            accessed_on: s.accessed_on.clone(),
        });
        self.numbers.insert(s.source_id, number);
        number
    }

    /// The notes of the rows `(table, key, what they are)`, one per source, locator and field: a
    /// citation naming a field says so in `about`, others take the row's category.
    pub(crate) fn notes(&mut self, rows: &[(&str, String, &str)]) -> Vec<Citation> {
        let mut notes = Vec::new();
        let mut seen = BTreeSet::new();
        for (table, key, about) in rows {
            let list = self
                .cited
                .get(&(table.to_string(), key.clone()))
                .cloned()
                .unwrap_or_default();
            for (c, s) in list {
                let number = self.number(&s);
                // A citation naming a field keeps its own note even when its source already
                // backs the record: the note says what it supports.
                if seen.insert((number, c.locator.clone(), c.field.clone())) {
                    notes.push(Citation {
                        source: number,
                        about: c.field.clone().unwrap_or_else(|| about.to_string()),
                        locator: c.locator.clone(),
                    });
                }
            }
        }
        notes
    }

    /// The bibliography numbers of the sources of the rows `(table, key)`, sorted.
    pub(crate) fn numbers(&mut self, rows: &[(&str, String)]) -> Vec<usize> {
        let rows: Vec<(&str, String, &str)> = rows.iter().map(|(t, k)| (*t, k.clone(), "")).collect();
        let numbers: BTreeSet<usize> = self.notes(&rows).into_iter().map(|c| c.source).collect();
        numbers.into_iter().collect()
    }
}

fn ids<T>(rows: &[T], id: impl Fn(&T) -> i32) -> Vec<String> {
    rows.iter().map(|r| id(r).to_string()).collect()
}

/// Reads the snapshot of the edition `edition_slug`.
pub async fn build(store: &Store, edition_slug: &str) -> Result<Snapshot, ReportError> {
    Ok(build_checked(store, edition_slug).await?.0)
}

/// Reads the snapshot of the edition `edition_slug`, with every fact it shows that no citation
/// covers (`record: field`).
pub(crate) async fn build_checked(store: &Store, edition_slug: &str) -> Result<(Snapshot, Vec<String>), ReportError> {
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
    let countries = store.all::<country::Entity>().await?;
    let mechanisms: BTreeMap<i32, mechanism::Model> = store
        .all::<mechanism::Entity>()
        .await?
        .into_iter()
        .map(|m| (m.mechanism_id, m))
        .collect();
    let statuses = store.all::<mechanism_status::Entity>().await?;
    let members = store.all::<membership::Entity>().await?;
    // Profiles show the activities of the edition's period (all of them when it has none).
    let activities: Vec<activity::Model> = store
        .activities_in_period(e.period_start.as_deref(), e.period_end.as_deref())
        .await?;
    let publishers = store
        .rows_where::<edition_publisher::Entity, _>(edition_publisher::Column::EditionId, [e.edition_id])
        .await?;
    let contributors = store
        .rows_where::<edition_contributor::Entity, _>(edition_contributor::Column::EditionId, [e.edition_id])
        .await?;
    let mut parts = store
        .rows_where::<edition_part::Entity, _>(edition_part::Column::EditionId, [e.edition_id])
        .await?;
    parts.sort_by(|a, b| (a.position, &a.part_key).cmp(&(b.position, &b.part_key)));
    let profiles = store
        .rows_where::<profile::Entity, _>(profile::Column::EditionId, [e.edition_id])
        .await?;
    let functions: BTreeMap<i32, function::Model> = store
        .all::<function::Entity>()
        .await?
        .into_iter()
        .map(|f| (f.function_id, f))
        .collect();
    let assessments = store
        .rows_where::<mechanism_function::Entity, _>(mechanism_function::Column::EditionId, [e.edition_id])
        .await?;

    let mut bib = Bib::load(
        store,
        vec![
            ("edition", vec![e.edition_id.to_string()]),
            ("edition_publisher", ids(&publishers, |p| p.edition_publisher_id)),
            ("edition_contributor", ids(&contributors, |c| c.edition_contributor_id)),
            ("edition_part", ids(&parts, |p| p.edition_part_id)),
            ("profile", ids(&profiles, |p| p.profile_id)),
            ("mechanism", mechanisms.keys().map(i32::to_string).collect()),
            ("mechanism_status", ids(&statuses, |s| s.mechanism_status_id)),
            ("membership", ids(&members, |m| m.membership_id)),
            ("activity", ids(&activities, |a| a.activity_id)),
        ],
    )
    .await?;

    let org_name = |id: i32| {
        organizations
            .get(&id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| format!("organisation {id}"))
    };

    // The edition: its record, publishers and contributors, cited first.
    let mut cited: Vec<(&str, String, &str)> = vec![("edition", e.edition_id.to_string(), "edition")];
    cited.extend(
        publishers
            .iter()
            .map(|p| ("edition_publisher", p.edition_publisher_id.to_string(), "publisher")),
    );
    cited.extend(contributors.iter().map(|c| {
        (
            "edition_contributor",
            c.edition_contributor_id.to_string(),
            "contributor",
        )
    }));
    let edition_notes = bib.notes(&cited);
    if e.methodology.is_some() {
        bib.show(
            "edition",
            e.edition_id.to_string(),
            format!("edition {:?}", e.slug),
            vec![Some("methodology")],
            None,
        );
    }
    let edition = Edition {
        slug: e.slug.clone(),
        title: e.title.clone(),
        subtitle: e.subtitle.clone(),
        kind: label!(EditionKind, e.kind),
        status: e.status.clone(),
        status_label: label!(EditionStatus, e.status),
        year,
        published_on: e.published_on.clone(),
        pages: e.pages,
        licence: e.licence.clone(),
        methodology: e.methodology.clone(),
        note: e.note.clone(),
        publishers: publishers
            .iter()
            .map(|p| Publisher {
                name: org_name(p.organization_id),
                acronym: organizations.get(&p.organization_id).and_then(|o| o.acronym.clone()),
                role: label!(PublisherRole, p.role),
            })
            .collect(),
        contributors: contributors
            .iter()
            .map(|c| Contributor {
                name: c.name.clone(),
                role: label!(ContributorRole, c.role),
                affiliation: c.affiliation.clone(),
            })
            .collect(),
        citations: edition_notes,
    };

    // Parts in order, each with its profiles; profiles in no known chapter go last (an essay
    // holds no profiles: one recorded in an essay is printed with them).
    let essay = PartKind::Essay.code();
    let known_parts: BTreeSet<i32> = parts
        .iter()
        .filter(|p| p.kind != essay)
        .map(|p| p.edition_part_id)
        .collect();
    let mut groups: Vec<(Option<&edition_part::Model>, Vec<&profile::Model>)> = parts
        .iter()
        .map(|p| {
            let mut in_part: Vec<&profile::Model> = profiles
                .iter()
                .filter(|x| x.edition_part_id == Some(p.edition_part_id) && known_parts.contains(&p.edition_part_id))
                .collect();
            in_part.sort_by_key(|p| (p.page.unwrap_or(i32::MAX), p.heading.clone(), p.mechanism_id));
            (Some(p), in_part)
        })
        .collect();
    let mut loose: Vec<&profile::Model> = profiles
        .iter()
        .filter(|p| p.edition_part_id.is_none_or(|id| !known_parts.contains(&id)))
        .collect();
    if !loose.is_empty() {
        loose.sort_by_key(|p| (p.page.unwrap_or(i32::MAX), p.heading.clone(), p.mechanism_id));
        groups.push((None, loose));
    }
    let context = ProfileContext {
        countries: &countries,
        mechanisms: &mechanisms,
        statuses: &statuses,
        members: &members,
        activities: &activities,
        functions: &functions,
        assessments: &assessments,
        org_name: &org_name,
    };
    let mut out_parts = Vec::new();
    // The essays are printed after the thematic sections: their sources are numbered then.
    let mut essays = Vec::new();
    for (part, in_part) in groups {
        if let Some(p) = part {
            let fields = [("summary", &p.summary), ("body", &p.body), ("author", &p.author)]
                .into_iter()
                .filter(|(_, v)| v.is_some())
                .map(|(f, _)| Some(f))
                .collect();
            bib.show(
                "edition_part",
                p.edition_part_id.to_string(),
                format!("edition_part {:?} of edition {:?}", p.part_key, e.slug),
                fields,
                None,
            );
        }
        let mut out = match part {
            Some(p) => Part {
                key: p.part_key.clone(),
                kind: p.kind.clone(),
                title: p.title.clone(),
                author: p.author.clone(),
                page: p.page,
                summary: p.summary.clone(),
                body: p.body.clone(),
                citations: if p.kind == essay {
                    essays.push((out_parts.len(), p.edition_part_id));
                    vec![]
                } else {
                    bib.notes(&[("edition_part", p.edition_part_id.to_string(), "part")])
                },
                profiles: vec![],
            },
            None => Part {
                key: "other".into(),
                kind: PartKind::Chapter.code().into(),
                title: "Other profiles".into(),
                author: None,
                page: None,
                summary: None,
                body: None,
                citations: vec![],
                profiles: vec![],
            },
        };
        for p in in_part {
            if let Some(profile) = context.profile(p, &mut bib) {
                out.profiles.push(profile);
            }
        }
        out_parts.push(out);
    }

    let facts = store.indicator_facts().await?;
    let featured: BTreeSet<i32> = profiles.iter().map(|p| p.mechanism_id).collect();
    let world = World {
        year,
        countries: &countries,
        facts: &facts,
        mechanisms: &mechanisms,
        statuses: &statuses,
        members: &members,
        organizations: &organizations,
        featured: &featured,
    };
    let overview = overview(&world, &mut bib);
    let themes = themes(&world, &mut bib);
    for (index, id) in essays {
        out_parts[index].citations = bib.notes(&[("edition_part", id.to_string(), "part")]);
    }
    let uncited = bib.uncited();
    let snapshot = Snapshot {
        format: FORMAT,
        edition,
        overview,
        parts: out_parts,
        themes,
        bibliography: bib.sources,
    };
    Ok((snapshot, uncited))
}

/// What a profile is read from.
struct ProfileContext<'a> {
    countries: &'a [country::Model],
    mechanisms: &'a BTreeMap<i32, mechanism::Model>,
    statuses: &'a [mechanism_status::Model],
    members: &'a [membership::Model],
    activities: &'a [activity::Model],
    functions: &'a BTreeMap<i32, function::Model>,
    assessments: &'a [mechanism_function::Model],
    org_name: &'a (dyn Fn(i32) -> String + Sync),
}

/// The fields of a mechanism a profile shows (when they have a value).
const PROFILE_FIELDS: [&str; 12] = [
    "name",
    "local_name",
    "acronym",
    "country_iso3",
    "created_on",
    "launched_on",
    "instrument_number",
    "instrument_date",
    "instrument_title",
    "lead_organization_id",
    "website",
    "mandate",
];

impl ProfileContext<'_> {
    /// Records the facts a profile shows, for the citation check.
    fn show_facts(
        &self,
        p: &profile::Model,
        m: &mechanism::Model,
        statuses: &[&mechanism_status::Model],
        members: &[&membership::Model],
        activities: &[&activity::Model],
        bib: &mut Bib,
    ) {
        bib.show_mechanism(m, &PROFILE_FIELDS);
        let id = m.mechanism_id;
        for s in statuses {
            let label = format!("mechanism_status {} ({}: {})", s.mechanism_status_id, m.slug, s.status);
            bib.show_row(
                "mechanism_status",
                s.mechanism_status_id.to_string(),
                label,
                Some((id, "status")),
            );
        }
        for x in members {
            let label = format!(
                "membership {} ({}: {})",
                x.membership_id,
                m.slug,
                (self.org_name)(x.organization_id)
            );
            bib.show_row("membership", x.membership_id.to_string(), label, Some((id, "member")));
        }
        for a in activities {
            let label = format!("activity {} ({}: {})", a.activity_id, m.slug, a.title);
            bib.show_row("activity", a.activity_id.to_string(), label, Some((id, "activity")));
        }
        let written: Vec<Option<&'static str>> = NARRATIVE
            .iter()
            .filter(|(key, _)| {
                let text = match *key {
                    "history" => &p.history,
                    "mandate" => &p.mandate,
                    "structure" => &p.structure,
                    "outputs" => &p.outputs,
                    "challenges" => &p.challenges,
                    _ => &p.recent_developments,
                };
                text.as_ref().is_some_and(|t| !t.trim().is_empty())
            })
            .map(|(key, _)| Some(*key))
            .collect();
        bib.show(
            "profile",
            p.profile_id.to_string(),
            format!("profile {} ({:?} in edition {})", p.profile_id, m.slug, p.edition_id),
            written,
            None,
        );
    }

    fn profile(&self, p: &profile::Model, bib: &mut Bib) -> Option<Profile> {
        let m = self.mechanisms.get(&p.mechanism_id)?;
        let id = m.mechanism_id;
        let org_name = self.org_name;
        let mut statuses: Vec<&mechanism_status::Model> =
            self.statuses.iter().filter(|s| s.mechanism_id == id).collect();
        // Dated steps in date order, then the undated ones.
        statuses.sort_by_key(|s| (s.status_on.is_none(), s.status_on.clone(), s.mechanism_status_id));
        let mut members: Vec<&membership::Model> = self.members.iter().filter(|s| s.mechanism_id == id).collect();
        members.sort_by_key(|x| (x.role != "chair", org_name(x.organization_id), x.membership_id));
        let mut activities: Vec<&activity::Model> = self.activities.iter().filter(|s| s.mechanism_id == id).collect();
        activities.sort_by_key(|a| (a.occurred_on.clone(), a.activity_id));
        let mut functions: Vec<&mechanism_function::Model> =
            self.assessments.iter().filter(|a| a.mechanism_id == id).collect();
        functions.sort_by_key(|a| (a.function_id, a.mechanism_function_id));

        let mut cited: Vec<(&str, String, &str)> = vec![
            ("mechanism", id.to_string(), "mechanism"),
            ("profile", p.profile_id.to_string(), "profile"),
        ];
        cited.extend(
            statuses
                .iter()
                .map(|s| ("mechanism_status", s.mechanism_status_id.to_string(), "status")),
        );
        cited.extend(
            members
                .iter()
                .map(|s| ("membership", s.membership_id.to_string(), "member")),
        );
        cited.extend(
            activities
                .iter()
                .map(|s| ("activity", s.activity_id.to_string(), "activity")),
        );
        self.show_facts(p, m, &statuses, &members, &activities, bib);
        let country = m
            .country_iso3
            .as_ref()
            .and_then(|iso3| self.countries.iter().find(|c| &c.country_iso3 == iso3));
        let narrative = NARRATIVE
            .iter()
            .filter_map(|(key, heading)| {
                let text = match *key {
                    "history" => &p.history,
                    "mandate" => &p.mandate,
                    "structure" => &p.structure,
                    "outputs" => &p.outputs,
                    "challenges" => &p.challenges,
                    _ => &p.recent_developments,
                };
                text.as_ref().filter(|t| !t.trim().is_empty()).map(|t| Narrative {
                    key: key.to_string(),
                    heading: heading.to_string(),
                    text: t.clone(),
                })
            })
            .collect();
        Some(Profile {
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
                .map(|iso3| country.map(|c| c.name.clone()).unwrap_or_else(|| iso3.clone())),
            iso3: m.country_iso3.clone(),
            region: country.and_then(|c| c.un_region.as_deref()).map(geo_label),
            group: country
                .and_then(|c| c.un_regional_group.as_deref())
                .map(|g| label!(UnRegionalGroup, g)),
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
            note: m.note.clone(),
            narrative,
            functions: functions
                .iter()
                .map(|a| FunctionRow {
                    function: self
                        .functions
                        .get(&a.function_id)
                        .map(|f| f.label.clone())
                        .unwrap_or_else(|| format!("function {}", a.function_id)),
                    level: label!(FunctionLevel, a.level),
                    evidence: a.evidence.clone(),
                })
                .collect(),
            members: members
                .iter()
                .map(|x| Member {
                    organization: org_name(x.organization_id),
                    role: label!(MemberRole, x.role),
                    since: x.since_on.clone(),
                    until: x.until_on.clone(),
                })
                .collect(),
            statuses: statuses
                .iter()
                .map(|s| Status {
                    status: label!(MechanismStatus, s.status),
                    on: s.status_on.clone(),
                    note: s.note.clone(),
                })
                .collect(),
            activities: activities
                .iter()
                .map(|a| Activity {
                    on: a.occurred_on.clone(),
                    kind: a.kind.clone(),
                    title: a.title.clone(),
                    description: a.description.clone(),
                })
                .collect(),
            citations: bib.notes(&cited),
        })
    }
}
