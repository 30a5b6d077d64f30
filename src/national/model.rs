//! The typed national overview (`LANDELIJK.yaml`): the Rust form of the
//! contract's "National overview (`landelijk`)". The loader checks the
//! YAML against the schema generated from these types
//! ([`crate::load::schema::Contract::national`]) before it types it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Actielijn, DATE_PATTERN, ID_PATTERN, RapportStatus, Richting};

/// The national overview of one verslagjaar.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Landelijk overzicht Techniekpact",
    description = "Het landelijke overzicht van één verslagjaar, uit de gegevensbestanden van de landsdelen."
)]
pub struct Landelijk {
    /// Titelpagina en metagegevens, zoals in het bestand van een landsdeel (zonder landsdeel).
    pub rapport: LandelijkRapport,
    /// De landsdelen, in de volgorde van het rapport.
    #[schemars(length(min = 1))]
    pub landsdelen: Vec<LandsdeelBron>,
    /// De landelijke actielijnen.
    pub actielijnen: Vec<Actielijn>,
    /// De landelijke indicatoren.
    #[serde(default)]
    pub indicatoren: Vec<LandelijkeIndicator>,
    /// Inleiding (Markdown: alinea's, **vet**, *cursief*, lijsten, links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inleiding: Option<String>,
    /// Redactionele samenvatting, boven het gegenereerde overzicht.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samenvatting: Option<String>,
}

/// Title page and metadata of the national report.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LandelijkRapport {
    pub titel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ondertitel: Option<String>,
    /// Het jaar waarover gerapporteerd wordt; ook dat van elk landsdeel.
    #[schemars(range(min = 2000, max = 2100))]
    pub verslagjaar: i32,
    /// Publicatiedatum (JJJJ-MM-DD).
    #[schemars(with = "String", regex(pattern = DATE_PATTERN))]
    pub publicatiedatum: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versie: Option<String>,
    /// `concept` (standaard) of `definitief`.
    #[serde(default)]
    pub status: RapportStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opsteller: Option<String>,
    #[serde(default)]
    pub organisaties: Vec<String>,
    /// Pad naar een PNG- of SVG-logo, relatief aan LANDELIJK.yaml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Kenmerk van het document, in het colofon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kenmerk: Option<String>,
}

/// A landsdeel and the data file it delivered.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LandsdeelBron {
    /// De naam, gelijk aan `rapport.landsdeel` in het bestand.
    pub naam: String,
    /// Het gegevensbestand van het verslagjaar, relatief aan LANDELIJK.yaml;
    /// zonder bestand: "geen rapportage ontvangen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bestand: Option<String>,
}

/// Whether a national indicator's figures add up: `ja` or `nee`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JaNee {
    Ja,
    #[default]
    Nee,
}

/// A national indicator: what the landsdelen's indicators with
/// `landelijk: <id>` report on.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LandelijkeIndicator {
    #[schemars(regex(pattern = ID_PATTERN))]
    pub id: String,
    pub naam: String,
    /// De eenheid; die van elk landsdeel moet gelijk zijn.
    pub eenheid: String,
    /// Of de cijfers van de landsdelen optellen tot een landelijk cijfer
    /// (aantallen wel, percentages niet): `ja` of `nee` (standaard).
    #[serde(default)]
    pub optellen: JaNee,
    #[serde(default)]
    pub richting: Richting,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}
