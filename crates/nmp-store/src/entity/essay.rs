//! One invited author's essay for a call: who they are, their personal link (the token stored
//! only as its SHA-256, expiring, revocable), the stage the essay is at (`EssayStage`), and once
//! it is in the edition, the `edition_part` that prints it.

editable!("essay", essay_id: i32, auto = true; call_id: i32, author_name: String, author_email: String, language: String, token_hash: String, expires_at: TimeDateTimeWithTimeZone, revoked_at: Option<TimeDateTimeWithTimeZone>, due_on: String, stage: String, accepted_at: Option<TimeDateTimeWithTimeZone>, declined_note: Option<String>, invited_by: i32, reminders_sent: i32, last_reminder_at: Option<TimeDateTimeWithTimeZone>, edition_part_id: Option<i32>, proofs_approved_at: Option<TimeDateTimeWithTimeZone>, proofs_note: Option<String>);
