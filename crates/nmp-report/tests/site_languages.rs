//! An edition's static site in the edition's language (issue 22): a French or Spanish edition's
//! pages have their `lang`, fixed labels, headings, navigation, skip link, draft notice, footer,
//! dates and citation words in that language, while the record's data (names, titles, texts)
//! stay as recorded and are marked `lang="en"`; an English edition's site is as it was.

use nmp_store::Set;
use nmp_store::entity::edition;
use nmp_store::testing::engines;

/// The site's page `name` as text.
fn file(site: &[(String, Vec<u8>)], name: &str) -> String {
    let bytes = &site
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("the site has {name}"))
        .1;
    String::from_utf8(bytes.clone()).unwrap()
}

/// Every HTML page of the site: name and text.
fn pages(site: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
    site.iter()
        .filter(|(n, _)| n.ends_with(".html"))
        .map(|(n, b)| (n.clone(), String::from_utf8(b.clone()).unwrap()))
        .collect()
}

/// `text` escaped as the templates escape it.
fn esc(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A date with at least a month (`2014-12`, `2014-12-01`) as a page in `code` writes it.
fn in_words(code: &str, date: &str) -> Option<String> {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    let names = match code {
        "fr" => &FR,
        "es" => &ES,
        _ => &EN,
    };
    let month = *names.get(parts.get(1)?.parse::<usize>().ok()? - 1)?;
    let year = parts[0];
    let day = parts.get(2).map(|d| d.parse::<u32>().unwrap());
    Some(match (code, day) {
        ("es", None) => format!("{month} de {year}"),
        ("es", Some(d)) => format!("{d} de {month} de {year}"),
        ("fr", Some(1)) => format!("1er {month} {year}"),
        (_, None) => format!("{month} {year}"),
        (_, Some(d)) => format!("{d} {month} {year}"),
    })
}

/// Keys of messages that a page printed instead of their text (a message missing in English).
fn message_keys(html: &str) -> Vec<String> {
    html.match_indices("rs-")
        .filter(|(i, _)| !html[..*i].ends_with(|c: char| c.is_alphanumeric()))
        .map(|(i, _)| html[i..].chars().take(30).collect())
        .collect()
}

/// What each language's pages say where English says something else.
struct Words {
    code: &'static str,
    /// Phrases of the front page (headings, contents, colophon, footer, skip link, draft notice).
    index: [&'static str; 7],
    /// The navigation's entries.
    nav: [&'static str; 4],
    /// The headings of the overview, regions, themes, annex and bibliography pages.
    h1: [&'static str; 5],
    /// A profile's fact labels.
    facts: [&'static str; 3],
    /// The words of the citation (`and`, `edition`).
    cite: &'static str,
}

const ENGLISH: Words = Words {
    code: "en",
    index: [
        "<h2 id=\"contents\">Contents</h2>",
        "<h2 id=\"about\">About this edition</h2>",
        "<h3>How the figures are computed</h3>",
        "<dt>How to cite</dt>",
        "<strong>How to cite:</strong>",
        "<a class=\"skip\" href=\"#main\">Skip to content</a>",
        "<p class=\"draft\" role=\"note\">DRAFT: not for circulation; facts and layout may still change.</p>",
    ],
    nav: [
        "<li><a href=\"index.html\">Contents</a></li>",
        "<li><a href=\"overview.html\">Overview</a></li>",
        "<li><a href=\"annex.html\">Annex</a></li>",
        "<li><a href=\"bibliography.html\">Bibliography</a></li>",
    ],
    h1: [
        "<h1>Global overview</h1>",
        "<h1>Regional overview</h1>",
        "<h1>Civil society, corporations and religious organisations</h1>",
        "<h1>Annex: data tables</h1>",
        "<h1>Bibliography</h1>",
    ],
    facts: ["<dt>Country</dt>", "<dt>Established</dt>", "<dt>Lead institution</dt>"],
    cite: ", edition 2017.",
};

const FRENCH: Words = Words {
    code: "fr",
    index: [
        "<h2 id=\"contents\">Table des matières</h2>",
        "<h2 id=\"about\">À propos de cette édition</h2>",
        "<h3>Comment les chiffres sont calculés</h3>",
        "<dt>Comment citer</dt>",
        "<strong>Comment citer :</strong>",
        "<a class=\"skip\" href=\"#main\">Aller au contenu</a>",
        "<p class=\"draft\" role=\"note\">BROUILLON : ne pas diffuser ; les faits et la mise en page peuvent encore changer.</p>",
    ],
    nav: [
        "<li><a href=\"index.html\">Table des matières</a></li>",
        "<li><a href=\"overview.html\">Vue d'ensemble</a></li>",
        "<li><a href=\"annex.html\">Annexe</a></li>",
        "<li><a href=\"bibliography.html\">Bibliographie</a></li>",
    ],
    h1: [
        "<h1>Vue d'ensemble mondiale</h1>",
        "<h1>Vue d'ensemble régionale</h1>",
        "<h1>Société civile, entreprises et organisations religieuses</h1>",
        "<h1>Annexe : tableaux de données</h1>",
        "<h1>Bibliographie</h1>",
    ],
    facts: ["<dt>Pays</dt>", "<dt>Créé</dt>", "<dt>Institution chef de file</dt>"],
    cite: ", édition 2017.",
};

const SPANISH: Words = Words {
    code: "es",
    index: [
        "<h2 id=\"contents\">Índice</h2>",
        "<h2 id=\"about\">Acerca de esta edición</h2>",
        "<h3>Cómo se calculan las cifras</h3>",
        "<dt>Cómo citar</dt>",
        "<strong>Cómo citar:</strong>",
        "<a class=\"skip\" href=\"#main\">Ir al contenido</a>",
        "<p class=\"draft\" role=\"note\">BORRADOR: no difundir; los hechos y la maquetación aún pueden cambiar.</p>",
    ],
    nav: [
        "<li><a href=\"index.html\">Índice</a></li>",
        "<li><a href=\"overview.html\">Panorama</a></li>",
        "<li><a href=\"annex.html\">Anexo</a></li>",
        "<li><a href=\"bibliography.html\">Bibliografía</a></li>",
    ],
    h1: [
        "<h1>Panorama mundial</h1>",
        "<h1>Panorama regional</h1>",
        "<h1>Sociedad civil, empresas y organizaciones religiosas</h1>",
        "<h1>Anexo: cuadros de datos</h1>",
        "<h1>Bibliografía</h1>",
    ],
    facts: ["<dt>País</dt>", "<dt>Creado</dt>", "<dt>Institución principal</dt>"],
    cite: ", edición 2017.",
};

/// Checks the site of `draft` against `words` (and that it says none of `others`' phrases).
fn check(draft: &nmp_report::Edition, words: &Words, others: &[&Words]) {
    let code = words.code;
    let snap = &draft.snapshot;
    let site = nmp_report::site::build(draft).unwrap();
    let index = file(&site, "index.html");
    let one_of = |phrase: &str| -> bool { index.contains(phrase) };
    for (name, html) in pages(&site) {
        // Each page says its language, and names no message by its key.
        assert!(
            html.starts_with(&format!("<!doctype html>\n<html lang=\"{code}\">\n")),
            "{code}: {name} says its language"
        );
        assert_eq!(message_keys(&html), Vec::<String>::new(), "{code}: {name}");
        // Every page has the skip link, the draft notice and the footer in the language.
        for phrase in &words.index[4..] {
            assert!(html.contains(phrase), "{code}: {name} says {phrase:?}");
        }
        for other in others {
            for phrase in other.index[4..].iter().chain(&other.nav) {
                assert!(!html.contains(phrase), "{code}: {name} still says {phrase:?}");
            }
        }
        // An English page marks nothing as English; a French or Spanish one marks record data.
        let marked = html.matches(" lang=\"en\"").count() - html.matches("<html lang=\"en\"").count();
        if code == "en" {
            assert_eq!(marked, 0, "{name}");
        } else {
            assert!(marked > 0, "{code}: {name} marks its record data as English");
        }
    }
    for phrase in words.index.iter().chain(&words.nav) {
        assert!(one_of(phrase), "{code}: the front page says {phrase:?}");
    }
    for other in others {
        for phrase in other.index.iter().chain(&other.nav) {
            assert!(!one_of(phrase), "{code}: the front page still says {phrase:?}");
        }
    }
    let h1_pages = [
        "overview.html",
        "regions.html",
        "themes.html",
        "annex.html",
        "bibliography.html",
    ];
    for (page, h1) in h1_pages.iter().zip(words.h1) {
        let html = file(&site, page);
        assert!(html.contains(h1), "{code}: {page} is headed {h1:?}");
        for other in others {
            let theirs = other.h1[h1_pages.iter().position(|p| p == page).unwrap()];
            assert!(!html.contains(theirs), "{code}: {page} is still headed {theirs:?}");
        }
    }

    // The citation's own words are in the language; the edition's kind stays as recorded.
    let cite = format!("{}{}", esc(&snap.edition.kind), words.cite);
    assert!(index.contains(&cite), "{code}: the citation ends {cite:?}");

    // The dates of the bibliography are written in the language.
    let bibliography = file(&site, "bibliography.html");
    let dates: Vec<String> = snap
        .bibliography
        .iter()
        .filter_map(|s| s.published_on.as_deref().and_then(|d| in_words(code, d)))
        .collect();
    assert!(!dates.is_empty(), "the 2017 bibliography has dated sources");
    for date in &dates {
        assert!(
            bibliography.contains(date.as_str()),
            "{code}: the bibliography writes {date:?}"
        );
    }

    // Record names: the states and mechanisms of the annex, the profiles of the contents; marked
    // English on a French or Spanish page, as they were on an English one.
    let en = if code == "en" { "" } else { " lang=\"en\"" };
    let annex = file(&site, "annex.html");
    let country = snap
        .overview
        .countries
        .iter()
        .find(|c| !c.mechanisms.is_empty())
        .expect("a state with a mechanism");
    assert!(
        annex.contains(&format!("<td{en}>{}</td>", esc(&country.name))),
        "{code}: the annex names {}",
        country.name
    );
    let part = snap
        .parts
        .iter()
        .find(|p| !p.profiles.is_empty())
        .expect("a part with profiles");
    let profile = &part.profiles[0];
    assert!(
        index.contains(&format!(
            "<a href=\"profiles/{}.html\"{en}>{}</a>",
            profile.slug,
            esc(&profile.heading)
        )),
        "{code}: the contents list {}",
        profile.heading
    );
    assert!(
        index.contains(&format!(
            "<a href=\"parts/{}.html\"{en}>{}</a>",
            part.key,
            esc(&part.title)
        )),
        "{code}: the contents list {}",
        part.title
    );
    let page = file(&site, &format!("profiles/{}.html", profile.slug));
    assert!(
        page.contains(&format!("<h1{en}>{}</h1>", esc(&profile.heading))),
        "{code}: the profile is headed {}",
        profile.heading
    );
    for label in words.facts {
        assert!(page.contains(label), "{code}: the profile says {label:?}");
    }
    for other in others {
        for label in other.facts {
            assert!(!page.contains(label), "{code}: the profile still says {label:?}");
        }
    }
}

#[tokio::test]
async fn an_edition_s_site_is_written_in_the_edition_s_language() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();

        // English, as it was: exact phrases of the templates and of the page builders.
        let english = nmp_report::load(s, "2017", true).await.unwrap();
        assert_eq!(english.snapshot.edition.language, "en");
        check(&english, &ENGLISH, &[&FRENCH, &SPANISH]);
        let site = nmp_report::site::build(&english).unwrap();
        let overview = file(&site, "overview.html");
        for phrase in [
            "<p>As of 2017, ",
            " had at least one national mechanism for the prevention of genocide and other atrocity crimes on record.</p>",
            "<figcaption>States with a national mechanism as of 2017. Natural Earth 1:110m; some small island states are too small to show.</figcaption>",
            "<th scope=\"col\">UN region</th><th scope=\"col\" class=\"num\">With a mechanism</th><th scope=\"col\" class=\"num\">States</th><th scope=\"col\" class=\"num\">Share</th>",
            "alt=\"World map: the states with a national mechanism as of 2017 in colour: ",
        ] {
            assert!(overview.contains(phrase), "overview.html says {phrase:?}");
        }
        let annex = file(&site, "annex.html");
        assert!(annex.contains(
            "<thead><tr><th scope=\"col\">State</th><th scope=\"col\">Mechanism</th><th scope=\"col\">Since</th><th scope=\"col\">Status</th><th scope=\"col\">Sources</th></tr></thead>"
        ));
        assert!(annex.contains(
            "its latest status by the edition's year, and the sources in the bibliography. A dagger (†) marks the mechanisms this edition profiles. The same data are in the <a href=\"../data/datapackage.json\">data package</a>.</p>"
        ));
        let index = file(&site, "index.html");
        assert!(index.contains(
            "where the record is silent, the report says &#34;not recorded&#34; rather than filling the gap.</p>"
        ));
        assert!(index.contains(&format!(
            "Built by NMP {} from the snapshot with SHA-256 <code>{}</code>. <a href=\"../report.pdf\">The report as PDF</a> · <a href=\"../data/datapackage.json\">The data package</a></p>",
            env!("CARGO_PKG_VERSION"),
            english.sha256
        )));
        assert!(index.contains(&format!(
            "<dd>SHA-256 <code>{}</code>: the same snapshot always gives the same report.</dd>",
            english.sha256
        )));
        let regions = file(&site, "regions.html");
        assert!(regions.contains("</strong> states of the group ("), "{regions}");
        assert!(regions.contains(") had a national mechanism on record as of 2017.</p>"));

        let cases: [(&Words, [&Words; 2]); 2] = [(&FRENCH, [&ENGLISH, &SPANISH]), (&SPANISH, [&ENGLISH, &FRENCH])];
        for (words, others) in cases {
            let code = words.code;
            let row = s.edition_rows("2017").await.unwrap().unwrap().edition;
            let mut w = s.writer("editor@example.org").await.unwrap();
            w.update::<edition::Entity>(row.edition_id, row.version, |e| e.language = Set(code.into()))
                .await
                .unwrap();
            w.commit().await.unwrap();

            let draft = nmp_report::load(s, "2017", true).await.unwrap();
            assert_eq!(draft.snapshot.edition.language, code);
            check(&draft, words, &others);

            // Sentences built by the site, in the language.
            let site = nmp_report::site::build(&draft).unwrap();
            let overview = file(&site, "overview.html");
            let regions = file(&site, "regions.html");
            let (lede, caption, group) = if code == "fr" {
                (
                    "<p>En 2017, ",
                    "<figcaption>États dotés d'un mécanisme national en 2017.",
                    "</strong> du groupe (",
                )
            } else {
                (
                    "<p>En 2017, ",
                    "<figcaption>Estados con un mecanismo nacional en 2017.",
                    "</strong> Estados del grupo (",
                )
            };
            assert!(overview.contains(lede), "{code}: {overview}");
            assert!(overview.contains(caption), "{code}: the map's caption");
            assert!(!overview.contains("As of 2017") && !overview.contains("as of 2017"));
            assert!(regions.contains(group), "{code}: {regions}");
            assert!(!regions.contains("states of the group"));
        }
        db.finish().await;
    }
}
