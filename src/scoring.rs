//! Every figure of the method (`spec/aijri-method.md` §2) as a pure function of an assessment and a
//! framework. Figures are computed in `f64` from unrounded values; rounding happens only for display
//! ([`fmt::round`]), and the zone is decided on the score as displayed, so the two never disagree.
//! A figure whose inputs are missing is absent (`None`), never defaulted (§5).

use serde::Serialize;

use crate::fmt;
use crate::framework::Framework;
use crate::model::{Assessment, Impact, Split, SubLabel, Task, Zone};

/// Slack for comparing computed percentages with thresholds, so 64.99999999 reads as 65.
const EPSILON: f64 = 1e-9;

/// The reason given for a role without tasks.
pub const NO_TASKS: &str = "no tasks: add tasks";
/// The reason given for tasks whose time adds up to 0%.
pub const NO_TIME: &str = "task time adds up to 0%: give the tasks their share of the time";

/// Every computed figure of one assessment. A figure whose inputs are missing (no tasks, a time
/// total of 0, a part without a score) is `None`, never a default: there is then no composite and
/// [`Breakdown::no_score`] says why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Sum of the three principle scores.
    pub protective_total: Option<i64>,
    /// Quick screen: protective total low and growth negative → almost certainly Red. Needs the
    /// protective total and the growth correlation.
    pub quick_screen_red: Option<bool>,
    /// Σ of the tasks' time shares, percent.
    pub time_total: f64,
    /// The time total is not 100 (within tolerance): figures use normalised shares.
    pub provisional: bool,
    /// Per task: (time share / 100) × score, on normalised shares (zeros when the time total is 0).
    pub weighted: Vec<f64>,
    /// Σ weighted; `None` with no tasks or a time total of 0.
    pub task_total: Option<f64>,
    /// TRS = base − task total.
    pub task_resistance: Option<f64>,
    /// Share of task time per impact, percent; `None` when the time total is 0.
    pub split: Option<Split>,
    /// Share of task time scoring at or above the high-automation score, percent.
    pub time_3plus_pct: Option<f64>,
    /// Σ evidence scores.
    pub evidence_total: Option<i64>,
    /// Σ barrier scores.
    pub barrier_total: Option<i64>,
    /// The growth correlation.
    pub growth: Option<i64>,
    /// EM = 1 + evidence total × weight.
    pub evidence_modifier: Option<f64>,
    /// BM = 1 + barrier total × weight.
    pub barrier_modifier: Option<f64>,
    /// GM = 1 + growth × weight.
    pub growth_modifier: Option<f64>,
    /// The composite and what follows from it; `None` whenever any input above is missing.
    pub composite: Option<Composite>,
    /// Why there is no composite, in words ("no tasks: add tasks", "Cultural/Ethical has no
    /// score"); empty when there is one.
    pub no_score: Vec<String>,
}

/// The composite score of an assessment whose inputs are all there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Composite {
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

/// The score as displayed, one decimal.
#[must_use]
pub fn displayed_score(score: f64) -> f64 {
    fmt::round(score, 1)
}

/// A change of score as the user reads it, on the displayed scores: 24.5 → 26.0 is 1.5, although
/// the unrounded scores may differ by 1.46.
#[must_use]
pub fn displayed_change(before: f64, after: f64) -> f64 {
    fmt::round(displayed_score(after) - displayed_score(before), 1)
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
    let task_resistance = tasks.task_total.map(|t| framework.task_resistance_base - t);
    let weights = framework.modifiers;
    let quick = framework.quick_screen;
    let mut breakdown = Breakdown {
        protective_total,
        quick_screen_red: protective_total
            .zip(growth)
            .map(|(p, g)| p <= quick.max_protective_total && g <= quick.max_growth),
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
        evidence_modifier: evidence_total.map(|p| modifier(p, weights.evidence_per_point)),
        barrier_modifier: barrier_total.map(|p| modifier(p, weights.barrier_per_point)),
        growth_modifier: growth.map(|p| modifier(p, weights.growth_per_point)),
        composite: None,
        no_score: Vec::new(),
    };
    breakdown.composite = composite(assessment, &breakdown, framework);
    if breakdown.composite.is_none() {
        breakdown.no_score = no_score_reasons(assessment, &breakdown, framework);
    }
    breakdown
}

/// The four figures the composite is made of: what the what-if search varies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompositeInputs {
    /// Σ weighted task scores.
    pub task_total: f64,
    /// Σ evidence scores.
    pub evidence_total: i64,
    /// Σ barrier scores.
    pub barrier_total: i64,
    /// The growth correlation.
    pub growth: i64,
}

/// The raw composite of its four figures: TRS × EM × BM × GM.
fn raw_composite(inputs: CompositeInputs, framework: &Framework) -> f64 {
    let weights = framework.modifiers;
    (framework.task_resistance_base - inputs.task_total)
        * modifier(inputs.evidence_total, weights.evidence_per_point)
        * modifier(inputs.barrier_total, weights.barrier_per_point)
        * modifier(inputs.growth, weights.growth_per_point)
}

/// The computed score (clamped, unrounded) of a role whose composite is made of `inputs`: the
/// same arithmetic as [`score`], for the what-if search, which varies them without a whole
/// assessment.
#[must_use]
pub fn composite_score(inputs: CompositeInputs, framework: &Framework) -> f64 {
    score_of_raw(raw_composite(inputs, framework), framework)
        .clamp(framework.clamp.min, framework.clamp.max)
}

/// The task total of tasks' time shares and automation scores, the shares scaled by `scale`
/// (see [`share_scale`]): Σ (share / 100 × score), in the tasks' order, as [`score`] adds them.
#[must_use]
pub fn task_total(tasks: impl Iterator<Item = (f64, i64)>, scale: f64) -> f64 {
    sum(tasks.map(|(time_pct, score)| weighted(time_pct, scale, score)))
}

/// One task's weighted score: (share / 100) × score, the share scaled by `scale`.
fn weighted(time_pct: f64, scale: f64, score: i64) -> f64 {
    // Scores are small integers; the cast is exact for any value a valid file can hold.
    #[allow(clippy::cast_precision_loss)]
    let score = score as f64;
    time_pct * scale / 100.0 * score
}

/// The composite of a breakdown whose inputs are all there.
fn composite(assessment: &Assessment, b: &Breakdown, framework: &Framework) -> Option<Composite> {
    let inputs = CompositeInputs {
        task_total: b.task_total?,
        evidence_total: b.evidence_total?,
        barrier_total: b.barrier_total?,
        growth: b.growth?,
    };
    let raw = raw_composite(inputs, framework);
    let score_unclamped = score_of_raw(raw, framework);
    let score = score_unclamped.clamp(framework.clamp.min, framework.clamp.max);
    let zone = zone_of(score, framework);
    let (sub_label, conditions) = sub_label(zone, b.time_3plus_pct?, b.growth?, framework);
    Some(Composite {
        raw,
        score_unclamped,
        score,
        // Floating-point noise (100.00000000000003 for the published maximum) is no clamp; nor is NaN.
        clamped: (score - score_unclamped).abs() > EPSILON,
        zone,
        sub_label,
        conditions,
        final_result: final_result(assessment, score, zone, framework),
    })
}

/// Why a breakdown has no composite: no tasks, no time, each part without a score.
fn no_score_reasons(assessment: &Assessment, b: &Breakdown, framework: &Framework) -> Vec<String> {
    let mut reasons = Vec::new();
    if assessment.tasks.is_empty() {
        reasons.push(NO_TASKS.to_owned());
    } else if b.task_total.is_none() {
        reasons.push(NO_TIME.to_owned());
    }
    reasons.extend(
        assessment
            .missing_parts()
            .into_iter()
            .map(|part| missing_text(&framework.part(part).name)),
    );
    reasons
}

/// "Cultural/Ethical has no score".
#[must_use]
pub fn missing_text(name: &str) -> String {
    format!("{name} has no score")
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

/// A modifier: 1 + points × weight.
pub(crate) fn modifier(points: i64, weight: f64) -> f64 {
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
    task_total: Option<f64>,
    split: Option<Split>,
    time_3plus_pct: Option<f64>,
}

fn task_figures(assessment: &Assessment, framework: &Framework) -> TaskFigures {
    let tasks = &assessment.tasks;
    let time_total = sum(tasks.iter().map(|t| t.time_pct));
    let provisional =
        time_total.is_nan() || (time_total - 100.0).abs() > framework.time_tolerance_pct + EPSILON;
    // On a provisional result the shares are normalised to 100; exactly 100 keeps them as typed.
    let scale = share_scale(time_total, provisional);
    let share = |time_pct: f64| time_pct * scale;

    let weighted: Vec<f64> = tasks
        .iter()
        .map(|t| weighted(t.time_pct, scale, t.score))
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
    // No tasks, or no time at all: no shares, so no task figures (never a default).
    let computable = !tasks.is_empty() && time_total != 0.0;
    TaskFigures {
        time_total,
        provisional,
        weighted,
        task_total: computable.then_some(task_total),
        split: computable.then_some(split),
        time_3plus_pct: computable.then(|| time_where(&|t| t.score >= high)),
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
            fmt::signed_typographic(growth),
            if growth_holds { "≤" } else { ">" },
            fmt::signed_typographic(rules.imminent_max_growth)
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

/// The share of task time scoring 3+ as text, everywhere it is shown: as many decimals (up to two)
/// as it takes not to look equal to a sub-label threshold it misses ("69.96%", never "70%" for a
/// share below 70%).
#[must_use]
pub fn time_3plus_text(time_3plus_pct: f64, framework: &Framework) -> String {
    let rules = framework.sub_labels;
    let outcomes = [rules.imminent_min_time_pct, rules.transforming_min_time_pct]
        .map(|threshold| (threshold, at_least(time_3plus_pct, threshold)));
    fmt::pct_against(time_3plus_pct, &outcomes)
}

/// "time 3+ 65% < 70%": the share of time at high automation against a threshold.
fn time_condition(time_3plus_pct: f64, threshold: f64, framework: &Framework) -> Condition {
    let holds = at_least(time_3plus_pct, threshold);
    Condition {
        text: format!(
            "time {}+ {} {} {}",
            framework.sub_labels.high_automation_min_score,
            time_3plus_text(time_3plus_pct, framework),
            if holds { "≥" } else { "<" },
            fmt::pct(threshold)
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

impl Breakdown {
    /// The result that counts, when there is a score.
    #[must_use]
    pub fn final_result(&self) -> Option<FinalResult> {
        self.composite.as_ref().map(|c| c.final_result)
    }

    /// The computed score as displayed (one decimal), when there is one.
    #[must_use]
    pub fn displayed(&self) -> Option<f64> {
        self.composite.as_ref().map(|c| displayed_score(c.score))
    }

    /// The zone the user reads: the final result's (the override's where one is set).
    #[must_use]
    pub fn zone_shown(&self) -> Option<Zone> {
        self.final_result().map(|r| r.zone)
    }

    /// The computed zone, when there is a score.
    #[must_use]
    pub fn zone(&self) -> Option<Zone> {
        self.composite.as_ref().map(|c| c.zone)
    }

    /// The sub-label line as published ("Red — Does not meet all three Imminent conditions",
    /// "Green (Transforming)", "Yellow"), when there is a score.
    #[must_use]
    pub fn sub_label_text(&self) -> Option<String> {
        self.composite.as_ref().map(Composite::sub_label_text)
    }

    /// The conditions on one line ("Imminent: Red ✓ · time 3+ 65% < 70% ✗ · growth −1 ≤ −1 ✓"),
    /// when there is a score.
    #[must_use]
    pub fn conditions_text(&self) -> Option<String> {
        self.composite.as_ref().map(Composite::conditions_text)
    }

    /// Why there is no score, on one line: "no score: add tasks", "no score: Cultural/Ethical has
    /// no score". Empty when there is a score.
    #[must_use]
    pub fn no_score_text(&self) -> String {
        match self.no_score.as_slice() {
            [] => String::new(),
            [only] if only == NO_TASKS => "no score: add tasks".to_owned(),
            reasons => format!("no score: {}", reasons.join("; ")),
        }
    }
}

impl Composite {
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

    fn condition(time_3plus_pct: f64) -> Condition {
        time_condition(time_3plus_pct, 70.0, Framework::published())
    }

    #[test]
    fn a_share_just_below_the_threshold_never_reads_as_equal_to_it() {
        let missed = condition(69.96);
        assert_eq!(missed.text, "time 3+ 69.96% < 70%");
        assert!(!missed.holds);
        assert_eq!(condition(69.999).text, "time 3+ 69.99% < 70%");
        let met = condition(70.0);
        assert_eq!(met.text, "time 3+ 70% ≥ 70%");
        assert!(met.holds);
        assert_eq!(condition(65.0).text, "time 3+ 65% < 70%");
    }
}
