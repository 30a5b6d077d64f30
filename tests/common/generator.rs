//! The tests' set of generated reports: which seed and how many cases
//! (`TECHNIEKPACT_ZAAD`, `TECHNIEKPACT_GEVALLEN`), and writing a case to a
//! folder. The reports themselves come from the project's one generator,
//! [`techniekpact::synthetic`].

use std::path::{Path, PathBuf};

pub use techniekpact::synthetic::{Case, case};

/// The seed of the fixed set CI runs; `TECHNIEKPACT_ZAAD` picks another.
pub const SEED: u64 = 20_261_201;

/// How many cases to run: `TECHNIEKPACT_GEVALLEN`, or `default`.
pub fn case_count(default: usize) -> usize {
    std::env::var("TECHNIEKPACT_GEVALLEN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn seed() -> u64 {
    std::env::var("TECHNIEKPACT_ZAAD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SEED)
}

/// Write the data of `case` (and the logo and previous year, when used)
/// into `dir`; returns the data file and the previous year's file.
pub fn write(case: &Case, dir: &Path) -> (PathBuf, Option<PathBuf>) {
    std::fs::create_dir_all(dir).unwrap();
    if case.data.rapport.logo.is_some() {
        std::fs::copy(
            super::repo().join("data/logo-techniekpact-noord.svg"),
            dir.join("logo-techniekpact-noord.svg"),
        )
        .unwrap();
    }
    let file = dir.join(format!("geval-{}.yaml", case.number));
    std::fs::write(&file, techniekpact::synthetic::to_yaml(&case.data)).unwrap();
    let previous = case.previous.as_ref().map(|p| {
        let f = dir.join(format!("geval-{}-vorig.yaml", case.number));
        std::fs::write(&f, techniekpact::synthetic::to_yaml(p)).unwrap();
        f
    });
    (file, previous)
}
