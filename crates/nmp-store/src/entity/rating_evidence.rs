//! The evidence a rater gives for a rating.

editable!("rating_evidence", rating_evidence_id: i32, auto = true; rating_id: i32, source_id: i32, locator: Option<String>, quote: Option<String>);
