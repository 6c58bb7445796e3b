//! The open library folder, watched: files a colleague adds, changes or removes appear, reload
//! or leave the list within seconds. An unchanged document reloads with a notice; one with
//! unsaved edits asks Keep mine / Take theirs / Save mine as a copy; a removed one with unsaved
//! edits stays, marked "deleted on disk". The program's own saves are recognised by their stamp
//! and are not outside changes.

use std::path::PathBuf;

use super::AijriApp;
use super::io::Done;
use super::loading::LoadId;
use super::questions::Question;
use super::saving::AfterSave;
use super::store::{DocId, Document, Edit, Scoring, file_name};
use crate::library::watch::{Change, FolderWatcher, WatchMode};
use crate::library::{self, Expect, Loaded, LoadedFile};

impl AijriApp {
    /// Starts watching the library folder of load `load`, off the UI thread (the first walk of a
    /// large share takes time); [`Done::Watching`] brings the watcher.
    pub(super) fn watch_folder(&mut self, load: LoadId, folder: PathBuf) {
        self.watcher = None;
        let mode = self.state.settings.watch_mode;
        self.io.spawn_reporting("watch", move |report| {
            let report = report.clone();
            let watcher = FolderWatcher::start(&folder, mode, move |changes| {
                report.done(Done::FolderChanged { load, changes });
            });
            Done::Watching {
                load,
                watcher: watcher.map(Box::new).map_err(|e| e.to_string()),
            }
        });
    }

    /// Keeps the watcher of the folder still open; a failure becomes a notice.
    pub(super) fn watching(&mut self, load: LoadId, watcher: Result<Box<FolderWatcher>, String>) {
        if self.current_folder_load() != Some(load) {
            return;
        }
        match watcher {
            Ok(watcher) => {
                self.state.watch_polling = Some(watcher.polling());
                self.watcher = Some(watcher);
            }
            Err(message) => self.state.notify(
                true,
                format!(
                    "{message}: changes by others are not seen until the folder is opened again"
                ),
            ),
        }
    }

    /// Another way of watching chosen in the View menu: the watcher starts again.
    pub(super) fn set_watch_mode(&mut self, mode: WatchMode) {
        self.state.settings.watch_mode = mode;
        if let (Some(load), Some(folder)) =
            (self.current_folder_load(), self.state.store.folder.clone())
        {
            self.watch_folder(load, folder);
        }
    }

    /// Files changed in the folder: those added or modified are read (off the UI thread), those
    /// removed leave the list unless they hold unsaved edits.
    pub(super) fn folder_changed(&mut self, load: LoadId, changes: Vec<Change>) {
        if self.current_folder_load() != Some(load) {
            return;
        }
        let mut to_read = Vec::new();
        for change in changes {
            match change {
                Change::Added(path) | Change::Modified(path) => to_read.push(path),
                Change::Removed(path) => self.removed_on_disk(&path),
            }
        }
        if !to_read.is_empty() {
            let own_writes = self.io.own_writes();
            self.io.spawn("read-changed", move || {
                let files = library::load_paths(&to_read);
                Done::ChangedFiles(without_own_writes(files, &own_writes))
            });
        }
    }

    fn removed_on_disk(&mut self, path: &std::path::Path) {
        let Some(id) = self.state.store.by_path(path) else {
            return;
        };
        let name = file_name(path);
        if self.state.store.doc(id).is_some_and(Document::is_dirty) {
            self.state.store.mark_deleted(id, true);
            self.state.notify(
                true,
                format!("{name} was deleted on disk; your unsaved edits are kept: save to write it again"),
            );
        } else {
            self.state.store.forget(id);
            if self.state.selected == Some(id) {
                self.state.selected = None;
            }
            self.state
                .notify(false, format!("{name} was removed from the folder"));
        }
    }

    /// Files read after an outside change: new ones join, unchanged documents reload, documents
    /// with unsaved edits ask first; a file that holds what we last saved is our own save.
    pub(super) fn changed_files(&mut self, files: Vec<LoadedFile>) {
        for file in files {
            let Some(id) = self.state.store.by_path(&file.path) else {
                if file.result.is_ok() {
                    let name = file_name(&file.path);
                    self.state.store.open_loaded(
                        file,
                        &Scoring::of(&self.state.frameworks, &self.state.view_under),
                    );
                    self.state
                        .notify(false, format!("{name} appeared in the folder"));
                }
                continue;
            };
            match file.result {
                Ok(loaded) => self.changed_outside(id, loaded),
                Err(_) if self.state.store.doc(id).is_none() => {
                    self.state.store.replace_failed(
                        id,
                        file,
                        &Scoring::of(&self.state.frameworks, &self.state.view_under),
                    );
                }
                Err(error) => self.state.notify(true, error.to_string()),
            }
        }
    }

    fn changed_outside(&mut self, id: DocId, theirs: Loaded) {
        let store = &mut self.state.store;
        let Some(doc) = store.doc(id) else {
            let path = store
                .path(id)
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            let file = LoadedFile {
                path,
                result: Ok(theirs),
            };
            store.replace_failed(
                id,
                file,
                &Scoring::of(&self.state.frameworks, &self.state.view_under),
            );
            return;
        };
        if doc.stamp() == Some(theirs.stamp) {
            return;
        }
        let dirty = doc.is_dirty();
        store.mark_deleted(id, false);
        let name = store.path(id).map(file_name).unwrap_or_default();
        if dirty {
            self.outside_changes.push_back((id, Box::new(theirs)));
        } else {
            let reload = Edit::Reload(Box::new(theirs.assessment), theirs.stamp);
            store.edit(
                id,
                reload,
                &Scoring::of(&self.state.frameworks, &self.state.view_under),
            );
            self.state
                .notify(false, format!("{name} changed on disk: reloaded"));
        }
    }

    /// Asks about the next outside change to a document with unsaved edits, when no other
    /// question is open.
    pub(super) fn ask_about_outside_changes(&mut self) {
        if self.state.question.is_some() {
            return;
        }
        while let Some((doc, theirs)) = self.outside_changes.pop_front() {
            if self.state.store.doc(doc).is_some() {
                self.state.question = Some(Question::ChangedOutside { doc, theirs });
                return;
            }
        }
    }

    /// Take theirs: the file as it is on disk replaces the document (undoable).
    pub(super) fn take_theirs(&mut self, doc: DocId, theirs: Box<Loaded>) {
        let reload = Edit::Reload(Box::new(theirs.assessment), theirs.stamp);
        self.state.store.edit(
            doc,
            reload,
            &Scoring::of(&self.state.frameworks, &self.state.view_under),
        );
    }

    /// Save mine as a copy: my version goes to a new file beside it, theirs into the document.
    pub(super) fn save_mine_as_copy(&mut self, doc: DocId, theirs: Box<Loaded>) {
        let Some(entry) = self.state.store.entry(doc) else {
            return;
        };
        let Some(mine) = entry.doc().map(|d| d.assessment().clone()) else {
            return;
        };
        let near = entry.path.clone();
        let title = format!("{} (my copy)", mine.role.title);
        let path = self.state.store.free_path(Some(&near), &title);
        let document = Document::new(mine.clone(), None, self.state.framework_for(&mine));
        let copy = self.state.store.open(path.clone(), Ok(document));
        self.take_theirs(doc, theirs);
        let after = AfterSave {
            select: Some(copy),
            ..AfterSave::default()
        };
        self.write_assessment(copy, path, mine, Expect::Absent, after);
    }
}

/// The files read after a change, without those that hold what this program wrote there last:
/// its own saves are not someone else's changes, even when the window has not heard of the save
/// yet.
fn without_own_writes(
    files: Vec<LoadedFile>,
    own_writes: &super::io::OwnWrites,
) -> Vec<LoadedFile> {
    files
        .into_iter()
        .filter(|file| match &file.result {
            Ok(loaded) => !own_writes.wrote(&file.path, loaded.stamp),
            Err(_) => true,
        })
        .collect()
}
