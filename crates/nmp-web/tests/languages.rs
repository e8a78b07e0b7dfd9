//! The public site in English, French and Spanish: the language from the URL prefix, the
//! switcher, links that stay in the language, `lang` attributes, the first visit's
//! `Accept-Language`, and an unknown prefix.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use nmp_store::testing::{TestDb, engines};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    location: Option<String>,
    content_language: Option<String>,
    body: String,
}

async fn get_with(db: &TestDb, path: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    let app = nmp_web::router(nmp_web::AppState::new(db.store.clone()));
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let text = |name: header::HeaderName| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
    let (status, location, content_language) = (
        response.status(),
        text(header::LOCATION),
        text(header::CONTENT_LANGUAGE),
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        content_language,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

async fn get(db: &TestDb, path: &str) -> Answer {
    get_with(db, path, &[]).await
}

#[tokio::test]
async fn the_home_page_in_french_and_spanish_keeps_its_reader_in_the_language() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let cases = [
            (
                "/fr/",
                "fr",
                "Les mécanismes nationaux de prévention des atrocités",
                "Pays",
                "Aller au contenu",
            ),
            (
                "/es/",
                "es",
                "Mecanismos nacionales de prevención de atrocidades",
                "Países",
                "Ir al contenido",
            ),
        ];
        for (path, code, heading, nav, skip) in cases {
            let a = get(&db, path).await;
            assert_eq!(a.status, StatusCode::OK, "{path}");
            assert_eq!(a.content_language.as_deref(), Some(code), "{path}");
            let page = &a.body;
            assert!(
                page.contains(&format!("<html lang=\"{code}\">")),
                "{path}: {}",
                &page[..200]
            );
            assert!(
                page.contains(&format!("<h1>{heading}</h1>")),
                "{path} has its heading translated"
            );
            assert!(
                page.contains(&format!("href=\"/{code}/countries\">{nav}</a>")),
                "{path}: nav in the language, linked in it"
            );
            assert!(page.contains(skip), "{path}: the skip link");
            assert!(!page.contains("Skip to content"), "{path}: no English chrome left");
            // Links stay in the language; static files and the switcher's English link do not.
            assert!(
                page.contains(&format!("action=\"/{code}/search\"")),
                "{path}: the search form"
            );
            assert!(
                page.contains("href=\"/static/nmp.css\""),
                "{path}: one stylesheet for all"
            );
            assert!(
                page.contains("<a hreflang=\"en\" href=\"/\" lang=\"en\">English</a>"),
                "{path}: the switcher"
            );
            assert!(
                page.contains(&format!("<span lang=\"{code}\" aria-current=\"page\">")),
                "{path}: the language shown is marked"
            );
            assert!(
                !page.contains(&format!("/{code}/{code}/")),
                "{path}: no link prefixed twice"
            );
            // Record text that exists only in English is marked as English.
            assert!(
                page.contains("<a href=\"/") && page.contains(" lang=\"en\">Kenya</a>"),
                "{path}: country names marked as English"
            );
            assert!(
                page.contains("<cite lang=\"en\">National Mechanisms for the Prevention"),
                "{path}: the review's title"
            );
        }
        // English at the root, unchanged, with the switcher offering the others.
        let en = get(&db, "/").await;
        assert_eq!(en.status, StatusCode::OK);
        assert_eq!(en.content_language.as_deref(), Some("en"));
        assert!(
            en.body.contains("<html lang=\"en\">")
                && en.body.contains("<h1>National mechanisms for atrocity prevention</h1>")
        );
        assert!(
            en.body
                .contains("<a hreflang=\"fr\" href=\"/fr/\" lang=\"fr\">Français</a>")
        );
        assert!(
            !en.body.contains(" lang=\"en\">Kenya"),
            "no needless marks on an English page"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn the_switcher_names_the_same_page_with_its_query_in_each_language() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let a = get(&db, "/fr/countries?region=africa").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.body
            .contains("<a hreflang=\"en\" href=\"/countries?region=africa\" lang=\"en\">English</a>"),
        "{}",
        a.body
    );
    assert!(
        a.body
            .contains("<a hreflang=\"es\" href=\"/es/countries?region=africa\" lang=\"es\">Español</a>")
    );
    assert!(
        a.body
            .contains("<link rel=\"alternate\" hreflang=\"es\" href=\"/es/countries?region=africa\">")
    );
    // The list is translated: its <main> is not marked as English as a whole.
    assert!(
        a.body.contains("<main id=\"main\" class=\"wrap\">"),
        "the translated list is in French"
    );
    assert!(a.body.contains("Aller au contenu"));
    // `/fr` alone is the French home page.
    let bare = get(&db, "/fr").await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.location.as_deref(), Some("/fr/"));
    db.finish().await;
}

#[tokio::test]
async fn an_unknown_language_is_a_404_and_the_api_has_one_address() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let de = get(&db, "/de/countries").await;
    assert_eq!(de.status, StatusCode::NOT_FOUND);
    assert!(
        de.body.contains("<html lang=\"en\">"),
        "the 404 is in the default language"
    );
    let en_prefix = get(&db, "/en/countries").await;
    assert_eq!(en_prefix.status, StatusCode::NOT_FOUND, "English lives at the root");
    let api = get(&db, "/api/v1/countries?limit=1").await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.content_language, None, "the API is not a page");
    db.finish().await;
}

#[tokio::test]
async fn a_first_visit_follows_the_browser_but_a_click_on_english_stays() {
    let db = engines().await.remove(0);
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let french = [(header::ACCEPT_LANGUAGE, "fr-CA,fr;q=0.9,en;q=0.8")];
    let a = get_with(&db, "/", &french).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location.as_deref(), Some("/fr/"));
    let spanish = [(header::ACCEPT_LANGUAGE, "es-PY, en;q=0.5")];
    assert_eq!(get_with(&db, "/", &spanish).await.location.as_deref(), Some("/es/"));
    let german = [(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")];
    assert_eq!(
        get_with(&db, "/", &german).await.status,
        StatusCode::OK,
        "English for the others"
    );
    // The switcher's "English", from a page of this site: the English home page.
    let from_here = [
        (header::ACCEPT_LANGUAGE, "fr"),
        (header::HOST, "nmp.example.org"),
        (header::REFERER, "https://nmp.example.org/fr/countries"),
    ];
    let stay = get_with(&db, "/", &from_here).await;
    assert_eq!(stay.status, StatusCode::OK);
    assert!(stay.body.contains("<html lang=\"en\">"));
    // A link from elsewhere is a first visit.
    let from_elsewhere = [
        (header::ACCEPT_LANGUAGE, "fr"),
        (header::HOST, "nmp.example.org"),
        (header::REFERER, "https://www.un.org/en/genocideprevention/"),
    ];
    assert_eq!(
        get_with(&db, "/", &from_elsewhere).await.location.as_deref(),
        Some("/fr/")
    );
    // Only the home page: a deep link is answered as asked.
    assert_eq!(get_with(&db, "/countries", &french).await.status, StatusCode::OK);
    db.finish().await;
}

#[tokio::test]
async fn a_mechanism_and_its_country_in_french_and_spanish_with_the_record_s_english_marked() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let cases = [
            (
                "fr",
                "Historique du statut",
                "Texte fondateur",
                "<dt>Région de l&#39;ONU</dt>",
                "Comité, national",
            ),
            (
                "es",
                "Historial de estado",
                "Instrumento de creación",
                "<dt>Región de la ONU</dt>",
                "Comité, nacional",
            ),
        ];
        for (code, history, instrument, region, kind) in cases {
            let page = get(&db, &format!("/{code}/mechanisms/usa-atrocities-prevention-board")).await;
            assert_eq!(page.status, StatusCode::OK, "{code}");
            let body = &page.body;
            assert!(
                body.contains("<main id=\"main\" class=\"wrap\">"),
                "{code}: a translated page"
            );
            assert!(body.contains(&format!("<h3>{history}</h3>")), "{code}: {body}");
            assert!(body.contains(&format!("<dt>{instrument}</dt>")), "{code}");
            assert!(
                body.contains(&format!("href=\"/{code}/mechanisms\"")),
                "{code}: the breadcrumb stays in the language"
            );
            // The gap note is the record's own English prose.
            assert!(
                body.contains("<aside class=\"gap-note\"><h3>") && body.contains("</h3><p lang=\"en\">"),
                "{code}"
            );
            for english in [
                "Status history",
                "Founding instrument",
                "Lead institution",
                "In the bibliography",
            ] {
                assert!(!body.contains(english), "{code}: {english} left in English");
            }
            let country = get(&db, &format!("/{code}/countries/ken")).await;
            assert_eq!(country.status, StatusCode::OK);
            let body = &country.body;
            let region = region.replace("&#39;", if body.contains("&#39;") { "&#39;" } else { "'" });
            assert!(body.contains(&region), "{code}: {body}");
            assert!(body.contains(kind), "{code}: the type by its code, in the language");
            assert!(
                body.contains("<p class=\"lede summary\" lang=\"en\">"),
                "{code}: the summary is written in English"
            );
            assert!(!body.contains("<main id=\"main\" class=\"wrap\" lang=\"en\">"));
        }
        // The English pages are as they were.
        let en = get(&db, "/mechanisms/usa-atrocities-prevention-board").await;
        assert!(en.body.contains("<h3>Status history</h3>") && !en.body.contains("<p lang=\"en\">"));
        db.finish().await;
    }
}

#[tokio::test]
async fn a_translated_mechanism_shows_the_reader_s_language_with_the_original_at_hand() {
    use nmp_store::Set;
    use nmp_store::entity::{citation, source, translation};
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let s = &db.store;
        let m = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let key = m.mechanism_id.to_string();
        // Synthetic translations (the starter data has none): NMP's French name, an official
        // French mandate cited to a synthetic source.
        let mut w = s.writer("editor@example.org").await.unwrap();
        let add = |field: &str, text: &str, by_nmp: bool| translation::ActiveModel {
            entity: Set("mechanism".into()),
            entity_id: Set(key.clone()),
            field: Set(field.into()),
            language: Set("fr".into()),
            text: Set(text.into()),
            by_nmp: Set(by_nmp),
            ..Default::default()
        };
        w.insert(add("name", "Conseil national synthétique pour la paix", true))
            .await
            .unwrap();
        let mandate = w
            .insert(add("mandate", "Mandat synthétique en français", false))
            .await
            .unwrap();
        let src = w
            .insert(source::ActiveModel {
                slug: Set("synthetic-official-translation".into()),
                title: Set("Synthetic official translation".into()),
                kind: Set("document".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set("translation".into()),
            entity_id: Set(mandate.translation_id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();

        let fr = get(&db, "/fr/mechanisms/gha-national-peace-council").await;
        assert_eq!(fr.status, StatusCode::OK);
        let body = &fr.body;
        assert!(
            body.contains("<span lang=\"fr\">Conseil national synthétique pour la paix</span>"),
            "{body}"
        );
        assert!(
            body.contains("Traduction de NMP") && body.contains("Traduction officielle"),
            "{body}"
        );
        assert!(body.contains("<p lang=\"fr\">Mandat synthétique en français"), "{body}");
        assert!(
            body.contains("Synthetic official translation"),
            "the official translation's source is a note"
        );
        assert!(
            body.contains("<summary>Le texte original</summary>"),
            "the original is one click away"
        );
        assert!(
            body.contains(&format!("<span lang=\"en\">{}</span>", m.name)),
            "the original name is shown, marked English"
        );
        // Spanish has no translation: the original, as before.
        let es = get(&db, "/es/mechanisms/gha-national-peace-council").await;
        assert!(
            !es.body.contains("synthétique") && !es.body.contains("Traducción"),
            "{}",
            es.body
        );
        // English: the record as recorded.
        let en = get(&db, "/mechanisms/gha-national-peace-council").await;
        assert!(!en.body.contains("synthétique") && en.body.contains("mechanisms for conflict prevention"));
        // The API carries the translations for reuse.
        let api = get(&db, "/api/v1/mechanisms/gha-national-peace-council").await;
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        let langs: Vec<&str> = json["mechanism"]["translations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["language"].as_str().unwrap())
            .collect();
        assert_eq!(langs, ["fr", "fr"], "{}", api.body);
        db.finish().await;
    }
}
