//! Regional and global networks of states.

editable!("network", network_id: i32, auto = true; slug: String, name: String, acronym: Option<String>, kind: String, founded_on: Option<String>, secretariat_organization_id: Option<i32>, description: Option<String>, note: Option<String>);
