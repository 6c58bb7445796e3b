//! The whole job as a user waits for it: `aijri-desk score DIR --json > /dev/null` on a library of
//! 10,000 generated assessments (see `support/generated.rs`), process start to exit, side by side
//! with a baseline process that reads every file and parses it into `serde_json::Value` on one
//! thread. Goal: ours ≤ 0.8× the baseline.
//!
//! ```bash
//! cargo bench --no-default-features --bench cli_score                   # in a temporary folder
//! cargo bench --no-default-features --bench cli_score -- --keep DIR     # in DIR, kept (reused if there)
//! ```
//!
//! Each command runs once to warm the page cache, then several times, interleaved; the medians and
//! their ratio are printed, with the `hyperfine` command line that measures the same two processes.
//! `BENCH_EXE --baseline DIR` runs the baseline alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

#[path = "support/generated.rs"]
mod generated;

const LIBRARY_SIZE: usize = 10_000;
const RUNS: usize = 9;

/// The release binary cargo built for this benchmark.
const PROGRAM: &str = env!("CARGO_BIN_EXE_aijri-desk");

fn main() {
    // `cargo bench` passes `--bench`.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--baseline", folder] => println!("{} files parsed", baseline(Path::new(folder))),
        ["--keep", folder] => compare(Path::new(folder)),
        [] => match tempfile::tempdir() {
            Ok(folder) => compare(folder.path()),
            Err(e) => fail(&format!("cannot create a temporary folder: {e}")),
        },
        _ => fail("usage: cli_score [--keep DIR | --baseline DIR]"),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}

/// The baseline: every `*.aijri.json` below `folder` read and parsed into `serde_json::Value`, one
/// file after another; the number that parsed.
fn baseline(folder: &Path) -> usize {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".aijri.json"))
        .filter_map(|entry| std::fs::read(entry.path()).ok())
        .filter(|bytes| serde_json::from_slice::<Value>(bytes).is_ok())
        .count()
}

/// Generates the library into `folder` unless it is there, then times both processes.
fn compare(folder: &Path) {
    let bytes = library_in(folder);
    let this = std::env::current_exe().unwrap_or_else(|e| fail(&format!("no own path: {e}")));
    let folder_arg = folder.display().to_string();
    let ours = [PROGRAM, "score", &folder_arg, "--json"].map(PathBuf::from);
    let theirs = [this.clone(), "--baseline".into(), folder.to_owned()];
    let (ours_times, theirs_times) = interleaved(&ours, &theirs);
    let (ours_median, theirs_median) = (median(ours_times), median(theirs_times));
    println!(
        "{LIBRARY_SIZE} files, {:.1} MB, {} threads available, median of {RUNS} runs each, whole process:\n  \
         aijri-desk score DIR --json > /dev/null   {ours_median:.3?}\n  \
         serde_json → Value, one thread           {theirs_median:.3?}\n  \
         ratio {:.2}× (goal ≤ 0.8×)",
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        ours_median.as_secs_f64() / theirs_median.as_secs_f64()
    );
    println!(
        "the same with hyperfine:\n  hyperfine --warmup 1 --runs {RUNS} --output null \
         '{PROGRAM} score {folder_arg} --json' '{} --baseline {folder_arg}'",
        this.display()
    );
}

/// Writes the library into `folder` unless a previous `--keep` run did; its size in bytes.
fn library_in(folder: &Path) -> u64 {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    if files.len() == LIBRARY_SIZE {
        return files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
    }
    if !files.is_empty() {
        fail(&format!(
            "{} holds {} files, not the {LIBRARY_SIZE} of a generated library",
            folder.display(),
            files.len()
        ));
    }
    generated::generate_library(folder, LIBRARY_SIZE)
        .iter()
        .map(|(_, bytes)| bytes.len() as u64)
        .sum()
}

/// Runs both commands once each to warm up, then [`RUNS`] times each, alternating; the times.
fn interleaved(ours: &[PathBuf], theirs: &[PathBuf]) -> (Vec<Duration>, Vec<Duration>) {
    run_once(ours);
    run_once(theirs);
    (0..RUNS)
        .map(|_| (run_once(ours), run_once(theirs)))
        .unzip()
}

/// Runs a command with its output thrown away; its wall time from start to exit.
fn run_once(command: &[PathBuf]) -> Duration {
    let [program, args @ ..] = command else {
        fail("no command")
    };
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status();
    let elapsed = start.elapsed();
    match status {
        // `score` exits 1 when a file has errors, which a generated file may have.
        Ok(status) if status.code().is_some() => elapsed,
        other => fail(&format!("{command:?}: {other:?}")),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}
