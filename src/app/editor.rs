//! The editor of the selected role: one tab per part of the assessment. The tabs draw on a
//! working copy; when the copy differs after the frame, the editor hands it to the one door
//! ([`Action::Edit`] with [`Edit::Fields`]), and structural changes to the task list as
//! [`Edit::Tasks`]. Nothing here changes a document directly.

use std::collections::BTreeSet;

use egui::Ui;

use super::store::Edit;
use super::tabs::{self, TabContext};
use super::widgets::Jump;
use super::{Action, AppState, Tab};

/// What the editor remembers between frames.
#[derive(Debug, Default)]
pub struct EditorView {
    /// The tab shown.
    pub tab: Tab,
    /// A field to scroll to and focus on the next frame.
    pub jump_to: Option<String>,
    /// The tasks whose rationale row is open, by index.
    pub open_rationales: BTreeSet<usize>,
    /// Keyboard focus goes to the tab's first control on the next frame.
    focus_first: bool,
}

impl EditorView {
    /// Shows the tab of a field and scrolls to it on the next frame.
    pub fn go_to(&mut self, field: String) {
        self.tab = Tab::for_field(&field);
        if let Some(index) = task_index(&field) {
            self.open_rationales.insert(index);
        }
        self.jump_to = Some(field);
    }

    /// Shows a tab (or the one shown) with keyboard focus on its first control, next frame.
    pub fn focus_first(&mut self, tab: Option<Tab>) {
        if let Some(tab) = tab {
            self.tab = tab;
        }
        self.focus_first = true;
    }

    /// Draws the tab bar and the selected tab of the selected document.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let Some((id, doc)) = state.selected_doc() else {
            self.focus_first = false;
            ui.centered_and_justified(|ui| ui.label("Select a role in the list to edit it."));
            return;
        };
        self.tab_bar(ui, actions);
        ui.separator();
        let jump_to = self.jump_to.take();
        let cx = TabContext {
            framework: state.framework_for(doc.assessment()),
            breakdown: doc.breakdown(),
            jump: Jump {
                field: jump_to.as_deref(),
            },
        };
        let mut working = doc.assessment().clone();
        let tab = self.tab;
        let open_rationales = &mut self.open_rationales;
        let focus_first = std::mem::take(&mut self.focus_first);
        let task_edit = egui::ScrollArea::vertical()
            .id_salt(("editor", tab))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(1100.0));
                if focus_first {
                    super::keyboard::focus_next_control(ui, "editor tab");
                }
                tabs::ui(ui, tab, &mut working, &cx, open_rationales)
            })
            .inner;
        if &working != doc.assessment() {
            actions.push(Action::Edit(id, Edit::Fields(Box::new(working))));
        }
        if let Some(change) = task_edit {
            actions.push(Action::Edit(id, Edit::Tasks(change)));
        }
    }

    fn tab_bar(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    actions.push(Action::SetTab(tab));
                }
            }
        });
    }
}

/// The task a field path belongs to: `tasks[2].rationale` → 2.
fn task_index(field: &str) -> Option<usize> {
    let rest = field.strip_prefix("tasks[")?;
    rest.split_once(']')?.0.parse().ok()
}
