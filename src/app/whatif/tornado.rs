//! The tornado chart and the ranked list of single-input changes: every input moved one step down
//! (▼) and one step up (▲) within its range, the largest swing at the top; the distance to the
//! neighbouring zones as dashed lines; exact values on hover and in the list under the chart.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{Bar, BarChart, GridMark, LineStyle, PlotPoint, PlotUi, Text, VLine};

use super::outcome_text;
use crate::app::Action;
use crate::app::chart::{self, BLUE, GREY, PURPLE};
use crate::framework::Framework;
use crate::model::{Assessment, Zone};
use crate::scoring::displayed_score;
use crate::sensitivity::{Analysis, InputEffect, Outcome};

/// Height of one input's row in the chart, in points.
const ROW_HEIGHT: f32 = 24.0;
/// Input names are shortened to this many characters on the axis (in full on hover).
const AXIS_CHARS: usize = 38;
/// The colour of "input lowered by one step" and "raised by one step".
const LOWERED: Color32 = PURPLE;
const RAISED: Color32 = BLUE;

/// Draws the tornado chart and the ranked list.
pub fn ui(
    ui: &mut Ui,
    a: &Assessment,
    framework: &Framework,
    analysis: &Analysis,
    actions: &mut Vec<Action>,
) {
    ui.label(
        RichText::new("Each input moved by one step")
            .strong()
            .size(15.0),
    );
    ui.label(RichText::new("Change in the computed score when one input moves one step down (▼) or up (▲); the largest swing first.").weak().small());
    chart_ui(ui, a, framework, analysis);
    chart::key_row(
        ui,
        &[
            (LOWERED, "▼ input lowered by one step"),
            (RAISED, "▲ input raised by one step"),
            (GREY, "dashed: the edge of the next zone"),
        ],
    );
    ui.add_space(6.0);
    list_ui(ui, a, framework, analysis, actions);
}

fn chart_ui(ui: &mut Ui, a: &Assessment, framework: &Framework, analysis: &Analysis) {
    let rows = &analysis.inputs;
    let count = rows.len();
    let names: Vec<String> = rows
        .iter()
        .map(|e| chart::shorten(&e.input.name(a, framework), AXIS_CHARS))
        .collect();
    let reach = rows.iter().map(InputEffect::swing).fold(0.5, f64::max) * 1.35;
    let edges = zone_edges(analysis, framework, reach * 1.6);
    let height = ROW_HEIGHT * count as f32 + 70.0;
    let response = chart::fixed_plot("what-if tornado", height)
        .x_axis_label("Change in score (points)")
        .y_axis_label("Input")
        .include_x(-reach)
        .include_x(reach)
        .include_y(-0.6)
        .include_y(chart::slot_value(count) - 0.4)
        .y_axis_min_width(250.0)
        .y_grid_spacer(chart::slot_marks(count))
        .y_axis_formatter(move |mark, _| {
            row_of(mark, count)
                .and_then(|r| names.get(r))
                .cloned()
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.vline(VLine::new("", 0.0).color(GREY).width(1.0).id("zero"));
            for (x, text) in &edges {
                plot.vline(
                    VLine::new("", *x)
                        .style(LineStyle::dashed_loose())
                        .color(GREY)
                        .width(1.5)
                        .id(("edge", text.as_str())),
                );
                let label = Text::new(
                    "",
                    PlotPoint::new(*x, chart::slot_value(count) - 0.45),
                    RichText::new(text).small().strong(),
                );
                plot.text(
                    label
                        .anchor(Align2::CENTER_BOTTOM)
                        .id(("edge label", text.as_str())),
                );
            }
            bars(plot, rows, |e| e.down.as_ref(), "▼", LOWERED);
            bars(plot, rows, |e| e.up.as_ref(), "▲", RAISED);
            plot.pointer_coordinate()
        });
    let description = format!("Tornado chart of {count} inputs");
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    chart::hover_slot(&response, count, true, |slot| {
        row_of(
            GridMark {
                value: chart::slot_value(slot),
                step_size: 1.0,
            },
            count,
        )
        .and_then(|r| rows.get(r))
        .map(|e| detail(e, a, framework, analysis.score))
        .unwrap_or_default()
    });
}

/// The input row a y value shows: the largest swing (row 0) at the top.
fn row_of(mark: GridMark, count: usize) -> Option<usize> {
    chart::slot_at(mark.value, count).map(|slot| count - 1 - slot)
}

/// The y value of an input row.
fn y_of(row: usize, count: usize) -> f64 {
    chart::slot_value(count - 1 - row)
}

/// Dashed lines where the score would cross into the neighbouring zones, when within `limit`.
fn zone_edges(analysis: &Analysis, framework: &Framework, limit: f64) -> Vec<(f64, String)> {
    let shown = displayed_score(analysis.score);
    let zones = framework.zones;
    let edges = [
        (Zone::Yellow, zones.yellow_min, Zone::Red),
        (Zone::Green, zones.green_min, Zone::Yellow),
    ];
    edges
        .into_iter()
        .filter_map(|(upper, threshold, lower)| {
            let x = threshold - shown;
            let text = if x > 0.0 {
                format!("{} at {:+.1}", upper.name().to_uppercase(), x)
            } else {
                format!("{} below {:+.1}", lower.name().to_uppercase(), x).replace('-', "−")
            };
            (x.abs() <= limit && x != 0.0).then_some((x, text))
        })
        .collect()
}

fn bars(
    plot: &mut PlotUi<'_>,
    rows: &[InputEffect],
    pick: impl Fn(&InputEffect) -> Option<&Outcome>,
    mark: &str,
    colour: Color32,
) {
    let count = rows.len();
    let mut chart_bars = Vec::new();
    for (row, effect) in rows.iter().enumerate() {
        let Some(outcome) = pick(effect) else {
            continue;
        };
        let y = y_of(row, count);
        chart_bars.push(
            Bar::new(y, outcome.delta)
                .width(0.62)
                .fill(colour)
                .stroke(Stroke::new(1.0, colour)),
        );
        let text = format!("{mark} {:+.1}", outcome.delta).replace('-', "−");
        let anchor = if outcome.delta >= 0.0 {
            Align2::LEFT_CENTER
        } else {
            Align2::RIGHT_CENTER
        };
        let label = Text::new(
            "",
            PlotPoint::new(outcome.delta, y),
            RichText::new(text).small(),
        );
        plot.text(label.anchor(anchor).id((mark, row)));
    }
    plot.bar_chart(
        BarChart::new(mark, chart_bars)
            .horizontal()
            .allow_hover(false),
    );
}

/// The hover text of an input: both steps with their scores and zones.
fn detail(effect: &InputEffect, a: &Assessment, framework: &Framework, base: f64) -> String {
    let mut lines = vec![format!(
        "{} (now {})",
        effect.input.name(a, framework),
        effect.value
    )];
    for (mark, outcome) in [("▼", &effect.down), ("▲", &effect.up)] {
        lines.push(match outcome {
            Some(o) => format!(
                "{mark} {} {}",
                step_text(o, a, framework),
                outcome_text(o, base)
            ),
            None => format!("{mark} out of range"),
        });
    }
    lines.join("\n")
}

fn step_text(outcome: &Outcome, a: &Assessment, framework: &Framework) -> String {
    outcome
        .changes
        .first()
        .map(|c| c.describe(a, framework))
        .unwrap_or_default()
}

/// The ranked list: each input with its current score and both steps; the name opens the field.
fn list_ui(
    ui: &mut Ui,
    a: &Assessment,
    framework: &Framework,
    analysis: &Analysis,
    actions: &mut Vec<Action>,
) {
    egui::Grid::new("what-if list")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "#",
                "Input (click to edit)",
                "Now",
                "▼ one step down",
                "▲ one step up",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (rank, effect) in analysis.inputs.iter().enumerate() {
                let name = effect.input.name(a, framework);
                let step = |o: &Option<Outcome>| {
                    o.as_ref().map_or_else(
                        || "out of range".to_owned(),
                        |o| outcome_text(o, analysis.score),
                    )
                };
                let (down, up) = (step(&effect.down), step(&effect.up));
                let spoken = format!(
                    "Rank {}: {name} (now {}): ▼ {down}; ▲ {up}",
                    rank + 1,
                    effect.value
                );
                ui.label(format!("{}", rank + 1))
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
                if ui
                    .link(&name)
                    .on_hover_text("Open this field in the editor")
                    .clicked()
                {
                    actions.push(Action::GoToField(effect.input.field()));
                }
                ui.label(RichText::new(effect.value.to_string()).monospace());
                ui.label(RichText::new(down).monospace());
                ui.label(RichText::new(up).monospace());
                ui.end_row();
            }
        });
}
