//! What the tests of an editor's style document (`stijl.docx`,
//! `stijl.odt`/`stijl.ott`) share: a template folder in another colour, a
//! report made with it, LibreOffice saving a style document through
//! Python-UNO, and the styles of an office file compared by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use roxmltree::Document;

use super::{copy_templates, docx_part, repo, run_in};

/// A template folder whose main colour is dark green.
pub fn green_templates(dir: &Path, name: &str) -> PathBuf {
    let tpl = dir.join(name);
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let green = style.replace(r##"hoofdkleur: "#154273""##, r##"hoofdkleur: "#00552b""##);
    assert_ne!(green, style);
    std::fs::write(tpl.join("huisstijl.yaml"), green).unwrap();
    tpl
}

/// noord-2016 in `format` (`docx` or `odt`), with the templates in `tpl`,
/// into `out` (both relative to `dir`): the report's path and what
/// techniekpact said.
pub fn make_with(dir: &Path, format: &str, tpl: &str, out: &str) -> (PathBuf, String) {
    let (code, _, stderr) = run_in(
        dir,
        &[
            "maak",
            "noord-2016.yaml",
            "--formaat",
            format,
            "--sjablonen",
            tpl,
            "--uit",
            out,
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    (
        dir.join(out)
            .join(format!("techniekpact-noord-2016.{format}")),
        stderr,
    )
}

/// LibreOffice opens `from` and saves it as `to`, by `script` (in
/// tests/validatie) with the changes `change` it takes.
pub fn libreoffice_saves(script: &str, from: &Path, to: &Path, change: &[&str]) {
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(repo().join("tests/validatie").join(script))
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

/// How an office file names its styles: the part they are in, and the
/// element and attribute (namespace, name) of each.
pub struct StylePart {
    pub part: &'static str,
    pub element: (&'static str, &'static str),
    pub name: (&'static str, &'static str),
}

/// Every style of `file` in `how`'s part, by name, as its XML text.
pub fn styles(file: &Path, how: &StylePart) -> BTreeMap<String, String> {
    let xml = docx_part(&std::fs::read(file).unwrap(), how.part);
    let doc = Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name(how.element))
        .map(|n| {
            (
                n.attribute(how.name).unwrap().to_string(),
                xml[n.range()].to_string(),
            )
        })
        .collect()
}

/// The names of the styles whose XML differs between two files, sorted.
pub fn differing(a: &Path, b: &Path, how: &StylePart) -> Vec<String> {
    let (a, b) = (styles(a, how), styles(b, how));
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
