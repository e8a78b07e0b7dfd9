//! The consensus level of a criterion for a target, recorded by an editor after reconciliation.

editable!("consensus", consensus_id: i32, auto = true; round_target_id: i32, criterion_id: i32, criterion_level_id: i32, rationale: String, decided_by: Option<i32>, trend: Option<String>);
