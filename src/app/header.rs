//! The header strip: the live score, zone and sub-label of the selected role, with markers for
//! provisional, overridden and unsaved results, and the notices.

use egui::{RichText, Ui};

use super::widgets::zone_chip;
use super::{Action, AppState};
use crate::scoring::{displayed_score, format_pct};

/// Draws the header strip.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    match state.selected_doc().map(|(_, doc)| doc) {
        None => {
            ui.label("No role selected: pick one in the list, or create one with File → New assessment (Ctrl+N).");
        }
        Some(doc) => {
            let b = doc.breakdown();
            let title = doc.assessment().display_title();
            let final_result = b.final_result;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title).heading().strong());
                ui.separator();
                let score = format!("{:.1}", displayed_score(final_result.score));
                let response = ui.label(RichText::new(&score).size(24.0).strong());
                // Screen readers (and tests) read the header figures with what they are.
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Current score {score}")));
                response.on_hover_text("AIJRI score (0–100), recomputed on every edit");
                let sub_label = if final_result.overridden { None } else { b.sub_label };
                let zone = final_result.zone.name().to_uppercase();
                zone_chip(ui, final_result.zone, sub_label)
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Current zone {zone}")));
                if !final_result.overridden {
                    ui.label(b.sub_label_text()).on_hover_text(b.conditions_text());
                }
                if final_result.overridden {
                    ui.label(RichText::new(format!("⚑ Override (computed {:.1} {})", b.displayed(), b.zone.name())).strong())
                        .on_hover_text("The assessor overrode the computed result: see the Score tab for the reason");
                }
                if b.provisional {
                    ui.label(
                        RichText::new(format!("⚠ Provisional: task time is {}, not 100%", format_pct(b.time_total)))
                            .color(ui.visuals().error_fg_color)
                            .strong(),
                    );
                }
                if doc.is_dirty() {
                    ui.label(RichText::new("● unsaved").italics()).on_hover_text("Save with Ctrl+S");
                }
            });
        }
    }
    super::questions::notices_ui(ui, state, actions);
    ui.add_space(2.0);
}
