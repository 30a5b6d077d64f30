//! `nieuw-jaar`: the data file of the next report year, made from this
//! year's file by editing it as text, so every comment and layout choice of
//! the secretariat stays. Measurements and targets are carried over;
//! statuses and texts are carried over and marked for review; the
//! publication date must be filled in before the file passes `controleer`.

use std::path::{Path, PathBuf};

use crate::load::Loaded;
use crate::yaml_edit::{Edit, apply};

/// Marker placed above everything that needs a look.
pub const REVIEW: &str = crate::load::readiness::REVIEW;
/// Value of the publication date until someone fills it in.
pub const DATE_PLACEHOLDER: &str = crate::load::DATE_PLACEHOLDER;

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

/// The text of the next year's file.
pub fn next_year_text(loaded: &Loaded) -> String {
    let next = loaded.data.rapport.verslagjaar + 1;
    let mut edits = value_edits(loaded, next);
    edits.extend(
        review_points(&loaded.data, next)
            .iter()
            .filter_map(|(pointer, what)| review_comment(loaded, pointer, what, next)),
    );
    edits.push(header(loaded, next));
    apply(&loaded.source.text, edits)
}

/// The year, the publication date (to be filled in) and the status.
fn value_edits(loaded: &Loaded, next: i32) -> Vec<Edit> {
    let index = &loaded.index;
    [
        ("/rapport/verslagjaar", next.to_string()),
        (
            "/rapport/publicatiedatum",
            format!("{DATE_PLACEHOLDER}  # INVULLEN: datum van publicatie"),
        ),
        ("/rapport/status", "concept".into()),
    ]
    .into_iter()
    .filter_map(|(pointer, with)| {
        let span = index.value(pointer).filter(|_| index.contains(pointer))?;
        Some(Edit {
            at: span.start,
            end: span.end,
            with,
        })
    })
    .collect()
}

/// Every key that needs review for the next year, with what to do.
fn review_points(data: &crate::model::Voortgang, next: i32) -> Vec<(String, String)> {
    let text = || "tekst van vorig jaar".to_string();
    let status = || "status van vorig jaar".to_string();
    let mut points: Vec<(String, String)> = ["samenvatting", "inleiding"]
        .iter()
        .map(|key| (format!("/{key}"), text()))
        .collect();
    for (o, onderdeel) in data.onderdelen.iter().enumerate() {
        let po = format!("/onderdelen/{o}");
        points.push((format!("{po}/toelichting"), text()));
        for (t, thema) in onderdeel.themas.iter().enumerate() {
            let pt = format!("{po}/themas/{t}");
            points.push((format!("{pt}/toelichting"), text()));
            for i in 0..thema.indicatoren.len() {
                points.push((
                    format!("{pt}/indicatoren/{i}/metingen"),
                    format!("voeg de meting over {next} toe"),
                ));
            }
            for a in 0..thema.acties.len() {
                let pa = format!("{pt}/acties/{a}");
                points.push((format!("{pa}/status"), status()));
                points.push((format!("{pa}/toelichting"), text()));
            }
        }
    }
    for d in 0..data.doe_voorstellen.len() {
        points.push((format!("/doe_voorstellen/{d}/status"), status()));
        points.push((format!("/doe_voorstellen/{d}/toelichting"), text()));
    }
    points
}

/// A comment line above the key at `pointer`, with its indentation, when
/// the file has that key.
fn review_comment(loaded: &Loaded, pointer: &str, what: &str, next: i32) -> Option<Edit> {
    let (text, index) = (&loaded.source.text, &loaded.index);
    if !index.contains(pointer) {
        return None;
    }
    let key = index.key(pointer)?;
    let line_start = crate::text_position::line_start(text, key.start);
    let indent: String = text[line_start..key.start]
        .chars()
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    let indent = if indent.trim().is_empty() {
        indent
    } else {
        String::new()
    };
    Some(Edit {
        at: line_start,
        end: line_start,
        with: format!("{indent}# {REVIEW} voor {next}: {what}\n"),
    })
}

/// The header: what to update, after a leading yaml-language-server line.
fn header(loaded: &Loaded, next: i32) -> Edit {
    let text = &loaded.source.text;
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
    let at = if text.starts_with("# yaml-language-server:") {
        first_line_end
    } else {
        0
    };
    Edit {
        at,
        end: at,
        with: header,
    }
}
