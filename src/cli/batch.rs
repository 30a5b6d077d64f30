//! Making reports for `maak` and `volg`: the renderers and the run's
//! setup from the arguments, the batch runner (every file in parallel, one
//! summary line each) and how its results are printed.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::Problems;
use crate::memory::{self, Scale};
use crate::pipeline::{Made, MakeError, Run, Setup};
use crate::render::Renderer;

use crate::load::LoadOptions;

use super::args::{EXIT_INVALID, EXIT_OK, Formaat, MaakArgs, use_color};

/// Print the problems of a report to standard error.
pub fn print_problems(report: &Problems) {
    if report.diagnostics.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.render_brief(use_color()).as_bytes());
}

/// What a renderer says about the editor's style document.
type Said = fn(
    &crate::templates::Templates,
    &crate::document::house_style::HouseStyle,
) -> Option<(Option<String>, Problems)>;

/// What the editor should know about their templates: the warnings
/// about `teksten.yaml`, and, when the run makes a DOCX, what it takes from
/// the editor's `stijl.docx` (a line per style) and the fonts it would
/// lack.
pub fn say_editor_styles(args: &MaakArgs, setup: &Setup) {
    if let Some(warnings) = setup.texts.warnings_report() {
        print_problems(&warnings);
    }
    let said = [
        (
            Formaat::Docx,
            crate::render::docx::editor_styles_said as Said,
        ),
        (Formaat::Odt, crate::render::odf::odt::editor_styles_said),
    ];
    for (format, say) in said {
        if !args.formaat.contains(&format) {
            continue;
        }
        if let Some((taken, warnings)) = say(&setup.templates, &setup.style) {
            if let Some(taken) = taken {
                eprintln!("{taken}");
            }
            print_problems(&warnings);
        }
    }
}

/// A command's error, as `fout: ...` with its tip below.
pub fn print_error(e: &crate::errors::CommandError) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "fout: {e}");
}

/// Every problem in full, the points of the publication check too
/// (`controleer --uitgebreid`).
pub fn print_problems_in_full(report: &Problems) {
    if report.diagnostics.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(report.render(use_color()).as_bytes());
}

pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `maak`: every option is read here, once, into the run's setup, its
/// renderers and its output folder, which then go down the pipeline.
pub fn maak(args: &MaakArgs) -> u8 {
    if args.typst_bundel.is_some() && !args.formaat.contains(&Formaat::Pdf) {
        print_error(&crate::errors::CommandError::BundleWithoutPdf);
        return super::args::EXIT_USAGE;
    }
    let setup = match setup(args) {
        Ok(setup) => setup,
        Err(e) => return print_setup_error(args, e),
    };
    // Reports of one batch share their Word styles and charts; one report
    // keeps nothing.
    let several = args.bestanden.len() > 1;
    let renderers = renderers(args, if several { Keep::Shared } else { Keep::Nothing });
    let run = Run {
        setup: &setup,
        renderers: &renderers,
        out_dir: &args.uit,
        reuse: None,
    };
    say_editor_styles(args, &setup);
    let folders = crate::output::Folders::before(&args.uit);
    let status = make_all(args, &run);
    // A report that failed wrote nothing, and leaves no empty folder.
    folders.remove_new_empty();
    status
}

/// How long the renderers of a command live, and so what they keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// One report made once: nothing.
    Nothing,
    /// Several reports made once (a batch): what they share.
    Shared,
    /// A series of builds (`volg`): also each report's last results.
    Series,
}

/// The renderers of the requested formats, made once per command.
pub fn renderers(args: &MaakArgs, keep: Keep) -> Vec<Box<dyn Renderer + Send + Sync>> {
    let mut renderers: Vec<Box<dyn Renderer + Send + Sync>> = Vec::new();
    let mut formats = args.formaat.clone();
    formats.dedup();
    for f in formats {
        match f {
            Formaat::Pdf => {
                let mut pdf = crate::render::pdf::PdfRenderer::new(args.pdf_standaard);
                if keep == Keep::Series {
                    pdf = pdf.keeping_layouts();
                }
                if let Some(dir) = &args.typst_bundel {
                    pdf = pdf.with_bundle(dir.clone());
                }
                renderers.push(Box::new(pdf));
            }
            Formaat::Docx => {
                let docx = crate::render::docx::DocxRenderer::new();
                renderers.push(Box::new(match keep {
                    Keep::Nothing => docx,
                    Keep::Shared => docx.sharing(),
                    Keep::Series => docx.keeping_last(),
                }));
            }
            Formaat::Html => renderers.push(Box::new(crate::render::html::HtmlRenderer)),
            Formaat::Odt => renderers.push(Box::new(crate::render::odf::odt::OdtRenderer)),
            Formaat::Cijfers => renderers.push(Box::new(crate::render::open_data::FiguresRenderer)),
        }
    }
    renderers
}

/// The setup of a run: reads the template folder and the previous year's
/// file once.
pub fn setup(args: &MaakArgs) -> Result<Setup, MakeError> {
    let templates = match &args.sjablonen {
        Some(dir) => crate::templates::Templates::from_dir(dir).map_err(MakeError::Template)?,
        None => crate::templates::Templates::embedded(),
    };
    let load = LoadOptions {
        strict: args.strikt,
        allow_outside_paths: args.sta_paden_toe,
        purpose: crate::load::Purpose::Report,
    };
    Setup::new(templates, load, args.vorig.as_deref())
}

/// Print why a run's setup failed; returns the exit status.
pub fn print_setup_error(args: &MaakArgs, error: MakeError) -> u8 {
    match error {
        MakeError::Data(report) => {
            print_problems(&report);
            let errors = count(report.errors().count(), "fout", "fouten");
            let path = args.vorig.as_deref().unwrap_or(Path::new("--vorig"));
            println!(
                "{}: ongeldig ({errors}); er is niets geschreven",
                path.display()
            );
        }
        MakeError::Template(reports) => {
            reports.iter().for_each(print_problems);
            println!("het sjabloon bevat fouten; er is niets geschreven");
        }
        other => {
            print_error(&other.into());
            println!("er is niets geschreven");
        }
    }
    EXIT_INVALID
}

/// Make every report of `args` in `run`, in parallel on all cores,
/// printing one summary line each (in the order given) and a progress bar
/// on a terminal.
pub fn make_all(args: &MaakArgs, run: &Run) -> u8 {
    let bar = progress_bar(args.bestanden.len());
    crate::render::warm_up();
    // Every report loaded and prepared first, so the allocator is set up
    // once for the whole run, before anything is rendered (`memory`).
    let prepared: Vec<_> = args
        .bestanden
        .par_iter()
        .map(|path| {
            let started = Instant::now();
            (run.prepare(path), started.elapsed())
        })
        .collect();
    // Of reports with the same name, only the one given last is made: the
    // files would replace each other, so the others are refused, with the
    // reason.
    let slugs: Vec<Option<String>> = prepared
        .iter()
        .map(|(p, _)| p.as_ref().ok().map(|(_, p)| p.slug.clone()))
        .collect();
    let prepared: Vec<_> = prepared
        .into_iter()
        .enumerate()
        .map(|(i, (p, took))| {
            let later = slugs[i].as_ref().and_then(|slug| {
                (i + 1..slugs.len())
                    .rev()
                    .find(|&j| slugs[j].as_ref() == Some(slug))
                    .map(|j| (slug.clone(), args.bestanden[j].clone()))
            });
            match later {
                Some((slug, later)) => (Err(MakeError::SameName { slug, later }), took),
                None => (p, took),
            }
        })
        .collect();
    let scales = prepared
        .iter()
        .filter_map(|(p, _)| p.as_ref().ok().map(|(_, p)| p.scale));
    memory::set_up(Scale::allocation(scales));
    let results: Vec<_> = args
        .bestanden
        .par_iter()
        .zip(prepared)
        .map(|(path, (ready, preparing))| {
            let started = Instant::now();
            let result = ready.and_then(|(warnings, prepared)| run.write(&prepared, warnings));
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
        Err(MakeError::Files(reports)) => {
            reports.iter().for_each(print_problems);
            let errors: usize = reports.iter().map(|r| r.errors().count()).sum();
            failed(&format!(
                "ongeldig ({}, in {})",
                count(errors, "fout", "fouten"),
                count(reports.len(), "bestand", "bestanden")
            ))
        }
        Err(MakeError::Template(reports)) => {
            reports.iter().for_each(print_problems);
            failed("het sjabloon bevat fouten")
        }
        Err(MakeError::Internal(details)) => {
            eprintln!("{}", crate::errors::internal_error_message(path, &details));
            failed("mislukt")
        }
        Err(e) => {
            print_error(&crate::errors::CommandError::Report {
                file: path.to_path_buf(),
                source: Box::new(e),
            });
            failed("mislukt")
        }
    }
}

/// The line that names the files of a report made.
fn print_made(args: &MaakArgs, path: &Path, made: &Made, elapsed: Duration) {
    made.warnings.iter().for_each(print_problems);
    let charts_dir = args.uit.join(crate::document::charts::CHARTS_DIR);
    let bundle = args
        .typst_bundel
        .as_ref()
        .map(|b| std::path::absolute(b).unwrap_or_else(|_| b.clone()));
    let names: Vec<String> = made
        .written
        .iter()
        .filter(|p| !p.starts_with(&charts_dir))
        .filter(|p| bundle.as_ref().is_none_or(|b| !p.starts_with(b)))
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
            "Typst-project in {}: typst compile --features a11y-extras --ignore-system-fonts --font-path {} {}",
            b.display(),
            b.join("fonts").display(),
            b.join(crate::templates::TYPST_MAIN).display()
        );
    }
}
