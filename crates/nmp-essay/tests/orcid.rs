//! ORCID iDs: forms accepted, the check digit, messages, serde.

use nmp_essay::orcid::{Orcid, OrcidError};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};

const KNOWN: [&str; 3] = ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"];

#[test]
fn known_ids_are_accepted_in_canonical_form() {
    for id in KNOWN {
        let orcid = Orcid::parse(id).expect(id);
        assert_eq!(orcid.as_str(), id);
        assert_eq!(orcid.to_string(), id);
        assert_eq!(orcid.url(), format!("https://orcid.org/{id}"));
    }
}

#[test]
fn urls_spaces_and_lowercase_x_are_accepted() {
    let cases = [
        ("  0000-0002-1825-0097\n", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("http://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("HTTPS://ORCID.ORG/0000-0002-1694-233x", "0000-0002-1694-233X"),
        (" https://orcid.org/0000-0002-1694-233X/ ", "0000-0002-1694-233X"),
    ];
    for (given, canonical) in cases {
        let orcid = Orcid::parse(given).unwrap_or_else(|e| panic!("{given:?}: {e}"));
        assert_eq!(orcid.as_str(), canonical, "{given:?}");
    }
}

#[test]
fn a_bad_check_digit_names_the_right_one() {
    let error = Orcid::parse("0000-0002-1825-0098").unwrap_err();
    assert_eq!(
        error,
        OrcidError::CheckDigit {
            given: "0000-0002-1825-0098".to_string(),
            expected: '7'
        }
    );
    assert_eq!(
        error.to_string(),
        "\"0000-0002-1825-0098\" has a bad check digit: the last character should be 7"
    );
    // X stands for ten.
    let error = Orcid::parse("0000-0002-1694-2330").unwrap_err();
    assert!(error.to_string().ends_with("should be X"), "{error}");
    // A transposition is caught.
    assert!(matches!(
        Orcid::parse("0000-0002-1852-0097"),
        Err(OrcidError::CheckDigit { .. })
    ));
}

#[test]
fn wrong_shapes_and_characters_are_refused_with_the_text_given() {
    assert_eq!(Orcid::parse("   "), Err(OrcidError::Empty));
    for bad in [
        "0000000218250097",
        "0000-0002-1825-009",
        "0000-0002-1825-00977",
        "0000-0002-1825",
        "0000-0002-1825-0097-0000",
        "0000 0002 1825 0097",
        "https://example.org/0000-0002-1825-0097",
    ] {
        let error = Orcid::parse(bad).unwrap_err();
        assert!(matches!(error, OrcidError::Shape { .. }), "{bad:?}: {error:?}");
        assert!(error.to_string().contains(bad), "{error}");
        assert!(error.to_string().contains("four groups of four"), "{error}");
    }
    let error = Orcid::parse("0000-000X-1825-0097").unwrap_err();
    assert_eq!(
        error,
        OrcidError::Character {
            given: "0000-000X-1825-0097".to_string(),
            character: 'X'
        }
    );
    assert!(error.to_string().contains("only the last character may be X"));
    assert!(matches!(
        Orcid::parse("0000-0002-1825-009a"),
        Err(OrcidError::Character { character: 'a', .. })
    ));
}

#[test]
fn from_str_matches_parse() {
    let orcid: Orcid = "orcid.org/0000-0002-1825-0097".parse().unwrap();
    assert_eq!(orcid, Orcid::parse("0000-0002-1825-0097").unwrap());
    assert!("nope".parse::<Orcid>().is_err());
}

#[test]
fn deserializes_from_a_string_and_checks_it() {
    let de: StrDeserializer<'_, ValueError> = "https://orcid.org/0000-0002-1825-0097".into_deserializer();
    let orcid = Orcid::deserialize(de).unwrap();
    assert_eq!(orcid.as_str(), "0000-0002-1825-0097");
    let de: StrDeserializer<'_, ValueError> = "0000-0002-1825-0098".into_deserializer();
    let error = Orcid::deserialize(de).unwrap_err();
    assert!(error.to_string().contains("bad check digit"), "{error}");
}

#[test]
fn serializes_as_its_canonical_string() {
    use serde::Serialize;
    use serde::ser::{Impossible, Serializer};

    /// A serializer that accepts only a string, enough to see what `Orcid` writes.
    struct OnlyStr;
    #[derive(Debug)]
    struct NotAStr;
    impl std::fmt::Display for NotAStr {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("not a string")
        }
    }
    impl std::error::Error for NotAStr {}
    impl serde::ser::Error for NotAStr {
        fn custom<T: std::fmt::Display>(_msg: T) -> Self {
            NotAStr
        }
    }
    macro_rules! refuse {
        ($($name:ident($($t:ty),*)),*) => {
            $(fn $name(self, $(_: $t),*) -> Result<String, NotAStr> { Err(NotAStr) })*
        };
    }
    impl Serializer for OnlyStr {
        type Ok = String;
        type Error = NotAStr;
        type SerializeSeq = Impossible<String, NotAStr>;
        type SerializeTuple = Impossible<String, NotAStr>;
        type SerializeTupleStruct = Impossible<String, NotAStr>;
        type SerializeTupleVariant = Impossible<String, NotAStr>;
        type SerializeMap = Impossible<String, NotAStr>;
        type SerializeStruct = Impossible<String, NotAStr>;
        type SerializeStructVariant = Impossible<String, NotAStr>;
        fn serialize_str(self, v: &str) -> Result<String, NotAStr> {
            Ok(v.to_string())
        }
        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_char(char),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str)
        );
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<String, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<String, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<String, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotAStr> {
            Err(NotAStr)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotAStr> {
            Err(NotAStr)
        }
    }

    let orcid = Orcid::parse("orcid.org/0000-0002-1694-233x").unwrap();
    assert_eq!(orcid.serialize(OnlyStr).unwrap(), "0000-0002-1694-233X");
}
