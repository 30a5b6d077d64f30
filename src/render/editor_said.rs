//! What a renderer tells the editor about their style document
//! (`stijl.docx`, `stijl.odt` or `stijl.ott`): the styles it took as
//! theirs, one line each, and a warning for each font those styles name
//! that the file does not carry. The DOCX and the ODT say it alike.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Problems};

/// A style taken as the editor's: its name as the office program shows it
/// in Dutch, and whether the editor added it (else changed one of ours).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Taken {
    pub name: String,
    pub added: bool,
}

/// The styles taken from `file`, one line each; `None` when none.
pub fn report(file: &str, taken: &[Taken]) -> Option<String> {
    if taken.is_empty() {
        return None;
    }
    let n = taken.len();
    let mut lines = vec![format!(
        "{file}: {n} {} van de redacteur overgenomen:",
        if n == 1 { "stijl" } else { "stijlen" }
    )];
    for t in taken {
        let how = if t.added { "toegevoegd" } else { "gewijzigd" };
        lines.push(format!("  {} ({how})", t.name));
    }
    Some(lines.join("\n"))
}

/// The report of the styles taken from the editor's file at `path`, and
/// the warnings about `foreign` fonts (style name, family) that the file
/// of `format` (`DOCX`, `ODT`) does not carry; `house` is the house font.
pub fn said(
    path: &Path,
    format: &str,
    taken: &[Taken],
    foreign: &[(String, String)],
    house: &str,
) -> (Option<String>, Problems) {
    let warnings = foreign
        .iter()
        .filter(|(_, family)| !family.eq_ignore_ascii_case(house))
        .map(|(name, family)| {
            Diagnostic::warning(format!(
                "de stijl '{name}' gebruikt het lettertype '{family}', dat de {format} niet bevat: wie het niet heeft, ziet de tekst in een ander lettertype"
            ))
            .hint(format!(
                "kies in de stijl het lettertype van de huisstijl ({house}), of zet de bestanden van dit lettertype in lettertypen/ en noem het in huisstijl.yaml"
            ))
        })
        .collect();
    (
        report(&path.display().to_string(), taken),
        Problems::new(path, None, warnings),
    )
}
