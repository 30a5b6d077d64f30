//! `--typst-bundel`: a self-contained Typst project of the report.

use std::sync::Arc;

use crate::common::*;
use techniekpact::render::pdf::typst_world::ReportWorld;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

#[test]
fn bundle_compiles_on_its_own_to_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundel");
    maak_ok(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &[
            "--formaat",
            "pdf",
            "--typst-bundel",
            bundle.to_str().unwrap(),
        ],
    );
    for f in [
        "rapport.typ",
        "stijl.typ",
        "data/rapport.json",
        "grafieken/overzicht.svg",
        "logo.svg",
        "fonts/NotoSans-Regular.ttf",
        "LEESMIJ.md",
    ] {
        assert!(bundle.join(f).is_file(), "{f} missing in the bundle");
    }
    // Only what Typst reads: not the templates of the other formats, nor
    // the texts and the house style, which reach it as data.
    for other in [
        "stijl.docx",
        "stijl.odt",
        "rapport.html",
        "rapport.css",
        "teksten.yaml",
        "huisstijl.yaml",
    ] {
        assert!(!bundle.join(other).exists(), "{other} in the bundle");
    }

    // Compile the bundle with nothing but its own files, as `typst compile`
    // with the bundle as root does.
    let files: Vec<(String, Arc<[u8]>)> = files_under(&bundle)
        .into_iter()
        .map(|(rel, bytes)| (format!("/{}", rel.replace('\\', "/")), Arc::from(bytes)))
        .collect();
    let world = ReportWorld::new(
        "/rapport.typ",
        files,
        Datetime::from_ymd(2017, 3, 15).unwrap(),
        techniekpact::render::pdf::typst_world::fonts(),
    );
    let doc = typst::compile::<PagedDocument>(&world)
        .output
        .expect("the bundle compiles");
    let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).unwrap();
    let ours = std::fs::read(dir.path().join("techniekpact-noord-2016.pdf")).unwrap();
    let text = |b: &[u8]| crate::common::pdf_text_of(b);
    assert_eq!(text(&pdf), text(&ours), "same text, page by page");
}

/// The Typst project is the PDF's: asked for without the PDF, the command
/// says so and writes nothing.
#[test]
fn a_bundle_without_the_pdf_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = maak(
        &repo().join("data/noord-2016.yaml"),
        &dir.path().join("uit"),
        &["--formaat", "docx", "--typst-bundel", "bundel"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--typst-bundel is het Typst-project van de PDF")
    );
    assert!(!dir.path().join("uit").exists() && !dir.path().join("bundel").exists());
}
