//! The drawing kit of the charts: the house palette, the embedded fonts
//! and text measure, the SVG canvas, legends, axis labels and the sizes
//! every chart kind shares.

use crate::document::house_style::{Colour, HouseStyle};
use crate::fonts::house::HouseFonts;
use crate::fonts::list::Style;
use crate::format_nl::text::number;
use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// The colours of the charts, from the house style (`huisstijl.yaml`).
#[derive(Clone, Copy)]
pub(super) struct Palette {
    /// Measurements and realisation: the main colour.
    pub(super) main: RGBColor,
    /// Expected progress and the report year.
    pub(super) expected: RGBColor,
    /// The target and the 100 % line.
    pub(super) target: RGBColor,
    /// Axes and their labels.
    pub(super) axis: RGBColor,
    /// Grid lines.
    pub(super) grid: RGBColor,
    /// Label text.
    pub(super) text: RGBColor,
    /// The house font's family, registered with plotters.
    pub(super) family: &'static str,
}

pub(super) fn rgb(c: &Colour) -> RGBColor {
    let (r, g, b) = c.rgb();
    RGBColor(r, g, b)
}

impl Palette {
    pub(super) fn of(style: &HouseStyle) -> Self {
        Palette {
            main: rgb(&style.kleuren.hoofdkleur),
            expected: rgb(&style.grafieken.verwacht),
            target: rgb(&style.grafieken.doel),
            axis: rgb(&style.kleuren.grijs),
            grid: rgb(&style.grafieken.raster),
            text: rgb(&style.kleuren.tekst),
            family: register_fonts(&style.fonts),
        }
    }
}

/// The house fonts registered with plotters, by family. plotters keeps
/// its fonts by family name for the whole process, with `'static` bytes:
/// each family is registered (and its files kept) once.
static REGISTERED: LazyLock<Mutex<Registered>> = LazyLock::new(Default::default);

/// Each registered family: its `'static` name and its files.
type Registered = HashMap<String, (&'static str, Arc<HouseFonts>)>;

/// Register the house font with plotters (once per family) and give its
/// family name.
pub(super) fn register_fonts(fonts: &Arc<HouseFonts>) -> &'static str {
    let mut registered = REGISTERED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((family, _)) = registered.get(&fonts.family) {
        return family;
    }
    let family: &'static str = Box::leak(fonts.family.clone().into_boxed_str());
    for (style, face) in [
        (FontStyle::Normal, fonts.face(Style::Regular)),
        (FontStyle::Bold, fonts.face(Style::Bold)),
        (FontStyle::Italic, fonts.face(Style::Italic)),
    ] {
        let bytes: &'static [u8] = Box::leak(face.bytes.to_vec().into_boxed_slice());
        plotters::style::register_font(family, style, bytes)
            .unwrap_or_else(|_| panic!("the house font {family} is valid"));
    }
    registered.insert(fonts.family.clone(), (family, fonts.clone()));
    family
}

/// Every house font registered so far (the rasteriser loads them too).
pub fn registered_fonts() -> Vec<Arc<HouseFonts>> {
    REGISTERED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .map(|(_, f)| f.clone())
        .collect()
}

/// The house fonts registered under `family`.
fn fonts_of(family: &str) -> Arc<HouseFonts> {
    REGISTERED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(family)
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| Arc::new(HouseFonts::embedded()))
}

pub(super) fn font(size: f64, family: &'static str) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(family), size, FontStyle::Normal)
}

/// What drawing one chart can fail with.
pub(super) type DrawResult<'a> =
    Result<(), DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>>;

/// Draw into an SVG string: the legend in a band at the top, the plot that
/// `draw` makes below it.
pub(super) fn draw_svg(
    size: (u32, u32),
    legend: &Legend,
    text: RGBColor,
    draw: impl for<'a> FnOnce(&DrawingArea<SVGBackend<'a>, Shift>) -> DrawResult<'a>,
) -> String {
    let family = legend.family;
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
    // A viewer without the house font (the web page on a phone) falls back
    // to Noto Sans (the fallback of every format) or a sans-serif, never to
    // a serif.
    let fallback = if family == crate::fonts::FAMILY {
        String::new()
    } else {
        format!("{}, ", crate::fonts::FAMILY)
    };
    let svg = svg.replace(
        &format!("font-family=\"{family}\""),
        &format!("font-family=\"{family}, {fallback}Arial, Helvetica, sans-serif\""),
    );
    absolute_baselines(&svg)
}

/// Every text's `dy` (plotters' vertical alignment: `0.5ex` centred,
/// `0.76em` hanging) added to its `y`, so that every program places the
/// text alike: LibreOffice ignores `dy` when it draws the SVG of an ODT,
/// which set the axes' numbers on their lines. An `ex` is half the font
/// size, as resvg (the PDF's and the PNGs' renderer) counts it, so those
/// stay as they were.
pub(super) fn absolute_baselines(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find("<text ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        out.push_str(&with_absolute_y(&rest[at..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One `<text ...` tag (without its `>`) with its `dy` in its `y`.
fn with_absolute_y(tag: &str) -> String {
    let attr = |name: &str| -> Option<(usize, &str)> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        let len = tag[start..].find('"')?;
        Some((start, &tag[start..start + len]))
    };
    let (Some((y_at, y)), Some((dy_at, dy)), Some((_, size))) =
        (attr("y"), attr("dy"), attr("font-size"))
    else {
        return tag.to_string();
    };
    let (Ok(y), Ok(size)) = (y.parse::<f64>(), size.parse::<f64>()) else {
        return tag.to_string();
    };
    let shift = if let Some(n) = dy.strip_suffix("em") {
        n.parse::<f64>().ok().map(|n| n * size)
    } else if let Some(n) = dy.strip_suffix("ex") {
        n.parse::<f64>().ok().map(|n| n * size / 2.0)
    } else {
        dy.trim_end_matches("px").parse::<f64>().ok()
    };
    let Some(shift) = shift else {
        return tag.to_string();
    };
    let y_end = y_at + tag[y_at..].find('"').unwrap_or(0);
    let dy_start = dy_at - " dy=\"".len();
    let dy_end = dy_at + dy.len() + 1;
    let new_y = format!("{:.2}", y + shift);
    let new_y = new_y.trim_end_matches('0').trim_end_matches('.');
    let mut out = String::with_capacity(tag.len());
    if y_at < dy_start {
        out.push_str(&tag[..y_at]);
        out.push_str(new_y);
        out.push_str(&tag[y_end..dy_start]);
        out.push_str(&tag[dy_end..]);
    } else {
        out.push_str(&tag[..dy_start]);
        out.push_str(&tag[dy_end..y_at]);
        out.push_str(new_y);
        out.push_str(&tag[y_end..]);
    }
    out
}

/// The band above a plot that holds its unit (and, in the indicator's
/// chart, the report year's name), in pixels.
pub(super) const UNIT_BAND: u32 = 30;
/// Where a text in that band stands: its top, in pixels below the band's.
pub(super) const UNIT_TOP: i32 = 6;
/// The margin around a plot with a unit above it, in pixels: the chart's
/// left and right edges to the axis labels and the plot.
pub(super) const PLOT_MARGIN: i32 = 14;

/// The unit of a plot, level as text is read, above the axis's numbers
/// (the indicator's chart and the breakdown); gives the area below its band.
pub(super) fn under_unit<'a>(
    body: &DrawingArea<SVGBackend<'a>, Shift>,
    unit: &str,
    p: &Palette,
) -> Result<
    DrawingArea<SVGBackend<'a>, Shift>,
    DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>,
> {
    body.draw_text(
        unit,
        &font(CHART_FONT, p.family).color(&p.text),
        (PLOT_MARGIN, UNIT_TOP),
    )?;
    Ok(body.split_vertically(UNIT_BAND).1)
}

/// The builder of a plot under its unit ([`under_unit`]): the house
/// margins, the year labels' band and `y_labels` pixels for the axis's
/// numbers.
pub(super) fn plot_builder<'a, 'b, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    y_labels: u32,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(plot);
    builder
        .margin(PLOT_MARGIN)
        .margin_top(8)
        .margin_bottom(4)
        .x_label_area_size(34)
        .y_label_area_size(y_labels);
    builder
}

/// The house look of a chart's mesh: grid lines in the grid colour and no
/// finer ones, the axes in grey, the labels at `size` in the text colour.
pub(super) fn house_mesh<'a, 'b, X, Y, DB>(
    chart: &'b mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    p: &Palette,
    size: f64,
) -> MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
    DB: DrawingBackend,
{
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(p.grid)
        .axis_style(p.axis)
        .label_style(font(size, p.family).color(&p.text));
    mesh
}

/// How a legend entry is drawn.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Line(RGBColor, u32),
    Dashed(RGBColor),
    Triangle(RGBColor),
    Bar(RGBColor),
}

/// A legend above the plot, never over the data: entries left to right,
/// on as many rows as the width needs.
pub(super) struct Legend {
    pub(super) items: Vec<(String, Mark)>,
    pub(super) size: f64,
    /// Rows of item indices with the x offset of each item.
    pub(super) rows: Vec<Vec<(usize, i32)>>,
    /// The house font's family.
    pub(super) family: &'static str,
}

/// Sizes of chart text in SVG pixels (plotters writes `font-size` as size /
/// 1.24). A chart printed at 90 % of the PDF's text width (465 pt) shows
/// 720 px in 418 pt, so 18 px prints at 8,4 pt; the overview, printed at
/// the full width, at 16 px (8,3 pt). In the web page a chart is never
/// narrower than its 720 px, so its labels are at least 12,9 CSS px.
pub(super) const CHART_FONT: f64 = 18.0;
pub(super) const OVERVIEW_FONT: f64 = 17.0;
pub(super) const LEGEND_ROW: u32 = 28;
/// Width of the mark before the words, and the gaps.
pub(super) const MARK_W: i32 = 22;
pub(super) const MARK_GAP: i32 = 7;
pub(super) const ITEM_GAP: i32 = 22;

impl Legend {
    pub(super) fn new(
        items: Vec<(String, Mark)>,
        left: i32,
        width: u32,
        size: f64,
        family: &'static str,
    ) -> Self {
        let right = width as i32 - 14;
        let mut rows: Vec<Vec<(usize, i32)>> = vec![Vec::new()];
        let mut x = left;
        for (i, (label, _)) in items.iter().enumerate() {
            let text_w = text_width(label, size, family) as i32;
            let w = MARK_W + MARK_GAP + text_w;
            let row = rows.last_mut().expect("a row");
            if !row.is_empty() && x + w > right {
                rows.push(Vec::new());
                x = left;
            }
            rows.last_mut().expect("a row").push((i, x));
            x += w + ITEM_GAP;
        }
        Legend {
            items,
            size,
            rows,
            family,
        }
    }

    /// Height of the band above the plot.
    pub(super) fn height(&self) -> u32 {
        10 + LEGEND_ROW * self.rows.len() as u32
    }

    pub(super) fn draw<'a>(
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
                    font(self.size, self.family)
                        .color(&text)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
        }
        Ok(())
    }
}

/// At most this many years are labelled on an axis.
pub(super) const MAX_YEAR_LABELS: usize = 12;

/// The outline of a triangle pointing up, `r` pixels from its centre to a
/// corner, as a closed path around (0, 0).
pub(super) fn open_triangle(r: i32) -> Vec<(i32, i32)> {
    let half = r * 87 / 100;
    let low = r / 2;
    vec![(0, -r), (half, low), (-half, low), (0, -r), (half, low)]
}

/// A number on an axis: Dutch, with a real minus sign (U+2212).
pub(super) fn axis_number(v: f64, decimals: u8) -> String {
    number(v, decimals).replacen('-', "\u{2212}", 1)
}

pub(super) fn years_label(y: &f64) -> String {
    if (y - y.round()).abs() < 1e-6 {
        format!("{}", y.round() as i64)
    } else {
        String::new()
    }
}

/// Axis ceiling: a little room above the highest value.
pub(super) fn ceiling(max: f64) -> f64 {
    if max <= 0.0 { 1.0 } else { max * 1.15 }
}

/// Width of `text` in pixels at `size`, as the SVG shows it: plotters
/// writes `font-size` as size / 1.24, so the drawn text is the font's
/// advance widths at that size, measured as every other text of the report
/// is ([`HouseFonts::text_width`]), in the house font of `family`.
pub(super) fn text_width(text: &str, size: f64, family: &str) -> u32 {
    fonts_of(family)
        .text_width(text, (size / 1.24) as f32, false)
        .ceil() as u32
}

/// `name` in lines at most `max_px` wide at `size`, broken between words;
/// a word wider than a line is broken inside itself. The whole name stays:
/// the chart is the same picture in every format, and its alt text has the
/// name too.
pub(super) fn wrap(name: &str, size: f64, max_px: u32, family: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in name.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, family) <= max_px {
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
            if text_width(&piece, size, family) > max_px && piece.chars().count() > 1 {
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
