//! minijinja's errors in an editor's template (`rapport.html`, a text of
//! `teksten.yaml`) in Dutch: what is wrong, where in the template (the
//! expression, not only the line), and for a name that does not exist the
//! name and the one probably meant.

use std::ops::Range;

use minijinja::{ErrorKind, Value};

/// An error of a template, in Dutch.
#[derive(Debug, Clone, PartialEq)]
pub struct JinjaProblem {
    pub message: String,
    /// The bytes of the template the error is about, when minijinja knows.
    pub range: Option<Range<usize>>,
    pub hint: Option<String>,
}

/// `e`, raised by the template `source` rendered with `context`, in Dutch.
pub fn dutch(e: &minijinja::Error, source: &str, context: Option<&Value>) -> JinjaProblem {
    let range = e.range().filter(|r| {
        r.end <= source.len() && source.is_char_boundary(r.start) && source.is_char_boundary(r.end)
    });
    let expression = range.as_ref().map(|r| source[r.clone()].trim());
    let detail = e.detail().unwrap_or_default();
    let (message, hint) = match e.kind() {
        ErrorKind::SyntaxError => (
            format!("syntaxfout: {}", syntax(detail)),
            Some(
                "gegevens staan tussen {{ en }}, opdrachten tussen {% en %}; controleer of elk haakje gesloten is"
                    .to_string(),
            ),
        ),
        ErrorKind::UndefinedError => {
            let name = expression.unwrap_or("?");
            let hint = context.and_then(|c| suggestion(name, c));
            (
                format!("'{name}' bestaat niet in de gegevens van dit sjabloon"),
                hint.or_else(|| {
                    Some("de namen die een sjabloon kan gebruiken staan in docs/sjablonen.md".into())
                }),
            )
        }
        ErrorKind::UnknownFilter => (
            format!("onbekend filter: {}", name_in(detail, expression)),
            Some("zie de filters van minijinja en van techniekpact in docs/sjablonen.md".into()),
        ),
        ErrorKind::UnknownFunction => (
            format!("onbekende functie: {}", name_in(detail, expression)),
            Some("een vaste tekst kent alleen de functie verwijzing(...)".into()),
        ),
        ErrorKind::UnknownTest => (format!("onbekende test: {}", name_in(detail, expression)), None),
        ErrorKind::UnknownMethod => (format!("onbekende methode: {}", name_in(detail, expression)), None),
        ErrorKind::TooManyArguments => (
            format!("te veel argumenten{}", at(expression)),
            None,
        ),
        ErrorKind::MissingArgument => (
            format!("er ontbreekt een argument{}", at(expression)),
            None,
        ),
        ErrorKind::InvalidOperation => (
            format!("dit kan niet{}: {}", at(expression), detail),
            None,
        ),
        ErrorKind::TemplateNotFound => (
            format!("bestand niet gevonden ({detail}); een sjabloon kan alleen bestanden uit zijn eigen map lezen"),
            None,
        ),
        _ => (
            if detail.is_empty() {
                e.kind().to_string()
            } else {
                format!("{}: {detail}", e.kind())
            },
            None,
        ),
    };
    JinjaProblem {
        message,
        range,
        hint,
    }
}

/// ` in 'expr'`, when the expression is known.
fn at(expression: Option<&str>) -> String {
    expression.map_or_else(String::new, |e| format!(" in '{e}'"))
}

/// The name an error is about: from minijinja's detail, else the
/// expression.
fn name_in(detail: &str, expression: Option<&str>) -> String {
    match (detail, expression) {
        ("", Some(e)) => e.to_string(),
        (d, _) => d.trim_start_matches("filter ").to_string(),
    }
}

/// A syntax error's detail in Dutch, for minijinja's usual forms.
fn syntax(detail: &str) -> String {
    let words = |s: &str| -> String {
        match s.trim() {
            "end of variable block" => "'}}' (het einde van de uitdrukking)".into(),
            "end of block" => "'%}' (het einde van de opdracht)".into(),
            "end of input" => "het einde van het sjabloon".into(),
            "identifier" => "een naam".into(),
            "expression" => "een uitdrukking".into(),
            "end of comment" => "'#}' (het einde van de opmerking)".into(),
            other => other
                .replace("end of", "het einde van")
                .replace("unexpected", "onverwacht"),
        }
    };
    if let Some(rest) = detail.strip_prefix("unexpected ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return if wanted.is_empty() {
            format!("onverwacht {}", words(found))
        } else {
            format!("onverwacht {} waar {} hoort", words(found), words(wanted))
        };
    }
    match detail {
        "unexpected end of input" => "het sjabloon houdt op midden in een uitdrukking".into(),
        d if d.starts_with("unknown statement") => {
            d.replace("unknown statement", "onbekende opdracht")
        }
        d if d.starts_with("unclosed") => d.replace("unclosed", "niet gesloten:"),
        d => d.to_string(),
    }
}

/// "bedoelt u ...?" for a name that does not exist: the closest of the
/// names next to it (`meta.documenttitle` → the keys of `meta`).
fn suggestion(name: &str, context: &Value) -> Option<String> {
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let mut at = context.clone();
    if let Some(p) = parent {
        for (i, part) in p.split('.').enumerate() {
            let mut next = at.get_attr(part.trim()).ok()?;
            // A name the template set itself (`{% set meta = doc.meta %}`):
            // look for it one level down.
            if next.is_undefined() && i == 0 {
                next = at
                    .try_iter()
                    .ok()?
                    .filter_map(|k| at.get_item(&k).ok())
                    .filter_map(|v| v.get_attr(part.trim()).ok())
                    .find(|v| !v.is_undefined())?;
            }
            if next.is_undefined() {
                return None;
            }
            at = next;
        }
    }
    let keys: Vec<String> = at
        .try_iter()
        .ok()?
        .filter_map(|k| k.as_str().map(str::to_string))
        .collect();
    let close = crate::load::suggest::did_you_mean(last.trim(), &keys)?;
    Some(match parent {
        Some(p) => format!("bedoelt u '{p}.{close}'?"),
        None => format!("bedoelt u '{close}'?"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::{Environment, UndefinedBehavior, context};

    fn problem(template: &str, ctx: Value) -> JinjaProblem {
        let mut env = Environment::new();
        env.set_debug(true);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let e = match env.template_from_str(template) {
            Ok(t) => t.render(ctx.clone()).expect_err("fails"),
            Err(e) => e,
        };
        dutch(&e, template, Some(&ctx))
    }

    #[test]
    fn a_misspelt_name_is_named_with_the_one_meant() {
        let ctx = context! { meta => context! { documenttitel => "T", auteurs => "A" } };
        let p = problem("<title>{{ meta.documenttitle }}</title>", ctx);
        assert_eq!(
            p.message,
            "'meta.documenttitle' bestaat niet in de gegevens van dit sjabloon"
        );
        assert_eq!(p.range, Some(10..28));
        assert_eq!(p.hint.as_deref(), Some("bedoelt u 'meta.documenttitel'?"));
        let p = problem(
            "Wijzigingen ten opzichte van {{ vorig_jaarr }}",
            context! { vorig_jaar => 2015 },
        );
        assert_eq!(p.hint.as_deref(), Some("bedoelt u 'vorig_jaar'?"));
    }

    #[test]
    fn a_syntax_error_is_in_dutch_at_its_place() {
        let p = problem("Acties: {{ thema }", context! { thema => "x" });
        assert!(
            p.message.starts_with("syntaxfout: onverwacht"),
            "{}",
            p.message
        );
        assert!(p.message.contains("'}}'"), "{}", p.message);
        assert!(p.range.is_some());
    }
}
