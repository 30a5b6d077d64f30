//! The report's figures as an OpenDocument spreadsheet: a first sheet that
//! describes every sheet and column, then one sheet per table of
//! [`OpenData`], its header row repeated on every printed page, numbers as
//! numbers with the report's decimals, dates as dates.

use crate::document::open_data::{DataTable, Kind, OpenData, Value};
use crate::render::xml::Xml;

use super::package::{Entry, package};

/// The media type of an ODS file.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// The name of the first sheet, which describes the others.
pub const DESCRIPTION_SHEET: &str = "toelichting";

/// What the spreadsheet says about itself.
pub struct Properties<'a> {
    pub title: &'a str,
    /// `nl-NL`.
    pub language: &'a str,
    pub subject: &'a str,
}

/// The ODS file of `figures`.
pub fn write(figures: &OpenData, props: &Properties) -> std::io::Result<Vec<u8>> {
    let entries = [
        Entry {
            path: "content.xml".into(),
            media_type: "text/xml",
            bytes: content(figures).into(),
        },
        Entry {
            path: "styles.xml".into(),
            media_type: "text/xml",
            bytes: styles(props.language).into(),
        },
        Entry {
            path: "meta.xml".into(),
            media_type: "text/xml",
            bytes: super::meta_xml(&super::Properties {
                title: props.title,
                subject: props.subject,
                language: props.language,
                keywords: &[],
                creator: String::new(),
            })
            .into(),
        },
    ];
    package(MEDIA_TYPE, &entries)
}

/// The sheet that describes the others: per sheet what a row is, then
/// each column with its kind and meaning.
fn description_table(figures: &OpenData) -> DataTable {
    use crate::document::open_data::DataColumn;
    let columns = vec![
        DataColumn {
            name: "blad",
            kind: Kind::Text,
            description: "Het blad (en het CSV-bestand) van de kolom.",
        },
        DataColumn {
            name: "kolom",
            kind: Kind::Text,
            description: "De naam van de kolom in de kopregel; leeg in de regel die het blad beschrijft.",
        },
        DataColumn {
            name: "soort",
            kind: Kind::Text,
            description: "Wat voor waarden de kolom heeft.",
        },
        DataColumn {
            name: "betekenis",
            kind: Kind::Text,
            description: "Wat de kolom of het blad bevat.",
        },
    ];
    let mut rows = Vec::new();
    for t in &figures.tables {
        rows.push(vec![
            Value::Text(t.name.into()),
            Value::Empty,
            Value::Empty,
            Value::Text(t.description.into()),
        ]);
        for c in &t.columns {
            rows.push(vec![
                Value::Text(t.name.into()),
                Value::Text(c.name.into()),
                Value::Text(c.kind.word().into()),
                Value::Text(c.description.into()),
            ]);
        }
    }
    DataTable {
        name: DESCRIPTION_SHEET,
        description: "Eén rij per blad en per kolom: wat erin staat.",
        columns,
        rows,
    }
}

/// The number styles of the decimals the figures use (0 to 3), and the
/// date style.
const MAX_DECIMALS: u8 = 3;

fn cell_style(value: &Value) -> Option<String> {
    match value {
        Value::Decimal { decimals, .. } => Some(format!("ce_d{}", decimals.min(&MAX_DECIMALS))),
        Value::Date(_) => Some("ce_datum".into()),
        _ => None,
    }
}

fn content(figures: &OpenData) -> String {
    let description = description_table(figures);
    let sheets: Vec<&DataTable> = std::iter::once(&description)
        .chain(&figures.tables)
        .collect();
    // Only the styles the sheets use.
    let values = || sheets.iter().flat_map(|t| t.rows.iter().flatten());
    let decimals: std::collections::BTreeSet<u8> = values()
        .filter_map(|v| match v {
            Value::Decimal { decimals, .. } => Some(*decimals.min(&MAX_DECIMALS)),
            _ => None,
        })
        .collect();
    let dates = values().any(|v| matches!(v, Value::Date(_)));
    let widths: std::collections::BTreeSet<u32> = sheets
        .iter()
        .flat_map(|t| (0..t.columns.len()).map(|i| width(t, i)))
        .collect();
    let mut x = Xml::part();
    x.open("office:document-content", &super::root_attrs());
    x.open("office:automatic-styles", &[]);
    for &d in &decimals {
        let name = format!("N_d{d}");
        let places = d.to_string();
        x.open("number:number-style", &[("style:name", &name)]);
        x.empty(
            "number:number",
            &[
                ("number:decimal-places", &places),
                ("number:min-decimal-places", &places),
                ("number:min-integer-digits", "1"),
            ],
        );
        x.close("number:number-style");
    }
    if dates {
        x.open("number:date-style", &[("style:name", "N_datum")]);
        x.empty("number:year", &[("number:style", "long")]);
        x.leaf("number:text", &[], "-");
        x.empty("number:month", &[("number:style", "long")]);
        x.leaf("number:text", &[], "-");
        x.empty("number:day", &[("number:style", "long")]);
        x.close("number:date-style");
    }
    for &d in &decimals {
        x.empty(
            "style:style",
            &[
                ("style:name", &format!("ce_d{d}")),
                ("style:family", "table-cell"),
                ("style:data-style-name", &format!("N_d{d}")),
            ],
        );
    }
    if dates {
        x.empty(
            "style:style",
            &[
                ("style:name", "ce_datum"),
                ("style:family", "table-cell"),
                ("style:data-style-name", "N_datum"),
            ],
        );
    }
    x.open(
        "style:style",
        &[("style:name", "ce_kop"), ("style:family", "table-cell")],
    );
    x.empty("style:text-properties", &[("fo:font-weight", "bold")]);
    x.close("style:style");
    // Column widths in steps of half a centimetre, from 2 to 12 cm.
    for &half_cm in &widths {
        x.open(
            "style:style",
            &[
                ("style:name", &format!("co{half_cm}")),
                ("style:family", "table-column"),
            ],
        );
        x.empty(
            "style:table-column-properties",
            &[(
                "style:column-width",
                &format!("{}.{}cm", half_cm / 2, if half_cm % 2 == 1 { 5 } else { 0 }),
            )],
        );
        x.close("style:style");
    }
    x.close("office:automatic-styles");
    x.open("office:body", &[]);
    x.open("office:spreadsheet", &[]);
    for t in sheets {
        sheet(&mut x, t);
    }
    x.close("office:spreadsheet");
    x.close("office:body");
    x.close("office:document-content");
    x.finish()
}

/// A column's width, in half centimetres, from its longest value.
fn width(t: &DataTable, column: usize) -> u32 {
    let longest = t
        .rows
        .iter()
        .map(|r| r[column].csv().chars().count())
        .chain(std::iter::once(t.columns[column].name.chars().count()))
        .max()
        .unwrap_or(8) as u32;
    // About 0.2 cm per character at 10 pt, and a little room.
    (longest * 2 / 5 + 1).clamp(4, 24)
}

fn sheet(x: &mut Xml, t: &DataTable) {
    x.open("table:table", &[("table:name", t.name)]);
    for i in 0..t.columns.len() {
        x.empty(
            "table:table-column",
            &[("table:style-name", &format!("co{}", width(t, i)))],
        );
    }
    x.open("table:table-header-rows", &[]);
    x.open("table:table-row", &[]);
    for c in &t.columns {
        x.open(
            "table:table-cell",
            &[
                ("table:style-name", "ce_kop"),
                ("office:value-type", "string"),
            ],
        );
        x.leaf("text:p", &[], c.name);
        x.close("table:table-cell");
    }
    x.close("table:table-row");
    x.close("table:table-header-rows");
    for row in &t.rows {
        x.open("table:table-row", &[]);
        for value in row {
            cell(x, value);
        }
        x.close("table:table-row");
    }
    x.close("table:table");
}

fn cell(x: &mut Xml, value: &Value) {
    let style = cell_style(value);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    if let Some(s) = &style {
        attrs.push(("table:style-name", s));
    }
    let number;
    let date;
    match value {
        Value::Empty => {
            x.empty("table:table-cell", &attrs);
            return;
        }
        Value::Text(_) => attrs.push(("office:value-type", "string")),
        Value::Integer(n) => {
            number = n.to_string();
            attrs.push(("office:value-type", "float"));
            attrs.push(("office:value", &number));
        }
        Value::Decimal { value, .. } => {
            number = value.to_string();
            attrs.push(("office:value-type", "float"));
            attrs.push(("office:value", &number));
        }
        Value::Date(d) => {
            date = d.format("%Y-%m-%d").to_string();
            attrs.push(("office:value-type", "date"));
            attrs.push(("office:date-value", &date));
        }
    }
    x.open("table:table-cell", &attrs);
    x.leaf("text:p", &[], &value.csv());
    x.close("table:table-cell");
}

fn styles(language: &str) -> String {
    let (lang, country) = language.split_once('-').unwrap_or((language, ""));
    let mut x = Xml::part();
    x.open("office:document-styles", &super::root_attrs());
    x.open("office:styles", &[]);
    x.open("style:default-style", &[("style:family", "table-cell")]);
    let mut text = vec![("fo:language", lang)];
    if !country.is_empty() {
        text.push(("fo:country", country));
    }
    x.empty("style:text-properties", &text);
    x.close("style:default-style");
    x.close("office:styles");
    x.close("office:document-styles");
    x.finish()
}
