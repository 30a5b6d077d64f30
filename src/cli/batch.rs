//! Making reports for `maak` and `volg`: the options from the arguments,
//! the batch runner (every file in parallel, one summary line each) and how
//! its results are printed.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::diagnostics::Problems;

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
pub fn make_options(args: &MaakArgs) -> Result<crate::pipeline::MakeOptions<'static>, Problems> {
    use crate::pipeline::MakeOptions;
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
        },
        previous: args.vorig.clone(),
        typst_bundle: args.typst_bundel.clone(),
        rebuild: false,
    })
}

/// Make every report of `args`, in parallel on all cores, printing one
/// summary line each (in the order given) and a progress bar on a terminal.
pub fn make_all(args: &MaakArgs, options: &crate::pipeline::MakeOptions) -> u8 {
    use rayon::prelude::*;

    use crate::pipeline::{MakeError, make};
    let bar = (args.bestanden.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(args.bestanden.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rapporten ({elapsed})")
                .expect("a valid progress template"),
        );
        bar
    });
    crate::render::warm_up();
    let results: Vec<_> = args
        .bestanden
        .par_iter()
        .map(|path| {
            let started = std::time::Instant::now();
            let result = make(path, options);
            if let Some(b) = &bar {
                b.inc(1);
            }
            (path, result, started.elapsed())
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut status = EXIT_OK;
    for (path, result, elapsed) in results {
        match result {
            Ok(made) => {
                print_problems(&made.warnings);
                let names: Vec<String> = made
                    .written
                    .iter()
                    .filter(|p| !p.starts_with(args.uit.join("grafieken")))
                    .filter(|p| args.typst_bundel.as_ref().is_none_or(|b| !p.starts_with(b)))
                    .map(|p| p.display().to_string())
                    .collect();
                let charts = made
                    .written
                    .iter()
                    .filter(|p| p.starts_with(args.uit.join("grafieken")))
                    .count();
                println!(
                    "{}: {} en {} in {} ({} ms)",
                    path.display(),
                    names.join(", "),
                    count(charts, "grafiek", "grafieken"),
                    args.uit.join("grafieken").join(&made.slug).display(),
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
            Err(MakeError::Data(report)) => {
                print_problems(&report);
                println!(
                    "{}: ongeldig ({}); er is niets geschreven",
                    path.display(),
                    count(report.errors().count(), "fout", "fouten")
                );
                status = EXIT_INVALID;
            }
            Err(MakeError::Template(reports)) => {
                for r in &reports {
                    print_problems(r);
                }
                println!(
                    "{}: het sjabloon bevat fouten; er is niets geschreven",
                    path.display()
                );
                status = EXIT_INVALID;
            }
            Err(MakeError::Internal(details)) => {
                eprintln!("{}", internal_error_message(path, &details));
                println!("{}: mislukt; er is niets geschreven", path.display());
                status = EXIT_INVALID;
            }
            Err(MakeError::Other(msg)) => {
                eprintln!("fout: {}: {msg}", path.display());
                println!("{}: mislukt; er is niets geschreven", path.display());
                status = EXIT_INVALID;
            }
        }
    }
    status
}
