//! The What-if view of the selected role: the fewest one-step changes that move it into the next
//! zone up or down (each with "Apply", an ordinary undoable edit), and how far each single input
//! moved by one step moves the score, as a tornado chart and a ranked list ([`tornado`]).
//! The figures come from [`crate::sensitivity`], recomputed only when the assessment changes.

pub mod tornado;

use egui::{RichText, Ui};

use super::store::{DocId, Document, Edit};
use super::{Action, AppState};
use crate::fmt;
use crate::framework::Framework;
use crate::model::Assessment;
use crate::model::Zone;
use crate::sensitivity::{self, Analysis, Change, Outcome, ZoneMove};

/// How many options of a zone move are listed; the rest are counted.
const LISTED_OPTIONS: usize = 6;

/// What the What-if view keeps between frames: the last analysis and what it was computed for.
#[derive(Debug, Default)]
pub struct WhatIfView {
    cache: Option<Cached>,
}

#[derive(Debug)]
struct Cached {
    assessment: Assessment,
    framework: Framework,
    analysis: Analysis,
}

impl WhatIfView {
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

/// What the parts of the view read: the role and its analysis.
#[derive(Clone, Copy)]
pub struct Subject<'a> {
    /// The role's document.
    pub id: DocId,
    /// Its computed score now (unrounded).
    pub score: f64,
    /// Its computed zone now.
    pub zone: Zone,
    /// The role's assessment.
    pub assessment: &'a Assessment,
    /// The framework it is scored under.
    pub framework: &'a Framework,
    /// Its what-if analysis.
    pub analysis: &'a Analysis,
}

impl Subject<'_> {
    /// "Evidence: Wage Trends −1 → 0", several joined by " + ".
    fn describe(&self, changes: &[Change]) -> String {
        let parts: Vec<String> = changes
            .iter()
            .map(|c| c.describe(self.assessment, self.framework))
            .collect();
        parts.join(" + ")
    }
}

impl WhatIfView {
    /// Draws the What-if view of the selected role.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let Some((id, doc)) = state.selected_doc() else {
            ui.centered_and_justified(|ui| {
                ui.label("Select a role in the list to see what would change its score.")
            });
            return;
        };
        let framework = state.framework_for(doc.assessment());
        let analysis = self.analysis(doc.assessment(), framework);
        let (Some(score), Some(zone)) = (analysis.score, analysis.zone) else {
            ui.centered_and_justified(|ui| {
                ui.label(format!(
                    "What-if needs a score — {}. The findings below say what to fill in.",
                    doc.breakdown().no_score_text()
                ))
            });
            return;
        };
        let subject = Subject {
            id,
            score,
            zone,
            assessment: doc.assessment(),
            framework,
            analysis,
        };
        egui::ScrollArea::vertical()
            .id_salt("what-if")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                intro(ui, doc, subject);
                ui.separator();
                ui.label(
                    RichText::new("Smallest change into another zone")
                        .strong()
                        .size(15.0),
                );
                zone_move(ui, subject, &analysis.zone_up, "up", actions);
                ui.add_space(4.0);
                zone_move(ui, subject, &analysis.zone_down, "down", actions);
                ui.separator();
                tornado::ui(ui, subject, actions);
            });
    }
}

fn intro(ui: &mut Ui, doc: &Document, subject: Subject<'_>) {
    ui.label(
        RichText::new(format!("What-if: {}", doc.assessment().display_title()))
            .strong()
            .size(16.0),
    );
    ui.label(format!(
        "Computed score now {} — {}. Each input below moves by one step within its range; nothing changes until you press Apply.",
        fmt::score(subject.score),
        subject.zone.name().to_uppercase()
    ));
    if let Some(result) = doc.breakdown().final_result().filter(|r| r.overridden) {
        ui.label(
            RichText::new(format!(
                "⚑ An assessor override sets the final result ({} {}); what-if works on the computed score.",
                fmt::score(result.score),
                result.zone.name().to_uppercase()
            ))
            .strong(),
        );
    }
    if doc.breakdown().provisional {
        ui.label(
            RichText::new(
                "⚠ Provisional: task time does not add up to 100%, so shares are scaled to 100%.",
            )
            .color(ui.visuals().warn_fg_color),
        );
    }
}

/// The options into the next zone up or down: the first few, the rest under a collapsed header.
fn zone_move(
    ui: &mut Ui,
    subject: Subject<'_>,
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
            subject.zone.name()
        ));
        return;
    };
    let target = target.name().to_uppercase();
    let Some(first) = zone_move.options.first() else {
        ui.label(format!(
            "No change of one or two inputs by one step reaches {target} (next zone {direction})."
        ));
        return;
    };
    let steps = if first.steps() == 1 {
        "one step"
    } else {
        "two steps"
    };
    let heading =
        format!("Into {target} (next zone {direction}) — {steps}, smallest change first:");
    ui.label(RichText::new(heading).strong());
    let (shown, rest) = zone_move
        .options
        .split_at(zone_move.options.len().min(LISTED_OPTIONS));
    options_grid(ui, subject, shown, &target, (direction, 0), actions);
    if !rest.is_empty() {
        let more = format!(
            "{} of {steps} into {target}",
            crate::fmt::count(rest.len(), "more change", "more changes")
        );
        egui::CollapsingHeader::new(more)
            .id_salt(("more options", direction))
            .show(ui, |ui| {
                options_grid(ui, subject, rest, &target, (direction, 1), actions);
            });
    }
}

fn options_grid(
    ui: &mut Ui,
    subject: Subject<'_>,
    options: &[Outcome],
    target: &str,
    id: (&str, u8),
    actions: &mut Vec<Action>,
) {
    egui::Grid::new(("zone move", id))
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for option in options {
                let changes = subject.describe(&option.changes);
                ui.label(&changes);
                ui.label(
                    RichText::new(outcome_text(option, subject.score))
                        .monospace()
                        .strong(),
                );
                let label = format!("Apply (reach {target}): {changes}");
                let button = ui
                    .button("Apply")
                    .on_hover_text("Make this change to the role (Ctrl+Z undoes it)");
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if button.clicked() {
                    actions.push(Action::Edit(
                        subject.id,
                        Edit::WhatIf(option.changes.clone()),
                    ));
                }
                ui.end_row();
            }
        });
}

/// "→ 26.0 YELLOW (+1.5)": the score and zone after a change, and the change as displayed.
#[must_use]
pub fn outcome_text(outcome: &Outcome, base_score: f64) -> String {
    format!(
        "→ {} {} ({})",
        fmt::score(outcome.score),
        outcome.zone.name().to_uppercase(),
        outcome.shown_delta_text(base_score)
    )
}
