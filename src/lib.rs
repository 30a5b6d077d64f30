//! `techniekpact` turns one year's progress data of the Techniekpact into the
//! Dutch annual progress report.
//!
//! Pipeline: [`load`] (YAML with positions, schema, rules) -> [`analysis`]
//! (computed status) -> [`document`] (one model, with [`charts`]) ->
//! [`render`] (PDF via Typst) -> [`output`] (all files or none).

pub mod analysis;
pub mod charts;
pub mod cli;
pub mod diagnostics;
pub mod document;
pub mod example;
pub mod fonts;
pub mod format_nl;
pub mod house_style;
pub mod load;
pub mod memory;
pub mod model;
pub mod new_year;
pub mod output;
pub mod render;
pub mod report;
pub mod schema;
pub mod suggest;
pub mod template_keys;
pub mod templates;
pub mod texts;
pub mod timings;
pub mod validate;
pub mod watch;
