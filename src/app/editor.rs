//! The editor of the selected role: one tab per part of the assessment. The tabs draw on a
//! working copy; when the copy differs after the frame, the editor hands it to the one door
//! ([`Action::Edit`] with [`Edit::Fields`]), and structural changes to the task list as
//! [`Edit::Tasks`]. Nothing here changes a document directly.

use std::collections::BTreeSet;

use egui::Ui;

use super::store::{DocId, Edit, TaskEdit};
use super::tabs::{self, TabContext};
use super::widgets::Jump;
use super::{Action, AppState, Tab};
use crate::model::{FieldPath, Task};

/// What the editor remembers between frames.
#[derive(Debug, Default)]
pub struct EditorView {
    /// The tab shown.
    pub tab: Tab,
    /// A field to scroll to and focus on the next frame.
    pub jump_to: Option<FieldPath>,
    /// The tasks whose rationale row is open, by document and task.
    pub open_rationales: OpenRationales,
    /// Keyboard focus goes to the tab's first control on the next frame.
    focus_first: bool,
}

/// Which task a rationale row belongs to: the task's id where it has one, else its place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum TaskKey {
    /// A task with an id.
    Id(String),
    /// The task at a place in the list.
    At(usize),
}

/// The tasks whose rationale row is open, by document and task: opening task 3's rationale in
/// one role leaves every other role's closed, and a row follows its task when tasks are removed
/// or moved.
#[derive(Debug, Default)]
pub struct OpenRationales(BTreeSet<(DocId, TaskKey)>);

impl OpenRationales {
    /// The keys a task may be known by: its id, and its place.
    fn keys(tasks: &[Task], index: usize) -> impl Iterator<Item = TaskKey> {
        let id = tasks.get(index).and_then(|t| t.id.clone()).map(TaskKey::Id);
        id.into_iter().chain(std::iter::once(TaskKey::At(index)))
    }

    /// Whether the rationale row of the task at `index` of a document is open.
    #[must_use]
    pub fn is_open(&self, doc: DocId, tasks: &[Task], index: usize) -> bool {
        Self::keys(tasks, index).any(|key| self.0.contains(&(doc, key)))
    }

    /// Opens or closes the rationale row of the task at `index` of a document.
    pub fn set(&mut self, doc: DocId, tasks: &[Task], index: usize, open: bool) {
        for key in Self::keys(tasks, index) {
            if open {
                self.0.insert((doc, key));
            } else {
                self.0.remove(&(doc, key));
            }
        }
    }

    /// Keeps the rows known by place with their tasks after a change to a document's task list.
    pub fn follow(&mut self, doc: DocId, edit: TaskEdit) {
        let moved = |at: usize| match edit {
            TaskEdit::Remove(i) if at == i => None,
            TaskEdit::Remove(i) if at > i => Some(at - 1),
            TaskEdit::MoveUp(i) if at == i && i > 0 => Some(i - 1),
            TaskEdit::MoveUp(i) if at + 1 == i => Some(i),
            TaskEdit::MoveDown(i) if at == i => Some(i + 1),
            TaskEdit::MoveDown(i) if at == i + 1 => Some(i),
            _ => Some(at),
        };
        self.0 = std::mem::take(&mut self.0)
            .into_iter()
            .filter_map(|(d, key)| match key {
                TaskKey::At(at) if d == doc => Some((d, TaskKey::At(moved(at)?))),
                other => Some((d, other)),
            })
            .collect();
    }
}

/// The open rationale rows of the document a tab edits.
pub struct Rationales<'a> {
    /// The document.
    pub doc: DocId,
    /// The open rows of every document.
    pub open: &'a mut OpenRationales,
}

impl EditorView {
    /// Shows the tab of a field and scrolls to it on the next frame; a field of a task of
    /// `doc` (the document shown, with its tasks) opens that task's rationale row.
    pub fn go_to(&mut self, field: FieldPath, doc: Option<(DocId, &[Task])>) {
        self.tab = Tab::for_field(&field);
        if let (Some(index), Some((id, tasks))) = (field.task_index(), doc) {
            self.open_rationales.set(id, tasks, index, true);
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
                field: jump_to.as_ref(),
            },
        };
        let mut working = doc.assessment().clone();
        let tab = self.tab;
        let rationales = Rationales {
            doc: id,
            open: &mut self.open_rationales,
        };
        let focus_first = std::mem::take(&mut self.focus_first);
        let task_edit = egui::ScrollArea::vertical()
            .id_salt(("editor", tab))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(1100.0));
                if focus_first {
                    super::keyboard::focus_next_control(ui, "editor tab");
                }
                tabs::ui(ui, tab, &mut working, &cx, rationales)
            })
            .inner;
        if &working != doc.assessment() {
            actions.push(Action::Edit(id, Edit::Fields(Box::new(working))));
        }
        if let Some(change) = task_edit {
            self.open_rationales.follow(id, change);
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
