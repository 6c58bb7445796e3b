//! The What-if view of the selected role: the fewest one-step changes that move it into the next
//! zone up or down (each with "Apply", an ordinary undoable edit), and how far each single input
//! moved by one step moves the score, as a tornado chart and a ranked list ([`tornado`]).
//! The figures come from [`crate::sensitivity`], recomputed only when the assessment changes.

pub mod tornado;

use egui::{RichText, Ui};

use super::state::Entry;
use super::{Action, AijriApp};
use crate::framework::Framework;
use crate::model::Assessment;
use crate::scoring::displayed_score;
use crate::sensitivity::{self, Analysis, Change, Outcome, ZoneMove};

/// How many options of a zone move are listed; the rest are counted.
const LISTED_OPTIONS: usize = 6;

/// What the What-if view keeps between frames: the last analysis and what it was computed for.
#[derive(Debug, Default)]
pub struct WhatIfState {
    cache: Option<Cached>,
}

#[derive(Debug)]
struct Cached {
    assessment: Assessment,
    framework: Framework,
    analysis: Analysis,
}

impl WhatIfState {
    /// The analysis of an assessment, computed again only when it or the framework changed.
    pub fn analysis(&mut self, assessment: &Assessment, framework: &Framework) -> &Analysis {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.assessment == *assessment && c.framework == *framework);
        if !fresh {
            self.cache = None;
        }
        let cached = self.cache.get_or_insert_with(|| Cached {
            assessment: assessment.clone(),
            framework: framework.clone(),
            analysis: sensitivity::analyse(assessment, framework),
        });
        &cached.analysis
    }
}

impl AijriApp {
    /// Applies what-if changes to the selected role as one undoable edit.
    pub(in crate::app) fn apply_what_if(&mut self, changes: &[Change]) {
        let Some(index) = self.selected else { return };
        let framework = &self.framework;
        if let Some(doc) = self.library.entries.get_mut(index).and_then(Entry::doc_mut) {
            doc.edit(framework, |a| changes.iter().for_each(|c| c.apply(a)));
            self.library.invalidate();
        }
    }
}

/// Draws the What-if view.
pub fn ui(ui: &mut Ui, app: &mut AijriApp) {
    let mut actions = Vec::new();
    let AijriApp {
        library,
        selected,
        framework,
        whatif,
        ..
    } = app;
    let Some(doc) = (*selected)
        .and_then(|i| library.entries.get(i))
        .and_then(Entry::doc)
    else {
        ui.centered_and_justified(|ui| {
            ui.label("Select a role in the list to see what would change its score.")
        });
        return;
    };
    let analysis = whatif.analysis(&doc.assessment, framework);
    egui::ScrollArea::vertical()
        .id_salt("what-if")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            intro(ui, doc, analysis);
            ui.separator();
            zone_moves(ui, &doc.assessment, framework, analysis, &mut actions);
            ui.separator();
            tornado::ui(ui, &doc.assessment, framework, analysis, &mut actions);
        });
    for action in actions {
        app.emit(action);
    }
}

fn intro(ui: &mut Ui, doc: &super::state::Doc, analysis: &Analysis) {
    ui.label(
        RichText::new(format!("What-if: {}", doc.assessment.display_title()))
            .strong()
            .size(16.0),
    );
    ui.label(format!(
        "Computed score now {:.1} — {}. Each input below moves by one step within its range; nothing changes until you press Apply.",
        displayed_score(analysis.score),
        analysis.zone.name().to_uppercase()
    ));
    let result = doc.breakdown.final_result;
    if result.overridden {
        ui.label(RichText::new(format!(
            "⚑ An assessor override sets the final result ({:.1} {}); what-if works on the computed score.",
            displayed_score(result.score),
            result.zone.name().to_uppercase()
        ))
        .strong());
    }
    if doc.breakdown.provisional {
        ui.label(
            RichText::new(
                "⚠ Provisional: task time does not add up to 100%, so shares are scaled to 100%.",
            )
            .color(ui.visuals().warn_fg_color),
        );
    }
}

fn zone_moves(
    ui: &mut Ui,
    a: &Assessment,
    framework: &Framework,
    analysis: &Analysis,
    actions: &mut Vec<Action>,
) {
    ui.label(
        RichText::new("Smallest change into another zone")
            .strong()
            .size(15.0),
    );
    zone_move(ui, a, framework, analysis, &analysis.zone_up, "up", actions);
    ui.add_space(4.0);
    zone_move(
        ui,
        a,
        framework,
        analysis,
        &analysis.zone_down,
        "down",
        actions,
    );
}

fn zone_move(
    ui: &mut Ui,
    a: &Assessment,
    framework: &Framework,
    analysis: &Analysis,
    zone_move: &ZoneMove,
    direction: &str,
    actions: &mut Vec<Action>,
) {
    let Some(target) = zone_move.target else {
        let edge = if direction == "up" {
            "highest"
        } else {
            "lowest"
        };
        ui.label(format!(
            "{} is the {edge} zone: there is no next zone {direction}.",
            analysis.zone.name()
        ));
        return;
    };
    let target_name = target.name().to_uppercase();
    let Some(first) = zone_move.options.first() else {
        ui.label(format!("No change of one or two inputs by one step reaches {target_name} (next zone {direction})."));
        return;
    };
    let steps = if first.steps() == 1 {
        "one step"
    } else {
        "two steps"
    };
    ui.label(
        RichText::new(format!(
            "Into {target_name} (next zone {direction}) — {steps}:"
        ))
        .strong(),
    );
    egui::Grid::new(("zone move", direction))
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for option in zone_move.options.iter().take(LISTED_OPTIONS) {
                option_row(ui, a, framework, analysis, option, &target_name, actions);
            }
        });
    let more = zone_move.options.len().saturating_sub(LISTED_OPTIONS);
    if more > 0 {
        ui.label(
            RichText::new(format!(
                "… and {more} more options of {steps} reach {target_name}."
            ))
            .weak(),
        );
    }
}

fn option_row(
    ui: &mut Ui,
    a: &Assessment,
    framework: &Framework,
    analysis: &Analysis,
    option: &Outcome,
    target: &str,
    actions: &mut Vec<Action>,
) {
    let changes: Vec<String> = option
        .changes
        .iter()
        .map(|c| c.describe(a, framework))
        .collect();
    let changes = changes.join(" + ");
    ui.label(&changes);
    ui.label(
        RichText::new(outcome_text(option, analysis.score))
            .monospace()
            .strong(),
    );
    let label = format!("Apply (reach {target}): {changes}");
    let button = ui
        .button("Apply")
        .on_hover_text("Make this change to the role (Ctrl+Z undoes it)");
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if button.clicked() {
        actions.push(Action::ApplyWhatIf(option.changes.clone()));
    }
    ui.end_row();
}

/// "→ 26.0 YELLOW (+1.5)": the score and zone after a change, and the change as displayed.
#[must_use]
pub fn outcome_text(outcome: &Outcome, base_score: f64) -> String {
    let delta = format!("{:+.1}", outcome.shown_delta(base_score)).replace('-', "−");
    format!(
        "→ {:.1} {} ({delta})",
        displayed_score(outcome.score),
        outcome.zone.name().to_uppercase()
    )
}
