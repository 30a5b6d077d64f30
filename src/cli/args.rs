//! The arguments of the command line (clap), its Dutch help texts and
//! usage errors, and the exit statuses of the contract.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

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
    /// Maak het landelijke overzicht van de landsdelen uit LANDELIJK.yaml, in dezelfde formaten en met dezelfde opties als maak.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Landelijk(MaakArgs),
    /// Maak het rapport opnieuw zodra de gegevens of een sjabloon veranderen.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Volg(MaakArgs),
    /// Maak het gegevensbestand voor het volgende verslagjaar.
    #[command(name = "nieuw-jaar", help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    NieuwJaar(NieuwJaarArgs),
    /// Schrijf een invulblad (XLSX) waarin partners de cijfers, statussen en teksten van het verslagjaar invullen.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Invulblad(InvulbladArgs),
    /// Lees een ingevuld invulblad (XLSX of ODS) in: de waarden komen in het gegevensbestand, met behoud van opmerkingen en opmaak.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Inlezen(InlezenArgs),
    /// Schrijf een eerste gegevensbestand voor een nieuw landsdeel (een concept, met uitleg bij elke sleutel).
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Begin(BeginArgs),
    /// Schrijf de standaardsjablonen naar een map, om aan te passen.
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Sjablonen(SjablonenArgs),
    /// Maak synthetische, geldige gegevens met N indicatoren (voor metingen aan snelheid en schaal).
    #[command(help_template = SUB_HELP_TEMPLATE, next_help_heading = "Opties")]
    Voorbeeld(VoorbeeldArgs),
    /// Schrijf het JSON Schema van het gegevensformaat (voor editors); met --landelijk dat van LANDELIJK.yaml.
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
    /// Toon ook bij elk punt dat nog te controleren is de regel uit het bestand en de tip (standaard één regel per punt).
    #[arg(long)]
    pub uitgebreid: bool,
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
    /// ODT (OpenDocument-tekst, LibreOffice), met dezelfde stijlen als de DOCX.
    Odt,
    /// De cijfers als open data: een ODS met een blad per tabel en een CSV per tabel.
    Cijfers,
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
    /// Formaten, door komma's gescheiden. Standaard: pdf,docx. Mogelijk:
    /// pdf (PDF/A-2a en PDF/UA-1), docx (Word, met de stijlen van
    /// stijl.docx), html (één toegankelijke webpagina, WCAG 2.1 AA), odt
    /// (OpenDocument-tekst voor LibreOffice), cijfers (de cijfers als open
    /// data: een ODS-rekenblad en een CSV per tabel).
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
pub struct InvulbladArgs {
    /// Het gegevensbestand, bijvoorbeeld data/noord-2017.yaml.
    #[arg(value_name = "GEGEVENS.yaml")]
    pub bestand: PathBuf,
    /// Alleen de rijen van deze partner: acties en doe-voorstellen met deze trekker, indicatoren met deze bron of partner.
    #[arg(long, value_name = "NAAM")]
    pub trekker: Option<String>,
    /// Schrijf naar dit bestand (standaard: out/invulblad-<landsdeel>-<jaar>.xlsx).
    #[arg(long, value_name = "BESTAND")]
    pub uit: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InlezenArgs {
    /// Het ingevulde invulblad (.xlsx of .ods).
    #[arg(value_name = "BLAD.xlsx")]
    pub blad: PathBuf,
    /// Het gegevensbestand waarin de waarden komen.
    #[arg(value_name = "GEGEVENS.yaml")]
    pub bestand: PathBuf,
}

#[derive(Debug, Args)]
pub struct BeginArgs {
    /// Het landsdeel, bijvoorbeeld Oost.
    #[arg(long, value_name = "NAAM")]
    pub landsdeel: String,
    /// Het verslagjaar, bijvoorbeeld 2017.
    #[arg(long, value_name = "JJJJ", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    pub jaar: i32,
    /// Schrijf naar dit bestand (standaard: <landsdeel>-<jaar>.yaml in de huidige map).
    #[arg(long, value_name = "BESTAND")]
    pub uit: Option<PathBuf>,
    /// Overschrijf het bestand als het al bestaat.
    #[arg(long)]
    pub overschrijven: bool,
}

#[derive(Debug, Args)]
pub struct SjablonenArgs {
    /// De map waarin de sjablonen komen (wordt zo nodig gemaakt).
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Overschrijf bestaande bestanden.
    #[arg(long, conflicts_with = "bijwerken")]
    pub overschrijven: bool,
    /// Werk een bestaande kopie bij: vervang in rapport.typ, stijl.typ en rapport.html alleen de oude namen van het documentmodel door de huidige; al het andere blijft zoals u het maakte.
    #[arg(long)]
    pub bijwerken: bool,
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
    /// Het schema van een landelijk bestand (LANDELIJK.yaml) in plaats van dat van een landsdeel.
    #[arg(long)]
    pub landelijk: bool,
}

/// Whether to colour messages on standard error (NO_COLOR is respected).
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Translate clap's usage errors into Dutch.
pub(super) fn usage_error(err: &clap::Error) -> String {
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
        ErrorKind::InvalidValue if ctx(ContextKind::InvalidValue).is_empty() => format!(
            "de optie {} heeft een waarde nodig",
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue => {
            let mut what = format!(
                "ongeldige waarde '{}' voor {}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            );
            // clap lists the possible values as a quoted, comma-separated
            // list; show them as the user types them.
            let valid = ctx(ContextKind::ValidValue).replace(['[', ']', '\''], "");
            if !valid.is_empty() {
                what.push_str(&format!("; kies uit: {valid}"));
            }
            let choices: Vec<String> = valid.split(", ").map(String::from).collect();
            let typed = ctx(ContextKind::InvalidValue);
            if let Some(close) = crate::load::suggest::did_you_mean(&typed, &choices) {
                what.push_str(&format!(" (bedoelt u '{close}'?)"));
            }
            what
        }
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
