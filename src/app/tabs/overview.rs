//! Overview: the role definition, where the assessment came from, and the quick screen.

use egui::{RichText, Ui};

use super::TabContext;
use crate::app::widgets::{text_block, text_line};
use crate::model::{Assessment, FieldPath};
use crate::report::quick_screen_text;

/// Draws the Overview tab.
pub fn ui(ui: &mut Ui, a: &mut Assessment, cx: &TabContext<'_>) {
    let jump = cx.jump;
    ui.heading("Role definition");
    text_line(
        ui,
        "Job title",
        &mut a.role.title,
        jump,
        &FieldPath::new("role").key("title"),
    );
    text_line(
        ui,
        "Seniority level",
        &mut a.role.seniority,
        jump,
        &FieldPath::new("role").key("seniority"),
    );
    text_block(
        ui,
        "Primary function",
        &mut a.role.primary_function,
        jump,
        &FieldPath::new("role").key("primary_function"),
    );
    text_block(
        ui,
        "What this role is NOT",
        &mut a.role.not_this_role,
        jump,
        &FieldPath::new("role").key("not_this_role"),
    );
    text_block(
        ui,
        "Typical experience",
        &mut a.role.typical_experience,
        jump,
        &FieldPath::new("role").key("typical_experience"),
    );
    text_block(
        ui,
        "Seniority note",
        &mut a.role.seniority_note,
        jump,
        &FieldPath::new("role").key("seniority_note"),
    );
    ui.add_space(8.0);
    ui.heading("Quick screen");
    ui.label(RichText::new(quick_screen_text(cx.breakdown, cx.framework)).strong())
        .on_hover_text(format!(
            "{}: almost always Red; the full assessment decides.",
            crate::report::quick_screen_rule(cx.framework)
        ));
    text_block(
        ui,
        "Assessor's note on the quick screen",
        &mut a.quick_screen_note,
        jump,
        &FieldPath::new("quick_screen_note"),
    );
    ui.add_space(8.0);
    ui.heading("About this assessment");
    text_line(
        ui,
        "Id",
        &mut a.meta.id,
        jump,
        &FieldPath::new("meta").key("id"),
    );
    text_line(
        ui,
        "Source",
        &mut a.meta.source,
        jump,
        &FieldPath::new("meta").key("source"),
    );
    text_line(
        ui,
        "Assessed on",
        &mut a.meta.assessed_on,
        jump,
        &FieldPath::new("meta").key("assessed_on"),
    );
    text_line(
        ui,
        "Assessor",
        &mut a.meta.assessor,
        jump,
        &FieldPath::new("meta").key("assessor"),
    );
    tags_ui(ui, &mut a.meta.tags);
    ui.label(
        RichText::new(framework_line(
            &cx.framework.name,
            &cx.framework.id,
            &a.framework,
        ))
        .weak(),
    );
}

/// The framework the role is scored under, by name and id; and the one its file names when that
/// is another (a variant in use, or one not found or refused): never one framework's name beside
/// another's id.
fn framework_line(name: &str, id: &str, named: &str) -> String {
    if named == id {
        format!("Scored under the framework “{name}” ({id}).")
    } else {
        format!("Scored under the framework “{name}” ({id}); the file names {named}.")
    }
}

/// Tags as one comma-separated line.
fn tags_ui(ui: &mut Ui, tags: &mut Vec<String>) {
    let mut text = tags.join(", ");
    ui.horizontal(|ui| {
        let label = ui.label("Tags");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("comma-separated, used by search")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            *tags = text
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect();
        }
    });
}
