//! Figures written out the way the published text lays them out ("Raw: 3.05 × 0.84 × 1.02 × 0.95 =
//! 2.4826"). Shared by the command line, the Score tab, the text export and the Markdown report, so
//! every place shows the same steps.

use crate::framework::Framework;
use crate::model::Assessment;
use crate::scoring::{Breakdown, format_pct, signed};
use crate::validate::Finding;

/// The composite, step by step, each as the published text writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompositeSteps {
    /// "6.00 - 2.95 = 3.05/5.0"
    pub task_resistance: String,
    /// "3.05/5.0"
    pub task_resistance_value: String,
    /// "1.0 + (-4 × 0.04) = 0.84"
    pub evidence_modifier: String,
    /// "1.0 + (1 × 0.02) = 1.02"
    pub barrier_modifier: String,
    /// "1.0 + (-1 × 0.05) = 0.95"
    pub growth_modifier: String,
    /// "3.05 × 0.84 × 1.02 × 0.95 = 2.4826"
    pub raw: String,
    /// "(2.4826 - 0.54) / 7.93 × 100 = 24.5/100"
    pub score: String,
    /// "RED (Green ≥48, Yellow 25-47, Red <25)"
    pub zone: String,
    /// "30% displacement, 70% augmentation, 0% not involved."
    pub split: String,
    /// When the score was clamped: "the formula gives 104.3; shown clamped to 100".
    pub clamp_note: Option<String>,
}

/// A number as the published text writes it: trailing zeros dropped, at most `decimals` places.
#[must_use]
pub fn plain_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The composite steps of a breakdown.
#[must_use]
pub fn composite_steps(b: &Breakdown, framework: &Framework) -> CompositeSteps {
    let weights = framework.modifiers;
    let modifier = |points: i64, weight: f64, value: f64| {
        format!(
            "1.0 + ({points} × {}) = {value:.2}",
            plain_number(weight, 6)
        )
    };
    let norm = framework.normalisation;
    let zones = framework.zones;
    let yellow_top = plain_number(zones.green_min - 1.0, 1);
    CompositeSteps {
        task_resistance: format!(
            "{:.2} - {:.2} = {:.2}/5.0",
            framework.task_resistance_base, b.task_total, b.task_resistance
        ),
        task_resistance_value: format!("{:.2}/5.0", b.task_resistance),
        evidence_modifier: modifier(
            b.evidence_total,
            weights.evidence_per_point,
            b.evidence_modifier,
        ),
        barrier_modifier: modifier(
            b.barrier_total,
            weights.barrier_per_point,
            b.barrier_modifier,
        ),
        growth_modifier: modifier(b.growth, weights.growth_per_point, b.growth_modifier),
        raw: format!(
            "{:.2} × {:.2} × {:.2} × {:.2} = {:.4}",
            b.task_resistance, b.evidence_modifier, b.barrier_modifier, b.growth_modifier, b.raw
        ),
        score: format!(
            "({:.4} - {}) / {} × 100 = {:.1}/100",
            b.raw,
            plain_number(norm.offset, 6),
            plain_number(norm.scale, 6),
            b.displayed()
        ),
        zone: format!(
            "{} (Green ≥{}, Yellow {}-{}, Red <{})",
            b.zone.name().to_uppercase(),
            plain_number(zones.green_min, 1),
            plain_number(zones.yellow_min, 1),
            yellow_top,
            plain_number(zones.yellow_min, 1)
        ),
        split: split_text(b),
        clamp_note: b.clamped.then(|| {
            format!(
                "the formula gives {:.1}; the score is clamped to {}–{}",
                b.score_unclamped,
                plain_number(framework.clamp.min, 1),
                plain_number(framework.clamp.max, 1)
            )
        }),
    }
}

/// "30% displacement, 70% augmentation, 0% not involved."
#[must_use]
pub fn split_text(b: &Breakdown) -> String {
    format!(
        "{} displacement, {} augmentation, {} not involved.",
        format_pct(b.split.displacement),
        format_pct(b.split.augmentation),
        format_pct(b.split.not_involved)
    )
}

/// The quick-screen line: "Protective 0-2 AND Correlation negative → Almost certainly Red Zone".
#[must_use]
pub fn quick_screen_text(b: &Breakdown) -> &'static str {
    if b.quick_screen_red {
        "Protective 0-2 AND Correlation negative → Almost certainly Red Zone"
    } else {
        "No quick-screen signal — full assessment decides"
    }
}

/// The override line: "None — formula score accepted." or the final result with its reason.
#[must_use]
pub fn override_text(assessment: &Assessment, b: &Breakdown) -> String {
    match &assessment.override_result {
        None => "None — formula score accepted.".to_owned(),
        Some(o) => format!(
            "{:.1} {} (computed {:.1} {}) — {}",
            crate::scoring::displayed_score(b.final_result.score),
            b.final_result.zone.name().to_uppercase(),
            b.displayed(),
            b.zone.name().to_uppercase(),
            o.reason
        ),
    }
}

/// The whole breakdown as readable text, in the order of the published assessment: what
/// `aijri-desk score` prints for one file.
#[must_use]
pub fn breakdown_text(
    assessment: &Assessment,
    b: &Breakdown,
    framework: &Framework,
    findings: &[Finding],
) -> String {
    let mut lines = input_lines(assessment, b, framework);
    if !findings.is_empty() {
        lines.push("Findings:".to_owned());
        lines.extend(findings.iter().map(|finding| format!("  {finding}")));
    }
    lines.extend(composite_lines(assessment, b, framework));
    lines.into_iter().map(|line| line + "\n").collect()
}

/// The inputs and what follows from them alone: protective total, quick screen, tasks, split,
/// evidence and barrier totals.
fn input_lines(assessment: &Assessment, b: &Breakdown, framework: &Framework) -> Vec<String> {
    let mut lines = vec![
        assessment.display_title(),
        format!(
            "Protective Total: {}/{}    AI Growth Correlation: {} ({})",
            b.protective_total,
            framework.protective_max(),
            signed(b.growth),
            framework.growth_label(b.growth)
        ),
        format!("Quick screen result: {}", quick_screen_text(b)),
        "Tasks:".to_owned(),
    ];
    for (task, weighted) in assessment.tasks.iter().zip(&b.weighted) {
        lines.push(format!(
            "  {:>5}  score {}  {:.2}  {:<12}  {}",
            format_pct(task.time_pct),
            task.score,
            weighted,
            task.impact.label().to_uppercase(),
            task.name
        ));
    }
    let time_total = format_pct(b.time_total);
    lines.push(format!(
        "  {time_total:>5}           {:.2}  Total",
        b.task_total
    ));
    if b.provisional {
        lines.push(format!(
            "PROVISIONAL: task time adds up to {time_total}, not 100%; figures use shares scaled to 100%."
        ));
    }
    lines.push(format!(
        "Task Resistance Score: {}",
        composite_steps(b, framework).task_resistance
    ));
    lines.push(format!(
        "Displacement/Augmentation split: {}",
        split_text(b)
    ));
    lines.push(format!(
        "% of task time scoring 3+: {}",
        format_pct(b.time_3plus_pct)
    ));
    lines.push(format!(
        "Evidence Total: {}    Barrier Total: {}/{}",
        signed(b.evidence_total),
        b.barrier_total,
        framework.barrier_max()
    ));
    lines
}

/// The override and the composite step by step, down to the zone and sub-label.
fn composite_lines(assessment: &Assessment, b: &Breakdown, framework: &Framework) -> Vec<String> {
    let steps = composite_steps(b, framework);
    let mut lines = vec![
        format!("Assessor override: {}", override_text(assessment, b)),
        format!("Evidence Modifier: {}", steps.evidence_modifier),
        format!("Barrier Modifier: {}", steps.barrier_modifier),
        format!("Growth Modifier: {}", steps.growth_modifier),
        format!("Raw: {}", steps.raw),
        format!("JobZone Score: {}", steps.score),
    ];
    lines.extend(steps.clamp_note.map(|note| format!("Note: {note}")));
    lines.push(format!("Zone: {}", steps.zone));
    lines.push(format!("Sub-label: {}", b.sub_label_text()));
    lines.push(format!("  {}", b.conditions_text()));
    lines
}
