//! The national overview's status bars: one stacked bar per landsdeel,
//! its indicators (or actions, or doe-voorstellen) by status, every bar on
//! the same scale, with its alt text.

use super::kit::Palette;
use super::kit::*;
use super::*;
use crate::document::house_style::HouseStyle;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The chart's width in pixels, as the overview's.
const WIDTH: u32 = 520;
/// Room for a landsdeel's name left of its bar.
const NAME_AREA: u32 = 130;
/// Height of one bar's row, at the least.
const ROW: u32 = 34;
/// Height of a line of a name.
const NAME_LINE: u32 = 20;

/// One landsdeel's bar: its name, and its count per status (key, word,
/// count) in the order of the legend; `None` when it delivered no file.
pub struct Bar {
    pub name: String,
    pub counts: Option<Vec<(String, String, usize)>>,
}

/// The bars of `bars`, named `id`, with `caption`; `missing` is the words
/// for a landsdeel without a file.
pub fn status_bars(
    id: &str,
    bars: &[Bar],
    style: &HouseStyle,
    caption: String,
    missing: &str,
) -> Chart {
    let p = Palette::of(style);
    // The legend: every status that any bar has, in the order given.
    let mut keys: Vec<(String, String)> = Vec::new();
    for b in bars {
        for (key, word, n) in b.counts.iter().flatten() {
            if *n > 0 && !keys.iter().any(|(k, _)| k == key) {
                keys.push((key.clone(), word.clone()));
            }
        }
    }
    let legend = Legend::new(
        keys.iter()
            .map(|(k, w)| (w.clone(), Mark::Bar(rgb(style.status(k)))))
            .collect(),
        14,
        WIDTH,
        OVERVIEW_FONT,
        p.family,
    );
    let most = bars
        .iter()
        .map(|b| b.counts.iter().flatten().map(|(_, _, n)| n).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    // A long name wraps within its room; every row is as high as the
    // highest name needs.
    let names: Vec<Vec<String>> = bars
        .iter()
        .map(|b| wrap(&b.name, OVERVIEW_FONT, NAME_AREA - 16, p.family))
        .collect();
    let lines = names.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let row = ROW.max(lines * NAME_LINE + 8);
    let height = legend.height() + row * bars.len() as u32 + 50;
    let svg = draw_svg((WIDTH, height), &legend, p.text, |body| {
        let (name_area, plot) = body.split_horizontally(NAME_AREA);
        for (i, name) in names.iter().enumerate() {
            let mid = (i as u32 * row + row / 2) as i32 + 4;
            let first = mid - ((name.len() as i32 - 1) * NAME_LINE as i32) / 2;
            for (k, line) in name.iter().enumerate() {
                name_area.draw(&Text::new(
                    line.clone(),
                    (NAME_AREA as i32 - 10, first + k as i32 * NAME_LINE as i32),
                    font(OVERVIEW_FONT, p.family)
                        .color(&p.text)
                        .pos(Pos::new(HPos::Right, VPos::Center)),
                ))?;
            }
        }
        let mut chart = ChartBuilder::on(&plot)
            .margin_right(20)
            .margin_top(4)
            .x_label_area_size(40)
            .build_cartesian_2d(0f64..most as f64, 0f64..bars.len() as f64)?;
        house_mesh(&mut chart, &p, OVERVIEW_FONT)
            .disable_y_mesh()
            .disable_y_axis()
            .x_labels(most.min(8) + 1)
            .x_label_formatter(&|v| {
                if (v - v.round()).abs() < 1e-6 {
                    axis_number(*v, 0)
                } else {
                    String::new()
                }
            })
            .draw()?;
        let n = bars.len() as f64;
        for (i, b) in bars.iter().enumerate() {
            // Row i from the top.
            let top = n - i as f64 - 0.2;
            let bottom = n - i as f64 - 0.8;
            let Some(counts) = &b.counts else {
                chart.draw_series(std::iter::once(Text::new(
                    missing.to_string(),
                    (0.05 * most as f64, (top + bottom) / 2.0),
                    font(OVERVIEW_FONT, p.family)
                        .color(&p.axis)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                )))?;
                continue;
            };
            let mut x = 0.0;
            for (key, _, count) in counts {
                if *count == 0 {
                    continue;
                }
                let colour = rgb(style.status(key));
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x, bottom), (x + *count as f64, top)],
                    colour.filled(),
                )))?;
                x += *count as f64;
            }
        }
        Ok(())
    });
    Chart {
        id: id.to_string(),
        file_name: format!("{id}.svg"),
        svg,
        caption,
        alt: alt(bars, missing),
    }
}

/// The chart in words: each landsdeel and its counts per status.
fn alt(bars: &[Bar], missing: &str) -> String {
    bars.iter()
        .map(|b| match &b.counts {
            None => format!("{}: {missing}", b.name),
            Some(counts) => {
                let parts: Vec<String> = counts
                    .iter()
                    .filter(|(_, _, n)| *n > 0)
                    .map(|(_, w, n)| format!("{n} {w}"))
                    .collect();
                if parts.is_empty() {
                    format!("{}: 0", b.name)
                } else {
                    format!("{}: {}", b.name, parts.join(", "))
                }
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
        + "."
}
