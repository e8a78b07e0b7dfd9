//! Partner organisations of an initiative.

editable!("initiative_partner", initiative_partner_id: i32, auto = true; initiative_id: i32, organization_id: i32, role: Option<String>, note: Option<String>);
