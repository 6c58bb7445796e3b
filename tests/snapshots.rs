//! Image snapshots of the whole window (light and dark) and of each editor tab, rendered through
//! wgpu (Mesa's lavapipe on Linux). Without an adapter they fail, unless AIJRI_DESK_SKIP_SNAPSHOTS
//! is set.
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

#[test]
fn tasks_table_at_the_narrowest_window_in_the_dark_with_a_rationale_open() {
    let folder = library_copy();
    let picker = aijri_desk::app::picker::ScriptedPicker::default();
    let Some(mut harness) =
        common::rendering_harness_at(folder.path(), egui::Theme::Dark, &picker, [900.0, 700.0])
    else {
        return;
    };
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Tasks");
    click(&mut harness, "Show rationale of task 2");
    harness.snapshot("tasks_900_dark");
    assert!(common::shows(&harness, "Hide rationale of task 2"));
    assert!(common::shows(&harness, "Rationale of task 2"));
}

#[test]
fn framework_editor_of_a_variant() {
    let folder = library_copy();
    let Some(mut harness) = rendering_harness(folder.path(), egui::Theme::Light) else {
        return;
    };
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Framework editor");
    click(&mut harness, "New variant of this framework");
    harness.snapshot("framework_editor");
}

#[test]
fn the_published_framework_read_only() {
    let folder = library_copy();
    let Some(mut harness) = rendering_harness(folder.path(), egui::Theme::Light) else {
        return;
    };
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Framework editor");
    harness.snapshot("framework_published");
}

#[test]
fn compare_under_two_frameworks() {
    let folder = library_copy();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/framework/examples/evidence-0.06.aijri-framework.json"
        ),
        folder.path().join("evidence-0.06.aijri-framework.json"),
    )
    .unwrap();
    let Some(mut harness) = rendering_harness(folder.path(), egui::Theme::Light) else {
        return;
    };
    for role in [
        "Backend/API Developer",
        "Junior Backend Developer",
        "Senior Backend Engineer",
    ] {
        click(&mut harness, &format!("Compare {role}"));
    }
    click(&mut harness, "Compare");
    click(&mut harness, "Also show under:");
    click(
        &mut harness,
        "Evidence counted 0.06 per point (evidence-0-06)",
    );
    harness.snapshot("compare_two_frameworks");
}
