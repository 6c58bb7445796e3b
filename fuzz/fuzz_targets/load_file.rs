//! Any bytes as an assessment file: parsing answers with an assessment or an error, never a panic;
//! what parses is scored, validated, reported and exported as the program does on load.

#![no_main]

use std::path::Path;

use aijri_desk::export::{CsvRow, csv_rows, markdown_report};
use aijri_desk::framework::Framework;
use aijri_desk::{library, report, scoring, text_format, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.aijri.json");
    let Ok(assessment) = library::parse(data, path) else {
        return;
    };
    let framework = Framework::published();
    let breakdown = scoring::score(&assessment, framework);
    let findings = validate::validate(&assessment, framework, &breakdown);
    let _ = report::breakdown_text(&assessment, &breakdown, framework, &findings);
    let _ = markdown_report(&assessment, &breakdown, framework, &findings);
    let _ = text_format::export(&assessment, framework);
    let row = CsvRow {
        file: Some(path),
        assessment: &assessment,
        breakdown: &breakdown,
        findings: &findings,
    };
    let _ = csv_rows(&[row]);
    let saved = library::to_json(&assessment);
    assert!(
        library::parse(saved.as_bytes(), path).is_ok(),
        "a saved file does not load:\n{saved}"
    );
});
