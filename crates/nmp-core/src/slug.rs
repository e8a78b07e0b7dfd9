//! Slugs: the stable, lower-case, URL-safe keys of records (`us-atrocities-prevention-board`).

use crate::ValidationError;

/// Checks that `value` is a slug: 1 to 100 characters of `a-z`, `0-9` and single inner hyphens.
pub fn validate(field: &str, value: &str) -> Result<(), ValidationError> {
    let ok_chars = value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let ok_shape = !value.is_empty()
        && value.len() <= 100
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if ok_chars && ok_shape {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            format!("{value:?} is not a slug (lower-case letters, digits and single hyphens, at most 100 characters)"),
        ))
    }
}

/// Checks that `value` is a vocabulary code: 1 to 64 characters of `a-z`, `0-9` and `_`,
/// starting with a letter (`risk_assessment_early_warning`).
pub fn validate_code(field: &str, value: &str) -> Result<(), ValidationError> {
    let ok = value.len() <= 64
        && value.starts_with(|c: char| c.is_ascii_lowercase())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            format!("{value:?} is not a code (lower-case letters, digits and underscores, starting with a letter)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::validate;

    #[test]
    fn accepts_slugs_and_rejects_the_rest() {
        assert!(validate("slug", "us-atrocities-prevention-board").is_ok());
        assert!(validate("slug", "2017").is_ok());
        for bad in ["", "Upper", "a--b", "-a", "a-", "a b", "é"] {
            let err = validate("slug", bad).unwrap_err();
            assert_eq!(err.field, "slug", "{bad}");
        }
        assert!(super::validate_code("code", "risk_assessment_early_warning").is_ok());
        assert!(super::validate_code("code", "Risk").is_err());
        assert!(super::validate_code("code", "1st").is_err());
    }
}
