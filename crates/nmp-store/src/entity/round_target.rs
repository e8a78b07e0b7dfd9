//! What a round rates: an initiative, a mechanism, or a country at a date.

editable!("round_target", round_target_id: i32, auto = true; assessment_round_id: i32, initiative_id: Option<i32>, mechanism_id: Option<i32>, country_iso3: Option<String>, assessed_on: Option<String>);
