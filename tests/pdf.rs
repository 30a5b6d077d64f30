//! The PDF report: built from the example data and read back.

use crate::common::*;

#[test]
fn title_page_and_metadata() {
    let b = example::noord_2016();
    for s in [
        "Voortgangsrapportage Techniekpact Noord Nederland",
        "Samenwerkingsarrangement Landsdeel Noord & Platform Bèta Techniek",
        "Verslagjaar 2016",
        "15 maart 2017",
        "1.0 (definitief)",
        "Secretariaat Techniekpact Noord Nederland",
        "Platform Bèta Techniek",
    ] {
        assert!(b.pdf_text.contains(s), "{s:?} missing");
    }
    assert!(
        !b.pdf_text.contains("CONCEPT"),
        "a final report has no draft mark"
    );
    let raw = String::from_utf8_lossy(&b.pdf);
    assert!(
        raw.contains("pdfaid:part>2<") || raw.contains("pdfaid:part=\"2\""),
        "PDF/A-2 metadata"
    );
    assert!(
        raw.contains("pdfuaid:part>1<") || raw.contains("pdfuaid:part=\"1\""),
        "PDF/UA-1 metadata"
    );
    assert!(
        raw.contains("/Lang (nl") || raw.contains("/Lang(nl"),
        "document language"
    );
    assert!(raw.contains("/StructTreeRoot"), "tagged PDF");
}

#[test]
fn every_heading_is_present() {
    let b = example::noord_2016();
    for h in [
        "Inhoud",
        "Samenvatting",
        "Overzicht van de indicatoren",
        "Acties per status",
        "Inleiding",
        "Leeswijzer",
        "Generieke ondersteuning, facilitering en procesondersteuning",
        "Samenwerking op en doorontwikkeling van landelijke programma's in de regio",
        "Overige maatwerkafspraken",
        "W&T in het primair onderwijs",
        "Schoolbesturen actief in Bètapunt Noord",
        "Publiek-private samenwerking in het beroepsonderwijs",
        "Topsectoren",
        "Doe-voorstellen",
        "Bijlage A Metingen per indicator",
        "Bijlage B Verantwoording",
        "Colofon",
    ] {
        assert!(b.pdf_text.contains(h), "heading {h:?} missing");
    }
}

#[test]
fn computed_figures_in_dutch_form() {
    let b = example::noord_2016();
    for s in [
        "35,8 %", // realisatie schoolbesturen
        "33,3 %", // verwacht
        "107 %",  // voortgang
        "38,5 %", // technasium, decimalen 1, eenheid %
        "33,0 %",
        "3 (2015)", // pps: geen meting, the latest earlier measurement with its year
    ] {
        assert!(b.pdf_text.contains(s), "{s:?} missing");
    }
}

#[test]
fn every_status_word_appears() {
    let b = example::noord_2016();
    for s in [
        "op koers",
        "aandacht",
        "achter",
        "behaald",
        "nulmeting",
        "geen meting",
        "vertraagd",
        "afgerond",
        "gestopt",
        "in uitvoering",
    ] {
        assert!(b.pdf_text.contains(s), "status {s:?} missing");
    }
}

#[test]
fn page_numbers_and_running_header() {
    let b = example::noord_2016();
    let pages = b.pdf_text.matches("pagina ").count();
    assert!(
        pages >= 8,
        "page numbers on every page after the title page: {pages}"
    );
    assert!(b.pdf_text.contains("pagina 2 van "));
    assert!(b.pdf_text.contains("verslagjaar 2016"));
}

#[test]
fn charts_are_written_as_svg() {
    let b = example::noord_2016();
    let dir = b.out.join("grafieken/techniekpact-noord-2016");
    for name in [
        "overzicht.svg",
        "schoolbesturen-betapunt.svg",
        "schoolbesturen-betapunt-uitsplitsing.svg",
        "technasium-terugloop.svg",
    ] {
        let svg = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|_| panic!("{name}"));
        assert!(svg.starts_with("<svg"), "{name}");
        assert!(svg.contains("Noto Sans"), "{name} uses the embedded font");
    }
    let breakdown =
        std::fs::read_to_string(dir.join("schoolbesturen-betapunt-uitsplitsing.svg")).unwrap();
    for region in ["Groningen", "Friesland", "Drenthe"] {
        assert!(breakdown.contains(region));
    }
    // Axis labels in Dutch number form.
    let summary = std::fs::read_to_string(dir.join("overzicht.svg")).unwrap();
    assert!(
        summary.contains("100\u{a0}%")
            || summary.contains("100&#160;%")
            || summary.contains("100 %")
    );
}

#[test]
fn same_input_gives_identical_pdf() {
    let b = example::noord_2016();
    let dir = tempfile::tempdir().unwrap();
    let out = maak(&repo().join("data/noord-2016.yaml"), dir.path(), &[]);
    assert!(out.status.success());
    let again = std::fs::read(dir.path().join("techniekpact-noord-2016.pdf")).unwrap();
    assert!(again == b.pdf, "two runs must give byte-identical PDFs");
}

#[test]
fn concept_report_is_marked_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    maak_ok(&repo().join("data/noord-2014.yaml"), dir.path(), &[]);
    let pdf = std::fs::read(dir.path().join("techniekpact-noord-2014.pdf")).unwrap();
    let pages = crate::common::pdf_pages_of(&pdf);
    assert!(pages.len() > 3);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("CONCEPT"),
            "page {} lacks the CONCEPT mark",
            i + 1
        );
    }
}

#[test]
fn markup_characters_print_literally() {
    let dir = tempfile::tempdir().unwrap();
    let literal = r#"Tekst met #import "x", $wiskunde$, a*b*c, snake_case, <tag>, &amp; @ref, [haak] ]] en \backslash 'enkel' "dubbel""#;
    let yaml = with("naam: Plan van aanpak", &format!("naam: '{}'", literal.replace('\'', "''")))
        .replace("    naam: Landelijke programma's\n", &format!("    naam: Landelijke programma's\n    toelichting: |\n      {literal}\n\n      # geen kop\n"));
    let data = dir.path().join("tekens.yaml");
    std::fs::write(&data, yaml).unwrap();
    maak_ok(&data, dir.path(), &["--pdf-standaard", "geen"]);
    let pdf = std::fs::read(dir.path().join("techniekpact-noord-2016.pdf")).unwrap();
    let text = normalise(&crate::common::pdf_text_of(&pdf));
    assert!(text.contains(literal), "literal text missing in:\n{text}");
    assert!(text.contains("# geen kop"));
}

#[test]
fn failed_run_leaves_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("techniekpact-noord-2016.pdf");
    std::fs::write(&target, b"vorige versie").unwrap();
    let bad = dir.path().join("noord-2016.yaml");
    let text = std::fs::read_to_string(repo().join("data/noord-2016.yaml"))
        .unwrap()
        .replace("  logo: logo-techniekpact-noord.svg\n", "")
        .replace("status: vertraagd", "status: kwijt");
    std::fs::write(&bad, text).unwrap();
    let out = maak(&bad, dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&target).unwrap(), b"vorige versie");
    assert!(
        !dir.path().join("grafieken").exists(),
        "no charts written either"
    );
}

#[test]
fn broken_template_is_reported_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(repo().join("templates/stijl.typ")).unwrap();
    std::fs::write(
        tpl.join("stijl.typ"),
        style.replace(
            "#let lettertype = huisstijl.lettertype",
            "#let lettertype = onbekende-variabele",
        ),
    )
    .unwrap();
    let out = maak(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &["--sjablonen", tpl.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = line_of(&style, "#let lettertype");
    assert!(stderr.contains(&format!("stijl.typ:{line}:")), "{stderr}");
    assert!(stderr.contains("fout in het sjabloon"), "{stderr}");
    assert!(!dir.path().join("techniekpact-noord-2016.pdf").exists());
}

/// In the PDF a chapter follows on the page of the one before (no
/// half-empty page before each chapter); the appendices begin a page.
#[test]
fn chapters_follow_on_the_page_and_the_appendices_begin_one() {
    let b = example::noord_2016();
    let pages = pdf_pages_of(&b.pdf);
    let page_of = |line: &str| {
        pages
            .iter()
            .position(|p| p.lines().any(|l| normalise(l) == line))
            .unwrap_or_else(|| panic!("{line:?} is drawn"))
    };
    // The running head names the chapter that begins on the page: the
    // heading itself is its last line of that name.
    let inleiding = page_of("2 Inleiding");
    assert!(
        pages[inleiding]
            .lines()
            .map(normalise)
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| l == "2 Inleiding")
            .is_some_and(|at| at > 3),
        "chapter 2 follows chapter 1 on its page"
    );
    let appendices = page_of("Bijlage A Metingen per indicator");
    let first_line = pages[appendices]
        .lines()
        .map(normalise)
        .find(|l| !l.is_empty() && !l.contains("verslagjaar"))
        .unwrap();
    assert_eq!(
        first_line, "Bijlage A Metingen per indicator",
        "the appendices begin a page"
    );
}

/// The key figures are names and values: for a screen reader too, the
/// first cell of each of their rows heads that row (a TH of scope Row),
/// and no other table has such cells.
#[test]
fn the_key_figures_names_head_their_rows() {
    use techniekpact::document::Block;
    fn rows(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Table(t) if t.row_headers => t.rows.len(),
                Block::Beside { columns, .. } => columns.iter().map(|c| rows(c)).sum(),
                _ => 0,
            })
            .sum()
    }
    let b = example::noord_2016();
    let expected = rows(&b.document.blocks);
    assert!(
        expected >= 6 * 7,
        "six rows for each of the seven indicators"
    );
    let raw = String::from_utf8_lossy(&b.pdf);
    assert_eq!(raw.matches("/Scope/Row").count(), expected);
}
