//! The column widths of a table in the DOCX and the ODT, in twips, from the
//! model's table and its measures: a column that fits (status, numbers, years) is as wide as
//! its widest cell and never wraps; the others share the rest of the text
//! width by their weights, none narrower than its longest word. A table whose columns all
//! fit is as wide as its content. Word and LibreOffice both keep these
//! widths (fixed layout), so a word never breaks inside itself.

use crate::document::Table;

/// The cells' margins (left and right, 108 twips each, in Word and in the
/// ODT's cell style) and room for the difference between the model's
/// measure and Word's or LibreOffice's.
const PADDING: f32 = 216.0 + 90.0;

/// The widths of every column and of the whole table.
pub fn grid(t: &Table, text_width_twips: u32) -> (Vec<usize>, usize) {
    let n = t.columns.len();
    let text_w = text_width_twips as f32;
    let fit = |i: usize| t.columns[i].fit;
    let share = |i: usize| t.columns[i].share;
    // (natural width of the whole content, longest word), in twips, from
    // the model's measures in points.
    let measure: Vec<(f32, f32)> = t
        .columns
        .iter()
        .map(|c| (c.natural * 20.0 + PADDING, c.longest_word * 20.0 + PADDING))
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
        let weight: f32 = open.iter().map(|&i| share(i)).sum();
        let below: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| rest * share(i) / weight.max(0.01) < measure[i].1)
            .collect();
        if below.is_empty() || below.len() == open.len() {
            // When no share reaches its longest word, the longest words
            // share what is left: each column gives way as much as the
            // others.
            let longest: f32 = open.iter().map(|&i| measure[i].1).sum();
            for &i in &open {
                widths[i] = if below.len() == open.len() {
                    rest * measure[i].1 / longest.max(1.0)
                } else {
                    rest * share(i) / weight.max(0.01)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, Column};

    fn table(fit: Vec<bool>, rows: Vec<Vec<&str>>) -> Table {
        let columns = fit
            .iter()
            .enumerate()
            .map(|(i, &fit)| {
                if fit {
                    Column::fitting(format!("Kop {i}"), 1.0)
                } else {
                    Column::wrapping(format!("Kop {i}"), 1.0)
                }
            })
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| r.into_iter().map(Cell::text).collect())
            .collect();
        Table::new(
            crate::document::Caption::of("Tabel"),
            columns,
            rows,
            8.5,
            &crate::fonts::house::HouseFonts::embedded(),
        )
    }

    fn twips(text: &str, size: f32) -> f32 {
        crate::fonts::house::HouseFonts::embedded().text_width(text, size, true) * 20.0
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
        let (grid, total) = grid(&t, 9298);
        assert_eq!(total, 9298);
        assert_eq!(grid.iter().sum::<usize>(), 9298);
        assert!(grid[2] as f32 >= twips("in voorbereiding", 8.5), "{grid:?}");
        assert!(grid[0] as f32 >= twips("Kop 0", 8.5));
        assert!(grid[1] > grid[2]);
    }

    #[test]
    fn a_table_of_fitted_columns_is_as_wide_as_its_content() {
        let t = table(vec![true, true], vec![vec!["afgerond", "9"]]);
        let (grid, total) = grid(&t, 9298);
        assert!(total < 9298 / 2, "{grid:?}");
        assert_eq!(grid.iter().sum::<usize>(), total);
    }

    #[test]
    fn a_shared_column_is_never_narrower_than_its_longest_word() {
        let t = table(
            vec![false, false],
            vec![vec!["kort", "Technasiumschoolbesturenvereniging"]],
        );
        let (grid, _) = grid(&t, 9298);
        assert!(grid[1] as f32 >= twips("Technasiumschoolbesturenvereniging", 8.5));
    }
}
