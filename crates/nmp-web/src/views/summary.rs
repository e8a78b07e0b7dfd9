//! The paragraph a country page leads with: a few sentences generated from the cited facts below
//! it (what the mechanism is, since when, where it stands, what it has done, which networks the
//! state belongs to), each sentence carrying the notes of the facts it states. Nothing is said
//! that the page does not show with its source; a fact not recorded is left out, not guessed.

use serde::Serialize;
use utoipa::ToSchema;

use super::Cite;
use super::countries::CountryDetail;
use super::mechanisms::MechanismDetail;

/// One sentence of the summary, with the notes of the facts it states.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// The citations of the facts it states, in note order.
    pub cites: Vec<Cite>,
}

/// The year of a date (`2012-05-03` → `2012`), or the date as it is when it has no year first.
fn year(date: &str) -> &str {
    date.get(..4)
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or(date)
}

/// `a`, `a and b`, `a, b and c`.
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Cites in note order, each note once.
fn notes(mut cites: Vec<Cite>) -> Vec<Cite> {
    cites.sort_by_key(|c| c.note);
    cites.dedup_by_key(|c| c.note);
    cites
}

/// A country's name as running text takes it: "the Democratic Republic of the Congo", "the
/// Netherlands", "Kenya" (names of a union, a republic or kingdom by its form, or a plural).
fn in_text(name: &str) -> String {
    const WITH_THE: [&str; 11] = [
        "Republic",
        "Kingdom",
        "United ",
        "Federation",
        "Islands",
        "Netherlands",
        "Philippines",
        "Gambia",
        "Bahamas",
        "Comoros",
        "Holy See",
    ];
    let plain = ["Czechia", "Dominica"];
    if WITH_THE.iter().any(|w| name.contains(w)) && !plain.contains(&name) && !name.starts_with("The ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The same at the start of a sentence.
fn starting(name: &str) -> String {
    let text = in_text(name);
    match text.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => text,
    }
}

/// "a committee" / "an observatory".
fn article(noun: &str) -> &'static str {
    match noun.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// The sentences about one mechanism: what it is and since when, where it stands, what it has
/// done and who takes part.
fn mechanism(m: &MechanismDetail, lead: String) -> Vec<Sentence> {
    let mut out = Vec::new();
    let name = match &m.item.acronym {
        Some(a) => format!("{} ({a})", m.item.name),
        None => m.item.name.clone(),
    };
    let noun = if m.item.kind == "other" {
        "body".to_string()
    } else {
        m.type_label.to_lowercase()
    };
    let kind = format!("{} {noun}", m.level_label.to_lowercase());
    let mut text = format!("{lead} {name}, {} {kind}", article(&kind));
    let mut cites: Vec<Cite> = m
        .cites
        .iter()
        .filter(|c| matches!(c.field.as_deref(), None | Some("name" | "type")))
        .cloned()
        .collect();
    match (&m.item.created_on, &m.item.launched_on) {
        (Some(c), _) => {
            text.push_str(&format!(", created in {}", year(c)));
            cites.extend(m.marks("created_on").into_iter().cloned());
        }
        (None, Some(l)) => {
            text.push_str(&format!(", launched in {}", year(l)));
            cites.extend(m.marks("launched_on").into_iter().cloned());
        }
        (None, None) => {}
    }
    if let Some(i) = &m.instrument {
        text.push_str(&format!(
            " by {} {}",
            article(&i.kind_label),
            i.kind_label.to_lowercase()
        ));
        cites.extend(m.marks("instrument").into_iter().cloned());
    }
    text.push('.');
    out.push(Sentence {
        text,
        cites: notes(cites),
    });

    // Where it stands: the latest dated status (or the only one).
    let latest = m
        .statuses
        .iter()
        .rfind(|s| Some(&s.status) == m.item.status.as_ref())
        .or_else(|| m.statuses.last());
    if let Some(s) = latest {
        let when = match &s.on {
            Some(on) => format!(" ({})", year(on)),
            None => String::new(),
        };
        out.push(Sentence {
            text: format!("Its latest recorded status is “{}”{when}.", s.label.to_lowercase()),
            cites: notes(s.cites.clone()),
        });
    }

    // What it has done: how many activities, and the latest.
    if let Some(last) = m.activities.iter().max_by(|a, b| a.on.cmp(&b.on)) {
        let n = m.activities_total;
        let text = if n == 1 {
            format!("One activity is recorded: {} ({}).", last.title, year(&last.on))
        } else {
            format!(
                "{n} activities are recorded, the latest {} ({}).",
                last.title,
                year(&last.on)
            )
        };
        out.push(Sentence {
            text,
            cites: notes(last.cites.clone()),
        });
    }

    // Who takes part.
    if !m.members.is_empty() {
        let n = m.members.len();
        let text = if n == 1 {
            format!(
                "One member institution is recorded: {}.",
                m.members[0].organization.name
            )
        } else {
            format!("{n} member institutions are recorded.")
        };
        out.push(Sentence {
            text,
            cites: notes(m.members.iter().flat_map(|x| x.cites.iter().cloned()).collect()),
        });
    }
    out
}

/// The summary of a country page.
pub(crate) fn of_country(c: &CountryDetail) -> Vec<Sentence> {
    let name = starting(&c.item.name);
    let inside = in_text(&c.item.name);
    let mut out = Vec::new();
    match c.mechanisms.as_slice() {
        [] => out.push(Sentence {
            text: format!(
                "No national mechanism is recorded for {inside} in the sources NMP holds (which does not mean none exists)."
            ),
            cites: Vec::new(),
        }),
        [one] => out.extend(mechanism(one, format!("{name} has one recorded mechanism, the"))),
        many => {
            out.push(Sentence {
                text: format!(
                    "{name} has {} recorded mechanisms: {}.",
                    many.len(),
                    join(&many.iter().map(|m| m.item.name.clone()).collect::<Vec<_>>())
                ),
                cites: Vec::new(),
            });
            for m in many {
                out.extend(mechanism(m, "One is the".to_string()));
            }
        }
    }
    let current: Vec<_> = c.network_memberships.iter().filter(|n| n.left_on.is_none()).collect();
    if !current.is_empty() {
        let names: Vec<String> = current.iter().map(|n| n.name.clone()).collect();
        out.push(Sentence {
            text: format!(
                "{name} belongs to {} prevention {}: {}.",
                if current.len() == 1 {
                    "one".to_string()
                } else {
                    current.len().to_string()
                },
                if current.len() == 1 { "network" } else { "networks" },
                join(&names)
            ),
            cites: notes(current.iter().flat_map(|n| n.cites.iter().cloned()).collect()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{in_text, join, starting, year};

    #[test]
    fn country_names_take_the_article_running_text_gives_them() {
        assert_eq!(
            starting("Democratic Republic of the Congo"),
            "The Democratic Republic of the Congo"
        );
        assert_eq!(in_text("Central African Republic"), "the Central African Republic");
        assert_eq!(in_text("United States of America"), "the United States of America");
        assert_eq!(in_text("Netherlands"), "the Netherlands");
        for plain in ["Kenya", "Czechia", "Dominica", "Argentina"] {
            assert_eq!(starting(plain), plain);
        }
    }

    #[test]
    fn years_and_lists_read_as_prose() {
        assert_eq!(year("2014-12-05"), "2014");
        assert_eq!(year("undated"), "undated");
        assert_eq!(join(&["a".to_string()]), "a");
        assert_eq!(join(&["a".to_string(), "b".to_string(), "c".to_string()]), "a, b and c");
    }
}
