//! Country targets and trends (issue 26): what a qualitative risk assessment adds to a round.
//! A round may rate countries at a date (`round_target.country_iso3`, `assessed_on`); a rating
//! or a consensus of a country carries a trend (`RiskTrend`: rising, steady, falling) besides its
//! level, and a rating or consensus of anything else carries none. The rest (blind submission,
//! evidence, reconciliation, agreement) is the outcome-assessment machinery unchanged.

use nmp_core::date::{DatePrecision, PartialDate};
use nmp_core::vocab::RiskTrend;
use sea_orm::EntityTrait;

use super::write::{NewRound, field};
use crate::Writer;
use crate::entity::country;
use crate::records::apply::ApplyError;
use crate::records::schema::FieldErrors;

/// Checks a trend given for a target: a `RiskTrend` code for a country (required), nothing for
/// an initiative or a mechanism. Returns the code to store.
pub(crate) fn check_trend(
    errors: &mut FieldErrors,
    name: &str,
    country: bool,
    given: &Option<String>,
) -> Option<String> {
    let given = given.as_deref().map(str::trim).filter(|t| !t.is_empty());
    match (country, given) {
        (true, None) => {
            field(errors, name, "choose the trend: rising, steady or falling");
            None
        }
        (true, Some(code)) => match RiskTrend::parse(name, code) {
            Ok(t) => Some(t.code().to_string()),
            Err(e) => {
                errors.push(e);
                None
            }
        },
        (false, Some(_)) => {
            field(errors, name, "a trend is rated only for a country");
            None
        }
        (false, None) => None,
    }
}

impl Writer {
    /// The countries of a new round (ISO3, upper case, each once, each in `country`) and the
    /// date their assessment stands for (a day, required when there are countries).
    pub(super) async fn round_countries(
        &self,
        errors: &mut FieldErrors,
        new: &NewRound,
    ) -> Result<(Vec<String>, Option<String>), ApplyError> {
        let mut countries: Vec<String> = Vec::new();
        for given in &new.countries {
            let iso3 = given.trim().to_ascii_uppercase();
            if countries.contains(&iso3) {
                field(errors, "countries", format!("{iso3} is listed twice"));
            } else if country::Entity::find_by_id(iso3.clone())
                .one(self.conn())
                .await?
                .is_some()
            {
                countries.push(iso3);
            } else {
                field(errors, "countries", format!("there is no country {given:?}"));
            }
        }
        let date = new.assessed_on.as_deref().map(str::trim).filter(|d| !d.is_empty());
        let assessed_on = match (countries.is_empty() && new.countries.is_empty(), date) {
            (true, None) => None,
            (true, Some(_)) => {
                field(errors, "assessed_on", "an assessment date is given only with countries");
                None
            }
            (false, None) => {
                field(
                    errors,
                    "assessed_on",
                    "give the date the country assessment stands for: YYYY-MM-DD",
                );
                None
            }
            (false, Some(d)) => match PartialDate::parse("assessed_on", d) {
                Ok(p) if p.precision == DatePrecision::Day => Some(d.to_string()),
                Ok(_) => {
                    field(errors, "assessed_on", "give a day: YYYY-MM-DD");
                    None
                }
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
        };
        Ok((countries, assessed_on))
    }
}
