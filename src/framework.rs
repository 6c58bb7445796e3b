//! The method's constants as data: names, ranges and help of every scored part, the modifier
//! weights, the normalisation, the zone thresholds, the clamp and the sub-label rules.
//!
//! The default, "AIJRI, as published" v1, ships in `assets/framework/` and is embedded in the
//! binary. An adviser may load a variant to see how another weighting changes every role.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::library::{self, FileError, FileKind, LoadError, SaveError, UTF8_BOM};
use crate::model::{Barrier, Dimension, Principle, ScoredPart};
use crate::scoring::modifier;

mod set;

pub use set::{Frameworks, Resolved};

/// The extension of framework files.
pub const FRAMEWORK_EXTENSION: &str = ".aijri-framework.json";

/// Whether a path names a framework file (`*.aijri-framework.json`).
#[must_use]
pub fn is_framework_file(path: &Path) -> bool {
    library::has_extension(path, FRAMEWORK_EXTENSION)
}

/// The most values a part's range may span (`max − min + 1`): the published parts span 4 or 5,
/// and every range is drawn as a row of buttons, one per value.
pub const MAX_PART_VALUES: i64 = 11;

/// The longest an id or a name may be, in characters: a framework's id and name, a part's name
/// (they appear in menus, headings and table columns).
pub const MAX_NAME_CHARS: usize = 120;

/// The longest a text may be, in characters: a framework's description, a part's help and each of
/// its level texts (the published ones stay under 250).
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The id of the shipped framework, "AIJRI, as published".
pub const DEFAULT_FRAMEWORK_ID: &str = crate::model::PUBLISHED_FRAMEWORK_ID;

const PUBLISHED_JSON: &str = include_str!("../assets/framework/aijri-published-v1.json");

static PUBLISHED: LazyLock<Framework> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // The embedded asset is checked by a unit test.
    Framework::from_json(PUBLISHED_JSON).expect("the embedded framework definition is valid")
});

/// A complete framework definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// Stable id recorded in assessments, e.g. `aijri-published-v1`.
    pub id: String,
    /// Human name, e.g. "AIJRI, as published".
    pub name: String,
    /// Version of this definition.
    pub version: u32,
    /// What this definition is and where its numbers come from.
    #[serde(default)]
    pub description: String,
    /// The three protective principles.
    pub principles: Vec<Factor>,
    /// The AI growth correlation.
    pub growth: Factor,
    /// The automation score of a task.
    pub task_score: Factor,
    /// The five evidence dimensions.
    pub evidence: Vec<Factor>,
    /// The five barriers.
    pub barriers: Vec<Factor>,
    /// TRS = base − task total (6.00 as published).
    pub task_resistance_base: f64,
    /// The weights of the three modifiers.
    pub modifiers: ModifierWeights,
    /// Score = (raw − offset) / scale × 100.
    pub normalisation: Normalisation,
    /// Zone thresholds on the displayed score.
    pub zones: ZoneThresholds,
    /// The range the displayed score is clamped to.
    pub clamp: Clamp,
    /// The quick-screen rule.
    pub quick_screen: QuickScreenRule,
    /// The sub-label rules.
    pub sub_labels: SubLabelRules,
    /// How far the task time total may be from 100 before the result is provisional.
    pub time_tolerance_pct: f64,
}

/// One scored part: its name, integer range, help and the meaning of each level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    /// The key in assessment files.
    pub key: String,
    /// The name shown to users.
    pub name: String,
    /// Hover text explaining what the part measures.
    #[serde(default)]
    pub help: String,
    /// Lowest allowed score.
    pub min: i64,
    /// Highest allowed score.
    pub max: i64,
    /// The meaning of each score from `min` to `max`.
    #[serde(default)]
    pub levels: Vec<String>,
}

impl Factor {
    /// Whether a score lies in this part's range.
    #[must_use]
    pub fn in_range(&self, score: i64) -> bool {
        (self.min..=self.max).contains(&score)
    }

    /// A score of this part as the user reads it: signed ("−1", "+2") where the scale has
    /// negative scores, plain ("3") otherwise.
    #[must_use]
    pub fn show_score(&self, score: i64) -> String {
        if self.min < 0 {
            crate::fmt::signed_typographic(score)
        } else {
            score.to_string()
        }
    }

    /// The allowed range as text: "−2…+2", "0…3".
    #[must_use]
    pub fn range_text(&self) -> String {
        format!(
            "{}…{}",
            self.show_score(self.min),
            self.show_score(self.max)
        )
    }

    /// The meaning of one score level, if the definition gives one.
    #[must_use]
    pub fn level(&self, score: i64) -> Option<&str> {
        let index = usize::try_from(score.checked_sub(self.min)?).ok()?;
        self.levels.get(index).map(String::as_str)
    }
}

/// Points to modifier: modifier = 1 + total × weight.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ModifierWeights {
    /// 0.04 per evidence point as published.
    pub evidence_per_point: f64,
    /// 0.02 per barrier point as published.
    pub barrier_per_point: f64,
    /// 0.05 per growth point as published.
    pub growth_per_point: f64,
}

/// The normalisation of the raw composite to 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Normalisation {
    /// The lowest possible raw (0.54 as published).
    pub offset: f64,
    /// The raw range (7.93 as published).
    pub scale: f64,
}

/// Zone thresholds, compared with the score as displayed (one decimal).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ZoneThresholds {
    /// Green at or above this (48).
    pub green_min: f64,
    /// Yellow at or above this (25), Red below.
    pub yellow_min: f64,
}

/// The range the score is clamped to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Clamp {
    /// 0 by default.
    pub min: f64,
    /// 100 by default.
    pub max: f64,
}

/// "Protective 0–2 AND growth negative → almost certainly Red".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QuickScreenRule {
    /// The highest protective total that still signals Red.
    pub max_protective_total: i64,
    /// The highest growth correlation that still signals Red.
    pub max_growth: i64,
}

/// The sub-label rules.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SubLabelRules {
    /// A task "scores high" at or above this automation score (3).
    pub high_automation_min_score: i64,
    /// Red (Imminent) needs at least this share of time scoring high (70 %).
    pub imminent_min_time_pct: f64,
    /// Red (Imminent) needs a growth correlation at or below this (−1).
    pub imminent_max_growth: i64,
    /// Green (Transforming) at or above this share of time scoring high (50 %), otherwise Stable.
    pub transforming_min_time_pct: f64,
}

/// Why a framework definition could not be used. Every variant names the file.
#[derive(Debug, Error)]
pub enum FrameworkError {
    /// The file could not be read, is over [`library::MAX_FILE_BYTES`], or is not JSON of the
    /// framework schema (the field named where known: `evidence[2].min: …`).
    #[error(transparent)]
    File(#[from] FileError),
    /// The definition is well-formed but cannot work.
    #[error("{path}: {field}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The field at fault, as a path: `zones.green_min`, `evidence.wage_trends.min`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl FrameworkError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::File(error) => error.path(),
            Self::Invalid { path, .. } => path,
        }
    }

    /// The field at fault, for a definition that cannot work.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            Self::File(_) => None,
        }
    }
}

/// A folder entry that could not be read while looking for framework files.
impl From<LoadError> for FrameworkError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::File(error) => Self::File(error),
            other => Self::File(FileError::Io {
                path: other.path().to_owned(),
                source: std::io::Error::other(other.to_string()),
            }),
        }
    }
}

/// A field that makes a definition unusable, before the file is known.
struct Fault {
    field: String,
    message: String,
}

impl Fault {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    fn in_file(self, path: &Path) -> FrameworkError {
        FrameworkError::Invalid {
            path: path.to_owned(),
            field: self.field,
            message: self.message,
        }
    }
}

/// The name [`Framework::from_json`] gives text that comes from no file.
const NO_FILE: &str = "(framework text)";

impl Framework {
    /// The framework shipped with the program, "AIJRI, as published" v1.
    #[must_use]
    pub fn published() -> &'static Self {
        &PUBLISHED
    }

    /// Reads and checks a framework definition from JSON text.
    ///
    /// # Errors
    /// As [`Framework::parse`]; errors name the file `(framework text)`.
    pub fn from_json(text: &str) -> Result<Self, FrameworkError> {
        Self::parse(text.as_bytes(), Path::new(NO_FILE))
    }

    /// Reads and checks the bytes of a framework file; `path` only names the file in errors.
    ///
    /// # Errors
    /// Malformed JSON or a field of the wrong type (with line and column); zones out of order,
    /// `normalisation.scale` ≤ 0, a part with `min` > `max` or a range of more than
    /// [`MAX_PART_VALUES`] values, level texts that are not one per value, missing or unknown
    /// part keys, weights that make a modifier negative within the ranges, an id or name longer
    /// than [`MAX_NAME_CHARS`] or a text longer than [`MAX_TEXT_CHARS`] (with the field named).
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Self, FrameworkError> {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let framework: Self = serde_json::from_slice(bytes)
            .map_err(|error| FileError::json::<Self>(bytes, path, &error))?;
        framework.check().map_err(|fault| fault.in_file(path))?;
        Ok(framework)
    }

    /// Reads and checks a framework file.
    ///
    /// # Errors
    /// As [`Framework::parse`], or the file cannot be read or is over 5 MB.
    pub fn load(path: &Path) -> Result<Self, FrameworkError> {
        Self::parse(&library::read_limited(path, FileKind::Framework)?, path)
    }

    /// The definition as a framework file: pretty JSON, fields in a fixed order, ending in a newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        // A framework holds only strings, numbers and lists, which always serialise.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Saves the definition as a framework file, atomically (see [`library::write_atomic`]).
    ///
    /// # Errors
    /// The folder is not writable, the disk is full, or the rename fails.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        library::write_atomic(path, self.to_json().as_bytes())
    }

    fn check(&self) -> Result<(), Fault> {
        check_length("id", &self.id, MAX_NAME_CHARS)?;
        check_length("name", &self.name, MAX_NAME_CHARS)?;
        check_length("description", &self.description, MAX_TEXT_CHARS)?;
        check_parts(
            "principles",
            &self.principles,
            Principle::ALL.iter().map(|p| p.key()),
        )?;
        check_parts(
            "evidence",
            &self.evidence,
            Dimension::ALL.iter().map(|d| d.key()),
        )?;
        check_parts(
            "barriers",
            &self.barriers,
            Barrier::ALL.iter().map(|b| b.key()),
        )?;
        check_part("growth", &self.growth)?;
        check_part("task_score", &self.task_score)?;
        self.check_modifiers()?;
        self.check_constants()
    }

    /// Each modifier stays at or above 0 over its whole range of points.
    fn check_modifiers(&self) -> Result<(), Fault> {
        let w = &self.modifiers;
        let modifiers = [
            (
                "evidence_per_point",
                w.evidence_per_point,
                total_range(&self.evidence),
            ),
            (
                "barrier_per_point",
                w.barrier_per_point,
                total_range(&self.barriers),
            ),
            (
                "growth_per_point",
                w.growth_per_point,
                (self.growth.min, self.growth.max),
            ),
        ];
        for (name, weight, (low, high)) in modifiers {
            let field = format!("modifiers.{name}");
            if !weight.is_finite() {
                return Err(Fault::new(field, "must be a number"));
            }
            let lowest = modifier(low, weight).min(modifier(high, weight));
            if lowest < 0.0 {
                return Err(Fault::new(
                    field,
                    format!(
                        "{weight} per point makes the modifier {lowest} (below 0) at {} points",
                        if modifier(low, weight) < 0.0 {
                            low
                        } else {
                            high
                        }
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The normalisation, zones, clamp and base are usable numbers in a usable order.
    fn check_constants(&self) -> Result<(), Fault> {
        let n = self.normalisation;
        if !(n.scale.is_finite() && n.scale > 0.0) {
            return Err(Fault::new(
                "normalisation.scale",
                format!("must be above 0, not {}", n.scale),
            ));
        }
        let finite = [
            ("normalisation.offset", n.offset),
            ("task_resistance_base", self.task_resistance_base),
            ("zones.green_min", self.zones.green_min),
            ("zones.yellow_min", self.zones.yellow_min),
            ("clamp.min", self.clamp.min),
            ("clamp.max", self.clamp.max),
        ];
        if let Some((field, _)) = finite.iter().find(|(_, v)| !v.is_finite()) {
            return Err(Fault::new(*field, "must be a number"));
        }
        if self.zones.green_min <= self.zones.yellow_min {
            return Err(Fault::new(
                "zones.green_min",
                format!(
                    "{} must be above zones.yellow_min ({})",
                    self.zones.green_min, self.zones.yellow_min
                ),
            ));
        }
        if self.clamp.min > self.clamp.max {
            return Err(Fault::new("clamp.min", "must not exceed clamp.max"));
        }
        Ok(())
    }

    /// The normalisation that follows from the weights and ranges over their full range (method
    /// §5, "derive from the full ranges"): offset = the lowest possible raw, scale = the highest
    /// possible raw − offset, so a score never needs clamping.
    #[must_use]
    pub fn derived_normalisation(&self) -> Normalisation {
        self.normalisation_with_barriers_up_to(self.barrier_max())
    }

    /// The normalisation that follows from the weights and ranges with the barrier total counted
    /// only up to `barrier_total` points for the highest raw (the published 0.54 / 7.93 count 5 of
    /// the 10). The lowest raw takes TRS at its minimum (base − highest task score), evidence and
    /// growth at their minimum and barriers at their lowest total (0 as published); the highest
    /// takes every part at its maximum.
    #[must_use]
    pub fn normalisation_with_barriers_up_to(&self, barrier_total: i64) -> Normalisation {
        let w = &self.modifiers;
        let (evidence_low, evidence_high) = total_range(&self.evidence);
        let (barrier_low, _) = total_range(&self.barriers);
        let raw = |task_score: i64, evidence: i64, barriers: i64, growth: i64| {
            #[allow(clippy::cast_precision_loss)] // Scores are small integers.
            let trs = self.task_resistance_base - task_score as f64;
            trs * modifier(evidence, w.evidence_per_point)
                * modifier(barriers, w.barrier_per_point)
                * modifier(growth, w.growth_per_point)
        };
        let lowest = raw(
            self.task_score.max,
            evidence_low,
            barrier_low,
            self.growth.min,
        );
        let highest = raw(
            self.task_score.min,
            evidence_high,
            barrier_total,
            self.growth.max,
        );
        Normalisation {
            offset: lowest,
            scale: highest - lowest,
        }
    }

    /// The definition of a protective principle.
    #[must_use]
    pub fn principle(&self, principle: Principle) -> &Factor {
        find(&self.principles, principle.key())
    }

    /// The definition of an evidence dimension.
    #[must_use]
    pub fn dimension(&self, dimension: Dimension) -> &Factor {
        find(&self.evidence, dimension.key())
    }

    /// The definition of a barrier.
    #[must_use]
    pub fn barrier(&self, barrier: Barrier) -> &Factor {
        find(&self.barriers, barrier.key())
    }

    /// The definition of any scored part.
    #[must_use]
    pub fn part(&self, part: ScoredPart) -> &Factor {
        match part {
            ScoredPart::Principle(p) => self.principle(p),
            ScoredPart::Growth => &self.growth,
            ScoredPart::Dimension(d) => self.dimension(d),
            ScoredPart::Barrier(b) => self.barrier(b),
        }
    }

    /// The lowest possible protective total (0 as published).
    #[must_use]
    pub fn protective_min(&self) -> i64 {
        total_range(&self.principles).0
    }

    /// The highest possible Task Resistance Score: the base less the lowest automation score (5
    /// as published).
    #[must_use]
    pub fn task_resistance_max(&self) -> f64 {
        // Scores are small integers; the cast is exact for any range a framework may declare.
        #[allow(clippy::cast_precision_loss)]
        let lowest = self.task_score.min as f64;
        self.task_resistance_base - lowest
    }

    /// The highest possible protective total (9 as published).
    #[must_use]
    pub fn protective_max(&self) -> i64 {
        total_range(&self.principles).1
    }

    /// The highest possible barrier total (10 as published).
    #[must_use]
    pub fn barrier_max(&self) -> i64 {
        total_range(&self.barriers).1
    }

    /// The growth label of a growth score ("Weak Negative").
    #[must_use]
    pub fn growth_label(&self, score: i64) -> &str {
        self.growth.level(score).unwrap_or("out of range")
    }
}

/// Looks a part up by key; [`Framework::check`] guarantees every key of the model is present, so
/// the fallback to the first entry is never reached for a checked framework.
fn find<'a>(factors: &'a [Factor], key: &str) -> &'a Factor {
    factors.iter().find(|f| f.key == key).unwrap_or(&factors[0])
}

/// The lowest and highest total of a group of parts.
fn total_range(factors: &[Factor]) -> (i64, i64) {
    factors.iter().fold((0, 0), |(low, high), f| {
        (low.saturating_add(f.min), high.saturating_add(f.max))
    })
}

/// The parts of a section carry exactly the model's keys, once each, and usable ranges.
fn check_parts<'a>(
    section: &str,
    factors: &[Factor],
    keys: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), Fault> {
    for key in keys.clone() {
        match factors.iter().filter(|f| f.key == key).count() {
            0 => return Err(Fault::new(section, format!("the part `{key}` is missing"))),
            1 => {}
            _ => {
                return Err(Fault::new(
                    section,
                    format!("the part `{key}` appears twice"),
                ));
            }
        }
    }
    if let Some(unknown) = factors.iter().find(|f| !keys.clone().any(|k| k == f.key)) {
        let known: Vec<&str> = keys.collect();
        return Err(Fault::new(
            section,
            format!(
                "the part `{}` is not one of the method's: {}",
                unknown.key,
                known.join(", ")
            ),
        ));
    }
    factors
        .iter()
        .try_for_each(|f| check_part(&format!("{section}.{}", f.key), f))
}

/// A part's range and texts: `min` does not exceed `max`, the range spans at most
/// [`MAX_PART_VALUES`] values, `levels` (when given) has one text per value, and the name, help
/// and level texts are within their lengths.
fn check_part(field: &str, factor: &Factor) -> Result<(), Fault> {
    if factor.min > factor.max {
        return Err(Fault::new(
            format!("{field}.min"),
            format!("{} exceeds max {}", factor.min, factor.max),
        ));
    }
    let values = i128::from(factor.max) - i128::from(factor.min) + 1;
    if values > i128::from(MAX_PART_VALUES) {
        return Err(Fault::new(
            format!("{field}.max"),
            format!(
                "the range has {} ({}…{}); a part's range spans at most {MAX_PART_VALUES}",
                crate::fmt::count(
                    usize::try_from(values).unwrap_or(usize::MAX),
                    "value",
                    "values"
                ),
                factor.min,
                factor.max
            ),
        ));
    }
    if !factor.levels.is_empty() && i128::try_from(factor.levels.len()) != Ok(values) {
        return Err(Fault::new(
            format!("{field}.levels"),
            format!(
                "{} for the {} {}…{}: give one text per value, or none",
                crate::fmt::count(factor.levels.len(), "text", "texts"),
                crate::fmt::count(
                    usize::try_from(values).unwrap_or(usize::MAX),
                    "value",
                    "values"
                ),
                factor.min,
                factor.max
            ),
        ));
    }
    check_length(&format!("{field}.name"), &factor.name, MAX_NAME_CHARS)?;
    check_length(&format!("{field}.help"), &factor.help, MAX_TEXT_CHARS)?;
    factor.levels.iter().enumerate().try_for_each(|(i, level)| {
        check_length(&format!("{field}.levels[{i}]"), level, MAX_TEXT_CHARS)
    })
}

/// A text is at most `max` characters long.
fn check_length(field: &str, text: &str, max: usize) -> Result<(), Fault> {
    let chars = text.chars().count();
    if chars > max {
        return Err(Fault::new(
            field,
            format!(
                "is {} long; at most {max} are allowed",
                crate::fmt::count(chars, "character", "characters")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_framework_is_valid_and_as_published() {
        let framework = Framework::from_json(PUBLISHED_JSON).unwrap();
        assert_eq!(framework.id, DEFAULT_FRAMEWORK_ID);
        assert_eq!(framework.protective_max(), 9);
        assert_eq!(framework.barrier_max(), 10);
        assert_eq!(
            framework
                .principle(Principle::GoalSettingMoralJudgment)
                .name,
            "Goal-Setting & Moral Judgment"
        );
        assert_eq!(framework.growth_label(-1), "Weak Negative");
        assert_eq!(framework.task_score.levels.len(), 5);
    }

    #[test]
    fn missing_part_is_refused_with_its_key() {
        let text = PUBLISHED_JSON.replace("\"wage_trends\"", "\"wages\"");
        let err = Framework::from_json(&text).unwrap_err().to_string();
        assert!(err.contains("wage_trends"), "{err}");
    }
}
