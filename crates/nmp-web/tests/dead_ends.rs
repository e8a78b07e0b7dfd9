//! Pages that lead somewhere: a country without a mechanism names the countries nearest to it
//! that have one (its UN subregion's, else its region's). On the starter dataset, both engines.

mod common;

use common::get;
use nmp_store::testing::engines;

#[tokio::test]
async fn a_country_without_a_mechanism_points_to_its_neighbours_with_one() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        // Chad: Middle Africa, where the Central African Republic and the DR Congo have one.
        let chad = get(s, "/countries/tcd", None).await.body;
        assert!(chad.contains("Nearby, in Middle Africa"), "{engine}: {chad}");
        for iso3 in ["caf", "cod"] {
            assert!(
                chad.contains(&format!("href=\"/countries/{iso3}\"")),
                "{engine}: {iso3}"
            );
        }
        let main = &chad[chad.find("<main").unwrap()..];
        assert!(!main.contains("href=\"/countries/tcd\""), "{engine}: not itself");
        // Mongolia (Eastern Asia, none there): its region, Asia, has none either in the starter
        // dataset, so nothing is listed rather than an empty sentence.
        let mongolia = get(s, "/countries/mng", None).await.body;
        assert!(!mongolia.contains("Nearby, in"), "{engine}");
        // A country with a mechanism lists its own.
        assert!(
            !get(s, "/countries/ken", None).await.body.contains("Nearby, in"),
            "{engine}"
        );
        db.finish().await;
    }
}
