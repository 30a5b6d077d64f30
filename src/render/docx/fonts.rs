//! The house font inside the DOCX (ECMA-376 Part 1, §17.8.1 and §17.8.3.3):
//! every font file the document uses, obfuscated with its font key, listed
//! in the font table, and `w:embedTrueTypeFonts` in the settings, so that
//! Word and LibreOffice show the report in Noto Sans on a computer that
//! does not have it.

use crate::fonts;

/// Content type of an obfuscated font part.
pub const CONTENT_TYPE: &str = r#"<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>"#;
/// The relationships of the font table.
pub const RELS_PART: &str = "word/_rels/fontTable.xml.rels";
/// The setting that tells Word to use the embedded fonts.
pub const SETTING: &str = "<w:embedTrueTypeFonts/>";

/// One embedded font file.
pub struct EmbeddedFont {
    pub family: &'static str,
    /// `embedRegular`, `embedBold`, `embedItalic`, `embedBoldItalic`.
    pub kind: &'static str,
    /// `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, derived from the font bytes:
    /// the same font gets the same key, so output stays byte-identical.
    pub key: String,
    /// Relationship id in the font table's relationships.
    pub rel_id: String,
    /// Part name, `word/fonts/fontN.odttf`.
    pub part: String,
    pub data: Vec<u8>,
}

/// The fonts to embed: the house font in its four styles, and the Arabic
/// and Hebrew fonts when the document's parts name them.
pub fn fonts_for(house_family: &str, parts_name: impl Fn(&str) -> bool) -> Vec<EmbeddedFont> {
    let mut files: Vec<(&'static str, &'static str, &'static [u8])> = Vec::new();
    if house_family == fonts::FAMILY {
        files.extend([
            (fonts::FAMILY, "embedRegular", fonts::NOTO_SANS_REGULAR),
            (fonts::FAMILY, "embedBold", fonts::NOTO_SANS_BOLD),
            (fonts::FAMILY, "embedItalic", fonts::NOTO_SANS_ITALIC),
            (
                fonts::FAMILY,
                "embedBoldItalic",
                fonts::NOTO_SANS_BOLD_ITALIC,
            ),
        ]);
    }
    for (family, regular, bold) in [
        (
            fonts::ARABIC_FAMILY,
            fonts::NOTO_SANS_ARABIC_REGULAR,
            fonts::NOTO_SANS_ARABIC_BOLD,
        ),
        (
            fonts::HEBREW_FAMILY,
            fonts::NOTO_SANS_HEBREW_REGULAR,
            fonts::NOTO_SANS_HEBREW_BOLD,
        ),
    ] {
        if parts_name(family) {
            files.extend([
                (family, "embedRegular", regular),
                (family, "embedBold", bold),
            ]);
        }
    }
    files
        .into_iter()
        .enumerate()
        .map(|(i, (family, kind, bytes))| {
            let key = font_key(bytes);
            EmbeddedFont {
                family,
                kind,
                data: obfuscate(bytes, &key),
                key,
                rel_id: format!("rIdFont{}", i + 1),
                part: format!("word/fonts/font{}.odttf", i + 1),
            }
        })
        .collect()
}

/// A GUID-shaped key from the font's bytes.
fn font_key(bytes: &[u8]) -> String {
    let h = format!("{:032X}", typst::utils::hash128(&bytes));
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The obfuscation of §17.8.1: the first 32 bytes of the font XOR the 16
/// bytes of the key, taken from the end of the GUID to its start.
pub fn obfuscate(font: &[u8], key: &str) -> Vec<u8> {
    let hex: Vec<u8> = key
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .map(|c| c.to_digit(16).expect("a hex digit") as u8)
        .collect();
    let key_bytes: Vec<u8> = (0..16)
        .map(|i| {
            let at = 30 - 2 * i;
            hex[at] * 16 + hex[at + 1]
        })
        .collect();
    let mut out = font.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= key_bytes[i % 16];
    }
    out
}

/// The `w:embed…` elements of `family` in the font table.
pub fn font_table_children(fonts: &[EmbeddedFont], family: &str) -> String {
    fonts
        .iter()
        .filter(|f| f.family == family)
        .map(|f| {
            format!(
                r#"<w:{kind} r:id="{id}" w:fontKey="{key}"/>"#,
                kind = f.kind,
                id = f.rel_id,
                key = f.key
            )
        })
        .collect()
}

/// The relationships part of the font table.
pub fn rels(fonts: &[EmbeddedFont]) -> String {
    let items: String = fonts
        .iter()
        .map(|f| {
            format!(
                r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="{}"/>"#,
                f.rel_id,
                f.part.trim_start_matches("word/")
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>"#,
        "\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_follows_the_standard_and_is_its_own_inverse() {
        // The key's bytes in reverse order: 0x33 0x22 0x11 0x00 ... for
        // {00112233-...}: the last pair first.
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
        let plain = fonts_for("Noto Sans", |_| false);
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
        let arabic = fonts_for("Noto Sans", |f| f == "Noto Sans Arabic");
        assert_eq!(arabic.len(), 6);
        assert!(font_table_children(&arabic, "Noto Sans Arabic").contains("embedBold"));
    }
}
