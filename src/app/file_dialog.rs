//! File dialogs drawn inside the window (`egui_file`), for desktops that offer no native dialog
//! (no desktop portal with a file chooser: a bare X server, minimal window managers). Requests
//! queue up from any thread; the window shows them one at a time and hands each answer back.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui_file::{FileDialog, State};

use super::picker::{DialogKind, FilePicker, PickRequest, Reply};

/// The in-window dialogs: cheap to clone, every clone shows the same queue.
#[derive(Clone, Default)]
pub struct InWindowPicker {
    dialogs: Arc<Mutex<Dialogs>>,
}

/// The dialog on screen and those waiting for it to close.
#[derive(Default)]
struct Dialogs {
    waiting: VecDeque<(PickRequest, Reply)>,
    open: Option<(FileDialog, Reply)>,
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
                let mut dialog = dialog_for(&request);
                dialog.open();
                dialogs.open = Some((dialog, reply));
            }
            let Some((dialog, _)) = dialogs.open.as_mut() else {
                return;
            };
            let paths = match dialog.show(ctx).state() {
                State::Open => return,
                State::Selected => chosen_paths(dialog),
                State::Closed | State::Cancelled => Vec::new(),
            };
            dialogs.open.take().map(|(_, reply)| (reply, paths))
        };
        // The answer is handed over without the lock held: it wakes the window.
        if let Some((reply, paths)) = answer {
            reply(paths);
        }
    }
}

/// The dialog a request asks for: its kind, title, start folder and file filter.
fn dialog_for(request: &PickRequest) -> FileDialog {
    let dialog = match &request.kind {
        DialogKind::OpenFiles => FileDialog::open_file().multi_select(true),
        DialogKind::OpenFolder => FileDialog::select_folder(),
        DialogKind::SaveFile { file_name } => {
            FileDialog::save_file().default_filename(file_name.clone())
        }
    };
    let suffixes: Vec<String> = request
        .filters
        .iter()
        .flat_map(|(_, extensions)| extensions.iter())
        .map(|extension| format!(".{}", extension.to_lowercase()))
        .collect();
    let dialog = dialog
        .title(&request.title)
        .keep_on_top(true)
        .show_files_filter(Box::new(move |path: &Path| shown(path, &suffixes)));
    match &request.start_dir {
        Some(dir) => dialog.initial_path(dir),
        None => dialog,
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

/// The paths the user confirmed: the ticked files, else the one chosen or typed.
fn chosen_paths(dialog: &FileDialog) -> Vec<PathBuf> {
    let ticked: Vec<PathBuf> = dialog
        .selection()
        .into_iter()
        .map(Path::to_path_buf)
        .collect();
    if ticked.is_empty() {
        dialog.path().map(Path::to_path_buf).into_iter().collect()
    } else {
        ticked
    }
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
