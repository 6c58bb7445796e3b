//! The open library folder, watched, as a user meets it: files a colleague adds, changes or
//! removes show up in the window within seconds, without losing an unsaved edit, and the
//! program's own saves are not mistaken for someone else's.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::{Path, PathBuf};

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{Action, AijriApp};
use aijri_desk::library;
use common::{click, harness, library_copy, selected, shows, wait_until};
use egui_kittest::Harness;

fn backend(folder: &Path) -> PathBuf {
    folder.join("backend-api-developer.aijri.json")
}

/// Someone else rewrites a file: `change` edits its JSON.
fn colleague_rewrites(path: &Path, change: impl FnOnce(&mut serde_json::Value)) {
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    change(&mut json);
    std::fs::write(path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

fn notice_contains(harness: &Harness<'_, AijriApp>, text: &str) -> bool {
    harness
        .state()
        .state
        .notices
        .iter()
        .any(|n| n.text.contains(text))
}

fn edit_wage_trends(harness: &mut Harness<'_, AijriApp>) {
    click(harness, "Backend/API Developer");
    click(harness, "Evidence");
    click(harness, "Wage Trends: 0");
    assert!(shows(harness, "Current score 26.0"));
}

#[test]
fn a_file_added_to_the_folder_appears_in_the_list() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    let nurse = folder.path().join("nurse.aijri.json");
    std::fs::copy(backend(folder.path()), &nurse).unwrap();
    colleague_rewrites(&nurse, |j| j["role"]["title"] = "Nurse".into());
    wait_until(&mut harness, "the new role in the list", |h| {
        shows(h, "Nurse")
    });
    assert_eq!(harness.state().state.store.entries().len(), 4);
}

#[test]
fn an_unedited_file_changed_outside_reloads_with_a_notice() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Backend/API Developer");
    colleague_rewrites(&backend(folder.path()), |j| {
        j["evidence"]["wage_trends"]["score"] = 0.into();
    });
    wait_until(&mut harness, "the reload", |h| {
        shows(h, "Current score 26.0")
    });
    assert!(notice_contains(&harness, "changed on disk: reloaded"));
    assert!(!selected(&harness).is_dirty());
}

#[test]
fn an_edited_file_changed_outside_asks_and_take_theirs_is_undoable() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    colleague_rewrites(&backend(folder.path()), |j| {
        j["role"]["title"] = "Backend/API Developer (theirs)".into();
    });
    wait_until(&mut harness, "the question", |h| {
        shows(h, "Changed on disk while you edit")
    });
    assert!(
        shows(&harness, "Current score 26.0"),
        "nothing changed before the answer"
    );
    click(&mut harness, "Take theirs");
    let doc = selected(&harness);
    assert_eq!(
        doc.assessment().role.title,
        "Backend/API Developer (theirs)"
    );
    assert!(shows(&harness, "Current score 24.5"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        shows(&harness, "Current score 26.0"),
        "my version is one undo away"
    );
}

#[test]
fn save_mine_as_a_copy_keeps_both_versions() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    colleague_rewrites(&backend(folder.path()), |j| {
        j["meta"]["assessor"] = "a colleague".into();
    });
    wait_until(&mut harness, "the question", |h| {
        shows(h, "Changed on disk while you edit")
    });
    click(&mut harness, "Save mine as a copy");
    let copy = folder
        .path()
        .join("backend-api-developer-my-copy.aijri.json");
    wait_until(&mut harness, "the copy on disk", |_| copy.exists());
    let mine = library::load_file(&copy).unwrap().assessment;
    assert_eq!(
        mine.evidence.wage_trends.score,
        Some(0),
        "my edit is in the copy"
    );
    let theirs = library::load_file(&backend(folder.path()))
        .unwrap()
        .assessment;
    assert_eq!(
        theirs.meta.assessor, "a colleague",
        "their file is untouched"
    );
}

#[test]
fn a_removed_file_leaves_the_list_unless_it_holds_unsaved_edits() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    std::fs::remove_file(folder.path().join("junior-backend-developer.aijri.json")).unwrap();
    std::fs::remove_file(backend(folder.path())).unwrap();
    wait_until(&mut harness, "the junior role to leave", |h| {
        !shows(h, "Junior Backend Developer")
    });
    wait_until(&mut harness, "the marker", |h| {
        shows(h, "✖ deleted on disk")
    });
    assert!(shows(&harness, "Current score 26.0"), "the edit is kept");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    common::settle(&mut harness);
    common::skip_reasons(&mut harness);
    let saved = library::load_file(&backend(folder.path()))
        .unwrap()
        .assessment;
    assert_eq!(
        saved.evidence.wage_trends.score,
        Some(0),
        "saving writes it again"
    );
}

#[test]
fn our_own_save_is_not_an_outside_change() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    edit_wage_trends(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    common::settle(&mut harness);
    common::skip_reasons(&mut harness);
    // The watcher reports the write after its debounce; give it time to be (wrongly) heard.
    let until = std::time::Instant::now() + std::time::Duration::from_millis(1500);
    while std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    common::settle(&mut harness);
    assert!(!notice_contains(&harness, "changed on disk"));
    assert!(harness.state().state.question.is_none());
    assert!(!selected(&harness).is_dirty());
}

#[test]
fn switching_the_watch_mode_to_polling_still_sees_a_new_file() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    harness.state_mut().apply(Action::SetWatchMode(
        aijri_desk::library::watch::WatchMode::Polling,
    ));
    wait_until(&mut harness, "the poller", |h| {
        h.state().state.watch_polling == Some(true)
    });
    let nurse = folder.path().join("nurse.aijri.json");
    std::fs::copy(backend(folder.path()), &nurse).unwrap();
    colleague_rewrites(&nurse, |j| j["role"]["title"] = "Nurse".into());
    wait_until(&mut harness, "the new role", |h| shows(h, "Nurse"));
}
