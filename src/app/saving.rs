//! Saving assessments, and what every write's answer does. A save goes through the document's
//! queue of the I/O service, which checks the file against what it held when loaded (so someone
//! else's change is never overwritten without asking) and writes atomically; the document is then
//! marked saved as of the version written, so edits made while the write ran stay unsaved. Every
//! path that saves comes here: Ctrl+S, the close question's Save, Save as, Save as variant, save
//! mine as a copy.

use std::path::PathBuf;

use super::AijriApp;
use super::io::{Content, QueueKey, WriteAnswer, WriteFailure, WriteOf, WriteRequest};
use super::questions::{Question, Replacement};
use super::store::{DocId, Edit, Scoring};
use super::variant::PendingVariant;
use crate::adjust;
use crate::library::{self, Expect, FileStamp};
use crate::model::Assessment;

/// What to do once an assessment is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AfterSave {
    /// A variant was saved: its original goes back to its file.
    pub revert: Option<DocId>,
    /// Select this document.
    pub select: Option<DocId>,
}

impl AijriApp {
    /// Saves documents to their files, each through its own queue.
    pub(super) fn save(&mut self, docs: &[DocId]) {
        for &id in docs {
            let Some(entry) = self.state.store.entry(id) else {
                self.state
                    .notify(true, "That role is no longer open: nothing was saved.");
                self.after_saving = None;
                return;
            };
            let Some(doc) = entry.doc() else { continue };
            let (path, assessment, expect) =
                (entry.path.clone(), doc.assessment().clone(), doc.expected());
            self.write_assessment(id, path, assessment, expect, AfterSave::default());
        }
    }

    /// Queues the write of `assessment` (document `doc`) to `path`, expecting `expect` there.
    pub(super) fn write_assessment(
        &mut self,
        doc: DocId,
        path: PathBuf,
        assessment: Assessment,
        expect: Expect,
        after: AfterSave,
    ) {
        let bytes = library::to_json(&assessment).into_bytes();
        self.io.write(WriteRequest {
            key: QueueKey::Assessment(doc),
            path,
            expect,
            content: Content::Bytes(bytes),
            make_folder: false,
            of: WriteOf::Assessment {
                doc,
                saved: Box::new(assessment),
                after,
            },
        });
    }

    /// A write ended: the document, variant, comparison or export it was for takes the answer; a
    /// file found where none was expected, or changed by someone else, is asked about.
    pub(super) fn wrote(&mut self, answer: WriteAnswer) {
        let WriteAnswer { of, path, result } = answer;
        match result {
            Ok(stamp) => self.written(of, path, stamp.unwrap_or_else(|| FileStamp::of(&[]))),
            Err(WriteFailure::Exists { stamp: _, bytes }) => {
                let open = self.state.store.by_path(&path);
                let retry = retry_of(of, path.clone(), bytes);
                self.ask(Question::Replace {
                    path,
                    open,
                    then: Replacement::Retry(Box::new(retry)),
                });
            }
            Err(WriteFailure::Changed { stamp: _, bytes }) => {
                let retry = retry_of(of, path.clone(), bytes);
                self.ask(Question::Overwrite {
                    path,
                    retry: Box::new(retry),
                });
            }
            Err(WriteFailure::Error(message)) => {
                self.after_saving = None;
                self.state.notify(true, message);
            }
        }
    }

    /// What a write that succeeded changes: the document is marked saved, a notice names the file.
    fn written(&mut self, of: WriteOf, path: PathBuf, stamp: FileStamp) {
        match of {
            WriteOf::Assessment { doc, saved, after } => {
                self.state.settings.add_recent(&path);
                self.state
                    .notify_file(format!("Saved {}", path.display()), path.clone());
                self.state.store.mark_saved(doc, path, *saved, stamp);
                self.after_assessment_saved(after);
            }
            WriteOf::Framework { id, saved } => self.framework_saved(&id, *saved, path, stamp),
            WriteOf::Comparison { file, content } => {
                self.comparison_saved(path, stamp, *file, *content);
            }
            WriteOf::Export { what } => {
                let text = format!("Exported {what} to {}", path.display());
                self.state.notify_file(text, path);
            }
            WriteOf::Renamed { doc, from } => self.renamed(doc, &from, path),
            WriteOf::Trashed { doc: Some(doc) } => self.trashed(doc, &path),
            WriteOf::Trashed { doc: None } => self.template_trashed(&path),
            WriteOf::Template => self.template_copied(path),
            WriteOf::Recovery | WriteOf::Settings(_) => {}
        }
        self.go_on_when_saved();
    }

    fn after_assessment_saved(&mut self, after: AfterSave) {
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
    }

    /// Save as: the document moves to `path` (final and canonical; the user agreed to replace
    /// what is there, when something is).
    pub(super) fn save_as(&mut self, id: DocId, path: PathBuf, expect: Expect) {
        let Some(doc) = self.state.store.doc(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was saved.");
            return;
        };
        let assessment = doc.assessment().clone();
        self.write_assessment(id, path, assessment, expect, AfterSave::default());
    }

    /// Save as variant, once the file is chosen: the variant of the document's saved version
    /// that its edits make, with where it came from and what it changed. The adviser is asked
    /// why for each change that has no reason yet; with none, it is saved at once.
    pub(super) fn prepare_variant(&mut self, id: DocId, path: PathBuf, expect: Expect) {
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
        let mut variant = adjust::variant_of(doc.saved_version(), doc.assessment(), files);
        // The adviser's variant bears their name, where Preferences gives one.
        let assessor = self.state.settings.assessor.trim();
        if !assessor.is_empty() {
            assessor.clone_into(&mut variant.meta.assessor);
        }
        let pending = PendingVariant {
            doc: id,
            path,
            variant,
            expect,
        };
        if pending
            .variant
            .adjustments
            .iter()
            .any(|a| a.reason.trim().is_empty())
        {
            self.views.reasons.ask(pending, &self.state);
        } else {
            let PendingVariant {
                doc,
                path,
                variant,
                expect,
            } = pending;
            self.save_variant(doc, path, variant, expect);
        }
    }

    /// Writes a variant of document `original` to `path` as a new document; once written, the
    /// original goes back to its saved version and the variant is selected.
    pub(super) fn save_variant(
        &mut self,
        original: DocId,
        path: PathBuf,
        variant: Assessment,
        expect: Expect,
    ) {
        if self.state.store.doc(original).is_none() {
            self.state
                .notify(true, "That role is no longer open: nothing was saved.");
            return;
        }
        // The new document moves to `path` once it is written there.
        let new = self.add_new(variant.clone(), Some(&path));
        self.state.selected = Some(original);
        let after = AfterSave {
            revert: Some(original),
            select: Some(new),
        };
        self.write_assessment(new, path, variant, expect, after);
    }
}

/// The write to run again once the user agreed to replace the file: the same bytes, for the
/// same purpose.
fn retry_of(of: WriteOf, path: PathBuf, bytes: Vec<u8>) -> WriteRequest {
    let key = match &of {
        WriteOf::Assessment { doc, .. } | WriteOf::Renamed { doc, .. } => {
            QueueKey::Assessment(*doc)
        }
        WriteOf::Framework { id, .. } => QueueKey::Framework(id.clone()),
        WriteOf::Comparison { .. } => QueueKey::Comparison,
        WriteOf::Recovery
        | WriteOf::Settings(_)
        | WriteOf::Export { .. }
        | WriteOf::Trashed { .. }
        | WriteOf::Template => QueueKey::File(path.clone()),
    };
    // A rename moves the file again (its bytes stay where they are until then).
    let content = match &of {
        WriteOf::Renamed { from, .. } => Content::MoveFrom(from.clone()),
        _ => Content::Bytes(bytes),
    };
    WriteRequest {
        key,
        path,
        expect: Expect::Anything,
        content,
        make_folder: false,
        of,
    }
}
