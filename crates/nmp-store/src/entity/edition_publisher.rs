//! Organisations that published or partnered on an edition, with their roles.

editable!("edition_publisher", edition_publisher_id: i32, auto = true; edition_id: i32, organization_id: i32, role: String, note: Option<String>);
