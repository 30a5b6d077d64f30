//! `--formaat odt`: the OpenDocument text, checked as the standard and
//! LibreOffice see it: valid against the ODF 1.3 schemas (jing) and
//! openxml-audit, the same words as the PDF, the editor's structure
//! (outline-numbered headings, sequence-counted captions, references,
//! contents, one table style with a repeating header row, pictures with
//! their SVG, PNG and alternative text), LibreOffice's rendering in the
//! text frame, and the same bytes from run to run; on the examples and on
//! a generated report.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use roxmltree::{Document, Node};

use crate::common::*;

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// A report made as PDF and ODT.
struct Built {
    _dir: tempfile::TempDir,
    name: String,
    pdf: PathBuf,
    odt: PathBuf,
}

impl Built {
    fn part(&self, name: &str) -> String {
        docx_part(&std::fs::read(&self.odt).unwrap(), name)
    }
}

/// The examples of 2014 and 2016 and a generated report of 25 indicators.
fn reports() -> &'static [Built] {
    static REPORTS: OnceLock<Vec<Built>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let generated = voorbeeld(dir.path(), 25);
        let data = [
            repo().join("data/noord-2014.yaml"),
            repo().join("data/noord-2016.yaml"),
            generated,
        ];
        let built = data
            .iter()
            .map(|d| {
                let out = tempfile::tempdir().unwrap();
                maak_ok(d, out.path(), &["--formaat", "pdf,odt"]);
                let find = |ext: &str| {
                    std::fs::read_dir(out.path())
                        .unwrap()
                        .map(|e| e.unwrap().path())
                        .find(|p| p.extension().is_some_and(|e| e == ext))
                        .unwrap()
                };
                Built {
                    name: d.file_name().unwrap().to_string_lossy().into_owned(),
                    pdf: find("pdf"),
                    odt: find("odt"),
                    _dir: out,
                }
            })
            .collect();
        drop(dir);
        built
    })
}

#[test]
fn the_odt_is_valid_odf_1_3_and_openxml_audit_finds_no_error() {
    for built in reports() {
        let bytes = std::fs::read(&built.odt).unwrap();
        // The mimetype first and stored, as ODF readers look for it.
        assert_eq!(&bytes[30..38], b"mimetype", "{}", built.name);
        assert_eq!(
            &bytes[38..38 + 39],
            b"application/vnd.oasis.opendocument.text"
        );
        let findings = odf_schema_findings(&built.odt);
        assert!(findings.is_empty(), "{}: {findings}", built.name);
        // Every file of the package is in the manifest.
        let manifest = built.part("META-INF/manifest.xml");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        for i in 0..zip.len() {
            let name = zip.by_index(i).unwrap().name().to_string();
            if name != "mimetype" && name != "META-INF/manifest.xml" {
                assert!(
                    manifest.contains(&format!("manifest:full-path=\"{name}\"")),
                    "{name} not in the manifest"
                );
            }
        }
        let report = openxml_audit(&built.odt);
        assert_eq!(report["error_count"], 0, "{}: {report}", built.name);
    }
}

/// The text of a paragraph or heading as a reader sees it: a tab or line
/// break as a space, a non-breaking hyphen as a hyphen.
fn text_of(node: Node) -> String {
    let mut out = String::new();
    // A picture's title and alternative text are not on the page.
    for d in node
        .descendants()
        .filter(|d| !d.ancestors().any(|a| a.has_tag_name((DRAW, "frame"))))
    {
        if d.is_text() {
            out.push_str(d.text().unwrap_or(""));
        } else if d.has_tag_name((TEXT, "tab")) || d.has_tag_name((TEXT, "line-break")) {
            out.push(' ');
        }
    }
    out.replace('\u{2011}', "-")
}

#[test]
fn the_odt_has_the_words_of_the_pdf_in_their_order() {
    for built in reports() {
        let content = built.part("content.xml");
        let doc = Document::parse(&content).unwrap();
        // Without white space, and without hyphens: the PDF may break a
        // long word at a hyphen of its own.
        let squeeze = |s: &str| {
            normalise(s)
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'))
                .collect::<String>()
        };
        let pdf = squeeze(&pdf_text(&built.pdf));
        let mut checked = 0;
        for p in doc.descendants().filter(|n| {
            (n.has_tag_name((TEXT, "p")) || n.has_tag_name((TEXT, "h")))
                && !n
                    .ancestors()
                    .any(|a| a.has_tag_name((TEXT, "table-of-content")))
                && !n
                    .ancestors()
                    .any(|a| a.has_tag_name((TEXT, "p")) && a != *n)
        }) {
            let style = p.attribute((TEXT, "style-name")).unwrap_or("");
            // The PDF sets a formula as mathematics, over several lines.
            if style == "Formule" {
                continue;
            }
            let text = squeeze(&text_of(p).replace('\u{25a0}', ""));
            // Right-to-left words come out of the PDF in the order they
            // are drawn, not read.
            let rtl = text
                .chars()
                .any(|c| matches!(c as u32, 0x0590..=0x08ff | 0xfb1d..=0xfefc));
            if text.is_empty() || rtl {
                continue;
            }
            // Headings: the PDF shows the number the outline numbering
            // gives; the ODT's text has none.
            assert!(
                reads_in_order(&pdf, &text, 2),
                "{}: ODT text not in the PDF ({style}): {text:?}",
                built.name
            );
            checked += 1;
        }
        assert!(checked > 100, "{}: {checked} paragraphs", built.name);
    }
}

#[test]
fn headings_captions_references_and_contents_are_libreoffices_own() {
    for built in reports() {
        let content = built.part("content.xml");
        let doc = Document::parse(&content).unwrap();
        // Headings: outline levels, no typed number; appendices are
        // unnumbered list headers whose letter is a sequence.
        let headings: Vec<Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "h")))
            .collect();
        assert!(headings.len() > 10);
        for h in &headings {
            let text = text_of(*h);
            assert!(
                !text.starts_with(|c: char| c.is_ascii_digit()),
                "a typed number: {text}"
            );
            assert!(h.attribute((TEXT, "outline-level")).is_some());
            if text.starts_with("Bijlage") {
                assert_eq!(h.attribute((TEXT, "is-list-header")), Some("true"));
                assert!(h.descendants().any(|n| n.has_tag_name((TEXT, "sequence"))));
            }
        }
        // Every caption's number is a sequence field, and every reference
        // to a table, figure or appendix names one.
        let sequences: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "sequence")))
            .filter_map(|n| n.attribute((TEXT, "ref-name")))
            .collect();
        let captions = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name((TEXT, "p"))
                    && n.attribute((TEXT, "style-name"))
                        .is_some_and(|s| s.contains("Caption") || s == "P_bijschrift_onder")
            })
            .count();
        assert!(captions > 5);
        assert!(sequences.len() >= captions);
        for r in doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "sequence-ref")))
        {
            let target = r.attribute((TEXT, "ref-name")).unwrap();
            assert!(sequences.contains(&target), "{}: {target}", built.name);
        }
        let bookmarks: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "bookmark-start")))
            .filter_map(|n| n.attribute((TEXT, "name")))
            .collect();
        for r in doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "bookmark-ref")))
        {
            assert!(bookmarks.contains(&r.attribute((TEXT, "ref-name")).unwrap()));
        }
        // One contents, of the headings' outline.
        let toc: Vec<Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name((TEXT, "table-of-content")))
            .collect();
        assert_eq!(toc.len(), 1);
        // Every table of data repeats its header row; the layout rows that
        // set key figures beside a chart have none, and neither have the
        // key figures, whose rows are headed by their names (Tabelrijkop).
        let mut by_rows = 0;
        for t in doc
            .descendants()
            .filter(|n| n.has_tag_name((TABLE, "table")))
        {
            let name = t.attribute((TABLE, "name")).unwrap();
            let header = t
                .children()
                .any(|c| c.has_tag_name((TABLE, "table-header-rows")));
            let row_headed = t
                .descendants()
                .find(|n| n.has_tag_name((TEXT, "p")))
                .and_then(|p| p.attribute((TEXT, "style-name")))
                == Some("Tabelrijkop");
            by_rows += usize::from(row_headed);
            assert_eq!(header, name.starts_with("Tabel") && !row_headed, "{name}");
        }
        assert!(by_rows > 0, "the key figures of the indicators");
        // Every picture: the SVG and the PNG in one frame, a title and
        // alternative text.
        let frames: Vec<Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name((DRAW, "frame")))
            .collect();
        assert!(!frames.is_empty());
        for f in frames {
            let types: Vec<&str> = f
                .children()
                .filter(|c| c.has_tag_name((DRAW, "image")))
                .filter_map(|c| c.attribute((DRAW, "mime-type")))
                .collect();
            assert_eq!(types.last(), Some(&"image/png"));
            for image in f.children().filter(|c| c.has_tag_name((DRAW, "image"))) {
                let href = image.attribute((XLINK, "href")).unwrap();
                assert!(href.starts_with("Pictures/"));
            }
            let desc = f
                .children()
                .find(|c| c.has_tag_name((SVG, "desc")))
                .and_then(|d| d.text())
                .unwrap_or("");
            assert!(desc.len() > 10, "a picture without alternative text");
        }
        // The document's language and title.
        let meta = built.part("meta.xml");
        assert!(meta.contains("<dc:language>nl-NL</dc:language>"));
        assert!(meta.contains("<dc:title>"));
    }
}

/// LibreOffice's PDF of each report's ODT, made once for the tests that
/// read LibreOffice's rendering.
fn rendered() -> &'static [PathBuf] {
    static RENDERED: OnceLock<(tempfile::TempDir, Vec<PathBuf>)> = OnceLock::new();
    &RENDERED
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let odts: Vec<PathBuf> = reports().iter().map(|b| b.odt.clone()).collect();
            let pdfs = libreoffice_pdfs(&odts, dir.path());
            (dir, pdfs)
        })
        .1
}

#[test]
fn libreoffice_renders_every_word_inside_the_text_frame() {
    let labelled: Vec<(PathBuf, String)> = rendered()
        .iter()
        .zip(reports())
        .map(|(p, b)| (p.clone(), format!("ODT van {}", b.name)))
        .collect();
    reader_check(&labelled);
}

/// The measure: LibreOffice draws each ODT in at most a tenth more
/// pages than the PDF has (and not in fewer than nine tenths).
#[test]
fn libreoffice_draws_the_odt_within_a_tenth_of_the_pdfs_pages() {
    let mut wrong = Vec::new();
    for (lo, built) in rendered().iter().zip(reports()) {
        let drawn = pdf_pages_of(&std::fs::read(lo).unwrap()).len();
        let pdf = pdf_pages_of(&std::fs::read(&built.pdf).unwrap()).len();
        let ratio = drawn as f64 / pdf as f64;
        if !(0.9..=1.1).contains(&ratio) {
            wrong.push(format!("{}: ODT {drawn} pagina's, PDF {pdf}", built.name));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_odt_is_the_same_bytes_every_run() {
    let built = &reports()[1];
    let again = tempfile::tempdir().unwrap();
    maak_ok(
        &repo().join("data/noord-2016.yaml"),
        again.path(),
        &["--formaat", "odt"],
    );
    assert_eq!(
        std::fs::read(&built.odt).unwrap(),
        std::fs::read(again.path().join("techniekpact-noord-2016.odt")).unwrap()
    );
}

/// An editor's edit in LibreOffice (Python-UNO: a new chapter before
/// chapter 2, a new captioned table before table 1), then Update All:
/// the later chapters, sections, captions and references renumber, and
/// the contents gives the pages LibreOffice draws.
#[test]
fn an_editors_new_chapter_and_table_renumber_the_rest_after_updating_all() {
    let dir = tempfile::tempdir().unwrap();
    let odt = dir.path().join("rapport.odt");
    std::fs::copy(&reports()[1].odt, &odt).unwrap();
    let pdf = dir.path().join("bewerkt.pdf");
    let out = Command::new("/usr/bin/python3")
        .arg(repo().join("tests/validatie/bewerk_odt.py"))
        .args([&odt, &pdf])
        .output()
        .expect("Debian's python3 with python3-uno (tools/installeer-validatie)");
    assert!(
        pdf.exists(),
        "LibreOffice saved the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = pdf_pages_of(&std::fs::read(&pdf).unwrap());
    let text = normalise(&pages.join("\n"));
    let document = &example::noord_2016().document;
    let mut expected = vec![("2".to_string(), "Nieuw hoofdstuk".to_string())];
    let mut tables = Vec::new();
    for b in &document.blocks {
        match b {
            techniekpact::document::Block::Heading {
                level,
                number,
                text,
                appendix,
                ..
            } if *level <= 2 => {
                let entry = match appendix {
                    Some(a) => (String::new(), a.text()),
                    None => {
                        let mut parts: Vec<u32> =
                            number.split('.').map(|p| p.parse().unwrap()).collect();
                        if parts[0] >= 2 {
                            parts[0] += 1;
                        }
                        let renumbered: Vec<String> = parts.iter().map(u32::to_string).collect();
                        (renumbered.join("."), text.clone())
                    }
                };
                expected.push(entry);
            }
            techniekpact::document::Block::Table(t) => tables.push(t),
            _ => {}
        }
    }
    assert!(text.contains("2 Nieuw hoofdstuk"), "{text}");
    let checked = crate::bewerken::contents_give_the_drawn_pages(&pages, &expected);
    assert!(checked >= 19, "{checked} entries");
    assert!(text.contains("Tabel 1: Nieuwe tabel"), "{text}");
    for t in &tables {
        let now = format!("Tabel {}: {}", t.caption.number + 1, t.caption.text);
        assert!(text.contains(&normalise(&now)), "{now:?} missing");
    }
    let proposals = tables
        .iter()
        .find(|t| t.caption.text.contains("oe-voorstellen"))
        .expect("the doe-voorstellen table");
    let reference = format!("Tabel {} geeft hun stand", proposals.caption.number + 1);
    assert!(text.contains(&reference), "{reference:?} missing");
    assert!(
        text.contains("in 2020 (zie paragraaf 5.1)"),
        "the reference to a section follows it"
    );
    assert!(text.contains("(zie Bijlage B)"));
}

/// LibreOffice on a machine without the house font (fontconfig pointed at
/// a folder with only DejaVu Sans) sets the ODT in it: the fonts are in
/// the package.
#[test]
fn libreoffice_sets_the_odt_in_its_embedded_font_without_it_installed() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("lettertypen");
    std::fs::create_dir(&fonts).unwrap();
    std::fs::copy(
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        fonts.join("DejaVuSans.ttf"),
    )
    .expect("DejaVu Sans (Debian's fonts-dejavu-core, which LibreOffice needs)");
    let config = dir.path().join("fonts.conf");
    std::fs::write(
        &config,
        format!(
            "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir><cachedir>{}</cachedir></fontconfig>\n",
            fonts.display(),
            dir.path().join("cache").display()
        ),
    )
    .unwrap();
    let profile = dir.path().join("profiel");
    let o = Command::new("soffice")
        .env("FONTCONFIG_FILE", &config)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&reports()[1].odt)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.path().join("techniekpact-noord-2016.pdf");
    let listed = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    for face in ["+NotoSans ", "+NotoSans-Bold "] {
        assert!(listed.contains(face), "{face} not used:\n{listed}");
    }
    assert!(
        !listed.contains("DejaVuSans "),
        "set in DejaVu Sans:\n{listed}"
    );
}

/// A concept says so on every page, in the running head LibreOffice draws.
#[test]
fn a_concept_odt_says_concept_on_every_page() {
    let concept = &reports()[0];
    assert_eq!(
        concept.name, "noord-2014.yaml",
        "the example that is a concept"
    );
    let dir = tempfile::tempdir().unwrap();
    let pdfs = libreoffice_pdfs(std::slice::from_ref(&concept.odt), dir.path());
    let pages = pdf_pages_of(&std::fs::read(&pdfs[0]).unwrap());
    assert!(pages.len() > 5);
    for (n, page) in pages.iter().enumerate() {
        assert!(page.contains("CONCEPT"), "page {} without CONCEPT", n + 1);
    }
    // A report that is definitief has no mark.
    assert!(!reports()[1].part("styles.xml").contains(">CONCEPT<"));
}

/// ODF cannot keep two rows on either side of a page break, so a table
/// that fits a page stays whole in the ODT, also one with notes in its
/// cells that the PDF may break; only a longer table may break.
#[test]
fn a_table_that_fits_a_page_stays_whole_in_the_odt() {
    use techniekpact::document::Block;
    fn tables<'a>(blocks: &'a [Block], out: &mut Vec<&'a techniekpact::document::Table>) {
        for b in blocks {
            match b {
                Block::Table(t) => out.push(t),
                Block::Beside { columns, .. } => columns.iter().for_each(|c| tables(c, out)),
                _ => {}
            }
        }
    }
    let mut model = Vec::new();
    tables(&example::noord_2016().document.blocks, &mut model);
    let content = reports()[1].part("content.xml");
    let doc = Document::parse(&content).unwrap();
    let may_break = |name: &str| {
        doc.descendants()
            .find(|n| n.attribute((STYLE, "name")) == Some(name))
            .and_then(|s| {
                s.children()
                    .find(|c| c.has_tag_name((STYLE, "table-properties")))
            })
            .and_then(|p| p.attribute((STYLE, "may-break-between-rows")))
            == Some("true")
    };
    let written: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((TABLE, "table")))
        .filter_map(|t| t.attribute((TABLE, "name")))
        .filter(|n| n.starts_with("Tabel"))
        .collect();
    assert_eq!(written.len(), model.len());
    for (name, t) in written.iter().zip(&model) {
        assert_eq!(
            may_break(name),
            !t.fits_a_page(),
            "{name}: {}",
            t.caption.full
        );
    }
    assert!(
        model.iter().any(|t| t.fits_a_page() && !t.keep_together()),
        "the example has a table with notes that fits a page"
    );
}
