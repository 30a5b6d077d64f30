//! `techniekpact` turns one year's progress data of the Techniekpact into the
//! Dutch annual progress report.
//!
//! One way through, one folder per stage: [`load`] (YAML with positions,
//! schema, rules) -> [`analysis`] (computed status) -> [`document`] (one
//! model, with its texts, charts and house style) -> [`render`] (PDF, DOCX,
//! HTML) -> [`output`] (all files or none). [`setup`] loads what the reports
//! of a run share once; [`pipeline`] runs the stages for each report;
//! [`cli`] holds the commands. Beside the report: [`sheet`],
//! the partners' invulblad (spreadsheet out and back into the data file,
//! through [`yaml_edit`]).

pub mod analysis;
pub mod cli;
pub mod diagnostics;
pub mod document;
pub mod errors;
pub mod fonts;
pub mod format_nl;
pub mod load;
pub mod memo;
pub mod memory;
pub mod model;
pub mod national;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod setup;
pub mod sheet;
pub mod synthetic;
pub mod templates;
pub mod text_position;
pub mod timings;
pub mod yaml_edit;
pub mod yaml_scalar;
