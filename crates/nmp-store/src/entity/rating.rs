//! One rater's level for one criterion of one target (internal).

editable!("rating", rating_id: i32, auto = true; round_target_id: i32, criterion_id: i32, round_rater_id: i32, criterion_level_id: i32, rationale: String, trend: Option<String>);
