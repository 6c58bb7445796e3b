//! The method's constants as data: names, ranges and help of every scored part, the modifier
//! weights, the normalisation, the zone thresholds, the clamp and the sub-label rules.
//!
//! The default, "AIJRI, as published" v1, ships in `assets/framework/` and is embedded in the
//! binary. An adviser may load a variant to see how another weighting changes every role.

use std::path::Path;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{Barrier, Dimension, Principle, ScoredPart};

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

/// Why a framework definition could not be used.
#[derive(Debug, Error)]
pub enum FrameworkError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The JSON does not match the framework schema.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The definition is well-formed but unusable.
    #[error("{0}")]
    Invalid(String),
}

impl Framework {
    /// The framework shipped with the program, "AIJRI, as published" v1.
    #[must_use]
    pub fn published() -> &'static Self {
        &PUBLISHED
    }

    /// Reads and checks a framework definition from JSON text.
    ///
    /// # Errors
    /// The JSON is malformed, or a part is missing, or a range or constant is unusable.
    pub fn from_json(text: &str) -> Result<Self, FrameworkError> {
        let framework: Self = serde_json::from_str(text).map_err(|e| FrameworkError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        framework.check()?;
        Ok(framework)
    }

    /// Reads a framework definition from a file.
    ///
    /// # Errors
    /// As [`Framework::from_json`], or the file cannot be read.
    pub fn load(path: &Path) -> Result<Self, FrameworkError> {
        let text = std::fs::read_to_string(path).map_err(|source| FrameworkError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_json(&text)
    }

    fn check(&self) -> Result<(), FrameworkError> {
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
        for factor in [&self.growth, &self.task_score] {
            check_range(factor)?;
        }
        if !(self.normalisation.scale.is_finite() && self.normalisation.scale > 0.0) {
            return Err(FrameworkError::Invalid(
                "normalisation.scale must be a positive number".into(),
            ));
        }
        if self.zones.yellow_min > self.zones.green_min {
            return Err(FrameworkError::Invalid(
                "zones.yellow_min must not exceed zones.green_min".into(),
            ));
        }
        if self.clamp.min > self.clamp.max {
            return Err(FrameworkError::Invalid(
                "clamp.min must not exceed clamp.max".into(),
            ));
        }
        Ok(())
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

    /// The highest possible protective total (9 as published).
    #[must_use]
    pub fn protective_max(&self) -> i64 {
        self.principles
            .iter()
            .map(|f| f.max)
            .fold(0, i64::saturating_add)
    }

    /// The highest possible barrier total (10 as published).
    #[must_use]
    pub fn barrier_max(&self) -> i64 {
        self.barriers
            .iter()
            .map(|f| f.max)
            .fold(0, i64::saturating_add)
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

fn check_parts<'a>(
    section: &str,
    factors: &[Factor],
    keys: impl Iterator<Item = &'a str>,
) -> Result<(), FrameworkError> {
    let mut expected = 0;
    for key in keys {
        expected += 1;
        if !factors.iter().any(|f| f.key == key) {
            return Err(FrameworkError::Invalid(format!(
                "{section}: the part `{key}` is missing"
            )));
        }
    }
    if factors.len() != expected {
        return Err(FrameworkError::Invalid(format!(
            "{section}: expected {expected} parts, found {}",
            factors.len()
        )));
    }
    factors.iter().try_for_each(check_range)
}

fn check_range(factor: &Factor) -> Result<(), FrameworkError> {
    if factor.min > factor.max {
        return Err(FrameworkError::Invalid(format!(
            "{}: min {} exceeds max {}",
            factor.key, factor.min, factor.max
        )));
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
