//! The analysis bench, the risk monitor, the comparison, the datasets, an indicator's page and
//! the error page in French and Spanish: their words translated, the records' words (names,
//! titles, assessments) and the charts left in English and marked `lang="en"`, the English pages
//! as they were. Two Early Warning Project releases are imported: **synthetic test data**
//! (made-up risks, fictional years 2031 and 2032; Kenya 31st then 12th, Kosovo outside the 195
//! states).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_ingest::testing::release;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    content_language: Option<String>,
    body: String,
}

async fn get(db: &TestDb, path: &str) -> Answer {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let response = app
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_language = response
        .headers()
        .get(header::CONTENT_LANGUAGE)
        .map(|v| v.to_str().unwrap().to_string());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_language,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

/// The starter dataset and two synthetic releases.
async fn seeded(db: &TestDb) {
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    for (year, kenya) in [(2031, 31), (2032, 12)] {
        let dir = release(year, kenya, true);
        nmp_ingest::import::ewp::import(&db.store, dir.path(), false, "test")
            .await
            .unwrap();
    }
}

/// Asserts that `page` has each of `present` and none of `absent`.
fn words(what: &str, page: &str, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(page.contains(p), "{what} lacks {p:?}: {page}");
    }
    for a in absent {
        assert!(!page.contains(a), "{what} still says {a:?}: {page}");
    }
}

/// The part of `page` from `from` to the next `to`.
fn part<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let rest = &page[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

/// A page translated as a whole: its `<main>` not marked as English.
const TRANSLATED: &str = "<main id=\"main\" class=\"wrap\">";

#[tokio::test]
async fn the_analysis_page_in_french_and_spanish_with_its_charts_and_records_in_english() {
    for db in engines().await {
        seeded(&db).await;
        let cases = [
            (
                "fr",
                [
                    "<h1>Analyse</h1>",
                    "Chiffres clés, selon l&#39;édition",
                    "<h2 id=\"fig-by-region\">États dotés d&#39;un mécanisme national, par région de l&#39;ONU, selon l&#39;édition",
                    "<h2 id=\"fig-high-risk\">Les 30 États les plus exposés au risque et les mécanismes nationaux (EWP 2032)</h2>",
                    "Étendue pangouvernementale",
                    "Groupe des États d&#39;Afrique",
                    "Entrés dans les 30 premiers depuis la dernière publication",
                    "<th scope=\"col\">Rang dans ewp-2031</th>",
                    "Également évalués, hors des 195 États : <span lang=\"en\">Kosovo</span> (XKX), rang 36, risque à deux ans 2,5\u{202F}% (<span lang=\"en\">Kosovo (COW 347)",
                    "exposées dans la <a href=\"/fr/about#method\">méthode</a>",
                    "figure sur la page <a href=\"/fr/risk\">Risque et capacités</a>.",
                    "Télécharger : <a href=\"/fr/analysis/figures/",
                ],
            ),
            (
                "es",
                [
                    "<h1>Análisis</h1>",
                    "Cifras clave, según la edición",
                    "<h2 id=\"fig-by-region\">Estados con un mecanismo nacional, por región de la ONU, según la edición",
                    "<h2 id=\"fig-high-risk\">Los 30 Estados con mayor riesgo y los mecanismos nacionales (EWP 2032)</h2>",
                    "Amplitud del conjunto del gobierno",
                    "Grupo de Estados de África",
                    "Entrados entre los 30 primeros desde la última publicación",
                    "<th scope=\"col\">Puesto en ewp-2031</th>",
                    "También evaluados, fuera de los 195 Estados: <span lang=\"en\">Kosovo</span> (XKX), puesto 36, riesgo a dos años 2,5\u{A0}% (<span lang=\"en\">Kosovo (COW 347)",
                    "se explican en el <a href=\"/es/about#method\">método</a>",
                    "se encuentra en <a href=\"/es/risk\">Riesgo y capacidad</a>.",
                    "Descargar: <a href=\"/es/analysis/figures/",
                ],
            ),
        ];
        for (code, present) in cases {
            let a = get(&db, &format!("/{code}/analysis")).await;
            assert_eq!(a.status, StatusCode::OK, "{code}");
            assert_eq!(a.content_language.as_deref(), Some(code));
            let page = &a.body;
            words(
                &format!("/{code}/analysis"),
                page,
                &present,
                &[
                    "Key figures",
                    "All-of-government breadth",
                    "Risen into the top 30",
                    "Also assessed",
                    "Download:",
                    "The highest-risk states",
                    "Outcome assessments",
                    "African Group",
                ],
            );
            assert!(page.contains(TRANSLATED), "{code}: the page is translated");
            // Records, charts and the figures' data stay in English, marked so.
            assert!(
                page.contains("<a href=\"/") && page.contains("/countries/ken\" lang=\"en\">Kenya</a>"),
                "{code}: a state's name"
            );
            assert!(page.contains("<div class=\"chart\" lang=\"en\"><div class=\"chart-wide\">"));
            assert!(
                page.contains("<tbody lang=\"en\"><tr><th scope=\"row\">"),
                "{code}: a figure's data"
            );
            assert!(
                part(page, "id=\"high-risk\"", "class=\"outside\"")
                    .contains(&format!("<a href=\"/{code}/datasets\"><span lang=\"en\">")),
                "{code}: the risk dataset's title, linked"
            );
            assert!(
                page.contains("<th scope=\"row\" lang=\"en\">Latin American Network"),
                "{code}: a network's name"
            );
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn the_english_analysis_page_is_as_it_was_its_headings_those_of_the_charts() {
    let db = engines().await.remove(0);
    seeded(&db).await;
    let en = get(&db, "/analysis").await.body;
    words(
        "/analysis",
        &en,
        &[
            "<h1>Analysis</h1>",
            "Definitions, units and caveats are in the <a href=\"/about#method\">method</a>; every figure",
            "Key figures, as of edition",
            "<h2 id=\"by-group\">States with a national mechanism, by UN regional group</h2>",
            "<th scope=\"row\">African Group</th>",
            "Download: <a href=\"/analysis/figures/",
            "is on <a href=\"/risk\">Risk and capacity</a>.",
            "Also assessed, outside the 195 states: Kosovo (XKX), rank 36, two-year risk 2.5% (Kosovo (COW 347) has no ISO 3166-1 code;",
            "<a href=\"/countries/ken\">Kenya</a></th><td>31</td><td>12</td><td>14.5%</td>",
            "<div class=\"chart\"><div class=\"chart-wide\">",
            "<tbody><tr><th scope=\"row\">",
        ],
        &["\" lang=\"en\">", "<span lang=\"en\">", "<tbody lang=", "Chiffres"],
    );
    // Each figure's heading is the title of its chart (the download's).
    for name in [
        "map-networks",
        "by-region",
        "by-status",
        "over-editions",
        "map-status",
        "high-risk",
        "map-high-risk",
    ] {
        let svg = get(&db, &format!("/analysis/figures/{name}.svg")).await.body;
        let title = part(&svg, "<title", "</title>");
        let title = &title[title.find('>').unwrap() + 1..];
        assert!(
            en.contains(&format!("<h2 id=\"fig-{name}\">{title}</h2>")),
            "{name}: {title:?}"
        );
    }
    db.finish().await;
}

#[tokio::test]
async fn the_risk_monitor_in_french_and_spanish_speaks_of_forecasts() {
    for db in engines().await {
        seeded(&db).await;
        let cases = [
            (
                "fr",
                [
                    "<h1>Risque et capacités</h1>",
                    "La probabilité estimée d&#39;une nouvelle tuerie de masse",
                    "Un État est <strong>signalé</strong> lorsque",
                    "(voir la <a href=\"/fr/about#method\">méthode</a>)",
                    "<option value=\"ewp-2032\" selected>Early Warning Project, ewp-2032 (prévision 2032–2033)</option>",
                    "Les évolutions sont calculées depuis ewp-2031, la prévision précédente du même projet.",
                    "Télécharger ce tableau en <a href=\"/api/v1/risk/gap.csv?source=ewp-2032&amp;limit=500\">CSV</a>",
                    "<th scope=\"col\">Risque à deux ans</th>",
                    "<td data-label=\"Mécanisme national\">",
                    "<span class=\"badge rising\">en hausse</span>",
                ],
                "« ewp-1900 » ne fait pas partie des prévisions : ewp-2031, ewp-2032",
            ),
            (
                "es",
                [
                    "<h1>Riesgo y capacidad</h1>",
                    "La probabilidad estimada de una nueva matanza masiva",
                    "Un Estado queda <strong>señalado</strong> cuando",
                    "(véase el <a href=\"/es/about#method\">método</a>)",
                    "<option value=\"ewp-2032\" selected>Early Warning Project, ewp-2032 (previsión 2032–2033)</option>",
                    "Los cambios se cuentan desde ewp-2031, la previsión anterior del mismo proyecto.",
                    "Descargar esta tabla en <a href=\"/api/v1/risk/gap.csv?source=ewp-2032&amp;limit=500\">CSV</a>",
                    "<th scope=\"col\">Riesgo a dos años</th>",
                    "<td data-label=\"Mecanismo nacional\">",
                    "<span class=\"badge rising\">en aumento</span>",
                ],
                "«ewp-1900» no es ninguna de las previsiones: ewp-2031, ewp-2032",
            ),
        ];
        for (code, present, unknown) in cases {
            let a = get(&db, &format!("/{code}/risk")).await;
            assert_eq!(a.status, StatusCode::OK, "{code}");
            words(
                &format!("/{code}/risk"),
                &a.body,
                &present,
                &[
                    "Risk and capacity",
                    "estimated risk",
                    "Two-year risk",
                    "(forecast 2032",
                    "Changes are since",
                    "Download this table",
                    ">rising<",
                ],
            );
            assert!(a.body.contains(TRANSLATED), "{code}");
            assert!(
                a.body
                    .contains(&format!("<a href=\"/{code}/countries/ken\" lang=\"en\">Kenya</a>")),
                "{code}: a state's name"
            );
            let bad = get(&db, &format!("/{code}/risk?source=ewp-1900")).await;
            assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{code}");
            assert!(bad.body.contains(unknown), "{code}: {}", bad.body);
            assert!(!bad.body.contains("is not one of the forecasts"), "{code}");
        }
        // In English, as it was.
        let en = get(&db, "/risk").await.body;
        words(
            "/risk",
            &en,
            &[
                "<h1>Risk and capacity</h1>",
                "Each state&#39;s estimated risk of a new mass killing",
                "A state is <strong>flagged</strong> when",
                "<option value=\"ewp-2032\" selected>Early Warning Project, ewp-2032 (forecast 2032–2033)</option>",
                "<th scope=\"col\">Two-year risk</th>",
                "<a href=\"/countries/ken\">Kenya</a>",
            ],
            &["probabilité", "\" lang=\"en\">Kenya"],
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn comparing_countries_in_french_and_spanish_with_the_problems_explained() {
    for db in engines().await {
        seeded(&db).await;
        let cases = [
            (
                "fr",
                [
                    "<h1>Comparer des pays</h1>",
                    "<th scope=\"row\">Groupe régional de l&#39;ONU</th><td>Groupe des États d&#39;Afrique</td>",
                    "<td>rang 12 (14,5\u{202F}%)</td>",
                    "<h2 id=\"ewp-heading\">Le risque selon l&#39;Early Warning Project, publication après publication</h2>",
                    "<th scope=\"row\">Type</th><td>Comité</td>",
                ],
                "« Atlantis » n&#39;est ni le nom ni le code ISO",
                "vous en avez indiqué 1.",
                "<span lang=\"en\">Kenya</span> figure déjà dans la liste",
            ),
            (
                "es",
                [
                    "<h1>Comparar países</h1>",
                    "<th scope=\"row\">Grupo regional de la ONU</th><td>Grupo de Estados de África</td>",
                    "<td>puesto 12 (14,5\u{A0}%)</td>",
                    "<h2 id=\"ewp-heading\">El riesgo según el Early Warning Project, publicación tras publicación</h2>",
                    "<th scope=\"row\">Tipo</th><td>Comité</td>",
                ],
                "«Atlantis» no es el nombre ni el código ISO",
                "ha indicado 1.",
                "<span lang=\"en\">Kenya</span> ya está en la lista",
            ),
        ];
        for (code, present, unknown, count, twice) in cases {
            let a = get(&db, &format!("/{code}/compare?countries=ken,tcd")).await;
            assert_eq!(a.status, StatusCode::OK, "{code}");
            words(
                &format!("/{code}/compare"),
                &a.body,
                &present,
                &[
                    "Compare countries",
                    "UN regional group",
                    "African Group",
                    "rank 12",
                    "Early Warning Project risk over the releases",
                    "Created or launched",
                ],
            );
            assert!(a.body.contains(TRANSLATED), "{code}");
            assert!(
                a.body
                    .contains(&format!("<a href=\"/{code}/countries/ken\" lang=\"en\">Kenya</a>")),
                "{code}: a state's name"
            );
            assert!(
                a.body.contains("<div class=\"chart\" lang=\"en\">"),
                "{code}: the chart"
            );
            let bad = get(&db, &format!("/{code}/compare?countries=ken,Atlantis")).await;
            assert_eq!(bad.status, StatusCode::BAD_REQUEST);
            assert!(bad.body.contains(unknown), "{code}: {}", bad.body);
            assert!(!bad.body.contains("is not the name"), "{code}");
            let one = get(&db, &format!("/{code}/compare?countries=ken")).await;
            assert!(one.body.contains(count), "{code}: {}", one.body);
            let again = get(&db, &format!("/{code}/compare?countries=ken,kenia")).await;
            assert!(again.body.contains(twice), "{code}: {}", again.body);
        }
        let en = get(&db, "/compare?countries=ken,tcd").await.body;
        words(
            "/compare",
            &en,
            &[
                "<h1>Compare countries</h1>",
                "<th scope=\"row\">UN regional group</th><td>African Group</td>",
                "<td>rank 12 (14.5%)</td>",
                "<th scope=\"row\">Type</th><td>Committee</td>",
            ],
            &["\" lang=\"en\">Kenya", "Comité"],
        );
        let en = get(&db, "/compare?countries=ken,kenia").await.body;
        assert!(en.contains("<li>Kenya is already in the list</li>"), "{en}");
        db.finish().await;
    }
}

#[tokio::test]
async fn the_datasets_and_an_indicator_in_french_and_spanish() {
    let db = engines().await.remove(0);
    seeded(&db).await;
    let cases = [
        (
            "fr",
            [
                "<h1>Jeux de données externes</h1>",
                "<dt>Éditeur</dt>",
                "<th scope=\"col\">Libellé</th>",
            ],
            [
                ", publié par <span lang=\"en\">",
                "Valeurs pour 2032",
                "Télécharger : <a",
                "Tableau de données (35 lignes)",
            ],
            "Il n&#39;existe pas d&#39;indicateur « nope » dans un jeu de données « ewp-2032 ».",
        ),
        (
            "es",
            [
                "<h1>Conjuntos de datos externos</h1>",
                "<dt>Editor</dt>",
                "<th scope=\"col\">Etiqueta</th>",
            ],
            [
                ", publicado por <span lang=\"en\">",
                "Valores de 2032",
                "Descargar: <a",
                "Tabla de datos (35 filas)",
            ],
            "No existe el indicador «nope» en un conjunto de datos «ewp-2032».",
        ),
    ];
    for (code, list, indicator, missing) in cases {
        let a = get(&db, &format!("/{code}/datasets")).await;
        assert_eq!(a.status, StatusCode::OK);
        words(
            &format!("/{code}/datasets"),
            &a.body,
            &list,
            &["External datasets", "<dt>Publisher</dt>", "Indicators of"],
        );
        assert!(a.body.contains(TRANSLATED), "{code}");
        assert!(
            a.body.contains("<h2 id=\"ds-ewp-2032\" lang=\"en\">"),
            "{code}: a dataset's title"
        );
        let i = get(&db, &format!("/{code}/datasets/ewp-2032/risk_2yr")).await;
        assert_eq!(i.status, StatusCode::OK);
        words(
            &format!("/{code}/datasets/ewp-2032/risk_2yr"),
            &i.body,
            &indicator,
            &["published by", "Values for", "Download:", "Data table"],
        );
        assert!(i.body.contains("<div class=\"chart\" lang=\"en\">"), "{code}: the map");
        let none = get(&db, &format!("/{code}/datasets/ewp-2032/nope")).await;
        assert_eq!(none.status, StatusCode::NOT_FOUND);
        assert!(none.body.contains(missing), "{code}: {}", none.body);
    }
    let en = get(&db, "/datasets/ewp-2032/risk_2yr").await.body;
    assert!(en.contains(", published by ") && en.contains("Values for 2032"), "{en}");
    assert!(!en.contains("<span lang=\"en\">"));
    let none = get(&db, "/datasets/ewp-2032/nope").await.body;
    assert!(none.contains("There is no indicator &#34;nope&#34; in a dataset &#34;ewp-2032&#34;."));
    db.finish().await;
}

#[tokio::test]
async fn error_pages_in_french_and_spanish_and_an_unknown_language_in_english() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let cases = [
        (
            "fr",
            "<h1>Page introuvable</h1>",
            "Il n&#39;y a pas de page à l&#39;adresse /nowhere.",
            "Retour à la page d&#39;accueil",
            "<h1>Erreur 400</h1>",
            "paramètre edition : « 1999 » ne fait pas partie des éditions : ",
            "Le paramètre « bogus » n&#39;est pas valide : <span lang=\"en\">",
        ),
        (
            "es",
            "<h1>Página no encontrada</h1>",
            "No hay ninguna página en /nowhere.",
            "Volver a la página de inicio",
            "<h1>Error 400</h1>",
            "parámetro edition: «1999» no es ninguna de las ediciones: ",
            "El parámetro «bogus» no es válido: <span lang=\"en\">",
        ),
    ];
    for (code, heading, no_page, home, bad_heading, bad_edition, bad_param) in cases {
        let a = get(&db, &format!("/{code}/nowhere")).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert_eq!(a.content_language.as_deref(), Some(code));
        words(
            &format!("/{code}/nowhere"),
            &a.body,
            &[&format!("<html lang=\"{code}\">"), heading, no_page, home, TRANSLATED],
            &["Not found", "There is no page", "Back to the home page"],
        );
        assert!(
            a.body.contains(&format!("<a href=\"/{code}/\">")),
            "{code}: home in the language"
        );
        // A message of a page not translated yet: in English, marked so.
        let country = get(&db, &format!("/{code}/countries/xyz")).await;
        assert_eq!(country.status, StatusCode::NOT_FOUND);
        assert!(country.body.contains(heading), "{code}");
        assert!(
            country.body.contains("<p><span lang=\"en\">"),
            "{code}: {}",
            country.body
        );
        let bad = get(&db, &format!("/{code}/analysis?edition=1999")).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        words(
            &format!("/{code}/analysis?edition=1999"),
            &bad.body,
            &[bad_heading, bad_edition],
            &["parameter edition", "is not one of"],
        );
        let param = get(&db, &format!("/{code}/analysis/figures/by-region.svg?bogus=1")).await;
        assert_eq!(param.status, StatusCode::BAD_REQUEST);
        assert!(param.body.contains(bad_param), "{code}: {}", param.body);
    }
    // An unknown language: the English 404, as it was.
    let de = get(&db, "/de/").await;
    assert_eq!(de.status, StatusCode::NOT_FOUND);
    words(
        "/de/",
        &de.body,
        &[
            "<html lang=\"en\">",
            "<h1>Not found</h1>",
            "<p>There is no page at /de/.</p>",
            "<p><a href=\"/\">Back to the home page</a></p>",
        ],
        &["introuvable", "<p><span lang="],
    );
    let bad = get(&db, "/analysis?edition=1999").await.body;
    assert!(
        bad.contains("<h1>Error 400</h1>\n<p>parameter edition: &#34;1999&#34; is not one of: "),
        "{bad}"
    );
    let param = get(&db, "/analysis/figures/by-region.svg?bogus=1").await.body;
    assert!(param.contains("<p>parameter bogus: "), "{param}");
    db.finish().await;
}
