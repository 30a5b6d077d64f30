//! The national overview's small multiples: one small panel per landsdeel
//! for a national indicator, all on the same axes (the years from the
//! earliest baseline to the latest target, the values from zero to the
//! highest figure or target), with its alt text.

use super::kit::Palette;
use super::kit::*;
use super::*;
use crate::document::house_style::HouseStyle;
use crate::model::Indicator;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The chart's width in pixels: on a phone 390 pixels wide its labels are
/// still 9 pixels or more.
const WIDTH: u32 = 560;
/// Panels in a row.
const COLUMNS: usize = 3;
/// Height of one row of panels, with a title of one line.
const PANEL_HEIGHT: u32 = 210;
/// Height of a line of a panel's title.
const TITLE_LINE: u32 = 22;

/// A landsdeel's panel: its name, and its indicator on this national one.
pub struct Panel<'a> {
    pub name: String,
    pub indicator: &'a Indicator,
}

/// The words of the chart.
pub struct Words {
    pub metingen: String,
    pub doel: String,
    pub verslagjaar: String,
    pub caption: String,
    /// "geen metingen"
    pub geen_metingen: String,
}

/// The panels of `panels` on one set of axes, named `id`.
pub fn small_multiples(
    id: &str,
    panels: &[Panel],
    year: i32,
    style: &HouseStyle,
    words: &Words,
) -> Chart {
    let p = Palette::of(style);
    let legend = Legend::new(
        vec![
            (words.metingen.clone(), Mark::Line(p.main, 3)),
            (words.doel.clone(), Mark::Triangle(p.target)),
            (words.verslagjaar.clone(), Mark::Line(p.expected, 1)),
        ],
        14,
        WIDTH,
        CHART_FONT,
        p.family,
    );
    let first = panels
        .iter()
        .map(|q| {
            q.indicator.nulmeting.jaar.min(
                q.indicator
                    .metingen
                    .keys()
                    .next()
                    .copied()
                    .unwrap_or(i32::MAX),
            )
        })
        .min()
        .unwrap_or(year);
    let last = panels
        .iter()
        .map(|q| q.indicator.doel.jaar)
        .max()
        .unwrap_or(year)
        .max(year);
    let decimals = panels
        .iter()
        .map(|q| q.indicator.decimalen)
        .max()
        .unwrap_or(0);
    let top = ceiling(
        panels
            .iter()
            .flat_map(|q| {
                let i = q.indicator;
                i.metingen
                    .values()
                    .copied()
                    .chain([i.nulmeting.waarde, i.doel.waarde])
            })
            .fold(0.0f64, f64::max),
    );
    let rows = panels.len().div_ceil(COLUMNS).max(1);
    // A long name wraps above its panel; every panel's title band is as
    // high as the longest needs.
    let titles: Vec<Vec<String>> = panels
        .iter()
        .map(|q| wrap(&q.name, CHART_FONT, WIDTH / COLUMNS as u32 - 56, p.family))
        .collect();
    let title_lines = titles.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let title_band = 8 + TITLE_LINE * title_lines;
    let height = legend.height() + (PANEL_HEIGHT - 30 + title_band) * rows as u32;
    let svg = draw_svg((WIDTH, height), &legend, p.text, |body| {
        let areas = body.split_evenly((rows, COLUMNS));
        for ((q, area), title_lines) in panels.iter().zip(areas).zip(&titles) {
            let (title, plot) = area.split_vertically(title_band);
            for (k, line) in title_lines.iter().enumerate() {
                title.draw(&Text::new(
                    line.clone(),
                    (48, 14 + k as i32 * TITLE_LINE as i32),
                    font(CHART_FONT, p.family)
                        .color(&p.text)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
            let mut chart = ChartBuilder::on(&plot)
                .margin(8)
                .margin_right(14)
                .x_label_area_size(30)
                .y_label_area_size(48)
                .build_cartesian_2d(first as f64 - 0.3..last as f64 + 0.3, 0f64..top)?;
            let span = (last - first).max(1) as usize;
            house_mesh(&mut chart, &p, CHART_FONT)
                .disable_x_mesh()
                .x_labels(span + 1)
                .x_label_formatter(&|v| {
                    let y = v.round() as i32;
                    // The first and last year: the report year is the
                    // line the legend names, and a narrow panel has room
                    // for two labels only.
                    let shown = y == first || y == last;
                    if (v - v.round()).abs() < 1e-6 && shown {
                        y.to_string()
                    } else {
                        String::new()
                    }
                })
                .y_labels(4)
                .y_label_formatter(&|v| axis_number(*v, decimals.min(1)))
                .draw()?;
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(year as f64, 0.0), (year as f64, top)],
                p.expected.stroke_width(1),
            )))?;
            let points: Vec<(f64, f64)> = q
                .indicator
                .metingen
                .range(..=year)
                .map(|(y, v)| (*y as f64, *v))
                .collect();
            chart.draw_series(LineSeries::new(points.clone(), p.main.stroke_width(3)))?;
            chart.draw_series(points.iter().map(|pt| Circle::new(*pt, 4, p.main.filled())))?;
            let d = q.indicator.doel;
            chart.draw_series(std::iter::once(
                EmptyElement::at((d.jaar as f64, d.waarde))
                    + PathElement::new(open_triangle(10), p.target.stroke_width(3)),
            ))?;
        }
        Ok(())
    });
    Chart {
        id: id.to_string(),
        file_name: format!("{id}.svg"),
        svg,
        caption: words.caption.clone(),
        alt: alt(panels, year, words),
    }
}

/// The chart in words: per landsdeel its figures up to the year and its
/// target.
fn alt(panels: &[Panel], year: i32, words: &Words) -> String {
    panels
        .iter()
        .map(|q| {
            let i = q.indicator;
            let shown: Vec<String> = i
                .metingen
                .range(..=year)
                .map(|(y, v)| format!("{y}: {}", crate::format_nl::text::number(*v, i.decimalen)))
                .collect();
            let figures = if shown.is_empty() {
                words.geen_metingen.clone()
            } else {
                format!("{} {}", words.metingen, shown.join(", "))
            };
            format!(
                "{}: {figures}; {} {} in {}",
                q.name,
                words.doel,
                crate::format_nl::text::number(i.doel.waarde, i.decimalen),
                i.doel.jaar
            )
        })
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}
