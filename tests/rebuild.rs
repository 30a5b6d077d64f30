//! `volg` starts Typst's layout from the last build of the report. What
//! comes out must be the PDF a fresh build gives, byte for byte: after a
//! colour edit (which settles in one layout pass) and after a data edit
//! that moves the pages (which needs more passes).

use std::path::Path;
use std::sync::Arc;

use techniekpact::load::{LoadOptions, load_str};
use techniekpact::pipeline::{Prepared, Run, Setup, prepare};
use techniekpact::render::Renderer;
use techniekpact::render::pdf::typst_compile::compile;
use techniekpact::render::pdf::{PdfRenderer, PdfStandaard, world};
use techniekpact::templates::Templates;

use crate::common::{copy_data, repo};

fn setup(templates: &Templates) -> Setup {
    Setup::new(templates.clone(), LoadOptions::default(), None).unwrap()
}

fn prepared(yaml: &str, setup: &Setup) -> Prepared {
    let path = repo().join("data").join("noord-2016.yaml");
    let loaded = load_str(Path::new(&path), yaml, LoadOptions::default()).unwrap();
    prepare(&loaded, setup).unwrap()
}

fn recoloured(templates: &Templates) -> Templates {
    let mut t = templates.clone();
    for (name, bytes) in &mut t.files {
        // The main colour: headings, tables and every chart change.
        if name == "huisstijl.yaml" {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let edited = text.replace(r##"hoofdkleur: "#154273""##, r##"hoofdkleur: "#8a1538""##);
            assert_ne!(text, edited, "huisstijl.yaml defines hoofdkleur");
            *bytes = Arc::from(edited.into_bytes());
        }
    }
    t
}

/// The PDF of `p` made by `renderer`.
fn pdf(p: &Prepared, setup: &Setup, renderer: &PdfRenderer) -> Vec<u8> {
    renderer.render(&p.context(setup)).unwrap()
}

#[test]
fn a_rebuild_from_the_last_layout_gives_the_bytes_of_a_fresh_build() {
    let yaml = std::fs::read_to_string(repo().join("data").join("noord-2016.yaml")).unwrap();
    let base = setup(&Templates::embedded());
    let other = setup(&recoloured(&Templates::embedded()));
    let first = prepared(&yaml, &base);
    let colour = prepared(&yaml, &other);
    // Thirty paragraphs more in the introduction move every later page.
    let longer_yaml = yaml.replacen(
        "inleiding: |\n",
        &format!(
            "inleiding: |\n{}",
            "  Een extra alinea die de pagina's opschuift.\n\n".repeat(30)
        ),
        1,
    );
    let longer = prepared(&longer_yaml, &other);

    // The series: first build, colour edit, data edit.
    let series = PdfRenderer::new(PdfStandaard::default()).keeping_layouts();
    pdf(&first, &base, &series);
    assert!(
        series.keeps_layout_of("techniekpact-noord-2016"),
        "the layout is kept"
    );
    let fresh = || PdfRenderer::new(PdfStandaard::default());
    let colour_rebuilt = pdf(&colour, &other, &series);
    let longer_rebuilt = pdf(&longer, &other, &series);
    assert!(
        colour_rebuilt == pdf(&colour, &other, &fresh()),
        "colour edit"
    );
    assert!(
        longer_rebuilt == pdf(&longer, &other, &fresh()),
        "data edit"
    );
    // A renderer for one build keeps no layout.
    let once = fresh();
    pdf(&first, &base, &once);
    assert!(!once.keeps_layout_of("techniekpact-noord-2016"));

    // And the passes: from scratch Typst needs two (page numbers and the
    // outline; headings are numbered in the document model); from the previous
    // layout a colour edit settles in one, a data edit that moves pages not.
    let fresh = compile(&world(&first.context(&base)), None).unwrap();
    assert_eq!(fresh.passes, 2);
    let after_colour = compile(&world(&colour.context(&other)), Some(&fresh.document)).unwrap();
    assert_eq!(after_colour.passes, 1, "fresh {}", fresh.passes);
    let after_data = compile(
        &world(&longer.context(&other)),
        Some(&after_colour.document),
    )
    .unwrap();
    assert!(after_data.passes > 1);
}

/// In a series the prepared report is reused while its inputs stay the
/// same; an edit of the data file or of the logo is still picked up.
#[test]
fn a_series_notices_edits_of_the_data_and_the_logo() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let data = dir.path().join("noord-2016.yaml");
    let logo = dir.path().join("logo-techniekpact-noord.svg");
    let out = dir.path().join("uit");
    let renderers: Vec<Box<dyn Renderer + Send + Sync>> = vec![Box::new(
        PdfRenderer::new(PdfStandaard::default()).keeping_layouts(),
    )];
    let setup = Setup::embedded();
    let series = techniekpact::pipeline::Reuse::series();
    let run = Run {
        setup: &setup,
        renderers: &renderers,
        out_dir: &out,
        reuse: Some(&series),
    };
    let pdf_path = out.join("techniekpact-noord-2016.pdf");
    let build = || {
        run.make(&data).unwrap();
        std::fs::read(&pdf_path).unwrap()
    };
    let first = build();
    assert_eq!(build(), first, "nothing changed");

    let yaml = std::fs::read_to_string(&data).unwrap();
    let edited = yaml.replacen(
        "  titel: Voortgangsrapportage",
        "  titel: Bijgewerkte voortgangsrapportage",
        1,
    );
    assert_ne!(edited, yaml, "the example has this title");
    std::fs::write(&data, edited).unwrap();
    let retitled = build();
    assert!(crate::common::pdf_text(&pdf_path).contains("Bijgewerkte voortgangsrapportage"));

    let svg = std::fs::read_to_string(&logo).unwrap();
    std::fs::write(&logo, svg.replace("#f9e11e", "#d52b1e")).unwrap();
    let relogoed = build();
    assert_ne!(relogoed, retitled, "the new logo is in the PDF");
}
