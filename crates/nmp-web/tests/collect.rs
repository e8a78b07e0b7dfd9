//! The respondent's form over HTTP: documents attached with the draft (multipart), refused files
//! named beside their question, staff downloads; and a mechanism a respondent reports, approved
//! and shown on the public page. On SQLite and (when configured) PostgreSQL. Respondents, files
//! and accounts are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{RawAnswer, Session, fetch, get, multipart_body, post, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::entity::{account, organization, proposal};
use nmp_store::testing::engines;

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
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(nmp_collect::attach::MAX_FILE_BYTES + 1, b'x');
        let oversize = send_form(s, &r, &answers, &[("f.documents", "big.pdf", &big)]).await;
        assert_eq!(oversize.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", db.engine);
        assert!(
            oversize
                .text()
                .contains("id=\"e-f.documents\">big.pdf is larger than 10.0 MB"),
            "{}",
            oversize.text().chars().take(600).collect::<String>()
        );
        assert_eq!(nmp_collect::attach::list(s, invitation_id).await.unwrap().len(), 1);

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
        let sent = send_form(
            s,
            &r,
            &[
                ("action", "submit"),
                ("q.name", "Synthetic Nigerian Committee (test data)"),
                ("q.acronym", "SNC-WEB"),
                ("q.level", "national"),
                ("q.mechanism_type", "committee"),
                ("q.created_on", "2021"),
                ("g.members.0.organization_id", &org_id),
                ("g.members.0.role", "member"),
            ],
            &[],
        )
        .await;
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
