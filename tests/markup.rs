//! Markup never escapes: text made of Typst, Markdown and XML syntax prints
//! literally in both formats and never changes the document's structure.

use std::io::Read;

use crate::common::*;

/// One line per class of hostile text.
const CLASSES: &[(&str, &str)] = &[
    (
        "typst",
        r#"#import "@preview/x:0.1.0": * #read("/etc/passwd") #set page(fill: red) ] $x^2$ @ref <lbl>"#,
    ),
    (
        "markdown",
        r#"**half _under_ `code` [link](javascript:alert) ![img](x.png) a\b \\"#,
    ),
    (
        "xml",
        r#"<w:p><w:r><w:t>x</w:t></w:r></w:p> &amp; &lt; ]]> <!-- c --> <?pi?> "q" 'a'"#,
    ),
    (
        "long word",
        "Technasiumleerlingenterugloopanalyseonderzoeksrapportagewerkgroepvergaderingsverslagbijlage",
    ),
];

fn build(text: &str, dir: &std::path::Path) -> (String, String) {
    std::fs::create_dir_all(dir).unwrap();
    let data = dir.join("tekens.yaml");
    std::fs::write(&data, text).unwrap();
    maak_ok(&data, dir, &["--pdf-standaard", "geen"]);
    let pdf = std::fs::read(dir.join("techniekpact-noord-2016.pdf")).unwrap();
    let pdf = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let docx = std::fs::read(dir.join("techniekpact-noord-2016.docx")).unwrap();
    let mut doc = String::new();
    zip::ZipArchive::new(std::io::Cursor::new(docx))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut doc)
        .unwrap();
    (pdf, doc)
}

fn docx_text(xml: &str) -> (String, (Vec<String>, usize)) {
    let doc = roxmltree::Document::parse(xml).expect("document.xml stays well-formed");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let text = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "t")))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("");
    // Structure: the styles of all paragraphs, and the number of tables.
    let styles: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "pStyle")))
        .filter_map(|n| n.attribute((w, "val")).map(str::to_string))
        .filter(|s| s.starts_with("Heading") || s == "Caption")
        .collect();
    let tables = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "tbl")))
        .count();
    (text, (styles, tables))
}

#[test]
fn every_class_prints_literally_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plain_doc) = build(BASE, &dir.path().join("gewoon"));
    let (_, plain_structure) = docx_text(&plain_doc);

    let block: String = CLASSES
        .iter()
        .map(|(_, t)| format!("          {t}\n\n"))
        .collect();
    let text = with(
        "        actielijn: kiezen\n",
        &format!(
            "        actielijn: kiezen\n        toelichting: |\n{}\n",
            block.trim_end()
        ),
    );
    let names: Vec<String> = CLASSES.iter().map(|(_, t)| t.to_string()).collect();
    let (pdf, doc) = build(&text, &dir.path().join("tekens"));
    let (docx, structure) = docx_text(&doc);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let (pdf, docx) = (squeeze(&pdf), squeeze(&docx));
    for ((class, _), literal) in CLASSES.iter().zip(&names) {
        assert!(pdf.contains(&squeeze(literal)), "PDF: {class} not literal");
        assert!(
            docx.contains(&squeeze(literal)),
            "DOCX: {class} not literal"
        );
    }
    assert!(!pdf.contains("root:x:0:0"), "no file was read");
    // The same headings, captions and tables: structure is unchanged.
    assert_eq!(structure, plain_structure);
}
