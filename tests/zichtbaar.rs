//! Everything a report holds is visible on its page, at any size: the
//! reports that lost content before (60 indicators: the overview ran off
//! the page; noord-2016: a status ran past the table edge on page 15) and
//! reports of 1 to 200 indicators, in the PDF, in the DOCX as LibreOffice
//! renders it, and in the HTML, which shows the same overview parts.

use std::path::PathBuf;

use crate::common::*;

#[test]
fn reports_of_one_to_sixty_indicators_keep_every_word_on_the_page() {
    every_word_on_the_page(&[1, 31, 60]);
}

// Apart, so that the test run makes it beside the smaller ones.
#[test]
fn a_report_of_two_hundred_indicators_keeps_every_word_on_the_page() {
    every_word_on_the_page(&[200]);
}

/// Reports of `sizes` indicators: every word on the page in the PDF and in
/// LibreOffice's rendering of the DOCX of 60, the overview in the same
/// parts in every format, every chart in the DOCX inside the text area.
fn every_word_on_the_page(sizes: &[usize]) {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut docx = Vec::new();
    for &n in sizes {
        let data = voorbeeld(dir.path(), n);
        let out = dir.path().join(format!("uit-{n}"));
        maak_ok(&data, &out, &["--formaat", "pdf,docx,html"]);
        let slug = "techniekpact-voorbeeld-2016";
        let pdf = out.join(format!("{slug}.pdf"));
        files.push((pdf.clone(), format!("{n} indicatoren")));
        let d = std::fs::read(out.join(format!("{slug}.docx"))).unwrap();
        let drawings = docx_drawings_fit(&d).unwrap_or_else(|e| panic!("{n} indicatoren: {e}"));
        assert!(drawings >= n, "{n}: {drawings} drawings");
        // The overview in parts of at most 20 rows (fewer when long names
        // make the rows taller): the same parts in every format.
        let charts = out.join(format!("grafieken/{slug}"));
        let overview: Vec<String> = std::fs::read_dir(&charts)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.starts_with("overzicht"))
            .collect();
        let parts = overview.len();
        assert!(parts >= n.div_ceil(20), "{n}: {overview:?}");
        let html = std::fs::read_to_string(out.join(format!("{slug}.html"))).unwrap();
        let text = normalise(&pdf_text(&pdf));
        if parts > 1 {
            for k in 1..=parts {
                let caption =
                    format!("Realisatie en verwachte voortgang per indicator ({k} van {parts})");
                assert!(html.contains(&caption), "{n}: HTML part {k}");
                assert!(text.contains(&caption), "{n}: PDF part {k}");
                assert!(
                    docx_part(&d, "word/document.xml").contains(&caption),
                    "{n}: DOCX part {k}"
                );
            }
        }
        if n == 60 {
            docx.push(out.join(format!("{slug}.docx")));
        }
    }
    reader_check(&files);
    if docx.is_empty() {
        return;
    }
    // The DOCX as LibreOffice renders it: the same check.
    let lo = tempfile::tempdir().unwrap();
    let pdfs: Vec<(PathBuf, String)> = libreoffice_pdfs(&docx, lo.path())
        .into_iter()
        .map(|p| (p, "LibreOffice's PDF of the DOCX of 60 indicators".into()))
        .collect();
    reader_check(&pdfs);
}

#[test]
fn every_status_fits_its_table_column_in_the_example() {
    // noord-2016, page 15: "in voorbereiding" ran past the table edge.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    maak_ok(&repo().join("data/noord-2016.yaml"), &out, &[]);
    let pdf = out.join("techniekpact-noord-2016.pdf");
    reader_check(&[(pdf.clone(), "noord-2016".into())]);
    let pages = pdf_pages_of(&std::fs::read(&pdf).unwrap());
    // The table's pages: the one with its caption and the next, where it
    // may go on.
    let first = pages
        .iter()
        .position(|p| p.contains("Doe-voorstellen en hun stand"))
        .expect("the doe-voorstellen table");
    let doe = pages[first..(first + 2).min(pages.len())].join("\n");
    // Each status on one line: not broken over two.
    for (word, status) in [
        ("voorbereiding", "in voorbereiding"),
        ("uitvoering", "in uitvoering"),
    ] {
        let lines: Vec<String> = doe
            .lines()
            .map(normalise)
            .filter(|l| l.contains(word))
            .collect();
        assert!(!lines.is_empty(), "{status} in the table");
        for l in &lines {
            assert!(
                l.contains(status),
                "{status} broken over two lines: {l:?}\n{doe}"
            );
        }
    }
}

#[test]
fn the_concept_mark_stays_out_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let data = dir.path().join("noord-2016.yaml");
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(
        &data,
        text.replacen("status: definitief", "status: concept", 1),
    )
    .unwrap();
    let out = dir.path().join("uit");
    maak_ok(&data, &out, &["--formaat", "pdf"]);
    let pdf = std::fs::read(out.join("techniekpact-noord-2016.pdf")).unwrap();
    let pages = pdf_pages_of(&pdf);
    // pdftotext's reading order (not -raw): the letters of a text mark
    // came out one per line, between the lines of the page.
    let o = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(out.join("techniekpact-noord-2016.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let read = String::from_utf8(o.stdout).unwrap();
    let read_pages: Vec<&str> = read.split('\u{c}').collect();
    for (n, page) in read_pages.iter().enumerate() {
        for line in page.lines() {
            let t = line.trim();
            assert!(
                !(t.chars().count() == 1 && "CONEPT".contains(t)),
                "page {}: a lone letter of the mark: {t:?}",
                n + 1
            );
        }
    }
    // The mark is still there, as shapes: every page after the title page
    // has the seven filled, translucent letters.
    let path = out.join("techniekpact-noord-2016.pdf");
    reader_check(&[(path.clone(), "concept".into())]);
    let script = concat!(
        "import sys, pymupdf\n",
        "for page in list(pymupdf.open(sys.argv[1]))[1:]:\n",
        "    marks = [d for d in page.get_drawings() if (d.get('fill_opacity') or 1) < 0.5 and d.get('fill') and d['fill'][0] > 0.5]\n",
        "    print(len(marks))\n",
    );
    let o = std::process::Command::new(validator_python())
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let counts: Vec<usize> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    assert_eq!(counts.len(), pages.len() - 1);
    assert!(
        counts.iter().all(|&c| c >= 7),
        "the mark's letters per page: {counts:?}"
    );
    assert!(
        pages.iter().skip(1).all(|p| p.contains("CONCEPT")),
        "the running header still names the draft"
    );
}
