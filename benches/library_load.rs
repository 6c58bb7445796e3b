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
use aijri_desk::scoring;
use criterion::{Criterion, Throughput};
use serde_json::Value;

#[path = "support/generated.rs"]
mod generated;

const LIBRARY_SIZE: usize = 1_000;

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
    let files = generated::generate_library(folder.path(), LIBRARY_SIZE);
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
