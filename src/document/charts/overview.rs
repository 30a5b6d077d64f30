//! The overview chart of all indicators (realisation against expected
//! progress), in parts of at most [`OVERVIEW_ROWS`] rows, with its alt
//! text.

use super::kit::*;
use super::kit::{DrawResult, Palette};
use super::*;
use crate::analysis::{Analysis, IndicatorAnalysis};
use crate::document::house_style::HouseStyle;
use crate::format_nl::text::{percent, percent0};
use crate::model::{Indicator, Voortgang};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Room for an indicator's name left of the overview's bars.
pub(super) const NAME_AREA: u32 = 200;
/// The overview's width in pixels: at 85 % of the PDF's text width its
/// text is 9 pt, and on a phone 390 pixels wide still 9 pixels or more.
pub(super) const OVERVIEW_WIDTH: u32 = 520;

/// Height of one line of a name in the overview.
pub(super) const NAME_LINE: u32 = 19;

/// Height of a part of the overview at most: with its caption it fits a
/// page of the PDF and of the DOCX (920 of 720 px wide is 21 cm of 16,4).
pub(super) const OVERVIEW_MAX_HEIGHT: u32 = 920;

/// At most this many indicators in one part of the overview: a part with
/// its legend, axis and caption fits a page of the PDF and of the DOCX.
pub const OVERVIEW_ROWS: usize = 20;

/// The parts of the overview for `n` indicators: as few as fit, of equal
/// size (31 indicators: 16 and 15), as ranges of row indices.
pub fn overview_parts(n: usize) -> Vec<std::ops::Range<usize>> {
    overview_parts_of(n, OVERVIEW_ROWS)
}

/// The parts of `n` rows with at most `per_part` in each, of equal size.
pub(super) fn overview_parts_of(n: usize, per_part: usize) -> Vec<std::ops::Range<usize>> {
    let parts = n.div_ceil(per_part.max(1)).max(1);
    let per = n.div_ceil(parts).max(1);
    (0..parts)
        .map(|k| (k * per).min(n)..((k + 1) * per).min(n))
        .collect()
}

/// The chart id of part `k` (from 0) of the overview: `overzicht`, then
/// `overzicht_2`, ... (an indicator id never has `_`, so no file name
/// collides).
pub fn overview_id(k: usize) -> String {
    if k == 0 {
        OVERVIEW_CHART.to_string()
    } else {
        format!("{OVERVIEW_CHART}_{}", k + 1)
    }
}

/// Realisatie against verwacht for every indicator: one chart, or for more
/// than [`OVERVIEW_ROWS`] indicators several, each with its legend and axis
/// and the same scale. `caption` gives the caption of part `k` of `m`.
pub fn summary_charts(
    data: &Voortgang,
    analysis: &Analysis,
    style: &HouseStyle,
    words: &ChartWords,
    caption: &dyn Fn(usize, usize) -> String,
    text: ChartText,
) -> Vec<Chart> {
    let rows: Vec<(&Indicator, &IndicatorAnalysis)> = data
        .indicatoren()
        .filter_map(|i| analysis.indicator(&i.id).map(|a| (i, a)))
        .collect();
    // One scale for all parts, so bars compare across pages.
    let hi = rows
        .iter()
        .flat_map(|(_, a)| [a.realisatie.unwrap_or(0.0), a.verwacht])
        .fold(100.0f64, f64::max)
        .min(200.0);
    let lo = rows
        .iter()
        .filter_map(|(_, a)| a.realisatie)
        .fold(0.0f64, f64::min)
        .max(-100.0);
    // Every name whole, on as many lines as it needs; one row height for
    // all parts, and as many rows in a part as fit its page.
    let family = Palette::of(style).family;
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|(i, _)| wrap(&i.naam, OVERVIEW_FONT, NAME_AREA - 20, family))
        .collect();
    let lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let row_h = (NAME_LINE * lines + 10).max(34);
    let legend_h = overview_legend(style, words).height();
    let fit = ((OVERVIEW_MAX_HEIGHT - 80 - legend_h) / row_h).max(1) as usize;
    let parts = overview_parts_of(rows.len(), fit.min(OVERVIEW_ROWS));
    let m = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            summary_part(
                &rows[range.clone()],
                &names[range],
                (lo, hi, row_h),
                style,
                words,
                (overview_id(k), caption(k, m)),
                text,
            )
        })
        .collect()
}

/// The overview's legend: realisation, expected progress, the 100 % line.
pub(super) fn overview_legend(style: &HouseStyle, words: &ChartWords) -> Legend {
    let p = Palette::of(style);
    Legend::new(
        vec![
            (words.realisatie.clone(), Mark::Bar(p.main)),
            (words.verwacht.clone(), Mark::Bar(p.expected)),
            (words.doel_bereikt.clone(), Mark::Line(p.target, 2)),
        ],
        14 + NAME_AREA as i32,
        OVERVIEW_WIDTH,
        OVERVIEW_FONT,
        p.family,
    )
}

/// One part of the overview.
pub(super) fn summary_part(
    rows: &[(&Indicator, &IndicatorAnalysis)],
    names: &[Vec<String>],
    (lo, hi, row_h): (f64, f64, u32),
    style: &HouseStyle,
    words: &ChartWords,
    (id, caption): (String, String),
    text: ChartText,
) -> Chart {
    let p = Palette::of(style);
    let n = rows.len().max(1);
    let legend = overview_legend(style, words);
    let size = (OVERVIEW_WIDTH, 80 + row_h * n as u32 + legend.height());
    // A value past the axis (above 200 % or below −100 %) gets room right
    // of the axis's end for its figure; the axis itself ends at `end`.
    let end = hi * 1.05;
    let past = rows
        .iter()
        .any(|(_, a)| a.realisatie.is_some_and(|r| r > hi || r < lo));
    let x_max = if past { hi * 1.3 } else { end };
    // As many tick labels as fit side by side, with a gap: plotters picks
    // round values up to that count.
    let label = |v: f64| format!("{}\u{a0}%", axis_number(v, 0));
    let widest = [lo, hi, end]
        .iter()
        .map(|v| text_width(&label(*v), OVERVIEW_FONT, p.family))
        .max()
        .unwrap_or(40);
    let plot_w = OVERVIEW_WIDTH - 2 * 14 - NAME_AREA;
    let axis_w = (f64::from(plot_w) * (end - lo) / (x_max - lo)) as u32;
    let ticks = (axis_w / (widest + 24)).max(2) as usize;
    let svg = draw_svg(size, &legend, p.text, |body| {
        let mut chart = ChartBuilder::on(body)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(NAME_AREA)
            .build_cartesian_2d(lo..x_max, 0f64..n as f64)?;
        let scale = (x_max - lo) / (end - lo);
        house_mesh(&mut chart, &p, OVERVIEW_FONT)
            .disable_y_mesh()
            .y_labels(0)
            .x_labels((ticks as f64 * scale).ceil() as usize)
            .x_label_formatter(&|v| {
                // No tick past the axis's end, where only the figures are.
                if *v > end + 1e-9 {
                    String::new()
                } else {
                    label(*v)
                }
            })
            .draw()?;
        if past {
            // The grid stops at the axis's end.
            chart.draw_series(std::iter::once(Rectangle::new(
                [(end, 0.0), (x_max, n as f64)],
                WHITE.filled(),
            )))?;
        }
        // The names, whole, right-aligned before the axis and centred on
        // their row.
        let x = lo;
        chart.draw_series(names.iter().enumerate().flat_map(|(i, lines)| {
            let centre = (n - 1 - i) as f64 + 0.5;
            let first = -((lines.len() as i32 - 1) * NAME_LINE as i32) / 2;
            lines.iter().enumerate().map(move |(l, line)| {
                EmptyElement::at((x, centre))
                    + Text::new(
                        line.clone(),
                        (-10, first + l as i32 * NAME_LINE as i32),
                        font(OVERVIEW_FONT, p.family)
                            .color(&p.text)
                            .pos(Pos::new(HPos::Right, VPos::Center)),
                    )
            })
        }))?;
        summary_rows(&mut chart, rows, (lo, hi), &p, words)
    });
    Chart {
        file_name: format!("{id}.svg"),
        id,
        svg,
        caption,
        alt: summary_alt(rows, text),
    }
}

/// The overview's bars (realisation above expected progress) per row, the
/// words "geen meting" where there is no measurement, and the 100 % line.
pub(super) fn summary_rows<'a>(
    chart: &mut ChartContext<'_, SVGBackend<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    rows: &[(&Indicator, &IndicatorAnalysis)],
    (lo, hi): (f64, f64),
    p: &Palette,
    words: &ChartWords,
) -> DrawResult<'a> {
    let n = rows.len().max(1);
    let row_y = |i: usize| (n - 1 - i) as f64;
    // In the year of its baseline an indicator has no progress to show:
    // its word, as for one without a measurement.
    let baseline = |a: &IndicatorAnalysis| a.status == crate::analysis::Status::Nulmeting;
    // The axis runs a little past `hi`; a bar past it runs to the axis's
    // end, with a break, and its figure after it.
    let end = hi * 1.05;
    chart.draw_series(rows.iter().enumerate().filter_map(|(i, (_, a))| {
        if baseline(a) {
            return None;
        }
        let r = a.realisatie?;
        let y = row_y(i);
        let shown = if r > hi { end } else { r.clamp(lo, hi) };
        Some(Rectangle::new(
            [(0.0f64.min(shown), y + 0.52), (shown.max(0.0), y + 0.86)],
            p.main.filled(),
        ))
    }))?;
    for (i, (_, a)) in rows.iter().enumerate() {
        let Some(r) = a
            .realisatie
            .filter(|r| (*r > hi || *r < lo) && !baseline(a))
        else {
            continue;
        };
        let y = row_y(i);
        let (at, gap, pos) = if r > hi {
            (end, -(end - lo) * 0.03, HPos::Left)
        } else {
            (lo, (end - lo) * 0.03, HPos::Right)
        };
        // Two white strokes across the bar: it is broken off here.
        for k in [0.0, 0.012] {
            let x = at + gap + (end - lo) * k;
            chart.draw_series(std::iter::once(PathElement::new(
                vec![
                    (x - (end - lo) * 0.006, y + 0.48),
                    (x + (end - lo) * 0.006, y + 0.90),
                ],
                WHITE.stroke_width(3),
            )))?;
        }
        let figure = if r > hi {
            (end - lo) * 0.01
        } else {
            -(end - lo) * 0.01
        };
        chart.draw_series(std::iter::once(Text::new(
            percent0(r),
            (at + figure, y + 0.69),
            font(OVERVIEW_FONT, p.family)
                .color(&p.text)
                .pos(Pos::new(pos, VPos::Center)),
        )))?;
    }
    // Without a measurement there is nothing to compare the expected
    // progress with: no bars, only the words.
    chart.draw_series(rows.iter().enumerate().filter_map(|(i, (_, a))| {
        a.realisatie?;
        if baseline(a) {
            return None;
        }
        let y = row_y(i);
        let v = a.verwacht.clamp(lo, hi);
        Some(Rectangle::new(
            [(0.0f64.min(v), y + 0.14), (v.max(0.0), y + 0.48)],
            p.expected.filled(),
        ))
    }))?;
    chart.draw_series(rows.iter().enumerate().filter_map(|(i, (_, a))| {
        let word = if baseline(a) {
            &words.nulmeting
        } else if a.realisatie.is_none() {
            &words.geen_meting
        } else {
            return None;
        };
        Some(Text::new(
            word.clone(),
            (lo.max(0.0) + (hi - lo) * 0.01, row_y(i) + 0.5),
            font(OVERVIEW_FONT, p.family)
                .color(&p.text)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))
    }))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(100.0, 0.0), (100.0, n as f64)],
        p.target.stroke_width(2),
    )))?;
    Ok(())
}

/// The alternative text of the overview: each indicator's realisation
/// against the expected progress.
pub(super) fn summary_alt(rows: &[(&Indicator, &IndicatorAnalysis)], text: ChartText) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|(i, a)| match a.realisatie {
            Some(r) => text(
                |g| &g.alt_overzicht_indicator,
                minijinja::context! {
                    naam => i.naam.as_str(),
                    realisatie => percent(r),
                    verwacht => percent(a.verwacht),
                },
            ),
            None => text(
                |g| &g.alt_overzicht_geen_meting,
                minijinja::context! { naam => i.naam.as_str(), verwacht => percent(a.verwacht) },
            ),
        })
        .collect();
    text(
        |g| &g.alt_overzicht,
        minijinja::context! { indicatoren => parts.join("; ") },
    )
}
