//! Why each change was made: before a variant is written (Save as variant), and before an
//! assessment that keeps a publisher's record is saved in place, the adviser is asked once for
//! the reason of each new adjustment — one field per change, empty at first, which may be left
//! empty but is then marked ("no reason given", and the validation panel keeps reminding).

use std::path::PathBuf;

use egui::{Context, RichText};

use super::store::{DocId, Document, Edit};
use super::widgets::reason_field;
use super::{Action, AijriApp, AppState};
use crate::adjust::{self, InputPath};
use crate::model::{Adjustment, Assessment};

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

/// What the reasons are asked for.
#[derive(Debug, Clone)]
enum Purpose {
    /// A variant about to be written.
    Variant(Box<PendingVariant>),
    /// A document about to be saved in place.
    Save {
        /// The document.
        doc: DocId,
        /// Its file's name, for the question.
        file: String,
    },
}

/// One change the dialog asks about.
#[derive(Debug, Clone)]
struct ReasonRow {
    entry: Adjustment,
    path: InputPath,
    name: String,
    change: String,
    reason: String,
}

/// The dialog asking for the reasons of an assessment's new adjustments.
#[derive(Debug, Default)]
pub struct ReasonsDialog {
    open: Option<(Purpose, Vec<ReasonRow>)>,
    /// The adjustments already asked about before a save (answered, even with no reason), by
    /// document: a save that did not go through (a question about the file, a failure) does not
    /// ask about them again.
    answered: Vec<(DocId, Adjustment)>,
    /// Keyboard focus goes to the first reason on the next frame (the dialog just opened), so
    /// a reason can be typed at once and Tab leads on to Save.
    focus_first: bool,
}

impl ReasonsDialog {
    /// Asks for the reasons of the changes of `pending` that have none yet.
    pub fn ask(&mut self, pending: PendingVariant, state: &AppState) {
        let rows = rows(&pending.variant, pending.variant.adjustments.iter(), state);
        self.open = Some((Purpose::Variant(Box::new(pending)), rows));
        self.focus_first = true;
    }

    /// Asks for the reasons of the adjustments `doc` made since it was saved that give none;
    /// whether there are any (when not, nothing is asked).
    fn ask_before_saving(&mut self, doc: DocId, file: String, state: &AppState) -> bool {
        let Some(document) = state.store.doc(doc) else {
            return false;
        };
        let answered = |entry: &Adjustment| {
            self.answered
                .iter()
                .any(|(id, asked)| *id == doc && same_change(asked, entry))
        };
        let entries = unasked(document).filter(|entry| !answered(entry));
        let rows = rows(document.assessment(), entries, state);
        if rows.is_empty() {
            return false;
        }
        self.open = Some((Purpose::Save { doc, file }, rows));
        self.focus_first = true;
        true
    }

    /// Whether the dialog is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Draws the dialog while it is open; its Save hands the reasons on and the save proceeds.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        let Some((purpose, rows)) = &mut self.open else {
            return;
        };
        let mut answer = None;
        let focus_first = std::mem::take(&mut self.focus_first);
        let modal = egui::Modal::new(egui::Id::unique("adjustment reasons")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Why these changes?");
            ui.label(question(purpose));
            ui.add_space(6.0);
            if reasons_grid(ui, rows, focus_first) {
                answer = Some(true);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let save = match purpose {
                    Purpose::Variant(_) => "Save variant",
                    Purpose::Save { .. } => "Save",
                };
                if ui.button(RichText::new(save).strong()).clicked() {
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
                if let Some((purpose, rows)) = self.open.take() {
                    if let Purpose::Save { doc, .. } = &purpose {
                        self.remember_answered(*doc, &rows);
                    }
                    actions.extend(answered(purpose, rows));
                }
            }
            Some(false) => self.open = None,
            None => {}
        }
    }
}

impl ReasonsDialog {
    /// Notes the changes just asked about, so the save that follows, or the next one, does not
    /// ask about them again.
    fn remember_answered(&mut self, doc: DocId, rows: &[ReasonRow]) {
        self.answered
            .extend(rows.iter().map(|row| (doc, row.entry.clone())));
    }
}

/// Whether two adjustments record the same change (whatever their reasons).
fn same_change(a: &Adjustment, b: &Adjustment) -> bool {
    (&a.field, &a.task, &a.from, &a.to) == (&b.field, &b.task, &b.from, &b.to)
}

/// What the dialog says it asks for.
fn question(purpose: &Purpose) -> String {
    match purpose {
        Purpose::Variant(pending) => format!(
            "The variant {} changes these inputs of {}. Say why for each: the reasons are \
             saved in the file and shown on the Score tab and in the client report.",
            super::store::file_name(&pending.path),
            source_title(&pending.variant),
        ),
        Purpose::Save { file, .. } => format!(
            "{file} keeps its publisher's record: these inputs now differ from it and are saved \
             as adjustments. Say why for each: the reasons are shown on the Score tab and in \
             the reports."
        ),
    }
}

/// The actions that carry the answer out: the variant written with its reasons, or the reasons
/// set through the one edit door and the document saved.
fn answered(purpose: Purpose, rows: Vec<ReasonRow>) -> Vec<Action> {
    let reasons = rows
        .into_iter()
        .map(|row| (row.path, row.reason.trim().to_owned()));
    match purpose {
        Purpose::Variant(mut pending) => {
            for (path, reason) in reasons {
                adjust::set_reason(&mut pending.variant, path, &reason);
            }
            vec![Action::SaveVariantWithReasons(pending)]
        }
        Purpose::Save { doc, .. } => vec![
            Action::Edit(doc, Edit::Reasons(reasons.collect())),
            Action::SaveAfterReasons(doc),
        ],
    }
}

/// The rows of the entries of `recorded` that give no reason yet.
fn rows<'a>(
    recorded: &Assessment,
    entries: impl Iterator<Item = &'a Adjustment>,
    state: &AppState,
) -> Vec<ReasonRow> {
    let framework = state.framework_for(recorded);
    entries
        .filter(|entry| entry.reason.trim().is_empty())
        .filter_map(|entry| {
            Some(ReasonRow {
                entry: entry.clone(),
                path: entry.field.parse().ok()?,
                name: adjust::text::entry_name(entry, recorded, framework),
                change: adjust::text::values_text(entry, framework),
                reason: String::new(),
            })
        })
        .collect()
}

/// The adjustments a document made since it was saved (new, or changed since): each is asked
/// about once, at the save that first writes it.
fn unasked(doc: &Document) -> impl Iterator<Item = &Adjustment> {
    let saved = &doc.saved_version().adjustments;
    doc.assessment()
        .adjustments
        .iter()
        .filter(move |entry| !saved.contains(entry))
}

/// One row per change: the input, source → now, the reason field, and a mark while empty.
/// Whether Enter was pressed in a reason field: that presses Save, as in a form.
fn reasons_grid(ui: &mut egui::Ui, rows: &mut [ReasonRow], focus_first: bool) -> bool {
    let mut submitted = false;
    egui::Grid::new("adjustment reasons grid")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Input").strong());
            ui.label(RichText::new("Source → now").strong());
            ui.label(RichText::new("Reason").strong());
            ui.end_row();
            for (i, row) in rows.iter_mut().enumerate() {
                let name = ui.label(&row.name);
                ui.label(RichText::new(&row.change).monospace());
                let field = reason_field(ui, name.id, &mut row.reason);
                if focus_first && i == 0 {
                    field.request_focus();
                }
                submitted |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
            }
        });
    submitted
}

/// The source's title as the variant records it.
fn source_title(variant: &Assessment) -> String {
    variant
        .meta
        .derived_from
        .as_ref()
        .map_or_else(|| "its source".to_owned(), |d| format!("“{}”", d.title))
}

impl AijriApp {
    /// File → Save of one document. One that keeps its publisher's record asks first, once, why
    /// each adjustment made since the last save was made; the save follows the answer
    /// ([`Action::SaveAfterReasons`]). Any other is saved at once.
    pub(super) fn save_asking_why(&mut self, id: DocId) {
        let file = self
            .state
            .store
            .entry(id)
            .map(super::store::Entry::file_name);
        let asked =
            file.is_some_and(|file| self.views.reasons.ask_before_saving(id, file, &self.state));
        if !asked {
            self.save(&[id]);
        }
    }
}
