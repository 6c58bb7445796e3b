//! The role list: every assessment of the library with its score, zone, sub-label and markers;
//! search, zone filter and sort; tick boxes for the comparison set. Only the rows in view are laid
//! out, and the filtered, sorted order is cached until the documents or the filter change, so
//! 10,000 roles stay fluid.

use egui::{Color32, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::loading::Loading;
use super::store::{DocId, Document, Entry, Store};
use super::widgets::zone_chip;
use super::{Action, AppState};
use crate::fmt;
use crate::model::Zone;

const ROW_HEIGHT: f32 = 40.0;

/// How the role list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    /// Alphabetical by title.
    #[default]
    Title,
    /// Highest final score first.
    ScoreDescending,
    /// Lowest final score first.
    ScoreAscending,
}

impl SortKey {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Self; 3] = [Self::Title, Self::ScoreDescending, Self::ScoreAscending];

    /// The order's name in the sort menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title A–Z",
            Self::ScoreDescending => "Score, highest first",
            Self::ScoreAscending => "Score, lowest first",
        }
    }
}

/// The role list's search, filter and order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Search text (title, seniority, tag).
    pub search: String,
    /// Show only this zone.
    pub zone: Option<Zone>,
    /// The order.
    pub sort: SortKey,
}

/// What the role list keeps between frames.
#[derive(Debug, Default)]
pub struct RoleListView {
    /// The search, filter and order.
    pub filter: ListFilter,
    /// The rows shown, and the filter and store generation they were computed for.
    rows: Vec<DocId>,
    rows_for: Option<(ListFilter, u64)>,
    /// When the rows were last computed.
    computed_at: Option<std::time::Instant>,
}

/// While a library streams in, the list is sorted again at most this often (not after each
/// batch), so the loading workers keep the cores.
const LOADING_REFRESH: std::time::Duration = std::time::Duration::from_millis(250);

impl RoleListView {
    /// The documents the list shows, in order; recomputed only when the filter or the documents
    /// changed.
    pub fn rows(&mut self, store: &Store, loading: bool) -> &[DocId] {
        let key = (self.filter.clone(), store.generation());
        let recent = self
            .computed_at
            .is_some_and(|at| at.elapsed() < LOADING_REFRESH);
        let filter_same = self.rows_for.as_ref().map(|(f, _)| f) == Some(&self.filter);
        let stale = self.rows_for.as_ref() != Some(&key);
        if !stale || (loading && recent && filter_same) {
            return &self.rows;
        }
        // One document changed since the rows were made: move just its row (a keystroke in
        // a title with 10,000 roles listed); anything else: filter and sort again.
        let one_step = self.rows_for.as_ref().map(|(_, g)| g + 1) == Some(store.generation());
        match store.last_changed().filter(|_| one_step && filter_same) {
            Some(id) => self.move_row(store, id),
            None => {
                self.rows = visible(store, &self.filter);
                self.computed_at = Some(std::time::Instant::now());
            }
        }
        self.rows_for = Some(key);
        &self.rows
    }

    /// Takes a changed document's row out and puts it back where the order puts it, if the
    /// filter still lets it in.
    fn move_row(&mut self, store: &Store, id: DocId) {
        self.rows.retain(|&row| row != id);
        let needle = self.filter.search.trim().to_lowercase();
        let Some(entry) = store.entry(id).filter(|e| shown(e, &self.filter, &needle)) else {
            return;
        };
        let sort = self.filter.sort;
        let at = self.rows.partition_point(|&row| {
            store
                .entry(row)
                .is_some_and(|other| order(sort, other, entry).is_lt())
        });
        self.rows.insert(at, id);
    }

    /// Draws the list.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        ui.add_space(4.0);
        self.search_ui(ui);
        self.filters_ui(ui);
        let store = &state.store;
        let rows = self.rows(store, state.loading.is_some()).to_vec();
        let compared = store.compared_count();
        ui.label(
            RichText::new(format!(
                "{} of {} · {compared} compared",
                rows.len(),
                crate::fmt::count(store.entries().len(), "role", "roles")
            ))
            .weak(),
        );
        for loading in [&state.loading, &state.opening].into_iter().flatten() {
            progress_ui(ui, loading, actions);
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                for &id in &rows[range] {
                    row_ui(ui, state, id, actions);
                }
            });
    }

    fn search_ui(&mut self, ui: &mut Ui) {
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.filter.search)
                    .hint_text("Search title, seniority or tag (Ctrl+F)")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("Search roles");
        if super::menu::find_pressed(ui.ctx()) {
            search.request_focus();
        }
    }

    fn filters_ui(&mut self, ui: &mut Ui) {
        let filter = &mut self.filter;
        ui.horizontal(|ui| {
            let zone_text = filter.zone.map_or("All zones", Zone::name);
            egui::ComboBox::from_id_salt("zone filter")
                .selected_text(zone_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.zone, None, "All zones");
                    for zone in Zone::ALL {
                        ui.selectable_value(&mut filter.zone, Some(zone), zone.name());
                    }
                })
                .response
                .accessible_name(format!("Zone filter: {zone_text}"))
                .on_hover_text("Show only roles in one zone");
            egui::ComboBox::from_id_salt("sort")
                .selected_text(filter.sort.label())
                .show_ui(ui, |ui| {
                    for key in SortKey::ALL {
                        ui.selectable_value(&mut filter.sort, key, key.label());
                    }
                })
                .response
                .accessible_name(format!("Order: {}", filter.sort.label()))
                .on_hover_text("Order of the list");
        });
    }
}

/// The load in progress: "Loading 1,234 of 10,000 files" with a bar, and Cancel.
fn progress_ui(ui: &mut Ui, loading: &Loading, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let (fraction, text) = match loading.total {
            Some(total) if total > 0 => (
                loading.done as f32 / total as f32,
                format!(
                    "Loading {} of {}",
                    loading.done,
                    crate::fmt::count(total, "file", "files")
                ),
            ),
            _ => (0.0, "Looking for files…".to_owned()),
        };
        if ui
            .button("Cancel")
            .on_hover_text("Stop loading; the files read so far stay in the list")
            .accessible_name("Cancel loading")
            .clicked()
        {
            actions.push(Action::CancelLoad);
        }
        ui.add(
            egui::ProgressBar::new(fraction)
                .text(text.clone())
                .animate(true),
        )
        .accessible_name(text)
        .on_hover_text(loading.folder.display().to_string());
    });
}

/// The ids the list shows under a filter, in order. Files that failed to load stay visible
/// unless a zone filter is on, so errors are not hidden.
fn visible(store: &Store, filter: &ListFilter) -> Vec<DocId> {
    let needle = filter.search.trim().to_lowercase();
    let mut rows: Vec<&Entry> = store
        .entries()
        .iter()
        .filter(|e| shown(e, filter, &needle))
        .collect();
    rows.sort_by(|a, b| order(filter.sort, a, b));
    rows.into_iter().map(|e| e.id).collect()
}

/// Whether the filter lets an entry in (`needle`: the search text in lower case).
fn shown(entry: &Entry, filter: &ListFilter, needle: &str) -> bool {
    match &entry.content {
        Ok(doc) => {
            doc.matches(needle)
                && filter
                    .zone
                    .is_none_or(|z| doc.breakdown().zone_shown() == Some(z))
        }
        Err(_) => filter.zone.is_none() && entry.file_name().to_lowercase().contains(needle),
    }
}

/// The list's order of two entries; ties by path, so the order is total and stable.
fn order(sort: SortKey, a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let score = |e: &Entry| {
        e.doc()
            .and_then(|d| d.breakdown().final_result())
            .map_or(f64::NEG_INFINITY, |r| r.score)
    };
    let by_score = match sort {
        SortKey::Title => return title_order(a).cmp(&title_order(b)),
        SortKey::ScoreDescending => score(b).total_cmp(&score(a)),
        SortKey::ScoreAscending => score(a).total_cmp(&score(b)),
    };
    by_score.then_with(|| a.path.cmp(&b.path))
}

/// The alphabetical order: titles A–Z, then files that failed to load, each by path.
fn title_order(entry: &Entry) -> (bool, Option<&str>, &std::path::Path) {
    let title = entry.doc().map(Document::sort_title);
    (title.is_none(), title, &entry.path)
}

fn row_ui(ui: &mut Ui, state: &AppState, id: DocId, actions: &mut Vec<Action>) {
    let selected = state.selected == Some(id);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, ROW_HEIGHT), |ui| {
        ui.set_min_height(ROW_HEIGHT);
        if let Some(entry) = state.store.entry(id) {
            match entry.doc() {
                Some(doc) => loaded_row(ui, state, entry, doc, selected, actions),
                None => failed_row(ui, entry),
            }
        }
    });
}

fn loaded_row(
    ui: &mut Ui,
    state: &AppState,
    entry: &Entry,
    doc: &Document,
    selected: bool,
    actions: &mut Vec<Action>,
) {
    let id = entry.id;
    let a = doc.assessment();
    let b = doc.breakdown();
    let mut compared = state.store.is_compared(id);
    ui.horizontal(|ui| {
        let title = if a.role.title.is_empty() {
            "(untitled)"
        } else {
            a.role.title.as_str()
        };
        let tick = ui.checkbox(&mut compared, "");
        // The tick box shows no text; its accessible name lets tests and screen readers find it.
        let name = format!("Compare {title}");
        tick.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, true, compared, &name)
        });
        if tick.on_hover_text("Add to the comparison").changed() {
            actions.push(Action::SetCompared(id, compared));
        }
        ui.vertical(|ui| {
            // The title first (as a screen reader reads the row), truncated into the width the
            // result beside it leaves, so a long title never widens the list.
            let result = result_texts(b);
            let title_width = (ui.available_width() - result_width(ui, &result)).max(40.0);
            ui.horizontal(|ui| {
                let layout = egui::Layout::left_to_right(egui::Align::Center);
                ui.allocate_ui_with_layout(egui::vec2(title_width, 22.0), layout, |ui| {
                    ui.set_max_width(title_width);
                    let response = ui.add(
                        egui::Button::selectable(selected, RichText::new(title).strong())
                            .truncate(),
                    );
                    if response.on_hover_text(a.display_title()).clicked() {
                        actions.push(Action::Select(id));
                    }
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    result_ui(ui, b, &result);
                });
            });
            let detail = match (a.role.seniority.is_empty(), a.meta.id.is_empty()) {
                (false, false) => format!("{} · {}", a.role.seniority, a.meta.id),
                (true, false) => a.meta.id.clone(),
                _ => a.role.seniority.clone(),
            };
            egui::Sides::new().truncate().show(
                ui,
                |ui| {
                    ui.add(egui::Label::new(RichText::new(detail).small().weak()).truncate())
                        .on_hover_text(entry.path.display().to_string());
                },
                |ui| markers(ui, entry, doc),
            );
        });
    });
}

/// What a row shows of a role's result: the score and the zone chip's text, or "no score".
struct ResultTexts {
    score: String,
    chip: Option<String>,
}

fn result_texts(b: &crate::scoring::Breakdown) -> ResultTexts {
    match &b.composite {
        Some(composite) => {
            let result = composite.final_result;
            let sub_label = (!result.overridden)
                .then_some(composite.sub_label)
                .flatten();
            ResultTexts {
                score: fmt::score(result.score),
                chip: Some(super::widgets::zone_chip_text(result.zone, sub_label)),
            }
        }
        None => ResultTexts {
            score: "no score".to_owned(),
            chip: None,
        },
    }
}

/// The width the result takes at the right of a row.
fn result_width(ui: &Ui, result: &ResultTexts) -> f32 {
    let width = |text: RichText| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    let spacing = ui.spacing().item_spacing.x;
    let chip = result
        .chip
        .as_ref()
        .map_or(0.0, |c| width(RichText::new(c).strong()) + 12.0 + spacing);
    width(RichText::new(&result.score).monospace().strong()) + chip + 2.0 * spacing
}

/// The score and the zone chip, laid out right to left: the score at the row's right edge.
fn result_ui(ui: &mut Ui, b: &crate::scoring::Breakdown, result: &ResultTexts) {
    match &b.composite {
        Some(composite) => {
            ui.label(RichText::new(&result.score).monospace().strong());
            let final_result = composite.final_result;
            let sub_label = (!final_result.overridden)
                .then_some(composite.sub_label)
                .flatten();
            zone_chip(ui, final_result.zone, sub_label);
        }
        None => {
            ui.label(
                RichText::new(&result.score)
                    .italics()
                    .color(ui.visuals().error_fg_color),
            )
            .on_hover_text(b.no_score_text());
        }
    }
}

fn markers(ui: &mut Ui, entry: &Entry, doc: &Document) {
    if entry.deleted_on_disk {
        ui.label(
            RichText::new("✖ deleted on disk")
                .small()
                .color(ui.visuals().error_fg_color),
        )
        .on_hover_text("The file was deleted by someone else; save to write it again");
    }
    let a = doc.assessment();
    let source = a.meta.derived_from.as_ref().map_or_else(
        || "its source's record".to_owned(),
        |source| format!("“{}”", source.title),
    );
    if crate::adjust::is_adjusted(a) {
        ui.label(RichText::new(format!("✎ adjusted: {}", a.adjustments.len())).small())
            .on_hover_text(format!(
                "Changed from {source}: {}, each with its reason on the Score tab",
                crate::fmt::count(a.adjustments.len(), "input", "inputs")
            ));
    }
    let b = doc.breakdown();
    if b.final_result().is_some_and(|r| r.overridden) {
        ui.label(RichText::new("⚑ override").small())
            .on_hover_text("The assessor overrode the computed result");
    }
    if b.provisional || crate::validate::has_errors(doc.findings()) {
        ui.label(
            RichText::new("⚠ provisional")
                .small()
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text("Validation finds errors: the figures are provisional until fixed");
    }
    if doc.is_dirty() {
        ui.label(RichText::new("● unsaved").small().italics())
            .on_hover_text("This role has unsaved edits");
    }
}

fn failed_row(ui: &mut Ui, entry: &Entry) {
    let error = entry.content.as_ref().err().map_or("", String::as_str);
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(entry.file_name()).color(Color32::GRAY))
                .on_hover_text(error);
            ui.label(
                RichText::new("⚠ could not be loaded (hover for why)")
                    .small()
                    .color(Color32::GRAY),
            )
            .on_hover_text(error);
        });
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::PathBuf;

    use super::*;
    use crate::app::store::{Edit, Scoring};
    use crate::framework::Framework;
    use crate::library::FileStamp;
    use crate::model::{Assessment, Dimension};

    #[test]
    fn moving_one_changed_row_gives_the_order_a_full_sort_gives() {
        let fw = Framework::published();
        let mut store = Store::new();
        let ids: Vec<DocId> = (0..60)
            .map(|i| {
                let mut a = Assessment::blank();
                a.role.title = format!("Role {:02}", (i * 37) % 60);
                let doc = Document::new(a, Some(FileStamp::of(b"")), fw);
                store.open(PathBuf::from(format!("r{i}.aijri.json")), Ok(doc))
            })
            .collect();
        for sort in SortKey::ALL {
            let mut view = RoleListView::default();
            view.filter.sort = sort;
            view.filter.search = "role".into();
            for (step, &id) in ids.iter().enumerate().step_by(7) {
                view.rows(&store, false);
                let mut a = store.doc(id).unwrap().assessment().clone();
                a.role.title = format!("{} {step}", if step % 2 == 0 { "Aa" } else { "Zz role" });
                a.evidence.get_mut(Dimension::WageTrends).score = Some(2 - (step as i64 % 5));
                let frameworks = crate::framework::Frameworks::new();
                store.edit(
                    id,
                    Edit::Fields(Box::new(a)),
                    &Scoring::of(&frameworks, &None),
                );
                let moved = view.rows(&store, false).to_vec();
                assert_eq!(
                    moved,
                    visible(&store, &view.filter),
                    "{sort:?} after step {step}"
                );
            }
        }
    }
}
