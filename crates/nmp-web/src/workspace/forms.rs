//! The record form: fields built from the table's [`FieldSpec`]s, the citation part ("which source
//! supports this change"), and reading both back from a submitted form, with every problem kept
//! beside its field.

use std::collections::BTreeMap;

use nmp_core::dictionary::Kind;
use nmp_store::Store;
use nmp_store::records::schema::{self, FieldSpec};
use nmp_store::records::{CitationInput, Fields, SourceRef, value_text};

use crate::WebError;
use crate::auth::Form;

/// One input of the form.
pub(crate) struct FieldView {
    /// Form name (and the `id` is `f-<name>`).
    pub name: String,
    pub label: String,
    pub help: String,
    /// `text`, `textarea`, `select`, `number` or `checkbox`.
    pub widget: &'static str,
    pub value: String,
    /// `(value, label)`; an empty value first for optional selects.
    pub options: Vec<(String, String)>,
    pub required: bool,
    pub error: Option<String>,
}

/// New-source fields offered in the citation part, as `source_<name>` inputs.
pub(crate) const NEW_SOURCE_FIELDS: &[&str] = &["slug", "title", "kind", "author", "publisher", "published_on", "url"];

/// The citation part of the form.
pub(crate) struct CitationView {
    /// Selected `cite_source`: empty, `new`, or a source id.
    pub source: String,
    pub sources: Vec<(String, String)>,
    pub field: String,
    pub fields: Vec<(String, String)>,
    pub locator: String,
    pub quote: String,
    /// The new-source inputs.
    pub new_source: Vec<FieldView>,
    /// Errors of the citation inputs (`cite_source`, `cite_field`).
    pub source_error: Option<String>,
    pub field_error: Option<String>,
}

fn help_text(meaning: &str) -> String {
    meaning.replace('`', "")
}

fn widget(spec: &FieldSpec) -> &'static str {
    match (&spec.kind, &spec.target) {
        (_, Some(_)) | (Kind::Code(_), _) => "select",
        (Kind::Boolean, _) => "checkbox",
        (Kind::Integer, _) => "number",
        _ if spec.long => "textarea",
        _ => "text",
    }
}

/// The inputs of `table`'s form, filled with `values` (text as submitted or as stored) and
/// `errors` (field name → message).
pub(crate) async fn field_views(
    store: &Store,
    table: &str,
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    prefix: &str,
) -> Result<Vec<FieldView>, WebError> {
    let mut out = Vec::new();
    for spec in schema::fields(table)? {
        out.push(field_view(store, spec, values, errors, prefix).await?);
    }
    Ok(out)
}

async fn field_view(
    store: &Store,
    spec: &FieldSpec,
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    prefix: &str,
) -> Result<FieldView, WebError> {
    let w = widget(spec);
    let mut options: Vec<(String, String)> = Vec::new();
    if w == "select" {
        if !spec.required {
            options.push((String::new(), "— none —".into()));
        } else {
            options.push((String::new(), "— choose —".into()));
        }
        match &spec.target {
            Some(target) => options.extend(schema::choices(store, target).await?),
            None => options.extend(spec.options().into_iter().map(|(c, l)| (c.to_string(), l.to_string()))),
        }
    }
    Ok(FieldView {
        name: format!("{prefix}{}", spec.name),
        label: spec.label(),
        help: help_text(&spec.meaning),
        widget: w,
        value: values.get(&spec.name).cloned().unwrap_or_default(),
        options,
        required: spec.required,
        error: errors.get(&spec.name).cloned(),
    })
}

/// A record's fields as form text.
pub(crate) fn texts(fields: &Fields) -> BTreeMap<String, String> {
    fields.iter().map(|(k, v)| (k.clone(), value_text(v))).collect()
}

/// The form's own fields (no prefix) for `table`.
pub(crate) fn submitted(form: &Form, table: &str, prefix: &str) -> Result<BTreeMap<String, String>, WebError> {
    let mut out = BTreeMap::new();
    for spec in schema::fields(table)? {
        if let Some(v) = form.get(&format!("{prefix}{}", spec.name)) {
            out.insert(spec.name.clone(), v.to_string());
        }
    }
    Ok(out)
}

/// The citation part, as submitted (or empty for a fresh form).
pub(crate) async fn citation_view(
    store: &Store,
    table: &str,
    form: Option<&Form>,
    errors: &BTreeMap<String, String>,
) -> Result<CitationView, WebError> {
    let mut sources = vec![
        (String::new(), "— no source —".to_string()),
        ("new".to_string(), "A new source (fill in below)".to_string()),
    ];
    sources.extend(schema::choices(store, "source").await?);
    let mut fields = vec![(String::new(), "The record as a whole".to_string())];
    for spec in schema::fields(table)? {
        fields.push((spec.name.clone(), spec.label()));
    }
    let text = |name: &str| form.and_then(|f| f.get(name)).unwrap_or_default().to_string();
    let new_values = match form {
        Some(f) => submitted(f, "source", "source_")?,
        None => BTreeMap::new(),
    };
    let new_errors: BTreeMap<String, String> = errors
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("source.").map(|n| (n.to_string(), v.clone())))
        .collect();
    let mut new_source = Vec::new();
    for spec in schema::fields("source")? {
        if NEW_SOURCE_FIELDS.contains(&spec.name.as_str()) {
            new_source.push(field_view(store, spec, &new_values, &new_errors, "source_").await?);
        }
    }
    Ok(CitationView {
        source: text("cite_source"),
        sources,
        field: text("cite_field"),
        fields,
        locator: text("cite_locator"),
        quote: text("cite_quote"),
        new_source,
        source_error: errors.get("citation.source_id").cloned(),
        field_error: errors.get("citation.field").cloned(),
    })
}

/// Reads the citation part: `None` when no source was chosen, else the citation, or the errors
/// (keys `citation.source_id`, `source.<field>`).
pub(crate) fn parse_citation(form: &Form) -> Result<Option<CitationInput>, BTreeMap<String, String>> {
    let mut errors = BTreeMap::new();
    let source = match form.text("cite_source").trim() {
        "" => return Ok(None),
        "new" => {
            let mut raw = BTreeMap::new();
            for name in NEW_SOURCE_FIELDS {
                raw.insert(name.to_string(), form.text(&format!("source_{name}")).to_string());
            }
            match schema::parse("source", &raw) {
                Ok(Ok(fields)) => Some(SourceRef::New(fields)),
                Ok(Err(problems)) => {
                    for p in problems {
                        errors.insert(format!("source.{}", p.field), p.message);
                    }
                    None
                }
                Err(e) => {
                    errors.insert("citation.source_id".into(), e.to_string());
                    None
                }
            }
        }
        id => match id.parse::<i32>() {
            Ok(id) => Some(SourceRef::Existing(id)),
            Err(_) => {
                errors.insert("citation.source_id".into(), format!("{id:?} is not a source"));
                None
            }
        },
    };
    let opt = |name: &str| {
        let v = form.text(name).trim();
        (!v.is_empty()).then(|| v.to_string())
    };
    for (name, max) in [("cite_locator", 500), ("cite_quote", schema::MAX_TEXT_CHARS)] {
        if form.text(name).chars().count() > max {
            errors.insert(
                "citation.source_id".into(),
                format!("{name} is longer than {max} characters"),
            );
        }
    }
    match source {
        Some(source) if errors.is_empty() => Ok(Some(CitationInput {
            source,
            field: opt("cite_field"),
            locator: opt("cite_locator"),
            quote: opt("cite_quote"),
        })),
        _ => Err(errors),
    }
}

/// Errors as a map from field name to message (the first message per field).
pub(crate) fn error_map(errors: &[nmp_core::ValidationError]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in errors {
        out.entry(e.field.clone()).or_insert_with(|| e.message.clone());
    }
    out
}

/// A record's value for display in diffs: text, or "(empty)".
pub(crate) fn shown(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(v) => value_text(v),
    }
}
