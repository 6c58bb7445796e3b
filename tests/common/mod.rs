//! Helpers shared by the UI test files: a library in a temporary folder, harnesses on the real
//! app, clicking as a user would, and snapshots that skip where no GPU adapter exists.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Each test file uses its own subset; tests fail loudly.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::store::Document;
use aijri_desk::app::{AijriApp, Options, Settings, startup};
use aijri_desk::library;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder};

/// The window size every UI test and snapshot uses.
pub const WINDOW: [f32; 2] = [1320.0, 860.0];

/// The shipped library folder.
pub const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assessments");

/// A temporary library holding a copy of the shipped assessments.
pub fn library_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(SHIPPED).unwrap() {
        let path = entry.unwrap().path();
        if library::is_assessment_file(&path) {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Harnesses step at 60 frames a second, as a user's window does, so time-based behaviour (undo
/// merging typing within two seconds) is tested at a real pace.
fn builder() -> HarnessBuilder<AijriApp> {
    Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(120)
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(aijri_desk::app::fonts::install)
}

/// Options for tests: no data folder (no recovery files, no settings file).
pub fn no_recovery() -> Options {
    Options {
        data_dir: None,
        recovery_delay: std::time::Duration::ZERO,
    }
}

/// Options for tests: the data folder is `folder` (recovery files in its `recovery` folder,
/// written as soon as an edit is made; the settings file; the program's own library).
pub fn recovery_in(folder: &Path) -> Options {
    Options {
        data_dir: Some(folder.to_owned()),
        recovery_delay: std::time::Duration::ZERO,
    }
}

/// How many recovery files the data folder `folder` holds.
pub fn recovery_files(folder: &Path) -> usize {
    std::fs::read_dir(folder.join("recovery")).map_or(0, |dir| dir.count())
}

fn app(folder: &Path, picker: &ScriptedPicker, options: Options) -> AijriApp {
    app_with_settings(folder, picker, options, Settings::default())
}

fn app_with_settings(
    folder: &Path,
    picker: &ScriptedPicker,
    options: Options,
    settings: Settings,
) -> AijriApp {
    startup::open_app(
        &[folder.to_owned()],
        settings,
        Box::new(picker.clone()),
        options,
    )
}

/// A harness on the app opened on `folder` with remembered settings (a restart), no renderer.
pub fn harness_with_settings(folder: &Path, settings: Settings) -> Harness<'static, AijriApp> {
    let app = app_with_settings(folder, &ScriptedPicker::default(), no_recovery(), settings);
    let mut harness = builder().build_eframe(|_| app);
    settle(&mut harness);
    harness
}

/// A harness on an app already built, without a renderer, once its start-up and loads finished.
pub fn harness_of(app: AijriApp) -> Harness<'static, AijriApp> {
    let mut harness = builder().build_eframe(|_| app);
    settle(&mut harness);
    harness
}

/// A harness on the app opened on `folder`, without a renderer.
pub fn harness(folder: &Path, picker: &ScriptedPicker) -> Harness<'static, AijriApp> {
    harness_with(folder, picker, no_recovery())
}

/// A harness on the app opened on `folder` with some options, without a renderer.
pub fn harness_with(
    folder: &Path,
    picker: &ScriptedPicker,
    options: Options,
) -> Harness<'static, AijriApp> {
    let app = app(folder, picker, options);
    let mut harness = builder().build_eframe(|_| app);
    settle(&mut harness);
    harness
}

/// Steps the harness until background work (loads, exports, recovery writes) has finished
/// and its answers are drawn; panics after 10 s.
pub fn settle(harness: &mut Harness<'_, AijriApp>) {
    let started = std::time::Instant::now();
    loop {
        while harness.state().busy() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "background work did not finish"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
            harness.step();
        }
        // The answers are taken in the next frames, and may start more work (a dialog's answer
        // resolves its file, then writes it). On a busy machine a progress bar may still be
        // drawn past the harness's step limit: that is not settled yet, so go round again.
        let settled = harness.try_run().is_ok();
        if settled && !harness.state().busy() {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the window did not settle"
        );
    }
}

/// The selected document.
pub fn selected(harness: &Harness<'_, AijriApp>) -> Document {
    harness
        .state()
        .state
        .selected_doc()
        .map(|(_, doc)| doc.clone())
        .expect("a role is selected")
}

/// The environment variable that lets a machine without a GPU adapter skip image snapshots.
pub const SKIP_SNAPSHOTS_VAR: &str = "AIJRI_DESK_SKIP_SNAPSHOTS";

/// Whether rendering tests run: they do wherever wgpu finds an adapter; without one they fail,
/// unless [`SKIP_SNAPSHOTS_VAR`] is set, which skips them with a message. So a test run never
/// skips silently where it promised to render (CI installs lavapipe).
pub fn may_render() -> bool {
    if renderer_available() {
        return true;
    }
    assert!(
        std::env::var_os(SKIP_SNAPSHOTS_VAR).is_some(),
        "no wgpu adapter: install mesa-vulkan-drivers (Mesa's lavapipe), or set {SKIP_SNAPSHOTS_VAR}=1 to skip image snapshots on this machine"
    );
    eprintln!("image snapshot skipped: no wgpu adapter and {SKIP_SNAPSHOTS_VAR} is set");
    false
}

/// Whether wgpu finds an adapter here (on Linux CI: Mesa's lavapipe); checked once.
pub fn renderer_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE
        .get_or_init(|| std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).is_ok())
}

/// A harness that can render snapshots in a theme, or `None` (with a message) where no GPU
/// adapter exists, so the tests still pass on such a machine.
pub fn rendering_harness(folder: &Path, theme: egui::Theme) -> Option<Harness<'static, AijriApp>> {
    rendering_harness_with_picker(folder, theme, &ScriptedPicker::default())
}

/// [`rendering_harness`] with a file picker the test scripts.
pub fn rendering_harness_with_picker(
    folder: &Path,
    theme: egui::Theme,
    picker: &ScriptedPicker,
) -> Option<Harness<'static, AijriApp>> {
    rendering_harness_at(folder, theme, picker, WINDOW)
}

/// [`rendering_harness_with_picker`] with a window of another size.
pub fn rendering_harness_at(
    folder: &Path,
    theme: egui::Theme,
    picker: &ScriptedPicker,
    size: [f32; 2],
) -> Option<Harness<'static, AijriApp>> {
    if !may_render() {
        return None;
    }
    let app = app(folder, picker, no_recovery());
    Some(
        builder()
            .with_size(size)
            .with_theme(theme)
            .with_render_cursor(false)
            .wgpu()
            .build_eframe(|_| app),
    )
    .map(|mut harness| {
        settle(&mut harness);
        harness
    })
}

/// Clicks the widget with this label as a user would: scrolled into view first; then waits for
/// what the click started in the background.
pub fn click(harness: &mut Harness<'_, AijriApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    settle(harness);
}

/// Clicks a menu entry whose label starts with `label` (entries with a shortcut carry it in
/// their label too: "Save as… Ctrl+Shift+S").
pub fn click_menu_entry(harness: &mut Harness<'_, AijriApp>, label: &str) {
    harness.get_by_label_contains(label).click();
    harness.run();
    settle(harness);
}

/// When a Save asks why each new adjustment was made (a publisher's record saved in place),
/// answers with every reason left empty, as a user in a hurry does; does nothing otherwise.
pub fn skip_reasons(harness: &mut Harness<'_, AijriApp>) {
    if shows(harness, "Why these changes?") {
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, "Save")
            .click();
        harness.run();
        settle(harness);
    }
}

/// Whether some widget has exactly this label.
pub fn shows(harness: &Harness<'_, AijriApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// A harness on a library folder with a picker other than the scripted one (the in-window
/// dialog), without recovery files. Its accessibility check is off: the two text fields of
/// `egui_file`'s dialog (folder and file name) have no accessible name and the crate offers no way
/// to give them one; every other harness checks the app's own widgets.
pub fn harness_with_picker(
    folder: &Path,
    picker: Box<dyn aijri_desk::app::picker::FilePicker>,
) -> Harness<'static, AijriApp> {
    let app = startup::open_app(
        &[folder.to_owned()],
        Settings::default(),
        picker,
        no_recovery(),
    );
    let mut harness = builder()
        .with_accessibility_check(false)
        .build_eframe(|_| app);
    settle(&mut harness);
    harness
}

/// Steps the harness until `done` holds, as the window does while it waits for its folder
/// watcher; panics after 10 s with `what`.
pub fn wait_until(
    harness: &mut Harness<'_, AijriApp>,
    what: &str,
    done: impl Fn(&Harness<'_, AijriApp>) -> bool,
) {
    let started = std::time::Instant::now();
    while !done(harness) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "waited 10 s for: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
        settle(harness);
    }
}

/// A file dropped onto the window, as the windowing layer hands it over: by path.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops files onto the window (xdotool cannot drop: kittest's dropped-files input instead).
pub fn drop_files(harness: &mut Harness<'_, AijriApp>, paths: &[PathBuf]) {
    harness.input_mut().dropped_files = paths
        .iter()
        .map(|p| std::sync::Arc::new(DroppedPath(p.clone())) as egui::DroppedFileHandle)
        .collect();
    harness.step();
    settle(harness);
}

/// Exports the chart of the view shown (Compare's or Pathways') through the picker and reads the picture back.
pub fn export_chart(
    harness: &mut Harness<'_, AijriApp>,
    picker: &ScriptedPicker,
) -> image::RgbaImage {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("chart");
    picker.answer(vec![target.clone()]);
    click(harness, "Export chart as PNG…");
    let png = target.with_extension("png");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !harness
        .state()
        .state
        .notices
        .iter()
        .any(|n| n.text.contains("Exported the chart"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the export finished: {:?}",
            harness.state().state.notices
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    image::open(&png).unwrap().to_rgba8()
}

/// Every menu entry that writes a file through a file dialog (besides Save as): what it writes,
/// the menus to open, the entry, and a file name for it. Tests of every writer (the Replace
/// question, the notice's Open and Show in folder) go through this one list, so a new writer is
/// added once.
pub const FILE_WRITERS: [(&str, &[&str], &str, &str); 7] = [
    (
        "variant",
        &["File"],
        "Save as variant…",
        "variant.aijri.json",
    ),
    ("text", &["File", "Export"], "Published text…", "text.txt"),
    (
        "markdown",
        &["File", "Export"],
        "Markdown report…",
        "markdown.md",
    ),
    (
        "report",
        &["File", "Export"],
        "Client report (PDF)…",
        "report.pdf",
    ),
    (
        "comparison",
        &["File"],
        "Save comparison…",
        "comparison.aijri-compare.json",
    ),
    ("csv", &["Compare"], "Export comparison as CSV…", "csv.csv"),
    (
        "library",
        &["Compare"],
        "Export library as CSV…",
        "library.csv",
    ),
];
