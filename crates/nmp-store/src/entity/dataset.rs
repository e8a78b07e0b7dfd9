//! External datasets (publisher, version, licence, file hash), e.g. the Early Warning Project.

editable!("dataset", dataset_id: i32, auto = true; slug: String, title: String, publisher: String, dataset_version: Option<String>, url: Option<String>, licence: Option<String>, file_name: Option<String>, file_sha256: Option<String>, note: Option<String>);
