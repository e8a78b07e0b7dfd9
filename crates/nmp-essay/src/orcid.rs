//! ORCID iDs (<https://orcid.org>): an essay's authors are named by theirs. An iD is sixteen
//! characters in four groups of four, `0000-0002-1825-0097`; the last is a check digit
//! (ISO 7064 MOD 11-2, `X` standing for ten). [`Orcid::parse`] takes what people paste — the
//! bare iD, with spaces around it, or its URL — and keeps the bare, canonical form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ORCID iD in its canonical form, `0000-0002-1825-0097` (an `x` check digit is kept as `X`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Orcid(String);

/// Why a text is not an ORCID iD; each message quotes the text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrcidError {
    /// Nothing was given.
    #[error("the ORCID iD is empty")]
    Empty,
    /// Not four groups of four characters separated by hyphens.
    #[error(
        "{given:?} is not an ORCID iD: it should be sixteen digits in four groups of four \
         separated by hyphens, like 0000-0002-1825-0097"
    )]
    Shape {
        /// The text given (without surrounding spaces).
        given: String,
    },
    /// A character other than a digit (or an `X` as the last character).
    #[error(
        "{given:?} is not an ORCID iD: {character:?} is not a digit (only the last character \
         may be X)"
    )]
    Character {
        /// The text given (without surrounding spaces).
        given: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// The check digit does not match the other fifteen digits.
    #[error("{given:?} has a bad check digit: the last character should be {expected}")]
    CheckDigit {
        /// The text given (without surrounding spaces).
        given: String,
        /// The check digit the first fifteen digits call for.
        expected: char,
    },
}

/// The prefixes of an iD's URL, tried in this order (compared without regard to case).
const URL_PREFIXES: [&str; 3] = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"];

impl Orcid {
    /// Reads an iD: `0000-0002-1825-0097`, with spaces around it, or as
    /// `https://orcid.org/0000-0002-1825-0097` (also `http://` or no scheme). Checks the shape
    /// and the check digit.
    pub fn parse(text: &str) -> Result<Orcid, OrcidError> {
        let given = text.trim();
        if given.is_empty() {
            return Err(OrcidError::Empty);
        }
        let mut id = given;
        for prefix in URL_PREFIXES {
            if let Some(head) = id.get(..prefix.len())
                && head.eq_ignore_ascii_case(prefix)
            {
                id = &id[prefix.len()..];
                break;
            }
        }
        let id = id.trim_end_matches('/');
        let shape = || OrcidError::Shape {
            given: given.to_string(),
        };
        let groups: Vec<&str> = id.split('-').collect();
        if groups.len() != 4 || groups.iter().any(|g| g.chars().count() != 4) {
            return Err(shape());
        }
        let chars: Vec<char> = groups.concat().chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let last = i == chars.len() - 1;
            if !(c.is_ascii_digit() || (last && (c == 'X' || c == 'x'))) {
                return Err(OrcidError::Character {
                    given: given.to_string(),
                    character: c,
                });
            }
        }
        let expected = check_digit(&chars[..15]);
        let actual = chars[15].to_ascii_uppercase();
        if actual != expected {
            return Err(OrcidError::CheckDigit {
                given: given.to_string(),
                expected,
            });
        }
        let canonical = groups.join("-").to_ascii_uppercase();
        Ok(Orcid(canonical))
    }

    /// The canonical form, `0000-0002-1825-0097`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The iD's page, `https://orcid.org/0000-0002-1825-0097`.
    pub fn url(&self) -> String {
        format!("https://orcid.org/{}", self.0)
    }
}

/// The ISO 7064 MOD 11-2 check character of fifteen digits (`X` for ten).
fn check_digit(digits: &[char]) -> char {
    let total = digits
        .iter()
        .filter_map(|c| c.to_digit(10))
        .fold(0u32, |total, d| (total + d) * 2);
    let result = (12 - total % 11) % 11;
    if result == 10 {
        'X'
    } else {
        char::from_digit(result, 10).unwrap_or('0')
    }
}

impl fmt::Display for Orcid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Orcid {
    type Err = OrcidError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Orcid::parse(s)
    }
}

impl AsRef<str> for Orcid {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Orcid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Orcid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Orcid::parse(&text).map_err(serde::de::Error::custom)
    }
}
