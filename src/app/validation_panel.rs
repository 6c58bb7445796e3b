//! The findings of the selected role; clicking one opens the tab of its field.

use egui::{RichText, Ui};

use super::{Action, AppState};
use crate::validate::Severity;

/// Draws the validation panel.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some((_, doc)) = state.selected_doc() else {
        return;
    };
    let findings = doc.findings();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    ui.add_space(2.0);
    let counts = crate::fmt::errors_and_warnings(errors, warnings);
    ui.label(RichText::new(format!("Findings: {counts}")).strong());
    if findings.is_empty() {
        ui.label("No findings: every part is present, in range and consistent.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for finding in findings {
                let (icon, colour) = match finding.severity {
                    Severity::Error => ("✖ error", ui.visuals().error_fg_color),
                    Severity::Warning => ("⚠ warning", ui.visuals().warn_fg_color),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(icon).color(colour).strong());
                    let text = format!("{} — {}", finding.field, finding.message);
                    if ui.link(text).on_hover_text("Show this field").clicked() {
                        actions.push(Action::GoToField(finding.field.clone()));
                    }
                });
            }
        });
}
