//! Any bytes as a recovery file (`*.aijri-recovery.json` in the data folder, offered back at the
//! next start after a crash): reading answers with the work or a reason, never a panic; work that
//! reads writes back to a file that reads again, the same from then on, naming the same document.

#![no_main]

use std::path::Path;

use aijri_desk::library::recovery::Recovery;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("0123456789abcdef.aijri-recovery.json");
    let Ok(read) = Recovery::parse(data, path) else {
        return;
    };
    let _ = read.work.describe();
    let written = read.to_json();
    let again = Recovery::parse(&written, path)
        .unwrap_or_else(|e| panic!("a written recovery file does not read: {e}"));
    assert_eq!(again.key, read.key, "writing changed what the work is");
    assert_eq!(again.document, read.document, "writing changed the document");
    assert_eq!(again.stamp, read.stamp, "writing changed the stamp");
    let third = Recovery::parse(&again.to_json(), path)
        .unwrap_or_else(|e| panic!("a recovery file written twice does not read: {e}"));
    assert_eq!(third, again, "a second write → read changed the work");
});
