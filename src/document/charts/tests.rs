//! The charts' own tests: what they draw, their labels and alt texts.
use super::kit::*;
use super::overview::*;
use super::*;
use crate::document::house_style::HouseStyle;
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
    assert_eq!(
        wrap("Jet-Net-scholen", 16.0, 250, "Noto Sans"),
        ["Jet-Net-scholen"]
    );
    let long = "Schoolbesturen actief in Bètapunt Noord en in alle andere regio's van het land";
    let lines = wrap(long, 16.0, 250, "Noto Sans");
    assert!(lines.len() > 1);
    assert_eq!(lines.join(" "), long, "the whole name");
    assert!(
        lines
            .iter()
            .all(|l| text_width(l, 16.0, "Noto Sans") <= 250),
        "{lines:?}"
    );
    let word = "W".repeat(200);
    let lines = wrap(&word, 16.0, 250, "Noto Sans");
    assert_eq!(lines.concat(), word);
    assert!(
        lines
            .iter()
            .all(|l| text_width(l, 16.0, "Noto Sans") <= 250)
    );
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
        .filter(|(_, a)| a.realisatie.is_some() && a.status != crate::analysis::Status::Nulmeting)
        .count();
    assert_eq!(analysis.indicators.len(), 7);
    // One without a measurement, one in the year of its baseline.
    assert_eq!(measured, 5);
    let expected = rects(&chart.svg, &format!("#{}", style.grafieken.verwacht.hex()));
    let realised = rects(&chart.svg, &format!("#{}", style.kleuren.hoofdkleur.hex()));
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
    for word in [
        "Door",
        "het",
        "Platform",
        "ondersteunde",
        "pps-initiatieven",
    ] {
        assert!(chart.svg.contains(word), "{word}");
    }
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

/// The `<text>` elements of an SVG: anchor x, y, `text-anchor`, and text.
fn texts(svg: &str) -> Vec<(f64, f64, String, String)> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| {
            let attr = |name: &str| {
                let start = t.find(&format!("{name}=\""))? + name.len() + 2;
                Some(t[start..start + t[start..].find('"')?].to_string())
            };
            let body = t[t.find('>')? + 1..t.find("</text>")?].trim().to_string();
            Some((
                attr("x")?.parse().ok()?,
                attr("y")?.parse().ok()?,
                attr("text-anchor").unwrap_or_default(),
                body,
            ))
        })
        .collect()
}

/// An indicator far past 200 % (433 %) among the example's: the overview's
/// axis labels never run together, and its bar shows that it runs past
/// the axis's end, with its figure.
#[test]
fn the_overview_axis_never_collides_and_a_bar_past_its_end_shows_its_figure() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "              2016: 53\n",
        "              2016: 92\n",
        1,
    );
    let loaded = crate::load::load_str(&path, &text, LoadOptions::default()).unwrap();
    let analysis = crate::analysis::analyse(&loaded.data);
    let high = analysis
        .indicators
        .iter()
        .filter_map(|(_, a)| a.realisatie)
        .fold(0.0f64, f64::max);
    assert!((high - 433.3).abs() < 0.1, "{high}");
    let style = HouseStyle::embedded();
    let pointer = |_: fn(&Grafieken) -> &FixedText, _: minijinja::Value| String::new();
    let caption = |_: usize, _: usize| String::new();
    let charts = summary_charts(
        &loaded.data,
        &analysis,
        &style,
        &words(),
        &caption,
        &pointer,
    );
    let svg = &charts[0].svg;
    let all = texts(svg);
    // The axis: the labels ending in `%` on the lowest line.
    let bottom = all.iter().map(|t| t.1).fold(0.0, f64::max);
    let mut boxes: Vec<(f64, f64)> = all
        .iter()
        .filter(|t| t.1 == bottom && t.3.ends_with('%'))
        .map(|(x, _, anchor, label)| {
            let w = f64::from(text_width(label, 16.0, "Noto Sans"));
            match anchor.as_str() {
                "middle" => (x - w / 2.0, x + w / 2.0),
                "end" => (x - w, *x),
                _ => (*x, x + w),
            }
        })
        .collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(boxes.len() >= 3, "{all:?}");
    for pair in boxes.windows(2) {
        assert!(pair[0].1 + 4.0 <= pair[1].0, "labels collide: {boxes:?}");
    }
    // No tick past 200 % (the axis ends at 210 %), and the figure shown.
    assert!(
        !all.iter()
            .any(|t| t.3 == "220\u{a0}%" || t.3 == "240\u{a0}%")
    );
    assert!(
        all.iter().any(|t| t.3 == "433\u{a0}%"),
        "the figure of the bar past the axis"
    );
}

/// Every text of `svg` (`size` px) lies inside its `width`, and no two
/// texts on one line overlap.
fn texts_fit_and_never_collide(svg: &str, width: f64, size: f64) {
    let boxes: Vec<(f64, f64, f64, String)> = texts(svg)
        .into_iter()
        .filter(|t| !t.3.is_empty())
        .map(|(x, y, anchor, label)| {
            let w = f64::from(text_width(&label, size, "Noto Sans"));
            let (a, b) = match anchor.as_str() {
                "middle" => (x - w / 2.0, x + w / 2.0),
                "end" => (x - w, x),
                _ => (x, x + w),
            };
            (y, a, b, label)
        })
        .collect();
    for (y, a, b, label) in &boxes {
        assert!(
            *a >= 0.0 && *b <= width,
            "{label} at {a}..{b} leaves the chart"
        );
        for (y2, a2, b2, label2) in &boxes {
            if (y - y2).abs() < 1.0 && (a, label) != (a2, label2) {
                assert!(b <= a2 || b2 <= a, "{label} and {label2} collide");
            }
        }
    }
}

/// The national overview's charts with seven landsdelen, long names and
/// large counts: every label inside the chart, none colliding.
#[test]
fn national_charts_keep_their_labels_inside_and_apart() {
    use crate::document::charts::small_multiples::{Panel, Words, small_multiples};
    use crate::document::charts::status_bars::{Bar, status_bars};
    let style = HouseStyle::embedded();
    let long =
        "Landsdeel met een lange naam over Bètatechniekonderwijsvernieuwingsprogrammacoördinatie";
    let names: Vec<String> = (1..=7)
        .map(|i| {
            if i % 3 == 0 {
                format!("{long} {i}")
            } else {
                format!("Landsdeel {i}")
            }
        })
        .collect();
    let bars: Vec<Bar> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Bar {
            name: n.clone(),
            counts: (i != 4).then(|| {
                vec![
                    ("op_koers".to_string(), "op koers".to_string(), 3 * i + 1),
                    ("achter".to_string(), "achter".to_string(), 40 - i),
                ]
            }),
        })
        .collect();
    let chart = status_bars(
        "statussen",
        &bars,
        &style,
        String::new(),
        "geen rapportage ontvangen",
    );
    texts_fit_and_never_collide(&chart.svg, 520.0, 17.0);
    assert!(chart.alt.contains("Landsdeel 5: geen rapportage ontvangen"));

    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let loaded = crate::load::load(&path, LoadOptions::default()).unwrap();
    let inds: Vec<&crate::model::Indicator> = loaded.data.indicatoren().collect();
    let panels: Vec<Panel> = names
        .iter()
        .zip(inds.iter().cycle())
        .map(|(n, i)| Panel {
            name: n.clone(),
            indicator: i,
        })
        .collect();
    let words = Words {
        metingen: "metingen".into(),
        doel: "doel".into(),
        verslagjaar: "verslagjaar 2016".into(),
        caption: String::new(),
        geen_metingen: "geen metingen".into(),
    };
    let chart = small_multiples("panelen", &panels, 2016, &style, &words);
    texts_fit_and_never_collide(&chart.svg, 560.0, 18.0);
}

/// The report year's line is named once: above the plot, where the line
/// ends, inside the chart and clear of the unit, whether the report year
/// is the first, a middle or the last year of the plot and whatever the
/// unit; in the legend only when the unit takes the line's place (a long
/// unit, or the report year at the plot's left edge).
#[test]
fn the_report_year_is_named_once_at_its_line_and_never_over_the_unit() {
    use super::indicator::indicator_chart;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let loaded = load(&path, LoadOptions::default()).unwrap();
    let style = HouseStyle::embedded();
    let text = |_: fn(&Grafieken) -> &FixedText, _: minijinja::Value| String::new();
    let long_unit = "leerlingen in het vmbo en mbo met een technisch profiel";
    let mut in_band = 0;
    let mut in_legend = 0;
    for ind in loaded.data.indicatoren() {
        for year in [ind.nulmeting.jaar, ind.nulmeting.jaar + 1, ind.doel.jaar] {
            for unit in ["%", "scholen", long_unit] {
                let mut ind = ind.clone();
                ind.eenheid = unit.to_string();
                let mut w = words();
                w.verslagjaar = format!("verslagjaar {year}");
                let chart = indicator_chart(&ind, year, "op koers", &style, &w, &text);
                texts_fit_and_never_collide(&chart.svg, 440.0, 18.0);
                let named: Vec<_> = texts(&chart.svg)
                    .into_iter()
                    .filter(|t| t.3 == w.verslagjaar)
                    .collect();
                assert_eq!(named.len(), 1, "{}: {named:?}", ind.id);
                let unit_y = texts(&chart.svg)
                    .into_iter()
                    .find(|t| t.3 == unit)
                    .unwrap()
                    .1;
                if named[0].1 == unit_y {
                    in_band += 1;
                    // At its line: the name's box reaches the line's x.
                    let line = vertical_lines(&chart.svg);
                    let (x, width) = (
                        named[0].0,
                        f64::from(text_width(&w.verslagjaar, 18.0, "Noto Sans")),
                    );
                    assert!(
                        line.iter().any(|l| x - 3.0 <= *l && *l <= x + width + 3.0),
                        "{} {year}: {x} {line:?}",
                        ind.id
                    );
                } else {
                    in_legend += 1;
                    // Only where the unit takes the line's place: a long
                    // unit, or the line at the plot's left edge.
                    let first = ind.metingen.keys().next().copied().unwrap_or(year);
                    assert!(
                        unit == long_unit || year <= first.min(ind.nulmeting.jaar),
                        "{} {year} {unit}: in the legend",
                        ind.id
                    );
                }
            }
        }
    }
    assert!(in_band > 0 && in_legend > 0, "{in_band} {in_legend}");
}

/// The x of every vertical polyline of two points in `svg`.
fn vertical_lines(svg: &str) -> Vec<f64> {
    svg.split("points=\"")
        .skip(1)
        .filter_map(|p| {
            let pts: Vec<(f64, f64)> = p[..p.find('"')?]
                .split_whitespace()
                .filter_map(|xy| {
                    let (x, y) = xy.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            (pts.len() == 2 && pts[0].0 == pts[1].0 && pts[0].1 != pts[1].1).then_some(pts[0].0)
        })
        .collect()
}

/// A chart's texts stand at their place in `y`, without a `dy` that some
/// programs ignore (LibreOffice drawing an ODT's SVG set the axes' numbers
/// on their lines): a centred `0.5ex` is a quarter of the font size lower
/// (resvg's `ex`, so the PDF is unchanged), a hanging `0.76em` 0.76 of it.
#[test]
fn chart_texts_carry_their_place_in_y() {
    let tag = r#"<text x="5" y="20" dy="0.5ex" text-anchor="end" font-size="14">"#;
    assert_eq!(
        absolute_baselines(tag),
        r#"<text x="5" y="23.5" text-anchor="end" font-size="14">"#
    );
    let tag = r#"<text x="5" y="40" dy="0.76em" font-size="10">2014</text>"#;
    assert_eq!(
        absolute_baselines(tag),
        r#"<text x="5" y="47.6" font-size="10">2014</text>"#
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let loaded = load(&path, LoadOptions::default()).unwrap();
    let setup = crate::pipeline::Setup::embedded();
    let Ok(prepared) = crate::pipeline::prepare(&loaded, &setup) else {
        panic!("the example prepares")
    };
    let charts = &prepared.charts.charts;
    assert!(charts.len() >= 9);
    for c in charts {
        assert!(c.svg.contains("<text "), "{}", c.id);
        assert!(!c.svg.contains(" dy="), "{}: a dy is left", c.id);
    }
}
