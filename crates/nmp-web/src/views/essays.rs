//! An essay's text as the web shows it (the author's proofs, the reviewer's page, the
//! workspace, the public page): its Markdown rendered by `nmp_essay` with every citation
//! resolved to the source or record it names, its embedded figures drawn (as the data are now
//! while the essay is in the workflow, as frozen with the edition once it is published), and the
//! table of "the data behind each cited record" that reviewers and editors read beside it.

use std::collections::BTreeMap;

use nmp_essay::markdown::{Cited, Embed, FigureKey, HtmlOptions, Placed, RefKey, Reference, Resolve};
use nmp_i18n::Lang;
use nmp_report::embed::Drawn;
use nmp_store::Store;
use nmp_store::essays::{EssayFile, RefTarget};

use crate::WebError;

/// Where an essay's embedded figures come from.
pub(crate) enum Figures<'a> {
    /// Drawn from the data as they are now; the report's own figures from the edition `slug`
    /// as a draft (an essay in the workflow).
    Now {
        /// The essay's edition.
        edition: Option<&'a str>,
        /// The language of the credits.
        lang: Lang,
    },
    /// As drawn when the edition was published (`nmp_report::embed::frozen`).
    Frozen(BTreeMap<FigureKey, Drawn>),
}

impl<'a> Figures<'a> {
    /// The figures of an essay in the workflow, drawn now; `edition_slug` is its edition's.
    pub(crate) fn now(file: &EssayFile, edition_slug: &'a str) -> Figures<'a> {
        Figures::Now {
            edition: Some(edition_slug),
            lang: Lang::from_code(&file.essay.language).unwrap_or_default(),
        }
    }
}

/// A cited source or record, for the table beside the text.
#[derive(Clone, Debug)]
pub(crate) struct CitedRow {
    /// `source` or the record's kind.
    pub kind: String,
    /// Its slug or code as the essay cites it.
    pub key: String,
    /// Its title on the platform.
    pub title: String,
    /// Its page on the site, if it has one.
    pub path: Option<String>,
    /// For a source: author, publisher, date; for a mechanism: country, type, creation date and
    /// latest status.
    pub detail: Option<String>,
}

/// An essay's text rendered, with what it cites.
#[derive(Clone, Debug, Default)]
pub(crate) struct RenderedEssay {
    /// The text as HTML (escaped: authors' raw HTML never passes through), with its notes.
    pub html: String,
    /// Each source and record cited, once, in order of first citation.
    pub cited: Vec<CitedRow>,
}

/// The kind and key of a reference, as the store names them.
pub(crate) fn kind_key(key: &RefKey) -> (String, String) {
    match key {
        RefKey::Source(slug) => ("source".to_string(), slug.clone()),
        RefKey::Record { kind, key } => (kind.code().to_string(), key.clone()),
    }
}

struct Targets(BTreeMap<(String, String), RefTarget>, BTreeMap<FigureKey, Drawn>);

impl Resolve for Targets {
    fn figure(&self, embed: &Embed) -> Option<Placed> {
        let d = self.1.get(&embed.key)?;
        Some(Placed {
            svg: d.svg.clone(),
            href: None,
            file: String::new(),
            alt: d.alt.clone(),
            credit: d.credit.clone(),
        })
    }

    fn cite(&self, r: &Reference) -> Option<Cited> {
        let target = self.0.get(&kind_key(&r.key))?;
        let mut text = target.title.clone();
        if let Some(d) = &target.detail {
            text = format!("{text}, {d}");
        }
        if let Some(l) = &r.locator {
            text = format!("{text}, {l}");
        }
        Some(Cited {
            text,
            href: target.path.clone(),
        })
    }
}

/// Renders `markdown` with its citations resolved against the store and its `figures` drawn;
/// `notes_heading` heads the notes ("Notes", translated by the caller), `figure_label` numbers
/// the figures ("Figure").
pub(crate) async fn render(
    store: &Store,
    markdown: &str,
    (notes_heading, figure_label): (&str, &str),
    figures: Figures<'_>,
) -> Result<RenderedEssay, WebError> {
    let drawn = match figures {
        Figures::Frozen(drawn) => drawn,
        Figures::Now { edition, lang } => {
            let embeds = nmp_essay::markdown::figures(markdown);
            if embeds.is_empty() {
                BTreeMap::new()
            } else {
                nmp_report::embed::live(store, edition, &embeds, lang)
                    .await
                    .map_err(|e| match e {
                        nmp_report::ReportError::Store(e) => WebError::Store(e),
                        e => WebError::Internal(format!("drawing the essay's figures: {e}")),
                    })?
            }
        }
    };
    let refs = nmp_essay::markdown::references(markdown).unwrap_or_default();
    let mut targets = BTreeMap::new();
    let mut cited = Vec::new();
    for r in &refs {
        let (kind, key) = kind_key(&r.key);
        if targets.contains_key(&(kind.clone(), key.clone())) {
            continue;
        }
        if let Some(t) = store.essay_reference_target(&kind, &key).await? {
            cited.push(CitedRow {
                kind: kind.clone(),
                key: key.clone(),
                title: t.title.clone(),
                path: t.path.clone(),
                detail: t.detail.clone().or_else(|| t.facts.clone()),
            });
            targets.insert((kind, key), t);
        }
    }
    let html = nmp_essay::markdown::to_html_with(
        markdown,
        &Targets(targets, drawn),
        &HtmlOptions {
            notes_heading: notes_heading.to_string(),
            figure_label: figure_label.to_string(),
        },
    );
    Ok(RenderedEssay { html, cited })
}
