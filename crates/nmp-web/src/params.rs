//! Query parameters, each declared once as a [`Param`]: its name, what it accepts (codes, or a
//! whole number with its bounds and default) and its description. The handlers parse with the
//! declarations and the OpenAPI document describes the same ones ([`Param::openapi`]), so the
//! bounds a client reads are the bounds the server checks.
//!
//! Checked strictly on the API: an unknown parameter, a repeated one, an empty value or a bad
//! value is a 400 that names the parameter and says what it accepts. Pages are lenient with what
//! links and forms carry: unknown names are ignored and an empty value (a form's "any" choice)
//! counts as not given; a list page's filter form ([`Params::parse_form`]) keeps a bad value as a
//! [`Problem`] to show beside the form instead of failing. Codes are accepted in any case
//! (`Africa` is `africa`), and the document says so with a case-insensitive pattern.

use std::collections::BTreeMap;
use std::sync::Mutex;

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, Required};

use crate::WebError;

/// What a parameter accepts.
#[derive(Clone, Copy)]
pub(crate) enum Accepts {
    /// One of a fixed list of codes.
    Codes(fn() -> Vec<&'static str>),
    /// One of the codes the data holds now (the document lists them as they are when served).
    Data(DataCodes),
    /// `yes` or `no` (also `true` or `false`).
    YesNo,
    /// A whole number from `min` to `max`; `default` when not given.
    Number {
        /// Smallest accepted.
        min: u64,
        /// Largest accepted.
        max: u64,
        /// The value when the parameter is not given.
        default: u64,
    },
    /// Any text that is not empty (a slug or code that selects rows; unknown ones select none).
    Text,
}

/// Code lists that are data, read from the store when a request is checked or the document is
/// served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DataCodes {
    /// The codes of the initiative kinds.
    InitiativeKinds,
    /// The slugs of the editions, and `all`.
    EditionsOrAll,
    /// The slugs of the forecast datasets (`ewp-*`, `nmp-risk-*`).
    RiskSources,
}

/// One query parameter.
pub(crate) struct Param {
    /// Its name in the query string.
    pub name: &'static str,
    /// What it accepts.
    pub accepts: Accepts,
    /// What it does, for the document (the accepted values and bounds are added to it).
    pub description: &'static str,
}

/// `yes`/`no` and their synonyms.
const YES_NO: &[&str] = &["yes", "no", "true", "false"];

/// Rows per page of a list.
pub(crate) const LIMIT: Param = Param {
    name: "limit",
    accepts: Accepts::Number {
        min: 1,
        max: 1000,
        default: 100,
    },
    description: "Rows per page",
};

/// Rows of a list to skip.
pub(crate) const OFFSET: Param = Param {
    name: "offset",
    accepts: Accepts::Number {
        min: 0,
        max: i64::MAX as u64,
        default: 0,
    },
    description: "Rows to skip",
};

/// JSON or CSV.
pub(crate) const FORMAT: Param = Param {
    name: "format",
    accepts: Accepts::Codes(|| vec!["json", "csv"]),
    description: "The answer's format: json (the default) or csv (the total is then in the X-Total-Count header)",
};

impl Param {
    /// The accepted codes of a fixed list, `yes`/`no`, or `None`.
    fn fixed_codes(&self) -> Option<Vec<&'static str>> {
        match self.accepts {
            Accepts::Codes(codes) => Some(codes()),
            Accepts::YesNo => Some(YES_NO.to_vec()),
            _ => None,
        }
    }

    /// The parameter as the OpenAPI document describes it: an optional query parameter whose
    /// schema carries the codes, or the bounds and default, the server checks. A [`Accepts::Data`]
    /// parameter's codes are `data` when given (the document served), else left open.
    pub(crate) fn openapi(&self, data: Option<&[String]>) -> Parameter {
        let mut description = self.description.to_string();
        let schema = match self.accepts {
            Accepts::Number { min, max, default } => {
                description.push_str(&format!(": a whole number from {min} to {max} (default {default})"));
                ObjectBuilder::new()
                    .schema_type(SchemaType::new(Type::Integer))
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .minimum(Some(min as usize))
                    .maximum(Some(max as usize))
                    .default(Some(default.into()))
            }
            Accepts::Codes(_) | Accepts::YesNo => {
                let codes = self.fixed_codes().unwrap_or_default();
                description.push_str(&format!(": one of {} (any case)", codes.join(", ")));
                codes_schema(&codes)
            }
            // No codes yet (no forecast imported): any value is a well-formed request that finds
            // nothing (404), so the schema is an open string until there are codes.
            Accepts::Data(_) => match data.filter(|codes| !codes.is_empty()) {
                Some(codes) => {
                    description.push_str(&format!(": one of {} (any case)", codes.join(", ")));
                    codes_schema(codes)
                }
                None => ObjectBuilder::new()
                    .schema_type(SchemaType::new(Type::String))
                    .min_length(Some(1)),
            },
            Accepts::Text => ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .min_length(Some(1)),
        };
        ParameterBuilder::new()
            .name(self.name)
            .parameter_in(ParameterIn::Query)
            .required(Required::False)
            .description(Some(description))
            .schema(Some(schema))
            .build()
    }
}

/// A string schema accepting `codes` in any case: a pattern (`[aA][fF]...`), with the codes
/// themselves as its examples.
fn codes_schema<S: AsRef<str>>(codes: &[S]) -> ObjectBuilder {
    let alternatives: Vec<String> = codes
        .iter()
        .map(|code| {
            code.as_ref()
                .chars()
                .map(|c| {
                    let (lower, upper) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
                    if lower != upper {
                        format!("[{lower}{upper}]")
                    } else if r".^$*+?()[]{}|\/".contains(c) {
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .pattern(Some(format!("^(?:{})$", alternatives.join("|"))))
        .examples(codes.iter().map(|c| serde_json::Value::from(c.as_ref())))
}

/// A bad value in a page's filter form, shown beside the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The parameter.
    pub param: String,
    /// What is wrong and what is accepted.
    pub message: String,
}

/// Parsed query parameters.
#[derive(Debug, Default)]
pub(crate) struct Params {
    values: BTreeMap<String, String>,
    /// `Some` for a page's filter form ([`Params::parse_form`]): bad values are kept here.
    problems: Option<Mutex<Vec<Problem>>>,
}

/// Pagination of a list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    /// `(limit, offset)` as the store's list reads take them: no limit (every row from the
    /// first) when there is no page.
    pub(crate) fn bounds(page: Option<Page>) -> (Option<u64>, u64) {
        let wide = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        match page {
            Some(p) => (Some(wide(p.limit)), wide(p.offset)),
            None => (None, 0),
        }
    }
}

impl Params {
    /// Parses `raw` (the query string) against the parameters `accepted`. When `strict` (the
    /// API), any other name and an empty value are errors; otherwise (pages, which may carry
    /// tracking parameters from links, and forms whose "any" choice is empty) other names are
    /// ignored and an empty value is as if not given.
    pub(crate) fn parse(raw: Option<&str>, accepted: &[&Param], strict: bool) -> Result<Params, WebError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|_| WebError::bad_param("query", "the query string is not valid URL encoding"))?;
        let mut values = BTreeMap::new();
        for (key, value) in pairs {
            if !accepted.iter().any(|p| p.name == key) {
                if strict {
                    let names: Vec<&str> = accepted.iter().map(|p| p.name).collect();
                    let known = if names.is_empty() {
                        "this endpoint takes no parameters".to_string()
                    } else {
                        format!("this endpoint accepts: {}", names.join(", "))
                    };
                    return Err(WebError::bad_param(&key, &format!("unknown parameter; {known}")));
                }
                continue;
            }
            if strict && value.is_empty() {
                return Err(WebError::bad_param(
                    &key,
                    "the value is empty; give a value or leave the parameter out",
                ));
            }
            if values.insert(key.clone(), value).is_some() {
                return Err(WebError::bad_param(&key, "given more than once"));
            }
        }
        Ok(Params { values, problems: None })
    }

    /// Parses a page's filter form: as [`Params::parse`] for a page, but a bad value is kept as a
    /// [`Problem`] (see [`Params::problems`]) and the filter counts as not given, so the page
    /// shows the form again with the problem explained.
    pub(crate) fn parse_form(raw: Option<&str>, accepted: &[&Param]) -> Result<Params, WebError> {
        let mut p = Params::parse(raw, accepted, false)?;
        p.problems = Some(Mutex::new(Vec::new()));
        Ok(p)
    }

    /// The bad values of a filter form, in the order they were found.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        self.problems
            .as_ref()
            .map(|m| m.lock().map(|v| v.clone()).unwrap_or_default())
            .unwrap_or_default()
    }

    /// `error` (a bad parameter) kept as a problem of a filter form, or returned as it is. The
    /// problem says `shown()`: the error's message in the page's language (the API, which gets
    /// the error, keeps its English).
    pub(crate) fn keep(&self, error: WebError, shown: impl FnOnce() -> String) -> Result<(), WebError> {
        match (&self.problems, error) {
            (Some(list), WebError::BadParam { param, .. }) => {
                if let Ok(mut v) = list.lock() {
                    v.push(Problem {
                        param,
                        message: shown(),
                    });
                }
                Ok(())
            }
            (_, e) => Err(e),
        }
    }

    /// The value of `param`, if given and not empty.
    pub(crate) fn get(&self, param: &Param) -> Option<&str> {
        self.values
            .get(param.name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A value that must be one of `param`'s fixed codes.
    pub(crate) fn choice(&self, param: &Param) -> Result<Option<String>, WebError> {
        let codes = param.fixed_codes().unwrap_or_default();
        self.choice_in(param, &codes)
    }

    /// A value that must be one of `codes` (a [`Accepts::Data`] parameter's codes now).
    /// Codes match in any case; the answer is the code as listed. On a filter form a bad value
    /// is kept as a problem and counts as not given.
    pub(crate) fn choice_in(&self, param: &Param, codes: &[&str]) -> Result<Option<String>, WebError> {
        match self.get(param) {
            None => Ok(None),
            Some(v) => match codes.iter().find(|c| c.eq_ignore_ascii_case(v.trim())) {
                Some(code) => Ok(Some(code.to_string())),
                None => self
                    .keep(
                        WebError::bad_param(param.name, &format!("{v:?} is not one of: {}", codes.join(", "))),
                        || not_one_of(v, codes),
                    )
                    .map(|()| None),
            },
        }
    }

    /// `yes`/`no` (also `true`/`false`).
    pub(crate) fn yes_no(&self, param: &Param) -> Result<Option<bool>, WebError> {
        Ok(self.choice(param)?.map(|v| v == "yes" || v == "true"))
    }

    /// A whole number within `param`'s bounds, or its default.
    pub(crate) fn number(&self, param: &Param) -> Result<u64, WebError> {
        let Accepts::Number { min, max, default } = param.accepts else {
            return Err(WebError::Internal(format!("parameter {} is not a number", param.name)));
        };
        match self.get(param) {
            None => Ok(default),
            Some(v) => v
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| v.parse::<u64>().ok())
                .flatten()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| {
                    WebError::bad_param(param.name, &format!("{v:?} is not a whole number from {min} to {max}"))
                }),
        }
    }

    /// [`LIMIT`] and [`OFFSET`].
    pub(crate) fn page(&self) -> Result<Page, WebError> {
        let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        Ok(Page {
            limit: size(self.number(&LIMIT)?),
            offset: size(self.number(&OFFSET)?),
        })
    }

    /// Whether CSV was asked for with `format=csv` (`format=json` is the default).
    pub(crate) fn wants_csv(&self) -> Result<bool, WebError> {
        Ok(self.choice(&FORMAT)?.as_deref() == Some("csv"))
    }
}

/// A filter form's problem with a value that is not one of `codes`, in the page's language.
pub(crate) fn not_one_of<S: AsRef<str>>(value: &str, codes: &[S]) -> String {
    let codes: Vec<&str> = codes.iter().map(AsRef::as_ref).collect();
    crate::lang::ta(
        "ls-problem-not-one-of",
        &[("value", &format!("{value:?}")), ("codes", &codes.join(", "))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGION: Param = Param {
        name: "region",
        accepts: Accepts::Codes(|| vec!["africa", "asia"]),
        description: "Region",
    };
    const FLAG: Param = Param {
        name: "has_mechanism",
        accepts: Accepts::YesNo,
        description: "Flag",
    };

    fn field(e: WebError) -> String {
        match e {
            WebError::BadParam { param, .. } => param,
            other => panic!("{other}"),
        }
    }

    #[test]
    fn strictness_and_messages() {
        let p = Params::parse(Some("region=africa&limit=5"), &[&REGION, &LIMIT], true).unwrap();
        assert_eq!(p.get(&REGION), Some("africa"));
        assert_eq!(p.page().unwrap().limit, 5);
        assert_eq!(
            field(Params::parse(Some("colour=red"), &[&REGION], true).unwrap_err()),
            "colour"
        );
        assert!(Params::parse(Some("colour=red"), &[&REGION], false).is_ok());
        assert_eq!(
            field(Params::parse(Some("region=africa&region=asia"), &[&REGION], true).unwrap_err()),
            "region"
        );
        for bad in ["limit=0", "limit=-1", "limit=1001", "limit=x", "limit=+5", "offset=1e3"] {
            let p = Params::parse(Some(bad), &[&LIMIT, &OFFSET], true).unwrap();
            assert!(p.page().is_err(), "{bad}");
        }
        let p = Params::parse(Some("has_mechanism=maybe"), &[&FLAG], true).unwrap();
        assert_eq!(field(p.yes_no(&FLAG).unwrap_err()), "has_mechanism");
    }

    #[test]
    fn empty_values_are_refused_by_the_api_and_ignored_by_pages() {
        for query in ["limit=", "region=", "region=&limit=5"] {
            let e = Params::parse(Some(query), &[&REGION, &LIMIT], true).unwrap_err();
            assert!(e.to_string().contains("empty"), "{query}: {e}");
        }
        assert_eq!(
            field(Params::parse(Some("limit="), &[&LIMIT], true).unwrap_err()),
            "limit"
        );
        let lenient = Params::parse(Some("region=&limit="), &[&REGION, &LIMIT], false).unwrap();
        assert_eq!(lenient.choice(&REGION).unwrap(), None);
        assert_eq!(lenient.page().unwrap().limit, 100);
    }

    #[test]
    fn the_bounds_checked_are_the_bounds_documented() {
        let doc = serde_json::to_value(LIMIT.openapi(None)).unwrap();
        assert_eq!(doc["schema"]["minimum"], 1);
        assert_eq!(doc["schema"]["maximum"], 1000);
        assert_eq!(doc["schema"]["default"], 100);
        let message = |q: &str| {
            Params::parse(Some(q), &[&LIMIT], true)
                .unwrap()
                .page()
                .unwrap_err()
                .to_string()
        };
        assert!(
            message("limit=1001").contains("from 1 to 1000"),
            "{}",
            message("limit=1001")
        );
        assert!(message("limit=0").contains("from 1 to 1000"));
        let codes = serde_json::to_value(FLAG.openapi(None)).unwrap();
        assert_eq!(
            codes["schema"]["examples"],
            serde_json::json!(["yes", "no", "true", "false"])
        );
        assert_eq!(
            codes["schema"]["pattern"],
            "^(?:[yY][eE][sS]|[nN][oO]|[tT][rR][uU][eE]|[fF][aA][lL][sS][eE])$"
        );
    }

    #[test]
    fn codes_match_in_any_case_and_forms_keep_bad_values_as_problems() {
        let p = Params::parse(Some("region=Africa"), &[&REGION], true).unwrap();
        assert_eq!(p.choice(&REGION).unwrap().as_deref(), Some("africa"));
        let p = Params::parse(Some("region=ASIA"), &[&REGION], true).unwrap();
        assert_eq!(p.choice(&REGION).unwrap().as_deref(), Some("asia"));
        let p = Params::parse(Some("has_mechanism=Yes"), &[&FLAG], true).unwrap();
        assert_eq!(p.yes_no(&FLAG).unwrap(), Some(true));
        let strict = Params::parse(Some("region=mars"), &[&REGION], true).unwrap();
        assert_eq!(field(strict.choice(&REGION).unwrap_err()), "region");
        let form = Params::parse_form(Some("region=mars&has_mechanism=no"), &[&REGION, &FLAG]).unwrap();
        assert_eq!(form.choice(&REGION).unwrap(), None);
        assert_eq!(form.yes_no(&FLAG).unwrap(), Some(false));
        let problems = form.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].param, "region");
        assert!(problems[0].message.contains("africa, asia"), "{problems:?}");
    }
}
