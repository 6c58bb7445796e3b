//! The role list: every assessment of the library with its score, zone, sub-label and markers;
//! search, zone filter and sort; tick boxes for the comparison set. Only the rows in view are laid
//! out, and scores come from each document's cache, so 10,000 roles stay fluid.

use egui::{Color32, RichText, Ui};

use super::state::{Entry, SortKey};
use super::widgets::zone_chip;
use super::{Action, AijriApp};
use crate::model::Zone;
use crate::scoring::displayed_score;

const ROW_HEIGHT: f32 = 40.0;

/// Draws the role list.
pub fn ui(ui: &mut Ui, app: &mut AijriApp) {
    ui.add_space(4.0);
    search_ui(ui, app);
    filters_ui(ui, app);
    let visible = app.library.visible(&app.filter).to_vec();
    let compared = app.library.entries.iter().filter(|e| e.compared).count();
    ui.label(
        RichText::new(format!(
            "{} of {} roles · {compared} compared",
            visible.len(),
            app.library.entries.len()
        ))
        .weak(),
    );
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, visible.len(), |ui, rows| {
            for &index in &visible[rows] {
                row_ui(ui, app, index);
            }
        });
}

fn search_ui(ui: &mut Ui, app: &mut AijriApp) {
    let search = ui.add(
        egui::TextEdit::singleline(&mut app.filter.search)
            .hint_text("Search title, seniority or tag (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    if super::menu::find_pressed(ui.ctx()) || std::mem::take(&mut app.focus_search) {
        search.request_focus();
    }
}

fn filters_ui(ui: &mut Ui, app: &mut AijriApp) {
    ui.horizontal(|ui| {
        let zone_text = app.filter.zone.map_or("All zones", Zone::name);
        egui::ComboBox::from_id_salt("zone filter")
            .selected_text(zone_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut app.filter.zone, None, "All zones");
                for zone in Zone::ALL {
                    ui.selectable_value(&mut app.filter.zone, Some(zone), zone.name());
                }
            })
            .response
            .on_hover_text("Show only roles in one zone");
        egui::ComboBox::from_id_salt("sort")
            .selected_text(app.filter.sort.label())
            .show_ui(ui, |ui| {
                for key in SortKey::ALL {
                    ui.selectable_value(&mut app.filter.sort, key, key.label());
                }
            })
            .response
            .on_hover_text("Order of the list");
    });
}

fn row_ui(ui: &mut Ui, app: &mut AijriApp, index: usize) {
    let selected = app.selected == Some(index);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, ROW_HEIGHT), |ui| {
        ui.set_min_height(ROW_HEIGHT);
        match app.library.entries.get(index) {
            Some(entry) if entry.doc().is_none() => failed_row(ui, entry),
            Some(_) => loaded_row(ui, app, index, selected),
            None => {}
        }
    });
}

fn loaded_row(ui: &mut Ui, app: &mut AijriApp, index: usize, selected: bool) {
    let Some(entry) = app.library.entries.get(index) else {
        return;
    };
    let Some(doc) = entry.doc() else { return };
    let a = &doc.assessment;
    let b = &doc.breakdown;
    let mut compared = entry.compared;
    let mut action = None;
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
            action = Some(Action::ToggleCompare(index));
        }
        ui.vertical(|ui| {
            egui::Sides::new().truncate().show(
                ui,
                |ui| {
                    let response = ui.add(
                        egui::Button::selectable(selected, RichText::new(title).strong())
                            .truncate(),
                    );
                    if response.clicked() {
                        action = Some(Action::Select(index));
                    }
                },
                |ui| {
                    let result = b.final_result;
                    zone_chip(
                        ui,
                        result.zone,
                        if result.overridden { None } else { b.sub_label },
                    );
                    ui.label(
                        RichText::new(format!("{:.1}", displayed_score(result.score)))
                            .monospace()
                            .strong(),
                    );
                },
            );
            ui.horizontal(|ui| {
                let detail = match (a.role.seniority.is_empty(), a.meta.id.is_empty()) {
                    (false, false) => format!("{} · {}", a.role.seniority, a.meta.id),
                    (true, false) => a.meta.id.clone(),
                    _ => a.role.seniority.clone(),
                };
                ui.label(RichText::new(detail).small().weak())
                    .on_hover_text(entry.path.display().to_string());
                markers(ui, doc);
            });
        });
    });
    if let Some(action) = action {
        app.emit(action);
    }
}

fn markers(ui: &mut Ui, doc: &super::state::Doc) {
    let b = &doc.breakdown;
    if b.final_result.overridden {
        ui.label(RichText::new("⚑ override").small())
            .on_hover_text("The assessor overrode the computed result");
    }
    if b.provisional || crate::validate::has_errors(&doc.findings) {
        ui.label(
            RichText::new("⚠ provisional")
                .small()
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text("Validation finds errors: the figures are provisional until fixed");
    }
    if doc.dirty {
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
