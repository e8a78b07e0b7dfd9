//! Translations of records (issue 22): written through the workspace's record editing like any
//! record, refused with the field named when they name no translatable field of an existing
//! record, cited when official, read per language for the pages; on SQLite and (when configured)
//! PostgreSQL. The rows are synthetic test fixtures.

mod fixtures;

use std::collections::BTreeMap;

use nmp_core::vocab::ChangeAction;
use nmp_store::records::apply::ApplyError;
use nmp_store::records::{Change, CitationInput, SourceRef, schema};
use nmp_store::testing as common;

fn create(pairs: &[(&str, &str)]) -> Change {
    let form: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Change {
        table: "translation".into(),
        action: ChangeAction::Create,
        key: None,
        base_version: None,
        fields: schema::parse("translation", &form).unwrap().unwrap(),
    }
}

#[tokio::test]
async fn translations_are_checked_cited_and_read_per_language() {
    for db in common::engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        fixtures::country(&mut w, "KEN", "Kenya").await;
        let mech = fixtures::mechanism(&mut w, "ken-synthetic", "KEN").await;
        let source = fixtures::source(&mut w, "synthetic-official-translation").await;
        let org = fixtures::organization(&mut w, "synthetic-ministry", Some("KEN")).await;
        w.commit().await.unwrap();
        let key = mech.mechanism_id.to_string();

        // An official translation of the name, with its citation; NMP's own of the mandate.
        let official = create(&[
            ("entity", "mechanism"),
            ("entity_id", &key),
            ("field", "name"),
            ("language", "fr"),
            ("text", "Comité synthétique (traduction d'essai)"),
            ("by_nmp", "false"),
        ]);
        let cite = CitationInput {
            source: SourceRef::Existing(source.source_id),
            field: None,
            locator: Some("p. 2".into()),
            quote: None,
        };
        let written = s
            .apply_direct("editor@example.org", &official, Some(&cite))
            .await
            .unwrap()
            .unwrap();
        let cites = s.citations_for("translation", &written.key.to_string()).await.unwrap();
        assert_eq!(cites.len(), 1, "{}: the official translation is cited", db.engine);
        let ours = create(&[
            ("entity", "mechanism"),
            ("entity_id", &key),
            ("field", "mandate"),
            ("language", "fr"),
            ("text", "Mandat synthétique traduit par NMP"),
            ("by_nmp", "true"),
        ]);
        s.apply_direct("editor@example.org", &ours, None).await.unwrap();

        // Read per language: French has both, Spanish none.
        let fr = s
            .translations("mechanism", std::slice::from_ref(&key), "fr")
            .await
            .unwrap();
        let name = fr.get(&key, "name").expect("the French name");
        assert_eq!(name.text, "Comité synthétique (traduction d'essai)");
        assert!(!name.by_nmp);
        assert!(fr.get(&key, "mandate").unwrap().by_nmp);
        assert!(fr.get(&key, "note").is_none());
        let es = s
            .translations("mechanism", std::slice::from_ref(&key), "es")
            .await
            .unwrap();
        assert!(es.is_empty(), "{}: no Spanish translation", db.engine);

        // An organisation's name can be translated too.
        let org_key = org.organization_id.to_string();
        let org_name = create(&[
            ("entity", "organization"),
            ("entity_id", &org_key),
            ("field", "name"),
            ("language", "es"),
            ("text", "Ministerio sintético"),
            ("by_nmp", "true"),
        ]);
        s.apply_direct("editor@example.org", &org_name, None).await.unwrap();
        let es_orgs = s
            .translations("organization", std::slice::from_ref(&org_key), "es")
            .await
            .unwrap();
        assert_eq!(
            es_orgs.get(&org_key, "name").map(|t| t.text.as_str()),
            Some("Ministerio sintético")
        );

        // Refused, each naming its field, nothing written.
        let cases = [
            (("country", key.as_str(), "name", "fr"), "entity"),
            (("mechanism", "999999", "name", "fr"), "entity_id"),
            (("mechanism", key.as_str(), "website", "fr"), "field"),
        ];
        for ((entity, id, field, language), wrong) in cases {
            let bad = create(&[
                ("entity", entity),
                ("entity_id", id),
                ("field", field),
                ("language", language),
                ("text", "Synthetic"),
                ("by_nmp", "true"),
            ]);
            match s.apply_direct("editor@example.org", &bad, None).await {
                Err(ApplyError::Fields(errors)) => {
                    assert!(errors.iter().any(|e| e.field == wrong), "{}: {errors:?}", db.engine)
                }
                other => panic!("{}: expected a refusal naming {wrong}, got {other:?}", db.engine),
            }
        }
        // A language NMP does not write in is refused by the form's vocabulary.
        assert!(schema::parse_field("translation", "language", "de").unwrap().is_err());
        // A second French name for the same record is refused by the unique index.
        assert!(s.apply_direct("editor@example.org", &official, None).await.is_err());
        assert_eq!(
            s.record_count("translation").await.unwrap(),
            3,
            "{}: nothing else written",
            db.engine
        );
        db.finish().await;
    }
}
