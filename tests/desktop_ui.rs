//! Working like a desktop program: Help (the method worked through, the shortcuts, About),
//! Preferences remembered between runs, every written file one click away, and the library
//! managed in the window (duplicate, rename, trash, sort, tags).
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use aijri_desk::app::desktop::Opener;
use aijri_desk::app::help::HelpPage;
use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::role_list::SortKey;
use aijri_desk::app::{Action, AijriApp, View, startup};
use aijri_desk::client_report::Paper;
use common::{click, click_menu_entry, harness, library_copy, selected, settle, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const BACKEND: &str = "Backend/API Developer";
const JUNIOR: &str = "Junior Backend Developer";
const JUNIOR_FILE: &str = "junior-backend-developer.aijri.json";

/// Whether some text in the window contains `text`.
fn shows_text(harness: &Harness<'_, AijriApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// What the window asked the desktop to open: each file, and whether in its folder.
type Opened = Arc<Mutex<Vec<(PathBuf, bool)>>>;

/// A harness with a data folder of its own (settings, the report template), files moved to the
/// trash into `trash`, and what it opens noted rather than opened.
fn harness_with_data(folder: &Path, data: &Path, trash: &Path) -> Harness<'static, AijriApp> {
    harness_noting(folder, data, trash).0
}

/// [`harness_with_data`], and the list of what it asked the desktop to open.
fn harness_noting(
    folder: &Path,
    data: &Path,
    trash: &Path,
) -> (Harness<'static, AijriApp>, Opened) {
    let mut app = startup::open_app(
        &[folder.to_owned()],
        aijri_desk::app::Settings::default(),
        Box::new(ScriptedPicker::default()),
        common::recovery_in(data),
    );
    app.trash_into(trash.to_owned());
    let opened = Opened::default();
    app.open_files_with(Opener::Noted(Arc::clone(&opened)));
    (common::harness_of(app), opened)
}

#[test]
fn help_works_the_method_through_with_the_frameworks_numbers_and_the_selected_role() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, BACKEND);
    click(&mut harness, "Help");
    click_menu_entry(&mut harness, "How AIJRI scores a role");
    for formula in [
        "EM = 1.0 + evidence total × 0.04",
        "BM = 1.0 + barrier total × 0.02",
        "GM = 1.0 + AI growth correlation × 0.05",
        "TRS = 6.00 − task total",
        "Score = (raw − 0.54) / 7.93 × 100, kept within 0–100",
        "Green ≥48, Yellow 25-47, Red <25",
    ] {
        assert!(shows_text(&harness, formula), "the formula {formula}");
    }
    for worked in [
        "Backend/API Developer: 2/9",
        "Backend/API Developer: 15% × 2 = 0.30; 20% × 4 = 0.80",
        "Backend/API Developer: 6.00 - 2.95 = 3.05/5.0",
        "Backend/API Developer: 1.0 + (-4 × 0.04) = 0.84",
        "Backend/API Developer: 3.05 × 0.84 × 1.02 × 0.95 = 2.4826",
        "Backend/API Developer: (2.4826 - 0.54) / 7.93 × 100 = 24.5/100",
        "Backend/API Developer: Red — Does not meet all three Imminent conditions — Imminent: Red ✓",
    ] {
        assert!(shows_text(&harness, worked), "worked through: {worked}");
    }
    // Under a framework variant, its numbers.
    let variant = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/framework/examples/evidence-0.06.aijri-framework.json"
    );
    let picker = ScriptedPicker::default();
    let mut harness = common::harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    picker.answer(vec![variant.into()]);
    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "Open framework file…");
    harness
        .state_mut()
        .apply(Action::ShowHelp(HelpPage::Method));
    harness.run();
    assert!(shows_text(&harness, "EM = 1.0 + evidence total × 0.06"));
    assert!(shows_text(&harness, "Score = (raw − 0.36) / 10.2 × 100"));
    assert!(shows_text(
        &harness,
        "Backend/API Developer: 1.0 + (-4 × 0.06) = 0.76"
    ));
}

#[test]
fn help_lists_every_keyboard_shortcut() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Help");
    click_menu_entry(&mut harness, "Keyboard shortcuts");
    for group in aijri_desk::app::keyboard::scheme() {
        assert!(shows(&harness, group.title), "{}", group.title);
        for binding in group.bindings {
            assert!(shows(&harness, &binding.keys), "{}", binding.keys);
            assert!(shows(&harness, &binding.does), "{}", binding.does);
        }
    }
}

#[test]
fn about_shows_the_version_licence_data_folder_framework_and_crate_licences() {
    let folder = library_copy();
    let data = tempfile::tempdir().unwrap();
    let trash = tempfile::tempdir().unwrap();
    let (mut harness, opened) = harness_noting(folder.path(), data.path(), trash.path());
    click(&mut harness, BACKEND);
    click(&mut harness, "Help");
    click_menu_entry(&mut harness, "About AIJRI Desk");
    assert!(shows(
        &harness,
        &format!("Version {}", env!("CARGO_PKG_VERSION"))
    ));
    assert!(shows_text(&harness, "Licence: MIT OR Apache-2.0"));
    assert!(
        shows_text(&harness, &data.path().display().to_string()),
        "the data folder is named"
    );
    click(&mut harness, "Open the data folder");
    assert_eq!(
        opened.lock().unwrap().as_slice(),
        [(data.path().to_owned(), false)],
        "the data folder opens"
    );
    assert!(shows_text(
        &harness,
        "the selected role's is “AIJRI, as published” (aijri-published-v1, version 1)"
    ));
    harness.get_by_label("Find a crate").focus();
    harness.run();
    harness.get_by_label("Find a crate").type_text("serde_json");
    harness.run();
    harness.get_by_label_contains("serde_json 1.").click();
    harness.run();
    assert!(shows(&harness, "LICENSE-MIT"), "the crate's licence files");
    assert!(
        shows_text(&harness, "Permission is hereby granted"),
        "the crate's licence text is shown"
    );
    assert!(
        !shows_text(&harness, "wgpu 30"),
        "what only the tests' renderer uses is not shipped"
    );
}

#[test]
fn preferences_are_remembered_between_runs_and_sign_new_work() {
    let folder = library_copy();
    let data = tempfile::tempdir().unwrap();
    let trash = tempfile::tempdir().unwrap();
    let mut harness = harness_with_data(folder.path(), data.path(), trash.path());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    harness.run();
    settle(&mut harness);
    harness.get_by_label("Assessor name").focus();
    harness.run();
    harness
        .get_by_label("Assessor name")
        .type_text("A. Adviser");
    harness.run();
    click(&mut harness, "US Letter");
    click(&mut harness, "Dark");
    click(&mut harness, "By polling every 2 s");
    let settings = &harness.state().state.settings;
    assert_eq!(settings.assessor, "A. Adviser");
    assert_eq!(settings.paper, Paper::Letter);
    assert_eq!(settings.dark_mode, Some(true));

    // New assessments and variants bear the name.
    harness.state_mut().apply(Action::New);
    harness.run();
    assert_eq!(selected(&harness).assessment().meta.assessor, "A. Adviser");

    // Quitting writes the settings; the next start reads them.
    harness.state_mut().apply(Action::Quit);
    harness.run();
    click(&mut harness, "Discard");
    settle(&mut harness);
    drop(harness);
    let harness = harness_with_data(folder.path(), data.path(), trash.path());
    let settings = &harness.state().state.settings;
    assert_eq!(settings.assessor, "A. Adviser");
    assert_eq!(settings.paper, Paper::Letter);
    assert_eq!(settings.dark_mode, Some(true));
    assert_eq!(
        settings.watch_mode,
        aijri_desk::library::watch::WatchMode::Polling
    );
}

#[test]
fn a_variant_bears_the_assessor_name_of_the_preferences() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    harness
        .state_mut()
        .apply(Action::SetAssessor("A. Adviser".into()));
    click(&mut harness, BACKEND);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let target = folder.path().join("regional.aijri.json");
    picker.answer(vec![target.clone()]);
    click(&mut harness, "File");
    click_menu_entry(&mut harness, "Save as variant…");
    click(&mut harness, "Save variant");
    let saved = aijri_desk::library::load_file(&target).unwrap().assessment;
    assert_eq!(saved.meta.assessor, "A. Adviser");
}

#[test]
fn use_my_own_template_copies_the_shipped_one_says_where_and_the_way_back_trashes_it() {
    let folder = library_copy();
    let data = tempfile::tempdir().unwrap();
    let trash = tempfile::tempdir().unwrap();
    let (mut harness, opened) = harness_noting(folder.path(), data.path(), trash.path());
    harness.state_mut().apply(Action::ShowPreferences);
    harness.run();
    settle(&mut harness);
    click(&mut harness, "Use my own template…");
    let own = data.path().join("client-report.typ");
    assert_eq!(
        opened.lock().unwrap().as_slice(),
        [(own.clone(), true)],
        "its folder is opened, the file shown"
    );
    assert_eq!(
        std::fs::read_to_string(&own).unwrap(),
        aijri_desk::client_report::SHIPPED_TEMPLATE
    );
    let notice = harness.state().state.notices.last().unwrap().clone();
    assert!(
        notice.text.contains(&own.display().to_string()),
        "{notice:?}"
    );
    assert_eq!(
        notice.file.as_deref(),
        Some(own.as_path()),
        "Open / Show in folder"
    );
    assert!(shows_text(
        &harness,
        &format!("Your own: {}", own.display())
    ));

    click(&mut harness, "Use the shipped template");
    assert!(!own.exists(), "the data folder no longer holds it");
    assert_eq!(
        std::fs::read_to_string(trash.path().join("client-report.typ")).unwrap(),
        aijri_desk::client_report::SHIPPED_TEMPLATE,
        "it is in the trash"
    );
    assert!(shows(&harness, "The shipped one."));
}

/// The paper size of a PDF's first page, in points.
fn page_size(pdf: &Path) -> (f32, f32) {
    let document = lopdf::Document::load(pdf).unwrap();
    let (_, page) = document.get_pages().into_iter().next().unwrap();
    let page = document.get_dictionary(page).unwrap();
    let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let number = |i: usize| media[i].as_float().unwrap();
    (number(2) - number(0), number(3) - number(1))
}

#[test]
fn the_paper_size_preference_lays_the_report_out_on_us_letter() {
    let folder = library_copy();
    let out = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    harness.state_mut().apply(Action::SetPaper(Paper::Letter));
    let pdf = out.path().join("letter.pdf");
    picker.answer(vec![pdf.clone()]);
    harness.state_mut().apply(Action::ExportClientReport);
    settle(&mut harness);
    let (width, height) = page_size(&pdf);
    assert!(
        (width - 612.0).abs() < 0.5 && (height - 792.0).abs() < 0.5,
        "{width} × {height}"
    );
}

/// Every notice about a file written names it and offers Open and Show in folder: saves, Save
/// as, variants, duplicates, renames, exports, the client report, the comparison, a framework.
#[test]
fn every_notice_of_a_written_file_offers_open_and_show_in_folder() {
    let folder = library_copy();
    let out = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, BACKEND);
    click(&mut harness, "Compare Junior Backend Developer");
    let check = |harness: &mut Harness<'_, AijriApp>, what: &str, file: &Path| {
        settle(harness);
        let notice = harness.state().state.notices.last().unwrap().clone();
        assert_eq!(notice.file.as_deref(), Some(file), "{what}: {notice:?}");
        assert!(file.exists(), "{what}: {}", file.display());
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            shows(harness, "Show in folder") && shows_text(harness, &name),
            "{what}: the notice shows with its buttons"
        );
        assert!(
            harness
                .query_all_by_label("Open")
                .any(|n| n.rect().top() < 120.0)
        );
    };
    let backend = folder.path().join("backend-api-developer.aijri.json");
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    common::skip_reasons(&mut harness);
    check(&mut harness, "save", &backend);

    let save_as: (&str, &[&str], &str, &str) =
        ("save as", &["File"], "Save as…", "saved-as.aijri.json");
    let menu_cases = std::iter::once(save_as).chain(common::FILE_WRITERS);
    for (what, menus, entry, file) in menu_cases {
        let path = out.path().join(file);
        picker.answer(vec![path.clone()]);
        for menu in menus {
            click(&mut harness, menu);
        }
        click_menu_entry(&mut harness, entry);
        if shows(&harness, "Save variant") {
            click(&mut harness, "Save variant");
        }
        check(&mut harness, what, &path);
        harness.state_mut().apply(Action::SetView(View::Editor));
        harness.run();
    }
    let png = out.path().join("chart.png");
    picker.answer(vec![png.clone()]);
    click(&mut harness, "Compare");
    click(&mut harness, "Export chart as PNG…");
    check(&mut harness, "chart", &png);

    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "New variant of the framework in use");
    let framework = out.path().join("mine.aijri-framework.json");
    picker.answer(vec![framework.clone()]);
    click(&mut harness, "Save framework as…");
    check(&mut harness, "framework", &framework);

    harness.state_mut().apply(Action::SetView(View::Editor));
    click(&mut harness, JUNIOR);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    check(
        &mut harness,
        "duplicate",
        &folder
            .path()
            .join("junior-backend-developer-copy.aijri.json"),
    );
}

#[test]
fn ctrl_d_duplicates_the_selected_role_into_a_new_file_with_a_new_id() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, JUNIOR);
    let original = selected(&harness).assessment().clone();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    settle(&mut harness);
    let file = folder
        .path()
        .join("junior-backend-developer-copy.aijri.json");
    let copy = aijri_desk::library::load_file(&file).unwrap().assessment;
    assert_eq!(copy.role.title, format!("{JUNIOR} (copy)"));
    assert_eq!(copy.meta.id, "junior-backend-developer-copy");
    assert_ne!(copy.meta.id, original.meta.id);
    assert_eq!(copy.tasks, original.tasks, "the same assessment otherwise");
    let doc = selected(&harness);
    assert_eq!(doc.assessment(), &copy, "the copy is selected");
    assert!(!doc.is_dirty());
    assert_eq!(harness.state().state.store.entries().len(), 4);
    // A second copy takes the next free name and id.
    click(&mut harness, JUNIOR);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    harness.run();
    settle(&mut harness);
    assert_eq!(harness.state().state.store.entries().len(), 5);
    let second = selected(&harness).assessment().meta.id.clone();
    assert_ne!(second, copy.meta.id);
}

#[test]
fn renaming_a_roles_file_moves_it_and_the_document_follows() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, JUNIOR);
    let id = harness.state().state.selected.unwrap();
    harness
        .state_mut()
        .apply(Action::RenameFile(id, "junior-dev.aijri.json".into()));
    settle(&mut harness);
    let renamed = folder.path().join("junior-dev.aijri.json");
    assert!(renamed.exists() && !folder.path().join(JUNIOR_FILE).exists());
    let store = &harness.state().state.store;
    assert_eq!(
        store.path(id),
        Some(renamed.as_path()),
        "the same role, moved"
    );
    assert_eq!(harness.state().state.selected, Some(id));
    let notice = harness.state().state.notices.last().unwrap();
    assert_eq!(notice.file.as_deref(), Some(renamed.as_path()));

    // The dialog: the name typed, the extension added.
    click(&mut harness, "File");
    click_menu_entry(&mut harness, "Rename file…");
    assert!(shows(&harness, "Rename file"));
    harness.state_mut().views.rename.as_mut().unwrap().name = "junior-again".into();
    harness.run();
    assert!(shows(&harness, "The file becomes junior-again.aijri.json"));
    click(&mut harness, "Rename");
    settle(&mut harness);
    assert!(folder.path().join("junior-again.aijri.json").exists());
}

#[test]
fn renaming_onto_an_existing_file_asks_and_cancel_leaves_both() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    let other = folder.path().join("someone-elses.aijri.json");
    std::fs::write(&other, "not mine").unwrap();
    click(&mut harness, JUNIOR);
    let id = harness.state().state.selected.unwrap();
    harness
        .state_mut()
        .apply(Action::RenameFile(id, "someone-elses.aijri.json".into()));
    settle(&mut harness);
    assert!(shows(&harness, "Replace the file?"));
    click(&mut harness, "Cancel");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "not mine");
    assert!(folder.path().join(JUNIOR_FILE).exists());
    assert_eq!(
        harness.state().state.store.path(id),
        Some(folder.path().join(JUNIOR_FILE).as_path())
    );
}

#[test]
fn move_to_trash_removes_the_role_and_keeps_its_file_restorable() {
    let folder = library_copy();
    let data = tempfile::tempdir().unwrap();
    let trash = tempfile::tempdir().unwrap();
    let mut harness = harness_with_data(folder.path(), data.path(), trash.path());
    click(&mut harness, JUNIOR);
    click(&mut harness, "File");
    click_menu_entry(&mut harness, "Move to trash");
    settle(&mut harness);
    assert!(!folder.path().join(JUNIOR_FILE).exists());
    assert!(trash.path().join(JUNIOR_FILE).exists(), "in the trash");
    assert_eq!(harness.state().state.store.entries().len(), 2);
    assert!(!shows(&harness, JUNIOR), "it left the list");
    assert!(harness.state().state.notices.iter().any(|n| {
        n.text
            .contains("Moved junior-backend-developer.aijri.json to the trash")
    }));

    // With unsaved edits it asks first, and Cancel keeps everything.
    click(&mut harness, BACKEND);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    let id = harness.state().state.selected.unwrap();
    harness.state_mut().apply(Action::AskTrash(id));
    harness.run();
    assert!(shows(&harness, "Move to the trash?"));
    click(&mut harness, "Cancel");
    assert!(
        folder
            .path()
            .join("backend-api-developer.aijri.json")
            .exists()
    );
    assert!(selected(&harness).is_dirty());
}

/// The titles of the list, in its order.
fn listed(harness: &mut Harness<'_, AijriApp>) -> Vec<String> {
    let app = harness.state_mut();
    let rows = app.views.role_list.rows(&app.state.store, false).to_vec();
    rows.iter()
        .map(|&id| {
            app.state
                .store
                .doc(id)
                .unwrap()
                .assessment()
                .role
                .title
                .clone()
        })
        .collect()
}

#[test]
fn the_list_sorts_by_title_score_zone_seniority_and_last_change() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    let senior = "Senior Backend Engineer";
    let cases = [
        (SortKey::Title, [BACKEND, JUNIOR, senior]),
        (SortKey::ScoreDescending, [senior, BACKEND, JUNIOR]),
        (SortKey::ScoreAscending, [JUNIOR, BACKEND, senior]),
        (SortKey::Zone, [JUNIOR, BACKEND, senior]),
        (SortKey::Seniority, [JUNIOR, BACKEND, senior]),
    ];
    for (sort, order) in cases {
        click(&mut harness, "Order: Title A–Z");
        harness.state_mut().views.role_list.filter.sort = sort;
        harness.run();
        assert_eq!(listed(&mut harness), order, "{sort:?}");
        harness.state_mut().views.role_list.filter.sort = SortKey::Title;
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    // The order is chosen in the list's menu; the role saved last comes first.
    click(&mut harness, JUNIOR);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    common::skip_reasons(&mut harness);
    settle(&mut harness);
    click(&mut harness, "Order: Title A–Z");
    click(&mut harness, "Last change, newest first");
    assert_eq!(listed(&mut harness)[0], JUNIOR);
}

#[test]
fn tag_chips_filter_the_list_to_the_roles_with_every_tag_chosen() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    for tag in ["backend", "illustrative", "junior", "published", "senior"] {
        assert!(shows(&harness, &format!("Tag: {tag}")), "a chip for {tag}");
    }
    click(&mut harness, "Tag: illustrative");
    assert_eq!(listed(&mut harness), [JUNIOR, "Senior Backend Engineer"]);
    click(&mut harness, "Tag: senior");
    assert_eq!(listed(&mut harness), ["Senior Backend Engineer"]);
    click(&mut harness, "Tag: senior");
    click(&mut harness, "Tag: illustrative");
    assert_eq!(listed(&mut harness).len(), 3, "every role again");
}
