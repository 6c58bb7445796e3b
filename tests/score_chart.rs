//! The score chart's one definition (`chart_layout::score`) as the client report draws it: the
//! threshold lines named from the framework in use, one row per role named in full with its
//! seniority, in the report's order. The window's drawing of it is tested in tests/compare.rs.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::path::Path;

use aijri_desk::client_report::{self, ReportData, ReportDate, ReportRole, Template};
use aijri_desk::framework::Framework;
use aijri_desk::model::Assessment;

const DAY: ReportDate = ReportDate {
    year: 2026,
    month: 12,
    day: 1,
};

fn assessment(name: &str) -> Assessment {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assessments/{name}.aijri.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn role(assessment: Assessment, framework: &Framework) -> ReportRole {
    ReportRole {
        assessment,
        framework: framework.clone(),
        missing_framework: None,
        options: Vec::new(),
    }
}

/// The PDF's text, runs of white space made one space.
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_reports_chart_names_the_thresholds_of_the_framework_in_use() {
    let mut framework = Framework::published().clone();
    framework.zones.yellow_min = 30.0;
    framework.zones.green_min = 52.5;
    let roles = [role(assessment("backend-api-developer"), &framework)];
    let data = ReportData::new(Some("Client"), DAY, &roles);
    let names: Vec<&str> = data
        .chart
        .thresholds
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(names, ["Yellow ≥ 30", "Green ≥ 52.5"]);
    let pdf = client_report::render_pdf(&data, &Template::Shipped)
        .unwrap()
        .pdf;
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Yellow ≥ 30") && text.contains("Green ≥ 52.5"),
        "{text}"
    );
    assert!(
        !text.contains("≥ 25"),
        "nothing of the published thresholds: {text}"
    );
}

#[test]
fn the_reports_chart_has_a_row_per_role_in_order_told_apart_where_titles_repeat() {
    let framework = Framework::published();
    let mut twin = assessment("backend-api-developer");
    twin.meta.id = "backend-api-developer-copy".to_owned();
    let roles = [
        role(assessment("senior-backend-engineer"), framework),
        role(assessment("backend-api-developer"), framework),
        role(twin, framework),
    ];
    let data = ReportData::new(None, DAY, &roles);
    let rows: Vec<(&str, &str, &str)> = data
        .chart
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.detail.as_str(), r.bar_label.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Senior Backend Engineer", "Senior (7+ years)", "51.0 Green"),
            (
                "Backend/API Developer",
                "Mid-Level (3-5 years) · backend-api-developer-mid",
                "24.5 Red"
            ),
            (
                "Backend/API Developer",
                "Mid-Level (3-5 years) · backend-api-developer-copy",
                "24.5 Red"
            ),
        ]
    );
}
