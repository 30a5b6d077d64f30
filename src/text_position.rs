//! Positions in a text, one way for every module: the line and column a
//! person reads (1-based, columns in characters) of a byte offset, the byte
//! offset of a line and column as a parser gives them, and the line around
//! an offset. Offsets that fall inside a character are taken at its start.

use std::ops::Range;

/// The start of the line that holds `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    let at = text.floor_char_boundary(at.min(text.len()));
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line that holds `at`, before its line break.
pub fn line_end(text: &str, at: usize) -> usize {
    let at = text.floor_char_boundary(at.min(text.len()));
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// 1-based line and column (in characters) of the byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = text.floor_char_boundary(at.min(text.len()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[line_start(text, at)..].chars().count() + 1;
    (line, col)
}

/// The byte offset of 1-based `line` and `col` (in characters), clamped to
/// the text: past the end of a line is its end.
pub fn offset(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let start = start.min(text.len());
    let rest = &text[start..line_end(text, start)];
    start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The byte range of the line that holds `at`, without its line break
/// (and without a carriage return before it).
pub fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = line_start(text, at);
    let mut end = line_end(text, at);
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end -= 1;
    }
    start..end
}

/// Where `part` of a scalar whose value is `len` bytes long, written from
/// byte `start` on, stands in `text`: the first occurrence within what the
/// scalar can span as written (its text with indentation, quotes and line
/// breaks; a block scalar runs on past the span of its first line).
pub fn part_of_scalar(text: &str, start: usize, len: usize, part: &str) -> Option<Range<usize>> {
    if part.is_empty() {
        return None;
    }
    let mut end = (start + len * 2 + 256).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let i = text.get(start..end)?.find(part)?;
    Some(start + i..start + i + part.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_lines_and_columns_agree() {
        let text = "ab\nçd€f\n\nlaatste";
        for at in 0..=text.len() {
            if !text.is_char_boundary(at) {
                continue;
            }
            let (line, col) = line_col(text, at);
            assert_eq!(offset(text, line, col), at, "{at}");
        }
        assert_eq!(line_col(text, 4), (2, 1), "inside 'ç': its start");
        assert_eq!(line_around("a\r\nb", 0), 0..1);
        assert_eq!(offset(text, 2, 99), 10, "past the end of a line is its end");
    }
}
