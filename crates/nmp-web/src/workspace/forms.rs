//! The record form: fields built from the table's [`FieldSpec`]s, the citation part ("which source
//! supports this change"), and reading both back from a submitted form, with every problem kept
//! beside its field. A field that names a source, organisation or mechanism is a picker: a search
//! box whose matches (`<name>__q`, searched when the form comes back, or as one types through
//! `/staff/pick/{table}`) fill its drop-down, instead of a drop-down of every row.

use std::collections::BTreeMap;

use nmp_core::dictionary::Kind;
use nmp_store::Store;
use nmp_store::records::schema::{self, FieldSpec, PICKED_TABLES};
use nmp_store::records::{CitationInput, Fields, SourceRef, value_text};

use crate::WebError;
use crate::auth::Form;

/// One input of the form.
pub(crate) struct FieldView {
    /// Form name (and the `id` is `f-<name>`).
    pub name: String,
    pub label: String,
    pub help: String,
    /// `text`, `textarea`, `select`, `picker`, `number` or `checkbox`.
    pub widget: &'static str,
    pub value: String,
    /// `(value, label, whether the label is English whatever the page's language)`: a row's
    /// name, or a vocabulary label without a translation; an empty value first for optional
    /// selects.
    pub options: Vec<(String, String, bool)>,
    pub required: bool,
    pub error: Option<String>,
    /// Whether `error` is the store's English (marked as such on a French or Spanish page).
    pub error_english: bool,
    /// A picker's search.
    pub picker: Option<Picker>,
}

/// The search of a picker field: the table searched, what was typed and what it found.
pub(crate) struct Picker {
    /// The table whose rows are picked (`source`, `organization`, `mechanism`).
    pub table: String,
    /// What was typed in the search box.
    pub query: String,
    /// What the search found, in words (empty before a search).
    pub found: String,
}

/// Most matches a picker's search shows.
pub(crate) const PICK_LIMIT: u64 = 20;

/// The options and search of a picker for `table`: `fixed` first, then the row `value` names
/// (so the choice already made stays), then the matches of `query`.
pub(crate) async fn picker(
    store: &Store,
    table: &str,
    value: &str,
    query: &str,
    mut fixed: Vec<(String, String)>,
) -> Result<(Vec<(String, String)>, Picker), WebError> {
    if let Some(current) = schema::picked(store, table, value).await? {
        fixed.push(current);
    }
    let query = query.trim();
    let mut found = String::new();
    if !query.is_empty() {
        let matches = schema::pick(store, table, query, PICK_LIMIT).await?;
        found = match matches.len() {
            0 => crate::lang::ta("st-pick-none", &[("query", query)]),
            n => {
                let key = if n == 1 { "st-pick-one" } else { "st-pick-many" };
                crate::lang::ta(key, &[("query", query), ("count", &n.to_string())])
            }
        };
        for m in matches {
            if !fixed.iter().any(|(k, _)| *k == m.0) {
                fixed.push(m);
            }
        }
    }
    let picker = Picker {
        table: table.to_string(),
        query: query.to_string(),
        found,
    };
    Ok((fixed, picker))
}

/// New-source fields offered in the citation part, as `source_<name>` inputs.
pub(crate) const NEW_SOURCE_FIELDS: &[&str] = &["slug", "title", "kind", "author", "publisher", "published_on", "url"];

/// The citation part of the form.
pub(crate) struct CitationView {
    /// Selected `cite_source`: empty, `new`, or a source id.
    pub source: String,
    /// The choices: none, a new source, the source chosen, the matches of the search.
    pub sources: Vec<(String, String)>,
    /// The source picker's search (`cite_source__q`).
    pub search: Picker,
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

/// A field's label in the request's language: the column name in words ("Lead organization"),
/// in French and Spanish its translation when there is one.
pub(crate) fn label(spec: &FieldSpec) -> String {
    crate::workspace::known(&format!("st-field-{}", spec.name.replace('_', "-")), spec.label())
}

/// Whether a form's problem with `field` is the store's English (the others, the version and the
/// citation's source, are said in the request's language).
pub(crate) fn english_error(field: &str) -> bool {
    !matches!(field, "version" | "citation.source_id")
}

/// The data dictionary's "meaning" as help under a field: without code marks, and with the
/// dictionary's "NULL means …" (written for people reading the database) said as what leaving
/// the field empty means.
fn help_text(meaning: &str) -> String {
    meaning
        .replace('`', "")
        .replace("NULL means", "Left empty, it means")
        .replace("NULL", "empty")
}

fn widget(spec: &FieldSpec) -> &'static str {
    match (&spec.kind, &spec.target) {
        (_, Some(t)) if PICKED_TABLES.contains(&t.as_str()) => "picker",
        (_, Some(_)) | (Kind::Code(_), _) => "select",
        (Kind::Boolean, _) => "checkbox",
        (Kind::Integer, _) => "number",
        _ if spec.long => "textarea",
        _ => "text",
    }
}

/// The inputs of `table`'s form, filled with `values` (text as submitted or as stored) and
/// `errors` (field name → message); `form` (as submitted) holds what the pickers' search boxes
/// say.
pub(crate) async fn field_views(
    store: &Store,
    table: &str,
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    prefix: &str,
    form: Option<&Form>,
) -> Result<Vec<FieldView>, WebError> {
    let mut out = Vec::new();
    for spec in schema::fields(table)? {
        out.push(field_view(store, spec, values, errors, prefix, form).await?);
    }
    Ok(out)
}

async fn field_view(
    store: &Store,
    spec: &FieldSpec,
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    prefix: &str,
    form: Option<&Form>,
) -> Result<FieldView, WebError> {
    let w = widget(spec);
    let name = format!("{prefix}{}", spec.name);
    let value = values.get(&spec.name).cloned().unwrap_or_default();
    let mut options: Vec<(String, String, bool)> = Vec::new();
    let mut picker = None;
    if w == "select" || w == "picker" {
        let first = (
            String::new(),
            crate::lang::t(if spec.required { "st-choose" } else { "st-none" }),
        );
        match &spec.target {
            Some(target) if w == "picker" => {
                let query = form.map(|f| f.text(&format!("{name}__q"))).unwrap_or_default();
                let (all, p) = self::picker(store, target, &value, query, vec![first]).await?;
                // The first is this form's; the rows' names are as recorded.
                options = all.into_iter().enumerate().map(|(i, (v, l))| (v, l, i > 0)).collect();
                picker = Some(p);
            }
            Some(target) => {
                options.push((first.0, first.1, false));
                options.extend(
                    schema::choices(store, target)
                        .await?
                        .into_iter()
                        .map(|(v, l)| (v, l, true)),
                );
            }
            None => {
                options.push((first.0, first.1, false));
                let lang = crate::lang::lang();
                options.extend(spec.options().into_iter().map(|(code, english)| {
                    match nmp_i18n::choice_label(lang, code).filter(|_| lang != nmp_i18n::Lang::En) {
                        Some(label) => (code.to_string(), label, false),
                        None => (code.to_string(), english.to_string(), true),
                    }
                }));
            }
        }
    }
    let error = errors.get(&spec.name).cloned();
    Ok(FieldView {
        name,
        label: label(spec),
        help: help_text(&spec.meaning),
        widget: w,
        value,
        options,
        required: spec.required,
        error_english: error.is_some() && english_error(&spec.name),
        error,
        picker,
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
    let fixed = vec![
        (String::new(), crate::lang::t("st-no-source")),
        ("new".to_string(), crate::lang::t("st-new-source-option")),
    ];
    let chosen = form.map(|f| f.text("cite_source")).unwrap_or_default();
    let query = form.map(|f| f.text("cite_source__q")).unwrap_or_default();
    let (sources, search) = picker(store, "source", chosen, query, fixed).await?;
    let mut fields = vec![(String::new(), crate::lang::t("st-record-as-a-whole"))];
    for spec in schema::fields(table)? {
        fields.push((spec.name.clone(), label(spec)));
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
            new_source.push(field_view(store, spec, &new_values, &new_errors, "source_", form).await?);
        }
    }
    Ok(CitationView {
        source: text("cite_source"),
        sources,
        search,
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
                let quoted = format!("{id:?}");
                errors.insert(
                    "citation.source_id".into(),
                    crate::lang::ta("st-not-a-source", &[("value", &quoted)]),
                );
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
                crate::lang::ta(
                    "st-too-long",
                    &[
                        ("field", &crate::workspace::field_name(name)),
                        ("max", &max.to_string()),
                    ],
                ),
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
