//! The figures an essay embeds from the platform, written as a Markdown image whose address is
//! an `nmp:` key and whose text is the caption, in a paragraph of its own:
//!
//! ```text
//! ![Risk of a new mass killing, 2024](nmp:indicator/ewp-sra/mk-onset-2024)
//! ![States with a national mechanism](nmp:report/map)
//! ```
//!
//! - `nmp:indicator/DATASET/CODE` is the world map of an imported indicator (its dataset's slug
//!   and the indicator's code, as on `/datasets/DATASET/CODE`) for its latest year, and
//!   `nmp:indicator/DATASET/CODE/YEAR` for a given year;
//! - `nmp:report/map`, `nmp:report/by-region` and `nmp:report/by-group` are the edition's own
//!   figures: the world map of the states with a national mechanism, and the states with one by
//!   UN region and by UN regional group.
//!
//! The caller draws each figure (see [`super::Resolve::figure`]); the report draws them when the
//! edition's snapshot is built, so that a published essay's figures are frozen with it.

use std::fmt;

/// One of the edition's own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportFigure {
    /// The world map of the states with a national mechanism.
    Map,
    /// States with a national mechanism, by UN region.
    ByRegion,
    /// States with a national mechanism, by UN regional group.
    ByGroup,
}

impl ReportFigure {
    /// Every figure, in the order messages list them.
    pub const ALL: [ReportFigure; 3] = [ReportFigure::Map, ReportFigure::ByRegion, ReportFigure::ByGroup];

    /// The name written after `nmp:report/`, which is also the report's file name without `.svg`.
    pub fn name(self) -> &'static str {
        match self {
            ReportFigure::Map => "map",
            ReportFigure::ByRegion => "by-region",
            ReportFigure::ByGroup => "by-group",
        }
    }
}

/// What an embedded figure shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKey {
    /// The world map of an imported indicator.
    Indicator {
        /// The dataset's slug.
        dataset: String,
        /// The indicator's code within the dataset.
        code: String,
        /// The year of the values; `None` for the latest the indicator has.
        year: Option<i32>,
    },
    /// One of the edition's own figures.
    Report(ReportFigure),
}

/// Written as after `nmp:`: `indicator/ewp-sra/mk-onset-2024`, `report/map`.
impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureKey::Indicator {
                dataset,
                code,
                year: Some(year),
            } => write!(f, "indicator/{dataset}/{code}/{year}"),
            FigureKey::Indicator { dataset, code, .. } => write!(f, "indicator/{dataset}/{code}"),
            FigureKey::Report(figure) => write!(f, "report/{}", figure.name()),
        }
    }
}

impl FigureKey {
    /// The key written after `nmp:` (`indicator/ewp-sra/mk-onset-2024`), or what is wrong with
    /// it.
    pub fn parse(text: &str) -> Result<FigureKey, String> {
        let parts: Vec<&str> = text.split('/').collect();
        let word = |part: &str, what: &str| -> Result<String, String> {
            if part.is_empty() {
                return Err(format!("nmp:{text} has no {what}"));
            }
            match part
                .chars()
                .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
            {
                Some(bad) => Err(format!(
                    "the {what} {part:?} in nmp:{text} holds {bad:?} (letters, digits, \"-\", \".\" and \"_\")"
                )),
                None => Ok(part.to_string()),
            }
        };
        match parts.as_slice() {
            ["indicator", dataset, code] => Ok(FigureKey::Indicator {
                dataset: word(dataset, "dataset")?,
                code: word(code, "indicator code")?,
                year: None,
            }),
            ["indicator", dataset, code, year] => {
                let year = year
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1000..=9999).contains(y) && year.len() == 4)
                    .ok_or_else(|| format!("the year {year:?} in nmp:{text} is not a year like 2024"))?;
                Ok(FigureKey::Indicator {
                    dataset: word(dataset, "dataset")?,
                    code: word(code, "indicator code")?,
                    year: Some(year),
                })
            }
            ["indicator", ..] => Err(format!(
                "nmp:{text} is not an indicator's map: write nmp:indicator/DATASET/CODE, or \
                 nmp:indicator/DATASET/CODE/YEAR for a given year"
            )),
            ["report", name] => ReportFigure::ALL
                .into_iter()
                .find(|f| f.name() == *name)
                .map(FigureKey::Report)
                .ok_or_else(|| {
                    let names: Vec<String> = ReportFigure::ALL
                        .iter()
                        .map(|f| format!("nmp:report/{}", f.name()))
                        .collect();
                    format!("nmp:{text} is not one of the report's figures ({})", names.join(", "))
                }),
            _ => Err(format!(
                "nmp:{text} names no figure NMP draws (an indicator's map, \
                 nmp:indicator/DATASET/CODE, or the report's nmp:report/map, nmp:report/by-region, \
                 nmp:report/by-group)"
            )),
        }
    }
}

/// A figure an essay embeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    /// What it shows.
    pub key: FigureKey,
    /// Its caption: the image's text, as plain text.
    pub caption: String,
    /// Its number in the essay, from 1, in the order of the text.
    pub number: usize,
    /// The line it is on (1-based).
    pub line: usize,
}

/// A figure as the caller drew it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The SVG document, written into the HTML when there is no `href`.
    pub svg: String,
    /// The address the HTML's `<img>` loads the figure from, instead of writing the SVG in.
    pub href: Option<String>,
    /// The path of the SVG file for the Typst markup (`/figures/essay-KEY-1.svg`).
    pub file: String,
    /// What the figure shows, for readers who cannot see it (the image's `alt`).
    pub alt: String,
    /// Where its data come from, printed after the caption.
    pub credit: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_write_back() {
        for text in [
            "indicator/ewp-sra/mk-onset",
            "indicator/ewp-sra/mk-onset/2024",
            "report/map",
            "report/by-region",
            "report/by-group",
        ] {
            let key = FigureKey::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(
            FigureKey::parse("indicator/ewp/sra.1/2019").unwrap(),
            FigureKey::Indicator {
                dataset: "ewp".into(),
                code: "sra.1".into(),
                year: Some(2019)
            }
        );
    }

    #[test]
    fn bad_keys_say_what_is_wrong() {
        let e = FigureKey::parse("report/pie").unwrap_err();
        assert!(e.contains("nmp:report/by-group"), "{e}");
        let e = FigureKey::parse("indicator/ewp").unwrap_err();
        assert!(e.contains("nmp:indicator/DATASET/CODE"), "{e}");
        let e = FigureKey::parse("indicator/ewp/x/24").unwrap_err();
        assert!(e.contains("\"24\""), "{e}");
        let e = FigureKey::parse("indicator/ewp/a b").unwrap_err();
        assert!(e.contains("' '"), "{e}");
        let e = FigureKey::parse("chart/mechanisms").unwrap_err();
        assert!(e.contains("names no figure"), "{e}");
        let e = FigureKey::parse("indicator//x").unwrap_err();
        assert!(e.contains("no dataset"), "{e}");
    }
}
