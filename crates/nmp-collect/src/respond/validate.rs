//! Checking a respondent's answers: each answer's text against its question (the target
//! field's own rules, or the question's kind), and, on submission, that every required question
//! is answered. Problems are keyed by question, for the form to show beside it.

use std::collections::BTreeMap;

use nmp_store::Store;
use nmp_store::entity::question;
use nmp_store::records::{schema, value_text};
use serde_json::Value;

use super::{Answers, Opened, child_name, choices};
use crate::CollectError;

/// Checks one answer's text; `Err` is the message for beside the question.
pub(super) async fn check(
    store: &Store,
    q: &question::Model,
    raw: &str,
) -> Result<Result<Value, String>, CollectError> {
    let text = raw.trim();
    if text.chars().count() > schema::MAX_TEXT_CHARS {
        return Ok(Err(format!("is longer than {} characters", schema::MAX_TEXT_CHARS)));
    }
    if let (Some(table), Some(field)) = (&q.target_table, &q.target_field) {
        return Ok(schema::parse_field(table, field, text)?);
    }
    Ok(match q.kind.as_str() {
        "number" => text
            .parse::<f64>()
            .map(|n| Value::String(n.to_string()))
            .map_err(|_| format!("{text:?} is not a number")),
        "date" => nmp_core::PartialDate::parse(&q.question_key, text)
            .map(|d| Value::String(d.to_string()))
            .map_err(|e| e.message),
        "yes_no" if text != "yes" && text != "no" => Err("answer yes or no".into()),
        "single_choice" => {
            let options = choices(store, q).await?;
            if options.iter().any(|(c, _)| c == text) {
                Ok(Value::String(text.into()))
            } else {
                Err(format!("{text:?} is not one of the choices"))
            }
        }
        "short_text" if text.contains('\n') => Err("must be one line".into()),
        _ => Ok(Value::String(text.into())),
    })
}

/// Problems with answers, each keyed by the question (`acronym`, `members.2.role`).
pub type AnswerErrors = BTreeMap<String, String>;

/// Checks `answers`; on submission, required questions must be answered.
pub async fn validate(
    store: &Store,
    opened: &Opened,
    answers: &Answers,
    submit: bool,
) -> Result<AnswerErrors, CollectError> {
    let mut errors = AnswerErrors::new();
    for q in opened.questions.iter().filter(|q| q.group_key.is_none()) {
        if q.kind == "group" {
            let children: Vec<&question::Model> = opened
                .questions
                .iter()
                .filter(|c| c.group_key.as_deref() == Some(q.question_key.as_str()))
                .collect();
            let rows = answers
                .get(&q.question_key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for (i, row) in rows.iter().enumerate() {
                for c in &children {
                    let raw = row.get(child_name(c)).map(value_text).unwrap_or_default();
                    if raw.trim().is_empty() {
                        continue;
                    }
                    if let Err(message) = check(store, c, &raw).await? {
                        errors.insert(format!("{}.{i}.{}", q.question_key, child_name(c)), message);
                    }
                }
            }
            continue;
        }
        if q.kind == "file" {
            // Files are checked as they arrive (see `save_with`).
            continue;
        }
        let raw = answers.get(&q.question_key).map(value_text).unwrap_or_default();
        if raw.trim().is_empty() {
            if submit && q.required {
                errors.insert(q.question_key.clone(), "please answer this question".into());
            }
            continue;
        }
        if let Err(message) = check(store, q, &raw).await? {
            errors.insert(q.question_key.clone(), message);
        }
    }
    Ok(errors)
}

pub(super) fn add_error(errors: &mut AnswerErrors, key: &str, message: String) {
    errors
        .entry(key.to_string())
        .and_modify(|e| {
            e.push_str("; ");
            e.push_str(&message);
        })
        .or_insert(message);
}
