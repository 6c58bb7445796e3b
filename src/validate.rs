//! The findings of `spec/aijri-method.md` §3: what is wrong or doubtful in an assessment, each with
//! its severity, the field it concerns (a path such as `tasks[2].time_pct`) and a message.

use std::fmt;

use serde::Serialize;

use crate::framework::{Factor, Framework};
use crate::model::{Assessment, Barrier, Dimension, Impact, Principle, Published, Split, SubLabel};
use crate::scoring::{Breakdown, format_pct, round_to};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The assessment is wrong; its result is provisional or meaningless until fixed.
    Error,
    /// The assessment is doubtful; the result stands.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One finding about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The field it concerns, as a path: `evidence.wage_trends.score`, `tasks[2].time_pct`.
    pub field: String,
    /// What is wrong, in words a user understands.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity, self.field, self.message)
    }
}

/// Collects findings while the checks run.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, field, message);
    }

    fn warning(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, field, message);
    }

    fn push(&mut self, severity: Severity, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Finding {
            severity,
            field: field.into(),
            message: message.into(),
        });
    }

    fn range(&mut self, field: String, factor: &Factor, score: i64) {
        if !factor.in_range(score) {
            self.error(
                field,
                format!(
                    "{} score {score} is outside its range {}…{}",
                    factor.name, factor.min, factor.max
                ),
            );
        }
    }

    fn rationale(&mut self, field: String, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.warning(field, format!("{what}: the rationale is empty"));
        }
    }
}

/// Every finding about an assessment: errors first, then warnings, each in field order.
#[must_use]
pub fn validate(
    assessment: &Assessment,
    framework: &Framework,
    breakdown: &Breakdown,
) -> Vec<Finding> {
    let mut findings = Findings::default();
    check_role(assessment, framework, &mut findings);
    check_scored_parts(assessment, framework, &mut findings);
    check_tasks(assessment, framework, breakdown, &mut findings);
    check_override(assessment, framework, &mut findings);
    for difference in published_differences(assessment, breakdown) {
        findings.warning(
            format!("published.{}", difference.figure),
            format!(
                "the published {} is {} but the recomputation gives {}",
                difference.label, difference.published, difference.computed
            ),
        );
    }
    let mut all = findings.0;
    all.sort_by_key(|f| f.severity);
    all
}

/// Whether any finding is an error.
#[must_use]
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

fn check_role(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    if assessment.role.title.trim().is_empty() {
        findings.warning("role.title", "the job title is empty");
    }
    if assessment.framework != framework.id {
        findings.warning(
            "framework",
            format!(
                "the assessment names the framework `{}` but is scored under `{}`",
                assessment.framework, framework.id
            ),
        );
    }
}

fn check_scored_parts(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    for &p in Principle::ALL {
        let (item, factor) = (assessment.protective.get(p), framework.principle(p));
        findings.range(format!("protective.{}.score", p.key()), factor, item.score);
        findings.rationale(
            format!("protective.{}.rationale", p.key()),
            &factor.name,
            &item.rationale,
        );
    }
    findings.range(
        "growth.score".into(),
        &framework.growth,
        assessment.growth.score,
    );
    findings.rationale(
        "growth.rationale".into(),
        &framework.growth.name,
        &assessment.growth.rationale,
    );
    for &d in Dimension::ALL {
        let (item, factor) = (assessment.evidence.get(d), framework.dimension(d));
        findings.range(format!("evidence.{}.score", d.key()), factor, item.score);
        if item.evidence.trim().is_empty() {
            findings.warning(
                format!("evidence.{}.evidence", d.key()),
                format!("{}: the evidence is empty", factor.name),
            );
        }
    }
    for &b in Barrier::ALL {
        let (item, factor) = (assessment.barriers.get(b), framework.barrier(b));
        findings.range(format!("barriers.{}.score", b.key()), factor, item.score);
        findings.rationale(
            format!("barriers.{}.rationale", b.key()),
            &factor.name,
            &item.rationale,
        );
    }
}

fn check_tasks(
    assessment: &Assessment,
    framework: &Framework,
    breakdown: &Breakdown,
    findings: &mut Findings,
) {
    if assessment.tasks.is_empty() {
        findings.error(
            "tasks",
            "there are no tasks: add the tasks that make up the role's working time",
        );
        return;
    }
    if breakdown.provisional {
        findings.error(
            "tasks",
            format!(
                "task time adds up to {} instead of 100%: every figure is provisional (computed on shares scaled to 100%)",
                format_pct(breakdown.time_total)
            ),
        );
    }
    for (i, task) in assessment.tasks.iter().enumerate() {
        let name = if task.name.trim().is_empty() {
            format!("task {}", i + 1)
        } else {
            format!("“{}”", task.name)
        };
        if !(task.time_pct.is_finite() && task.time_pct > 0.0) {
            findings.error(
                format!("tasks[{i}].time_pct"),
                format!("{name}: the time share must be more than 0%"),
            );
        } else if task.time_pct > 100.0 {
            findings.error(
                format!("tasks[{i}].time_pct"),
                format!("{name}: the time share cannot exceed 100%"),
            );
        }
        findings.range(
            format!("tasks[{i}].score"),
            &framework.task_score,
            task.score,
        );
        if task.name.trim().is_empty() {
            findings.warning(
                format!("tasks[{i}].name"),
                format!("task {}: the name is empty", i + 1),
            );
        }
        check_impact(i, &name, task.score, task.impact, findings);
        findings.rationale(format!("tasks[{i}].rationale"), &name, &task.rationale);
    }
}

fn check_impact(i: usize, name: &str, score: i64, impact: Impact, findings: &mut Findings) {
    let disagrees = match impact {
        Impact::Augmentation => score >= 4,
        Impact::Displacement => score <= 2,
        Impact::NotInvolved => false,
    };
    if disagrees {
        findings.warning(
            format!("tasks[{i}].impact"),
            format!(
                "{name}: impact “{}” is unusual for automation score {score}",
                impact.label()
            ),
        );
    }
}

fn check_override(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    let Some(o) = &assessment.override_result else {
        return;
    };
    if o.reason.trim().is_empty() {
        findings.error("override.reason", "an override needs a reason");
    }
    if o.score.is_none() && o.zone.is_none() {
        findings.warning("override", "the override sets neither a score nor a zone");
    }
    if let Some(score) = o.score
        && !(framework.clamp.min..=framework.clamp.max).contains(&score)
    {
        findings.error(
            "override.score",
            format!(
                "the override score {score} is outside {}…{}",
                framework.clamp.min, framework.clamp.max
            ),
        );
    }
}

/// A published figure that differs from the recomputation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The key under `published`: `raw`, `score`, `zone`…
    pub figure: &'static str,
    /// The figure's name in words.
    pub label: &'static str,
    /// As the text stated it.
    pub published: String,
    /// As recomputed, at the same precision.
    pub computed: String,
}

/// Every published figure that differs from the recomputation at the precision it is shown with.
#[must_use]
pub fn published_differences(assessment: &Assessment, breakdown: &Breakdown) -> Vec<Difference> {
    let Some(published) = &assessment.published else {
        return Vec::new();
    };
    let mut differences = number_differences(published, breakdown);
    differences.extend(label_differences(published, breakdown));
    differences
}

/// The numeric figures that differ at the precision the published text shows them with.
fn number_differences(p: &Published, b: &Breakdown) -> Vec<Difference> {
    let numbers: [(&'static str, &'static str, Option<f64>, f64, usize); 8] = [
        ("task_total", "task total", p.task_total, b.task_total, 2),
        (
            "task_resistance",
            "Task Resistance Score",
            p.task_resistance,
            b.task_resistance,
            2,
        ),
        (
            "evidence_modifier",
            "evidence modifier",
            p.evidence_modifier,
            b.evidence_modifier,
            2,
        ),
        (
            "barrier_modifier",
            "barrier modifier",
            p.barrier_modifier,
            b.barrier_modifier,
            2,
        ),
        (
            "growth_modifier",
            "growth modifier",
            p.growth_modifier,
            b.growth_modifier,
            2,
        ),
        ("raw", "raw composite", p.raw, b.raw, 4),
        ("score", "score", p.score, b.score, 1),
        (
            "time_3plus_pct",
            "share of time scoring 3+",
            p.time_3plus_pct,
            b.time_3plus_pct,
            0,
        ),
    ];
    numbers
        .into_iter()
        .filter_map(|(figure, label, stated, computed, decimals)| {
            let stated = stated?;
            let precision = i32::try_from(decimals).unwrap_or(0);
            let published = format!("{stated:.decimals$}");
            let recomputed = format!("{computed:.decimals$}");
            // Both tests: the numbers differ at the shown precision, and so do the shown texts
            // (on a rounding tie the two roundings may disagree; the user must never read
            // "published 6.6482, recomputed 6.6482").
            let differs = (round_to(computed, precision) - stated).abs()
                > 0.5 * 10f64.powi(-precision)
                && published != recomputed;
            differs.then_some(Difference {
                figure,
                label,
                published,
                computed: recomputed,
            })
        })
        .collect()
}

/// The zone, sub-label and split, where they differ as written.
fn label_differences(p: &Published, b: &Breakdown) -> Vec<Difference> {
    let mut differences = Vec::new();
    if let Some(zone) = p.zone
        && zone != b.zone
    {
        differences.push(text_difference("zone", "zone", zone.name(), b.zone.name()));
    }
    if p.sub_label != b.sub_label && p.zone.is_some() {
        let name = |l: Option<SubLabel>| l.map_or("none", SubLabel::name);
        differences.push(text_difference(
            "sub_label",
            "sub-label",
            name(p.sub_label),
            name(b.sub_label),
        ));
    }
    if let Some(split) = p.split {
        let shown = |s: Split| {
            let pct = [s.displacement, s.augmentation, s.not_involved].map(format_pct);
            pct.join(" / ")
        };
        if shown(split) != shown(b.split) {
            let label = "displacement / augmentation / not involved split";
            differences.push(text_difference(
                "split",
                label,
                &shown(split),
                &shown(b.split),
            ));
        }
    }
    differences
}

fn text_difference(
    figure: &'static str,
    label: &'static str,
    published: &str,
    computed: &str,
) -> Difference {
    Difference {
        figure,
        label,
        published: published.to_owned(),
        computed: computed.to_owned(),
    }
}
