//! The records of the index, read from the store: countries, mechanisms, initiatives,
//! organisations, networks, editions with their parts and profiles, and sources with their
//! bibliographic data. They are few (hundreds to a few thousand) and are always read and indexed
//! whole; what the public may see follows the public site: everything but the parts and
//! profiles of an edition not yet published.

use std::collections::{BTreeMap, HashMap};

use nmp_core::vocab::{UnRegionalGroup, geo_label, label};
use nmp_store::Store;
use nmp_store::entity::{
    country, edition, edition_part, initiative, mechanism, network, organization, profile, source,
};

use crate::doc::{Dim, IndexDoc, Kind, year_of};
use crate::schema::Lang;

/// Labels of the facet values that are codes (countries, regions, groups, editions, languages).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels(pub BTreeMap<(String, String), String>);

impl Labels {
    /// The label of `value` in the dimension `dim`, or the value itself.
    pub fn of(&self, dim: &str, value: &str) -> String {
        self.0
            .get(&(dim.to_string(), value.to_string()))
            .cloned()
            .unwrap_or_else(|| value.to_string())
    }

    fn put(&mut self, dim: Dim, value: &str, label: String) {
        self.0.insert((dim.code().to_string(), value.to_string()), label);
    }
}

/// The name of a language code, for the language facet.
pub fn language_label(code: &str) -> String {
    match code {
        "en" => "English".into(),
        "fr" => "French".into(),
        "es" => "Spanish".into(),
        "pt" => "Portuguese".into(),
        "ar" => "Arabic".into(),
        other => other.to_string(),
    }
}

/// The country facets (country, region, group) of a country code.
struct Geo<'a> {
    countries: HashMap<&'a str, &'a country::Model>,
}

impl Geo<'_> {
    fn add(&self, doc: &mut IndexDoc, iso3: Option<&str>) {
        let Some(c) = iso3.and_then(|i| self.countries.get(i)) else {
            return;
        };
        doc.facet(Dim::Country, Some(&c.country_iso3))
            .facet(Dim::Region, c.un_region.as_deref())
            .facet(Dim::Group, c.un_regional_group.as_deref());
        if doc.context.is_empty() {
            doc.context = c.name.clone();
        }
    }
}

/// The labels of the facet values the records' documents use: the countries' names, their
/// regions and groups, the editions' titles and the kinds of record. What a server that finds its
/// index current reads at start, instead of every record ([`records`]).
pub async fn labels(store: &Store) -> nmp_store::Result<Labels> {
    let countries = store.all::<country::Entity>().await?;
    let editions = store.all::<edition::Entity>().await?;
    Ok(labels_of(&countries, &editions))
}

fn labels_of(countries: &[country::Model], editions: &[edition::Model]) -> Labels {
    let mut labels = Labels::default();
    for c in countries {
        labels.put(Dim::Country, &c.country_iso3, c.name.clone());
        if let Some(r) = &c.un_region {
            labels.put(Dim::Region, r, geo_label(r));
        }
        if let Some(g) = &c.un_regional_group {
            labels.put(Dim::Group, g, label::<UnRegionalGroup>(g));
        }
    }
    for e in editions {
        labels.put(Dim::Edition, &e.slug, e.title.clone());
    }
    for k in Kind::ALL {
        labels.put(Dim::Kind, k.code(), k.label().to_string());
    }
    labels
}

/// Every record's documents, and the labels of the facet values they use ([`labels`]).
pub async fn records(store: &Store) -> nmp_store::Result<(Vec<IndexDoc>, Labels)> {
    let countries = store.all::<country::Entity>().await?;
    let mechanisms = store.all::<mechanism::Entity>().await?;
    let organisations = store.all::<organization::Entity>().await?;
    let editions = store.all::<edition::Entity>().await?;
    let labels = labels_of(&countries, &editions);
    let geo = Geo {
        countries: countries.iter().map(|c| (c.country_iso3.as_str(), c)).collect(),
    };
    let mech_by_id: HashMap<i32, &mechanism::Model> = mechanisms.iter().map(|m| (m.mechanism_id, m)).collect();
    let edition_by_id: HashMap<i32, &edition::Model> = editions.iter().map(|e| (e.edition_id, e)).collect();
    let mut out = Vec::new();

    for c in &countries {
        let mut d = IndexDoc::record(
            Kind::Country,
            &c.country_iso3,
            &c.name,
            format!("/countries/{}", c.country_iso3),
        );
        d.text(Some(Lang::En), Some(&c.name))
            .text(None, c.note.as_deref())
            .facet(Dim::Country, Some(&c.country_iso3))
            .facet(Dim::Region, c.un_region.as_deref())
            .facet(Dim::Group, c.un_regional_group.as_deref());
        d.context = c.un_region.as_deref().map(geo_label).unwrap_or_default();
        out.push(d);
    }
    for m in &mechanisms {
        let mut d = IndexDoc::record(Kind::Mechanism, &m.slug, &m.name, format!("/mechanisms/{}", m.slug));
        d.text(None, Some(&m.name))
            .text(None, m.local_name.as_deref())
            .text(None, m.acronym.as_deref())
            .text(None, m.mandate.as_deref())
            .text(None, m.instrument_title.as_deref())
            .text(None, m.note.as_deref())
            .facet(Dim::Year, year_of(m.created_on.as_deref()).as_deref());
        geo.add(&mut d, m.country_iso3.as_deref());
        out.push(d);
    }
    for i in store.all::<initiative::Entity>().await? {
        let mut d = IndexDoc::record(Kind::Initiative, &i.slug, &i.title, format!("/initiatives/{}", i.slug));
        d.text(None, Some(&i.title))
            .text(None, i.description.as_deref())
            .text(None, i.note.as_deref())
            .facet(Dim::Year, year_of(i.started_on.as_deref()).as_deref());
        geo.add(&mut d, i.country_iso3.as_deref());
        out.push(d);
    }
    for o in &organisations {
        let url = match &o.country_iso3 {
            Some(iso3) => format!("/countries/{iso3}"),
            None => "/networks".to_string(),
        };
        let mut d = IndexDoc::record(Kind::Organisation, &o.slug, &o.name, url);
        d.text(None, Some(&o.name))
            .text(None, o.local_name.as_deref())
            .text(None, o.acronym.as_deref())
            .text(None, o.note.as_deref());
        geo.add(&mut d, o.country_iso3.as_deref());
        out.push(d);
    }
    for n in store.all::<network::Entity>().await? {
        let mut d = IndexDoc::record(Kind::Network, &n.slug, &n.name, format!("/networks/{}", n.slug));
        d.text(None, Some(&n.name))
            .text(None, n.acronym.as_deref())
            .text(None, n.description.as_deref())
            .text(None, n.note.as_deref())
            .facet(Dim::Year, year_of(n.founded_on.as_deref()).as_deref());
        out.push(d);
    }
    for e in &editions {
        let mut d = IndexDoc::record(Kind::Edition, &e.slug, &e.title, format!("/editions/{}", e.slug));
        d.text(None, Some(&e.title))
            .text(None, e.subtitle.as_deref())
            .text(None, e.methodology.as_deref())
            .text(None, e.note.as_deref())
            .facet(Dim::Edition, Some(&e.slug))
            .facet(
                Dim::Year,
                year_of(e.period_end.as_deref().or(e.published_on.as_deref())).as_deref(),
            );
        out.push(d);
    }
    for p in store.all::<edition_part::Entity>().await? {
        let Some(e) = edition_by_id.get(&p.edition_id) else {
            continue;
        };
        let id = format!("{}/{}", e.slug, p.part_key);
        let mut d = IndexDoc::record(Kind::EditionPart, &id, &p.title, format!("/editions/{}", e.slug));
        d.public = e.status == "published";
        d.context = e.title.clone();
        d.text(None, Some(&p.title))
            .text(None, p.summary.as_deref())
            .text(None, p.body.as_deref())
            .text(None, p.author.as_deref())
            .facet(Dim::Edition, Some(&e.slug))
            .facet(Dim::Year, year_of(e.period_end.as_deref()).as_deref());
        out.push(d);
    }
    for p in store.all::<profile::Entity>().await? {
        let (Some(e), Some(m)) = (edition_by_id.get(&p.edition_id), mech_by_id.get(&p.mechanism_id)) else {
            continue;
        };
        let title = p.heading.clone().unwrap_or_else(|| m.name.clone());
        let id = format!("{}/{}", e.slug, m.slug);
        let mut d = IndexDoc::record(Kind::Profile, &id, &title, format!("/mechanisms/{}", m.slug));
        d.public = e.status == "published";
        for t in [
            &p.history,
            &p.mandate,
            &p.structure,
            &p.outputs,
            &p.challenges,
            &p.recent_developments,
        ] {
            d.text(None, t.as_deref());
        }
        d.facet(Dim::Edition, Some(&e.slug))
            .facet(Dim::Year, year_of(e.period_end.as_deref()).as_deref());
        geo.add(&mut d, m.country_iso3.as_deref());
        d.context = format!("{} · {}", e.title, d.context);
        out.push(d);
    }
    for s in store.all::<source::Entity>().await? {
        out.push(source_doc(&s));
    }
    Ok((out, labels))
}

/// A source's record: its title and bibliographic data.
fn source_doc(s: &source::Model) -> IndexDoc {
    let lang = s.language.as_deref().and_then(Lang::from_code);
    let mut d = IndexDoc::record(Kind::Source, &s.slug, &s.title, format!("/sources#source-{}", s.slug));
    d.text(lang, Some(&s.title))
        .text(None, s.author.as_deref())
        .text(None, s.publisher.as_deref())
        .text(lang, s.note.as_deref())
        .facet(Dim::Language, s.language.as_deref())
        .facet(Dim::Year, year_of(s.published_on.as_deref()).as_deref());
    d.language = s.language.clone();
    d.context = [s.author.as_deref(), s.publisher.as_deref(), s.published_on.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    d
}
