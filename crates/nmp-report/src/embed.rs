//! The figures an essay embeds (`![Caption](nmp:…)`, see `nmp_essay::markdown::figure`), drawn
//! by `nmp-charts`:
//!
//! - an imported indicator's world map (`nmp:indicator/DATASET/CODE[/YEAR]`), in quintiles like
//!   the indicator's page on the website, drawn from the store;
//! - the edition's own figures (`nmp:report/map`, `by-region`, `by-group`), drawn from a
//!   snapshot by [`crate::figures::build`].
//!
//! The snapshot holds what was drawn when it was built (`EssayMeta::figures`), so a published
//! essay's figures are frozen with its edition: [`frozen`] reads them back for the essay's page
//! on the website. [`live`] draws them as the store is now, for the pages of an essay still in
//! the workflow (the author's, the reviewers', the editors').

use std::collections::BTreeMap;

use nmp_charts::Quintiles;
use nmp_essay::markdown::{Embed, FigureKey, ReportFigure};
use nmp_i18n::Lang;
use nmp_store::Store;
use nmp_store::entity::{country, dataset, indicator, observation};

use crate::ReportError;
use crate::snapshot::Snapshot;

/// A figure as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// The SVG document.
    pub svg: String,
    /// What it shows, for readers who cannot see it.
    pub alt: String,
    /// Where its data come from.
    pub credit: String,
}

/// The world map of the indicator `code` of the dataset `dataset` for `year` (its latest year
/// when `None`), with its credit in `lang`; `None` when NMP holds no such indicator or it has no
/// values for the year.
pub async fn indicator(
    store: &Store,
    dataset_slug: &str,
    code: &str,
    year: Option<i32>,
    lang: Lang,
) -> Result<Option<Drawn>, ReportError> {
    let Some(ds) = store
        .rows_where::<dataset::Entity, _>(dataset::Column::Slug, [dataset_slug.to_string()])
        .await?
        .pop()
    else {
        return Ok(None);
    };
    let Some(ind) = store
        .rows_where::<indicator::Entity, _>(indicator::Column::DatasetId, [ds.dataset_id])
        .await?
        .into_iter()
        .find(|i| i.code == code)
    else {
        return Ok(None);
    };
    let observations = store
        .rows_where::<observation::Entity, _>(observation::Column::IndicatorId, [ind.indicator_id])
        .await?;
    let Some(year) = year.or_else(|| observations.iter().map(|o| o.year).max()) else {
        return Ok(None);
    };
    let m49: BTreeMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.m49))
        .collect();
    let values: BTreeMap<String, f64> = observations
        .iter()
        .filter(|o| o.year == year)
        .filter_map(|o| m49.get(&o.country_iso3).map(|code| (code.clone(), o.value)))
        .collect();
    if values.is_empty() {
        return Ok(None);
    }
    let title = format!("{} ({}), {year}", ind.label, ds.title);
    let unit = ind.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
    let alt = format!(
        "World map: {}{unit}, {year}, each state coloured by the quintile of its value; states without a value in grey.",
        ind.label
    );
    let quintiles = Quintiles::of(values.values().copied());
    let svg = nmp_charts::map(&quintiles.map(&title, &alt, &values)).svg;
    let version = ds
        .dataset_version
        .as_deref()
        .map(|v| format!(", {v}"))
        .unwrap_or_default();
    let credit = match lang {
        Lang::Fr => format!("Source : {}, {}{version} ; valeurs de {year}.", ds.title, ds.publisher),
        Lang::Es => format!("Fuente: {}, {}{version}; valores de {year}.", ds.title, ds.publisher),
        _ => format!("Source: {}, {}{version}; values for {year}.", ds.title, ds.publisher),
    };
    Ok(Some(Drawn { svg, alt, credit }))
}

/// The alt text and credit of one of the edition's own figures, in `lang`.
pub fn report_words(figure: ReportFigure, lang: Lang) -> (String, String) {
    let alt = match figure {
        ReportFigure::Map => "World map: states with at least one national mechanism, in colour.",
        ReportFigure::ByRegion => {
            "Stacked bars: for each UN region, the states with at least one national mechanism and the states without one."
        }
        ReportFigure::ByGroup => {
            "Stacked bars: for each UN regional group, the states with at least one national mechanism and the states without one."
        }
    };
    let credit = match lang {
        Lang::Fr => "Source : données NMP sur les mécanismes nationaux, telles que publiées avec l'édition.",
        Lang::Es => "Fuente: datos de NMP sobre los mecanismos nacionales, tal como se publicaron con la edición.",
        _ => "Source: NMP's records of national mechanisms, as published with the edition.",
    };
    (alt.to_string(), credit.to_string())
}

/// The figures `embeds` as the store holds their data now: each indicator's map, and the
/// edition's own figures drawn from the edition `edition_slug` as a draft (its snapshot is built
/// only when one of them is embedded). A figure NMP cannot draw is left out.
pub async fn live(
    store: &Store,
    edition_slug: Option<&str>,
    embeds: &[Embed],
    lang: Lang,
) -> Result<BTreeMap<FigureKey, Drawn>, ReportError> {
    let mut drawn = BTreeMap::new();
    let mut report: Option<BTreeMap<String, String>> = None;
    for embed in embeds {
        if drawn.contains_key(&embed.key) {
            continue;
        }
        let figure = match &embed.key {
            FigureKey::Indicator { dataset, code, year } => indicator(store, dataset, code, *year, lang).await?,
            FigureKey::Report(figure) => {
                let Some(slug) = edition_slug else { continue };
                if report.is_none() {
                    let snapshot = crate::collect::build(store, slug).await?;
                    report = Some(crate::figures::build(&snapshot));
                }
                report_figure(report.as_ref(), *figure, lang)
            }
        };
        if let Some(figure) = figure {
            drawn.insert(embed.key.clone(), figure);
        }
    }
    Ok(drawn)
}

/// One of the report's figures from the figures of a snapshot.
fn report_figure(figures: Option<&BTreeMap<String, String>>, figure: ReportFigure, lang: Lang) -> Option<Drawn> {
    let svg = figures?.get(&format!("{}.svg", figure.name()))?.clone();
    let (alt, credit) = report_words(figure, lang);
    Some(Drawn { svg, alt, credit })
}

/// The figures of the essay printed as part `part_key` of a published edition's frozen
/// `snapshot`, as they were drawn when it was built, by key.
pub fn frozen(snapshot: &Snapshot, part_key: &str) -> BTreeMap<FigureKey, Drawn> {
    let Some(meta) = snapshot
        .parts
        .iter()
        .find(|p| p.key == part_key)
        .and_then(|p| p.essay.as_ref())
    else {
        return BTreeMap::new();
    };
    let report = (meta.figures.iter().any(|f| f.svg.is_empty())).then(|| crate::figures::build(snapshot));
    meta.figures
        .iter()
        .filter_map(|f| {
            let key = FigureKey::parse(&f.key).ok()?;
            let svg = if f.svg.is_empty() {
                report.as_ref()?.get(&f.file)?.clone()
            } else {
                f.svg.clone()
            };
            Some((
                key,
                Drawn {
                    svg,
                    alt: f.alt.clone(),
                    credit: f.credit.clone(),
                },
            ))
        })
        .collect()
}
