//! Edits of a data file as text, so that every comment, blank line and
//! layout choice of the secretariat stays: `nieuw-jaar` and `inlezen` say
//! what to replace or insert at which byte offsets, and [`apply`] makes the
//! new text. The positions come from the loader's
//! [`crate::load::PositionIndex`].

use std::ops::Range;

use crate::load::PositionIndex;

/// Replace `text[at..end]` by `with` (an insertion when `at == end`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub at: usize,
    pub end: usize,
    pub with: String,
}

impl Edit {
    pub fn insert(at: usize, with: impl Into<String>) -> Self {
        Self {
            at,
            end: at,
            with: with.into(),
        }
    }

    pub fn replace(range: Range<usize>, with: impl Into<String>) -> Self {
        Self {
            at: range.start,
            end: range.end,
            with: with.into(),
        }
    }
}

/// `text` with `edits` applied; an edit inside an earlier one is skipped.
pub fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.at, e.end));
    let mut out = String::with_capacity(text.len() + 4096);
    let mut at = 0;
    for e in edits {
        if e.at < at {
            continue;
        }
        out.push_str(&text[at..e.at]);
        out.push_str(&e.with);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Start of the line that holds `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// End of the line that holds `at` (before its line break).
pub fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The indentation a new key beside the key at `key_at` takes: the
/// characters before it on its line, with a list dash as a space.
pub fn indent_of(text: &str, key_at: usize) -> String {
    let start = line_start(text, key_at);
    let indent: String = text[start..key_at]
        .chars()
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    if indent.trim().is_empty() {
        indent
    } else {
        " ".repeat(indent.chars().count())
    }
}

/// Where the value of the map entry at `pointer` is written: from after its
/// `key:` (and a `|` or `>` of a block text) to the end of its last
/// character, without the blank lines and comments after it.
pub fn value_range(text: &str, index: &PositionIndex, pointer: &str) -> Option<Range<usize>> {
    let node = index.get(pointer)?;
    let key = node.key.clone()?;
    let colon = key.end + text[key.end..].find(':')?;
    let after = &text[colon + 1..];
    let start = colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
    let end = node.extent.end.max(node.value.end).max(start);
    let end = start + text[start..end].trim_end().len();
    Some(start..end)
}

/// The line range of the `# CONTROLEREN` comment line directly above the
/// key at `pointer` (with its line break), when there is one.
pub fn review_line_above(text: &str, index: &PositionIndex, pointer: &str) -> Option<Range<usize>> {
    let key = index.get(pointer)?.key.clone()?;
    let start = line_start(text, key.start);
    if start == 0 {
        return None;
    }
    let above = line_start(text, start - 1);
    crate::load::readiness::is_marker(&text[above..start]).then_some(above..start)
}

/// A text as a YAML value at `indent` (the indentation of its key): a
/// double-quoted string on one line, or a literal block (`|`) over several.
pub fn text_value(text: &str, indent: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end_matches('\n');
    let multiline = text.contains('\n');
    let block_safe = multiline
        && !text.starts_with([' ', '\t'])
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if block_safe {
        let mut out = String::from("|");
        for line in text.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
                out.push_str("  ");
                out.push_str(line);
            }
        }
        out
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

/// `value` in straight YAML quotes, as a user would type it: double
/// quotes, or single ones when it holds a double quote.
pub fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\"))
    }
}

/// A number as YAML writes it: `34`, `12.5`, `-0.25`.
pub fn number_value(v: f64) -> String {
    let rounded = (v * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_become_quoted_lines_or_literal_blocks_that_read_back_the_same() {
        for text in [
            "kort",
            "met: dubbele punt en # hekje",
            "\"aanhalingstekens\" en 'enkele'",
            "- punt een\n- punt twee\n\nNieuwe alinea.",
            "  begint met spaties\nen verder",
            "tab\tin de tekst\nregel twee",
        ] {
            let yaml = format!("a:\n  b: {}\n", text_value(text, "  "));
            let v: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(v["a"]["b"].as_str().unwrap().trim_end(), text, "{yaml}");
        }
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(number_value(34.0), "34");
        assert_eq!(number_value(12.5), "12.5");
        assert_eq!(number_value(0.1 + 0.2), "0.3");
        assert_eq!(number_value(-3.0), "-3");
    }
}
