//! Questionnaires: the default one (`data/questionnaires/default.toml`, embedded), new revisions
//! of one that already has answers, and reading the questions back.

use nmp_core::vocab::{QuestionKind, QuestionnaireStatus};
use nmp_store::entity::{edition, question, questionnaire};
use nmp_store::{Set, Store};
use std::collections::BTreeMap;

use nmp_i18n::Lang;
use serde::Deserialize;

use crate::{CollectError, invalid};

const DEFAULT: &str = include_str!("../../../data/questionnaires/default.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Definition {
    title: String,
    intro: Option<String>,
    /// The title and introduction in French.
    fr: Option<Texts>,
    /// ... and in Spanish.
    es: Option<Texts>,
    question: Vec<QuestionDef>,
}

/// Translated texts by field (`prompt`, `help`, `section`; `title`, `intro`).
type Texts = BTreeMap<String, String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionDef {
    key: String,
    group: Option<String>,
    section: Option<String>,
    prompt: String,
    help: Option<String>,
    kind: String,
    vocabulary: Option<String>,
    target: Option<String>,
    #[serde(default)]
    required: bool,
    /// The prompt, help and section in French.
    fr: Option<Texts>,
    /// ... and in Spanish.
    es: Option<Texts>,
}

/// The `translations_json` of `fr` and `es` texts, checked to hold only `fields`; `None` when
/// there are none.
fn translations(
    what: &str,
    fr: &Option<Texts>,
    es: &Option<Texts>,
    fields: &[&str],
) -> Result<Option<String>, CollectError> {
    let mut all = BTreeMap::new();
    for (lang, texts) in [("fr", fr), ("es", es)] {
        let Some(texts) = texts else { continue };
        if let Some(bad) = texts.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(invalid(
                "data/questionnaires/default.toml",
                format!(
                    "{what}: [{lang}] has {bad:?}; it may translate only {}",
                    fields.join(", ")
                ),
            ));
        }
        all.insert(lang, texts.clone());
    }
    Ok((!all.is_empty()).then(|| serde_json::to_string(&all).unwrap_or_default()))
}

fn definition() -> Result<Definition, CollectError> {
    let def: Definition =
        toml::from_str(DEFAULT).map_err(|e| invalid("data/questionnaires/default.toml", e.to_string()))?;
    for q in &def.question {
        QuestionKind::parse(&format!("question {}: kind", q.key), &q.kind)
            .map_err(|e| CollectError::Invalid(vec![e]))?;
        translations(
            &format!("question {}", q.key),
            &q.fr,
            &q.es,
            &["prompt", "help", "section"],
        )?;
    }
    translations("the questionnaire", &def.fr, &def.es, &["title", "intro"])?;
    Ok(def)
}

/// A question's or questionnaire's `field` in `lang`, from its `translations_json`; `None` when it
/// has none in that language (the English is then shown).
pub fn translated(translations_json: Option<&str>, lang: Lang, field: &str) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let all: BTreeMap<String, Texts> = serde_json::from_str(translations_json?).ok()?;
    all.get(lang.code())?
        .get(field)
        .cloned()
        .filter(|t| !t.trim().is_empty())
}

/// Creates the default questionnaire for the edition `edition_slug` (open for answers) on behalf
/// of `actor`, with slug `<edition>-default-r1`.
pub async fn create_default(
    store: &Store,
    actor: &str,
    edition_slug: &str,
) -> Result<questionnaire::Model, CollectError> {
    let def = definition()?;
    let Some(e) = store
        .rows_where::<edition::Entity, _>(edition::Column::Slug, [edition_slug.to_string()])
        .await?
        .into_iter()
        .next()
    else {
        return Err(invalid("edition", format!("no edition has the slug {edition_slug:?}")));
    };
    let slug = format!("{}-default-r1", e.slug);
    if !store
        .rows_where::<questionnaire::Entity, _>(questionnaire::Column::Slug, [slug.clone()])
        .await?
        .is_empty()
    {
        return Err(invalid(
            "slug",
            format!("the edition already has the default questionnaire {slug}"),
        ));
    }
    // The title names the edition, in every language.
    let titled = |texts: &Option<Texts>| {
        texts.clone().map(|mut t| {
            if let Some(title) = t.get_mut("title") {
                *title = format!("{title} ({})", e.title);
            }
            t
        })
    };
    let translations_json = translations(
        "the questionnaire",
        &titled(&def.fr),
        &titled(&def.es),
        &["title", "intro"],
    )?;
    let mut w = store.writer(actor).await?;
    let q = w
        .insert(questionnaire::ActiveModel {
            edition_id: Set(e.edition_id),
            slug: Set(slug),
            title: Set(format!("{} ({})", def.title, e.title)),
            revision: Set(1),
            previous_id: Set(None),
            intro: Set(def.intro.clone()),
            status: Set(QuestionnaireStatus::Open.code().to_string()),
            translations_json: Set(translations_json),
            ..Default::default()
        })
        .await?;
    for d in questions_of(&def, q.questionnaire_id) {
        w.insert(question::ActiveModel {
            questionnaire_id: Set(d.questionnaire_id),
            position: Set(d.position),
            question_key: Set(d.question_key),
            group_key: Set(d.group_key),
            section: Set(d.section),
            prompt: Set(d.prompt),
            help: Set(d.help),
            kind: Set(d.kind),
            vocabulary: Set(d.vocabulary),
            target_table: Set(d.target_table),
            target_field: Set(d.target_field),
            required: Set(d.required),
            translations_json: Set(d.translations_json),
            ..Default::default()
        })
        .await?;
    }
    w.commit().await?;
    Ok(q)
}

/// The default questionnaire's questions as rows not yet stored (numbered from 1, dated at the
/// Unix epoch, version 1): what [`create_default`] writes, for checking answers without a
/// database (the fuzz target `answers`).
pub fn default_questions() -> Result<Vec<question::Model>, CollectError> {
    Ok(questions_of(&definition()?, 0))
}

/// The questions of `def` as rows of questionnaire `questionnaire_id`, in order.
fn questions_of(def: &Definition, questionnaire_id: i32) -> Vec<question::Model> {
    def.question
        .iter()
        .zip(1..)
        .map(|(d, position)| {
            let (table, field) = match d.target.as_deref().map(|t| t.split_once('.').unwrap_or((t, ""))) {
                Some((t, f)) => (Some(t.to_string()), (!f.is_empty()).then(|| f.to_string())),
                None => (None, None),
            };
            question::Model {
                question_id: position,
                questionnaire_id,
                position,
                question_key: d.key.clone(),
                group_key: d.group.clone(),
                section: d.section.clone(),
                prompt: d.prompt.clone(),
                help: d.help.clone(),
                kind: d.kind.clone(),
                vocabulary: d.vocabulary.clone(),
                target_table: table,
                target_field: field,
                required: d.required,
                translations_json: translations(&d.key, &d.fr, &d.es, &["prompt", "help", "section"])
                    .ok()
                    .flatten(),
                created_at: time::OffsetDateTime::UNIX_EPOCH,
                updated_at: time::OffsetDateTime::UNIX_EPOCH,
                updated_by: "system:default-questionnaire".into(),
                version: 1,
            }
        })
        .collect()
}

/// The questions of a questionnaire, in order.
pub async fn questions(store: &Store, questionnaire_id: i32) -> Result<Vec<question::Model>, CollectError> {
    Ok(store.questions_of(questionnaire_id).await?)
}

/// A new revision of `questionnaire_id` with the same questions (which can then be changed);
/// the old one is closed.
pub async fn new_revision(
    store: &Store,
    actor: &str,
    questionnaire_id: i32,
) -> Result<questionnaire::Model, CollectError> {
    let Some(old) = store.get::<questionnaire::Entity>(questionnaire_id).await? else {
        return Err(invalid(
            "questionnaire",
            format!("questionnaire {questionnaire_id} does not exist"),
        ));
    };
    let questions = questions(store, questionnaire_id).await?;
    let base = old
        .slug
        .rsplit_once("-r")
        .map(|(b, _)| b)
        .unwrap_or(&old.slug)
        .to_string();
    let mut w = store.writer(actor).await?;
    let new = w
        .insert(questionnaire::ActiveModel {
            edition_id: Set(old.edition_id),
            slug: Set(format!("{base}-r{}", old.revision + 1)),
            title: Set(old.title.clone()),
            revision: Set(old.revision + 1),
            previous_id: Set(Some(old.questionnaire_id)),
            intro: Set(old.intro.clone()),
            translations_json: Set(old.translations_json.clone()),
            status: Set(QuestionnaireStatus::Open.code().to_string()),
            ..Default::default()
        })
        .await?;
    for q in questions {
        w.insert(question::ActiveModel {
            questionnaire_id: Set(new.questionnaire_id),
            position: Set(q.position),
            question_key: Set(q.question_key),
            group_key: Set(q.group_key),
            section: Set(q.section),
            prompt: Set(q.prompt),
            help: Set(q.help),
            translations_json: Set(q.translations_json),
            kind: Set(q.kind),
            vocabulary: Set(q.vocabulary),
            target_table: Set(q.target_table),
            target_field: Set(q.target_field),
            required: Set(q.required),
            ..Default::default()
        })
        .await?;
    }
    w.update::<questionnaire::Entity>(old.questionnaire_id, old.version, |row| {
        row.status = Set(QuestionnaireStatus::Closed.code().to_string());
    })
    .await?;
    w.commit().await?;
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_questionnaire_parses_and_every_target_is_a_real_field() {
        let def = definition().unwrap();
        assert!(def.question.len() >= 25);
        for q in &def.question {
            if let Some(target) = &q.target {
                let (table, field) = target.split_once('.').unwrap_or((target, ""));
                let fields = nmp_store::records::schema::fields(table).unwrap_or_else(|e| panic!("{}: {e}", q.key));
                if !field.is_empty() {
                    assert!(
                        fields.iter().any(|f| f.name == field),
                        "{}: {table} has no field {field}",
                        q.key
                    );
                }
            }
            if let Some(group) = &q.group {
                assert!(
                    def.question.iter().any(|g| &g.key == group && g.kind == "group"),
                    "{}",
                    q.key
                );
            }
        }
    }
}
