//! An expert opinion essay over HTTP, as its people meet it (issue 20): the editor opens a call
//! on the essay board and invites an author; the author's page refuses a manuscript with a bad
//! ORCID iD and an unknown source (the text kept), converts a Word file into the text box, and
//! takes the submission; the editor reads it with the data behind what it cites and asks a
//! reviewer, whose double-anonymous page hides the author and takes one report; the decision
//! letter reaches the author's page with the reviewer's comments; a decision on a stale version
//! is refused; after the revision, acceptance, a copyedit and the proofs (a diff of the
//! copyeditor's changes), the author approves; publishing the edition publishes the essay. On
//! SQLite and (when configured) PostgreSQL; people, the edition and the text are synthetic.

mod common;

use axum::http::StatusCode;
use common::{RawAnswer, Session, fetch, get, multipart_body, post, staff, zip_bomb, zip_of};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::entity::{edition, essay};
use nmp_store::testing::engines;

/// The author's browser: the CSRF cookie their page set, and the form's token.
struct Visitor {
    path: String,
    cookie: String,
    csrf: String,
}

async fn open(s: &Store, path: &str) -> (Visitor, String) {
    let page = get(s, path, None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page
        .set_cookies
        .iter()
        .find(|c| c.starts_with("nmp_csrf="))
        .expect("the page sets its CSRF cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let csrf = page.csrf();
    (
        Visitor {
            path: path.to_string(),
            cookie,
            csrf,
        },
        page.body,
    )
}

async fn send(s: &Store, v: &Visitor, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> RawAnswer {
    let mut all = vec![("csrf", v.csrf.as_str())];
    all.extend_from_slice(fields);
    let (content_type, body) = multipart_body(&all, files);
    fetch(s, "POST", &v.path, Some(&v.cookie), Some(&content_type), body).await
}

async fn send_form(s: &Store, v: &Visitor, fields: &[(&str, &str)]) -> RawAnswer {
    let mut all = vec![("csrf", v.csrf.as_str())];
    all.extend_from_slice(fields);
    let body = serde_urlencoded::to_string(&all).unwrap().into_bytes();
    fetch(
        s,
        "POST",
        &v.path,
        Some(&v.cookie),
        Some("application/x-www-form-urlencoded"),
        body,
    )
    .await
}

fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden {name} in {body}"))
        + marker.len();
    let end = body[start..].find('"').unwrap() + start;
    body[start..end].to_string()
}

fn link_in(body: &str) -> String {
    let start = body
        .find("<code class=\"link\" id=\"new-link\">")
        .expect("the link is shown once")
        + 33;
    let end = body[start..].find("</code>").unwrap() + start;
    let link = &body[start..end];
    link[link.find("/essay").unwrap()..].to_string()
}

const BODY: &str = "# Why it matters\n\nThe committee [@mechanism:arg-national-mechanism] met often.[^1] \
See also [@aipr-booklet-launch, p. 4].\n\n[^1]: A synthetic footnote.\n";

/// A small Word document with a heading and bold text (synthetic test data).
fn docx() -> Vec<u8> {
    let document = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Converted heading</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold words</w:t></w:r><w:r><w:t xml:space="preserve"> from Word.</w:t></w:r></w:p></w:body></w:document>"#;
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", document),
    ])
}

fn manuscript<'a>(version: &'a str, body: &'a str, orcid: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("action", "submit"),
        ("version", version),
        ("title", "Prevention begins at home"),
        ("abstract", "A synthetic abstract for the web test."),
        ("keywords", "prevention, mechanisms"),
        ("author_1_name", "Synthetic Author"),
        ("author_1_affiliation", "Test University"),
        ("author_1_orcid", orcid),
        ("competing_interests", "None declared."),
        ("licence_consent", "yes"),
        ("body", body),
    ]
}

async fn essay_row(s: &Store) -> essay::Model {
    s.all::<essay::Entity>().await.unwrap().remove(0)
}

async fn staff_page(s: &Store, editor: &Session, id: i32) -> String {
    let page = get(s, &format!("/staff/essays/{id}"), Some(editor)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body
}

#[tokio::test]
async fn an_essay_from_the_board_to_publication() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        nmp_store::testing::synthetic_edition(s, "test-essays", "Test essays edition (synthetic)").await;

        // The editor opens a call: a bad one is refused with the fields named, typed text kept.
        let board = "/staff/editions/test-essays/essays";
        assert_eq!(get(s, board, Some(&editor)).await.status, StatusCode::OK);
        let bad = post(
            s,
            "/staff/editions/test-essays/essays/calls",
            &editor,
            &[("title", "Kept theme"), ("deadline", "soon"), ("anonymity", "double")],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("deadline") && bad.body.contains("value=\"Kept theme\""),
            "{}",
            bad.body
        );
        let opened = post(
            s,
            "/staff/editions/test-essays/essays/calls",
            &editor,
            &[
                ("title", "Ten years on"),
                ("description", "Synthetic call."),
                ("deadline", "2099-03-01"),
                ("anonymity", "double"),
            ],
        )
        .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let call = s
            .essay_calls(
                s.all::<edition::Entity>()
                    .await
                    .unwrap()
                    .iter()
                    .find(|e| e.slug == "test-essays")
                    .unwrap()
                    .edition_id,
            )
            .await
            .unwrap()
            .remove(0);
        let invited = post(
            s,
            &format!("/staff/essay-calls/{}/invite", call.call_id),
            &editor,
            &[
                ("author_name", "Synthetic Author"),
                ("author_email", "author@example.org"),
                ("due_on", "2099-02-01"),
                ("language", "en"),
            ],
        )
        .await;
        assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
        let author_path = link_in(&invited.body);
        assert!(author_path.starts_with("/essay/"));
        let board_page = get(s, board, Some(&editor)).await.body;
        assert!(board_page.contains("data-stage=\"invited\""));
        assert!(board_page.contains("Synthetic Author"));

        // The author: a bad manuscript is refused, everything typed kept.
        let (author, page) = open(s, &author_path).await;
        assert!(page.contains("Accept the invitation"), "{page}");
        let version = hidden(&page, "version");
        let bad_body = format!("{BODY}\nAnd [@no-such-source].\n");
        let refused = send(s, &author, &manuscript(&version, &bad_body, "0000-0002-1825-0098"), &[]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let text = refused.text();
        assert!(text.contains("check digit"), "{text}");
        assert!(
            text.contains("<span class=\"field-name\">Author 1, ORCID iD</span>"),
            "the field is named by its label: {text}"
        );
        assert!(text.contains("<span class=\"field-name\">Text</span>"), "{text}");
        assert!(text.contains("no-such-source"), "{text}");
        assert!(
            text.contains("value=\"0000-0002-1825-0098\""),
            "the ORCID typed is kept"
        );
        assert!(text.contains("And [@no-such-source]."), "the text typed is kept");
        assert!(
            s.essay_file(essay_row(s).await.essay_id)
                .await
                .unwrap()
                .unwrap()
                .versions
                .is_empty()
        );

        // A Word file is converted into the text box; a zip bomb is refused.
        let mut convert = manuscript(&version, "", "");
        convert[0] = ("action", "convert");
        let converted = send(s, &author, &convert, &[("docx", "essay.docx", &docx())]).await;
        assert_eq!(converted.status, StatusCode::OK);
        let text = converted.text();
        assert!(text.contains("# Converted heading"), "{text}");
        assert!(text.contains("**Bold words** from Word."), "{text}");
        assert!(text.contains("name=\"source_format\" value=\"docx\""));
        let bomb = send(s, &author, &convert, &[("docx", "bomb.docx", &zip_bomb("word"))]).await;
        assert_eq!(bomb.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bomb.text().contains("bomb.docx: this Word document was refused"),
            "{}",
            bomb.text()
        );

        let submitted = send(
            s,
            &author,
            &manuscript(&version, BODY, "https://orcid.org/0000-0002-1825-0097"),
            &[],
        )
        .await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.text());
        assert!(submitted.text().contains("version 1 was received"));
        let id = essay_row(s).await.essay_id;

        // The editor reads it with what it cites, and asks a reviewer.
        let page = staff_page(s, &editor, id).await;
        assert!(page.contains("href=\"/mechanisms/arg-national-mechanism\""), "{page}");
        assert!(page.contains("@aipr-booklet-launch"), "{page}");
        assert!(page.contains("https://orcid.org/0000-0002-1825-0097"));
        let asked = post(
            s,
            &format!("/staff/essays/{id}/reviewers"),
            &editor,
            &[
                ("reviewer_name", "Synthetic Reviewer"),
                ("reviewer_email", "reviewer@example.org"),
                ("due_on", "2099-02-15"),
            ],
        )
        .await;
        assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
        let review_path = link_in(&asked.body);
        let (reviewer, page) = open(s, &review_path).await;
        assert!(page.contains("Prevention begins at home"));
        assert!(
            !page.contains("Synthetic Author"),
            "double-anonymous: the author is hidden"
        );
        assert!(page.contains("href=\"/mechanisms/arg-national-mechanism\""));
        let report = [
            ("version", hidden(&page, "version")),
            ("recommendation", "minor_revisions".to_string()),
            ("to_author", "Please define the acronym (synthetic).".to_string()),
            ("to_editor", "Sound.".to_string()),
        ];
        let report: Vec<(&str, &str)> = report.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let sent = send_form(s, &reviewer, &report).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
        let twice = send_form(s, &reviewer, &report).await;
        assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.text());
        assert!(twice.text().contains("already submitted"));

        // The decision and its letter; the author sees it and the comments, not the reviewer.
        let page = staff_page(s, &editor, id).await;
        assert!(page.contains("Sound."), "the editor reads the comments for the editor");
        let v1 = hidden(&page, "version_id");
        let decided = post(
            s,
            &format!("/staff/essays/{id}/decide"),
            &editor,
            &[
                ("version_id", &v1),
                ("decision", "minor_revisions"),
                ("letter_minor_revisions", "Dear author, please revise (synthetic)."),
            ],
        )
        .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
        // The editor moves the revisions' due date; a date that is none is refused.
        let due = format!("/staff/essays/{id}/due");
        let bad = post(s, &due, &editor, &[("due_on", "soon")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(bad.body.contains("due_on"), "{}", bad.body);
        let moved = post(s, &due, &editor, &[("due_on", "2099-05-01")]).await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        assert!(moved.body.contains("now due on 2099-05-01"), "{}", moved.body);
        let (author, page) = open(s, &author_path).await;
        assert!(page.contains("1 May 2099"), "the author sees the new date");
        let none = get(s, &format!("{author_path}/proofs.pdf"), None).await;
        assert_eq!(none.status, StatusCode::NOT_FOUND, "no proofs before the proofs");
        assert!(none.body.contains("not at the proofs"), "{}", none.body);
        assert!(page.contains("please revise (synthetic)"), "{page}");
        assert!(page.contains("Please define the acronym (synthetic)."));
        assert!(!page.contains("Synthetic Reviewer") && !page.contains("reviewer@example.org"));
        let revised = BODY.replace("met often", "met often (NPM: national prevention mechanism)");
        let sent = send(s, &author, &manuscript(&hidden(&page, "version"), &revised, ""), &[]).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
        assert!(sent.text().contains("version 2 was received"));

        // A decision on version 1 now is refused; on version 2 it is taken.
        let stale = post(
            s,
            &format!("/staff/essays/{id}/decide"),
            &editor,
            &[
                ("version_id", &v1),
                ("decision", "accept"),
                ("letter_accept", "Accepted (synthetic)."),
            ],
        )
        .await;
        assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(stale.body.contains("latest is version 2"), "{}", stale.body);
        let page = staff_page(s, &editor, id).await;
        let v2 = hidden(&page, "version_id");
        assert_ne!(v1, v2);
        let accepted = post(
            s,
            &format!("/staff/essays/{id}/decide"),
            &editor,
            &[
                ("version_id", &v2),
                ("decision", "accept"),
                ("letter_accept", "Accepted (synthetic)."),
            ],
        )
        .await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);

        // Copyedit, proofs, approval.
        let edited = revised.replace("met often", "met regularly");
        let copy = post(
            s,
            &format!("/staff/essays/{id}/copyedit"),
            &editor,
            &[
                ("version_id", &v2),
                ("title", "Prevention begins at home"),
                ("abstract", "A synthetic abstract for the web test."),
                ("body", &edited),
            ],
        )
        .await;
        assert_eq!(copy.status, StatusCode::OK, "{}", copy.body);
        assert!(copy.body.contains("Saved as version 3"));
        let proofs = post(s, &format!("/staff/essays/{id}/proofs"), &editor, &[]).await;
        assert_eq!(proofs.status, StatusCode::OK, "{}", proofs.body);
        let (author, page) = open(s, &author_path).await;
        assert!(page.contains("class=\"diff\""), "the copyeditor's changes are shown");
        assert!(page.contains("regularly"));
        // The proofs as printed: the essay's pages of the draft report, alone.
        assert!(page.contains(&format!("href=\"{author_path}/proofs.pdf\"")), "{page}");
        let printed = fetch(s, "GET", &format!("{author_path}/proofs.pdf"), None, None, Vec::new()).await;
        assert_eq!(printed.status, StatusCode::OK, "{}", printed.text());
        assert!(printed.bytes.starts_with(b"%PDF-"), "a PDF");
        let approved = send(
            s,
            &author,
            &[("action", "approve"), ("version", &hidden(&page, "version"))],
            &[],
        )
        .await;
        assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.text());
        assert_eq!(essay_row(s).await.stage, "ready");

        // Publishing the edition publishes the essay.
        nmp_report::publish::publish(s, "test-essays", "editor@example.org")
            .await
            .unwrap();
        assert_eq!(essay_row(s).await.stage, "published");
        db.finish().await;
    }
}
