//! The application state as plain data: the open library, the documents with their cached figures,
//! undo history, the role list's filters and the pending confirmations. Tests build and drive it
//! without a window; the egui panels only read it and emit [`Action`]s.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::library::{self, FileStamp, LoadedFile};
use crate::model::{Assessment, Zone};
use crate::scoring::{self, Breakdown};
use crate::validate::{self, Finding};

/// How many undo steps each document keeps.
const UNDO_DEPTH: usize = 200;

/// One assessment open in the program, with its figures kept up to date.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The assessment as edited.
    pub assessment: Assessment,
    /// The assessment as last saved or loaded (for the dirty marker and revert).
    saved: Assessment,
    /// What the file held when loaded or saved, to notice changes by others.
    pub stamp: Option<FileStamp>,
    /// Every computed figure, recomputed on each edit.
    pub breakdown: Breakdown,
    /// The findings, recomputed on each edit.
    pub findings: Vec<Finding>,
    /// Whether the assessment differs from the saved one.
    pub dirty: bool,
    undo: Vec<Assessment>,
    redo: Vec<Assessment>,
    /// Lower-case title, seniority and tags, for search.
    search_text: String,
}

impl Doc {
    /// A document for an assessment as it is on disk (`stamp`) or new (`None`, and dirty).
    #[must_use]
    pub fn new(assessment: Assessment, stamp: Option<FileStamp>, framework: &Framework) -> Self {
        let breakdown = scoring::score(&assessment, framework);
        let findings = validate::validate(&assessment, framework, &breakdown);
        let mut doc = Self {
            saved: assessment.clone(),
            dirty: stamp.is_none(),
            assessment,
            stamp,
            breakdown,
            findings,
            undo: Vec::new(),
            redo: Vec::new(),
            search_text: String::new(),
        };
        doc.search_text = search_text(&doc.assessment);
        doc
    }

    /// Recomputes the figures and findings after the assessment changed.
    pub fn refresh(&mut self, framework: &Framework) {
        self.breakdown = scoring::score(&self.assessment, framework);
        self.findings = validate::validate(&self.assessment, framework, &self.breakdown);
        self.dirty = self.stamp.is_none() || self.assessment != self.saved;
        self.search_text = search_text(&self.assessment);
    }

    /// Records that the assessment changed from `before`; `merge` folds the change into the last
    /// undo step (typing in one field), otherwise it becomes a step of its own.
    pub fn record_edit(&mut self, before: Assessment, merge: bool, framework: &Framework) {
        if !merge || self.undo.is_empty() {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.refresh(framework);
    }

    /// Applies an edit as one undoable step.
    pub fn edit(&mut self, framework: &Framework, change: impl FnOnce(&mut Assessment)) {
        let before = self.assessment.clone();
        change(&mut self.assessment);
        if self.assessment != before {
            self.record_edit(before, false, framework);
        }
    }

    /// Steps back one edit; false when there is none.
    pub fn undo(&mut self, framework: &Framework) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.assessment, previous));
        self.refresh(framework);
        true
    }

    /// Steps forward one undone edit; false when there is none.
    pub fn redo(&mut self, framework: &Framework) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo
            .push(std::mem::replace(&mut self.assessment, next));
        self.refresh(framework);
        true
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the current assessment as saved with the given stamp.
    pub fn mark_saved(&mut self, stamp: FileStamp) {
        self.saved = self.assessment.clone();
        self.stamp = Some(stamp);
        self.dirty = false;
    }

    /// Goes back to the saved assessment, as one undoable edit.
    pub fn revert(&mut self, framework: &Framework) {
        let saved = self.saved.clone();
        self.edit(framework, |a| *a = saved);
    }

    /// Whether the document matches a lower-case search text (title, seniority or a tag).
    #[must_use]
    pub fn matches(&self, needle_lower: &str) -> bool {
        needle_lower.is_empty() || self.search_text.contains(needle_lower)
    }
}

fn search_text(a: &Assessment) -> String {
    let mut text = format!("{} {}", a.role.title, a.role.seniority);
    for tag in &a.meta.tags {
        text.push(' ');
        text.push_str(tag);
    }
    text.to_lowercase()
}

/// One row of the library: a document, or a file that failed to load.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Where the document lives (new documents get a path in the library folder).
    pub path: PathBuf,
    /// The document, or the load error as the user reads it.
    pub content: Result<Doc, String>,
    /// Whether the role is in the comparison set.
    pub compared: bool,
}

impl Entry {
    /// The document, when the file loaded.
    #[must_use]
    pub fn doc(&self) -> Option<&Doc> {
        self.content.as_ref().ok()
    }

    /// The document for editing, when the file loaded.
    pub fn doc_mut(&mut self) -> Option<&mut Doc> {
        self.content.as_mut().ok()
    }

    /// The file name, for lists and notices.
    #[must_use]
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// How the role list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    /// Alphabetical by title.
    #[default]
    Title,
    /// Highest final score first.
    ScoreDescending,
    /// Lowest final score first.
    ScoreAscending,
}

impl SortKey {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Self; 3] = [Self::Title, Self::ScoreDescending, Self::ScoreAscending];

    /// The order's name in the sort menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title A–Z",
            Self::ScoreDescending => "Score, highest first",
            Self::ScoreAscending => "Score, lowest first",
        }
    }
}

/// The role list's search, filter and order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Search text (title, seniority, tag).
    pub search: String,
    /// Show only this zone.
    pub zone: Option<Zone>,
    /// The order.
    pub sort: SortKey,
}

/// The library: the folder and every entry, with the filtered, sorted view the list shows.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The folder, when a folder is open (files opened one by one have none).
    pub folder: Option<PathBuf>,
    /// Every entry, in load order.
    pub entries: Vec<Entry>,
    /// Indices of `entries` the list shows, in order; rebuilt when stale.
    visible: Vec<usize>,
    /// The filter `visible` was built for, `None` when it must be rebuilt.
    visible_for: Option<ListFilter>,
}

impl Library {
    /// A library of loaded files.
    #[must_use]
    pub fn from_files(
        folder: Option<PathBuf>,
        files: Vec<LoadedFile>,
        framework: &Framework,
    ) -> Self {
        let mut library = Self {
            folder,
            ..Self::default()
        };
        for file in files {
            library.entries.push(entry_from(file, framework));
        }
        library
    }

    /// Adds files, replacing entries of the same path; returns the index of the last one added.
    pub fn add_files(&mut self, files: Vec<LoadedFile>, framework: &Framework) -> Option<usize> {
        let mut last = None;
        for file in files {
            let entry = entry_from(file, framework);
            last = Some(self.insert(entry));
        }
        last
    }

    /// Inserts an entry, replacing one of the same path; returns its index.
    pub fn insert(&mut self, entry: Entry) -> usize {
        self.invalidate();
        if let Some(i) = self.entries.iter().position(|e| e.path == entry.path) {
            self.entries[i] = entry;
            i
        } else {
            self.entries.push(entry);
            self.entries.len() - 1
        }
    }

    /// Marks the list view stale (after edits that change titles or scores).
    pub fn invalidate(&mut self) {
        self.visible_for = None;
    }

    /// The indices the list shows under a filter, in order. Cached until the filter changes or
    /// [`Library::invalidate`] is called.
    pub fn visible(&mut self, filter: &ListFilter) -> &[usize] {
        if self.visible_for.as_ref() != Some(filter) {
            self.visible = self.compute_visible(filter);
            self.visible_for = Some(filter.clone());
        }
        &self.visible
    }

    fn compute_visible(&self, filter: &ListFilter) -> Vec<usize> {
        let needle = filter.search.trim().to_lowercase();
        let mut rows: Vec<usize> = (0..self.entries.len())
            .filter(|&i| match &self.entries[i].content {
                Ok(doc) => {
                    doc.matches(&needle)
                        && filter
                            .zone
                            .is_none_or(|z| doc.breakdown.final_result.zone == z)
                }
                // Broken files stay visible unless a zone filter is on, so errors are not hidden.
                Err(_) => {
                    filter.zone.is_none()
                        && self.entries[i].file_name().to_lowercase().contains(&needle)
                }
            })
            .collect();
        let title = |i: usize| {
            self.entries[i]
                .doc()
                .map(|d| d.assessment.role.title.to_lowercase())
        };
        let score = |i: usize| {
            self.entries[i]
                .doc()
                .map_or(f64::NEG_INFINITY, |d| d.breakdown.final_result.score)
        };
        match filter.sort {
            SortKey::Title => rows.sort_by_cached_key(|&i| {
                (title(i).is_none(), title(i), self.entries[i].path.clone())
            }),
            SortKey::ScoreDescending => rows.sort_by(|&a, &b| score(b).total_cmp(&score(a))),
            SortKey::ScoreAscending => rows.sort_by(|&a, &b| score(a).total_cmp(&score(b))),
        }
        rows
    }

    /// The indices of the comparison set, in list order of entries.
    #[must_use]
    pub fn compared(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries[i].compared && self.entries[i].doc().is_some())
            .collect()
    }

    /// The index of the entry at a path.
    #[must_use]
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// Whether any document has unsaved edits.
    #[must_use]
    pub fn any_dirty(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.doc().is_some_and(|d| d.dirty))
    }

    /// The paths of the comparison set.
    #[must_use]
    pub fn compared_paths(&self) -> BTreeSet<PathBuf> {
        self.entries
            .iter()
            .filter(|e| e.compared)
            .map(|e| e.path.clone())
            .collect()
    }

    /// A path in the library folder (or `near`'s folder) that no entry and no file uses yet.
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
            .find(|p| self.position(p).is_none() && !p.exists())
            .unwrap_or_else(|| folder.join(name))
    }
}

fn entry_from(file: LoadedFile, framework: &Framework) -> Entry {
    let content = file
        .result
        .map(|loaded| Doc::new(loaded.assessment, Some(loaded.stamp), framework))
        .map_err(|e| e.to_string());
    Entry {
        path: file.path,
        content,
        compared: false,
    }
}
