//! Recovery files: unsaved edits written to the program's data folder a few seconds after the
//! last change, so that a crash or a power loss loses nothing. One file per document, named after
//! a hash of the document's path, never inside the library folder. Saving or discarding the edits
//! removes the file; the next start after a crash lists what is left and offers it back.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{FileStamp, SaveError, write_atomic};
use crate::model::Assessment;

/// The extension of recovery files.
pub const RECOVERY_EXTENSION: &str = ".aijri-recovery.json";
/// The `format` field of a recovery file.
const RECOVERY_FORMAT: &str = "aijri-recovery";

/// The unsaved edits of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// Always `aijri-recovery`.
    pub format: String,
    /// The document's file (which may not exist yet, for a new assessment).
    pub document: PathBuf,
    /// What the file held when the edits began; `None` for a document never saved.
    pub stamp: Option<FileStamp>,
    /// When the edits were written, in seconds since 1970 (UTC).
    pub written_at: u64,
    /// The assessment with the edits.
    pub assessment: Assessment,
}

impl Recovery {
    /// The edits of a document, stamped now.
    #[must_use]
    pub fn new(document: PathBuf, stamp: Option<FileStamp>, assessment: Assessment) -> Self {
        let written_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            format: RECOVERY_FORMAT.to_owned(),
            document,
            stamp,
            written_at,
            assessment,
        }
    }

    /// Whether the document's file changed since the edits began (then restoring them would
    /// replace someone else's change: the user is warned).
    #[must_use]
    pub fn file_changed_since(&self) -> bool {
        match self.stamp {
            Some(stamp) => super::changed_on_disk(&self.document, stamp),
            None => self.document.exists(),
        }
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

    /// The recovery file of a document.
    #[must_use]
    pub fn file_for(&self, document: &Path) -> PathBuf {
        let mut hasher = DefaultHasher::new();
        document.hash(&mut hasher);
        self.folder
            .join(format!("{:016x}{RECOVERY_EXTENSION}", hasher.finish()))
    }

    /// Writes a document's edits atomically.
    ///
    /// # Errors
    /// The folder cannot be created or the file cannot be written.
    pub fn write(&self, recovery: &Recovery) -> Result<(), SaveError> {
        let file = self.file_for(&recovery.document);
        std::fs::create_dir_all(&self.folder).map_err(|source| SaveError::Io {
            path: self.folder.clone(),
            source,
        })?;
        let json = serde_json::to_vec(recovery).map_err(|e| SaveError::Io {
            path: file.clone(),
            source: std::io::Error::other(e),
        })?;
        write_atomic(&file, &json)
    }

    /// Removes a document's recovery file; a file that is not there is fine.
    ///
    /// # Errors
    /// The file exists and cannot be removed.
    pub fn remove(&self, document: &Path) -> Result<(), SaveError> {
        let file = self.file_for(document);
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SaveError::Io {
                path: file,
                source: e,
            }),
            _ => Ok(()),
        }
    }

    /// Every recovery file in the folder, oldest first; unreadable ones with the reason.
    #[must_use]
    pub fn list(&self) -> (Vec<Recovery>, Vec<Unreadable>) {
        let Ok(dir) = std::fs::read_dir(&self.folder) else {
            return (Vec::new(), Vec::new());
        };
        let mut found = Vec::new();
        let mut unreadable = Vec::new();
        for path in dir.filter_map(Result::ok).map(|e| e.path()) {
            let is_recovery = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(RECOVERY_EXTENSION));
            if !is_recovery {
                continue;
            }
            match read(&path) {
                Ok(recovery) => found.push(recovery),
                Err(reason) => unreadable.push(Unreadable { file: path, reason }),
            }
        }
        found.sort_by_key(|r| r.written_at);
        (found, unreadable)
    }
}

fn read(path: &Path) -> Result<Recovery, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let recovery: Recovery = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if recovery.format != RECOVERY_FORMAT {
        return Err(format!(
            "not a recovery file (format `{}`)",
            recovery.format
        ));
    }
    Ok(recovery)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn writes_lists_and_removes_recovery_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let document = dir.path().join("role.aijri.json");
        let mut assessment = Assessment::blank();
        assessment.role.title = "Edited".into();
        folder
            .write(&Recovery::new(document.clone(), None, assessment.clone()))
            .unwrap();
        let (found, unreadable) = folder.list();
        assert!(unreadable.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].document, document);
        assert_eq!(found[0].assessment, assessment);
        assert!(!found[0].file_changed_since());
        std::fs::write(&document, "{}").unwrap();
        assert!(found[0].file_changed_since());
        folder.remove(&document).unwrap();
        assert!(folder.list().0.is_empty());
        folder.remove(&document).unwrap();
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
}
