//! Adjustments, differences and their effects in words, through [`crate::fmt`]: one wording for
//! the command line, the window and the reports.

use super::{
    AdjustmentEffect, DiffEntry, InputPath, InputValue, Outcome, TaskChanges, adjustment_effects,
    entry_task, recorded_task_changes,
};
use crate::fmt;
use crate::framework::Framework;
use crate::model::{Adjustment, Assessment, SubLabel, Task};
use crate::scoring;

/// What stands for an adjustment without a reason.
pub const NO_REASON: &str = "no reason given";

/// A change of one input: "Evidence: Wage Trends (evidence.wage_trends): −1 → 0".
#[must_use]
pub fn change_text(
    path: InputPath,
    from: InputValue,
    to: InputValue,
    assessment: &Assessment,
    framework: &Framework,
) -> String {
    format!(
        "{} ({path}): {} → {}",
        path.name(assessment, framework),
        from.show(path, framework),
        to.show(path, framework)
    )
}

/// A difference between two roles A and B: its change as [`change_text`] names it in A, and for
/// the number of tasks which tasks were added, removed or moved: "Number of tasks (tasks): 8
/// tasks → 7 tasks (removed: “API design”)".
#[must_use]
pub fn diff_change_text(
    entry: &DiffEntry,
    a: &Assessment,
    b: &Assessment,
    framework: &Framework,
) -> String {
    let change = change_text(entry.path, entry.from, entry.to, a, framework);
    with_task_changes(change, &entry.tasks, &a.tasks, &b.tasks)
}

/// `change` followed by the tasks added, removed and moved, when there are any.
fn with_task_changes(change: String, changes: &TaskChanges, a: &[Task], b: &[Task]) -> String {
    let text = task_changes_text(changes, a, b);
    if text.is_empty() {
        change
    } else {
        format!("{change} ({text})")
    }
}

/// The tasks added, removed and moved, by name: "removed: “API design”; added: “Code review”".
#[must_use]
pub fn task_changes_text(changes: &TaskChanges, a: &[Task], b: &[Task]) -> String {
    let named = |tasks: &[Task], indices: &mut dyn Iterator<Item = usize>| {
        indices
            .map(|i| task_label(tasks, i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parts = [
        ("removed", named(a, &mut changes.removed.iter().copied())),
        ("added", named(b, &mut changes.added.iter().copied())),
        (
            "moved",
            named(b, &mut changes.moved.iter().map(|&(_, to)| to)),
        ),
    ];
    parts
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(what, names)| format!("{what}: {names}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A task as a list names it: its name in quotes, or "task 3" when it has none.
fn task_label(tasks: &[Task], index: usize) -> String {
    match tasks.get(index).map(|t| t.name.trim()) {
        Some(name) if !name.is_empty() => format!("“{name}”"),
        _ => format!("task {}", index + 1),
    }
}

/// The name of the input an adjustment changed, a task's input named after its task wherever it
/// now stands; the field as written when this program does not read it.
#[must_use]
pub fn entry_name(entry: &Adjustment, recorded: &Assessment, framework: &Framework) -> String {
    match entry.field.parse::<InputPath>() {
        Ok(path) => {
            let task = entry_task(recorded, entry).and_then(|i| recorded.tasks.get(i));
            path.name_with(task, framework)
        }
        Err(_) => entry.field.clone(),
    }
}

/// One adjustment: its change, "Evidence: Wage Trends (evidence.wage_trends): −1 → 0", with the
/// tasks added, removed or moved for the number of tasks (as the file has it when this program
/// does not read the field).
#[must_use]
pub fn adjustment_text(entry: &Adjustment, recorded: &Assessment, framework: &Framework) -> String {
    let read = entry.field.parse::<InputPath>().ok().and_then(|path| {
        let from = InputValue::from_json(path, &entry.from)?;
        let to = InputValue::from_json(path, &entry.to)?;
        let change = format!(
            "{} ({path}): {} → {}",
            entry_name(entry, recorded, framework),
            from.show(path, framework),
            to.show(path, framework)
        );
        let task_changes = (path == InputPath::TaskCount)
            .then(|| recorded_task_changes(recorded, entry))
            .flatten();
        Some(match task_changes {
            Some((source, changes)) => {
                with_task_changes(change, &changes, &source, &recorded.tasks)
            }
            None => change,
        })
    });
    read.unwrap_or_else(|| format!("{}: {} → {}", entry.field, entry.from, entry.to))
}

/// An adjustment's values alone: "−1 → 0" (as the file has them when this program does not read
/// the field), for tables that name the input in a column of its own.
#[must_use]
pub fn values_text(entry: &Adjustment, framework: &Framework) -> String {
    let path = entry.field.parse::<InputPath>().ok();
    let show = |value: &serde_json::Value| {
        path.and_then(|p| Some(InputValue::from_json(p, value)?.show(p, framework)))
            .unwrap_or_else(|| value.to_string())
    };
    format!("{} → {}", show(&entry.from), show(&entry.to))
}

/// Where an adjusted assessment came from, by title, seniority and id, never by file (the text
/// reaches clients): "Adjusted from Backend/API Developer (Mid-Level (3-5 years), id
/// backend-api-developer-mid)"; for a publisher's record changed in place, "Adjusted from the
/// inputs as published"; `None` for an assessment that records no adjustment.
#[must_use]
pub fn derived_from_text(assessment: &Assessment) -> Option<String> {
    let Some(from) = &assessment.meta.derived_from else {
        let source = if assessment.published.is_some() {
            "the inputs as published"
        } else {
            "the inputs as its source gave them"
        };
        return (!assessment.adjustments.is_empty()).then(|| format!("Adjusted from {source}"));
    };
    let id = (!from.id.is_empty()).then(|| format!("id {}", from.id));
    let details: Vec<String> = [Some(from.seniority.clone()), id]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    Some(if details.is_empty() {
        format!("Adjusted from {}", from.title)
    } else {
        format!("Adjusted from {} ({})", from.title, details.join(", "))
    })
}

/// Every adjustment of a variant, one line each, with its effect and reason: "Evidence: Wage
/// Trends (evidence.wage_trends): −1 → 0: +1.5 (24.5 without it); reason: regional pay data".
#[must_use]
pub fn adjustment_lines(variant: &Assessment, framework: &Framework) -> Vec<String> {
    let effects = adjustment_effects(variant, framework);
    variant
        .adjustments
        .iter()
        .zip(&effects)
        .map(|(entry, effect)| {
            format!(
                "{}: {}; reason: {}",
                adjustment_text(entry, variant, framework),
                effect_text(effect),
                reason_text(&entry.reason)
            )
        })
        .collect()
}

/// The reason of an adjustment, or [`NO_REASON`].
#[must_use]
pub fn reason_text(reason: &str) -> &str {
    if reason.trim().is_empty() {
        NO_REASON
    } else {
        reason
    }
}

/// What an adjustment does: "+1.5 (24.5 without it)"; for one that cannot be undone alone,
/// "effect not known alone".
#[must_use]
pub fn effect_text(effect: &AdjustmentEffect) -> String {
    match (effect.delta(), effect.score_without) {
        (Some(delta), Some(without)) => format!(
            "{} ({} without it)",
            fmt::score_delta(delta),
            fmt::score(without)
        ),
        _ => "effect not known alone".to_owned(),
    }
}

/// What one difference does to the first role's score: "24.5 → 26.0 (+1.5)"; "no score"
/// where there is none.
#[must_use]
pub fn diff_effect_text(entry: &DiffEntry, a: &Outcome) -> String {
    match (a.score, entry.score_with_change) {
        (Some(before), Some(after)) => score_change_text(before, after),
        _ => "no score".to_owned(),
    }
}

/// "24.5 → 26.0 (+1.5)".
fn score_change_text(before: f64, after: f64) -> String {
    format!(
        "{} → {} ({})",
        fmt::score(before),
        fmt::score(after),
        fmt::score_delta(scoring::displayed_change(before, after))
    )
}

/// The score, zone and sub-label of two roles side by side, one line each:
/// "Score: 24.5 → 26.0 (+1.5)", "Zone: Red → Yellow", "Sub-label: none → none".
#[must_use]
pub fn outcome_lines(a: &Outcome, b: &Outcome) -> [String; 3] {
    let score = match (a.score, b.score) {
        (Some(x), Some(y)) => score_change_text(x, y),
        (x, y) => format!(
            "{} → {}",
            fmt::or_missing(x, fmt::score),
            fmt::or_missing(y, fmt::score)
        ),
    };
    let zone = |o: &Outcome| fmt::or_missing(o.zone, |z| z.name().to_owned());
    let sub_label = |o: &Outcome| match (o.score, o.sub_label) {
        (None, _) => fmt::MISSING.to_owned(),
        (Some(_), label) => label.map_or("none", SubLabel::name).to_owned(),
    };
    [
        format!("Score: {score}"),
        format!("Zone: {} → {}", zone(a), zone(b)),
        format!("Sub-label: {} → {}", sub_label(a), sub_label(b)),
    ]
}
