//! Corrections to a published edition (migration `m0006_publication`): the next build of the
//! edition lists them after its snapshot's contents.

editable!("erratum", erratum_id: i32, auto = true; edition_id: i32, issued_on: String, location: String, correction: String, note: Option<String>);
