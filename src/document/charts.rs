//! The charts of the report, drawn once with plotters as SVG and shared by
//! both renderers (and written to `grafieken/`).
//!
//! Text is measured with the embedded Noto Sans through plotters' `ab_glyph`
//! backend: no fontconfig, no system fonts. Every chart carries a Dutch
//! caption and an alternative text that states its data.

use std::path::{Path, PathBuf};
use std::sync::Once;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::series::DashedLineSeries;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::analysis::{Analysis, IndicatorAnalysis, expected_value};
use crate::document::house_style::{Colour, HouseStyle};
use crate::document::texts::{Grafieken, Text as FixedText};
use crate::format_nl::{number, percent};
use crate::model::{Indicator, Voortgang};

/// The font family name charts use; the same family is embedded in Typst.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The colours of the charts, from the house style (`huisstijl.yaml`).
#[derive(Clone, Copy)]
struct Palette {
    /// Measurements and realisation: the main colour.
    main: RGBColor,
    /// Expected progress and the report year.
    expected: RGBColor,
    /// The target and the 100 % line.
    target: RGBColor,
    /// Axes and their labels.
    axis: RGBColor,
    /// Grid lines.
    grid: RGBColor,
    /// Label text.
    text: RGBColor,
}

fn rgb(c: &Colour) -> RGBColor {
    let (r, g, b) = c.rgb();
    RGBColor(r, g, b)
}

impl Palette {
    fn of(style: &HouseStyle) -> Self {
        Palette {
            main: rgb(&style.kleuren.hoofdkleur),
            expected: rgb(&style.grafieken.verwacht),
            target: rgb(&style.grafieken.doel),
            axis: rgb(&style.kleuren.grijs),
            grid: rgb(&style.grafieken.raster),
            text: rgb(&style.kleuren.tekst),
        }
    }
}

/// The words of legends and captions, from the fixed texts; `doel` and the
/// captions are filled in per chart by the caller.
#[derive(Debug, Clone)]
pub struct ChartWords {
    pub metingen: String,
    pub verwacht_traject: String,
    /// Legend of the target, with its value filled in.
    pub doel: String,
    pub realisatie: String,
    pub verwacht: String,
    /// The caption, filled in.
    pub caption: String,
    /// Shown in a row of the overview chart without a measurement.
    pub geen_meting: String,
    /// Shown in a row of the overview whose baseline is this year.
    pub nulmeting: String,
    /// Legend of the report-year line, with the year filled in.
    pub verslagjaar: String,
    /// Legend of the overview's 100 % line.
    pub doel_bereikt: String,
}

/// Fills in the text of the charts (`grafieken` in teksten.yaml) it picks.
pub type ChartText<'a> = &'a dyn Fn(fn(&Grafieken) -> &FixedText, minijinja::Value) -> String;

/// The folder of the charts: in the report's own files (the Typst
/// project, the web page's map of charts) and, per report, in the output
/// folder.
pub const CHARTS_DIR: &str = "grafieken";

/// One drawn chart.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: String,
    /// File name under [`CHARTS_DIR`].
    pub file_name: String,
    pub svg: String,
    pub caption: String,
    pub alt: String,
}

/// All charts of one report, in document order.
#[derive(Debug, Clone, Default)]
pub struct ChartSet {
    /// Shared with the figures that show them.
    pub charts: Vec<std::sync::Arc<Chart>>,
}

impl Chart {
    /// Its path among the report's own files: `grafieken/<file_name>`.
    pub fn path(&self) -> String {
        format!("{CHARTS_DIR}/{}", self.file_name)
    }
}

impl ChartSet {
    /// Where `chart` of the report `slug` is written in the output folder:
    /// `grafieken/<slug>/<file_name>`.
    pub fn output_path(&self, slug: &str, chart: &Chart) -> PathBuf {
        Path::new(CHARTS_DIR).join(slug).join(&chart.file_name)
    }
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for (style, bytes) in [
            (FontStyle::Normal, crate::fonts::NOTO_SANS_REGULAR),
            (FontStyle::Bold, crate::fonts::NOTO_SANS_BOLD),
            (FontStyle::Italic, crate::fonts::NOTO_SANS_ITALIC),
        ] {
            plotters::style::register_font(FONT_FAMILY, style, bytes)
                .unwrap_or_else(|_| panic!("embedded font {FONT_FAMILY} is valid"));
        }
    });
}

fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT_FAMILY), size, FontStyle::Normal)
}

/// What drawing one chart can fail with.
type DrawResult<'a> =
    Result<(), DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>>;

/// Draw into an SVG string: the legend in a band at the top, the plot that
/// `draw` makes below it.
fn draw_svg(
    size: (u32, u32),
    legend: &Legend,
    text: RGBColor,
    draw: impl for<'a> FnOnce(&DrawingArea<SVGBackend<'a>, Shift>) -> DrawResult<'a>,
) -> String {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).expect("fill an SVG in memory");
        let (top, body) = root.split_vertically(legend.height());
        // Drawing into a string cannot fail for I/O reasons; a failure here
        // is a bug in the chart code.
        legend.draw(&top, text).expect("draw legend");
        draw(&body).expect("draw chart");
        root.present().expect("finish SVG");
    }
    // A viewer without Noto Sans (the web page on a phone) falls back to a
    // sans-serif, never to a serif.
    svg.replace(
        &format!("font-family=\"{FONT_FAMILY}\""),
        &format!("font-family=\"{FONT_FAMILY}, Arial, Helvetica, sans-serif\""),
    )
}

/// How a legend entry is drawn.
#[derive(Clone, Copy)]
enum Mark {
    Line(RGBColor, u32),
    Dashed(RGBColor),
    Triangle(RGBColor),
    Bar(RGBColor),
}

/// A legend above the plot, never over the data: entries left to right,
/// on as many rows as the width needs.
struct Legend {
    items: Vec<(String, Mark)>,
    size: f64,
    /// Rows of item indices with the x offset of each item.
    rows: Vec<Vec<(usize, i32)>>,
}

/// Sizes of chart text in SVG pixels (plotters writes `font-size` as size /
/// 1.24). A chart printed at 90 % of the PDF's text width (465 pt) shows
/// 720 px in 418 pt, so 18 px prints at 8,4 pt; the overview, printed at
/// the full width, at 16 px (8,3 pt). In the web page a chart is never
/// narrower than its 720 px, so its labels are at least 12,9 CSS px.
const CHART_FONT: f64 = 18.0;
const OVERVIEW_FONT: f64 = 16.0;
const LEGEND_ROW: u32 = 28;
/// Width of the mark before the words, and the gaps.
const MARK_W: i32 = 22;
const MARK_GAP: i32 = 7;
const ITEM_GAP: i32 = 22;

impl Legend {
    fn new(items: Vec<(String, Mark)>, left: i32, width: u32, size: f64) -> Self {
        register_fonts();
        let right = width as i32 - 14;
        let mut rows: Vec<Vec<(usize, i32)>> = vec![Vec::new()];
        let mut x = left;
        for (i, (label, _)) in items.iter().enumerate() {
            let text_w = text_width(label, size) as i32;
            let w = MARK_W + MARK_GAP + text_w;
            let row = rows.last_mut().expect("a row");
            if !row.is_empty() && x + w > right {
                rows.push(Vec::new());
                x = left;
            }
            rows.last_mut().expect("a row").push((i, x));
            x += w + ITEM_GAP;
        }
        Legend { items, size, rows }
    }

    /// Height of the band above the plot.
    fn height(&self) -> u32 {
        10 + LEGEND_ROW * self.rows.len() as u32
    }

    fn draw<'a>(
        &self,
        area: &DrawingArea<SVGBackend<'a>, Shift>,
        text: RGBColor,
    ) -> DrawResult<'a> {
        for (r, row) in self.rows.iter().enumerate() {
            let mid = 12 + r as i32 * LEGEND_ROW as i32 + 8;
            for &(i, x) in row {
                let (label, mark) = &self.items[i];
                match *mark {
                    Mark::Line(c, w) => area.draw(&PathElement::new(
                        vec![(x, mid), (x + MARK_W, mid)],
                        c.stroke_width(w),
                    ))?,
                    Mark::Dashed(c) => {
                        for x0 in [x, x + 13] {
                            area.draw(&PathElement::new(
                                vec![(x0, mid), (x0 + 9, mid)],
                                c.stroke_width(2),
                            ))?;
                        }
                    }
                    Mark::Triangle(c) => area.draw(
                        &(EmptyElement::at((x + MARK_W / 2, mid))
                            + PathElement::new(open_triangle(8), c.stroke_width(3))),
                    )?,
                    Mark::Bar(c) => area.draw(&Rectangle::new(
                        [(x + 4, mid - 7), (x + MARK_W - 4, mid + 7)],
                        c.filled(),
                    ))?,
                }
                area.draw(&Text::new(
                    label.clone(),
                    (x + MARK_W + MARK_GAP, mid),
                    font(self.size)
                        .color(&text)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
        }
        Ok(())
    }
}

/// Chart width in pixels.
const WIDTH: u32 = 720;

pub use crate::model::{BREAKDOWN_SUFFIX, OVERVIEW_CHART};

/// At most this many years are labelled on an axis.
const MAX_YEAR_LABELS: usize = 12;

/// The outline of a triangle pointing up, `r` pixels from its centre to a
/// corner, as a closed path around (0, 0).
fn open_triangle(r: i32) -> Vec<(i32, i32)> {
    let half = r * 87 / 100;
    let low = r / 2;
    vec![(0, -r), (half, low), (-half, low), (0, -r), (half, low)]
}

/// A number on an axis: Dutch, with a real minus sign (U+2212).
fn axis_number(v: f64, decimals: u8) -> String {
    number(v, decimals).replacen('-', "\u{2212}", 1)
}

fn years_label(y: &f64) -> String {
    if (y - y.round()).abs() < 1e-6 {
        format!("{}", y.round() as i64)
    } else {
        String::new()
    }
}

/// Axis ceiling: a little room above the highest value.
fn ceiling(max: f64) -> f64 {
    if max <= 0.0 { 1.0 } else { max * 1.15 }
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
    let legend = Legend::new(
        vec![
            (words.verwacht_traject.clone(), Mark::Dashed(p.axis)),
            (words.metingen.clone(), Mark::Line(p.main, 3)),
            (words.doel.clone(), Mark::Triangle(p.target)),
            (words.verslagjaar.clone(), Mark::Line(p.expected, 2)),
        ],
        14 + 72,
        WIDTH,
        CHART_FONT,
    );
    let size = (WIDTH, 360 + legend.height());
    let svg = draw_svg(size, &legend, p.text, |body| {
        let mut chart = ChartBuilder::on(body)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(72)
            .build_cartesian_2d((first as f64 - 0.3)..(last as f64 + 0.3), min..ceiling(max))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(p.grid)
            .axis_style(p.axis)
            // One label per year, or a few round years over a long span.
            .x_labels(((last - first + 1) as usize).min(MAX_YEAR_LABELS))
            .y_labels(6)
            .x_label_formatter(&years_label)
            .y_label_formatter(&|v| axis_number(*v, d.min(1)))
            .y_desc(ind.eenheid.clone())
            .label_style(font(CHART_FONT).color(&p.text))
            .axis_desc_style(font(CHART_FONT).color(&p.text))
            .draw()?;
        // The report year.
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
fn indicator_alt(ind: &Indicator, year: i32, status: &str, text: ChartText) -> String {
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

/// Grouped bars of an indicator's breakdown per region and year.
pub fn breakdown_chart(
    ind: &Indicator,
    style: &HouseStyle,
    words: &ChartWords,
    text: ChartText,
) -> Option<Chart> {
    if ind.uitsplitsing.is_empty() {
        return None;
    }
    let p = Palette::of(style);
    let region_colours: Vec<RGBColor> = style.region_colours().into_iter().map(rgb).collect();
    let d = ind.decimalen;
    let mut years: Vec<i32> = ind
        .uitsplitsing
        .values()
        .flat_map(|m| m.keys().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    let regions: Vec<(&String, _)> = ind.uitsplitsing.iter().collect();
    let max = ind
        .uitsplitsing
        .values()
        .flat_map(|m| m.values().copied())
        .fold(0.0, f64::max);
    let n = years.len();
    let k = regions.len().max(1);
    let legend = Legend::new(
        regions
            .iter()
            .enumerate()
            .map(|(r, (name, _))| {
                (
                    name.to_string(),
                    Mark::Bar(region_colours[r % region_colours.len()]),
                )
            })
            .collect(),
        14 + 72,
        WIDTH,
        CHART_FONT,
    );
    // A single year: a lower chart, its group of bars in the middle third.
    let slots = n.max(3);
    let offset = ((slots - n) / 2) as f64;
    let size = (WIDTH, if n == 1 { 260 } else { 340 } + legend.height());
    let label_of = |x: &f64| group_label(&years, *x - offset);
    let svg = draw_svg(size, &legend, p.text, |body| {
        let mut chart = ChartBuilder::on(body)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(72)
            .build_cartesian_2d(0f64..slots as f64, 0f64..ceiling(max))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(p.grid)
            .axis_style(p.axis)
            .x_labels(2 * slots + 1)
            .x_label_formatter(&label_of)
            .y_label_formatter(&|v| axis_number(*v, d.min(1)))
            .y_desc(ind.eenheid.clone())
            .label_style(font(CHART_FONT).color(&p.text))
            .axis_desc_style(font(CHART_FONT).color(&p.text))
            .draw()?;
        let bar = 0.8 / k as f64;
        for (r, (_, values)) in regions.iter().enumerate() {
            let color = region_colours[r % region_colours.len()];
            chart.draw_series(years.iter().enumerate().filter_map(|(i, y)| {
                let v = values.get(y)?;
                let x0 = offset + i as f64 + 0.1 + r as f64 * bar;
                Some(Rectangle::new(
                    [(x0, 0.0), (x0 + bar * 0.92, *v)],
                    color.filled(),
                ))
            }))?;
        }
        Ok(())
    });
    Some(Chart {
        id: format!("{}{BREAKDOWN_SUFFIX}", ind.id),
        file_name: format!("{}{BREAKDOWN_SUFFIX}.svg", ind.id),
        svg,
        caption: words.caption.clone(),
        alt: breakdown_alt(ind, text),
    })
}

/// The year under the group of bars whose centre is at `x`: group i
/// occupies [i, i+1); elsewhere no label.
fn group_label(years: &[i32], x: f64) -> String {
    let centre = x - 0.5;
    if (centre - centre.round()).abs() < 1e-6 && centre >= -1e-6 {
        years
            .get(centre.round() as usize)
            .map(|y| y.to_string())
            .unwrap_or_default()
    } else {
        String::new()
    }
}

/// The alternative text of a breakdown: every region's values per year.
fn breakdown_alt(ind: &Indicator, text: ChartText) -> String {
    let parts: Vec<String> = ind
        .uitsplitsing
        .iter()
        .map(|(name, values)| {
            format!(
                "{name} {}",
                values
                    .iter()
                    .map(|(y, v)| format!("{y}: {}", number(*v, ind.decimalen)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    text(
        |g| &g.alt_uitsplitsing,
        minijinja::context! { naam => ind.naam.as_str(), eenheid => ind.eenheid.as_str(), regios => parts.join("; ") },
    )
}

/// Width of `text` in pixels at `size`, as the SVG shows it. plotters
/// measures with ab_glyph, whose scale is the line height (ascent minus
/// descent: 1.362 em in Noto Sans), but writes `font-size` as size / 1.24:
/// the drawn text is 1.362 / 1.24 = 1.098 times the measured width.
fn text_width(text: &str, size: f64) -> u32 {
    register_fonts();
    let measured = font(size)
        .box_size(text)
        .map_or(8 * text.chars().count() as u32, |(w, _)| w);
    (f64::from(measured) * 1.1).ceil() as u32
}

/// `name` in lines at most `max_px` wide at `size`, broken between words;
/// a word wider than a line is broken inside itself. The whole name stays:
/// the chart is the same picture in every format, and its alt text has the
/// name too.
fn wrap(name: &str, size: f64, max_px: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in name.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= max_px {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, broken where it must be.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if text_width(&piece, size) > max_px && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Room for an indicator's name left of the overview's bars.
const NAME_AREA: u32 = 270;
/// Height of one line of a name in the overview.
const NAME_LINE: u32 = 19;
/// Height of a part of the overview at most: with its caption it fits a
/// page of the PDF and of the DOCX (920 of 720 px wide is 21 cm of 16,4).
const OVERVIEW_MAX_HEIGHT: u32 = 920;

/// At most this many indicators in one part of the overview: a part with
/// its legend, axis and caption fits a page of the PDF and of the DOCX.
pub const OVERVIEW_ROWS: usize = 20;

/// The parts of the overview for `n` indicators: as few as fit, of equal
/// size (31 indicators: 16 and 15), as ranges of row indices.
pub fn overview_parts(n: usize) -> Vec<std::ops::Range<usize>> {
    overview_parts_of(n, OVERVIEW_ROWS)
}

/// The parts of `n` rows with at most `per_part` in each, of equal size.
fn overview_parts_of(n: usize, per_part: usize) -> Vec<std::ops::Range<usize>> {
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
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|(i, _)| wrap(&i.naam, OVERVIEW_FONT, NAME_AREA - 20))
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
fn overview_legend(style: &HouseStyle, words: &ChartWords) -> Legend {
    let p = Palette::of(style);
    Legend::new(
        vec![
            (words.realisatie.clone(), Mark::Bar(p.main)),
            (words.verwacht.clone(), Mark::Bar(p.expected)),
            (words.doel_bereikt.clone(), Mark::Line(p.target, 2)),
        ],
        14 + NAME_AREA as i32,
        WIDTH,
        OVERVIEW_FONT,
    )
}

/// One part of the overview.
fn summary_part(
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
    let size = (WIDTH, 80 + row_h * n as u32 + legend.height());
    let svg = draw_svg(size, &legend, p.text, |body| {
        let mut chart = ChartBuilder::on(body)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(NAME_AREA)
            .build_cartesian_2d(lo..hi * 1.05, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(p.grid)
            .axis_style(p.axis)
            .y_labels(0)
            .x_label_formatter(&|v| format!("{}\u{a0}%", axis_number(*v, 0)))
            .label_style(font(OVERVIEW_FONT).color(&p.text))
            .draw()?;
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
                        font(OVERVIEW_FONT)
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
fn summary_rows<'a>(
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
    chart.draw_series(rows.iter().enumerate().filter_map(|(i, (_, a))| {
        if baseline(a) {
            return None;
        }
        let r = a.realisatie?;
        let y = row_y(i);
        Some(Rectangle::new(
            [
                (0.0f64.min(r.clamp(lo, hi)), y + 0.52),
                (r.clamp(lo, hi).max(0.0), y + 0.86),
            ],
            p.main.filled(),
        ))
    }))?;
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
            font(OVERVIEW_FONT)
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
fn summary_alt(rows: &[(&Indicator, &IndicatorAnalysis)], text: ChartText) -> String {
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

/// Expected value of an indicator in a year, for the tables of the appendix.
pub fn trajectory(ind: &Indicator, year: i32) -> f64 {
    expected_value(ind, year as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::texts::TextSet;
    use crate::load::{LoadOptions, load};

    fn words() -> ChartWords {
        ChartWords {
            metingen: "metingen".into(),
            verwacht_traject: "verwacht traject".into(),
            doel: "doel 77".into(),
            realisatie: "realisatie".into(),
            verwacht: "verwacht".into(),
            caption: String::new(),
            geen_meting: "geen meting".into(),
            nulmeting: "nulmeting".into(),
            verslagjaar: "verslagjaar 2016".into(),
            doel_bereikt: "100 % = doel".into(),
        }
    }

    /// `(y, height)` of every `<rect` filled with `fill`.
    fn rects(svg: &str, fill: &str) -> Vec<(f64, f64)> {
        svg.split("<rect")
            .skip(1)
            .filter(|r| r.to_uppercase().contains(&format!("FILL=\"{fill}\"")))
            .map(|r| {
                let attr = |name: &str| -> f64 {
                    r.split(&format!(" {name}=\""))
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap()
                };
                (attr("y"), attr("height"))
            })
            .collect()
    }

    #[test]
    fn long_names_wrap_whole_and_every_line_fits() {
        assert_eq!(wrap("Jet-Net-scholen", 16.0, 250), ["Jet-Net-scholen"]);
        let long = "Schoolbesturen actief in Bètapunt Noord en in alle andere regio's van het land";
        let lines = wrap(long, 16.0, 250);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), long, "the whole name");
        assert!(
            lines.iter().all(|l| text_width(l, 16.0) <= 250),
            "{lines:?}"
        );
        let word = "W".repeat(200);
        let lines = wrap(&word, 16.0, 250);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| text_width(l, 16.0) <= 250));
    }

    /// The overview of the example: the legend lies above every bar; the
    /// indicator without a measurement in 2016, and the one whose baseline
    /// is 2016, have no bar but their word.
    #[test]
    fn overview_legend_above_the_bars_and_no_bar_without_a_measurement() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
        let loaded = load(&path, LoadOptions::default()).unwrap();
        let analysis = crate::analysis::analyse(&loaded.data);
        let style = HouseStyle::embedded();
        let text = |pick: fn(&Grafieken) -> &FixedText, _: minijinja::Value| {
            pick(
                &TextSet::load(&crate::templates::Templates::embedded())
                    .unwrap()
                    .teksten
                    .grafieken,
            )
            .pointer()
            .to_string()
        };
        let caption = |_: usize, _: usize| String::new();
        let charts = summary_charts(&loaded.data, &analysis, &style, &words(), &caption, &text);
        assert_eq!(charts.len(), 1);
        let chart = &charts[0];
        let measured = analysis
            .indicators
            .iter()
            .filter(|(_, a)| {
                a.realisatie.is_some() && a.status != crate::analysis::Status::Nulmeting
            })
            .count();
        assert_eq!(analysis.indicators.len(), 7);
        // One without a measurement, one in the year of its baseline.
        assert_eq!(measured, 5);
        let expected = rects(&chart.svg, "#8FCAE7");
        let realised = rects(&chart.svg, "#154273");
        // One legend mark and one bar per measured indicator.
        assert_eq!(expected.len(), measured + 1, "{}", chart.svg);
        assert_eq!(realised.len(), measured + 1);
        let legend_bottom = expected[0].0 + expected[0].1;
        for (y, _) in expected[1..].iter().chain(&realised[1..]) {
            assert!(
                *y > legend_bottom,
                "a bar at {y} under the legend ending at {legend_bottom}"
            );
        }
        assert!(chart.svg.contains("geen meting"));
        assert!(
            chart.svg.contains(">\nnulmeting\n<"),
            "the baseline row has its word"
        );
        // The whole names, on as many lines as they need.
        assert!(chart.svg.contains("Door het Platform ondersteunde"));
        assert!(!chart.svg.contains('…'));
    }

    #[test]
    fn the_overview_is_split_into_parts_of_equal_size_that_fit_a_page() {
        assert_eq!(overview_parts(0), vec![0..0]);
        assert_eq!(overview_parts(1), vec![0..1]);
        assert_eq!(overview_parts(20), vec![0..20]);
        assert_eq!(overview_parts(21), [0..11, 11..21]);
        assert_eq!(overview_parts(31), [0..16, 16..31]);
        assert_eq!(overview_parts(60), [0..20, 20..40, 40..60]);
        for n in 1..=200 {
            let parts = overview_parts(n);
            assert_eq!(parts.first().unwrap().start, 0);
            assert_eq!(parts.last().unwrap().end, n);
            assert!(parts.windows(2).all(|w| w[0].end == w[1].start));
            assert!(
                parts
                    .iter()
                    .all(|r| !r.is_empty() && r.len() <= OVERVIEW_ROWS),
                "{n}"
            );
        }
        assert_eq!(overview_id(0), "overzicht");
        assert_eq!(overview_id(2), "overzicht_3");
    }
}
