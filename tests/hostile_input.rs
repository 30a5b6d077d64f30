//! Hostile YAML: each case gets a Dutch error quickly and with bounded
//! memory, never a panic or a hang.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::*;
use techniekpact::load::{LoadOptions, load};

/// Generous bound: these must fail fast, not hang (debug build, shared CI).
const QUICK: Duration = Duration::from_secs(5);

fn refused(path: &Path) -> String {
    let started = Instant::now();
    let report = load(path, LoadOptions::default()).expect_err("must be refused");
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    report.diagnostics[0].message.clone()
}

fn file(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn billion_laughs() {
    let dir = tempfile::tempdir().unwrap();
    let mut y = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        y.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 9].join(",")));
    }
    let msg = refused(&file(dir.path(), "bom.yaml", y));
    assert!(
        msg.contains("herhaalde verwijzingen") || msg.contains("onbekende sleutel"),
        "{msg}"
    );
}

#[test]
fn deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("rapport: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let msg = refused(&file(dir.path(), "diep.yaml", deep));
    assert!(msg.contains("te diep genest"), "{msg}");
}

#[test]
fn very_large_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("groot.yaml");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let msg = refused(&p);
    assert!(msg.starts_with("het bestand is te groot (50 MB"), "{msg}");
}

#[test]
fn device_file() {
    let msg = refused(Path::new("/dev/zero"));
    assert_eq!(msg, "dit is geen gewoon bestand");
}

#[test]
fn many_aliases_to_a_valid_report_are_fine_or_refused_cleanly() {
    // Anchors and aliases used normally still load.
    let text = with(
        "    naam: Kiezen voor techniek",
        "    naam: &kiezen Kiezen voor techniek",
    )
    .replace("    naam: Leren in de techniek", "    naam: *kiezen");
    let loaded = load_text(&text).expect("aliases are YAML");
    assert_eq!(loaded.data.actielijnen[1].naam, "Kiezen voor techniek");
}
