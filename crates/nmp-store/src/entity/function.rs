//! The vocabulary of mechanism functions (data, extended by editors).

editable!("function", function_id: i32, auto = true; code: String, label: String, description: String);
