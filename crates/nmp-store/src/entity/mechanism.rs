//! Mechanisms for atrocity prevention.

editable!("mechanism", mechanism_id: i32, auto = true; slug: String, country_iso3: Option<String>, name: String, local_name: Option<String>, acronym: Option<String>, level: String, mechanism_type: String, created_on: Option<String>, launched_on: Option<String>, lead_organization_id: Option<i32>, website: Option<String>, mandate: Option<String>, instrument_kind: Option<String>, instrument_number: Option<String>, instrument_date: Option<String>, instrument_title: Option<String>, instrument_url: Option<String>, note: Option<String>);
