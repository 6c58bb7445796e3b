//! Adjusted variants (`spec/file-format.md`, "Additions"): the inputs an adviser can change, named
//! by their paths (`evidence.wage_trends`, `tasks[2].score`), read and set within the framework's
//! ranges; the record of what a variant changed from its source and why (`adjustments`), kept
//! current after every edit; and the effect of each change on the score.
//!
//! Everything here is pure: no files are read, so the window's one edit door and the command line
//! share it.

use std::fmt::{self as std_fmt, Display};
use std::str::FromStr;

use serde_json::Value;
use thiserror::Error;

use crate::fmt;
use crate::framework::Framework;
use crate::model::{
    Assessment, Barrier, Dimension, FieldPath, Impact, Principle, ScoredPart, Segment, Task,
};

mod effects;
mod record;
pub mod text;

pub use effects::{AdjustmentEffect, DiffEntry, Outcome, RoleDiff, adjustment_effects, diff};
pub use record::{
    Change, Difference, TaskChanges, VariantFiles, differences, entry_task, is_adjusted,
    keeps_record, make_variant, recorded_task_changes, refresh_adjustments, set_reason, undo_all,
    variant_id, variant_of, without_task_changes,
};

/// An input of an assessment that an adjustment can record: a scored part, one figure of a task,
/// or the number of tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputPath {
    /// A principle, the growth correlation, an evidence dimension or a barrier: its score.
    Part(ScoredPart),
    /// One figure of the task at this index (counting from 0).
    Task(usize, TaskInput),
    /// The number of tasks (tasks added or removed).
    TaskCount,
}

/// The figure of a task an adjustment can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskInput {
    /// The automation score, `tasks[i].score`.
    Score,
    /// The share of working time, `tasks[i].time_pct`.
    TimePct,
    /// Augmentation, displacement or not involved, `tasks[i].impact`.
    Impact,
}

impl TaskInput {
    /// Every task figure, in file order.
    pub const ALL: [Self; 3] = [Self::Score, Self::TimePct, Self::Impact];

    /// The key in the file: `score`, `time_pct`, `impact`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Score => "score",
            Self::TimePct => "time_pct",
            Self::Impact => "impact",
        }
    }
}

/// The value of an input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputValue {
    /// A score; `None` when none is picked.
    Score(Option<i64>),
    /// A task's share of working time, percent.
    Share(f64),
    /// A task's impact.
    Impact(Impact),
    /// A number of tasks.
    Count(usize),
}

/// Why an input path or value was refused. Every message names the field and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AdjustError {
    /// The text names no input.
    #[error("{field}: not an input that can be adjusted; the inputs are {valid}")]
    UnknownField {
        /// The text as given.
        field: String,
        /// The valid fields, in words.
        valid: String,
    },
    /// The task index is beyond the assessment's tasks.
    #[error("{field}: there is no task {index}: {}", tasks_text(*count))]
    NoSuchTask {
        /// The field as given.
        field: String,
        /// The index asked for.
        index: usize,
        /// How many tasks the role has.
        count: usize,
    },
    /// The value is outside the framework's range for the input.
    #[error("{field}: {value} is outside the allowed range: {range}")]
    OutOfRange {
        /// The field.
        field: String,
        /// The value as given.
        value: String,
        /// The allowed range, in words.
        range: String,
    },
    /// The value is not of the input's kind.
    #[error("{field}: `{value}` is not {expected}")]
    BadValue {
        /// The field.
        field: String,
        /// The value as given.
        value: String,
        /// What the field takes, in words.
        expected: String,
    },
    /// The input is not set by value (the number of tasks).
    #[error("{field}: the number of tasks cannot be set; add or remove tasks in the window")]
    NotSettable {
        /// The field.
        field: String,
    },
}

/// The tasks a role has, for the message about one it does not have: "the role has 8 tasks,
/// tasks[0]…tasks[7]".
fn tasks_text(count: usize) -> String {
    match count {
        0 => "the role has no tasks".to_owned(),
        1 => "the role has 1 task, tasks[0]".to_owned(),
        n => format!(
            "the role has {}, tasks[0]…tasks[{}]",
            fmt::count(n, "task", "tasks"),
            n - 1
        ),
    }
}

/// The keys of the parts of a section, for messages: `a, b, c`.
fn keys(keys: impl Iterator<Item = &'static str>) -> String {
    keys.collect::<Vec<_>>().join(", ")
}

/// Every input path, in words, for the message about an unknown one.
fn valid_fields() -> String {
    format!(
        "protective.<{}>, growth, evidence.<{}>, barriers.<{}>, tasks[i].score, tasks[i].time_pct, tasks[i].impact (i counts from 0)",
        keys(Principle::ALL.iter().map(|p| p.key())).replace(", ", "|"),
        keys(Dimension::ALL.iter().map(|d| d.key())).replace(", ", "|"),
        keys(Barrier::ALL.iter().map(|b| b.key())).replace(", ", "|"),
    )
}

impl TryFrom<&FieldPath> for InputPath {
    type Error = AdjustError;

    /// The input a field path names: `evidence.wage_trends` (or its score,
    /// `evidence.wage_trends.score`, as validation findings name it), `growth`,
    /// `tasks[2].score`, `tasks`.
    fn try_from(field: &FieldPath) -> Result<Self, Self::Error> {
        let unknown = || AdjustError::UnknownField {
            field: field.to_string(),
            valid: valid_fields(),
        };
        fn key(segment: &Segment) -> Option<&str> {
            match segment {
                Segment::Key(key) => Some(key),
                Segment::Index(_) => None,
            }
        }
        match field.segments() {
            [Segment::Key(tasks)] if tasks == "tasks" => return Ok(Self::TaskCount),
            [
                Segment::Key(tasks),
                Segment::Index(index),
                Segment::Key(figure),
            ] if tasks == "tasks" => {
                let figure = TaskInput::ALL.into_iter().find(|f| f.key() == figure);
                return figure.map(|f| Self::Task(*index, f)).ok_or_else(unknown);
            }
            _ => {}
        }
        let segments = field.segments();
        let part = match segments.split_last() {
            Some((last, rest)) if key(last) == Some("score") => rest,
            _ => segments,
        };
        ScoredPart::all()
            .find(|&p| p.path().segments() == part)
            .map(Self::Part)
            .ok_or_else(unknown)
    }
}

impl FromStr for InputPath {
    type Err = AdjustError;

    /// Reads a path as [`Display`] writes it (see [`InputPath::try_from`]).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let field: FieldPath = text.parse().map_err(|_| AdjustError::UnknownField {
            field: text.trim().to_owned(),
            valid: valid_fields(),
        })?;
        Self::try_from(&field)
    }
}

impl From<InputPath> for FieldPath {
    fn from(path: InputPath) -> Self {
        match path {
            InputPath::Part(part) => part.path(),
            InputPath::Task(index, figure) => Self::task(index).key(figure.key()),
            InputPath::TaskCount => Self::new("tasks"),
        }
    }
}

impl Display for InputPath {
    fn fmt(&self, f: &mut std_fmt::Formatter<'_>) -> std_fmt::Result {
        FieldPath::from(*self).fmt(f)
    }
}

impl InputPath {
    /// Where the input comes in the file, for keeping adjustments in file order.
    pub(crate) fn file_order(self) -> (u8, usize, usize) {
        match self {
            Self::Part(p @ (ScoredPart::Principle(_) | ScoredPart::Growth)) => (0, 0, part_rank(p)),
            Self::Task(index, figure) => (1, index, figure as usize),
            Self::TaskCount => (2, 0, 0),
            Self::Part(p) => (3, 0, part_rank(p)),
        }
    }

    /// The input's value in an assessment.
    ///
    /// # Errors
    /// [`AdjustError::NoSuchTask`] for a task the assessment does not have.
    pub fn get(self, assessment: &Assessment) -> Result<InputValue, AdjustError> {
        Ok(match self {
            Self::Part(part) => InputValue::Score(assessment.part_score(part)),
            Self::Task(index, figure) => {
                let task = self.task_index(assessment, index)?;
                let task = &assessment.tasks[task];
                match figure {
                    TaskInput::Score => InputValue::Score(Some(task.score)),
                    TaskInput::TimePct => InputValue::Share(task.time_pct),
                    TaskInput::Impact => InputValue::Impact(task.impact),
                }
            }
            Self::TaskCount => InputValue::Count(assessment.tasks.len()),
        })
    }

    /// Sets the input after checking the value against the framework's range for it.
    ///
    /// # Errors
    /// A task the assessment does not have, a value of the wrong kind or out of range, or the
    /// number of tasks (which is not set by value).
    pub fn set(
        self,
        assessment: &mut Assessment,
        value: InputValue,
        framework: &Framework,
    ) -> Result<(), AdjustError> {
        self.check(value, framework)?;
        if let Self::Task(index, _) = self {
            self.task_index(assessment, index)?;
        }
        self.put(assessment, value);
        Ok(())
    }

    /// Sets the input unchecked (a value read from a file, put back to see its effect). A value
    /// of another kind than the input's, a task the assessment does not have, and the number of
    /// tasks leave the assessment as it is.
    pub(crate) fn put(self, assessment: &mut Assessment, value: InputValue) {
        match (self, value) {
            (Self::Part(part), InputValue::Score(score)) => assessment.set_part_score(part, score),
            (Self::Task(index, figure), value) => {
                let Some(task) = assessment.tasks.get_mut(index) else {
                    return;
                };
                match (figure, value) {
                    (TaskInput::Score, InputValue::Score(Some(score))) => task.score = score,
                    (TaskInput::TimePct, InputValue::Share(share)) => task.time_pct = share,
                    (TaskInput::Impact, InputValue::Impact(impact)) => task.impact = impact,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Checks a value against the framework's range for the input.
    ///
    /// # Errors
    /// A value of the wrong kind or out of range; the number of tasks, which is not set by value.
    pub fn check(self, value: InputValue, framework: &Framework) -> Result<(), AdjustError> {
        let out_of_range = |shown: String| AdjustError::OutOfRange {
            field: self.to_string(),
            value: shown,
            range: self.range(framework),
        };
        match (self, value) {
            (Self::TaskCount, _) => Err(AdjustError::NotSettable {
                field: self.to_string(),
            }),
            (Self::Part(_) | Self::Task(_, TaskInput::Score), InputValue::Score(score)) => {
                let factor = self.factor(framework);
                match score {
                    Some(score) if !factor.in_range(score) => Err(out_of_range(score.to_string())),
                    None if matches!(self, Self::Task(..)) => Err(self.bad_value("none")),
                    _ => Ok(()),
                }
            }
            (Self::Task(_, TaskInput::TimePct), InputValue::Share(share)) => {
                if share.is_finite() && share > 0.0 && share <= 100.0 {
                    Ok(())
                } else {
                    Err(out_of_range(fmt::time_share(share)))
                }
            }
            (Self::Task(_, TaskInput::Impact), InputValue::Impact(_)) => Ok(()),
            (_, value) => Err(self.bad_value(&value.show(self, framework))),
        }
    }

    /// Reads a value of this input as typed on the command line: an integer score (`-1`, `+2`),
    /// a share of time (`12.5`, `15%`), an impact's key (`displacement`, `not_involved`).
    ///
    /// # Errors
    /// The text is not a value of the input's kind; the number of tasks is not set by value.
    pub fn parse_value(self, text: &str) -> Result<InputValue, AdjustError> {
        let text = text.trim();
        let parsed = match self {
            Self::Part(_) | Self::Task(_, TaskInput::Score) => text
                .replace('−', "-")
                .trim_start_matches('+')
                .parse()
                .ok()
                .map(|score| InputValue::Score(Some(score))),
            Self::Task(_, TaskInput::TimePct) => text
                .trim_end_matches('%')
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|share| share.is_finite())
                .map(InputValue::Share),
            Self::Task(_, TaskInput::Impact) => {
                serde_json::from_value(Value::String(text.replace(' ', "_")))
                    .ok()
                    .map(InputValue::Impact)
            }
            Self::TaskCount => {
                return Err(AdjustError::NotSettable {
                    field: self.to_string(),
                });
            }
        };
        parsed.ok_or_else(|| self.bad_value(text))
    }

    /// The values the input allows, in words: "−2…+2", "more than 0% up to 100%",
    /// "augmentation, displacement or not_involved".
    #[must_use]
    pub fn range(self, framework: &Framework) -> String {
        match self {
            Self::Part(_) | Self::Task(_, TaskInput::Score) => self.factor(framework).range_text(),
            Self::Task(_, TaskInput::TimePct) => "more than 0% up to 100%".to_owned(),
            Self::Task(_, TaskInput::Impact) => {
                "augmentation, displacement or not_involved".to_owned()
            }
            Self::TaskCount => "a number of tasks".to_owned(),
        }
    }

    /// The input's name as the user reads it: "Evidence: Wage Trends", "AI Growth Correlation",
    /// "Task 3 (Database schema design): automation score", "Number of tasks". A task's input is
    /// named after the task at its place in `assessment`.
    #[must_use]
    pub fn name(self, assessment: &Assessment, framework: &Framework) -> String {
        let task = match self {
            Self::Task(index, _) => assessment.tasks.get(index),
            _ => None,
        };
        self.name_with(task, framework)
    }

    /// [`InputPath::name`], a task's input named after `task` (the task it is about, wherever
    /// that now stands); the number is the input's place.
    #[must_use]
    pub fn name_with(self, task: Option<&Task>, framework: &Framework) -> String {
        match self {
            Self::Part(part) => {
                let name = &framework.part(part).name;
                match part {
                    ScoredPart::Principle(_) => format!("Protective: {name}"),
                    ScoredPart::Growth => name.clone(),
                    ScoredPart::Dimension(_) => format!("Evidence: {name}"),
                    ScoredPart::Barrier(_) => format!("Barrier: {name}"),
                }
            }
            Self::Task(index, figure) => {
                let figure = match figure {
                    TaskInput::Score => "automation score",
                    TaskInput::TimePct => "share of time",
                    TaskInput::Impact => "impact",
                };
                match task.map(|t| t.name.trim()) {
                    Some(name) if !name.is_empty() => {
                        format!("Task {} ({name}): {figure}", index + 1)
                    }
                    _ => format!("Task {}: {figure}", index + 1),
                }
            }
            Self::TaskCount => "Number of tasks".to_owned(),
        }
    }

    /// The framework's definition of a scored input (a task's score uses the task scale).
    fn factor(self, framework: &Framework) -> &crate::framework::Factor {
        match self {
            Self::Part(part) => framework.part(part),
            Self::Task(..) | Self::TaskCount => &framework.task_score,
        }
    }

    /// The index of a task the assessment has.
    fn task_index(self, assessment: &Assessment, index: usize) -> Result<usize, AdjustError> {
        if index < assessment.tasks.len() {
            Ok(index)
        } else {
            Err(AdjustError::NoSuchTask {
                field: self.to_string(),
                index,
                count: assessment.tasks.len(),
            })
        }
    }

    fn bad_value(self, value: &str) -> AdjustError {
        let expected = match self {
            Self::Part(_) | Self::Task(_, TaskInput::Score) => "a whole-number score",
            Self::Task(_, TaskInput::TimePct) => "a share of time in percent",
            Self::Task(_, TaskInput::Impact) => "augmentation, displacement or not_involved",
            Self::TaskCount => "a number of tasks",
        };
        AdjustError::BadValue {
            field: self.to_string(),
            value: value.to_owned(),
            expected: expected.to_owned(),
        }
    }
}

/// The position of a part among all scored parts, in published order.
fn part_rank(part: ScoredPart) -> usize {
    ScoredPart::all().position(|p| p == part).unwrap_or(0)
}

impl InputValue {
    /// The value as the file holds it: `2`, `-1`, `15`, `12.5`, `"displacement"`, `null` for a
    /// score not picked.
    #[must_use]
    pub fn to_json(self) -> Value {
        match self {
            Self::Score(score) => score.map_or(Value::Null, Value::from),
            Self::Share(share) => serde_json::to_value(Share(share)).unwrap_or(Value::Null),
            Self::Impact(impact) => serde_json::to_value(impact).unwrap_or(Value::Null),
            Self::Count(count) => Value::from(count),
        }
    }

    /// Reads a value of `path` as a file holds it; `None` when it is not of the input's kind.
    #[must_use]
    pub fn from_json(path: InputPath, value: &Value) -> Option<Self> {
        match path {
            InputPath::Part(_) => match value {
                Value::Null => Some(Self::Score(None)),
                other => other.as_i64().map(|s| Self::Score(Some(s))),
            },
            InputPath::Task(_, TaskInput::Score) => value.as_i64().map(|s| Self::Score(Some(s))),
            InputPath::Task(_, TaskInput::TimePct) => value.as_f64().map(Self::Share),
            InputPath::Task(_, TaskInput::Impact) => {
                serde_json::from_value(value.clone()).ok().map(Self::Impact)
            }
            InputPath::TaskCount => value
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map(Self::Count),
        }
    }

    /// The value as the user reads it, through [`crate::fmt`]: "−1", "3", "15%", "displacement",
    /// "8 tasks", "—" for a score not picked.
    #[must_use]
    pub fn show(self, path: InputPath, framework: &Framework) -> String {
        match self {
            Self::Score(score) => fmt::or_missing(score, |s| path.factor(framework).show_score(s)),
            Self::Share(share) => fmt::time_share(share),
            Self::Impact(impact) => impact.label().to_owned(),
            Self::Count(count) => fmt::count(count, "task", "tasks"),
        }
    }
}

/// A share of time written as the assessment file writes it (`15`, `12.5`).
#[derive(serde::Serialize)]
struct Share(#[serde(serialize_with = "crate::model::whole_as_integer")] f64);
