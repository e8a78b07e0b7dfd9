//! The types the OpenAPI document names beside the views: a page of each list (with its facet
//! counts on the countries, mechanisms and sources), a mechanism and an
//! initiative with their notes, an imported dataset, and the error shape.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use crate::views::Note;
use crate::views::analysis::HighRiskRow;
use crate::views::countries::CountryItem;
use crate::views::editions::EditionItem;
use crate::views::facets::FacetValue;
use crate::views::initiatives::{InitiativeDetail, InitiativeItem};
use crate::views::mechanisms::{MechanismDetail, MechanismItem};
use crate::views::networks::NetworkItem;
use crate::views::risk_gap::GapItem;
use crate::views::sources::{CitationItem, SourceItem};

macro_rules! list_type {
    ($name:ident, $item:ty) => {
        /// A page of a list.
        #[derive(Serialize, ToSchema)]
        pub(crate) struct $name {
            /// The rows of this page.
            items: Vec<$item>,
            /// Rows matching the filters, over all pages.
            total: usize,
            /// Page size asked for.
            limit: usize,
            /// Rows skipped.
            offset: usize,
        }
    };
}

/// A page of a list with its facet counts.
macro_rules! faceted_list_type {
    ($name:ident, $item:ty) => {
        /// A page of a list, with each filter's values and their counts.
        #[derive(Serialize, ToSchema)]
        pub(crate) struct $name {
            /// The rows of this page.
            items: Vec<$item>,
            /// Rows matching the filters, over all pages.
            total: usize,
            /// Page size asked for.
            limit: usize,
            /// Rows skipped.
            offset: usize,
            /// Each filter (by parameter name) with its values and the rows each would select,
            /// the other filters given applied.
            facets: BTreeMap<String, Vec<FacetValue>>,
        }
    };
}

faceted_list_type!(CountryList, CountryItem);
faceted_list_type!(MechanismList, MechanismItem);
faceted_list_type!(SourceList, SourceItem);
list_type!(NetworkList, NetworkItem);
list_type!(EditionList, EditionItem);
list_type!(CitationList, CitationItem);
list_type!(HighRiskList, HighRiskRow);
list_type!(RiskGapList, GapItem);
list_type!(DatasetList, DatasetItem);
list_type!(InitiativeList, InitiativeItem);

/// A mechanism and the numbered notes its citations refer to.
#[derive(Serialize, ToSchema)]
pub(crate) struct MechanismWithNotes {
    /// The mechanism.
    pub mechanism: MechanismDetail,
    /// Numbered notes.
    pub notes: Vec<Note>,
}

/// An initiative and the numbered notes its citations and evidence refer to.
#[derive(Serialize, ToSchema)]
pub(crate) struct InitiativeWithNotes {
    /// The initiative, with its published consensus ratings (`ratings`).
    pub initiative: InitiativeDetail,
    /// Numbered notes.
    pub notes: Vec<Note>,
}

/// The error shape of every API error.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    error: ErrorDetail,
}

/// An error.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// `not_found`, `bad_parameter`, `internal`.
    code: String,
    /// What went wrong and what is accepted.
    message: String,
    /// The parameter at fault, when there is one.
    field: Option<String>,
}

/// An imported dataset.
#[derive(Serialize, ToSchema)]
pub(crate) struct DatasetItem {
    /// Slug.
    pub(crate) slug: String,
    /// Title.
    pub(crate) title: String,
    /// Publisher.
    pub(crate) publisher: String,
    /// Publisher's version.
    pub(crate) dataset_version: Option<String>,
    /// Where to get it.
    pub(crate) url: Option<String>,
    /// Licence as stated.
    pub(crate) licence: Option<String>,
    /// File imported.
    pub(crate) file_name: Option<String>,
    /// SHA-256 of that file.
    pub(crate) file_sha256: Option<String>,
    /// Indicator codes, `;`-separated.
    pub(crate) indicators: String,
}
