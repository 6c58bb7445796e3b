//! The role list: every assessment of the library with its score, zone, sub-label and markers;
//! search, zone filter and sort; tick boxes for the comparison set. Only the rows in view are laid
//! out, and the filtered, sorted order is cached until the documents or the filter change, so
//! 10,000 roles stay fluid.
//!
//! From the keyboard the list is one control, as a desktop list box is: Tab stops on it once,
//! the arrows, Home, End and the page keys move the selection (the arrows and page keys also from
//! the search field), Space ticks the selected role, Enter goes on to the editor. The editor
//! never shows a role the list hides: a filter that hides the selected role selects the first one
//! it shows, and a role selected elsewhere (a new one, an import) clears a filter that hides it.

use egui::{Color32, Key, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::loading::Loading;
use std::collections::{BTreeSet, HashMap};

use super::keyboard::take_key;
use super::store::{DocId, Document, Entry, Seniority, Store};
use super::widgets::zone_chip;
use super::{Action, AppState};
use crate::fmt;
use crate::model::Zone;

const ROW_HEIGHT: f32 = 40.0;

/// The list's name for screen readers (and tests): "Role list", its value the selected role.
pub const LIST_LABEL: &str = "Role list";

/// The ids of the list's two keyboard stops.
#[derive(Debug, Clone, Copy)]
struct ListIds {
    search: egui::Id,
    list: egui::Id,
}

impl ListIds {
    fn of(ui: &Ui) -> Self {
        Self {
            search: ui.make_persistent_id("role search"),
            list: ui.make_persistent_id("role list"),
        }
    }
}

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
    /// Red, then Yellow, then Green (roles without a score last); the lowest score first in each.
    Zone,
    /// Junior to most senior (see [`Seniority`]), then by title.
    Seniority,
    /// The file changed last first (saved here or changed on disk).
    LastChange,
}

impl SortKey {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Self; 6] = [
        Self::Title,
        Self::ScoreDescending,
        Self::ScoreAscending,
        Self::Zone,
        Self::Seniority,
        Self::LastChange,
    ];

    /// The order's name in the sort menu.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title A–Z",
            Self::ScoreDescending => "Score, highest first",
            Self::ScoreAscending => "Score, lowest first",
            Self::Zone => "Zone, Red first",
            Self::Seniority => "Seniority, junior first",
            Self::LastChange => "Last change, newest first",
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
    /// Show only roles with every one of these tags (lower case).
    pub tags: BTreeSet<String>,
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
    /// How many rows the list showed at once last frame (Page Up / Page Down move by it).
    page_rows: usize,
    /// The scroll offset and height of the rows last frame, to bring a row into view.
    scrolled: (f32, f32),
    /// A row (by position) to bring into view this frame.
    scroll_to: Option<usize>,
    /// The tags the chips offer (the most used, by name), the store generation they were counted
    /// at, and when.
    chips: (Vec<String>, Option<u64>, Option<f64>),
}

/// How many tag chips the list offers (the tags most roles carry; a tag chosen stays).
const TAG_CHIPS: usize = 12;

/// A move of the selection through the rows shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Previous,
    Next,
    PageUp,
    PageDown,
    First,
    Last,
}

/// Where the keyboard focus is, as the list sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focus {
    /// The search field: the arrows and page keys move the selection, the rest edits the text.
    Search,
    /// The list itself, or nothing at all.
    List,
    /// Another control: the list leaves the keys alone.
    Elsewhere,
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
        let ids = ListIds::of(ui);
        let loading = state.loading.is_some();
        let keys_before = self.keyboard(ui, state, ids, actions);
        ui.add_space(4.0);
        let filter_before = self.filter.clone();
        self.search_ui(ui, ids);
        self.filters_ui(ui);
        self.tag_chips_ui(ui, &state.store);
        let filter_changed = self.filter != filter_before;
        let store = &state.store;
        let rows = self.rows(store, loading).to_vec();
        if !keys_before {
            self.keep_selection_shown(state, &rows, filter_changed, actions);
        }
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
        self.rows_ui(ui, state, &rows, ids, actions);
    }

    /// The rows, scrolled so the row asked for is in view; the list is one focusable control
    /// behind them (a click on a row focuses it, so the keyboard goes on from there).
    fn rows_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        rows: &[DocId],
        ids: ListIds,
        actions: &mut Vec<Action>,
    ) {
        let list_rect = ui.available_rect_before_wrap();
        let list = ui.interact(list_rect, ids.list, egui::Sense::FOCUSABLE);
        let selected = state
            .selected_doc()
            .map_or_else(String::new, |(_, d)| d.assessment().display_title());
        list.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListBox, true, LIST_LABEL));
        ui.ctx().accesskit_node_builder(ids.list, |node| {
            node.set_value(selected.as_str());
        });
        let stride = ROW_HEIGHT + ui.spacing().item_spacing.y;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("role rows")
            .auto_shrink([false, false]);
        if let Some(row) = self.scroll_to.take() {
            let (offset, height) = self.scrolled;
            let top = row as f32 * stride;
            if top < offset {
                area = area.vertical_scroll_offset(top);
            } else if top + stride > offset + height {
                area = area.vertical_scroll_offset(top + stride - height);
            }
        }
        let mut clicked = false;
        let output = area.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for &id in &rows[range] {
                clicked |= row_ui(ui, state, id, actions);
            }
        });
        let height = output.inner_rect.height();
        self.scrolled = (output.state.clamped_offset().y, height);
        self.page_rows = ((height / stride).floor() as usize)
            .saturating_sub(1)
            .max(1);
        if clicked {
            ui.memory_mut(|m| m.request_focus(ids.list));
        }
    }

    /// The keys the list takes this frame (see the module's documentation); true when one moved
    /// the selection, so the rows drawn are those the move saw.
    fn keyboard(
        &mut self,
        ui: &Ui,
        state: &AppState,
        ids: ListIds,
        actions: &mut Vec<Action>,
    ) -> bool {
        if super::menu::find_pressed(ui.ctx()) {
            ui.memory_mut(|m| m.request_focus(ids.search));
            return false;
        }
        // Not while a dialog, question or menu is open over the window.
        let covered = !ui.memory(|m| m.is_above_modal_layer(ui.layer_id()))
            || egui::Popup::is_any_open(ui.ctx());
        let focus = match ui.memory(egui::Memory::focused) {
            _ if covered => Focus::Elsewhere,
            Some(id) if id == ids.search => Focus::Search,
            Some(id) if id == ids.list => Focus::List,
            None => Focus::List,
            Some(_) => Focus::Elsewhere,
        };
        if focus == Focus::Elsewhere {
            return false;
        }
        let ctx = ui.ctx();
        let mut keys = vec![
            (Key::ArrowUp, Step::Previous),
            (Key::ArrowDown, Step::Next),
            (Key::PageUp, Step::PageUp),
            (Key::PageDown, Step::PageDown),
        ];
        if focus == Focus::List {
            keys.extend([(Key::Home, Step::First), (Key::End, Step::Last)]);
        }
        let step = keys
            .into_iter()
            .find(|&(key, _)| take_key(ctx, Modifiers::NONE, key))
            .map(|(_, step)| step);
        if let Some(step) = step {
            self.step(state, step, actions);
            return true;
        }
        if take_key(ctx, Modifiers::NONE, Key::Enter) {
            match focus {
                Focus::Search => ui.memory_mut(|m| m.request_focus(ids.list)),
                _ => actions.push(Action::FocusEditor(None)),
            }
        } else if focus == Focus::List
            && let Some((id, _)) = state.selected_doc()
            && take_key(ctx, Modifiers::NONE, Key::Space)
        {
            actions.push(Action::SetCompared(id, !state.store.is_compared(id)));
        }
        false
    }

    /// Moves the selection through the roles the list shows (files that failed to load are
    /// passed over: there is nothing to edit).
    fn step(&mut self, state: &AppState, step: Step, actions: &mut Vec<Action>) {
        let rows: Vec<(usize, DocId)> = self
            .rows(&state.store, state.loading.is_some())
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, id)| state.store.doc(id).is_some())
            .collect();
        let Some(last) = rows.len().checked_sub(1) else {
            return;
        };
        let at = state
            .selected
            .and_then(|s| rows.iter().position(|&(_, id)| id == s));
        let page = self.page_rows.max(1);
        let to = match (step, at) {
            (Step::First, _) | (Step::Next | Step::PageDown, None) => 0,
            (Step::Last, _) | (Step::Previous | Step::PageUp, None) => last,
            (Step::Previous, Some(i)) => i.saturating_sub(1),
            (Step::Next, Some(i)) => (i + 1).min(last),
            (Step::PageUp, Some(i)) => i.saturating_sub(page),
            (Step::PageDown, Some(i)) => (i + page).min(last),
        };
        let (position, id) = rows[to];
        self.scroll_to = Some(position);
        if state.selected != Some(id) {
            actions.push(Action::Select(id));
        }
    }

    /// The editor never shows a role the list hides: after a change of the filter, the first role
    /// it shows is selected (none, when it shows none); a role selected elsewhere while the filter
    /// hides it (a new role, an import) clears the filter instead.
    fn keep_selection_shown(
        &mut self,
        state: &AppState,
        rows: &[DocId],
        filter_changed: bool,
        actions: &mut Vec<Action>,
    ) {
        let fresh = self.rows_for.as_ref().is_some_and(|(filter, generation)| {
            *filter == self.filter && *generation == state.store.generation()
        });
        let Some((selected, _)) = state.selected_doc() else {
            return;
        };
        if !fresh || state.loading.is_some() || rows.contains(&selected) {
            return;
        }
        if filter_changed {
            match rows.iter().find(|&&id| state.store.doc(id).is_some()) {
                Some(&first) => actions.push(Action::Select(first)),
                None => actions.push(Action::Deselect),
            }
        } else {
            self.filter = ListFilter {
                sort: self.filter.sort,
                ..ListFilter::default()
            };
        }
    }

    fn search_ui(&mut self, ui: &mut Ui, ids: ListIds) {
        ui.add(
            egui::TextEdit::singleline(&mut self.filter.search)
                .id(ids.search)
                .hint_text("Search title, seniority or tag (Ctrl+F)")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Search roles");
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

impl RoleListView {
    /// The tags of the library as chips: a click shows only the roles with that tag (several
    /// chosen: roles with all of them); a chip chosen shows it is, and a click lets it go.
    fn tag_chips_ui(&mut self, ui: &mut Ui, store: &Store) {
        self.count_tags(ui.ctx(), store);
        let chosen = &mut self.filter.tags;
        let mut shown: BTreeSet<&String> = self.chips.0.iter().collect();
        shown.extend(chosen.iter());
        if shown.is_empty() {
            return;
        }
        let mut toggle = None;
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(4.0, 4.0);
            for tag in shown {
                let on = chosen.contains(tag);
                let chip = egui::Button::new(RichText::new(tag).small())
                    .selected(on)
                    .corner_radius(8.0);
                let response = ui.add(chip).on_hover_text(if on {
                    format!("Showing roles tagged “{tag}”: click to show all again")
                } else {
                    format!("Show only roles tagged “{tag}”")
                });
                let name = format!("Tag: {tag}");
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, on, &name)
                });
                if response.clicked() {
                    toggle = Some(tag.clone());
                }
            }
        });
        if let Some(tag) = toggle
            && !chosen.remove(&tag)
        {
            chosen.insert(tag);
        }
    }

    /// Counts the tags of every role, again when the documents changed: at once after a load, an
    /// opened or closed file; after an edit of one role at most twice a second (typing in a
    /// title with 10,000 roles does not count them at every key).
    fn count_tags(&mut self, ctx: &egui::Context, store: &Store) {
        let (_, counted_at, when) = &self.chips;
        if *counted_at == Some(store.generation()) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let one_edit = store.last_changed().is_some();
        if one_edit && when.is_some_and(|at| now - at < TAG_RECOUNT.as_secs_f64()) {
            ctx.request_repaint_after(TAG_RECOUNT);
            return;
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for doc in store.entries().iter().filter_map(Entry::doc) {
            for tag in doc.tags() {
                *counts.entry(tag.as_str()).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut tags: Vec<String> = ranked
            .into_iter()
            .take(TAG_CHIPS)
            .map(|(t, _)| t.to_owned())
            .collect();
        tags.sort();
        self.chips = (tags, Some(store.generation()), Some(now));
    }
}

/// How often the tags are counted again at most while documents change.
const TAG_RECOUNT: std::time::Duration = std::time::Duration::from_millis(500);

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
/// unless a zone or tag filter is on, so errors are not hidden.
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
                && doc.has_tags(&filter.tags)
        }
        Err(_) => {
            filter.zone.is_none()
                && filter.tags.is_empty()
                && entry.file_name().to_lowercase().contains(needle)
        }
    }
}

/// The list's order of two entries; ties by path, so the order is total and stable. Files that
/// failed to load come last in every order.
fn order(sort: SortKey, a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let score = |e: &Entry| {
        e.doc()
            .and_then(|d| d.breakdown().final_result())
            .map_or(f64::NEG_INFINITY, |r| r.score)
    };
    let zone = |e: &Entry| {
        let zone = e.doc().and_then(|d| d.breakdown().zone_shown());
        // Red, Yellow, Green, then no score.
        zone.map_or(Zone::ALL.len(), |z| {
            Zone::ALL.iter().position(|&x| x == z).unwrap_or_default()
        })
    };
    let seniority = |e: &Entry| e.doc().map_or(Seniority::Unknown, Document::seniority);
    let newest = |e: &Entry| std::cmp::Reverse(e.doc().and_then(Document::modified));
    let by_key = match sort {
        SortKey::Title => return title_order(a).cmp(&title_order(b)),
        SortKey::ScoreDescending => score(b).total_cmp(&score(a)),
        SortKey::ScoreAscending => score(a).total_cmp(&score(b)),
        SortKey::Zone => zone(a)
            .cmp(&zone(b))
            .then_with(|| score(a).total_cmp(&score(b))),
        SortKey::Seniority => seniority(a)
            .cmp(&seniority(b))
            .then_with(|| title_order(a).cmp(&title_order(b))),
        SortKey::LastChange => newest(a).cmp(&newest(b)),
    };
    by_key.then_with(|| a.path.cmp(&b.path))
}

/// The alphabetical order: titles A–Z, then files that failed to load, each by path.
fn title_order(entry: &Entry) -> (bool, Option<&str>, &std::path::Path) {
    let title = entry.doc().map(Document::sort_title);
    (title.is_none(), title, &entry.path)
}

/// One row; true when the user clicked it.
fn row_ui(ui: &mut Ui, state: &AppState, id: DocId, actions: &mut Vec<Action>) -> bool {
    let selected = state.selected == Some(id);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, ROW_HEIGHT), |ui| {
        ui.set_min_height(ROW_HEIGHT);
        match state.store.entry(id) {
            Some(entry) => match entry.doc() {
                Some(doc) => loaded_row(ui, state, entry, doc, selected, actions),
                None => {
                    failed_row(ui, entry);
                    false
                }
            },
            None => false,
        }
    })
    .inner
}

/// A role's row (its tick box and title are clicked, not tabbed to: the list is the keyboard's
/// stop); true when the user clicked it.
fn loaded_row(
    ui: &mut Ui,
    state: &AppState,
    entry: &Entry,
    doc: &Document,
    selected: bool,
    actions: &mut Vec<Action>,
) -> bool {
    let id = entry.id;
    let a = doc.assessment();
    let b = doc.breakdown();
    let compared = state.store.is_compared(id);
    let mut clicked = false;
    ui.horizontal(|ui| {
        let title = if a.role.title.is_empty() {
            "(untitled)"
        } else {
            a.role.title.as_str()
        };
        // The tick box shows no text; its accessible name lets tests and screen readers find it.
        let tick = tick_box(ui, compared, &format!("Compare {title}"));
        if tick
            .on_hover_text("Add to the comparison (Space)")
            .clicked()
        {
            actions.push(Action::SetCompared(id, !compared));
            clicked = true;
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
                            .truncate()
                            .sense(egui::Sense::CLICK),
                    );
                    let response = response.on_hover_text(a.display_title());
                    if response.clicked() {
                        actions.push(Action::Select(id));
                        clicked = true;
                    }
                    response.context_menu(|ui| {
                        super::menu::role_file_items(ui, Some(id), actions);
                    });
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
    clicked
}

/// A tick box that the mouse ticks and Tab passes over (Space ticks the selected role): drawn
/// as egui draws its own, named for screen readers.
fn tick_box(ui: &mut Ui, checked: bool, name: &str) -> egui::Response {
    let size = egui::vec2(ui.spacing().icon_width, ui.spacing().interact_size.y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::CLICK);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let (small, big) = ui.spacing().icon_rectangles(rect);
        ui.painter().rect(
            big.expand(visuals.expansion),
            visuals.corner_radius,
            visuals.bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        if checked {
            let points = vec![
                egui::pos2(small.left(), small.center().y),
                egui::pos2(small.center().x, small.bottom()),
                egui::pos2(small.right(), small.top()),
            ];
            ui.painter()
                .add(egui::Shape::line(points, visuals.fg_stroke));
        }
    }
    response
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
