//! The criteria of a framework version.

editable!("criterion", criterion_id: i32, auto = true; framework_id: i32, code: String, position: i32, label: String, description: Option<String>, category: Option<String>, note: Option<String>);
