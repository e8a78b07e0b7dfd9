//! An indicator of a criterion: a risk factor's indicator in the UN Framework of Analysis, with
//! its number and wording (cited in `citation`).

editable!("criterion_indicator", criterion_indicator_id: i32, auto = true; criterion_id: i32, code: String, position: i32, text: String, note: Option<String>);
