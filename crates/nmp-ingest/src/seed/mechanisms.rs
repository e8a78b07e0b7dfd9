//! Seeding a mechanism of the starter dataset with its statuses, members, functions and
//! activities, and a network with its members and counts.

use nmp_store::Set;
use nmp_store::entity::{
    activity, mechanism, mechanism_function, mechanism_status, membership, network, network_count, network_membership,
};

use super::{Seeder, text};
use crate::IngestError;
use crate::starter::model::{Mechanism, Network};

impl Seeder {
    pub(super) async fn mechanism(&mut self, m: &Mechanism) -> Result<(), IngestError> {
        let i = m.instrument.as_ref();
        let row = self
            .w
            .insert(mechanism::ActiveModel {
                slug: Set(m.slug.clone()),
                country_iso3: Set(m.country.clone()),
                name: Set(m.name.clone()),
                local_name: Set(m.local_name.clone()),
                acronym: Set(m.acronym.clone()),
                level: Set(m.level.code().into()),
                mechanism_type: Set(m.kind.code().into()),
                created_on: Set(text(&m.created_on)),
                launched_on: Set(text(&m.launched_on)),
                lead_organization_id: Set(m.lead_organization.as_ref().map(|k| self.organizations[k])),
                website: Set(m.website.clone()),
                mandate: Set(m.mandate.clone()),
                instrument_kind: Set(i.map(|i| i.kind.code().into())),
                instrument_number: Set(i.and_then(|i| i.number.clone())),
                instrument_date: Set(i.and_then(|i| text(&i.date))),
                instrument_title: Set(i.and_then(|i| i.title.clone())),
                instrument_url: Set(i.and_then(|i| i.url.clone())),
                note: Set(m.note.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.mechanism_id;
        self.mechanisms.insert(m.slug.clone(), id);
        self.count("mechanism");
        self.cite_all("mechanism", id, &m.sources, &m.citation).await?;
        for st in &m.status {
            let r = self
                .w
                .insert(mechanism_status::ActiveModel {
                    mechanism_id: Set(id),
                    status: Set(st.status.code().into()),
                    status_on: Set(text(&st.on)),
                    confidence: Set(st.confidence.code().into()),
                    note: Set(st.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("mechanism_status");
            self.cite_all("mechanism_status", r.mechanism_status_id, &st.sources, &[])
                .await?;
        }
        for mem in &m.member {
            let r = self
                .w
                .insert(membership::ActiveModel {
                    mechanism_id: Set(id),
                    organization_id: Set(self.organizations[&mem.organization]),
                    role: Set(mem.role.code().into()),
                    since_on: Set(text(&mem.since)),
                    until_on: Set(text(&mem.until)),
                    confidence: Set(mem.confidence.code().into()),
                    note: Set(mem.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("membership");
            self.cite_all("membership", r.membership_id, &mem.sources, &[]).await?;
        }
        for f in &m.function {
            let r = self
                .w
                .insert(mechanism_function::ActiveModel {
                    mechanism_id: Set(id),
                    edition_id: Set(self.editions[&f.edition]),
                    function_id: Set(self.functions[&f.function]),
                    level: Set(f.level.code().into()),
                    evidence: Set(f.evidence.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("mechanism_function");
            self.cite_all("mechanism_function", r.mechanism_function_id, &f.sources, &[])
                .await?;
        }
        for a in &m.activity {
            let r = self
                .w
                .insert(activity::ActiveModel {
                    mechanism_id: Set(id),
                    occurred_on: Set(a.on.to_string()),
                    kind: Set(a.kind.clone()),
                    function_id: Set(a.function.as_ref().map(|f| self.functions[f])),
                    title: Set(a.title.clone()),
                    description: Set(a.description.clone()),
                    outcome: Set(a.outcome.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("activity");
            self.cite_all("activity", r.activity_id, &a.sources, &[]).await?;
        }
        Ok(())
    }

    pub(super) async fn network(&mut self, n: &Network) -> Result<(), IngestError> {
        let row = self
            .w
            .insert(network::ActiveModel {
                slug: Set(n.slug.clone()),
                name: Set(n.name.clone()),
                acronym: Set(n.acronym.clone()),
                kind: Set(n.kind.code().into()),
                founded_on: Set(text(&n.founded_on)),
                secretariat_organization_id: Set(n.secretariat.as_ref().map(|k| self.organizations[k])),
                description: Set(n.description.clone()),
                note: Set(n.note.clone()),
                ..Default::default()
            })
            .await?;
        let id = row.network_id;
        self.count("network");
        self.cite_all("network", id, &n.sources, &n.citation).await?;
        for m in &n.member {
            let r = self
                .w
                .insert(network_membership::ActiveModel {
                    network_id: Set(id),
                    country_iso3: Set(m.country.clone()),
                    role: Set(m.role.code().into()),
                    joined_on: Set(text(&m.joined_on)),
                    left_on: Set(text(&m.left_on)),
                    confidence: Set(m.confidence.code().into()),
                    note: Set(m.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("network_membership");
            self.cite_all("network_membership", r.network_membership_id, &m.sources, &[])
                .await?;
        }
        for c in &n.count {
            let r = self
                .w
                .insert(network_count::ActiveModel {
                    network_id: Set(id),
                    counted_on: Set(c.on.to_string()),
                    member_count: Set(c.members as i32),
                    note: Set(c.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.count("network_count");
            self.cite_all("network_count", r.network_count_id, &c.sources, &[])
                .await?;
        }
        Ok(())
    }
}
