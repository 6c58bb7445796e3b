//! The Compare view: the comparison set (the roles ticked in the list, or the selected role when
//! none is) laid side by side — scores against the zone bands ([`score_bars`]), how each score is
//! built ([`breakdown`]), where the working time goes ([`time_split`]) and every figure in a table
//! ([`table`]) — with the chart and CSV exports ([`export`], [`png`]).

pub mod breakdown;
pub mod export;
pub mod pinned;
pub mod png;
pub mod score_bars;
pub mod session;
pub mod source_diff;
pub mod table;
pub mod time_split;

use egui::{RichText, Ui};

use super::picker::CsvScope;
use super::store::{DocId, Document, file_name};
use super::{Action, AppState};
use crate::chart_layout::names::{NameSource, RoleName, role_names};
use crate::framework::Framework;

/// What the Compare view remembers between frames.
#[derive(Debug, Default)]
pub struct CompareView {
    /// Show the published scores of the roles under "where to look next" as reference markers.
    pub show_references: bool,
    /// The chart export in progress, if any.
    pub chart_export: png::ChartExport,
    /// A second framework every role is also shown under, by id ("what if evidence counted
    /// 0.06 per point?").
    pub also_under: Option<String>,
    /// The table turned: one row per role, one column per figure.
    pub roles_as_rows: bool,
}

/// One role of the comparison set, as the charts and the table read it.
#[derive(Debug, Clone)]
pub struct Compared<'a> {
    /// The document's id.
    pub id: DocId,
    /// Its name in the set: the full title, the seniority and what else tells it apart, and a
    /// one-line label distinct in the set.
    pub name: RoleName,
    /// The document, with its figures.
    pub doc: &'a Document,
}

impl Compared<'_> {
    /// The name on one line, distinct in the set.
    #[must_use]
    pub fn label(&self) -> &str {
        &self.name.label
    }

    /// The first lines of the role's hover text: its title, and its seniority and what else
    /// tells it apart beneath.
    #[must_use]
    pub fn heading(&self) -> String {
        if self.name.detail.is_empty() {
            self.name.title.clone()
        } else {
            format!("{}\n{}", self.name.title, self.name.detail)
        }
    }
}

/// The comparison set: the ticked roles in the order opened, or the selected role when none is
/// ticked. The flag says whether the roles were ticked. Where titles repeat, the names carry the
/// seniority, and where that repeats too, the file's name.
#[must_use]
pub fn comparison_set(state: &AppState) -> (Vec<Compared<'_>>, bool) {
    let ticked = state.store.compared();
    let is_ticked = !ticked.is_empty();
    let ids = if is_ticked {
        ticked
    } else {
        state.selected.into_iter().collect()
    };
    let docs: Vec<(DocId, &Document, String)> = ids
        .into_iter()
        .filter_map(|id| {
            let file = state.store.path(id).map(file_name).unwrap_or_default();
            state.store.doc(id).map(|d| (id, d, file))
        })
        .collect();
    let sources: Vec<NameSource<'_>> = docs
        .iter()
        .map(|(_, doc, file)| {
            let assessment = doc.assessment();
            NameSource {
                title: &assessment.role.title,
                seniority: &assessment.role.seniority,
                adjusted: crate::adjust::is_adjusted(assessment),
                origin: file,
            }
        })
        .collect();
    let names = role_names(&sources);
    let set = docs
        .iter()
        .zip(names)
        .map(|(&(id, doc, _), name)| Compared { id, name, doc })
        .collect();
    (set, is_ticked)
}

impl CompareView {
    /// "Also show under: [framework]": each role's score under a second framework beside the
    /// first, in the chart and the table.
    fn also_under_ui(&mut self, ui: &mut Ui, state: &AppState) {
        let chosen = self
            .also_under
            .as_deref()
            .and_then(|id| state.frameworks.get(id));
        let shown = chosen.map_or_else(|| "no other framework".to_owned(), |f| f.name.clone());
        ui.horizontal(|ui| {
            let label = ui.label("Also show under:");
            egui::ComboBox::from_id_salt("also under")
                .selected_text(&shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.also_under, None, "no other framework");
                    for framework in state.frameworks.iter() {
                        let id = Some(framework.id.clone());
                        let text = format!("{} ({})", framework.name, framework.id);
                        ui.selectable_value(&mut self.also_under, id, text);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Each role's score under a second framework beside the first, in the chart and the table");
        });
    }

    /// Draws the Compare view.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let (set, ticked) = comparison_set(state);
        toolbar(ui, self, &set, actions);
        session::ui(ui, state, actions);
        self.also_under_ui(ui, state);
        let second = self
            .also_under
            .as_deref()
            .and_then(|id| state.frameworks.get(id));
        intro(ui, set.len(), ticked);
        ui.separator();
        if !set.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("compare")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some((source, variant)) = source_diff::pair(&set) {
                        section_heading(
                            ui,
                            "Differences from the source",
                            "Every input the variant changed, with its reason and what it alone does to the source's score",
                        );
                        source_diff::ui(ui, state, source, variant);
                        ui.add_space(8.0);
                    }
                    sections(ui, &set, (&state.framework, second), self);
                });
        }
    }
}

fn toolbar(
    ui: &mut Ui,
    compare: &mut CompareView,
    set: &[Compared<'_>],
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(
            &mut compare.show_references,
            "Show published scores of related roles",
        )
        .on_hover_text(
            "Reference markers for the roles each compared role names under \"where to look next\"",
        );
        ui.separator();
        let busy = compare.chart_export.is_waiting();
        let chart = ui.add_enabled(
            !set.is_empty() && !busy,
            egui::Button::new("Export chart as PNG…"),
        );
        if chart
            .on_hover_text("Save the score chart as an image")
            .clicked()
        {
            actions.push(Action::ExportChartPng);
        }
        let csv = ui.add_enabled(
            !set.is_empty(),
            egui::Button::new("Export comparison as CSV…"),
        );
        if csv
            .on_hover_text("One row per compared role, every figure of the method")
            .clicked()
        {
            actions.push(Action::ExportCsv(CsvScope::Comparison));
        }
        if ui
            .button("Export library as CSV…")
            .on_hover_text("One row per role of the library, every figure")
            .clicked()
        {
            actions.push(Action::ExportCsv(CsvScope::Library));
        }
    });
}

fn intro(ui: &mut Ui, count: usize, ticked: bool) {
    let text = match (count, ticked) {
        (0, _) => "No role to compare: tick roles in the list (or select one).".to_owned(),
        (_, false) => {
            "No roles ticked: showing the selected role. Tick roles in the list to compare them."
                .to_owned()
        }
        (n, true) => format!(
            "Comparing {}.",
            crate::fmt::count(n, "ticked role", "ticked roles")
        ),
    };
    ui.label(RichText::new(text).weak());
}

fn sections(
    ui: &mut Ui,
    set: &[Compared<'_>],
    (framework, second): (&Framework, Option<&Framework>),
    compare: &mut CompareView,
) {
    let input = score_bars::ChartInput {
        set,
        framework,
        show_references: compare.show_references,
        second,
    };
    let width = ui.available_width();
    score_chart_section(ui, &input);
    if compare.chart_export.is_waiting() {
        chart_for_export(ui, &input, width, &mut compare.chart_export);
    }
    ui.add_space(8.0);
    section_heading(
        ui,
        "How each score is built",
        "From the task resistance score alone, each modifier in turn, to the score",
    );
    in_view(ui, "breakdown", |ui| breakdown::ui(ui, set, framework));
    ui.add_space(8.0);
    let help = format!(
        "Each role's task time by automation score ({}) and by impact",
        super::widgets::score_scale(&framework.task_score)
    );
    section_heading(ui, "Where the working time goes", &help);
    in_view(ui, "time split", |ui| time_split::ui(ui, set));
    ui.add_space(8.0);
    section_heading(
        ui,
        "Every figure side by side",
        "★ marks the best value of a row where higher or lower is clearly better",
    );
    in_view(ui, "table", |ui| {
        table::ui(ui, set, (framework, second), &mut compare.roles_as_rows);
    });
}

/// The score chart under its heading, with its key.
fn score_chart_section(ui: &mut Ui, input: &score_bars::ChartInput<'_>) {
    section_heading(
        ui,
        "Scores against the zones",
        "The final score of each role (the override where one is set) against the Red, Yellow and Green bands",
    );
    score_bars::ui(ui, input);
}

/// While a chart export waits: the whole score chart, `width` wide, over the top of the window
/// for the frame its picture is taken of, so a chart taller than the view is not cut (the
/// window draws it once invisibly first, to know its size).
fn chart_for_export(
    ui: &Ui,
    input: &score_bars::ChartInput<'_>,
    width: f32,
    export: &mut png::ChartExport,
) {
    egui::Area::new(ui.scope_id().with("score chart for export"))
        .order(egui::Order::Foreground)
        .fixed_pos(ui.ctx().content_rect().min)
        .fade_in(false)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            let frame = egui::Frame::new()
                .fill(ui.visuals().panel_fill)
                .inner_margin(8)
                .show(ui, |ui| {
                    ui.set_width(width - 16.0);
                    score_chart_section(ui, input);
                });
            if ui.is_sizing_pass() {
                ui.ctx().request_repaint();
            } else {
                // The picture takes a little room around what it is given: the frame's margin.
                export.capture(ui, frame.response.rect.shrink(4.0));
            }
        });
}

/// Draws a section when any of it is in view; otherwise leaves the space it took last time, so
/// scrolling stays right and sections out of view cost nothing.
fn in_view(ui: &mut Ui, name: &str, add: impl FnOnce(&mut Ui)) {
    let id = ui.scope_id().with(("section height", name));
    let last_height: Option<f32> = ui.data(|d| d.get_temp(id));
    if let Some(height) = last_height {
        let rect =
            egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
        if !ui.is_rect_visible(rect) {
            ui.allocate_space(rect.size());
            return;
        }
    }
    let height = ui.scope(add).response.rect.height();
    ui.data_mut(|d| d.insert_temp(id, height));
}

fn section_heading(ui: &mut Ui, title: &str, help: &str) {
    ui.label(RichText::new(title).strong().size(16.0));
    ui.label(RichText::new(help).weak().small());
}
