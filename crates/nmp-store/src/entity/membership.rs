//! Organisations sitting on a mechanism, with role and dates.

editable!("membership", membership_id: i32, auto = true; mechanism_id: i32, organization_id: i32, role: String, since_on: Option<String>, until_on: Option<String>, confidence: String, note: Option<String>);
