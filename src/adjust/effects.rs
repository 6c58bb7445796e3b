//! What each change does to the score: for an assessment's adjustments, the score with only that
//! one undone (the Score tab, the reports); for two assessments, every input that differs and
//! the effect of each single change applied to the first (`aijri-desk diff`).
//!
//! Effects are measured on the computed score (clamped, unrounded), like the what-if analysis: an
//! override fixes the final result whatever the inputs say.

use serde::Serialize;

use super::record::{self, Difference, TaskChanges, differences, entry_task};
use super::{InputPath, InputValue};
use crate::framework::Framework;
use crate::model::{Adjustment, Assessment, SubLabel, Zone};
use crate::scoring::{self, Breakdown};

/// The computed (clamped, unrounded) score, when there is one.
fn computed_score(assessment: &Assessment, framework: &Framework) -> Option<f64> {
    scoring::score(assessment, framework)
        .composite
        .map(|c| c.score)
}

/// The effect of one adjustment on the score.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentEffect {
    /// The input, when the entry's `field` is one this program reads.
    pub path: Option<InputPath>,
    /// The assessment's computed score.
    pub score: Option<f64>,
    /// The computed score with only this adjustment undone; `None` when there is no score then,
    /// or the adjustment cannot be undone alone (an unreadable entry, tasks removed by an older
    /// version that kept no list of them).
    pub score_without: Option<f64>,
}

impl AdjustmentEffect {
    /// What the adjustment adds to the score as displayed (26.0 with it, 24.5 without: 1.5).
    #[must_use]
    pub fn delta(&self) -> Option<f64> {
        Some(scoring::displayed_change(self.score_without?, self.score?))
    }
}

/// The effect of each of an assessment's adjustments, in the order of its `adjustments`.
#[must_use]
pub fn adjustment_effects(recorded: &Assessment, framework: &Framework) -> Vec<AdjustmentEffect> {
    let score = computed_score(recorded, framework);
    recorded
        .adjustments
        .iter()
        .map(|entry| AdjustmentEffect {
            path: entry.field.parse::<InputPath>().ok(),
            score,
            score_without: undone_alone(recorded, entry)
                .and_then(|undone| computed_score(&undone, framework)),
        })
        .collect()
}

/// `recorded` with only `entry` undone; `None` when it cannot be undone alone.
fn undone_alone(recorded: &Assessment, entry: &Adjustment) -> Option<Assessment> {
    let path = entry.field.parse::<InputPath>().ok()?;
    let path = match path {
        InputPath::TaskCount => return record::without_task_changes(recorded, entry),
        InputPath::Task(_, figure) => InputPath::Task(entry_task(recorded, entry)?, figure),
        part @ InputPath::Part(_) => part,
    };
    let mut undone = recorded.clone();
    path.put(&mut undone, InputValue::from_json(path, &entry.from)?);
    Some(undone)
}

/// The score, zone and sub-label of an assessment, as computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Outcome {
    /// The computed score (clamped, unrounded), when there is one.
    pub score: Option<f64>,
    /// Its zone.
    pub zone: Option<Zone>,
    /// Its sub-label.
    pub sub_label: Option<SubLabel>,
}

impl Outcome {
    /// The outcome of a breakdown.
    #[must_use]
    pub fn of(breakdown: &Breakdown) -> Self {
        let composite = breakdown.composite.as_ref();
        Self {
            score: composite.map(|c| c.score),
            zone: composite.map(|c| c.zone),
            sub_label: composite.and_then(|c| c.sub_label),
        }
    }
}

/// One input that differs between two assessments A and B.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffEntry {
    /// The input; a task's input names the task by its place in A.
    pub path: InputPath,
    /// Its value in A.
    pub from: InputValue,
    /// Its value in B.
    pub to: InputValue,
    /// For the number of tasks: which tasks were added, removed or moved.
    pub tasks: TaskChanges,
    /// The reason B's adjustments record for the input, if any.
    pub reason: Option<String>,
    /// A's computed score with only this change applied; `None` when there is no score.
    pub score_with_change: Option<f64>,
}

/// Everything that differs between two assessments and what each difference does.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleDiff {
    /// A's score, zone and sub-label.
    pub a: Outcome,
    /// B's score, zone and sub-label.
    pub b: Outcome,
    /// Every input that differs, in file order.
    pub differences: Vec<DiffEntry>,
}

impl DiffEntry {
    /// What the change does to A's score as displayed.
    #[must_use]
    pub fn delta(&self, a: &Outcome) -> Option<f64> {
        Some(scoring::displayed_change(a.score?, self.score_with_change?))
    }
}

/// Compares A with B: every input that differs, with the reason B records and the effect of each
/// single change on A's score (under A's framework), and the outcome of each under its own.
#[must_use]
pub fn diff(
    a: &Assessment,
    framework_a: &Framework,
    b: &Assessment,
    framework_b: &Framework,
) -> RoleDiff {
    let reason = |path: InputPath| {
        b.adjustments
            .iter()
            .find(|e| e.field.parse::<InputPath>().ok() == Some(path))
            .map(|e| e.reason.clone())
    };
    let differences = differences(a, b)
        .into_iter()
        .map(|d| DiffEntry {
            reason: reason(d.path),
            score_with_change: computed_score(&with_change(a, b, &d), framework_a),
            path: d.path,
            from: d.from,
            to: d.to,
            tasks: d.tasks,
        })
        .collect();
    RoleDiff {
        a: Outcome::of(&scoring::score(a, framework_a)),
        b: Outcome::of(&scoring::score(b, framework_b)),
        differences,
    }
}

/// A with one difference from B applied: an input set to B's value, or B's tasks added and A's
/// removed ones left out.
fn with_change(a: &Assessment, b: &Assessment, difference: &Difference) -> Assessment {
    let mut changed = a.clone();
    if difference.path == InputPath::TaskCount {
        let changes = &difference.tasks;
        changed.tasks = (0..a.tasks.len())
            .filter(|i| !changes.removed.contains(i))
            .map(|i| a.tasks[i].clone())
            .chain(changes.added.iter().map(|&j| b.tasks[j].clone()))
            .collect();
    } else {
        difference.path.put(&mut changed, difference.to);
    }
    changed
}
