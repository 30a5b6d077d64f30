//! Reading a progress-data file: bytes -> YAML with positions -> schema
//! check ([`schema`]) -> semantic rules ([`validate`]) -> typed
//! [`Voortgang`]. Every problem of the file is collected and returned at
//! once in a [`Problems`], with "bedoelt u ...?" from [`suggest`].

pub mod doc;
pub mod figures;
pub mod positions;
pub mod readiness;
pub mod schema;
pub(crate) mod schema_check;
pub mod suggest;
pub mod syntax;
pub mod text_comments;
pub mod text_references;
pub mod validate;

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Problems, SourceText};
use crate::model::Voortgang;

pub use positions::PositionIndex;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Treat warnings as errors (`--strikt`).
    pub strict: bool,
    /// Allow paths in the data (the logo) outside the data file's folder
    /// (`--sta-paden-toe`).
    pub allow_outside_paths: bool,
    /// What the file is loaded for; it decides the publication check.
    pub purpose: Purpose,
}

/// What a data file is loaded for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Purpose {
    /// To check it or make its report: with the full publication check.
    #[default]
    Report,
    /// To fill it in (`invulblad`, `inlezen`): review markers in a
    /// `definitief` file are warnings, and the publication date may still
    /// be the placeholder `nieuw-jaar` wrote.
    FillingIn,
    /// As last year's file (`--vorig`): its report went out long ago, so
    /// there is no publication check.
    PreviousYear,
}

/// A file that passed validation.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub source: SourceText,
    pub data: Voortgang,
    pub index: PositionIndex,
    /// Warnings that did not stop the run.
    pub warnings: Problems,
}

impl Loaded {
    /// Folder of the data file; relative paths in the data start here.
    pub fn base_dir(&self) -> PathBuf {
        base_dir(&self.path)
    }
}

pub(crate) fn base_dir(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn fail(path: &Path, source: Option<SourceText>, diagnostics: Vec<Diagnostic>) -> Problems {
    Problems::new(path, source, diagnostics)
}

fn too_big(path: &Path, len: u64) -> Problems {
    let message = format!(
        "het bestand is te groot ({} MB; de grens is {} MB)",
        len / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    );
    let hint =
        "een voortgangsbestand is normaal enkele tientallen kilobytes; is dit het juiste bestand?";
    fail(path, None, vec![Diagnostic::error(message).hint(hint)])
}

/// Read the file at `path` as text, or say in Dutch why not.
pub(crate) fn read_text(path: &Path) -> Result<String, Problems> {
    let no = |msg: String, hint: &str| fail(path, None, vec![Diagnostic::error(msg).hint(hint)]);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(no(
                "het bestand bestaat niet".into(),
                "controleer de naam en de map, bijvoorbeeld data/noord-2016.yaml",
            ));
        }
        Err(e) => {
            return Err(no(
                format!("het bestand kan niet gelezen worden ({e})"),
                "controleer de rechten op het bestand",
            ));
        }
    };
    if meta.is_dir() {
        return Err(no(
            "dit is een map, geen bestand".into(),
            "geef een YAML-bestand op, bijvoorbeeld data/noord-2016.yaml",
        ));
    }
    if !meta.is_file() {
        return Err(no(
            "dit is geen gewoon bestand".into(),
            "geef een YAML-bestand op",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        no(
            format!("het bestand kan niet gelezen worden ({e})"),
            "controleer de rechten op het bestand",
        )
    })?;
    decode(path, bytes)
}

/// The bytes of a data file as text (UTF-8, without a byte order mark), or
/// say in Dutch why they are not.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Problems> {
    let no = |msg: String, hint: &str| fail(path, None, vec![Diagnostic::error(msg).hint(hint)]);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(path, bytes.len() as u64));
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let (line, col) = crate::text_position::line_col(&prefix, prefix.len());
            Err(no(
                format!(
                    "het bestand is geen UTF-8-tekst (ongeldige byte op regel {line}, kolom {col})"
                ),
                "sla het bestand op als UTF-8 (in de meeste editors: Opslaan als… > codering UTF-8)",
            ))
        }
    }
}

/// Load the bytes of a data file as if read from `path` (for fuzzing and
/// tests that need no file).
pub fn load_bytes(path: &Path, bytes: Vec<u8>, options: LoadOptions) -> Result<Loaded, Problems> {
    let text = decode(path, bytes)?;
    load_str(path, &text, options)
}

/// Load, check and type one data file.
pub fn load(path: &Path, options: LoadOptions) -> Result<Loaded, Problems> {
    let text = read_text(path)?;
    load_str(path, &text, options)
}

/// What a data file starts with, for the messages about an empty file or
/// a file that is no map.
const LANDSDEEL_START: &str =
    "een voortgangsbestand begint met 'rapport:', 'actielijnen:' en 'onderdelen:'";

/// A YAML file read into a value with the positions of its keys and
/// values, before any check of its contents: the problems found so far
/// (warnings about cleaned texts, and errors of the YAML itself), or the
/// problems that stop it.
pub(crate) struct Parsed {
    pub value: Value,
    pub index: PositionIndex,
    pub source: SourceText,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse `text` (reported under `path`) into a value with positions, with
/// its texts cleaned ([`clean_texts`]); `start` says what such a file
/// begins with, for an empty file or one that is no map.
pub(crate) fn parse(path: &Path, text: &str, start: &str) -> Result<Parsed, Problems> {
    let source = SourceText::new(path, text);
    let here = |diagnostics: Vec<Diagnostic>| fail(path, Some(source.clone()), diagnostics);

    if text.contains('\0') {
        let at = text.find('\0').unwrap_or(0);
        return Err(here(vec![
            Diagnostic::error("het bestand bevat een NUL-teken en is dus geen tekstbestand")
                .at(at..at + 1)
                .hint("is dit het juiste bestand? Verwijder het teken of sla het bestand opnieuw op als tekst"),
        ]));
    }

    let walk = positions::index(text);
    let mut diagnostics = walk.diagnostics;
    if walk.fatal {
        return Err(here(diagnostics));
    }
    let index = walk.index;

    let mut value: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diagnostics.push(yaml_error_nl(text, &e));
            return Err(here(diagnostics));
        }
    };
    if value.is_null() {
        return Err(here(vec![
            Diagnostic::error("het bestand is leeg")
                .hint(format!("{start}; zie docs/gegevensformaat.md")),
        ]));
    }
    if !value.is_object() {
        return Err(here(vec![
            Diagnostic::error(format!(
                "het bestand moet een map met sleutels zijn, maar bevat {}",
                schema_check::describe(&value)
            ))
            .at_opt(index.value(""))
            .hint(start.to_string()),
        ]));
    }
    diagnostics.extend(clean_texts(&mut value, String::new(), &index));
    Ok(Parsed {
        value,
        index,
        source,
        diagnostics,
    })
}

/// Load, check and type data given as text, reported under `path`.
pub fn load_str(path: &Path, text: &str, options: LoadOptions) -> Result<Loaded, Problems> {
    let Parsed {
        mut value,
        index,
        source,
        mut diagnostics,
    } = parse(path, text, LANDSDEEL_START)?;
    let here = |diagnostics: Vec<Diagnostic>| fail(path, Some(source.clone()), diagnostics);
    if options.purpose == Purpose::FillingIn {
        stand_in_for_the_date_placeholder(&mut value);
    }
    statuses_as_the_sheet_writes_them(&mut value);
    diagnostics.extend(schema_check::check(
        schema::Contract::landsdeel(),
        &value,
        &index,
        text,
    ));
    let base = base_dir(path);
    let doc = doc::Doc {
        value: &value,
        index: &index,
        text,
        base_dir: &base,
        allow_outside_paths: options.allow_outside_paths,
    };
    diagnostics.extend(validate::check(&doc));
    let review = match options.purpose {
        Purpose::Report => readiness::check(&doc, false),
        Purpose::FillingIn => readiness::check(&doc, true),
        Purpose::PreviousYear => Vec::new(),
    };
    let to_review = review.len();
    diagnostics.extend(review);
    strictly(&mut diagnostics, options);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(here(diagnostics).with_review(to_review));
    }
    let data: Voortgang = match serde_json::from_value(value) {
        Ok(d) => d,
        Err(e) => {
            diagnostics.push(Diagnostic::error(format!(
                "de gegevens passen niet in het formaat: {e}"
            )));
            return Err(here(diagnostics));
        }
    };
    Ok(Loaded {
        path: path.to_path_buf(),
        source: source.clone(),
        data,
        index,
        warnings: here(diagnostics).with_review(to_review),
    })
}

/// Under `--strikt` every warning is an error.
pub(crate) fn strictly(diagnostics: &mut [Diagnostic], options: LoadOptions) {
    if options.strict {
        for d in diagnostics {
            if !d.is_error() {
                d.severity = crate::diagnostics::Severity::Error;
                d.message.push_str(" (fout door --strikt)");
            }
        }
    }
}

/// The errors `serde_yaml` can still raise after the walk, in Dutch: its
/// limits, and what its parser refuses where saphyr's did not.
fn yaml_error_nl(text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let msg = e.to_string();
    // libyaml counts lines and columns from 1, in characters.
    let at = e
        .location()
        .map(|l| crate::text_position::offset(text, l.line(), l.column()));
    let limit = |message: &str, hint: &str| {
        Diagnostic::error(message.to_string())
            .at_opt(at.map(|a| a..a))
            .hint(hint.to_string())
    };
    if msg.contains("recursion limit") {
        limit(
            "de gegevens zijn te diep genest",
            "het gegevensformaat heeft ongeveer acht niveaus; controleer de haakjes en de inspringing",
        )
    } else if msg.contains("repetition limit") || msg.contains("alias") {
        limit(
            "te veel herhaalde verwijzingen (*alias)",
            "schrijf de waarden uit in plaats van ze met & en * te herhalen",
        )
    } else if msg.contains("duplicate") {
        limit(
            "een sleutel komt twee keer voor",
            "verwijder of hernoem een van beide",
        )
    } else {
        syntax::explain(
            text,
            &syntax::ParseError {
                info: &msg,
                at: at.unwrap_or(0),
            },
        )
    }
}

/// A doe-voorstel's status as the invulblad writes it, with a space
/// (`in uitvoering`), is the status of the file (`in_uitvoering`): the value
/// is read so, the text stays as typed, and the report has one spelling.
fn statuses_as_the_sheet_writes_them(value: &mut Value) {
    let Some(Value::Array(items)) = value.get_mut("doe_voorstellen") else {
        return;
    };
    for item in items {
        if let Some(status) = item.get_mut("status")
            && let Some(s) = status.as_str()
            && matches!(s, "in uitvoering" | "in voorbereiding")
        {
            *status = Value::String(s.replace(' ', "_"));
        }
    }
}

/// The value `nieuw-jaar` writes for a publication date still to fill in.
pub const DATE_PLACEHOLDER: &str = "JJJJ-MM-DD";

/// A file being filled in may still have the placeholder date: the value
/// (not the text) gets the spring after the report year in its stead, so
/// the rest of the file can be checked and typed.
fn stand_in_for_the_date_placeholder(value: &mut Value) {
    let year = value
        .pointer("/rapport/verslagjaar")
        .and_then(Value::as_i64)
        .unwrap_or(2000);
    if let Some(date) = value.pointer_mut("/rapport/publicatiedatum")
        && date.as_str() == Some(DATE_PLACEHOLDER)
    {
        *date = Value::String(format!("{}-03-15", year + 1));
    }
}

/// Whether `c` is a control character (other than line breaks and tabs) or
/// one of the noncharacters U+FFFE and U+FFFF: it cannot be shown and is not
/// allowed in Word's XML.
fn is_unshowable_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Closes the direction embeddings, overrides (U+202A..U+202E) and isolates
/// (U+2066..U+2068) that a text opens and leaves open, so that a
/// right-to-left override in one field cannot reverse the report's own text
/// that follows it in the same line or paragraph. The characters themselves
/// are kept: the text prints as written.
pub fn close_direction_controls(s: &mut String) {
    // Open controls, innermost last; a closer ends the innermost of its kind
    // (PDF only inside the current isolate, as in the bidi algorithm).
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202C}' => {
                if matches!(open.last(), Some('\u{202A}'..='\u{202E}')) {
                    open.pop();
                }
            }
            '\u{2069}' => {
                if let Some(i) = open
                    .iter()
                    .rposition(|o| matches!(o, '\u{2066}'..='\u{2068}'))
                {
                    open.truncate(i);
                }
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2068}' => open.push(c),
            _ => {}
        }
    }
    for c in open.iter().rev() {
        s.push(if matches!(c, '\u{2066}'..='\u{2068}') {
            '\u{2069}'
        } else {
            '\u{202C}'
        });
    }
}

/// Cleans every text and key: control characters are removed, with a
/// warning; open direction controls are closed.
fn clean_texts(value: &mut Value, pointer: String, index: &PositionIndex) -> Vec<Diagnostic> {
    let bad = is_unshowable_control;
    match value {
        Value::String(s) => {
            close_direction_controls(s);
            if !s.chars().any(bad) {
                return Vec::new();
            }
            s.retain(|c| !bad(c));
            vec![
                Diagnostic::warning(
                    "deze tekst bevat onzichtbare stuurtekens; die worden weggelaten",
                )
                .at_opt(index.value(&pointer))
                .hint("verwijder tekens zoals \\u0007 of \\x1b uit de tekst"),
            ]
        }
        Value::Array(items) => items
            .iter_mut()
            .enumerate()
            .flat_map(|(i, v)| clean_texts(v, format!("{pointer}/{i}"), index))
            .collect(),
        Value::Object(map) => {
            let mut found = Vec::new();
            let entries = std::mem::take(map);
            for (mut k, mut v) in entries {
                let p = format!("{pointer}/{}", positions::escape_segment(&k));
                found.extend(clean_texts(&mut v, p.clone(), index));
                close_direction_controls(&mut k);
                if k.chars().any(bad) {
                    k.retain(|c| !bad(c));
                    found.push(
                        Diagnostic::warning(
                            "deze naam bevat onzichtbare stuurtekens; die worden weggelaten",
                        )
                        .at_opt(index.key(&p))
                        .hint("verwijder tekens zoals \\u0007 of \\x1b uit de naam"),
                    );
                }
                map.insert(k, v);
            }
            found
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::close_direction_controls;

    fn closed(s: &str) -> String {
        let mut s = s.to_string();
        close_direction_controls(&mut s);
        s
    }

    #[test]
    fn open_direction_controls_are_closed_at_the_end() {
        assert_eq!(closed("a\u{202E}bc"), "a\u{202E}bc\u{202C}");
        assert_eq!(closed("\u{2067}x"), "\u{2067}x\u{2069}");
        // Innermost first.
        assert_eq!(
            closed("\u{2066}a\u{202B}b"),
            "\u{2066}a\u{202B}b\u{202C}\u{2069}"
        );
    }

    #[test]
    fn balanced_text_and_marks_stay_as_written() {
        for s in [
            "gewoon",
            "\u{202E}omgekeerd\u{202C} en \u{2068}isolaat\u{2069}",
            "links\u{200F}rechts\u{200E}",
            "te veel\u{202C}\u{2069}",
        ] {
            assert_eq!(closed(s), s);
        }
        // A PDF inside an isolate does not close the embedding outside it.
        assert_eq!(
            closed("\u{202E}a\u{2066}b\u{202C}\u{2069}"),
            "\u{202E}a\u{2066}b\u{202C}\u{2069}\u{202C}"
        );
    }
}
