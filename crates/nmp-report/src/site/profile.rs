//! A mechanism's profile page, `profiles/SLUG.html`: the table of facts with their sources,
//! the narrative, the status history and the activities.

use super::pages::{ProfilePage, Shared};
use super::pieces::{part_href, sources};
use crate::snapshot::{Part, Profile};
use crate::text::{fmt_date, paragraphs};

/// The page of the profile `p`, under its `part`.
pub(super) fn profile<'a>(s: &'a Shared, part: &Part, p: &'a Profile) -> ProfilePage<'a> {
    let date = |d: &Option<String>| d.as_deref().map(fmt_date).unwrap_or_default();
    let instrument = p
        .instrument
        .as_ref()
        .map(|i| {
            let mut parts = vec![match &i.number {
                Some(n) => format!("{} no. {n}", i.kind),
                None => i.kind.clone(),
            }];
            parts.extend(i.title.clone());
            parts.extend(i.date.as_deref().map(fmt_date));
            parts.join(", ")
        })
        .unwrap_or_default();
    let members = p
        .members
        .iter()
        .map(|m| {
            if m.role == "Member" {
                m.organization.clone()
            } else {
                format!("{} ({})", m.organization, m.role.to_lowercase())
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let functions = p
        .functions
        .iter()
        .map(|f| format!("{} ({})", f.function, f.level.to_lowercase()))
        .collect::<Vec<_>>()
        .join("; ");
    let mut facts = vec![
        ("Country", p.country.clone().unwrap_or_default(), vec![]),
        ("Regional group", p.group.clone().unwrap_or_default(), vec![]),
        ("Type", format!("{} · {} level", p.kind, p.level.to_lowercase()), vec![]),
        (
            "Established",
            date(&p.created_on),
            sources(&p.citations, &["created_on"]),
        ),
        (
            "Launched",
            date(&p.launched_on),
            sources(&p.citations, &["launched_on"]),
        ),
        (
            "Founding instrument",
            instrument,
            sources(&p.citations, &["instrument"]),
        ),
        ("Lead institution", p.lead.clone().unwrap_or_default(), vec![]),
        ("Members", members, sources(&p.citations, &["member"])),
        ("Functions", functions, vec![]),
    ];
    if p.group.is_none() {
        facts.remove(1);
    }
    let page = p.page.map(|n| format!(" (p. {n})")).unwrap_or_default();
    ProfilePage {
        s,
        root: "../",
        p,
        part_href: part_href(part),
        part_title: part.title.clone(),
        record_sources: sources(&p.citations, &["mechanism", "profile"]),
        facts,
        narrative: p
            .narrative
            .iter()
            .map(|n| {
                (
                    n.heading.clone(),
                    paragraphs(&n.text),
                    sources(&p.citations, &[n.key.as_str()]),
                )
            })
            .collect(),
        text_gap: format!(
            "The text of this profile in the original edition{page} is not in the database; the facts above are those on record, each cited."
        ),
        statuses: p
            .statuses
            .iter()
            .map(|x| {
                let mut line = x.status.clone();
                if let Some(on) = &x.on {
                    line.push_str(&format!(", {}", fmt_date(on)));
                }
                if let Some(n) = &x.note {
                    line.push_str(&format!(" — {n}"));
                }
                line
            })
            .collect(),
        status_sources: sources(&p.citations, &["status"]),
        activities: p
            .activities
            .iter()
            .map(|a| {
                let mut line = format!("{}: {} ({})", fmt_date(&a.on), a.title, a.kind);
                if let Some(d) = &a.description {
                    line.push_str(&format!(". {d}"));
                }
                line
            })
            .collect(),
        activity_sources: sources(&p.citations, &["activity"]),
    }
}
