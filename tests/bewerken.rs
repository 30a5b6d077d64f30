//! The DOCX as an editor uses it in Word: headings numbered by Word's own
//! multilevel list, captions counted by SEQ fields. An editor's edit
//! (python-docx: a new chapter before chapter 2, a new captioned table
//! before table 1, a new appendix before appendix A), then updating all
//! fields in LibreOffice (Python-UNO), renumbers every later chapter,
//! section, appendix and caption and every reference to them, and the
//! table of contents then gives the pages on which LibreOffice draws the
//! headings.
//! Paragraphs with nothing but the style List Bullet or List Number get a
//! bullet or a number.

use std::process::Command;

use crate::common::*;

/// The page (from 1) on which `line` first stands as a line of its own,
/// after the pages of the table of contents.
fn page_of(pages: &[String], from: usize, line: &str) -> Option<usize> {
    (from..pages.len())
        .find(|&p| pages[p].lines().any(|l| normalise(l) == line))
        .map(|p| p + 1)
}

#[test]
fn an_editors_new_chapter_and_table_renumber_the_rest_after_updating_fields() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("rapport.docx");
    std::fs::write(&original, &example::noord_2016().docx).unwrap();
    let edited = dir.path().join("bewerkt.docx");
    let status = Command::new(validator_python())
        .arg(repo().join("tests/validatie/bewerk.py"))
        .args([&original, &edited])
        .status()
        .unwrap();
    assert!(status.success(), "python-docx edits the DOCX");
    let pdf = dir.path().join("bewerkt.pdf");
    let out = Command::new("/usr/bin/python3")
        .arg(repo().join("tests/validatie/bijwerken.py"))
        .args([&edited, &pdf])
        .output()
        .expect("Debian's python3 with python3-uno (tools/installeer-validatie)");
    assert!(
        pdf.exists(),
        "LibreOffice saved the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = pdf_pages_of(&std::fs::read(&pdf).unwrap());
    let text = normalise(&pages.join("\n"));

    // The new chapter is 2; the chapters and sections after it move up one.
    let document = &example::noord_2016().document;
    type Appendix = Option<techniekpact::document::AppendixLabel>;
    let headings: Vec<(u8, String, String, Appendix)> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            techniekpact::document::Block::Heading {
                level,
                number,
                text,
                appendix,
                ..
            } => Some((*level, number.clone(), text.clone(), appendix.clone())),
            _ => None,
        })
        .collect();
    // The chapters from 2 move one number on; the appendices, chapters
    // without a number, one letter.
    let renumbered = |number: &str| -> String {
        let mut parts: Vec<u32> = number.split('.').map(|p| p.parse().unwrap()).collect();
        if parts[0] >= 2 {
            parts[0] += 1;
        }
        parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    };
    assert!(text.contains("2 Nieuw hoofdstuk"), "{text}");
    let mut expected = vec![("2".to_string(), "Nieuw hoofdstuk".to_string())];
    let mut appendices = 0;
    for (level, number, title, appendix) in &headings {
        if *level > 2 {
            continue;
        }
        match appendix {
            Some(a) => {
                if appendices == 0 {
                    expected.push((String::new(), format!("{} A Nieuwe bijlage", a.word)));
                }
                appendices += 1;
                let letter = char::from(a.letter.as_bytes()[0] + 1);
                expected.push((String::new(), format!("{} {letter}{}", a.word, a.rest)));
            }
            None => expected.push((renumbered(number), title.clone())),
        }
    }
    assert_eq!(appendices, 2, "the report has appendices A and B");
    // The table of contents: every entry with its new number and the page
    // on which the heading stands.
    let checked = contents_give_the_drawn_pages(&pages, &expected);
    assert!(checked >= 19, "{checked} entries");
    // Captions: the new table is 1, the old first table 2, and so on; the
    // figures keep their numbers.
    let tables: Vec<&techniekpact::document::Table> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            techniekpact::document::Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert!(text.contains("Tabel 1: Nieuwe tabel"), "{text}");
    // The references in running text follow: to the doe-voorstellen'
    // table one number on, to appendix B (now C) one letter on.
    let proposals = tables
        .iter()
        .find(|t| t.caption.text.contains("oe-voorstellen"))
        .expect("the doe-voorstellen table");
    let reference = format!("Tabel {} geeft hun stand", proposals.caption.number + 1);
    assert!(text.contains(&reference), "{reference:?} missing");
    // The summary's reference to section 4.1 (the data's
    // `{{ verwijzing("paragraaf:po") }}`) follows the new chapter: 5.1.
    assert!(
        text.contains("in 2020 (zie paragraaf 5.1)"),
        "the reference to a section follows it: {text}"
    );
    assert!(
        text.contains("(zie Bijlage C)"),
        "the reference to appendix B follows it"
    );
    // A paragraph with only the style List Bullet gets a bullet, with only
    // List Number a number.
    assert!(text.contains("• Punt met alleen de stijl"), "{text}");
    assert!(text.contains("1. Stap met alleen de stijl"), "{text}");
    assert!(
        text.contains("2. Tweede stap met alleen de stijl"),
        "{text}"
    );
    for t in &tables {
        let c = &t.caption;
        let now = format!("Tabel {}: {}", c.number + 1, c.text);
        assert!(text.contains(&normalise(&now)), "{now:?} missing");
    }
}

/// LibreOffice lays the DOCX out in about as many pages as the PDF has
/// (table cells in the style Tabeltekst, without Normal's spacing).
#[test]
fn libreoffice_draws_the_docx_in_about_the_pages_of_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("techniekpact-noord-2016.docx");
    std::fs::write(&docx, &example::noord_2016().docx).unwrap();
    let pdfs = libreoffice_pdfs(std::slice::from_ref(&docx), dir.path());
    let drawn = pdf_pages_of(&std::fs::read(&pdfs[0]).unwrap()).len();
    let pdf = pdf_pages_of(&example::noord_2016().pdf).len();
    // Within 15 %: a figure of the PDF that does not fit floats to the next
    // page while the text goes on; a picture in Word moves with its
    // paragraph and leaves the rest of its page empty.
    let off = drawn.abs_diff(pdf) as f64 / pdf as f64;
    assert!(off <= 0.15, "LibreOffice {drawn} pages, the PDF {pdf}");
}

/// Every entry of the contents (after the title page, up to chapter 1) of
/// `expected` (number and title) gives the page on which LibreOffice draws
/// its heading; how many entries were checked.
pub(crate) fn contents_give_the_drawn_pages(
    pages: &[String],
    expected: &[(String, String)],
) -> usize {
    // After the title page, up to the page where chapter 1 begins.
    let first_chapter = page_of(pages, 1, "1 Samenvatting").expect("chapter 1 is drawn");
    let toc_pages = 1..first_chapter - 1;
    let mut checked = 0;
    for (number, title) in expected {
        let wanted = normalise(&format!("{number} {title}"));
        // An entry too long for a line goes on on the next: join lines
        // until one ends in its page number.
        let mut entries: Vec<String> = Vec::new();
        let mut open = String::new();
        for line in pages[toc_pages.clone()]
            .iter()
            .flat_map(|p| p.lines())
            .map(normalise)
        {
            // A new entry begins with its number or a capital; the rest of
            // a wrapped one with a small letter.
            if line.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()) {
                entries.push(std::mem::take(&mut open));
            }
            open = if open.is_empty() {
                line
            } else {
                format!("{open} {line}")
            };
        }
        entries.push(open);
        let entry = entries
            .into_iter()
            .find(|l| l.starts_with(&format!("{wanted} ")) || l.starts_with(&format!("{wanted}.")))
            .unwrap_or_else(|| panic!("no contents entry {wanted:?}"));
        let digits: String = entry
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let page: usize = digits
            .parse()
            .unwrap_or_else(|_| panic!("no page number in {entry:?}"));
        // Long titles wrap: the heading's first line carries its number.
        let first_words: String = wanted.split(' ').take(4).collect::<Vec<_>>().join(" ");
        let drawn = (toc_pages.end..pages.len())
            .find(|&p| {
                pages[p]
                    .lines()
                    .any(|l| normalise(l).starts_with(&first_words))
            })
            .map(|p| p + 1);
        assert_eq!(drawn, Some(page), "{wanted}: contents say page {page}");
        checked += 1;
    }
    checked
}
