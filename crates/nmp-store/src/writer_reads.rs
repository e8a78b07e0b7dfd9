//! Reads inside a write: the rows a [`Writer`]'s own transaction sees, for look-ups while writing
//! (the keys of rows just inserted in bulk, read back by natural key; the dataset an import
//! replaces and its indicators), so that no caller needs the raw transaction.

use sea_orm::sea_query::IntoCondition;
use sea_orm::{Condition, EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter, QueryOrder};

use crate::{Result, Writer};

impl Writer {
    /// Every row of `E`, in primary-key order, as this write sees them.
    pub async fn read_all<E: EntityTrait>(&self) -> Result<Vec<E::Model>> {
        self.read_matching::<E>(Condition::all()).await
    }

    /// The rows of `E` that match `filter` (a condition built with the columns' [`ColumnTrait`]
    /// methods, such as `source::Column::Slug.starts_with("x-")`), in primary-key order, as this
    /// write sees them.
    ///
    /// [`ColumnTrait`]: crate::ColumnTrait
    pub async fn read_matching<E: EntityTrait>(&self, filter: impl IntoCondition) -> Result<Vec<E::Model>> {
        let pk = E::PrimaryKey::iter()
            .next()
            .expect("every table has a primary key")
            .into_column();
        Ok(E::find().filter(filter).order_by_asc(pk).all(self.conn()).await?)
    }
}
