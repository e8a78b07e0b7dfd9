//! The pages of the static site: one struct per page type, rendered by its template in
//! `templates/site/`, and the pieces they share (the navigation, table rows, bibliography
//! entries). [`super::build`] fills them from the snapshot.

use askama::Template;
use askama::filters::Safe;
use nmp_i18n::Lang;

use crate::snapshot::Profile;

/// What every page shows: the edition, the navigation, the footer; and the edition's language,
/// in which the pages say what they say (its messages are `rs-*` in `nmp-i18n`'s `report.ftl`).
pub(super) struct Shared {
    /// The edition's language: the pages' fixed words and dates are in it, record data stays
    /// as recorded (English) and is marked so.
    pub(super) lang: Lang,
    pub(super) title: String,
    pub(super) subtitle: Option<String>,
    pub(super) kind: String,
    pub(super) year: String,
    pub(super) draft: bool,
    pub(super) cite: String,
    /// The footer's line on how the site was built (HTML: the snapshot's hash as code).
    pub(super) built_by: String,
    /// The colophon's line on the snapshot (HTML: its hash as code).
    pub(super) snapshot_line: String,
    pub(super) parts: Vec<NavPart>,
    /// Whether the edition has essays (the navigation links to them).
    pub(super) essays: bool,
    /// Whether the edition has outcome assessments (the navigation links to them).
    pub(super) outcomes: bool,
}

impl Shared {
    /// The message `key` in the edition's language. Messages are the site's own text, written
    /// as HTML text (their apostrophes and quotes print as they are).
    pub(super) fn t(&self, key: &str) -> Safe<String> {
        Safe(nmp_i18n::t(self.lang, key))
    }

    /// The message `key` with its placeholders filled from `args`, each escaped as HTML.
    pub(super) fn ta(&self, key: &str, args: &[(&str, &str)]) -> Safe<String> {
        Safe(ta(self.lang, key, args))
    }

    /// ` lang="en"` on a French or Spanish page (for an element holding only record data,
    /// which is in English), nothing in English.
    pub(super) fn en(&self) -> Safe<&'static str> {
        Safe(if self.lang == Lang::En { "" } else { " lang=\"en\"" })
    }

    /// Record data inside other text: escaped, and on a French or Spanish page in a span
    /// marked English.
    pub(super) fn rec(&self, text: &str) -> Safe<String> {
        Safe(rec(self.lang, text))
    }

    /// A link to `href` whose text is the message `key` (HTML, for a placeholder).
    pub(super) fn link(&self, href: &str, key: &str) -> String {
        format!("<a href=\"{}\">{}</a>", esc(href), nmp_i18n::t(self.lang, key))
    }

    /// `text` escaped as HTML (for a placeholder of [`Shared::tah`]).
    pub(super) fn esc(&self, text: &str) -> String {
        esc(text)
    }

    /// The message `key` with placeholders that are already HTML (built by the site).
    pub(super) fn tah(&self, key: &str, args: &[(&str, &str)]) -> Safe<String> {
        Safe(nmp_i18n::t_args(self.lang, key, args))
    }
}

/// `text` escaped as the templates escape it.
pub(super) fn esc(text: &str) -> String {
    match askama::filters::escape(text, askama::filters::Html) {
        Ok(html) => html.to_string(),
        Err(never) => match never {},
    }
}

/// The message `key` in `lang` with its placeholders filled from `args`, each escaped as HTML.
pub(super) fn ta(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let escaped: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, esc(v))).collect();
    let args: Vec<(&str, &str)> = escaped.iter().map(|(k, v)| (*k, v.as_str())).collect();
    nmp_i18n::t_args(lang, key, &args)
}

/// Record data as HTML: escaped, and in a span marked English unless the page is English.
pub(super) fn rec(lang: Lang, text: &str) -> String {
    if lang == Lang::En || text.is_empty() {
        esc(text)
    } else {
        format!("<span lang=\"en\">{}</span>", esc(text))
    }
}

/// A fact of a table of facts: its label, its value (empty when not recorded) and sources.
pub(super) struct Fact {
    pub(super) label: String,
    pub(super) value: String,
    pub(super) sources: Vec<usize>,
    /// Whether the value is record data as recorded (English), rather than words or dates in
    /// the page's language.
    pub(super) record: bool,
}

impl Fact {
    pub(super) fn new(label: String, value: String, sources: Vec<usize>, record: bool) -> Self {
        Fact {
            label,
            value,
            sources,
            record,
        }
    }
}

pub(super) struct NavPart {
    pub(super) href: String,
    pub(super) short: String,
}

/// A row of a table of mechanisms.
pub(super) struct Row {
    pub(super) state: String,
    pub(super) name: String,
    pub(super) href: Option<String>,
    pub(super) since: String,
    /// The status as recorded, `None` when not recorded.
    pub(super) status: Option<String>,
    pub(super) sources: Vec<usize>,
}

#[derive(Template)]
#[template(path = "site/index.html")]
pub(super) struct IndexPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) publishers: Vec<(String, String)>,
    pub(super) intro: Option<PartText>,
    pub(super) parts: Vec<PartEntry>,
    pub(super) methodology: Vec<String>,
    pub(super) methodology_sources: Vec<usize>,
    pub(super) computed: String,
    pub(super) note: Option<String>,
    pub(super) contributors: Vec<String>,
    pub(super) published_by: String,
    pub(super) licence: Option<String>,
    pub(super) edition_sources: Vec<usize>,
    pub(super) errata: Vec<(String, String, String)>,
    /// The essays: anchor and title.
    pub(super) essays: Vec<(String, String)>,
    /// The agreement between raters, one table per assessment round (none without rounds).
    pub(super) agreement: Vec<AgreementTable>,
}

/// The agreement between raters in one round: per criterion, then the whole round (name,
/// alpha, share of agreeing pairs, units, raters, ratings).
pub(super) struct AgreementTable {
    pub(super) caption: String,
    pub(super) rows: Vec<AgreementRow>,
    pub(super) total: AgreementRow,
}

pub(super) type AgreementRow = (String, String, String, usize, usize, usize);

pub(super) struct PartText {
    pub(super) title: String,
    pub(super) paragraphs: Vec<String>,
    pub(super) gap: Option<String>,
    pub(super) sources: Vec<usize>,
}

pub(super) struct PartEntry {
    pub(super) href: String,
    pub(super) title: String,
    pub(super) profiles: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "site/overview.html")]
pub(super) struct OverviewPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) lede: String,
    pub(super) when: String,
    pub(super) map_alt: String,
    pub(super) regions: Vec<(String, usize, usize, String)>,
    pub(super) risk: Option<&'a crate::snapshot::RiskGap>,
    /// The risk table's introduction and caption (HTML), when there is a table.
    pub(super) risk_text: String,
    pub(super) risk_caption: String,
}

#[derive(Template)]
#[template(path = "site/regions.html")]
pub(super) struct RegionsPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) when: String,
    pub(super) groups: Vec<Group>,
}

pub(super) struct Group {
    /// The group's name (HTML: as recorded, marked English on a French or Spanish page).
    pub(super) name: String,
    /// How many of its states have a mechanism (HTML).
    pub(super) text: String,
    pub(super) rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "site/part.html")]
pub(super) struct PartPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) title: String,
    pub(super) paragraphs: Vec<String>,
    pub(super) gap: Option<String>,
    pub(super) sources: Vec<usize>,
    pub(super) profiles: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "site/profile.html")]
pub(super) struct ProfilePage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) p: &'a Profile,
    pub(super) part_href: String,
    pub(super) part_title: String,
    pub(super) record_sources: Vec<usize>,
    pub(super) facts: Vec<Fact>,
    /// The profile's text: heading (HTML), paragraphs, sources.
    pub(super) narrative: Vec<(String, Vec<String>, Vec<usize>)>,
    pub(super) text_gap: String,
    pub(super) statuses: Vec<String>,
    pub(super) status_sources: Vec<usize>,
    pub(super) activities: Vec<String>,
    pub(super) activity_sources: Vec<usize>,
}

#[derive(Template)]
#[template(path = "site/essays.html")]
pub(super) struct EssaysPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) essays: Vec<Essay>,
}

/// An expert opinion essay: its title, the author's byline and its text.
pub(super) struct Essay {
    pub(super) anchor: String,
    pub(super) title: String,
    pub(super) author: Option<String>,
    pub(super) sources: Vec<usize>,
    pub(super) paragraphs: Vec<String>,
    pub(super) gap: Option<String>,
    /// What an essay from the editorial workflow shows besides (its text replaces the
    /// paragraphs).
    pub(super) meta: Option<EssayView>,
}

/// An essay from the editorial workflow on `essays.html`: labels in the page's language, the
/// rest as the author wrote it. `authors` and `html` are HTML built by the site.
pub(super) struct EssayView {
    /// The authors, each with affiliation and ORCID link (HTML).
    pub(super) authors: String,
    pub(super) abstract_label: &'static str,
    pub(super) abstract_text: String,
    pub(super) keywords_label: &'static str,
    pub(super) keywords: String,
    /// The text with its notes (HTML, from `nmp-essay`, everything the author wrote escaped).
    pub(super) html: String,
    pub(super) competing_label: &'static str,
    pub(super) competing_interests: String,
    pub(super) licence: String,
    /// `Received 7 December 2026 · accepted …`, or empty.
    pub(super) dates: String,
}

#[derive(Template)]
#[template(path = "site/themes.html")]
pub(super) struct ThemesPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) when: String,
    pub(super) themes: Vec<ThemeView<'a>>,
}

pub(super) struct ThemeView<'a> {
    pub(super) key: &'a str,
    /// The theme's title in the page's language (HTML).
    pub(super) title: String,
    pub(super) members: &'a [crate::snapshot::ThemeRow],
    pub(super) rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "site/annex.html")]
pub(super) struct AnnexPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) when: String,
    pub(super) rows: Vec<Row>,
    pub(super) groups: Vec<(String, usize, usize, String)>,
}

#[derive(Template)]
#[template(path = "site/bibliography.html")]
pub(super) struct BibliographyPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) sources: Vec<BibEntry>,
}

pub(super) struct BibEntry {
    pub(super) number: usize,
    /// Author, title, publisher and date (HTML: the record's words marked English on a French or
    /// Spanish page, the date in the page's language).
    pub(super) text: String,
    pub(super) kind: String,
    pub(super) url: Option<String>,
    pub(super) accessed: Option<String>,
}

#[derive(Template)]
#[template(path = "site/outcomes.html")]
pub(super) struct OutcomesPage<'a> {
    pub(super) s: &'a Shared,
    pub(super) root: &'static str,
    pub(super) rounds: Vec<OutcomeRound>,
}

/// One assessment round on the outcomes page.
pub(super) struct OutcomeRound {
    /// The round's title, shown when the edition has several rounds.
    pub(super) title: Option<String>,
    /// The framework's title and version.
    pub(super) framework: String,
    pub(super) description: Vec<String>,
    /// Each criterion: label, description, its levels as lines.
    pub(super) criteria: Vec<(String, Option<String>, Vec<String>)>,
    /// The criteria's labels, the summary table's columns.
    pub(super) header: Vec<String>,
    /// The summary table: anchor, target, the consensus level per criterion.
    pub(super) summary: Vec<(String, String, Vec<String>)>,
    pub(super) targets: Vec<OutcomeTarget>,
}

/// One target's assessment.
pub(super) struct OutcomeTarget {
    pub(super) anchor: String,
    pub(super) label: String,
    /// Kind and country.
    pub(super) place: String,
    /// An initiative's facts with their sources.
    pub(super) facts: Vec<Fact>,
    pub(super) record_sources: Vec<usize>,
    pub(super) description: Vec<String>,
    pub(super) rows: Vec<CriterionRow>,
}

/// The consensus on one criterion.
pub(super) struct CriterionRow {
    pub(super) label: String,
    /// The level (`Partial (level 2 of 3)`); `None` when no consensus is recorded yet.
    pub(super) level: Option<String>,
    pub(super) rationale: String,
    /// The evidence: the source's number and the text.
    pub(super) evidence: Vec<(usize, String)>,
    pub(super) change: Option<String>,
    /// Released ratings, under pseudonyms.
    pub(super) ratings: Vec<String>,
}
