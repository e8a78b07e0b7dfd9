//! The parts of an edition (its table of contents): chapters and expert opinion essays.

editable!("edition_part", edition_part_id: i32, auto = true; edition_id: i32, part_key: String, position: i32, title: String, page: Option<i32>, summary: Option<String>, owner_organization_id: Option<i32>, body: Option<String>, kind: String, author: Option<String>);
