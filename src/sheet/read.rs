//! Reads a filled-in invulblad (XLSX, or ODS as LibreOffice saves it) with
//! calamine and checks every input cell against the data file it belongs
//! to: the same landsdeel and year, known ids, numbers in number cells,
//! allowed statuses, dates or years. Every problem is collected with its
//! sheet and cell (`Indicatoren!H3`), with the same Dutch rules and hints as
//! the YAML; only a sheet without problems gives updates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::utility::row_col_to_cell;

use super::layout::*;
use crate::load::suggest::did_you_mean;
use crate::model::{ActieStatus, DoeStatus, Gereed, Voortgang};

/// One value to write into the data file.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// The measurement of `year` of the indicator at `entry`.
    Measurement {
        entry: String,
        year: i32,
        value: f64,
    },
    /// The status of the action or doe-voorstel at `entry`, as the data
    /// file writes it (`lopend`, `in_uitvoering`).
    Status { entry: String, value: String },
    /// The `gereed` of the action at `entry`.
    Deadline { entry: String, value: Gereed },
    /// The `toelichting` of the entry.
    Text { entry: String, value: String },
    /// The part of `region` in `year` of the indicator's uitsplitsing.
    Part {
        entry: String,
        region: String,
        year: i32,
        value: f64,
    },
    /// The indicator's remark of `year` (`opmerkingen`).
    Remark {
        entry: String,
        year: i32,
        value: String,
    },
}

impl Update {
    pub fn entry(&self) -> &str {
        match self {
            Update::Measurement { entry, .. }
            | Update::Status { entry, .. }
            | Update::Deadline { entry, .. }
            | Update::Text { entry, .. }
            | Update::Part { entry, .. }
            | Update::Remark { entry, .. } => entry,
        }
    }

    /// The value as the record of the sheet and the data file write it.
    pub fn written(&self) -> String {
        match self {
            Update::Measurement { value, .. } | Update::Part { value, .. } => {
                crate::yaml_scalar::number_value(*value)
            }
            Update::Status { value, .. } => value.clone(),
            Update::Deadline { value, .. } => match value {
                Gereed::Jaar(y) => y.to_string(),
                Gereed::Datum(d) => d.format("%Y-%m-%d").to_string(),
            },
            Update::Text { value, .. } | Update::Remark { value, .. } => {
                super::write::record_text(Some(value))
            }
        }
    }
}

/// A value a partner filled in, with where it stands and what the data
/// file held for it when the sheet was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    pub update: Update,
    /// `Indicatoren!J7`.
    pub cell: String,
    /// The data file's value when the sheet was made ([`SHEET_RECORD`]);
    /// `None` for a sheet without that record (made by an older version).
    pub base: Option<String>,
}

/// One problem in one cell (or sheet) of the invulblad.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    pub sheet: String,
    /// `E7`, or empty for the sheet as a whole.
    pub cell: String,
    pub message: String,
    pub hint: Option<String>,
}

/// Every problem of one invulblad.
#[derive(Debug, Clone)]
pub struct SheetProblems {
    pub path: PathBuf,
    pub problems: Vec<CellProblem>,
}

impl SheetProblems {
    /// `fout: blad.xlsx: Indicatoren!E7: ...` with the tip below, per problem.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for p in &self.problems {
            let place = match (p.sheet.is_empty(), p.cell.is_empty()) {
                (true, _) => String::new(),
                (false, true) => format!("blad {}: ", p.sheet),
                (false, false) => format!("{}!{}: ", p.sheet, p.cell),
            };
            out.push_str(&format!(
                "fout: {}: {place}{}\n",
                self.path.display(),
                p.message
            ));
            if let Some(h) = &p.hint {
                out.push_str(&format!("  tip: {h}\n"));
            }
        }
        out
    }
}

/// The values a partner filled in on an invulblad for `data`, or every
/// problem.
pub fn read(path: &Path, data: &Voortgang) -> Result<Vec<Filled>, SheetProblems> {
    let fail = |problems| SheetProblems {
        path: path.to_path_buf(),
        problems,
    };
    let whole = |message: String, hint: &str| {
        fail(vec![CellProblem {
            sheet: String::new(),
            cell: String::new(),
            message,
            hint: Some(hint.to_string()),
        }])
    };
    if !path.is_file() {
        return Err(whole(
            "het invulblad bestaat niet".into(),
            "controleer de naam en de map van het blad",
        ));
    }
    let mut book = open_workbook_auto(path).map_err(|_| {
        whole(
            "dit bestand is geen leesbaar invulblad (.xlsx of .ods)".into(),
            "sla het blad op als Excel-werkmap (.xlsx) of als ODF-spreadsheet (.ods) en lees het opnieuw in",
        )
    })?;
    let mut sheets = HashMap::new();
    let names = book.sheet_names();
    for name in [
        SHEET_EXPLANATION,
        SHEET_INDICATORS,
        SHEET_ACTIONS,
        SHEET_PROPOSALS,
    ] {
        if !names.iter().any(|n| n == name) {
            continue;
        }
        if let Ok(range) = book.worksheet_range(name) {
            sheets.insert(name, range);
        }
    }
    let record = book
        .worksheet_range(SHEET_RECORD)
        .ok()
        .map(|range| record_of(&range));
    let mut r = Reading {
        data,
        problems: Vec::new(),
        updates: Vec::new(),
        record,
    };
    for name in [
        SHEET_EXPLANATION,
        SHEET_INDICATORS,
        SHEET_ACTIONS,
        SHEET_PROPOSALS,
    ] {
        if !sheets.contains_key(name) {
            r.problem(name, "", format!("het blad '{name}' ontbreekt"), Some(
                "lees een invulblad in zoals 'techniekpact invulblad' het maakte, met de bladen Uitleg, Indicatoren, Acties en Doe-voorstellen".into(),
            ));
        }
    }
    if !r.problems.is_empty() {
        return Err(fail(r.problems));
    }
    r.identity(&sheets[SHEET_EXPLANATION]);
    if !r.problems.is_empty() {
        // Another report's sheet: its cells say nothing about this file.
        return Err(fail(r.problems));
    }
    r.indicators(&sheets[SHEET_INDICATORS]);
    r.actions(&sheets[SHEET_ACTIONS]);
    r.proposals(&sheets[SHEET_PROPOSALS]);
    if r.problems.is_empty() {
        Ok(r.updates)
    } else {
        Err(fail(r.problems))
    }
}

type Range = calamine::Range<Data>;

struct Reading<'a> {
    data: &'a Voortgang,
    problems: Vec<CellProblem>,
    updates: Vec<Filled>,
    /// (sheet, id, field) -> the data file's value when the sheet was made.
    record: Option<HashMap<(String, String, String), String>>,
}

/// The record sheet as a map.
fn record_of(range: &Range) -> HashMap<(String, String, String), String> {
    let last = range.end().map_or(0, |e| e.0);
    (1..=last)
        .map(|row| {
            let cell = |c| shown(get(range, row, c));
            ((cell(0), cell(1), cell(2)), cell(3))
        })
        .collect()
}

fn cell_name(row: u32, col: u32) -> String {
    row_col_to_cell(row, u16::try_from(col).unwrap_or(u16::MAX))
}

fn get(range: &Range, row: u32, col: u32) -> &Data {
    static EMPTY: Data = Data::Empty;
    range.get_value((row, col)).unwrap_or(&EMPTY)
}

/// The text of a cell as a partner sees it, for messages and ids.
fn shown(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Float(f) => crate::yaml_scalar::number_value(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "WAAR" } else { "ONWAAR" }.to_string(),
        Data::DateTime(dt) => dt.as_datetime().map_or_else(
            || dt.as_f64().to_string(),
            |d| d.format("%Y-%m-%d").to_string(),
        ),
        Data::Error(e) => format!("{e}"),
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The value of a cell as a number, or why not.
fn number(d: &Data) -> Result<Option<f64>, (String, String)> {
    match d {
        Data::Empty => Ok(None),
        Data::Float(f) if f.is_finite() => Ok(Some(*f)),
        Data::Int(i) => Ok(Some(*i as f64)),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => {
            let t = s.trim();
            let comma = {
                let (whole, frac) = t.split_once(',').unwrap_or(("", ""));
                let w = whole.strip_prefix('-').unwrap_or(whole);
                !w.is_empty()
                    && w.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && !frac.is_empty()
                    && frac.chars().all(|c| c.is_ascii_digit())
            };
            let hint = if comma {
                format!(
                    "typ het getal opnieuw zonder aanhalingsteken of apostrof ervoor: in een Nederlands ingestelde spreadsheet {t}, anders {}",
                    t.replace('.', "").replace(',', ".")
                )
            } else if t.parse::<f64>().is_ok() {
                "typ het getal opnieuw zonder aanhalingsteken of apostrof ervoor, zodat de spreadsheet er een getal van maakt".into()
            } else {
                "typ alleen een getal, zoals 34 of 12,5; een toelichting hoort in de kolom Toelichting".into()
            };
            Err((format!("'{t}' is tekst, geen getal"), hint))
        }
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Err((
            format!("'{}' is een datum of tijd, geen getal", shown(d)),
            "typ het cijfer als gewoon getal; zet de celopmaak zo nodig terug op 'Standaard'"
                .into(),
        )),
        Data::Bool(_) => Err((
            format!("'{}' is geen getal", shown(d)),
            "typ het cijfer als getal, zoals 34 of 12,5".into(),
        )),
        other => Err((
            format!("de cel geeft een fout ({})", shown(other)),
            "typ het cijfer zelf in, zonder formule".into(),
        )),
    }
}

impl Reading<'_> {
    /// What the data file held for (sheet, id, field) when the sheet was
    /// made, if the sheet records it.
    fn base(&self, sheet: &str, id: &str, field: &str) -> Option<String> {
        self.record
            .as_ref()?
            .get(&(sheet.to_string(), id.to_string(), field.to_string()))
            .cloned()
    }

    /// Take a filled-in value. `prefilled`: the cell showed the recorded
    /// value when the sheet was made, so the same value there is a cell
    /// left as it was, not one filled in.
    fn take(&mut self, update: Update, cell: String, base: Option<String>, prefilled: bool) {
        if prefilled && base.as_deref() == Some(update.written().as_str()) {
            return;
        }
        self.updates.push(Filled { update, cell, base });
    }

    fn problem(&mut self, sheet: &str, cell: &str, message: String, hint: Option<String>) {
        self.problems.push(CellProblem {
            sheet: sheet.to_string(),
            cell: cell.to_string(),
            message,
            hint,
        });
    }

    /// Landsdeel and year on "Uitleg" must be those of the data file.
    fn identity(&mut self, range: &Range) {
        let year = self.data.rapport.verslagjaar;
        let landsdeel = self.data.rapport.landsdeel.clone();
        let (_, end) = (range.start(), range.end());
        let last = end.map_or(0, |e| e.0);
        let mut found = (false, false);
        for row in 0..=last {
            let label = shown(get(range, row, 0));
            let value = get(range, row, 1);
            let cell = cell_name(row, 1);
            if label == LABEL_LANDSDEEL {
                found.0 = true;
                let v = shown(value);
                if !v.eq_ignore_ascii_case(&landsdeel) {
                    self.problem(
                        SHEET_EXPLANATION,
                        &cell,
                        format!(
                            "dit invulblad hoort bij landsdeel {v}, het gegevensbestand bij landsdeel {landsdeel}"
                        ),
                        Some("lees het blad in bij het gegevensbestand waarvoor het gemaakt is, of maak een nieuw blad met 'techniekpact invulblad'".into()),
                    );
                }
            } else if label == LABEL_YEAR {
                found.1 = true;
                let v = shown(value);
                if v != year.to_string() {
                    self.problem(
                        SHEET_EXPLANATION,
                        &cell,
                        format!("dit invulblad is van verslagjaar {v}, het gegevensbestand van {year}"),
                        Some(format!(
                            "maak een invulblad voor {year} met 'techniekpact invulblad' uit het gegevensbestand van {year}"
                        )),
                    );
                }
            }
        }
        if !(found.0 && found.1) {
            self.problem(
                SHEET_EXPLANATION,
                "",
                format!("op dit blad ontbreken '{LABEL_LANDSDEEL}' en '{LABEL_YEAR}' in kolom A"),
                Some("lees een invulblad in zoals 'techniekpact invulblad' het maakte".into()),
            );
        }
    }

    /// The columns of a sheet by header, with a problem for each missing one.
    fn columns(&mut self, sheet: &str, range: &Range, wanted: &[String]) -> Option<Vec<u32>> {
        let last = range.end().map_or(0, |e| e.1);
        let headers: Vec<String> = (0..=last).map(|c| shown(get(range, 0, c))).collect();
        let mut out = Vec::new();
        for name in wanted {
            match headers.iter().position(|h| h == name) {
                Some(c) => out.push(c as u32),
                None => {
                    let hint = did_you_mean(name, &headers)
                        .map(|h| format!("de kolom heet nu '{h}'; zet de kop terug op '{name}'"))
                        .unwrap_or_else(|| {
                            format!("zet de kolom '{name}' terug, met die kop in rij 1")
                        });
                    self.problem(
                        sheet,
                        "",
                        format!("de kolom '{name}' ontbreekt"),
                        Some(hint),
                    );
                }
            }
        }
        (out.len() == wanted.len()).then_some(out)
    }

    /// The data rows of a sheet with the entry each names, checking ids.
    fn rows(
        &mut self,
        sheet: &str,
        range: &Range,
        id_col: u32,
        inputs: &[u32],
        known: &[(String, String)],
        what: &str,
    ) -> Vec<(u32, String, String)> {
        let last = range.end().map_or(0, |e| e.0);
        let ids: Vec<String> = known.iter().map(|(id, _)| id.clone()).collect();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut out = Vec::new();
        for row in 1..=last {
            let id = shown(get(range, row, id_col));
            let filled = inputs.iter().any(|c| !is_blank(get(range, row, *c)));
            let cell = cell_name(row, id_col);
            if id.is_empty() {
                if filled {
                    self.problem(sheet, &cell, "deze rij is ingevuld maar heeft geen id".into(), Some(
                        "zet de id terug die hier stond; nieuwe rijen voegt het secretariaat toe in het gegevensbestand".into(),
                    ));
                }
                continue;
            }
            let Some((_, entry)) = known.iter().find(|(k, _)| *k == id) else {
                let hint = match did_you_mean(&id, &ids) {
                    Some(close) => format!("bedoelt u '{close}'? Verander de id's niet: daarmee vindt het secretariaat de rij terug"),
                    None => "verander de id's niet: daarmee vindt het secretariaat de rij terug; nieuwe rijen voegt het secretariaat toe in het gegevensbestand".into(),
                };
                self.problem(
                    sheet,
                    &cell,
                    format!("het gegevensbestand heeft geen {what} '{id}'"),
                    Some(hint),
                );
                continue;
            };
            if let Some(first) = seen.insert(id.clone(), row) {
                self.problem(
                    sheet,
                    &cell,
                    format!("{what} '{id}' staat twee keer op het blad"),
                    Some(format!(
                        "de eerste staat in rij {}; verwijder een van beide",
                        first + 1
                    )),
                );
                continue;
            }
            out.push((row, id, entry.clone()));
        }
        out
    }

    /// The text in a cell, or `None` when it is blank.
    fn text_in(range: &Range, row: u32, col: u32) -> Option<String> {
        let d = get(range, row, col);
        if is_blank(d) {
            return None;
        }
        Some(match d {
            Data::String(s) => s.replace("\r\n", "\n").trim_end().to_string(),
            other => shown(other),
        })
    }

    fn text(&mut self, sheet: &str, range: &Range, (row, col): (u32, u32), id: &str, entry: &str) {
        let Some(value) = Self::text_in(range, row, col) else {
            return;
        };
        let base = self.base(sheet, id, FIELD_TEXT);
        self.take(
            Update::Text {
                entry: entry.to_string(),
                value,
            },
            format!("{sheet}!{}", cell_name(row, col)),
            base,
            false,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn status<T: Copy>(
        &mut self,
        sheet: &str,
        range: &Range,
        (row, col): (u32, u32),
        id: &str,
        entry: &str,
        all: &[T],
        word: fn(T) -> &'static str,
    ) {
        let d = get(range, row, col);
        if is_blank(d) {
            return;
        }
        let typed = shown(d);
        let norm = typed.trim().to_lowercase().replace('_', " ");
        let words: Vec<String> = all.iter().map(|s| word(*s).to_string()).collect();
        match words.iter().find(|w| **w == norm) {
            Some(w) => {
                let base = self.base(sheet, id, FIELD_STATUS);
                self.take(
                    Update::Status {
                        entry: entry.to_string(),
                        value: w.replace(' ', "_"),
                    },
                    format!("{sheet}!{}", cell_name(row, col)),
                    base,
                    false,
                );
            }
            None => {
                let list = words.join(", ");
                let hint = match did_you_mean(&norm, &words) {
                    Some(close) => format!("bedoelt u '{close}'? Toegestaan zijn: {list}"),
                    None => format!("kies uit de lijst: {list}"),
                };
                self.problem(
                    sheet,
                    &cell_name(row, col),
                    format!("onbekende status '{typed}'"),
                    Some(hint),
                );
            }
        }
    }

    fn indicators(&mut self, range: &Range) {
        let year = self.data.rapport.verslagjaar;
        let last_col = range.end().map_or(0, |e| e.1);
        let headers: Vec<String> = (0..=last_col).map(|c| shown(get(range, 0, c))).collect();
        // A sheet of an older version has the remark under 'Toelichting <jaar>'.
        let remark_header =
            if headers.contains(&col_remark(year)) || !headers.contains(&col_text(year)) {
                col_remark(year)
            } else {
                col_text(year)
            };
        let wanted = [COL_ID.to_string(), col_measurement(year), remark_header];
        let Some(cols) = self.columns(SHEET_INDICATORS, range, &wanted) else {
            return;
        };
        let parts: Vec<(String, u32)> = regions(self.data)
            .into_iter()
            .filter_map(|r| {
                let c = headers.iter().position(|h| *h == col_part(&r, year))?;
                Some((r, c as u32))
            })
            .collect();
        let known: Vec<(String, String)> = indicator_rows(self.data)
            .into_iter()
            .map(|r| (r.item.id.clone(), r.pointer))
            .collect();
        let mut inputs = cols[1..].to_vec();
        inputs.extend(parts.iter().map(|(_, c)| *c));
        for (row, id, entry) in self.rows(
            SHEET_INDICATORS,
            range,
            cols[0],
            &inputs,
            &known,
            "indicator",
        ) {
            let Some(ind) = self.data.indicatoren().find(|i| i.id == id) else {
                continue;
            };
            let cell = |c: u32| format!("{SHEET_INDICATORS}!{}", cell_name(row, c));
            let total = match number(get(range, row, cols[1])) {
                Ok(Some(value)) => {
                    let base = self.base(SHEET_INDICATORS, &id, FIELD_MEASUREMENT);
                    self.take(
                        Update::Measurement {
                            entry: entry.clone(),
                            year,
                            value,
                        },
                        cell(cols[1]),
                        base,
                        true,
                    );
                    Some(value)
                }
                Ok(None) => ind.metingen.get(&year).copied(),
                Err((message, hint)) => {
                    self.problem(
                        SHEET_INDICATORS,
                        &cell_name(row, cols[1]),
                        message,
                        Some(hint),
                    );
                    None
                }
            };
            let mut sum = Some(0.0);
            for (region, c) in &parts {
                let Some(years) = ind.uitsplitsing.get(region) else {
                    if !is_blank(get(range, row, *c)) {
                        self.problem(
                            SHEET_INDICATORS,
                            &cell_name(row, *c),
                            format!("indicator '{id}' heeft geen uitsplitsing naar {region}"),
                            Some(format!(
                                "laat de cel leeg; hoort er een deel voor {region} bij, dan voegt het secretariaat die regio toe aan de uitsplitsing in het gegevensbestand"
                            )),
                        );
                    }
                    continue;
                };
                let part = match number(get(range, row, *c)) {
                    Ok(Some(value)) => {
                        let base = self.base(SHEET_INDICATORS, &id, &field_part(region));
                        self.take(
                            Update::Part {
                                entry: entry.clone(),
                                region: region.clone(),
                                year,
                                value,
                            },
                            cell(*c),
                            base,
                            true,
                        );
                        Some(value)
                    }
                    Ok(None) => years.get(&year).copied(),
                    Err((message, hint)) => {
                        self.problem(SHEET_INDICATORS, &cell_name(row, *c), message, Some(hint));
                        None
                    }
                };
                sum = sum.zip(part).map(|(s, p)| s + p);
            }
            // Parts that are all there must add up to the total.
            let with_parts = parts.iter().any(|(r, _)| ind.uitsplitsing.contains_key(r));
            if let (true, Some(sum), Some(total)) = (with_parts, sum, total) {
                let tolerance = 0.5 * 10f64.powi(-i32::from(ind.decimalen)) + 1e-9;
                if (sum - total).abs() > tolerance {
                    let first = parts
                        .iter()
                        .find(|(r, _)| ind.uitsplitsing.contains_key(r))
                        .map_or(cols[1], |(_, c)| *c);
                    self.problem(
                        SHEET_INDICATORS,
                        &cell_name(row, first),
                        format!(
                            "de delen van de uitsplitsing tellen op tot {}, maar het totaal in {} is {}",
                            crate::format_nl::number_plain(sum),
                            cell_name(row, cols[1]),
                            crate::format_nl::number_plain(total)
                        ),
                        Some(format!(
                            "typ in '{}' het totaal van alle regio's en in de regiokolommen het deel van elke regio; heeft u alleen het cijfer van uw eigen regio, laat het totaal dan staan zoals het was",
                            col_measurement(year)
                        )),
                    );
                }
            }
            if let Some(value) = Self::text_in(range, row, cols[2]) {
                let base = self.base(SHEET_INDICATORS, &id, FIELD_REMARK);
                self.take(
                    Update::Remark {
                        entry: entry.clone(),
                        year,
                        value,
                    },
                    cell(cols[2]),
                    base,
                    false,
                );
            }
        }
    }

    fn actions(&mut self, range: &Range) {
        let year = self.data.rapport.verslagjaar;
        let wanted = [
            COL_ID.to_string(),
            col_status(year),
            COL_DEADLINE.to_string(),
            col_text(year),
        ];
        let Some(cols) = self.columns(SHEET_ACTIONS, range, &wanted) else {
            return;
        };
        let known: Vec<(String, String)> = action_rows(self.data)
            .into_iter()
            .map(|r| (r.item.id.clone(), r.pointer))
            .collect();
        for (row, id, entry) in
            self.rows(SHEET_ACTIONS, range, cols[0], &cols[1..], &known, "actie")
        {
            self.status(
                SHEET_ACTIONS,
                range,
                (row, cols[1]),
                &id,
                &entry,
                &ActieStatus::ALL,
                action_status_word,
            );
            self.deadline(range, row, cols[2], &id, &entry);
            self.text(SHEET_ACTIONS, range, (row, cols[3]), &id, &entry);
        }
    }

    fn deadline(&mut self, range: &Range, row: u32, col: u32, id: &str, entry: &str) {
        let d = get(range, row, col);
        if is_blank(d) {
            return;
        }
        let year = self.data.rapport.verslagjaar;
        let parsed = match d {
            Data::DateTime(dt) => dt.as_datetime().map(|t| Gereed::Datum(t.date())),
            Data::DateTimeIso(s) => {
                chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
                    .ok()
                    .map(Gereed::Datum)
            }
            Data::Float(f) if f.fract() == 0.0 && (1950.0..=2100.0).contains(f) => {
                Some(Gereed::Jaar(*f as i32))
            }
            Data::Int(i) if (1950..=2100).contains(i) => Some(Gereed::Jaar(*i as i32)),
            Data::String(s) => {
                let t = s.trim();
                if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
                    t.parse()
                        .ok()
                        .filter(|y| (1950..=2100).contains(y))
                        .map(Gereed::Jaar)
                } else {
                    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .ok()
                        .map(Gereed::Datum)
                }
            }
            _ => None,
        };
        match parsed {
            Some(value) => {
                let base = self.base(SHEET_ACTIONS, id, FIELD_DEADLINE);
                self.take(
                    Update::Deadline {
                        entry: entry.to_string(),
                        value,
                    },
                    format!("{SHEET_ACTIONS}!{}", cell_name(row, col)),
                    base,
                    true,
                );
            }
            None => self.problem(
                SHEET_ACTIONS,
                &cell_name(row, col),
                format!("'{}' is geen datum en geen jaartal", shown(d)),
                Some(format!(
                    "schrijf een datum als JJJJ-MM-DD ({}-06-30) of een jaartal ({})",
                    year + 1,
                    year + 1
                )),
            ),
        }
    }

    fn proposals(&mut self, range: &Range) {
        let year = self.data.rapport.verslagjaar;
        let wanted = [COL_ID.to_string(), col_status(year), col_text(year)];
        let Some(cols) = self.columns(SHEET_PROPOSALS, range, &wanted) else {
            return;
        };
        let known: Vec<(String, String)> = proposal_rows(self.data)
            .into_iter()
            .map(|r| (r.item.id.clone(), r.pointer))
            .collect();
        for (row, id, entry) in self.rows(
            SHEET_PROPOSALS,
            range,
            cols[0],
            &cols[1..],
            &known,
            "doe-voorstel",
        ) {
            self.status(
                SHEET_PROPOSALS,
                range,
                (row, cols[1]),
                &id,
                &entry,
                &DoeStatus::ALL,
                proposal_status_word,
            );
            self.text(SHEET_PROPOSALS, range, (row, cols[2]), &id, &entry);
        }
    }
}

#[cfg(test)]
mod tests {
    //! The reader on small sheets made here, without `invulblad` and
    //! `inlezen` around it: what a cell gives, and where a problem is named.

    use super::*;
    use rust_xlsxwriter::Workbook;

    fn example() -> Voortgang {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
        crate::load::load(&path, crate::load::LoadOptions::default())
            .expect("the example is valid")
            .data
    }

    /// A sheet with the columns the reader needs and `cell` in the
    /// indicator row of `schoolbesturen-betapunt`'s measurement; read.
    fn read_with(
        cell: impl Fn(&mut rust_xlsxwriter::Worksheet),
    ) -> Result<Vec<Filled>, SheetProblems> {
        let mut book = Workbook::new();
        let ws = book.add_worksheet().set_name(SHEET_EXPLANATION).unwrap();
        ws.write(2, 0, LABEL_LANDSDEEL).unwrap();
        ws.write(2, 1, "Noord").unwrap();
        ws.write(3, 0, LABEL_YEAR).unwrap();
        ws.write(3, 1, 2016).unwrap();
        let ws = book.add_worksheet().set_name(SHEET_INDICATORS).unwrap();
        for (c, h) in [COL_ID.to_string(), col_measurement(2016), col_remark(2016)]
            .iter()
            .enumerate()
        {
            ws.write(0, c as u16, h).unwrap();
        }
        ws.write(1, 0, "schoolbesturen-betapunt").unwrap();
        cell(ws);
        let ws = book.add_worksheet().set_name(SHEET_ACTIONS).unwrap();
        for (c, h) in [
            COL_ID.to_string(),
            col_status(2016),
            COL_DEADLINE.to_string(),
            col_text(2016),
        ]
        .iter()
        .enumerate()
        {
            ws.write(0, c as u16, h).unwrap();
        }
        let ws = book.add_worksheet().set_name(SHEET_PROPOSALS).unwrap();
        for (c, h) in [COL_ID.to_string(), col_status(2016), col_text(2016)]
            .iter()
            .enumerate()
        {
            ws.write(0, c as u16, h).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blad.xlsx");
        book.save(&path).unwrap();
        read(&path, &example())
    }

    #[test]
    fn a_number_in_the_measurement_cell_is_the_figure_named_by_its_cell() {
        let filled = read_with(|ws| {
            ws.write(1, 1, 41.5).unwrap();
        })
        .unwrap();
        assert_eq!(filled.len(), 1);
        assert_eq!(filled[0].cell, "Indicatoren!B2");
        assert!(
            matches!(filled[0].update, Update::Measurement { value, year: 2016, .. } if value == 41.5)
        );
        assert_eq!(filled[0].base, None, "a sheet without its record");
    }

    #[test]
    fn a_number_typed_as_text_is_named_at_its_cell_with_both_readings() {
        let problems = read_with(|ws| {
            ws.write(1, 1, "41,5").unwrap();
        })
        .unwrap_err();
        assert_eq!(problems.problems.len(), 1);
        let p = &problems.problems[0];
        assert_eq!(
            (p.sheet.as_str(), p.cell.as_str()),
            (SHEET_INDICATORS, "B2")
        );
        assert_eq!(p.message, "'41,5' is tekst, geen getal");
        assert!(
            p.hint.as_deref().unwrap().contains("anders 41.5"),
            "{:?}",
            p.hint
        );
    }

    #[test]
    fn a_remark_of_the_year_is_read_as_the_remark() {
        let filled = read_with(|ws| {
            ws.write(1, 2, "Voorlopig cijfer.").unwrap();
        })
        .unwrap();
        assert!(
            matches!(&filled[0].update, Update::Remark { year: 2016, value, .. } if value == "Voorlopig cijfer.")
        );
        assert_eq!(filled[0].cell, "Indicatoren!C2");
    }
}
