//! A saved comparison under the example framework variant, for the tests of "one answer": the
//! window and the command line must score and report it alike.

use std::path::{Path, PathBuf};

/// The id of the example variant (evidence counted 0.06 per point).
pub const VARIANT_ID: &str = "evidence-0-06";

/// Puts the example variant in `folder` and, beside it, a comparison of the published role and
/// the junior one (their files expected in `folder`) saved under that variant; the comparison's
/// file.
pub fn write(folder: &Path) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/framework/examples/evidence-0.06.aijri-framework.json");
    std::fs::copy(example, folder.join("evidence-0.06.aijri-framework.json")).unwrap();
    let comparison = folder.join("j-s.aijri-compare.json");
    let text = serde_json::json!({
        "format": "aijri-comparison", "version": 1, "title": "Options for J.S.",
        "framework": VARIANT_ID,
        "roles": [
            {"file": "backend-api-developer.aijri.json", "id": "backend-api-developer-mid"},
            {"file": "junior-backend-developer.aijri.json", "id": "junior-backend-developer"}
        ]
    });
    std::fs::write(&comparison, text.to_string()).unwrap();
    comparison
}
