//! The API's query parameters, each declared once ([`Param`]), and the set each endpoint takes
//! (`CountryQuery`, ...). A handler parses its query with its set's `PARAMS`, and its
//! `#[utoipa::path]` names the same set (`params(CountryQuery)`), which describes them through
//! [`IntoParams`]: a parameter the server takes is a parameter the document lists, with the same
//! codes and bounds. The page filters (`/countries`, `/mechanisms`, `/initiatives`) use the same
//! declarations.

use nmp_core::vocab::{MechanismLevel, MechanismStatus, MechanismType, SourceKind, UnRegionalGroup};
use nmp_store::Store;
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterIn};

use crate::WebError;
use crate::params::{Accepts, DataCodes, FORMAT, LIMIT, OFFSET, Param, Params};
use crate::views::{analysis, initiatives};

/// The UN geoscheme regions.
pub(crate) const REGIONS: &[&str] = &["africa", "americas", "asia", "europe", "oceania"];

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| code(*v)).collect()
}

pub(crate) const REGION: Param = Param {
    name: "region",
    accepts: Accepts::Codes(|| REGIONS.to_vec()),
    description: "UN geoscheme region (of the country)",
};
pub(crate) const GROUP: Param = Param {
    name: "group",
    accepts: Accepts::Codes(|| codes(UnRegionalGroup::ALL, UnRegionalGroup::code)),
    description: "UN regional group (of the country)",
};
pub(crate) const NETWORK: Param = Param {
    name: "network",
    accepts: Accepts::Text,
    description: "Slug of a network the country belongs to, any case",
};
pub(crate) const HAS_MECHANISM: Param = Param {
    name: "has_mechanism",
    accepts: Accepts::YesNo,
    description: "Whether the country has a national mechanism",
};
pub(crate) const COUNTRY: Param = Param {
    name: "country",
    accepts: Accepts::Text,
    description: "ISO 3166-1 alpha-3 code of the country, any case",
};
pub(crate) const LEVEL: Param = Param {
    name: "level",
    accepts: Accepts::Codes(|| codes(MechanismLevel::ALL, MechanismLevel::code)),
    description: "Level of the mechanism",
};
pub(crate) const TYPE: Param = Param {
    name: "type",
    accepts: Accepts::Codes(|| codes(MechanismType::ALL, MechanismType::code)),
    description: "Type of the mechanism",
};
pub(crate) const STATUS: Param = Param {
    name: "status",
    accepts: Accepts::Codes(|| codes(MechanismStatus::ALL, MechanismStatus::code)),
    description: "Latest status of the mechanism",
};
pub(crate) const KIND: Param = Param {
    name: "kind",
    accepts: Accepts::Data(DataCodes::InitiativeKinds),
    description: "Kind of initiative (the kinds are data; a wrong code is answered with the list)",
};
pub(crate) const MECHANISM: Param = Param {
    name: "mechanism",
    accepts: Accepts::Text,
    description: "Slug of the mechanism that runs or carries the initiative",
};
pub(crate) const ENTITY: Param = Param {
    name: "entity",
    accepts: Accepts::Text,
    description: "Only citations of this table (mechanism, network_membership, ...)",
};
pub(crate) const SOURCE: Param = Param {
    name: "source",
    accepts: Accepts::Text,
    description: "Only citations of this source (its slug)",
};
pub(crate) const SOURCE_KIND: Param = Param {
    name: "kind",
    accepts: Accepts::Codes(|| codes(SourceKind::ALL, SourceKind::code)),
    description: "Kind of source",
};
pub(crate) const LANGUAGE: Param = Param {
    name: "language",
    accepts: Accepts::Text,
    description: "ISO 639-1 code of the source's language, any case",
};
pub(crate) const EDITION: Param = Param {
    name: "edition",
    accepts: Accepts::Data(DataCodes::EditionsOrAll),
    description: "Edition slug (default: the latest), or `all` for all data recorded",
};
pub(crate) const TOP: Param = Param {
    name: "top",
    accepts: Accepts::Number {
        min: 1,
        max: 200,
        default: 30,
    },
    description: "How many of the highest ranks",
};

pub(crate) const RISK_SOURCE: Param = Param {
    name: "source",
    accepts: Accepts::Data(DataCodes::RiskSources),
    description: "The forecast: the slug of an imported Early Warning Project release (`ewp-<year>`) or of a forecast NMP computed (`nmp-risk-...`, NMP's computation); default: the latest Early Warning Project release",
};

/// The parameters whose codes are data, filled in when the document is served.
pub(crate) const DATA_PARAMS: &[&Param] = &[&KIND, &EDITION, &RISK_SOURCE];

/// The codes a [`DataCodes`] list holds now.
pub(crate) async fn data_codes(store: &Store, which: DataCodes) -> Result<Vec<String>, WebError> {
    Ok(match which {
        DataCodes::InitiativeKinds => initiatives::kinds(store).await?.into_iter().map(|k| k.code).collect(),
        DataCodes::EditionsOrAll => analysis::editions(store)
            .await?
            .into_iter()
            .map(|e| e.slug)
            .chain(["all".to_string()])
            .collect(),
        DataCodes::RiskSources => store.forecasts().await?.into_iter().map(|f| f.slug).collect(),
    })
}

/// The value of a parameter whose codes are data ([`Accepts::Data`]), checked against the codes
/// the store holds now.
pub(crate) async fn data_choice(store: &Store, params: &Params, param: &Param) -> Result<Option<String>, WebError> {
    let Accepts::Data(which) = param.accepts else {
        return Err(WebError::Internal(format!("parameter {} is not data", param.name)));
    };
    let codes = data_codes(store, which).await?;
    params.choice_in(param, &codes.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Declares a set of parameters: a type that documents them ([`IntoParams`]) and their list
/// (`PARAMS`) for [`crate::params::Params::parse`]. `List, ListCsv: A, B` declares a list's two
/// sets: `List` takes `A, B`, `limit`, `offset` and `format`; `ListCsv` (its `.csv` path) the same
/// without `format`.
macro_rules! query {
    ($(#[$doc:meta])* $name:ident = [$($param:ident),* $(,)?]) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl $name {
            /// The parameters, in the order the document lists them.
            pub(crate) const PARAMS: &'static [&'static Param] = &[$(&$param),*];
        }

        impl IntoParams for $name {
            fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
                Self::PARAMS.iter().map(|p| p.openapi(None)).collect()
            }
        }
    };
    ($json:ident, $csv:ident: $($param:ident),* $(,)?) => {
        query!(
            /// A list's parameters.
            $json = [$($param,)* LIMIT, OFFSET, FORMAT]
        );
        query!(
            /// A list's parameters on its `.csv` path.
            $csv = [$($param,)* LIMIT, OFFSET]
        );
    };
}

query!(PageQuery, PageCsvQuery:);
query!(CountryQuery, CountryCsvQuery: REGION, GROUP, NETWORK, HAS_MECHANISM);
query!(MechanismQuery, MechanismCsvQuery: COUNTRY, REGION, GROUP, LEVEL, TYPE, STATUS);
query!(InitiativeQuery, InitiativeCsvQuery: COUNTRY, REGION, KIND, MECHANISM);
query!(CitationQuery, CitationCsvQuery: ENTITY, SOURCE);
query!(SourceQuery, SourceCsvQuery: SOURCE_KIND, LANGUAGE);
query!(
    /// The high-risk list's parameters.
    HighRiskQuery = [TOP, LIMIT, OFFSET, FORMAT]
);
query!(RiskGapQuery, RiskGapCsvQuery: RISK_SOURCE);
query!(
    /// The EWP series' parameters.
    EwpSeriesQuery = [COUNTRY]
);
query!(
    /// The indicators' parameters.
    IndicatorQuery = [EDITION]
);

pub(crate) const SEARCH_Q: Param = Param {
    name: "q",
    accepts: Accepts::Text,
    description: "What to search for: words (all must match, stemmed in English, French and Spanish, accents ignored), \"a phrase\", a prefix*, OR, -word to exclude; at most 500 characters are read, control characters are ignored, and what cannot be read is searched as words",
};
pub(crate) const SEARCH_KIND: Param = Param {
    name: "kind",
    accepts: Accepts::Text,
    description: "Only hits of this kind: country, mechanism, initiative, organization, network, edition, edition_part, profile, source, document (the text of a source's archived file); a kind that does not exist matches nothing and says so",
};
pub(crate) const SEARCH_COUNTRY: Param = Param {
    name: "country",
    accepts: Accepts::Text,
    description: "Only hits about this country (ISO 3166-1 alpha-3 code, any case)",
};
pub(crate) const SEARCH_REGION: Param = Param {
    name: "region",
    accepts: Accepts::Text,
    description: "Only hits about a country of this UN geoscheme region (africa, americas, asia, europe, oceania)",
};
pub(crate) const SEARCH_GROUP: Param = Param {
    name: "group",
    accepts: Accepts::Text,
    description: "Only hits about a country of this UN regional group (african, asia_pacific, eastern_european, grulac, weog)",
};
pub(crate) const SEARCH_EDITION: Param = Param {
    name: "edition",
    accepts: Accepts::Text,
    description: "Only hits of this edition (its slug): the edition, its parts and profiles",
};
pub(crate) const SEARCH_LANGUAGE: Param = Param {
    name: "language",
    accepts: Accepts::Text,
    description: "Only sources and documents in this language (ISO 639-1 code: en, fr, es, ...)",
};
pub(crate) const SEARCH_YEAR: Param = Param {
    name: "year",
    accepts: Accepts::Text,
    description: "Only hits of this year (a source's publication, an edition's period, a mechanism's creation)",
};
pub(crate) const SEARCH_LIMIT: Param = Param {
    name: "limit",
    accepts: Accepts::Number {
        min: 1,
        max: 200,
        default: 50,
    },
    description: "How many hits at most",
};

pub(crate) const SEARCH_COUNTS: Param = Param {
    name: "counts",
    accepts: Accepts::Codes(|| vec!["all", "total", "none"]),
    description: "What is counted besides the best hits: all (the default: the total and every facet value's count), total (no facets), none (no total either: `total` is null and `facets` empty; the fastest answer, for clients that only want the best hits)",
};

query!(
    /// The search's parameters (the pages `/search` and `/staff/search` take the same).
    SearchQuery = [
        SEARCH_Q,
        SEARCH_KIND,
        SEARCH_COUNTRY,
        SEARCH_REGION,
        SEARCH_GROUP,
        SEARCH_EDITION,
        SEARCH_LANGUAGE,
        SEARCH_YEAR,
        SEARCH_LIMIT,
        SEARCH_COUNTS
    ]
);

/// The search parameters from checked parameters.
pub(crate) fn search_params(p: &Params) -> Result<crate::views::search::SearchParams, WebError> {
    use nmp_search::Dim;
    let dims = [
        (Dim::Kind, &SEARCH_KIND),
        (Dim::Country, &SEARCH_COUNTRY),
        (Dim::Region, &SEARCH_REGION),
        (Dim::Group, &SEARCH_GROUP),
        (Dim::Edition, &SEARCH_EDITION),
        (Dim::Language, &SEARCH_LANGUAGE),
        (Dim::Year, &SEARCH_YEAR),
    ];
    let filters = dims
        .into_iter()
        .filter_map(|(dim, param)| {
            let v = p.get(param)?.trim();
            let v = if dim == Dim::Country {
                v.to_ascii_uppercase()
            } else {
                v.to_string()
            };
            Some((dim, v))
        })
        .collect();
    Ok(crate::views::search::SearchParams {
        q: p.get(&SEARCH_Q).unwrap_or_default().to_string(),
        filters,
        limit: usize::try_from(p.number(&SEARCH_LIMIT)?).unwrap_or(50),
        counts: match p.choice(&SEARCH_COUNTS)?.as_deref() {
            Some("none") => nmp_search::Counts::None,
            Some("total") => nmp_search::Counts::Total,
            _ => nmp_search::Counts::All,
        },
    })
}
