//! Save as variant with a record: the variant names its source (`meta.derived_from`) and lists
//! every input it changed (`adjustments`); before it is written, the adviser is asked why each
//! change was made — one field per change, empty at first, which may be left empty but is then
//! marked (and the validation panel keeps reminding).

use std::path::PathBuf;

use egui::{Context, RichText};

use super::store::DocId;
use super::widgets::reason_field;
use super::{Action, AppState};
use crate::adjust::{self, InputPath};
use crate::model::Assessment;

/// A variant ready to be written once its reasons are given.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingVariant {
    /// The document the variant is made from (it goes back to its saved version).
    pub doc: DocId,
    /// Where the variant is written.
    pub path: PathBuf,
    /// The variant, its adjustments recorded; reasons are filled in from the dialog.
    pub variant: Assessment,
    /// What the file should hold before the variant is written there.
    pub expect: crate::library::Expect,
}

/// One change the dialog asks about.
#[derive(Debug, Clone)]
struct ReasonRow {
    path: InputPath,
    name: String,
    change: String,
    reason: String,
}

/// The dialog asking for the reasons of a variant's changes.
#[derive(Debug, Default)]
pub struct ReasonsDialog {
    open: Option<(PendingVariant, Vec<ReasonRow>)>,
}

impl ReasonsDialog {
    /// Asks for the reasons of the changes of `pending` that have none yet.
    pub fn ask(&mut self, pending: PendingVariant, state: &AppState) {
        let framework = state.framework_for(&pending.variant);
        let rows = pending
            .variant
            .adjustments
            .iter()
            .filter(|entry| entry.reason.trim().is_empty())
            .filter_map(|entry| {
                let path: InputPath = entry.field.parse().ok()?;
                Some(ReasonRow {
                    path,
                    name: path.name(&pending.variant, framework),
                    change: adjust::text::values_text(entry, framework),
                    reason: String::new(),
                })
            })
            .collect();
        self.open = Some((pending, rows));
    }

    /// Whether the dialog is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Draws the dialog while it is open; "Save variant" hands the variant with its reasons on.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        let Some((pending, rows)) = &mut self.open else {
            return;
        };
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("variant reasons")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Why these changes?");
            ui.label(format!(
                "The variant {} changes these inputs of {}. Say why for each: the reasons are \
                 saved in the file and shown on the Score tab and in the client report.",
                super::store::file_name(&pending.path),
                source_title(&pending.variant),
            ));
            ui.add_space(6.0);
            reasons_grid(ui, rows);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Save variant").strong()).clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() {
            answer = Some(false);
        }
        match answer {
            Some(true) => {
                if let Some((mut pending, rows)) = self.open.take() {
                    for row in rows {
                        adjust::set_reason(&mut pending.variant, row.path, row.reason.trim());
                    }
                    actions.push(Action::SaveVariantWithReasons(Box::new(pending)));
                }
            }
            Some(false) => self.open = None,
            None => {}
        }
    }
}

/// One row per change: the input, source → variant, the reason field, and a mark while empty.
fn reasons_grid(ui: &mut egui::Ui, rows: &mut [ReasonRow]) {
    egui::Grid::new("variant reasons grid")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Input").strong());
            ui.label(RichText::new("Source → variant").strong());
            ui.label(RichText::new("Reason").strong());
            ui.end_row();
            for row in rows {
                let name = ui.label(&row.name);
                ui.label(RichText::new(&row.change).monospace());
                reason_field(ui, name.id, &mut row.reason);
                ui.end_row();
            }
        });
}

/// The source's title as the variant records it.
fn source_title(variant: &Assessment) -> String {
    variant
        .meta
        .derived_from
        .as_ref()
        .map_or_else(|| "its source".to_owned(), |d| format!("“{}”", d.title))
}
