//! Framework variants: files that load and are refused with the field named, the normalisation
//! derived from the weights, the set of available frameworks, and the command line scoring each
//! assessment under the framework it names (or the one `--framework` picks).

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "shared/variant_comparison.rs"]
mod variant_comparison;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aijri_desk::fmt;
use aijri_desk::framework::{
    DEFAULT_FRAMEWORK_ID, Framework, FrameworkError, Frameworks, Normalisation,
};
use aijri_desk::library::{self, FileError};
use aijri_desk::model::{Assessment, Zone};
use aijri_desk::scoring;
use aijri_desk::text_format;
use aijri_desk::validate::{self, Severity};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn published_file() -> PathBuf {
    repo("assets/framework/aijri-published-v1.json")
}

fn example_file() -> PathBuf {
    repo("assets/framework/examples/evidence-0.06.aijri-framework.json")
}

/// Every assessment the tests use: the shipped ones, the fixture files and the published text
/// fixture imported, each with a name.
fn test_assessments() -> Vec<(String, Assessment)> {
    let mut files = library::find_files(&repo("assessments"));
    files.extend(library::find_files(&repo("tests/fixtures")));
    let mut all: Vec<(String, Assessment)> = files
        .into_iter()
        .map(|f| {
            let path = f.unwrap();
            (path.display().to_string(), read(&path))
        })
        .collect();
    let text = std::fs::read_to_string(repo("tests/fixtures/backend-api-developer.txt")).unwrap();
    all.push((
        "backend-api-developer.txt".into(),
        text_format::import(&text).unwrap().assessment,
    ));
    assert!(all.len() >= 5, "{}", all.len());
    all
}

fn read(path: &Path) -> Assessment {
    library::read_assessment(path).unwrap()
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

/// The example variant with green from 45: evidence 0.06 per point, normalisation 0.36 / 10.2.
fn variant() -> Framework {
    let mut variant = Framework::load(&example_file()).unwrap();
    variant.zones.green_min = 45.0;
    variant
}

#[test]
fn published_file_gives_the_embedded_figures_on_every_test_assessment() {
    let from_file = Framework::load(&published_file()).unwrap();
    let embedded = Framework::published();
    assert_eq!(&from_file, embedded);
    for (name, a) in test_assessments() {
        let (b_file, b_embedded) = (scoring::score(&a, &from_file), scoring::score(&a, embedded));
        assert_eq!(b_file, b_embedded, "{name}");
        assert_eq!(
            validate::validate(&a, &from_file, &b_file),
            validate::validate(&a, embedded, &b_embedded),
            "{name}"
        );
    }
}

#[test]
fn published_normalisation_is_the_derivation_with_barriers_up_to_5_of_10() {
    // Lowest raw: TRS 6 − 5 = 1, EM 1 − 10 × 0.04 = 0.6, BM 1 + 0 × 0.02 = 1, GM 1 − 2 × 0.05 = 0.9:
    //   1 × 0.6 × 1 × 0.9 = 0.54.
    // Highest raw with barriers at 5: TRS 6 − 1 = 5, EM 1 + 10 × 0.04 = 1.4, BM 1 + 5 × 0.02 = 1.1,
    //   GM 1 + 2 × 0.05 = 1.1: 5 × 1.4 × 1.1 × 1.1 = 8.47; scale 8.47 − 0.54 = 7.93.
    let published = Framework::published();
    let derived = published.normalisation_with_barriers_up_to(5);
    assert_close(derived.offset, 0.54);
    assert_close(derived.scale, 7.93);
    assert_close(derived.offset, published.normalisation.offset);
    assert_close(derived.scale, published.normalisation.scale);
}

#[test]
fn derived_normalisation_counts_barriers_over_their_full_range() {
    // Highest raw with barriers at 10: 5 × 1.4 × (1 + 10 × 0.02 = 1.2) × 1.1 = 9.24; 9.24 − 0.54 = 8.70.
    let Normalisation { offset, scale } = Framework::published().derived_normalisation();
    assert_close(offset, 0.54);
    assert_close(scale, 8.70);
}

#[test]
fn example_variant_holds_the_normalisation_derived_from_its_full_ranges() {
    // Lowest: 1 × (1 − 10 × 0.06 = 0.4) × 1 × 0.9 = 0.36.
    // Highest: 5 × (1 + 10 × 0.06 = 1.6) × 1.2 × 1.1 = 10.56; scale 10.56 − 0.36 = 10.2.
    let example = Framework::load(&example_file()).unwrap();
    assert_eq!(example.id, "evidence-0-06");
    assert_eq!(example.name, "Evidence counted 0.06 per point");
    let derived = example.derived_normalisation();
    assert_close(derived.offset, 0.36);
    assert_close(derived.scale, 10.2);
    assert_close(example.normalisation.offset, derived.offset);
    assert_close(example.normalisation.scale, derived.scale);
}

#[test]
fn variant_figures_equal_the_hand_computation() {
    let variant = variant();
    // Backend/API Developer: task total 2.95 → TRS 3.05; evidence −4, barriers 1, growth −1.
    //   EM = 1 + (−4 × 0.06) = 0.76, BM = 1 + 1 × 0.02 = 1.02, GM = 1 + (−1 × 0.05) = 0.95
    //   Raw = 3.05 × 0.76 × 1.02 × 0.95 = 2.246142
    //   Score = (2.246142 − 0.36) / 10.2 × 100 = 18.4916 → 18.5 → Red (published: 24.5, Red).
    let backend = scoring::score(
        &read(&repo("assessments/backend-api-developer.aijri.json")),
        &variant,
    );
    assert_close(backend.evidence_modifier.unwrap(), 0.76);
    let c = backend.composite.as_ref().unwrap();
    assert_close(c.raw, 2.246_142);
    assert_close(c.score, (2.246_142 - 0.36) / 10.2 * 100.0);
    assert_eq!(scoring::displayed_score(c.score), 18.5);
    assert_eq!(c.zone, Zone::Red);
    // Senior Backend Engineer: task total 2.45 → TRS 3.55; evidence 4, barriers 3, growth 1.
    //   EM = 1 + 4 × 0.06 = 1.24, BM = 1 + 3 × 0.02 = 1.06, GM = 1 + 1 × 0.05 = 1.05
    //   Raw = 3.55 × 1.24 × 1.06 × 1.05 = 4.899426
    //   Score = (4.899426 − 0.36) / 10.2 × 100 = 44.5042 → 44.5 < 45 → Yellow (published: 51.0, Green).
    let senior = scoring::score(
        &read(&repo("assessments/senior-backend-engineer.aijri.json")),
        &variant,
    );
    assert_close(senior.evidence_modifier.unwrap(), 1.24);
    let c = senior.composite.as_ref().unwrap();
    assert_close(c.raw, 4.899_426);
    assert_close(c.score, (4.899_426 - 0.36) / 10.2 * 100.0);
    assert_eq!(scoring::displayed_score(c.score), 44.5);
    assert_eq!(c.zone, Zone::Yellow);
}

/// The published definition as JSON, changed by `edit`, parsed as the file `broken.aijri-framework.json`.
fn parse_edited(edit: impl FnOnce(&mut Value)) -> FrameworkError {
    let mut json: Value = serde_json::from_str(&Framework::published().to_json()).unwrap();
    edit(&mut json);
    let bytes = serde_json::to_vec(&json).unwrap();
    Framework::parse(&bytes, Path::new("broken.aijri-framework.json")).unwrap_err()
}

/// The error names the file and the field.
fn assert_refused(error: &FrameworkError, field: &str) {
    assert_eq!(error.field(), Some(field), "{error}");
    let text = error.to_string();
    assert!(text.starts_with("broken.aijri-framework.json: "), "{text}");
    assert!(text.contains(field), "{text}");
}

#[test]
fn refuses_zones_out_of_order() {
    let error = parse_edited(|j| j["zones"]["green_min"] = 25.0.into());
    assert_refused(&error, "zones.green_min");
}

#[test]
fn refuses_a_scale_of_zero_or_below() {
    for scale in [0.0, -7.93] {
        let error = parse_edited(|j| j["normalisation"]["scale"] = scale.into());
        assert_refused(&error, "normalisation.scale");
    }
}

#[test]
fn refuses_a_part_with_min_above_max() {
    let error = parse_edited(|j| j["evidence"][2]["min"] = 3.into());
    assert_refused(&error, "evidence.wage_trends.min");
    let error = parse_edited(|j| j["growth"]["max"] = (-3).into());
    assert_refused(&error, "growth.min");
}

#[test]
fn refuses_a_missing_part_key() {
    let error = parse_edited(|j| {
        j["barriers"].as_array_mut().unwrap().pop();
    });
    assert_refused(&error, "barriers");
    assert!(error.to_string().contains("cultural_ethical"), "{error}");
}

#[test]
fn refuses_an_unknown_part_key() {
    let error = parse_edited(|j| {
        let mut extra = j["principles"][0].clone();
        extra["key"] = "creativity".into();
        j["principles"].as_array_mut().unwrap().push(extra);
    });
    assert_refused(&error, "principles");
    assert!(error.to_string().contains("creativity"), "{error}");
}

#[test]
fn refuses_weights_that_make_a_modifier_negative() {
    // 1 + (−10) × 0.11 = −0.1 at the lowest evidence total.
    let error = parse_edited(|j| j["modifiers"]["evidence_per_point"] = 0.11.into());
    assert_refused(&error, "modifiers.evidence_per_point");
    // 1 + (−2) × 0.6 = −0.2 at the lowest growth.
    let error = parse_edited(|j| j["modifiers"]["growth_per_point"] = 0.6.into());
    assert_refused(&error, "modifiers.growth_per_point");
    // 1 + 10 × (−0.2) = −1 at the highest barrier total.
    let error = parse_edited(|j| j["modifiers"]["barrier_per_point"] = (-0.2).into());
    assert_refused(&error, "modifiers.barrier_per_point");
}

/// The published definition as JSON, changed by `edit`, parsed.
fn parse_changed(edit: impl FnOnce(&mut Value)) -> Result<Framework, FrameworkError> {
    let mut json: Value = serde_json::from_str(&Framework::published().to_json()).unwrap();
    edit(&mut json);
    let bytes = serde_json::to_vec(&json).unwrap();
    Framework::parse(&bytes, Path::new("broken.aijri-framework.json"))
}

/// A change to a framework's JSON.
type Edit = Box<dyn Fn(&mut Value)>;

/// `n` level texts.
fn levels(n: usize) -> Value {
    (0..n).map(|i| format!("level {i}")).collect()
}

#[test]
fn refuses_a_part_whose_range_spans_more_than_11_values() {
    let error = parse_edited(|j| j["principles"][0]["max"] = 2_000_000_000.into());
    assert_refused(&error, "principles.embodied_physicality.max");
    assert!(error.to_string().contains("at most 11"), "{error}");
    let error = parse_edited(|j| j["task_score"]["max"] = 1_000_000_000.into());
    assert_refused(&error, "task_score.max");
    let error = parse_edited(|j| {
        j["barriers"][4]["min"] = i64::MIN.into();
        j["barriers"][4]["max"] = i64::MAX.into();
    });
    assert_refused(&error, "barriers.cultural_ethical.max");
    // Eleven values, −5…+5, one text each: the most a part may span.
    let eleven = parse_changed(|j| {
        j["growth"]["min"] = (-5).into();
        j["growth"]["max"] = 5.into();
        j["growth"]["levels"] = levels(11);
        j["modifiers"]["growth_per_point"] = 0.05.into();
    });
    assert!(eleven.is_ok(), "{eleven:?}");
    let twelve = parse_edited(|j| {
        j["growth"]["min"] = (-5).into();
        j["growth"]["max"] = 6.into();
        j["growth"]["levels"] = levels(12);
    });
    assert_refused(&twelve, "growth.max");
}

#[test]
fn refuses_level_texts_that_are_not_one_per_value() {
    let error = parse_edited(|j| {
        j["evidence"][2]["levels"].as_array_mut().unwrap().pop();
    });
    assert_refused(&error, "evidence.wage_trends.levels");
    assert!(
        error.to_string().contains("4 texts for the 5 values"),
        "{error}"
    );
    let error = parse_edited(|j| j["task_score"]["levels"] = levels(6));
    assert_refused(&error, "task_score.levels");
    // No texts at all is allowed: the scores are shown as numbers.
    let none = parse_changed(|j| j["task_score"]["levels"] = levels(0));
    assert!(none.is_ok(), "{none:?}");
}

#[test]
fn refuses_names_and_texts_beyond_their_length() {
    use aijri_desk::framework::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
    /// A text one character longer than `n`, of two-byte characters.
    fn long(n: usize) -> Value {
        Value::from("é".repeat(n + 1))
    }
    let cases: [(&str, Edit); 6] = [
        ("id", Box::new(|j| j["id"] = long(MAX_NAME_CHARS))),
        ("name", Box::new(|j| j["name"] = long(MAX_NAME_CHARS))),
        (
            "description",
            Box::new(|j| j["description"] = long(MAX_TEXT_CHARS)),
        ),
        (
            "principles.deep_interpersonal_connection.name",
            Box::new(|j| j["principles"][1]["name"] = long(MAX_NAME_CHARS)),
        ),
        (
            "evidence.company_actions.help",
            Box::new(|j| j["evidence"][1]["help"] = long(MAX_TEXT_CHARS)),
        ),
        (
            "growth.levels[3]",
            Box::new(|j| j["growth"]["levels"][3] = long(MAX_TEXT_CHARS)),
        ),
    ];
    for (field, edit) in cases {
        let error = parse_edited(edit);
        assert_refused(&error, field);
    }
    // At the bound, each is accepted (counted in characters, not bytes).
    let at_bound = parse_changed(|j| {
        j["name"] = "é".repeat(MAX_NAME_CHARS).into();
        j["description"] = "é".repeat(MAX_TEXT_CHARS).into();
    });
    assert!(at_bound.is_ok(), "{at_bound:?}");
}

/// A folder holding the published definition changed by `edit`, with the id `bounds-test`, as
/// `wide.aijri-framework.json`, and the Backend/API Developer naming it: the two files.
fn role_beside_framework(edit: impl FnOnce(&mut Value)) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let mut json: Value = serde_json::from_str(&Framework::published().to_json()).unwrap();
    json["id"] = "bounds-test".into();
    edit(&mut json);
    let framework = folder.path().join("wide.aijri-framework.json");
    std::fs::write(&framework, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let mut role = read(&repo("assessments/backend-api-developer.aijri.json"));
    role.framework = "bounds-test".into();
    let file = folder.path().join("backend-api-developer.aijri.json");
    library::save_atomic(&file, &role).unwrap();
    (folder, framework, file)
}

#[test]
fn validate_and_score_refuse_a_framework_beyond_the_bounds_naming_the_file_and_field() {
    let wide: [(Edit, &str); 2] = [
        (
            Box::new(|j| j["principles"][0]["max"] = 2_000_000_000.into()),
            "principles.embodied_physicality.max",
        ),
        (
            Box::new(|j| {
                j["task_score"]["min"] = 1.into();
                j["task_score"]["max"] = 1_000_000_000.into();
            }),
            "task_score.max",
        ),
    ];
    for (edit, field) in wide {
        let (_folder, framework, role) = role_beside_framework(edit);
        let named = format!("wide.aijri-framework.json: {field}: ");
        let validate = run(&[
            "validate",
            role.to_str().unwrap(),
            "--framework",
            framework.to_str().unwrap(),
        ]);
        assert_eq!(validate.status.code(), Some(1), "{field}: validate passed");
        assert!(stderr(&validate).contains(&named), "{}", stderr(&validate));
        // Beside the role it names: refused, and the role scored under the published one.
        let score = run(&["score", role.to_str().unwrap(), "--json"]);
        assert_eq!(score.status.code(), Some(1), "{field}: score passed");
        assert!(stderr(&score).contains(&named), "{}", stderr(&score));
        let lines = json_lines(&score);
        assert_eq!(scores(&lines)[0].1, 24.5);
        let findings = lines[0]["findings"].to_string();
        assert!(findings.contains("bounds-test"), "{findings}");
    }
}

#[test]
fn refuses_malformed_json_with_line_and_column() {
    let error = Framework::parse(
        b"{\n  \"id\": 3,\n",
        Path::new("broken.aijri-framework.json"),
    )
    .unwrap_err();
    assert!(
        matches!(error, FrameworkError::File(FileError::Json { line: 2, .. })),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("broken.aijri-framework.json: line 2, column"),
        "{error}"
    );
    // A field of the wrong type is named.
    let text = Framework::published()
        .to_json()
        .replacen("\"min\": -2", "\"min\": \"low\"", 1);
    let error =
        Framework::parse(text.as_bytes(), Path::new("broken.aijri-framework.json")).unwrap_err();
    assert!(
        matches!(error, FrameworkError::File(FileError::Json { .. })),
        "{error}"
    );
    assert!(
        error.to_string().contains(": growth.min: invalid type"),
        "{error}"
    );
}

#[test]
fn to_json_is_stable_and_saving_round_trips() {
    let variant = variant();
    let text = variant.to_json();
    assert_eq!(text, variant.to_json());
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("v.aijri-framework.json");
    variant.save(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(Framework::load(&path).unwrap(), variant);
    // The example file is what `to_json` writes.
    let example = Framework::load(&example_file()).unwrap();
    assert_eq!(
        std::fs::read_to_string(example_file()).unwrap(),
        example.to_json()
    );
}

#[test]
fn a_later_variant_replaces_an_earlier_and_the_published_one_stays() {
    let mut frameworks = Frameworks::new();
    assert!(frameworks.add(Framework::load(&example_file()).unwrap()));
    assert!(frameworks.add(variant()));
    let ids: Vec<&str> = frameworks.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, [DEFAULT_FRAMEWORK_ID, "evidence-0-06"]);
    assert_eq!(
        frameworks.get("evidence-0-06").unwrap().zones.green_min,
        45.0
    );
    let mut impostor = variant();
    impostor.id = DEFAULT_FRAMEWORK_ID.into();
    assert!(!frameworks.add(impostor));
    assert_eq!(
        frameworks.get(DEFAULT_FRAMEWORK_ID),
        Some(Framework::published())
    );
}

#[test]
fn an_assessment_naming_an_unknown_framework_gets_a_warning_and_the_published_figures() {
    let mut a = read(&repo("assessments/backend-api-developer.aijri.json"));
    a.framework = "no-such-framework".into();
    let frameworks = Frameworks::new();
    let resolved = frameworks.resolve(&a);
    assert_eq!(resolved.framework, Framework::published());
    assert_eq!(resolved.missing.as_deref(), Some("no-such-framework"));
    let breakdown = scoring::score(&a, resolved.framework);
    assert_eq!(breakdown, scoring::score(&a, Framework::published()));
    let findings = validate::validate_under(
        &a,
        resolved.framework,
        &breakdown,
        resolved.missing.as_deref(),
    );
    let framework_findings: Vec<_> = findings.iter().filter(|f| f.field == "framework").collect();
    assert_eq!(framework_findings.len(), 1, "{findings:?}");
    assert_eq!(framework_findings[0].severity, Severity::Warning);
    assert!(
        framework_findings[0]
            .message
            .contains("`no-such-framework`")
    );
    assert!(framework_findings[0].message.contains("not available"));
}

#[test]
fn viewing_under_another_framework_warns_with_both_ids() {
    let a = read(&repo("assessments/backend-api-developer.aijri.json"));
    let variant = variant();
    let breakdown = scoring::score(&a, &variant);
    let findings = validate::validate_under(&a, &variant, &breakdown, None);
    let warning = findings.iter().find(|f| f.field == "framework").unwrap();
    assert!(warning.message.contains(DEFAULT_FRAMEWORK_ID), "{warning}");
    assert!(warning.message.contains("evidence-0-06"), "{warning}");
}

/// A library folder: the example framework in a subfolder, a broken framework file, and the
/// backend and senior assessments naming the example's id.
fn library_with_variant() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let frameworks = folder.path().join("frameworks");
    std::fs::create_dir(&frameworks).unwrap();
    std::fs::copy(
        example_file(),
        frameworks.join("evidence-0.06.aijri-framework.json"),
    )
    .unwrap();
    std::fs::write(frameworks.join("broken.aijri-framework.json"), "{").unwrap();
    for name in ["backend-api-developer", "senior-backend-engineer"] {
        let mut a = read(&repo(&format!("assessments/{name}.aijri.json")));
        a.framework = "evidence-0-06".into();
        library::save_atomic(&folder.path().join(format!("{name}.aijri.json")), &a).unwrap();
    }
    folder
}

#[test]
fn load_folder_finds_the_framework_files_below_a_library() {
    let folder = library_with_variant();
    let (frameworks, errors) = Frameworks::load_folder(folder.path());
    assert!(frameworks.get("evidence-0-06").is_some());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].path().ends_with("broken.aijri-framework.json"));
}

/// Runs the program with arguments and no stdin.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the program runs")
}

/// The `score --json` lines.
fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Each line's title, rounded score and zone.
fn scores(lines: &[Value]) -> Vec<(String, f64, String)> {
    lines
        .iter()
        .map(|l| {
            (
                l["title"].as_str().unwrap().to_owned(),
                scoring::displayed_score(l["score"].as_f64().unwrap()),
                l["zone"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn keys(line: &Value) -> Vec<String> {
    line.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn score_dir_scores_each_assessment_under_the_framework_it_names() {
    let folder = library_with_variant();
    let output = run(&["score", folder.path().to_str().unwrap(), "--json"]);
    // The broken framework file fails the run, like a broken assessment file, after the rest.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines = json_lines(&output);
    let shown: Vec<(f64, String)> = scores(&lines).into_iter().map(|(_, s, z)| (s, z)).collect();
    assert_eq!(shown, [(18.5, "red".into()), (44.5, "yellow".into())]);
    for line in &lines {
        let findings = line["findings"].as_array().unwrap();
        assert!(findings.iter().all(|f| f["field"] != "framework"), "{line}");
    }
    // The broken framework file is reported, naming it; the keys stay the documented ones.
    assert!(
        stderr(&output).contains("broken.aijri-framework.json"),
        "{}",
        stderr(&output)
    );
    let published = run(&["score", repo("assessments").to_str().unwrap(), "--json"]);
    assert_eq!(keys(&lines[0]), keys(&json_lines(&published)[0]));
}

#[test]
fn score_file_finds_the_frameworks_in_its_folder() {
    let folder = library_with_variant();
    std::fs::copy(example_file(), folder.path().join("v.aijri-framework.json")).unwrap();
    let file = folder.path().join("senior-backend-engineer.aijri.json");
    let output = run(&["score", file.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown = scores(&json_lines(&output));
    assert_eq!((shown[0].1, shown[0].2.as_str()), (44.5, "yellow"));
}

#[test]
fn score_warns_about_an_unknown_framework_and_gives_the_published_figures() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = read(&repo("assessments/backend-api-developer.aijri.json"));
    a.framework = "no-such-framework".into();
    let file = folder.path().join("a.aijri.json");
    library::save_atomic(&file, &a).unwrap();
    let output = run(&["score", file.to_str().unwrap(), "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(scores(&lines)[0].1, 24.5);
    let findings = lines[0]["findings"].as_array().unwrap();
    let warning = findings.iter().find(|f| f["field"] == "framework").unwrap();
    assert_eq!(warning["severity"], "warning");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("no-such-framework")
    );
}

#[test]
fn framework_option_takes_a_file_or_an_id_and_refuses_an_unknown_one() {
    let shipped = repo("assessments/senior-backend-engineer.aijri.json");
    let shipped = shipped.to_str().unwrap();
    let by_file = run(&[
        "score",
        shipped,
        "--json",
        "--framework",
        example_file().to_str().unwrap(),
    ]);
    assert!(by_file.status.success(), "{}", stderr(&by_file));
    assert_eq!(scores(&json_lines(&by_file))[0].1, 44.5);
    let findings = json_lines(&by_file)[0]["findings"].clone();
    assert!(findings.to_string().contains("evidence-0-06"), "{findings}");

    let folder = library_with_variant();
    std::fs::remove_file(folder.path().join("frameworks/broken.aijri-framework.json")).unwrap();
    let by_id = run(&[
        "score",
        folder.path().to_str().unwrap(),
        "--json",
        "--framework",
        DEFAULT_FRAMEWORK_ID,
    ]);
    assert!(by_id.status.success(), "{}", stderr(&by_id));
    let shown: Vec<f64> = scores(&json_lines(&by_id))
        .into_iter()
        .map(|s| s.1)
        .collect();
    assert_eq!(shown, [24.5, 51.0]);

    for command in ["score", "validate"] {
        let unknown = run(&[command, shipped, "--framework", "what-if"]);
        assert!(!unknown.status.success());
        assert!(stderr(&unknown).contains("what-if"), "{}", stderr(&unknown));
        assert!(unknown.stdout.is_empty());
    }
    let unknown = run(&[
        "export",
        shipped,
        "--format",
        "csv",
        "--framework",
        "what-if",
    ]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("what-if"), "{}", stderr(&unknown));
}

#[test]
fn export_uses_the_chosen_framework() {
    let shipped = repo("assessments/senior-backend-engineer.aijri.json");
    let example = example_file();
    let output = run(&[
        "export",
        shipped.to_str().unwrap(),
        "--format",
        "csv",
        "--framework",
        example.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = String::from_utf8_lossy(&output.stdout);
    assert!(csv.contains("44.5"), "{csv}");
}

#[test]
fn refuses_a_framework_file_over_5_mb_unread() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.aijri-framework.json");
    let size = library::MAX_FILE_BYTES + 1;
    std::fs::File::create(&path).unwrap().set_len(size).unwrap();
    let error = Framework::load(&path).unwrap_err();
    assert!(
        matches!(error, FrameworkError::File(FileError::TooLarge { .. })),
        "{error}"
    );
    assert!(
        error.to_string().contains("huge.aijri-framework.json"),
        "{error}"
    );
}

#[test]
fn output_under_variants_is_the_same_on_one_thread_and_on_every_core() {
    let folder = library_with_variant();
    let args = ["score", folder.path().to_str().unwrap(), "--json"];
    let every_core = run(&args);
    let one_thread = Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .env("AIJRI_DESK_THREADS", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(every_core.stdout, one_thread.stdout);
    assert_eq!(every_core.stderr, one_thread.stderr);
    assert_eq!(every_core.status.code(), one_thread.status.code());
}

/// A folder with the published role and the junior one, the example framework variant beside
/// them, and a comparison of the two saved under that variant.
fn comparison_under_the_variant() -> (tempfile::TempDir, PathBuf, [PathBuf; 2]) {
    let folder = tempfile::tempdir().unwrap();
    let roles = ["backend-api-developer", "junior-backend-developer"].map(|name| {
        let file = folder.path().join(format!("{name}.aijri.json"));
        std::fs::copy(repo(&format!("assessments/{name}.aijri.json")), &file).unwrap();
        file
    });
    let comparison = variant_comparison::write(folder.path());
    (folder, comparison, roles)
}

#[test]
fn a_comparison_saved_under_a_variant_is_scored_under_it_as_the_window_shows_it() {
    let (_folder, comparison, roles) = comparison_under_the_variant();
    let comparison = comparison.to_str().unwrap();
    let from_comparison = run(&["score", comparison, "--json"]);
    assert!(
        from_comparison.status.success(),
        "{}",
        stderr(&from_comparison)
    );
    let roles: Vec<&str> = roles.iter().map(|r| r.to_str().unwrap()).collect();
    let chosen = run(&[
        &[
            "score",
            "--json",
            "--framework",
            variant_comparison::VARIANT_ID,
        ],
        &roles[..],
    ]
    .concat());
    assert!(chosen.status.success(), "{}", stderr(&chosen));
    let under_variant = scores(&json_lines(&chosen));
    assert_eq!(scores(&json_lines(&from_comparison)), under_variant);
    let example = Framework::load(&example_file()).unwrap();
    let published = Framework::published();
    for (role, (_, shown, _)) in roles.iter().zip(&under_variant) {
        let assessment = library::read_assessment(Path::new(role)).unwrap();
        let score = |framework| {
            let b = scoring::score(&assessment, framework);
            scoring::displayed_score(b.composite.unwrap().score)
        };
        assert_eq!(*shown, score(&example), "{role}");
        assert_ne!(
            *shown,
            score(published),
            "{role}: the variant makes a difference"
        );
    }
    // `--framework` still says otherwise, and the CSV export follows the comparison too.
    let published_scores = run(&[
        "score",
        comparison,
        "--json",
        "--framework",
        "aijri-published-v1",
    ]);
    assert_ne!(scores(&json_lines(&published_scores)), under_variant);
    let csv = run(&["export", comparison, "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    for (title, shown, _) in &under_variant {
        let row = csv.lines().find(|l| l.contains(title.as_str())).unwrap();
        assert!(row.contains(&fmt::score(*shown)), "{row}");
    }
}

#[test]
fn a_comparison_whose_framework_is_missing_says_so_and_scores_each_role_under_its_own() {
    let (folder, comparison, _) = comparison_under_the_variant();
    std::fs::remove_file(folder.path().join("evidence-0.06.aijri-framework.json")).unwrap();
    let output = run(&["score", comparison.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("framework: “evidence-0-06” is not available"),
        "{}",
        stderr(&output)
    );
    let shown: Vec<f64> = scores(&json_lines(&output))
        .into_iter()
        .map(|(_, s, _)| s)
        .collect();
    assert_eq!(shown[0], 24.5, "the published role under its own framework");
}

/// A variant whose every range, threshold and scale differs from the published one: task scores
/// 0–6 and a base of 8 (so the Task Resistance Score runs up to 8), principles 1–4, scores up to
/// 120, tasks "high" from 4, the quick screen up to a protective total of 5.
fn variant_with_other_ranges() -> Framework {
    let mut json: Value = serde_json::from_str(&Framework::published().to_json()).unwrap();
    json["id"] = "other-ranges".into();
    json["task_score"]["min"] = 0.into();
    json["task_score"]["max"] = 6.into();
    let levels = [
        "Untouched by AI — no part of it",
        "Irreducibly human",
        "Mostly human",
        "Shared",
        "Mostly AI",
        "Nearly automatable",
        "Fully automatable by an AI agent",
    ];
    json["task_score"]["levels"] = levels.to_vec().into();
    json["task_resistance_base"] = 8.into();
    for principle in json["principles"].as_array_mut().unwrap() {
        principle["min"] = 1.into();
        principle["max"] = 4.into();
    }
    json["clamp"]["max"] = 120.into();
    json["sub_labels"]["high_automation_min_score"] = 4.into();
    json["quick_screen"]["max_protective_total"] = 5.into();
    Framework::from_json(&json.to_string()).unwrap()
}

#[test]
fn every_text_naming_a_range_threshold_or_scale_reads_the_framework_in_use() {
    let framework = variant_with_other_ranges();
    let mut role =
        library::read_assessment(&repo("assessments/backend-api-developer.aijri.json")).unwrap();
    role.protective.embodied_physicality.score = Some(1);
    let b = scoring::score(&role, &framework);
    let steps = aijri_desk::report::composite_steps(&b, &framework);
    assert!(
        steps.task_resistance.ends_with("/8.0"),
        "{}",
        steps.task_resistance
    );
    assert!(steps.task_resistance_value.ends_with("/8.0"));
    assert!(steps.score.ends_with("/120"), "{}", steps.score);
    let sentence = aijri_desk::report::composite_sentence(&b, &framework);
    assert!(
        sentence.contains(" of 8,") && sentence.ends_with(" of 120."),
        "{sentence}"
    );
    assert_eq!(
        aijri_desk::report::quick_screen_rule(&framework),
        "Protective 3-5 AND Correlation negative"
    );
    let findings = validate::validate(&role, &framework, &b);
    let breakdown = aijri_desk::report::breakdown_text(&role, &b, &framework, &findings);
    assert!(
        breakdown.contains("% of task time scoring 4+:"),
        "{breakdown}"
    );
    let markdown = aijri_desk::export::markdown_report(&role, &b, &framework, &findings);
    assert!(markdown.contains("/120 — "), "{markdown}");
    assert!(markdown.contains("Share of time scoring 4+"), "{markdown}");
    let published = validate::published_differences(&role, &b, &framework);
    let share = published.iter().find(|d| d.figure == "time_3plus_pct");
    assert_eq!(
        share.map(|d| d.label.as_str()),
        Some("share of time scoring 4+")
    );
    let report = aijri_desk::client_report::ReportData::new(
        None,
        aijri_desk::client_report::ReportDate {
            year: 2026,
            month: 12,
            day: 1,
        },
        &[aijri_desk::client_report::ReportRole {
            assessment: role.clone(),
            framework: framework.clone(),
            missing_framework: None,
            options: Vec::new(),
        }],
    );
    assert!(report.about.contains("from 0 to 120"), "{}", report.about);
    assert!(
        report.roles[0].headline.contains("/120 · "),
        "{}",
        report.roles[0].headline
    );
    for text in [
        &breakdown,
        &markdown,
        &report.about,
        &report.roles[0].headline,
    ] {
        for published in [
            "/5.0",
            "/100",
            " of 5,",
            "scoring 3+",
            "from 0 to 100",
            "Protective 0-",
        ] {
            assert!(!text.contains(published), "{published:?} in:\n{text}");
        }
    }
}
