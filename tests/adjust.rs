//! Adjusted variants and saved comparisons as users rely on them: the file format's round trip
//! (unknown fields kept), every kind of input a variant can change and every kind of bad input,
//! the record kept current after edits (relative to the original source), the effect of each
//! change on the score, and comparisons that find moved roles by id and list deleted ones.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use aijri_desk::adjust::{
    self, AdjustError, Change, InputPath, InputValue, TaskInput, VariantFiles,
};
use aijri_desk::comparison::{ComparedRole, Comparison, ComparisonError, Location};
use aijri_desk::fmt;
use aijri_desk::framework::Framework;
use aijri_desk::library;
use aijri_desk::model::{Assessment, Dimension, Impact, ScoredPart, Zone};
use aijri_desk::scoring;
use aijri_desk::validate;
use serde_json::{Value, json};

fn shipped_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json")
}

fn shipped() -> Assessment {
    library::read_assessment(&shipped_path()).unwrap()
}

fn framework() -> &'static Framework {
    Framework::published()
}

fn path(text: &str) -> InputPath {
    text.parse().unwrap()
}

fn change(field: &str, value: &str) -> Change {
    let path = path(field);
    Change {
        path,
        value: path.parse_value(value).unwrap(),
    }
}

/// A variant of the shipped role saved as `variant` beside it (in the same folder).
fn variant_with(changes: &[Change], reason: &str) -> Assessment {
    let source = shipped_path();
    let variant = source.with_file_name("london.aijri.json");
    let files = VariantFiles {
        source: &source,
        variant: &variant,
    };
    adjust::make_variant(&shipped(), files, changes, reason, framework()).unwrap()
}

fn shown_score(assessment: &Assessment) -> String {
    let breakdown = scoring::score(assessment, framework());
    fmt::score(breakdown.composite.unwrap().score)
}

fn fields(assessment: &Assessment) -> Vec<&str> {
    assessment
        .adjustments
        .iter()
        .map(|a| a.field.as_str())
        .collect()
}

#[test]
fn a_variant_records_its_source_and_why_and_scores_26_yellow() {
    let reason = "Regional pay data 2026: in line with the market";
    let variant = variant_with(&[change("evidence.wage_trends", "0")], reason);
    let from = variant.meta.derived_from.as_ref().unwrap();
    assert_eq!(from.id, "backend-api-developer-mid");
    assert_eq!(from.title, "Backend/API Developer");
    assert_eq!(from.file, "backend-api-developer.aijri.json");
    assert_eq!(variant.meta.id, "london");
    assert!(
        variant.published.is_none(),
        "a variant carries no published figures"
    );
    let json = serde_json::to_value(&variant.adjustments).unwrap();
    assert_eq!(
        json,
        json!([{"field": "evidence.wage_trends", "from": -1, "to": 0, "reason": reason}])
    );
    let breakdown = scoring::score(&variant, framework());
    let composite = breakdown.composite.unwrap();
    assert_eq!(fmt::score(composite.score), "26.0");
    assert_eq!(composite.zone, Zone::Yellow);

    let effects = adjust::adjustment_effects(&variant, framework());
    assert_eq!(effects.len(), 1);
    assert_eq!(
        effects[0].score_without.map(fmt::score).as_deref(),
        Some("24.5")
    );
    assert_eq!(
        effects[0].delta().map(fmt::score_delta).as_deref(),
        Some("+1.5")
    );
}

#[test]
fn adjustments_and_their_source_survive_a_round_trip_with_unknown_fields() {
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(shipped_path()).unwrap()).unwrap();
    file["meta"]["derived_from"] = json!({
        "id": "backend-api-developer-mid", "title": "Backend/API Developer",
        "file": "backend-api-developer.aijri.json", "checksum": "abc"
    });
    file["adjustments"] = json!([
        {"field": "evidence.wage_trends", "from": -1, "to": 0, "reason": "pay", "by": "A.B."},
        {"field": "tasks[0].time_pct", "from": 15, "to": 12.5, "reason": ""},
        {"field": "tasks[1].impact", "from": "displacement", "to": "augmentation", "reason": "x"},
        {"field": "regional.factor", "from": 1, "to": 2, "reason": "from a newer program"}
    ]);
    let text = serde_json::to_string(&file).unwrap();
    let read = library::parse(text.as_bytes(), Path::new("v.aijri.json")).unwrap();
    assert_eq!(read.adjustments.len(), 4);
    let written = library::to_json(&read);
    let again: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(again["meta"]["derived_from"], file["meta"]["derived_from"]);
    assert_eq!(again["adjustments"], file["adjustments"]);
    let keys: Vec<&String> = again["adjustments"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["field", "from", "to", "reason", "by"]);
    assert_eq!(
        library::parse(written.as_bytes(), Path::new("v")).unwrap(),
        read
    );
}

#[test]
fn an_original_writes_neither_field() {
    let written = library::to_json(&shipped());
    assert!(!written.contains("derived_from"), "{written}");
    assert!(!written.contains("adjustments"), "{written}");
}

#[test]
fn every_kind_of_input_can_be_adjusted() {
    let cases = [
        (
            "protective.goal_setting_moral_judgment",
            "2",
            json!(1),
            json!(2),
        ),
        ("growth", "-2", json!(-1), json!(-2)),
        ("evidence.wage_trends", "+1", json!(-1), json!(1)),
        ("barriers.liability_accountability", "2", json!(1), json!(2)),
        ("tasks[2].score", "2", json!(3), json!(2)),
        ("tasks[0].time_pct", "12.5", json!(15), json!(12.5)),
        (
            "tasks[1].impact",
            "augmentation",
            json!("displacement"),
            json!("augmentation"),
        ),
    ];
    for (field, value, from, to) in cases {
        let variant = variant_with(&[change(field, value)], "why");
        let entry = &variant.adjustments[..];
        assert_eq!(entry.len(), 1, "{field}");
        assert_eq!(entry[0].field, field);
        assert_eq!((&entry[0].from, &entry[0].to), (&from, &to), "{field}");
        assert_eq!(path(field).to_string(), field);
    }
}

#[test]
fn a_part_may_be_named_with_its_score_suffix() {
    assert_eq!(
        path("evidence.wage_trends.score"),
        InputPath::Part(ScoredPart::Dimension(Dimension::WageTrends))
    );
    assert_eq!(
        path("tasks[3].impact"),
        InputPath::Task(3, TaskInput::Impact)
    );
    assert_eq!(path("tasks"), InputPath::TaskCount);
}

#[test]
fn an_unknown_field_is_refused_with_the_valid_ones() {
    for field in [
        "evidence.wages",
        "salary",
        "tasks[x].score",
        "tasks[1].name",
    ] {
        let error = field.parse::<InputPath>().unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, AdjustError::UnknownField { .. }), "{field}");
        assert!(message.starts_with(field), "{message}");
        assert!(message.contains("wage_trends"), "{message}");
        assert!(message.contains("tasks[i].time_pct"), "{message}");
    }
}

#[test]
fn a_missing_task_is_refused_with_the_task_count() {
    let mut source = shipped();
    let error = path("tasks[8].score")
        .set(&mut source, InputValue::Score(Some(2)), framework())
        .unwrap_err();
    assert_eq!(
        error,
        AdjustError::NoSuchTask {
            field: "tasks[8].score".into(),
            index: 8,
            count: 8
        }
    );
    assert!(
        error
            .to_string()
            .contains("the role has 8 tasks, tasks[0]…tasks[7]"),
        "{error}"
    );
    assert_eq!(source, shipped(), "nothing changed");
}

#[test]
fn a_value_out_of_range_is_refused_with_the_range() {
    let cases = [
        ("evidence.wage_trends", "3", "−2…+2"),
        ("growth", "-3", "−2…+2"),
        ("protective.embodied_physicality", "4", "0…3"),
        ("barriers.physical_presence", "-1", "0…2"),
        ("tasks[0].score", "6", "1…5"),
        ("tasks[0].time_pct", "120", "more than 0% up to 100%"),
        ("tasks[0].time_pct", "0", "more than 0% up to 100%"),
    ];
    for (field, value, range) in cases {
        let mut source = shipped();
        let path = path(field);
        let error = path
            .set(&mut source, path.parse_value(value).unwrap(), framework())
            .unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, AdjustError::OutOfRange { .. }), "{message}");
        assert!(message.starts_with(field), "{message}");
        assert!(message.contains(range), "{message}");
    }
}

#[test]
fn a_value_of_the_wrong_kind_is_refused() {
    let cases = [
        ("evidence.wage_trends", "high"),
        ("tasks[0].score", "2.5"),
        ("tasks[0].time_pct", "most"),
        ("tasks[1].impact", "replaced"),
    ];
    for (field, value) in cases {
        let error = path(field).parse_value(value).unwrap_err();
        assert!(matches!(error, AdjustError::BadValue { .. }), "{field}");
        assert!(error.to_string().starts_with(field), "{error}");
    }
    assert!(matches!(
        path("tasks").parse_value("9"),
        Err(AdjustError::NotSettable { .. })
    ));
}

#[test]
fn editing_an_input_back_to_the_source_value_removes_its_entry() {
    let before = variant_with(
        &[
            change("evidence.wage_trends", "0"),
            change("tasks[2].score", "2"),
        ],
        "regional",
    );
    assert_eq!(fields(&before), ["tasks[2].score", "evidence.wage_trends"]);
    let mut after = before.clone();
    after.evidence.wage_trends.score = Some(-1);
    adjust::refresh_adjustments(&before, &mut after);
    assert_eq!(fields(&after), ["tasks[2].score"]);
    assert_eq!(
        after.adjustments[0].reason, "regional",
        "the reason is kept"
    );
}

#[test]
fn a_new_change_gets_an_entry_with_an_empty_reason_and_a_second_change_keeps_the_first_from() {
    let before = variant_with(&[change("evidence.wage_trends", "0")], "pay");
    let mut after = before.clone();
    after.evidence.wage_trends.score = Some(1);
    after.barriers.cultural_ethical.score = Some(1);
    adjust::refresh_adjustments(&before, &mut after);
    let json = serde_json::to_value(&after.adjustments).unwrap();
    assert_eq!(
        json,
        json!([
            {"field": "evidence.wage_trends", "from": -1, "to": 1, "reason": "pay"},
            {"field": "barriers.cultural_ethical", "from": 0, "to": 1, "reason": ""}
        ])
    );
}

#[test]
fn added_and_removed_tasks_are_one_entry_with_the_counts() {
    let before = variant_with(&[change("tasks[7].score", "4")], "why");
    let mut after = before.clone();
    after.tasks.pop();
    adjust::refresh_adjustments(&before, &mut after);
    assert_eq!(fields(&after), ["tasks"], "the removed task's entry goes");
    assert_eq!(
        (&after.adjustments[0].from, &after.adjustments[0].to),
        (&json!(8), &json!(7))
    );
    let removed = after.clone();
    after.tasks.push(shipped().tasks[7].clone());
    adjust::refresh_adjustments(&removed, &mut after);
    assert!(after.adjustments.is_empty(), "{:?}", after.adjustments);
}

/// The tasks without their ids: what a task's inputs and texts are.
fn without_ids(tasks: &[aijri_desk::model::Task]) -> Vec<aijri_desk::model::Task> {
    tasks
        .iter()
        .map(|t| aijri_desk::model::Task {
            id: None,
            ..t.clone()
        })
        .collect()
}

#[test]
fn a_removed_middle_task_is_one_entry_and_later_changes_follow_their_tasks() {
    let before = variant_with(&[], "");
    assert!(
        before.tasks.iter().all(|t| t.id.is_none()),
        "no ids while the tasks line up with the source's"
    );
    let mut after = before.clone();
    let removed = after.tasks.remove(1);
    adjust::refresh_adjustments(&before, &mut after);
    assert_eq!(
        fields(&after),
        ["tasks"],
        "one entry, not one per later task"
    );
    let entry = &after.adjustments[0];
    assert_eq!((&entry.from, &entry.to), (&json!(8), &json!(7)));
    assert_eq!(entry.source_tasks.len(), 8, "the source's tasks by id");
    assert_eq!(
        without_ids(&entry.removed_tasks),
        std::slice::from_ref(&removed)
    );
    assert!(
        after.tasks.iter().all(|t| t.id.is_some()),
        "now each task has an id"
    );

    // The 4th task of the source is now the 3rd: its entry names it by its place in the source
    // and by its id.
    let edited = after.clone();
    after.tasks[2].score = 2;
    adjust::refresh_adjustments(&edited, &mut after);
    assert_eq!(fields(&after), ["tasks[3].score", "tasks"]);
    let score = &after.adjustments[0];
    assert_eq!(
        (&score.from, &score.to),
        (&json!(shipped().tasks[3].score), &json!(2))
    );
    assert_eq!(score.task, after.tasks[2].id);

    // The source comes back whole, and each entry's effect is known alone.
    let source = adjust::undo_all(&after).expect("the source can be rebuilt");
    assert_eq!(without_ids(&source.tasks), shipped().tasks);
    let effects = adjust::adjustment_effects(&after, framework());
    assert!(
        effects.iter().all(|e| e.score_without.is_some()),
        "{effects:?}"
    );
    let text = adjust::text::adjustment_text(&after.adjustments[1], &after, framework());
    assert!(
        text.contains(&format!("removed: “{}”", removed.name)),
        "{text}"
    );

    // Putting the task back where it was leaves no entry for the task list.
    let edited = after.clone();
    after.tasks.insert(1, removed);
    adjust::refresh_adjustments(&edited, &mut after);
    assert_eq!(fields(&after), ["tasks[3].score"]);
}

#[test]
fn a_moved_task_keeps_its_entry_and_moving_it_back_leaves_none() {
    let before = variant_with(&[change("tasks[2].score", "2")], "schema work");
    let mut after = before.clone();
    let task = after.tasks.remove(2);
    after.tasks.push(task);
    adjust::refresh_adjustments(&before, &mut after);
    assert_eq!(fields(&after), ["tasks[2].score", "tasks"]);
    assert_eq!(
        after.adjustments[0].reason, "schema work",
        "the reason follows"
    );
    assert_eq!(after.adjustments[0].task, after.tasks[7].id);
    let moved = after.clone();
    let task = after.tasks.pop().unwrap();
    after.tasks.insert(2, task);
    adjust::refresh_adjustments(&moved, &mut after);
    assert_eq!(fields(&after), ["tasks[2].score"]);
}

#[test]
fn a_variant_of_a_variant_stays_relative_to_the_original_source() {
    let first = variant_with(&[change("evidence.wage_trends", "0")], "pay");
    let dir = tempfile::tempdir().unwrap();
    let first_path = shipped_path().with_file_name("london.aijri.json");
    let second_path = dir.path().join("clients/london-schema.aijri.json");
    let files = VariantFiles {
        source: &first_path,
        variant: &second_path,
    };
    let changes = [
        change("tasks[2].score", "2"),
        change("evidence.wage_trends", "1"),
    ];
    let second = adjust::make_variant(&first, files, &changes, "schema", framework()).unwrap();
    let from = second.meta.derived_from.as_ref().unwrap();
    assert_eq!(from.id, "backend-api-developer-mid");
    std::fs::create_dir_all(library::folder_of(&second_path)).unwrap();
    let original = library::resolve_relative(library::folder_of(&second_path), &from.file);
    assert_eq!(
        original.canonicalize().unwrap(),
        shipped_path().canonicalize().unwrap()
    );
    let json = serde_json::to_value(&second.adjustments).unwrap();
    assert_eq!(
        json,
        json!([
            {"field": "tasks[2].score", "from": 3, "to": 2, "reason": "schema"},
            {"field": "evidence.wage_trends", "from": -1, "to": 1, "reason": "schema"}
        ])
    );
    assert_eq!(second.meta.id, "london-schema");
}

#[test]
fn a_variant_saved_under_its_source_id_gets_an_id_of_its_own() {
    let source = shipped();
    let id = adjust::variant_id(
        Path::new("regional/backend-api-developer-mid.aijri.json"),
        &source,
    );
    assert_eq!(id, "backend-api-developer-mid-adjusted");
}

#[test]
fn the_diff_of_a_role_with_itself_is_empty() {
    let role = shipped();
    let diff = adjust::diff(&role, framework(), &role, framework());
    assert!(diff.differences.is_empty());
    assert_eq!(diff.a, diff.b);
}

#[test]
fn the_diff_with_a_variant_shows_the_change_its_reason_and_its_effect() {
    let source = shipped();
    let variant = variant_with(&[change("evidence.wage_trends", "0")], "pay data");
    let diff = adjust::diff(&source, framework(), &variant, framework());
    assert_eq!(diff.differences.len(), 1);
    let entry = &diff.differences[0];
    assert_eq!(entry.path, path("evidence.wage_trends"));
    assert_eq!(
        (
            entry.from.show(entry.path, framework()),
            entry.to.show(entry.path, framework())
        ),
        ("−1".to_owned(), "0".to_owned())
    );
    assert_eq!(entry.reason.as_deref(), Some("pay data"));
    assert_eq!(
        entry.delta(&diff.a).map(fmt::score_delta).as_deref(),
        Some("+1.5")
    );
    assert_eq!(diff.a.score.map(fmt::score).as_deref(), Some("24.5"));
    assert_eq!(diff.b.score.map(fmt::score).as_deref(), Some("26.0"));
    assert_eq!(
        (diff.a.zone, diff.b.zone),
        (Some(Zone::Red), Some(Zone::Yellow))
    );
}

#[test]
fn removing_a_middle_task_is_one_change_in_the_diff() {
    let source = shipped();
    let mut edited = source.clone();
    edited.tasks.remove(1);
    let diff = adjust::diff(&source, framework(), &edited, framework());
    let changes: Vec<String> = diff
        .differences
        .iter()
        .map(|d| d.path.to_string())
        .collect();
    assert_eq!(changes, ["tasks"], "one change, not one per later task");
    let entry = &diff.differences[0];
    assert_eq!(
        (entry.from, entry.to),
        (InputValue::Count(8), InputValue::Count(7))
    );
}

#[test]
fn the_diff_counts_each_change_alone_on_the_first_role() {
    let source = shipped();
    let variant = variant_with(
        &[
            change("evidence.wage_trends", "0"),
            change("tasks[1].impact", "augmentation"),
        ],
        "why",
    );
    let diff = adjust::diff(&source, framework(), &variant, framework());
    let impact = &diff.differences[0];
    assert_eq!(impact.path, path("tasks[1].impact"));
    assert_eq!(impact.to, InputValue::Impact(Impact::Augmentation));
    assert_eq!(
        impact.delta(&diff.a),
        Some(0.0),
        "the impact does not enter the score"
    );
}

#[test]
fn an_adjusted_variant_does_not_warn_about_published_figures_it_changed_on_purpose() {
    let published_warnings = |a: &Assessment| {
        let breakdown = scoring::score(a, framework());
        validate::validate(a, framework(), &breakdown)
            .into_iter()
            .filter(|f| f.field.head() == Some("published"))
            .count()
    };
    let mut edited = shipped();
    edited.evidence.wage_trends.score = Some(0);
    assert!(published_warnings(&edited) > 0, "an unrecorded edit warns");
    let mut variant = variant_with(&[change("evidence.wage_trends", "0")], "pay");
    variant.published = shipped().published;
    assert_eq!(published_warnings(&variant), 0);
}

#[test]
fn an_adjustment_of_a_field_the_program_does_not_read_is_a_warning_and_is_kept() {
    let before = variant_with(&[change("evidence.wage_trends", "0")], "pay");
    let mut after = before.clone();
    let unread = aijri_desk::model::Adjustment {
        field: "regional.factor".into(),
        from: json!(1),
        to: json!(2),
        reason: "from a newer program".into(),
        ..Default::default()
    };
    after.adjustments.insert(0, unread.clone());
    adjust::refresh_adjustments(&before, &mut after);
    assert_eq!(
        after.adjustments.last(),
        Some(&unread),
        "kept, after the others"
    );
    let breakdown = scoring::score(&after, framework());
    let findings = validate::validate(&after, framework(), &breakdown);
    let finding = findings
        .iter()
        .find(|f| f.field == "adjustments[1].field")
        .expect("a finding on the unread field");
    assert!(
        finding.message.starts_with("regional.factor"),
        "{}",
        finding.message
    );
}

#[test]
fn an_adjustment_without_a_reason_is_a_warning() {
    let variant = variant_with(&[change("evidence.wage_trends", "0")], "");
    let breakdown = scoring::score(&variant, framework());
    let findings = validate::validate(&variant, framework(), &breakdown);
    let finding = findings
        .iter()
        .find(|f| f.field == "adjustments[0].reason")
        .expect("a finding on the empty reason");
    assert!(
        finding.message.contains("Wage Trends"),
        "{}",
        finding.message
    );
    assert_eq!(shown_score(&variant), "26.0");
}

// Saved comparisons.

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_role(folder: &Path, name: &str, id: &str) -> PathBuf {
    let mut role = shipped();
    role.meta.id = id.to_owned();
    let path = folder.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    library::save_atomic(&path, &role).unwrap();
    path
}

#[test]
fn a_comparison_round_trips_with_relative_paths_and_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let role = write_role(dir.path(), "roles/backend.aijri.json", "backend-mid");
    let file = dir.path().join("js.aijri-compare.json");
    let mut comparison = Comparison::new("Options for J.S.", "2026-11-24", "aijri-published-v1");
    comparison.notes = "free text".into();
    comparison
        .roles
        .push(ComparedRole::new(&role, "backend-mid"));
    comparison.extra.insert("colour".into(), json!("teal"));
    comparison.roles[0]
        .extra
        .insert("pinned".into(), json!(true));
    comparison.save(&file).unwrap();

    let written: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        written,
        json!({"format": "aijri-comparison", "version": 1, "title": "Options for J.S.",
            "created": "2026-11-24", "framework": "aijri-published-v1", "notes": "free text",
            "roles": [{"file": "roles/backend.aijri.json", "id": "backend-mid", "pinned": true}],
            "colour": "teal"})
    );
    let read = Comparison::load(&file).unwrap();
    assert_eq!(read.extra["colour"], json!("teal"));
    let elsewhere = dir.path().join("roles/saved-again.aijri-compare.json");
    read.save(&elsewhere).unwrap();
    assert_eq!(
        read_json(&elsewhere)["roles"][0]["file"],
        "backend.aijri.json",
        "saved elsewhere, the path is relative to the new place"
    );
    assert_eq!(
        read.locate(&file, |_| None::<PathBuf>),
        vec![Location::File(dir.path().join("roles/backend.aijri.json"))]
    );
}

#[test]
fn a_moved_role_is_found_by_id_and_a_deleted_one_is_listed_missing() {
    let dir = tempfile::tempdir().unwrap();
    let moved = write_role(dir.path(), "a.aijri.json", "role-a");
    let deleted = write_role(dir.path(), "b.aijri.json", "role-b");
    let file = dir.path().join("c.aijri-compare.json");
    let mut comparison = Comparison::new("C", "2026-11-24", "aijri-published-v1");
    comparison.roles = vec![
        ComparedRole::new(&moved, "role-a"),
        ComparedRole::new(&deleted, "role-b"),
    ];
    comparison.save(&file).unwrap();
    let new_place = dir.path().join("archive/a.aijri.json");
    std::fs::create_dir_all(new_place.parent().unwrap()).unwrap();
    std::fs::rename(&moved, &new_place).unwrap();
    std::fs::remove_file(&deleted).unwrap();

    let library = [("role-a", new_place.clone())];
    let read = Comparison::load(&file).unwrap();
    let found = read.locate(&file, |id| {
        library
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, p)| p.clone())
    });
    assert_eq!(found, vec![Location::ById(new_place), Location::Missing]);
    assert_eq!(read.roles.len(), 2, "a missing role is not dropped");
}

#[test]
fn an_absolute_role_path_is_read_and_written_relative() {
    let dir = tempfile::tempdir().unwrap();
    let role = write_role(dir.path(), "r.aijri.json", "r");
    let file = dir.path().join("c.aijri-compare.json");
    let text = json!({"format": "aijri-comparison", "version": 1,
        "roles": [{"file": role.to_string_lossy(), "id": "r"}]});
    std::fs::write(&file, text.to_string()).unwrap();
    let read = Comparison::load(&file).unwrap();
    assert_eq!(
        read.locate(&file, |_| None::<()>),
        vec![Location::File(role.clone())]
    );
    read.save(&file).unwrap();
    assert_eq!(read_json(&file)["roles"][0]["file"], "r.aijri.json");
}

#[test]
fn a_broken_comparison_names_the_file_and_the_field() {
    let cases = [
        (
            json!({"format": "aijri-assessment", "version": 1}),
            "format",
        ),
        (
            json!({"format": "aijri-comparison", "version": 2}),
            "version",
        ),
        (
            json!({"format": "aijri-comparison", "version": 1, "roles": [{"file": "", "id": ""}]}),
            "roles[0]",
        ),
        (
            json!({"format": "aijri-comparison", "version": 1, "roles": [{"file": 3}]}),
            "roles[0].file",
        ),
    ];
    for (text, field) in cases {
        let error = Comparison::parse(
            text.to_string().as_bytes(),
            Path::new("js.aijri-compare.json"),
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("js.aijri-compare.json: "), "{message}");
        assert!(message.contains(field), "{message}");
        if field != "roles[0].file" {
            assert!(
                matches!(error, ComparisonError::Invalid { .. }),
                "{message}"
            );
        }
    }
}
