//! Fuzz target (b): the whole pipeline, from structurally valid data with
//! arbitrary texts and numbers to PDF and DOCX in memory.
//!
//! The example report is the skeleton; its free texts (titles, names,
//! explanations, partners, units, sources) and figures (measurements,
//! targets, breakdowns, thresholds) are replaced by fuzzer input
//! (`tests/common/varied.rs`, included here). Data that validation rejects must get a
//! Dutch error; data it accepts must become a PDF and a DOCX. No panic, hang
//! or unbounded memory in either case.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use techniekpact::load::{LoadOptions, load_str};
use techniekpact::pipeline::{Setup, prepare};
use techniekpact::render::Renderer;
use techniekpact::render::docx::DocxRenderer;
use techniekpact::render::pdf::PdfRenderer;

#[path = "../../tests/common/varied.rs"]
mod varied;
use varied::varied;

#[derive(Arbitrary, Debug)]
struct Input {
    texts: Vec<String>,
    numbers: Vec<f64>,
}

/// A path in the example folder, so the logo the example names exists.
static PATH: LazyLock<PathBuf> =
    LazyLock::new(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/fuzz.yaml"));

fuzz_target!(|input: Input| {
    let yaml = varied(&input.texts, &input.numbers);
    let loaded = match load_str(&PATH, &yaml, LoadOptions::default()) {
        Ok(l) => l,
        Err(report) => {
            assert!(report.has_errors(), "a failed load reports an error");
            let _ = report.render(false);
            return;
        }
    };
    static SETUP: LazyLock<Setup> = LazyLock::new(Setup::embedded);
    let prepared = prepare(&loaded, &SETUP).expect("valid data prepares");
    let ctx = prepared.context(&SETUP);
    if let Err(e) = PdfRenderer::default().render(&ctx) {
        panic!("valid data must give a PDF: {e:?}");
    }
    if let Err(e) = DocxRenderer::new().render(&ctx) {
        panic!("valid data must give a DOCX: {e:?}");
    }
    // Keep Typst's memoisation from growing over millions of inputs.
    typst::comemo::evict(0);
});
