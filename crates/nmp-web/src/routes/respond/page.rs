//! The questionnaire page of `/respond/{token}`: who asks, for what period and whom to write to;
//! each question as an input (a repeating group as rows of inputs, one blank row to fill and an
//! "Add another row" button; a row choosing an institution may name one not in the list), filled
//! with the answers so far, each problem beside its question. A submitted response is shown
//! read-only, with when it was submitted.

use std::collections::BTreeMap;

use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use nmp_collect::CollectError;
use nmp_collect::questionnaire::translated;
use nmp_collect::respond::{
    AnswerErrors, Answers, OTHER, Opened, child_name, choices, is_date, offers_other, other_key,
};
use nmp_i18n::{Lang, t, t_args};
use nmp_store::entity::question;
use nmp_store::entity::{account, edition};
use serde_json::Value;

use crate::auth::footer::escape;
use crate::auth::{CurrentUser, WorkspaceError, form_csrf, page};
use crate::{AppState, WebError};

/// Who is answering: the request's state, headers and user (for the form's CSRF token).
pub(super) struct Visitor<'a> {
    pub state: &'a AppState,
    pub headers: &'a HeaderMap,
    pub user: &'a CurrentUser,
    /// The personal link's token.
    pub token: &'a str,
}

/// A data-collection failure of the store, or an internal error.
pub(super) fn collect_error(e: CollectError) -> WebError {
    match e {
        CollectError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
}

/// Blank rows a repeating group shows at first; "Add another row" adds one more.
pub(super) const BLANK_ROWS: usize = 1;

/// The blank rows each repeating group shows, by group key (a group not named shows
/// [`BLANK_ROWS`]).
pub(super) type Blanks = BTreeMap<String, usize>;

/// One input of a question (or of a group row).
pub(crate) struct Input {
    pub name: String,
    pub label: String,
    pub help: Option<String>,
    /// `text`, `textarea`, `select`, `radio`, `number` or `file`.
    pub widget: &'static str,
    pub value: String,
    /// The answer in words, for the page of a submitted response (a choice's label).
    pub shown: String,
    pub options: Vec<(String, String)>,
    pub required: bool,
    pub error: Option<String>,
    /// For a file question: the files attached so far, `(attachment_id, name, size)`.
    pub files: Vec<(i32, String, String)>,
    /// For a file question: the file types the browser offers.
    pub accept: String,
    /// ` lang="en"` when the label and help are the English of a page in another language.
    pub text_lang: &'static str,
    /// For a date: the date as read, written in full in the page's language ("Read as 29
    /// December 2018"), so the respondent sees how `29/12/2018` was understood.
    pub echo: Option<String>,
}

/// One row of a repeating group.
pub(crate) struct RowView {
    /// Its number in the form (`g.GROUP.I.FIELD`).
    pub index: usize,
    pub inputs: Vec<Input>,
    /// Whether it holds an answer (it can then be removed); blank rows are for adding.
    pub filled: bool,
}

/// A repeating group as the page shows it.
pub(crate) struct GroupView {
    /// ` lang="en"` when its prompt and help are the English of a page in another language.
    pub text_lang: &'static str,
    pub key: String,
    pub prompt: String,
    pub help: Option<String>,
    pub rows: Vec<RowView>,
}

/// A question as the page shows it.
pub(crate) struct QuestionView {
    pub section: Option<String>,
    /// ` lang="en"` when the section is the English of a page in another language.
    pub section_lang: &'static str,
    pub input: Option<Input>,
    /// For a group: its prompt and rows of inputs.
    pub group: Option<GroupView>,
}

/// Who asks, about what period, and whom to write to.
pub(crate) struct Asker {
    /// The review's title.
    pub review: &'static str,
    /// The edition's year (an edition whose key is a year).
    pub edition_year: Option<String>,
    /// The edition's title (its subtitle when its title is the review's).
    pub edition_name: Option<String>,
    /// The period the answers cover, in words.
    pub period: Option<String>,
    /// The staff member who sent the invitation.
    pub invited_by: Option<String>,
    /// The address to write to.
    pub contact: Option<String>,
}

#[derive(Template)]
#[template(path = "respond.html")]
struct RespondPage {
    /// The page's language (the invitation's).
    lang: Lang,
    /// The personal link's token, for the language switcher's form.
    token: String,
    /// ` lang="en"` on the title and introduction when they are not translated.
    title_lang: &'static str,
    /// Whether some question is shown in English on a page in another language.
    untranslated: bool,
    title: String,
    intro: Option<String>,
    respondent: String,
    /// The organisation they answer for.
    organization: Option<String>,
    about: Option<String>,
    due_on: String,
    asker: Asker,
    csrf: String,
    questions: Vec<QuestionView>,
    editable: bool,
    /// Whether the form can take files (it then goes as `multipart/form-data`).
    has_files: bool,
    /// For a response no longer editable: what happened to it, in a sentence.
    submitted: Option<String>,
    comment: Option<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

impl RespondPage {
    /// A message of the page in its language.
    fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    /// A message with one placeholder.
    fn ta(&self, key: &str, name: &str, value: &str) -> String {
        t_args(self.lang, key, &[(name, value)])
    }

    /// A row of a group, for its label ("Members, row 2").
    fn ta_n(&self, key: &str, group: &str, n: usize) -> String {
        t_args(self.lang, key, &[("group", group), ("n", &n.to_string())])
    }

    /// The languages the respondent can switch to.
    fn other_langs(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| *l != self.lang).collect()
    }

    /// "about <strong>the mechanism</strong>" in the page's language.
    fn about_html(&self, subject: &str) -> String {
        let strong = format!("<strong>{}</strong>", escape(subject));
        html_message(self.lang, "respond-about", &[("subject", &strong)])
    }

    /// "Write to <a>address</a>." in the page's language.
    fn write_to_html(&self, address: &str) -> String {
        let link = format!("<a href=\"mailto:{0}\">{0}</a>", escape(address));
        html_message(self.lang, "respond-write-to", &[("address", &link)])
    }

    /// Who asks, as HTML: the team of the review (its title in `<cite>`), the edition, and who
    /// sent the invitation.
    fn asked_by_html(&self) -> String {
        let a = &self.asker;
        let cite = |s: &str| format!("<cite>{}</cite>", escape(s));
        let mut out = html_message(self.lang, "respond-team", &[("review", &cite(a.review))]);
        let edition = match (&a.edition_year, &a.edition_name) {
            (Some(y), Some(n)) => Some(html_message(
                self.lang,
                "respond-for-edition-both",
                &[("year", &escape(y)), ("name", &cite(n))],
            )),
            (Some(y), None) => Some(html_message(
                self.lang,
                "respond-for-edition-year",
                &[("year", &escape(y))],
            )),
            (None, Some(n)) => Some(html_message(
                self.lang,
                "respond-for-edition-name",
                &[("name", &cite(n))],
            )),
            (None, None) => None,
        };
        if let Some(e) = edition {
            out.push_str(", ");
            out.push_str(&e);
        }
        if let Some(n) = &a.invited_by {
            out.push_str("; ");
            out.push_str(&html_message(self.lang, "respond-invited-by", &[("name", &escape(n))]));
        }
        out.push('.');
        out
    }
}

/// The attribute marking English text on a page in another language.
const EN: &str = " lang=\"en\"";

/// The message `key` as HTML: its text escaped, its placeholders filled with `args`, which are
/// HTML already.
fn html_message(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let markers: Vec<(String, String)> = args
        .iter()
        .enumerate()
        .map(|(i, (_, html))| (format!("\u{E000}{i}\u{E001}"), html.to_string()))
        .collect();
    let with_markers: Vec<(&str, &str)> = args
        .iter()
        .zip(&markers)
        .map(|((name, _), (marker, _))| (*name, marker.as_str()))
        .collect();
    let mut out = escape(&t_args(lang, key, &with_markers));
    for (marker, html) in &markers {
        out = out.replace(marker.as_str(), html);
    }
    out
}

fn widget(kind: &str, has_options: bool) -> &'static str {
    match kind {
        "long_text" => "textarea",
        "yes_no" => "radio",
        "file" => "file",
        "number" => "number",
        _ if has_options => "select",
        _ => "text",
    }
}

async fn views(
    state: &AppState,
    opened: &Opened,
    answers: &Answers,
    errors: &AnswerErrors,
    blanks: &Blanks,
) -> Result<Vec<QuestionView>, WebError> {
    let lang = opened.language();
    // A question's text in the page's language, or its English.
    let text_of = |q: &question::Model, field: &str, english: Option<&String>| -> Option<String> {
        translated(q.translations_json.as_deref(), lang, field).or_else(|| english.cloned())
    };
    let lang_of = |q: &question::Model| -> &'static str {
        if lang == Lang::En || translated(q.translations_json.as_deref(), lang, "prompt").is_some() {
            ""
        } else {
            EN
        }
    };
    let echo = |q: &question::Model, value: &str| -> Option<String> {
        if !is_date(q) || value.trim().is_empty() {
            return None;
        }
        let d = nmp_i18n::dates::parse(lang, value).ok()?;
        Some(t_args(
            lang,
            "date-understood",
            &[("date", &nmp_i18n::dates::format(lang, &d))],
        ))
    };
    let mut out = Vec::new();
    let mut section = None;
    let text = |v: Option<&Value>| v.map(nmp_store::records::value_text).unwrap_or_default();
    for q in opened.questions.iter().filter(|q| q.group_key.is_none()) {
        let heading = q.section.clone().filter(|s| Some(s) != section.as_ref());
        if q.section.is_some() {
            section = q.section.clone();
        }
        let section_lang = if lang == Lang::En || translated(q.translations_json.as_deref(), lang, "section").is_some()
        {
            ""
        } else {
            EN
        };
        let heading = heading.and_then(|h| text_of(q, "section", Some(&h)));
        if q.kind == "group" {
            let children: Vec<_> = opened
                .questions
                .iter()
                .filter(|c| c.group_key.as_deref() == Some(q.question_key.as_str()))
                .collect();
            let rows = answers
                .get(&q.question_key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let blank = if opened.editable {
                blanks.get(&q.question_key).copied().unwrap_or(BLANK_ROWS).max(1)
            } else {
                0
            };
            let mut options_of = Vec::new();
            for c in &children {
                let options = localised(lang, choices(&state.store, c).await.map_err(collect_error)?);
                let mut with_blank = Vec::new();
                if !options.is_empty() {
                    with_blank.push((String::new(), "—".to_string()));
                    with_blank.extend(options);
                    if offers_other(c) {
                        with_blank.push((OTHER.to_string(), t(lang, "respond-other-choice")));
                    }
                }
                options_of.push(with_blank);
            }
            let mut row_views = Vec::new();
            for i in 0..rows.len() + blank {
                let row = rows.get(i);
                let mut inputs = Vec::new();
                for (c, with_blank) in children.iter().zip(&options_of) {
                    let name = child_name(c);
                    let error = |field: &str| errors.get(&format!("{}.{i}.{field}", q.question_key)).cloned();
                    let mut value = text(row.and_then(|r| r.get(&name)));
                    let other = offers_other(c).then(|| text(row.and_then(|r| r.get(other_key(c)))));
                    // A name typed with the list left blank is an institution not in the list.
                    if other.as_ref().is_some_and(|o| !o.trim().is_empty()) && value.trim().is_empty() {
                        value = OTHER.to_string();
                    }
                    inputs.push(Input {
                        name: format!("g.{}.{i}.{name}", q.question_key),
                        label: text_of(c, "prompt", Some(&c.prompt)).unwrap_or_default(),
                        text_lang: lang_of(c),
                        help: None,
                        widget: widget(&c.kind, !with_blank.is_empty()),
                        echo: echo(c, &value),
                        shown: shown(&value, with_blank),
                        value,
                        options: with_blank.clone(),
                        required: false,
                        error: error(&name),
                        files: Vec::new(),
                        accept: String::new(),
                    });
                    if let Some(other) = other {
                        let key = other_key(c);
                        inputs.push(Input {
                            name: format!("g.{}.{i}.{key}", q.question_key),
                            label: t_args(
                                lang,
                                "respond-other-name",
                                &[("field", &text_of(c, "prompt", Some(&c.prompt)).unwrap_or_default())],
                            ),
                            text_lang: lang_of(c),
                            help: None,
                            widget: "text",
                            shown: other.clone(),
                            value: other,
                            options: Vec::new(),
                            required: false,
                            error: error(&key),
                            files: Vec::new(),
                            accept: String::new(),
                            echo: None,
                        });
                    }
                }
                row_views.push(RowView {
                    index: i,
                    inputs,
                    filled: row.is_some(),
                });
            }
            out.push(QuestionView {
                section: heading,
                section_lang,
                input: None,
                group: Some(GroupView {
                    text_lang: lang_of(q),
                    key: q.question_key.clone(),
                    prompt: text_of(q, "prompt", Some(&q.prompt)).unwrap_or_default(),
                    help: text_of(q, "help", q.help.as_ref()),
                    rows: row_views,
                }),
            });
            continue;
        }
        if q.kind == "file" {
            let files = opened
                .attachments
                .iter()
                .filter(|a| a.question_key == q.question_key)
                .map(|a| (a.attachment_id, a.file_name.clone(), a.size_text()))
                .collect();
            out.push(QuestionView {
                section: heading,
                section_lang,
                input: Some(Input {
                    name: format!("f.{}", q.question_key),
                    label: text_of(q, "prompt", Some(&q.prompt)).unwrap_or_default(),
                    help: text_of(q, "help", q.help.as_ref()),
                    text_lang: lang_of(q),
                    widget: "file",
                    value: String::new(),
                    shown: String::new(),
                    options: Vec::new(),
                    required: q.required,
                    error: errors.get(&q.question_key).cloned(),
                    files,
                    accept: nmp_collect::attach::accept_attribute(),
                    echo: None,
                }),
                group: None,
            });
            continue;
        }
        let mut options = localised(lang, choices(&state.store, q).await.map_err(collect_error)?);
        let w = widget(&q.kind, !options.is_empty());
        if w == "select" {
            options.insert(0, (String::new(), "—".to_string()));
        }
        let value = text(answers.get(&q.question_key));
        out.push(QuestionView {
            section: heading,
            section_lang,
            input: Some(Input {
                name: format!("q.{}", q.question_key),
                label: text_of(q, "prompt", Some(&q.prompt)).unwrap_or_default(),
                help: text_of(q, "help", q.help.as_ref()),
                text_lang: lang_of(q),
                widget: w,
                echo: echo(q, &value),
                shown: shown(&value, &options),
                value,
                options,
                required: q.required,
                error: errors.get(&q.question_key).cloned(),
                files: Vec::new(),
                accept: String::new(),
            }),
            group: None,
        });
    }
    Ok(out)
}

/// Choices with their labels in `lang` where it has them (a vocabulary's codes); records' names
/// stay as they are.
fn localised(lang: Lang, options: Vec<(String, String)>) -> Vec<(String, String)> {
    if lang == Lang::En {
        return options;
    }
    options
        .into_iter()
        .map(|(code, label)| {
            let label = nmp_i18n::choice_label(lang, &code).unwrap_or(label);
            (code, label)
        })
        .collect()
}

/// An answer in words: the label of the choice it names, or its text.
fn shown(value: &str, options: &[(String, String)]) -> String {
    options
        .iter()
        .find(|(code, _)| !code.is_empty() && code == value)
        .map(|(_, label)| label.clone())
        .unwrap_or_else(|| value.to_string())
}

/// A moment's day written in full in `lang` (`6 December 2026`, `6 décembre 2026`).
fn long_date(lang: Lang, t: time::OffsetDateTime) -> String {
    nmp_i18n::dates::format(lang, &nmp_core::PartialDate::day(t.date()))
}

/// A period in words from an edition's start and end (`2015 to 2017`, `from 2015`, `until 2017`).
fn period(lang: Lang, start: Option<&str>, end: Option<&str>) -> Option<String> {
    let start = start.map(str::trim).filter(|s| !s.is_empty());
    let end = end.map(str::trim).filter(|s| !s.is_empty());
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.to_string()),
        (Some(s), Some(e)) => Some(t_args(lang, "period-range", &[("start", s), ("end", e)])),
        (Some(s), None) => Some(t_args(lang, "period-from", &[("start", s)])),
        (None, Some(e)) => Some(t_args(lang, "period-until", &[("end", e)])),
        (None, None) => None,
    }
}

/// Who asks: the review, the questionnaire's edition and the period it covers, the staff member
/// who sent the invitation, and the address to write to (the sender of invitation mail, which
/// replies reach; the inviting staff member's when mail goes out from a local address).
async fn asker(state: &AppState, opened: &Opened) -> Result<Asker, WebError> {
    let edition = state
        .store
        .get::<edition::Entity>(opened.questionnaire.edition_id)
        .await?;
    let inviter = state.store.get::<account::Entity>(opened.invitation.invited_by).await?;
    let sender = state.mail.mailer.sender_address();
    let routable = sender
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with(".localhost"));
    let contact = if routable {
        Some(sender)
    } else {
        inviter.as_ref().map(|a| a.email.clone())
    };
    Ok(Asker {
        review: crate::cite::REVIEW_TITLE,
        period: edition
            .as_ref()
            .and_then(|e| period(opened.language(), e.period_start.as_deref(), e.period_end.as_deref())),
        edition_year: edition
            .as_ref()
            .map(|e| e.slug.clone())
            .filter(|slug| slug.len() == 4 && slug.chars().all(|c| c.is_ascii_digit())),
        edition_name: edition.and_then(|e| {
            if e.title == crate::cite::REVIEW_TITLE {
                e.subtitle
            } else {
                Some(e.title)
            }
        }),
        invited_by: inviter.map(|a| a.name).filter(|n| !n.trim().is_empty()),
        contact,
    })
}

/// Where a problem is, in words: the question, or for a row of a group the group, the row's
/// number and the field (`Members, row 2, Role`).
fn problem_place(opened: &Opened, key: &str) -> String {
    let prompt = |k: &str| {
        opened.questions.iter().find(|q| q.question_key == k).map(|q| {
            translated(q.translations_json.as_deref(), opened.language(), "prompt").unwrap_or_else(|| q.prompt.clone())
        })
    };
    let mut parts = key.splitn(3, '.');
    let (Some(group), Some(i), Some(field)) = (parts.next(), parts.next(), parts.next()) else {
        return prompt(key).unwrap_or_else(|| key.to_string());
    };
    let Ok(i) = i.parse::<usize>() else {
        return prompt(key).unwrap_or_else(|| key.to_string());
    };
    let group_prompt = prompt(group).unwrap_or_else(|| group.to_string());
    let child = opened
        .questions
        .iter()
        .filter(|q| q.group_key.as_deref() == Some(group))
        .find_map(|q| {
            let prompt = translated(q.translations_json.as_deref(), opened.language(), "prompt")
                .unwrap_or_else(|| q.prompt.clone());
            if child_name(q) == field {
                Some(prompt)
            } else if offers_other(q) && other_key(q) == field {
                Some(t_args(opened.language(), "respond-other-name", &[("field", &prompt)]))
            } else {
                None
            }
        })
        .unwrap_or_else(|| field.to_string());
    t_args(
        opened.language(),
        "respond-problem-row",
        &[("group", &group_prompt), ("n", &(i + 1).to_string()), ("field", &child)],
    )
}

/// The questionnaire page for `visitor` with `status`: `answers`, each problem beside its
/// question (and listed on top, naming the row and field of a group's), `blanks` blank rows
/// under each group, and `notice` on top. A response no longer editable is shown read-only,
/// with when it was submitted.
pub(super) async fn render(
    visitor: &Visitor<'_>,
    opened: &Opened,
    answers: &Answers,
    errors: &AnswerErrors,
    blanks: &Blanks,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WorkspaceError> {
    let questions = views(visitor.state, opened, answers, errors, blanks).await?;
    let (csrf, set) = form_csrf(visitor.headers, visitor.user);
    let lang = opened.language();
    let about = match (&opened.mechanism_name, &opened.country_name) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(c)) => Some(t_args(lang, "respond-about-new", &[("country", c)])),
        (None, None) => None,
    };
    let inv = &opened.invitation;
    let submitted = (!opened.editable).then(|| {
        let when = match inv.submitted_at {
            Some(at) => t_args(lang, "respond-submitted-on", &[("date", &long_date(lang, at))]),
            None => t(lang, "respond-submitted-undated"),
        };
        let after = if inv.state == "reviewed" {
            t(lang, "respond-reviewed")
        } else {
            t(lang, "respond-will-review")
        };
        format!("{when} {after}")
    });
    let organization = nmp_collect::invite::organization_name(&visitor.state.store, inv.organization_id)
        .await
        .map_err(collect_error)?;
    let qn = &opened.questionnaire;
    let title = translated(qn.translations_json.as_deref(), lang, "title");
    let untranslated = lang != Lang::En
        && opened
            .questions
            .iter()
            .any(|q| translated(q.translations_json.as_deref(), lang, "prompt").is_none());
    let view = RespondPage {
        lang,
        token: visitor.token.to_string(),
        title_lang: if lang == Lang::En || title.is_some() { "" } else { EN },
        untranslated,
        title: title.unwrap_or_else(|| qn.title.clone()),
        intro: translated(qn.translations_json.as_deref(), lang, "intro").or_else(|| qn.intro.clone()),
        respondent: inv.respondent_name.clone(),
        organization,
        about,
        due_on: nmp_collect::invite::due_in(lang, &inv.due_on),
        asker: asker(visitor.state, opened).await?,
        csrf,
        has_files: opened.questions.iter().any(|q| q.kind == "file"),
        questions,
        editable: opened.editable,
        submitted,
        comment: inv.review_comment.clone().filter(|_| inv.state == "has_issues"),
        notice,
        errors: errors
            .iter()
            .map(|(k, v)| (problem_place(opened, k), v.clone()))
            .collect(),
    };
    // The whole page in the respondent's language, its frame too.
    Ok(crate::lang::within(lang, || page(status, &view, set)))
}
