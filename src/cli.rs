//! The command line: Dutch help texts, subcommands and exit statuses
//! (0 klaar, 1 ongeldige gegevens of sjabloon, 2 verkeerd gebruik).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diagnostics::Report;
use crate::load::{self, LoadOptions};

// clap's own words ("Usage:", "[OPTIONS]", "Possible values:", "[default:
// ...]") are replaced: the templates write "Gebruik:", [`dutch_usage`] the
// usage line, and options name their values and defaults in their own help.
const HELP_TEMPLATE: &str = "\
{before-help}{name} {version}
{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// Help of a subcommand: no program name and version line.
const SUB_HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// Exit statuses of the contract.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "techniekpact",
    version,
    about = "Maakt de jaarlijkse voortgangsrapportage van het Techniekpact (PDF en DOCX) uit één YAML-bestand.",
    after_help = "Afsluitstatus: 0 klaar (waarschuwingen toegestaan), 1 ongeldige gegevens of sjabloon, 2 verkeerd gebruik.\nMeer uitleg: README.md en docs/gegevensformaat.md.",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    next_help_heading = "Opties"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Toon deze hulp.
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Toon het versienummer.
    #[arg(short = 'V', long = "versie", action = clap::ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer gegevensbestanden en meld elk probleem met regel en kolom.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Controleer(ControleerArgs),
    /// Maak het rapport (PDF en DOCX) en de grafieken uit gegevensbestanden.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Maak(MaakArgs),
    /// Maak het rapport opnieuw zodra de gegevens of een sjabloon veranderen.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Volg(MaakArgs),
    /// Maak het gegevensbestand voor het volgende verslagjaar.
    #[command(name = "nieuw-jaar", help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    NieuwJaar(NieuwJaarArgs),
    /// Schrijf de standaardsjablonen naar een map, om aan te passen.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Sjablonen(SjablonenArgs),
    /// Maak synthetische, geldige gegevens met N indicatoren (voor metingen aan snelheid en schaal).
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Voorbeeld(VoorbeeldArgs),
    /// Schrijf het JSON Schema van het gegevensformaat (voor editors).
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct ControleerArgs {
    /// De gegevensbestanden (YAML), bijvoorbeeld data/noord-2016.yaml.
    #[arg(value_name = "GEGEVENS.yaml", required = true)]
    pub bestanden: Vec<PathBuf>,
    /// Behandel waarschuwingen als fouten.
    #[arg(long)]
    pub strikt: bool,
    /// Sta paden in de gegevens (het logo) buiten de map van het gegevensbestand toe.
    #[arg(long)]
    pub sta_paden_toe: bool,
}

/// Output formats of `maak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Formaat {
    /// PDF (Typst), PDF/A-2a en PDF/UA-1.
    Pdf,
    /// DOCX (Word), met de stijlen van stijl.docx.
    Docx,
    /// HTML: één toegankelijke webpagina (WCAG 2.1 AA), zonder scripts.
    Html,
}

#[derive(Debug, Args)]
pub struct MaakArgs {
    /// De gegevensbestanden (YAML); per bestand één rapport.
    #[arg(value_name = "GEGEVENS.yaml", required = true)]
    pub bestanden: Vec<PathBuf>,
    /// Map voor de rapporten en grafieken (standaard: out).
    #[arg(
        long,
        value_name = "MAP",
        default_value = "out",
        hide_default_value = true
    )]
    pub uit: PathBuf,
    /// Formaten, door komma's gescheiden: pdf (PDF/A-2a en PDF/UA-1), docx
    /// (Word, met de stijlen van stijl.docx), html (één toegankelijke
    /// webpagina, WCAG 2.1 AA). Standaard: pdf,docx.
    #[arg(
        long,
        value_name = "FORMATEN",
        value_delimiter = ',',
        default_value = "pdf,docx",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub formaat: Vec<Formaat>,
    /// Gebruik de sjablonen uit deze map in plaats van de ingebouwde.
    #[arg(long, value_name = "MAP")]
    pub sjablonen: Option<PathBuf>,
    /// PDF-standaard van de PDF: a-2a+ua-1 (archiveerbaar en toegankelijk;
    /// de standaard), a-2a (archiveerbaar, met tags), a-2b (archiveerbaar,
    /// alleen het uiterlijk), a-3b (archiveerbaar, bijlagen toegestaan), ua-1
    /// (toegankelijk) of geen (gewone PDF 1.7, wel met tags).
    #[arg(
        long,
        value_name = "STANDAARD",
        default_value = "a-2a+ua-1",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub pdf_standaard: crate::render::pdf::PdfStandaard,
    /// Behandel waarschuwingen als fouten.
    #[arg(long)]
    pub strikt: bool,
    /// Sta paden in de gegevens (het logo) buiten de map van het gegevensbestand toe.
    #[arg(long)]
    pub sta_paden_toe: bool,
    /// Schrijf ook een zelfstandig Typst-project (sjabloon, gegevens als JSON, grafieken, lettertypen) naar deze map.
    #[arg(long, value_name = "MAP")]
    pub typst_bundel: Option<PathBuf>,
    /// Gegevens van het vorige jaar: voegt het hoofdstuk "Wijzigingen ten opzichte van vorig jaar" toe.
    #[arg(long, value_name = "GEGEVENS.yaml")]
    pub vorig: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NieuwJaarArgs {
    /// Het gegevensbestand van dit jaar, bijvoorbeeld data/noord-2016.yaml.
    #[arg(value_name = "GEGEVENS.yaml")]
    pub bestand: PathBuf,
    /// Overschrijf het bestand van het nieuwe jaar als het al bestaat.
    #[arg(long)]
    pub overschrijven: bool,
}

#[derive(Debug, Args)]
pub struct SjablonenArgs {
    /// De map waarin de sjablonen komen (wordt zo nodig gemaakt).
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Overschrijf bestaande bestanden.
    #[arg(long)]
    pub overschrijven: bool,
}

#[derive(Debug, Args)]
pub struct VoorbeeldArgs {
    /// Aantal indicatoren (standaard: 25).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 25,
        hide_default_value = true
    )]
    pub indicatoren: usize,
    /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer.
    #[arg(long, value_name = "BESTAND")]
    pub uit: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer.
    #[arg(long, value_name = "BESTAND")]
    pub uit: Option<PathBuf>,
}

/// Whether to colour messages on standard error (NO_COLOR is respected).
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Translate clap's usage errors into Dutch.
fn usage_error(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ErrorKind};
    let ctx = |k| err.get(k).map(|v| v.to_string()).unwrap_or_default();
    let what = match err.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht '{}'",
            ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!("onbekende optie '{}'", ctx(ContextKind::InvalidArg)),
        ErrorKind::MissingRequiredArgument => format!(
            "er ontbreekt een argument: {}",
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "geef een opdracht op".to_string()
        }
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde '{}' voor {}",
            ctx(ContextKind::InvalidValue),
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => {
            format!("te veel waarden voor {}", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::ValueValidation => format!(
            "ongeldige waarde voor {}: {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::InvalidValue)
        ),
        _ => "verkeerd gebruik".to_string(),
    };
    format!("fout: {what}\n\nGebruik 'techniekpact --help' voor de mogelijkheden.\n")
}

/// Parse the arguments and run; returns the process exit status.
/// The command line with a Dutch usage line in every subcommand's help.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let usage = dutch_usage(&sub.render_usage().to_string());
            sub = sub.override_usage(usage);
            sub
        });
    }
    cmd
}

/// clap's usage line (`Usage: techniekpact maak [OPTIONS] <GEGEVENS.yaml>...`)
/// without its heading and with Dutch placeholders.
fn dutch_usage(usage: &str) -> String {
    usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[OPTIES]")
        .replace("<COMMAND>", "<OPDRACHT>")
}

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
        Command::Schema(args) => schema(&args),
        Command::Voorbeeld(args) => {
            let text = crate::example::to_yaml(&crate::example::synthetic(args.indicatoren));
            write_or_print(args.uit.as_deref(), &text)
        }
        Command::Sjablonen(args) => sjablonen(&args),
        Command::NieuwJaar(args) => nieuw_jaar(&args),
        Command::Volg(args) => crate::watch::volg(&args),
    }
}

/// Print the problems of a report to standard error.
pub fn print_report(report: &Report) {
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

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn controleer(args: &ControleerArgs) -> u8 {
    let mut status = EXIT_OK;
    let options = LoadOptions {
        strict: args.strikt,
        allow_outside_paths: args.sta_paden_toe,
    };
    for path in &args.bestanden {
        let (report, ok) = match load::load(path, options) {
            Ok(loaded) => (loaded.warnings, true),
            Err(report) => (report, false),
        };
        print_report(&report);
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

fn schema(args: &SchemaArgs) -> u8 {
    write_or_print(args.uit.as_deref(), &crate::schema::schema_text())
}

/// Print `text`, or write it to `path` (making its folder).
fn write_or_print(path: Option<&std::path::Path>, text: &str) -> u8 {
    match path {
        None => {
            print!("{text}");
            EXIT_OK
        }
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                eprintln!("fout: kan map {} niet maken: {e}", parent.display());
                return EXIT_INVALID;
            }
            match std::fs::write(path, text) {
                Ok(()) => {
                    println!("geschreven naar {}", path.display());
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("fout: kan {} niet schrijven: {e}", path.display());
                    EXIT_INVALID
                }
            }
        }
    }
}

fn maak(args: &MaakArgs) -> u8 {
    match make_options(args) {
        Ok(options) => make_all(args, &options),
        Err(report) => {
            print_report(&report);
            EXIT_INVALID
        }
    }
}

/// The options of `maak` and `volg`; reads the template folder.
pub fn make_options(args: &MaakArgs) -> Result<crate::report::MakeOptions<'static>, Report> {
    use crate::render::Renderer;
    use crate::report::MakeOptions;

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
pub fn make_all(args: &MaakArgs, options: &crate::report::MakeOptions) -> u8 {
    use rayon::prelude::*;

    use crate::report::{MakeError, make};
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
                print_report(&made.warnings);
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
                print_report(&report);
                println!(
                    "{}: ongeldig ({}); er is niets geschreven",
                    path.display(),
                    count(report.errors().count(), "fout", "fouten")
                );
                status = EXIT_INVALID;
            }
            Err(MakeError::Template(reports)) => {
                for r in &reports {
                    print_report(r);
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

fn sjablonen(args: &SjablonenArgs) -> u8 {
    let existing: Vec<String> = crate::templates::DEFAULTS
        .iter()
        .map(|(name, _)| args.map.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.overschrijven {
        eprintln!(
            "fout: deze bestanden bestaan al: {}\n  tip: kies een lege map, of gebruik --overschrijven",
            existing.join(", ")
        );
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
            eprintln!("fout: {e}");
            EXIT_INVALID
        }
    }
}

fn nieuw_jaar(args: &NieuwJaarArgs) -> u8 {
    let loaded = match load::load(&args.bestand, LoadOptions::default()) {
        Ok(l) => l,
        Err(report) => {
            print_report(&report);
            println!(
                "{}: ongeldig; maak eerst dit bestand in orde",
                args.bestand.display()
            );
            return EXIT_INVALID;
        }
    };
    print_report(&loaded.warnings);
    let r = &loaded.data.rapport;
    let target = crate::new_year::target_path(&args.bestand, r.verslagjaar, &r.landsdeel);
    if target.exists() && !args.overschrijven {
        eprintln!(
            "fout: {} bestaat al\n  tip: gebruik --overschrijven om het te vervangen",
            target.display()
        );
        return EXIT_INVALID;
    }
    let text = crate::new_year::next_year_text(&loaded);
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let file = crate::output::OutputFile {
        rel: PathBuf::from(target.file_name().unwrap_or_default()),
        bytes: text.into_bytes(),
    };
    match crate::output::write_all(dir, &[file]) {
        Ok(_) => {
            println!(
                "{} geschreven (verslagjaar {}). Vul de publicatiedatum in, werk de metingen bij en controleer de regels met '# {}'.",
                target.display(),
                r.verslagjaar + 1,
                crate::new_year::REVIEW
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("fout: {e}");
            EXIT_INVALID
        }
    }
}
