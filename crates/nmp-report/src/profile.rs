//! One mechanism's profile in an edition, mapped from the store's read model
//! ([`nmp_store::MechanismBundle`]): its facts box, narrative, functions, members, status
//! history and activities, each with its notes, and the facts it shows recorded for the
//! citation check.

use std::collections::BTreeMap;

use nmp_core::vocab::{
    FunctionLevel, InstrumentKind, MechanismLevel, MechanismStatus, MechanismType, MemberRole, ProfileSection,
    UnRegionalGroup, geo_label,
};
use nmp_store::entity::{country, mechanism, profile};
use nmp_store::{MechanismBundle, MechanismRows};

use crate::bib::Bib;
use crate::snapshot::{Activity, FunctionRow, Instrument, Member, Narrative, Profile, Status};
use crate::text::vocab;

/// The profile's text fields, in the order a profile prints them.
pub(crate) const NARRATIVE: [(&str, &str); 6] = [
    ("history", "History"),
    ("mandate", "Mandate"),
    ("structure", "Structure"),
    ("outputs", "Outputs"),
    ("challenges", "Challenges"),
    ("recent_developments", "Recent developments"),
];

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

/// The profile's written text of one narrative field, when it has any.
fn narrative_text<'a>(p: &'a profile::Model, key: &str) -> Option<&'a String> {
    let text = match key {
        "history" => &p.history,
        "mandate" => &p.mandate,
        "structure" => &p.structure,
        "outputs" => &p.outputs,
        "challenges" => &p.challenges,
        _ => &p.recent_developments,
    };
    text.as_ref().filter(|t| !t.trim().is_empty())
}

/// What a profile is read from.
pub(crate) struct ProfileContext<'a> {
    /// The edition the profiles are of.
    pub edition_id: i32,
    /// Every country (for the profile's region and group).
    pub countries: &'a [country::Model],
    /// Every mechanism with its rows (activities of the edition's period).
    pub bundle: &'a MechanismBundle,
    /// Every organisation's name, by id.
    pub org_name: &'a (dyn Fn(i32) -> String + Sync),
    /// The edition's language: the vocabularies' labels and the fixed headings are in it.
    pub lang: nmp_i18n::Lang,
}

impl ProfileContext<'_> {
    /// Records the facts a profile shows, for the citation check.
    fn show_facts(&self, p: &profile::Model, rows: &MechanismRows, bib: &mut Bib) {
        let m = &rows.mechanism;
        bib.show_mechanism(m, &PROFILE_FIELDS);
        let id = m.mechanism_id;
        for s in &rows.statuses {
            let label = format!("mechanism_status {} ({}: {})", s.mechanism_status_id, m.slug, s.status);
            let key = s.mechanism_status_id.to_string();
            bib.show_row("mechanism_status", key, label, Some((id, "status")));
        }
        for x in &rows.members {
            let org = (self.org_name)(x.organization_id);
            let label = format!("membership {} ({}: {org})", x.membership_id, m.slug);
            bib.show_row("membership", x.membership_id.to_string(), label, Some((id, "member")));
        }
        for a in &rows.activities {
            let label = format!("activity {} ({}: {})", a.activity_id, m.slug, a.title);
            bib.show_row("activity", a.activity_id.to_string(), label, Some((id, "activity")));
        }
        let written = NARRATIVE
            .iter()
            .filter(|(key, _)| narrative_text(p, key).is_some())
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

    /// The notes of a profile: the mechanism, the profile, then its statuses, members and
    /// activities, in the order shown.
    fn notes(&self, p: &profile::Model, rows: &MechanismRows, bib: &mut Bib) -> Vec<crate::snapshot::Citation> {
        let mut cited: Vec<(&str, String, &str)> = vec![
            ("mechanism", rows.mechanism.mechanism_id.to_string(), "mechanism"),
            ("profile", p.profile_id.to_string(), "profile"),
        ];
        cited.extend(
            rows.statuses
                .iter()
                .map(|s| ("mechanism_status", s.mechanism_status_id.to_string(), "status")),
        );
        cited.extend(
            rows.members
                .iter()
                .map(|s| ("membership", s.membership_id.to_string(), "member")),
        );
        cited.extend(
            rows.activities
                .iter()
                .map(|s| ("activity", s.activity_id.to_string(), "activity")),
        );
        bib.notes(&cited)
    }

    /// The profile `p`, or `None` when its mechanism is not known.
    pub(crate) fn profile(&self, p: &profile::Model, bib: &mut Bib) -> Option<Profile> {
        let rows = self.bundle.get(p.mechanism_id)?;
        let m = &rows.mechanism;
        self.show_facts(p, rows, bib);
        let country = m
            .country_iso3
            .as_ref()
            .and_then(|iso3| self.countries.iter().find(|c| &c.country_iso3 == iso3));
        let narrative = NARRATIVE
            .iter()
            .filter_map(|(key, heading)| {
                narrative_text(p, key).map(|t| Narrative {
                    key: key.to_string(),
                    heading: crate::text::heading_in(self.lang, "rs-narrative", key, heading),
                    text: t.clone(),
                })
            })
            .collect();
        Some(Profile {
            heading: p.heading.clone().unwrap_or_else(|| m.name.clone()),
            section: vocab::<ProfileSection>(self.lang, &p.section),
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
                .map(|g| vocab::<UnRegionalGroup>(self.lang, g)),
            level: vocab::<MechanismLevel>(self.lang, &m.level),
            kind: vocab::<MechanismType>(self.lang, &m.mechanism_type),
            created_on: m.created_on.clone(),
            launched_on: m.launched_on.clone(),
            instrument: instrument(m, self.lang),
            lead: m.lead_organization_id.map(self.org_name),
            website: m.website.clone(),
            mandate: m.mandate.clone(),
            note: m.note.clone(),
            narrative,
            functions: self.functions(rows, &self.bundle.functions),
            members: rows
                .members
                .iter()
                .map(|x| Member {
                    organization: (self.org_name)(x.organization_id),
                    role: vocab::<MemberRole>(self.lang, &x.role),
                    since: x.since_on.clone(),
                    until: x.until_on.clone(),
                })
                .collect(),
            statuses: rows
                .statuses
                .iter()
                .map(|s| Status {
                    status: vocab::<MechanismStatus>(self.lang, &s.status),
                    on: s.status_on.clone(),
                    note: s.note.clone(),
                })
                .collect(),
            activities: rows
                .activities
                .iter()
                .map(|a| Activity {
                    on: a.occurred_on.clone(),
                    kind: a.kind.clone(),
                    title: a.title.clone(),
                    description: a.description.clone(),
                })
                .collect(),
            citations: self.notes(p, rows, bib),
        })
    }

    /// The mechanism's function assessments in this edition, by function.
    fn functions(
        &self,
        rows: &MechanismRows,
        names: &BTreeMap<i32, nmp_store::entity::function::Model>,
    ) -> Vec<FunctionRow> {
        rows.functions
            .iter()
            .filter(|a| a.edition_id == self.edition_id)
            .map(|a| FunctionRow {
                function: names
                    .get(&a.function_id)
                    .map(|f| f.label.clone())
                    .unwrap_or_else(|| format!("function {}", a.function_id)),
                level: vocab::<FunctionLevel>(self.lang, &a.level),
                evidence: a.evidence.clone(),
            })
            .collect()
    }
}

/// The founding instrument, when its kind is recorded.
fn instrument(m: &mechanism::Model, lang: nmp_i18n::Lang) -> Option<Instrument> {
    m.instrument_kind.as_ref().map(|k| Instrument {
        kind: vocab::<InstrumentKind>(lang, k),
        number: m.instrument_number.clone(),
        date: m.instrument_date.clone(),
        title: m.instrument_title.clone(),
        url: m.instrument_url.clone(),
    })
}
