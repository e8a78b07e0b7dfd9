//! What each role may do at all: write directly or propose, review, decide.

use crate::vocab::AccountRole;

/// How an account's changes take effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditMode {
    /// Written at once (administrators, editors).
    Direct,
    /// Kept as a proposal until an editor approves it.
    Propose,
}

/// How `role`'s changes take effect; `None` if the role changes nothing.
pub fn edit_mode(role: AccountRole) -> Option<EditMode> {
    match role {
        AccountRole::Admin | AccountRole::Editor => Some(EditMode::Direct),
        AccountRole::Researcher | AccountRole::Student | AccountRole::Partner => Some(EditMode::Propose),
        AccountRole::Reviewer => None,
    }
}

/// Whether `role` may see the review queue and the audit log.
pub fn may_review(role: AccountRole) -> bool {
    matches!(role, AccountRole::Admin | AccountRole::Editor | AccountRole::Reviewer)
}

/// Whether `role` may approve or reject proposals and make assignments.
pub fn may_decide(role: AccountRole) -> bool {
    matches!(role, AccountRole::Admin | AccountRole::Editor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_write_others_propose_reviewers_only_read() {
        use AccountRole::*;
        assert_eq!(edit_mode(Admin), Some(EditMode::Direct));
        assert_eq!(edit_mode(Editor), Some(EditMode::Direct));
        for role in [Researcher, Student, Partner] {
            assert_eq!(edit_mode(role), Some(EditMode::Propose), "{role:?}");
        }
        assert_eq!(edit_mode(Reviewer), None);
        let reviewing: Vec<_> = AccountRole::ALL.iter().copied().filter(|r| may_review(*r)).collect();
        assert_eq!(reviewing, [Admin, Editor, Reviewer]);
        let deciding: Vec<_> = AccountRole::ALL.iter().copied().filter(|r| may_decide(*r)).collect();
        assert_eq!(deciding, [Admin, Editor]);
    }
}
