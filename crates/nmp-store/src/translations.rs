//! Translations of records for the pages: what a record's prose fields say in a reader's
//! language, when NMP holds a translation (`translation`, migration `m0029_translation`), with
//! the citations of the official ones.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::translation;
use crate::{Result, Store};

/// The translations of some records into one language, by record key and field.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    by_field: HashMap<(String, String), translation::Model>,
}

impl Translations {
    /// The translation of `field` of the record `key`, if there is one.
    pub fn get(&self, key: &str, field: &str) -> Option<&translation::Model> {
        self.by_field.get(&(key.to_string(), field.to_string()))
    }

    /// Whether none was found.
    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty()
    }
}

impl Store {
    /// Every translation, in any language, of the records `keys` of the table `entity`, in the
    /// order they were made.
    pub async fn translations_of(&self, entity: &str, keys: &[String]) -> Result<Vec<translation::Model>> {
        let mut out = Vec::new();
        for chunk in keys.chunks(crate::read::MAX_IN_LIST) {
            out.extend(
                translation::Entity::find()
                    .filter(translation::Column::Entity.eq(entity))
                    .filter(translation::Column::EntityId.is_in(chunk.to_vec()))
                    .order_by_asc(translation::Column::TranslationId)
                    .all(&self.db)
                    .await?,
            );
        }
        Ok(out)
    }

    /// The translations into `language` of the records `keys` of the table `entity`.
    pub async fn translations(&self, entity: &str, keys: &[String], language: &str) -> Result<Translations> {
        let mut by_field = HashMap::new();
        for chunk in keys.chunks(crate::read::MAX_IN_LIST) {
            let rows = translation::Entity::find()
                .filter(translation::Column::Entity.eq(entity))
                .filter(translation::Column::Language.eq(language))
                .filter(translation::Column::EntityId.is_in(chunk.to_vec()))
                .order_by_asc(translation::Column::TranslationId)
                .all(&self.db)
                .await?;
            for t in rows {
                by_field.insert((t.entity_id.clone(), t.field.clone()), t);
            }
        }
        Ok(Translations { by_field })
    }
}
