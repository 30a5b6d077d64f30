//! One integration-test binary for the whole tool: each module tests one
//! capability through the library or the built `techniekpact` command.
//! (One binary instead of one per file: each links all of Typst, and sixteen
//! copies of that filled the CI disk.)

mod common;

mod batch;
mod bewerken;
mod cijfers;
mod cli;
mod confinement;
mod docx;
mod habits;
mod hostile_input;
mod html;
mod import_cycles;
mod input_files;
mod invulblad;
mod jaarroute;
mod landelijk;
mod large_reports;
mod lettertype;
mod markup;
mod nieuw_jaar;
mod odt;
mod ontwerp;
mod output_checks;
mod pdf;
mod properties;
mod publicatie;
mod rebuild;
mod setup_once;
mod sjablonen;
mod stijl_odt;
mod stijl_opslaan;
mod titelpagina;
mod typst_bundle;
mod validation;
mod validators;
mod volg;
mod vorig;
mod zichtbaar;
