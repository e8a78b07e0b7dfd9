//! NMP's statistical risk model: pure computation, no database.
//!
//! - [`table`] reads a CSV file as text cells, columns found by name; [`coefficients`],
//!   [`forecasts`] and [`panel`] read the Early Warning Project's coefficient file, forecasts
//!   file and country-year panel with it, refusing bad input with file, row and column.
//! - [`apply`] computes risks from coefficients (linear predictor, then the logistic function).
//! - [`enet`] fits an elastic-net logistic regression as R's glmnet does (standardised
//!   predictors, a path of penalties with warm starts, IRLS with coordinate descent, k-fold
//!   cross-validation choosing `lambda.min`).
//! - [`restore`] recovers the digits a rounded coefficient file lost, from the panel it was fitted on.
//! - [`refit`] builds the training set and the forecast from a panel and fits the model.
//! - [`stats`] compares two rankings (Spearman's rank correlation, overlap of the top k).
//! - [`release`] finds the model's files in an EWP release directory.
#![forbid(unsafe_code)]

pub mod apply;
pub mod coefficients;
pub mod enet;
mod error;
pub mod forecasts;
pub mod panel;
pub mod refit;
pub mod release;
pub mod restore;
pub mod stats;
pub mod table;

pub use error::RiskError;
