//! Figures that are probably not what the person meant: the habits of
//! Dutch typing that YAML reads as another number (`4.500` is four and a
//! half), a figure ten times off its own series, a negative count, and a
//! baseline that lies after the report year. Each is decided from the
//! indicator's own series, baseline, target, unit and `decimalen`, and
//! reported with what was read, what was probably meant and the fix.
//!
//! The rule for a number written with a point and three digits after it
//! (`4.500`, `15.000`) is in `docs/gegevensformaat.md`: it is an error when
//! the indicator shows fewer than three decimals and the point is not
//! clearly a decimal point by the other figures, a warning when the other
//! figures disagree with `decimalen: 3`.

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::format_nl::number_plain;
use crate::load::doc::{Doc, indicatoren};
use crate::load::positions::escape_segment;

/// Every problem of this module, over all indicators.
pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let year = doc
        .value
        .pointer("/rapport/verslagjaar")
        .and_then(Value::as_i64);
    for (pointer, v) in indicatoren(doc) {
        let ind = Indicator::read(doc, &pointer, &v);
        out.extend(ind.thousands_separators());
        out.extend(ind.jumps());
        out.extend(ind.negative_counts());
        if let Some(year) = year {
            out.extend(ind.baseline_after_the_report_year(year));
        }
    }
    out
}

/// What kind of figure of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Baseline,
    Target,
    Measurement,
    Part,
}

/// One figure of an indicator, with how it was typed.
#[derive(Debug, Clone)]
struct Figure<'a> {
    pointer: String,
    kind: Kind,
    year: Option<i64>,
    value: f64,
    /// The scalar as it stands in the file.
    typed: &'a str,
    span: Option<std::ops::Range<usize>>,
}

impl Figure<'_> {
    /// The value when the points were thousands separators: `4.500` gives
    /// 4500. Only for a plain number with groups of three digits.
    fn thousands(&self) -> Option<f64> {
        thousands_reading(self.typed)
    }
}

/// `4.500` -> 4500, `-15.000` -> -15000: a number written with a point
/// before every group of three digits. `None` for anything else (`4.5`,
/// `4.5000`, `12.25`).
pub fn thousands_reading(typed: &str) -> Option<f64> {
    let t = typed.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let mut groups = body.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if rest.is_empty()
        || !digits(first)
        || first.len() > 3
        || !rest.iter().all(|g| g.len() == 3 && digits(g))
    {
        return None;
    }
    let joined: String = std::iter::once(first).chain(rest).collect();
    let n: f64 = joined.parse().ok()?;
    Some(if t.starts_with('-') { -n } else { n })
}

/// A number as a Dutch user may write it in a text that YAML does not read
/// as a number: `1.250.000`, `1 000` (spaces, also non-breaking), `4,5`,
/// `1.250,5`. Returns the value and how to write it in the file.
pub fn dutch_number(typed: &str) -> Option<(f64, String)> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let (sign, body) = match t.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", t),
    };
    let (whole, fraction) = match body.split_once(',') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let separators = ['.', ' ', '\u{a0}', '\u{202f}', '\''];
    let groups: Vec<&str> = whole.split(separators).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() > 1
        && digits(groups[0])
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
    if !(grouped || (groups.len() == 1 && digits(groups[0]))) {
        return None;
    }
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    if groups.len() == 1 && fraction.is_none() {
        // A plain integer: YAML reads it already.
        return None;
    }
    let mut written = format!("{sign}{}", groups.concat());
    if let Some(f) = fraction {
        written.push('.');
        written.push_str(f);
    }
    let value = written.parse().ok()?;
    Some((value, written))
}

/// Whether a unit counts things (schoolbesturen, leerlingen, bedrijven):
/// such a figure is never negative. Percentages, money, scores, balances
/// and changes can be.
pub fn counts_things(unit: &str, decimals: i64) -> bool {
    const NOT_COUNTS: &[&str] = &[
        "%", "procent", "percent", "punt", "saldo", "verschil", "groei", "mutatie", "toename",
        "afname", "euro", "€", "graden", "°", "index", "score", "cijfer", "gemiddel", "ratio",
        "per ",
    ];
    let u = unit.to_lowercase();
    decimals == 0 && !u.trim().is_empty() && !NOT_COUNTS.iter().any(|w| u.contains(w))
}

/// One indicator with its figures.
struct Indicator<'a> {
    name: String,
    unit: String,
    decimals: i64,
    figures: Vec<Figure<'a>>,
    baseline_year: Option<(i64, Option<std::ops::Range<usize>>)>,
}

impl<'a> Indicator<'a> {
    fn read(doc: &Doc<'a>, pointer: &str, v: &Value) -> Self {
        let mut figures = Vec::new();
        let mut push = |p: String, kind: Kind, year: Option<i64>, value: Option<f64>| {
            let Some(value) = value else { return };
            let span = doc.index.get(&p).map(|n| n.value.clone());
            let typed = span.as_ref().map_or("", |s| &doc.text[s.clone()]);
            figures.push(Figure {
                pointer: p,
                kind,
                year,
                value,
                typed,
                span,
            });
        };
        for (key, kind) in [("nulmeting", Kind::Baseline), ("doel", Kind::Target)] {
            let year = v.pointer(&format!("/{key}/jaar")).and_then(Value::as_i64);
            let value = v.pointer(&format!("/{key}/waarde")).and_then(Value::as_f64);
            push(format!("{pointer}/{key}/waarde"), kind, year, value);
        }
        if let Some(m) = v.get("metingen").and_then(Value::as_object) {
            for (y, x) in m {
                push(
                    format!("{pointer}/metingen/{}", escape_segment(y)),
                    Kind::Measurement,
                    y.trim().parse().ok(),
                    x.as_f64(),
                );
            }
        }
        if let Some(regions) = v.get("uitsplitsing").and_then(Value::as_object) {
            for (r, years) in regions {
                for (y, x) in years.as_object().into_iter().flatten() {
                    push(
                        format!(
                            "{pointer}/uitsplitsing/{}/{}",
                            escape_segment(r),
                            escape_segment(y)
                        ),
                        Kind::Part,
                        y.trim().parse().ok(),
                        x.as_f64(),
                    );
                }
            }
        }
        let baseline_year = v
            .pointer("/nulmeting/jaar")
            .and_then(Value::as_i64)
            .map(|y| {
                (
                    y,
                    doc.index
                        .get(&format!("{pointer}/nulmeting/jaar"))
                        .map(|n| n.value.clone()),
                )
            });
        Indicator {
            name: v
                .get("naam")
                .and_then(Value::as_str)
                .unwrap_or("deze indicator")
                .to_string(),
            unit: v
                .get("eenheid")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            decimals: v.get("decimalen").and_then(Value::as_i64).unwrap_or(0),
            figures,
            baseline_year,
        }
    }

    /// The figures that can serve as a yardstick for `f`: the others of
    /// the same scale (an uitsplitsing part against the other parts, any
    /// other figure against the totals), without thousands-separator forms.
    fn yardstick(&self, f: &Figure) -> Vec<f64> {
        self.figures
            .iter()
            .filter(|o| o.pointer != f.pointer && o.thousands().is_none() && o.value != 0.0)
            .filter(|o| (o.kind == Kind::Part) == (f.kind == Kind::Part))
            .map(|o| o.value.abs())
            .collect()
    }

    /// `4.500`, `15.000`: a point before three digits, read as a decimal
    /// point.
    fn thousands_separators(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for f in &self.figures {
            let Some(meant) = f.thousands() else { continue };
            if f.value == 0.0 {
                continue;
            }
            let others = self.yardstick(f);
            let fits_read = distance(f.value.abs(), &others);
            let fits_meant = distance(meant.abs(), &others);
            // Half an order of magnitude decides; without others, nothing does.
            let (series_says_thousands, series_says_decimal) = match (fits_read, fits_meant) {
                (Some(r), Some(m)) => (m + 0.5 < r, r + 0.5 < m),
                _ => (false, false),
            };
            let decimals_lost = self.decimals < 3;
            // A count is never a fraction, and nobody types a decimal with
            // a trailing zero the report does not show (3.400 for 3,4):
            // then the point cannot be a decimal point as meant.
            let counts = counts_things(&self.unit, self.decimals);
            let trailing_zero = f.typed.trim().ends_with('0');
            let severity_error = decimals_lost && (!series_says_decimal || counts || trailing_zero);
            if !decimals_lost && !series_says_thousands {
                continue;
            }
            let written = crate::yaml_scalar::number_value(meant);
            let read = number_plain(f.value);
            let why = if series_says_thousands {
                format!(
                    "de andere cijfers van '{}' ({}) wijzen op {} {}",
                    self.name,
                    self.range_of_others(f),
                    crate::format_nl::number(meant, 0),
                    self.unit
                )
            } else if counts {
                format!(
                    "{read} {} kan niet, want '{}' telt in hele aantallen; met de punt tussen de duizendtallen staat er {}",
                    self.unit,
                    self.name,
                    crate::format_nl::number(meant, 0)
                )
            } else if series_says_decimal {
                format!(
                    "de andere cijfers van '{}' passen bij {read}, maar drie cijfers na de punt zijn vreemd bij een indicator die het rapport met {} decimalen toont",
                    self.name, self.decimals
                )
            } else {
                format!(
                    "het rapport toont '{}' met {} decimalen, dus drie cijfers na de punt zijn waarschijnlijk duizendtallen: {}",
                    self.name,
                    self.decimals,
                    crate::format_nl::number(meant, 0)
                )
            };
            let message = format!(
                "'{}' wordt gelezen als {read}: in dit bestand is de punt het decimaalteken; {why}",
                f.typed.trim()
            );
            let mut d = if severity_error {
                Diagnostic::error(message)
            } else {
                Diagnostic::warning(message)
            }
            .at_opt(f.span.clone())
            .label(format!("gelezen als {read}"));
            if series_says_decimal && counts && f.value.fract() != 0.0 {
                // Neither reading fits: a count is whole, and the others
                // are far from the thousands. The person says which.
                d = d.hint(format!(
                    "een aantal is een heel getal: schrijf {written} als de punt de duizendtallen scheidde, en anders het aantal zoals het bedoeld is, zonder punt"
                ));
            } else if series_says_decimal {
                let decimal = crate::yaml_scalar::number_value(f.value);
                d = d.hint(format!(
                    "bedoelt u {read}, schrijf dan {decimal}; waren de punten duizendtallen, schrijf dan {written}"
                ));
                if let Some(span) = f.span.clone() {
                    d = d.fix(span, decimal);
                }
            } else {
                d = d.hint(format!(
                    "schrijf {written}, zonder punt: duizendtallen schrijft u in dit bestand zonder scheidingsteken; een decimaal getal met een punt ({read} als {})",
                    crate::yaml_scalar::number_value(f.value)
                ));
                if let Some(span) = f.span.clone() {
                    d = d.fix(span, written);
                }
            }
            out.push(d);
        }
        out
    }

    /// "3.000 tot 15.000": the range of the other figures, for messages.
    fn range_of_others(&self, f: &Figure) -> String {
        let others: Vec<f64> = self
            .figures
            .iter()
            .filter(|o| o.pointer != f.pointer && o.thousands().is_none())
            .filter(|o| (o.kind == Kind::Part) == (f.kind == Kind::Part))
            .map(|o| o.value)
            .collect();
        let lo = others.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = others.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let d = self.decimals.clamp(0, 3) as u8;
        if lo == hi {
            crate::format_nl::number(lo, d)
        } else {
            format!(
                "{} tot {}",
                crate::format_nl::number(lo, d),
                crate::format_nl::number(hi, d)
            )
        }
    }

    /// A measurement ten times or more off every neighbour in its series
    /// (the baseline and the measurements, by year), and more than
    /// [`BAND`] times outside the span from baseline to target: growth from
    /// a small start, and a target passed, stay quiet.
    fn jumps(&self) -> Vec<Diagnostic> {
        let mut series: Vec<&Figure> = self
            .figures
            .iter()
            .filter(|f| matches!(f.kind, Kind::Baseline | Kind::Measurement) && f.year.is_some())
            .collect();
        series.sort_by_key(|f| (f.year, f.kind == Kind::Measurement));
        let ends: Vec<f64> = self
            .figures
            .iter()
            .filter(|f| matches!(f.kind, Kind::Baseline | Kind::Target))
            .map(|f| f.value.abs())
            .collect();
        let (lo, hi) = (
            ends.iter().copied().fold(f64::INFINITY, f64::min),
            ends.iter().copied().fold(0.0, f64::max),
        );
        let mut out = Vec::new();
        for (i, f) in series.iter().enumerate() {
            if f.kind != Kind::Measurement || f.thousands().is_some() || f.value == 0.0 {
                continue;
            }
            let neighbours: Vec<&Figure> = [
                i.checked_sub(1).and_then(|j| series.get(j)),
                series.get(i + 1),
            ]
            .into_iter()
            .flatten()
            .copied()
            .filter(|n| n.year != f.year)
            .collect();
            if neighbours.is_empty() {
                continue;
            }
            let v = f.value.abs();
            let all_above = neighbours.iter().all(|n| {
                n.value != 0.0 && n.value.signum() == f.value.signum() && v >= 10.0 * n.value.abs()
            });
            let all_below = neighbours.iter().all(|n| {
                n.value != 0.0 && n.value.signum() == f.value.signum() && v * 10.0 <= n.value.abs()
            });
            let outside = (all_above && v > BAND * hi) || (all_below && v * BAND < lo);
            if !outside {
                continue;
            }
            let d = self.decimals.clamp(0, 3) as u8;
            let around = neighbours
                .iter()
                .map(|n| {
                    format!(
                        "{} in {}",
                        crate::format_nl::number(n.value, d),
                        n.year.unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join(" en ");
            let (how, than, label) = if all_above {
                (
                    "meer dan tien keer zo groot als",
                    "groter",
                    "tien keer zo groot",
                )
            } else {
                ("minder dan een tiende van", "kleiner", "een tiende")
            };
            out.push(
                Diagnostic::warning(format!(
                    "de meting {} van {} is {how} de cijfers ernaast ({around}), en {than} dan nulmeting en doel",
                    crate::format_nl::number(f.value, d),
                    f.year.unwrap_or_default()
                ))
                .at_opt(f.span.clone())
                .label(label)
                .hint("controleer het getal: een cijfer te veel of te weinig, een punt of komma, of een andere eenheid dan de rest van de reeks? Klopt het, dan kan deze waarschuwing blijven staan"),
            );
        }
        out
    }

    /// A negative figure for a unit that counts things (an error), or for
    /// another unit whose baseline and target are not negative (a warning).
    fn negative_counts(&self) -> Vec<Diagnostic> {
        let ends_not_negative = self
            .figures
            .iter()
            .filter(|f| matches!(f.kind, Kind::Baseline | Kind::Target))
            .all(|f| f.value >= 0.0);
        if !ends_not_negative {
            return Vec::new();
        }
        let counts = counts_things(&self.unit, self.decimals);
        let mut out = Vec::new();
        for f in &self.figures {
            if f.value >= 0.0 {
                continue;
            }
            let shown = number_plain(f.value);
            let positive = crate::yaml_scalar::number_value(-f.value);
            let mut d = if counts {
                Diagnostic::error(format!(
                    "{shown} {} kan niet: een aantal is nooit negatief",
                    self.unit
                ))
            } else {
                Diagnostic::warning(format!(
                    "{shown} is negatief, terwijl nulmeting en doel van '{}' dat niet zijn",
                    self.name
                ))
            }
            .at_opt(f.span.clone())
            .label("negatief")
            .hint(format!(
                "schrijf {positive}, zonder minteken; een afname schrijft u als het nieuwe aantal, niet als het verschil"
            ));
            if let Some(span) = f.span.clone() {
                d = d.fix(span, positive);
            }
            out.push(d);
        }
        out
    }

    /// A baseline year after the report year: the report can show no
    /// progress yet.
    fn baseline_after_the_report_year(&self, year: i64) -> Vec<Diagnostic> {
        let Some((j0, span)) = self.baseline_year.clone() else {
            return Vec::new();
        };
        if j0 <= year {
            return Vec::new();
        }
        vec![
            Diagnostic::warning(format!(
                "de nulmeting van '{}' is van {j0}, na het verslagjaar {year}: het rapport kan nog geen voortgang tonen",
                self.name
            ))
            .at_opt(span)
            .label("na het verslagjaar")
            .hint(format!(
                "is {j0} een tikfout, schrijf dan het jaar van de nulmeting (uiterlijk {year}); komt de nulmeting echt pas in {j0}, dan toont het rapport de status 'nulmeting' en kan deze waarschuwing blijven staan"
            )),
        ]
    }
}

/// How far outside the span from baseline to target a jump must land to be
/// named: a target passed by a wide margin is news, a figure four times
/// past it is more likely a typing error (an extra or a missing zero).
const BAND: f64 = 4.0;

/// The median distance in orders of magnitude from `v` to `others`.
fn distance(v: f64, others: &[f64]) -> Option<f64> {
    if others.is_empty() || v == 0.0 {
        return None;
    }
    let mut d: Vec<f64> = others
        .iter()
        .map(|o| (v.log10() - o.log10()).abs())
        .collect();
    d.sort_by(f64::total_cmp);
    Some(d[d.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_forms_are_read_as_meant() {
        assert_eq!(thousands_reading("4.500"), Some(4500.0));
        assert_eq!(thousands_reading("-15.000"), Some(-15000.0));
        assert_eq!(thousands_reading("1.250.000"), Some(1_250_000.0));
        assert_eq!(thousands_reading("4.5"), None);
        assert_eq!(thousands_reading("4.5000"), None);
        assert_eq!(thousands_reading("1234.500"), None);
        assert_eq!(thousands_reading("12"), None);
    }

    #[test]
    fn dutch_numbers_in_text_are_read_as_meant() {
        assert_eq!(
            dutch_number("1.250.000"),
            Some((1_250_000.0, "1250000".into()))
        );
        assert_eq!(dutch_number("1 000"), Some((1000.0, "1000".into())));
        assert_eq!(dutch_number("1\u{a0}000"), Some((1000.0, "1000".into())));
        assert_eq!(dutch_number("4,5"), Some((4.5, "4.5".into())));
        assert_eq!(dutch_number("1.250,5"), Some((1250.5, "1250.5".into())));
        assert_eq!(dutch_number("-3,25"), Some((-3.25, "-3.25".into())));
        assert_eq!(dutch_number("12"), None);
        assert_eq!(dutch_number("twaalf"), None);
        assert_eq!(dutch_number("1.25.000"), None);
    }

    #[test]
    fn counting_units_are_told_apart() {
        assert!(counts_things("bedrijven", 0));
        assert!(counts_things("schoolbesturen", 0));
        assert!(!counts_things("%", 0));
        assert!(!counts_things("procentpunt", 0));
        assert!(!counts_things("euro", 0));
        assert!(!counts_things("bedrijven", 1));
    }
}
