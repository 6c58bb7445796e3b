//! `aijri-desk adjust SRC… --set FIELD=VALUE… --reason TEXT -o OUT`: adjusted variants from the
//! command line, e.g. a regional adjustment applied to a whole library. Every change is checked
//! against every source before anything is written.

use std::path::{Path, PathBuf};

use super::Streams;
use crate::adjust::{self, Change, InputPath, Outcome, VariantFiles, text};
use crate::framework::Frameworks;
use crate::library;
use crate::model::Assessment;
use crate::scoring;

/// What `adjust` was asked to do.
pub(super) struct Request<'a> {
    /// The assessments to adjust.
    pub sources: &'a [PathBuf],
    /// The `--set FIELD=VALUE` arguments as given.
    pub sets: &'a [String],
    /// The reason recorded with every change.
    pub reason: &'a str,
    /// The file (one source) or folder (several) to write to.
    pub out: &'a Path,
    /// Whether files that exist may be replaced.
    pub force: bool,
}

/// One variant ready to be written.
struct Made {
    source: PathBuf,
    source_assessment: Assessment,
    target: PathBuf,
    variant: Assessment,
}

/// Makes a variant of every source and writes them all, or, when any `--set`, source or target
/// is at fault, writes nothing and says what is wrong. Whether every variant was written.
pub(super) fn run(request: &Request, io: &mut Streams) -> std::io::Result<bool> {
    let sets = match parse_sets(request.sets) {
        Ok(sets) => sets,
        Err(message) => {
            writeln!(io.err, "{message}")?;
            writeln!(io.err, "nothing written")?;
            return Ok(false);
        }
    };
    if request.sources.len() > 1 && request.out.is_file() {
        writeln!(
            io.err,
            "{}: -o must be a folder when several sources are given",
            request.out.display()
        )?;
        writeln!(io.err, "nothing written")?;
        return Ok(false);
    }
    let (frameworks, framework_errors) = Frameworks::beside(request.sources);
    for error in &framework_errors {
        writeln!(io.err, "{error}")?;
    }
    let mut made = Vec::new();
    let mut failed = !framework_errors.is_empty();
    for source in request.sources {
        match make_one(source, &sets, request, &frameworks, &made) {
            Ok(one) => made.push(one),
            Err(message) => {
                writeln!(io.err, "{message}")?;
                failed = true;
            }
        }
    }
    if failed {
        writeln!(io.err, "nothing written")?;
        return Ok(false);
    }
    let mut all_written = true;
    for one in &made {
        all_written &= write_variant(one, &frameworks, io)?;
    }
    Ok(all_written)
}

/// The `--set` arguments as input paths and the values as typed.
fn parse_sets(sets: &[String]) -> Result<Vec<(InputPath, &str)>, String> {
    sets.iter()
        .map(|set| {
            let (field, value) = set.split_once('=').ok_or_else(|| {
                format!("--set {set}: expected FIELD=VALUE, e.g. evidence.wage_trends=0")
            })?;
            let path = field
                .parse::<InputPath>()
                .map_err(|e| format!("--set {e}"))?;
            Ok((path, value))
        })
        .collect()
}

/// The variant of one source, or why it cannot be made: the source does not load, a change does
/// not apply (the field and allowed range named), or the target is taken.
fn make_one(
    source: &Path,
    sets: &[(InputPath, &str)],
    request: &Request,
    frameworks: &Frameworks,
    earlier: &[Made],
) -> Result<Made, String> {
    let assessment = library::read_assessment(source).map_err(|e| e.to_string())?;
    let framework = frameworks.resolve(&assessment).framework;
    let in_source = |e: adjust::AdjustError| format!("{}: {e}", source.display());
    let changes = sets
        .iter()
        .map(|&(path, value)| {
            let value = path.parse_value(value).map_err(in_source)?;
            Ok(Change { path, value })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let target = target_for(source, request);
    check_target(source, &target, request.force, earlier)?;
    let files = VariantFiles {
        source,
        variant: &target,
    };
    let variant = adjust::make_variant(&assessment, files, &changes, request.reason, framework)
        .map_err(in_source)?;
    Ok(Made {
        source: source.to_owned(),
        source_assessment: assessment,
        target,
        variant,
    })
}

/// Where a source's variant goes: `-o` itself for one source, unless it is a folder; else the
/// source's file name in the folder `-o`.
fn target_for(source: &Path, request: &Request) -> PathBuf {
    if request.sources.len() == 1 && !request.out.is_dir() {
        request.out.to_owned()
    } else {
        request
            .out
            .join(source.file_name().unwrap_or(source.as_os_str()))
    }
}

/// Why a variant may not be written to `target`: it is the source, another variant goes there,
/// or it exists and `force` is off.
fn check_target(source: &Path, target: &Path, force: bool, earlier: &[Made]) -> Result<(), String> {
    let shown = target.display();
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(source, target) {
        Err(format!(
            "{shown}: is the source itself; a variant needs a file of its own (-o)"
        ))
    } else if earlier.iter().any(|m| same(&m.target, target)) {
        Err(format!(
            "{shown}: two sources would be written into this one file"
        ))
    } else if !force && target.exists() {
        Err(format!(
            "{shown}: already exists (use --force to overwrite it)"
        ))
    } else {
        Ok(())
    }
}

/// Saves one variant and says what it records and what that does to the score.
fn write_variant(made: &Made, frameworks: &Frameworks, io: &mut Streams) -> std::io::Result<bool> {
    if !super::write_new_file(&made.target, &library::to_json(&made.variant), io.err)? {
        return Ok(false);
    }
    let framework = frameworks.resolve(&made.variant).framework;
    let entries = made.variant.adjustments.len();
    writeln!(
        io.out,
        "{} → {}: {}",
        made.source.display(),
        made.target.display(),
        crate::fmt::count(entries, "adjustment", "adjustments")
    )?;
    for line in text::adjustment_lines(&made.variant, framework) {
        writeln!(io.out, "  {line}")?;
    }
    let before = Outcome::of(&scoring::score(&made.source_assessment, framework));
    let after = Outcome::of(&scoring::score(&made.variant, framework));
    for line in text::outcome_lines(&before, &after) {
        writeln!(io.out, "  {line}")?;
    }
    Ok(true)
}
