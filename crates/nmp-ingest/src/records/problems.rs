//! The problems found in one sheet of an import file, each with its row and column, in the
//! order they were found.

use crate::CellProblem;

/// Problems of one sheet, collected in order.
pub(super) struct Problems {
    pub(super) sheet: String,
    pub(super) list: Vec<CellProblem>,
}

impl Problems {
    pub(super) fn add(&mut self, row: usize, column: Option<String>, message: impl Into<String>) {
        self.list.push(CellProblem {
            sheet: self.sheet.clone(),
            row,
            column,
            message: message.into(),
        });
    }
}
