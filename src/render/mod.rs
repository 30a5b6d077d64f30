//! Renderers: each turns the one [`RenderContext`] into the bytes of one
//! output format. A renderer decides layout, never content.

pub mod docx;
pub mod html;
pub mod memo;
pub mod pdf;

use crate::document::Document;
use crate::document::charts::ChartSet;
use crate::templates::Templates;

pub use crate::errors::RenderError;
pub use memo::RenderMemo;

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
}

impl RenderContext<'_> {
    /// Whether this report is large: rendered with the peak memory low
    /// rather than Typst's caches warm ([`crate::memory`]).
    pub fn is_large(&self) -> bool {
        crate::memory::is_large(self.charts.charts.len())
    }
}

/// One output format.
pub trait Renderer {
    /// File extension, also the name used with `--formaat`.
    fn extension(&self) -> &'static str;

    /// The bytes of the file, reusing from `memo` (the caller's, for a
    /// series or a batch) what an earlier build left there.
    fn render_with(
        &self,
        ctx: &RenderContext,
        memo: Option<&RenderMemo>,
    ) -> Result<Vec<u8>, RenderError>;

    /// The bytes of the file, made from scratch.
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        self.render_with(ctx, None)
    }
}
