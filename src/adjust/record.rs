//! The record an assessment keeps of what it changed from its source (`adjustments`), and how a
//! variant is made: where it came from (`meta.derived_from`), its id, no `published` figures.
//!
//! The record is always relative to the source: the source's inputs can be rebuilt from the
//! assessment and its record ([`undo_all`]), and after every edit the record is made again by
//! comparing that source with the edited assessment ([`refresh_adjustments`]) through the one diff
//! engine ([`crate::model::diff`]). Tasks are matched by id, name, then place; when the tasks no
//! longer line up with the source's by place (one added, removed or moved), every task gets an
//! id, the `tasks` entry lists the source's tasks by id (and keeps the removed ones), and each
//! entry of a task's input names its task's id.

use std::path::Path;

use super::{AdjustError, InputPath, InputValue};
use crate::framework::Framework;
use crate::library::{self, folder_of, relative_path, resolve_relative};
use crate::model::diff::{self as engine, TaskMatching, match_tasks};
use crate::model::{Adjustment, Assessment, DerivedFrom, OWN_SOURCE, Task};

/// Tasks added, removed or moved between two assessments A and B.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskChanges {
    /// A's tasks that B does not have, by index in A.
    pub removed: Vec<usize>,
    /// B's tasks that A does not have, by index in B.
    pub added: Vec<usize>,
    /// Tasks B lists at another place, as (index in A, index in B).
    pub moved: Vec<(usize, usize)>,
}

impl TaskChanges {
    /// The changes a matching of A's tasks with B's shows.
    #[must_use]
    pub fn of(matching: &TaskMatching) -> Self {
        Self {
            removed: matching.removed.clone(),
            added: matching.added.clone(),
            moved: matching.moved(),
        }
    }

    /// Whether no task was added, removed or moved.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty() && self.moved.is_empty()
    }
}

/// An input whose value differs between two assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The input; a task's input names the task by its place in the first assessment.
    pub path: InputPath,
    /// Its value in the first (the source).
    pub from: InputValue,
    /// Its value in the second (the variant).
    pub to: InputValue,
    /// For [`InputPath::TaskCount`]: which tasks were added, removed or moved.
    pub tasks: TaskChanges,
    /// For an input of a task: the task's index in the second assessment.
    pub task_in_b: Option<usize>,
}

/// Every input whose value differs between `source` and `variant`, in file order. Tasks are
/// matched (by id, name, then place) before they are compared; tasks added, removed or moved are
/// one difference on [`InputPath::TaskCount`], whose values are the two task counts.
#[must_use]
pub fn differences(source: &Assessment, variant: &Assessment) -> Vec<Difference> {
    differences_with(source, variant, &match_tasks(&source.tasks, &variant.tasks))
}

/// [`differences`] with the tasks matched as `matching` says.
fn differences_with(a: &Assessment, b: &Assessment, matching: &TaskMatching) -> Vec<Difference> {
    let mut found: Vec<Difference> = engine::differences_with(a, b, matching)
        .into_iter()
        .filter_map(|difference| match difference {
            engine::Difference::Field {
                path,
                from,
                to,
                task,
            } => {
                let path = InputPath::try_from(&path).ok()?;
                Some(Difference {
                    from: InputValue::from_json(path, &from)?,
                    to: InputValue::from_json(path, &to)?,
                    path,
                    tasks: TaskChanges::default(),
                    task_in_b: task.map(|(_, in_b)| in_b),
                })
            }
            _ => None,
        })
        .collect();
    let changes = TaskChanges::of(matching);
    if !changes.is_empty() {
        found.push(Difference {
            path: InputPath::TaskCount,
            from: InputValue::Count(a.tasks.len()),
            to: InputValue::Count(b.tasks.len()),
            tasks: changes,
            task_in_b: None,
        });
    }
    found.sort_by_key(|d| d.path.file_order());
    found
}

/// One input set to a new value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The input.
    pub path: InputPath,
    /// Its new value.
    pub value: InputValue,
}

/// The source's inputs rebuilt from an assessment and its record, and whether every entry of the
/// record could be undone.
struct Rebuilt {
    source: Assessment,
    complete: bool,
}

/// Rebuilds the source of `recorded`: its record undone entry by entry. An entry that cannot be
/// undone (a field this program does not read, a value of another kind, a task not found, tasks
/// removed by an older version that kept no list of them) leaves the rebuild incomplete.
fn rebuild(recorded: &Assessment) -> Rebuilt {
    let mut source = recorded.clone();
    source.adjustments.clear();
    let mut complete = true;
    let structure = recorded
        .adjustments
        .iter()
        .find(|e| e.field.parse::<InputPath>() == Ok(InputPath::TaskCount));
    if let Some(entry) = structure {
        match source_tasks(entry, &recorded.tasks) {
            Some(tasks) => source.tasks = tasks,
            None => complete = false,
        }
    }
    for entry in &recorded.adjustments {
        let Ok(path) = entry.field.parse::<InputPath>() else {
            complete = false;
            continue;
        };
        let path = match path {
            InputPath::TaskCount => continue,
            InputPath::Task(index, figure) => match &entry.task {
                Some(id) => match source.tasks.iter().position(|t| t.id.as_ref() == Some(id)) {
                    Some(found) => InputPath::Task(found, figure),
                    None => {
                        complete = false;
                        continue;
                    }
                },
                None => InputPath::Task(index, figure),
            },
            part @ InputPath::Part(_) => part,
        };
        match InputValue::from_json(path, &entry.from) {
            Some(value) if path.get(&source).is_ok() => path.put(&mut source, value),
            _ => complete = false,
        }
    }
    Rebuilt { source, complete }
}

/// The source's task list a `tasks` entry records: each task still here (found by id, with its
/// values now) or removed (as the source had it). A `tasks` entry without the list (written by
/// an older version) tells only the counts: tasks added at the end can be left out again, but
/// removed ones cannot be brought back (`None`).
fn source_tasks(entry: &Adjustment, tasks: &[Task]) -> Option<Vec<Task>> {
    if entry.source_tasks.is_empty() {
        let count = entry.from.as_u64().and_then(|n| usize::try_from(n).ok())?;
        return (count <= tasks.len()).then(|| tasks[..count].to_vec());
    }
    entry
        .source_tasks
        .iter()
        .map(|id| {
            let with_id = |t: &&Task| t.id.as_ref() == Some(id);
            tasks
                .iter()
                .find(with_id)
                .or_else(|| entry.removed_tasks.iter().find(with_id))
                .cloned()
        })
        .collect()
}

/// The source's inputs rebuilt from an assessment that records what it changed: every adjustment
/// undone. `None` when one cannot be (an entry this program does not read, tasks removed by an
/// older version that kept no list of them).
#[must_use]
pub fn undo_all(recorded: &Assessment) -> Option<Assessment> {
    let rebuilt = rebuild(recorded);
    rebuilt.complete.then_some(rebuilt.source)
}

/// Keeps an assessment's `adjustments` current after an edit, without its source: `before` is
/// the assessment before the edit (its record complete), `after` the assessment after it, whose
/// record is made again from the source `before`'s record rebuilds:
///
/// - an input whose value is back to the source's loses its entry;
/// - an input that now differs from the source has an entry (`from` the source's value); a new
///   one has an empty reason, one that already had an entry keeps its reason;
/// - tasks added, removed or moved are one `tasks` entry with both counts (see the module);
/// - entries whose `field` this program does not read are kept, after the others.
///
/// The result is in file order. Calling it with `before == after` only tidies the list.
pub fn refresh_adjustments(before: &Assessment, after: &mut Assessment) {
    let Rebuilt { source, .. } = rebuild(before);
    let earlier = std::mem::take(&mut after.adjustments);
    record(source, after, earlier);
}

/// Makes `after`'s record against `source`, taking the reasons (and fields this program does not
/// know) of the `earlier` entries for the same inputs, and keeping the entries it cannot read.
fn record(mut source: Assessment, after: &mut Assessment, earlier: Vec<Adjustment>) {
    let mut matching = match_tasks(&source.tasks, &after.tasks);
    if !matching.is_positional() {
        give_ids(&mut source.tasks, &mut after.tasks, &matching);
        matching = match_tasks(&source.tasks, &after.tasks);
    }
    let (mut earlier, unread): (Vec<_>, Vec<_>) = earlier
        .into_iter()
        .map(|entry| (entry.field.parse::<InputPath>().ok(), entry))
        .partition(|(path, entry)| path.is_some() && !is_legacy_structure(entry));
    let mut recorded = Vec::new();
    for difference in differences_with(&source, after, &matching) {
        let before = earlier
            .iter()
            .position(|(path, _)| *path == Some(difference.path))
            .map(|i| earlier.remove(i).1)
            .unwrap_or_default();
        let mut entry = Adjustment {
            field: difference.path.to_string(),
            from: difference.from.to_json(),
            to: difference.to.to_json(),
            task: difference
                .task_in_b
                .and_then(|i| after.tasks.get(i)?.id.clone()),
            source_tasks: Vec::new(),
            removed_tasks: Vec::new(),
            ..before
        };
        if difference.path == InputPath::TaskCount {
            entry.source_tasks = source.tasks.iter().filter_map(|t| t.id.clone()).collect();
            entry.removed_tasks = difference
                .tasks
                .removed
                .iter()
                .map(|&i| source.tasks[i].clone())
                .collect();
        }
        recorded.push(entry);
    }
    recorded.extend(unread.into_iter().map(|(_, entry)| entry));
    after.adjustments = recorded;
}

/// A `tasks` entry written by an older version (counts only) for tasks it could not bring back:
/// kept as it is.
fn is_legacy_structure(entry: &Adjustment) -> bool {
    entry.source_tasks.is_empty()
        && entry.field.parse::<InputPath>() == Ok(InputPath::TaskCount)
        && entry.from.as_u64() > entry.to.as_u64()
}

/// Gives every task of the source and of the edited assessment an id, the same one for a task
/// both have (its id in the edited assessment, else in the source, else a new one).
fn give_ids(source: &mut [Task], edited: &mut [Task], matching: &TaskMatching) {
    let mut used: Vec<String> = source
        .iter()
        .chain(edited.iter())
        .filter_map(|t| t.id.clone())
        .collect();
    let mut fresh = || {
        let id = (1..)
            .map(|n| format!("t{n}"))
            .find(|id| !used.contains(id))
            .unwrap_or_default();
        used.push(id.clone());
        id
    };
    for &(i, j) in &matching.pairs {
        let id = edited[j]
            .id
            .clone()
            .or_else(|| source[i].id.clone())
            .unwrap_or_else(&mut fresh);
        source[i].id = Some(id.clone());
        edited[j].id = Some(id);
    }
    for task in source.iter_mut().chain(edited.iter_mut()) {
        if task.id.is_none() {
            task.id = Some(fresh());
        }
    }
}

/// The index, in `recorded`, of the task an entry of a task's input is about: the task with the
/// entry's `task` id, else the task at the entry's place.
#[must_use]
pub fn entry_task(recorded: &Assessment, entry: &Adjustment) -> Option<usize> {
    let Ok(InputPath::Task(index, _)) = entry.field.parse::<InputPath>() else {
        return None;
    };
    match &entry.task {
        Some(id) => recorded
            .tasks
            .iter()
            .position(|t| t.id.as_ref() == Some(id)),
        None => (index < recorded.tasks.len()).then_some(index),
    }
}

/// `recorded` with only the `tasks` entry undone: the source's tasks in the source's order (those
/// still here with their values now, the removed ones as the source had them), none added.
/// `None` for a `tasks` entry that keeps no list of the source's tasks.
#[must_use]
pub fn without_task_changes(recorded: &Assessment, entry: &Adjustment) -> Option<Assessment> {
    let mut undone = recorded.clone();
    undone.tasks = source_tasks(entry, &recorded.tasks)?;
    Some(undone)
}

/// The tasks a `tasks` entry says were added, removed and moved, with the source's tasks they
/// are counted against. `None` for an entry that keeps no list of the source's tasks.
#[must_use]
pub fn recorded_task_changes(
    recorded: &Assessment,
    entry: &Adjustment,
) -> Option<(Vec<Task>, TaskChanges)> {
    let source = source_tasks(entry, &recorded.tasks)?;
    let changes = TaskChanges::of(&match_tasks(&source, &recorded.tasks));
    Some((source, changes))
}

/// Whether an assessment keeps a record of what it changed from its source (method §5, "A
/// publisher's record"): an adjusted variant (`meta.derived_from`), an assessment with a
/// publisher's `published` block, one whose `meta.source` is not the adviser's own, or one that
/// already records adjustments. Changing one of its inputs is then an adjustment, whether it is
/// saved in place or as a variant.
#[must_use]
pub fn keeps_record(assessment: &Assessment) -> bool {
    let source = assessment.meta.source.trim();
    assessment.meta.derived_from.is_some()
        || assessment.published.is_some()
        || !assessment.adjustments.is_empty()
        || !(source.is_empty() || source.eq_ignore_ascii_case(OWN_SOURCE))
}

/// Whether an assessment has been adjusted from its source: an adjusted variant, or a
/// publisher's record changed in place (it records adjustments). Lists, charts and reports mark
/// it "adjusted".
#[must_use]
pub fn is_adjusted(assessment: &Assessment) -> bool {
    assessment.meta.derived_from.is_some() || !assessment.adjustments.is_empty()
}

/// Sets the reason of the entry for `path`; whether there is one.
pub fn set_reason(recorded: &mut Assessment, path: InputPath, reason: &str) -> bool {
    let found = recorded
        .adjustments
        .iter_mut()
        .find(|e| e.field.parse::<InputPath>().ok() == Some(path));
    found
        .map(|entry| entry.reason = reason.to_owned())
        .is_some()
}

/// The files of a variant being made: its source's and its own (which need not exist yet).
#[derive(Debug, Clone, Copy)]
pub struct VariantFiles<'a> {
    /// The source's file.
    pub source: &'a Path,
    /// The file the variant is saved to.
    pub variant: &'a Path,
}

/// The variant of `source` that `edited` (a copy of `source` with some inputs changed) becomes:
///
/// - `meta.derived_from` names the source (id, title, seniority, file relative to the variant's
///   folder); a variant of a variant names the original source instead, its file path rewritten
///   for the variant's folder, and its record stays relative to that original;
/// - `adjustments` list every input that differs from the source (see [`refresh_adjustments`]),
///   new entries with an empty reason;
/// - `meta.id` is made by [`variant_id`];
/// - `published` is dropped: those figures describe the source.
#[must_use]
pub fn variant_of(source: &Assessment, edited: &Assessment, files: VariantFiles) -> Assessment {
    let mut variant = edited.clone();
    let variant_folder = folder_of(files.variant);
    let derived_from = match &source.meta.derived_from {
        Some(original) => {
            refresh_adjustments(source, &mut variant);
            let file = (!original.file.is_empty()).then(|| {
                let file = resolve_relative(folder_of(files.source), &original.file);
                relative_path(&file, variant_folder)
            });
            DerivedFrom {
                file: file.unwrap_or_default(),
                ..original.clone()
            }
        }
        None => {
            let mut base = source.clone();
            base.adjustments.clear();
            record(base, &mut variant, Vec::new());
            DerivedFrom {
                id: source.meta.id.clone(),
                title: source.role.title.clone(),
                seniority: source.role.seniority.clone(),
                file: relative_path(files.source, variant_folder),
                ..DerivedFrom::default()
            }
        }
    };
    variant.meta.id = variant_id(files.variant, source);
    variant.meta.derived_from = Some(derived_from);
    variant.published = None;
    variant
}

/// Makes a variant of `source` with `changes` applied (each checked against `framework`'s range)
/// and `reason` recorded for each of them; otherwise as [`variant_of`].
///
/// # Errors
/// The first change that names a task the source does not have, or whose value is of the wrong
/// kind or out of range.
pub fn make_variant(
    source: &Assessment,
    files: VariantFiles,
    changes: &[Change],
    reason: &str,
    framework: &Framework,
) -> Result<Assessment, AdjustError> {
    let mut edited = source.clone();
    for change in changes {
        change.path.set(&mut edited, change.value, framework)?;
    }
    let mut variant = variant_of(source, &edited, files);
    for change in changes {
        set_reason(&mut variant, change.path, reason);
    }
    Ok(variant)
}

/// The `meta.id` of a variant saved to `variant_file`: the file's name without `.aijri.json`
/// (`backend-api-developer-london`), with `-adjusted` added when that is the id of its source or
/// of the original it derives from, so the two can still be told apart (a comparison finds a role
/// by its id).
#[must_use]
pub fn variant_id(variant_file: &Path, source: &Assessment) -> String {
    let name = variant_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = if library::is_assessment_file(variant_file) {
        name[..name.len() - library::EXTENSION.len()].to_owned()
    } else {
        name
    };
    let original = source.meta.derived_from.as_ref().map(|d| d.id.as_str());
    if stem == source.meta.id || Some(stem.as_str()) == original {
        format!("{stem}-adjusted")
    } else {
        stem
    }
}
