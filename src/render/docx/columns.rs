//! The column widths of a DOCX table, in twips, from the model's table: a
//! column that fits (status, numbers, years) is as wide as its widest cell
//! and never wraps; the others share the rest of the text width by their
//! weights, none narrower than its longest word. A table whose columns all
//! fit is as wide as its content. Word and LibreOffice both keep these
//! widths (fixed layout), so a word never breaks inside itself.

use crate::document::{Cell, Inline, Table};
use crate::fonts::text_width;

/// Word's cell margins (left and right, 108 twips each) and room for the
/// difference between our measure and a renderer's.
const PADDING: f32 = 216.0 + 90.0;
/// The status chip: a shaded run of two spaces and a space after it.
const CHIP: &str = "\u{a0}\u{a0}\u{a0}";

/// The widths of every column and of the whole table.
pub fn grid(t: &Table, size_pt: f32, text_width_twips: u32) -> (Vec<usize>, usize) {
    let n = t.header.len();
    let text_w = text_width_twips as f32;
    let fit = |i: usize| t.fit.get(i).copied().unwrap_or(false);
    // (natural width of the whole content, longest word), in twips.
    let measure: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let cells = t.rows.iter().filter_map(|r| r.get(i));
            let header = (
                twips(&t.header[i], size_pt),
                longest_word(&t.header[i], size_pt),
            );
            cells
                .map(|c| (cell_width(c, size_pt), cell_longest_word(c, size_pt)))
                .fold(header, |a, b| (a.0.max(b.0), a.1.max(b.1)))
        })
        .map(|(w, word)| (w + PADDING, word + PADDING))
        .collect();
    let mut widths: Vec<f32> = (0..n)
        .map(|i| if fit(i) { measure[i].0 } else { 0.0 })
        .collect();
    let shared: Vec<usize> = (0..n).filter(|&i| !fit(i)).collect();
    if shared.is_empty() {
        let total: f32 = widths.iter().sum();
        if total > text_w {
            widths.iter_mut().for_each(|w| *w *= text_w / total);
        }
        return finish(widths);
    }
    let fitted: f32 = widths.iter().sum();
    let minimum: f32 = shared.iter().map(|&i| measure[i].1).sum();
    if fitted + minimum > text_w {
        // Too wide: the fitted columns give way first, down to what leaves
        // the others their longest word.
        let room = (text_w - minimum).max(text_w * 0.3);
        widths.iter_mut().for_each(|w| *w *= room / fitted.max(1.0));
    }
    // Share the rest by weight, raising a column to its longest word and
    // sharing what is left among the others, until all fit.
    let mut open = shared.clone();
    loop {
        let rest = text_w
            - widths
                .iter()
                .enumerate()
                .filter(|(i, _)| !open.contains(i))
                .map(|(_, w)| w)
                .sum::<f32>();
        let weight: f32 = open
            .iter()
            .map(|&i| t.widths.get(i).copied().unwrap_or(1.0))
            .sum();
        let below: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| {
                rest * t.widths.get(i).copied().unwrap_or(1.0) / weight.max(0.01) < measure[i].1
            })
            .collect();
        if below.is_empty() || below.len() == open.len() {
            for &i in &open {
                widths[i] = if below.len() == open.len() {
                    rest / open.len() as f32
                } else {
                    rest * t.widths.get(i).copied().unwrap_or(1.0) / weight.max(0.01)
                };
            }
            break;
        }
        for i in below {
            widths[i] = measure[i].1;
            open.retain(|&o| o != i);
        }
    }
    let (mut grid, _) = finish(widths);
    // Exactly the text width, whatever the rounding.
    let sum: usize = grid.iter().sum();
    if let Some(&last) = shared.last() {
        grid[last] = (grid[last] + text_width_twips as usize).saturating_sub(sum);
    }
    (grid, text_width_twips as usize)
}

fn finish(widths: Vec<f32>) -> (Vec<usize>, usize) {
    let grid: Vec<usize> = widths.iter().map(|w| w.round().max(1.0) as usize).collect();
    let total = grid.iter().sum();
    (grid, total)
}

/// Twips of a line of text, bold (headers, statuses, strong text are; the
/// bold width is the safe one for every run).
fn twips(text: &str, size_pt: f32) -> f32 {
    text_width(text, size_pt, true) * 20.0
}

fn longest_word(text: &str, size_pt: f32) -> f32 {
    text.split_whitespace()
        .map(|w| twips(w, size_pt))
        .fold(0.0, f32::max)
}

/// The text of a cell's lines, with the chip of a status.
fn lines(inlines: &[Inline]) -> Vec<String> {
    let mut out = vec![String::new()];
    for i in inlines {
        match i {
            Inline::Text { text } => out.last_mut().expect("a line").push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => {
                let inner = lines(content);
                let mut inner = inner.into_iter();
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
        }
    }
    out
}

fn cell_width(c: &Cell, size_pt: f32) -> f32 {
    let main = lines(&c.content)
        .iter()
        .map(|l| twips(l, size_pt))
        .fold(0.0, f32::max);
    let note = c.note.as_ref().map_or(0.0, |n| {
        lines(n)
            .iter()
            .map(|l| twips(l, size_pt - 1.0))
            .fold(0.0, f32::max)
    });
    main.max(note)
}

fn cell_longest_word(c: &Cell, size_pt: f32) -> f32 {
    let mut all = lines(&c.content);
    if let Some(n) = &c.note {
        all.extend(lines(n));
    }
    all.iter()
        .map(|l| longest_word(l, size_pt))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Align;

    fn table(fit: Vec<bool>, rows: Vec<Vec<&str>>) -> Table {
        let n = fit.len();
        Table {
            number: 1,
            caption: None,
            header: (0..n).map(|i| format!("Kop {i}")).collect(),
            align: vec![Align::Left; n],
            widths: vec![1.0; n],
            fit,
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::text).collect())
                .collect(),
        }
    }

    #[test]
    fn fitted_columns_hold_their_widest_cell_and_the_rest_is_shared() {
        let t = table(
            vec![true, false, true],
            vec![vec![
                "Nr.",
                "een lange naam van een doe-voorstel",
                "in voorbereiding",
            ]],
        );
        let (grid, total) = grid(&t, 8.5, 9298);
        assert_eq!(total, 9298);
        assert_eq!(grid.iter().sum::<usize>(), 9298);
        assert!(grid[2] as f32 >= twips("in voorbereiding", 8.5), "{grid:?}");
        assert!(grid[0] as f32 >= twips("Kop 0", 8.5));
        assert!(grid[1] > grid[2]);
    }

    #[test]
    fn a_table_of_fitted_columns_is_as_wide_as_its_content() {
        let t = table(vec![true, true], vec![vec!["afgerond", "9"]]);
        let (grid, total) = grid(&t, 8.5, 9298);
        assert!(total < 9298 / 2, "{grid:?}");
        assert_eq!(grid.iter().sum::<usize>(), total);
    }

    #[test]
    fn a_shared_column_is_never_narrower_than_its_longest_word() {
        let t = table(
            vec![false, false],
            vec![vec!["kort", "Technasiumschoolbesturenvereniging"]],
        );
        let (grid, _) = grid(&t, 8.5, 9298);
        assert!(grid[1] as f32 >= twips("Technasiumschoolbesturenvereniging", 8.5));
    }
}
