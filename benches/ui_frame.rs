//! The CPU time of one UI frame with 10,000 roles in the list and 20 in the comparison set, for
//! each view of the central area (editor, compare, what-if). Goal: under 4 ms in release.
//!
//! Run with `cargo bench --bench ui_frame`. Each view is measured two ways:
//! - `kittest/<view>`: one `Harness::step` of the real app through egui_kittest (what the UI tests
//!   drive), plus tessellating its shapes as eframe would before painting. The harness always
//!   builds the AccessKit tree and hands it to kittest, which a desktop frame does only while a
//!   screen reader is on, so this is an upper bound.
//! - `kittest/compare-scrolled-to-table`: the Compare view scrolled down to its table (460 cells).
//! - `context/<view>`: the same app run directly on an `egui::Context` (layout + tessellation, no
//!   AccessKit), which is what eframe spends on the CPU before handing triangles to the GPU.
//!
//! Time is the thread's CPU time (`/proc/thread-self/schedstat` on Linux, else wall time), so other
//! work on a shared machine does not inflate it.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::store::{Document, Edit, Store};
use aijri_desk::app::{Action, AijriApp, Options, Settings, View};
use aijri_desk::framework::Framework;
use aijri_desk::library::{self, FileStamp};
use aijri_desk::model::{Assessment, Dimension};
use criterion::Criterion;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Roles in the list.
const LISTED: usize = 10_000;
/// Roles in the comparison set.
const COMPARED: usize = 20;
/// The window size of the UI tests.
const WINDOW: [f32; 2] = [1320.0, 860.0];

/// The shipped assessments, read from `assessments/`.
fn shipped() -> Vec<Assessment> {
    let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assessments"));
    let files = library::load_paths(&[folder]);
    let assessments: Vec<Assessment> = files
        .into_iter()
        .filter_map(|f| f.result.ok())
        .map(|l| l.assessment)
        .collect();
    assert!(!assessments.is_empty(), "the shipped assessments load");
    assessments
}

/// A store of `LISTED` variants of the shipped roles.
fn big_library(framework: &Framework) -> Store {
    let base = shipped();
    let mut store = Store::new();
    for i in 0..LISTED {
        let mut a = base[i % base.len()].clone();
        a.role.title = format!("{} {i:05}", a.role.title);
        let wage = i64::try_from(i % 5).unwrap_or(0) - 2;
        a.evidence.get_mut(Dimension::WageTrends).score = Some(wage);
        let doc = Document::new(a, Some(FileStamp::of(b"")), framework);
        store.open(
            PathBuf::from(format!("/bench/role-{i:05}.aijri.json")),
            Ok(doc),
        );
    }
    store
}

/// The app on the big library, showing `view`, with every 500th role in the comparison set.
fn app(view: View) -> AijriApp {
    let framework = Framework::published();
    let mut app = AijriApp::new(
        big_library(framework),
        Settings::default(),
        Box::new(ScriptedPicker::default()),
        Options {
            data_dir: None,
            recovery_delay: Duration::from_secs(3),
        },
    );
    let ids: Vec<_> = app
        .state
        .store
        .entries()
        .iter()
        .step_by(LISTED / COMPARED)
        .map(|e| e.id)
        .collect();
    for id in ids {
        app.state.store.set_compared(id, true);
    }
    app.state.selected = app.state.store.entries().first().map(|e| e.id);
    app.state.view = view;
    app
}

/// The CPU time this thread has used, in nanoseconds, when the platform tells.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Times `iterations` runs of `frame` in thread CPU time (or wall time where that is unknown).
fn cpu_time(iterations: u64, mut frame: impl FnMut()) -> Duration {
    let (cpu_start, wall_start) = (thread_cpu_ns(), Instant::now());
    for _ in 0..iterations {
        frame();
    }
    match (cpu_start, thread_cpu_ns()) {
        (Some(start), Some(end)) => Duration::from_nanos(end.saturating_sub(start)),
        _ => wall_start.elapsed(),
    }
}

/// Measures frames of `view` through the kittest harness; `scroll_to` names a widget to scroll
/// into view first (e.g. the comparison table, below the charts).
fn kittest_frames(c: &mut Criterion, view: View, name: &str, scroll_to: Option<&str>) {
    let app = app(view);
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_context_setup(aijri_desk::app::fonts::install)
        .build_eframe(|_| app);
    // Lay out once and let caches fill, as after the first frames of a session.
    for _ in 0..5 {
        harness.step();
    }
    if let Some(label) = scroll_to {
        harness.get_by_label(label).scroll_to_me();
        for _ in 0..5 {
            harness.step();
        }
    }
    assert_eq!(harness.state().state.store.compared().len(), COMPARED);
    c.bench_function(&format!("kittest/{name}"), |b| {
        b.iter_custom(|iterations| {
            cpu_time(iterations, || {
                harness.step();
                let output = harness.output();
                let shapes = output.shapes.clone();
                black_box(harness.ctx.tessellate(shapes, output.pixels_per_point));
            })
        });
    });
}

/// An egui context with the program's fonts, as the window has.
fn plain_context() -> egui::Context {
    let ctx = egui::Context::default();
    aijri_desk::app::fonts::install(&ctx);
    ctx
}

/// One plain egui frame of the app at the window's size, tessellated as eframe would.
fn plain_frame(ctx: &egui::Context, app: &mut AijriApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::Vec2::from(WINDOW),
        )),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        app.logic(ui.ctx());
        app.ui(ui);
    });
    // No painter uploads the font atlas here: the texture changes are dropped on purpose.
    output.textures_delta.clear();
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
}

/// Times `frame` after five frames that fill the caches, as after the first frames of a session.
fn time_frames(c: &mut Criterion, name: &str, mut frame: impl FnMut()) {
    for _ in 0..5 {
        frame();
    }
    c.bench_function(name, |b| {
        b.iter_custom(|iterations| cpu_time(iterations, &mut frame))
    });
}

fn context_frames(c: &mut Criterion, view: View, name: &str) {
    let mut app = app(view);
    let ctx = plain_context();
    time_frames(c, &format!("context/{name}"), || {
        plain_frame(&ctx, &mut app)
    });
}

/// Frames of the editor while the user types: each frame one more character in a field of the
/// selected role, through the one edit door, with 10,000 roles listed. `field` picks the text:
/// one the list does not order by (the list keeps its order) or the title (it re-sorts).
fn typing_frames(c: &mut Criterion, name: &str, field: fn(&mut Assessment) -> &mut String) {
    let mut app = app(View::Editor);
    let Some(id) = app.state.selected else {
        return;
    };
    let ctx = plain_context();
    time_frames(c, &format!("typing/{name}"), || {
        if let Some(doc) = app.state.store.doc(id) {
            let mut typed = doc.assessment().clone();
            let text = field(&mut typed);
            let next = if text.len().is_multiple_of(7) {
                ' '
            } else {
                'x'
            };
            text.push(next);
            app.apply(Action::Edit(id, Edit::Fields(Box::new(typed))));
        }
        plain_frame(&ctx, &mut app);
    });
}

fn benches(c: &mut Criterion) {
    typing_frames(c, "primary-function", |a| &mut a.role.primary_function);
    typing_frames(c, "title", |a| &mut a.role.title);
    for (view, name) in [
        (View::Editor, "editor"),
        (View::Compare, "compare"),
        (View::WhatIf, "what-if"),
    ] {
        kittest_frames(c, view, name, None);
        context_frames(c, view, name);
    }
    let table = Some("Every figure side by side");
    kittest_frames(c, View::Compare, "compare-scrolled-to-table", table);
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(30)
        .measurement_time(Duration::from_secs(6))
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
