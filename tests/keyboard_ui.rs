//! The keyboard all the way: every behaviour of the keyboard scheme (Help → Keyboard shortcuts)
//! driven with key events on the real app, as a user without a mouse would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // Tests fail loudly on purpose.

mod common;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{AijriApp, Tab, View};
use common::{harness, library_copy, selected, settle, shows};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const BACKEND: &str = "Backend/API Developer";
const JUNIOR: &str = "Junior Backend Developer";
const SENIOR: &str = "Senior Backend Engineer";

fn press(harness: &mut Harness<'_, AijriApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn press_with(harness: &mut Harness<'_, AijriApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn type_text(harness: &mut Harness<'_, AijriApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

/// The title of the selected role.
fn selected_title(harness: &Harness<'_, AijriApp>) -> String {
    selected(harness).assessment().role.title.clone()
}

/// The label of the control that has keyboard focus.
fn focused(harness: &Harness<'_, AijriApp>) -> Option<String> {
    harness
        .query_by(|node| node.is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default())
}

fn is_focused(harness: &Harness<'_, AijriApp>, label: &str) -> bool {
    focused(harness).as_deref() == Some(label)
}

/// Ctrl+F, then the search text typed.
fn search(harness: &mut Harness<'_, AijriApp>, text: &str) {
    press_with(harness, Modifiers::COMMAND, Key::F);
    type_text(harness, text);
}

#[test]
fn ctrl_f_focuses_search_and_a_filter_that_hides_the_selected_role_selects_the_first_visible_one() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(
        is_focused(&harness, "Search roles"),
        "{:?}",
        focused(&harness)
    );
    type_text(&mut harness, "junior");
    assert_eq!(
        selected_title(&harness),
        JUNIOR,
        "the editor never shows a role the list hides"
    );
    assert!(shows(&harness, "Current score 11.3"), "the header follows");
    type_text(&mut harness, "xyz");
    assert!(
        harness.state().state.selected_doc().is_none(),
        "a filter that shows nothing leaves nothing selected"
    );
}

#[test]
fn arrows_home_end_and_page_keys_move_the_selection_through_the_visible_list() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    // The list in title order: Backend/API Developer, Junior…, Senior….
    search(&mut harness, "backend");
    assert_eq!(selected_title(&harness), BACKEND);
    press(&mut harness, Key::ArrowDown);
    assert_eq!(
        selected_title(&harness),
        JUNIOR,
        "Down from the search field"
    );
    assert!(is_focused(&harness, "Search roles"), "typing can go on");
    press(&mut harness, Key::ArrowDown);
    assert_eq!(selected_title(&harness), SENIOR);
    press(&mut harness, Key::ArrowDown);
    assert_eq!(selected_title(&harness), SENIOR, "the last stays selected");
    press(&mut harness, Key::ArrowUp);
    assert_eq!(selected_title(&harness), JUNIOR);
    // Enter goes from the search field to the list, where Home, End and the page keys work.
    press(&mut harness, Key::Enter);
    assert!(is_focused(&harness, "Role list"), "{:?}", focused(&harness));
    press(&mut harness, Key::Home);
    assert_eq!(selected_title(&harness), BACKEND);
    press(&mut harness, Key::End);
    assert_eq!(selected_title(&harness), SENIOR);
    press(&mut harness, Key::PageUp);
    assert_eq!(
        selected_title(&harness),
        BACKEND,
        "a page holds every row here"
    );
    press(&mut harness, Key::PageDown);
    assert_eq!(selected_title(&harness), SENIOR);
    press(&mut harness, Key::ArrowUp);
    assert_eq!(selected_title(&harness), JUNIOR);
    assert!(shows(&harness, "Current score 11.3"), "the header follows");
}

#[test]
fn space_ticks_the_selected_role_for_comparison_and_unticks_it() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    search(&mut harness, "backend");
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Space);
    let store = &harness.state().state.store;
    let junior = harness.state().state.selected.unwrap();
    assert_eq!(
        store.compared(),
        vec![junior],
        "the selected role is ticked"
    );
    press(&mut harness, Key::Space);
    assert!(harness.state().state.store.compared().is_empty());
    assert_eq!(selected_title(&harness), JUNIOR, "the selection stays");
}

#[test]
fn ctrl_1_to_7_open_the_editor_tabs_in_order_and_focus_their_first_control() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    harness.state_mut().state.view = View::Compare;
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
    ];
    for (tab, key) in Tab::ALL.into_iter().zip(digits) {
        press_with(&mut harness, Modifiers::COMMAND, key);
        assert_eq!(harness.state().state.view, View::Editor);
        assert_eq!(harness.state().views.editor.tab, tab, "{key:?}");
    }
    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    assert!(
        is_focused(&harness, "Job Posting Trends: 0"),
        "the Evidence tab's first control: {:?}",
        focused(&harness)
    );
}

#[test]
fn alt_1_and_on_open_the_views_in_menu_order() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    for (view, key) in View::ALL.into_iter().zip(digits).rev() {
        press_with(&mut harness, Modifiers::ALT, key);
        assert_eq!(harness.state().state.view, view, "{key:?}");
    }
}

/// The controls Tab reaches from the search field, in order, until it comes back there.
fn tab_cycle(
    harness: &mut Harness<'_, AijriApp>,
    modifiers: Modifiers,
) -> Vec<(String, egui::Rect)> {
    press_with(harness, Modifiers::COMMAND, Key::F);
    let mut reached = Vec::new();
    for _ in 0..400 {
        press_with(harness, modifiers, Key::Tab);
        let node = harness
            .query_by(|node| node.is_focused())
            .expect("a control has focus");
        let label = node.accesskit_node().label().unwrap_or_default();
        if label == "Search roles" {
            return reached;
        }
        reached.push((label, node.rect()));
    }
    panic!("Tab never came back to the search field: {reached:?}");
}

#[test]
fn tab_reaches_every_control_of_the_view_in_reading_order_and_shift_tab_goes_back() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    common::click(&mut harness, "Evidence");
    let forward = tab_cycle(&mut harness, Modifiers::NONE);
    let labels: Vec<&str> = forward.iter().map(|(l, _)| l.as_str()).collect();
    let at = |label: &str| {
        labels
            .iter()
            .position(|l| *l == label)
            .unwrap_or_else(|| panic!("Tab never reaches {label}: {labels:?}"))
    };
    // The list, then the editor top to bottom, then the findings below it.
    let order = [
        "Role list",
        "Overview",
        "Commentary",
        "Job Posting Trends: 0",
        "Wage Trends: -1",
        "Expert Consensus: -1",
    ];
    let positions: Vec<usize> = order.iter().map(|l| at(l)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "reading order {order:?} at {positions:?}: {labels:?}"
    );
    // Within the editor each control is below, or on the same line right of, the one before.
    let editor: Vec<&(String, egui::Rect)> = forward[at("Job Posting Trends: 0")..]
        .iter()
        .take_while(|(l, _)| !l.starts_with("File"))
        .filter(|(_, r)| r.left() > 300.0 && r.top() < 700.0)
        .collect();
    for pair in editor.windows(2) {
        let ((a, ra), (b, rb)) = (pair[0], pair[1]);
        let same_line = (ra.center().y - rb.center().y).abs() < 8.0;
        assert!(
            rb.top() >= ra.top() - 1.0 && (!same_line || rb.left() >= ra.left()),
            "{a} at {ra:?} then {b} at {rb:?}"
        );
    }
    let backward = tab_cycle(&mut harness, Modifiers::SHIFT);
    let mut reversed: Vec<String> = backward.into_iter().map(|(l, _)| l).collect();
    reversed.reverse();
    let forward: Vec<String> = forward.into_iter().map(|(l, _)| l).collect();
    assert_eq!(reversed, forward, "Shift+Tab goes back the same way");
}

#[test]
fn the_focused_control_has_a_ring_drawn_around_it_after_keyboard_use() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    assert!(
        aijri_desk::app::keyboard::focus_ring_drawn(&harness.ctx).is_none(),
        "no ring after the mouse"
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    let ring = aijri_desk::app::keyboard::focus_ring_drawn(&harness.ctx).expect("a ring");
    let score = harness.get_by_label("Job Posting Trends: 0").rect();
    assert!(
        ring.contains_rect(score) && ring.width() < score.width() + 12.0,
        "the ring {ring:?} is drawn around the focused score {score:?}"
    );
}

#[test]
fn left_and_right_move_a_focused_score_by_one_step() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    press(&mut harness, Key::ArrowRight);
    let evidence = |h: &Harness<'_, AijriApp>| {
        selected(h)
            .assessment()
            .evidence
            .job_posting_trends
            .score
            .unwrap()
    };
    assert_eq!(evidence(&harness), 1);
    assert!(
        is_focused(&harness, "Job Posting Trends: +1"),
        "focus follows"
    );
    for _ in 0..3 {
        press(&mut harness, Key::ArrowRight);
    }
    assert_eq!(evidence(&harness), 2, "never past the top of the range");
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(evidence(&harness), 1);
    assert!(shows(&harness, "● unsaved"));
    // A task's automation score steps the same way.
    common::click(&mut harness, "Tasks");
    harness.get_by_label("Task 1 automation score: 2").focus();
    harness.run();
    press(&mut harness, Key::ArrowRight);
    assert_eq!(selected(&harness).assessment().tasks[0].score, 3);
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(selected(&harness).assessment().tasks[0].score, 1);
}

#[test]
fn delete_removes_the_focused_task_and_alt_arrows_move_it_undoably() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    press_with(&mut harness, Modifiers::COMMAND, Key::Num3);
    let names = |h: &Harness<'_, AijriApp>| -> Vec<String> {
        selected(h)
            .assessment()
            .tasks
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    let before = names(&harness);
    harness.get_by_label("Show rationale of task 2").focus();
    harness.run();
    press_with(&mut harness, Modifiers::ALT, Key::ArrowDown);
    let moved = names(&harness);
    assert_eq!(moved[2], before[1], "task 2 moved down");
    assert_eq!(moved[1], before[2]);
    assert!(
        is_focused(&harness, "Show rationale of task 3"),
        "focus follows the task: {:?}",
        focused(&harness)
    );
    press_with(&mut harness, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(names(&harness), before, "and back up");
    press(&mut harness, Key::Delete);
    let removed = names(&harness);
    assert_eq!(removed.len(), before.len() - 1);
    assert!(!removed.contains(&before[1]), "task 2 is gone");
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(names(&harness), before, "undo brings it back");
}

#[test]
fn escape_closes_a_menu_a_dialog_or_a_question_as_cancel() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, BACKEND);
    common::click(&mut harness, "File");
    assert!(shows(&harness, "Save as variant…"));
    press(&mut harness, Key::Escape);
    assert!(!shows(&harness, "Save as variant…"), "the menu closed");

    press(&mut harness, Key::F1);
    assert!(shows(&harness, "How AIJRI scores a role"), "F1 opens Help");
    press(&mut harness, Key::Escape);
    assert!(harness.state().views.help.page().is_none(), "Help closed");

    press_with(&mut harness, Modifiers::COMMAND, Key::Comma);
    assert!(harness.state().views.preferences.is_open());
    press(&mut harness, Key::Escape);
    assert!(!harness.state().views.preferences.is_open());

    harness
        .state_mut()
        .apply(aijri_desk::app::Action::PasteText);
    harness.run();
    assert!(shows(&harness, "Paste assessment text"));
    press(&mut harness, Key::Escape);
    assert!(!shows(&harness, "Paste assessment text"));

    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    press(&mut harness, Key::ArrowRight);
    harness.state_mut().apply(aijri_desk::app::Action::Quit);
    harness.run();
    assert!(shows(&harness, "Unsaved changes"));
    press(&mut harness, Key::Escape);
    assert!(!shows(&harness, "Unsaved changes"), "the question closed");
    assert!(!harness.state().close_allowed(), "as Cancel");
    assert!(selected(&harness).is_dirty(), "the edit is still there");
}

/// The held-out check in small: find a role, select it, open a tab, change a score, save — with
/// the keyboard alone — and the file on disk holds the change.
#[test]
fn the_keyboard_alone_finds_a_role_changes_a_score_and_saves_it() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    search(&mut harness, "junior");
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    press(&mut harness, Key::ArrowRight);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    // A publisher's record asks why: the reason is typed at once, Tab reaches Save, Enter
    // presses it.
    assert!(shows(&harness, "Why these changes?"));
    assert!(
        is_focused(&harness, "Evidence: Job Posting Trends"),
        "the first reason: {:?}",
        focused(&harness)
    );
    type_text(&mut harness, "Postings recovered in 2026");
    press(&mut harness, Key::Tab);
    assert!(is_focused(&harness, "Save"), "{:?}", focused(&harness));
    press(&mut harness, Key::Enter);
    settle(&mut harness);
    let file = folder.path().join("junior-backend-developer.aijri.json");
    let saved = aijri_desk::library::load_file(&file).unwrap().assessment;
    assert_eq!(saved.role.title, JUNIOR);
    assert_eq!(saved.evidence.job_posting_trends.score, Some(-1), "−2 → −1");
    assert!(
        saved
            .adjustments
            .iter()
            .any(|a| a.reason == "Postings recovered in 2026"),
        "the reason typed is saved: {:?}",
        saved.adjustments
    );
    assert!(!selected(&harness).is_dirty());
}

/// Enter in a reason field presses Save, as in a form: Ctrl+S, the reason, Enter — and the file
/// holds the change and the reason.
#[test]
fn enter_in_a_reason_saves_with_the_reasons_given() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    search(&mut harness, "junior");
    press(&mut harness, Key::ArrowDown);
    press_with(&mut harness, Modifiers::COMMAND, Key::Num4);
    press(&mut harness, Key::ArrowRight);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(shows(&harness, "Why these changes?"));
    type_text(&mut harness, "Fewer cuts now");
    press(&mut harness, Key::Enter);
    settle(&mut harness);
    assert!(!shows(&harness, "Why these changes?"), "the dialog closed");
    let file = folder.path().join("junior-backend-developer.aijri.json");
    let saved = aijri_desk::library::load_file(&file).unwrap().assessment;
    assert_eq!(saved.evidence.job_posting_trends.score, Some(-1), "−2 → −1");
    assert!(
        saved
            .adjustments
            .iter()
            .any(|a| a.reason == "Fewer cuts now"),
        "{:?}",
        saved.adjustments
    );
}

/// The rename dialog opens with focus on the name; Tab then reaches Rename and Cancel, and Space
/// on Cancel closes it with the file as it was.
#[test]
fn tab_goes_from_the_new_file_name_to_rename_and_cancel() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    common::click(&mut harness, JUNIOR);
    let id = harness.state().state.selected.unwrap();
    harness
        .state_mut()
        .apply(aijri_desk::app::Action::AskRename(id));
    harness.run();
    assert!(
        is_focused(&harness, "New file name:"),
        "{:?}",
        focused(&harness)
    );
    press(&mut harness, Key::Tab);
    assert!(is_focused(&harness, "Rename"), "{:?}", focused(&harness));
    press(&mut harness, Key::Tab);
    assert!(is_focused(&harness, "Cancel"), "{:?}", focused(&harness));
    press(&mut harness, Key::Space);
    assert!(harness.state().views.rename.is_none(), "Cancel closed it");
    assert!(
        folder
            .path()
            .join("junior-backend-developer.aijri.json")
            .exists()
    );
}
