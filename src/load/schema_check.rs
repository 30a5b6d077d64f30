//! Structural validation against the generated JSON Schema, with every
//! problem translated into a Dutch message at its source position.

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::positions::PositionIndex;
use crate::diagnostics::Diagnostic;
use crate::load::schema::Contract;
use crate::load::suggest::did_you_mean;

/// Every violation of `contract`'s schema in `value`, with positions from
/// `index`.
pub fn check(
    contract: &Contract,
    value: &Value,
    index: &PositionIndex,
    text: &str,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for err in contract.validator.iter_errors(value) {
        let pointer = err.instance_path().as_str().to_string();
        // A non-finite number was already reported by the position walk.
        if index.non_finite.contains(&pointer) {
            continue;
        }
        out.extend(translate(contract, &err, &pointer, value, index, text));
    }
    // One message per position and text, in source order.
    out.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    out.dedup_by(|a, b| a.message == b.message && a.span == b.span);
    out
}

/// Dutch name of a JSON type.
fn type_name(t: &str) -> &'static str {
    match t {
        "string" => "tekst",
        "integer" => "een geheel getal",
        "number" => "een getal",
        "boolean" => "ja of nee (true/false)",
        "array" => "een lijst (regels die met '-' beginnen)",
        "object" => "een map (sleutels met waarden)",
        "null" => "niets (leeg)",
        _ => "een andere waarde",
    }
}

/// Dutch description of a value that was found.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "een lege waarde".into(),
        Value::Bool(b) => format!("de ja/nee-waarde {b}"),
        Value::Number(n) => format!("het getal {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let dots = if s.chars().count() > 40 { "…" } else { "" };
            format!("de tekst '{short}{dots}'")
        }
        Value::Array(_) => "een lijst".into(),
        Value::Object(_) => "een map".into(),
    }
}

fn last_segment(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .next()
        .unwrap_or("")
        .replace("~1", "/")
        .replace("~0", "~")
}

/// Whether the value at `pointer`'s parent in `root` is a list, so that a
/// numeric last segment is a list position and not a key such as a year.
fn in_list(root: &Value, pointer: &str) -> bool {
    let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
    root.pointer(parent).is_some_and(Value::is_array)
}

fn field_name(pointer: &str, root: &Value) -> String {
    let seg = last_segment(pointer);
    if seg.is_empty() {
        "het document".into()
    } else if seg.chars().all(|c| c.is_ascii_digit()) && in_list(root, pointer) {
        format!(
            "element {} van de lijst",
            seg.parse::<usize>().unwrap_or(0) + 1
        )
    } else {
        format!("'{seg}'")
    }
}

/// "indicator 'x'" for an element of a known list that has an id, else the
/// generic field name.
fn object_name(pointer: &str, value: &Value, root: &Value) -> String {
    let mut segs = pointer.rsplit('/');
    let (Some(index), Some(list)) = (segs.next(), segs.next()) else {
        return field_name(pointer, root);
    };
    let kind = match list {
        "actielijnen" => "actielijn",
        "landsdelen" => "landsdeel",
        "onderdelen" => "onderdeel",
        "themas" => "thema",
        "indicatoren" => "indicator",
        "acties" => "actie",
        "doe_voorstellen" => "doe-voorstel",
        _ => return field_name(pointer, root),
    };
    match value.get("id").and_then(Value::as_str) {
        Some(id) => format!("{kind} '{id}'"),
        None => format!("{kind} {}", index.parse::<usize>().map_or(0, |i| i + 1)),
    }
}

/// An unknown key that is the decimals of a number written with a comma in
/// a flow mapping: `{jaar: 2020, waarde: 77,5}` reads as `waarde: 77` and a
/// key `5`. Returns the number as it was meant (`77.5`) and the span of
/// what was typed (`77,5`).
fn split_decimal(text: &str, key_at: usize) -> Option<(String, std::ops::Range<usize>)> {
    let before = text[..key_at].strip_suffix(',')?;
    let start = before
        .rfind(|c: char| !(c.is_ascii_digit() || c == '-'))
        .map_or(0, |i| i + 1);
    let whole = &before[start..];
    let end = key_at
        + text[key_at..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len() - key_at);
    super::figures::dutch_number(&format!("{whole},{}", &text[key_at..end]))
        .map(|(_, written)| (written, start..end))
}

fn translate(
    contract: &Contract,
    err: &ValidationError<'_>,
    pointer: &str,
    root: &Value,
    index: &PositionIndex,
    text: &str,
) -> Vec<Diagnostic> {
    let at = index.value(pointer);
    let found = describe(err.instance());
    let field = field_name(pointer, root);
    let d = match err.kind() {
        ValidationErrorKind::AdditionalProperties { .. }
            if contract.keys_by_pattern(err.schema_path().as_str()) =>
        {
            // Year keys: reported by the rule `validate::year_keys`.
            return Vec::new();
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            return unknown_keys(contract, err, unexpected, pointer, index, text);
        }
        ValidationErrorKind::Required { property } => {
            missing_key(err, property, pointer, root, index)
        }
        ValidationErrorKind::Type { kind } => wrong_type(err, kind, &field, at),
        ValidationErrorKind::Enum { options } => not_allowed(err, options, &field, at),
        ValidationErrorKind::Pattern { pattern } => bad_pattern(err, pattern, &field, at, root),
        ValidationErrorKind::Minimum { limit } => Diagnostic::error(format!(
            "{field} is te klein: {found}, het minimum is {limit}"
        ))
        .at_opt(at),
        ValidationErrorKind::Maximum { limit } => Diagnostic::error(format!(
            "{field} is te groot: {found}, het maximum is {limit}"
        ))
        .at_opt(at),
        ValidationErrorKind::ExclusiveMinimum { limit } => Diagnostic::error(format!(
            "{field} moet groter zijn dan {limit}, maar is {found}"
        ))
        .at_opt(at),
        ValidationErrorKind::ExclusiveMaximum { limit } => Diagnostic::error(format!(
            "{field} moet kleiner zijn dan {limit}, maar is {found}"
        ))
        .at_opt(at),
        ValidationErrorKind::MinItems { limit } => Diagnostic::error(format!(
            "{field} moet minstens {limit} element{} bevatten",
            if *limit == 1 { "" } else { "en" }
        ))
        .at_opt(index.key(pointer)),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
            if last_segment(pointer) == "gereed" {
                Diagnostic::error(format!(
                    "{field} moet een datum of een jaartal zijn, maar is {found}"
                ))
                .at_opt(at)
                .hint("schrijf een datum als JJJJ-MM-DD (2016-06-30) of een jaartal (2016)")
            } else {
                Diagnostic::error(format!("{field} heeft een ongeldige vorm: {found}")).at_opt(at)
            }
        }
        ValidationErrorKind::PropertyNames { .. } => Diagnostic::error(format!(
            "ongeldige sleutel in {}: {found}",
            field_name(pointer, root)
        ))
        .at_opt(at)
        .hint("de sleutels hier zijn jaartallen, bijvoorbeeld 2016"),
        other => Diagnostic::error(format!("{field} is ongeldig ({})", other.keyword())).at_opt(at),
    };
    vec![d]
}

/// Unknown keys, each with the key it was probably meant to be.
fn unknown_keys(
    contract: &Contract,
    err: &ValidationError<'_>,
    unexpected: &[String],
    pointer: &str,
    index: &PositionIndex,
    text: &str,
) -> Vec<Diagnostic> {
    let known = contract.properties_beside(err.schema_path().as_str());
    unexpected
        .iter()
        .map(|name| {
            let child = format!("{pointer}/{}", super::positions::escape_segment(name));
            let key_at = index.key(&child);
            if name.chars().all(|c| c.is_ascii_digit())
                && let Some((meant, typed)) =
                    key_at.as_ref().and_then(|r| split_decimal(text, r.start))
            {
                return Diagnostic::error(format!(
                    "'{}' wordt gelezen als twee waarden, want tussen {{ }} scheidt een komma de waarden; bedoeld is waarschijnlijk {}",
                    &text[typed.clone()],
                    meant.replace('.', ",")
                ))
                .at_opt(key_at)
                .label("decimaalkomma")
                .hint(format!(
                    "schrijf {meant}: in dit bestand is de punt het decimaalteken (en duizendtallen schrijft u zonder scheiding, 4500)"
                ))
                .fix(typed, meant);
            }
            let mut d = Diagnostic::error(format!("onbekende sleutel '{name}'"))
                .at_opt(key_at)
                .label("onbekende sleutel");
            d = match did_you_mean(name, &known) {
                Some(s) => d.hint(format!("bedoelde u '{s}'?")),
                None if !known.is_empty() => {
                    d.hint(format!("toegestaan zijn: {}", known.join(", ")))
                }
                None => d,
            };
            d
        })
        .collect()
}

/// A key the schema requires is missing.
fn missing_key(
    err: &ValidationError<'_>,
    property: &Value,
    pointer: &str,
    root: &Value,
    index: &PositionIndex,
) -> Diagnostic {
    let name = property.as_str().unwrap_or_default();
    let at = index.key(pointer);
    Diagnostic::error(format!(
        "verplichte sleutel '{name}' ontbreekt{}",
        if pointer.is_empty() {
            String::new()
        } else {
            format!(" in {}", object_name(pointer, err.instance(), root))
        }
    ))
    .at_opt(at)
    .label(format!("'{name}' ontbreekt hier"))
    .hint(format!("voeg '{name}: ...' toe"))
}

/// A value of the wrong type, with a tip for the usual Dutch habits.
fn wrong_type(
    err: &ValidationError<'_>,
    kind: &TypeKind,
    field: &str,
    at: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let found = describe(err.instance());
    let expected: Vec<&str> = match kind {
        TypeKind::Single(t) => vec![type_name(t.as_str())],
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| t.as_str())
            .filter(|t| *t != "null")
            .map(type_name)
            .collect(),
    };
    let expected = expected.join(" of ");
    let mut d = Diagnostic::error(format!("{field} moet {expected} zijn, maar is {found}"))
        .at_opt(at.clone())
        .label(format!("verwacht {expected}"));
    if expected == "tekst" && matches!(err.instance().as_ref(), Value::Number(_) | Value::Bool(_)) {
        d = d.hint("zet de waarde tussen aanhalingstekens, bijvoorbeeld \"1.0\"");
    } else if let Some((value, written)) = err
        .instance()
        .as_str()
        .filter(|_| expected.contains("getal"))
        .and_then(super::figures::dutch_number)
    {
        let typed = err
            .instance()
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_string();
        let why = if typed.contains(',') && !typed.contains(['.', ' ', '\u{a0}']) {
            "in dit bestand is de punt het decimaalteken, een komma maakt er tekst van"
        } else {
            "punten of spaties tussen de duizendtallen maken er tekst van"
        };
        d = Diagnostic::error(format!(
            "{field} moet {expected} zijn, maar '{typed}' is tekst: {why}; bedoeld is waarschijnlijk {}",
            crate::format_nl::number_plain(value)
        ))
        .at_opt(at.clone())
        .label(format!("verwacht {expected}"))
        .hint(format!(
            "schrijf {written}: zonder scheiding tussen de duizendtallen, en met een punt voor de decimalen"
        ));
        if let Some(span) = at.filter(|s| text_at(err, s)) {
            d = d.fix(span, written);
        }
    } else if err.instance().is_string() && expected.contains("getal") {
        d = d.hint(
            "schrijf een getal zonder aanhalingstekens: 34, of 12.5 met een punt voor de decimalen",
        );
    }
    d
}

/// A date as people type it (`15-03-2019`, `15/3/2019`, `15 maart 2019`,
/// `2019/03/15`) in the form of the file, `2019-03-15`.
pub fn iso_date(typed: &str) -> Option<String> {
    let t = typed.trim();
    for format in [
        "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y.%m.%d", "%Y-%m-%d",
    ] {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(t, format) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    if let [day, month, year] = parts[..] {
        let month = crate::format_nl::MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(month))?;
        let date = chrono::NaiveDate::from_ymd_opt(
            year.parse().ok()?,
            u32::try_from(month + 1).ok()?,
            day.parse().ok()?,
        )?;
        return Some(date.format("%Y-%m-%d").to_string());
    }
    None
}

/// A date not written as `JJJJ-MM-DD`: converted when it can be.
fn not_a_date(
    err: &ValidationError<'_>,
    field: &str,
    at: Option<std::ops::Range<usize>>,
    root: &Value,
) -> Diagnostic {
    let found = describe(err.instance());
    if err.instance().as_str() == Some(crate::load::DATE_PLACEHOLDER) {
        let year = root
            .pointer("/rapport/verslagjaar")
            .and_then(Value::as_i64)
            .map_or(2017, |y| y + 1);
        return Diagnostic::error(format!("{field} is nog niet ingevuld"))
            .at_opt(at)
            .label("nog invullen")
            .hint(format!(
                "vul de datum in waarop het rapport verschijnt, als JJJJ-MM-DD (jaar, maand, dag), bijvoorbeeld {year}-03-15"
            ));
    }
    let d = Diagnostic::error(format!("{field} is geen datum: {found}"))
        .at_opt(at.clone())
        .label("is geen datum");
    match err.instance().as_str().and_then(iso_date) {
        Some(iso) => {
            let d = d.hint(format!(
                "schrijf {iso}: een datum staat in dit bestand als JJJJ-MM-DD"
            ));
            match at.filter(|s| text_at(err, s)) {
                Some(span) => d.fix(span, iso),
                None => d,
            }
        }
        None => {
            // The example date lies in the spring after the report year.
            let year = root
                .pointer("/rapport/verslagjaar")
                .and_then(Value::as_i64)
                .filter(|y| (2000..=2100).contains(y))
                .map_or(2017, |y| y + 1);
            d.hint(format!(
                "schrijf een datum als JJJJ-MM-DD (jaar, maand, dag), zoals {year}-03-15 voor 15 maart {year}"
            ))
        }
    }
}

/// Whether `span` holds the value of `err` exactly as typed (not quoted),
/// so that replacing it is the fix.
fn text_at(err: &ValidationError<'_>, span: &std::ops::Range<usize>) -> bool {
    err.instance()
        .as_str()
        .is_some_and(|s| span.end - span.start == s.len())
}

/// A value outside the allowed list, with the closest allowed one.
fn not_allowed(
    err: &ValidationError<'_>,
    options: &Value,
    field: &str,
    at: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let found = describe(err.instance());
    let allowed: Vec<String> = options
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut d = Diagnostic::error(format!("ongeldige waarde voor {field}: {found}"))
        .at_opt(at)
        .label("ongeldige waarde")
        .hint(format!("toegestaan zijn: {}", allowed.join(", ")));
    if let Some(s) = err
        .instance()
        .as_str()
        .and_then(|v| did_you_mean(v, &allowed))
    {
        d = d.hint(format!(
            "bedoelde u '{s}'? Toegestaan zijn: {}",
            allowed.join(", ")
        ));
    }
    d
}

/// A date or id of the wrong form.
fn bad_pattern(
    err: &ValidationError<'_>,
    pattern: &str,
    field: &str,
    at: Option<std::ops::Range<usize>>,
    root: &Value,
) -> Diagnostic {
    let found = describe(err.instance());
    if pattern == crate::model::DATE_PATTERN {
        return not_a_date(err, field, at, root);
    }
    let (what, hint) = (
        "is geen geldige id",
        "een id bestaat alleen uit kleine letters, cijfers en '-', bijvoorbeeld 'betapunt-noord'"
            .to_string(),
    );
    Diagnostic::error(format!("{field} {what}: {found}"))
        .at_opt(at)
        .label(what)
        .hint(hint)
}
