//! The task decomposition as the published text lays it out: a table with Task, Time %, Score,
//! Weighted and Impact in aligned columns, each task's rationale in a row that opens below it,
//! and the running total at the foot; then the reinstatement check. Columns keep their widths
//! from one task to the next; only the Task column grows with the window.
//!
//! From the keyboard: ← and → step a focused automation score, Delete removes the task whose
//! number, score, impact or ⋯ has focus, Alt+↑ and Alt+↓ move it; focus follows the task.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::editor::Rationales;
use crate::app::keyboard::take_key;
use crate::app::store::TaskEdit;
use crate::app::widgets::{arrow_step, figure, score_scale, text_block, text_line};
use crate::fmt;
use crate::model::{Assessment, FieldPath, Impact, Task};
use crate::report::composite_steps;

/// Column widths, in points; the Task column takes what is left.
const NUMBER: f32 = 40.0;
const TIME: f32 = 64.0;
const SCORE: f32 = 50.0;
const WEIGHTED: f32 = 60.0;
const IMPACT: f32 = 114.0;
const ACTIONS: f32 = 28.0;
const MIN_TASK: f32 = 120.0;
const ROW_HEIGHT: f32 = 22.0;

/// Draws the Tasks tab; returns the change to the task list the user asked for.
pub fn ui(
    ui: &mut Ui,
    a: &mut Assessment,
    cx: &TabContext<'_>,
    rationales: Rationales<'_>,
) -> Option<TaskEdit> {
    ui.heading("Task decomposition");
    ui.label(
        RichText::new(format!(
            "Each task's share of working time (the shares add up to 100%) and how far an AI agent can do it today (Score {}).",
            score_scale(&cx.framework.task_score)
        ))
        .weak(),
    );
    ui.add_space(4.0);
    let task_width = task_column(ui);
    header_row(ui, task_width, cx);
    let count = a.tasks.len();
    let open: Vec<bool> = (0..count)
        .map(|i| rationales.open.is_open(rationales.doc, &a.tasks, i))
        .collect();
    let focus_key = ui.scope_id().with("task focus");
    let mut edit = None;
    let mut toggled = None;
    for (i, task) in a.tasks.iter_mut().enumerate() {
        let weighted = cx.breakdown.weighted.get(i).copied().unwrap_or_default();
        let row = Row {
            index: i,
            count,
            weighted,
            task_width,
            open: open[i],
            focus_key,
        };
        let (change, toggle) = task_row(ui, &row, task, cx);
        if change.is_some() {
            edit = change;
        }
        if toggle {
            toggled = Some(i);
        }
        if open[i] {
            rationale_row(ui, i, task, cx);
        }
    }
    if let Some(i) = toggled {
        rationales.open.set(rationales.doc, &a.tasks, i, !open[i]);
    }
    total_row(ui, cx, task_width);
    if ui
        .button("+ Add task")
        .on_hover_text("Add a task; then share out the time so the total is 100%")
        .clicked()
    {
        edit = Some(TaskEdit::Add);
    }
    totals_ui(ui, cx);
    ui.separator();
    reinstatement_ui(ui, a, cx);
    edit
}

/// The width left for the Task column at this panel width.
fn task_column(ui: &Ui) -> f32 {
    let spacing = ui.spacing().item_spacing.x * 7.0;
    let fixed = NUMBER + TIME + SCORE + WEIGHTED + IMPACT + ACTIONS + spacing;
    (ui.available_width() - fixed).max(MIN_TASK)
}

/// A label in a cell of fixed width, centred: the figures and the column headings over them.
fn cell(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add_sized([width, ROW_HEIGHT], egui::Label::new(text).truncate())
}

/// A cell of fixed width whose content starts at its left edge, whatever its own width.
fn fixed<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(width, ROW_HEIGHT), layout, |ui| {
        ui.set_min_width(width);
        add(ui)
    })
    .inner
}

fn header_row(ui: &mut Ui, task_width: f32, cx: &TabContext<'_>) {
    ui.horizontal(|ui| {
        let strong = |text: &str| RichText::new(text).strong();
        cell(ui, NUMBER, strong("#"));
        fixed(ui, task_width, |ui| ui.label(strong("Task")));
        cell(ui, TIME, strong("Time %")).on_hover_text("Share of working time, 0–100%");
        cell(ui, SCORE, strong("Score")).on_hover_text(format!(
            "Automation score: {}",
            score_scale(&cx.framework.task_score)
        ));
        cell(ui, WEIGHTED, strong("Weighted"))
            .on_hover_text("(time share / 100) × automation score");
        fixed(ui, IMPACT, |ui| ui.label(strong("Impact")));
    });
    ui.separator();
}

/// What a task row needs besides the task.
struct Row {
    index: usize,
    count: usize,
    weighted: f64,
    task_width: f32,
    /// Whether its rationale row is open.
    open: bool,
    /// Where the control to focus after a move or removal is kept until its row is drawn.
    focus_key: egui::Id,
}

/// The controls of a task row, to put focus back on the same one after the task moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Number,
    Name,
    Time,
    Score,
    Impact,
    Actions,
}

/// One task's row; returns the change to the task list asked for, and whether its rationale row
/// was opened or closed.
fn task_row(
    ui: &mut Ui,
    row: &Row,
    task: &mut Task,
    cx: &TabContext<'_>,
) -> (Option<TaskEdit>, bool) {
    let i = row.index;
    let number = i + 1;
    if cx.jump.targets(&FieldPath::task(i)) {
        ui.scroll_to_cursor(Some(egui::Align::Center));
    }
    ui.horizontal(|ui| {
        let toggle = fixed(ui, NUMBER, |ui| rationale_toggle(ui, i, row.open));
        let name = ui
            .add_sized(
                [row.task_width, ROW_HEIGHT],
                egui::TextEdit::singleline(&mut task.name).hint_text("Task name"),
            )
            .on_hover_text(task.name.clone())
            .accessible_name(format!("Task {number} name"));
        cx.jump.apply(&FieldPath::task(i).key("name"), &name);
        let time = time_cell(ui, number, &mut task.time_pct, cx, i);
        let score = fixed(ui, SCORE, |ui| score_cell(ui, number, &mut task.score, cx));
        cell(
            ui,
            WEIGHTED,
            RichText::new(fmt::task_figure(row.weighted)).monospace(),
        )
        .on_hover_text("(time share / 100) × automation score");
        let impact = fixed(ui, IMPACT, |ui| impact_cell(ui, number, &mut task.impact));
        let (menu, menu_edit) = fixed(ui, ACTIONS, |ui| row_actions(ui, row));
        let toggled = toggle.clicked();
        let controls = [
            (Control::Number, toggle),
            (Control::Name, name),
            (Control::Time, time),
            (Control::Score, score),
            (Control::Impact, impact),
            (Control::Actions, menu),
        ];
        (menu_edit.or_else(|| row_keys(ui, row, &controls)), toggled)
    })
    .inner
}

/// Puts focus back on a row's control after its task moved, and reads the keys that move or
/// remove the task whose control has focus (Delete not from the name or time fields, which
/// edit text with it).
fn row_keys(ui: &Ui, row: &Row, controls: &[(Control, egui::Response)]) -> Option<TaskEdit> {
    let i = row.index;
    let pending: Option<(usize, Control)> = ui.data(|d| d.get_temp(row.focus_key));
    if let Some((_, control)) = pending.filter(|&(at, _)| at == i) {
        if let Some((_, response)) = controls.iter().find(|(c, _)| *c == control) {
            response.request_focus();
        }
        ui.data_mut(|d| d.remove::<(usize, Control)>(row.focus_key));
    }
    let (focused, _) = controls.iter().find(|(_, r)| r.has_focus())?;
    let ctx = ui.ctx();
    let (edit, to) = if i > 0 && take_key(ctx, egui::Modifiers::ALT, egui::Key::ArrowUp) {
        (TaskEdit::MoveUp(i), i - 1)
    } else if i + 1 < row.count && take_key(ctx, egui::Modifiers::ALT, egui::Key::ArrowDown) {
        (TaskEdit::MoveDown(i), i + 1)
    } else if !matches!(focused, Control::Name | Control::Time)
        && take_key(ctx, egui::Modifiers::NONE, egui::Key::Delete)
    {
        // Focus stays on the row that takes the removed one's place.
        (TaskEdit::Remove(i), i.min(row.count.saturating_sub(2)))
    } else {
        return None;
    };
    let focused = *focused;
    ui.data_mut(|d| d.insert_temp(row.focus_key, (to, focused)));
    Some(edit)
}

fn time_cell(
    ui: &mut Ui,
    number: usize,
    time_pct: &mut f64,
    cx: &TabContext<'_>,
    i: usize,
) -> egui::Response {
    let time = ui
        .add_sized(
            [TIME, ROW_HEIGHT],
            egui::DragValue::new(time_pct)
                .range(0.0..=100.0)
                .speed(0.5)
                .custom_formatter(|value, _| {
                    fmt::time_share(value).trim_end_matches('%').to_owned()
                })
                .suffix("%"),
        )
        .on_hover_text("Share of working time, 0–100%: drag or type")
        .accessible_name(format!("Task {number} time %"));
    cx.jump.apply(&FieldPath::task(i).key("time_pct"), &time);
    time
}

/// The automation score, a drop-down; ← and → step it by one while it has focus.
fn score_cell(ui: &mut Ui, number: usize, score: &mut i64, cx: &TabContext<'_>) -> egui::Response {
    let factor = &cx.framework.task_score;
    let name = format!("Task {number} automation score");
    let response = egui::ComboBox::from_id_salt(("task score", number))
        .width(SCORE - 8.0)
        .selected_text(score.to_string())
        .show_ui(ui, |ui| {
            for value in factor.min..=factor.max {
                let text = match factor.level(value) {
                    Some(meaning) => format!("{value} — {meaning}"),
                    None => value.to_string(),
                };
                ui.selectable_value(score, value, text);
            }
        })
        .response;
    if response.has_focus()
        && let Some(step) = arrow_step(ui.ctx())
    {
        *score = (*score + step).clamp(factor.min, factor.max);
    }
    let response = response.accessible_name(format!("{name}: {score}"));
    let hover = factor.level(*score).unwrap_or("out of range").to_owned();
    response.on_hover_text(format!("{name}: {score} — {hover}"))
}

fn impact_cell(ui: &mut Ui, number: usize, impact: &mut Impact) -> egui::Response {
    let name = format!("Task {number} impact");
    let response = egui::ComboBox::from_id_salt(("impact", number))
        .width(IMPACT - 8.0)
        .selected_text(impact.label())
        .show_ui(ui, |ui| {
            for choice in [
                Impact::Augmentation,
                Impact::Displacement,
                Impact::NotInvolved,
            ] {
                ui.selectable_value(impact, choice, choice.label());
            }
        })
        .response;
    response
        .accessible_name(format!("{name}: {}", impact.label()))
        .on_hover_text("Augmentation: AI makes the person faster. Displacement: AI does the task instead. Not involved: no AI.")
}

/// The task's number, which opens and closes its rationale row (clicked, it toggles).
fn rationale_toggle(ui: &mut Ui, i: usize, open: bool) -> egui::Response {
    let number = i + 1;
    let (arrow, verb) = if open {
        ("▾", "Hide")
    } else {
        ("▸", "Show")
    };
    let text = format!("{verb} rationale of task {number}");
    ui.add(egui::Button::new(format!("{arrow} {number}")).selected(open))
        .on_hover_text(&text)
        .accessible_name(text)
}

/// A menu to move the task up or down or remove it: its button, and the change chosen.
fn row_actions(ui: &mut Ui, row: &Row) -> (egui::Response, Option<TaskEdit>) {
    let (i, number) = (row.index, row.index + 1);
    let mut edit = None;
    let entries = [
        (format!("Move task {number} up"), i > 0, TaskEdit::MoveUp(i)),
        (
            format!("Move task {number} down"),
            i + 1 < row.count,
            TaskEdit::MoveDown(i),
        ),
        (format!("Remove task {number}"), true, TaskEdit::Remove(i)),
    ];
    let menu = egui::containers::menu::MenuButton::new("⋯").ui(ui, |ui| {
        for (text, enabled, change) in entries {
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                edit = Some(change);
                ui.close();
            }
        }
    });
    let button = menu
        .0
        .on_hover_text(format!(
            "Move or remove task {number} (Alt+↑, Alt+↓, Delete)"
        ))
        .accessible_name(format!("Task {number}: move or remove"));
    (button, edit)
}

fn rationale_row(ui: &mut Ui, i: usize, task: &mut Task, cx: &TabContext<'_>) {
    ui.horizontal(|ui| {
        ui.add_space(NUMBER + ui.spacing().item_spacing.x);
        ui.vertical(|ui| {
            text_block(
                ui,
                &format!("Rationale of task {}", i + 1),
                &mut task.rationale,
                cx.jump,
                &FieldPath::task(i).key("rationale"),
            );
        });
    });
}

/// The foot of the table: the time total under Time % and the task total under Weighted.
fn total_row(ui: &mut Ui, cx: &TabContext<'_>, task_width: f32) {
    let b = cx.breakdown;
    ui.separator();
    ui.horizontal(|ui| {
        cell(ui, NUMBER, "");
        fixed(ui, task_width, |ui| {
            ui.label(RichText::new("Total").strong())
        });
        let time = RichText::new(fmt::pct(b.time_total)).strong().monospace();
        let time = if b.provisional {
            time.color(ui.visuals().error_fg_color)
        } else {
            time
        };
        cell(ui, TIME, time).on_hover_text("The shares must add up to 100%");
        cell(ui, SCORE, "");
        cell(
            ui,
            WEIGHTED,
            RichText::new(fmt::or_missing(b.task_total, fmt::task_figure))
                .strong()
                .monospace(),
        )
        .on_hover_text("Task total: the sum of the weighted figures");
    });
    if b.provisional {
        ui.label(
            RichText::new(format!(
                "Total time {} — must be 100%; every figure is provisional",
                fmt::pct(b.time_total)
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    }
}

fn totals_ui(ui: &mut Ui, cx: &TabContext<'_>) {
    let b = cx.breakdown;
    ui.add_space(6.0);
    figure(
        ui,
        "Task Resistance Score:",
        composite_steps(b, cx.framework).task_resistance,
    );
    figure(ui, "Split:", crate::report::split_text(b));
    figure(
        ui,
        &format!(
            "Share of time scoring {}+:",
            cx.framework.sub_labels.high_automation_min_score
        ),
        b.time_3plus_pct.map_or_else(
            || fmt::MISSING.to_owned(),
            |p| crate::scoring::time_3plus_text(p, cx.framework),
        ),
    );
}

fn reinstatement_ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    ui.heading("Reinstatement check");
    text_line(
        ui,
        "Level (Low / Moderate / High)",
        &mut a.reinstatement.level,
        cx.jump,
        &FieldPath::new("reinstatement").key("level"),
    );
    text_block(
        ui,
        "New tasks emerging",
        &mut a.reinstatement.note,
        cx.jump,
        &FieldPath::new("reinstatement").key("note"),
    );
}
