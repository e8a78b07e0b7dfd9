//! Controlled vocabularies. Each is a closed enum with a stable code (stored in the database and
//! the API, never translated) and an English label for pages and reports.
//!
//! Open vocabularies that editors extend (the mechanism functions) are data, not code: they live
//! in the `function` table and the starter dataset.

use crate::ValidationError;

/// Defines a vocabulary enum with `code()`, `label()`, `ALL` and `parse()`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal, $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = $label] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The English label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a code; the error names `field` and lists what is accepted.
            pub fn parse(field: &str, code: &str) -> Result<Self, $crate::ValidationError> {
                match code {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::ValidationError::new(field, format!(
                        "{code:?} is not one of: {}",
                        [$($code),+].join(", ")
                    ))),
                }
            }
        }

        impl $crate::vocab::Vocabulary for $name {
            fn from_code(code: &str) -> Option<Self> {
                $name::parse("", code).ok()
            }

            fn label(self) -> &'static str {
                $name::label(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(stringify!($name), &code).map_err(|e| serde::de::Error::custom(e.message))
            }
        }
    };
}
pub(crate) use vocabulary;

mod lists;

pub use lists::*;

/// What every closed vocabulary offers generically (implemented by `vocabulary!`).
pub trait Vocabulary: Sized + Copy {
    /// The value of a stable code, if it is one.
    fn from_code(code: &str) -> Option<Self>;
    /// The English label shown to readers.
    fn label(self) -> &'static str;
}

/// The English label of a vocabulary code, or the code itself when it is not in the vocabulary
/// (a row written before a vocabulary changed still shows something).
pub fn label<V: Vocabulary>(code: &str) -> String {
    V::from_code(code).map_or_else(|| code.to_string(), |v| v.label().to_string())
}

/// The codes and labels of the vocabulary called `name` (as the data dictionary names it, for
/// example `MechanismLevel`), in display order; `None` if there is no such vocabulary.
pub fn options(name: &str) -> Option<Vec<(&'static str, &'static str)>> {
    macro_rules! list {
        ($($v:ident),+) => {
            match name {
                $(stringify!($v) => Some($v::ALL.iter().map(|x| (x.code(), x.label())).collect()),)+
                _ => None,
            }
        };
    }
    list!(
        MechanismLevel,
        MechanismType,
        MechanismStatus,
        MemberRole,
        FunctionLevel,
        OrganizationKind,
        SourceKind,
        EditionKind,
        Language,
        EditionStatus,
        PublisherRole,
        ProfileSection,
        PartKind,
        ReviewState,
        AccountRole,
        Confidence,
        UnRegionalGroup,
        NetworkRole,
        UnStatus,
        InstrumentKind,
        NetworkKind,
        ContributorRole,
        Sector,
        ChangeAction,
        AssignmentState,
        RoundState,
        RiskTrend,
        QuestionKind,
        QuestionnaireStatus,
        InvitationState,
        MailStatus,
        EssayStage,
        EssayDecision,
        EssayAnonymity,
        EssayVersionKind,
        EssayCallStatus
    )
}

/// Checks an ISO 3166-1 alpha-3 code's shape (three upper-case ASCII letters).
pub fn validate_iso3(field: &str, code: &str) -> Result<(), ValidationError> {
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            format!("{code:?} is not an ISO 3166-1 alpha-3 code (three upper-case letters)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for v in OrganizationKind::ALL {
            assert_eq!(OrganizationKind::parse("kind", v.code()).unwrap(), *v);
        }
        let mut codes: Vec<_> = MechanismStatus::ALL.iter().map(|v| v.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 6);
    }

    #[test]
    fn unknown_code_names_field_and_lists_choices() {
        let err = MemberRole::parse("role", "boss").unwrap_err();
        assert_eq!(err.field, "role");
        assert!(
            err.message.contains("chair, member, observer, secretariat, partner"),
            "{}",
            err.message
        );
    }

    #[test]
    fn iso3_shape() {
        assert!(validate_iso3("country", "KEN").is_ok());
        assert!(validate_iso3("country", "ke").is_err());
        assert!(validate_iso3("country", "KENY").is_err());
    }
}

/// The English name of a UN geoscheme region or sub-region code (`eastern-africa` →
/// `Eastern Africa`, `south-eastern-asia` → `South-eastern Asia`).
pub fn geo_label(code: &str) -> String {
    if code == "south-eastern-asia" {
        return "South-eastern Asia".into();
    }
    code.split('-')
        .map(|word| match word {
            "and" | "the" | "of" => word.to_string(),
            _ => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod geo_tests {
    use super::geo_label;

    #[test]
    fn geo_codes_read_as_un_names() {
        assert_eq!(geo_label("eastern-africa"), "Eastern Africa");
        assert_eq!(geo_label("australia-and-new-zealand"), "Australia and New Zealand");
        assert_eq!(geo_label("south-eastern-asia"), "South-eastern Asia");
        assert_eq!(geo_label("americas"), "Americas");
    }
}
