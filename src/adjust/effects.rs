//! What each change does to the score: for a variant's adjustments, the score with only that one
//! undone (the Score tab, the client report); for two assessments, every input that differs and
//! the effect of each single change applied to the first (`aijri-desk diff`).
//!
//! Effects are measured on the computed score (clamped, unrounded), like the what-if analysis: an
//! override fixes the final result whatever the inputs say.

use serde::Serialize;

use super::{InputPath, InputValue, differences};
use crate::framework::Framework;
use crate::model::{Assessment, SubLabel, Zone};
use crate::scoring::{self, Breakdown};

/// The computed score of `assessment` with `path` set to `value` (unchecked: a value read from
/// a file is put back as it is). `None` when there is no score then, and for the number of
/// tasks, which cannot be changed by value.
#[must_use]
pub fn score_with(
    assessment: &Assessment,
    path: InputPath,
    value: InputValue,
    framework: &Framework,
) -> Option<f64> {
    if path == InputPath::TaskCount {
        return None;
    }
    let mut changed = assessment.clone();
    path.put(&mut changed, value);
    computed_score(&changed, framework)
}

/// The computed (clamped, unrounded) score, when there is one.
fn computed_score(assessment: &Assessment, framework: &Framework) -> Option<f64> {
    scoring::score(assessment, framework)
        .composite
        .map(|c| c.score)
}

/// The effect of one adjustment of a variant on its score.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentEffect {
    /// The input, when the entry's `field` is one this program reads.
    pub path: Option<InputPath>,
    /// The variant's computed score.
    pub score: Option<f64>,
    /// The computed score with only this adjustment undone; `None` when there is no score then,
    /// or the adjustment cannot be undone alone (the number of tasks, an unreadable entry).
    pub score_without: Option<f64>,
}

impl AdjustmentEffect {
    /// What the adjustment adds to the score as displayed (26.0 with it, 24.5 without: 1.5).
    #[must_use]
    pub fn delta(&self) -> Option<f64> {
        Some(scoring::displayed_change(self.score_without?, self.score?))
    }
}

/// The effect of each of a variant's adjustments, in the order of its `adjustments`.
#[must_use]
pub fn adjustment_effects(variant: &Assessment, framework: &Framework) -> Vec<AdjustmentEffect> {
    let score = computed_score(variant, framework);
    variant
        .adjustments
        .iter()
        .map(|entry| {
            let path = entry.field.parse::<InputPath>().ok();
            let from = path.and_then(|p| Some((p, InputValue::from_json(p, &entry.from)?)));
            AdjustmentEffect {
                path,
                score,
                score_without: from.and_then(|(p, v)| score_with(variant, p, v, framework)),
            }
        })
        .collect()
}

/// The source's inputs rebuilt from a variant: every adjustment undone. `None` when one cannot
/// be (tasks added or removed, an entry this program does not read), since the source's task list
/// is then unknown.
#[must_use]
pub fn undo_all(variant: &Assessment) -> Option<Assessment> {
    let mut source = variant.clone();
    for entry in &variant.adjustments {
        let path = entry.field.parse::<InputPath>().ok()?;
        if path == InputPath::TaskCount {
            return None;
        }
        let value = InputValue::from_json(path, &entry.from)?;
        path.get(&source).ok()?;
        path.put(&mut source, value);
    }
    source.adjustments.clear();
    Some(source)
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
    /// The input.
    pub path: InputPath,
    /// Its value in A.
    pub from: InputValue,
    /// Its value in B.
    pub to: InputValue,
    /// The reason B's adjustments record for the input, if any.
    pub reason: Option<String>,
    /// A's computed score with only this change applied; `None` for the number of tasks, or when
    /// there is no score.
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
            path: d.path,
            from: d.from,
            to: d.to,
            reason: reason(d.path),
            score_with_change: score_with(a, d.path, d.to, framework_a),
        })
        .collect();
    RoleDiff {
        a: Outcome::of(&scoring::score(a, framework_a)),
        b: Outcome::of(&scoring::score(b, framework_b)),
        differences,
    }
}
