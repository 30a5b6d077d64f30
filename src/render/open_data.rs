//! `--formaat cijfers`: the report's figures ([`OpenData`]) as open data,
//! `<slug>-cijfers.ods` (a sheet that describes every column, then one
//! sheet per table) and one CSV per table (`<slug>-indicatoren.csv`, ...;
//! RFC 4180, UTF-8, a header row, decimal points, ISO dates), written with
//! the `csv` crate.
//!
//! [`OpenData`]: crate::document::open_data::OpenData

use std::path::PathBuf;

use crate::document::open_data::DataTable;
use crate::output::OutputFile;
use crate::render::odf::ods;
use crate::render::{RenderContext, RenderError, Renderer};

/// The figures as ODS and CSV.
pub struct FiguresRenderer;

/// One table as CSV: the header row, then a row per fact, every line
/// ended by CRLF as RFC 4180 writes it.
pub fn csv(table: &DataTable) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(table.columns.iter().map(|c| c.name))?;
    for row in &table.rows {
        w.write_record(row.iter().map(|v| v.csv()))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

impl Renderer for FiguresRenderer {
    fn extension(&self) -> &'static str {
        "ods"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let meta = &ctx.document.meta;
        let title = format!("Cijfers bij {}", meta.documenttitel);
        ods::write(
            &ctx.document.figures,
            &ods::Properties {
                title: &title,
                language: &meta.taal.tag,
                subject: &meta.documenttitel,
            },
        )
        .map_err(|e| RenderError::Internal(format!("ODS: {e}")))
    }

    fn files(&self, ctx: &RenderContext) -> Result<Vec<OutputFile>, RenderError> {
        let mut files = vec![OutputFile {
            rel: PathBuf::from(format!("{}-cijfers.ods", ctx.slug)),
            bytes: self.render(ctx)?,
        }];
        for table in &ctx.document.figures.tables {
            files.push(OutputFile {
                rel: PathBuf::from(format!("{}-{}.csv", ctx.slug, table.name)),
                bytes: csv(table).map_err(|e| RenderError::Internal(format!("CSV: {e}")))?,
            });
        }
        Ok(files)
    }
}
