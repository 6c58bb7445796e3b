//! The task decomposition: a card per task (name, time share, automation score, impact, weighted
//! figure, rationale) with add, remove and reorder, the running time total, and the reinstatement
//! check.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{figure, score_picker, text_block, text_line};
use crate::model::{Assessment, Impact, Task};
use crate::report::composite_steps;
use crate::scoring::format_pct;

/// What the user did to the list of tasks this frame.
enum ListEdit {
    MoveUp(usize),
    MoveDown(usize),
    Remove(usize),
    Add,
}

/// Draws the Tasks tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    ui.heading("Task decomposition");
    ui.label(
        RichText::new("Each task's share of working time (the shares add up to 100%) and how far an AI agent can do it today.")
            .weak(),
    );
    time_total_ui(ui, cx);
    let count = a.tasks.len();
    let mut list_edit = None;
    for (i, task) in a.tasks.iter_mut().enumerate() {
        let weighted = cx.breakdown.weighted.get(i).copied().unwrap_or_default();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(edit) = task_ui(ui, i, count, task, weighted, cx) {
                list_edit = Some(edit);
            }
        });
    }
    if ui
        .button("+ Add task")
        .on_hover_text("Add a task; then share out the time so the total is 100%")
        .clicked()
    {
        list_edit = Some(ListEdit::Add);
    }
    apply(&mut a.tasks, list_edit);
    totals_ui(ui, cx);
    ui.separator();
    ui.heading("Reinstatement check");
    text_line(
        ui,
        "Level (Low / Moderate / High)",
        &mut a.reinstatement.level,
        cx.jump,
        "reinstatement.level",
    );
    text_block(
        ui,
        "New tasks emerging",
        &mut a.reinstatement.note,
        cx.jump,
        "reinstatement.note",
    );
}

fn apply(tasks: &mut Vec<Task>, edit: Option<ListEdit>) {
    match edit {
        Some(ListEdit::MoveUp(i)) if i > 0 && i < tasks.len() => tasks.swap(i, i - 1),
        Some(ListEdit::MoveDown(i)) if i + 1 < tasks.len() => tasks.swap(i, i + 1),
        Some(ListEdit::Remove(i)) if i < tasks.len() => {
            tasks.remove(i);
        }
        Some(ListEdit::Add) => tasks.push(Task {
            name: format!("Task {}", tasks.len() + 1),
            time_pct: 10.0,
            score: 3,
            ..Task::default()
        }),
        _ => {}
    }
}

fn task_ui(
    ui: &mut Ui,
    i: usize,
    count: usize,
    task: &mut Task,
    weighted: f64,
    cx: &TabContext<'_>,
) -> Option<ListEdit> {
    let number = i + 1;
    let mut edit = None;
    if cx.jump.targets(&format!("tasks[{i}]")) {
        ui.scroll_to_cursor(Some(egui::Align::Min));
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{number}.")).strong());
        let label = ui.label("Task");
        let name = ui
            .add(
                egui::TextEdit::singleline(&mut task.name)
                    .desired_width(ui.available_width() - 110.0),
            )
            .labelled_by(label.id);
        cx.jump.apply(&format!("tasks[{i}].name"), &name);
        if ui
            .add_enabled(i > 0, egui::Button::new("⬆"))
            .on_hover_text(format!("Move task {number} up"))
            .clicked()
        {
            edit = Some(ListEdit::MoveUp(i));
        }
        if ui
            .add_enabled(i + 1 < count, egui::Button::new("⬇"))
            .on_hover_text(format!("Move task {number} down"))
            .clicked()
        {
            edit = Some(ListEdit::MoveDown(i));
        }
        if ui
            .button("✕")
            .on_hover_text(format!("Remove task {number}"))
            .clicked()
        {
            edit = Some(ListEdit::Remove(i));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Time %");
        let time = ui
            .add(
                egui::DragValue::new(&mut task.time_pct)
                    .range(0.0..=100.0)
                    .speed(0.5)
                    .max_decimals(2)
                    .suffix("%"),
            )
            .labelled_by(label.id)
            .on_hover_text("Share of working time, 0–100%");
        cx.jump.apply(&format!("tasks[{i}].time_pct"), &time);
        ui.separator();
        ui.label("Automation score");
        score_picker(
            ui,
            &format!("Task {number} automation score"),
            &cx.framework.task_score,
            &mut task.score,
            false,
        );
        ui.separator();
        impact_ui(ui, number, &mut task.impact);
        ui.separator();
        ui.label(RichText::new(format!("weighted {weighted:.2}")).monospace())
            .on_hover_text("(time share / 100) × automation score");
    });
    text_block(
        ui,
        "Rationale",
        &mut task.rationale,
        cx.jump,
        &format!("tasks[{i}].rationale"),
    );
    edit
}

fn impact_ui(ui: &mut Ui, number: usize, impact: &mut Impact) {
    let label = ui.label("Impact");
    egui::ComboBox::from_id_salt(("impact", number))
        .selected_text(impact.label())
        .show_ui(ui, |ui| {
            for choice in [Impact::Augmentation, Impact::Displacement, Impact::NotInvolved] {
                ui.selectable_value(impact, choice, choice.label());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Augmentation: AI makes the person faster. Displacement: AI does the task instead. Not involved: no AI.");
}

/// The running time total: red, with what to do, while it is not 100%.
fn time_total_ui(ui: &mut Ui, cx: &TabContext<'_>) {
    let b = cx.breakdown;
    let total = format!("Total time: {}", format_pct(b.time_total));
    if b.provisional {
        ui.label(
            RichText::new(format!("{total} — must be 100%; figures are provisional"))
                .color(ui.visuals().error_fg_color)
                .strong(),
        );
    } else {
        ui.label(RichText::new(format!("{total} ✓")).strong());
    }
}

fn totals_ui(ui: &mut Ui, cx: &TabContext<'_>) {
    let b = cx.breakdown;
    ui.add_space(6.0);
    time_total_ui(ui, cx);
    figure(
        ui,
        "Task total (Σ weighted):",
        format!("{:.2}", b.task_total),
    );
    figure(
        ui,
        "Task Resistance Score:",
        composite_steps(b, cx.framework).task_resistance,
    );
    figure(ui, "Split:", crate::report::split_text(b));
    figure(
        ui,
        "Share of time scoring 3+:",
        format_pct(b.time_3plus_pct),
    );
}
