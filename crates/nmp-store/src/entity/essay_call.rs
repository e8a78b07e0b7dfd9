//! An edition's call for expert opinion essays: its theme, description, deadline, who handles it
//! (an optional guest editor) and whether its peer review is single- or double-anonymous.

editable!("essay_call", call_id: i32, auto = true; edition_id: i32, title: String, description: Option<String>, deadline: String, guest_editor_id: Option<i32>, anonymity: String, status: String);
