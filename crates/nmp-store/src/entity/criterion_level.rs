//! The ordered levels of a criterion (rank 1 is the lowest), each with its descriptor.

editable!("criterion_level", criterion_level_id: i32, auto = true; criterion_id: i32, rank: i32, label: String, descriptor: Option<String>);
