//! A mechanism's profile page, `profiles/SLUG.html`: the table of facts with their sources,
//! the narrative, the status history and the activities.

use nmp_i18n::{t, t_args};

use super::pages::{Fact, ProfilePage, Shared, esc, rec};
use super::pieces::{heading_by_key, part_href, sources};
use crate::snapshot::{Part, Profile};
use crate::text::{fmt_date_in, paragraphs};

/// The page of the profile `p`, under its `part`.
pub(super) fn profile<'a>(s: &'a Shared, part: &Part, p: &'a Profile) -> ProfilePage<'a> {
    let lang = s.lang;
    let date = |d: &Option<String>| d.as_deref().map(|d| fmt_date_in(lang, d)).unwrap_or_default();
    let instrument = p
        .instrument
        .as_ref()
        .map(|i| {
            let mut parts = vec![match &i.number {
                Some(n) => t_args(lang, "rs-instrument-number", &[("kind", &i.kind), ("number", n)]),
                None => i.kind.clone(),
            }];
            parts.extend(i.title.clone());
            parts.extend(i.date.as_deref().map(|d| fmt_date_in(lang, d)));
            parts.join(", ")
        })
        .unwrap_or_default();
    // The snapshot's labels are in the edition's language (`crate::text::vocab`), the page's.
    let plain_member = crate::text::vocab::<nmp_core::vocab::MemberRole>(lang, "member");
    let members = p
        .members
        .iter()
        .map(|m| {
            if m.role == plain_member {
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
    let kind = t_args(
        lang,
        "rs-type-level",
        &[("kind", &p.kind), ("level", &p.level.to_lowercase())],
    );
    let mut facts = vec![
        Fact::new(
            t(lang, "rs-country"),
            p.country.clone().unwrap_or_default(),
            vec![],
            true,
        ),
        Fact::new(
            t(lang, "rs-regional-group"),
            p.group.clone().unwrap_or_default(),
            vec![],
            false,
        ),
        Fact::new(t(lang, "rs-type"), kind, vec![], false),
        Fact::new(
            t(lang, "rs-established"),
            date(&p.created_on),
            sources(&p.citations, &["created_on"]),
            false,
        ),
        Fact::new(
            t(lang, "rs-launched"),
            date(&p.launched_on),
            sources(&p.citations, &["launched_on"]),
            false,
        ),
        Fact::new(
            t(lang, "rs-founding-instrument"),
            instrument,
            sources(&p.citations, &["instrument"]),
            false,
        ),
        Fact::new(
            t(lang, "rs-lead-institution"),
            p.lead.clone().unwrap_or_default(),
            vec![],
            true,
        ),
        Fact::new(t(lang, "rs-members"), members, sources(&p.citations, &["member"]), true),
        Fact::new(t(lang, "rs-functions"), functions, vec![], true),
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
                    heading_by_key(lang, "rs-narrative", &n.key, &n.heading),
                    paragraphs(&n.text),
                    sources(&p.citations, &[n.key.as_str()]),
                )
            })
            .collect(),
        text_gap: t_args(lang, "rs-profile-missing", &[("page", &page)]),
        // The status history and the activities as HTML: the record's words marked English on a
        // French or Spanish page, the dates in the page's language.
        statuses: p
            .statuses
            .iter()
            .map(|x| {
                let mut line = esc(&x.status);
                if let Some(on) = &x.on {
                    line.push_str(&format!(", {}", esc(&fmt_date_in(lang, on))));
                }
                if let Some(n) = &x.note {
                    line.push_str(&format!(" — {}", rec(lang, n)));
                }
                line
            })
            .collect(),
        status_sources: sources(&p.citations, &["status"]),
        activities: p
            .activities
            .iter()
            .map(|a| {
                let mut line = t_args(
                    lang,
                    "rs-dated",
                    &[
                        ("date", &esc(&fmt_date_in(lang, &a.on))),
                        ("text", &rec(lang, &format!("{} ({})", a.title, a.kind))),
                    ],
                );
                if let Some(d) = &a.description {
                    line.push_str(&format!(". {}", rec(lang, d)));
                }
                line
            })
            .collect(),
        activity_sources: sources(&p.citations, &["activity"]),
    }
}
