//! The questions asked before work could be lost or a file replaced, as plain data, and the modal
//! that asks them. Each question names what it is about by id; while one is open nothing else
//! happens (shortcuts are off, the modal blocks the window), and further questions wait their turn.

use std::path::PathBuf;

use egui::{Context, RichText};

use super::io::WriteRequest;
use super::picker::Purpose;
use super::store::{DocId, file_name};
use super::unsaved::WorkId;
use super::{Action, AppState};
use crate::library::FileStamp;

/// What to do once the user answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Close the window.
    Quit,
    /// Replace the library by this folder.
    OpenLibrary(PathBuf),
    /// Go back to a document's saved file.
    Revert(DocId),
    /// Open this comparison file in place of the comparison shown.
    OpenComparison(PathBuf),
}

/// What replacing a file goes on with.
#[derive(Debug)]
pub enum Replacement {
    /// A save dialog's choice: write what the dialog was for, replacing what is there (`existing`:
    /// what it held when asked; `None` when only an open role lives there).
    Target {
        /// What the dialog was for.
        purpose: Purpose,
        /// What the file held when the question was asked.
        existing: Option<FileStamp>,
    },
    /// A write that found a file where none was expected: write it again over that file.
    Retry(Box<WriteRequest>),
}

/// A question the user must answer before an action goes ahead.
#[derive(Debug)]
pub enum Question {
    /// This work is unsaved: Save / Discard / Cancel, then `then`.
    Unsaved {
        /// The unsaved work.
        work: Vec<WorkId>,
        /// What to do once answered.
        then: Then,
    },
    /// Revert would discard a document's edits: Discard / Cancel.
    DiscardEdits {
        /// The document.
        doc: DocId,
    },
    /// Someone else changed a file since it was loaded: overwrite it with this version?
    Overwrite {
        /// The file.
        path: PathBuf,
        /// The write, to run again over their change.
        retry: Box<WriteRequest>,
    },
    /// A document with unsaved edits changed on disk: Keep mine / Take theirs / Save mine as a
    /// copy.
    ChangedOutside {
        /// The document.
        doc: DocId,
        /// What the file holds now.
        theirs: Box<crate::library::Loaded>,
    },
    /// Moving a role with unsaved edits to the trash loses them: Move to trash / Cancel.
    Trash {
        /// The role.
        doc: DocId,
    },
    /// A file is there (or a role open in the window lives there): Replace / Cancel.
    Replace {
        /// The file.
        path: PathBuf,
        /// The role open at that path, if any (replacing closes it, discarding its edits).
        open: Option<DocId>,
        /// What replacing goes on with.
        then: Replacement,
    },
}

/// The user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Save the work first.
    Save,
    /// Go on without the edits.
    Discard,
    /// Replace what is on disk (or open) with this version.
    Overwrite,
    /// Do nothing.
    Cancel,
    /// Keep my unsaved version (saving it later asks before overwriting theirs).
    KeepMine,
    /// Take the version on disk.
    TakeTheirs,
    /// Save my version as a copy beside it, and take theirs.
    SaveMineAsCopy,
}

/// Asks the open question, if any. Escape or a click outside answers Cancel.
pub fn ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(question) = &state.question else {
        return;
    };
    let (title, body, buttons) = wording(state, question);
    let modal = egui::Modal::new(egui::Id::unique("question")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title);
        ui.label(body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (text, answer) in buttons {
                if ui.button(RichText::new(text).strong()).clicked() {
                    actions.push(Action::Answer(answer));
                }
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::Answer(Answer::Cancel));
    }
}

/// A piece of unsaved work as the user reads it: the file of an assessment, the name of a
/// framework variant, the comparison's title.
#[must_use]
pub fn describe_work(state: &AppState, work: &WorkId) -> String {
    match work {
        WorkId::Assessment(id) => state
            .store
            .path(*id)
            .map_or_else(|| "a role no longer open".to_owned(), file_name),
        WorkId::Framework(id) => {
            let name = state
                .frameworks
                .get(id)
                .map_or_else(|| id.clone(), |f| f.name.clone());
            format!("the framework variant “{name}”")
        }
        WorkId::Comparison => match state.comparison.title().trim() {
            "" => "the comparison".to_owned(),
            title => format!("the comparison “{title}”"),
        },
    }
}

/// Several pieces of work, one per line.
fn list(state: &AppState, work: &[WorkId]) -> String {
    work.iter()
        .map(|w| format!("• {}", describe_work(state, w)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A document's file name.
fn doc_name(state: &AppState, doc: DocId) -> String {
    describe_work(state, &WorkId::Assessment(doc))
}

fn wording(
    state: &AppState,
    question: &Question,
) -> (&'static str, String, Vec<(&'static str, Answer)>) {
    match question {
        Question::Unsaved { work, .. } => (
            "Unsaved changes",
            format!("This work has unsaved changes:\n{}", list(state, work)),
            vec![
                ("Save", Answer::Save),
                ("Discard", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        ),
        Question::DiscardEdits { doc } => (
            "Revert to the saved file?",
            format!("Your edits to {} will be discarded.", doc_name(state, *doc)),
            vec![
                ("Discard edits", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        ),
        Question::Overwrite { path, .. } => (
            "File changed on disk",
            format!(
                "Someone else changed {} since you opened it. Overwrite it with your version?",
                file_name(path)
            ),
            vec![("Overwrite", Answer::Overwrite), ("Cancel", Answer::Cancel)],
        ),
        Question::ChangedOutside { doc, .. } => (
            "Changed on disk while you edit",
            format!(
                "{} was changed on disk by someone else while you have unsaved edits in it.",
                doc_name(state, *doc)
            ),
            vec![
                ("Keep mine", Answer::KeepMine),
                ("Take theirs", Answer::TakeTheirs),
                ("Save mine as a copy", Answer::SaveMineAsCopy),
            ],
        ),
        Question::Trash { doc } => (
            "Move to the trash?",
            format!(
                "{} has unsaved edits: they are lost when it goes to the trash (its file can be \
                 restored from the desktop's trash as it was last saved).",
                doc_name(state, *doc)
            ),
            vec![
                ("Move to trash", Answer::Discard),
                ("Cancel", Answer::Cancel),
            ],
        ),
        Question::Replace { path, open, .. } => (
            "Replace the file?",
            replace_text(state, path, *open),
            vec![("Replace", Answer::Overwrite), ("Cancel", Answer::Cancel)],
        ),
    }
}

/// "junior-backend-developer.aijri.json already exists in /lib. Replacing it overwrites its
/// contents. It is open in the window as “Junior Backend Developer”, which closes."
fn replace_text(state: &AppState, path: &std::path::Path, open: Option<DocId>) -> String {
    let folder = crate::library::folder_of(path).display();
    let mut text = format!(
        "{} already exists in {folder}. Replacing it overwrites what it holds.",
        file_name(path)
    );
    if let Some(doc) = open.and_then(|id| state.store.doc(id)) {
        let title = doc.assessment().display_title();
        if doc.is_dirty() {
            text.push_str(&format!(
                "\nIt is open in the window as “{title}” with unsaved edits: they are discarded and it closes."
            ));
        } else {
            text.push_str(&format!(
                "\nIt is open in the window as “{title}”, which closes."
            ));
        }
    }
    text
}
