//! The Pathways view driven through egui_kittest on the shipped library (and on it with a role
//! titled "Senior Software Engineer" added): the chart's rows named with their live or published
//! scores and changes, *Compare these*, linking an option through the edit door and undoing it,
//! the roles that lead here, the library's links, the states without a role or options, and
//! snapshots in both themes.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers panic on a failed expectation, as tests do"
)]

mod common;

use std::path::Path;

use aijri_desk::app::picker::ScriptedPicker;
use aijri_desk::app::unsaved::WorkId;
use aijri_desk::app::{Action, AijriApp, View};
use common::{click, harness, library_copy, rendering_harness, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const BACKEND: &str = "Backend/API Developer";

/// Edits an assessment file of `folder` as JSON.
fn edit_file(folder: &Path, name: &str, change: impl FnOnce(&mut serde_json::Value)) {
    let path = folder.join(name);
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    change(&mut json);
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

/// The shipped library and a "Senior Software Engineer": the Senior Backend Engineer retitled,
/// so it scores 51.0 Green.
fn library_with_senior_software_engineer() -> tempfile::TempDir {
    let folder = library_copy();
    let from = folder.path().join("senior-backend-engineer.aijri.json");
    let to = "senior-software-engineer.aijri.json";
    std::fs::copy(from, folder.path().join(to)).unwrap();
    edit_file(folder.path(), to, |json| {
        json["role"]["title"] = "Senior Software Engineer".into();
        json["meta"]["id"] = "senior-software-engineer".into();
    });
    folder
}

/// The app on `folder` with the Backend/API Developer selected and the Pathways view shown.
fn pathways_of_backend(folder: &Path) -> Harness<'static, AijriApp> {
    let mut harness = harness(folder, &ScriptedPicker::default());
    click(&mut harness, BACKEND);
    click(&mut harness, "Pathways");
    assert_eq!(harness.state().state.view, View::Pathways);
    harness
}

/// The entry at `position` under "where to look next" of the selected role: its link.
fn link_of(harness: &Harness<'_, AijriApp>, position: usize) -> Option<String> {
    let doc = common::selected(harness);
    doc.assessment().commentary.where_to_look_next[position]
        .id
        .clone()
}

#[test]
fn the_chart_names_each_option_with_its_live_or_published_score_and_change() {
    let folder = library_with_senior_software_engineer();
    let harness = pathways_of_backend(folder.path());
    for row in [
        "Backend/API Developer: 24.5 Red",
        "Senior Software Engineer: 51.0 Green, +26.5 from Backend/API Developer",
        "DevSecOps Engineer: 58.2 Green (published), +33.7 from Backend/API Developer",
        "Security Software Developer: 51.5 Green (published), +27.0 from Backend/API Developer",
    ] {
        assert!(shows(&harness, row), "no chart row named {row}");
    }
    let chart = harness.get_by_label_contains("Pathways chart of ");
    assert!(
        chart
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .contains("Senior Software Engineer: 51.0 Green"),
        "the chart's description names the options"
    );
    // The table: the library's live score and zone beside the published figure, which differs.
    assert!(shows(&harness, "51.0 Green (published 55.4)"));
    assert!(shows(&harness, "+26.5"));
    // Of the 9 links of the four roles (the Senior Software Engineer's own entry naming itself is
    // none), 4 resolve; the DevSecOps Engineer is named by every role and missing.
    assert!(shows(
        &harness,
        "4 of 9 links resolve to a role of the library."
    ));
    assert!(
        harness
            .query_all_by_label_contains("• DevSecOps Engineer — named by ")
            .next()
            .is_some()
    );
}

#[test]
fn open_selects_the_library_role_and_the_roles_that_lead_here_are_listed() {
    let folder = library_with_senior_software_engineer();
    let mut harness = pathways_of_backend(folder.path());
    // The Junior Backend Developer names the Backend/API Developer (mid-level).
    let lead = "Open Junior Backend Developer (Junior (0-2 years)), which leads here";
    assert!(shows(&harness, lead));
    let open = harness.get_by_label("Open Senior Software Engineer").rect();
    assert!(
        open.right() <= common::WINDOW[0],
        "the table fits the window: {open:?}"
    );
    click(&mut harness, "Open Senior Software Engineer");
    let doc = common::selected(&harness);
    assert_eq!(doc.assessment().role.title, "Senior Software Engineer");
    assert_eq!(harness.state().state.view, View::Pathways);
    assert!(shows(
        &harness,
        "Open Backend/API Developer (Mid-Level (3-5 years)), which leads here"
    ));
    click(
        &mut harness,
        "Open Junior Backend Developer (Junior (0-2 years)), which leads here",
    );
    let doc = common::selected(&harness);
    assert_eq!(doc.assessment().role.title, "Junior Backend Developer");
}

#[test]
fn compare_these_ticks_the_role_and_its_matched_options_and_undo_takes_it_back() {
    let folder = library_with_senior_software_engineer();
    let mut harness = pathways_of_backend(folder.path());
    click(&mut harness, "Compare these");
    let state = &harness.state().state;
    assert_eq!(state.view, View::Compare);
    let titles: Vec<String> = state
        .store
        .compared()
        .into_iter()
        .map(|id| state.store.doc(id).unwrap().assessment().role.title.clone())
        .collect();
    assert_eq!(titles, [BACKEND, "Senior Software Engineer"]);
    assert_eq!(state.comparison.content().roles, state.store.compared());
    harness.state_mut().emit(Action::Undo(WorkId::Comparison));
    harness.run();
    assert!(harness.state().state.store.compared().is_empty());
}

#[test]
fn linking_an_option_goes_through_the_edit_door_and_undo_takes_it_back() {
    let folder = library_copy();
    let mut harness = pathways_of_backend(folder.path());
    let devsecops = "DevSecOps Engineer: 58.2 Green (published), +33.7 from Backend/API Developer";
    assert!(shows(&harness, devsecops));
    assert_eq!(link_of(&harness, 1), None);

    click(&mut harness, "Link DevSecOps Engineer to a library role");
    click(&mut harness, "Senior Backend Engineer (Senior (7+ years))");
    assert_eq!(
        link_of(&harness, 1).as_deref(),
        Some("senior-backend-engineer-illustrative")
    );
    assert!(
        common::selected(&harness).is_dirty(),
        "the unsaved marker follows"
    );
    assert!(shows(
        &harness,
        "DevSecOps Engineer: 51.0 Green, +26.5 from Backend/API Developer"
    ));
    assert!(shows(&harness, "Unlink DevSecOps Engineer"));

    let work = harness.state().state.focused_work().unwrap();
    harness.state_mut().emit(Action::Undo(work));
    harness.run();
    assert_eq!(link_of(&harness, 1), None);
    assert!(!common::selected(&harness).is_dirty());
    assert!(shows(&harness, devsecops));
}

#[test]
fn without_a_role_or_without_options_the_view_says_so() {
    let empty = tempfile::tempdir().unwrap();
    let mut harness = harness(empty.path(), &ScriptedPicker::default());
    click(&mut harness, "Pathways");
    assert!(shows(
        &harness,
        "No role selected: select a role in the list to see where it leads."
    ));
    assert!(shows(
        &harness,
        "0 of 0 links resolve to a role of the library."
    ));

    let folder = library_copy();
    edit_file(folder.path(), "backend-api-developer.aijri.json", |json| {
        json["commentary"]["where_to_look_next"] = serde_json::json!([]);
    });
    let harness = pathways_of_backend(folder.path());
    assert!(shows(
        &harness,
        "Backend/API Developer names no roles under “where to look next”: add them in the editor's Commentary tab."
    ));
    assert!(
        harness
            .query_all_by_label_contains("Pathways chart of ")
            .next()
            .is_none()
    );
}

fn snapshot(theme: egui::Theme, name: &str) {
    let folder = library_with_senior_software_engineer();
    let Some(mut harness) = rendering_harness(folder.path(), theme) else {
        return;
    };
    click(&mut harness, BACKEND);
    click(&mut harness, "Pathways");
    harness.snapshot(name);
}

#[test]
fn pathways_view_snapshot_light() {
    snapshot(egui::Theme::Light, "pathways_light");
}

#[test]
fn pathways_view_snapshot_dark() {
    snapshot(egui::Theme::Dark, "pathways_dark");
}

#[test]
fn the_pathways_chart_exports_as_a_png_of_its_bars() {
    let folder = library_with_senior_software_engineer();
    let picker = ScriptedPicker::default();
    let Some(mut harness) =
        common::rendering_harness_with_picker(folder.path(), egui::Theme::Light, &picker)
    else {
        eprintln!("PNG export test skipped: the screenshot needs a wgpu adapter");
        return;
    };
    click(&mut harness, BACKEND);
    click(&mut harness, "Pathways");
    let image = common::export_chart(&mut harness, &picker);
    assert!(
        image.width() > 600 && image.height() > 150 && image.height() < 500,
        "cropped to the chart: {}×{}",
        image.width(),
        image.height()
    );
    let has = |rgb: [u8; 3]| image.pixels().any(|p| p.0[..3] == rgb);
    assert!(
        has([0xD5, 0x5E, 0x00]),
        "the role's Red bar is in the picture"
    );
    assert!(
        has([0x00, 0x9E, 0x73]),
        "the option's Green bar is in the picture"
    );
    assert_eq!(harness.state().state.view, View::Pathways);
}

/// The view keeps its work on the library while nothing changes, and redoes it after any edit:
/// when the Junior Backend Developer stops naming this role under "where to look next" (an edit
/// no list shows), it is no longer among the roles that lead here.
#[test]
fn a_role_that_stops_naming_this_one_no_longer_leads_here() {
    let folder = library_copy();
    let mut harness = pathways_of_backend(folder.path());
    let junior_leads = "Junior Backend Developer (Junior (0-2 years)): 11.3 Red";
    assert!(shows(&harness, junior_leads), "the junior role leads here");
    let store = &harness.state().state.store;
    let junior = store
        .entries()
        .iter()
        .find(|e| {
            e.doc()
                .is_some_and(|d| d.assessment().role.title == "Junior Backend Developer")
        })
        .unwrap()
        .id;
    let mut changed = store.doc(junior).unwrap().assessment().clone();
    changed
        .commentary
        .where_to_look_next
        .retain(|r| !r.title.starts_with("Backend/API Developer"));
    harness.state_mut().apply(Action::Edit(
        junior,
        aijri_desk::app::store::Edit::Fields(Box::new(changed)),
    ));
    harness.run();
    assert!(
        !shows(&harness, junior_leads),
        "the junior role no longer leads here"
    );
}
