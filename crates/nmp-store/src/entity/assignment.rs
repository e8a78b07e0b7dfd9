//! Assignments: a country or profile of an edition given to a researcher or student, with a due date.

editable!("assignment", assignment_id: i32, auto = true; edition_id: i32, assignee_account_id: i32, country_iso3: Option<String>, profile_id: Option<i32>, due_on: String, state: String, note: Option<String>, assigned_by: i32);
