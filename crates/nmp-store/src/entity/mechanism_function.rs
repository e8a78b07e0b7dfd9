//! How far a mechanism carries out a function, per edition.

editable!("mechanism_function", mechanism_function_id: i32, auto = true; mechanism_id: i32, edition_id: i32, function_id: i32, level: String, evidence: Option<String>);
