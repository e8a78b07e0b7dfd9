//! Records named for people. [`Record::label`] knows only the record's own fields, so a row
//! without a name of its own (a mechanism's function in an edition, a membership, a status) reads
//! "mechanism_function #3". A [`Namer`] names such a row by the rows it points to ("Kenyan National
//! Committee: Risk assessment and early warning, edition 2017"), names an edition by its year and
//! subtitle rather than the series title every edition shares, shows a field's value as people
//! read it (a reference by the name of the row it points to, a code by its label), and tells
//! which country a record belongs to. It remembers every name it looked up, so naming a page of
//! rows reads each referenced row once.

use std::collections::HashMap;

use serde_json::Value;

use super::{Record, check_table, value_text};
use crate::entity::{account, country, edition, mechanism};
use crate::records::schema;
use crate::{Result, Store};

/// Names records and field values for people, remembering what it looked up.
pub struct Namer<'s> {
    store: &'s Store,
    names: HashMap<(String, String), String>,
    countries: HashMap<String, Option<String>>,
    /// Mechanism key → its country code, as looked up.
    mechanism_countries: HashMap<i32, Option<String>>,
}

impl Store {
    /// A [`Namer`] reading from this store.
    pub fn namer(&self) -> Namer<'_> {
        Namer {
            store: self,
            names: HashMap::new(),
            countries: HashMap::new(),
            mechanism_countries: HashMap::new(),
        }
    }
}

/// The first non-empty text of `fields` among `names`.
fn first_text(r: &Record, names: &[&str]) -> Option<String> {
    names.iter().map(|n| r.text(n)).find(|t| !t.trim().is_empty())
}

/// An integer field's value (stored as a number, or as text).
fn int(r: &Record, field: &str) -> Option<i32> {
    match r.fields.get(field)? {
        Value::Number(n) => n.as_i64().and_then(|n| i32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A vocabulary code's label (the code itself when the vocabulary lacks it).
fn code_label(table: &str, field: &str, code: &str) -> String {
    schema::fields(table)
        .ok()
        .and_then(|specs| specs.iter().find(|s| s.name == field))
        .and_then(|spec| spec.options().into_iter().find(|(c, _)| *c == code))
        .map_or_else(|| code.replace('_', " "), |(_, label)| label.to_string())
}

impl Namer<'_> {
    /// The name of row `key` of `table` (an editable table, `country` or `account`), or
    /// "`table` `key` (deleted)" when it does not exist.
    pub async fn key(&mut self, table: &str, key: &str) -> Result<String> {
        let slot = (table.to_string(), key.to_string());
        if let Some(name) = self.names.get(&slot) {
            return Ok(name.clone());
        }
        let name = match table {
            "country" => self
                .store
                .get::<country::Entity>(key.to_ascii_uppercase())
                .await?
                .map(|c| c.name),
            "account" => match key.parse::<i32>() {
                Ok(id) => self.store.get::<account::Entity>(id).await?.map(|a| a.name),
                Err(_) => None,
            },
            _ if check_table(table).is_ok() => match key.parse::<i32>() {
                Ok(id) => match self.store.record(table, id).await? {
                    Some(r) => Some(Box::pin(self.record(&r)).await?),
                    None => None,
                },
                Err(_) => None,
            },
            _ => None,
        };
        let name = name.unwrap_or_else(|| format!("{} {key} (no longer exists)", table.replace('_', " ")));
        self.names.insert(slot, name.clone());
        Ok(name)
    }

    /// The name of what field `field` of `r` points to, when it is set.
    async fn target(&mut self, r: &Record, field: &str) -> Result<Option<String>> {
        let value = r.text(field);
        if value.trim().is_empty() {
            return Ok(None);
        }
        let Some(table) = schema::fields(&r.table)?
            .iter()
            .find(|s| s.name == field)
            .and_then(|s| s.target.clone())
        else {
            return Ok(Some(value));
        };
        Ok(Some(self.key(&table, &value).await?))
    }

    /// ", edition 2017" for a record of an edition, else nothing.
    async fn of_edition(&mut self, r: &Record) -> Result<String> {
        let Some(id) = int(r, "edition_id") else {
            return Ok(String::new());
        };
        Ok(match self.store.get::<edition::Entity>(id).await? {
            Some(e) => format!(", edition {}", e.slug),
            None => String::new(),
        })
    }

    /// A record's name for people.
    pub async fn record(&mut self, r: &Record) -> Result<String> {
        let t = |r: &Record, f: &str| r.text(f);
        let name = match r.table.as_str() {
            "edition" => {
                let what = first_text(r, &["subtitle", "title"]).unwrap_or_default();
                format!("Edition {}: {what}", t(r, "slug"))
            }
            "mechanism_status" => {
                let m = self.target(r, "mechanism_id").await?.unwrap_or_default();
                let on = t(r, "status_on");
                let on = if on.is_empty() { "undated".to_string() } else { on };
                format!(
                    "{m}: {} ({on})",
                    code_label("mechanism_status", "status", &t(r, "status"))
                )
            }
            "membership" => {
                let o = self.target(r, "organization_id").await?.unwrap_or_default();
                let m = self.target(r, "mechanism_id").await?.unwrap_or_default();
                format!("{o} in {m}")
            }
            "mechanism_function" => {
                let m = self.target(r, "mechanism_id").await?.unwrap_or_default();
                let f = self.target(r, "function_id").await?.unwrap_or_default();
                format!("{m}: {f}{}", self.of_edition(r).await?)
            }
            "initiative_partner" => {
                let o = self.target(r, "organization_id").await?.unwrap_or_default();
                let i = self.target(r, "initiative_id").await?.unwrap_or_default();
                format!("{o} in {i}")
            }
            "network_membership" => {
                let c = self.target(r, "country_iso3").await?.unwrap_or_default();
                let n = self.target(r, "network_id").await?.unwrap_or_default();
                format!("{c} in {n}")
            }
            "network_count" => {
                let n = self.target(r, "network_id").await?.unwrap_or_default();
                format!("{n}: {} members ({})", t(r, "member_count"), t(r, "counted_on"))
            }
            "edition_publisher" => {
                let o = self.target(r, "organization_id").await?.unwrap_or_default();
                let role = code_label("edition_publisher", "role", &t(r, "role"));
                format!("{o}, {}{}", role.to_lowercase(), self.of_edition(r).await?)
            }
            "citation" => {
                let s = self.target(r, "source_id").await?.unwrap_or_default();
                let what = match int(r, "entity_id") {
                    Some(_) => self.key(&t(r, "entity"), &t(r, "entity_id")).await?,
                    None => t(r, "entity"),
                };
                let field = t(r, "field");
                let field = if field.is_empty() {
                    String::new()
                } else {
                    format!(" ({field})")
                };
                format!("{s}, for {what}{field}")
            }
            "criterion_level" => {
                let c = self.target(r, "criterion_id").await?.unwrap_or_default();
                format!("{c}: {}", t(r, "label"))
            }
            "profile" => {
                let heading = match first_text(r, &["heading"]) {
                    Some(h) => h,
                    None => self.target(r, "mechanism_id").await?.unwrap_or_default(),
                };
                format!("{heading}{}", self.of_edition(r).await?)
            }
            "edition_part" | "edition_contributor" | "questionnaire" => {
                format!("{}{}", r.label(), self.of_edition(r).await?)
            }
            _ => r.label(),
        };
        let name = if name.trim().is_empty() { r.label() } else { name };
        self.names.insert((r.table.clone(), r.key.to_string()), name.clone());
        Ok(name)
    }

    /// A field's value as people read it: a reference by the name of the row it points to, a
    /// vocabulary code by its label, anything else as text (empty for none).
    pub async fn value(&mut self, table: &str, field: &str, value: &Value) -> Result<String> {
        let text = value_text(value);
        if text.trim().is_empty() {
            return Ok(String::new());
        }
        let Some(spec) = schema::fields(table)?.iter().find(|s| s.name == field) else {
            return Ok(text);
        };
        if let Some(target) = &spec.target {
            return self.key(target, &text).await;
        }
        if !spec.options().is_empty() {
            return Ok(code_label(table, field, &text));
        }
        Ok(text)
    }

    /// Who made a change, as the audit log's actor says it (`ana@example.org`,
    /// `respondent:x@example.org`, `system:seed`), for people: an account by its name, a
    /// respondent as such, the platform's own jobs in words.
    pub async fn actor(&mut self, actor: &str) -> Result<String> {
        let slot = ("actor".to_string(), actor.to_string());
        if let Some(name) = self.names.get(&slot) {
            return Ok(name.clone());
        }
        let name = if let Some(email) = actor.strip_prefix("respondent:") {
            format!("questionnaire respondent ({email})")
        } else if let Some(job) = actor.strip_prefix("system:") {
            match job {
                "seed" => "the starter dataset".to_string(),
                "cli" => "the command line".to_string(),
                other => format!("NMP ({})", other.replace('-', " ")),
            }
        } else {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            account::Entity::find()
                .filter(account::Column::Email.eq(actor))
                .one(self.store.conn())
                .await?
                .map_or_else(|| actor.to_string(), |a| a.name)
        };
        self.names.insert(slot, name.clone());
        Ok(name)
    }

    /// The name of the country a record belongs to: its own `country_iso3`, or its mechanism's.
    pub async fn country(&mut self, r: &Record) -> Result<Option<String>> {
        let iso3 = match r.fields.get("country_iso3").and_then(Value::as_str) {
            Some(c) => Some(c.to_string()),
            None => match int(r, "mechanism_id") {
                Some(id) => match self.mechanism_countries.get(&id) {
                    Some(known) => known.clone(),
                    None => {
                        let iso3 = self
                            .store
                            .get::<mechanism::Entity>(id)
                            .await?
                            .and_then(|m| m.country_iso3);
                        self.mechanism_countries.insert(id, iso3.clone());
                        iso3
                    }
                },
                None => None,
            },
        };
        let Some(iso3) = iso3 else { return Ok(None) };
        if let Some(name) = self.countries.get(&iso3) {
            return Ok(name.clone());
        }
        let name = self.store.get::<country::Entity>(iso3.clone()).await?.map(|c| c.name);
        self.countries.insert(iso3, name.clone());
        Ok(name)
    }
}
