//! UN member and observer states (reference data).

editable!("country", country_iso3: String, auto = false; iso2: String, m49: String, name: String, un_region: Option<String>, un_subregion: Option<String>, un_regional_group: Option<String>, un_status: String, un_member_since: Option<String>, note: Option<String>);
