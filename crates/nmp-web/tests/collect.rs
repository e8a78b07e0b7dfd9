//! The respondent's form over HTTP: documents attached with the draft (multipart), refused files
//! named beside their question, staff downloads; the limits of a response enforced while a form
//! is read (count, size, total, declared length, text) and DOCX/XLSX packages checked (a "zip
//! bomb", an archive inside); and a mechanism a respondent reports, approved and shown on the
//! public page. On SQLite and (when configured) PostgreSQL. Respondents, files
//! and accounts are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{
    RawAnswer, Session, fetch, get, multipart_body, post, staff, synthetic_docx, synthetic_xlsx, zip_bomb, zip_of,
};
use nmp_core::vocab::AccountRole;
use nmp_store::entity::{account, edition, invitation, membership, organization, proposal};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

/// Invites a synthetic respondent (through the library, as the workspace does) and returns the
/// token and the invitation's id.
async fn invite(s: &Store, editor: &Session, country: &str, mechanism: Option<i32>) -> (String, i32) {
    let q = match nmp_collect::questionnaire::create_default(s, &editor.email, "2017").await {
        Ok(q) => q.questionnaire_id,
        Err(_) => s.all::<nmp_store::entity::questionnaire::Entity>().await.unwrap()[0].questionnaire_id,
    };
    let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
        from: "nmp@example.org".into(),
        smtp: None,
        outbox: std::env::temp_dir().join("nmp-outbox-collect-test"),
    })
    .unwrap();
    let account = s.get::<account::Entity>(editor.account_id).await.unwrap().unwrap();
    let who = nmp_collect::invite::Invitee {
        name: "Synthetic Respondent".into(),
        email: "respondent@example.org".into(),
        country_iso3: Some(country.into()),
        mechanism_id: mechanism,
        due_on: "2099-01-01".into(),
        ..Default::default()
    };
    let invited = nmp_collect::invite::invite(s, &mailer, "http://nmp.test", &account, q, &who)
        .await
        .unwrap();
    (
        invited.link.rsplit('/').next().unwrap().to_string(),
        invited.invitation.invitation_id,
    )
}

/// The respondent's browser: the CSRF cookie the form set, and the form's token.
struct Respondent {
    path: String,
    cookie: String,
    csrf: String,
}

async fn open_form(s: &Store, token: &str) -> (Respondent, String) {
    let path = format!("/respond/{token}");
    let page = get(s, &path, None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page
        .set_cookies
        .iter()
        .find(|c| c.starts_with("nmp_csrf="))
        .expect("the form sets its CSRF cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let csrf = page.csrf();
    (Respondent { path, cookie, csrf }, page.body)
}

async fn send_form(s: &Store, r: &Respondent, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> RawAnswer {
    let mut all = vec![("csrf", r.csrf.as_str())];
    all.extend_from_slice(fields);
    let (content_type, body) = multipart_body(&all, files);
    fetch(s, "POST", &r.path, Some(&r.cookie), Some(&content_type), body).await
}

/// Submits the answers the default questionnaire needs for a new national committee with one
/// member organisation.
async fn submit_new_mechanism(s: &Store, r: &Respondent, name: &str, acronym: &str, org_id: &str) -> RawAnswer {
    let fields = [
        ("action", "submit"),
        ("q.name", name),
        ("q.acronym", acronym),
        ("q.level", "national"),
        ("q.mechanism_type", "committee"),
        ("q.created_on", "2021"),
        ("g.members.0.organization_id", org_id),
        ("g.members.0.role", "member"),
    ];
    send_form(s, r, &fields, &[]).await
}

fn synthetic_pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% Synthetic test document (NMP test data)\n".to_vec();
    bytes.extend(0..=255u8);
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

#[tokio::test]
async fn respondents_attach_documents_beside_their_answers_and_staff_download_them() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let reviewer = staff(s, "reviewer@example.org", AccountRole::Reviewer).await;
        let researcher = staff(s, "researcher@example.org", AccountRole::Researcher).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let (token, invitation_id) = invite(s, &editor, "GHA", Some(gha.mechanism_id)).await;
        let (r, body) = open_form(s, &token).await;
        assert!(
            body.contains("enctype=\"multipart/form-data\""),
            "the form can carry files"
        );
        assert!(body.contains("name=\"f.documents\" type=\"file\" multiple"), "{body}");

        // A PDF and a note attached with the draft.
        let pdf = synthetic_pdf();
        let answers = [
            ("action", "save"),
            ("q.name", gha.name.as_str()),
            ("q.level", "national"),
            ("q.mechanism_type", "committee"),
            ("q.acronym", "NPC-WEB"),
        ];
        let saved = send_form(
            s,
            &r,
            &answers,
            &[
                ("f.documents", "Founding decree.pdf", &pdf),
                ("f.documents", "notes.txt", b"Synthetic notes (test data)"),
            ],
        )
        .await;
        let text = saved.text();
        assert_eq!(saved.status, StatusCode::OK, "{}: {text}", db.engine);
        assert!(text.contains("Attached: Founding decree.pdf, notes.txt."), "{text}");
        assert!(text.contains("Founding decree.pdf</span>"), "the page lists the file");
        let files = nmp_collect::attach::list(s, invitation_id).await.unwrap();
        assert_eq!(files.len(), 2);

        // Saving again without files keeps them; a box ticked removes one.
        let kept = send_form(s, &r, &answers, &[]).await;
        assert!(kept.text().contains("Founding decree.pdf</span>") && kept.text().contains("notes.txt</span>"));
        let note_id = files[1].attachment_id.to_string();
        let mut removing = answers.to_vec();
        removing.push(("remove", &note_id));
        let removed = send_form(s, &r, &removing, &[]).await;
        assert!(removed.text().contains("Removed: notes.txt."), "{}", removed.text());
        assert_eq!(nmp_collect::attach::list(s, invitation_id).await.unwrap().len(), 1);

        // A file that is not what its name says, and one over 10 MB: the message is beside the
        // question, nothing is stored, the typed answer is kept.
        let wrong = send_form(
            s,
            &r,
            &[("action", "save"), ("q.acronym", "NPC-KEPT")],
            &[("f.documents", "report.pdf", b"PK\x03\x04 synthetic zip, not a PDF")],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            wrong
                .text()
                .contains("id=\"e-f.documents\">report.pdf is named as PDF but its content is not PDF"),
            "{}",
            wrong.text()
        );
        assert!(wrong.text().contains("value=\"NPC-KEPT\""));
        // Over 10 MB: refused while it is read (413), nothing saved, the answers shown as typed.
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(nmp_collect::attach::MAX_FILE_BYTES + 1, b'x');
        let mut typed = answers.to_vec();
        typed[4] = ("q.acronym", "NPC-TYPED");
        let oversize = send_form(s, &r, &typed, &[("f.documents", "big.pdf", &big)]).await;
        assert_eq!(oversize.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", db.engine);
        assert!(
            oversize
                .text()
                .contains("id=\"e-f.documents\">big.pdf is larger than 10.0 MB"),
            "{}",
            oversize.text().chars().take(600).collect::<String>()
        );
        assert!(oversize.text().contains("Nothing was saved"));
        assert!(oversize.text().contains("value=\"NPC-TYPED\""), "shown as typed");
        assert_eq!(nmp_collect::attach::list(s, invitation_id).await.unwrap().len(), 1);
        let inv = s.get::<invitation::Entity>(invitation_id).await.unwrap().unwrap();
        assert!(!inv.answers_json.unwrap_or_default().contains("NPC-TYPED"), "not saved");

        // Without the form's token nothing is read or stored.
        let forged = Respondent {
            csrf: "0".repeat(64),
            path: r.path.clone(),
            cookie: r.cookie.clone(),
        };
        let refused = send_form(&db.store, &forged, &answers, &[("f.documents", "x.pdf", &pdf)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(nmp_collect::attach::list(s, invitation_id).await.unwrap().len(), 1);

        // Submitted; staff see the file on the response and on its proposals, and download it.
        let mut submitting = answers.to_vec();
        submitting[0] = ("action", "submit");
        let submitted = send_form(s, &r, &submitting, &[]).await;
        assert!(
            submitted.text().contains("your response is submitted"),
            "{}",
            submitted.text()
        );
        let id = files[0].attachment_id;
        let link = format!("/staff/attachments/{id}");
        let page = get(s, &format!("/staff/invitations/{invitation_id}"), Some(&editor)).await;
        assert!(
            page.body
                .contains(&format!("<a href=\"{link}\" download>Founding decree.pdf</a>")),
            "{}",
            page.body
        );
        let p = s
            .proposals_of_invitation(invitation_id)
            .await
            .unwrap()
            .into_iter()
            .next()
            .expect("the acronym's proposal");
        let shown = get(s, &format!("/staff/proposals/{}", p.proposal_id), Some(&reviewer)).await;
        assert!(shown.body.contains("Documents attached to the response") && shown.body.contains(&link));
        for who in [&editor, &reviewer] {
            let cookie = format!("nmp_session={}", who.token);
            let download = fetch(s, "GET", &link, Some(&cookie), None, Vec::new()).await;
            assert_eq!(download.status, StatusCode::OK);
            assert_eq!(download.bytes, pdf, "{}: identical bytes", db.engine);
            assert_eq!(download.header("content-type"), "application/pdf");
            assert!(
                download
                    .header("content-disposition")
                    .starts_with("attachment; filename=\"Founding decree.pdf\""),
                "{}",
                download.header("content-disposition")
            );
        }
        assert_eq!(get(s, &link, Some(&researcher)).await.status, StatusCode::FORBIDDEN);
        let anonymous = get(s, &link, None).await;
        assert_eq!(anonymous.location.as_deref(), Some("/login"));
        assert_eq!(
            get(s, "/staff/attachments/999999", Some(&editor)).await.status,
            StatusCode::NOT_FOUND
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn limits_are_enforced_while_the_form_is_read_and_office_packages_are_checked() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let (token, invitation_id) = invite(s, &editor, "GHA", Some(gha.mechanism_id)).await;
        let (r, _) = open_form(s, &token).await;
        let held = || async move { nmp_collect::attach::list(s, invitation_id).await.unwrap() };
        let save = [("action", "save"), ("q.acronym", "NPC-LIMITS")];

        // A Word document and a workbook are attached.
        let docx = synthetic_docx(&[]);
        let xlsx = synthetic_xlsx();
        let ok = send_form(
            s,
            &r,
            &save,
            &[
                ("f.documents", "report.docx", &docx),
                ("f.documents", "figures.xlsx", &xlsx),
            ],
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK, "{}: {}", db.engine, ok.text());
        assert!(ok.text().contains("Attached: report.docx, figures.xlsx."));

        // A 2 MB document that would expand to 2 GiB, and one with an archive inside: refused
        // beside the question, not stored.
        let bomb = zip_bomb("word");
        assert!(bomb.len() < 3 * 1024 * 1024);
        let refused = send_form(s, &r, &save, &[("f.documents", "bomb.docx", &bomb)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.text().contains(
                "bomb.docx was refused as Word (DOCX): it would expand to 2.0 GiB when opened, more than the 100 MiB a document may (a &#34;zip bomb&#34;)"
            ),
            "{}",
            refused.text()
        );
        let inner = zip_of(&[("payload.txt", b"synthetic")]);
        let nested = synthetic_docx(&[("word/media/payload.zip", &inner)]);
        let refused = send_form(s, &r, &save, &[("f.documents", "nested.docx", &nested)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.text().contains(
                "nested.docx was refused as Word (DOCX): it holds another archive inside (word/media/payload.zip)"
            ),
            "{}",
            refused.text()
        );
        let bomb_xlsx = zip_bomb("xl");
        let refused = send_form(s, &r, &save, &[("f.documents", "bomb.xlsx", &bomb_xlsx)]).await;
        assert!(
            refused
                .text()
                .contains("bomb.xlsx was refused as Excel (XLSX): it would expand to 2.0 GiB")
        );
        assert_eq!(held().await.len(), 2);

        // Six files of 9 MB in one form, to a response holding 2 small ones: the sixth would take
        // its files over 50 MB, so nothing is saved, not even the five that fit.
        let mut nine = b"%PDF-1.4\n".to_vec();
        nine.resize(9 * 1024 * 1024, b'x');
        let names: Vec<String> = (1..=6).map(|i| format!("part-{i}.pdf")).collect();
        let files: Vec<(&str, &str, &[u8])> = names
            .iter()
            .map(|n| ("f.documents", n.as_str(), nine.as_slice()))
            .collect();
        let over = send_form(s, &r, &save, &files).await;
        assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", db.engine);
        assert!(
            over.text().contains("part-6.pdf was not attached: the files of a response may take at most 50.0 MB together, and it holds 45.0 MB"),
            "{}",
            over.text()
        );
        assert_eq!(held().await.len(), 2, "all or nothing");

        // A response holding ten files takes no eleventh: refused before its bytes are read.
        let note = b"Synthetic note (test data)".as_slice();
        let notes: Vec<String> = (3..=10).map(|i| format!("note-{i}.txt")).collect();
        let files: Vec<(&str, &str, &[u8])> = notes.iter().map(|n| ("f.documents", n.as_str(), note)).collect();
        assert_eq!(send_form(s, &r, &save, &files).await.status, StatusCode::OK);
        assert_eq!(held().await.len(), 10);
        let full = send_form(s, &r, &save, &[("f.documents", "eleventh.pdf", &synthetic_pdf())]).await;
        assert_eq!(full.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            full.text()
                .contains("eleventh.pdf was not attached: a response may hold at most 10 files; remove one first")
        );
        // ... unless one is ticked for removal in the same form.
        let first = held().await[0].attachment_id.to_string();
        let mut removing = save.to_vec();
        removing.push(("remove", &first));
        let swapped = send_form(s, &r, &removing, &[("f.documents", "eleventh.pdf", &synthetic_pdf())]).await;
        assert_eq!(swapped.status, StatusCode::OK, "{}", swapped.text());
        assert!(swapped.text().contains("Attached: eleventh.pdf. Removed: report.docx."));
        assert_eq!(held().await.len(), 10);

        // A form that says it is larger than a response may take is refused before it is read.
        let (content_type, body) = multipart_body(&[("csrf", &r.csrf)], &[]);
        let app = nmp_web::router(common::state(s));
        let request = axum::http::Request::builder()
            .method("POST")
            .uri(&r.path)
            .header("cookie", &r.cookie)
            .header("content-type", content_type)
            .header("content-length", (60 * 1024 * 1024).to_string())
            .body(axum::body::Body::from(body))
            .unwrap();
        let answer = tower::ServiceExt::oneshot(app, request).await.unwrap();
        assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let page = http_body_util::BodyExt::collect(answer.into_body())
            .await
            .unwrap()
            .to_bytes();
        let page = String::from_utf8_lossy(&page);
        assert!(
            page.contains(
                "The files sent came to 60.0 MB, more than a response may take (50.0 MB together, 10.0 MB a file)"
            ),
            "{page}"
        );

        // A file before the form's token: refused, nothing read.
        let (content_type, body) = multipart_body(&[], &[("f.documents", "early.pdf", &synthetic_pdf())]);
        let early = fetch(s, "POST", &r.path, Some(&r.cookie), Some(&content_type), body).await;
        assert_eq!(early.status, StatusCode::FORBIDDEN);
        // Answers over 1 MB, url-encoded or multipart.
        let long = "x".repeat(1024 * 1024 + 1);
        let long_form = send_form(s, &r, &[("action", "save"), ("q.acronym", &long)], &[]).await;
        assert_eq!(long_form.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            long_form
                .text()
                .contains("The answers were longer than 1.0 MB together")
        );
        let encoded = serde_urlencoded::to_string([("csrf", r.csrf.as_str()), ("q.acronym", &long)]).unwrap();
        let answer = fetch(
            s,
            "POST",
            &r.path,
            Some(&r.cookie),
            Some("application/x-www-form-urlencoded"),
            encoded.into_bytes(),
        )
        .await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(held().await.len(), 10);
        db.finish().await;
    }
}

#[tokio::test]
async fn a_mechanism_reported_by_a_respondent_reaches_the_public_page_once_approved() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let (token, invitation_id) = invite(s, &editor, "NGA", None).await;
        let (r, body) = open_form(s, &token).await;
        assert!(
            body.contains("the mechanism of Nigeria (not yet in our records"),
            "{body}"
        );
        let org = s.all::<organization::Entity>().await.unwrap()[0].clone();
        let org_id = org.organization_id.to_string();
        let sent = submit_new_mechanism(s, &r, "Synthetic Nigerian Committee (test data)", "SNC-WEB", &org_id).await;
        assert!(
            sent.text().contains("your response is submitted"),
            "{}: {}",
            db.engine,
            sent.text()
        );

        let page = get(s, &format!("/staff/invitations/{invitation_id}"), Some(&editor)).await;
        assert!(
            page.body
                .contains("describes a mechanism the platform does not hold yet in Nigeria")
        );
        let mut proposals = s.proposals_of_invitation(invitation_id).await.unwrap();
        proposals.sort_by_key(|p| p.proposal_id);
        assert_eq!(
            proposals.iter().map(|p| p.entity.as_str()).collect::<Vec<_>>(),
            ["mechanism", "membership"]
        );
        let (mech, member) = (&proposals[0], &proposals[1]);
        let decide = |p: &proposal::Model| {
            (
                format!("/staff/proposals/{}/decide", p.proposal_id),
                p.version.to_string(),
            )
        };
        // The member first: refused, with what to do.
        let shown = get(s, &format!("/staff/proposals/{}", member.proposal_id), Some(&editor)).await;
        assert!(shown.body.contains(&format!(
            "proposal {}</a> (proposed): approve that one first",
            mech.proposal_id
        )));
        let (path, version) = decide(member);
        let early = post(s, &path, &editor, &[("version", &version), ("decision", "approve")]).await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            early
                .body
                .contains(&format!("approve proposal {} first", mech.proposal_id))
        );
        // Not public before approval.
        let slug = "nga-synthetic-nigerian-committee-test-data";
        assert_eq!(
            get(s, &format!("/mechanisms/{slug}"), None).await.status,
            StatusCode::NOT_FOUND
        );
        for p in [mech, member] {
            let (path, version) = decide(p);
            let done = post(s, &path, &editor, &[("version", &version), ("decision", "approve")]).await;
            assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        }
        let public = get(s, &format!("/mechanisms/{slug}"), None).await;
        assert_eq!(public.status, StatusCode::OK, "{}", db.engine);
        assert!(public.body.contains("Synthetic Nigerian Committee (test data)"));
        assert!(public.body.contains("SNC-WEB"));
        assert!(public.body.contains(&org.name), "the member is listed");
        assert!(public.body.contains("Response to"), "cited to the response");
        db.finish().await;
    }
}

/// How many rows of group `key` the form shows (its `rows.KEY` count).
fn rows_shown(body: &str, key: &str) -> usize {
    let marker = format!("name=\"rows.{key}\" value=\"");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no rows.{key}")) + marker.len();
    let end = body[start..].find('"').unwrap() + start;
    body[start..end].parse().unwrap()
}

#[tokio::test]
async fn the_form_says_who_asks_and_adds_rows_without_the_script() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        // The edition's period, as an editor would record it (synthetic).
        let edition = s
            .rows_where::<edition::Entity, _>(edition::Column::Slug, ["2017".to_string()])
            .await
            .unwrap()
            .remove(0);
        let mut w = s.writer("editor@example.org").await.unwrap();
        w.update::<edition::Entity>(edition.edition_id, edition.version, |row| {
            row.period_start = Set(Some("2015".into()));
            row.period_end = Set(Some("2017".into()));
        })
        .await
        .unwrap();
        w.commit().await.unwrap();
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let (token, invitation_id) = invite(s, &editor, "GHA", Some(gha.mechanism_id)).await;
        let (r, body) = open_form(s, &token).await;

        // Who asks, for what period, by when, and whom to write to (mail goes out from a local
        // address here, so the editor who sent the invitation).
        assert!(body.contains("<dt>Asked by</dt>"), "{body}");
        assert!(body.contains("The research team of the review <cite>National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes</cite>, for its 2017 edition <cite>Pursuing Institutionalization of the Prevention Agenda</cite>; your invitation was sent by Synthetic editor."));
        assert!(body.contains("<dt>Period covered</dt><dd>2015 to 2017</dd>"));
        assert!(body.contains("<dt>Please answer by</dt><dd>1 January 2099</dd>"));
        assert!(body.contains("<a href=\"mailto:editor@example.org\">editor@example.org</a>"));
        assert!(body.contains("about <strong>National Peace Council"), "{body}");

        // One blank row per group, and the button to add another.
        assert_eq!(rows_shown(&body, "members"), 1);
        assert!(body.contains("name=\"g.members.0.role\""));
        assert!(!body.contains("name=\"g.members.1.role\""));
        assert!(body.contains("name=\"action\" value=\"add-row:members\""));
        assert!(body.contains("<option value=\"other\">Other (not in the list)</option>"));
        assert!(body.contains("name=\"g.members.0.organization_id_other\""));

        // The blank row filled and "Add another row" pressed: the answers are kept (saved as a
        // draft), and the row is followed by one blank row.
        let org = s.all::<organization::Entity>().await.unwrap()[0]
            .organization_id
            .to_string();
        let added = send_form(
            s,
            &r,
            &[
                ("action", "add-row:members"),
                ("q.acronym", "NPC-ROWS"),
                ("rows.members", "1"),
                ("g.members.0.organization_id", &org),
                ("g.members.0.role", "chair"),
                ("rows.activities", "1"),
            ],
            &[],
        )
        .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.text());
        let body = added.text();
        assert!(
            body.contains("A blank row was added to “Member institutions not yet listed”"),
            "{body}"
        );
        assert_eq!(rows_shown(&body, "members"), 2, "{}", db.engine);
        assert!(body.contains(&format!("<option value=\"{org}\" selected>")));
        assert!(body.contains("value=\"NPC-ROWS\""));
        assert!(body.contains("name=\"g.members.1.role\""));
        assert!(!body.contains("name=\"g.members.2.role\""));
        assert!(
            body.contains("name=\"g.members.0._remove\""),
            "a filled row can be removed"
        );
        assert_eq!(rows_shown(&body, "activities"), 1);
        let saved = s.get::<invitation::Entity>(invitation_id).await.unwrap().unwrap();
        assert_eq!(saved.state, "draft");
        assert!(saved.answers_json.as_deref().unwrap().contains("NPC-ROWS"));

        // Pressed again with the blank row left blank: two blank rows.
        let again = send_form(
            s,
            &r,
            &[
                ("action", "add-row:members"),
                ("rows.members", "2"),
                ("g.members.0.organization_id", &org),
                ("g.members.0.role", "chair"),
                ("g.members.1.organization_id", ""),
                ("g.members.1.role", ""),
            ],
            &[],
        )
        .await;
        assert_eq!(rows_shown(&again.text(), "members"), 3);

        // A row ticked for removal is gone once saved; a bad answer in a row is named by its
        // row and field.
        let removed = send_form(
            s,
            &r,
            &[
                ("action", "save"),
                ("rows.members", "2"),
                ("g.members.0.organization_id", &org),
                ("g.members.0.role", "chair"),
                ("g.members.0._remove", "yes"),
                ("g.members.1.organization_id", "other"),
                ("g.members.1.role", "member"),
            ],
            &[],
        )
        .await;
        assert_eq!(removed.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = removed.text();
        assert!(
            body.contains("<li>Member institutions not yet listed, row 1, Institution&#39;s name, if not in the list: name the institution that is not in the list</li>"),
            "{body}"
        );
        assert!(
            !body.contains(&format!("<option value=\"{org}\" selected>")),
            "the removed row is gone"
        );
        assert!(
            body.contains("<option value=\"other\" selected>"),
            "the other row is kept"
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn an_institution_not_in_the_list_is_proposed_and_a_submitted_response_is_read_only() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let (token, invitation_id) = invite(s, &editor, "GHA", Some(gha.mechanism_id)).await;
        let (r, _) = open_form(s, &token).await;
        // What the form shows pre-filled goes back with it, as from a browser.
        let prefilled: Vec<(String, String)> = nmp_collect::respond::open(s, &token)
            .await
            .unwrap()
            .answers
            .iter()
            .filter_map(|(k, v)| v.as_str().map(|v| (format!("q.{k}"), v.to_string())))
            .collect();
        let mut fields: Vec<(&str, &str)> = prefilled.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        fields.extend([
            ("action", "submit"),
            ("rows.members", "1"),
            ("g.members.0.organization_id", "other"),
            (
                "g.members.0.organization_id_other",
                "Synthetic Ministry of Dialogue (test data)",
            ),
            ("g.members.0.role", "member"),
        ]);
        let sent = send_form(s, &r, &fields, &[]).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
        let body = sent.text();
        // Said plainly, the answers read-only, nothing to press or type.
        assert!(body.contains("Thank you: your response is submitted"), "{body}");
        assert!(body.contains("Your response was submitted on "));
        assert!(body.contains("<dd>Synthetic Ministry of Dialogue (test data)</dd>"));
        for gone in [
            "value=\"save\"",
            "value=\"submit\"",
            "add-row:",
            "<textarea",
            "<select",
            "name=\"q.",
            "name=\"g.",
        ] {
            assert!(!body.contains(gone), "{gone} on the submitted page");
        }
        let page = get(s, &r.path, None).await;
        assert!(page.body.contains("Your response was submitted on "));
        assert!(!page.body.contains("value=\"submit\""));

        // Proposed: the organisation, and the member row under it, shown readably to staff.
        let proposals = s.proposals_of_invitation(invitation_id).await.unwrap();
        let entities: Vec<&str> = proposals.iter().map(|p| p.entity.as_str()).collect();
        assert_eq!(entities, ["organization", "membership"], "{}", db.engine);
        let (org, member) = (&proposals[0], &proposals[1]);
        assert_eq!(member.parent_proposal_id, Some(org.proposal_id));
        let shown = get(s, &format!("/staff/proposals/{}", member.proposal_id), Some(&editor)).await;
        assert!(
            shown.body.contains(&format!(
                "This row belongs to a new organization, “Synthetic Ministry of Dialogue (test data)”, proposed in <a href=\"/staff/proposals/{0}\">proposal {0}</a> (proposed)",
                org.proposal_id
            )),
            "{}",
            shown.body
        );

        let response = get(s, &format!("/staff/invitations/{invitation_id}"), Some(&editor)).await;
        assert!(
            response
                .body
                .contains("create organization “Synthetic Ministry of Dialogue (test data)” · "),
            "{}",
            response.body
        );
        assert!(
            response
                .body
                .contains(&format!("create membership, under proposal {} · ", org.proposal_id))
        );
        assert!(
            response
                .body
                .contains("Institution not in the list: Synthetic Ministry of Dialogue (test data), Role: member"),
            "the answers by their questions"
        );
        assert!(response.body.contains(&format!(
            "The respondent named institutions not in the list: proposal {} creates them",
            org.proposal_id
        )));

        // A form posted to the submitted response anyway: refused, nothing written.
        let before = s.get::<invitation::Entity>(invitation_id).await.unwrap().unwrap();
        let late = send_form(
            s,
            &r,
            &[("action", "save"), ("q.acronym", "LATE"), ("rows.members", "1")],
            &[],
        )
        .await;
        assert_eq!(late.status, StatusCode::CONFLICT);
        assert!(
            late.text()
                .contains("Nothing was saved. Your response was submitted on "),
            "{}",
            late.text()
        );
        let after = s.get::<invitation::Entity>(invitation_id).await.unwrap().unwrap();
        assert_eq!(
            (after.version, after.answers_json),
            (before.version, before.answers_json)
        );
        assert_eq!(s.proposals_of_invitation(invitation_id).await.unwrap().len(), 2);

        // Approved in order, the membership points to the new organisation.
        for p in [org, member] {
            let done = post(
                s,
                &format!("/staff/proposals/{}/decide", p.proposal_id),
                &editor,
                &[("version", &p.version.to_string()), ("decision", "approve")],
            )
            .await;
            assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        }
        let created = s
            .rows_where::<organization::Entity, _>(
                organization::Column::Slug,
                ["gha-synthetic-ministry-of-dialogue-test-data".to_string()],
            )
            .await
            .unwrap()
            .remove(0);
        let member = s.get::<proposal::Entity>(member.proposal_id).await.unwrap().unwrap();
        let row = s
            .get::<membership::Entity>(member.entity_id.unwrap().parse().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (row.mechanism_id, row.organization_id),
            (gha.mechanism_id, created.organization_id)
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn a_respondent_invited_in_french_answers_in_french_and_may_switch_to_spanish() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let q = nmp_collect::questionnaire::create_default(s, &editor.email, "2017")
            .await
            .unwrap()
            .questionnaire_id;
        // The editor invites in French through the workspace's form.
        let made = post(
            s,
            &format!("/staff/questionnaires/{q}/invitations"),
            &editor,
            &[
                ("respondent_name", "Synthetic Répondante"),
                ("respondent_email", "repondante@example.org"),
                ("country_iso3", "COD"),
                ("due_on", "2099-12-29"),
                ("language", "fr"),
            ],
        )
        .await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let at = made.body.find("/respond/").expect("the link is shown") + "/respond/".len();
        let token: String = made.body[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();

        let (r, body) = open_form(s, &token).await;
        assert!(body.contains("<html lang=\"fr\">"), "{}", db.engine);
        assert!(
            body.contains("<header class=\"site\">") && body.contains(">Aller au contenu</a>"),
            "the site's frame is in French too"
        );
        assert!(
            !body.contains("class=\"languages\""),
            "the form's own switcher, not the site's (which would change the URL, not the invitation)"
        );
        assert!(body.contains("<dt>Demandé par</dt>"));
        assert!(
            body.contains("L&#39;équipe de recherche du rapport <cite>")
                || body.contains("L'équipe de recherche du rapport <cite>"),
            "{body}"
        );
        assert!(body.contains("<dt>Merci de répondre avant le</dt><dd>29 décembre 2099</dd>"));
        assert!(body.contains("Enregistrer le brouillon"));
        // The default questionnaire's own French: title, sections, questions and help.
        assert!(
            body.contains("<h1>Questionnaire sur les mécanismes nationaux de prévention du génocide"),
            "{body}"
        );
        assert!(body.contains("<span>Quand a-t-il été créé (décidé ou décrété) ?</span>"));
        assert!(body.contains("5 mars 2012"));
        assert!(body.contains("<h2>Instrument fondateur</h2>"));
        assert!(
            body.contains(">Arrêté ministériel</option>") && body.contains(">Comité</option>"),
            "choices in French"
        );
        assert!(!body.contains("When was it created") && !body.contains("Les questions sont rédigées en anglais"));

        // A date that does not exist gets a French message with an example.
        let bad = send_form(s, &r, &[("action", "save"), ("q.created_on", "31/02/2018")], &[]).await;
        let page = bad.text();
        assert!(
            page.contains("n&#39;est pas une date") || page.contains("n'est pas une date"),
            "{page}"
        );

        // A date typed the French way is read, kept as ISO 8601 and echoed in full.
        let saved = send_form(s, &r, &[("action", "save"), ("q.created_on", "29/12/2018")], &[]).await;
        let page = saved.text();
        assert_eq!(saved.status, StatusCode::OK, "{page}");
        assert!(page.contains("Date comprise : 29 décembre 2018"), "{page}");
        assert!(page.contains("value=\"29/12/2018\""), "the field keeps what was typed");
        assert!(page.contains("Votre brouillon est enregistré"));
        let stored = s
            .all::<invitation::Entity>()
            .await
            .unwrap()
            .remove(0)
            .answers_json
            .unwrap();
        assert!(stored.contains("\"created_on\":\"2018-12-29\""), "{stored}");
        // Switched to Spanish: recorded, and the form follows; an unknown language is refused.
        let switch = |lang: &str| format!("csrf={}&language={lang}", r.csrf).into_bytes();
        let path = format!("{}/language", r.path);
        let form = Some("application/x-www-form-urlencoded");
        let moved = fetch(s, "POST", &path, Some(&r.cookie), form, switch("es")).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER);
        let (_, es) = open_form(s, &token).await;
        assert!(es.contains("<html lang=\"es\">") && es.contains("Guardar borrador"));
        assert!(es.contains("Fecha entendida: 29 de diciembre de 2018"), "{es}");
        let refused = fetch(s, "POST", &path, Some(&r.cookie), form, switch("de")).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text());
        let forged = fetch(
            s,
            "POST",
            &path,
            Some(&r.cookie),
            form,
            b"csrf=forged&language=fr".to_vec(),
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let inv = s.all::<invitation::Entity>().await.unwrap().remove(0);
        assert_eq!(inv.language, "es");
        // Staff see the language the answers are in.
        let staff_page = get(s, &format!("/staff/invitations/{}", inv.invitation_id), Some(&editor)).await;
        assert!(
            staff_page.body.contains("Español (<code>es</code>)"),
            "{}",
            staff_page.body
        );
        assert!(staff_page.body.contains("<dd lang=\"es\">"));

        // Submitted in Spanish, then posted to again: the refusal is in Spanish, frame and all.
        let org_id = s.all::<organization::Entity>().await.unwrap()[0]
            .organization_id
            .to_string();
        let (r, _) = open_form(s, &token).await;
        let submitted = submit_new_mechanism(s, &r, "Synthetic Comité (test data)", "SCT", &org_id).await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.text());
        let late = send_form(s, &r, &[("action", "save"), ("q.acronym", "TARDE")], &[]).await;
        assert_eq!(late.status, StatusCode::CONFLICT);
        let text = late.text();
        assert!(text.contains("<html lang=\"es\">"), "{text}");
        assert!(
            text.contains("No se guardó nada: su respuesta ya fue enviada"),
            "{text}"
        );
        assert!(text.contains("Su respuesta fue enviada el ") && text.contains(">Ir al contenido</a>"));

        // A link that leads nowhere, opened by a browser set to French: the page says so in French.
        let app = nmp_web::router(common::state(s));
        let request = axum::http::Request::get(format!("/respond/{}", "0".repeat(64)))
            .header("accept-language", "fr-BE,fr;q=0.9")
            .body(axum::body::Body::empty())
            .unwrap();
        let response = tower::ServiceExt::oneshot(app, request).await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        let unknown = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(unknown.contains("<html lang=\"fr\">"), "{unknown}");
        assert!(
            unknown.contains("Ce lien ne peut pas être utilisé")
                && unknown.contains("Ce lien ne mène à aucun questionnaire")
        );
        db.finish().await;
    }
}
