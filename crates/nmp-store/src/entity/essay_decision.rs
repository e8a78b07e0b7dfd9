//! The editor's decision on a version of an essay (`EssayDecision`) and the letter sent to the
//! author.

editable!("essay_decision", decision_id: i32, auto = true; essay_id: i32, version_id: i32, decision: String, letter: String, decided_by: i32);
