//! The frameworks in the window: those of the library folder and those opened are available;
//! each role is scored under the framework it names, or every role under the one the user
//! chooses in the Framework menu (the published one is always there). Variants are documents
//! ([`super::framework_docs`]): edited through one door, undone, saved to their files.

use std::path::PathBuf;
use std::time::Instant;

use super::AijriApp;
use super::io::{Content, Done, QueueKey, WriteOf, WriteRequest};
use super::loading::LoadId;
use super::picker::{DialogKind, PickRequest, Purpose};
use super::unsaved::WorkId;
use crate::framework::{FRAMEWORK_EXTENSION, Framework, MAX_NAME_CHARS};
use crate::library::{Expect, FileStamp, disk};

/// The first `count` characters of `text`.
fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices()
        .nth(count)
        .map_or(text, |(end, _)| &text[..end])
}

impl AijriApp {
    /// The folder's frameworks arrived (and the folder's canonical path): they become the
    /// available variants, and the roles loaded so far are scored under them.
    pub(super) fn frameworks_found(
        &mut self,
        load: LoadId,
        folder: PathBuf,
        files: Vec<(Framework, PathBuf, FileStamp)>,
        errors: Vec<String>,
    ) {
        if self.current_folder_load() != Some(load) {
            return;
        }
        self.state.store.folder = Some(folder.clone());
        self.state.settings.last_folder = Some(folder);
        for error in errors {
            self.state.notify(true, error);
        }
        self.state.framework_docs = super::framework_docs::FrameworkDocs::from_files(files);
        self.frameworks_changed();
    }

    /// Every role viewed under one framework (`Some(id)`), or each under its own (`None`).
    pub(super) fn view_under(&mut self, id: Option<String>) {
        let known = id
            .as_deref()
            .is_none_or(|id| self.state.frameworks.get(id).is_some());
        if known {
            self.state.view_under = id;
            self.rescore();
        }
    }

    /// The variants changed (edited, undone, restored, replaced): the frameworks to score under
    /// follow, and every role is scored again.
    pub(super) fn frameworks_changed(&mut self) {
        self.state.frameworks = self.state.framework_docs.frameworks();
        let chosen_gone = self
            .state
            .view_under
            .as_deref()
            .is_some_and(|id| self.state.frameworks.get(id).is_none());
        if chosen_gone {
            self.state.view_under = None;
        }
        self.rescore();
    }

    /// Scores every role again and sets the framework shared views are drawn under.
    fn rescore(&mut self) {
        let state = &mut self.state;
        let scoring = super::store::Scoring::of(&state.frameworks, &state.view_under);
        state.store.rescore(&scoring);
        let shared = state
            .view_under
            .as_deref()
            .and_then(|id| state.frameworks.get(id))
            .unwrap_or_else(|| Framework::published());
        state.framework = shared.clone();
    }

    /// The one door for changes to a variant: it becomes the variant's version (an undo step),
    /// and every role is scored again.
    pub(super) fn framework_edited(&mut self, framework: Framework) {
        let id = framework.id.clone();
        if self.state.framework_docs.edit(framework, Instant::now()) {
            self.frameworks_changed();
            self.work_changed(WorkId::Framework(id));
        }
    }

    /// Undo (`back`) or redo of a variant.
    pub(super) fn step_framework(&mut self, id: &str, back: bool) {
        let docs = &mut self.state.framework_docs;
        let stepped = if back { docs.undo(id) } else { docs.redo(id) };
        if stepped {
            self.frameworks_changed();
            self.work_changed(WorkId::Framework(id.to_owned()));
        }
    }

    /// An editable copy of the framework in use, with an id of its own; every role is then viewed
    /// under it, in the framework editor.
    pub(super) fn new_framework_variant(&mut self) {
        let base = self
            .state
            .view_under
            .as_deref()
            .and_then(|id| self.state.frameworks.get(id))
            .unwrap_or_else(|| Framework::published())
            .clone();
        // Within the bounds of a framework file, whatever the base's id and name.
        let stem = format!("{}-variant", first_chars(&base.id, MAX_NAME_CHARS - 20));
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|id| self.state.frameworks.get(id).is_none())
            .unwrap_or(stem);
        let variant = Framework {
            name: format!("{} (variant)", first_chars(&base.name, MAX_NAME_CHARS - 10)),
            id: id.clone(),
            version: 1,
            ..base
        };
        self.state.framework_docs.add(variant, None);
        self.frameworks_changed();
        self.view_under(Some(id));
        self.state.view = super::View::Framework;
    }

    /// Saves a variant to its file, or asks where when it has none yet.
    pub(super) fn save_framework_to_file(&mut self, id: String) {
        let docs = &self.state.framework_docs;
        match docs.file(&id).map(std::path::Path::to_path_buf) {
            Some(file) => {
                let expect = docs.expected(&id);
                self.save_framework(&id, file, expect);
            }
            None => self.ask_save_framework(id),
        }
    }

    /// Asks where to save a framework.
    pub(super) fn ask_save_framework(&mut self, id: String) {
        let file_name = format!("{id}{FRAMEWORK_EXTENSION}");
        self.request_pick(PickRequest {
            purpose: Purpose::SaveFramework(id),
            kind: DialogKind::SaveFile { file_name },
            title: "Save the framework".into(),
            filters: vec![("AIJRI framework".into(), vec!["json".into()])],
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Writes a variant to `path` (final, canonical) through its queue, expecting `expect` there.
    pub(super) fn save_framework(&mut self, id: &str, path: PathBuf, expect: Expect) {
        let Some(doc) = self.state.framework_docs.get(id) else {
            return;
        };
        let framework = doc.current().clone();
        self.io.write(WriteRequest {
            key: QueueKey::Framework(id.to_owned()),
            path,
            expect,
            content: Content::Bytes(framework.to_json().into_bytes()),
            make_folder: false,
            of: WriteOf::Framework {
                id: id.to_owned(),
                saved: Box::new(framework),
            },
        });
    }

    /// A variant was written to `path`: it is saved as of that version.
    pub(super) fn framework_saved(
        &mut self,
        id: &str,
        saved: Framework,
        path: PathBuf,
        stamp: FileStamp,
    ) {
        let old_key = self.state.framework_docs.get(id).map(|d| d.recovery_key());
        let name = saved.name.clone();
        self.state
            .framework_docs
            .mark_saved(id, saved, path.clone(), stamp);
        if let Some(key) = old_key {
            self.work_recovery
                .clean(&WorkId::Framework(id.to_owned()), key);
        }
        self.work_changed(WorkId::Framework(id.to_owned()));
        self.state.notify_file(
            format!("Saved the framework “{name}” to {}", path.display()),
            path,
        );
    }

    /// Asks for a framework file to open.
    pub(super) fn ask_open_framework(&mut self) {
        let extension = FRAMEWORK_EXTENSION.trim_start_matches('.').to_owned();
        let json = extension.rsplit('.').next().unwrap_or("json").to_owned();
        self.request_pick(PickRequest {
            purpose: Purpose::OpenFramework,
            kind: DialogKind::OpenFiles,
            title: "Open a framework file".into(),
            filters: vec![("AIJRI framework".into(), vec![json])],
            start_dir: self.state.store.folder.clone(),
        });
    }

    /// Reads a framework file off the UI thread; [`Done::FrameworkOpened`] brings it.
    pub(super) fn load_framework(&mut self, path: PathBuf) {
        self.io.spawn("open-framework", move || {
            let path = disk::canonical(&path);
            let read = Framework::load(&path)
                .map_err(|e| e.to_string())
                .and_then(|framework| {
                    let stamp = disk::stamp_of(&path)
                        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
                    Ok(Box::new((framework, path, stamp)))
                });
            Done::FrameworkOpened(read)
        });
    }

    /// An opened framework joins the available ones (replacing one of the same id), and every
    /// role is viewed under it.
    pub(super) fn framework_opened(
        &mut self,
        result: Result<Box<(Framework, PathBuf, FileStamp)>, String>,
    ) {
        let (framework, path, stamp) = match result {
            Ok(read) => *read,
            Err(message) => {
                self.state.notify(true, message);
                return;
            }
        };
        let (id, name) = (framework.id.clone(), framework.name.clone());
        if id == crate::framework::DEFAULT_FRAMEWORK_ID {
            self.state.notify(
                true,
                format!("{}: id: “{name}” takes the id of the published framework ({id}): give the variant an id of its own", path.display()),
            );
            return;
        }
        if self
            .state
            .framework_docs
            .get(&id)
            .is_some_and(|d| d.is_dirty())
        {
            self.state.notify(
                true,
                format!("{}: “{name}” ({id}) is open with unsaved changes: save or undo them first, then open the file again", path.display()),
            );
            return;
        }
        self.state
            .framework_docs
            .add(framework, Some((path, stamp)));
        self.frameworks_changed();
        self.state.notify(
            false,
            format!("Every role is now scored under “{name}” ({id})"),
        );
        self.view_under(Some(id));
    }
}
