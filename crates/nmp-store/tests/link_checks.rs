//! Link checks and archived copies of sources (issue 25) on both engines: which URLs are visited,
//! how a run's answers are classified against the previous run (a changed body, a redirect, a
//! dead page, no answer), the latest check per source worst first, and setting a source's
//! archived URL and accessed-on date with bad values refused by field. Sources are synthetic.

#[expect(dead_code, reason = "this test needs only some of the shared fixtures")]
mod fixtures;

use nmp_store::StoreError;
use nmp_store::entity::{link_check, source};
use nmp_store::linkcheck::Fetched;
use nmp_store::testing::engines;

fn visit(source_id: i32, url: &str, status: Option<i32>, final_url: Option<&str>, body: Option<&str>) -> Fetched {
    Fetched {
        source_id,
        url: url.into(),
        status_code: status,
        final_url: final_url.map(str::to_string),
        content_sha256: body.map(|b| nmp_core::hash::sha256_hex(b.as_bytes())),
        error: status.is_none().then(|| "timed out after 1 s".to_string()),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_run_is_classified_against_the_previous_one_and_the_latest_shows_worst_first() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        let a = fixtures::source(&mut w, "check-a").await;
        let b = fixtures::source(&mut w, "check-b").await;
        let c = fixtures::source(&mut w, "check-c").await;
        let d = fixtures::source(&mut w, "check-d").await;
        w.commit().await.unwrap();
        let targets = s.link_targets(None).await.unwrap();
        assert_eq!(
            targets.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(),
            ["check-a", "check-b", "check-c", "check-d"],
            "{}",
            db.engine
        );
        assert_eq!(s.link_targets(Some("check-b")).await.unwrap().len(), 1);
        assert!(matches!(
            s.link_targets(Some("no-such-source")).await,
            Err(StoreError::NotFound { .. })
        ));

        let url = |m: &source::Model| m.url.clone().unwrap();
        let first = s
            .record_link_checks(
                "system:test",
                time::OffsetDateTime::now_utc(),
                vec![
                    visit(a.source_id, &url(&a), Some(200), Some(&url(&a)), Some("one")),
                    visit(
                        b.source_id,
                        &url(&b),
                        Some(200),
                        Some("https://example.org/moved"),
                        Some("same"),
                    ),
                    visit(c.source_id, &url(&c), Some(404), Some(&url(&c)), None),
                    visit(d.source_id, &url(&d), None, None, None),
                ],
            )
            .await
            .unwrap();
        let outcomes: Vec<&str> = first.iter().map(|r| r.outcome.as_str()).collect();
        assert_eq!(outcomes, ["ok", "redirected", "dead", "error"], "{}", db.engine);
        assert!(first.iter().all(|r| !r.changed), "nothing changed on a first check");

        let second = s
            .record_link_checks(
                "system:test",
                time::OffsetDateTime::now_utc(),
                vec![
                    visit(a.source_id, &url(&a), Some(200), Some(&url(&a)), Some("two")),
                    visit(
                        b.source_id,
                        &url(&b),
                        Some(200),
                        Some("https://example.org/moved"),
                        Some("same"),
                    ),
                ],
            )
            .await
            .unwrap();
        assert_eq!(second[0].outcome, "changed");
        assert!(second[0].changed);
        assert_eq!(second[1].outcome, "redirected");
        assert!(!second[1].changed, "the same body is not a change");

        // The latest per source, worst first: c (dead), d (error), a (changed), b (redirected).
        let latest = s.latest_link_checks().await.unwrap();
        let order: Vec<(i32, &str)> = latest.iter().map(|r| (r.source_id, r.outcome.as_str())).collect();
        assert_eq!(
            order,
            [
                (c.source_id, "dead"),
                (d.source_id, "error"),
                (a.source_id, "changed"),
                (b.source_id, "redirected")
            ],
            "{}",
            db.engine
        );
        assert_eq!(s.link_checks_of(a.source_id).await.unwrap().len(), 2);
        assert_eq!(s.all::<link_check::Entity>().await.unwrap().len(), 6);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_sources_archive_fields_are_set_at_its_version_and_bad_values_are_refused_by_field() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        let a = fixtures::source(&mut w, "archive-a").await;
        w.commit().await.unwrap();

        let bad_url = s
            .set_source_archive(
                "editor@example.org",
                "archive-a",
                a.version,
                "web.archive.org/x",
                "2026-11",
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&bad_url, StoreError::Invalid(e) if e.field == "archived_url" && e.message.contains("web address")),
            "{bad_url:?}"
        );
        let bad_date = s
            .set_source_archive("editor@example.org", "archive-a", a.version, "", "2026-13")
            .await
            .unwrap_err();
        assert!(
            matches!(&bad_date, StoreError::Invalid(e) if e.field == "accessed_on"),
            "{bad_date:?}"
        );
        let unchanged = s.get::<source::Entity>(a.source_id).await.unwrap().unwrap();
        assert_eq!(unchanged.version, a.version, "nothing written");

        let archive = "https://web.archive.org/web/2026/https://example.org/archive-a";
        let after = s
            .set_source_archive("editor@example.org", "archive-a", a.version, archive, "2026-11-30")
            .await
            .unwrap();
        assert_eq!(after.archived_url.as_deref(), Some(archive), "{}", db.engine);
        assert_eq!(after.accessed_on.as_deref(), Some("2026-11-30"));
        assert_eq!(after.version, a.version + 1);
        assert_eq!(after.updated_by, "editor@example.org");

        let stale = s
            .set_source_archive("editor@example.org", "archive-a", a.version, "", "")
            .await
            .unwrap_err();
        assert!(matches!(stale, StoreError::Conflict { .. }), "{stale:?}");
        let cleared = s
            .set_source_archive("editor@example.org", "archive-a", after.version, "", "")
            .await
            .unwrap();
        assert_eq!(cleared.archived_url, None);
        assert_eq!(cleared.accessed_on, None);
        db.finish().await;
    }
}
