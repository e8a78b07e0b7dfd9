//! The permission matrix of `docs/permissions.md`, read from the document itself: every row of
//! its "Staff routes" table, for every role and for anonymous visitors, on SQLite and (when
//! configured) PostgreSQL. Accounts are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{Answer, Session, get, post, post_multipart, send, send_json, staff};
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::testing::engines;

const WHO: [&str; 7] = [
    "anonymous",
    "admin",
    "editor",
    "researcher",
    "student",
    "reviewer",
    "partner",
];

struct Row {
    method: String,
    template: String,
    cells: Vec<String>,
}

fn matrix() -> Vec<Row> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/permissions.md")).unwrap();
    let section = doc.split("## Staff routes").nth(1).expect("a Staff routes section");
    let header = section
        .lines()
        .find(|l| l.starts_with("| route"))
        .expect("a header row");
    let columns: Vec<&str> = header.trim_matches('|').split('|').map(str::trim).collect();
    assert_eq!(columns[1..], WHO, "the table's columns");
    let rows: Vec<Row> = section
        .lines()
        .take_while(|l| l.starts_with('|') || l.trim().is_empty())
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
            let route = cells[0].trim_matches('`');
            let (method, template) = route.split_once(' ').expect("METHOD /path");
            Row {
                method: method.to_string(),
                template: template.to_string(),
                cells: cells[1..].to_vec(),
            }
        })
        .collect();
    assert!(rows.len() >= 18, "{} rows", rows.len());
    rows
}

struct World {
    questionnaire: i32,
    invitation: i32,
    attachment: i32,
    mechanism: i32,
    proposal: i32,
    assignment: i32,
    edition: i32,
    /// An assessment round of edition 2018 rated by two other accounts: (round, target,
    /// criterion, framework).
    round: (i32, i32, i32, i32),
    /// A report build of edition 2017, made through the workspace.
    build: String,
    /// An account the administrators' account pages change.
    account: i32,
    /// A call for essays whose guest editor is another researcher, and an essay invited to it:
    /// (call, essay).
    essay: (i32, i32),
    /// A review of another essay of that call, asked of that researcher as a staff reviewer.
    review: i32,
    sessions: Vec<Option<Session>>,
}

async fn world(s: &Store) -> World {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let mechanism = s
        .mechanism_by_slug("ken-national-committee")
        .await
        .unwrap()
        .unwrap()
        .mechanism_id;
    let mut sessions = vec![None];
    for who in &WHO[1..] {
        let role = AccountRole::parse("role", who).unwrap();
        sessions.push(Some(staff(s, &format!("{who}@example.org"), role).await));
    }
    // The partner works for an organisation that owns nothing.
    let orgs = s.all::<nmp_store::entity::organization::Entity>().await.unwrap();
    let partner_id = sessions[6].as_ref().unwrap().account_id;
    s.set_account_organization("system:test", partner_id, Some(orgs[0].organization_id))
        .await
        .unwrap();
    // Someone else's proposal and someone else's assignment.
    let other = staff(s, "other-researcher@example.org", AccountRole::Researcher).await;
    let other_student = staff(s, "other-student@example.org", AccountRole::Student).await;
    let form = record_form(s, "mechanism", mechanism, "ProposalSample").await;
    let proposed = post(
        s,
        &format!("/staff/records/mechanism/{mechanism}"),
        &other,
        &pairs(&form),
    )
    .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    let proposal: i32 = proposed.location.unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let edition = s.all::<nmp_store::entity::edition::Entity>().await.unwrap()[0].edition_id;
    let editor = sessions[2].as_ref().unwrap();
    let a = post(
        s,
        "/staff/assignments",
        editor,
        &[
            ("edition_id", &edition.to_string()),
            ("assignee_account_id", &other_student.account_id.to_string()),
            ("country_iso3", "UGA"),
            ("due_on", "2099-01-01"),
        ],
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let assignment = s.assignments(Some(other_student.account_id), false).await.unwrap()[0]
        .assignment
        .assignment_id;
    let q = nmp_collect::questionnaire::create_default(s, "system:test", "2017")
        .await
        .unwrap();
    let mailer = nmp_mail::Mailer::new(nmp_mail::MailSettings {
        from: "nmp@example.org".into(),
        smtp: None,
        outbox: std::env::temp_dir().join("nmp-outbox"),
    })
    .unwrap();
    let editor_account = s
        .get::<nmp_store::entity::account::Entity>(editor.account_id)
        .await
        .unwrap()
        .unwrap();
    let who = nmp_collect::invite::Invitee {
        name: "Synthetic Respondent".into(),
        email: "respondent@example.org".into(),
        due_on: "2099-01-01".into(),
        ..Default::default()
    };
    let invited = nmp_collect::invite::invite(s, &mailer, "http://nmp.test", &editor_account, q.questionnaire_id, &who)
        .await
        .unwrap();
    // A respondent's document, for the download route.
    let token = invited.link.rsplit('/').next().unwrap();
    let upload = nmp_collect::attach::Upload {
        question_key: "documents".into(),
        file_name: "synthetic.pdf".into(),
        bytes: b"%PDF-1.4 synthetic test document".to_vec(),
        truncated: false,
    };
    let (saved, _) = nmp_collect::respond::save_with(
        s,
        token,
        nmp_collect::respond::Save {
            uploads: vec![upload],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let round = assessment_round(s, other.account_id, other_student.account_id).await;
    let build = build_2017(s, editor).await;
    let account = staff(s, "matrix-target@example.org", AccountRole::Researcher)
        .await
        .account_id;
    let essay = essay_of_a_guest_call(s, &mailer, &editor_account, other.account_id).await;
    let review = review_of_another(s, &mailer, &editor_account, essay.0, other.account_id).await;
    World {
        account,
        essay,
        review,
        round,
        build,
        questionnaire: q.questionnaire_id,
        invitation: invited.invitation.invitation_id,
        attachment: saved.attachments[0].attachment_id,
        mechanism,
        proposal,
        assignment,
        edition,
        sessions,
    }
}

/// A round of edition 2018 (a synthetic framework and initiative) rated by `a` and `b`.
async fn assessment_round(s: &Store, a: i32, b: i32) -> (i32, i32, i32, i32) {
    let mut w = s.writer("system:test").await.unwrap();
    let f = nmp_store::testing::assessment_fixture(&mut w, "matrix-initiative", None, &["results"], 2).await;
    let round = nmp_store::outcomes::NewRound {
        countries: Vec::new(),
        assessed_on: None,
        edition: "2018".into(),
        framework_id: f.framework_id,
        title: "Synthetic round".into(),
        due_on: "2099-01-01".into(),
        initiatives: vec!["matrix-initiative".into()],
        raters: vec![a, b],
        ..Default::default()
    };
    let id = w.open_round(&round, None).await.unwrap();
    w.commit().await.unwrap();
    let target = s.round_view(id).await.unwrap().unwrap().targets[0].row.round_target_id;
    (id, target, f.criteria[0].0, f.framework_id)
}

/// A call of a synthetic edition whose guest editor is `guest` (none of the matrix's sessions),
/// and an author invited to it: (call, essay).
async fn essay_of_a_guest_call(
    s: &Store,
    mailer: &nmp_mail::Mailer,
    editor: &nmp_store::entity::account::Model,
    guest: i32,
) -> (i32, i32) {
    let ed = nmp_store::testing::synthetic_edition(s, "matrix-essays", "Matrix essays edition (synthetic)").await;
    let call = nmp_collect::essays::NewCall {
        edition_id: ed.edition_id,
        title: "Synthetic call with a guest editor".into(),
        description: None,
        deadline: "2099-03-01".into(),
        guest_editor_id: Some(guest),
        anonymity: "double".into(),
    };
    let call = nmp_collect::essays::open_call(s, editor, &call).await.unwrap();
    let author = nmp_collect::essays::Author {
        name: "Synthetic Author".into(),
        email: "matrix-author@example.org".into(),
        due_on: "2099-02-01".into(),
        ..Default::default()
    };
    let invited = nmp_collect::essays::invite_author(s, mailer, "http://nmp.test", editor, call.call_id, &author)
        .await
        .unwrap();
    (call.call_id, invited.essay.essay_id)
}

/// A second essay of the call `call_id`, submitted, whose review is asked of the staff account
/// `reviewer` (none of the matrix's sessions): the review's key.
async fn review_of_another(
    s: &Store,
    mailer: &nmp_mail::Mailer,
    editor: &nmp_store::entity::account::Model,
    call_id: i32,
    reviewer: i32,
) -> i32 {
    let author = nmp_collect::essays::Author {
        name: "Second Synthetic Author".into(),
        email: "matrix-author-2@example.org".into(),
        due_on: "2099-02-01".into(),
        ..Default::default()
    };
    let invited = nmp_collect::essays::invite_author(s, mailer, "http://nmp.test", editor, call_id, &author)
        .await
        .unwrap();
    let token = invited.link.rsplit('/').next().unwrap().to_string();
    let accepted = nmp_collect::essays::answer_invitation(s, &token, invited.essay.version, true, None)
        .await
        .unwrap();
    let manuscript = common::essays::manuscript("Synthetic text to review.\n");
    let v1 = nmp_collect::essays::submit(s, &token, accepted.version, &manuscript)
        .await
        .unwrap();
    let who = nmp_collect::essays::Reviewer {
        account_id: Some(reviewer),
        due_on: "2099-02-01".into(),
        ..Default::default()
    };
    nmp_collect::essays::assign_reviewer(s, mailer, "http://nmp.test", editor, v1.essay_id, &who)
        .await
        .unwrap()
        .review
        .review_id
}

/// Builds edition 2017's report (a draft) from the workspace and waits for it to be listed.
async fn build_2017(s: &Store, editor: &Session) -> String {
    let started = post(s, "/staff/editions/2017/build", editor, &[("draft", "on")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    for _ in 0..600 {
        let page = get(s, "/staff/editions/2017", Some(editor)).await;
        if let Some(at) = page.body.find("/staff/editions/2017/builds/") {
            let rest = &page.body[at + "/staff/editions/2017/builds/".len()..];
            return rest[..rest.find('/').unwrap()].to_string();
        }
        assert!(!page.body.contains("The last build failed"), "{}", page.body);
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the build of 2017 did not finish in two minutes");
}

async fn record_form(s: &Store, table: &str, id: i32, acronym: &str) -> Vec<(String, String)> {
    let r = s.record(table, id).await.unwrap().unwrap();
    let mut form: Vec<(String, String)> = r
        .fields
        .iter()
        .filter(|(k, _)| k.as_str() != "acronym")
        .map(|(k, v)| (k.clone(), nmp_store::records::value_text(v)))
        .collect();
    form.push(("acronym".into(), acronym.into()));
    form.push(("version".into(), r.version.to_string()));
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn request(s: &Store, w: &World, row: &Row, session: Option<&Session>, n: usize) -> Answer {
    // New records are status rows of the sample mechanism; the rest works on the mechanism.
    let table = if row.template == "/staff/records/{table}" {
        "mechanism_status"
    } else {
        "mechanism"
    };
    let path = row
        .template
        .replace("{table}", table)
        .replace("{id}", &w.mechanism.to_string())
        .replace("{proposal}", &w.proposal.to_string())
        .replace("{assignment}", &w.assignment.to_string())
        .replace("{questionnaire}", &w.questionnaire.to_string())
        .replace("{invitation}", &w.invitation.to_string())
        .replace("{edition}", "2017")
        .replace("{build}", &w.build)
        .replace("{file}", "report.pdf")
        .replace("{attachment}", &w.attachment.to_string())
        .replace("{round}", &w.round.0.to_string())
        .replace("{target}", &w.round.1.to_string())
        .replace("{criterion}", &w.round.2.to_string())
        .replace("{framework}", &w.round.3.to_string())
        .replace("{account}", &w.account.to_string())
        .replace("{call}", &w.essay.0.to_string())
        .replace("{essay}", &w.essay.1.to_string())
        .replace("{review}", &w.review.to_string())
        .replace("{action}", "due")
        .replace("{source}", "i-gmap-natmec")
        .replace("{kind}", "mechanisms")
        .replace("{format}", "csv");
    let acronym = format!("MATRIX-{n}");
    if row.method == "POST" && row.template == "/staff/import" {
        // A check (dry run) of a one-row file of synthetic sources: anyone who may propose may
        // propose a new source, so every role allowed here gets the summary page.
        let csv = format!("slug,title,kind\nmatrix-source-{n},Synthetic source {n} (synthetic test data),report\n");
        return post_multipart(
            s,
            &path,
            session,
            &[("kind", "sources"), ("step", "check")],
            Some(("file", "sources.csv", csv.as_bytes())),
        )
        .await;
    }
    if row.method == "POST" && row.template == "/staff/sources/{source}/file" {
        // A synthetic plain-text archived file: stored (303) for every role allowed here.
        let text = format!("Synthetic archived copy {n} (synthetic test data)\n");
        return post_multipart(s, &path, session, &[], Some(("file", "copy.txt", text.as_bytes()))).await;
    }
    match row.method.as_str() {
        "GET" => get(s, &path, session).await,
        "PATCH" => {
            let version = s.record("mechanism", w.mechanism).await.unwrap().unwrap().version;
            let body = serde_json::json!({ "version": version, "fields": { "acronym": acronym } });
            send_json(s, "PATCH", &path, session, &body).await
        }
        "POST" => {
            let form: Vec<(String, String)> = match row.template.as_str() {
                "/staff/records/{table}" => vec![
                    ("mechanism_id".into(), w.mechanism.to_string()),
                    ("status".into(), "active".into()),
                    ("confidence".into(), "unverified".into()),
                    ("note".into(), "Synthetic permission-test row".into()),
                ],
                "/staff/records/{table}/{id}" => record_form(s, "mechanism", w.mechanism, &acronym).await,
                "/staff/records/{table}/{id}/delete" => {
                    let v = s.record("mechanism", w.mechanism).await.unwrap().unwrap().version;
                    vec![("version".into(), v.to_string())]
                }
                "/staff/proposals/{proposal}/decide" => {
                    let p = s
                        .get::<nmp_store::entity::proposal::Entity>(w.proposal)
                        .await
                        .unwrap()
                        .unwrap();
                    vec![
                        ("version".into(), p.version.to_string()),
                        ("decision".into(), "reject".into()),
                    ]
                }
                "/staff/assignments" => vec![
                    ("edition_id".into(), w.edition.to_string()),
                    (
                        "assignee_account_id".into(),
                        w.sessions[3].as_ref().unwrap().account_id.to_string(),
                    ),
                    ("country_iso3".into(), "KEN".into()),
                    ("due_on".into(), "2099-06-30".into()),
                ],
                "/staff/assignments/{assignment}/done" => {
                    let a = s
                        .get::<nmp_store::entity::assignment::Entity>(w.assignment)
                        .await
                        .unwrap()
                        .unwrap();
                    vec![("version".into(), a.version.to_string())]
                }
                "/staff/questionnaires" => {
                    // Another edition each time: an edition has one default questionnaire.
                    let editions = s.all::<nmp_store::entity::edition::Entity>().await.unwrap();
                    vec![("edition_id".into(), editions[n % editions.len()].edition_id.to_string())]
                }
                "/staff/questionnaires/{questionnaire}/invitations" => vec![
                    ("respondent_name".into(), format!("Synthetic respondent {n}")),
                    ("respondent_email".into(), format!("r{n}@example.org")),
                    ("due_on".into(), "2099-02-01".into()),
                ],
                "/staff/questionnaires/{questionnaire}/remind"
                | "/staff/questionnaires/{questionnaire}/revision"
                | "/staff/invitations/{invitation}/reviewed"
                | "/staff/invitations/{invitation}/revoke" => Vec::new(),
                "/staff/invitations/{invitation}/issues" => vec![("comment".into(), "Synthetic comment".into())],
                // Publishing without `confirm=yes` goes to the confirmation page (303); an
                // erratum of an unpublished edition is a 422; a build starts (303) or one is
                // running (409): each lets the role through.
                "/staff/editions/{edition}/publish" => Vec::new(),
                "/staff/editions/{edition}/errata" => vec![
                    ("issued_on".into(), "2026".into()),
                    ("location".into(), "Synthetic location".into()),
                    ("correction".into(), "Synthetic correction".into()),
                ],
                "/staff/editions/{edition}/build" => vec![("draft".into(), "on".into())],
                // Opening a round with too little is a 422; copying a framework a 303; a stale
                // version a 409; reminders a 200; a reconciliation nobody rated for a 422; a
                // rating without a level a 422: each lets the role through.
                "/staff/assessments" => vec![("title".into(), format!("Synthetic round {n}"))],
                "/staff/frameworks/{framework}/copy" | "/staff/assessments/{round}/remind" => Vec::new(),
                "/staff/assessments/{round}/state" => vec![("version".into(), "0".into())],
                "/staff/assessments/{round}/targets/{target}"
                | "/staff/assessments/{round}/targets/{target}/criteria/{criterion}" => Vec::new(),
                // Setting up a second factor starts for anyone (303); a code that is not one is a
                // 422, as are recovery codes without a second factor and a wrong password.
                "/account/two-factor/start" => Vec::new(),
                "/account/two-factor/confirm" | "/account/two-factor/recovery-codes" => {
                    vec![("code".into(), "not-a-code".into())]
                }
                "/account/two-factor/disable" => vec![
                    ("password".into(), "not the password".into()),
                    ("code".into(), "not-a-code".into()),
                ],
                // Administrators: a new account (200 with its link), the target's role and
                // activity at its current version (303), a new link (200), a reset (303).
                "/staff/accounts" => vec![
                    ("name".into(), format!("Synthetic account {n}")),
                    ("email".into(), format!("matrix-new-{n}@example.org")),
                    ("role".into(), "researcher".into()),
                ],
                "/staff/accounts/{account}/role" | "/staff/accounts/{account}/active" => {
                    let a = s
                        .get::<nmp_store::entity::account::Entity>(w.account)
                        .await
                        .unwrap()
                        .unwrap();
                    vec![
                        ("version".into(), a.version.to_string()),
                        ("role".into(), "student".into()),
                        ("active".into(), "true".into()),
                    ]
                }
                "/staff/accounts/{account}/link" | "/staff/accounts/{account}/two-factor/reset" => Vec::new(),
                // An archived copy at the source's current version: saved (303).
                "/staff/sources/{source}/archive" => {
                    let src = s
                        .all::<nmp_store::entity::source::Entity>()
                        .await
                        .unwrap()
                        .into_iter()
                        .find(|r| r.slug == "i-gmap-natmec")
                        .unwrap();
                    vec![
                        ("version".into(), src.version.to_string()),
                        (
                            "archived_url".into(),
                            format!("https://archive.example.org/{n}/synthetic"),
                        ),
                        ("accessed_on".into(), "2026-11".into()),
                    ]
                }
                // A call without a theme or deadline, an invitation without a name and a due date
                // that is not a date: each a 422 for a role let through; the essay is of a call
                // whose guest editor is none of the matrix's sessions.
                "/staff/editions/{edition}/essays/calls" => vec![("anonymity".into(), "double".into())],
                "/staff/essay-calls/{call}/invite" => vec![("author_email".into(), "not-an-email".into())],
                "/staff/essays/{essay}/{action}" => vec![("due_on".into(), "not-a-date".into())],
                // Another person's review: refused to every role, whatever the form.
                "/staff/reviews/{review}" => vec![("recommendation".into(), "accept".into())],
                // Following a state (303); marking all one's alerts as read (303).
                "/staff/watchlist" => vec![
                    ("action".into(), "follow".into()),
                    ("target".into(), "KEN".into()),
                    ("min_rise".into(), "0.02".into()),
                ],
                "/staff/alerts/read" => vec![("alert".into(), "all".into())],
                other => panic!("the matrix test has no request for POST {other}; add one"),
            };
            match session {
                Some(sess) => post(s, &path, sess, &pairs(&form)).await,
                None => send(s, "POST", &path, None, &pairs(&form)).await,
            }
        }
        other => panic!("unknown method {other}"),
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_the_permission_table_says() {
    let rows = matrix();
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        let mut n = 0;
        for row in &rows {
            for (i, who) in WHO.iter().enumerate() {
                n += 1;
                let answer = request(s, &w, row, w.sessions[i].as_ref(), n).await;
                let what = format!("{} {} {} as {who}", db.engine, row.method, row.template);
                let api = row.template.starts_with("/api/");
                match row.cells[i].as_str() {
                    "sign in" if api => assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{what}"),
                    "sign in" => {
                        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{what}");
                        assert_eq!(answer.location.as_deref(), Some("/login"), "{what}");
                    }
                    "no" | "own" => assert_eq!(answer.status, StatusCode::FORBIDDEN, "{what}: {}", answer.body),
                    "yes" => {
                        assert!(
                            ![StatusCode::FORBIDDEN, StatusCode::UNAUTHORIZED, StatusCode::NOT_FOUND]
                                .contains(&answer.status)
                                && answer.location.as_deref() != Some("/login"),
                            "{what}: {} {}",
                            answer.status,
                            answer.body.chars().take(400).collect::<String>()
                        );
                        if row.method == "GET" {
                            assert_eq!(answer.status, StatusCode::OK, "{what}");
                        }
                    }
                    other => panic!("{what}: unknown cell {other:?}"),
                }
            }
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn the_json_api_saves_proposes_and_answers_409_and_422() {
    let db = engines().await.remove(0);
    let s = &db.store;
    let w = world(s).await;
    let path = format!("/api/v1/records/mechanism/{}", w.mechanism);
    let editor = w.sessions[2].as_ref().unwrap();
    let researcher = w.sessions[3].as_ref().unwrap();
    let version = s.record("mechanism", w.mechanism).await.unwrap().unwrap().version;
    let body = serde_json::json!({ "version": version, "fields": { "acronym": "API-1" }, "citation": { "source_id": 1, "locator": "p. 1" } });
    let saved = send_json(s, "PATCH", &path, Some(editor), &body).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let json: serde_json::Value = serde_json::from_str(&saved.body).unwrap();
    assert_eq!(json["record"]["fields"]["acronym"], "API-1");
    // The same version again: 409 with the current record.
    let stale = send_json(
        s,
        "PATCH",
        &path,
        Some(editor),
        &serde_json::json!({ "version": version, "fields": { "acronym": "API-2" } }),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let json: serde_json::Value = serde_json::from_str(&stale.body).unwrap();
    assert_eq!(json["error"]["code"], "conflict");
    assert_eq!(json["current"]["fields"]["acronym"], "API-1");
    // Bad values: 422 naming each field; nothing written.
    let bad = serde_json::json!({ "version": version + 1, "fields": { "level": "galactic", "nonsense": 1 } });
    let answer = send_json(s, "PATCH", &path, Some(editor), &bad).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let json: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let fields: Vec<&str> = json["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["nonsense", "level"]);
    // A researcher's change is a proposal: 202.
    let proposed = send_json(
        s,
        "PATCH",
        &path,
        Some(researcher),
        &serde_json::json!({ "version": version + 1, "fields": { "acronym": "API-3" } }),
    )
    .await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED, "{}", proposed.body);
    assert_eq!(
        s.record("mechanism", w.mechanism).await.unwrap().unwrap().fields["acronym"],
        "API-1"
    );
    // Without the CSRF header: 403.
    let mut no_csrf = editor.clone();
    no_csrf.csrf = "0".repeat(64);
    let refused = send_json(
        s,
        "PATCH",
        &path,
        Some(&no_csrf),
        &serde_json::json!({ "version": version + 1, "fields": {} }),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    db.finish().await;
}
