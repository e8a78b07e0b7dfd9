//! A version of an essay: a submission, a revision or a copyedit, with its metadata (title,
//! abstract, keywords, authors with affiliations and ORCID iDs, competing interests, licence) and
//! its Markdown text. Versions are written once and never changed; `number` counts from 1.

editable!("essay_version", version_id: i32, auto = true; essay_id: i32, number: i32, kind: String, title: String, abstract_text: String, keywords: String, authors_json: String, competing_interests: String, licence: String, body: String, source_format: String, sha256: String, made_by: String);
