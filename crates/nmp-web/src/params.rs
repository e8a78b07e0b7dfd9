//! Query parameters, checked strictly: an unknown parameter, a repeated one or a bad value is a 400
//! that names the parameter and says what it accepts.

use std::collections::BTreeMap;

use crate::WebError;

/// Parsed query parameters.
#[derive(Debug, Default)]
pub(crate) struct Params {
    values: BTreeMap<String, String>,
}

/// Pagination of a list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page {
    pub limit: usize,
    pub offset: usize,
}

/// The most rows one request returns.
pub(crate) const MAX_LIMIT: usize = 1000;
const DEFAULT_LIMIT: usize = 100;

impl Params {
    /// Parses `raw` (the query string). `allowed` lists the accepted names; when `strict`, any
    /// other name is an error (the API), otherwise it is ignored (pages, which may carry tracking
    /// parameters from links).
    pub(crate) fn parse(raw: Option<&str>, allowed: &[&str], strict: bool) -> Result<Params, WebError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|_| WebError::bad_param("query", "the query string is not valid URL encoding"))?;
        let mut values = BTreeMap::new();
        for (key, value) in pairs {
            if !allowed.contains(&key.as_str()) {
                if strict {
                    return Err(WebError::bad_param(
                        &key,
                        &format!("unknown parameter; this endpoint accepts: {}", allowed.join(", ")),
                    ));
                }
                continue;
            }
            if values.insert(key.clone(), value).is_some() {
                return Err(WebError::bad_param(&key, "given more than once"));
            }
        }
        Ok(Params { values })
    }

    /// The value of `name`, if given and not empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// A value that must be one of `choices`.
    pub(crate) fn choice(&self, name: &str, choices: &[&str]) -> Result<Option<String>, WebError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) if choices.contains(&v) => Ok(Some(v.to_string())),
            Some(v) => Err(WebError::bad_param(
                name,
                &format!("{v:?} is not one of: {}", choices.join(", ")),
            )),
        }
    }

    /// `yes`/`no` (also `true`/`false`).
    pub(crate) fn yes_no(&self, name: &str) -> Result<Option<bool>, WebError> {
        match self.get(name) {
            None => Ok(None),
            Some("yes" | "true") => Ok(Some(true)),
            Some("no" | "false") => Ok(Some(false)),
            Some(v) => Err(WebError::bad_param(name, &format!("{v:?} is not yes or no"))),
        }
    }

    fn number(&self, name: &str, max: usize) -> Result<Option<usize>, WebError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= max => Ok(Some(n)),
                _ => Err(WebError::bad_param(
                    name,
                    &format!("{v:?} is not a whole number from 0 to {max}"),
                )),
            },
        }
    }

    /// `limit` (1 to 1000, default 100) and `offset` (default 0).
    pub(crate) fn page(&self) -> Result<Page, WebError> {
        let limit = self.number("limit", MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 {
            return Err(WebError::bad_param(
                "limit",
                &format!("0 is not a whole number from 1 to {MAX_LIMIT}"),
            ));
        }
        Ok(Page {
            limit,
            offset: self.number("offset", usize::MAX / 2)?.unwrap_or(0),
        })
    }

    /// Whether CSV was asked for with `format=csv` (`format=json` is the default).
    pub(crate) fn wants_csv(&self) -> Result<bool, WebError> {
        Ok(self.choice("format", &["json", "csv"])?.as_deref() == Some("csv"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: WebError) -> String {
        match e {
            WebError::BadParam { param, .. } => param,
            other => panic!("{other}"),
        }
    }

    #[test]
    fn strictness_and_messages() {
        let p = Params::parse(Some("region=africa&limit=5"), &["region", "limit"], true).unwrap();
        assert_eq!(p.get("region"), Some("africa"));
        assert_eq!(p.page().unwrap().limit, 5);
        assert_eq!(
            field(Params::parse(Some("colour=red"), &["region"], true).unwrap_err()),
            "colour"
        );
        assert!(Params::parse(Some("colour=red"), &["region"], false).is_ok());
        assert_eq!(field(Params::parse(Some("a=1&a=2"), &["a"], true).unwrap_err()), "a");
        for bad in ["limit=0", "limit=-1", "limit=1001", "limit=x", "offset=1e3"] {
            let p = Params::parse(Some(bad), &["limit", "offset"], true).unwrap();
            assert!(p.page().is_err(), "{bad}");
        }
        let p = Params::parse(Some("has_mechanism=maybe"), &["has_mechanism"], true).unwrap();
        assert_eq!(field(p.yes_no("has_mechanism").unwrap_err()), "has_mechanism");
    }
}
