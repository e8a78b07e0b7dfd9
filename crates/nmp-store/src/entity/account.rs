//! Staff accounts (roles; passwords arrive with the workspace).

editable!("account", account_id: i32, auto = true; email: String, name: String, role: String, password_hash: Option<String>, active: bool);
