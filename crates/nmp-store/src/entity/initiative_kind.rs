//! Kinds of national initiative (data, like the functions).

editable!("initiative_kind", initiative_kind_id: i32, auto = true; code: String, label: String, description: Option<String>);
