//! The outcome assessments on the site: `outcomes.html` (per round a summary table, the
//! framework, and one assessment per target with its evidence, the change since the earlier
//! edition and, when released, the pseudonymous ratings) and the agreement tables the front
//! page's "About this edition" shows. Only for an edition with assessment rounds.

use nmp_i18n::{Lang, t, t_args};

use super::pages::{AgreementTable, CriterionRow, Fact, OutcomeRound, OutcomeTarget, OutcomesPage, Shared};
use super::pieces::sources;
use crate::snapshot::{Agreement, Assessment, Evidence, PARTNER_NOTES, Round, Snapshot};
use crate::text::{alpha, fmt_date_in, paragraphs, percent};

/// The agreement tables of the edition's rounds (empty without rounds), in `lang`.
pub(super) fn agreement_tables(snap: &Snapshot, lang: Lang) -> Vec<AgreementTable> {
    let row = |name: &str, a: &Agreement| {
        (
            name.to_string(),
            alpha(a.alpha),
            percent(a.percent_agreement),
            a.units,
            a.raters,
            a.values,
        )
    };
    snap.outcomes
        .iter()
        .map(|r| AgreementTable {
            caption: t_args(
                lang,
                "rs-agreement-caption",
                &[
                    ("round", &r.title),
                    ("framework", &r.framework.title),
                    ("version", &r.framework.version.to_string()),
                ],
            ),
            rows: r
                .framework
                .criteria
                .iter()
                .map(|c| row(&c.label, &c.agreement))
                .collect(),
            total: row(&t(lang, "rs-all-criteria"), &r.agreement),
        })
        .collect()
}

/// The anchor of a target on `outcomes.html`.
fn anchor(n: usize, t: &Assessment) -> String {
    format!("r{}-{}-{}", n + 1, t.kind, t.slug)
}

/// Evidence as text: `[3] Title, p. 4: “quote”`, with the source's number for the link.
fn evidence(snap: &Snapshot, list: &[Evidence]) -> Vec<(usize, String)> {
    list.iter()
        .map(|e| {
            let title = snap
                .bibliography
                .get(e.source.wrapping_sub(1))
                .map(|s| s.title.clone())
                .unwrap_or_default();
            let mut text = title;
            if let Some(l) = &e.locator {
                text.push_str(&format!(", {l}"));
            }
            if let Some(q) = &e.quote {
                text.push_str(&format!(": “{q}”"));
            }
            (e.source, text)
        })
        .collect()
}

/// The page of the edition's outcome assessments.
pub(super) fn page<'a>(s: &'a Shared, snap: &Snapshot) -> OutcomesPage<'a> {
    let many = snap.outcomes.len() > 1;
    OutcomesPage {
        s,
        root: "",
        rounds: snap
            .outcomes
            .iter()
            .enumerate()
            .map(|(n, r)| round(snap, s.lang, n, r, many))
            .collect(),
    }
}

fn round(snap: &Snapshot, lang: Lang, n: usize, r: &Round, many: bool) -> OutcomeRound {
    let criteria = &r.framework.criteria;
    OutcomeRound {
        title: many.then(|| r.title.clone()),
        framework: t_args(
            lang,
            "rs-framework-version",
            &[
                ("title", &r.framework.title),
                ("version", &r.framework.version.to_string()),
            ],
        ),
        description: r.framework.description.as_deref().map(paragraphs).unwrap_or_default(),
        criteria: criteria
            .iter()
            .map(|c| {
                (
                    c.label.clone(),
                    c.description.clone(),
                    c.levels
                        .iter()
                        .map(|l| match &l.descriptor {
                            Some(d) => format!("{}. {}: {d}", l.rank, l.label),
                            None => format!("{}. {}", l.rank, l.label),
                        })
                        .collect(),
                )
            })
            .collect(),
        header: criteria.iter().map(|c| c.label.clone()).collect(),
        summary: r
            .targets
            .iter()
            .map(|t| {
                (
                    anchor(n, t),
                    t.label.clone(),
                    criteria
                        .iter()
                        .map(|c| {
                            t.consensus
                                .iter()
                                .find(|k| k.criterion == c.code)
                                .map(|k| k.level.clone())
                                .unwrap_or_else(|| "–".into())
                        })
                        .collect(),
                )
            })
            .collect(),
        targets: r.targets.iter().map(|x| target(snap, lang, n, r, x)).collect(),
    }
}

fn target(snap: &Snapshot, lang: Lang, n: usize, r: &Round, t: &Assessment) -> OutcomeTarget {
    // The site's words in the edition's language.
    let word = |key: &str| nmp_i18n::t(lang, key);
    let kind = if t.kind == "initiative" {
        word("rs-initiative")
    } else {
        word("rs-mechanism")
    };
    let place = t
        .country
        .clone()
        .unwrap_or_else(|| word("rs-regional-or-international"));
    let (facts, record_sources, description) = match &t.initiative {
        Some(i) => {
            let record: Vec<&str> = i
                .citations
                .iter()
                .map(|c| c.about.as_str())
                .filter(|a| !PARTNER_NOTES.contains(a))
                .collect();
            let partners = i
                .partners
                .iter()
                .map(|p| match &p.role {
                    Some(role) => format!("{} ({role})", p.organization),
                    None => p.organization.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let mut facts = vec![
                Fact::new(word("rs-kind"), i.kind.clone(), vec![], true),
                Fact::new(word("rs-country"), t.country.clone().unwrap_or_default(), vec![], true),
            ];
            if let Some(m) = &i.mechanism {
                facts.push(Fact::new(word("rs-mechanism"), m.clone(), vec![], true));
            }
            facts.push(Fact::new(
                word("rs-started"),
                i.started_on
                    .as_deref()
                    .map(|d| fmt_date_in(lang, d))
                    .unwrap_or_default(),
                vec![],
                false,
            ));
            if let Some(e) = &i.ended_on {
                facts.push(Fact::new(word("rs-ended"), fmt_date_in(lang, e), vec![], false));
            }
            facts.push(Fact::new(
                word("rs-lead-institution"),
                i.lead.clone().unwrap_or_default(),
                vec![],
                true,
            ));
            facts.push(Fact::new(
                word("rs-partners"),
                partners,
                sources(&i.citations, &PARTNER_NOTES),
                true,
            ));
            (
                facts,
                sources(&i.citations, &record),
                i.description.as_deref().map(paragraphs).unwrap_or_default(),
            )
        }
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    OutcomeTarget {
        anchor: anchor(n, t),
        label: t.label.clone(),
        place: format!("{kind} · {place}"),
        facts,
        record_sources,
        description,
        rows: r
            .framework
            .criteria
            .iter()
            .map(|c| {
                let Some(k) = t.consensus.iter().find(|k| k.criterion == c.code) else {
                    return CriterionRow {
                        label: c.label.clone(),
                        level: None,
                        rationale: String::new(),
                        evidence: Vec::new(),
                        change: None,
                        ratings: Vec::new(),
                    };
                };
                let refs = k
                    .evidence
                    .iter()
                    .map(|e| match &e.locator {
                        Some(l) => format!("[{}], {l}", e.source),
                        None => format!("[{}]", e.source),
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                CriterionRow {
                    label: c.label.clone(),
                    level: Some(t_args(
                        lang,
                        "rs-level-of",
                        &[
                            ("level", &k.level),
                            ("rank", &k.rank.to_string()),
                            ("of", &k.of.to_string()),
                        ],
                    )),
                    rationale: k.rationale.clone(),
                    evidence: evidence(snap, &k.evidence),
                    change: k.change.as_ref().map(|ch| {
                        let what = if ch.level == k.level {
                            t_args(
                                lang,
                                "rs-unchanged-since",
                                &[("edition", &ch.edition), ("level", &k.level)],
                            )
                        } else {
                            t_args(
                                lang,
                                "rs-changed-since",
                                &[("edition", &ch.edition), ("before", &ch.level), ("level", &k.level)],
                            )
                        };
                        if refs.is_empty() {
                            format!("{what}.")
                        } else {
                            t_args(lang, "rs-with-evidence", &[("change", &what), ("refs", &refs)])
                        }
                    }),
                    ratings: k
                        .ratings
                        .iter()
                        .map(|x| {
                            let refs = x
                                .evidence
                                .iter()
                                .map(|e| format!("[{}]", e.source))
                                .collect::<Vec<_>>()
                                .join(" ");
                            t_args(
                                lang,
                                "rs-rater",
                                &[
                                    ("rater", &x.rater),
                                    ("level", &x.level),
                                    ("rationale", &x.rationale),
                                    ("refs", &refs),
                                ],
                            )
                            .trim_end()
                            .to_string()
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}
