//! The DOCX report: Word structure, metadata, determinism, and the same
//! content as the PDF.

use std::io::Read;

use crate::common::*;
use roxmltree::Document;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `(style, text)` of every body paragraph outside the table of contents.
fn paragraphs(document_xml: &str) -> Vec<(String, String)> {
    let doc = Document::parse(document_xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter(|n| !n.ancestors().any(|a| a.has_tag_name((W, "sdtContent"))))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("Normal")
                .to_string();
            (style, normalise(&run_text(p)))
        })
        .collect()
}

#[test]
fn headings_use_built_in_styles() {
    let doc = docx_part(&example::noord_2016().docx, "word/document.xml");
    let paras = paragraphs(&doc);
    let headings: Vec<&(String, String)> = paras
        .iter()
        .filter(|(s, _)| s.starts_with("Heading"))
        .collect();
    // The numbers are Word's (the headings' multilevel list), not text.
    assert!(
        headings
            .iter()
            .any(|(s, t)| s == "Heading1" && t == "Samenvatting")
    );
    assert!(
        headings
            .iter()
            .any(|(s, t)| s == "Heading2" && t == "Overzicht van de indicatoren")
    );
    assert!(
        headings
            .iter()
            .any(|(s, t)| s == "Heading3" && t == "Schoolbesturen actief in Bètapunt Noord")
    );
    assert!(
        headings
            .iter()
            .all(|(_, t)| !t.starts_with(|c: char| c.is_ascii_digit())),
        "no heading holds a typed number: {headings:?}"
    );
    // Heading 1 and 2 name the levels of one multilevel list, whose
    // levels name them back and print "1", "1.1"; Heading 3 has no number.
    let styles_xml = docx_part(&example::noord_2016().docx, "word/styles.xml");
    let numbering = docx_part(&example::noord_2016().docx, "word/numbering.xml");
    let ndoc = Document::parse(&numbering).unwrap();
    let sdoc_h = Document::parse(&styles_xml).unwrap();
    let mut list = None;
    let heading3 = sdoc_h
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Heading3"))
        .unwrap();
    assert!(
        !heading3.descendants().any(|n| n.has_tag_name((W, "numPr"))),
        "Heading 3 is not numbered"
    );
    for (level, id) in ["Heading1", "Heading2"].iter().enumerate() {
        let style = sdoc_h
            .descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap();
        let num_pr = style
            .descendants()
            .find(|n| n.has_tag_name((W, "numPr")))
            .expect("numbered");
        let val = |tag: &str| {
            num_pr
                .children()
                .find(|c| c.has_tag_name((W, tag)))
                .and_then(|c| c.attribute((W, "val")))
                .map(str::to_string)
        };
        assert_eq!(val("ilvl"), Some(level.to_string()));
        let num_id = val("numId").unwrap();
        assert!(
            list.get_or_insert(num_id.clone()) == &num_id,
            "one list for all three"
        );
        let abstract_id = ndoc
            .descendants()
            .find(|n| n.has_tag_name((W, "num")) && n.attribute((W, "numId")) == Some(&num_id))
            .and_then(|n| n.children().find(|c| c.has_tag_name((W, "abstractNumId"))))
            .and_then(|n| n.attribute((W, "val")))
            .unwrap();
        let lvl = ndoc
            .descendants()
            .find(|n| {
                n.has_tag_name((W, "abstractNum"))
                    && n.attribute((W, "abstractNumId")) == Some(abstract_id)
            })
            .and_then(|a| {
                a.children().find(|l| {
                    l.has_tag_name((W, "lvl"))
                        && l.attribute((W, "ilvl")) == Some(&level.to_string())
                })
            })
            .unwrap();
        let child = |tag: &str| {
            lvl.children()
                .find(|c| c.has_tag_name((W, tag)))
                .and_then(|c| c.attribute((W, "val")))
        };
        assert_eq!(child("pStyle"), Some(*id));
        let text = ["%1", "%1.%2"][level];
        assert_eq!(child("lvlText"), Some(text));
    }
    let styles = docx_part(&example::noord_2016().docx, "word/styles.xml");
    let sdoc = Document::parse(&styles).unwrap();
    let normal = sdoc
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Normal"))
        .expect("Normal style");
    assert_eq!(
        normal.attribute((W, "default")),
        Some("1"),
        "Normal is the default style"
    );
    for id in [
        "Heading1", "Heading2", "Heading3", "Title", "Caption", "Header", "Footer",
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#)),
            "style {id}"
        );
    }
    assert!(
        styles.contains(r#"<w:lang w:val="nl-NL""#),
        "document language nl-NL"
    );
    assert!(
        styles.contains("Noto Sans"),
        "fonts come from templates/stijl.docx"
    );
}

#[test]
fn lists_have_their_own_numbering() {
    let d = &example::noord_2016().docx;
    let numbering = docx_part(d, "word/numbering.xml");
    assert!(numbering.contains(r#"w:numFmt w:val="bullet""#));
    assert!(numbering.contains(r#"w:numFmt w:val="decimal""#));
    let doc = docx_part(d, "word/document.xml");
    let num_ids: std::collections::BTreeSet<&str> = doc
        .match_indices(r#"<w:numId w:val=""#)
        .map(|(i, m)| {
            let rest = &doc[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert!(
        num_ids.len() >= 3,
        "each list has its own numbering instance: {num_ids:?}"
    );
    assert!(
        numbering.contains("w:startOverride"),
        "numbered lists restart"
    );
}

/// The look a table takes of the house table style (`w:tblLook`): its
/// `attribute` is "1".
fn looks(t: &roxmltree::Node, attribute: &str) -> bool {
    t.children()
        .find(|n| n.has_tag_name((W, "tblPr")))
        .and_then(|p| p.children().find(|n| n.has_tag_name((W, "tblLook"))))
        .is_some_and(|l| l.attribute((W, attribute)) == Some("1"))
}

/// A layout table: one row that puts an indicator's key figures beside
/// its chart, in no table style and without a header row.
fn is_layout(t: &roxmltree::Node) -> bool {
    !t.children()
        .find(|n| n.has_tag_name((W, "tblPr")))
        .is_some_and(|p| p.children().any(|n| n.has_tag_name((W, "tblStyle"))))
}

#[test]
fn tables_repeat_their_header_row() {
    let doc = docx_part(&example::noord_2016().docx, "word/document.xml");
    let xml = Document::parse(&doc).unwrap();
    let all: Vec<roxmltree::Node> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    let tables = all.len();
    let layout = all.iter().filter(|t| is_layout(t)).count();
    let headers = doc.matches("<w:tblHeader/>").count();
    assert!(tables > 10 && layout > 5);
    // The key figures are headed by their rows: the first column's look,
    // each row's name in the style Tabelrijkop, and no header row.
    let by_rows: Vec<&roxmltree::Node> = all
        .iter()
        .filter(|t| !is_layout(t) && looks(t, "firstColumn"))
        .collect();
    assert_eq!(by_rows.len(), 7, "one for each indicator");
    for t in &by_rows {
        assert!(!looks(t, "firstRow"));
        for row in t.children().filter(|n| n.has_tag_name((W, "tr"))) {
            let first = row.descendants().find(|n| n.has_tag_name((W, "pStyle")));
            assert_eq!(
                first.and_then(|s| s.attribute((W, "val"))),
                Some("Tabelrijkop")
            );
        }
    }
    assert_eq!(
        headers,
        tables - layout - by_rows.len(),
        "every other table but the layout rows has a header row"
    );
}

#[test]
fn pictures_have_unique_ids_and_dutch_alt_text() {
    let d = &example::noord_2016().docx;
    let doc = docx_part(d, "word/document.xml");
    let xml = Document::parse(&doc).unwrap();
    let pics: Vec<_> = xml
        .descendants()
        .filter(|n| n.tag_name().name() == "docPr")
        .collect();
    assert_eq!(pics.len(), 10, "logo and nine charts");
    let ids: std::collections::HashSet<_> =
        pics.iter().map(|p| p.attribute("id").unwrap()).collect();
    assert_eq!(ids.len(), pics.len());
    for p in &pics {
        let descr = p.attribute("descr").unwrap_or("");
        assert!(descr.len() > 20, "alt text: {descr:?}");
    }
    assert!(pics.iter().any(|p| {
        p.attribute("descr")
            .unwrap()
            .starts_with("Lijndiagram van Schoolbesturen actief in Bètapunt Noord")
    }));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(d.as_slice())).unwrap();
    let images = (0..zip.len())
        .filter(|i| {
            let f = zip.by_index(*i).unwrap();
            f.name().starts_with("word/media/") && f.name().ends_with(".png")
        })
        .count();
    assert_eq!(images, 10);
}

#[test]
fn footer_numbers_pages_and_core_properties_are_set() {
    let d = &example::noord_2016().docx;
    let footers: String = ["word/footer1.xml", "word/footer2.xml"]
        .iter()
        .map(|f| docx_part(d, f))
        .collect();
    assert!(footers.contains("PAGE") && footers.contains("NUMPAGES"));
    assert!(footers.contains(">pagina <") && footers.contains("> van <"));
    let core = docx_part(d, "docProps/core.xml");
    assert!(
        core.contains(
            "<dc:title>Voortgangsrapportage Techniekpact Noord Nederland 2016</dc:title>"
        )
    );
    assert!(core.contains("<dc:creator>Secretariaat Techniekpact Noord Nederland</dc:creator>"));
    assert!(core.contains(">2017-03-15T00:00:00Z</dcterms:created>"));
    let settings = docx_part(d, "word/settings.xml");
    assert!(!settings.contains("updateFields"), "no field-update prompt");
    let doc = docx_part(d, "word/document.xml");
    assert!(
        doc.contains(r#"TOC \o &quot;1-2&quot;"#) || doc.contains(r#"TOC \o "1-2""#),
        "a TOC field"
    );
    // Every heading has a bookmark named by its anchor in the model, and
    // the table of contents links to them.
    let xml = Document::parse(&doc).unwrap();
    let bookmarks: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    // Headings, tables and figures, by their anchors in the model, in order.
    let blocks = example::noord_2016().document.blocks.clone();
    let anchors: Vec<String> = blocks
        .iter()
        .flat_map(|b| match b {
            techniekpact::document::Block::Beside { columns, .. } => columns.concat(),
            other => vec![other.clone()],
        })
        .collect::<Vec<_>>()
        .iter()
        .filter_map(|b| match b {
            techniekpact::document::Block::Heading { anchor, .. } => Some(format!("_{anchor}")),
            techniekpact::document::Block::Table(t) => Some(format!("_{}", t.anchor)),
            techniekpact::document::Block::Figure(f) => Some(format!("_{}", f.anchor)),
            _ => None,
        })
        .collect();
    assert_eq!(
        bookmarks, anchors,
        "a bookmark per heading and caption, named by its anchor"
    );
    assert!(
        bookmarks.iter().all(|b| b.chars().count() <= 40),
        "Word keeps 40 characters"
    );
    let links: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .filter_map(|n| n.attribute((W, "anchor")))
        .collect();
    assert!(
        links.len() >= 10,
        "the TOC links to the headings: {links:?}"
    );
    assert!(links.iter().all(|l| bookmarks.contains(l)), "{links:?}");
    // Until the fields are updated, the entries have no page column: no
    // dot leader that ends in nothing, and no prompt (no updateFields).
    for link in xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
    {
        assert!(
            !link.descendants().any(|n| n.has_tag_name((W, "tab"))),
            "an entry with a tab"
        );
    }
    assert!(!doc.contains("PAGEREF"), "no empty page references");
}

#[test]
fn same_content_as_the_pdf() {
    let b = example::noord_2016();
    let doc = docx_part(&b.docx, "word/document.xml");
    let paras = paragraphs(&doc);
    // The PDF text extractor adds spaces where text objects meet (before a
    // full stop after a link, say); compare without any whitespace.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let pdf = squeeze(&b.pdf_text);
    let mut at = 0;
    let mut checked = 0;
    for (style, text) in &paras {
        // The PDF sets a formula as mathematics, a fraction over lines
        // (ontwerp.rs checks the formulas of every format).
        if text.is_empty() || style == "Formule" {
            continue;
        }
        // Every paragraph and cell text of the DOCX is in the PDF; the
        // square before a status word is the DOCX's form of the PDF's
        // coloured dot, which is drawn, not text.
        let text = squeeze(&text.replace('\u{25a0}', ""));
        // The overline's style sets it in capitals, as the PDF prints it.
        let text = if style == "Bovenregel" {
            text.to_uppercase()
        } else {
            text
        };
        // A paragraph may run onto the next page, past the running head
        // and a figure floated to its top.
        assert!(
            reads_in_order(&pdf, &text, 2),
            "DOCX text missing in PDF ({style}): {text:?}"
        );
        checked += 1;
        // Headings and tables' captions come in the same order; a figure
        // of the PDF may float to the top of a later page, text flowing
        // past it.
        if style.starts_with("Heading") || (style == "Caption" && !text.starts_with("Figuur")) {
            let pos = pdf[at..]
                .find(&text)
                .unwrap_or_else(|| panic!("{text:?} out of order in the PDF"));
            at += pos + text.len();
        }
    }
    assert!(checked > 200, "{checked} texts compared");
    // And the other way round: the PDF has no heading the DOCX lacks.
    let docx_text: String = paras
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for h in [
        "Bijlage B Verantwoording",
        "Leeswijzer",
        "Doe-voorstellen",
        "Acties per status",
    ] {
        assert!(b.pdf_text.contains(h) && docx_text.contains(h));
    }
}

#[test]
fn same_input_gives_identical_docx() {
    let dir = tempfile::tempdir().unwrap();
    // Another report first, in the same process run, must not shift ids.
    maak_ok(
        &repo().join("data/noord-2015.yaml"),
        dir.path(),
        &["data/noord-2016.yaml", "--formaat", "docx"],
    );
    let again = std::fs::read(dir.path().join("techniekpact-noord-2016.docx")).unwrap();
    assert!(
        again == example::noord_2016().docx,
        "DOCX must be byte-identical"
    );
}

#[test]
fn formats_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let out = maak(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &["--formaat", "docx"],
    );
    assert!(out.status.success());
    assert!(dir.path().join("techniekpact-noord-2016.docx").exists());
    assert!(!dir.path().join("techniekpact-noord-2016.pdf").exists());
}

#[test]
fn pdf_and_docx_are_written_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("techniekpact-noord-2016.pdf");
    std::fs::write(&pdf, b"vorige versie").unwrap();
    // A broken reference document makes the DOCX fail after the PDF is made.
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    std::fs::write(tpl.join("stijl.docx"), b"geen zip").unwrap();
    let out = maak(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &["--sjablonen", tpl.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stijl.docx"));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"vorige versie");
    assert!(!dir.path().join("techniekpact-noord-2016.docx").exists());
}

#[test]
fn concept_docx_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let out = maak(
        &repo().join("data/noord-2014.yaml"),
        dir.path(),
        &["--formaat", "docx"],
    );
    assert!(out.status.success());
    let d = std::fs::read(dir.path().join("techniekpact-noord-2014.docx")).unwrap();
    let header = docx_part(&d, "word/header1.xml");
    assert!(
        header.contains(">CONCEPT<"),
        "the running header of every page says CONCEPT"
    );
    assert!(
        docx_part(&d, "word/document.xml").contains(">CONCEPT<"),
        "and the title page"
    );
}

/// Rewrite one part of a zip.
fn rewrite_part(zip_bytes: &[u8], name: &str, f: impl Fn(String) -> String) -> Vec<u8> {
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let mut f_in = input.by_index(i).unwrap();
        let entry = f_in.name().to_string();
        let mut data = Vec::new();
        f_in.read_to_end(&mut data).unwrap();
        if entry == name {
            data = f(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(entry, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn an_edited_reference_style_shows_in_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    // What an editor does in Word: Heading 1 becomes red.
    let original = std::fs::read(repo().join("templates/stijl.docx")).unwrap();
    let edited = rewrite_part(&original, "word/styles.xml", |styles| {
        let start = styles.find(r#"w:styleId="Heading1""#).unwrap();
        let end = start + styles[start..].find("</w:style>").unwrap();
        let heading =
            styles[start..end].replace(r#"w:color w:val="154273""#, r#"w:color w:val="C00000""#);
        assert!(
            heading.contains("C00000"),
            "the fixture has a heading colour"
        );
        format!("{}{}{}", &styles[..start], heading, &styles[end..])
    });
    std::fs::write(tpl.join("stijl.docx"), edited).unwrap();
    maak_ok(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &["--formaat", "docx", "--sjablonen", tpl.to_str().unwrap()],
    );
    let d = std::fs::read(dir.path().join("techniekpact-noord-2016.docx")).unwrap();
    let styles = docx_part(&d, "word/styles.xml");
    let start = styles.find(r#"w:styleId="Heading1""#).unwrap();
    let end = start + styles[start..].find("</w:style>").unwrap();
    assert!(
        styles[start..end].contains("C00000"),
        "the edited colour is used"
    );
    // Still numbered by Word, with the headings' list.
    assert!(styles[start..end].contains(r#"<w:numId w:val="100"/>"#));
}

/// The house font travels inside the DOCX (ECMA-376 §17.8.1): four Noto
/// Sans files, each obfuscated with the key the font table names, the
/// setting that tells Word to use them, and every paragraph style resolving
/// to the house font.
#[test]
fn the_house_font_is_embedded() {
    let docx = &example::noord_2016().docx;
    let table = docx_part(docx, "word/fontTable.xml");
    let rels = docx_part(docx, "word/_rels/fontTable.xml.rels");
    let types = docx_part(docx, "[Content_Types].xml");
    assert!(types.contains(r#"Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont""#));
    assert!(docx_part(docx, "word/settings.xml").contains("<w:embedTrueTypeFonts/>"));
    let doc = Document::parse(&table).unwrap();
    let noto = doc
        .descendants()
        .find(|n| n.attribute((W, "name")) == Some("Noto Sans"))
        .expect("Noto Sans in the font table");
    let originals = [
        ("embedRegular", techniekpact::fonts::NOTO_SANS_REGULAR),
        ("embedBold", techniekpact::fonts::NOTO_SANS_BOLD),
        ("embedItalic", techniekpact::fonts::NOTO_SANS_ITALIC),
        (
            "embedBoldItalic",
            techniekpact::fonts::NOTO_SANS_BOLD_ITALIC,
        ),
    ];
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for (kind, original) in originals {
        let e = noto
            .children()
            .find(|n| n.tag_name().name() == kind)
            .unwrap_or_else(|| panic!("{kind}"));
        let id = e.attribute((R, "id")).unwrap();
        let key = e.attribute((W, "fontKey")).unwrap();
        let at = rels.find(&format!(r#"Id="{id}""#)).unwrap();
        let target = rels[at..]
            .split("Target=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut data = Vec::new();
        zip.by_name(&format!("word/{target}"))
            .unwrap()
            .read_to_end(&mut data)
            .unwrap();
        assert_ne!(&data[..32], &original[..32], "{kind} is obfuscated");
        // Undo the obfuscation by hand, as §17.8.1 describes it.
        let hex: Vec<u8> = key
            .chars()
            .filter(char::is_ascii_hexdigit)
            .map(|c| c.to_digit(16).unwrap() as u8)
            .collect();
        let bytes: Vec<u8> = hex.chunks(2).map(|p| p[0] * 16 + p[1]).rev().collect();
        for (i, b) in data.iter_mut().take(32).enumerate() {
            *b ^= bytes[i % 16];
        }
        assert!(data == original, "{kind} is Noto Sans");
    }
    // Every paragraph style resolves to the house font: its own fonts, or
    // Normal's by basedOn, or the document default.
    let styles = docx_part(docx, "word/styles.xml");
    let doc = Document::parse(&styles).unwrap();
    let default = doc
        .descendants()
        .find(|n| n.tag_name().name() == "rPrDefault")
        .and_then(|d| d.descendants().find(|n| n.tag_name().name() == "rFonts"))
        .unwrap();
    assert_eq!(default.attribute((W, "ascii")), Some("Noto Sans"));
    for style in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "style" && n.attribute((W, "type")) == Some("paragraph"))
    {
        let id = style.attribute((W, "styleId")).unwrap();
        let fonts = style
            .descendants()
            .find(|n| n.tag_name().name() == "rFonts");
        if let Some(f) = fonts.and_then(|f| f.attribute((W, "ascii"))) {
            assert_eq!(f, "Noto Sans", "{id}");
        }
        if id.starts_with("ToC") {
            let based = style.children().find(|n| n.tag_name().name() == "basedOn");
            assert_eq!(
                based.and_then(|b| b.attribute((W, "val"))),
                Some("Normal"),
                "{id}"
            );
        }
    }
}

/// The values of one XMP property of the PDF (`<dc:title>` ... `</dc:title>`):
/// the texts of its `rdf:li` items, or its text.
fn xmp(pdf: &[u8], property: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    let open = format!("<{property}>");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("{property} in the XMP"))
        + open.len();
    let end = start + text[start..].find(&format!("</{property}>")).unwrap();
    let inner = &text[start..end];
    if !inner.contains("<rdf:li") {
        return vec![inner.to_string()];
    }
    inner
        .split("<rdf:li")
        .skip(1)
        .map(|li| li[li.find('>').unwrap() + 1..li.find("</rdf:li>").unwrap()].to_string())
        .collect()
}

/// The text of one element of the DOCX's core properties.
fn core(docx: &[u8], element: &str) -> String {
    let xml = docx_part(docx, "docProps/core.xml");
    let doc = Document::parse(&xml).unwrap();
    doc.descendants()
        .find(|n| n.tag_name().name() == element)
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string()
}

/// Title, authors and keywords are fields of the document model: the PDF's
/// XMP and the DOCX's core properties say the same.
#[test]
fn pdf_and_docx_have_the_same_title_author_and_keywords() {
    let b = example::noord_2016();
    let title = xmp(&b.pdf, "dc:title");
    assert_eq!(
        title,
        ["Voortgangsrapportage Techniekpact Noord Nederland 2016"]
    );
    assert_eq!(core(&b.docx, "title"), title[0]);
    let authors = xmp(&b.pdf, "dc:creator");
    assert!(!authors.is_empty());
    assert_eq!(core(&b.docx, "creator"), authors.join(", "));
    let keywords: Vec<String> = xmp(&b.pdf, "pdf:Keywords")[0]
        .split(", ")
        .map(String::from)
        .collect();
    assert_eq!(keywords, ["Techniekpact", "Noord", "2016"]);
    // One line in both, separated alike.
    assert_eq!(core(&b.docx, "keywords"), xmp(&b.pdf, "pdf:Keywords")[0]);
    let docx_keywords: Vec<String> = core(&b.docx, "keywords")
        .split(", ")
        .map(String::from)
        .collect();
    assert_eq!(docx_keywords, keywords);
}

/// `Tabel N: ...` and `Figuur N: ...` in the order of the text.
fn numbered_captions(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| {
            (w[0] == "Tabel" || w[0] == "Figuur")
                && w[1].ends_with(':')
                && w[1].trim_end_matches(':').parse::<u32>().is_ok()
        })
        .map(|w| format!("{} {} {}", w[0], w[1], w[2]))
        .collect()
}

/// Table and figure numbers come from the document model: every caption
/// number of the PDF is the DOCX's, in the same order.
#[test]
fn pdf_and_docx_number_tables_and_figures_alike() {
    let b = example::noord_2016();
    let doc = docx_part(&b.docx, "word/document.xml");
    let docx_text: String = paragraphs(&doc)
        .into_iter()
        .filter(|(style, _)| style == "Caption")
        .map(|(_, t)| t + " ")
        .collect();
    let from_docx = numbered_captions(&normalise(&docx_text));
    let from_pdf = numbered_captions(&b.pdf_text);
    assert!(from_docx.iter().filter(|c| c.starts_with("Tabel")).count() > 20);
    assert!(from_docx.iter().filter(|c| c.starts_with("Figuur")).count() >= 9);
    // Each kind in the same order (a figure of the PDF may float past the
    // text after it, so tables and figures interleave differently).
    for kind in ["Tabel", "Figuur"] {
        let of = |v: &[String]| {
            v.iter()
                .filter(|c| c.starts_with(kind))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(of(&from_pdf), of(&from_docx));
    }
    // Each number is the result of a SEQ field of its kind.
    let xml = Document::parse(&doc).unwrap();
    let mut counted = 0;
    for p in xml.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let style = p
            .descendants()
            .find(|n| n.has_tag_name((W, "pStyle")))
            .and_then(|n| n.attribute((W, "val")));
        if style != Some("Caption") {
            continue;
        }
        let texts: Vec<&str> = p
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")) || n.has_tag_name((W, "instrText")))
            .filter_map(|n| n.text())
            .collect();
        let kind = texts[0].trim();
        assert_eq!(
            texts[1].trim(),
            format!("SEQ {kind} \\* ARABIC"),
            "{texts:?}"
        );
        assert!(texts[2].parse::<u32>().is_ok(), "{texts:?}");
        counted += 1;
    }
    assert_eq!(counted, from_docx.len());
}

/// Captions look like the PDF's: at the text edge, upright, in the text
/// colour, with the word and number bold (the character style
/// Bijschriftlabel, not direct formatting).
#[test]
fn captions_start_at_the_text_edge_with_a_bold_label_as_in_the_pdf() {
    let docx = &example::noord_2016().docx;
    let styles = docx_part(docx, "word/styles.xml");
    let doc = Document::parse(&styles).unwrap();
    let style = |id: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("a {id} style"))
    };
    let val = |node: roxmltree::Node, tag: &str| {
        node.descendants()
            .find(|n| n.has_tag_name((W, tag)))
            .map(|n| n.attribute((W, "val")).unwrap_or("true").to_string())
    };
    let caption = style("Caption");
    assert_eq!(val(caption, "jc").as_deref(), Some("left"));
    assert!(
        matches!(
            val(caption, "i").as_deref(),
            None | Some("0") | Some("false")
        ),
        "{:?}",
        val(caption, "i")
    );
    assert_eq!(val(style("Bijschriftlabel"), "b").as_deref(), Some("true"));
    // Every caption's label runs take the style, and none is bold by hand.
    let body = docx_part(docx, "word/document.xml");
    let labelled = body
        .matches(r#"<w:rStyle w:val="Bijschriftlabel"/>"#)
        .count();
    let captions = body.matches(r#"<w:pStyle w:val="Caption"/>"#).count();
    assert!(
        captions > 20 && labelled >= captions * 2,
        "{captions} captions, {labelled} label runs"
    );
}

/// Heading 4 to 9 and every other paragraph and character style are in the
/// house font and colours, none in the fonts or colours of Word's theme.
#[test]
fn every_text_style_takes_the_house_font_and_colours() {
    let styles = docx_part(&example::noord_2016().docx, "word/styles.xml");
    let doc = Document::parse(&styles).unwrap();
    let mut checked = 0;
    for style in doc.descendants().filter(|n| {
        n.has_tag_name((W, "style"))
            && matches!(
                n.attribute((W, "type")),
                Some("paragraph") | Some("character")
            )
    }) {
        let id = style.attribute((W, "styleId")).unwrap_or_default();
        for n in style.descendants() {
            if n.has_tag_name((W, "rFonts")) {
                assert!(
                    n.attributes()
                        .all(|a| !a.name().ends_with("Theme") && a.name() != "cstheme"),
                    "{id}: theme font"
                );
                for attr in ["ascii", "hAnsi"] {
                    if let Some(f) = n.attribute((W, attr)) {
                        assert_eq!(f, "Noto Sans", "{id}");
                    }
                }
            }
            if n.has_tag_name((W, "color")) {
                assert!(
                    n.attribute((W, "themeColor")).is_none(),
                    "{id}: theme colour"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 20, "{checked} styles");
    let heading5 = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Heading5"))
        .unwrap();
    let colour = heading5
        .descendants()
        .find(|n| n.has_tag_name((W, "color")))
        .and_then(|n| n.attribute((W, "val")));
    assert_eq!(colour, Some("154273"), "Heading 5 in the main colour");
}

/// Generated data with several links (their relationships once came in
/// the order of a hash set): two runs give the same bytes in every format.
#[test]
fn generated_reports_with_links_are_byte_identical_from_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("voorbeeld.yaml");
    let (code, _, err) = run_in(
        dir.path(),
        &[
            "voorbeeld",
            "--indicatoren",
            "12",
            "--uit",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let make = |name: &str| {
        let out = dir.path().join(name);
        maak_ok(&data, &out, &["--formaat", "pdf,docx,html"]);
        files_under(&out)
    };
    let (first, second) = (make("een"), make("twee"));
    let docx = first
        .iter()
        .find(|(name, _)| name.ends_with(".docx"))
        .expect("a DOCX");
    let rels = docx_part(&docx.1, "word/_rels/document.xml.rels");
    assert!(rels.matches("rIdLink").count() >= 2, "several links");
    assert_eq!(first.len(), second.len());
    for ((a, x), (b, y)) in first.iter().zip(&second) {
        assert_eq!(a, b);
        assert!(x == y, "{a} differs between two runs");
    }
}

/// The zip entries of a DOCX: name, compression, stored and packed size.
fn entries(docx: &[u8]) -> Vec<(String, zip::CompressionMethod, u64, u64)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let f = zip.by_index_raw(i).unwrap();
            (
                f.name().to_string(),
                f.compression(),
                f.size(),
                f.compressed_size(),
            )
        })
        .collect()
}

#[test]
fn every_table_uses_the_house_table_style_and_no_cell_is_formatted() {
    let d = &example::noord_2016().docx;
    let doc = docx_part(d, "word/document.xml");
    let xml = Document::parse(&doc).unwrap();
    let tables: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert!(tables.len() > 20);
    for t in &tables {
        let style = t
            .children()
            .find(|n| n.has_tag_name((W, "tblPr")))
            .and_then(|p| p.children().find(|n| n.has_tag_name((W, "tblStyle"))))
            .and_then(|s| s.attribute((W, "val")));
        if is_layout(t) {
            // A row that puts blocks side by side: no style, no lines.
            assert_eq!(style, None);
            assert!(t.descendants().any(|n| n.has_tag_name((W, "tblBorders"))));
            continue;
        }
        assert_eq!(style, Some("Huisstijltabel"));
    }
    // Header row, zebra and lines come from the style: no cell has its own
    // shading or borders, no run in a table its own size or colour.
    for tag in ["shd", "tcBorders"] {
        assert!(
            !xml.descendants()
                .any(|n| n.has_tag_name((W, tag))
                    && n.ancestors().any(|a| a.has_tag_name((W, "tc")))),
            "a cell with its own {tag}"
        );
    }
    for run in xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")) && n.ancestors().any(|a| a.has_tag_name((W, "tc"))))
    {
        let text: String = run
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|n| n.text())
            .collect();
        for tag in ["sz", "color"] {
            let formatted = run.descendants().any(|n| n.has_tag_name((W, tag)));
            // Only the square of a status word has its colour.
            assert!(
                !formatted || text == "\u{25a0}",
                "{text:?} has its own {tag}"
            );
        }
    }
    let styles = docx_part(d, "word/styles.xml");
    let at = styles.find(r#"w:styleId="Huisstijltabel""#).unwrap();
    let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    for part in [
        r#"<w:tblStylePr w:type="firstRow">"#,
        r#"<w:tblStylePr w:type="band2Horz">"#,
        "<w:insideH ",
        r#"<w:name w:val="Huisstijltabel"/>"#,
    ] {
        assert!(style.contains(part), "{part} in the table style");
    }
}

#[test]
fn only_the_styles_in_use_and_those_an_editor_needs() {
    let d = &example::noord_2016().docx;
    let styles = docx_part(d, "word/styles.xml");
    let doc = docx_part(d, "word/document.xml");
    let sdoc = Document::parse(&styles).unwrap();
    let ids: Vec<&str> = sdoc
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| n.attribute((W, "styleId")))
        .collect();
    // What an editor needs beside what the report uses.
    let needed = [
        "Normal",
        "DefaultParagraphFont",
        "TableNormal",
        "NoList",
        "Heading4",
        "Heading5",
        "Heading6",
        "Heading7",
        "Heading8",
        "Heading9",
        "TOC3",
        "Header",
        "Footer",
        "ListBullet",
        "ListBullet2",
        "ListBullet3",
        "ListNumber",
        "ListNumber2",
        "ListNumber3",
        "Tabelnoot",
        // The CONCEPT mark of a draft: stijl.docx holds it for every report.
        "Conceptmerk",
    ];
    for id in &ids {
        let used = doc.contains(&format!(r#"w:val="{id}""#));
        assert!(
            used || needed.contains(id),
            "style {id} is neither used nor needed"
        );
    }
    assert!(ids.len() <= 45, "{} styles", ids.len());
    assert!(
        styles.len() < 40_000,
        "styles.xml is {} bytes",
        styles.len()
    );
}

#[test]
fn charts_are_svg_with_a_png_for_older_readers() {
    let d = &example::noord_2016().docx;
    let doc = docx_part(d, "word/document.xml");
    let rels = docx_part(d, "word/_rels/document.xml.rels");
    let xml = Document::parse(&doc).unwrap();
    const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    const ASVG: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let target = |id: &str| {
        let at = rels.find(&format!(r#"Id="{id}""#)).unwrap();
        let rest = &rels[at..rels[at..].find("/>").unwrap() + at];
        let t = rest.split("Target=\"").nth(1).unwrap();
        format!("word/{}", &t[..t.find('"').unwrap()])
    };
    let mut svgs = 0;
    for blip in xml.descendants().filter(|n| n.has_tag_name((A, "blip"))) {
        let png = target(blip.attribute((R, "embed")).unwrap());
        assert!(png.ends_with(".png"));
        if let Some(svg) = blip
            .descendants()
            .find(|n| n.has_tag_name((ASVG, "svgBlip")))
        {
            let svg = docx_part(d, &target(svg.attribute((R, "embed")).unwrap()));
            roxmltree::Document::parse(&svg).expect("the SVG is well-formed");
            assert!(!svg.contains("<text"), "the chart's text is outlined");
            svgs += 1;
        }
    }
    assert!(svgs >= 9, "every chart as SVG: {svgs}");
    // The PNG fallback prints at 150 dpi or more at the size the drawing is
    // placed (its extent, in EMU: 914400 to the inch).
    const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let mut checked = 0;
    for drawing in xml.descendants().filter(|n| n.has_tag_name((WP, "inline"))) {
        let extent = drawing
            .children()
            .find(|n| n.has_tag_name((WP, "extent")))
            .unwrap();
        let inches = extent.attribute("cx").unwrap().parse::<f64>().unwrap() / 914_400.0;
        let blip = drawing
            .descendants()
            .find(|n| n.has_tag_name((A, "blip")))
            .unwrap();
        if !blip
            .descendants()
            .any(|n| n.has_tag_name((ASVG, "svgBlip")))
        {
            continue; // the logo: a PNG of its own, not a chart's fallback
        }
        let png = docx_bytes(d, &target(blip.attribute((R, "embed")).unwrap()));
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let dpi = f64::from(width) / inches;
        assert!(dpi >= 150.0, "{dpi:.0} dpi at {inches:.2} in");
        assert!(dpi < 240.0, "{dpi:.0} dpi: more than print needs");
        checked += 1;
    }
    assert!(checked >= 9, "{checked}");
    let types = docx_part(d, "[Content_Types].xml");
    assert!(types.contains(r#"Extension="svg" ContentType="image/svg+xml""#));
}

#[test]
fn parts_are_written_once_in_order_and_the_fonts_come_compressed() {
    let d = &example::noord_2016().docx;
    let entries = entries(d);
    assert_eq!(entries[0].0, "[Content_Types].xml", "content types first");
    let mut names: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "no part twice");
    let fonts: Vec<_> = entries
        .iter()
        .filter(|e| e.0.starts_with("word/fonts/"))
        .collect();
    assert_eq!(fonts.len(), 4, "the house font in four styles");
    for (name, method, size, packed) in fonts {
        assert_eq!(*method, zip::CompressionMethod::Deflated, "{name}");
        assert!(packed * 10 < size * 8, "{name}: {packed} of {size} bytes");
    }
}

/// The user's DOCX library (docx-rs) reads the report back: its headings
/// with their styles, and its tables.
#[test]
fn docx_rs_reads_the_report() {
    let b = example::noord_2016();
    let docx = docx_rs::read_docx(&b.docx).expect("docx-rs reads the DOCX");
    let styled = |id: &str| {
        docx.document
            .children
            .iter()
            .filter(|c| match c {
                docx_rs::DocumentChild::Paragraph(p) => {
                    p.property.style.as_ref().is_some_and(|s| s.val == id)
                }
                _ => false,
            })
            .count()
    };
    let chapters = b
        .document
        .blocks
        .iter()
        .filter(|b| matches!(b, techniekpact::document::Block::Heading { level: 1, .. }))
        .count();
    assert_eq!(styled("Heading1"), chapters);
    let tables = docx
        .document
        .children
        .iter()
        .filter(|c| matches!(c, docx_rs::DocumentChild::Table(_)))
        .count();
    assert!(tables > 20, "{tables} tables");
    assert!(docx.styles.styles.len() > 20);
}

/// Every field of `document_xml` in document order: its instruction and its
/// cached result (the text between `separate` and `end`).
fn fields(document_xml: &str) -> Vec<(String, String)> {
    let xml = Document::parse(document_xml).unwrap();
    let mut out = Vec::new();
    let mut open: Option<(String, String, bool)> = None;
    for n in xml.descendants() {
        if n.has_tag_name((W, "fldChar")) {
            match n.attribute((W, "fldCharType")) {
                Some("begin") => open = Some((String::new(), String::new(), false)),
                Some("separate") => {
                    if let Some(f) = &mut open {
                        f.2 = true;
                    }
                }
                Some("end") => {
                    if let Some((instr, result, _)) = open.take() {
                        out.push((instr.trim().to_string(), result));
                    }
                }
                _ => {}
            }
        } else if let Some((instr, result, separated)) = &mut open {
            if n.has_tag_name((W, "instrText")) {
                instr.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name((W, "t")) && *separated {
                result.push_str(n.text().unwrap_or(""));
            }
        }
    }
    out
}

/// The text inside each bookmark, by name.
fn bookmarked_texts(document_xml: &str) -> std::collections::HashMap<String, String> {
    let xml = Document::parse(document_xml).unwrap();
    let mut open: Vec<(String, String, String)> = Vec::new();
    let mut done = std::collections::HashMap::new();
    for n in xml.descendants() {
        if n.has_tag_name((W, "bookmarkStart")) {
            open.push((
                n.attribute((W, "id")).unwrap().to_string(),
                n.attribute((W, "name")).unwrap().to_string(),
                String::new(),
            ));
        } else if n.has_tag_name((W, "bookmarkEnd")) {
            let id = n.attribute((W, "id")).unwrap();
            let i = open.iter().position(|b| b.0 == id).expect("opened");
            let (_, name, text) = open.remove(i);
            done.insert(name, text);
        } else if n.has_tag_name((W, "t")) {
            for b in &mut open {
                b.2.push_str(n.text().unwrap_or(""));
            }
        }
    }
    done
}

/// References in running text are Word's cross-references: a REF field to
/// the bookmark of the model's anchor, whose text is what the field shows,
/// so that updating the field keeps the words; appendix letters are
/// counted by a SEQ field as caption numbers are.
#[test]
fn references_are_ref_fields_to_bookmarks_that_hold_their_words() {
    let b = example::noord_2016();
    let doc = docx_part(&b.docx, "word/document.xml");
    let marked = bookmarked_texts(&doc);
    let all = fields(&doc);
    let refs: Vec<&(String, String)> = all.iter().filter(|f| f.0.starts_with("REF ")).collect();
    let model: Vec<(String, String, Option<String>)> =
        techniekpact::document::references::references(&b.document.blocks)
            .into_iter()
            .map(|r| (r.anchor.to_string(), r.words, r.word.map(str::to_string)))
            .collect();
    assert_eq!(
        model.len(),
        3,
        "the example refers to a section, appendix B and a table"
    );
    assert_eq!(refs.len(), model.len(), "{refs:?}");
    for ((instr, result), (anchor, words, word)) in refs.iter().zip(&model) {
        match word {
            // A section: its word, then the number of the heading's
            // paragraph (`\r`), which Word's heading numbering gives.
            Some(word) => {
                assert_eq!(instr, &format!("REF _{anchor} \\r \\h"));
                assert_eq!(&format!("{word} {result}"), words);
                assert!(
                    doc.contains(&format!("{word} </w:t>")),
                    "the word before the field"
                );
                assert!(
                    marked.contains_key(&format!("_{anchor}")),
                    "the heading's bookmark"
                );
            }
            None => {
                assert_eq!(instr, &format!("REF _{anchor} \\h"));
                assert_eq!(result, words);
                assert_eq!(
                    marked.get(&format!("_{anchor}")),
                    Some(words),
                    "the bookmark holds what the reference shows"
                );
            }
        }
    }
    let letters: Vec<&String> = all
        .iter()
        .filter(|f| f.0 == "SEQ Bijlage \\* ALPHABETIC")
        .map(|f| &f.1)
        .collect();
    assert_eq!(letters, ["A", "B"]);
    // Every table and figure bookmark holds its label and number.
    for block in &b.document.blocks {
        if let techniekpact::document::Block::Table(t) = block {
            assert_eq!(
                marked.get(&format!("_{}", t.anchor)),
                Some(&format!("{} {}", t.caption.label, t.caption.number))
            );
        }
    }
}
