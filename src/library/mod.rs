//! A library is a folder of `*.aijri.json` files (subfolders included). This module finds them,
//! loads each into an assessment or an error that names the file, the line and column and what is
//! wrong, and saves atomically (temporary file in the same folder, flush, rename).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use thiserror::Error;

pub mod disk;
pub mod recovery;
mod relative;
pub mod watch;

pub use disk::{Expect, MAX_FILE_BYTES, read_limited, stamp_of, write_atomic};
pub use relative::{folder_of, relative_path, resolve_relative};

use crate::model::{Assessment, FORMAT_NAME, FORMAT_VERSION};

/// The extension of assessment files.
pub const EXTENSION: &str = ".aijri.json";
/// The byte-order mark some editors put at the start of UTF-8 files.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The kinds of file this program reads, as messages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An assessment (`*.aijri.json`).
    Assessment,
    /// A framework definition (`*.aijri-framework.json`).
    Framework,
    /// A saved comparison (`*.aijri-compare.json`).
    Comparison,
    /// A published text or a saved web page to import.
    Text,
    /// A recovery file of unsaved work.
    Recovery,
    /// The settings file.
    Settings,
}

impl FileKind {
    /// "an assessment file", "a framework file", "a comparison file".
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::Assessment => "an assessment file",
            Self::Framework => "a framework file",
            Self::Comparison => "a comparison file",
            Self::Text => "a text to import",
            Self::Recovery => "a recovery file",
            Self::Settings => "a settings file",
        }
    }
}

/// Why a file could not be read as JSON of its kind: what every kind of file this program reads
/// can fail with before its content is checked. Every variant names the file.
#[derive(Debug, Error)]
pub enum FileError {
    /// The file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("{path}: the file is {size} bytes; {} may be at most 5 MB", kind.what())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// What kind of file it was read as.
        kind: FileKind,
    },
    /// The JSON is malformed or does not match the file's schema.
    #[error("{path}: line {line}, column {column}: {message}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when the error is not tied to a place).
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, with the field's path where known.
        message: String,
    },
}

impl FileError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. } | Self::TooLarge { path, .. } | Self::Json { path, .. } => path,
        }
    }

    /// The error of parsing `bytes` (of the file `path`) as a `T`: its line and column, and the
    /// path of the field it is in where known (`tasks[2].score: invalid type …`).
    pub(crate) fn json<T: serde::de::DeserializeOwned>(
        bytes: &[u8],
        path: &Path,
        error: &serde_json::Error,
    ) -> Self {
        let JsonProblem {
            line,
            column,
            message,
        } = json_problem::<T>(bytes, error);
        Self::Json {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    }
}

/// Why a file could not be loaded. Every variant names the file.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read, is too large or is not JSON of an assessment.
    #[error(transparent)]
    File(#[from] FileError),
    /// The file is of a newer major version than this program reads.
    #[error(
        "{path}: the file uses assessment format version {found}, but this program reads version {FORMAT_VERSION}; \
         open it with a newer AIJRI Desk"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version the file states.
        found: u64,
    },
    /// The file is JSON but not an assessment.
    #[error(
        "{path}: not an AIJRI assessment (the `format` field is {found}, expected \"{FORMAT_NAME}\")"
    )]
    NotAnAssessment {
        /// The file.
        path: PathBuf,
        /// What the `format` field holds.
        found: String,
    },
    /// A saved comparison that cannot be read, or a role it lists that is neither at its file nor
    /// found by its `meta.id`: the message names the comparison file and the role.
    #[error("{message}")]
    Comparison {
        /// The role's file (or the comparison file).
        path: PathBuf,
        /// What is wrong, with the files named.
        message: String,
    },
}

impl LoadError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::File(error) => error.path(),
            Self::NewerVersion { path, .. }
            | Self::NotAnAssessment { path, .. }
            | Self::Comparison { path, .. } => path,
        }
    }
}

/// What a file held when it was loaded or saved, to notice changes made by others. Kept in
/// recovery files, so it is serialisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    len: u64,
    hash: u64,
}

impl FileStamp {
    /// The stamp of some bytes: their length and XXH3 hash (a fast, stable content hash: loading
    /// 10,000 files hashes 100 MB or more, which SipHash took a fifth of the load to do).
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }
}

/// An assessment read from a file, with the stamp of the bytes it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The assessment.
    pub assessment: Assessment,
    /// What the file held.
    pub stamp: FileStamp,
    /// When the file was last changed, where the file system keeps it (the role list's "last
    /// change" order).
    pub modified: Option<std::time::SystemTime>,
}

/// One file of a library: its path and what loading it gave.
#[derive(Debug)]
pub struct LoadedFile {
    /// The file.
    pub path: PathBuf,
    /// The assessment, or why it could not be loaded.
    pub result: Result<Loaded, LoadError>,
}

/// Parses the bytes of an assessment file; `path` only names the file in errors.
///
/// # Errors
/// Malformed JSON, a field of the wrong type or missing, a newer version, or not an assessment.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Assessment, LoadError> {
    // Some Windows editors start UTF-8 files with a byte-order mark, which JSON does not allow.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match serde_json::from_slice::<Assessment>(bytes) {
        Ok(assessment) => check_header(assessment, path),
        Err(error) => Err(explain(bytes, path, &error)),
    }
}

fn check_header(assessment: Assessment, path: &Path) -> Result<Assessment, LoadError> {
    if assessment.format != FORMAT_NAME {
        return Err(LoadError::NotAnAssessment {
            path: path.to_owned(),
            found: format!("\"{}\"", assessment.format),
        });
    }
    if assessment.version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: assessment.version.into(),
        });
    }
    Ok(assessment)
}

/// Turns a parse error into the clearest message: a newer version or a foreign file first, then
/// the field's path (`tasks[2].score: invalid type …`) with line and column.
fn explain(bytes: &[u8], path: &Path, error: &serde_json::Error) -> LoadError {
    header_error(bytes, path)
        .unwrap_or_else(|| FileError::json::<Assessment>(bytes, path, error).into())
}

/// The error a file's `format` and `version` show, read alone: a newer version, or not an
/// assessment. `None` when they look right or the file is not even a JSON object.
fn header_error(bytes: &[u8], path: &Path) -> Option<LoadError> {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    // Only an object has a header (a derived struct would also read `[format, version]`).
    if !bytes.trim_ascii_start().starts_with(b"{") {
        return None;
    }
    let header = serde_json::from_slice::<Header>(bytes).ok()?;
    let path = path.to_owned();
    if let Some(found) = header.version.as_ref().and_then(serde_json::Value::as_u64)
        && found > u64::from(FORMAT_VERSION)
    {
        return Some(LoadError::NewerVersion { path, found });
    }
    match header.format {
        Some(serde_json::Value::String(s)) if s == FORMAT_NAME => None,
        Some(other) => Some(LoadError::NotAnAssessment {
            path,
            found: other.to_string(),
        }),
        None => Some(LoadError::NotAnAssessment {
            path,
            found: "missing".into(),
        }),
    }
}

/// Where a JSON error is and what it says.
struct JsonProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, after the path of the field it is in where known.
    pub message: String,
}

/// The line, column and message of an error parsing `bytes` as a `T`, the message led by the path
/// of the field (`tasks[2].score: …`) where known.
fn json_problem<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    error: &serde_json::Error,
) -> JsonProblem {
    // serde_json's error does not say which field; parsing again with the path tracked does.
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let field = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => known_path(e.path()),
        Ok(_) => None,
    };
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let text = error.to_string();
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    JsonProblem {
        line: error.line(),
        column: error.column(),
        message: match field {
            Some(field) => format!("{field}: {message}"),
            None => message.to_owned(),
        },
    }
}

/// The path of the field an error is in (`tasks[2].score`), without a trailing `?` for a key the
/// parser had not finished reading; `None` at the top level.
fn known_path(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    let known = text.trim_end_matches(".?");
    (known != "." && known != "?").then(|| known.to_owned())
}

/// Reads and parses one assessment file like [`load_file`], without the stamp (hashing the bytes
/// costs time that batch work, which never saves, need not spend).
///
/// # Errors
/// As [`load_file`].
pub fn read_assessment(path: &Path) -> Result<Assessment, LoadError> {
    parse(&read_limited(path, FileKind::Assessment)?, path)
}

/// Reads and parses one assessment file, refusing files over [`MAX_FILE_BYTES`].
///
/// # Errors
/// The file cannot be read, is too large, or does not parse (see [`parse`]).
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let (bytes, modified) = disk::read_limited_dated(path, FileKind::Assessment)?;
    let assessment = parse(&bytes, path)?;
    Ok(Loaded {
        assessment,
        stamp: FileStamp::of(&bytes),
        modified,
    })
}

/// Whether a path names an assessment file.
#[must_use]
pub fn is_assessment_file(path: &Path) -> bool {
    has_extension(path, EXTENSION)
}

/// Whether a file name ends with `extension` (in any case) and has something before it.
pub(crate) fn has_extension(path: &Path, extension: &str) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.len() > extension.len() && n.to_ascii_lowercase().ends_with(extension))
}

/// Every assessment file below a folder, sorted by path; unreadable entries come back as errors.
#[must_use]
pub fn find_files(folder: &Path) -> Vec<Result<PathBuf, LoadError>> {
    find_matching(folder, is_assessment_file)
}

/// Every file below a folder whose path `matches`, sorted by path (see [`disk::walk`]).
pub(crate) fn find_matching(
    folder: &Path,
    matches: impl Fn(&Path) -> bool,
) -> Vec<Result<PathBuf, LoadError>> {
    disk::walk(folder, matches)
}

/// The files `paths` name, in the order loading gives them: in place of a folder, every assessment
/// file below it (see [`find_files`]); a file itself. Entries that cannot be read are errors.
#[must_use]
pub fn files_in(paths: &[PathBuf]) -> Vec<Result<PathBuf, LoadError>> {
    let mut files = Vec::new();
    for path in paths {
        if disk::is_dir(path) {
            files.extend(find_files(path));
        } else {
            files.push(Ok(path.clone()));
        }
    }
    files
}

/// Loads one file: its path and what loading it gave. Pure apart from reading the file, so
/// callers may run it on any thread.
#[must_use]
pub fn load_one(path: PathBuf) -> LoadedFile {
    load_found(Ok(path))
}

/// Loads one entry of [`files_in`] or [`find_files`]: a path, or the error that stood in its place.
#[must_use]
pub fn load_found(found: Result<PathBuf, LoadError>) -> LoadedFile {
    let (path, result) = with_found(found, load_file);
    LoadedFile { path, result }
}

/// [`load_found`] without the stamp (see [`read_assessment`]): the file and its assessment, or the
/// error that stood in its place.
pub fn read_found(found: Result<PathBuf, LoadError>) -> (PathBuf, Result<Assessment, LoadError>) {
    with_found(found, read_assessment)
}

/// The file of an entry of [`files_in`] and what `load` gives for it, or the entry's error.
fn with_found<T>(
    found: Result<PathBuf, LoadError>,
    load: impl FnOnce(&Path) -> Result<T, LoadError>,
) -> (PathBuf, Result<T, LoadError>) {
    match found {
        Ok(path) => {
            let result = load(&path);
            (path, result)
        }
        Err(error) => (error.path().to_owned(), Err(error)),
    }
}

/// Loads every file of `paths` (see [`files_in`]) and passes it to `each`, one file after another
/// or, when `parallel`, on every core; either way the results come back in the order of
/// [`files_in`].
pub fn map_files<T: Send>(
    paths: &[PathBuf],
    parallel: bool,
    each: impl Fn(LoadedFile) -> T + Sync + Send,
) -> Vec<T> {
    map_found(files_in(paths), parallel, each)
}

/// [`map_files`] on entries of [`files_in`] or [`find_files`] (a part of them, say), in their order.
pub fn map_found<T: Send>(
    found: Vec<Result<PathBuf, LoadError>>,
    parallel: bool,
    each: impl Fn(LoadedFile) -> T + Sync + Send,
) -> Vec<T> {
    map_in_order(found, parallel, |f| each(load_found(f)))
}

/// `each` of every item, computed one after another or, when `parallel`, on every core; either
/// way in the order of the items.
pub fn map_in_order<I: Send, T: Send>(
    items: Vec<I>,
    parallel: bool,
    each: impl Fn(I) -> T + Sync + Send,
) -> Vec<T> {
    if parallel {
        items.into_par_iter().map(each).collect()
    } else {
        items.into_iter().map(each).collect()
    }
}

/// Loads files and folders: a folder gives every assessment file below it, a file itself.
/// One result per file, in order; a file that fails never stops the others. One file after
/// another: see [`load_paths_parallel`] for the same on every core.
#[must_use]
pub fn load_paths(paths: &[PathBuf]) -> Vec<LoadedFile> {
    map_files(paths, false, |file| file)
}

/// [`load_paths`] on every core: the same files, in the same order, with the same results.
#[must_use]
pub fn load_paths_parallel(paths: &[PathBuf]) -> Vec<LoadedFile> {
    map_files(paths, true, |file| file)
}

/// The file text of an assessment: pretty-printed JSON, keys in the format's order, a final newline.
#[must_use]
pub fn to_json(assessment: &Assessment) -> String {
    // Serialising plain data with string keys into a String cannot fail.
    let mut text = serde_json::to_string_pretty(assessment).unwrap_or_default();
    text.push('\n');
    text
}

/// Why a save failed.
#[derive(Debug, Error)]
pub enum SaveError {
    /// Writing or renaming failed; the old file, if any, is intact.
    #[error("{path}: could not save: {source}")]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Saves an assessment atomically: a temporary file in the same folder is written, flushed to disk
/// and renamed over the target, so a crash mid-save leaves the old file intact.
///
/// # Errors
/// The folder is not writable, the disk is full, or the rename fails.
pub fn save_atomic(path: &Path, assessment: &Assessment) -> Result<FileStamp, SaveError> {
    let text = to_json(assessment);
    write_atomic(path, text.as_bytes())?;
    Ok(FileStamp::of(text.as_bytes()))
}

/// Whether the file on disk no longer holds what `stamp` recorded. A file that is gone has nothing
/// to overwrite and counts as unchanged; one that cannot be read counts as changed.
#[must_use]
pub fn changed_on_disk(path: &Path, stamp: FileStamp) -> bool {
    Expect::Stamp(stamp).violated(path)
}

/// A file name for a new assessment: the title in lower case, words joined by hyphens.
#[must_use]
pub fn file_name_for(title: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}{EXTENSION}",
        if slug.is_empty() { "assessment" } else { &slug }
    )
}
