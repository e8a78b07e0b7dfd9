//! The public lists and record pages in French and Spanish (countries, mechanisms, initiatives,
//! networks, editions, sources, search, about, data): their words translated, the records' own
//! text (names, descriptions, notes) kept as recorded and marked `lang="en"`, the filters'
//! problems in the page's language; the English pages as they were, and the API in English.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nmp_search::SearchIndex;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

async fn get_from(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let response = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    // Apostrophes and quotes as the reader sees them, so that the expected phrases read naturally.
    let text = String::from_utf8(body.to_vec())
        .unwrap()
        .replace("&#39;", "'")
        .replace("&#34;", "\"");
    (status, text)
}

async fn get(db: &TestDb, path: &str) -> (StatusCode, String) {
    get_from(&nmp_web::router(nmp_web::AppState::new(db.store.clone())), path).await
}

/// One page: what its French and Spanish versions say, the English they must no longer say
/// (which the English page must still say), and the records' text marked as English there
/// (`{code}` is the language's code, for links).
struct Case {
    path: &'static str,
    fr: &'static [&'static str],
    es: &'static [&'static str],
    english: &'static [&'static str],
    marked: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        path: "/countries",
        fr: &[
            "<h1>Pays</h1>",
            "Télécharger en CSV",
            "aria-label=\"Filtrer les pays\"",
            "<label for=\"f-has\">Doté d'un mécanisme</label>",
            "<option value=\"\">Toutes</option>",
            ">Oui (",
            "(État observateur)",
            " pays. <a href=",
        ],
        es: &[
            "<h1>Países</h1>",
            "Descargar en CSV",
            "aria-label=\"Filtrar los países\"",
            "<label for=\"f-has\">Con mecanismo</label>",
            "<option value=\"\">Todas</option>",
            ">Sí (",
            "(Estado observador)",
            " países. <a href=",
        ],
        english: &[
            "Download as CSV",
            "Filter countries",
            "observer state",
            "Has a mechanism",
            "The 193 UN member states",
            ">Yes (",
        ],
        marked: &[
            "href=\"/{code}/countries/ken\" lang=\"en\">Kenya</a>",
            "lang=\"en\">Holy See</a>",
            "<option value=\"africa\" lang=\"en\">Africa (",
        ],
    },
    Case {
        path: "/mechanisms",
        fr: &[
            "<h1>Mécanismes</h1>",
            "aria-label=\"Filtrer les mécanismes\"",
            "data-label=\"Type\">Comité</td>",
            ">Actif (",
            "<th scope=\"col\">Lancement</th>",
        ],
        es: &[
            "<h1>Mecanismos</h1>",
            "aria-label=\"Filtrar los mecanismos\"",
            "data-label=\"Tipo\">Comité</td>",
            ">Activo (",
            "<th scope=\"col\">Puesta en marcha</th>",
        ],
        english: &[
            "Filter mechanisms",
            "Download as CSV",
            ">Active (",
            "Mechanisms matching the filters",
            "as recorded from the sources",
        ],
        marked: &["href=\"/{code}/mechanisms/usa-atrocities-prevention-board\" lang=\"en\">"],
    },
    Case {
        path: "/initiatives",
        fr: &[
            "<h1>Initiatives</h1>",
            "aria-label=\"Filtrer les initiatives\"",
            "Institution chef de file",
            "Régionale ou internationale",
            "name=\"description\" content=\"Initiatives nationales et régionales",
        ],
        es: &[
            "<h1>Iniciativas</h1>",
            "aria-label=\"Filtrar las iniciativas\"",
            "Institución principal",
            "Regional o internacional",
            "name=\"description\" content=\"Iniciativas nacionales y regionales",
        ],
        english: &[
            "Filter initiatives",
            "Lead institution",
            "Regional or international",
            "recorded apart from the mechanisms",
        ],
        marked: &["href=\"/{code}/initiatives/che-gaamac-co-founding\" lang=\"en\">"],
    },
    Case {
        path: "/initiatives/che-gaamac-co-founding",
        fr: &[
            "<h2 id=\"partners-heading\">Partenaires</h2>",
            "Évaluation des résultats",
            "Aucune évaluation publiée pour l'instant.",
            "<dt>Institution chef de file</dt>",
        ],
        es: &[
            "<h2 id=\"partners-heading\">Socios</h2>",
            "Evaluación de resultados",
            "Todavía no hay ninguna evaluación publicada.",
            "<dt>Institución principal</dt>",
        ],
        english: &[
            "Partners</h2>",
            "Outcome assessment",
            "No published assessment yet.",
            "<dt>Lead institution</dt>",
        ],
        marked: &[
            "<h1 lang=\"en\">Co-founding and chairing",
            "<p lang=\"en\">Switzerland co-founded",
        ],
    },
    Case {
        path: "/networks",
        fr: &[
            "<h1>Réseaux</h1>",
            "États membres recensés",
            "coopèrent à la prévention",
        ],
        es: &[
            "<h1>Redes</h1>",
            "Estados miembros registrados",
            "colaboran en la prevención",
        ],
        english: &["Member states recorded", "Regional and global networks"],
        marked: &["href=\"/{code}/networks/latin-american-network\" lang=\"en\">"],
    },
    Case {
        path: "/networks/latin-american-network",
        fr: &["Membre fondateur", "<h2 id=\"members-heading\">États membres</h2>"],
        es: &["Miembro fundador", "<h2 id=\"members-heading\">Estados miembros</h2>"],
        english: &["Founding member", ">Member states</h2>"],
        marked: &["lang=\"en\">Argentina</a>", "<h1 lang=\"en\">"],
    },
    Case {
        path: "/editions",
        fr: &[
            "<h1>Éditions</h1>",
            "mécanismes présentés",
            "notes d'orientation semestrielles",
        ],
        es: &[
            "<h1>Ediciones</h1>",
            "mecanismos presentados",
            "documentos de política semestrales",
        ],
        english: &["mechanisms featured", "has appeared as an annual report"],
        marked: &["href=\"/{code}/editions/2017\" lang=\"en\">"],
    },
    Case {
        path: "/editions/2017",
        fr: &[
            "<h2>Sommaire</h2>",
            "<dt>Publication</dt>",
            "Rapport annuel",
            "Paquet de données",
        ],
        es: &[
            "<h2>Índice</h2>",
            "<dt>Publicación</dt>",
            "Informe anual",
            "Paquete de datos",
        ],
        english: &[
            "<h2>Contents</h2>",
            "Annual report",
            "<dt>Published</dt>",
            "Data package",
        ],
        marked: &["<h1 lang=\"en\">"],
    },
    Case {
        path: "/editions/2020-transition",
        fr: &[
            "Phase : <span lang=\"en\">Phased three-year transfer",
            "(de 2019 à 2021)",
            "Note d'orientation",
        ],
        es: &[
            "Fase: <span lang=\"en\">Phased three-year transfer",
            "(de 2019 a 2021)",
            "Documento de política",
        ],
        english: &["Phase: Phased three-year transfer", "(2019 to 2021)", "Policy paper"],
        marked: &["<h1 lang=\"en\">"],
    },
    Case {
        path: "/sources",
        fr: &[
            "aria-label=\"Filtrer les sources\"",
            "Citer :",
            "Citée par",
            ">Page web (",
        ],
        es: &[
            "aria-label=\"Filtrar las fuentes\"",
            "Citar:",
            "Citada por",
            ">Página web (",
        ],
        english: &["Filter sources", "Cite:", "Cited by", ">Web page ("],
        marked: &[
            "rel=\"external\" lang=\"en\">2023 Report to Congress",
            "rel=\"external\" lang=\"fr\">19.03.08-RWANDA/GENOCIDE",
        ],
    },
    Case {
        path: "/about",
        fr: &[
            "<h1>À propos du rapport et de ces données</h1>",
            "Capicotto et Scharf",
            "<span class=\"badge\">non vérifié</span>",
            "Pour citer une édition du rapport :",
        ],
        es: &[
            "<h1>Acerca del informe y de estos datos</h1>",
            "Capicotto y Scharf",
            "<span class=\"badge\">no verificado</span>",
            "Para citar una edición del informe:",
        ],
        english: &[
            "What counts as a national mechanism",
            "They often also include",
            "To cite an edition of the review",
            "Capicotto and Scharf",
        ],
        marked: &[
            "<cite lang=\"en\">National Mechanisms for the Prevention",
            "<span lang=\"en\">“officially established bodies",
            "<blockquote lang=\"en\">",
        ],
    },
    Case {
        path: "/data",
        fr: &[
            "<h1>Données et API</h1>",
            "Tous les points d'accès répondent à <code>GET</code>",
            "document OpenAPI 3</a>",
            "<code>{\"error\": {\"code\": \"bad_parameter\"",
        ],
        es: &[
            "<h1>Datos y API</h1>",
            "Todos los puntos de acceso responden a <code>GET</code>",
            "documento OpenAPI 3</a>",
            "<code>{\"error\": {\"code\": \"bad_parameter\"",
        ],
        english: &[
            "All endpoints answer <code>GET</code>",
            "What it returns",
            "Each edition's data package",
        ],
        marked: &["<td lang=\"en\">"],
    },
];

#[tokio::test]
async fn the_lists_and_record_pages_in_french_and_spanish_with_the_records_marked_english() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        for case in CASES {
            for (code, words) in [("fr", case.fr), ("es", case.es)] {
                let path = format!("/{code}{}", case.path);
                let (status, page) = get(&db, &path).await;
                assert_eq!(status, StatusCode::OK, "{path}");
                assert!(
                    page.contains("<main id=\"main\" class=\"wrap\">"),
                    "{path}: a translated page is not marked English as a whole"
                );
                for w in words {
                    assert!(page.contains(w), "{}: {path} lacks {w:?}: {page}", db.engine);
                }
                for e in case.english {
                    assert!(!page.contains(e), "{path}: {e:?} is left in English");
                }
                for m in case.marked {
                    let m = m.replace("{code}", code);
                    assert!(page.contains(&m), "{path}: the record's text is not marked: {m:?}");
                }
            }
            // The English page says what it said, without marks.
            let (status, page) = get(&db, case.path).await;
            assert_eq!(status, StatusCode::OK, "{}", case.path);
            for e in case.english {
                assert!(page.contains(e), "{}: the English page lacks {e:?}", case.path);
            }
            for m in case.marked {
                let m = m.replace("/{code}", "");
                assert!(!page.contains(&m), "{}: a needless mark {m:?}", case.path);
            }
            assert!(!page.contains("Filtrer") && !page.contains("Filtrar"), "{}", case.path);
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn a_bad_filter_is_explained_in_the_page_s_language_and_the_api_stays_english() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let cases = [
        (
            "/fr/countries?region=mars",
            "\"mars\" ne fait pas partie des valeurs possibles : africa, americas",
            "Un filtre n'a pas été compris et a été ignoré",
        ),
        (
            "/es/mechanisms?status=sleeping",
            "\"sleeping\" no es uno de los valores admitidos: proposed",
            "Un filtro no se ha entendido y se ha omitido",
        ),
        (
            "/fr/countries?network=no-such-network",
            "\"no-such-network\" ne fait pas partie des valeurs possibles",
            "la liste ci-dessous est établie sans lui",
        ),
        (
            "/es/sources?language=xx&kind=nonsense",
            "ninguna fuente está en \"xx\"; los idiomas de las fuentes son:",
            "Algunos filtros no se han entendido y se han omitido",
        ),
    ];
    for (path, problem, frame) in cases {
        let (status, page) = get(&db, path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert!(page.contains(problem), "{path}: {page}");
        assert!(page.contains(frame), "{path}");
        assert!(
            !page.contains("is not one of") && !page.contains("no source is in"),
            "{path}"
        );
        assert!(!page.contains("not understood"), "{path}");
    }
    let (_, english) = get(&db, "/countries?region=mars").await;
    assert!(english.contains("A filter was not understood and is left out; the list below is without it:"));
    assert!(english.contains("<strong>region</strong>: \"mars\" is not one of: africa, americas"));
    // The API, even asked from a French page's address, answers in English.
    let (status, api) = get(&db, "/fr/api/v1/countries?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(api.contains("\"label\":\"Yes\""), "{api}");
    let (status, api) = get(&db, "/api/v1/countries?region=mars").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(api.contains("is not one of: africa"), "{api}");
    db.finish().await;
}

#[tokio::test]
async fn the_search_page_in_french_and_spanish_translates_its_frame_its_notes_and_its_facets() {
    let db = nmp_store::testing::blank_sqlite().await;
    let s = &db.store;
    s.migrate().await.unwrap();
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(SearchIndex::open(dir.path()).unwrap());
    index.refresh(s).await.unwrap();
    let app = nmp_web::router(nmp_web::AppState::new(s.clone()).with_search(index));
    let cases = [
        (
            "fr",
            [
                "<h1>Recherche</h1>",
                "<aside class=\"facets\" aria-label=\"Filtrer les résultats\" lang=\"fr\">",
                "<h3>Type</h3>",
                "Utilisez <code>\"une expression\"</code>, un préfixe suivi de <code>*</code>, <code>OR</code> et <code>-mot</code>",
                "<h2 lang=\"fr\">Mécanismes <small>(",
            ],
            "Le filtre « Pays : XXX » ne correspond à aucun enregistrement.",
            "Saisissez un ou plusieurs mots à rechercher.",
            " pour « genocide ».",
        ),
        (
            "es",
            [
                "<h1>Búsqueda</h1>",
                "<aside class=\"facets\" aria-label=\"Filtrar los resultados\" lang=\"es\">",
                "<h3>Tipo</h3>",
                "Use <code>\"una frase\"</code>, un prefijo seguido de <code>*</code>, <code>OR</code> y <code>-palabra</code>",
                "<h2 lang=\"es\">Mecanismos <small>(",
            ],
            "El filtro «País: XXX» no coincide con ningún registro.",
            "Escriba una o varias palabras para buscar.",
            " para «genocide».",
        ),
    ];
    for (code, frame, no_match, empty, total) in cases {
        let (status, page) = get_from(&app, &format!("/{code}/search?q=genocide")).await;
        assert_eq!(status, StatusCode::OK);
        for w in frame {
            assert!(page.contains(w), "{code}: {w:?}: {page}");
        }
        assert!(page.contains(total), "{code}: the total");
        for english in ["Filter the results", "All words must match", " shown)", " results for "] {
            assert!(!page.contains(english), "{code}: {english:?}");
        }
        assert!(
            page.contains("class=\"hit-title\" href=\"/") && page.contains("\" lang=\"en\">"),
            "{code}: the hits' titles are the records' names, marked English"
        );
        let (_, page) = get_from(&app, &format!("/{code}/search?q=genocide&country=XXX")).await;
        assert!(
            page.contains(&format!(
                "<p class=\"note\" role=\"status\" lang=\"{code}\">{no_match}</p>"
            )),
            "{code}: {page}"
        );
        let (_, page) = get_from(&app, &format!("/{code}/search?q=")).await;
        assert!(page.contains(empty), "{code}");
        assert!(!page.contains("Type one or more words"), "{code}");
    }
    // English as it was.
    let (_, page) = get_from(&app, "/search?q=genocide&country=XXX").await;
    assert!(
        page.contains("<p class=\"note\" role=\"status\">No record has country “XXX”: the filter matched nothing.</p>")
    );
    let (_, page) = get_from(&app, "/search?q=genocide").await;
    assert!(page.contains("<h2>Mechanisms <small>(") && page.contains(" shown)</small>"));
    assert!(page.contains(
        "Use <code>\"a phrase\"</code>, a prefix<code>*</code>, <code>OR</code>, and <code>-word</code> to leave a word out."
    ));
    assert!(page.contains("results for “genocide”.") && page.contains("<h2>Filter</h2>"));
    db.finish().await;
}
