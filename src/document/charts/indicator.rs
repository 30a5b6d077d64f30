//! The line chart of one indicator: its measurements, the expected line
//! from baseline to target, the target and the report year; with its alt
//! text, which states the data.

use super::kit::Palette;
use super::kit::*;
use super::*;
use crate::analysis::expected_value;
use crate::document::house_style::HouseStyle;
use crate::format_nl::text::number;
use crate::model::Indicator;
use plotters::prelude::*;
use plotters::series::DashedLineSeries;

/// The width of an indicator's chart, in pixels: it stands beside the key
/// figures, in about half the text width, and its text stays as large as
/// the other charts' there.
const COMPACT_WIDTH: u32 = 440;
/// The height of its plot, below the legend.
const COMPACT_PLOT: u32 = 168;
/// The least room between the unit and the report year's name.
const YEAR_LABEL_GAP: i32 = 16;

/// The room the y axis's numbers need: the widest label and a gap.
fn axis_label_width(min: f64, max: f64, decimals: u8, family: &str) -> u32 {
    [min, max, (min + max) / 2.0]
        .iter()
        .map(|v| text_width(&axis_number(*v, decimals), CHART_FONT, family))
        .max()
        .unwrap_or(0)
        + 16
}

/// Where the report year's name stands above the plot, at the top of its
/// line (its left edge, in pixels), in the band of the unit: centred on the
/// line, or beginning or ending at it, inside the chart and clear of the
/// unit. None when the band
/// has no room for it beside the unit; the legend names the line then.
fn report_year_label(
    ind: &Indicator,
    year: i32,
    first: i32,
    last: i32,
    labels: u32,
    name: &str,
    family: &str,
) -> Option<i32> {
    let unit_end = PLOT_MARGIN + text_width(&ind.eenheid, CHART_FONT, family) as i32;
    let width = text_width(name, CHART_FONT, family) as i32;
    // The plot's x range as plotters lays it out: the chart's margin, the
    // y axis's labels, and a third of a year beyond the first and last.
    let (plot_left, plot_right) = (
        PLOT_MARGIN + labels as i32,
        COMPACT_WIDTH as i32 - PLOT_MARGIN,
    );
    let share = (f64::from(year - first) + 0.3) / (f64::from(last - first) + 0.6);
    let line = plot_left + (share * f64::from(plot_right - plot_left)).round() as i32;
    // Centred on the line, else beginning at it, else ending at it.
    [line - width / 2, line - 2, line - width + 2]
        .into_iter()
        .find(|left| *left >= unit_end + YEAR_LABEL_GAP && left + width <= COMPACT_WIDTH as i32 - 6)
}

/// Measurements, expected trajectory and target of one indicator.
pub fn indicator_chart(
    ind: &Indicator,
    year: i32,
    status: &str,
    style: &HouseStyle,
    words: &ChartWords,
    text: ChartText,
) -> Chart {
    let p = Palette::of(style);
    let d = ind.decimalen;
    let first = ind
        .metingen
        .keys()
        .next()
        .copied()
        .unwrap_or(ind.nulmeting.jaar)
        .min(ind.nulmeting.jaar);
    let last = ind.doel.jaar.max(year);
    let values: Vec<f64> = ind
        .metingen
        .values()
        .copied()
        .chain([ind.nulmeting.waarde, ind.doel.waarde])
        .collect();
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min).min(0.0);
    let points: Vec<(f64, f64)> = ind.metingen.iter().map(|(y, v)| (*y as f64, *v)).collect();
    let labels = axis_label_width(min, ceiling(max), d.min(1), p.family);
    let year_left = report_year_label(ind, year, first, last, labels, &words.verslagjaar, p.family);
    let mut entries = vec![
        (words.verwacht_traject.clone(), Mark::Dashed(p.axis)),
        (words.metingen.clone(), Mark::Line(p.main, 3)),
        (words.doel.clone(), Mark::Triangle(p.target)),
    ];
    if year_left.is_none() {
        entries.push((words.verslagjaar.clone(), Mark::Line(p.expected, 2)));
    }
    let legend = Legend::new(entries, PLOT_MARGIN, COMPACT_WIDTH, CHART_FONT, p.family);
    let size = (COMPACT_WIDTH, COMPACT_PLOT + legend.height());
    let svg = draw_svg(size, &legend, p.text, |body| {
        let plot = under_unit(body, &ind.eenheid, &p)?;
        let mut chart = plot_builder(&plot, labels)
            .build_cartesian_2d((first as f64 - 0.3)..(last as f64 + 0.3), min..ceiling(max))?;
        house_mesh(&mut chart, &p, CHART_FONT)
            .disable_x_mesh()
            // One label per year, or a few round years over a long span.
            .x_labels(((last - first + 1) as usize).min(MAX_YEAR_LABELS))
            .y_labels(6)
            .x_label_formatter(&years_label)
            .y_label_formatter(&|v| axis_number(*v, d.min(1)))
            .draw()?;
        // The report year: its line, named above the plot where it ends.
        if let Some(left) = year_left {
            body.draw_text(
                &words.verslagjaar,
                &font(CHART_FONT, p.family).color(&p.text),
                (left, UNIT_TOP),
            )?;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(year as f64, min), (year as f64, ceiling(max))],
            p.expected.stroke_width(2),
        )))?;
        chart.draw_series(DashedLineSeries::new(
            [
                (ind.nulmeting.jaar as f64, ind.nulmeting.waarde),
                (ind.doel.jaar as f64, ind.doel.waarde),
            ],
            8,
            6,
            p.axis.stroke_width(2),
        ))?;
        chart.draw_series(LineSeries::new(points.clone(), p.main.stroke_width(3)))?;
        chart.draw_series(points.iter().map(|pt| Circle::new(*pt, 5, p.main.filled())))?;
        // The target as an open triangle, drawn last and larger than a
        // measurement's dot: a measurement at the target stays visible
        // inside it, and the target around it.
        chart.draw_series(std::iter::once(
            EmptyElement::at((ind.doel.jaar as f64, ind.doel.waarde))
                + PathElement::new(open_triangle(12), p.target.stroke_width(3)),
        ))?;
        Ok(())
    });
    Chart {
        id: ind.id.clone(),
        file_name: format!("{}.svg", ind.id),
        svg,
        caption: words.caption.clone(),
        alt: indicator_alt(ind, year, status, text),
    }
}

/// The alternative text of an indicator's chart: its measurements, baseline,
/// target and status.
pub(super) fn indicator_alt(ind: &Indicator, year: i32, status: &str, text: ChartText) -> String {
    let d = ind.decimalen;
    let measured = if ind.metingen.is_empty() {
        text(|g| &g.alt_geen_metingen, minijinja::context! {})
    } else {
        let list = ind
            .metingen
            .iter()
            .map(|(y, v)| format!("{y}: {}", number(*v, d)))
            .collect::<Vec<_>>()
            .join(", ");
        text(
            |g| &g.alt_metingen,
            minijinja::context! { metingen => list },
        )
    };
    text(
        |g| &g.alt_indicator,
        minijinja::context! {
            naam => ind.naam.as_str(),
            eenheid => ind.eenheid.as_str(),
            metingen => measured,
            nulmeting => number(ind.nulmeting.waarde, d),
            nulmeting_jaar => ind.nulmeting.jaar,
            doel => number(ind.doel.waarde, d),
            doel_jaar => ind.doel.jaar,
            jaar => year,
            status => status,
        },
    )
}

/// Expected value of an indicator in a year, for the tables of the appendix.
pub fn trajectory(ind: &Indicator, year: i32) -> f64 {
    expected_value(ind, year as f64)
}
