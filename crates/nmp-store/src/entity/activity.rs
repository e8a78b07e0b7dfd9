//! Dated outputs of a mechanism (trainings, meetings, reports).

editable!("activity", activity_id: i32, auto = true; mechanism_id: i32, occurred_on: String, kind: String, function_id: Option<i32>, title: String, description: Option<String>, outcome: Option<String>);
