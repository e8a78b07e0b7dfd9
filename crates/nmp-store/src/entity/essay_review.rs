//! A reviewer's assignment to one version of an essay (a staff reviewer by account, or an
//! external one by a personal link whose token is stored hashed) and, once submitted, their
//! recommendation and comments for the author and for the editor.

editable!("essay_review", review_id: i32, auto = true; essay_id: i32, version_id: i32, round: i32, reviewer_name: String, reviewer_email: String, reviewer_account_id: Option<i32>, token_hash: Option<String>, expires_at: TimeDateTimeWithTimeZone, due_on: String, recommendation: Option<String>, to_author: Option<String>, to_editor: Option<String>, submitted_at: Option<TimeDateTimeWithTimeZone>, reminders_sent: i32, last_reminder_at: Option<TimeDateTimeWithTimeZone>);
