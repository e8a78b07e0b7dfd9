//! Phases and parts on an edition's publisher rows (migration 16), on both engines: an
//! organisation may hold one role for two parts and in two phases, the phase's partial dates and
//! the part read back as written, and an exact repeat is refused by the unique index. The
//! organisations and the edition are synthetic test data.

use nmp_store::entity::{edition, edition_part, edition_publisher, organization};
use nmp_store::testing::engines;
use nmp_store::{Set, StoreError};

#[tokio::test]
async fn phased_roles_for_parts_are_stored_and_read_back_and_an_exact_repeat_is_refused() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        let org = |slug: &str, name: &str| organization::ActiveModel {
            slug: Set(slug.into()),
            name: Set(name.into()),
            kind: Set("research_institute".into()),
            ..Default::default()
        };
        let first = w
            .insert(org("synthetic-first", "Synthetic First Institute"))
            .await
            .unwrap();
        let second = w
            .insert(org("synthetic-second", "Synthetic Second Institute"))
            .await
            .unwrap();
        let ed = w
            .insert(edition::ActiveModel {
                slug: Set("synthetic-paper".into()),
                title: Set("Synthetic policy paper".into()),
                kind: Set("policy_paper".into()),
                status: Set("published".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let part = w
            .insert(edition_part::ActiveModel {
                edition_id: Set(ed.edition_id),
                part_key: Set("part-one".into()),
                position: Set(1),
                title: Set("Part one".into()),
                kind: Set("chapter".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let row = |org: i32, role: &str, part: Option<i32>, phase: Option<(&str, Option<&str>)>| {
            edition_publisher::ActiveModel {
                edition_id: Set(ed.edition_id),
                organization_id: Set(org),
                role: Set(role.into()),
                note: Set(None),
                phase: Set(phase.map(|_| "Synthetic shared phase".to_string())),
                phase_from: Set(phase.map(|(from, _)| from.to_string())),
                phase_until: Set(phase.and_then(|(_, until)| until.map(str::to_string))),
                edition_part_id: Set(part),
                ..Default::default()
            }
        };
        let shared = Some(("2019", Some("2021")));
        w.insert(row(first.organization_id, "publisher", None, shared))
            .await
            .unwrap();
        w.insert(row(second.organization_id, "publisher", None, shared))
            .await
            .unwrap();
        // The same organisation and role again: for one part, and in a later phase.
        w.insert(row(
            first.organization_id,
            "publisher",
            Some(part.edition_part_id),
            shared,
        ))
        .await
        .unwrap();
        w.insert(row(first.organization_id, "publisher", None, Some(("2021-05", None))))
            .await
            .unwrap();
        w.commit().await.unwrap();

        let rows = s.edition_rows("synthetic-paper").await.unwrap().expect("the edition");
        assert_eq!(rows.publishers.len(), 4, "{}", db.engine);
        let shared_rows: Vec<_> = rows
            .publishers
            .iter()
            .filter(|p| p.phase_from.as_deref() == Some("2019") && p.edition_part_id.is_none())
            .collect();
        assert_eq!(shared_rows.len(), 2, "{}: two organisations share the phase", db.engine);
        assert!(
            shared_rows
                .iter()
                .all(|p| p.phase_until.as_deref() == Some("2021")
                    && p.phase.as_deref() == Some("Synthetic shared phase"))
        );
        let for_part = rows
            .publishers
            .iter()
            .find(|p| p.edition_part_id == Some(part.edition_part_id))
            .expect("the role for one part");
        assert_eq!(for_part.organization_id, first.organization_id);
        let later = rows
            .publishers
            .iter()
            .find(|p| p.phase_from.as_deref() == Some("2021-05"))
            .expect("the later phase");
        assert_eq!(later.phase_until, None, "{}: an open phase stays open", db.engine);

        // An exact repeat (edition, organisation, role, part, phase start) is refused, and the
        // failed writer leaves nothing behind.
        let mut w = s.writer("system:test").await.unwrap();
        let err = w
            .insert(row(
                first.organization_id,
                "publisher",
                Some(part.edition_part_id),
                shared,
            ))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Db(_)), "{}: {err:?}", db.engine);
        drop(w);
        let rows = s.edition_rows("synthetic-paper").await.unwrap().unwrap();
        assert_eq!(rows.publishers.len(), 4, "{}", db.engine);
        db.finish().await;
    }
}
