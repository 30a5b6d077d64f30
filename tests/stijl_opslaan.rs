//! An editor's `stijl.docx` saved by another program than Word (LibreOffice
//! through Python-UNO, python-docx): the report's DOCX changes exactly the
//! styles the editor changed, the program's own renaming and added styles
//! are left out, and a later colour in `huisstijl.yaml` still reaches the
//! styles the editor left alone.

use crate::common::*;
use roxmltree::Document;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Every `w:style` of a DOCX's styles part, by id, as its XML text.
fn styles(docx: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let xml = docx_part(&std::fs::read(docx).unwrap(), "word/styles.xml");
    let doc = Document::parse(&xml).unwrap();
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((W, "style")))
        .map(|n| {
            (
                n.attribute((W, "styleId")).unwrap().to_string(),
                xml[n.range()].to_string(),
            )
        })
        .collect()
}

/// The ids of the styles whose XML differs between two DOCX files.
fn differing(a: &std::path::Path, b: &std::path::Path) -> Vec<String> {
    let (a, b) = (styles(a), styles(b));
    let mut ids: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|id| a.get(*id) != b.get(*id))
        .cloned()
        .collect();
    ids.dedup();
    ids
}

/// A template folder whose main colour is dark green, with `stijl.docx`
/// made by `save` from the embedded one.
fn green_templates(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let tpl = dir.join(name);
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let green = style.replace(r##"hoofdkleur: "#154273""##, r##"hoofdkleur: "#00552b""##);
    assert_ne!(green, style);
    std::fs::write(tpl.join("huisstijl.yaml"), green).unwrap();
    tpl
}

fn make_docx(dir: &std::path::Path, tpl: &str, out: &str) -> (std::path::PathBuf, String) {
    let (code, _, stderr) = run_in(
        dir,
        &[
            "maak",
            "noord-2016.yaml",
            "--formaat",
            "docx",
            "--sjablonen",
            tpl,
            "--uit",
            out,
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    (dir.join(out).join("techniekpact-noord-2016.docx"), stderr)
}

fn libreoffice_saves(from: &std::path::Path, to: &std::path::Path, colour: Option<&str>) {
    let mut cmd = std::process::Command::new("/usr/bin/python3");
    cmd.arg(repo().join("tests/validatie/stijl_opslaan.py"))
        .arg(from)
        .arg(to);
    if let Some(c) = colour {
        cmd.arg(c);
    }
    let out = cmd
        .output()
        .expect("python3 with python3-uno (tools/test installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
