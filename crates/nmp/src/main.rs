//! `nmp`: the command-line program. Each command lives in its own module under `cmd/` and calls
//! the library crates; errors end the program with one clear line and a non-zero exit.

#![forbid(unsafe_code)]

mod cmd;
mod config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// NMP: the database, data-collection desk, analysis bench and press of the review
/// "National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes".
#[derive(Parser, Debug)]
#[command(name = "nmp", version, about, long_about = None)]
struct Cli {
    /// Database URL: sqlite://PATH or postgres://USER:PASSWORD@HOST:PORT/DB [env: NMP_DATABASE_URL; default sqlite://nmp.db]
    #[arg(long, global = true)]
    database_url: Option<String>,
    /// Configuration file [env: NMP_CONFIG; default ./nmp.toml if present]
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the web platform (migrates the database and loads the starter dataset if it is empty)
    Serve {
        /// Address to listen on [env: NMP_ADDR; default 127.0.0.1:8080]
        #[arg(long)]
        addr: Option<String>,
    },
    /// Apply pending database migrations
    Migrate,
    /// Load the starter dataset (adds what is missing; never overwrites; safe to run twice)
    Seed {
        /// Read the dataset from this directory instead of the copy built into nmp
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Show or check the configuration
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Check the audit log's hash chain
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Export data for reuse
    Export {
        #[command(subcommand)]
        action: ExportAction,
    },
    /// Import records from CSV/XLSX files, or external country-year data (the Early Warning Project, or any long-format CSV)
    Import {
        #[command(subcommand)]
        action: cmd::import::ImportAction,
    },
    /// Staff accounts: add, reset a password, list
    User {
        #[command(subcommand)]
        action: cmd::user::UserAction,
    },
    /// Data collection: the default questionnaire, reminders, the responses as CSV
    Questionnaire {
        #[command(subcommand)]
        action: cmd::questionnaire::QuestionnaireAction,
    },
    /// Build an edition's PDF report (typeset in-process with Typst)
    Report {
        #[command(subcommand)]
        action: cmd::report::ReportAction,
    },
}

#[derive(Subcommand, Debug)]
enum ConfigAction {
    /// Print the effective configuration (secrets redacted)
    Show,
}

#[derive(Subcommand, Debug)]
enum AuditAction {
    /// Recompute every audit event's hash and report the first broken link
    Verify,
}

#[derive(Subcommand, Debug)]
enum ExportAction {
    /// Write an edition's data as a Frictionless tabular data package (CSV files and datapackage.json)
    Datapackage {
        /// The edition's slug (for annual reports, the year: 2017)
        #[arg(long)]
        edition: String,
        /// Directory to create (it must not exist, or be empty)
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the current records of a kind as CSV or XLSX, in the layout `nmp import records` reads
    Records {
        /// mechanisms, memberships, activities, organizations, sources or citations
        #[arg(long)]
        kind: String,
        /// csv or xlsx (default: from the --out file's extension)
        #[arg(long)]
        format: Option<String>,
        /// The file to write
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = std::env::vars().collect();
    let addr = match &cli.command {
        Command::Serve { addr } => addr.clone(),
        _ => None,
    };
    let flags = config::Overrides {
        database_url: cli.database_url.clone(),
        addr,
    };
    let result = config::Config::load(cli.config.as_deref(), &env, &flags).and_then(|config| {
        cmd::init_logging(&config.log);
        let runtime = tokio::runtime::Runtime::new()?;
        runtime.block_on(cmd::run(cli.command, config))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
