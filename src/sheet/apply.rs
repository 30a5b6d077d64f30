//! Writes the updates of an invulblad into the data file as text edits
//! ([`crate::yaml_edit`]): a value that differs is replaced where it stands,
//! a missing key is added under the entry's `naam`, a new measurement goes
//! after the last one; comments, order and layout stay. The
//! `# CONTROLEREN` line above every key a partner filled in is removed.
//! A value that is already in the file changes nothing, so the same sheet
//! read twice gives the same file.
//!
//! Three ways: a value the partner filled in is written only where the
//! data file still holds what it held when the sheet was made. Where the
//! file changed since (by hand, or by another partner's sheet) to another
//! value than the partner's, that is a conflict: nothing is written, and
//! the message names both values and where each came from.

use serde_json::Value;

use super::read::{Filled, Update};
use crate::load::Loaded;
use crate::load::positions::escape_segment;
use crate::load::readiness::marker_above;
use crate::yaml_edit::{self, Edit, indent_of, line_end, value_range};
use crate::yaml_scalar::{number_value, text_value};

/// The new text of the data file and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Values written (different from what the file had).
    pub values: usize,
    /// Review markers removed.
    pub markers: usize,
}

/// Why the values of a sheet cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

/// The data file with the filled-in values written in, or every reason
/// why not (a conflict, an entry written in the short `{...}` form).
pub fn apply(loaded: &Loaded, updates: &[Filled]) -> Result<Applied, Vec<Problem>> {
    let mut w = Writer {
        text: &loaded.source.text,
        loaded,
        value: serde_json::to_value(&loaded.data).unwrap_or(Value::Null),
        edits: Vec::new(),
        problems: Vec::new(),
        values: 0,
        markers: Vec::new(),
    };
    for u in updates {
        w.update(u);
    }
    if !w.problems.is_empty() {
        return Err(w.problems);
    }
    w.markers.sort_unstable_by_key(|r| (r.start, r.end));
    w.markers.dedup();
    let markers = w.markers.len();
    let mut edits = w.edits;
    edits.extend(w.markers.into_iter().map(|r| Edit::replace(r, "")));
    Ok(Applied {
        text: yaml_edit::apply(&loaded.source.text, edits),
        values: w.values,
        markers,
    })
}

struct Writer<'a> {
    text: &'a str,
    loaded: &'a Loaded,
    /// The typed data as JSON, to compare with what the sheet says.
    value: Value,
    edits: Vec<Edit>,
    problems: Vec<Problem>,
    values: usize,
    markers: Vec<std::ops::Range<usize>>,
}

impl Writer<'_> {
    fn update(&mut self, filled: &Filled) {
        let u = &filled.update;
        let entry = u.entry();
        if self.is_flow(entry) {
            let id = self
                .value
                .pointer(&format!("{entry}/id"))
                .and_then(Value::as_str)
                .unwrap_or("?");
            self.problems.push(Problem {
                message: format!(
                    "'{id}' staat in het gegevensbestand in de korte schrijfwijze {{...}}"
                ),
                hint: Some("schrijf het over meer regels uit (een sleutel per regel) en lees het blad opnieuw in".into()),
            });
            return;
        }
        let (pointer, marker) = match u {
            Update::Measurement { entry, year, .. } => (
                format!("{entry}/metingen/{year}"),
                format!("{entry}/metingen"),
            ),
            Update::Part {
                entry,
                region,
                year,
                ..
            } => (
                format!("{entry}/uitsplitsing/{}/{year}", escape_segment(region)),
                format!("{entry}/uitsplitsing"),
            ),
            Update::Status { entry, .. } => (format!("{entry}/status"), format!("{entry}/status")),
            Update::Deadline { entry, .. } => {
                (format!("{entry}/gereed"), format!("{entry}/gereed"))
            }
            Update::Text { entry, .. } => (
                format!("{entry}/toelichting"),
                format!("{entry}/toelichting"),
            ),
            Update::Remark { entry, year, .. } => (
                format!("{entry}/opmerkingen/{year}"),
                format!("{entry}/opmerkingen"),
            ),
        };
        self.marker(&marker);
        let now = self.now(&pointer, u);
        let wanted = u.written();
        if now == wanted {
            return;
        }
        if let Some(base) = &filled.base
            && *base != now
        {
            self.conflict(filled, &pointer, &now, base);
            return;
        }
        match u {
            Update::Measurement { entry, year, value } => {
                self.values += 1;
                let map = format!("{entry}/metingen");
                self.year_value(entry, "metingen", &map, *year, number_value(*value));
            }
            Update::Part {
                entry,
                region,
                year,
                value,
            } => {
                self.values += 1;
                let map = format!("{entry}/uitsplitsing/{}", escape_segment(region));
                self.year_value(entry, "uitsplitsing", &map, *year, number_value(*value));
            }
            Update::Remark { entry, year, value } => {
                self.values += 1;
                let map = format!("{entry}/opmerkingen");
                let indent = match self.loaded.index.get(&map).and_then(|n| n.key.clone()) {
                    Some(k) => format!("{}  ", indent_of(self.text, k.start)),
                    None => format!("{}  ", self.key_indent(entry, "opmerkingen")),
                };
                self.year_value(
                    entry,
                    "opmerkingen",
                    &map,
                    *year,
                    text_value(value, &indent),
                );
            }
            Update::Status { entry, value } => self.set(entry, "status", value.clone()),
            Update::Deadline { entry, .. } => self.set(entry, "gereed", wanted),
            Update::Text { entry, value } => {
                let indent = self.key_indent(entry, "toelichting");
                self.set(entry, "toelichting", text_value(value, &indent));
            }
        }
    }

    /// The value at `pointer` in the data file now, written as the record
    /// writes it; empty when there is none.
    fn now(&self, pointer: &str, u: &Update) -> String {
        let v = self.value.pointer(pointer);
        match u {
            Update::Measurement { .. } | Update::Part { .. } => {
                super::write::record_number(v.and_then(Value::as_f64))
            }
            Update::Text { .. } | Update::Remark { .. } => {
                super::write::record_text(v.and_then(Value::as_str))
            }
            Update::Status { .. } | Update::Deadline { .. } => match v {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            },
        }
    }

    /// The partner's value and the file's both changed since the sheet was
    /// made.
    fn conflict(&mut self, filled: &Filled, pointer: &str, now: &str, base: &str) {
        let shown = |v: &str| {
            if v.is_empty() {
                "niets".to_string()
            } else {
                let one: String = v
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(60)
                    .collect();
                let more = if one.len() < v.len() { "…" } else { "" };
                format!("'{one}{more}'")
            }
        };
        let at = self
            .loaded
            .index
            .value(pointer)
            .map(|s| self.loaded.source.line_col(s.start))
            .map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
        self.problems.push(Problem {
            message: format!(
                "{}: het blad zegt {}, maar {}{at} zegt nu {} (toen het blad gemaakt werd: {}); beide zijn sindsdien veranderd, er is niets ingelezen",
                filled.cell,
                shown(&filled.update.written()),
                self.loaded.path.display(),
                shown(now),
                shown(base),
            ),
            hint: Some("kies welke waarde klopt: zet die in het gegevensbestand, of laat de partner de cel aanpassen, en lees het blad opnieuw in; vullen twee partners dezelfde indicator in, let dan op het verschil tussen het totaal en het deel van één regio (de kolommen van de uitsplitsing)".into()),
        });
    }

    /// Whether the entry is written as `{id: ..., naam: ...}`.
    fn is_flow(&self, entry: &str) -> bool {
        self.loaded
            .index
            .get(entry)
            .is_some_and(|n| self.text[n.value.start..].starts_with('{'))
    }

    fn marker(&mut self, pointer: &str) {
        if let Some(r) = marker_above(self.text, &self.loaded.index, pointer) {
            self.markers.push(r);
        }
    }

    /// The indentation of `key` in `entry`: of that key when it is there,
    /// else of the entry's `naam`.
    fn key_indent(&self, entry: &str, key: &str) -> String {
        let index = &self.loaded.index;
        let at = index
            .get(&format!("{entry}/{key}"))
            .or_else(|| index.get(&format!("{entry}/naam")))
            .and_then(|n| n.key.clone())
            .map_or(0, |k| k.start);
        indent_of(self.text, at)
    }

    /// Set `entry/key` to the YAML `written`: replace the value, or add the
    /// key under `naam`.
    fn set(&mut self, entry: &str, key: &str, written: String) {
        self.values += usize::from(key != "metingen");
        let pointer = format!("{entry}/{key}");
        if let Some(range) = value_range(self.text, &self.loaded.index, &pointer) {
            self.edits.push(Edit::replace(range, written));
        } else {
            let indent = self.key_indent(entry, key);
            let at = self.after_name(entry);
            self.edits
                .push(Edit::insert(at, format!("\n{indent}{key}: {written}")));
        }
    }

    /// The end of the last line of the entry's `naam` value.
    fn after_name(&self, entry: &str) -> usize {
        let pointer = format!("{entry}/naam");
        let end = value_range(self.text, &self.loaded.index, &pointer).map_or_else(
            || self.loaded.index.value(entry).map_or(0, |r| r.end),
            |r| r.end,
        );
        line_end(self.text, end)
    }

    /// Write `year: written` into the map at `map` (a key `key` of the
    /// entry, or a map under it): replace the year's value, or add it after
    /// the last year, or add the map.
    fn year_value(&mut self, entry: &str, key: &str, map: &str, year: i32, v: String) {
        let index = &self.loaded.index;
        let year_pointer = format!("{map}/{year}");
        if let Some(range) = value_range(self.text, index, &year_pointer) {
            self.edits.push(Edit::replace(range, v));
            return;
        }
        let Some(node) = index.get(map) else {
            let indent = self.key_indent(entry, key);
            let at = self.after_name(entry);
            self.edits.push(Edit::insert(
                at,
                format!("\n{indent}{key}:\n{indent}  {year}: {v}"),
            ));
            return;
        };
        let years: Vec<String> = self
            .value
            .pointer(map)
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        // The entry written last in the file.
        let last = years
            .iter()
            .filter_map(|y| {
                let p = format!("{map}/{y}");
                Some((
                    index.get(&p)?.key.clone()?,
                    value_range(self.text, index, &p)?,
                ))
            })
            .max_by_key(|(k, _)| k.start);
        let flow = self.text[node.value.start..].starts_with('{');
        match (flow, last) {
            (true, Some((_, value_at))) => {
                self.edits
                    .push(Edit::insert(value_at.end, format!(", {year}: {v}")));
            }
            (true, None) => {
                self.edits
                    .push(Edit::insert(node.value.start + 1, format!("{year}: {v}")));
            }
            (false, Some((key, value_at))) => {
                let indent = indent_of(self.text, key.start);
                self.edits.push(Edit::insert(
                    line_end(self.text, value_at.end),
                    format!("\n{indent}{year}: {v}"),
                ));
            }
            (false, None) => {
                let key = node.key.clone().map_or(0, |k| k.start);
                let indent = indent_of(self.text, key);
                self.edits.push(Edit::insert(
                    line_end(self.text, key),
                    format!("\n{indent}  {year}: {v}"),
                ));
            }
        }
    }
}
