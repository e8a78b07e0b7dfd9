//! Dates with an explicit precision: sources often give only a year ("2012") or a month
//! ("June 2015"). A [`PartialDate`] keeps the first day of that period and says how precise it is,
//! so "2012" is never shown or exported as "2012-01-01".

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::ValidationError;

crate::vocab::vocabulary! {
    /// How much of a date the source gives.
    DatePrecision {
        Day => "day", "Day",
        Month => "month", "Month",
        Year => "year", "Year",
    }
}

/// A date known to a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The first day of the period the source gives.
    pub date: Date,
    /// How much of `date` is known.
    pub precision: DatePrecision,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(field: &str, text: &str) -> Result<Self, ValidationError> {
        let bad = || ValidationError::new(field, format!("{text:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |s: &str, len: usize| -> Result<i32, ValidationError> {
            if s.len() == len && s.chars().all(|c| c.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts.first().copied().unwrap_or(""), 4)?;
        let month = match parts.get(1) {
            Some(m) => Month::try_from(u8::try_from(num(m, 2)?).map_err(|_| bad())?).map_err(|_| bad())?,
            None => Month::January,
        };
        let day = match parts.get(2) {
            Some(d) => u8::try_from(num(d, 2)?).map_err(|_| bad())?,
            None => 1,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        let date = Date::from_calendar_date(year, month, day).map_err(|_| bad())?;
        let precision = match parts.len() {
            1 => DatePrecision::Year,
            2 => DatePrecision::Month,
            _ => DatePrecision::Day,
        };
        Ok(Self { date, precision })
    }

    /// A date known to the day.
    pub fn day(date: Date) -> Self {
        Self {
            date,
            precision: DatePrecision::Day,
        }
    }
}

impl fmt::Display for PartialDate {
    /// Writes only what is known: `2012`, `2015-06` or `2014-12-05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.date.year(), u8::from(self.date.month()), self.date.day());
        match self.precision {
            DatePrecision::Year => write!(f, "{y:04}"),
            DatePrecision::Month => write!(f, "{y:04}-{m:02}"),
            DatePrecision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PartialDate::parse("date", &text).map_err(|e| serde::de::Error::custom(e.message))
    }
}

/// The year an edition stands for: its slug when it is a year (`2017`), else the year of its
/// publication date (partial date text).
pub fn edition_year(slug: &str, published_on: Option<&str>) -> Option<i32> {
    slug.parse().ok().or_else(|| {
        published_on
            .and_then(|p| PartialDate::parse("published_on", p).ok())
            .map(|d| d.date.year())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_only_what_is_known() {
        for (text, precision) in [
            ("2012", DatePrecision::Year),
            ("2015-06", DatePrecision::Month),
            ("2014-12-05", DatePrecision::Day),
        ] {
            let d = PartialDate::parse("created_on", text).unwrap();
            assert_eq!(d.precision, precision);
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates_naming_the_field() {
        for bad in ["", "12", "2015-13", "2015-02-30", "2015-6", "2015-06-01-01", "20x5"] {
            let err = PartialDate::parse("launched_on", bad).unwrap_err();
            assert_eq!(err.field, "launched_on", "{bad:?}");
        }
    }

    #[test]
    fn an_edition_stands_for_its_slug_year_or_its_publication_year() {
        assert_eq!(super::edition_year("2017", Some("2018-02")), Some(2017));
        assert_eq!(super::edition_year("spring", Some("2024-03")), Some(2024));
        assert_eq!(super::edition_year("spring", None), None);
    }
}
