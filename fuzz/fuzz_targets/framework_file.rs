//! Any bytes as a framework file (`*.aijri-framework.json`, which a library folder shares with
//! everyone who opens it): parsing answers with a framework or an error naming the file, never a
//! panic; a framework that parses stays within the bounds every view relies on, saves and loads
//! back the same, and scores, validates and reports the shipped assessment.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use aijri_desk::framework::{
    Factor, Framework, MAX_NAME_CHARS, MAX_PART_VALUES, MAX_TEXT_CHARS,
};
use aijri_desk::model::Assessment;
use aijri_desk::{library, report, scoring, sensitivity, validate};
use libfuzzer_sys::fuzz_target;

/// The shipped Backend/API Developer, scored under each framework that parses.
static SHIPPED: LazyLock<Assessment> = LazyLock::new(|| {
    let bytes = include_bytes!("../../assessments/backend-api-developer.aijri.json");
    library::parse(bytes, Path::new("backend-api-developer.aijri.json"))
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A part within the bounds: at most 11 values, one level text per value (or none), texts of
/// bounded length.
fn assert_bounded(factor: &Factor) {
    let values = i128::from(factor.max) - i128::from(factor.min) + 1;
    assert!((1..=i128::from(MAX_PART_VALUES)).contains(&values), "{factor:?}");
    assert!(
        factor.levels.is_empty() || factor.levels.len() as i128 == values,
        "{factor:?}"
    );
    assert!(factor.name.chars().count() <= MAX_NAME_CHARS);
    assert!(factor.help.chars().count() <= MAX_TEXT_CHARS);
    assert!(factor.levels.iter().all(|l| l.chars().count() <= MAX_TEXT_CHARS));
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.aijri-framework.json");
    let framework = match Framework::parse(data, path) {
        Ok(framework) => framework,
        Err(error) => {
            assert_eq!(error.path(), path, "{error}");
            return;
        }
    };
    let parts = framework
        .principles
        .iter()
        .chain(&framework.evidence)
        .chain(&framework.barriers)
        .chain([&framework.growth, &framework.task_score]);
    parts.for_each(assert_bounded);
    assert!(framework.name.chars().count() <= MAX_NAME_CHARS);
    assert!(framework.description.chars().count() <= MAX_TEXT_CHARS);
    let saved = framework.to_json();
    let again = Framework::parse(saved.as_bytes(), path)
        .unwrap_or_else(|e| panic!("a saved framework does not load: {e}\n{saved}"));
    assert_eq!(again, framework, "save → load changed the framework");
    let _ = framework.derived_normalisation();
    let breakdown = scoring::score(&SHIPPED, &framework);
    let findings = validate::validate(&SHIPPED, &framework, &breakdown);
    let _ = report::breakdown_text(&SHIPPED, &breakdown, &framework, &findings);
    let _ = sensitivity::analyse(&SHIPPED, &framework);
});
