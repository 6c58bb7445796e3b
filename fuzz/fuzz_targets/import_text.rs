//! Any bytes as published text: the import answers with an assessment or an error naming a line,
//! never a panic; what it reads can be exported and read back to the same text, and reported.

#![no_main]

use aijri_desk::export::markdown_report;
use aijri_desk::framework::Framework;
use aijri_desk::text_format::{export, import};
use aijri_desk::{scoring, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.split(['\n', '\r']).count();
    match import(&text) {
        Err(error) => assert!(
            (1..=lines.max(1)).contains(&error.line),
            "{error} (of {lines} lines)"
        ),
        Ok(imported) => {
            let framework = Framework::published();
            let exported = export(&imported.assessment, framework);
            let again = import(&exported)
                .unwrap_or_else(|e| panic!("the export does not import: {e}\n{exported}"));
            assert_eq!(
                export(&again.assessment, framework),
                exported,
                "export → import → export changed the text"
            );
            let breakdown = scoring::score(&imported.assessment, framework);
            let findings = validate::validate(&imported.assessment, framework, &breakdown);
            let _ = markdown_report(&imported.assessment, &breakdown, framework, &findings);
        }
    }
});
