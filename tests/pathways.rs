//! Where to look next: each related role resolved in a library (by id, by title whatever its case,
//! spacing and punctuation, seniority breaking ties, no match), the figures an adviser reads
//! (the library's score beside the published one, the change from the role), the roles that lead
//! to a role, a library's summary, and the optional `id` of a related role in the file.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use aijri_desk::framework::Framework;
use aijri_desk::library;
use aijri_desk::model::{Assessment, RelatedRole, Zone};
use aijri_desk::pathways::{
    Lead, Library, LibraryRole, MatchedBy, MissingRole, OptionFigures, leading_to, summary,
};
use aijri_desk::scoring::{self, FinalResult};

/// A role with a title, a seniority and an id, naming `options` under "where to look next".
fn role(title: &str, seniority: &str, id: &str, options: &[RelatedRole]) -> Assessment {
    let mut a = Assessment::blank();
    a.role.title = title.to_owned();
    a.role.seniority = seniority.to_owned();
    a.meta.id = id.to_owned();
    a.commentary.where_to_look_next = options.to_vec();
    a
}

/// An entry under "where to look next".
fn related(title: &str, aijri: Option<f64>) -> RelatedRole {
    RelatedRole {
        title: title.to_owned(),
        aijri,
        note: format!("why {title}"),
        ..RelatedRole::default()
    }
}

/// The entry, linked to the library role with `id`.
fn linked(title: &str, id: &str) -> RelatedRole {
    RelatedRole {
        id: Some(id.to_owned()),
        ..related(title, Some(55.4))
    }
}

fn result(score: f64) -> Option<FinalResult> {
    Some(FinalResult {
        score,
        zone: scoring::zone_of(score, Framework::published()),
        overridden: false,
    })
}

/// `count` file names for a library made in memory.
fn library_files(count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| PathBuf::from(format!("lib/role-{i}.aijri.json")))
        .collect()
}

fn library_roles<'a>(
    files: &'a [PathBuf],
    assessments: &'a [Assessment],
    scores: &[f64],
) -> Vec<LibraryRole<'a>> {
    files
        .iter()
        .zip(assessments)
        .zip(scores)
        .map(|((file, assessment), &score)| LibraryRole {
            file,
            assessment,
            result: result(score),
        })
        .collect()
}

/// The index of the library role the entry `title` of a role at `seniority` resolves to.
fn resolved(library: &Library<'_>, seniority: &str, title: &str) -> Option<usize> {
    let client = role(
        "Client's role",
        seniority,
        "client",
        &[related(title, None)],
    );
    let pathway = library.pathway(&client, result(24.5), None);
    pathway.options[0].matched.as_ref().map(|m| m.index)
}

#[test]
fn a_title_matches_whatever_its_case_spacing_and_punctuation() {
    let assessments = [
        role("Senior Software Engineer", "", "sse", &[]),
        role(
            "Backend/API Developer",
            "Mid-Level (3-5 years)",
            "backend",
            &[],
        ),
        role("DevSecOps Engineer", "", "devsecops", &[]),
    ];
    let files = library_files(3);
    let roles = library_roles(&files, &assessments, &[61.2, 24.5, 58.0]);
    let library = Library::new(&roles);
    for title in [
        "Senior Software Engineer",
        "senior software engineer",
        "SENIOR  Software\tEngineer",
        "Senior Software-Engineer.",
        " Senior, Software Engineer ",
    ] {
        assert_eq!(resolved(&library, "", title), Some(0), "{title:?}");
    }
    for title in [
        "Backend/API Developer",
        "backend api developer",
        "Backend-API-Developer (mid-level)",
        "Backend/API Developer (Mid-Level (3-5 years))",
        "Mid-level Backend/API developer",
    ] {
        assert_eq!(resolved(&library, "", title), Some(1), "{title:?}");
    }
    assert_eq!(resolved(&library, "", "Dev Sec Ops Engineer"), Some(2));
}

#[test]
fn a_title_the_library_lacks_resolves_to_nothing_and_shows_the_published_figure() {
    let assessments = [role("Senior Software Engineer", "", "sse", &[])];
    let files = library_files(1);
    let roles = library_roles(&files, &assessments, &[61.2]);
    let library = Library::new(&roles);
    for title in [
        "Security Software Developer",
        "Software Engineer Manager",
        "Senior Software",
        "",
    ] {
        assert_eq!(resolved(&library, "", title), None, "{title:?}");
    }
    let client = role(
        "Backend/API Developer",
        "Mid-Level (3-5 years)",
        "b",
        &[related("DevSecOps Engineer", Some(58.2))],
    );
    let option = &library.pathway(&client, result(24.5), None).options[0];
    assert_eq!(option.matched, None);
    assert!(!option.stale_link);
    assert_eq!(option.figures, OptionFigures::unmatched(option.related));
    assert_eq!(option.figures.score(), Some(58.2));
    assert!(!option.figures.differs());
    assert_eq!(option.change, Some(33.7));
    assert_eq!(
        option.figures.text(Framework::published()),
        "58.2 Green (published)"
    );
}

#[test]
fn seniority_breaks_ties_between_roles_of_one_title() {
    let assessments = [
        role("Software Engineer", "Mid-Level (3-5 years)", "se-mid", &[]),
        role("Software Engineer", "Senior (5+ years)", "se-senior", &[]),
        role("Software Engineer", "Junior (0-2 years)", "se-junior", &[]),
        role("Software Engineer", "", "se-any", &[]),
    ];
    let files = library_files(4);
    let roles = library_roles(&files, &assessments, &[40.0, 50.0, 30.0, 45.0]);
    let library = Library::new(&roles);
    // The level the entry names.
    assert_eq!(resolved(&library, "", "Senior Software Engineer"), Some(1));
    assert_eq!(
        resolved(&library, "", "Software Engineer (senior)"),
        Some(1)
    );
    assert_eq!(resolved(&library, "", "Jr. Software Engineer"), Some(2));
    assert_eq!(
        resolved(&library, "", "Entry-level Software Engineer"),
        Some(2)
    );
    assert_eq!(
        resolved(&library, "", "Software Engineer (mid-level)"),
        Some(0)
    );
    // A level the library has only without a seniority: the role naming none.
    assert_eq!(resolved(&library, "", "Lead Software Engineer"), Some(3));
    // No level named: the client's own level (a sideways move), else the role naming none.
    assert_eq!(
        resolved(&library, "Senior (7+ years)", "Software Engineer"),
        Some(1)
    );
    assert_eq!(
        resolved(&library, "Junior (0-2 years)", "Software Engineer"),
        Some(2)
    );
    assert_eq!(
        resolved(&library, "Principal", "Software Engineer"),
        Some(3)
    );
    assert_eq!(resolved(&library, "", "Software Engineer"), Some(3));

    // Without the role that names no level, another named level never matches.
    let files = files_named(&["a", "b"]);
    let two = [assessments[0].clone(), assessments[1].clone()];
    let roles = library_roles(&files, &two, &[40.0, 50.0]);
    let library = Library::new(&roles);
    assert_eq!(resolved(&library, "", "Lead Software Engineer"), None);
    assert_eq!(resolved(&library, "", "Junior Software Engineer"), None);
    // No level named, none like the client's: the first in the library's order.
    assert_eq!(resolved(&library, "Junior", "Software Engineer"), Some(0));
}

fn files_named(names: &[&str]) -> Vec<PathBuf> {
    names
        .iter()
        .map(|n| PathBuf::from(format!("lib/{n}.aijri.json")))
        .collect()
}

#[test]
fn a_title_written_the_same_wins_and_the_others_are_kept_as_alternatives() {
    let assessments = [
        role("Software Engineer", "Senior (5+ years)", "se-senior", &[]),
        role("Senior Software Engineer", "", "sse", &[]),
        role("Senior Software Engineer", "Senior", "sse-copy", &[]),
    ];
    let files = library_files(3);
    let roles = library_roles(&files, &assessments, &[50.0, 61.2, 60.0]);
    let library = Library::new(&roles);
    let client = role(
        "Client",
        "",
        "c",
        &[related("Senior Software Engineer", None)],
    );
    let pathway = library.pathway(&client, result(24.5), None);
    let matched = pathway.options[0].matched.as_ref().unwrap();
    assert_eq!(matched.index, 1, "written the same, first in the library");
    assert_eq!(matched.by, MatchedBy::Title);
    assert_eq!(matched.alternatives, vec![0, 2]);
    // The title with its seniority as the program shows it is written the same too.
    assert_eq!(
        resolved(&library, "", "Software Engineer (Senior (5+ years))"),
        Some(0)
    );

    // Written the same comes before the client's own level.
    let assessments = [
        role("Senior Software Engineer", "", "sse", &[]),
        role("Software Engineer", "Mid-Level", "se-mid", &[]),
    ];
    let files = library_files(2);
    let roles = library_roles(&files, &assessments, &[61.2, 40.0]);
    let library = Library::new(&roles);
    assert_eq!(
        resolved(&library, "Senior (7+ years)", "Software Engineer"),
        Some(1)
    );
    assert_eq!(
        resolved(&library, "Senior (7+ years)", "Senior Software Engineer"),
        Some(0)
    );
}

#[test]
fn an_id_links_the_role_before_any_title_and_a_stale_one_falls_back_to_the_title() {
    let assessments = [
        role("Senior Software Engineer", "", "sse", &[]),
        role("Staff Engineer", "Staff", "staff-eng", &[]),
    ];
    let files = library_files(2);
    let roles = library_roles(&files, &assessments, &[61.2, 70.0]);
    let library = Library::new(&roles);
    let client = role(
        "Client",
        "",
        "c",
        &[
            linked("Senior Software Engineer", "staff-eng"),
            linked("Senior Software Engineer", "  staff-eng "),
            linked("Senior Software Engineer", "gone"),
            linked("Someone Else", "gone"),
            linked("Senior Software Engineer", " "),
        ],
    );
    let pathway = library.pathway(&client, result(24.5), None);
    let found: Vec<(Option<usize>, Option<MatchedBy>, bool)> = pathway
        .options
        .iter()
        .map(|o| {
            (
                o.matched.as_ref().map(|m| m.index),
                o.matched.as_ref().map(|m| m.by),
                o.stale_link,
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(1), Some(MatchedBy::Id), false),
            (Some(1), Some(MatchedBy::Id), false),
            (Some(0), Some(MatchedBy::Title), true),
            (None, None, true),
            (Some(0), Some(MatchedBy::Title), false),
        ]
    );
}

#[test]
fn a_match_shows_the_librarys_score_and_zone_and_says_when_the_published_one_differs() {
    let assessments = [
        role("Senior Software Engineer", "", "sse", &[]),
        role("DevSecOps Engineer", "", "dso", &[]),
        role("Security Software Developer", "", "ssd", &[]),
    ];
    let files = library_files(3);
    // 58.24 shows as the published 58.2; 51.46 shows as 51.5, the published figure.
    let roles = library_roles(&files, &assessments, &[61.23, 58.24, 51.46]);
    let library = Library::new(&roles);
    let client = role(
        "Backend/API Developer",
        "Mid-Level (3-5 years)",
        "b",
        &[
            related("Senior Software Engineer", Some(55.4)),
            related("DevSecOps Engineer", Some(58.2)),
            related("Security Software Developer", Some(51.5)),
            related("Senior Software Engineer", None),
        ],
    );
    let pathway = library.pathway(&client, result(24.4966), None);
    let published = Framework::published();
    let [sse, dso, ssd, unpublished] = &pathway.options[..] else {
        panic!("four options");
    };
    assert_eq!(sse.figures.score(), Some(61.23));
    assert_eq!(sse.figures.shown(published), Some((61.23, Zone::Green)));
    assert!(sse.figures.differs());
    assert_eq!(sse.figures.text(published), "61.2 Green (published 55.4)");
    // The change is the difference of the figures shown: 61.2 − 24.5.
    assert_eq!(sse.change, Some(36.7));
    assert!(!dso.figures.differs());
    assert_eq!(dso.figures.text(published), "58.2 Green");
    assert_eq!(dso.change, Some(33.7));
    assert!(!ssd.figures.differs(), "51.46 shows as 51.5");
    assert_eq!(ssd.change, Some(27.0));
    assert!(!unpublished.figures.differs());
    assert_eq!(unpublished.figures.text(published), "61.2 Green");
    assert_eq!(
        pathway.figures(),
        pathway
            .options
            .iter()
            .map(|o| o.figures)
            .collect::<Vec<_>>()
    );
    // A role without a score has no change; neither has an option without any score.
    let unscored = library.pathway(&client, None, None);
    assert!(unscored.options.iter().all(|o| o.change.is_none()));
    let nothing = role("Client", "", "c", &[related("Unknown Role", None)]);
    let option = &library.pathway(&nothing, result(24.5), None).options[0];
    assert_eq!(option.change, None);
    assert_eq!(option.figures.text(published), "no score");
}

#[test]
fn a_library_role_without_a_score_shows_the_published_figure_beside_it() {
    let assessments = [role("Senior Software Engineer", "", "sse", &[])];
    let files = library_files(1);
    let roles = vec![LibraryRole {
        file: &files[0],
        assessment: &assessments[0],
        result: None,
    }];
    let library = Library::new(&roles);
    let client = role(
        "Client",
        "",
        "c",
        &[related("Senior Software Engineer", Some(55.4))],
    );
    let option = &library.pathway(&client, result(24.5), None).options[0];
    assert!(option.matched.is_some());
    assert_eq!(option.figures.score(), Some(55.4));
    assert_eq!(option.change, Some(30.9));
    assert_eq!(
        option.figures.text(Framework::published()),
        "no score in the library (published 55.4)"
    );
}

#[test]
fn a_role_is_no_pathway_to_itself_and_the_roles_that_lead_here_are_found() {
    let assessments = [
        role(
            "Software Engineer",
            "Mid-Level",
            "se",
            &[
                related("Software Engineer (mid-level)", None),
                related("Senior Software Engineer", Some(55.4)),
            ],
        ),
        role(
            "Senior Software Engineer",
            "",
            "sse",
            &[related("Staff Engineer", None)],
        ),
        role(
            "Junior Developer",
            "Junior",
            "jd",
            &[
                related("Software Engineer", None),
                related("DevSecOps Engineer", Some(58.2)),
                related("Senior Software Engineer", Some(55.4)),
                related("devsecops engineer", None),
            ],
        ),
    ];
    let files = library_files(3);
    let roles = library_roles(&files, &assessments, &[40.0, 61.2, 20.0]);
    let library = Library::new(&roles);
    let own = library.pathway_of(0).unwrap();
    assert_eq!(own.source, Some(0));
    assert_eq!(
        own.options[0].matched, None,
        "not itself, and not the senior role: its level differs"
    );
    assert!(own.options[0].names_itself);
    assert!(!own.options[1].names_itself);
    // Outside the library, the same entry finds the role.
    let outside = library.pathway(&assessments[0], result(40.0), None);
    assert_eq!(
        outside.options[0].matched.as_ref().map(|m| m.index),
        Some(0)
    );
    assert!(!outside.options[0].names_itself);
    assert_eq!(own.options[1].matched.as_ref().map(|m| m.index), Some(1));
    assert!(library.pathway_of(3).is_none());

    let pathways = library.pathways();
    assert_eq!(pathways.len(), 3);
    assert_eq!(
        leading_to(&pathways, 1),
        vec![
            Lead {
                from: 0,
                position: 1
            },
            Lead {
                from: 2,
                position: 2
            }
        ]
    );
    assert_eq!(
        leading_to(&pathways, 0),
        vec![Lead {
            from: 2,
            position: 0
        }]
    );
    assert!(leading_to(&pathways, 2).is_empty());

    let summary = summary(&pathways);
    assert_eq!(summary.links, 6, "the entry naming its own role is no link");
    assert_eq!(summary.resolved, 3);
    assert_eq!(
        summary.missing,
        vec![
            MissingRole {
                title: "DevSecOps Engineer".to_owned(),
                named_by: vec![2],
            },
            MissingRole {
                title: "Staff Engineer".to_owned(),
                named_by: vec![1],
            },
        ]
    );
}

#[test]
fn the_titles_a_library_lacks_come_most_named_first() {
    let assessments = [
        role(
            "A",
            "",
            "a",
            &[related("Zoo Keeper", None), related("Nurse", None)],
        ),
        role("B", "", "b", &[related("zoo-keeper", None)]),
    ];
    let files = library_files(2);
    let roles = library_roles(&files, &assessments, &[40.0, 50.0]);
    let summary = summary(&Library::new(&roles).pathways());
    let missing: Vec<(&str, &[usize])> = summary
        .missing
        .iter()
        .map(|m| (m.title.as_str(), m.named_by.as_slice()))
        .collect();
    assert_eq!(
        missing,
        vec![("Zoo Keeper", &[0, 1][..]), ("Nurse", &[0][..])]
    );
}

fn shipped_text() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_related_roles_id_is_kept_and_written_only_when_set() {
    let text = shipped_text();
    let shipped: Assessment = serde_json::from_str(&text).unwrap();
    assert!(
        shipped
            .commentary
            .where_to_look_next
            .iter()
            .all(|r| r.id.is_none())
    );
    assert_eq!(
        library::to_json(&shipped),
        text,
        "no `id` written when none is set"
    );

    let linked_text = text.replacen(
        "\"title\": \"Senior Software Engineer\",",
        "\"title\": \"Senior Software Engineer\",\n        \"id\": \"sse-2026\",",
        1,
    );
    assert_ne!(linked_text, text);
    let linked: Assessment = serde_json::from_str(&linked_text).unwrap();
    let first = &linked.commentary.where_to_look_next[0];
    assert_eq!(first.id.as_deref(), Some("sse-2026"));
    assert!(first.extra.is_empty(), "a known field, not an unknown one");
    let written = library::to_json(&linked);
    let again: Assessment = serde_json::from_str(&written).unwrap();
    assert_eq!(again, linked);
    assert_eq!(written.matches("\"id\": \"sse-2026\"").count(), 1);
}

// ---- The command line: `aijri-desk pathways` ----------------------------------------------------

use std::process::{Command, Output};

use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs the program with arguments and no stdin.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A shipped assessment with its title, seniority and id changed: a role of a generated library.
fn shipped_as(name: &str, title: &str, seniority: &str, id: &str) -> Assessment {
    let mut a = library::read_assessment(&repo(&format!("assessments/{name}.aijri.json"))).unwrap();
    a.role.title = title.to_owned();
    a.role.seniority = seniority.to_owned();
    a.meta.id = id.to_owned();
    a
}

/// The final result of an assessment, as the library scores it.
fn final_result(a: &Assessment) -> FinalResult {
    scoring::score(a, Framework::published())
        .final_result()
        .unwrap()
}

/// A library generated in a temporary folder: the shipped Backend/API developer, a role titled
/// "Senior Software Engineer", and a junior "Software Engineer" that must not be taken for it.
struct GeneratedLibrary {
    dir: tempfile::TempDir,
    senior: Assessment,
}

impl GeneratedLibrary {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("library");
        std::fs::create_dir_all(folder.join("seniors")).unwrap();
        std::fs::copy(
            repo("assessments/backend-api-developer.aijri.json"),
            folder.join("backend-api-developer.aijri.json"),
        )
        .unwrap();
        let senior = shipped_as(
            "senior-backend-engineer",
            "Senior Software Engineer",
            "Senior (5+ years)",
            "senior-software-engineer",
        );
        library::save_atomic(&folder.join("seniors/sse.aijri.json"), &senior).unwrap();
        let junior = shipped_as(
            "junior-backend-developer",
            "Software Engineer",
            "Junior (0-2 years)",
            "software-engineer-junior",
        );
        library::save_atomic(&folder.join("a-software-engineer.aijri.json"), &junior).unwrap();
        Self { dir, senior }
    }

    fn folder(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    fn backend(&self) -> PathBuf {
        self.folder().join("backend-api-developer.aijri.json")
    }
}

/// The shipped role's score as displayed.
fn backend_score() -> f64 {
    let backend =
        library::read_assessment(&repo("assessments/backend-api-developer.aijri.json")).unwrap();
    scoring::displayed_score(final_result(&backend).score)
}

#[test]
fn pathways_json_of_the_shipped_role_lists_its_three_options_with_their_published_scores() {
    let shipped = repo("assessments/backend-api-developer.aijri.json");
    let output = run(&["pathways", path_arg(&shipped), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1, "one line per role");
    let line = &lines[0];
    assert_eq!(keys(line), ["file", "title", "score", "zone", "options"]);
    assert_eq!(line["file"], path_arg(&shipped));
    assert_eq!(line["title"], "Backend/API Developer");
    assert_eq!(line["score"], backend_score());
    assert_eq!(line["zone"], "red");
    let options = line["options"].as_array().unwrap();
    let published: Vec<(&str, f64)> = options
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap(),
                o["published"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        published,
        [
            ("Senior Software Engineer", 55.4),
            ("DevSecOps Engineer", 58.2),
            ("Security Software Developer", 51.5),
        ]
    );
    for option in options {
        assert_eq!(
            keys(option),
            ["title", "published", "note", "match", "change"]
        );
        assert!(option["match"].is_null(), "not in assessments/: {option}");
        let published = option["published"].as_f64().unwrap();
        assert_eq!(
            option["change"].as_f64().unwrap(),
            scoring::displayed_change(backend_score(), published),
            "{option}"
        );
    }
    assert!(
        options[0]["note"]
            .as_str()
            .unwrap()
            .starts_with("Direct career progression")
    );
}

#[test]
fn in_a_library_with_a_senior_software_engineer_that_option_shows_the_librarys_figures() {
    let library = GeneratedLibrary::new();
    let senior = final_result(&library.senior);
    let senior_shown = scoring::displayed_score(senior.score);
    assert_ne!(
        aijri_desk::fmt::score(senior.score),
        "55.4",
        "the library's figure differs from the published one"
    );
    let output = run(&["pathways", path_arg(&library.folder()), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3, "every role of the folder");
    let backend = lines
        .iter()
        .find(|l| l["title"] == "Backend/API Developer")
        .unwrap();
    let option = &backend["options"][0];
    assert_eq!(option["title"], "Senior Software Engineer");
    assert_eq!(option["published"], 55.4);
    let matched = &option["match"];
    assert_eq!(
        keys(matched),
        ["file", "id", "title", "seniority", "score", "zone"]
    );
    assert_eq!(
        matched["file"],
        path_arg(&library.folder().join("seniors/sse.aijri.json"))
    );
    assert_eq!(matched["id"], "senior-software-engineer");
    assert_eq!(matched["title"], "Senior Software Engineer");
    assert_eq!(matched["seniority"], "Senior (5+ years)");
    assert_eq!(matched["score"], senior_shown);
    assert_eq!(matched["zone"], senior.zone.key());
    assert_eq!(
        option["change"].as_f64().unwrap(),
        scoring::displayed_change(backend_score(), senior.score)
    );
    assert_eq!(
        option["change"].as_f64().unwrap(),
        aijri_desk::fmt::round(senior_shown - backend["score"].as_f64().unwrap(), 1),
        "the difference of the figures given"
    );
    assert!(backend["options"][1]["match"].is_null());
    assert!(backend["options"][2]["match"].is_null());

    // The file alone finds the library in its folder; `--library` names it from elsewhere.
    let alone = run(&["pathways", path_arg(&library.backend()), "--json"]);
    assert_eq!(json_lines(&alone), vec![backend.clone()]);
    let shipped = repo("assessments/backend-api-developer.aijri.json");
    let elsewhere = run(&[
        "pathways",
        path_arg(&shipped),
        "--library",
        path_arg(&library.folder()),
        "--json",
    ]);
    assert_eq!(elsewhere.status.code(), Some(0), "{}", stderr(&elsewhere));
    let line = &json_lines(&elsewhere)[0];
    assert_eq!(line["file"], path_arg(&shipped));
    assert_eq!(line["options"], backend["options"]);
}

#[test]
fn pathways_text_shows_each_figure_as_displayed_and_what_the_library_lacks() {
    let library = GeneratedLibrary::new();
    let senior = final_result(&library.senior);
    let output = run(&["pathways", path_arg(&library.backend())]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let fmt = aijri_desk::fmt::score;
    assert!(
        text.contains(&format!(
            "Backend/API Developer (Mid-Level (3-5 years)): {} Red",
            fmt(backend_score())
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "  Senior Software Engineer — {} {} (published 55.4), {}",
            fmt(senior.score),
            senior.zone.name(),
            aijri_desk::fmt::score_delta(scoring::displayed_change(backend_score(), senior.score))
        )),
        "{text}"
    );
    assert!(
        text.contains("in the library: Senior Software Engineer (Senior (5+ years)), "),
        "{text}"
    );
    assert!(
        text.contains(
            "  DevSecOps Engineer — 58.2 Green (published), +33.7\n    not in the library"
        ),
        "{text}"
    );
    assert!(text.contains("Direct career progression"), "{text}");
    assert!(
        text.contains("Library: 3 roles in ") && text.contains("; 3 of 7 links resolve"),
        "the junior \"Software Engineer\" finds two of its three; the senior names itself: {text}"
    );
    assert!(
        text.contains("Not in the library: DevSecOps Engineer (named by 3 roles), Security Software Developer (named by 1 role)\n"),
        "{text}"
    );
}

#[test]
fn pathways_exits_1_naming_a_file_that_does_not_load_and_goes_on_with_the_others() {
    let library = GeneratedLibrary::new();
    let broken = library.folder().join("broken.aijri.json");
    std::fs::write(&broken, "{ \"format\": ").unwrap();
    // The broken file is a role given (in the folder) and of the library: named once.
    let output = run(&["pathways", path_arg(&library.folder()), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.matches("broken.aijri.json").count(), 1, "{err}");
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(json_lines(&output).len(), 3, "the other roles still");
    // Only in the library: named, left out, and the role given is still resolved.
    let output = run(&["pathways", path_arg(&library.backend()), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("broken.aijri.json")
            && stderr(&output).contains("left out of the library"),
        "{}",
        stderr(&output)
    );
    assert!(!json_lines(&output)[0]["options"][0]["match"].is_null());
    // A path that is not there, and a library folder that is not there.
    let missing = library.folder().join("no-such.aijri.json");
    let output = run(&["pathways", path_arg(&missing)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no-such.aijri.json"),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        "pathways",
        path_arg(&repo("assessments/backend-api-developer.aijri.json")),
        "--library",
        path_arg(&library.dir.path().join("nowhere")),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nowhere"), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"));
    // Without a path at all, clap says what is missing.
    assert_eq!(run(&["pathways"]).status.code(), Some(2));
}

#[test]
fn pathways_of_a_saved_comparison_resolves_its_roles_in_its_folder() {
    let library = GeneratedLibrary::new();
    let comparison = library.dir.path().join("js.aijri-compare.json");
    std::fs::write(
        &comparison,
        serde_json::json!({"format": "aijri-comparison", "version": 1, "title": "J.S.",
        "roles": [
            {"file": "library/backend-api-developer.aijri.json", "id": "backend-api-developer-mid"},
            {"file": "library/gone.aijri.json", "id": "gone-role"}
        ]})
        .to_string(),
    )
    .unwrap();
    let output = run(&["pathways", path_arg(&comparison), "--json"]);
    assert_eq!(output.status.code(), Some(1), "a missing role fails");
    let err = stderr(&output);
    assert!(
        err.contains("js.aijri-compare.json") && err.contains("gone-role"),
        "{err}"
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["title"], "Backend/API Developer");
    assert_eq!(
        lines[0]["options"][0]["match"]["id"], "senior-software-engineer",
        "resolved in the library the role lies in"
    );
}
