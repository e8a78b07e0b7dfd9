//! Proposed changes awaiting an editor's decision (the review queue).

editable!("proposal", proposal_id: i32, auto = true; entity: String, entity_id: Option<String>, action: String, base_version: Option<i32>, before_json: Option<String>, after_json: Option<String>, citation_json: Option<String>, message: Option<String>, state: String, proposed_by: Option<i32>, invitation_id: Option<i32>, decided_by: Option<i32>, decided_at: Option<TimeDateTimeWithTimeZone>, decision_comment: Option<String>, parent_proposal_id: Option<i32>);
