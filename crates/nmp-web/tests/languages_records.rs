//! Translations of records beyond mechanisms (issue 22): a network's, an initiative's and an
//! edition's names and prose in the reader's language, each marked official (with its note) or
//! NMP's own, the original one click away; and dates in words on those pages. The translations
//! are **synthetic test data** (the starter data holds none: none is sourced yet).

mod common;

use axum::http::StatusCode;
use common::get;
use nmp_store::Set;
use nmp_store::entity::{citation, edition, initiative, mechanism, membership, network, source, translation};
use nmp_store::testing::engines;

#[tokio::test]
async fn networks_initiatives_and_editions_show_their_translations() {
    for db in engines().await {
        nmp_ingest::seed::seed_embedded(&db.store).await.unwrap();
        let s = &db.store;
        let net = s
            .all::<network::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|n| n.description.is_some())
            .min_by_key(|n| n.network_id)
            .expect("the starter data has a network with a description");
        let ini = s
            .all::<initiative::Entity>()
            .await
            .unwrap()
            .into_iter()
            .filter(|i| i.description.is_some())
            .min_by_key(|i| i.initiative_id)
            .expect("the starter data has an initiative with a description");
        let ed = s
            .rows_where::<edition::Entity, _>(edition::Column::Slug, ["2017".to_string()])
            .await
            .unwrap()
            .pop()
            .unwrap();

        let mut w = s.writer("editor@example.org").await.unwrap();
        let add =
            |entity: &str, id: i32, field: &str, language: &str, text: &str, by_nmp: bool| translation::ActiveModel {
                entity: Set(entity.into()),
                entity_id: Set(id.to_string()),
                field: Set(field.into()),
                language: Set(language.into()),
                text: Set(text.into()),
                by_nmp: Set(by_nmp),
                ..Default::default()
            };
        let official = w
            .insert(add(
                "network",
                net.network_id,
                "name",
                "fr",
                "Réseau synthétique officiel",
                false,
            ))
            .await
            .unwrap();
        w.insert(add(
            "network",
            net.network_id,
            "description",
            "fr",
            "Description synthétique du réseau",
            true,
        ))
        .await
        .unwrap();
        w.insert(add(
            "initiative",
            ini.initiative_id,
            "title",
            "es",
            "Iniciativa sintética",
            true,
        ))
        .await
        .unwrap();
        w.insert(add(
            "initiative",
            ini.initiative_id,
            "description",
            "es",
            "Descripción sintética de la iniciativa",
            true,
        ))
        .await
        .unwrap();
        w.insert(add(
            "edition",
            ed.edition_id,
            "title",
            "fr",
            "Édition synthétique 2017",
            true,
        ))
        .await
        .unwrap();
        // An organisation that is a member of a mechanism: its name on the mechanism's page.
        let member = s
            .all::<membership::Entity>()
            .await
            .unwrap()
            .into_iter()
            .min_by_key(|m| m.membership_id)
            .expect("the starter data has memberships");
        let mech = s.get::<mechanism::Entity>(member.mechanism_id).await.unwrap().unwrap();
        w.insert(add(
            "organization",
            member.organization_id,
            "name",
            "es",
            "Organización sintética",
            true,
        ))
        .await
        .unwrap();
        let src = w
            .insert(source::ActiveModel {
                slug: Set("synthetic-network-translation".into()),
                title: Set("Synthetic network translation".into()),
                kind: Set("document".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        w.insert(citation::ActiveModel {
            source_id: Set(src.source_id),
            entity: Set("translation".into()),
            entity_id: Set(official.translation_id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();
        w.commit().await.unwrap();

        // The network in French: the official name with its note, NMP's description, the
        // originals at hand and marked English.
        let fr = get(s, &format!("/fr/networks/{}", net.slug), None).await;
        assert_eq!(fr.status, StatusCode::OK);
        let body = &fr.body;
        assert!(
            body.contains("<span lang=\"fr\">Réseau synthétique officiel</span>"),
            "{body}"
        );
        assert!(body.contains("Traduction officielle<sup class=\"cite\">"), "{body}");
        assert!(
            body.contains("Synthetic network translation"),
            "the official translation is cited"
        );
        assert!(
            body.contains(&format!("<span lang=\"en\">{}</span>", net.name)),
            "{body}"
        );
        assert!(
            body.contains("<p lang=\"fr\">Description synthétique du réseau</p>"),
            "{body}"
        );
        assert!(
            body.contains("<summary>Le texte original</summary><p lang=\"en\">"),
            "the original description is one click away, marked English: {body}"
        );
        // In Spanish, which has no translation, the record as recorded.
        let es = get(s, &format!("/es/networks/{}", net.slug), None).await;
        assert!(
            !es.body.contains("synthétique") && !es.body.contains("Traducción"),
            "{}",
            es.body
        );
        // The API carries the translations for reuse.
        let api = get(s, &format!("/api/v1/networks/{}", net.slug), None).await;
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        let fields: Vec<&str> = json["network"]["translations"]
            .as_array()
            .or_else(|| json["translations"].as_array())
            .unwrap_or_else(|| panic!("{}", api.body))
            .iter()
            .map(|t| t["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["name", "description"], "{}", api.body);

        // The initiative in Spanish: NMP's title and description; French has none.
        let es = get(s, &format!("/es/initiatives/{}", ini.slug), None).await;
        assert_eq!(es.status, StatusCode::OK);
        assert!(
            es.body.contains("<span lang=\"es\">Iniciativa sintética</span>"),
            "{}",
            es.body
        );
        assert!(es.body.contains("Traducción de NMP"), "{}", es.body);
        assert!(
            es.body
                .contains("<p lang=\"es\">Descripción sintética de la iniciativa"),
            "{}",
            es.body
        );
        let fr = get(s, &format!("/fr/initiatives/{}", ini.slug), None).await;
        assert!(!fr.body.contains("sintética"), "{}", fr.body);

        // The edition in French, with its publication date in words.
        let fr = get(s, "/fr/editions/2017", None).await;
        assert!(
            fr.body.contains("<span lang=\"fr\">Édition synthétique 2017</span>"),
            "{}",
            fr.body
        );
        if let Some(on) = &ed.published_on {
            let date = nmp_core::PartialDate::parse("published_on", on).unwrap();
            let words = nmp_i18n::dates::format(nmp_i18n::Lang::Fr, &date);
            assert!(
                fr.body.contains(&words),
                "the date {on} in words ({words}): {}",
                fr.body
            );
        }
        // The member organisation's name in Spanish on its mechanism's page.
        let es = get(s, &format!("/es/mechanisms/{}", mech.slug), None).await;
        assert!(
            es.body.contains("<span lang=\"es\">Organización sintética</span>"),
            "{}",
            es.body
        );
        let en = get(s, &format!("/mechanisms/{}", mech.slug), None).await;
        assert!(!en.body.contains("Organización sintética"), "{}", en.body);
        // English is as recorded.
        let en = get(s, "/editions/2017", None).await;
        assert!(
            !en.body.contains("synthétique") && en.body.contains(&ed.title),
            "{}",
            en.body
        );
        db.finish().await;
    }
}
