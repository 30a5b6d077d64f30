//! Bad input files get a clear Dutch error and never a panic.

use std::path::Path;

use crate::common::*;
use techniekpact::load::{LoadOptions, load};

fn first_message(path: &Path) -> String {
    let report = load(path, LoadOptions::default()).expect_err("must be refused");
    report.diagnostics[0].message.clone()
}

#[test]
fn missing_file() {
    assert_eq!(
        first_message(Path::new("bestaat/niet.yaml")),
        "het bestand bestaat niet"
    );
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(first_message(dir.path()), "dit is een map, geen bestand");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    for content in ["", "\n\n", "# alleen commentaar\n"] {
        let p = dir.path().join("leeg.yaml");
        std::fs::write(&p, content).unwrap();
        assert_eq!(first_message(&p), "het bestand is leeg");
    }
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.yaml");
    std::fs::write(&p, b"rapport:\n  titel: B\xe8ta\n").unwrap();
    assert_eq!(
        first_message(&p),
        "het bestand is geen UTF-8-tekst (ongeldige byte op regel 2, kolom 11)"
    );
}

#[test]
fn nul_byte() {
    let text = with("Testrapport", "Test\0rapport");
    let report = load_text(&text).expect_err("NUL");
    assert!(report.diagnostics[0].message.contains("NUL-teken"));
    assert_eq!(report.position(&report.diagnostics[0]).unwrap().0, 2);
}

#[test]
fn not_yaml_at_all() {
    let report = load_text("rapport: [\n  titel: x\n").expect_err("broken");
    assert_eq!(
        report.diagnostics[0].message,
        "het haakje '[' wordt niet gesloten"
    );
    assert_eq!(report.position(&report.diagnostics[0]), Some((1, 10)));
}

#[test]
fn binary_garbage_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("png.yaml");
    std::fs::write(&p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert!(load(&p, LoadOptions::default()).is_err());
}
