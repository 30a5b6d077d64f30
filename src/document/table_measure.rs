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
            // A header that no row shows takes no room.
            let header = if t.row_headers {
                (0.0, 0.0)
            } else {
                (m.width(&c.header, size), m.longest_word(&c.header, size))
            };
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
/// line 1.36 times the text size, the caption's two lines and the header
/// row, when the table shows one.
pub fn height(t: &Table, width: f32, size: f32, fonts: &HouseFonts) -> f32 {
    let m = Measure { fonts };
    let fixed = fitted_width(t);
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
    let line = size * 1.36;
    let rows: f32 = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .zip(&widths)
                .map(|(c, w)| Wrapped::of(&m, c, size).lines(*w) * line)
                .fold(line, f32::max)
                + CELL_ROOM.1
        })
        .sum();
    let header = if t.row_headers {
        0.0
    } else {
        line + CELL_ROOM.1
    };
    2.0 * line + header + rows
}

/// The room a fitting column takes besides its text in the PDF (the
/// Typst template's `cel-ruimte`).
const FIT_ROOM: f32 = 14.0;

/// The width the columns that fit their content take, with their room.
fn fitted_width(t: &Table) -> f32 {
    t.columns
        .iter()
        .filter(|c| c.fit)
        .map(|c| c.natural + FIT_ROOM)
        .sum()
}

/// The shares of `t`'s wrapping columns that make it lowest when its text
/// column is `width` points: the width the wrapping columns share goes
/// where it saves lines, none narrower than its longest word. None when
/// the table has fewer than two wrapping columns, or when each already
/// holds its widest cell on one line at the shares it was given. Each
/// share is the column's width in points, so every format divides the
/// width the same way.
pub fn balanced_shares(t: &Table, width: f32, size: f32, fonts: &HouseFonts) -> Option<Vec<f32>> {
    let m = Measure { fonts };
    let open: Vec<usize> = (0..t.columns.len())
        .filter(|&i| !t.columns[i].fit)
        .collect();
    if open.len() < 2 {
        return None;
    }
    let fixed = fitted_width(t);
    let rest = width - fixed - CELL_ROOM.0 * open.len() as f32;
    let weight: f32 = open.iter().map(|&i| t.columns[i].share).sum();
    let given: Vec<f32> = open
        .iter()
        .map(|&i| rest * t.columns[i].share / weight.max(0.01))
        .collect();
    let least: Vec<f32> = open.iter().map(|&i| t.columns[i].longest_word).collect();
    if open
        .iter()
        .zip(&given)
        .all(|(&i, w)| t.columns[i].natural <= *w)
        || least.iter().sum::<f32>() > rest
    {
        return None;
    }
    // Every cell of the open columns as its lines' words, measured once.
    let cells: Vec<Vec<Wrapped>> = t
        .rows
        .iter()
        .map(|r| open.iter().map(|&i| Wrapped::of(&m, &r[i], size)).collect())
        .collect();
    let lines_at = |w: &[f32]| -> f32 {
        cells
            .iter()
            .map(|r| {
                r.iter()
                    .zip(w)
                    .map(|(c, w)| c.lines(*w))
                    .fold(1.0, f32::max)
            })
            .sum()
    };
    // From the given shares (raised to each column's longest word), move
    // width from one column to another, a point at a time, as far as the
    // first point where the table has fewer lines; repeat until no move
    // saves a line. A table that saves nothing keeps the given shares.
    let mut best: Vec<f32> = given.iter().zip(&least).map(|(w, l)| w.max(*l)).collect();
    let over: f32 = best.iter().sum::<f32>() - rest;
    if over > 0.0 {
        let spare: f32 = best.iter().zip(&least).map(|(w, l)| w - l).sum();
        for (w, l) in best.iter_mut().zip(&least) {
            *w -= over * (*w - l) / spare.max(0.01);
        }
    }
    let mut lines = lines_at(&best);
    loop {
        let mut moved = false;
        for a in 0..best.len() {
            for b in (0..best.len()).filter(|&b| b != a) {
                let mut step = best.clone();
                while step[b] - 1.0 >= least[b] {
                    step[a] += 1.0;
                    step[b] -= 1.0;
                    let fewer = lines_at(&step);
                    if fewer < lines {
                        (best, lines, moved) = (step, fewer, true);
                        break;
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
    let mut shares: Vec<f32> = t.columns.iter().map(|c| c.share).collect();
    for (&i, w) in open.iter().zip(&best) {
        shares[i] = round(w + CELL_ROOM.0);
    }
    Some(shares)
}

/// A cell's text as lines of measured words (in the regular face), to
/// count the lines it takes in a column of any width.
struct Wrapped {
    /// Per line of the content: its words' widths, and the space's.
    lines: Vec<Vec<f32>>,
    /// The same for the note, set smaller.
    note: Vec<Vec<f32>>,
    space: f32,
}

impl Wrapped {
    fn of(m: &Measure, c: &Cell, size: f32) -> Self {
        let words = |text: &[Inline], size: f32| -> Vec<Vec<f32>> {
            lines(text)
                .iter()
                .map(|l| l.split_whitespace().map(|w| m.regular(w, size)).collect())
                .collect()
        };
        Wrapped {
            lines: words(&c.content, size),
            note: c.note.as_ref().map_or(Vec::new(), |n| words(n, size - 1.0)),
            space: m.regular(" ", size),
        }
    }

    /// The lines the cell takes in a column `w` points wide, words set
    /// greedily as a line breaks them, a word wider than the column broken
    /// inside itself (the note's lines a little lower).
    fn lines(&self, w: f32) -> f32 {
        let count = |words: &Vec<f32>| -> f32 {
            let mut n = 1.0;
            let mut x = 0.0;
            for &word in words {
                if x > 0.0 && x + self.space + word > w {
                    n += 1.0;
                    x = 0.0;
                }
                if x == 0.0 && word > w {
                    // A word wider than the column breaks inside itself.
                    let more = (word / w.max(1.0)).ceil() - 1.0;
                    n += more;
                    x = word - more * w;
                } else {
                    x += if x > 0.0 { self.space } else { 0.0 } + word;
                }
            }
            n
        };
        self.lines.iter().map(count).sum::<f32>() + 0.88 * self.note.iter().map(count).sum::<f32>()
    }
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

    /// A line of text in the regular face, as most of a cell's text is
    /// set: for counting the lines a cell wraps to.
    fn regular(&self, text: &str, size: f32) -> f32 {
        self.fonts.text_width(text, size, false)
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

    /// The wrapping columns share the width where it saves lines: a long
    /// action beside a short name gets the room the name does not need,
    /// no column becomes narrower than its longest word, and a table whose
    /// cells already fit keeps the shares it was given.
    #[test]
    fn wrapping_columns_share_the_width_where_it_saves_lines() {
        let fonts = HouseFonts::embedded();
        let action = |rows: &[(&str, &str)]| {
            Table::new(
                Caption::of("Tabel"),
                vec![
                    Column::wrapping("Actie", 1.0),
                    Column::wrapping("Trekker", 1.0),
                    Column::fitting("Status", 1.0),
                ],
                rows.iter()
                    .map(|(a, t)| vec![Cell::text(*a), Cell::text(*t), Cell::text("lopend")])
                    .collect(),
                8.5,
                &fonts,
            )
        };
        let rows = [
            (
                "Regionale kennisdeling tussen de vmbo-samenwerkingsverbanden in de drie provincies",
                "VHTO",
            ),
            (
                "Een pilot met tien communities van basisscholen, een vo-school en bedrijven",
                "Jet-Net",
            ),
            (
                "Aansluiting bij Technisch Beroepsonderwijs Friesland en Toptechniek in Bedrijf",
                "Landsdeel Noord",
            ),
        ];
        let given = action(&rows);
        let balanced = action(&rows).on_page(380.0, 700.0, 8.5, &fonts);
        let (before, after) = (
            super::height(&given, 380.0, 8.5, &fonts),
            super::height(&balanced, 380.0, 8.5, &fonts),
        );
        assert!(after < before, "{before} -> {after}");
        assert!(balanced.columns[0].share > balanced.columns[1].share);
        let rest: f32 = balanced.columns[..2].iter().map(|c| c.share).sum();
        let room = 380.0 - balanced.columns[2].natural - super::FIT_ROOM;
        for c in &balanced.columns[..2] {
            let width = room * c.share / rest - super::CELL_ROOM.0;
            assert!(
                width >= c.longest_word,
                "{}: {width} < {}",
                c.header,
                c.longest_word
            );
        }
        let short = [("Overleg", "VHTO"), ("Pilot", "Jet-Net")];
        assert!(super::balanced_shares(&action(&short), 380.0, 8.5, &fonts).is_none());
    }

    /// A word wider than its column breaks inside itself: it takes as many
    /// lines as it is column widths wide, and so counts in the table's
    /// height (a generated national overview overflowed a page when it
    /// did not).
    #[test]
    fn a_word_wider_than_its_column_takes_its_lines() {
        let fonts = HouseFonts::embedded();
        let m = super::Measure { fonts: &fonts };
        let word = "Bètatechniekonderwijsvernieuwingsprogrammacoördinatiecommissie";
        let width = m.regular(word, 8.5);
        let cell = Cell::text(format!("Landsdeel {word}"));
        let wrapped = super::Wrapped::of(&m, &cell, 8.5);
        assert_eq!(wrapped.lines(width / 3.0 + 1.0), 4.0);
        assert_eq!(wrapped.lines(width + 100.0), 1.0);
    }
}
