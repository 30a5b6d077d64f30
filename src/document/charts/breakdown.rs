//! The bar chart of an indicator's uitsplitsing (per region and year),
//! with its alt text.

use super::kit::Palette;
use super::kit::*;

/// The breakdown's width in pixels: at 60 % of the PDF's text width its
/// text is 7 pt, as in the indicator's chart beside the key figures; on a
/// phone 390 pixels wide 10 pixels.
const BREAKDOWN_WIDTH: u32 = 480;
use super::*;
use crate::document::house_style::HouseStyle;
use crate::format_nl::text::number;
use crate::model::Indicator;
use plotters::prelude::*;

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
        14,
        BREAKDOWN_WIDTH,
        CHART_FONT,
        p.family,
    );
    // A single year: a lower chart, its group of bars in the middle third.
    let slots = n.max(3);
    let offset = ((slots - n) / 2) as f64;
    let size = (
        BREAKDOWN_WIDTH,
        if n == 1 { 130 } else { 160 } + legend.height(),
    );
    let label_of = |x: &f64| group_label(&years, *x - offset);
    let svg = draw_svg(size, &legend, p.text, |body| {
        let plot = under_unit(body, &ind.eenheid, &p)?;
        let mut chart =
            plot_builder(&plot, 56).build_cartesian_2d(0f64..slots as f64, 0f64..ceiling(max))?;
        house_mesh(&mut chart, &p, CHART_FONT)
            .disable_x_mesh()
            .x_labels(2 * slots + 1)
            .y_labels(6)
            .x_label_formatter(&label_of)
            .y_label_formatter(&|v| axis_number(*v, d.min(1)))
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
pub(super) fn group_label(years: &[i32], x: f64) -> String {
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
pub(super) fn breakdown_alt(ind: &Indicator, text: ChartText) -> String {
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
