//! The starter dataset: it parses, every reference resolves, it loads in one transaction, a second
//! load changes nothing, and a bad file is rejected with its file and line with nothing written.

mod support;

use nmp_ingest::seed::{seed_embedded, seed_files};
use nmp_ingest::starter::{DataFile, embedded_files};
use nmp_store::entity::{edition, mechanism, network, organization, source};
use nmp_store::testing::engines;
use support::{rejected, with_replaced};

#[tokio::test]
async fn the_starter_dataset_loads_once_and_every_mechanism_is_cited() {
    for db in engines().await {
        let s = &db.store;
        let report = seed_embedded(s).await.unwrap();
        let counts = s.counts().await.unwrap();
        assert_eq!(counts["countries"], 195, "{}", db.engine);
        assert!(counts["mechanisms"] >= 12, "{counts:?}");
        assert!(counts["networks"] >= 4);
        assert!(counts["editions"] >= 3);
        assert_eq!(report.inserted["mechanism"], counts["mechanisms"]);
        assert_eq!(
            report.total_inserted(),
            counts["audit_events"],
            "one audit event per row"
        );
        assert!(
            s.uncited::<mechanism::Entity>().await.unwrap().is_empty(),
            "every mechanism has a citation"
        );
        assert!(s.uncited::<network::Entity>().await.unwrap().is_empty());
        assert!(s.uncited::<edition::Entity>().await.unwrap().is_empty());
        assert!(s.uncited::<organization::Entity>().await.unwrap().is_empty());
        for src in s.all::<source::Entity>().await.unwrap() {
            assert!(
                src.url.as_deref().is_some_and(|u| u.starts_with("http")),
                "{} has no URL",
                src.slug
            );
        }
        let drc = s
            .mechanism_by_slug("cod-national-committee")
            .await
            .unwrap()
            .expect("DRC committee");
        assert_eq!(drc.instrument_number.as_deref(), Some("18/058"));
        assert_eq!(drc.launched_on.as_deref(), Some("2014-12-05"));

        // The initiatives of initiatives.toml, every one and every partner cited, and the
        // frameworks of frameworks.toml.
        let parsed = nmp_ingest::starter::parse(embedded_files()).unwrap();
        assert_eq!(counts["initiatives"], parsed.initiatives.len() as u64, "{}", db.engine);
        assert_eq!(counts["initiative_kinds"], 8);
        // NMP's two proposals and the UN Framework of Analysis (risk_frameworks.toml).
        assert_eq!(counts["frameworks"], 3);
        let partners: usize = parsed.initiatives.iter().map(|i| i.value.partner.len()).sum();
        assert_eq!(counts["initiative_partners"], partners as u64);
        assert!(
            s.uncited::<nmp_store::entity::initiative::Entity>()
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            s.uncited::<nmp_store::entity::initiative_partner::Entity>()
                .await
                .unwrap()
                .is_empty()
        );
        for i in &parsed.initiatives {
            let view = s.initiative(&i.value.slug).await.unwrap().expect("loaded");
            assert_eq!(view.row.country_iso3, i.value.country, "{}", i.value.slug);
            assert_eq!(view.kind.code, i.value.kind, "{}", i.value.slug);
            assert_eq!(view.partners.len(), i.value.partner.len(), "{}", i.value.slug);
        }

        let again = seed_embedded(s).await.unwrap();
        assert_eq!(again.total_inserted(), 0, "{}: second load inserts nothing", db.engine);
        assert_eq!(
            s.counts().await.unwrap(),
            counts,
            "{}: second load changes nothing",
            db.engine
        );
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}

#[tokio::test]
async fn a_malformed_file_names_file_line_and_field_and_writes_nothing() {
    let err = rejected(with_replaced(
        "mechanisms/cod.toml",
        "level = \"national\"",
        "level = \"planetary\"",
    ))
    .await;
    assert!(err.contains("data/starter/mechanisms/cod.toml:"), "{err}");
    assert!(err.contains("planetary"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().trim().parse().expect("a line number");
    let text = &embedded_files()
        .into_iter()
        .find(|f| f.path.ends_with("cod.toml"))
        .unwrap()
        .text;
    assert!(
        text.lines().nth(line - 1).unwrap().contains("level"),
        "line {line} is the level line: {err}"
    );

    let err = rejected(with_replaced(
        "mechanisms/cod.toml",
        "launched_on = \"2014-12-05\"",
        "launched_on = \"2014-13-05\"",
    ))
    .await;
    assert!(err.contains("cod.toml:") && err.contains("2014-13-05"), "{err}");

    let err = rejected(with_replaced(
        "editions.toml",
        "slug = \"2017\"",
        "slug = \"2017\"\ncolour = \"red\"",
    ))
    .await;
    assert!(err.contains("editions.toml:") && err.contains("colour"), "{err}");

    // A part may be an essay (the starter dataset records none), and an essay has an author.
    let err = rejected(with_replaced(
        "editions.toml",
        "key = \"part-iii\"",
        "key = \"part-iii\"\nkind = \"essay\"",
    ))
    .await;
    assert!(
        err.contains("editions.toml:") && err.contains("part.author") && err.contains("\"part-iii\" is an essay"),
        "{err}"
    );
    let err = rejected(with_replaced(
        "editions.toml",
        "key = \"part-iii\"",
        "key = \"part-iii\"\nkind = \"opinion\"",
    ))
    .await;
    assert!(
        err.contains("editions.toml:") && err.contains("chapter, essay"),
        "{err}"
    );
}

#[tokio::test]
async fn a_broken_reference_is_named_with_its_record_and_field() {
    let files = with_replaced(
        "mechanisms/cod.toml",
        "sources = [\"7sur7-drc-committee-installed\"",
        "sources = [\"no-such-source\"",
    );
    let err = rejected(files).await;
    assert!(err.contains("mechanisms/cod.toml:"), "{err}");
    assert!(
        err.contains("mechanism \"cod-national-committee\"") && err.contains("unknown source \"no-such-source\""),
        "{err}"
    );

    let err = rejected(with_replaced(
        "mechanisms/ken.toml",
        "country = \"KEN\"",
        "country = \"XKX\"",
    ))
    .await;
    assert!(
        err.contains("ken.toml:") && err.contains("country") && err.contains("XKX"),
        "{err}"
    );

    // In the real initiatives file: an unknown lead organisation, on its own line.
    let files = with_replaced(
        "initiatives.toml",
        "lead_organization = \"che-fdfa\"",
        "lead_organization = \"che-no-such-office\"",
    );
    let text = files
        .iter()
        .find(|f| f.path.ends_with("initiatives.toml"))
        .unwrap()
        .text
        .clone();
    let err = rejected(files).await;
    let line = text[..text.find("\"che-no-such-office\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        err.contains(&format!(
            "data/starter/initiatives.toml:{line}: initiative \"che-gaamac-co-founding\": lead_organization: unknown organization \"che-no-such-office\""
        )),
        "{err}"
    );
}

/// The starter files with `files` added (or replacing a file of the same name).
fn with_files(extra: &[(&str, &str)]) -> Vec<DataFile> {
    let mut files = embedded_files();
    for (path, text) in extra {
        files.retain(|f| !f.path.ends_with(path.rsplit('/').next().unwrap()) || f.path.contains("/mechanisms/"));
        files.push(DataFile {
            path: (*path).to_string(),
            text: (*text).to_string(),
        });
    }
    files
}

/// A small, valid initiatives file for tests (names real starter records; the facts are made up
/// for the test and never loaded into a real database).
const FIXTURE: &str = r#"# Test fixture.

[[initiative]]
slug = "test-ken-training"
country = "KEN"
mechanism = "ken-national-committee"
kind = "training"
title = "Test training"
started_on = "2015-03"
ended_on = "2015-04"
description = "A test initiative."
sources = ["aipr-2017-docslib@p. 6"]

[[initiative.citation]]
field = "started_on"
source = "aipr-2017-docslib"
quote = "test"

[[initiative.partner]]
organization = "aipr"
role = "trainer"
sources = ["aipr-2017-docslib"]

[[initiative]]
slug = "test-regional-network"
kind = "network"
title = "Test regional network"
sources = ["aipr-2017-docslib"]
"#;

#[tokio::test]
async fn initiatives_and_frameworks_load_with_their_partners_citations_criteria_and_levels() {
    use nmp_store::entity::{citation, criterion, criterion_level, framework, initiative, initiative_partner};
    for db in engines().await {
        let s = &db.store;
        let report = seed_files(s, with_files(&[("data/starter/initiatives.toml", FIXTURE)]))
            .await
            .unwrap();
        let counts = s.counts().await.unwrap();
        assert_eq!(counts["initiative_kinds"], 8, "{}", db.engine);
        assert_eq!(counts["initiatives"], 2);
        assert_eq!(counts["initiative_partners"], 1);
        assert_eq!(counts["frameworks"], 3);
        assert_eq!(report.inserted["initiative"], 2);
        assert_eq!(report.inserted["criterion"], 6 + 4 + 14);
        assert_eq!(report.inserted["criterion_level"], 4 * (6 + 4 + 14));
        // The indicators of risk factors 7 (7.1 to 7.11), 8 (12), 9 (6) and 13 (13.1 to 13.10).
        assert_eq!(report.inserted["criterion_indicator"], 11 + 12 + 6 + 10);
        assert!(s.uncited::<initiative::Entity>().await.unwrap().is_empty());
        assert!(s.uncited::<initiative_partner::Entity>().await.unwrap().is_empty());

        let ken = s.initiative("test-ken-training").await.unwrap().expect("loaded");
        assert_eq!(ken.row.country_iso3.as_deref(), Some("KEN"));
        assert_eq!(ken.kind.code, "training");
        assert_eq!(ken.row.started_on.as_deref(), Some("2015-03"));
        assert_eq!(
            ken.mechanism.as_ref().map(|m| m.0.as_str()),
            Some("ken-national-committee")
        );
        assert_eq!(ken.partners.len(), 1);
        assert_eq!(ken.partners[0].0.role.as_deref(), Some("trainer"));
        let cites: Vec<&citation::Model> = ken.citations.iter().map(|(c, _)| c).collect();
        assert!(
            cites
                .iter()
                .any(|c| c.entity == "initiative" && c.field.is_none() && c.locator.as_deref() == Some("p. 6"))
        );
        assert!(
            cites
                .iter()
                .any(|c| c.field.as_deref() == Some("started_on") && c.quote.as_deref() == Some("test"))
        );
        assert!(cites.iter().any(|c| c.entity == "initiative_partner"));
        let regional = s.initiative("test-regional-network").await.unwrap().unwrap();
        assert_eq!(regional.row.country_iso3, None);

        // The frameworks: criteria in file order, levels ranked from 1, labelled NMP's proposal.
        let frameworks = s.frameworks().await.unwrap();
        let outcomes = frameworks.iter().find(|f| f.row.slug == "nmp-outcomes").unwrap();
        assert_eq!(outcomes.row.framework_version, 1);
        assert!(outcomes.row.title.contains("proposal"), "{}", outcomes.row.title);
        assert!(
            outcomes
                .row
                .description
                .as_deref()
                .unwrap()
                .contains("not an existing standard")
        );
        let codes: Vec<&str> = outcomes.criteria.iter().map(|c| c.row.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "institutionalisation",
                "resources",
                "inclusion",
                "early_warning",
                "results",
                "sustainability"
            ]
        );
        for c in &outcomes.criteria {
            let ranks: Vec<i32> = c.levels.iter().map(|l| l.rank).collect();
            assert_eq!(ranks, [1, 2, 3, 4], "{}", c.row.code);
            assert_eq!(c.levels[0].label, "Absent");
            assert!(
                c.levels
                    .iter()
                    .all(|l| l.descriptor.as_deref().is_some_and(|d| d.len() > 20))
            );
        }
        // One criterion per function, with the function's code; the FunctionLevel labels.
        let functions = frameworks.iter().find(|f| f.row.slug == "nmp-functions").unwrap();
        let mut function_codes: Vec<String> = s
            .all::<nmp_store::entity::function::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|f| f.code)
            .collect();
        let mut criteria: Vec<String> = functions.criteria.iter().map(|c| c.row.code.clone()).collect();
        function_codes.sort();
        criteria.sort();
        assert_eq!(criteria, function_codes);
        let labels: Vec<String> = nmp_core::vocab::FunctionLevel::ALL
            .iter()
            .map(|l| l.label().to_string())
            .collect();
        for c in &functions.criteria {
            let got: Vec<String> = c.levels.iter().map(|l| l.label.clone()).collect();
            assert_eq!(got, labels, "{}", c.row.code);
        }
        assert_eq!(s.all::<criterion::Entity>().await.unwrap().len(), 24);
        assert_eq!(s.all::<criterion_level::Entity>().await.unwrap().len(), 96);
        assert_eq!(s.all::<framework::Entity>().await.unwrap().len(), 3);

        // The UN Framework of Analysis: 14 risk factors (8 common, 2 per specific crime), cited,
        // with what is not verified said in the record, and indicators only where a source
        // gives them, each cited.
        let un = frameworks.iter().find(|f| f.row.slug == "un-atrocity-risk").unwrap();
        assert!(un.row.note.as_deref().unwrap().contains("NMP's scale, not the UN's"));
        let categories: Vec<&str> = un.criteria.iter().filter_map(|c| c.row.category.as_deref()).collect();
        assert_eq!(categories.iter().filter(|c| **c == "common").count(), 8);
        for specific in ["genocide", "crimes_against_humanity", "war_crimes"] {
            assert_eq!(categories.iter().filter(|c| **c == specific).count(), 2, "{specific}");
        }
        let unverified: Vec<i32> = un
            .criteria
            .iter()
            .filter(|c| c.row.note.as_deref().unwrap().starts_with("UNVERIFIED"))
            .map(|c| c.row.position)
            .collect();
        assert_eq!(unverified, [3, 6, 10, 11]);
        let uncited = s.uncited::<framework::Entity>().await.unwrap();
        assert!(!uncited.contains(&un.row.framework_id.to_string()), "{uncited:?}");
        let uncited = s.uncited::<criterion::Entity>().await.unwrap();
        assert!(
            un.criteria
                .iter()
                .all(|c| !uncited.contains(&c.row.criterion_id.to_string())),
            "{uncited:?}"
        );
        let indicators = s.criterion_indicators(un.row.framework_id).await.unwrap();
        let per_factor: Vec<(i32, usize)> = un
            .criteria
            .iter()
            .filter_map(|c| indicators.get(&c.row.criterion_id).map(|i| (c.row.position, i.len())))
            .collect();
        assert_eq!(per_factor, [(7, 11), (8, 12), (9, 6), (13, 10)]);
        let rf8 = &indicators[&un.criteria[7].row.criterion_id];
        assert_eq!(rf8[0].row.code, "8.1");
        assert!(
            rf8[2]
                .row
                .text
                .starts_with("Measures taken by the international community")
        );
        assert!(indicators.values().flatten().all(|i| !i.sources.is_empty()));
        for c in un
            .criteria
            .iter()
            .filter(|c| !indicators.contains_key(&c.row.criterion_id))
        {
            assert!(
                c.row.note.as_deref().unwrap().contains("not retrieved"),
                "{}",
                c.row.code
            );
        }

        // A second load adds nothing.
        let again = seed_files(s, with_files(&[("data/starter/initiatives.toml", FIXTURE)]))
            .await
            .unwrap();
        assert_eq!(again.total_inserted(), 0, "{}", db.engine);
        db.finish().await;
    }
}

/// The 1-based line of `needle` in `text`, counted the way errors count.
fn line_in(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in fixture")]
        .matches('\n')
        .count()
        + 1
}

#[tokio::test]
async fn a_bad_initiatives_file_is_refused_with_file_line_and_field_and_nothing_written() {
    let bad = FIXTURE
        .replace("country = \"KEN\"", "country = \"XKX\"")
        .replace(
            "mechanism = \"ken-national-committee\"",
            "mechanism = \"no-such-mechanism\"",
        )
        .replace("kind = \"network\"", "kind = \"summit\"")
        .replace("organization = \"aipr\"", "organization = \"no-such-org\"")
        .replace(
            "sources = [\"aipr-2017-docslib@p. 6\"]",
            "sources = [\"no-such-source@p. 6\"]",
        )
        .replace("slug = \"test-regional-network\"", "slug = \"Test Regional\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &bad)])).await;
    let path = "data/starter/initiatives.toml";
    for (needle, expected) in [
        ("\"XKX\"", "initiative \"test-ken-training\": country: unknown country"),
        (
            "\"no-such-mechanism\"",
            "mechanism: unknown mechanism \"no-such-mechanism\"",
        ),
        ("\"summit\"", "kind: unknown initiative kind"),
        (
            "\"no-such-org\"",
            "partner.organization: unknown organization \"no-such-org\"",
        ),
        ("\"no-such-source@p. 6\"", "sources: unknown source \"no-such-source\""),
        ("\"Test Regional\"", "Test Regional"),
    ] {
        let line = line_in(&bad, needle);
        let at = format!("{path}:{line}: ");
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(expected)),
            "{expected:?} at {at}: {err}"
        );
    }

    // A bad date is a parse error with its line; a slug used twice, the second record's line.
    let bad_date = FIXTURE.replace("ended_on = \"2015-04\"", "ended_on = \"2015-13\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &bad_date)])).await;
    assert!(
        err.contains(&format!("{path}:{}", line_in(&bad_date, "ended_on"))) && err.contains("2015-13"),
        "{err}"
    );
    let backwards = FIXTURE.replace("ended_on = \"2015-04\"", "ended_on = \"2014\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &backwards)])).await;
    assert!(err.contains("ended_on: 2014 is before started_on 2015-03"), "{err}");
    let twice = FIXTURE.replace("slug = \"test-regional-network\"", "slug = \"test-ken-training\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &twice)])).await;
    let second = twice.rfind("slug = \"test-ken-training\"").unwrap();
    let line = twice[..second].matches('\n').count() + 1;
    assert!(
        err.contains(&format!(
            "{path}:{line}: initiative slug \"test-ken-training\" is used twice"
        )),
        "{err}"
    );
    let unknown_field = FIXTURE.replace("field = \"started_on\"", "field = \"budget\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &unknown_field)])).await;
    assert!(err.contains("citation.field: \"budget\" is not one of"), "{err}");
    let colour = FIXTURE.replace("kind = \"training\"", "kind = \"training\"\ncolour = \"red\"");
    let err = rejected(with_files(&[("data/starter/initiatives.toml", &colour)])).await;
    assert!(err.contains(&format!("{path}:")) && err.contains("colour"), "{err}");
}

#[tokio::test]
async fn a_bad_framework_is_refused_by_criterion_and_nothing_written() {
    let path = "data/starter/frameworks.toml";
    let text = embedded_files()
        .into_iter()
        .find(|f| f.path.ends_with("frameworks.toml"))
        .expect("the starter dataset has frameworks")
        .text;
    let repeated = text.replacen("code = \"resources\"", "code = \"institutionalisation\"", 1);
    let err = rejected(with_files(&[(path, &repeated)])).await;
    assert!(
        err.contains("framework \"nmp-outcomes\" version 1: criterion.code: \"institutionalisation\" is used twice"),
        "{err}"
    );
    // The line of the second criterion with that code, in the framework's block.
    let second = repeated
        .match_indices("code = \"institutionalisation\"")
        .nth(1)
        .unwrap()
        .0;
    let line = repeated[..second].matches('\n').count() + 1;
    assert!(err.contains(&format!("{path}:{line}: framework")), "{line}: {err}");
    let one_level = format!(
        "{text}\n[[framework]]\nslug = \"test-scale\"\nversion = 1\ntitle = \"Test\"\n\n[[framework.criterion]]\ncode = \"only\"\nlabel = \"Only\"\n\n[[framework.criterion.level]]\nlabel = \"One\"\n"
    );
    let err = rejected(with_files(&[(path, &one_level)])).await;
    let at = line_in(&one_level, "code = \"only\"");
    assert!(
        err.contains(&format!("{path}:{at}: framework \"test-scale\" version 1: criterion \"only\": level: a criterion needs at least two ordered levels")),
        "{err}"
    );
}

#[test]
fn the_methodology_documents_every_criterion_and_level_of_the_starter_frameworks() {
    let methodology = include_str!("../../../docs/methodology.md");
    let data = nmp_ingest::starter::parse(embedded_files()).unwrap();
    assert!(data.frameworks.len() >= 2);
    for f in &data.frameworks {
        assert!(
            methodology.contains(&format!("`{}` version {}", f.value.slug, f.value.version)),
            "{}",
            f.value.slug
        );
        if !f.value.sources.is_empty() {
            // A framework taken from a document (the UN Framework of Analysis): its scale is
            // NMP's, and says so; the methodology lists its criteria and levels.
            assert!(f.value.note.as_deref().unwrap().contains("NMP's scale, not the UN's"));
            documents_criteria(methodology, &f.value.criterion);
            continue;
        }
        assert!(
            f.value.title.contains("proposal") || f.value.title.contains("NMP's"),
            "{}",
            f.value.title
        );
        assert!(
            f.value
                .description
                .as_deref()
                .unwrap()
                .contains("not an existing standard")
        );
        documents_criteria(methodology, &f.value.criterion);
    }
    assert!(methodology.contains("NMP's proposal, not an existing standard"));
}

/// Asserts that `methodology` names every criterion's code and has a row for each of its levels.
fn documents_criteria(methodology: &str, criteria: &[nmp_ingest::starter::model::FrameworkCriterion]) {
    for c in criteria {
        assert!(methodology.contains(&format!("(`{}`)", c.code)), "{}", c.code);
        for (rank, level) in c.level.iter().enumerate() {
            let row = format!(
                "| {} {} | {} |",
                rank + 1,
                level.label,
                level.descriptor.as_deref().unwrap()
            );
            assert!(methodology.contains(&row), "docs/methodology.md lacks {row}");
        }
    }
}

#[tokio::test]
async fn a_bad_risk_framework_names_file_line_and_field_and_nothing_is_written() {
    let path = "data/starter/risk_frameworks.toml";
    let text = embedded_files().into_iter().find(|f| f.path == path).unwrap().text;
    // An unknown source on an indicator, an indicator number used twice, a category that is not
    // a code, and an indicator without a source.
    let bad = text
        .replacen("sources = [\"wpgm-risk-factor-8\"]", "sources = [\"no-such-post\"]", 1)
        .replacen("code = \"9.2\"", "code = \"9.1\"", 1)
        .replacen("category = \"war_crimes\"", "category = \"War crimes\"", 1)
        .replacen("code = \"13.1\"\ntext = \"Fragmentation of parties to the conflict or absence of chains of command.\"\nsources = [\"wpgm-risk-factor-13\"]", "code = \"13.1\"\ntext = \"Fragmentation of parties to the conflict or absence of chains of command.\"", 1);
    assert_ne!(bad, text);
    let err = rejected(with_files(&[(path, &bad)])).await;
    let record = "framework \"un-atrocity-risk\" version 1";
    for (needle, expected) in [
        (
            "\"no-such-post\"",
            format!(
                "{record}: criterion \"rf8_triggering_factors\": indicator \"8.1\": sources: unknown source \"no-such-post\""
            ),
        ),
        (
            "code = \"9.1\"\ntext = \"Denial",
            format!(
                "{record}: criterion \"rf9_intergroup_tensions\": indicator \"9.1\": code: give each indicator its own number"
            ),
        ),
        (
            "\"War crimes\"",
            format!("{record}: criterion \"rf13_threats_to_ihl_protected\": criterion.category"),
        ),
        (
            "code = \"13.1\"",
            format!(
                "{record}: criterion \"rf13_threats_to_ihl_protected\": indicator \"13.1\": sources: every indicator needs at least one source"
            ),
        ),
    ] {
        let line = line_in(&bad, needle);
        let at = format!("{path}:{line}: ");
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(&expected)),
            "{expected:?} at {at}: {err}"
        );
    }
}
