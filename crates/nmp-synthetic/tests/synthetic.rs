//! The synthetic benchmark dataset: it writes the counts its scale asks for, labelled synthetic,
//! with one audit event per table; the same seed gives the same records; a database with real
//! data is refused unless forced, and a second synthetic load is always refused.

use nmp_ingest::IngestError;
use nmp_store::entity::{activity, audit_event, citation, edition, mechanism, profile};
use nmp_store::testing::engines;
use nmp_synthetic::{LABEL, Scale, load};

fn fingerprint(mechanisms: &[mechanism::Model], activities: &[activity::Model]) -> Vec<String> {
    mechanisms
        .iter()
        .map(|m| {
            format!(
                "{} {:?} {:?} {}",
                m.slug, m.country_iso3, m.created_on, m.mechanism_type
            )
        })
        .chain(
            activities
                .iter()
                .map(|a| format!("{} {} {}", a.title, a.occurred_on, a.kind)),
        )
        .collect()
}

#[tokio::test]
async fn a_small_synthetic_dataset_loads_labelled_and_audited_per_table() {
    for db in engines().await {
        let s = &db.store;
        let scale = Scale::small();
        let report = load(s, 7, &scale, false).await.unwrap();
        let counts = s.counts().await.unwrap();
        assert_eq!(counts["countries"], 195, "{}", db.engine);
        assert_eq!(counts["mechanisms"], scale.mechanisms as u64);
        assert_eq!(
            counts["memberships"],
            (scale.mechanisms * scale.memberships_per_mechanism) as u64
        );
        assert_eq!(counts["activities"], scale.activities as u64);
        assert_eq!(counts["citations"], scale.citations as u64);
        assert_eq!(counts["editions"], scale.editions as u64);
        assert_eq!(counts["profiles"], scale.mechanisms as u64);
        assert_eq!(report.rows["citation"], scale.citations as u64);
        // One audit event per table written, not one per row.
        assert_eq!(counts["audit_events"], report.rows.len() as u64, "{:?}", report.rows);
        let events = s
            .rows_where::<audit_event::Entity, _>(audit_event::Column::Entity, ["citation".to_string()])
            .await
            .unwrap();
        assert_eq!(events.len(), 1);
        assert!(events[0].after_json.as_deref().unwrap().contains("\"synthetic\":true"));

        for m in s.all::<mechanism::Entity>().await.unwrap() {
            assert!(m.name.ends_with(LABEL), "{}", m.name);
            assert!(m.note.as_deref().unwrap().contains("Synthetic data"), "{}", m.slug);
        }
        let editions = s.all::<edition::Entity>().await.unwrap();
        assert!(editions.iter().all(|e| e.title.starts_with("SYNTHETIC")));
        let full = editions.iter().find(|e| e.slug == report.full_edition).unwrap();
        let profiles = s.all::<profile::Entity>().await.unwrap();
        assert!(profiles.iter().all(|p| p.edition_id == full.edition_id));
        // Every citation points at a row that exists.
        let activity_ids: Vec<String> = s
            .all::<activity::Entity>()
            .await
            .unwrap()
            .iter()
            .map(|a| a.activity_id.to_string())
            .collect();
        for c in s.all::<citation::Entity>().await.unwrap() {
            if c.entity == "activity" {
                assert!(activity_ids.contains(&c.entity_id), "{c:?}");
            }
        }

        let again = load(s, 7, &scale, true).await.unwrap_err();
        assert!(
            matches!(&again, IngestError::Refused(m) if m.contains("already holds synthetic data")),
            "{again}"
        );
        assert_eq!(s.counts().await.unwrap()["mechanisms"], scale.mechanisms as u64);
    }
}

#[tokio::test]
async fn the_same_seed_gives_the_same_records() {
    let mut prints = Vec::new();
    for seed in [3, 3, 4] {
        let db = engines().await.remove(0);
        load(&db.store, seed, &Scale::small(), false).await.unwrap();
        let mechanisms = db.store.all::<mechanism::Entity>().await.unwrap();
        let activities = db.store.all::<activity::Entity>().await.unwrap();
        prints.push(fingerprint(&mechanisms, &activities));
    }
    assert_eq!(prints[0], prints[1]);
    assert_ne!(prints[0], prints[2]);
}

#[tokio::test]
async fn a_database_with_real_data_is_refused_unless_forced() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let before = s.counts().await.unwrap();
        let err = load(s, 1, &Scale::small(), false).await.unwrap_err().to_string();
        assert!(err.contains("holds real data") && err.contains("--force"), "{err}");
        assert_eq!(s.counts().await.unwrap(), before, "nothing was written");
        load(s, 1, &Scale::small(), true).await.unwrap();
        assert_eq!(
            s.counts().await.unwrap()["mechanisms"],
            before["mechanisms"] + Scale::small().mechanisms as u64
        );
    }
}
