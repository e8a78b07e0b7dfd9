//! The one read model: everything about a set of mechanisms (`Store::mechanism_bundle`) grouped
//! under each mechanism in reading order with its citations, and an edition with its rows
//! (`Store::edition_rows`), on SQLite and (when configured) PostgreSQL. Rows are synthetic test
//! fixtures.

mod fixtures;

use nmp_store::bundle::{Activities, Selection};
use nmp_store::entity::{activity, citation, mechanism_status, membership};
use nmp_store::testing as common;
use nmp_store::{Numbering, Set, Writer};

async fn status(w: &mut Writer, mechanism_id: i32, status: &str, on: Option<&str>) -> mechanism_status::Model {
    w.insert(mechanism_status::ActiveModel {
        mechanism_id: Set(mechanism_id),
        status: Set(status.into()),
        status_on: Set(on.map(Into::into)),
        confidence: Set("sourced".into()),
        note: Set(None),
        ..Default::default()
    })
    .await
    .unwrap()
}

async fn member(w: &mut Writer, mechanism_id: i32, organization_id: i32, role: &str) -> membership::Model {
    w.insert(membership::ActiveModel {
        mechanism_id: Set(mechanism_id),
        organization_id: Set(organization_id),
        role: Set(role.into()),
        since_on: Set(None),
        until_on: Set(None),
        confidence: Set("sourced".into()),
        note: Set(None),
        ..Default::default()
    })
    .await
    .unwrap()
}

async fn activity(w: &mut Writer, mechanism_id: i32, on: &str, title: &str) -> activity::Model {
    w.insert(activity::ActiveModel {
        mechanism_id: Set(mechanism_id),
        occurred_on: Set(on.into()),
        kind: Set("training".into()),
        function_id: Set(None),
        title: Set(title.into()),
        description: Set(None),
        outcome: Set(None),
        ..Default::default()
    })
    .await
    .unwrap()
}

async fn cite(w: &mut Writer, source_id: i32, entity: &str, key: i32, field: Option<&str>) {
    w.insert(citation::ActiveModel {
        source_id: Set(source_id),
        entity: Set(entity.into()),
        entity_id: Set(key.to_string()),
        field: Set(field.map(Into::into)),
        locator: Set(Some("p. 1".into())),
        quote: Set(None),
        ..Default::default()
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn a_bundle_groups_each_mechanisms_rows_in_reading_order_with_their_citations() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let a = fixtures::mechanism(&mut w, "a-synthetic", "KEN").await;
        let b = fixtures::mechanism(&mut w, "b-synthetic", "KEN").await;
        // Recorded out of reading order on purpose.
        let later = status(&mut w, a.mechanism_id, "operational", Some("2015")).await;
        let undated = status(&mut w, a.mechanism_id, "dormant", None).await;
        let earlier = status(&mut w, a.mechanism_id, "established", Some("2012-06")).await;
        let other = status(&mut w, b.mechanism_id, "established", Some("2010")).await;
        let zeta = fixtures::organization(&mut w, "zeta", Some("KEN")).await;
        let alpha = fixtures::organization(&mut w, "alpha", Some("KEN")).await;
        let mid = fixtures::organization(&mut w, "mid", Some("KEN")).await;
        let m_zeta = member(&mut w, a.mechanism_id, zeta.organization_id, "member").await;
        let m_alpha = member(&mut w, a.mechanism_id, alpha.organization_id, "member").await;
        let m_chair = member(&mut w, a.mechanism_id, mid.organization_id, "chair").await;
        let second = activity(&mut w, a.mechanism_id, "2016-03", "Second (synthetic)").await;
        let first = activity(&mut w, a.mechanism_id, "2014", "First (synthetic)").await;
        let source = fixtures::source(&mut w, "synthetic-source").await;
        cite(&mut w, source.source_id, "mechanism", a.mechanism_id, Some("name")).await;
        cite(
            &mut w,
            source.source_id,
            "mechanism_status",
            later.mechanism_status_id,
            None,
        )
        .await;
        w.commit().await.unwrap();

        let bundle = s.mechanism_bundle(Selection::All, &Activities::All).await.unwrap();
        assert_eq!(bundle.mechanisms.len(), 2, "{}", db.engine);
        let rows = bundle.get(a.mechanism_id).unwrap();
        let ids: Vec<i32> = rows.statuses.iter().map(|s| s.mechanism_status_id).collect();
        assert_eq!(
            ids,
            [
                earlier.mechanism_status_id,
                later.mechanism_status_id,
                undated.mechanism_status_id
            ],
            "dated steps in date order, then the undated ({})",
            db.engine
        );
        assert_eq!(rows.latest_status(), Some("dormant"));
        let members: Vec<i32> = rows.members.iter().map(|m| m.membership_id).collect();
        assert_eq!(
            members,
            [m_chair.membership_id, m_alpha.membership_id, m_zeta.membership_id],
            "the chair first, then by organisation name ({})",
            db.engine
        );
        let activities: Vec<i32> = rows.activities.iter().map(|a| a.activity_id).collect();
        assert_eq!(activities, [first.activity_id, second.activity_id]);
        let b_rows = bundle.get(b.mechanism_id).unwrap();
        assert_eq!(b_rows.statuses.len(), 1);
        assert_eq!(b_rows.statuses[0].mechanism_status_id, other.mechanism_status_id);
        assert!(b_rows.members.is_empty() && b_rows.activities.is_empty());
        assert_eq!(bundle.organization_name(alpha.organization_id), alpha.name);
        assert_eq!(
            bundle.country_of(&rows.mechanism).map(|c| c.name.as_str()),
            Some("Kenya")
        );

        let cited = bundle.citations.of("mechanism", &a.mechanism_id.to_string());
        assert_eq!(cited.len(), 1);
        assert_eq!(cited[0].0.field.as_deref(), Some("name"));
        assert_eq!(cited[0].1.slug, "synthetic-source");
        assert_eq!(
            bundle
                .citations
                .count("mechanism_status", &later.mechanism_status_id.to_string()),
            1
        );
        assert_eq!(bundle.citations.count("mechanism", &b.mechanism_id.to_string()), 0);

        // Only the mechanisms asked for, in the order asked for.
        let these = s
            .mechanism_bundle(Selection::These(vec![b.clone(), a.clone()]), &Activities::All)
            .await
            .unwrap();
        let order: Vec<i32> = these.mechanisms.iter().map(|m| m.mechanism.mechanism_id).collect();
        assert_eq!(order, [b.mechanism_id, a.mechanism_id]);

        // A period keeps the activities dated within it.
        let period = Activities::Within {
            start: Some("2016".into()),
            end: Some("2016".into()),
        };
        let narrowed = s.mechanism_bundle(Selection::All, &period).await.unwrap();
        let titles: Vec<&str> = narrowed
            .get(a.mechanism_id)
            .unwrap()
            .activities
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(titles, ["Second (synthetic)"]);

        assert!(s.edition_rows("no-such-edition").await.unwrap().is_none());
    }
}

/// `Activities::Latest(n)` reads each mechanism's latest `n` activities (by date, then id) in
/// reading order, with the number recorded in all; a mechanism with fewer keeps every one, and one
/// without any has none and a count of 0.
#[tokio::test]
async fn the_latest_activities_of_each_mechanism_with_their_count() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let busy = fixtures::mechanism(&mut w, "busy-synthetic", "KEN").await;
        let quiet = fixtures::mechanism(&mut w, "quiet-synthetic", "KEN").await;
        let silent = fixtures::mechanism(&mut w, "silent-synthetic", "KEN").await;
        // Dates out of order, one year twice (the id decides), partial dates of either length.
        let dates = [
            "2019", "2012-05", "2021-01", "2015", "2021-01", "2010", "2020-12", "2018-03", "2011", "2022",
        ];
        let mut written = Vec::new();
        for (i, on) in dates.iter().enumerate() {
            written.push(activity(&mut w, busy.mechanism_id, on, &format!("Busy {i} (synthetic)")).await);
        }
        activity(&mut w, quiet.mechanism_id, "2014", "Quiet (synthetic)").await;
        w.commit().await.unwrap();

        let bundle = s
            .mechanism_bundle(
                Selection::These(vec![busy.clone(), quiet.clone(), silent.clone()]),
                &Activities::Latest(4),
            )
            .await
            .unwrap();
        let mut expected = written.clone();
        expected.sort_by_key(|a| (a.occurred_on.clone(), a.activity_id));
        let want: Vec<i32> = expected[expected.len() - 4..].iter().map(|a| a.activity_id).collect();
        let rows = bundle.get(busy.mechanism_id).unwrap();
        let got: Vec<i32> = rows.activities.iter().map(|a| a.activity_id).collect();
        assert_eq!(got, want, "{}", db.engine);
        assert_eq!(rows.activity_count, 10, "{}", db.engine);
        let on: Vec<&str> = rows.activities.iter().map(|a| a.occurred_on.as_str()).collect();
        assert_eq!(on, ["2020-12", "2021-01", "2021-01", "2022"], "{}", db.engine);
        let quiet_rows = bundle.get(quiet.mechanism_id).unwrap();
        assert_eq!(quiet_rows.activities.len(), 1);
        assert_eq!(quiet_rows.activity_count, 1);
        let silent_rows = bundle.get(silent.mechanism_id).unwrap();
        assert!(silent_rows.activities.is_empty(), "{}", db.engine);
        assert_eq!(silent_rows.activity_count, 0, "{}", db.engine);

        // Every activity when all are asked for, and the count is what was read.
        let all = s
            .mechanism_bundle(Selection::These(vec![busy.clone()]), &Activities::All)
            .await
            .unwrap();
        assert_eq!(all.mechanisms[0].activities.len(), 10);
        assert_eq!(all.mechanisms[0].activity_count, 10);
        db.finish().await;
    }
}

#[test]
fn numbering_gives_each_key_its_first_number() {
    let mut n = Numbering::default();
    assert_eq!(n.number((7, "p. 1")), (1, true));
    assert_eq!(n.number((3, "p. 2")), (2, true));
    assert_eq!(n.number((7, "p. 1")), (1, false));
    assert_eq!(n.len(), 2);
}
