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

pub use crate::text_position::{line_end, line_start};

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
