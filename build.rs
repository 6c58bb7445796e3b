//! The licences of the crates the window ships, for Help → About AIJRI Desk: made at build time
//! from `cargo metadata`, so the list is always that of the crates this very build links.
//!
//! The crates are those the `aijri-desk` package reaches through normal dependencies for the
//! target being built, with its features (the window: `gui`); build dependencies, development
//! dependencies and procedural macros run on the build machine and are not shipped, so they are
//! left out. `cargo tree -e normal` gives that set exactly (`cargo metadata` alone would also
//! count what the development dependencies' features switch on, such as wgpu); `cargo metadata`
//! gives each crate's folder and licence expression. For each: its name, version, licence
//! expression, and the text of every licence file in its package folder (`LICENSE*`,
//! `LICENCE*`, `COPYING*`, `NOTICE*`, `COPYRIGHT*`, and the file its manifest names). Identical
//! texts are kept once. Without the `gui` feature there is no window, and the list is empty.
//!
//! Cargo is asked with `--frozen` (no network, the lock file as it is: every package is on the
//! machine by the time a build script runs); should that fail, again allowing downloads (still
//! `--locked`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::path::{Path, PathBuf};

use cargo_metadata::{DependencyKind, Metadata, MetadataCommand, Package, PackageId};

/// The file the program embeds (`src/app/about.rs`).
const OUT_FILE: &str = "crate-licences.json";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets OUT_DIR")?);
    let json = if std::env::var_os("CARGO_FEATURE_GUI").is_some() {
        shipped_licences()?
    } else {
        serde_json::json!({ "crates": [], "texts": [] })
    };
    std::fs::write(out.join(OUT_FILE), serde_json::to_string(&json)?)?;
    Ok(())
}

/// This package's manifest.
fn manifest() -> Result<PathBuf, Box<dyn Error>> {
    let folder = std::env::var_os("CARGO_MANIFEST_DIR").ok_or("cargo sets CARGO_MANIFEST_DIR")?;
    Ok(PathBuf::from(folder).join("Cargo.toml"))
}

/// Runs `ask` offline (`--frozen`), then, should that fail, allowing downloads (`--locked`).
fn offline_first<T>(
    what: &str,
    ask: impl Fn(&str) -> Result<T, Box<dyn Error>>,
) -> Result<T, Box<dyn Error>> {
    ask("--frozen").or_else(|offline| {
        ask("--locked").map_err(|online| {
            format!("{what} failed offline ({offline}) and online ({online})").into()
        })
    })
}

/// The metadata of the package for the target being built.
fn metadata() -> Result<Metadata, Box<dyn Error>> {
    let manifest = manifest()?;
    let target = std::env::var("TARGET")?;
    offline_first("cargo metadata", |network| {
        Ok(MetadataCommand::new()
            .manifest_path(&manifest)
            .other_options(vec![
                "--filter-platform".to_owned(),
                target.clone(),
                network.to_owned(),
            ])
            .exec()?)
    })
}

/// The crates a build for the target links, as (name, version): `cargo tree -e normal` with
/// each crate's depth, procedural macros and what only they use left out.
fn linked() -> Result<HashSet<(String, String)>, Box<dyn Error>> {
    let manifest = manifest()?;
    let target = std::env::var("TARGET")?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let tree = offline_first("cargo tree", |network| {
        let output = std::process::Command::new(&cargo)
            .args([
                "tree", "-e", "normal", "--prefix", "depth", "--format", "{p}",
            ])
            .arg("--manifest-path")
            .arg(&manifest)
            .args(["--target", &target, network])
            .output()?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned().into());
        }
        Ok(String::from_utf8(output.stdout)?)
    })?;
    let mut found = HashSet::new();
    let mut inside_macro: Option<usize> = None;
    for line in tree.lines() {
        let depth_end = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        let Ok(depth) = line[..depth_end].parse::<usize>() else {
            continue;
        };
        if inside_macro.is_some_and(|d| depth > d) {
            continue;
        }
        inside_macro = None;
        let mut words = line[depth_end..].split_whitespace();
        let (Some(name), Some(version)) = (words.next(), words.next()) else {
            continue;
        };
        if line.contains("(proc-macro)") {
            inside_macro = Some(depth);
        } else if depth > 0 {
            let version = version.trim_start_matches('v');
            found.insert((name.to_owned(), version.to_owned()));
        }
    }
    Ok(found)
}

/// Every shipped crate with its licence, as JSON: `crates` (name, version, licence, texts: the
/// indices of its licence texts) and `texts` (file name and text), sorted by name and version.
fn shipped_licences() -> Result<serde_json::Value, Box<dyn Error>> {
    let metadata = metadata()?;
    let linked = linked()?;
    let packages: HashMap<&PackageId, &Package> =
        metadata.packages.iter().map(|p| (&p.id, p)).collect();
    let shipped: Vec<&Package> = shipped(&metadata, &packages)?
        .into_iter()
        .filter(|p| linked.contains(&(p.name.to_string(), p.version.to_string())))
        .collect();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut text_index: HashMap<String, usize> = HashMap::new();
    let mut crates = BTreeMap::new();
    for package in shipped {
        let mut indices = Vec::new();
        for (file, text) in licence_files(package)? {
            let next = texts.len();
            let index = *text_index.entry(text.clone()).or_insert(next);
            if index == next {
                texts.push((file, text));
            }
            indices.push(index);
        }
        let key = (package.name.to_string(), package.version.clone());
        crates.insert(
            key,
            serde_json::json!({
                "name": package.name.to_string(),
                "version": package.version.to_string(),
                "licence": package.license,
                "texts": indices,
            }),
        );
    }
    let texts: Vec<serde_json::Value> = texts
        .into_iter()
        .map(|(file, text)| serde_json::json!({ "file": file, "text": text }))
        .collect();
    Ok(serde_json::json!({
        "crates": crates.into_values().collect::<Vec<_>>(),
        "texts": texts,
    }))
}

/// The packages the root reaches through normal dependencies, procedural macros (and what only
/// they use) left out.
fn shipped<'a>(
    metadata: &Metadata,
    packages: &HashMap<&PackageId, &'a Package>,
) -> Result<Vec<&'a Package>, Box<dyn Error>> {
    let resolve = metadata
        .resolve
        .as_ref()
        .ok_or("cargo metadata gave no resolve")?;
    let root = resolve
        .root
        .as_ref()
        .ok_or("cargo metadata gave no root package")?;
    let nodes: HashMap<&PackageId, _> = resolve.nodes.iter().map(|n| (&n.id, n)).collect();
    let mut seen: HashSet<&PackageId> = HashSet::new();
    let mut stack = vec![root];
    let mut found = Vec::new();
    while let Some(id) = stack.pop() {
        let node = nodes.get(id).ok_or("a package missing from the resolve")?;
        for dep in &node.deps {
            let normal = dep
                .dep_kinds
                .iter()
                .any(|k| k.kind == DependencyKind::Normal);
            let package = packages
                .get(&dep.pkg)
                .ok_or("a dependency missing from the packages")?;
            let macro_only = package.targets.iter().any(|t| t.is_proc_macro());
            if normal && !macro_only && seen.insert(&dep.pkg) {
                found.push(*package);
                stack.push(&dep.pkg);
            }
        }
    }
    Ok(found)
}

/// Whether a file in a package folder is a licence by its name.
fn is_licence_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "license",
        "licence",
        "copying",
        "notice",
        "copyright",
        "unlicense",
    ]
    .iter()
    .any(|start| name.starts_with(start))
}

/// The licence files of a package: those in its folder named as licences, and the one its
/// manifest names; each with its file name and text, sorted by name.
fn licence_files(package: &Package) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let folder: &Path = package
        .manifest_path
        .parent()
        .ok_or("a manifest without a folder")?
        .as_std_path();
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_licence_name(&name) && entry.file_type()?.is_file() {
            files.insert(name, entry.path());
        }
    }
    if let Some(named) = &package.license_file {
        let path = folder.join(named.as_std_path());
        if path.is_file() {
            files.insert(named.to_string(), path);
        }
    }
    files
        .into_iter()
        .map(|(name, path)| {
            let bytes = std::fs::read(&path)?;
            Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect()
}
