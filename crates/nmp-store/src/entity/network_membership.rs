//! States in networks, with role and dates.

editable!("network_membership", network_membership_id: i32, auto = true; network_id: i32, country_iso3: String, role: String, joined_on: Option<String>, left_on: Option<String>, confidence: String, note: Option<String>);
