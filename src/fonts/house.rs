//! The house font: the family every text is set in (`lettertype` in
//! `huisstijl.yaml`), in its four styles. Noto Sans is built in; an editor
//! may put another family's files (TTF or OTF: regular, bold, italic, bold
//! italic) in the folder `lettertypen/` of the templates. Every format
//! takes the house font from here: the PDF and the charts (SVG and PNG)
//! set text in it, the DOCX and the web page carry it, and tables and chart
//! labels are measured with it. The Noto fonts stay in every font list as
//! the fallback for the characters the house font lacks.

use std::sync::Arc;

use super::list::Style;

/// The folder of the editor's font files in the templates.
pub const FONTS_DIR: &str = "lettertypen";

/// One font file of the house font.
#[derive(Debug, Clone)]
pub struct Face {
    /// The file's name (`OpenSans-Bold.ttf`), or the built-in font's name.
    pub file: String,
    pub bytes: Arc<[u8]>,
    pub style: Style,
}

/// The house font in its four styles.
#[derive(Debug, Clone)]
pub struct HouseFonts {
    pub family: String,
    /// Regular, bold, italic, bold italic.
    pub faces: [Face; 4],
    /// Whether the files are the editor's (not the built-in Noto Sans).
    pub own: bool,
    /// What the files are, for the memo of a series of builds.
    pub fingerprint: u128,
}

impl Default for HouseFonts {
    fn default() -> Self {
        Self::embedded()
    }
}

impl std::hash::Hash for HouseFonts {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.fingerprint.hash(state);
    }
}

impl PartialEq for HouseFonts {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
    }
}

/// The four styles in the order of [`HouseFonts::faces`], with their names
/// in messages.
pub const STYLES: [(Style, &str); 4] = [
    (Style::Regular, "gewoon"),
    (Style::Bold, "vet"),
    (Style::Italic, "cursief"),
    (Style::BoldItalic, "vet cursief"),
];

fn fingerprint(faces: &[Face]) -> u128 {
    let parts: Vec<(&str, &[u8])> = faces
        .iter()
        .map(|f| (f.file.as_str(), &f.bytes[..]))
        .collect();
    typst::utils::hash128(&parts)
}

impl HouseFonts {
    /// Noto Sans, built in.
    pub fn embedded() -> Self {
        let face = |name: &str, style| Face {
            file: format!("{name}.ttf"),
            bytes: Arc::from(super::bytes(name)),
            style,
        };
        let faces = [
            face("NotoSans-Regular", Style::Regular),
            face("NotoSans-Bold", Style::Bold),
            face("NotoSans-Italic", Style::Italic),
            face("NotoSans-BoldItalic", Style::BoldItalic),
        ];
        HouseFonts {
            family: super::FAMILY.to_string(),
            fingerprint: fingerprint(&faces),
            faces,
            own: false,
        }
    }

    /// The face of a style.
    pub fn face(&self, style: Style) -> &Face {
        let i = STYLES.iter().position(|(s, _)| *s == style).unwrap_or(0);
        &self.faces[i]
    }

    /// The width of `text` set in the house font at `size` points (bold or
    /// not), in points, from the font's advance widths (without kerning;
    /// characters it lacks count as half an em).
    pub fn text_width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(if bold { Style::Bold } else { Style::Regular });
        let Ok(face) = ttf_parser::Face::parse(&face.bytes, 0) else {
            return text.chars().count() as f32 * size * 0.55;
        };
        let em = f32::from(face.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(em / 2.0, f32::from)
            })
            .sum();
        units / em * size
    }

    /// Every font file a renderer loads: the house font's four files, then
    /// the built-in fallbacks (Noto Sans too, when the house font is the
    /// editor's, for the scripts it lacks), each with the file name it gets
    /// in a Typst bundle.
    pub fn all_files(&self) -> Vec<(String, Arc<[u8]>)> {
        let mut out: Vec<(String, Arc<[u8]>)> = self
            .faces
            .iter()
            .map(|f| (f.file.clone(), f.bytes.clone()))
            .collect();
        for (name, bytes) in super::all() {
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, Arc::from(bytes)));
            }
        }
        out
    }
}

/// A font file of the editor's, read: its family and style, and whether
/// its licence allows embedding.
#[derive(Debug, Clone)]
pub struct FontFile {
    pub file: String,
    pub family: String,
    pub style: Style,
    /// OS/2 `fsType`: restricted licence (bit 1), no subsetting (bit 8) or
    /// bitmaps only (bit 9) forbid what a PDF and a DOCX do.
    pub embeddable: bool,
    pub bytes: Arc<[u8]>,
}

/// Read a TTF or OTF file: `None` when it is no font.
pub fn read_file(file: &str, bytes: Arc<[u8]>) -> Option<FontFile> {
    let face = ttf_parser::Face::parse(&bytes, 0).ok()?;
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    let family = name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
        .or_else(|| name(ttf_parser::name_id::FAMILY))?;
    let bold = face.is_bold() || face.weight().to_number() >= 600;
    let italic = face.is_italic() || face.is_oblique();
    let style = match (bold, italic) {
        (false, false) => Style::Regular,
        (true, false) => Style::Bold,
        (false, true) => Style::Italic,
        (true, true) => Style::BoldItalic,
    };
    let embeddable = face
        .tables()
        .os2
        .map(|os2| {
            // A PDF embeds a subset of the outlines: the licence must allow
            // embedding, outlines and subsets.
            !matches!(
                os2.permissions(),
                Some(ttf_parser::Permissions::Restricted) | None
            ) && os2.is_outline_embedding_allowed()
                && os2.is_subsetting_allowed()
        })
        .unwrap_or(true);
    Some(FontFile {
        file: file.to_string(),
        family,
        style,
        embeddable,
        bytes,
    })
}

/// The house font `family` from the editor's files, or why not: a family
/// no file has (with the families there are), a style it lacks (with the
/// file it wanted), a licence that forbids embedding.
pub fn from_files(family: &str, files: &[FontFile]) -> Result<HouseFonts, Vec<String>> {
    let mine: Vec<&FontFile> = files
        .iter()
        .filter(|f| f.family.eq_ignore_ascii_case(family))
        .collect();
    let mut problems = Vec::new();
    if mine.is_empty() {
        return Err(problems);
    }
    for f in &mine {
        if !f.embeddable {
            problems.push(format!(
                "de licentie van {}/{} verbiedt het opnemen van het lettertype in een document (OS/2 fsType); een PDF/A en een DOCX moeten het lettertype bevatten",
                FONTS_DIR, f.file
            ));
        }
    }
    let base = mine[0]
        .file
        .rsplit_once('-')
        .map_or_else(|| family.replace(' ', ""), |(b, _)| b.to_string());
    let mut faces = Vec::new();
    for (style, word) in STYLES {
        match mine.iter().find(|f| f.style == style) {
            Some(f) => faces.push(Face {
                file: f.file.clone(),
                bytes: f.bytes.clone(),
                style,
            }),
            None => {
                let wanted = match style {
                    Style::Regular => "Regular",
                    Style::Bold => "Bold",
                    Style::Italic => "Italic",
                    Style::BoldItalic => "BoldItalic",
                };
                problems.push(format!(
                    "het lettertype '{family}' mist de stijl {word}: zet het bestand ervan (bijvoorbeeld {FONTS_DIR}/{base}-{wanted}.ttf) in de map {FONTS_DIR}"
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let faces: [Face; 4] = faces.try_into().expect("four styles");
    Ok(HouseFonts {
        family: mine[0].family.clone(),
        fingerprint: fingerprint(&faces),
        faces,
        own: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_files_read_as_noto_sans_in_four_embeddable_styles() {
        let files: Vec<FontFile> = HouseFonts::embedded()
            .faces
            .iter()
            .map(|f| read_file(&f.file, f.bytes.clone()).expect("a font"))
            .collect();
        let fonts = from_files("noto sans", &files).expect("complete");
        assert_eq!(fonts.family, "Noto Sans");
        assert!(files.iter().all(|f| f.embeddable));
        let styles: Vec<Style> = fonts.faces.iter().map(|f| f.style).collect();
        assert_eq!(
            styles,
            [
                Style::Regular,
                Style::Bold,
                Style::Italic,
                Style::BoldItalic
            ]
        );
        // Without the bold italic file: named, with a file to add.
        let three: Vec<FontFile> = files
            .into_iter()
            .filter(|f| f.style != Style::BoldItalic)
            .collect();
        let problems = from_files("Noto Sans", &three).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("mist de stijl vet cursief"),
            "{}",
            problems[0]
        );
        assert!(
            problems[0].contains("lettertypen/NotoSans-BoldItalic.ttf"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn bold_text_is_wider_than_regular() {
        let f = HouseFonts::embedded();
        assert!(
            f.text_width("Vmbo-scholen", 10.0, true) > f.text_width("Vmbo-scholen", 10.0, false)
        );
    }
}
