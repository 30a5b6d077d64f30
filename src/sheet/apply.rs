//! Writes the updates of an invulblad into the data file as text edits
//! ([`crate::yaml_edit`]): a value that differs is replaced where it stands,
//! a missing key is added under the entry's `naam`, a new measurement goes
//! after the last one; comments, order and layout stay. The
//! `# CONTROLEREN` line above every key a partner filled in is removed.
//! A value that is already in the file changes nothing, so the same sheet
//! read twice gives the same file.

use serde_json::Value;

use super::read::Update;
use crate::load::Loaded;
use crate::model::Gereed;
use crate::yaml_edit::{
    self, Edit, indent_of, line_end, number_value, review_line_above, text_value, value_range,
};

/// The new text of the data file and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Values written (different from what the file had).
    pub values: usize,
    /// Review markers removed.
    pub markers: usize,
}

/// The data file with `updates` written in, or why an update cannot be
/// placed (an entry written in the short `{...}` form).
pub fn apply(loaded: &Loaded, updates: &[Update]) -> Result<Applied, Vec<String>> {
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
    problems: Vec<String>,
    values: usize,
    markers: Vec<std::ops::Range<usize>>,
}

impl Writer<'_> {
    fn update(&mut self, u: &Update) {
        let entry = u.entry();
        if self.is_flow(entry) {
            let id = self
                .value
                .pointer(&format!("{entry}/id"))
                .and_then(Value::as_str)
                .unwrap_or("?");
            self.problems.push(format!(
                "'{id}' staat in het gegevensbestand in de korte schrijfwijze {{...}}; schrijf het over meer regels uit (een sleutel per regel) en lees het blad opnieuw in"
            ));
            return;
        }
        match u {
            Update::Measurement { entry, year, value } => {
                self.marker(&format!("{entry}/metingen"));
                let current = self
                    .value
                    .pointer(&format!("{entry}/metingen/{year}"))
                    .and_then(Value::as_f64);
                if current != Some(*value) {
                    self.values += 1;
                    self.measurement(entry, *year, *value);
                }
            }
            Update::Status { entry, value } => {
                let pointer = format!("{entry}/status");
                self.marker(&pointer);
                if self.value.pointer(&pointer).and_then(Value::as_str) != Some(value) {
                    self.set(entry, "status", value.clone());
                }
            }
            Update::Deadline { entry, value } => {
                let pointer = format!("{entry}/gereed");
                self.marker(&pointer);
                let written = match value {
                    Gereed::Jaar(y) => y.to_string(),
                    Gereed::Datum(d) => d.format("%Y-%m-%d").to_string(),
                };
                let current = self.value.pointer(&pointer).map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                if current.as_deref() != Some(written.as_str()) {
                    self.set(entry, "gereed", written);
                }
            }
            Update::Text { entry, value } => {
                let pointer = format!("{entry}/toelichting");
                self.marker(&pointer);
                let current = self.value.pointer(&pointer).and_then(Value::as_str);
                if current.map(str::trim_end) != Some(value.trim_end()) {
                    let indent = self.key_indent(entry, "toelichting");
                    self.set(entry, "toelichting", text_value(value, &indent));
                }
            }
        }
    }

    /// Whether the entry is written as `{id: ..., naam: ...}`.
    fn is_flow(&self, entry: &str) -> bool {
        self.loaded
            .index
            .get(entry)
            .is_some_and(|n| self.text[n.value.start..].starts_with('{'))
    }

    fn marker(&mut self, pointer: &str) {
        if let Some(r) = review_line_above(self.text, &self.loaded.index, pointer) {
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

    fn measurement(&mut self, entry: &str, year: i32, value: f64) {
        let index = &self.loaded.index;
        let map = format!("{entry}/metingen");
        let year_pointer = format!("{map}/{year}");
        let v = number_value(value);
        if let Some(range) = value_range(self.text, index, &year_pointer) {
            self.edits.push(Edit::replace(range, v));
            return;
        }
        let Some(node) = index.get(&map) else {
            let indent = self.key_indent(entry, "metingen");
            let at = self.after_name(entry);
            self.edits.push(Edit::insert(
                at,
                format!("\n{indent}metingen:\n{indent}  {year}: {v}"),
            ));
            return;
        };
        let years: Vec<String> = self
            .value
            .pointer(&map)
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
