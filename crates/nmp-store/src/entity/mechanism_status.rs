//! Dated status history of a mechanism.

editable!("mechanism_status", mechanism_status_id: i32, auto = true; mechanism_id: i32, status: String, status_on: Option<String>, confidence: String, note: Option<String>);
