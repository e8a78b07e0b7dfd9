//! The analysis bench: the report's indicators for an edition (computed by
//! `nmp_core::indicators` from the store's facts), their change since the previous edition, and
//! the question the report needs answered: which of the highest-risk states (Early Warning
//! Project top 30) have a national mechanism, a network membership, or neither.

use std::collections::{BTreeSet, HashMap};

use nmp_core::indicators::{Change, Facts, Indicators, change, compute, exists};
use nmp_i18n::Lang;
use nmp_store::Store;
use nmp_store::entity::{country, dataset, edition, indicator, observation};
use serde::Serialize;
use utoipa::ToSchema;

use crate::WebError;

/// The year an edition stands for (see `nmp_core::edition_year`).
pub(crate) fn edition_year(e: &edition::Model) -> Option<i32> {
    nmp_core::edition_year(&e.slug, e.published_on.as_deref())
}

/// Everything the indicators need, read from the store once.
pub(crate) async fn facts(store: &Store) -> Result<Facts, WebError> {
    Ok(store.indicator_facts().await?)
}

/// An edition the analysis can be shown for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionChoice {
    /// Slug.
    pub slug: String,
    /// The year it stands for.
    pub year: Option<i32>,
}

/// The indicators of an edition and their change since the previous one.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The edition shown (`None`: all data recorded, dated or not).
    pub edition: Option<EditionChoice>,
    /// The previous edition, if any.
    pub previous: Option<EditionChoice>,
    /// The indicators.
    pub indicators: Indicators,
    /// Change since the previous edition.
    pub change: Option<Change>,
}

impl Analysis {
    /// As of when the figures count, for labels, in `lang`: "as of edition 2018", "as of edition
    /// 2020-transition (2020)", "all data recorded" (the messages `as-of-*`).
    pub fn as_of_in(&self, lang: Lang) -> String {
        match &self.edition {
            None => nmp_i18n::t(lang, "as-of-all"),
            Some(e) => match e.year {
                Some(y) if e.slug == y.to_string() => nmp_i18n::t_args(lang, "as-of-edition", &[("edition", &e.slug)]),
                Some(y) => nmp_i18n::t_args(
                    lang,
                    "as-of-edition-year",
                    &[("edition", &e.slug), ("year", &y.to_string())],
                ),
                None => nmp_i18n::t_args(lang, "as-of-edition-no-year", &[("edition", &e.slug)]),
            },
        }
    }

    /// [`Self::as_of_in`] the request's language: the pages' headings and sentences.
    pub fn as_of_here(&self) -> String {
        self.as_of_in(crate::lang::lang())
    }

    /// [`Self::as_of_in`] English: the charts' titles and their downloads, which stay in English.
    pub fn as_of(&self) -> String {
        self.as_of_in(Lang::En)
    }
}

/// The editions in year order (oldest first).
pub(crate) async fn editions(store: &Store) -> Result<Vec<EditionChoice>, WebError> {
    let mut out: Vec<EditionChoice> = store
        .all::<edition::Entity>()
        .await?
        .iter()
        .map(|e| EditionChoice {
            slug: e.slug.clone(),
            year: edition_year(e),
        })
        .collect();
    out.sort_by_key(|e| (e.year, e.slug.clone()));
    Ok(out)
}

/// The analysis for `edition` (a slug, or `None` for all data).
pub(crate) async fn analysis(store: &Store, facts: &Facts, edition: Option<&str>) -> Result<Analysis, WebError> {
    let all = editions(store).await?;
    let Some(slug) = edition else {
        let indicators = compute(facts, None, all.last().map(|e| e.slug.as_str()));
        let previous = all.last().cloned();
        let change = previous
            .as_ref()
            .map(|p| change(&compute(facts, p.year, Some(&p.slug)), &indicators));
        return Ok(Analysis {
            edition: None,
            previous,
            indicators,
            change,
        });
    };
    let position = all.iter().position(|e| e.slug == slug).ok_or_else(|| {
        WebError::bad_param(
            "edition",
            &format!(
                "{slug:?} is not one of: {}",
                all.iter().map(|e| e.slug.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )
    })?;
    let this = all[position].clone();
    let indicators = compute(facts, this.year, Some(&this.slug));
    let previous = position.checked_sub(1).map(|p| all[p].clone());
    let change = previous
        .as_ref()
        .map(|p| change(&compute(facts, p.year, Some(&p.slug)), &indicators));
    Ok(Analysis {
        edition: Some(this),
        previous,
        indicators,
        change,
    })
}

/// The analysis for an `edition` parameter: a slug, `all` for all data recorded, or absent for
/// the latest edition.
pub(crate) async fn for_param(store: &Store, facts: &Facts, edition: Option<&str>) -> Result<Analysis, WebError> {
    let chosen = match edition {
        Some("all") => None,
        Some(slug) => Some(slug.to_string()),
        None => editions(store).await?.last().map(|e| e.slug.clone()),
    };
    analysis(store, facts, chosen.as_deref()).await
}

/// One of the highest-risk states.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HighRiskRow {
    /// Rank (1 = highest risk).
    pub rank: i64,
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub name: String,
    /// Two-year risk of a new mass-killing onset (probability).
    pub risk: f64,
    /// Whether it has a national mechanism (existing, as recorded).
    pub has_mechanism: bool,
    /// Networks it belongs to (slugs, `;`-separated).
    pub networks: String,
    /// `mechanism`, `network only` or `neither`.
    pub category: String,
}

/// The high-risk table: the dataset used and its top `top` states.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HighRisk {
    /// Dataset slug.
    pub dataset: String,
    /// Dataset title.
    pub title: String,
    /// Publisher's version.
    pub dataset_version: Option<String>,
    /// The states, by rank.
    pub rows: Vec<HighRiskRow>,
    /// Entities outside the 195 states the dataset also assesses (Kosovo), not among `rows`.
    pub outside: Vec<crate::views::ewp_series::OutsidePoint>,
}

/// The top `top` states of the latest imported Early Warning Project dataset (slug `ewp-*`),
/// or `None` when none has been imported.
pub(crate) async fn high_risk(store: &Store, facts: &Facts, top: i64) -> Result<Option<HighRisk>, WebError> {
    let Some(ds) = store
        .all::<dataset::Entity>()
        .await?
        .into_iter()
        .filter(|d| d.slug.starts_with("ewp-"))
        .max_by(|a, b| a.slug.cmp(&b.slug))
    else {
        return Ok(None);
    };
    let indicators = store
        .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, [ds.dataset_id])
        .await?;
    let id_of = |code: &str| indicators.iter().find(|i| i.code == code).map(|i| i.indicator_id);
    let (Some(rank_id), Some(risk_id)) = (id_of("rank_2yr"), id_of("risk_2yr")) else {
        return Ok(None);
    };
    let observations = store
        .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, [rank_id, risk_id])
        .await?;
    let risk: HashMap<&str, f64> = observations
        .iter()
        .filter(|o| o.indicator_id == risk_id)
        .map(|o| (o.country_iso3.as_str(), o.value))
        .collect();
    let names: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let with_mechanism: BTreeSet<&str> = facts
        .mechanisms
        .iter()
        .filter(|m| m.level == "national" && exists(m, None))
        .filter_map(|m| m.iso3.as_deref())
        .collect();
    let mut rows: Vec<HighRiskRow> = observations
        .iter()
        .filter(|o| o.indicator_id == rank_id && (o.value as i64) <= top)
        .map(|o| {
            let iso3 = o.country_iso3.as_str();
            let nets: BTreeSet<&str> = facts
                .networks
                .iter()
                .filter(|n| n.iso3 == iso3 && n.left.is_none())
                .map(|n| n.network.as_str())
                .collect();
            let has_mechanism = with_mechanism.contains(iso3);
            HighRiskRow {
                rank: o.value as i64,
                iso3: iso3.to_string(),
                name: names.get(iso3).cloned().unwrap_or_else(|| iso3.to_string()),
                risk: risk.get(iso3).copied().unwrap_or(f64::NAN),
                has_mechanism,
                category: if has_mechanism {
                    "mechanism"
                } else if nets.is_empty() {
                    "neither"
                } else {
                    "network only"
                }
                .to_string(),
                networks: nets.into_iter().collect::<Vec<_>>().join(";"),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.rank);
    let wanted = HashMap::from([
        (rank_id, (ds.slug.as_str(), true)),
        (risk_id, (ds.slug.as_str(), false)),
    ]);
    let outside = crate::views::ewp_series::outside_points(store, &wanted).await?;
    Ok(Some(HighRisk {
        dataset: ds.slug,
        title: ds.title,
        dataset_version: ds.dataset_version,
        rows,
        outside,
    }))
}

// The text of the analysis, risk, comparison, datasets and error pages in the request's language,
// as HTML where a sentence holds a link or a record's English words.

/// `text` escaped for HTML as the templates escape it.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` (a record's words, in English) as HTML, marked as English on a French or Spanish page.
pub(crate) fn english(text: &str) -> String {
    match crate::lang::english_attr() {
        "" => escape(text),
        attr => format!("<span{attr}>{}</span>", escape(text)),
    }
}

/// A link to `href` whose content is `html`.
pub(crate) fn link(href: &str, html: &str) -> String {
    format!("<a href=\"{}\">{html}</a>", escape(href))
}

/// The message `key` in the request's language as HTML: its words escaped, its placeholders in
/// `text` filled with text (escaped) and those in `html` with pieces of HTML (links, a record's
/// marked words).
pub(crate) fn html(key: &str, text: &[(&str, &str)], html: &[(&str, &str)]) -> String {
    let marks: Vec<String> = (0..html.len()).map(|i| format!("\u{1}{i}\u{2}")).collect();
    let mut args: Vec<(&str, &str)> = text.to_vec();
    args.extend(html.iter().zip(&marks).map(|((name, _), mark)| (*name, mark.as_str())));
    let mut out = escape(&crate::lang::ta(key, &args));
    for ((_, piece), mark) in html.iter().zip(&marks) {
        out = out.replacen(mark.as_str(), piece, 1);
    }
    out
}

/// The states a map could not draw (`names`, as recorded), as HTML: "Too small to see on this
/// map: Andorra, Monaco."
pub(crate) fn too_small(names: &[String]) -> String {
    html("an-too-small", &[], &[("names", &english(&names.join(", ")))])
}

/// `text` as Rust's `{:?}` writes it, without the quotes around it: for messages that put it
/// between quotes of their language (the English ones as `{:?}` did).
pub(crate) fn quoted(text: &str) -> String {
    let debug = format!("{text:?}");
    debug[1..debug.len() - 1].to_string()
}

/// The label of the vocabulary value `code` in the request's language, from the message
/// `prefix-code` (`_` written `-`); `english`, the vocabulary's own label, on an English page or
/// when there is no such message.
pub(crate) fn vocab_here(prefix: &str, code: &str, english: &str) -> String {
    match crate::lang::lang() {
        Lang::En => english.to_string(),
        lang => {
            nmp_i18n::t_if(lang, &format!("{prefix}-{}", code.replace('_', "-"))).unwrap_or_else(|| english.to_string())
        }
    }
}
