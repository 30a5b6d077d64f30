//! An editor's `stijl.docx` saved by another program than Word (LibreOffice
//! through Python-UNO, python-docx): the report's DOCX changes exactly the
//! styles the editor changed, the program's own renaming and added styles
//! are left out, and a later colour in `huisstijl.yaml` still reaches the
//! styles the editor left alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::editor_styles::{self, StylePart, green_templates, make_with};
use crate::common::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The styles of a DOCX, by id.
const DOCX_STYLES: StylePart = StylePart {
    part: "word/styles.xml",
    element: (W, "style"),
    name: (W, "styleId"),
};

fn styles(docx: &Path) -> BTreeMap<String, String> {
    editor_styles::styles(docx, &DOCX_STYLES)
}

fn differing(a: &Path, b: &Path) -> Vec<String> {
    editor_styles::differing(a, b, &DOCX_STYLES)
}

fn make_docx(dir: &Path, tpl: &str, out: &str) -> (PathBuf, String) {
    make_with(dir, "docx", tpl, out)
}

/// LibreOffice opens `from` and saves it as `to`, with Heading 1 in
/// `colour` when given.
fn libreoffice_saves(from: &Path, to: &Path, colour: Option<&str>) {
    let change: Vec<&str> = colour.into_iter().collect();
    editor_styles::libreoffice_saves("stijl_opslaan.py", from, to, &change);
}

#[test]
fn a_style_changed_in_libreoffice_or_python_docx_is_the_only_change() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_data(d);
    let embedded = repo().join("templates/stijl.docx");
    // The reference build: the embedded stijl.docx, the green main colour.
    green_templates(d, "huis");
    let (house, said) = make_docx(d, "huis", "uit-huis");
    assert!(!said.contains("overgenomen"), "nothing taken: {said}");

    // Opened and saved again in LibreOffice: nothing is the editor's.
    let tpl = green_templates(d, "lo-opgeslagen");
    libreoffice_saves(&embedded, &tpl.join("stijl.docx"), None);
    let (saved, said) = make_docx(d, "lo-opgeslagen", "uit-opgeslagen");
    assert!(!said.contains("overgenomen"), "{said}");
    assert_eq!(differing(&house, &saved), Vec::<String>::new());

    // Heading 1 changed in LibreOffice: only Heading 1 differs, under our
    // id; captions, contents and links are ours; Heading 2 is green.
    let tpl = green_templates(d, "lo-kop1");
    libreoffice_saves(&embedded, &tpl.join("stijl.docx"), Some("8B0000"));
    let (changed, said) = make_docx(d, "lo-kop1", "uit-kop1");
    assert_eq!(differing(&house, &changed), ["Heading1"]);
    let s = styles(&changed);
    assert!(
        s["Heading1"].contains(r#"w:val="8B0000""#)
            && s["Heading1"].contains(r#"<w:sz w:val="40"/>"#)
    );
    assert!(
        s["Heading1"].contains(r#"<w:name w:val="heading 1"/>"#),
        "our name: {}",
        s["Heading1"]
    );
    assert!(
        s["Heading2"].contains(r#"w:val="00552B""#),
        "{}",
        s["Heading2"]
    );
    for theirs in [
        "Caption1",
        "Contents1",
        "InternetLink",
        "TextBody",
        "Heading",
        "Index",
    ] {
        assert!(
            !s.contains_key(theirs),
            "LibreOffice's {theirs} is left out"
        );
    }
    let report: Vec<&str> = said
        .lines()
        .skip_while(|l| !l.contains("van de redacteur overgenomen"))
        .collect();
    assert!(
        report[0].contains("1 stijl van de redacteur overgenomen"),
        "{said}"
    );
    assert_eq!(report[1].trim(), "Kop 1 (gewijzigd)");

    // python-docx: the colour of Heading 2 and an added paragraph style.
    let tpl = green_templates(d, "python-docx");
    let script = r#"
import sys, docx
from docx.shared import RGBColor
from docx.enum.style import WD_STYLE_TYPE
d = docx.Document(sys.argv[1])
d.styles["Heading 2"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
kader = d.styles.add_style("Kader", WD_STYLE_TYPE.PARAGRAPH)
kader.base_style = d.styles["Normal"]
kader.font.bold = True
d.save(sys.argv[2])
"#;
    python(script, &[&embedded, &tpl.join("stijl.docx")]);
    let (edited, said) = make_docx(d, "python-docx", "uit-python-docx");
    assert_eq!(differing(&house, &edited), ["Heading2", "Kader"]);
    assert!(
        said.contains("Kop 2 (gewijzigd)") && said.contains("Kader (toegevoegd)"),
        "{said}"
    );
}

/// A font in the editor's styles that the DOCX does not carry is named,
/// with the style: readers without it would see another font.
#[test]
fn a_font_the_docx_does_not_carry_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_data(d);
    let tpl = d.join("sjablonen");
    copy_templates(&tpl);
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
d.styles["Heading 1"].font.name = "Calibri"
d.save(sys.argv[1])
"#;
    python(script, &[&tpl.join("stijl.docx")]);
    let (_, said) = make_docx(d, "sjablonen", "uit");
    assert!(
        said.contains("waarschuwing:")
            && said.contains(
                "de stijl 'Kop 1' gebruikt het lettertype 'Calibri', dat de DOCX niet bevat"
            ),
        "{said}"
    );
}
