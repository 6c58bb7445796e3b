//! The findings of the selected role; clicking one opens the tab of its field.

use egui::{RichText, Ui};

use super::{Action, AijriApp};
use crate::validate::Severity;

/// Draws the validation panel.
pub fn ui(ui: &mut Ui, app: &mut AijriApp) {
    let Some(doc) = app.selected_doc() else {
        return;
    };
    let errors = doc
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = doc.findings.len() - errors;
    ui.add_space(2.0);
    ui.label(RichText::new(format!("Findings: {errors} errors, {warnings} warnings")).strong());
    if doc.findings.is_empty() {
        ui.label("No findings: every part is present, in range and consistent.");
        return;
    }
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for finding in &doc.findings {
                let (icon, colour) = match finding.severity {
                    Severity::Error => ("✖ error", ui.visuals().error_fg_color),
                    Severity::Warning => ("⚠ warning", ui.visuals().warn_fg_color),
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(icon).color(colour).strong());
                    let text = format!("{} — {}", finding.field, finding.message);
                    if ui.link(text).on_hover_text("Show this field").clicked() {
                        clicked = Some(finding.field.clone());
                    }
                });
            }
        });
    if let Some(field) = clicked {
        app.emit(Action::GoToField(field));
    }
}
