//! Reads inside a write: the rows a [`Writer`]'s own transaction sees, for look-ups while writing
//! (the keys of rows just inserted in bulk, read back by natural key; the dataset an import
//! replaces and its indicators), so that no caller needs the raw transaction.

use sea_orm::sea_query::IntoCondition;
use sea_orm::{
    Condition, EntityTrait, Iterable, PrimaryKeyToColumn, QueryFilter, QueryOrder, QuerySelect, TryGetableMany,
};

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

    /// The values of `columns` of the rows of `E` that match `filter`, in primary-key order, as
    /// tuples `T` (such as `(String, i32)` for a title and the key): a look-up of the keys of rows
    /// just inserted in bulk that does not read their other columns.
    pub async fn read_columns<E, T>(
        &self,
        filter: impl IntoCondition,
        columns: impl IntoIterator<Item = E::Column>,
    ) -> Result<Vec<T>>
    where
        E: EntityTrait,
        T: TryGetableMany,
    {
        let pk = E::PrimaryKey::iter()
            .next()
            .expect("every table has a primary key")
            .into_column();
        Ok(E::find()
            .select_only()
            .columns(columns)
            .filter(filter)
            .order_by_asc(pk)
            .into_tuple::<T>()
            .all(self.conn())
            .await?)
    }
}
