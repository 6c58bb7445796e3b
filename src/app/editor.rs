//! The editor of the selected role: one tab per part of the assessment. Widgets edit the
//! assessment in place; a change is recorded as an undo step and every figure is recomputed.

use egui::Ui;

use super::tabs::{self, TabContext};
use super::widgets::Jump;
use super::{Action, AijriApp, Tab};

/// Draws the tab bar and the selected tab.
pub fn ui(ui: &mut Ui, app: &mut AijriApp) {
    let Some(index) = app.selected.filter(|&i| {
        app.library
            .entries
            .get(i)
            .is_some_and(|e| e.doc().is_some())
    }) else {
        ui.centered_and_justified(|ui| ui.label("Select a role in the list to edit it."));
        return;
    };
    tab_bar(ui, app);
    ui.separator();
    let jump_to = app.jump_to.take();
    let AijriApp {
        library,
        framework,
        tab,
        ..
    } = app;
    let Some(doc) = library
        .entries
        .get_mut(index)
        .and_then(super::state::Entry::doc_mut)
    else {
        return;
    };
    let before = doc.assessment.clone();
    let cx = TabContext {
        framework,
        breakdown: &doc.breakdown,
        jump: Jump {
            field: jump_to.as_deref(),
        },
    };
    let tab = *tab;
    egui::ScrollArea::vertical()
        .id_salt(("editor", tab))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(1100.0));
            tabs::ui(ui, tab, &mut doc.assessment, &cx);
        });
    if doc.assessment != before {
        app.record_widget_edit(before, ui.ctx());
    }
}

fn tab_bar(ui: &mut Ui, app: &mut AijriApp) {
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            if ui.selectable_label(app.tab == tab, tab.label()).clicked() {
                app.emit(Action::SetTab(tab));
            }
        }
    });
}
