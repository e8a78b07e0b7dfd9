//! The raters of a round, each with a pseudonym for released data.

editable!("round_rater", round_rater_id: i32, auto = true; assessment_round_id: i32, account_id: i32, pseudonym: String);
