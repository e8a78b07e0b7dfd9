//! The staff workspace over HTTP on the seeded starter dataset, on SQLite and (when configured)
//! PostgreSQL: the student → editor → public page journey, field errors, concurrent saves (one
//! wins, the other gets the 409 page), and a payload corpus through every form. Accounts and the
//! values typed into forms are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::dictionary::Kind;
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::records::{EDITABLE_TABLES, schema};
use nmp_store::testing::engines;

async fn mechanism_id(store: &Store, slug: &str) -> i32 {
    store.mechanism_by_slug(slug).await.unwrap().unwrap().mechanism_id
}

/// The form fields of a record as stored, ready to post back.
async fn current_form(store: &Store, table: &str, id: i32) -> Vec<(String, String)> {
    let record = store.record(table, id).await.unwrap().unwrap();
    let mut out: Vec<(String, String)> = record
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), nmp_store::records::value_text(v)))
        .collect();
    out.push(("version".into(), record.version.to_string()));
    out
}

fn with(form: &[(String, String)], changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = form
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    out.extend(changes.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    out
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn a_student_proposes_with_a_citation_an_editor_approves_and_the_public_page_shows_it() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let student = staff(s, "student@example.org", AccountRole::Student).await;
        let ken = mechanism_id(s, "ken-national-committee").await;
        let path = format!("/staff/records/mechanism/{ken}");

        // Without an assignment the student may not edit Kenya's mechanism.
        assert_eq!(
            get(s, &path, Some(&student)).await.status,
            StatusCode::FORBIDDEN,
            "{}",
            db.engine
        );

        // The editor assigns Kenya for the 2017 edition.
        let edition = s.all::<nmp_store::entity::edition::Entity>().await.unwrap();
        let e2017 = edition
            .iter()
            .find(|e| e.slug == "2017")
            .unwrap()
            .edition_id
            .to_string();
        let page = get(s, "/staff/assignments", Some(&editor)).await;
        assert_eq!(page.status, StatusCode::OK);
        let assigned = post(
            s,
            "/staff/assignments",
            &editor,
            &[
                ("edition_id", &e2017),
                ("assignee_account_id", &student.account_id.to_string()),
                ("country_iso3", "KEN"),
                ("due_on", "2099-01-31"),
                ("note", "Check the committee's acronym"),
            ],
        )
        .await;
        assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);
        let dashboard = get(s, "/staff", Some(&student)).await;
        assert!(dashboard.body.contains("Country: Kenya"), "{}", dashboard.body);
        // The assignment leads to the work: Kenya's mechanisms, filtered, and nothing else.
        assert!(
            dashboard
                .body
                .contains("<a href=\"/staff/records/mechanism?country=ken\">Country: Kenya</a>"),
            "{}",
            dashboard.body
        );
        let kenya = get(s, "/staff/records/mechanism?country=ken", Some(&student)).await;
        assert_eq!(kenya.status, StatusCode::OK);
        assert!(kenya.body.contains("Mechanism: Kenya"), "{}", kenya.body);
        assert!(
            kenya.body.contains(&format!("/staff/records/mechanism/{ken}\"")),
            "{}",
            kenya.body
        );
        assert!(!kenya.body.contains("Tanzania"), "only Kenya's: {}", kenya.body);
        let unknown = get(s, "/staff/records/mechanism?country=xyz", Some(&student))
            .await
            .body;
        assert!(unknown.contains("xyz&#34; is not a country code"), "{unknown}");
        let countryless = get(s, "/staff/records/source?country=ken", Some(&student)).await.body;
        assert!(
            countryless.contains("Source records belong to no country"),
            "{countryless}"
        );

        // The student's form: a bad value is refused beside its field, nothing is written.
        let form = current_form(s, "mechanism", ken).await;
        let bad = post(
            s,
            &path,
            &student,
            &pairs(&with(&form, &[("created_on", "2012-13-01")])),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("id=\"e-created_on\""), "error beside the field");
        assert!(s.proposals(None, None).await.unwrap().is_empty());

        // A proposal with a new source and a locator.
        let proposed = post(
            s,
            &path,
            &student,
            &pairs(&with(
                &form,
                &[
                    ("acronym", "KNC-SYN"),
                    ("cite_source", "new"),
                    ("source_slug", "synthetic-test-source"),
                    ("source_title", "Synthetic test source for the acronym"),
                    ("source_kind", "web_page"),
                    ("source_url", "https://example.org/synthetic"),
                    ("cite_field", "acronym"),
                    ("cite_locator", "para. 3"),
                    ("message", "Acronym as the source gives it"),
                ],
            )),
        )
        .await;
        assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
        let proposal_path = proposed.location.clone().unwrap();
        assert!(proposal_path.starts_with("/staff/proposals/"));
        // Nothing public yet.
        let public = get(s, "/mechanisms/ken-national-committee", None).await;
        assert!(!public.body.contains("KNC-SYN"));

        // The editor's queue and diff.
        let queue = get(s, "/staff/review", Some(&editor)).await;
        assert!(queue.body.contains(&proposal_path), "{}", queue.body);
        assert_eq!(
            get(s, "/staff/review", Some(&student)).await.status,
            StatusCode::FORBIDDEN
        );
        let shown = get(s, &proposal_path, Some(&editor)).await;
        assert!(shown.body.contains("KNC-SYN") && shown.body.contains("Synthetic test source for the acronym"));
        assert!(shown.body.contains("para. 3"));
        let version = shown.hidden("version");
        let decided = post(
            s,
            &format!("{proposal_path}/decide"),
            &editor,
            &[("version", &version), ("decision", "approve"), ("comment", "Thank you")],
        )
        .await;
        assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);

        // The student sees the outcome; the public page shows the fact with its citation.
        let dashboard = get(s, "/staff", Some(&student)).await;
        assert!(dashboard.body.contains("approved") && dashboard.body.contains("Thank you"));
        let public = get(s, "/mechanisms/ken-national-committee", None).await;
        assert!(public.body.contains("KNC-SYN"), "{}", db.engine);
        assert!(public.body.contains("Synthetic test source for the acronym"));
        let history = get(s, &format!("{path}/history"), Some(&student)).await;
        assert!(history.body.contains("Synthetic editor") && history.body.contains("KNC-SYN"));
        let log = get(s, "/staff/audit", Some(&editor)).await;
        assert!(log.body.contains("proposal"));
        assert!(s.verify_audit_chain().await.is_ok());
        db.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_saves_of_one_version_give_one_save_and_one_conflict_page() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let a = staff(s, "editor-a@example.org", AccountRole::Editor).await;
        let b = staff(s, "editor-b@example.org", AccountRole::Editor).await;
        let id = mechanism_id(s, "ken-national-committee").await;
        let path = format!("/staff/records/mechanism/{id}");
        let form = current_form(s, "mechanism", id).await;
        let form_a = with(&form, &[("acronym", "FROM-A")]);
        let form_b = with(&form, &[("acronym", "FROM-B")]);
        // Two tasks on two worker threads, released together.
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(2));
        let spawn = |who: common::Session, form: Vec<(String, String)>| {
            let (store, path, barrier) = (s.clone(), path.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                post(&store, &path, &who, &pairs(&form)).await
            })
        };
        let (ta, tb) = (spawn(a.clone(), form_a), spawn(b.clone(), form_b));
        let (ra, rb) = (ta.await.unwrap(), tb.await.unwrap());
        let statuses = [ra.status, rb.status];
        assert!(statuses.contains(&StatusCode::SEE_OTHER), "{}: {statuses:?}", db.engine);
        assert!(statuses.contains(&StatusCode::CONFLICT), "{}: {statuses:?}", db.engine);
        let (winner, loser) = if ra.status == StatusCode::SEE_OTHER {
            ("FROM-A", &rb)
        } else {
            ("FROM-B", &ra)
        };
        let stored = s.record("mechanism", id).await.unwrap().unwrap();
        assert_eq!(stored.fields["acronym"], winner);
        assert_eq!(stored.version, 2);
        // The conflict page shows both versions.
        let lost = if winner == "FROM-A" { "FROM-B" } else { "FROM-A" };
        assert!(
            loser.body.contains(lost) && loser.body.contains(winner),
            "{}",
            loser.body
        );
        assert!(loser.body.contains("Nothing of yours was saved"));
        db.finish().await;
    }
}

/// Payloads that must come back escaped and inert.
const CORPUS: &[&str] = &[
    "<script>alert('xss')</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; DROP TABLE mechanism; --",
    "Robert'); DELETE FROM source WHERE ('1'='1",
    "{{ 7*7 }} ${7*7} <svg/onload=alert(1)>",
];

/// Free-text fields of `table` that take any text (not codes, slugs, addresses or keys).
fn free_text(table: &str) -> Vec<String> {
    schema::fields(table)
        .unwrap()
        .iter()
        .filter(|f| f.kind == Kind::Text && f.target.is_none())
        .filter(|f| {
            ![
                "slug",
                "code",
                "url",
                "website",
                "instrument_url",
                "archived_url",
                "language",
                "entity",
                "entity_id",
                "country_iso3",
                "part_key",
            ]
            .contains(&f.name.as_str())
        })
        .map(|f| f.name.clone())
        .collect()
}

#[tokio::test]
async fn a_payload_corpus_through_every_form_is_stored_as_typed_and_shown_escaped() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let before = s.counts().await.unwrap();
        let mut checked = 0;
        for (n, table) in EDITABLE_TABLES.iter().enumerate() {
            let payload = CORPUS[n % CORPUS.len()];
            let fields = free_text(table);
            let Some(first) = s.records(table, 0, 1).await.unwrap().into_iter().next() else {
                continue;
            };
            // An edit that puts the payload into every free-text field.
            if !fields.is_empty() {
                let form = current_form(s, table, first.key).await;
                let changes: Vec<(&str, &str)> = fields.iter().map(|f| (f.as_str(), payload)).collect();
                let path = format!("/staff/records/{table}/{}", first.key);
                let saved = post(s, &path, &editor, &pairs(&with(&form, &changes))).await;
                assert_eq!(
                    saved.status,
                    StatusCode::SEE_OTHER,
                    "{} {table}: {}",
                    db.engine,
                    saved.body
                );
                let stored = s.record(table, first.key).await.unwrap().unwrap();
                for f in &fields {
                    assert_eq!(stored.fields[f], payload.trim(), "{table}.{f} stored as typed");
                }
                let page = get(s, &path, Some(&editor)).await;
                assert_eq!(page.status, StatusCode::OK);
                assert!(!page.body.contains(payload), "{table}: payload appears unescaped");
                assert!(
                    page.body.contains("&lt;") || page.body.contains("&#60;") || !payload.contains('<'),
                    "{table}: escaped: {}",
                    &page.body[page.body.find("f-name").unwrap_or(0)..][..300.min(page.body.len())]
                );
                checked += 1;
            }
            // The same payload in every field of a new record: refused or stored, never executed;
            // when refused, each error names a field and echoes the payload escaped.
            let path = format!("/staff/records/{table}");
            let all: Vec<(String, String)> = schema::fields(table)
                .unwrap()
                .iter()
                .map(|f| (f.name.clone(), payload.to_string()))
                .collect();
            let answer = post(s, &path, &editor, &pairs(&all)).await;
            assert!(
                answer.status == StatusCode::UNPROCESSABLE_ENTITY || answer.status == StatusCode::SEE_OTHER,
                "{} {table}: {}",
                db.engine,
                answer.status
            );
            assert!(
                !answer.body.contains(payload),
                "{table}: new-record form echoes the payload unescaped"
            );
            if answer.status == StatusCode::UNPROCESSABLE_ENTITY {
                assert!(answer.body.contains("field-error"), "{table}: errors beside fields");
            }
        }
        assert!(checked >= 12, "{checked} tables checked");
        // The SQL payloads were data, not statements: no table lost rows.
        let after = s.counts().await.unwrap();
        for (table, n) in before {
            assert!(after[table] >= n, "{table} lost rows");
        }
        // Public pages show the stored payloads escaped.
        for path in [
            "/mechanisms",
            "/mechanisms/usa-atrocities-prevention-board",
            "/sources",
            "/networks",
            "/editions/2017",
        ] {
            let page = get(s, path, None).await;
            for p in CORPUS {
                assert!(!page.body.contains(p), "{path} shows {p} unescaped");
            }
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn creating_and_deleting_records_and_the_workspace_lists() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let index = get(s, "/staff/records", Some(&editor)).await;
    assert!(index.body.contains("/staff/records/mechanism_status"));
    let list = get(s, "/staff/records/organization", Some(&editor)).await;
    assert!(list.body.contains("Binghamton"), "{}", list.body);
    assert_eq!(
        get(s, "/staff/records/account", Some(&editor)).await.status,
        StatusCode::NOT_FOUND
    );
    let new = get(s, "/staff/records/organization/new", Some(&editor)).await;
    assert!(new.body.contains("id=\"f-kind\"") && new.body.contains("Ombudsman or national human rights institution"));
    let created = post(
        s,
        "/staff/records/organization",
        &editor,
        &[
            ("slug", "synthetic-ministry"),
            ("name", "Synthetic Ministry (test data)"),
            ("kind", "ministry"),
            ("country_iso3", "KEN"),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.location.unwrap();
    let edit = get(s, &location, Some(&editor)).await;
    assert!(edit.body.contains("Saved."));
    // The same slug again is a field error.
    let again = post(
        s,
        "/staff/records/organization",
        &editor,
        &[("slug", "synthetic-ministry"), ("name", "Again"), ("kind", "ministry")],
    )
    .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("already used"), "{}", again.body);
    let id = location
        .trim_end_matches("?saved=1")
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let delete = post(
        s,
        &format!("/staff/records/organization/{id}/delete"),
        &editor,
        &[("version", "1")],
    )
    .await;
    assert_eq!(delete.status, StatusCode::SEE_OTHER);
    assert!(s.record("organization", id.parse().unwrap()).await.unwrap().is_none());
    let history = get(s, &format!("/staff/records/organization/{id}/history"), Some(&editor)).await;
    assert!(history.body.contains("delete") && history.body.contains("(deleted)"));
    db.finish().await;
}

#[tokio::test]
async fn a_shared_edition_shows_who_owns_each_part_and_partners_edit_only_what_they_own() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let partner = staff(s, "partner@example.org", AccountRole::Partner).await;
        let orgs = s.all::<nmp_store::entity::organization::Entity>().await.unwrap();
        let igmap = orgs.iter().find(|o| o.slug == "binghamton-university").unwrap();
        s.set_account_organization("system:test", partner.account_id, Some(igmap.organization_id))
            .await
            .unwrap();
        let e2017 = s
            .all::<nmp_store::entity::edition::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.slug == "2017")
            .unwrap();
        let profiles = s.profile_owners(e2017.edition_id).await.unwrap();
        let (profile, owner) = profiles.iter().find(|(p, _)| p.edition_part_id.is_some()).unwrap();
        assert_eq!(*owner, None);
        let part_id = profile.edition_part_id.unwrap();
        let profile_path = format!("/staff/records/profile/{}", profile.profile_id);
        // Before the part is theirs, the partner may not touch the profile.
        assert_eq!(
            get(s, &profile_path, Some(&partner)).await.status,
            StatusCode::FORBIDDEN
        );
        // The editor gives the part to the partner's organisation.
        let part_path = format!("/staff/records/edition_part/{part_id}");
        // A part is a chapter or an essay (a select of the vocabulary), with an author (text)
        // and its text in a text area.
        let page = get(s, &part_path, Some(&editor)).await.body;
        assert!(page.contains("<select id=\"f-kind\" name=\"kind\""), "{page}");
        assert!(
            page.contains("<option value=\"chapter\" selected>Chapter</option>"),
            "{page}"
        );
        assert!(
            page.contains("<option value=\"essay\">Expert opinion essay</option>"),
            "{page}"
        );
        assert!(
            page.contains("<input id=\"f-author\" name=\"author\" type=\"text\""),
            "{page}"
        );
        assert!(page.contains("<textarea id=\"f-body\" name=\"body\""), "{page}");
        let form = current_form(s, "edition_part", part_id).await;
        let org = igmap.organization_id.to_string();
        let saved = post(
            s,
            &part_path,
            &editor,
            &pairs(&with(&form, &[("owner_organization_id", &org)])),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = get(s, "/editions/2017", None).await;
        assert!(
            page.body.contains(&format!("responsible: {}", igmap.name)),
            "{}",
            db.engine
        );
        // Now the partner may propose a change to the profile in that part, and not to others.
        assert_eq!(get(s, &profile_path, Some(&partner)).await.status, StatusCode::OK);
        let form = current_form(s, "profile", profile.profile_id).await;
        let proposed = post(
            s,
            &profile_path,
            &partner,
            &pairs(&with(
                &form,
                &[("challenges", "Synthetic text written in the partner test")],
            )),
        )
        .await;
        assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
        assert!(proposed.location.unwrap().starts_with("/staff/proposals/"));
        let elsewhere = profiles
            .iter()
            .find(|(p, _)| p.edition_part_id != Some(part_id))
            .unwrap();
        let other_path = format!("/staff/records/profile/{}", elsewhere.0.profile_id);
        assert_eq!(get(s, &other_path, Some(&partner)).await.status, StatusCode::FORBIDDEN);

        // Made an essay with an author, the part is listed as one on the public page.
        let form = current_form(s, "edition_part", part_id).await;
        let saved = post(
            s,
            &part_path,
            &editor,
            &pairs(&with(
                &form,
                &[
                    ("kind", "essay"),
                    ("author", "Synthetic Test Author, Synthetic Institute"),
                ],
            )),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = get(s, "/editions/2017", None).await.body;
        assert!(
            page.contains("Expert opinion essay:")
                && page.contains("<span class=\"byline\">by Synthetic Test Author, Synthetic Institute</span>"),
            "{}",
            db.engine
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn questionnaire_responses_download_as_csv_and_xlsx_and_bad_links_get_a_clear_page() {
    let db = engines().await.remove(0);
    let s = &db.store;
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let made = post(s, "/staff/questionnaires", &editor, &[("edition_id", "2")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let path = made.location.unwrap();
    let invited = post(
        s,
        &format!("{path}/invitations"),
        &editor,
        &[
            ("respondent_name", "Synthetic <b>respondent</b>"),
            ("respondent_email", "r@example.org"),
            ("due_on", "2099-01-01"),
        ],
    )
    .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{}", invited.body);
    assert!(invited.body.contains("Synthetic &lt;b&gt;respondent&lt;/b&gt;") || invited.body.contains("&#60;b&#62;"));
    let start = invited.body.find("/respond/").unwrap();
    let token: String = invited.body[start + 9..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(token.len(), 64);
    let form = get(s, &format!("/respond/{token}"), None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Official name of the mechanism"));
    assert_eq!(
        get(s, &format!("/respond/{}", "0".repeat(64)), None).await.status,
        StatusCode::NOT_FOUND
    );
    let csv = get(s, &format!("{path}/responses.csv"), Some(&editor)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("invitation_id,") && csv.body.contains("Synthetic <b>respondent</b>"));
    let xlsx = get(s, &format!("{path}/responses.xlsx"), Some(&editor)).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.body.starts_with("PK"), "an XLSX workbook is a zip file");
    // Revoked: a 410 page that says so.
    let id: i32 = s.all::<nmp_store::entity::invitation::Entity>().await.unwrap()[0].invitation_id;
    let revoked = post(s, &format!("/staff/invitations/{id}/revoke"), &editor, &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let gone = get(s, &format!("/respond/{token}"), None).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(gone.body.contains("withdrawn"));
    db.finish().await;
}
