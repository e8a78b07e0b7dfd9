//! What an assignment must name, who takes one, when it is overdue and who may close it.

use crate::ValidationError;
use crate::vocab::{AccountRole, AssignmentState};

use super::roles::may_decide;

/// The problems with an assignment's own values: `due_on` must be a day (`YYYY-MM-DD`; it is
/// trimmed first), and exactly one of a country and a profile must be given.
pub fn check(due_on: &str, has_country: bool, has_profile: bool) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let due = due_on.trim();
    match crate::PartialDate::parse("due_on", due) {
        Ok(_) if due.len() == 10 => {}
        _ => errors.push(ValidationError::new(
            "due_on",
            format!("{due:?} is not a date (YYYY-MM-DD)"),
        )),
    }
    if has_country == has_profile {
        errors.push(ValidationError::new(
            "country_iso3",
            "give either a country or a profile",
        ));
    }
    errors
}

/// The problem with an assignee whose account has the stored role `role` (`None`: no such
/// account); only researchers, students, editors and partners take assignments.
pub fn check_assignee(role: Option<&str>) -> Option<ValidationError> {
    match role {
        Some("researcher" | "student" | "editor" | "partner") => None,
        Some(_) => Some(ValidationError::new(
            "assignee_account_id",
            "only researchers, students, editors and partners take assignments",
        )),
        None => Some(ValidationError::new("assignee_account_id", "no such account")),
    }
}

/// Whether an assignment in `state`, due on `due_on`, is overdue on `today` (both `YYYY-MM-DD`).
pub fn overdue(state: &str, due_on: &str, today: &str) -> bool {
    state == AssignmentState::Open.code() && due_on < today
}

/// Whether an account may close an assignment: its assignee, or one whose `role` decides.
pub fn may_complete(is_assignee: bool, role: AccountRole) -> bool {
    is_assignee || may_decide(role)
}

/// The refusal when [`may_complete`] is false.
pub const ONLY_ASSIGNEE_COMPLETES: &str = "only the assignee or an editor may close an assignment";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assignment_names_a_day_and_one_thing() {
        assert!(check(" 2026-12-31 ", true, false).is_empty());
        assert!(check("2026-12-31", false, true).is_empty());
        let fields = |e: Vec<ValidationError>| e.into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(check("2026-12", true, false)), ["due_on"]);
        assert_eq!(fields(check("soon", true, true)), ["due_on", "country_iso3"]);
        assert_eq!(fields(check("2026-12-31", false, false)), ["country_iso3"]);
    }

    #[test]
    fn assignees_overdue_and_closing() {
        assert!(check_assignee(Some("student")).is_none());
        assert!(
            check_assignee(Some("reviewer"))
                .unwrap()
                .message
                .starts_with("only researchers")
        );
        assert_eq!(check_assignee(None).unwrap().message, "no such account");
        assert!(overdue("open", "2026-01-01", "2026-01-02"));
        assert!(!overdue("open", "2026-01-02", "2026-01-02"));
        assert!(!overdue("done", "2026-01-01", "2026-01-02"));
        assert!(may_complete(true, AccountRole::Student));
        assert!(!may_complete(false, AccountRole::Researcher));
        assert!(may_complete(false, AccountRole::Editor));
    }
}
