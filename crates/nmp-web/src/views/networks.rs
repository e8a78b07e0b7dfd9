//! Networks of states: the list and the network page (dated memberships and member counts).

use std::collections::HashMap;

use nmp_core::vocab::{NetworkKind, NetworkRole};
use nmp_store::Store;
use nmp_store::entity::{country, network, network_count, network_membership, organization};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Cite, Citer, Note, label};
use crate::WebError;

/// A network as a flat row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NetworkItem {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Kind code (vocabulary `NetworkKind`).
    pub kind: String,
    /// Founded (ISO 8601, reduced precision).
    pub founded_on: Option<String>,
    /// Member states recorded by name.
    pub member_count: usize,
}

/// A state's membership.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NetworkMemberView {
    /// ISO alpha-3.
    pub iso3: String,
    /// Country name.
    pub country_name: String,
    /// Role code.
    pub role: String,
    /// Role label.
    pub role_label: String,
    /// Joined.
    pub joined_on: Option<String>,
    /// Left.
    pub left_on: Option<String>,
    /// `sourced` or `unverified`.
    pub confidence: String,
    /// Caveats.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A dated member count.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NetworkCountView {
    /// When.
    pub on: String,
    /// Member states.
    pub members: i32,
    /// What was counted.
    pub note: Option<String>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A network with its members and counts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NetworkDetail {
    /// The flat fields.
    #[serde(flatten)]
    pub item: NetworkItem,
    /// Kind label.
    pub kind_label: String,
    /// What it is.
    pub description: Option<String>,
    /// Gaps and caveats.
    pub note: Option<String>,
    /// Secretariat or host organisation.
    pub secretariat: Option<String>,
    /// Citations of the record.
    pub cites: Vec<Cite>,
    /// Member states.
    pub members: Vec<NetworkMemberView>,
    /// Dated counts.
    pub counts: Vec<NetworkCountView>,
    /// Numbered notes.
    pub notes: Vec<Note>,
    /// Translations of its name, description or note, in any language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<crate::views::translated::TranslationView>,
}

impl NetworkDetail {
    /// The translation of `field` into the page's language, if NMP holds one.
    pub fn translated(&self, field: &str) -> Option<&crate::views::translated::TranslationView> {
        crate::views::translated::here(&self.translations, field)
    }
}

/// Every network, by name.
pub(crate) async fn list(store: &Store) -> Result<Vec<NetworkItem>, WebError> {
    let memberships = store.all::<network_membership::Entity>().await?;
    let mut out: Vec<NetworkItem> = store
        .all::<network::Entity>()
        .await?
        .into_iter()
        .map(|n| item(n, &memberships))
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn item(n: network::Model, memberships: &[network_membership::Model]) -> NetworkItem {
    let mut countries: Vec<&str> = memberships
        .iter()
        .filter(|m| m.network_id == n.network_id)
        .map(|m| m.country_iso3.as_str())
        .collect();
    countries.sort();
    countries.dedup();
    NetworkItem {
        member_count: countries.len(),
        slug: n.slug,
        name: n.name,
        acronym: n.acronym,
        kind: n.kind,
        founded_on: n.founded_on,
    }
}

/// One network by slug.
pub(crate) async fn detail(store: &Store, slug: &str) -> Result<Option<NetworkDetail>, WebError> {
    let Some(n) = store
        .rows_where::<network::Entity, _>(network::Column::Slug, [slug.to_string()])
        .await?
        .pop()
    else {
        return Ok(None);
    };
    let members = store
        .rows_where::<network_membership::Entity, _>(network_membership::Column::NetworkId, [n.network_id])
        .await?;
    let counts = store
        .rows_where::<network_count::Entity, _>(network_count::Column::NetworkId, [n.network_id])
        .await?;
    let countries: HashMap<String, String> = store
        .all::<country::Entity>()
        .await?
        .into_iter()
        .map(|c| (c.country_iso3, c.name))
        .collect();
    let secretariat = match n.secretariat_organization_id {
        Some(id) => store.get::<organization::Entity>(id).await?.map(|o| o.name),
        None => None,
    };
    let mut citer = Citer::default();
    citer.load(store, "network", [n.network_id.to_string()]).await?;
    citer
        .load(
            store,
            "network_membership",
            members.iter().map(|m| m.network_membership_id.to_string()),
        )
        .await?;
    citer
        .load(
            store,
            "network_count",
            counts.iter().map(|m| m.network_count_id.to_string()),
        )
        .await?;
    let cites = citer.cite("network", n.network_id, &n.name);
    let mut sorted = members.clone();
    sorted.sort_by(|a, b| {
        let name = |m: &network_membership::Model| countries.get(&m.country_iso3).cloned().unwrap_or_default();
        (name(a), a.network_membership_id).cmp(&(name(b), b.network_membership_id))
    });
    let members_view = sorted
        .iter()
        .map(|m| NetworkMemberView {
            iso3: m.country_iso3.clone(),
            country_name: countries
                .get(&m.country_iso3)
                .cloned()
                .unwrap_or_else(|| m.country_iso3.clone()),
            role_label: label::<NetworkRole>(&m.role),
            role: m.role.clone(),
            joined_on: m.joined_on.clone(),
            left_on: m.left_on.clone(),
            confidence: m.confidence.clone(),
            note: m.note.clone(),
            cites: citer.cite(
                "network_membership",
                m.network_membership_id,
                &format!(
                    "{} in {}",
                    countries
                        .get(&m.country_iso3)
                        .map(String::as_str)
                        .unwrap_or(&m.country_iso3),
                    super::short_name(&n.name, n.acronym.as_deref())
                ),
            ),
        })
        .collect();
    let mut counts_sorted = counts;
    counts_sorted.sort_by(|a, b| a.counted_on.cmp(&b.counted_on));
    let counts_view = counts_sorted
        .iter()
        .map(|c| NetworkCountView {
            on: c.counted_on.clone(),
            members: c.member_count,
            note: c.note.clone(),
            cites: citer.cite(
                "network_count",
                c.network_count_id,
                &format!("{}: {} members ({})", n.name, c.member_count, c.counted_on),
            ),
        })
        .collect();
    let id = n.network_id.to_string();
    let translations = crate::views::translated::of(store, &mut citer, "network", std::slice::from_ref(&id), |_| {
        n.name.clone()
    })
    .await?
    .remove(&id)
    .unwrap_or_default();
    Ok(Some(NetworkDetail {
        translations,
        kind_label: label::<NetworkKind>(&n.kind),
        description: n.description.clone(),
        note: n.note.clone(),
        secretariat,
        cites,
        members: members_view,
        counts: counts_view,
        item: item(n, &members),
        notes: citer.notes,
    }))
}
