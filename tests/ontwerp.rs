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

/// Every formula of the model (Bijlage B's, from `$…$` in the fixed
/// texts), in each format as the format sets formulas.
fn formulas(blocks: &[techniekpact::document::Block], out: &mut Vec<String>) {
    use techniekpact::document::{Block, Inline};
    fn inlines(items: &[Inline], out: &mut Vec<String>) {
        for i in items {
            match i {
                Inline::Formula { formula } => out.push(formula.text.clone()),
                Inline::Strong { content } | Inline::Emph { content } => inlines(content, out),
                _ => {}
            }
        }
    }
    for b in blocks {
        match b {
            Block::Formula { formula } => out.push(formula.text.clone()),
            Block::Paragraph { content } => inlines(content, out),
            Block::List { items, .. } => {
                for item in items {
                    formulas(item, out);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn formulas_are_set_as_formulas_in_the_pdf_and_with_scripts_elsewhere() {
    let example = crate::common::example::noord_2016();
    let mut found = Vec::new();
    formulas(&example.document.blocks, &mut found);
    assert!(
        found.contains(&"realisatie = (w − w0) / (w1 − w0) × 100\u{a0}%".to_string()),
        "{found:?}"
    );
    // PDF: a tagged formula with its text on one line as alternative text,
    // its variables in mathematical italics.
    let tagged: Vec<&str> = example.pdf_qdf.split("/S /Formula").skip(1).collect();
    assert_eq!(tagged.len(), found.len(), "one Formula element per formula");
    let before_each: Vec<&str> = example.pdf_qdf.split("/S /Formula").collect();
    for (n, chunk) in before_each[..before_each.len() - 1].iter().enumerate() {
        let start = chunk.rfind("<<").expect("the element's dictionary");
        assert!(chunk[start..].contains("/Alt"), "formula {n} has no /Alt");
    }
    assert!(
        pdf_text_of(&example.pdf).contains('\u{1d464}'),
        "an italic w"
    );
    // DOCX: the display formulas in the style Formule, scripts as scripts.
    let body = docx_part(&example.docx, "word/document.xml");
    let display = example
        .document
        .blocks
        .iter()
        .flat_map(|b| match b {
            techniekpact::document::Block::List { items, .. } => items.concat(),
            other => vec![other.clone()],
        })
        .filter(|b| matches!(b, techniekpact::document::Block::Formula { .. }))
        .count();
    assert_eq!(display, 3);
    assert_eq!(
        body.matches(r#"<w:pStyle w:val="Formule"/>"#).count(),
        display
    );
    assert!(body.contains(r#"<w:vertAlign w:val="subscript"/>"#));
    // HTML: variables as <var>, scripts as <sub>.
    assert!(
        example.html.contains(
            "<p class=\"formule\">realisatie = (<var>w</var> − <var>w</var><sub>0</sub>) / (<var>w</var><sub>1</sub> − <var>w</var><sub>0</sub>) × 100\u{a0}%</p>"
        ),
        "{}",
        &example.html[example.html.find("formule").unwrap_or(0)..][..400]
    );
}

/// The names joined by a hyphen in the example's table cells (`Jet-Net`),
/// each as often as the tables hold it.
fn names_in_tables(blocks: &[techniekpact::document::Block], out: &mut Vec<String>) {
    use techniekpact::document::{Block, Inline};
    for b in blocks {
        match b {
            Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    for i in &c.content {
                        if let Inline::Whole { text } = i {
                            out.push(text.clone());
                        }
                    }
                }
            }
            Block::Beside { blocks, .. } => names_in_tables(blocks, out),
            _ => {}
        }
    }
}

#[test]
fn a_name_in_a_table_never_breaks_at_its_hyphen() {
    let example = crate::common::example::noord_2016();
    let mut names = Vec::new();
    names_in_tables(&example.document.blocks, &mut names);
    assert!(names.iter().any(|n| n == "Jet-Net-scholen"), "{names:?}");
    // Each name at least as often on one line as the tables hold it: in the
    // PDF, in LibreOffice's rendering of the DOCX, and in the web page's
    // unbreakable spans.
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("rapport.docx");
    std::fs::write(&docx, &example.docx).unwrap();
    let lo = libreoffice_pdfs(&[docx], dir.path());
    let lo_text = pdf_text(&lo[0]);
    let pdf_text = pdf_text_of(&example.pdf);
    for name in &names {
        let wanted = names.iter().filter(|n| *n == name).count();
        for (format, text) in [("PDF", &pdf_text), ("DOCX", &lo_text)] {
            let whole = text.matches(name.as_str()).count();
            assert!(
                whole >= wanted,
                "{format}: {name} whole {whole} times, in {wanted} cells"
            );
        }
        let spans = example
            .html
            .matches(&format!("<span class=\"heel\">{name}</span>"))
            .count();
        assert_eq!(spans, wanted, "HTML: {name}");
    }
}
