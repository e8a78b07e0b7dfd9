//! Which records a role's changes may touch. Administrators, editors and researchers may change
//! any record and reviewers none; a student's or a partner's change is checked against the record
//! as it is and as it would be, using what the store looks up (open assignments, the record's
//! country, the owner of an edition part, a cited record).

use serde_json::Value;

use super::Fields;
use crate::vocab::{AccountRole, ChangeAction};

/// How far a role's changes reach before the record is looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Any record.
    Everything,
    /// No record: the refusal says why.
    Nothing(&'static str),
    /// Only the records in the account's scope (students and partners).
    InScope,
}

/// How far `role`'s changes reach.
pub fn reach(role: AccountRole) -> Reach {
    match role {
        AccountRole::Admin | AccountRole::Editor | AccountRole::Researcher => Reach::Everything,
        AccountRole::Reviewer => Reach::Nothing("reviewers read and comment; they do not change records"),
        AccountRole::Student | AccountRole::Partner => Reach::InScope,
    }
}

/// Whether a change is open to anyone who may propose at all: a new source.
pub fn open_to_all(table: &str, action: ChangeAction) -> bool {
    table == "source" && action == ChangeAction::Create
}

/// The refusal for a change outside a student's or a partner's scope.
pub fn out_of_scope(role: AccountRole) -> &'static str {
    match role {
        AccountRole::Student => {
            "students may change only the records of their open assignments (ask an editor to assign the country or profile)"
        }
        _ => "partner accounts may change only the profiles and edition parts their organisation owns",
    }
}

/// A field's value as a key (`mechanism_id`, `owner_organization_id`, ...).
pub fn int_field(fields: &Fields, name: &str) -> Option<i32> {
    fields
        .get(name)
        .and_then(Value::as_i64)
        .and_then(|v| i32::try_from(v).ok())
}

/// The record a citation's fields point to: its table (`entity`) and key (`entity_id`, kept as
/// text).
pub fn cited(fields: &Fields) -> Option<(&str, i32)> {
    let entity = fields.get("entity").and_then(Value::as_str)?;
    let id = fields
        .get("entity_id")
        .and_then(Value::as_str)
        .and_then(|k| k.parse::<i32>().ok())?;
    Some((entity, id))
}

/// Whether a record is one of the profiles a student's open assignments name (`open_profiles`),
/// or a citation of one. Otherwise the record's country decides ([`country_assigned`]).
pub fn profile_assigned(open_profiles: &[i32], table: &str, fields: &Fields, key: Option<i32>) -> bool {
    if table == "profile"
        && let Some(k) = key
        && open_profiles.contains(&k)
    {
        return true;
    }
    table == "citation" && matches!(cited(fields), Some(("profile", id)) if open_profiles.contains(&id))
}

/// Whether the country a record belongs to is one a student's open assignments name.
pub fn country_assigned(open_countries: &[&str], country: &str) -> bool {
    open_countries.contains(&country)
}

/// What decides whether a partner's organisation owns a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ownership<'a> {
    /// Decided from the record's own fields.
    Decided(bool),
    /// Owned if this edition part is.
    Part(i32),
    /// Owned if the cited profile or edition part (table, key) is.
    Cited(&'a str, i32),
}

/// Whether organisation `org` owns a record of `table` with `fields`: edition parts and profiles
/// it owns (a profile also through its edition part), and citations of those.
pub fn owned_by<'a>(org: i32, table: &str, fields: &'a Fields) -> Ownership<'a> {
    match table {
        "edition_part" => Ownership::Decided(int_field(fields, "owner_organization_id") == Some(org)),
        "profile" => {
            if int_field(fields, "owner_organization_id") == Some(org) {
                return Ownership::Decided(true);
            }
            match int_field(fields, "edition_part_id") {
                Some(part) => Ownership::Part(part),
                None => Ownership::Decided(false),
            }
        }
        "citation" => match cited(fields) {
            Some((entity @ ("profile" | "edition_part"), id)) => Ownership::Cited(entity, id),
            _ => Ownership::Decided(false),
        },
        _ => Ownership::Decided(false),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(value: Value) -> Fields {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn roles_reach_everything_nothing_or_their_scope() {
        use AccountRole::*;
        for role in [Admin, Editor, Researcher] {
            assert_eq!(reach(role), Reach::Everything);
        }
        assert!(matches!(reach(Reviewer), Reach::Nothing(m) if m.contains("do not change records")));
        assert_eq!(reach(Student), Reach::InScope);
        assert_eq!(reach(Partner), Reach::InScope);
        assert!(open_to_all("source", ChangeAction::Create));
        assert!(!open_to_all("source", ChangeAction::Update));
        assert!(!open_to_all("mechanism", ChangeAction::Create));
        assert!(out_of_scope(Student).starts_with("students may change only"));
        assert!(out_of_scope(Partner).starts_with("partner accounts may change only"));
    }

    #[test]
    fn students_reach_their_profiles_and_countries() {
        let profile_citation = fields(json!({"entity": "profile", "entity_id": "7"}));
        assert!(profile_assigned(&[7], "profile", &Fields::new(), Some(7)));
        assert!(!profile_assigned(&[7], "profile", &Fields::new(), Some(8)));
        assert!(!profile_assigned(&[7], "profile", &Fields::new(), None));
        assert!(profile_assigned(&[7], "citation", &profile_citation, None));
        assert!(!profile_assigned(&[8], "citation", &profile_citation, None));
        let other = fields(json!({"entity": "mechanism", "entity_id": "7"}));
        assert!(!profile_assigned(&[7], "citation", &other, None));
        assert!(country_assigned(&["KEN", "UGA"], "UGA"));
        assert!(!country_assigned(&["KEN"], "UGA"));
    }

    #[test]
    fn partners_own_their_parts_profiles_and_citations_of_them() {
        let part = fields(json!({"owner_organization_id": 3}));
        assert_eq!(owned_by(3, "edition_part", &part), Ownership::Decided(true));
        assert_eq!(owned_by(4, "edition_part", &part), Ownership::Decided(false));
        assert_eq!(owned_by(3, "profile", &part), Ownership::Decided(true));
        let in_part = fields(json!({"owner_organization_id": null, "edition_part_id": 9}));
        assert_eq!(owned_by(3, "profile", &in_part), Ownership::Part(9));
        assert_eq!(owned_by(3, "profile", &Fields::new()), Ownership::Decided(false));
        let citation = fields(json!({"entity": "edition_part", "entity_id": "9"}));
        assert_eq!(owned_by(3, "citation", &citation), Ownership::Cited("edition_part", 9));
        let citation = fields(json!({"entity": "mechanism", "entity_id": "9"}));
        assert_eq!(owned_by(3, "citation", &citation), Ownership::Decided(false));
        assert_eq!(owned_by(3, "mechanism", &part), Ownership::Decided(false));
        assert_eq!(int_field(&fields(json!({"x": 5_000_000_000_i64})), "x"), None);
    }
}
