//! Publishing freezes an edition and locks its rows: the writer refuses every change to them
//! (and to their citations) with `StoreError::Locked`, while errata, shared records and other
//! editions stay editable. Runs on SQLite and (when configured) PostgreSQL.

mod fixtures;

use nmp_store::entity::{citation, edition, edition_contributor, edition_part, erratum, mechanism_function, profile};
use nmp_store::testing::engines;
use nmp_store::{Set, Store, StoreError, Writer};

async fn new_edition(w: &mut Writer, slug: &str) -> edition::Model {
    w.insert(edition::ActiveModel {
        slug: Set(slug.into()),
        title: Set(format!("Synthetic edition {slug}")),
        kind: Set("annual_report".into()),
        status: Set("review".into()),
        ..Default::default()
    })
    .await
    .unwrap()
}

async fn publish(store: &Store, e: &edition::Model) -> edition::Model {
    let read_at = store.last_audit_event_id().await.unwrap();
    let mut w = store.writer("editor@example.org").await.unwrap();
    let e = w
        .freeze_edition(e.edition_id, read_at, &"a".repeat(64), "{}".into(), "{}".into())
        .await
        .unwrap();
    w.commit().await.unwrap();
    e
}

fn assert_locked<T: std::fmt::Debug>(result: Result<T, StoreError>, table: &str) {
    match result {
        Err(StoreError::Locked { edition, entity, .. }) => {
            assert_eq!(edition, "2099");
            assert_eq!(entity, table);
        }
        other => panic!("{table}: expected Locked, got {other:?}"),
    }
}

#[tokio::test]
async fn a_published_editions_rows_are_locked_and_errata_are_not() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("editor@example.org").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let m = fixtures::mechanism(&mut w, "ken-committee", "KEN").await;
        let owner = fixtures::organization(&mut w, "ken-justice", Some("KEN")).await;
        let src = fixtures::source(&mut w, "src-one").await;
        let e = new_edition(&mut w, "2099").await;
        let other = new_edition(&mut w, "2100").await;
        let part = w
            .insert(edition_part::ActiveModel {
                edition_id: Set(e.edition_id),
                part_key: Set("part-i".into()),
                position: Set(1),
                title: Set("Part I".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let p = w
            .insert(profile::ActiveModel {
                edition_id: Set(e.edition_id),
                mechanism_id: Set(m.mechanism_id),
                section: Set("update".into()),
                owner_organization_id: Set(Some(owner.organization_id)),
                review_state: Set("approved".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let cited = w
            .insert(citation::ActiveModel {
                source_id: Set(src.source_id),
                entity: Set("profile".into()),
                entity_id: Set(p.profile_id.to_string()),
                ..Default::default()
            })
            .await
            .unwrap();
        w.commit().await.unwrap();
        assert_eq!(s.edition_lock(e.edition_id).await.unwrap(), None, "{}", db.engine);

        let published = publish(s, &e).await;
        assert_eq!(published.status, "published");
        assert_eq!(published.snapshot_hash.as_deref(), Some("a".repeat(64).as_str()));
        let lock = s.edition_lock(e.edition_id).await.unwrap().unwrap();
        assert_eq!(
            (lock.slug.as_str(), lock.published_by.as_str()),
            ("2099", "editor@example.org")
        );
        let (_, frozen) = s.frozen_edition("2099").await.unwrap().unwrap();
        assert_eq!(frozen.unwrap().sha256, "a".repeat(64));

        let mut w = s.writer("editor@example.org").await.unwrap();
        // Updates and deletes of the edition's own rows.
        assert_locked(
            w.update::<edition::Entity>(e.edition_id, published.version, |r| r.title = Set("New".into()))
                .await,
            "edition",
        );
        assert_locked(
            w.update::<edition_part::Entity>(part.edition_part_id, part.version, |r| r.title = Set("Changed".into()))
                .await,
            "edition_part",
        );
        assert_locked(w.delete::<profile::Entity>(p.profile_id, p.version).await, "profile");
        // Inserts into it, directly or by moving a row of another edition into it.
        assert_locked(
            w.insert(edition_contributor::ActiveModel {
                edition_id: Set(e.edition_id),
                name: Set("A. Person".into()),
                role: Set("editor".into()),
                ..Default::default()
            })
            .await,
            "edition_contributor",
        );
        let f = nmp_store::entity::function::ActiveModel {
            code: Set("risk".into()),
            label: Set("Risk".into()),
            description: Set("Synthetic".into()),
            ..Default::default()
        };
        let f = w.insert(f).await.unwrap();
        assert_locked(
            w.insert(mechanism_function::ActiveModel {
                mechanism_id: Set(m.mechanism_id),
                edition_id: Set(e.edition_id),
                function_id: Set(f.function_id),
                level: Set("partial".into()),
                ..Default::default()
            })
            .await,
            "mechanism_function",
        );
        let moved = w
            .insert(edition_part::ActiveModel {
                edition_id: Set(other.edition_id),
                part_key: Set("part-x".into()),
                position: Set(1),
                title: Set("Elsewhere".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_locked(
            w.update::<edition_part::Entity>(moved.edition_part_id, moved.version, |r| {
                r.edition_id = Set(e.edition_id)
            })
            .await,
            "edition_part",
        );
        // Citations of its rows, added or removed.
        assert_locked(
            w.insert(citation::ActiveModel {
                source_id: Set(src.source_id),
                entity: Set("edition_part".into()),
                entity_id: Set(part.edition_part_id.to_string()),
                ..Default::default()
            })
            .await,
            "citation",
        );
        assert_locked(
            w.delete::<citation::Entity>(cited.citation_id, cited.version).await,
            "citation",
        );
        assert_locked(
            w.delete_many::<citation::Entity, _>(citation::Column::SourceId, src.source_id, "cleanup")
                .await,
            "citation",
        );
        // The guard the workspace calls before a form is saved says the same.
        assert_locked(w.ensure_editable(e.edition_id, "profile", "1").await, "profile");
        w.ensure_editable(other.edition_id, "profile", "1").await.unwrap();
        drop(w);

        // A bulk insert drawn from an iterator a batch at a time: one citation of a locked row in
        // its second batch refuses the whole write, and the first batch is not kept.
        let mut w = s.writer("editor@example.org").await.unwrap();
        let rows = (0..1_200).map(|i| citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set(if i == 1_100 { "edition_part" } else { "mechanism" }.into()),
            entity_id: Set(if i == 1_100 {
                part.edition_part_id.to_string()
            } else {
                m.mechanism_id.to_string()
            }),
            locator: Set(Some(format!("p. {i}"))),
            ..Default::default()
        });
        assert_locked(
            w.insert_many_editable(rows, "bulk", serde_json::json!({})).await,
            "citation",
        );
        drop(w);
        let kept = s.all::<citation::Entity>().await.unwrap();
        assert_eq!(
            kept.iter().filter(|c| c.entity == "mechanism").count(),
            0,
            "{}: nothing of a refused bulk insert stays",
            db.engine
        );

        // Errata, shared records and other editions stay editable.
        let mut w = s.writer("editor@example.org").await.unwrap();
        w.insert(erratum::ActiveModel {
            edition_id: Set(e.edition_id),
            issued_on: Set("2100-01".into()),
            location: Set("Part I".into()),
            correction: Set("Synthetic correction.".into()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.update::<nmp_store::entity::mechanism::Entity>(m.mechanism_id, m.version, |r| {
            r.acronym = Set(Some("KNC".into()))
        })
        .await
        .unwrap();
        w.update::<edition::Entity>(other.edition_id, other.version, |r| r.title = Set("Renamed".into()))
            .await
            .unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set("mechanism".into()),
            entity_id: Set(m.mechanism_id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        assert_eq!(s.errata(e.edition_id).await.unwrap().len(), 1);
        // Nothing of the refused changes reached the database.
        let part_now = s
            .get::<edition_part::Entity>(part.edition_part_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(part_now.title, "Part I");
        assert!(s.get::<profile::Entity>(p.profile_id).await.unwrap().is_some());
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn publishing_twice_or_after_a_write_is_refused() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("editor@example.org").await.unwrap();
        let e = new_edition(&mut w, "2099").await;
        w.commit().await.unwrap();

        // Something written between reading the snapshot and freezing it.
        let read_at = s.last_audit_event_id().await.unwrap();
        let mut w = s.writer("someone@example.org").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        w.commit().await.unwrap();
        let mut w = s.writer("editor@example.org").await.unwrap();
        let err = w
            .freeze_edition(e.edition_id, read_at, &"b".repeat(64), "{}".into(), "{}".into())
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Moved { .. }), "{}: {err}", db.engine);
        drop(w);
        assert_eq!(s.edition_lock(e.edition_id).await.unwrap(), None);
        publish(s, &e).await;
        let read_at = s.last_audit_event_id().await.unwrap();
        let mut w = s.writer("editor@example.org").await.unwrap();
        let err = w
            .freeze_edition(e.edition_id, read_at, &"c".repeat(64), "{}".into(), "{}".into())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("published and locked"), "{err}");
        drop(w);
        db.finish().await;
    }
}
