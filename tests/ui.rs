//! UI tests: the real app state driven through egui_kittest, widgets found by their labels.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::{Path, PathBuf};

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{AijriApp, Tab};
use aijri_desk::library;
use common::{click, harness, library_copy, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn select_backend(harness: &mut Harness<'_, AijriApp>) {
    click(harness, "Backend/API Developer");
}

fn backend_path(folder: &Path) -> PathBuf {
    folder.join("backend-api-developer.aijri.json")
}

#[test]
fn selecting_backend_developer_shows_its_score_and_zone_in_the_header() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    assert!(
        shows(&harness, "Current score 24.5"),
        "the header shows 24.5"
    );
    assert!(
        shows(&harness, "Current zone RED"),
        "the header shows the Red zone chip"
    );
    assert!(shows(
        &harness,
        "Red — Does not meet all three Imminent conditions"
    ));
}

#[test]
fn wage_trends_to_zero_moves_the_role_to_yellow_and_undo_brings_it_back() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    assert!(
        shows(&harness, "Current score 26.0"),
        "Wage Trends −1 → 0 gives 26.0"
    );
    assert!(shows(&harness, "Current zone YELLOW"));
    assert!(shows(&harness, "● unsaved"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        shows(&harness, "Current score 24.5"),
        "undo brings back 24.5"
    );
    assert!(shows(&harness, "Current zone RED"));
}

#[test]
fn adding_a_task_makes_the_total_exceed_100_and_the_result_provisional() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Tasks");
    click(&mut harness, "+ Add task");
    assert!(shows(
        &harness,
        "⚠ Provisional: task time is 110%, not 100%"
    ));
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
    assert_eq!(
        saved, doc.assessment,
        "the file holds the edited assessment"
    );
    assert_eq!(saved.meta.id, "backend-regional");
    assert_eq!(saved.evidence.wage_trends.score, 0);
    assert!(!doc.dirty);
    let shipped = std::fs::read_dir(common::SHIPPED)
        .unwrap()
        .filter(|e| library::is_assessment_file(&e.as_ref().unwrap().path()))
        .count();
    assert_eq!(
        app.library.entries.len(),
        shipped + 1,
        "the variant joins the list"
    );
    let original = library::load_file(&backend_path(folder.path()))
        .unwrap()
        .assessment;
    assert_eq!(
        original.evidence.wage_trends.score, -1,
        "the original file is untouched"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");

    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "the close is held back"
    );
    harness.run();
    assert!(shows(&harness, "Unsaved changes"));
    click(&mut harness, "Cancel");
    assert!(!shows(&harness, "Unsaved changes"));
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
    harness
        .get_by_label_contains("tasks — task time adds up to 110%")
        .click();
    harness.run();
    assert_eq!(harness.state().tab, Tab::Tasks);
}

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/backend-api-developer.txt"
);

fn reference_text() -> String {
    std::fs::read_to_string(REFERENCE).unwrap()
}

#[test]
fn importing_published_text_shows_the_review_then_adds_the_role() {
    let folder = library_copy();
    let text_file = folder.path().join("published.txt");
    std::fs::write(&text_file, reference_text()).unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    let before = harness.state().library.entries.len();

    picker.answer(vec![text_file]);
    click(&mut harness, "File");
    click(&mut harness, "Import published text…");
    assert!(shows(&harness, "Review the import"));
    assert!(shows(
        &harness,
        "✓ Every figure the text states matches the recomputation."
    ));
    click(&mut harness, "Add to library");

    let app = harness.state();
    assert_eq!(app.library.entries.len(), before + 1);
    let doc = app.selected_doc().unwrap();
    assert_eq!(doc.assessment.role.title, "Backend/API Developer");
    assert!(doc.dirty, "an import is new until saved");
    assert!(shows(&harness, "Current score 24.5"));
}

#[test]
fn pasted_text_imports_and_a_damaged_one_names_its_line() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Edit");
    click(&mut harness, "Paste assessment text…");
    assert!(shows(&harness, "Paste assessment text"));
    harness.state_mut().paste =
        Some(reference_text().replace("| Wage Trends | -1 |", "| Wage Trends | minus one |"));
    harness.run();
    click(&mut harness, "Import pasted text");
    let notice = harness.state().notices.last().cloned().unwrap();
    assert!(notice.is_error);
    assert!(
        notice.text.starts_with("pasted text: line "),
        "{}",
        notice.text
    );
    assert!(
        harness.state().pending_imports.is_empty(),
        "nothing half-read waits to be added"
    );
}

#[test]
fn exporting_the_selected_role_as_text_and_markdown_writes_readable_files() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    select_backend(&mut harness);
    let text_out = folder.path().join("backend.txt");
    let report_out = folder.path().join("backend.md");
    for (target, label) in [
        (&text_out, "Published text…"),
        (&report_out, "Markdown report…"),
    ] {
        picker.answer(vec![target.clone()]);
        click(&mut harness, "File");
        click(&mut harness, "Export");
        click(&mut harness, label);
    }
    let reimported =
        aijri_desk::text_format::import(&std::fs::read_to_string(&text_out).unwrap()).unwrap();
    let shown = &harness.state().selected_doc().unwrap().assessment;
    assert_eq!(reimported.assessment.tasks, shown.tasks);
    assert_eq!(reimported.assessment.evidence, shown.evidence);
    let report = std::fs::read_to_string(&report_out).unwrap();
    assert!(report.contains("24.5"), "the report states the score");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let path = backend_path(folder.path());
    let theirs = std::fs::read_to_string(&path).unwrap().replace(
        "\"assessor\": \"AIJRI (published)\"",
        "\"assessor\": \"a colleague\"",
    );
    std::fs::write(&path, &theirs).unwrap();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(shows(&harness, "The file changed on disk"));
    click(&mut harness, "Cancel");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "cancel leaves their file alone"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    click(&mut harness, "Overwrite");
    let saved = library::load_file(&path).unwrap().assessment;
    assert_eq!(
        saved.evidence.wage_trends.score, 0,
        "overwrite writes our version"
    );
    assert!(!harness.state().selected_doc().unwrap().dirty);
}
