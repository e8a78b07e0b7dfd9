//! Questionnaires: one per edition and revision; a questionnaire with answers is not reshaped but
//! followed by a new revision.

editable!("questionnaire", questionnaire_id: i32, auto = true; edition_id: i32, slug: String, title: String, revision: i32, previous_id: Option<i32>, intro: Option<String>, status: String, translations_json: Option<String>);
