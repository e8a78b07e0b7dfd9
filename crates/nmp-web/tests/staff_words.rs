//! The staff pages in plain words: records named by their human names (a membership by its
//! organisation and mechanism, an edition by its year and subtitle), with their country; field
//! help without "NULL"; a record's history and a proposal with field labels and the names of the
//! rows a value points to, never `organization_id: 7`; who changed what by their names; edition
//! pages without "published · not published"; and a student's record list starting with the
//! records of their assignments. Both engines; accounts are synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{get, post, staff};
use nmp_core::vocab::{AccountRole, ChangeAction};
use nmp_store::entity::{country, mechanism, membership, organization};
use nmp_store::records::{Change, Fields};
use nmp_store::testing::engines;

#[tokio::test]
async fn staff_pages_name_records_values_and_people_for_people() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;

        // A membership of the starter dataset, and what it points to.
        let m = s.all::<membership::Entity>().await.unwrap().remove(0);
        let org = s.get::<organization::Entity>(m.organization_id).await.unwrap().unwrap();
        let mech = s.get::<mechanism::Entity>(m.mechanism_id).await.unwrap().unwrap();
        let iso3 = mech.country_iso3.clone().unwrap();
        let country = s.get::<country::Entity>(iso3.clone()).await.unwrap().unwrap();

        // The list names the row by what it joins, with the mechanism's country.
        let list = get(s, "/staff/records/membership", Some(&editor)).await;
        assert_eq!(list.status, StatusCode::OK);
        let row = list
            .body
            .split("<tr>")
            .find(|r| r.contains(&format!("/staff/records/membership/{}\"", m.membership_id)))
            .unwrap_or_else(|| panic!("{engine}: the row is listed: {}", list.body));
        let name = format!("{} in {}", org.name, mech.name);
        assert!(row.contains(&askama_escape(&name)), "{engine}: {row}");
        assert!(row.contains(&country.name), "{engine}: the country column: {row}");
        assert!(
            row.contains("the starter dataset"),
            "{engine}: who changed it last: {row}"
        );
        assert!(!list.body.contains("membership #"), "{engine}");
        let editions = get(s, "/staff/records/edition", Some(&editor)).await.body;
        assert!(
            editions.contains("Edition 2017: Pursuing Institutionalization"),
            "{engine}: editions by year and subtitle: {editions}"
        );

        // Field help says what leaving a field empty means, not "NULL".
        let form = get(s, "/staff/records/organization/new", Some(&editor)).await.body;
        assert!(!form.contains("NULL"), "{engine}: {form}");
        assert!(form.contains("Left empty, it means"), "{engine}");

        // A change to the membership's organisation: its history names the field, both
        // organisations and the editor.
        let other = s
            .all::<organization::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|o| o.organization_id != org.organization_id)
            .unwrap();
        let mut fields = Fields::new();
        fields.insert("organization_id".into(), other.organization_id.into());
        let change = Change {
            table: "membership".into(),
            action: ChangeAction::Update,
            key: Some(m.membership_id),
            base_version: Some(m.version),
            fields,
        };
        let mut w = s.writer("editor@example.org").await.unwrap();
        w.apply(&change, None).await.unwrap();
        w.commit().await.unwrap();
        let history = get(
            s,
            &format!("/staff/records/membership/{}/history", m.membership_id),
            Some(&editor),
        )
        .await
        .body;
        assert!(!history.contains("organization_id"), "{engine}: {history}");
        assert!(
            history.contains(&format!(
                "Organization: <del>{}</del> → <ins>{}</ins>",
                askama_escape(&org.name),
                askama_escape(&other.name)
            )),
            "{engine}: {history}"
        );
        assert!(history.contains("Synthetic editor"), "{engine}: the editor by name");
        assert!(history.contains("data-local"), "{engine}: times in local time");

        // A student's proposal: the review page names the values and the student.
        let student = staff(s, "student@example.org", AccountRole::Student).await;
        let edition = s
            .all::<nmp_store::entity::edition::Entity>()
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.slug == "2017")
            .unwrap();
        let assigned = post(
            s,
            "/staff/assignments",
            &editor,
            &[
                ("edition_id", &edition.edition_id.to_string()),
                ("assignee_account_id", &student.account_id.to_string()),
                ("country_iso3", &iso3),
                ("due_on", "2099-01-01"),
            ],
        )
        .await;
        assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{engine}: {}", assigned.body);
        let account = s
            .get::<nmp_store::entity::account::Entity>(student.account_id)
            .await
            .unwrap()
            .unwrap();
        let now = s.record("membership", m.membership_id).await.unwrap().unwrap();
        let mut fields = Fields::new();
        fields.insert("organization_id".into(), org.organization_id.into());
        let proposal = s
            .propose(
                &account,
                &Change {
                    table: "membership".into(),
                    action: ChangeAction::Update,
                    key: Some(now.key),
                    base_version: Some(now.version),
                    fields,
                },
                None,
                None,
            )
            .await
            .unwrap();
        let page = get(s, &format!("/staff/proposals/{}", proposal.proposal_id), Some(&editor))
            .await
            .body;
        assert!(
            page.contains(&format!(
                "<th scope=\"row\">Organization</th><td class=\"before\">{}</td><td class=\"after\">{}</td>",
                askama_escape(&other.name),
                askama_escape(&org.name)
            )),
            "{engine}: {page}"
        );
        assert!(page.contains("Synthetic student"), "{engine}");

        // The student's list starts with the records of their assignment (its country only),
        // and offers every record.
        let mine = get(s, "/staff/records/membership", Some(&student)).await.body;
        assert!(mine.contains("your open assignments"), "{engine}: {mine}");
        let rows = mine.matches("/history\">history</a>").count();
        let countries: std::collections::HashMap<i32, Option<String>> = s
            .all::<mechanism::Entity>()
            .await
            .unwrap()
            .into_iter()
            .map(|x| (x.mechanism_id, x.country_iso3))
            .collect();
        let expected = s
            .all::<membership::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|x| countries.get(&x.mechanism_id).cloned().flatten().as_deref() == Some(iso3.as_str()))
            .count();
        assert_eq!(rows, expected, "{engine}: only {}'s memberships: {mine}", country.name);
        assert_eq!(
            mine.matches(&format!("<td>{}</td>", country.name)).count(),
            rows,
            "{engine}: every row is {}'s",
            country.name
        );
        let all = get(s, "/staff/records/membership?scope=all", Some(&student)).await.body;
        assert!(
            all.matches("/history\">history</a>").count() > rows,
            "{engine}: every record: {all}"
        );

        // The editions' pages say whether an edition's data are frozen, in words.
        let e = get(s, "/staff/editions/2017", Some(&editor)).await.body;
        assert!(!e.contains("published · not published"), "{engine}: {e}");
    }
}

/// Text as askama escapes it in HTML.
fn askama_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}
