//! An editor's `stijl.odt` or `stijl.ott`, saved by LibreOffice (through
//! Python-UNO): the report's ODT changes exactly the styles the editor
//! changed or added, LibreOffice's own rewriting and styles are left out,
//! a colour in `huisstijl.yaml` still reaches the styles the editor left
//! alone, and a file that cannot be read is a problem of the template.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::editor_styles::{self, StylePart, green_templates, make_with};
use crate::common::*;

const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// The named paragraph and character styles of an ODT.
const ODT_STYLES: StylePart = StylePart {
    part: "styles.xml",
    element: (STYLE, "style"),
    name: (STYLE, "name"),
};

fn styles(odt: &Path) -> BTreeMap<String, String> {
    editor_styles::styles(odt, &ODT_STYLES)
}

fn differing(a: &Path, b: &Path) -> Vec<String> {
    editor_styles::differing(a, b, &ODT_STYLES)
}

fn make_odt(dir: &Path, tpl: &str, out: &str) -> (PathBuf, String) {
    make_with(dir, "odt", tpl, out)
}

/// LibreOffice opens `from` and saves it as `to` (.odt or .ott), with
/// Heading 1 in `colour` and a new style Kader (in `font`) when given.
fn libreoffice_saves(from: &Path, to: &Path, change: &[&str]) {
    editor_styles::libreoffice_saves("stijl_odt_opslaan.py", from, to, change);
}

#[test]
fn a_style_changed_in_libreoffice_is_the_only_change_of_the_odt() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_data(d);
    let embedded = repo().join("templates/stijl.odt");
    green_templates(d, "huis");
    let (house, said) = make_odt(d, "huis", "uit-huis");
    assert!(!said.contains("overgenomen"), "nothing taken: {said}");

    // Opened and saved again: LibreOffice writes every length in inches,
    // the space below each style, colours in lower case and its own
    // styles; none of it is the editor's.
    let tpl = green_templates(d, "lo-opgeslagen");
    libreoffice_saves(&embedded, &tpl.join("stijl.odt"), &[]);
    let (saved, said) = make_odt(d, "lo-opgeslagen", "uit-opgeslagen");
    assert!(!said.contains("overgenomen"), "{said}");
    assert_eq!(differing(&house, &saved), Vec::<String>::new());

    // Heading 1 changed and Kader added, saved as a template: only those
    // two differ; Heading 2, left alone, has the green of huisstijl.yaml.
    let tpl = green_templates(d, "lo-sjabloon");
    std::fs::remove_file(tpl.join("stijl.odt")).unwrap();
    libreoffice_saves(
        &embedded,
        &tpl.join("stijl.ott"),
        &["8B0000", "Liberation Serif"],
    );
    let (changed, said) = make_odt(d, "lo-sjabloon", "uit-sjabloon");
    assert_eq!(differing(&house, &changed), ["Heading_20_1", "Kader"]);
    let s = styles(&changed);
    assert!(
        s["Heading_20_1"].contains(r##"fo:color="#8b0000""##)
            && s["Heading_20_1"].contains(r#"fo:font-size="20pt""#),
        "{}",
        s["Heading_20_1"]
    );
    // (The headings' colour is set once, in their parent Heading.)
    assert!(
        s["Heading"]
            .to_lowercase()
            .contains(r##"fo:color="#00552b""##)
            && !s["Heading_20_2"].contains("fo:color"),
        "{}",
        s["Heading"]
    );
    let report: Vec<&str> = said
        .lines()
        .skip_while(|l| !l.contains("van de redacteur overgenomen"))
        .collect();
    assert!(
        report[0].ends_with("stijl.ott: 2 stijlen van de redacteur overgenomen:"),
        "{said}"
    );
    assert_eq!(report[1].trim(), "Kop 1 (gewijzigd)");
    assert_eq!(report[2].trim(), "Kader (toegevoegd)");
    assert!(
        said.contains(
            "de stijl 'Kader' gebruikt het lettertype 'Liberation Serif', dat de ODT niet bevat"
        ),
        "{said}"
    );
    // Still valid ODF, with the font face Kader names declared.
    assert_eq!(odf_schema_findings(&changed), "");
    let xml = docx_part(&std::fs::read(&changed).unwrap(), "styles.xml");
    assert!(
        xml.contains(r#"style:font-face style:name="Liberation Serif""#),
        "{xml}"
    );
    assert!(!xml.contains("loext:"));
}

/// A style document LibreOffice cannot have written is a problem of the
/// template, with its path, and no file is made.
#[test]
fn an_unreadable_stijl_odt_is_a_template_problem() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_data(d);
    let tpl = d.join("sjablonen");
    copy_templates(&tpl);
    std::fs::write(tpl.join("stijl.odt"), b"geen zip").unwrap();
    let (code, _, stderr) = run_in(
        d,
        &[
            "maak",
            "noord-2016.yaml",
            "--formaat",
            "odt",
            "--sjablonen",
            "sjablonen",
            "--uit",
            "uit",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("stijl.odt")
            && stderr.contains("de stijlen van de ODT kunnen niet gelezen worden"),
        "{stderr}"
    );
    assert!(!d.join("uit/techniekpact-noord-2016.odt").exists());
}
