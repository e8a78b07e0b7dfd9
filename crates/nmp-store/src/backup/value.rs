//! One cell between the database and the file. In the file a cell is JSON in the engine-neutral
//! form of its column's [`Kind`]: `integer` a JSON integer; `real` the number's shortest text that
//! reads back to the same bits (`"0.1"`, `"1e300"`, `"NaN"`), since JSON numbers do not promise
//! that; `text` a string; `boolean` `true`/`false`; `timestamp` RFC 3339 text with its offset and
//! every fractional digit; `bytes` standard base64; `null` for NULL. Reading goes through the
//! column's [`Native`] type on this engine, binding back through the same, so either engine stores
//! what the other wrote.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sea_orm::{DbErr, QueryResult, Value};
use serde_json::Value as Json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::Kind;
use super::catalog::Native;

/// The cell at `index` of a row read from the database, in its file form.
pub(crate) fn read(row: &QueryResult, index: usize, native: Native) -> Result<Json, DbErr> {
    fn get<T: sea_orm::TryGetable>(row: &QueryResult, index: usize) -> Result<Option<T>, DbErr> {
        row.try_get_by_index::<Option<T>>(index)
    }
    Ok(match native {
        Native::I16 => get::<i16>(row, index)?.map(|v| Json::from(i64::from(v))),
        Native::I32 => get::<i32>(row, index)?.map(|v| Json::from(i64::from(v))),
        Native::I64 => get::<i64>(row, index)?.map(Json::from),
        Native::F32 => get::<f32>(row, index)?.map(|v| Json::String(real_text(f64::from(v)))),
        Native::F64 => get::<f64>(row, index)?.map(|v| Json::String(real_text(v))),
        Native::Text => get::<String>(row, index)?.map(Json::String),
        Native::Bool => get::<bool>(row, index)?.map(Json::Bool),
        Native::Timestamp => match get::<OffsetDateTime>(row, index)? {
            Some(t) => Some(Json::String(t.format(&Rfc3339).map_err(|e| {
                DbErr::Custom(format!("timestamp {t} cannot be written as RFC 3339: {e}"))
            })?)),
            None => None,
        },
        Native::Bytes => get::<Vec<u8>>(row, index)?.map(|b| Json::String(STANDARD.encode(b))),
    }
    .unwrap_or(Json::Null))
}

/// A real number as the shortest text that parses back to the same `f64`.
fn real_text(v: f64) -> String {
    format!("{v:?}")
}

/// A file cell of a column of `kind` as the value to bind for a column read as `native`, or what
/// is wrong with it.
pub(crate) fn bind(cell: &Json, kind: Kind, native: Native) -> Result<Value, String> {
    let null = cell.is_null();
    let text = || {
        cell.as_str()
            .ok_or_else(|| format!("{cell} is not a {} (expected a JSON string)", kind.name()))
    };
    let integer = || cell.as_i64().ok_or_else(|| format!("{cell} is not an integer"));
    if kind != native.kind() {
        return Err(format!(
            "a value of type {} cannot go into a column of type {}",
            kind.name(),
            native.kind().name()
        ));
    }
    Ok(match native {
        Native::I16 => Value::SmallInt(if null {
            None
        } else {
            let i = integer()?;
            Some(i16::try_from(i).map_err(|_| format!("{i} is too large for this column"))?)
        }),
        Native::I32 => Value::Int(if null {
            None
        } else {
            let i = integer()?;
            Some(i32::try_from(i).map_err(|_| format!("{i} is too large for this column"))?)
        }),
        Native::I64 => Value::BigInt(if null { None } else { Some(integer()?) }),
        Native::F32 => Value::Float(if null { None } else { Some(real(text()?)? as f32) }),
        Native::F64 => Value::Double(if null { None } else { Some(real(text()?)?) }),
        Native::Text => Value::String(if null { None } else { Some(text()?.to_string()) }),
        Native::Bool => Value::Bool(if null {
            None
        } else {
            Some(cell.as_bool().ok_or_else(|| format!("{cell} is not true or false"))?)
        }),
        Native::Timestamp => Value::TimeDateTimeWithTimeZone(if null {
            None
        } else {
            let t = text()?;
            Some(OffsetDateTime::parse(t, &Rfc3339).map_err(|e| format!("{t:?} is not an RFC 3339 timestamp: {e}"))?)
        }),
        Native::Bytes => Value::Bytes(if null {
            None
        } else {
            Some(
                STANDARD
                    .decode(text()?)
                    .map_err(|e| format!("the bytes are not valid base64: {e}"))?,
            )
        }),
    })
}

fn real(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .map_err(|_| format!("{text:?} is not a real number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_keep_every_bit() {
        for v in [
            0.1,
            1.0 / 3.0,
            -2.5e-308,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.0,
            -0.0,
            123_456_789.123_456_79,
        ] {
            let cell = Json::String(real_text(v));
            let Value::Double(Some(back)) = bind(&cell, Kind::Real, Native::F64).unwrap() else {
                panic!("a double")
            };
            assert_eq!(back.to_bits(), v.to_bits(), "{v}");
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let Value::Double(Some(back)) = bind(&Json::String(real_text(v)), Kind::Real, Native::F64).unwrap() else {
                panic!("a double")
            };
            assert_eq!(back.to_bits(), v.to_bits(), "{v}");
        }
    }

    #[test]
    fn cells_of_the_wrong_shape_are_named() {
        assert_eq!(
            bind(&Json::from("x"), Kind::Integer, Native::I32).unwrap_err(),
            "\"x\" is not an integer"
        );
        assert_eq!(
            bind(&Json::from(3_000_000_000i64), Kind::Integer, Native::I32).unwrap_err(),
            "3000000000 is too large for this column"
        );
        assert!(
            bind(&Json::from("2024-13-01T00:00:00Z"), Kind::Timestamp, Native::Timestamp)
                .unwrap_err()
                .contains("is not an RFC 3339 timestamp")
        );
        assert_eq!(
            bind(&Json::from(1), Kind::Integer, Native::Text).unwrap_err(),
            "a value of type integer cannot go into a column of type text"
        );
        assert_eq!(
            bind(&Json::Null, Kind::Timestamp, Native::Timestamp).unwrap(),
            Value::TimeDateTimeWithTimeZone(None)
        );
    }
}
