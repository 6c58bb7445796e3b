//! The record a variant keeps of what it changed from its source (`adjustments`), and how a
//! variant is made: where it came from (`meta.derived_from`), its id, no `published` figures.

use std::path::Path;

use super::{AdjustError, InputPath, InputValue};
use crate::framework::Framework;
use crate::library::{self, folder_of, relative_path, resolve_relative};
use crate::model::{Adjustment, Assessment, DerivedFrom};

/// An input whose value differs between two assessments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// The input.
    pub path: InputPath,
    /// Its value in the first (the source).
    pub from: InputValue,
    /// Its value in the second (the variant).
    pub to: InputValue,
}

/// Every input whose value differs between `source` and `variant`, in file order. Tasks are
/// compared by index over the tasks both have; a different number of tasks is one more
/// difference, on [`InputPath::TaskCount`].
#[must_use]
pub fn differences(source: &Assessment, variant: &Assessment) -> Vec<Difference> {
    let shared = source.tasks.len().min(variant.tasks.len());
    let mut paths = InputPath::all(shared);
    paths.push(InputPath::TaskCount);
    paths.sort_by_key(|p| p.file_order());
    paths
        .into_iter()
        .filter_map(|path| {
            let (from, to) = (path.get(source).ok()?, path.get(variant).ok()?);
            (from != to).then_some(Difference { path, from, to })
        })
        .collect()
}

/// One input set to a new value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The input.
    pub path: InputPath,
    /// Its new value.
    pub value: InputValue,
}

/// Keeps a variant's `adjustments` current after an edit, without its source: `before` is the
/// variant before the edit (its adjustments complete), `after` the variant after it, whose
/// adjustments are rewritten. Entries stay relative to the original source:
///
/// - an input whose value is back to its entry's `from` loses its entry;
/// - an input that now differs from the source gains an entry (`from` its value before the edit,
///   an empty reason); one that already had an entry gets its new `to`, its reason kept;
/// - a different number of tasks than the source's is one `tasks` entry with both counts; tasks
///   are compared by index over the tasks the source and the variant both have, and entries of
///   task indices beyond those are dropped;
/// - entries whose `field` this program does not read are kept, after the others.
///
/// The result is in file order. Calling it with `before == after` only tidies the list.
pub fn refresh_adjustments(before: &Assessment, after: &mut Assessment) {
    let mut entries: Vec<(Option<InputPath>, Adjustment)> = std::mem::take(&mut after.adjustments)
        .into_iter()
        .map(|entry| (entry.field.parse().ok(), entry))
        .collect();
    let recorded_count = take_entry(&mut entries, InputPath::TaskCount);
    let source_count = recorded_count
        .as_ref()
        .and_then(|e| InputValue::from_json(InputPath::TaskCount, &e.from))
        .map_or(before.tasks.len(), |value| match value {
            InputValue::Count(count) => count,
            _ => before.tasks.len(),
        });
    let shared = source_count.min(after.tasks.len());
    let mut refreshed = Vec::new();
    for path in InputPath::all(shared) {
        let earlier = take_entry(&mut entries, path);
        let recorded = earlier
            .as_ref()
            .and_then(|e| InputValue::from_json(path, &e.from));
        let (Some(source), Ok(now)) = (recorded.or_else(|| path.get(before).ok()), path.get(after))
        else {
            continue;
        };
        if now != source {
            refreshed.push(entry(path, source, now, earlier));
        }
    }
    if after.tasks.len() != source_count {
        let (from, to) = (
            InputValue::Count(source_count),
            InputValue::Count(after.tasks.len()),
        );
        refreshed.push(entry(InputPath::TaskCount, from, to, recorded_count));
    }
    refreshed.sort_by_key(|e| e.field.parse::<InputPath>().map(InputPath::file_order).ok());
    let unread = entries.into_iter().filter(|(path, _)| path.is_none());
    refreshed.extend(unread.map(|(_, entry)| entry));
    after.adjustments = refreshed;
}

/// Removes and returns the entry for `path`.
fn take_entry(
    entries: &mut Vec<(Option<InputPath>, Adjustment)>,
    path: InputPath,
) -> Option<Adjustment> {
    let index = entries.iter().position(|(p, _)| *p == Some(path))?;
    Some(entries.remove(index).1)
}

/// The entry for an input, keeping the reason and unknown fields of the earlier one.
fn entry(
    path: InputPath,
    from: InputValue,
    to: InputValue,
    earlier: Option<Adjustment>,
) -> Adjustment {
    Adjustment {
        field: path.to_string(),
        from: from.to_json(),
        to: to.to_json(),
        ..earlier.unwrap_or_default()
    }
}

/// Sets the reason of the entry for `path`; whether there is one.
pub fn set_reason(variant: &mut Assessment, path: InputPath, reason: &str) -> bool {
    let found = variant
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
/// - `meta.derived_from` names the source (id, title, file relative to the variant's folder); a
///   variant of a variant names the original source instead, its file path rewritten for the
///   variant's folder;
/// - `adjustments` list every input that differs from that original (see
///   [`refresh_adjustments`]), new entries with an empty reason;
/// - `meta.id` is made by [`variant_id`];
/// - `published` is dropped: those figures describe the source.
#[must_use]
pub fn variant_of(source: &Assessment, edited: &Assessment, files: VariantFiles) -> Assessment {
    let mut variant = edited.clone();
    let variant_folder = folder_of(files.variant);
    let derived_from = match &source.meta.derived_from {
        Some(original) if !original.file.is_empty() => {
            let file = resolve_relative(folder_of(files.source), &original.file);
            DerivedFrom {
                file: relative_path(&file, variant_folder),
                ..original.clone()
            }
        }
        Some(original) => original.clone(),
        None => {
            variant.adjustments.clear();
            DerivedFrom {
                id: source.meta.id.clone(),
                title: source.role.title.clone(),
                file: relative_path(files.source, variant_folder),
                ..DerivedFrom::default()
            }
        }
    };
    refresh_adjustments(source, &mut variant);
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
