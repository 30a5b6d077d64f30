//! YAML syntax errors in Dutch: every complaint the `saphyr-parser` scanner
//! and parser can raise becomes a sentence that says what is wrong and what
//! to type, placed on the spot the user must change. The parser often
//! notices a mistake a line or more after it was made (an unclosed quote, a
//! key without its colon, `sleutel:waarde`); [`explain`] looks back for the
//! cause and points there.

use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::text_position::line_around;

/// A syntax error as the parser reports it: its text and the byte offset of
/// its marker.
pub struct ParseError<'a> {
    pub info: &'a str,
    pub at: usize,
}

/// The Dutch diagnostic of a parser error in `text`.
pub fn explain(text: &str, err: &ParseError) -> Diagnostic {
    let at = text.floor_char_boundary(err.at.min(text.len()));
    let here = Place::new(text, at);
    let info = err.info;
    let found = |needle: &str| info.contains(needle);

    // Habits that look right on screen: a non-breaking space pasted from a
    // mail, the first line of a block text not indented.
    if let Some(d) = non_breaking_space(text, at) {
        return d;
    }
    if let Some(d) = block_first_line(text, at) {
        return d;
    }
    if let Some(d) = word_bullet(text, at) {
        return d;
    }

    // Causes the parser reports only later: look back first.
    if found("simple key expect ':'") || found("could not find expected ':'") {
        if let Some(d) = glued_colon(text, at) {
            return d;
        }
        return missing_colon(text, at);
    }
    if found("quoted scalar")
        && (found("indentation") || found("end of stream"))
        && let Some(d) = unclosed_quote(text, at)
    {
        return d;
    }
    if (found("flow mapping")
        || found("flow sequence")
        || found("flow construct")
        || found("illegal placement of ':'")
        || found("unexpected end of plain scalar"))
        && let Some(d) = unclosed_bracket(text, at)
    {
        return d;
    }

    if let Some(c) = info
        .strip_prefix("unexpected character: `")
        .and_then(|r| r.chars().next())
    {
        return reserved_start(&here, c);
    }
    if found("found unknown anchor") {
        return reserved_start(&here, '*');
    }
    if found("anchor or alias")
        || found("scanning an anchor")
        || found("scanning an alias")
        || found("invalid indentation for anchor")
    {
        return reserved_start(&here, here.char().unwrap_or('&'));
    }
    if found("duplicated anchor") {
        return reserved_start(&here, '&');
    }
    if found("mapping keys are not allowed") {
        return reserved_start(&here, '?');
    }
    if found("tag") || found("handle wasn't declared") {
        return reserved_start(&here, '!');
    }
    if found("':' must be followed by a valid YAML whitespace") || found("':' may not precede") {
        return colon_without_space(text, at);
    }
    if found("mapping values are not allowed") {
        return colon_in_the_wrong_place(text, at);
    }
    if (found("'-' must be followed") || found("block collection"))
        && here.char() == Some('-')
        && here.next_char().is_some_and(|c| !c.is_whitespace())
    {
        return dash_without_space(&here);
    }
    if found("block collection")
        && let Some(d) = at_the_dash_column(text, &here)
    {
        return d;
    }
    if found("block collection") {
        return Diagnostic::error(
            "deze regel is anders ingesprongen dan de lijst waar hij bij hoort",
        )
        .at(here.line_content())
        .label("inspringing klopt niet")
        .hint("laat de elementen van één lijst recht onder elkaar met '- ' beginnen, en de sleutels van één map recht onder elkaar; gebruik alleen spaties");
    }
    if found("block mapping") {
        return after_map_key(text, &here);
    }
    if found("\"-\" is only valid inside a block") || found("block sequence entries") {
        return Diagnostic::error("hier mag geen lijstelement ('- ') beginnen")
            .at(here.point())
            .label("lijstelement op de verkeerde plaats")
            .hint("begin een lijstelement op een eigen regel, ingesprongen onder de sleutel van de lijst; staat het streepje in een tekst, zet de tekst dan tussen aanhalingstekens");
    }
    if found("invalid trailing content after double-quoted scalar") {
        return Diagnostic::error("na het sluitende aanhalingsteken staat nog tekst")
            .at(here.point())
            .label("tekst na het aanhalingsteken")
            .hint(format!(
                "zet de hele waarde tussen aanhalingstekens, bijvoorbeeld {}; een aanhalingsteken binnen de tekst schrijft u met enkele aanhalingstekens eromheen",
                quoted_example(&here)
            ));
    }
    if found("escape") || found("hexadecimal") || found("Unicode character") {
        return Diagnostic::error("een backslash (\\) tussen dubbele aanhalingstekens begint een codering die hier niet bestaat")
            .at(here.point())
            .label("onbekende codering")
            .hint("schrijf een backslash als \\\\, of zet de tekst tussen enkele aanhalingstekens ('...'), waarin een backslash gewoon tekst is");
    }
    if found("block scalar") || found("wrongly indented line in block scalar") {
        return block_text(&here, info);
    }
    if found("comment intercepting") {
        return Diagnostic::error("een opmerking (#) onderbreekt een tekst over meer regels")
            .at(here.point())
            .label("opmerking midden in de tekst")
            .hint("haal de opmerking weg, of zet de tekst tussen aanhalingstekens; hoort '#' bij de tekst, zet de tekst dan na 'sleutel: |' op de volgende regels");
    }
    if found("comments must be separated") {
        return Diagnostic::error("voor een opmerking (#) hoort een spatie")
            .at(here.point())
            .label("spatie voor '#'")
            .hint("typ een spatie voor '#', of zet de tekst tussen aanhalingstekens als '#' erbij hoort");
    }
    if found("byte order mark") {
        return Diagnostic::error(
            "midden in het bestand staat een onzichtbaar teken (U+FEFF, een 'byte order mark')",
        )
        .at(here.point_char())
        .label("onzichtbaar teken")
        .hint("verwijder het teken; het komt vaak mee bij kopiëren uit een ander bestand");
    }
    if found("unprintable") || found("control characters") {
        let at = text
            .char_indices()
            .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            .map_or(here.point_char(), |(i, c)| i..i + c.len_utf8());
        return Diagnostic::error("het bestand bevat een onzichtbaar stuurteken")
            .at(at)
            .label("stuurteken")
            .hint("verwijder het teken, of sla het bestand opnieuw op als gewone tekst (UTF-8)");
    }
    if found("tab") {
        return Diagnostic::error("een tab op een plaats waar alleen spaties mogen staan")
            .at(tab_near(text, at).unwrap_or_else(|| here.point()))
            .label("tab")
            .hint("vervang de tab door spaties; YAML staat voor inspringing en tussen sleutel en waarde geen tabs toe");
    }
    if found("directive") || found("<document start>") || found("<document-start>") {
        return directive(text, at);
    }
    if found("document end marker") || found("document indicator") {
        let line = document_marker_line(text, at).unwrap_or_else(|| here.line_content());
        return Diagnostic::error("'---' of '...' aan het begin van een regel scheidt YAML-documenten; hier kan dat niet")
            .at(line)
            .label("documentscheiding")
            .hint("een voortgangsbestand is één document: verwijder de regel, of zet de tekst die ermee begint tussen aanhalingstekens");
    }
    if found("recursion limit") {
        return Diagnostic::error("de gegevens zijn te diep genest")
            .at(here.point())
            .hint("het gegevensformaat heeft ongeveer acht niveaus; controleer de haakjes en de inspringing");
    }
    if found("misplaced bracket") {
        let c = here.char().unwrap_or(']');
        return Diagnostic::error(format!("een sluithaakje '{c}' zonder openingshaakje"))
            .at(here.point_char())
            .label("los sluithaakje")
            .hint(format!(
                "verwijder het haakje, of zet de waarde tussen aanhalingstekens, bijvoorbeeld {}",
                quoted_example(&here)
            ));
    }
    if found("plain scalar cannot start with '-'") {
        return reserved_start(&here, '-');
    }
    if found("invalid indentation") {
        return Diagnostic::error("deze regel is verkeerd ingesprongen")
            .at(here.line_content())
            .label("inspringing klopt niet")
            .hint("zet de sleutels van één map recht onder elkaar en spring een waarde over meer regels verder in dan haar sleutel; gebruik alleen spaties");
    }
    if found("unexpected eof") || found("end of stream") {
        return Diagnostic::error("het bestand houdt midden in een waarde op")
            .at(here.point())
            .hint("sluit elk aanhalingsteken en elk haakje ({ [) dat open staat");
    }
    if found("incompatible YAML document") {
        return directive(text, at);
    }
    // Any other complaint ("did not find expected next token", "expected
    // whitespace", "simple key expected", "did not find expected node
    // content"): say where, in Dutch, with the usual causes.
    Diagnostic::error("dit deel van het bestand is geen geldige YAML")
        .at(here.point())
        .label("hier loopt het mis")
        .hint("controleer deze regel en de regel erboven: een dubbele punt met een spatie erna na elke sleutel ('sleutel: waarde'), aanhalingstekens om tekst met ': ', '#' of een haakje, en inspringing met spaties")
}

/// A position in the text, with the line it is on.
pub struct Place<'a> {
    text: &'a str,
    at: usize,
    line: Range<usize>,
}

impl<'a> Place<'a> {
    pub fn new(text: &'a str, at: usize) -> Self {
        Self {
            text,
            at,
            line: line_around(text, at),
        }
    }

    fn char(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn next_char(&self) -> Option<char> {
        self.text[self.at..].chars().nth(1)
    }

    /// An empty span at the place.
    fn point(&self) -> Range<usize> {
        self.at..self.at
    }

    /// The character at the place.
    fn point_char(&self) -> Range<usize> {
        let len = self.char().map_or(0, char::len_utf8);
        self.at..self.at + len
    }

    /// The line without its indentation.
    fn line_content(&self) -> Range<usize> {
        let s = &self.text[self.line.clone()];
        let start = self.line.start + (s.len() - s.trim_start().len());
        start..self.line.start + s.trim_end().len().max(start - self.line.start)
    }

    fn line_text(&self) -> &'a str {
        &self.text[self.line.clone()]
    }
}

/// The lines before the one holding `at`, nearest first, skipping blank
/// lines and comment lines, at most `n`.
fn lines_before(text: &str, at: usize, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line_around(text, at).start;
    while start > 0 && out.len() < n {
        let prev = line_around(text, start - 1);
        let s = text[prev.clone()].trim();
        if !s.is_empty() && !s.starts_with('#') {
            out.push(prev.clone());
        }
        start = prev.start;
    }
    out
}

/// The key and value of a `key: value` line (after an optional `- `).
fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").map_or(body, str::trim_start);
    let colon = body.find(':')?;
    let key = &body[..colon];
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    Some((key, body[colon + 1..].trim()))
}

/// `key: "value"` for the line at the place, as the hint to type: the
/// whole value as written, in double quotes, or in single quotes when it
/// holds double ones.
fn quoted_example(here: &Place) -> String {
    match key_and_value(here.line_text()) {
        Some((key, value)) if !value.is_empty() => {
            format!("{key}: {}", crate::yaml_scalar::quoted(value))
        }
        _ => "sleutel: \"tekst\"".to_string(),
    }
}

/// A value that starts with a character YAML reserves (`%`, `@`, `` ` ``,
/// `*`, `&`, `!`, `?`, `-`).
fn reserved_start(here: &Place, c: char) -> Diagnostic {
    if c == '-'
        && here.next_char().is_some_and(char::is_alphabetic)
        && here.text[here.line.start..here.at].trim().is_empty()
    {
        return dash_without_space(here);
    }
    let meaning = match c {
        '*' => " (in YAML een verwijzing naar een anker)",
        '&' => " (in YAML een anker)",
        '!' => " (in YAML een type-aanduiding)",
        '?' => " (in YAML een sleutel)",
        _ => "",
    };
    let d = Diagnostic::error(format!("een waarde mag niet beginnen met '{c}'{meaning}"))
        .at(here.point_char())
        .label(format!("'{c}' aan het begin"))
        .hint(format!(
            "zet de waarde tussen aanhalingstekens: {}",
            quoted_example(here)
        ));
    quote_fix(d, here)
}

/// `key:value` on a line before `at`: the space after the colon is missing.
fn glued_colon(text: &str, at: usize) -> Option<Diagnostic> {
    let mut candidates = vec![line_around(text, at)];
    candidates.extend(lines_before(text, at, 3));
    for line in candidates {
        let s = &text[line.clone()];
        let body_at = s.len() - s.trim_start().len();
        let body = &s[body_at..];
        let dash = if body.starts_with("- ") { 2 } else { 0 };
        let rest = &body[dash..];
        let Some(colon) = rest.find(':') else {
            continue;
        };
        let key = &rest[..colon];
        let after = rest[colon + 1..].chars().next();
        let is_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if is_key && after.is_some_and(|c| !c.is_whitespace()) && !rest.starts_with(['"', '\'']) {
            let colon_at = line.start + body_at + dash + colon;
            let value = rest[colon + 1..].trim_end();
            return Some(
                Diagnostic::error(format!(
                    "na de dubbele punt van '{key}' ontbreekt een spatie"
                ))
                .at(colon_at..colon_at + 1)
                .label("spatie na ':'")
                .hint(format!(
                    "schrijf '{key}: {value}'; bevat de tekst zelf een dubbele punt, zet hem dan tussen aanhalingstekens"
                ))
                .fix(colon_at..colon_at + 1, ": "),
            );
        }
    }
    None
}

/// A line before `at` that has no colon at all: a key without its ':'.
fn missing_colon(text: &str, at: usize) -> Diagnostic {
    let line = lines_before(text, at, 1)
        .into_iter()
        .next()
        .unwrap_or_else(|| line_around(text, at));
    missing_colon_on(text, line)
}

fn missing_colon_on(text: &str, line: Range<usize>) -> Diagnostic {
    let s = &text[line.clone()];
    let body_at = s.len() - s.trim_start().len();
    let body = s.trim();
    if let Some(rest) = body.strip_prefix('-')
        && rest.chars().next().is_some_and(char::is_alphabetic)
    {
        let here = Place::new(text, line.start + body_at);
        return dash_without_space(&here);
    }
    let (key, value) = body.split_once(' ').unwrap_or((body, ""));
    let span = line.start + body_at..line.start + body_at + key.len();
    let d = Diagnostic::error(format!("na '{key}' ontbreekt de dubbele punt"))
        .at(span.clone())
        .label("':' ontbreekt");
    if value.is_empty() {
        d.hint(format!("schrijf '{key}:' gevolgd door de waarde, of maak van de regel een lijstelement ('- {key}')"))
    } else {
        d.hint(format!("schrijf '{key}: {}'", value.trim()))
            .fix(span.end..span.end, ":")
    }
}

/// A colon followed by a tab or another character instead of a space.
fn colon_without_space(text: &str, at: usize) -> Diagnostic {
    // The marker stands on the colon or just after it.
    let colon = if text[at..].starts_with(':') {
        at
    } else {
        text[..at].rfind(':').unwrap_or(at)
    };
    let next = text[colon + 1..].chars().next();
    let here = Place::new(text, colon);
    let key = key_and_value(here.line_text()).map_or("sleutel", |(k, _)| k);
    match next {
        Some('\t') => Diagnostic::error(format!("na de dubbele punt van '{key}' staat een tab"))
            .at(colon + 1..colon + 2)
            .label("tab")
            .hint(format!(
                "vervang de tab door een spatie: '{key}: ...'; YAML staat tussen sleutel en waarde geen tab toe"
            )),
        _ => Diagnostic::error(format!(
            "na de dubbele punt van '{key}' ontbreekt een spatie"
        ))
        .at(colon..colon + 1)
        .label("spatie na ':'")
        .hint(format!("typ een spatie na de dubbele punt: '{key}: ...'")),
    }
}

/// "mapping values are not allowed": a `: ` inside a value, a key on the
/// line above without its colon, or a key indented too far.
fn colon_in_the_wrong_place(text: &str, at: usize) -> Diagnostic {
    let here = Place::new(text, at);
    let line = here.line_text();
    let before = &text[here.line.start..at];
    if let Some(d) = text_that_goes_on_below(text, &here) {
        return d;
    }
    if let Some(d) = year_and_value_on_one_line(&here) {
        return d;
    }
    // `naam: Plan: van aanpak`: an earlier ': ' on the same line.
    if before.trim_start().trim_start_matches("- ").contains(": ") {
        let d =
            Diagnostic::error("in deze waarde staat een dubbele punt met een spatie erna (': ')")
                .at(here.point_char())
                .label("': ' in de waarde")
                .hint(format!(
                    "zet de waarde tussen aanhalingstekens: {}",
                    quoted_example(&here)
                ));
        return quote_fix(d, &here);
    }
    // `titel Testrapport` above: the key there lacks its colon.
    if let Some(prev) = lines_before(text, at, 1).into_iter().next() {
        let p = text[prev.clone()].trim();
        let p = p.strip_prefix("- ").unwrap_or(p);
        if !p.contains(':') && !p.starts_with(['"', '\'', '[', '{', '|', '>']) && p.contains(' ') {
            return missing_colon_on(text, prev);
        }
    }
    let key = key_and_value(line).map_or("deze sleutel", |(k, _)| k);
    Diagnostic::error(format!(
        "'{key}' is verder ingesprongen dan de sleutels erboven"
    ))
    .at(here.line_content())
    .label("inspringing klopt niet")
    .hint("zet een sleutel recht onder de andere sleutels van dezelfde map (even veel spaties ervoor); is het een tekst met ': ', zet die dan tussen aanhalingstekens")
}

/// `-id: x`: a list item without the space after its dash.
pub fn dash_without_space(here: &Place) -> Diagnostic {
    let rest = here.line_text().trim_start().trim_start_matches('-');
    Diagnostic::error("na het streepje van een lijstelement ontbreekt een spatie")
        .at(here.point_char())
        .label("spatie na '-'")
        .hint(format!("schrijf '- {}'", rest.trim()))
        .fix(here.point_char(), "- ")
}

/// "did not find expected key" in a block mapping.
fn after_map_key(text: &str, here: &Place) -> Diagnostic {
    let before = text[here.line.start..here.at].trim();
    if (before.is_empty() && here.char() == Some('-')) || before == "-" {
        let dash = here.line.start + text[here.line.clone()].find('-').unwrap_or(0);
        return Diagnostic::error("hier staat een lijstelement ('- ') tussen de sleutels van een map")
            .at(dash..dash + 1)
            .label("lijstelement in een map")
            .hint("haal het streepje weg als dit een sleutel is; hoort het bij een lijst, zet het dan onder de sleutel van die lijst, verder ingesprongen");
    }
    if before.ends_with(['}', ']', '"', '\'']) {
        return Diagnostic::error("na het sluitende haakje of aanhalingsteken staat nog tekst")
            .at(here.at..here.line.end)
            .label("tekst te veel")
            .hint("haal de tekst weg, of zet hem binnen de haakjes of aanhalingstekens");
    }
    Diagnostic::error("deze regel past niet bij de inspringing van de regels erboven")
        .at(here.line_content())
        .label("inspringing klopt niet")
        .hint("zet een sleutel recht onder de andere sleutels van dezelfde map; een tekst over meer regels schrijft u na 'sleutel: |', met elke regel even ver ingesprongen")
}

/// An opening quote that is not closed on its line, before `at`.
fn unclosed_quote(text: &str, at: usize) -> Option<Diagnostic> {
    let mut lines = vec![line_around(text, at)];
    lines.extend(lines_before(text, at, 40));
    for line in lines {
        let s = &text[line.clone()];
        let Some((key, value)) = key_and_value(s) else {
            continue;
        };
        let q = value.chars().next()?;
        if !matches!(q, '"' | '\'') {
            continue;
        }
        let closed = match q {
            '"' => {
                let inner = &value[1..];
                let mut escaped = false;
                inner.chars().any(|c| {
                    let end = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    end
                })
            }
            _ => value[1..].replace("''", "").contains('\''),
        };
        if closed {
            continue;
        }
        let quote_at = line.start + s.find(value).unwrap_or(0);
        let name = if q == '"' { "dubbele" } else { "enkele" };
        let end = line.start + s.trim_end().len();
        return Some(
            Diagnostic::error(format!(
                "het {name} aanhalingsteken ({q}) van '{key}' wordt op deze regel niet gesloten"
            ))
            .at(quote_at..quote_at + 1)
            .label("niet gesloten")
            .hint(format!(
                "sluit de tekst af met hetzelfde teken: {key}: {q}{}{q}; loopt de tekst door op de volgende regel, spring die dan verder in dan '{key}'",
                value[1..].trim_end()
            ))
            .fix(end..end, q.to_string()),
        );
    }
    None
}

/// An opening `{` or `[` before `at` that is not closed on its line.
fn unclosed_bracket(text: &str, at: usize) -> Option<Diagnostic> {
    let here = line_around(text, at);
    let mut lines = vec![here.clone()];
    lines.extend(lines_before(text, at, 10));
    for line in lines {
        let upto = if line == here {
            at - line.start
        } else {
            line.len()
        };
        let s = &text[line.start..line.start + upto];
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut quote: Option<char> = None;
        for (i, c) in s.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if i > 0 && s[..i].ends_with(' ') => break,
                (None, '{' | '[') => open.push((i, c)),
                (None, '}' | ']') => {
                    open.pop();
                }
                _ => {}
            }
        }
        let Some(&(i, c)) = open.first() else {
            continue;
        };
        let close = if c == '{' { '}' } else { ']' };
        if line == here {
            // Still open on the line where the parser stopped: a missing
            // comma between two entries, or a stray character.
            let example = if c == '{' {
                "{jaar: 2014, waarde: 10}"
            } else {
                "[Groningen, Friesland]"
            };
            return Some(
                Diagnostic::error(format!(
                    "tussen '{c}' en '{close}' verwacht ik hier een komma of het sluithaakje '{close}'"
                ))
                .at(at..at)
                .label(format!("',' of '{close}'"))
                .hint(format!(
                    "scheid de elementen met komma's, zoals {example}; zet tekst met een komma of dubbele punt tussen aanhalingstekens"
                )),
            );
        }
        let open_at = line.start + i;
        let end = line.start + text[line.clone()].trim_end().len();
        return Some(
            Diagnostic::error(format!("het haakje '{c}' wordt niet gesloten"))
                .at(open_at..open_at + 1)
                .label("niet gesloten")
                .hint(format!(
                    "sluit af met '{close}' aan het eind van dezelfde regel"
                ))
                .fix(end..end, close.to_string()),
        );
    }
    None
}

/// The first line from the one holding `at` on that starts with `---` or
/// `...`.
fn document_marker_line(text: &str, at: usize) -> Option<Range<usize>> {
    let start = line_around(text, at).start;
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.starts_with("---") || line.starts_with("...") {
            let end = offset + line.trim_end().len();
            return Some(offset..end);
        }
        offset += line.len();
    }
    None
}

/// The nearest tab on the line of `at` or the line above it.
fn tab_near(text: &str, at: usize) -> Option<Range<usize>> {
    let mut lines = vec![line_around(text, at)];
    lines.extend(lines_before(text, at, 1));
    lines.into_iter().find_map(|l| {
        text[l.clone()]
            .find('\t')
            .map(|i| l.start + i..l.start + i + 1)
    })
}

/// A block text (`|` or `>`) written wrongly.
fn block_text(here: &Place, info: &str) -> Diagnostic {
    if info.contains("comment or line break") {
        // The marker stands on the '|' or '>'; what must go is after it.
        let rest = &here.text[here.at..here.line.end];
        let skip = rest.len()
            - rest
                .trim_start_matches(['|', '>'])
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
                .trim_start()
                .len();
        let from = (here.at + skip).min(here.line.end);
        return Diagnostic::error("na '|' of '>' hoort de regel te eindigen")
            .at(from..here.line.end)
            .label("tekst na '|'")
            .hint("zet de tekst op de volgende regels, verder ingesprongen dan de sleutel; een korte tekst kan ook direct na de sleutel, zonder '|'");
    }
    if info.contains("tab") {
        return Diagnostic::error("een tekst na '|' of '>' mag niet met een tab beginnen")
            .at(here.point_char())
            .label("tab")
            .hint("spring de tekst in met spaties");
    }
    if info.contains("indicator equal to 0") {
        return Diagnostic::error("het getal na '|' of '>' moet 1 tot en met 9 zijn")
            .at(here.point_char())
            .hint("laat het getal weg: de inspringing van de eerste regel telt");
    }
    Diagnostic::error("deze regel van de tekst is minder ver ingesprongen dan de regels erboven")
        .at(here.line_content())
        .label("inspringing klopt niet")
        .hint("spring elke regel van een tekst na '|' of '>' minstens zo ver in als de eerste")
}

/// A line that starts with '%' (a YAML directive) or another header.
fn directive(text: &str, at: usize) -> Diagnostic {
    let line = std::iter::once(line_around(text, at))
        .chain(lines_before(text, at, 5))
        .find(|l| text[l.clone()].starts_with('%'))
        .unwrap_or_else(|| line_around(text, at));
    Diagnostic::error("een regel die met '%' begint is een YAML-opdracht, die een voortgangsbestand niet gebruikt")
        .at(line.start..line.start + 1)
        .label("'%' aan het begin van de regel")
        .hint("maak er een opmerking van met '#' ervoor, of verwijder de regel; een waarde met '%' zet u tussen aanhalingstekens: eenheid: \"%\"")
}

/// The span of the value on the line of `here` (after `key: `), and the
/// value.
fn value_on_line<'a>(here: &Place<'a>) -> Option<(Range<usize>, &'a str)> {
    let line = here.line_text();
    let (_, value) = key_and_value(line)?;
    if value.is_empty() {
        return None;
    }
    let start = here.line.start + line.find(value)?;
    Some((start..start + value.len(), value))
}

/// `key: "value"` as the fix of a value that needs quotes.
fn quote_fix(d: Diagnostic, here: &Place) -> Diagnostic {
    match value_on_line(here) {
        Some((span, value)) => d.fix(span, crate::yaml_scalar::quoted(value)),
        None => d,
    }
}

/// A non-breaking space (pasted from a mail or Word) where YAML wants a
/// plain one: after a key's colon, after a list dash, or in the
/// indentation. On screen the line looks right.
fn non_breaking_space(text: &str, at: usize) -> Option<Diagnostic> {
    const NBSP: [char; 2] = ['\u{a0}', '\u{202f}'];
    let mut lines = vec![line_around(text, at)];
    lines.extend(lines_before(text, at, 2));
    for line in lines {
        let s = &text[line.clone()];
        let body_at = s.len() - s.trim_start_matches([' ']).len();
        let in_indent = s[..body_at].is_empty() && s.starts_with(NBSP);
        let after_colon = s.find(":\u{a0}").or_else(|| s.find(":\u{202f}"));
        let after_dash = s[body_at..]
            .strip_prefix('-')
            .filter(|r| r.starts_with(NBSP))
            .map(|_| body_at);
        let at_nbsp = match (after_colon, after_dash) {
            (Some(c), _) if !s[..c].contains(['"', '\'']) => Some(c + 1),
            (_, Some(d)) => Some(d + 1),
            _ if in_indent => Some(0),
            _ => None,
        };
        let Some(i) = at_nbsp else { continue };
        let c = s[i..].chars().next()?;
        let start = line.start + i;
        let shown = s.replace(NBSP, " ");
        return Some(
            Diagnostic::error(format!(
                "hier staat een vaste spatie (U+{:04X}, vaak meegekopieerd uit een mail of Word) waar YAML een gewone spatie wil",
                c as u32
            ))
            .at(start..start + c.len_utf8())
            .label("vaste spatie")
            .hint(format!(
                "vervang hem door een gewone spatie: '{}'",
                shown.trim()
            ))
            .fix(start..start + c.len_utf8(), " "),
        );
    }
    None
}

/// A list element written with a word processor's bullet (`•`, `·`, `–`)
/// where YAML wants `- `.
fn word_bullet(text: &str, at: usize) -> Option<Diagnostic> {
    let mut lines = vec![line_around(text, at)];
    lines.extend(lines_before(text, at, 1));
    for line in lines {
        let s = &text[line.clone()];
        let body_at = s.len() - s.trim_start_matches(' ').len();
        let body = &s[body_at..];
        let Some(bullet) = body.chars().next().filter(|c| "•·–▪◦‣".contains(*c)) else {
            continue;
        };
        let rest = &body[bullet.len_utf8()..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
        if gap == 0 {
            continue;
        }
        let start = line.start + body_at;
        let end = start + bullet.len_utf8() + gap;
        return Some(
            Diagnostic::error(format!(
                "een opsommingsteken '{bullet}' uit een tekstverwerker, waar een lijst in YAML '- ' gebruikt"
            ))
            .at(start..start + bullet.len_utf8())
            .label("opsommingsteken")
            .hint(format!("schrijf '- {}'", rest.trim()))
            .fix(start..end, "- "),
        );
    }
    None
}

/// Whether `line` ends a key with a block indicator: `toelichting: |`.
fn block_indicator_key(line: &str) -> bool {
    let Some((_, value)) = key_and_value(line) else {
        return false;
    };
    let v = value.split(" #").next().unwrap_or(value).trim();
    v.starts_with(['|', '>'])
        && v[1..]
            .chars()
            .all(|c| matches!(c, '+' | '-') || c.is_ascii_digit())
}

fn indent_len(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The first line of a block text (after `key: |`) indented no further
/// than its key: YAML ends the text before it has begun.
fn block_first_line(text: &str, at: usize) -> Option<Diagnostic> {
    let mut lines = vec![line_around(text, at)];
    lines.extend(lines_before(text, at, 2));
    for line in lines {
        let Some(above) = lines_before(text, line.start + 1, 1).into_iter().next() else {
            continue;
        };
        let key_line = &text[above.clone()];
        if !block_indicator_key(key_line) {
            continue;
        }
        let s = &text[line.clone()];
        let key_indent = key_and_value(key_line)
            .and_then(|(k, _)| key_line.find(k))
            .unwrap_or(0);
        let own = indent_len(s);
        if own > key_indent {
            continue;
        }
        // The indentation the text takes: that of the line below when it
        // is further in than the key, else two more than the key.
        let below = text[line.end..]
            .lines()
            .skip(1)
            .find(|l| !l.trim().is_empty())
            .map(indent_len)
            .filter(|&n| n > key_indent)
            .unwrap_or(key_indent + 2);
        let key = key_and_value(key_line).map_or("de sleutel", |(k, _)| k);
        let first = s.trim();
        return Some(
            Diagnostic::error(format!(
                "de eerste regel van de tekst na '{key}: |' is niet verder ingesprongen dan '{key}'"
            ))
            .at(line.start + own..line.start + own + first.len())
            .label("verder inspringen")
            .hint(format!(
                "zet {below} spaties voor '{}', zoals voor de regels eronder",
                first.chars().take(30).collect::<String>()
            ))
            .fix(line.start..line.start + own, " ".repeat(below)),
        );
    }
    None
}

/// A line at the column of the list dashes above it, without a dash:
/// either a new list element whose `- ` was forgotten (its key is the one
/// the elements begin with), or a key of the element above indented too
/// little.
fn at_the_dash_column(text: &str, here: &Place) -> Option<Diagnostic> {
    let line = here.line_text();
    let own = indent_len(line);
    let (key, _) = key_and_value(line)?;
    if line.trim_start().starts_with('-') {
        return None;
    }
    // The nearest line above at this indentation, and the line just above.
    let above = lines_before(text, here.at, 200);
    let previous = above.first()?;
    let item = above
        .iter()
        .find(|l| indent_len(&text[(*l).clone()]) <= own)?;
    let item_line = &text[item.clone()];
    if indent_len(item_line) != own || !item_line.trim_start().starts_with("- ") {
        return None;
    }
    let (first_key, _) = key_and_value(item_line)?;
    let body = here.line.start + own;
    if key == first_key {
        let rest = line.trim();
        return Some(
            Diagnostic::error(
                "hier begint een nieuw element van de lijst, maar het streepje ('- ') ontbreekt",
            )
            .at(body..body + key.len())
            .label("'- ' ontbreekt")
            .hint(format!("schrijf '- {rest}'"))
            .fix(body..body, "- "),
        );
    }
    let _ = previous;
    let want = item_line.find(first_key)?;
    if want <= own {
        return None;
    }
    Some(
        Diagnostic::error(format!(
            "'{key}' is minder ver ingesprongen dan '{first_key}' en de andere sleutels van het element erboven"
        ))
        .at(body..body + key.len())
        .label("te weinig ingesprongen")
        .hint(format!(
            "zet '{key}' recht onder '{first_key}': {want} spaties ervoor"
        ))
        .fix(here.line.start..body, " ".repeat(want)),
    )
}

/// `toelichting: Drie bronnen:` with `- ` lines under it: a text over
/// several lines, written without `|`.
fn text_that_goes_on_below(text: &str, here: &Place) -> Option<Diagnostic> {
    let line = here.line_text();
    if !line.trim_end().ends_with(':') {
        return None;
    }
    let (key, value) = key_and_value(line)?;
    if value.is_empty() {
        return None;
    }
    let own = indent_len(line);
    let next = text[here.line.end..]
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty())?;
    let deeper = indent_len(next);
    if deeper <= own {
        return None;
    }
    let (span, value) = value_on_line(here)?;
    Some(
        Diagnostic::error(format!(
            "de tekst van '{key}' loopt door op de regels eronder, maar na '{key}:' staat geen '|'"
        ))
        .at(span.clone())
        .label("'|' ontbreekt")
        .hint(format!(
            "schrijf '{key}: |' en zet '{value}' op de regel eronder, even ver ingesprongen als de regels die volgen"
        ))
        .fix(span, format!("|\n{}{value}", " ".repeat(deeper))),
    )
}

/// `nulmeting: 2016: 64`: a baseline or target as year and value on one
/// line, where the file wants `{jaar: 2016, waarde: 64}`.
fn year_and_value_on_one_line(here: &Place) -> Option<Diagnostic> {
    let line = here.line_text();
    let (key, value) = key_and_value(line)?;
    if !matches!(key, "nulmeting" | "doel") {
        return None;
    }
    let (year, figure) = value.split_once(':')?;
    let (year, figure) = (year.trim(), figure.trim());
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || figure.is_empty() {
        return None;
    }
    let (span, _) = value_on_line(here)?;
    let meant = format!("{{jaar: {year}, waarde: {figure}}}");
    Some(
        Diagnostic::error(format!(
            "'{key}' heeft een jaar en een waarde, geschreven als {{jaar: ..., waarde: ...}}"
        ))
        .at(span.clone())
        .label("jaar en waarde")
        .hint(format!("schrijf '{key}: {meant}'"))
        .fix(span, meant),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn a_key_glued_to_its_value_is_named_on_its_own_line() {
        let text = "a:\n  eenheid:leerkrachten\n  bron: x\n";
        let d = explain(
            text,
            &ParseError {
                info: "simple key expect ':'",
                at: at(text, "bron"),
            },
        );
        assert_eq!(d.span, Some(at(text, ":lee")..at(text, ":lee") + 1));
        assert!(d.message.contains("'eenheid'"), "{}", d.message);
        assert!(d.hint.unwrap().contains("eenheid: leerkrachten"));
    }

    #[test]
    fn an_unclosed_quote_points_at_the_opening_quote() {
        let text = "a:\n  naam: \"Scholen\n  b: 1\n";
        let d = explain(
            text,
            &ParseError {
                info: "invalid indentation in quoted scalar",
                at: at(text, "b:"),
            },
        );
        assert_eq!(d.span, Some(at(text, "\"")..at(text, "\"") + 1));
    }

    #[test]
    fn an_unclosed_bracket_points_at_the_bracket() {
        let text = "a:\n  n: {jaar: 2014, waarde: 10\n  d: 2\n";
        let d = explain(
            text,
            &ParseError {
                info: "while parsing a flow mapping, did not find expected ',' or '}'",
                at: at(text, "d:"),
            },
        );
        assert_eq!(d.span, Some(at(text, "{")..at(text, "{") + 1));
    }
}
