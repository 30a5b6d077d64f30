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
}

impl Update {
    pub fn entry(&self) -> &str {
        match self {
            Update::Measurement { entry, .. }
            | Update::Status { entry, .. }
            | Update::Deadline { entry, .. }
            | Update::Text { entry, .. } => entry,
        }
    }
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

/// The updates of a filled-in invulblad for `data`, or every problem.
pub fn read(path: &Path, data: &Voortgang) -> Result<Vec<Update>, SheetProblems> {
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
    let mut r = Reading {
        data,
        problems: Vec::new(),
        updates: Vec::new(),
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
    updates: Vec<Update>,
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
        Data::Float(f) => crate::yaml_edit::number_value(*f),
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
    ) -> Vec<(u32, String)> {
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
            out.push((row, entry.clone()));
        }
        out
    }

    fn text(&mut self, range: &Range, row: u32, col: u32, entry: &str) {
        let d = get(range, row, col);
        if is_blank(d) {
            return;
        }
        let value = match d {
            Data::String(s) => s.replace("\r\n", "\n").trim_end().to_string(),
            other => shown(other),
        };
        self.updates.push(Update::Text {
            entry: entry.to_string(),
            value,
        });
    }

    fn status<T: Copy>(
        &mut self,
        sheet: &str,
        range: &Range,
        (row, col): (u32, u32),
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
            Some(w) => self.updates.push(Update::Status {
                entry: entry.to_string(),
                value: w.replace(' ', "_"),
            }),
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
        let wanted = [COL_ID.to_string(), col_measurement(year), col_text(year)];
        let Some(cols) = self.columns(SHEET_INDICATORS, range, &wanted) else {
            return;
        };
        let known: Vec<(String, String)> = indicator_rows(self.data)
            .into_iter()
            .map(|r| (r.item.id.clone(), r.pointer))
            .collect();
        for (row, entry) in self.rows(
            SHEET_INDICATORS,
            range,
            cols[0],
            &cols[1..],
            &known,
            "indicator",
        ) {
            match number(get(range, row, cols[1])) {
                Ok(Some(value)) => self.updates.push(Update::Measurement {
                    entry: entry.clone(),
                    year,
                    value,
                }),
                Ok(None) => {}
                Err((message, hint)) => {
                    self.problem(
                        SHEET_INDICATORS,
                        &cell_name(row, cols[1]),
                        message,
                        Some(hint),
                    );
                }
            }
            self.text(range, row, cols[2], &entry);
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
        for (row, entry) in self.rows(SHEET_ACTIONS, range, cols[0], &cols[1..], &known, "actie") {
            self.status(
                SHEET_ACTIONS,
                range,
                (row, cols[1]),
                &entry,
                &ActieStatus::ALL,
                action_status_word,
            );
            self.deadline(range, row, cols[2], &entry);
            self.text(range, row, cols[3], &entry);
        }
    }

    fn deadline(&mut self, range: &Range, row: u32, col: u32, entry: &str) {
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
            Some(value) => self.updates.push(Update::Deadline {
                entry: entry.to_string(),
                value,
            }),
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
        for (row, entry) in self.rows(
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
                &entry,
                &DoeStatus::ALL,
                proposal_status_word,
            );
            self.text(range, row, cols[2], &entry);
        }
    }
}
