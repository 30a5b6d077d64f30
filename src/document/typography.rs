//! Dutch typography of the report's texts, as every format shows them: a
//! typographic apostrophe (`programma’s`, `’s-Hertogenbosch`), quotes
//! (“…”), an en dash between the years of a range (`2014–2016`), and a
//! no-break space before a percent sign (`70 %`). The
//! data file and the templates keep what was typed; only the report shows
//! the typographic forms. Numbers get their true minus where they are
//! formatted ([`crate::format_nl::text`]).

use serde_json::Value;

/// `text` with typographic apostrophes, quotes and year ranges. Markdown
/// links keep their address as typed.
pub fn typeset(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut quote_open = false;
    let mut in_address = false;
    let mut in_reference = false;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        // A reference, `{{ verwijzing("...") }}`, stays as typed.
        if c == '{' && after == Some('{') {
            in_reference = true;
        } else if c == '}' && before == Some('}') && in_reference {
            in_reference = false;
            out.push(c);
            continue;
        }
        if in_reference {
            out.push(c);
            continue;
        }
        // A link's address, `](...)`, stays as typed.
        if c == '(' && before == Some(']') {
            in_address = true;
        } else if c == ')' && in_address {
            in_address = false;
        }
        if in_address {
            out.push(c);
            continue;
        }
        match c {
            // A percentage stays on one line with its number: `70 %`.
            ' ' if before.is_some_and(|b| b.is_ascii_digit()) && after == Some('%') => {
                out.push('\u{a0}');
            }
            '\'' => {
                let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                // programma's, auto's; 's-Hertogenbosch, 's avonds, 't.
                let elision = !letter(before)
                    && matches!(after, Some('s' | 't' | 'n'))
                    && chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
                if letter(before) && letter(after) || elision {
                    out.push('\u{2019}');
                } else {
                    out.push(c);
                }
            }
            '"' => {
                let opening = before.is_none_or(|b| b.is_whitespace() || "([{".contains(b));
                if opening && !quote_open {
                    out.push('\u{201c}');
                    quote_open = true;
                } else if quote_open {
                    out.push('\u{201d}');
                    quote_open = false;
                } else {
                    out.push(c);
                }
            }
            '-' if is_year_range(&chars, i) => out.push('\u{2013}'),
            _ => out.push(c),
        }
    }
    out
}

/// Whether the `-` at `i` stands between two years (`2014-2016`).
fn is_year_range(chars: &[char], i: usize) -> bool {
    let digits_before = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let digits_after = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let edge_before = i
        .checked_sub(digits_before + 1)
        .is_none_or(|j| !chars[j].is_alphanumeric());
    let edge_after = chars
        .get(i + 1 + digits_after)
        .is_none_or(|c| !c.is_alphanumeric());
    digits_before == 4 && digits_after == 4 && edge_before && edge_after
}

/// The keys of the data whose strings are not text a reader reads: ids,
/// references to ids, statuses, paths, units.
const NOT_TEXT: &[&str] = &[
    "id",
    "actielijn",
    "thema",
    "status",
    "richting",
    "logo",
    "landelijk",
    "bestand",
    "optellen",
    "eenheid",
    "kenmerk",
    "versie",
];

/// The data as the report shows it: every text typeset.
pub fn typeset_model(data: &crate::model::Voortgang) -> crate::model::Voortgang {
    typeset_any(data)
}

/// Any data file's model (a landsdeel's, `LANDELIJK.yaml`) as the report
/// shows it: every text typeset.
pub fn typeset_any<T>(data: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned + Clone,
{
    let mut v = serde_json::to_value(data).expect("the data model serialises");
    typeset_data(&mut v);
    serde_json::from_value(v).unwrap_or_else(|_| data.clone())
}

/// Every text of the data (a serialised data model) typeset, in place.
pub fn typeset_data(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if NOT_TEXT.contains(&k.as_str()) {
                    continue;
                }
                typeset_data(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(typeset_data),
        Value::String(s) => *s = typeset(s),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_quotes_and_year_ranges_are_typographic() {
        assert_eq!(
            typeset("programma's en auto's"),
            "programma\u{2019}s en auto\u{2019}s"
        );
        assert_eq!(typeset("'s-Hertogenbosch"), "\u{2019}s-Hertogenbosch");
        assert_eq!(
            typeset("de \"Techniekpact\"-aanpak"),
            "de \u{201c}Techniekpact\u{201d}-aanpak"
        );
        assert_eq!(typeset("(2014-2016)"), "(2014\u{2013}2016)");
    }

    #[test]
    fn a_percent_sign_stays_with_its_number() {
        assert_eq!(typeset("minder dan 70 %."), "minder dan 70\u{a0}%.");
        assert_eq!(typeset("100 % en 5%"), "100\u{a0}% en 5%");
        assert_eq!(typeset("een % teken"), "een % teken");
    }

    #[test]
    fn what_is_no_text_stays_as_typed() {
        // Not a year range, not an elision, and a link's address.
        assert_eq!(typeset("TP-2017-003, 12-3, 'x'"), "TP-2017-003, 12-3, 'x'");
        assert_eq!(
            typeset("zie {{ verwijzing(\"paragraaf:po\") }}."),
            "zie {{ verwijzing(\"paragraaf:po\") }}."
        );
        assert_eq!(
            typeset("[Jet-Net's site](https://x.nl/a-b'c)"),
            "[Jet-Net\u{2019}s site](https://x.nl/a-b'c)"
        );
    }
}
