//! The starter dataset's file format: TOML files under `data/starter/`, one struct per table.
//!
//! Every fact is cited. A record's `sources` cite the record as a whole; a `[[...citation]]` entry
//! cites one field (with a page locator and a quote where useful). A source reference is the
//! source's `key`, optionally followed by `@` and a locator: `"aipr-2017-report@p. 6"`.
//! A fact that a source does not support is left out and explained in `note`; where a weak source
//! is all there is, the row carries `confidence = "unverified"` and its `note`.

use nmp_core::PartialDate;
use nmp_core::vocab::{
    Confidence, ContributorRole, EditionKind, EditionStatus, FunctionLevel, InstrumentKind, MechanismLevel,
    MechanismStatus, MechanismType, MemberRole, NetworkKind, NetworkRole, OrganizationKind, PartKind, ProfileSection,
    PublisherRole, Sector, SourceKind,
};
use serde::Deserialize;

/// `sources.toml`: the bibliography.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// Every source.
    #[serde(default)]
    pub source: Vec<Source>,
}

/// A document, web page, law or news item that facts are taken from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable slug that citations use.
    pub key: String,
    /// Title as the source gives it.
    pub title: String,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Author(s), as one string.
    pub author: Option<String>,
    /// Publisher or website owner.
    pub publisher: Option<String>,
    /// Date of publication, to the precision known.
    pub published_on: Option<PartialDate>,
    /// Where it can be read.
    pub url: Option<String>,
    /// When the URL was consulted, to the precision known.
    pub accessed_on: Option<PartialDate>,
    /// A copy of the page in a web archive (only one that exists: never made up).
    pub archived_url: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Anything a reader should know about the source.
    pub note: Option<String>,
}

/// `organizations.toml`: actors (ministries, institutes, NGOs, regional bodies).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationsFile {
    /// Every organisation.
    #[serde(default)]
    pub organization: Vec<Organization>,
}

/// An actor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable slug.
    pub key: String,
    /// Name in English.
    pub name: String,
    /// Name in the local language, where different.
    pub local_name: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// What kind of actor it is.
    pub kind: OrganizationKind,
    /// ISO alpha-3 code of its country, if national.
    pub country: Option<String>,
    /// Part of state or society (vocabulary `Sector`), for the breadth indicator.
    pub sector: Option<Sector>,
    /// Key of the organisation it belongs to.
    pub parent: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Sources for the record.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `functions.toml`: the vocabulary of mechanism functions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionsFile {
    /// Every function.
    #[serde(default)]
    pub function: Vec<Function>,
}

/// A function a mechanism may carry out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Function {
    /// Stable code.
    pub code: String,
    /// Label for readers.
    pub label: String,
    /// What it covers.
    pub description: String,
    /// Sources for the definition.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `mechanisms/*.toml`: mechanisms, one file per country or region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MechanismsFile {
    /// Every mechanism in the file.
    #[serde(default)]
    pub mechanism: Vec<Mechanism>,
}

/// A national (or other level) mechanism.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    /// Stable slug used in URLs.
    pub slug: String,
    /// ISO alpha-3 code of the country (empty for regional or international mechanisms).
    pub country: Option<String>,
    /// Official name in English (or as the source gives it).
    pub name: String,
    /// Name in the local language.
    pub local_name: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// Level.
    pub level: MechanismLevel,
    /// Institutional form.
    #[serde(rename = "type")]
    pub kind: MechanismType,
    /// When it was created (decided, decreed).
    pub created_on: Option<PartialDate>,
    /// When it was launched or installed.
    pub launched_on: Option<PartialDate>,
    /// Key of the lead institution (organisation).
    pub lead_organization: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Short description of its mandate as the sources give it.
    pub mandate: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// The founding instrument.
    pub instrument: Option<Instrument>,
    /// Sources for the record as a whole.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Field-level citations.
    #[serde(default)]
    pub citation: Vec<Citation>,
    /// Dated status history.
    #[serde(default)]
    pub status: Vec<Status>,
    /// Member organisations.
    #[serde(default)]
    pub member: Vec<Member>,
    /// Functions per edition.
    #[serde(default)]
    pub function: Vec<MechanismFunction>,
    /// Dated activities.
    #[serde(default)]
    pub activity: Vec<Activity>,
}

/// The act that founded a mechanism.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Legal form.
    pub kind: InstrumentKind,
    /// Number, e.g. "18/058" or "13729".
    pub number: Option<String>,
    /// Date of the act.
    pub date: Option<PartialDate>,
    /// Title.
    pub title: Option<String>,
    /// Where the text can be read.
    pub url: Option<String>,
}

/// A citation of one field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The field cited (e.g. `launched_on`, `instrument`).
    pub field: String,
    /// Source reference: `key` or `key@locator`.
    pub source: String,
    /// Exact words from the source.
    pub quote: Option<String>,
}

/// A dated status.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// The status.
    pub status: MechanismStatus,
    /// From when (empty when only the status is known).
    pub on: Option<PartialDate>,
    /// How well supported.
    #[serde(default = "sourced")]
    pub confidence: Confidence,
    /// Caveats.
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An organisation's membership of a mechanism.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Organisation key.
    pub organization: String,
    /// Role.
    pub role: MemberRole,
    /// Since when.
    pub since: Option<PartialDate>,
    /// Until when.
    pub until: Option<PartialDate>,
    /// How well supported.
    #[serde(default = "sourced")]
    pub confidence: Confidence,
    /// Caveats (e.g. "membership as of 2016").
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A function's level for a mechanism in an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MechanismFunction {
    /// Edition slug.
    pub edition: String,
    /// Function code.
    pub function: String,
    /// Level.
    pub level: FunctionLevel,
    /// Evidence in words.
    pub evidence: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A dated output of a mechanism.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// When.
    pub on: PartialDate,
    /// Kind in one word (training, meeting, workshop, report, launch).
    pub kind: String,
    /// Function code it serves, if any.
    pub function: Option<String>,
    /// Title.
    pub title: String,
    /// What happened.
    pub description: Option<String>,
    /// What came of it.
    pub outcome: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `networks.toml`: regional and global networks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworksFile {
    /// Every network.
    #[serde(default)]
    pub network: Vec<Network>,
}

/// A network of states.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Stable slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Kind.
    pub kind: NetworkKind,
    /// When it was founded or launched.
    pub founded_on: Option<PartialDate>,
    /// Key of the organisation that hosts it or serves as its secretariat.
    pub secretariat: Option<String>,
    /// What it is.
    pub description: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Sources for the record.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Field-level citations.
    #[serde(default)]
    pub citation: Vec<Citation>,
    /// Member states.
    #[serde(default)]
    pub member: Vec<NetworkMember>,
    /// Dated member counts, where the sources give counts but not lists.
    #[serde(default)]
    pub count: Vec<NetworkCount>,
}

/// A state's membership of a network.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMember {
    /// ISO alpha-3.
    pub country: String,
    /// Role.
    pub role: NetworkRole,
    /// Joined.
    pub joined_on: Option<PartialDate>,
    /// Left.
    pub left_on: Option<PartialDate>,
    /// How well supported.
    #[serde(default = "sourced")]
    pub confidence: Confidence,
    /// Caveats.
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A dated count of a network's members.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkCount {
    /// When the count was true.
    pub on: PartialDate,
    /// Number of member states.
    pub members: u32,
    /// What was counted.
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `editions.toml`: the report's editions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsFile {
    /// Every edition.
    #[serde(default)]
    pub edition: Vec<Edition>,
}

/// One edition of the report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Stable slug (the year for annual reports).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Kind.
    pub kind: EditionKind,
    /// Status.
    pub status: EditionStatus,
    /// Publication date.
    pub published_on: Option<PartialDate>,
    /// Page count.
    pub pages: Option<u32>,
    /// Licence, where known.
    pub licence: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// How the edition's research was done (its methodology section), where known.
    pub methodology: Option<String>,
    /// Sources for the record.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Field-level citations.
    #[serde(default)]
    pub citation: Vec<Citation>,
    /// Publishers and partners.
    #[serde(default)]
    pub publisher: Vec<Publisher>,
    /// Authors.
    #[serde(default)]
    pub contributor: Vec<Contributor>,
    /// Parts (table of contents).
    #[serde(default)]
    pub part: Vec<Part>,
    /// Mechanisms featured.
    #[serde(default)]
    pub profile: Vec<Profile>,
}

/// An organisation's role in an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// Organisation key.
    pub organization: String,
    /// Role.
    pub role: PublisherRole,
    /// The part of the edition (a `part.key`) the role covers; the whole edition when left out.
    pub part: Option<String>,
    /// The phase of the series the role belongs to, as the sources describe it.
    pub phase: Option<String>,
    /// When the phase began (a partial date), where known.
    pub phase_from: Option<PartialDate>,
    /// When the phase ended (a partial date), where known.
    pub phase_until: Option<PartialDate>,
    /// Caveats.
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Sources for the phase and its dates (cited as the field `phase`; a report that does not
    /// print the phase does not cite them).
    #[serde(default)]
    pub phase_sources: Vec<String>,
}

/// A person who wrote the edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contributor {
    /// Name.
    pub name: String,
    /// Role.
    pub role: ContributorRole,
    /// Affiliation as the source gives it.
    pub affiliation: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A part of an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Key within the edition.
    pub key: String,
    /// Position in the table of contents.
    pub position: u32,
    /// Title.
    pub title: String,
    /// First page.
    pub page: Option<u32>,
    /// What it holds, when it holds no mechanism profiles.
    pub summary: Option<String>,
    /// Its text, where recorded.
    pub body: Option<String>,
    /// A chapter (when left out) or an expert opinion essay.
    pub kind: Option<PartKind>,
    /// Who wrote it, name and affiliation as printed (an essay's byline).
    pub author: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A mechanism featured in an edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Mechanism slug.
    pub mechanism: String,
    /// Section.
    pub section: ProfileSection,
    /// Part key.
    pub part: Option<String>,
    /// Heading as printed.
    pub heading: Option<String>,
    /// First page.
    pub page: Option<u32>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

fn sourced() -> Confidence {
    Confidence::Sourced
}

/// `initiative_kinds.toml`: the vocabulary of initiative kinds (data, like the functions).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativeKindsFile {
    /// Every kind, in display order.
    #[serde(default)]
    pub kind: Vec<InitiativeKind>,
}

/// A kind of initiative.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativeKind {
    /// Stable code (lower_snake_case).
    pub code: String,
    /// Label for readers.
    pub label: String,
    /// What the kind covers.
    pub description: Option<String>,
}

/// `initiatives.toml`: national and regional initiatives, apart from the mechanisms.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativesFile {
    /// Every initiative.
    #[serde(default)]
    pub initiative: Vec<Initiative>,
}

/// A national (or regional) initiative for atrocity prevention.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Stable slug used in URLs.
    pub slug: String,
    /// ISO alpha-3 code of the country (empty for regional or international initiatives).
    pub country: Option<String>,
    /// Slug of the mechanism that runs or carries it.
    pub mechanism: Option<String>,
    /// Code of its kind (`initiative_kinds.toml`).
    pub kind: String,
    /// Title, as the sources give it.
    pub title: String,
    /// When it started (was adopted, signed, launched or first held).
    pub started_on: Option<PartialDate>,
    /// When it ended.
    pub ended_on: Option<PartialDate>,
    /// Key of the lead institution (organisation).
    pub lead_organization: Option<String>,
    /// What it is and does, as the sources say.
    pub description: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Sources for the record as a whole.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Field-level citations.
    #[serde(default)]
    pub citation: Vec<Citation>,
    /// Partner organisations besides the lead.
    #[serde(default)]
    pub partner: Vec<InitiativePartner>,
}

/// An organisation taking part in an initiative besides its lead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativePartner {
    /// Organisation key.
    pub organization: String,
    /// Its role in words (`co-organiser`, `funder`).
    pub role: Option<String>,
    /// Caveats.
    pub note: Option<String>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// `frameworks.toml`: assessment frameworks (rubrics), NMP's proposals, one entry per version.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworksFile {
    /// Every framework version.
    #[serde(default)]
    pub framework: Vec<Framework>,
}

/// One version of an assessment framework.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable key shared by all versions (`nmp-outcomes`).
    pub slug: String,
    /// Version number, from 1.
    pub version: u32,
    /// Title for readers.
    pub title: String,
    /// What it assesses and how.
    pub description: Option<String>,
    /// Remarks (what changed from the previous version).
    pub note: Option<String>,
    /// Sources of a framework taken from a document (the UN Framework of Analysis); NMP's own
    /// proposals have none.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Its criteria, in order (the first has position 1).
    #[serde(default)]
    pub criterion: Vec<FrameworkCriterion>,
}

/// A criterion of a framework.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkCriterion {
    /// Stable code (lower_snake_case), unique in the framework.
    pub code: String,
    /// Label for readers.
    pub label: String,
    /// What the criterion asks.
    pub description: Option<String>,
    /// The group of criteria it belongs to (a code: `common`, `genocide`, ...), where the
    /// framework groups them.
    pub category: Option<String>,
    /// What is verified about it and what is not.
    pub note: Option<String>,
    /// Its sources.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Its levels, lowest first (the first has rank 1).
    #[serde(default)]
    pub level: Vec<FrameworkLevel>,
    /// Its indicators, in order (only those a source gives).
    #[serde(default)]
    pub indicator: Vec<FrameworkIndicator>,
}

/// An indicator of a criterion (a risk factor's indicator in the UN Framework of Analysis).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkIndicator {
    /// Its number in the framework (`8.1`), unique in the criterion.
    pub code: String,
    /// Its wording, as the source gives it.
    pub text: String,
    /// What is verified about the wording and what is not.
    pub note: Option<String>,
    /// Its sources (at least one).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A level of a criterion.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkLevel {
    /// Label for readers (`Emerging`).
    pub label: String,
    /// What the level means for this criterion.
    pub descriptor: Option<String>,
}
