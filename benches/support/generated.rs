//! The generated library the benchmarks read: variants of the shipped assessment with other
//! scores, 3–12 tasks with decimal shares, texts of varied length and now and then fields from a
//! newer program, the same on every run. Included by `library_load` and `cli_score`.

use std::path::{Path, PathBuf};

use aijri_desk::library;
use aijri_desk::model::{Assessment, Barrier, Dimension, Impact, Principle, Task};
use serde_json::json;

/// A small deterministic generator, so every run benchmarks the same library.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low + 1).unwrap_or(1);
        low + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

/// The `index`-th variant of the shipped assessment: other scores, 3–12 tasks with decimal
/// shares, shorter or longer texts, and now and then fields from a newer program.
fn variant(base: &Assessment, index: usize, rng: &mut Lcg) -> Assessment {
    let mut a = base.clone();
    a.role.title = format!("{} variant {index}", base.role.title);
    a.meta.id = format!("variant-{index}");
    a.growth.score = Some(rng.between(-2, 2));
    for &p in Principle::ALL {
        a.protective.get_mut(p).score = Some(rng.between(0, 3));
    }
    for &d in Dimension::ALL {
        a.evidence.get_mut(d).score = Some(rng.between(-2, 2));
    }
    for &b in Barrier::ALL {
        a.barriers.get_mut(b).score = Some(rng.between(0, 2));
    }
    a.tasks = tasks(base, rng);
    let repeat = usize::try_from(rng.between(1, 3)).unwrap_or(1);
    a.commentary.score_vs_reality = base.commentary.score_vs_reality.repeat(repeat);
    if index.is_multiple_of(10) {
        a.extra.insert(
            "x_newer_program".to_owned(),
            json!({"notes": ["kept", "on rewrite"], "weight": 0.5}),
        );
    }
    a
}

/// 3–12 tasks drawn from the shipped ones, with shares that add up to 100 (one decimal).
fn tasks(base: &Assessment, rng: &mut Lcg) -> Vec<Task> {
    let count = usize::try_from(rng.between(3, 12)).unwrap_or(3);
    let weights: Vec<i64> = (0..count).map(|_| rng.between(5, 40)).collect();
    let total: i64 = weights.iter().sum();
    let mut left = 1000; // tenths of a percent
    let mut tasks: Vec<Task> = Vec::with_capacity(count);
    for (i, weight) in weights.iter().enumerate() {
        let tenths = if i + 1 == count {
            left
        } else {
            weight * 1000 / total
        };
        left -= tenths;
        let template = &base.tasks[i % base.tasks.len()];
        let score = rng.between(1, 5);
        tasks.push(Task {
            id: None,
            name: format!("{} ({})", template.name, i + 1),
            #[allow(clippy::cast_precision_loss)] // at most 1000
            time_pct: tenths as f64 / 10.0,
            score,
            impact: if score >= 4 { Impact::Displacement } else { Impact::Augmentation },
            rationale: template.rationale.clone(),
            extra: template.extra.clone(),
        });
    }
    tasks
}

/// Writes a library of `size` files into `folder` (ten subfolders) and returns every file's path
/// and bytes.
pub fn generate_library(folder: &Path, size: usize) -> Vec<(PathBuf, Vec<u8>)> {
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/backend-api-developer.aijri.json");
    let base = library::load_file(&shipped)
        .map(|l| l.assessment)
        .unwrap_or_else(|_| Assessment::blank());
    let mut rng = Lcg(2026);
    (0..size)
        .map(|index| {
            let sub = folder.join(format!("group-{}", index % 10));
            let path = sub.join(format!("role-{index:04}.aijri.json"));
            let bytes = library::to_json(&variant(&base, index, &mut rng)).into_bytes();
            std::fs::create_dir_all(&sub)
                .and_then(|()| std::fs::write(&path, &bytes))
                .unwrap_or_else(|e| {
                    eprintln!("cannot write {}: {e}", path.display());
                    std::process::exit(1);
                });
            (path, bytes)
        })
        .collect()
}
