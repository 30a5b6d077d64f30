//! How wide the contents of a table's columns are, in points at the
//! table's text size, measured with the embedded house font: the widest
//! cell on one line, and the longest word. The renderers turn these into
//! their column widths (Typst points, Word twips), each adding its own cell
//! padding.

use crate::document::{Cell, Inline, Table};
use crate::fonts::house::HouseFonts;

/// The status chip before a status word: a small square and a space.
const CHIP: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

/// `(natural, longest word)` of every column, in points.
pub fn columns(t: &Table, size: f32, fonts: &HouseFonts) -> (Vec<f32>, Vec<f32>) {
    let m = Measure { fonts };
    t.columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let header = (m.width(&c.header, size), m.longest_word(&c.header, size));
            t.rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| (m.cell_width(c, size), m.cell_longest_word(c, size)))
                .fold(header, |a, b| (a.0.max(b.0), a.1.max(b.1)))
        })
        .map(|(w, word)| (round(w), round(word)))
        .unzip()
}

/// The room a cell takes besides its text, in points: padding on either
/// side and the rule below, as the formats draw them (about).
const CELL_ROOM: (f32, f32) = (10.0, 9.5);

/// The height of `t` in points, estimated when its text column is `width`
/// points wide: the fitting columns as wide as their content, the others
/// sharing the rest, each cell's lines wrapped at its column's width, a
/// line 1.36 times the text size, and the caption's two lines.
pub fn height(t: &Table, width: f32, size: f32, fonts: &HouseFonts) -> f32 {
    let m = Measure { fonts };
    let fixed: f32 = t
        .columns
        .iter()
        .filter(|c| c.fit)
        .map(|c| c.natural + CELL_ROOM.0)
        .sum();
    let shares: f32 = t.columns.iter().filter(|c| !c.fit).map(|c| c.share).sum();
    let widths: Vec<f32> = t
        .columns
        .iter()
        .map(|c| {
            if c.fit {
                c.natural.max(1.0)
            } else {
                ((width - fixed) * c.share / shares.max(0.01) - CELL_ROOM.0).max(size)
            }
        })
        .collect();
    let wrapped = |lines: Vec<String>, size: f32, w: f32| -> f32 {
        lines
            .iter()
            .map(|l| (m.width(l, size) / w).ceil().max(1.0))
            .sum::<f32>()
    };
    let line = size * 1.36;
    let rows: f32 = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .zip(&widths)
                .map(|(c, w)| {
                    let main = wrapped(lines(&c.content), size, *w) * line;
                    let note = c.note.as_ref().map_or(0.0, |n| {
                        wrapped(lines(n), size - 1.0, *w) * (size - 1.0) * 1.36
                    });
                    main + note
                })
                .fold(line, f32::max)
                + CELL_ROOM.1
        })
        .sum();
    2.0 * line + line + CELL_ROOM.1 + rows
}

fn round(v: f32) -> f32 {
    (v * 10.0).ceil() / 10.0
}

/// Widths in the house font.
struct Measure<'a> {
    fonts: &'a HouseFonts,
}

impl Measure<'_> {
    /// A line of text in bold (headers, statuses and strong text are; the
    /// bold width is the safe one for every run).
    fn width(&self, text: &str, size: f32) -> f32 {
        self.fonts.text_width(text, size, true)
    }

    fn longest_word(&self, text: &str, size: f32) -> f32 {
        text.split_whitespace()
            .map(|w| self.width(w, size))
            .fold(0.0, f32::max)
    }

    fn cell_width(&self, c: &Cell, size: f32) -> f32 {
        let main = lines(&c.content)
            .iter()
            .map(|l| self.width(l, size))
            .fold(0.0, f32::max);
        let note = c.note.as_ref().map_or(0.0, |n| {
            lines(n)
                .iter()
                .map(|l| self.width(l, size - 1.0))
                .fold(0.0, f32::max)
        });
        main.max(note)
    }

    fn cell_longest_word(&self, c: &Cell, size: f32) -> f32 {
        let mut all = lines(&c.content);
        if let Some(n) = &c.note {
            all.extend(lines(n));
        }
        all.iter()
            .map(|l| self.longest_word(l, size))
            .fold(0.0, f32::max)
    }
}

/// The text of a cell's lines, with the chip of a status.
fn lines(inlines: &[Inline]) -> Vec<String> {
    let mut out = vec![String::new()];
    for i in inlines {
        match i {
            Inline::Text { text } => out.last_mut().expect("a line").push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. }
            | Inline::Reference { content, .. } => {
                let mut inner = lines(content).into_iter();
                if let Some(first) = inner.next() {
                    out.last_mut().expect("a line").push_str(&first);
                }
                out.extend(inner);
            }
            Inline::LineBreak => out.push(String::new()),
            Inline::Status { label, .. } => {
                let line = out.last_mut().expect("a line");
                line.push_str(CHIP);
                line.push_str(label);
            }
            Inline::Formula { formula } => out.last_mut().expect("a line").push_str(&formula.text),
            Inline::Whole { text } => out.last_mut().expect("a line").push_str(text),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::{Caption, Cell, Column, Table};
    use crate::fonts::house::HouseFonts;

    fn table(name: &str, rows: usize) -> Table {
        let fonts = HouseFonts::embedded();
        Table::new(
            Caption::of("Tabel"),
            vec![
                Column::wrapping("Naam", 1.0),
                Column::wrapping("Toelichting", 3.0),
                Column::fitting("Status", 1.0),
            ],
            (0..rows)
                .map(|_| vec![Cell::text(name), Cell::text("kort"), Cell::text("op koers")])
                .collect(),
            8.5,
            &fonts,
        )
        // A4 less the margins of the house style, about.
        .on_page(380.0, 700.0, 8.5, &fonts)
    }

    /// A short table stays on one page; one of few rows that each wrap
    /// over many lines may break, or it would run off the page.
    #[test]
    fn a_short_table_of_very_high_rows_may_break() {
        let low = table("Landsdeel Noord", 10);
        assert!(!low.too_high && low.keep_together());
        let long = "Landsdeel met een lange naam over Bètatechniekonderwijsvernieuwingsprogrammacoördinatiecommissievergaderingsverslaglegging en nog veel meer woorden die de regel vullen";
        let high = table(long, 10);
        assert!(high.too_high && !high.keep_together());
    }
}
