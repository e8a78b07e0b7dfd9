//! Checking a respondent's answers: each answer's text against its question (the target
//! field's own rules, or the question's kind), and, on submission, that every required question
//! is answered. Problems are keyed by question, for the form to show beside it, in the
//! invitation's language; dates are read as that language writes them ([`dates_as_iso`]).
//!
//! [`validate`] reads what the check needs from the database (the choices of the single-choice
//! questions answered) and then runs [`check_answers`], which is pure: the fuzz target `answers`
//! runs it on arbitrary forms.

use std::collections::BTreeMap;

use nmp_core::dictionary::Kind;
use nmp_i18n::{Lang, dates, t, t_args};
use nmp_store::Store;
use nmp_store::entity::question;
use nmp_store::records::{schema, value_text};
use serde_json::Value;

use super::{Answers, OTHER, Opened, child_name, choices, offers_other, other_key};
use crate::CollectError;

/// The codes each single-choice question accepts, by question key (what [`check_answers`] needs
/// from the database).
pub type Choices = BTreeMap<String, Vec<String>>;

/// Checks one answer's text; `Err` is the message for beside the question. `choices` are the
/// codes a single-choice question accepts (`None`: not loaded, so none is accepted).
fn check(
    q: &question::Model,
    raw: &str,
    choices: Option<&[String]>,
    lang: Lang,
) -> Result<Result<Value, String>, CollectError> {
    let text = raw.trim();
    if text.chars().count() > schema::MAX_TEXT_CHARS {
        let max = schema::MAX_TEXT_CHARS.to_string();
        return Ok(Err(t_args(lang, "answer-too-long", &[("max", &max)])));
    }
    if is_date(q) {
        // Read as the respondent's language writes dates; what the field checks is the ISO form.
        let date = match dates::parse(lang, text) {
            Ok(d) => d.to_string(),
            Err(e) => return Ok(Err(e.message(lang, text))),
        };
        if let (Some(table), Some(field)) = (&q.target_table, &q.target_field) {
            return Ok(schema::parse_field(table, field, &date)?);
        }
        return Ok(Ok(Value::String(date)));
    }
    if let (Some(table), Some(field)) = (&q.target_table, &q.target_field) {
        return Ok(schema::parse_field(table, field, text)?);
    }
    Ok(match q.kind.as_str() {
        "number" => text
            .parse::<f64>()
            .map(|n| Value::String(n.to_string()))
            .map_err(|_| t_args(lang, "answer-not-a-number", &[("text", text)])),
        "yes_no" if text != "yes" && text != "no" => Err(t(lang, "answer-yes-or-no")),
        "single_choice" => {
            if choices.unwrap_or_default().iter().any(|c| c == text) {
                Ok(Value::String(text.into()))
            } else {
                Err(t_args(lang, "answer-not-a-choice", &[("text", text)]))
            }
        }
        "short_text" if text.contains('\n') => Err(t(lang, "answer-one-line")),
        _ => Ok(Value::String(text.into())),
    })
}

/// Whether `q` asks for a date: of kind `date`, or filling a date field of its target table.
pub fn is_date(q: &question::Model) -> bool {
    if q.kind == "date" {
        return true;
    }
    match (&q.target_table, &q.target_field) {
        (Some(table), Some(field)) => schema::fields(table)
            .ok()
            .and_then(|specs| specs.iter().find(|f| f.name == *field))
            .is_some_and(|f| f.kind == Kind::PartialDate),
        _ => false,
    }
}

/// `answers` with every date a respondent typed in `lang` (`29/12/2018`, `29 décembre 2018`)
/// written as ISO 8601 (`2018-12-29`), as the data keep dates; a date that cannot be read is left
/// as typed (its question then says why).
pub fn dates_as_iso(questions: &[question::Model], mut answers: Answers, lang: Lang) -> Answers {
    let iso = |v: &mut Value| {
        if let Some(text) = v.as_str()
            && !text.trim().is_empty()
            && let Ok(d) = dates::parse(lang, text)
        {
            *v = Value::String(d.to_string());
        }
    };
    for q in questions.iter().filter(|q| is_date(q)) {
        match &q.group_key {
            None => {
                if let Some(v) = answers.get_mut(&q.question_key) {
                    iso(v);
                }
            }
            Some(g) => {
                if let Some(Value::Array(rows)) = answers.get_mut(g) {
                    for row in rows {
                        if let Some(v) = row.get_mut(child_name(q)) {
                            iso(v);
                        }
                    }
                }
            }
        }
    }
    answers
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
    let choices = choices_needed(store, &opened.questions, answers).await?;
    check_answers(&opened.questions, answers, submit, &choices, opened.language())
}

/// The choices of the single-choice questions that `answers` answer without a target field
/// (those with one are checked by the field's own rules).
async fn choices_needed(
    store: &Store,
    questions: &[question::Model],
    answers: &Answers,
) -> Result<Choices, CollectError> {
    let mut out = Choices::new();
    for q in questions {
        let untargeted = q.target_table.is_none() || q.target_field.is_none();
        let answered = answers.contains_key(q.group_key.as_deref().unwrap_or(&q.question_key));
        if q.kind == "single_choice" && untargeted && answered {
            let codes = choices(store, q).await?.into_iter().map(|(c, _)| c).collect();
            out.insert(q.question_key.clone(), codes);
        }
    }
    Ok(out)
}

/// Checks `answers` against `questions` (in order; children of a group name it in `group_key`),
/// with `choices` the codes of each single-choice question; on submission, required questions
/// must be answered. Pure, and never fails on what a respondent sends: an error here means a
/// question names a target field that does not exist.
pub fn check_answers(
    questions: &[question::Model],
    answers: &Answers,
    submit: bool,
    choices: &Choices,
    lang: Lang,
) -> Result<AnswerErrors, CollectError> {
    let mut errors = AnswerErrors::new();
    let choices_of = |q: &question::Model| choices.get(&q.question_key).map(Vec::as_slice);
    for q in questions.iter().filter(|q| q.group_key.is_none()) {
        if q.kind == "group" {
            let children: Vec<&question::Model> = questions
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
                    if offers_other(c) {
                        let name = row.get(other_key(c)).map(value_text).unwrap_or_default();
                        let at = format!("{}.{i}.{}", q.question_key, other_key(c));
                        let (raw, name) = (raw.trim(), name.trim());
                        if raw == OTHER && name.is_empty() {
                            errors.insert(at, t(lang, "answer-name-other"));
                            continue;
                        }
                        if !name.is_empty() && !raw.is_empty() && raw != OTHER {
                            errors.insert(at, t(lang, "answer-other-or-clear"));
                            continue;
                        }
                        if name.chars().count() > 300 {
                            errors.insert(at, t_args(lang, "answer-too-long", &[("max", "300")]));
                            continue;
                        }
                        if !name.is_empty() || raw == OTHER {
                            continue;
                        }
                    }
                    if raw.trim().is_empty() {
                        continue;
                    }
                    if let Err(message) = check(c, &raw, choices_of(c), lang)? {
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
                errors.insert(q.question_key.clone(), t(lang, "answer-required"));
            }
            continue;
        }
        if let Err(message) = check(q, &raw, choices_of(q), lang)? {
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
