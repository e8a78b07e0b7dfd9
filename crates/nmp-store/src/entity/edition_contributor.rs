//! Authors and editors of an edition.

editable!("edition_contributor", edition_contributor_id: i32, auto = true; edition_id: i32, name: String, role: String, affiliation: Option<String>);
