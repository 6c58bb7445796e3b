//! Client sessions in the window: Save as variant asks why for each change and records it, the
//! Score tab shows each adjustment's effect, the role list marks adjusted roles, "Compare with
//! source" puts the two side by side, and comparisons are saved and reopened (a moved role found
//! by its id, a deleted one listed as missing).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;
#[path = "shared/variant_comparison.rs"]
mod variant_comparison;

use std::path::{Path, PathBuf};

use aijri_desk::adjust::{Change, InputPath, InputValue, VariantFiles, make_variant};
use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{Action, AijriApp, View};
use aijri_desk::comparison::Comparison;
use aijri_desk::framework::Framework;
use aijri_desk::library;
use common::{click, harness, library_copy, selected, shows};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const REASON: &str = "Regional pay data 2026: in line with the market";

fn backend(folder: &Path) -> PathBuf {
    folder.join("backend-api-developer.aijri.json")
}

/// Writes a variant of the Backend/API Developer with Wage Trends −1 → 0 beside it.
fn write_variant(folder: &Path) -> PathBuf {
    let source = library::load_file(&backend(folder)).unwrap().assessment;
    let path = folder.join("backend-london.aijri.json");
    let change = Change {
        path: "evidence.wage_trends".parse::<InputPath>().unwrap(),
        value: InputValue::Score(Some(0)),
    };
    let files = VariantFiles {
        source: &backend(folder),
        variant: &path,
    };
    let variant = make_variant(&source, files, &[change], REASON, Framework::published()).unwrap();
    library::save_atomic(&path, &variant).unwrap();
    path
}

/// Selects the role at `path` (a variant has its source's title, so the list shows it twice).
fn select(harness: &mut Harness<'_, AijriApp>, path: &Path) {
    let id = harness
        .state()
        .state
        .store
        .by_path(path)
        .expect("the role is open");
    harness.state_mut().apply(Action::Select(id));
    harness.run();
}

fn type_into(harness: &mut Harness<'_, AijriApp>, input: &str, text: &str) {
    let field = harness
        .query_by_role_and_label(Role::TextInput, input)
        .unwrap_or_else(|| harness.get_by_role_and_label(Role::MultilineTextInput, input));
    field.focus();
    field.type_text(text);
    harness.run();
}

#[test]
fn save_as_variant_asks_why_for_each_change_and_the_variant_is_listed_as_adjusted() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let target = folder.path().join("backend-regional.aijri.json");
    picker.answer(vec![target.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Save as variant…");

    assert!(
        shows(&harness, "Why these changes?"),
        "the reasons are asked"
    );
    assert!(!target.exists(), "nothing is written before the reasons");
    assert!(
        shows(&harness, "⚠ no reason given"),
        "an empty reason is marked"
    );
    type_into(&mut harness, "Evidence: Wage Trends", REASON);
    assert!(!shows(&harness, "⚠ no reason given"));
    click(&mut harness, "Save variant");

    let saved = library::load_file(&target).unwrap().assessment;
    let source = saved
        .meta
        .derived_from
        .as_ref()
        .expect("the variant names its source");
    assert_eq!(source.id, "backend-api-developer-mid");
    assert_eq!(source.file, "backend-api-developer.aijri.json");
    assert_eq!(saved.adjustments.len(), 1);
    let adjustment = &saved.adjustments[0];
    assert_eq!(adjustment.field, "evidence.wage_trends");
    assert_eq!(
        (adjustment.from.as_i64(), adjustment.to.as_i64()),
        (Some(-1), Some(0))
    );
    assert_eq!(adjustment.reason, REASON);
    assert!(
        saved.published.is_none(),
        "the source's published figures stay with it"
    );
    assert_eq!(
        &saved,
        selected(&harness).assessment(),
        "the variant is selected"
    );
    assert!(shows(&harness, "✎ adjusted: 1"), "the list marks it");
    let original = library::load_file(&backend(folder.path()))
        .unwrap()
        .assessment;
    assert_eq!(original.evidence.wage_trends.score, Some(-1));
}

#[test]
fn the_score_tab_shows_each_adjustment_with_its_effect_and_reason() {
    let folder = library_copy();
    let variant = write_variant(folder.path());
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select(&mut harness, &variant);
    assert!(shows(&harness, "Current score 26.0"));
    click(&mut harness, "Score");
    assert!(shows(&harness, "Adjustments from the source"));
    assert!(shows(&harness, "−1 → 0"), "source → now");
    assert!(
        shows(&harness, "+1.5 (24.5 without it)"),
        "the effect: the score with only this change undone"
    );
    let reason = harness.get_by_role_and_label(Role::TextInput, "Evidence: Wage Trends");
    assert_eq!(reason.accesskit_node().value().as_deref(), Some(REASON));
}

#[test]
fn changing_an_input_back_to_the_source_value_removes_its_adjustment() {
    let folder = library_copy();
    let variant = write_variant(folder.path());
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select(&mut harness, &variant);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: +1");
    let doc = selected(&harness);
    let adjustments = &doc.assessment().adjustments;
    assert_eq!(adjustments.len(), 1);
    assert_eq!(
        adjustments[0].to.as_i64(),
        Some(1),
        "the entry follows the edit"
    );
    assert_eq!(adjustments[0].reason, REASON, "its reason is kept");
    click(&mut harness, "Wage Trends: -1");
    assert!(
        selected(&harness).assessment().adjustments.is_empty(),
        "back at the source's value: no adjustment"
    );
    assert!(shows(&harness, "✎ adjusted: 0"));
}

/// Saves the selected role as a user does: Ctrl+S.
fn save_with_ctrl_s(harness: &mut Harness<'_, AijriApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    common::settle(harness);
}

#[test]
fn editing_the_published_role_in_place_records_the_adjustment_with_its_reason_on_save() {
    let folder = library_copy();
    let file = backend(folder.path());
    let original = library::load_file(&file).unwrap().assessment;
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select(&mut harness, &file);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    save_with_ctrl_s(&mut harness);

    assert!(shows(&harness, "Why these changes?"), "Save asks why first");
    assert_eq!(
        library::load_file(&file).unwrap().assessment,
        original,
        "nothing is written before the answer"
    );
    type_into(&mut harness, "Evidence: Wage Trends", REASON);
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    common::settle(&mut harness);

    let saved = library::load_file(&file).unwrap().assessment;
    let recorded: Vec<_> = saved
        .adjustments
        .iter()
        .map(|a| (a.field.as_str(), &a.from, &a.to, a.reason.as_str()))
        .collect();
    assert_eq!(
        recorded,
        [("evidence.wage_trends", &(-1).into(), &0.into(), REASON)]
    );
    assert_eq!(
        saved.published, original.published,
        "the publisher's figures stay"
    );
    assert_eq!(saved.evidence.wage_trends.score, Some(0));
    assert!(!selected(&harness).is_dirty());
    assert!(
        selected(&harness)
            .findings()
            .iter()
            .all(|f| f.field.head() != Some("published")),
        "no \"published figure differs\" warning for an input adjusted on purpose"
    );
    click(&mut harness, "Score");
    assert!(
        shows(&harness, "+1.5 (24.5 without it)"),
        "the effect is shown"
    );
    assert!(shows(&harness, "✎ adjusted: 1"), "the list marks it");

    // Changing the input back removes its entry; saving asks nothing and writes no record.
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: -1");
    assert!(selected(&harness).assessment().adjustments.is_empty());
    save_with_ctrl_s(&mut harness);
    assert!(!shows(&harness, "Why these changes?"));
    let saved = library::load_file(&file).unwrap().assessment;
    assert!(saved.adjustments.is_empty());
    assert_eq!(saved.evidence.wage_trends.score, Some(-1));
}

#[test]
fn compare_with_source_shows_the_variant_beside_its_source_with_the_difference() {
    let folder = library_copy();
    let variant = write_variant(folder.path());
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select(&mut harness, &variant);
    click(&mut harness, "Compare with source");
    let app = harness.state();
    assert_eq!(app.state.view, View::Compare);
    assert_eq!(app.state.store.compared().len(), 2);
    assert!(shows(&harness, "Differences from the source"));
    assert!(
        shows(&harness, "24.5 → 26.0 (+1.5)"),
        "the change alone on the source's score"
    );
    assert!(shows(&harness, REASON));
}

/// Ticks the roles with these titles in the list.
fn tick(harness: &mut Harness<'_, AijriApp>, titles: &[&str]) {
    for title in titles {
        click(harness, &format!("Compare {title}"));
    }
}

#[test]
fn a_saved_comparison_reopens_with_its_roles_title_and_notes() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    tick(
        &mut harness,
        &["Backend/API Developer", "Junior Backend Developer"],
    );
    click(&mut harness, "Compare");
    type_into(&mut harness, "Title", "Options for J.S.");
    let file = folder.path().join("clients").join("js");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    picker.answer(vec![file.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Save comparison…");
    let file = file.with_file_name("js.aijri-compare.json");
    let saved = Comparison::load(&file).unwrap();
    assert_eq!(saved.title, "Options for J.S.");
    assert_eq!(saved.roles.len(), 2);
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let first = written["roles"][0]["file"].as_str().unwrap();
    assert_eq!(
        first, "../backend-api-developer.aijri.json",
        "role files are written relative to the comparison"
    );

    // Next session: a fresh window on the same library.
    let mut harness = common::harness(folder.path(), &picker);
    assert!(harness.state().state.store.compared().is_empty());
    picker.answer(vec![file.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Open comparison…");
    let app = harness.state();
    assert_eq!(app.state.view, View::Compare);
    assert_eq!(app.state.store.compared().len(), 2);
    assert_eq!(app.state.comparison.title(), "Options for J.S.");
    assert!(app.state.settings.recent_comparisons.contains(&file));
}

#[test]
fn a_moved_role_is_found_by_its_id_and_a_deleted_one_is_listed_missing() {
    let folder = library_copy();
    let comparison_file = folder.path().join("client.aijri-compare.json");
    let mut comparison = Comparison::new("K.L.", "2026-11-30", "aijri-published-v1");
    for name in ["backend-api-developer", "gone"] {
        let id = if name == "gone" {
            "gone-role"
        } else {
            "backend-api-developer-mid"
        };
        let path = folder
            .path()
            .join("old-place")
            .join(format!("{name}.aijri.json"));
        comparison
            .roles
            .push(aijri_desk::comparison::ComparedRole::new(&path, id));
    }
    comparison.save(&comparison_file).unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    picker.answer(vec![comparison_file]);
    click(&mut harness, "File");
    click(&mut harness, "Open comparison…");
    let app = harness.state();
    let compared = app.state.store.compared();
    assert_eq!(
        compared.len(),
        1,
        "the moved role is found in the library by its id"
    );
    let found = app.state.store.doc(compared[0]).unwrap();
    assert_eq!(found.assessment().meta.id, "backend-api-developer-mid");
    assert_eq!(app.state.comparison.missing.len(), 1);
    assert!(
        harness
            .query_all_by_label_contains("⚠ Missing: ")
            .any(|n| format!("{n:?}").contains("gone-role")),
        "the deleted role is listed as missing"
    );
}

#[test]
fn the_comparison_title_and_notes_come_back_after_a_restart() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    tick(
        &mut harness,
        &["Backend/API Developer", "Senior Backend Engineer"],
    );
    click(&mut harness, "Compare");
    type_into(&mut harness, "Title", "Options for K.L.");
    type_into(&mut harness, "Notes", "Look at security roles next");
    harness.state_mut().snapshot_settings();
    let settings = harness.state().state.settings.clone();

    let harness = common::harness_with_settings(folder.path(), settings);
    let comparison = &harness.state().state.comparison;
    assert_eq!(comparison.title(), "Options for K.L.");
    assert_eq!(comparison.notes(), "Look at security roles next");
    assert_eq!(harness.state().state.store.compared().len(), 2);
}

#[test]
fn a_comparison_file_given_to_the_program_opens_with_its_roles() {
    let folder = library_copy();
    let file = folder.path().join("client.aijri-compare.json");
    let mut comparison = Comparison::new("M.N.", "2026-11-30", "aijri-published-v1");
    for name in ["backend-api-developer", "senior-backend-engineer"] {
        let path = folder.path().join(format!("{name}.aijri.json"));
        let id = library::load_file(&path).unwrap().assessment.meta.id;
        comparison
            .roles
            .push(aijri_desk::comparison::ComparedRole::new(&path, &id));
    }
    comparison.save(&file).unwrap();

    // As the desktop starts it for a double-clicked file: `aijri-desk client.aijri-compare.json`.
    let harness = harness(&file, &ScriptedPicker::default());
    let app = harness.state();
    assert_eq!(app.state.view, View::Compare);
    assert_eq!(app.state.store.compared().len(), 2);
    assert_eq!(app.state.comparison.title(), "M.N.");
}

#[test]
fn a_comparison_file_dropped_onto_the_window_opens_in_compare() {
    let folder = library_copy();
    let file = folder.path().join("dropped.aijri-compare.json");
    let mut comparison = Comparison::new("O.P.", "2026-11-30", "aijri-published-v1");
    let path = backend(folder.path());
    comparison
        .roles
        .push(aijri_desk::comparison::ComparedRole::new(
            &path,
            "backend-api-developer-mid",
        ));
    comparison.save(&file).unwrap();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::drop_files(&mut harness, &[file]);
    let app = harness.state();
    assert_eq!(app.state.view, View::Compare);
    assert_eq!(app.state.comparison.title(), "O.P.");
    assert_eq!(app.state.store.compared().len(), 1);
}

/// The PDF's text, every page, with runs of white space made one space.
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_client_report_of_a_comparison_reads_the_same_from_the_window_and_the_command_line() {
    let folder = library_copy();
    let comparison = variant_comparison::write(folder.path());

    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    harness
        .state_mut()
        .apply(Action::OpenComparisonFile(comparison.clone()));
    common::settle(&mut harness);
    assert_eq!(
        harness.state().state.view_under.as_deref(),
        Some(variant_comparison::VARIANT_ID)
    );
    let from_window = folder.path().join("window.pdf");
    picker.answer(vec![from_window.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Export");
    click(&mut harness, "Client report (PDF)…");
    common::wait_until(&mut harness, "the report", |_| from_window.exists());

    let from_command_line = folder.path().join("command-line.pdf");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(["report", comparison.to_str().unwrap(), "-o"])
        .arg(&from_command_line)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let window_text = pdf_text(&std::fs::read(&from_window).unwrap());
    assert!(
        window_text.contains("Framework: Evidence counted 0.06 per point"),
        "{window_text}"
    );
    assert_eq!(
        window_text,
        pdf_text(&std::fs::read(&from_command_line).unwrap()),
        "one answer, from the window and from the command line"
    );
}
