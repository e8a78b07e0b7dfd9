//! The sign-in pages and the staff workspace's pages (the overview, records, a record's form,
//! history and conflict, the audit log, accounts, failed sign-ins, sources, import, the watchlist
//! and search) in French and Spanish: their words translated, their English gone, record data as
//! recorded and marked `lang="en"`, and the English pages as they were. On the seeded starter
//! dataset; accounts are synthetic test data.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Answer, PASSWORD, Session, get, post, staff};
use http_body_util::BodyExt;
use nmp_core::vocab::AccountRole;
use nmp_store::Store;
use nmp_store::auth::{LinkPurpose, TwoFactorPolicy, code_at};
use nmp_store::testing::engines;
use tower::ServiceExt;

/// A browser that keeps the cookies the server sets (for the sign-in pages, whose forms need the
/// pre-session CSRF cookie, and the second step's pending cookie).
struct Browser {
    store: Store,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new(store: &Store) -> Browser {
        Browser {
            store: store.clone(),
            cookies: BTreeMap::new(),
        }
    }

    async fn send(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        let state = common::state(&self.store).with_two_factor(TwoFactorPolicy::off());
        let app = nmp_web::router(state);
        let mut request = Request::builder().method(method).uri(path);
        if !self.cookies.is_empty() {
            let cookie: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(header::COOKIE, cookie.join("; "));
        }
        let body = if method == "GET" {
            Body::empty()
        } else {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(serde_urlencoded::to_string(form).unwrap())
        };
        let response = app.oneshot(request.body(body).unwrap()).await.unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_string());
        let set_cookies: Vec<String> = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        for c in &set_cookies {
            let (k, v) = c.split(';').next().unwrap().split_once('=').unwrap();
            if v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            location,
            set_cookies,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&mut self, path: &str) -> Answer {
        self.send("GET", path, &[]).await
    }

    /// POSTs `form` with the CSRF token of the form on `page`.
    async fn post_from(&mut self, page: &str, path: &str, form: &[(&str, &str)]) -> Answer {
        let csrf = self.get(page).await.csrf();
        let mut fields = vec![("csrf", csrf.as_str())];
        fields.extend_from_slice(form);
        self.send("POST", path, &fields).await
    }
}

/// A page in `lang` (`fr`, `es`): the document's language, and its main content not marked as
/// English as a whole (the page is translated, not left in English).
fn in_language(page: &Answer, lang: &str, path: &str) {
    assert!(
        page.body.contains(&format!("<html lang=\"{lang}\">")),
        "{path}: {}",
        &page.body[..page.body.len().min(300)]
    );
    assert!(
        page.body.contains("<main id=\"main\" class=\"wrap\">"),
        "{path}: the main content is not marked as English as a whole"
    );
}

/// `page` holds every phrase of `has` and none of `lacks`.
fn says(page: &Answer, path: &str, has: &[&str], lacks: &[&str]) {
    for phrase in has {
        assert!(page.body.contains(phrase), "{path} says {phrase:?}: {}", page.body);
    }
    for phrase in lacks {
        assert!(
            !page.body.contains(phrase),
            "{path} no longer says {phrase:?}: {}",
            page.body
        );
    }
}

/// The French and the Spanish of a phrase, by language code.
fn pick<'a>(lang: &str, fr: &'a str, es: &'a str) -> &'a str {
    if lang == "fr" { fr } else { es }
}

const LANGS: [&str; 2] = ["fr", "es"];

#[tokio::test]
async fn the_sign_in_pages_speak_french_and_spanish_and_english_stays() {
    for db in engines().await {
        let s = &db.store;
        for lang in LANGS {
            let mut b = Browser::new(s);
            let path = format!("/{lang}/login");
            let login = b.get(&path).await;
            assert_eq!(login.status, StatusCode::OK);
            in_language(&login, lang, &path);
            says(
                &login,
                &path,
                &[
                    pick(lang, "<h1>Se connecter</h1>", "<h1>Iniciar sesión</h1>"),
                    pick(lang, "Mot de passe oublié ?", "¿Olvidó su contraseña?"),
                    pick(lang, ">Mot de passe</label>", ">Contraseña</label>"),
                    &format!("action=\"/{lang}/login\""),
                ],
                &["Forgot your password?", "<h1>Sign in</h1>", "needs no account"],
            );
            // A wrong password: the refusal in the language.
            let wrong = b
                .post_from(&path, &path, &[("email", "nobody@example.org"), ("password", "wrong")])
                .await;
            assert_eq!(wrong.status, StatusCode::OK);
            says(
                &wrong,
                &path,
                &[pick(
                    lang,
                    "L&#39;adresse e-mail ou le mot de passe est incorrect.",
                    "El correo electrónico o la contraseña no son correctos.",
                )],
                &["The email or password is not correct."],
            );

            // Forgot your password?: the form, then the answer.
            let reset_path = format!("/{lang}/reset-password");
            let reset = b.get(&reset_path).await;
            in_language(&reset, lang, &reset_path);
            says(
                &reset,
                &reset_path,
                &[pick(
                    lang,
                    "Demander un lien de réinitialisation",
                    "Pedir un enlace para restablecerla",
                )],
                &["Ask for a reset link"],
            );
            let sent = b
                .post_from(&reset_path, &reset_path, &[("email", "nobody@example.org")])
                .await;
            says(
                &sent,
                &reset_path,
                &[
                    pick(lang, "--email VOTRE-ADRESSE</code>", "--email SU-CORREO</code>"),
                    pick(lang, "Retour à la connexion", "Volver al inicio de sesión"),
                ],
                &["This site does not send email yet", "YOUR-EMAIL"],
            );

            // A set-password link: the form, a refusal, and a used link's page.
            let email = format!("link-{lang}@example.org");
            s.create_account("system:test", &email, "Synthetic person", AccountRole::Researcher)
                .await
                .unwrap();
            let (_, token) = s
                .issue_link("system:test", &email, LinkPurpose::SetPassword)
                .await
                .unwrap();
            let set_path = format!("/{lang}/set-password/{token}");
            let set = b.get(&set_path).await;
            assert_eq!(set.status, StatusCode::OK, "{}", set.body);
            in_language(&set, lang, &set_path);
            says(
                &set,
                &set_path,
                &[
                    pick(lang, "Pour le compte <strong>", "Para la cuenta <strong>"),
                    &format!("<strong>{email}</strong>"),
                    pick(lang, "(au moins 12 caractères)", "(al menos 12 caracteres)"),
                ],
                &["For the account", "at least 12 characters"],
            );
            let short = b
                .post_from(
                    &set_path,
                    &set_path,
                    &[("password", "short"), ("confirm_password", "short")],
                )
                .await;
            says(
                &short,
                &set_path,
                &[pick(
                    lang,
                    "Mot de passe : le mot de passe doit comporter au moins 12 caractères",
                    "Contraseña: la contraseña debe tener al menos 12 caracteres",
                )],
                &["the password must have at least"],
            );
            let done = b
                .post_from(
                    &set_path,
                    &set_path,
                    &[("password", PASSWORD), ("confirm_password", PASSWORD)],
                )
                .await;
            says(
                &done,
                &set_path,
                &[pick(
                    lang,
                    "Votre mot de passe a été enregistré.",
                    "Su contraseña se ha establecido.",
                )],
                &["Your password has been set"],
            );
            let used = b.get(&set_path).await;
            assert_eq!(used.status, StatusCode::GONE);
            in_language(&used, lang, &set_path);
            says(
                &used,
                &set_path,
                &[pick(
                    lang,
                    "<h1>Ce lien ne peut pas être utilisé</h1>",
                    "<h1>Este enlace no se puede usar</h1>",
                )],
                &["This link cannot be used", "already been used"],
            );
        }

        // English as it was.
        let mut b = Browser::new(s);
        let login = b.get("/login").await;
        assert!(login.body.contains("<html lang=\"en\">"));
        says(
            &login,
            "/login",
            &[
                "<h1>Sign in</h1>",
                "<p>For the research team's staff accounts. Reading the review and its data needs no account.</p>",
                "<a href=\"/reset-password\">Forgot your password?</a>",
            ],
            &["<h1>Se connecter", "\" lang=\"en\">"],
        );
        let wrong = b
            .post_from(
                "/login",
                "/login",
                &[("email", "nobody@example.org"), ("password", "wrong")],
            )
            .await;
        assert!(wrong.body.contains("The email or password is not correct."));
        let sent = b
            .post_from("/reset-password", "/reset-password", &[("email", "nobody@example.org")])
            .await;
        assert!(
            sent.body
                .contains("they can issue a\nnew one with <code>nmp user reset --email YOUR-EMAIL</code>.</p>"),
            "{}",
            sent.body
        );
        db.finish().await;
    }
}

#[tokio::test]
async fn the_account_and_two_factor_pages_speak_french_and_spanish() {
    for db in engines().await {
        let s = &db.store;
        for lang in LANGS {
            let email = format!("ana-{lang}@example.org");
            let who = staff(s, &email, AccountRole::Researcher).await;
            let mut b = Browser::new(s);
            b.cookies.insert("nmp_session".into(), who.token.clone());

            let path = format!("/{lang}/account");
            let account = b.get(&path).await;
            assert_eq!(account.status, StatusCode::OK);
            in_language(&account, lang, &path);
            says(
                &account,
                &path,
                &[
                    pick(lang, "<h1>Votre compte</h1>", "<h1>Su cuenta</h1>"),
                    pick(lang, "<dd>Chercheur</dd>", "<dd>Investigador</dd>"),
                    pick(
                        lang,
                        "<dt>Authentification à deux facteurs</dt><dd>Désactivée</dd>",
                        "<dt>Autenticación en dos pasos</dt><dd>Desactivada</dd>",
                    ),
                    pick(lang, "Se déconnecter", "Cerrar sesión"),
                ],
                &["Your account", "<dd>Researcher</dd>", "Two-factor sign-in", "Sign out"],
            );
            let password_path = format!("/{lang}/account/password");
            let password = b.get(&password_path).await;
            says(
                &password,
                &password_path,
                &[pick(lang, "Mot de passe actuel", "Contraseña actual")],
                &["Current password", "New password again"],
            );

            // The second factor: off, being set up, a wrong code, then on with recovery codes.
            let tf_path = format!("/{lang}/account/two-factor");
            let off = b.get(&tf_path).await;
            in_language(&off, lang, &tf_path);
            says(
                &off,
                &tf_path,
                &[pick(
                    lang,
                    "L'authentification à deux facteurs est <strong>désactivée</strong>.",
                    "La autenticación en dos pasos está <strong>desactivada</strong>.",
                )],
                &["Two-factor sign-in is <strong>off</strong>"],
            );
            let started = b
                .post_from(&tf_path, &format!("/{lang}/account/two-factor/start"), &[])
                .await;
            assert_eq!(started.location.as_deref(), Some(tf_path.as_str()));
            let setup = b.get(&tf_path).await;
            says(
                &setup,
                &tf_path,
                &[
                    pick(
                        lang,
                        "<strong>en cours de configuration</strong>",
                        "<strong>en configuración</strong>",
                    ),
                    pick(lang, "Scannez ce code QR", "Escanee este código QR"),
                    pick(lang, "Confirmer et activer", "Confirmar y activar"),
                ],
                &["being set up", "Confirm and switch on", "Scan this QR code"],
            );
            let marker = pick(lang, "Clé (à saisir", "Clave (escríbala");
            let rest = &setup.body[setup.body.find(marker).expect("the key's paragraph")..];
            let start = rest.find("<code>").unwrap() + 6;
            let secret = rest[start..start + rest[start..].find("</code>").unwrap()].replace(' ', "");
            let confirm_path = format!("/{lang}/account/two-factor/confirm");
            let wrong = b.post_from(&tf_path, &confirm_path, &[("code", "12345x")]).await;
            assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
            says(
                &wrong,
                &tf_path,
                &[pick(lang, "Le code est incorrect.", "El código no es correcto.")],
                &["The code is not correct"],
            );
            let now = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap();
            let code = code_at(&secret, now).unwrap();
            let on = b.post_from(&tf_path, &confirm_path, &[("code", &code)]).await;
            assert_eq!(on.status, StatusCode::OK, "{}", on.body);
            in_language(&on, lang, &confirm_path);
            says(
                &on,
                &confirm_path,
                &[
                    pick(
                        lang,
                        "<h1>Vos codes de récupération</h1>",
                        "<h1>Sus códigos de recuperación</h1>",
                    ),
                    pick(lang, "<strong>activée</strong>", "<strong>activada</strong>"),
                ],
                &["Your recovery codes", "shown only this once"],
            );

            // Signing in again asks for a code, in the language.
            b.post_from(&path, &format!("/{lang}/logout"), &[]).await;
            let first = b
                .post_from(
                    &format!("/{lang}/login"),
                    &format!("/{lang}/login"),
                    &[("email", &email), ("password", PASSWORD)],
                )
                .await;
            assert_eq!(first.location.as_deref(), Some(format!("/{lang}/login/code").as_str()));
            let code_path = format!("/{lang}/login/code");
            let form = b.get(&code_path).await;
            in_language(&form, lang, &code_path);
            says(
                &form,
                &code_path,
                &[
                    pick(
                        lang,
                        "<h1>Votre code de connexion</h1>",
                        "<h1>Su código de inicio de sesión</h1>",
                    ),
                    &format!("<strong>{email}</strong>"),
                    pick(lang, "codes de récupération", "códigos de recuperación"),
                ],
                &["Your sign-in code", "The password for"],
            );
        }

        // English as it was.
        let who = staff(s, "ana@example.org", AccountRole::Researcher).await;
        let mut b = Browser::new(s);
        b.cookies.insert("nmp_session".into(), who.token.clone());
        let account = b.get("/account").await;
        assert!(
            account.body.contains("<dt>Role</dt><dd>Researcher</dd>"),
            "{}",
            account.body
        );
        assert!(account.body.contains("<dt>Two-factor sign-in</dt><dd>Off</dd>"));
        let off = b.get("/account/two-factor").await;
        assert!(
            off.body
                .contains("Two-factor sign-in is <strong>off</strong>. With it on,")
        );
        db.finish().await;
    }
}

/// The name of the seeded mechanism `slug` and its key.
async fn mechanism(store: &Store, slug: &str) -> (String, i32) {
    let m = store.mechanism_by_slug(slug).await.unwrap().unwrap();
    (m.name, m.mechanism_id)
}

/// `text` as a page escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('\'', "&#39;").replace('"', "&#34;")
}

#[tokio::test]
async fn the_workspace_speaks_french_and_spanish_and_marks_record_data_as_english() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let admin = staff(s, "admin@example.org", AccountRole::Admin).await;
        let editor = staff(s, "editor@example.org", AccountRole::Editor).await;
        let (name, id) = mechanism(s, "ken-national-committee").await;
        let name = escaped(&name);
        let page = |path: String, who: Session| async move {
            let answer = get(s, &path, Some(&who)).await;
            assert_eq!(answer.status, StatusCode::OK, "{path}: {}", answer.body);
            answer
        };

        for lang in LANGS {
            let p = |rest: &str| format!("/{lang}{rest}");

            // The overview and the navigation.
            let path = p("/staff");
            let overview = page(path.clone(), admin.clone()).await;
            in_language(&overview, lang, &path);
            says(
                &overview,
                &path,
                &[
                    pick(
                        lang,
                        "<h1>Votre espace de travail</h1>",
                        "<h1>Su espacio de trabajo</h1>",
                    ),
                    pick(lang, ">Enregistrements</a>", ">Registros</a>"),
                    pick(lang, ">Journal d'audit</a>", ">Registro de auditoría</a>"),
                    pick(lang, "(Administrateur)", "(Administrador)"),
                    pick(lang, "Mes affectations", "Mis asignaciones"),
                    &format!("href=\"/{lang}/staff/records\""),
                ],
                &[
                    "Your workspace",
                    "My assignments",
                    ">Records</a>",
                    "Synthetic admin (Administrator)",
                ],
            );

            // The tables, a table's list (record names and countries marked as English).
            let path = p("/staff/records");
            let records = page(path.clone(), admin.clone()).await;
            says(
                &records,
                &path,
                &[
                    pick(lang, "Statut de mécanisme</a>", "Estado del mecanismo</a>"),
                    pick(lang, "Citez une source", "Cite una fuente"),
                ],
                &["Mechanism status</a>", "Every table the report"],
            );
            let path = p("/staff/records/mechanism");
            let list = page(path.clone(), admin.clone()).await;
            says(
                &list,
                &path,
                &[
                    &format!("/staff/records/mechanism/{id}\" lang=\"en\">{name}</a>"),
                    pick(lang, "Nouvel enregistrement (mécanisme)", "Nuevo registro (mecanismo)"),
                    pick(lang, "Dernière modification par", "Último cambio de"),
                    "<td><span lang=\"en\">Kenya</span></td>",
                ],
                &["New mechanism", "Last changed by", ">history</a>"],
            );
            let path = p("/staff/records/mechanism?country=ken");
            let one_country = page(path.clone(), admin.clone()).await;
            says(
                &one_country,
                &path,
                &[pick(
                    lang,
                    "Seulement les enregistrements d'un pays : <span lang=\"en\">Kenya</span>",
                    "Solo los registros de un país: <span lang=\"en\">Kenya</span>",
                )],
                &["Only Kenya", "public page"],
            );

            // A record's form: labels translated, help and values as recorded.
            let path = p(&format!("/staff/records/mechanism/{id}"));
            let form = page(path.clone(), admin.clone()).await;
            in_language(&form, lang, &path);
            says(
                &form,
                &path,
                &[
                    &format!(
                        "<h1>{} <span lang=\"en\">{name}</span></h1>",
                        pick(lang, "Mécanisme :", "Mecanismo:")
                    ),
                    pick(
                        lang,
                        ">Nom <span class=\"req\">(obligatoire)</span>",
                        ">Nombre <span class=\"req\">(obligatorio)</span>",
                    ),
                    pick(lang, "Organisation chef de file", "Organización principal"),
                    pick(
                        lang,
                        "<legend>Source de cette modification</legend>",
                        "<legend>Fuente de este cambio</legend>",
                    ),
                    pick(lang, "— aucune source —", "— sin fuente —"),
                    "<p class=\"help\" id=\"h-name\" lang=\"en\">",
                ],
                &[
                    "(required)",
                    "Lead organization",
                    "Source for this change",
                    "Delete this record",
                ],
            );

            // Saved, then a save of the old version: the conflict page.
            let record = s.record("mechanism", id).await.unwrap().unwrap();
            let mut fields: Vec<(String, String)> = record
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), nmp_store::records::value_text(v)))
                .collect();
            fields.push(("version".into(), record.version.to_string()));
            let with = |acronym: &str| {
                let mut f: Vec<(String, String)> = fields.iter().filter(|(k, _)| k != "acronym").cloned().collect();
                f.push(("acronym".into(), acronym.into()));
                f
            };
            let first = with(&format!("FIRST-{lang}"));
            let pairs: Vec<(&str, &str)> = first.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let saved = post(s, &path, &admin, &pairs).await;
            assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
            assert_eq!(
                saved.location.as_deref(),
                Some(format!("/{lang}/staff/records/mechanism/{id}?saved=1").as_str())
            );
            let again = page(format!("{path}?saved=1"), admin.clone()).await;
            says(
                &again,
                &path,
                &[pick(lang, ">Enregistré.</p>", ">Guardado.</p>")],
                &[">Saved.</p>"],
            );
            let second = with(&format!("SECOND-{lang}"));
            let pairs: Vec<(&str, &str)> = second.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let conflict = post(s, &path, &editor, &pairs).await;
            assert_eq!(conflict.status, StatusCode::CONFLICT, "{}", conflict.body);
            in_language(&conflict, lang, &path);
            says(
                &conflict,
                &path,
                &[
                    pick(lang, "a été modifié par quelqu'un d'autre", "Otra persona modificó"),
                    &format!("<span lang=\"en\">{name}</span>"),
                    pick(lang, "Rien de ce que vous avez saisi", "No se guardó nada suyo"),
                    pick(lang, "<th scope=\"row\">Sigle</th>", "<th scope=\"row\">Sigla</th>"),
                    &format!("<td lang=\"en\">FIRST-{lang}</td>"),
                ],
                &[
                    "was changed by someone else",
                    "Nothing of yours was saved",
                    "Your version",
                ],
            );

            // The record's history and the audit log.
            let path = p(&format!("/staff/records/mechanism/{id}/history"));
            let history = page(path.clone(), admin.clone()).await;
            says(
                &history,
                &path,
                &[
                    &format!(
                        "{} <span lang=\"en\">{name}</span></h1>",
                        pick(lang, "Historique (mécanisme) :", "Historial (mecanismo):")
                    ),
                    pick(lang, "<td>modification</td>", "<td>modificación</td>"),
                    pick(lang, "<li>Sigle : ", "<li>Sigla: "),
                    &format!("<ins lang=\"en\">FIRST-{lang}</ins>"),
                ],
                &["History of mechanism", "<td>update</td>", "What changed"],
            );
            let path = p("/staff/audit");
            let audit = page(path.clone(), admin.clone()).await;
            in_language(&audit, lang, &path);
            says(
                &audit,
                &path,
                &[
                    pick(lang, "<h1>Journal d'audit</h1>", "<h1>Registro de auditoría</h1>"),
                    pick(
                        lang,
                        "des plus récentes aux plus anciennes",
                        "del más reciente al más antiguo",
                    ),
                    pick(lang, "événements", "eventos"),
                ],
                &["Every change made through the platform", "hash-chained"],
            );

            // Accounts: the list, one account, a new account's link, failed sign-ins.
            let path = p("/staff/accounts");
            let accounts = page(path.clone(), admin.clone()).await;
            says(
                &accounts,
                &path,
                &[
                    pick(lang, "<h2>Nouveau compte</h2>", "<h2>Nueva cuenta</h2>"),
                    pick(
                        lang,
                        "<option value=\"editor\">Éditeur</option>",
                        "<option value=\"editor\">Editor</option>",
                    ),
                    pick(
                        lang,
                        "Organisation (partenaires uniquement)",
                        "Organización (solo socios)",
                    ),
                ],
                &["New account", "Create the account", "Partner organisation staff"],
            );
            let path = p(&format!("/staff/accounts/{}", editor.account_id));
            let one = page(path.clone(), admin.clone()).await;
            says(
                &one,
                &path,
                &[
                    pick(lang, "Désactiver le compte", "Desactivar la cuenta"),
                    pick(lang, "Réinitialiser le second facteur", "Restablecer el segundo factor"),
                ],
                &["Deactivate the account", "Reset the second factor"],
            );
            let new_email = format!("new-{lang}@example.org");
            let created = post(
                s,
                &p("/staff/accounts"),
                &admin,
                &[
                    ("name", "Synthetic new"),
                    ("email", &new_email),
                    ("role", "reviewer"),
                    ("organization_id", ""),
                ],
            )
            .await;
            assert_eq!(created.status, StatusCode::OK, "{}", created.body);
            says(
                &created,
                "the new account's link",
                &[
                    pick(lang, "<h1>Compte créé</h1>", "<h1>Cuenta creada</h1>"),
                    pick(lang, "Relecteur) est prêt.", "Revisor) está lista."),
                    pick(lang, "Copiez ce lien maintenant", "Copie este enlace ahora"),
                ],
                &["Account created", "Copy this link now"],
            );
            let refused = post(
                s,
                &p("/staff/accounts"),
                &admin,
                &[
                    ("name", "Synthetic"),
                    ("email", "x@example.org"),
                    ("role", "nobody"),
                    ("organization_id", ""),
                ],
            )
            .await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
            says(
                &refused,
                "a refused account",
                &[
                    pick(
                        lang,
                        "Le compte n'a pas été créé. Veuillez corriger :",
                        "No se ha creado la cuenta. Corrija lo siguiente:",
                    ),
                    pick(lang, "<li>Rôle : <span lang=\"en\">", "<li>Rol: <span lang=\"en\">"),
                ],
                &["Not created. Please correct:"],
            );
            let path = p("/staff/sign-ins");
            let sign_ins = page(path.clone(), admin.clone()).await;
            says(
                &sign_ins,
                &path,
                &[pick(
                    lang,
                    "<h1>Connexions échouées</h1>",
                    "<h1>Inicios de sesión fallidos</h1>",
                )],
                &["Failed sign-ins", "newest first"],
            );

            // An editor may not see the accounts: the refusal in the language.
            let path = p("/staff/accounts");
            let forbidden = get(s, &path, Some(&editor)).await;
            assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
            in_language(&forbidden, lang, &path);
            says(
                &forbidden,
                &path,
                &[
                    pick(lang, "<h1>Accès refusé</h1>", "<h1>Acceso denegado</h1>"),
                    pick(lang, "ne donne pas accès à cette page", "no da acceso a esta página"),
                ],
                &["Not allowed", "does not allow this page"],
            );

            // Sources, import, the watchlist, search.
            let path = p("/staff/sources");
            let sources = page(path.clone(), admin.clone()).await;
            says(
                &sources,
                &path,
                &[
                    pick(
                        lang,
                        "<h1>Sources et vérification des liens</h1>",
                        "<h1>Fuentes y comprobación de enlaces</h1>",
                    ),
                    pick(lang, "non vérifié", "sin comprobar"),
                    pick(lang, "Copie archivée (URL)", "Copia archivada (URL)"),
                    "<br><span lang=\"en\">",
                ],
                &["Sources and link checks", "Archived copy (URL)", ">unchecked<"],
            );
            let path = p("/staff/import");
            let import = page(path.clone(), admin.clone()).await;
            says(
                &import,
                &path,
                &[
                    pick(
                        lang,
                        "<h1>Importer depuis un tableur</h1>",
                        "<h1>Importar desde una hoja de cálculo</h1>",
                    ),
                    pick(lang, ">modèle XLSX</a>", ">plantilla XLSX</a>"),
                    pick(lang, "Vérifier le fichier", "Comprobar el archivo"),
                ],
                &["Import from a spreadsheet", "XLSX template", "Check the file"],
            );
            let path = p("/staff/watchlist?follow=KEN");
            let watchlist = page(path.clone(), admin.clone()).await;
            says(
                &watchlist,
                &path,
                &[
                    pick(lang, "<h1>Liste de suivi</h1>", "<h1>Lista de seguimiento</h1>"),
                    pick(
                        lang,
                        "Les 30 premiers de chaque prévision",
                        "Los 30 primeros de cada pronóstico",
                    ),
                    "<option value=\"KEN\" selected lang=\"en\">Kenya</option>",
                ],
                &["You follow nothing yet", "The top 30 of every forecast"],
            );
            let refused = post(
                s,
                &p("/staff/watchlist"),
                &admin,
                &[("action", "follow"), ("target", "KEN"), ("min_rise", "lots")],
            )
            .await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
            says(
                &refused,
                "a refused follow",
                &[pick(
                    lang,
                    "<li>Hausse qui déclenche une alerte : &#34;lots&#34; n&#39;est pas un nombre",
                    "<li>Subida que genera una alerta: &#34;lots&#34; no es un número",
                )],
                &["is not a number"],
            );
            let path = p("/staff/search?q=kenya");
            let search = page(path.clone(), admin.clone()).await;
            says(
                &search,
                &path,
                &[pick(
                    lang,
                    "<h1>Rechercher dans l'espace de travail</h1>",
                    "<h1>Buscar en el espacio de trabajo</h1>",
                )],
                &["<h1>Search the workspace</h1>"],
            );
        }

        // English as it was: no translation, nothing marked.
        let overview = page("/staff".into(), admin.clone()).await;
        says(
            &overview,
            "/staff",
            &[
                "<h1>Your workspace</h1>",
                "<a href=\"/staff/records\">Records</a>",
                "(Administrator)",
            ],
            &["\" lang=\"en\">", "<span lang=\"en\">", "Votre"],
        );
        let list = page("/staff/records/mechanism".into(), admin.clone()).await;
        says(
            &list,
            "/staff/records/mechanism",
            &[
                &format!("/staff/records/mechanism/{id}\">{name}</a>"),
                "New mechanism",
                "<td>Kenya</td>",
            ],
            &["\" lang=\"en\">", "<span lang=\"en\">", "<td lang=\"en\">"],
        );
        let form = page(format!("/staff/records/mechanism/{id}"), admin.clone()).await;
        says(
            &form,
            "the English form",
            &[
                &format!("<h1>Mechanism: {name}</h1>"),
                ">Name <span class=\"req\">(required)</span>",
                "Lead organization",
                "<legend>Source for this change</legend>",
            ],
            &["\" lang=\"en\">", "<span lang=\"en\">", "<td lang=\"en\">"],
        );
        let history = page(format!("/staff/records/mechanism/{id}/history"), admin.clone()).await;
        says(
            &history,
            "the English history",
            &[
                &format!("<h1>History of mechanism: {name}</h1>"),
                "<td>update</td>",
                "<li>Acronym: ",
            ],
            &["\" lang=\"en\">", "<span lang=\"en\">", "<td lang=\"en\">"],
        );
        let forbidden = get(s, "/staff/accounts", Some(&editor)).await;
        says(
            &forbidden,
            "the English refusal",
            &[
                "<h1>Not allowed</h1>",
                "<p>Your account&#39;s role does not allow this page.</p>",
            ],
            &["\" lang=\"en\">", "<span lang=\"en\">", "<td lang=\"en\">"],
        );
        db.finish().await;
    }
}
