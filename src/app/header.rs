//! The header strip: the live score, zone and sub-label of the selected role, with markers for
//! provisional, overridden and unsaved results, and the notices.

use egui::{RichText, Ui};

use super::store::{DocId, Document};
use super::widgets::zone_chip;
use super::{Action, AppState};
use crate::fmt;
use crate::scoring::{Breakdown, Composite};

/// Draws the header strip.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    match state.selected_doc() {
        None => {
            ui.label("No role selected: pick one in the list, or create one with File → New assessment (Ctrl+N).");
        }
        Some((id, doc)) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(doc.assessment().display_title())
                        .heading()
                        .strong(),
                );
                ui.separator();
                let b = doc.breakdown();
                match &b.composite {
                    Some(composite) => {
                        let clamp = state.framework_for(doc.assessment()).clamp;
                        result_ui(ui, composite, clamp);
                    }
                    None => no_score_ui(ui, b),
                }
                markers_ui(ui, doc);
                source_ui(ui, id, doc, actions);
            });
        }
    }
    super::notices::ui(ui, state, actions);
    ui.add_space(2.0);
}

/// The final score, zone and sub-label; an override beside the computed result.
fn result_ui(ui: &mut Ui, composite: &Composite, clamp: crate::framework::Clamp) {
    let final_result = composite.final_result;
    let score = fmt::score(final_result.score);
    let response = ui.label(RichText::new(&score).size(24.0).strong());
    // Screen readers (and tests) read the header figures with what they are.
    let name = format!("Current score {score}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    response.on_hover_text(format!(
        "AIJRI score ({}–{}), recomputed on every edit",
        fmt::weight(clamp.min),
        fmt::weight(clamp.max)
    ));
    let zone = final_result.zone;
    let sub_label = (!final_result.overridden)
        .then_some(composite.sub_label)
        .flatten();
    let name = format!("Current zone {}", zone.name().to_uppercase());
    zone_chip(ui, zone, sub_label)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    if final_result.overridden {
        let computed = format!(
            "⚑ Override (computed {} {})",
            fmt::score(composite.score),
            composite.zone.name()
        );
        ui.label(RichText::new(computed).strong()).on_hover_text(
            "The assessor overrode the computed result: see the Score tab for the reason",
        );
    } else {
        ui.label(composite.sub_label_text())
            .on_hover_text(composite.conditions_text());
    }
}

/// What stands where the score would: no score, and why.
fn no_score_ui(ui: &mut Ui, b: &Breakdown) {
    let text = b.no_score_text();
    let response = ui.label(
        RichText::new(&text)
            .size(18.0)
            .strong()
            .color(ui.visuals().error_fg_color),
    );
    let name = format!("Current score: {text}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    response.on_hover_text("The findings below say what to fill in");
}

/// For an adjusted variant: what it derives from, and the way to compare the two; for a
/// publisher's record changed in place, how many inputs it changed.
fn source_ui(ui: &mut Ui, id: DocId, doc: &Document, actions: &mut Vec<Action>) {
    let adjustments = &doc.assessment().adjustments;
    let Some(source) = &doc.assessment().meta.derived_from else {
        if !adjustments.is_empty() {
            ui.separator();
            ui.label(format!(
                "✎ adjusted: {} from its source's record",
                adjustments.len()
            ))
            .on_hover_text("The Score tab lists each adjustment with its reason and its effect");
        }
        return;
    };
    ui.separator();
    ui.label(format!(
        "✎ adjusted: {} from “{}”",
        doc.assessment().adjustments.len(),
        source.title
    ))
    .on_hover_text("The Score tab lists each adjustment with its reason and its effect");
    if ui
        .button("Compare with source")
        .on_hover_text("The source and this variant side by side, with every input that differs")
        .clicked()
    {
        actions.push(Action::CompareWithSource(id));
    }
}

fn markers_ui(ui: &mut Ui, doc: &Document) {
    let b = doc.breakdown();
    if b.provisional && b.task_total.is_some() {
        ui.label(
            RichText::new(format!(
                "⚠ Provisional: task time is {}, not 100%",
                fmt::pct(b.time_total)
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    }
    if doc.is_dirty() {
        ui.label(RichText::new("● unsaved").italics())
            .on_hover_text("Save with Ctrl+S");
    }
}
