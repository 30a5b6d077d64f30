//! The names the templates see. What is serialised to a template (the
//! document model, the house style, the HTML's context) is named in Dutch,
//! like the YAML the editors write; the code keeps English names. Until
//! December 2026 the document model's blocks were named in English; an
//! editor's copy of `rapport.typ`, `stijl.typ` or `rapport.html` from then
//! is found here, with every old name at its place and the new one as fix.

use crate::diagnostics::{Diagnostic, Problems, SourceText};

/// An old name as a template wrote it, and what it is called now.
const RENAMED: &[(&str, &str)] = &[
    // Blocks and inlines: the kind and its values.
    (".type", ".soort"),
    ("\"toc\"", "\"inhoudsopgave\""),
    ("\"heading\"", "\"kop\""),
    ("\"paragraph\"", "\"alinea\""),
    ("\"list\"", "\"lijst\""),
    ("\"table\"", "\"tabel\""),
    ("\"figure\"", "\"figuur\""),
    ("\"text\"", "\"tekst\""),
    ("\"strong\"", "\"vet\""),
    ("\"emph\"", "\"nadruk\""),
    ("\"reference\"", "\"verwijzing\""),
    ("\"line_break\"", "\"regeleinde\""),
    ("\"right\"", "\"rechts\""),
    // Fields.
    (".blocks", ".blokken"),
    (".long_words", ".lange_woorden"),
    (".title", ".titel"),
    (".depth", ".diepte"),
    (".level", ".niveau"),
    (".number", ".nummer"),
    (".text", ".tekst"),
    (".anchor", ".anker"),
    (".appendix", ".bijlage"),
    (".content", ".inhoud"),
    (".ordered", ".genummerd"),
    (".start", ".begin"),
    (".caption", ".bijschrift"),
    (".header", ".koppen"),
    (".align", ".uitlijning"),
    (".widths", ".breedtes"),
    (".fit", ".passend"),
    (".natural", ".natuurlijk"),
    (".longest_word", ".langste_woord"),
    (".rows", ".rijen"),
    (".note", ".toelichting"),
    (".separator", ".scheiding"),
    (".full", ".volledig"),
    (".path", ".pad"),
    (".width", ".breedte"),
    (".key", ".sleutel"),
    (".target", ".doel"),
    (".children", ".onderliggend"),
    (".id", ".anker"),
    // The HTML template's context.
    ("charts[", "grafieken["),
    ("toc_list(toc)", "toc_list(inhoudsopgave)"),
];

/// Parts of the default templates that read a block whose shape changed
/// (December 2026: `naast_elkaar` holds `kolommen` of blocks, where it held
/// one block a column in `blokken`), as the default wrote them and as it
/// writes them now.
const RESHAPED: &[(&str, &str)] = &[
    (
        "..b.blokken.map(blok => render-blocks((blok,)))",
        "..b.kolommen.map(render-blocks)",
    ),
    (
        "{{- blocks(b.blokken) }}",
        "{%- for kolom in b.kolommen %}\n<div class=\"kolom\">{{ blocks(kolom) }}</div>\n{%- endfor %}",
    ),
];

/// The variables of the default templates that hold a part of the model:
/// an old field name is looked for after these only, so that the template
/// language's own names (`figure.caption`, a show rule's `it.level`) are
/// left alone. In `stijl.typ`, `it` is always Typst's own element.
const MODEL_VARIABLES: &[&str] = &[
    "doc",
    "meta",
    "b",
    "t",
    "f",
    "c",
    "i",
    "item",
    "entry",
    "it",
    "caption",
    "bijschrift",
];

/// The template files that read the model.
const READERS: &[&str] = &["rapport.typ", "stijl.typ", "rapport.html"];

/// An old name in a template: where, what it was and what it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct OldName {
    pub span: std::ops::Range<usize>,
    pub old: &'static str,
    pub new: &'static str,
}

/// Every old name in the template file `rel` (only the files that read
/// the model are looked at), in file order.
pub fn old_names(rel: &str, text: &str) -> Vec<OldName> {
    if !READERS.contains(&rel) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (start, line) in line_starts(text) {
        let code = code_part(rel, line);
        for &(old, new) in RENAMED {
            let mut from = 0;
            while let Some(i) = code[from..].find(old) {
                let at = from + i;
                from = at + old.len();
                if is_old_name(rel, code, at, old) {
                    found.push(OldName {
                        span: start + at..start + at + old.len(),
                        old,
                        new,
                    });
                }
            }
        }
    }
    for &(old, new) in RESHAPED {
        found.extend(text.match_indices(old).map(|(at, _)| OldName {
            span: at..at + old.len(),
            old,
            new,
        }));
    }
    found.sort_by_key(|n| n.span.start);
    found
}

/// The error for an editor's template that still uses old names: one, at
/// the first, with how many there are and the command that renames them.
pub fn check(rel: &str, path: &std::path::Path, text: &str) -> Option<Problems> {
    let found = old_names(rel, text);
    let first = found.first()?;
    let bare = |s: &str| s.trim_matches(['.', '"', '[', '(']).to_string();
    let mut examples: Vec<String> = Vec::new();
    for n in &found {
        let pair = format!("'{}' heet nu '{}'", bare(n.old), bare(n.new));
        if !examples.contains(&pair) && examples.len() < 3 {
            examples.push(pair);
        }
    }
    let dir = path.parent().unwrap_or(path);
    let diagnostic = Diagnostic::error(format!(
        "dit sjabloon leest het documentmodel nog met de namen van vóór december 2026 \
         ({} {}; {})",
        found.len(),
        if found.len() == 1 {
            "plaats"
        } else {
            "plaatsen"
        },
        examples.join(", ")
    ))
    .at(first.span.clone())
    .label(format!(
        "'{}' heet nu '{}'",
        bare(first.old),
        bare(first.new)
    ))
    .hint(format!(
        "werk de kopie bij met 'techniekpact sjablonen --bijwerken {}' (dat vervangt alleen \
         de oude namen; de lijst staat in docs/sjablonen.md, 'Namen in de sjablonen')",
        dir.display()
    ));
    Some(Problems::new(
        path,
        Some(SourceText::new(path, text)),
        vec![diagnostic],
    ))
}

/// `text` with every old name replaced by its new one, or `None` when it
/// has none. A part whose shape changed is found once its names are new,
/// so the replacing goes on until nothing old is left.
pub fn update(rel: &str, text: &str) -> Option<String> {
    let mut current = text.to_string();
    // Each round leaves fewer old names; two suffice for the oldest copy.
    for _ in 0..4 {
        let found = old_names(rel, &current);
        if found.is_empty() {
            break;
        }
        let mut out = String::with_capacity(current.len() + found.len() * 4);
        let mut at = 0;
        for n in found {
            out.push_str(&current[at..n.span.start]);
            out.push_str(n.new);
            at = n.span.end;
        }
        out.push_str(&current[at..]);
        current = out;
    }
    (current != text).then_some(current)
}

/// Whether `old`, found at byte `at` of `code`, is the model's old name
/// rather than part of a longer word or a name of the template language.
fn is_old_name(rel: &str, code: &str, at: usize, old: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let after = code[at + old.len()..].chars().next();
    let before = code[..at].chars().next_back();
    if old.starts_with('.') {
        if after.is_some_and(ident) {
            return false;
        }
        // `x.caption` of a variable, not `figure.caption` of Typst.
        let word_start = code[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| ident(c))
            .last()
            .map_or(at, |(i, _)| i);
        let word = &code[word_start..at];
        MODEL_VARIABLES.contains(&word) && !(word == "it" && rel == "stijl.typ")
    } else if old.starts_with('"') {
        // Only as a value compared with a kind or an alignment.
        let head = code[..at].trim_end();
        head.ends_with("==") || head.ends_with("!=") || head.ends_with("in (")
    } else {
        !before.is_some_and(ident)
    }
}

/// The part of a line that is code: without a Typst `//` comment. (An
/// HTML template's comments are blocks; an old name in them is shown too,
/// and its fix is harmless.)
fn code_part<'a>(rel: &str, line: &'a str) -> &'a str {
    if rel.ends_with(".typ")
        && let Some(i) = line.find("//")
    {
        return &line[..i];
    }
    line
}

/// Each line of `text` with the byte offset it starts at.
fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let at = start;
        start += line.len();
        (at, line.trim_end_matches(['\n', '\r']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn names(rel: &str, text: &str) -> Vec<&'static str> {
        old_names(rel, text).into_iter().map(|n| n.new).collect()
    }

    #[test]
    fn the_embedded_templates_use_only_the_current_names() {
        for rel in READERS {
            let text = String::from_utf8_lossy(super::super::default_file(rel));
            assert_eq!(names(rel, &text), Vec::<&str>::new(), "{rel}");
        }
    }

    #[test]
    fn an_old_copy_gets_every_old_name_with_its_fix() {
        let typ = "#render-blocks(doc.blocks)\n  if b.type == \"heading\" { b.text } // b.caption\n  table.header(..t.header)\n";
        assert_eq!(
            names("rapport.typ", typ),
            [".blokken", ".soort", "\"kop\"", ".tekst", ".koppen"]
        );
        let html = "{{ charts[f.path] }}{{- toc_list(toc) }}";
        assert_eq!(
            names("rapport.html", html),
            ["grafieken[", ".pad", "toc_list(inhoudsopgave)"]
        );
    }

    #[test]
    fn an_old_copy_is_one_error_at_the_first_old_name_with_the_command() {
        let typ = "#let x = 1\n#render-blocks(doc.blocks)\n#let y = b.text\n";
        let p = check("rapport.typ", Path::new("mijn/rapport.typ"), typ).expect("an error");
        assert_eq!(p.diagnostics.len(), 1);
        let d = &p.diagnostics[0];
        assert_eq!(d.span, Some(29..36));
        assert!(d.message.contains("2 plaatsen"), "{}", d.message);
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("sjablonen --bijwerken mijn")
        );
        assert!(check("rapport.typ", Path::new("r"), "#render-blocks(doc.blokken)").is_none());
    }

    #[test]
    fn updating_replaces_the_old_names_only() {
        let typ = "// b.text in a comment\n#if b.type == \"heading\" { b.text }\n";
        let new = update("rapport.typ", typ).expect("changed");
        assert_eq!(
            new,
            "// b.text in a comment\n#if b.soort == \"kop\" { b.tekst }\n"
        );
        assert_eq!(update("rapport.typ", &new), None);
    }

    #[test]
    fn blocks_side_by_side_are_read_as_columns_after_updating() {
        // The default's lines before the columns (with English names, as
        // in the oldest copies, too).
        let typ = "        ..b.blokken.map(blok => render-blocks((blok,))),\n";
        let english = "        ..b.blocks.map(blok => render-blocks((blok,))),\n";
        let now = "        ..b.kolommen.map(render-blocks),\n";
        assert_eq!(update("rapport.typ", typ).as_deref(), Some(now));
        assert_eq!(update("rapport.typ", english).as_deref(), Some(now));
        let html = "<div class=\"naast-elkaar\">\n{{- blocks(b.blokken) }}\n</div>";
        let updated = update("rapport.html", html).expect("changed");
        assert!(
            updated.contains("{%- for kolom in b.kolommen %}"),
            "{updated}"
        );
        assert!(check("rapport.html", Path::new("r"), html).is_some());
        // The defaults read the columns as the update writes them.
        let default = |rel| String::from_utf8_lossy(super::super::default_file(rel)).into_owned();
        assert!(default("rapport.typ").contains(RESHAPED[0].1));
        assert!(default("rapport.html").contains(RESHAPED[1].1));
    }

    #[test]
    fn other_files_and_the_template_language_s_own_names_are_left_alone() {
        assert!(names("rapport.css", "a.text { }").is_empty());
        assert!(names("stijl.typ", "show figure.caption: set text(size: 9pt)\n").is_empty());
        assert!(
            names(
                "stijl.typ",
                "show heading: it => if it.level == 1 { it.body }\n"
            )
            .is_empty()
        );
        assert!(names("rapport.typ", "let x = mijn.caption + b.captions\n").is_empty());
    }
}
