//! The document under check: the raw YAML value with its positions, its
//! text and folder, and the walk over its lists (themes, indicators,
//! actions) that every rule shares.

use std::path::Path;

use serde_json::Value;

use crate::load::positions::PositionIndex;

/// The document under validation with what the rules need around it.
pub struct Doc<'a> {
    pub value: &'a Value,
    pub index: &'a PositionIndex,
    /// The source text, to name lines in messages.
    pub text: &'a str,
    /// Folder of the YAML file; relative paths in the data start here.
    pub base_dir: &'a Path,
    /// Whether paths may point outside `base_dir`.
    pub allow_outside_paths: bool,
}

/// `(pointer, value)` of the elements of the list at `pointer`.
pub fn list(doc: &Doc, pointer: &str) -> Vec<(String, Value)> {
    match doc.value.pointer(pointer) {
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{pointer}/{i}"), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn themas(doc: &Doc) -> Vec<(String, Value)> {
    list(doc, "/onderdelen")
        .into_iter()
        .flat_map(|(p, _)| list(doc, &format!("{p}/themas")))
        .collect()
}

pub fn indicatoren(doc: &Doc) -> Vec<(String, Value)> {
    themas(doc)
        .into_iter()
        .flat_map(|(p, _)| list(doc, &format!("{p}/indicatoren")))
        .collect()
}

pub fn acties(doc: &Doc) -> Vec<(String, Value)> {
    themas(doc)
        .into_iter()
        .flat_map(|(p, _)| list(doc, &format!("{p}/acties")))
        .collect()
}

/// The problems `rule` finds in the YAML `text` (a rule's unit test), each
/// with its 1-based line and column.
#[cfg(test)]
pub fn problems_in(
    text: &str,
    rule: fn(&Doc) -> Vec<crate::diagnostics::Diagnostic>,
) -> Vec<(usize, usize, crate::diagnostics::Diagnostic)> {
    let value: Value = serde_yaml::from_str(text).expect("valid YAML");
    let index = crate::load::positions::index(text).index;
    let doc = Doc {
        value: &value,
        index: &index,
        text,
        base_dir: Path::new("."),
        allow_outside_paths: false,
    };
    rule(&doc)
        .into_iter()
        .map(|d| {
            let (l, c) =
                crate::text_position::line_col(text, d.span.clone().map_or(0, |s| s.start));
            (l, c, d)
        })
        .collect()
}
