//! UI tests: the real app state driven through egui_kittest, widgets found by their labels.

use std::path::{Path, PathBuf};

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{AijriApp, Settings, Tab, startup};
use aijri_desk::library;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assessments");

/// A temporary library holding a copy of the shipped assessments.
fn library_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(SHIPPED).unwrap() {
        let path = entry.unwrap().path();
        if library::is_assessment_file(&path) {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn harness(folder: &Path, picker: &ScriptedPicker) -> Harness<'static, AijriApp> {
    let app = startup::open_app(&[folder.to_owned()], Settings::default(), Box::new(picker.clone()));
    Harness::builder()
        .with_size([1320.0, 860.0])
        .with_max_steps(8)
        .with_context_setup(aijri_desk::app::fonts::install)
        .build_eframe(|_| app)
}

/// Clicks the widget with this label as a user would: scrolled into view first.
fn click(harness: &mut Harness<'_, AijriApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn select_backend(harness: &mut Harness<'_, AijriApp>) {
    click(harness, "Backend/API Developer");
}

fn header_has(harness: &Harness<'_, AijriApp>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

fn backend_path(folder: &Path) -> PathBuf {
    folder.join("backend-api-developer.aijri.json")
}

#[test]
fn selecting_backend_developer_shows_its_score_and_zone_in_the_header() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    assert!(header_has(&harness, "Current score 24.5"), "the header shows 24.5");
    assert!(header_has(&harness, "Current zone RED"), "the header shows the Red zone chip");
    assert!(header_has(&harness, "Red — Does not meet all three Imminent conditions"));
}

#[test]
fn wage_trends_to_zero_moves_the_role_to_yellow_and_undo_brings_it_back() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    assert!(header_has(&harness, "Current score 26.0"), "Wage Trends −1 → 0 gives 26.0");
    assert!(header_has(&harness, "Current zone YELLOW"));
    assert!(header_has(&harness, "● unsaved"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(header_has(&harness, "Current score 24.5"), "undo brings back 24.5");
    assert!(header_has(&harness, "Current zone RED"));
}

#[test]
fn adding_a_task_makes_the_total_exceed_100_and_the_result_provisional() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Tasks");
    click(&mut harness, "+ Add task");
    assert!(header_has(&harness, "⚠ Provisional: task time is 110%, not 100%"));
    let doc = harness.state().selected_doc().unwrap();
    assert!(doc.breakdown.provisional);
    assert_eq!(doc.assessment.tasks.len(), 9);
}

#[test]
fn save_as_variant_writes_a_file_that_reloads_to_the_same_assessment_and_lists_it() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");

    let target = folder.path().join("backend-regional.aijri.json");
    picker.answer(vec![target.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Save as variant…");

    let saved = library::load_file(&target).unwrap().assessment;
    let app = harness.state();
    let doc = app.selected_doc().unwrap();
    assert_eq!(saved, doc.assessment, "the file holds the edited assessment");
    assert_eq!(saved.meta.id, "backend-regional");
    assert_eq!(saved.evidence.wage_trends.score, 0);
    assert!(!doc.dirty);
    assert_eq!(app.library.entries.len(), 2, "the variant joins the list");
    let original = library::load_file(&backend_path(folder.path())).unwrap().assessment;
    assert_eq!(original.evidence.wage_trends.score, -1, "the original file is untouched");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");

    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "the close is held back");
    harness.run();
    assert!(header_has(&harness, "Unsaved changes"));
    click(&mut harness, "Cancel");
    assert!(!header_has(&harness, "Unsaved changes"));
    assert!(!harness.state().close_allowed());
}

#[test]
fn validation_finding_click_opens_the_tab_of_its_field() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Tasks");
    click(&mut harness, "+ Add task");
    click(&mut harness, "Overview");
    harness.get_by_label_contains("tasks — task time adds up to 110%").click();
    harness.run();
    assert_eq!(harness.state().tab, Tab::Tasks);
}
