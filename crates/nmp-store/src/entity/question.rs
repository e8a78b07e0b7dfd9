//! The questions of a questionnaire, each mapped to the record field it feeds.

editable!("question", question_id: i32, auto = true; questionnaire_id: i32, position: i32, question_key: String, group_key: Option<String>, section: Option<String>, prompt: String, help: Option<String>, kind: String, vocabulary: Option<String>, target_table: Option<String>, target_field: Option<String>, required: bool, translations_json: Option<String>);
