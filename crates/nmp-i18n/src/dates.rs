//! Dates as people type them in English, French and Spanish, and as each language writes them.
//!
//! [`parse`] reads, in any of the three languages:
//!
//! - ISO 8601 and its shorter forms: `2018-12-29`, `2018-12`, `2018`;
//! - numbers with `/`, `.` or `-`: day, month, year in French and Spanish (`29/12/2018`); in
//!   English only when the order cannot be mistaken (`29/12/2018`, `12/29/2018`), while
//!   `03/04/2018` is refused as ambiguous; year first (`2018/12/29`) in every language; month
//!   and year (`12/2018`);
//! - month names, full or short, in any of the three languages and with or without accents:
//!   `29 décembre 2018`, `1er janvier 2018`, `29 de diciembre de 2018`, `December 29, 2018`,
//!   `Dec 2018`.
//!
//! [`format`] writes a date in full: `29 December 2018`, `29 décembre 2018` (`1er` for the
//! first), `29 de diciembre de 2018`; a month or a year alone as such.

use nmp_core::{DatePrecision, PartialDate};
use time::{Date, Month};

use crate::{Lang, t, t_args};

/// Why a text is not read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any form this module reads.
    NotADate,
    /// Numbers whose order the language does not settle (`03/04/2018` in English): the two
    /// readings.
    Ambiguous(PartialDate, PartialDate),
}

impl DateError {
    /// What to tell the person who typed `text`, in `lang`, with an example of the expected form.
    pub fn message(&self, lang: Lang, text: &str) -> String {
        let example = t(lang, "date-example");
        match self {
            DateError::NotADate => t_args(lang, "date-not-understood", &[("text", text), ("example", &example)]),
            DateError::Ambiguous(a, b) => t_args(
                lang,
                "date-ambiguous",
                &[
                    ("text", text),
                    ("first", &format(lang, a)),
                    ("second", &format(lang, b)),
                    ("example", &example),
                ],
            ),
        }
    }
}

const MONTHS: [Month; 12] = [
    Month::January,
    Month::February,
    Month::March,
    Month::April,
    Month::May,
    Month::June,
    Month::July,
    Month::August,
    Month::September,
    Month::October,
    Month::November,
    Month::December,
];

/// Full month names, January first.
fn month_names(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Lang::Fr => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        Lang::Es => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    }
}

/// The month a word names (folded, lower case), in any language, full or shortened to at least
/// three letters ("dec", "déc", "sept", "setiembre").
fn month_of(word: &str) -> Option<Month> {
    if word.len() < 3 {
        return None;
    }
    if word == "setiembre" {
        return Some(Month::September);
    }
    for lang in Lang::ALL {
        for (i, name) in month_names(lang).iter().enumerate() {
            let name = fold(name);
            if name == word || (name.starts_with(word) && word.len() >= 3) {
                // "mar" is March in English and Spanish, never "mars"' other reading; "ma" is too
                // short to be read at all, and "mai"/"may" are whole names.
                return Some(MONTHS[i]);
            }
        }
    }
    None
}

/// Lower case, accents removed.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

fn day(year: i32, month: Month, day: u32) -> Option<PartialDate> {
    let d = Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()?;
    Some(PartialDate::day(d))
}

fn month_only(year: i32, month: Month) -> Option<PartialDate> {
    Some(PartialDate {
        date: Date::from_calendar_date(year, month, 1).ok()?,
        precision: DatePrecision::Month,
    })
}

fn month_number(n: u32) -> Option<Month> {
    MONTHS.get(usize::try_from(n).ok()?.checked_sub(1)?).copied()
}

/// Reads `text` as a date typed by someone writing in `lang`.
pub fn parse(lang: Lang, text: &str) -> Result<PartialDate, DateError> {
    let trimmed = text.trim();
    if let Ok(d) = PartialDate::parse("date", trimmed) {
        return Ok(d);
    }
    numeric(lang, trimmed)
        .or_else(|| words(trimmed).map(Ok))
        .unwrap_or(Err(DateError::NotADate))
}

/// `29/12/2018`, `2018/12/29`, `12/2018` (also with `.` or `-`).
fn numeric(lang: Lang, text: &str) -> Option<Result<PartialDate, DateError>> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year = |i: usize| -> Option<i32> { (parts[i].len() == 4).then(|| i32::try_from(n[i]).ok()).flatten() };
    match n.len() {
        2 => {
            let y = year(1)?;
            Some(month_only(y, month_number(n[0])?).ok_or(DateError::NotADate))
        }
        3 if parts[0].len() == 4 => {
            let y = year(0)?;
            Some(day(y, month_number(n[1])?, n[2]).ok_or(DateError::NotADate))
        }
        3 => {
            let y = year(2)?;
            let dmy = month_number(n[1]).and_then(|m| day(y, m, n[0]));
            let mdy = month_number(n[0]).and_then(|m| day(y, m, n[1]));
            Some(match (lang, dmy, mdy) {
                (Lang::Fr | Lang::Es, Some(d), _) => Ok(d),
                (Lang::En, Some(a), Some(b)) if a != b => Err(DateError::Ambiguous(a, b)),
                (Lang::En, Some(d), _) | (Lang::En, None, Some(d)) => Ok(d),
                _ => Err(DateError::NotADate),
            })
        }
        _ => None,
    }
}

/// `29 décembre 2018`, `1er janvier 2018`, `29 de diciembre de 2018`, `December 29, 2018`,
/// `déc. 2018`.
fn words(text: &str) -> Option<PartialDate> {
    let folded = fold(text);
    let tokens: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "le" | "the" | "of"))
        .collect();
    let mut month = None;
    let mut year = None;
    let mut the_day = None;
    for token in tokens {
        let digits = token.trim_end_matches(['e', 'r', 's', 't', 'n', 'd', 'h', 'o', 'º', '°']);
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = Some(i32::try_from(n).ok()?);
            } else if digits.len() <= 2 && the_day.is_none() {
                the_day = Some(n);
            } else {
                return None;
            }
        } else if let Some(m) = month_of(token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else {
            return None;
        }
    }
    let (month, year) = (month?, year?);
    match the_day {
        Some(d) => day(year, month, d),
        None => month_only(year, month),
    }
}

/// `date` written in full in `lang`, to its precision.
pub fn format(lang: Lang, date: &PartialDate) -> String {
    let d = date.date;
    let month = month_names(lang)[usize::from(u8::from(d.month())) - 1];
    let year = d.year();
    match (date.precision, lang) {
        (DatePrecision::Year, _) => year.to_string(),
        (DatePrecision::Month, Lang::Es) => format!("{month} de {year}"),
        (DatePrecision::Month, _) => format!("{month} {year}"),
        (DatePrecision::Day, Lang::En) => format!("{} {month} {year}", d.day()),
        (DatePrecision::Day, Lang::Fr) if d.day() == 1 => format!("1er {month} {year}"),
        (DatePrecision::Day, Lang::Fr) => format!("{} {month} {year}", d.day()),
        (DatePrecision::Day, Lang::Es) => format!("{} de {month} de {year}", d.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate::day(Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap())
    }

    #[test]
    fn each_language_reads_what_its_people_type() {
        let dec29 = ymd(2018, 12, 29);
        for (lang, text) in [
            (Lang::Fr, "29/12/2018"),
            (Lang::Fr, "29 décembre 2018"),
            (Lang::Fr, "29 decembre 2018"),
            (Lang::Fr, "29.12.2018"),
            (Lang::Fr, "2018-12-29"),
            (Lang::Es, "29/12/2018"),
            (Lang::Es, "29 de diciembre de 2018"),
            (Lang::Es, "29 dic. 2018"),
            (Lang::En, "29/12/2018"),
            (Lang::En, "12/29/2018"),
            (Lang::En, "December 29, 2018"),
            (Lang::En, "29th Dec 2018"),
            (Lang::En, "2018/12/29"),
        ] {
            assert_eq!(parse(lang, text), Ok(dec29), "{lang:?} {text}");
        }
        assert_eq!(parse(Lang::Fr, "1er janvier 2019"), Ok(ymd(2019, 1, 1)));
        assert_eq!(
            parse(Lang::Fr, "03/04/2018"),
            Ok(ymd(2018, 4, 3)),
            "day first in French"
        );
        let month = parse(Lang::Es, "setiembre de 2015").unwrap();
        assert_eq!(month.precision, DatePrecision::Month);
        assert_eq!(format(Lang::Es, &month), "septiembre de 2015");
        assert_eq!(parse(Lang::En, "06/2015").unwrap().precision, DatePrecision::Month);
        assert_eq!(parse(Lang::En, "2015").unwrap().precision, DatePrecision::Year);
    }

    #[test]
    fn ambiguous_and_impossible_dates_are_refused_with_an_example() {
        let err = parse(Lang::En, "03/04/2018").unwrap_err();
        assert_eq!(err, DateError::Ambiguous(ymd(2018, 4, 3), ymd(2018, 3, 4)));
        let message = err.message(Lang::En, "03/04/2018");
        assert!(
            message.contains("3 April 2018") && message.contains("4 March 2018"),
            "{message}"
        );
        for (lang, text) in [
            (Lang::Fr, "31/02/2018"),
            (Lang::Fr, "29 brumaire 2018"),
            (Lang::Es, "mañana"),
            (Lang::En, "12/29"),
            (Lang::En, ""),
            (Lang::Fr, "29 décembre"),
        ] {
            assert_eq!(parse(lang, text), Err(DateError::NotADate), "{lang:?} {text:?}");
        }
        let message = DateError::NotADate.message(Lang::Fr, "29 brumaire 2018");
        assert!(
            message.contains("29 brumaire 2018") && message.contains("29/12/2018"),
            "{message}"
        );
    }

    #[test]
    fn dates_are_written_in_full_in_each_language() {
        let d = ymd(2018, 12, 29);
        assert_eq!(format(Lang::En, &d), "29 December 2018");
        assert_eq!(format(Lang::Fr, &d), "29 décembre 2018");
        assert_eq!(format(Lang::Es, &d), "29 de diciembre de 2018");
        assert_eq!(format(Lang::Fr, &ymd(2019, 1, 1)), "1er janvier 2019");
    }
}
