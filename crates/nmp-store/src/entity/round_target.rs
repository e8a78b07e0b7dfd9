//! What a round rates: an initiative or a mechanism.

editable!("round_target", round_target_id: i32, auto = true; assessment_round_id: i32, initiative_id: Option<i32>, mechanism_id: Option<i32>);
