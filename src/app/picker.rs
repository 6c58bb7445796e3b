//! File dialogs behind a small trait: the native one runs `rfd` off the UI thread (or, where the
//! desktop has no portal for it, draws the dialog in the window) and hands the answer back over a
//! channel; tests inject a scripted picker that answers at once.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};

pub use super::file_dialog::InWindowPicker;
use super::store::DocId;

/// What the user is choosing a path for; comes back with the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Open assessment files.
    OpenFiles,
    /// Open a library folder.
    OpenFolder,
    /// Open a framework file.
    OpenFramework,
    /// Save the framework with this id.
    SaveFramework(String),
    /// Save this document under a new name.
    SaveAs(DocId),
    /// Save a copy of this document with a new id.
    SaveVariant(DocId),
    /// Import published text files.
    ImportText,
    /// Export this document in a format.
    Export(DocId, ExportFormat),
    /// Export the library or the comparison set as CSV.
    ExportCsv(CsvScope),
    /// Export the comparison chart as PNG.
    ExportChartPng,
    /// Export the Pathways chart of the selected role as PNG.
    ExportPathwaysPng,
    /// Save the comparison set as a comparison file.
    SaveComparison,
    /// Open a comparison file.
    OpenComparison,
    /// Export the client report (PDF) of the comparison set.
    ExportClientReport,
}

/// Which roles a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvScope {
    /// Every role of the library that loaded.
    Library,
    /// The comparison set (the ticked roles, or the selected one).
    Comparison,
}

impl CsvScope {
    /// The file name the save dialog suggests.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Library => "aijri-library.csv",
            Self::Comparison => "aijri-comparison.csv",
        }
    }
}

/// The formats one assessment can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The published text format (imports back to the same assessment).
    Text,
    /// A Markdown report for a client.
    Markdown,
}

/// The kind of dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// Choose one or more existing files.
    OpenFiles,
    /// Choose a folder.
    OpenFolder,
    /// Choose where to write a file, suggesting a name.
    SaveFile {
        /// The suggested file name.
        file_name: String,
    },
}

/// A request for a path.
#[derive(Debug, Clone)]
pub struct PickRequest {
    /// What the answer is for.
    pub purpose: Purpose,
    /// The dialog to show.
    pub kind: DialogKind,
    /// The dialog's title.
    pub title: String,
    /// File type filters: a name and its extensions.
    pub filters: Vec<(String, Vec<String>)>,
    /// The folder to start in.
    pub start_dir: Option<PathBuf>,
}

/// What a dialog answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickAnswer {
    /// The chosen paths (none when cancelled).
    pub paths: Vec<PathBuf>,
    /// Whether the dialog itself asked before replacing the file chosen (the desktop's save
    /// dialogs do; the window then does not ask a second time about that very file).
    pub replace_asked: bool,
}

/// The answer of a dialog, handed to the app.
pub type Reply = Box<dyn FnOnce(PickAnswer) + Send>;

/// Shows file dialogs. The answer goes to `reply`, which wakes the window.
pub trait FilePicker: Send {
    /// Starts a dialog; must not block the calling (UI) thread.
    fn pick(&self, request: PickRequest, reply: Reply);

    /// Draws the dialogs this picker shows inside the window; the window calls it every frame.
    /// Pickers whose dialogs are windows of their own draw nothing.
    fn show(&self, _ctx: &egui::Context) {}
}

/// Environment variable that, set to `window`, makes every file dialog the in-window one (for a
/// desktop whose portal answers but whose dialogs do not work).
pub const FILE_DIALOG_VAR: &str = "AIJRI_DESK_FILE_DIALOG";

/// The operating system's dialogs through `rfd`, each waited on by a thread of its own; on Linux
/// and the BSDs these come from the desktop portal, and where no portal offers a file chooser the
/// dialogs are drawn in the window instead ([`InWindowPicker`]).
#[derive(Debug)]
pub struct NativePicker {
    /// Whether native dialogs are available: known at once on Windows and macOS, asked of D-Bus
    /// by the first dialog's thread elsewhere.
    native: Arc<OnceLock<bool>>,
    in_window: InWindowPicker,
}

impl NativePicker {
    /// A picker that finds out on the first dialog which kind of dialog the desktop offers.
    #[must_use]
    pub fn new() -> Self {
        let native = Arc::new(OnceLock::new());
        if std::env::var(FILE_DIALOG_VAR).is_ok_and(|v| v == "window") {
            let _ = native.set(false);
        } else if !ASKS_PORTAL {
            let _ = native.set(true);
        }
        Self {
            native,
            in_window: InWindowPicker::default(),
        }
    }
}

impl Default for NativePicker {
    fn default() -> Self {
        Self::new()
    }
}

impl FilePicker for NativePicker {
    fn pick(&self, request: PickRequest, reply: Reply) {
        match self.native.get() {
            Some(true) => wait_on(native_dialog(request), reply),
            Some(false) => self.in_window.pick(request, reply),
            None => {
                let native = Arc::clone(&self.native);
                let in_window = self.in_window.clone();
                // Should no thread be available, no dialog opens and no answer comes: the app
                // never waits on one, so it stays usable.
                let _ = std::thread::Builder::new()
                    .name("file-dialog".into())
                    .spawn(move || {
                        if *native.get_or_init(portal_file_chooser) {
                            reply(pollster::block_on(native_dialog(request)));
                        } else {
                            in_window.pick(request, reply);
                        }
                    });
            }
        }
    }

    fn show(&self, ctx: &egui::Context) {
        self.in_window.show(ctx);
    }
}

/// Whether native dialogs depend on a desktop portal found at run time (rfd's `xdg-portal`
/// backend, on Linux and the BSDs).
const ASKS_PORTAL: bool = cfg!(all(unix, not(target_os = "macos")));

/// Whether the session's D-Bus has a desktop portal offering a file chooser
/// (`org.freedesktop.portal.FileChooser` on `org.freedesktop.portal.Desktop`). Without one,
/// `rfd` would return no file at all, as if the user had cancelled.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser() -> bool {
    pollster::block_on(async {
        let Ok(connection) = zbus::Connection::session().await else {
            return false;
        };
        let proxy = zbus::Proxy::new(
            &connection,
            "org.freedesktop.portal.Desktop",
            "/org/freedesktop/portal/desktop",
            "org.freedesktop.portal.FileChooser",
        )
        .await;
        match proxy {
            Ok(proxy) => proxy.get_property::<u32>("version").await.is_ok(),
            Err(_) => false,
        }
    })
}

/// Elsewhere the operating system always has its dialogs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn portal_file_chooser() -> bool {
    true
}

/// A native dialog for the request; the future answers with the chosen paths (a native save
/// dialog asks before replacing the file it returns).
fn native_dialog(request: PickRequest) -> Pin<Box<dyn Future<Output = PickAnswer> + Send>> {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(&request.title);
    for (name, extensions) in &request.filters {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(dir) = &request.start_dir {
        dialog = dialog.set_directory(dir);
    }
    let to_paths = |handles: Option<Vec<rfd::FileHandle>>| -> PickAnswer {
        PickAnswer {
            paths: handles
                .unwrap_or_default()
                .iter()
                .map(|h| h.path().to_owned())
                .collect(),
            replace_asked: true,
        }
    };
    match request.kind {
        DialogKind::OpenFiles => {
            let task = dialog.pick_files();
            Box::pin(async move { to_paths(task.await) })
        }
        DialogKind::OpenFolder => {
            let task = dialog.pick_folder();
            Box::pin(async move { to_paths(task.await.map(|h| vec![h])) })
        }
        DialogKind::SaveFile { file_name } => {
            let task = dialog.set_file_name(file_name).save_file();
            Box::pin(async move { to_paths(task.await.map(|h| vec![h])) })
        }
    }
}

/// Waits on a dialog on a thread of its own and hands its answer to `reply`.
fn wait_on(dialog: Pin<Box<dyn Future<Output = PickAnswer> + Send>>, reply: Reply) {
    // Should no thread be available, no dialog opens and no answer comes: the app never waits
    // on one, so it stays usable.
    let _ = std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let paths = pollster::block_on(dialog);
            // The app may be gone when the dialog closes: nothing to tell then.
            reply(paths);
        });
}

/// A picker for tests: answers each request at once with the next scripted paths, and remembers
/// the requests it saw.
#[derive(Clone, Default)]
pub struct ScriptedPicker {
    answers: Arc<Mutex<VecDeque<Vec<PathBuf>>>>,
    seen: Arc<Mutex<Vec<PickRequest>>>,
    /// While set, dialogs stay open: their replies wait here until [`ScriptedPicker::release`],
    /// as a real dialog stays open while the user goes on working in the window.
    held: Arc<Mutex<Option<Vec<Reply>>>>,
}

impl std::fmt::Debug for ScriptedPicker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScriptedPicker")
            .field("answers", &self.answers)
            .finish_non_exhaustive()
    }
}

impl ScriptedPicker {
    /// Queues the paths the next dialog answers with (empty: the user cancels).
    pub fn answer(&self, paths: Vec<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(paths);
        }
    }

    /// The requests seen so far.
    #[must_use]
    pub fn requests(&self) -> Vec<PickRequest> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// From now on, dialogs stay open until [`ScriptedPicker::release`].
    pub fn hold(&self) {
        if let Ok(mut held) = self.held.lock() {
            held.get_or_insert_with(Vec::new);
        }
    }

    /// Closes the dialogs held open, each with its queued answer, and stops holding.
    pub fn release(&self) {
        let replies = self.held.lock().ok().and_then(|mut h| h.take());
        for reply in replies.unwrap_or_default() {
            reply(self.next_answer());
        }
    }

    fn next_answer(&self) -> PickAnswer {
        let paths = self
            .answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .unwrap_or_default();
        // Like the in-window dialog, a scripted one never asks about replacing: the window does.
        PickAnswer {
            paths,
            replace_asked: false,
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&self, request: PickRequest, reply: Reply) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(request);
        }
        if let Ok(mut held) = self.held.lock()
            && let Some(waiting) = held.as_mut()
        {
            waiting.push(reply);
            return;
        }
        reply(self.next_answer());
    }
}
