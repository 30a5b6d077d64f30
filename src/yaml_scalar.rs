//! How a value is spelled in YAML, in one place: a text in straight quotes
//! as a user types it, a text as a quoted line or a literal block, a number
//! as the data file writes it. The loader's tips, `inlezen` and
//! `nieuw-jaar` all write values through here.

/// A text as a YAML value at `indent` (the indentation of its key): a
/// double-quoted string on one line, or a literal block (`|`) over several.
pub fn text_value(text: &str, indent: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim_end_matches('\n');
    let multiline = text.contains('\n');
    let block_safe = multiline
        && !text.starts_with([' ', '\t'])
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if block_safe {
        let mut out = String::from("|");
        for line in text.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
                out.push_str("  ");
                out.push_str(line);
            }
        }
        out
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

/// `value` in straight YAML quotes, as a user would type it: double
/// quotes, or single ones when it holds a double quote.
pub fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\"))
    }
}

/// A number as YAML writes it: `34`, `12.5`, `-0.25`.
pub fn number_value(v: f64) -> String {
    let rounded = (v * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_become_quoted_lines_or_literal_blocks_that_read_back_the_same() {
        for text in [
            "kort",
            "met: dubbele punt en # hekje",
            "\"aanhalingstekens\" en 'enkele'",
            "- punt een\n- punt twee\n\nNieuwe alinea.",
            "  begint met spaties\nen verder",
            "tab\tin de tekst\nregel twee",
        ] {
            let yaml = format!("a:\n  b: {}\n", text_value(text, "  "));
            let v: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(v["a"]["b"].as_str().unwrap().trim_end(), text, "{yaml}");
        }
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(number_value(34.0), "34");
        assert_eq!(number_value(12.5), "12.5");
        assert_eq!(number_value(0.1 + 0.2), "0.3");
        assert_eq!(number_value(-3.0), "-3");
    }
}
