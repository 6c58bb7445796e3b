//! Trust the files: no file is replaced without asking, whichever dialog chose it and whatever
//! extension was added; every kind of unsaved work (assessments, framework variants, the
//! comparison) is guarded; one file is one document however it is spelt; saves of one document
//! run in order; the library is found where it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::{Path, PathBuf};

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::store::Edit;
use aijri_desk::app::{Action, AijriApp, Settings, startup};
use common::{click, click_menu_entry, harness, library_copy, selected, settle, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const BACKEND: &str = "Backend/API Developer";
const JUNIOR_FILE: &str = "junior-backend-developer.aijri.json";

fn junior(folder: &Path) -> PathBuf {
    folder.join(JUNIOR_FILE)
}

/// Chooses `answer` in the next dialog and clicks the File menu entry starting with `entry`.
fn through_file_menu(
    harness: &mut Harness<'_, AijriApp>,
    picker: &ScriptedPicker,
    entry: &str,
    answer: PathBuf,
) {
    picker.answer(vec![answer]);
    click(harness, "File");
    click_menu_entry(harness, entry);
}

#[test]
fn save_as_onto_another_roles_file_asks_and_cancel_leaves_it_untouched() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    let before = std::fs::read_to_string(junior(folder.path())).unwrap();
    through_file_menu(&mut harness, &picker, "Save as…", junior(folder.path()));
    assert!(shows(&harness, "Replace the file?"), "the window asks");
    assert!(
        harness
            .query_all_by_label_contains("It is open in the window as “Junior Backend Developer")
            .next()
            .is_some(),
        "and says the role open there closes"
    );
    click(&mut harness, "Cancel");
    assert_eq!(
        std::fs::read_to_string(junior(folder.path())).unwrap(),
        before
    );
    assert_eq!(
        harness.state().state.store.entries().len(),
        3,
        "nothing left the list"
    );
}

#[test]
fn save_as_typed_without_its_extension_onto_an_existing_file_asks() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    let before = std::fs::read_to_string(junior(folder.path())).unwrap();
    // The program adds `.aijri.json`: the question is about the file it leads to.
    let typed = folder.path().join("junior-backend-developer");
    through_file_menu(&mut harness, &picker, "Save as…", typed);
    assert!(shows(&harness, "Replace the file?"));
    click(&mut harness, "Cancel");
    assert_eq!(
        std::fs::read_to_string(junior(folder.path())).unwrap(),
        before
    );
}

#[test]
fn replacing_a_file_writes_there_and_the_role_it_held_closes() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    through_file_menu(&mut harness, &picker, "Save as…", junior(folder.path()));
    click(&mut harness, "Replace");
    let written = aijri_desk::library::load_file(&junior(folder.path())).unwrap();
    assert_eq!(written.assessment.role.title, BACKEND);
    let store = &harness.state().state.store;
    assert_eq!(
        store.entries().len(),
        2,
        "the junior role's document closed"
    );
    let id = store.by_path(&junior(folder.path())).unwrap();
    assert_eq!(store.doc(id).unwrap().assessment().role.title, BACKEND);
}

/// A file that every export and save dialog below chooses, already there.
fn existing(out: &Path, name: &str) -> (PathBuf, String) {
    let path = out.join(name);
    let content = format!("someone else's {name}\n");
    std::fs::write(&path, &content).unwrap();
    (path, content)
}

/// Every dialog that writes a file asks before replacing one: each is driven through its menu
/// entry with a name that lacks the extension, and the file the extension leads to is left as it
/// was after Cancel.
#[test]
fn every_save_and_export_dialog_asks_before_replacing_a_file() {
    let folder = library_copy();
    let out = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    click(&mut harness, "Compare Junior Backend Developer");
    for (stem, menus, entry, file) in common::FILE_WRITERS {
        let (path, content) = existing(out.path(), file);
        picker.answer(vec![out.path().join(stem)]);
        for menu in menus {
            click(&mut harness, menu);
        }
        click_menu_entry(&mut harness, entry);
        assert!(
            shows(&harness, "Replace the file?"),
            "{entry} asks about {file}"
        );
        click(&mut harness, "Cancel");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), content, "{entry}");
        harness
            .state_mut()
            .apply(Action::SetView(aijri_desk::app::View::Editor));
        harness.run();
    }
}

#[test]
fn the_chart_and_framework_dialogs_ask_before_replacing_a_file() {
    let folder = library_copy();
    let out = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, "Compare Junior Backend Developer");
    click(&mut harness, "Compare");
    let (png, png_content) = existing(out.path(), "chart.png");
    picker.answer(vec![out.path().join("chart")]);
    click(&mut harness, "Export chart as PNG…");
    assert!(shows(&harness, "Replace the file?"));
    click(&mut harness, "Cancel");
    assert_eq!(std::fs::read_to_string(&png).unwrap(), png_content);

    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "New variant of the framework in use");
    let (framework, content) = existing(out.path(), "mine.aijri-framework.json");
    picker.answer(vec![out.path().join("mine.json")]);
    click(&mut harness, "Save framework as…");
    assert!(shows(&harness, "Replace the file?"));
    click(&mut harness, "Cancel");
    assert_eq!(std::fs::read_to_string(&framework).unwrap(), content);
}

/// Framework → New variant, then a change that re-scores every role.
fn changed_variant(harness: &mut Harness<'_, AijriApp>) {
    click(harness, BACKEND);
    click(harness, "Framework");
    click_menu_entry(harness, "New variant of the framework in use");
    click(harness, "Derive the normalisation from the weights");
    assert!(shows(harness, "Current score 22.3"), "every score changed");
}

#[test]
fn quitting_with_a_changed_framework_variant_asks_and_names_it() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    changed_variant(&mut harness);
    harness.state_mut().apply(Action::Quit);
    harness.run();
    assert!(shows(&harness, "Unsaved changes"));
    assert!(
        harness
            .query_all_by_label_contains("the framework variant “AIJRI, as published (variant)”")
            .next()
            .is_some(),
        "the question names the variant"
    );
    click(&mut harness, "Cancel");
    assert!(!harness.state().close_allowed());
}

#[test]
fn opening_another_library_with_a_changed_variant_asks_first() {
    let folder = library_copy();
    let other = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    changed_variant(&mut harness);
    harness
        .state_mut()
        .apply(Action::OpenLibrary(other.path().to_owned()));
    harness.run();
    assert!(shows(&harness, "Unsaved changes"));
    click(&mut harness, "Cancel");
    assert!(
        harness
            .state()
            .state
            .frameworks
            .get("aijri-published-v1-variant")
            .is_some()
    );
}

#[test]
fn a_framework_variant_change_is_undone_and_redone_with_its_unsaved_marker() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    changed_variant(&mut harness);
    assert!(shows(&harness, "Not saved in a file yet — unsaved changes"));
    click(&mut harness, "Undo");
    assert!(
        shows(&harness, "Current score 24.5"),
        "back to the published normalisation"
    );
    assert!(shows(&harness, "Not saved in a file yet"));
    click(&mut harness, "Redo");
    assert!(shows(&harness, "Current score 22.3"));
}

#[test]
fn a_changed_variant_is_kept_in_a_recovery_file_and_offered_after_a_crash() {
    let folder = library_copy();
    let data = tempfile::tempdir().unwrap();
    {
        let mut harness = common::harness_with(
            folder.path(),
            &ScriptedPicker::default(),
            common::recovery_in(data.path()),
        );
        changed_variant(&mut harness);
        common::wait_until(&mut harness, "the recovery file", |_| {
            common::recovery_files(data.path()) == 1
        });
        // The window goes without saving, as in a crash.
    }
    let harness = common::harness_with(
        folder.path(),
        &ScriptedPicker::default(),
        common::recovery_in(data.path()),
    );
    assert!(shows(&harness, "Unsaved work from last time"));
    assert!(
        harness
            .query_all_by_label_contains("framework variant “AIJRI, as published (variant)”")
            .next()
            .is_some()
    );
}

#[test]
fn opening_a_comparison_over_an_unsaved_title_asks_first() {
    let folder = library_copy();
    let other = folder.path().join("other.aijri-compare.json");
    let comparison =
        aijri_desk::comparison::Comparison::new("Other", "2026-12-01", "aijri-published-v1");
    comparison.save(&other).unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, "Compare Junior Backend Developer");
    click(&mut harness, "Compare");
    let title = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title");
    title.focus();
    title.type_text("Options for J.S.");
    harness.run();
    through_file_menu(&mut harness, &picker, "Open comparison…", other);
    assert!(shows(&harness, "Unsaved changes"));
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().state.comparison.title(), "Options for J.S.");
    // Undo takes the typing back: the comparison has a history of its own.
    harness
        .state_mut()
        .apply(Action::Undo(aijri_desk::app::unsaved::WorkId::Comparison));
    harness.run();
    assert_eq!(harness.state().state.comparison.title(), "");
}

#[test]
fn one_file_under_two_spellings_is_one_document() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    let dotted = folder
        .path()
        .join(".")
        .join("sub")
        .join("..")
        .join(JUNIOR_FILE);
    std::fs::create_dir(folder.path().join("sub")).unwrap();
    harness.state_mut().apply(Action::OpenPaths(vec![dotted]));
    settle(&mut harness);
    assert_eq!(harness.state().state.store.entries().len(), 3);
}

#[test]
fn two_saves_in_a_row_end_with_the_newest_version_saved_and_no_question() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, BACKEND);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let id = harness.state().state.selected.unwrap();
    harness.state_mut().apply(Action::SaveAfterReasons(id));
    // The second change goes through the edit door at once: a click could land a frame late,
    // after the first save's notice moved the button down.
    let mut changed = selected(&harness).assessment().clone();
    changed.evidence.wage_trends.score = Some(1);
    harness
        .state_mut()
        .apply(Action::Edit(id, Edit::Fields(Box::new(changed))));
    harness.state_mut().apply(Action::SaveAfterReasons(id));
    settle(&mut harness);
    assert!(
        harness.state().state.question.is_none(),
        "no false question about someone else"
    );
    let path = folder.path().join("backend-api-developer.aijri.json");
    let saved = aijri_desk::library::load_file(&path).unwrap().assessment;
    assert_eq!(
        saved.evidence.wage_trends.score,
        Some(1),
        "the newest version is on disk"
    );
    assert!(!harness.state().state.store.doc(id).unwrap().is_dirty());
}

#[test]
fn a_relative_library_folder_is_remembered_absolute() {
    // The tests run in the crate's folder: `assessments` is relative to it.
    let relative = Path::new("assessments");
    let app = startup::open_app(
        &[relative.to_owned()],
        Settings::default(),
        Box::new(ScriptedPicker::default()),
        common::no_recovery(),
    );
    let mut harness = common::harness_of(app);
    harness.state_mut().snapshot_settings();
    let remembered = harness.state().state.settings.last_folder.clone().unwrap();
    assert!(remembered.is_absolute(), "{}", remembered.display());
    assert_eq!(remembered, std::fs::canonicalize(relative).unwrap());
}

#[test]
fn a_first_start_opens_the_programs_own_library_in_its_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let app = startup::open_app(
        &[],
        Settings::default(),
        Box::new(ScriptedPicker::default()),
        common::recovery_in(data.path()),
    );
    let harness = common::harness_of(app);
    let own = std::fs::canonicalize(data.path().join("assessments")).unwrap();
    assert_eq!(
        harness.state().state.store.folder.as_deref(),
        Some(own.as_path())
    );
    assert_eq!(harness.state().state.store.entries().len(), 3);
}
