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
