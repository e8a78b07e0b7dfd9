//! The crate's one error type: bad input names its file, row and column; a fit that does not
//! converge says so.

/// What can go wrong reading the files or fitting the model.
#[derive(Debug, thiserror::Error)]
pub enum RiskError {
    /// A problem in an input file. `row` counts the header as row 1.
    #[error("{file}{}{}: {message}", row.map(|r| format!(":{r}")).unwrap_or_default(), column.as_ref().map(|c| format!(": column {c}")).unwrap_or_default())]
    File {
        /// The file, as the user named it.
        file: String,
        /// The row (header = 1), when one row is at fault.
        row: Option<usize>,
        /// The column, when one column is at fault.
        column: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The solver did not converge: nothing is returned and the previous model stands.
    #[error("the fit did not converge: {0}")]
    NotConverged(String),
    /// A parameter or a data set the model cannot use (named in the message).
    #[error("{0}")]
    Invalid(String),
}

impl RiskError {
    /// A problem in `file` at `row` (header = 1) and `column`.
    pub fn at(file: &str, row: Option<usize>, column: Option<&str>, message: impl Into<String>) -> RiskError {
        RiskError::File {
            file: file.to_string(),
            row,
            column: column.map(str::to_string),
            message: message.into(),
        }
    }
}
