//! Indicators of a dataset (code, label, unit).

editable!("indicator", indicator_id: i32, auto = true; dataset_id: i32, code: String, label: String, unit: Option<String>, description: Option<String>);
