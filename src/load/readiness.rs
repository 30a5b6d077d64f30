//! The publication check: whether a report is ready to go out. A report
//! marked `definitief` is refused while it still holds the `# CONTROLEREN`
//! lines that `nieuw-jaar` (or `begin`) wrote; and any report gets warnings
//! for what a reader would take for this year's news but is not: an
//! indicator without a measurement for the report year, an action whose
//! deadline has passed and that is not done, a publication date inside the
//! report year. A concept gets every point as a warning; `--strikt` makes
//! them errors like any warning.

use chrono::Datelike;
use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::load::doc::{Doc, acties, indicatoren};

/// The marker `nieuw-jaar` and `begin` put above every value to review.
pub const REVIEW: &str = "CONTROLEREN";

/// Every point that stands between the file and publication.
/// With `allow_markers`, review markers are warnings even in a final report.
pub fn check(doc: &Doc, allow_markers: bool) -> Vec<Diagnostic> {
    let Some(year) = doc
        .value
        .pointer("/rapport/verslagjaar")
        .and_then(Value::as_i64)
    else {
        return Vec::new();
    };
    let definitief =
        doc.value.pointer("/rapport/status").and_then(Value::as_str) == Some("definitief");
    let mut out = review_markers(doc.text, definitief && !allow_markers);
    out.extend(missing_measurements(doc, year));
    out.extend(overdue_actions(doc, year));
    out.extend(early_publication(doc, year));
    for d in &mut out {
        d.review = true;
    }
    out
}

/// The line range of the `# CONTROLEREN` comment line directly above the
/// key at `pointer` (with its line break), when there is one.
pub fn marker_above(
    text: &str,
    index: &crate::load::PositionIndex,
    pointer: &str,
) -> Option<std::ops::Range<usize>> {
    let key = index.get(pointer)?.key.clone()?;
    let start = crate::text_position::line_start(text, key.start);
    if start == 0 {
        return None;
    }
    let above = crate::text_position::line_start(text, start - 1);
    is_marker(&text[above..start]).then_some(above..start)
}

/// Whether the line above the key at `pointer` is a review marker.
fn marked(doc: &Doc, pointer: &str) -> bool {
    marker_above(doc.text, doc.index, pointer).is_some()
}

/// Whether `line` is a `# CONTROLEREN` comment line.
pub fn is_marker(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('#')
        .is_some_and(|rest| rest.trim_start().starts_with(REVIEW))
}

/// The byte spans of the `# CONTROLEREN` comment lines, without indentation.
pub fn marker_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if is_marker(trimmed) {
            let at = start + (body.len() - trimmed.len());
            out.push(at..start + body.len());
        }
        start += line.len();
    }
    out
}

fn review_markers(text: &str, definitief: bool) -> Vec<Diagnostic> {
    marker_lines(text)
        .into_iter()
        .map(|span| {
            let what = text[span.clone()]
                .trim_start_matches('#')
                .trim()
                .to_string();
            if definitief {
                Diagnostic::error(format!(
                    "het rapport is definitief, maar dit is nog niet gecontroleerd: '{what}'"
                ))
                .at(span)
                .label("nog te controleren")
                .hint("werk de waarde onder deze regel bij en haal daarna de regel weg; of zet rapport.status op concept zolang het rapport niet klaar is")
            } else {
                Diagnostic::warning(format!("nog te controleren: '{what}'"))
                    .at(span)
                    .label("nog te controleren")
                    .hint("werk de waarde onder deze regel bij en haal daarna de regel weg; een definitief rapport kan pas als alle regels weg zijn")
            }
        })
        .collect()
}

fn missing_measurements(doc: &Doc, year: i64) -> Vec<Diagnostic> {
    indicatoren(doc)
        .into_iter()
        .filter_map(|(p, v)| {
            let has = v
                .get("metingen")
                .and_then(Value::as_object)
                .is_some_and(|m| m.contains_key(&year.to_string()));
            // A review marker above 'metingen' already names this point.
            if has || marked(doc, &format!("{p}/metingen")) {
                return None;
            }
            let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
            let at = if doc.index.contains(&format!("{p}/metingen")) {
                doc.index.key(&format!("{p}/metingen"))
            } else {
                doc.index.value(&format!("{p}/id"))
            };
            Some(
                Diagnostic::warning(format!(
                    "indicator '{id}' heeft geen meting over {year}"
                ))
                .at_opt(at)
                .label(format!("geen meting over {year}"))
                .hint(format!(
                    "voeg onder 'metingen' de regel '{year}: <waarde>' toe; zonder meting toont het rapport 'geen meting' met de laatste eerdere meting"
                )),
            )
        })
        .collect()
}

/// The last day of a `gereed` value: a date, or the 31st of December of a year.
fn deadline(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::Number(n) => {
            chrono::NaiveDate::from_ymd_opt(i32::try_from(n.as_i64()?).ok()?, 12, 31)
        }
        Value::String(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        _ => None,
    }
}

fn year_end(year: i64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 12, 31)
}

fn overdue_actions(doc: &Doc, year: i64) -> Vec<Diagnostic> {
    let Some(end) = year_end(year) else {
        return Vec::new();
    };
    acties(doc)
        .into_iter()
        .filter_map(|(p, v)| {
            let status = v.get("status").and_then(Value::as_str)?;
            // Done, or deliberately ended: nothing left to report.
            if matches!(status, "afgerond" | "gestopt") {
                return None;
            }
            let gereed = v.get("gereed")?;
            let due = deadline(gereed)?;
            if due > end {
                return None;
            }
            let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
            let when = match gereed {
                Value::String(_) => {
                    let month = crate::format_nl::MONTHS[due.month0() as usize];
                    format!("op {} {month} {}", due.day(), due.year())
                }
                _ => format!("in {}", due.year()),
            };
            let hint = if status == "vertraagd" {
                format!(
                    "de actie staat al op 'vertraagd': geef bij 'gereed' de datum waarop ze nu klaar moet zijn (na {year}), of zet de status op afgerond of gestopt als dat zo is"
                )
            } else {
                format!(
                    "zet de status op afgerond, vertraagd of gestopt; loopt de actie door, geef dan bij 'gereed' een nieuwe datum na {year}"
                )
            };
            Some(
                Diagnostic::warning(format!(
                    "actie '{id}' moest {when} gereed zijn, maar staat op '{status}'"
                ))
                .at_opt(doc.index.value(&format!("{p}/gereed")))
                .label("termijn verstreken")
                .hint(hint),
            )
        })
        .collect()
}

fn early_publication(doc: &Doc, year: i64) -> Vec<Diagnostic> {
    let p = "/rapport/publicatiedatum";
    let Some(date) = doc
        .value
        .pointer(p)
        .and_then(Value::as_str)
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    else {
        return Vec::new();
    };
    let Some(end) = year_end(year) else {
        return Vec::new();
    };
    if date > end {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(format!(
            "de publicatiedatum {} ligt in het verslagjaar {year} zelf",
            date.format("%Y-%m-%d")
        ))
        .at_opt(doc.index.value(p))
        .label("voor het einde van het verslagjaar")
        .hint(format!(
            "een rapport over {year} verschijnt na afloop van het jaar, bijvoorbeeld {}-03-15",
            year + 1
        )),
    ]
}

#[cfg(test)]
mod tests {
    use super::marker_lines;

    #[test]
    fn marker_lines_are_comment_lines_that_start_with_the_marker() {
        let text = "a: 1\n  # CONTROLEREN voor 2017: status\n  b: 2 # CONTROLEREN niet\n# - regels met '# CONTROLEREN'\n#CONTROLEREN x\n";
        let spans = marker_lines(text);
        let found: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(found, ["# CONTROLEREN voor 2017: status", "#CONTROLEREN x"]);
    }
}
