//! A mechanism's profile in Markdown: its heading, the table of facts, its mandate, the
//! narrative, its status history and activities, each with its footnotes.

use std::fmt::Write as _;

use super::markup::{esc, gap, notes, or_missing};
use crate::snapshot::{Profile, Snapshot};
use crate::text::{fmt_date, paragraphs};

/// A profile under its part.
pub(super) fn profile(out: &mut String, snap: &Snapshot, p: &Profile) {
    let _ = writeln!(out, "## {}\n", esc(&p.heading));
    let mut lead = Vec::new();
    if p.name != p.heading {
        lead.push(format!("**{}**", esc(&p.name)));
    }
    if let Some(a) = &p.acronym {
        lead.push(format!("({})", esc(a)));
    }
    if let Some(l) = &p.local_name {
        lead.push(format!("— *{}*", esc(l)));
    }
    if lead.is_empty() {
        lead.push("Sources on the record".into());
    }
    let _ = writeln!(
        out,
        "{}{}\n",
        lead.join(" "),
        notes(
            snap,
            &p.citations,
            &[
                "mechanism",
                "profile",
                "name",
                "acronym",
                "created_on",
                "launched_on",
                "instrument",
                "lead_organization",
                "mandate",
                "website",
                "country"
            ]
        )
    );
    let instrument = p.instrument.as_ref().map(|i| {
        let mut parts = vec![match &i.number {
            Some(n) => format!("{} no. {n}", i.kind),
            None => i.kind.clone(),
        }];
        parts.extend(i.title.clone());
        parts.extend(i.date.as_deref().map(fmt_date));
        parts.join(", ")
    });
    let members = (!p.members.is_empty()).then(|| {
        p.members
            .iter()
            .map(|m| {
                if m.role == "Member" {
                    m.organization.clone()
                } else {
                    format!("{} ({})", m.organization, m.role.to_lowercase())
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let functions = (!p.functions.is_empty()).then(|| {
        p.functions
            .iter()
            .map(|f| format!("{} ({})", f.function, f.level.to_lowercase()))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let _ = writeln!(out, "| | |\n|:---|:---|");
    let rows = [
        ("Country", or_missing(p.country.clone())),
        ("Regional group", or_missing(p.group.clone())),
        ("Type", esc(&format!("{} · {} level", p.kind, p.level.to_lowercase()))),
        ("Established", or_missing(p.created_on.as_deref().map(fmt_date))),
        ("Launched", or_missing(p.launched_on.as_deref().map(fmt_date))),
        ("Founding instrument", or_missing(instrument)),
        ("Lead institution", or_missing(p.lead.clone())),
        ("Members", or_missing(members) + &notes(snap, &p.citations, &["member"])),
        ("Functions", or_missing(functions)),
    ];
    for (name, value) in rows {
        let _ = writeln!(out, "| {name} | {value} |");
    }
    out.push('\n');
    if let Some(m) = &p.mandate {
        let _ = writeln!(out, "### Mandate\n\n{}\n", esc(m));
    }
    for n in &p.narrative {
        let _ = writeln!(
            out,
            "### {}{}\n",
            esc(&n.heading),
            notes(snap, &p.citations, &[n.key.as_str()])
        );
        for para in paragraphs(&n.text) {
            let _ = writeln!(out, "{}\n", esc(&para));
        }
    }
    if p.narrative.is_empty() {
        let page = p.page.map(|n| format!(" (p. {n})")).unwrap_or_default();
        gap(
            out,
            &format!(
                "The text of this profile in the original edition{page} is not in the database; the facts above are those on record, each cited."
            ),
        );
    }
    if !p.statuses.is_empty() {
        let _ = writeln!(out, "### Status history{}\n", notes(snap, &p.citations, &["status"]));
        for s in &p.statuses {
            let mut line = format!("- **{}**", esc(&s.status));
            if let Some(on) = &s.on {
                let _ = write!(line, ", {}", fmt_date(on));
            }
            if let Some(n) = &s.note {
                let _ = write!(line, " — {}", esc(n));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !p.activities.is_empty() {
        let _ = writeln!(out, "### Activities{}\n", notes(snap, &p.citations, &["activity"]));
        for a in &p.activities {
            let mut line = format!("- {}: {} ({})", fmt_date(&a.on), esc(&a.title), esc(&a.kind));
            if let Some(d) = &a.description {
                let _ = write!(line, ". {}", esc(d));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if let Some(n) = &p.note {
        let _ = writeln!(out, "### Notes on the record\n\n{}\n", esc(n));
    }
}
