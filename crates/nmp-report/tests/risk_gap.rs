//! The risk–capacity gap table in the report's overview, on SQLite and (when configured)
//! PostgreSQL: an edition shows the latest Early Warning Project release whose first forecast
//! year is not after its own year, with capacity read as of that year; the PDF, the static site
//! and the Markdown print it; an edition with no release by its year (2017, with only releases
//! for the 2030s) is as it was, byte for byte.
//!
//! The releases are synthetic (`nmp_ingest::testing::release`) and so is the later edition
//! (`2031`, titled as synthetic); the mechanisms are the starter dataset's.
//!
//! `NMP_TEST_RISK_PDF=FILE` writes the 2031 draft PDF to FILE (to look at the table).

use nmp_ingest::testing::release;
use nmp_store::entity::edition;
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

/// A draft edition `slug` (a year), titled as synthetic.
async fn synthetic_edition(s: &Store, slug: &str) {
    let mut w = s.writer("test").await.unwrap();
    w.insert(edition::ActiveModel {
        slug: Set(slug.into()),
        title: Set("Synthetic test edition (not a real edition)".into()),
        kind: Set("annual_report".into()),
        status: Set("draft".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
}

#[tokio::test]
async fn a_later_edition_prints_the_gap_of_its_years_release_and_2017_is_unchanged() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let before = nmp_report::load_preview(s, "2017").await.unwrap();
        assert!(before.snapshot.overview.risk_gap.is_none());

        // Kenya 31st in 2030, 12th in 2031 (it enters the top 30); a 2032 release exists too.
        for (year, kenya) in [(2030, 31), (2031, 12), (2032, 5)] {
            nmp_ingest::import::ewp::import(s, release(year, kenya, false).path(), false, "test")
                .await
                .unwrap();
        }
        let after = nmp_report::load_preview(s, "2017").await.unwrap();
        assert_eq!(
            after.sha256, before.sha256,
            "{}: a release from after 2017 changed the 2017 edition",
            db.engine
        );

        synthetic_edition(s, "2031").await;

        let draft = nmp_report::load_preview(s, "2031").await.unwrap();
        let gap = draft.snapshot.overview.risk_gap.as_ref().expect("a gap table for 2031");
        assert_eq!(
            gap.source, "ewp-2031",
            "{}: not the release of the edition's year",
            db.engine
        );
        assert_eq!(gap.previous.as_deref(), Some("ewp-2030"));
        assert_eq!(gap.states, 35);
        // The top 30, and nobody else rose: Kenya entered at 12th, pushing the 30th out.
        assert_eq!(
            gap.rows.len(),
            30,
            "{:?}",
            gap.rows.iter().map(|r| &r.iso3).collect::<Vec<_>>()
        );
        let row = |iso3: &str| gap.rows.iter().find(|r| r.iso3 == iso3).unwrap();
        let kenya = row("KEN");
        assert!(kenya.rising && kenya.high && !kenya.flagged, "{kenya:?}");
        assert_eq!(kenya.mechanism, "Operational");
        let chad = row("TCD");
        assert_eq!(chad.rank, "1");
        assert_eq!(chad.risk, "20.0%");
        assert_eq!(chad.mechanism, "None recorded");
        assert!(chad.flagged && !chad.rising, "{chad:?}");
        assert_eq!(row("UGA").mechanism, "Operational");
        assert_eq!(gap.flagged, gap.rows.iter().filter(|r| r.flagged).count());
        assert!(gap.flagged >= 25, "{} flagged", gap.flagged);

        // Printed in the three outputs.
        let pdf = nmp_report::render(&draft).unwrap();
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        if let Ok(file) = std::env::var("NMP_TEST_RISK_PDF") {
            std::fs::write(file, &pdf.pdf).unwrap();
        }
        let site = nmp_report::site::build(&draft).unwrap();
        let overview = site.iter().find(|(n, _)| n == "overview.html").unwrap();
        let html = String::from_utf8_lossy(&overview.1);
        assert!(
            html.contains("Risk and capacity") && html.contains("ewp-2031"),
            "{html}"
        );
        assert!(
            html.contains("<tr class=\"flagged\"><td class=\"num\">1</td>"),
            "Chad is flagged first"
        );
        assert_eq!(
            html.matches("<h2 id=\"risk\">").count(),
            1,
            "the section once, in the page's body"
        );
        let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
        assert!(markdown.contains("## Risk and capacity"), "{markdown}");
        assert!(markdown.contains("| 1 | ■ **Chad** | 20.0% |"), "{markdown}");

        // An edition before every release has none.
        synthetic_edition(s, "2029").await;
        assert!(
            nmp_report::load_preview(s, "2029")
                .await
                .unwrap()
                .snapshot
                .overview
                .risk_gap
                .is_none()
        );
        db.finish().await;
    }
}
