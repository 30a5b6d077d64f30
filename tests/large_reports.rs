//! Large reports are rendered memory-lean (one format after the other,
//! memory released in between): the output is the same bytes as each
//! renderer gives on its own.

use std::path::Path;

use techniekpact::cli::example::{synthetic, to_yaml};
use techniekpact::document::texts::TextSet;
use techniekpact::load::{LoadOptions, load_str};
use techniekpact::memory;
use techniekpact::pipeline::prepare;
use techniekpact::render::Renderer;
use techniekpact::render::docx::DocxRenderer;
use techniekpact::render::pdf::PdfRenderer;
use techniekpact::templates::Templates;

/// A large report goes the lean way through `make` (one format after the
/// other, Typst's memo and free memory released in between): its files are
/// the bytes each renderer gives on its own.
#[test]
fn lean_rendering_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("groot.yaml");
    std::fs::write(&data, to_yaml(&synthetic(45))).unwrap();
    let templates = Templates::embedded();
    let loaded = techniekpact::load::load(&data, LoadOptions::default()).unwrap();
    let texts = TextSet::load(&templates).unwrap();
    let style = techniekpact::document::house_style::HouseStyle::embedded();
    let prepared = prepare(&loaded, &texts, &style, None).unwrap();
    let ctx = prepared.context(&templates);
    assert!(ctx.is_large(), "45 indicators make a large report");

    let options = techniekpact::pipeline::MakeOptions {
        out_dir: dir.path().join("uit"),
        renderers: vec![Box::new(PdfRenderer::default()), Box::new(DocxRenderer)],
        templates: templates.clone(),
        load: LoadOptions::default(),
        previous: None,
        typst_bundle: None,
    };
    let made = techniekpact::pipeline::make(&data, &options, None).unwrap();
    let read =
        |ext: &str| std::fs::read(options.out_dir.join(format!("{}.{ext}", made.slug))).unwrap();
    assert!(read("pdf") == PdfRenderer::default().render(&ctx).unwrap());
    memory::release();
    assert!(read("docx") == DocxRenderer.render(&ctx).unwrap());
}

#[test]
fn size_decides_the_mode() {
    assert!(!memory::is_large(memory::LARGE_FROM_CHARTS - 1));
    assert!(memory::is_large(memory::LARGE_FROM_CHARTS));
    // The example report (9 charts) stays fast; 200 indicators are large.
    let yaml = to_yaml(&synthetic(200));
    let loaded = load_str(Path::new("groot.yaml"), &yaml, LoadOptions::default()).unwrap();
    let templates = Templates::embedded();
    let texts = TextSet::load(&templates).unwrap();
    let prepared = prepare(
        &loaded,
        &texts,
        &techniekpact::document::house_style::HouseStyle::embedded(),
        None,
    )
    .unwrap();
    assert!(prepared.context(&templates).is_large());
}
