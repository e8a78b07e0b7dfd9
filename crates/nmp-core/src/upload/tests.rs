//! Tests of the upload checks on packages built here with the `zip` crate (synthetic test
//! documents; the 2 GiB "zip bomb" is one deflated part copied raw 256 times, so it takes a
//! moment to build and 2 MB to hold).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::package::{self, MAX_EXPANDED_BYTES, Package, PackageProblem};
use super::{UploadProblem, check};

const TYPES: &[u8] =
    br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;
const DOCUMENT: &[u8] = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Synthetic test document</w:t></w:r></w:p></w:body></w:document>"#;

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
}

/// A ZIP of `parts`, each deflated or stored.
fn zip_of(parts: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, deflate) in parts {
        w.start_file(*name, if *deflate { deflated() } else { stored() })
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx_with(extra: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut parts = vec![
        ("[Content_Types].xml", TYPES, true),
        ("word/document.xml", DOCUMENT, true),
    ];
    parts.extend_from_slice(extra);
    zip_of(&parts)
}

fn xlsx() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", TYPES, true),
        ("xl/workbook.xml", b"<workbook/>", true),
        ("xl/worksheets/sheet1.xml", b"<worksheet/>", true),
    ])
}

fn odt() -> Vec<u8> {
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text", false),
        ("content.xml", b"<office:document-content/>", true),
        ("META-INF/manifest.xml", b"<manifest:manifest/>", true),
    ])
}

/// A DOCX whose `copies` media parts each inflate to `each` zero bytes: one part deflated
/// once and copied raw under new names.
fn bomb(copies: usize, each: usize) -> Vec<u8> {
    let mut seed = ZipWriter::new(Cursor::new(Vec::new()));
    seed.start_file("zeros.xml", deflated()).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..each / zeros.len() {
        seed.write_all(&zeros).unwrap();
    }
    let seed = seed.finish().unwrap().into_inner();
    let mut seed = ZipArchive::new(Cursor::new(seed)).unwrap();
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file("[Content_Types].xml", deflated()).unwrap();
    w.write_all(TYPES).unwrap();
    w.start_file("word/document.xml", deflated()).unwrap();
    w.write_all(DOCUMENT).unwrap();
    for i in 0..copies {
        let part = seed.by_index_raw(0).unwrap();
        w.raw_copy_file_rename(part, format!("word/media/part{i}.xml")).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn plain_documents_pass() {
    let docx = docx_with(&[]);
    assert_eq!(check("report.docx", &docx).unwrap().label, "Word (DOCX)");
    let summary = package::check(&docx, Package::Docx).unwrap();
    assert_eq!(summary.entries, 2);
    assert_eq!(check("sheet.xlsx", &xlsx()).unwrap().label, "Excel (XLSX)");
    assert_eq!(check("minutes.odt", &odt()).unwrap().label, "OpenDocument text (ODT)");
    // An image and a folder entry in a document are fine.
    let png = [&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..], &[0u8; 64]].concat();
    let with_media = docx_with(&[("word/media/", b"", false), ("word/media/image1.png", &png, false)]);
    assert!(check("report.docx", &with_media).is_ok());
}

#[test]
fn renamed_and_damaged_packages_are_refused() {
    let e = check("sheet.xlsx", &docx_with(&[])).unwrap_err();
    assert!(matches!(e, UploadProblem::NotWhatItSays { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("sheet.xlsx is named as Excel (XLSX) but its content is not Excel (XLSX)")
    );
    let e = check("minutes.odt", &docx_with(&[])).unwrap_err();
    assert!(matches!(e, UploadProblem::NotWhatItSays { .. }), "{e}");
    // Not a ZIP at all, or cut short: damaged, never a panic.
    let fake = [b"PK\x03\x04".as_slice(), b"....word/document.xml"].concat();
    let e = check("a.docx", &fake).unwrap_err();
    assert!(e.to_string().contains("ZIP structure is damaged"), "{e}");
    let docx = docx_with(&[]);
    for n in 0..docx.len() {
        let _ = check("cut.docx", &docx[..n]);
        let _ = package::check(&docx[..n], Package::Docx);
    }
    // Bytes after the end record would let another reader see another archive.
    let trailing = [docx.as_slice(), b"trailing"].concat();
    assert!(matches!(
        package::check(&trailing, Package::Docx),
        Err(PackageProblem::Damaged(_))
    ));
    // Every single-byte change: an answer, never a panic.
    let mut seed = 0x2545_F491_u32;
    for i in 0..docx.len() {
        let mut b = docx.clone();
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        b[i] = b[i].wrapping_add((seed % 255) as u8 + 1);
        let _ = package::check(&b, Package::Docx);
    }
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    // 256 parts of 8 MiB of zeros: 2 GiB when opened, about 2 MB as sent.
    let big = bomb(256, 8 * 1024 * 1024);
    assert!(big.len() < 3 * 1024 * 1024, "{} bytes", big.len());
    let e = check("report.docx", &big).unwrap_err();
    assert_eq!(
        e,
        UploadProblem::Package {
            file: "report.docx".into(),
            label: "Word (DOCX)",
            problem: PackageProblem::ExpandsTooMuch(256 * 8 * 1024 * 1024 + (TYPES.len() + DOCUMENT.len()) as u64),
        }
    );
    assert_eq!(
        e.to_string(),
        "report.docx was refused as Word (DOCX): it would expand to 2.0 GiB when opened, more than the 100 MiB a document may (a \"zip bomb\")"
    );
    // Under the total, one part that expands a thousand times is refused too.
    let dense = bomb(1, 8 * 1024 * 1024);
    let e = package::check(&dense, Package::Docx).unwrap_err();
    assert!(
        matches!(&e, PackageProblem::Ratio { part: Some(p), ratio } if p == "word/media/part0.xml" && *ratio > 100),
        "{e}"
    );
    assert!(e.to_string().contains("would expand"), "{e}");
}

#[test]
fn a_directory_that_lies_about_sizes_is_caught() {
    // A stored part whose directory entry claims 2 GiB: the directory is believed, and refused.
    let mut docx = docx_with(&[("word/media/big.bin", &[7u8; 100], false)]);
    let cd = docx.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    for o in [20, 24] {
        docx[cd + o..cd + o + 4].copy_from_slice(&(2u32 << 30).to_le_bytes());
    }
    let e = package::check(&docx, Package::Docx).unwrap_err();
    assert!(
        matches!(e, PackageProblem::ExpandsTooMuch(n) if n > MAX_EXPANDED_BYTES),
        "{e}"
    );
}

#[test]
fn archives_inside_are_refused_by_name_or_by_content() {
    let inner = zip_of(&[("payload.txt", b"synthetic", true)]);
    for name in ["word/media/archive.zip", "word/attachments/x.docx", "data.7z"] {
        let e = check("report.docx", &docx_with(&[(name, &inner, true)])).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "report.docx was refused as Word (DOCX): it holds another archive inside ({name}); save the document without attached or embedded files, or as PDF"
            )
        );
    }
    // A ZIP disguised as an image, stored or deflated.
    for deflate in [false, true] {
        let e = package::check(&docx_with(&[("word/media/image1.png", &inner, deflate)]), Package::Docx).unwrap_err();
        assert_eq!(e, PackageProblem::Nested("word/media/image1.png".into()));
    }
    // A gzip stream too.
    let gz = [&[0x1F, 0x8B, 0x08, 0x00][..], &[0u8; 16]].concat();
    assert!(matches!(
        package::check(&docx_with(&[("word/media/x.bin", &gz, true)]), Package::Docx),
        Err(PackageProblem::Nested(_))
    ));
}

#[test]
fn office_documents_embedded_where_office_keeps_them_are_checked_like_any() {
    // The workbook behind a chart in a Word report: accepted.
    let chart = xlsx();
    let docx = docx_with(&[("word/embeddings/Microsoft_Excel_Worksheet.xlsx", &chart, true)]);
    let summary = package::check(&docx, Package::Docx).unwrap();
    assert_eq!(summary.embedded, 1);
    // ... unless it is a bomb, or carries an archive itself.
    let big = bomb(256, 8 * 1024 * 1024);
    // Stored, it is opened and its own directory refused; deflated again, the part itself
    // expands too much.
    let e = package::check(
        &docx_with(&[("word/embeddings/Microsoft_Excel_Worksheet.xlsx", &big, false)]),
        Package::Docx,
    )
    .unwrap_err();
    assert!(
        matches!(e, PackageProblem::ExpandsTooMuch(n) if n > MAX_EXPANDED_BYTES),
        "{e}"
    );
    let e = package::check(
        &docx_with(&[("word/embeddings/Microsoft_Excel_Worksheet.xlsx", &big, true)]),
        Package::Docx,
    )
    .unwrap_err();
    assert!(matches!(e, PackageProblem::Ratio { .. }), "{e}");
    let zip = zip_of(&[("a.txt", b"synthetic", true)]);
    let nested = docx_with(&[(
        "word/embeddings/x.docx",
        &docx_with(&[("word/media/a.zip", &zip, true)]),
        true,
    )]);
    assert_eq!(
        package::check(&nested, Package::Docx).unwrap_err(),
        PackageProblem::Nested("word/media/a.zip inside word/embeddings/x.docx".into())
    );
    // Two levels of Office documents: the inner one is an archive inside an embedded one.
    let twice = docx_with(&[("word/embeddings/x.docx", &docx, true)]);
    assert!(matches!(
        package::check(&twice, Package::Docx),
        Err(PackageProblem::Nested(_))
    ));
}

#[test]
fn encrypted_parts_and_unusual_methods_are_refused() {
    let mut docx = docx_with(&[]);
    let cd = docx.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    docx[cd + 8] |= 1;
    assert!(matches!(
        package::check(&docx, Package::Docx),
        Err(PackageProblem::Encrypted(_))
    ));
    let mut docx = docx_with(&[]);
    let cd = docx.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    docx[cd + 10..cd + 12].copy_from_slice(&14u16.to_le_bytes());
    let e = package::check(&docx, Package::Docx).unwrap_err();
    assert!(e.to_string().contains("compression method 14"), "{e}");
}

#[test]
fn other_kinds_are_checked_by_their_first_bytes() {
    assert_eq!(check("decree.pdf", b"%PDF-1.4").unwrap().media_type, "application/pdf");
    assert!(check("photo.JPEG", &[0xFF, 0xD8, 0xFF, 0xE0]).is_ok());
    assert!(check("notes.txt", "Synthetic notes, été".as_bytes()).is_ok());
    assert!(matches!(
        check("a.txt", b"PK\x03\x04 a zip renamed"),
        Err(UploadProblem::NotWhatItSays { .. })
    ));
    assert!(matches!(
        check("setup.exe", b"MZ"),
        Err(UploadProblem::NotAccepted { .. })
    ));
    assert_eq!(check("empty.pdf", b"").unwrap_err().to_string(), "empty.pdf is empty");
}
