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
            format!(
                "{value:?} is not a slug (lower-case letters, digits and single hyphens, at most 100 characters)"
            ),
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
    }
}
