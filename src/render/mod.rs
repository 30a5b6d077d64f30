//! Renderers: each turns the one [`RenderContext`] into the bytes of one
//! output format. A renderer decides layout, never content.

pub mod docx;
pub mod html;
pub mod pdf;

use crate::diagnostics::Problems;
use crate::document::Document;
use crate::document::charts::ChartSet;
use crate::templates::Templates;

/// Parse the embedded fonts and build Typst's standard library now, on
/// another core, while the data is loaded and checked: both are needed
/// later, and in a single run they would otherwise wait for each other.
pub fn warm_up() {
    rayon::spawn(|| {
        pdf::typst_world::fonts();
        pdf::typst_world::library();
        docx::raster::font_db();
        crate::timings::mark("lettertypen en Typst-bibliotheek klaar");
    });
}

/// Everything a renderer may use.
pub struct RenderContext<'a> {
    pub document: &'a Document,
    pub charts: &'a ChartSet,
    /// Colours, font and sizes (`huisstijl.yaml`).
    pub style: &'a crate::document::house_style::HouseStyle,
    pub templates: &'a Templates,
    /// The logo as `(virtual file name, bytes)`, when the data names one.
    pub logo: Option<(String, Vec<u8>)>,
    /// `techniekpact-noord-2016`: names the files and identifies the PDF.
    pub slug: &'a str,
    /// Keep the peak memory low (a large report, [`crate::memory`]) rather
    /// than Typst's caches warm.
    pub lean: bool,
    /// One build in a series (`volg`): the PDF's layout starts from the
    /// last one of this report ([`pdf::typst_compile`]).
    pub rebuild: bool,
}

/// Why rendering failed.
#[derive(Debug)]
pub enum RenderError {
    /// Problems in the user's own template files (`--sjablonen`), with
    /// positions.
    Template(Vec<Problems>),
    /// The embedded templates failed on data that passed validation: a
    /// fault of the program, described for its developers.
    Internal(String),
    /// Anything else, already in Dutch.
    Other(String),
}

/// One output format.
pub trait Renderer {
    /// File extension, also the name used with `--formaat`.
    fn extension(&self) -> &'static str;
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError>;
}
