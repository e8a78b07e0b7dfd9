//! Editions of the report.

editable!("edition", edition_id: i32, auto = true; slug: String, title: String, subtitle: Option<String>, kind: String, status: String, period_start: Option<String>, period_end: Option<String>, published_on: Option<String>, pages: Option<i32>, licence: Option<String>, snapshot_hash: Option<String>, note: Option<String>, methodology: Option<String>, language: String);
