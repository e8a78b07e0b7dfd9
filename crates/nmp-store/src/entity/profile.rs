//! The text of an edition about one mechanism.

editable!("profile", profile_id: i32, auto = true; edition_id: i32, mechanism_id: i32, section: String, edition_part_id: Option<i32>, heading: Option<String>, page: Option<i32>, owner_organization_id: Option<i32>, assignee_account_id: Option<i32>, review_state: String, history: Option<String>, mandate: Option<String>, structure: Option<String>, outputs: Option<String>, challenges: Option<String>, recent_developments: Option<String>);
