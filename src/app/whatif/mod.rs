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
                    RichText::new("What it would take: the fewest changes into another zone")
                        .strong()
                        .size(15.0),
                );
                ui.label(
                    RichText::new(
                        "A change moves one input by one step. Within evidence, and within \
                         barriers, every point weighs the same: the dimension named stands for \
                         any other with room to move; tasks weigh by their share of the time.",
                    )
                    .weak()
                    .small(),
                );
                zone_move(ui, subject, &analysis.zone_up, Toward::Up, actions);
                ui.add_space(4.0);
                zone_move(ui, subject, &analysis.zone_down, Toward::Down, actions);
                if analysis.to_green.target.is_some() {
                    ui.add_space(4.0);
                    zone_move(ui, subject, &analysis.to_green, Toward::Green, actions);
                }
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

/// Which move a list of options is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toward {
    /// The next zone up.
    Up,
    /// The next zone down.
    Down,
    /// Green, from Red.
    Green,
}

impl Toward {
    /// How the move is named after its target: "next zone up", "from RED".
    fn words(self) -> &'static str {
        match self {
            Self::Up => "next zone up",
            Self::Down => "next zone down",
            Self::Green => "from RED",
        }
    }
}

/// "one step", "4 steps".
fn steps_text(steps: usize) -> String {
    if steps == 1 {
        "one step".to_owned()
    } else {
        crate::fmt::count(steps, "step", "steps")
    }
}

/// The fewest changes into a target zone, with the cheapest sets: the first few, the rest under
/// a collapsed header; or why there is none.
fn zone_move(
    ui: &mut Ui,
    subject: Subject<'_>,
    zone_move: &ZoneMove,
    toward: Toward,
    actions: &mut Vec<Action>,
) {
    let Some(target) = zone_move.target else {
        let (edge, direction) = match toward {
            Toward::Down => ("lowest", "down"),
            Toward::Up | Toward::Green => ("highest", "up"),
        };
        ui.label(format!(
            "{} is the {edge} zone: there is no next zone {direction}.",
            subject.zone.name()
        ));
        return;
    };
    let target = target.name().to_uppercase();
    let words = toward.words();
    let (Some(steps), Some(_)) = (zone_move.steps, zone_move.options.first()) else {
        ui.label(format!(
            "No set of changes reaches {target} ({words}): every input that could move the score that way is at its end."
        ));
        return;
    };
    let needs = match steps {
        1 => "one step is enough".to_owned(),
        n => format!(
            "needs at least {}",
            crate::fmt::count(n, "one-step change", "one-step changes")
        ),
    };
    let heading = format!("Into {target} ({words}) — {needs}, for example (smallest move first):");
    ui.label(RichText::new(heading).strong());
    let (shown, rest) = zone_move
        .options
        .split_at(zone_move.options.len().min(LISTED_OPTIONS));
    let id = words;
    options_grid(ui, subject, shown, &target, (id, 0), actions);
    if !rest.is_empty() {
        let more = format!(
            "{} of {} into {target}",
            crate::fmt::count(rest.len(), "more change", "more changes"),
            steps_text(steps)
        );
        egui::CollapsingHeader::new(more)
            .id_salt(("more options", id))
            .show(ui, |ui| {
                options_grid(ui, subject, rest, &target, (id, 1), actions);
            });
    }
}

/// The options of a move: one change each in a table (change, outcome, Apply); sets of several
/// changes each as its outcome and Apply, the changes wrapped below.
fn options_grid(
    ui: &mut Ui,
    subject: Subject<'_>,
    options: &[Outcome],
    target: &str,
    id: (&str, u8),
    actions: &mut Vec<Action>,
) {
    if options.iter().all(|o| o.changes.len() == 1) {
        egui::Grid::new(("zone move", id))
            .num_columns(3)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for option in options {
                    ui.label(subject.describe(&option.changes));
                    outcome_and_apply(ui, subject, option, target, actions);
                    ui.end_row();
                }
            });
        return;
    }
    for option in options {
        ui.horizontal(|ui| outcome_and_apply(ui, subject, option, target, actions));
        ui.indent(("changes", id, option.score.to_bits()), |ui| {
            ui.add(egui::Label::new(subject.describe(&option.changes)).wrap());
        });
    }
}

/// An option's outcome and its Apply button, named after its changes for screen readers.
fn outcome_and_apply(
    ui: &mut Ui,
    subject: Subject<'_>,
    option: &Outcome,
    target: &str,
    actions: &mut Vec<Action>,
) {
    ui.label(
        RichText::new(outcome_text(option, subject.score))
            .monospace()
            .strong(),
    );
    let label = format!(
        "Apply (reach {target}): {}",
        subject.describe(&option.changes)
    );
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
