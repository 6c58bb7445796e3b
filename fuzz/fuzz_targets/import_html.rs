//! Any bytes as a web page (a saved page, or HTML pasted from the clipboard): the import answers
//! with an assessment or an error naming a line of the page's text, never a panic; what it reads
//! can be exported and read back to the same text.

#![no_main]

use aijri_desk::framework::Framework;
use aijri_desk::text_format::{export, html, import, import_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    match import_html(&page) {
        Err(error) => {
            let lines = html::page_text(&page).split('\n').count();
            assert!(error.in_page_text, "{error}");
            assert!(
                (1..=lines.max(1)).contains(&error.line),
                "{error} (of {lines} lines of the page's text)"
            );
        }
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
        }
    }
});
