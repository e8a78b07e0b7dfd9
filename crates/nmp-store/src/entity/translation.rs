//! Translations of records' prose fields: a record (`entity`, `entity_id`), its field and a
//! language, the text, and whether it is NMP's own translation (`by_nmp`) or an official one
//! (cited through `citation`).

editable!("translation", translation_id: i32, auto = true; entity: String, entity_id: String, field: String, language: String, text: String, by_nmp: bool, note: Option<String>);
