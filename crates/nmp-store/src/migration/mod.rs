//! Schema migrations, embedded in the binary. Each is written once with the sea-query schema
//! builder, which renders the DDL for SQLite and for PostgreSQL; migrations are numbered and never
//! edited once they have shipped (add a new one instead).

use sea_orm_migration::prelude::*;

mod m0001_foundation;
mod m0002_datasets;
mod m0003_sector;
mod m0004_accounts;
mod m0005_workspace;
mod m0006_publication;
mod m0009_collection;
mod m0010_attachments;
mod m0011_essays;
mod m0012_observation_indexes;
mod m0013_outcomes;
mod m0014_sign_in_throttling;
mod m0015_two_factor;
mod m0016_edition_phases;
mod m0017_observation_outside;
mod m0018_source_archive;
mod m0019_source_archive_file;
mod m0020_risk_model;
mod m0022_country_risk_assessment;
mod m0023_criterion_indicators;
mod m0024_watchlist;
mod m0025_write_notify;
mod m0026_invitation_language;
mod m0027_question_translations;
mod m0028_edition_language;
mod m0029_translation;
mod m0030_list_indexes;
mod m0031_essays;
mod m0032_more_list_indexes;

/// The tables whose rows a migration writes (the audit chain's genesis head): the only tables
/// that hold rows in a freshly migrated database. A restore replaces their rows with the
/// backup's and refuses a database where any other table holds one. A test fails when a
/// migration writes rows into a table not listed here.
pub const SEEDED_TABLES: &[&str] = &["audit_head"];

/// Adds `columns` to `table`, one statement each (SQLite alters one column per statement). For
/// migrations from m0016 on; earlier ones shipped with the statements written out.
async fn add_columns(manager: &SchemaManager<'_>, table: &str, columns: Vec<ColumnDef>) -> Result<(), DbErr> {
    for mut column in columns {
        manager
            .alter_table(Table::alter().table(table.to_string()).add_column(&mut column).take())
            .await?;
    }
    Ok(())
}

/// Drops `columns` from `table`, one statement each (a `down` of [`add_columns`]).
async fn drop_columns(manager: &SchemaManager<'_>, table: &str, columns: &[&'static str]) -> Result<(), DbErr> {
    for column in columns {
        manager
            .alter_table(Table::alter().table(table.to_string()).drop_column(*column).take())
            .await?;
    }
    Ok(())
}

/// All migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_datasets::Migration),
            Box::new(m0003_sector::Migration),
            Box::new(m0004_accounts::Migration),
            Box::new(m0005_workspace::Migration),
            Box::new(m0006_publication::Migration),
            Box::new(m0009_collection::Migration),
            Box::new(m0010_attachments::Migration),
            Box::new(m0011_essays::Migration),
            Box::new(m0012_observation_indexes::Migration),
            Box::new(m0013_outcomes::Migration),
            Box::new(m0014_sign_in_throttling::Migration),
            Box::new(m0015_two_factor::Migration),
            Box::new(m0016_edition_phases::Migration),
            Box::new(m0017_observation_outside::Migration),
            Box::new(m0018_source_archive::Migration),
            Box::new(m0019_source_archive_file::Migration),
            Box::new(m0020_risk_model::Migration),
            Box::new(m0022_country_risk_assessment::Migration),
            Box::new(m0023_criterion_indicators::Migration),
            Box::new(m0024_watchlist::Migration),
            Box::new(m0025_write_notify::Migration),
            Box::new(m0026_invitation_language::Migration),
            Box::new(m0027_question_translations::Migration),
            Box::new(m0028_edition_language::Migration),
            Box::new(m0029_translation::Migration),
            Box::new(m0030_list_indexes::Migration),
            Box::new(m0031_essays::Migration),
            Box::new(m0032_more_list_indexes::Migration),
        ]
    }
}

/// `(name, table, columns)` of a plain (not unique) index, as the index-only migrations list them.
type IndexSpec = (&'static str, &'static str, &'static [&'static str]);

/// Creates each of `indexes` (an index-only migration's `up`).
async fn create_indexes(manager: &SchemaManager<'_>, indexes: &[IndexSpec]) -> Result<(), DbErr> {
    for (name, table, columns) in indexes {
        let mut index = Index::create().name(*name).table(*table).take();
        for column in *columns {
            index.col(*column);
        }
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops each of `indexes` (an index-only migration's `down`).
async fn drop_indexes(manager: &SchemaManager<'_>, indexes: &[IndexSpec]) -> Result<(), DbErr> {
    for (name, table, _) in indexes {
        let mut drop = Index::drop();
        drop.name(*name).table(*table);
        manager.drop_index(drop).await?;
    }
    Ok(())
}
