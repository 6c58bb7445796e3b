//! File dialogs drawn inside the window, for desktops that offer no native dialog (no desktop
//! portal with a file chooser: a bare X server, minimal window managers). Requests queue up from
//! any thread; the window shows them one at a time and hands each answer back.
//!
//! The dialog never touches the disk on the window's thread: each folder is listed on a thread
//! of its own and drawn when its listing arrives (a slow network share shows "Reading…", the
//! window stays responsive). Every field and button has an accessible name. The dialog does not
//! ask about replacing a file: the window asks, after the file's extension is added.

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

use egui::RichText;

use super::picker::{DialogKind, FilePicker, PickAnswer, PickRequest, Reply};
use crate::library::disk::{self, Listed};

/// The in-window dialogs: cheap to clone, every clone shows the same queue.
#[derive(Clone, Default)]
pub struct InWindowPicker {
    dialogs: Arc<Mutex<Dialogs>>,
}

/// The dialog on screen and those waiting for it to close.
#[derive(Default)]
struct Dialogs {
    waiting: VecDeque<(PickRequest, Reply)>,
    open: Option<(Dialog, Reply)>,
    /// The window's context, to wake it when a request arrives from another thread.
    ctx: Option<egui::Context>,
}

impl std::fmt::Debug for InWindowPicker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InWindowPicker").finish_non_exhaustive()
    }
}

impl FilePicker for InWindowPicker {
    fn pick(&self, request: PickRequest, reply: Reply) {
        if let Ok(mut dialogs) = self.dialogs.lock() {
            dialogs.waiting.push_back((request, reply));
            if let Some(ctx) = &dialogs.ctx {
                ctx.request_repaint();
            }
        }
    }

    fn show(&self, ctx: &egui::Context) {
        let answer = {
            let Ok(mut dialogs) = self.dialogs.lock() else {
                return;
            };
            dialogs.ctx.get_or_insert_with(|| ctx.clone());
            if dialogs.open.is_none()
                && let Some((request, reply)) = dialogs.waiting.pop_front()
            {
                dialogs.open = Some((Dialog::new(request, ctx), reply));
            }
            let Some((dialog, _)) = dialogs.open.as_mut() else {
                return;
            };
            match dialog.show(ctx) {
                None => return,
                Some(paths) => dialogs.open.take().map(|(_, reply)| (reply, paths)),
            }
        };
        // The answer is handed over without the lock held: it wakes the window.
        if let Some((reply, paths)) = answer {
            reply(PickAnswer {
                paths,
                replace_asked: false,
            });
        }
    }
}

/// A folder's listing, as it arrives from its thread.
enum Listing {
    /// Being read.
    Reading,
    /// The folders and the files the filters show, folders first.
    Ready(Vec<Listed>),
    /// It could not be read.
    Failed(String),
}

/// One dialog on screen.
struct Dialog {
    request: PickRequest,
    folder: PathBuf,
    /// The folder field as typed.
    folder_text: String,
    listing: Listing,
    listings: Receiver<(PathBuf, std::io::Result<Vec<Listed>>)>,
    sender: std::sync::mpsc::Sender<(PathBuf, std::io::Result<Vec<Listed>>)>,
    /// The file name field (save dialogs).
    name: String,
    /// The files ticked (open dialogs).
    chosen: BTreeSet<PathBuf>,
}

impl Dialog {
    fn new(request: PickRequest, ctx: &egui::Context) -> Self {
        let folder = request
            .start_dir
            .clone()
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = match &request.kind {
            DialogKind::SaveFile { file_name } => file_name.clone(),
            DialogKind::OpenFiles | DialogKind::OpenFolder => String::new(),
        };
        let (sender, listings) = channel();
        let mut dialog = Self {
            request,
            folder_text: folder.display().to_string(),
            folder: folder.clone(),
            listing: Listing::Reading,
            listings,
            sender,
            name,
            chosen: BTreeSet::new(),
        };
        dialog.go_to(folder, ctx);
        dialog
    }

    /// Shows `folder`: its listing is read on a thread of its own.
    fn go_to(&mut self, folder: PathBuf, ctx: &egui::Context) {
        self.folder_text = folder.display().to_string();
        self.folder = folder.clone();
        self.listing = Listing::Reading;
        self.chosen.clear();
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("list-folder".into())
            .spawn(move || {
                let listing = disk::list(&folder);
                // The dialog may be gone: nothing to show then.
                let _ = sender.send((folder, listing));
                ctx.request_repaint();
            });
    }

    /// Takes the listing of the folder shown, when it has arrived.
    fn receive(&mut self) {
        for (folder, listing) in self.listings.try_iter() {
            if folder != self.folder {
                continue;
            }
            self.listing = match listing {
                Ok(entries) => Listing::Ready(self.shown(entries)),
                Err(error) => {
                    Listing::Failed(format!("{}: cannot read: {error}", folder.display()))
                }
            };
        }
    }

    /// The entries the dialog lists: folders, then the files its filters allow; hidden ones left
    /// out.
    fn shown(&self, entries: Vec<Listed>) -> Vec<Listed> {
        let suffixes: Vec<String> = self
            .request
            .filters
            .iter()
            .flat_map(|(_, extensions)| extensions.iter())
            .map(|extension| format!(".{}", extension.to_lowercase()))
            .collect();
        let folders_only = self.request.kind == DialogKind::OpenFolder;
        let (mut folders, files): (Vec<Listed>, Vec<Listed>) = entries
            .into_iter()
            .filter(|e| !super::store::file_name(&e.path).starts_with('.'))
            .filter(|e| e.is_dir || (!folders_only && shown(&e.path, &suffixes)))
            .partition(|e| e.is_dir);
        folders.extend(files);
        folders
    }

    /// Draws the dialog; `Some` with the chosen paths once the user confirms (empty: cancelled).
    fn show(&mut self, ctx: &egui::Context) -> Option<Vec<PathBuf>> {
        self.receive();
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("in-window file dialog")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(&self.request.title);
            self.folder_row(ui, ctx);
            ui.separator();
            self.entries(ui, ctx, &mut answer);
            ui.separator();
            self.buttons(ui, &mut answer);
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(Vec::new());
        }
        answer
    }

    /// Up one folder, and the folder's path to edit (Enter goes there).
    fn folder_row(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        ui.horizontal(|ui| {
            let up = ui.button("⬆").on_hover_text("Up one folder");
            if up.clicked()
                && let Some(parent) = self.folder.parent()
            {
                self.go_to(parent.to_path_buf(), ctx);
            }
            let label = ui.label("Folder");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let folder = PathBuf::from(self.folder_text.trim());
                self.go_to(folder, ctx);
            }
        });
    }

    /// The folder's entries: a folder opens on a click; a file is ticked (open) or named (save),
    /// and a double click confirms it.
    fn entries(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &egui::Context,
        answer: &mut Option<Vec<PathBuf>>,
    ) {
        let entries = match &self.listing {
            Listing::Reading => {
                ui.label("Reading the folder…");
                return;
            }
            Listing::Failed(message) => {
                ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
                return;
            }
            Listing::Ready(entries) => entries.clone(),
        };
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                if entries.is_empty() {
                    ui.label("Nothing to show here.");
                }
                for entry in entries {
                    let name = super::store::file_name(&entry.path);
                    let text = if entry.is_dir {
                        format!("📁 {name}")
                    } else {
                        format!("🗋 {name}")
                    };
                    let on = self.chosen.contains(&entry.path);
                    let response = ui.selectable_label(on, text);
                    if response.double_clicked() && !entry.is_dir {
                        *answer = Some(vec![entry.path.clone()]);
                    } else if response.clicked() {
                        self.entry_clicked(entry, ctx);
                    }
                }
            });
    }

    fn entry_clicked(&mut self, entry: Listed, ctx: &egui::Context) {
        if entry.is_dir {
            self.go_to(entry.path, ctx);
            return;
        }
        match self.request.kind {
            DialogKind::SaveFile { .. } => self.name = super::store::file_name(&entry.path),
            DialogKind::OpenFiles => {
                if !self.chosen.remove(&entry.path) {
                    self.chosen.insert(entry.path);
                }
            }
            DialogKind::OpenFolder => {}
        }
    }

    /// The file name (save dialogs), then the button that confirms and Cancel.
    fn buttons(&mut self, ui: &mut egui::Ui, answer: &mut Option<Vec<PathBuf>>) {
        let mut enter = false;
        if matches!(self.request.kind, DialogKind::SaveFile { .. }) {
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
        }
        let (confirm, paths) = match self.request.kind {
            DialogKind::SaveFile { .. } => {
                let name = self.name.trim();
                let valid = !name.is_empty() && !name.contains(['/', '\\']);
                ("Save", valid.then(|| vec![self.folder.join(name)]))
            }
            DialogKind::OpenFiles => (
                "Open",
                (!self.chosen.is_empty()).then(|| self.chosen.iter().cloned().collect()),
            ),
            DialogKind::OpenFolder => ("Choose this folder", Some(vec![self.folder.clone()])),
        };
        ui.horizontal(|ui| {
            let button = ui.add_enabled(paths.is_some(), egui::Button::new(confirm));
            if (button.clicked() || enter)
                && let Some(paths) = paths
            {
                *answer = Some(paths);
            }
            if ui.button("Cancel").clicked() {
                *answer = Some(Vec::new());
            }
        });
    }
}

/// Whether a file is listed: its name ends with one of the filters' extensions (any case), or
/// there is no filter, or a filter allows any file (`*`).
fn shown(path: &Path, suffixes: &[String]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    suffixes.is_empty()
        || suffixes
            .iter()
            .any(|suffix| suffix == ".*" || name.ends_with(suffix.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suffixes(extensions: &[&str]) -> Vec<String> {
        extensions.iter().map(|e| format!(".{e}")).collect()
    }

    #[test]
    fn lists_files_with_a_filtered_extension_in_any_case() {
        let json = suffixes(&["json"]);
        assert!(shown(Path::new("/lib/role.aijri.json"), &json));
        assert!(shown(Path::new("/lib/ROLE.JSON"), &json));
        assert!(!shown(Path::new("/lib/notes.txt"), &json));
    }

    #[test]
    fn lists_every_file_without_a_filter_or_with_a_star() {
        assert!(shown(Path::new("/lib/notes.txt"), &[]));
        assert!(shown(Path::new("/lib/notes.txt"), &suffixes(&["*"])));
    }
}
