//! The initiative list read from the database (`initiative_list.rs`, issue 27) answers as the
//! in-memory list it replaced, on both engines: the same rows in the same order (initiatives of a
//! country first by the country's name, bytewise, then those without a country; each by title,
//! then slug), the same totals, for every filter and several pages; the country filter's choices;
//! and the country list's counts (mechanisms per country, network slugs per country) as counting
//! the loaded rows gives them. Every row is synthetic test data.

use std::collections::{BTreeMap, BTreeSet};

use nmp_store::entity::{country, initiative, initiative_kind, mechanism, network, network_membership};
use nmp_store::initiative_list::InitiativeListFilter;
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

/// `(iso3, name, region)`: names that sort differently bytewise than by a locale (lower case
/// after upper, an accented capital after `Z`), and two regions.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AAA", "Zeta Synthetic", "africa"),
    ("BBB", "alpha synthetic", "europe"),
    ("CCC", "Alpha Synthetic", "africa"),
    ("DDD", "Émile Synthetic", "europe"),
    ("EEE", "Beta Synthetic", "asia"),
];

/// Titles with ties (the slug decides) and case differences.
const TITLES: &[&str] = &["Training", "training", "Audit", "Audit", "Zebra plan", "Éducation"];

const KINDS: &[&str] = &["synthetic_training", "synthetic_policy", "synthetic_other"];

async fn write_rows(store: &Store) {
    let mut w = store.writer("system:test").await.unwrap();
    for (iso3, name, region) in COUNTRIES {
        w.insert(country::ActiveModel {
            country_iso3: Set((*iso3).into()),
            iso2: Set(iso3[..2].into()),
            m49: Set(format!("{:03}", iso3.bytes().map(u32::from).sum::<u32>() % 1000)),
            name: Set((*name).into()),
            un_region: Set(Some((*region).into())),
            un_subregion: Set(None),
            un_regional_group: Set(None),
            un_status: Set("member".into()),
            un_member_since: Set(None),
            note: Set(Some("synthetic test row".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let mut kinds = Vec::new();
    for code in KINDS {
        let kind = w
            .insert(initiative_kind::ActiveModel {
                code: Set((*code).into()),
                label: Set(format!("{code} (test data)")),
                description: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        kinds.push(kind.initiative_kind_id);
    }
    // Mechanisms: AAA has two, CCC one, the others none.
    let mut mechanisms = Vec::new();
    for (slug, iso3) in [
        ("synthetic-m-a1", "AAA"),
        ("synthetic-m-a2", "AAA"),
        ("synthetic-m-c", "CCC"),
    ] {
        let m = w
            .insert(mechanism::ActiveModel {
                slug: Set(slug.into()),
                country_iso3: Set(Some(iso3.into())),
                name: Set(format!("Synthetic committee {slug}")),
                level: Set("national".into()),
                mechanism_type: Set("committee".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        mechanisms.push(m.mechanism_id);
    }
    for i in 0..40usize {
        // Every sixth initiative has no country (a regional or international one).
        let country = (i % 6 != 5).then(|| COUNTRIES[i % COUNTRIES.len()].0.to_string());
        w.insert(initiative::ActiveModel {
            slug: Set(format!("synthetic-initiative-{:02}", 39 - i)),
            country_iso3: Set(country),
            mechanism_id: Set((i % 4 == 0).then(|| mechanisms[i % mechanisms.len()])),
            initiative_kind_id: Set(kinds[i % kinds.len()]),
            title: Set(TITLES[i % TITLES.len()].into()),
            started_on: Set(None),
            ended_on: Set(None),
            lead_organization_id: Set(None),
            description: Set(None),
            note: Set(Some("synthetic test row".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let mut networks = Vec::new();
    for slug in ["synthetic-net-b", "synthetic-net-a"] {
        let n = w
            .insert(network::ActiveModel {
                slug: Set(slug.into()),
                name: Set(format!("{slug} (test data)")),
                acronym: Set(None),
                kind: Set("state_network".into()),
                founded_on: Set(None),
                secretariat_organization_id: Set(None),
                description: Set(None),
                note: Set(None),
                ..Default::default()
            })
            .await
            .unwrap();
        networks.push(n.network_id);
    }
    for (net, iso3, role) in [
        (0, "AAA", "member"),
        (1, "AAA", "member"),
        (1, "AAA", "observer"),
        (0, "DDD", "member"),
    ] {
        w.insert(network_membership::ActiveModel {
            network_id: Set(networks[net]),
            country_iso3: Set(iso3.into()),
            role: Set(role.into()),
            joined_on: Set(None),
            left_on: Set(None),
            confidence: Set("sourced".into()),
            note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    w.commit().await.unwrap();
}

/// The in-memory list the database replaced: filtered, then sorted by (no country, country name,
/// title, slug) as Rust compares strings.
fn in_memory(
    initiatives: &[initiative::Model],
    countries: &BTreeMap<String, country::Model>,
    kinds: &BTreeMap<i32, String>,
    mechanisms: &BTreeMap<i32, String>,
    filter: &InitiativeListFilter,
) -> Vec<String> {
    let mut rows: Vec<(bool, Option<String>, String, String)> = initiatives
        .iter()
        .filter(|i| {
            let country = i.country_iso3.as_ref().and_then(|c| countries.get(c));
            filter
                .country
                .as_ref()
                .is_none_or(|c| i.country_iso3.as_ref() == Some(c))
                && filter
                    .region
                    .as_ref()
                    .is_none_or(|r| country.and_then(|c| c.un_region.as_ref()) == Some(r))
                && filter
                    .kind
                    .as_ref()
                    .is_none_or(|k| kinds.get(&i.initiative_kind_id) == Some(k))
                && filter
                    .mechanism
                    .as_ref()
                    .is_none_or(|m| i.mechanism_id.and_then(|id| mechanisms.get(&id)) == Some(m))
        })
        .map(|i| {
            let name = i
                .country_iso3
                .as_ref()
                .and_then(|c| countries.get(c))
                .map(|c| c.name.clone());
            (name.is_none(), name, i.title.clone(), i.slug.clone())
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, _, _, slug)| slug).collect()
}

#[tokio::test]
async fn the_initiative_list_from_the_database_answers_as_the_in_memory_list() {
    for db in engines().await {
        let s = &db.store;
        write_rows(s).await;
        let initiatives = s.all::<initiative::Entity>().await.unwrap();
        let countries: BTreeMap<String, country::Model> = s
            .all::<country::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.country_iso3.clone(), c))
            .collect();
        let kinds: BTreeMap<i32, String> = s
            .all::<initiative_kind::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|k| (k.initiative_kind_id, k.code))
            .collect();
        let mechanisms: BTreeMap<i32, String> = s
            .all::<mechanism::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|m| (m.mechanism_id, m.slug))
            .collect();
        let mut filters = vec![InitiativeListFilter::default()];
        for (iso3, _, region) in COUNTRIES {
            filters.push(InitiativeListFilter {
                country: Some((*iso3).into()),
                ..Default::default()
            });
            filters.push(InitiativeListFilter {
                region: Some((*region).into()),
                ..Default::default()
            });
        }
        for kind in KINDS {
            filters.push(InitiativeListFilter {
                kind: Some((*kind).into()),
                region: Some("africa".into()),
                ..Default::default()
            });
        }
        filters.push(InitiativeListFilter {
            mechanism: Some("synthetic-m-a1".into()),
            ..Default::default()
        });
        filters.push(InitiativeListFilter {
            kind: Some("no_such_kind".into()),
            ..Default::default()
        });
        for filter in &filters {
            let expected = in_memory(&initiatives, &countries, &kinds, &mechanisms, filter);
            let whole = s.initiative_list(filter, None, 0).await.unwrap();
            let slugs: Vec<String> = whole.rows.iter().map(|i| i.slug.clone()).collect();
            assert_eq!(slugs, expected, "{}: {filter:?}", db.engine);
            assert_eq!(whole.total, expected.len() as u64, "{}: {filter:?}", db.engine);
            for (limit, offset) in [(5u64, 0u64), (7, 3), (10, 35), (3, 100)] {
                let page = s.initiative_list(filter, Some(limit), offset).await.unwrap();
                let want: Vec<String> = expected
                    .iter()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .cloned()
                    .collect();
                let got: Vec<String> = page.rows.iter().map(|i| i.slug.clone()).collect();
                assert_eq!(got, want, "{}: {filter:?} limit {limit} offset {offset}", db.engine);
                assert_eq!(page.total, expected.len() as u64);
            }
        }
        // The unfiltered list starts with "Alpha Synthetic" (bytewise before "alpha synthetic"),
        // ends with the initiatives without a country, and has every row.
        let all = s
            .initiative_list(&InitiativeListFilter::default(), None, 0)
            .await
            .unwrap();
        assert_eq!(all.rows.len(), 40);
        assert_eq!(all.rows[0].country_iso3.as_deref(), Some("CCC"));
        assert!(all.rows.last().unwrap().country_iso3.is_none());

        // The country filter's choices: countries with an initiative, by name bytewise.
        let mut want: Vec<(String, String)> = initiatives
            .iter()
            .filter_map(|i| i.country_iso3.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|iso3| {
                let name = countries[&iso3].name.clone();
                (iso3, name)
            })
            .collect();
        want.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
        assert_eq!(s.countries_of_initiatives().await.unwrap(), want, "{}", db.engine);
        db.finish().await;
    }
}

#[tokio::test]
async fn the_country_lists_counts_come_from_the_database_as_from_the_rows() {
    for db in engines().await {
        let s = &db.store;
        write_rows(s).await;
        let mut mechanisms: BTreeMap<String, u64> = BTreeMap::new();
        for m in s.all::<mechanism::Entity>().await.unwrap() {
            *mechanisms.entry(m.country_iso3.unwrap()).or_default() += 1;
        }
        assert_eq!(
            s.mechanism_counts_by_country().await.unwrap(),
            mechanisms,
            "{}",
            db.engine
        );
        assert_eq!(mechanisms.get("AAA"), Some(&2));
        let slugs = s.network_slugs_by_country().await.unwrap();
        let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(slugs.get("AAA"), Some(&set(&["synthetic-net-a", "synthetic-net-b"])));
        assert_eq!(slugs.get("DDD"), Some(&set(&["synthetic-net-b"])));
        assert_eq!(slugs.len(), 2, "{}: only countries with a membership", db.engine);
        db.finish().await;
    }
}
