//! Framework variants in the window: a library folder's framework files score the roles that
//! name them; the Framework menu views every role under one framework; an opened framework file
//! re-scores every role.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

mod common;

use std::path::Path;

use aijri_desk::app::picker::ScriptedPicker;
use common::{click, click_menu_entry, harness, library_copy, shows};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The example variant shipped with the program: evidence counted 0.06 per point.
const VARIANT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/framework/examples/evidence-0.06.aijri-framework.json"
);

/// A change to a framework's JSON.
type Edit = fn(&mut serde_json::Value);

/// Makes the Backend/API Developer of a library name the example variant.
fn name_the_variant(folder: &Path) {
    name_framework(folder, "evidence-0-06");
}

/// Makes the Backend/API Developer of a library name the framework `id`.
fn name_framework(folder: &Path, id: &str) {
    let path = folder.join("backend-api-developer.aijri.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    json["framework"] = id.into();
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn a_role_naming_the_folders_variant_is_scored_under_it_and_the_menu_switches() {
    let folder = library_copy();
    std::fs::copy(
        VARIANT,
        folder.path().join("evidence-0.06.aijri-framework.json"),
    )
    .unwrap();
    name_the_variant(folder.path());
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Backend/API Developer");
    // (3.05 × 0.76 × 1.02 × 0.95 − 0.36) / 10.2 × 100 = 18.49 → 18.5, Red.
    assert!(
        shows(&harness, "Current score 18.5"),
        "under the variant it names"
    );
    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "AIJRI, as published (aijri-published-v1)");
    assert!(
        shows(&harness, "Current score 24.5"),
        "every role under the published one"
    );
    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "Each role under the framework it names");
    assert!(shows(&harness, "Current score 18.5"));
}

#[test]
fn an_opened_framework_file_rescores_every_role() {
    let folder = library_copy();
    let picker = ScriptedPicker::default();
    let mut harness = harness(folder.path(), &picker);
    click(&mut harness, "Backend/API Developer");
    assert!(shows(&harness, "Current score 24.5"));
    picker.answer(vec![VARIANT.into()]);
    click(&mut harness, "Framework");
    click_menu_entry(&mut harness, "Open framework file…");
    assert!(
        shows(&harness, "Current score 18.5"),
        "re-scored under the variant"
    );
    assert!(
        harness.state().state.notices.iter().any(|n| n
            .text
            .contains("Every role is now scored under “Evidence counted 0.06 per point”")),
        "a notice says so"
    );
}

#[test]
fn a_broken_framework_file_is_refused_naming_the_file_and_field() {
    let folder = library_copy();
    let broken = folder.path().join("broken.aijri-framework.json");
    let text = std::fs::read_to_string(VARIANT).unwrap().replacen(
        "\"id\": \"evidence-0-06\"",
        "\"id\": \"broken\"",
        1,
    );
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["normalisation"]["scale"] = 0.into();
    std::fs::write(&broken, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let harness = harness(folder.path(), &ScriptedPicker::default());
    let notices = &harness.state().state.notices;
    assert!(
        notices.iter().any(|n| n.is_error
            && n.text.contains("broken.aijri-framework.json")
            && n.text.contains("normalisation.scale")),
        "{notices:?}"
    );
}

#[test]
fn a_framework_beyond_the_bounds_in_the_folder_is_refused_and_the_tabs_still_draw() {
    let wide: [(Edit, &str); 2] = [
        (
            |j| j["principles"][0]["max"] = 2_000_000_000.into(),
            "principles.embodied_physicality.max",
        ),
        (
            |j| {
                j["task_score"]["min"] = 1.into();
                j["task_score"]["max"] = 1_000_000_000.into();
            },
            "task_score.max",
        ),
    ];
    for (edit, field) in wide {
        let folder = library_copy();
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(VARIANT).unwrap()).unwrap();
        json["id"] = "wide-range".into();
        edit(&mut json);
        let file = folder.path().join("wide.aijri-framework.json");
        std::fs::write(&file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
        name_framework(folder.path(), "wide-range");
        let mut harness = harness(folder.path(), &ScriptedPicker::default());
        let notices = &harness.state().state.notices;
        assert!(
            notices.iter().any(|n| n.is_error
                && n.text.contains("wide.aijri-framework.json")
                && n.text.contains(field)),
            "{field}: {notices:?}"
        );
        click(&mut harness, "Backend/API Developer");
        // Scored under the published framework instead, with its warning.
        assert!(shows(&harness, "Current score 24.5"), "{field}");
        for tab in ["Protective & growth", "Tasks"] {
            click(&mut harness, tab);
        }
        assert!(shows(&harness, "Current score 24.5"), "{field}");
    }
}

#[test]
fn a_new_variant_edited_in_the_editor_rescores_every_role_at_once() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Backend/API Developer");
    click(&mut harness, "Framework editor");
    assert!(shows(
        &harness,
        "Framework: AIJRI, as published (aijri-published-v1)"
    ));
    click(&mut harness, "New variant of this framework");
    assert!(shows(
        &harness,
        "Framework: AIJRI, as published (variant) (aijri-published-v1-variant)"
    ));
    assert!(
        shows(&harness, "Current score 24.5"),
        "a copy scores the same"
    );
    // Derived over the full ranges: (2.4826 − 0.54) / 8.70 × 100 = 22.3.
    click(&mut harness, "Derive the normalisation from the weights");
    assert!(shows(&harness, "Current score 22.3"), "re-scored at once");
    click(&mut harness, "Junior Backend Developer");
    assert!(
        !shows(&harness, "Current score 11.3"),
        "every role is scored under the edited variant"
    );
    // A weight typed into the editor reaches the app as an edited framework.
    let mut edited = harness
        .state()
        .state
        .frameworks
        .get("aijri-published-v1-variant")
        .unwrap()
        .clone();
    edited.modifiers.evidence_per_point = 0.06;
    edited.normalisation = edited.derived_normalisation();
    harness
        .state_mut()
        .apply(aijri_desk::app::Action::EditFramework(Box::new(edited)));
    harness.run();
    click(&mut harness, "Backend/API Developer");
    // As the example variant: (3.05 × 0.76 × 1.02 × 0.95 − 0.36) / 10.2 × 100 = 18.5.
    assert!(
        shows(&harness, "Current score 18.5"),
        "the weight moved the score"
    );
}

#[test]
fn compare_also_shows_every_role_under_a_second_framework() {
    let folder = library_copy();
    std::fs::copy(
        VARIANT,
        folder.path().join("evidence-0.06.aijri-framework.json"),
    )
    .unwrap();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    click(&mut harness, "Compare Backend/API Developer");
    click(&mut harness, "Compare Senior Backend Engineer");
    click(&mut harness, "Compare");
    click(&mut harness, "Also show under:");
    click(
        &mut harness,
        "Evidence counted 0.06 per point (evidence-0-06)",
    );
    harness
        .get_by_label("Every figure side by side")
        .scroll_to_me();
    harness.run();
    let under = "Final score under Evidence counted 0.06 per point";
    assert!(
        shows(&harness, "Final score, Backend/API Developer: 24.5"),
        "its own framework"
    );
    assert!(shows(
        &harness,
        &format!("{under}, Backend/API Developer: 18.5")
    ));
    assert!(shows(
        &harness,
        &format!("{under}, Senior Backend Engineer: 44.5 (best)")
    ));
    assert!(
        shows(
            &harness,
            "Final zone under Evidence counted 0.06 per point, Senior Backend Engineer: YELLOW (best)"
        ) || harness
            .query_all_by_label_contains(
                "Final zone under Evidence counted 0.06 per point, Senior Backend Engineer: YELLOW"
            )
            .next()
            .is_some()
    );
}

#[test]
fn the_published_framework_shows_every_part_clamp_rule_and_quick_screen_read_only() {
    let folder = library_copy();
    let mut harness = harness(folder.path(), &ScriptedPicker::default());
    harness.state_mut().apply(aijri_desk::app::Action::SetView(
        aijri_desk::app::View::Framework,
    ));
    harness.run();
    let published = aijri_desk::framework::Framework::published();
    // The constants the variant editor offers, each shown and none editable.
    for label in [
        "Clamp: lowest score",
        "Clamp: highest score",
        "Imminent from time share %",
        "Transforming from time share %",
        "Quick screen: protective total up to",
        "Quick screen: growth up to",
    ] {
        let nodes: Vec<_> = harness.query_all_by_label(label).collect();
        assert!(!nodes.is_empty(), "{label} is shown");
        assert!(
            nodes.iter().all(|n| n.accesskit_node().is_disabled()),
            "{label} is read-only"
        );
    }
    // Every part with its range and the meaning of each score.
    for factor in published
        .principles
        .iter()
        .chain([&published.growth, &published.task_score])
        .chain(&published.evidence)
        .chain(&published.barriers)
    {
        let range = format!("Range of `{}`: {}", factor.key, factor.range_text());
        assert!(shows(&harness, &range), "{range}");
        let top = format!("`{}` at {}", factor.key, factor.show_score(factor.max));
        let level = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, &top);
        assert_eq!(
            level.accesskit_node().value().as_deref(),
            factor.levels.last().map(String::as_str),
            "{top}"
        );
        assert!(level.accesskit_node().is_disabled());
    }
}

#[test]
fn the_automation_scale_is_written_from_the_framework_in_use() {
    let mut framework = aijri_desk::framework::Framework::published().clone();
    assert_eq!(
        aijri_desk::app::widgets::score_scale(&framework.task_score),
        "1 = irreducibly human … 5 = fully automatable by an AI agent"
    );
    framework.task_score.min = 0;
    framework.task_score.max = 6;
    framework.task_score.levels = [
        "Untouched by AI",
        "Irreducibly human",
        "b",
        "c",
        "d",
        "e",
        "Fully automatable",
    ]
    .map(str::to_owned)
    .to_vec();
    assert_eq!(
        aijri_desk::app::widgets::score_scale(&framework.task_score),
        "0 = untouched by AI … 6 = fully automatable"
    );
}
