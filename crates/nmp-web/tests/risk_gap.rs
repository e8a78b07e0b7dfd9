//! The risk–capacity gap monitor and the watchlist on the web (issue 26, parts 4 and 5), on
//! both engines: `/risk` and `GET /api/v1/risk/gap` (JSON and CSV, paginated) with the latest
//! EWP release by default, an earlier release or NMP's computation when chosen, a bad `source`
//! answered with the form again (400) or the API's error naming `source`; a staff person follows
//! Kenya, a release where Kenya enters the top 30 raises an alert on `/staff`, mailed to the
//! outbox, and marked as read. The releases and the NMP forecast are generated here and are
//! **synthetic test data** (made-up risks, fictional years 2031 and 2032).

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_ingest::testing::release;
use nmp_store::testing::engines;

#[tokio::test]
async fn the_gap_monitor_lists_states_by_risk_beside_their_capacity_and_alerts_followers() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();

        // Before any forecast: the page says so, the API is a 404.
        let empty = get(s, "/risk", None).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert!(empty.body.contains("No forecast has been imported"), "{}", empty.body);
        assert_eq!(get(s, "/api/v1/risk/gap", None).await.status, StatusCode::NOT_FOUND);

        nmp_ingest::import::ewp::import(s, release(2031, 31, false).path(), false, "test")
            .await
            .unwrap();
        // A staff person follows Kenya (and the rise that alerts them); a bad target is refused
        // with the form again.
        let ana = staff(s, "ana@example.org", AccountRole::Partner).await;
        let form = get(s, "/staff/watchlist?follow=KEN", Some(&ana)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.body.contains("<option value=\"KEN\" selected>Kenya"),
            "{}",
            form.body
        );
        let bad = post(s, "/staff/watchlist", &ana, &[("action", "follow"), ("target", "XYZ")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(
            bad.body.contains("there is no country with ISO code XYZ"),
            "{}",
            bad.body
        );
        let ok = post(
            s,
            "/staff/watchlist",
            &ana,
            &[("action", "follow"), ("target", "KEN"), ("min_rise", "0.01")],
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let list = get(s, "/staff/watchlist", Some(&ana)).await;
        assert!(
            list.body.contains("<a href=\"/countries/ken\">Kenya</a>"),
            "{}",
            list.body
        );

        // The second release: Kenya from 31st to 12th.
        let report = nmp_ingest::import::ewp::import(s, release(2032, 12, false).path(), false, "test")
            .await
            .unwrap();
        let kinds: Vec<&str> = report.alerts.iter().map(|a| a.kind.as_str()).collect();
        assert_eq!(kinds, ["entered_top_30", "risk_up"], "{}", db.engine);

        let outbox = tempfile::tempdir().unwrap();
        let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
            from: "nmp@example.org".into(),
            smtp: None,
            outbox: outbox.path().to_path_buf(),
        })
        .unwrap();
        let mails = nmp_collect::alerts::mail_alerts(s, &mailer, "https://nmp.example.org", &report.alerts)
            .await
            .unwrap();
        assert_eq!(mails.len(), 1, "one message per follower");
        assert_eq!(
            (mails[0].kind.as_str(), mails[0].to_address.as_str()),
            ("alert", "ana@example.org")
        );
        assert!(
            mails[0].body.contains("Kenya entered the top 30")
                && mails[0].body.contains("https://nmp.example.org/countries/ken")
        );
        assert_eq!(std::fs::read_dir(outbox.path()).unwrap().count(), 1);

        let dashboard = get(s, "/staff", Some(&ana)).await;
        assert!(dashboard.body.contains("Watchlist alerts"), "{}", dashboard.body);
        assert!(
            dashboard
                .body
                .contains("Kenya entered the top 30 in Early Warning Project, ewp-2032"),
            "{}",
            dashboard.body
        );
        let read = post(s, "/staff/alerts/read", &ana, &[("alert", "all")]).await;
        assert_eq!(
            (read.status, read.location.as_deref()),
            (StatusCode::SEE_OTHER, Some("/staff"))
        );
        let dashboard = get(s, "/staff", Some(&ana)).await;
        assert!(dashboard.body.contains("No unread alerts"), "{}", dashboard.body);
        // Someone else's alert cannot be marked.
        let ben = staff(s, "ben@example.org", AccountRole::Researcher).await;
        let other = post(
            s,
            "/staff/alerts/read",
            &ben,
            &[("alert", &report.alerts[0].watch_alert_id.to_string())],
        )
        .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{}", other.body);

        // The page: the latest release by default, Chad first and flagged (no mechanism), Kenya
        // rising; the header links it.
        let page = get(s, "/risk", None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<a href=\"/risk\">Risk</a>"));
        assert!(
            page.body
                .contains("Early Warning Project, ewp-2032 (forecast 2032–2033)"),
            "{}",
            page.body
        );
        assert!(
            page.body.contains("<option value=\"ewp-2032\" selected>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Changes are since ewp-2031"), "{}", page.body);
        let first = page.body.find("<tbody>").unwrap();
        assert!(
            page.body[first..].starts_with("<tbody><tr class=\"flagged\"><td data-label=\"Rank\">1</td><th scope=\"row\"><a href=\"/countries/tcd\">Chad</a> <span class=\"badge flag\">flagged</span>"),
            "{}",
            &page.body[first..first + 300]
        );
        let kenya = &page.body[page.body.find("/countries/ken\"").unwrap()..];
        let kenya = &kenya[..kenya.find("</tr>").unwrap()];
        assert!(kenya.contains("rising") && kenya.contains("+9.5 pt"), "{kenya}");
        let analysis = get(s, "/analysis", None).await;
        assert!(analysis.body.contains("<a href=\"/risk\">Risk and capacity</a>"));

        // A bad source: the form again, the problem explained, a 400, never a 500.
        let bad = get(s, "/risk?source=ewp-1900", None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(
            bad.body
                .contains("<form class=\"filters\" method=\"get\" action=\"/risk\"")
        );
        assert!(
            bad.body
                .contains("&#34;ewp-1900&#34; is not one of the forecasts: ewp-2031, ewp-2032"),
            "{}",
            bad.body
        );

        // The API: every state the release assesses, by rank, with the forecast named.
        let api = get(s, "/api/v1/risk/gap?limit=2", None).await;
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        assert_eq!(json["total"], 35);
        assert_eq!(json["items"].as_array().unwrap().len(), 2);
        let chad = &json["items"][0];
        assert_eq!((chad["iso3"].as_str(), chad["rank"].as_f64()), (Some("TCD"), Some(1.0)));
        assert_eq!(chad["source"], "ewp-2032");
        assert_eq!(chad["source_label"], "Early Warning Project");
        assert_eq!(chad["mechanism_status"], "none");
        assert_eq!(chad["flagged"], true);
        assert!(chad["latest_assessment"].is_null());
        let ken = get(s, "/api/v1/risk/gap?limit=500", None).await;
        let json: serde_json::Value = serde_json::from_str(&ken.body).unwrap();
        let ken = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["iso3"] == "KEN")
            .unwrap();
        assert_eq!(
            (ken["rising"].as_bool(), ken["high"].as_bool()),
            (Some(true), Some(true))
        );
        assert_ne!(
            ken["mechanism_status"], "none",
            "Kenya's mechanism is in the starter data"
        );
        assert_eq!(ken["flagged"].as_bool(), Some(ken["mechanism_status"] != "operational"));
        // An earlier release has nothing before it: nothing is rising.
        let early: serde_json::Value =
            serde_json::from_str(&get(s, "/api/v1/risk/gap?source=EWP-2031&limit=500", None).await.body).unwrap();
        assert!(early["items"].as_array().unwrap().iter().all(|i| i["rising"] == false));
        let bad = get(s, "/api/v1/risk/gap?source=nope", None).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let err: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
        assert_eq!(err["error"]["field"], "source", "{}", bad.body);
        let csv = get(s, "/api/v1/risk/gap.csv?limit=3", None).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body.starts_with("source,source_label,rank,iso3,name,risk,"),
            "{}",
            csv.body
        );
        assert_eq!(csv.body.lines().count(), 4, "a header and three rows");
        let csv2 = get(s, "/api/v1/risk/gap?format=csv&limit=3", None).await;
        assert_eq!(csv2.body, csv.body);

        // NMP's own computation: chosen by its slug, never labelled as EWP's.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nmp.csv");
        std::fs::write(&file, "iso3,year,indicator,value\nKEN,2032,risk_2yr,0.3\nKEN,2032,rank_2yr,1\nTCD,2032,risk_2yr,0.1\nTCD,2032,rank_2yr,2\n").unwrap();
        let options = nmp_ingest::import::indicators::IndicatorsOptions {
            slug: "nmp-risk-2032".into(),
            title: "NMP refit (synthetic test data)".into(),
            publisher: "NMP (own computation)".into(),
            version: None,
            url: None,
            licence: None,
            dry_run: false,
        };
        nmp_ingest::import::indicators::import(s, &file, &options, "test", &mut |_| {})
            .await
            .unwrap();
        let nmp = get(s, "/risk?source=nmp-risk-2032", None).await;
        assert_eq!(nmp.status, StatusCode::OK, "{}", nmp.body);
        assert!(
            nmp.body
                .contains("NMP&#39;s computation, nmp-risk-2032 (forecast 2032–2033)"),
            "{}",
            nmp.body
        );
        assert!(nmp.body.contains("it is not a forecast of the Early Warning Project"));
        assert!(!nmp.body.contains("Published by"));
        let json: serde_json::Value =
            serde_json::from_str(&get(s, "/api/v1/risk/gap?source=nmp-risk-2032", None).await.body).unwrap();
        assert_eq!(json["total"], 2);
        assert_eq!(json["items"][0]["source_label"], "NMP's computation");
        assert_eq!(json["items"][0]["iso3"], "KEN");
        // The default stays the latest EWP release.
        let default: serde_json::Value =
            serde_json::from_str(&get(s, "/api/v1/risk/gap?limit=1", None).await.body).unwrap();
        assert_eq!(default["items"][0]["source"], "ewp-2032");
        db.finish().await;
    }
}
