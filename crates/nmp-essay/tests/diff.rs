//! Version diffs: lines, words within replaced lines, collapsed context, HTML.

use nmp_essay::diff::{CONTEXT, DiffLine, Tag, diff, diff_with_context};

fn text(line: &DiffLine) -> String {
    line.segments.iter().map(|s| s.1.as_str()).collect()
}

fn marked(line: &DiffLine) -> Vec<&str> {
    line.segments.iter().filter(|s| s.0).map(|s| s.1.as_str()).collect()
}

#[test]
fn identical_texts_are_unchanged() {
    let text = "one\ntwo\nthree\n";
    let d = diff(text, text);
    assert!(d.unchanged());
    assert_eq!((d.inserted, d.deleted), (0, 0));
    assert!(d.lines.iter().all(|l| matches!(l.tag, Tag::Equal)));
    // A missing final line break is not a change of any line's text.
    assert!(diff("a\nb", "a\nb").unchanged());
    assert!(diff("", "").unchanged());
    assert!(diff("", "").lines.is_empty());
}

#[test]
fn inserted_and_deleted_lines_are_counted_and_numbered() {
    let d = diff("a\nb\nc\n", "a\nc\nd\n");
    assert!(!d.unchanged());
    assert_eq!((d.inserted, d.deleted), (1, 1));
    let summary: Vec<(Tag, Option<usize>, Option<usize>, String)> = d
        .lines
        .iter()
        .map(|l| (l.tag, l.old_line, l.new_line, text(l)))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Tag::Equal, Some(1), Some(1), "a".to_string()),
            (Tag::Delete, Some(2), None, "b".to_string()),
            (Tag::Equal, Some(3), Some(2), "c".to_string()),
            (Tag::Insert, None, Some(3), "d".to_string()),
        ]
    );
    // Wholly inserted or deleted lines have no marked words.
    assert!(d.lines.iter().all(|l| marked(l).is_empty()));
}

#[test]
fn replaced_lines_mark_the_changed_words() {
    let old = "Intro\nThe committee met in 2017 in Nairobi.\nEnd\n";
    let new = "Intro\nThe committee met in 2018 in Nairobi.\nEnd\n";
    let d = diff(old, new);
    assert_eq!((d.inserted, d.deleted), (1, 1));
    let deleted = d.lines.iter().find(|l| l.tag == Tag::Delete).unwrap();
    let inserted = d.lines.iter().find(|l| l.tag == Tag::Insert).unwrap();
    assert_eq!(text(deleted), "The committee met in 2017 in Nairobi.");
    assert_eq!(text(inserted), "The committee met in 2018 in Nairobi.");
    assert_eq!(marked(deleted), vec!["2017"]);
    assert_eq!(marked(inserted), vec!["2018"]);
    assert_eq!(deleted.old_line, Some(2));
    assert_eq!(inserted.new_line, Some(2));
}

#[test]
fn a_changed_phrase_is_one_mark() {
    let d = diff(
        "We saw a very slow start here.\n",
        "We saw an unexpectedly quick start here.\n",
    );
    let inserted = d.lines.iter().find(|l| l.tag == Tag::Insert).unwrap();
    assert_eq!(marked(inserted), vec!["an unexpectedly quick"]);
}

#[test]
fn lines_with_little_in_common_are_not_marked_word_by_word() {
    let d = diff("alpha beta gamma delta\n", "one two three four five\n");
    assert_eq!((d.inserted, d.deleted), (1, 1));
    assert!(d.lines.iter().all(|l| marked(l).is_empty()));
}

#[test]
fn long_unchanged_stretches_are_collapsed_around_changes() {
    let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
    let new = old.replace("line 10\n", "line ten\n");
    let d = diff(&old, &new);
    // 9 unchanged lines before the change: 6 hidden, 3 shown; 10 after: 3 shown, 7 hidden.
    let tags: Vec<Tag> = d.lines.iter().map(|l| l.tag).collect();
    assert_eq!(
        tags,
        vec![
            Tag::Skipped(6),
            Tag::Equal,
            Tag::Equal,
            Tag::Equal,
            Tag::Delete,
            Tag::Insert,
            Tag::Equal,
            Tag::Equal,
            Tag::Equal,
            Tag::Skipped(7),
        ]
    );
    assert_eq!(d.lines[0].old_line, Some(1));
    assert_eq!(d.lines[1].old_line, Some(7));
    assert_eq!(d.lines[9].old_line, Some(14));
    assert_eq!(CONTEXT, 3);
    // Without collapsing, every line is there.
    let full = diff_with_context(&old, &new, None);
    assert_eq!(full.lines.len(), 21);
    assert!(full.lines.iter().all(|l| !matches!(l.tag, Tag::Skipped(_))));
}

#[test]
fn a_stretch_between_changes_keeps_context_on_both_sides() {
    let old: String = (1..=12).map(|i| format!("l{i}\n")).collect();
    let new = old.replace("l1\n", "L1\n").replace("l12\n", "L12\n");
    let d = diff(&old, &new);
    let tags: Vec<Tag> = d.lines.iter().map(|l| l.tag).collect();
    // l2..l11 = 10 unchanged lines: 3 + skipped 4 + 3.
    assert_eq!(tags.iter().filter(|t| **t == Tag::Equal).count(), 6);
    assert!(tags.contains(&Tag::Skipped(4)));
    // A stretch of 7 (3 + 1 + 3) is not collapsed: hiding one line saves nothing.
    let old: String = (1..=9).map(|i| format!("l{i}\n")).collect();
    let new = old.replace("l1\n", "L1\n").replace("l9\n", "L9\n");
    let d = diff(&old, &new);
    assert!(d.lines.iter().all(|l| !matches!(l.tag, Tag::Skipped(_))));
}

#[test]
fn html_escapes_and_marks() {
    let d = diff(
        "<b>keep</b>\nsay \"hi\" & go\nold line\n",
        "<b>keep</b>\nsay \"bye\" & go\n",
    );
    let html = d.to_html();
    assert!(html.starts_with("<table class=\"diff\">"), "{html}");
    assert!(html.contains("&lt;b&gt;keep&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("<del>&quot;hi&quot;</del>"), "{html}");
    assert!(html.contains("<ins>&quot;bye&quot;</ins>"), "{html}");
    assert!(html.contains("&amp; go"), "{html}");
    assert!(html.contains("<del>old line</del>"), "{html}");
    assert!(
        html.contains("<tr class=\"equal\"><td class=\"old\">1</td><td class=\"new\">1</td>"),
        "{html}"
    );
    assert!(html.contains("<tr class=\"delete\"><td class=\"old\">3</td><td class=\"new\"></td>"));
    let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
    let html = diff(&old, &old.replace("line 20", "line XX")).to_html();
    assert!(
        html.contains("<tr class=\"skipped\"><td colspan=\"3\" data-lines=\"16\">⋯</td></tr>"),
        "{html}"
    );
}

#[test]
fn crlf_and_lf_versions_of_a_line_compare_by_text() {
    let d = diff("a\r\nb\r\n", "a\r\nc\r\n");
    assert_eq!((d.inserted, d.deleted), (1, 1));
    assert_eq!(text(&d.lines[0]), "a");
    assert!(d.lines.iter().all(|l| !text(l).contains('\r')));
}

#[test]
fn diffs_are_deterministic() {
    let old = "a b c\nd e f\ng h i\n";
    let new = "a x c\nd e f f\ng\n";
    assert_eq!(diff(old, new), diff(old, new));
    assert_eq!(diff(old, new).to_html(), diff(old, new).to_html());
}
