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

/// The examples of 2014 to 2016, the national overview of 2016, and
/// generated reports of 7 and 25 indicators, each made once as PDF and
/// DOCX for the tests of this file: the paths of one extension.
fn reports(ext: &str) -> Vec<PathBuf> {
    static MADE: std::sync::OnceLock<(tempfile::TempDir, Vec<PathBuf>)> =
        std::sync::OnceLock::new();
    let (_, made) = MADE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut data: Vec<PathBuf> = [2014, 2015, 2016]
            .iter()
            .map(|y| repo().join(format!("data/noord-{y}.yaml")))
            .collect();
        data.push(repo().join("data/landelijk-2016.yaml"));
        for n in [7, 25] {
            data.push(voorbeeld(dir.path(), n));
        }
        let mut made = Vec::new();
        for (i, d) in data.iter().enumerate() {
            let out = dir.path().join(format!("uit-{i}"));
            maak_ok(d, &out, &["--formaat", "pdf,docx"]);
            made.extend(
                std::fs::read_dir(&out)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.is_file()),
            );
        }
        (dir, made)
    });
    let found: Vec<PathBuf> = made
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .cloned()
        .collect();
    assert_eq!(found.len(), 6, "{found:?}");
    found
}

#[test]
fn no_page_but_the_last_is_more_than_a_third_empty() {
    let mut args = Vec::new();
    for b in BREAKS {
        args.extend(["--breuk", b]);
    }
    let mut failures = Vec::new();
    for pdf in reports("pdf") {
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
    let docx = reports("docx");
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
            Block::Paragraph { content, .. } => inlines(content, out),
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
            Block::Beside { columns, .. } => {
                for column in columns {
                    names_in_tables(column, out);
                }
            }
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

/// The examples and generated reports whose long tables (rows with notes)
/// once left one row alone at a page break, each built once with its PDF,
/// its model and the number of layout passes Typst needed.
struct Paged {
    name: String,
    pdf: Vec<u8>,
    document: techniekpact::document::Document,
    passes: usize,
}

impl Paged {
    /// The text of each page of its PDF as a search across pages sees it
    /// ([`squeezed`]).
    fn squeezed_pages(&self) -> Vec<String> {
        pdf_pages_of(&self.pdf)
            .iter()
            .map(|p| squeezed(p))
            .collect()
    }
}

fn paged_reports() -> &'static [Paged] {
    static REPORTS: std::sync::OnceLock<Vec<Paged>> = std::sync::OnceLock::new();
    REPORTS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut data: Vec<PathBuf> = [2015, 2016]
            .iter()
            .map(|y| repo().join(format!("data/noord-{y}.yaml")))
            .collect();
        for n in [6, 10, 16, 26, 33, 40] {
            data.push(voorbeeld(dir.path(), n));
        }
        data.iter()
            .enumerate()
            .map(|(i, d)| {
                let out = dir.path().join(format!("uit-{i}"));
                let made = Command::new(bin())
                    .arg("maak")
                    .arg(d)
                    .args(["--formaat", "pdf", "--uit"])
                    .arg(&out)
                    .current_dir(repo())
                    .env("TECHNIEKPACT_TIJDEN", "1")
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&made.stderr);
                assert!(made.status.success(), "{stderr}");
                let passes = stderr
                    .lines()
                    .find_map(|l| {
                        let rest = l.split("pdf: opgemaakt in ").nth(1)?;
                        rest.split_whitespace().next()?.parse().ok()
                    })
                    .unwrap_or_else(|| panic!("no pass count in {stderr}"));
                let pdf = std::fs::read_dir(&out)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .find(|p| p.extension().is_some_and(|e| e == "pdf"))
                    .unwrap();
                let loaded = techniekpact::load::load(d, Default::default()).unwrap();
                let setup = techniekpact::pipeline::Setup::embedded();
                let Ok(prepared) = techniekpact::pipeline::prepare(&loaded, &setup) else {
                    panic!("{} prepares", d.display())
                };
                Paged {
                    name: d.file_name().unwrap().to_string_lossy().into_owned(),
                    pdf: std::fs::read(pdf).unwrap(),
                    document: prepared.document,
                    passes,
                }
            })
            .collect()
    })
}

/// Text as a search across a page break sees it: no white space, no
/// hyphens (the PDF breaks words at them), typed apostrophes.
fn squeezed(s: &str) -> String {
    normalise(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'))
        .collect()
}

fn breakable_tables<'a>(
    blocks: &'a [techniekpact::document::Block],
    out: &mut Vec<&'a techniekpact::document::Table>,
) {
    use techniekpact::document::Block;
    for b in blocks {
        match b {
            Block::Table(t) if !t.keep_together() => out.push(t),
            Block::List { items, .. } => {
                for item in items {
                    breakable_tables(item, out);
                }
            }
            Block::Beside { columns, .. } => {
                for column in columns {
                    breakable_tables(column, out);
                }
            }
            _ => {}
        }
    }
}

/// A row this long may itself run over a page; its table is not judged.
const PAGE_OF_TEXT: usize = 600;

#[test]
fn a_table_leaves_at_least_two_rows_on_either_side_of_a_page_break() {
    let mut failures = Vec::new();
    let mut judged = 0;
    for report in paged_reports() {
        let pages = report.squeezed_pages();
        let mut tables = Vec::new();
        breakable_tables(&report.document.blocks, &mut tables);
        for t in tables {
            let texts: Vec<Vec<String>> = t
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.plain_text()).collect())
                .collect();
            if texts
                .iter()
                .flatten()
                .any(|c| c.chars().count() > PAGE_OF_TEXT)
            {
                continue;
            }
            let caption: String = squeezed(&t.caption.full).chars().take(40).collect();
            let Some(mut page) = pages.iter().position(|p| p.contains(&caption)) else {
                failures.push(format!("{}: {caption} not found", report.name));
                continue;
            };
            let mut at = pages[page].find(&caption).unwrap() + caption.len();
            let mut per_page = std::collections::BTreeMap::new();
            for (r, row) in texts.iter().enumerate() {
                // The row's longest cell that no other row has finds it
                // (two doe-voorstellen may share a theme).
                let elsewhere = |cell: &String| {
                    texts.iter().enumerate().any(|(o, other)| {
                        o != r && other.iter().any(|c| squeezed(c).contains(cell.as_str()))
                    })
                };
                let mut cells: Vec<String> = row.iter().map(|c| squeezed(c)).collect();
                cells.sort_by_key(|c| std::cmp::Reverse(c.chars().count()));
                let key: String = cells
                    .iter()
                    .find(|c| !elsewhere(c))
                    .or(cells.first())
                    .cloned()
                    .unwrap_or_default()
                    .chars()
                    .take(30)
                    .collect();
                loop {
                    if let Some(k) = pages[page][at..].find(&key) {
                        at += k + key.len();
                        break;
                    }
                    page += 1;
                    at = 0;
                    assert!(page < pages.len(), "{}: row {key} not found", report.name);
                }
                *per_page.entry(page).or_insert(0) += 1;
            }
            judged += 1;
            if per_page.len() > 1 && per_page.values().any(|&n| n < 2) {
                failures.push(format!(
                    "{}: {} rows per page {per_page:?}",
                    report.name, t.caption.full
                ));
            }
        }
    }
    assert!(judged >= 10, "{judged} tables judged");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_pdf_layout_settles_before_typst_gives_up() {
    for report in paged_reports() {
        assert!(
            report.passes < 5,
            "{}: {} layout passes (Typst stops at 5 without settling)",
            report.name,
            report.passes
        );
    }
}

/// An indicator's heading and a short explanation of one paragraph or list
/// stand on the page of its key figures, above them: none is left at the
/// foot of the page before. (A long explanation may end there, and one of
/// several blocks may break between them; the model says which are kept.)
#[test]
fn an_indicators_heading_stands_on_the_page_of_its_key_figures() {
    use techniekpact::document::Block;
    let mut failures = Vec::new();
    let mut judged = 0;
    for report in paged_reports() {
        let pages = report.squeezed_pages();
        // The heading above, and whether all under it is kept with what
        // follows: none, or one kept paragraph or list.
        let mut heading: Option<(String, bool)> = None;
        let mut blocks_under = 0;
        for b in &report.document.blocks {
            match b {
                Block::Heading { level: 3, text, .. } => {
                    heading = Some((squeezed(text), true));
                    blocks_under = 0;
                }
                Block::Paragraph { keep_with_next, .. } | Block::List { keep_with_next, .. } => {
                    blocks_under += 1;
                    if let Some((_, kept)) = &mut heading {
                        *kept = *keep_with_next && blocks_under == 1;
                    }
                }
                Block::Beside { columns, .. } => {
                    let (name, kept) = heading.take().expect("a heading above the key figures");
                    let Some(Block::Table(t)) = columns.iter().flatten().next() else {
                        continue;
                    };
                    if !kept {
                        continue;
                    }
                    let caption = squeezed(&t.caption.full);
                    let Some(page) = pages.iter().position(|p| p.contains(&caption)) else {
                        failures.push(format!("{}: {caption} not found", report.name));
                        continue;
                    };
                    let at = pages[page].find(&caption).unwrap();
                    judged += 1;
                    if !pages[page][..at].contains(&name) {
                        failures.push(format!(
                            "{}: '{name}' not above {caption} on page {}",
                            report.name,
                            page + 1
                        ));
                    }
                }
                _ => heading = None,
            }
        }
    }
    assert!(judged >= 100, "{judged} indicators judged");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
