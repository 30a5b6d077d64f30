//! `nieuw-jaar`: the data file of the next report year, made from this
//! year's file by editing it as text, so every comment and layout choice of
//! the secretariat stays. Measurements and targets are carried over;
//! statuses and texts are carried over and marked for review; the
//! publication date must be filled in before the file passes `controleer`.

use std::path::{Path, PathBuf};

use crate::load::Loaded;

/// Marker placed above everything that needs a look.
pub const REVIEW: &str = "CONTROLEREN";
/// Value of the publication date until someone fills it in.
pub const DATE_PLACEHOLDER: &str = "JJJJ-MM-DD";

/// The file name for the next year: the year in the name is replaced, or
/// `<landsdeel>-<jaar>.yaml` next to the source.
pub fn target_path(source: &Path, year: i32, landsdeel: &str) -> PathBuf {
    let dir = source.parent().unwrap_or(Path::new(""));
    let name = source.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let this = year.to_string();
    let next = (year + 1).to_string();
    if name.contains(&this) {
        dir.join(name.replacen(&this, &next, 1))
    } else {
        dir.join(format!("{}-{next}.yaml", slug::slugify(landsdeel)))
    }
}

struct Edit {
    at: usize,
    end: usize,
    with: String,
}

/// The text of the next year's file.
pub fn next_year_text(loaded: &Loaded) -> String {
    let text: &str = &loaded.source.text;
    let data = &loaded.data;
    let year = data.rapport.verslagjaar;
    let next = year + 1;
    let index = &loaded.index;
    let mut edits: Vec<Edit> = Vec::new();

    let mut replace_value = |pointer: &str, with: String| {
        if let Some(span) = index.value(pointer).filter(|_| index.contains(pointer)) {
            edits.push(Edit {
                at: span.start,
                end: span.end,
                with,
            });
        }
    };
    replace_value("/rapport/verslagjaar", next.to_string());
    replace_value(
        "/rapport/publicatiedatum",
        format!("{DATE_PLACEHOLDER}  # INVULLEN: datum van publicatie"),
    );
    replace_value("/rapport/status", "concept".into());

    // A comment line above each key that needs review, same indentation.
    let mut review = |pointer: &str, what: &str| {
        if !index.contains(pointer) {
            return;
        }
        let Some(key) = index.key(pointer) else {
            return;
        };
        let line_start = text[..key.start].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = text[line_start..key.start]
            .chars()
            .map(|c| if c == '-' { ' ' } else { c })
            .collect();
        let indent = if indent.trim().is_empty() {
            indent
        } else {
            String::new()
        };
        edits.push(Edit {
            at: line_start,
            end: line_start,
            with: format!("{indent}# {REVIEW} voor {next}: {what}\n"),
        });
    };
    for key in ["samenvatting", "inleiding"] {
        review(&format!("/{key}"), "tekst van vorig jaar");
    }
    for (o, onderdeel) in data.onderdelen.iter().enumerate() {
        let po = format!("/onderdelen/{o}");
        review(&format!("{po}/toelichting"), "tekst van vorig jaar");
        for (t, thema) in onderdeel.themas.iter().enumerate() {
            let pt = format!("{po}/themas/{t}");
            review(&format!("{pt}/toelichting"), "tekst van vorig jaar");
            for (i, _) in thema.indicatoren.iter().enumerate() {
                review(
                    &format!("{pt}/indicatoren/{i}/metingen"),
                    &format!("voeg de meting over {next} toe"),
                );
            }
            for (a, _) in thema.acties.iter().enumerate() {
                let pa = format!("{pt}/acties/{a}");
                review(&format!("{pa}/status"), "status van vorig jaar");
                review(&format!("{pa}/toelichting"), "tekst van vorig jaar");
            }
        }
    }
    for (d, _) in data.doe_voorstellen.iter().enumerate() {
        review(
            &format!("/doe_voorstellen/{d}/status"),
            "status van vorig jaar",
        );
        review(
            &format!("/doe_voorstellen/{d}/toelichting"),
            "tekst van vorig jaar",
        );
    }

    // The header: what to update, after a leading yaml-language-server line.
    let source_name = loaded
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let header = format!(
        "# NIEUW VERSLAGJAAR {next}, gemaakt uit {source_name} met 'techniekpact nieuw-jaar'.\n\
         # Werk bij voordat u het rapport maakt:\n\
         # - rapport.publicatiedatum (verplicht; staat nu op {DATE_PLACEHOLDER}), versie en status;\n\
         # - per indicator de meting over {next} (en de uitsplitsing, als die er is);\n\
         # - de statussen en teksten met '# {REVIEW}' erboven; haal die regels daarna weg;\n\
         # - de samenvatting en de inleiding.\n\
         # Controleer het bestand met: techniekpact controleer <dit bestand>\n#\n"
    );
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let header_at = if text.starts_with("# yaml-language-server:") {
        first_line_end
    } else {
        0
    };
    edits.push(Edit {
        at: header_at,
        end: header_at,
        with: header,
    });

    edits.sort_by_key(|e| (e.at, e.end));
    let mut out = String::with_capacity(text.len() + 4096);
    let mut at = 0;
    for e in edits {
        if e.at < at {
            continue;
        }
        out.push_str(&text[at..e.at]);
        out.push_str(&e.with);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}
