//! The validation error shared by every crate that checks user input.

/// A value failed a domain rule. `field` names what was wrong so a message can point at it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// The field, parameter or column that holds the bad value.
    pub field: String,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl ValidationError {
    /// A validation error for `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
