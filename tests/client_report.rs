//! The client report (PDF): what a client reads in it, how many pages, its fonts, an
//! organisation's template and a broken one, reproducible output, page 1 as a picture, and the
//! `report` command end to end. The PDF is read back in-process with `lopdf`.

// A test fails by panicking; its helpers unwrap what a passing test guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use aijri_desk::adjust::{Change, InputPath, VariantFiles, make_variant};
use aijri_desk::client_report::{self, Rendered, ReportData, ReportDate, ReportRole, Template};
use aijri_desk::fmt;
use aijri_desk::framework::Framework;
use aijri_desk::model::Assessment;
use aijri_desk::pathways::{Library, LibraryRole};
use aijri_desk::scoring;

/// The day every report of these tests bears.
const DAY: ReportDate = ReportDate {
    year: 2026,
    month: 12,
    day: 1,
};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn assessment(name: &str) -> Assessment {
    let text = std::fs::read_to_string(repo(&format!("assessments/{name}.aijri.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn role(assessment: Assessment) -> ReportRole {
    ReportRole {
        assessment,
        framework: Framework::published().clone(),
        missing_framework: None,
        options: Vec::new(),
    }
}

/// The published role, the senior (Green) one and the junior one.
fn three_roles() -> Vec<ReportRole> {
    [
        "backend-api-developer",
        "senior-backend-engineer",
        "junior-backend-developer",
    ]
    .into_iter()
    .map(|name| role(assessment(name)))
    .collect()
}

fn render(roles: &[ReportRole], template: &Template) -> Rendered {
    let data = ReportData::new(Some("Client J.S."), DAY, roles);
    client_report::render_pdf(&data, template).unwrap()
}

/// The PDF's text, every page, with runs of white space made one space (lines break anywhere).
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

/// The score and zone a role shows, as the window shows them.
fn shown(assessment: &Assessment) -> (String, &'static str) {
    let result = scoring::score(assessment, Framework::published())
        .final_result()
        .unwrap();
    (fmt::score(result.score), result.zone.name())
}

#[test]
fn the_pdf_holds_the_title_and_every_roles_title_score_and_zone() {
    let roles = three_roles();
    let rendered = render(&roles, &Template::Shipped);
    assert!(rendered.pdf.starts_with(b"%PDF-"));
    assert_eq!(rendered.template_problem, None);
    let text = pdf_text(&rendered.pdf);
    assert!(text.contains("Client J.S."), "{text}");
    assert!(text.contains("1 December 2026"), "{text}");
    assert!(text.contains("AIJRI, as published"), "{text}");
    assert!(text.contains("not predictions"), "{text}");
    for role in &roles {
        let a = &role.assessment;
        let (score, zone) = shown(a);
        assert!(
            text.contains(&a.role.title),
            "{} missing: {text}",
            a.role.title
        );
        assert!(
            text.contains(&format!("{score}/100 · {zone}")),
            "{score} {zone} missing: {text}"
        );
        assert!(
            text.contains(&format!("{score} {zone}")),
            "bar label: {text}"
        );
        let timeline = a.commentary.timeline.split_whitespace().collect::<Vec<_>>();
        assert!(text.contains(&timeline.join(" ")), "timeline: {text}");
    }
    // The published role: 24.5 Red, its composite in words, its biggest swing.
    assert!(text.contains("24.5/100 · Red"), "{text}");
    assert!(
        text.contains("Task resistance 3.05 of 5, lowered by the evidence (−4, ×0.84)"),
        "{text}"
    );
    assert!(
        text.contains("Task: Implementing API endpoints & business logic at 4"),
        "{text}"
    );
}

/// The published role with wage trends at 0 for a regional reason, as `aijri-desk adjust` makes it.
fn adjusted_backend() -> Assessment {
    let source = assessment("backend-api-developer");
    let path = "evidence.wage_trends".parse::<InputPath>().unwrap();
    let changes = [Change {
        path,
        value: path.parse_value("0").unwrap(),
    }];
    let files = VariantFiles {
        source: &repo("assessments/backend-api-developer.aijri.json"),
        variant: &repo("assessments/backend-api-developer-regional.aijri.json"),
    };
    let mut variant = make_variant(
        &source,
        files,
        &changes,
        "regional pay data 2026",
        Framework::published(),
    )
    .unwrap();
    variant.role.title = "Backend/API Developer, regional".to_owned();
    variant
}

#[test]
fn an_adjusted_variant_shows_each_adjustment_with_its_effect_and_reason() {
    let roles = [
        role(assessment("backend-api-developer")),
        role(adjusted_backend()),
    ];
    let text = pdf_text(&render(&roles, &Template::Shipped).pdf);
    assert!(
        text.contains(
            "Evidence: Wage Trends (evidence.wage_trends): −1 → 0: +1.5 (24.5 without it)"
        ),
        "{text}"
    );
    assert!(text.contains("regional pay data 2026"), "{text}");
    assert!(
        text.contains(
            "Adjusted from Backend/API Developer (Mid-Level (3-5 years), id backend-api-developer-mid)"
        ),
        "{text}"
    );
    assert!(text.contains("26.0/100 · Yellow"), "{text}");
    assert!(
        text.contains("Mid-Level (3-5 years) · adjusted"),
        "the variant's bar is told from its source's: {text}"
    );
}

/// A variant of the published role kept in a client's folder far from its source, as an adviser
/// keeps it: its record names the source's file relative to it.
fn variant_in_a_client_folder(folder: &Path) -> Assessment {
    let source = folder.join("library/backend-api-developer.aijri.json");
    let variant = folder.join("clients/j-s/backend-regional.aijri.json");
    let files = VariantFiles {
        source: &source,
        variant: &variant,
    };
    let path = "evidence.wage_trends".parse::<InputPath>().unwrap();
    let change = Change {
        path,
        value: path.parse_value("0").unwrap(),
    };
    let published = assessment("backend-api-developer");
    make_variant(
        &published,
        files,
        &[change],
        "pay data",
        Framework::published(),
    )
    .unwrap()
}

#[test]
fn nothing_on_the_advisers_disk_reaches_the_client() {
    let folder = tempfile::tempdir().unwrap();
    let variant = variant_in_a_client_folder(folder.path());
    let recorded = &variant.meta.derived_from.as_ref().unwrap().file;
    assert!(
        recorded.contains("library/"),
        "the variant keeps its source's file: {recorded}"
    );
    let source_named =
        "Adjusted from Backend/API Developer (Mid-Level (3-5 years), id backend-api-developer-mid)";
    let paths = [
        ".aijri.json",
        "library/",
        "clients",
        &folder.path().display().to_string(),
    ];

    let data = ReportData::new(Some("J.S."), DAY, &[role(variant.clone())]);
    let pdf = pdf_text(
        &client_report::render_pdf(&data, &Template::Shipped)
            .unwrap()
            .pdf,
    );
    let markdown = {
        let b = scoring::score(&variant, Framework::published());
        aijri_desk::export::markdown_report(&variant, &b, Framework::published(), &[])
    };
    let csv = {
        let b = scoring::score(&variant, Framework::published());
        aijri_desk::export::csv_rows(&[aijri_desk::export::CsvRow {
            file: None,
            assessment: &variant,
            breakdown: &b,
            findings: &[],
        }])
    };
    for (what, text) in [("report", &pdf), ("Markdown", &markdown), ("CSV", &csv)] {
        assert!(
            text.contains(source_named),
            "{what} names the source:\n{text}"
        );
        for path in paths {
            assert!(!text.contains(path), "{what} holds {path:?}:\n{text}");
        }
    }
}

#[test]
fn three_roles_fit_on_two_pages_and_four_too() {
    let mut roles = three_roles();
    let three = render(&roles, &Template::Shipped);
    assert!(three.pages <= 2, "{} pages", three.pages);
    assert_eq!(page_count(&three.pdf), three.pages);
    roles.push(role(adjusted_backend()));
    let four = render(&roles, &Template::Shipped);
    assert!(four.pages <= 2, "{} pages for four roles", four.pages);
}

#[test]
fn many_roles_take_more_pages_and_none_is_cut_off() {
    let mut roles = Vec::new();
    for i in 0..9 {
        let mut a = assessment("backend-api-developer");
        a.role.title = format!("Role number {i}");
        roles.push(role(a));
    }
    let rendered = render(&roles, &Template::Shipped);
    assert!(rendered.pages > 2, "{} pages", rendered.pages);
    let text = pdf_text(&rendered.pdf);
    for i in 0..9 {
        assert!(
            text.contains(&format!("Role number {i}")),
            "role {i}: {text}"
        );
    }
    let strategy_end = "replaces the one who codes by hand.";
    assert_eq!(
        text.matches(strategy_end).count(),
        9,
        "every role's strategy is there in full"
    );
}

#[test]
fn provisional_and_missing_parts_are_marked() {
    let mut a = assessment("backend-api-developer");
    a.tasks[0].time_pct = 5.0;
    let mut b = assessment("junior-backend-developer");
    b.barriers.cultural_ethical.score = None;
    b.commentary.timeline.clear();
    let text = pdf_text(&render(&[role(a), role(b)], &Template::Shipped).pdf);
    assert!(
        text.contains("Provisional: task time adds up to 90%, not 100%"),
        "{text}"
    );
    assert!(text.contains("no score yet for Cultural/Ethical"), "{text}");
    assert!(text.contains("not written the timeline yet"), "{text}");
    assert!(
        text.contains("no score"),
        "the bar says there is none: {text}"
    );
}

#[test]
fn an_override_is_shown_with_its_reason() {
    let mut a = assessment("backend-api-developer");
    a.override_result = Some(aijri_desk::model::Override {
        score: Some(30.0),
        zone: None,
        reason: "regional demand holds up".to_owned(),
        extra: serde_json::Map::new(),
    });
    let text = pdf_text(&render(&[role(a)], &Template::Shipped).pdf);
    assert!(text.contains("30.0 Yellow (override)"), "{text}");
    assert!(text.contains("regional demand holds up"), "{text}");
}

#[test]
fn every_font_is_embedded() {
    let rendered = render(&three_roles(), &Template::Shipped);
    let doc = lopdf::Document::load_mem(&rendered.pdf).unwrap();
    let mut descriptors = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        descriptors += 1;
        let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| dict.has(key));
        assert!(embedded, "a font is not embedded: {dict:?}");
    }
    assert!(descriptors >= 2, "regular and bold: {descriptors} fonts");
}

#[test]
fn the_same_figures_on_the_same_day_give_the_same_pdf() {
    let roles = three_roles();
    assert_eq!(
        render(&roles, &Template::Shipped).pdf,
        render(&roles, &Template::Shipped).pdf
    );
}

#[test]
fn a_broken_template_is_named_with_its_line_and_the_shipped_one_is_used() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("ours.typ");
    std::fs::write(
        &path,
        "#let report = json(bytes(sys.inputs.report))\n= Our service\n#report.no_such_field\n",
    )
    .unwrap();
    let rendered = render(&three_roles(), &Template::File(path.clone()));
    let problem = rendered.template_problem.expect("the problem is reported");
    assert!(problem.contains(&path.display().to_string()), "{problem}");
    assert!(problem.contains("line 3"), "{problem}");
    assert!(problem.contains("no_such_field"), "{problem}");
    assert!(problem.contains("shipped template was used"), "{problem}");
    let text = pdf_text(&rendered.pdf);
    assert!(!text.contains("Our service"), "{text}");
    assert!(text.contains("Backend/API Developer"), "{text}");
}

#[test]
fn a_missing_template_file_is_reported_and_the_shipped_one_is_used() {
    let path = repo("tests/fixtures/no-such-template.typ");
    let rendered = render(&three_roles(), &Template::File(path.clone()));
    let problem = rendered.template_problem.unwrap();
    assert!(problem.contains("no-such-template.typ"), "{problem}");
    assert!(pdf_text(&rendered.pdf).contains("Backend/API Developer"));
}

#[test]
fn an_organisations_template_is_used_and_reads_files_beside_it() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("name.txt"), "Northside Careers Service").unwrap();
    let path = folder.path().join("client-report.typ");
    std::fs::write(
        &path,
        "#let report = json(bytes(sys.inputs.report))\n\
         #set text(font: \"DejaVu Sans\")\n\
         = #read(\"name.txt\")\n\
         #report.title\n\
         #for role in report.roles [- #role.title: #role.headline\n]\n",
    )
    .unwrap();
    let rendered = render(&three_roles(), &Template::File(path));
    assert_eq!(rendered.template_problem, None);
    let text = pdf_text(&rendered.pdf);
    assert!(text.contains("Northside Careers Service"), "{text}");
    assert!(
        text.contains("Backend/API Developer: 24.5/100 · Red"),
        "{text}"
    );
}

#[test]
fn a_template_cannot_read_outside_its_folder_or_fetch_packages() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("t.typ");
    std::fs::write(&path, "#import \"@preview/cetz:0.3.0\"\nHello\n").unwrap();
    let rendered = render(&three_roles(), &Template::File(path.clone()));
    let problem = rendered.template_problem.unwrap();
    assert!(problem.contains("line 1"), "{problem}");
    std::fs::write(&path, "#read(\"../../../../../../etc/hostname\")\n").unwrap();
    assert!(
        render(&three_roles(), &Template::File(path))
            .template_problem
            .is_some()
    );
}

/// Page 1 rendered at 1.5 pixels per point, compared byte for byte with the committed picture
/// (`tests/snapshots/client_report_page1.png`), which people look at to judge the layout. With
/// `UPDATE_SNAPSHOTS=1` the picture is written instead; a mismatch writes `….new.png` beside it.
#[test]
fn page_one_looks_as_committed() {
    let data = ReportData::new(Some("Client J.S."), DAY, &three_roles());
    let typeset = client_report::typeset(&data, &Template::Shipped).unwrap();
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(1.5),
        ..typst_render::RenderOptions::default()
    };
    let png = typst_render::render(&typeset.document.pages()[0], &options)
        .encode_png()
        .unwrap();
    let path = repo("tests/snapshots/client_report_page1.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &png).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    if committed != png {
        let new = path.with_extension("new.png");
        std::fs::write(&new, &png).unwrap();
        panic!(
            "page 1 differs from {}: see {} (UPDATE_SNAPSHOTS=1 accepts it)",
            path.display(),
            new.display()
        );
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aijri-desk"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn the_report_command_writes_the_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("js.pdf");
    let output = run(&[
        "report",
        repo("assessments/backend-api-developer.aijri.json")
            .to_str()
            .unwrap(),
        repo("assessments/senior-backend-engineer.aijri.json")
            .to_str()
            .unwrap(),
        "--title",
        "Client J.S.",
        "--date",
        "2026-12-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("2 roles"), "{stdout}");
    let pdf = std::fs::read(&out).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Client J.S."), "{text}");
    assert!(text.contains("Senior Backend Engineer"), "{text}");
    assert!(text.contains("1 December 2026"), "{text}");
}

#[test]
fn the_report_command_takes_a_saved_comparison_and_its_title() {
    let folder = tempfile::tempdir().unwrap();
    let roles = folder.path().join("roles");
    std::fs::create_dir(&roles).unwrap();
    for name in ["backend-api-developer", "senior-backend-engineer"] {
        let file = format!("{name}.aijri.json");
        std::fs::copy(repo(&format!("assessments/{file}")), roles.join(&file)).unwrap();
    }
    let comparison = folder.path().join("js.aijri-compare.json");
    std::fs::write(
        &comparison,
        r#"{"format": "aijri-comparison", "version": 1, "title": "Options for J.S.",
            "roles": [{"file": "roles/senior-backend-engineer.aijri.json"},
                      {"file": "roles/backend-api-developer.aijri.json"}]}"#,
    )
    .unwrap();
    let out = folder.path().join("js.pdf");
    let output = run(&[
        "report",
        comparison.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = pdf_text(&std::fs::read(&out).unwrap());
    assert!(text.contains("Options for J.S."), "{text}");
    let senior = text.find("Senior Backend Engineer").unwrap();
    let backend = text.find("Backend/API Developer").unwrap();
    assert!(senior < backend, "in the comparison's order: {text}");
}

#[test]
fn the_report_command_names_a_broken_template_and_still_writes_the_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("broken.typ");
    std::fs::write(&template, "Fine\n\n#let x = (\n").unwrap();
    let out = folder.path().join("r.pdf");
    let output = run(&[
        "report",
        repo("assessments/backend-api-developer.aijri.json")
            .to_str()
            .unwrap(),
        "--template",
        template.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.typ: line 3"), "{stderr}");
    assert!(pdf_text(&std::fs::read(&out).unwrap()).contains("Backend/API Developer"));
}

#[test]
fn the_report_command_writes_nothing_when_a_file_does_not_load() {
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.aijri.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let out = folder.path().join("r.pdf");
    let output = run(&[
        "report",
        repo("assessments/backend-api-developer.aijri.json")
            .to_str()
            .unwrap(),
        broken.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.aijri.json: line 1"), "{stderr}");
    assert!(!out.exists());
    let bad_date = run(&[
        "report",
        "x.aijri.json",
        "--date",
        "2026-02-30",
        "-o",
        "x.pdf",
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("YYYY-MM-DD"));
}

/// The width and height of each page of a PDF, in points.
fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&page| {
            let media = doc
                .get_dictionary(page)
                .unwrap()
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_float().unwrap())
                .collect::<Vec<f32>>();
            (media[2] - media[0], media[3] - media[1])
        })
        .collect()
}

#[test]
fn report_paper_letter_gives_us_letter_pages_and_a4_is_the_default() {
    let folder = tempfile::tempdir().unwrap();
    let role = repo("assessments/backend-api-developer.aijri.json");
    let mut sizes = Vec::new();
    for paper in [None, Some("a4"), Some("letter"), Some("Letter")] {
        let out = folder.path().join(format!("{paper:?}.pdf"));
        let mut args = vec![
            "report",
            role.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        if let Some(paper) = paper {
            args.extend(["--paper", paper]);
        }
        let output = run(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        sizes.push(page_sizes(&std::fs::read(&out).unwrap()));
    }
    let a4 = (595.28, 841.89);
    let letter = (612.0, 792.0);
    let near =
        |(w, h): (f32, f32), (ew, eh): (f32, f32)| (w - ew).abs() < 0.5 && (h - eh).abs() < 0.5;
    assert!(
        sizes[0].iter().all(|&s| near(s, a4)),
        "default: {:?}",
        sizes[0]
    );
    assert!(sizes[1].iter().all(|&s| near(s, a4)), "a4: {:?}", sizes[1]);
    assert!(
        sizes[2].iter().all(|&s| near(s, letter)),
        "letter: {:?}",
        sizes[2]
    );
    assert!(
        sizes[3].iter().all(|&s| near(s, letter)),
        "any case: {:?}",
        sizes[3]
    );

    let out = folder.path().join("a3.pdf");
    let output = run(&[
        "report",
        role.to_str().unwrap(),
        "--paper",
        "a3",
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success() && stderr.contains("--paper a3: the paper is a4 or letter"),
        "{stderr}"
    );
    assert!(!out.exists());
}

/// The senior role retitled "Senior Software Engineer": the library's assessment of the first
/// option of the published role, which scores otherwise than the published 55.4.
fn senior_software_engineer() -> Assessment {
    let mut a = assessment("senior-backend-engineer");
    a.role.title = "Senior Software Engineer".to_owned();
    a.meta.id = "senior-software-engineer".to_owned();
    a
}

#[test]
fn each_role_lists_where_to_look_next_with_the_librarys_figures_beside_the_published_ones() {
    let senior = senior_software_engineer();
    let file = PathBuf::from("library/senior-software-engineer.aijri.json");
    let library_roles = [LibraryRole {
        file: &file,
        assessment: &senior,
        result: scoring::score(&senior, Framework::published()).final_result(),
    }];
    let library = Library::new(&library_roles);
    let backend = assessment("backend-api-developer");
    let own = scoring::score(&backend, Framework::published()).final_result();
    let mut resolved = role(backend.clone());
    resolved.options = library.pathway(&backend, own, None).figures();
    let (score, zone) = shown(&senior);
    assert_ne!(score, "55.4");

    // The text reader puts a space where the note's italics start: "(published 55.4) : Direct".
    let text = pdf_text(&render(&[resolved], &Template::Shipped).pdf).replace(" :", ":");
    assert!(text.contains("Where to look next"), "{text}");
    assert!(
        text.contains(&format!(
            "Senior Software Engineer — {score} {zone} (published 55.4): Direct career progression"
        )),
        "{text}"
    );
    assert!(
        text.contains("DevSecOps Engineer — 58.2 Green (published): API development"),
        "{text}"
    );
    assert!(
        text.contains("Security Software Developer — 51.5 Green (published): Backend engineering"),
        "{text}"
    );

    // Without a library, each option shows the figure published with it.
    let text = pdf_text(&render(&[role(backend)], &Template::Shipped).pdf).replace(" :", ":");
    assert!(
        text.contains("Senior Software Engineer — 55.4 Green (published): Direct career"),
        "{text}"
    );
}

#[test]
fn the_report_command_finds_the_options_in_the_inputs_folder_or_the_library_named() {
    let folder = tempfile::tempdir().unwrap();
    let library_folder = folder.path().join("adviser-library");
    std::fs::create_dir(&library_folder).unwrap();
    let senior = senior_software_engineer();
    aijri_desk::library::save_atomic(&library_folder.join("sse.aijri.json"), &senior).unwrap();
    let backend = library_folder.join("backend-api-developer.aijri.json");
    std::fs::copy(
        repo("assessments/backend-api-developer.aijri.json"),
        &backend,
    )
    .unwrap();
    let (score, zone) = shown(&senior);
    let expected = format!("Senior Software Engineer — {score} {zone} (published 55.4)");
    let shipped = repo("assessments/backend-api-developer.aijri.json");
    let runs: [Vec<&str>; 2] = [
        vec![backend.to_str().unwrap()],
        vec![
            shipped.to_str().unwrap(),
            "--library",
            library_folder.to_str().unwrap(),
        ],
    ];
    for args in runs {
        let out = folder.path().join("r.pdf");
        let mut all = vec!["report"];
        all.extend(&args);
        all.extend(["--date", "2026-12-01", "-o", out.to_str().unwrap()]);
        let output = run(&all);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let pdf = std::fs::read(&out).unwrap();
        let text = pdf_text(&pdf);
        assert!(text.contains(&expected), "{args:?}: {text}");
        // Nothing on the adviser's disk: no folder, no file name of the library.
        for private in ["adviser-library", "sse.aijri.json"] {
            assert!(!text.contains(private), "{private} in {text}");
            assert!(
                !pdf.windows(private.len()).any(|w| w == private.as_bytes()),
                "{private} in the PDF's bytes"
            );
        }
    }
    let nowhere = folder.path().join("nowhere");
    let output = run(&[
        "report",
        shipped.to_str().unwrap(),
        "--library",
        nowhere.to_str().unwrap(),
        "-o",
        folder.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("no such folder"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
