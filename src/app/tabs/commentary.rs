//! The assessor's commentary: paragraphs, lists, related roles and the timeline.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{Jump, text_block};
use crate::model::{Assessment, FieldPath, RelatedRole};

/// Draws the Commentary tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let c = &mut a.commentary;
    let jump = cx.jump;
    text_block(
        ui,
        "Score vs reality check",
        &mut c.score_vs_reality,
        jump,
        &FieldPath::new("commentary").key("score_vs_reality"),
    );
    list_ui(
        ui,
        "What the numbers don't capture",
        &mut c.numbers_dont_capture,
        jump,
        &FieldPath::new("commentary").key("numbers_dont_capture"),
    );
    text_block(
        ui,
        "Who should worry (and who shouldn't)",
        &mut c.who_should_worry,
        jump,
        &FieldPath::new("commentary").key("who_should_worry"),
    );
    text_block(
        ui,
        "What this means: the role's outlook",
        &mut c.role_outlook,
        jump,
        &FieldPath::new("commentary").key("role_outlook"),
    );
    list_ui(
        ui,
        "Survival strategy",
        &mut c.survival_strategy,
        jump,
        &FieldPath::new("commentary").key("survival_strategy"),
    );
    related_ui(ui, &mut c.where_to_look_next);
    text_block(
        ui,
        "Timeline",
        &mut c.timeline,
        jump,
        &FieldPath::new("commentary").key("timeline"),
    );
}

fn list_ui(ui: &mut Ui, title: &str, items: &mut Vec<String>, jump: Jump<'_>, field: &FieldPath) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong());
    let mut remove = None;
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .button("✕")
                .on_hover_text(format!("Remove point {} of “{title}”", i + 1))
                .clicked()
            {
                remove = Some(i);
            }
            let response = ui
                .add(
                    egui::TextEdit::multiline(item)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .on_hover_text(format!("{title}, point {}", i + 1));
            jump.apply(&field.clone().index(i), &response);
        });
    }
    if let Some(i) = remove {
        items.remove(i);
    }
    if ui.button(format!("+ Add to “{title}”")).clicked() {
        items.push(String::new());
    }
}

fn related_ui(ui: &mut Ui, roles: &mut Vec<RelatedRole>) {
    ui.add_space(6.0);
    ui.label(RichText::new("Where to look next").strong());
    let mut remove = None;
    for (i, role) in roles.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = ui.label("Role");
                ui.add(egui::TextEdit::singleline(&mut role.title).desired_width(320.0))
                    .labelled_by(label.id);
                let mut has_score = role.aijri.is_some();
                if ui.checkbox(&mut has_score, "AIJRI score").changed() {
                    role.aijri = has_score.then_some(50.0);
                }
                if let Some(score) = &mut role.aijri {
                    ui.add(
                        egui::DragValue::new(score)
                            .range(0.0..=100.0)
                            .speed(0.1)
                            .max_decimals(1),
                    )
                    .on_hover_text(format!("Published AIJRI score of {}", role.title));
                }
                if ui
                    .button("✕")
                    .on_hover_text(format!("Remove related role {}", i + 1))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            let label = ui.label("Why");
            ui.add(
                egui::TextEdit::multiline(&mut role.note)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
    }
    if let Some(i) = remove {
        roles.remove(i);
    }
    if ui.button("+ Add related role").clicked() {
        roles.push(RelatedRole::default());
    }
}
