//! Every report passes validators that techniekpact did not write:
//! page-validation (PDF/A-2a, PDF/UA-1) and outloud on the PDF, openxml-audit
//! on the DOCX, LibreOffice on the examples' DOCX. On the examples in both
//! statuses and on generated data (`common::generator`): a fixed, seeded set
//! of 40 cases; `TECHNIEKPACT_GEVALLEN=N` runs N, `TECHNIEKPACT_ZAAD=S`
//! another set.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::generator::{self, Case};
use crate::common::*;

/// The PDF and DOCX of `slug` in `out`, labelled.
fn outputs(out: &Path, slug: &str, label: &str) -> Vec<(PathBuf, String)> {
    ["pdf", "docx"]
        .iter()
        .map(|ext| {
            let p = out.join(format!("{slug}.{ext}"));
            assert!(p.exists(), "{} missing ({label})", p.display());
            (p, label.to_string())
        })
        .collect()
}

fn slug_of(case: &Case) -> String {
    techniekpact::pipeline::slug(&case.data.rapport.landsdeel, case.data.rapport.verslagjaar)
}

/// The fixed set of generated cases (`TECHNIEKPACT_GEVALLEN`,
/// `TECHNIEKPACT_ZAAD`).
fn generated_cases() -> Vec<Case> {
    let seed = generator::seed();
    (0..generator::case_count(40))
        .map(|n| generator::case(seed, n))
        .collect()
}

/// The generated set covers what it is for: both statuses, a previous
/// year, 1 and 45 or more indicators, with and without a logo, summary,
/// doe-voorstellen, a breakdown, every indicator status, and a report of
/// 100 or more indicators.
#[test]
fn the_generated_set_covers_every_combination() {
    let cases = generated_cases();
    let all = |f: &dyn Fn(&Case) -> bool| cases.iter().any(f);
    if cases.len() < 40 {
        return;
    }
    assert!(all(
        &|c| c.data.rapport.status == techniekpact::model::RapportStatus::Concept
    ));
    assert!(all(
        &|c| c.data.rapport.status == techniekpact::model::RapportStatus::Definitief
    ));
    assert!(all(&|c| c.previous.is_some()));
    assert!(all(&|c| c.data.indicatoren().count() == 1));
    assert!(all(&|c| c.data.indicatoren().count() >= 45));
    assert!(all(&|c| c.data.rapport.logo.is_some()) && all(&|c| c.data.rapport.logo.is_none()));
    assert!(all(&|c| c.data.samenvatting.is_some()) && all(&|c| c.data.samenvatting.is_none()));
    assert!(
        all(&|c| c.data.doe_voorstellen.is_empty()) && all(&|c| !c.data.doe_voorstellen.is_empty())
    );
    assert!(all(&|c| c
        .data
        .indicatoren()
        .any(|i| !i.uitsplitsing.is_empty())));
    let statuses: std::collections::BTreeSet<String> = cases
        .iter()
        .flat_map(|c| {
            let a = techniekpact::analysis::analyse(&c.data);
            a.status_counts()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(s, _)| format!("{s:?}"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(statuses.len(), 6, "every indicator status: {statuses:?}");
    assert!(all(&|c| c.data.indicatoren().count() >= 100));
}

#[test]
fn generated_reports_pass_the_independent_validators() {
    let cases = generated_cases();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let mut batch = Vec::new();
    let mut with_previous = Vec::new();
    let mut files = Vec::new();
    for case in &cases {
        let (data, previous) =
            generator::write(case, &dir.path().join(format!("geval-{}", case.number)));
        // The data is valid; its only warnings are points of the
        // publication check (a year without measurement, a deadline past).
        let loaded = techniekpact::load::load(&data, Default::default())
            .unwrap_or_else(|r| panic!("{}: {}", case.description, r.render(false)));
        assert!(
            loaded.warnings.diagnostics.len() == loaded.warnings.to_review,
            "{}: {}",
            case.description,
            loaded.warnings.render(false)
        );
        match previous {
            Some(prev) => with_previous.push((case, data, prev)),
            None => batch.push(data),
        }
    }
    // The others in one batch, over both cores; beside it, each case with
    // a previous year on its own.
    let run = |args: Vec<std::ffi::OsString>| {
        Command::new(bin())
            .arg("maak")
            .args(args)
            .arg("--uit")
            .arg(&out)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    std::thread::scope(|s| {
        let alone: Vec<_> = with_previous
            .iter()
            .map(|(case, data, prev)| {
                let args = vec![data.clone().into(), "--vorig".into(), prev.clone().into()];
                (case, s.spawn(move || run(args)))
            })
            .collect();
        if !batch.is_empty() {
            let o = run(batch.iter().map(|d| d.clone().into()).collect());
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        for (case, h) in alone {
            let o = h.join().unwrap();
            assert!(
                o.status.success(),
                "{}: {}",
                case.description,
                String::from_utf8_lossy(&o.stderr)
            );
        }
    });
    for case in &cases {
        files.extend(outputs(&out, &slug_of(case), &case.description));
    }
    // The validators, and the reader's check beside them: every word on the
    // page, every drawing in the DOCX inside its text area.
    std::thread::scope(|s| {
        s.spawn(|| reader_check(&files));
        independent_validators(&files);
    });
    for (f, label) in files
        .iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "docx"))
    {
        docx_drawings_fit(&std::fs::read(f).unwrap()).unwrap_or_else(|e| panic!("{label}: {e}"));
    }
}

#[test]
fn examples_in_both_statuses_pass_the_independent_validators_and_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut docx = Vec::new();
    for year in [2014, 2015, 2016] {
        for status in ["concept", "definitief"] {
            let name = format!("noord-{year}.yaml");
            let text = std::fs::read_to_string(repo().join("data").join(&name)).unwrap();
            let changed = text
                .replacen(
                    "\n  status: definitief\n",
                    &format!("\n  status: {status}\n"),
                    1,
                )
                .replacen(
                    "\n  status: concept\n",
                    &format!("\n  status: {status}\n"),
                    1,
                );
            assert!(
                changed.contains(&format!("\n  status: {status}\n")),
                "{name}"
            );
            let case = dir.path().join(status);
            std::fs::create_dir_all(&case).unwrap();
            std::fs::copy(
                repo().join("data/logo-techniekpact-noord.svg"),
                case.join("logo-techniekpact-noord.svg"),
            )
            .unwrap();
            std::fs::write(case.join(&name), changed).unwrap();
            let out = case.join("uit");
            maak_ok(&case.join(&name), &out, &[]);
            let slug = format!("techniekpact-noord-{year}");
            let pdf = std::fs::read(out.join(format!("{slug}.pdf"))).unwrap();
            let concept_mark = normalise(&crate::common::pdf_text_of(&pdf)).contains("CONCEPT");
            assert_eq!(concept_mark, status == "concept", "{name} as {status}");
            files.extend(outputs(&out, &slug, &format!("{name} als {status}")));
            if status == "definitief" {
                docx.push(out.join(format!("{slug}.docx")));
            }
        }
    }
    independent_validators(&files);
    reader_check(&files);
    libreoffice_converts(&docx);
}

/// LibreOffice headless opens each DOCX and converts it to PDF without an
/// error; its PDF passes the reader's check too.
fn libreoffice_converts(docx: &[PathBuf]) {
    let out = tempfile::tempdir().unwrap();
    let pdfs = libreoffice_pdfs(docx, out.path());
    let labelled: Vec<(PathBuf, String)> = pdfs
        .iter()
        .map(|p| (p.clone(), "LibreOffice's PDF of the DOCX".to_string()))
        .collect();
    reader_check(&labelled);
    for (d, pdf) in docx.iter().zip(&pdfs) {
        docx_drawings_fit(&std::fs::read(d).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        let bytes = std::fs::read(pdf).unwrap();
        // The fonts embedded in the DOCX: LibreOffice sets the report in
        // Noto Sans even where the system has no Noto Sans (CI, this
        // machine: no fonts-noto package).
        let fonts = base_fonts(&bytes);
        assert!(
            !fonts.is_empty() && fonts.iter().all(|f| f.contains("+NotoSans")),
            "{}: LibreOffice used {fonts:?}",
            d.display()
        );
        let text = normalise(&crate::common::pdf_text_of(&bytes));
        assert!(
            text.contains("Inhoud") || text.contains("Samenvatting"),
            "{}: {text:.300}",
            d.display()
        );
    }
}

/// The `/BaseFont` names of a PDF as LibreOffice writes them.
fn base_fonts(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    let mut fonts: Vec<String> = text
        .match_indices("/BaseFont/")
        .map(|(at, _)| {
            text[at + 10..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '-')
                .collect()
        })
        .collect();
    fonts.sort();
    fonts.dedup();
    fonts
}

/// openxml-audit's errors in a file, as `part: description`.
fn audit_errors(file: &std::path::Path) -> Vec<String> {
    openxml_audit(file)["errors"]
        .as_array()
        .expect("a list of errors")
        .iter()
        .filter(|e| e["severity"] == "error")
        .map(|e| format!("{}: {}", e["part_uri"], e["description"]))
        .collect()
}

/// LibreOffice's ODT of the DOCX has no errors that come from our parts:
/// only those LibreOffice's ODT of a plain text file has too (its own
/// empty configuration folders), and those of a table inside a table
/// (LibreOffice 7.4 names the automatic styles of a nested table twice, also
/// in a document python-docx makes; our DOCX nests the key figures in the
/// row that sets them beside their chart).
#[test]
fn libreoffices_odt_of_the_docx_has_no_errors_of_ours() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("rapport.docx");
    std::fs::write(&docx, &crate::common::example::noord_2016().docx).unwrap();
    let plain = dir.path().join("leeg.txt");
    std::fs::write(&plain, "leeg\n").unwrap();
    let nested = dir.path().join("genest.docx");
    python(
        "import sys\nfrom docx import Document\nd = Document()\nt = d.add_table(rows=1, cols=2)\nt.cell(0, 0).add_table(rows=2, cols=2)\nd.save(sys.argv[1])\n",
        &[&nested],
    );
    let odts = libreoffice_converts_to(&[docx, plain, nested], dir.path(), "odt");
    // An error's kind: its words, without the numbers LibreOffice counts
    // tables by.
    let kind = |e: &String| -> String { e.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let ours = audit_errors(&odts[0]);
    let theirs: Vec<String> = audit_errors(&odts[1])
        .iter()
        .chain(audit_errors(&odts[2]).iter())
        .map(kind)
        .collect();
    let extra: Vec<&String> = ours.iter().filter(|e| !theirs.contains(&kind(e))).collect();
    assert!(
        extra.is_empty(),
        "errors of our DOCX in its ODT: {extra:#?}"
    );
}
