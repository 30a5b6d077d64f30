//! The page design as a reader measures it, on the examples and on
//! generated reports: every page but the last at least two thirds full,
//! body lines of 60 to 80 characters, and no blank page in LibreOffice's
//! rendering of a DOCX (`tests/validatie/vulling.py`, PyMuPDF).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// The headings that begin a page on purpose: the first chapter after the
/// contents, the first appendix and the colophon. The page before each may
/// be emptier.
const BREAKS: [&str; 3] = ["Samenvatting", "Bijlage A", "Colofon"];

/// vulling.py's verdict on `pdf`, with `args` before it.
fn fill(pdf: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(validator_python())
        .arg(repo().join("tests/validatie/vulling.py"))
        .args(args)
        .arg(pdf)
        .output()
        .expect("run vulling.py");
    let line = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(line.trim())
        .unwrap_or_else(|e| panic!("{e}: {line} {}", String::from_utf8_lossy(&out.stderr)))
}

/// The examples of 2014 to 2016 and generated reports of 7 and 25
/// indicators, in `formats`, in `dir`: the paths of one extension.
fn reports(dir: &Path, formats: &str, ext: &str) -> Vec<PathBuf> {
    let mut data: Vec<PathBuf> = [2014, 2015, 2016]
        .iter()
        .map(|y| repo().join(format!("data/noord-{y}.yaml")))
        .collect();
    for n in [7, 25] {
        let file = dir.join(format!("voorbeeld-{n}.yaml"));
        let out = Command::new(bin())
            .args(["voorbeeld", "--indicatoren", &n.to_string(), "--uit"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success());
        data.push(file);
    }
    let mut made = Vec::new();
    for (i, d) in data.iter().enumerate() {
        let out = dir.join(format!("uit-{i}"));
        maak_ok(d, &out, &["--formaat", formats]);
        let found: Vec<PathBuf> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        made.extend(found);
    }
    made
}

#[test]
fn no_page_but_the_last_is_more_than_a_third_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = Vec::new();
    for b in BREAKS {
        args.extend(["--breuk", b]);
    }
    let mut failures = Vec::new();
    for pdf in reports(dir.path(), "pdf", "pdf") {
        let v = fill(&pdf, &args);
        let findings = v["findings"].as_array().unwrap();
        if !findings.is_empty() {
            failures.push(format!("{}: {findings:?}", pdf.display()));
        }
        assert!(v["pages"].as_u64() > Some(3));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn body_lines_hold_60_to_80_characters() {
    let pdf = std::env::temp_dir().join(format!("ontwerp-regels-{}.pdf", std::process::id()));
    std::fs::write(&pdf, &example::noord_2016().pdf).unwrap();
    let v = fill(&pdf, &[]);
    let _ = std::fs::remove_file(&pdf);
    let chars = v["chars_per_line"].as_u64().unwrap();
    assert!((60..=80).contains(&chars), "{chars} characters per line");
}

#[test]
fn no_docx_renders_a_blank_page_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let docx = reports(dir.path(), "docx", "docx");
    let pdfs = libreoffice_pdfs(&docx, dir.path());
    assert_eq!(pdfs.len(), docx.len());
    let mut failures = Vec::new();
    for pdf in &pdfs {
        let v = fill(pdf, &["--leeg"]);
        let findings = v["findings"].as_array().unwrap();
        if !findings.is_empty() {
            failures.push(format!("{}: {findings:?}", pdf.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
