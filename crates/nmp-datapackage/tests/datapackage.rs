//! An edition's data package: its descriptor lists every CSV file, each file's header is its
//! schema, row counts match the store, the same data gives the same bytes, no personal data leaves
//! with it, and writing it is all or nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use nmp_datapackage::DataPackageError;
use nmp_datapackage::{DESCRIPTOR, DataPackage, LEFT_OUT, NATMEC_URL, datapackage};
use nmp_ingest::seed::seed_embedded;
use nmp_store::entity::{edition, edition_contributor, mechanism, profile};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};
use serde_json::Value;

/// The database table behind each resource, and the columns the package leaves out beyond the
/// bookkeeping ones.
const RESOURCES: &[(&str, &str, &[&str])] = &[
    ("countries", "country", &[]),
    ("organizations", "organization", &[]),
    ("sources", "source", &[]),
    ("citations", "citation", &[]),
    ("functions", "function", &[]),
    ("mechanisms", "mechanism", &[]),
    ("mechanism_statuses", "mechanism_status", &[]),
    ("memberships", "membership", &[]),
    ("mechanism_functions", "mechanism_function", &[]),
    ("activities", "activity", &[]),
    ("networks", "network", &[]),
    ("network_memberships", "network_membership", &[]),
    ("network_counts", "network_count", &[]),
    ("translations", "translation", &[]),
    ("initiative_kinds", "initiative_kind", &[]),
    ("initiatives", "initiative", &[]),
    ("initiative_partners", "initiative_partner", &[]),
    ("editions", "edition", &[]),
    ("edition_publishers", "edition_publisher", &[]),
    ("edition_contributors", "edition_contributor", &[]),
    ("edition_parts", "edition_part", &[]),
    ("profiles", "profile", &["assignee_account_id"]),
    ("frameworks", "framework", &[]),
    ("criteria", "criterion", &[]),
    ("criterion_levels", "criterion_level", &[]),
    ("assessment_rounds", "assessment_round", &["opened_by"]),
    ("round_targets", "round_target", &[]),
    ("round_raters", "round_rater", &["account_id"]),
    ("ratings", "rating", &[]),
    ("rating_evidence", "rating_evidence", &[]),
    ("consensus", "consensus", &["decided_by"]),
];

/// Resources limited to the edition (or its rounds): fewer rows than the store holds.
const SCOPED: &[&str] = &[
    "profiles",
    "mechanism_functions",
    "frameworks",
    "criteria",
    "criterion_levels",
    "assessment_rounds",
    "round_targets",
    "round_raters",
    "ratings",
    "rating_evidence",
    "consensus",
];

fn descriptor(package: &DataPackage) -> Value {
    let (name, bytes) = &package.files[0];
    assert_eq!(name, DESCRIPTOR, "the descriptor comes first");
    serde_json::from_slice(bytes).expect("datapackage.json is JSON")
}

fn file<'a>(package: &'a DataPackage, name: &str) -> &'a [u8] {
    &package
        .files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is in the package"))
        .1
}

/// Header and records of a CSV file.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let records = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, records)
}

fn resource<'a>(desc: &'a Value, name: &str) -> &'a Value {
    desc["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("resource {name}"))
}

#[tokio::test]
async fn the_2017_package_describes_every_file_and_holds_what_the_store_holds() {
    for db in engines().await {
        let s = &db.store;
        seed_embedded(s).await.unwrap();
        let package = datapackage(s, "2017").await.unwrap();
        let desc = descriptor(&package);

        assert_eq!(desc["profile"], "tabular-data-package");
        assert_eq!(desc["name"], "nmp-edition-2017");
        assert_eq!(desc["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(desc["sources"][0]["path"], NATMEC_URL);
        assert!(
            desc.get("created").is_none(),
            "the 2017 edition's publication date is not recorded, so no date is made up"
        );
        assert!(desc.get("licenses").is_none(), "no licence is recorded");
        let description = desc["description"].as_str().unwrap();
        assert!(description.contains("current data"), "{description}");
        assert!(
            description.contains("licence") && description.contains("not been recorded"),
            "{description}"
        );
        let contributors: Vec<(&str, &str)> = desc["contributors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["title"].as_str().unwrap(), c["role"].as_str().unwrap()))
            .collect();
        assert_eq!(
            contributors,
            [
                ("Auschwitz Institute for Peace and Reconciliation", "publisher"),
                (
                    "Columbia University School of International and Public Affairs",
                    "contributor"
                )
            ]
        );

        // Every CSV file is a resource, and every resource a file.
        let csv_files: BTreeSet<&str> = package.files[1..].iter().map(|(n, _)| n.as_str()).collect();
        let resources = desc["resources"].as_array().unwrap();
        let paths: BTreeSet<&str> = resources.iter().map(|r| r["path"].as_str().unwrap()).collect();
        assert_eq!(csv_files, paths);
        let names: Vec<&str> = resources.iter().map(|r| r["name"].as_str().unwrap()).collect();
        let expected: Vec<&str> = RESOURCES.iter().map(|(r, _, _)| *r).collect();
        assert_eq!(names, expected);

        let counts = s.counts().await.unwrap();
        let rows: BTreeMap<&str, usize> = package.rows.iter().map(|(r, n)| (r.as_str(), *n)).collect();
        for r in resources {
            let name = r["name"].as_str().unwrap();
            assert_eq!(r["profile"], "tabular-data-resource");
            assert_eq!(r["format"], "csv");
            assert_eq!(r["mediatype"], "text/csv");
            assert_eq!(r["encoding"], "utf-8");
            let bytes = file(&package, r["path"].as_str().unwrap());
            assert_eq!(r["bytes"], bytes.len(), "{name}");
            let (header, records) = read_csv(bytes);
            let fields = r["schema"]["fields"].as_array().unwrap();
            let field_names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(header, field_names, "{name}: header = schema fields");
            for f in fields {
                let ty = f["type"].as_str().unwrap();
                assert!(["integer", "string", "boolean"].contains(&ty), "{name}: {f}");
                assert!(!f["description"].as_str().unwrap().is_empty(), "{name}: {f}");
                assert!(!LEFT_OUT.contains(&f["name"].as_str().unwrap()), "{name}: {f}");
            }
            assert!(
                field_names.contains(&r["schema"]["primaryKey"].as_str().unwrap()),
                "{name}"
            );
            assert_eq!(records.len(), rows[name], "{name}");
            for fk in r["schema"]["foreignKeys"].as_array().into_iter().flatten() {
                let target = fk["reference"]["resource"].as_str().unwrap();
                assert!(
                    target.is_empty() || names.contains(&target),
                    "{name}: {fk} points inside the package"
                );
            }
            // Tables exported whole have as many rows as the store.
            if !name.starts_with("edition") && !SCOPED.contains(&name) {
                assert_eq!(records.len() as u64, counts[name], "{}: {name}", db.engine);
            }
        }
        assert_eq!(rows["countries"], 195);
        assert_eq!(rows["profiles"], 8);
        assert_eq!(rows["editions"], 1);
        assert_eq!(rows["edition_publishers"], 2);
        assert_eq!(rows["edition_parts"], 5);
        let edition_2017 = s
            .rows_where::<edition::Entity, _>(edition::Column::Slug, ["2017".to_string()])
            .await
            .unwrap()
            .remove(0);
        let authors = s
            .rows_where::<edition_contributor::Entity, _>(
                edition_contributor::Column::EditionId,
                [edition_2017.edition_id],
            )
            .await
            .unwrap();
        assert_eq!(rows["edition_contributors"], authors.len());

        // References the spec asks for, and partial dates described as such.
        let mechanisms = resource(&desc, "mechanisms");
        let fks = mechanisms["schema"]["foreignKeys"].as_array().unwrap();
        assert!(fks.iter().any(|fk| fk["fields"] == "country_iso3"
            && fk["reference"]["resource"] == "countries"
            && fk["reference"]["fields"] == "country_iso3"));
        let citations = resource(&desc, "citations");
        assert!(
            citations["schema"]["foreignKeys"]
                .as_array()
                .unwrap()
                .iter()
                .any(|fk| fk["fields"] == "source_id" && fk["reference"]["resource"] == "sources")
        );
        let launched = mechanisms["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "launched_on")
            .unwrap();
        assert_eq!(launched["type"], "string");
        assert!(
            launched["description"]
                .as_str()
                .unwrap()
                .contains("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`")
        );

        // Only the edition's own records.
        let (header, records) = read_csv(file(&package, "editions.csv"));
        let slug = header.iter().position(|h| h == "slug").unwrap();
        assert_eq!(records[0][slug], "2017");
        db.finish().await;
    }
}

#[tokio::test]
async fn the_package_leaves_out_only_bookkeeping_columns_and_account_references() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let tables = db.store.table_columns().await.unwrap();
    let desc = descriptor(&datapackage(&db.store, "2017").await.unwrap());
    for (resource_name, table, also_left_out) in RESOURCES {
        let fields: BTreeSet<String> = resource(&desc, resource_name)["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        let expected: BTreeSet<String> = tables[*table]
            .iter()
            .filter(|c| !LEFT_OUT.contains(&c.as_str()) && !also_left_out.contains(&c.as_str()))
            .cloned()
            .collect();
        assert_eq!(
            fields, expected,
            "{resource_name}: a new column must be exported or deliberately left out"
        );
    }
    db.finish().await;
}

#[tokio::test]
async fn the_same_data_gives_the_same_bytes() {
    let mut first: Option<DataPackage> = None;
    for db in engines().await {
        seed_embedded(&db.store).await.unwrap();
        let a = datapackage(&db.store, "2017").await.unwrap();
        let b = datapackage(&db.store, "2017").await.unwrap();
        assert_eq!(a, b, "{}: exporting twice gives the same files", db.engine);
        match &first {
            None => first = Some(a),
            Some(f) => assert!(
                f.files == a.files,
                "{}: the same data gives the same bytes on every engine",
                db.engine
            ),
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn the_2015_package_is_dated_by_the_edition_s_publication() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let desc = descriptor(&datapackage(&db.store, "2015").await.unwrap());
    assert_eq!(desc["name"], "nmp-edition-2015");
    assert_eq!(desc["created"], "2015-06-09T00:00:00Z");
    db.finish().await;
}

#[tokio::test]
async fn an_unknown_edition_is_refused_by_name() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let err = datapackage(&db.store, "1999").await.unwrap_err();
    assert!(
        matches!(&err, DataPackageError::NotFound { what: "edition", key } if key == "1999"),
        "{err:?}"
    );
    assert!(err.to_string().contains("1999"), "{err}");
    db.finish().await;
}

async fn edition_row(s: &Store, slug: &str) -> edition::Model {
    s.rows_where::<edition::Entity, _>(edition::Column::Slug, [slug.to_string()])
        .await
        .unwrap()
        .remove(0)
}

#[tokio::test]
async fn a_recorded_licence_is_declared_and_editors_emails_stay_out() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    let e = edition_row(s, "2018").await;
    let m = s.mechanism_by_slug("cod-national-committee").await.unwrap().unwrap();
    let mut w = s.writer("editor@example.org").await.unwrap();
    w.update::<edition::Entity>(e.edition_id, e.version, |row| {
        row.licence = Set(Some("CC-BY-4.0".into()))
    })
    .await
    .unwrap();
    w.update::<mechanism::Entity>(m.mechanism_id, m.version, |row| {
        row.note = Set(Some("Checked again.".into()))
    })
    .await
    .unwrap();
    w.commit().await.unwrap();

    let package = datapackage(s, "2018").await.unwrap();
    let desc = descriptor(&package);
    assert_eq!(desc["licenses"][0]["name"], "CC-BY-4.0");
    assert!(desc["description"].as_str().unwrap().contains("CC-BY-4.0"));
    for (name, bytes) in &package.files {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("editor@example.org"), "{name} holds an email");
        assert!(!text.contains("system:seed"), "{name} holds updated_by");
    }
    assert!(String::from_utf8_lossy(file(&package, "mechanisms.csv")).contains("Checked again."));
    db.finish().await;
}

#[tokio::test]
async fn a_reference_that_would_not_resolve_is_refused_naming_the_file() {
    let db = engines().await.remove(0);
    let s = &db.store;
    seed_embedded(s).await.unwrap();
    // Move a 2017 profile to 2018: it keeps its 2017 part, which the 2018 package does not hold.
    let e2017 = edition_row(s, "2017").await;
    let e2018 = edition_row(s, "2018").await;
    let p = s
        .rows_where::<profile::Entity, _>(profile::Column::EditionId, [e2017.edition_id])
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.edition_part_id.is_some())
        .unwrap();
    let mut w = s.writer("editor@example.org").await.unwrap();
    w.update::<profile::Entity>(p.profile_id, p.version, |row| row.edition_id = Set(e2018.edition_id))
        .await
        .unwrap();
    w.commit().await.unwrap();
    let err = datapackage(s, "2018").await.unwrap_err().to_string();
    assert!(err.contains("profiles.csv") && err.contains("edition_part_id"), "{err}");
    db.finish().await;
}

fn entries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn writing_is_all_or_nothing_and_never_into_a_non_empty_directory() {
    let db = engines().await.remove(0);
    seed_embedded(&db.store).await.unwrap();
    let package = datapackage(&db.store, "2017").await.unwrap();
    let tmp = tempfile::tempdir().unwrap();

    let out = tmp.path().join("nested").join("2017");
    package.write_to(&out).unwrap();
    for (name, bytes) in &package.files {
        assert_eq!(&std::fs::read(out.join(name)).unwrap(), bytes, "{name}");
    }
    assert_eq!(entries(&out).len(), package.files.len());
    assert_eq!(
        entries(&tmp.path().join("nested")),
        BTreeSet::from(["2017".to_string()])
    );

    // A non-empty directory is refused, by name, and left as it was.
    let err = package.write_to(&out).unwrap_err().to_string();
    assert!(err.contains(&out.display().to_string()), "{err}");
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(entries(&out).len(), package.files.len());

    // An empty directory is fine.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    package.write_to(&empty).unwrap();
    assert_eq!(entries(&empty).len(), package.files.len());

    // A failure part-way leaves nothing behind: no target, no temporary directory.
    let broken = DataPackage {
        files: vec![
            ("a.csv".to_string(), b"a\r\n1\r\n".to_vec()),
            ("../escape.csv".to_string(), b"x\r\n".to_vec()),
        ],
        rows: Vec::new(),
    };
    let before = entries(tmp.path());
    let target = tmp.path().join("broken");
    let err = broken.write_to(&target).unwrap_err().to_string();
    assert!(err.contains("plain file name"), "{err}");
    assert!(!target.exists());
    assert_eq!(entries(tmp.path()), before, "nothing left behind");
    db.finish().await;
}
