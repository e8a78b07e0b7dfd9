//! The synthetic benchmark dataset: it writes the counts its scale asks for, labelled synthetic,
//! with one audit event per table; the same seed gives the same records; a database with real
//! data is refused unless forced, and a second synthetic load is always refused.

use nmp_core::agreement::{Metric, krippendorff_alpha};
use nmp_ingest::IngestError;
use nmp_store::entity::{account, activity, audit_event, citation, edition, edition_part, mechanism, profile};
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
        assert_eq!(counts["initiatives"], scale.initiatives as u64);
        assert_eq!(counts["initiative_kinds"], 8, "the starter dataset's kinds");
        assert_eq!(
            counts["frameworks"], 1,
            "the default framework, from the starter dataset"
        );
        assert_eq!(counts["assessment_rounds"], 1);
        assert_eq!(counts["accounts"], scale.raters as u64);
        assert_eq!(counts["ratings"], (scale.round_targets * 6 * scale.raters) as u64);
        assert_eq!(counts["consensus"], (scale.round_targets * 6) as u64);
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
        for i in s.initiatives().await.unwrap() {
            assert!(
                i.row.title.starts_with("Synthetic") && i.row.title.ends_with(LABEL),
                "{}",
                i.row.title
            );
            assert!(
                i.row.note.as_deref().unwrap().contains("Synthetic data"),
                "{}",
                i.row.slug
            );
            assert!(
                i.citations.iter().any(|(c, _)| c.entity == "initiative"),
                "{} is cited",
                i.row.slug
            );
            let partner_cites = i
                .citations
                .iter()
                .filter(|(c, _)| c.entity == "initiative_partner")
                .count();
            assert_eq!(
                partner_cites,
                i.partners.len(),
                "{}: every partner is cited",
                i.row.slug
            );
        }
        for a in s.all::<account::Entity>().await.unwrap() {
            assert!(a.name.starts_with("Synthetic") && a.name.ends_with(LABEL), "{}", a.name);
            assert!(a.email.ends_with("@example.invalid"), "{}", a.email);
        }
        // The full edition's round: everything rated by everyone, a consensus with evidence for
        // every target and criterion, so nothing stops the edition from being published.
        let rounds = s.edition_rounds(full.edition_id).await.unwrap();
        assert_eq!(rounds.len(), 1);
        let round = &rounds[0];
        assert!(round.round.title.starts_with("SYNTHETIC"));
        assert_eq!(round.framework.row.slug, "nmp-outcomes");
        assert_eq!(round.targets.len(), scale.round_targets);
        assert_eq!(round.raters.len(), scale.raters);
        assert_eq!(round.ratings.len(), scale.round_targets * 6 * scale.raters);
        assert!(round.ratings.iter().all(|r| r.evidence.len() == 1 && r.rank >= 1));
        assert!(round.consensus.iter().all(|k| k.evidence.len() == 1));
        assert!(round.problems().is_empty(), "{:?}", round.problems());
        assert!(s.outcome_problems(full.edition_id).await.unwrap().is_empty());
        // The part with a summary is cited (publishing refuses an uncited fact).
        let cited: Vec<String> = s
            .all::<citation::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.entity == "edition_part")
            .map(|c| c.entity_id)
            .collect();
        for part in s.all::<edition_part::Entity>().await.unwrap() {
            assert_eq!(
                part.summary.is_some(),
                cited.contains(&part.edition_part_id.to_string()),
                "{}",
                part.part_key
            );
        }
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
        let report = load(&db.store, seed, &Scale::small(), false).await.unwrap();
        let mechanisms = db.store.all::<mechanism::Entity>().await.unwrap();
        let activities = db.store.all::<activity::Entity>().await.unwrap();
        let mut print = fingerprint(&mechanisms, &activities);
        let full = db
            .store
            .all::<edition::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.slug == report.full_edition)
            .unwrap();
        let round = db.store.edition_rounds(full.edition_id).await.unwrap().remove(0);
        print.extend(round.targets.iter().map(|t| t.label.clone()));
        print.extend(
            round
                .ratings
                .iter()
                .map(|r| format!("{} {} {}", r.row.criterion_id, r.rank, r.row.rationale)),
        );
        print.extend(round.consensus.iter().map(|k| k.rank.to_string()));
        prints.push(print);
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

#[tokio::test]
async fn the_raters_agree_moderately_as_planned() {
    let db = engines().await.remove(0);
    let scale = Scale {
        mechanisms: 20,
        memberships_per_mechanism: 3,
        activities: 100,
        citations: 1_000,
        editions: 2,
        sources: 20,
        initiatives: 40,
        round_targets: 30,
        raters: 4,
    };
    let report = load(&db.store, 1, &scale, false).await.unwrap();
    let full = db
        .store
        .all::<edition::Entity>()
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.slug == report.full_edition)
        .unwrap();
    let round = db.store.edition_rounds(full.edition_id).await.unwrap().remove(0);
    let mut alphas = Vec::new();
    for c in &round.framework.criteria {
        let alpha = krippendorff_alpha(&round.matrix(c.row.criterion_id), Metric::Ordinal).expect("defined");
        alphas.push(alpha);
    }
    // Neither perfect agreement nor chance: raters near a true level, with noise.
    for a in &alphas {
        assert!((0.3..0.9).contains(a), "{alphas:?}");
    }
    let mean = alphas.iter().sum::<f64>() / alphas.len() as f64;
    assert!((0.45..0.8).contains(&mean), "mean alpha {mean}: {alphas:?}");
    db.finish().await;
}

#[tokio::test]
async fn scale_two_writes_twice_what_scales_and_the_same_of_the_rest() {
    let base = Scale::small();
    let mut engines_counts = Vec::new();
    for n in [1, 2] {
        for db in engines().await {
            let report = load(&db.store, 5, &base.times(n), false).await.unwrap();
            let counts = db.store.counts().await.unwrap();
            // Still labelled at the larger scale.
            for m in db.store.all::<mechanism::Entity>().await.unwrap() {
                assert!(m.name.ends_with(LABEL), "{}", m.name);
            }
            engines_counts.push((n, db.engine, counts, report.rows["citation"]));
            db.finish().await;
        }
    }
    let scaled = [
        "mechanisms",
        "memberships",
        "activities",
        "citations",
        "sources",
        "initiatives",
        "profiles",
    ];
    let fixed = [
        "countries",
        "editions",
        "assessment_rounds",
        "accounts",
        "ratings",
        "consensus",
    ];
    for (n, engine, counts, cited) in engines_counts.iter().filter(|(n, ..)| *n == 2) {
        let (_, _, once, cited_once) = engines_counts.iter().find(|(m, e, ..)| *m == 1 && e == engine).unwrap();
        for table in scaled {
            assert_eq!(counts[table], 2 * once[table], "{table} at scale {n} on {engine}");
            assert!(once[table] > 0, "{table} on {engine}");
        }
        for table in fixed {
            assert_eq!(counts[table], once[table], "{table} at scale {n} on {engine}");
        }
        assert_eq!(*cited, 2 * cited_once);
        assert_eq!(counts["mechanisms"], (2 * base.mechanisms) as u64);
    }
    assert_eq!(
        engines_counts.iter().filter(|(n, ..)| *n == 2).count() * 2,
        engines_counts.len()
    );
}
