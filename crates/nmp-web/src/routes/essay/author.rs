//! `/essay/{token}`: the author's page (see the module above).

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use nmp_collect::CollectError;
use nmp_collect::essays::{AuthorLine, Manuscript, authors_of};
use nmp_core::vocab::EssayStage;
use nmp_i18n::{Lang, t, t_args};
use nmp_store::entity::edition;
use nmp_store::essays::EssayFile;

use super::form::{Posted, Refused, read};
use super::{failure, link_page, problems};
use crate::AppState;
use crate::auth::{CurrentUser, WorkspaceError, form_csrf, page};

/// How many author rows the form offers.
const AUTHOR_ROWS: usize = 4;

/// The manuscript form as typed (or as last submitted).
#[derive(Clone, Debug, Default)]
pub(super) struct ManuscriptForm {
    pub title: String,
    pub abstract_text: String,
    pub keywords: String,
    /// `(n, name, affiliation, orcid)`, [`AUTHOR_ROWS`] rows.
    pub authors: Vec<(usize, String, String, String)>,
    pub competing_interests: String,
    pub consent: bool,
    pub body: String,
    /// `markdown`, or `docx` once a Word file was converted into the text box.
    pub source_format: String,
}

impl ManuscriptForm {
    fn of_version(file: &EssayFile) -> ManuscriptForm {
        let Some(v) = file.latest() else {
            let mut f = ManuscriptForm {
                authors: vec![(1, file.essay.author_name.clone(), String::new(), String::new())],
                source_format: "markdown".into(),
                ..Default::default()
            };
            f.pad();
            return f;
        };
        let mut f = ManuscriptForm {
            title: v.title.clone(),
            abstract_text: v.abstract_text.clone(),
            keywords: v.keywords.lines().collect::<Vec<_>>().join(", "),
            authors: authors_of(v)
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    (
                        i + 1,
                        a.name,
                        a.affiliation.unwrap_or_default(),
                        a.orcid.unwrap_or_default(),
                    )
                })
                .collect(),
            competing_interests: v.competing_interests.clone(),
            consent: false,
            body: v.body.clone(),
            source_format: "markdown".into(),
        };
        f.pad();
        f
    }

    fn of_posted(p: &Posted) -> ManuscriptForm {
        let mut f = ManuscriptForm {
            title: p.text("title").to_string(),
            abstract_text: p.text("abstract").to_string(),
            keywords: p.text("keywords").to_string(),
            authors: (1..=AUTHOR_ROWS)
                .map(|n| {
                    (
                        n,
                        p.text(&format!("author_{n}_name")).to_string(),
                        p.text(&format!("author_{n}_affiliation")).to_string(),
                        p.text(&format!("author_{n}_orcid")).to_string(),
                    )
                })
                .collect(),
            competing_interests: p.text("competing_interests").to_string(),
            consent: p.text("licence_consent") == "yes",
            body: p.text("body").to_string(),
            source_format: if p.text("source_format") == "docx" {
                "docx".into()
            } else {
                "markdown".into()
            },
        };
        f.pad();
        f
    }

    fn pad(&mut self) {
        while self.authors.len() < AUTHOR_ROWS {
            let n = self.authors.len() + 1;
            self.authors.push((n, String::new(), String::new(), String::new()));
        }
    }

    fn manuscript(&self) -> Manuscript {
        Manuscript {
            title: self.title.clone(),
            abstract_text: self.abstract_text.clone(),
            keywords: self.keywords.clone(),
            authors: self
                .authors
                .iter()
                .map(|(_, name, aff, orcid)| AuthorLine {
                    name: name.clone(),
                    affiliation: Some(aff.clone()),
                    orcid: Some(orcid.clone()),
                })
                .collect(),
            competing_interests: self.competing_interests.clone(),
            licence_consent: self.consent,
            body: self.body.clone(),
            source_format: self.source_format.clone(),
        }
    }
}

/// The proofs as the author reads them.
pub(super) struct Proofs {
    /// The title, byline and abstract as they will be published.
    pub title: String,
    pub byline: String,
    pub abstract_text: String,
    /// The essay's text as it will be published, HTML.
    pub html: String,
    /// The copyeditor's changes since the author's last version, as a diff table (HTML).
    pub diff_html: Option<String>,
    /// The essay's pages in the draft report (`/essay/{token}/proofs.pdf`).
    pub pdf_href: String,
}

/// How the author's page names a refused field: by its label in the author's language
/// ("Author 2, ORCID iD" for `author_2_orcid`), else as the workflow named it.
fn field_label(lang: Lang, field: &str) -> String {
    let key = match field {
        "title" => "ea-field-title",
        "abstract" => "ep-abstract",
        "keywords" => "ep-keywords",
        "competing_interests" => "ea-field-competing",
        "body" => "ea-err-body",
        "licence_consent" => "ea-err-licence",
        "docx" => "ea-err-docx",
        other => {
            let Some((n, what)) = other.strip_prefix("author_").and_then(|rest| rest.split_once('_')) else {
                return other.to_string();
            };
            let what = match what {
                "name" => "ea-author-name",
                "affiliation" => "ea-author-affiliation",
                "orcid" => "ea-err-orcid",
                _ => return other.to_string(),
            };
            return format!("{}, {}", t_args(lang, "ea-author-n", &[("n", n)]), t(lang, what));
        }
    };
    t(lang, key)
}

#[derive(Template)]
#[template(path = "essay_author.html")]
struct AuthorPage {
    lang: Lang,
    csrf: String,
    edition: String,
    theme: String,
    description: Option<String>,
    due: String,
    stage: String,
    stage_label: String,
    accepted: bool,
    row_version: i32,
    licence: String,
    letters: Vec<(String, String)>,
    reviews: Vec<(String, String)>,
    versions: Vec<String>,
    form: ManuscriptForm,
    show_form: bool,
    form_heading: String,
    docx_warnings: Vec<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    proofs: Option<Proofs>,
}

impl AuthorPage {
    fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    fn ta(&self, key: &str, args: &[(&str, &str)]) -> String {
        t_args(self.lang, key, args)
    }
}

fn lang_of(file: &EssayFile) -> Lang {
    Lang::from_code(&file.essay.language).unwrap_or_default()
}

fn stage_label(lang: Lang, code: &str) -> String {
    nmp_i18n::vocabulary_label(lang, "EssayStage", code).unwrap_or_else(|| code.to_string())
}

struct Extra {
    form: Option<ManuscriptForm>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    docx_warnings: Vec<String>,
}

async fn render(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    token: &str,
    file: &EssayFile,
    extra: Extra,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let lang = lang_of(file);
    let (csrf, cookie) = form_csrf(headers, user);
    let ed = state
        .store
        .get::<edition::Entity>(file.call.edition_id)
        .await?
        .ok_or_else(|| failure(CollectError::Invalid(vec![])))?;
    let e = &file.essay;
    let stage = e.stage.clone();
    let waiting_on_author = stage == EssayStage::Invited.code() || stage == EssayStage::Revisions.code();
    let letters = file
        .decisions
        .iter()
        .map(|d| {
            (
                crate::lang::within(lang, || crate::lang::date(&d.created_at.date().to_string())),
                d.letter.clone(),
            )
        })
        .collect();
    let reviews = file
        .reviews
        .iter()
        .filter(|r| r.submitted_at.is_some())
        .enumerate()
        .map(|(i, r)| {
            (
                t_args(lang, "ea-reviewer-n", &[("n", &(i + 1).to_string())]),
                r.to_author.clone().unwrap_or_default(),
            )
        })
        .collect();
    let versions = file
        .versions
        .iter()
        .map(|v| {
            let kind = nmp_i18n::vocabulary_label(lang, "EssayVersionKind", &v.kind).unwrap_or_else(|| v.kind.clone());
            t_args(
                lang,
                "ea-version-line",
                &[("number", &v.number.to_string()), ("kind", &kind)],
            )
        })
        .collect();
    let proofs = if stage == EssayStage::Proofs.code() {
        let latest = file.latest().expect("an essay in proofs has a version");
        let words = (t(lang, "ea-notes"), t(lang, "ea-figure"));
        let figures = crate::views::essays::Figures::now(file, &ed.slug);
        let rendered = crate::views::essays::render(&state.store, &latest.body, (&words.0, &words.1), figures).await?;
        let author_last = file.versions.iter().rev().find(|v| v.kind != "copyedit");
        let diff_html = author_last
            .filter(|a| a.version_id != latest.version_id)
            .map(|a| nmp_essay::diff::diff(&a.body, &latest.body).to_html());
        Some(Proofs {
            title: latest.title.clone(),
            byline: nmp_collect::essays::byline(latest),
            abstract_text: latest.abstract_text.clone(),
            pdf_href: format!("/essay/{token}/proofs.pdf"),
            html: rendered.html,
            diff_html,
        })
    } else {
        None
    };
    let view = AuthorPage {
        lang,
        csrf,
        edition: ed.title.clone(),
        theme: file.call.title.clone(),
        description: file.call.description.clone(),
        due: nmp_collect::invite::due_in(lang, &e.due_on),
        stage_label: stage_label(lang, &stage),
        accepted: e.accepted_at.is_some(),
        row_version: e.version,
        licence: ed.licence.clone().unwrap_or_else(|| "—".into()),
        letters,
        reviews,
        versions,
        form: extra.form.unwrap_or_else(|| ManuscriptForm::of_version(file)),
        show_form: waiting_on_author,
        form_heading: t(
            lang,
            if file.versions.is_empty() {
                "ea-submit-heading"
            } else {
                "ea-revise-heading"
            },
        ),
        docx_warnings: extra.docx_warnings,
        notice: extra.notice,
        errors: extra
            .errors
            .into_iter()
            .map(|(f, m)| (field_label(lang, &f), m))
            .collect(),
        proofs,
        stage,
    };
    Ok(crate::lang::within(lang, || page(status, &view, cookie)))
}

pub(super) async fn open(state: &AppState, token: &str) -> Result<Result<EssayFile, Response>, WorkspaceError> {
    match nmp_collect::essays::open_author_link(&state.store, token).await {
        Ok(file) => Ok(Ok(file)),
        Err(CollectError::Link(p)) => Ok(Err(link_page(p, Lang::En))),
        Err(e) => Err(failure(e)),
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, WorkspaceError> {
    let file = match open(&state, &token).await? {
        Ok(f) => f,
        Err(page) => return Ok(page),
    };
    let extra = Extra {
        form: None,
        notice: None,
        errors: Vec::new(),
        docx_warnings: Vec::new(),
    };
    render(&state, &headers, &user, &token, &file, extra, StatusCode::OK).await
}

pub(super) async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    Path(token): Path<String>,
    multipart: Multipart,
) -> Result<Response, WorkspaceError> {
    let file = match open(&state, &token).await? {
        Ok(f) => f,
        Err(page) => return Ok(page),
    };
    let lang = lang_of(&file);
    let posted = match read(&headers, &user, multipart).await {
        Ok(p) => p,
        Err(Refused::Csrf) => return Err(WorkspaceError::Csrf),
        Err(Refused::Page(text)) => {
            let extra = Extra {
                form: None,
                notice: None,
                errors: vec![("docx".into(), text)],
                docx_warnings: Vec::new(),
            };
            return render(
                &state,
                &headers,
                &user,
                &token,
                &file,
                extra,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
    };
    let expected: i32 = posted.text("version").trim().parse().unwrap_or(-1);
    let store = &state.store;
    let back = || Redirect::to(&format!("/essay/{token}")).into_response();
    let mut form = ManuscriptForm::of_posted(&posted);
    let outcome: Result<Option<String>, CollectError> = match posted.text("action") {
        "accept" => nmp_collect::essays::answer_invitation(store, &token, expected, true, None)
            .await
            .map(|_| None),
        "decline" => {
            nmp_collect::essays::answer_invitation(store, &token, expected, false, Some(posted.text("decline_note")))
                .await
                .map(|_| None)
        }
        "approve" | "request" => nmp_collect::essays::answer_proofs(
            store,
            &token,
            expected,
            posted.text("action") == "approve",
            posted.text("proofs_note"),
        )
        .await
        .map(|_| None),
        "convert" => {
            let Some((name, bytes)) = &posted.docx else {
                let extra = Extra {
                    form: Some(form),
                    notice: None,
                    errors: vec![("docx".into(), "choose a Word file (.docx) to convert".into())],
                    docx_warnings: Vec::new(),
                };
                return render(
                    &state,
                    &headers,
                    &user,
                    &token,
                    &file,
                    extra,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            };
            let (status, extra) = match nmp_essay::docx::to_markdown(bytes) {
                Ok(converted) => {
                    form.body = converted.markdown;
                    form.source_format = "docx".into();
                    (
                        StatusCode::OK,
                        Extra {
                            form: Some(form),
                            notice: Some(t_args(lang, "ea-converted", &[("file", name)])),
                            errors: Vec::new(),
                            docx_warnings: converted.warnings,
                        },
                    )
                }
                Err(e) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Extra {
                        form: Some(form),
                        notice: None,
                        errors: vec![("docx".into(), format!("{name}: {e}"))],
                        docx_warnings: Vec::new(),
                    },
                ),
            };
            return render(&state, &headers, &user, &token, &file, extra, status).await;
        }
        _ => nmp_collect::essays::submit(store, &token, expected, &form.manuscript())
            .await
            .map(|v| Some(t_args(lang, "ea-submitted", &[("number", &v.number.to_string())]))),
    };
    match outcome {
        Ok(None) => Ok(back()),
        Ok(Some(notice)) => {
            let file = match open(&state, &token).await? {
                Ok(f) => f,
                Err(page) => return Ok(page),
            };
            let extra = Extra {
                form: None,
                notice: Some(notice),
                errors: Vec::new(),
                docx_warnings: Vec::new(),
            };
            render(&state, &headers, &user, &token, &file, extra, StatusCode::OK).await
        }
        Err(e) => {
            let errors = problems(e)?;
            let file = match open(&state, &token).await? {
                Ok(f) => f,
                Err(page) => return Ok(page),
            };
            form.consent = posted.text("licence_consent") == "yes";
            let extra = Extra {
                form: Some(form),
                notice: Some(t(lang, "ea-not-saved")),
                errors,
                docx_warnings: Vec::new(),
            };
            render(
                &state,
                &headers,
                &user,
                &token,
                &file,
                extra,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
