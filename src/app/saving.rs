//! Saving, off the UI thread. A save job checks each file against what it held when loaded (so
//! someone else's change is never overwritten without asking), writes atomically, and reports
//! back; the document is then marked saved as of the version written, so edits made while the
//! job ran stay unsaved. Every path that saves comes here: Ctrl+S, the close guard's Save, save
//! before opening another library, Save as and Save as variant.

use std::path::PathBuf;

use super::AijriApp;
use super::questions::{Question, Then};
use super::store::{DocId, Document, Edit, Scoring};
use super::variant::PendingVariant;
use crate::adjust;
use crate::library::{self, FileStamp};
use crate::model::Assessment;

/// What the file on disk should hold before it is overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// What it held when loaded or last saved.
    Stamp(FileStamp),
    /// Nothing: the document was never saved, so a file there is someone else's.
    Absent,
    /// Anything: the user chose the file in a save dialog, which asked about replacing it.
    Anything,
}

impl Expect {
    /// Whether the file at `path` no longer holds what was expected.
    fn violated(self, path: &std::path::Path) -> bool {
        match self {
            Self::Stamp(stamp) => library::changed_on_disk(path, stamp),
            Self::Absent => path.exists(),
            Self::Anything => false,
        }
    }
}

/// One document to write.
#[derive(Debug, Clone)]
pub struct SaveItem {
    /// The document.
    pub doc: DocId,
    /// Where to write it.
    pub path: PathBuf,
    /// The version to write.
    pub assessment: Assessment,
    /// What the file should hold now.
    pub expect: Expect,
}

/// What a save job reports.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Some files changed on disk: nothing was written; ask first.
    Conflict {
        /// Every document of the save.
        docs: Vec<DocId>,
        /// Those whose files someone else changed.
        changed: Vec<DocId>,
    },
    /// The files were written, or each failure with its message naming the file.
    Written(Vec<(SaveItem, Result<FileStamp, String>)>),
}

/// What to do once every file of a save was written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AfterSave {
    /// Carry on with what the user asked for (quit, open a library).
    pub then: Option<Then>,
    /// A variant was saved: its original goes back to its file.
    pub revert: Option<DocId>,
    /// Select this document.
    pub select: Option<DocId>,
}

/// The save job: checks, then writes. Runs on a worker thread.
pub fn run(items: Vec<SaveItem>) -> SaveOutcome {
    let changed: Vec<DocId> = items
        .iter()
        .filter(|item| item.expect.violated(&item.path))
        .map(|item| item.doc)
        .collect();
    if !changed.is_empty() {
        return SaveOutcome::Conflict {
            docs: items.iter().map(|item| item.doc).collect(),
            changed,
        };
    }
    let written = items
        .into_iter()
        .map(|item| {
            let result =
                library::save_atomic(&item.path, &item.assessment).map_err(|e| e.to_string());
            (item, result)
        })
        .collect();
    SaveOutcome::Written(written)
}

impl AijriApp {
    /// Saves documents to their files, then runs `then` if every one was written. Files someone
    /// else changed since they were loaded are overwritten only once the user agreed
    /// (`overwrite`).
    pub(super) fn save(&mut self, docs: Vec<DocId>, overwrite: bool, then: Option<Then>) {
        let mut items = Vec::new();
        for id in docs {
            let Some(entry) = self.state.store.entry(id) else {
                self.state
                    .notify(true, "That role is no longer open: nothing was saved.");
                return;
            };
            let Some(doc) = entry.doc() else { continue };
            let expect = match (overwrite, doc.stamp()) {
                (true, _) => Expect::Anything,
                (false, Some(stamp)) => Expect::Stamp(stamp),
                (false, None) => Expect::Absent,
            };
            items.push(SaveItem {
                doc: id,
                path: entry.path.clone(),
                assessment: doc.assessment().clone(),
                expect,
            });
        }
        let after = AfterSave {
            then,
            ..AfterSave::default()
        };
        self.spawn_save(items, after);
    }

    /// Brings in what a save job did: marks the documents saved, or asks about the files that
    /// changed on disk, then carries on.
    pub(super) fn saved(&mut self, outcome: SaveOutcome, after: AfterSave) {
        match outcome {
            SaveOutcome::Conflict { docs, changed } => {
                self.state.question = Some(Question::Overwrite {
                    docs,
                    changed,
                    then: after.then,
                });
            }
            SaveOutcome::Written(results) => {
                let mut failed = false;
                for (item, result) in results {
                    failed |= !self.written(item, result);
                }
                if failed {
                    return;
                }
                if let Some(original) = after.revert {
                    self.state.store.edit(
                        original,
                        Edit::Revert,
                        &Scoring::of(&self.state.frameworks, &self.state.view_under),
                    );
                }
                if let Some(id) = after.select {
                    self.state.selected = Some(id);
                }
                if let Some(then) = after.then {
                    self.run(then);
                }
            }
        }
    }

    fn written(&mut self, item: SaveItem, result: Result<FileStamp, String>) -> bool {
        match result {
            Ok(stamp) => {
                let path = item.path;
                self.state.settings.add_recent(&path);
                self.state
                    .notify(false, format!("Saved {}", path.display()));
                self.state
                    .store
                    .mark_saved(item.doc, path, item.assessment, stamp);
                true
            }
            Err(message) => {
                self.state.notify(true, message);
                false
            }
        }
    }

    /// Saves a document under a new path: the document moves there ("save as"), or `variant` (a
    /// copy of it made by [`AijriApp::prepare_variant`]) is written there as a new document and
    /// the original goes back to its saved state ("save as variant"). A path open in another
    /// document with unsaved edits is replaced only once the user agreed.
    pub(super) fn save_as(
        &mut self,
        id: DocId,
        path: PathBuf,
        variant: Option<Box<Assessment>>,
        confirmed: bool,
    ) {
        let store = &self.state.store;
        let Some(doc) = store.doc(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was saved.");
            return;
        };
        let other = store.by_path(&path).filter(|&other| other != id);
        let at_risk = other.is_some_and(|o| store.doc(o).is_some_and(Document::is_dirty));
        if !confirmed && at_risk {
            self.state.question = Some(Question::ReplaceOpen {
                doc: id,
                path,
                variant,
                other,
            });
            return;
        }
        let assessment = doc.assessment().clone();
        if let Some(other) = other {
            // The other document's file is replaced: it leaves the library, its edits
            // discarded, as the user agreed.
            self.state.store.discard_recovery(&[other]);
            self.state.store.forget(other);
        }
        let (doc, assessment, after) = match variant {
            Some(variant) => {
                let new = self.add_new((*variant).clone(), Some(&path));
                self.state.selected = Some(id);
                let after = AfterSave {
                    revert: Some(id),
                    select: Some(new),
                    then: None,
                };
                (new, *variant, after)
            }
            None => (id, assessment, AfterSave::default()),
        };
        let item = SaveItem {
            doc,
            path,
            assessment,
            expect: Expect::Anything,
        };
        self.spawn_save(vec![item], after);
    }

    /// Save as variant, once the file is chosen: the variant of the document's saved version
    /// that its edits make, with where it came from and what it changed. The adviser is asked
    /// why for each change that has no reason yet; with none, it is saved at once.
    pub(super) fn prepare_variant(&mut self, id: DocId, path: PathBuf) {
        let Some(entry) = self.state.store.entry(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was saved.");
            return;
        };
        let Some(doc) = entry.doc() else { return };
        let files = adjust::VariantFiles {
            source: &entry.path,
            variant: &path,
        };
        let variant = adjust::variant_of(doc.saved_version(), doc.assessment(), files);
        let pending = PendingVariant {
            doc: id,
            path,
            variant,
        };
        if pending
            .variant
            .adjustments
            .iter()
            .any(|a| a.reason.trim().is_empty())
        {
            self.views.reasons.ask(pending, &self.state);
        } else {
            self.save_as(id, pending.path, Some(Box::new(pending.variant)), false);
        }
    }
}
