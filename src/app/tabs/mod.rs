//! The editor tabs, one file each. Each draws one part of the assessment and edits the editor's
//! working copy; the Tasks tab also returns structural changes to the task list.

pub mod barriers;
pub mod commentary;
pub mod evidence;
pub mod overview;
pub mod protective;
pub mod score;
pub mod tasks;

use egui::Ui;

use super::Tab;
use super::editor::Rationales;
use super::store::TaskEdit;
use super::widgets::Jump;
use crate::framework::Framework;
use crate::model::Assessment;
use crate::scoring::Breakdown;

/// What every tab needs besides the assessment it edits.
pub struct TabContext<'a> {
    /// The framework: names, ranges, help.
    pub framework: &'a Framework,
    /// The figures as of the start of this frame.
    pub breakdown: &'a Breakdown,
    /// The field to scroll to, if any.
    pub jump: Jump<'a>,
}

/// Draws one tab; returns a change to the task list the user asked for.
pub fn ui(
    ui: &mut Ui,
    tab: Tab,
    a: &mut Assessment,
    cx: &TabContext<'_>,
    rationales: Rationales<'_>,
) -> Option<TaskEdit> {
    match tab {
        Tab::Overview => overview::ui(ui, a, cx),
        Tab::Protective => protective::ui(ui, a, cx),
        Tab::Tasks => return tasks::ui(ui, a, cx, rationales),
        Tab::Evidence => evidence::ui(ui, a, cx),
        Tab::Barriers => barriers::ui(ui, a, cx),
        Tab::Score => score::ui(ui, a, cx),
        Tab::Commentary => commentary::ui(ui, a, cx),
    }
    None
}
