//! The typed progress data: the Rust form of `../shared/spec/data-format.md`.
//!
//! These types are the single source of the data contract. The JSON Schema
//! (`techniekpact schema`) is generated from them, the loader validates raw
//! YAML against that schema, and only then deserialises into these types.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Pattern that every `id` must match.
pub const ID_PATTERN: &str = "^[a-z0-9-]+$";
/// Pattern of a date written as `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// An indicator's id names its chart files: `<id>.svg` and, with a
/// breakdown, `<id>` + [`BREAKDOWN_SUFFIX`] + `.svg`. The chart of the whole
/// report is [`OVERVIEW_CHART`]; no indicator may take either name
/// (`load::validate::chart_names`).
pub const OVERVIEW_CHART: &str = "overzicht";

/// Suffix of an indicator's breakdown chart: `<id>-uitsplitsing.svg`.
pub const BREAKDOWN_SUFFIX: &str = "-uitsplitsing";

/// One report year of one landsdeel.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Voortgangsgegevens Techniekpact",
    description = "Gegevens voor één voortgangsrapportage (één landsdeel, één verslagjaar)."
)]
pub struct Voortgang {
    /// Titelpagina en metagegevens.
    pub rapport: Rapport,
    /// Drempels voor de berekende status.
    #[serde(default)]
    pub statusregels: Statusregels,
    /// Inleiding (Markdown: alinea's, **vet**, *cursief*, lijsten, links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inleiding: Option<String>,
    /// Redactionele samenvatting, boven het gegenereerde overzicht.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samenvatting: Option<String>,
    /// De actielijnen van het Techniekpact.
    pub actielijnen: Vec<Actielijn>,
    /// De onderdelen van het arrangement, in de volgorde van het rapport.
    #[schemars(length(min = 1))]
    pub onderdelen: Vec<Onderdeel>,
    /// De doe-voorstellen van het landsdeel.
    #[serde(default)]
    pub doe_voorstellen: Vec<DoeVoorstel>,
}

/// Title page and metadata.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rapport {
    /// Titel, bijvoorbeeld "Voortgangsrapportage Techniekpact Noord Nederland".
    pub titel: String,
    /// Ondertitel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ondertitel: Option<String>,
    /// Landsdeel, bijvoorbeeld "Noord".
    pub landsdeel: String,
    /// Het jaar waarover gerapporteerd wordt.
    #[schemars(range(min = 2000, max = 2100))]
    pub verslagjaar: i32,
    /// Looptijd van het arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub looptijd: Option<Looptijd>,
    /// Publicatiedatum (JJJJ-MM-DD).
    #[schemars(with = "String", regex(pattern = DATE_PATTERN))]
    pub publicatiedatum: NaiveDate,
    /// Versie, bijvoorbeeld "1.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versie: Option<String>,
    /// `concept` (standaard) of `definitief`.
    #[serde(default)]
    pub status: RapportStatus,
    /// Wie het rapport opstelde.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opsteller: Option<String>,
    /// De partners, in het colofon.
    #[serde(default)]
    pub organisaties: Vec<String>,
    /// Pad naar een PNG- of SVG-logo, relatief aan het YAML-bestand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Kenmerk van het document, bijvoorbeeld "TP-2017-003": in het colofon van elk formaat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kenmerk: Option<String>,
}

/// Period of the arrangement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Looptijd {
    pub van: i32,
    pub tot: i32,
}

/// Whether the report is a draft or final.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RapportStatus {
    #[default]
    Concept,
    Definitief,
}

/// Thresholds of the computed status, in percent of expected progress.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statusregels {
    /// Voortgang (in %) vanaf waar een indicator "op koers" is.
    #[serde(default = "default_op_koers")]
    #[schemars(range(max = 200.0))]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub op_koers: f64,
    /// Voortgang (in %) vanaf waar een indicator "aandacht" krijgt; daaronder "achter".
    #[serde(default = "default_aandacht")]
    #[schemars(range(max = 200.0))]
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub aandacht: f64,
}

fn default_op_koers() -> f64 {
    90.0
}

fn default_aandacht() -> f64 {
    70.0
}

impl Default for Statusregels {
    fn default() -> Self {
        Self {
            op_koers: default_op_koers(),
            aandacht: default_aandacht(),
        }
    }
}

/// A Techniekpact action line.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actielijn {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
}

/// A part of the arrangement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Onderdeel {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    #[serde(default)]
    pub themas: Vec<Thema>,
}

/// A theme within a part.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thema {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    /// Id van een actielijn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actielijn: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    #[serde(default)]
    pub indicatoren: Vec<Indicator>,
    #[serde(default)]
    pub acties: Vec<Actie>,
}

/// Whether higher or lower values are better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Richting {
    #[default]
    Stijgend,
    Dalend,
}

/// A value in a given year (baseline or target).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meetpunt {
    pub jaar: i32,
    pub waarde: f64,
}

/// A quantified goal.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Uniek in het bestand; ook de naam van de grafiekbestanden.
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    /// Eenheid, bijvoorbeeld "schoolbesturen" of "%".
    pub eenheid: String,
    #[serde(default)]
    pub richting: Richting,
    pub nulmeting: Meetpunt,
    pub doel: Meetpunt,
    /// Metingen per jaar.
    #[serde(default)]
    pub metingen: BTreeMap<i32, f64>,
    /// Uitsplitsing per regio: regio -> (jaar -> waarde).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub uitsplitsing: IndexMap<String, BTreeMap<i32, f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bron: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    /// Opmerkingen per jaar (jaar -> tekst), zoals partners ze in het
    /// invulblad schrijven; het rapport toont die van het verslagjaar na de
    /// toelichting, die blijft staan.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub opmerkingen: BTreeMap<i32, String>,
    /// Aantal decimalen (0-3).
    #[serde(default)]
    #[schemars(range(min = 0, max = 3))]
    pub decimalen: u8,
    /// Id van de landelijke indicator (in LANDELIJK.yaml) waarover deze
    /// indicator rapporteert; de eenheid moet gelijk zijn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ID_PATTERN))]
    pub landelijk: Option<String>,
}

/// Status of a qualitative agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActieStatus {
    Gepland,
    Lopend,
    Afgerond,
    Vertraagd,
    Gestopt,
}

impl ActieStatus {
    pub const ALL: [ActieStatus; 5] = [
        ActieStatus::Gepland,
        ActieStatus::Lopend,
        ActieStatus::Afgerond,
        ActieStatus::Vertraagd,
        ActieStatus::Gestopt,
    ];

    /// The key of this status in `teksten.yaml` and `huisstijl.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            ActieStatus::Gepland => "actie_gepland",
            ActieStatus::Lopend => "actie_lopend",
            ActieStatus::Afgerond => "actie_afgerond",
            ActieStatus::Vertraagd => "actie_vertraagd",
            ActieStatus::Gestopt => "actie_gestopt",
        }
    }
}

/// When an action is (to be) done: a date or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Gereed {
    Jaar(i32),
    Datum(#[schemars(with = "String", regex(pattern = DATE_PATTERN))] NaiveDate),
}

/// A qualitative agreement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actie {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trekker: Option<String>,
    pub status: ActieStatus,
    /// Datum (JJJJ-MM-DD) of jaartal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gereed: Option<Gereed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

/// Status of a doe-voorstel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DoeStatus {
    InVoorbereiding,
    InUitvoering,
    Afgerond,
    Gestopt,
}

impl DoeStatus {
    pub const ALL: [DoeStatus; 4] = [
        DoeStatus::InVoorbereiding,
        DoeStatus::InUitvoering,
        DoeStatus::Afgerond,
        DoeStatus::Gestopt,
    ];

    /// The key of this status in `teksten.yaml` and `huisstijl.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            DoeStatus::InVoorbereiding => "doe_in_voorbereiding",
            DoeStatus::InUitvoering => "doe_in_uitvoering",
            DoeStatus::Afgerond => "doe_afgerond",
            DoeStatus::Gestopt => "doe_gestopt",
        }
    }
}

/// A concrete proposal of the landsdeel.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DoeVoorstel {
    pub nummer: i64,
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    /// Id van een thema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thema: Option<String>,
    /// Id van een actielijn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actielijn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trekker: Option<String>,
    pub status: DoeStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

impl Voortgang {
    /// Every theme of every part, in report order.
    pub fn themas(&self) -> impl Iterator<Item = &Thema> {
        self.onderdelen.iter().flat_map(|o| o.themas.iter())
    }

    /// Every indicator, in report order.
    pub fn indicatoren(&self) -> impl Iterator<Item = &Indicator> {
        self.themas().flat_map(|t| t.indicatoren.iter())
    }

    /// Every action, in report order.
    pub fn acties(&self) -> impl Iterator<Item = &Actie> {
        self.themas().flat_map(|t| t.acties.iter())
    }
}
