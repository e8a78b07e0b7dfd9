//! An essay that came through the editorial workflow (issue 20), as the snapshot holds it: its
//! latest version's abstract, keywords, authors and declarations, and its Markdown text rendered
//! by `nmp-essay` as Typst markup (the PDF) and as HTML (the site), each citation of an NMP
//! source or record resolved here into the text of its note (see [`EssayMeta`]).
//!
//! An essay part typed in by staff has no essay row and gets no [`EssayMeta`]: it prints as it
//! always did.

use std::cell::RefCell;
use std::collections::BTreeMap;

use nmp_essay::markdown::{self, Cited, Embed, FigureKey, HtmlOptions, Placed, RefKey, Reference, Resolve};
use nmp_essay::orcid::Orcid;
use nmp_i18n::Lang;
use nmp_store::Store;
use nmp_store::entity::{edition_part, source};
use serde::Deserialize;

use crate::ReportError;
use crate::snapshot::{EssayAuthor, EssayFigure, EssayMeta, EssayReference};

/// An author as the version's `authors_json` lists them.
#[derive(Deserialize)]
struct AuthorJson {
    name: String,
    #[serde(default)]
    affiliation: Option<String>,
    #[serde(default)]
    orcid: Option<String>,
}

/// What a cited key resolves to.
#[derive(Debug, Clone)]
struct Target {
    /// The note's text without a locator.
    text: String,
    /// The note's link: a source's own URL.
    href: Option<String>,
    /// The page on the NMP site.
    path: Option<String>,
}

/// The resolved keys, by key as written (`source-slug`, `mechanism:slug`), and the figures
/// drawn, by number.
struct Resolved(BTreeMap<String, Target>, BTreeMap<usize, Placed>);

impl Resolve for Resolved {
    fn figure(&self, embed: &Embed) -> Option<Placed> {
        self.1.get(&embed.number).cloned()
    }

    fn cite(&self, reference: &Reference) -> Option<Cited> {
        let target = self.0.get(&reference.key.to_string())?;
        let text = match &reference.locator {
            Some(locator) => format!("{}, {locator}", target.text),
            None => target.text.clone(),
        };
        Some(Cited {
            text,
            href: target.href.clone(),
        })
    }
}

/// A resolver that resolves nothing and records every key asked for, in the order asked (so
/// that a text with problems, which [`markdown::references`] refuses, still has its notes
/// resolved).
#[derive(Default)]
struct Asked(RefCell<Vec<RefKey>>);

impl Resolve for Asked {
    fn cite(&self, reference: &Reference) -> Option<Cited> {
        let mut asked = self.0.borrow_mut();
        if !asked.contains(&reference.key) {
            asked.push(reference.key.clone());
        }
        None
    }
}

/// The words of the notes and the HTML in the edition's language.
fn words(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Fr => ("fiche NMP", "Notes", "Figure"),
        Lang::Es => ("registro NMP", "Notas", "Figura"),
        _ => ("NMP record", "Notes", "Figure"),
    }
}

/// The essay printed as `part`, if the part came through the workflow (an essay row names it)
/// and has a version; `None` otherwise. `lang` is the edition's language (the notes' words).
pub(crate) async fn meta(
    store: &Store,
    part: &edition_part::Model,
    lang: Lang,
) -> Result<Option<EssayMeta>, ReportError> {
    let Some(essay) = store.essay_of_part(part.edition_part_id).await? else {
        return Ok(None);
    };
    let Some(file) = store.essay_file(essay.essay_id).await? else {
        return Ok(None);
    };
    let Some(latest) = file.latest() else {
        return Ok(None);
    };
    let body = part.body.as_deref().unwrap_or(&latest.body);
    let authors: Vec<AuthorJson> = serde_json::from_str(&latest.authors_json).map_err(|e| {
        ReportError::Snapshot(format!(
            "essay {} (version {}): authors_json is not a list of authors: {e}",
            essay.essay_id, latest.number
        ))
    })?;
    let present = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let authors = authors
        .into_iter()
        .map(|a| EssayAuthor {
            name: a.name.trim().to_string(),
            affiliation: present(a.affiliation),
            // An iD that does not check out is left out rather than linked.
            orcid: present(a.orcid)
                .and_then(|o| Orcid::parse(&o).ok())
                .map(|o| o.as_str().to_string()),
        })
        .collect();

    // Which keys the text cites, in order: one rendering that resolves nothing and notes them.
    let asked = Asked::default();
    let _ = markdown::to_html(body, &asked);
    let (record_word, notes_heading, figure_label) = words(lang);
    let mut resolved = BTreeMap::new();
    let mut references = Vec::new();
    for key in asked.0.into_inner() {
        let target = resolve(store, &key, record_word).await?;
        references.push(EssayReference {
            key: key.to_string(),
            text: target.as_ref().map_or_else(|| key.to_string(), |t| t.text.clone()),
            path: target.as_ref().and_then(|t| t.path.clone()),
        });
        if let Some(target) = target {
            resolved.insert(key.to_string(), target);
        }
    }
    let (figures, placed) = figures(store, body, &part.part_key, lang).await?;
    let resolver = Resolved(resolved, placed);
    // The footnotes' labels carry the part's key, so two essays' labels never clash.
    let markup = markdown::to_typst(body, &resolver).replace("<essay-fn-", &format!("<essay-{}-fn-", part.part_key));
    let html = markdown::to_html_with(
        body,
        &resolver,
        &HtmlOptions {
            notes_heading: notes_heading.to_string(),
            figure_label: figure_label.to_string(),
        },
    );
    Ok(Some(EssayMeta {
        abstract_text: latest.abstract_text.trim().to_string(),
        keywords: latest
            .keywords
            .lines()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .collect(),
        authors,
        competing_interests: latest.competing_interests.trim().to_string(),
        licence: latest.licence.trim().to_string(),
        markup,
        html,
        references,
        received: file
            .versions
            .first()
            .map(|v| ymd(v.created_at.year(), u8::from(v.created_at.month()), v.created_at.day())),
        accepted: file
            .decisions
            .iter()
            .rev()
            .find(|d| d.decision == "accept")
            .map(|d| ymd(d.created_at.year(), u8::from(d.created_at.month()), d.created_at.day())),
        figures,
    }))
}

/// The figures the essay `body` embeds, drawn now (an indicator's map) or named (the report's
/// own figures, drawn from the snapshot): what the snapshot keeps of them, and how the PDF's
/// markup and the site's HTML place them (by number). A figure NMP cannot draw is left out (its
/// key is printed in its place).
async fn figures(
    store: &Store,
    body: &str,
    part_key: &str,
    lang: Lang,
) -> Result<(Vec<EssayFigure>, BTreeMap<usize, Placed>), ReportError> {
    let mut kept = Vec::new();
    let mut placed = BTreeMap::new();
    for embed in markdown::figures(body) {
        let figure = match &embed.key {
            FigureKey::Indicator { dataset, code, year } => crate::embed::indicator(store, dataset, code, *year, lang)
                .await?
                .map(|d| EssayFigure {
                    key: embed.key.to_string(),
                    file: format!("essay-{part_key}-{}.svg", embed.number),
                    alt: d.alt,
                    credit: d.credit,
                    svg: d.svg,
                }),
            FigureKey::Report(figure) => {
                let (alt, credit) = crate::embed::report_words(*figure, lang);
                Some(EssayFigure {
                    key: embed.key.to_string(),
                    file: format!("{}.svg", figure.name()),
                    alt,
                    credit,
                    svg: String::new(),
                })
            }
        };
        let Some(figure) = figure else { continue };
        placed.insert(
            embed.number,
            Placed {
                svg: String::new(),
                href: Some(format!("figures/{}", figure.file)),
                file: format!("/figures/{}", figure.file),
                alt: figure.alt.clone(),
                credit: figure.credit.clone(),
            },
        );
        kept.push(figure);
    }
    Ok((kept, placed))
}

/// A day as `YYYY-MM-DD`.
fn ymd(year: i32, month: u8, day: u8) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// What `key` points at, or `None` when NMP holds no such source or record.
async fn resolve(store: &Store, key: &RefKey, record_word: &str) -> Result<Option<Target>, ReportError> {
    Ok(match key {
        RefKey::Source(slug) => {
            let Some(t) = store.essay_reference_target("source", slug).await? else {
                return Ok(None);
            };
            let url = store
                .rows_where::<source::Entity, _>(source::Column::Slug, [slug.clone()])
                .await?
                .into_iter()
                .next()
                .and_then(|s| s.url);
            let text = match &t.detail {
                Some(detail) => format!("{}, {detail}", t.title),
                None => t.title.clone(),
            };
            Some(Target {
                text,
                href: url,
                path: t.path,
            })
        }
        RefKey::Record { kind, key } => {
            // An indicator may name an edition after a slash: the record is the indicator's.
            let lookup = match kind {
                markdown::RecordKind::Indicator => key.split('/').next().unwrap_or(key),
                _ => key.as_str(),
            };
            let Some(t) = store.essay_reference_target(kind.code(), lookup).await? else {
                return Ok(None);
            };
            let text = match &t.path {
                Some(path) => format!("{} ({record_word}, {path})", t.title),
                None => format!("{} ({record_word})", t.title),
            };
            Some(Target {
                text,
                href: None,
                path: t.path,
            })
        }
    })
}
