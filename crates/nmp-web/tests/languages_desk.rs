//! The staff workspace's editions, questionnaires, review and assessments in English, French and
//! Spanish: every page of that part at `/fr/staff/...` and `/es/staff/...` says its words, notices
//! and refusals in the language, while the record data (edition titles, questions as written,
//! answers, names, the store's messages) stay as recorded and are marked `lang="en"`; the English
//! pages keep their words. Both engines; accounts, the respondent, the round and its framework are
//! synthetic test data.

mod common;

use axum::http::StatusCode;
use common::{Answer, Session, get, post, staff};
use nmp_core::vocab::{AccountRole, ChangeAction};
use nmp_store::Store;
use nmp_store::records::{Change, Fields};
use nmp_store::testing::engines;

/// The accounts and pages of a workspace with something on every page.
struct World {
    editor: Session,
    ana: Session,
    framework: String,
    /// Edition 2017's confirmation page before it was published, in English, French, Spanish.
    confirm: Vec<Answer>,
    questionnaire: String,
    invitation: String,
    proposal: String,
    round: String,
    target: String,
    country_target: String,
}

/// A rating form for a two-criterion framework: every criterion at level rank `rank`, with
/// `trend` when given, a reason and one piece of evidence.
fn rating_form(criteria: &[(i32, Vec<i32>)], rank: usize, trend: Option<&str>, why: &str) -> Vec<(String, String)> {
    let mut form = Vec::new();
    for (id, levels) in criteria {
        form.push((format!("c{id}-level"), levels[rank - 1].to_string()));
        if let Some(t) = trend {
            form.push((format!("c{id}-trend"), t.to_string()));
        }
        form.push((format!("c{id}-rationale"), format!("{why} on {id}")));
        form.push((format!("c{id}-source-1"), "psd-10-fas".to_string()));
        form.push((format!("c{id}-locator-1"), "p. 2".to_string()));
    }
    form
}

fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn world(s: &Store) -> World {
    nmp_ingest::seed::seed_embedded(s).await.unwrap();
    let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
    let ana = staff(s, "ana@example.org", AccountRole::Student).await;
    let ben = staff(s, "ben@example.org", AccountRole::Student).await;

    // Edition 2017's confirmation page in each language, then 2017 published.
    let mut confirm = Vec::new();
    for prefix in ["", "/fr", "/es"] {
        confirm.push(get(s, &format!("{prefix}/staff/editions/2017/publish"), Some(&editor)).await);
    }
    let published = post(s, "/staff/editions/2017/publish", &editor, &[("confirm", "yes")]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);

    // A questionnaire with one invitation.
    let edition = s
        .all::<nmp_store::entity::edition::Entity>()
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.slug == "2018")
        .unwrap();
    let created = post(
        s,
        "/staff/questionnaires",
        &editor,
        &[("edition_id", &edition.edition_id.to_string())],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let questionnaire = created.location.unwrap();
    let invited = post(
        s,
        &format!("{questionnaire}/invitations"),
        &editor,
        &[
            ("respondent_name", "Synthetic Respondent"),
            ("respondent_email", "respondent@example.org"),
            ("country_iso3", "KEN"),
            ("due_on", "2099-01-01"),
            ("language", "fr"),
        ],
    )
    .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{}", invited.body);
    let invitation = format!(
        "/staff/invitations/{}",
        s.all::<nmp_store::entity::invitation::Entity>().await.unwrap()[0].invitation_id
    );

    // A proposal from the student.
    let account = s
        .get::<nmp_store::entity::account::Entity>(ana.account_id)
        .await
        .unwrap()
        .unwrap();
    let ken = s.mechanism_by_slug("ken-national-committee").await.unwrap().unwrap();
    let now = s.record("mechanism", ken.mechanism_id).await.unwrap().unwrap();
    let mut fields = Fields::new();
    fields.insert("acronym".into(), "KNC-SYN".into());
    let p = s
        .propose(
            &account,
            &Change {
                table: "mechanism".into(),
                action: ChangeAction::Update,
                key: Some(now.key),
                base_version: Some(now.version),
                fields,
            },
            None,
            Some("Synthetic note from the proposer"),
        )
        .await
        .unwrap();
    let proposal = format!("/staff/proposals/{}", p.proposal_id);

    // A round on an initiative and a country, rated by both students.
    let mut w = s.writer("system:test").await.unwrap();
    let f = nmp_store::testing::assessment_fixture(
        &mut w,
        "synthetic-training",
        Some("KEN"),
        &["institutionalisation", "results"],
        3,
    )
    .await;
    w.commit().await.unwrap();
    let (framework, a, b) = (
        f.framework_id.to_string(),
        ana.account_id.to_string(),
        ben.account_id.to_string(),
    );
    let opened = post(
        s,
        "/staff/assessments",
        &editor,
        &[
            ("title", "Synthetic round"),
            ("edition", "2018"),
            ("framework_id", framework.as_str()),
            ("due_on", "2030-01-31"),
            ("initiatives", "synthetic-training"),
            ("countries", "KEN"),
            ("assessed_on", "2026-06-30"),
            ("raters", a.as_str()),
            ("raters", b.as_str()),
        ],
    )
    .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let round = opened.location.unwrap();
    let id: i32 = round.rsplit('/').next().unwrap().parse().unwrap();
    let view = s.round_view(id).await.unwrap().unwrap();
    let target_of = |kind: &str| {
        let t = view.targets.iter().find(|t| t.kind == kind).unwrap();
        format!("{round}/targets/{}", t.row.round_target_id)
    };
    let (target, country_target) = (target_of("initiative"), target_of("country"));
    for (who, rank, why) in [(&ana, 2, "ANA-REASON"), (&ben, 3, "BEN-REASON")] {
        let done = post(s, &target, who, &pairs(&rating_form(&f.criteria, rank, None, why))).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
    let done = post(
        s,
        &country_target,
        &ben,
        &pairs(&rating_form(&f.criteria, 1, Some("rising"), "BEN-COUNTRY")),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    // An assignment for the student.
    let assigned = post(
        s,
        "/staff/assignments",
        &editor,
        &[
            ("edition_id", &edition.edition_id.to_string()),
            ("assignee_account_id", &ana.account_id.to_string()),
            ("country_iso3", "KEN"),
            ("due_on", "2020-01-01"),
            ("note", "Synthetic instructions"),
        ],
    )
    .await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);
    World {
        editor,
        ana,
        framework,
        confirm,
        questionnaire,
        invitation,
        proposal,
        round,
        target,
        country_target,
    }
}

/// Every page of the part, as (name, answer), fetched in the language of `prefix` (`""`, `/fr`,
/// `/es`), with the refusals and notices the forms give. Publishes edition 2017 on the way.
async fn pages(s: &Store, w: &World, prefix: &str) -> Vec<(String, Answer)> {
    let e = &w.editor;
    let p = |path: &str| format!("{prefix}{path}");
    let mut out: Vec<(String, Answer)> = Vec::new();
    let confirm = &w.confirm[["", "/fr", "/es"].iter().position(|x| *x == prefix).unwrap()];
    let confirm = Answer {
        status: confirm.status,
        location: None,
        set_cookies: Vec::new(),
        body: confirm.body.clone(),
    };
    out.push(("publish".into(), confirm));
    out.push(("editions".into(), get(s, &p("/staff/editions"), Some(e)).await));
    out.push(("edition".into(), get(s, &p("/staff/editions/2018"), Some(e)).await));
    out.push((
        "publish-problems".into(),
        get(s, &p("/staff/editions/2018/publish"), Some(e)).await,
    ));
    out.push((
        "edition-published".into(),
        get(s, &p("/staff/editions/2017"), Some(e)).await,
    ));
    out.push((
        "publish-refused".into(),
        get(s, &p("/staff/editions/2017/publish"), Some(e)).await,
    ));
    let erratum = [("issued_on", "2020-13"), ("location", "p. 3"), ("correction", "x")];
    out.push((
        "erratum-refused".into(),
        post(s, &p("/staff/editions/2017/errata"), e, &erratum).await,
    ));
    let erratum = [("issued_on", "2020-01-02"), ("location", ""), ("correction", "x")];
    out.push((
        "erratum-no-location".into(),
        post(s, &p("/staff/editions/2018/errata"), e, &erratum).await,
    ));
    out.push(("no-edition".into(), get(s, &p("/staff/editions/1999"), Some(e)).await));
    out.push((
        "questionnaires".into(),
        get(s, &p("/staff/questionnaires"), Some(e)).await,
    ));
    out.push(("questionnaire".into(), get(s, &p(&w.questionnaire), Some(e)).await));
    let remind = p(&format!("{}/remind", w.questionnaire));
    out.push(("reminders".into(), post(s, &remind, e, &[]).await));
    out.push(("invitation".into(), get(s, &p(&w.invitation), Some(e)).await));
    out.push(("mail".into(), get(s, &p("/staff/mail"), Some(e)).await));
    out.push(("review".into(), get(s, &p("/staff/review"), Some(e)).await));
    out.push(("proposal".into(), get(s, &p(&w.proposal), Some(e)).await));
    let decide = p(&format!("{}/decide", w.proposal));
    let refused = post(s, &decide, e, &[("version", "x"), ("decision", "approve")]).await;
    out.push(("proposal-refused".into(), refused));
    out.push(("assessments".into(), get(s, &p("/staff/assessments"), Some(e)).await));
    let refused = post(s, &p("/staff/assessments"), e, &[("title", "T"), ("raters", "abc")]).await;
    out.push(("assessments-refused".into(), refused));
    let store_refused = post(
        s,
        &p("/staff/assessments"),
        e,
        &[
            ("title", ""),
            ("framework_id", w.framework.as_str()),
            ("due_on", "soon"),
        ],
    )
    .await;
    out.push(("assessments-store-refused".into(), store_refused));
    out.push((
        "assessments-student".into(),
        get(s, &p("/staff/assessments"), Some(&w.ana)).await,
    ));
    out.push(("round".into(), get(s, &p(&w.round), Some(e)).await));
    out.push(("round-student".into(), get(s, &p(&w.round), Some(&w.ana)).await));
    let remind = p(&format!("{}/remind", w.round));
    out.push(("round-remind".into(), post(s, &remind, e, &[]).await));
    out.push(("target".into(), get(s, &p(&w.target), Some(e)).await));
    out.push(("target-student".into(), get(s, &p(&w.target), Some(&w.ana)).await));
    out.push((
        "country-target".into(),
        get(s, &p(&w.country_target), Some(&w.ana)).await,
    ));
    let refused = post(s, &p(&w.country_target), &w.ana, &[("c0-level", "")]).await;
    out.push(("country-target-refused".into(), refused));
    out.push((
        "country-target-editor".into(),
        get(s, &p(&w.country_target), Some(e)).await,
    ));
    out.push(("assignments".into(), get(s, &p("/staff/assignments"), Some(e)).await));
    let refused = post(s, &p("/staff/assignments"), e, &[("edition_id", "x")]).await;
    out.push(("assignments-refused".into(), refused));
    let mine = get(s, &p("/staff/assignments?overdue=1"), Some(&w.ana)).await;
    out.push(("assignments-student".into(), mine));
    out
}

/// What a page must say in one language, and the English it replaces.
struct Expect {
    page: &'static str,
    fr: &'static [&'static str],
    es: &'static [&'static str],
    en: &'static [&'static str],
}

/// Per page: phrases of the French page, of the Spanish page, and the English phrases they
/// replace (present in English, absent in French and Spanish). Record data marked as English
/// are among the French and Spanish phrases.
const EXPECTED: &[Expect] = &[
    Expect {
        page: "editions",
        fr: &[
            "<h1>Éditions</h1>",
            "Données figées",
            "oui : instantané",
            "Édition 2017</a>",
            "<td lang=\"en\">Expanding the Ranks of Atrocity Prevention Actors</td>",
            "<td>Publiée</td>",
        ],
        es: &[
            "<h1>Ediciones</h1>",
            "Datos congelados",
            "sí: instantánea",
            "Edición 2017</a>",
            "<td lang=\"en\">Expanding the Ranks of Atrocity Prevention Actors</td>",
            "<td>Publicada</td>",
        ],
        en: &["Data frozen", "yes: snapshot", "Edition 2017</a>", "<td>Published</td>"],
    },
    Expect {
        page: "edition",
        fr: &[
            "étape : Publiée",
            "ses données ne sont pas encore figées",
            "faits présentés par cette édition ne sont pas encore cités",
            "problèmes dans l'évaluation des résultats",
            "<li lang=\"en\">initiative &#34;synthetic-training&#34;: title</li>",
            "Publier l'édition 2018",
            "Prévisualiser le PDF provisoire</a> (l'édition telle qu'elle est maintenant",
        ],
        es: &[
            "etapa: Publicada",
            "sus datos todavía no están congelados",
            "hechos que muestra esta edición todavía no tienen cita",
            "problemas en la evaluación de resultados",
            "<li lang=\"en\">initiative &#34;synthetic-training&#34;: title</li>",
            "Publicar la edición 2018",
            "Previsualizar el PDF provisional</a>",
        ],
        en: &[
            "stage: Published",
            "its data are not frozen in NMP yet",
            "fact(s) this edition shows have no citation yet",
            "outcome assessment problem(s)",
            "Publish edition 2018",
            "Preview the draft PDF",
        ],
    },
    Expect {
        page: "publish",
        fr: &[
            "<h1>Publier l'édition 2017 ?</h1>",
            "La publication <strong>est irréversible</strong>",
            "chapitres",
            "profils de mécanismes",
            "sources dans la bibliographie",
            "L'empreinte de l'instantané",
            "<code class=\"hash\">",
            "Oui, publier l'édition 2017",
            "<strong lang=\"en\">",
        ],
        es: &[
            "<h1>¿Publicar la edición 2017?</h1>",
            "La publicación <strong>no puede deshacerse</strong>",
            "capítulos",
            "perfiles de mecanismos",
            "fuentes en la bibliografía",
            "La huella de la instantánea",
            "Sí, publicar la edición 2017",
            "<strong lang=\"en\">",
        ],
        en: &[
            "Publish edition 2017?",
            "cannot be undone",
            "chapter(s)",
            "mechanism profile(s)",
            "The snapshot's fingerprint",
            "Yes, publish edition 2017",
        ],
    },
    Expect {
        page: "publish-problems",
        fr: &[
            "Elle ne peut pas encore être publiée : 2 faits sans citation et 4 problèmes dans l&#39;évaluation des résultats",
            "Retour à l'édition",
        ],
        es: &[
            "Todavía no puede publicarse: 2 hechos sin cita y 4 problemas en la evaluación de resultados",
            "Volver a la edición",
        ],
        en: &[
            "It cannot be published yet: 2 fact(s) without a citation and 4 outcome assessment problem(s)",
            "Back to the edition",
        ],
    },
    Expect {
        page: "edition-published",
        fr: &[
            "ses données sont figées dans NMP (instantané sha256 <code class=\"hash\">",
            "<a href=\"#errata\">errata</a>",
            "<h2 id=\"errata\">Errata</h2>",
            "Aucun erratum enregistré.",
            "Enregistrer l'erratum",
            "Cette édition est publiée.",
        ],
        es: &[
            "sus datos están congelados en NMP (instantánea sha256 <code class=\"hash\">",
            "<a href=\"#errata\">fe de erratas</a>",
            "No hay erratas registradas.",
            "Registrar la errata",
            "Esta edición está publicada.",
        ],
        en: &[
            "its data are frozen in NMP (snapshot sha256",
            "No errata recorded.",
            "Record the erratum",
            "This edition is published.",
        ],
    },
    Expect {
        page: "erratum-refused",
        fr: &["Non enregistré : Publié le : <span lang=\"en\">"],
        es: &["No registrada: Emitida el: <span lang=\"en\">"],
        en: &["Not recorded: Issued on: "],
    },
    Expect {
        page: "no-edition",
        fr: &[
            "Édition introuvable",
            "Il n&#39;existe pas d&#39;édition &#34;1999&#34;.",
        ],
        es: &["Edición inexistente", "No existe la edición &#34;1999&#34;."],
        en: &["No such edition", "There is no edition &#34;1999&#34;."],
    },
    Expect {
        page: "questionnaires",
        fr: &[
            "<h2>Nouveau questionnaire</h2>",
            "Créer le questionnaire par défaut",
            "— choisir —",
            "Courriels envoyés et boîte d'envoi",
            "<td>ouvert</td>",
            "lang=\"en\">Questionnaire on national mechanisms",
        ],
        es: &[
            "<h2>Nuevo cuestionario</h2>",
            "Crear el cuestionario predeterminado",
            "— elegir —",
            "Correo enviado y bandeja de salida",
            "<td>abierto</td>",
            "lang=\"en\">Questionnaire on national mechanisms",
        ],
        en: &[
            "New questionnaire",
            "Create the default questionnaire",
            "— choose —",
            "Mail sent and outbox",
            "<td>open</td>",
        ],
    },
    Expect {
        page: "questionnaire",
        fr: &[
            "Révision 1 · ouvert · réponses au format <a href=",
            "<h2>Inviter un répondant</h2>",
            "<td>invité</td>",
            "Échéance (AAAA-MM-JJ)",
            "<option value=\"en\" lang=\"en\">English</option>",
            "<h1 lang=\"en\">",
            "lang=\"en\">Synthetic Respondent</a>",
            "<td>texte court</td>",
            "conservé dans la réponse",
        ],
        es: &[
            "Revisión 1 · abierto · respuestas en <a href=",
            "<h2>Invitar a un encuestado</h2>",
            "<td>invitado</td>",
            "Plazo (AAAA-MM-DD)",
            "lang=\"en\">Synthetic Respondent</a>",
            "<td>texto corto</td>",
            "se conserva en la respuesta",
        ],
        en: &[
            "Revision 1 · open · responses as <a href=",
            "Invite a respondent",
            "<td>invited</td>",
            "Due (YYYY-MM-DD)",
            "<td>short_text</td>",
            "kept in the response",
        ],
    },
    Expect {
        page: "reminders",
        fr: &["<p class=\"notice\" role=\"status\">Aucune relance n&#39;était due.</p>"],
        es: &["<p class=\"notice\" role=\"status\">No correspondía enviar ningún recordatorio.</p>"],
        en: &["<p class=\"notice\" role=\"status\">No reminders were due.</p>"],
    },
    Expect {
        page: "invitation",
        fr: &[
            "<h1>Réponse de <span lang=\"en\">Synthetic Respondent</span></h1>",
            "Français (<code>fr</code>) : le formulaire et les courriels",
            "<dd>invité</dd>",
            "Aucune réponse pour l'instant.",
            "Révoquer le lien",
            "ne nomme aucun mécanisme pour <span lang=\"en\">Kenya</span>",
        ],
        es: &[
            "<h1>Respuesta de <span lang=\"en\">Synthetic Respondent</span></h1>",
            "Français (<code>fr</code>): el formulario y los correos",
            "<dd>invitado</dd>",
            "Todavía no hay respuestas.",
            "Revocar el enlace",
            "no nombra ningún mecanismo en <span lang=\"en\">Kenya</span>",
        ],
        en: &[
            "Response of Synthetic Respondent",
            "the form and the mails are in it",
            "<dd>invited</dd>",
            "No answers yet.",
            "Revoke the link",
            "names no mechanism in Kenya",
        ],
    },
    Expect {
        page: "mail",
        fr: &[
            "<h1>Courriels</h1>",
            "Aucun serveur SMTP n'est configuré",
            "<code>.eml</code>",
            "<th scope=\"col\">Destinataire</th>",
            "<td>invitation</td>",
            "<td>dans la boîte d&#39;envoi</td>",
            "<small lang=\"en\">",
        ],
        es: &[
            "<h1>Correo</h1>",
            "No hay ningún servidor SMTP configurado",
            "<th scope=\"col\">Destinatario</th>",
            "<td>invitación</td>",
            "<td>en la bandeja de salida</td>",
            "<small lang=\"en\">",
        ],
        en: &[
            "No SMTP server is configured: messages are written to the outbox folder",
            "<th scope=\"col\">To</th>",
            "<td>outbox</td>",
        ],
    },
    Expect {
        page: "review",
        fr: &[
            "<h1>File de relecture</h1>",
            "<th scope=\"col\">Proposée par</th>",
            "Modification · ",
            " : <span lang=\"en\">Kenyan National Committee",
            "<span lang=\"en\">Synthetic student</span>",
        ],
        es: &[
            "<h1>Cola de revisión</h1>",
            "<th scope=\"col\">Propuesta por</th>",
            "Modificación · ",
            ": <span lang=\"en\">Kenyan National Committee",
        ],
        en: &[
            "<h1>Review queue</h1>",
            "<th scope=\"col\">Proposed by</th>",
            "Update · Mechanism: ",
        ],
    },
    Expect {
        page: "proposal",
        fr: &[
            "<h1>Proposition ",
            " : Modification · ",
            " : <span lang=\"en\">Kenyan National Committee",
            "<dd><span class=\"state state-proposed\">proposée</span></dd>",
            "<dd lang=\"en\">Synthetic note from the proposer</dd>",
            "<th scope=\"col\">Maintenant</th>",
            "<th scope=\"row\" lang=\"en\">",
            "<td class=\"after\" lang=\"en\">KNC-SYN</td>",
            "aucune indiquée",
            "Commentaire pour l'auteur de la proposition",
            "Approuver",
        ],
        es: &[
            "<h1>Propuesta ",
            ": Modificación · ",
            ": <span lang=\"en\">Kenyan National Committee",
            "<span class=\"state state-proposed\">propuesta</span>",
            "<dd lang=\"en\">Synthetic note from the proposer</dd>",
            "<th scope=\"col\">Ahora</th>",
            "<td class=\"after\" lang=\"en\">KNC-SYN</td>",
            "no se indica",
            "Comentario para quien propone",
            "Aprobar",
        ],
        en: &[
            "Note from the proposer",
            "<th scope=\"col\">Now</th>",
            "<td class=\"after\">KNC-SYN</td>",
            "none given",
            "Comment for the proposer",
            ">Approve</button>",
        ],
    },
    Expect {
        page: "proposal-refused",
        fr: &["<p class=\"error\" role=\"alert\">Version : rechargez la page et décidez de nouveau</p>"],
        es: &["<p class=\"error\" role=\"alert\">Versión: vuelva a cargar la página y decida de nuevo</p>"],
        en: &["<p class=\"error\" role=\"alert\">version: reload the page and decide again</p>"],
    },
    Expect {
        page: "assessments",
        fr: &[
            "<h2>Campagnes</h2>",
            "<h2 id=\"open\">Ouvrir une campagne</h2>",
            "Évaluateurs (au moins deux)",
            "notations envoyées : 3 sur 4 ; consensus : 0 sur 4",
            "<td>ouverte</td>",
            "figé (utilisé par des notes envoyées)",
            "<a href=\"/fr/staff/records/criterion\">Enregistrements › Critère</a>",
            "Choisissez le cadre « <span lang=\"en\">UN Framework of Analysis",
            "lang=\"en\">Synthetic round</a>",
        ],
        es: &[
            "<h2>Rondas</h2>",
            "<h2 id=\"open\">Abrir una ronda</h2>",
            "Evaluadores (al menos dos)",
            "calificaciones enviadas: 3 de 4; consenso: 0 de 4",
            "<td>abierta</td>",
            "<a href=\"/es/staff/records/criterion\">Registros › Criterio</a>",
            "Elija el marco «<span lang=\"en\">UN Framework of Analysis",
        ],
        en: &[
            "<h2 id=\"open\">Open a round</h2>",
            "Raters (at least two)",
            "3 of 4 submissions; consensus 0 of 4",
            "<td>open</td>",
            "Choose the framework \"UN Framework of Analysis",
        ],
    },
    Expect {
        page: "assessments-refused",
        fr: &[
            "La campagne n'a pas été ouverte. Veuillez corriger :",
            "<li>Cadre : choisissez un cadre</li>",
            "<li>Évaluateurs : &#34;abc&#34; ne fait pas partie des choix</li>",
        ],
        es: &[
            "La ronda no se abrió. Corrija lo siguiente:",
            "<li>Marco: elija un marco</li>",
            "<li>Evaluadores: &#34;abc&#34; no es una de las opciones</li>",
        ],
        en: &[
            "The round was not opened. Please correct:",
            "<li>framework_id: choose a framework</li>",
            "<li>raters: &#34;abc&#34; is not a choice</li>",
        ],
    },
    Expect {
        page: "assessments-store-refused",
        fr: &[
            "<li>Titre : <span lang=\"en\">give the round a title</span></li>",
            "<li>Échéance : <span lang=\"en\">",
        ],
        es: &[
            "<li>Título: <span lang=\"en\">give the round a title</span></li>",
            "<li>Plazo: <span lang=\"en\">",
        ],
        en: &["<li>title: give the round a title</li>", "<li>due_on: "],
    },
    Expect {
        page: "assessments-student",
        fr: &["<h2>Vos campagnes</h2>", "cibles notées : 1 sur 2"],
        es: &["<h2>Sus rondas</h2>", "objetivos calificados: 1 de 2"],
        en: &["<h2>Your rounds</h2>", "you rated 1 of 2"],
    },
    Expect {
        page: "round",
        fr: &[
            "<h1 lang=\"en\">Synthetic round</h1>",
            "<h2>Accord entre évaluateurs</h2>",
            "ouverte : les évaluateurs notent",
            "<small>(pays)</small>",
            "<span class=\"badge overdue\">en attente</span>",
            "critères : 0 sur 2",
            "<th scope=\"row\">Tous les critères</th>",
            "Là où les évaluateurs divergent",
            "<li lang=\"en\">round &#34;Synthetic round&#34;",
            "Clore la campagne",
        ],
        es: &[
            "<h1 lang=\"en\">Synthetic round</h1>",
            "<h2>Concordancia entre evaluadores</h2>",
            "abierta: los evaluadores están calificando",
            "<small>(país)</small>",
            "<span class=\"badge overdue\">pendiente</span>",
            "criterios: 0 de 2",
            "<th scope=\"row\">Todos los criterios</th>",
            "Dónde discrepan los evaluadores",
            "Cerrar la ronda",
        ],
        en: &[
            "<h2>Agreement</h2>",
            "open: raters are rating",
            "<small>(country)</small>",
            "0 of 2 criteria",
            "All criteria",
            "Where raters disagree",
            "Close the round",
        ],
    },
    Expect {
        page: "round-student",
        fr: &["<th scope=\"col\">Votre note</th>", ">la noter</a>"],
        es: &["<th scope=\"col\">Su calificación</th>", ">calificarlo</a>"],
        en: &["<th scope=\"col\">Your rating</th>", ">rate it</a>"],
    },
    Expect {
        page: "round-remind",
        fr: &["Relances envoyées : ana@example.org (1 à noter, dans la boîte d&#39;envoi)."],
        es: &["Recordatorios enviados: ana@example.org (1 pendientes, en la bandeja de salida)."],
        en: &["Reminders sent: ana@example.org (1 left, outbox)."],
    },
    Expect {
        page: "target",
        fr: &[
            "Initiative : <a href=\"/fr/initiatives/synthetic-training\">page publique</a>",
            "Cadre : <span lang=\"en\">Synthetic framework",
            "Enregistrer le consensus pour <span lang=\"en\">",
            "<td lang=\"en\">ANA-REASON",
            "Justification (comment la divergence a été résolue)",
            "Élément probant 1 : source",
        ],
        es: &[
            "Iniciativa: <a href=\"/es/initiatives/synthetic-training\">página pública</a>",
            "Registrar el consenso de <span lang=\"en\">",
            "<td lang=\"en\">ANA-REASON",
            "Elemento probatorio 1: fuente",
        ],
        en: &[
            "Initiative: <a href=\"/initiatives/synthetic-training\">public page</a>",
            "Record the consensus for",
            "Evidence 1: source",
        ],
    },
    Expect {
        page: "country-target",
        fr: &[
            "Pays : <a href=\"/fr/countries/",
            "Notez chaque critère avec un niveau et une tendance",
            "> En hausse</label>",
            "Pourquoi ce niveau et cette tendance",
            "aria-label=\"Tendance : ",
            "Envoyer mes notes",
        ],
        es: &[
            "País: <a href=\"/es/countries/",
            "Califique cada criterio con un nivel y una tendencia",
            "> En aumento</label>",
            "Por qué este nivel y esta tendencia",
            "aria-label=\"Tendencia de ",
            "Enviar mis calificaciones",
        ],
        en: &[
            "Rate every criterion with a level and a trend",
            "> Rising</label>",
            "Why this level and trend",
            "aria-label=\"Trend of ",
            "Submit my ratings",
        ],
    },
    Expect {
        page: "country-target-refused",
        fr: &[
            "Rien n'a été enregistré. Veuillez corriger :",
            ".level : <span lang=\"en\">",
        ],
        es: &["No se guardó nada. Corrija lo siguiente:", ".level: <span lang=\"en\">"],
        en: &["Nothing was saved. Please correct:"],
    },
    Expect {
        page: "country-target-editor",
        fr: &[
            "Tendance retenue par consensus",
            "<th scope=\"col\">Tendance</th>",
            "<td>En hausse</td>",
            "<td lang=\"en\">BEN-COUNTRY",
        ],
        es: &[
            "Tendencia de consenso",
            "<th scope=\"col\">Tendencia</th>",
            "<td>En aumento</td>",
            "<td lang=\"en\">BEN-COUNTRY",
        ],
        en: &["Consensus trend", "<td>Rising</td>"],
    },
    Expect {
        page: "assignments",
        fr: &[
            "<h2>Nouvelle affectation</h2>",
            "Pays : <span lang=\"en\">Kenya</span></a>",
            "<span class=\"badge overdue\">en retard</span>",
            "<td>en cours</td>",
            "Marquer comme terminée",
            "<small lang=\"en\">Synthetic instructions</small>",
            "Un pays, ou un profil ci-dessous : pas les deux.",
        ],
        es: &[
            "<h2>Nueva asignación</h2>",
            "País: <span lang=\"en\">Kenya</span></a>",
            "<span class=\"badge overdue\">vencida</span>",
            "<td>abierta</td>",
            "Marcar como terminada",
        ],
        en: &[
            "<h2>New assignment</h2>",
            "Country: Kenya</a>",
            "<span class=\"badge overdue\">overdue</span>",
            "Mark done",
        ],
    },
    Expect {
        page: "assignments-refused",
        fr: &[
            "Affectation non créée. Veuillez corriger :",
            "<li>Édition : &#34;x&#34; ne fait pas partie des choix</li>",
            "<li>Confier à : choisissez une personne</li>",
        ],
        es: &[
            "No se asignó. Corrija lo siguiente:",
            "<li>Edición: &#34;x&#34; no es una de las opciones</li>",
            "<li>Asignar a: elija una persona</li>",
        ],
        en: &[
            "Not assigned. Please correct:",
            "<li>edition_id: &#34;x&#34; is not a choice</li>",
            "<li>assignee_account_id: choose a person</li>",
        ],
    },
    Expect {
        page: "assignments-student",
        fr: &[
            "<h1>Mes affectations</h1>",
            "Seules les affectations en retard sont affichées.",
            "Tout afficher",
        ],
        es: &[
            "<h1>Mis asignaciones</h1>",
            "Solo se muestran las asignaciones vencidas.",
            "Mostrar todas",
        ],
        en: &[
            "<h1>My assignments</h1>",
            "Showing overdue assignments only.",
            "Show all",
        ],
    },
];

#[tokio::test]
async fn the_desk_pages_speak_french_and_spanish_and_keep_their_english() {
    for db in engines().await {
        let s = &db.store;
        let engine = db.engine;
        let w = world(s).await;
        let english = pages(s, &w, "").await;
        for (prefix, code) in [("/fr", "fr"), ("/es", "es")] {
            let translated = pages(s, &w, prefix).await;
            for ((name, a), (_, en)) in translated.iter().zip(&english) {
                assert_eq!(
                    a.status, en.status,
                    "{engine} {prefix} {name}: the same answer as in English"
                );
                let page = &a.body;
                assert!(
                    page.contains(&format!("<html lang=\"{code}\">")),
                    "{engine} {prefix} {name}"
                );
                assert!(
                    page.contains("<main id=\"main\" class=\"wrap\">"),
                    "{engine} {prefix} {name}: the page is not marked English as a whole"
                );
                assert!(!page.contains("/staff/staff"), "{engine} {prefix} {name}");
            }
            for e in EXPECTED {
                let (_, a) = translated
                    .iter()
                    .find(|(n, _)| n == e.page)
                    .unwrap_or_else(|| panic!("no page {}", e.page));
                let (_, en) = english.iter().find(|(n, _)| n == e.page).unwrap();
                let phrases = if code == "fr" { e.fr } else { e.es };
                for phrase in phrases {
                    assert!(
                        a.body.contains(phrase),
                        "{engine} {prefix} {}: {phrase:?} is missing from {}",
                        e.page,
                        a.body
                    );
                }
                for phrase in e.en {
                    assert!(
                        en.body.contains(phrase),
                        "{engine} {}: the English page says {phrase:?}: {}",
                        e.page,
                        en.body
                    );
                    assert!(
                        !a.body.contains(phrase),
                        "{engine} {prefix} {}: {phrase:?} is left in English: {}",
                        e.page,
                        a.body
                    );
                }
            }
        }
        // The English pages carry no French or Spanish word of theirs, and mark nothing English.
        for (name, a) in &english {
            let page = a.body.replacen("<html lang=\"en\">", "", 1);
            for phrase in [
                "Éditions",
                "Ediciones",
                "Campagne",
                "Ronda",
                "Affectation",
                "Asignaci",
                "lang=\"en\">",
            ] {
                assert!(
                    !page.contains(phrase),
                    "{engine} {name}: {phrase:?} on the English page"
                );
            }
        }
        db.finish().await;
    }
}
