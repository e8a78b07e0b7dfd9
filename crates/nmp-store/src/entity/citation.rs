//! Citations: a source tied to a record (and optionally one field), with locator and quote.

editable!("citation", citation_id: i32, auto = true; source_id: i32, entity: String, entity_id: String, field: Option<String>, locator: Option<String>, quote: Option<String>);
