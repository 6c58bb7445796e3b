//! Opening libraries and files: a folder replaces the library and streams in off the UI thread
//! (see [`super::loading`]); files join it. A file that is already open is switched to and never
//! reloaded over unsaved edits.

use std::path::PathBuf;

use super::AijriApp;
use super::io::Done;
use super::loading::{self, LoadId, LoadedDoc, Loading};
use super::store::{DocId, Edit, Scoring, file_name};
use crate::framework::Frameworks;
use crate::library::{self, LoadedFile, disk};

/// While a library streams in, the window redraws at most this often for new files.
const BATCH_REPAINT: std::time::Duration = std::time::Duration::from_millis(100);

impl AijriApp {
    /// Opens files (and folders' files) beside the library, loaded on every core with their own
    /// progress bar; [`Done::Opened`] brings each batch in.
    pub(super) fn load_paths(&mut self, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        self.loads += 1;
        let id = LoadId(self.loads);
        let opening = Loading::new(id, first);
        let cancel = opening.cancel_flag();
        self.state.opening = Some(opening);
        let release = Done::LoadFinished {
            load: id,
            cancelled: true,
        };
        self.io
            .spawn_releasing("open-files", Some(release), move |report| {
                let cancelled = loading::run(
                    &paths,
                    &cancel,
                    |total| report.done(Done::LoadFound { load: id, total }),
                    |file| file,
                    |files| report.done_soon(Done::Opened { load: id, files }, BATCH_REPAINT),
                );
                Done::LoadFinished {
                    load: id,
                    cancelled,
                }
            });
    }

    /// Brings loaded files in. A file that is already open is switched to, and reloaded only
    /// when it has no unsaved edits; a failed one becomes a notice (and an entry, when new).
    pub(super) fn opened(&mut self, load: LoadId, files: Vec<LoadedFile>) {
        if let Some(opening) = self.state.opening.as_mut().filter(|o| o.id == load) {
            opening.done += files.len();
            opening.failed += files.iter().filter(|f| f.result.is_err()).count();
        }
        let mut last = None;
        for file in files {
            if let Err(error) = &file.result {
                self.state.notify(true, error.to_string());
            }
            let id = match self.state.store.by_path(&file.path) {
                Some(id) => self.reopened(id, file),
                None => {
                    if file.result.is_ok() {
                        self.state.settings.add_recent(&file.path);
                    }
                    self.state.store.open_loaded(
                        file,
                        &Scoring::of(&self.state.frameworks, &self.state.view_under),
                    )
                }
            };
            last = Some(id);
        }
        if let Some(id) = last {
            self.state.selected = Some(id);
        }
    }

    /// A file opened again: switch to it, never losing its edits.
    fn reopened(&mut self, id: DocId, file: LoadedFile) -> DocId {
        let name = file_name(&file.path);
        let scoring = Scoring::of(&self.state.frameworks, &self.state.view_under);
        let framework = &scoring;
        let store = &mut self.state.store;
        match (store.doc(id), file.result) {
            (Some(doc), _) if doc.is_dirty() => self.state.notify(
                false,
                format!(
                    "{name} is already open with unsaved edits: switched to it and kept your edits"
                ),
            ),
            (Some(doc), Ok(loaded)) => {
                let changed = doc.stamp() != Some(loaded.stamp);
                store.edit(
                    id,
                    Edit::Reload(Box::new(loaded.assessment), loaded.stamp),
                    framework,
                );
                let what = if changed {
                    "reloaded it from disk"
                } else {
                    "switched to it"
                };
                self.state
                    .notify(false, format!("{name} is already open: {what}"));
            }
            (Some(_), Err(_)) => {}
            (None, result) => {
                let file = LoadedFile {
                    path: file.path,
                    result,
                };
                store.replace_failed(id, file, framework);
            }
        }
        id
    }

    /// Reads a document's file again off the UI thread; [`Done::Reloaded`] makes it the saved
    /// and the current version (Revert, File → Reload from disk: the user agreed to lose edits).
    pub(super) fn reload_from_disk(&mut self, id: DocId) {
        let Some(path) = self.state.store.path(id).map(std::path::Path::to_path_buf) else {
            return;
        };
        self.io.spawn("reload", move || Done::Reloaded {
            doc: id,
            result: library::load_file(&path)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        });
    }

    /// Brings in a file read again.
    pub(super) fn reloaded(&mut self, id: DocId, result: Result<Box<library::Loaded>, String>) {
        let Some(path) = self.state.store.path(id).map(file_name) else {
            return;
        };
        match result {
            Ok(loaded) => {
                let reload = Edit::Reload(Box::new(loaded.assessment), loaded.stamp);
                self.state.store.edit(
                    id,
                    reload,
                    &Scoring::of(&self.state.frameworks, &self.state.view_under),
                );
                self.state
                    .notify(false, format!("Reloaded {path} from disk"));
            }
            Err(message) => self.state.notify(true, message),
        }
    }

    /// Replaces the library by a folder: every document closes (the user was asked about unsaved
    /// edits), a load in progress is cancelled, and the folder streams in.
    pub(super) fn open_folder(&mut self, folder: PathBuf) {
        if let Some(loading) = self.state.loading.take() {
            loading.cancel();
        }
        let store = &mut self.state.store;
        store.close_all();
        store.folder = Some(folder.clone());
        self.state.selected = None;
        self.state.question = None;
        self.state.questions_waiting.clear();
        self.outside_changes.clear();
        self.after_saving = None;
        self.watcher = None;
        self.start_load(folder);
    }

    /// The load of the library folder open now (it names the folder's answers).
    pub(super) fn current_folder_load(&self) -> Option<LoadId> {
        self.folder_load
    }

    /// Starts streaming a folder's files into the store.
    pub(super) fn start_load(&mut self, folder: PathBuf) -> LoadId {
        self.loads += 1;
        let id = LoadId(self.loads);
        self.folder_load = Some(id);
        let loading = Loading::new(id, folder.clone());
        let cancel = loading.cancel_flag();
        let view_under = self.state.view_under.clone();
        self.state.loading = Some(loading);
        let release = Done::LoadFinished {
            load: id,
            cancelled: true,
        };
        self.io
            .spawn_releasing("load-library", Some(release), move |report| {
                // One spelling of the folder: its files' paths are canonical too.
                let folder = disk::canonical(&folder);
                // The folder's framework files first: its assessments are scored under them.
                let (files, errors) = Frameworks::read_folder(&folder);
                let mut frameworks = Frameworks::new();
                for (framework, _, _) in &files {
                    frameworks.add(framework.clone());
                }
                report.done(Done::FrameworksFound {
                    load: id,
                    folder: folder.clone(),
                    files,
                    errors: errors.iter().map(ToString::to_string).collect(),
                });
                let scoring = Scoring::of(&frameworks, &view_under);
                let cancelled = loading::run(
                    std::slice::from_ref(&folder),
                    &cancel,
                    |total| report.done(Done::LoadFound { load: id, total }),
                    |file| loading::document(file, &scoring),
                    |docs| report.done_soon(Done::LoadBatch { load: id, docs }, BATCH_REPAINT),
                );
                Done::LoadFinished {
                    load: id,
                    cancelled,
                }
            });
        id
    }

    /// The load in progress, if `load` is it (answers of a cancelled load find nothing).
    fn current_load(&mut self, load: LoadId) -> Option<&mut Loading> {
        self.state.loading.as_mut().filter(|l| l.id == load)
    }

    pub(super) fn load_found(&mut self, load: LoadId, total: usize) {
        let state = &mut self.state;
        for loading in [&mut state.loading, &mut state.opening]
            .into_iter()
            .flatten()
        {
            if loading.id == load {
                loading.total = Some(total);
            }
        }
    }

    /// Files of the current load join the store; a path already open (restored, or opened
    /// meanwhile) keeps its document.
    pub(super) fn load_batch(&mut self, load: LoadId, docs: Vec<LoadedDoc>) {
        let Some(loading) = self.current_load(load) else {
            return;
        };
        loading.done += docs.len();
        loading.failed += docs.iter().filter(|(_, d)| d.is_err()).count();
        for (path, content) in docs {
            if self.state.store.by_path(&path).is_some() {
                continue;
            }
            let loaded = content.is_ok();
            let compared = self.state.settings.comparison.contains(&path);
            let id = self.state.store.open(path, content);
            if compared && loaded {
                self.state.comparison.adopt_role(id);
                self.state.store.set_compared(id, true);
            }
            if loaded && self.state.selected.is_none() {
                self.state.selected = Some(id);
            }
        }
    }

    /// The load ended: say how it went (and, for the startup probe, exit).
    pub(super) fn load_finished(&mut self, load: LoadId, cancelled: bool) {
        if self.state.opening.as_ref().is_some_and(|o| o.id == load) {
            self.state.opening = None;
            return;
        }
        let Some(loading) = self.current_load(load).map(|l| l.clone()) else {
            return;
        };
        self.state.loading = None;
        for comparison in std::mem::take(&mut self.comparisons_after_load) {
            self.read_comparison(comparison);
        }
        // Watching starts once the folder is read: the watcher's own first walk and the events
        // of our reads would otherwise slow the load down.
        self.watch_folder(load, loading.folder.clone());
        let roles = loading.done - loading.failed;
        let folder = loading.folder.display();
        if cancelled {
            let total = loading.total.unwrap_or(loading.done);
            self.state.notify(
                false,
                format!(
                    "Loading {folder} cancelled: {} of {} read",
                    loading.done,
                    crate::fmt::count(total, "file", "files")
                ),
            );
        } else if loading.failed > 0 {
            self.state.notify(
                true,
                format!(
                    "{} in {folder} could not be loaded: hover them in the list for the reason",
                    crate::fmt::count(loading.failed, "file", "files")
                ),
            );
        }
        if let Some(started) = self.library_probe.take() {
            let elapsed = started.elapsed().as_secs_f64() * 1000.0;
            eprintln!(
                "library loaded: {} ({} failed) in {elapsed:.0} ms",
                crate::fmt::count(roles, "role", "roles"),
                loading.failed
            );
            self.close_now = true;
        }
    }
}
