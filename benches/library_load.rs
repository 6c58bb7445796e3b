//! Loading and scoring a library of 1,000 assessments, side by side with serde_json alone parsing
//! the same bytes into `serde_json::Value`. Goal: our parse + score within 1.5× of serde_json.
//!
//! Run with `cargo bench --bench library_load`. Three measurements over the same 1,000 generated
//! files (variants of the shipped assessment):
//! - `serde_json_value`: `serde_json::from_slice::<Value>` on the bytes, already in memory;
//! - `parse_and_score`: `library::parse` + `scoring::score` on the same bytes in memory;
//! - `load_paths_and_score`: `library::load_paths` on the folder (finding and reading the files)
//!   + `scoring::score`.
//!
//! After criterion's report, a plain side-by-side timing prints the ratio of the first two.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aijri_desk::framework::Framework;
use aijri_desk::library;
use aijri_desk::model::{Assessment, Barrier, Dimension, Impact, Principle, Task};
use aijri_desk::scoring;
use criterion::{Criterion, Throughput};
use serde_json::{Value, json};

const LIBRARY_SIZE: usize = 1_000;

/// A small deterministic generator, so every run benchmarks the same library.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low + 1).unwrap_or(1);
        low + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

/// The `index`-th variant of the shipped assessment: other scores, 3–12 tasks with decimal
/// shares, shorter or longer texts, and now and then fields from a newer program.
fn variant(base: &Assessment, index: usize, rng: &mut Lcg) -> Assessment {
    let mut a = base.clone();
    a.role.title = format!("{} variant {index}", base.role.title);
    a.meta.id = format!("variant-{index}");
    a.growth.score = Some(rng.between(-2, 2));
    for &p in Principle::ALL {
        a.protective.get_mut(p).score = Some(rng.between(0, 3));
    }
    for &d in Dimension::ALL {
        a.evidence.get_mut(d).score = Some(rng.between(-2, 2));
    }
    for &b in Barrier::ALL {
        a.barriers.get_mut(b).score = Some(rng.between(0, 2));
    }
    a.tasks = tasks(base, rng);
    let repeat = usize::try_from(rng.between(1, 3)).unwrap_or(1);
    a.commentary.score_vs_reality = base.commentary.score_vs_reality.repeat(repeat);
    if index.is_multiple_of(10) {
        a.extra.insert(
            "x_newer_program".to_owned(),
            json!({"notes": ["kept", "on rewrite"], "weight": 0.5}),
        );
    }
    a
}

/// 3–12 tasks drawn from the shipped ones, with shares that add up to 100 (one decimal).
fn tasks(base: &Assessment, rng: &mut Lcg) -> Vec<Task> {
    let count = usize::try_from(rng.between(3, 12)).unwrap_or(3);
    let weights: Vec<i64> = (0..count).map(|_| rng.between(5, 40)).collect();
    let total: i64 = weights.iter().sum();
    let mut left = 1000; // tenths of a percent
    let mut tasks: Vec<Task> = Vec::with_capacity(count);
    for (i, weight) in weights.iter().enumerate() {
        let tenths = if i + 1 == count {
            left
        } else {
            weight * 1000 / total
        };
        left -= tenths;
        let template = &base.tasks[i % base.tasks.len()];
        let score = rng.between(1, 5);
        tasks.push(Task {
            name: format!("{} ({})", template.name, i + 1),
            #[allow(clippy::cast_precision_loss)] // at most 1000
            time_pct: tenths as f64 / 10.0,
            score,
            impact: if score >= 4 { Impact::Displacement } else { Impact::Augmentation },
            rationale: template.rationale.clone(),
            extra: template.extra.clone(),
        });
    }
    tasks
}

/// Writes the library into `folder` (ten subfolders) and returns every file's path and bytes.
fn generate_library(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json");
    let base = library::load_file(&shipped)
        .map(|l| l.assessment)
        .unwrap_or_else(|_| Assessment::blank());
    let mut rng = Lcg(2026);
    (0..LIBRARY_SIZE)
        .map(|index| {
            let sub = folder.join(format!("group-{}", index % 10));
            let path = sub.join(format!("role-{index:04}.aijri.json"));
            let bytes = library::to_json(&variant(&base, index, &mut rng)).into_bytes();
            std::fs::create_dir_all(&sub)
                .and_then(|()| std::fs::write(&path, &bytes))
                .unwrap_or_else(|e| {
                    eprintln!("cannot write {}: {e}", path.display());
                    std::process::exit(1);
                });
            (path, bytes)
        })
        .collect()
}

fn serde_json_value(files: &[(PathBuf, Vec<u8>)]) -> usize {
    files
        .iter()
        .filter(|(_, bytes)| serde_json::from_slice::<Value>(bytes).is_ok())
        .count()
}

/// Parses and scores every file in memory; the number of files scored.
fn parse_and_score(files: &[(PathBuf, Vec<u8>)], framework: &Framework) -> usize {
    let mut scored = 0;
    for (path, bytes) in files {
        if let Ok(assessment) = library::parse(bytes, path) {
            black_box(scoring::score(&assessment, framework));
            scored += 1;
        }
    }
    scored
}

/// Loads the folder and scores every file that loaded; the number of files scored.
fn load_paths_and_score(folder: &Path, framework: &Framework) -> usize {
    let mut scored = 0;
    for file in library::load_paths(&[folder.to_owned()]) {
        if let Ok(loaded) = &file.result {
            black_box(scoring::score(&loaded.assessment, framework));
            scored += 1;
        }
    }
    scored
}

/// The median time of `runs` runs of `work`.
fn median_time(runs: usize, mut work: impl FnMut() -> usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| {
        eprintln!("cannot create a temporary folder: {e}");
        std::process::exit(1);
    });
    let files = generate_library(folder.path());
    let framework = Framework::published();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    assert_eq!(
        parse_and_score(&files, framework),
        LIBRARY_SIZE,
        "every generated file loads"
    );

    let mut criterion = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(6))
        .configure_from_args();
    let mut group = criterion.benchmark_group(format!("library_load_{LIBRARY_SIZE}"));
    group.throughput(Throughput::Bytes(u64::try_from(bytes).unwrap_or(u64::MAX)));
    group.bench_function("serde_json_value", |b| b.iter(|| serde_json_value(&files)));
    group.bench_function("parse_and_score", |b| {
        b.iter(|| parse_and_score(&files, framework))
    });
    group.bench_function("load_paths_and_score", |b| {
        b.iter(|| load_paths_and_score(folder.path(), framework))
    });
    group.finish();
    criterion.final_summary();

    let value = median_time(15, || serde_json_value(&files));
    let ours = median_time(15, || parse_and_score(&files, framework));
    println!(
        "\n{LIBRARY_SIZE} files, {:.1} MB: serde_json → Value {value:.1?}, parse + score {ours:.1?}: {:.2}× (goal ≤ 1.5×)",
        bytes as f64 / 1e6,
        ours.as_secs_f64() / value.as_secs_f64()
    );
}
