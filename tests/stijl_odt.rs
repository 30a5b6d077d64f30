//! An editor's `stijl.odt` or `stijl.ott`, saved by LibreOffice (through
//! Python-UNO): the report's ODT changes exactly the styles the editor
//! changed or added, LibreOffice's own rewriting and styles are left out,
//! a colour in `huisstijl.yaml` still reaches the styles the editor left
//! alone, and a file that cannot be read is a problem of the template.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use roxmltree::Document;

use crate::common::*;

const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// Every named paragraph and character style of an ODT, by name, as its
/// XML text.
fn styles(odt: &Path) -> BTreeMap<String, String> {
    let xml = docx_part(&std::fs::read(odt).unwrap(), "styles.xml");
    let doc = Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((STYLE, "style")))
        .map(|n| {
            (
                n.attribute((STYLE, "name")).unwrap().to_string(),
                xml[n.range()].to_string(),
            )
        })
        .collect()
}

/// The names of the styles whose XML differs between two ODT files.
fn differing(a: &Path, b: &Path) -> Vec<String> {
    let (a, b) = (styles(a), styles(b));
    let mut names: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A template folder whose main colour is dark green.
fn green_templates(dir: &Path, name: &str) -> PathBuf {
    let tpl = dir.join(name);
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let green = style.replace(r##"hoofdkleur: "#154273""##, r##"hoofdkleur: "#00552b""##);
    assert_ne!(green, style);
    std::fs::write(tpl.join("huisstijl.yaml"), green).unwrap();
    tpl
}

fn make_odt(dir: &Path, tpl: &str, out: &str) -> (PathBuf, String) {
    let (code, _, stderr) = run_in(
        dir,
        &[
            "maak",
            "noord-2016.yaml",
            "--formaat",
            "odt",
            "--sjablonen",
            tpl,
            "--uit",
            out,
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    (dir.join(out).join("techniekpact-noord-2016.odt"), stderr)
}

/// LibreOffice opens `from` and saves it as `to` (.odt or .ott), with
/// Heading 1 in `colour` and a new style Kader (in `font`) when given.
fn libreoffice_saves(from: &Path, to: &Path, change: &[&str]) {
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(repo().join("tests/validatie/stijl_odt_opslaan.py"))
        .arg(from)
        .arg(to)
        .args(change)
        .output()
        .expect("python3 with python3-uno (tools/test installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
