//! What the invulblad holds, where: the sheet names, the column headers
//! (the reader finds its columns by these, so a partner may move or add
//! columns but not rename them), the labels of the identification block on
//! "Uitleg", and the rows a partner gets, with the JSON pointer of each
//! entry in the data file.

use crate::model::{Actie, ActieStatus, DoeStatus, DoeVoorstel, Indicator, Thema, Voortgang};

pub const SHEET_EXPLANATION: &str = "Uitleg";
pub const SHEET_INDICATORS: &str = "Indicatoren";
pub const SHEET_ACTIONS: &str = "Acties";
pub const SHEET_PROPOSALS: &str = "Doe-voorstellen";
/// The hidden sheet that records what the data file held for every input
/// cell when the invulblad was made: `inlezen` compares three ways (the
/// sheet, this record, the data file now), so that a sheet read later never
/// undoes a change made since, and a prefilled cell left as it was is not
/// taken as filled in.
pub const SHEET_RECORD: &str = "Stand";

/// The columns of [`SHEET_RECORD`].
pub const RECORD_COLUMNS: [&str; 4] = ["blad", "id", "veld", "waarde bij aanmaak"];

/// Fields of the record: what an input cell fills in.
pub const FIELD_MEASUREMENT: &str = "meting";
pub const FIELD_STATUS: &str = "status";
pub const FIELD_DEADLINE: &str = "gereed";
pub const FIELD_TEXT: &str = "toelichting";
pub const FIELD_REMARK: &str = "opmerking";

/// The field of a region's part of the uitsplitsing.
pub fn field_part(region: &str) -> String {
    format!("uitsplitsing: {region}")
}

/// Labels of the identification block on "Uitleg" (column A; the value is
/// in column B).
pub const LABEL_LANDSDEEL: &str = "Landsdeel";
pub const LABEL_YEAR: &str = "Verslagjaar";
pub const LABEL_FILE: &str = "Gegevensbestand";
pub const LABEL_PARTNER: &str = "Trekker";

pub const COL_ID: &str = "id";
pub const COL_NAME: &str = "Naam";
pub const COL_UNIT: &str = "Eenheid";
pub const COL_SOURCE: &str = "Bron";
pub const COL_BASELINE: &str = "Nulmeting";
pub const COL_TARGET: &str = "Doel";
pub const COL_THEME: &str = "Thema";
pub const COL_PARTNER: &str = "Trekker";
pub const COL_NUMBER: &str = "Nummer";
pub const COL_STATUS_SO_FAR: &str = "Status tot nu toe";
pub const COL_DEADLINE: &str = "Gereed";
pub const COL_TEXT_SO_FAR: &str = "Toelichting tot nu toe";
/// An indicator's standing explanation (how it is measured), not filled in.
pub const COL_EXPLANATION: &str = "Toelichting";

/// "Meting 2016": a measurement column.
pub fn col_measurement(year: i32) -> String {
    format!("Meting {year}")
}

/// "Status 2017": the input column of the status.
pub fn col_status(year: i32) -> String {
    format!("Status {year}")
}

/// "Opmerking 2017": the input column of an indicator's remark of the
/// year (the standing explanation is not replaced).
pub fn col_remark(year: i32) -> String {
    format!("Opmerking {year}")
}

/// "Groningen 2017": the input column of a region's part of the
/// uitsplitsing.
pub fn col_part(region: &str, year: i32) -> String {
    format!("{region} {year}")
}

/// The regions of the uitsplitsingen of `data`, in the order they first
/// appear: one input column each.
pub fn regions(data: &Voortgang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in data.indicatoren() {
        for r in i.uitsplitsing.keys() {
            if !out.contains(r) {
                out.push(r.clone());
            }
        }
    }
    out
}

/// "Toelichting 2017": the input column of the text.
pub fn col_text(year: i32) -> String {
    format!("Toelichting {year}")
}

/// The statuses of an action as a partner picks them.
pub fn action_statuses() -> Vec<&'static str> {
    ActieStatus::ALL
        .iter()
        .map(|s| action_status_word(*s))
        .collect()
}

pub fn action_status_word(s: ActieStatus) -> &'static str {
    match s {
        ActieStatus::Gepland => "gepland",
        ActieStatus::Lopend => "lopend",
        ActieStatus::Afgerond => "afgerond",
        ActieStatus::Vertraagd => "vertraagd",
        ActieStatus::Gestopt => "gestopt",
    }
}

/// The statuses of a doe-voorstel as a partner picks them (with a space;
/// the data file writes `in_voorbereiding`).
pub fn proposal_statuses() -> Vec<&'static str> {
    DoeStatus::ALL
        .iter()
        .map(|s| proposal_status_word(*s))
        .collect()
}

pub fn proposal_status_word(s: DoeStatus) -> &'static str {
    match s {
        DoeStatus::InVoorbereiding => "in voorbereiding",
        DoeStatus::InUitvoering => "in uitvoering",
        DoeStatus::Afgerond => "afgerond",
        DoeStatus::Gestopt => "gestopt",
    }
}

/// One entry of the data file with where it stands.
pub struct Row<'a, T> {
    /// JSON pointer of the entry, e.g. `/onderdelen/0/themas/1/acties/2`.
    pub pointer: String,
    pub thema: Option<&'a Thema>,
    pub item: &'a T,
}

pub fn indicator_rows(data: &Voortgang) -> Vec<Row<'_, Indicator>> {
    theme_rows(data, "indicatoren", |t| &t.indicatoren)
}

pub fn action_rows(data: &Voortgang) -> Vec<Row<'_, Actie>> {
    theme_rows(data, "acties", |t| &t.acties)
}

/// The entries of every theme in report order, under `list` of each theme.
fn theme_rows<'a, T>(
    data: &'a Voortgang,
    list: &str,
    items: impl Fn(&'a Thema) -> &'a Vec<T>,
) -> Vec<Row<'a, T>> {
    let mut out = Vec::new();
    for (o, onderdeel) in data.onderdelen.iter().enumerate() {
        for (t, thema) in onderdeel.themas.iter().enumerate() {
            for (i, item) in items(thema).iter().enumerate() {
                out.push(Row {
                    pointer: format!("/onderdelen/{o}/themas/{t}/{list}/{i}"),
                    thema: Some(thema),
                    item,
                });
            }
        }
    }
    out
}

pub fn proposal_rows(data: &Voortgang) -> Vec<Row<'_, DoeVoorstel>> {
    data.doe_voorstellen
        .iter()
        .enumerate()
        .map(|(i, item)| Row {
            pointer: format!("/doe_voorstellen/{i}"),
            thema: None,
            item,
        })
        .collect()
}

/// The years before the report year that have a measurement in any
/// indicator: the columns of earlier measurements.
pub fn earlier_years(data: &Voortgang) -> Vec<i32> {
    let year = data.rapport.verslagjaar;
    let mut years: Vec<i32> = data
        .indicatoren()
        .flat_map(|i| i.metingen.keys().copied())
        .filter(|y| *y < year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}
