//! "Compare with source": when the comparison holds an adjusted variant and its source, every
//! input that differs — both values, the reason the variant records, and what the change alone
//! does to the source's score — with the score, zone and sub-label of both (as `aijri-desk diff`).

use egui::{RichText, Ui};

use super::Compared;
use crate::adjust::{self, RoleDiff};
use crate::app::AppState;

/// The source and the variant among the compared roles, when the set is exactly such a pair.
#[must_use]
pub fn pair<'a>(set: &'a [Compared<'a>]) -> Option<(&'a Compared<'a>, &'a Compared<'a>)> {
    let [a, b] = set else { return None };
    let derives = |variant: &Compared<'_>, source: &Compared<'_>| {
        variant
            .doc
            .assessment()
            .meta
            .derived_from
            .as_ref()
            .is_some_and(|d| d.id == source.doc.assessment().meta.id)
    };
    if derives(b, a) {
        Some((a, b))
    } else if derives(a, b) {
        Some((b, a))
    } else {
        None
    }
}

/// Draws the differences between the source and the variant.
pub fn ui(ui: &mut Ui, state: &AppState, source: &Compared<'_>, variant: &Compared<'_>) {
    let (a, b) = (source.doc.assessment(), variant.doc.assessment());
    let (framework_a, framework_b) = (state.framework_for(a), state.framework_for(b));
    let diff = adjust::diff(a, framework_a, b, framework_b);
    ui.label(RichText::new(format!("{} → {}", source.label(), variant.label())).strong());
    for line in adjust::text::outcome_lines(&diff.a, &diff.b) {
        ui.label(RichText::new(line).monospace());
    }
    if diff.differences.is_empty() {
        ui.label("No differences: every input is the same.");
        return;
    }
    differences_grid(ui, &diff, a, framework_a);
}

fn differences_grid(
    ui: &mut Ui,
    diff: &RoleDiff,
    source: &crate::model::Assessment,
    framework: &crate::framework::Framework,
) {
    egui::Grid::new("source differences")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for header in ["Input", "Source → variant", "This change alone", "Reason"] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for entry in &diff.differences {
                ui.label(entry.path.name(source, framework));
                let change = format!(
                    "{} → {}",
                    entry.from.show(entry.path, framework),
                    entry.to.show(entry.path, framework)
                );
                ui.label(RichText::new(change).monospace());
                let effect = adjust::text::diff_effect_text(entry, &diff.a);
                ui.label(RichText::new(effect).monospace());
                let reason = match entry.reason.as_deref().map(str::trim) {
                    Some("") => {
                        RichText::new("⚠ no reason given").color(ui.visuals().warn_fg_color)
                    }
                    Some(reason) => RichText::new(reason),
                    None => RichText::new("(not recorded)").weak(),
                };
                ui.label(reason);
                ui.end_row();
            }
        });
}
