//! The headless command line: `score`, `validate`, `import`, `export`, `adjust`, `diff`,
//! `report` and `pathways`, for batch work and tests.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde_json::json;

use crate::export::{self, CsvRow};
use crate::framework::{Framework, Frameworks, Resolved};
use crate::library::{self, LoadError};
use crate::model::{Assessment, Split, SubLabel, Zone};
use crate::report;
use crate::scoring::{self, Breakdown};
use crate::text_format::{self, Imported};
use crate::validate::{self, Finding};

mod adjust;
mod comparisons;
mod diff;
mod pathways_command;
mod report_command;

/// AIJRI Desk: build, edit and compare AIJRI assessments of job roles.
///
/// Without a command, opens the window on the given folders and files (or on the last library).
#[derive(Debug, Parser)]
#[command(name = "aijri-desk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Library folders or assessment files to open in the window.
    pub paths: Vec<PathBuf>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every computed figure of each assessment.
    Score {
        /// Assessment files, library folders, or saved comparisons (`*.aijri-compare.json`, for
        /// the roles they list).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// One JSON object per file and line instead of the readable breakdown.
        #[arg(long)]
        json: bool,
        /// The framework to score under.
        #[command(flatten)]
        choice: FrameworkChoice,
    },
    /// Print the findings of each assessment; exit 1 when any has errors or fails to load.
    Validate {
        /// Assessment files, library folders, or saved comparisons.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The framework to score under.
        #[command(flatten)]
        choice: FrameworkChoice,
    },
    /// Import published assessment texts: one `.aijri.json` per text, and every stated figure that
    /// differs from the recomputation. Nothing is written unless every text imports; exit 1 on any
    /// failure.
    Import {
        /// Published texts (UTF-8): the text as published, the text copied from the web page, or
        /// the page saved as HTML (`.html`/`.htm`, or content starting `<!doctype`/`<html`).
        #[arg(required = true)]
        texts: Vec<PathBuf>,
        /// Where to write: the file for one text, a folder for several (default: next to each text).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Overwrite assessment files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Export assessments as published text, a Markdown report, or CSV (one row per role).
    Export {
        /// One assessment file (text, md), or assessment files and library folders (csv).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The framework to score under.
        #[command(flatten)]
        choice: FrameworkChoice,
    },
    /// Make adjusted variants: change inputs, each checked against the framework's range, and
    /// record the source and the reason in each variant. Nothing is written unless every change
    /// applies to every source; exit 1 otherwise.
    Adjust {
        /// The assessment files to adjust.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// An input and its new value: `evidence.wage_trends=0`, `growth=-2`,
        /// `protective.embodied_physicality=1`, `barriers.liability_accountability=2`,
        /// `tasks[2].score=2`, `tasks[0].time_pct=12.5`, `tasks[1].impact=augmentation` (tasks
        /// count from 0). Repeat for several changes.
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        sets: Vec<String>,
        /// Why: recorded with every change.
        #[arg(long)]
        reason: String,
        /// The variant's file for one source; a folder for several (each variant takes its
        /// source's file name).
        #[arg(short, long)]
        out: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Every input that differs between two assessments, with both values and the reason B
    /// records, the effect of each single change on A's score, and the score, zone and sub-label
    /// of both.
    Diff {
        /// The first assessment file.
        a: PathBuf,
        /// The second assessment file (e.g. an adjusted variant of the first).
        b: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the client report: a PDF of the roles (scores against the zones, what drives each,
    /// strategy and timeline), laid out by a typst template.
    Report {
        /// Assessment files, library folders or saved comparisons (`*.aijri-compare.json`).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The report's title, e.g. the client's initials (default: the comparison's title).
        #[arg(long)]
        title: Option<String>,
        /// The PDF file to write.
        #[arg(short, long, required = true)]
        out: PathBuf,
        /// A typst template of your own instead of the shipped one (see the README).
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// The date the report bears, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = report_command::parse_date)]
        date: Option<crate::client_report::ReportDate>,
        /// The paper: a4 or letter (US Letter).
        #[arg(long, value_name = "a4|letter", default_value = "a4", value_parser = report_command::parse_paper)]
        paper: crate::client_report::Paper,
        /// The library each role's options under "where to look next" are found in (default:
        /// the folders of the inputs).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// The framework to score under.
        #[command(flatten)]
        choice: FrameworkChoice,
    },
    /// Each role's options under "where to look next", found in the library: the library's
    /// score and zone beside the published figure, and the change from the role. Exit 1 when a
    /// file does not load.
    Pathways {
        /// Assessment files, library folders or saved comparisons (`*.aijri-compare.json`).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The library to find the options in (default: the folders of the inputs).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// One JSON object per role and line instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// `--framework FILE|ID`, on `score`, `validate`, `export` and `report`.
#[derive(Debug, Clone, Default, Args)]
pub struct FrameworkChoice {
    /// Score everything under this framework: a framework file, or the id of a framework found
    /// beside the inputs. Without it, each assessment is scored under the framework it names.
    #[arg(long, value_name = "FILE|ID")]
    pub framework: Option<String>,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The published text format (what `import` reads).
    Text,
    /// A Markdown report for a client.
    Md,
    /// CSV, one row per role, every computed figure.
    Csv,
}

/// Runs a headless command and returns the process exit code.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    let result = match command {
        Command::Score {
            paths,
            json,
            choice,
        } => {
            let mut targets = comparisons::expand(&paths);
            let found = std::mem::take(&mut targets.found);
            let choice = choice.framework.as_deref();
            with_frameworks(&targets, choice, &mut err, |under, _| {
                score(&paths, found, json, under, &mut out)
            })
        }
        Command::Validate { paths, choice } => {
            let mut targets = comparisons::expand(&paths);
            let found = std::mem::take(&mut targets.found);
            let choice = choice.framework.as_deref();
            with_frameworks(&targets, choice, &mut err, |under, _| {
                validate_files(&paths, found, under, &mut out)
            })
        }
        Command::Adjust {
            sources,
            sets,
            reason,
            out: target,
            force,
        } => adjust::run(
            &adjust::Request {
                sources: &sources,
                sets: &sets,
                reason: &reason,
                out: &target,
                force,
            },
            &mut Streams {
                out: &mut out,
                err: &mut err,
            },
        ),
        Command::Diff { a, b, json } => diff::run(
            &a,
            &b,
            json,
            &mut Streams {
                out: &mut out,
                err: &mut err,
            },
        ),
        Command::Import {
            texts,
            out: target,
            force,
        } => import_texts(
            &texts,
            target.as_deref(),
            force,
            &mut Streams {
                out: &mut out,
                err: &mut err,
            },
        ),
        Command::Export {
            paths,
            format,
            out: target,
            choice,
        } => {
            let mut targets = comparisons::expand(&paths);
            let found = std::mem::take(&mut targets.found);
            let choice = choice.framework.as_deref();
            with_frameworks(&targets, choice, &mut err, |under, err| {
                let request = ExportRequest {
                    paths: &paths,
                    found,
                    format,
                    target: target.as_deref(),
                };
                export_files(request, under, &mut Streams { out: &mut out, err })
            })
        }
        Command::Report {
            paths,
            title,
            out: target,
            template,
            date,
            paper,
            library,
            choice,
        } => pathways_command::with_library(
            &paths,
            library.as_deref(),
            choice.framework.as_deref(),
            &mut err,
            |found, folders, under, err| {
                let request = report_command::ReportRequest {
                    paths: &paths,
                    found,
                    library: folders,
                    title: title.as_deref(),
                    out: &target,
                    template: template.as_deref(),
                    date,
                    paper,
                };
                report_command::write_report(request, under, &mut Streams { out: &mut out, err })
            },
        ),
        Command::Pathways {
            paths,
            library,
            json,
        } => pathways_command::with_library(
            &paths,
            library.as_deref(),
            None,
            &mut err,
            |found, folders, under, err| {
                let request = pathways_command::PathwaysRequest {
                    paths: &paths,
                    found,
                    folders,
                    json,
                };
                pathways_command::run(request, under, &mut Streams { out: &mut out, err })
            },
        ),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // stdout closed (e.g. piped into `head`): nothing more to say.
        Err(_) => ExitCode::FAILURE,
    }
}

/// Which framework each assessment is scored under.
enum Under {
    /// The one `--framework` names, for every assessment.
    Chosen(Box<Framework>),
    /// The one each assessment names, among these (the published one when it is not there); a
    /// role of a saved comparison with a framework of its own is scored under that one (by id,
    /// per file), as the window shows it.
    Own {
        /// The frameworks found.
        frameworks: Frameworks,
        /// The framework of each comparison's role, by file.
        comparisons: BTreeMap<PathBuf, String>,
    },
}

impl Under {
    /// The framework the assessment read from `file` is scored under, and the id it names when
    /// that is not available.
    fn resolve(&self, file: &Path, assessment: &Assessment) -> Resolved<'_> {
        match self {
            Self::Chosen(framework) => Resolved {
                framework,
                missing: None,
            },
            Self::Own {
                frameworks,
                comparisons,
            } => match comparisons.get(file).and_then(|id| frameworks.get(id)) {
                Some(framework) => Resolved {
                    framework,
                    missing: None,
                },
                None => frameworks.resolve(assessment),
            },
        }
    }
}

/// Finds the frameworks beside the targets and runs `command` under the one `choice` names, or
/// under each assessment's own (a saved comparison's roles under the comparison's). A framework
/// file that cannot be loaded is reported on `err`, like an assessment file that cannot be, and
/// makes the command fail (the assessments naming it are scored under the published framework,
/// with a warning); so is a comparison's framework that is not available (its roles are scored
/// under their own, as the window does then). Fails without running `command` when `choice`
/// names no framework.
fn with_frameworks(
    targets: &comparisons::Targets,
    choice: Option<&str>,
    err: &mut dyn Write,
    command: impl FnOnce(&Under, &mut dyn Write) -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    let (frameworks, errors) = Frameworks::beside(&targets.beside);
    for error in &errors {
        writeln!(err, "{error}")?;
    }
    let mut complete = errors.is_empty();
    let under = match choice {
        None => {
            for (comparison, id) in &targets.comparisons {
                if frameworks.get(id).is_none() {
                    complete = false;
                    writeln!(
                        err,
                        "{}: framework: “{id}” is not available (put its framework file beside the comparison): each role is scored under its own",
                        comparison.display()
                    )?;
                }
            }
            Under::Own {
                frameworks,
                comparisons: targets.frameworks.clone(),
            }
        }
        Some(choice) => match chosen(choice, &frameworks) {
            Ok(framework) => Under::Chosen(Box::new(framework)),
            Err(message) => {
                writeln!(err, "{message}")?;
                return Ok(false);
            }
        },
    };
    Ok(command(&under, err)? && complete)
}

/// The framework `--framework` names: a file that exists, or the id of one found beside the inputs.
fn chosen(choice: &str, frameworks: &Frameworks) -> Result<Framework, String> {
    let path = Path::new(choice);
    if path.exists() {
        return Framework::load(path).map_err(|e| e.to_string());
    }
    frameworks.get(choice).cloned().ok_or_else(|| {
        let ids: Vec<&str> = frameworks.iter().map(|f| f.id.as_str()).collect();
        format!(
            "--framework {choice}: no such framework file, nor a framework with that id beside the inputs (available: {})",
            ids.join(", ")
        )
    })
}

/// The figures and findings of one assessment, and the framework they were computed under.
struct Figures<'f> {
    framework: &'f Framework,
    breakdown: Breakdown,
    findings: Vec<Finding>,
}

impl<'f> Figures<'f> {
    fn of(file: &Path, assessment: &Assessment, under: &'f Under) -> Self {
        let Resolved { framework, missing } = under.resolve(file, assessment);
        let breakdown = scoring::score(assessment, framework);
        let findings =
            validate::validate_under(assessment, framework, &breakdown, missing.as_deref());
        Self {
            framework,
            breakdown,
            findings,
        }
    }
}

/// One loaded assessment with its figures and findings.
struct Scored<'a> {
    assessment: &'a Assessment,
    framework: &'a Framework,
    breakdown: Breakdown,
    findings: Vec<Finding>,
}

fn scored<'a>(file: &Path, assessment: &'a Assessment, under: &'a Under) -> Scored<'a> {
    let Figures {
        framework,
        breakdown,
        findings,
    } = Figures::of(file, assessment, under);
    Scored {
        assessment,
        framework,
        breakdown,
        findings,
    }
}

/// The environment variable that sets how many threads `score`, `validate` and `export --format
/// csv` use: `1` loads, scores and writes one file after another on the main thread (the output is
/// the same either way); unset, every core (rayon's `RAYON_NUM_THREADS` also applies).
pub const THREADS_VAR: &str = "AIJRI_DESK_THREADS";

/// Whether to work on every core: not when [`THREADS_VAR`] is `1`. Another number sets the size of
/// the thread pool.
fn parallel() -> bool {
    match std::env::var(THREADS_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        Some(1) => false,
        Some(threads) => {
            // Fails only when the pool already exists, which then serves as it is.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build_global();
            true
        }
        None => true,
    }
}

/// What a command writes for a file that loaded, and whether the file passes.
type OnLoaded<'f> = dyn Fn(&Path, &Scored, &mut dyn Write) -> std::io::Result<bool> + Sync + 'f;
/// What a command writes for a file that did not load.
type OnFailed<'f> = dyn Fn(&Path, &LoadError, &mut dyn Write) -> std::io::Result<()> + Sync + 'f;

/// What one file gave: its output, and whether it loaded and `each` accepted it.
type FileOutput = std::io::Result<(Vec<u8>, bool)>;

/// Runs `each` on every loaded file and `failed` on every file that did not load, on every core
/// (unless [`THREADS_VAR`] is `1`), and writes their outputs in the order of the files. Returns
/// whether every file loaded and `each` accepted it.
fn for_each_file(
    paths: &[PathBuf],
    found: Vec<Result<PathBuf, LoadError>>,
    under: &Under,
    out: &mut dyn Write,
    each: &OnLoaded<'_>,
    failed: &OnFailed<'_>,
) -> std::io::Result<bool> {
    if found.is_empty() {
        writeln!(out, "{}", nothing_found(paths))?;
        return Ok(false);
    }
    // One write per buffer, not one per line: standard output is line-buffered.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let work = |found| {
        let (path, assessment) = library::read_found(found);
        file_output(&path, &assessment, under, each, failed)
    };
    let all_ok = if parallel() {
        write_in_order(found, &work, &mut out)?
    } else {
        let mut all_ok = true;
        for found in found {
            all_ok &= write_output(work(found), &mut out)?;
        }
        all_ok
    };
    out.flush()?;
    Ok(all_ok)
}

/// Writes one file's output; whether the file passed.
fn write_output(output: FileOutput, out: &mut dyn Write) -> std::io::Result<bool> {
    let (text, ok) = output?;
    out.write_all(&text)?;
    Ok(ok)
}

/// Runs `work` on every entry on the worker threads, which take the entries in order, and writes
/// each output as soon as those of the entries before it are written: no thread waits for a
/// batch to finish, and only the outputs that finished early are held. Whether every file passed.
fn write_in_order(
    found: Vec<Result<PathBuf, LoadError>>,
    work: &(dyn Fn(Result<PathBuf, LoadError>) -> FileOutput + Sync),
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let stop = AtomicBool::new(false);
    let (sender, outputs) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            groups(found).enumerate().par_bridge().for_each_with(
                sender,
                |sender, (index, group)| {
                    // After a failed write (the reader went away) the rest is not worth loading.
                    if !stop.load(Ordering::Relaxed) {
                        let _ = sender.send((index, group.into_iter().map(work).collect()));
                    }
                },
            );
        });
        let written = write_received(&outputs, out);
        stop.store(true, Ordering::Relaxed);
        written
    })
}

/// How many files a worker thread takes at a time: enough to make handing them over cheap, few
/// enough to spread the work evenly.
const GROUP: usize = 16;

/// The entries in groups of [`GROUP`], in order.
fn groups<T>(items: Vec<T>) -> impl Iterator<Item = Vec<T>> {
    let mut items = items.into_iter().peekable();
    std::iter::from_fn(move || {
        items.peek()?;
        Some(items.by_ref().take(GROUP).collect())
    })
}

/// Writes the numbered groups of outputs in the order of their numbers as they arrive.
fn write_received(
    outputs: &Receiver<(usize, Vec<FileOutput>)>,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let mut early = BTreeMap::new();
    let mut next = 0;
    let mut all_ok = true;
    for (index, group) in outputs {
        early.insert(index, group);
        while let Some(group) = early.remove(&next) {
            for output in group {
                all_ok &= write_output(output, out)?;
            }
            next += 1;
        }
    }
    Ok(all_ok)
}

/// The output of `each` for a file that loaded, of `failed` for one that did not.
fn file_output(
    path: &Path,
    assessment: &Result<Assessment, LoadError>,
    under: &Under,
    each: &OnLoaded<'_>,
    failed: &OnFailed<'_>,
) -> FileOutput {
    let mut text = Vec::new();
    let ok = match assessment {
        Ok(assessment) => each(path, &scored(path, assessment, under), &mut text)?,
        Err(error) => {
            failed(path, error, &mut text)?;
            false
        }
    };
    Ok((text, ok))
}

/// The message for paths that hold no assessment file.
fn nothing_found(paths: &[PathBuf]) -> String {
    format!(
        "no assessment files ({}) found in {}",
        library::EXTENSION,
        show_paths(paths)
    )
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn score(
    paths: &[PathBuf],
    found: Vec<Result<PathBuf, LoadError>>,
    json: bool,
    under: &Under,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    if json {
        for_each_file(
            paths,
            found,
            under,
            out,
            &|file, s, out| {
                serde_json::to_writer(&mut *out, &score_line(file, s))?;
                writeln!(out)?;
                Ok(true)
            },
            &|file, error, out| {
                writeln!(
                    out,
                    "{}",
                    json!({"file": file.display().to_string(), "error": error.to_string()})
                )
            },
        )
    } else {
        for_each_file(
            paths,
            found,
            under,
            out,
            &|file, s, out| {
                writeln!(out, "== {}", file.display())?;
                write!(
                    out,
                    "{}",
                    report::breakdown_text(s.assessment, &s.breakdown, s.framework, &s.findings)
                )?;
                writeln!(out)?;
                Ok(true)
            },
            &|_, error, out| writeln!(out, "error: {error}\n"),
        )
    }
}

/// The `--json` line of one file, with exactly the documented keys in their order; a figure that
/// cannot be computed is `null`.
#[derive(serde::Serialize)]
struct ScoreLine<'a> {
    file: String,
    title: &'a str,
    protective_total: Option<i64>,
    task_total: Option<f64>,
    task_resistance: Option<f64>,
    evidence_total: Option<i64>,
    barrier_total: Option<i64>,
    growth: Option<i64>,
    evidence_modifier: Option<f64>,
    barrier_modifier: Option<f64>,
    growth_modifier: Option<f64>,
    raw: Option<f64>,
    score_unclamped: Option<f64>,
    score: Option<f64>,
    zone: Option<Zone>,
    sub_label: Option<SubLabel>,
    time_3plus_pct: Option<f64>,
    split: Option<Split>,
    quick_screen_red: Option<bool>,
    provisional: bool,
    findings: &'a [Finding],
    #[serde(rename = "final")]
    final_result: FinalLine,
}

/// The `final` object of a `--json` line.
#[derive(serde::Serialize)]
struct FinalLine {
    score: Option<f64>,
    zone: Option<Zone>,
    overridden: bool,
}

/// The `--json` line of one file.
fn score_line<'a>(file: &Path, s: &'a Scored) -> ScoreLine<'a> {
    let b = &s.breakdown;
    let c = b.composite.as_ref();
    let final_result = b.final_result();
    ScoreLine {
        file: file.display().to_string(),
        title: &s.assessment.role.title,
        protective_total: b.protective_total,
        task_total: b.task_total,
        task_resistance: b.task_resistance,
        evidence_total: b.evidence_total,
        barrier_total: b.barrier_total,
        growth: b.growth,
        evidence_modifier: b.evidence_modifier,
        barrier_modifier: b.barrier_modifier,
        growth_modifier: b.growth_modifier,
        raw: c.map(|c| c.raw),
        score_unclamped: c.map(|c| c.score_unclamped),
        score: c.map(|c| c.score),
        zone: c.map(|c| c.zone),
        sub_label: c.and_then(|c| c.sub_label),
        time_3plus_pct: b.time_3plus_pct,
        split: b.split,
        quick_screen_red: b.quick_screen_red,
        provisional: b.provisional,
        findings: &s.findings,
        final_result: FinalLine {
            score: final_result.map(|f| f.score),
            zone: final_result.map(|f| f.zone),
            overridden: s.assessment.override_result.is_some(),
        },
    }
}

fn validate_files(
    paths: &[PathBuf],
    found: Vec<Result<PathBuf, LoadError>>,
    under: &Under,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    for_each_file(
        paths,
        found,
        under,
        out,
        &|file, s, out| {
            let errors = s
                .findings
                .iter()
                .filter(|f| f.severity == validate::Severity::Error)
                .count();
            let warnings = s.findings.len() - errors;
            let verdict = if errors == 0 { "ok" } else { "INVALID" };
            writeln!(
                out,
                "{}: {verdict} ({})",
                file.display(),
                crate::fmt::errors_and_warnings(errors, warnings)
            )?;
            for finding in &s.findings {
                writeln!(out, "  {finding}")?;
            }
            Ok(errors == 0)
        },
        &|_, error, out| writeln!(out, "{error}"),
    )
}

/// Standard output for results, standard error for problems.
struct Streams<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

/// One text to import and the file it goes to.
struct ImportJob<'a> {
    text: &'a Path,
    target: PathBuf,
}

/// Imports every text; writes the files only when all imported and none would be overwritten
/// unasked. Returns whether every text was imported and written.
fn import_texts(
    texts: &[PathBuf],
    target: Option<&Path>,
    force: bool,
    io: &mut Streams,
) -> std::io::Result<bool> {
    let jobs = import_jobs(texts, target);
    let mut results = Vec::new();
    let mut failed = false;
    for (i, job) in jobs.iter().enumerate() {
        match import_one(job.text) {
            Ok(result) => results.push(result),
            Err(message) => {
                writeln!(io.err, "{}: {message}", job.text.display())?;
                failed = true;
            }
        }
        if let Some(clash) = target_clash(&jobs[..i], job, force) {
            writeln!(io.err, "{}: {clash}", job.target.display())?;
            failed = true;
        }
    }
    if failed {
        writeln!(io.err, "nothing written")?;
        return Ok(false);
    }
    let mut all_written = true;
    for (job, result) in jobs.iter().zip(&results) {
        all_written &= write_imported(job, result, io)?;
    }
    Ok(all_written)
}

/// Why a job may not write its file: an earlier job writes it, or it exists and `force` is off.
fn target_clash(earlier: &[ImportJob], job: &ImportJob, force: bool) -> Option<&'static str> {
    if earlier.iter().any(|other| other.target == job.target) {
        Some("two texts would be imported into this one file")
    } else if !force && job.target.exists() {
        Some("already exists (use --force to overwrite it)")
    } else {
        None
    }
}

/// Where each text goes: next to it, into `target` (one text), or into the folder `target`.
fn import_jobs<'a>(texts: &'a [PathBuf], target: Option<&Path>) -> Vec<ImportJob<'a>> {
    let file_name = |text: &Path| {
        let stem = text
            .file_stem()
            .map_or_else(|| "assessment".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem}{}", library::EXTENSION)
    };
    texts
        .iter()
        .map(|text| {
            let target = match target {
                Some(file) if texts.len() == 1 && !file.is_dir() => file.to_owned(),
                Some(folder) => folder.join(file_name(text)),
                None => text.with_file_name(file_name(text)),
            };
            ImportJob { text, target }
        })
        .collect()
}

/// Reads and imports one text; `meta.source` becomes its file name.
fn import_one(path: &Path) -> Result<Imported, String> {
    let bytes = library::read_limited(path, library::FileKind::Text).map_err(|e| match e {
        library::FileError::TooLarge { size, .. } => {
            format!("the file is {size} bytes; a published text may be at most 5 MB")
        }
        library::FileError::Io { source, .. } => format!("cannot read: {source}"),
        other @ library::FileError::Json { .. } => other.to_string(),
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))?;
    let mut imported =
        text_format::import_file_content(Some(path), &text).map_err(|e| e.to_string())?;
    imported.assessment.meta.source = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Ok(imported)
}

/// Writes a file the command makes, atomically, creating its folder first; a failure is reported
/// on `err` with the file or folder named. Whether it was written.
fn write_new_file(path: &Path, text: &str, err: &mut dyn Write) -> std::io::Result<bool> {
    let folder = library::folder_of(path);
    if let Err(e) = std::fs::create_dir_all(folder) {
        writeln!(err, "{}: cannot create the folder: {e}", folder.display())?;
        return Ok(false);
    }
    if let Err(e) = library::write_atomic(path, text.as_bytes()) {
        writeln!(err, "{e}")?;
        return Ok(false);
    }
    Ok(true)
}

/// Saves one imported assessment and lists its differences.
fn write_imported(job: &ImportJob, imported: &Imported, io: &mut Streams) -> std::io::Result<bool> {
    if !write_new_file(&job.target, &library::to_json(&imported.assessment), io.err)? {
        return Ok(false);
    }
    let arrow = format!("{} → {}", job.text.display(), job.target.display());
    if let Some(footer) = imported.footer {
        writeln!(io.out, "{}: {footer}", job.text.display())?;
    }
    match imported.differences.len() {
        0 => writeln!(io.out, "{arrow}: no differences")?,
        n => {
            writeln!(
                io.out,
                "{arrow}: {} from the recomputation",
                crate::fmt::count(n, "published figure differs", "published figures differ")
            )?;
            for d in &imported.differences {
                writeln!(
                    io.out,
                    "  {}: published {}, computed {}",
                    d.label, d.published, d.computed
                )?;
            }
        }
    }
    Ok(true)
}

/// What `export` was asked for.
struct ExportRequest<'a> {
    /// The paths as given.
    paths: &'a [PathBuf],
    /// The assessment files they hold (a comparison's roles in its place), or the error that
    /// stands in for one.
    found: Vec<Result<PathBuf, LoadError>>,
    /// The format.
    format: ExportFormat,
    /// The file to write, or standard output.
    target: Option<&'a Path>,
}

/// Exports one file (text, md) or files, folders and comparisons (csv) to standard output or a
/// file.
fn export_files(request: ExportRequest, under: &Under, io: &mut Streams) -> std::io::Result<bool> {
    let ExportRequest {
        paths,
        found,
        format,
        target,
    } = request;
    let (content, complete) = match format {
        ExportFormat::Csv => export_csv(paths, found, under, io)?,
        ExportFormat::Text | ExportFormat::Md => match single_export(paths, format, under) {
            Ok(content) => (content, true),
            Err(message) => {
                writeln!(io.err, "{message}")?;
                return Ok(false);
            }
        },
    };
    match target {
        None => io.out.write_all(content.as_bytes())?,
        Some(path) => {
            if let Err(e) = library::write_atomic(path, content.as_bytes()) {
                writeln!(io.err, "{e}")?;
                return Ok(false);
            }
        }
    }
    Ok(complete)
}

/// The text or Markdown export of the one assessment file in `paths`.
fn single_export(paths: &[PathBuf], format: ExportFormat, under: &Under) -> Result<String, String> {
    let [path] = paths else {
        return Err(format!(
            "export --format {format:?} takes one assessment file, not {}",
            paths.len()
        )
        .to_lowercase());
    };
    let loaded = library::load_file(path).map_err(|e| e.to_string())?;
    let s = scored(path, &loaded.assessment, under);
    Ok(match format {
        ExportFormat::Md => {
            export::markdown_report(s.assessment, &s.breakdown, s.framework, &s.findings)
        }
        ExportFormat::Text | ExportFormat::Csv => text_format::export(s.assessment, s.framework),
    })
}

/// The CSV of every assessment found; files that fail to load are reported and left out.
fn export_csv(
    paths: &[PathBuf],
    found: Vec<Result<PathBuf, LoadError>>,
    under: &Under,
    io: &mut Streams,
) -> std::io::Result<(String, bool)> {
    let files = library::map_in_order(found, parallel(), |found| {
        let (path, assessment) = library::read_found(found);
        let scored = assessment.map(|a| {
            let figures = Figures::of(&path, &a, under);
            (a, figures)
        });
        (path, scored)
    });
    let mut complete = !files.is_empty();
    if files.is_empty() {
        writeln!(io.err, "{}", nothing_found(paths))?;
    }
    let mut rows = Vec::new();
    for (path, scored) in &files {
        match scored {
            Ok((assessment, f)) => rows.push(CsvRow {
                file: Some(path),
                assessment,
                breakdown: &f.breakdown,
                findings: &f.findings,
            }),
            Err(e) => {
                writeln!(io.err, "{e}")?;
                complete = false;
            }
        }
    }
    Ok((export::csv_rows(&rows), complete))
}
