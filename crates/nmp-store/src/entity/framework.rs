//! Assessment frameworks (rubrics), one row per version.

editable!("framework", framework_id: i32, auto = true; slug: String, framework_version: i32, title: String, description: Option<String>, note: Option<String>);
