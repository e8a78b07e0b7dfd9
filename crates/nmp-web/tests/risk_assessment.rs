//! A qualitative country risk assessment through the workspace over HTTP, on SQLite and (when
//! configured) PostgreSQL: an editor opens a round on a country with the UN Framework of Analysis
//! (from the starter dataset), two researchers rate every risk factor with a level and a trend
//! (a missing trend is refused, naming its field), the round page shows agreement on trends, the
//! editor reconciles and closes the round, and the country page and its API answer show the
//! assessment, which they did not before it was released. The ratings are synthetic test data;
//! the framework, countries and sources are the starter dataset's.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::outcomes::Framework;
use nmp_store::testing::engines;
use nmp_store::watchlist::Target;
use serde_json::Value;

const SOURCE: &str = "un-framework-analysis-2014";

/// A rating form for every risk factor: level rank `rank(n)` and trend `trend(n)` for the n-th.
fn rating_form(
    framework: &Framework,
    rank: impl Fn(usize) -> usize,
    trend: impl Fn(usize) -> Option<&'static str>,
) -> Vec<(String, String)> {
    let mut form = Vec::new();
    for (n, c) in framework.criteria.iter().enumerate() {
        let id = c.row.criterion_id;
        form.push((
            format!("c{id}-level"),
            c.levels[rank(n) - 1].criterion_level_id.to_string(),
        ));
        if let Some(t) = trend(n) {
            form.push((format!("c{id}-trend"), t.to_string()));
        }
        form.push((
            format!("c{id}-rationale"),
            format!("Synthetic reason for factor {}", n + 1),
        ));
        form.push((format!("c{id}-source-1"), SOURCE.to_string()));
        form.push((format!("c{id}-locator-1"), "foreword".to_string()));
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn trend_of(n: usize) -> Option<&'static str> {
    Some(["rising", "steady", "falling"][n % 3])
}

#[tokio::test]
async fn an_editor_opens_a_country_round_raters_rate_levels_and_trends_and_the_country_page_shows_it() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let un = s
            .frameworks()
            .await
            .unwrap()
            .into_iter()
            .find(|f| f.row.slug == "un-atrocity-risk")
            .expect("the starter dataset holds the UN Framework of Analysis");
        assert_eq!(un.criteria.len(), 14);
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let ana = staff(s, "ana@example.org", AccountRole::Researcher).await;
        let ben = staff(s, "ben@example.org", AccountRole::Researcher).await;
        // A follower of South Sudan on the watchlist: alerted when the assessment is released.
        let watcher = staff(s, "watcher@example.org", AccountRole::Researcher).await;
        let who = s
            .get::<nmp_store::entity::account::Entity>(watcher.account_id)
            .await
            .unwrap()
            .unwrap();
        s.follow(&who, &Target::Country("SSD".into()), None).await.unwrap();

        let list = get(s, "/staff/assessments", Some(&editor)).await;
        assert!(list.body.contains("Countries to assess"), "{engine}");
        assert!(
            list.body
                .contains("UN Framework of Analysis for Atrocity Crimes (2014): risk factors")
        );

        // Without an assessment date: refused, naming the field; nothing written.
        let framework = un.row.framework_id.to_string();
        let (ana_id, ben_id) = (ana.account_id.to_string(), ben.account_id.to_string());
        let mut form = vec![
            ("title", "Synthetic risk round (test)"),
            ("edition", "2018"),
            ("framework_id", framework.as_str()),
            ("due_on", "2030-01-31"),
            ("countries", "SSD"),
            ("raters", ana_id.as_str()),
            ("raters", ben_id.as_str()),
        ];
        let refused = post(s, "/staff/assessments", &editor, &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("assessed_on: give the date"), "{}", refused.body);
        assert!(s.rounds(None).await.unwrap().is_empty(), "nothing written");
        form.push(("assessed_on", "2026-06-30"));
        let opened = post(s, "/staff/assessments", &editor, &form).await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let round_path = opened.location.unwrap();
        let round_id: i32 = round_path.rsplit('/').next().unwrap().parse().unwrap();
        let view = s.round_view(round_id).await.unwrap().unwrap();
        assert_eq!(view.targets[0].kind, "country");
        let target_path = format!("{round_path}/targets/{}", view.targets[0].row.round_target_id);

        // The blind form asks for a trend per risk factor; without one, refused by field.
        let blank = get(s, &target_path, Some(&ana)).await;
        assert!(blank.body.contains("Trend of Triggering factors"), "{}", blank.body);
        assert!(blank.body.contains("href=\"/countries/SSD\""));
        let no_trend = rating_form(&un, |_| 2, |n| if n == 7 { None } else { trend_of(n) });
        let refused = post(s, &target_path, &ana, &pairs(&no_trend)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("rf8_triggering_factors.trend"),
            "{}",
            refused.body
        );
        assert!(s.round_view(round_id).await.unwrap().unwrap().ratings.is_empty());

        let ana_form = rating_form(&un, |n| 1 + n % 4, trend_of);
        let done = post(s, &target_path, &ana, &pairs(&ana_form)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let ben_form = rating_form(&un, |n| if n == 0 { 4 } else { 1 + n % 4 }, trend_of);
        let done = post(s, &target_path, &ben, &pairs(&ben_form)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

        let round = get(s, &round_path, Some(&editor)).await;
        assert!(round.body.contains("Trends, all criteria"), "{}", round.body);
        assert!(round.body.contains("R1: 1 Not evident · R2: 4 High"), "{}", round.body);
        let side_by_side = get(s, &target_path, Some(&editor)).await;
        assert!(side_by_side.body.contains("<td>Rising</td>"));

        // Reconciled and open: not on the public page yet.
        for (n, c) in un.criteria.iter().enumerate() {
            let level = c.levels[n % 4].criterion_level_id.to_string();
            let rationale = format!("CONSENSUS-{}", n + 1);
            let form = [
                ("version", ""),
                ("level", level.as_str()),
                ("trend", trend_of(n).unwrap()),
                ("rationale", rationale.as_str()),
                ("source-1", SOURCE),
                ("locator-1", "foreword"),
            ];
            let path = format!("{target_path}/criteria/{}", c.row.criterion_id);
            let saved = post(s, &path, &editor, &form).await;
            assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        }
        let before = get(s, "/countries/SSD", None).await;
        assert!(
            before
                .body
                .contains("No qualitative risk assessment of South Sudan has been reconciled")
        );

        // Closed: released. The page shows each factor's level, trend, rationale and evidence.
        let version = s.round_view(round_id).await.unwrap().unwrap().round.version.to_string();
        let closed = post(
            s,
            &format!("{round_path}/state"),
            &editor,
            &[("version", version.as_str()), ("state", "closed")],
        )
        .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
        let alerts = s.alerts(watcher.account_id, true).await.unwrap();
        assert_eq!(alerts.len(), 1, "{engine}: one alert for the follower");
        assert_eq!(alerts[0].kind, "new_assessment");
        assert!(
            alerts[0]
                .message
                .starts_with("New qualitative assessment of South Sudan (2026-06-30): highest level high"),
            "{}",
            alerts[0].message
        );
        assert!(
            s.alerts(editor.account_id, true).await.unwrap().is_empty(),
            "no one else"
        );
        let page = get(s, "/countries/SSD", None).await;
        assert_eq!(page.status, StatusCode::OK);
        for expected in [
            "Qualitative risk assessment",
            "Assessed as of 2026-06-30",
            "8. <span>Triggering factors</span>",
            "CONSENSUS-14",
            "Elevated",
            "Rising",
            "Framework of Analysis for Atrocity Crimes",
            "trends α = ",
        ] {
            assert!(page.body.contains(expected), "{engine}: the page lacks {expected}");
        }
        // In French: the frame translated, the date in words, the editors' words as recorded
        // and marked English (issue 22).
        let fr = get(s, "/fr/countries/SSD", None).await;
        for expected in [
            "Évaluation au 30 juin 2026",
            "8. <span lang=\"en\">Triggering factors</span>",
            "<span lang=\"en\">Elevated</span>",
            "En hausse",
            "tendances α = ",
            "Facteur de risque",
        ] {
            assert!(fr.body.contains(expected), "{engine}: the French page lacks {expected}");
        }
        let api = get(s, "/api/v1/countries/ssd", None).await;
        let body: Value = serde_json::from_str(&api.body).unwrap();
        let factors = body["risk_assessment"]["factors"].as_array().unwrap();
        assert_eq!(factors.len(), 14);
        assert_eq!(factors[0]["trend"], "rising");
        assert_eq!(factors[7]["criterion"], "rf8_triggering_factors");
        assert_eq!(factors[7]["category"], "common");
        assert_eq!(factors[8]["category"], "genocide");
        assert!(factors[0]["evidence"][0]["note"].as_u64().unwrap() >= 1);
        assert_eq!(body["risk_assessment"]["assessed_on"], "2026-06-30");
        assert_eq!(body["risk_assessment"]["agreement_levels"]["units"], 14);
        assert!(body["risk_history"].as_array().unwrap().is_empty());
        let other: Value = serde_json::from_str(&get(s, "/api/v1/countries/KEN", None).await.body).unwrap();
        assert!(other["risk_assessment"].is_null());
        db.finish().await;
    }
}
