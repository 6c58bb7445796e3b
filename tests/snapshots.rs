//! Image snapshots of the whole window (light and dark) and of each editor tab, rendered through
//! wgpu (Mesa's lavapipe on Linux). Skipped, with a message, where no adapter exists.
//! Regenerate after an intended change with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use aijri_desk::app::{Action, Tab};
use common::{click, library_copy, rendering_harness};

fn whole_window(theme: egui::Theme, name: &str) {
    let folder = library_copy();
    let Some(mut harness) = rendering_harness(folder.path(), theme) else {
        return;
    };
    click(&mut harness, "Backend/API Developer");
    harness.snapshot(name);
}

#[test]
fn whole_window_light() {
    whole_window(egui::Theme::Light, "window_light");
}

#[test]
fn whole_window_dark() {
    whole_window(egui::Theme::Dark, "window_dark");
}

#[test]
fn every_editor_tab() {
    let folder = library_copy();
    let Some(mut harness) = rendering_harness(folder.path(), egui::Theme::Light) else {
        return;
    };
    click(&mut harness, "Backend/API Developer");
    for tab in Tab::ALL {
        harness.state_mut().apply(Action::SetTab(tab));
        harness.run();
        let words: Vec<&str> = tab
            .label()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let name = format!("tab_{}", words.join("_").to_lowercase());
        harness.snapshot(&name);
    }
}
