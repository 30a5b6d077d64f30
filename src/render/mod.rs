//! Renderers: each turns the one [`RenderContext`] into the files of one
//! output format, and keeps itself what it reuses between builds. A
//! renderer decides layout, never content.
//!
//! What a new renderer (an ODT, say) implements: [`Renderer`] (its
//! extension and the bytes of its file); it maps every [`Block`] of the
//! model, which carries all content and order: the contents with their
//! entries (`Block::Toc`), numbered headings with their anchors and
//! appendix letters, paragraphs with resolved references, lists, tables as
//! columns with their measures, figures that own their chart (SVG, caption,
//! alt text); the title page's items and the one logo in the meta; the
//! house style with the page; the charts' PNGs through
//! [`RenderContext::chart_pictures`], made once per report. A template it
//! fills reports its errors through [`template_failure`]. Its own format's
//! vocabulary (namespaces, styles, package) lives in its own modules.
//!
//! [`Block`]: crate::document::Block

pub mod docx;
pub mod editor_said;
pub mod html;
pub mod odf;
pub mod open_data;
pub mod pdf;
pub mod raster;
pub mod table_columns;
pub mod xml;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::document::Document;
use crate::document::charts::ChartSet;
use crate::memory::Scale;
use crate::output::OutputFile;
use crate::templates::Templates;

pub use crate::errors::RenderError;

/// Parse the embedded fonts and build Typst's standard library now, on
/// another core, while the data is loaded and checked: both are needed
/// later, and in a single run they would otherwise wait for each other.
pub fn warm_up() {
    rayon::spawn(|| {
        pdf::typst_world::fonts();
        pdf::typst_world::library();
        raster::font_db();
        crate::timings::mark("lettertypen en Typst-bibliotheek klaar");
    });
}

/// What a template that failed is: the editor's problem, with the places
/// in their own copy (`--sjablonen`), or, for the embedded templates, a
/// fault of the program on data that passed validation, with `details` for
/// its developers. The one policy of every renderer that fills a template.
pub fn template_failure(
    templates: &Templates,
    problems: impl FnOnce() -> Vec<crate::diagnostics::Problems>,
    details: impl FnOnce() -> String,
) -> RenderError {
    if templates.dir.is_none() {
        RenderError::Internal(details())
    } else {
        RenderError::Template(problems())
    }
}

/// The PNG of every chart of a report (the fallback of the formats that
/// place SVG with a PNG beside it), made the first time a renderer asks and
/// then shared by every format of the run.
#[derive(Default)]
pub struct ChartPictures(std::sync::Mutex<Option<PicturesById>>);

/// The PNGs of a report's charts, by chart id.
pub type PicturesById = Arc<HashMap<String, Arc<raster::Picture>>>;

/// Everything a renderer may use.
pub struct RenderContext<'a> {
    pub document: &'a Document,
    pub charts: &'a ChartSet,
    /// Colours, font and sizes (`huisstijl.yaml`).
    pub style: &'a crate::document::house_style::HouseStyle,
    pub templates: &'a Templates,
    /// `techniekpact-noord-2016`: names the files and identifies the PDF.
    pub slug: &'a str,
    /// How the report is rendered, from its size.
    pub scale: Scale,
    /// The charts' PNGs, made once for the report.
    pub pictures: &'a ChartPictures,
}

impl RenderContext<'_> {
    /// The PNG of every chart, by chart id: made by the first format that
    /// asks (with `cache`, what a series of builds kept), then shared.
    pub fn chart_pictures(
        &self,
        cache: Option<&raster::PngCache>,
    ) -> Result<PicturesById, crate::errors::RasterError> {
        let mut made = self.pictures.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(pictures) = made.as_ref() {
            return Ok(pictures.clone());
        }
        let pictures = Arc::new(raster::rasterise_all(self.charts, cache)?);
        *made = Some(pictures.clone());
        Ok(pictures)
    }
}

/// One output format. A renderer is made once per command and keeps what
/// it reuses between builds itself.
pub trait Renderer {
    /// File extension, also the name used with `--formaat`.
    fn extension(&self) -> &'static str;

    /// The bytes of the report in this format.
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError>;

    /// Every file this format makes, relative to the output folder: the
    /// report (`<slug>.<extension>`) and, for the PDF, the Typst project
    /// when asked for.
    fn files(&self, ctx: &RenderContext) -> Result<Vec<OutputFile>, RenderError> {
        Ok(vec![self.report_file(ctx)?])
    }

    /// The report in this format as a file: `<slug>.<extension>`.
    fn report_file(&self, ctx: &RenderContext) -> Result<OutputFile, RenderError> {
        Ok(OutputFile {
            rel: PathBuf::from(format!("{}.{}", ctx.slug, self.extension())),
            bytes: self.render(ctx)?,
        })
    }
}
