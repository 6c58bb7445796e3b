//! The findings of `spec/aijri-method.md` §3: what is wrong or doubtful in an assessment, each with
//! its severity, the field it concerns (a path such as `tasks[2].time_pct`) and a message.

use serde::Serialize;

use crate::adjust::{self, InputPath};
use crate::fmt;
use crate::framework::{Factor, Framework};
use crate::model::{
    Assessment, Barrier, Dimension, FieldPath, Impact, Principle, Published, ScoredPart, Split,
    SubLabel,
};
use crate::scoring::{self, Breakdown};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The assessment is wrong; its result is provisional or meaningless until fixed.
    Error,
    /// The assessment is doubtful; the result stands.
    Warning,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
    pub field: FieldPath,
    /// What is wrong, in words a user understands.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.severity, self.field, self.message)
    }
}

/// Collects findings while the checks run.
#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, field: FieldPath, message: impl Into<String>) {
        self.push(Severity::Error, field, message);
    }

    fn warning(&mut self, field: FieldPath, message: impl Into<String>) {
        self.push(Severity::Warning, field, message);
    }

    fn push(&mut self, severity: Severity, field: FieldPath, message: impl Into<String>) {
        self.0.push(Finding {
            severity,
            field,
            message: message.into(),
        });
    }

    fn range(&mut self, field: FieldPath, factor: &Factor, score: i64) {
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

    fn rationale(&mut self, field: FieldPath, what: &str, text: &str) {
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
    validate_under(assessment, framework, breakdown, None)
}

/// [`validate`] for an assessment scored under `framework`, which may be the one it names or
/// another the user chose to view it under (a warning says so). `missing` is the id the assessment
/// names when that framework is not available (see [`crate::framework::Frameworks::resolve`]):
/// the warning then says it is not available and `framework` stands in for it.
#[must_use]
pub fn validate_under(
    assessment: &Assessment,
    framework: &Framework,
    breakdown: &Breakdown,
    missing: Option<&str>,
) -> Vec<Finding> {
    let mut findings = Findings::default();
    check_role(assessment, &mut findings);
    check_framework(assessment, framework, missing, &mut findings);
    check_scored_parts(assessment, framework, &mut findings);
    check_tasks(assessment, framework, breakdown, &mut findings);
    check_override(assessment, framework, &mut findings);
    check_adjustments(assessment, framework, &mut findings);
    for difference in published_differences_of_source(assessment, framework, breakdown) {
        findings.warning(
            FieldPath::new("published").key(difference.figure),
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

fn check_role(assessment: &Assessment, findings: &mut Findings) {
    if assessment.role.title.trim().is_empty() {
        findings.warning(
            FieldPath::new("role").key("title"),
            "the job title is empty",
        );
    }
}

/// The framework the assessment names is not available, or not the one it is scored under.
fn check_framework(
    assessment: &Assessment,
    framework: &Framework,
    missing: Option<&str>,
    findings: &mut Findings,
) {
    if let Some(id) = missing {
        findings.warning(
            FieldPath::new("framework"),
            format!(
                "the framework `{id}` the assessment names is not available; it is scored under `{}`",
                framework.id
            ),
        );
    } else if assessment.framework != framework.id {
        findings.warning(
            FieldPath::new("framework"),
            format!(
                "the assessment names the framework `{}` but is scored under `{}`",
                assessment.framework, framework.id
            ),
        );
    }
}

/// Each scored part's score: missing, or outside its range.
fn check_part_scores(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    for part in ScoredPart::all() {
        let factor = framework.part(part);
        match assessment.part_score(part) {
            Some(score) => findings.range(part.field(), factor, score),
            None => findings.error(
                part.field(),
                format!(
                    "{}: pick one ({}…{})",
                    scoring::missing_text(&factor.name),
                    factor.min,
                    factor.max
                ),
            ),
        }
    }
}

fn check_scored_parts(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    check_part_scores(assessment, framework, findings);
    for &p in Principle::ALL {
        let (item, factor) = (assessment.protective.get(p), framework.principle(p));
        findings.rationale(
            ScoredPart::Principle(p).path().key("rationale"),
            &factor.name,
            &item.rationale,
        );
    }
    findings.rationale(
        ScoredPart::Growth.path().key("rationale"),
        &framework.growth.name,
        &assessment.growth.rationale,
    );
    for &d in Dimension::ALL {
        let (item, factor) = (assessment.evidence.get(d), framework.dimension(d));
        if item.evidence.trim().is_empty() {
            findings.warning(
                ScoredPart::Dimension(d).path().key("evidence"),
                format!("{}: the evidence is empty", factor.name),
            );
        }
    }
    for &b in Barrier::ALL {
        let (item, factor) = (assessment.barriers.get(b), framework.barrier(b));
        findings.rationale(
            ScoredPart::Barrier(b).path().key("rationale"),
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
            FieldPath::new("tasks"),
            "there are no tasks, so there is no score until tasks are added: add the tasks that make up the role's working time",
        );
        return;
    }
    if breakdown.task_total.is_none() {
        findings.error(
            FieldPath::new("tasks"),
            "task time adds up to 0%, so there is no score: give the tasks their share of the time",
        );
    } else if breakdown.provisional {
        findings.error(
            FieldPath::new("tasks"),
            format!(
                "task time adds up to {} instead of 100%: every figure is provisional (computed on shares scaled to 100%)",
                fmt::pct(breakdown.time_total)
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
                FieldPath::task(i).key("time_pct"),
                format!("{name}: the time share must be more than 0%"),
            );
        } else if task.time_pct > 100.0 {
            findings.error(
                FieldPath::task(i).key("time_pct"),
                format!("{name}: the time share cannot exceed 100%"),
            );
        }
        findings.range(
            FieldPath::task(i).key("score"),
            &framework.task_score,
            task.score,
        );
        if task.name.trim().is_empty() {
            findings.warning(
                FieldPath::task(i).key("name"),
                format!("task {}: the name is empty", i + 1),
            );
        }
        check_impact(i, &name, task.score, task.impact, findings);
        findings.rationale(FieldPath::task(i).key("rationale"), &name, &task.rationale);
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
            FieldPath::task(i).key("impact"),
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
        findings.error(
            FieldPath::new("override").key("reason"),
            "an override needs a reason",
        );
    }
    if o.score.is_none() && o.zone.is_none() {
        findings.warning(
            FieldPath::new("override"),
            "the override sets neither a score nor a zone",
        );
    }
    if let Some(score) = o.score
        && !(framework.clamp.min..=framework.clamp.max).contains(&score)
    {
        findings.error(
            FieldPath::new("override").key("score"),
            format!(
                "the override score {} is outside {}…{}",
                fmt::exact(score),
                fmt::weight(framework.clamp.min),
                fmt::weight(framework.clamp.max)
            ),
        );
    }
}

/// The published figures that differ from the recomputation of the inputs they were stated for.
/// An assessment that records adjustments (a publisher's record edited in place, or a variant
/// that kept `published`) is compared with its inputs as the publisher printed them, every
/// adjustment undone, so an input adjusted on purpose raises no warning: the adjustment records
/// it, with its effect. When those inputs cannot be rebuilt, the published figures are not
/// compared.
#[must_use]
pub fn published_differences_of_source(
    assessment: &Assessment,
    framework: &Framework,
    breakdown: &Breakdown,
) -> Vec<Difference> {
    if assessment.adjustments.is_empty() || assessment.published.is_none() {
        return published_differences(assessment, breakdown, framework);
    }
    adjust::undo_all(assessment).map_or_else(Vec::new, |source| {
        published_differences(assessment, &scoring::score(&source, framework), framework)
    })
}

/// Each adjustment names an input this program reads, and says why.
fn check_adjustments(assessment: &Assessment, framework: &Framework, findings: &mut Findings) {
    for (i, entry) in assessment.adjustments.iter().enumerate() {
        let at = FieldPath::new("adjustments").index(i);
        match entry.field.parse::<InputPath>() {
            Err(error) => findings.warning(at.key("field"), error.to_string()),
            Ok(_) if entry.reason.trim().is_empty() => findings.warning(
                at.key("reason"),
                format!(
                    "{}: the adjustment gives no reason",
                    adjust::text::entry_name(entry, assessment, framework)
                ),
            ),
            Ok(_) => {}
        }
    }
}

/// A published figure that differs from the recomputation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The key under `published`: `raw`, `score`, `zone`…
    pub figure: &'static str,
    /// The figure's name in words.
    pub label: String,
    /// As the text stated it.
    pub published: String,
    /// As recomputed, at the same precision.
    pub computed: String,
}

/// Every published figure that differs from the recomputation (under `framework`) at the
/// precision it is shown with.
#[must_use]
pub fn published_differences(
    assessment: &Assessment,
    breakdown: &Breakdown,
    framework: &Framework,
) -> Vec<Difference> {
    let Some(published) = &assessment.published else {
        return Vec::new();
    };
    let mut differences = number_differences(published, breakdown, framework);
    differences.extend(label_differences(published, breakdown));
    differences
}

/// One numeric figure as published and as recomputed, with how it is shown.
struct Figure {
    figure: &'static str,
    label: String,
    published: Option<f64>,
    computed: Option<f64>,
    show: fn(f64) -> String,
}

/// The numeric figures that differ as shown (with the precision the published text uses), where
/// both the published and the recomputed figure exist.
fn number_differences(p: &Published, b: &Breakdown, framework: &Framework) -> Vec<Difference> {
    let c = b.composite.as_ref();
    let figure = |figure, label: &str, published, computed, show| Figure {
        figure,
        label: label.to_owned(),
        published,
        computed,
        show,
    };
    let figures = [
        figure(
            "task_total",
            "task total",
            p.task_total,
            b.task_total,
            fmt::task_figure,
        ),
        figure(
            "task_resistance",
            "Task Resistance Score",
            p.task_resistance,
            b.task_resistance,
            fmt::task_figure,
        ),
        figure(
            "evidence_modifier",
            "evidence modifier",
            p.evidence_modifier,
            b.evidence_modifier,
            fmt::modifier,
        ),
        figure(
            "barrier_modifier",
            "barrier modifier",
            p.barrier_modifier,
            b.barrier_modifier,
            fmt::modifier,
        ),
        figure(
            "growth_modifier",
            "growth modifier",
            p.growth_modifier,
            b.growth_modifier,
            fmt::modifier,
        ),
        figure("raw", "raw composite", p.raw, c.map(|c| c.raw), fmt::raw),
        figure("score", "score", p.score, c.map(|c| c.score), fmt::score),
        figure(
            "time_3plus_pct",
            &format!(
                "share of time scoring {}+",
                framework.sub_labels.high_automation_min_score
            ),
            p.time_3plus_pct,
            b.time_3plus_pct,
            fmt::whole_pct,
        ),
    ];
    figures
        .into_iter()
        .filter_map(|f| {
            let (published, computed) = (f.published?, f.computed?);
            // Compared as shown: the user must never read "published 6.6482, recomputed 6.6482".
            let (published, computed) = ((f.show)(published), (f.show)(computed));
            (published != computed).then_some(Difference {
                figure: f.figure,
                label: f.label,
                published,
                computed,
            })
        })
        .collect()
}

/// The zone, sub-label and split, where they differ as written.
fn label_differences(p: &Published, b: &Breakdown) -> Vec<Difference> {
    let mut differences = Vec::new();
    if let Some(c) = &b.composite {
        if let Some(zone) = p.zone
            && zone != c.zone
        {
            differences.push(text_difference("zone", "zone", zone.name(), c.zone.name()));
        }
        if p.sub_label != c.sub_label && p.zone.is_some() {
            let name = |l: Option<SubLabel>| l.map_or("none", SubLabel::name);
            differences.push(text_difference(
                "sub_label",
                "sub-label",
                name(p.sub_label),
                name(c.sub_label),
            ));
        }
    }
    if let Some((split, computed)) = p.split.zip(b.split) {
        let shown = |s: Split| {
            let pct = [s.displacement, s.augmentation, s.not_involved].map(fmt::pct);
            pct.join(" / ")
        };
        if shown(split) != shown(computed) {
            let label = "displacement / augmentation / not involved split";
            differences.push(text_difference(
                "split",
                label,
                &shown(split),
                &shown(computed),
            ));
        }
    }
    differences
}

fn text_difference(
    figure: &'static str,
    label: &str,
    published: &str,
    computed: &str,
) -> Difference {
    Difference {
        figure,
        label: label.to_owned(),
        published: published.to_owned(),
        computed: computed.to_owned(),
    }
}
