//! UI tests: the real app state driven through egui_kittest, widgets found by their labels.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::{Path, PathBuf};

use aijri_desk::app::picker::{InWindowPicker, ScriptedPicker};
use aijri_desk::app::{Action, AijriApp, Tab};
use aijri_desk::library;
use common::{click, drop_files, harness, library_copy, selected, settle, shows};
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
    edit_wage_trends(&mut harness);
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
    let doc = selected(&harness);
    assert!(doc.breakdown().provisional);
    assert_eq!(doc.assessment().tasks.len(), 9);
}

#[test]
fn save_as_variant_writes_a_file_that_reloads_to_the_same_assessment_and_lists_it() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    edit_wage_trends(&mut harness);

    let target = folder.path().join("backend-regional.aijri.json");
    picker.answer(vec![target.clone()]);
    click(&mut harness, "File");
    click(&mut harness, "Save as variant…");
    // The reasons may be left empty (they are then marked).
    click(&mut harness, "Save variant");

    let saved = library::load_file(&target).unwrap().assessment;
    let app = harness.state();
    let doc = selected(&harness);
    assert_eq!(
        &saved,
        doc.assessment(),
        "the file holds the edited assessment"
    );
    assert_eq!(saved.meta.id, "backend-regional");
    assert_eq!(saved.evidence.wage_trends.score, Some(0));
    assert!(!doc.is_dirty());
    let shipped = std::fs::read_dir(common::SHIPPED)
        .unwrap()
        .filter(|e| library::is_assessment_file(&e.as_ref().unwrap().path()))
        .count();
    assert_eq!(
        app.state.store.entries().len(),
        shipped + 1,
        "the variant joins the list"
    );
    let original = library::load_file(&backend_path(folder.path()))
        .unwrap()
        .assessment;
    assert_eq!(
        original.evidence.wage_trends.score,
        Some(-1),
        "the original file is untouched"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);

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
    assert_eq!(harness.state().views.editor.tab, Tab::Tasks);
}

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/backend-api-developer.txt"
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
    let before = harness.state().state.store.entries().len();

    picker.answer(vec![text_file]);
    click(&mut harness, "File");
    click(&mut harness, "Import published text…");
    assert!(shows(&harness, "Review the import"));
    assert!(shows(
        &harness,
        "✓ Every figure the text states matches the recomputation."
    ));
    click(&mut harness, "Add to library");

    assert_eq!(harness.state().state.store.entries().len(), before + 1);
    let doc = selected(&harness);
    assert_eq!(doc.assessment().role.title, "Backend/API Developer");
    assert!(doc.is_dirty(), "an import is new until saved");
    assert!(shows(&harness, "Current score 24.5"));
}

#[test]
fn pasted_text_imports_and_a_damaged_one_names_its_line() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Edit");
    click(&mut harness, "Paste assessment text…");
    assert!(shows(&harness, "Paste assessment text"));
    harness.state_mut().views.transfer.paste =
        Some(reference_text().replace("| Wage Trends | -1 |", "| Wage Trends | minus one |"));
    harness.run();
    click(&mut harness, "Import pasted text");
    let notice = harness.state().state.notices.last().cloned().unwrap();
    assert!(notice.is_error);
    assert!(
        notice.text.starts_with("pasted text: line "),
        "{}",
        notice.text
    );
    assert!(
        harness.state().views.transfer.pending.is_empty(),
        "nothing half-read waits to be added"
    );
}

/// A browser fixture (made by scripts/make-browser-fixtures.py with headless Chromium).
fn browser_fixture(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/browser")
        .join(file);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn dropping_pages_texts_and_assessment_files_imports_and_opens_them() {
    let folder = library_copy();
    let drops = tempfile::tempdir().unwrap();
    let page = drops.path().join("backend.html");
    let copied = drops.path().join("copied.txt");
    let assessment = drops.path().join("dropped.aijri.json");
    let other = drops.path().join("notes.pdf");
    std::fs::write(&page, browser_fixture("backend-api-developer.html")).unwrap();
    std::fs::write(
        &copied,
        browser_fixture("senior-backend-engineer.copied.txt"),
    )
    .unwrap();
    let mut dropped = library::load_file(&backend_path(folder.path()))
        .unwrap()
        .assessment;
    dropped.role.title = "Dropped Developer".into();
    dropped.meta.id = "dropped-developer".into();
    std::fs::write(&assessment, library::to_json(&dropped)).unwrap();
    std::fs::write(&other, "%PDF").unwrap();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    let before = harness.state().state.store.entries().len();

    drop_files(
        &mut harness,
        &[
            page.clone(),
            copied.clone(),
            assessment.clone(),
            other.clone(),
        ],
    );

    // The assessment file joins the library as it is; the page and the copied text wait for review.
    assert!(harness.state().state.store.by_path(&assessment).is_some());
    assert!(shows(&harness, "Review the import"));
    let pending = &harness.state().views.transfer.pending;
    let sources: Vec<&str> = pending.iter().map(|p| p.source.as_str()).collect();
    assert_eq!(
        sources,
        [page.display().to_string(), copied.display().to_string()]
    );
    assert!(pending.iter().all(|p| p.differences.is_empty()));
    assert_eq!(pending[0].assessment.role.title, "Backend/API Developer");
    assert_eq!(pending[1].assessment.role.title, "Senior Backend Engineer");
    let footer = pending[1].footer.unwrap();
    assert!(shows(&harness, &format!("The text's {footer}.")));
    let notice = harness.state().state.notices.last().unwrap();
    assert!(
        notice.is_error
            && notice
                .text
                .starts_with(&format!("{}: not opened", other.display())),
        "{}",
        notice.text
    );

    click(&mut harness, "Add to library");
    assert_eq!(harness.state().state.store.entries().len(), before + 3);
    assert_eq!(
        selected(&harness).assessment().role.title,
        "Senior Backend Engineer"
    );
    assert!(shows(&harness, "Current score 51.0"));
}

#[test]
fn a_paste_whose_clipboard_offers_html_imports_the_page() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Edit");
    click(&mut harness, "Paste assessment text…");
    // What the clipboard holds after a browser's copy: the text (pasted into the window, here a
    // damaged one) and the page as HTML, which the paste job reads from the system clipboard.
    harness.state_mut().views.transfer.paste = Some("Role Definition\nnot an assessment".into());
    let html = browser_fixture("backend-api-developer.html");
    harness
        .state_mut()
        .views
        .transfer
        .clipboard_html(Some(html));
    harness.run();
    assert!(shows(
        &harness,
        "The clipboard also held the page as HTML: the page is imported (edit the text to import the text instead)."
    ));
    click(&mut harness, "Import pasted text");
    let pending = &harness.state().views.transfer.pending;
    assert_eq!(pending.len(), 1, "{:?}", harness.state().state.notices);
    assert_eq!(pending[0].source, "pasted web page");
    assert_eq!(pending[0].assessment.role.title, "Backend/API Developer");
    assert!(pending[0].differences.is_empty());
}

#[path = "support/deep_pages.rs"]
mod deep_pages;

/// Whether the window put an import from `source` up for review, or refused it with an error
/// notice naming it.
fn reviewed_or_refused(harness: &Harness<'_, AijriApp>, source: &str) -> bool {
    let app = harness.state();
    app.views
        .transfer
        .pending
        .iter()
        .any(|p| p.source == source)
        || app
            .state
            .notices
            .iter()
            .any(|n| n.is_error && n.text.starts_with(&format!("{source}: ")))
}

/// Steps the harness until its background work ends, as [`settle`] does but for up to 120 s:
/// importing a page of 2 MB takes seconds in a debug build on a busy machine. A guard against a
/// hang, not a timing goal (that is scripts/deep-pages-check's, in release).
fn settle_import(harness: &mut Harness<'_, AijriApp>) {
    let started = std::time::Instant::now();
    while harness.state().busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the import did not end"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

/// Discards the imports waiting for review, if any.
fn discard_imports(harness: &mut Harness<'_, AijriApp>) {
    if !harness.state().views.transfer.pending.is_empty() {
        click(harness, "Discard import");
    }
}

#[test]
fn deep_pages_dropped_or_pasted_leave_the_window_working() {
    let folder = library_copy();
    let drops = tempfile::tempdir().unwrap();
    let assessment = browser_fixture("backend-api-developer.html");
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    for shape in deep_pages::SHAPES {
        let page = shape.around(&assessment);
        let file = drops.path().join(format!("{}.html", shape.name));
        std::fs::write(&file, &page).unwrap();
        harness.input_mut().dropped_files =
            vec![std::sync::Arc::new(common::DroppedPath(file.clone())) as egui::DroppedFileHandle];
        harness.step();
        settle_import(&mut harness);
        assert!(
            reviewed_or_refused(&harness, &file.display().to_string()),
            "{}: dropped, neither imported nor refused: {:?}",
            shape.name,
            harness.state().state.notices
        );
        discard_imports(&mut harness);

        click(&mut harness, "Edit");
        click(&mut harness, "Paste assessment text…");
        harness.state_mut().views.transfer.paste = Some("Role Definition".into());
        harness
            .state_mut()
            .views
            .transfer
            .clipboard_html(Some(page));
        harness.run();
        harness.get_by_label("Import pasted text").click();
        harness.run();
        settle_import(&mut harness);
        assert!(
            reviewed_or_refused(&harness, "pasted web page"),
            "{}: pasted, neither imported nor refused: {:?}",
            shape.name,
            harness.state().state.notices
        );
        discard_imports(&mut harness);
    }
    // The window still works.
    select_backend(&mut harness);
    assert!(shows(&harness, "Current score 24.5"));
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
    let shown = selected(&harness);
    assert_eq!(&reimported.assessment.tasks, &shown.assessment().tasks);
    assert_eq!(
        &reimported.assessment.evidence,
        &shown.assessment().evidence
    );
    let report = std::fs::read_to_string(&report_out).unwrap();
    assert!(
        report.contains("(2.4826 - 0.54) / 7.93 × 100 = 24.5/100"),
        "the report states the composite step by step:\n{report}"
    );
    assert!(
        report.contains("Red — Does not meet all three Imminent conditions"),
        "the report states the sub-label"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let folder = library_copy();
    let (mut harness, path, theirs) = edited_here_and_changed_there(folder.path());

    press_ctrl_s(&mut harness);
    assert!(shows(&harness, "File changed on disk"));
    click(&mut harness, "Cancel");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "cancel leaves their file alone"
    );

    press_ctrl_s(&mut harness);
    click(&mut harness, "Overwrite");
    let saved = library::load_file(&path).unwrap().assessment;
    assert_eq!(
        saved.evidence.wage_trends.score,
        Some(0),
        "overwrite writes our version"
    );
    assert!(!selected(&harness).is_dirty());
}

// ---- Never lose an edit, never act on the wrong role ----

/// Ctrl+S (the reasons of the publisher's record's new adjustments left empty when asked), and
/// waits for the save.
fn press_ctrl_s(harness: &mut Harness<'_, AijriApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    settle(harness);
    common::skip_reasons(harness);
}

/// A colleague changes the assessor of the file on disk; returns what the file now holds.
fn colleague_changes(path: &Path) -> String {
    let theirs = std::fs::read_to_string(path).unwrap().replace(
        "\"assessor\": \"AIJRI (published)\"",
        "\"assessor\": \"a colleague\"",
    );
    std::fs::write(path, &theirs).unwrap();
    theirs
}

/// An app with the Wage Trends edit unsaved, while a colleague changed the file on disk: the
/// harness, the file and what it now holds.
fn edited_here_and_changed_there(folder: &Path) -> (Harness<'static, AijriApp>, PathBuf, String) {
    let mut harness = harness(folder, &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    let path = backend_path(folder);
    let theirs = colleague_changes(&path);
    (harness, path, theirs)
}

/// Runs an app with recovery files in `recovery`, makes the Wage Trends edit and waits until it
/// is in a recovery file; then the app goes without saving, as in a crash.
fn crash_with_an_unsaved_edit(folder: &Path, recovery: &Path) {
    let mut harness = common::harness_with(
        folder,
        &ScriptedPicker::default(),
        common::recovery_in(recovery),
    );
    edit_wage_trends(&mut harness);
    harness.step();
    settle(&mut harness);
    assert_eq!(common::recovery_files(recovery), 1);
}

/// A library whose Wage Trends edit was left unsaved by a crash, and the app started again on it
/// (the library and recovery folders are kept alive with it).
fn restarted_after_a_crash() -> (
    tempfile::TempDir,
    tempfile::TempDir,
    Harness<'static, AijriApp>,
) {
    let folder = library_copy();
    let recovery = tempfile::tempdir().unwrap();
    crash_with_an_unsaved_edit(folder.path(), recovery.path());
    let mut harness = common::harness_with(
        folder.path(),
        &ScriptedPicker::default(),
        common::recovery_in(recovery.path()),
    );
    harness.run();
    (folder, recovery, harness)
}

/// Wage Trends −1 → 0 on the selected Backend/API Developer: 26.0 Yellow, unsaved.
fn edit_wage_trends(harness: &mut Harness<'_, AijriApp>) {
    select_backend(harness);
    click(harness, "Evidence");
    click(harness, "Wage Trends: 0");
    assert!(shows(harness, "Current score 26.0"));
}

/// Where the desktop has no portal, File → Open files… shows a dialog drawn in the window: the
/// user goes up a folder, picks a file outside the library and opens it.
#[test]
fn the_in_window_dialog_opens_a_file_from_another_folder() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("library");
    std::fs::create_dir(&folder).unwrap();
    let backend = Path::new(common::SHIPPED).join("backend-api-developer.aijri.json");
    std::fs::copy(&backend, folder.join("backend-api-developer.aijri.json")).unwrap();
    let text = std::fs::read_to_string(&backend)
        .unwrap()
        .replace("backend-api-developer-mid", "picked-in-the-window");
    let picked = root.path().join("picked.aijri.json");
    std::fs::write(&picked, text).unwrap();
    let mut harness = common::harness_with_picker(&folder, Box::new(InWindowPicker::default()));

    click(&mut harness, "File");
    common::click_menu_entry(&mut harness, "Open files…");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Open assessments")
            .is_some(),
        "the dialog is drawn in the window"
    );
    click(&mut harness, "⬆");
    // The folder is listed on a thread of the dialog's own, which `settle` does not wait for.
    common::wait_until(&mut harness, "the folder above to be listed", |h| {
        h.query_by_label_contains("picked.aijri.json").is_some()
    });
    harness.get_by_label_contains("picked.aijri.json").click();
    harness.run();
    click(&mut harness, "Open");
    common::wait_until(&mut harness, "the picked file to load", |h| {
        h.state().state.store.by_path(&picked).is_some()
    });
    assert!(
        harness
            .query_by_label_contains("Open assessments")
            .is_none(),
        "the dialog closed"
    );
}

#[test]
fn opening_a_file_that_is_open_with_unsaved_edits_switches_to_it_and_keeps_them() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    edit_wage_trends(&mut harness);

    picker.answer(vec![backend_path(folder.path())]);
    click(&mut harness, "File");
    common::click_menu_entry(&mut harness, "Open files…");
    assert!(
        shows(&harness, "Current score 26.0"),
        "the edit is still there"
    );
    assert!(selected(&harness).is_dirty());
    assert!(shows(
        &harness,
        "backend-api-developer.aijri.json is already open with unsaved edits: switched to it and kept your edits"
    ));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        shows(&harness, "Current score 24.5"),
        "and undo still works"
    );

    // The same through File → Recent files, after editing again.
    click(&mut harness, "Wage Trends: 0");
    let recent = backend_path(folder.path());
    harness.state_mut().state.settings.add_recent(&recent);
    click(&mut harness, "File");
    click(&mut harness, "Recent files");
    click(&mut harness, &recent.display().to_string());
    assert!(shows(&harness, "Current score 26.0"));
    let open = harness.state().state.store.entries().len();
    assert_eq!(open, 3, "no second copy of the file is opened");
}

#[test]
fn a_save_as_answer_for_a_role_no_longer_open_saves_nothing() {
    let folder = library_copy();
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(
        folder.path().join("junior-backend-developer.aijri.json"),
        other.path().join("nurse.aijri.json"),
    )
    .unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    edit_wage_trends(&mut harness);

    // The save dialog stays open while the user opens another library and discards the edit.
    let target = folder.path().join("backend-copy.aijri.json");
    picker.hold();
    picker.answer(vec![target.clone()]);
    click(&mut harness, "File");
    common::click_menu_entry(&mut harness, "Save as…");
    harness
        .state_mut()
        .apply(Action::OpenLibrary(other.path().to_owned()));
    harness.run();
    click(&mut harness, "Discard");
    assert_eq!(harness.state().state.store.entries().len(), 1);

    picker.release();
    // The dialog answers from a thread of its own, which `settle` does not wait for.
    common::wait_until(&mut harness, "the dialog's answer", |h| {
        shows(h, "That role is no longer open: nothing was saved.")
    });
    assert!(!target.exists(), "nothing is saved in the dialog's answer");
    let nurse = library::load_file(&other.path().join("nurse.aijri.json")).unwrap();
    assert!(
        !selected(&harness).is_dirty() && nurse.stamp == selected(&harness).stamp().unwrap(),
        "the role now at the same place in the list is untouched"
    );
}

#[test]
fn the_overwrite_question_saves_the_role_it_asked_about_and_shortcuts_wait() {
    let folder = library_copy();
    let (mut harness, path, _) = edited_here_and_changed_there(folder.path());
    press_ctrl_s(&mut harness);
    assert!(shows(&harness, "File changed on disk"));

    // Ctrl+N under the question would select a new role; it must wait for the answer.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    assert_eq!(harness.state().state.store.entries().len(), 3);
    click(&mut harness, "Overwrite");
    let saved = library::load_file(&path).unwrap().assessment;
    assert_eq!(
        saved.evidence.wage_trends.score,
        Some(0),
        "the role asked about is saved"
    );
}

#[test]
fn saving_from_the_close_question_asks_before_overwriting_a_changed_file() {
    let folder = library_copy();
    let (mut harness, path, theirs) = edited_here_and_changed_there(folder.path());

    harness.state_mut().apply(Action::Quit);
    harness.run();
    click(&mut harness, "Save");
    assert!(
        shows(&harness, "File changed on disk"),
        "the close guard's Save asks first"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(!harness.state().close_allowed());
    click(&mut harness, "Overwrite");
    assert!(harness.state().close_allowed(), "saved, then closed");
    let saved = library::load_file(&path).unwrap().assessment;
    assert_eq!(saved.evidence.wage_trends.score, Some(0));
}

#[test]
fn save_as_onto_a_role_open_with_unsaved_edits_asks_first() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    // Unsaved edit in the junior role…
    click(&mut harness, "Junior Backend Developer");
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    // …then Backend/API Developer saved as the junior role's file.
    select_backend(&mut harness);
    let junior = folder.path().join("junior-backend-developer.aijri.json");
    let before = std::fs::read_to_string(&junior).unwrap();
    picker.answer(vec![junior.clone()]);
    click(&mut harness, "File");
    common::click_menu_entry(&mut harness, "Save as…");
    assert!(shows(&harness, "Replace the file?"));
    click(&mut harness, "Cancel");
    assert_eq!(std::fs::read_to_string(&junior).unwrap(), before);
    assert_eq!(harness.state().state.store.entries().len(), 3);
}

#[test]
fn undo_merges_typing_only_within_one_document() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    // The junior role gets a score edit, then both roles get typing in the same field.
    click(&mut harness, "Junior Backend Developer");
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let junior_score = selected(&harness).breakdown().displayed();
    click(&mut harness, "Overview");
    select_backend(&mut harness);
    harness.get_by_label("Job title").focus();
    harness.get_by_label("Job title").type_text(" A");
    harness.run();
    click(&mut harness, "Junior Backend Developer");
    harness.get_by_label("Job title").focus();
    harness.get_by_label("Job title").type_text(" B");
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let junior = selected(&harness);
    assert_eq!(junior.assessment().role.title, "Junior Backend Developer");
    assert_eq!(
        junior.breakdown().displayed(),
        junior_score,
        "undoing the typing does not also undo the earlier score edit"
    );
}

#[test]
fn unsaved_edits_are_offered_back_after_a_crash_and_go_once_saved() {
    let (_folder, recovery, mut harness) = restarted_after_a_crash();
    assert!(shows(&harness, "Unsaved work from last time"));
    click(&mut harness, "Restore backend-api-developer.aijri.json");
    assert!(shows(&harness, "Current score 26.0"), "the edit is back");
    assert!(selected(&harness).is_dirty());

    press_ctrl_s(&mut harness);
    settle(&mut harness);
    let left = common::recovery_files(recovery.path());
    assert_eq!(left, 0, "saving removes the recovery file");
}

#[test]
fn discarding_a_recovery_removes_its_file() {
    let (_folder, recovery, mut harness) = restarted_after_a_crash();
    click(&mut harness, "Discard backend-api-developer.aijri.json");
    settle(&mut harness);
    assert_eq!(common::recovery_files(recovery.path()), 0);
    assert!(!shows(&harness, "Unsaved work from last time"));
    select_backend(&mut harness);
    assert!(shows(&harness, "Current score 24.5"));
}

#[test]
fn a_failed_save_keeps_the_edit_unsaved_and_names_the_file() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    // The file's place is taken by a folder: the save cannot succeed.
    let path = backend_path(folder.path());
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();

    press_ctrl_s(&mut harness);
    let notice = harness.state().state.notices.last().cloned().unwrap();
    assert!(notice.is_error, "{notice:?}");
    assert!(
        notice.text.contains(&path.display().to_string()),
        "the message names the file: {}",
        notice.text
    );
    let doc = selected(&harness);
    assert!(doc.is_dirty(), "the edit is still unsaved");
    assert_eq!(doc.assessment().evidence.wage_trends.score, Some(0));
    assert!(shows(&harness, "Current score 26.0"));
    assert!(path.is_dir(), "nothing replaced what is there");
}

#[test]
fn quitting_with_discard_leaves_no_recovery_file_to_offer_next_time() {
    let folder = library_copy();
    let recovery = tempfile::tempdir().unwrap();
    let mut harness = common::harness_with(
        folder.path(),
        &ScriptedPicker::default(),
        common::recovery_in(recovery.path()),
    );
    edit_wage_trends(&mut harness);
    harness.step();
    settle(&mut harness);
    assert_eq!(common::recovery_files(recovery.path()), 1);
    harness.state_mut().apply(Action::Quit);
    harness.run();
    click(&mut harness, "Discard");
    assert!(harness.state().close_allowed());
    assert_eq!(common::recovery_files(recovery.path()), 0);
}

// ---- One way to show a figure; the method's edge cases in the window ----

/// A library copy with the role whose score is 24.95 (24.9499… in binary) added.
fn library_with_the_24_95_role() -> tempfile::TempDir {
    let folder = library_copy();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/score-24-95.aijri.json"
        ),
        folder.path().join("score-24-95.aijri.json"),
    )
    .unwrap();
    folder
}

#[test]
fn a_role_at_24_95_reads_25_0_yellow_in_every_view() {
    let folder = library_with_the_24_95_role();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Rounding test role");
    assert!(shows(&harness, "Current score 25.0"), "header");
    assert!(shows(&harness, "Current zone YELLOW"), "header zone");
    assert!(shows(&harness, "25.0"), "role list");
    assert!(!shows(&harness, "24.9"), "never the other rounding");
    click(&mut harness, "Score");
    assert!(
        shows(&harness, "(2.5186 - 0.54) / 7.93 × 100 = 25.0/100")
            || harness
                .query_all_by_label_contains("× 100 = 25.0/100")
                .next()
                .is_some(),
        "Score tab"
    );
    click(&mut harness, "Compare");
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    assert!(
        shows(&harness, "Final score, Rounding test role: 25.0"),
        "the Compare table"
    );
    assert!(harness.query_all_by_label_contains("24.9").next().is_none());
    click(&mut harness, "What-if");
    assert!(
        harness
            .query_all_by_label_contains("Computed score now 25.0 — YELLOW")
            .next()
            .is_some(),
        "What-if"
    );
}

#[test]
fn a_role_without_tasks_shows_no_score_anywhere_and_says_why() {
    let folder = library_copy();
    let path = backend_path(folder.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["tasks"] = serde_json::json!([]);
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    select_backend(&mut harness);
    assert!(shows(&harness, "Current score: no score: add tasks"));
    assert!(shows(&harness, "no score"), "the role list says so too");
    assert!(
        harness
            .query_all_by_label_contains("tasks — ")
            .next()
            .is_some(),
        "a finding names the tasks"
    );
    click(&mut harness, "Compare");
    click(&mut harness, "What-if");
    assert!(
        harness
            .query_all_by_label_contains("What-if needs a score")
            .next()
            .is_some()
    );
    click(&mut harness, "Editor");
    click(&mut harness, "Tasks");
    click(&mut harness, "+ Add task");
    assert!(
        !shows(&harness, "Current score: no score: add tasks"),
        "a task brings a score back"
    );
}

#[test]
fn opening_another_folder_while_one_loads_shows_only_the_new_one() {
    let big = tempfile::tempdir().unwrap();
    for i in 0..400 {
        let mut role = aijri_desk::model::Assessment::blank();
        role.role.title = format!("Old role {i:03}");
        library::save_atomic(&big.path().join(format!("old-{i:03}.aijri.json")), &role).unwrap();
    }
    let small = library_copy();
    let mut harness = harness(small.path(), &ScriptedPicker::default());
    harness
        .state_mut()
        .apply(Action::OpenLibrary(big.path().to_owned()));
    // At once, before the 400 files are in: the shipped library again.
    harness
        .state_mut()
        .apply(Action::OpenLibrary(small.path().to_owned()));
    settle(&mut harness);
    let store = &harness.state().state.store;
    assert_eq!(
        store.entries().len(),
        3,
        "nothing of the cancelled load arrives"
    );
    assert!(harness.state().state.loading.is_none());
    assert!(!shows(&harness, "Old role 000"));
}

#[test]
fn opening_many_files_adds_them_all_beside_the_library() {
    let folder = library_copy();
    let others = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..300)
        .map(|i| {
            let mut role = aijri_desk::model::Assessment::blank();
            role.role.title = format!("Opened role {i:03}");
            let path = others.path().join(format!("opened-{i:03}.aijri.json"));
            library::save_atomic(&path, &role).unwrap();
            path
        })
        .collect();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    picker.answer(paths);
    click(&mut harness, "File");
    common::click_menu_entry(&mut harness, "Open files…");
    let state = &harness.state().state;
    assert_eq!(state.store.entries().len(), 303);
    assert!(
        state.opening.is_none(),
        "the progress bar is gone once all are in"
    );
    assert_eq!(
        selected(&harness).assessment().role.title.len(),
        "Opened role 000".len()
    );
}

#[test]
fn an_open_rationale_belongs_to_its_role_and_follows_its_task() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Tasks");
    let third = selected(&harness).assessment().tasks[2].rationale.clone();
    click(&mut harness, "Show rationale of task 3");
    assert!(shows(&harness, "Rationale of task 3"));
    click(&mut harness, "Junior Backend Developer");
    assert!(
        !shows(&harness, "Rationale of task 3"),
        "another role's task 3 stays closed"
    );
    click(&mut harness, "Backend/API Developer");
    assert!(
        shows(&harness, "Rationale of task 3"),
        "still open in its role"
    );

    // Removing task 1 makes task 3 the 2nd: its rationale stays open, with it.
    click(&mut harness, "Task 1: move or remove");
    click(&mut harness, "Remove task 1");
    assert!(!shows(&harness, "Rationale of task 3"));
    assert!(shows(&harness, "Rationale of task 2"));
    let open = harness.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Rationale of task 2",
    );
    use egui_kittest::kittest::NodeT as _;
    assert_eq!(
        open.accesskit_node().value().as_deref(),
        Some(third.as_str())
    );
    // Moving it down takes its rationale row along.
    click(&mut harness, "Task 2: move or remove");
    click(&mut harness, "Move task 2 down");
    assert!(shows(&harness, "Rationale of task 3"));
    assert!(!shows(&harness, "Rationale of task 2"));
}
