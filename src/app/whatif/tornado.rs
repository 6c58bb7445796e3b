//! The tornado chart and the ranked list of single-input changes: every input moved one step down
//! (▼) and one step up (▲) within its range, the largest swing at the top; the distance to the
//! neighbouring zones as dashed lines; exact values on hover and in the list under the chart.

use egui::{Align2, Color32, RichText, Stroke, Ui};
use egui_plot::{AxisHints, Bar, BarChart, LineStyle, PlotPoint, PlotUi, Text, VLine};

use super::{Subject, outcome_text};
use crate::app::Action;
use crate::app::chart::{self, BLUE, GREY, PURPLE};
use crate::app::widgets::zone_colour;
use crate::fmt;
use crate::model::Zone;
use crate::sensitivity::{InputEffect, Outcome};

/// Height of one input's row in the chart, in points.
const ROW_HEIGHT: f32 = 24.0;
/// Input names are shortened to this many characters on the axis (in full on hover).
const AXIS_CHARS: usize = 38;
/// The colour of "input lowered by one step".
const LOWERED: Color32 = PURPLE;
/// The colour of "input raised by one step".
const RAISED: Color32 = BLUE;

/// Draws the tornado chart and the ranked list.
pub fn ui(ui: &mut Ui, subject: Subject<'_>, actions: &mut Vec<Action>) {
    ui.label(
        RichText::new("Each input moved by one step")
            .strong()
            .size(15.0),
    );
    let help = "Change in the computed score when one input moves one step down (▼) or up (▲); the largest swing first.";
    ui.label(RichText::new(help).weak().small());
    chart_ui(ui, subject);
    chart::key_row(
        ui,
        &[
            (LOWERED, "▼ input lowered by one step"),
            (RAISED, "▲ input raised by one step"),
            (
                GREY,
                "dashed line, in the zone's colour: where the score enters the next zone",
            ),
        ],
    );
    ui.add_space(6.0);
    list_ui(ui, subject, actions);
}

fn chart_ui(ui: &mut Ui, subject: Subject<'_>) {
    let rows = &subject.analysis.inputs;
    let count = rows.len();
    // Slot 0 is at the bottom: the names go in reverse rank order.
    let names: Vec<String> = rows
        .iter()
        .rev()
        .map(|e| {
            chart::shorten(
                &e.input.name(subject.assessment, subject.framework),
                AXIS_CHARS,
            )
        })
        .collect();
    let reach = rows.iter().map(InputEffect::swing).fold(0.5, f64::max) * 1.35;
    let edges = zone_edges(subject, reach * 1.6);
    // The plot shows the bars and the zone edges near enough to draw, with room for their labels.
    let (low, high) = edges.iter().fold((-reach, reach), |(low, high), e| {
        (low.min(e.x * 1.08), high.max(e.x * 1.08))
    });
    let x_axis = AxisHints::new_x()
        .label("Change in score (points)")
        .label_spacing(28.0..=40.0);
    let height = ROW_HEIGHT * count as f32 + 70.0;
    let y_axis = chart::category_axis(AxisHints::new_y(), "Input", names).min_thickness(250.0);
    let response = chart::fixed_plot("what-if tornado", height)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .show_grid([true, false])
        .include_x(low)
        .include_x(high)
        .include_y(-0.6)
        .include_y(chart::slot_value(count) - 0.4)
        .y_grid_spacer(chart::slot_marks(count))
        .show(ui, |plot| {
            plot.vline(VLine::new("", 0.0).color(GREY).width(1.0).id("zero"));
            edge_lines(plot, &edges, count);
            bars(
                plot,
                rows,
                subject.score,
                |e| e.down.as_ref(),
                ("▼", LOWERED),
            );
            bars(plot, rows, subject.score, |e| e.up.as_ref(), ("▲", RAISED));
            plot.pointer_coordinate()
        });
    let description = format!("Tornado chart of {}", fmt::count(count, "input", "inputs"));
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    chart::hover_slot(&response, count, true, |slot| {
        row_of(chart::slot_value(slot), count)
            .and_then(|r| rows.get(r))
            .map(|e| detail(e, subject))
            .unwrap_or_default()
    });
}

/// The input row a y value shows: the largest swing (row 0) at the top.
fn row_of(y: f64, count: usize) -> Option<usize> {
    chart::slot_at(y, count).map(|slot| count - 1 - slot)
}

/// The y value of an input row.
fn y_of(row: usize, count: usize) -> f64 {
    chart::slot_value(count - 1 - row)
}

/// Where the score would cross into the neighbouring zones, with a label, when within `limit`.
fn zone_edges(subject: Subject<'_>, limit: f64) -> Vec<Edge> {
    let shown = fmt::round(subject.score, 1);
    let zones = subject.framework.zones;
    let edges = [
        (Zone::Yellow, zones.yellow_min, Zone::Red),
        (Zone::Green, zones.green_min, Zone::Yellow),
    ];
    edges
        .into_iter()
        .filter_map(|(upper, threshold, lower)| {
            let x = threshold - shown;
            let (zone, text) = if x > 0.0 {
                (
                    upper,
                    format!("{} at {}", upper.name().to_uppercase(), fmt::score_delta(x)),
                )
            } else {
                (
                    lower,
                    format!(
                        "{} below {}",
                        lower.name().to_uppercase(),
                        fmt::score_delta(x)
                    ),
                )
            };
            (x.abs() <= limit && x.abs() > f64::EPSILON).then_some(Edge { x, zone, text })
        })
        .collect()
}

/// Where the score would enter a neighbouring zone, as a change in points.
struct Edge {
    x: f64,
    zone: Zone,
    text: String,
}

/// The zone edges as dashed lines in the colour of the zone entered, each labelled in words.
fn edge_lines(plot: &mut PlotUi<'_>, edges: &[Edge], count: usize) {
    for Edge { x, zone, text } in edges {
        let line = VLine::new("", *x)
            .style(LineStyle::dashed_loose())
            .color(zone_colour(*zone))
            .width(2.5);
        plot.vline(line.id(("edge", text.as_str())));
        let position = PlotPoint::new(*x, chart::slot_value(count) - 0.45);
        let label = Text::new("", position, RichText::new(text).size(12.0).strong())
            // Written towards the middle, so a line at the plot's edge keeps its label in view.
            .anchor(if *x > 0.0 {
                Align2::RIGHT_BOTTOM
            } else {
                Align2::LEFT_BOTTOM
            });
        plot.text(label.id(("edge label", text.as_str())));
    }
}

/// The bars of one direction (▼ or ▲, in its colour), labelled with the change of the displayed
/// score from `base`.
fn bars(
    plot: &mut PlotUi<'_>,
    rows: &[InputEffect],
    base: f64,
    pick: impl Fn(&InputEffect) -> Option<&Outcome>,
    (mark, colour): (&str, Color32),
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
        let text = format!("{mark} {}", outcome.shown_delta_text(base));
        let anchor = if outcome.delta >= 0.0 {
            Align2::LEFT_CENTER
        } else {
            Align2::RIGHT_CENTER
        };
        let label = Text::new(
            "",
            PlotPoint::new(outcome.delta, y),
            RichText::new(text).size(12.0),
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
fn detail(effect: &InputEffect, subject: Subject<'_>) -> String {
    let name = effect.input.name(subject.assessment, subject.framework);
    let now = effect.input.show_value(effect.value, subject.framework);
    let mut lines = vec![format!("{name} (now {now})")];
    for (mark, outcome) in [("▼", &effect.down), ("▲", &effect.up)] {
        lines.push(match outcome {
            Some(o) => format!(
                "{mark} {} {}",
                subject.describe(&o.changes),
                outcome_text(o, subject.score)
            ),
            None => format!("{mark} out of range"),
        });
    }
    lines.join("\n")
}

/// The ranked list: each input with its current score and both steps; the name opens the field.
fn list_ui(ui: &mut Ui, subject: Subject<'_>, actions: &mut Vec<Action>) {
    let base = subject.score;
    let step = |o: &Option<Outcome>| {
        o.as_ref()
            .map_or_else(|| "out of range".to_owned(), |o| outcome_text(o, base))
    };
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
            for (rank, effect) in subject.analysis.inputs.iter().enumerate() {
                let name = effect.input.name(subject.assessment, subject.framework);
                let (down, up) = (step(&effect.down), step(&effect.up));
                let now = effect.input.show_value(effect.value, subject.framework);
                let spoken = format!("Rank {}: {name} (now {now}): ▼ {down}; ▲ {up}", rank + 1);
                ui.label(format!("{}", rank + 1))
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
                if ui
                    .link(&name)
                    .on_hover_text("Open this field in the editor")
                    .clicked()
                {
                    actions.push(Action::GoToField(effect.input.field()));
                }
                ui.label(RichText::new(now).monospace());
                ui.label(RichText::new(down).monospace());
                ui.label(RichText::new(up).monospace());
                ui.end_row();
            }
        });
}
