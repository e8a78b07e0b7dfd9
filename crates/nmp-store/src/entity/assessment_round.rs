//! Assessment rounds: which framework, for which edition, due when.

editable!("assessment_round", assessment_round_id: i32, auto = true; edition_id: i32, framework_id: i32, title: String, due_on: String, state: String, release_ratings: bool, note: Option<String>, opened_by: Option<i32>);
