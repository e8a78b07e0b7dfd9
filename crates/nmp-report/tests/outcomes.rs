//! Outcome assessments in the report, on SQLite and (when configured) PostgreSQL: an edition's
//! assessment rounds block publishing until reconciled (each problem listed); published, the
//! snapshot carries each round's framework, the consensus per target and criterion with its
//! evidence in the bibliography, the agreement between raters as `nmp_core` computes it, the
//! change since the closest earlier published edition, and individual ratings only when
//! released and then only under pseudonyms; the PDF, the Markdown and the site print an
//! "Outcomes" chapter; an edition without rounds is as it was.
//!
//! Everything rated here is synthetic and says so (the framework, the initiative, the
//! ratings): the starter dataset holds no ratings. The sources cited are the starter's, with
//! synthetic locators.
//!
//! `NMP_TEST_OUTCOMES_PDF=FILE` writes the draft PDF with the chapter to FILE (to look at it).

use nmp_core::agreement::{Metric, reliability};
use nmp_core::vocab::{AccountRole, RoundState};
use nmp_report::ReportError;
use nmp_store::entity::{
    citation, criterion, criterion_level, framework, initiative, initiative_kind, initiative_partner, organization,
    source,
};
use nmp_store::outcomes::{EvidenceInput, NewRound, RatingInput, Reconciliation};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

const EDITOR: &str = "synthetic-editor@example.org";
const RATERS: [(&str, &str); 2] = [
    ("synthetic-rater-one@example.org", "Synthetic Rater One"),
    ("synthetic-rater-two@example.org", "Synthetic Rater Two"),
];
const INITIATIVE: &str = "Synthetic test initiative (not a real initiative)";
const LEVELS: [&str; 3] = ["Absent", "Partial", "Operational"];

/// The synthetic framework: two criteria of three levels each.
struct Rubric {
    id: i32,
    /// Per criterion: its id and its level ids by rank (1, 2, 3).
    criteria: Vec<(i32, [i32; 3])>,
}

impl Rubric {
    fn level(&self, criterion: usize, rank: usize) -> i32 {
        self.criteria[criterion].1[rank - 1]
    }
}

async fn rubric(s: &Store) -> Rubric {
    let mut w = s.writer(EDITOR).await.unwrap();
    let f = w
        .insert(framework::ActiveModel {
            slug: Set("synthetic-test-framework".into()),
            framework_version: Set(1),
            title: Set("Synthetic test framework".into()),
            description: Set(Some("A synthetic framework for tests; not NMP's proposal.".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let mut criteria = Vec::new();
    for (position, (code, label)) in [("institutionalisation", "Institutionalisation"), ("results", "Results")]
        .into_iter()
        .enumerate()
    {
        let c = w
            .insert(criterion::ActiveModel {
                framework_id: Set(f.framework_id),
                code: Set(code.into()),
                position: Set(position as i32 + 1),
                label: Set(label.into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let mut levels = [0; 3];
        for (i, name) in LEVELS.into_iter().enumerate() {
            levels[i] = w
                .insert(criterion_level::ActiveModel {
                    criterion_id: Set(c.criterion_id),
                    rank: Set(i as i32 + 1),
                    label: Set(name.into()),
                    descriptor: Set(Some(format!("Synthetic descriptor of level {name}."))),
                    ..Default::default()
                })
                .await
                .unwrap()
                .criterion_level_id;
        }
        criteria.push((c.criterion_id, levels));
    }
    w.commit().await.unwrap();
    Rubric {
        id: f.framework_id,
        criteria,
    }
}

/// The synthetic initiative (in Kenya), cited as a record, with one partner that is not cited
/// yet; returns its row and the partner's row.
async fn synthetic_initiative(s: &Store, src: &source::Model) -> (initiative::Model, initiative_partner::Model) {
    let org = s.all::<organization::Entity>().await.unwrap().remove(0);
    let mut w = s.writer(EDITOR).await.unwrap();
    let kind = w
        .insert(initiative_kind::ActiveModel {
            code: Set("training_programme".into()),
            label: Set("Training programme".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let i = w
        .insert(initiative::ActiveModel {
            slug: Set("synthetic-test-initiative".into()),
            country_iso3: Set(Some("KEN".into())),
            initiative_kind_id: Set(kind.initiative_kind_id),
            title: Set(INITIATIVE.into()),
            started_on: Set(Some("2016".into())),
            description: Set(Some(
                "Synthetic description of a test initiative; it states no fact.".into(),
            )),
            ..Default::default()
        })
        .await
        .unwrap();
    let partner = w
        .insert(initiative_partner::ActiveModel {
            initiative_id: Set(i.initiative_id),
            organization_id: Set(org.organization_id),
            role: Set(Some("synthetic role".into())),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(citation::ActiveModel {
        source_id: Set(src.source_id),
        entity: Set("initiative".into()),
        entity_id: Set(i.initiative_id.to_string()),
        locator: Set(Some("synthetic locator of the initiative".into())),
        ..Default::default()
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
    (i, partner)
}

fn evidence(src: &source::Model, locator: &str) -> Vec<EvidenceInput> {
    vec![EvidenceInput {
        source: src.slug.clone(),
        locator: Some(locator.into()),
        quote: Some("synthetic quoted words".into()),
    }]
}

/// Opens a round of `edition` on the initiative (and the mechanisms named) with both raters;
/// returns its id.
async fn open_round(
    s: &Store,
    edition: &str,
    rubric: &Rubric,
    raters: &[i32],
    mechanisms: &[&str],
    editor: i32,
) -> i32 {
    let mut w = s.writer(EDITOR).await.unwrap();
    let id = w
        .open_round(
            &NewRound {
                countries: Vec::new(),
                assessed_on: None,
                edition: edition.into(),
                framework_id: rubric.id,
                title: format!("Synthetic test round of {edition}"),
                due_on: "2026-06-30".into(),
                note: None,
                initiatives: vec!["synthetic-test-initiative".into()],
                mechanisms: mechanisms.iter().map(|m| m.to_string()).collect(),
                raters: raters.to_vec(),
            },
            Some(editor),
        )
        .await
        .unwrap();
    w.commit().await.unwrap();
    id
}

/// Rater `n` (account `account`) submits the ranks (one per criterion) for target `target`.
async fn submit(
    s: &Store,
    rubric: &Rubric,
    target: i32,
    (n, account): (usize, i32),
    ranks: [usize; 2],
    src: &source::Model,
) {
    let mut w = s.writer(RATERS[n].0).await.unwrap();
    let inputs: Vec<RatingInput> = ranks
        .iter()
        .enumerate()
        .map(|(c, &rank)| RatingInput {
            trend: None,
            criterion_id: rubric.criteria[c].0,
            level_id: Some(rubric.level(c, rank)),
            rationale: format!("Synthetic rationale of a rater: level {rank}."),
            evidence: evidence(src, "synthetic rater locator"),
        })
        .collect();
    w.submit_ratings(target, account, &inputs).await.unwrap();
    w.commit().await.unwrap();
}

/// The editor records the consensus `ranks` for every criterion of `target`.
async fn reconcile(s: &Store, rubric: &Rubric, target: i32, ranks: [usize; 2], editor: i32, src: &source::Model) {
    let mut w = s.writer(EDITOR).await.unwrap();
    for (c, &rank) in ranks.iter().enumerate() {
        w.reconcile(
            &Reconciliation {
                trend: None,
                round_target_id: target,
                criterion_id: rubric.criteria[c].0,
                level_id: Some(rubric.level(c, rank)),
                rationale: format!("Synthetic consensus rationale, criterion {}.", c + 1),
                evidence: evidence(src, &format!("synthetic consensus locator {}", c + 1)),
                base_version: None,
            },
            Some(editor),
        )
        .await
        .unwrap();
    }
    w.commit().await.unwrap();
}

fn file(files: &[(String, Vec<u8>)], name: &str) -> String {
    let bytes = &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is written"))
        .1;
    String::from_utf8(bytes.clone()).unwrap()
}

#[tokio::test]
async fn rounds_block_publishing_until_reconciled_then_print_consensus_agreement_and_change() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let sources = s.all::<source::Entity>().await.unwrap();
        let (src, other) = (&sources[0], &sources[1]);
        let editor = s
            .create_account("system:test", EDITOR, "Synthetic Editor", AccountRole::Editor)
            .await
            .unwrap()
            .account_id;
        let mut raters = Vec::new();
        for (email, name) in RATERS {
            raters.push(
                s.create_account("system:test", email, name, AccountRole::Student)
                    .await
                    .unwrap()
                    .account_id,
            );
        }
        let rubric = rubric(s).await;
        let (initiative, partner) = synthetic_initiative(s, src).await;

        // 2017: one round on the initiative; both raters submit, nobody has reconciled.
        let round = open_round(s, "2017", &rubric, &raters, &[], editor).await;
        let target = s.round_view(round).await.unwrap().unwrap().targets[0]
            .row
            .round_target_id;
        submit(s, &rubric, target, (0, raters[0]), [2, 2], other).await;
        submit(s, &rubric, target, (1, raters[1]), [2, 1], other).await;

        let e2017 = s.frozen_edition("2017").await.unwrap().unwrap().0;
        let expected = s.outcome_problems(e2017.edition_id).await.unwrap();
        assert_eq!(expected.len(), 2, "{}: {expected:?}", db.engine);
        let err = nmp_report::publish::publish(s, "2017", EDITOR).await.unwrap_err();
        let ReportError::Unreconciled { problems, .. } = &err else {
            panic!("{}: expected Unreconciled, got {err}", db.engine)
        };
        assert_eq!(problems, &expected);
        assert!(
            problems
                .iter()
                .all(|p| p.contains(INITIATIVE) && p.contains("no consensus"))
        );
        let message = err.to_string();
        for p in problems {
            assert!(message.contains(p.as_str()), "the message lists {p:?}: {message}");
        }
        assert_eq!(
            s.edition_lock(e2017.edition_id).await.unwrap(),
            None,
            "nothing was frozen"
        );

        // Reconciled, the uncited partner of the initiative is what remains; cited, it publishes.
        reconcile(s, &rubric, target, [2, 1], editor, src).await;
        assert!(s.outcome_problems(e2017.edition_id).await.unwrap().is_empty());
        let err = nmp_report::publish::publish(s, "2017", EDITOR).await.unwrap_err();
        let ReportError::Uncited { facts, .. } = &err else {
            panic!("{}: expected Uncited, got {err}", db.engine)
        };
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert!(
            facts[0].starts_with(&format!("initiative_partner {}", partner.initiative_partner_id)),
            "{facts:?}"
        );
        let mut w = s.writer(EDITOR).await.unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set("initiative".into()),
            entity_id: Set(initiative.initiative_id.to_string()),
            field: Set(Some("partners".into())),
            locator: Set(Some("synthetic locator of the partners".into())),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        nmp_report::publish::publish(s, "2017", EDITOR).await.unwrap();

        // The frozen snapshot: the round, its consensus with evidence in the bibliography, the
        // agreement as nmp_core computes it, and no rater's name, email or pseudonym.
        let frozen = nmp_report::load(s, "2017", false).await.unwrap();
        let view = s.round_view(round).await.unwrap().unwrap();
        let [r] = frozen.snapshot.outcomes.as_slice() else {
            panic!("{}: one round expected", db.engine)
        };
        assert_eq!(r.framework.slug, "synthetic-test-framework");
        assert_eq!(r.framework.criteria.len(), 2);
        assert_eq!(r.framework.criteria[0].levels.len(), 3);
        for (c, criterion) in r.framework.criteria.iter().enumerate() {
            let core = reliability(&view.matrix(rubric.criteria[c].0), Metric::Ordinal);
            let a = &criterion.agreement;
            assert_eq!((a.units, a.raters, a.values), (core.units, core.raters, core.values));
            assert_eq!(a.alpha.is_some(), core.alpha.is_some());
            if let (Some(mine), Some(theirs)) = (a.alpha, core.alpha) {
                assert!((mine - theirs).abs() < 5e-5, "{mine} vs {theirs}");
            }
        }
        // Over the round: both criteria's units together; raters disagree on "results" only.
        let whole: Vec<Vec<Option<i64>>> = rubric.criteria.iter().flat_map(|(c, _)| view.matrix(*c)).collect();
        let core = reliability(&whole, Metric::Ordinal);
        let alpha = core.alpha.expect("the round's ratings vary");
        assert_eq!(r.agreement.alpha, Some((alpha * 10_000.0).round() / 10_000.0));
        assert_eq!((r.agreement.units, r.agreement.raters, r.agreement.values), (2, 2, 4));
        assert_eq!(r.agreement.percent_agreement, Some(0.5));
        let [t] = r.targets.as_slice() else {
            panic!("one target")
        };
        assert_eq!((t.kind.as_str(), t.label.as_str()), ("initiative", INITIATIVE));
        assert_eq!(t.country.as_deref(), Some("Kenya"));
        let facts = t.initiative.as_ref().expect("the initiative's facts");
        assert_eq!(facts.partners.len(), 1);
        let about: Vec<&str> = facts.citations.iter().map(|c| c.about.as_str()).collect();
        assert_eq!(about, ["initiative", "partners"]);
        let levels: Vec<&str> = t.consensus.iter().map(|k| k.level.as_str()).collect();
        assert_eq!(levels, ["Partial", "Absent"]);
        let k = &t.consensus[0];
        assert_eq!(k.evidence.len(), 1);
        let cited = &frozen.snapshot.bibliography[k.evidence[0].source - 1];
        assert_eq!(cited.slug, src.slug, "the evidence is numbered into the bibliography");
        assert_eq!(k.evidence[0].locator.as_deref(), Some("synthetic consensus locator 1"));
        assert!(k.change.is_none() && k.ratings.is_empty());
        let json = String::from_utf8(frozen.snapshot.to_json().unwrap()).unwrap();
        for (email, name) in RATERS {
            assert!(
                !json.contains(email) && !json.contains(name),
                "{}: a rater is named",
                db.engine
            );
        }
        assert!(
            !json.contains("\"ratings\"") && !json.contains("\"R1\""),
            "ratings are not released"
        );
        assert!(!json.contains("Synthetic rationale of a rater"));

        // 2018: a round on the initiative and a mechanism whose ratings are released.
        let round = open_round(s, "2018", &rubric, &raters, &["ken-national-committee"], editor).await;
        let view = s.round_view(round).await.unwrap().unwrap();
        let mut w = s.writer(EDITOR).await.unwrap();
        w.set_round_state(round, view.round.version, RoundState::Open, true)
            .await
            .unwrap();
        w.commit().await.unwrap();
        for t in &view.targets {
            submit(s, &rubric, t.row.round_target_id, (0, raters[0]), [3, 2], other).await;
            submit(s, &rubric, t.row.round_target_id, (1, raters[1]), [3, 3], other).await;
            reconcile(s, &rubric, t.row.round_target_id, [3, 2], editor, src).await;
        }
        let draft = nmp_report::load(s, "2018", true).await.unwrap();
        let r = &draft.snapshot.outcomes[0];
        assert!(r.released);
        let labels: Vec<&str> = r.targets.iter().map(|t| t.kind.as_str()).collect();
        assert!(
            labels.contains(&"mechanism") && labels.contains(&"initiative"),
            "{labels:?}"
        );
        let t = r.targets.iter().find(|t| t.kind == "initiative").unwrap();
        let change = t.consensus[0].change.as_ref().expect("a change since 2017");
        assert_eq!(
            (
                change.edition.as_str(),
                change.level.as_str(),
                t.consensus[0].level.as_str()
            ),
            ("2017", "Partial", "Operational")
        );
        let change = t.consensus[1].change.as_ref().expect("a change since 2017");
        assert_eq!(
            (change.level.as_str(), t.consensus[1].level.as_str()),
            ("Absent", "Partial")
        );
        let mechanism = r.targets.iter().find(|t| t.kind == "mechanism").unwrap();
        assert!(mechanism.initiative.is_none() && mechanism.consensus[0].change.is_none());
        let pseudonyms: Vec<&str> = t.consensus[1].ratings.iter().map(|x| x.rater.as_str()).collect();
        assert_eq!(pseudonyms, ["R1", "R2"]);
        let ranks: Vec<i32> = t.consensus[1].ratings.iter().map(|x| x.rank).collect();
        assert_eq!(ranks, [2, 3]);
        let json = String::from_utf8(draft.snapshot.to_json().unwrap()).unwrap();
        for (email, name) in RATERS {
            assert!(
                !json.contains(email) && !json.contains(name),
                "{}: a rater is named",
                db.engine
            );
        }

        // The Markdown and the Typst source carry the chapter; the PDF typesets it.
        let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
        let at = |needle: &str| {
            markdown
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} is not in the Markdown"))
        };
        let chapter = at("# Outcomes\n");
        assert!(at("# Civil society, corporations and religious organisations") < chapter);
        assert!(chapter < at("# Annex: data tables"));
        assert!(at("## Agreement between raters") < chapter, "the agreement is in About");
        assert!(at(&format!("## {INITIATIVE}")) > chapter);
        assert!(markdown.contains("synthetic consensus locator 1: “synthetic quoted words”"));
        assert!(markdown.contains("Change since 2017: Partial → Operational (evidence: \\["));
        assert!(markdown.contains("    - Rater R1: Partial."));
        assert!(
            markdown.contains("| Partners | ") && markdown.contains("(synthetic role)^[\\["),
            "the partners' note is on their line"
        );
        let job = nmp_report::typeset::job(&draft, nmp_report::TEMPLATE).unwrap();
        assert!(job.template.contains("= #l.outcomes"));
        let words = String::from_utf8(job.files["/lang.typ"].clone()).unwrap();
        assert!(
            words.contains("#let outcomes = [Outcomes]"),
            "an English edition's words are English"
        );
        let source = String::from_utf8(job.files["/edition.json"].clone()).unwrap();
        assert!(source.contains("\"outcomes\"") && source.contains(INITIATIVE));
        let pdf = nmp_report::render(&draft).unwrap();
        assert!(pdf.warnings.is_empty(), "warnings: {:?}", pdf.warnings);
        let bytes = String::from_utf8_lossy(&pdf.pdf);
        let bookmark = |title: &str| {
            bytes
                .find(&format!("/Title({title})"))
                .unwrap_or_else(|| panic!("no bookmark {title:?}"))
        };
        assert!(bookmark("Civil society, corporations and religious organisations") < bookmark("Outcomes"));
        assert!(bookmark("Outcomes") < bookmark("Annex: data tables"));
        assert!(bookmark("Agreement between raters") < bookmark("Global overview"));
        if let Ok(path) = std::env::var("NMP_TEST_OUTCOMES_PDF") {
            std::fs::write(path, &pdf.pdf).unwrap();
        }

        // The site: its own page, in the navigation, and the agreement on the front page.
        let site = nmp_report::site::build(&draft).unwrap();
        let page = file(&site, "outcomes.html");
        assert!(
            page.contains("<h1>Outcomes</h1>") && page.contains(INITIATIVE),
            "{page}"
        );
        assert!(page.contains("Change since 2017: Partial → Operational"), "{page}");
        assert!(file(&site, "themes.html").contains("href=\"outcomes.html\">Outcomes"));
        assert!(file(&site, "index.html").contains("<h3>Agreement between raters</h3>"));
        db.finish().await;
    }
}

#[tokio::test]
async fn an_edition_without_rounds_has_no_outcomes_anywhere() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    for slug in ["2015", "2017"] {
        let draft = nmp_report::load(s, slug, true).await.unwrap();
        assert!(draft.snapshot.outcomes.is_empty());
        let json = String::from_utf8(draft.snapshot.to_json().unwrap()).unwrap();
        assert!(!json.contains("\"outcomes\""), "{slug}: the key is left out");
        let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
        assert!(!markdown.contains("Outcomes") && !markdown.contains("Agreement between raters"));
        let site = nmp_report::site::build(&draft).unwrap();
        assert!(!site.iter().any(|(n, _)| n == "outcomes.html"));
        assert!(!file(&site, "index.html").contains("outcomes.html"));
    }
    db.finish().await;
}
