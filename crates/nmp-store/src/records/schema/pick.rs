//! Finding rows for a form's search-as-you-type picker: the sources, organisations and mechanisms
//! whose title or name, slug or acronym holds what was typed (`LOWER(..) LIKE`, so without regard
//! to case on both engines), a few at a time, and the label of the row a field already names.
//! The labels are those of [`super::choices`].

use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{mechanism, organization, source};
use crate::{Result, Store};

/// The tables whose rows a form picks by searching rather than from a list of all of them.
pub const PICKED_TABLES: &[&str] = &["source", "organization", "mechanism"];

/// `LOWER(column) LIKE '%needle%'`, with `%`, `_` and `\` in the needle taken literally.
fn holds<C: ColumnTrait>(column: C, needle: &str) -> Expr {
    let escaped: String = needle
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    Expr::expr(Func::lower(column.into_expr())).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

fn source_label(s: &source::Model) -> (String, String) {
    (s.source_id.to_string(), format!("{} ({})", s.title, s.slug))
}

fn organization_label(o: &organization::Model) -> (String, String) {
    let country = o.country_iso3.clone().unwrap_or_else(|| "international".into());
    (o.organization_id.to_string(), format!("{} ({country})", o.name))
}

fn mechanism_label(m: &mechanism::Model) -> (String, String) {
    let country = m.country_iso3.clone().unwrap_or_else(|| "regional".into());
    (m.mechanism_id.to_string(), format!("{} ({country})", m.name))
}

/// Up to `limit` rows of `table` (one of [`PICKED_TABLES`]) whose title or name, slug or acronym
/// holds `query`, as `(key, label)` in label order. An empty query or another table finds none.
pub async fn pick(store: &Store, table: &str, query: &str, limit: u64) -> Result<Vec<(String, String)>> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let db = store.conn();
    Ok(match table {
        "source" => source::Entity::find()
            .filter(
                Condition::any()
                    .add(holds(source::Column::Title, query))
                    .add(holds(source::Column::Slug, query))
                    .add(holds(source::Column::Author, query)),
            )
            .order_by_asc(source::Column::Title)
            .limit(limit)
            .all(db)
            .await?
            .iter()
            .map(source_label)
            .collect(),
        "organization" => organization::Entity::find()
            .filter(
                Condition::any()
                    .add(holds(organization::Column::Name, query))
                    .add(holds(organization::Column::Slug, query))
                    .add(holds(organization::Column::Acronym, query))
                    .add(holds(organization::Column::LocalName, query)),
            )
            .order_by_asc(organization::Column::Name)
            .limit(limit)
            .all(db)
            .await?
            .iter()
            .map(organization_label)
            .collect(),
        "mechanism" => mechanism::Entity::find()
            .filter(
                Condition::any()
                    .add(holds(mechanism::Column::Name, query))
                    .add(holds(mechanism::Column::Slug, query))
                    .add(holds(mechanism::Column::Acronym, query)),
            )
            .order_by_asc(mechanism::Column::Name)
            .limit(limit)
            .all(db)
            .await?
            .iter()
            .map(mechanism_label)
            .collect(),
        _ => Vec::new(),
    })
}

/// The `(key, label)` of the row `key` of `table` (one of [`PICKED_TABLES`]), if it exists.
pub async fn picked(store: &Store, table: &str, key: &str) -> Result<Option<(String, String)>> {
    let Ok(id) = key.trim().parse::<i32>() else {
        return Ok(None);
    };
    let db = store.conn();
    Ok(match table {
        "source" => source::Entity::find_by_id(id).one(db).await?.as_ref().map(source_label),
        "organization" => organization::Entity::find_by_id(id)
            .one(db)
            .await?
            .as_ref()
            .map(organization_label),
        "mechanism" => mechanism::Entity::find_by_id(id)
            .one(db)
            .await?
            .as_ref()
            .map(mechanism_label),
        _ => None,
    })
}
