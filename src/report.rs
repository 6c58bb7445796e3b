//! Figures written out the way the published text lays them out ("Raw: 3.05 × 0.84 × 1.02 × 0.95 =
//! 2.4826"). Shared by the command line, the Score tab, the text export and the Markdown report, so
//! every place shows the same steps.

use crate::adjust::text;
use crate::fmt;
use crate::framework::Framework;
use crate::model::{Assessment, Zone};
use crate::scoring::{self, Breakdown};
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

/// The composite steps of a breakdown; a step whose figures are missing reads [`fmt::MISSING`],
/// and the score step says why there is no score ("no score: add tasks").
#[must_use]
pub fn composite_steps(b: &Breakdown, framework: &Framework) -> CompositeSteps {
    let weights = framework.modifiers;
    let modifier = |points: Option<i64>, weight: f64, value: Option<f64>| match points.zip(value) {
        Some((points, value)) => format!(
            "1.0 + ({points} × {}) = {}",
            fmt::weight(weight),
            fmt::modifier(value)
        ),
        None => fmt::MISSING.to_owned(),
    };
    let task_resistance = b.task_total.zip(b.task_resistance);
    let trs_top = fmt::scale_top(framework.task_resistance_max());
    CompositeSteps {
        task_resistance: fmt::or_missing(task_resistance, |(total, trs)| {
            format!(
                "{} - {} = {}/{trs_top}",
                fmt::task_figure(framework.task_resistance_base),
                fmt::task_figure(total),
                fmt::task_figure(trs)
            )
        }),
        task_resistance_value: fmt::or_missing(b.task_resistance, |trs| {
            format!("{}/{trs_top}", fmt::task_figure(trs))
        }),
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
        raw: fmt::or_missing(raw_step(b), |step| step),
        score: match &b.composite {
            Some(c) => format!(
                "({} - {}) / {} × 100 = {}/{}",
                fmt::raw(c.raw),
                fmt::weight(framework.normalisation.offset),
                fmt::weight(framework.normalisation.scale),
                fmt::score(c.score),
                fmt::weight(framework.clamp.max)
            ),
            None => b.no_score_text(),
        },
        zone: fmt::or_missing(b.zone(), |zone| zone_text(zone, framework)),
        split: split_text(b),
        clamp_note: b.composite.as_ref().filter(|c| c.clamped).map(|c| {
            format!(
                "the formula gives {}; the score is clamped to {}–{}",
                fmt::score(c.score_unclamped),
                fmt::weight(framework.clamp.min),
                fmt::weight(framework.clamp.max)
            )
        }),
    }
}

/// "3.05 × 0.84 × 1.02 × 0.95 = 2.4826", when there is a composite.
fn raw_step(b: &Breakdown) -> Option<String> {
    let c = b.composite.as_ref()?;
    Some(format!(
        "{} × {} × {} × {} = {}",
        fmt::task_figure(b.task_resistance?),
        fmt::modifier(b.evidence_modifier?),
        fmt::modifier(b.barrier_modifier?),
        fmt::modifier(b.growth_modifier?),
        fmt::raw(c.raw)
    ))
}

/// "RED (Green ≥48, Yellow 25-47, Red <25)".
fn zone_text(zone: Zone, framework: &Framework) -> String {
    format!(
        "{} ({})",
        zone.name().to_uppercase(),
        zone_bands_text(framework)
    )
}

/// The zone thresholds of a framework: "Green ≥48, Yellow 25-47, Red <25".
#[must_use]
pub fn zone_bands_text(framework: &Framework) -> String {
    let zones = framework.zones;
    format!(
        "Green ≥{}, Yellow {}-{}, Red <{}",
        fmt::weight(zones.green_min),
        fmt::weight(zones.yellow_min),
        fmt::weight(zones.green_min - 1.0),
        fmt::weight(zones.yellow_min)
    )
}

/// The composite in one sentence, for a reader who does not know the formula: "Task resistance
/// 3.05 of 5, lowered by the evidence (−4, ×0.84) and the AI growth correlation (−1, ×0.95),
/// raised by the barriers (1 of 10, ×1.02): 24.5 of 100." Without a score, why there is none.
#[must_use]
pub fn composite_sentence(b: &Breakdown, framework: &Framework) -> String {
    let (Some(trs), Some(c)) = (b.task_resistance, &b.composite) else {
        return format!("{}.", capitalised(&b.no_score_text()));
    };
    let modifiers = [
        (
            "the evidence",
            fmt::or_missing(b.evidence_total, fmt::signed_typographic),
            b.evidence_modifier,
        ),
        (
            "the barriers",
            format!(
                "{} of {}",
                fmt::or_missing(b.barrier_total, |t| t.to_string()),
                framework.barrier_max()
            ),
            b.barrier_modifier,
        ),
        (
            "the AI growth correlation",
            fmt::or_missing(b.growth, fmt::signed_typographic),
            b.growth_modifier,
        ),
    ];
    let mut lowered = Vec::new();
    let mut raised = Vec::new();
    let mut unchanged = Vec::new();
    for (name, points, modifier) in modifiers {
        let Some(modifier) = modifier else { continue };
        let shown = fmt::modifier(modifier);
        let part = format!("{name} ({points}, ×{shown})");
        match fmt::round(modifier, 2).total_cmp(&1.0) {
            std::cmp::Ordering::Less => lowered.push(part),
            std::cmp::Ordering::Greater => raised.push(part),
            std::cmp::Ordering::Equal => unchanged.push(name.to_owned()),
        }
    }
    let mut clauses = vec![format!(
        "Task resistance {} of {}",
        fmt::task_figure(trs),
        fmt::weight(framework.task_resistance_max())
    )];
    for (verb, parts) in [
        ("lowered by", lowered),
        ("raised by", raised),
        ("unchanged by", unchanged),
    ] {
        if !parts.is_empty() {
            clauses.push(format!("{verb} {}", and_list(&parts)));
        }
    }
    format!(
        "{}: {} of {}.",
        clauses.join(", "),
        fmt::score(c.score),
        fmt::weight(framework.clamp.max)
    )
}

/// "a", "a and b", "a, b and c".
fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The text with its first letter in upper case: "no score: add tasks" → "No score: add tasks".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "30% displacement, 70% augmentation, 0% not involved.", or [`fmt::MISSING`] without task time.
#[must_use]
pub fn split_text(b: &Breakdown) -> String {
    fmt::or_missing(b.split, |split| {
        format!(
            "{} displacement, {} augmentation, {} not involved.",
            fmt::pct(split.displacement),
            fmt::pct(split.augmentation),
            fmt::pct(split.not_involved)
        )
    })
}

/// The quick-screen line: "Protective 0-2 AND Correlation negative → Almost certainly Red Zone".
#[must_use]
pub fn quick_screen_text(b: &Breakdown, framework: &Framework) -> String {
    match b.quick_screen_red {
        Some(true) => format!(
            "{} → Almost certainly Red Zone",
            quick_screen_rule(framework)
        ),
        Some(false) => "No quick-screen signal — full assessment decides".to_owned(),
        None => "No quick screen — a protective principle or the growth correlation has no score"
            .to_owned(),
    }
}

/// The quick-screen rule of a framework as the published text writes it: "Protective 0-2 AND
/// Correlation negative".
#[must_use]
pub fn quick_screen_rule(framework: &Framework) -> String {
    let rule = framework.quick_screen;
    let growth = if rule.max_growth == -1 {
        "negative".to_owned()
    } else {
        format!("≤ {}", fmt::signed(rule.max_growth))
    };
    format!(
        "Protective {}-{} AND Correlation {growth}",
        framework.protective_min(),
        rule.max_protective_total
    )
}

/// The override line: "None — formula score accepted." or the final result with its reason.
/// Without a computed score an override has no result either.
#[must_use]
pub fn override_text(assessment: &Assessment, b: &Breakdown) -> String {
    match (&assessment.override_result, &b.composite) {
        (None, _) => "None — formula score accepted.".to_owned(),
        (Some(o), Some(c)) => format!(
            "{} {} (computed {} {}) — {}",
            fmt::score(c.final_result.score),
            c.final_result.zone.name().to_uppercase(),
            fmt::score(c.score),
            c.zone.name().to_uppercase(),
            o.reason
        ),
        (Some(o), None) => format!("not applied while there is no score — {}", o.reason),
    }
}

/// A total out of its maximum ("2/9"), "—/9" when a part has no score.
#[must_use]
pub fn total_of(total: Option<i64>, max: i64) -> String {
    format!("{}/{max}", fmt::or_missing(total, |t| t.to_string()))
}

/// The growth correlation with its label: "-1 (Weak Negative)", or "missing".
#[must_use]
pub fn growth_text(growth: Option<i64>, framework: &Framework) -> String {
    growth.map_or_else(
        || "missing (no score picked)".to_owned(),
        |g| format!("{} ({})", fmt::signed(g), framework.growth_label(g)),
    )
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
    lines.extend(adjustment_lines(assessment, framework));
    lines.into_iter().map(|line| line + "\n").collect()
}

/// For an adjusted variant, or a publisher's record changed in place: where it came from and
/// each adjustment with its effect and reason.
fn adjustment_lines(assessment: &Assessment, framework: &Framework) -> Vec<String> {
    let Some(from) = text::derived_from_text(assessment) else {
        return Vec::new();
    };
    let mut lines = vec![format!("{from}; adjustments (each alone):")];
    if assessment.adjustments.is_empty() {
        lines.push("  none: every input is as in the source".to_owned());
    }
    let adjustments = text::adjustment_lines(assessment, framework);
    lines.extend(adjustments.into_iter().map(|line| format!("  {line}")));
    lines
}

/// The inputs and what follows from them alone: protective total, quick screen, tasks, split,
/// evidence and barrier totals.
fn input_lines(assessment: &Assessment, b: &Breakdown, framework: &Framework) -> Vec<String> {
    let mut lines = vec![
        assessment.display_title(),
        format!(
            "Protective Total: {}    AI Growth Correlation: {}",
            total_of(b.protective_total, framework.protective_max()),
            growth_text(b.growth, framework)
        ),
        format!("Quick screen result: {}", quick_screen_text(b, framework)),
        "Tasks:".to_owned(),
    ];
    for (task, weighted) in assessment.tasks.iter().zip(&b.weighted) {
        lines.push(format!(
            "  {:>5}  score {}  {}  {:<12}  {}",
            fmt::time_share(task.time_pct),
            task.score,
            fmt::task_figure(*weighted),
            task.impact.label().to_uppercase(),
            task.name
        ));
    }
    let time_total = fmt::pct(b.time_total);
    lines.push(format!(
        "  {time_total:>5}           {}  Total",
        fmt::or_missing(b.task_total, fmt::task_figure)
    ));
    if b.provisional && b.task_total.is_some() {
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
        "% of task time scoring {}+: {}",
        framework.sub_labels.high_automation_min_score,
        fmt::or_missing(b.time_3plus_pct, |share| {
            scoring::time_3plus_text(share, framework)
        })
    ));
    lines.push(format!(
        "Evidence Total: {}    Barrier Total: {}",
        fmt::or_missing(b.evidence_total, fmt::signed),
        total_of(b.barrier_total, framework.barrier_max())
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
    lines.push(format!(
        "Sub-label: {}",
        fmt::or_missing(b.sub_label_text(), |text| text)
    ));
    lines.extend(b.conditions_text().map(|text| format!("  {text}")));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backend() -> Assessment {
        serde_json::from_str(include_str!(
            "../assessments/backend-api-developer.aijri.json"
        ))
        .unwrap()
    }

    #[test]
    fn the_composite_reads_as_one_sentence() {
        let published = Framework::published();
        let mut assessment = backend();
        let b = scoring::score(&assessment, published);
        assert_eq!(
            composite_sentence(&b, published),
            "Task resistance 3.05 of 5, lowered by the evidence (−4, ×0.84) and the AI growth \
             correlation (−1, ×0.95), raised by the barriers (1 of 10, ×1.02): 24.5 of 100."
        );
        assessment.evidence.job_posting_trends.score = Some(0);
        assessment.evidence.company_actions.score = Some(0);
        assessment.evidence.wage_trends.score = Some(0);
        assessment.evidence.ai_tool_maturity.score = Some(0);
        assessment.evidence.expert_consensus.score = Some(0);
        let b = scoring::score(&assessment, published);
        assert!(
            composite_sentence(&b, published).contains("unchanged by the evidence:"),
            "{}",
            composite_sentence(&b, published)
        );
        assessment.tasks.clear();
        let b = scoring::score(&assessment, published);
        assert_eq!(composite_sentence(&b, published), "No score: add tasks.");
    }

    #[test]
    fn the_quick_screen_rule_reads_the_framework() {
        let published = Framework::published();
        assert_eq!(
            quick_screen_rule(published),
            "Protective 0-2 AND Correlation negative"
        );
        let mut variant = published.clone();
        variant.quick_screen.max_protective_total = 3;
        variant.quick_screen.max_growth = 0;
        assert_eq!(
            quick_screen_rule(&variant),
            "Protective 0-3 AND Correlation ≤ 0"
        );
    }
}
