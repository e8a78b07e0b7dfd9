//! The edition snapshot: everything one edition shows, as one plain, deterministic structure
//! (sorted, no wall clock), serialised as `/edition.json` for the template and hashed to identify
//! the facts a PDF was built from. Publishing an edition freezes this JSON in the database; the
//! report, the static site and the Markdown of a published edition are built from it alone.
//!
//! Reading it from the store is in `collect.rs`; the overview, regional and thematic figures are
//! computed in `overview.rs`, the outcome assessments mapped in `outcomes.rs` (their types are
//! here).

use nmp_core::vocab::PartKind;
use serde::{Deserialize, Serialize};

use crate::ReportError;
pub use nmp_core::sha256_hex;

/// The version of the snapshot's structure. A frozen snapshot of another version cannot be
/// rebuilt by this program (it says so rather than guessing).
pub const FORMAT: u32 = 2;

/// Everything one edition shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Version of this structure ([`FORMAT`]).
    pub format: u32,
    /// The edition itself.
    pub edition: Edition,
    /// The global overview, by UN region and regional group, and the states with a mechanism.
    pub overview: Overview,
    /// The edition's parts in table-of-contents order, chapters and essays, each chapter with
    /// its profiles (an essay holds none).
    pub parts: Vec<Part>,
    /// Thematic sections: civil society, corporations, religious organisations.
    pub themes: Vec<Theme>,
    /// Every source cited by anything above, numbered in order of first citation.
    pub bibliography: Vec<Source>,
    /// The edition's outcome assessments, one per assessment round (oldest first). Left out of
    /// the JSON when the edition has none, so that snapshots frozen before outcome assessments
    /// existed read back and hash as they did, and such an edition prints the same PDF.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Round>,
}

/// The edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// Slug (`2017`).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Kind (label).
    pub kind: String,
    /// Status code (`published`, `drafting`, ...).
    pub status: String,
    /// Status label.
    pub status_label: String,
    /// The year it stands for: its slug when that is a year, else its publication year.
    pub year: Option<i32>,
    /// Publication date (partial date text).
    pub published_on: Option<String>,
    /// Page count of the original edition, when recorded.
    pub pages: Option<i32>,
    /// Licence, when recorded.
    pub licence: Option<String>,
    /// How the edition's research was done, when recorded.
    pub methodology: Option<String>,
    /// The language the report is written in (`en`, `fr`, `es`): its fixed labels, dates and
    /// running heads. Left out of the snapshot when English, so that the snapshots of editions
    /// recorded before languages hash as they did.
    #[serde(default = "english", skip_serializing_if = "is_english")]
    pub language: String,
    /// Gaps and caveats of the record of the edition.
    pub note: Option<String>,
    /// Publishers and partners with their roles.
    pub publishers: Vec<Publisher>,
    /// Authors and editors.
    pub contributors: Vec<Contributor>,
    /// Citations of the edition's record, publishers and contributors.
    pub citations: Vec<Citation>,
}

/// An organisation that published an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Role (label).
    pub role: String,
}

/// A person who wrote or edited an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    /// Name.
    pub name: String,
    /// Role (label).
    pub role: String,
    /// Affiliation.
    pub affiliation: Option<String>,
}

/// One part of the edition: a chapter, or an expert opinion essay (printed in its own section,
/// after the thematic sections, with its author's byline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Key within the edition (`part-i`).
    pub key: String,
    /// What kind of part it is: a `PartKind` code, `chapter` or `essay`. Left out of the JSON
    /// for a chapter, like `author` when there is none, so that a snapshot frozen before essays
    /// existed reads back and hashes as it did (see [`Part::is_essay`]).
    #[serde(default = "chapter", skip_serializing_if = "is_chapter")]
    pub kind: String,
    /// Title as printed.
    pub title: String,
    /// Who wrote it, name and affiliation as printed: an essay's byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// First page in the original edition.
    pub page: Option<i32>,
    /// What the part holds, when it holds no profiles.
    pub summary: Option<String>,
    /// Its text, when recorded.
    pub body: Option<String>,
    /// Citations of the part.
    pub citations: Vec<Citation>,
    /// The profiles in the part, by page and heading.
    pub profiles: Vec<Profile>,
    /// An essay that came through the editorial workflow (issue 20): its abstract, authors,
    /// declarations and its text rendered for print and for the web. `None` for a chapter and
    /// for an essay typed in by staff, which print [`Part::body`] as before; left out of the
    /// JSON then, so that snapshots frozen before it existed read back and hash as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essay: Option<EssayMeta>,
}

/// What an essay that came through the editorial workflow prints besides its title and byline,
/// read from its latest version when the snapshot is built, so that the frozen snapshot holds
/// everything the PDF, the site and the Markdown print of it.
///
/// Its citations (`[@source-slug, p. 4]`, `[@mechanism:slug]`) are resolved into the text of
/// their notes when the snapshot is built (see [`EssayReference`]): a source as `Title, author,
/// publisher, date, p. 4` linked to the source's URL when it has one; a record as
/// `Name (NMP mechanism record, /mechanisms/slug)`, the path of its page on the NMP site (the
/// report does not know the site's address); a key NMP does not hold as written
/// (`no-such-source, p. 4`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EssayMeta {
    /// The abstract, plain text.
    #[serde(rename = "abstract")]
    pub abstract_text: String,
    /// Keywords, in the author's order.
    pub keywords: Vec<String>,
    /// The authors, in the order of the byline.
    pub authors: Vec<EssayAuthor>,
    /// The authors' declaration of competing interests (empty when none was made).
    pub competing_interests: String,
    /// The licence the essay is published under.
    pub licence: String,
    /// The text as Typst markup (`nmp_essay::markdown::to_typst`, headings one level down, notes
    /// as `#footnote[…]`, every character of the author's escaped), for the template's
    /// `eval(…, mode: "markup")`. Labels of footnotes referenced twice are `<essay-KEY-fn-N>`,
    /// `KEY` the part's key, so two essays' labels never clash.
    pub markup: String,
    /// The text as HTML (`nmp_essay::markdown::to_html`, the notes listed at its end), for the
    /// static site.
    pub html: String,
    /// What the essay cites, each once, in order of first citation.
    pub references: Vec<EssayReference>,
    /// When the first version was submitted (`YYYY-MM-DD`).
    pub received: Option<String>,
    /// When the editor accepted it (`YYYY-MM-DD`), from the last `accept` decision.
    pub accepted: Option<String>,
    /// The figures it embeds (`![Caption](nmp:…)`), drawn when the snapshot was built: a
    /// published essay's are frozen with its edition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<EssayFigure>,
}

/// A figure an essay embeds, as drawn when the snapshot was built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EssayFigure {
    /// What it shows, as embedded after `nmp:` (`indicator/ewp-sra/mk-onset`, `report/map`).
    pub key: String,
    /// Its file under `figures/` in the PDF's files, the static site and the Markdown export:
    /// `essay-PART-N.svg` for an indicator's map, the report's own (`map.svg`) for the report's
    /// figures.
    pub file: String,
    /// What it shows, for readers who cannot see it.
    pub alt: String,
    /// Where its data come from, printed after its caption.
    pub credit: String,
    /// The SVG of an indicator's map (empty for the report's own figures, which are drawn from
    /// the snapshot itself).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub svg: String,
}

/// An author of an essay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EssayAuthor {
    /// Name as printed.
    pub name: String,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// ORCID iD, bare (`0000-0002-1825-0097`); its page is `https://orcid.org/` and the iD.
    pub orcid: Option<String>,
}

/// Something an essay cites, resolved when the snapshot is built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EssayReference {
    /// The key as cited: `source-slug` for a source, `kind:key` for a record
    /// (`mechanism:ken-national-committee`).
    pub key: String,
    /// What it is, as its notes name it (without a locator): `Title, author, publisher, date`
    /// for a source, `Name (NMP mechanism record, /mechanisms/slug)` for a record; the key
    /// itself when NMP holds no such source or record.
    pub text: String,
    /// Its page on the NMP site (`/mechanisms/slug`, `/sources#source-slug`), when it has one.
    pub path: Option<String>,
}

fn chapter() -> String {
    PartKind::Chapter.code().to_string()
}

fn english() -> String {
    "en".to_string()
}

fn is_english(code: &str) -> bool {
    code == "en"
}

fn is_chapter(kind: &str) -> bool {
    kind == PartKind::Chapter.code()
}

impl Part {
    /// Whether the part is an expert opinion essay.
    pub fn is_essay(&self) -> bool {
        self.kind == PartKind::Essay.code()
    }
}

/// A mechanism as the edition features it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Heading as printed, or the mechanism's name.
    pub heading: String,
    /// Section (label).
    pub section: String,
    /// Page in the original edition.
    pub page: Option<i32>,
    /// Slug of the mechanism.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Local name.
    pub local_name: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// Country name (`None` for regional or international mechanisms).
    pub country: Option<String>,
    /// ISO alpha-3 of the country.
    pub iso3: Option<String>,
    /// UN region of the country (label).
    pub region: Option<String>,
    /// UN regional group of the country (label).
    pub group: Option<String>,
    /// Level (label).
    pub level: String,
    /// Type (label).
    pub kind: String,
    /// Created on (partial date).
    pub created_on: Option<String>,
    /// Launched on (partial date).
    pub launched_on: Option<String>,
    /// Founding instrument.
    pub instrument: Option<Instrument>,
    /// Lead institution.
    pub lead: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Mandate.
    pub mandate: Option<String>,
    /// Gaps and caveats of the record.
    pub note: Option<String>,
    /// The profile's text under its standard headings, in order (only those written).
    pub narrative: Vec<Narrative>,
    /// Functions as assessed for this edition.
    pub functions: Vec<FunctionRow>,
    /// Members with roles.
    pub members: Vec<Member>,
    /// Status history, oldest first.
    pub statuses: Vec<Status>,
    /// Activities, oldest first.
    pub activities: Vec<Activity>,
    /// Citations of the mechanism, its profile and its history, members and activities.
    pub citations: Vec<Citation>,
}

/// One section of a profile's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Narrative {
    /// The profile field (`history`).
    pub key: String,
    /// Its heading (`History`).
    pub heading: String,
    /// The text, paragraphs separated by blank lines.
    pub text: String,
}

/// A function of a mechanism, as assessed for the edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionRow {
    /// Function (label).
    pub function: String,
    /// Level (label).
    pub level: String,
    /// Evidence.
    pub evidence: Option<String>,
}

/// A founding instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Kind (label).
    pub kind: String,
    /// Number.
    pub number: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// A member organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Organisation name.
    pub organization: String,
    /// Role (label).
    pub role: String,
    /// Since.
    pub since: Option<String>,
    /// Until.
    pub until: Option<String>,
}

/// A step of the status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// Status (label).
    pub status: String,
    /// From when.
    pub on: Option<String>,
    /// Note.
    pub note: Option<String>,
}

/// An activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// When.
    pub on: String,
    /// Kind (free text).
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
}

/// A citation, pointing into the bibliography.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Number of the source in the bibliography (1-based).
    pub source: usize,
    /// What it supports: a category (`mechanism`, `status`, `member`, `activity`, `profile`,
    /// `edition`, `part`, `publisher`, `contributor`) or the field the citation names.
    pub about: String,
    /// Where in the source.
    pub locator: Option<String>,
}

/// A source of the bibliography.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Number (1-based).
    pub number: usize,
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Kind (label).
    pub kind: String,
    /// Author.
    pub author: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Publication date.
    pub published_on: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// When the URL was accessed.
    pub accessed_on: Option<String>,
}

impl Snapshot {
    /// The canonical JSON of the snapshot (field order fixed by the structs, lists sorted).
    pub fn to_json(&self) -> Result<Vec<u8>, ReportError> {
        serde_json::to_vec(self).map_err(|e| ReportError::Snapshot(e.to_string()))
    }

    /// SHA-256 of the canonical JSON, in hex.
    pub fn sha256(&self) -> Result<String, ReportError> {
        Ok(sha256_hex(&self.to_json()?))
    }

    /// Reads a frozen snapshot back, refusing one of another format version.
    pub fn from_json(json: &str) -> Result<Snapshot, ReportError> {
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        let format = serde_json::from_str::<Format>(json)
            .map_err(|e| ReportError::Snapshot(format!("the frozen snapshot is not readable: {e}")))?
            .format;
        if format != FORMAT {
            return Err(ReportError::Snapshot(format!(
                "the frozen snapshot has format {format}, and this NMP builds format {FORMAT}"
            )));
        }
        serde_json::from_str(json)
            .map_err(|e| ReportError::Snapshot(format!("the frozen snapshot is not readable: {e}")))
    }
}

/// The global overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The year the counts are "as of" (`None`: all recorded data).
    pub year: Option<i32>,
    /// States in the reference list.
    pub states: usize,
    /// States with a national mechanism.
    pub with_mechanism: usize,
    /// By UN region, in region order.
    pub regions: Vec<RegionRow>,
    /// By UN regional group, in the order of the vocabulary (then states in no group).
    pub groups: Vec<RegionRow>,
    /// States with a national mechanism, by name, each with its mechanisms.
    pub countries: Vec<CountryRow>,
    /// M49 codes of every state in the reference list (for the map).
    pub m49: Vec<String>,
    /// The risk–capacity gap: the Early Warning Project forecast of the edition's year (the
    /// latest release whose first forecast year is not after it) beside the capacity of its
    /// high- and rising-risk states. Left out of the JSON when the edition has none (no release
    /// imported, or none by its year), so that snapshots frozen before it existed read back and
    /// hash as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_gap: Option<RiskGap>,
}

/// The risk–capacity gap table of the overview (see `risk.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskGap {
    /// The forecast's dataset slug (`ewp-2024`).
    pub source: String,
    /// How it is named: `Early Warning Project, ewp-2024 (forecast 2024–2025)`.
    pub label: String,
    /// Its title, publisher and version, as the dataset record gives them.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publisher's version or release date.
    pub version: Option<String>,
    /// Where the release is published.
    pub url: Option<String>,
    /// SHA-256 of the file imported.
    pub file_sha256: Option<String>,
    /// The previous release "rising" is measured against.
    pub previous: Option<String>,
    /// States the forecast assesses.
    pub states: usize,
    /// States flagged: high or rising risk and no operational national mechanism.
    pub flagged: usize,
    /// The high-risk (top 30) and rising states, by rank.
    pub rows: Vec<RiskGapRow>,
}

/// One state of the gap table, with its figures as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskGapRow {
    /// Rank (`1`, `12.5` for a tie).
    pub rank: String,
    /// ISO alpha-3.
    pub iso3: String,
    /// State.
    pub name: String,
    /// Two-year risk, in per cent (`12.3%`).
    pub risk: String,
    /// Change since the previous release, in percentage points (`+1.2 pt`), when both assess it.
    pub change: Option<String>,
    /// Rank 30 or better.
    pub high: bool,
    /// Risk up by a percentage point or more, or newly in the top 30.
    pub rising: bool,
    /// Its national mechanisms' best status (`Operational`, `In process`, `None recorded`, ...).
    pub mechanism: String,
    /// Function ratings: `4 of 6 operational (2017)`, or `not rated`.
    pub functions: String,
    /// Initiatives recorded by the edition's year.
    pub initiatives: usize,
    /// Networks it belonged to in the edition's year (slugs).
    pub networks: Vec<String>,
    /// The latest qualitative assessment by then (`highest level ... (date)`), when there is one.
    pub assessment: Option<String>,
    /// High or rising risk and no operational national mechanism.
    pub flagged: bool,
}

/// One UN region or regional group of the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionRow {
    /// Label (`Africa`, `African Group`).
    pub region: String,
    /// States in it with a national mechanism.
    pub with_mechanism: usize,
    /// States in it.
    pub states: usize,
}

/// A state with a national mechanism.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRow {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// M49 code.
    pub m49: String,
    /// Name.
    pub name: String,
    /// UN region label.
    pub region: String,
    /// UN regional group label (`None`: in no group).
    pub group: Option<String>,
    /// Its national mechanisms as of the year, by name.
    pub mechanisms: Vec<MechanismRow>,
}

/// A mechanism in a table of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MechanismRow {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Country name, when it has one.
    pub country: Option<String>,
    /// Type (label).
    pub kind: String,
    /// Created on or, when that is not recorded, launched on (partial date).
    pub since: Option<String>,
    /// Latest status as of the year (label).
    pub status: Option<String>,
    /// Whether this edition profiles it.
    pub featured: bool,
    /// Bibliography numbers of the sources of the mechanism and its status history.
    pub sources: Vec<usize>,
}

/// A thematic section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Key (`civil-society`).
    pub key: String,
    /// Title.
    pub title: String,
    /// Organisations of this kind that are members of a mechanism, as of the year.
    pub members: Vec<ThemeRow>,
    /// Mechanisms set up at this level of society (civil society, private sector), as of the year.
    pub mechanisms: Vec<MechanismRow>,
}

/// An organisation's membership of a mechanism, in a thematic section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRow {
    /// Organisation.
    pub organization: String,
    /// What kind of organisation it is (label).
    pub kind: String,
    /// The mechanism.
    pub mechanism: String,
    /// The mechanism's country.
    pub country: Option<String>,
    /// Role (label).
    pub role: String,
    /// Bibliography numbers of the sources of the membership.
    pub sources: Vec<usize>,
}

/// An assessment round of the edition, as published: the framework applied, the editors'
/// consensus for each target, and the agreement between the raters before reconciliation.
/// Individual ratings are included only when the round's editor released them, and then under
/// pseudonyms (`R1`, `R2`, ...), never with names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// The round's title.
    pub title: String,
    /// The framework version applied.
    pub framework: Framework,
    /// The targets rated, by label: initiatives and mechanisms, each with its consensus.
    pub targets: Vec<Assessment>,
    /// The agreement over the whole round: every target and criterion as one unit.
    pub agreement: Agreement,
    /// Whether the individual ratings are released (under pseudonyms).
    #[serde(default, skip_serializing_if = "is_false")]
    pub released: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// A framework version: a rubric of criteria, each with ordered levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// Slug shared by its versions (`nmp-outcomes`).
    pub slug: String,
    /// Version number.
    pub version: i32,
    /// Title.
    pub title: String,
    /// What it assesses and how.
    pub description: Option<String>,
    /// Its criteria, in order.
    pub criteria: Vec<Criterion>,
}

/// A criterion of a framework with its levels, and the raters' agreement on it in the round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Code (`institutionalisation`), the same across framework versions.
    pub code: String,
    /// Label.
    pub label: String,
    /// What the criterion asks.
    pub description: Option<String>,
    /// Its levels, lowest first.
    pub levels: Vec<Level>,
    /// The agreement between the raters on this criterion, over the round's targets.
    pub agreement: Agreement,
}

/// A level of a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Rank, from 1 (lowest).
    pub rank: i32,
    /// Label (`Partial`).
    pub label: String,
    /// What the level means for the criterion.
    pub descriptor: Option<String>,
}

/// Agreement between raters (`nmp_core::agreement`, ordinal level of measurement). The alpha
/// and the share are rounded to four decimals, so that the frozen JSON reads back to the same
/// numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Krippendorff's alpha for ordinal data; `None` when undefined (no pairable ratings, or no
    /// variation among them).
    pub alpha: Option<f64>,
    /// The share of agreeing pairs of ratings within units (0 to 1); `None` without pairs.
    pub percent_agreement: Option<f64>,
    /// Units with at least two ratings.
    pub units: usize,
    /// Raters with a rating in such a unit.
    pub raters: usize,
    /// Ratings in such units.
    pub values: usize,
}

/// One target of a round (an initiative or a mechanism) with the consensus per criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// `initiative` or `mechanism`.
    pub kind: String,
    /// The initiative's or mechanism's slug.
    pub slug: String,
    /// Its title or name.
    pub label: String,
    /// Its country's name (`None`: regional or international).
    pub country: Option<String>,
    /// Its country's ISO alpha-3 code.
    pub iso3: Option<String>,
    /// An initiative's own facts, with their citations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<Initiative>,
    /// The consensus of each criterion that has one, in criterion order.
    pub consensus: Vec<Consensus>,
}

/// An initiative as an assessment shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    /// Title.
    pub title: String,
    /// Kind (label).
    pub kind: String,
    /// The mechanism that runs it (name).
    pub mechanism: Option<String>,
    /// When it started (partial date).
    pub started_on: Option<String>,
    /// When it ended (partial date).
    pub ended_on: Option<String>,
    /// Lead institution.
    pub lead: Option<String>,
    /// Partners with their roles, by organisation name.
    pub partners: Vec<Partner>,
    /// What it is and does.
    pub description: Option<String>,
    /// Gaps and caveats of the record.
    pub note: Option<String>,
    /// Citations of the initiative and its partners.
    pub citations: Vec<Citation>,
}

/// The `about` of the notes on an initiative's partners: a partner's own citation, or the
/// initiative's naming the field `partners`.
pub const PARTNER_NOTES: [&str; 2] = ["partner", "partners"];

/// A partner of an initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Organisation.
    pub organization: String,
    /// Its role, in words.
    pub role: Option<String>,
}

/// The editors' consensus on one criterion of one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    /// The criterion's code.
    pub criterion: String,
    /// The level's rank.
    pub rank: i32,
    /// How many levels the criterion has.
    pub of: usize,
    /// The level's label.
    pub level: String,
    /// Why, in the editors' words.
    pub rationale: String,
    /// The evidence, numbered into the bibliography.
    pub evidence: Vec<Evidence>,
    /// The consensus of the closest earlier published edition that rated the same target on a
    /// criterion with the same code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The individual ratings, when the round releases them (pseudonymous).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<RaterRating>,
}

/// One piece of evidence: a source of the bibliography, where in it, and its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Number of the source in the bibliography.
    pub source: usize,
    /// Where in the source.
    pub locator: Option<String>,
    /// The source's words.
    pub quote: Option<String>,
}

/// The level an earlier edition gave the same target on the same criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The earlier edition's slug.
    pub edition: String,
    /// Its year.
    pub year: Option<i32>,
    /// The earlier level's rank.
    pub rank: i32,
    /// The earlier level's label.
    pub level: String,
}

/// One rater's rating, released under a pseudonym.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaterRating {
    /// The rater's pseudonym in the round (`R1`).
    pub rater: String,
    /// The level's rank.
    pub rank: i32,
    /// The level's label.
    pub level: String,
    /// Why, in the rater's words.
    pub rationale: String,
    /// The rater's evidence.
    pub evidence: Vec<Evidence>,
}
