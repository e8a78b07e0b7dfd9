//! The store suite: the same checks on SQLite and (when configured) PostgreSQL.

mod fixtures;

use nmp_store::testing as common;

use nmp_store::entity::{
    account, activity, citation, edition, edition_publisher, function, mechanism, mechanism_function, mechanism_status,
    membership, network, network_membership, profile,
};
use nmp_store::{Set, StoreError};

#[tokio::test]
async fn migrations_apply_once_and_both_engines_have_the_same_schema() {
    let mut schemas = Vec::new();
    for db in common::engines().await {
        let latest = <nmp_store::migration::Migrator as sea_orm_migration::MigratorTrait>::migrations().len();
        assert_eq!(db.store.schema_version().await.unwrap(), latest, "{}", db.engine);
        assert_eq!(
            db.store.migrate().await.unwrap(),
            0,
            "{}: second migrate applies nothing",
            db.engine
        );
        let columns = db.store.table_columns().await.unwrap();
        for table in [
            "country",
            "mechanism",
            "membership",
            "citation",
            "audit_event",
            "account",
            "profile",
        ] {
            assert!(columns.contains_key(table), "{}: missing table {table}", db.engine);
        }
        assert!(columns["mechanism"].contains(&"version".to_string()));
        schemas.push((db.engine, columns));
        db.finish().await;
    }
    if let [(_, sqlite), (_, postgres)] = schemas.as_slice() {
        assert_eq!(sqlite, postgres, "SQLite and PostgreSQL schemas differ");
    }
}

#[tokio::test]
async fn every_kind_of_record_is_written_audited_and_read_back() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("editor@example.org").await.unwrap();
        let ken = fixtures::country(&mut w, "KEN", "Kenya").await;
        fixtures::country(&mut w, "TZA", "Tanzania").await;
        let ministry = fixtures::organization(&mut w, "ken-justice", Some("KEN")).await;
        let m = fixtures::mechanism(&mut w, "ken-committee", "KEN").await;
        let src = fixtures::source(&mut w, "src-one").await;
        w.insert(mechanism_status::ActiveModel {
            mechanism_id: Set(m.mechanism_id),
            status: Set("established".into()),
            status_on: Set(Some("2012".into())),
            confidence: Set("sourced".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.insert(membership::ActiveModel {
            mechanism_id: Set(m.mechanism_id),
            organization_id: Set(ministry.organization_id),
            role: Set("chair".into()),
            since_on: Set(None),
            until_on: Set(None),
            confidence: Set("sourced".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        let ed = w
            .insert(edition::ActiveModel {
                slug: Set("2017".into()),
                title: Set("Synthetic edition".into()),
                subtitle: Set(None),
                kind: Set("annual_report".into()),
                status: Set("published".into()),
                period_start: Set(None),
                period_end: Set(None),
                published_on: Set(Some("2017".into())),
                pages: Set(Some(28)),
                licence: Set(None),
                snapshot_hash: Set(None),
                note: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(edition_publisher::ActiveModel {
            edition_id: Set(ed.edition_id),
            organization_id: Set(ministry.organization_id),
            role: Set("publisher".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        let f = w
            .insert(function::ActiveModel {
                code: Set("training".into()),
                label: Set("Training".into()),
                description: Set("Training of civil servants".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(mechanism_function::ActiveModel {
            mechanism_id: Set(m.mechanism_id),
            edition_id: Set(ed.edition_id),
            function_id: Set(f.function_id),
            level: Set("operational".into()),
            evidence: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.insert(activity::ActiveModel {
            mechanism_id: Set(m.mechanism_id),
            occurred_on: Set("2013-09".into()),
            kind: Set("training".into()),
            function_id: Set(Some(f.function_id)),
            title: Set("Synthetic training".into()),
            description: Set(None),
            outcome: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        let net = w
            .insert(network::ActiveModel {
                slug: Set("net".into()),
                name: Set("Synthetic network".into()),
                acronym: Set(None),
                kind: Set("state_network".into()),
                founded_on: Set(None),
                secretariat_organization_id: Set(None),
                description: Set(None),
                note: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(network_membership::ActiveModel {
            network_id: Set(net.network_id),
            country_iso3: Set("TZA".into()),
            role: Set("member".into()),
            joined_on: Set(None),
            left_on: Set(None),
            confidence: Set("sourced".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.insert(profile::ActiveModel {
            edition_id: Set(ed.edition_id),
            mechanism_id: Set(m.mechanism_id),
            section: Set("update".into()),
            edition_part_id: Set(None),
            heading: Set(None),
            page: Set(Some(6)),
            owner_organization_id: Set(None),
            assignee_account_id: Set(None),
            review_state: Set("approved".into()),
            history: Set(None),
            mandate: Set(None),
            structure: Set(None),
            outputs: Set(None),
            challenges: Set(None),
            recent_developments: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set("mechanism".into()),
            entity_id: Set(m.mechanism_id.to_string()),
            field: Set(Some("created_on".into())),
            locator: Set(Some("p. 6".into())),
            quote: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
        w.insert(account::ActiveModel {
            email: Set("student@example.org".into()),
            name: Set("Synthetic Student".into()),
            role: Set("student".into()),
            password_hash: Set(None),
            active: Set(true),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();

        let counts = s.counts().await.unwrap();
        assert_eq!(counts["countries"], 2, "{}", db.engine);
        assert_eq!(counts["mechanisms"], 1);
        assert_eq!(counts["citations"], 1);
        let written: u64 = counts
            .iter()
            .filter(|(k, _)| **k != "audit_events")
            .map(|(_, v)| v)
            .sum();
        assert_eq!(
            counts["audit_events"], written,
            "{}: one audit event per row written",
            db.engine
        );
        let chain = s.verify_audit_chain().await.unwrap();
        assert_eq!(chain.events, written);

        let with = s.countries_with_mechanisms().await.unwrap();
        assert_eq!(with.len(), 1, "{}: only Kenya has a mechanism", db.engine);
        assert_eq!(with[0].country, ken);
        assert_eq!(with[0].mechanisms[0].slug, "ken-committee");
        let cited = s.citations_for("mechanism", &m.mechanism_id.to_string()).await.unwrap();
        assert_eq!(cited.len(), 1);
        assert_eq!(cited[0].1.slug, "src-one");
        assert_eq!(cited[0].0.locator.as_deref(), Some("p. 6"));
        assert!(s.uncited::<mechanism::Entity>().await.unwrap().is_empty());
        assert_eq!(
            s.uncited::<network::Entity>().await.unwrap(),
            vec![net.network_id.to_string()]
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("a@example.org").await.unwrap();
        let m = {
            fixtures::country(&mut w, "KEN", "Kenya").await;
            fixtures::mechanism(&mut w, "ken-committee", "KEN").await
        };
        w.commit().await.unwrap();
        assert_eq!(m.version, 1);

        let mut w = s.writer("a@example.org").await.unwrap();
        let updated = w
            .update::<mechanism::Entity>(m.mechanism_id, 1, |row| row.acronym = Set(Some("KNC".into())))
            .await
            .unwrap();
        w.commit().await.unwrap();
        assert_eq!(updated.version, 2, "{}", db.engine);
        assert_eq!(updated.acronym.as_deref(), Some("KNC"));
        assert_eq!(updated.created_at, m.created_at, "created_at never changes");
        let events_before = s.counts().await.unwrap()["audit_events"];

        let mut w = s.writer("b@example.org").await.unwrap();
        let err = w
            .update::<mechanism::Entity>(m.mechanism_id, 1, |row| row.acronym = Set(Some("LOST".into())))
            .await
            .unwrap_err();
        drop(w);
        match err {
            StoreError::Conflict { expected, current, .. } => assert_eq!((expected, current), (1, 2)),
            other => panic!("{}: expected a conflict, got {other}", db.engine),
        }
        let now = s.get::<mechanism::Entity>(m.mechanism_id).await.unwrap().unwrap();
        assert_eq!(
            now.acronym.as_deref(),
            Some("KNC"),
            "{}: the stale write was not applied",
            db.engine
        );
        assert_eq!(s.counts().await.unwrap()["audit_events"], events_before);

        let mut w = s.writer("b@example.org").await.unwrap();
        let missing = w.update::<mechanism::Entity>(9999, 1, |_| {}).await.unwrap_err();
        assert!(matches!(missing, StoreError::NotFound { .. }), "{missing}");
        drop(w);
        db.finish().await;
    }
}

#[tokio::test]
async fn concurrent_editors_of_one_version_never_lose_an_update() {
    for db in common::engines().await {
        let s = db.store.clone();
        let mut w = s.writer("setup").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let m = fixtures::mechanism(&mut w, "ken-committee", "KEN").await;
        w.commit().await.unwrap();

        let edit = |who: &'static str| {
            let s = s.clone();
            tokio::spawn(async move {
                let mut w = s.writer(who).await?;
                w.update::<mechanism::Entity>(m.mechanism_id, 1, |row| row.note = Set(Some(who.into())))
                    .await?;
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                w.commit().await
            })
        };
        let (a, b) = tokio::join!(edit("alice"), edit("bob"));
        let results = [a.unwrap(), b.unwrap()];
        let wins = results.iter().filter(|r| r.is_ok()).count();
        let conflicts = results
            .iter()
            .filter(|r| matches!(r, Err(StoreError::Conflict { .. })))
            .count();
        assert_eq!((wins, conflicts), (1, 1), "{}: {results:?}", db.engine);
        let now = s.get::<mechanism::Entity>(m.mechanism_id).await.unwrap().unwrap();
        assert_eq!(now.version, 2);
        let winner = if results[0].is_ok() { "alice" } else { "bob" };
        assert_eq!(now.note.as_deref(), Some(winner), "{}", db.engine);
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn an_uncommitted_writer_leaves_no_trace() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("x").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        drop(w);
        let counts = s.counts().await.unwrap();
        assert_eq!((counts["countries"], counts["audit_events"]), (0, 0), "{}", db.engine);
        // The chain continues from the genesis hash afterwards.
        let mut w = s.writer("x").await.unwrap();
        fixtures::country(&mut w, "TZA", "Tanzania").await;
        w.commit().await.unwrap();
        assert_eq!(s.verify_audit_chain().await.unwrap().events, 1);
        db.finish().await;
    }
}

#[tokio::test]
async fn tampering_with_the_audit_log_is_found() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("x").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        fixtures::country(&mut w, "TZA", "Tanzania").await;
        fixtures::country(&mut w, "UGA", "Uganda").await;
        w.commit().await.unwrap();
        let mut w = s.writer("x").await.unwrap();
        w.delete::<nmp_store::entity::country::Entity>("UGA".to_string(), 1)
            .await
            .unwrap();
        w.commit().await.unwrap();
        assert_eq!(s.verify_audit_chain().await.unwrap().events, 4);

        let sql = "UPDATE audit_event SET actor = 'mallory' WHERE audit_event_id = 2";
        common::execute(s, sql).await;
        match s.verify_audit_chain().await.unwrap_err() {
            StoreError::BrokenChain { event_id, .. } => assert_eq!(event_id, 2, "{}", db.engine),
            other => panic!("{other}"),
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn activities_of_a_period_are_read_by_partial_date() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("editor@example.org").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let m = fixtures::mechanism(&mut w, "ken-committee", "KEN").await;
        for on in [
            "2015-12-31",
            "2016",
            "2016-02",
            "2016-03-01",
            "2017-02-28",
            "2017-03",
            "2018",
            "1999",
        ] {
            w.insert(activity::ActiveModel {
                mechanism_id: Set(m.mechanism_id),
                occurred_on: Set(on.into()),
                kind: Set("training".into()),
                title: Set(format!("Test activity of {on}")),
                ..Default::default()
            })
            .await
            .unwrap();
        }
        w.commit().await.unwrap();

        let dates = |rows: Vec<activity::Model>| rows.into_iter().map(|a| a.occurred_on).collect::<Vec<_>>();
        let period = s.activities_in_period(Some("2016-03"), Some("2017-02")).await.unwrap();
        assert_eq!(dates(period), ["2016", "2016-03-01", "2017-02-28"], "{}", db.engine);
        let open_start = s.activities_in_period(None, Some("2016")).await.unwrap();
        assert_eq!(
            dates(open_start),
            ["2015-12-31", "2016", "2016-02", "2016-03-01", "1999"],
            "{}",
            db.engine
        );
        assert_eq!(
            s.activities_in_period(None, None).await.unwrap().len(),
            8,
            "{}",
            db.engine
        );

        let evidence = s.activity_dates().await.unwrap();
        assert_eq!(evidence.len(), 8, "{}", db.engine);
        assert!(evidence.iter().all(|(id, _)| *id == m.mechanism_id), "{}", db.engine);
        assert!(evidence.iter().any(|(_, on)| on == "2017-03"), "{}", db.engine);
        db.finish().await;
    }
}
