//! Dated member counts of a network, where sources give counts but not lists.

editable!("network_count", network_count_id: i32, auto = true; network_id: i32, counted_on: String, member_count: i32, note: Option<String>);
