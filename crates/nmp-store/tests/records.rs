//! The workspace's record editing, proposals, review, assignments and scope rules, on SQLite and
//! (when configured) PostgreSQL. Rows are synthetic test fixtures.

mod fixtures;

use std::collections::BTreeMap;

use nmp_core::vocab::{AccountRole, ChangeAction, ReviewState};
use nmp_store::entity::{account, edition, profile};
use nmp_store::records::apply::ApplyError;
use nmp_store::records::{Change, CitationInput, Fields, SourceRef, schema};
use nmp_store::testing as common;
use nmp_store::{Set, Store, StoreError};

fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

async fn account(store: &Store, email: &str, role: AccountRole) -> account::Model {
    store
        .create_account("system:test", email, "Synthetic person", role)
        .await
        .unwrap()
}

async fn base(store: &Store) -> (i32, i32, i32) {
    let mut w = store.writer("system:test").await.unwrap();
    fixtures::country(&mut w, "KEN", "Kenya").await;
    fixtures::country(&mut w, "UGA", "Uganda").await;
    let ken = fixtures::mechanism(&mut w, "ken-synthetic", "KEN").await;
    let uga = fixtures::mechanism(&mut w, "uga-synthetic", "UGA").await;
    let source = fixtures::source(&mut w, "synthetic-source").await;
    w.commit().await.unwrap();
    (ken.mechanism_id, uga.mechanism_id, source.source_id)
}

fn update(table: &str, key: i32, version: i32, fields: &[(&str, serde_json::Value)]) -> Change {
    Change {
        table: table.into(),
        action: ChangeAction::Update,
        key: Some(key),
        base_version: Some(version),
        fields: fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
    }
}

#[tokio::test]
async fn direct_edits_write_audit_and_refuse_stale_versions() {
    for db in common::engines().await {
        let s = &db.store;
        let (ken, _, source) = base(s).await;
        let cite = CitationInput {
            source: SourceRef::Existing(source),
            field: Some("name".into()),
            locator: Some("p. 6".into()),
            quote: None,
        };
        let change = update("mechanism", ken, 1, &[("name", "Renamed (synthetic)".into())]);
        let record = s
            .apply_direct("editor@example.org", &change, Some(&cite))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(record.version, 2, "{}", db.engine);
        assert_eq!(record.fields["name"], "Renamed (synthetic)");
        let cites = s.citations_for("mechanism", &ken.to_string()).await.unwrap();
        assert_eq!(cites.len(), 1);
        assert_eq!(cites[0].0.field.as_deref(), Some("name"));
        assert_eq!(cites[0].0.locator.as_deref(), Some("p. 6"));
        let history = s.history("mechanism", &ken.to_string()).await.unwrap();
        assert_eq!(history[0].action, "update");
        assert_eq!(history[0].actor, "editor@example.org");

        // The same version again: a conflict, and nothing changes.
        let stale = update("mechanism", ken, 1, &[("name", "Lost update".into())]);
        match s.apply_direct("other@example.org", &stale, None).await {
            Err(ApplyError::Store(StoreError::Conflict {
                expected: 1,
                current: 2,
                ..
            })) => {}
            other => panic!("{}: expected a conflict, got {other:?}", db.engine),
        }
        assert_eq!(
            s.record("mechanism", ken).await.unwrap().unwrap().fields["name"],
            "Renamed (synthetic)"
        );

        // Bad references are field errors found inside the write.
        let bad = update("mechanism", ken, 2, &[("lead_organization_id", 999_999.into())]);
        match s.apply_direct("editor@example.org", &bad, None).await {
            Err(ApplyError::Fields(errors)) => assert_eq!(errors[0].field, "lead_organization_id"),
            other => panic!("{}: expected a field error, got {other:?}", db.engine),
        }

        // Create with a new source in the same write, then delete (its citations go with it).
        let fields = schema::parse(
            "mechanism_status",
            &form(&[
                ("mechanism_id", &ken.to_string()),
                ("status", "active"),
                ("status_on", "2016"),
                ("confidence", "sourced"),
            ]),
        )
        .unwrap()
        .unwrap();
        let mut new_source = Fields::new();
        for (k, v) in [
            ("slug", "synthetic-new-source"),
            ("title", "A synthetic source"),
            ("kind", "web_page"),
        ] {
            new_source.insert(k.into(), v.into());
        }
        let create = Change {
            table: "mechanism_status".into(),
            action: ChangeAction::Create,
            key: None,
            base_version: None,
            fields,
        };
        let cite = CitationInput {
            source: SourceRef::New(new_source),
            field: None,
            locator: None,
            quote: Some("quoted words".into()),
        };
        let status = s
            .apply_direct("editor@example.org", &create, Some(&cite))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(status.fields["status_on"], "2016");
        let cites = s
            .citations_for("mechanism_status", &status.key.to_string())
            .await
            .unwrap();
        assert_eq!(cites[0].1.slug, "synthetic-new-source", "{}", db.engine);
        let delete = Change {
            table: "mechanism_status".into(),
            action: ChangeAction::Delete,
            key: Some(status.key),
            base_version: Some(status.version),
            fields: Fields::new(),
        };
        assert!(
            s.apply_direct("editor@example.org", &delete, None)
                .await
                .unwrap()
                .is_none()
        );
        assert!(s.record("mechanism_status", status.key).await.unwrap().is_none());
        assert!(
            s.citations_for("mechanism_status", &status.key.to_string())
                .await
                .unwrap()
                .is_empty()
        );

        // A mechanism other rows point to cannot be deleted; the error says why.
        let m = s.record("mechanism", ken).await.unwrap().unwrap();
        let mut w = s.writer("system:test").await.unwrap();
        w.insert(nmp_store::entity::mechanism_status::ActiveModel {
            mechanism_id: Set(ken),
            status: Set("active".into()),
            status_on: Set(None),
            confidence: Set("sourced".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        let delete = Change {
            table: "mechanism".into(),
            action: ChangeAction::Delete,
            key: Some(ken),
            base_version: Some(m.version),
            fields: Fields::new(),
        };
        match s.apply_direct("editor@example.org", &delete, None).await {
            Err(ApplyError::Fields(errors)) => assert!(errors[0].message.contains("other records point to it")),
            other => panic!("{}: expected a refusal, got {other:?}", db.engine),
        }
        assert!(s.record("mechanism", ken).await.unwrap().is_some());
        assert!(s.verify_audit_chain().await.unwrap().events > 0);
        db.finish().await;
    }
}

#[tokio::test]
async fn proposals_wait_for_an_editor_and_conflicts_keep_them_in_the_queue() {
    for db in common::engines().await {
        let s = &db.store;
        let (ken, _, source) = base(s).await;
        let researcher = account(s, "researcher@example.org", AccountRole::Researcher).await;
        let editor = account(s, "editor@example.org", AccountRole::Editor).await;
        let cite = CitationInput {
            source: SourceRef::Existing(source),
            field: Some("acronym".into()),
            locator: None,
            quote: None,
        };
        let change = update("mechanism", ken, 1, &[("acronym", "SYN".into())]);
        let p = s
            .propose(&researcher, &change, Some(&cite), Some("from the 2017 report"))
            .await
            .unwrap();
        assert_eq!(p.state, "proposed");
        // Nothing is written until an editor approves.
        assert_eq!(s.record("mechanism", ken).await.unwrap().unwrap().version, 1);
        assert_eq!(s.proposals(Some(ReviewState::Proposed), None).await.unwrap().len(), 1);

        let decided = s
            .decide(&editor, p.proposal_id, p.version, true, Some("thanks"))
            .await
            .unwrap();
        assert_eq!(decided.state, "approved", "{}", db.engine);
        assert_eq!(decided.decided_by, Some(editor.account_id));
        let m = s.record("mechanism", ken).await.unwrap().unwrap();
        assert_eq!(m.fields["acronym"], "SYN");
        assert_eq!(m.updated_by, "editor@example.org");
        let cites = s.citations_for("mechanism", &ken.to_string()).await.unwrap();
        assert_eq!(cites[0].0.field.as_deref(), Some("acronym"));
        // Deciding twice is refused.
        assert!(
            s.decide(&editor, p.proposal_id, decided.version, false, None)
                .await
                .is_err()
        );

        // Two proposals against version 2: the first approved wins, the second conflicts.
        let a = s
            .propose(
                &researcher,
                &update("mechanism", ken, 2, &[("acronym", "A".into())]),
                None,
                None,
            )
            .await
            .unwrap();
        let b = s
            .propose(
                &researcher,
                &update("mechanism", ken, 2, &[("acronym", "B".into())]),
                None,
                None,
            )
            .await
            .unwrap();
        s.decide(&editor, a.proposal_id, a.version, true, None).await.unwrap();
        match s.decide(&editor, b.proposal_id, b.version, true, None).await {
            Err(ApplyError::Store(StoreError::Conflict { .. })) => {}
            other => panic!("{}: expected a conflict, got {other:?}", db.engine),
        }
        assert_eq!(
            s.record("mechanism", ken).await.unwrap().unwrap().fields["acronym"],
            "A"
        );
        let b_now = s.proposals(Some(ReviewState::Proposed), None).await.unwrap();
        assert_eq!(b_now.len(), 1, "the conflicting proposal stays in the queue");
        let rejected = s
            .decide(&editor, b.proposal_id, b.version, false, Some("superseded"))
            .await
            .unwrap();
        assert_eq!(rejected.decision_comment.as_deref(), Some("superseded"));
        assert_eq!(s.proposals(None, Some(researcher.account_id)).await.unwrap().len(), 3);

        // A proposal with a bad value is refused at once, naming the field.
        match s
            .propose(
                &researcher,
                &update("mechanism", ken, 3, &[("lead_organization_id", 424_242.into())]),
                None,
                None,
            )
            .await
        {
            Err(ApplyError::Fields(errors)) => assert_eq!(errors[0].field, "lead_organization_id"),
            other => panic!("{}: expected a field error, got {other:?}", db.engine),
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn students_change_only_their_assignments_and_partners_only_what_they_own() {
    for db in common::engines().await {
        let s = &db.store;
        let (ken, uga, _) = base(s).await;
        let editor = account(s, "editor@example.org", AccountRole::Editor).await;
        let student = account(s, "student@example.org", AccountRole::Student).await;
        let mut w = s.writer("system:test").await.unwrap();
        let e = w
            .insert(edition::ActiveModel {
                slug: Set("synthetic-edition".into()),
                title: Set("Synthetic edition".into()),
                subtitle: Set(None),
                kind: Set("annual_report".into()),
                status: Set("collecting".into()),
                period_start: Set(None),
                period_end: Set(None),
                published_on: Set(None),
                pages: Set(None),
                licence: Set(None),
                snapshot_hash: Set(None),
                note: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        w.commit().await.unwrap();

        let on_ken = update("mechanism", ken, 1, &[("acronym", "K".into())]);
        assert!(
            s.scope(&student, AccountRole::Student, &on_ken).await.is_err(),
            "{}",
            db.engine
        );
        let a = s
            .assign(
                &editor,
                e.edition_id,
                student.account_id,
                Some("KEN"),
                None,
                "2026-12-31",
                None,
            )
            .await
            .unwrap();
        s.scope(&student, AccountRole::Student, &on_ken).await.unwrap();
        let on_uga = update("mechanism", uga, 1, &[("acronym", "U".into())]);
        assert!(s.scope(&student, AccountRole::Student, &on_uga).await.is_err());
        // Moving a mechanism out of the assigned country is out of scope too.
        let moved = update("mechanism", ken, 1, &[("country_iso3", "UGA".into())]);
        assert!(s.scope(&student, AccountRole::Student, &moved).await.is_err());
        let mine = s.assignments(Some(student.account_id), false).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert!(!mine[0].overdue);
        s.complete_assignment(&student, AccountRole::Student, a.assignment_id, a.version)
            .await
            .unwrap();
        assert!(
            s.scope(&student, AccountRole::Student, &on_ken).await.is_err(),
            "done assignments give no scope"
        );

        // Overdue: open after its due date.
        s.assign(
            &editor,
            e.edition_id,
            student.account_id,
            Some("UGA"),
            None,
            "2001-01-01",
            None,
        )
        .await
        .unwrap();
        let overdue = s.assignments(None, true).await.unwrap();
        assert_eq!(overdue.len(), 1);
        assert_eq!(overdue[0].assignment.country_iso3.as_deref(), Some("UGA"));
        match s
            .assign(&editor, e.edition_id, student.account_id, None, None, "soon", None)
            .await
        {
            Err(ApplyError::Fields(errors)) => {
                let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(named, ["due_on", "country_iso3"]);
            }
            other => panic!("{}: expected field errors, got {other:?}", db.engine),
        }

        // Reviewers change nothing; partners nothing outside their organisation's profiles.
        let reviewer = account(s, "reviewer@example.org", AccountRole::Reviewer).await;
        assert!(s.scope(&reviewer, AccountRole::Reviewer, &on_ken).await.is_err());
        let partner = account(s, "partner@example.org", AccountRole::Partner).await;
        assert!(s.scope(&partner, AccountRole::Partner, &on_ken).await.is_err());
        let mut w = s.writer("system:test").await.unwrap();
        let org = fixtures::organization(&mut w, "synthetic-partner", None).await;
        let mut profiles = Vec::new();
        for (mechanism, owner) in [(ken, Some(org.organization_id)), (uga, None)] {
            let p = w
                .insert(profile::ActiveModel {
                    edition_id: Set(e.edition_id),
                    mechanism_id: Set(mechanism),
                    section: Set("featured".into()),
                    edition_part_id: Set(None),
                    heading: Set(None),
                    page: Set(None),
                    owner_organization_id: Set(owner),
                    assignee_account_id: Set(None),
                    review_state: Set("draft".into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            profiles.push(p);
        }
        w.commit().await.unwrap();
        let partner = s
            .set_account_organization("system:test", partner.account_id, Some(org.organization_id))
            .await
            .unwrap();
        let owned = update(
            "profile",
            profiles[0].profile_id,
            1,
            &[("history", "Synthetic text".into())],
        );
        s.scope(&partner, AccountRole::Partner, &owned).await.unwrap();
        let not_owned = update(
            "profile",
            profiles[1].profile_id,
            1,
            &[("history", "Synthetic text".into())],
        );
        assert!(s.scope(&partner, AccountRole::Partner, &not_owned).await.is_err());
        // Giving the profile away is out of scope as well.
        let give_away = update(
            "profile",
            profiles[0].profile_id,
            1,
            &[("owner_organization_id", serde_json::Value::Null)],
        );
        assert!(s.scope(&partner, AccountRole::Partner, &give_away).await.is_err());
        // A profile assignment gives a student that profile only.
        s.assign(
            &editor,
            e.edition_id,
            student.account_id,
            None,
            Some(profiles[1].profile_id),
            "2030-01-01",
            None,
        )
        .await
        .unwrap();
        s.scope(&student, AccountRole::Student, &not_owned).await.unwrap();
        assert!(s.scope(&student, AccountRole::Student, &owned).await.is_err());
        db.finish().await;
    }
}
