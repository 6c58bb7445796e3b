//! Framework variants as documents: each has a file (or none yet), what the file held, and an
//! undo history, so a variant being edited has what an assessment has — an unsaved marker, undo
//! and redo through one door, a recovery file and a place in the close question. The variants
//! in use for scoring ([`crate::framework::Frameworks`]) are the current versions of these.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::history::History;
use crate::framework::{Framework, Frameworks};
use crate::library::recovery::RecoveryKey;
use crate::library::{Expect, FileStamp};

/// One framework variant being worked on.
#[derive(Debug, Clone)]
pub struct FrameworkDoc {
    history: History<Framework>,
    file: Option<PathBuf>,
    stamp: Option<FileStamp>,
}

impl FrameworkDoc {
    /// The variant as edited.
    #[must_use]
    pub fn current(&self) -> &Framework {
        self.history.current()
    }

    /// Whether it differs from its file (a variant made in the window counts as saved until it is
    /// first changed: discarding it then loses nothing).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Its file, once it has one.
    #[must_use]
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// What identifies its recovery file.
    #[must_use]
    pub fn recovery_key(&self) -> RecoveryKey {
        match &self.file {
            Some(file) => RecoveryKey::file(file),
            None => RecoveryKey::framework(&self.current().id),
        }
    }

    /// What its file held when read or written.
    #[must_use]
    pub fn stamp(&self) -> Option<FileStamp> {
        self.stamp
    }
}

/// Every framework variant being worked on, by id, in the order added.
#[derive(Debug, Clone, Default)]
pub struct FrameworkDocs {
    docs: Vec<FrameworkDoc>,
}

impl FrameworkDocs {
    /// The variants of a library folder (or files opened), each as read from its file.
    #[must_use]
    pub fn from_files(files: Vec<(Framework, PathBuf, FileStamp)>) -> Self {
        let mut docs = Self::default();
        for (framework, file, stamp) in files {
            docs.add(framework, Some((file, stamp)));
        }
        docs
    }

    /// Adds a variant (replacing one of the same id): read from `file`, or made in the window.
    pub fn add(&mut self, framework: Framework, file: Option<(PathBuf, FileStamp)>) {
        self.docs.retain(|d| d.current().id != framework.id);
        let (file, stamp) = file.map_or((None, None), |(f, s)| (Some(f), Some(s)));
        self.docs.push(FrameworkDoc {
            history: History::new(framework, true),
            file,
            stamp,
        });
    }

    /// The variant with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&FrameworkDoc> {
        self.docs.iter().find(|d| d.current().id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut FrameworkDoc> {
        self.docs.iter_mut().find(|d| d.current().id == id)
    }

    /// The file of a variant, once it has one.
    #[must_use]
    pub fn file(&self, id: &str) -> Option<&Path> {
        self.get(id).and_then(FrameworkDoc::file)
    }

    /// What a variant's file should hold before it is written over.
    #[must_use]
    pub fn expected(&self, id: &str) -> Expect {
        self.get(id)
            .and_then(FrameworkDoc::stamp)
            .map_or(Expect::Absent, Expect::Stamp)
    }

    /// The one door for changes to a variant: `edited` becomes its version, as an undo step.
    /// False when the variant is gone or nothing changed.
    pub fn edit(&mut self, edited: Framework, now: Instant) -> bool {
        let Some(doc) = self.get_mut(&edited.id) else {
            return false;
        };
        doc.history.record(edited, None, now)
    }

    /// Steps a variant back one edit; false when there is none.
    pub fn undo(&mut self, id: &str) -> bool {
        self.get_mut(id).is_some_and(|d| d.history.undo())
    }

    /// Steps a variant forward one undone edit; false when there is none.
    pub fn redo(&mut self, id: &str) -> bool {
        self.get_mut(id).is_some_and(|d| d.history.redo())
    }

    /// Whether a variant has an edit to undo, and one to redo.
    #[must_use]
    pub fn can_undo_redo(&self, id: &str) -> (bool, bool) {
        self.get(id).map_or((false, false), |d| {
            (d.history.can_undo(), d.history.can_redo())
        })
    }

    /// `version` of a variant was written to `file`, which now holds `stamp`.
    pub fn mark_saved(&mut self, id: &str, version: Framework, file: PathBuf, stamp: FileStamp) {
        if let Some(doc) = self.get_mut(id) {
            doc.history.mark_saved(version);
            doc.file = Some(file);
            doc.stamp = Some(stamp);
        }
    }

    /// Brings back a variant's unsaved version (from a recovery file): its file's version, if it
    /// has one, stays the saved one.
    pub fn restore(&mut self, recovered: Framework, file: Option<(Framework, PathBuf, FileStamp)>) {
        let id = recovered.id.clone();
        match file {
            Some((saved, path, stamp)) => self.add(saved, Some((path, stamp))),
            None => {
                self.add(recovered.clone(), None);
                if let Some(doc) = self.get_mut(&id) {
                    doc.history = History::new(recovered.clone(), false);
                }
            }
        }
        self.edit(recovered, Instant::now());
    }

    /// The ids of the variants with unsaved changes.
    #[must_use]
    pub fn dirty(&self) -> Vec<String> {
        self.docs
            .iter()
            .filter(|d| d.is_dirty())
            .map(|d| d.current().id.clone())
            .collect()
    }

    /// The frameworks to score under: the published one and the current version of each variant.
    #[must_use]
    pub fn frameworks(&self) -> Frameworks {
        let mut frameworks = Frameworks::new();
        for doc in &self.docs {
            frameworks.add(doc.current().clone());
        }
        frameworks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(id: &str) -> Framework {
        Framework {
            id: id.into(),
            name: format!("{id} variant"),
            ..Framework::published().clone()
        }
    }

    #[test]
    fn an_edited_variant_is_unsaved_until_undone_or_written() {
        let mut docs = FrameworkDocs::default();
        docs.add(variant("v"), None);
        assert!(docs.dirty().is_empty(), "a fresh copy loses nothing");
        let mut edited = variant("v");
        edited.modifiers.evidence_per_point = 0.06;
        assert!(docs.edit(edited.clone(), Instant::now()));
        assert_eq!(docs.dirty(), vec!["v".to_owned()]);
        assert!(docs.undo("v"));
        assert!(docs.dirty().is_empty());
        assert!(docs.redo("v"));
        docs.mark_saved(
            "v",
            edited.clone(),
            PathBuf::from("/f/v.aijri-framework.json"),
            FileStamp::of(b"v"),
        );
        assert!(docs.dirty().is_empty());
        assert_eq!(docs.expected("v"), Expect::Stamp(FileStamp::of(b"v")));
        assert_eq!(docs.frameworks().get("v"), Some(&edited));
    }
}
