//! Making reports for `maak` and `volg`: the options from the arguments,
//! the batch runner (every file in parallel, one summary line each) and how
//! its results are printed.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::Problems;
use crate::memory::{self, Allocation};
use crate::pipeline::{Made, MakeError, MakeOptions, Reuse, prepare_file, render_and_write};

use crate::load::LoadOptions;

use super::args::{EXIT_INVALID, EXIT_OK, Formaat, MaakArgs, use_color};

/// Print the problems of a report to standard error.
pub fn print_problems(report: &Problems) {
    if report.diagnostics.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.render(use_color()).as_bytes());
}

/// What the user reads when the program itself failed on valid data.
pub fn internal_error_message(data: &Path, details: &str) -> String {
    format!(
        "interne fout: techniekpact kon het rapport van {data} niet maken.\n\
         Dit ligt niet aan uw gegevens of sjablonen: de gegevens zijn in orde, maar de \
         ingebouwde sjablonen van techniekpact konden er geen rapport van maken.\n\
         Meld dit aan de ontwikkelaars van techniekpact en stuur het gegevensbestand \
         {data} en deze melding mee.\n\
         details:\n{details}",
        data = data.display()
    )
}

pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The options of `maak` and `volg`; reads the template folder.
pub fn make_options(args: &MaakArgs) -> Result<MakeOptions<'static>, Problems> {
    use crate::render::Renderer;

    let templates = match &args.sjablonen {
        Some(dir) => crate::templates::Templates::from_dir(dir)?,
        None => crate::templates::Templates::embedded(),
    };
    let mut renderers: Vec<Box<dyn Renderer + Send + Sync>> = Vec::new();
    let mut formats = args.formaat.clone();
    formats.dedup();
    for f in formats {
        match f {
            Formaat::Pdf => renderers.push(Box::new(crate::render::pdf::PdfRenderer {
                standard: args.pdf_standaard,
            })),
            Formaat::Docx => renderers.push(Box::new(crate::render::docx::DocxRenderer)),
            Formaat::Html => renderers.push(Box::new(crate::render::html::HtmlRenderer)),
        }
    }
    Ok(MakeOptions {
        out_dir: args.uit.clone(),
        renderers,
        templates,
        load: LoadOptions {
            strict: args.strikt,
            allow_outside_paths: args.sta_paden_toe,
            purpose: crate::load::Purpose::Report,
        },
        previous: args.vorig.clone(),
        typst_bundle: args.typst_bundel.clone(),
    })
}

/// Make every report of `args`, in parallel on all cores, printing one
/// summary line each (in the order given) and a progress bar on a terminal;
/// `reuse` is the caller's, for a series or a batch.
pub fn make_all(args: &MaakArgs, options: &MakeOptions, reuse: Option<&Reuse>) -> u8 {
    let bar = progress_bar(args.bestanden.len());
    crate::render::warm_up();
    // Every report loaded and prepared first, so the allocator is set up
    // once for the whole run, before anything is rendered (`memory`).
    let prepared: Vec<_> = args
        .bestanden
        .par_iter()
        .map(|path| {
            let started = Instant::now();
            (prepare_file(path, options, reuse), started.elapsed())
        })
        .collect();
    let large = prepared.iter().any(|(p, _)| {
        p.as_ref()
            .is_ok_and(|(_, p)| p.context(&options.templates).is_large())
    });
    memory::set_up(if large {
        Allocation::Lean
    } else {
        Allocation::Default
    });
    let results: Vec<_> = args
        .bestanden
        .par_iter()
        .zip(prepared)
        .map(|(path, (ready, preparing))| {
            let started = Instant::now();
            let result = ready.and_then(|(warnings, prepared)| {
                render_and_write(&prepared, warnings, options, reuse)
            });
            if let Some(b) = &bar {
                b.inc(1);
            }
            (path, result, preparing + started.elapsed())
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    results
        .into_iter()
        .map(|(path, result, elapsed)| print_result(args, path, result, elapsed))
        .fold(EXIT_OK, u8::max)
}

/// A progress bar on a terminal, for more than one report.
fn progress_bar(reports: usize) -> Option<indicatif::ProgressBar> {
    (reports > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(reports as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rapporten ({elapsed})")
                .expect("a valid progress template"),
        );
        bar
    })
}

/// The summary of one report (its problems on standard error); returns its
/// exit status.
fn print_result(
    args: &MaakArgs,
    path: &Path,
    result: Result<Made, MakeError>,
    elapsed: Duration,
) -> u8 {
    let failed = |why: &str| {
        println!("{}: {why}; er is niets geschreven", path.display());
        EXIT_INVALID
    };
    match result {
        Ok(made) => {
            print_made(args, path, &made, elapsed);
            EXIT_OK
        }
        Err(MakeError::Data(report)) => {
            print_problems(&report);
            let errors = count(report.errors().count(), "fout", "fouten");
            failed(&format!("ongeldig ({errors})"))
        }
        Err(MakeError::Template(reports)) => {
            reports.iter().for_each(print_problems);
            failed("het sjabloon bevat fouten")
        }
        Err(MakeError::Internal(details)) => {
            eprintln!("{}", internal_error_message(path, &details));
            failed("mislukt")
        }
        Err(e) => {
            eprintln!("fout: {}: {e}", path.display());
            failed("mislukt")
        }
    }
}

/// The line that names the files of a report made.
fn print_made(args: &MaakArgs, path: &Path, made: &Made, elapsed: Duration) {
    print_problems(&made.warnings);
    let charts_dir = args.uit.join("grafieken");
    let names: Vec<String> = made
        .written
        .iter()
        .filter(|p| !p.starts_with(&charts_dir))
        .filter(|p| args.typst_bundel.as_ref().is_none_or(|b| !p.starts_with(b)))
        .map(|p| p.display().to_string())
        .collect();
    let charts = made
        .written
        .iter()
        .filter(|p| p.starts_with(&charts_dir))
        .count();
    println!(
        "{}: {} en {} in {} ({} ms)",
        path.display(),
        names.join(", "),
        count(charts, "grafiek", "grafieken"),
        charts_dir.join(&made.slug).display(),
        elapsed.as_millis()
    );
    if let Some(b) = &args.typst_bundel {
        println!(
            "Typst-project in {}: typst compile --ignore-system-fonts --font-path {} {}",
            b.display(),
            b.join("fonts").display(),
            b.join(crate::templates::TYPST_MAIN).display()
        );
    }
}
