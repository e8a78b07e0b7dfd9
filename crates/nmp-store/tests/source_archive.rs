//! Archived files of sources (issue 25) on both engines: uploading a file keeps its bytes and
//! their SHA-256, uploading again replaces it (one file per source), a file the store cannot keep
//! is refused naming the field `file` with nothing written, and deleting a source deletes its
//! file. Sources and files are synthetic.

#[expect(dead_code, reason = "this test needs only some of the shared fixtures")]
mod fixtures;

use nmp_store::StoreError;
use nmp_store::entity::{source, source_archive_file};
use nmp_store::testing::engines;

const PDF: &[u8] = b"%PDF-1.4\n% synthetic test document\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

#[tokio::test]
async fn an_archived_file_is_kept_with_its_hash_replaced_whole_and_deleted_with_its_source() {
    for db in engines().await {
        let s = &db.store;
        let mut w = s.writer("system:test").await.unwrap();
        let a = fixtures::source(&mut w, "archive-file-a").await;
        fixtures::source(&mut w, "archive-file-b").await;
        w.commit().await.unwrap();

        let put = s
            .put_source_archive_file(
                "editor@example.org",
                "archive-file-a",
                "a.pdf",
                "application/pdf",
                PDF.to_vec(),
            )
            .await
            .unwrap();
        // The SHA-256 of PDF, computed outside the program (`sha256sum`).
        let expected = "bace6ec32c37853c5fde61fc54d77b45c591bf2276ea8bd13e3d683731afc807";
        assert_eq!(put.sha256, expected, "{}", db.engine);
        assert_eq!(put.size_bytes, PDF.len() as i32);
        let got = s.source_archive_file("archive-file-a").await.unwrap().unwrap();
        assert_eq!(got.content, PDF, "{}", db.engine);
        assert_eq!(got.sha256, expected);
        assert_eq!(got.content_type, "application/pdf");
        assert_eq!(got.uploaded_by, "editor@example.org");
        assert!(s.source_archive_file("archive-file-b").await.unwrap().is_none());
        assert!(matches!(
            s.source_archive_file("no-such-source").await,
            Err(StoreError::NotFound { .. })
        ));

        // Replacing: one file per source, the new bytes.
        let text = b"Synthetic plain-text snapshot.\n".to_vec();
        s.put_source_archive_file(
            "editor@example.org",
            "archive-file-a",
            "a.txt",
            "text/plain",
            text.clone(),
        )
        .await
        .unwrap();
        let rows = s.all::<source_archive_file::Entity>().await.unwrap();
        assert_eq!(rows.len(), 1, "{}", db.engine);
        assert_eq!(rows[0].content, text);
        assert_eq!(rows[0].file_name, "a.txt");
        let summaries = s.source_archive_summaries().await.unwrap();
        assert_eq!(summaries.len(), 1);
        assert_eq!(summaries[0].slug, "archive-file-a");
        assert_eq!(summaries[0].sha256, nmp_core::sha256_hex(&text));

        // Refused, naming the field, and the file kept is still the previous one.
        for (name, kind, bytes) in [
            ("a.exe", "application/octet-stream", b"MZ".to_vec()),
            ("a.pdf", "application/pdf", Vec::new()),
        ] {
            match s
                .put_source_archive_file("editor@example.org", "archive-file-a", name, kind, bytes)
                .await
            {
                Err(StoreError::Invalid(e)) => assert_eq!(e.field, "file", "{}", db.engine),
                other => panic!("{name} was not refused: {other:?}"),
            }
        }
        assert!(matches!(
            s.put_source_archive_file(
                "editor@example.org",
                "no-such-source",
                "a.pdf",
                "application/pdf",
                PDF.to_vec()
            )
            .await,
            Err(StoreError::NotFound { .. })
        ));
        let rows = s.all::<source_archive_file::Entity>().await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].content, text);

        // The uploads are audited; the chain still verifies.
        assert!(s.verify_audit_chain().await.unwrap().events > 0, "{}", db.engine);

        // Deleting the source deletes its file.
        let mut w = s.writer("system:test").await.unwrap();
        w.delete::<source::Entity>(a.source_id, a.version).await.unwrap();
        w.commit().await.unwrap();
        assert!(
            s.all::<source_archive_file::Entity>().await.unwrap().is_empty(),
            "{}",
            db.engine
        );
        db.finish().await;
    }
}
