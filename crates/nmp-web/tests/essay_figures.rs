//! Figures an essay embeds from the platform (issue 20), on SQLite and PostgreSQL: a map of an
//! imported indicator and the report's own map, `![Caption](nmp:…)`. A figure NMP cannot draw is
//! refused at submission, naming its line; the editors see the figures drawn from the data as
//! they are; the published edition freezes them (the snapshot holds the drawing, the PDF prints
//! it, the essay's page shows it), and data imported after publication changes the workspace's
//! drawing but not the published one. The dataset, its values, the people, the edition and the
//! essay are synthetic test data and say so.

mod common;

use axum::http::StatusCode;
use common::essays::{invited_essay, mailer, manuscript};
use common::{get, post, staff};
use nmp_collect::essays::{answer_proofs, decide, send_to_proofs, submit};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{account, dataset, indicator, observation};
use nmp_store::testing::engines;
use nmp_store::{NotSet, Set, Store};

const DATASET: &str = "synthetic-risk";
const CREDIT: &str = "Source: Synthetic risk data for tests, Test suite (synthetic); values for 2099.";

/// A synthetic dataset `synthetic-risk` with one indicator, `risk`, valued for 2099.
async fn synthetic_dataset(s: &Store) -> i32 {
    let mut w = s.writer("test").await.unwrap();
    let ds = w
        .insert(dataset::ActiveModel {
            slug: Set(DATASET.into()),
            title: Set("Synthetic risk data for tests".into()),
            publisher: Set("Test suite (synthetic)".into()),
            note: Set(Some("synthetic".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let ind = w
        .insert(indicator::ActiveModel {
            dataset_id: Set(ds.dataset_id),
            code: Set("risk".into()),
            label: Set("Synthetic risk".into()),
            unit: Set(None),
            description: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    w.commit().await.unwrap();
    add_values(s, ind.indicator_id, 2099).await;
    ind.indicator_id
}

/// Synthetic values of the indicator for `year`.
async fn add_values(s: &Store, indicator_id: i32, year: i32) {
    let mut w = s.writer("test").await.unwrap();
    let rows: Vec<observation::ActiveModel> = [
        ("KEN", 0.12),
        ("AGO", 0.10),
        ("AFG", 0.08),
        ("BRA", 0.03),
        ("ISL", 0.001),
    ]
    .into_iter()
    .map(|(iso, value)| observation::ActiveModel {
        observation_id: NotSet,
        indicator_id: Set(indicator_id),
        country_iso3: Set(iso.into()),
        year: Set(year),
        value: Set(value + f64::from(year - 2099)),
    })
    .collect();
    w.insert_many(rows, "dataset:synthetic-risk", serde_json::json!({}))
        .await
        .unwrap();
    w.commit().await.unwrap();
}

/// The essay's text: a map of the synthetic indicator (its latest year) and the report's map.
const BODY: &str = "Synthetic text on risk [@mechanism:arg-national-mechanism].\n\n\
                    ![Synthetic risk, latest year](nmp:indicator/synthetic-risk/risk)\n\n\
                    More synthetic text.\n\n\
                    ![States with a national mechanism](nmp:report/map)\n";

/// The first figure of a page, from its `<figure` to its `</figure>`.
fn first_figure(page: &str) -> &str {
    let at = page.find("<figure class=\"essay-figure\"").expect("a figure");
    let end = page[at..].find("</figure>").expect("the figure ends") + at;
    &page[at..end]
}

fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text is read");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn an_essay_embeds_an_indicator_map_and_the_report_map_frozen_at_publication() {
    for db in engines().await {
        let (s, engine) = (&db.store, db.engine);
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let indicator_id = synthetic_dataset(s).await;
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let editor_row = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mail = mailer(dir.path());
        let (token, version) = invited_essay(s, &editor_row, &mail, "figures-test").await;

        // A figure NMP cannot draw is refused, naming its line and what is missing.
        let bad = "Text.\n\n![Risk](nmp:indicator/synthetic-risk/no-such)\n\n\
                   ![Risk](nmp:indicator/synthetic-risk/risk/2098)\n\n![Pie](nmp:report/pie)\n";
        let refused = submit(s, &token, version, &manuscript(bad))
            .await
            .unwrap_err()
            .to_string();
        for needle in [
            "line 3: the figure ![Risk](nmp:indicator/synthetic-risk/no-such) cannot be drawn: the dataset \"synthetic-risk\" has no indicator \"no-such\"",
            "line 5: the figure ![Risk](nmp:indicator/synthetic-risk/risk/2098) cannot be drawn: the indicator \"risk\" of \"synthetic-risk\" has no values for 2098 (it has values for 2099 to 2099)",
            "line 7: ![Pie](nmp:report/pie) is not a figure NMP can draw",
        ] {
            assert!(refused.contains(needle), "{engine}: {refused}");
        }

        let v1 = submit(s, &token, version, &manuscript(BODY)).await.unwrap();
        let essay_id = v1.essay_id;
        // The editor's page shows both figures, drawn now, numbered, with their credits.
        let page = get(s, &format!("/staff/essays/{essay_id}"), Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK, "{engine}");
        let figure = first_figure(&page.body);
        assert!(figure.contains("<svg"), "{engine}: {figure}");
        assert!(
            figure.contains("Synthetic risk (Synthetic risk data for tests), 2099"),
            "{engine}: {figure}"
        );
        assert!(figure.contains(CREDIT), "{engine}: {figure}");
        assert!(
            page.body.contains("Figure 2.</span> States with a national mechanism"),
            "{engine}: {}",
            page.body
        );
        assert!(
            !page.body.contains("essay-figure-missing"),
            "{engine}: every figure is drawn"
        );

        // Accepted, through the proofs, published.
        decide(s, &mail, &editor_row, essay_id, v1.version_id, "accept", "Accepted.")
            .await
            .unwrap();
        let (essay, _) = send_to_proofs(s, &mail, "https://nmp.example.org", &editor_row, essay_id)
            .await
            .unwrap();
        answer_proofs(s, &token, essay.version, true, "").await.unwrap();
        let published = post(
            s,
            "/staff/editions/figures-test/publish",
            &editor,
            &[("confirm", "yes")],
        )
        .await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{engine}: {}", published.body);

        // The frozen snapshot holds the indicator's map as drawn, and names the report's map.
        let frozen = nmp_report::load(s, "figures-test", false).await.unwrap();
        assert!(frozen.frozen, "{engine}");
        let part = frozen
            .snapshot
            .parts
            .iter()
            .find(|p| p.is_essay())
            .expect("the essay's part");
        let figures = &part.essay.as_ref().expect("its meta").figures;
        let files: Vec<&str> = figures.iter().map(|f| f.file.as_str()).collect();
        let own = format!("essay-{}-1.svg", part.key);
        assert_eq!(files, [own.as_str(), "map.svg"], "{engine}");
        assert!(
            figures[0]
                .svg
                .contains("Synthetic risk (Synthetic risk data for tests), 2099")
        );
        assert!(figures[1].svg.is_empty(), "the report's map is drawn from the snapshot");
        assert_eq!(figures[0].credit, CREDIT);
        // The PDF prints both, numbered within the essay, with caption and credit.
        let pdf = nmp_report::render(&frozen).unwrap();
        assert!(pdf.warnings.is_empty(), "{engine}: {:?}", pdf.warnings);
        let text = pdf_text(&pdf.pdf);
        for needle in [
            "Figure 1: Synthetic risk, latest year",
            "Figure 2: States with a national mechanism",
            "Source: Synthetic risk data for tests",
        ] {
            assert!(text.contains(needle), "{engine}: the PDF lacks {needle:?}: {text}");
        }
        // The static site writes the drawing beside the page that shows it.
        let site = nmp_report::site::build(&frozen).unwrap();
        assert!(
            site.iter().any(|(name, _)| *name == format!("figures/{own}")),
            "{engine}"
        );
        let essays_page = site
            .iter()
            .find(|(name, _)| name == "essays.html")
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).to_string())
            .unwrap();
        assert!(essays_page.contains(&format!("<img src=\"figures/{own}\"")), "{engine}");
        // The Markdown points at the same files.
        let (markdown, files) = nmp_report::markdown::render(&frozen, "figures");
        assert!(
            markdown.contains(&format!("![Synthetic risk, latest year](figures/{own})")),
            "{engine}: {markdown}"
        );
        assert!(markdown.contains("![States with a national mechanism](figures/map.svg)"));
        assert!(files.contains_key(&own), "{engine}");

        // The essay's page shows the figures as published.
        let public = format!("/editions/figures-test/essays/{}", part.key);
        let before = get(s, &public, None).await;
        assert_eq!(before.status, StatusCode::OK, "{engine}: {}", before.body);
        let shown = first_figure(&before.body).to_string();
        assert!(
            shown.contains("Synthetic risk (Synthetic risk data for tests), 2099"),
            "{engine}"
        );
        assert!(shown.contains(CREDIT), "{engine}: {shown}");

        // Values for a later year arrive: the workspace draws the latest year, the published
        // essay keeps what it was published with.
        add_values(s, indicator_id, 2100).await;
        let now = get(s, &format!("/staff/essays/{essay_id}"), Some(&editor)).await.body;
        assert!(
            first_figure(&now).contains("Synthetic risk (Synthetic risk data for tests), 2100"),
            "{engine}: the workspace draws the data as they are"
        );
        let after = get(s, &public, None).await.body;
        assert_eq!(first_figure(&after), shown, "{engine}: the published figure is frozen");
        let again = nmp_report::load(s, "figures-test", false).await.unwrap();
        assert_eq!(again.snapshot, frozen.snapshot, "{engine}");
        db.finish().await;
    }
}
