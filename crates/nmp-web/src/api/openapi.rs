//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` attributes (the routes
//! are registered from the same attributes, see [`super::routes`]), the query parameters'
//! declarations ([`super::query`]) and the view types' `ToSchema` derives, so it cannot drift
//! from the code. The codes that are data (initiative kinds, edition slugs) are filled in from
//! the store when the document is served.

use std::sync::LazyLock;

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{OpenApi as Document, RefOr};
use utoipa::{Modify, OpenApi};

use super::listing::ApiError;
use super::query::{DATA_PARAMS, data_codes};
use super::schema::{
    CitationList, CountryList, DatasetItem, DatasetList, EditionList, ErrorBody, ErrorDetail, HighRiskList,
    InitiativeList, InitiativeWithNotes, MechanismList, MechanismWithNotes, NetworkList, SourceList,
};
use crate::AppState;
use crate::params::Accepts;
use crate::views::analysis::HighRiskRow;
use crate::views::countries::{CountryDetail, CountryItem, CountryNetwork};
use crate::views::editions::{ContributorView, EditionDetail, EditionItem, PartView, ProfileView, PublisherView};
use crate::views::facets::FacetValue;
use crate::views::initiatives::{EvidenceView, InitiativeDetail, InitiativeItem, PartnerView, RatingView};
use crate::views::mechanisms::{
    ActivityView, FeaturedIn, FunctionView, InstrumentView, MechanismDetail, MechanismItem, MemberView, OrgRef,
    StatusView,
};
use crate::views::networks::{NetworkCountView, NetworkDetail, NetworkItem, NetworkMemberView};
use crate::views::risk::{AgreementView, RiskAssessmentView, RiskFactorView};
use crate::views::sources::{CitationItem, CitedBy, SourceDetail, SourceItem};
use crate::views::{Cite, Note};
use crate::workspace::api::{
    ChangeError, ChangeErrorBody, CitationBody, FieldProblem, Patch, ProposalView, Proposed, RecordView, Saved,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "NMP open data API",
        description = "Open data of the review \"National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes\": countries, national mechanisms, initiatives and their published outcome assessments, networks, editions, sources and citations. Every list is paginated (limit, offset; the total is in the answer) and also available as CSV with ?format=csv or a .csv path. Dates are ISO 8601 at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    components(schemas(
        CountryList, MechanismList, NetworkList, EditionList, SourceList, CitationList, MechanismWithNotes, ErrorBody,
        ErrorDetail, CountryItem, CountryDetail, CountryNetwork, MechanismItem, MechanismDetail, StatusView, MemberView,
        FunctionView, ActivityView, InstrumentView, FeaturedIn, OrgRef, NetworkItem, NetworkDetail, NetworkMemberView,
        NetworkCountView, EditionItem, EditionDetail, PublisherView, ContributorView, PartView, ProfileView, SourceItem,
        SourceDetail, CitedBy, CitationItem, Cite, Note, HighRiskList, HighRiskRow, DatasetList, DatasetItem,
        InitiativeList, InitiativeWithNotes, InitiativeItem, InitiativeDetail, PartnerView, RatingView, EvidenceView,
        Patch, CitationBody, RecordView, Saved, Proposed, ProposalView, ChangeErrorBody, ChangeError, FieldProblem,
        RiskAssessmentView, RiskFactorView, AgreementView,
        FacetValue,
    )),
    modifiers(&SecuritySchemes),
    tags(
        (name = "countries", description = "UN member and observer states, each with its latest qualitative risk assessment along the UN Framework of Analysis for Atrocity Crimes where one is reconciled and released"),
        (name = "mechanisms", description = "National and other mechanisms for atrocity prevention"),
        (name = "initiatives", description = "National and regional initiatives for atrocity prevention, with the consensus ratings of their outcomes in published editions"),
        (name = "networks", description = "Regional and global networks of states"),
        (name = "editions", description = "Editions of the report"),
        (name = "sources", description = "The bibliography and the citations that tie facts to it"),
        (name = "search", description = "Full-text search over the records and the text of archived source files, with facet counts"),
        (name = "analysis", description = "Indicators, external risk data and the highest-risk states"),
        (name = "workspace", description = "The staff workspace's JSON API: changes to records, by a signed-in person with their session's CSRF token"),
        (name = "document", description = "This document"),
    )
)]
struct ApiDoc;

/// The workspace's sign-in: the session cookie and the session's CSRF token in a header.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "nmp_session",
                "The session cookie set by signing in at /login",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                "The session's CSRF token (the csrf field of any workspace form)",
            ))),
        );
    }
}

/// The document's info, shared schemas, tags and security schemes; [`super::routes`] adds the
/// operations.
pub(crate) fn base() -> Document {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc
}

/// The OpenAPI document, with the codes that are data left open.
pub(crate) fn spec() -> Document {
    static SPEC: LazyLock<Document> = LazyLock::new(|| super::routes().into_openapi());
    SPEC.clone()
}

/// `GET /api/openapi.json`.
#[utoipa::path(get, path = "/api/openapi.json", tag = "document",
    responses((status = 200, description = "This OpenAPI document", body = Object)))]
pub(crate) async fn document(State(s): State<AppState>) -> Result<Response, ApiError> {
    let mut doc = spec();
    // Only the declared parameter itself: another endpoint's parameter of the same name (the
    // search's `kind`, any text) keeps its own description.
    for param in DATA_PARAMS {
        let Accepts::Data(which) = param.accepts else { continue };
        let codes = data_codes(&s.store, which).await?;
        for item in doc.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                for p in operation.parameters.iter_mut().flatten() {
                    // Matched by name and description: two parameters may share a name (`kind` of the
                    // initiatives and of `/sources`, `source` of the citations and of the risk gap).
                    if let RefOr::T(p) = p
                        && p.name == param.name
                        && p.parameter_in == ParameterIn::Query
                        && p.description
                            .as_deref()
                            .is_some_and(|d| d.starts_with(param.description))
                    {
                        *p = param.openapi(Some(&codes));
                    }
                }
            }
        }
    }
    Ok(Json(doc).into_response())
}
