//! The publisher rows' phases and parts in an edition's data package: the 2020 transition
//! document's package holds each role's phase, dates and part (the part among the package's own
//! parts), the descriptor lists each organisation once per role, and the package loads into a new
//! database and exports again byte for byte. Both engines.

use nmp_datapackage::datapackage;
use nmp_datapackage::import::import;
use nmp_ingest::seed::seed_embedded;
use nmp_store::testing::engines;

fn csv(package: &nmp_datapackage::DataPackage, name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = &package.files.iter().find(|(n, _)| n == name).expect(name).1;
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn phases_and_parts_travel_in_the_package_and_load_back() {
    let targets = engines().await;
    for (db, fresh) in engines().await.into_iter().zip(targets) {
        seed_embedded(&db.store).await.unwrap();
        let package = datapackage(&db.store, "2020-transition").await.unwrap();

        let (header, rows) = csv(&package, "edition_publishers.csv");
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let (phase, from, until, part) = (
            col("phase"),
            col("phase_from"),
            col("phase_until"),
            col("edition_part_id"),
        );
        assert_eq!(rows.len(), 3, "{}", db.engine);
        assert!(rows.iter().all(|r| r[from] == "2019" && r[until] == "2021"), "{rows:?}");
        assert!(rows.iter().all(|r| r[phase].starts_with("Phased three-year transfer")));
        let (part_header, parts) = csv(&package, "edition_parts.csv");
        let part_id = part_header.iter().position(|h| h == "edition_part_id").unwrap();
        let part_ids: Vec<&str> = parts.iter().map(|p| p[part_id].as_str()).collect();
        let for_parts: Vec<&str> = rows
            .iter()
            .map(|r| r[part].as_str())
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(for_parts.len(), 2, "two roles cover one part each");
        assert!(
            for_parts.iter().all(|p| part_ids.contains(p)),
            "{for_parts:?} in {part_ids:?}"
        );

        // Each organisation once per Data Package role, though I-GMAP has two rows.
        let desc: serde_json::Value = serde_json::from_slice(&package.files[0].1).unwrap();
        let listed: Vec<(String, String)> = desc["contributors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["title"].as_str().unwrap().into(), c["role"].as_str().unwrap().into()))
            .collect();
        let mut unique = listed.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(listed.len(), unique.len(), "{listed:?}");
        assert!(listed.iter().any(|(_, r)| r == "author"), "{listed:?}");

        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in &package.files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let loaded = import(&fresh.store, dir.path(), "system:test").await.unwrap();
        assert_eq!(loaded.edition, "2020-transition");
        let again = datapackage(&fresh.store, "2020-transition").await.unwrap();
        assert_eq!(
            again.files, package.files,
            "{}: the round trip changes nothing",
            db.engine
        );
        let rows = fresh.store.edition_rows("2020-transition").await.unwrap().unwrap();
        assert_eq!(
            rows.publishers.iter().filter(|p| p.edition_part_id.is_some()).count(),
            2,
            "{}",
            db.engine
        );
        fresh.finish().await;
        db.finish().await;
    }
}
