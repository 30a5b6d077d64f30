//! Renderers: each turns the one [`RenderContext`] into the files of one
//! output format, and keeps itself what it reuses between builds. A
//! renderer decides layout, never content.

pub mod docx;
pub mod html;
pub mod pdf;

use std::path::PathBuf;

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
        docx::raster::font_db();
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
