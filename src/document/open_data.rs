//! The figures of a report as open data (`--formaat cijfers`): the tables
//! a re-user reads (indicators, measurements, actions, doe-voorstellen) in
//! long form, one row per fact, with fixed column names, typed values and
//! a description of every column. They are made from the same data and
//! analysis as the report, rounded as the report shows them, so that every
//! figure equals the report's; the `cijfers` renderer writes them as CSV
//! and ODS.
//!
//! The column names and their meanings are an interface for programs that
//! read the figures, documented in `docs/gegevensformaat.md`, so they live
//! here and not in the editors' `teksten.yaml`.

use chrono::NaiveDate;

use crate::analysis::{Analysis, expected_value};
use crate::document::texts::TextSet;
use crate::model::{Gereed, Indicator, Voortgang};

/// Every table of a report's figures, in the order of the files.
#[derive(Debug, Clone, Default)]
pub struct OpenData {
    pub tables: Vec<DataTable>,
}

/// One table: a CSV file (`<slug>-<name>.csv`) and a sheet of the ODS.
#[derive(Debug, Clone)]
pub struct DataTable {
    /// `indicatoren`: the file's suffix and the sheet's name.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    pub columns: Vec<DataColumn>,
    pub rows: Vec<Vec<Value>>,
}

/// A column: its name in the header row, the kind of its values, and what
/// it means.
#[derive(Debug, Clone, Copy)]
pub struct DataColumn {
    pub name: &'static str,
    pub kind: Kind,
    pub description: &'static str,
}

/// The kind of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    /// A number with a fixed number of decimals, as the report shows it.
    Decimal,
    /// A date (ISO 8601, `2016-03-15`).
    Date,
}

impl Kind {
    /// The kind in words, for the sheet that describes the columns.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Text => "tekst",
            Kind::Integer => "geheel getal",
            Kind::Decimal => "getal (decimale punt)",
            Kind::Date => "datum (JJJJ-MM-DD)",
        }
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Integer(i64),
    /// A number rounded to `decimals` places, as the report shows it.
    Decimal {
        value: f64,
        decimals: u8,
    },
    Date(NaiveDate),
}

impl Value {
    /// A number as the report rounds it.
    pub fn decimal(value: f64, decimals: u8) -> Value {
        if !value.is_finite() {
            return Value::Empty;
        }
        let f = 10f64.powi(decimals as i32);
        let text = format!("{:.*}", decimals as usize, value);
        // The value of the printed digits (`format!` rounds the binary
        // value exactly), without a negative zero.
        let rounded: f64 = text.parse().unwrap_or((value * f).round() / f);
        Value::Decimal {
            value: if rounded == 0.0 { 0.0 } else { rounded },
            decimals,
        }
    }

    fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    fn optional_text(s: Option<&String>) -> Value {
        s.map_or(Value::Empty, |s| Value::Text(s.clone()))
    }

    /// The value as a CSV field: a decimal point, ISO dates, empty for
    /// nothing.
    pub fn csv(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.clone(),
            Value::Integer(n) => n.to_string(),
            Value::Decimal { value, decimals } => format!("{:.*}", *decimals as usize, value),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

const fn column(name: &'static str, kind: Kind, description: &'static str) -> DataColumn {
    DataColumn {
        name,
        kind,
        description,
    }
}

/// The columns every table starts with: whose figures, and of which year.
const LANDSDEEL: DataColumn = column(
    "landsdeel",
    Kind::Text,
    "Het landsdeel van het rapport (Noord, Noordwest, Oost, Zuidoost, Zuidwest).",
);
const VERSLAGJAAR: DataColumn = column(
    "verslagjaar",
    Kind::Integer,
    "Het jaar waarover het rapport gaat.",
);

/// The figures of `data` as the report shows them.
pub fn compose(data: &Voortgang, analysis: &Analysis, texts: &TextSet) -> OpenData {
    OpenData {
        tables: vec![
            indicators(data, analysis, texts),
            measurements(data),
            actions(data, texts),
            proposals(data, texts),
        ],
    }
}

/// The two values every row starts with.
fn whose(data: &Voortgang) -> [Value; 2] {
    [
        Value::text(&data.rapport.landsdeel),
        Value::Integer(data.rapport.verslagjaar.into()),
    ]
}

/// Every indicator with the theme and part it belongs to.
fn each_indicator(data: &Voortgang) -> impl Iterator<Item = (&str, &str, &Indicator)> {
    data.onderdelen.iter().flat_map(|o| {
        o.themas.iter().flat_map(move |t| {
            t.indicatoren
                .iter()
                .map(move |i| (o.id.as_str(), t.id.as_str(), i))
        })
    })
}

fn indicators(data: &Voortgang, analysis: &Analysis, texts: &TextSet) -> DataTable {
    let columns = vec![
        LANDSDEEL,
        VERSLAGJAAR,
        column(
            "onderdeel",
            Kind::Text,
            "Id van het onderdeel van het arrangement.",
        ),
        column(
            "thema",
            Kind::Text,
            "Id van het thema binnen het onderdeel.",
        ),
        column(
            "id",
            Kind::Text,
            "Id van de indicator, uniek in het rapport.",
        ),
        column("naam", Kind::Text, "Naam van de indicator."),
        column(
            "eenheid",
            Kind::Text,
            "Eenheid van de waarden (bijvoorbeeld scholen of %).",
        ),
        column(
            "richting",
            Kind::Text,
            "stijgend (hoger is beter) of dalend (lager is beter).",
        ),
        column("nulmeting_jaar", Kind::Integer, "Jaar van de nulmeting."),
        column("nulmeting", Kind::Decimal, "Waarde van de nulmeting."),
        column(
            "doel_jaar",
            Kind::Integer,
            "Jaar waarin het doel bereikt moet zijn.",
        ),
        column("doel", Kind::Decimal, "Doelwaarde."),
        column(
            "meting_jaar",
            Kind::Integer,
            "Jaar van de getoonde meting: het verslagjaar, of het laatste jaar ervoor met een meting; leeg zonder meting.",
        ),
        column("meting", Kind::Decimal, "De getoonde meting."),
        column(
            "realisatie_procent",
            Kind::Decimal,
            "Deel van de benodigde verandering dat bereikt is, in procenten (Bijlage B van het rapport); leeg zonder meting over het verslagjaar.",
        ),
        column(
            "verwacht_procent",
            Kind::Decimal,
            "Deel van de looptijd tot het doeljaar dat verstreken is, in procenten.",
        ),
        column(
            "voortgang_procent",
            Kind::Decimal,
            "Realisatie naar verhouding van de verwachting, in procenten.",
        ),
        column(
            "status",
            Kind::Text,
            "De berekende status: behaald, op_koers, aandacht, achter, nulmeting of geen_meting.",
        ),
        column(
            "status_tekst",
            Kind::Text,
            "De status zoals het rapport haar noemt.",
        ),
        column("bron", Kind::Text, "Waar de cijfers vandaan komen."),
    ];
    let rows = each_indicator(data)
        .map(|(part, theme, ind)| {
            let a = analysis
                .indicator(&ind.id)
                .expect("every indicator is analysed");
            let d = ind.decimalen;
            let mut row = whose(data).to_vec();
            row.extend([
                Value::text(part),
                Value::text(theme),
                Value::text(&ind.id),
                Value::text(&ind.naam),
                Value::text(&ind.eenheid),
                Value::text(match ind.richting {
                    crate::model::Richting::Stijgend => "stijgend",
                    crate::model::Richting::Dalend => "dalend",
                }),
                Value::Integer(ind.nulmeting.jaar.into()),
                Value::decimal(ind.nulmeting.waarde, d),
                Value::Integer(ind.doel.jaar.into()),
                Value::decimal(ind.doel.waarde, d),
                a.shown
                    .map_or(Value::Empty, |(y, _)| Value::Integer(y.into())),
                a.shown.map_or(Value::Empty, |(_, v)| Value::decimal(v, d)),
                a.realisatie.map_or(Value::Empty, |r| Value::decimal(r, 1)),
                Value::decimal(a.verwacht, 1),
                a.voortgang.map_or(Value::Empty, |v| Value::decimal(v, 0)),
                Value::text(a.status.key()),
                Value::text(texts.status(a.status.key())),
                Value::optional_text(ind.bron.as_ref()),
            ]);
            row
        })
        .collect();
    DataTable {
        name: "indicatoren",
        description: "Eén rij per indicator: nulmeting, doel, de getoonde meting en de berekende status.",
        columns,
        rows,
    }
}

fn measurements(data: &Voortgang) -> DataTable {
    let columns = vec![
        LANDSDEEL,
        VERSLAGJAAR,
        column("indicator", Kind::Text, "Id van de indicator."),
        column("jaar", Kind::Integer, "Jaar van de meting."),
        column(
            "regio",
            Kind::Text,
            "De regio van een uitsplitsing; leeg voor de meting van het hele landsdeel.",
        ),
        column("waarde", Kind::Decimal, "De gemeten waarde."),
        column(
            "verwacht",
            Kind::Decimal,
            "De waarde die op de lijn van nulmeting naar doel in dat jaar verwacht werd (Bijlage A); leeg voor een regio en voor jaren voor de nulmeting.",
        ),
        column("eenheid", Kind::Text, "Eenheid van de waarden."),
    ];
    let year = data.rapport.verslagjaar;
    let mut rows = Vec::new();
    for (_, _, ind) in each_indicator(data) {
        let d = ind.decimalen;
        for (y, v) in ind.metingen.range(..=year) {
            let mut row = whose(data).to_vec();
            row.extend([
                Value::text(&ind.id),
                Value::Integer((*y).into()),
                Value::Empty,
                Value::decimal(*v, d),
                if *y >= ind.nulmeting.jaar {
                    Value::decimal(expected_value(ind, *y as f64), d)
                } else {
                    Value::Empty
                },
                Value::text(&ind.eenheid),
            ]);
            rows.push(row);
        }
        for (region, values) in &ind.uitsplitsing {
            for (y, v) in values.range(..=year) {
                let mut row = whose(data).to_vec();
                row.extend([
                    Value::text(&ind.id),
                    Value::Integer((*y).into()),
                    Value::text(region),
                    Value::decimal(*v, d),
                    Value::Empty,
                    Value::text(&ind.eenheid),
                ]);
                rows.push(row);
            }
        }
    }
    DataTable {
        name: "metingen",
        description: "Eén rij per meting van een indicator tot en met het verslagjaar, van het landsdeel en per regio.",
        columns,
        rows,
    }
}

/// When an action is done: a date, or else a year.
fn gereed(g: Option<Gereed>) -> [Value; 2] {
    match g {
        Some(Gereed::Datum(d)) => [Value::Date(d), Value::Empty],
        Some(Gereed::Jaar(y)) => [Value::Empty, Value::Integer(y.into())],
        None => [Value::Empty, Value::Empty],
    }
}

fn actions(data: &Voortgang, texts: &TextSet) -> DataTable {
    let columns = vec![
        LANDSDEEL,
        VERSLAGJAAR,
        column(
            "onderdeel",
            Kind::Text,
            "Id van het onderdeel van het arrangement.",
        ),
        column("thema", Kind::Text, "Id van het thema."),
        column("id", Kind::Text, "Id van de actie."),
        column("naam", Kind::Text, "Omschrijving van de actie."),
        column("trekker", Kind::Text, "Wie de actie trekt."),
        column(
            "status",
            Kind::Text,
            "gepland, lopend, afgerond, vertraagd of gestopt.",
        ),
        column(
            "status_tekst",
            Kind::Text,
            "De status zoals het rapport haar noemt.",
        ),
        column(
            "gereed_datum",
            Kind::Date,
            "Datum waarop de actie gereed is of moet zijn.",
        ),
        column(
            "gereed_jaar",
            Kind::Integer,
            "Jaar waarin de actie gereed is of moet zijn, als er geen datum is.",
        ),
    ];
    let mut rows = Vec::new();
    for o in &data.onderdelen {
        for t in &o.themas {
            for a in &t.acties {
                let mut row = whose(data).to_vec();
                let key = a.status.key();
                row.extend([
                    Value::text(&o.id),
                    Value::text(&t.id),
                    Value::text(&a.id),
                    Value::text(&a.naam),
                    Value::optional_text(a.trekker.as_ref()),
                    Value::text(key.trim_start_matches("actie_")),
                    Value::text(texts.status(key)),
                ]);
                row.extend(gereed(a.gereed));
                rows.push(row);
            }
        }
    }
    DataTable {
        name: "acties",
        description: "Eén rij per actie (afspraak) van een thema, met haar status.",
        columns,
        rows,
    }
}

fn proposals(data: &Voortgang, texts: &TextSet) -> DataTable {
    let columns = vec![
        LANDSDEEL,
        VERSLAGJAAR,
        column("nummer", Kind::Integer, "Nummer van het doe-voorstel."),
        column("id", Kind::Text, "Id van het doe-voorstel."),
        column("naam", Kind::Text, "Naam van het doe-voorstel."),
        column(
            "thema",
            Kind::Text,
            "Id van het thema, als het er een heeft.",
        ),
        column(
            "actielijn",
            Kind::Text,
            "Id van de actielijn, als het er een heeft.",
        ),
        column("trekker", Kind::Text, "Wie het doe-voorstel trekt."),
        column(
            "status",
            Kind::Text,
            "in_voorbereiding, in_uitvoering, afgerond of gestopt.",
        ),
        column(
            "status_tekst",
            Kind::Text,
            "De status zoals het rapport haar noemt.",
        ),
    ];
    let rows = data
        .doe_voorstellen
        .iter()
        .map(|p| {
            let key = p.status.key();
            let mut row = whose(data).to_vec();
            row.extend([
                Value::Integer(p.nummer),
                Value::text(&p.id),
                Value::text(&p.naam),
                Value::optional_text(p.thema.as_ref()),
                Value::optional_text(p.actielijn.as_ref()),
                Value::optional_text(p.trekker.as_ref()),
                Value::text(key.trim_start_matches("doe_")),
                Value::text(texts.status(key)),
            ]);
            row
        })
        .collect();
    DataTable {
        name: "doe-voorstellen",
        description: "Eén rij per doe-voorstel van het landsdeel, met zijn status.",
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_is_rounded_as_the_report_rounds_it() {
        assert_eq!(
            Value::decimal(35.8208, 1),
            Value::Decimal {
                value: 35.8,
                decimals: 1
            }
        );
        assert_eq!(Value::decimal(35.8208, 1).csv(), "35.8");
        assert_eq!(Value::decimal(-0.04, 1).csv(), "0.0");
        assert_eq!(Value::decimal(1234.5, 0).csv(), "1234");
        assert_eq!(Value::decimal(f64::NAN, 1), Value::Empty);
        assert_eq!(
            Value::Date(NaiveDate::from_ymd_opt(2016, 3, 15).unwrap()).csv(),
            "2016-03-15"
        );
    }
}
