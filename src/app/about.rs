//! Help → About AIJRI Desk: the version, the licence, the data folder (with Open), the framework
//! in use, and the licences of the crates the window ships — the list `build.rs` made from
//! `cargo metadata` when this program was built, embedded in it.

use std::sync::OnceLock;

use egui::{RichText, Ui};
use serde::Deserialize;

use super::{Action, AppState};

/// The list of shipped crates `build.rs` wrote (JSON).
const SHIPPED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/crate-licences.json"));

/// The crates the window ships, with their licences.
#[derive(Debug, Default, Deserialize)]
pub struct Shipped {
    /// The crates, by name and version.
    pub crates: Vec<ShippedCrate>,
    /// The licence texts, each kept once.
    pub texts: Vec<LicenceText>,
}

/// One crate the window ships.
#[derive(Debug, Deserialize)]
pub struct ShippedCrate {
    /// Its name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Its licence expression (SPDX), when its manifest gives one.
    pub licence: Option<String>,
    /// Its licence files, as indices into [`Shipped::texts`].
    pub texts: Vec<usize>,
}

/// The text of a licence file.
#[derive(Debug, Deserialize)]
pub struct LicenceText {
    /// The file's name in its package (`LICENSE-MIT`).
    pub file: String,
    /// What it says.
    pub text: String,
}

/// The shipped crates, read once from the embedded list (an unreadable list, which a build
/// cannot make, reads as empty).
#[must_use]
pub fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| serde_json::from_str(SHIPPED_JSON).unwrap_or_default())
}

impl ShippedCrate {
    /// "egui 0.37.0 — MIT OR Apache-2.0".
    #[must_use]
    pub fn line(&self) -> String {
        let licence = self.licence.as_deref().unwrap_or("no licence expression");
        format!("{} {} — {licence}", self.name, self.version)
    }
}

/// What About keeps between frames: the search in the crate list and the crate shown.
#[derive(Debug, Default)]
pub struct AboutView {
    search: String,
    chosen: Option<usize>,
}

impl AboutView {
    /// Draws the page.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        ui.label(
            RichText::new(format!("AIJRI Desk {}", env!("CARGO_PKG_VERSION")))
                .size(18.0)
                .strong(),
        );
        ui.label(env!("CARGO_PKG_DESCRIPTION"));
        ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
        ui.label(format!(
            "Licence: {} (you may use it under either)",
            env!("CARGO_PKG_LICENSE")
        ));
        ui.add_space(6.0);
        data_folder_ui(ui, state, actions);
        ui.add_space(6.0);
        ui.label(framework_in_use(state));
        ui.add_space(10.0);
        self.crates_ui(ui);
    }

    /// The shipped crates: a search, the list (only the rows in view are laid out), and the
    /// licence texts of the crate chosen.
    fn crates_ui(&mut self, ui: &mut Ui) {
        let shipped = shipped();
        ui.label(RichText::new("The crates it ships").strong());
        ui.label(format!(
            "AIJRI Desk is built with {} of the Rust ecosystem, each under its own licence \
             (listed when this program was built). Choose one to read its licence.",
            crate::fmt::count(shipped.crates.len(), "crate", "crates")
        ));
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Find a crate")
                .desired_width(260.0),
        )
        .accessible_name("Find a crate");
        let needle = self.search.trim().to_lowercase();
        let rows: Vec<usize> = (0..shipped.crates.len())
            .filter(|&i| shipped.crates[i].name.to_lowercase().contains(&needle))
            .collect();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical()
            .id_salt("shipped crates")
            .max_height(220.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for &i in &rows[range] {
                    let line = shipped.crates[i].line();
                    if ui.selectable_label(self.chosen == Some(i), line).clicked() {
                        self.chosen = Some(i);
                    }
                }
            });
        if let Some(chosen) = self.chosen.and_then(|i| shipped.crates.get(i)) {
            licence_ui(ui, shipped, chosen);
        }
    }
}

/// The data folder, with a button that opens it.
fn data_folder_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    match &state.data_dir {
        Some(dir) => {
            ui.label(format!(
                "Data folder (the program's own library, settings, recovery files, your report \
                 template): {}",
                dir.display()
            ));
            if ui
                .button("Open the data folder")
                .on_hover_text("Open it in the desktop's file manager")
                .clicked()
            {
                actions.push(Action::OpenDataFolder);
            }
        }
        None => {
            ui.label("Data folder: none (no home folder was found): nothing is remembered.");
        }
    }
}

/// Which framework the roles are scored under.
fn framework_in_use(state: &AppState) -> String {
    let named =
        |f: &crate::framework::Framework| format!("“{}” ({}, version {})", f.name, f.id, f.version);
    let selected = state
        .selected_doc()
        .map(|(_, d)| state.framework_for(d.assessment()));
    match (&state.view_under, selected) {
        (Some(_), _) => format!(
            "Framework in use: {}, for every role.",
            named(&state.framework)
        ),
        (None, Some(framework)) => format!(
            "Framework in use: each role's own; the selected role's is {}.",
            named(framework)
        ),
        (None, None) => format!(
            "Framework in use: each role's own (the published one is {}).",
            named(crate::framework::Framework::published())
        ),
    }
}

/// The licence texts of one crate.
fn licence_ui(ui: &mut Ui, shipped: &Shipped, chosen: &ShippedCrate) {
    ui.add_space(6.0);
    ui.label(RichText::new(chosen.line()).strong());
    if chosen.texts.is_empty() {
        ui.label("Its package holds no licence file: its licence is the expression above.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt(("licence text", &chosen.name, &chosen.version))
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for text in chosen.texts.iter().filter_map(|&i| shipped.texts.get(i)) {
                ui.label(RichText::new(&text.file).strong());
                ui.label(RichText::new(&text.text).monospace().small());
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_crates_are_listed_with_their_licences_and_macros_are_not() {
        let shipped = shipped();
        let find = |name: &str| shipped.crates.iter().find(|c| c.name == name);
        let egui = find("egui").map(ShippedCrate::line);
        assert!(
            egui.as_deref()
                .is_some_and(|l| l.starts_with("egui 0.37") && l.ends_with("MIT OR Apache-2.0")),
            "{egui:?}"
        );
        let serde = find("serde").map(|c| c.texts.len());
        assert!(
            serde.is_some_and(|n| n > 0),
            "serde's licence texts are there"
        );
        assert!(
            find("wgpu").is_none(),
            "only the tests' renderer links wgpu"
        );
        assert!(
            find("serde_derive").is_none(),
            "a procedural macro runs at build time only"
        );
        assert!(
            find("criterion").is_none(),
            "a development dependency is not shipped"
        );
        assert!(find("cargo_metadata").is_none(), "nor a build dependency");
        assert!(
            find("aijri-desk").is_none(),
            "the program itself is not among its crates"
        );
    }
}
