//! An essay that came through the editorial workflow (issue 20), in the 2017 edition, on SQLite
//! and (when configured) PostgreSQL: its part carries the essay's meta (abstract, authors with
//! ORCID iDs, declarations, its citations resolved into notes), the PDF prints its title,
//! abstract, authors and declarations, the site and the Markdown show them, and publishing
//! freezes it all. The rows are written directly, as `nmp_collect::essays::send_to_proofs` and
//! the author's approval of the proofs leave them; the essay, its author and its text are
//! synthetic test data and say so.

use nmp_core::vocab::AccountRole;
use nmp_store::entity::{edition_part, essay, essay_call, essay_decision, essay_version, source};
use nmp_store::testing::engines;
use nmp_store::{Set, Store};

const TITLE: &str = "Synthetic workflow essay on prevention";
const ABSTRACT: &str = "Synthetic abstract of a test essay, written for the tests of the report only.";
const ORCID: &str = "0000-0002-1825-0097";

/// The essay's Markdown, citing the first starter source with a page, a mechanism, and a key NMP
/// does not hold, with an author footnote, embedding the report's bars by region and a map of an
/// indicator NMP does not hold (the rows are written directly, so nothing refuses it).
fn body(source_slug: &str) -> String {
    format!(
        "Synthetic opening paragraph citing a source [@{source_slug}, p. 4].\n\n\
         # A synthetic heading\n\n\
         A second paragraph on a committee [@mechanism:ken-national-committee] with a note.[^1]\n\n\
         A third citing nothing NMP holds [@no-such-source].\n\n\
         ![Synthetic caption of the bars by region](nmp:report/by-region)\n\n\
         ![Synthetic caption of a map NMP cannot draw](nmp:indicator/no-such-dataset/x)\n\n\
         [^1]: Synthetic author footnote.\n"
    )
}

/// Writes a call, an essay whose proofs the author approved (`ready`), its accepted version and the accepting decision,
/// and the essay's part in the 2017 edition; returns the part and the source cited.
async fn add_workflow_essay(s: &Store) -> (edition_part::Model, source::Model) {
    let editor = s
        .create_account(
            "system:test",
            "editor@example.org",
            "Synthetic Editor",
            AccountRole::Editor,
        )
        .await
        .unwrap();
    let src = s.all::<source::Entity>().await.unwrap().remove(0);
    let e = s.frozen_edition("2017").await.unwrap().unwrap().0;
    let text = body(&src.slug);
    let byline = "Synthetic Author (Synthetic Institute); Second Synthetic Author";
    let mut w = s.writer("editor@example.org").await.unwrap();
    let part = w
        .insert(edition_part::ActiveModel {
            edition_id: Set(e.edition_id),
            part_key: Set("synthetic-workflow-essay".into()),
            position: Set(6),
            title: Set(TITLE.into()),
            summary: Set(Some(ABSTRACT.into())),
            body: Set(Some(text.clone())),
            kind: Set("essay".into()),
            author: Set(Some(byline.into())),
            ..Default::default()
        })
        .await
        .unwrap();
    let call = w
        .insert(essay_call::ActiveModel {
            edition_id: Set(e.edition_id),
            title: Set("Synthetic call".into()),
            description: Set(None),
            deadline: Set("2017-06-30".into()),
            guest_editor_id: Set(None),
            anonymity: Set("single".into()),
            status: Set("open".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let row = w
        .insert(essay::ActiveModel {
            call_id: Set(call.call_id),
            author_name: Set("Synthetic Author".into()),
            author_email: Set("author@example.org".into()),
            language: Set("en".into()),
            token_hash: Set("0".repeat(64)),
            expires_at: Set(part.created_at),
            revoked_at: Set(None),
            due_on: Set("2017-06-30".into()),
            stage: Set("ready".into()),
            accepted_at: Set(None),
            declined_note: Set(None),
            invited_by: Set(editor.account_id),
            reminders_sent: Set(0),
            last_reminder_at: Set(None),
            edition_part_id: Set(Some(part.edition_part_id)),
            proofs_approved_at: Set(None),
            proofs_note: Set(None),
            ..Default::default()
        })
        .await
        .unwrap();
    let authors = format!(
        r#"[{{"name":"Synthetic Author","affiliation":"Synthetic Institute","orcid":"{ORCID}"}},{{"name":"Second Synthetic Author"}}]"#
    );
    let version = w
        .insert(essay_version::ActiveModel {
            essay_id: Set(row.essay_id),
            number: Set(1),
            kind: Set("submission".into()),
            title: Set(TITLE.into()),
            abstract_text: Set(ABSTRACT.into()),
            keywords: Set("prevention\n\nsynthetic keyword\n".into()),
            authors_json: Set(authors),
            competing_interests: Set("None (synthetic declaration)".into()),
            licence: Set("CC BY 4.0".into()),
            body: Set(text),
            source_format: Set("markdown".into()),
            sha256: Set("0".repeat(64)),
            made_by: Set("author".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    w.insert(essay_decision::ActiveModel {
        essay_id: Set(row.essay_id),
        version_id: Set(version.version_id),
        decision: Set("accept".into()),
        letter: Set("Synthetic letter.".into()),
        decided_by: Set(editor.account_id),
        ..Default::default()
    })
    .await
    .unwrap();
    w.commit().await.unwrap();
    (part, src)
}

/// The text of a PDF, its lines joined by spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text is read");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file(files: &[(String, Vec<u8>)], name: &str) -> String {
    let bytes = &files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is written"))
        .1;
    String::from_utf8(bytes.clone()).unwrap()
}

#[tokio::test]
async fn a_workflow_essay_prints_its_abstract_authors_notes_and_declarations() {
    for db in engines().await {
        let s = &db.store;
        nmp_ingest::seed::seed_embedded(s).await.unwrap();
        let before = nmp_report::load(s, "2017", true).await.unwrap();
        // No essay: no part has an `essay` key in the JSON.
        assert!(before.snapshot.parts.iter().all(|p| p.essay.is_none()));
        let json = String::from_utf8(before.snapshot.to_json().unwrap()).unwrap();
        assert!(!json.contains("\"essay\""), "{}", db.engine);
        let pages_before = nmp_report::render(&before).unwrap().pages;

        let (_, src) = add_workflow_essay(s).await;
        // The workflow essay is its authors' signed text: it needs no citation of the part.
        assert_eq!(
            nmp_report::publish::uncited(s, "2017").await.unwrap(),
            Vec::<String>::new(),
            "{}",
            db.engine
        );
        let draft = nmp_report::load(s, "2017", true).await.unwrap();
        let part = draft
            .snapshot
            .parts
            .iter()
            .find(|p| p.key == "synthetic-workflow-essay")
            .expect("the essay is a part");
        let m = part.essay.as_ref().expect("the essay has its meta");
        assert_eq!(m.abstract_text, ABSTRACT);
        assert_eq!(m.keywords, ["prevention", "synthetic keyword"]);
        assert_eq!(m.authors.len(), 2);
        assert_eq!(m.authors[0].orcid.as_deref(), Some(ORCID));
        assert_eq!(m.authors[0].affiliation.as_deref(), Some("Synthetic Institute"));
        assert_eq!(
            (m.authors[1].affiliation.as_ref(), m.authors[1].orcid.as_ref()),
            (None, None)
        );
        assert_eq!(m.licence, "CC BY 4.0");
        assert_eq!(m.competing_interests, "None (synthetic declaration)");
        assert!(m.received.as_deref().is_some_and(|d| d.len() == 10), "{:?}", m.received);
        assert_eq!(m.accepted, m.received, "written the same day");

        // The references, in order, resolved (or the key, for one NMP does not hold).
        let keys: Vec<&str> = m.references.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [src.slug.as_str(), "mechanism:ken-national-committee", "no-such-source"],
            "{}",
            db.engine
        );
        assert!(m.references[0].text.starts_with(&src.title), "{:?}", m.references[0]);
        assert_eq!(
            m.references[0].path.as_deref(),
            Some(format!("/sources#source-{}", src.slug).as_str())
        );
        assert_eq!(
            m.references[1].path.as_deref(),
            Some("/mechanisms/ken-national-committee")
        );
        assert!(
            m.references[1]
                .text
                .ends_with("(NMP record, /mechanisms/ken-national-committee)"),
            "{:?}",
            m.references[1]
        );
        assert_eq!(m.references[2].text, "no-such-source");

        // The Typst markup: notes where the citations stand, resolved, with the locator.
        assert_eq!(m.markup.matches("#footnote[").count(), 4, "{}", m.markup);
        assert!(m.markup.contains(", p. 4"), "{}", m.markup);
        assert!(m.markup.contains("NMP record"), "{}", m.markup);
        assert!(m.markup.contains("Synthetic author footnote"), "{}", m.markup);
        assert!(!m.markup.contains("[@"), "no raw citation is left: {}", m.markup);
        // The HTML: the same notes, listed at the end.
        assert!(m.html.contains("class=\"essay-notes\""), "{}", m.html);
        assert!(
            m.html.contains("NMP record, /mechanisms/ken-national-committee"),
            "{}",
            m.html
        );

        // The figures: the report's own is named (drawn from the snapshot), the other left out
        // and printed as its key.
        let files: Vec<&str> = m.figures.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(files, ["by-region.svg"], "{}", db.engine);
        assert!(
            m.markup.contains("#essay-figure(\"/figures/by-region.svg\", ")
                && m.markup
                    .contains("#essay-figure(none, \"nmp:indicator/no-such-dataset/x\", "),
            "{}",
            m.markup
        );
        assert!(m.html.contains("<img src=\"figures/by-region.svg\""), "{}", m.html);

        // The JSON carries it, and reads back the same.
        let json = draft.snapshot.to_json().unwrap();
        let back = nmp_report::Snapshot::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
        assert_eq!(back, draft.snapshot);
        assert!(String::from_utf8_lossy(&json).contains("\"abstract\":"));

        // The PDF: typesets without warnings, with the title, abstract, authors and declarations.
        let pdf = nmp_report::render(&draft).unwrap();
        assert!(pdf.warnings.is_empty(), "warnings: {:?}", pdf.warnings);
        assert!(pdf.pages > pages_before, "{} pages, {pages_before} before", pdf.pages);
        let text = pdf_text(&pdf.pdf);
        for needle in [
            TITLE,
            ABSTRACT,
            "Abstract",
            "Synthetic Author",
            "Synthetic Institute",
            ORCID,
            "Competing interests",
            "None (synthetic declaration)",
            "CC BY 4.0",
            "A synthetic heading",
            "Synthetic author footnote.",
            "NMP record, /mechanisms/ken-national-committee",
            "Figure 1: Synthetic caption of the bars by region",
            "Figure 2: Synthetic caption of a map NMP cannot draw",
            "nmp:indicator/no-such-dataset/x",
        ] {
            assert!(text.contains(needle), "{}: the PDF lacks {needle:?}: {text}", db.engine);
        }
        assert!(!text.contains("[@"), "no raw citation is printed");
        let raw = String::from_utf8_lossy(&pdf.pdf);
        assert!(raw.contains(&format!("https://orcid.org/{ORCID}")), "the ORCID link");
        // The essay's own heading is not in the contents (no bookmark for it).
        assert!(!raw.contains("/Title(A synthetic heading)"));

        // The author's proofs: the essay's pages alone, as the whole draft prints them.
        let proofs = nmp_report::render_part(&draft, &part.key).unwrap();
        assert!(
            proofs.pages >= 1 && proofs.pages < pdf.pages,
            "{} proof pages of {}",
            proofs.pages,
            pdf.pages
        );
        let proof_text = pdf_text(&proofs.pdf);
        assert!(
            proof_text.contains(TITLE) && proof_text.contains(ABSTRACT),
            "{proof_text}"
        );
        assert!(
            !proof_text.contains("Contents"),
            "the front matter is not in the proofs"
        );
        let unknown = nmp_report::render_part(&draft, "no-such-part").unwrap_err();
        assert!(unknown.to_string().contains("no-such-part"), "{unknown}");

        // The site: abstract, authors with the ORCID link, the essay's HTML, the declarations.
        let site = nmp_report::site::build(&draft).unwrap();
        let page = file(&site, "essays.html");
        assert!(page.contains(ABSTRACT), "{page}");
        assert!(page.contains(&format!("href=\"https://orcid.org/{ORCID}\"")), "{page}");
        assert!(page.contains("class=\"essay-notes\""), "{page}");
        assert!(page.contains("None (synthetic declaration)") && page.contains("CC BY 4.0"));
        // The essay's headings under its title, its notes' ids its own.
        assert!(page.contains("<h3>A synthetic heading</h3>"), "{page}");
        assert!(
            page.contains("id=\"essay-synthetic-workflow-essay-note-1\"")
                && page.contains("href=\"#essay-synthetic-workflow-essay-note-1\""),
            "{page}"
        );
        assert!(!page.contains("\"essay-note-1\""), "{page}");

        // The Markdown: the abstract, the authors, the text as written, the references.
        let (markdown, _) = nmp_report::markdown::render(&draft, "figures");
        assert!(markdown.contains(&format!("**Abstract.** {ABSTRACT}")), "{markdown}");
        assert!(markdown.contains(&format!("[ORCID {ORCID}](https://orcid.org/{ORCID})")));
        assert!(
            markdown.contains("- `@mechanism:ken-national-committee`: "),
            "{markdown}"
        );
        assert!(markdown.contains("Licence: CC BY 4.0."), "{markdown}");
        assert!(markdown.contains("\n### A synthetic heading\n"), "{markdown}");
        assert!(!markdown.contains("\n# A synthetic heading"), "{markdown}");
        assert!(
            markdown.contains("with a note.[^synthetic-workflow-essay-1]")
                && markdown.contains("\n[^synthetic-workflow-essay-1]: Synthetic author footnote."),
            "{markdown}"
        );

        // Published, the frozen snapshot holds the essay as the draft did, and prints it.
        nmp_report::publish::publish(s, "2017", "editor@example.org")
            .await
            .unwrap();
        let frozen = nmp_report::load(s, "2017", false).await.unwrap();
        assert!(frozen.frozen);
        assert_eq!(frozen.snapshot.parts, draft.snapshot.parts, "{}", db.engine);
        let refused = nmp_report::render_part(&frozen, &part.key).unwrap_err();
        assert!(refused.to_string().contains("only a draft"), "{refused}");
        let printed = nmp_report::render(&frozen).unwrap();
        assert!(printed.warnings.is_empty(), "warnings: {:?}", printed.warnings);
        assert!(pdf_text(&printed.pdf).contains(ABSTRACT));
        db.finish().await;
    }
}
