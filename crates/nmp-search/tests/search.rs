//! The index over the seeded starter dataset, on SQLite and (when configured) PostgreSQL:
//! stemming and accent folding in English, French and Spanish, what the public may see, pages of
//! PDFs, bad queries, and keeping up to date. Documents, respondents and accounts are synthetic
//! test data.

use nmp_collect::attach::Upload;
use nmp_collect::invite::{Invitee, invite};
use nmp_collect::questionnaire;
use nmp_collect::respond::{Save, open, save_with};
use nmp_core::vocab::AccountRole;
use nmp_mail::{MailSettings, Mailer};
use nmp_search::testing::pdf_with_pages;
use nmp_search::{Counts, Dim, SearchIndex, SearchRequest};
use nmp_store::Store;
use nmp_store::testing::engines;

fn public(q: &str) -> SearchRequest {
    SearchRequest {
        q: q.into(),
        filters: Vec::new(),
        staff: false,
        limit: 50,
        counts: Counts::All,
    }
}

fn staff(q: &str) -> SearchRequest {
    SearchRequest {
        staff: true,
        ..public(q)
    }
}

fn urls(index: &SearchIndex, request: &SearchRequest) -> Vec<String> {
    index.search(request).unwrap().hits.into_iter().map(|h| h.url).collect()
}

async fn archive(s: &Store, slug: &str, name: &str, kind: &str, bytes: Vec<u8>) {
    s.put_source_archive_file("editor@example.org", slug, name, kind, bytes)
        .await
        .unwrap();
}

/// The slug of a starter source in `language`.
async fn source_in(s: &Store, language: &str) -> String {
    s.all::<nmp_store::entity::source::Entity>()
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.language.as_deref() == Some(language))
        .map(|x| x.slug)
        .unwrap()
}

#[tokio::test]
async fn words_are_found_in_three_languages_with_stemming_and_accent_folding() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let (en, fr, es) = (
            source_in(s, "en").await,
            source_in(s, "fr").await,
            source_in(s, "es").await,
        );
        archive(
            s,
            &en,
            "en.txt",
            "text/plain",
            b"Synthetic text: the councils issued early warnings about atrocities in zelphorian provinces.".to_vec(),
        )
        .await;
        archive(
            s,
            &fr,
            "fr.txt",
            "text/plain",
            b"Texte synthetique : les comites nationaux de prevention se sont reunis.".to_vec(),
        )
        .await;
        archive(
            s,
            &es,
            "es.txt",
            "text/plain",
            b"Texto sintetico: la comision estudia los genocidios del siglo pasado.".to_vec(),
        )
        .await;
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(index.needs_build());
        let report = index.refresh(s).await.unwrap().unwrap();
        assert!(report.records > 300, "{}: {report:?}", db.engine);
        assert_eq!(report.files_read, 3);

        // French, with and without its accents.
        for q in ["prévention", "prevention", "PRÉVENTION"] {
            let found = urls(&index, &public(q));
            for m in [
                "/mechanisms/cod-national-committee",
                "/mechanisms/caf-national-committee",
            ] {
                assert!(found.iter().any(|u| u == m), "{}: {q} finds {m}: {found:?}", db.engine);
            }
        }
        let answer = index.search(&public("prévention")).unwrap();
        let cod = answer
            .hits
            .iter()
            .find(|h| h.url == "/mechanisms/cod-national-committee")
            .unwrap();
        assert!(
            cod.snippet_html.contains("<mark>prévention</mark>"),
            "{}",
            cod.snippet_html
        );
        // Across languages: the Spanish spelling finds the committees named in French and
        // English ("Prévention", "Prevention") through the cognate key, the word marked.
        let cousins = index
            .search(&SearchRequest {
                limit: 200,
                ..public("prevencion")
            })
            .unwrap();
        for m in [
            "/mechanisms/cod-national-committee",
            "/mechanisms/caf-national-committee",
        ] {
            let hit = cousins.hits.iter().find(|h| h.url == m);
            let hit = hit.unwrap_or_else(|| panic!("{}: prevencion finds {m}", db.engine));
            let snippet = hit.snippet_html.to_lowercase();
            assert!(
                snippet.contains("<mark>prévention</mark>") || snippet.contains("<mark>prevention</mark>"),
                "{}",
                hit.snippet_html
            );
        }
        assert!(urls(&index, &public("commission mecanismo")).len() > 1, "{}", db.engine);
        // Without counts: the same best hits, no total and no facets.
        let counted = index.search(&public("prévention")).unwrap();
        let bare = index
            .search(&SearchRequest {
                counts: Counts::None,
                ..public("prévention")
            })
            .unwrap();
        assert_eq!(bare.total, None);
        assert!(bare.facets.is_empty() && !counted.facets.is_empty());
        let keys = |a: &nmp_search::SearchAnswer| a.hits.iter().map(|h| h.url.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&bare), keys(&counted));
        let total_only = index
            .search(&SearchRequest {
                counts: Counts::Total,
                ..public("prévention")
            })
            .unwrap();
        assert_eq!(total_only.total, counted.total);
        assert!(total_only.facets.is_empty());

        // French stemming: the singular finds the plural written without accents.
        assert!(urls(&index, &public("comité")).contains(&format!("/sources/{fr}/archive")));
        // Spanish: the singular finds the plural; the unaccented form the accented one.
        assert!(urls(&index, &public("genocidio")).contains(&format!("/sources/{es}/archive")));
        let ecuador = urls(&index, &public("prevencion genocidio"));
        assert!(ecuador.iter().any(|u| u.starts_with("/sources#")), "{ecuador:?}");
        // English: "warning" finds "warnings", "council" finds "councils".
        assert!(urls(&index, &public("council warning")).contains(&format!("/sources/{en}/archive")));
        // Phrase, prefix and boolean queries.
        assert!(urls(&index, &public("\"early warnings\"")).contains(&format!("/sources/{en}/archive")));
        assert!(!urls(&index, &public("\"warnings early\"")).contains(&format!("/sources/{en}/archive")));
        assert!(urls(&index, &public("zelphor*")).contains(&format!("/sources/{en}/archive")));
        assert!(!urls(&index, &public("councils -atrocities")).contains(&format!("/sources/{en}/archive")));
        assert!(urls(&index, &public("councils OR zzzzqqq")).contains(&format!("/sources/{en}/archive")));

        // Facets: counts by kind, and a filter narrows the hits.
        let all = index.search(&public("prévention")).unwrap();
        let kinds = all.facets.iter().find(|f| f.name == "kind").unwrap();
        let mechanisms = kinds.values.iter().find(|v| v.value == "mechanism").unwrap();
        assert!(mechanisms.count >= 2 && mechanisms.label == "Mechanisms");
        let only = index
            .search(&SearchRequest {
                filters: vec![(Dim::Country, "COD".into())],
                ..public("prévention")
            })
            .unwrap();
        assert!(
            only.total >= Some(1) && only.total < all.total,
            "{:?} < {:?}",
            only.total,
            all.total
        );
        assert!(only.hits.iter().all(|h| h.url != "/mechanisms/caf-national-committee"));
        db.finish().await;
    }
}

#[tokio::test]
async fn the_public_never_sees_questionnaire_attachments_and_pdf_pages_are_linked() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let out = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(MailSettings {
            from: "NMP <nmp@example.org>".into(),
            smtp: None,
            outbox: out.path().join("outbox"),
        })
        .unwrap();
        let editor = s
            .create_account(
                "system:test",
                "editor@example.org",
                "Synthetic Editor",
                AccountRole::Editor,
            )
            .await
            .unwrap();
        let q = questionnaire::create_default(s, "editor@example.org", "2017")
            .await
            .unwrap();
        let who = Invitee {
            name: "Synthetic Respondent".into(),
            email: "respondent@example.org".into(),
            organization_id: None,
            country_iso3: Some("GHA".into()),
            mechanism_id: None,
            due_on: "2099-01-31".into(),
            ..Default::default()
        };
        let invited = invite(s, &mailer, "http://nmp.test", &editor, q.questionnaire_id, &who)
            .await
            .unwrap();
        let token = invited.link.rsplit('/').next().unwrap().to_string();
        let opened = open(s, &token).await.unwrap();
        let (_, errors) = save_with(
            s,
            &token,
            Save {
                answers: opened.answers.clone(),
                uploads: vec![Upload {
                    question_key: "documents".into(),
                    file_name: "minutes.txt".into(),
                    bytes: b"Synthetic minutes: the quarzelmoot working group met in secret.".to_vec(),
                    truncated: false,
                }],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let en = source_in(s, "en").await;
        let pdf = pdf_with_pages(&[
            "Synthetic report, page one",
            "Page two",
            "The zorbulant phrase of page three",
        ]);
        archive(s, &en, "report.pdf", "application/pdf", pdf).await;
        let scan = source_in(s, "fr").await;
        archive(s, &scan, "scan.pdf", "application/pdf", pdf_with_pages(&["", ""])).await;

        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open(dir.path()).unwrap();
        index.refresh(s).await.unwrap();

        let seen_by_staff = index.search(&staff("quarzelmoot")).unwrap();
        assert_eq!(seen_by_staff.hits.len(), 1, "{}", db.engine);
        assert_eq!(seen_by_staff.hits[0].kind, "attachment");
        assert!(seen_by_staff.hits[0].url.starts_with("/staff/attachments/"));
        assert!(
            index.search(&public("quarzelmoot")).unwrap().hits.is_empty(),
            "staff only"
        );
        let by_kind = index
            .search(&SearchRequest {
                filters: vec![(Dim::Kind, "attachment".into())],
                ..public("")
            })
            .unwrap();
        assert_eq!(by_kind.total, Some(0), "not even counted");

        let hit = index.search(&staff("zorbulant phrase")).unwrap().hits.remove(0);
        assert_eq!(hit.page, Some(3));
        assert_eq!(hit.url, format!("/sources/{en}/archive#page=3"));
        assert!(
            hit.snippet_html.contains("<mark>zorbulant</mark>"),
            "{}",
            hit.snippet_html
        );

        let why = index.missing_text(&format!("archive:{scan}")).unwrap();
        assert!(why.contains("scanned"), "{why}");
        let meta = index.search(&staff("scan")).unwrap();
        assert!(
            meta.hits.iter().any(|h| h.text_missing.is_some()),
            "indexed by its name"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn bad_queries_answer_with_a_note_and_never_fail() {
    let db = nmp_store::testing::blank_sqlite().await;
    db.store.migrate().await.unwrap();
    nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index.refresh(&db.store).await.unwrap();
    let long = "prévention ".repeat(1000);
    for q in [
        "\"prévention",
        "AND",
        "- OR",
        "((",
        "préven\u{0}tion\u{7}",
        long.as_str(),
        "\"",
        "*",
        ":",
    ] {
        let answer = index.search(&public(q)).unwrap();
        assert!(answer.query.chars().count() <= 500, "{q}");
        assert!(!answer.query.contains('\u{0}'));
        if !q.chars().any(char::is_alphanumeric) {
            assert!(!answer.notes.is_empty(), "{q:?} says why nothing was searched");
        }
    }
    assert!(index.search(&public(&long)).unwrap().notes[0].contains("500"));
    assert!(
        !index.search(&public("\"prévention")).unwrap().hits.is_empty(),
        "searched as words"
    );
    let nowhere = index
        .search(&SearchRequest {
            filters: vec![(Dim::Country, "XXX".into())],
            ..public("prévention")
        })
        .unwrap();
    assert_eq!(nowhere.total, Some(0));
    assert!(nowhere.notes.iter().any(|n| n.contains("XXX")), "{:?}", nowhere.notes);
}

#[tokio::test]
async fn changes_are_indexed_incrementally_and_other_schema_versions_rebuilt() {
    let db = nmp_store::testing::blank_sqlite().await;
    let s = &db.store;
    s.migrate().await.unwrap();
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let (en, fr) = (source_in(s, "en").await, source_in(s, "fr").await);
    archive(s, &en, "a.txt", "text/plain", b"Synthetic first file".to_vec()).await;
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index.refresh(s).await.unwrap();
    assert_eq!(index.refresh(s).await.unwrap(), None, "nothing changed");

    archive(
        s,
        &fr,
        "b.txt",
        "text/plain",
        b"Synthetic blorptastic second file".to_vec(),
    )
    .await;
    let report = index.refresh(s).await.unwrap().unwrap();
    assert_eq!((report.files_read, report.files_kept), (1, 1), "{report:?}");
    assert_eq!(index.search(&public("blorptastic")).unwrap().total, Some(1));
    drop(index);

    // Reopened: the index is kept, and as nothing was written since, nothing is indexed again;
    // the facets' labels are read all the same.
    let index = SearchIndex::open(dir.path()).unwrap();
    assert!(!index.needs_build());
    assert_eq!(index.refresh(s).await.unwrap(), None, "current: not indexed again");
    assert_eq!(index.search(&public("blorptastic")).unwrap().total, Some(1));
    // A current index opens no writer, so a second opener of the folder is not refused.
    drop(SearchIndex::open(dir.path()).unwrap());
    let facets = index.search(&public("prévention")).unwrap().facets;
    let country = facets.iter().find(|f| f.name == "country").unwrap();
    assert!(
        country
            .values
            .iter()
            .any(|v| v.value == "COD" && v.label.contains("Congo")),
        "{country:?}"
    );
    // The labels read at start are those a whole indexing makes.
    assert_eq!(
        nmp_search::records::labels(s).await.unwrap().0,
        nmp_search::records::records(s).await.unwrap().1.0
    );
    drop(index);
    // A write while it was closed: the next opening brings it up to date.
    archive(
        s,
        &en,
        "c.txt",
        "text/plain",
        b"Synthetic zorbulent third file".to_vec(),
    )
    .await;
    let index = SearchIndex::open(dir.path()).unwrap();
    let report = index.refresh(s).await.unwrap().unwrap();
    assert_eq!(
        (report.files_read, report.files_kept),
        (1, 1),
        "the file replaced is read, the other kept"
    );
    assert_eq!(index.search(&public("zorbulent")).unwrap().total, Some(1));
    // Its writer now open, the folder is refused to a second opener (another server), saying why.
    let second = SearchIndex::open(dir.path()).unwrap_err().to_string();
    assert!(second.contains("another process is writing this index"), "{second}");
    drop(index);

    // Another schema version: rebuilt from scratch.
    std::fs::write(dir.path().join("schema-version"), "0").unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert!(index.needs_build());
    assert_eq!(index.search(&public("blorptastic")).unwrap().total, Some(0), "emptied");
    let report = index.refresh(s).await.unwrap().unwrap();
    assert_eq!(report.files_read, 2);
    assert_eq!(index.search(&public("blorptastic")).unwrap().total, Some(1));
}
