//! The house font inside the DOCX (ECMA-376 Part 1, §17.8.1 and §17.8.3.3):
//! every font file the document uses, obfuscated with its font key and
//! listed in the font table, so that Word and LibreOffice show the report
//! in Noto Sans on a computer that does not have it. The build script
//! (`build.rs`) obfuscates and deflates the files once; a package gets the
//! compressed entries copied as they are.

use std::io::Cursor;

use crate::fonts::list::Style;
use std::sync::LazyLock;

use crate::errors::DocxError;
use crate::fonts;
use crate::fonts::house::HouseFonts;
use crate::render::docx::ooxml::{FONT_REL, R, W, relationships};
use crate::render::xml::Xml;

include!(concat!(env!("OUT_DIR"), "/docx_fonts.rs"));

/// The embedded fonts, obfuscated and deflated by `build.rs`.
static COMPRESSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/docx-fonts.zip"));

/// The archive of [`COMPRESSED`], its directory read once per process.
static ARCHIVE: LazyLock<zip::ZipArchive<Cursor<&'static [u8]>>> = LazyLock::new(|| {
    zip::ZipArchive::new(Cursor::new(COMPRESSED)).expect("build.rs writes a valid zip")
});

/// The relationships of the font table.
pub const RELS_PART: &str = "word/_rels/fontTable.xml.rels";

/// One embedded font file.
pub struct EmbeddedFont {
    pub family: String,
    /// `embedRegular`, `embedBold`, `embedItalic`, `embedBoldItalic`.
    pub kind: &'static str,
    /// The file's name in `build.rs`, `NotoSans-Bold`; or the editor's file.
    pub file: String,
    /// `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.
    pub key: String,
    /// The editor's font file, obfuscated when the package is written; the
    /// built-in ones come compressed from `build.rs`.
    pub own: Option<std::sync::Arc<[u8]>>,
    /// Relationship id in the font table's relationships.
    pub rel_id: String,
    /// Part name, `word/fonts/fontN.odttf`.
    pub part: String,
}

fn key(file: &str) -> &'static str {
    KEYS.iter()
        .find(|(f, _)| *f == file)
        .map(|(_, k)| *k)
        .expect("build.rs gives every font a key")
}

/// A font to embed: family, kind, file, key, and the editor's bytes.
type Entry = (
    String,
    &'static str,
    String,
    String,
    Option<std::sync::Arc<[u8]>>,
);

/// The fonts to embed: the house font in its four styles (the built-in
/// Noto Sans, or the editor's files), and the Arabic and Hebrew fonts when
/// a run names them.
pub fn fonts_for(house: &HouseFonts, used: impl Fn(&str) -> bool) -> Vec<EmbeddedFont> {
    let kind = |style: Style| match style {
        Style::Regular => "embedRegular",
        Style::Bold => "embedBold",
        Style::Italic => "embedItalic",
        Style::BoldItalic => "embedBoldItalic",
    };
    let mut out: Vec<Entry> = Vec::new();
    if house.own {
        for f in &house.faces {
            out.push((
                house.family.clone(),
                kind(f.style),
                f.file.clone(),
                crate::render::docx::obfuscation::font_key(&f.bytes),
                Some(f.bytes.clone()),
            ));
        }
    }
    for f in fonts::list::FONTS.iter().filter(|f| {
        // The body family in its styles when it is the house font; a
        // fallback family when a run names it.
        f.in_docx
            && if f.family == fonts::FAMILY {
                !house.own
            } else {
                used(f.family)
            }
    }) {
        out.push((
            f.family.to_string(),
            kind(f.style),
            f.name.to_string(),
            key(f.name).to_string(),
            None,
        ));
    }
    out.into_iter()
        .enumerate()
        .map(|(i, (family, kind, file, key, own))| EmbeddedFont {
            family,
            kind,
            file,
            key,
            own,
            rel_id: format!("rIdFont{}", i + 1),
            part: format!("word/fonts/font{}.odttf", i + 1),
        })
        .collect()
}

/// Copy the compressed font files into the package being written.
pub fn copy_into<W: std::io::Write + std::io::Seek>(
    zip: &mut zip::ZipWriter<W>,
    fonts: &[EmbeddedFont],
) -> Result<(), DocxError> {
    let mut archive = ARCHIVE.clone();
    for f in fonts {
        if let Some(bytes) = &f.own {
            // The editor's font: obfuscated as Word does, deflated here.
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .last_modified_time(zip::DateTime::default())
                .unix_permissions(0o644);
            zip.start_file(&f.part, options).map_err(DocxError::Pack)?;
            std::io::Write::write_all(
                zip,
                &crate::render::docx::obfuscation::obfuscate(bytes, &f.key),
            )
            .map_err(|e| DocxError::Pack(e.into()))?;
            continue;
        }
        let name = format!("{}.odttf", f.file);
        let index = archive
            .index_for_name(&name)
            .expect("build.rs writes every font file");
        let entry = archive.by_index_raw(index)?;
        zip.raw_copy_file_rename(entry, &f.part)
            .map_err(DocxError::Pack)?;
    }
    Ok(())
}

/// The font table: the fonts of the report, with the embedded files of each.
pub fn font_table_xml(house: &str, embedded: &[EmbeddedFont]) -> String {
    use crate::fonts::{ARABIC_FAMILY, EMOJI_FAMILY, HEBREW_FAMILY};
    let mut x = Xml::part();
    x.open("w:fonts", &[("xmlns:w", W), ("xmlns:r", R)]);
    for (name, charset) in [
        (house, "00"),
        (EMOJI_FAMILY, "00"),
        (ARABIC_FAMILY, "B2"),
        (HEBREW_FAMILY, "B1"),
    ] {
        x.open("w:font", &[("w:name", name)]);
        x.val("w:charset", charset);
        x.val("w:family", "swiss");
        x.val("w:pitch", "variable");
        for f in embedded.iter().filter(|f| f.family == name) {
            x.empty(
                &format!("w:{}", f.kind),
                &[("r:id", &f.rel_id), ("w:fontKey", &f.key)],
            );
        }
        x.close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}

/// The relationships part of the font table.
pub fn rels(fonts: &[EmbeddedFont]) -> String {
    let mut x = relationships();
    for f in fonts {
        x.empty(
            "Relationship",
            &[
                ("Id", &f.rel_id),
                ("Type", FONT_REL),
                ("Target", f.part.trim_start_matches("word/")),
            ],
        );
    }
    x.close("Relationships");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::obfuscation::obfuscate;
    use std::io::Read;

    #[test]
    fn obfuscation_follows_the_standard_and_is_its_own_inverse() {
        // The key's bytes in reverse order: 0x0F 0x0E ... 0x00 for
        // {00010203-...-0E0F}: the last pair first.
        let key = "{00010203-0405-0607-0809-0A0B0C0D0E0F}";
        let font = vec![0u8; 40];
        let out = obfuscate(&font, key);
        let expected: Vec<u8> = (0..16).rev().collect();
        assert_eq!(&out[..16], &expected[..]);
        assert_eq!(&out[16..32], &expected[..]);
        assert_eq!(&out[32..], &[0u8; 8]);
        assert_eq!(obfuscate(&out, key), font);
    }

    #[test]
    fn house_font_in_four_styles_and_scripts_only_when_used() {
        let plain = fonts_for(&HouseFonts::embedded(), |_| false);
        let kinds: Vec<&str> = plain.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                "embedRegular",
                "embedBold",
                "embedItalic",
                "embedBoldItalic"
            ]
        );
        assert_eq!(plain[0].part, "word/fonts/font1.odttf");
        assert!(plain[0].key.starts_with('{') && plain[0].key.len() == 38);
        assert_ne!(plain[0].key, plain[1].key);
        let arabic = fonts_for(&HouseFonts::embedded(), |f| f == "Noto Sans Arabic");
        assert_eq!(arabic.len(), 6);
        assert!(font_table_xml("Noto Sans", &arabic).contains("embedBold"));
    }

    #[test]
    fn the_compressed_files_are_the_obfuscated_fonts() {
        let mut archive = ARCHIVE.clone();
        let mut entry = archive.by_name("NotoSans-Bold.odttf").unwrap();
        assert!(entry.compressed_size() < entry.size(), "deflated");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        assert_eq!(
            obfuscate(&data, key("NotoSans-Bold")),
            crate::fonts::NOTO_SANS_BOLD
        );
    }
}
