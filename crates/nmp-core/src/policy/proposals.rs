//! How a proposal is decided: only once, against the version it was made on (or the current one
//! when its own fields have not moved), and rows proposed under a new record only after it.

use super::Fields;
use crate::vocab::{ChangeAction, ReviewState};

/// `Ok` if proposal `id` in `state` still waits for a decision; else the refusal.
pub fn decidable(id: i32, state: &str) -> Result<(), String> {
    if state != ReviewState::Proposed.code() {
        return Err(format!("proposal {id} has already been {state}"));
    }
    Ok(())
}

/// The state a decision leaves a proposal in.
pub fn decision(approve: bool) -> ReviewState {
    if approve {
        ReviewState::Approved
    } else {
        ReviewState::Rejected
    }
}

/// Whether an update may apply to the record's current version although the record moved on
/// since it was proposed: when none of its own fields (`changed`) differ between the record as it
/// was then (`before`) and as it is (`current`). Answers proposed field by field from one
/// questionnaire response are each approvable on their own this way; if any of its fields
/// changed, it conflicts.
pub fn rebases(changed: &Fields, current: &Fields, before: &Fields) -> bool {
    changed.keys().all(|f| current.get(f) == before.get(f))
}

/// `Ok` if a change (`action`) may belong to a proposal whose action is `parent_action`: only a
/// new row can belong to a proposal creating a record.
pub fn may_belong(parent_action: &str, action: ChangeAction) -> Result<(), &'static str> {
    if parent_action != ChangeAction::Create.code() || action != ChangeAction::Create {
        return Err("only a new row can belong to a proposal creating a record");
    }
    Ok(())
}

/// The refusal for approving proposal `id` whose parent proposal `parent_id` is gone.
pub fn parent_missing(id: i32, parent_id: i32) -> String {
    format!("proposal {id} belongs to proposal {parent_id}, which no longer exists")
}

/// The key of the record that parent proposal `parent_id` (about `entity`, in `state`, having
/// created the record `created`) made, for approving a row that belongs to it; a refusal that
/// says what to do while the parent waits or was rejected.
pub fn parent_key(parent_id: i32, entity: &str, state: &str, created: Option<i32>) -> Result<i32, String> {
    match (state, created) {
        ("approved", Some(key)) => Ok(key),
        ("proposed", _) => Err(format!(
            "approve proposal {parent_id} first: it creates the {entity} this row belongs to"
        )),
        _ => Err(format!(
            "proposal {parent_id}, which would have created the {entity} this row belongs to, was {state}; reject this one too"
        )),
    }
}

/// The comment on a row rejected because proposal `id`, creating the `entity` it belongs to, was.
pub fn rejected_with(id: i32, entity: &str) -> String {
    format!("Rejected with proposal {id}, which would have created the {entity} it belongs to.")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(value: serde_json::Value) -> Fields {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn a_proposal_is_decided_once() {
        assert_eq!(decidable(4, "proposed"), Ok(()));
        assert_eq!(
            decidable(4, "approved").unwrap_err(),
            "proposal 4 has already been approved"
        );
        assert_eq!(decision(true), ReviewState::Approved);
        assert_eq!(decision(false), ReviewState::Rejected);
    }

    #[test]
    fn an_update_rebases_only_when_its_own_fields_are_unchanged() {
        let changed = fields(json!({"acronym": "NEW"}));
        let before = fields(json!({"acronym": "OLD", "name": "A"}));
        assert!(rebases(
            &changed,
            &fields(json!({"acronym": "OLD", "name": "B"})),
            &before
        ));
        assert!(!rebases(
            &changed,
            &fields(json!({"acronym": "MOVED", "name": "A"})),
            &before
        ));
    }

    #[test]
    fn rows_wait_for_the_record_they_belong_to() {
        assert_eq!(may_belong("create", ChangeAction::Create), Ok(()));
        assert!(may_belong("update", ChangeAction::Create).is_err());
        assert!(may_belong("create", ChangeAction::Update).is_err());
        assert_eq!(parent_key(2, "mechanism", "approved", Some(11)), Ok(11));
        assert!(
            parent_key(2, "mechanism", "proposed", None)
                .unwrap_err()
                .starts_with("approve proposal 2 first")
        );
        assert!(
            parent_key(2, "mechanism", "rejected", None)
                .unwrap_err()
                .ends_with("was rejected; reject this one too")
        );
        assert!(parent_key(2, "mechanism", "approved", None).is_err());
        assert_eq!(
            parent_missing(5, 2),
            "proposal 5 belongs to proposal 2, which no longer exists"
        );
        assert_eq!(
            rejected_with(2, "mechanism"),
            "Rejected with proposal 2, which would have created the mechanism it belongs to."
        );
    }
}
