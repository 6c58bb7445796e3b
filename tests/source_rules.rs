//! Rules of the code that a sample test would miss, checked over every file of `src/`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use std::path::{Path, PathBuf};

/// Every Rust file below `folder`.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The window's code never touches the file system itself: every touch goes through
/// `library::disk` (which refuses to run on the UI thread in debug builds), on worker threads of
/// the I/O service.
#[test]
fn the_windows_code_makes_no_file_system_call_of_its_own() {
    let forbidden = [
        "std::fs",
        "fs::read",
        "fs::write",
        "File::open",
        "File::create",
        ".exists()",
        ".is_dir()",
        ".is_file()",
        "canonicalize",
        "read_dir",
        "metadata(",
        "walkdir",
    ];
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut found = Vec::new();
    for file in rust_files(&app) {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may set up files as they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(call) = forbidden.iter().find(|call| line.contains(*call)) {
                found.push(format!("{}:{}: {call}", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "file-system calls outside library::disk:\n{}",
        found.join("\n")
    );
}
