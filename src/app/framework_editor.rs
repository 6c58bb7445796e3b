//! The framework editor: every weight, normalisation constant, threshold, the clamp, the
//! sub-label rules and the quick screen of the framework in use, bounded, with the name, range,
//! help and level texts of every part. The published framework is shown in the same layout,
//! read-only ("New variant of this framework" makes an editable copy). A change that makes a
//! valid framework re-scores every role at once; one that does not is shown with the field named
//! and is not applied. The editor cannot make a framework beyond the file's bounds: every number
//! is bounded, the texts are limited to the lengths a file may hold, and every draft passes the
//! file's own check before it is applied.

use std::path::Path;

use egui::{RichText, Ui};

use super::{Action, AppState};
use crate::fmt;
use crate::framework::{DEFAULT_FRAMEWORK_ID, Factor, Framework, MAX_NAME_CHARS, MAX_TEXT_CHARS};

/// What the editor keeps between frames: the draft being edited and why it cannot be applied.
#[derive(Debug, Default)]
pub struct FrameworkEditorView {
    /// The framework as edited, and the version it started from (when the framework changes
    /// elsewhere — reopened, switched — the draft starts again from it).
    draft: Option<(Framework, Framework)>,
    problem: Option<String>,
}

impl FrameworkEditorView {
    /// Draws the editor of the framework in use.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let current = framework_in_use(state);
        egui::ScrollArea::vertical()
            .id_salt("framework editor")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                ui.heading(format!("Framework: {} ({})", current.name, current.id));
                if current.id == DEFAULT_FRAMEWORK_ID {
                    published_ui(ui, current, actions);
                } else {
                    file_ui(ui, state, &current.id, actions);
                    self.variant_ui(ui, current, actions);
                }
            });
    }

    fn variant_ui(&mut self, ui: &mut Ui, current: &Framework, actions: &mut Vec<Action>) {
        if self.draft.as_ref().is_none_or(|(_, base)| base != current) {
            self.draft = Some((current.clone(), current.clone()));
            self.problem = None;
        }
        let Some((draft, base)) = &mut self.draft else {
            return;
        };
        ui.horizontal(|ui| {
            if ui
                .button("Save framework as…")
                .on_hover_text("Write this framework to a new file (*.aijri-framework.json)")
                .clicked()
            {
                actions.push(Action::SaveFrameworkAs(current.id.clone()));
            }
            if ui
                .button("New variant of this framework")
                .on_hover_text("An editable copy with an id of its own")
                .clicked()
            {
                actions.push(Action::NewFrameworkVariant);
            }
        });
        ui.label(RichText::new("Every change re-scores every role at once.").weak());
        edit_ui(ui, draft, false);
        if let Some(problem) = &self.problem {
            ui.label(
                RichText::new(format!("Not applied: {problem}"))
                    .color(ui.visuals().error_fg_color)
                    .strong(),
            );
        }
        if draft != base {
            match checked(draft) {
                Ok(valid) => {
                    self.problem = None;
                    *base = valid.clone();
                    actions.push(Action::EditFramework(Box::new(valid)));
                }
                Err(problem) => self.problem = Some(problem),
            }
        }
    }
}

/// The variant's file and unsaved marker, with Save, Undo and Redo.
fn file_ui(ui: &mut Ui, state: &AppState, id: &str, actions: &mut Vec<Action>) {
    let Some(doc) = state.framework_docs.get(id) else {
        return;
    };
    let work = super::unsaved::WorkId::Framework(id.to_owned());
    let (can_undo, can_redo) = state.can_undo_redo(&work);
    ui.horizontal(|ui| {
        let place = doc.file().map_or_else(
            || "Not saved in a file yet".to_owned(),
            |file| format!("Saved in {}", super::store::file_name(file)),
        );
        let marker = if doc.is_dirty() {
            " — unsaved changes"
        } else {
            ""
        };
        ui.label(RichText::new(format!("{place}{marker}")).weak());
        let save = if doc.file().is_some() {
            "Save framework"
        } else {
            "Save framework…"
        };
        if ui
            .add_enabled(
                doc.is_dirty() || doc.file().is_none(),
                egui::Button::new(save),
            )
            .on_hover_text("Write this framework to its file")
            .clicked()
        {
            actions.push(Action::SaveFramework(id.to_owned()));
        }
        if ui
            .add_enabled(can_undo, egui::Button::new("Undo"))
            .clicked()
        {
            actions.push(Action::Undo(work.clone()));
        }
        if ui
            .add_enabled(can_redo, egui::Button::new("Redo"))
            .clicked()
        {
            actions.push(Action::Redo(work));
        }
    });
}

/// The framework the editor shows: the one every role is viewed under, else the selected role's,
/// else the published one.
fn framework_in_use(state: &AppState) -> &Framework {
    if let Some(framework) = state
        .view_under
        .as_deref()
        .and_then(|id| state.frameworks.get(id))
    {
        return framework;
    }
    match state.selected_doc() {
        Some((_, doc)) => state.framework_for(doc.assessment()),
        None => Framework::published(),
    }
}

/// The published framework, read-only, in full (the variant editor's layout, every field
/// disabled), with the way to a variant.
fn published_ui(ui: &mut Ui, framework: &Framework, actions: &mut Vec<Action>) {
    ui.label("The published framework is read-only. Make a variant to change its weights, thresholds or texts.");
    if ui
        .button("New variant of this framework")
        .on_hover_text("An editable copy with an id of its own; every role is then viewed under it")
        .clicked()
    {
        actions.push(Action::NewFrameworkVariant);
    }
    ui.add_space(6.0);
    let mut shown = framework.clone();
    ui.add_enabled_ui(false, |ui| edit_ui(ui, &mut shown, true));
}

/// A framework as the file check sees it: valid, or the problem with the field named.
fn checked(draft: &Framework) -> Result<Framework, String> {
    Framework::parse(
        draft.to_json().as_bytes(),
        Path::new("the edited framework"),
    )
    .map_err(|e| e.to_string())
}

/// A labelled number, bounded.
fn number(ui: &mut Ui, label: &str, value: &mut f64, range: std::ops::RangeInclusive<f64>) {
    ui.label(label);
    let drag = egui::DragValue::new(value)
        .range(range)
        .speed(0.005)
        .custom_formatter(|v, _| fmt::weight(v));
    ui.add(drag).accessible_name(label);
    ui.end_row();
}

/// A labelled integer, bounded.
fn integer(ui: &mut Ui, label: &str, value: &mut i64, range: std::ops::RangeInclusive<i64>) {
    ui.label(label);
    ui.add(egui::DragValue::new(value).range(range))
        .accessible_name(label);
    ui.end_row();
}

/// One editable constant of a framework: its label, where it is, and its bounds.
enum Constant {
    /// A decimal.
    Number(
        &'static str,
        fn(&mut Framework) -> &mut f64,
        std::ops::RangeInclusive<f64>,
    ),
    /// An integer.
    Integer(
        &'static str,
        fn(&mut Framework) -> &mut i64,
        std::ops::RangeInclusive<i64>,
    ),
}

/// The constants the editor offers, in order.
const CONSTANTS: [Constant; 16] = [
    Constant::Number(
        "Evidence weight per point",
        |f| &mut f.modifiers.evidence_per_point,
        0.0..=0.5,
    ),
    Constant::Number(
        "Barrier weight per point",
        |f| &mut f.modifiers.barrier_per_point,
        0.0..=0.5,
    ),
    Constant::Number(
        "Growth weight per point",
        |f| &mut f.modifiers.growth_per_point,
        0.0..=0.5,
    ),
    Constant::Number(
        "Task resistance base",
        |f| &mut f.task_resistance_base,
        1.0..=20.0,
    ),
    Constant::Number(
        "Normalisation offset",
        |f| &mut f.normalisation.offset,
        -100.0..=100.0,
    ),
    Constant::Number(
        "Normalisation scale",
        |f| &mut f.normalisation.scale,
        0.01..=1000.0,
    ),
    Constant::Number("Green from score", |f| &mut f.zones.green_min, 0.0..=100.0),
    Constant::Number(
        "Yellow from score",
        |f| &mut f.zones.yellow_min,
        0.0..=100.0,
    ),
    Constant::Number("Clamp: lowest score", |f| &mut f.clamp.min, -100.0..=100.0),
    Constant::Number("Clamp: highest score", |f| &mut f.clamp.max, 0.0..=1000.0),
    Constant::Integer(
        "High automation from task score",
        |f| &mut f.sub_labels.high_automation_min_score,
        1..=5,
    ),
    Constant::Number(
        "Imminent from time share %",
        |f| &mut f.sub_labels.imminent_min_time_pct,
        0.0..=100.0,
    ),
    Constant::Integer(
        "Imminent up to growth",
        |f| &mut f.sub_labels.imminent_max_growth,
        -2..=2,
    ),
    Constant::Number(
        "Transforming from time share %",
        |f| &mut f.sub_labels.transforming_min_time_pct,
        0.0..=100.0,
    ),
    Constant::Integer(
        "Quick screen: protective total up to",
        |f| &mut f.quick_screen.max_protective_total,
        0..=9,
    ),
    Constant::Integer(
        "Quick screen: growth up to",
        |f| &mut f.quick_screen.max_growth,
        -2..=2,
    ),
];

/// Every constant and text of a framework, editable for a variant; `parts_open` shows every
/// part's name, range, help and level texts unfolded.
fn edit_ui(ui: &mut Ui, draft: &mut Framework, parts_open: bool) {
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(
            egui::TextEdit::singleline(&mut draft.name)
                .char_limit(MAX_NAME_CHARS)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    egui::Grid::new("framework constants")
        .num_columns(2)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for constant in CONSTANTS {
                match constant {
                    Constant::Number(label, field, range) => {
                        number(ui, label, field(draft), range);
                    }
                    Constant::Integer(label, field, range) => {
                        integer(ui, label, field(draft), range);
                    }
                }
            }
        });
    if ui
        .button("Derive the normalisation from the weights")
        .on_hover_text("Offset = the lowest possible raw, scale = the highest − the lowest, over the full ranges: scores then never need clamping")
        .clicked()
    {
        draft.normalisation = draft.derived_normalisation();
    }
    egui::CollapsingHeader::new("Every part: name, range, help and the meaning of each score")
        .id_salt("framework parts")
        .default_open(parts_open)
        .show(ui, |ui| {
            let parts = draft
                .principles
                .iter_mut()
                .chain(std::iter::once(&mut draft.growth))
                .chain(std::iter::once(&mut draft.task_score))
                .chain(draft.evidence.iter_mut())
                .chain(draft.barriers.iter_mut());
            for factor in parts {
                part_ui(ui, factor);
            }
        });
}

/// One part: its name, range, help and the meaning of each score.
fn part_ui(ui: &mut Ui, factor: &mut Factor) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(format!("Name of `{}`", factor.key));
        ui.add(
            egui::TextEdit::singleline(&mut factor.name)
                .char_limit(MAX_NAME_CHARS)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.label(format!(
        "Range of `{}`: {}",
        factor.key,
        factor.range_text()
    ));
    let label = ui.label(format!("Help of `{}`", factor.key));
    ui.add(
        egui::TextEdit::multiline(&mut factor.help)
            .char_limit(MAX_TEXT_CHARS)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let scores: Vec<String> = (factor.min..=factor.max)
        .take(factor.levels.len())
        .map(|score| factor.show_score(score))
        .collect();
    for (level, score) in factor.levels.iter_mut().zip(scores) {
        ui.horizontal(|ui| {
            let label = ui.label(format!("`{}` at {score}", factor.key));
            ui.add(egui::TextEdit::singleline(level).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        });
    }
}
