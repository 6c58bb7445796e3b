//! Any bytes as a saved comparison (`*.aijri-compare.json`): parsing answers with a comparison or
//! an error naming the file, never a panic; a comparison that parses lists at most 1,000 roles,
//! each naming a file or an id, and saves and loads back with the same roles.

#![no_main]

use std::path::Path;

use aijri_desk::comparison::{Comparison, MAX_ROLES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("/clients/fuzz.aijri-compare.json");
    let comparison = match Comparison::parse(data, path) {
        Ok(comparison) => comparison,
        Err(error) => {
            assert!(error.to_string().starts_with(&format!("{}: ", path.display())), "{error}");
            return;
        }
    };
    assert!(comparison.roles.len() <= MAX_ROLES);
    let files = comparison.role_files(path);
    assert_eq!(files.len(), comparison.roles.len());
    let saved = comparison.to_json(path);
    let again = Comparison::parse(saved.as_bytes(), path)
        .unwrap_or_else(|e| panic!("a saved comparison does not load: {e}\n{saved}"));
    let ids = |c: &Comparison| c.roles.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&comparison), "save → load changed the roles");
    assert_eq!(again.role_files(path).len(), files.len());
});
