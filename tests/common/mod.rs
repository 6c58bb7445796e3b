//! Helpers shared by the UI test files: a library in a temporary folder, harnesses on the real
//! app, clicking as a user would, and snapshots that skip where no GPU adapter exists.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Each test file uses its own subset; tests fail loudly.

use std::path::Path;
use std::sync::OnceLock;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{AijriApp, Settings, startup};
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

fn builder() -> HarnessBuilder<AijriApp> {
    Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(12)
        .with_context_setup(aijri_desk::app::fonts::install)
}

fn app(folder: &Path, picker: &ScriptedPicker) -> AijriApp {
    startup::open_app(
        &[folder.to_owned()],
        Settings::default(),
        Box::new(picker.clone()),
    )
}

/// A harness on the app opened on `folder`, without a renderer.
pub fn harness(folder: &Path, picker: &ScriptedPicker) -> Harness<'static, AijriApp> {
    let app = app(folder, picker);
    builder().build_eframe(|_| app)
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
    if !renderer_available() {
        eprintln!(
            "snapshot skipped: no wgpu adapter (install mesa-vulkan-drivers to render snapshots)"
        );
        return None;
    }
    let app = app(folder, picker);
    Some(
        builder()
            .with_theme(theme)
            .with_render_cursor(false)
            .wgpu()
            .build_eframe(|_| app),
    )
}

/// Clicks the widget with this label as a user would: scrolled into view first.
pub fn click(harness: &mut Harness<'_, AijriApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Whether some widget has exactly this label.
pub fn shows(harness: &Harness<'_, AijriApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}
