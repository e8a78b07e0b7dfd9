//! `nmp risk fit --save`: NMP's forecast is written as the dataset `nmp-risk-<Y>-<n>` with
//! `risk_2yr` and `rank_2yr`, the fit in `risk_model` and `risk_coefficient`, in one audited
//! transaction, on SQLite and PostgreSQL. **The panel here is synthetic test data** generated from
//! a seed for a few real COW codes (Kosovo among them) and made-up predictors.

use nmp_ingest::import::risk::{Comparison, ForecastToSave, PUBLISHER, save_forecast, save_forecast_report};
use nmp_ingest::seed::seed_embedded;
use nmp_risk::enet::Options;
use nmp_risk::panel;
use nmp_risk::refit::refit;
use nmp_store::entity::{dataset, indicator, observation, observation_outside, risk_coefficient, risk_model};
use nmp_store::testing::engines;

/// COW codes of the synthetic panel: Chad, Sudan, Kenya, Uganda, Kosovo (outside the 195 states).
const CODES: [(&str, i64); 5] = [
    ("Chad", 483),
    ("Sudan", 625),
    ("Kenya", 501),
    ("Uganda", 500),
    ("Kosovo", 347),
];

fn synthetic_panel() -> String {
    let mut state: u64 = 42;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let mut text = String::from("ewp_name,year,ccode,a,b,mk_onset_1or2\n");
    for year in 1960..=2030 {
        for (name, code) in CODES {
            let (a, b) = (next() * 4.0 - 2.0, next());
            let p = 1.0 / (1.0 + f64::exp(-(-1.0 + 1.2 * a)));
            let y = if year > 2028 {
                "NA".to_string()
            } else {
                u8::from(next() < p).to_string()
            };
            text += &format!("{name},{year},{code},{a:.6},{b:.6},{y}\n");
        }
    }
    text
}

#[tokio::test]
async fn a_saved_forecast_is_one_dataset_labelled_as_nmps_with_its_fit() {
    let text = synthetic_panel();
    let predictors = vec!["a".to_string(), "b".to_string()];
    let p = panel::read("panel.csv", text.as_bytes(), &predictors, panel::OUTCOME).unwrap();
    let opts = Options::default();
    let fitted = refit(&p, &opts).unwrap();
    assert_eq!((fitted.base_year, fitted.first_year), (2030, 2031));
    let f = ForecastToSave {
        refit: &fitted,
        predictors: &predictors,
        ewp_coefficients: Some(&[0.5, 0.0]),
        options: &opts,
        panel_file: "panel.csv".into(),
        panel_sha256: nmp_core::sha256_hex(text.as_bytes()),
        outcome: panel::OUTCOME.into(),
        comparison: Some(Comparison {
            file: "final_forecasts_data_1Jan2031.csv".into(),
            spearman: 0.97,
            top30_overlap: 4,
        }),
    };
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let first = save_forecast_report(s, "system:risk", &f).await.unwrap();
        assert_eq!(first.slug, "nmp-risk-2031-1", "{}", db.engine);
        assert_eq!(first.observations, 8, "two values for each of the four states");
        let second = save_forecast(s, "system:risk", &f).await.unwrap();
        assert_ne!(second, first.dataset_id, "a second save is a second dataset");
        let ds = s.all::<dataset::Entity>().await.unwrap();
        let d = ds.iter().find(|d| d.dataset_id == second).unwrap();
        assert_eq!(d.slug, "nmp-risk-2031-2");
        assert_eq!(d.publisher, PUBLISHER);
        assert!(
            d.note
                .as_deref()
                .unwrap()
                .starts_with("NMP's computation, not the Early Warning Project's")
        );
        let inds: Vec<_> = s
            .all::<indicator::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|i| i.dataset_id == first.dataset_id)
            .collect();
        let mut codes: Vec<&str> = inds.iter().map(|i| i.code.as_str()).collect();
        codes.sort();
        assert_eq!(codes, ["rank_2yr", "risk_2yr"]);
        let risk = inds.iter().find(|i| i.code == "risk_2yr").unwrap();
        let obs: Vec<_> = s
            .all::<observation::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|o| o.indicator_id == risk.indicator_id)
            .collect();
        assert_eq!(obs.len(), 4);
        assert!(obs.iter().all(|o| o.year == 2031));
        let chad = fitted.forecasts.iter().find(|fc| fc.ccode == 483).unwrap();
        let stored = obs.iter().find(|o| o.country_iso3 == "TCD").unwrap();
        assert_eq!(stored.value, chad.risk);
        let kosovo: Vec<_> = s
            .all::<observation_outside::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|o| o.indicator_id == risk.indicator_id)
            .collect();
        assert_eq!(kosovo.len(), 1);
        assert_eq!(kosovo[0].code, "XKX");
        let models = s.all::<risk_model::Entity>().await.unwrap();
        let m = models.iter().find(|m| m.dataset_id == first.dataset_id).unwrap();
        assert_eq!((m.alpha, m.folds, m.converged, m.base_year), (0.5, 10, true, 2030));
        assert_eq!((m.first_training_year, m.last_training_year), (1960, 2028));
        assert_eq!(m.lambda, fitted.cv.model.lambda);
        assert_eq!((m.spearman_vs_ewp, m.top30_overlap_vs_ewp), (Some(0.97), Some(4)));
        let coefs: Vec<_> = s
            .all::<risk_coefficient::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.dataset_id == first.dataset_id)
            .collect();
        assert_eq!(coefs.len(), 2);
        assert_eq!(coefs[0].predictor, "a");
        assert_eq!(coefs[0].coefficient, fitted.cv.model.beta[0]);
        assert_eq!(coefs[0].ewp_coefficient, Some(0.5));
    }
}
