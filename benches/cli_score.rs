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
//! `score` also runs with `AIJRI_DESK_THREADS=1`: its time on one thread says how much the cores
//! gave (little when other work keeps them busy).
//! `BENCH_EXE --baseline DIR` runs the baseline alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

#[path = "support/generated.rs"]
mod generated;

const LIBRARY_SIZE: usize = 10_000;
const RUNS: usize = 15;

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

/// Generates the library into `folder` unless it is there, then times the processes.
fn compare(folder: &Path) {
    let bytes = library_in(folder);
    let this = std::env::current_exe().unwrap_or_else(|e| fail(&format!("no own path: {e}")));
    let folder_arg = folder.display().to_string();
    let score = [PROGRAM, "score", &folder_arg, "--json"].map(PathBuf::from);
    let commands = [
        Run {
            threads: None,
            command: &score,
        },
        Run {
            threads: Some("1"),
            command: &score,
        },
        Run {
            threads: None,
            command: &[this.clone(), "--baseline".into(), folder.to_owned()],
        },
    ];
    let [ours, ours_one, baseline] = interleaved(&commands).map(sorted);
    println!(
        "{LIBRARY_SIZE} files, {:.1} MB, {} threads available, {RUNS} runs each, whole process, \
         median (fastest):\n  \
         aijri-desk score DIR --json > /dev/null   {}\n  \
         the same, AIJRI_DESK_THREADS=1           {}\n  \
         serde_json → Value, one thread           {}\n  \
         ratio {} (goal ≤ 0.8×); on one thread {}",
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        show(&ours),
        show(&ours_one),
        show(&baseline),
        ratio(&ours, &baseline),
        ratio(&ours_one, &baseline),
    );
    println!(
        "the same with hyperfine:\n  hyperfine --warmup 1 --runs {RUNS} --output null \
         '{PROGRAM} score {folder_arg} --json' '{} --baseline {folder_arg}'",
        this.display()
    );
}

/// A command to time, and the `AIJRI_DESK_THREADS` it runs with.
struct Run<'a> {
    threads: Option<&'a str>,
    command: &'a [PathBuf],
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

/// Runs every command once to warm up, then [`RUNS`] times each, in turn; the times of each.
fn interleaved<const N: usize>(runs: &[Run; N]) -> [Vec<Duration>; N] {
    let mut times = runs.each_ref().map(|run| {
        run_once(run);
        Vec::with_capacity(RUNS)
    });
    for _ in 0..RUNS {
        for (run, times) in runs.iter().zip(&mut times) {
            times.push(run_once(run));
        }
    }
    times
}

/// Runs a command with its output thrown away; its wall time from start to exit.
fn run_once(run: &Run) -> Duration {
    let [program, args @ ..] = run.command else {
        fail("no command")
    };
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    if let Some(threads) = run.threads {
        command.env("AIJRI_DESK_THREADS", threads);
    }
    let start = Instant::now();
    let status = command.status();
    let elapsed = start.elapsed();
    match status {
        // `score` exits 1 when a file has errors, which a generated file may have.
        Ok(status) if status.code().is_some() => elapsed,
        other => fail(&format!("{:?}: {other:?}", run.command)),
    }
}

/// The times, fastest first.
fn sorted(mut times: Vec<Duration>) -> Vec<Duration> {
    times.sort();
    times
}

/// The median and the fastest of sorted times, `(median, fastest)`.
fn median_fastest(times: &[Duration]) -> (Duration, Duration) {
    match times {
        [fastest, ..] => (times[times.len() / 2], *fastest),
        [] => (Duration::ZERO, Duration::ZERO),
    }
}

/// `median (fastest)`.
fn show(times: &[Duration]) -> String {
    let (median, fastest) = median_fastest(times);
    format!("{median:.3?} ({fastest:.3?})")
}

/// The ratio of the medians (and of the fastest runs) of two sorted lists of times.
fn ratio(ours: &[Duration], theirs: &[Duration]) -> String {
    let (ours, theirs) = (median_fastest(ours), median_fastest(theirs));
    format!(
        "{:.2}× ({:.2}×)",
        ours.0.as_secs_f64() / theirs.0.as_secs_f64(),
        ours.1.as_secs_f64() / theirs.1.as_secs_f64()
    )
}
