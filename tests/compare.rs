//! The Compare and What-if views driven through egui_kittest on the shipped library (the published
//! Backend/API Developer and the two illustrative variants), the exports through an injected file
//! picker, snapshots of both views, and the shipped library content itself.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers panic on a failed expectation, as tests do"
)]

mod common;

use std::path::Path;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::{Action, AijriApp, View};
use aijri_desk::framework::Framework;
use aijri_desk::model::{Assessment, Impact, Override, SubLabel, Zone};
use aijri_desk::{library, scoring, sensitivity};
use common::{
    click, harness, library_copy, rendering_harness, rendering_harness_at,
    rendering_harness_with_picker, shows,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const BACKEND: &str = "Backend/API Developer";
const JUNIOR: &str = "Junior Backend Developer";
const SENIOR: &str = "Senior Backend Engineer";

fn tick_all_three(harness: &mut Harness<'_, AijriApp>) {
    for title in [BACKEND, JUNIOR, SENIOR] {
        click(harness, &format!("Compare {title}"));
    }
}

/// The accessible description of the score chart.
fn score_chart(harness: &Harness<'_, AijriApp>) -> String {
    let node = harness.get_by_label_contains("Score chart: ");
    node.accesskit_node().label().unwrap_or_default()
}

#[test]
fn ticking_three_roles_shows_three_bars_and_three_table_columns() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    tick_all_three(&mut harness);
    click(&mut harness, "Compare");
    assert_eq!(harness.state().state.view, View::Compare);
    assert!(shows(&harness, "Comparing 3 ticked roles."));

    let chart = score_chart(&harness);
    assert_eq!(chart.matches("; ").count(), 2, "three bars: {chart}");
    for bar in [
        "Backend/API Developer 24.5 Red",
        "Junior Backend Developer 11.3 Red",
        "Senior Backend Engineer 51.0 Green",
    ] {
        assert!(chart.contains(bar), "{bar} missing from {chart}");
    }

    // The table is below the charts: scrolled into view, as a user would.
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    let columns = harness.query_all_by_label_contains("Final score, ").count();
    assert_eq!(columns, 3, "one table column per role");
    assert!(shows(&harness, "Final score, Backend/API Developer: 24.5"));
    assert!(shows(
        &harness,
        "Final score, Junior Backend Developer: 11.3"
    ));
    assert!(
        shows(
            &harness,
            "Final score, Senior Backend Engineer: 51.0 (best)"
        ),
        "the best score is marked"
    );
    assert!(
        shows(&harness, "Task total, Senior Backend Engineer: 2.45 (best)"),
        "lower is better for the task total"
    );
    assert!(shows(
        &harness,
        "Task resistance (TRS), Junior Backend Developer: 2.10"
    ));
}

#[test]
fn with_nothing_ticked_the_comparison_shows_the_selected_role() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, BACKEND);
    click(&mut harness, "Compare");
    assert!(shows(
        &harness,
        "No roles ticked: showing the selected role. Tick roles in the list to compare them."
    ));
    assert_eq!(
        score_chart(&harness),
        "Score chart: Backend/API Developer 24.5 Red"
    );
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    assert_eq!(
        harness.query_all_by_label_contains("Final score, ").count(),
        1
    );
}

#[test]
fn what_if_ranks_the_inputs_and_applying_a_change_into_yellow_is_undoable() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, BACKEND);
    click(&mut harness, "What-if");
    assert_eq!(harness.state().state.view, View::WhatIf);

    // The list shows every input in the order of the analysis, the largest swing first.
    let assessment = common::selected(&harness).assessment().clone();
    let analysis = sensitivity::analyse(&assessment, Framework::published());
    assert_eq!(analysis.inputs.len(), 19);
    for (rank, effect) in analysis.inputs.iter().enumerate() {
        let label = format!(
            "Rank {}: {}",
            rank + 1,
            effect.input.name(&assessment, Framework::published())
        );
        assert!(
            harness.query_all_by_label_contains(&label).next().is_some(),
            "{label} is listed"
        );
    }
    assert!(
        harness
            .query_all_by_label_contains(
                "Rank 1: Task: Implementing API endpoints & business logic"
            )
            .next()
            .is_some()
    );
    assert!(
        harness.query_all_by_label_contains("Rank 1: Task: Implementing API endpoints & business logic (now 4): ▼ → 26.5 YELLOW (+2.0)").next().is_some(),
        "the top input names its effect"
    );

    // A change that reaches Yellow is named, and applying it is an ordinary edit.
    // The smallest changes come first (a barrier 0 → 1 gives 25.1); the others are one click away.
    assert!(shows(
        &harness,
        "Apply (reach YELLOW): Barrier: Regulatory/Licensing 0 → 1"
    ));
    if let Some(more) = harness.query_by_label_contains("more changes of one step into YELLOW") {
        more.click();
        harness.run();
    }
    assert!(shows(
        &harness,
        "Into YELLOW (next zone up) — one step is enough, for example (smallest move first):"
    ));
    // One point of evidence is one of them: the dimension with the most room stands for all.
    let apply = "Apply (reach YELLOW): Evidence: Company Actions −1 → 0";
    assert!(
        shows(&harness, apply),
        "one point of evidence is one of the changes into Yellow"
    );
    assert!(shows(&harness, "Current score 24.5"));
    click(&mut harness, apply);
    assert_header_and_company_actions(&harness, ("26.0", "YELLOW"), 0);
    assert!(
        harness
            .query_all_by_label_contains("Apply (reach RED)")
            .next()
            .is_some(),
        "now Yellow, a way back down is named"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    // Ctrl+Z reverts the applied change.
    assert_header_and_company_actions(&harness, ("24.5", "RED"), -1);
}

/// The header shows this score and zone, and the selected role has this Company Actions score.
fn assert_header_and_company_actions(
    harness: &Harness<'_, AijriApp>,
    (score, zone): (&str, &str),
    company_actions: i64,
) {
    assert!(
        shows(harness, &format!("Current score {score}")),
        "the header shows {score}"
    );
    assert!(
        shows(harness, &format!("Current zone {zone}")),
        "the header shows {zone}"
    );
    let doc = common::selected(harness);
    assert_eq!(
        doc.assessment().evidence.company_actions.score,
        Some(company_actions)
    );
}

#[test]
fn csv_exports_of_the_comparison_and_the_library_read_back() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, &format!("Compare {JUNIOR}"));
    click(&mut harness, &format!("Compare {SENIOR}"));
    click(&mut harness, "Compare");

    let out = tempfile::tempdir().unwrap();
    let comparison = out.path().join("comparison");
    picker.answer(vec![comparison.clone()]);
    click(&mut harness, "Export comparison as CSV…");
    let rows = read_csv(&comparison.with_extension("csv"));
    assert_eq!(rows.len(), 2, "one row per compared role");
    assert_eq!(column(&rows, "title"), vec![JUNIOR, SENIOR]);
    assert_eq!(column(&rows, "displayed_score"), vec!["11.3", "51.0"]);
    assert_eq!(column(&rows, "zone"), vec!["Red", "Green"]);
    assert_eq!(column(&rows, "sub_label"), vec!["Imminent", "Transforming"]);

    let whole = out.path().join("library.csv");
    picker.answer(vec![whole.clone()]);
    click(&mut harness, "Export library as CSV…");
    let rows = read_csv(&whole);
    let mut titles = column(&rows, "title");
    titles.sort_unstable();
    assert_eq!(
        titles,
        vec![BACKEND, JUNIOR, SENIOR],
        "one row per role of the library"
    );
    assert!(
        harness
            .state()
            .state
            .notices
            .iter()
            .any(|n| !n.is_error && n.text.contains("Exported 3 roles"))
    );
    let requests = picker.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.filters.iter().any(|(_, ext)| ext == &["csv"])),
        "the dialogs offer CSV"
    );
}

#[test]
fn the_client_report_of_the_comparison_set_is_written_as_pdf() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    // An unsaved edit of the open Backend/API Developer, which the junior role names under
    // "where to look next": the report shows it live, beside the published figure.
    click(&mut harness, BACKEND);
    click(&mut harness, "Evidence");
    click(&mut harness, "Wage Trends: 0");
    assert!(shows(&harness, "Current score 26.0"));
    click(&mut harness, &format!("Compare {JUNIOR}"));
    click(&mut harness, &format!("Compare {SENIOR}"));
    harness.state_mut().apply(Action::EditComparison {
        title: "Options for J.S.".to_owned(),
        notes: String::new(),
    });
    let out = tempfile::tempdir().unwrap();
    picker.answer(vec![out.path().join("client")]);
    click(&mut harness, "File");
    click(&mut harness, "Export");
    click(&mut harness, "Client report (PDF)…");
    let written = out.path().join("client.pdf");
    common::wait_until(&mut harness, "the report's notice", |h| {
        h.state()
            .state
            .notices
            .iter()
            .any(|n| !n.is_error && n.text.contains(&written.display().to_string()))
    });
    let pdf = std::fs::read(&written).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in [JUNIOR, SENIOR] {
        assert!(text.contains(title), "{title} in the report: {text}");
    }
    assert!(
        !text.contains(&format!("{BACKEND} Mid-Level (3-5 years)")),
        "only the compared roles: {text}"
    );
    assert!(
        text.contains(&format!(
            "{BACKEND} (mid-level) — 26.0 Yellow (published 24.5)"
        )),
        "the junior's option, found in the open library: {text}"
    );
    assert!(
        text.contains("Options for J.S."),
        "the comparison's title heads the report: {text}"
    );
    let request = picker.requests().pop().unwrap();
    assert!(request.filters.iter().any(|(_, ext)| ext == &["pdf"]));
}

/// The rows of a CSV file as header → value maps; the file must start with the UTF-8 BOM.
fn read_csv(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "UTF-8 with a byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn column<'a>(rows: &'a [std::collections::HashMap<String, String>], name: &str) -> Vec<&'a str> {
    rows.iter().map(|r| r[name].as_str()).collect()
}

#[test]
fn the_chart_exports_as_a_png_of_the_bars() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let Some(mut harness) =
        rendering_harness_with_picker(folder.path(), egui::Theme::Light, &picker)
    else {
        eprintln!("PNG export test skipped: the screenshot needs a wgpu adapter");
        return;
    };
    tick_all_three(&mut harness);
    click(&mut harness, "Compare");
    let image = common::export_chart(&mut harness, &picker);
    // The chart is as tall as its rows: three roles, about 200 points.
    assert!(
        image.width() > 600 && image.height() > 150,
        "cropped to the chart: {}×{}",
        image.width(),
        image.height()
    );
    assert!(
        image.width() < 1320 && image.height() < 500,
        "not the whole window"
    );
    let has = |rgb: [u8; 3]| image.pixels().any(|p| p.0[..3] == rgb);
    assert!(has([0xD5, 0x5E, 0x00]), "a Red bar is in the picture");
    assert!(has([0x00, 0x9E, 0x73]), "a Green bar is in the picture");
}

#[test]
fn the_png_of_a_chart_taller_than_the_view_holds_every_row() {
    let folder = generated_library(20);
    let picker = ScriptedPicker::default();
    let Some(mut harness) =
        rendering_harness_with_picker(folder.path(), egui::Theme::Light, &picker)
    else {
        eprintln!("PNG export test skipped: the screenshot needs a wgpu adapter");
        return;
    };
    compare_all_in_file_order(&mut harness);
    let chart = harness.get_by_label_contains("Score chart: ").rect();
    let view_bottom = harness.get_by_label_contains("Findings: ").rect().top();
    assert!(
        chart.bottom() > view_bottom,
        "the chart of 20 roles is taller than the view: {chart:?}"
    );
    let image = common::export_chart(&mut harness, &picker);
    assert!(
        f64::from(image.height()) > f64::from(chart.height()),
        "the whole chart ({chart:?}) is in the picture: {}×{}",
        image.width(),
        image.height()
    );
}

fn snapshot_view(view: &str, theme: egui::Theme, name: &str) {
    snapshot_with(&[view], theme, name);
}

/// A snapshot of the window after ticking the three roles and clicking `clicks` in turn.
fn snapshot_with(clicks: &[&str], theme: egui::Theme, name: &str) {
    let folder = library_copy();
    let Some(mut harness) = rendering_harness(folder.path(), theme) else {
        return;
    };
    click(&mut harness, BACKEND);
    tick_all_three(&mut harness);
    for label in clicks {
        click(&mut harness, label);
    }
    harness.snapshot(name);
}

#[test]
fn compare_view_snapshot_light() {
    snapshot_view("Compare", egui::Theme::Light, "compare_light");
}

#[test]
fn compare_view_snapshot_dark() {
    snapshot_view("Compare", egui::Theme::Dark, "compare_dark");
}

#[test]
fn compare_view_with_reference_markers_snapshot() {
    snapshot_with(
        &["Compare", "Show published scores of related roles"],
        egui::Theme::Light,
        "compare_references_light",
    );
}

#[test]
fn what_if_view_snapshot_light() {
    snapshot_view("What-if", egui::Theme::Light, "whatif_light");
}

#[test]
fn what_if_view_snapshot_dark() {
    snapshot_view("What-if", egui::Theme::Dark, "whatif_dark");
}

fn shipped(name: &str) -> (String, Assessment) {
    let path = Path::new(common::SHIPPED).join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (text, library::load_file(&path).unwrap().assessment)
}

#[test]
fn the_illustrative_variants_land_where_the_reference_text_says() {
    let framework = Framework::published();
    let (junior_text, junior) = shipped("junior-backend-developer.aijri.json");
    let b = scoring::score(&junior, framework);
    assert_eq!(
        b.zone(),
        Some(Zone::Red),
        "the text: a junior writing CRUD from specs scores Red"
    );
    let trs = b.task_resistance.unwrap();
    assert!((trs - 2.10).abs() < 1e-9, "~2.10: {trs}");

    let (senior_text, senior) = shipped("senior-backend-engineer.aijri.json");
    let b = scoring::score(&senior, framework);
    let composite = b.composite.as_ref().unwrap();
    assert_eq!(
        (composite.zone, composite.sub_label),
        (Zone::Green, Some(SubLabel::Transforming)),
        "the text: Green (Transforming)"
    );
    let trs = b.task_resistance.unwrap();
    assert!((3.5..=3.8).contains(&trs), "~3.5-3.8: {trs}");

    for (text, assessment) in [(junior_text, junior), (senior_text, senior)] {
        assert!(
            assessment
                .meta
                .source
                .starts_with("Illustrative example, NOT a published AIJRI assessment")
        );
        assert!(
            assessment.published.is_none(),
            "no published figures: nothing was published"
        );
        assert_eq!(
            library::to_json(&assessment),
            text,
            "the file is as the program writes it"
        );
        let findings = aijri_desk::validate::validate(
            &assessment,
            framework,
            &scoring::score(&assessment, framework),
        );
        assert!(findings.is_empty(), "{findings:?}");
    }
}

#[test]
fn the_blank_template_is_what_new_creates_and_is_not_a_role_of_the_library() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/templates/blank.aijri.json");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        library::to_json(&Assessment::blank()),
        "one source of truth: Assessment::blank()"
    );
    let listed = library::load_paths(&[common::SHIPPED.into()]);
    assert!(listed.iter().all(|f| !f.path.ends_with("blank.aijri.json")));
}

/// The roles of a generated library: distinct titles, titles that repeat with another seniority
/// (Court Clerk, Graphic Designer), one that repeats with the same seniority (the two senior
/// Graphic Designers, told apart by their files' names) and one long title.
const GENERATED: [(&str, &str); 20] = [
    ("Call Centre Agent", "Junior (0-2 years)"),
    ("Court Clerk", "Junior (0-2 years)"),
    ("Court Clerk", "Senior (7+ years)"),
    ("Court Clerk", "Mid-Level (3-5 years)"),
    ("Graphic Designer", "Junior (0-2 years)"),
    ("Graphic Designer", "Senior (7+ years)"),
    ("Graphic Designer", "Senior (7+ years)"),
    ("Registered Nurse", "Mid-Level (3-5 years)"),
    (
        "Principal Distributed Systems Reliability Engineer",
        "Principal (12+ years)",
    ),
    ("Paralegal", "Junior (0-2 years)"),
    ("Data Analyst", "Mid-Level (3-5 years)"),
    ("Electrician", "Journeyman"),
    ("Primary School Teacher", "Mid-Level (3-5 years)"),
    ("Translator", "Senior (7+ years)"),
    ("Accounts Payable Clerk", "Junior (0-2 years)"),
    ("UX Researcher", "Mid-Level (3-5 years)"),
    ("Pharmacist", "Senior (7+ years)"),
    ("Insurance Underwriter", "Mid-Level (3-5 years)"),
    ("Plumber", "Mid-Level (3-5 years)"),
    ("Social Worker", "Senior (7+ years)"),
];

/// A library of the first `count` generated roles, their files named in order: scores spread
/// over the three zones by their tasks, evidence and growth, one with an override (the 10th),
/// one whose task time is 90% (the 13th, provisional).
fn generated_library(count: usize) -> tempfile::TempDir {
    let (_, base) = shipped("backend-api-developer.aijri.json");
    let dir = tempfile::tempdir().unwrap();
    for (i, (title, seniority)) in GENERATED.iter().take(count).enumerate() {
        let mut a = base.clone();
        a.role.title = (*title).to_owned();
        a.role.seniority = (*seniority).to_owned();
        a.meta.id = format!("generated-{i:02}");
        a.published = None;
        a.commentary.where_to_look_next.clear();
        // From 1 (most resistant) to 4 (least), in an order that mixes the zones.
        let level = i64::try_from(1 + (i * 3) % 4).unwrap();
        for (j, task) in a.tasks.iter_mut().enumerate() {
            task.score = (level + i64::try_from(j % 2).unwrap()).min(5);
            task.impact = Impact::ALL[(i + j) % 3];
        }
        let outlook = Some((2 - level).max(-2));
        a.growth.score = outlook;
        for item in [
            &mut a.evidence.job_posting_trends,
            &mut a.evidence.company_actions,
            &mut a.evidence.wage_trends,
            &mut a.evidence.ai_tool_maturity,
            &mut a.evidence.expert_consensus,
        ] {
            item.score = outlook;
        }
        if i == 9 {
            a.override_result = Some(Override {
                score: Some(62.0),
                zone: None,
                reason: "regional demand holds up".to_owned(),
                extra: serde_json::Map::new(),
            });
        }
        if i == 12 {
            a.tasks[0].time_pct -= 10.0;
        }
        let slug: String = title
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        library::save_atomic(&dir.path().join(format!("{i:02}-{slug}.aijri.json")), &a).unwrap();
    }
    dir
}

/// Ticks every role of the library in the order of its files' names and opens Compare.
fn compare_all_in_file_order(harness: &mut Harness<'_, AijriApp>) {
    let mut entries: Vec<(String, aijri_desk::app::store::DocId)> = harness
        .state()
        .state
        .store
        .entries()
        .iter()
        .map(|e| (e.file_name(), e.id))
        .collect();
    entries.sort();
    for (_, id) in entries {
        harness.state_mut().apply(Action::SetCompared(id, true));
    }
    click(harness, "Compare");
}

/// Every text shape the painter emitted with a clip inside `area`, with where it was drawn.
fn texts_drawn(harness: &Harness<'_, AijriApp>, area: egui::Rect) -> Vec<(String, egui::Rect)> {
    fn collect(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => {
                out.push((text.galley.text().to_owned(), text.visual_bounding_rect()))
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        if area.contains_rect(clipped.clip_rect) {
            collect(&clipped.shape, &mut texts);
        }
    }
    texts
}

#[test]
fn no_two_texts_of_the_score_chart_overlap_at_20_roles_and_every_role_is_named_in_full() {
    let folder = generated_library(20);
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    compare_all_in_file_order(&mut harness);
    assert!(shows(&harness, "Comparing 20 ticked roles."));
    let chart = harness.get_by_label_contains("Score chart: ").rect();
    // The chart's painter clips to (a little more than) its area; nothing else does.
    let texts: Vec<(String, egui::Rect)> = texts_drawn(&harness, chart.expand(3.0))
        .into_iter()
        .filter(|(text, _)| !text.trim().is_empty())
        .collect();
    for (i, (a, a_rect)) in texts.iter().enumerate() {
        for (b, b_rect) in &texts[i + 1..] {
            let overlap = a_rect.intersect(*b_rect);
            assert!(
                overlap.width() <= 0.5 || overlap.height() <= 0.5,
                "“{a}” {a_rect:?} and “{b}” {b_rect:?} overlap"
            );
        }
    }
    let words: Vec<&str> = texts
        .iter()
        .flat_map(|(t, _)| t.split_whitespace())
        .collect();
    for (title, seniority) in GENERATED {
        for word in title.split_whitespace().chain(seniority.split_whitespace()) {
            assert!(
                words.contains(&word),
                "“{word}” of {title} is drawn in full"
            );
        }
    }
    let bars = texts
        .iter()
        .filter(|(t, _)| {
            t.ends_with(" Red")
                || t.ends_with(" Yellow")
                || t.ends_with(" Green")
                || t.contains("(override")
                || t.contains("(provisional")
        })
        .count();
    assert_eq!(bars, 20, "a label at every bar: {texts:?}");
}

#[test]
fn repeated_titles_are_told_apart_by_seniority_and_file_name_to_a_screen_reader() {
    let folder = generated_library(8);
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    compare_all_in_file_order(&mut harness);
    let chart = score_chart(&harness);
    for part in [
        "Court Clerk (Junior (0-2 years)) ",
        "Court Clerk (Senior (7+ years)) ",
        "Graphic Designer (Senior (7+ years), 05-graphic-designer.aijri.json) ",
        "Graphic Designer (Senior (7+ years), 06-graphic-designer.aijri.json) ",
        "; Registered Nurse ",
    ] {
        assert!(chart.contains(part), "{part} in {chart}");
    }
    let row = "Graphic Designer, Senior (7+ years) · 06-graphic-designer.aijri.json: ";
    harness.get_by_label_contains(row).hover();
    harness.run_steps(60);
    assert!(
        harness
            .query_by_label_contains(
                "Graphic Designer\nSenior (7+ years) · 06-graphic-designer.aijri.json\nFinal score"
            )
            .is_some(),
        "the row of the chart names its file, and so does its hover text"
    );

    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    click(&mut harness, "Roles as rows");
    let twin = "Graphic Designer (Senior (7+ years), 06-graphic-designer.aijri.json)";
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::RowHeader, twin)
            .is_some(),
        "the table names the role by its file"
    );
    assert!(
        harness
            .query_by_label_contains(&format!("Final score, {twin}: "))
            .is_some()
    );
}

/// Turns the mouse wheel by `delta` points over `at`, as a user scrolls.
fn wheel(harness: &mut Harness<'_, AijriApp>, at: egui::Pos2, delta: egui::Vec2) {
    harness.hover_at(at);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::default(),
    });
    harness.run();
}

#[test]
fn the_table_keeps_its_row_and_column_names_in_view_and_can_be_turned() {
    use egui::accesskit::Role;
    let folder = generated_library(20);
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    compare_all_in_file_order(&mut harness);
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    // Sideways to the last role: the figures' names stay at the left.
    let first = harness
        .get_by_label_contains("Final score, Call Centre Agent: ")
        .rect();
    wheel(&mut harness, first.center(), egui::vec2(-10_000.0, 0.0));
    let cell = harness
        .get_by_label_contains("Final score, Social Worker: ")
        .rect();
    let row = harness
        .get_by_role_and_label(Role::RowHeader, "Final score")
        .rect();
    assert!(row.right() <= cell.left() + 0.5 && row.y_range().contains(cell.center().y));
    assert!(
        (row.left() - first.left()).abs() > 100.0 || row.right() <= first.left() + 0.5,
        "the figures' names stay at the left: {row:?}, first cell was {first:?}"
    );
    assert!(
        harness
            .query_by_label_contains("Final score, Call Centre Agent: ")
            .is_none(),
        "the first role's column scrolled away"
    );

    // Turned, and down to the last role: the figures' names stay at the top.
    click(&mut harness, "Roles as rows");
    assert!(harness.state().views.compare.roles_as_rows);
    let top_of_view = harness
        .get_by_label("Comparing 20 ticked roles.")
        .rect()
        .bottom();
    let column = harness
        .get_by_role_and_label(Role::ColumnHeader, "Final zone")
        .rect();
    wheel(&mut harness, column.center(), egui::vec2(0.0, -10_000.0));
    let cell = harness
        .get_by_label("Final zone, Social Worker: YELLOW")
        .rect();
    let column = harness
        .get_by_role_and_label(Role::ColumnHeader, "Final zone")
        .rect();
    let heading = harness.get_by_label("Every figure side by side").rect();
    assert!(
        heading.bottom() <= top_of_view && column.top() >= top_of_view - 0.5,
        "the table's top scrolled away ({heading:?}), its header row stays ({column:?})"
    );
    assert!(column.bottom() <= cell.top() + 0.5 && column.x_range().contains(cell.center().x));
    assert!(
        harness
            .query_by_role_and_label(Role::RowHeader, "Call Centre Agent")
            .is_none(),
        "the first role's row scrolled away"
    );
    click(&mut harness, "Editor");
    click(&mut harness, "Compare");
    assert!(
        harness.state().views.compare.roles_as_rows,
        "the view remembers the table turned"
    );
}

/// A snapshot of Compare with the first `count` generated roles, the window tall enough to show
/// every section.
fn snapshot_generated(count: usize, theme: egui::Theme, name: &str) {
    let folder = generated_library(count);
    let height = [(3, 1650.0), (8, 2200.0), (20, 3550.0)]
        .iter()
        .find(|(n, _)| *n >= count)
        .map_or(3550.0, |(_, h)| *h);
    let picker = ScriptedPicker::default();
    let Some(mut harness) =
        rendering_harness_at(folder.path(), theme, &picker, [common::WINDOW[0], height])
    else {
        return;
    };
    compare_all_in_file_order(&mut harness);
    harness.snapshot(name);
}

#[test]
fn compare_3_generated_roles_light() {
    snapshot_generated(3, egui::Theme::Light, "compare_3_light");
}

#[test]
fn compare_3_generated_roles_dark() {
    snapshot_generated(3, egui::Theme::Dark, "compare_3_dark");
}

#[test]
fn compare_8_generated_roles_light() {
    snapshot_generated(8, egui::Theme::Light, "compare_8_light");
}

#[test]
fn compare_8_generated_roles_dark() {
    snapshot_generated(8, egui::Theme::Dark, "compare_8_dark");
}

#[test]
fn compare_20_generated_roles_light() {
    snapshot_generated(20, egui::Theme::Light, "compare_20_light");
}

#[test]
fn compare_20_generated_roles_dark() {
    snapshot_generated(20, egui::Theme::Dark, "compare_20_dark");
}

#[test]
fn compare_table_of_12_roles_turned_dark() {
    let folder = generated_library(12);
    let Some(mut harness) = rendering_harness(folder.path(), egui::Theme::Dark) else {
        return;
    };
    compare_all_in_file_order(&mut harness);
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    click(&mut harness, "Roles as rows");
    harness.snapshot("compare_table_12_turned_dark");
}
