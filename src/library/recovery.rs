//! Recovery files: unsaved work written to the program's data folder a few seconds after the last
//! change, so that a crash or a power loss loses nothing. One file per piece of work — an
//! assessment, a framework variant, the comparison — named after a stable hash (XXH3) of what it
//! is (its file's canonical path, or the variant's id while it has no file), never inside the
//! library folder. Saving or discarding the work removes the file; the next start after a crash
//! lists what is left and offers it back.
//!
//! A recovery file is read like any file from outside: at most [`super::MAX_FILE_BYTES`], and the
//! work inside is checked as its own file would be (a framework's bounds, a comparison's).

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::disk::{self, Expect};
use super::{FileStamp, SaveError};
use crate::comparison::Comparison;
use crate::framework::Framework;
use crate::model::Assessment;

/// The extension of recovery files.
pub const RECOVERY_EXTENSION: &str = ".aijri-recovery.json";
/// The `format` field of a recovery file.
const RECOVERY_FORMAT: &str = "aijri-recovery";

/// The unsaved work a recovery file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Work {
    /// An assessment with its edits.
    Assessment(Box<Assessment>),
    /// A framework variant with its edits.
    Framework(Box<Framework>),
    /// The comparison: title, notes, framework and roles (files absolute).
    Comparison(Box<Comparison>),
}

impl Work {
    /// What the work is, as the user reads it: "Backend/API Developer", "framework variant “X”".
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Self::Assessment(assessment) => assessment.display_title(),
            Self::Framework(framework) => format!("framework variant “{}”", framework.name),
            Self::Comparison(comparison) if comparison.title.is_empty() => {
                "the comparison".to_owned()
            }
            Self::Comparison(comparison) => format!("the comparison “{}”", comparison.title),
        }
    }
}

/// What identifies a piece of work across runs: its file's canonical path, or (never saved) what
/// it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecoveryKey(String);

impl RecoveryKey {
    /// The work kept in a file (canonical path).
    #[must_use]
    pub fn file(path: &Path) -> Self {
        Self(format!("file:{}", path.display()))
    }

    /// A framework variant without a file, by its id.
    #[must_use]
    pub fn framework(id: &str) -> Self {
        Self(format!("framework:{id}"))
    }

    /// The comparison, while it has no file.
    #[must_use]
    pub fn comparison() -> Self {
        Self("comparison".to_owned())
    }

    /// The name of its recovery file: a stable hash, the same with every build of the program.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!(
            "{:016x}{RECOVERY_EXTENSION}",
            xxhash_rust::xxh3::xxh3_64(self.0.as_bytes())
        )
    }
}

/// The unsaved work of one document, as written to its recovery file.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// What it is.
    pub key: RecoveryKey,
    /// The document's file (which may not exist yet); `None` for work never saved.
    pub document: Option<PathBuf>,
    /// What the file held when the edits began; `None` for a document never saved.
    pub stamp: Option<FileStamp>,
    /// When the edits were written, in seconds since 1970 (UTC).
    pub written_at: u64,
    /// The work.
    pub work: Work,
}

/// The file's layout: the work in one of three fields, each read by its own checked parser.
#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    #[serde(default)]
    key: Option<RecoveryKey>,
    document: Option<PathBuf>,
    stamp: Option<FileStamp>,
    written_at: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assessment: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    framework: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparison: Option<serde_json::Value>,
}

impl Recovery {
    /// The edits of a document, stamped now.
    #[must_use]
    pub fn new(
        key: RecoveryKey,
        document: Option<PathBuf>,
        stamp: Option<FileStamp>,
        work: Work,
    ) -> Self {
        let written_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            key,
            document,
            stamp,
            written_at,
            work,
        }
    }

    /// The recovery file's bytes.
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        let (assessment, framework, comparison) = match &self.work {
            Work::Assessment(a) => (serde_json::to_value(a).ok(), None, None),
            Work::Framework(f) => (None, serde_json::to_value(f).ok(), None),
            Work::Comparison(c) => (None, None, serde_json::to_value(c).ok()),
        };
        let file = RecoveryFile {
            format: RECOVERY_FORMAT.to_owned(),
            key: Some(self.key.clone()),
            document: self.document.clone(),
            stamp: self.stamp,
            written_at: self.written_at,
            assessment,
            framework,
            comparison,
        };
        // Plain data with string keys always serialises.
        serde_json::to_vec(&file).unwrap_or_default()
    }

    /// Reads a recovery file's bytes; `path` names the file in errors.
    ///
    /// # Errors
    /// Not JSON, not a recovery file, no work in it, or work its own file would refuse.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Self, String> {
        let file: RecoveryFile = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if file.format != RECOVERY_FORMAT {
            return Err(format!("not a recovery file (format `{}`)", file.format));
        }
        let work = work_of(&file, path)?;
        let key = match (&file.key, &file.document) {
            (Some(key), _) => key.clone(),
            (None, Some(document)) => RecoveryKey::file(document),
            (None, None) => return Err("it names no document".to_owned()),
        };
        Ok(Self {
            key,
            document: file.document,
            stamp: file.stamp,
            written_at: file.written_at,
            work,
        })
    }

    /// Whether the document's file changed since the edits began (then restoring them would
    /// replace someone else's change: the user is warned). Reads the file: off the UI thread.
    #[must_use]
    pub fn file_changed_since(&self) -> bool {
        let Some(document) = &self.document else {
            return false;
        };
        self.stamp
            .map_or(Expect::Absent, Expect::Stamp)
            .violated(document)
    }
}

/// The work of a recovery file, read by the parser of its own kind of file.
fn work_of(file: &RecoveryFile, path: &Path) -> Result<Work, String> {
    let bytes = |value: &serde_json::Value| serde_json::to_vec(value).unwrap_or_default();
    match (&file.assessment, &file.framework, &file.comparison) {
        (Some(a), None, None) => super::parse(&bytes(a), path)
            .map(|a| Work::Assessment(Box::new(a)))
            .map_err(|e| e.to_string()),
        (None, Some(f), None) => Framework::parse(&bytes(f), path)
            .map(|f| Work::Framework(Box::new(f)))
            .map_err(|e| e.to_string()),
        (None, None, Some(c)) => Comparison::parse(&bytes(c), path)
            .map(|c| Work::Comparison(Box::new(c)))
            .map_err(|e| e.to_string()),
        _ => Err("it holds no work, or more than one".to_owned()),
    }
}

/// A recovery file that could not be read: its path and why, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The recovery file.
    pub file: PathBuf,
    /// What is wrong with it.
    pub reason: String,
}

/// The folder recovery files live in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryFolder {
    folder: PathBuf,
}

impl RecoveryFolder {
    /// Recovery files in `folder` (created on the first write).
    #[must_use]
    pub fn new(folder: PathBuf) -> Self {
        Self { folder }
    }

    /// The folder.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.folder
    }

    /// The recovery file of a piece of work.
    #[must_use]
    pub fn file_for(&self, key: &RecoveryKey) -> PathBuf {
        self.folder.join(key.file_name())
    }

    /// Writes a document's edits atomically (the folder is created when missing).
    ///
    /// # Errors
    /// The folder cannot be created or the file cannot be written.
    pub fn write(&self, recovery: &Recovery) -> Result<(), SaveError> {
        disk::create_dir_all(&self.folder)?;
        disk::write_atomic(&self.file_for(&recovery.key), &recovery.to_json())
    }

    /// Removes the recovery file of a piece of work; a file that is not there is fine.
    ///
    /// # Errors
    /// The file exists and cannot be removed.
    pub fn remove(&self, key: &RecoveryKey) -> Result<(), SaveError> {
        disk::remove_file(&self.file_for(key))
    }

    /// Every recovery file in the folder, oldest first; unreadable ones with the reason.
    #[must_use]
    pub fn list(&self) -> (Vec<Recovery>, Vec<Unreadable>) {
        let Ok(entries) = disk::list(&self.folder) else {
            return (Vec::new(), Vec::new());
        };
        let mut found = Vec::new();
        let mut unreadable = Vec::new();
        for path in entries.into_iter().map(|e| e.path) {
            let is_recovery = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(RECOVERY_EXTENSION));
            if !is_recovery {
                continue;
            }
            let read = disk::read_limited(&path, super::FileKind::Recovery)
                .map_err(|e| e.to_string())
                .and_then(|bytes| Recovery::parse(&bytes, &path));
            match read {
                Ok(recovery) => found.push(recovery),
                Err(reason) => unreadable.push(Unreadable { file: path, reason }),
            }
        }
        found.sort_by_key(|r| r.written_at);
        (found, unreadable)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn edited(title: &str) -> Work {
        let mut assessment = Assessment::blank();
        assessment.role.title = title.into();
        Work::Assessment(Box::new(assessment))
    }

    #[test]
    fn writes_lists_and_removes_recovery_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let document = dir.path().join("role.aijri.json");
        let key = RecoveryKey::file(&document);
        folder
            .write(&Recovery::new(
                key.clone(),
                Some(document.clone()),
                None,
                edited("Edited"),
            ))
            .unwrap();
        let (found, unreadable) = folder.list();
        assert!(unreadable.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].document.as_deref(), Some(document.as_path()));
        assert_eq!(found[0].work, edited("Edited"));
        assert!(!found[0].file_changed_since());
        std::fs::write(&document, "{}").unwrap();
        assert!(found[0].file_changed_since());
        folder.remove(&key).unwrap();
        assert!(folder.list().0.is_empty());
        folder.remove(&key).unwrap();
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().to_owned());
        std::fs::write(dir.path().join(format!("x{RECOVERY_EXTENSION}")), "{ trunc").unwrap();
        let (found, unreadable) = folder.list();
        assert!(found.is_empty());
        assert_eq!(unreadable.len(), 1);
    }

    #[test]
    fn recovery_file_names_are_the_same_with_every_build() {
        // XXH3 of the key: fixed by its specification, unlike std's DefaultHasher.
        let key = RecoveryKey::file(Path::new("/lib/role.aijri.json"));
        assert_eq!(
            key.file_name(),
            format!(
                "{:016x}{RECOVERY_EXTENSION}",
                xxhash_rust::xxh3::xxh3_64(b"file:/lib/role.aijri.json")
            )
        );
        assert_eq!(key.file_name().len(), 16 + RECOVERY_EXTENSION.len());
    }

    #[test]
    fn a_framework_beyond_its_bounds_in_a_recovery_file_is_refused() {
        let mut framework = Framework::published().clone();
        framework.id = "huge".into();
        framework.principles[0].max = 2_000_000_000;
        let recovery = Recovery::new(
            RecoveryKey::framework("huge"),
            None,
            None,
            Work::Framework(Box::new(framework)),
        );
        let bytes = recovery.to_json();
        assert!(Recovery::parse(&bytes, Path::new("r.json")).is_err());
    }

    #[test]
    fn an_older_recovery_file_of_an_assessment_still_reads() {
        let mut assessment = Assessment::blank();
        assessment.role.title = "Old".into();
        let old = serde_json::json!({
            "format": "aijri-recovery", "document": "/lib/old.aijri.json", "stamp": null,
            "written_at": 5, "assessment": assessment,
        });
        let recovery = Recovery::parse(&serde_json::to_vec(&old).unwrap(), Path::new("r")).unwrap();
        assert_eq!(
            recovery.key,
            RecoveryKey::file(Path::new("/lib/old.aijri.json"))
        );
        assert_eq!(recovery.work, Work::Assessment(Box::new(assessment)));
    }
}
