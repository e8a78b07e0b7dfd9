//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes and the view
//! types' `ToSchema` derives, so it cannot drift from the code.

use axum::Json;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use super::analysis::DatasetItem;
use crate::views::analysis::HighRiskRow;
use crate::views::countries::{CountryDetail, CountryItem, CountryNetwork};
use crate::views::editions::{ContributorView, EditionDetail, EditionItem, PartView, ProfileView, PublisherView};
use crate::views::mechanisms::{
    ActivityView, FeaturedIn, FunctionView, InstrumentView, MechanismDetail, MechanismItem, MemberView, OrgRef,
    StatusView,
};
use crate::views::networks::{NetworkCountView, NetworkDetail, NetworkItem, NetworkMemberView};
use crate::views::sources::{CitationItem, CitedBy, SourceDetail, SourceItem};
use crate::views::{Cite, Note};

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

list_type!(CountryList, CountryItem);
list_type!(MechanismList, MechanismItem);
list_type!(NetworkList, NetworkItem);
list_type!(EditionList, EditionItem);
list_type!(SourceList, SourceItem);
list_type!(CitationList, CitationItem);
list_type!(HighRiskList, HighRiskRow);
list_type!(DatasetList, DatasetItem);

/// A mechanism and the numbered notes its citations refer to.
#[derive(Serialize, ToSchema)]
pub(crate) struct MechanismWithNotes {
    /// The mechanism.
    pub mechanism: MechanismDetail,
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

#[derive(OpenApi)]
#[openapi(
    info(
        title = "NMP open data API",
        description = "Open data of the review \"National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes\": countries, national mechanisms, networks, editions, sources and citations. Every list is paginated (limit, offset; the total is in the answer) and also available as CSV with ?format=csv or a .csv path. Dates are ISO 8601 at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    paths(
        super::handlers::list_countries, super::handlers::get_country,
        super::handlers::list_mechanisms, super::handlers::get_mechanism,
        super::handlers::list_networks, super::handlers::get_network,
        super::handlers::list_editions, super::handlers::get_edition,
        super::handlers::list_sources, super::handlers::get_source,
        super::handlers::list_citations,
        super::analysis::indicators, super::analysis::high_risk, super::analysis::datasets,
    ),
    components(schemas(
        CountryList, MechanismList, NetworkList, EditionList, SourceList, CitationList, MechanismWithNotes, ErrorBody,
        ErrorDetail, CountryItem, CountryDetail, CountryNetwork, MechanismItem, MechanismDetail, StatusView, MemberView,
        FunctionView, ActivityView, InstrumentView, FeaturedIn, OrgRef, NetworkItem, NetworkDetail, NetworkMemberView,
        NetworkCountView, EditionItem, EditionDetail, PublisherView, ContributorView, PartView, ProfileView, SourceItem,
        SourceDetail, CitedBy, CitationItem, Cite, Note, HighRiskList, HighRiskRow, DatasetList, DatasetItem,
    )),
    tags(
        (name = "countries", description = "UN member and observer states"),
        (name = "mechanisms", description = "National and other mechanisms for atrocity prevention"),
        (name = "networks", description = "Regional and global networks of states"),
        (name = "editions", description = "Editions of the report"),
        (name = "sources", description = "The bibliography and the citations that tie facts to it"),
        (name = "analysis", description = "Indicators, external risk data and the highest-risk states"),
    )
)]
struct ApiDoc;

/// The OpenAPI document.
pub(crate) fn spec() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}

/// `GET /api/openapi.json`.
pub(crate) async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(spec())
}
