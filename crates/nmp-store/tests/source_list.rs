//! The source list read from the database (`source_list.rs`, issue 27) answers as the in-memory
//! list it replaced, on both engines: the same rows in the same order (title in lower case, ties
//! by id, non-ASCII titles included), the same totals, citation counts and facet counts, for
//! several filters and pages; a source's detail reads that source and its citations, and an
//! unknown slug is `None`. Sources and citations are synthetic test data.

use std::collections::BTreeMap;

use nmp_store::entity::{citation, source};
use nmp_store::source_list::{SourceFacet, SourceListFilter};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

/// Synthetic titles: ties once in lower case (`Alpha`/`alpha`/`ALPHA`), exact duplicates, and
/// non-ASCII letters whose lower case sorts differently from their upper case (`Été`/`étude`,
/// `Émile`, `Ünal`, `Σ`, `İ`).
const TITLES: &[&str] = &[
    "Alpha report",
    "alpha report",
    "ALPHA REPORT",
    "Été de la sécurité",
    "étude des comités",
    "Émile et les mécanismes",
    "Zeta notes",
    "zeta notes",
    "Ünal interview",
    "unal interview",
    "ΣΥΝΘΕΤΙΚΌ έγγραφο",
    "συνθετικό έγγραφο",
    "İstanbul workshop",
    "istanbul workshop",
    "Beta",
    "Beta",
    "beta",
    "_underscore first?",
    "[bracket] title",
    "Ωmega",
];

const KINDS: &[&str] = &["document", "news", "report", "web_page"];
const LANGUAGES: &[Option<&str>] = &[Some("en"), Some("fr"), None, Some("el"), Some("en")];

/// Writes the synthetic sources (ids in `TITLES` order) and a varying number of citations of each.
async fn write_sources(store: &Store) {
    let mut w = store.writer("system:test").await.unwrap();
    for (i, title) in TITLES.iter().enumerate() {
        let s = w
            .insert(source::ActiveModel {
                slug: Set(format!("synthetic-source-{i}")),
                title: Set((*title).into()),
                kind: Set(KINDS[i % KINDS.len()].into()),
                language: Set(LANGUAGES[i % LANGUAGES.len()].map(Into::into)),
                ..Default::default()
            })
            .await
            .unwrap();
        for j in 0..(i * 7 % 5) {
            w.insert(citation::ActiveModel {
                source_id: Set(s.source_id),
                entity: Set(if j % 2 == 0 { "source" } else { "mechanism" }.into()),
                entity_id: Set(format!("{}", s.source_id * 10 + j as i32)),
                locator: Set(Some(format!("p. {j}"))),
                ..Default::default()
            })
            .await
            .unwrap();
        }
    }
    w.commit().await.unwrap();
}

/// The in-memory list the database replaced: every source by id, filtered, stably sorted by
/// title in lower case; each with its number of citations.
fn in_memory(
    sources: &[source::Model],
    citations: &[citation::Model],
    filter: &SourceListFilter,
) -> Vec<(String, u64)> {
    let mut rows: Vec<&source::Model> = sources
        .iter()
        .filter(|s| filter.kind.as_ref().is_none_or(|k| &s.kind == k))
        .filter(|s| filter.language.as_ref().is_none_or(|l| s.language.as_ref() == Some(l)))
        .collect();
    rows.sort_by_key(|s| s.title.to_lowercase());
    rows.into_iter()
        .map(|s| {
            let n = citations.iter().filter(|c| c.source_id == s.source_id).count();
            (s.slug.clone(), n as u64)
        })
        .collect()
}

/// The in-memory facet counts: each value of `facet` over the sources matching the other filter.
fn in_memory_facet(sources: &[source::Model], filter: &SourceListFilter, facet: SourceFacet) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for s in sources {
        let (value, other_ok) = match facet {
            SourceFacet::Kind => (
                Some(s.kind.clone()),
                filter.language.as_ref().is_none_or(|l| s.language.as_ref() == Some(l)),
            ),
            SourceFacet::Language => (s.language.clone(), filter.kind.as_ref().is_none_or(|k| &s.kind == k)),
        };
        if let (Some(v), true) = (value, other_ok) {
            *counts.entry(v).or_insert(0) += 1;
        }
    }
    counts
}

#[tokio::test]
async fn the_source_list_from_the_database_answers_as_the_in_memory_list() {
    for db in engines().await {
        let s = &db.store;
        write_sources(s).await;
        let sources = s.all::<source::Entity>().await.unwrap();
        let citations = s.all::<citation::Entity>().await.unwrap();
        let filters = [
            SourceListFilter::default(),
            SourceListFilter {
                kind: Some("news".into()),
                language: None,
            },
            SourceListFilter {
                kind: None,
                language: Some("en".into()),
            },
            SourceListFilter {
                kind: Some("document".into()),
                language: Some("fr".into()),
            },
            SourceListFilter {
                kind: Some("no_such_kind".into()),
                language: None,
            },
        ];
        let pages = [
            (None, 0),
            (Some(5), 0),
            (Some(5), 3),
            (Some(7), 14),
            (Some(3), 40),
            (Some(0), 2),
        ];
        let mut compared = 0;
        for filter in &filters {
            let expected = in_memory(&sources, &citations, filter);
            for (limit, offset) in pages {
                let page = s.source_list(filter, limit, offset).await.unwrap();
                assert_eq!(page.total, expected.len() as u64, "{}: total of {filter:?}", db.engine);
                let got: Vec<(String, u64)> = page
                    .rows
                    .iter()
                    .map(|r| (r.source.slug.clone(), r.citation_count))
                    .collect();
                let want: Vec<(String, u64)> = expected
                    .iter()
                    .skip(offset as usize)
                    .take(limit.map_or(usize::MAX, |l| l as usize))
                    .cloned()
                    .collect();
                assert_eq!(got, want, "{}: {filter:?} limit {limit:?} offset {offset}", db.engine);
                compared += got.len();
            }
            for facet in SourceFacet::ALL {
                assert_eq!(
                    s.source_facet_counts(filter, facet).await.unwrap(),
                    in_memory_facet(&sources, filter, facet),
                    "{}: {facet:?} counts of {filter:?}",
                    db.engine
                );
            }
        }
        assert!(compared > 60, "only {compared} rows compared");

        // The whole list's order, spelled out: ties by id, lower case compared bytewise (so the
        // Greek and accented titles come after every ASCII one, `Été` after `étude`).
        let all = s.source_list(&SourceListFilter::default(), None, 0).await.unwrap();
        let titles: Vec<&str> = all.rows.iter().map(|r| r.source.title.as_str()).collect();
        assert_eq!(
            titles[..6],
            [
                "[bracket] title",
                "_underscore first?",
                "Alpha report",
                "alpha report",
                "ALPHA REPORT",
                "Beta"
            ],
            "{}",
            db.engine
        );
        let etude = titles.iter().position(|t| *t == "étude des comités").unwrap();
        let ete = titles.iter().position(|t| *t == "Été de la sécurité").unwrap();
        assert!(etude < ete, "{}: {titles:?}", db.engine);
        assert_eq!(titles.last(), Some(&"Ωmega"), "{}", db.engine);

        let languages = s.source_languages().await.unwrap();
        assert_eq!(languages, ["el", "en", "fr"], "{}", db.engine);

        // One source's detail: that source and its citations, in citation order.
        let (found, cited) = s
            .source_with_citations("synthetic-source-3")
            .await
            .unwrap()
            .expect("the source exists");
        assert_eq!(found.title, "Été de la sécurité");
        let want: Vec<i32> = citations
            .iter()
            .filter(|c| c.source_id == found.source_id)
            .map(|c| c.citation_id)
            .collect();
        assert!(!want.is_empty());
        assert_eq!(
            cited.iter().map(|c| c.citation_id).collect::<Vec<_>>(),
            want,
            "{}",
            db.engine
        );
        assert!(
            s.source_with_citations("no-such-source").await.unwrap().is_none(),
            "{}: an unknown slug has no detail",
            db.engine
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn the_citation_list_from_the_database_answers_as_filtering_every_citation() {
    for db in engines().await {
        let s = &db.store;
        write_sources(s).await;
        let sources = s.all::<source::Entity>().await.unwrap();
        let citations = s.all::<citation::Entity>().await.unwrap();
        let slug_of = |id: i32| sources.iter().find(|x| x.source_id == id).unwrap().slug.clone();
        let mut compared = 0;
        for entity in [None, Some("source"), Some("mechanism"), Some("no_such_table")] {
            for source in [
                None,
                Some("synthetic-source-3"),
                Some("synthetic-source-9"),
                Some("no-such-source"),
            ] {
                let expected: Vec<(String, i32)> = citations
                    .iter()
                    .filter(|c| entity.is_none_or(|e| c.entity == e))
                    .map(|c| (slug_of(c.source_id), c.citation_id))
                    .filter(|(slug, _)| source.is_none_or(|x| slug == x))
                    .collect();
                for (limit, offset) in [(None, 0), (Some(4), 0), (Some(4), 3), (Some(10), 30)] {
                    let page = s.citation_list(entity, source, limit, offset).await.unwrap();
                    assert_eq!(
                        page.total,
                        expected.len() as u64,
                        "{}: {entity:?} {source:?}",
                        db.engine
                    );
                    let got: Vec<(String, i32)> = page
                        .rows
                        .iter()
                        .map(|(slug, c)| (slug.clone(), c.citation_id))
                        .collect();
                    let want: Vec<(String, i32)> = expected
                        .iter()
                        .skip(offset as usize)
                        .take(limit.map_or(usize::MAX, |l| l as usize))
                        .cloned()
                        .collect();
                    assert_eq!(got, want, "{}: {entity:?} {source:?} {limit:?} {offset}", db.engine);
                    compared += got.len();
                }
            }
        }
        assert!(compared > 40, "only {compared} rows compared");
        db.finish().await;
    }
}
