//! The command line: `main`, and the commands `controleer`, `maak`,
//! `landelijk`, `schema`, `voorbeeld`, `sjablonen`, `nieuw-jaar` and `begin`; `invulblad`
//! and `inlezen` are in [`sheet`]. The arguments, help
//! texts and exit statuses are in [`args`], making reports (also for `volg`)
//! in [`batch`], and `volg` itself in [`volg`].

pub mod args;
pub mod batch;
pub mod begin;
pub mod new_year;
pub mod sheet;
pub mod volg;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;

use crate::errors::CommandError;
use crate::load::{self, LoadOptions};

pub use crate::errors::internal_error_message;
use args::usage_error;
pub use args::{
    BeginArgs, Cli, Command, ControleerArgs, EXIT_INVALID, EXIT_OK, EXIT_USAGE, Formaat,
    InlezenArgs, InvulbladArgs, MaakArgs, NieuwJaarArgs, SchemaArgs, SjablonenArgs, command,
    use_color,
};
use batch::count;
pub use batch::{Keep, make_all, print_problems, renderers, setup};
/// Parse the arguments and run; returns the process exit status.
pub fn main() -> ExitCode {
    let matches = command().try_get_matches();
    let cli = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    ExitCode::from(EXIT_OK)
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    ExitCode::from(EXIT_USAGE)
                }
                _ => {
                    eprint!("{}", usage_error(&e));
                    ExitCode::from(EXIT_USAGE)
                }
            };
        }
    };
    ExitCode::from(run(cli.command))
}

fn run(command: Command) -> u8 {
    match command {
        Command::Controleer(args) => controleer(&args),
        Command::Maak(args) => maak(&args),
        Command::Landelijk(args) => landelijk(&args),
        Command::Schema(args) => schema(&args),
        Command::Voorbeeld(args) => {
            let text = crate::synthetic::to_yaml(&crate::synthetic::of_size(args.indicatoren));
            write_or_print(args.uit.as_deref(), &text)
        }
        Command::Sjablonen(args) => sjablonen(&args),
        Command::Begin(args) => begin(&args),
        Command::Invulblad(args) => sheet::invulblad(&args),
        Command::Inlezen(args) => sheet::inlezen(&args),
        Command::NieuwJaar(args) => nieuw_jaar(&args),
        Command::Volg(args) => crate::cli::volg::volg(&args),
    }
}

fn controleer(args: &ControleerArgs) -> u8 {
    let mut status = EXIT_OK;
    let options = LoadOptions {
        strict: args.strikt,
        allow_outside_paths: args.sta_paden_toe,
        purpose: crate::load::Purpose::Report,
    };
    for path in &args.bestanden {
        if crate::national::load::is_national_file(path) {
            status = status.max(controleer_national(args, path, options));
            continue;
        }
        let (report, ok) = match load::load(path, options) {
            Ok(loaded) => (loaded.warnings, true),
            Err(report) => (report, false),
        };
        if args.uitgebreid {
            batch::print_problems_in_full(&report);
        } else {
            print_problems(&report);
        }
        let errors = report.errors().count();
        let warnings = report.warnings().count();
        if ok {
            println!(
                "{}: in orde ({})",
                path.display(),
                count(warnings, "waarschuwing", "waarschuwingen")
            );
        } else {
            status = EXIT_INVALID;
            println!(
                "{}: ongeldig ({}, {})",
                path.display(),
                count(errors, "fout", "fouten"),
                count(warnings, "waarschuwing", "waarschuwingen")
            );
        }
    }
    status
}

/// `controleer LANDELIJK.yaml`: the national file and every landsdeel
/// file it names, each problem under its own file.
fn controleer_national(args: &ControleerArgs, path: &std::path::Path, options: LoadOptions) -> u8 {
    let (reports, ok) = match crate::national::load::load(path, options) {
        Ok(loaded) => (loaded.warnings, true),
        Err(reports) => (reports, false),
    };
    for report in &reports {
        if args.uitgebreid {
            batch::print_problems_in_full(report);
        } else {
            print_problems(report);
        }
    }
    let errors: usize = reports.iter().map(|r| r.errors().count()).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings().count()).sum();
    if ok {
        println!(
            "{}: in orde, met de bestanden van de landsdelen ({})",
            path.display(),
            count(warnings, "waarschuwing", "waarschuwingen")
        );
        EXIT_OK
    } else {
        println!(
            "{}: ongeldig ({}, {}, in {})",
            path.display(),
            count(errors, "fout", "fouten"),
            count(warnings, "waarschuwing", "waarschuwingen"),
            count(reports.len(), "bestand", "bestanden")
        );
        EXIT_INVALID
    }
}

fn schema(args: &SchemaArgs) -> u8 {
    let contract = if args.landelijk {
        crate::load::schema::Contract::national()
    } else {
        crate::load::schema::Contract::landsdeel()
    };
    write_or_print(args.uit.as_deref(), &contract.text())
}

/// Print `text`, or write it to `path` (making its folder).
fn write_or_print(path: Option<&std::path::Path>, text: &str) -> u8 {
    match path {
        None => {
            print!("{text}");
            EXIT_OK
        }
        Some(path) => match crate::output::write_one(path, text.as_bytes().to_vec()) {
            Ok(_) => {
                println!("geschreven naar {}", path.display());
                EXIT_OK
            }
            Err(e) => {
                batch::print_error(&e.into());
                EXIT_INVALID
            }
        },
    }
}

fn maak(args: &MaakArgs) -> u8 {
    batch::maak(args)
}

/// `landelijk`: `maak` of national files only.
fn landelijk(args: &MaakArgs) -> u8 {
    if let Some(other) = args
        .bestanden
        .iter()
        .find(|p| p.is_file() && !crate::national::load::is_national_file(p))
    {
        batch::print_error(&CommandError::NotNational(other.clone()));
        return EXIT_USAGE;
    }
    batch::maak(args)
}

fn sjablonen(args: &SjablonenArgs) -> u8 {
    if args.bijwerken {
        return update_templates(&args.map);
    }
    let existing: Vec<String> = crate::templates::DEFAULTS
        .iter()
        .map(|(name, _)| args.map.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.overschrijven {
        batch::print_error(&CommandError::TemplatesExist {
            files: existing.join(", "),
        });
        return EXIT_INVALID;
    }
    let files: Vec<crate::output::OutputFile> = crate::templates::DEFAULTS
        .iter()
        .map(|(name, bytes)| crate::output::OutputFile {
            rel: PathBuf::from(name),
            bytes: bytes.to_vec(),
        })
        .collect();
    match crate::output::write_all(&args.map, &files) {
        Ok(written) => {
            for p in written {
                println!("{}", p.display());
            }
            println!(
                "Pas de sjablonen aan en gebruik ze met: techniekpact maak GEGEVENS.yaml --sjablonen {}",
                args.map.display()
            );
            EXIT_OK
        }
        Err(e) => {
            batch::print_error(&e.into());
            EXIT_INVALID
        }
    }
}

/// `sjablonen --bijwerken MAP`: rename the old names of the model in an
/// editor's copy, all files or none.
fn update_templates(dir: &std::path::Path) -> u8 {
    if !dir.is_dir() {
        batch::print_error(&CommandError::NoTemplateDir(dir.to_path_buf()));
        return EXIT_INVALID;
    }
    let mut files = Vec::new();
    for (rel, _) in crate::templates::DEFAULTS {
        let Ok(text) = std::fs::read_to_string(dir.join(rel)) else {
            continue;
        };
        if let Some(new) = crate::templates::vocabulary::update(rel, &text) {
            files.push(crate::output::OutputFile {
                rel: PathBuf::from(rel),
                bytes: new.into_bytes(),
            });
        }
    }
    if files.is_empty() {
        println!(
            "{}: de sjablonen gebruiken al de huidige namen; niets gewijzigd",
            dir.display()
        );
        return EXIT_OK;
    }
    match crate::output::write_all(dir, &files) {
        Ok(written) => {
            for p in written {
                println!("bijgewerkt: {}", p.display());
            }
            EXIT_OK
        }
        Err(e) => {
            batch::print_error(&e.into());
            EXIT_INVALID
        }
    }
}

fn begin(args: &BeginArgs) -> u8 {
    if !begin::valid_landsdeel(&args.landsdeel) {
        batch::print_error(&CommandError::BadLandsdeel(args.landsdeel.clone()));
        return EXIT_USAGE;
    }
    let target = args
        .uit
        .clone()
        .unwrap_or_else(|| begin::default_path(&args.landsdeel, args.jaar));
    if target.exists() && !args.overschrijven {
        batch::print_error(&CommandError::StarterExists(target));
        return EXIT_INVALID;
    }
    let text = begin::starter_text(&args.landsdeel, args.jaar);
    match crate::output::write_one(&target, text.into_bytes()) {
        Ok(_) => {
            println!(
                "{} geschreven (landsdeel {}, verslagjaar {}). Vul de waarden in en haal de regels met '# {}' weg; controleer met: techniekpact controleer {}",
                target.display(),
                args.landsdeel,
                args.jaar,
                crate::load::readiness::REVIEW,
                target.display()
            );
            EXIT_OK
        }
        Err(e) => {
            batch::print_error(&e.into());
            EXIT_INVALID
        }
    }
}

fn nieuw_jaar(args: &NieuwJaarArgs) -> u8 {
    // This year's file is next year's previous year: no publication check.
    let as_previous = LoadOptions {
        purpose: load::Purpose::PreviousYear,
        ..LoadOptions::default()
    };
    let loaded = match load::load(&args.bestand, as_previous) {
        Ok(l) => l,
        Err(report) => {
            print_problems(&report);
            println!(
                "{}: ongeldig; maak eerst dit bestand in orde",
                args.bestand.display()
            );
            return EXIT_INVALID;
        }
    };
    print_problems(&loaded.warnings);
    let r = &loaded.data.rapport;
    let target = crate::cli::new_year::target_path(&args.bestand, r.verslagjaar, &r.landsdeel);
    if target.exists() && !args.overschrijven {
        batch::print_error(&CommandError::NextYearExists(target));
        return EXIT_INVALID;
    }
    let text = crate::cli::new_year::next_year_text(&loaded);
    match crate::output::write_one(&target, text.into_bytes()) {
        Ok(_) => {
            println!(
                "{} geschreven (verslagjaar {}). Vul de publicatiedatum in, werk de metingen bij en controleer de regels met '# {}'.",
                target.display(),
                r.verslagjaar + 1,
                crate::cli::new_year::REVIEW
            );
            EXIT_OK
        }
        Err(e) => {
            batch::print_error(&e.into());
            EXIT_INVALID
        }
    }
}
