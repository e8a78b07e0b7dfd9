//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes and the view
//! types' `ToSchema` derives, so it cannot drift from the code.

use axum::Json;
use utoipa::OpenApi;

use super::schema::{
    CitationList, CountryList, DatasetItem, DatasetList, EditionList, ErrorBody, ErrorDetail, HighRiskList,
    InitiativeList, InitiativeWithNotes, MechanismList, MechanismWithNotes, NetworkList, SourceList,
};
use crate::views::analysis::HighRiskRow;
use crate::views::countries::{CountryDetail, CountryItem, CountryNetwork};
use crate::views::editions::{ContributorView, EditionDetail, EditionItem, PartView, ProfileView, PublisherView};
use crate::views::initiatives::{EvidenceView, InitiativeDetail, InitiativeItem, PartnerView, RatingView};
use crate::views::mechanisms::{
    ActivityView, FeaturedIn, FunctionView, InstrumentView, MechanismDetail, MechanismItem, MemberView, OrgRef,
    StatusView,
};
use crate::views::networks::{NetworkCountView, NetworkDetail, NetworkItem, NetworkMemberView};
use crate::views::sources::{CitationItem, CitedBy, SourceDetail, SourceItem};
use crate::views::{Cite, Note};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "NMP open data API",
        description = "Open data of the review \"National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes\": countries, national mechanisms, initiatives and their published outcome assessments, networks, editions, sources and citations. Every list is paginated (limit, offset; the total is in the answer) and also available as CSV with ?format=csv or a .csv path. Dates are ISO 8601 at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    paths(
        super::handlers::list_countries, super::handlers::get_country,
        super::handlers::list_mechanisms, super::handlers::get_mechanism,
        super::handlers::list_initiatives, super::handlers::get_initiative,
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
        InitiativeList, InitiativeWithNotes, InitiativeItem, InitiativeDetail, PartnerView, RatingView, EvidenceView,
    )),
    tags(
        (name = "countries", description = "UN member and observer states"),
        (name = "mechanisms", description = "National and other mechanisms for atrocity prevention"),
        (name = "initiatives", description = "National and regional initiatives for atrocity prevention, with the consensus ratings of their outcomes in published editions"),
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
