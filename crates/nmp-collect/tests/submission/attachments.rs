//! Documents attached to a draft: within the limits, refused beyond them, and back byte for byte.

use super::*;

#[tokio::test]
async fn documents_attach_to_a_draft_within_the_limits_and_come_back_byte_for_byte() {
    for db in engines().await {
        let s = &db.store;
        let w = world(s).await;
        let gha = s
            .mechanism_by_slug("gha-national-peace-council")
            .await
            .unwrap()
            .unwrap();
        let token = invite_about(s, &w, "files@example.org", "GHA", Some(gha.mechanism_id)).await;
        let opened = open(s, &token).await.unwrap();
        assert!(opened.attachments.is_empty());
        let pdf = synthetic_pdf();

        // A good file is stored with the draft, byte for byte.
        let mut answers: Answers = opened.answers.clone();
        answers.insert("acronym".into(), json!("NPC-FILES"));
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![file("C:\\fakepath\\Decree 2011.pdf", &pdf)],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert!(errors.is_empty(), "{} {errors:?}", db.engine);
        assert_eq!(after.invitation.state, "draft");
        assert_eq!(after.attachments.len(), 1);
        let info = &after.attachments[0];
        assert_eq!(
            (
                info.file_name.as_str(),
                info.content_type.as_str(),
                info.size_bytes as usize
            ),
            ("Decree 2011.pdf", "application/pdf", pdf.len())
        );
        let stored = nmp_collect::attach::get(s, info.attachment_id).await.unwrap().unwrap();
        assert_eq!(stored.content, pdf, "{}: identical bytes", db.engine);
        assert_eq!(stored.sha256.len(), 64);

        // Saving the draft again without files keeps it.
        let (after, _) = save(s, &token, answers.clone(), false).await.unwrap();
        assert_eq!(after.attachments.len(), 1, "a draft save keeps the file");

        // A file whose content is not what its name says, a kind not accepted, and an oversize
        // file: each refused with a message keyed by the question, none stored; the answers
        // typed with them are saved.
        answers.insert("acronym".into(), json!("NPC-KEPT"));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b'x');
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![
                    file("report.pdf", b"PK\x03\x04 synthetic zip, not a PDF"),
                    file("tool.exe", b"MZ synthetic"),
                    file("big.pdf", &big),
                ],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        let message = errors.get("documents").cloned().unwrap_or_default();
        assert!(
            message.contains("report.pdf is named as PDF but its content is not PDF"),
            "{message}"
        );
        assert!(
            message.contains("tool.exe: this kind of file is not accepted"),
            "{message}"
        );
        assert!(message.contains("big.pdf is larger than 10.0 MB"), "{message}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(after.attachments.len(), 1, "{}: nothing stored", db.engine);
        assert_eq!(after.answers["acronym"], "NPC-KEPT", "nothing typed is lost");

        // At most MAX_FILES per response: the eleventh is refused.
        let notes: Vec<Upload> = (0..MAX_FILES)
            .map(|i| file(&format!("note-{i}.txt"), format!("Synthetic note {i}").as_bytes()))
            .collect();
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: notes,
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(after.attachments.len(), MAX_FILES);
        assert!(
            errors["documents"].contains("note-9.txt was not attached: a response may hold at most 10 files"),
            "{errors:?}"
        );

        // Removing one before submitting; a file of another response cannot be removed.
        let gone = after.attachments[1].attachment_id;
        let (after, errors) = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                remove: vec![gone],
                ..Save::default()
            },
        )
        .await
        .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.attachments.len(), MAX_FILES - 1);
        assert!(nmp_collect::attach::get(s, gone).await.unwrap().is_none());
        let other = invite_about(s, &w, "other@example.org", "GHA", Some(gha.mechanism_id)).await;
        let refused = save_with(
            s,
            &other,
            Save {
                remove: vec![after.attachments[0].attachment_id],
                ..Save::default()
            },
        )
        .await;
        assert!(
            matches!(refused, Err(CollectError::Invalid(ref e)) if e[0].field == "remove"),
            "{refused:?}"
        );
        // Files go only to file questions.
        let wrong = save_with(
            s,
            &token,
            Save {
                answers: answers.clone(),
                uploads: vec![Upload {
                    question_key: "acronym".into(),
                    ..file("a.pdf", &pdf)
                }],
                ..Save::default()
            },
        )
        .await;
        assert!(matches!(wrong, Err(CollectError::Invalid(_))), "{wrong:?}");

        // Submitted with its files; the export lists them; a submitted response takes no more.
        let (after, errors) = save(s, &token, answers.clone(), true).await.unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(after.invitation.state, "submitted");
        assert_eq!(after.attachments.len(), MAX_FILES - 1);
        let csv = nmp_collect::export::responses_csv(s, w.questionnaire).await.unwrap();
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(",documents"), "{header}");
        assert!(csv.contains("Decree 2011.pdf; note-1.txt; note-2.txt"), "{csv}");
        let late = save_with(
            s,
            &token,
            Save {
                uploads: vec![file("late.pdf", &pdf)],
                ..Save::default()
            },
        )
        .await;
        assert!(matches!(late, Err(CollectError::Invalid(_))));
        assert_eq!(
            nmp_collect::attach::list(s, after.invitation.invitation_id)
                .await
                .unwrap()
                .len(),
            MAX_FILES - 1
        );
        s.verify_audit_chain().await.unwrap();
        db.finish().await;
    }
}
