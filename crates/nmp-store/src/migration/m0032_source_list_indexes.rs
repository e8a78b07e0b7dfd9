//! Indexes for the source list that the database filters and counts (`source_list.rs`, issue 27):
//! its `kind` and `language` filters, whose facet counts are `GROUP BY` over those columns (an
//! index on each lets the count read the index alone instead of every row). Its other look-ups
//! already have theirs: a source by `slug` (unique, m0001) and the citations of the page's
//! sources, counted or read, by `source_id` (`citation_source_idx`, m0001).

use sea_orm_migration::prelude::*;

/// Migration 32.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(name, table, columns)` of each index.
const INDEXES: &[(&str, &str, &[&str])] = &[
    ("source_kind_idx", "source", &["kind"]),
    ("source_language_idx", "source", &["language"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut index = Index::create().name(*name).table(*table).take();
            for column in *columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            let mut drop = Index::drop();
            drop.name(*name).table(*table);
            manager.drop_index(drop).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
