//! The library in the window: duplicate a role (Ctrl+D), rename its file, move it to the
//! desktop's trash, show it in its folder. Each goes through the document I/O service, on the
//! role's own write queue (after any save still running): a duplicate is a new document written
//! where no file is (`Expect::Absent`), a rename moves the file and asks before replacing one,
//! and the trash keeps the file restorable. The document follows: a renamed role keeps its id
//! (selection, comparison, undo), a role moved to the trash leaves the list.

use std::path::{Path, PathBuf};

use egui::{Context, RichText};

use super::io::{Content, QueueKey, WriteOf, WriteRequest};
use super::questions::Question;
use super::saving::AfterSave;
use super::store::{DocId, Document, file_name};
use super::targets::FileKind;
use super::{Action, AijriApp};
use crate::library::{self, Expect};

/// The rename dialog: the role, and the file name being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameDialog {
    /// The role whose file is renamed.
    pub doc: DocId,
    /// The new name as typed (the extension is added when it lacks it).
    pub name: String,
    /// The file it has now.
    pub current: PathBuf,
    /// Whether the name field was given focus (when the dialog opened): after that, Tab moves
    /// on from it to Rename and Cancel.
    focus_given: bool,
}

impl RenameDialog {
    /// Draws the dialog; Rename (or Enter) hands the new name on, Cancel (or Escape) closes it.
    /// Returns false once it is closed.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) -> bool {
        let mut rename = false;
        let mut cancel = false;
        let problem = name_problem(&self.name);
        let modal = egui::Modal::new(egui::Id::unique("rename file")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Rename file");
            ui.label(format!(
                "{} in {}",
                file_name(&self.current),
                library::folder_of(&self.current).display()
            ));
            ui.add_space(4.0);
            let label = ui.label("New file name:");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if !std::mem::replace(&mut self.focus_given, true) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            match &problem {
                Some(problem) => {
                    ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
                }
                None => {
                    ui.label(
                        RichText::new(format!("The file becomes {}", self.final_name())).weak(),
                    );
                }
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ok = ui.add_enabled(problem.is_none(), egui::Button::new("Rename"));
                rename = ok.clicked() || (entered && problem.is_none());
                cancel = ui.button("Cancel").clicked();
            });
        });
        if rename {
            actions.push(Action::RenameFile(self.doc, self.final_name()));
            return false;
        }
        !(cancel || modal.should_close())
    }

    /// The file name the typed name gives.
    fn final_name(&self) -> String {
        final_name(&self.name)
    }
}

/// The file name a typed name gives: the assessment extension added when it lacks it.
fn final_name(typed: &str) -> String {
    file_name(&FileKind::Assessment.final_path(Path::new(typed.trim())))
}

/// What is wrong with a typed file name, if anything: it must name a file in the same folder.
fn name_problem(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Type a file name.".to_owned());
    }
    if name.contains(['/', '\\']) || name == "." || name == ".." {
        return Some("A file name, without a folder: the file stays in its folder.".to_owned());
    }
    None
}

impl AijriApp {
    /// Ctrl+D: a copy of the role as a new document — “… (copy)”, a new id and a new file beside
    /// the role's — written at once where no file is (a file found there is asked about), then
    /// selected.
    pub(super) fn duplicate(&mut self, id: DocId) {
        let Some(entry) = self.state.store.entry(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was duplicated.");
            return;
        };
        let Some(doc) = entry.doc() else { return };
        let mut copy = doc.assessment().clone();
        copy.role.title = format!("{} (copy)", copy.role.title);
        let path = self
            .state
            .store
            .free_path(Some(&entry.path), &copy.role.title);
        copy.meta.id = self.free_id(&path);
        let framework = self.state.framework_for(&copy);
        let new = self.state.store.open(
            path.clone(),
            Ok(Document::new(copy.clone(), None, framework)),
        );
        self.state.selected = Some(new);
        let after = AfterSave {
            revert: None,
            select: Some(new),
        };
        self.write_assessment(new, path, copy, Expect::Absent, after);
    }

    /// An assessment id from a file's name that no open role uses.
    fn free_id(&self, path: &Path) -> String {
        let name = file_name(path);
        let stem = name
            .strip_suffix(library::EXTENSION)
            .unwrap_or(&name)
            .to_owned();
        (1..)
            .map(|n: u32| match n {
                1 => stem.clone(),
                n => format!("{stem}-{n}"),
            })
            .find(|id| self.state.store.by_assessment_id(id).is_none())
            .unwrap_or(stem)
    }

    /// Opens the rename dialog for a role.
    pub(super) fn ask_rename(&mut self, id: DocId) {
        let Some(path) = self.state.store.path(id).map(Path::to_path_buf) else {
            return;
        };
        let name = file_name(&path);
        let stem = name.strip_suffix(library::EXTENSION).unwrap_or(&name);
        self.views.rename = Some(RenameDialog {
            doc: id,
            name: stem.to_owned(),
            current: path,
            focus_given: false,
        });
    }

    /// Renames a role's file to `name` in its folder, through its write queue; a file there is
    /// asked about first. A role never saved just takes the new name for its first save.
    pub(super) fn rename_file(&mut self, id: DocId, name: String) {
        let Some(entry) = self.state.store.entry(id) else {
            self.state
                .notify(true, "That role is no longer open: nothing was renamed.");
            return;
        };
        let from = entry.path.clone();
        let to = library::folder_of(&from).join(&name);
        if to == from {
            return;
        }
        if self.state.store.by_path(&to).is_some() {
            self.state.notify(
                true,
                format!(
                    "{}: another role open in the window has that file; rename or close it first",
                    to.display()
                ),
            );
            return;
        }
        if entry.doc().is_some_and(|d| d.stamp().is_none()) {
            self.state.store.moved(id, to);
            return;
        }
        self.io.write(WriteRequest {
            key: QueueKey::Assessment(id),
            path: to,
            expect: Expect::Absent,
            content: Content::MoveFrom(from.clone()),
            make_folder: false,
            of: WriteOf::Renamed { doc: id, from },
        });
    }

    /// A role's file was renamed: the document follows it (same id), and the recent files too.
    pub(super) fn renamed(&mut self, doc: DocId, from: &Path, to: PathBuf) {
        self.state.store.moved(doc, to.clone());
        let recent = &mut self.state.settings.recent_files;
        if let Some(at) = recent.iter().position(|p| p == from) {
            recent[at].clone_from(&to);
        }
        let text = format!("Renamed {} to {}", file_name(from), to.display());
        self.state.notify_file(text, to);
    }

    /// Move to trash: at once, or after asking when the role has unsaved edits (they would go
    /// with it). A role never saved has no file: it just closes.
    pub(super) fn ask_trash(&mut self, id: DocId) {
        match self.state.store.doc(id) {
            Some(doc) if doc.is_dirty() => self.ask(Question::Trash { doc: id }),
            Some(_) => self.trash(id),
            None => {}
        }
    }

    /// Moves a role's file to the desktop's trash (restorable there), through its write queue.
    pub(super) fn trash(&mut self, id: DocId) {
        let Some(entry) = self.state.store.entry(id) else {
            return;
        };
        let path = entry.path.clone();
        if entry.doc().is_some_and(|d| d.stamp().is_none()) {
            let title = entry
                .doc()
                .map(|d| d.assessment().display_title())
                .unwrap_or_default();
            self.close_role(id);
            self.state.notify(
                false,
                format!("Closed “{title}”: it was never saved, so there was no file to move"),
            );
            return;
        }
        self.io.write(WriteRequest {
            key: QueueKey::Assessment(id),
            path,
            expect: Expect::Anything,
            content: Content::Trash(self.trash_bin.clone()),
            make_folder: false,
            of: WriteOf::Trashed { doc: Some(id) },
        });
    }

    /// A role's file went to the trash: the role leaves the list.
    pub(super) fn trashed(&mut self, doc: DocId, path: &Path) {
        self.close_role(doc);
        self.state.notify(
            false,
            format!(
                "Moved {} to the trash (restore it from the desktop's trash)",
                file_name(path)
            ),
        );
    }

    /// Closes a role: its edits and recovery file go, and the selection with it.
    fn close_role(&mut self, id: DocId) {
        self.state.store.discard_recovery(&[id]);
        self.state.store.forget(id);
        if self.state.selected == Some(id) {
            self.state.selected = None;
        }
    }

    /// Files moved to the trash go into `folder` instead of the desktop's trash (tests, and
    /// machines without a desktop).
    pub fn trash_into(&mut self, folder: PathBuf) {
        self.trash_bin = library::disk::TrashBin::Folder(folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_name_is_a_name_without_a_folder() {
        assert!(name_problem("junior-dev").is_none());
        assert!(name_problem("  ").is_some());
        assert!(name_problem("../elsewhere").is_some());
        assert!(name_problem("sub/file").is_some());
        assert_eq!(final_name(" junior-dev "), "junior-dev.aijri.json");
        assert_eq!(final_name("junior.json"), "junior.aijri.json");
    }
}
