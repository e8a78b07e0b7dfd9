//! The OpenAPI document (`/api/openapi.json`) against the server it describes, on the seeded
//! starter dataset: every route under `/api/` is an operation of the document and every
//! operation is a route; every documented query parameter's bounds, codes and empty value are
//! checked by the server as documented; every answer's status is one the document lists for its
//! operation; and the workspace's JSON API is documented with its security schemes and answers
//! as documented. Accounts are synthetic test data. (`scripts/check-openapi` runs schemathesis
//! on a live server for the same promise with generated requests.)

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::{RawAnswer, fetch, send_json, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::testing::{TestDb, engines};
use serde_json::{Value, json};

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

async fn seeded() -> TestDb {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    db
}

async fn request(store: &Store, method: &str, path: &str) -> RawAnswer {
    fetch(store, &method.to_ascii_uppercase(), path, None, None, Vec::new()).await
}

async fn document(store: &Store) -> Value {
    let answer = request(store, "get", "/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    serde_json::from_slice(&answer.bytes).unwrap()
}

/// Every operation: (path, method, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS {
            if let Some(op) = item.get(*method) {
                out.push((path.clone(), method.to_string(), op.clone()));
            }
        }
    }
    out
}

/// The operation's parameters that are `in` (query or path).
fn parameters<'a>(op: &'a Value, place: &str) -> Vec<&'a Value> {
    op["parameters"]
        .as_array()
        .map(|ps| ps.iter().filter(|p| p["in"] == place).collect())
        .unwrap_or_default()
}

/// The path with each path parameter given a value of its schema.
fn concrete(path: &str, op: &Value) -> String {
    let mut out = path.to_string();
    for p in parameters(op, "path") {
        let value = match (&p["schema"]["enum"], p["schema"]["type"].as_str()) {
            (Value::Array(codes), _) => codes[0].as_str().unwrap().to_string(),
            (_, Some("integer")) => "1".to_string(),
            _ => "x".to_string(),
        };
        out = out.replace(&format!("{{{}}}", p["name"].as_str().unwrap()), &value);
    }
    out
}

/// Asserts that `answer`'s status is one the operation documents, with the error shape naming
/// `field` when it is a 400.
fn assert_documented(op: &Value, what: &str, answer: &RawAnswer) {
    let status = answer.status.as_str().to_string();
    assert!(
        op["responses"].get(&status).is_some(),
        "{what}: answered {status}, which the document does not list ({:?}): {}",
        op["responses"].as_object().unwrap().keys().collect::<Vec<_>>(),
        answer.text()
    );
}

fn error_of(answer: &RawAnswer) -> Value {
    let json: Value =
        serde_json::from_slice(&answer.bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", answer.text()));
    json["error"].clone()
}

/// The `.route("/api…", …)` registrations in the crate's source, with the methods they name:
/// routes registered by hand rather than from a `#[utoipa::path]` (`routes!`).
fn hand_registered_api_routes() -> Vec<(String, Vec<String>, String)> {
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices(".route(") {
            let rest = text[at + ".route(".len()..].trim_start();
            let Some(literal) = rest.strip_prefix('"') else {
                continue;
            };
            let path = &literal[..literal.find('"').unwrap()];
            if !path.starts_with("/api") {
                continue;
            }
            let end = [".route(", ".routes(", ".layer(", ".merge(", "\n}"]
                .iter()
                .filter_map(|stop| literal.find(stop))
                .min()
                .unwrap_or(literal.len());
            let call = &literal[..end];
            let methods = METHODS
                .iter()
                .filter(|m| call.contains(&format!("{m}(")))
                .map(|m| m.to_string())
                .collect();
            out.push((path.to_string(), methods, call.to_string()));
        }
    }
    out
}

#[tokio::test]
async fn every_route_is_documented_and_every_operation_is_routed() {
    let db = seeded().await;
    let s = &db.store;
    let doc = document(s).await;
    let paths = doc["paths"].as_object().unwrap();
    // Routes registered by hand bypass the document: only the not-found answer of other paths
    // under /api/ may be, and it is no operation.
    let hand = hand_registered_api_routes();
    assert!(!hand.is_empty(), "the source scan found no route at all");
    for (path, methods, call) in &hand {
        let documented = paths
            .get(path)
            .is_some_and(|item| methods.iter().all(|m| item.get(m).is_some()));
        assert!(
            documented || call.contains("api_not_found"),
            "{path} ({methods:?}) is routed but not in the OpenAPI document"
        );
    }
    for (path, method, op) in operations(&doc) {
        let url = concrete(&path, &op);
        let answer = request(s, &method, &url).await;
        assert_ne!(
            answer.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {url} is documented but not routed"
        );
        assert!(
            !answer.text().contains("there is no endpoint"),
            "{method} {url} is documented but not routed: {}",
            answer.text()
        );
        assert_documented(&op, &format!("{method} {url}"), &answer);
    }
    // No method is answered on a documented path but those documented.
    for (path, item) in paths {
        let op = METHODS.iter().find_map(|m| item.get(*m)).unwrap();
        let url = concrete(path, op);
        for method in METHODS.iter().filter(|m| item.get(**m).is_none()) {
            let answer = request(s, method, &url).await;
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {url} is answered but not documented"
            );
        }
    }
    assert_eq!(
        request(s, "get", "/api/v1/nothing-here").await.status,
        StatusCode::NOT_FOUND
    );
    db.finish().await;
}

#[tokio::test]
async fn every_documented_parameter_bound_and_code_is_checked_as_documented() {
    let db = seeded().await;
    let s = &db.store;
    let doc = document(s).await;
    let mut checked = 0;
    for (path, method, op) in operations(&doc) {
        if method != "get" {
            continue;
        }
        let url = concrete(&path, &op);
        for p in parameters(&op, "query") {
            let name = p["name"].as_str().unwrap();
            let schema = &p["schema"];
            let mut valid: Vec<String> = Vec::new();
            let mut invalid: Vec<(String, String)> = Vec::new();
            if schema["type"] == "integer" {
                let (min, max) = (schema["minimum"].as_u64().unwrap(), schema["maximum"].as_u64().unwrap());
                let bounds = format!("from {min} to {max}");
                assert!(
                    p["description"].as_str().unwrap().contains(&bounds),
                    "{path} {name}: the description does not say {bounds}"
                );
                valid.extend([min.to_string(), max.to_string()]);
                let below = if min == 0 {
                    "-1".to_string()
                } else {
                    (min - 1).to_string()
                };
                invalid.push((below, bounds.clone()));
                invalid.push(((u128::from(max) + 1).to_string(), bounds.clone()));
                invalid.push(("1.5".into(), bounds.clone()));
                invalid.push(("ten".into(), bounds));
            } else if let Some(codes) = schema["enum"].as_array() {
                valid.extend(codes.iter().map(|c| c.as_str().unwrap().to_string()));
                invalid.push(("not-a-code".into(), "is not one of".into()));
            } else if let Some(codes) = schema["examples"].as_array().filter(|_| schema["pattern"].is_string()) {
                // Codes in any case: each as listed and in upper case.
                for c in codes {
                    let c = c.as_str().unwrap();
                    valid.extend([c.to_string(), c.to_uppercase()]);
                }
                invalid.push(("not-a-code".into(), "is not one of".into()));
            } else {
                assert_eq!(schema["type"], "string", "{path} {name}");
                assert_eq!(schema["minLength"], 1, "{path} {name}: an empty value is refused");
                valid.push("x".into());
            }
            invalid.push((String::new(), "empty".into()));
            for value in &valid {
                let what = format!("{url}?{name}={value}");
                let answer = request(s, "get", &what).await;
                assert_documented(&op, &what, &answer);
                assert!(
                    answer.status.is_success() || answer.status == StatusCode::NOT_FOUND,
                    "{what}: {}",
                    answer.text()
                );
                checked += 1;
            }
            for (value, says) in &invalid {
                let what = format!("{url}?{name}={value}");
                let answer = request(s, "get", &what).await;
                assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{what}: {}", answer.text());
                assert_documented(&op, &what, &answer);
                let error = error_of(&answer);
                assert_eq!(error["code"], "bad_parameter", "{what}");
                assert_eq!(error["field"], name, "{what}");
                assert!(
                    error["message"].as_str().unwrap().contains(says.as_str()),
                    "{what}: {error}"
                );
                checked += 1;
            }
        }
        // A parameter the document does not list is refused, as documented.
        let what = format!("{url}?colour=red");
        let answer = request(s, "get", &what).await;
        if !parameters(&op, "query").is_empty() {
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{what}");
            assert_documented(&op, &what, &answer);
            assert_eq!(error_of(&answer)["field"], "colour");
        }
    }
    assert!(checked > 200, "only {checked} values checked");
    db.finish().await;
}

/// A request to the workspace's JSON API: what it is, its path, who sends it, its body, and the
/// status and error code it must get (no code for a success).
type Case<'a> = (&'a str, String, Option<&'a common::Session>, Value, StatusCode, &'a str);

#[tokio::test]
async fn the_workspace_json_api_is_documented_and_answers_as_documented() {
    let db = seeded().await;
    let s = &db.store;
    let doc = document(s).await;
    let path = "/api/v1/records/{table}/{id}";
    let op = doc["paths"][path]["patch"].clone();
    assert!(op.is_object(), "PATCH {path} is not in the document");
    assert_eq!(op["security"], json!([{ "session": [], "csrf": [] }]));
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(
        schemes["session"],
        json!({ "type": "apiKey", "in": "cookie", "name": "nmp_session", "description": schemes["session"]["description"] })
    );
    assert_eq!(schemes["csrf"]["in"], "header");
    assert_eq!(schemes["csrf"]["name"], "X-CSRF-Token");
    let body = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
    assert_eq!(body, "#/components/schemas/Patch");
    let patch = &doc["components"]["schemas"]["Patch"];
    assert_eq!(patch["required"], json!(["version", "fields"]));
    assert_eq!(patch["additionalProperties"], false);
    let tables: Vec<&str> = parameters(&op, "path")[0]["schema"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(tables, nmp_store::records::EDITABLE_TABLES);

    let editor = staff(s, "openapi-editor@example.org", AccountRole::Editor).await;
    let researcher = staff(s, "openapi-researcher@example.org", AccountRole::Researcher).await;
    let id = s.all::<nmp_store::entity::mechanism::Entity>().await.unwrap()[0].mechanism_id;
    let url = format!("/api/v1/records/mechanism/{id}");
    let version = s.record("mechanism", id).await.unwrap().unwrap().version;
    let change = |v: i32, acronym: &str| json!({ "version": v, "fields": { "acronym": acronym } });
    let mut wrong_csrf = editor.clone();
    wrong_csrf.csrf = "0".repeat(64);
    let cases: Vec<Case> = vec![
        (
            "no session",
            url.clone(),
            None,
            change(version, "A"),
            StatusCode::UNAUTHORIZED,
            "sign_in",
        ),
        (
            "wrong CSRF token",
            url.clone(),
            Some(&wrong_csrf),
            change(version, "A"),
            StatusCode::FORBIDDEN,
            "csrf",
        ),
        (
            "a key that is no number",
            "/api/v1/records/mechanism/abc".into(),
            Some(&editor),
            change(version, "A"),
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "no such table",
            format!("/api/v1/records/nope/{id}"),
            Some(&editor),
            change(version, "A"),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "no such record",
            "/api/v1/records/mechanism/99999999".into(),
            Some(&editor),
            change(version, "A"),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "a body that is no change",
            url.clone(),
            Some(&editor),
            json!({ "fields": {} }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "an unknown field",
            url.clone(),
            Some(&editor),
            json!({ "version": version, "fields": { "colour": "red" } }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        ),
        (
            "saved",
            url.clone(),
            Some(&editor),
            change(version, "OA-1"),
            StatusCode::OK,
            "",
        ),
        (
            "stale",
            url.clone(),
            Some(&editor),
            change(version, "OA-2"),
            StatusCode::CONFLICT,
            "conflict",
        ),
        (
            "proposed",
            url.clone(),
            Some(&researcher),
            change(version + 1, "OA-3"),
            StatusCode::ACCEPTED,
            "",
        ),
    ];
    for (what, target, session, body, status, code) in cases {
        let answer = send_json(s, "PATCH", &target, session, &body).await;
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
        let raw = RawAnswer {
            status: answer.status,
            headers: Default::default(),
            bytes: answer.body.clone().into_bytes(),
        };
        assert_documented(&op, what, &raw);
        let json: Value = serde_json::from_str(&answer.body).unwrap();
        if code.is_empty() {
            assert!(json.get("record").or(json.get("proposal")).is_some(), "{what}: {json}");
        } else {
            assert_eq!(json["error"]["code"], code, "{what}: {json}");
        }
    }
    assert_eq!(
        s.record("mechanism", id).await.unwrap().unwrap().fields["acronym"],
        "OA-1"
    );
    db.finish().await;
}
