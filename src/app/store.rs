//! The open documents by id, and the one door every change to an assessment passes through.
//!
//! A [`DocId`] names a document for as long as it is open: selection, the comparison set, dialog
//! purposes, questions and background answers hold ids, never list positions, and an id whose
//! document is gone finds nothing. [`Store::edit`] is the only way an assessment changes: widget
//! edits (a working copy compared once per frame), task-list changes, What-if, restore, reload,
//! revert, undo and redo. There undo steps are recorded (typing in one text field of one document
//! merges into one step), figures are recomputed, the unsaved marker is set and the recovery file
//! is scheduled.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::history::History;
use super::unsaved::{RecoverySchedule, RecoveryWork};
use crate::adjust;
use crate::framework::{Framework, Frameworks};
use crate::library::recovery::{Recovery, RecoveryKey, Work};
use crate::library::{self, Expect, FileStamp, LoadedFile};
use crate::model::diff::differences;
use crate::model::{Assessment, Task, Zone};
use crate::scoring::{self, Breakdown};
use crate::sensitivity::Change;
use crate::validate::{self, Finding};

/// The identity of an open document; never reused while the program runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(u64);

/// One change to one document, as the views and dialogs ask for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Widgets changed fields of a working copy: this is the copy after the frame.
    Fields(Box<Assessment>),
    /// A change to the list of tasks.
    Tasks(TaskEdit),
    /// What-if changes applied as an ordinary edit.
    WhatIf(Vec<Change>),
    /// The reasons the adviser gave for adjustments, each by its input.
    Reasons(Vec<(adjust::InputPath, String)>),
    /// Links the entry at `position` under "where to look next" to the library role with the
    /// `meta.id` `id` (writes the entry's `id`; `None` takes the link away, so it is matched by
    /// its title again).
    LinkRelated {
        /// The entry's position in `commentary.where_to_look_next`.
        position: usize,
        /// The `meta.id` of the library role it means.
        id: Option<String>,
    },
    /// Unsaved edits brought back from a recovery file.
    Restore(Box<Assessment>),
    /// The file as it is on disk now, taken over as the saved version.
    Reload(Box<Assessment>, FileStamp),
    /// Back to the saved version.
    Revert,
    /// Step back one edit.
    Undo,
    /// Step forward one undone edit.
    Redo,
}

/// A structural change to the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskEdit {
    /// Add a task at the end.
    Add,
    /// Remove the task at this index.
    Remove(usize),
    /// Swap the task at this index with the one above.
    MoveUp(usize),
    /// Swap the task at this index with the one below.
    MoveDown(usize),
}

impl TaskEdit {
    fn apply(self, tasks: &mut Vec<Task>) {
        match self {
            Self::MoveUp(i) if i > 0 && i < tasks.len() => tasks.swap(i, i - 1),
            Self::MoveDown(i) if i + 1 < tasks.len() => tasks.swap(i, i + 1),
            Self::Remove(i) if i < tasks.len() => {
                tasks.remove(i);
            }
            Self::Add => tasks.push(Task {
                name: format!("Task {}", tasks.len() + 1),
                time_pct: 10.0,
                score: 3,
                ..Task::default()
            }),
            _ => {}
        }
    }
}

/// One assessment open in the program, with its figures kept up to date. Its fields change only
/// through [`Store`].
#[derive(Debug, Clone)]
pub struct Document {
    history: History<Assessment>,
    stamp: Option<FileStamp>,
    breakdown: Breakdown,
    findings: Vec<Finding>,
    /// Lower-case title, seniority and tags, for search.
    search_text: String,
    /// Lower-case title, for sorting.
    sort_title: String,
    /// Lower-case tags, for the tag filter.
    tags: Vec<String>,
    /// Where the seniority stands among the usual levels, for sorting.
    seniority: Seniority,
    /// When its file last changed (on disk, or saved here); a new document: when it was made.
    modified: Option<SystemTime>,
}

/// The usual levels of seniority, as a role's free-text seniority names them: the role list's
/// order from junior to most senior (a seniority that names none of them comes last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seniority {
    /// Intern, trainee, apprentice.
    Trainee,
    /// Junior, entry level, graduate.
    Junior,
    /// Mid-level, intermediate.
    Mid,
    /// Senior.
    Senior,
    /// Lead, staff, principal.
    Lead,
    /// Head, director, chief, VP.
    Head,
    /// None of the above.
    Unknown,
}

impl Seniority {
    /// The level a seniority text names, the most senior word first ("Senior lead" is a lead).
    #[must_use]
    pub fn of(text: &str) -> Self {
        let text = text.to_lowercase();
        let words: &[(Self, &[&str])] = &[
            (
                Self::Head,
                &["head", "director", "chief", "vp", "vice president"],
            ),
            (Self::Lead, &["lead", "staff", "principal"]),
            (Self::Senior, &["senior"]),
            (Self::Mid, &["mid", "intermediate"]),
            (Self::Junior, &["junior", "entry", "graduate"]),
            (Self::Trainee, &["intern", "trainee", "apprentice"]),
        ];
        words
            .iter()
            .find(|(_, names)| names.iter().any(|n| text.contains(n)))
            .map_or(Self::Unknown, |(level, _)| *level)
    }
}

impl Document {
    /// A document for an assessment as it is on disk (`stamp`) or new (`None`, and unsaved).
    #[must_use]
    pub fn new(assessment: Assessment, stamp: Option<FileStamp>, framework: &Framework) -> Self {
        let breakdown = scoring::score(&assessment, framework);
        let findings = validate::validate(&assessment, framework, &breakdown);
        Self {
            breakdown,
            findings,
            search_text: search_text(&assessment),
            sort_title: assessment.role.title.to_lowercase(),
            tags: lower_tags(&assessment),
            seniority: Seniority::of(&assessment.role.seniority),
            modified: stamp.is_none().then(SystemTime::now),
            history: History::new(assessment, stamp.is_some()),
            stamp,
        }
    }

    /// When its file last changed: on disk, or saved here (a new document: when it was made).
    #[must_use]
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }

    /// Where its seniority stands among the usual levels.
    #[must_use]
    pub fn seniority(&self) -> Seniority {
        self.seniority
    }

    /// Whether the document carries every one of these lower-case tags.
    #[must_use]
    pub fn has_tags<'a>(&self, tags: impl IntoIterator<Item = &'a String>) -> bool {
        tags.into_iter().all(|tag| self.tags.contains(tag))
    }

    /// Its tags in lower case.
    #[must_use]
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The assessment as edited.
    #[must_use]
    pub fn assessment(&self) -> &Assessment {
        self.history.current()
    }

    /// The assessment as saved (as loaded, for a document never changed).
    #[must_use]
    pub fn saved_version(&self) -> &Assessment {
        self.history.saved()
    }

    /// Every computed figure of the assessment as edited.
    #[must_use]
    pub fn breakdown(&self) -> &Breakdown {
        &self.breakdown
    }

    /// The findings of the assessment as edited.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether the assessment differs from the saved one (a new document always does).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// What the file held when loaded or saved; `None` for a document never saved.
    #[must_use]
    pub fn stamp(&self) -> Option<FileStamp> {
        self.stamp
    }

    /// What its file should hold before a save writes over it.
    #[must_use]
    pub fn expected(&self) -> Expect {
        self.stamp.map_or(Expect::Absent, Expect::Stamp)
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is an undone edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The title in lower case, the role list's alphabetical order.
    #[must_use]
    pub fn sort_title(&self) -> &str {
        &self.sort_title
    }

    /// Whether the document matches a lower-case search text (title, seniority or a tag).
    #[must_use]
    pub fn matches(&self, needle_lower: &str) -> bool {
        needle_lower.is_empty() || self.search_text.contains(needle_lower)
    }

    /// What a filtered, sorted list of documents depends on: the searchable text (title,
    /// seniority, tags), the final score and zone, and when its file last changed.
    fn list_key(&self) -> (String, Option<(u64, Zone)>, Option<SystemTime>) {
        let result = self
            .breakdown
            .final_result()
            .map(|r| (r.score.to_bits(), r.zone));
        (self.search_text.clone(), result, self.modified)
    }

    fn refresh(&mut self, framework: &Framework) {
        let assessment = self.history.current();
        self.breakdown = scoring::score(assessment, framework);
        self.findings = validate::validate(assessment, framework, &self.breakdown);
        self.search_text = search_text(assessment);
        self.sort_title = assessment.role.title.to_lowercase();
        self.tags = lower_tags(assessment);
        self.seniority = Seniority::of(&assessment.role.seniority);
    }

    /// Carries out one edit; false when it changed nothing.
    fn apply(&mut self, edit: Edit, framework: &Framework, now: Instant) -> bool {
        let history = &mut self.history;
        let changed = match edit {
            Edit::Undo => history.undo(),
            Edit::Redo => history.redo(),
            Edit::Revert => history.revert(now),
            Edit::Reload(assessment, stamp) => {
                // A reload of an unchanged file still updates the stamp and the dirty marker.
                if self.stamp != Some(stamp) {
                    self.modified = Some(SystemTime::now());
                }
                self.stamp = Some(stamp);
                let before = history.current().clone();
                history.reload(*assessment, now);
                before != *history.current()
            }
            Edit::Restore(assessment) => history.record(*assessment, None, now),
            Edit::Fields(assessment) => self.changed_to(*assessment, now),
            Edit::Tasks(change) => {
                let mut next = history.current().clone();
                change.apply(&mut next.tasks);
                self.changed_to(next, now)
            }
            Edit::WhatIf(changes) => {
                let mut next = history.current().clone();
                for change in &changes {
                    change.apply(&mut next);
                }
                self.changed_to(next, now)
            }
            Edit::LinkRelated { position, id } => {
                let mut next = history.current().clone();
                match next.commentary.where_to_look_next.get_mut(position) {
                    Some(related) => related.id = id,
                    None => return false,
                }
                self.changed_to(next, now)
            }
            Edit::Reasons(reasons) => {
                let mut next = history.current().clone();
                for (path, reason) in reasons {
                    adjust::set_reason(&mut next, path, &reason);
                }
                history.record(next, None, now)
            }
        };
        self.refresh(framework);
        changed
    }

    /// A user's edit to `next`, as one undo step (typing in one text field merges).
    fn changed_to(&mut self, next: Assessment, now: Instant) -> bool {
        let next = self.adjusted(next);
        let current = self.history.current();
        let merge_key = match differences(current, &next).as_slice() {
            [only] => only.text_field().map(ToString::to_string),
            _ => None,
        };
        self.history.record(next, merge_key, now)
    }

    /// The assessment after a user's edit: an assessment that keeps a record of what it changed
    /// from its source (an adjusted variant, a publisher's record: [`adjust::keeps_record`])
    /// keeps it current (an input changed back to the source's value loses its entry), and a
    /// publisher's `published` block is never rewritten. Restores, reloads, undo and redo bring
    /// whole versions back, record included, and skip this.
    fn adjusted(&self, mut next: Assessment) -> Assessment {
        let current = self.history.current();
        if adjust::keeps_record(current) {
            next.published.clone_from(&current.published);
            adjust::refresh_adjustments(current, &mut next);
        }
        next
    }

    /// `saved` was written to the file, which now holds `stamp`.
    fn mark_saved(&mut self, saved: Assessment, stamp: FileStamp) {
        self.stamp = Some(stamp);
        self.modified = Some(SystemTime::now());
        self.history.mark_saved(saved);
    }
}

fn lower_tags(a: &Assessment) -> Vec<String> {
    a.meta
        .tags
        .iter()
        .map(|t| t.trim().to_lowercase())
        .collect()
}

fn search_text(a: &Assessment) -> String {
    let mut text = format!("{} {}", a.role.title, a.role.seniority);
    for tag in &a.meta.tags {
        text.push(' ');
        text.push_str(tag);
    }
    text.to_lowercase()
}

/// Which framework each document is scored under: the one its assessment names (the published
/// one when that is not available), or the one every role is viewed under.
#[derive(Debug, Clone, Copy)]
pub struct Scoring<'a> {
    /// The frameworks available.
    pub frameworks: &'a Frameworks,
    /// The id every role is viewed under, if the user chose one.
    pub view_under: Option<&'a str>,
}

impl<'a> Scoring<'a> {
    /// Scoring by `frameworks`, every role under `view_under` when set.
    #[must_use]
    pub fn of(frameworks: &'a Frameworks, view_under: &'a Option<String>) -> Self {
        Self {
            frameworks,
            view_under: view_under.as_deref(),
        }
    }

    /// The framework an assessment is scored under.
    #[must_use]
    pub fn framework_for(&self, assessment: &Assessment) -> &'a Framework {
        self.view_under
            .and_then(|id| self.frameworks.get(id))
            .unwrap_or_else(|| self.frameworks.resolve(assessment).framework)
    }

    /// A loaded file as a document scored under its framework.
    #[must_use]
    pub fn document(&self, loaded: library::Loaded) -> Document {
        let framework = self.framework_for(&loaded.assessment);
        let mut doc = Document::new(loaded.assessment, Some(loaded.stamp), framework);
        doc.modified = loaded.modified;
        doc
    }
}

/// One open file: a document, or the reason the file could not be loaded.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The document's identity.
    pub id: DocId,
    /// Where the document lives (a new document gets a free path in the library folder).
    pub path: PathBuf,
    /// The document, or the load error as the user reads it.
    pub content: Result<Document, String>,
    /// The file was deleted on disk while the document had unsaved edits (kept; saving writes
    /// it again).
    pub deleted_on_disk: bool,
}

impl Entry {
    /// The document, when the file loaded.
    #[must_use]
    pub fn doc(&self) -> Option<&Document> {
        self.content.as_ref().ok()
    }

    /// The file name, for lists and notices.
    #[must_use]
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }
}

/// A path's file name, for lists and notices.
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Every open document, by id, in the order they were opened; the comparison set; and the
/// recovery work the edits caused.
#[derive(Debug, Default)]
pub struct Store {
    /// The library folder, when one is open.
    pub folder: Option<PathBuf>,
    entries: Vec<Entry>,
    positions: HashMap<DocId, usize>,
    by_path: HashMap<PathBuf, DocId>,
    next_id: u64,
    compared: Vec<DocId>,
    /// Bumped by every change that can change which documents a filtered list shows or their
    /// order: opening and closing, a changed title, tag, score or zone. A keystroke in a text
    /// field that none of these read leaves it alone, so a 10,000-role list is not sorted again.
    generation: u64,
    /// The document whose change made the last bump of `generation`, when one edit did.
    last_changed: Option<DocId>,
    /// Bumped by every change to any document — every edit, not only those a list shows — and
    /// with every bump of `generation`: what views that read the whole library's content (its
    /// pathways) keep their work by.
    revision: u64,
    /// When documents with unsaved edits are due in a recovery file; recovery files to remove.
    recovery: RecoverySchedule<DocId>,
}

impl Store {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Every entry, in the order opened.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of a document, if it is still open.
    #[must_use]
    pub fn entry(&self, id: DocId) -> Option<&Entry> {
        self.positions.get(&id).and_then(|&i| self.entries.get(i))
    }

    /// The loaded document of an id, if it is still open.
    #[must_use]
    pub fn doc(&self, id: DocId) -> Option<&Document> {
        self.entry(id).and_then(Entry::doc)
    }

    /// The path of an open document.
    #[must_use]
    pub fn path(&self, id: DocId) -> Option<&Path> {
        self.entry(id).map(|e| e.path.as_path())
    }

    /// The document open at a path.
    #[must_use]
    pub fn by_path(&self, path: &Path) -> Option<DocId> {
        self.by_path.get(path).copied()
    }

    /// Notes a change a list of documents could show; which document, the caller says.
    fn bump(&mut self) {
        self.generation += 1;
        self.revision += 1;
        self.last_changed = None;
    }

    /// The document whose edit changed the lists last, when the last change was one edit (a list
    /// then only has to move that document's row).
    #[must_use]
    pub fn last_changed(&self) -> Option<DocId> {
        self.last_changed
    }

    /// A number that changes whenever a filtered, sorted list of the documents could change.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A number that changes whenever any document changes.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Opens a document (or a failed file) and returns its new id.
    pub fn open(&mut self, path: PathBuf, content: Result<Document, String>) -> DocId {
        let id = DocId(self.next_id);
        self.next_id += 1;
        self.positions.insert(id, self.entries.len());
        self.by_path.insert(path.clone(), id);
        self.entries.push(Entry {
            id,
            path,
            content,
            deleted_on_disk: false,
        });
        self.bump();
        id
    }

    /// Opens a loaded file as a new document.
    pub fn open_loaded(&mut self, file: LoadedFile, scoring: &Scoring<'_>) -> DocId {
        let content = file
            .result
            .map(|loaded| scoring.document(loaded))
            .map_err(|e| e.to_string());
        self.open(file.path, content)
    }

    /// Closes every document (opening another library). Ids are never reused, so answers for the
    /// closed documents find nothing.
    pub fn close_all(&mut self) {
        self.entries.clear();
        self.positions.clear();
        self.by_path.clear();
        self.compared.clear();
        self.recovery.clear();
        self.bump();
    }

    /// Marks a document whose file was deleted on disk (or found again).
    pub fn mark_deleted(&mut self, id: DocId, deleted: bool) {
        if let Some(&i) = self.positions.get(&id) {
            self.entries[i].deleted_on_disk = deleted;
        }
    }

    /// Closes one document (its file was replaced by another document's save, or removed).
    pub fn forget(&mut self, id: DocId) {
        let Some(i) = self.positions.remove(&id) else {
            return;
        };
        let entry = self.entries.remove(i);
        self.by_path.remove(&entry.path);
        for (position, entry) in self.entries.iter().enumerate().skip(i) {
            self.positions.insert(entry.id, position);
        }
        self.compared.retain(|&c| c != id);
        self.recovery.forget(&id);
        self.bump();
    }

    /// Replaces a failed entry by a new load result, keeping its id (a file fixed on disk).
    pub fn replace_failed(&mut self, id: DocId, file: LoadedFile, scoring: &Scoring<'_>) {
        let Some(&i) = self.positions.get(&id) else {
            return;
        };
        if self.entries[i].doc().is_some() {
            return;
        }
        self.entries[i].content = file
            .result
            .map(|loaded| scoring.document(loaded))
            .map_err(|e| e.to_string());
        self.bump();
    }

    /// The one door for changes to an assessment. False when the document is gone or the edit
    /// changed nothing.
    pub fn edit(&mut self, id: DocId, edit: Edit, scoring: &Scoring<'_>) -> bool {
        let now = Instant::now();
        let Some(&i) = self.positions.get(&id) else {
            return false;
        };
        let entry = &mut self.entries[i];
        let Ok(doc) = &mut entry.content else {
            return false;
        };
        let key = doc.list_key();
        let framework = scoring.framework_for(doc.assessment());
        let changed = doc.apply(edit, framework, now);
        self.revision += u64::from(changed);
        let dirty = doc.is_dirty();
        let path = entry.path.clone();
        if doc.list_key() != key {
            self.bump();
            self.last_changed = Some(id);
        }
        if dirty {
            if changed {
                self.recovery.edited(id, now);
            }
        } else {
            self.recovery.clean(&id, RecoveryKey::file(&path));
        }
        changed
    }

    /// Records that a document was saved to `path` as `saved` (which may be older than the
    /// document, if it changed meanwhile).
    pub fn mark_saved(&mut self, id: DocId, path: PathBuf, saved: Assessment, stamp: FileStamp) {
        let Some(&i) = self.positions.get(&id) else {
            return;
        };
        let entry = &mut self.entries[i];
        entry.deleted_on_disk = false;
        if entry.path != path {
            self.recovery.clean(&id, RecoveryKey::file(&entry.path));
            self.by_path.remove(&entry.path);
            self.by_path.insert(path.clone(), id);
            entry.path = path.clone();
        }
        if let Ok(doc) = &mut entry.content {
            doc.mark_saved(saved, stamp);
            if !doc.is_dirty() {
                self.recovery.clean(&id, RecoveryKey::file(&path));
            }
        }
        self.bump();
    }

    /// A document's file moved (renamed): the document follows, with its recovery file.
    pub fn moved(&mut self, id: DocId, to: PathBuf) {
        let Some(&i) = self.positions.get(&id) else {
            return;
        };
        let entry = &mut self.entries[i];
        let from = std::mem::replace(&mut entry.path, to.clone());
        self.by_path.remove(&from);
        self.by_path.insert(to, id);
        if entry.doc().is_some_and(Document::is_dirty) {
            // The recovery file is named by the path: the old one goes, a new one is written.
            self.recovery.clean(&id, RecoveryKey::file(&from));
            self.recovery.edited(id, Instant::now());
        }
        self.bump();
    }

    /// The edits of these documents were discarded: their recovery files go.
    pub fn discard_recovery(&mut self, ids: &[DocId]) {
        for &id in ids {
            if let Some(path) = self.path(id).map(Path::to_path_buf) {
                self.recovery.clean(&id, RecoveryKey::file(&path));
            }
        }
    }

    /// Recovery work that is due: edits unchanged for `delay` are written, saved or discarded
    /// ones removed.
    pub fn take_recovery_work(&mut self, delay: Duration) -> Vec<RecoveryWork> {
        let (due, removals) = self.recovery.take(delay);
        let mut work: Vec<RecoveryWork> = removals.into_iter().map(RecoveryWork::Remove).collect();
        for id in due {
            if let Some(entry) = self.entry(id)
                && let Some(doc) = entry.doc().filter(|d| d.is_dirty())
            {
                work.push(RecoveryWork::Write(Box::new(Recovery::new(
                    RecoveryKey::file(&entry.path),
                    Some(entry.path.clone()),
                    doc.stamp,
                    Work::Assessment(Box::new(doc.assessment().clone())),
                ))));
            }
        }
        work
    }

    /// Whether edits wait to be written to recovery files.
    #[must_use]
    pub fn recovery_pending(&self) -> bool {
        self.recovery.pending()
    }

    /// Scores every document again (the frameworks or the one they are viewed under changed).
    pub fn rescore(&mut self, scoring: &Scoring<'_>) {
        for entry in &mut self.entries {
            if let Ok(doc) = &mut entry.content {
                let framework = scoring.framework_for(doc.assessment());
                doc.refresh(framework);
            }
        }
        self.bump();
    }

    /// Whether the document is in the comparison set.
    #[must_use]
    pub fn is_compared(&self, id: DocId) -> bool {
        self.compared.contains(&id)
    }

    /// Puts a document in the comparison set or takes it out.
    pub fn set_compared(&mut self, id: DocId, compared: bool) {
        self.compared.retain(|&c| c != id);
        if compared && self.doc(id).is_some() {
            self.compared.push(id);
        }
    }

    /// Makes these documents (those still open) the comparison set.
    pub fn replace_compared(&mut self, ids: &[DocId]) {
        self.compared = ids
            .iter()
            .copied()
            .filter(|&id| self.doc(id).is_some())
            .collect();
    }

    /// The open document whose assessment has this `meta.id`, if any (a role found again by its
    /// id after its file moved).
    #[must_use]
    pub fn by_assessment_id(&self, assessment_id: &str) -> Option<DocId> {
        self.entries
            .iter()
            .find(|e| {
                e.doc()
                    .is_some_and(|d| d.assessment().meta.id == assessment_id)
            })
            .map(|e| e.id)
    }

    /// How many documents are in the comparison set.
    #[must_use]
    pub fn compared_count(&self) -> usize {
        self.compared.len()
    }

    /// The comparison set: loaded documents, in the order they were added (ticked, or listed in
    /// a saved comparison).
    #[must_use]
    pub fn compared(&self) -> Vec<DocId> {
        self.compared
            .iter()
            .copied()
            .filter(|&id| self.doc(id).is_some())
            .collect()
    }

    /// The documents with unsaved edits.
    #[must_use]
    pub fn dirty(&self) -> Vec<DocId> {
        self.entries
            .iter()
            .filter(|e| e.doc().is_some_and(Document::is_dirty))
            .map(|e| e.id)
            .collect()
    }

    /// A path in the library folder (or `near`'s folder) that no open document uses. Whether a
    /// file is there already is the save's to find out (off the UI thread): it asks before
    /// replacing one.
    #[must_use]
    pub fn free_path(&self, near: Option<&Path>, title: &str) -> PathBuf {
        let folder = self
            .folder
            .clone()
            .or_else(|| near.and_then(Path::parent).map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        let name = library::file_name_for(title);
        let stem = name.trim_end_matches(library::EXTENSION).to_owned();
        (1..)
            .map(|n| {
                if n == 1 {
                    folder.join(&name)
                } else {
                    folder.join(format!("{stem}-{n}{}", library::EXTENSION))
                }
            })
            .find(|p| self.by_path(p).is_none())
            .unwrap_or_else(|| folder.join(name))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Scoring under the published framework only.
    fn published() -> Scoring<'static> {
        static NONE: Option<String> = None;
        static FRAMEWORKS: std::sync::OnceLock<Frameworks> = std::sync::OnceLock::new();
        Scoring::of(FRAMEWORKS.get_or_init(Frameworks::new), &NONE)
    }

    fn store_with_blank() -> (Store, DocId) {
        let mut store = Store::new();
        let framework = Framework::published();
        let doc = Document::new(Assessment::blank(), Some(FileStamp::of(b"x")), framework);
        let id = store.open(PathBuf::from("a.aijri.json"), Ok(doc));
        (store, id)
    }

    fn typed(store: &mut Store, id: DocId, title: &str) {
        let mut next = store.doc(id).unwrap().assessment().clone();
        next.role.title = title.into();
        store.edit(id, Edit::Fields(Box::new(next)), &published());
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_but_another_field_is_not() {
        let (mut store, id) = store_with_blank();
        typed(&mut store, id, "N");
        typed(&mut store, id, "Nu");
        typed(&mut store, id, "Nurse");
        store.edit(id, Edit::Tasks(TaskEdit::Add), &published());
        store.edit(id, Edit::Undo, &published());
        assert_eq!(store.doc(id).unwrap().assessment().role.title, "Nurse");
        store.edit(id, Edit::Undo, &published());
        assert_eq!(store.doc(id).unwrap().assessment().role.title, "New role");
        assert!(!store.doc(id).unwrap().is_dirty());
    }

    #[test]
    fn redo_after_undo_to_the_saved_version_is_unsaved_again() {
        let (mut store, id) = store_with_blank();
        store.edit(id, Edit::Tasks(TaskEdit::Add), &published());
        store.edit(id, Edit::Undo, &published());
        assert!(!store.doc(id).unwrap().is_dirty());
        store.edit(id, Edit::Redo, &published());
        assert!(store.doc(id).unwrap().is_dirty());
        store.edit(id, Edit::Revert, &published());
        assert!(!store.doc(id).unwrap().is_dirty());
        assert_eq!(store.doc(id).unwrap().assessment().tasks.len(), 1);
    }

    #[test]
    fn undo_never_merges_across_documents() {
        let (mut store, a) = store_with_blank();
        let b = store.open(
            PathBuf::from("b.aijri.json"),
            Ok(Document::new(
                Assessment::blank(),
                Some(FileStamp::of(b"y")),
                Framework::published(),
            )),
        );
        typed(&mut store, a, "A1");
        typed(&mut store, b, "B1");
        typed(&mut store, a, "A12");
        store.edit(b, Edit::Undo, &published());
        assert_eq!(store.doc(b).unwrap().assessment().role.title, "New role");
        assert_eq!(store.doc(a).unwrap().assessment().role.title, "A12");
    }

    #[test]
    fn an_edit_to_a_closed_document_does_nothing() {
        let (mut store, id) = store_with_blank();
        store.close_all();
        assert!(!store.edit(id, Edit::Tasks(TaskEdit::Add), &published()));
        assert!(store.doc(id).is_none());
    }

    #[test]
    fn edits_schedule_a_recovery_file_and_going_back_removes_it() {
        let (mut store, id) = store_with_blank();
        typed(&mut store, id, "Edited");
        let work = store.take_recovery_work(Duration::ZERO);
        assert!(
            matches!(work.as_slice(), [RecoveryWork::Write(r)] if matches!(&r.work, Work::Assessment(a) if a.role.title == "Edited"))
        );
        store.edit(id, Edit::Revert, &published());
        let work = store.take_recovery_work(Duration::ZERO);
        assert_eq!(
            work,
            vec![RecoveryWork::Remove(RecoveryKey::file(Path::new(
                "a.aijri.json"
            )))]
        );
    }
}
