//! The bibliography: documents, laws, web pages, news items, interviews.

editable!("source", source_id: i32, auto = true; slug: String, title: String, kind: String, author: Option<String>, publisher: Option<String>, published_on: Option<String>, url: Option<String>, accessed_on: Option<String>, language: Option<String>, note: Option<String>, archived_url: Option<String>);
