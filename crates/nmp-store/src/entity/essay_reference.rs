//! What a version of an essay cites on the platform: a source (`kind = source`, `key` its slug) or
//! a record (`kind` mechanism, initiative, network, country, organization, edition or indicator,
//! `key` its slug or code), with the locator ("p. 4").

editable!("essay_reference", reference_id: i32, auto = true; essay_id: i32, version_id: i32, kind: String, key: String, locator: Option<String>);
