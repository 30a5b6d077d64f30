//! Writes the invulblad as XLSX with rust_xlsxwriter: "Uitleg" (how to fill
//! it in and which report it belongs to), "Indicatoren", "Acties" and
//! "Doe-voorstellen". Every sheet is protected; only the input cells
//! (yellow) are unlocked, with a number check on measurements and a list of
//! the allowed statuses. The document dates are fixed, so the same data
//! gives the same bytes.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::belongs_to;
use super::layout::*;
use crate::format_nl;
use crate::model::{Gereed, Voortgang};

/// Rows beyond the data that still carry the input formats (none: the
/// partner fills in existing rows only).
const HEADER_ROW: u32 = 0;

/// What to write.
pub struct SheetRequest<'a> {
    pub data: &'a Voortgang,
    /// The data file's name, shown on "Uitleg".
    pub file_name: &'a str,
    /// Only this partner's rows (`--trekker`).
    pub partner: Option<&'a str>,
}

/// How many rows of each kind a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub indicators: usize,
    pub actions: usize,
    pub proposals: usize,
}

struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    locked: Format,
    locked_number: Format,
    input: Format,
    input_number: Format,
    input_text: Format,
    /// A cell that does not apply to the row (a region the indicator has no
    /// part for): locked, grey.
    not_applicable: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("Arial")
            .set_font_size(10)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        let input = base
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF2CC))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBF9000));
        let input_free = base.clone();
        Self {
            // The title runs over the empty cells beside it: no wrapping.
            title: Format::new()
                .set_font_name("Arial")
                .set_font_size(14)
                .set_bold(),
            bold: base.clone().set_bold(),
            header: base
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_border(FormatBorder::Thin),
            locked_number: base.clone().set_num_format("#,##0.###"),
            locked: base,
            input_number: input.clone().set_num_format("#,##0.###"),
            input_text: input.clone().set_num_format("@"),
            input,
            not_applicable: input_free.set_background_color(Color::RGB(0xEEEEEE)),
        }
    }
}

/// The XLSX bytes of the invulblad.
pub fn workbook(req: &SheetRequest) -> Result<(Vec<u8>, Counts), XlsxError> {
    let data = req.data;
    let year = data.rapport.verslagjaar;
    let f = Formats::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(u16::try_from(year + 1).unwrap_or(2000), 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Invulblad voortgangsrapportage {} {year}",
                data.rapport.landsdeel
            ))
            .set_author("techniekpact")
            .set_creation_datetime(&created),
    );

    explanation(book.add_worksheet(), req, &f)?;
    let mut record = Record::default();
    let counts = Counts {
        indicators: indicators(book.add_worksheet(), req, &f, &mut record)?,
        actions: actions(book.add_worksheet(), req, &f, &mut record)?,
        proposals: proposals(book.add_worksheet(), req, &f, &mut record)?,
    };
    record.write(book.add_worksheet(), &f)?;
    Ok((book.save_to_buffer()?, counts))
}

/// What the data file held for every input cell, as [`SHEET_RECORD`]
/// keeps it.
#[derive(Default)]
struct Record {
    rows: Vec<[String; 4]>,
}

impl Record {
    fn add(&mut self, sheet: &str, id: &str, field: &str, value: String) {
        self.rows
            .push([sheet.to_string(), id.to_string(), field.to_string(), value]);
    }

    /// The hidden, protected sheet.
    fn write(&self, ws: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
        ws.set_name(SHEET_RECORD)?;
        for (c, name) in RECORD_COLUMNS.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *name, &f.header)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                ws.write_string_with_format(1 + r as u32, c as u16, value, &f.locked)?;
            }
        }
        ws.protect();
        ws.set_hidden(true);
        Ok(())
    }
}

/// A number as the record and the data file write it; empty for none.
pub fn record_number(v: Option<f64>) -> String {
    v.map(crate::yaml_scalar::number_value).unwrap_or_default()
}

/// A text as the record keeps it: without trailing white space.
pub fn record_text(t: Option<&str>) -> String {
    t.map(|t| t.replace("\r\n", "\n").trim_end().to_string())
        .unwrap_or_default()
}

fn explanation(ws: &mut Worksheet, req: &SheetRequest, f: &Formats) -> Result<(), XlsxError> {
    let data = req.data;
    let year = data.rapport.verslagjaar;
    ws.set_name(SHEET_EXPLANATION)?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    ws.write_string_with_format(
        0,
        0,
        format!("Invulblad voor de voortgangsrapportage {year}"),
        &f.title,
    )?;
    let ident = [
        (LABEL_LANDSDEEL, data.rapport.landsdeel.clone()),
        (LABEL_YEAR, year.to_string()),
        (LABEL_FILE, req.file_name.to_string()),
        (
            LABEL_PARTNER,
            req.partner
                .map_or_else(|| "alle partners".to_string(), str::to_string),
        ),
    ];
    for (i, (label, value)) in ident.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string_with_format(row, 0, *label, &f.bold)?;
        if *label == LABEL_YEAR {
            let left = f.locked.clone().set_align(FormatAlign::Left);
            ws.write_number_with_format(row, 1, f64::from(year), &left)?;
        } else {
            ws.write_string_with_format(row, 1, value, &f.locked)?;
        }
    }
    let steps = [
        "Vul alleen de gele cellen in. De andere cellen zijn beveiligd: daar staan de gegevens tot nu toe.".to_string(),
        format!(
            "Indicatoren: typ in de kolom '{}' het cijfer over {year}, als getal (bijvoorbeeld 34 of 12,5). Laat de cel leeg als er nog geen cijfer is. Een cijfer dat er al staat, hoeft u niet opnieuw te typen: alleen wat u verandert, telt.",
            col_measurement(year)
        ),
        format!(
            "Heeft een indicator een uitsplitsing (bijvoorbeeld per provincie), typ dan het deel van elke regio in de kolom met de naam van die regio en het jaar ({}); het totaal staat in '{}'. Heeft u alleen het cijfer van uw eigen regio, vul dan alleen die kolom in.",
            regions(data).first().map_or_else(|| col_part("Groningen", year), |r| col_part(r, year)),
            col_measurement(year)
        ),
        format!(
            "{}: uw opmerking bij het cijfer over {year}. De vaste toelichting van de indicator (hoe er gemeten wordt) blijft staan.",
            col_remark(year)
        ),
        format!(
            "Acties en doe-voorstellen: kies in de kolom '{}' de status uit de lijst. De status tot nu toe staat ernaast; kies hem opnieuw als hij niet verandert.",
            col_status(year)
        ),
        format!(
            "Gereed: wanneer de actie klaar is of moet zijn, als datum JJJJ-MM-DD ({}-06-30) of als jaartal ({}).",
            year + 1,
            year + 1
        ),
        format!(
            "{}: uw tekst voor het rapport over {year}. Een lege cel laat de toelichting tot nu toe staan. Een opsomming schrijft u met '- ' aan het begin van elke regel; een nieuwe regel in de cel met Alt+Enter.",
            col_text(year)
        ),
        "Verander de id's, de namen van de bladen en de kolomkoppen niet: daarmee leest het secretariaat het blad weer in.".to_string(),
        "Stuur het ingevulde blad terug aan het secretariaat. Dat leest het in met: techniekpact inlezen BLAD.xlsx GEGEVENS.yaml (ook als .ods, zoals LibreOffice het opslaat).".to_string(),
    ];
    ws.write_string_with_format(7, 0, "Zo vult u het blad in", &f.bold)?;
    let widths = [(String::new(), 22.0), (String::new(), 90.0)];
    for (i, step) in steps.iter().enumerate() {
        let row = 8 + i as u32;
        ws.write_string_with_format(row, 0, format!("{}.", i + 1), &f.locked)?;
        ws.write_string_with_format(row, 1, step, &f.locked)?;
        set_height(ws, row, &widths, &[(1, Some(step.as_str()))])?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.protect();
    ws.set_active(true);
    Ok(())
}

fn headers(ws: &mut Worksheet, f: &Formats, cols: &[(String, f64)]) -> Result<(), XlsxError> {
    for (c, (name, width)) in cols.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, *width)?;
        ws.write_string_with_format(HEADER_ROW, c, name, &f.header)?;
    }
    ws.set_freeze_panes(1, 1)?;
    // On paper: landscape, as wide as the page, the header row on every page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_row_height(HEADER_ROW, LINE_HEIGHT * 2.0 + 2.0)?;
    ws.protect();
    Ok(())
}

/// A Markdown text as a cell shows it: the line breaks inside a paragraph
/// (which the report does not print) become spaces; paragraphs and list
/// items keep their own lines.
pub fn cell_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut previous_blank = true;
    for line in markdown.trim_end().lines() {
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        let item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !out.is_empty() {
            out.push(if blank || previous_blank || item {
                '\n'
            } else {
                ' '
            });
        }
        out.push_str(if item {
            line.trim_end()
        } else {
            trimmed.trim_end()
        });
        previous_blank = blank;
    }
    out
}

fn opt_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: Option<&str>,
    format: &Format,
) -> Result<(), XlsxError> {
    match text {
        Some(t) => ws
            .write_string_with_format(row, col, cell_text(t), format)
            .map(|_| ()),
        None => ws.write_blank(row, col, format).map(|_| ()),
    }
}

fn number_check(year: i32) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e12, 1e12))
        .set_error_title("Geen getal")?
        .set_error_message(format!(
            "Typ het cijfer over {year} als getal, bijvoorbeeld 34 of 12,5."
        ))?
        .set_input_title(format!("Cijfer over {year}"))?
        .set_input_message("Een getal; laat de cel leeg als er nog geen cijfer is.")
}

fn status_list(words: &[&str], year: i32) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(words)?
        .set_error_title("Onbekende status")?
        .set_error_message(format!(
            "Kies een status uit de lijst: {}.",
            words.join(", ")
        ))?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_input_title(format!("Status {year}"))?
        .set_input_message("Kies uit de lijst.")
}

fn indicators(
    ws: &mut Worksheet,
    req: &SheetRequest,
    f: &Formats,
    record: &mut Record,
) -> Result<usize, XlsxError> {
    let data = req.data;
    let year = data.rapport.verslagjaar;
    ws.set_name(SHEET_INDICATORS)?;
    let earlier = earlier_years(data);
    let regions = regions(data);
    let mut cols: Vec<(String, f64)> = vec![
        (COL_ID.into(), 22.0),
        (COL_NAME.into(), 36.0),
        (COL_UNIT.into(), 14.0),
        (COL_SOURCE.into(), 24.0),
        (COL_BASELINE.into(), 14.0),
        (COL_TARGET.into(), 14.0),
    ];
    cols.extend(earlier.iter().map(|y| (col_measurement(*y), 11.0)));
    let input_col = cols.len() as u16;
    cols.push((col_measurement(year), 13.0));
    let part_col = cols.len() as u16;
    cols.extend(regions.iter().map(|r| (col_part(r, year), 13.0)));
    let text_col = cols.len() as u16;
    cols.push((COL_EXPLANATION.into(), 40.0));
    cols.push((col_remark(year), 40.0));
    headers(ws, f, &cols)?;
    let rows: Vec<_> = indicator_rows(data)
        .into_iter()
        .filter(|r| {
            belongs_to(
                req.partner,
                &[
                    r.item.bron.as_deref(),
                    r.thema.map(|t| t.partners.join(", ")).as_deref(),
                ],
            )
        })
        .collect();
    for (n, r) in rows.iter().enumerate() {
        let row = 1 + n as u32;
        let i = r.item;
        let point = |p: &crate::model::Meetpunt| {
            format!("{} in {}", format_nl::number(p.waarde, i.decimalen), p.jaar)
        };
        ws.write_string_with_format(row, 0, &i.id, &f.locked)?;
        ws.write_string_with_format(row, 1, &i.naam, &f.locked)?;
        ws.write_string_with_format(row, 2, &i.eenheid, &f.locked)?;
        opt_text(ws, row, 3, i.bron.as_deref(), &f.locked)?;
        ws.write_string_with_format(row, 4, point(&i.nulmeting), &f.locked)?;
        ws.write_string_with_format(row, 5, point(&i.doel), &f.locked)?;
        for (k, y) in earlier.iter().enumerate() {
            let c = 6 + k as u16;
            match i.metingen.get(y) {
                Some(v) => ws.write_number_with_format(row, c, *v, &f.locked_number)?,
                None => ws.write_blank(row, c, &f.locked)?,
            };
        }
        let now = i.metingen.get(&year).copied();
        match now {
            Some(v) => ws.write_number_with_format(row, input_col, v, &f.input_number)?,
            None => ws.write_blank(row, input_col, &f.input_number)?,
        };
        record.add(
            SHEET_INDICATORS,
            &i.id,
            FIELD_MEASUREMENT,
            record_number(now),
        );
        for (k, region) in regions.iter().enumerate() {
            let c = part_col + k as u16;
            match i.uitsplitsing.get(region) {
                Some(years) => {
                    let part = years.get(&year).copied();
                    match part {
                        Some(v) => ws.write_number_with_format(row, c, v, &f.input_number)?,
                        None => ws.write_blank(row, c, &f.input_number)?,
                    };
                    record.add(
                        SHEET_INDICATORS,
                        &i.id,
                        &field_part(region),
                        record_number(part),
                    );
                }
                None => {
                    ws.write_blank(row, c, &f.not_applicable)?;
                }
            }
        }
        opt_text(ws, row, text_col, i.toelichting.as_deref(), &f.locked)?;
        ws.write_blank(row, text_col + 1, &f.input)?;
        let remark = i.opmerkingen.get(&year).map(String::as_str);
        record.add(SHEET_INDICATORS, &i.id, FIELD_REMARK, record_text(remark));
        set_height(
            ws,
            row,
            &cols,
            &[
                (1, Some(i.naam.as_str())),
                (3, i.bron.as_deref()),
                (text_col as usize, i.toelichting.as_deref()),
            ],
        )?;
    }
    if !rows.is_empty() {
        let last = rows.len() as u32;
        ws.add_data_validation(1, input_col, last, input_col, &number_check(year)?)?;
        if !regions.is_empty() {
            ws.add_data_validation(
                1,
                part_col,
                last,
                part_col + regions.len() as u16 - 1,
                &number_check(year)?,
            )?;
        }
    }
    Ok(rows.len())
}

/// A status as the data file writes it (`lopend`, `in_uitvoering`).
fn status_key<T: serde::Serialize>(status: T) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Points of one line of 10-point Arial in a cell, with its padding.
const LINE_HEIGHT: f64 = 12.75;

/// The height of `row` that shows every line of its wrapped texts: the
/// texts of the given columns measured in characters of their column's
/// width (a width unit is about one character of 10-point Arial), so that
/// LibreOffice and Excel draw no text over the next row.
fn set_height(
    ws: &mut Worksheet,
    row: u32,
    cols: &[(String, f64)],
    texts: &[(usize, Option<&str>)],
) -> Result<(), XlsxError> {
    let lines = texts
        .iter()
        .filter_map(|(c, t)| Some((cols.get(*c)?.1, cell_text((*t)?))))
        .map(|(width, text)| {
            let per_line = (width * 1.1).floor().max(1.0) as usize;
            text.split('\n')
                .map(|l| l.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .clamp(1, 30);
    if lines > 1 {
        ws.set_row_height(row, LINE_HEIGHT * lines as f64 + 2.0)?;
    }
    Ok(())
}

fn gereed_text(g: Option<Gereed>) -> Option<String> {
    g.map(|g| match g {
        Gereed::Jaar(y) => y.to_string(),
        Gereed::Datum(d) => d.format("%Y-%m-%d").to_string(),
    })
}

fn actions(
    ws: &mut Worksheet,
    req: &SheetRequest,
    f: &Formats,
    record: &mut Record,
) -> Result<usize, XlsxError> {
    let data = req.data;
    let year = data.rapport.verslagjaar;
    ws.set_name(SHEET_ACTIONS)?;
    let cols: Vec<(String, f64)> = vec![
        (COL_ID.into(), 22.0),
        (COL_NAME.into(), 36.0),
        (COL_THEME.into(), 24.0),
        (COL_PARTNER.into(), 22.0),
        (COL_STATUS_SO_FAR.into(), 14.0),
        (col_status(year), 16.0),
        (COL_DEADLINE.into(), 13.0),
        (COL_TEXT_SO_FAR.into(), 40.0),
        (col_text(year), 40.0),
    ];
    headers(ws, f, &cols)?;
    let rows: Vec<_> = action_rows(data)
        .into_iter()
        .filter(|r| belongs_to(req.partner, &[r.item.trekker.as_deref()]))
        .collect();
    for (n, r) in rows.iter().enumerate() {
        let row = 1 + n as u32;
        let a = r.item;
        ws.write_string_with_format(row, 0, &a.id, &f.locked)?;
        ws.write_string_with_format(row, 1, &a.naam, &f.locked)?;
        opt_text(ws, row, 2, r.thema.map(|t| t.naam.as_str()), &f.locked)?;
        opt_text(ws, row, 3, a.trekker.as_deref(), &f.locked)?;
        ws.write_string_with_format(row, 4, action_status_word(a.status), &f.locked)?;
        ws.write_blank(row, 5, &f.input)?;
        opt_text(ws, row, 6, gereed_text(a.gereed).as_deref(), &f.input_text)?;
        opt_text(ws, row, 7, a.toelichting.as_deref(), &f.locked)?;
        ws.write_blank(row, 8, &f.input)?;
        record.add(SHEET_ACTIONS, &a.id, FIELD_STATUS, status_key(a.status));
        record.add(
            SHEET_ACTIONS,
            &a.id,
            FIELD_DEADLINE,
            gereed_text(a.gereed).unwrap_or_default(),
        );
        record.add(
            SHEET_ACTIONS,
            &a.id,
            FIELD_TEXT,
            record_text(a.toelichting.as_deref()),
        );
        let theme = r.thema.map(|t| t.naam.as_str());
        set_height(
            ws,
            row,
            &cols,
            &[
                (1, Some(a.naam.as_str())),
                (2, theme),
                (3, a.trekker.as_deref()),
                (7, a.toelichting.as_deref()),
            ],
        )?;
    }
    if !rows.is_empty() {
        let last = rows.len() as u32;
        ws.add_data_validation(1, 5, last, 5, &status_list(&action_statuses(), year)?)?;
    }
    Ok(rows.len())
}

fn proposals(
    ws: &mut Worksheet,
    req: &SheetRequest,
    f: &Formats,
    record: &mut Record,
) -> Result<usize, XlsxError> {
    let data = req.data;
    let year = data.rapport.verslagjaar;
    ws.set_name(SHEET_PROPOSALS)?;
    let cols: Vec<(String, f64)> = vec![
        (COL_ID.into(), 22.0),
        (COL_NUMBER.into(), 9.0),
        (COL_NAME.into(), 36.0),
        (COL_PARTNER.into(), 22.0),
        (COL_STATUS_SO_FAR.into(), 16.0),
        (col_status(year), 18.0),
        (COL_TEXT_SO_FAR.into(), 40.0),
        (col_text(year), 40.0),
    ];
    headers(ws, f, &cols)?;
    let rows: Vec<_> = proposal_rows(data)
        .into_iter()
        .filter(|r| belongs_to(req.partner, &[r.item.trekker.as_deref()]))
        .collect();
    for (n, r) in rows.iter().enumerate() {
        let row = 1 + n as u32;
        let d = r.item;
        ws.write_string_with_format(row, 0, &d.id, &f.locked)?;
        ws.write_number_with_format(row, 1, d.nummer as f64, &f.locked)?;
        ws.write_string_with_format(row, 2, &d.naam, &f.locked)?;
        opt_text(ws, row, 3, d.trekker.as_deref(), &f.locked)?;
        ws.write_string_with_format(row, 4, proposal_status_word(d.status), &f.locked)?;
        ws.write_blank(row, 5, &f.input)?;
        opt_text(ws, row, 6, d.toelichting.as_deref(), &f.locked)?;
        ws.write_blank(row, 7, &f.input)?;
        record.add(SHEET_PROPOSALS, &d.id, FIELD_STATUS, status_key(d.status));
        record.add(
            SHEET_PROPOSALS,
            &d.id,
            FIELD_TEXT,
            record_text(d.toelichting.as_deref()),
        );
        set_height(
            ws,
            row,
            &cols,
            &[
                (2, Some(d.naam.as_str())),
                (3, d.trekker.as_deref()),
                (6, d.toelichting.as_deref()),
            ],
        )?;
    }
    if !rows.is_empty() {
        let last = rows.len() as u32;
        ws.add_data_validation(1, 5, last, 5, &status_list(&proposal_statuses(), year)?)?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::cell_text;

    #[test]
    fn a_cell_shows_paragraphs_and_list_items_on_their_own_lines() {
        assert_eq!(
            cell_text(
                "Het doel omvat alle besturen\nmet vier scholen.\n\nAandacht:\n\n- een;\n- twee\n"
            ),
            "Het doel omvat alle besturen met vier scholen.\n\nAandacht:\n\n- een;\n- twee"
        );
        assert_eq!(cell_text("1. a\n2. b"), "1. a\n2. b");
    }
}
