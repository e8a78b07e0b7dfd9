//! The outcome assessments in Markdown: the "Outcomes" chapter (a summary table, the framework,
//! one assessment per target with its evidence as footnotes and the change since the earlier
//! edition) and the agreement between raters for "About this edition". Nothing for an edition
//! without assessment rounds.

use std::fmt::Write as _;

use super::markup::{esc, notes, or_missing};
use crate::snapshot::{Agreement, Assessment, Evidence, PARTNER_NOTES, Round, Snapshot};
use crate::text::{alpha, fmt_date, paragraphs, percent};

/// The agreement subsection of "About this edition".
pub(super) fn agreement(out: &mut String, snap: &Snapshot) {
    if snap.outcomes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Agreement between raters\n\nThe outcome assessments (chapter \"Outcomes\") were made in assessment rounds: several raters rated every target on every criterion independently, each rating with its rationale and evidence, and an editor then recorded the consensus, which is what this report prints. The tables give Krippendorff's alpha for ordinal data (1 is perfect agreement, 0 no better than chance) and the share of agreeing pairs of ratings, over the units at least two raters rated.\n"
    );
    for r in &snap.outcomes {
        let _ = writeln!(
            out,
            "Agreement between raters: {} ({}, version {}).\n\n| Criterion | Alpha | Agreement | Units | Raters | Ratings |\n|:---|---:|---:|---:|---:|---:|",
            esc(&r.title),
            esc(&r.framework.title),
            r.framework.version
        );
        let row = |out: &mut String, name: &str, a: &Agreement| {
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} | {} | {} |",
                alpha(a.alpha),
                percent(a.percent_agreement),
                a.units,
                a.raters,
                a.values
            );
        };
        for c in &r.framework.criteria {
            row(out, &esc(&c.label), &c.agreement);
        }
        row(out, "**All criteria**", &r.agreement);
        out.push('\n');
    }
}

/// Inline footnotes for pieces of evidence.
fn evidence_notes(snap: &Snapshot, evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .filter_map(|e| {
            let s = snap.bibliography.get(e.source.checked_sub(1)?)?;
            let mut note = format!("^[\\[{}\\] *{}*", s.number, esc(&s.title));
            if let Some(l) = &e.locator {
                let _ = write!(note, ", {}", esc(l));
            }
            if let Some(q) = &e.quote {
                let _ = write!(note, ": “{}”", esc(q));
            }
            note.push('.');
            if let Some(u) = &s.url {
                let _ = write!(note, " <{u}>");
            }
            note.push(']');
            Some(note)
        })
        .collect()
}

/// Evidence in the running text, short: `[3], p. 4; [5]`.
fn evidence_refs(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .map(|e| match &e.locator {
            Some(l) => format!("\\[{}\\], {}", e.source, esc(l)),
            None => format!("\\[{}\\]", e.source),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The "Outcomes" chapter.
pub(super) fn chapter(out: &mut String, snap: &Snapshot) {
    if snap.outcomes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "# Outcomes\n\nThis chapter gives the outcome assessments of this edition: what the national initiatives and mechanisms listed below achieved, judged against a framework of criteria with ordered levels. Independent raters rated each one, and an editor recorded the consensus after reconciling their ratings; every level is backed by evidence, cited in the notes. How far the raters agreed is reported under \"About this edition\".\n"
    );
    for r in &snap.outcomes {
        round(out, snap, r);
    }
}

fn round(out: &mut String, snap: &Snapshot, r: &Round) {
    let criteria = &r.framework.criteria;
    if snap.outcomes.len() > 1 {
        let _ = writeln!(out, "## Summary: {}\n", esc(&r.title));
    } else {
        let _ = writeln!(out, "## Summary\n");
    }
    let header: Vec<String> = criteria.iter().map(|c| esc(&c.label)).collect();
    let _ = writeln!(
        out,
        "| Target | {} |\n|:---|{}",
        header.join(" | "),
        ":---|".repeat(criteria.len())
    );
    for t in &r.targets {
        let levels: Vec<String> = criteria
            .iter()
            .map(|c| {
                t.consensus
                    .iter()
                    .find(|k| k.criterion == c.code)
                    .map(|k| esc(&k.level))
                    .unwrap_or_else(|| "–".into())
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", esc(&t.label), levels.join(" | "));
    }
    let _ = writeln!(
        out,
        "\nConsensus levels by target and criterion ({}, version {}).\n",
        esc(&r.framework.title),
        r.framework.version
    );
    let _ = writeln!(out, "## The framework\n");
    if let Some(d) = &r.framework.description {
        for p in paragraphs(d) {
            let _ = writeln!(out, "{}\n", esc(&p));
        }
    }
    for c in criteria {
        let _ = writeln!(out, "**{}**", esc(&c.label));
        if let Some(d) = &c.description {
            let _ = writeln!(out, ": {}", esc(d));
        }
        out.push('\n');
        for l in &c.levels {
            let descriptor = l
                .descriptor
                .as_deref()
                .map(|d| format!(": {}", esc(d)))
                .unwrap_or_default();
            let _ = writeln!(out, "{}. **{}**{descriptor}", l.rank, esc(&l.label));
        }
        out.push('\n');
    }
    for t in &r.targets {
        assessment(out, snap, r, t);
    }
}

fn assessment(out: &mut String, snap: &Snapshot, r: &Round, t: &Assessment) {
    let kind = if t.kind == "initiative" {
        "Initiative"
    } else {
        "Mechanism"
    };
    let place = t
        .country
        .as_deref()
        .map(esc)
        .unwrap_or_else(|| "regional or international".into());
    let _ = writeln!(out, "## {}\n\n*{kind} · {place}*\n", esc(&t.label));
    if let Some(i) = &t.initiative {
        let record: Vec<&str> = i
            .citations
            .iter()
            .map(|c| c.about.as_str())
            .filter(|a| !PARTNER_NOTES.contains(a))
            .collect();
        let partners = (!i.partners.is_empty()).then(|| {
            i.partners
                .iter()
                .map(|p| match &p.role {
                    Some(r) => format!("{} ({r})", p.organization),
                    None => p.organization.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        let _ = writeln!(out, "| | |\n|:---|:---|");
        let mut rows = vec![
            ("Initiative", esc(&i.title) + &notes(snap, &i.citations, &record)),
            ("Kind", esc(&i.kind)),
            ("Country", or_missing(t.country.clone())),
        ];
        if let Some(m) = &i.mechanism {
            rows.push(("Mechanism", esc(m)));
        }
        rows.push(("Started", or_missing(i.started_on.as_deref().map(fmt_date))));
        if let Some(e) = &i.ended_on {
            rows.push(("Ended", esc(&fmt_date(e))));
        }
        rows.push(("Lead institution", or_missing(i.lead.clone())));
        rows.push((
            "Partners",
            or_missing(partners) + &notes(snap, &i.citations, &PARTNER_NOTES),
        ));
        for (name, value) in rows {
            let _ = writeln!(out, "| {name} | {value} |");
        }
        out.push('\n');
        if let Some(d) = &i.description {
            for p in paragraphs(d) {
                let _ = writeln!(out, "{}\n", esc(&p));
            }
        }
    }
    let _ = writeln!(
        out,
        "**Assessment** ({}, version {}):\n",
        esc(&r.framework.title),
        r.framework.version
    );
    for c in &r.framework.criteria {
        let Some(k) = t.consensus.iter().find(|k| k.criterion == c.code) else {
            let _ = writeln!(out, "- **{}**: *no consensus recorded yet.*", esc(&c.label));
            continue;
        };
        let _ = write!(
            out,
            "- **{}**: **{}** (level {} of {}). {}{}",
            esc(&c.label),
            esc(&k.level),
            k.rank,
            k.of,
            esc(&k.rationale),
            evidence_notes(snap, &k.evidence)
        );
        if let Some(change) = &k.change {
            let what = if change.level == k.level {
                format!("Unchanged since {}: {}", esc(&change.edition), esc(&k.level))
            } else {
                format!(
                    "Change since {}: {} → {}",
                    esc(&change.edition),
                    esc(&change.level),
                    esc(&k.level)
                )
            };
            let evidence = if k.evidence.is_empty() {
                String::new()
            } else {
                format!(" (evidence: {})", evidence_refs(&k.evidence))
            };
            let _ = write!(out, " {what}{evidence}.");
        }
        out.push('\n');
        for x in &k.ratings {
            let refs = if x.evidence.is_empty() {
                String::new()
            } else {
                format!(" ({})", evidence_refs(&x.evidence))
            };
            let _ = writeln!(
                out,
                "    - Rater {}: {}. {}{refs}",
                esc(&x.rater),
                esc(&x.level),
                esc(&x.rationale)
            );
        }
    }
    out.push('\n');
}
