//! How each score is built, as a waterfall per role in score points: the task resistance score
//! alone (every modifier 1.0), then what the evidence, barrier and growth modifiers each add or take
//! away, in the method's order, and the resulting score. So the adviser can say "evidence costs this
//! role five points" and why one role outranks another.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, PlotPoint, PlotUi, Text};

use super::Compared;
use crate::app::chart::{self, BLUE, GREY, PURPLE, SKY_BLUE};
use crate::app::widgets::zone_colour;
use crate::framework::Framework;
use crate::scoring::{Breakdown, score_of_raw, signed};

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

/// The waterfall of one breakdown: TRS alone, × EM, × BM, × GM, then the (clamped) score.
#[must_use]
pub fn waterfall(b: &Breakdown, framework: &Framework) -> [Step; 5] {
    let trs = score_of_raw(b.task_resistance, framework);
    let with_evidence = score_of_raw(b.task_resistance * b.evidence_modifier, framework);
    let with_barriers = score_of_raw(
        b.task_resistance * b.evidence_modifier * b.barrier_modifier,
        framework,
    );
    [
        Step {
            kind: StepKind::TaskResistance,
            from: 0.0,
            to: trs,
        },
        Step {
            kind: StepKind::Evidence,
            from: trs,
            to: with_evidence,
        },
        Step {
            kind: StepKind::Barriers,
            from: with_evidence,
            to: with_barriers,
        },
        Step {
            kind: StepKind::Growth,
            from: with_barriers,
            to: b.score_unclamped,
        },
        Step {
            kind: StepKind::Score,
            from: 0.0,
            to: b.score,
        },
    ]
}

/// Draws the waterfalls of the comparison set.
pub fn ui(ui: &mut Ui, set: &[Compared<'_>], framework: &Framework) {
    let count = set.len();
    let waterfalls: Vec<[Step; 5]> = set
        .iter()
        .map(|r| waterfall(&r.doc.breakdown(), framework))
        .collect();
    let labels: Vec<String> = set.iter().map(|r| r.label.clone()).collect();
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

/// The bars of one step across the roles.
fn step_chart(
    kind: StepKind,
    set: &[Compared<'_>],
    waterfalls: &[[Step; 5]],
    outline: Color32,
) -> BarChart {
    let bars = waterfalls
        .iter()
        .zip(set)
        .enumerate()
        .filter_map(|(i, (steps, role))| {
            let step = steps.iter().find(|s| s.kind == kind)?;
            let fill = if kind == StepKind::Score {
                zone_colour(role.doc.breakdown().zone)
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

/// The value of each step written at its end: levels for the first and last bar, changes between.
fn value_labels(plot: &mut PlotUi<'_>, waterfalls: &[[Step; 5]]) {
    for (i, steps) in waterfalls.iter().enumerate() {
        for step in steps {
            let x = chart::slot_value(i) + step.kind.offset();
            let change = step.to - step.from;
            let text = match step.kind {
                StepKind::TaskResistance | StepKind::Score => format!("{:.1}", step.to),
                _ => format!("{:+.1}", change).replace('-', "−"),
            };
            let (y, anchor) = if change >= 0.0 {
                (step.to.max(step.from), Align2::CENTER_BOTTOM)
            } else {
                (step.to.min(step.from), Align2::CENTER_TOP)
            };
            let label =
                Text::new("", PlotPoint::new(x, y), RichText::new(text).size(12.0)).anchor(anchor);
            plot.text(label.id(("step label", i, step.kind.name())));
        }
    }
}

/// The hover text of a role: every step with its modifier and its effect in points.
fn detail(role: &Compared<'_>, framework: &Framework) -> String {
    let b = &role.doc.breakdown();
    let steps = waterfall(b, framework);
    let change = |s: &Step| format!("{:+.1}", s.to - s.from).replace('-', "−");
    let mut lines = vec![
        role.doc.assessment().display_title(),
        format!(
            "Task resistance {:.2}/5.0 alone: {:.1}",
            b.task_resistance, steps[0].to
        ),
        format!(
            "× evidence modifier {:.2} (evidence {}): {:.1} ({})",
            b.evidence_modifier,
            signed(b.evidence_total),
            steps[1].to,
            change(&steps[1])
        ),
        format!(
            "× barrier modifier {:.2} (barriers {}): {:.1} ({})",
            b.barrier_modifier,
            b.barrier_total,
            steps[2].to,
            change(&steps[2])
        ),
        format!(
            "× growth modifier {:.2} (growth {}): {:.1} ({})",
            b.growth_modifier,
            signed(b.growth),
            steps[3].to,
            change(&steps[3])
        ),
        format!("Score {:.1} (raw {:.4})", b.displayed(), b.raw),
    ];
    if b.clamped {
        lines.push(format!(
            "The formula gives {:.1}; the score is clamped",
            b.score_unclamped
        ));
    }
    lines.join("\n")
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
        let steps = waterfall(&b, framework);
        // TRS 3.05 alone: (3.05 − 0.54) / 7.93 × 100 = 31.65.
        assert!((steps[0].to - 31.652).abs() < 0.001, "{}", steps[0].to);
        // Each step starts where the last ended; the growth step ends at the score.
        assert!(
            steps
                .windows(2)
                .take(3)
                .all(|w| (w[0].to - w[1].from).abs() < 1e-12)
        );
        assert!((steps[3].to - b.score_unclamped).abs() < 1e-12);
        assert!((steps[4].to - 24.497).abs() < 0.001);
        // Evidence −4 costs points, barriers +1 adds a little, growth −1 costs.
        assert!(
            steps[1].to < steps[1].from
                && steps[2].to > steps[2].from
                && steps[3].to < steps[3].from
        );
    }
}
