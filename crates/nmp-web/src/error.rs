//! The web layer's one error type. Pages get an HTML error page, `/api` and `/healthz` a JSON body
//! `{"error": {"code", "message", "field"}}`. Internal errors are logged and shown to the client
//! only as a plain message.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

/// Errors a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page or record.
    #[error("{0}")]
    NotFound(String),
    /// A query parameter is unknown or has a bad value.
    #[error("parameter {param}: {message}")]
    BadParam {
        /// The parameter.
        param: String,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] nmp_store::StoreError),
    /// Anything else that went wrong on our side.
    #[error("{0}")]
    Internal(String),
    /// A public page's 404 or 400 whose message is already in the request's language (the
    /// page's own words, not a record's): the error page shows it as it is.
    #[error("{message}")]
    Page {
        /// 404 or 400.
        status: StatusCode,
        /// What is wrong, in the request's language.
        message: String,
    },
    /// A template failed to render.
    #[error(transparent)]
    Render(#[from] askama::Error),
}

/// The error page, in the request's language: its heading and frame translated, the message too
/// when it is one of the site's own (a page's, an unknown address, a failure on our side);
/// otherwise the message is shown in English and marked so (`message_en`).
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    /// Before the message: "parameter edition:" (a bad parameter).
    lead: Option<String>,
    message: String,
    /// Whether the message is English on a French or Spanish page.
    message_en: bool,
}

/// The English prefix of the 404 of an unknown address (`routes::pages`), whose path follows.
const NO_PAGE: &str = "There is no page at ";

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl WebError {
    /// A bad parameter error.
    pub(crate) fn bad_param(param: &str, message: &str) -> Self {
        WebError::BadParam {
            param: param.to_string(),
            message: message.to_string(),
        }
    }

    /// A public page's error in the request's language (see [`WebError::Page`]).
    pub(crate) fn page(status: StatusCode, message: String) -> Self {
        WebError::Page { status, message }
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            WebError::Page { status, .. } if *status == StatusCode::NOT_FOUND => (*status, "not_found"),
            WebError::Page { status, .. } => (*status, "bad_parameter"),
            WebError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            WebError::BadParam { .. } => (StatusCode::BAD_REQUEST, "bad_parameter"),
            WebError::Store(nmp_store::StoreError::NotFound { .. }) => (StatusCode::NOT_FOUND, "not_found"),
            WebError::Store(nmp_store::StoreError::Conflict { .. }) => (StatusCode::CONFLICT, "conflict"),
            // A published edition's rows are locked: the edit conflicts with its publication.
            WebError::Store(nmp_store::StoreError::Locked { .. }) => (StatusCode::CONFLICT, "locked"),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    fn public_message(&self) -> String {
        match self.status_and_code().0 {
            StatusCode::INTERNAL_SERVER_ERROR => {
                tracing::error!(error = %self, "request failed");
                "Something went wrong on our side; it has been logged.".into()
            }
            _ => self.to_string(),
        }
    }

    /// The error as a JSON response.
    pub fn json(self) -> Response {
        let (status, code) = self.status_and_code();
        let field = match &self {
            WebError::BadParam { param, .. } => Some(param.clone()),
            _ => None,
        };
        let body = Body {
            error: Detail {
                code,
                message: self.public_message(),
                field: field.as_deref(),
            },
        };
        (status, axum::Json(body)).into_response()
    }
}

impl WebError {
    /// The error page's lead, message and whether the message is in the request's language.
    fn page_message(&self) -> (Option<String>, String, bool) {
        use crate::lang::{t, ta};
        match self {
            WebError::Page { message, .. } => (None, message.clone(), true),
            _ if self.status_and_code().0 == StatusCode::INTERNAL_SERVER_ERROR => {
                let _logged = self.public_message();
                (None, t("err-internal"), true)
            }
            WebError::NotFound(m) => match m.strip_prefix(NO_PAGE).and_then(|p| p.strip_suffix('.')) {
                Some(path) => (None, ta("err-no-page", &[("path", path)]), true),
                None => (None, m.clone(), false),
            },
            WebError::BadParam { param, message } => {
                (Some(ta("err-bad-param", &[("param", param)])), message.clone(), false)
            }
            _ => (None, self.public_message(), false),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, _) = self.status_and_code();
        let (lead, message, own) = self.page_message();
        let page = ErrorPage {
            status: status.as_u16(),
            lead,
            message,
            message_en: !own && crate::lang::lang() != nmp_i18n::Lang::En,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, message_fallback(status)).into_response(),
        }
    }
}

fn message_fallback(status: StatusCode) -> String {
    status.canonical_reason().unwrap_or("error").to_string()
}
