//! `volg` starts Typst's layout from the last build of the report. What
//! comes out must be the PDF a fresh build gives, byte for byte: after a
//! colour edit (which settles in one layout pass) and after a data edit
//! that moves the pages (which needs more passes).

use std::path::Path;
use std::sync::Arc;

use techniekpact::document::texts::TextSet;
use techniekpact::load::{LoadOptions, load_str};
use techniekpact::pipeline::{Prepared, prepare};
use techniekpact::render::pdf::typst_compile::compile;
use techniekpact::render::pdf::{PdfRenderer, world};
use techniekpact::render::{RenderMemo, Renderer};
use techniekpact::templates::Templates;

use crate::common::{copy_data, repo};

fn prepared(yaml: &str, templates: &Templates) -> Prepared {
    let path = repo().join("data").join("noord-2016.yaml");
    let loaded = load_str(Path::new(&path), yaml, LoadOptions::default()).unwrap();
    let texts = TextSet::load(templates).unwrap();
    prepare(
        &loaded,
        &texts,
        &techniekpact::document::house_style::HouseStyle::load(templates).unwrap(),
        None,
    )
    .unwrap()
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

/// The PDF of `p`, fresh or as the next build of the series `memo`.
fn pdf(p: &Prepared, templates: &Templates, memo: Option<&RenderMemo>) -> Vec<u8> {
    PdfRenderer::default()
        .render_with(&p.context(templates), memo)
        .unwrap()
}

#[test]
fn a_rebuild_from_the_last_layout_gives_the_bytes_of_a_fresh_build() {
    let yaml = std::fs::read_to_string(repo().join("data").join("noord-2016.yaml")).unwrap();
    let base = Templates::embedded();
    let other = recoloured(&base);
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
    let series = RenderMemo::series();
    pdf(&first, &base, Some(&series));
    assert!(
        series.layouts.get("techniekpact-noord-2016").is_some(),
        "the layout is kept"
    );
    let colour_rebuilt = pdf(&colour, &other, Some(&series));
    let longer_rebuilt = pdf(&longer, &other, Some(&series));
    assert!(colour_rebuilt == pdf(&colour, &other, None), "colour edit");
    assert!(longer_rebuilt == pdf(&longer, &other, None), "data edit");
    // A batch keeps no layout of its reports.
    let batch = RenderMemo::batch();
    pdf(&first, &base, Some(&batch));
    assert!(batch.layouts.get("techniekpact-noord-2016").is_none());

    // And the passes: from scratch Typst needs two (page numbers and the
    // outline; headings are numbered in the document model); from the previous
    // layout a colour edit settles in one, a data edit that moves pages not.
    let fresh = compile(&world(&first.context(&base)), None).unwrap();
    assert_eq!(fresh.passes, 2);
    let after_colour = compile(&world(&colour.context(&other)), Some(&fresh.document)).unwrap();
    assert_eq!(after_colour.passes, 1);
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
    let options = techniekpact::pipeline::MakeOptions {
        out_dir: out.clone(),
        renderers: vec![Box::new(PdfRenderer::default())],
        templates: Templates::embedded(),
        load: LoadOptions::default(),
        previous: None,
        typst_bundle: None,
    };
    let series = techniekpact::pipeline::Reuse::series();
    let pdf_path = out.join("techniekpact-noord-2016.pdf");
    let build = || {
        techniekpact::pipeline::make(&data, &options, Some(&series)).unwrap();
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
