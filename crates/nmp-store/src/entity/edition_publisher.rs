//! Organisations that published or partnered on an edition, with their roles: for the whole
//! edition or one part of it, and in which phase of the series (dates as partial dates).

editable!("edition_publisher", edition_publisher_id: i32, auto = true; edition_id: i32, organization_id: i32, role: String, note: Option<String>, phase: Option<String>, phase_from: Option<String>, phase_until: Option<String>, edition_part_id: Option<i32>);
