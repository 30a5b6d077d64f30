//! References in the data's texts: `{{ verwijzing("tabel_indicatoren") }}`
//! in `inleiding` and `samenvatting` names a table, figure, chapter or
//! appendix of the report. Each name must be one the report has: one of
//! its own, or `hoofdstuk:`, `paragraaf:`, `figuur:` or `tabel:` with the id
//! of an onderdeel, thema or indicator of the file. Elsewhere a reference
//! would print as typed, and is named.

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::document::references::{self, BY_ID, Target};
use crate::load::doc::{Doc, indicatoren, list, themas};
use crate::load::suggest::did_you_mean;

/// The texts whose references are read.
const READ: [&str; 2] = ["/inleiding", "/samenvatting"];

/// Every reference in the data's texts, checked.
pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let ids = |items: Vec<(String, Value)>| -> Vec<String> {
        items
            .iter()
            .filter_map(|(_, v)| v.get("id").and_then(Value::as_str).map(str::to_string))
            .collect()
    };
    let known = Known {
        onderdelen: ids(list(doc, "/onderdelen")),
        themas: ids(themas(doc)),
        indicatoren: ids(indicatoren(doc)),
    };
    walk(doc, doc.value, String::new(), &known, &mut out);
    out
}

/// The ids a reference can name.
struct Known {
    onderdelen: Vec<String>,
    themas: Vec<String>,
    indicatoren: Vec<String>,
}

impl Known {
    fn of(&self, what: &str) -> &[String] {
        match what {
            "onderdeel" => &self.onderdelen,
            "thema" => &self.themas,
            _ => &self.indicatoren,
        }
    }

    /// Every name a text could use, for "bedoelt u ...?".
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Target::ALL.iter().map(Target::name).collect();
        for (prefix, what) in BY_ID {
            names.extend(self.of(what).iter().map(|id| format!("{prefix}:{id}")));
        }
        names
    }
}

fn walk(doc: &Doc, v: &Value, pointer: String, known: &Known, out: &mut Vec<Diagnostic>) {
    match v {
        Value::String(s) => text(doc, s, &pointer, known, out),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(doc, x, format!("{pointer}/{i}"), known, out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let key = crate::load::positions::escape_segment(k);
                walk(doc, x, format!("{pointer}/{key}"), known, out);
            }
        }
        _ => {}
    }
}

/// Where `part` of the text `s` at `pointer` stands in the file, else the
/// value.
fn place(doc: &Doc, pointer: &str, s: &str, part: &str) -> Option<std::ops::Range<usize>> {
    let value = doc.index.value(pointer)?;
    crate::text_position::part_of_scalar(doc.text, value.start, s.len(), part).or(Some(value))
}

fn text(doc: &Doc, s: &str, pointer: &str, known: &Known, out: &mut Vec<Diagnostic>) {
    let found = references::data_references(s);
    if found.is_empty() {
        return;
    }
    if !READ.contains(&pointer) {
        for (range, _) in found {
            out.push(
                Diagnostic::warning(
                    "een verwijzing wordt alleen in 'inleiding' en 'samenvatting' gelezen; hier komt ze er letterlijk te staan",
                )
                .at_opt(place(doc, pointer, s, &s[range]))
                .hint("noem hier de tabel of figuur in woorden, of zet de verwijzing in de inleiding of de samenvatting"),
            );
        }
        return;
    }
    for (range, name) in found {
        let at = place(doc, pointer, s, &s[range]);
        let unknown = |message: String| {
            let names = known.names();
            let hint = match did_you_mean(&name, &names) {
                Some(close) => format!("bedoelt u '{close}'?"),
                None => format!("mogelijk zijn: {}", Target::names()),
            };
            Diagnostic::error(message).at_opt(at.clone()).hint(hint)
        };
        match Target::from_name(&name) {
            None => out.push(unknown(format!(
                "verwijzing(\"{name}\") kent techniekpact niet"
            ))),
            Some(target) => {
                if let Some((id, what)) = target.id()
                    && !known.of(what).iter().any(|k| k == id)
                {
                    out.push(unknown(format!(
                        "verwijzing(\"{name}\"): er bestaat geen {what} met id '{id}'"
                    )));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "samenvatting: |
  Zie {{ verwijzing(\"paragraaf:p0\") }} en {{ verwijzing(\"tabel_indicatorn\") }}.
  En {{ verwijzing(\"figuur:besturen\") }}.
onderdelen:
  - id: deel
    themas:
      - id: po
        indicatoren:
          - id: besturen
            toelichting: Zie {{ verwijzing(\"tabel_indicatoren\") }}.
";

    fn found() -> Vec<(usize, usize, bool, String, Option<String>)> {
        crate::load::doc::problems_in(TEXT, check)
            .into_iter()
            .map(|(l, c, d)| (l, c, d.is_error(), d.message, d.hint))
            .collect()
    }

    #[test]
    fn each_reference_is_checked_at_its_place() {
        let f = found();
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!((f[0].0, f[0].1, f[0].2), (2, 7, true));
        assert_eq!(
            f[0].3,
            "verwijzing(\"paragraaf:p0\"): er bestaat geen thema met id 'p0'"
        );
        assert_eq!(f[0].4.as_deref(), Some("bedoelt u 'paragraaf:po'?"));
        assert_eq!((f[1].0, f[1].2), (2, true));
        assert_eq!(f[1].4.as_deref(), Some("bedoelt u 'tabel_indicatoren'?"));
        // A reference in a toelichting is not read: a warning.
        assert_eq!((f[2].0, f[2].2), (10, false));
        assert!(f[2].3.contains("alleen in 'inleiding' en 'samenvatting'"));
    }
}
