//! The charts of the report, drawn once with plotters as SVG and shared by
//! both renderers (and written to `grafieken/`).
//!
//! Text is measured with the embedded Noto Sans through plotters' `ab_glyph`
//! backend: no fontconfig, no system fonts. Every chart carries a Dutch
//! caption and an alternative text that states its data.
//!
//! One module per chart kind, each with its alt text ([`indicator`],
//! [`breakdown`], [`overview`]; for the national overview [`status_bars`]
//! and [`small_multiples`]), over one drawing kit ([`kit`]).

pub mod breakdown;
pub mod indicator;
mod kit;
pub mod overview;
pub mod small_multiples;
pub mod status_bars;
#[cfg(test)]
mod tests;

use crate::document::texts::{Grafieken, Text as FixedText};
use std::path::{Path, PathBuf};

/// The font family name charts use; the same family is embedded in Typst.
pub const FONT_FAMILY: &str = "Noto Sans";

pub use kit::registered_fonts;

/// The words of legends and captions, from the fixed texts; `doel` and the
/// captions are filled in per chart by the caller.
#[derive(Debug, Clone)]
pub struct ChartWords {
    pub metingen: String,
    pub verwacht_traject: String,
    /// Legend of the target, with its value filled in.
    pub doel: String,
    pub realisatie: String,
    pub verwacht: String,
    /// The caption, filled in.
    pub caption: String,
    /// Shown in a row of the overview chart without a measurement.
    pub geen_meting: String,
    /// Shown in a row of the overview whose baseline is this year.
    pub nulmeting: String,
    /// Legend of the report-year line, with the year filled in.
    pub verslagjaar: String,
    /// Legend of the overview's 100 % line.
    pub doel_bereikt: String,
}

/// Fills in the text of the charts (`grafieken` in teksten.yaml) it picks.
pub type ChartText<'a> = &'a dyn Fn(fn(&Grafieken) -> &FixedText, minijinja::Value) -> String;

/// The folder of the charts: in the report's own files (the Typst
/// project, the web page's map of charts) and, per report, in the output
/// folder.
pub const CHARTS_DIR: &str = "grafieken";

/// One drawn chart.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: String,
    /// File name under [`CHARTS_DIR`].
    pub file_name: String,
    pub svg: String,
    pub caption: String,
    pub alt: String,
}

/// All charts of one report, in document order.
#[derive(Debug, Clone, Default)]
pub struct ChartSet {
    /// Shared with the figures that show them.
    pub charts: Vec<std::sync::Arc<Chart>>,
}

impl Chart {
    /// Its path among the report's own files: `grafieken/<file_name>`.
    pub fn path(&self) -> String {
        format!("{CHARTS_DIR}/{}", self.file_name)
    }
}

impl ChartSet {
    /// Where `chart` of the report `slug` is written in the output folder:
    /// `grafieken/<slug>/<file_name>`.
    pub fn output_path(&self, slug: &str, chart: &Chart) -> PathBuf {
        Path::new(CHARTS_DIR).join(slug).join(&chart.file_name)
    }
}

pub use crate::model::{BREAKDOWN_SUFFIX, OVERVIEW_CHART};
