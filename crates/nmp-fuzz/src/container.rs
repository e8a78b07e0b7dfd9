//! Several named files in one fuzz input, for the entry points that read more than one file (the
//! EWP import's two files, a data package, the parts of an XLSX workbook) or a file and its name
//! (an upload, a record import).
//!
//! An input that starts with `@@ ` is a list of files, each a line `@@ NAME` followed by its
//! bytes up to the next line that starts with `@@ ` (the newline before it is not part of the
//! file). Any other input is one file with the target's default name. The format is text, so the
//! seeds stay readable and a mutation of a name or a file stays a mutation of that one thing.

/// What starts each file's line.
pub const MARK: &[u8] = b"@@ ";

/// One file: its name and bytes.
pub type File = (String, Vec<u8>);

/// The files in `data` (see the module documentation); `default_name` names the file of an
/// input without marks. Never empty.
pub fn split(data: &[u8], default_name: &str) -> Vec<File> {
    if !data.starts_with(MARK) {
        return vec![(default_name.to_string(), data.to_vec())];
    }
    let mut out = Vec::new();
    let mut rest = &data[MARK.len()..];
    loop {
        let (name, body) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &[][..]),
        };
        let name = String::from_utf8_lossy(name).into_owned();
        match find(body, b"\n@@ ") {
            Some(i) => {
                out.push((name, body[..i].to_vec()));
                rest = &body[i + 1 + MARK.len()..];
            }
            None => {
                out.push((name, body.to_vec()));
                return out;
            }
        }
    }
}

/// The one input holding `files` (the inverse of [`split`] for names without newlines).
pub fn join(files: &[File]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, bytes)) in files.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(MARK);
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(bytes);
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A ZIP archive of `files`, stored without compression and with correct checksums, so that a
/// mutation of a part's XML reaches the XML parser rather than failing the archive's checks.
pub fn zip_stored(files: &[File]) -> Vec<u8> {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        // A name the archive refuses (a repeated one) leaves that part out, as a broken
        // workbook would.
        if zip.start_file(name.as_str(), options).is_ok() {
            // Writing to memory does not fail.
            let _ = zip.write_all(bytes);
        }
    }
    zip.finish().map(std::io::Cursor::into_inner).unwrap_or_default()
}

/// The files of a ZIP archive, in archive order (to turn a generated workbook into seed parts).
pub fn unzip(bytes: &[u8]) -> Result<Vec<File>, String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).map_err(|e| e.to_string())?;
        out.push((name, data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_split_and_join_back() {
        let files = vec![
            ("a.csv".to_string(), b"x,y\n1,2\n".to_vec()),
            ("b.csv".to_string(), b"".to_vec()),
            ("c".to_string(), b"@@ not a mark\n".to_vec()),
        ];
        assert_eq!(split(&join(&files), "d"), files);
        assert_eq!(split(b"plain", "d"), [("d".to_string(), b"plain".to_vec())]);
        assert_eq!(split(b"@@ only-a-name", "d"), [("only-a-name".to_string(), Vec::new())]);
    }

    #[test]
    fn a_stored_archive_unzips_to_its_parts() {
        let files = vec![
            ("xl/workbook.xml".to_string(), b"<workbook/>".to_vec()),
            ("[Content_Types].xml".to_string(), b"<Types/>".to_vec()),
        ];
        assert_eq!(unzip(&zip_stored(&files)).unwrap(), files);
    }
}
