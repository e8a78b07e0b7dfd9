//! The pages of the static site: one struct per page type, rendered by its template in
//! `templates/site/`, and the pieces they share (the navigation, table rows, bibliography
//! entries). [`super::build`] fills them from the snapshot.

use askama::Template;

use crate::snapshot::Profile;

/// What every page shows: the edition, the navigation, the footer.
pub(super) struct Shared {
    pub(super) title: String,
    pub(super) subtitle: Option<String>,
    pub(super) kind: String,
    pub(super) year: String,
    pub(super) draft: bool,
    pub(super) cite: String,
    pub(super) sha256: String,
    pub(super) version: &'static str,
    pub(super) parts: Vec<NavPart>,
    /// Whether the edition has essays (the navigation links to them).
    pub(super) essays: bool,
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
    pub(super) status: String,
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
}

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
    pub(super) name: String,
    pub(super) with: usize,
    pub(super) states: usize,
    pub(super) share: String,
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
    pub(super) facts: Vec<(&'static str, String, Vec<usize>)>,
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
    pub(super) title: &'a str,
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
    pub(super) text: String,
    pub(super) kind: String,
    pub(super) url: Option<String>,
    pub(super) accessed: Option<String>,
}
