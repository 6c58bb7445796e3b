//! What the client report says, as the template receives it (JSON): every figure and sentence
//! already written through [`crate::fmt`] and [`crate::report`], so the PDF reads as the window
//! and the command line do. The template only lays these out.

use serde::Serialize;

use super::{Paper, ReportDate};
use crate::adjust::{adjustment_effects, text as adjust_text};
use crate::chart_layout::names::{NameSource, UNTITLED, role_names};
use crate::chart_layout::score::{self as score_chart, NO_SCORE, ScoreChart};
use crate::fmt;
use crate::framework::Framework;
use crate::model::{Assessment, Zone};
use crate::pathways::{OptionFigures, Standing};
use crate::report;
use crate::scoring::{self, Breakdown};
use crate::sensitivity::{self, InputEffect, Outcome};

/// How many of the inputs that move the score most a role lists.
const SWINGS_SHOWN: usize = 3;

/// What AIJRI is, and what a score is not, with the scale of the framework the chart is drawn
/// under.
fn about(framework: &Framework) -> String {
    format!(
        "AIJRI, the AI Job Resistance Index, rates from {} to {} how well a job role resists \
         automation by AI, from its tasks, the market evidence, the barriers to adoption and how \
         the role grows with AI. The scores are an assessor's judgements, not predictions.",
        fmt::weight(framework.clamp.min),
        fmt::weight(framework.clamp.max)
    )
}

/// One role of the report: the assessment and the framework it is scored under.
#[derive(Debug, Clone)]
pub struct ReportRole {
    /// The assessment.
    pub assessment: Assessment,
    /// The framework it is scored under.
    pub framework: Framework,
    /// The id of the framework the assessment names, when that one was not available and
    /// `framework` stands in for it.
    pub missing_framework: Option<String>,
    /// The figures of each entry under "where to look next", in its order, as resolved in the
    /// library (`crate::pathways`); an entry past the end of this list shows its published figure.
    pub options: Vec<OptionFigures>,
}

/// Everything the template is given, as `sys.inputs.report` (JSON).
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// The PDF's title (metadata): the report's title and date.
    pub document_title: String,
    /// The title, e.g. the client's initials.
    pub title: String,
    /// What the document is: "AIJRI client report".
    pub subtitle: String,
    /// The day of the report.
    #[serde(skip)]
    pub date: ReportDate,
    /// The day as written: "1 December 2026".
    #[serde(rename = "date")]
    pub date_text: String,
    /// The framework used: "Framework: AIJRI, as published".
    pub framework: String,
    /// A line on what AIJRI is and that scores are judgements, not predictions.
    pub about: String,
    /// The foot of every page.
    pub footer: String,
    /// The paper, as typst names it: "a4" or "us-letter" (see [`ReportData::on_paper`]).
    pub paper: &'static str,
    /// The chart's heading.
    pub chart_title: String,
    /// The score chart.
    pub chart: Chart,
    /// The headings of each role's sections.
    pub labels: Labels,
    /// The roles, in the order given.
    pub roles: Vec<RoleData>,
}

/// The score chart, as [`crate::chart_layout::score`] defines it for the window too: its scale,
/// bands, named thresholds and one row per role.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// The lowest score.
    pub min: f64,
    /// The highest score.
    pub max: f64,
    /// The lowest score as written: "0".
    pub min_label: String,
    /// The highest score as written: "100".
    pub max_label: String,
    /// The zone bands, lowest first.
    pub bands: Vec<Band>,
    /// The thresholds between the bands.
    pub thresholds: Vec<Threshold>,
    /// One row per role, in the report's order.
    pub rows: Vec<ChartRow>,
    /// Under the chart: what the bars and lines are.
    pub caption: String,
}

/// One role's row of the chart.
#[derive(Debug, Clone, Serialize)]
pub struct ChartRow {
    /// The full title ("Untitled role" when blank).
    pub name: String,
    /// Under the title: the seniority, "adjusted" for a variant, and the role's id where the
    /// title and seniority repeat in the report.
    pub detail: String,
    /// The score the bar is drawn to (the final result, as displayed); none without a score.
    pub score_value: Option<f64>,
    /// The zone of the final result, "red"/"yellow"/"green", or "none" without a score.
    pub zone_key: &'static str,
    /// The label at the bar: "24.5 Red", "55.4 Yellow (override)", "no score".
    pub bar_label: String,
}

/// One zone's stretch of the scale.
#[derive(Debug, Clone, Serialize)]
pub struct Band {
    /// "red", "yellow" or "green" (for the template's colours).
    pub zone: &'static str,
    /// "Red", "Yellow" or "Green".
    pub name: &'static str,
    /// Where the band starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
}

/// A threshold between two zones.
#[derive(Debug, Clone, Serialize)]
pub struct Threshold {
    /// Its score.
    pub value: f64,
    /// Its name with its score: "Yellow ≥ 25".
    pub label: String,
}

/// The headings of a role's sections.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// "What the score is made of".
    pub drivers: &'static str,
    /// "What moves it most".
    pub swings: &'static str,
    /// "Adjustments".
    pub adjustments: &'static str,
    /// "Survival strategy".
    pub strategy: &'static str,
    /// "Timeline".
    pub timeline: &'static str,
    /// "Where to look next".
    pub pathways: &'static str,
}

/// One role, written out.
#[derive(Debug, Clone, Serialize)]
pub struct RoleData {
    /// The job title.
    pub title: String,
    /// The seniority.
    pub seniority: String,
    /// The result in short: "24.5/100 · Red", "no score".
    pub headline: String,
    /// The zone of the final result, "red"/"yellow"/"green", or "none" without a score.
    pub zone_key: &'static str,
    /// The zone and sub-label in words: "Red — Does not meet all three Imminent conditions".
    pub sub_label: String,
    /// The assessor's override with its reason, when there is one.
    #[serde(rename = "override")]
    pub override_text: Option<String>,
    /// Where an adjusted role came from, when it is a variant of another.
    pub derived_from: Option<String>,
    /// Provisional or missing parts.
    pub marks: Vec<Mark>,
    /// The composite in one sentence.
    pub composite: String,
    /// The inputs that move the score most, one step each way.
    pub swings: Vec<String>,
    /// The adjustments with their reasons.
    pub adjustments: Vec<AdjustmentLine>,
    /// The survival strategy, one item each.
    pub strategy: Vec<String>,
    /// What stands in for a strategy that is not written.
    pub strategy_missing: String,
    /// The timeline, or what stands in for it.
    pub timeline: String,
    /// The roles the assessment names under "where to look next", with their figures.
    pub pathways: Vec<PathwayLine>,
}

/// One role to look at next.
#[derive(Debug, Clone, Serialize)]
pub struct PathwayLine {
    /// Its title, as the assessment names it.
    pub title: String,
    /// Its score and zone, the library's where the library holds it: "61.2 Green", "58.2 Green".
    pub standing: String,
    /// Beside it, where the figure comes from when that needs saying: "published 55.4" (the
    /// library's figure differs from the published one), "published" (the library lacks the role).
    pub published: Option<String>,
    /// The zone of that score, "red"/"yellow"/"green", or "none" without a score.
    pub zone_key: &'static str,
    /// Why it is worth a look.
    pub note: String,
}

/// A part of a role's report to read with care: provisional figures, a missing part.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    /// "Provisional", "Missing", "No score", "Framework".
    pub label: &'static str,
    /// What it is about.
    pub text: String,
}

/// One adjustment of an input, with its reason (worded by [`crate::adjust::text`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdjustmentLine {
    /// The change: "Evidence: Wage Trends (evidence.wage_trends): −1 → 0".
    pub change: String,
    /// Why it was made, or "no reason given".
    pub reason: String,
    /// Its effect on the score: "+1.5 (24.5 without it)".
    pub effect: String,
}

impl ReportData {
    /// The report laid out on `paper` (A4 unless told).
    #[must_use]
    pub fn on_paper(mut self, paper: Paper) -> Self {
        self.paper = paper.typst_name();
        self
    }

    /// The report of `roles` under `title` (default "AIJRI report") dated `date`.
    #[must_use]
    pub fn new(title: Option<&str>, date: ReportDate, roles: &[ReportRole]) -> Self {
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or("AIJRI report")
            .to_owned();
        let date_text = date.text();
        let chart_framework = roles
            .first()
            .map_or(Framework::published(), |r| &r.framework);
        Self {
            document_title: format!("{title} — {date_text}"),
            subtitle: "AIJRI client report".to_owned(),
            framework: framework_line(roles),
            about: about(chart_framework),
            footer: format!("{title} · AIJRI client report · {date_text}"),
            paper: Paper::default().typst_name(),
            chart_title: "Scores against the zones".to_owned(),
            chart: chart(chart_framework, roles),
            labels: Labels {
                drivers: "What the score is made of",
                swings: "What moves it most (one step of one input)",
                adjustments: "Adjustments",
                strategy: "Survival strategy",
                timeline: "Timeline",
                pathways: "Where to look next",
            },
            roles: roles.iter().map(role_data).collect(),
            title,
            date,
            date_text,
        }
    }
}

/// "Framework: AIJRI, as published", naming each framework once.
fn framework_line(roles: &[ReportRole]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for role in roles {
        let name = role.framework.name.as_str();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    format!("Framework: {}", names.join("; "))
}

/// The score chart of `roles` on the scale, bands and thresholds of `framework`.
fn chart(framework: &Framework, roles: &[ReportRole]) -> Chart {
    let sources: Vec<NameSource<'_>> = roles
        .iter()
        .map(|role| {
            let assessment = &role.assessment;
            NameSource {
                title: &assessment.role.title,
                seniority: &assessment.role.seniority,
                adjusted: crate::adjust::is_adjusted(assessment),
                origin: &assessment.meta.id,
            }
        })
        .collect();
    let rows = role_names(&sources)
        .iter()
        .zip(roles)
        .map(|(name, role)| {
            score_chart::Row::role(name, &scoring::score(&role.assessment, &role.framework))
        })
        .collect();
    let defined = ScoreChart::new(framework, rows);
    let (min, max) = (defined.min, defined.max);
    Chart {
        min,
        max,
        min_label: fmt::weight(min),
        max_label: fmt::weight(max),
        bands: defined
            .bands
            .iter()
            .map(|b| Band {
                zone: b.zone.key(),
                name: b.zone.name(),
                from: b.from,
                to: b.to,
            })
            .collect(),
        thresholds: defined
            .thresholds
            .iter()
            .map(|t| Threshold {
                value: t.value,
                label: t.label.clone(),
            })
            .collect(),
        rows: defined.rows.iter().map(chart_row).collect(),
        caption: format!(
            "Each bar is the role's JobZone score from {} to {}; the dashed lines are the zone \
             thresholds ({}).",
            fmt::weight(min),
            fmt::weight(max),
            report::zone_bands_text(framework)
        ),
    }
}

/// A row of the chart as the template reads it.
fn chart_row(row: &score_chart::Row) -> ChartRow {
    let mark = row.marks.first();
    ChartRow {
        name: row.title.clone(),
        detail: row.detail.clone(),
        score_value: mark.and_then(|m| m.value),
        zone_key: mark.and_then(|m| m.zone).map_or("none", Zone::key),
        bar_label: mark.map(|m| m.label.clone()).unwrap_or_default(),
    }
}

/// One role written out.
fn role_data(role: &ReportRole) -> RoleData {
    let assessment = &role.assessment;
    let framework = &role.framework;
    let b = scoring::score(assessment, framework);
    let final_result = b.final_result();
    let shown = final_result.map(|r| (fmt::score(r.score), r.zone));
    let commentary = &assessment.commentary;
    RoleData {
        title: non_empty(&assessment.role.title, UNTITLED),
        seniority: assessment.role.seniority.clone(),
        headline: shown.as_ref().map_or_else(
            || NO_SCORE.to_owned(),
            |(score, zone)| {
                let top = fmt::weight(framework.clamp.max);
                format!("{score}/{top} · {}", zone.name())
            },
        ),
        zone_key: final_result.map_or("none", |r| r.zone.key()),
        sub_label: b.sub_label_text().unwrap_or_else(|| b.no_score_text()),
        override_text: assessment
            .override_result
            .as_ref()
            .map(|_| report::override_text(assessment, &b)),
        derived_from: adjust_text::derived_from_text(assessment),
        marks: marks(role, &b),
        composite: report::composite_sentence(&b, framework),
        swings: swings(assessment, framework),
        adjustments: adjustments(assessment, framework),
        strategy: commentary
            .survival_strategy
            .iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect(),
        strategy_missing: "No survival strategy written yet.".to_owned(),
        timeline: non_empty(&commentary.timeline, "No timeline written yet."),
        pathways: pathways(role),
    }
}

/// The roles named under "where to look next", each with its figures (see [`ReportRole::options`]).
fn pathways(role: &ReportRole) -> Vec<PathwayLine> {
    role.assessment
        .commentary
        .where_to_look_next
        .iter()
        .enumerate()
        .filter(|(_, related)| !related.title.trim().is_empty())
        .map(|(i, related)| {
            let figures = role
                .options
                .get(i)
                .copied()
                .unwrap_or_else(|| OptionFigures::unmatched(related));
            let Standing { shown, aside } = figures.standing(&role.framework);
            PathwayLine {
                title: related.title.trim().to_owned(),
                standing: shown,
                published: aside,
                zone_key: figures
                    .shown(&role.framework)
                    .map_or("none", |(_, zone)| zone.key()),
                note: related.note.trim().to_owned(),
            }
        })
        .collect()
}

/// A variant's adjustments with their effects and reasons.
fn adjustments(variant: &Assessment, framework: &Framework) -> Vec<AdjustmentLine> {
    let effects = adjustment_effects(variant, framework);
    variant
        .adjustments
        .iter()
        .zip(&effects)
        .map(|(entry, effect)| AdjustmentLine {
            change: adjust_text::adjustment_text(entry, variant, framework),
            reason: adjust_text::reason_text(&entry.reason).to_owned(),
            effect: adjust_text::effect_text(effect),
        })
        .collect()
}

/// The text, or `instead` when it is blank.
fn non_empty(text: &str, instead: &str) -> String {
    if text.trim().is_empty() {
        instead.to_owned()
    } else {
        text.to_owned()
    }
}

/// What to read with care: provisional figures, no score, missing parts, a stand-in framework.
fn marks(role: &ReportRole, b: &Breakdown) -> Vec<Mark> {
    let mut marks = Vec::new();
    if b.provisional && b.task_total.is_some() {
        marks.push(Mark {
            label: "Provisional",
            text: format!(
                "task time adds up to {}, not 100%; every figure uses shares scaled to 100%.",
                fmt::pct(b.time_total)
            ),
        });
    }
    if b.composite.is_none() {
        marks.push(Mark {
            label: "No score",
            text: b.no_score_text(),
        });
    }
    let missing: Vec<String> = role
        .assessment
        .missing_parts()
        .into_iter()
        .map(|part| role.framework.part(part).name.clone())
        .collect();
    if !missing.is_empty() {
        marks.push(Mark {
            label: "Missing",
            text: format!("no score yet for {}.", missing.join(", ")),
        });
    }
    let commentary = &role.assessment.commentary;
    let unwritten: Vec<&str> = [
        ("survival strategy", commentary.survival_strategy.is_empty()),
        ("timeline", commentary.timeline.trim().is_empty()),
    ]
    .into_iter()
    .filter_map(|(name, blank)| blank.then_some(name))
    .collect();
    if !unwritten.is_empty() {
        marks.push(Mark {
            label: "Missing",
            text: format!(
                "the assessor has not written the {} yet.",
                unwritten.join(" or the ")
            ),
        });
    }
    if let Some(id) = &role.missing_framework {
        marks.push(Mark {
            label: "Framework",
            text: format!(
                "written for the framework {id}, which is not available: scored under {}.",
                role.framework.name
            ),
        });
    }
    marks
}

/// The inputs that move the score most, one step each way: "Evidence: Wage Trends at −1: to 0,
/// 26.0 Yellow (+1.5); to −2, 23.0 Red (−1.5)".
fn swings(assessment: &Assessment, framework: &Framework) -> Vec<String> {
    let analysis = sensitivity::analyse(assessment, framework);
    let Some(base) = analysis.score else {
        return Vec::new();
    };
    analysis
        .inputs
        .iter()
        .filter(|effect| effect.swing() > 0.0)
        .take(SWINGS_SHOWN)
        .map(|effect| swing_text(effect, assessment, framework, base))
        .collect()
}

/// One input's swing as text (see [`swings`]).
fn swing_text(
    effect: &InputEffect,
    assessment: &Assessment,
    framework: &Framework,
    base: f64,
) -> String {
    let input = effect.input;
    let step = |outcome: &Outcome| {
        let to = outcome.changes.first().map_or(effect.value, |c| c.to);
        format!(
            "to {}, {} {} ({})",
            input.show_value(to, framework),
            fmt::score(outcome.score),
            outcome.zone.name(),
            outcome.shown_delta_text(base)
        )
    };
    let steps: Vec<String> = [&effect.down, &effect.up]
        .into_iter()
        .flatten()
        .map(step)
        .collect();
    format!(
        "{} at {}: {}",
        input.name(assessment, framework),
        input.show_value(effect.value, framework),
        steps.join("; ")
    )
}
