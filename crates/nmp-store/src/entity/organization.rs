//! Actors: ministries, agencies, legislatures, NGOs, institutes, regional bodies.

editable!("organization", organization_id: i32, auto = true; slug: String, name: String, local_name: Option<String>, acronym: Option<String>, kind: String, country_iso3: Option<String>, parent_id: Option<i32>, website: Option<String>, note: Option<String>, sector: Option<String>);
