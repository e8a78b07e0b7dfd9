//! National (or regional) initiatives for atrocity prevention, apart from the mechanisms.

editable!("initiative", initiative_id: i32, auto = true; slug: String, country_iso3: Option<String>, mechanism_id: Option<i32>, initiative_kind_id: i32, title: String, started_on: Option<String>, ended_on: Option<String>, lead_organization_id: Option<i32>, description: Option<String>, note: Option<String>);
