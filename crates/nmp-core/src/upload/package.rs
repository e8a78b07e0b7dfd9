//! The ZIP structure of DOCX, XLSX and ODT files, checked from the central directory before
//! anything is stored or opened: a document that would expand to an implausible size when opened
//! (a "zip bomb"), or that carries another archive inside, is refused.
//!
//! [`check`] reads only the end record and the central directory's fixed-size headers (PKWARE
//! APPNOTE 4.3.12 to 4.3.16, with ZIP64 sizes), in constant memory whatever the archive claims,
//! and the first bytes of each part (to find archives that do not say so in their name). It
//! refuses:
//!
//! - more than [`MAX_ENTRIES`] parts, or a sum of declared sizes over [`MAX_EXPANDED_BYTES`];
//! - a part over [`RATIO_FLOOR`] bytes that declares more than [`MAX_RATIO`] times its compressed
//!   size, or an archive that does so as a whole;
//! - a part that is itself an archive (by its name or by its first bytes), except an Office
//!   document embedded where Office keeps them (`word/embeddings/`, `xl/embeddings/`,
//!   `ppt/embeddings/`, such as the workbook behind a chart in a Word report), which is opened
//!   (at most [`MAX_EMBEDDED_BYTES`]) and checked by the same rules, with no archive allowed
//!   inside it;
//! - encryption, compression methods other than stored and deflate (the only two that Office
//!   and LibreOffice write), and an archive whose records do not agree (an end record that does
//!   not end the file, a directory that does not end where the end record starts), so that a
//!   reader of the archive cannot see parts this check did not.
//!
//! A directory that lies about sizes cannot blow memory later either: the `zip` crate that
//! reads workbooks for imports stops each part at its declared size.

use std::fmt;

/// The most parts a document may have (an Office document has tens; a large workbook some
/// hundreds).
pub const MAX_ENTRIES: usize = 10_000;
/// The most all parts together may expand to, in bytes (100 MiB).
pub const MAX_EXPANDED_BYTES: u64 = 100 * 1024 * 1024;
/// The largest expansion (declared size over compressed size) of a part, and of the archive.
pub const MAX_RATIO: u64 = 100;
/// Parts (and archives) expanding to at most this many bytes may have any ratio (1 MiB).
pub const RATIO_FLOOR: u64 = 1024 * 1024;
/// The largest Office document embedded in another, in bytes (10 MiB).
pub const MAX_EMBEDDED_BYTES: u64 = 10 * 1024 * 1024;
/// The longest part name read, in bytes.
const MAX_NAME_BYTES: usize = 1024;

/// Which package a file should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Package {
    /// A Word document (`word/` inside).
    Docx,
    /// An Excel workbook (`xl/` inside).
    Xlsx,
    /// An OpenDocument text (`mimetype` says so).
    Odt,
    /// Any Office Open XML package (a document embedded in another).
    AnyOoxml,
}

/// What [`check`] found in an acceptable package.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Parts (entries) in the archive.
    pub entries: usize,
    /// The sum of their declared sizes, with those of embedded documents.
    pub expanded_bytes: u64,
    /// Embedded Office documents checked.
    pub embedded: usize,
}

/// Why a package was refused; the text names the part and the limit, and reads after
/// "the file was refused: ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageProblem {
    /// Not a ZIP archive, or its records are damaged or disagree.
    Damaged(String),
    /// Not the package its name says (no `word/` in a DOCX, ...).
    NotThePackage(&'static str),
    /// More parts than [`MAX_ENTRIES`].
    TooManyEntries(u64),
    /// Declared sizes over [`MAX_EXPANDED_BYTES`].
    ExpandsTooMuch(u64),
    /// A part (or the whole, `None`) declaring more than [`MAX_RATIO`] times its compressed size.
    Ratio {
        /// The part, or `None` for the archive as a whole.
        part: Option<String>,
        /// Declared size over compressed size.
        ratio: u64,
    },
    /// Another archive inside.
    Nested(String),
    /// An encrypted part.
    Encrypted(String),
    /// A compression method documents do not use.
    Method {
        /// The part.
        part: String,
        /// The method's number (APPNOTE 4.4.5).
        method: u16,
    },
}

/// Sizes for people: `2.0 GiB`, `100 MiB`, `512 bytes`.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= 1024 * MIB {
        format!("{:.1} GiB", bytes as f64 / (1024 * MIB) as f64)
    } else if bytes >= MIB {
        format!("{} MiB", bytes.div_ceil(MIB))
    } else {
        format!("{bytes} bytes")
    }
}

impl fmt::Display for PackageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageProblem::Damaged(why) => write!(f, "its ZIP structure is damaged or unusual ({why})"),
            PackageProblem::NotThePackage(what) => write!(f, "it does not hold {what}"),
            PackageProblem::TooManyEntries(n) => {
                write!(f, "it holds {n} parts, more than the {MAX_ENTRIES} a document may have")
            }
            PackageProblem::ExpandsTooMuch(n) => write!(
                f,
                "it would expand to {} when opened, more than the {} a document may (a \"zip bomb\")",
                size(*n),
                size(MAX_EXPANDED_BYTES)
            ),
            PackageProblem::Ratio { part: Some(p), ratio } => write!(
                f,
                "its part {p} would expand {ratio} times when opened, more than the {MAX_RATIO} times that documents do (a \"zip bomb\")"
            ),
            PackageProblem::Ratio { part: None, ratio } => write!(
                f,
                "it would expand {ratio} times when opened, more than the {MAX_RATIO} times that documents do (a \"zip bomb\")"
            ),
            PackageProblem::Nested(p) => write!(
                f,
                "it holds another archive inside ({p}); save the document without attached or embedded files, or as PDF"
            ),
            PackageProblem::Encrypted(p) => write!(f, "its part {p} is encrypted"),
            PackageProblem::Method { part, method } => write!(
                f,
                "its part {part} uses compression method {method}, which documents do not use"
            ),
        }
    }
}

fn damaged(why: impl Into<String>) -> PackageProblem {
    PackageProblem::Damaged(why.into())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

const EOCD: u32 = 0x0605_4b50;
const EOCD64: u32 = 0x0606_4b50;
const EOCD64_LOCATOR: u32 = 0x0706_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

/// Where the central directory is: offset, size, entries, and where it must end.
struct Directory {
    offset: u64,
    size: u64,
    entries: u64,
    end: u64,
}

/// Finds the end record, which must end the file (no trailing bytes), and the ZIP64 one.
fn directory(b: &[u8]) -> Result<Directory, PackageProblem> {
    let len = b.len();
    if len < 22 {
        return Err(damaged("too short to be a ZIP archive"));
    }
    let lowest = len.saturating_sub(22 + usize::from(u16::MAX));
    let at = (lowest..=len - 22)
        .rev()
        .find(|&i| u32_at(b, i) == Some(EOCD) && u16_at(b, i + 20).map(usize::from) == Some(len - i - 22))
        .ok_or_else(|| damaged("no end record at the end of the file"))?;
    let disk = u16_at(b, at + 4).unwrap_or(1);
    let cd_disk = u16_at(b, at + 6).unwrap_or(1);
    let on_disk = u16_at(b, at + 8).unwrap_or(0);
    let entries = u16_at(b, at + 10).unwrap_or(0);
    let size = u32_at(b, at + 12).unwrap_or(0);
    let offset = u32_at(b, at + 16).unwrap_or(0);
    let zip64 = entries == u16::MAX || size == u32::MAX || offset == u32::MAX;
    if !zip64 {
        if disk != 0 || cd_disk != 0 || on_disk != entries {
            return Err(damaged("spread over several disks"));
        }
        return Ok(Directory {
            offset: offset.into(),
            size: size.into(),
            entries: entries.into(),
            end: at as u64,
        });
    }
    let locator = at
        .checked_sub(20)
        .filter(|&l| u32_at(b, l) == Some(EOCD64_LOCATOR))
        .ok_or_else(|| damaged("a ZIP64 end record is announced but missing"))?;
    let record = u64_at(b, locator + 8).unwrap_or(u64::MAX);
    let r = usize::try_from(record)
        .ok()
        .filter(|&r| u32_at(b, r) == Some(EOCD64) && r + 56 <= locator)
        .ok_or_else(|| damaged("the ZIP64 end record is not where its locator says"))?;
    let (disk, cd_disk) = (u32_at(b, r + 16).unwrap_or(1), u32_at(b, r + 20).unwrap_or(1));
    let (on_disk, entries) = (u64_at(b, r + 24).unwrap_or(0), u64_at(b, r + 32).unwrap_or(1));
    if disk != 0 || cd_disk != 0 || on_disk != entries {
        return Err(damaged("spread over several disks"));
    }
    Ok(Directory {
        offset: u64_at(b, r + 48).unwrap_or(u64::MAX),
        size: u64_at(b, r + 40).unwrap_or(u64::MAX),
        entries,
        end: r as u64,
    })
}

/// One central directory entry.
struct Entry<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    compressed: u64,
    size: u64,
    local: u64,
}

/// Reads the entry at `at`; returns it and where the next one starts.
fn entry(b: &[u8], at: usize) -> Result<(Entry<'_>, usize), PackageProblem> {
    if u32_at(b, at) != Some(CENTRAL) {
        return Err(damaged("a central directory entry is missing"));
    }
    let field = |o: usize| u16_at(b, at + o).ok_or_else(|| damaged("a central directory entry is cut short"));
    let (flags, method) = (field(8)?, field(10)?);
    let (name_len, extra_len, comment_len) = (field(28)? as usize, field(30)? as usize, field(32)? as usize);
    let word = |o: usize| u32_at(b, at + o).ok_or_else(|| damaged("a central directory entry is cut short"));
    let (mut compressed, mut size, mut local) = (u64::from(word(20)?), u64::from(word(24)?), u64::from(word(42)?));
    let name_at = at + 46;
    let extra_at = name_at + name_len;
    let next = extra_at + extra_len + comment_len;
    if next > b.len() {
        return Err(damaged("a central directory entry is cut short"));
    }
    if name_len > MAX_NAME_BYTES {
        return Err(damaged(format!("a part name is longer than {MAX_NAME_BYTES} bytes")));
    }
    let name = &b[name_at..extra_at];
    // ZIP64 sizes: the extra field 0x0001 holds, in order, those of the three that are 0xFFFFFFFF.
    if size == u64::from(u32::MAX) || compressed == u64::from(u32::MAX) || local == u64::from(u32::MAX) {
        let extra = &b[extra_at..extra_at + extra_len];
        let mut i = 0;
        let mut found = None;
        while i + 4 <= extra.len() {
            let (id, len) = (
                u16_at(extra, i).unwrap_or(0),
                usize::from(u16_at(extra, i + 2).unwrap_or(0)),
            );
            if id == 1 {
                found = extra.get(i + 4..i + 4 + len);
                break;
            }
            i += 4 + len;
        }
        let z = found.ok_or_else(|| damaged("ZIP64 sizes are announced but missing"))?;
        let mut o = 0;
        for v in [&mut size, &mut compressed, &mut local] {
            if *v == u64::from(u32::MAX) {
                *v = u64_at(z, o).ok_or_else(|| damaged("ZIP64 sizes are cut short"))?;
                o += 8;
            }
        }
    }
    Ok((
        Entry {
            name,
            flags,
            method,
            compressed,
            size,
            local,
        },
        next,
    ))
}

/// Archive formats by name: other ZIP-based documents, and the usual archives.
const ARCHIVE_EXTENSIONS: &[&str] = &[
    "zip", "zipx", "jar", "war", "apk", "epub", "7z", "rar", "gz", "tgz", "bz2", "xz", "zst", "lz", "lzma", "tar",
    "cab", "arj", "iso", "docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "xltm", "xlsb", "pptx", "pptm",
    "potx", "ppsx", "vsdx", "odt", "ods", "odp", "odg", "odf", "ott", "ots", "otp",
];
/// Office documents that Office embeds (a chart's workbook, an embedded document).
const EMBEDDABLE_EXTENSIONS: &[&str] = &[
    "docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "potx", "ppsx", "vsdx",
];
/// Where Office keeps embedded documents.
const EMBEDDING_FOLDERS: &[&str] = &["word/embeddings/", "xl/embeddings/", "ppt/embeddings/"];
/// The first bytes of archives.
const ARCHIVE_MAGIC: &[&[u8]] = &[
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    &[0x1F, 0x8B, 0x08],
    b"7z\xBC\xAF\x27\x1C",
    b"Rar!\x1A\x07",
    b"BZh",
    &[0xFD, b'7', b'z', b'X', b'Z', 0x00],
    &[0x28, 0xB5, 0x2F, 0xFD],
    b"MSCF",
];

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The data of the entry: where its local header says it starts, `compressed` bytes long.
fn data<'a>(b: &'a [u8], e: &Entry<'_>) -> Result<&'a [u8], PackageProblem> {
    let at = usize::try_from(e.local).map_err(|_| damaged("a part starts past the end"))?;
    if u32_at(b, at) != Some(LOCAL) {
        return Err(damaged("a part's local header is missing"));
    }
    let name_len = usize::from(u16_at(b, at + 26).unwrap_or(u16::MAX));
    let extra_len = usize::from(u16_at(b, at + 28).unwrap_or(u16::MAX));
    let start = at + 30 + name_len + extra_len;
    let len = usize::try_from(e.compressed).map_err(|_| damaged("a part is larger than the file"))?;
    b.get(start..start.saturating_add(len))
        .ok_or_else(|| damaged("a part runs past the end of the file"))
}

/// The first `want` bytes of an entry's data, inflated if need be (fewer if it holds fewer);
/// never more, whatever its data would inflate to.
fn inflate(data: &[u8], method: u16, want: usize) -> Result<Vec<u8>, PackageProblem> {
    if method == 0 {
        return Ok(data[..data.len().min(want)].to_vec());
    }
    let mut out = vec![0u8; want];
    let mut inflater = flate2::Decompress::new(false);
    loop {
        let (read, written) = (inflater.total_in() as usize, inflater.total_out() as usize);
        if written >= want {
            break;
        }
        let status = inflater
            .decompress(
                &data[read.min(data.len())..],
                &mut out[written..],
                flate2::FlushDecompress::None,
            )
            .map_err(|e| damaged(format!("a part does not inflate: {e}")))?;
        let moved = inflater.total_in() as usize != read || inflater.total_out() as usize != written;
        if status == flate2::Status::StreamEnd || !moved {
            break;
        }
    }
    out.truncate(inflater.total_out() as usize);
    Ok(out)
}

/// Checks the ZIP structure of a document that should be `package`; see the module's text.
///
/// Pure: `bytes` in, a [`Summary`] or the problem out, whatever the bytes are (a fuzz target).
pub fn check(bytes: &[u8], package: Package) -> Result<Summary, PackageProblem> {
    check_at(bytes, package, 0)
}

fn check_at(b: &[u8], package: Package, depth: u8) -> Result<Summary, PackageProblem> {
    if !b.starts_with(b"PK\x03\x04") {
        return Err(damaged("it does not start like a ZIP archive"));
    }
    let dir = directory(b)?;
    if dir.entries > MAX_ENTRIES as u64 {
        return Err(PackageProblem::TooManyEntries(dir.entries));
    }
    if dir.offset.checked_add(dir.size) != Some(dir.end) {
        return Err(damaged(
            "the central directory does not end where the end record starts",
        ));
    }
    let start = usize::try_from(dir.offset).map_err(|_| damaged("the central directory starts past the end"))?;

    // First the directory alone: sizes, methods, names.
    let mut summary = Summary::default();
    let mut ratio = None;
    let (mut word, mut xl, mut content_types) = (false, false, false);
    let mut at = start;
    for _ in 0..dir.entries {
        let (e, next) = entry(b, at)?;
        at = next;
        let name = || String::from_utf8_lossy(e.name).into_owned();
        if e.local >= dir.offset {
            return Err(damaged(format!("part {} starts inside the central directory", name())));
        }
        if e.flags & 1 != 0 {
            return Err(PackageProblem::Encrypted(name()));
        }
        if e.method != 0 && e.method != 8 {
            return Err(PackageProblem::Method {
                part: name(),
                method: e.method,
            });
        }
        if e.method == 0 && e.size != e.compressed {
            return Err(damaged(format!("stored part {} declares two sizes", name())));
        }
        summary.entries += 1;
        summary.expanded_bytes = summary.expanded_bytes.saturating_add(e.size);
        if ratio.is_none() && e.size > RATIO_FLOOR && e.size / e.compressed.max(1) > MAX_RATIO {
            ratio = Some(PackageProblem::Ratio {
                part: Some(name()),
                ratio: e.size / e.compressed.max(1),
            });
        }
        word |= e.name.starts_with(b"word/");
        xl |= e.name.starts_with(b"xl/");
        content_types |= e.name == b"[Content_Types].xml";
    }
    if at as u64 != dir.end {
        return Err(damaged("the central directory holds more than its entries"));
    }
    if summary.expanded_bytes > MAX_EXPANDED_BYTES {
        return Err(PackageProblem::ExpandsTooMuch(summary.expanded_bytes));
    }
    if let Some(problem) = ratio {
        return Err(problem);
    }
    let whole = (b.len() as u64).max(1);
    if summary.expanded_bytes > RATIO_FLOOR && summary.expanded_bytes / whole > MAX_RATIO {
        return Err(PackageProblem::Ratio {
            part: None,
            ratio: summary.expanded_bytes / whole,
        });
    }

    // Then each part's first bytes: archives inside, and what the ODF mimetype says.
    let mut odt = false;
    let mut at = start;
    for _ in 0..dir.entries {
        let (e, next) = entry(b, at)?;
        at = next;
        let name = String::from_utf8_lossy(e.name).into_owned();
        if name.ends_with('/') && e.size == 0 {
            continue;
        }
        let ext = extension(&name);
        let data = data(b, &e)?;
        let head = inflate(data, e.method, 64)?;
        if name == "mimetype" {
            odt = head == b"application/vnd.oasis.opendocument.text";
        }
        let named = ARCHIVE_EXTENSIONS.contains(&ext.as_str());
        let looks = ARCHIVE_MAGIC.iter().any(|m| head.starts_with(m));
        if !(named || looks) {
            continue;
        }
        let embedded = depth == 0
            && EMBEDDING_FOLDERS.iter().any(|f| name.starts_with(f))
            && EMBEDDABLE_EXTENSIONS.contains(&ext.as_str())
            && e.size <= MAX_EMBEDDED_BYTES;
        if !embedded {
            return Err(PackageProblem::Nested(name));
        }
        let inner = inflate(data, e.method, usize::try_from(e.size).unwrap_or(0))?;
        let inner = check_at(&inner, Package::AnyOoxml, depth + 1).map_err(|p| match p {
            PackageProblem::Nested(n) => PackageProblem::Nested(format!("{n} inside {name}")),
            p @ (PackageProblem::ExpandsTooMuch(_)
            | PackageProblem::Ratio { .. }
            | PackageProblem::TooManyEntries(_)) => p,
            p => damaged(format!("embedded {name}: {p}")),
        })?;
        summary.embedded += 1;
        summary.expanded_bytes = summary.expanded_bytes.saturating_add(inner.expanded_bytes);
        if summary.expanded_bytes > MAX_EXPANDED_BYTES {
            return Err(PackageProblem::ExpandsTooMuch(summary.expanded_bytes));
        }
    }
    match package {
        Package::Docx if !word => Err(PackageProblem::NotThePackage("a Word document (word/)")),
        Package::Xlsx if !xl => Err(PackageProblem::NotThePackage("an Excel workbook (xl/)")),
        Package::Odt if !odt => Err(PackageProblem::NotThePackage(
            "an OpenDocument text (a mimetype part that says so)",
        )),
        Package::AnyOoxml if !content_types => Err(PackageProblem::NotThePackage(
            "an Office document ([Content_Types].xml)",
        )),
        _ => Ok(summary),
    }
}
