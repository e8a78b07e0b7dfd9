//! An essay from the editorial workflow on `essays.html`: its authors with their ORCID links,
//! abstract, keywords, text (the HTML `nmp-essay` rendered when the snapshot was built) and
//! declarations.
//!
//! Its few labels are here, in English, French and Spanish, rather than in `nmp-i18n`'s
//! `report.ftl` (owned by another crate); they may move there as `rs-essay-*` messages.

use nmp_i18n::Lang;

use super::pages::{EssayView, esc};
use crate::snapshot::EssayMeta;
use crate::text::fmt_date_in;

/// The labels: abstract, keywords, competing interests, none declared, received, accepted.
struct Labels {
    abstract_label: &'static str,
    keywords: &'static str,
    competing: &'static str,
    none_declared: &'static str,
    received: &'static str,
    accepted: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Fr => Labels {
            abstract_label: "Résumé",
            keywords: "Mots-clés",
            competing: "Conflits d'intérêts",
            none_declared: "aucun déclaré",
            received: "Reçu le",
            accepted: "accepté le",
        },
        Lang::Es => Labels {
            abstract_label: "Resumen",
            keywords: "Palabras clave",
            competing: "Conflictos de intereses",
            none_declared: "ninguno declarado",
            received: "Recibido el",
            accepted: "aceptado el",
        },
        _ => Labels {
            abstract_label: "Abstract",
            keywords: "Keywords",
            competing: "Competing interests",
            none_declared: "none declared",
            received: "Received",
            accepted: "accepted",
        },
    }
}

/// The essay's HTML placed under its `<h2>` title on a page of several essays: its headings and
/// the heading of its notes one level further down (`<h2>` becomes `<h3>`; `<h6>` stays), and
/// its notes' ids prefixed with the essay's `anchor` so that two essays' ids never clash. (Only
/// markup is touched: `nmp-essay` escapes every `<` and `"` the author wrote.)
fn placed(html: &str, anchor: &str) -> String {
    let mut out = html.to_string();
    for level in (2..=5).rev() {
        let down = level + 1;
        out = out
            .replace(&format!("<h{level}>"), &format!("<h{down}>"))
            .replace(&format!("<h{level} "), &format!("<h{down} "))
            .replace(&format!("</h{level}>"), &format!("</h{down}>"));
    }
    // A figure's id only: its classes (`essay-figure-label`, …) start the same way.
    out = out.replace("id=\"essay-figure-", &format!("id=\"{anchor}-figure-"));
    for what in ["note", "cite"] {
        out = out
            .replace(&format!("\"essay-{what}-"), &format!("\"{anchor}-{what}-"))
            .replace(&format!("\"#essay-{what}-"), &format!("\"#{anchor}-{what}-"));
    }
    out
}

/// The view of an essay's meta on the page in `lang`; `anchor` is the essay's on the page.
pub(super) fn view(m: &EssayMeta, lang: Lang, anchor: &str) -> EssayView {
    let l = labels(lang);
    let authors = m
        .authors
        .iter()
        .map(|a| {
            let mut html = esc(&a.name);
            if let Some(aff) = &a.affiliation {
                html.push_str(&format!(" <span class=\"muted\">({})</span>", esc(aff)));
            }
            if let Some(orcid) = &a.orcid {
                html.push_str(&format!(
                    " <a class=\"orcid small\" href=\"https://orcid.org/{id}\">ORCID {id}</a>",
                    id = esc(orcid)
                ));
            }
            html
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut dates = Vec::new();
    if let Some(d) = &m.received {
        dates.push(format!("{} {}", l.received, fmt_date_in(lang, d)));
    }
    if let Some(d) = &m.accepted {
        dates.push(format!("{} {}", l.accepted, fmt_date_in(lang, d)));
    }
    EssayView {
        authors,
        abstract_label: l.abstract_label,
        abstract_text: m.abstract_text.clone(),
        keywords_label: l.keywords,
        keywords: m.keywords.join(", "),
        html: placed(&m.html, anchor),
        competing_label: l.competing,
        competing_interests: if m.competing_interests.is_empty() {
            l.none_declared.to_string()
        } else {
            m.competing_interests.clone()
        },
        licence: m.licence.clone(),
        dates: dates.join(" · "),
    }
}
