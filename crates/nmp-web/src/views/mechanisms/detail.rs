//! A mechanism's detail: everything recorded about it, mapped from the store's read model
//! ([`nmp_store::MechanismBundle`]), every fact with its citations numbered in display order.

use nmp_core::vocab::{
    Confidence, FunctionLevel, InstrumentKind, MechanismLevel, MechanismStatus, MechanismType, MemberRole,
    OrganizationKind, ProfileSection,
};
use nmp_store::bundle::{Activities, Selection};
use nmp_store::entity::{mechanism, organization};
use nmp_store::{MechanismBundle, MechanismRows, Store};
use serde::Serialize;
use utoipa::ToSchema;

use super::{MechanismItem, item};
use crate::WebError;
use crate::views::translated::TranslationView;
use crate::views::{Cite, Citer, Note, label};

/// A dated status.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusView {
    /// Status code.
    pub status: String,
    /// Status label.
    pub label: String,
    /// Since when.
    pub on: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// An organisation named by a record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgRef {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Kind label.
    pub kind: String,
    /// Its key (for its translations).
    #[serde(skip)]
    pub id: i32,
    /// Kind code (vocabulary `OrganizationKind`), for the page's language.
    #[serde(skip)]
    pub kind_code: String,
    /// Translations of its name (and note), for the page's language.
    #[serde(skip)]
    pub translations: Vec<TranslationView>,
}

impl OrgRef {
    /// The organisation (its row), named in the list [`OrgRef::translate`] fills.
    pub(crate) fn of(o: &organization::Model) -> OrgRef {
        OrgRef {
            slug: o.slug.clone(),
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            kind: label::<OrganizationKind>(&o.kind),
            id: o.organization_id,
            kind_code: o.kind.clone(),
            translations: Vec::new(),
        }
    }

    /// Its name in the page's language, if NMP holds a translation.
    pub fn name_here(&self) -> Option<&TranslationView> {
        crate::views::translated::here(&self.translations, "name")
    }

    /// Its kind in the page's language.
    pub fn kind_here(&self) -> String {
        nmp_i18n::vocabulary_label(crate::lang::lang(), "OrganizationKind", &self.kind_code)
            .unwrap_or_else(|| self.kind.clone())
    }

    /// Attaches the translations of the organisations `orgs` (citing official ones into `citer`).
    pub(crate) async fn translate(
        store: &Store,
        citer: &mut Citer,
        mut orgs: Vec<&mut OrgRef>,
    ) -> Result<(), WebError> {
        if orgs.is_empty() {
            return Ok(());
        }
        let keys: Vec<String> = orgs.iter().map(|o| o.id.to_string()).collect();
        let names: std::collections::BTreeMap<String, String> =
            orgs.iter().map(|o| (o.id.to_string(), o.name.clone())).collect();
        let all = crate::views::translated::of(store, citer, "organization", &keys, |id| {
            names.get(id).cloned().unwrap_or_default()
        })
        .await?;
        for o in orgs.iter_mut() {
            o.translations = all.get(&o.id.to_string()).cloned().unwrap_or_default();
        }
        Ok(())
    }
}

/// A member organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberView {
    /// The organisation.
    pub organization: OrgRef,
    /// Role code.
    pub role: String,
    /// Role label.
    pub role_label: String,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A function's level in an edition.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FunctionView {
    /// Edition slug.
    pub edition: String,
    /// Function code.
    pub function: String,
    /// Function label.
    pub function_label: String,
    /// Level code.
    pub level: String,
    /// Level label.
    pub level_label: String,
    /// Evidence.
    pub evidence: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A dated activity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityView {
    /// When.
    pub on: String,
    /// Kind.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Outcome.
    pub outcome: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// The founding instrument.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InstrumentView {
    /// Kind code.
    pub kind: String,
    /// Kind label.
    pub kind_label: String,
    /// Number.
    pub number: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Link to the text.
    pub url: Option<String>,
}

/// An edition that featured the mechanism.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeaturedIn {
    /// Edition slug.
    pub edition: String,
    /// Edition title and subtitle.
    pub title: String,
    /// Section label.
    pub section: String,
    /// First page.
    pub page: Option<i32>,
}

/// A mechanism with everything recorded about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MechanismDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: MechanismItem,
    /// Level label.
    pub level_label: String,
    /// Type label.
    pub type_label: String,
    /// Local-language name.
    pub local_name: Option<String>,
    /// Lead institution.
    pub lead_organization: Option<OrgRef>,
    /// Website.
    pub website: Option<String>,
    /// Mandate as the sources give it.
    pub mandate: Option<String>,
    /// Founding instrument.
    pub instrument: Option<InstrumentView>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Citations of the record and its fields.
    pub cites: Vec<Cite>,
    /// Status history, oldest first.
    pub statuses: Vec<StatusView>,
    /// Member organisations.
    pub members: Vec<MemberView>,
    /// Functions by edition.
    pub functions: Vec<FunctionView>,
    /// Activities, oldest first: every one on the mechanism's own page and endpoint; the latest
    /// [`ON_COUNTRY_PAGE`] on a country's.
    pub activities: Vec<ActivityView>,
    /// Activities recorded in all (more than `activities` holds when only the latest are shown).
    pub activities_total: usize,
    /// Editions that featured it.
    pub featured_in: Vec<FeaturedIn>,
    /// Translations of its name, mandate or note, in any language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<TranslationView>,
}

impl MechanismDetail {
    /// The translation of `field` into the page's language, if NMP holds one.
    pub fn translated(&self, field: &str) -> Option<&TranslationView> {
        crate::views::translated::here(&self.translations, field)
    }

    /// Marks of one field, for templates.
    pub fn marks(&self, field: &str) -> Vec<&Cite> {
        crate::views::marks(&self.cites, field)
    }

    /// Marks of the whole record, for templates.
    pub fn record_marks(&self) -> Vec<&Cite> {
        crate::views::record_marks(&self.cites)
    }
}

fn org_ref(o: &organization::Model) -> OrgRef {
    OrgRef::of(o)
}

/// Full details of `mechanisms`, mapped from the store's read model
/// ([`nmp_store::MechanismBundle`]), citing into `citer` in display order.
pub(crate) async fn details(
    store: &Store,
    citer: &mut Citer,
    mechanisms: Vec<mechanism::Model>,
    activities: &Activities,
) -> Result<Vec<MechanismDetail>, WebError> {
    let mut bundle = store.mechanism_bundle(Selection::These(mechanisms), activities).await?;
    let items: Vec<MechanismItem> = bundle
        .mechanisms
        .iter()
        .map(|rows| {
            let m = &rows.mechanism;
            let cited = bundle.citations.count("mechanism", &m.mechanism_id.to_string());
            let latest = rows.latest_status().map(str::to_string);
            item(m, bundle.country_of(m), latest, rows.members.len(), cited)
        })
        .collect();
    citer.adopt(std::mem::take(&mut bundle.citations));
    let ids: Vec<String> = bundle
        .mechanisms
        .iter()
        .map(|r| r.mechanism.mechanism_id.to_string())
        .collect();
    let mut details: Vec<MechanismDetail> = bundle
        .mechanisms
        .iter()
        .zip(items)
        .map(|(rows, item)| detail_of(&bundle, rows, item, citer))
        .collect();
    translate(store, citer, &ids, &mut details).await?;
    Ok(details)
}

/// Attaches each mechanism's translations, citing the official ones.
async fn translate(
    store: &Store,
    citer: &mut Citer,
    ids: &[String],
    details: &mut [MechanismDetail],
) -> Result<(), WebError> {
    let names: Vec<String> = details.iter().map(|d| d.item.name.clone()).collect();
    let about = |id: &str| {
        ids.iter()
            .position(|i| i == id)
            .and_then(|i| names.get(i).cloned())
            .unwrap_or_default()
    };
    let mut all = crate::views::translated::of(store, citer, "mechanism", ids, about).await?;
    for (id, d) in ids.iter().zip(details.iter_mut()) {
        d.translations = all.remove(id).unwrap_or_default();
    }
    let mut orgs: Vec<&mut OrgRef> = Vec::new();
    for d in details.iter_mut() {
        orgs.extend(d.lead_organization.as_mut());
        for m in &mut d.members {
            orgs.push(&mut m.organization);
        }
    }
    OrgRef::translate(store, citer, orgs).await
}

/// One mechanism's details.
fn detail_of(
    bundle: &MechanismBundle,
    rows: &MechanismRows,
    item: MechanismItem,
    citer: &mut Citer,
) -> MechanismDetail {
    let m = &rows.mechanism;
    let short = crate::views::short_name(&m.name, m.acronym.as_deref());
    let cites = citer.cite("mechanism", m.mechanism_id, &short);
    let statuses = rows
        .statuses
        .iter()
        .map(|s| StatusView {
            label: label::<MechanismStatus>(&s.status),
            status: s.status.clone(),
            on: s.status_on.clone(),
            confidence: label::<Confidence>(&s.confidence).to_lowercase(),
            note: s.note.clone(),
            cites: citer.cite(
                "mechanism_status",
                s.mechanism_status_id,
                &format!(
                    "{short}: status “{}” ({})",
                    label::<MechanismStatus>(&s.status).to_lowercase(),
                    s.status_on.as_deref().unwrap_or("undated")
                ),
            ),
        })
        .collect();
    let members = rows
        .members
        .iter()
        .filter_map(|x| {
            let org = bundle.organizations.get(&x.organization_id)?;
            Some(MemberView {
                organization: org_ref(org),
                role_label: label::<MemberRole>(&x.role),
                role: x.role.clone(),
                since: x.since_on.clone(),
                until: x.until_on.clone(),
                confidence: x.confidence.clone(),
                note: x.note.clone(),
                cites: citer.cite(
                    "membership",
                    x.membership_id,
                    &format!("{} as a member of {short}", org.name),
                ),
            })
        })
        .collect();
    let functions = rows
        .functions
        .iter()
        .map(|f| {
            let function = bundle.functions.get(&f.function_id);
            FunctionView {
                edition: bundle
                    .editions
                    .get(&f.edition_id)
                    .map(|e| e.slug.clone())
                    .unwrap_or_default(),
                function: function.map(|x| x.code.clone()).unwrap_or_default(),
                function_label: function.map(|x| x.label.clone()).unwrap_or_default(),
                level_label: label::<FunctionLevel>(&f.level),
                level: f.level.clone(),
                evidence: f.evidence.clone(),
                cites: citer.cite(
                    "mechanism_function",
                    f.mechanism_function_id,
                    &format!(
                        "{short}: {} (edition {})",
                        function.map(|x| x.label.to_lowercase()).unwrap_or_default(),
                        bundle
                            .editions
                            .get(&f.edition_id)
                            .map(|e| e.slug.as_str())
                            .unwrap_or_default()
                    ),
                ),
            }
        })
        .collect();
    let activities = rows
        .activities
        .iter()
        .map(|a| ActivityView {
            on: a.occurred_on.clone(),
            kind: a.kind.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            outcome: a.outcome.clone(),
            cites: citer.cite(
                "activity",
                a.activity_id,
                &format!("{short}: {} ({})", a.title, a.occurred_on),
            ),
        })
        .collect();
    let featured_in = rows
        .profiles
        .iter()
        .filter_map(|p| {
            let e = bundle.editions.get(&p.edition_id)?;
            Some(FeaturedIn {
                edition: e.slug.clone(),
                title: match &e.subtitle {
                    Some(s) => format!("{} ({}): {s}", e.title, e.slug),
                    None => format!("{} ({})", e.title, e.slug),
                },
                section: label::<ProfileSection>(&p.section),
                page: p.page,
            })
        })
        .collect();
    MechanismDetail {
        level_label: label::<MechanismLevel>(&m.level),
        type_label: label::<MechanismType>(&m.mechanism_type),
        local_name: m.local_name.clone().filter(|l| *l != m.name),
        lead_organization: m
            .lead_organization_id
            .and_then(|id| bundle.organizations.get(&id))
            .map(org_ref),
        website: m.website.clone(),
        mandate: m.mandate.clone(),
        instrument: m.instrument_kind.as_ref().map(|k| InstrumentView {
            kind_label: label::<InstrumentKind>(k),
            kind: k.clone(),
            number: m.instrument_number.clone(),
            date: m.instrument_date.clone(),
            title: m.instrument_title.clone(),
            url: m.instrument_url.clone(),
        }),
        note: m.note.clone(),
        cites,
        statuses,
        members,
        functions,
        activities,
        activities_total: usize::try_from(rows.activity_count).unwrap_or(usize::MAX),
        featured_in,
        item,
        translations: Vec::new(),
    }
}

/// How many of each mechanism's activities a country page shows (the latest); the mechanism's
/// page shows every one.
pub const ON_COUNTRY_PAGE: u64 = 10;

/// One mechanism by slug, with its notes.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<(MechanismDetail, Vec<Note>)>, WebError> {
    let Some(m) = store.mechanism_by_slug(slug).await? else {
        return Ok(None);
    };
    let mut citer = Citer::default();
    let mut details = details(store, &mut citer, vec![m], &Activities::All).await?;
    Ok(details.pop().map(|d| (d, citer.notes)))
}
