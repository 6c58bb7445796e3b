//! The headless command line end to end: `aijri-desk score` and `aijri-desk validate` run as a user
//! runs them, on the shipped assessment and on a folder of broken files.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The shipped published assessment.
fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json")
}

/// Runs the program with arguments and no stdin.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the program runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the program neither panicked nor crashed.
fn assert_no_panic(output: &Output) {
    assert!(
        !stderr(output).contains("panicked"),
        "stderr: {}",
        stderr(output)
    );
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {:?}",
        output.status
    );
}

/// The keys `score --json` documents, exactly.
const DOCUMENTED_KEYS: [&str; 22] = [
    "file",
    "title",
    "protective_total",
    "task_total",
    "task_resistance",
    "evidence_total",
    "barrier_total",
    "growth",
    "evidence_modifier",
    "barrier_modifier",
    "growth_modifier",
    "raw",
    "score_unclamped",
    "score",
    "zone",
    "sub_label",
    "time_3plus_pct",
    "split",
    "quick_screen_red",
    "provisional",
    "findings",
    "final",
];

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn documented_keys() -> BTreeSet<String> {
    DOCUMENTED_KEYS.iter().map(|k| (*k).to_owned()).collect()
}

fn round(value: &Value, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value.as_f64().expect("a number") * factor).round() / factor
}

#[test]
fn score_prints_the_breakdown_ending_in_24_5_red_not_imminent() {
    let output = run(&["score", shipped().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "Backend/API Developer (Mid-Level (3-5 years))",
        "Protective Total: 2/9    AI Growth Correlation: -1 (Weak Negative)",
        "Quick screen result: Protective 0-2 AND Correlation negative → Almost certainly Red Zone",
        "Task Resistance Score: 6.00 - 2.95 = 3.05/5.0",
        "Displacement/Augmentation split: 30% displacement, 70% augmentation, 0% not involved.",
        "% of task time scoring 3+: 65%",
        "Evidence Modifier: 1.0 + (-4 × 0.04) = 0.84",
        "Raw: 3.05 × 0.84 × 1.02 × 0.95 = 2.4826",
        "Assessor override: None — formula score accepted.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let ending = "JobZone Score: (2.4826 - 0.54) / 7.93 × 100 = 24.5/100\n\
                  Zone: RED (Green ≥48, Yellow 25-47, Red <25)\n\
                  Sub-label: Red — Does not meet all three Imminent conditions\n  \
                  Imminent: Red ✓ · time 3+ 65% < 70% ✗ · growth −1 ≤ −1 ✓";
    assert!(
        text.trim_end().ends_with(ending),
        "the breakdown ends with the score, zone and sub-label:\n{text}"
    );
}

#[test]
fn score_json_gives_exactly_the_documented_keys() {
    let output = run(&["score", "--json", shipped().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "one line per file");
    let line: Value = serde_json::from_str(text.trim_end()).expect("a JSON line");
    assert_eq!(keys(&line), documented_keys());
    assert_eq!(
        keys(&line["split"]),
        ["augmentation", "displacement", "not_involved"]
            .map(String::from)
            .into()
    );
    assert_eq!(
        keys(&line["final"]),
        ["overridden", "score", "zone"].map(String::from).into()
    );
    assert_eq!(line["file"], shipped().to_str().unwrap());
    assert_eq!(line["title"], "Backend/API Developer");
    assert_eq!(round(&line["raw"], 4), 2.4826);
    assert_eq!(round(&line["score"], 1), 24.5);
    assert_eq!(round(&line["task_total"], 2), 2.95);
    assert_eq!(round(&line["task_resistance"], 2), 3.05);
    assert_eq!(round(&line["evidence_modifier"], 2), 0.84);
    assert_eq!(round(&line["time_3plus_pct"], 0), 65.0);
    assert_eq!(round(&line["split"]["displacement"], 0), 30.0);
    assert_eq!(
        (
            line["protective_total"].as_i64(),
            line["evidence_total"].as_i64()
        ),
        (Some(2), Some(-4))
    );
    assert_eq!(
        (line["barrier_total"].as_i64(), line["growth"].as_i64()),
        (Some(1), Some(-1))
    );
    assert_eq!(
        (&line["zone"], &line["sub_label"]),
        (&Value::from("red"), &Value::Null)
    );
    assert_eq!(
        (&line["quick_screen_red"], &line["provisional"]),
        (&Value::Bool(true), &Value::Bool(false))
    );
    assert_eq!(line["findings"], Value::Array(Vec::new()));
    assert_eq!(
        (&line["final"]["zone"], &line["final"]["overridden"]),
        (&Value::from("red"), &Value::Bool(false))
    );
    assert_eq!(line["final"]["score"], line["score"]);
}

/// One file of every kind that does not load, made from the text of a good one.
fn broken_files(good: &str) -> [(&'static str, Vec<u8>); 8] {
    [
        ("empty.aijri.json", Vec::new()),
        (
            "truncated.aijri.json",
            good.as_bytes()[..good.len() / 3].to_vec(),
        ),
        (
            "garbage.aijri.json",
            (0..=255u8).cycle().take(3000).collect(),
        ),
        (
            "wrong-type.aijri.json",
            good.replacen("\"score\": 4,", "\"score\": \"four\",", 1)
                .into_bytes(),
        ),
        (
            "newer.aijri.json",
            good.replacen("\"version\": 1", "\"version\": 2", 1)
                .into_bytes(),
        ),
        (
            "nested.aijri.json",
            good.replacen(
                "\"tasks\"",
                &format!(
                    "\"deep\": {}{}, \"tasks\"",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                ),
                1,
            )
            .into_bytes(),
        ),
        (
            "out-of-range.aijri.json",
            good.replacen("\"score\": 4,", "\"score\": 99999999999999999999,", 1)
                .into_bytes(),
        ),
        ("huge.aijri.json", vec![b' '; 6 * 1024 * 1024]),
    ]
}

/// A folder of broken files beside one good one.
struct BrokenLibrary {
    dir: tempfile::TempDir,
    broken: Vec<&'static str>,
}

impl BrokenLibrary {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let good = std::fs::read_to_string(shipped()).unwrap();
        let files = broken_files(&good);
        for (name, bytes) in &files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/good.aijri.json"), &good).unwrap();
        Self {
            dir,
            broken: files.iter().map(|(name, _)| *name).collect(),
        }
    }

    fn path(&self) -> &str {
        self.dir.path().to_str().unwrap()
    }
}

#[test]
fn validate_names_each_broken_file_and_exits_1_without_panic() {
    let library = BrokenLibrary::new();
    let output = run(&["validate", library.path()]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for name in &library.broken {
        let line = text
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is not named:\n{text}"));
        assert!(
            line.len() > name.len() + library.path().len() + 10,
            "{name} has a message: {line}"
        );
    }
    assert!(
        text.contains("good.aijri.json: ok (0 errors, 0 warnings)"),
        "{text}"
    );
    let named = |name: &str| text.lines().find(|l| l.contains(name)).unwrap().to_owned();
    assert!(
        named("wrong-type").contains("tasks[1].score: invalid type"),
        "{}",
        named("wrong-type")
    );
    assert!(
        named("wrong-type").contains("line 56, column"),
        "{}",
        named("wrong-type")
    );
    assert!(named("newer").contains("version 2"));
    assert!(named("huge").contains("at most 5 MB"));
    assert!(named("nested").contains("recursion limit"));
}

#[test]
fn score_on_a_broken_folder_still_scores_the_good_file() {
    let library = BrokenLibrary::new();
    let output = run(&["score", library.path()]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "a file failed to load");
    let text = stdout(&output);
    assert!(
        text.contains("good.aijri.json")
            && text.contains("\nJobZone Score: (2.4826 - 0.54) / 7.93 × 100 = 24.5/100\n"),
        "{text}"
    );
    for name in &library.broken {
        assert!(
            text.contains(&format!(
                "error: {}",
                library.dir.path().join(name).display()
            )),
            "{name}:\n{text}"
        );
    }
}

#[test]
fn score_json_on_a_broken_folder_gives_one_line_per_file() {
    let library = BrokenLibrary::new();
    let output = run(&["score", "--json", library.path()]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), library.broken.len() + 1);
    let (good, broken): (Vec<&Value>, Vec<&Value>) =
        lines.iter().partition(|l| l.get("error").is_none());
    assert_eq!(good.len(), 1);
    assert_eq!(keys(good[0]), documented_keys());
    assert_eq!(round(&good[0]["score"], 1), 24.5);
    for line in broken {
        assert_eq!(keys(line), ["error", "file"].map(String::from).into());
        assert!(
            line["error"]
                .as_str()
                .unwrap()
                .starts_with(line["file"].as_str().unwrap())
        );
    }
}

#[test]
fn validate_reports_findings_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("invalid.aijri.json");
    let text = std::fs::read_to_string(shipped()).unwrap().replacen(
        "\"time_pct\": 15,",
        "\"time_pct\": 5,",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let output = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("invalid.aijri.json: INVALID (1 error, "),
        "{text}"
    );
    assert!(
        text.contains("error: tasks: task time adds up to 90% instead of 100%"),
        "{text}"
    );
    let scored = run(&["score", path.to_str().unwrap()]);
    assert_eq!(
        scored.status.code(),
        Some(0),
        "scoring a loadable file succeeds"
    );
    assert!(stdout(&scored).contains("PROVISIONAL"));
}

#[test]
fn validate_accepts_the_shipped_library() {
    let folder = shipped().parent().unwrap().to_owned();
    let output = run(&["validate", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn missing_paths_and_empty_folders_exit_1_with_a_message() {
    let output = run(&["score", "no-such-file.aijri.json"]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("no-such-file.aijri.json: cannot read"),
        "{}",
        stdout(&output)
    );
    let empty = tempfile::tempdir().unwrap();
    let output = run(&["validate", empty.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("no assessment files"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn output_closed_early_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args([
            "score",
            shipped().to_str().unwrap(),
            shipped().to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_no_panic(&output);
}

/// The shipped assessment as JSON, changed by `change`, written into a temporary folder.
fn changed_shipped(name: &str, change: impl FnOnce(&mut Value)) -> (tempfile::TempDir, PathBuf) {
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(shipped()).unwrap()).unwrap();
    change(&mut value);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    (dir, path)
}

/// The one `score --json` line of a file, after checking the command succeeded.
fn score_json_line(path: &Path) -> Value {
    let output = run(&["score", "--json", path.to_str().unwrap()]);
    assert_no_panic(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "the file loads: {}",
        stdout(&output)
    );
    let line: Value = serde_json::from_str(stdout(&output).trim_end()).expect("a JSON line");
    assert_eq!(keys(&line), documented_keys(), "the keys stay the same");
    line
}

/// Asserts a `score --json` line has no score, zone or sub-label, nor a final result.
fn assert_no_score(line: &Value) {
    for key in ["score", "score_unclamped", "raw", "zone", "sub_label"] {
        assert_eq!(line[key], Value::Null, "{key} in {line}");
    }
    assert_eq!(line["final"]["score"], Value::Null, "{line}");
    assert_eq!(line["final"]["zone"], Value::Null, "{line}");
}

/// The findings of `validate`, after checking it exits 1 for an error.
fn validate_errors(path: &Path) -> String {
    let output = run(&["validate", path.to_str().unwrap()]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    stdout(&output)
}

#[test]
fn a_role_without_tasks_has_no_score_and_says_so() {
    let (_dir, path) =
        changed_shipped("no-tasks.aijri.json", |v| v["tasks"] = Value::Array(vec![]));
    let line = score_json_line(&path);
    assert_no_score(&line);
    for key in ["task_total", "task_resistance", "time_3plus_pct", "split"] {
        assert_eq!(line[key], Value::Null, "{key} in {line}");
    }
    assert_eq!(
        line["evidence_modifier"]
            .as_f64()
            .map(|m| (m * 100.0).round()),
        Some(84.0)
    );
    assert!(
        line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error" && f["field"] == "tasks")
    );
    let text = stdout(&run(&["score", path.to_str().unwrap()]));
    assert!(text.contains("no score: add tasks"), "{text}");
    assert!(
        !text.contains("JobZone Score: ("),
        "no composite is printed:\n{text}"
    );
    assert!(!text.contains("Zone: RED"), "{text}");
    assert!(validate_errors(&path).contains("error: tasks: "));
}

#[test]
fn a_file_lacking_a_barrier_or_its_score_loads_without_a_score() {
    let lacking_barrier = changed_shipped("no-barrier.aijri.json", |v| {
        v["barriers"]
            .as_object_mut()
            .unwrap()
            .remove("liability_accountability");
    });
    let lacking_score = changed_shipped("no-barrier-score.aijri.json", |v| {
        v["barriers"]["liability_accountability"]
            .as_object_mut()
            .unwrap()
            .remove("score");
    });
    for (_dir, path) in [&lacking_barrier, &lacking_score] {
        let line = score_json_line(path);
        assert_no_score(&line);
        assert_eq!(line["barrier_total"], Value::Null, "{line}");
        assert_eq!(line["barrier_modifier"], Value::Null, "{line}");
        assert_eq!(line["evidence_total"], -4, "the other figures stay: {line}");
        assert!(
            line["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["severity"] == "error"
                    && f["field"] == "barriers.liability_accountability.score"),
            "{line}"
        );
        let errors = validate_errors(path);
        assert!(
            errors.contains("error: barriers.liability_accountability.score: Liability/Accountability has no score: pick one (0…2)"),
            "{errors}"
        );
        let text = stdout(&run(&["score", path.to_str().unwrap()]));
        assert!(
            text.contains("no score: Liability/Accountability has no score"),
            "{text}"
        );
    }
}

#[test]
fn a_role_at_24_95_shows_25_0_yellow_everywhere() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/score-24-95.aijri.json");
    let path = fixture.to_str().unwrap();
    let text = stdout(&run(&["score", path]));
    assert!(
        text.contains(
            "\nJobZone Score: (2.5185 - 0.54) / 7.93 × 100 = 25.0/100\n\
             Zone: YELLOW (Green ≥48, Yellow 25-47, Red <25)\n"
        ),
        "{text}"
    );
    let line = score_json_line(&fixture);
    assert_eq!(line["zone"], "yellow");
    let score = line["score"].as_f64().unwrap();
    assert_eq!(
        format!("{score:.1}"),
        "24.9",
        "the double is 24.9499…, {score}"
    );
    for format in ["text", "md"] {
        let output = stdout(&run(&["export", path, "--format", format]));
        assert!(
            output.contains("JobZone Score: (2.5185 - 0.54) / 7.93 × 100 = 25.0/100\n")
                || output.contains("| JobZone score | (2.5185 - 0.54) / 7.93 × 100 = 25.0/100 |\n"),
            "{format}:\n{output}"
        );
        assert!(!output.contains("24.9"), "{format}:\n{output}");
    }
    let csv = stdout(&run(&["export", path, "--format", "csv"]));
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    let column = |name: &str| {
        let i = rows[0].iter().position(|h| *h == name).unwrap();
        rows[1][i]
    };
    assert_eq!(
        (
            column("displayed_score"),
            column("zone"),
            column("final_score")
        ),
        ("25.0", "Yellow", "25.0")
    );
    assert_eq!(column("score"), "24.95", "unrounded to six decimals");
}

#[test]
fn each_figure_is_rounded_from_its_own_value_half_away_from_zero() {
    let (_dir, path) = changed_shipped("ties.aijri.json", |v| {
        v["tasks"] = serde_json::json!([
            {"name": "Eighth", "time_pct": 12.5, "score": 1, "impact": "augmentation", "rationale": "r"},
            {"name": "Rest", "time_pct": 87.5, "score": 2, "impact": "augmentation", "rationale": "r"}
        ]);
    });
    let path = path.to_str().unwrap();
    let text = stdout(&run(&["score", path]));
    assert!(
        text.contains("  12.5%  score 1  0.13  AUGMENTATION  Eighth\n"),
        "{text}"
    );
    assert!(
        text.contains("Task Resistance Score: 6.00 - 1.88 = 4.13/5.0\n"),
        "{text}"
    );
    let exported = stdout(&run(&["export", path, "--format", "text"]));
    assert!(
        exported.contains("| Eighth | 12.5% | 1 | 0.13 |"),
        "{exported}"
    );
    assert!(
        exported.contains("Task Resistance Score: 6.00 - 1.88 = 4.13/5.0\n"),
        "{exported}"
    );
    let md = stdout(&run(&["export", path, "--format", "md"]));
    assert!(
        md.contains("| Eighth | 12.5% | 1 | 0.13 | augmentation |"),
        "{md}"
    );
    assert!(md.contains("| Task total | 1.88 |"), "{md}");
}

/// A generated library of about 200 files in nested subfolders: variants of the shipped one (some
/// invalid, some provisional), names differing in case, every kind of broken file, files that are
/// not assessments and, on Unix, a symbolic link that loops.
fn generated_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(shipped()).unwrap();
    for i in 0..190 {
        let folder = match i % 4 {
            0 => dir.path().to_owned(),
            1 => dir.path().join(format!("group-{}", i % 3)),
            _ => dir.path().join(format!("Group-{}/deeper-{}", i % 2, i % 5)),
        };
        std::fs::create_dir_all(&folder).unwrap();
        let name = if i % 2 == 0 { "role" } else { "Role" };
        let text = good
            .replacen("\"Backend/API Developer\"", &format!("\"Role {i}\""), 1)
            .replacen("\"score\": -1,", &format!("\"score\": {},", i % 5 - 2), 1)
            .replacen("\"score\": 0,", &format!("\"score\": {},", i % 4), 1)
            .replacen(
                "\"time_pct\": 20",
                if i % 7 == 0 {
                    "\"time_pct\": 25"
                } else {
                    "\"time_pct\": 20"
                },
                1,
            );
        std::fs::write(folder.join(format!("{name}-{i:03}.aijri.json")), text).unwrap();
    }
    for (i, (name, bytes)) in broken_files(&good).iter().enumerate() {
        let folder = dir.path().join(format!("group-{}", i % 3));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    std::fs::write(dir.path().join("UPPER.AIJRI.JSON"), &good).unwrap();
    std::fs::create_dir(dir.path().join("folder.aijri.json")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("group-1/loop")).unwrap();
    dir
}

/// Runs the program with one more environment variable.
fn run_with(var: (&str, &str), args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .env(var.0, var.1)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the program runs")
}

#[test]
fn loading_on_every_core_gives_what_loading_one_file_after_another_gives() {
    let library = generated_library();
    let paths = [
        library.path().to_owned(),
        shipped(),
        PathBuf::from("no/such/file.aijri.json"),
    ];
    let sequential = aijri_desk::library::load_paths(&paths);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap();
    let parallel = pool.install(|| aijri_desk::library::load_paths_parallel(&paths));
    assert!(sequential.len() > 200, "{} files", sequential.len());
    assert!(sequential.iter().filter(|f| f.result.is_err()).count() >= 10);
    assert_eq!(format!("{parallel:#?}"), format!("{sequential:#?}"));
}

#[test]
fn commands_on_every_core_print_byte_for_byte_what_one_thread_prints() {
    let library = generated_library();
    let folder = library.path().to_str().unwrap();
    let shipped = shipped();
    let shipped = shipped.to_str().unwrap();
    for args in [
        &["score", folder, shipped][..],
        &["score", "--json", shipped, folder],
        &["validate", folder],
        &["export", folder, "--format", "csv"],
    ] {
        let one = run_with(("AIJRI_DESK_THREADS", "1"), args);
        let many = run_with(("AIJRI_DESK_THREADS", "4"), args);
        assert_no_panic(&many);
        assert!(one.stdout.len() > 10_000, "{args:?}: {}", stdout(&one));
        assert_eq!(many.status.code(), Some(1), "{args:?}: broken files fail");
        assert_eq!(many.status.code(), one.status.code(), "{args:?}");
        assert!(
            many.stdout == one.stdout,
            "{args:?}: standard output differs"
        );
        assert_eq!(stderr(&many), stderr(&one), "{args:?}");
    }
}

// Adjusted variants, `diff` and saved comparisons.

const WAGE_REASON: &str = "Regional pay data 2026: in line with the market";

/// `adjust` of the shipped role with wage trends at 0, into `out`.
fn adjust_wages(out: &Path) -> Output {
    let (source, out) = (shipped(), out.to_str().unwrap().to_owned());
    let source = source.to_str().unwrap();
    let args = ["adjust", source, "--set", "evidence.wage_trends=0"];
    run(&[&args[..], &["--reason", WAGE_REASON, "-o", &out]].concat())
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn adjust_writes_a_variant_scoring_26_yellow_that_says_where_it_came_from_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let variant = dir.path().join("v.aijri.json");
    let output = adjust_wages(&variant);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Score: 24.5 → 26.0 (+1.5)"),
        "{}",
        stdout(&output)
    );

    let file = read_json(&variant);
    let from = &file["meta"]["derived_from"];
    assert_eq!(from["id"], "backend-api-developer-mid");
    assert_eq!(from["title"], "Backend/API Developer");
    let source_file = dir.path().join(from["file"].as_str().unwrap());
    assert_eq!(
        source_file.canonicalize().unwrap(),
        shipped().canonicalize().unwrap()
    );
    assert_eq!(
        file["adjustments"],
        serde_json::json!([{"field": "evidence.wage_trends", "from": -1, "to": 0, "reason": WAGE_REASON}])
    );
    assert!(
        file.get("published").is_none(),
        "a variant drops `published`"
    );
    let score = stdout(&run(&["score", variant.to_str().unwrap()]));
    assert!(
        score.contains(
            "Adjusted from Backend/API Developer (Mid-Level (3-5 years), id backend-api-developer-mid)"
        ),
        "{score}"
    );
    let adjustment = format!(
        "  Evidence: Wage Trends (evidence.wage_trends): −1 → 0: +1.5 (24.5 without it); reason: {WAGE_REASON}"
    );
    assert!(score.contains(&adjustment), "{score}");
    let line = score_json_line(&variant);
    assert_eq!(round(&line["score"], 1), 26.0);
    assert_eq!(line["zone"], "yellow");
}

#[test]
fn diff_of_the_source_and_its_variant_shows_the_change_and_24_5_to_26_0() {
    let dir = tempfile::tempdir().unwrap();
    let variant = dir.path().join("v.aijri.json");
    assert!(adjust_wages(&variant).status.success());
    let (a, b) = (shipped(), variant);
    let output = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "1 input differs",
        "Evidence: Wage Trends (evidence.wage_trends): −1 → 0: 24.5 → 26.0 (+1.5)",
        &format!("reason: {WAGE_REASON}"),
        "Score: 24.5 → 26.0 (+1.5)",
        "Zone: Red → Yellow",
        "Sub-label: none → none",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }

    let output = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["a"]["zone"], "red");
    assert_eq!(json["b"]["zone"], "yellow");
    let difference = &json["differences"][0];
    assert_eq!(difference["field"], "evidence.wage_trends");
    assert_eq!(
        (&difference["from"], &difference["to"]),
        (&Value::from(-1), &Value::from(0))
    );
    assert_eq!(difference["reason"], WAGE_REASON);
    assert_eq!(round(&difference["score_with_change"], 1), 26.0);
    assert_eq!(json["differences"].as_array().unwrap().len(), 1);
}

#[test]
fn diff_of_a_role_without_its_middle_task_is_one_change_naming_that_task() {
    let dir = tempfile::tempdir().unwrap();
    let mut role = read_json(&shipped());
    let removed = role["tasks"].as_array_mut().unwrap().remove(1);
    let shorter = dir.path().join("shorter.aijri.json");
    std::fs::write(&shorter, serde_json::to_string_pretty(&role).unwrap()).unwrap();
    let a = shipped();
    let output = run(&["diff", a.to_str().unwrap(), shorter.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("1 input differs"), "{text}");
    let name = removed["name"].as_str().unwrap();
    assert!(text.contains(&format!("removed: “{name}”")), "{text}");
    assert!(
        !text.contains("tasks[2]"),
        "the later tasks are not changes:\n{text}"
    );
}

#[test]
fn diff_of_a_role_with_itself_says_there_are_no_differences() {
    let a = shipped();
    let output = run(&["diff", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("No differences"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("Score: 24.5 → 24.5 (0.0)"));
}

#[test]
fn adjust_refuses_each_kind_of_bad_input_naming_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("v.aijri.json");
    let cases = [
        (
            "evidence.wage_trends=3",
            "evidence.wage_trends: 3 is outside the allowed range: −2…+2",
        ),
        (
            "growth=-3",
            "growth: -3 is outside the allowed range: −2…+2",
        ),
        ("barriers.liability_accountability=3", "allowed range: 0…2"),
        (
            "tasks[2].score=0",
            "tasks[2].score: 0 is outside the allowed range: 1…5",
        ),
        ("tasks[0].time_pct=0", "more than 0% up to 100%"),
        (
            "tasks[8].score=2",
            "tasks[8].score: there is no task 8: the role has 8 tasks",
        ),
        ("evidence.wages=0", "evidence.wages: not an input"),
        (
            "tasks[1].impact=gone",
            "tasks[1].impact: `gone` is not augmentation",
        ),
        ("growth", "expected FIELD=VALUE"),
    ];
    for (set, message) in cases {
        let source = shipped();
        let output = run(&[
            "adjust",
            source.to_str().unwrap(),
            "--set",
            "evidence.wage_trends=0",
            "--set",
            set,
            "--reason",
            "why",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{set}");
        assert!(
            stderr(&output).contains(message),
            "{set}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("nothing written"), "{set}");
        assert!(!out.exists(), "{set}: nothing may be written");
    }
}

#[test]
fn adjust_applies_one_change_to_several_sources_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let library = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
    let sources: Vec<String> = ["backend-api-developer", "junior-backend-developer"]
        .iter()
        .map(|name| {
            library
                .join(format!("{name}.aijri.json"))
                .display()
                .to_string()
        })
        .collect();
    let out = dir.path().join("regional");
    std::fs::create_dir(&out).unwrap();
    let mut args = vec!["adjust"];
    args.extend(sources.iter().map(String::as_str));
    args.extend([
        "--set",
        "barriers.cultural_ethical=1",
        "--reason",
        "regional",
        "-o",
    ]);
    args.push(out.to_str().unwrap());
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    for name in ["backend-api-developer", "junior-backend-developer"] {
        let file = read_json(&out.join(format!("{name}.aijri.json")));
        assert_eq!(file["adjustments"][0]["field"], "barriers.cultural_ethical");
        assert_eq!(file["adjustments"][0]["reason"], "regional");
        assert_ne!(file["meta"]["id"], file["meta"]["derived_from"]["id"]);
    }
    let again = run(&args);
    assert_eq!(
        again.status.code(),
        Some(1),
        "existing files are not overwritten"
    );
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn adjusting_a_variant_stays_relative_to_the_original_source() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("v.aijri.json");
    assert!(adjust_wages(&first).status.success());
    let second = dir.path().join("sub/vv.aijri.json");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let output = run(&[
        "adjust",
        first.to_str().unwrap(),
        "--set",
        "tasks[2].score=2",
        "--set",
        "evidence.wage_trends=-1",
        "--reason",
        "schema work",
        "-o",
        second.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let file = read_json(&second);
    assert_eq!(
        file["meta"]["derived_from"]["id"],
        "backend-api-developer-mid"
    );
    let original = dir
        .path()
        .join("sub")
        .join(file["meta"]["derived_from"]["file"].as_str().unwrap());
    assert_eq!(
        original.canonicalize().unwrap(),
        shipped().canonicalize().unwrap()
    );
    assert_eq!(
        file["adjustments"],
        serde_json::json!([{"field": "tasks[2].score", "from": 3, "to": 2, "reason": "schema work"}]),
        "wage trends back at the source's value: no entry"
    );
}

#[test]
fn score_of_a_comparison_scores_its_roles_finds_moved_ones_by_id_and_reports_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let roles = dir.path().join("roles");
    std::fs::create_dir_all(roles.join("archive")).unwrap();
    std::fs::copy(shipped(), roles.join("backend.aijri.json")).unwrap();
    let (_moved_dir, moved) = changed_shipped("moved.aijri.json", |v| {
        v["meta"]["id"] = "moved-role".into();
    });
    std::fs::copy(&moved, roles.join("archive/moved.aijri.json")).unwrap();
    let comparison = dir.path().join("js.aijri-compare.json");
    std::fs::write(
        &comparison,
        serde_json::json!({"format": "aijri-comparison", "version": 1, "title": "J.S.",
        "roles": [
            {"file": "roles/backend.aijri.json", "id": "backend-api-developer-mid"},
            {"file": "roles/moved.aijri.json", "id": "moved-role"},
            {"file": "roles/deleted.aijri.json", "id": "deleted-role"}
        ]})
        .to_string(),
    )
    .unwrap();
    let output = run(&["score", "--json", comparison.to_str().unwrap()]);
    assert_no_panic(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a missing role fails the command"
    );
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "one line per role, in order");
    assert_eq!(round(&lines[0]["score"], 1), 24.5);
    assert!(
        lines[1]["file"]
            .as_str()
            .unwrap()
            .ends_with("archive/moved.aijri.json"),
        "found by its id: {}",
        lines[1]
    );
    let error = lines[2]["error"].as_str().unwrap();
    assert!(
        error.contains("roles[2]") && error.contains("deleted-role"),
        "{error}"
    );
    assert!(error.contains("js.aijri-compare.json"), "{error}");
}

#[test]
fn a_comparison_listing_more_than_1000_roles_is_refused_naming_the_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let comparison = dir.path().join("many.aijri-compare.json");
    let write = |count: usize| {
        let roles: Vec<Value> = (0..count)
            .map(|i| serde_json::json!({"file": format!("r{i}.aijri.json"), "id": format!("r{i}")}))
            .collect();
        let json = serde_json::json!({"format": "aijri-comparison", "version": 1, "roles": roles});
        std::fs::write(&comparison, json.to_string()).unwrap();
    };
    write(1_001);
    let output = run(&["score", "--json", comparison.to_str().unwrap()]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let said = stdout(&output) + &stderr(&output);
    assert!(
        said.contains("many.aijri-compare.json: roles: ") && said.contains("at most 1000"),
        "{said}"
    );
    // A thousand is allowed: each role is listed (here: missing).
    write(1_000);
    let output = run(&["score", "--json", comparison.to_str().unwrap()]);
    assert_no_panic(&output);
    assert_eq!(
        stdout(&output).lines().count(),
        1_000,
        "{}",
        stderr(&output)
    );
}
