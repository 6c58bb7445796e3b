//! The frameworks in the window: those of the library folder and those opened are available;
//! each role is scored under the framework it names, or every role under the one the user
//! chooses in the Framework menu (the published one is always there).

use super::AijriApp;
use super::jobs::Done;
use super::loading::LoadId;
use super::picker::{DialogKind, PickRequest, Purpose};
use crate::framework::{FRAMEWORK_EXTENSION, Framework, Frameworks, MAX_NAME_CHARS};

/// Adds `.aijri-framework.json` to a chosen path that lacks it.
fn with_framework_extension(path: std::path::PathBuf) -> std::path::PathBuf {
    if crate::framework::is_framework_file(&path) {
        return path;
    }
    let name = super::store::file_name(&path);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    path.with_file_name(format!("{stem}{FRAMEWORK_EXTENSION}"))
}

/// The first `count` characters of `text`.
fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices()
        .nth(count)
        .map_or(text, |(end, _)| &text[..end])
}

impl AijriApp {
    /// The folder's frameworks arrived: they become the available set, and the roles loaded so
    /// far are scored under them.
    pub(super) fn frameworks_found(
        &mut self,
        load: LoadId,
        frameworks: Frameworks,
        errors: Vec<String>,
    ) {
        if self.current_folder_load() != Some(load) {
            return;
        }
        for error in errors {
            self.state.notify(true, error);
        }
        self.state.frameworks = frameworks;
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

    /// A variant changed in the editor: it replaces the one of the same id, every role is scored
    /// again.
    pub(super) fn framework_edited(&mut self, framework: Framework) {
        if self.state.frameworks.add(framework) {
            self.rescore();
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
        if self.state.frameworks.add(variant) {
            self.view_under(Some(id));
            self.state.view = super::View::Framework;
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

    /// Writes a framework atomically off the UI thread.
    pub(super) fn save_framework(&mut self, id: &str, path: std::path::PathBuf) {
        let Some(framework) = self.state.frameworks.get(id).cloned() else {
            return;
        };
        let path = with_framework_extension(path);
        self.jobs.spawn("save-framework", move || Done::Written {
            what: format!("the framework “{}”", framework.name),
            result: framework
                .save(&path)
                .map(|()| path)
                .map_err(|e| e.to_string()),
        });
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
    pub(super) fn load_framework(&mut self, path: std::path::PathBuf) {
        self.jobs.spawn("open-framework", move || {
            Done::FrameworkOpened(
                Framework::load(&path)
                    .map(Box::new)
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// An opened framework joins the available ones (replacing one of the same id), and every
    /// role is viewed under it.
    pub(super) fn framework_opened(&mut self, result: Result<Box<Framework>, String>) {
        match result {
            Ok(framework) => {
                let id = framework.id.clone();
                let name = framework.name.clone();
                if self.state.frameworks.add(*framework) {
                    self.state.notify(
                        false,
                        format!("Every role is now scored under “{name}” ({id})"),
                    );
                    self.view_under(Some(id));
                } else {
                    self.state.notify(
                        true,
                        format!("“{name}” takes the id of the published framework ({id}): give the variant an id of its own"),
                    );
                }
            }
            Err(message) => self.state.notify(true, message),
        }
    }
}
