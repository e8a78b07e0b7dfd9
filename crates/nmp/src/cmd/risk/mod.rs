//! `nmp risk`: NMP's statistical risk model (crate `nmp-risk`).
//!
//! - `nmp risk apply DIR`: the published coefficients of an Early Warning Project release applied
//!   to its predictor values (see [`apply`]);
//! - `nmp risk fit PANEL.csv [--compare DIR] [--save]`: the model refitted on a country-year
//!   panel and the forecast from its last year (see [`fit`]).
//!
//! Only `fit --save` touches the database.

mod apply;
mod fit;
mod release;

use std::path::PathBuf;

use clap::Subcommand;

use crate::config::Config;

/// What to do with the risk model.
#[derive(Subcommand, Debug)]
pub(crate) enum RiskAction {
    /// Compute each country's two-year risk from an EWP release's published coefficients and
    /// predictor values, and the largest difference from the published risks
    Apply {
        /// Directory with the release's files (final_forecasts_data_*.csv, coefficients_*.csv and,
        /// to restore the digits the coefficient file rounds away, prepared*predictors*.csv),
        /// e.g. ../shared/data/ewp-2024
        dir: PathBuf,
    },
    /// Fit the elastic-net logistic regression on a country-year panel and forecast from its last year
    Fit {
        /// The panel (EWP's prepared<YEAR>predictors-<date>.csv layout)
        panel: PathBuf,
        /// An EWP release directory to compare with: its coefficient file names the predictors,
        /// its forecasts are compared (the last line is `spearman=X top30_overlap=N`)
        #[arg(long)]
        compare: Option<PathBuf>,
        /// Write the forecast to the database as dataset nmp-risk-<year>-<n> (NMP's computation)
        #[arg(long)]
        save: bool,
        /// Also write every country's forecast to this CSV file (ccode,ewp_name,risk_2yr,rank_2yr)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Cross-validation folds
        #[arg(long, default_value_t = 10)]
        folds: usize,
        /// Seed of the assignment of rows to folds
        #[arg(long, default_value_t = 90035)]
        seed: u64,
        /// Elastic-net mix (1 = lasso, 0 = ridge)
        #[arg(long, default_value_t = 0.5)]
        alpha: f64,
    },
}

pub(crate) async fn run(config: &Config, action: RiskAction) -> anyhow::Result<()> {
    match action {
        RiskAction::Apply { dir } => {
            print!("{}", apply::run(&dir)?);
            Ok(())
        }
        RiskAction::Fit {
            panel,
            compare,
            save,
            out,
            folds,
            seed,
            alpha,
        } => {
            let opts = nmp_risk::enet::Options {
                alpha,
                folds,
                seed,
                ..Default::default()
            };
            fit::run(config, &panel, compare.as_deref(), save, out.as_deref(), &opts).await
        }
    }
}
