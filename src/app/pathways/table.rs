//! The options of a role in a table: the option, its published score, the library's score and
//! zone, the change from the role, the reason; and what can be done with it — open the library
//! role it resolved to, link an option the library has under another title to a library role
//! (through the one edit door, undoable: [`Edit::LinkRelated`]), or import its page.

use egui::{RichText, Ui};

use super::Resolved;
use crate::app::Action;
use crate::app::store::Edit;
use crate::fmt;
use crate::pathways::{MatchedBy, PathwayOption};

/// The share of the view's width the reason column takes, and its least and greatest width.
const REASON_SHARE: f32 = 0.27;
const REASON_WIDTH: (f32, f32) = (150.0, 320.0);

/// Draws the table of options.
pub fn ui(ui: &mut Ui, resolved: &Resolved<'_>, actions: &mut Vec<Action>) {
    let reason_width = (ui.available_width() * REASON_SHARE).clamp(REASON_WIDTH.0, REASON_WIDTH.1);
    egui::Grid::new("pathway options")
        .striped(true)
        .num_columns(6)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for heading in [
                "Option",
                "Published",
                "In the library",
                "Change",
                "Reason",
                "Actions",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for option in &resolved.pathway.options {
                row(ui, resolved, option, reason_width, actions);
                ui.end_row();
            }
        });
}

/// One option's row.
fn row(
    ui: &mut Ui,
    resolved: &Resolved<'_>,
    option: &PathwayOption<'_>,
    reason_width: f32,
    actions: &mut Vec<Action>,
) {
    let title = option.related.title.as_str();
    ui.label(RichText::new(title).strong());
    ui.label(fmt::or_missing(option.figures.published, fmt::score));
    let (figures, role) = in_library(resolved, option);
    let figures = ui.add(egui::Label::new(figures).extend());
    if let Some(role) = role {
        figures.on_hover_text(role);
    }
    ui.label(fmt::or_missing(option.change, fmt::score_delta));
    ui.scope(|ui| {
        ui.set_max_width(reason_width);
        ui.add(egui::Label::new(option.related.note.trim()).wrap());
    });
    ui.horizontal(|ui| actions_ui(ui, resolved, option, actions));
}

/// The library's figures for an option, or why there are none; and the library role it
/// resolved to, and how (its hover text).
fn in_library(resolved: &Resolved<'_>, option: &PathwayOption<'_>) -> (String, Option<String>) {
    if option.names_itself {
        return ("this role itself".to_owned(), None);
    }
    let Some((_, role)) = resolved.matched(option) else {
        let why = if option.stale_link {
            "not in the library (its link names no role)"
        } else {
            "not in the library"
        };
        return (why.to_owned(), None);
    };
    let standing = option.figures.standing(resolved.framework);
    let how = match option.matched.as_ref().map(|m| m.by) {
        Some(MatchedBy::Id) => "linked",
        _ => "by title",
    };
    let figures = match standing.aside {
        Some(aside) => format!("{} ({aside})", standing.shown),
        None => standing.shown,
    };
    let role = format!("{} · {how}", role.assessment.display_title());
    (figures, Some(role))
}

/// Open (a matched option), Unlink (a linked one), Link… and Import… (an unmatched one).
fn actions_ui(
    ui: &mut Ui,
    resolved: &Resolved<'_>,
    option: &PathwayOption<'_>,
    actions: &mut Vec<Action>,
) {
    let title = &option.related.title;
    if let Some((id, _)) = resolved.matched(option) {
        let open = named(ui.button("Open"), &format!("Open {title}"));
        if open.on_hover_text("Select this library role").clicked() {
            actions.push(Action::Select(id));
        }
    }
    if option.related.id.is_some() {
        let unlink = named(ui.button("Unlink"), &format!("Unlink {title}"));
        if unlink
            .on_hover_text("Take the link away: the option is matched by its title again")
            .clicked()
        {
            actions.push(link(resolved, option, None));
        }
    }
    if option.matched.is_none() && !option.names_itself {
        link_ui(ui, resolved, option, actions);
        let import = named(ui.button("Import…"), &format!("Import {title}"));
        if import
            .on_hover_text("Import its published page (File → Import)")
            .clicked()
        {
            actions.push(Action::ImportText);
        }
    }
}

/// "Link…": a list of the library's roles (those with an id, the role itself left out); the one
/// chosen is written as the option's link.
fn link_ui(
    ui: &mut Ui,
    resolved: &Resolved<'_>,
    option: &PathwayOption<'_>,
    actions: &mut Vec<Action>,
) {
    let name = format!("Link {} to a library role", option.related.title);
    let combo = egui::ComboBox::from_id_salt(("link option", option.position))
        .selected_text("Link…")
        .height(320.0)
        .show_ui(ui, |ui| {
            let linkable = resolved
                .ids
                .iter()
                .zip(resolved.roles)
                .filter(|(id, role)| {
                    **id != resolved.id && !role.assessment.meta.id.trim().is_empty()
                });
            for (_, role) in linkable {
                let text = role.assessment.display_title();
                if ui.selectable_label(false, text).clicked() {
                    let id = role.assessment.meta.id.trim().to_owned();
                    actions.push(link(resolved, option, Some(id)));
                }
            }
        });
    named_as(combo.response, egui::Role::ComboBox, &name)
        .on_hover_text("The library's role this option means");
}

/// The edit that links an option to the library role with the id `id` (or unlinks it).
fn link(resolved: &Resolved<'_>, option: &PathwayOption<'_>, id: Option<String>) -> Action {
    Action::Edit(
        resolved.id,
        Edit::LinkRelated {
            position: option.position,
            id,
        },
    )
}

/// A widget's accessible name, where its text alone is the same on every row.
fn named(response: egui::Response, name: &str) -> egui::Response {
    named_as(response, egui::Role::Button, name)
}

/// [`named`] for a widget of another role.
fn named_as(response: egui::Response, role: egui::Role, name: &str) -> egui::Response {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, name));
    response
}
