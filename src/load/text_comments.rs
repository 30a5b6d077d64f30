//! Text after ` #` in a plain text value: YAML reads it as a comment and
//! drops it, so "Zie actiepunt #4 uit het regioplan" prints "Zie
//! actiepunt". In a free text (a name, an explanation, a source, a trekker)
//! that is rarely meant; the fix is the quoted form, which keeps the `#`.
//! A comment after a number, an id, a status or a date, or on a line of its
//! own, stays allowed, and so does one set apart with two spaces before
//! `# ` (as `docs/gegevensformaat.md` shows).

use crate::diagnostics::Diagnostic;
use crate::load::doc::Doc;
use crate::yaml_scalar::quoted;

/// Keys whose value is free text, printed in the report.
const TEXT_KEYS: &[&str] = &[
    "titel",
    "ondertitel",
    "opsteller",
    "kenmerk",
    "naam",
    "toelichting",
    "bron",
    "trekker",
    "eenheid",
    "inleiding",
    "samenvatting",
];

/// Lists (and maps by year) whose items are free text.
const TEXT_LISTS: &[&str] = &["partners", "organisaties", "opmerkingen"];

fn is_text(pointer: &str) -> bool {
    let mut segments = pointer.rsplit('/');
    let last = segments.next().unwrap_or_default();
    let parent = segments.next().unwrap_or_default();
    TEXT_KEYS.contains(&last)
        || (last.bytes().all(|b| b.is_ascii_digit()) && TEXT_LISTS.contains(&parent))
}

/// A comment set apart as one: two spaces or more before its `#`, and a
/// space after it (`naam: Jet-Net  # tot 2017`). A `#` after one space, or
/// followed by a word (`#4`, `#TechNet`), is taken as part of the text.
fn deliberate(text: &str, hash: usize) -> bool {
    text[..hash].ends_with("  ") && text[hash + 1..].starts_with(' ')
}

/// A warning per text value that lost its end to a comment.
pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    let mut found: Vec<(&String, &std::ops::Range<usize>)> = doc
        .index
        .trailing_comments
        .iter()
        .filter(|(p, _)| is_text(p))
        .collect();
    found.sort_by_key(|(_, c)| c.start);
    let mut out = Vec::new();
    for (pointer, comment) in found {
        let Some(value) = doc.index.get(pointer).map(|n| n.value.clone()) else {
            continue;
        };
        if value.start >= comment.start || deliberate(doc.text, comment.start) {
            continue;
        }
        let typed = &doc.text[value.start..comment.end];
        let read = doc.text[value.clone()].trim_end();
        let lost = &doc.text[comment.clone()];
        let whole = quoted(typed.trim_end());
        let key = pointer.rsplit('/').next().unwrap_or_default();
        let key = if key.bytes().all(|b| b.is_ascii_digit()) {
            String::new()
        } else {
            format!("{key}: ")
        };
        out.push(
            Diagnostic::warning(format!(
                "de tekst na ' #' is in YAML een opmerking en komt niet in het rapport: gelezen wordt '{read}', '{lost}' valt weg"
            ))
            .at(comment.clone())
            .label("valt weg")
            .hint(format!(
                "hoort '{lost}' bij de tekst, zet de hele tekst dan tussen aanhalingstekens: {key}{whole}; is het een opmerking, zet die dan op een eigen regel erboven"
            ))
            .fix(value.start..comment.end, whole),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_text;

    #[test]
    fn free_texts_are_told_from_ids_and_figures() {
        assert!(is_text("/onderdelen/0/themas/1/indicatoren/0/naam"));
        assert!(is_text("/rapport/organisaties/2"));
        assert!(is_text("/onderdelen/0/themas/0/partners/0"));
        assert!(!is_text("/onderdelen/0/themas/0/acties/0/status"));
        assert!(!is_text(
            "/onderdelen/0/themas/0/indicatoren/0/metingen/2016"
        ));
        assert!(!is_text("/rapport/versie"));
    }
}
