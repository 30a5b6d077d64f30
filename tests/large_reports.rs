//! Large reports are rendered memory-lean (one format after the other,
//! memory released in between): the output is the same bytes as when the
//! formats are rendered side by side.

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

#[test]
fn lean_rendering_gives_the_same_bytes() {
    let yaml = to_yaml(&synthetic(4));
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
    let side_by_side = prepared.context(&templates);
    assert!(
        !side_by_side.lean,
        "a small report is rendered side by side"
    );
    let mut lean = prepared.context(&templates);
    lean.lean = true;
    let pdf = PdfRenderer::default();
    assert_eq!(
        pdf.render(&side_by_side).unwrap(),
        pdf.render(&lean).unwrap()
    );
    memory::release();
    assert_eq!(
        DocxRenderer.make(&side_by_side).unwrap(),
        DocxRenderer.make(&lean).unwrap()
    );
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
    assert!(prepared.context(&templates).lean);
}
