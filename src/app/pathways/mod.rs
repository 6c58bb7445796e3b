//! The Pathways view: where the selected role leads. Its options under "where to look next"
//! resolved in the open library ([`crate::pathways`]) — on the score chart Compare draws, with an
//! arrow from the role to each option ([`chart`]), and in a table with what can be done with each
//! ([`table`]: open it, link it, import it) — then *Compare these*, the library's roles that lead
//! here, and how well the whole library's links resolve.

pub mod chart;
pub mod table;

use egui::{RichText, Ui};

use super::client_report::open_library;
use super::compare::png;
use super::store::{DocId, Document, Store};
use super::{Action, AppState};
use crate::chart_layout::names::{NameSource, RoleName, role_names};
use crate::fmt;
use crate::framework::Framework;
use crate::pathways::{
    Lead, Library, LibraryIndex, LibraryRole, Pathway, PathwayOption, Summary, leading_to_each,
    summary,
};

/// How many titles the library lacks are named before "and N more".
const MISSING_SHOWN: usize = 12;

/// What the Pathways view remembers between frames (the selection is the app's).
#[derive(Debug, Default)]
pub struct PathwaysView {
    /// The chart export in progress, if any (as Compare's: [`png::ChartExport`]).
    pub chart_export: png::ChartExport,
    /// The library's index and links, kept while no document changes.
    links: Option<LibraryLinks>,
}

/// What the view works out from the whole library, kept until a document changes
/// ([`Store::revision`]): resolving every link of 10,000 roles each frame would be felt.
#[derive(Debug)]
struct LibraryLinks {
    /// The store's revision it was made at.
    revision: u64,
    /// The roles indexed by id and title.
    index: LibraryIndex,
    /// The roles that lead to each role, by its index in the library.
    leads: Vec<Vec<Lead>>,
    /// How well the library's links resolve.
    summary: Summary,
}

impl LibraryLinks {
    /// The links of the library `roles`, at the store's `revision`.
    fn of(roles: &[LibraryRole<'_>], revision: u64) -> Self {
        let index = LibraryIndex::of(roles);
        let all = Library::indexed(roles, &index).pathways();
        let leads = leading_to_each(&all, roles.len());
        let summary = summary(&all);
        Self {
            revision,
            index,
            leads,
            summary,
        }
    }
}

/// The selected role's options resolved in the open library, with what the chart and the table
/// need to name and reach each library role.
pub struct Resolved<'a> {
    /// The selected document.
    pub id: DocId,
    /// Its document.
    pub doc: &'a Document,
    /// Its name: title, and seniority beneath.
    pub name: RoleName,
    /// The framework it is shown under (the zones of a published score).
    pub framework: &'a Framework,
    /// Its options.
    pub pathway: Pathway<'a>,
    /// The library's documents, in the order of the library's roles.
    pub ids: &'a [DocId],
    /// The library's roles.
    pub roles: &'a [LibraryRole<'a>],
    /// The open documents.
    pub store: &'a Store,
}

impl Resolved<'_> {
    /// The figures of an open document, as the window shows them.
    #[must_use]
    pub fn doc_breakdown(&self, id: DocId) -> Option<&crate::scoring::Breakdown> {
        self.store.doc(id).map(Document::breakdown)
    }

    /// The library role an option resolved to: its document's id and its assessment.
    #[must_use]
    pub fn matched(&self, option: &PathwayOption<'_>) -> Option<(DocId, &LibraryRole<'_>)> {
        let index = option.matched.as_ref()?.index;
        Some((*self.ids.get(index)?, self.roles.get(index)?))
    }

    /// The role and the library roles its options resolved to, each once: what *Compare these*
    /// ticks.
    #[must_use]
    pub fn compare_these(&self) -> Vec<DocId> {
        let mut ids = vec![self.id];
        for (id, _) in self.pathway.options.iter().filter_map(|o| self.matched(o)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}

impl PathwaysView {
    /// Draws the Pathways view of the selected role.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let (ids, roles): (Vec<DocId>, Vec<LibraryRole<'_>>) = open_library(&state.store).unzip();
        let revision = state.store.revision();
        if self.links.as_ref().is_none_or(|l| l.revision != revision) {
            self.links = Some(LibraryLinks::of(&roles, revision));
        }
        let Some(links) = &self.links else { return };
        let library = Library::indexed(&roles, &links.index);
        egui::ScrollArea::vertical()
            .id_salt("pathways")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                match state.selected_doc() {
                    Some((id, doc)) => {
                        let source = ids.iter().position(|&i| i == id);
                        let assessment = doc.assessment();
                        let resolved = Resolved {
                            id,
                            doc,
                            name: name_of(doc),
                            framework: state.framework_for(assessment),
                            pathway: library.pathway(
                                assessment,
                                doc.breakdown().final_result(),
                                source,
                            ),
                            ids: &ids,
                            roles: &roles,
                            store: &state.store,
                        };
                        role_sections(ui, &resolved, &mut self.chart_export, actions);
                        let leads = source
                            .and_then(|i| links.leads.get(i))
                            .map_or(&[][..], Vec::as_slice);
                        leading_here(ui, &resolved, leads, actions);
                    }
                    None => {
                        ui.label(
                            "No role selected: select a role in the list to see where it leads.",
                        );
                    }
                }
                ui.add_space(8.0);
                library_links(ui, &links.summary, &roles);
            });
    }
}

/// A role's name as the chart's first row shows it.
fn name_of(doc: &Document) -> RoleName {
    let assessment = doc.assessment();
    let source = NameSource {
        title: &assessment.role.title,
        seniority: &assessment.role.seniority,
        adjusted: crate::adjust::is_adjusted(assessment),
        origin: "",
    };
    role_names(&[source]).remove(0)
}

/// The chart and the table of the role's options, and *Compare these*; or why there are none.
fn role_sections(
    ui: &mut Ui,
    resolved: &Resolved<'_>,
    export: &mut png::ChartExport,
    actions: &mut Vec<Action>,
) {
    let title = &resolved.name.label;
    ui.label(
        RichText::new(format!("Where {title} leads"))
            .strong()
            .size(18.0),
    );
    if resolved.pathway.options.is_empty() {
        ui.label(format!(
            "{title} names no roles under “where to look next”: add them in the editor's Commentary tab."
        ));
        return;
    }
    toolbar(ui, resolved, export.is_waiting(), actions);
    ui.add_space(4.0);
    // The heading, the chart and its key: what the PNG holds.
    let section = ui.scope(|ui| {
        section_heading(
            ui,
            "Options against the zones",
            "Each option's score, from the library where it is there; the arrow is the change from this role",
        );
        chart::ui(ui, resolved);
    });
    export.capture(ui, section.response.rect);
    ui.add_space(8.0);
    section_heading(
        ui,
        "The options",
        "As published with the role, and as the library scores them now",
    );
    table::ui(ui, resolved, actions);
}

/// *Compare these* and *Export chart as PNG…*.
fn toolbar(ui: &mut Ui, resolved: &Resolved<'_>, exporting: bool, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let compare = resolved.compare_these();
        let button = ui.add_enabled(compare.len() > 1, egui::Button::new("Compare these"));
        if button
            .on_hover_text("Tick this role and the options found in the library, and compare them")
            .on_disabled_hover_text("None of the options is in the library")
            .clicked()
        {
            actions.push(Action::CompareRoles(compare));
        }
        let export = ui.add_enabled(!exporting, egui::Button::new("Export chart as PNG…"));
        if export
            .on_hover_text("Save the pathways chart as an image")
            .clicked()
        {
            actions.push(Action::ExportPathwaysPng);
        }
    });
}

/// *Roles that lead here*: the library's roles that name this one among their options.
fn leading_here(ui: &mut Ui, resolved: &Resolved<'_>, leads: &[Lead], actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    section_heading(
        ui,
        "Roles that lead here",
        "The library's roles that name this one under “where to look next”",
    );
    if leads.is_empty() {
        ui.label(RichText::new("No role of the library names this one.").weak());
        return;
    }
    for lead in leads {
        let (Some(&id), Some(role)) = (resolved.ids.get(lead.from), resolved.roles.get(lead.from))
        else {
            continue;
        };
        let assessment = role.assessment;
        let note = assessment
            .commentary
            .where_to_look_next
            .get(lead.position)
            .map(|r| r.note.trim())
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            let title = assessment.display_title();
            let open = ui.button("Open");
            let name = format!("Open {title}, which leads here");
            open.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if open.on_hover_text("Select this role").clicked() {
                actions.push(Action::Select(id));
            }
            let score = role.result.map_or_else(
                || "no score".to_owned(),
                |r| format!("{} {}", fmt::score(r.score), r.zone.name()),
            );
            ui.label(RichText::new(format!("{title}: {score}")).strong());
            if !note.is_empty() {
                ui.label(RichText::new(format!("“{note}”")).weak());
            }
        });
    }
}

/// For the whole library: how many links resolve, and the titles named that it lacks.
fn library_links(ui: &mut Ui, summary: &Summary, roles: &[LibraryRole<'_>]) {
    section_heading(
        ui,
        "The library's links",
        "Every role of the library named under “where to look next”, found or not",
    );
    ui.label(format!(
        "{} of {} resolve to a role of the library.",
        summary.resolved,
        fmt::count(summary.links, "link", "links"),
    ));
    if summary.missing.is_empty() {
        return;
    }
    ui.label("Named but not in the library:");
    for missing in summary.missing.iter().take(MISSING_SHOWN) {
        let by: Vec<String> = missing
            .named_by
            .iter()
            .filter_map(|&i| roles.get(i))
            .map(|r| r.assessment.display_title())
            .collect();
        ui.label(format!("• {} — named by {}", missing.title, by.join(", ")));
    }
    let more = summary.missing.len().saturating_sub(MISSING_SHOWN);
    if more > 0 {
        ui.label(RichText::new(format!("and {more} more")).weak());
    }
}

fn section_heading(ui: &mut Ui, title: &str, help: &str) {
    ui.label(RichText::new(title).strong().size(16.0));
    ui.label(RichText::new(help).weak().small());
}
