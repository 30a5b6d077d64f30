//! Typing habits as mutations of a valid data file: what people type when
//! they write YAML by hand or paste from Word and mail. Each mutation
//! changes one line (or two) and is `None` where it does not apply.

/// The kinds of habits.
pub const HABITS: &[&str] = &[
    "spatie na dubbele punt vergeten",
    "dubbele punt vergeten",
    "spatie na streepje vergeten",
    "streepje vergeten",
    "streepje vergeten op de kolom van het streepje",
    "vaste spatie na dubbele punt",
    "aanhalingsteken niet gesloten",
    "haakje niet gesloten",
    "duizendtallen met een punt",
    "hekje in een tekst",
    "eerste regel van een blok niet ingesprongen",
    "sleutel te weinig ingesprongen",
    "sleutel te ver ingesprongen",
    "tab in de inspringing",
    "aanhalingstekens van Word",
    "opsommingsteken van Word",
];

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `(key, value)` of a `key: value` line without a dash.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let body = line.trim_start();
    if body.starts_with(['-', '#']) {
        return None;
    }
    let (k, v) = body.split_once(": ")?;
    (!k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_')).then_some((k, v))
}

/// `Some` when `line` is a `- id:` element after the first of its list
/// (`above`: the lines before it).
fn later_element(above: &[String], line: &str) -> Option<()> {
    line.trim_start().strip_prefix("- id: ")?;
    above
        .iter()
        .rev()
        .take(40)
        .any(|l| indent(l) == indent(line) && l.trim_start().starts_with("- id: "))
        .then_some(())
}

/// The file with habit `kind` applied at line `at`, or `None`.
pub fn mutate(text: &str, kind: usize, at: usize) -> Option<String> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let line = lines.get(at)?.clone();
    let prev = at
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .cloned()
        .unwrap_or_default();
    let is_text_value = |v: &str| {
        !v.is_empty()
            && !v.starts_with(['"', '\'', '{', '[', '|', '>'])
            && v.parse::<f64>().is_err()
            && v.contains(' ')
    };
    let new = match HABITS[kind] {
        "spatie na dubbele punt vergeten" => {
            let (k, v) = key_value(&line)?;
            if v.is_empty() || v.starts_with(['{', '[', '"']) {
                return None;
            }
            line.replacen(&format!("{k}: "), &format!("{k}:"), 1)
        }
        "dubbele punt vergeten" => {
            let (k, v) = key_value(&line)?;
            if !is_text_value(v) {
                return None;
            }
            line.replacen(&format!("{k}: "), &format!("{k} "), 1)
        }
        "spatie na streepje vergeten" => {
            let body = line.trim_start();
            let rest = body.strip_prefix("- ")?;
            if !rest.chars().next()?.is_alphabetic() || rest.contains(": ") {
                return None;
            }
            line.replacen("- ", "-", 1)
        }
        "streepje vergeten" => {
            later_element(&lines[..at], &line)?;
            line.replacen("- ", "  ", 1)
        }
        "streepje vergeten op de kolom van het streepje" => {
            later_element(&lines[..at], &line)?;
            line.replacen("- ", "", 1)
        }
        "vaste spatie na dubbele punt" => {
            let (k, v) = key_value(&line)?;
            if !is_text_value(v) {
                return None;
            }
            line.replacen(&format!("{k}: "), &format!("{k}:\u{a0}"), 1)
        }
        "aanhalingsteken niet gesloten" => {
            let (k, v) = key_value(&line)?;
            if !is_text_value(v) {
                return None;
            }
            line.replacen(&format!("{k}: "), &format!("{k}: \""), 1)
        }
        "haakje niet gesloten" => {
            if !line.trim_end().ends_with('}') || !line.contains(": {") {
                return None;
            }
            line.trim_end().strip_suffix('}')?.to_string()
        }
        "duizendtallen met een punt" => {
            let body = line.trim_start();
            let (year, value) = body.split_once(": ")?;
            if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let n: u64 = value.trim().parse().ok()?;
            if n == 0 {
                return None;
            }
            format!("{}{year}: {n}.000", " ".repeat(indent(&line)))
        }
        "hekje in een tekst" => {
            let (k, v) = key_value(&line)?;
            if !matches!(k, "naam" | "bron" | "trekker" | "toelichting") || !is_text_value(v) {
                return None;
            }
            let cut = v.rfind(' ')?;
            line.replacen(v, &format!("{} #{}", &v[..cut], &v[cut + 1..]), 1)
        }
        "eerste regel van een blok niet ingesprongen" => {
            if !prev.trim_end().ends_with(": |") {
                return None;
            }
            let key_indent = indent(&prev) + usize::from(prev.trim_start().starts_with("- ")) * 2;
            format!("{}{}", " ".repeat(key_indent), line.trim_start())
        }
        "sleutel te weinig ingesprongen" => {
            let (_, v) = key_value(&line)?;
            let (_, pv) = key_value(&prev).or_else(|| {
                prev.trim_start()
                    .strip_prefix("- ")
                    .and_then(|r| r.split_once(": "))
            })?;
            if v.is_empty() || pv.is_empty() || indent(&line) < 2 {
                return None;
            }
            line[2..].to_string()
        }
        "sleutel te ver ingesprongen" => {
            let (_, v) = key_value(&line)?;
            key_value(&prev)?;
            if v.is_empty() || indent(&line) != indent(&prev) {
                return None;
            }
            format!("  {line}")
        }
        "tab in de inspringing" => {
            if indent(&line) < 2 || line.trim().is_empty() {
                return None;
            }
            format!("\t{}", &line[2..])
        }
        "aanhalingstekens van Word" => {
            let (k, v) = key_value(&line)?;
            if !matches!(k, "versie" | "naam") || v.starts_with(['"', '\'']) {
                return None;
            }
            let v = v.trim_matches('"');
            line.replacen(&format!("{k}: "), &format!("{k}: \u{201c}"), 1)
                .replacen(v, &format!("{v}\u{201d}"), 1)
                .replace("\u{201c}\"", "\u{201c}")
        }
        "opsommingsteken van Word" => {
            let body = line.trim_start();
            let rest = body.strip_prefix("- ")?;
            // Only inside a block text: the line above is text, not a key.
            if key_value(&prev).is_some()
                || prev.trim_start().starts_with("- id")
                || rest.contains(": ")
            {
                return None;
            }
            line.replacen("- ", "•\t", 1)
        }
        _ => return None,
    };
    if new == line {
        return None;
    }
    lines[at] = new;
    Some(lines.join("\n"))
}
