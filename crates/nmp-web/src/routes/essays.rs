//! A published expert opinion essay's page (issue 20): `/editions/{slug}/essays/{part_key}`, and
//! its citation as `/editions/{slug}/essays/{part_key}/cite.{bib|ris|json}`.
//!
//! An essay is published when the edition that prints it is: both addresses answer 404 unless the
//! edition `slug` is published and its part `part_key` is of kind `essay`. The page shows what the
//! latest version of the essay (`Store::essay_file(..).latest()`, the version printed) says: its
//! title, authors with their affiliations and ORCID iDs, the edition, the date of publication,
//! abstract, keywords, the text with its citations resolved (`views::essays::render`), competing
//! interests, licence and a "How to cite" block; its `<head>` carries the Highwire Press
//! `<meta name="citation_…">` tags and a schema.org JSON-LD description for Google Scholar and
//! reference managers (`cite::scholar`). An essay part typed in by staff, with no `essay` row, gets
//! a page too, from the part itself (title, byline, summary as abstract, text).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use nmp_store::entity::{edition, edition_part, essay_version};

use crate::cite::{Contributor, EssayCitation, Format, HowToCite, scholar};
use crate::views::editions;
use crate::views::essays::Figures;
use crate::{AppState, WebError};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{slug}/essays/{part_key}", get(show))
        .route("/editions/{slug}/essays/{part_key}/{file}", get(export))
}

/// The path of the page of the essay `part_key` of edition `slug`.
pub(crate) fn essay_path(slug: &str, part_key: &str) -> String {
    format!("/editions/{slug}/essays/{part_key}")
}

/// An author as the page shows them.
struct AuthorView {
    /// The name as written.
    name: String,
    /// The institution they write from.
    affiliation: Option<String>,
    /// Their ORCID iD, bare, and its address.
    orcid: Option<(String, String)>,
}

/// Everything the page and the exports say about one essay.
struct Essay {
    /// The edition's slug.
    slug: String,
    /// The edition's title (with its subtitle).
    edition_title: String,
    /// The part's key.
    part_key: String,
    /// The essay's title.
    title: String,
    /// The authors, when the essay came through the workflow.
    authors: Vec<AuthorView>,
    /// The byline as typed by staff, when there is no list of authors.
    byline: Option<String>,
    /// Date of publication (the edition's).
    published_on: Option<String>,
    /// The abstract.
    abstract_text: Option<String>,
    /// The keywords, in order.
    keywords: Vec<String>,
    /// The text, in Markdown.
    markdown: String,
    /// Competing interests, as declared.
    competing_interests: Option<String>,
    /// The licence.
    licence: Option<String>,
    /// The language the essay is written in (ISO 639-1).
    language: String,
    /// The essay as a citation.
    citation: EssayCitation,
}

/// `text` trimmed, `None` when empty.
fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A byline typed by staff ("Name (Affiliation); Other Name") as the essay's authors: one per
/// `;`, a closing parenthesis read as the affiliation.
fn byline_authors(byline: &str) -> Vec<Contributor> {
    byline
        .split(';')
        .filter_map(|one| {
            let one = one.trim();
            if one.is_empty() {
                return None;
            }
            let (name, affiliation) = match one.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
                Some((name, aff)) if !name.trim().is_empty() => (name.trim(), non_empty(aff)),
                _ => (one, None),
            };
            Some(Contributor {
                name: name.to_string(),
                affiliation,
                ..Contributor::default()
            })
        })
        .collect()
}

/// The essay `part_key` of the edition `slug`, if the edition is published and the part is an
/// essay.
async fn load(s: &AppState, slug: &str, part_key: &str) -> Result<Option<Essay>, WebError> {
    let store = &s.store;
    let Some(rows) = store.edition_rows(slug).await? else {
        return Ok(None);
    };
    if rows.edition.status != "published" {
        return Ok(None);
    }
    let Some(part) = rows
        .parts
        .iter()
        .find(|p| p.part_key == part_key && p.kind == "essay")
        .cloned()
    else {
        return Ok(None);
    };
    let Some(detail) = editions::detail(store, slug).await? else {
        return Ok(None);
    };
    let version = match store.essay_of_part(part.edition_part_id).await? {
        Some(e) => store.essay_file(e.essay_id).await?.and_then(|f| f.latest().cloned()),
        None => None,
    };
    // An edition published in NMP without a publication date typed in is dated by its freezing.
    let published_on = match &rows.edition.published_on {
        Some(d) => Some(d.clone()),
        None => store
            .frozen_edition(slug)
            .await?
            .and_then(|(_, frozen)| frozen)
            .map(|f| f.published_at.date().to_string()),
    };
    Ok(Some(essay(
        s,
        &rows.edition,
        published_on,
        &detail,
        &part,
        version.as_ref(),
    )))
}

/// The essay printed as `part` of edition `e`, from its latest `version` when it came through the
/// workflow, else from the part itself.
fn essay(
    s: &AppState,
    e: &edition::Model,
    published_on: Option<String>,
    detail: &editions::EditionDetail,
    part: &edition_part::Model,
    version: Option<&essay_version::Model>,
) -> Essay {
    let public_url = s.mail.public_url.trim_end_matches('/');
    let edition_title = match &e.subtitle {
        Some(sub) if !sub.trim().is_empty() => format!("{}: {sub}", e.title),
        _ => e.title.clone(),
    };
    let (title, contributors, byline, abstract_text, keywords, markdown, competing, licence) = match version {
        Some(v) => {
            let authors: Vec<Contributor> = nmp_collect::essays::authors_of(v)
                .into_iter()
                .map(|a| Contributor {
                    name: a.name,
                    organisation: false,
                    affiliation: a.affiliation.as_deref().and_then(non_empty),
                    orcid: a.orcid.as_deref().and_then(non_empty),
                })
                .collect();
            let byline = authors.is_empty().then(|| part.author.clone()).flatten();
            let authors = if authors.is_empty() {
                byline.as_deref().map(byline_authors).unwrap_or_default()
            } else {
                authors
            };
            (
                v.title.clone(),
                authors,
                byline,
                non_empty(&v.abstract_text),
                v.keywords.lines().filter_map(non_empty).collect(),
                v.body.clone(),
                non_empty(&v.competing_interests),
                non_empty(&v.licence).or_else(|| e.licence.clone()),
            )
        }
        None => (
            part.title.clone(),
            part.author.as_deref().map(byline_authors).unwrap_or_default(),
            part.author.clone(),
            part.summary.as_deref().and_then(non_empty),
            Vec::new(),
            part.body.clone().unwrap_or_default(),
            None,
            e.licence.clone(),
        ),
    };
    let publishers = super::cite::of_edition(public_url, detail, None).authors;
    let editors = detail
        .contributors
        .iter()
        .filter(|c| c.role_code == "editor")
        .map(|c| Contributor::person(&c.name))
        .collect();
    let year = published_on
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .unwrap_or_default();
    let citation = EssayCitation {
        key: format!("nmp-{}-{}", e.slug, part.part_key),
        title: title.clone(),
        authors: contributors.clone(),
        abstract_text: abstract_text.clone(),
        keywords: keywords.clone(),
        edition_title: edition_title.clone(),
        editors,
        publishers,
        published_on: published_on.clone(),
        year,
        pages: None,
        url: format!("{public_url}{}", essay_path(&e.slug, &part.part_key)),
        pdf_url: Some(format!("{public_url}/editions/{}/report.pdf", e.slug)),
        language: e.language.clone(),
        licence: licence.clone(),
    };
    // A byline typed by staff is shown as typed; a list of authors one by one.
    let authors = if byline.is_some() {
        Vec::new()
    } else {
        contributors
            .iter()
            .map(|c| AuthorView {
                name: c.display_name(),
                affiliation: c.affiliation.clone(),
                orcid: c.orcid_id().zip(c.orcid_url()),
            })
            .collect()
    };
    Essay {
        slug: e.slug.clone(),
        edition_title,
        part_key: part.part_key.clone(),
        title,
        authors,
        byline,
        published_on,
        abstract_text,
        keywords,
        markdown,
        competing_interests: competing,
        licence,
        language: e.language.clone(),
        citation,
    }
}

/// The 404 of an essay that is not (or not yet) published.
fn not_found(slug: &str, part_key: &str) -> WebError {
    WebError::NotFound(format!(
        "There is no published essay {part_key:?} in edition {slug:?}: an essay's page appears when its edition is published."
    ))
}

#[derive(Template)]
#[template(path = "essay.html")]
struct EssayPage {
    e: Essay,
    /// The text as HTML, its citations resolved, with its notes.
    html: String,
    how: HowToCite,
    /// The Highwire Press `<meta>` tags.
    meta: String,
    /// The JSON-LD description (safe inside `<script>`).
    json_ld: String,
}

impl EssayPage {
    /// ` lang="xx"` for the essay's own text when it is not written in the page's language.
    fn content_lang(&self) -> String {
        if self.e.language.is_empty() || self.e.language == crate::lang::code() {
            String::new()
        } else {
            format!(" lang=\"{}\"", self.e.language)
        }
    }
}

/// The heading of the essay's notes, in the page's language.
fn notes_heading() -> String {
    let lang = crate::lang::lang();
    nmp_i18n::t_if(lang, "ea-notes")
        .or_else(|| nmp_i18n::t_if(nmp_i18n::Lang::En, "ea-notes"))
        .unwrap_or_else(|| "Notes".to_string())
}

/// The word before a figure's number, in the page's language.
fn figure_label() -> String {
    let lang = crate::lang::lang();
    nmp_i18n::t_if(lang, "ea-figure")
        .or_else(|| nmp_i18n::t_if(nmp_i18n::Lang::En, "ea-figure"))
        .unwrap_or_else(|| "Figure".to_string())
}

/// The figures of a published essay as frozen with its edition's snapshot (read only when the
/// essay embeds any); an edition published without a snapshot has them drawn as the data are
/// now.
async fn frozen_figures<'a>(s: &AppState, e: &'a Essay) -> Result<Figures<'a>, WebError> {
    let now = Figures::Now {
        edition: Some(&e.slug),
        lang: nmp_i18n::Lang::from_code(&e.language).unwrap_or_default(),
    };
    if nmp_essay::markdown::figures(&e.markdown).is_empty() {
        return Ok(now);
    }
    let Some((_, Some(frozen))) = s.store.frozen_edition(&e.slug).await? else {
        return Ok(now);
    };
    let snapshot = nmp_report::Snapshot::from_json(&frozen.snapshot)
        .map_err(|err| WebError::Internal(format!("the frozen snapshot of edition {:?}: {err}", e.slug)))?;
    Ok(Figures::Frozen(nmp_report::embed::frozen(&snapshot, &e.part_key)))
}

async fn show(
    State(s): State<AppState>,
    Path((slug, part_key)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let e = load(&s, &slug, &part_key)
        .await?
        .ok_or_else(|| not_found(&slug, &part_key))?;
    let figures = frozen_figures(&s, &e).await?;
    let rendered =
        crate::views::essays::render(&s.store, &e.markdown, (&notes_heading(), &figure_label()), figures).await?;
    let path = essay_path(&e.slug, &e.part_key);
    let how = HowToCite {
        text: e.citation.plain_text(),
        links: Format::ALL
            .iter()
            .map(|f| (f.label(), format!("{path}/cite.{}", f.extension())))
            .collect(),
    };
    let meta = scholar::meta_html(&scholar::highwire_meta(&e.citation));
    let json_ld = scholar::json_ld(&e.citation);
    Ok(Html(
        EssayPage {
            e,
            html: rendered.html,
            how,
            meta,
            json_ld,
        }
        .render()?,
    ))
}

async fn export(
    State(s): State<AppState>,
    Path((slug, part_key, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let format = file
        .strip_prefix("cite.")
        .and_then(Format::from_extension)
        .ok_or_else(|| {
            WebError::NotFound(format!(
                "There is no file {file:?} for an essay: its citation is at cite.bib, cite.ris or cite.json."
            ))
        })?;
    let e = load(&s, &slug, &part_key)
        .await?
        .ok_or_else(|| not_found(&slug, &part_key))?;
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}.{}\"", e.citation.key, format.extension()),
            ),
        ],
        e.citation.render(format),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::byline_authors;

    #[test]
    fn a_typed_byline_becomes_authors_with_affiliations() {
        let a = byline_authors("Ana Pérez (Universidad X); Bo Li ; ");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].name, "Ana Pérez");
        assert_eq!(a[0].affiliation.as_deref(), Some("Universidad X"));
        assert_eq!(a[1].name, "Bo Li");
        assert_eq!(a[1].affiliation, None);
        assert!(
            byline_authors("(Institute)")[0].affiliation.is_none(),
            "no name: kept whole"
        );
    }
}
