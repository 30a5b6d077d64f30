//! Dutch formatting of numbers and percentages: `1.234`, `35,8 %`, `12,5`.
//! Every number a user sees goes through here, in the report and in the
//! messages about the data; dates in words take their
//! month names from `teksten.yaml` ([`crate::document::texts::TextSet::date`]).

/// A number with `decimals` decimals, `.` between thousands and `,` before
/// the decimals: `number(1234.5, 1) == "1.234,5"`.
pub fn number(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals as usize, value.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let zero = s.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::new();
    if value < 0.0 && !zero {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A number with as many decimals as it needs (at most three), for messages:
/// `number_plain(12.5) == "12,5"`, `number_plain(77.0) == "77"`.
pub fn number_plain(value: f64) -> String {
    let decimals = (0..=3u8)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((value * f).round() / f - value).abs() < 1e-9
        })
        .unwrap_or(3);
    number(value, decimals)
}

/// A percentage with one decimal and a (no-break) space before the
/// sign: `percent(35.82) == "35,8 %"`.
pub fn percent(value: f64) -> String {
    format!("{}\u{a0}%", number(value, 1))
}

/// A percentage rounded to whole numbers: `percent0(107.46) == "107 %"`.
pub fn percent0(value: f64) -> String {
    format!("{}\u{a0}%", number(value, 0))
}

/// The Dutch month names, as people type them in a date (`15 maart 2019`);
/// the report's own dates take theirs from `teksten.yaml`.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A year as written in running text: no thousands separator.
pub fn year(y: i32) -> String {
    y.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(number(1234.0, 0), "1.234");
        assert_eq!(number(1234567.891, 2), "1.234.567,89");
        assert_eq!(number(12.5, 1), "12,5");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1000.0, 0), "1.000");
        assert_eq!(number(0.125, 3), "0,125");
        assert_eq!(number(-1234.5, 1), "-1.234,5");
        assert_eq!(number(-0.04, 1), "0,0");
        assert_eq!(number(f64::NAN, 0), "–");
    }

    #[test]
    fn rounding_follows_decimals() {
        assert_eq!(number(34.0, 0), "34");
        assert_eq!(number(2.449, 1), "2,4");
        assert_eq!(number(2.46, 1), "2,5");
        assert_eq!(number(1999.6, 0), "2.000");
    }

    #[test]
    fn plain_numbers_use_needed_decimals() {
        assert_eq!(number_plain(77.0), "77");
        assert_eq!(number_plain(12.5), "12,5");
        assert_eq!(number_plain(1234.25), "1.234,25");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(35.820895), "35,8\u{a0}%");
        assert_eq!(percent(100.0), "100,0\u{a0}%");
        assert_eq!(percent0(107.46), "107\u{a0}%");
    }
}

/// The numbers of the report's text, tables and charts: as above, with a
/// true minus (−) before a negative number, as Dutch typography has it.
/// Messages and files keep the hyphen, which a YAML file reads back.
pub mod text {
    fn minus(s: String) -> String {
        match s.strip_prefix('-') {
            Some(rest) => format!("\u{2212}{rest}"),
            None => s,
        }
    }

    /// [`super::number`] with a true minus.
    pub fn number(value: f64, decimals: u8) -> String {
        minus(super::number(value, decimals))
    }

    /// [`super::number_plain`] with a true minus.
    pub fn number_plain(value: f64) -> String {
        minus(super::number_plain(value))
    }

    /// [`super::percent`] with a true minus.
    pub fn percent(value: f64) -> String {
        minus(super::percent(value))
    }

    /// [`super::percent0`] with a true minus.
    pub fn percent0(value: f64) -> String {
        minus(super::percent0(value))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_negative_number_has_a_true_minus() {
            assert_eq!(super::percent(-19.0), "\u{2212}19,0\u{a0}%");
            assert_eq!(super::number(-1234.5, 1), "\u{2212}1.234,5");
            assert_eq!(super::number(12.0, 0), "12");
        }
    }
}
