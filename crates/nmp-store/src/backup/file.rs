//! The backup file, line by line. A gzip stream of UTF-8 JSON lines:
//!
//! 1. the [`Header`] (format, versions, source engine, when, the applied migrations, and per
//!    table its columns with their neutral types, its key, its row count and its sequence's
//!    high-water mark);
//! 2. per table, in the header's order, a marker `{"table": NAME, "rows": N}` and then N rows,
//!    each a JSON array of cells in the header's column order (see `value.rs`);
//! 3. the end line `{"end": "nmp-backup", "tables": T, "rows": R, "sha256": HEX}`, where HEX is
//!    the SHA-256 of every byte before it (uncompressed, newlines included).
//!
//! The hash comes last because the file is written as it is read from the database, in one pass:
//! a file cut short has no end line, and any changed byte changes the hash (gzip's own CRC catches
//! damage to the compressed bytes first). [`Reader`] checks all of this as it goes, so a caller
//! that reads to the end has a file that is whole.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use nmp_core::Sha256Stream;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::{FORMAT, FORMAT_VERSION, Header, failure};
use crate::Result;

/// A table's marker line.
#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    table: String,
    rows: u64,
}

/// The end line.
#[derive(Debug, Serialize, Deserialize)]
struct End {
    end: String,
    tables: usize,
    rows: u64,
    sha256: String,
}

/// Writes the lines of a backup, hashing them.
pub(crate) struct Writer {
    out: GzEncoder<BufWriter<File>>,
    hash: Sha256Stream,
    buf: Vec<u8>,
    tables: usize,
    rows: u64,
}

impl Writer {
    /// Starts the file at `path` (created or truncated) with its header.
    pub(crate) fn create(path: &Path, header: &Header) -> std::io::Result<Writer> {
        let file = File::create(path)?;
        let mut w = Writer {
            out: GzEncoder::new(BufWriter::with_capacity(1 << 16, file), Compression::new(6)),
            hash: Sha256Stream::default(),
            buf: Vec::with_capacity(4096),
            tables: 0,
            rows: 0,
        };
        w.line(header)?;
        Ok(w)
    }

    fn line<T: Serialize>(&mut self, value: &T) -> std::io::Result<()> {
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, value)?;
        self.buf.push(b'\n');
        self.hash.update(&self.buf);
        self.out.write_all(&self.buf)
    }

    /// Starts a table's rows.
    pub(crate) fn table(&mut self, table: &str, rows: u64) -> std::io::Result<()> {
        self.tables += 1;
        self.line(&Marker {
            table: table.to_string(),
            rows,
        })
    }

    /// One row.
    pub(crate) fn row(&mut self, cells: &[Json]) -> std::io::Result<()> {
        self.rows += 1;
        self.line(&cells)
    }

    /// Writes the end line, completes the gzip stream and flushes the file to disk; returns the
    /// content's SHA-256.
    pub(crate) fn finish(mut self) -> std::io::Result<String> {
        let sha256 = self.hash.clone().finish();
        let end = End {
            end: FORMAT.into(),
            tables: self.tables,
            rows: self.rows,
            sha256: sha256.clone(),
        };
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, &end)?;
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        let file = self.out.finish()?.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(sha256)
    }
}

/// What the next line of a backup holds.
#[derive(Debug)]
pub(crate) enum Item {
    /// The rows of the header's table at this index follow.
    Table(usize),
    /// A row of the current table.
    Row(Vec<Json>),
}

/// Reads a backup line by line, checking its structure, counts and hash as it goes; `next`
/// returns `None` only after the end line has matched everything before it.
pub(crate) struct Reader {
    path: PathBuf,
    input: BufReader<GzDecoder<BufReader<File>>>,
    hash: Sha256Stream,
    buf: Vec<u8>,
    line: u64,
    /// The header (line 1).
    pub header: Header,
    current: Option<usize>,
    in_table: u64,
    rows: u64,
    finished: Option<String>,
}

impl Reader {
    /// Opens the backup at `path` and reads its header.
    pub(crate) fn open(path: &Path) -> Result<Reader> {
        let mut file = File::open(path).map_err(|e| failure(path, format!("cannot open it: {e}")))?;
        let mut magic = [0u8; 2];
        let got = file
            .read(&mut magic)
            .map_err(|e| failure(path, format!("cannot read it: {e}")))?;
        if got < 2 || magic != [0x1f, 0x8b] {
            return Err(failure(
                path,
                "this is not an NMP backup (an NMP backup is a gzip file, as `nmp backup` writes it)",
            ));
        }
        drop(file);
        let file = File::open(path).map_err(|e| failure(path, format!("cannot open it: {e}")))?;
        let mut reader = Reader {
            path: path.to_path_buf(),
            input: BufReader::with_capacity(1 << 16, GzDecoder::new(BufReader::with_capacity(1 << 16, file))),
            hash: Sha256Stream::default(),
            buf: Vec::with_capacity(4096),
            line: 0,
            header: Header::default(),
            current: None,
            in_table: 0,
            rows: 0,
            finished: None,
        };
        if !reader.read_line()? {
            return Err(failure(path, "the file is empty: this is not an NMP backup"));
        }
        let first: Json = serde_json::from_slice(&reader.buf)
            .map_err(|_| failure(path, "line 1 is not a backup header: this is not an NMP backup"))?;
        if first.get("format").and_then(Json::as_str) != Some(FORMAT) {
            return Err(failure(
                path,
                "line 1 is not a backup header: this is not an NMP backup",
            ));
        }
        let version = first.get("format_version").and_then(Json::as_u64).unwrap_or(0);
        if version != u64::from(FORMAT_VERSION) {
            return Err(failure(
                path,
                format!("the backup has format version {version}; this nmp reads format version {FORMAT_VERSION}"),
            ));
        }
        reader.header = serde_json::from_value(first)
            .map_err(|e| failure(path, format!("line 1: the header is malformed: {e}")))?;
        reader.hash.update(&reader.buf);
        Ok(reader)
    }

    /// The file being read.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The error for the current line.
    pub(crate) fn error(&self, reason: impl std::fmt::Display) -> crate::StoreError {
        let at = match self.current {
            Some(t) => format!(
                "line {} (table {}, row {})",
                self.line, self.header.tables[t].name, self.in_table
            ),
            None => format!("line {}", self.line),
        };
        failure(&self.path, format!("{at}: {reason}"))
    }

    /// Reads the next line into `buf`; false at the end of the file.
    fn read_line(&mut self) -> Result<bool> {
        self.buf.clear();
        let n = self.input.read_until(b'\n', &mut self.buf).map_err(|e| {
            failure(
                &self.path,
                format!(
                    "the file is damaged or cut short after line {} ({e}): it cannot be used",
                    self.line
                ),
            )
        })?;
        if n == 0 {
            return Ok(false);
        }
        self.line += 1;
        if self.buf.last() != Some(&b'\n') {
            return Err(self.error("the file ends in the middle of a line: it is cut short"));
        }
        Ok(true)
    }

    /// The next table or row; `None` once the end line has checked out.
    pub(crate) fn next(&mut self) -> Result<Option<Item>> {
        if self.finished.is_some() {
            return Ok(None);
        }
        if !self.read_line()? {
            return Err(failure(
                &self.path,
                format!(
                    "the file ends after line {} without its end line: it is cut short",
                    self.line
                ),
            ));
        }
        match self.buf.first() {
            Some(b'[') => {
                let Some(t) = self.current else {
                    return Err(self.error("a row before any table"));
                };
                self.in_table += 1;
                self.rows += 1;
                let table = &self.header.tables[t];
                if self.in_table > table.rows {
                    return Err(self.error(format!(
                        "table {} has more rows than the {} its header counts",
                        table.name, table.rows
                    )));
                }
                let cells: Vec<Json> = serde_json::from_slice(&self.buf)
                    .map_err(|e| self.error(format!("the row is not a JSON array: {e}")))?;
                if cells.len() != table.columns.len() {
                    return Err(self.error(format!(
                        "the row has {} cells; table {} has {} columns",
                        cells.len(),
                        table.name,
                        table.columns.len()
                    )));
                }
                self.hash.update(&self.buf);
                Ok(Some(Item::Row(cells)))
            }
            Some(b'{') if self.buf.starts_with(b"{\"table\":") => {
                let marker: Marker = serde_json::from_slice(&self.buf)
                    .map_err(|e| self.error(format!("the table line is malformed: {e}")))?;
                self.close_table()?;
                let next = self.current.map_or(0, |t| t + 1);
                let Some(expected) = self.header.tables.get(next) else {
                    return Err(self.error(format!("table {} is not in the header", marker.table)));
                };
                if expected.name != marker.table || expected.rows != marker.rows {
                    return Err(self.error(format!(
                        "expected table {} with {} rows here, found {} with {}",
                        expected.name, expected.rows, marker.table, marker.rows
                    )));
                }
                self.current = Some(next);
                self.in_table = 0;
                self.hash.update(&self.buf);
                Ok(Some(Item::Table(next)))
            }
            Some(b'{') if self.buf.starts_with(b"{\"end\":") => {
                let end: End = serde_json::from_slice(&self.buf)
                    .map_err(|e| self.error(format!("the end line is malformed: {e}")))?;
                self.close_table()?;
                let seen = self.current.map_or(0, |t| t + 1);
                if seen != self.header.tables.len() || end.tables != seen {
                    return Err(self.error(format!(
                        "the file ends after {seen} of the header's {} tables: it is cut short",
                        self.header.tables.len()
                    )));
                }
                if end.rows != self.rows {
                    return Err(self.error(format!(
                        "the end line counts {} rows; the file holds {}",
                        end.rows, self.rows
                    )));
                }
                let sha256 = std::mem::take(&mut self.hash).finish();
                if end.sha256 != sha256 {
                    return Err(failure(
                        &self.path,
                        format!(
                            "the content's SHA-256 is {sha256} but the file records {}: the file was altered or damaged",
                            end.sha256
                        ),
                    ));
                }
                // Read on to the end of the gzip stream, which checks its CRC.
                if self.read_line()? {
                    return Err(self.error("there is more after the end line"));
                }
                self.finished = Some(sha256);
                Ok(None)
            }
            _ => Err(self.error("this line is not part of an NMP backup")),
        }
    }

    /// Checks that the current table got as many rows as its header counts.
    fn close_table(&self) -> Result<()> {
        if let Some(t) = self.current {
            let table = &self.header.tables[t];
            if self.in_table != table.rows {
                return Err(self.error(format!(
                    "table {} has {} rows but its header counts {}",
                    table.name, self.in_table, table.rows
                )));
            }
        }
        Ok(())
    }

    /// The content's SHA-256 and row count, once `next` has returned `None`.
    pub(crate) fn finished(&self) -> Option<(&str, u64)> {
        self.finished.as_deref().map(|s| (s, self.rows))
    }
}
