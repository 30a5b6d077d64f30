//! Checks shared by the editors' YAML files in `templates/` (`teksten.yaml`,
//! `huisstijl.yaml`): a map whose keys are fixed by the program (the status
//! keys), and serde's messages about those files in Dutch.

use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::load::positions::{PositionIndex, escape_segment};

/// Problems with the keys of the map at `pointer` (e.g. `/statussen`):
/// every key of `expected` must be there, and no other.
pub fn check_keys<'a>(
    pointer: &str,
    found: impl IntoIterator<Item = &'a String>,
    expected: &[&str],
    index: &PositionIndex,
) -> Vec<Diagnostic> {
    let section = pointer.trim_start_matches('/').replace('/', ".");
    let found: Vec<&String> = found.into_iter().collect();
    let known: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    let mut problems = Vec::new();
    for key in &found {
        if expected.contains(&key.as_str()) {
            continue;
        }
        let hint = match crate::load::suggest::did_you_mean(key, &known) {
            Some(close) => format!("bedoelt u '{close}'?"),
            None => format!("de sleutels zijn: {}", expected.join(", ")),
        };
        problems.push(
            Diagnostic::error(format!("onbekende sleutel '{key}' onder '{section}'"))
                .at_opt(index.key(&format!("{pointer}/{}", escape_segment(key))))
                .hint(hint),
        );
    }
    for key in expected {
        if !found.iter().any(|f| f.as_str() == *key) {
            problems.push(
                Diagnostic::error(format!("de sleutel '{key}' ontbreekt onder '{section}'"))
                    .at_opt(index.key(pointer))
                    .hint("vergelijk met de standaardversie ('techniekpact sjablonen MAP')"),
            );
        }
    }
    problems
}

/// A serde error about an editor's file, in Dutch where serde's message has
/// a known form, at its position.
pub fn serde_problem(what: &str, e: &serde_yaml::Error) -> Diagnostic {
    let at: Option<Range<usize>> = e.location().map(|l| l.index()..l.index());
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the position is shown apart.
    let msg = raw.split(" at line ").next().unwrap_or(&raw);
    // serde_yaml puts the path to the value first (`labels: unknown field
    // ...`); the position says where, the message need not.
    let msg = ["unknown field `", "missing field `", "invalid type: "]
        .iter()
        .find_map(|start| msg.find(start).map(|i| &msg[i..]))
        .unwrap_or(msg);
    let dutch = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, rest) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        let known: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        let mut d = Diagnostic::error(format!("{what}: onbekende sleutel '{key}'"));
        d = match crate::load::suggest::did_you_mean(key, &known) {
            Some(close) => d.hint(format!("bedoelt u '{close}'?")),
            None if !expected.is_empty() => {
                d.hint(format!("de sleutels hier zijn: {}", expected.join(", ")))
            }
            None => d,
        };
        return d.at_opt(at);
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        format!("{what}: de sleutel '{key}' ontbreekt")
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "{what}: verkeerd soort waarde ({}) waar {} verwacht wordt",
            dutch_kind(found),
            dutch_kind(wanted)
        )
    } else {
        format!("{what}: {msg}")
    };
    Diagnostic::error(dutch)
        .at_opt(at)
        .hint("vergelijk met de standaardversie ('techniekpact sjablonen MAP')")
}

/// serde's names of value kinds, in Dutch.
fn dutch_kind(kind: &str) -> String {
    let k = kind.trim();
    let word = match k {
        "a string" | "string" => "een tekst",
        "a sequence" | "sequence" => "een lijst",
        "a map" | "map" | "struct" => "een reeks sleutels",
        "unit value" => "een lege waarde",
        "f64" | "a floating point number" => "een getal",
        "a boolean" => "ja of nee",
        _ if k.starts_with("integer")
            || k.starts_with("floating point")
            || k.starts_with("u")
            || k.starts_with("i") =>
        {
            "een getal"
        }
        _ if k.starts_with("struct ") => "een reeks sleutels",
        _ if k.starts_with("string ") => "een tekst",
        _ if k.starts_with("a sequence") => "een lijst",
        _ => return k.to_string(),
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_missing_keys_are_named_with_a_suggestion() {
        let yaml = "statussen:\n  op_koerss: x\n";
        let index = crate::load::positions::index(yaml).index;
        let found = vec!["op_koerss".to_string()];
        let problems = check_keys("/statussen", &found, &["op_koers"], &index);
        assert_eq!(problems.len(), 2);
        assert!(
            problems[0]
                .message
                .contains("onbekende sleutel 'op_koerss' onder 'statussen'")
        );
        assert_eq!(problems[0].hint.as_deref(), Some("bedoelt u 'op_koers'?"));
        assert!(problems[0].span.is_some());
        assert!(problems[1].message.contains("'op_koers' ontbreekt"));
    }

    #[test]
    fn serde_messages_in_dutch() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            hoofdkleur: String,
        }
        let e = serde_yaml::from_str::<S>("hoofdkluer: x\n").unwrap_err();
        let d = serde_problem("huisstijl.yaml", &e);
        assert_eq!(d.message, "huisstijl.yaml: onbekende sleutel 'hoofdkluer'");
        assert_eq!(d.hint.as_deref(), Some("bedoelt u 'hoofdkleur'?"));
        let e = serde_yaml::from_str::<S>("{}").unwrap_err();
        assert_eq!(
            serde_problem("x", &e).message,
            "x: de sleutel 'hoofdkleur' ontbreekt"
        );
    }
}
