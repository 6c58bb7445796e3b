//! Adjustments, differences and their effects in words, through [`crate::fmt`]: one wording for
//! the command line, the window and the reports.

use super::{AdjustmentEffect, DiffEntry, InputPath, InputValue, Outcome, adjustment_effects};
use crate::fmt;
use crate::framework::Framework;
use crate::model::{Adjustment, Assessment, SubLabel};
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

/// One adjustment of a variant: its change, as [`change_text`] (as the file has it when this
/// program does not read the field).
#[must_use]
pub fn adjustment_text(entry: &Adjustment, variant: &Assessment, framework: &Framework) -> String {
    let read = entry.field.parse::<InputPath>().ok().and_then(|path| {
        let from = InputValue::from_json(path, &entry.from)?;
        let to = InputValue::from_json(path, &entry.to)?;
        Some(change_text(path, from, to, variant, framework))
    });
    read.unwrap_or_else(|| format!("{}: {} → {}", entry.field, entry.from, entry.to))
}

/// Where a variant came from: "Adjusted from Backend/API Developer (backend-api-developer-mid,
/// backend-api-developer.aijri.json)"; `None` for an original.
#[must_use]
pub fn derived_from_text(assessment: &Assessment) -> Option<String> {
    let from = assessment.meta.derived_from.as_ref()?;
    let details: Vec<&str> = [from.id.as_str(), from.file.as_str()]
        .into_iter()
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
/// where there is none, "effect not known alone" for tasks added or removed.
#[must_use]
pub fn diff_effect_text(entry: &DiffEntry, a: &Outcome) -> String {
    if entry.path == InputPath::TaskCount {
        return "effect not known alone".to_owned();
    }
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
