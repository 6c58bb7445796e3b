//! How each score is built, as a waterfall per role in score points: the task resistance score
//! alone (every modifier 1.0), then what the evidence, barrier and growth modifiers each add or take
//! away, in the method's order, and the resulting score. So the adviser can say "evidence costs this
//! role five points" and why one role outranks another.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, PlotPoint, PlotUi, Text};

use super::Compared;
use crate::app::chart::{self, BLUE, GREY, PURPLE, SKY_BLUE};
use crate::app::widgets::zone_colour;
use crate::fmt;
use crate::framework::Framework;
use crate::scoring::{Breakdown, score_of_raw};

/// The chart's height in points.
const HEIGHT: f32 = 300.0;
/// Value labels are drawn on the bars up to this many roles; beyond, hover shows them.
const LABELLED_ROLES: usize = 4;

/// A step of the waterfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// The task resistance score alone, every modifier 1.0.
    TaskResistance,
    /// × the evidence modifier.
    Evidence,
    /// × the barrier modifier.
    Barriers,
    /// × the growth modifier.
    Growth,
    /// The score (clamped to the framework's range).
    Score,
}

impl StepKind {
    /// Every step, in the method's order.
    pub const ALL: [Self; 5] = [
        Self::TaskResistance,
        Self::Evidence,
        Self::Barriers,
        Self::Growth,
        Self::Score,
    ];

    /// The step's name in the legend.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::TaskResistance => "Task resistance alone",
            Self::Evidence => "× evidence modifier",
            Self::Barriers => "× barrier modifier",
            Self::Growth => "× growth modifier",
            Self::Score => "Score (in its zone colour)",
        }
    }

    fn colour(self) -> Color32 {
        match self {
            Self::TaskResistance => BLUE,
            Self::Evidence => SKY_BLUE,
            Self::Barriers => PURPLE,
            Self::Growth => GREY,
            Self::Score => Color32::TRANSPARENT,
        }
    }

    /// Where the step's bar sits in its role's slot.
    fn offset(self) -> f64 {
        match self {
            Self::TaskResistance => -0.32,
            Self::Evidence => -0.16,
            Self::Barriers => 0.0,
            Self::Growth => 0.16,
            Self::Score => 0.32,
        }
    }
}

/// One step of a role's waterfall: the score (in points) before and after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// Which step.
    pub kind: StepKind,
    /// The level before the step (0 for the first and the last bar).
    pub from: f64,
    /// The level after it.
    pub to: f64,
}

/// The waterfall of one breakdown: TRS alone, × EM, × BM, × GM, then the (clamped) score; `None`
/// when the breakdown has no score.
#[must_use]
pub fn waterfall(b: &Breakdown, framework: &Framework) -> Option<[Step; 5]> {
    let c = b.composite.as_ref()?;
    let trs = b.task_resistance?;
    let with_evidence = trs * b.evidence_modifier?;
    let with_barriers = with_evidence * b.barrier_modifier?;
    let levels = [
        score_of_raw(trs, framework),
        score_of_raw(with_evidence, framework),
        score_of_raw(with_barriers, framework),
        c.score_unclamped,
    ];
    let step = |kind, from, to| Step { kind, from, to };
    Some([
        step(StepKind::TaskResistance, 0.0, levels[0]),
        step(StepKind::Evidence, levels[0], levels[1]),
        step(StepKind::Barriers, levels[1], levels[2]),
        step(StepKind::Growth, levels[2], levels[3]),
        step(StepKind::Score, 0.0, c.score),
    ])
}

/// Draws the waterfalls of the comparison set.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>], framework: &Framework) {
    let count = set.len();
    let waterfalls: Vec<Option<[Step; 5]>> = set
        .iter()
        .map(|r| waterfall(r.doc.breakdown(), framework))
        .collect();
    let labels: Vec<String> = set.iter().map(|r| r.label().to_owned()).collect();
    let slots = chart::slots(
        ui.available_width(),
        count,
        chart::THRESHOLD_LABEL_ROOM,
        0.0,
    );
    let short = chart::fit_labels(ui, &labels, slots.width);
    let outline = ui.visuals().text_color();
    let top = waterfalls
        .iter()
        .flatten()
        .flatten()
        .map(|s| s.to.max(s.from))
        .fold(0.0, f64::max)
        + 12.0;
    let response = chart::fixed_plot("compare breakdown", HEIGHT)
        .custom_x_axes(vec![chart::category_axis(
            AxisHints::new_x(),
            chart::ROLES_AXIS,
            short,
        )])
        .show_grid([false, true])
        .y_axis_label("Score points")
        .include_x(slots.left)
        .include_x(slots.right)
        .include_y(0.0)
        .include_y(top.max(60.0))
        .x_grid_spacer(chart::slot_marks(count))
        .show(ui, |plot| {
            chart::threshold_lines(plot, framework, (slots.left, Align2::LEFT_BOTTOM), outline);
            for kind in StepKind::ALL {
                plot.bar_chart(step_chart(kind, set, &waterfalls, outline));
            }
            if count <= LABELLED_ROLES {
                value_labels(plot, &waterfalls);
            }
            plot.pointer_coordinate()
        });
    chart::hover_slot(&response, count, false, |slot| {
        set.get(slot)
            .map(|r| detail(r, framework))
            .unwrap_or_default()
    });
    let key: Vec<(Color32, &str)> = StepKind::ALL
        .iter()
        .map(|&kind| {
            (
                if kind == StepKind::Score {
                    GREY
                } else {
                    kind.colour()
                },
                kind.name(),
            )
        })
        .collect();
    chart::key_row(ui, &key);
}

/// The bars of one step across the roles that have a score.
fn step_chart(
    kind: StepKind,
    set: &[Compared<'_>],
    waterfalls: &[Option<[Step; 5]>],
    outline: Color32,
) -> BarChart {
    let bars = waterfalls
        .iter()
        .zip(set)
        .enumerate()
        .filter_map(|(i, (steps, role))| {
            let step = steps.as_ref()?.iter().find(|s| s.kind == kind)?;
            let fill = if kind == StepKind::Score {
                role.doc.breakdown().zone().map_or(GREY, zone_colour)
            } else {
                kind.colour()
            };
            let bar = Bar::new(chart::slot_value(i) + kind.offset(), step.to - step.from)
                .base_offset(step.from)
                .width(0.15)
                .fill(fill)
                .stroke(Stroke::new(1.0, outline));
            Some(bar)
        })
        .collect();
    BarChart::new(kind.name(), bars).allow_hover(false)
}

/// The text written at the end of a step: the level for the first and last bar ("25.0"), the
/// change between ("−4.6").
#[must_use]
pub fn step_label(step: &Step) -> String {
    match step.kind {
        StepKind::TaskResistance | StepKind::Score => fmt::score(step.to),
        _ => fmt::score_delta(step.to - step.from),
    }
}

/// The value of each step written at its end: levels for the first and last bar, changes between.
fn value_labels(plot: &mut PlotUi<'_>, waterfalls: &[Option<[Step; 5]>]) {
    for (i, steps) in waterfalls.iter().enumerate() {
        for step in steps.iter().flatten() {
            let x = chart::slot_value(i) + step.kind.offset();
            // At the end of the step: above a rise, below a fall.
            let anchor = if step.to >= step.from {
                Align2::CENTER_BOTTOM
            } else {
                Align2::CENTER_TOP
            };
            let text = RichText::new(step_label(step)).size(12.0);
            let label = Text::new("", PlotPoint::new(x, step.to), text).anchor(anchor);
            plot.text(label.id(("step label", i, step.kind.name())));
        }
    }
}

/// The hover text of a role: every step with its modifier and its effect in points, or why there
/// is no score.
fn detail(role: &Compared<'_>, framework: &Framework) -> String {
    let b = role.doc.breakdown();
    let title = role.doc.assessment().display_title();
    match detail_lines(b, framework) {
        Some(lines) => format!("{title}\n{}", lines.join("\n")),
        None => format!("{title}\n{}", b.no_score_text()),
    }
}

/// The steps of a scored breakdown in words; `None` without a score.
fn detail_lines(b: &Breakdown, framework: &Framework) -> Option<Vec<String>> {
    let c = b.composite.as_ref()?;
    let steps = waterfall(b, framework)?;
    let step = |s: &Step| format!("{} ({})", fmt::score(s.to), step_label(s));
    let mut lines = vec![
        format!(
            "Task resistance {}/5.0 alone: {}",
            fmt::task_figure(b.task_resistance?),
            fmt::score(steps[0].to)
        ),
        format!(
            "× evidence modifier {} (evidence {}): {}",
            fmt::modifier(b.evidence_modifier?),
            fmt::signed_typographic(b.evidence_total?),
            step(&steps[1])
        ),
        format!(
            "× barrier modifier {} (barriers {}): {}",
            fmt::modifier(b.barrier_modifier?),
            b.barrier_total?,
            step(&steps[2])
        ),
        format!(
            "× growth modifier {} (growth {}): {}",
            fmt::modifier(b.growth_modifier?),
            fmt::signed_typographic(b.growth?),
            step(&steps[3])
        ),
        format!("Score {} (raw {})", fmt::score(c.score), fmt::raw(c.raw)),
    ];
    if c.clamped {
        lines.push(format!(
            "The formula gives {}; the score is clamped",
            fmt::score(c.score_unclamped)
        ));
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assessment;

    #[test]
    fn the_published_example_falls_from_trs_to_its_score() {
        let assessment: Assessment = serde_json::from_str(include_str!(
            "../../../assessments/backend-api-developer.aijri.json"
        ))
        .unwrap();
        let framework = Framework::published();
        let b = crate::scoring::score(&assessment, framework);
        let steps = waterfall(&b, framework).unwrap();
        let composite = b.composite.as_ref().unwrap();
        // TRS 3.05 alone: (3.05 − 0.54) / 7.93 × 100 = 31.65.
        assert!((steps[0].to - 31.652).abs() < 0.001, "{}", steps[0].to);
        // Each step starts where the last ended; the growth step ends at the score.
        assert!(
            steps
                .windows(2)
                .take(3)
                .all(|w| (w[0].to - w[1].from).abs() < 1e-12)
        );
        assert!((steps[3].to - composite.score_unclamped).abs() < 1e-12);
        assert!((steps[4].to - 24.497).abs() < 0.001);
        // Evidence −4 costs points, barriers +1 adds a little, growth −1 costs.
        assert!(
            steps[1].to < steps[1].from
                && steps[2].to > steps[2].from
                && steps[3].to < steps[3].from
        );
    }

    #[test]
    fn labels_come_from_the_shared_formats() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/score-24-95.aijri.json");
        let mut assessment = crate::library::load_file(&path).unwrap().assessment;
        let framework = Framework::published();
        let b = crate::scoring::score(&assessment, framework);
        let steps = waterfall(&b, framework).unwrap();
        assert_eq!(step_label(&steps[4]), "25.0", "24.9499… as a double");
        let fall = Step {
            kind: StepKind::Evidence,
            from: 31.65,
            to: 27.0,
        };
        assert_eq!(step_label(&fall), "−4.7");
        assessment.tasks.clear();
        let without_tasks = crate::scoring::score(&assessment, framework);
        assert_eq!(waterfall(&without_tasks, framework), None);
        assert_eq!(detail_lines(&without_tasks, framework), None);
    }
}
