//! Every figure of the method (`spec/aijri-method.md` §2) as a pure function of an assessment and a
//! framework. Figures are computed in `f64` from unrounded values; rounding happens only for display
//! ([`round_to`]), and the zone is decided on the score as displayed, so the two never disagree.

use serde::Serialize;

use crate::framework::Framework;
use crate::model::{Assessment, Impact, Split, SubLabel, Task, Zone};

/// Slack for comparing computed percentages with thresholds, so 64.99999999 reads as 65.
const EPSILON: f64 = 1e-9;

/// Every computed figure of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Sum of the three principle scores.
    pub protective_total: i64,
    /// Quick screen: protective total low and growth negative → almost certainly Red.
    pub quick_screen_red: bool,
    /// Σ of the tasks' time shares, percent.
    pub time_total: f64,
    /// The time total is not 100 (within tolerance): figures use normalised shares.
    pub provisional: bool,
    /// Per task: (time share / 100) × score, on normalised shares.
    pub weighted: Vec<f64>,
    /// Σ weighted.
    pub task_total: f64,
    /// TRS = base − task total.
    pub task_resistance: f64,
    /// Share of task time per impact, percent.
    pub split: Split,
    /// Share of task time scoring at or above the high-automation score, percent.
    pub time_3plus_pct: f64,
    /// Σ evidence scores.
    pub evidence_total: i64,
    /// Σ barrier scores.
    pub barrier_total: i64,
    /// The growth correlation.
    pub growth: i64,
    /// EM = 1 + evidence total × weight.
    pub evidence_modifier: f64,
    /// BM = 1 + barrier total × weight.
    pub barrier_modifier: f64,
    /// GM = 1 + growth × weight.
    pub growth_modifier: f64,
    /// TRS × EM × BM × GM.
    pub raw: f64,
    /// (raw − offset) / scale × 100, before clamping.
    pub score_unclamped: f64,
    /// The score clamped to the framework's range (unrounded).
    pub score: f64,
    /// Whether clamping changed the score.
    pub clamped: bool,
    /// Zone of the displayed score.
    pub zone: Zone,
    /// Sub-label of the computed zone.
    pub sub_label: Option<SubLabel>,
    /// The conditions behind the sub-label, each with its outcome.
    pub conditions: Vec<Condition>,
    /// The result that counts: the override where one is set.
    pub final_result: FinalResult,
}

/// One condition of a sub-label rule and whether it held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    /// What was tested, with the values: "time 3+ 65% < 70%".
    pub text: String,
    /// Whether it held.
    pub holds: bool,
}

/// The result comparisons and the role list use.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FinalResult {
    /// The override's score, or the computed (clamped) score.
    pub score: f64,
    /// The override's zone, the zone of the override's score, or the computed zone.
    pub zone: Zone,
    /// Whether an override set this result.
    pub overridden: bool,
}

/// Rounds half away from zero to `decimals` places: 24.4966 → 24.5, 2.482578 → 2.4826.
#[must_use]
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    // Nudge by a relative epsilon so 2.675 stored as 2.67499999… still rounds up as written.
    let scaled = value * factor;
    (scaled + scaled.signum() * EPSILON * scaled.abs().max(1.0)).round() / factor
}

/// The score as displayed, one decimal.
#[must_use]
pub fn displayed_score(score: f64) -> f64 {
    round_to(score, 1)
}

/// The zone of a score, decided on the score as displayed.
#[must_use]
pub fn zone_of(score: f64, framework: &Framework) -> Zone {
    let shown = displayed_score(score);
    if shown >= framework.zones.green_min {
        Zone::Green
    } else if shown >= framework.zones.yellow_min {
        Zone::Yellow
    } else {
        Zone::Red
    }
}

/// `value ≥ threshold`, tolerant of floating-point noise.
fn at_least(value: f64, threshold: f64) -> bool {
    value >= threshold - EPSILON
}

/// Computes every figure of an assessment under a framework.
#[must_use]
pub fn score(assessment: &Assessment, framework: &Framework) -> Breakdown {
    let protective_total = assessment.protective.total();
    let growth = assessment.growth.score;
    let tasks = task_figures(assessment, framework);
    let evidence_total = assessment.evidence.total();
    let barrier_total = assessment.barriers.total();

    let task_resistance = framework.task_resistance_base - tasks.task_total;
    let weights = framework.modifiers;
    let evidence_modifier = modifier(evidence_total, weights.evidence_per_point);
    let barrier_modifier = modifier(barrier_total, weights.barrier_per_point);
    let growth_modifier = modifier(growth, weights.growth_per_point);
    let raw = task_resistance * evidence_modifier * barrier_modifier * growth_modifier;
    let score_unclamped = score_of_raw(raw, framework);
    let score = score_unclamped.clamp(framework.clamp.min, framework.clamp.max);
    let zone = zone_of(score, framework);
    let (sub_label, conditions) = sub_label(zone, tasks.time_3plus_pct, growth, framework);

    Breakdown {
        protective_total,
        quick_screen_red: protective_total <= framework.quick_screen.max_protective_total
            && growth <= framework.quick_screen.max_growth,
        time_total: tasks.time_total,
        provisional: tasks.provisional,
        weighted: tasks.weighted,
        task_total: tasks.task_total,
        task_resistance,
        split: tasks.split,
        time_3plus_pct: tasks.time_3plus_pct,
        evidence_total,
        barrier_total,
        growth,
        evidence_modifier,
        barrier_modifier,
        growth_modifier,
        raw,
        score_unclamped,
        score,
        // Floating-point noise (100.00000000000003 for the published maximum) is no clamp; nor is NaN.
        clamped: (score - score_unclamped).abs() > EPSILON,
        zone,
        sub_label,
        conditions,
        final_result: final_result(assessment, score, zone, framework),
    }
}

/// The JobZone score of a raw composite, before clamping: (raw − offset) / scale × 100.
#[must_use]
pub fn score_of_raw(raw: f64, framework: &Framework) -> f64 {
    let norm = framework.normalisation;
    (raw - norm.offset) / norm.scale * 100.0
}

/// The factor that turns typed task time shares into the shares the figures use: 1, or
/// 100 / total on a provisional result (the shares are then normalised to 100).
#[must_use]
pub fn share_scale(time_total: f64, provisional: bool) -> f64 {
    if provisional && time_total > 0.0 {
        100.0 / time_total
    } else {
        1.0
    }
}

/// 1 + points × weight.
fn modifier(points: i64, weight: f64) -> f64 {
    // Scores are small integers; the cast is exact for any value a valid file can hold.
    #[allow(clippy::cast_precision_loss)]
    let points = points as f64;
    1.0 + points * weight
}

/// The sum of some figures; 0 (not `Iterator::sum`'s −0) when there are none, so nothing shows "-0%".
fn sum(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |total, value| total + value)
}

struct TaskFigures {
    time_total: f64,
    provisional: bool,
    weighted: Vec<f64>,
    task_total: f64,
    split: Split,
    time_3plus_pct: f64,
}

fn task_figures(assessment: &Assessment, framework: &Framework) -> TaskFigures {
    let tasks = &assessment.tasks;
    let time_total = sum(tasks.iter().map(|t| t.time_pct));
    let provisional =
        time_total.is_nan() || (time_total - 100.0).abs() > framework.time_tolerance_pct + EPSILON;
    // On a provisional result the shares are normalised to 100; exactly 100 keeps them as typed.
    let scale = share_scale(time_total, provisional);
    let share = |time_pct: f64| time_pct * scale;

    #[allow(clippy::cast_precision_loss)]
    let weighted: Vec<f64> = tasks
        .iter()
        .map(|t| share(t.time_pct) / 100.0 * t.score as f64)
        .collect();
    let task_total = sum(weighted.iter().copied());
    let time_where = |keep: &dyn Fn(&Task) -> bool| {
        sum(tasks.iter().filter(|t| keep(t)).map(|t| share(t.time_pct)))
    };
    let split = Split {
        displacement: time_where(&|t| t.impact == Impact::Displacement),
        augmentation: time_where(&|t| t.impact == Impact::Augmentation),
        not_involved: time_where(&|t| t.impact == Impact::NotInvolved),
    };
    let high = framework.sub_labels.high_automation_min_score;
    TaskFigures {
        time_total,
        provisional,
        weighted,
        task_total,
        split,
        time_3plus_pct: time_where(&|t| t.score >= high),
    }
}

/// The sub-label of a zone with the outcome of each of its conditions.
fn sub_label(
    zone: Zone,
    time_3plus_pct: f64,
    growth: i64,
    framework: &Framework,
) -> (Option<SubLabel>, Vec<Condition>) {
    match zone {
        Zone::Red => imminent(time_3plus_pct, growth, framework),
        Zone::Green => transforming(time_3plus_pct, framework),
        Zone::Yellow => (None, Vec::new()),
    }
}

/// Red (Imminent): Red, time at high automation ≥ the threshold, growth ≤ the threshold.
fn imminent(
    time_3plus_pct: f64,
    growth: i64,
    framework: &Framework,
) -> (Option<SubLabel>, Vec<Condition>) {
    let rules = framework.sub_labels;
    let time = time_condition(time_3plus_pct, rules.imminent_min_time_pct, framework);
    let growth_holds = growth <= rules.imminent_max_growth;
    let growth = Condition {
        text: format!(
            "growth {} {} {}",
            signed(growth).replace('-', "−"),
            if growth_holds { "≤" } else { ">" },
            signed(rules.imminent_max_growth).replace('-', "−")
        ),
        holds: growth_holds,
    };
    let label = (time.holds && growth.holds).then_some(SubLabel::Imminent);
    let red = Condition {
        text: "Red".into(),
        holds: true,
    };
    (label, vec![red, time, growth])
}

/// Green (Transforming) when time at high automation ≥ the threshold, otherwise Green (Stable).
fn transforming(time_3plus_pct: f64, framework: &Framework) -> (Option<SubLabel>, Vec<Condition>) {
    let time = time_condition(
        time_3plus_pct,
        framework.sub_labels.transforming_min_time_pct,
        framework,
    );
    let label = if time.holds {
        SubLabel::Transforming
    } else {
        SubLabel::Stable
    };
    (Some(label), vec![time])
}

/// "time 3+ 65% < 70%": the share of time at high automation against a threshold.
fn time_condition(time_3plus_pct: f64, threshold: f64, framework: &Framework) -> Condition {
    let holds = at_least(time_3plus_pct, threshold);
    Condition {
        text: format!(
            "time {}+ {} {} {}",
            framework.sub_labels.high_automation_min_score,
            format_pct(time_3plus_pct),
            if holds { "≥" } else { "<" },
            format_pct(threshold)
        ),
        holds,
    }
}

fn final_result(
    assessment: &Assessment,
    score: f64,
    zone: Zone,
    framework: &Framework,
) -> FinalResult {
    match &assessment.override_result {
        None => FinalResult {
            score,
            zone,
            overridden: false,
        },
        Some(o) => {
            let final_score = o.score.unwrap_or(score);
            let final_zone = o.zone.unwrap_or_else(|| {
                if o.score.is_some() {
                    zone_of(final_score, framework)
                } else {
                    zone
                }
            });
            FinalResult {
                score: final_score,
                zone: final_zone,
                overridden: true,
            }
        }
    }
}

/// A percentage as the published text writes it: "65%", "62.5%".
#[must_use]
pub fn format_pct(value: f64) -> String {
    // Adding 0 turns −0 (from rounding −0.04) into 0, so no "-0%".
    let rounded = round_to(value, 1) + 0.0;
    if (rounded - rounded.round()).abs() < EPSILON {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

/// An integer with its sign written the way the published text does: "-1", "0", "+2".
#[must_use]
pub fn signed(value: i64) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

impl Breakdown {
    /// The sub-label line as published: "Red — Does not meet all three Imminent conditions",
    /// "Green (Transforming)", "Yellow".
    #[must_use]
    pub fn sub_label_text(&self) -> String {
        match (self.zone, self.sub_label) {
            (Zone::Red, None) => "Red — Does not meet all three Imminent conditions".to_owned(),
            (zone, Some(label)) => format!("{} ({})", zone.name(), label.name()),
            (zone, None) => zone.name().to_owned(),
        }
    }

    /// The conditions on one line: "Imminent: Red ✓ · time 3+ 65% < 70% ✗ · growth −1 ≤ −1 ✓".
    #[must_use]
    pub fn conditions_text(&self) -> String {
        if self.conditions.is_empty() {
            return "no sub-label for Yellow".to_owned();
        }
        let rule = if self.zone == Zone::Red {
            "Imminent"
        } else {
            "Transforming"
        };
        let parts: Vec<String> = self
            .conditions
            .iter()
            .map(|c| format!("{} {}", c.text, if c.holds { "✓" } else { "✗" }))
            .collect();
        format!("{rule}: {}", parts.join(" · "))
    }

    /// The score as displayed, one decimal.
    #[must_use]
    pub fn displayed(&self) -> f64 {
        displayed_score(self.score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero_on_written_decimals() {
        assert!((round_to(2.482_578, 4) - 2.4826).abs() < 1e-12);
        assert!((round_to(24.45, 1) - 24.5).abs() < 1e-12);
        assert!((round_to(47.96, 1) - 48.0).abs() < 1e-12);
        assert!((round_to(-0.05, 1) + 0.1).abs() < 1e-12);
    }

    #[test]
    fn percentages_print_like_the_published_text() {
        assert_eq!(format_pct(65.0), "65%");
        assert_eq!(format_pct(64.999_999_999), "65%");
        assert_eq!(format_pct(62.5), "62.5%");
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(-1), "-1");
    }
}
