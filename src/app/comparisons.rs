//! Saved comparisons (`*.aijri-compare.json`): File → Save comparison… writes the comparison set
//! with its title, notes and framework; Open comparison… (and the recent ones) reads it off the
//! UI thread, opens each role's file or finds it in the library by its `meta.id`, and makes them
//! the comparison set. A role that cannot be found is listed as missing — and kept in the file
//! when it is saved again. "Compare with source" puts an adjusted variant beside its source.

use std::path::{Path, PathBuf};

use super::jobs::Done;
use super::picker::{DialogKind, PickRequest, Purpose};
use super::store::{DocId, Scoring, file_name};
use super::{AijriApp, View};
use crate::comparison::{COMPARISON_EXTENSION, ComparedRole, Comparison, is_comparison_file};
use crate::library::{self, LoadedFile, folder_of, resolve_relative};
use crate::model::PUBLISHED_FRAMEWORK_ID;

/// The comparison being built or reopened, as plain data: its title and notes (edited in
/// Compare), the file it was opened from or saved to, and the roles it lists that were not found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComparisonSession {
    /// The file, once opened or saved.
    pub file: Option<PathBuf>,
    /// The title, e.g. the client's initials.
    pub title: String,
    /// Free notes.
    pub notes: String,
    /// The comparison as last read or written (its date and unknown fields are kept on saving).
    pub saved: Option<Comparison>,
    /// Roles the file lists that were found neither at their file nor by id.
    pub missing: Vec<ComparedRole>,
}

/// Where a role of an opened comparison was found, as read off the UI thread.
#[derive(Debug)]
pub enum RoleRead {
    /// Its file exists and was read (or failed to load, with the error).
    File(Box<LoadedFile>),
    /// Its file is not there: to be found in the library by its id.
    NotFound,
}

/// A comparison file as read off the UI thread: the comparison and each role's file.
#[derive(Debug)]
pub struct ReadComparison {
    /// The comparison.
    pub comparison: Comparison,
    /// Each role, in the comparison's order.
    pub roles: Vec<RoleRead>,
}

/// Reads a comparison file and the files of its roles. Runs on a worker thread.
///
/// # Errors
/// The comparison file cannot be read or is not a comparison (the message names the file).
pub fn read(path: &Path) -> Result<ReadComparison, String> {
    let comparison = Comparison::load(path).map_err(|e| e.to_string())?;
    let roles = comparison
        .role_files(path)
        .into_iter()
        .map(|file| match file.filter(|f| f.is_file()) {
            Some(file) => RoleRead::File(Box::new(library::load_one(file))),
            None => RoleRead::NotFound,
        })
        .collect();
    Ok(ReadComparison { comparison, roles })
}

/// A chosen path with `.aijri-compare.json`, so it is known as a comparison.
fn with_comparison_extension(path: PathBuf) -> PathBuf {
    if is_comparison_file(&path) {
        return path;
    }
    let name = file_name(&path);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    path.with_file_name(format!("{stem}{COMPARISON_EXTENSION}"))
}

/// Today's date, ISO 8601, for a new comparison's `created`.
fn today() -> String {
    let date = time::OffsetDateTime::now_utc().date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

impl AijriApp {
    /// File → Save comparison…: where to write the comparison set.
    pub(super) fn ask_save_comparison(&mut self) {
        let session = &self.state.comparison;
        let suggested = session.file.as_ref().map_or_else(
            || {
                let title = if session.title.trim().is_empty() {
                    "comparison"
                } else {
                    session.title.as_str()
                };
                let stem = library::file_name_for(title);
                let stem = stem.trim_end_matches(library::EXTENSION);
                format!("{stem}{COMPARISON_EXTENSION}")
            },
            |file| file_name(file),
        );
        let start_dir = session
            .file
            .as_deref()
            .map(folder_of)
            .map(Path::to_path_buf)
            .or_else(|| self.state.store.folder.clone());
        self.request_pick(PickRequest {
            purpose: Purpose::SaveComparison,
            kind: DialogKind::SaveFile {
                file_name: suggested,
            },
            title: "Save comparison".into(),
            filters: vec![comparison_filter()],
            start_dir,
        });
    }

    /// File → Open comparison…
    pub(super) fn ask_open_comparison(&mut self) {
        let start_dir = self.state.store.folder.clone();
        self.request_pick(PickRequest {
            purpose: Purpose::OpenComparison,
            kind: DialogKind::OpenFiles,
            title: "Open comparison".into(),
            filters: vec![comparison_filter()],
            start_dir,
        });
    }

    /// The comparison as it would be saved now: the compared roles (by file and id), then the
    /// missing ones as they were listed, with the title, notes and framework.
    fn comparison_to_save(&self) -> Comparison {
        let session = &self.state.comparison;
        let framework = self
            .state
            .view_under
            .clone()
            .unwrap_or_else(|| PUBLISHED_FRAMEWORK_ID.to_owned());
        let mut comparison = session
            .saved
            .clone()
            .unwrap_or_else(|| Comparison::new("", &today(), &framework));
        comparison.title = session.title.trim().to_owned();
        comparison.notes = session.notes.clone();
        comparison.framework = framework;
        let store = &self.state.store;
        comparison.roles = super::compare::comparison_set(&self.state)
            .0
            .iter()
            .filter_map(|c| {
                let path = store.path(c.id)?;
                Some(ComparedRole::new(path, &c.doc.assessment().meta.id))
            })
            .collect();
        // Missing roles were read relative to the old file: absolute, so they survive a move.
        let old_folder = session.file.as_deref().map(folder_of);
        comparison.roles.extend(session.missing.iter().map(|role| {
            ComparedRole {
                file: match old_folder {
                    Some(folder) if !role.file.is_empty() => resolve_relative(folder, &role.file)
                        .to_string_lossy()
                        .into_owned(),
                    _ => role.file.clone(),
                },
                ..role.clone()
            }
        }));
        comparison
    }

    /// Writes the comparison to `path` off the UI thread.
    pub(super) fn save_comparison(&mut self, path: PathBuf) {
        let path = with_comparison_extension(path);
        let comparison = self.comparison_to_save();
        self.jobs.spawn("save-comparison", move || {
            let result = comparison
                .save(&path)
                .map(|()| Box::new(comparison))
                .map_err(|e| e.to_string());
            Done::ComparisonSaved { path, result }
        });
    }

    /// A comparison was written (or not).
    pub(super) fn comparison_saved(
        &mut self,
        path: PathBuf,
        result: Result<Box<Comparison>, String>,
    ) {
        match result {
            Ok(comparison) => {
                self.state.settings.add_recent_comparison(&path);
                self.state
                    .notify(false, format!("Saved the comparison to {}", path.display()));
                let session = &mut self.state.comparison;
                session.file = Some(path);
                session.saved = Some(*comparison);
            }
            Err(message) => self.state.notify(true, message),
        }
    }

    /// Reads a comparison file and its roles off the UI thread; while the library folder is still
    /// loading, once it has loaded (its roles are found there, not opened a second time).
    pub(super) fn open_comparison(&mut self, path: PathBuf) {
        if self.state.loading.is_some() {
            self.comparisons_after_load.push(path);
            return;
        }
        self.jobs.spawn("open-comparison", move || {
            let result = read(&path).map(Box::new);
            Done::ComparisonRead { path, result }
        });
    }

    /// A comparison file was read: its roles are opened (or found in the library by id) and
    /// become the comparison set; the title, notes and framework come back.
    pub(super) fn comparison_read(
        &mut self,
        path: PathBuf,
        result: Result<Box<ReadComparison>, String>,
    ) {
        let read = match result {
            Ok(read) => *read,
            Err(message) => {
                self.state.notify(true, message);
                return;
            }
        };
        let mut ids = Vec::new();
        let mut missing = Vec::new();
        for (role, found) in read.comparison.roles.iter().zip(read.roles) {
            match self.role_document(role, found) {
                Some(id) => ids.push(id),
                None => missing.push(role.clone()),
            }
        }
        self.state.store.replace_compared(&ids);
        self.use_comparison_framework(&read.comparison.framework, &path);
        self.state.settings.add_recent_comparison(&path);
        self.state.view = View::Compare;
        let notice = opened_notice(&read.comparison, &path, ids.len(), &missing);
        self.state.notify(!missing.is_empty(), notice);
        self.state.comparison = ComparisonSession {
            file: Some(path),
            title: read.comparison.title.clone(),
            notes: read.comparison.notes.clone(),
            saved: Some(read.comparison),
            missing,
        };
    }

    /// The document of a comparison's role: already open at its file, opened now, or found in
    /// the library by its `meta.id` when its file is gone.
    fn role_document(&mut self, role: &ComparedRole, found: RoleRead) -> Option<DocId> {
        let store = &self.state.store;
        match found {
            RoleRead::File(file) => {
                if let Some(id) = store.by_path(&file.path) {
                    return Some(id);
                }
                let loaded_id = file
                    .result
                    .as_ref()
                    .ok()
                    .map(|l| l.assessment.meta.id.clone());
                if let Some(id) = loaded_id
                    .and_then(|meta_id| store.by_assessment_id(&meta_id))
                    .filter(|&id| same_file(store.path(id), &file.path))
                {
                    return Some(id);
                }
                if let Err(error) = &file.result {
                    self.state.notify(true, error.to_string());
                    return None;
                }
                let state = &mut self.state;
                let scoring = Scoring::of(&state.frameworks, &state.view_under);
                Some(state.store.open_loaded(*file, &scoring))
            }
            RoleRead::NotFound => (!role.id.is_empty())
                .then(|| store.by_assessment_id(&role.id))
                .flatten(),
        }
    }

    /// Shows the roles under the comparison's framework when it is one besides the published
    /// (which each role's own framework already covers); says so when it is not available.
    fn use_comparison_framework(&mut self, framework: &str, path: &Path) {
        if framework == PUBLISHED_FRAMEWORK_ID || framework.is_empty() {
            return;
        }
        if self.state.frameworks.get(framework).is_some() {
            self.apply(super::Action::ViewUnder(Some(framework.to_owned())));
        } else {
            self.state.notify(
                true,
                format!(
                    "{}: framework: “{framework}” is not available (open its framework file): each role is shown under its own",
                    path.display()
                ),
            );
        }
    }

    /// "Compare with source": the adjusted variant and its source side by side in Compare. The
    /// source is found open at its file or by its id, else its file is opened first.
    pub(super) fn compare_with_source(&mut self, id: DocId) {
        let store = &self.state.store;
        let Some((path, source)) = store.entry(id).and_then(|entry| {
            let source = entry.doc()?.assessment().meta.derived_from.clone()?;
            Some((entry.path.clone(), source))
        }) else {
            return;
        };
        let file =
            (!source.file.is_empty()).then(|| resolve_relative(folder_of(&path), &source.file));
        let open = file
            .as_deref()
            .and_then(|f| store.by_path(f))
            .or_else(|| store.by_assessment_id(&source.id));
        match (open, file) {
            (Some(source), _) => self.show_beside_source(source, id),
            (None, Some(file)) => {
                self.source_to_compare = Some((id, file.clone()));
                self.load_paths(vec![file]);
            }
            (None, None) => self.state.notify(
                true,
                format!(
                    "The source of {} (id `{}`) names no file and is not open: open it, then compare",
                    file_name(&path),
                    source.id
                ),
            ),
        }
    }

    /// After files were opened: the source "Compare with source" waited for, if it is open now.
    pub(super) fn source_opened(&mut self) {
        let Some((variant, file)) = self.source_to_compare.take() else {
            return;
        };
        match self.state.store.by_path(&file) {
            Some(source) => self.show_beside_source(source, variant),
            None => self.source_to_compare = Some((variant, file)),
        }
    }

    fn show_beside_source(&mut self, source: DocId, variant: DocId) {
        self.state.store.replace_compared(&[source, variant]);
        self.state.selected = Some(variant);
        self.state.view = View::Compare;
    }
}

/// Whether an open document's path and a file are the same file (paths written differently).
fn same_file(open: Option<&Path>, file: &Path) -> bool {
    open.is_some_and(|p| p.file_name() == file.file_name())
}

fn comparison_filter() -> (String, Vec<String>) {
    ("AIJRI comparison".to_owned(), vec!["json".to_owned()])
}

/// "Opened the comparison “Options for J.S.” (…): 3 roles; missing: …".
fn opened_notice(
    comparison: &Comparison,
    path: &Path,
    found: usize,
    missing: &[ComparedRole],
) -> String {
    let title = if comparison.title.is_empty() {
        file_name(path)
    } else {
        format!("“{}”", comparison.title)
    };
    let mut text = format!(
        "Opened the comparison {title}: {}",
        crate::fmt::count(found, "role", "roles")
    );
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(ComparedRole::describe).collect();
        text.push_str(&format!("; not found: {}", names.join(", ")));
    }
    text
}
