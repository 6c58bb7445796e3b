//! Saved comparisons (`*.aijri-compare.json`): the comparison is a document like an assessment —
//! its title, notes and roles change through one door ([`AijriApp::change_comparison`]) with undo,
//! an unsaved marker, a recovery file and a place in the close question. File → Save comparison
//! writes it to its file (or asks where, the first time); Open comparison… reads one off the UI
//! thread — asking first when the comparison shown has unsaved changes — opens each role's file or
//! finds it in the library by its `meta.id`, and makes them the comparison set. A role that cannot
//! be found is listed as missing, and kept in the file when it is saved again. "Compare with
//! source" puts an adjusted variant beside its source.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::history::History;
use super::io::{Content, Done, QueueKey, WriteOf, WriteRequest};
use super::picker::{DialogKind, PickRequest, Purpose};
use super::questions::{Question, Then};
use super::store::{DocId, Scoring, file_name};
use super::unsaved::WorkId;
use super::{AijriApp, View};
use crate::comparison::{COMPARISON_EXTENSION, ComparedRole, Comparison};
use crate::library::recovery::RecoveryKey;
use crate::library::{self, Expect, FileStamp, LoadedFile, disk, folder_of, resolve_relative};
use crate::model::PUBLISHED_FRAMEWORK_ID;

/// What a comparison holds that the user changes: its title, notes and roles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComparisonContent {
    /// The title, e.g. the client's initials.
    pub title: String,
    /// Free notes.
    pub notes: String,
    /// The roles compared, in the order added.
    pub roles: Vec<DocId>,
}

/// The comparison being built or reopened: its content with its undo history, the file it was
/// opened from or saved to, and the roles it lists that were not found.
#[derive(Debug, Clone)]
pub struct ComparisonSession {
    /// The file, once opened or saved.
    pub file: Option<PathBuf>,
    /// What the file held when read or written.
    pub stamp: Option<FileStamp>,
    /// The comparison as last read or written (its date and unknown fields are kept on saving).
    pub saved: Option<Comparison>,
    /// Roles the file lists that were found neither at their file nor by id.
    pub missing: Vec<ComparedRole>,
    history: History<ComparisonContent>,
}

impl Default for ComparisonSession {
    fn default() -> Self {
        Self::new(ComparisonContent::default())
    }
}

impl ComparisonSession {
    /// A comparison holding `content`, not saved in a file.
    #[must_use]
    pub fn new(content: ComparisonContent) -> Self {
        Self {
            file: None,
            stamp: None,
            saved: None,
            missing: Vec::new(),
            history: History::new(content, true),
        }
    }

    /// The content as edited.
    #[must_use]
    pub fn content(&self) -> &ComparisonContent {
        self.history.current()
    }

    /// The title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.content().title
    }

    /// The notes.
    #[must_use]
    pub fn notes(&self) -> &str {
        &self.content().notes
    }

    /// Whether it has changes its file does not hold. One never saved counts as unsaved once it
    /// has a title or notes (what was typed would be lost); its roles alone are remembered
    /// between runs anyway.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        match self.file {
            Some(_) => self.history.is_dirty(),
            None => !self.title().trim().is_empty() || !self.notes().trim().is_empty(),
        }
    }

    /// Whether there is an edit to undo, and one to redo.
    #[must_use]
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    /// A role it held from the start arrived (the library loads after the comparison is
    /// restored): it joins without an undo step.
    pub fn adopt_role(&mut self, id: DocId) {
        self.history.amend(|content| {
            if !content.roles.contains(&id) {
                content.roles.push(id);
            }
        });
    }

    /// What its file should hold before it is written over.
    #[must_use]
    pub fn expected(&self) -> Expect {
        self.stamp.map_or(Expect::Absent, Expect::Stamp)
    }

    /// What identifies its recovery file.
    #[must_use]
    pub fn recovery_key(&self) -> RecoveryKey {
        self.file
            .as_deref()
            .map_or_else(RecoveryKey::comparison, RecoveryKey::file)
    }
}

/// Where a role of an opened comparison was found, as read off the UI thread.
#[derive(Debug)]
pub enum RoleRead {
    /// Its file exists and was read (or failed to load, with the error); the path is canonical.
    File(Box<LoadedFile>),
    /// Its file is not there: to be found in the library by its id.
    NotFound,
}

/// A comparison as read off the UI thread: the comparison, its file's stamp and each role's file.
#[derive(Debug)]
pub struct ReadComparison {
    /// The comparison.
    pub comparison: Comparison,
    /// What its file held (none for a comparison recovered from a recovery file).
    pub stamp: Option<FileStamp>,
    /// Each role, in the comparison's order.
    pub roles: Vec<RoleRead>,
}

/// Reads a comparison file and the files of its roles. Runs on a worker thread.
///
/// # Errors
/// The comparison file cannot be read or is not a comparison (the message names the file).
pub fn read(path: &Path) -> Result<ReadComparison, String> {
    let stamp =
        disk::stamp_of(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let comparison = Comparison::load(path).map_err(|e| e.to_string())?;
    let mut read = read_roles(comparison, path);
    read.stamp = Some(stamp);
    Ok(read)
}

/// Reads the files of a comparison's roles (relative ones taken from `path`'s folder). Runs on a
/// worker thread.
fn read_roles(comparison: Comparison, path: &Path) -> ReadComparison {
    let roles = comparison
        .role_files(path)
        .into_iter()
        .map(|file| match file.filter(|f| disk::is_file(f)) {
            Some(file) => RoleRead::File(Box::new(library::load_one(disk::canonical(&file)))),
            None => RoleRead::NotFound,
        })
        .collect();
    ReadComparison {
        comparison,
        stamp: None,
        roles,
    }
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
    /// The one door for changes to the comparison: `change` edits a copy of its content, which
    /// becomes the content as an undo step (typing in the title or notes merges), and the roles
    /// compared follow it.
    pub(super) fn change_comparison(
        &mut self,
        merge_key: Option<&str>,
        change: impl FnOnce(&mut ComparisonContent),
    ) {
        let session = &mut self.state.comparison;
        let mut next = session.content().clone();
        change(&mut next);
        if session
            .history
            .record(next, merge_key.map(str::to_owned), Instant::now())
        {
            self.comparison_changed();
        }
    }

    /// Steps the comparison back (`undo`) or forward one edit.
    pub(super) fn undo_comparison(&mut self, undo: bool) {
        let history = &mut self.state.comparison.history;
        let stepped = if undo { history.undo() } else { history.redo() };
        if stepped {
            self.comparison_changed();
        }
    }

    /// After a change to the comparison: the roles compared follow its content, and its recovery
    /// file is due (or goes, once it is saved again).
    fn comparison_changed(&mut self) {
        let roles = self.state.comparison.content().roles.clone();
        self.state.store.replace_compared(&roles);
        self.work_changed(WorkId::Comparison);
    }

    /// File → Save comparison: to its file, or (never saved, or `choose`) where the user says.
    pub(super) fn ask_save_comparison(&mut self, choose: bool) {
        let session = &self.state.comparison;
        if let (Some(file), false) = (session.file.clone(), choose) {
            let expect = session.expected();
            self.save_comparison(file, expect);
            return;
        }
        let suggested = session.file.as_ref().map_or_else(
            || {
                let title = match session.title().trim() {
                    "" => "comparison",
                    title => title,
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
    pub(super) fn comparison_to_save(&self) -> Comparison {
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
        comparison.title = session.title().trim().to_owned();
        comparison.notes = session.notes().to_owned();
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

    /// Writes the comparison to `path` (final, canonical) through its queue, expecting `expect`.
    pub(super) fn save_comparison(&mut self, path: PathBuf, expect: Expect) {
        let comparison = self.comparison_to_save();
        if comparison.roles.len() > crate::comparison::MAX_ROLES {
            self.state.notify(
                true,
                format!(
                    "{}: not saved: the comparison lists {}; a comparison may list at most {}",
                    path.display(),
                    crate::fmt::count(comparison.roles.len(), "role", "roles"),
                    crate::comparison::MAX_ROLES
                ),
            );
            return;
        }
        let bytes = comparison.to_json(&path).into_bytes();
        self.io.write(WriteRequest {
            key: QueueKey::Comparison,
            path,
            expect,
            content: Content::Bytes(bytes),
            make_folder: false,
            of: WriteOf::Comparison {
                file: Box::new(comparison),
                content: Box::new(self.state.comparison.content().clone()),
            },
        });
    }

    /// The comparison was written to `path` as `file`, from `content`.
    pub(super) fn comparison_saved(
        &mut self,
        path: PathBuf,
        stamp: FileStamp,
        file: Comparison,
        content: ComparisonContent,
    ) {
        self.state.settings.add_recent_comparison(&path);
        let old_key = self.state.comparison.recovery_key();
        let session = &mut self.state.comparison;
        session.file = Some(path.clone());
        session.stamp = Some(stamp);
        session.saved = Some(file);
        session.history.mark_saved(content);
        self.work_recovery.clean(&WorkId::Comparison, old_key);
        self.work_changed(WorkId::Comparison);
        self.state
            .notify_file(format!("Saved the comparison to {}", path.display()), path);
    }

    /// Opens a comparison file in place of the comparison shown, asking first when that one has
    /// unsaved changes.
    pub(super) fn open_comparison(&mut self, path: PathBuf) {
        if self.state.comparison.is_dirty() {
            self.ask(Question::Unsaved {
                work: vec![WorkId::Comparison],
                then: Then::OpenComparison(path),
            });
            return;
        }
        self.read_comparison(path);
    }

    /// Reads a comparison file and its roles off the UI thread; while the library folder is still
    /// loading, once it has loaded (its roles are found there, not opened a second time).
    pub(super) fn read_comparison(&mut self, path: PathBuf) {
        if self.state.loading.is_some() {
            self.comparisons_after_load.push(path);
            return;
        }
        self.io.spawn("open-comparison", move || {
            let path = disk::canonical(&path);
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
        let (content, missing) = self.found_roles(&read);
        self.use_comparison_framework(&read.comparison.framework, &path);
        self.state.settings.add_recent_comparison(&path);
        self.state.view = View::Compare;
        let notice = opened_notice(&read.comparison, &path, content.roles.len(), &missing);
        self.state.notify(!missing.is_empty(), notice);
        let old_key = self.state.comparison.recovery_key();
        self.work_recovery.clean(&WorkId::Comparison, old_key);
        self.state.store.replace_compared(&content.roles);
        self.state.comparison = ComparisonSession {
            file: Some(path),
            stamp: read.stamp,
            saved: Some(read.comparison),
            missing,
            history: History::new(content, true),
        };
    }

    /// The documents of a comparison's roles (opened or found in the library), and the roles
    /// found nowhere.
    fn found_roles(&mut self, read: &ReadComparison) -> (ComparisonContent, Vec<ComparedRole>) {
        let mut roles = Vec::new();
        let mut missing = Vec::new();
        for (role, found) in read.comparison.roles.iter().zip(&read.roles) {
            match self.role_document(role, found) {
                Some(id) => roles.push(id),
                None => missing.push(role.clone()),
            }
        }
        let content = ComparisonContent {
            title: read.comparison.title.clone(),
            notes: read.comparison.notes.clone(),
            roles,
        };
        (content, missing)
    }

    /// Restore of a comparison's unsaved work: its roles are read off the UI thread (and its file,
    /// if it has one, for the version saved), then it replaces the comparison shown, unsaved.
    pub(super) fn restore_comparison_from(&mut self, recovered: Comparison, file: Option<PathBuf>) {
        self.io.spawn("restore-comparison", move || {
            let saved = file
                .as_deref()
                .filter(|f| disk::is_file(f))
                .and_then(|f| read(f).ok())
                .map(Box::new);
            let base = file.clone().unwrap_or_default();
            Done::ComparisonRecovered {
                file,
                recovered: Box::new(read_roles(recovered, &base)),
                saved,
            }
        });
    }

    /// A recovered comparison's roles were read: it becomes the comparison, with its unsaved
    /// changes to the file's version (when it has a file) as an undo step.
    pub(super) fn comparison_recovered(
        &mut self,
        file: Option<PathBuf>,
        recovered: ReadComparison,
        saved: Option<Box<ReadComparison>>,
    ) {
        let (content, missing) = self.found_roles(&recovered);
        let base = ComparisonContent {
            title: saved
                .as_ref()
                .map(|s| s.comparison.title.clone())
                .unwrap_or_default(),
            notes: saved
                .as_ref()
                .map(|s| s.comparison.notes.clone())
                .unwrap_or_default(),
            roles: content.roles.clone(),
        };
        let mut session = ComparisonSession {
            file,
            stamp: saved.as_ref().and_then(|s| s.stamp),
            saved: saved.map(|s| s.comparison),
            missing,
            history: History::new(base, true),
        };
        session.history.record(content, None, Instant::now());
        self.state.comparison = session;
        self.state.view = View::Compare;
        self.comparison_changed();
        self.state.notify(
            false,
            "Restored your unsaved comparison: save it to keep it",
        );
    }

    /// The document of a comparison's role: already open at its file, opened now, or found in
    /// the library by its `meta.id` when its file is gone.
    fn role_document(&mut self, role: &ComparedRole, found: &RoleRead) -> Option<DocId> {
        let store = &self.state.store;
        match found {
            RoleRead::File(file) => {
                if let Some(id) = store.by_path(&file.path) {
                    return Some(id);
                }
                let loaded = match &file.result {
                    Ok(loaded) => loaded.clone(),
                    Err(error) => {
                        self.state.notify(true, error.to_string());
                        return None;
                    }
                };
                let state = &mut self.state;
                let scoring = Scoring::of(&state.frameworks, &state.view_under);
                let document = scoring.document(loaded);
                Some(state.store.open(file.path.clone(), Ok(document)))
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

    /// After files were opened: the source "Compare with source" waited for, if it is open now
    /// (by its canonical path, or by its id).
    pub(super) fn source_opened(&mut self) {
        let Some((variant, file)) = self.source_to_compare.take() else {
            return;
        };
        let store = &self.state.store;
        let source = store.by_path(&file).or_else(|| {
            let derived = store.doc(variant)?.assessment().meta.derived_from.clone()?;
            store.by_assessment_id(&derived.id)
        });
        match source {
            Some(source) => self.show_beside_source(source, variant),
            None => self.source_to_compare = Some((variant, file)),
        }
    }

    fn show_beside_source(&mut self, source: DocId, variant: DocId) {
        self.change_comparison(None, |content| content.roles = vec![source, variant]);
        self.state.selected = Some(variant);
        self.state.view = View::Compare;
    }
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
    let roles = crate::fmt::count(found, "role", "roles");
    let mut text = format!("Opened the comparison {title}: {roles}");
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(ComparedRole::describe).collect();
        text.push_str(&format!("; not found: {}", names.join(", ")));
    }
    text
}
